"""Keep the translation catalogs in step with the code (maintainers' tool).

    python scripts/translations.py update    # extract messages, merge them into each .po
    python scripts/translations.py compile   # .po -> .mo, shipped in the package

``update`` keeps every translation the catalog has, adds new messages with an
empty translation (the test suite then fails until a translator fills them in),
and drops messages the code no longer uses. Babel does the work; this file only
says where things are and which functions mark a message.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "nbscdr_cli"
LOCALE = PACKAGE / "locale"
DOMAIN = "nbscdr"
# _("text", lang, ...), p_("context", "text", lang, ...), N_("text"): see base/i18n.py
KEYWORDS = {"_": (1,), "p_": ((1, "c"), 2), "N_": (1,)}


def extract() -> Catalog:
    """Every message the code marks, with where it is used."""
    template = Catalog(domain=DOMAIN, project="nbscdr", fuzzy=False)
    for filename, lineno, message, _comments, context in extract_from_dir(
        PACKAGE, method_map=[("**.py", "python")], keywords=KEYWORDS
    ):
        template.add(message, None, [(f"src/nbscdr_cli/{filename}", lineno)], context=context)
    return template


def po_path(lang: str) -> Path:
    return LOCALE / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def languages() -> list[str]:
    return sorted(p.name for p in LOCALE.iterdir() if (p / "LC_MESSAGES" / f"{DOMAIN}.po").is_file())


def read(lang: str) -> Catalog:
    with po_path(lang).open("rb") as f:
        return read_po(f, locale=lang, domain=DOMAIN)


def write(catalog: Catalog, lang: str) -> None:
    with po_path(lang).open("wb") as f:
        # No source locations: they would change with every edit of the code.
        write_po(
            f, catalog, width=0, sort_output=True, omit_header=False, ignore_obsolete=True, no_location=True
        )


def update() -> None:
    template = extract()
    for lang in languages():
        catalog = read(lang)
        catalog.update(template, no_fuzzy_matching=True, update_creation_date=False)
        catalog.fuzzy = False
        write(catalog, lang)
        print(f"{po_path(lang).relative_to(ROOT)}: {len(catalog)} messages")


def compile_all() -> None:
    for lang in languages():
        with po_path(lang).with_suffix(".mo").open("wb") as f:
            write_mo(f, read(lang), use_fuzzy=False)
        print(f"{po_path(lang).with_suffix('.mo').relative_to(ROOT)}")


if __name__ == "__main__":
    {"update": update, "compile": compile_all}[sys.argv[1]]()
