"""Fixtures and helpers for the SPARQL tests, loaded by those modules with
`pytest_plugins = ["conftest_sparql"]` in conftest.py (so the session fixtures are shared, not copied).

- `embedded_endpoint`: /sparql of `python -m sinorus serve` on the real build (the
  `real_server` fixture of conftest.py).
- `oxigraph_endpoint`: the Oxigraph server (`oxigraph serve-read-only`) loaded from the
  same build's dump, on a free loopback port, stopped by its pid at the end.
- `limited_app_endpoint`: make_app(dist, timeout=0.5, max_rows=50) under waitress in this
  process, for the time-limit and result-size tests.
- `select(endpoint, text)`: a query through SPARQLWrapper (POST, JSON); the raw bindings.
"""

from __future__ import annotations

import threading

import pytest
from SPARQLWrapper import JSON, POST, SPARQLWrapper

from sinorus.oxigraph_server import OxigraphServer
from sinorus.query_catalog import competency_queries
from sinorus.server import make_app

HOST = "127.0.0.1"


def select(endpoint: str, text: str, timeout: int = 60) -> list[dict]:
    """The JSON bindings of a SELECT, as SPARQLWrapper returns them."""
    client = SPARQLWrapper(endpoint)
    client.setMethod(POST)
    client.setReturnFormat(JSON)
    client.setTimeout(timeout)
    client.setQuery(text)
    return client.query().convert()["results"]["bindings"]


def values(bindings: list[dict]) -> list[dict]:
    """Each row as {variable: lexical value}: what the hand-written expectations compare."""
    return [{name: cell["value"] for name, cell in row.items()} for row in bindings]


@pytest.fixture(scope="session")
def embedded_endpoint(real_server) -> str:
    return real_server + "/sparql"


@pytest.fixture(scope="session")
def oxigraph_endpoint(real_dist):
    with OxigraphServer(real_dist) as server:
        yield server.endpoint
    # stopped by its pid (OxigraphServer.stop): check nothing answers there any more
    assert server.process.poll() is not None


@pytest.fixture(scope="session")
def all_answers(embedded_endpoint, oxigraph_endpoint) -> dict:
    """{endpoint name: {query stem: raw bindings}}: every competency query run once on each."""
    answers = {"embedded": {}, "oxigraph": {}}
    for query in competency_queries():
        # The catalog's text (without the opening comment) is sent: SPARQLWrapper 2.0.0
        # guesses the query type from the text and takes words like 'add' in a block of
        # comment lines for SPARQL Update.
        answers["embedded"][query.stem] = select(embedded_endpoint, query.text)
        answers["oxigraph"][query.stem] = select(oxigraph_endpoint, query.text)
    return answers


@pytest.fixture(scope="session")
def limited_app_endpoint(real_dist):
    """A second embedded endpoint with a 0.5 s time limit and a 50-row result limit."""
    from waitress.server import create_server

    app = make_app(real_dist, timeout=0.5, max_rows=50)
    server = create_server(app, host=HOST, port=0, threads=2)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    port = server.socket.getsockname()[1]
    yield f"http://{HOST}:{port}/sparql"
    server.close()
    app.sparql.pool.close()
    thread.join(timeout=10)
