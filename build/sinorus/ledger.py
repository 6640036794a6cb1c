"""The ledger of published IRIs (uri-ledger.txt): once published, an IRI never disappears.

The file is sorted, one IRI per line. `make ledger` appends the IRIs a build newly
publishes; nobody edits it by hand. The build fails if an IRI of the ledger has no page
(an entity that must go is kept as owl:deprecated with dcterms:isReplacedBy instead).
"""

from __future__ import annotations

from pathlib import Path

from .config import DIST_DIR, ID_BASE, LEDGER_FILE
from .paths import document_path


def read_ledger(path: Path = LEDGER_FILE) -> list[str]:
    if not path.exists():
        return []
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]


def published_iris(dist: Path = DIST_DIR) -> list[str]:
    """Every minted IRI that has a page in dist/."""
    root = Path(dist) / "id"
    return sorted(ID_BASE + str(p.relative_to(root))[: -len(".html")] for p in root.rglob("*.html"))


def missing_from_dist(dist: Path = DIST_DIR, ledger: Path = LEDGER_FILE) -> list[str]:
    return [iri for iri in read_ledger(ledger) if not (Path(dist) / document_path(iri)).exists()]


def not_in_ledger(dist: Path = DIST_DIR, ledger: Path = LEDGER_FILE) -> list[str]:
    known = set(read_ledger(ledger))
    return [iri for iri in published_iris(dist) if iri not in known]


def append_new(dist: Path = DIST_DIR, ledger: Path = LEDGER_FILE) -> list[str]:
    new = not_in_ledger(dist, ledger)
    everything = sorted(set(read_ledger(ledger)) | set(new))
    header = "# Every IRI sinorus has published. Sorted; appended by `make ledger`; never edit by hand.\n"
    ledger.write_text(header + "".join(iri + "\n" for iri in everything), encoding="utf-8")
    return new
