"""IAMC data checked by the IAMC's own validator, nomenclature-iamc, against the copy of
the IAMC common-definitions codelists in tests/data/common-definitions (variables,
their units and lower bounds, and regions; see the README there).

    from tests.iamc_validator import validate
    validate("scenarios.csv")   # raises IamcValidationError with the validator's message

``problems`` returns that message instead (None when the data is valid). Both take an
IAMC CSV or Excel path, a ``pyam.IamDataFrame`` or a pandas frame that pyam reads
(model, scenario, region, variable, unit, year, value columns, or one column a year).
nomenclature and pyam are imported on the first call: together they take a few seconds.
"""

from __future__ import annotations

import functools
import os
import warnings
from pathlib import Path
from typing import Any

DEFINITIONS = Path(__file__).parent / "data" / "common-definitions" / "definitions"


class IamcValidationError(AssertionError):
    """The data failed the IAMC validator; the message is the validator's."""


@functools.cache
def definition() -> Any:
    """The validator's ``nomenclature.DataStructureDefinition`` of the copied codelists
    (its config, ../nomenclature.yaml, adds nomenclature's own list of countries)."""
    with warnings.catch_warnings():  # pyam's and ixmp4's dependencies warn on import
        warnings.simplefilter("ignore")
        from nomenclature.definition import DataStructureDefinition
    return DataStructureDefinition(DEFINITIONS)  # type: ignore[no-untyped-call]


def _frame(data: Any) -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import pyam
    if isinstance(data, pyam.IamDataFrame):
        return data
    if isinstance(data, str | os.PathLike):
        return pyam.IamDataFrame(Path(data))
    return pyam.IamDataFrame(data)


def _messages(error: BaseException) -> list[str]:
    if isinstance(error, BaseExceptionGroup):
        return [m for e in error.exceptions for m in _messages(e)]
    return [str(error)]


def problems(data: Any) -> str | None:
    """The validator's message for ``data``, one paragraph per failed check (unknown
    variables, units, regions, values out of bounds), or None if it is valid."""
    from nomenclature.exceptions import DataValidationError, NomenclatureValidationError

    dsd = definition()
    frame = _frame(data)
    try:
        dsd.validate(frame)
    except (NomenclatureValidationError, DataValidationError) as error:
        return "\n\n".join(_messages(error))
    return None


def validate(data: Any) -> None:
    """Raise IamcValidationError with the validator's message unless ``data`` is valid."""
    message = problems(data)
    if message is not None:
        raise IamcValidationError(message)
