"""ODK-style quality checks: every queries/*-violation.rq returns no rows on the real
data, and each one does return a row when its defect is planted."""

from __future__ import annotations

import pytest
from rdflib import Graph

from conftest import ROOT
from sinorus.load import load, merge
from sinorus.quality import violation_queries
from sinorus.store import select_rows, store_from

PREFIXES = """
@prefix claim:   <https://w3id.org/sinorus/id/claim/> .
@prefix oa:      <http://www.w3.org/ns/oa#> .
@prefix owl:     <http://www.w3.org/2002/07/owl#> .
@prefix rdf:     <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs:    <http://www.w3.org/2000/01/rdf-schema#> .
@prefix sinorus: <https://w3id.org/sinorus/ontology#> .
@prefix skos:    <http://www.w3.org/2004/02/skos/core#> .
@prefix sr:      <https://w3id.org/sinorus/id/> .
@prefix xsd:     <http://www.w3.org/2001/XMLSchema#> .
"""

# One planted defect per check: Turtle that must make the check return a row.
PLANTED = {
    "unlabelled-term-violation.rq": "sinorus:Gadget a owl:Class ; rdfs:isDefinedBy <https://w3id.org/sinorus/ontology> ; skos:definition \"x\"@en .",
    "term-without-definition-violation.rq": "sinorus:Widget a owl:Class ; rdfs:isDefinedBy <https://w3id.org/sinorus/ontology> ; rdfs:label \"Widget\"@en .",
    "undeclared-class-violation.rq": "sr:thing a sinorus:Compnay .",
    "duplicate-label-violation.rq": "sr:huawei-twin a sinorus:Company ; rdfs:label \"Huawei\"@en .",
    "claim-without-quote-violation.rq": "claim:c9999 a sinorus:Claim .",
    "fact-without-claim-violation.rq": "sr:huawei sinorus:foundingDate \"1066\"^^xsd:gYear .",
}


@pytest.fixture(scope="module")
def real_graph() -> Graph:
    loaded = load()
    return merge(loaded.ontology, loaded.data)


def test_every_violation_query_has_a_planted_defect():
    names = sorted(p.name for p in violation_queries())
    assert names == sorted(PLANTED)


@pytest.mark.parametrize("path", violation_queries(), ids=lambda p: p.stem)
def test_violation_query_returns_no_rows_on_the_real_data(path, real_graph):
    names, rows = select_rows(store_from(real_graph), path.read_text(encoding="utf-8"))
    assert rows == [], f"{path.name} found:\n" + "\n".join(", ".join(r) for r in rows)


@pytest.mark.parametrize("path", violation_queries(), ids=lambda p: p.stem)
def test_violation_query_catches_its_planted_defect(path, real_graph):
    planted = Graph().parse(data=PREFIXES + PLANTED[path.name], format="turtle")
    _, rows = select_rows(store_from(real_graph, planted), path.read_text(encoding="utf-8"))
    assert rows, f"{path.name} did not notice: {PLANTED[path.name]}"


def test_every_violation_query_opens_with_a_comment_saying_what_a_row_means():
    for path in violation_queries():
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# Quality check:"), path.name
    assert (ROOT / "queries").is_dir()
