"""Shared fixtures. Every test gets its own cache folder, so no test depends on
what an earlier run cached, and the user's own cache is never touched."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.delenv("NBSCDR_DATA", raising=False)
    monkeypatch.delenv("NBSCDR_DEBUG", raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)


@pytest.fixture(scope="session")
def nbscdr_command() -> list[str]:
    """The installed console script (next to this interpreter), as a user runs it."""
    script = Path(sys.executable).with_name("nbscdr")
    if script.exists():
        return [str(script)]
    found = shutil.which("nbscdr")
    assert found, "the nbscdr command is not installed in this environment"
    return [found]


def subprocess_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NBSCDR_", "LC_"))}
    env.update({"XDG_CACHE_HOME": str(tmp_path / "cache"), "LANG": "C.UTF-8", "NO_COLOR": "1"})
    env.update(extra)
    return env
