"""Stage 2, validate: refuse anything the sources do not support or the model does not allow.

Five checks, each giving one readable line per problem; any problem fails the build:
  1. SHACL (pyshacl, no inference: inference can hide a violation or invent a conformance,
     and our shapes see subclasses because the ontology is in the data graph);
  2. terms: every class and property used in data/ is declared (no typo becomes a term);
  3. quotes: the quoted words stand in the pinned source at the given offsets;
  4. external identifiers: every Wikidata/GeoNames link has its evidence row;
  5. quality checks: every queries/*-violation.rq returns no rows (the ODK convention).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pyshacl
from rdflib import OWL, RDF, Graph, Literal, URIRef
from rdflib.namespace import SH

from . import evidence, quality
from .config import ONTOLOGY_IRI, SINORUS
from .errors import BuildError
from .load import Loaded, merge
from .quotes import quote_problems

RDF_MEMBER = re.compile(r"^http://www\.w3\.org/1999/02/22-rdf-syntax-ns#_[1-9][0-9]*$")


@dataclass
class Report:
    quotes_verified: int = 0
    problems: dict[str, list[str]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not any(self.problems.values())

    def lines(self) -> list[str]:
        return [f"[{check}] {line}" for check, lines in self.problems.items() for line in lines]


def shacl_problems(data_and_ontology: Graph, shapes: Graph, loaded: Loaded) -> list[str]:
    conforms, results, _ = pyshacl.validate(
        data_graph=data_and_ontology,
        shacl_graph=shapes,
        inference="none",
        advanced=True,
        allow_warnings=False,
    )
    if conforms:
        return []
    lines = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        focus = results.value(result, SH.focusNode)
        path = results.value(result, SH.resultPath)
        shape = results.value(result, SH.sourceShape)
        message = results.value(result, SH.resultMessage)
        value = results.value(result, SH.value)
        home = ", ".join(loaded.home_files.get(focus, ["(no file types it)"]))
        lines.append(
            f"{focus} | property {short(path, results)} | rule {short(shape, results)} | "
            f"{message}" + (f" | value {value}" if value not in (None, focus) else "")
            + f" | in {home}"
        )
    return sorted(lines)


def short(term, graph: Graph) -> str:
    if term is None:
        return "-"
    if isinstance(term, URIRef):
        for prefix, namespace in (
            ("shape:", "https://w3id.org/sinorus/shapes#"),
            ("sinorus:", str(SINORUS)),
        ):
            if str(term).startswith(namespace):
                return prefix + str(term)[len(namespace) :]
        return term.n3(graph.namespace_manager)
    return "(path expression)"


def declared_terms(loaded: Loaded) -> set[URIRef]:
    declared = set()
    for graph in (loaded.ontology, loaded.external):
        declared |= {s for s in graph.subjects(RDF.type, None) if isinstance(s, URIRef)}
    return declared


def term_problems(loaded: Loaded) -> list[str]:
    """Every predicate and class used in data/ must be declared (sinorus or external-terms)."""
    declared = declared_terms(loaded)
    used = {}
    for s, p, o in loaded.data:
        used.setdefault(p, s)
        if p == RDF.type and isinstance(o, URIRef):
            used.setdefault(o, s)
    problems = []
    for term, example in sorted(used.items()):
        if term in declared or RDF_MEMBER.match(str(term)):
            continue
        home = ", ".join(loaded.home_files.get(example, ["?"]))
        problems.append(
            f"{example} | term {term} | it is declared neither in ontology/sinorus.ttl nor in "
            f"ontology/external-terms.ttl (a typo? else declare it) | in {home}"
        )
    return problems


def deprecation_problems(graph: Graph) -> list[str]:
    """A deprecated resource must say what replaces it, so its page can point there."""
    return [
        f"{s} | owl:deprecated true but no dcterms:isReplacedBy"
        for s in sorted(graph.subjects(OWL.deprecated, Literal(True)))
        if (s, URIRef("http://purl.org/dc/terms/isReplacedBy"), None) not in graph
        and s != URIRef(ONTOLOGY_IRI)
    ]


def validate(loaded: Loaded) -> Report:
    report = Report()
    data_and_ontology = merge(loaded.ontology, loaded.data)
    report.problems["syntax-terms"] = term_problems(loaded)
    report.problems["shacl"] = shacl_problems(data_and_ontology, loaded.shapes, loaded)
    report.quotes_verified, report.problems["quotes"] = quote_problems(loaded.data)
    report.problems["external-ids"] = evidence.link_problems(loaded.data)
    report.problems["deprecation"] = deprecation_problems(loaded.data)
    report.problems["quality"] = quality.violation_problems(data_and_ontology)
    return report


def validate_or_fail(loaded: Loaded) -> Report:
    report = validate(loaded)
    if not report.ok:
        lines = report.lines()
        raise BuildError(f"validation failed: {len(lines)} problem(s); nothing was published", lines)
    return report

