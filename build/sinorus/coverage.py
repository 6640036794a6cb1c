"""`make coverage`: what the published dump covers, read from dist/dump/sinorus.nt.gz,
the same file consumers download (not from the source files).

Prints footnotes cited, claims by kind and by section, entities by type, quotes verified,
op-ed claims linked to the report's, entities without a claim and figures without a unit;
exits 1 if a "must be 0" line is not 0 or a quote does not verify.
"""

from __future__ import annotations

import gzip
from pathlib import Path

from rdflib import Graph

from .quotes import quote_problems
from .sources import REPORT
from .store import select_rows, store_from

PREFIXES = """
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX schema: <https://schema.org/>
PREFIX sinorus: <https://w3id.org/sinorus/ontology#>
"""
ENTITY_TYPES = """VALUES ?top { sinorus:Organisation sinorus:Person sinorus:Place sinorus:Forum
    sinorus:Event sinorus:Agreement sinorus:Programme sinorus:Product sinorus:TechnologyArea
    sinorus:CooperationArea sinorus:Problem sinorus:Recommendation }"""

QUERIES = {
    "footnotes": "SELECT DISTINCT ?n WHERE { ?c sinorus:citesFootnote/sinorus:footnoteNumber ?n } ORDER BY ?n",
    "kinds": """SELECT ?kind (COUNT(?c) AS ?n) WHERE { ?c sinorus:claimKind/rdfs:label ?kind }
                GROUP BY ?kind ORDER BY ?kind""",
    "sections": """SELECT ?source ?order ?label (COUNT(?c) AS ?n) WHERE {
                     VALUES ?kind { sinorus:Report sinorus:OpEd }
                     ?c a sinorus:Claim ; sinorus:inParagraph ?p ; sinorus:statedIn/a ?kind .
                     ?kind rdfs:label ?source .
                     OPTIONAL { ?p sinorus:inSection ?s . ?s sinorus:order ?order ; rdfs:label ?label }
                   } GROUP BY ?source ?order ?label ORDER BY ?source ?order""",
    "types": f"""SELECT ?type (COUNT(DISTINCT ?e) AS ?n) WHERE {{ {ENTITY_TYPES}
                   ?e a ?t . ?t rdfs:subClassOf* ?top ; rdfs:label ?type .
                   FILTER NOT EXISTS {{ ?e a ?u . ?u rdfs:subClassOf+ ?t . ?u rdfs:subClassOf* ?top }}
                 }} GROUP BY ?type ORDER BY ?type""",
    "uncited": f"""SELECT DISTINCT ?e WHERE {{ {ENTITY_TYPES} ?e a/rdfs:subClassOf* ?top .
                     FILTER NOT EXISTS {{ ?c sinorus:about ?e }} }} ORDER BY ?e""",
    "unitless": """SELECT DISTINCT ?f WHERE { ?f a/rdfs:subClassOf* sinorus:Figure .
                     FILTER NOT EXISTS { ?f schema:unitText ?u }
                     FILTER NOT EXISTS { ?f schema:currency ?c } } ORDER BY ?f""",
    "opeds": """SELECT (COUNT(DISTINCT ?c) AS ?all) (COUNT(DISTINCT ?linked) AS ?corroborated) WHERE {
                  ?c a sinorus:Claim ; sinorus:statedIn ?s . ?s a sinorus:OpEd .
                  OPTIONAL { ?c sinorus:corroborates ?r . BIND(?c AS ?linked) } }""",
    "claims": "SELECT (COUNT(?c) AS ?n) WHERE { ?c a sinorus:Claim }",
}


def read_dump(dist: Path) -> Graph:
    graph = Graph()
    graph.parse(data=gzip.decompress((dist / "dump" / "sinorus.nt.gz").read_bytes()).decode("utf-8"), format="nt")
    return graph


def value(cell: str) -> str:
    """A literal's lexical form from pyoxigraph's N-Triples-like str()."""
    if cell.startswith('"'):
        return cell[1 : cell.rindex('"')]
    return cell.strip("<>")


def print_coverage(dist) -> int:
    dist = Path(dist)
    graph = read_dump(dist)
    store = store_from(graph)

    def rows(name):
        return select_rows(store, PREFIXES + QUERIES[name])[1]

    cited = sorted(int(value(r[0])) for r in rows("footnotes"))
    missing = [n for n in range(1, REPORT.footnote_count + 1) if n not in cited]
    verified, problems = quote_problems(graph)
    uncited, unitless = rows("uncited"), rows("unitless")
    oped_all, oped_linked = (value(c) for c in rows("opeds")[0])
    print(f"source: {dist / 'dump' / 'sinorus.nt.gz'} ({len(graph)} triples)")
    print(f"footnotes cited: {len(cited)} of 1 to {REPORT.footnote_count}")
    halves = {"1-64": range(1, 65), "65-133": range(65, 134)}
    for name, span in halves.items():
        print(f"  footnotes {name}: {sum(1 for n in cited if n in span)} of {len(span)} cited")
    print(f"  not cited: {missing if missing else 'none'}")
    print(f"claims: {value(rows('claims')[0][0])}")
    print("claims by kind:")
    for kind, n in rows("kinds"):
        print(f"  {value(kind):<20} {value(n):>5}")
    print("claims by section:")
    for source, order, label, n in rows("sections"):
        where = f"{value(order)}. {value(label)}" if label else "(no section heading)"
        print(f"  {value(source) + ':':<8} {where:<88} {value(n):>5}")
    print("entities by type:")
    for kind, n in rows("types"):
        print(f"  {value(kind):<50} {value(n):>5}")
    print(f"quotes verified: {verified} of {verified + len(problems)}")
    for problem in problems:
        print(f"  {problem}")
    print(f"op-ed claims: {oped_all}, of which linked to a report claim (sinorus:corroborates): {oped_linked}")
    print(f"entities without a claim: {len(uncited)} (must be 0)")
    for row in uncited:
        print(f"  {value(row[0])}")
    print(f"figures without a unit: {len(unitless)} (must be 0)")
    for row in unitless:
        print(f"  {value(row[0])}")
    return 1 if (uncited or unitless or problems) else 0
