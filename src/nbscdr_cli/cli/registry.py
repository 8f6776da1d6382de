"""The commands' register: each command module registers its functions here
(``command``) with the example lines its help ends with; ``program`` turns them
into click commands only when one is invoked, in ``ORDER``.
"""

from collections.abc import Callable

# Help order: the catalog, the portfolio commands, conversion, then the regions.
ORDER = (
    "list",
    "assessments",
    "references",
    "show",
    "portfolio",
    "compare",
    "chart",
    "brief",
    "convert",
    "rank",
    "regions",
)

COMMANDS: dict[str, Callable[..., None]] = {}
EXAMPLES: dict[str, tuple[str, ...]] = {}  # the end of each command's help; tests run them


def command(name: str, *examples: str) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Register a command function under ``name`` (in help order), with the
    example command lines its help ends with."""

    def register(function: Callable[..., None]) -> Callable[..., None]:
        assert name in ORDER, name
        COMMANDS[name] = function
        EXAMPLES[name] = examples
        return function

    return register


def ordered() -> dict[str, Callable[..., None]]:
    """The registered commands in help order."""
    return {name: COMMANDS[name] for name in ORDER if name in COMMANDS}
