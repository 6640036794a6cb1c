"""The real data: it validates, quotes are verbatim, every footnote is cited, external
identifiers are held to evidence rows, each entity has one home, and the ledger is kept."""

from __future__ import annotations

import hashlib
import re

import pytest
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from conftest import ROOT
from sinorus import evidence, ledger
from sinorus.config import OA, SINORUS
from sinorus.load import load
from sinorus.quotes import quote_problems
from sinorus.sources import OPED, REPORT, SOURCES
from sinorus.tools import structure
from sinorus.validate import validate


@pytest.fixture(scope="module")
def loaded():
    return load()


@pytest.fixture(scope="module")
def data(loaded) -> Graph:
    return loaded.data


def test_the_real_data_validates_without_a_single_problem(loaded):
    report = validate(loaded)
    assert report.lines() == []


def test_pinned_sources_match_their_recorded_checksums(data):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for source in SOURCES.values():
        digest = hashlib.sha256(source.path.read_bytes()).hexdigest()
        assert str(data.value(URIRef(source.iri), SINORUS.sha256)) == digest
        assert digest in readme, f"README's table gives the sha256 of {source.filename}"
    assert REPORT.sha256 == "3f13e848c13491214933457cbf8d5490df5c30ac2b1ab4956c9cabd6ba94dda4"
    assert OPED.sha256 == "53e5a88eb9e12ca99292dc704549459d6ee1f4247e27b33d07c666df2ec033a6"


def test_structure_files_are_up_to_date_with_the_pinned_texts():
    assert structure.main(["--check"]) == 0


def test_the_report_has_exactly_the_133_footnote_markers_including_the_irregular_ones():
    footnotes = REPORT.footnotes()
    assert [f.number for f in footnotes] == list(range(1, 134))
    text = REPORT.text
    context = {f.number: text[f.start - 12 : f.end + 2] for f in footnotes}
    assert "imports12," in context[12]
    assert "technology47—" in context[47]
    assert "operations. 82" in context[82]
    assert "…121" in context[121]


def test_every_quote_is_verbatim_at_its_offsets(data):
    verified, problems = quote_problems(data)
    claims = set(data.subjects(RDF.type, SINORUS.Claim))
    assert problems == []
    assert verified == len(claims) > 300


def test_each_exact_quote_occurs_where_its_prefix_and_suffix_say(data):
    """Hypothesis's lesson: with prefix and suffix, the quote anchors to one place only."""
    for claim in data.subjects(RDF.type, SINORUS.Claim):
        quote = data.value(claim, SINORUS.quoteSelector)
        source = SOURCES[str(data.value(claim, SINORUS.statedIn))]
        anchored = str(data.value(quote, OA.prefix) or "") + str(data.value(quote, OA.exact)) + str(data.value(quote, OA.suffix) or "")
        assert source.text.count(anchored) == 1, claim


def test_every_footnote_from_1_to_133_is_cited(data):
    cited = {int(data.value(f, SINORUS.footnoteNumber)) for f in data.objects(None, SINORUS.citesFootnote)}
    assert sorted(cited) == list(range(1, 134))


def test_op_ed_claims_corroborate_report_claims(data):
    oped = URIRef(OPED.iri)
    oped_claims = set(data.subjects(SINORUS.statedIn, oped))
    linked = {c for c in oped_claims if (c, SINORUS.corroborates, None) in data}
    assert len(oped_claims) >= 20 and len(linked) >= len(oped_claims) * 2 // 3
    for claim in linked:
        for target in data.objects(claim, SINORUS.corroborates):
            assert data.value(target, SINORUS.statedIn) == URIRef(REPORT.iri)


def test_each_entity_has_one_home_file(loaded):
    homes = {s: files for s, files in loaded.home_files.items() if len(files) > 1}
    assert homes == {}


def test_entity_identity_lives_in_entity_files_and_claims_in_claim_files(loaded):
    for subject, files in loaded.home_files.items():
        kinds = set(loaded.data.objects(subject, RDF.type))
        home = files[0]
        if SINORUS.Claim in kinds:
            assert home.startswith("data/claims/"), (subject, home)
        if any(str(k).startswith(str(SINORUS)) for k in kinds) and "/id/claim/" not in str(subject) and "/id/figure/" not in str(subject) and "/id/source/" not in str(subject):
            assert home.startswith("data/entities/"), (subject, home)


def test_every_external_link_is_held_to_an_evidence_row(data):
    links = list(data.subject_objects(SKOS.exactMatch))
    assert len(links) >= 25
    assert evidence.link_problems(data) == []
    rows = evidence.evidence_rows()
    for entity, link in links:
        row = evidence.row_for(str(link), rows)
        assert row is not None and row.status in ("confirmed", "probable"), (entity, link)


def test_an_external_link_without_evidence_or_on_the_wrong_entity_is_caught():
    graph = Graph()
    huawei, tencent = URIRef("https://w3id.org/sinorus/id/huawei"), URIRef("https://w3id.org/sinorus/id/tencent")
    graph.add((huawei, URIRef("http://www.w3.org/2000/01/rdf-schema#label"), Literal("Huawei", lang="en")))
    graph.add((tencent, URIRef("http://www.w3.org/2000/01/rdf-schema#label"), Literal("Tencent", lang="en")))
    graph.add((huawei, SKOS.exactMatch, URIRef("http://www.wikidata.org/entity/Q160120")))  # right
    graph.add((tencent, SKOS.exactMatch, URIRef("http://www.wikidata.org/entity/Q160120")))  # Huawei's QID
    graph.add((huawei, SKOS.exactMatch, URIRef("http://www.wikidata.org/entity/Q999999999")))  # no row
    graph.add((tencent, SKOS.exactMatch, URIRef("http://www.wikidata.org/entity/Q7554565")))  # uncertain row
    problems = evidence.link_problems(graph)
    assert len(problems) == 3
    assert any("tencent" in p and "Q160120" in p and "matches none" in p for p in problems)
    assert any("Q999999999" in p for p in problems)
    assert any("Q7554565" in p for p in problems)


def test_the_reference_table_is_a_verbatim_copy_of_the_shared_one():
    shared = ROOT.parent / "shared" / "reference" / "wikidata-geonames.tsv"
    ours = ROOT / "data" / "external-ids" / "shared-reference.tsv"
    if shared.exists():  # beside a clone, as in CI; the copy keeps the build self-contained
        assert ours.read_bytes() == shared.read_bytes()
    assert ours.read_text(encoding="utf-8").startswith("name\twikidata\tgeonames\tstatus\tevidence")


def test_published_iris_are_ascii_slugs(data):
    minted = {str(s) for s in data.subjects() if str(s).startswith("https://w3id.org/sinorus/id/")}
    pattern = re.compile(r"^https://w3id\.org/sinorus/id/[a-z0-9/-]+$")
    assert [iri for iri in minted if not pattern.match(iri)] == []


def test_the_ledger_holds_every_published_iri_and_every_ledger_iri_has_a_page(real_dist):
    assert ledger.not_in_ledger(real_dist) == [], "run `make ledger` to record new IRIs"
    assert ledger.missing_from_dist(real_dist) == []
    lines = ledger.read_ledger()
    assert lines == sorted(lines) and len(lines) == len(set(lines)) > 1000
