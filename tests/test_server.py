"""Dereferencing through the real server (waitress, a separate process on 127.0.0.1):
content negotiation for every published IRI, HEAD, 404, 406, and refusal of traversal,
odd methods and malformed requests."""

from __future__ import annotations

import http.client
import json
import socket
from urllib.parse import urlparse

import pyoxigraph
import pytest

from sinorus.ledger import published_iris

FORMATS = {
    "text/turtle": ("ttl", "text/turtle; charset=utf-8", pyoxigraph.RdfFormat.TURTLE),
    "application/ld+json": ("jsonld", "application/ld+json; charset=utf-8", pyoxigraph.RdfFormat.JSON_LD),
    "application/n-triples": ("nt", "application/n-triples; charset=utf-8", pyoxigraph.RdfFormat.N_TRIPLES),
    "application/rdf+xml": ("rdf", "application/rdf+xml; charset=utf-8", pyoxigraph.RdfFormat.RDF_XML),
    "text/html": ("html", "text/html; charset=utf-8", None),
}


class Client:
    """One keep-alive connection, to make thousands of requests quickly."""

    def __init__(self, base: str):
        parsed = urlparse(base)
        self.host, self.port = parsed.hostname, parsed.port
        self.connection = http.client.HTTPConnection(self.host, self.port, timeout=30)

    def request(self, method: str, path: str, headers: dict | None = None):
        try:
            self.connection.request(method, path, headers=headers or {})
            response = self.connection.getresponse()
        except (http.client.HTTPException, ConnectionError):
            self.connection = http.client.HTTPConnection(self.host, self.port, timeout=30)
            self.connection.request(method, path, headers=headers or {})
            response = self.connection.getresponse()
        return response, response.read()


def raw_request(base: str, data: bytes) -> bytes:
    parsed = urlparse(base)
    with socket.create_connection((parsed.hostname, parsed.port), timeout=10) as s:
        s.sendall(data)
        chunks = []
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            chunks.append(chunk)
    return b"".join(chunks)


def test_every_published_iri_negotiates_to_a_parsable_document(real_server, real_dist):
    client = Client(real_server)
    iris = published_iris(real_dist)
    assert len(iris) > 1000
    for iri in iris:
        path = "/" + iri.split("https://w3id.org/sinorus/", 1)[1]
        for accept, (suffix, content_type, rdf_format) in FORMATS.items():
            response, _ = client.request("GET", path, {"Accept": accept})
            assert response.status == 303, (iri, accept)
            assert response.getheader("Location") == f"{path}.{suffix}"
            assert "Accept" in response.getheader("Vary")
            document, body = client.request("GET", response.getheader("Location"))
            assert document.status == 200, (iri, accept)
            assert document.getheader("Content-Type") == content_type
            if rdf_format is not None:
                triples = list(pyoxigraph.parse(body, format=rdf_format))
                assert any(t.subject.value == iri or t.object.value == iri for t in triples), (iri, accept)
            else:
                assert f'<link rel="canonical" href="{iri}">'.encode() in body


def test_q_values_are_honoured(real_server):
    client = Client(real_server)
    cases = {
        "text/html;q=0.5, text/turtle": "/id/huawei.ttl",
        "text/turtle;q=0.2, application/ld+json;q=0.9": "/id/huawei.jsonld",
        "application/rdf+xml, text/html;q=0.1": "/id/huawei.rdf",
        "*/*": "/id/huawei.html",
        "text/*": "/id/huawei.html",
        "application/n-triples;q=0.8, */*;q=0.1": "/id/huawei.nt",
    }
    for accept, location in cases.items():
        response, _ = client.request("GET", "/id/huawei", {"Accept": accept})
        assert (response.status, response.getheader("Location")) == (303, location), accept
    response, _ = client.request("GET", "/id/huawei")  # no Accept: HTML is the default
    assert response.getheader("Location") == "/id/huawei.html"
    response, body = client.request("GET", "/id/huawei", {"Accept": "image/png"})
    assert response.status == 406 and b"text/turtle" in body


def test_the_ontology_iri_negotiates(real_server):
    client = Client(real_server)
    for accept, (suffix, content_type, rdf_format) in FORMATS.items():
        response, _ = client.request("GET", "/ontology", {"Accept": accept})
        assert (response.status, response.getheader("Location")) == (303, f"/ontology.{suffix}")
        document, body = client.request("GET", f"/ontology.{suffix}")
        assert document.getheader("Content-Type") == content_type
        if rdf_format:
            assert len(list(pyoxigraph.parse(body, format=rdf_format))) > 500


def test_the_version_iri_and_the_dataset_iri_negotiate(real_server):
    client = Client(real_server)
    for path, html, kind in [("/ontology/1.0.0", "/ontology.html", "http://www.w3.org/2002/07/owl#Ontology"),
                             ("/dataset", "/index.html", "http://rdfs.org/ns/void#Dataset")]:
        response, _ = client.request("GET", path, {"Accept": "text/html"})
        assert (response.status, response.getheader("Location")) == (303, html)
        for accept, (suffix, content_type, rdf_format) in FORMATS.items():
            if rdf_format is None:
                continue
            response, _ = client.request("GET", path, {"Accept": accept})
            assert (response.status, response.getheader("Location")) == (303, f"{path}.{suffix}")
            document, body = client.request("GET", f"{path}.{suffix}")
            assert document.getheader("Content-Type") == content_type
            assert any(t.object.value == kind for t in pyoxigraph.parse(body, format=rdf_format)), (path, accept)


def test_head_answers_like_get_without_a_body(real_server):
    client = Client(real_server)
    get, body = client.request("GET", "/id/huawei.ttl")
    head, empty = client.request("HEAD", "/id/huawei.ttl")
    assert head.status == 200 and empty == b""
    assert head.getheader("Content-Length") == str(len(body))
    assert head.getheader("Content-Type") == get.getheader("Content-Type")
    head, _ = client.request("HEAD", "/id/huawei", {"Accept": "text/turtle"})
    assert (head.status, head.getheader("Location")) == (303, "/id/huawei.ttl")


def test_unknown_iri_gets_a_helpful_404(real_server):
    client = Client(real_server)
    for path in ["/id/no-such-thing", "/id/no-such-thing.ttl", "/nothing.html", "/id/claim/c0000"]:
        response, body = client.request("GET", path, {"Accept": "text/turtle"})
        assert response.status == 404, path
        assert b"Nothing is published at this address" in body


def test_dumps_and_void_are_served_with_their_types(real_server):
    client = Client(real_server)
    expected = {
        "/dump/sinorus.nt.gz": "application/gzip",
        "/dump/sinorus.ttl": "text/turtle; charset=utf-8",
        "/void.ttl": "text/turtle; charset=utf-8",
        "/dump/sinorus.jsonld": "application/ld+json; charset=utf-8",
        "/": "text/html; charset=utf-8",
        "/static/style.css": "text/css; charset=utf-8",
    }
    for path, content_type in expected.items():
        response, body = client.request("GET", path)
        assert (response.status, response.getheader("Content-Type")) == (200, content_type), path
        assert body


@pytest.mark.parametrize(
    "path",
    [
        "/../etc/passwd",
        "/id/../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/id/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/id/..%2f..%2fMakefile",
        "/..%5c..%5cMakefile",
        "/id/%00",
        "/id/huawei%00.ttl",
        "/static/../../Makefile",
        "//etc/passwd",
    ],
)
def test_traversal_is_refused(real_server, path):
    answer = raw_request(real_server, f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
    status = int(answer.split(b" ", 2)[1])
    assert 400 <= status < 500, (path, answer[:200])
    assert b"root:" not in answer and b"PYTHONHASHSEED" not in answer


@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH", "TRACE", "CONNECT", "BREW", "PROPFIND"])
def test_odd_methods_are_refused(real_server, method):
    answer = raw_request(real_server, f"{method} /id/huawei.html HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".encode())
    status = int(answer.split(b" ", 2)[1])
    assert 400 <= status < 500, (method, answer[:200])


@pytest.mark.parametrize(
    "request_bytes",
    [
        b"GARBAGE\r\n\r\n",
        b"GET\r\n\r\n",
        b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nNo colon in this header\r\n\r\n",
        b"GET /id/huawei HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: -5\r\n\r\n",
        b"GET /" + b"a" * 70000 + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    ],
)
def test_malformed_requests_get_4xx_and_the_server_survives(real_server, request_bytes):
    answer = raw_request(real_server, request_bytes)
    if answer:  # a server may also just close the connection on garbage
        status = int(answer.split(b" ", 2)[1])
        assert 400 <= status < 500, answer[:200]
    response, _ = Client(real_server).request("GET", "/index.html")
    assert response.status == 200


def test_sparql_endpoint_is_part_of_serve(real_server):
    client = Client(real_server)
    query = "SELECT%20(COUNT(*)%20AS%20%3Fn)%20WHERE%20%7B%20%3Fs%20%3Fp%20%3Fo%20%7D"
    response, body = client.request("GET", f"/sparql?query={query}", {"Accept": "application/sparql-results+json"})
    assert response.status == 200
    count = int(json.loads(body)["results"]["bindings"][0]["n"]["value"])
    assert count > 10000
