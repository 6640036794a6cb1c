"""`make sparql`: the Oxigraph SPARQL server, read-only, on the dump.

The server is the `oxigraph` command-line tool of the PyPI package `oxigraph` (installed
in .venv). The dump is bulk-loaded into a fresh store folder first (Oxigraph's loader is
not meant to be run into a store that already holds data, so the folder is emptied), in
strict mode (no --lenient: an invalid IRI or language tag fails the load), and the server
opens that store read-only on 127.0.0.1. Tests use `OxigraphServer` as a context manager:
it starts on a free port, waits until the server answers, and stops it by its process id.
"""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import tempfile
import urllib.parse
from pathlib import Path

from .config import ROOT
from .processes import HOST, free_port, port_is_free, stop_process, wait_until_answering

DUMP_NAME = "sinorus.nt.gz"


def oxigraph_binary() -> str:
    """The `oxigraph` CLI next to the running Python (.venv/bin), else on PATH."""
    beside = Path(sys.executable).parent / "oxigraph"
    if beside.is_file():
        return str(beside)
    found = shutil.which("oxigraph")
    if not found:
        raise RuntimeError("the `oxigraph` command is missing: run `make install`")
    return found








def load_store(dump: Path, location: Path, timeout: float = 300) -> None:
    """Bulk-load the dump into a fresh store at `location` (strict parsing)."""
    if not Path(dump).is_file():
        raise RuntimeError(f"{dump} is missing: run `make build` first")
    shutil.rmtree(location, ignore_errors=True)
    location.mkdir(parents=True)
    done = subprocess.run(
        [oxigraph_binary(), "load", "--location", str(location), "--file", str(dump)],
        capture_output=True, text=True, timeout=timeout,
    )
    if done.returncode != 0:
        raise RuntimeError(f"oxigraph load failed: {done.stderr.strip()}")


class OxigraphServer:
    """A read-only Oxigraph server on the dump of `dist`, on a loopback port."""

    def __init__(self, dist: Path, port: int | None = None, store: Path | None = None,
                 query_timeout: int = 30, startup_timeout: float = 60):
        self.dump = Path(dist) / "dump" / DUMP_NAME
        self.port = port or free_port()
        self.store = Path(store) if store else None  # else a temporary folder, made on start
        self.query_timeout = query_timeout
        self.startup_timeout = startup_timeout
        self.process: subprocess.Popen | None = None
        self.log = None

    @property
    def endpoint(self) -> str:
        return f"http://{HOST}:{self.port}/query"

    def start(self) -> "OxigraphServer":
        # Refuse a busy port up front: otherwise the probe below could reach another server.
        if not port_is_free(self.port):
            raise RuntimeError(f"port {self.port} is in use: choose another (make sparql SPARQL_PORT=...)")
        if self.store is None:
            self.store = Path(tempfile.mkdtemp(prefix="sinorus-oxigraph-"))
        try:
            load_store(self.dump, self.store)
            # Its messages go to a temporary file, not a pipe nobody reads (a full pipe blocks it).
            self.log = tempfile.TemporaryFile()
            self.process = subprocess.Popen(
                [oxigraph_binary(), "serve-read-only", "--location", str(self.store),
                 "--bind", f"{HOST}:{self.port}", "--cors", "--timeout-s", str(self.query_timeout)],
                stdout=self.log, stderr=subprocess.STDOUT,
            )
            self.wait_until_ready()
        except Exception:
            self.stop()
            raise
        return self

    def wait_until_ready(self) -> None:
        probe = self.endpoint + "?" + urllib.parse.urlencode({"query": "ASK {}"})
        wait_until_answering(probe, self.process, self.startup_timeout, self.log_text)

    def log_text(self) -> str:
        self.log.seek(0)
        return self.log.read().decode(errors="replace").strip()

    def stop(self) -> None:
        """Stop the server by its process id (SIGTERM, then SIGKILL), then remove its store
        (it is loaded afresh at every start)."""
        stop_process(self.process)
        if self.log is not None:
            self.log.close()
        if self.store is not None:
            shutil.rmtree(self.store, ignore_errors=True)

    def __enter__(self) -> "OxigraphServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


def run_forever(dist, port: int = 7878) -> None:
    """Load dist/dump/ into .stage/oxigraph-<port>, serve it read-only until Ctrl-C."""
    server = OxigraphServer(Path(dist), port=port, store=ROOT / ".stage" / f"oxigraph-{port}")
    signal.signal(signal.SIGTERM, interrupt)  # `kill <pid>` stops it as Ctrl-C does
    print(f"loading {server.dump} into {server.store} ...", flush=True)
    with server:
        print(f"Oxigraph SPARQL server (read-only) at {server.endpoint} "
              f"(and its query UI at http://{HOST}:{port}/); Ctrl-C stops", flush=True)
        try:
            server.process.wait()
        except KeyboardInterrupt:
            print("stopping", flush=True)
