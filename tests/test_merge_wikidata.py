"""Merging our dump with other open data: a small Wikidata-shaped sample
(tests/fixtures/wikidata-sample.ttl, one item per confirmed or probable row of the
reference table) loaded beside the dump answers questions that neither side answers
alone: our data knows who did what and where, Wikidata knows its items' names; the join
is our skos:exactMatch to the item IRI. docs/sparql.md shows the same queries federated
with SERVICE <https://query.wikidata.org/sparql> (not run here: tests use no network).
"""

from __future__ import annotations

import csv
import gzip
from pathlib import Path

import pyoxigraph as ox
import pytest

from sinorus.config import REFERENCE_FILE

SAMPLE = Path(__file__).parent / "fixtures" / "wikidata-sample.ttl"
PREFIXES = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX sinorus: <https://w3id.org/sinorus/ontology#>
PREFIX wikibase: <http://wikiba.se/ontology#>
"""
# Who (an organisation of ours, linked to Wikidata) took part, in any role, in an event,
# agreement, programme or fund the report dates in 2019, and what is its Wikidata label?
ORGANISATIONS_OF_2019 = PREFIXES + """
SELECT DISTINCT ?organisation ?item ?wikidataLabel WHERE {
  ?thing ?role ?organisation ; sinorus:date|sinorus:startDate|sinorus:foundingDate ?date .
  FILTER(SUBSTR(STR(?date), 1, 4) = "2019")
  ?role rdfs:subPropertyOf* sinorus:participant .
  ?organisation a/rdfs:subClassOf* sinorus:Organisation ; skos:exactMatch ?item .
  ?item a wikibase:Item ; rdfs:label ?wikidataLabel .
  FILTER(LANG(?wikidataLabel) = "en")
}
ORDER BY ?wikidataLabel
"""
# In which cities does the report place its parks, centres, forums and events, and what
# are those cities called on Wikidata?
CITIES = PREFIXES + """
SELECT ?city ?ourLabel ?item ?wikidataLabel (COUNT(DISTINCT ?thing) AS ?things) WHERE {
  ?thing sinorus:location/sinorus:locatedIn* ?city .
  ?city a sinorus:City ; rdfs:label ?ourLabel ; skos:exactMatch ?item .
  ?item a wikibase:Item ; rdfs:label ?wikidataLabel .
  FILTER(LANG(?wikidataLabel) = "en")
}
GROUP BY ?city ?ourLabel ?item ?wikidataLabel
ORDER BY ?wikidataLabel
"""


def store(*parts: tuple[bytes, ox.RdfFormat]) -> ox.Store:
    merged = ox.Store()
    for data, rdf_format in parts:
        merged.load(data, format=rdf_format)
    return merged


def rows(target: ox.Store, query: str) -> list[dict]:
    solutions = target.query(query)
    names = [v.value for v in solutions.variables]
    return [{n: s[n].value for n in names if s[n] is not None} for s in solutions]


@pytest.fixture(scope="module")
def dump(real_dist) -> tuple[bytes, ox.RdfFormat]:
    return gzip.decompress((real_dist / "dump" / "sinorus.nt.gz").read_bytes()), ox.RdfFormat.N_TRIPLES


@pytest.fixture(scope="module")
def sample() -> tuple[bytes, ox.RdfFormat]:
    return SAMPLE.read_bytes(), ox.RdfFormat.TURTLE


def test_the_sample_holds_exactly_the_confirmed_and_probable_rows(sample):
    with open(REFERENCE_FILE, encoding="utf-8") as table:
        wanted = {
            (f"http://www.wikidata.org/entity/{r['wikidata']}", r["name"].split(" (")[0])
            for r in csv.DictReader(table, delimiter="\t")
            if r["status"] in ("confirmed", "probable") and r["wikidata"]
        }
    found = {(r["item"], r["label"]) for r in rows(store(sample), PREFIXES + """
        SELECT ?item ?label WHERE { ?item a wikibase:Item ; rdfs:label ?label ;
          skos:prefLabel ?label ; <http://schema.org/name> ?label }""")}
    assert found == wanted


def test_organisations_of_2019_with_their_wikidata_labels(dump, sample):
    merged = rows(store(dump, sample), ORGANISATIONS_OF_2019)
    # By hand from the report: of the organisations that took part in something of 2019,
    # two have confirmed Wikidata items: Huawei (its AI agreement with the National
    # Technology Initiative, the Vimplecom 5G pilot, its Innovation Research Program, its
    # talks with the Siberian Branch, SPIEF–2019) and the Russian Academy of Sciences (its
    # delegation's visit to Shanghai in August 2019). RDIF, CIC, the Skolkovo Foundation ...
    # took part too, but have no Wikidata link.
    assert [(r["item"], r["wikidataLabel"]) for r in merged] == [
        ("http://www.wikidata.org/entity/Q160120", "Huawei"),
        ("http://www.wikidata.org/entity/Q83172", "Russian Academy of Sciences"),
    ]
    # Neither side alone answers: ours has no Wikidata labels, the sample knows no events.
    assert rows(store(dump), ORGANISATIONS_OF_2019) == []
    assert rows(store(sample), ORGANISATIONS_OF_2019) == []


def test_cities_with_their_wikidata_items_and_names(dump, sample):
    merged = {r["wikidataLabel"]: r for r in rows(store(dump, sample), CITIES)}
    # The cities the report places something in (parks, dialogues, forums, Huawei's centres,
    # the 'Two Countries, Four Cities' program), each named as Wikidata's sample names it.
    assert {"Moscow", "Shanghai", "Harbin", "Beijing", "Shenzhen", "Changchun", "Kazan",
            "Novosibirsk", "Nizhny Novgorod", "Yekaterinburg", "Saint Petersburg", "Xi'an"} <= set(merged)
    # The merge joins on identifiers, not on names: the two sides spell these differently.
    assert merged["Saint Petersburg"]["ourLabel"] == "St Petersburg"
    assert merged["Xi'an"]["ourLabel"] == "Xian"
    assert merged["Xi'an"]["item"] == "http://www.wikidata.org/entity/Q5826"
    assert "Canberra" not in merged and "Sevastopol" not in merged  # nothing of ours is there
    assert rows(store(dump), CITIES) == [] and rows(store(sample), CITIES) == []
