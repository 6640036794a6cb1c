"""Where each IRI we mint is published inside dist/, and relative links between pages.

https://w3id.org/sinorus/id/huawei          -> dist/id/huawei.{html,ttl,jsonld,nt,rdf}
https://w3id.org/sinorus/ontology           -> dist/ontology.{html,ttl,jsonld,nt,rdf}
https://w3id.org/sinorus/ontology#Company   -> dist/ontology.html#Company
https://w3id.org/sinorus/ontology/1.0.0     -> dist/ontology/1.0.0.{ttl,jsonld,nt,rdf}, ontology.html
https://w3id.org/sinorus/dataset            -> dist/dataset.{ttl,jsonld,nt,rdf} (VoID), index.html

Pages link to each other with relative links, so dist/ works from any host or sub-path.
"""

from __future__ import annotations

import posixpath
import re

from .config import BASE, ID_BASE, ONTOLOGY_IRI, RELEASE

# The RDF formats every resource is published in: suffix -> (media type, rdflib format).
RDF_FORMATS = {
    "ttl": ("text/turtle", "turtle"),
    "jsonld": ("application/ld+json", "json-ld"),
    "nt": ("application/n-triples", "nt"),
    "rdf": ("application/rdf+xml", "xml"),
}
SAFE_PATH = re.compile(r"^[A-Za-z0-9._~/-]+$")


def is_minted(iri: str) -> bool:
    """True for IRIs of ours that get their own page (entities, claims, sources ...)."""
    return iri.startswith(ID_BASE) and SAFE_PATH.match(iri[len(ID_BASE):]) is not None


def is_ontology_term(iri: str) -> bool:
    return iri.startswith(ONTOLOGY_IRI + "#")


def document_path(iri: str, suffix: str = "html") -> str | None:
    """Path inside dist/ of the document describing an IRI, or None if it is not ours.
    Ontology terms are anchors on the ontology page; every other IRI of ours maps as the
    server maps its path (negotiated_document), so pages and negotiation always agree."""
    iri = str(iri)
    if is_ontology_term(iri):
        return f"ontology.html#{iri.split('#', 1)[1]}" if suffix == "html" else None
    if iri == BASE and suffix == "html":
        return "index.html"
    if iri.startswith(BASE):
        return negotiated_document(iri[len(BASE):], suffix)
    return None


def relative_link(from_page: str, to_path: str) -> str:
    """A relative link from one dist/ file to another (anchors kept)."""
    target, _, anchor = to_path.partition("#")
    link = posixpath.relpath(target, posixpath.dirname(from_page) or ".")
    return link + (f"#{anchor}" if anchor else "")


def link_for(from_page: str, iri: str) -> str | None:
    path = document_path(iri)
    return relative_link(from_page, path) if path else None


def negotiated_document(path: str, suffix: str) -> str | None:
    """For a request path that names a thing (not a document), the dist/ file of the
    document in the format `suffix`; None if the path is not one we negotiate."""
    base = path.strip("/")
    if base.startswith("id/") and SAFE_PATH.match(base):
        return f"{base}.{suffix}"
    if base == "ontology":
        return f"ontology.{suffix}"
    if base == f"ontology/{RELEASE['version']}":  # the owl:versionIRI resolves too
        return "ontology.html" if suffix == "html" else f"{base}.{suffix}"
    if base == "dataset":  # the VoID/DCAT dataset IRI: its description, or the index page
        return "index.html" if suffix == "html" else f"dataset.{suffix}"
    return None
