"""Stage 1, load: read every Turtle file of ontology/, data/ and shapes/ into graphs.

Each file is first parsed by pyoxigraph, a strict parser whose errors name the line, the
columns and what was expected; only a file that passes is then read into rdflib. So a
syntax error fails the build as `data/claims/05-joint-funds.ttl, line 12, columns 5-9: A
dot is expected at the end of statements`, and an IRI or language tag that rdflib would
quietly accept but other stores reject fails here too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph
from rdflib import RDF, Graph, URIRef

from .config import DATA_DIR, ONTOLOGY_DIR, PREFIXES, ROOT, SHAPES_DIR
from .errors import BuildError

# Background for the build only (labels of external terms, the list of terms the data may
# use); not published in the dump.
EXTERNAL_TERMS_FILE = ONTOLOGY_DIR / "external-terms.ttl"


@dataclass
class Loaded:
    ontology: Graph  # ontology/sinorus.ttl: published
    external: Graph  # ontology/external-terms.ttl: background
    data: Graph  # data/**/*.ttl: published
    shapes: Graph  # shapes/*.ttl: published beside the data, not in the dump
    # Which file each typed subject of data/ lives in (for error messages and the
    # one-home check); a subject typed in two files is listed with both.
    home_files: dict[URIRef, list[str]] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)

    @property
    def published(self) -> Graph:
        """The ontology and the data: what the dump holds (before derived triples)."""
        return merge(self.ontology, self.data)


def turtle_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.ttl") if p.is_file())


def relative(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def check_syntax(path: Path) -> None:
    """Raise BuildError naming the file, line and columns if the Turtle is malformed."""
    try:
        for _ in pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.TURTLE):
            pass
    except SyntaxError as error:
        message = str(error).split(" (", 1)[0]  # pyoxigraph repeats the file at the end
        raise BuildError(f"{relative(path)}: Turtle syntax error. {message}") from None


def parse_file(path: Path, into: Graph) -> Graph:
    check_syntax(path)
    part = Graph()
    part.parse(path, format="turtle")
    into += part
    return part


def new_graph() -> Graph:
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


def merge(*graphs: Graph) -> Graph:
    merged = new_graph()
    for graph in graphs:
        merged += graph
    return merged


def load(
    ontology_dir: Path = ONTOLOGY_DIR,
    data_dir: Path = DATA_DIR,
    shapes_dir: Path = SHAPES_DIR,
) -> Loaded:
    loaded = Loaded(new_graph(), new_graph(), new_graph(), new_graph())
    for path in turtle_files(ontology_dir):
        target = loaded.external if path.name == EXTERNAL_TERMS_FILE.name else loaded.ontology
        parse_file(path, target)
        loaded.files.append(path)
    for path in turtle_files(data_dir):
        part = parse_file(path, loaded.data)
        loaded.files.append(path)
        for subject in sorted(set(part.subjects(RDF.type, None))):
            if isinstance(subject, URIRef):
                loaded.home_files.setdefault(subject, []).append(relative(path))
    for path in turtle_files(shapes_dir):
        parse_file(path, loaded.shapes)
        loaded.files.append(path)
    return loaded
