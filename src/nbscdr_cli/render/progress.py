"""A progress bar for long Monte Carlo runs: on stderr, only on a terminal."""

from __future__ import annotations

from typing import Any

from nbscdr_cli.render.environment import Environment

MIN_SAMPLES = 5_000_000  # fewer take a few seconds at most: no bar


class Progress:
    """Called with the number of samples drawn so far; draws nothing unless the
    request samples long enough and stderr is a terminal."""

    def __init__(self, request: Any, env: Environment) -> None:
        self.bar: Any = None
        settings = request.monte_carlo
        if settings is None or (settings.samples or 0) < MIN_SAMPLES or not env.stderr_terminal:
            return
        from rich.console import Console
        from rich.progress import Progress as Bar

        self.bar = Bar(transient=True, console=Console(stderr=True))
        self.task = self.bar.add_task("sampling", total=settings.samples)

    def __enter__(self) -> Progress:
        if self.bar is not None:
            self.bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()

    def __call__(self, done: int) -> None:
        if self.bar is not None:
            self.bar.update(self.task, completed=done)
