"""`make bench`: how long a build takes, and how fast the competency queries answer on
the embedded endpoint (`python -m sinorus serve`, /sparql) and on the Oxigraph server.

Both servers run on free loopback ports and are queried over HTTP with SPARQLWrapper, the
way a consumer would; each query runs once to warm up, then REPETITIONS times. The table
(query, rows, median and p90 milliseconds on each endpoint) is printed and written to
bench/results/latest.txt (git-ignored). Everything is bounded: a fixed number of runs, and
every request and server start has a time limit.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from SPARQLWrapper import JSON, POST, SPARQLWrapper

from .config import ROOT
from .oxigraph_server import OxigraphServer
from .processes import embedded_server
from .query_catalog import competency_queries

REPETITIONS = 20
REQUEST_TIMEOUT = 30  # seconds, per request
RESULTS_FILE = ROOT / "bench" / "results" / "latest.txt"


def run_query(endpoint: str, text: str) -> int:
    """One request; the number of result rows."""
    client = SPARQLWrapper(endpoint)
    client.setMethod(POST)
    client.setReturnFormat(JSON)
    client.setTimeout(REQUEST_TIMEOUT)
    client.setQuery(text)
    return len(client.query().convert()["results"]["bindings"])


def timings(endpoint: str, text: str, repetitions: int) -> tuple[int, float, float]:
    """(rows, median ms, p90 ms) over `repetitions` runs after one warm-up run."""
    rows = run_query(endpoint, text)
    samples = []
    for _ in range(repetitions):
        started = time.perf_counter()
        run_query(endpoint, text)
        samples.append((time.perf_counter() - started) * 1000)
    p90 = statistics.quantiles(samples, n=10)[-1] if len(samples) > 1 else samples[0]
    return rows, statistics.median(samples), p90


def build_seconds() -> float:
    from .pipeline import build

    with tempfile.TemporaryDirectory(prefix="sinorus-bench-") as out:
        return build(Path(out) / "dist").seconds


def table(lines: list[tuple], build_time: float, repetitions: int) -> str:
    header = f"{'query':<34} {'rows':>5} {'embedded ms':>12} {'p90':>8} {'oxigraph ms':>12} {'p90':>8}"
    out = [
        f"build (load, validate, render, dump) into a temporary folder: {build_time:.1f} s",
        f"{len(lines)} competency queries, median and p90 of {repetitions} runs each over HTTP (SPARQLWrapper, POST, JSON)",
        "",
        header,
        "-" * len(header),
    ]
    for stem, rows, em, ep, om, op in lines:
        out.append(f"{stem:<34} {rows:>5} {em:>12.1f} {ep:>8.1f} {om:>12.1f} {op:>8.1f}")
    out.append("-" * len(header))
    out.append(
        f"{'median over queries':<34} {'':>5} {statistics.median(l[2] for l in lines):>12.1f} {'':>8} "
        f"{statistics.median(l[4] for l in lines):>12.1f}"
    )
    return "\n".join(out) + "\n"


def run(dist, repetitions: int = REPETITIONS) -> int:
    dist = Path(dist)
    if not (dist / "dump" / "sinorus.nt.gz").is_file():
        print(f"{dist}/dump/sinorus.nt.gz is missing: run `make build` first", file=sys.stderr)
        return 1
    print("timing one build ...", flush=True)
    build_time = build_seconds()
    queries = competency_queries()
    lines = []
    with embedded_server(dist) as base, OxigraphServer(dist) as oxigraph:
        for query in queries:
            # The catalog's text (the query without its opening comment) is what is sent.
            rows, em, ep = timings(base + "/sparql", query.text, repetitions)
            ox_rows, om, op = timings(oxigraph.endpoint, query.text, repetitions)
            if ox_rows != rows:
                print(f"warning: {query.stem}: {rows} rows embedded, {ox_rows} on Oxigraph", file=sys.stderr)
            lines.append((query.stem, rows, em, ep, om, op))
            print(f"  {query.stem}: {em:.1f} ms / {om:.1f} ms", flush=True)
    report = table(lines, build_time, repetitions)
    print(report)
    RESULTS_FILE.parent.mkdir(parents=True, exist_ok=True)
    RESULTS_FILE.write_text(report, encoding="utf-8")
    print(f"written to {RESULTS_FILE.relative_to(ROOT)}")
    return 0
