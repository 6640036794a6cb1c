"""Pages as a person sees them: headless Chromium (Debian's package) loads pages from the
real server on loopback; the DOM it built has the label, the linked values by name, the
citation, and a JSON-LD block that parses; a screenshot is taken of the index."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-default-apps", "--disable-extensions", "--mute-audio",
]


@pytest.fixture(scope="module")
def chromium() -> str:
    path = shutil.which("chromium")
    assert path, "Debian's chromium is required: `make system-deps` installs it"
    return path


def browser(chromium: str, tmp_path, *args: str) -> str:
    profile = tmp_path / "profile"
    result = subprocess.run(
        [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def test_entity_page_in_a_browser(chromium, tmp_path, real_server):
    dom = browser(chromium, tmp_path, "--dump-dom", f"{real_server}/id/sino-russian-joint-innovation-investment-fund")
    assert "<h1>Sino-Russian Joint Innovation Investment Fund</h1>" in dom  # followed the 303
    assert ">Russian Direct Investment Fund</a>" in dom
    assert ">China Investment Corporation</a>" in dom
    assert "footnote 53" in dom
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', dom, re.S)
    assert blocks and json.loads(blocks[0])["@graph"]


def test_claim_page_in_a_browser(chromium, tmp_path, real_server):
    dom = browser(chromium, tmp_path, "--dump-dom", f"{real_server}/id/huawei")
    assert "<h1>Huawei</h1>" in dom
    assert "Claims about Huawei" in dom
    assert "<mark>" in dom


def test_index_screenshot(chromium, tmp_path, real_server):
    png = tmp_path / "index.png"
    browser(chromium, tmp_path, f"--screenshot={png}", "--window-size=1200,1600", f"{real_server}/index.html")
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20000
