"""``{nbscdr-help}``: every command's ``--help`` text, as the installed command
prints it, so that the command reference cannot drift from the command line.

Written here rather than taken from sphinx-click or sphinxcontrib-typer: nbscdr's
typer vendors click (``typer._click``), which sphinx-click's type checks do not
recognise, and its help is plain text, which sphinxcontrib-typer (built on
rich's console) does not capture. This asks click's own ``get_help`` instead.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

WIDTH = 88  # columns of the help text, as a terminal would wrap it


class NbscdrHelp(SphinxDirective):
    """A section per command: ``nbscdr``, then each command in the order of ``nbscdr --help``."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        from typer._click import Context
        from typer.main import get_command

        from nbscdr_cli.cli.program import COMMANDS, app

        group = get_command(app)
        root = Context(group, info_name="nbscdr", terminal_width=WIDTH, max_content_width=WIDTH)
        sections = [self.section("nbscdr", group.get_help(root))]
        for name in COMMANDS:
            command = group.get_command(root, name)
            ctx = Context(command, info_name=name, parent=root, terminal_width=WIDTH, max_content_width=WIDTH)
            sections.append(self.section(f"nbscdr {name}", command.get_help(ctx)))
        return sections

    def section(self, title: str, help_text: str) -> nodes.section:
        section = nodes.section(ids=[nodes.make_id(title)], names=[nodes.fully_normalize_name(title)])
        section += nodes.title(text=title)
        section += nodes.literal_block(text=help_text, language="text")
        return section


def setup(app: Any) -> dict[str, Any]:
    app.add_directive("nbscdr-help", NbscdrHelp)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
