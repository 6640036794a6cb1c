"""Hold every external link (Wikidata, GeoNames) to a row of evidence.

A link is allowed only if a `confirmed` or `probable` row of the shared reference table or
of the project's own evidence table gives that identifier, and the row's name matches the
entity's label or one of its alternative labels (so a right identifier on the wrong entity
fails too).
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass

from rdflib import RDFS, Graph
from rdflib.namespace import SKOS

from .config import EVIDENCE_FILE, REFERENCE_FILE

WIKIDATA = re.compile(r"^http://www\.wikidata\.org/entity/(Q[1-9][0-9]*)$")
GEONAMES = re.compile(r"^https://sws\.geonames\.org/([1-9][0-9]*)/$")
ALLOWED_STATUS = {"confirmed", "probable"}


@dataclass(frozen=True)
class EvidenceRow:
    name: str
    wikidata: str
    geonames: str
    status: str
    table: str

    def names(self) -> set[str]:
        """The row's name, its part outside brackets and inside them, normalised."""
        outside = re.sub(r"\(.*?\)", "", self.name)
        inside = re.findall(r"\((.*?)\)", self.name)
        return {normalise(n) for n in [self.name, outside, *inside] if normalise(n)}


def normalise(name: str) -> str:
    name = unicodedata.normalize("NFKD", name).lower()
    name = re.sub(r"\b(province|the|city|of)\b", " ", name)
    return re.sub(r"[^a-z0-9]", "", name)


def evidence_rows() -> list[EvidenceRow]:
    rows = []
    for path in (REFERENCE_FILE, EVIDENCE_FILE):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                rows.append(
                    EvidenceRow(
                        row["name"].strip(),
                        row["wikidata"].strip(),
                        row["geonames"].strip(),
                        row["status"].strip(),
                        path.name,
                    )
                )
    return rows


def identifier(link: str) -> tuple[str, str] | None:
    if match := WIKIDATA.match(link):
        return "wikidata", match.group(1)
    if match := GEONAMES.match(link):
        return "geonames", match.group(1)
    return None


def row_for(link: str, rows: list[EvidenceRow]) -> EvidenceRow | None:
    kind_value = identifier(link)
    if kind_value is None:
        return None
    kind, value = kind_value
    for row in rows:
        if getattr(row, kind) == value and row.status in ALLOWED_STATUS:
            return row
    return None


def link_problems(graph: Graph) -> list[str]:
    rows, problems = evidence_rows(), []
    for entity, link in sorted(graph.subject_objects(SKOS.exactMatch)):
        link = str(link)
        if identifier(link) is None:
            continue  # links to other datasets are not identifiers of these two kinds
        row = row_for(link, rows)
        if row is None:
            problems.append(
                f"{entity} | skos:exactMatch {link} | rule R6: no confirmed or probable row of "
                f"data/external-ids/ gives this identifier: remove the link or add evidence"
            )
            continue
        names = {normalise(str(n)) for n in graph.objects(entity, RDFS.label)}
        names |= {normalise(str(n)) for n in graph.objects(entity, SKOS.altLabel)}
        if not any(a == b or (len(a) > 3 and len(b) > 3 and (a in b or b in a))
                   for a in names for b in row.names()):
            problems.append(
                f"{entity} | skos:exactMatch {link} | rule R6: the evidence row names "
                f"{row.name!r}, which matches none of the entity's labels"
            )
    return problems
