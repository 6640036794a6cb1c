"""Content negotiation: pick the representation a client prefers from its Accept header.

q-values are honoured (werkzeug's MIMEAccept parses them, including */* and text/*); a
missing Accept header means "anything", and HTML is the default representation of an IRI.
"""

from __future__ import annotations

from werkzeug.datastructures import MIMEAccept
from werkzeug.http import parse_accept_header

from .paths import RDF_FORMATS

# Media type -> file suffix, for the IRIs' documents. HTML first: the default.
DOCUMENT_TYPES = {"text/html": "html", "application/xhtml+xml": "html"}
DOCUMENT_TYPES |= {media_type: suffix for suffix, (media_type, _) in RDF_FORMATS.items()}
# Older and alternative names clients send for the same formats.
DOCUMENT_TYPES |= {"application/x-turtle": "ttl", "application/json": "jsonld", "text/plain": "nt"}

CONTENT_TYPES = {
    "html": "text/html; charset=utf-8",
    "ttl": "text/turtle; charset=utf-8",
    "jsonld": "application/ld+json; charset=utf-8",
    "nt": "application/n-triples; charset=utf-8",
    "rdf": "application/rdf+xml; charset=utf-8",
    "css": "text/css; charset=utf-8",
    "xml": "application/xml; charset=utf-8",
    "gz": "application/gzip",
    "conf": "text/plain; charset=utf-8",
    "htaccess": "text/plain; charset=utf-8",
    "rq": "application/sparql-query; charset=utf-8",
    "txt": "text/plain; charset=utf-8",
}


def parse_accept(header: str | None) -> MIMEAccept:
    return parse_accept_header(header or "*/*", MIMEAccept)


def best_of(header: str | None, offered: list[str]) -> str | None:
    """The offered media type the client prefers, or None if it accepts none of them.
    Ties go to the first offered (so HTML wins for */*)."""
    accept = parse_accept(header)
    best, best_quality = None, 0.0
    for media_type in offered:
        quality = accept.quality(media_type)
        if quality > best_quality:
            best, best_quality = media_type, quality
    return best


def document_suffix(header: str | None) -> str | None:
    """Which document of an IRI to send: html, ttl, jsonld, nt or rdf (None: 406)."""
    chosen = best_of(header, list(DOCUMENT_TYPES))
    return DOCUMENT_TYPES[chosen] if chosen else None


def content_type_for(path: str) -> str:
    suffix = path.rsplit(".", 1)[-1] if "." in path.rsplit("/", 1)[-1] else ""
    return CONTENT_TYPES.get(suffix, "application/octet-stream")
