"""The caches through the installed command: trusted only when the user's own
and private, keyed on content, and best effort: planted, damaged, foreign,
unreadable or unwritable entries only mean re-reading the source, never a wrong
answer, an error, a hang or code run (issues 12 and 15).

Entries are planted with the library's own writer (``cache.write`` adds the
digest), so that they are well formed and would be used if trusted: the control
cases show they are, which makes the refusals meaningful.
"""

from __future__ import annotations

import json
import os
import pickle
import resource
import shutil
import stat
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from nbscdr_cli.base import cache
from nbscdr_cli.base.locations import builtin_path
from nbscdr_cli.io import catalog_cache
from nbscdr_cli.io.load import load_catalog
from nbscdr_cli.model import units
from tests.cli.contract import HANG_GUARD, clean, csv_total, leftovers, run
from tests.conftest import subprocess_env

BIOCHAR_GT = "total,1.8,4.8,Gt CO2/yr"
BIOCHAR_MTC = "total,490.909090909,1309.09090909,Mt C/yr"
ROOT = os.geteuid() == 0
OTHER_UID = 12345  # no such user: a cache folder or file "of someone else"


def total_line(stdout: str) -> str:
    return csv_total(stdout)


def folder_of(tmp_path: Path) -> Path:
    return tmp_path / "cache" / "nbscdr"


def builtin_key() -> str:
    return catalog_cache.content_key(builtin_path().read_bytes())


@pytest.fixture
def writer(tmp_path: Path) -> Iterator[Path]:
    """The library's cache writer, pointed at this test's cache folder."""
    cache.enable(folder_of(tmp_path))
    yield folder_of(tmp_path)
    cache.disable()


def plant(folder: Path) -> list[Path]:
    """Well-formed entries with wrong figures: biochar 0.5-99 Gt CO2/yr in the
    built-in catalog, and 'Mt C/yr' at twice its factor."""
    catalog = load_catalog(builtin_path())
    biochar = catalog.all_techniques["biochar"]
    wrong = biochar.range._replace(low=0.5, high=99.0)
    used = biochar.estimate(catalog.default_assessment)  # the estimate a portfolio uses
    estimates = tuple(e._replace(range=wrong) if e == used else e for e in biochar.estimates)
    planted = biochar._replace(range=wrong, estimates=estimates)
    catalog_cache.store(
        builtin_key(),
        catalog._replace(
            techniques={**catalog.techniques, "biochar": planted},
            all_techniques={**catalog.all_techniques, "biochar": planted},
        ),
    )
    doubled = {"Mt C/yr": ["rate", 2 * units.parse_unit("Mt C/yr").factor]}
    cache.write(units._CACHE_NAME, json.dumps(doubled).encode())
    return sorted(folder.iterdir())


def test_planted_entries_are_used_when_trusted(
    nbscdr_command: list[str], tmp_path: Path, writer: Path
) -> None:
    # The control: the user's own, private entries are used as they are.
    plant(writer)
    result = run(nbscdr_command, tmp_path, "portfolio", "biochar", "-u", "Mt C/yr", "-f", "csv")
    assert total_line(clean(result)) == "total,68.1818181818,13500.0,Mt C/yr"


def _chown_folder(folder: Path, files: list[Path]) -> None:
    os.chown(folder, OTHER_UID, OTHER_UID)


def _chown_files(folder: Path, files: list[Path]) -> None:
    for f in files:
        os.chown(f, OTHER_UID, OTHER_UID)


def _symlinked(folder: Path, files: list[Path]) -> None:
    elsewhere = folder.parent / "elsewhere"
    elsewhere.mkdir(mode=0o700)
    for f in files:
        f.rename(elsewhere / f.name)
        f.symlink_to(elsewhere / f.name)


def _chmod_files(mode: int) -> Callable[[Path, list[Path]], None]:
    def change(folder: Path, files: list[Path]) -> None:
        for f in files:
            f.chmod(mode)

    return change


UNTRUSTED: dict[str, Callable[[Path, list[Path]], None]] = {
    "folder writable by all": lambda folder, files: folder.chmod(0o777),
    "folder writable by its group": lambda folder, files: folder.chmod(0o770),
    "files writable by all": _chmod_files(0o666),
    "files writable by their group": _chmod_files(0o620),
    "entries are symlinks": _symlinked,
    "folder of another user": _chown_folder,
    "files of another user": _chown_files,
}


@pytest.mark.parametrize("how", list(UNTRUSTED))
def test_untrusted_entries_are_ignored(
    nbscdr_command: list[str], tmp_path: Path, writer: Path, how: str
) -> None:
    if "another user" in how and not ROOT:
        pytest.skip("giving a file to another user needs root (CI runs as root)")
    files = plant(writer)
    UNTRUSTED[how](writer, files)
    before = {p.name: p.lstat() for p in writer.iterdir()}
    result = run(nbscdr_command, tmp_path, "portfolio", "biochar", "-u", "Mt C/yr", "-f", "csv")
    assert total_line(clean(result)) == BIOCHAR_MTC
    if "folder" in how:  # nothing is written into a folder others control
        after = {p.name: p.lstat() for p in writer.iterdir()}
        assert after.keys() == before.keys()
        assert all(after[n].st_mtime_ns == before[n].st_mtime_ns for n in after)


def test_created_private_whatever_the_umask(nbscdr_command: list[str], tmp_path: Path) -> None:
    result = run(
        nbscdr_command,
        tmp_path,
        "portfolio",
        "biochar",
        "-u",
        "Mt C/yr",
        "-f",
        "csv",
        preexec_fn=lambda: os.umask(0),
    )
    assert total_line(clean(result)) == BIOCHAR_MTC
    base = tmp_path / "cache"
    assert stat.S_IMODE(base.stat().st_mode) == 0o700  # created by nbscdr: XDG says 0700
    assert stat.S_IMODE(folder_of(tmp_path).stat().st_mode) == 0o700
    entries = sorted(folder_of(tmp_path).iterdir())
    assert [p.name.split("-")[0] for p in entries] == ["catalog", "names", "units"]
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in entries)


# ------------------------------------------------------------------ garbage


def _digest_framed(payload: bytes) -> bytes:
    return cache.digest(payload).encode() + b"\n" + payload


class Exploit:
    """Unpickling this runs a command: what a planted pickle could do."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, (f"touch '{self.marker}'",))


def garbage_catalogs(key: str, marker: Path) -> dict[str, bytes]:
    other = json.dumps({"key": "0" * 40, "catalog": {"_": "Catalog", "f": ["x", {}, {}]}}).encode()
    return {
        "binary": bytes(range(256)) * 4,
        "not json": b"not json at all",
        "another catalog's entry": _digest_framed(other),
        "an unknown type": _digest_framed(
            json.dumps({"key": key, "catalog": {"_": "system", "f": ["touch x"]}}).encode()
        ),
        "not a catalog": _digest_framed(
            json.dumps({"key": key, "catalog": {"_": "LocalText", "f": ["x"]}}).encode()
        ),
        "deeply nested": _digest_framed(b"[" * 100_000 + b"]" * 100_000),
        "a pickle": pickle.dumps(Exploit(marker)),
        "a framed pickle": _digest_framed(pickle.dumps(Exploit(marker))),
    }


@pytest.mark.parametrize("name", list(garbage_catalogs("k", Path("m"))))
def test_garbage_catalog_entry_is_a_miss(
    nbscdr_command: list[str], tmp_path: Path, writer: Path, name: str
) -> None:
    marker = tmp_path / "pwned"
    key = builtin_key()
    writer.mkdir(parents=True, mode=0o700)
    content = garbage_catalogs(key, marker)[name]
    for entry in (f"catalog-{key}.json", f"names-{key}.txt", f"catalog-{key}.pickle"):
        (writer / entry).write_bytes(content)
        (writer / entry).chmod(0o600)
    for _ in range(2):  # the second run reads what the first wrote back
        assert (
            total_line(clean(run(nbscdr_command, tmp_path, "portfolio", "biochar", "-f", "csv")))
            == BIOCHAR_GT
        )
    assert not marker.exists()


# Damaged entries, each under its own unit, all in one file (one run tests them all).
DAMAGED_ENTRIES = {
    "Mt C/yr": None,
    "kt C/yr": ["rate"],
    "Gt C/yr": ["rate", "0.003"],
    "Tg C/yr": ["rate", True],
    "Pg C/yr": ["rate", 0],
    "t C/yr": ["rate", -0.003],
    "Mt CO2e/yr": ["mass", 1.0],  # the wrong kind: must not refuse a valid unit
    "kt CO2/yr": ["speed", 1],
    "Tg CO2/yr": {"rate": 1},
}
# ... and two that JSON can hold but Python's json.dumps does not write
RAW_ENTRIES = b', "t CO2/yr": ["rate", 1e999], "Pg CO2/yr": ["rate", ' + b"9" * 400 + b"]"
# Damage to the whole file.
DAMAGED_FILES = {
    "deeply nested": b"[" * 100_000 + b"]" * 100_000,
    "a list": b'[["Mt C/yr", "rate", 1]]',
    "not utf-8": b'{"Mt C/yr\xff": ["rate", 1]}',
    "binary": bytes(range(256)),
}


def _spec_units(tmp_path: Path) -> tuple[Path, list[str]]:
    """A catalog of one technique per damaged unit, and specs giving each its
    own figure in that unit."""
    names = [*DAMAGED_ENTRIES, "t CO2/yr", "Pg CO2/yr"]
    data = tmp_path / "many.toml"
    data.write_text(
        "".join(
            f'[techniques.t{i}]\nname = {{ en = "T{i}" }}\nhigh = 1\nunit = "Gt CO2/yr"\n'
            for i in range(len(names))
        ),
        encoding="utf-8",
    )
    return data, [f"t{i}=1 {unit}" for i, unit in enumerate(names)]


def test_damaged_unit_entries_are_misses(nbscdr_command: list[str], tmp_path: Path, writer: Path) -> None:
    data, specs = _spec_units(tmp_path)
    args = ("portfolio", *specs, "--data", str(data), "-f", "csv")
    expected = clean(run(nbscdr_command, tmp_path, *args, env={"NBSCDR_NO_CACHE": "1"}))
    writer.mkdir(parents=True, mode=0o700)
    path = writer / units._CACHE_NAME
    payload = json.dumps(DAMAGED_ENTRIES)[:-1].encode() + RAW_ENTRIES + b"}"
    path.write_bytes(_digest_framed(payload))
    path.chmod(0o600)
    for _ in range(2):  # the second run reads the file the first wrote back
        assert clean(run(nbscdr_command, tmp_path, *args)) == expected


@pytest.mark.parametrize("name", [*DAMAGED_FILES, "no digest"])
def test_damaged_unit_file_is_a_miss(
    nbscdr_command: list[str], tmp_path: Path, writer: Path, name: str
) -> None:
    writer.mkdir(parents=True, mode=0o700)
    path = writer / units._CACHE_NAME
    damaged = {"no digest": b'{"Mt C/yr": ["rate", 0.001]}'}
    path.write_bytes(damaged[name] if name in damaged else _digest_framed(DAMAGED_FILES[name]))
    path.chmod(0o600)
    result = run(nbscdr_command, tmp_path, "portfolio", "biochar", "-u", "Mt C/yr", "-f", "csv")
    assert total_line(clean(result)) == BIOCHAR_MTC


# ------------------------------------------------------------------ content keys


def _catalog(high: str) -> bytes:
    return f'[techniques.x]\nname = {{ en = "X" }}\nhigh = {high}\nunit = "Gt CO2/yr"\n'.encode()


def test_same_size_and_time_is_not_the_same_catalog(nbscdr_command: list[str], tmp_path: Path) -> None:
    # `cp -p`, `rsync -t` and `tar x` keep a file's size and modification time.
    data = tmp_path / "data.toml"
    data.write_bytes(_catalog("4.8"))
    times = (data.stat().st_atime_ns, data.stat().st_mtime_ns)
    args = ("portfolio", "x", "--data", str(data), "-f", "csv")
    assert total_line(clean(run(nbscdr_command, tmp_path, *args))) == "total,0.0,4.8,Gt CO2/yr"
    data.write_bytes(_catalog("9.8"))
    os.utime(data, ns=times)
    assert total_line(clean(run(nbscdr_command, tmp_path, *args))) == "total,0.0,9.8,Gt CO2/yr"


def test_an_entry_from_another_catalog_is_a_miss(nbscdr_command: list[str], tmp_path: Path) -> None:
    a, b = tmp_path / "a.toml", tmp_path / "b.toml"
    a.write_bytes(_catalog("4.8"))
    b.write_bytes(_catalog("9.8"))
    clean(run(nbscdr_command, tmp_path, "list", "--data", str(b)))
    key_a, key_b = catalog_cache.content_key(a.read_bytes()), catalog_cache.content_key(b.read_bytes())
    folder = folder_of(tmp_path)
    for kind, suffix in (("catalog", "json"), ("names", "txt")):
        shutil.copy(folder / f"{kind}-{key_b}.{suffix}", folder / f"{kind}-{key_a}.{suffix}")
    result = run(nbscdr_command, tmp_path, "portfolio", "x", "--data", str(a), "-f", "csv")
    assert total_line(clean(result)) == "total,0.0,4.8,Gt CO2/yr"


def test_the_key_is_the_content_read(nbscdr_command: list[str], tmp_path: Path) -> None:
    data = tmp_path / "data.toml"
    data.write_bytes(_catalog("4.8"))
    clean(run(nbscdr_command, tmp_path, "list", "--data", str(data)))
    names = sorted(p.name for p in folder_of(tmp_path).glob("catalog-*"))
    assert names == [f"catalog-{catalog_cache.content_key(data.read_bytes())}.json"]


def test_non_utf8_data_path(nbscdr_command: list[str], tmp_path: Path) -> None:
    path = os.path.join(os.fsencode(tmp_path), b"caf\xe9.toml")
    shutil.copy(builtin_path(), path)
    first = clean(run(nbscdr_command, tmp_path, "list", "-f", "csv", "--data", os.fsdecode(path)))
    second = clean(run(nbscdr_command, tmp_path, "list", "-f", "csv", "--data", os.fsdecode(path)))
    assert first == second and first.startswith("id,name_en")
    assert list(folder_of(tmp_path).glob(f"catalog-{builtin_key()}.json"))


# ------------------------------------------------------------------ special files


def _fifos(folder: Path) -> None:
    folder.mkdir(parents=True, mode=0o700)
    key = builtin_key()
    for name in (f"catalog-{key}.json", f"names-{key}.txt", units._CACHE_NAME):
        os.mkfifo(folder / name, 0o600)


def _links_to_devices(folder: Path) -> None:
    folder.mkdir(parents=True, mode=0o700)
    key = builtin_key()
    for name, target in ((f"catalog-{key}.json", "/dev/zero"), (units._CACHE_NAME, "/dev/urandom")):
        (folder / name).symlink_to(target)


def _folder_is_a_fifo(folder: Path) -> None:
    folder.parent.mkdir(mode=0o700)
    os.mkfifo(folder, 0o600)


def _entries_are_folders(folder: Path) -> None:
    key = builtin_key()
    for name in (f"catalog-{key}.json", units._CACHE_NAME):
        (folder / name).mkdir(parents=True, mode=0o700)


SPECIAL = {
    "fifos": _fifos,
    "links to devices": _links_to_devices,
    "the folder is a fifo": _folder_is_a_fifo,
    "entries are folders": _entries_are_folders,
}


@pytest.mark.parametrize("how", list(SPECIAL))
def test_special_files_in_the_cache(nbscdr_command: list[str], tmp_path: Path, how: str) -> None:
    SPECIAL[how](folder_of(tmp_path))
    result = run(nbscdr_command, tmp_path, "portfolio", "biochar", "-u", "Mt C/yr", "-f", "csv")
    assert total_line(clean(result)) == BIOCHAR_MTC


# ------------------------------------------------------------------ no cache, or one that cannot be written


def test_uncreatable_cache_folder(nbscdr_command: list[str], tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    env = {"XDG_CACHE_HOME": str(blocker / "cache")}
    result = run(nbscdr_command, tmp_path, "portfolio", "biochar", "-u", "Mt C/yr", "-f", "csv", env=env)
    assert total_line(clean(result)) == BIOCHAR_MTC
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def _no_file_writes() -> None:
    # Root writes into a folder whatever its mode: a file-size limit of 0 makes
    # every write to a file fail for root too (Python ignores SIGXFSZ).
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, resource.getrlimit(resource.RLIMIT_FSIZE)[1]))


def test_read_only_cache_folder(nbscdr_command: list[str], tmp_path: Path) -> None:
    args = ("portfolio", "biochar", "-f", "csv")
    assert total_line(clean(run(nbscdr_command, tmp_path, *args))) == BIOCHAR_GT
    folder = folder_of(tmp_path)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    folder.chmod(0o500)
    try:
        for more in ([], ["-u", "Mt C/yr"]):  # the catalog is cached; the unit is not yet
            result = run(nbscdr_command, tmp_path, *args, *more, preexec_fn=_no_file_writes)
            assert total_line(clean(result)) in (BIOCHAR_GT, BIOCHAR_MTC)
        assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    finally:
        folder.chmod(0o700)


def test_eight_processes_racing(nbscdr_command: list[str], tmp_path: Path) -> None:
    args = [*nbscdr_command, "portfolio", "afforestation", "biochar", "-u", "Mt C/yr", "-f", "csv"]
    env = subprocess_env(tmp_path)
    procs = [
        subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(8)
    ]
    outputs = [p.communicate(timeout=HANG_GUARD) for p in procs]
    assert all(p.returncode == 0 for p in procs)
    assert all(err == b"" for _, err in outputs)
    assert len({out for out, _ in outputs}) == 1
    folder = folder_of(tmp_path)
    assert leftovers(folder) == []
    cache.enable(folder)
    try:
        assert all(cache.read(p.name) is not None for p in folder.iterdir())  # every entry whole
    finally:
        cache.disable()
    assert run(nbscdr_command, tmp_path, *args[len(nbscdr_command) :]).stdout == outputs[0][0]


@pytest.mark.parametrize(
    ("env", "where"),
    [
        ({"XDG_CACHE_HOME": "relative/cache"}, "home/.cache/nbscdr"),
        ({"XDG_CACHE_HOME": ""}, "home/.cache/nbscdr"),
        ({"XDG_CACHE_HOME": "", "HOME": ""}, None),
        ({"XDG_CACHE_HOME": "", "HOME": "relative-home"}, None),
        ({"XDG_CACHE_HOME": "", "HOME": "/"}, None),
        ({"NBSCDR_NO_CACHE": "1"}, None),
    ],
    ids=[
        "relative XDG_CACHE_HOME",
        "empty XDG_CACHE_HOME",
        "empty HOME",
        "relative HOME",
        "HOME is /",
        "off",
    ],
)
def test_cache_locations(
    nbscdr_command: list[str], tmp_path: Path, env: dict[str, str], where: str | None
) -> None:
    # XDG: a relative path is ignored; nbscdr never caches in the working directory or /.
    work = tmp_path / "work"
    work.mkdir()
    (tmp_path / "home").mkdir()
    full = {"HOME": str(tmp_path / "home"), **env}
    root_cache = Path("/.cache/nbscdr").exists()
    result = run(
        nbscdr_command, tmp_path, "portfolio", "biochar", "-u", "Mt C/yr", "-f", "csv", env=full, cwd=work
    )
    assert total_line(clean(result)) == BIOCHAR_MTC
    assert list(work.iterdir()) == []
    assert not (tmp_path / "cache").exists()
    assert Path("/.cache/nbscdr").exists() == root_cache
    if where is None:
        assert not (tmp_path / "home" / ".cache").exists()
    else:
        assert (tmp_path / where / units._CACHE_NAME).is_file()


def test_the_builtin_catalog_is_served_whole_from_the_cache(writer: Path) -> None:
    # Every value type of the catalog survives the JSON entry: a type missing
    # from the decoder would make every run a silent miss.
    first = load_catalog(builtin_path())  # a miss: validated, then stored
    cached = catalog_cache.load(builtin_key(), first.path)
    assert cached == first
    assert cached.all_techniques["biochar"].estimate("ar6").cost.high == 345
