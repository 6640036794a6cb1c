"""Where things are, what the IRIs look like, and the release settings.

Everything that a build's output depends on, other than the input files, lives here, so
that two builds of the same input are byte-identical: dates come from RELEASE, never from
the clock.
"""

from pathlib import Path

from rdflib import Namespace

# --- Paths -------------------------------------------------------------------
ROOT = Path(__file__).resolve().parents[2]
ONTOLOGY_DIR = ROOT / "ontology"
DATA_DIR = ROOT / "data"
SHAPES_DIR = ROOT / "shapes"
QUERIES_DIR = ROOT / "queries"
TEMPLATES_DIR = ROOT / "build" / "templates"
SOURCES_DIR = DATA_DIR / "sources"
LEDGER_FILE = ROOT / "uri-ledger.txt"
# External identifiers may come only from these two tables (see CONTRIBUTING.md, R6).
REFERENCE_FILE = ROOT / "data" / "external-ids" / "shared-reference.tsv"
EVIDENCE_FILE = ROOT / "data" / "external-ids" / "evidence.tsv"
DIST_DIR = ROOT / "dist"

# --- IRIs --------------------------------------------------------------------
BASE = "https://w3id.org/sinorus/"
ID_BASE = BASE + "id/"
ONTOLOGY_IRI = BASE + "ontology"
DATASET_IRI = BASE + "dataset"

SR = Namespace(ID_BASE)
SINORUS = Namespace(ONTOLOGY_IRI + "#")
OA = Namespace("http://www.w3.org/ns/oa#")
SCHEMA = Namespace("https://schema.org/")
CITO = Namespace("http://purl.org/spar/cito/")
VOID = Namespace("http://rdfs.org/ns/void#")
DCAT = Namespace("http://www.w3.org/ns/dcat#")
VANN = Namespace("http://purl.org/vocab/vann/")
BIBO = Namespace("http://purl.org/ontology/bibo/")
ORG = Namespace("http://www.w3.org/ns/org#")
SH = Namespace("http://www.w3.org/ns/shacl#")

# The kinds of thing the report names: each instance must be cited by a claim (shapes/entity.ttl).
ENTITY_CLASSES = [
    SINORUS[name]
    for name in (
        "Organisation", "Person", "Place", "Forum", "Event", "Agreement", "Programme", "Product",
        "TechnologyArea", "CooperationArea", "Problem", "Recommendation",
    )
]

# Prefixes bound in every serialisation we write (sorted by prefix when written).
PREFIXES = {
    "bibo": BIBO,
    "cito": CITO,
    "dcat": DCAT,
    "dcterms": Namespace("http://purl.org/dc/terms/"),
    "doco": Namespace("http://purl.org/spar/doco/"),
    "fabio": Namespace("http://purl.org/spar/fabio/"),
    "foaf": Namespace("http://xmlns.com/foaf/0.1/"),
    "oa": OA,
    "org": ORG,
    "owl": Namespace("http://www.w3.org/2002/07/owl#"),
    "prov": Namespace("http://www.w3.org/ns/prov#"),
    "rdf": Namespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    "rdfs": Namespace("http://www.w3.org/2000/01/rdf-schema#"),
    "schema": SCHEMA,
    "sh": SH,
    "sinorus": SINORUS,
    "skos": Namespace("http://www.w3.org/2004/02/skos/core#"),
    "sr": SR,
    "time": Namespace("http://www.w3.org/2006/time#"),
    "vann": VANN,
    "void": VOID,
    "xsd": Namespace("http://www.w3.org/2001/XMLSchema#"),
}

# --- Release settings (change these, not the clock, to make a new release) ----
RELEASE = {
    "version": "1.0.0",
    "issued": "2026-11-23",
    "modified": "2026-11-23",
    "title": "sinorus: the Sino-Russian high-tech partnership as linked open data",
    "description": (
        "The organisations, people, places, forums, funds, parks, agreements, products and "
        "technology areas named in ASPI's 2019 policy brief 'A new Sino-Russian high-tech "
        "partnership' (Samuel Bendett and Elsa B. Kania), with every fact traced to a claim "
        "that quotes the report's exact words and cites its footnote."
    ),
    "license": "https://creativecommons.org/licenses/by/4.0/",
}
