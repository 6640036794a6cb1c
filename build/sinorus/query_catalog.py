"""The competency queries of queries/ published as data, and the page that lists them.

Every queries/*.rq that is not a quality check (*-violation.rq) opens with a comment:

    # Question: Which joint funds ...?
    # Good answer: one row per fund ...
    #   (continuation lines are indented)
    # Keywords: joint funds, capital

It becomes a resource https://w3id.org/sinorus/id/query/<file stem>, described the way the
SIB SPARQL examples are (sh:SPARQLExecutable with sh:select, rdfs:label, rdfs:comment,
schema:target, schema:keywords), so a consumer finds the queries in the dump and at the
endpoint. dist/queries.html shows each question with its text and its results on the
published graph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import RDF, RDFS, BNode, Graph, Literal, URIRef

from .config import BASE, ID_BASE, QUERIES_DIR, SCHEMA, SH
from .serialize import ntriples

QUERY_BASE = ID_BASE + "query/"
ENDPOINT = URIRef(BASE + "sparql")
PAGE = "queries.html"
MAX_ROWS_SHOWN = 200  # a page, not a download: the endpoint gives the rest

# Query form -> (SHACL class, SHACL property holding the text).
FORMS = {
    "SELECT": (SH.SPARQLSelectExecutable, SH.select),
    "CONSTRUCT": (SH.SPARQLConstructExecutable, SH.construct),
    "ASK": (SH.SPARQLAskExecutable, SH.ask),
}
FIELD = re.compile(r"^#\s*(Question|Good answer|Keywords):\s*(.*)$")
PROLOGUE = re.compile(r"^\s*(#.*|PREFIX\s.*|BASE\s.*)?$", re.IGNORECASE)


@dataclass
class CompetencyQuery:
    stem: str
    question: str
    answer: str
    keywords: list[str]
    text: str  # the query without its opening comment
    form: str  # SELECT, CONSTRUCT or ASK

    @property
    def iri(self) -> URIRef:
        return URIRef(QUERY_BASE + self.stem)


def query_files(folder: Path = QUERIES_DIR) -> list[Path]:
    return sorted(p for p in folder.glob("*.rq") if not p.name.endswith("-violation.rq"))


def parse_query(path: Path) -> CompetencyQuery:
    """Read the opening comment's fields and the query; fail loudly on a malformed file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    fields: dict[str, list[str]] = {}
    current = None
    body_start = len(lines)
    for number, line in enumerate(lines):
        if not line.startswith("#"):
            body_start = number
            break
        match = FIELD.match(line)
        if match:
            current = match.group(1)
            fields[current] = [match.group(2).strip()]
        elif current:
            fields[current].append(line.lstrip("#").strip())
    missing = [name for name in ("Question", "Good answer", "Keywords") if not fields.get(name)]
    if missing:
        raise ValueError(f"{path.name}: the opening comment lacks {', '.join(missing)}")
    text = "\n".join(lines[body_start:]).strip() + "\n"
    return CompetencyQuery(
        stem=path.stem,
        question=" ".join(fields["Question"]).strip(),
        answer=" ".join(fields["Good answer"]).strip(),
        keywords=[k.strip() for k in " ".join(fields["Keywords"]).split(",") if k.strip()],
        text=text,
        form=query_form(text, path.name),
    )


def query_form(text: str, name: str) -> str:
    """SELECT, CONSTRUCT or ASK: the first keyword after the prologue (PREFIX, BASE, comments)."""
    for line in text.splitlines():
        if PROLOGUE.match(line):
            continue
        word = line.split()[0].upper()
        if word in FORMS:
            return word
        break
    raise ValueError(f"{name}: not a SELECT, CONSTRUCT or ASK query")


def competency_queries(folder: Path = QUERIES_DIR) -> list[CompetencyQuery]:
    return [parse_query(path) for path in query_files(folder)]


def catalog_graph(folder: Path = QUERIES_DIR) -> Graph:
    """The queries as SHACL SPARQL executables, as the SIB examples publish them."""
    graph = Graph()
    graph.bind("sh", SH)
    graph.bind("schema", SCHEMA)
    for query in competency_queries(folder):
        kind, holder = FORMS[query.form]
        graph.add((query.iri, RDF.type, SH.SPARQLExecutable))
        graph.add((query.iri, RDF.type, kind))
        graph.add((query.iri, holder, Literal(query.text)))
        graph.add((query.iri, RDFS.label, Literal(query.question, lang="en")))
        graph.add((query.iri, RDFS.comment, Literal(query.answer, lang="en")))
        graph.add((query.iri, SCHEMA.target, ENDPOINT))
        for keyword in query.keywords:
            graph.add((query.iri, SCHEMA.keywords, Literal(keyword)))
    return graph


# --- the page -------------------------------------------------------------------------
def store_of(graph: Graph) -> ox.Store:
    """The graph in a fresh pyoxigraph store, loaded from sorted N-Triples so that results
    (and GROUP_CONCAT cells) come out the same in every build."""
    store = ox.Store()
    store.bulk_load(ntriples(graph).encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
    return store


def to_rdflib(term):
    """A pyoxigraph term as the rdflib term the renderer knows how to show."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    datatype = term.datatype.value
    if datatype == "http://www.w3.org/2001/XMLSchema#string":
        return Literal(term.value)
    return Literal(term.value, datatype=URIRef(datatype))


def results_view(renderer, store: ox.Store, query: CompetencyQuery) -> dict:
    results = store.query(query.text)
    if isinstance(results, ox.QueryBoolean):
        return {"columns": ["answer"], "rows": [[renderer.term(PAGE, Literal(bool(results)))]], "total": 1}
    if isinstance(results, ox.QueryTriples):
        columns = ["subject", "predicate", "object"]
        raw = [[t.subject, t.predicate, t.object] for t in results]
    else:
        columns = [v.value for v in results.variables]
        raw = [[solution[name] for name in columns] for solution in results]
    rows = [
        [renderer.term(PAGE, to_rdflib(t)) if t is not None else None for t in row]
        for row in raw[:MAX_ROWS_SHOWN]
    ]
    return {"columns": columns, "rows": rows, "total": len(raw)}


def render_queries_page(renderer, graph: Graph, folder: Path = QUERIES_DIR) -> None:
    """dist/queries.html: every competency query with its question, text and results."""
    store = store_of(graph)
    views = []
    for query in competency_queries(folder):
        views.append(
            {
                "stem": query.stem,
                "question": query.question,
                "answer": query.answer,
                "keywords": query.keywords,
                "text": query.text,
                "term": renderer.term(PAGE, query.iri),
                "results": results_view(renderer, store, query),
            }
        )
    renderer.page(
        "queries.html.j2",
        PAGE,
        title="Questions and their SPARQL queries",
        canonical=None,
        alternates=[],
        jsonld=None,
        queries=views,
        max_rows=MAX_ROWS_SHOWN,
    )
