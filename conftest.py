"""The Python examples of the README and the documentation (```python blocks
written as doctests) run as tests, with Sybil; tests/conftest.py holds the
suite's own fixtures."""

from doctest import ELLIPSIS

from sybil import Sybil
from sybil.parsers.markdown import PythonCodeBlockParser

pytest_collect_file = Sybil(
    parsers=[PythonCodeBlockParser(doctest_optionflags=ELLIPSIS)], patterns=["README.md", "docs/**/*.md"]
).pytest()
