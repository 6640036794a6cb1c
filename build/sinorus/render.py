"""Stage 3, render: one HTML page and four RDF documents per IRI we mint, plus the site's
index, browse pages per type, the ontology page and the 404 page.

Pages are built from view models (plain dicts) so the templates hold no graph logic.
Everything is iterated in sorted order, so pages are byte-identical between builds.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from rdflib import OWL, RDF, RDFS, Literal, URIRef
from rdflib.namespace import DCTERMS, SKOS

from .config import BASE, ONTOLOGY_IRI, RELEASE, SINORUS, TEMPLATES_DIR
from .describe import Catalogue
from .paths import RDF_FORMATS, document_path, is_minted, link_for, relative_link
from .serialize import SERIALISERS

# Shown at the top of a page, not in the properties table.
HEADER_PREDICATES = {RDF.type, RDFS.label, DCTERMS.description, SKOS.altLabel}
# Properties first in this order, then the rest by label.
PROPERTY_ORDER = [
    SKOS.editorialNote, SKOS.exactMatch, SINORUS.claimKind, SINORUS.speaker, SINORUS.statedIn,
    SINORUS.inParagraph, SINORUS.citesFootnote, SINORUS.about, SINORUS.supportsFact,
    SINORUS.corroborates, SINORUS.country, SINORUS.locatedIn, SINORUS.subOrganisationOf,
    SINORUS.holdsPosition, SINORUS.positionTitle, SINORUS.positionIn, SINORUS.foundingDate,
    SINORUS.date, SINORUS.startDate,
]
REFERENCED_BY_CAP = 200  # high-degree nodes (Russia, China) list the first 200 on the page
MEDIA_LABELS = {"ttl": "Turtle", "jsonld": "JSON-LD", "nt": "N-Triples", "rdf": "RDF/XML"}


def environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(str(TEMPLATES_DIR)),
        autoescape=select_autoescape(["html", "j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


class Renderer:
    def __init__(self, catalogue: Catalogue, out: Path):
        self.catalogue = catalogue
        self.graph = catalogue.graph
        self.out = out
        self.env = environment()

    # --- view models --------------------------------------------------------------
    def term(self, page: str, t) -> dict:
        if isinstance(t, Literal):
            datatype = None
            if t.datatype is not None:
                datatype = self.catalogue.label(t.datatype)
            return {"kind": "literal", "label": str(t), "lang": t.language, "datatype": datatype}
        iri = str(t)
        href = link_for(page, iri)
        external = href is None and iri.startswith(("http://", "https://"))
        return {
            "kind": "iri",
            "iri": iri,
            "label": self.catalogue.label(t),
            "href": href or (iri if external else None),
            "external": external,
        }

    def citation_view(self, page: str, claim) -> dict:
        c = self.catalogue.citation(claim)
        view = dict(c)
        for key in ("kind", "source", "paragraph", "section", "speaker"):
            view[key] = self.term(page, c[key]) if c[key] is not None else None
        view["footnote"] = {"href": link_for(page, str(c["footnote"]))} if c["footnote"] else None
        view["href"] = link_for(page, str(claim))
        return view

    def evidence_view(self, page: str, claims: list) -> list[dict]:
        views = []
        for claim in claims:
            number = self.graph.value(self.graph.value(claim, SINORUS.citesFootnote), SINORUS.footnoteNumber)
            short = str(claim).rsplit("/", 1)[-1] + (f" (fn {number})" if number else "")
            views.append({"href": link_for(page, str(claim)), "label": self.catalogue.label(claim), "short": short})
        return views

    def property_rows(self, page: str, subject) -> list[dict]:
        grouped: dict = {}
        for p, o in self.catalogue.outgoing(subject):
            if p not in HEADER_PREDICATES:
                grouped.setdefault(p, []).append(o)
        rank = {p: i for i, p in enumerate(PROPERTY_ORDER)}
        order = sorted(grouped, key=lambda p: (rank.get(p, len(rank)), self.catalogue.label(p), str(p)))
        rows = []
        for p in order:
            values = []
            for o in sorted(grouped[p], key=lambda o: (self.catalogue.label(o), o.n3())):
                evidence = self.catalogue.evidence.get((subject, p, o), [])
                values.append({"value": self.term(page, o), "evidence": self.evidence_view(page, evidence)})
            rows.append({"predicate": self.term(page, p), "values": values})
        return rows

    def alternates(self, page_path: str, iri: str) -> list[dict]:
        return [
            {
                "media_type": media_type,
                "href": relative_link(page_path, document_path(iri, suffix)),
                "label": MEDIA_LABELS[suffix],
            }
            for suffix, (media_type, _) in RDF_FORMATS.items()
        ]

    # --- writing ------------------------------------------------------------------
    def write(self, relative: str, text: str) -> None:
        path = self.out / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def page(self, template: str, page_path: str, root: str | None = None, **context) -> None:
        if root is None:
            root = relative_link(page_path, "index.html")[: -len("index.html")]
        html = self.env.get_template(template).render(root=root, release=RELEASE, **context)
        self.write(page_path, html)

    def resource(self, subject: URIRef) -> None:
        """The page and the four RDF documents of one minted IRI."""
        iri = str(subject)
        page_path = document_path(iri)
        description = self.catalogue.description(subject)
        for suffix, serialise in SERIALISERS.items():
            self.write(document_path(iri, suffix), serialise(description))
        incoming = self.catalogue.incoming(subject)
        is_claim = SINORUS.Claim in self.catalogue.types(subject)
        description_text = self.graph.value(subject, DCTERMS.description)
        self.page(
            "entity.html.j2",
            page_path,
            title=self.catalogue.label(subject),
            iri=iri,
            canonical=iri,
            alternates=self.alternates(page_path, iri),
            # "</" cannot close the script element when escaped; JSON still parses.
            jsonld=SERIALISERS["jsonld"](description).strip().replace("</", "<\\/"),
            types=[self.term(page_path, t) for t in self.catalogue.types(subject)],
            description=str(description_text) if description_text else None,
            alt_labels=self.catalogue.alt_labels(subject),
            deprecated=(subject, OWL.deprecated, Literal(True)) in self.graph,
            replaced_by=[self.term(page_path, r) for r in sorted(self.graph.objects(subject, DCTERMS.isReplacedBy))],
            own_citation=self.citation_view(page_path, subject) if is_claim else None,
            properties=self.property_rows(page_path, subject),
            claims=[self.citation_view(page_path, c) for c in self.catalogue.claims_about(subject)],
            referenced_by=[
                {"subject": self.term(page_path, s), "predicate": self.term(page_path, p)}
                for s, p in incoming[:REFERENCED_BY_CAP]
            ],
            referenced_by_total=len(incoming),
        )

    def minted_subjects(self) -> list[URIRef]:
        return sorted(
            s for s in set(self.graph.subjects()) if isinstance(s, URIRef) and is_minted(str(s))
        )

    def render_all(self) -> list[URIRef]:
        subjects = self.minted_subjects()
        for subject in subjects:
            self.resource(subject)
        return subjects


def type_counts(catalogue: Catalogue, subjects: list[URIRef]) -> list[tuple[URIRef, int]]:
    counts = Counter()
    for subject in subjects:
        for kind in catalogue.types(subject):
            counts[kind] += 1
    return sorted(counts.items(), key=lambda kv: (catalogue.label(kv[0]).lower(), str(kv[0])))


def type_slug(catalogue: Catalogue, kind: URIRef) -> str:
    label = catalogue.label(kind).replace(":", "-")
    return "".join(c if c.isalnum() else "-" for c in label.lower()).strip("-")


def dataset_jsonld(counts: dict) -> str:
    data = {
        "@context": "https://schema.org/",
        "@type": "Dataset",
        "@id": BASE + "dataset",
        "name": RELEASE["title"],
        "description": RELEASE["description"],
        "license": RELEASE["license"],
        "version": RELEASE["version"],
        "datePublished": RELEASE["issued"],
        "dateModified": RELEASE["modified"],
        "creator": {"@type": "Organization", "name": "The sinorus maintainers"},
        "isBasedOn": BASE + "id/source/aspi-2019-sino-russian-partnership",
        "distribution": [
            {"@type": "DataDownload", "contentUrl": BASE + "dump/sinorus.nt.gz", "encodingFormat": "application/n-triples"},
            {"@type": "DataDownload", "contentUrl": BASE + "dump/sinorus.ttl", "encodingFormat": "text/turtle"},
            {"@type": "DataDownload", "contentUrl": BASE + "dump/sinorus.jsonld", "encodingFormat": "application/ld+json"},
        ],
        "variableMeasured": [f"{k}: {v}" for k, v in sorted(counts.items())],
    }
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False)


def render_site(renderer: Renderer, subjects: list[URIRef], dumps: list[dict], ontology_view: dict) -> None:
    """The index, the browse pages, the ontology page and the 404 page."""
    catalogue = renderer.catalogue
    counts = type_counts(catalogue, subjects)
    browse = []
    for kind, count in counts:
        slug = type_slug(catalogue, kind)
        members = sorted(
            (s for s in subjects if kind in catalogue.types(s)),
            key=lambda s: (catalogue.label(s).lower(), str(s)),
        )
        page_path = f"browse/{slug}.html"
        renderer.page(
            "browse.html.j2",
            page_path,
            title=f"{catalogue.label(kind)} ({count})",
            canonical=None,
            alternates=[],
            jsonld=None,
            kind=renderer.term(page_path, kind),
            members=[
                {"term": renderer.term(page_path, s), "description": str(catalogue.graph.value(s, DCTERMS.description) or "")}
                for s in members
            ],
        )
        browse.append({"kind": renderer.term("index.html", kind), "count": count, "href": page_path})
    renderer.page(
        "index.html.j2",
        "index.html",
        title=RELEASE["title"],
        canonical=BASE,
        alternates=[{"media_type": "text/turtle", "href": "void.ttl", "label": "VoID"}],
        jsonld=dataset_jsonld({catalogue.label(k): v for k, v in counts}),
        browse=browse,
        dumps=dumps,
        total_pages=len(subjects),
    )
    renderer.page(
        "ontology.html.j2",
        "ontology.html",
        title="The sinorus ontology",
        canonical=ONTOLOGY_IRI,
        alternates=renderer.alternates("ontology.html", ONTOLOGY_IRI),
        jsonld=None,
        **ontology_view,
    )
    renderer.page("sparql.html.j2", "sparql.html", title="SPARQL", canonical=None, alternates=[], jsonld=None)
    # The 404 page is served at any depth, so its links start from the site's root.
    renderer.page(
        "404.html.j2", "404.html", root="/", title="Not found", canonical=None, alternates=[], jsonld=None
    )
