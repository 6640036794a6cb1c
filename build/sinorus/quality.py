"""Quality checks in the ODK style: every queries/*-violation.rq must return no rows.

The query's file name says its role; its opening comment says what a row means. The
rows are printed, so a failure shows what to fix.
"""

from __future__ import annotations

from rdflib import Graph

from .config import QUERIES_DIR
from .store import select_rows, store_from


def violation_queries() -> list:
    return sorted(QUERIES_DIR.glob("*-violation.rq"))


def violation_problems(graph: Graph) -> list[str]:
    store = store_from(graph)
    problems = []
    for path in violation_queries():
        names, rows = select_rows(store, path.read_text(encoding="utf-8"))
        for row in rows:
            cells = ", ".join(f"?{n}={v}" for n, v in zip(names, row))
            problems.append(f"{path.name}: {cells}")
    return problems
