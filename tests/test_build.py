"""The build pipeline on the mini fixture: layout, determinism, failure modes, dumps, VoID."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import BNode, Graph, Literal, URIRef

from conftest import ROOT, mini_data
from sinorus.config import DCAT, SINORUS, VOID
from sinorus.load import load
from sinorus.pipeline import build
from sinorus.query_catalog import catalog_graph


def tree_digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def run_cli_build(out: Path, data: Path, ledger: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "build"))
    return subprocess.run(
        [sys.executable, "-m", "sinorus", "build", "--out", str(out), "--data", str(data), "--ledger", str(ledger)],
        env=env, capture_output=True, text=True, timeout=600,
    )


def test_layout(mini_dist):
    for name in [
        "index.html", "404.html", "ontology.html", "ontology.ttl", "ontology.jsonld", "ontology.nt",
        "ontology.rdf", "void.ttl", "sitemap.xml", "shapes.ttl", "static/style.css",
        "dump/sinorus.nt.gz", "dump/sinorus.ttl", "dump/sinorus.jsonld",
        "deploy/w3id.htaccess", "deploy/nginx.conf",
        "id/baidu.html", "id/baidu.ttl", "id/baidu.jsonld", "id/baidu.nt", "id/baidu.rdf",
        "id/claim/c9001.html", "id/claim/c9001-quote.html", "id/claim/c9001-f1.html",
        "id/source/aspi-2019-sino-russian-partnership.html",
        "id/source/aspi-2019-sino-russian-partnership/footnote/53.html",
        "id/source/aspi-2019-sino-russian-partnership/para/39.html",
        "id/source/aspi-2019-sino-russian-partnership/section/joint-funds.html",
        "id/figure/sino-russian-joint-innovation-investment-fund-size.html",
    ]:
        assert (mini_dist / name).is_file(), name


def test_two_builds_are_byte_identical(tmp_path, mini_data_dir):
    """Two builds, in two processes with different hash seeds (set iteration order is
    the usual source of drift), give the same bytes."""
    ledger = tmp_path / "ledger.txt"
    build(tmp_path / "a", ledger=ledger, data_dir=mini_data_dir)
    env = dict(os.environ, PYTHONPATH=str(ROOT / "build"), PYTHONHASHSEED="12345")
    subprocess.run(
        [sys.executable, "-m", "sinorus", "build", "--out", str(tmp_path / "b"), "--data", str(mini_data_dir), "--ledger", str(ledger)],
        env=env, check=True, capture_output=True, timeout=600,
    )
    first, second = tree_digest(tmp_path / "a"), tree_digest(tmp_path / "b")
    assert first.keys() == second.keys()
    different = [name for name in first if first[name] != second[name]]
    assert different == []


@pytest.fixture
def previous_dist(tmp_path, mini_dist) -> Path:
    """A dist/ from an earlier good build, which a failed build must leave untouched."""
    out = tmp_path / "dist"
    shutil.copytree(mini_dist, out)
    return out


def broken_data(tmp_path: Path, name: str, text: str, replace: tuple[str, str] | None = None) -> Path:
    data = mini_data(tmp_path / "data")
    if replace:
        mini = data / "mini.ttl"
        original = mini.read_text(encoding="utf-8")
        assert replace[0] in original
        mini.write_text(original.replace(replace[0], replace[1]), encoding="utf-8")
    if text:
        (data / name).write_text(text, encoding="utf-8")
    return data


def test_turtle_syntax_error_names_file_and_line_and_keeps_dist(tmp_path, previous_dist):
    before = tree_digest(previous_dist)
    bad = "@prefix sr: <https://w3id.org/sinorus/id/> .\n\nsr:a sr:b sr:c\nsr:d sr:e sr:f .\n"
    data = broken_data(tmp_path, "broken.ttl", bad)
    result = run_cli_build(previous_dist, data, tmp_path / "ledger.txt")
    assert result.returncode != 0
    assert "broken.ttl: Turtle syntax error" in result.stderr
    assert "line 4" in result.stderr
    assert "dot is expected" in result.stderr
    assert tree_digest(previous_dist) == before


def test_shacl_violation_names_entity_property_rule_and_file(tmp_path, previous_dist):
    before = tree_digest(previous_dist)
    data = broken_data(tmp_path, "", "", replace=('    rdfs:label "Baidu"@en ;\n', ""))
    result = run_cli_build(previous_dist, data, tmp_path / "ledger.txt")
    assert result.returncode != 0
    line = next(l for l in result.stderr.splitlines() if "EntityShape-label" in l)
    assert "https://w3id.org/sinorus/id/baidu" in line
    assert "property rdfs:label" in line
    assert "rule shape:EntityShape-label" in line
    assert "mini.ttl" in line
    assert "nothing was published" in result.stderr
    assert tree_digest(previous_dist) == before


@pytest.mark.parametrize(
    "replace, expected",
    [
        (("financing the $1 billion project.", "financing the $2 billion project."),
         "claim/c9001: rule R2, the quoted words do not occur"),
        (("oa:start 17632 ;\n    oa:end 17793 .", "oa:start 17633 ;\n    oa:end 17794 ."),
         "offsets 17633-17794 do not reproduce the quote (it stands at [17632]"),
        (("sinorus:financier sr:russian", "sinorus:finacier sr:russian"),
         "term https://w3id.org/sinorus/ontology#finacier | it is declared neither"),
    ],
    ids=["misquoted-words", "shifted-offsets", "undeclared-term"],
)
def test_bad_data_fails_the_build_with_a_clear_message(tmp_path, previous_dist, replace, expected):
    data = broken_data(tmp_path, "", "", replace=replace)
    result = run_cli_build(previous_dist, data, tmp_path / "ledger.txt")
    assert result.returncode != 0
    assert expected in result.stderr


def test_a_ledger_iri_cannot_disappear(tmp_path, mini_data_dir):
    ledger = tmp_path / "ledger.txt"
    ledger.write_text("https://w3id.org/sinorus/id/baidu\nhttps://w3id.org/sinorus/id/gone-entity\n")
    result = run_cli_build(tmp_path / "dist", mini_data_dir, ledger)
    assert result.returncode != 0
    assert "would disappear" in result.stderr
    assert "https://w3id.org/sinorus/id/gone-entity" in result.stderr
    assert not (tmp_path / "dist").exists()


def test_deprecated_iri_keeps_a_page_pointing_to_its_replacement(tmp_path):
    extra = (
        "@prefix dcterms: <http://purl.org/dc/terms/> .\n"
        "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        "@prefix sr: <https://w3id.org/sinorus/id/> .\n\n"
        "sr:baidu-inc\n    rdfs:label \"Baidu Inc. (deprecated duplicate)\"@en ;\n"
        "    owl:deprecated true ;\n    dcterms:isReplacedBy sr:baidu .\n"
    )
    data = broken_data(tmp_path, "deprecated.ttl", extra)
    ledger = tmp_path / "ledger.txt"
    ledger.write_text("https://w3id.org/sinorus/id/baidu-inc\n")
    build(tmp_path / "dist", ledger=ledger, data_dir=data)
    page = (tmp_path / "dist" / "id" / "baidu-inc.html").read_text()
    assert "This IRI is deprecated" in page
    assert 'href="baidu.html"' in page


def read_dump_nt(dist: Path) -> str:
    return gzip.decompress((dist / "dump" / "sinorus.nt.gz").read_bytes()).decode("utf-8")


def oxigraph_triples(data: bytes | str, fmt) -> set:
    return {(t.subject, t.predicate, t.object) for t in pyoxigraph.parse(data, format=fmt)}


def test_dump_parses_strictly_and_holds_exactly_the_source_triples(mini_dist, mini_data_dir):
    nt = read_dump_nt(mini_dist)
    lines = nt.splitlines()
    assert lines == sorted(lines), "N-Triples dump is sorted"
    dumped = oxigraph_triples(nt, pyoxigraph.RdfFormat.N_TRIPLES)
    as_turtle = oxigraph_triples((mini_dist / "dump" / "sinorus.ttl").read_bytes(), pyoxigraph.RdfFormat.TURTLE)
    as_jsonld = oxigraph_triples((mini_dist / "dump" / "sinorus.jsonld").read_bytes(), pyoxigraph.RdfFormat.JSON_LD)
    assert dumped == as_turtle == as_jsonld
    # The source files, plus what the build derives: the queries published as data.
    expected = load(data_dir=mini_data_dir).published + catalog_graph()
    expected_nt = expected.serialize(format="nt", encoding="utf-8")
    assert dumped == oxigraph_triples(expected_nt, pyoxigraph.RdfFormat.N_TRIPLES)
    assert len(dumped) == len(lines)


def test_dump_has_no_blank_nodes_and_only_ascii_iris_without_spaces(mini_dist):
    graph = Graph().parse(data=read_dump_nt(mini_dist), format="nt")
    terms = {t for triple in graph for t in triple}
    assert not [t for t in terms if isinstance(t, BNode)]
    ours = [str(t) for t in terms if isinstance(t, URIRef) and str(t).startswith("https://w3id.org/sinorus/")]
    assert ours and all(iri.isascii() and " " not in iri for iri in ours)


def test_void_describes_each_dump_with_checksum_and_count(mini_dist):
    void = Graph().parse(mini_dist / "void.ttl")
    distributions = list(void.subjects(DCAT.downloadURL, None))
    assert len(distributions) == 3
    triples_in_dump = len(read_dump_nt(mini_dist).splitlines())
    for distribution in distributions:
        url = str(void.value(distribution, DCAT.downloadURL))
        file = mini_dist / url.split("https://w3id.org/sinorus/", 1)[1]
        assert str(void.value(distribution, SINORUS.sha256)) == hashlib.sha256(file.read_bytes()).hexdigest()
        assert int(void.value(distribution, VOID.triples)) == triples_in_dump
    dataset = URIRef("https://w3id.org/sinorus/dataset")
    assert int(void.value(dataset, VOID.triples)) == triples_in_dump
    assert str(void.value(dataset, VOID.uriSpace)) == "https://w3id.org/sinorus/id/"
    assert set(void.objects(dataset, VOID.exampleResource))
    partitions = {void.value(p, VOID["class"]): int(void.value(p, VOID.entities)) for p in void.objects(dataset, VOID.classPartition)}
    assert partitions[SINORUS.Claim] == 5
    assert partitions[SINORUS.Company] == 3
    assert void.value(dataset, URIRef("http://purl.org/dc/terms/issued")) == Literal("2026-11-23", datatype=URIRef("http://www.w3.org/2001/XMLSchema#date"))


@pytest.mark.parametrize("which", ["mini_dist", "real_dist"])
def test_every_resource_description_is_contained_in_the_dump(which, request):
    dist = request.getfixturevalue(which)
    dump = oxigraph_triples(read_dump_nt(dist), pyoxigraph.RdfFormat.N_TRIPLES)
    files = sorted((dist / "id").rglob("*.nt"))
    assert len(files) > 100
    union = set()
    for path in files:
        union |= oxigraph_triples(path.read_bytes(), pyoxigraph.RdfFormat.N_TRIPLES)
    assert union <= dump
    assert any(t[0].value.endswith("/id/claim/c9001") or t[0].value.endswith("/id/claim/c1001") for t in union)


def test_entity_page_shows_labels_evidence_and_citation(mini_dist):
    page = (mini_dist / "id" / "sino-russian-joint-innovation-investment-fund.html").read_text()
    assert '<link rel="canonical" href="https://w3id.org/sinorus/id/sino-russian-joint-innovation-investment-fund">' in page
    assert '<link rel="alternate" type="text/turtle" href="sino-russian-joint-innovation-investment-fund.ttl">' in page
    assert '>Russian Direct Investment Fund</a>' in page  # linked values shown by label
    assert 'href="russian-direct-investment-fund.html"' in page  # relative links
    assert "c9001 (fn 53)" in page  # evidence in one hop from the value
    assert "financing the $1 billion project." in page  # the exact words
    assert "footnote 53" in page
    start = page.index('<script type="application/ld+json">') + len('<script type="application/ld+json">')
    embedded = json.loads(page[start : page.index("</script>", start)])
    assert any(node.get("@id", "").endswith("sino-russian-joint-innovation-investment-fund") for node in embedded["@graph"])


def test_claim_page_shows_its_citation(mini_dist):
    page = (mini_dist / "id" / "claim" / "c9002.html").read_text()
    assert "Russia lacks such giants as China’s Baidu, Tencent and Alibaba" in page
    assert "footnote 130" in page
    assert "assessment" in page


def test_index_page_has_dataset_jsonld_counts_and_downloads(mini_dist):
    page = (mini_dist / "index.html").read_text()
    start = page.index('<script type="application/ld+json">') + len('<script type="application/ld+json">')
    dataset = json.loads(page[start : page.index("</script>", start)])
    assert dataset["@type"] == "Dataset" and dataset["name"] and dataset["license"]
    assert 'href="dump/sinorus.nt.gz"' in page
    assert 'href="browse/company.html">Company</a></td><td class="count">3<' in page


def test_ontology_page_documents_every_term(mini_dist):
    page = (mini_dist / "ontology.html").read_text()
    ontology = Graph().parse(ROOT / "ontology" / "sinorus.ttl")
    terms = {str(s) for s in ontology.subjects(URIRef("http://www.w3.org/2000/01/rdf-schema#isDefinedBy"), None)}
    assert len(terms) > 80
    for term in terms:
        assert f'id="{term.split("#", 1)[1]}"' in page, term
    assert "A worked example from the data" in page


def test_deployment_rules_negotiate_every_rdf_type_before_the_html_default(mini_dist):
    htaccess = (mini_dist / "deploy" / "w3id.htaccess").read_text()
    catch_all = htaccess.index("RewriteRule ^id/(.+)$ https://sinorus.github.io/sinorus/id/$1.html [R=303,L]")
    for media_type, suffix in [("text/turtle", "ttl"), ("application/ld\\+json", "jsonld"),
                               ("application/n-triples", "nt"), ("application/rdf\\+xml", "rdf")]:
        condition = htaccess.index(f"RewriteCond %{{HTTP_ACCEPT}} {media_type}")
        assert condition < catch_all, media_type
        assert f"/id/$1.{suffix} [R=303,L]" in htaccess
        assert f"AddType {media_type.replace(chr(92), '')} .{suffix}" in htaccess
    nginx = (mini_dist / "deploy" / "nginx.conf").read_text()
    assert "return 303 /id/$1.$sinorus_suffix;" in nginx
    assert '"~*application/rdf\\+xml" rdf;' in nginx and "default html;" in nginx
