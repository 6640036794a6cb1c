"""The ontology: metadata, every term labelled, defined and aligned (or saying why not),
readable by a second tool (pyLODE), and consistent with the data under OWL 2 RL."""

from __future__ import annotations

import owlrl
import pytest
from rdflib import OWL, RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, SKOS

from conftest import ROOT
from sinorus.load import load

SINORUS = Namespace("https://w3id.org/sinorus/ontology#")
ONTOLOGY = URIRef("https://w3id.org/sinorus/ontology")
VANN = Namespace("http://purl.org/vocab/vann/")
ERRORS = Namespace("http://www.daml.org/2002/03/agents/agent-ont#")


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ROOT / "ontology" / "sinorus.ttl")


def terms(ontology: Graph) -> list[URIRef]:
    return sorted(
        t for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
        for t in ontology.subjects(RDF.type, kind) if str(t).startswith(str(SINORUS))
    )


def test_ontology_metadata(ontology):
    for predicate in (DCTERMS.title, DCTERMS.description, DCTERMS.creator, DCTERMS.license,
                      OWL.versionIRI, OWL.versionInfo, DCTERMS.created, DCTERMS.modified,
                      VANN.preferredNamespacePrefix, VANN.preferredNamespaceUri):
        assert ontology.value(ONTOLOGY, predicate) is not None, predicate
    assert str(ontology.value(ONTOLOGY, VANN.preferredNamespaceUri)) == str(SINORUS)
    version = str(ontology.value(ONTOLOGY, OWL.versionInfo))
    assert str(ontology.value(ONTOLOGY, OWL.versionIRI)).endswith("/" + version)


def test_every_term_has_an_english_label_a_definition_and_is_defined_by_the_ontology(ontology):
    found = terms(ontology)
    assert len(found) > 80
    for term in found:
        labels = [l for l in ontology.objects(term, RDFS.label) if l.language == "en"]
        assert len(labels) == 1, term
        assert ontology.value(term, SKOS.definition) is not None, term
        assert ontology.value(term, RDFS.isDefinedBy) == ONTOLOGY, term


def has_external_ancestor(ontology: Graph, term: URIRef, seen: set) -> bool:
    for predicate in (RDFS.subClassOf, RDFS.subPropertyOf, OWL.equivalentClass, OWL.equivalentProperty, OWL.inverseOf):
        for parent in ontology.objects(term, predicate):
            if not str(parent).startswith(str(SINORUS)):
                return True
            if parent not in seen:
                seen.add(parent)
                if has_external_ancestor(ontology, parent, seen):
                    return True
    return False


def test_every_term_is_aligned_to_a_standard_vocabulary_or_says_why_not(ontology):
    unaligned = [
        t for t in terms(ontology)
        if not has_external_ancestor(ontology, t, set()) and ontology.value(t, SKOS.scopeNote) is None
    ]
    assert unaligned == []


def test_pylode_renders_the_ontology_as_an_external_consumer_would(tmp_path):
    from pylode import OntPub

    html = OntPub(str(ROOT / "ontology" / "sinorus.ttl")).make_html()
    assert "The sinorus ontology" in html
    for name in ("Claim", "supportsFact", "TextQuoteSelector"):
        assert name in html


def owl_rl_errors(graph: Graph) -> list[str]:
    closure = Graph()
    closure += graph
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(closure)
    return sorted(str(closure.value(m, ERRORS.error)) for m in closure.subjects(RDF.type, ERRORS.ErrorMessage))


def test_owl_rl_reasoning_over_ontology_and_data_finds_no_inconsistency():
    loaded = load()
    graph = Graph()
    graph += loaded.ontology
    graph += loaded.data
    assert owl_rl_errors(graph) == []


def test_owl_rl_check_does_catch_an_inconsistency(ontology):
    graph = Graph()
    graph += ontology
    thing = URIRef("https://w3id.org/sinorus/id/both")
    graph.add((thing, RDF.type, SINORUS.Person))
    graph.add((thing, RDF.type, SINORUS.Company))
    graph.add((thing, RDFS.label, Literal("both", lang="en")))
    assert owl_rl_errors(graph)
