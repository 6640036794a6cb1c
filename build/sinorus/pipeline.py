"""The build: load -> validate -> render -> dump, into a staging folder, then swap.

Nothing reaches dist/ unless every stage passes: the site is built in .stage/ and only
then moved into place (the old dist/ is removed after the move), so a failed build leaves
the previous dist/ exactly as it was.
"""

from __future__ import annotations

import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from rdflib import RDF, RDFS, Graph, URIRef

from .config import DATASET_IRI, ENTITY_CLASSES, LEDGER_FILE, ONTOLOGY_IRI, RELEASE, ROOT, SINORUS, TEMPLATES_DIR
from .describe import Catalogue
from .deploy import write_rules
from .dump import sitemap, void_graph, write_dumps
from .errors import BuildError
from .ledger import missing_from_dist
from .load import load
from .ontology_doc import ontology_view
from .paths import document_path
from .query_catalog import catalog_graph, render_queries_page
from .render import Renderer, render_site
from .serialize import SERIALISERS, turtle
from .validate import validate_or_fail


@dataclass
class Summary:
    files: int
    triples: int
    entities: int
    claims: int
    pages: int
    quotes_verified: int
    seconds: float
    out: Path

    def describe(self) -> str:
        return (
            f"built {self.out}: {self.files} input files, {self.triples} triples, "
            f"{self.entities} entities, {self.claims} claims, {self.pages} pages, "
            f"{self.quotes_verified} quotes verified, {self.seconds:.1f} s"
        )


def build(out: str | Path, ledger: Path | None = None, data_dir: Path | None = None) -> Summary:
    """Build the site into `out`. Tests pass another `data_dir` (a small fixture) and
    `ledger`; everything else (ontology, shapes, pinned sources) is the project's own."""
    started = time.perf_counter()
    out = Path(out).resolve()
    loaded = load(data_dir=data_dir) if data_dir else load()  # 1. load
    report = validate_or_fail(loaded)  # 2. validate
    published = loaded.published
    published += catalog_graph()  # the competency queries of queries/, published as data

    stage_root = ROOT / ".stage"
    stage_root.mkdir(exist_ok=True)
    stage = stage_root / f"build-{os.getpid()}"
    shutil.rmtree(stage, ignore_errors=True)
    stage.mkdir()
    try:
        catalogue = Catalogue(published, loaded.external)
        renderer = Renderer(catalogue, stage)
        subjects = renderer.render_all()  # 3. render: one page + 4 RDF files per IRI
        dumps = write_dumps(published, stage)  # 4. dump
        void = void_graph(published, dumps)
        renderer.write("void.ttl", turtle(void))
        for suffix, serialise in SERIALISERS.items():
            # The ontology, its version IRI's documents, and the dataset IRI's VoID.
            renderer.write(document_path(ONTOLOGY_IRI, suffix), serialise(loaded.ontology))
            renderer.write(document_path(f"{ONTOLOGY_IRI}/{RELEASE['version']}", suffix), serialise(loaded.ontology))
            renderer.write(document_path(DATASET_IRI, suffix), serialise(void))
        renderer.write("shapes.ttl", turtle(loaded.shapes))
        renderer.write("sitemap.xml", sitemap([str(s) for s in subjects] + [ONTOLOGY_IRI]))
        render_site(renderer, subjects, dumps, ontology_view(renderer, loaded.ontology, published))
        render_queries_page(renderer, published)  # dist/queries.html
        shutil.copytree(TEMPLATES_DIR / "static", stage / "static")
        write_rules(stage)
        missing = missing_from_dist(stage, ledger or LEDGER_FILE)
        if missing:
            raise BuildError(
                f"{len(missing)} IRI(s) of uri-ledger.txt would disappear (keep them as "
                "owl:deprecated with dcterms:isReplacedBy instead)",
                missing[:50],
            )
        swap_into_place(stage, out)
    finally:
        shutil.rmtree(stage, ignore_errors=True)

    claims = len(set(published.subjects(RDF.type, SINORUS.Claim)))
    entities = len({s for kind in ENTITY_CLASSES for s in closure_instances(published, kind)})
    return Summary(
        files=len(loaded.files),
        triples=len(published),
        entities=entities,
        claims=claims,
        pages=sum(1 for _ in out.rglob("*.html")),
        quotes_verified=report.quotes_verified,
        seconds=time.perf_counter() - started,
        out=out,
    )


def closure_instances(graph: Graph, kind: URIRef) -> set:
    """Instances of a class or of any of its subclasses (the ontology is in the graph)."""
    kinds = set(graph.transitive_subjects(RDFS.subClassOf, kind))
    return {s for k in kinds for s in graph.subjects(RDF.type, k)}


def swap_into_place(stage: Path, out: Path) -> None:
    """Replace `out` by `stage` with renames, never leaving `out` half-written."""
    old = stage.parent / f"{stage.name}-old"
    if out.exists():
        os.replace(out, old)
    try:
        shutil.move(str(stage), str(out))
    except Exception:
        if old.exists():
            os.replace(old, out)
        raise
    shutil.rmtree(old, ignore_errors=True)
