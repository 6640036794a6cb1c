"""The dump loads anywhere: into a fresh Oxigraph store in strict mode (pyoxigraph and the
`oxigraph` CLI, neither lenient), and into Virtuoso with its bulk loader, each holding as
many triples as the dump and its VoID description say.

Virtuoso (Debian's virtuoso-opensource; `make system-deps` installs it) runs as a private
instance: its own virtuoso.ini in a temporary folder, loopback ports found free, the dump
gunzipped alone into a folder that DirsAllowed names (no stray .graph file there to
redirect the load), loaded with ld_dir + rdf_loader_run into a fresh graph, counted with
SPARQL through isql, then shut down. Without Virtuoso the test fails: it is not skipped.
"""

from __future__ import annotations

import gzip
import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph
from rdflib.namespace import VOID

from sinorus.oxigraph_server import oxigraph_binary
from sinorus.processes import free_port

GRAPH = "https://w3id.org/sinorus/dataset/virtuoso-load-test"


def dump_path(dist: Path) -> Path:
    return dist / "dump" / "sinorus.nt.gz"


def ntriples_lines(dist: Path) -> int:
    text = gzip.decompress(dump_path(dist).read_bytes()).decode("utf-8")
    return sum(1 for line in text.splitlines() if line.strip())


def void_count(dist: Path) -> int:
    void = Graph()
    void.parse(dist / "void.ttl", format="turtle")
    counts = {int(o) for o in void.objects(None, VOID.triples)}
    assert len(counts) == 1, f"void.ttl gives several triple counts: {counts}"
    return counts.pop()


@pytest.fixture(scope="module")
def dump_count(real_dist) -> int:
    lines = ntriples_lines(real_dist)
    assert lines == void_count(real_dist) > 10000  # one triple per line, as VoID says
    return lines


# --- Oxigraph, strict ----------------------------------------------------------------------
def test_dump_parses_strictly_with_pyoxigraph(real_dist, dump_count):
    store = ox.Store()  # a fresh store; no lenient flag, so a bad IRI or language tag fails
    store.load(gzip.decompress(dump_path(real_dist).read_bytes()), format=ox.RdfFormat.N_TRIPLES)
    assert len(store) == dump_count
    turtle = ox.Store()
    turtle.load(path=str(real_dist / "dump" / "sinorus.ttl"), format=ox.RdfFormat.TURTLE)
    assert len(turtle) == dump_count


def test_dump_loads_with_the_oxigraph_cli_in_strict_mode(real_dist, dump_count, tmp_path):
    location = tmp_path / "store"
    binary = oxigraph_binary()
    subprocess.run([binary, "load", "--location", str(location), "--file", str(dump_path(real_dist))],
                   check=True, capture_output=True, timeout=300)
    out = subprocess.run(
        [binary, "query", "--location", str(location), "--results-format", "csv",
         "--query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"],
        check=True, capture_output=True, text=True, timeout=120,
    )
    assert out.stdout.split() == ["n", str(dump_count)]


# --- Virtuoso -------------------------------------------------------------------------------
def virtuoso_commands() -> tuple[str, str]:
    server = shutil.which("virtuoso-t")
    isql = shutil.which("isql-vt") or shutil.which("isql")
    if not server or not isql:
        pytest.fail("Virtuoso is not installed (virtuoso-t and isql-vt): run `make system-deps` "
                    "(Debian package virtuoso-opensource)")
    return server, isql


VIRTUOSO_INI = """\
[Database]
DatabaseFile       = {home}/virtuoso.db
ErrorLogFile       = {home}/virtuoso.log
LockFile           = {home}/virtuoso.lck
TransactionFile    = {home}/virtuoso.trx
xa_persistent_file = {home}/virtuoso.pxa

[TempDatabase]
DatabaseFile    = {home}/virtuoso-temp.db
TransactionFile = {home}/virtuoso-temp.trx

[Parameters]
ServerPort        = 127.0.0.1:{port}
DisableUnixSocket = 1
DirsAllowed       = ., {load}
NumberOfBuffers   = 10000
MaxDirtyBuffers   = 6000
CheckpointInterval = 0

[SPARQL]
ResultSetMaxRows = 10000
"""


class Virtuoso:
    """A private Virtuoso on a loopback port; no HTTP server (none is configured)."""

    def __init__(self, home: Path, load: Path):
        self.server, self.isql_binary = virtuoso_commands()
        self.home, self.load, self.port = home, load, free_port()
        (home / "virtuoso.ini").write_text(VIRTUOSO_INI.format(home=home, port=self.port, load=load))
        self.process: subprocess.Popen | None = None

    def isql(self, sql: str, timeout: float = 300) -> str:
        done = subprocess.run(
            [self.isql_binary, f"127.0.0.1:{self.port}", "dba", "dba", "VERBOSE=OFF", "BANNER=OFF",
             "PROMPT=OFF", "ECHO=OFF", "ERRORS=stdout", f"exec={sql}"],
            capture_output=True, text=True, timeout=timeout,
        )
        if done.returncode != 0 or "*** Error" in done.stdout:
            raise AssertionError(f"isql failed on {sql!r}: {done.stdout} {done.stderr}")
        return done.stdout

    def __enter__(self) -> "Virtuoso":
        self.process = subprocess.Popen(
            [self.server, "-f", "-c", str(self.home / "virtuoso.ini")], cwd=self.home,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                log = (self.home / "virtuoso.log").read_text(errors="replace")[-2000:]
                raise AssertionError(f"Virtuoso exited during start-up: {log}")
            try:
                self.isql("status();", timeout=10)
                return self
            except (AssertionError, subprocess.TimeoutExpired):
                time.sleep(0.5)
        self.__exit__()
        raise AssertionError("Virtuoso did not accept connections within 120 s")

    def __exit__(self, *exc) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        try:
            self.isql("shutdown;", timeout=60)  # a clean stop (checkpoint, then exit)
        except (AssertionError, subprocess.TimeoutExpired):
            pass
        try:
            self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.kill(self.process.pid, signal.SIGKILL)  # by its process id, never by name
            self.process.wait(timeout=10)


def last_integer(output: str) -> int:
    return int([line for line in output.splitlines() if line.strip()][-1].strip())


def test_dump_loads_into_virtuoso_with_the_same_triple_count(real_dist, dump_count, tmp_path):
    load = tmp_path / "load"
    load.mkdir()
    # The bulk loader reads .nt; a folder of its own, so no stray .graph file decides the graph.
    (load / "sinorus.nt").write_bytes(gzip.decompress(dump_path(real_dist).read_bytes()))
    assert [p.name for p in load.iterdir()] == ["sinorus.nt"]
    home = tmp_path / "virtuoso"
    home.mkdir()
    with Virtuoso(home, load) as virtuoso:
        assert last_integer(virtuoso.isql(f"SPARQL SELECT COUNT(*) FROM <{GRAPH}> WHERE {{ ?s ?p ?o }};")) == 0
        virtuoso.isql(f"ld_dir('{load}', '*.nt', '{GRAPH}'); rdf_loader_run(); checkpoint;")
        errors = virtuoso.isql("SELECT COUNT(*) FROM DB.DBA.LOAD_LIST WHERE ll_error IS NOT NULL OR ll_state <> 2;")
        assert last_integer(errors) == 0, virtuoso.isql("SELECT ll_file, ll_error FROM DB.DBA.LOAD_LIST;")
        count = last_integer(virtuoso.isql(f"SPARQL SELECT COUNT(*) FROM <{GRAPH}> WHERE {{ ?s ?p ?o }};"))
        assert count == dump_count
        # and it answers a question from the data: the funds established in July 2019
        funds = virtuoso.isql(
            "SPARQL SELECT ?fund FROM <" + GRAPH + "> WHERE { ?fund "
            "<https://w3id.org/sinorus/ontology#foundingDate> ?d FILTER(STR(?d) = '2019-07') };")
        assert "https://w3id.org/sinorus/id/sino-russian-joint-innovation-investment-fund" in funds
        process = virtuoso.process
    assert process.poll() is not None  # stopped
