"""Sphinx configuration: MyST Markdown pages, the command reference generated
from the command line itself (``_ext/nbscdr_help.py``), the API reference from
the docstrings of the names in ``nbscdr_cli.__all__``."""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE / "_ext"))

from nbscdr_cli import __version__  # noqa: E402

project = "nbscdr"
author = "nbscdr developers"
copyright = "2026, nbscdr developers"
version = release = __version__

extensions = ["myst_parser", "sphinx.ext.autodoc", "nbscdr_help"]
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build"]
myst_heading_anchors = 3
html_theme = "furo"
html_title = f"nbscdr {__version__}"
autodoc_typehints = "description"
autodoc_member_order = "bysource"
nitpicky = False
