"""The embedded endpoint speaks the SPARQL 1.1 Protocol: GET and POST, every result format
by Accept, CONSTRUCT as Turtle and JSON-LD, updates refused, malformed queries 400 with
the parser's message, a time limit and a result-size limit, CORS, a service description.
All through real HTTP on loopback: `python -m sinorus serve` (the session's real_server),
and for the limits, make_app(dist, timeout=0.5, max_rows=50) under waitress."""

from __future__ import annotations

import csv
import http.client
import io
import json
import time
import xml.etree.ElementTree as ET
from urllib.parse import urlencode, urlparse

import pyoxigraph as ox
import pytest

pytest.register_assert_rewrite("conftest_sparql")
from conftest_sparql import select  # noqa: E402


COUNT_FUNDS = """PREFIX sinorus: <https://w3id.org/sinorus/ontology#>
SELECT ?fund WHERE { ?fund sinorus:cooperationArea <https://w3id.org/sinorus/id/area-joint-funds> }
ORDER BY ?fund"""
JOINT_FUNDS = {
    "https://w3id.org/sinorus/id/russia-china-investment-fund-for-regional-development",
    "https://w3id.org/sinorus/id/russia-china-science-and-technology-fund",
    "https://w3id.org/sinorus/id/sino-russian-joint-innovation-investment-fund",
}
CONSTRUCT_FUND = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX sinorus: <https://w3id.org/sinorus/ontology#>
CONSTRUCT { ?fund rdfs:label ?label ; sinorus:financier ?financier }
WHERE { BIND(<https://w3id.org/sinorus/id/sino-russian-joint-innovation-investment-fund> AS ?fund)
        ?fund rdfs:label ?label ; sinorus:financier ?financier }"""
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"  # ~10^12 rows
MANY = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"  # thousands of rows


def request(endpoint: str, method: str, query_string: str = "", body: bytes | None = None,
            headers: dict | None = None, timeout: float = 60):
    """(status, headers, body) of one HTTP request to the endpoint."""
    url = urlparse(endpoint)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=timeout)
    try:
        path = url.path + (f"?{query_string}" if query_string else "")
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def get(endpoint: str, query: str, accept: str = "application/sparql-results+json", **kwargs):
    return request(endpoint, "GET", urlencode({"query": query}), headers={"Accept": accept}, **kwargs)


def fund_iris_from_json(body: bytes) -> set[str]:
    return {row["fund"]["value"] for row in json.loads(body)["results"]["bindings"]}


# --- GET and POST ------------------------------------------------------------------------
def test_get(embedded_endpoint):
    status, headers, body = get(embedded_endpoint, COUNT_FUNDS)
    assert status == 200
    assert headers["Content-Type"].startswith("application/sparql-results+json")
    assert fund_iris_from_json(body) == JOINT_FUNDS


def test_post_form(embedded_endpoint):
    status, _, body = request(
        embedded_endpoint, "POST", body=urlencode({"query": COUNT_FUNDS}).encode(),
        headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json"})
    assert status == 200 and fund_iris_from_json(body) == JOINT_FUNDS


def test_post_query_body(embedded_endpoint):
    status, _, body = request(
        embedded_endpoint, "POST", body=COUNT_FUNDS.encode(),
        headers={"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"})
    assert status == 200 and fund_iris_from_json(body) == JOINT_FUNDS


def test_sparqlwrapper_client(embedded_endpoint):
    assert {row["fund"]["value"] for row in select(embedded_endpoint, COUNT_FUNDS)} == JOINT_FUNDS


# --- result formats by Accept ------------------------------------------------------------
def test_results_as_xml(embedded_endpoint):
    status, headers, body = get(embedded_endpoint, COUNT_FUNDS, "application/sparql-results+xml")
    assert status == 200 and headers["Content-Type"].startswith("application/sparql-results+xml")
    ns = {"s": "http://www.w3.org/2005/sparql-results#"}
    uris = {u.text for u in ET.fromstring(body).findall(".//s:result/s:binding/s:uri", ns)}
    assert uris == JOINT_FUNDS


def test_results_as_csv(embedded_endpoint):
    status, headers, body = get(embedded_endpoint, COUNT_FUNDS, "text/csv")
    assert status == 200 and headers["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(body.decode("utf-8"))))
    assert rows[0] == ["fund"] and {r[0] for r in rows[1:]} == JOINT_FUNDS


def test_results_as_tsv(embedded_endpoint):
    status, headers, body = get(embedded_endpoint, COUNT_FUNDS, "text/tab-separated-values")
    assert status == 200 and headers["Content-Type"].startswith("text/tab-separated-values")
    lines = body.decode("utf-8").strip().splitlines()
    assert lines[0] == "?fund" and {line.strip("<>") for line in lines[1:]} == JOINT_FUNDS


def test_ask_answers_a_boolean(embedded_endpoint):
    status, _, body = get(embedded_endpoint, "ASK { ?s a <https://w3id.org/sinorus/ontology#InvestmentFund> }")
    assert status == 200 and json.loads(body)["boolean"] is True


@pytest.mark.parametrize("accept, media_type, rdf_format", [
    ("text/turtle", "text/turtle", ox.RdfFormat.TURTLE),
    ("application/ld+json", "application/ld+json", ox.RdfFormat.JSON_LD),
    ("application/n-triples", "application/n-triples", ox.RdfFormat.N_TRIPLES),
])
def test_construct_by_accept(embedded_endpoint, accept, media_type, rdf_format):
    status, headers, body = get(embedded_endpoint, CONSTRUCT_FUND, accept)
    assert status == 200 and headers["Content-Type"].startswith(media_type)
    triples = list(ox.parse(body, format=rdf_format))
    # The fund's label and its two financiers (RDIF and CIC), as the report says.
    assert len(triples) == 3
    financiers = {t.object.value for t in triples if t.predicate.value.endswith("#financier")}
    assert financiers == {"https://w3id.org/sinorus/id/russian-direct-investment-fund",
                          "https://w3id.org/sinorus/id/china-investment-corporation"}


# --- read-only, errors -------------------------------------------------------------------
UPDATE = 'INSERT DATA { <https://example.org/a> <https://example.org/b> "c" }'


@pytest.mark.parametrize("how", ["update-body", "update-form", "update-as-query", "prefixed-update-as-query"])
def test_updates_are_refused(embedded_endpoint, how):
    if how == "prefixed-update-as-query":
        status, _, body = get(embedded_endpoint, "PREFIX ex: <https://example.org/>\n# write\n" + UPDATE)
    elif how == "update-body":
        status, _, body = request(embedded_endpoint, "POST", body=UPDATE.encode(),
                                  headers={"Content-Type": "application/sparql-update"})
    elif how == "update-form":
        status, _, body = request(embedded_endpoint, "POST", body=urlencode({"update": UPDATE}).encode(),
                                  headers={"Content-Type": "application/x-www-form-urlencoded"})
    else:
        status, _, body = get(embedded_endpoint, UPDATE)
    assert 400 <= status < 500 and b"read-only" in body
    # and nothing was written
    _, _, answer = get(embedded_endpoint, "ASK { <https://example.org/a> ?p ?o }")
    assert json.loads(answer)["boolean"] is False


def test_malformed_query_gets_400_with_the_parsers_message(embedded_endpoint):
    status, headers, body = get(embedded_endpoint, "SELECT ?x WHERE { ?x ?y }")
    assert status == 400 and headers["Content-Type"].startswith("text/plain")
    message = body.decode("utf-8")
    assert "syntax error" in message.lower() and "1:" in message  # where the parser stopped


# --- limits ------------------------------------------------------------------------------
def test_time_limit_stops_a_slow_query(limited_app_endpoint):
    started = time.monotonic()
    status, _, body = get(limited_app_endpoint, SLOW, timeout=60)
    elapsed = time.monotonic() - started
    assert status == 503 and b"time limit" in body
    assert elapsed < 30  # stopped at 0.5 s, plus starting a fresh worker
    # The endpoint survives: the overrunning worker was replaced.
    status, _, body = get(limited_app_endpoint, COUNT_FUNDS)
    assert status == 200 and fund_iris_from_json(body) == JOINT_FUNDS


def test_result_size_limit(limited_app_endpoint):
    status, _, body = get(limited_app_endpoint, MANY)
    assert status == 422 and b"LIMIT" in body
    status, _, body = get(limited_app_endpoint, MANY + " LIMIT 50")
    assert status == 200 and len(json.loads(body)["results"]["bindings"]) == 50
    status, _, _ = get(limited_app_endpoint, "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "text/turtle")
    assert status == 422


# --- CORS and the service description ----------------------------------------------------
def test_cors_headers(embedded_endpoint):
    _, headers, _ = get(embedded_endpoint, COUNT_FUNDS)
    assert headers["Access-Control-Allow-Origin"] == "*"
    status, headers, _ = request(embedded_endpoint, "OPTIONS", headers={
        "Origin": "https://example.org", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "Content-Type"})
    assert status in (200, 204)
    assert headers["Access-Control-Allow-Origin"] == "*"
    assert "POST" in headers["Access-Control-Allow-Methods"]
    assert "content-type" in headers["Access-Control-Allow-Headers"].lower()


def test_service_description(embedded_endpoint):
    status, headers, body = request(embedded_endpoint, "GET", headers={"Accept": "text/turtle"})
    assert status == 200 and headers["Content-Type"].startswith("text/turtle")
    store = ox.Store()
    store.load(body, format=ox.RdfFormat.TURTLE)
    assert store.query("""PREFIX sd: <http://www.w3.org/ns/sparql-service-description#>
        ASK { ?service a sd:Service ; sd:endpoint <https://w3id.org/sinorus/sparql> ;
                       sd:supportedLanguage sd:SPARQL11Query ;
                       sd:resultFormat <http://www.w3.org/ns/formats/SPARQL_Results_JSON> }""")
    status, headers, body = request(embedded_endpoint, "GET", headers={"Accept": "text/html"})
    assert status == 200 and headers["Content-Type"].startswith("text/html") and b"<form" in body
