"""Shared fixtures: sites built once per test session, and real servers on loopback.

- `mini_dist`: the site built from tests/fixtures/mini/ (a few entities and claims) beside
  a copy of data/sources/; pipeline tests use it so they do not change as the data grows.
- `real_dist`: the site built from the project's real data, as `make build` does.
- `real_server`, `mini_server`: `python -m sinorus serve` (waitress) on a free 127.0.0.1
  port as a separate process (sinorus.processes.embedded_server), stopped by its pid.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "build"))

from sinorus.config import DATA_DIR  # noqa: E402
from sinorus.pipeline import build  # noqa: E402
from sinorus.processes import embedded_server  # noqa: E402

MINI = ROOT / "tests" / "fixtures" / "mini"

# The SPARQL tests' fixtures (endpoints, the Oxigraph server) live in their own module.
pytest_plugins = ["conftest_sparql"]


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


@pytest.fixture(scope="session")
def real_server(real_dist):
    with embedded_server(real_dist) as base:
        yield base


@pytest.fixture(scope="session")
def mini_server(mini_dist):
    with embedded_server(mini_dist) as base:
        yield base
