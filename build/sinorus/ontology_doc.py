"""The view model of the ontology page: every class and property with its label,
definition, alignment, domain and range, and how often the data uses it; the ontology's
metadata; and a worked example of the claim model taken from the data itself."""

from __future__ import annotations

from collections import Counter

from rdflib import OWL, RDF, RDFS, Graph, URIRef
from rdflib.namespace import DCTERMS, SKOS

from .config import ONTOLOGY_IRI, SINORUS
from .serialize import turtle

ONTOLOGY = URIRef(ONTOLOGY_IRI)


def usage_counts(data: Graph) -> Counter:
    counts = Counter()
    for _, p, o in data:
        counts[p] += 1
        if p == RDF.type:
            counts[o] += 1
    return counts


def worked_example(graph: Graph) -> tuple[URIRef | None, str]:
    """The first claim (by IRI) that has a footnote, a speaker-free kind and two facts:
    shown as Turtle with its selectors, facts and the asserted triples."""
    for claim in sorted(graph.subjects(RDF.type, SINORUS.Claim)):
        facts = sorted(graph.objects(claim, SINORUS.supportsFact))
        if len(facts) >= 2 and graph.value(claim, SINORUS.citesFootnote) is not None:
            example = Graph()
            for node in [claim, graph.value(claim, SINORUS.quoteSelector),
                         graph.value(claim, SINORUS.positionSelector), *facts]:
                for p, o in graph.predicate_objects(node):
                    example.add((node, p, o))
            for fact in facts:
                triple = (graph.value(fact, RDF.subject), graph.value(fact, RDF.predicate),
                          graph.value(fact, RDF.object))
                example.add(triple)
            return claim, turtle(example)
    return None, ""


def ontology_view(renderer, ontology: Graph, data: Graph) -> dict:
    catalogue, page = renderer.catalogue, "ontology.html"
    counts = usage_counts(data)

    def term_view(term: URIRef, kind: str) -> dict:
        def links(predicate):
            return [renderer.term(page, o) for o in sorted(ontology.objects(term, predicate))]

        return {
            "anchor": str(term).split("#", 1)[1],
            "iri": str(term),
            "kind": kind,
            "label": catalogue.label(term),
            "definition": str(ontology.value(term, SKOS.definition) or ""),
            "super": links(RDFS.subClassOf) + links(RDFS.subPropertyOf),
            "equivalent": links(OWL.equivalentClass) + links(OWL.equivalentProperty) + links(OWL.inverseOf),
            "domain": links(RDFS.domain),
            "range": links(RDFS.range),
            "scheme": links(SKOS.inScheme),
            "usage": counts.get(term, 0),
        }

    def terms_of(kind_iri, kind):
        return [term_view(t, kind) for t in sorted(ontology.subjects(RDF.type, kind_iri))
                if str(t).startswith(str(SINORUS))]

    example_claim, example_turtle = worked_example(data)
    metadata = [
        {"predicate": renderer.term(page, p), "value": renderer.term(page, o)}
        for p, o in sorted(ontology.predicate_objects(ONTOLOGY), key=lambda po: (catalogue.label(po[0]), str(po[1])))
        if p not in (RDF.type, RDFS.comment, DCTERMS.description)
    ]
    individuals = terms_of(SKOS.ConceptScheme, "Concept scheme")
    for kind in (SINORUS.ClaimKind, SINORUS.Approximation):
        individuals += terms_of(kind, catalogue.label(kind))
    return {
        "iri": ONTOLOGY_IRI,
        "description": str(ontology.value(ONTOLOGY, DCTERMS.description) or ""),
        "design": str(ontology.value(ONTOLOGY, RDFS.comment) or ""),
        "metadata": metadata,
        "classes": terms_of(OWL.Class, "Class"),
        "object_properties": terms_of(OWL.ObjectProperty, "Object property"),
        "datatype_properties": terms_of(OWL.DatatypeProperty, "Datatype property"),
        "individuals": individuals,
        "example_claim": renderer.term(page, example_claim) if example_claim else None,
        "example_turtle": example_turtle,
    }
