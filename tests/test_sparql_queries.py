"""The competency queries of queries/, answered by the real endpoints.

Every query runs through SPARQLWrapper on the embedded endpoint (/sparql of `python -m
sinorus serve`) and on the Oxigraph server started from the dump; both must give the same
results, and each query's answer is checked against what the report says, written here by
hand from the report's text (the funds it names, the dates it gives, the words of a
footnoted sentence), not copied from a run. Each expectation runs on both endpoints.
"""

from __future__ import annotations

import pytest
from rdflib import Graph
from rdflib.namespace import RDF, RDFS

pytest.register_assert_rewrite("conftest_sparql")
from conftest_sparql import values  # noqa: E402
from sinorus.config import SCHEMA, SH, SOURCES_DIR  # noqa: E402
from sinorus.query_catalog import ENDPOINT, QUERY_BASE, competency_queries, query_files  # noqa: E402


REPORT = (SOURCES_DIR / "aspi-2019-sino-russian-high-tech-partnership.txt").read_text(encoding="utf-8")
OPED = (SOURCES_DIR / "afpc-2019-op-ed-kania-bendett.txt").read_text(encoding="utf-8")
REPORT_IRI = "https://w3id.org/sinorus/id/source/aspi-2019-sino-russian-partnership"
PARA = REPORT_IRI + "/para/"

EXPECTATIONS = {}  # query stem -> test function


def expects(stem: str):
    def register(function):
        EXPECTATIONS[stem] = function
        return function
    return register


@pytest.fixture(params=["embedded", "oxigraph"])
def answer(request, all_answers):
    """answer(stem) -> rows of that query on one endpoint, as {variable: value}."""
    return lambda stem: values(all_answers[request.param][stem])


def names(cell: str | None) -> set[str]:
    """The names in a '; '-separated cell."""
    return set(cell.split("; ")) if cell else set()


def row_where(rows: list[dict], column: str, text: str) -> dict:
    matching = [r for r in rows if text in r.get(column, "")]
    assert matching, f"no row whose {column} contains {text!r}"
    return matching[0]


# --- the catalog, both endpoints, every query covered ---------------------------------
def test_every_competency_query_has_a_hand_written_expectation():
    stems = {path.stem for path in query_files()}
    assert len(stems) >= 25
    assert stems == set(EXPECTATIONS), "add an @expects test for each new query (and none for a removed one)"


def test_both_endpoints_give_the_same_results(all_answers):
    for stem, embedded in all_answers["embedded"].items():
        assert embedded == all_answers["oxigraph"][stem], stem


def test_every_query_answers_something(all_answers):
    for stem, rows in all_answers["embedded"].items():
        assert rows, f"{stem} returned no rows"


def test_queries_are_published_as_data_in_the_dump(real_dist):
    dump = Graph()
    dump.parse(real_dist / "dump" / "sinorus.ttl", format="turtle")
    for query in competency_queries():
        iri = query.iri
        assert (iri, RDF.type, SH.SPARQLExecutable) in dump
        assert (iri, RDF.type, SH.SPARQLSelectExecutable) in dump
        assert str(dump.value(iri, SH.select)) == query.text
        assert str(dump.value(iri, RDFS.label)) == query.question and query.question.endswith("?")
        assert str(dump.value(iri, RDFS.comment)) == query.answer
        assert (iri, SCHEMA.target, ENDPOINT) in dump
        assert set(map(str, dump.objects(iri, SCHEMA.keywords))) == set(query.keywords)
        assert (real_dist / "id" / "query" / f"{query.stem}.html").is_file()
    published = {str(s) for s in dump.subjects(RDF.type, SH.SPARQLExecutable)}
    assert published == {QUERY_BASE + path.stem for path in query_files()}


def test_the_queries_page_shows_each_question_with_its_results(real_dist):
    page = (real_dist / "queries.html").read_text(encoding="utf-8")
    for query in competency_queries():
        assert f'id="{query.stem}"' in page
    # Results are shown by label with relative links, as on the entity pages.
    assert 'href="id/sino-russian-joint-innovation-investment-fund.html"' in page
    assert "Sino-Russian Joint Innovation Investment Fund" in page


# --- one expectation per query, from the report's text --------------------------------
@expects("joint-funds")
def test_joint_funds(answer):
    rows = {r["fundLabel"]: r for r in answer("joint-funds")}
    # The three bullets of the report's 'Joint funds' section.
    assert set(rows) == {
        "Russia–China Investment Fund for Regional Development",
        "Russia–China Science and Technology Fund",
        "Sino-Russian Joint Innovation Investment Fund",
    }
    joint = rows["Sino-Russian Joint Innovation Investment Fund"]
    assert joint["established"] == "2019-07"  # 'In July 2019, the fund was officially established'
    assert names(joint["financiers"]) == {"Russian Direct Investment Fund", "China Investment Corporation"}
    assert joint["capital"] == "$1 billion"
    science = rows["Russia–China Science and Technology Fund"]
    assert "Shenzhen Innovation Investment Group" in names(science["founders"])
    assert any("Leader" in n for n in names(science["founders"]))
    assert "100 million yuan" in science["capital"] and "US$14 million" in science["capital"]
    regional = rows["Russia–China Investment Fund for Regional Development"]
    assert any("Skolkovo Ventures" in n for n in names(regional["investsIn"]))


@expects("parks-and-innovation-centres")
def test_parks_and_innovation_centres(answer):
    rows = answer("parks-and-innovation-centres")
    by_city = {r["cityLabel"]: r for r in rows if "cityLabel" in r}
    assert [r["cityLabel"] for r in rows if "cityLabel" in r] == ["Changchun", "Harbin", "Shenzhen", "Xian"]
    assert by_city["Changchun"]["parkLabel"] == "Changchun Sino-Russian Science and Technology Park"
    assert by_city["Changchun"]["year"] == "2006"  # 'As early as 2006'
    assert by_city["Harbin"]["year"] == "2018"  # 'In October 2018, the Chinese city of Harbin'
    assert by_city["Xian"]["parkLabel"] == "China–Russia Silk Road Innovation Park"  # Xixian New District of Xian
    assert by_city["Xian"]["since"] == "2016-06"
    assert "year" not in by_city["Shenzhen"]  # 'there are plans for the opening': no year given
    labels = {r["parkLabel"]: r for r in rows}
    assert labels["China–Russia Innovation Park"]["year"] == "2016"  # plan inaugurated June 2016
    assert labels["Sino-Russian high-tech centre at Skolkovo"]["since"] == "2017-12"
    assert labels["Skolkovo"]["year"] == "2010"  # 'launched in 2010'


@expects("huawei-in-russia")
def test_huawei_in_russia(answer):
    rows = answer("huawei-in-russia")
    dated = [r["when"] for r in rows if "when" in r]
    assert dated == sorted(dated) and dated[0] == "2018"  # 'Since 2018, Huawei has opened centres'
    assert all("when" in r for r in rows[: len(dated)])  # undated things come last
    assert row_where(rows, "thingLabel", "Innovation Research Program")["when"] == "2019-05"
    assert row_where(rows, "thingLabel", "Siberian Branch")["when"] == "2019-05"
    assert row_where(rows, "thingLabel", "National Technology Initiative")["when"] == "2019-08"
    assert row_where(rows, "thingLabel", "Vimplecom")["when"] == "2019-08"
    assert "signatory" in row_where(rows, "thingLabel", "National Technology Initiative")["roles"]
    row_where(rows, "thingLabel", "Huawei Academy and Huawei Cloud")  # the competition
    row_where(rows, "thingLabel", "R&D centre in Moscow")
    row_where(rows, "thingLabel", "R&D centre in St Petersburg")


@expects("events-of-2019-by-month")
def test_events_of_2019_by_month(answer):
    rows = answer("events-of-2019-by-month")
    assert all(r["date"].startswith("2019") for r in rows)
    months = [r["month"] for r in rows]
    with_month = [m for m in months if len(m) == 7]
    assert with_month == sorted(with_month) and months[: len(with_month)] == with_month
    assert {"2019-02", "2019-04", "2019-05", "2019-07", "2019-08", "2019-09", "2019-10"} <= set(months)
    by_label = {r["thingLabel"]: r for r in rows}
    assert by_label["Sino-Russian Joint Innovation Investment Fund"]["month"] == "2019-07"
    assert row_where(rows, "thingLabel", "FEDOR")["date"] == "2019-08-22"  # 'on 22 August 2019'
    assert row_where(rows, "thingLabel", "70th anniversary")["month"] == "2019-10"
    assert row_where(rows, "thingLabel", "Third Sino-Russian Innovation Dialogue")["month"] == "2019-09"
    assert row_where(rows, "thingLabel", "defence ministers")["month"] == "2019-09"
    assert row_where(rows, "thingLabel", "EAST BOUND")["month"] == "2019-04"
    assert row_where(rows, "thingLabel", "Dudorov")["month"] == "2019-02"


@expects("agreements-and-signatories")
def test_agreements_and_signatories(answer):
    rows = answer("agreements-and-signatories")
    dated = [r["date"] for r in rows if "date" in r]
    assert dated == sorted(dated)
    memorandum = row_where(rows, "agreementLabel", "Memorandum of Understanding on Launching Cooperation in the Domain of Innovation")
    assert memorandum["date"] == "2016-06"
    assert {n.split(" (")[0] for n in names(memorandum["signatories"])} == {
        "Ministry of Science and Technology", "Ministry of Economic Development"}
    road_map = row_where(rows, "kind", "Road map")
    assert road_map["date"] == "2018-07"
    assert names(road_map["signatories"]) == {"Chinese Academy of Sciences", "Russian Academy of Sciences"}
    huawei = row_where(rows, "agreementLabel", "National Technology Initiative")
    assert huawei["date"] == "2019-08" and names(huawei["signatories"]) == {"Huawei", "National Technology Initiative"}
    laboratory = row_where(rows, "agreementLabel", "biotechnology laboratory")
    assert laboratory["date"] == "2018-09"
    assert names(laboratory["signatories"]) == {"Sistema PJSFC", "CapitalBio Technology", "Russia–China Investment Fund"}
    treaty = row_where(rows, "agreementLabel", "illegal internet content")
    assert "date" not in treaty and treaty["plannedFor"] == "2018-10"  # 'plan to sign'


@expects("people-quoted")
def test_people_quoted(answer):
    rows = answer("people-quoted")
    people = {r["personLabel"]: r for r in rows}
    assert {
        "Vladimir Putin", "Li Hui", "Vitaly Nedelskiy", "Song Kui", "Junquan Xu", "Alexey Volin",
        "Evgeny Dudorov", "Vladimir Lopatin", "Maxim Akimov",
    } <= set(people)
    assert people["Maxim Akimov"]["positionTitle"] == "Russian Deputy Prime Minister"
    assert people["Alexey Volin"]["positionTitle"] == "Russian Deputy Minister of Digital Development, Telecommunications and Mass Media"
    assert "Ambassador to Russia" in people["Li Hui"]["positionTitle"]
    assert people["Vitaly Nedelskiy"]["positionTitle"] == "president of the Russian Robotics Association"
    assert people["Evgeny Dudorov"]["organisationLabel"] == "Android Technologies"
    assert any("Defence Minister" in label for label in people)  # 'According to the Russian Defence Minister'
    assert any("Russian Venture Company" in label for label in people)
    assert any("Russian Academy of Sciences" in label for label in people)
    assert "Xi Jinping" not in people and "Elsa B. Kania" not in people  # not quoted
    assert all(int(r["claims"]) >= 1 for r in rows)


@expects("claims-citing-footnote-53")
def test_claims_citing_footnote_53(answer):
    rows = answer("claims-citing-footnote-53")
    sentence = ("In July 2019, the fund was officially established, with the Russian Direct Investment "
                "Fund and the China Investment Corporation financing the $1 billion project.")
    assert sentence + "53" in REPORT  # the footnote marker follows these words in the report
    assert [r["exact"] for r in rows] == [sentence]
    assert rows[0]["kindLabel"] == "reported fact"
    assert rows[0]["sectionLabel"] == "Joint funds"
    assert rows[0]["paragraph"] == PARA + "39"


@expects("facts-resting-on-footnote-53")
def test_facts_resting_on_footnote_53(answer):
    rows = answer("facts-resting-on-footnote-53")
    assert {(r["predicateLabel"], r["objectLabel"]) for r in rows} == {
        ("founding date", "2019-07"),
        ("financier", "Russian Direct Investment Fund"),
        ("financier", "China Investment Corporation"),
        ("monetary value", "$1 billion"),
    }
    assert {r["subjectLabel"] for r in rows} == {"Sino-Russian Joint Innovation Investment Fund"}


@expects("claim-kinds-by-section")
def test_claim_kinds_by_section(answer):
    rows = answer("claim-kinds-by-section")
    assert [int(r["order"]) for r in rows] == list(range(1, len(rows) + 1))
    assert rows[0]["sectionLabel"] == "What’s the problem?"
    assert rows[-1]["sectionLabel"] == "Policy considerations and recommendations"
    kinds = ("reportedFacts", "hedged", "plans", "quotations", "assessments", "recommendations")
    for r in rows:
        assert sum(int(r[k]) for k in kinds) == int(r["claims"])
    last = rows[-1]
    assert int(last["recommendations"]) == max(int(last[k]) for k in kinds) > 0
    funds = next(r for r in rows if r["sectionLabel"] == "Joint funds")
    assert int(funds["reportedFacts"]) >= 3  # three bullets, each reporting a fund


@expects("hedged-and-planned-claims")
def test_hedged_and_planned_claims(answer):
    rows = answer("hedged-and-planned-claims")
    assert {r["kindLabel"] for r in rows} == {"hedged report", "plan or intention"}
    android = row_where(rows, "exact", "there’s even a possibility that the Chinese company might abandon the Android")
    assert android["kindLabel"] == "hedged report" and android["footnoteNumber"] == "79"
    hires = row_where(rows, "exact", "By the end of 2019, the company intends to hire 500 people")
    assert hires["kindLabel"] == "plan or intention" and hires["footnoteNumber"] == "71"
    putin = row_where(rows, "exact", "Reportedly, Russia plans to aid China in developing a missile defense warning system")
    assert putin["kindLabel"] == "hedged report" and putin["footnoteNumber"] == "16"  # 'Reportedly', per Putin
    draft = row_where(rows, "exact", "In 2019, Russia intends to submit to the Chinese side a draft program")
    assert draft["footnoteNumber"] == "107"
    assert not any("the fund was officially established" in r["exact"] for r in rows)  # a fact
    positions = [REPORT.find(r["exact"]) for r in rows]
    assert -1 not in positions and positions == sorted(positions)  # in the report's order


@expects("technology-areas-by-initiative")
def test_technology_areas_by_initiative(answer):
    rows = answer("technology-areas-by-initiative")
    park = names(row_where(rows, "thingLabel", "China–Russia Innovation Park")["areas"])
    assert {"information technology", "artificial intelligence"} <= park
    assert any(a.startswith("biomedic") for a in park)  # 'information technology, biomedical and AI'
    skolkovo = names(row_where(rows, "thingLabel", "Huawei–Skolkovo")["areas"])
    assert {"5G", "artificial intelligence", "internet of things"} <= skolkovo
    dialogue = names(row_where(rows, "thingLabel", "First Sino-Russian Innovation Dialogue")["areas"])
    assert {"nanotechnology", "new materials", "robotics", "drones", "artificial intelligence"} <= dialogue
    anchor = names(row_where(rows, "thingLabel", "AI news anchor")["areas"])
    assert {"speech synthesis", "image detection"} <= anchor


@expects("initiatives-by-technology-area")
def test_initiatives_by_technology_area(answer):
    rows = answer("initiatives-by-technology-area")
    assert rows[0]["areaLabel"] == "artificial intelligence"  # the report's leading theme
    counts = [int(r["includingNarrower"]) for r in rows]
    assert counts == sorted(counts, reverse=True)
    assert all(int(r["includingNarrower"]) >= int(r["directly"]) for r in rows)
    ai = rows[0]
    assert int(ai["includingNarrower"]) > int(ai["directly"])  # facial recognition, NLP ...
    telecoms = row_where(rows, "areaLabel", "telecommunications")
    assert int(telecoms["includingNarrower"]) >= 2  # the 5G pilot and the 5G plans with Skolkovo


@expects("wikidata-links")
def test_wikidata_links(answer):
    rows = answer("wikidata-links")
    # The confirmed and probable rows of the shared reference table for what the report names
    # (Canberra is in the table but not in the report; Sogou and Beeline are 'uncertain').
    expected = {
        "Huawei": "Q160120", "Tencent": "Q860580", "Alibaba Group Holding Ltd": "Q1359568", "Baidu": "Q14772",
        "Russian Academy of Sciences": "Q83172", "Chinese Academy of Sciences": "Q530471",
        "Xinhua": "Q204839", "ITAR-TASS": "Q223799", "Xi Jinping": "Q15031", "Vladimir Putin": "Q7747",
        "Harbin": "Q42956", "Shenzhen": "Q15174", "Moscow": "Q649", "Yekaterinburg": "Q887",
        "Novosibirsk": "Q883", "Kazan": "Q900", "Nizhny Novgorod": "Q891", "Changchun": "Q92161",
        "Xian": "Q5826", "Shanghai": "Q8686", "Beijing": "Q956", "St Petersburg": "Q656",
        "Sevastopol": "Q7525", "Jilin Province": "Q45208", "Shaanxi Province": "Q47974",
        "Heilongjiang Province": "Q19206", "China": "Q148", "Russia": "Q159", "United States": "Q30",
        "Australia": "Q408",
    }
    assert {r["entityLabel"]: r["qid"] for r in rows} == expected
    assert len(rows) == len(expected)  # one item per entity
    assert not {"Q7554565", "Q402880", "Q3114"} & {r["qid"] for r in rows}


@expects("places-and-what-happened-there")
def test_places_and_what_happened_there(answer):
    rows = {r["placeLabel"]: r for r in answer("places-and-what-happened-there")}
    assert "Second Sino-Russian Innovation Dialogue" in names(rows["Moscow"]["things"])  # 'in Moscow'
    assert any("Vimplecom" in t for t in names(rows["Moscow"]["things"]))  # 'downtown Moscow'
    assert "Third Sino-Russian Innovation Dialogue" in names(rows["Shanghai"]["things"])
    assert "4th Media Forum of Russia and China" in names(rows["Shanghai"]["things"])
    assert "VI Russia–China Expo" in names(rows["Harbin"]["things"])
    assert "China–Russia Silk Road Innovation Park" in names(rows["Xian"]["things"])  # via Xixian New District
    assert "First Sino-Russian Innovation Dialogue" in names(rows["Beijing"]["things"])
    for r in rows.values():
        assert int(r["count"]) == len(r["things"].split("; "))


@expects("oped-statements-corroborated")
def test_oped_statements_corroborated(answer):
    rows = answer("oped-statements-corroborated")
    for r in rows:
        assert r["opedWords"] in OPED and r["reportWords"] in REPORT
    pairs = {(r["opedWords"], r["reportParagraph"]) for r in rows}
    assert ("Sino-Russian relations have been adapting to an era of great-power rivalry.", PARA + "3") in pairs
    anniversary = row_where(rows, "opedWords", "70th anniversary")
    assert anniversary["reportParagraph"] == PARA + "4" and anniversary["footnoteNumber"] == "2"
    assert row_where(rows, "opedWords", "five key areas")["reportParagraph"] == PARA + "21"
    assert row_where(rows, "opedWords", "particularly AI and biotech")["reportParagraph"] == PARA + "12"
    positions = [OPED.find(r["opedWords"]) for r in rows]
    assert positions == sorted(positions)  # in the op-ed's order


@expects("timeline")
def test_timeline(answer):
    rows = answer("timeline")
    whens = [r["when"] for r in rows]
    assert whens == sorted(whens)
    assert rows[0]["when"] == "2006" and "Changchun" in rows[0]["thingLabel"]  # 'As early as 2006'
    assert rows[-1]["when"] == "2019-10" and "70th anniversary" in rows[-1]["thingLabel"]
    assert row_where(rows, "thingLabel", "state visit to Moscow")["when"] == "2015-05"  # 'in May 2015'
    assert row_where(rows, "thingLabel", "Memorandum of Understanding")["when"] == "2016-06"
    assert row_where(rows, "thingLabel", "Sino-Russian Joint Innovation Investment Fund")["what"] == "founded"


@expects("forums-and-editions")
def test_forums_and_editions(answer):
    rows = answer("forums-and-editions")
    dialogue = [r for r in rows if r["forumLabel"] == "Sino-Russian Innovation Dialogue"]
    assert [(r["ordinal"], r["placeLabel"]) for r in dialogue] == [("1", "Beijing"), ("2", "Moscow"), ("3", "Shanghai")]
    assert dialogue[2]["when"] == "2019-09" and dialogue[0]["since"] == "2017"  # 'Beginning in 2017'
    high_tech = [r for r in rows if r["forumLabel"] == "Russian–Chinese High-Tech Forum"]
    assert [r["when"] for r in high_tech] == ["2017", "2018"] and high_tech[0]["since"] == "2016"
    invest = row_where(rows, "forumLabel", "Invest in Innovation")
    assert (invest["ordinal"], invest["placeLabel"], invest["when"]) == ("6", "Shanghai", "2019-09")
    expo = row_where(rows, "forumLabel", "Russia–China Expo")
    assert (expo["ordinal"], expo["placeLabel"]) == ("6", "Harbin")  # 'the VI Russia–China Expo in Harbin'
    media = row_where(rows, "forumLabel", "Media Forum")
    assert (media["ordinal"], media["placeLabel"]) == ("4", "Shanghai")


@expects("monetary-figures")
def test_monetary_figures(answer):
    rows = answer("monetary-figures")
    assert [(float(r["value"]), r["currency"]) for r in rows] == [
        (2e9, "USD"), (1e9, "USD"), (3e8, "USD"), (1e8, "CNY"), (5e7, "USD")]
    assert "Alibaba" in rows[0]["thingLabel"]  # 'a US$2 billion joint venture'
    yuan = rows[3]
    assert yuan["thingLabel"] == "Russia–China Science and Technology Fund"
    assert yuan["approximation"] == "up to" and "US$14 million" in yuan["converted"]  # 'as much as', 'about'


@expects("counts-and-quantities")
def test_counts_and_quantities(answer):
    rows = answer("counts-and-quantities")
    found = {(r["thingLabel"], int(float(r["value"]))) for r in rows}
    assert {
        ("Chinese Academy of Sciences", 67900), ("Russian Academy of Sciences", 55000),
        ("Russian Academy of Sciences", 550), ("Huawei R&D centre in Moscow", 400),
        ("Huawei R&D centre in St Petersburg", 150), ("Huawei", 140), ("Huawei", 500),
        ("Russia", 146000000),
    } <= found
    assert any(v == 19 for _, v in found)  # 19 companies resident in the Harbin centre
    assert any(v == 600 for _, v in found)  # more than 600 Tencent racks
    values_ = [float(r["value"]) for r in rows]
    assert values_ == sorted(values_, reverse=True)
    assert row_where(rows, "words", "67,900")["approximation"] == "more than"
    assert row_where(rows, "words", "500 people")["target"] == "2019"  # 'By the end of 2019'


@expects("recommendations")
def test_recommendations(answer):
    rows = answer("recommendations")
    assert len(rows) == 4  # the four bullets of 'Policy considerations and recommendations'
    for r, start in zip(rows, ("Track the trajectory", "Monitor and respond", "Deepen cooperation", "Promulgate norms")):
        assert r["recommendationLabel"].startswith(start)
        assert "Five Eyes" in names(r["addressedTo"])  # 'particularly the Five Eyes states'
        assert int(r["claims"]) >= 1
    for r in rows[1:]:
        assert {"United States", "Australia"} <= names(r["addressedTo"])  # 'the US and Australia'


@expects("problems-and-obstacles")
def test_problems_and_obstacles(answer):
    rows = answer("problems-and-obstacles")
    labels = " | ".join(r["problemLabel"] for r in rows)
    for words in ("marketisation", "One Belt, One Road", "intellectual property", "STEM talent", "emigration"):
        assert words in labels
    assert "WeChat" in names(row_where(rows, "problemLabel", "internal politics")["illustratedBy"])
    assert "Android Technologies" in names(row_where(rows, "problemLabel", "trust")["illustratedBy"])


@expects("organisations-by-country")
def test_organisations_by_country(answer):
    rows = answer("organisations-by-country")
    chinese = next(r for r in rows if (r["countryLabel"], r["kindLabel"]) == ("China", "Company"))
    assert {"Huawei", "Tencent", "Alibaba Group Holding Ltd", "Baidu", "Dahua Technology"} <= names(chinese["organisations"])
    russian = next(r for r in rows if (r["countryLabel"], r["kindLabel"]) == ("Russia", "Company"))
    assert {"NtechLab", "Sistema PJSFC", "Android Technologies", "Bulat"} <= names(russian["organisations"])
    assert not names(chinese["organisations"]) & names(russian["organisations"])
    for r in rows:
        assert int(r["count"]) == len(names(r["organisations"]))


@expects("cooperation-areas")
def test_cooperation_areas(answer):
    rows = {r["areaLabel"]: r for r in answer("cooperation-areas")}
    assert len(rows) == 5  # 'five key areas'
    assert names(rows["Joint investment funds"]["initiatives"]) == {
        "Russia–China Investment Fund for Regional Development",
        "Russia–China Science and Technology Fund",
        "Sino-Russian Joint Innovation Investment Fund",
    }
    assert {"Sino-Russian Innovation Dialogue", "Russian–Chinese High-Tech Forum"} <= names(
        rows["Dialogues and exchanges"]["initiatives"])
    competitions = " ".join(names(rows["Promotion of joint competitions"]["initiatives"]))
    assert "EAST BOUND" in competitions and "Industry Innovation Competition" in competitions
    parks = " ".join(names(rows["Development of industrial science and technology parks"]["initiatives"]))
    assert "Changchun" in parks and "Silk Road" in parks


@expects("sino-russian-partnerships")
def test_sino_russian_partnerships(answer):
    rows = answer("sino-russian-partnerships")
    pairs = {(r["chineseLabel"], r["russianLabel"]) for r in rows}
    assert {
        ("Huawei", "Vimplecom"), ("Huawei", "National Technology Initiative"),
        ("Chinese Academy of Sciences", "Russian Academy of Sciences"),
        ("CapitalBio Technology", "Sistema PJSFC"), ("Dahua Technology", "NtechLab"),
        ("China Robotics Industry Alliance", "Russian Robotics Association"),
    } <= pairs
    chinese_side = {c for c, _ in pairs}
    assert not chinese_side & {"Vimplecom", "NtechLab", "Sistema PJSFC", "Russian Academy of Sciences"}


@expects("spief-2019")
def test_spief_2019(answer):
    rows = answer("spief-2019")
    anchor = row_where(rows, "thingLabel", "AI news anchor")
    assert anchor["relation"] == "took place at the forum" and "Sogou" in anchor["participants"]
    row_where(rows, "thingLabel", "EAST BOUND")  # 'The finalists spoke at SPIEF–2019'
    row_where(rows, "thingLabel", "large-scale cooperation program")  # 'at that forum'
    assert row_where(rows, "thingLabel", "Huawei")["relation"] == "attended the forum"


@expects("products-and-developers")
def test_products_and_developers(answer):
    rows = {r["productLabel"]: r for r in answer("products-and-developers")}
    assert rows["FEDOR"]["developers"] == "Android Technologies"
    assert rows["FEDOR"]["kindLabel"] == "Robot"
    assert rows["WeChat"]["developers"] == "Tencent"
    assert rows["S-400"]["acquiredBy"] == "China"  # 'China’s recent acquisition of the S-400'
    camera = next(r for label, r in rows.items() if "face recognition" in label)
    assert names(camera["developers"]) == {"NtechLab", "Dahua Technology"}
    assert names(rows["Russian-speaking AI news anchor"]["developers"]) == {"Sogou Inc."}


@expects("evidence-for-a-fact")
def test_evidence_for_a_fact(answer):
    rows = answer("evidence-for-a-fact")
    assert len(rows) == 1
    r = rows[0]
    assert (r["value"], r["footnoteNumber"], r["paragraph"]) == ("2019-07", "53", PARA + "39")
    assert r["exact"].startswith("In July 2019, the fund was officially established")
    assert REPORT[int(r["start"]):int(r["end"])] == r["exact"]  # the offsets reproduce the words


@expects("most-mentioned-entities")
def test_most_mentioned_entities(answer):
    rows = answer("most-mentioned-entities")
    assert len(rows) == 20
    assert {rows[0]["entityLabel"], rows[1]["entityLabel"]} == {"Russia", "China"}
    counts = [int(r["claims"]) for r in rows]
    assert counts == sorted(counts, reverse=True)
    assert "Huawei" in [r["entityLabel"] for r in rows[:10]]


@expects("plans-with-target-dates")
def test_plans_with_target_dates(answer):
    rows = answer("plans-with-target-dates")
    treaty = row_where(rows, "plannedLabel", "illegal internet content")
    assert treaty["target"] == "2018-10"  # 'During the World Internet Conference in October 2018'
    assert names(treaty["whose"]) == {"Cyberspace Administration of China", "Roskomnadzor"}
    assert row_where(rows, "plannedLabel", "500 people")["whose"] == "Huawei"
    assert row_where(rows, "plannedLabel", "three new R&D centres")["target"] == "2019"
    assert row_where(rows, "plannedLabel", "digital domain")["target"] == "2019"
    targets = [r["target"] for r in rows]
    assert targets == sorted(targets)


@expects("organisation-hierarchy")
def test_organisation_hierarchy(answer):
    rows = {r["parentLabel"]: r for r in answer("organisation-hierarchy")}
    assert {"Huawei Academy", "Huawei Cloud"} <= names(rows["Huawei"]["units"])
    assert any("Siberian Branch" in u for u in names(rows["Russian Academy of Sciences"]["units"]))
    assert any("School of Design and Technology" in u for u in names(rows["Russian Academy of Sciences"]["units"]))
    assert names(rows["Central Military Commission"]["units"]) == {
        "Central Military Commission Equipment Development Department"}


@expects("sources-and-authors")
def test_sources_and_authors(answer):
    rows = {r["source"]: r for r in answer("sources-and-authors")}
    report = rows[REPORT_IRI]
    assert report["authors"] == "Samuel Bendett; Elsa B. Kania"  # the report's order
    assert report["issued"] == "2019-10-29" and report["publisherLabel"] == "Australian Strategic Policy Institute"
    oped = rows["https://w3id.org/sinorus/id/source/oped-2019-kania-bendett"]
    assert oped["authors"] == "Elsa B. Kania; Samuel Bendett"  # 'Elsa Kania, Samuel Bendett'
    assert oped["issued"] == "2019-10-29"
    assert int(report["claims"]) > int(oped["claims"]) > 0
