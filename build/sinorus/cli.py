"""The command line: one sub-command per Makefile target that runs Python.

    python -m sinorus check           load + validate, write nothing (for editors)
    python -m sinorus build           load -> validate -> render -> dump, into dist/
    python -m sinorus serve           serve dist/ (content negotiation, /sparql)
    python -m sinorus sparql-server   run the Oxigraph server on dist/dump/
    python -m sinorus coverage        what the built dump covers
    python -m sinorus ledger --append add newly published IRIs to uri-ledger.txt
    python -m sinorus bench           build time and query latency
"""

from __future__ import annotations

import argparse
import sys
import time

from .errors import BuildError


def cmd_check(args) -> int:
    from .load import load
    from .validate import validate

    started = time.perf_counter()
    loaded = load()
    report = validate(loaded)
    for line in report.lines():
        print(line)
    print(
        f"{len(loaded.files)} files, {len(loaded.data)} data triples, "
        f"{report.quotes_verified} quotes verified, {len(report.lines())} problem(s), "
        f"{time.perf_counter() - started:.1f} s"
    )
    return 0 if report.ok else 1


def cmd_build(args) -> int:
    from .pipeline import build

    from pathlib import Path

    summary = build(args.out, ledger=Path(args.ledger) if args.ledger else None,
                    data_dir=Path(args.data) if args.data else None)
    print(summary.describe())
    return 0


def cmd_serve(args) -> int:
    from .server import serve

    serve(args.dist, args.host, args.port, timeout=args.timeout, max_rows=args.max_rows)
    return 0


def cmd_sparql_server(args) -> int:
    from .oxigraph_server import run_forever

    run_forever(args.dist, args.port)
    return 0


def cmd_coverage(args) -> int:
    from .coverage import print_coverage

    return print_coverage(args.dist)


def cmd_ledger(args) -> int:
    from .ledger import append_new, missing_from_dist

    if args.append:
        added = append_new(args.dist)
        print(f"uri-ledger.txt: {len(added)} new IRI(s) appended")
    missing = missing_from_dist(args.dist)
    for iri in missing:
        print(f"ledger IRI without a page: {iri}", file=sys.stderr)
    return 1 if missing else 0


def cmd_bench(args) -> int:
    from .bench import run

    return run(args.dist)


def main(argv: list[str]) -> int:
    from .config import DIST_DIR

    parser = argparse.ArgumentParser(prog="python -m sinorus")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check").set_defaults(run=cmd_check)
    build = commands.add_parser("build")
    build.add_argument("--out", default=str(DIST_DIR))
    build.add_argument("--data", help="another data folder (tests use a small fixture)")
    build.add_argument("--ledger", help="another URI ledger file (tests)")
    build.set_defaults(run=cmd_build)
    serve = commands.add_parser("serve")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--dist", default=str(DIST_DIR))
    serve.add_argument("--timeout", type=float, default=10.0, help="SPARQL query time limit, seconds")
    serve.add_argument("--max-rows", type=int, default=10000, help="SPARQL result-size limit")
    serve.set_defaults(run=cmd_serve)
    sparql = commands.add_parser("sparql-server")
    sparql.add_argument("--port", type=int, default=7878)
    sparql.add_argument("--dist", default=str(DIST_DIR))
    sparql.set_defaults(run=cmd_sparql_server)
    for name, run in (("coverage", cmd_coverage), ("bench", cmd_bench)):
        sub = commands.add_parser(name)
        sub.add_argument("--dist", default=str(DIST_DIR))
        sub.set_defaults(run=run)
    ledger = commands.add_parser("ledger")
    ledger.add_argument("--append", action="store_true")
    ledger.add_argument("--dist", default=str(DIST_DIR))
    ledger.set_defaults(run=cmd_ledger)
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except BuildError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
