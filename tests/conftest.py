"""Shared fixtures: sites built once per test session, and real servers on loopback.

- `mini_dist`: the site built from tests/fixtures/mini/ (a few entities and claims) beside
  a copy of data/sources/; pipeline tests use it so they do not change as the data grows.
- `real_dist`: the site built from the project's real data, as `make build` does.
- `serve_dist(dist)`: starts `python -m sinorus serve` (waitress) on a free 127.0.0.1
  port as a separate process and yields its base URL; stopped by its pid afterwards.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "build"))

from sinorus.config import DATA_DIR  # noqa: E402
from sinorus.pipeline import build  # noqa: E402

MINI = ROOT / "tests" / "fixtures" / "mini"

# The SPARQL tests' fixtures (endpoints, the Oxigraph server) live in their own module.
pytest_plugins = ["conftest_sparql"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def mini_data(target: Path) -> Path:
    """A data folder: the real sources (texts, bibliography, structure) + the mini fixture."""
    shutil.copytree(DATA_DIR / "sources", target / "sources")
    for path in MINI.glob("*.ttl"):
        shutil.copy(path, target / path.name)
    return target


@pytest.fixture(scope="session")
def mini_data_dir(tmp_path_factory) -> Path:
    return mini_data(tmp_path_factory.mktemp("mini-data"))


@pytest.fixture(scope="session")
def mini_dist(tmp_path_factory, mini_data_dir) -> Path:
    out = tmp_path_factory.mktemp("mini") / "dist"
    empty_ledger = tmp_path_factory.mktemp("ledger") / "uri-ledger.txt"
    build(out, ledger=empty_ledger, data_dir=mini_data_dir)
    return out


@pytest.fixture(scope="session")
def real_dist(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("real") / "dist"
    build(out)
    return out


def wait_until_up(url: str, process: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}")
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except Exception:
            time.sleep(0.2)
    raise RuntimeError(f"server at {url} did not answer within {seconds} s")


@contextlib.contextmanager
def running_server(dist: Path, extra: list[str] | None = None):
    port = free_port()
    env = dict(os.environ, PYTHONPATH=str(ROOT / "build"))
    process = subprocess.Popen(
        [sys.executable, "-m", "sinorus", "serve", "--dist", str(dist), "--port", str(port), *(extra or [])],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base + "/index.html", process)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture(scope="session")
def real_server(real_dist):
    with running_server(real_dist) as base:
        yield base


@pytest.fixture(scope="session")
def mini_server(mini_dist):
    with running_server(mini_dist) as base:
        yield base
