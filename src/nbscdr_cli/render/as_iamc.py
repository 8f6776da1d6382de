"""IAMC: the scenario-exchange CSV of integrated-assessment modelling teams
(columns Model, Scenario, Region, Variable, Unit and one column per year), built from
``documents.iamc_document``; it loads with ``pyam.IamDataFrame(path)``."""

from __future__ import annotations

import csv
import io
from typing import Any

from nbscdr_cli.render.environment import Environment


def render(kind: str, doc: dict[str, Any], *, lang: str, env: Environment) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["Model", "Scenario", "Region", "Variable", "Unit", *(str(y) for y in doc["years"])])
    for r in doc["rows"]:
        writer.writerow([r["model"], r["scenario"], r["region"], r["variable"], r["unit"], *r["values"]])
    return buffer.getvalue()
