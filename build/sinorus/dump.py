"""Stage 4, dump: the whole dataset in bulk formats, described by VoID + DCAT, and a sitemap.

dist/dump/sinorus.nt.gz   every triple, one per line, sorted (gzip with a fixed mtime, so
                          the bytes are the same between builds)
dist/dump/sinorus.ttl     the same triples as Turtle, every prefix at the top
dist/dump/sinorus.jsonld  the same triples as JSON-LD
dist/void.ttl             VoID + DCAT: title, licence, dumps with sha256 and triple counts,
                          class partitions, vocabularies, example resources, endpoint
dist/sitemap.xml          every page, by its canonical IRI
"""

from __future__ import annotations

import gzip
import hashlib
import io
from collections import Counter
from pathlib import Path

from rdflib import OWL, RDF, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, XSD

from .config import BASE, DATASET_IRI, DCAT, ID_BASE, PREFIXES, RELEASE, SINORUS, VOID
from .serialize import jsonld, ntriples, turtle

DUMP_BASE = BASE + "dump/"
DATASET = URIRef(DATASET_IRI)
PARTITION = Namespace(DATASET_IRI + "/class/")
DISTRIBUTION = Namespace(DATASET_IRI + "/distribution/")

DUMP_FILES = [
    # (file name, media type, serialiser, compressed)
    ("sinorus.nt.gz", "application/n-triples", ntriples, True),
    ("sinorus.ttl", "text/turtle", turtle, False),
    ("sinorus.jsonld", "application/ld+json", jsonld, False),
]


def gzip_bytes(text: str) -> bytes:
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0, compresslevel=9) as out:
        out.write(text.encode("utf-8"))
    return buffer.getvalue()


def write_dumps(graph: Graph, out: Path) -> list[dict]:
    (out / "dump").mkdir(parents=True, exist_ok=True)
    written = []
    for name, media_type, serialise, compressed in DUMP_FILES:
        text = serialise(graph)
        payload = gzip_bytes(text) if compressed else text.encode("utf-8")
        (out / "dump" / name).write_bytes(payload)
        written.append(
            {
                "name": name,
                "path": f"dump/{name}",
                "media_type": media_type,
                "triples": len(graph),
                "bytes": len(payload),
                "sha256": hashlib.sha256(payload).hexdigest(),
            }
        )
    return written


def example_resources(graph: Graph, limit: int = 3) -> list[URIRef]:
    """The entities most claims are about: good first pages for a visitor."""
    counts = Counter(o for o in graph.objects(None, SINORUS.about) if isinstance(o, URIRef))
    return [iri for iri, _ in sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))[:limit]]


def void_graph(graph: Graph, dumps: list[dict]) -> Graph:
    v = Graph()
    for prefix in ("dcat", "dcterms", "owl", "sinorus", "void", "xsd"):
        v.bind(prefix, PREFIXES[prefix])
    issued = Literal(RELEASE["issued"], datatype=XSD.date)
    modified = Literal(RELEASE["modified"], datatype=XSD.date)
    v.add((DATASET, RDF.type, VOID.Dataset))
    v.add((DATASET, RDF.type, DCAT.Dataset))
    v.add((DATASET, DCTERMS.title, Literal(RELEASE["title"], lang="en")))
    v.add((DATASET, DCTERMS.description, Literal(RELEASE["description"], lang="en")))
    v.add((DATASET, DCTERMS.license, URIRef(RELEASE["license"])))
    v.add((DATASET, DCTERMS.creator, Literal("The sinorus maintainers")))
    v.add((DATASET, DCTERMS.publisher, Literal("The sinorus project")))
    v.add((DATASET, DCTERMS.issued, issued))
    v.add((DATASET, DCTERMS.modified, modified))
    v.add((DATASET, OWL.versionInfo, Literal(RELEASE["version"])))
    v.add((DATASET, DCTERMS.source, URIRef(ID_BASE + "source/aspi-2019-sino-russian-partnership")))
    v.add((DATASET, DCAT.landingPage, URIRef(BASE)))
    v.add((DATASET, VOID.uriSpace, Literal(ID_BASE)))
    v.add((DATASET, VOID.triples, Literal(len(graph))))
    v.add((DATASET, VOID.entities, Literal(len({s for s in graph.subjects() if str(s).startswith(ID_BASE)}))))
    v.add((DATASET, VOID.sparqlEndpoint, URIRef(BASE + "sparql")))
    v.add((DATASET, VOID.rootResource, URIRef(ID_BASE + "source/aspi-2019-sino-russian-partnership")))
    for example in example_resources(graph):
        v.add((DATASET, VOID.exampleResource, example))
    for prefix, namespace in sorted(PREFIXES.items()):
        if any(str(p).startswith(str(namespace)) for p in set(graph.predicates())):
            v.add((DATASET, VOID.vocabulary, URIRef(str(namespace))))
    classes = Counter(o for o in graph.objects(None, RDF.type))
    for kind, count in sorted(classes.items(), key=lambda kv: str(kv[0])):
        local = str(kind).rstrip("/#").replace("#", "/").rsplit("/", 1)[-1]
        prefix = next((p for p, ns in PREFIXES.items() if str(kind).startswith(str(ns))), "x")
        partition = PARTITION[f"{prefix}-{local}"]
        v.add((DATASET, VOID.classPartition, partition))
        v.add((partition, VOID["class"], kind))
        v.add((partition, VOID.entities, Literal(count)))
    for dump in dumps:
        download = URIRef(DUMP_BASE + dump["name"])
        distribution = DISTRIBUTION[dump["name"].replace(".", "-")]
        v.add((DATASET, VOID.dataDump, download))
        v.add((DATASET, DCAT.distribution, distribution))
        v.add((distribution, RDF.type, DCAT.Distribution))
        v.add((distribution, DCAT.downloadURL, download))
        v.add((distribution, DCAT.mediaType, Literal(dump["media_type"])))
        if dump["name"].endswith(".gz"):
            v.add((distribution, DCAT.compressFormat, Literal("application/gzip")))
        v.add((distribution, DCAT.byteSize, Literal(dump["bytes"], datatype=XSD.nonNegativeInteger)))
        v.add((distribution, VOID.triples, Literal(dump["triples"])))
        v.add((distribution, SINORUS.sha256, Literal(dump["sha256"])))
        v.add((distribution, DCTERMS.issued, issued))
    service = URIRef(BASE + "sparql")
    v.add((service, RDF.type, DCAT.DataService))
    v.add((service, DCAT.endpointURL, service))
    v.add((service, DCAT.servesDataset, DATASET))
    v.add((service, DCTERMS.conformsTo, URIRef("https://www.w3.org/TR/sparql11-protocol/")))
    return v


def sitemap(pages: list[str]) -> str:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    for iri in sorted(pages):
        lines.append(f"  <url><loc>{iri}</loc><lastmod>{RELEASE['modified']}</lastmod></url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"
