"""The SPARQL 1.1 Protocol at /sparql: read-only, time- and size-limited, CORS-enabled.

GET ?query=… or POST (form-encoded `query=` or a raw application/sparql-query body).
SELECT and ASK answer JSON (default), XML, CSV or TSV by Accept; CONSTRUCT and DESCRIBE
answer Turtle (default), JSON-LD, N-Triples or RDF/XML. An update is refused with 403; a
malformed query gets 400 with the parser's message; without a query, the endpoint
describes itself (SPARQL 1.1 Service Description).
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs

from werkzeug.wrappers import Request, Response

from .config import BASE, DATASET_IRI
from .conneg import best_of
from .sparql_worker import GRAPH_FORMATS, RESULT_FORMATS, WorkerPool

CORS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
    "Access-Control-Allow-Headers": "Content-Type, Accept",
    "Access-Control-Max-Age": "86400",
}
MAX_QUERY_BYTES = 100_000
PROLOGUE = re.compile(r"\A(?:\s+|#[^\n]*|PREFIX\s+[^\s:]*:\s*<[^>]*>|BASE\s*<[^>]*>)*", re.IGNORECASE)
UPDATE_WORDS = {"INSERT", "DELETE", "WITH", "LOAD", "CLEAR", "DROP", "CREATE", "COPY", "MOVE", "ADD"}

SERVICE_DESCRIPTION = f"""\
@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
@prefix void: <http://rdfs.org/ns/void#> .
@prefix dcterms: <http://purl.org/dc/terms/> .

<{BASE}sparql>
    a sd:Service ;
    sd:endpoint <{BASE}sparql> ;
    sd:supportedLanguage sd:SPARQL11Query ;
    sd:resultFormat <http://www.w3.org/ns/formats/SPARQL_Results_JSON> ,
        <http://www.w3.org/ns/formats/SPARQL_Results_XML> ,
        <http://www.w3.org/ns/formats/SPARQL_Results_CSV> ,
        <http://www.w3.org/ns/formats/SPARQL_Results_TSV> ,
        <http://www.w3.org/ns/formats/Turtle> ,
        <http://www.w3.org/ns/formats/JSON-LD> ,
        <http://www.w3.org/ns/formats/N-Triples> ,
        <http://www.w3.org/ns/formats/RDF_XML> ;
    sd:feature sd:BasicFederatedQuery ;
    dcterms:description "Read-only SPARQL 1.1 query endpoint of sinorus. Queries have a time limit and a result-size limit."@en ;
    sd:defaultDataset [
        a sd:Dataset ;
        dcterms:source <{DATASET_IRI}> ;
        sd:defaultGraph [ a sd:Graph ; void:inDataset <{DATASET_IRI}> ]
    ] .
"""


def text(status: int, message: str, headers: dict | None = None) -> Response:
    return Response(message + "\n", status=status, headers={**CORS, **(headers or {})},
                    content_type="text/plain; charset=utf-8")


class SparqlEndpoint:
    def __init__(self, pool: WorkerPool):
        self.pool = pool

    def __call__(self, request: Request) -> Response:
        if request.method == "OPTIONS":
            return Response(status=204, headers=CORS)
        if request.method not in ("GET", "HEAD", "POST"):
            return text(405, "Method not allowed: use GET or POST.", {"Allow": "GET, HEAD, POST, OPTIONS"})
        query, update, problem = self.read(request)
        if problem:
            return text(400, problem)
        if update is not None:
            return text(403, "This endpoint is read-only: SPARQL Update is not accepted.")
        if query is None:
            return self.describe_service(request)
        result_type = best_of(request.headers.get("Accept"), list(RESULT_FORMATS)) or "application/sparql-results+json"
        graph_type = best_of(request.headers.get("Accept"), list(GRAPH_FORMATS)) or "text/turtle"
        if self.looks_like_update(query):
            return text(403, "This endpoint is read-only: SPARQL Update is not accepted.")
        answer = self.pool.run(query, result_type, graph_type)
        response = Response(answer.body, status=answer.status, headers={**CORS, "Vary": "Accept"},
                            content_type=answer.content_type)
        if request.method == "HEAD":
            response.set_data(b"")
            response.headers["Content-Length"] = str(len(answer.body))
        return response

    @staticmethod
    def read(request: Request) -> tuple[str | None, str | None, str | None]:
        """(query, update, problem) from the request, as the SPARQL Protocol allows."""
        if request.method == "POST":
            if (request.content_length or 0) > MAX_QUERY_BYTES:
                return None, None, f"The query is longer than {MAX_QUERY_BYTES} bytes."
            mimetype = request.mimetype
            body = request.get_data(as_text=True)
            if mimetype == "application/sparql-query":
                return body, None, None
            if mimetype == "application/sparql-update":
                return None, body, None
            if mimetype == "application/x-www-form-urlencoded":
                form = parse_qs(body, keep_blank_values=True)
                return (form.get("query", [None])[0], form.get("update", [None])[0], None)
            return None, None, "POST a form (query=…) or an application/sparql-query body."
        args = request.args
        if len(args.getlist("query")) > 1:
            return None, None, "Give exactly one query parameter."
        return args.get("query"), args.get("update"), None

    @staticmethod
    def looks_like_update(query: str) -> bool:
        # pyoxigraph's query parser rejects updates anyway (400); this names the reason.
        # The first word after the prologue (comments, PREFIX and BASE declarations).
        words = PROLOGUE.sub("", query, count=1).upper().split()
        return bool(words) and words[0] in UPDATE_WORDS

    @staticmethod
    def describe_service(request: Request) -> Response:
        chosen = best_of(request.headers.get("Accept"), ["text/turtle", "text/html"])
        if chosen == "text/html":
            html = (
                "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>SPARQL · sinorus</title></head>"
                "<body><h1>sinorus SPARQL endpoint</h1><form method='post'>"
                "<textarea name='query' rows='12' cols='80'>SELECT ?s ?label WHERE {\n  ?s a &lt;https://w3id.org/sinorus/ontology#InvestmentFund&gt; ;\n     &lt;http://www.w3.org/2000/01/rdf-schema#label&gt; ?label .\n}</textarea>"
                "<p><button type='submit'>Run</button></p></form></body></html>"
            )
            return Response(html, headers={**CORS, "Vary": "Accept"}, content_type="text/html; charset=utf-8")
        return Response(SERVICE_DESCRIPTION, headers={**CORS, "Vary": "Accept"}, content_type="text/turtle; charset=utf-8")
