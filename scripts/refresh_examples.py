"""Re-run every `$ nbscdr ...` command in the console blocks of the README and
the documentation, and write what it prints under it (maintainers' tool).

    python scripts/refresh_examples.py [FILE.md ...]

The test suite (tests/unit/test_docs.py) checks that each block shows exactly
what the command prints at 100 columns; this rewrites the blocks after a change
of output, so that the check stays a check (read the diff before committing). A
block whose output starts with "..." keeps that line and the end of the output.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NBSCDR = Path(sys.executable).with_name("nbscdr")
BLOCK = re.compile(r"```console\n(.*?)```", re.S)


def files() -> list[Path]:
    return [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]


def run(command: str, cache: str) -> str:
    args = shlex.split(command)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NBSCDR_", "LC_"))}
    env.update({"XDG_CACHE_HOME": cache, "LANG": "C.UTF-8", "NO_COLOR": "1", "COLUMNS": "100"})
    done = subprocess.run([str(NBSCDR), *args[1:]], env=env, capture_output=True, text=True, cwd=ROOT)
    if done.returncode or done.stderr:
        raise SystemExit(f"{command}: exit {done.returncode}: {done.stderr}")
    return done.stdout.rstrip("\n")


def refresh(block: str, cache: str) -> str:
    out = []
    for part in re.split(r"^\$ ", block, flags=re.M)[1:]:
        command, _, shown = part.partition("\n")
        printed = run(command, cache)
        if shown.startswith("...\n"):
            keep = len(shown[4:].rstrip("\n").splitlines())
            printed = "...\n" + "\n".join(printed.splitlines()[-keep:])
        out.append(f"$ {command}\n{printed}\n")
    return "\n".join(out)


def main(paths: list[Path]) -> None:
    with tempfile.TemporaryDirectory() as cache:
        for path in paths:
            text = path.read_text(encoding="utf-8")
            new = BLOCK.sub(lambda m: "```console\n" + refresh(m.group(1), cache) + "```", text)
            if new != text:
                path.write_text(new, encoding="utf-8")
                print(f"updated {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main([Path(p).resolve() for p in sys.argv[1:]] or files())
