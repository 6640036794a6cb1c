"""Serve dist/ as the deployment rules do, with waitress (a production WSGI server).

- GET/HEAD /id/<path>, /ontology, /ontology/<version> and /dataset: 303 See Other to the document the client's Accept
  header prefers (.html by default, .ttl, .jsonld, .nt, .rdf), with Vary: Accept; 406 if it
  accepts none; the 404 page if the IRI is unknown.
- Any other path: the file of dist/ it names, with its Content-Type and charset.
- /sparql: the SPARQL endpoint (sparql_endpoint.py).
Only files inside dist/ are ever sent: paths with `..`, backslashes, NUL or encoded
separators are refused with 400 before any file system access; other methods get 405.
"""

from __future__ import annotations

import re
from pathlib import Path

from werkzeug.wrappers import Request, Response

from .conneg import content_type_for, document_suffix
from .paths import negotiated_document

ALLOWED_METHODS = ("GET", "HEAD")
# Characters a published path may contain (our IRIs are ASCII slugs).
SAFE_PATH = re.compile(r"^/[A-Za-z0-9._~/-]*$")
MAX_PATH = 1024  # far longer than any published path; longer names fail in the file system


class App:
    def __init__(self, dist: Path, sparql=None):
        self.dist = Path(dist).resolve()
        self.sparql = sparql  # a SparqlEndpoint, or None when serving without /sparql

    def __call__(self, environ, start_response):
        request = Request(environ)
        try:
            response = self.respond(request)
        except Exception:  # never crash the server on a request; say so
            response = Response("Internal error\n", status=500, content_type="text/plain; charset=utf-8")
        return response(environ, start_response)

    # --- routing ------------------------------------------------------------------
    def respond(self, request: Request) -> Response:
        path = request.path
        if path == "/sparql":
            if self.sparql is None:
                return self.plain(404, "No SPARQL endpoint is running on this server.")
            return self.sparql(request)
        if request.method not in ALLOWED_METHODS:
            return self.plain(405, f"Method {request.method} not allowed.", {"Allow": ", ".join(ALLOWED_METHODS)})
        raw = environ_path(request)
        if len(raw) > MAX_PATH:
            return self.plain(414, "URI too long.")
        if not SAFE_PATH.match(path) or ".." in path.split("/") or "%" in raw or "\\" in raw:
            return self.plain(400, "Bad request: this path cannot name a published file.")
        if negotiated_document(path, "html") and not has_document_suffix(path):
            return self.negotiate(request, path)
        return self.file(request, path)

    def negotiate(self, request: Request, path: str) -> Response:
        if not (self.dist / negotiated_document(path, "html")).is_file():
            return self.not_found(request)
        suffix = document_suffix(request.headers.get("Accept"))
        if suffix is None:
            return self.plain(
                406,
                "Not acceptable. Available: text/html, text/turtle, application/ld+json, "
                "application/n-triples, application/rdf+xml.",
                {"Vary": "Accept"},
            )
        location = "/" + negotiated_document(path, suffix)
        return Response(status=303, headers={"Location": location, "Vary": "Accept"})

    def file(self, request: Request, path: str) -> Response:
        relative = path.lstrip("/")
        if relative == "" or relative.endswith("/"):
            relative += "index.html"
        try:
            target = (self.dist / relative).resolve()
            found = self.dist in target.parents and target.is_file()
        except OSError:  # a name the file system cannot hold: certainly not published
            found = False
        if not found:
            return self.not_found(request)
        body = b"" if request.method == "HEAD" else target.read_bytes()
        response = Response(body, content_type=content_type_for(relative))
        response.headers["Content-Length"] = str(target.stat().st_size)
        if relative.startswith("id/") or relative.startswith("ontology."):
            response.headers["Vary"] = "Accept"
        return response

    # --- answers ----------------------------------------------------------------
    def not_found(self, request: Request) -> Response:
        page = self.dist / "404.html"
        body = page.read_bytes() if page.is_file() else b"Not found\n"
        return Response(b"" if request.method == "HEAD" else body, status=404,
                        content_type="text/html; charset=utf-8")

    @staticmethod
    def plain(status: int, message: str, headers: dict | None = None) -> Response:
        return Response(message + "\n", status=status, headers=headers or {},
                        content_type="text/plain; charset=utf-8")


def environ_path(request: Request) -> str:
    """The path as sent, before percent-decoding (to refuse encoded traversal)."""
    raw = request.environ.get("RAW_URI") or request.environ.get("REQUEST_URI") or request.full_path
    return raw.split("?", 1)[0]


def has_document_suffix(path: str) -> bool:
    return path.rsplit("/", 1)[-1].rsplit(".", 1)[-1] in {"html", "ttl", "jsonld", "nt", "rdf"}


def make_app(dist: Path, with_sparql: bool = True, timeout: float = 10.0, max_rows: int = 10000) -> App:
    sparql = None
    if with_sparql:
        from .sparql_endpoint import SparqlEndpoint
        from .sparql_worker import WorkerPool

        sparql = SparqlEndpoint(WorkerPool(Path(dist) / "dump" / "sinorus.nt.gz", timeout=timeout, max_rows=max_rows))
    return App(dist, sparql)


def serve(dist, host: str = "127.0.0.1", port: int = 8000, timeout: float = 10.0, max_rows: int = 10000) -> None:
    from waitress import serve as waitress_serve

    app = make_app(Path(dist), timeout=timeout, max_rows=max_rows)
    print(f"serving {dist} on http://{host}:{port}/ (SPARQL at /sparql); Ctrl-C stops", flush=True)
    waitress_serve(app, host=host, port=port, threads=4, ident="sinorus")
