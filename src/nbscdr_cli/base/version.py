"""The version of nbscdr (read by the build, shown by ``nbscdr --version``)."""

__version__ = "0.2.0"
