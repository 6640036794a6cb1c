"""Deterministic serialisations: the same graph always gives the same bytes.

rdflib's serialisers follow the graph's insertion order in places, so every graph is
rebuilt from its sorted triples first; N-Triples lines are sorted; JSON-LD is re-emitted
with sorted keys and nodes; RDF/XML is written by pyoxigraph from sorted triples. There are no blank nodes in published data (citable things
have IRIs), so no canonicalisation of blank nodes is needed; a test checks there are none.
"""

from __future__ import annotations

import json

import pyoxigraph

from rdflib import Graph

from .config import PREFIXES


def sorted_graph(graph: Graph) -> Graph:
    out = Graph()
    for prefix, namespace in sorted(PREFIXES.items()):
        out.bind(prefix, namespace, override=True, replace=True)
    for triple in sorted(graph, key=lambda t: (t[0].n3(), t[1].n3(), t[2].n3())):
        out.add(triple)
    return out


def used_prefixes(graph: Graph) -> dict[str, str]:
    iris = {str(term) for triple in graph for term in triple}
    return {
        prefix: str(ns)
        for prefix, ns in sorted(PREFIXES.items())
        if any(iri.startswith(str(ns)) for iri in iris)
    }


def ntriples(graph: Graph) -> str:
    lines = graph.serialize(format="nt", encoding="utf-8").decode("utf-8").splitlines()
    return "".join(sorted(line + "\n" for line in lines if line.strip()))


def turtle(graph: Graph) -> str:
    ordered = Graph()
    for prefix, namespace in used_prefixes(graph).items():
        ordered.bind(prefix, namespace, override=True, replace=True)
    for triple in sorted(graph, key=lambda t: (t[0].n3(), t[1].n3(), t[2].n3())):
        ordered.add(triple)
    return ordered.serialize(format="turtle")


def jsonld(graph: Graph) -> str:
    context = used_prefixes(graph)
    raw = json.loads(sorted_graph(graph).serialize(format="json-ld", context=context, auto_compact=True))
    nodes = raw.get("@graph", [raw] if "@id" in raw else [])
    nodes = [{k: v for k, v in node.items() if k != "@context"} for node in nodes]
    for node in nodes:
        for key, value in node.items():
            if isinstance(value, list):
                node[key] = sorted(value, key=lambda v: json.dumps(v, sort_keys=True))
    nodes.sort(key=lambda node: node.get("@id", ""))
    return json.dumps({"@context": context, "@graph": nodes}, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def rdfxml(graph: Graph) -> str:
    """RDF/XML through pyoxigraph: rdflib's XML writer orders subjects by hash, so its
    output changes with PYTHONHASHSEED. pyoxigraph writes triples in the order given."""
    nt = ntriples(graph).encode("utf-8")
    triples = list(pyoxigraph.parse(nt, format=pyoxigraph.RdfFormat.N_TRIPLES))
    prefixes = used_prefixes(graph)
    return pyoxigraph.serialize(triples, format=pyoxigraph.RdfFormat.RDF_XML, prefixes=prefixes).decode("utf-8")


SERIALISERS = {"ttl": turtle, "jsonld": jsonld, "nt": ntriples, "rdf": rdfxml}
