"""The per-shape SHACL test suite (issue 3): every named rule of shapes/ has a folder of
examples that it must accept and reject, and the results must be exactly the expected ones.

Layout, in tests/shapes/:

- `_context.ttl`: a small, complete, valid data set loaded with every fixture, so that a
  fixture holds only the nodes under test (and may extend the context's resources).
- `<Rule>/`: one folder per named rule that can produce a validation result, named by its
  local name in https://w3id.org/sinorus/shapes#: every named sh:PropertyShape
  (`EntityShape-label`), every named sh:SPARQLConstraint (`EntityCitedShape-claim`), and
  every node shape that carries a constraint itself (`ClaimShape`: sh:nodeKind, sh:pattern).
- `<Rule>/valid.ttl`: data that conforms and exercises the rule (a focus node of it, with a
  value for its path); `<Rule>/invalid-<defect>.ttl`: data that breaks the rule, opening with

      # defect: <one line saying what is wrong>
      # expect: <focus node> <rule>

  with one `# expect:` line per expected result. Nodes are written as in the Turtle below
  them (prefixed names, or <full IRIs>); `shape:` is https://w3id.org/sinorus/shapes#; `[]`
  stands for a blank node.

How a fixture is validated: data graph = ontology/sinorus.ttl + data/sources/*.ttl (the
real sources, sections, paragraphs and footnotes) + `_context.ttl` + the fixture; shapes
graph = shapes/*.ttl; pyshacl with inference "none" and advanced features, as the build
(build/sinorus/validate.py). A result is keyed by (focus node, rule), where the rule is
sh:sourceConstraint when that is a named sh:SPARQLConstraint (pySHACL then gives the node
shape as sh:sourceShape) and sh:sourceShape otherwise. The set of keys must equal the
`# expect:` lines exactly: no count, no missing result, no extra one.

The quoted words in the fixtures are the sources' own (the build's quote check is not run
here: this suite is about the shapes).
"""

from __future__ import annotations

import os
import re
from functools import cache
from pathlib import Path

import pyshacl
import pytest
from rdflib import BNode, Graph, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH
from rdflib.paths import AlternativePath, InvPath, SequencePath
from rdflib.plugins.sparql.parser import parseQuery
from rdflib.plugins.sparql.processor import SPARQLProcessor, translateQuery
from sinorus.load import check_syntax

ROOT = Path(__file__).resolve().parents[1]
SUITE = ROOT / "tests" / "shapes"
CONTEXT = SUITE / "_context.ttl"
SHAPES_DIR = ROOT / "shapes"
SHAPE = Namespace("https://w3id.org/sinorus/shapes#")
BLANK = "[]"  # how a blank focus node is written in `# expect:` lines and shown in keys

# SHACL Core parameters that make a node shape produce results of its own.
NODE_CONSTRAINT_PARAMETERS = {
    SH[name]
    for name in [
        "class",
        "datatype",
        "nodeKind",
        "minExclusive",
        "minInclusive",
        "maxExclusive",
        "maxInclusive",
        "minLength",
        "maxLength",
        "pattern",
        "languageIn",
        "uniqueLang",
        "equals",
        "disjoint",
        "lessThan",
        "lessThanOrEquals",
        "not",
        "and",
        "or",
        "xone",
        "node",
        "qualifiedValueShape",
        "closed",
        "hasValue",
        "in",
        "expression",
    ]
}

FIXTURE_NAME = re.compile(r"^(valid|invalid-[a-z0-9]+(-[a-z0-9]+)*)\.ttl$")
EXPECT = re.compile(r"^#\s*expect:\s*(\S+)\s+(\S+)\s*$")
DEFECT = re.compile(r"^#\s*defect:\s*\S")


# --- The suite's files ---------------------------------------------------------------


def shape_folders() -> list[Path]:
    return sorted(p for p in SUITE.iterdir() if p.is_dir() and not p.name.startswith(("_", ".")))


def fixture_files() -> list[Path]:
    return sorted(p for folder in shape_folders() for p in folder.iterdir() if p.suffix == ".ttl")


CASES = fixture_files()


def case_id(path: Path) -> str:
    return f"{path.parent.name}/{path.stem}"


# --- Graphs, parsed once ------------------------------------------------------------------


@cache
def shapes_graph() -> Graph:
    graph = Graph()
    for path in sorted(SHAPES_DIR.glob("*.ttl")):
        graph.parse(path, format="turtle")
    return graph


@cache
def base_graph() -> Graph:
    """The ontology and the real sources: what every fixture is validated on top of."""
    graph = Graph()
    graph.parse(ROOT / "ontology" / "sinorus.ttl", format="turtle")
    for path in sorted((ROOT / "data" / "sources").glob("*.ttl")):
        graph.parse(path, format="turtle")
    return graph


@cache
def context_graph() -> Graph:
    return Graph().parse(CONTEXT, format="turtle")


def fixture_graph(path: Path) -> Graph:
    return Graph().parse(path, format="turtle")


def data_graph(*parts: Graph) -> Graph:
    graph = Graph()
    for part in parts:
        graph += part
    return graph


def rules() -> set[URIRef]:
    """Every named rule that can produce a validation result, from the shapes graph."""
    shapes = shapes_graph()
    found = set(shapes.subjects(RDF.type, SH.PropertyShape))
    found |= set(shapes.subjects(RDF.type, SH.SPARQLConstraint))
    found |= {
        shape
        for shape in shapes.subjects(RDF.type, SH.NodeShape)
        if any((shape, parameter, None) in shapes for parameter in NODE_CONSTRAINT_PARAMETERS)
    }
    return {rule for rule in found if isinstance(rule, URIRef) and rule.startswith(str(SHAPE))}


def local(rule: URIRef) -> str:
    return str(rule)[len(str(SHAPE)) :]


# --- Validation and its keys --------------------------------------------------------------


def show(node) -> str:
    if isinstance(node, BNode):
        return BLANK
    return f"<{node}>" if isinstance(node, URIRef) else node.n3()


def validate(data: Graph) -> tuple[set[tuple[str, str]], str]:
    """Validate like the build; return the (focus, rule) keys and pySHACL's report text."""
    shapes = shapes_graph()
    _, report, text = pyshacl.validate(
        data_graph=data, shacl_graph=shapes, inference="none", advanced=True, allow_warnings=False
    )
    keys = set()
    for result in report.subjects(RDF.type, SH.ValidationResult):
        focus = report.value(result, SH.focusNode)
        rule = report.value(result, SH.sourceShape)
        constraint = report.value(result, SH.sourceConstraint)
        if isinstance(constraint, URIRef) and (constraint, RDF.type, SH.SPARQLConstraint) in shapes:
            rule = constraint
        keys.add((show(focus), show(rule)))
    return keys, text


PREFIX = re.compile(r"^@prefix\s+([A-Za-z][\w-]*)?:\s*<([^>]*)>\s*\.", re.MULTILINE)


def prefixes_of(path: Path) -> dict[str, str]:
    """The @prefix declarations of a fixture, as written (not as rdflib rebinds them)."""
    return {p or "": ns for p, ns in PREFIX.findall(path.read_text(encoding="utf-8"))}


def resolve(token: str, prefixes: dict[str, str]) -> str:
    """A node of an `# expect:` line, written as in the fixture, in the form show() gives."""
    if token == BLANK:
        return BLANK
    if token.startswith("<") and token.endswith(">"):
        return token
    prefix, colon, name = token.partition(":")
    if prefix == "shape":
        return f"<{SHAPE[name]}>"
    if not colon or prefix not in prefixes:
        raise ValueError(f"cannot resolve {token!r}: unknown prefix (declare it in the fixture)")
    return f"<{prefixes[prefix]}{name}>"


def header(path: Path) -> tuple[list[str], list[tuple[str, str]]]:
    """The `# defect:` lines and the `# expect:` pairs (unresolved) of a fixture."""
    lines = path.read_text(encoding="utf-8").splitlines()
    defects = [line for line in lines if DEFECT.match(line)]
    expects = [EXPECT.match(line).groups() for line in lines if EXPECT.match(line)]
    return defects, expects


def expected(path: Path) -> set[tuple[str, str]]:
    _, expects = header(path)
    prefixes = prefixes_of(path)
    return {(resolve(focus, prefixes), resolve(rule, prefixes)) for focus, rule in expects}


def explain(path: Path, got: set, want: set, text: str) -> str:
    def fmt(keys):
        return "\n".join(f"    {focus} {rule}" for focus, rule in sorted(keys)) or "    (none)"

    return (
        f"{case_id(path)}: the results are not the expected ones\n"
        f"  missing (expected, not reported):\n{fmt(want - got)}\n"
        f"  unexpected (reported, not expected):\n{fmt(got - want)}\n"
        f"pySHACL's report:\n{text}"
    )


@cache
def results_of(path: Path) -> tuple[frozenset, str]:
    keys, text = validate(data_graph(base_graph(), context_graph(), fixture_graph(path)))
    return frozenset(keys), text


@pytest.fixture(scope="module", autouse=True)
def sparql_parsed_once():
    """Speed only: pySHACL hands rdflib each SPARQL constraint's text once per focus node,
    and rdflib parses it anew every time (most of the run). Parse each text once and reuse
    it as a prepared query, which rdflib supports; the results are the same."""
    original = SPARQLProcessor.query
    prepared = {}

    def query(self, query_object, init_bindings=None, init_ns=None, base=None, debug=False):
        if isinstance(query_object, str):
            key = (query_object, base, tuple(sorted((init_ns or {}).items())))
            if key not in prepared:
                prepared[key] = translateQuery(parseQuery(query_object), base, init_ns)
            query_object = prepared[key]
        return original(self, query_object, init_bindings, init_ns, base, debug)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(SPARQLProcessor, "query", query)
        yield


# --- The cases ------------------------------------------------------------------------------


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_shape_case(case: Path):
    """The fixture's results are exactly its `# expect:` lines (none for valid.ttl)."""
    got, text = results_of(case)
    want = expected(case)
    assert set(got) == want, explain(case, set(got), want, text)


# --- Meta-tests: the suite cannot shrink, go vacuous or fall behind the shapes ---------------


def test_base_conforms():
    """The ontology and the real sources alone conform (nothing targets the undescribed
    authors and publishers that sources.ttl names)."""
    keys, text = validate(data_graph(base_graph()))
    assert not keys, text


def test_base_and_context_conform():
    keys, text = validate(data_graph(base_graph(), context_graph()))
    assert not keys, text


def test_every_rule_has_a_folder_and_every_folder_a_rule():
    folders = {p.name for p in shape_folders()}
    named = {local(rule) for rule in rules()}
    missing, stale = sorted(named - folders), sorted(folders - named)
    assert not missing, f"rules without a folder in tests/shapes/: {missing}"
    assert not stale, f"folders naming no rule of shapes/: {stale}"


def test_every_constraint_is_named():
    """Anonymous property shapes and SPARQL constraints cannot be tested by name."""
    shapes = shapes_graph()
    anonymous = [
        (s, p, o)
        for p in (SH.property, SH.sparql)
        for s, o in shapes.subject_objects(p)
        if not (isinstance(o, URIRef) and o.startswith(str(SHAPE)))
    ]
    assert not anonymous, f"name these in the shape: namespace: {anonymous}"


def test_every_folder_has_valid_and_invalid_examples():
    for folder in shape_folders():
        names = sorted(p.name for p in folder.iterdir())
        assert "valid.ttl" in names, f"{folder.name}: no valid.ttl"
        assert any(n.startswith("invalid-") for n in names), f"{folder.name}: no invalid-*.ttl"
        strays = [n for n in names if not FIXTURE_NAME.match(n)]
        assert not strays, f"{folder.name}: not valid.ttl or invalid-<defect>.ttl: {strays}"


def test_every_file_is_a_case():
    """Glob-discovered suites shrink silently: count the files independently of CASES."""
    on_disk = [
        Path(dirpath) / name
        for dirpath, _, names in os.walk(SUITE)
        if Path(dirpath) != SUITE
        for name in names
    ]
    assert len(CASES) == len(on_disk), sorted(set(on_disk) - set(CASES))
    assert len({case_id(c) for c in CASES}) == len(CASES)
    assert len(CASES) >= 2 * len(shape_folders())


def test_collected_cases_equal_files(request):
    """pytest collected one test_shape_case per fixture (unless the run was filtered)."""
    options = request.config.option
    filters = ("keyword", "markexpr", "lf", "deselect")
    filtered = any(getattr(options, name, None) for name in filters)
    if filtered or any("::" in arg for arg in request.config.args):
        pytest.skip("the run is filtered (-k, -m, --lf, --deselect or a node id)")
    collected = [
        item
        for item in request.session.items
        if getattr(item, "originalname", None) == "test_shape_case" and item.path == Path(__file__)
    ]
    if not collected:
        pytest.skip("test_shape_case was not selected in this run")
    assert len(collected) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_fixture_header_and_syntax(case: Path):
    """Strict Turtle (as the build parses it); invalid files say their defect and expect at
    least one result of their own folder's rule; valid files expect nothing."""
    check_syntax(case)
    defects, expects = header(case)
    want = expected(case)
    known = {f"<{rule}>" for rule in rules()}
    assert all(rule in known for _, rule in want), f"{case_id(case)}: expects an unknown rule"
    if case.stem == "valid":
        assert not defects and not expects, f"{case_id(case)}: valid.ttl has defect/expect lines"
        return
    lines = case.read_text(encoding="utf-8").splitlines()
    assert DEFECT.match(lines[0]), f"{case_id(case)}: the first line is not '# defect: ...'"
    assert len(defects) == 1, f"{case_id(case)}: one '# defect:' line, please"
    assert want, f"{case_id(case)}: no '# expect:' line (a vacuous invalid example)"
    own = f"<{SHAPE[case.parent.name]}>"
    assert any(rule == own for _, rule in want), f"{case_id(case)}: expects nothing of {own}"


@pytest.mark.parametrize("case", [c for c in CASES if c.stem != "valid"], ids=case_id)
def test_invalid_case_yields_results(case: Path):
    """No vacuous pair: every invalid example makes its own rule report something."""
    got, text = results_of(case)
    own = f"<{SHAPE[case.parent.name]}>"
    assert any(rule == own for _, rule in got), f"{case_id(case)}: {own} reported nothing\n{text}"


# --- Valid examples exercise their rule -----------------------------------------------------


def owner(rule: URIRef) -> URIRef:
    """The node shape whose targets a rule applies to."""
    shapes = shapes_graph()
    if (rule, RDF.type, SH.NodeShape) in shapes:
        return rule
    parent = shapes.value(predicate=SH.property, object=rule)
    parent = parent or shapes.value(predicate=SH.sparql, object=rule)
    assert parent is not None, f"{rule} belongs to no node shape"
    return parent


def targets(node_shape: URIRef, data: Graph) -> set:
    shapes = shapes_graph()
    nodes = set(shapes.objects(node_shape, SH.targetNode))
    for cls in shapes.objects(node_shape, SH.targetClass):
        for sub in data.transitive_subjects(RDFS.subClassOf, cls):
            nodes |= set(data.subjects(RDF.type, sub))
    for p in shapes.objects(node_shape, SH.targetSubjectsOf):
        nodes |= set(data.subjects(p, None))
    for p in shapes.objects(node_shape, SH.targetObjectsOf):
        nodes |= set(data.objects(None, p))
    return nodes


def path_of(node, shapes: Graph):
    if isinstance(node, URIRef):
        return node
    if (node, RDF.first, None) in shapes:
        return SequencePath(*(path_of(n, shapes) for n in Collection(shapes, node)))
    inverse = shapes.value(node, SH.inversePath)
    if inverse is not None:
        return InvPath(path_of(inverse, shapes))
    alternatives = shapes.value(node, SH.alternativePath)
    if alternatives is not None:
        return AlternativePath(*(path_of(n, shapes) for n in Collection(shapes, alternatives)))
    raise NotImplementedError(f"path {node} (teach path_of this kind of path)")


@pytest.mark.parametrize("folder", shape_folders(), ids=lambda p: p.name)
def test_valid_example_exercises_its_rule(folder: Path):
    """valid.ttl describes a focus node of the rule (and, for a property shape, gives it a
    value on the shape's path), so that 'valid' is not vacuously true."""
    rule = SHAPE[folder.name]
    shapes = shapes_graph()
    fixture = fixture_graph(folder / "valid.ttl")
    data = data_graph(base_graph(), context_graph(), fixture)
    own = set(fixture.subjects()) & targets(owner(rule), data)
    assert own, f"{folder.name}/valid.ttl describes no focus node of {local(owner(rule))}"
    path = shapes.value(rule, SH.path)
    if path is not None:
        p = path_of(path, shapes)
        assert any(next(iter(data.objects(node, p)), None) is not None for node in own), (
            f"{folder.name}/valid.ttl: no focus node has a value for the path of {folder.name}"
        )
