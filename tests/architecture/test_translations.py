"""The code and the translation catalogs stay in step: every message the code
marks (``_``, ``p_``, ``N_``, see ``base/i18n.py``) is in each catalog with a
translation that has the same placeholders, no catalog holds a message the code
no longer uses, and the compiled ``.mo`` shipped in the package is the ``.po``'s."""

from __future__ import annotations

import gettext
import string
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import translations  # noqa: E402  (the maintainers' script: one definition of what is a message)

LANGS = translations.languages()


def fields(text: str) -> set[str]:
    """The placeholders of a format string, with their format specs."""
    return {f"{name}:{spec}" for _, name, spec, _ in string.Formatter().parse(text) if name is not None}


def test_chinese_has_a_catalog() -> None:
    assert LANGS == ["zh"]


@pytest.fixture(scope="module")
def in_code() -> dict[tuple[str, str], object]:
    return {(m.context or "", m.id): m for m in translations.extract() if m.id}


@pytest.mark.parametrize("lang", LANGS)
def test_every_message_has_a_translation(lang: str, in_code: dict[tuple[str, str], object]) -> None:
    catalog = {(m.context or "", m.id): m for m in translations.read(lang) if m.id}
    assert sorted(set(in_code) - set(catalog)) == [], "run scripts/translations.py update, then translate"
    assert sorted(set(catalog) - set(in_code)) == [], "run scripts/translations.py update"
    untranslated = [key for key, m in catalog.items() if not m.string]
    assert untranslated == []
    fuzzy = [key for key, m in catalog.items() if m.fuzzy]
    assert fuzzy == []


@pytest.mark.parametrize("lang", LANGS)
def test_placeholders_are_the_same(lang: str) -> None:
    differ = []
    for m in translations.read(lang):
        if not m.id:
            continue
        if fields(m.id) != fields(m.string):
            differ.append((m.id, m.string))
    assert differ == []


@pytest.mark.parametrize("lang", LANGS)
def test_the_compiled_catalog_is_the_po(lang: str) -> None:
    po = translations.po_path(lang)
    with po.with_suffix(".mo").open("rb") as f:
        compiled = gettext.GNUTranslations(f)
    for m in translations.read(lang):
        if not m.id:
            continue
        got = compiled.pgettext(m.context, m.id) if m.context else compiled.gettext(m.id)
        assert got == m.string, f"{m.id!r}: run scripts/translations.py compile"


def test_a_missing_translation_is_found(tmp_path: Path) -> None:
    """The check above can fail: a message in the code but not in the catalog."""
    source = tmp_path / "planted.py"
    source.write_text('from nbscdr_cli.base.i18n import _\n_("A sentence no catalog has", "zh")\n')
    from babel.messages.extract import extract_from_dir

    found = [m[2] for m in extract_from_dir(tmp_path, keywords=translations.KEYWORDS)]
    assert found == ["A sentence no catalog has"]
    catalog = {m.id for m in translations.read("zh")}
    assert "A sentence no catalog has" not in catalog


def test_placeholders_that_differ_are_found() -> None:
    assert fields("{names}: up to {high} {unit}") != fields("{names}：最多 {high}")
    assert fields("{samples:,} samples") != fields("{samples} 个样本")
    assert fields("{a}{b}") == fields("{b}与{a}")
    assert fields("{name}: saturates after {n} years") != fields("{name}：{n} 年后饱和（{m}）")


def test_english_needs_no_catalog() -> None:
    """English is the code's own text: no catalog is opened for it (start-up)."""
    import subprocess

    code = (
        "from nbscdr_cli.base import i18n\n"
        "assert i18n._('Total', 'en') == 'Total'\n"
        "print(i18n._catalog.cache_info().currsize)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout == "0\n"


def test_chinese_comes_from_the_catalog() -> None:
    from nbscdr_cli.base.i18n import _, p_

    assert _("Total", "zh") == "合计"
    assert p_("technique", "Scope", "zh") == "所属领域"
    assert _("Scope", "zh") == "适用范围"
    assert (
        translations.read("zh")["{samples:,} samples"].string == "{samples:,}个样本"
    )  # no space (typography.md 2)
