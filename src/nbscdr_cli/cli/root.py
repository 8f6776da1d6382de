"""Options given before the command (``nbscdr --lang zh --data cat.toml list``),
which apply to it: read from click's root context."""

from typing import Any


def data(value: str | None) -> str | None:
    """--data, else the one given before the command."""
    return value if value is not None else root_params().get("data")


def root_params() -> dict[str, Any]:
    """The options given before the command (``nbscdr --lang zh list``)."""
    from typer._click.globals import get_current_context

    ctx = get_current_context(silent=True)
    return dict(ctx.find_root().params) if ctx is not None else {}
