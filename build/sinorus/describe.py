"""What the publication says about one resource: labels, its description graph, its claims.

Used by the renderer (pages) and by the per-resource RDF files, so a page and its .ttl
say the same thing.
"""

from __future__ import annotations

from functools import cached_property

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from .config import OA, PREFIXES, SINORUS


class Catalogue:
    """The published graph with indexes for fast look-ups while rendering thousands of pages."""

    def __init__(self, published: Graph, background: Graph):
        self.graph = published
        self.background = background  # labels of external terms

    @cached_property
    def _labels(self) -> dict:
        labels = {}
        for graph in (self.background, self.graph):
            for subject, label in graph.subject_objects(RDFS.label):
                if isinstance(label, Literal) and label.language in ("en", None):
                    labels[subject] = str(label)
        return labels

    def label(self, term) -> str:
        if isinstance(term, Literal):
            return str(term)
        if term in self._labels:
            return self._labels[term]
        iri = str(term)
        for prefix, namespace in sorted(PREFIXES.items(), key=lambda p: -len(str(p[1]))):
            if iri.startswith(str(namespace)):
                return f"{prefix}:{iri[len(str(namespace)):]}"
        return iri

    @cached_property
    def _outgoing(self) -> dict:
        index = {}
        for s, p, o in self.graph:
            index.setdefault(s, []).append((p, o))
        return {s: sorted(v, key=lambda po: (po[0].n3(), po[1].n3())) for s, v in index.items()}

    @cached_property
    def _incoming(self) -> dict:
        index = {}
        for s, p, o in self.graph:
            if isinstance(o, URIRef) and p != RDF.type:
                index.setdefault(o, []).append((s, p))
        return {o: sorted(v, key=lambda sp: (sp[1].n3(), sp[0].n3())) for o, v in index.items()}

    def outgoing(self, subject) -> list:
        return self._outgoing.get(subject, [])

    def incoming(self, subject) -> list:
        return self._incoming.get(subject, [])

    def types(self, subject) -> list:
        return sorted(self.graph.objects(subject, RDF.type))

    @cached_property
    def evidence(self) -> dict:
        """(subject, predicate, object) -> the claims that support it, via sinorus:Fact."""
        index = {}
        for fact in self.graph.subjects(RDF.type, SINORUS.Fact):
            triple = (
                self.graph.value(fact, RDF.subject),
                self.graph.value(fact, RDF.predicate),
                self.graph.value(fact, RDF.object),
            )
            for claim in self.graph.subjects(SINORUS.supportsFact, fact):
                index.setdefault(triple, set()).add(claim)
        return {k: sorted(v) for k, v in index.items()}

    def claims_about(self, subject) -> list:
        return sorted(self.graph.subjects(SINORUS.about, subject))

    def citation(self, claim) -> dict:
        """The evidence of a claim, ready for a page: source, paragraph, footnote, words."""
        g = self.graph
        quote = g.value(claim, SINORUS.quoteSelector)
        footnote = g.value(claim, SINORUS.citesFootnote)
        paragraph = g.value(claim, SINORUS.inParagraph)
        return {
            "claim": claim,
            "label": self.label(claim),
            "kind": g.value(claim, SINORUS.claimKind),
            "source": g.value(claim, SINORUS.statedIn),
            "paragraph": paragraph,
            "section": g.value(paragraph, SINORUS.inSection) if paragraph else None,
            "footnote": footnote,
            "footnote_number": g.value(footnote, SINORUS.footnoteNumber) if footnote else None,
            "exact": str(g.value(quote, OA.exact) or ""),
            "prefix": str(g.value(quote, OA.prefix) or ""),
            "suffix": str(g.value(quote, OA.suffix) or ""),
            "speaker": g.value(claim, SINORUS.speaker),
        }

    def description(self, subject) -> Graph:
        """The per-resource RDF: its own triples, the triples that point to it, and the
        labels and types of every resource they mention (so a client can show names)."""
        out = Graph()
        for p, o in self.outgoing(subject):
            out.add((subject, p, o))
        for s, p in self.incoming(subject):
            out.add((s, p, subject))
        mentioned = {t for triple in list(out) for t in (triple[0], triple[2])}
        for term in mentioned:
            if isinstance(term, URIRef) and term != subject:
                for label in self.graph.objects(term, RDFS.label):
                    out.add((term, RDFS.label, label))
                for kind in self.graph.objects(term, RDF.type):
                    out.add((term, RDF.type, kind))
        return out

    def alt_labels(self, subject) -> list[str]:
        return sorted(str(x) for x in self.graph.objects(subject, SKOS.altLabel))
