"""Servers we start as separate processes on loopback: a free port, waiting until one
answers, stopping it by its process id, and `python -m sinorus serve` itself (used by
the benchmark and the tests, so both run the server exactly as `make serve` does)."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Callable

from .config import ROOT

HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def port_is_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        try:
            probe.bind((HOST, port))
        except OSError:
            return False
        return True


def wait_until_answering(url: str, process: subprocess.Popen, seconds: float,
                         exit_message: Callable[[], str] = lambda: "") -> None:
    """Poll `url` until it answers 200; fail early if the process exits meanwhile."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with {process.returncode} during start-up {exit_message()}".strip())
        try:
            with urllib.request.urlopen(url, timeout=2) as answer:
                if answer.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.1)
    raise RuntimeError(f"the server at {url} did not answer within {seconds:g} s")


def stop_process(process: subprocess.Popen | None) -> None:
    """Stop a server we started, by its process id: SIGTERM, then SIGKILL after 10 s."""
    if process is not None and process.poll() is None:
        os.kill(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.kill(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


@contextlib.contextmanager
def embedded_server(dist: Path, extra: list[str] | None = None, startup_timeout: float = 120):
    """`python -m sinorus serve` on a free port; yields its base URL, then stops it."""
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "build")}
    process = subprocess.Popen(
        [sys.executable, "-m", "sinorus", "serve", "--dist", str(dist), "--port", str(port), *(extra or [])],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    base = f"http://{HOST}:{port}"
    try:
        wait_until_answering(base + "/index.html", process, startup_timeout)
        yield base
    finally:
        stop_process(process)
