"""An in-memory pyoxigraph store built from rdflib graphs, for fast, standard SPARQL."""

from __future__ import annotations

import pyoxigraph
from rdflib import Graph


def store_from(*graphs: Graph) -> pyoxigraph.Store:
    store = pyoxigraph.Store()
    for graph in graphs:
        ntriples = graph.serialize(format="nt", encoding="utf-8")
        store.bulk_load(ntriples, format=pyoxigraph.RdfFormat.N_TRIPLES)
    return store


def select_rows(store: pyoxigraph.Store, query: str) -> tuple[list[str], list[list[str]]]:
    """Run a SELECT; return the variable names and the rows as N-Triples-ish strings."""
    solutions = store.query(query)
    names = [v.value for v in solutions.variables]
    rows = [[str(s[n]) if s[n] is not None else "" for n in names] for s in solutions]
    return names, rows
