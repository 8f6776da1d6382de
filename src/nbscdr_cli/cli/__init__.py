"""The ``nbscdr`` command: typer commands that parse options into one request,
call the library once and render what it returns (``program`` holds the app and
the one error boundary)."""

from nbscdr_cli.cli.program import app, main

__all__ = ["app", "main"]
