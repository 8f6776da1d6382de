"""Long tables are drawn fast, and exactly as rich draws them."""

from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich import box
from rich.console import Console
from rich.table import Table

from nbscdr_cli.render import long_tables
from nbscdr_cli.render.long_tables import print_table

PIECES = [*"abcXYZ 019.,–—%()/", "造林", "生物炭", "é", "ｗ", "\t", "\x07", "\n", "\u0301"]
TEXT = st.lists(st.sampled_from(PIECES), max_size=12).map("".join)


def draw(
    rows: list[tuple[list[str], str, bool]], *, terminal: bool, width: int, fast: bool, justify: list[str]
) -> str:
    console = Console(
        file=io.StringIO(),
        width=width,
        force_terminal=terminal,
        no_color=not terminal,
        color_system="auto" if terminal else None,
        highlight=False,
        markup=False,
        soft_wrap=False,
        emoji=False,
        legacy_windows=False,
    )
    table = Table(
        title="Portfolio: 造林 and others",
        box=box.ROUNDED if terminal else box.ASCII2,
        title_justify="left",
        header_style="bold cyan" if terminal else "",
    )
    for i, how in enumerate(justify):
        table.add_column(f"Column {i}\nGt CO2/yr" if i else "Technique", justify=how)  # type: ignore[arg-type]
    for cells, style, section in rows:
        table.add_row(*cells, style=style, end_section=section)
    if fast:
        print_table(console, table)
    else:
        console.print(table)
    return console.file.getvalue()  # type: ignore[attr-defined,no-any-return]


@settings(max_examples=60, deadline=None)
@given(
    rows=st.lists(
        st.tuples(
            st.lists(TEXT, min_size=3, max_size=3), st.sampled_from(["", "", "", "bold"]), st.booleans()
        ),
        max_size=30,
    ),
    terminal=st.booleans(),
    width=st.sampled_from([40, 60, 100, 200]),
    justify=st.lists(st.sampled_from(["left", "right", "center"]), min_size=3, max_size=3),
)
def test_same_bytes_as_rich(
    rows: list[tuple[list[str], str, bool]], terminal: bool, width: int, justify: list[str]
) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(long_tables, "LONG_TABLE_ROWS", 0)  # every table through the fast path
        fast = draw(rows, terminal=terminal, width=width, fast=True, justify=justify)
    assert fast == draw(rows, terminal=terminal, width=width, fast=False, justify=justify)


def test_a_long_table_takes_the_fast_path(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [([f"Synthetic {i} (t{i:05d})", "50%", f"{i / 7:.4g}"], "", False) for i in range(500)]
    rows[-2] = (rows[-2][0], "", True)
    rows[-1] = (["Total", "", "71.3"], "bold", False)
    drawn: list[Table] = []
    real = Console.print

    def spy(self: Console, *objects: object, **kwargs: object) -> None:
        drawn.extend(o for o in objects if isinstance(o, Table))
        real(self, *objects, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Console, "print", spy)
    for terminal in (False, True):
        fast = draw(rows, terminal=terminal, width=100, fast=True, justify=["left", "right", "right"])
        assert len(drawn[-1].rows) == 2  # rich drew one placeholder row and the total
        assert fast == draw(
            rows, terminal=terminal, width=100, fast=False, justify=["left", "right", "right"]
        )
