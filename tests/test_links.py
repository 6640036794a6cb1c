"""No broken internal link: every href and src of every page of dist/ resolves to a file
(and every #anchor into the ontology page exists)."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value is not None:
                self.links.append(value)
            if name == "id" and value:
                self.ids.add(value)


def parse(path: Path) -> Links:
    parser = Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def broken_links(dist: Path) -> list[str]:
    pages = sorted(dist.rglob("*.html"))
    anchors = {p: parse(p).ids for p in [dist / "ontology.html"]}
    broken = []
    for page in pages:
        if page.name == "404.html":
            continue  # served at any depth: its links start from the root (checked below)
        for link in parse(page).links:
            parsed = urlparse(link)
            if parsed.scheme or link.startswith("//"):
                continue  # external
            if link.startswith("/"):
                broken.append(f"{page.relative_to(dist)}: absolute link {link}")
                continue
            target = (page.parent / unquote(parsed.path)).resolve() if parsed.path else page
            if not target.is_file():
                broken.append(f"{page.relative_to(dist)}: {link}")
            elif parsed.fragment and target in anchors and parsed.fragment not in anchors[target]:
                broken.append(f"{page.relative_to(dist)}: missing anchor {link}")
    for link in parse(dist / "404.html").links:
        if link.startswith("/") and not (dist / urlparse(link).path.lstrip("/")).is_file():
            broken.append(f"404.html: {link}")
    return broken


@pytest.mark.parametrize("which", ["mini_dist", "real_dist"])
def test_no_broken_internal_link(which, request):
    dist = request.getfixturevalue(which)
    assert len(list(dist.rglob("*.html"))) > 50
    assert broken_links(dist) == []


def test_the_link_checker_notices_a_broken_link(tmp_path):
    (tmp_path / "ontology.html").write_text('<p id="Claim">x</p>')
    (tmp_path / "404.html").write_text("<p></p>")
    (tmp_path / "index.html").write_text('<a href="missing.html">x</a> <a href="ontology.html#Nope">y</a>')
    assert len(broken_links(tmp_path)) == 2
