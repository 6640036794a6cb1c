# sinorus: the Sino-Russian high-tech partnership report as linked open data.
# `make help` lists the targets. Everything installs itself: Python packages into .venv,
# Debian packages (Chromium for page tests, Virtuoso for the dump-loading test) with apt.

# ---------------------------------------------------------------------------
# Settings (override on the command line: `make serve PORT=8080`)
# ---------------------------------------------------------------------------
PYTHON_SYSTEM ?= python3
VENV          ?= .venv
PY            := $(VENV)/bin/python
PORT          ?= 8000
SPARQL_PORT   ?= 7878
APT_PACKAGES  := chromium chromium-driver virtuoso-opensource
export PYTHONPATH := $(CURDIR)/build
export PYTHONHASHSEED := 0

.DEFAULT_GOAL := help
.PHONY: help install system-deps structure build serve test coverage sparql bench \
        ledger check-data clean

help: ## List the targets
	@grep -E '^[a-zA-Z_-]+:.*?## .*$$' $(MAKEFILE_LIST) | \
	  awk 'BEGIN {FS = ":.*?## "}; {printf "  make %-12s %s\n", $$1, $$2}'

# ---------------------------------------------------------------------------
# Set-up
# ---------------------------------------------------------------------------
$(VENV)/.installed: requirements.txt
	$(PYTHON_SYSTEM) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -r requirements.txt
	touch $@

install: $(VENV)/.installed ## Create .venv and install the pinned Python packages

system-deps: ## Install the Debian packages the tests need (Chromium, Virtuoso)
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

# ---------------------------------------------------------------------------
# Data editing helpers
# ---------------------------------------------------------------------------
structure: install ## Regenerate data/sources/*-structure.ttl from the pinned texts
	$(PY) -m sinorus.tools.structure

check-data: install ## Load and validate everything (no output written): for editors
	$(PY) -m sinorus check

ledger: build ## Append newly minted IRIs to uri-ledger.txt (never edit it by hand)
	$(PY) -m sinorus ledger --append

# ---------------------------------------------------------------------------
# Build and publish
# ---------------------------------------------------------------------------
build: install ## Validate, then publish dist/ (pages, per-entity RDF, dumps, VoID)
	$(PY) -m sinorus build

serve: build ## Build, then serve dist/ with content negotiation and /sparql on 127.0.0.1:$(PORT)
	$(PY) -m sinorus serve --port $(PORT)

sparql: build ## Start the Oxigraph SPARQL server (read-only) on the dump, 127.0.0.1:$(SPARQL_PORT)
	$(PY) -m sinorus sparql-server --port $(SPARQL_PORT)

coverage: build ## Report footnotes cited, claims by kind and section, entities by type (reads the dump)
	$(PY) -m sinorus coverage

# ---------------------------------------------------------------------------
# Tests and benchmarks
# ---------------------------------------------------------------------------
test: install system-deps ## Run every test (unit, shapes, build, server, SPARQL, pages)
	$(PY) -m pytest

bench: build ## Measure build time and SPARQL query latency on both endpoints
	$(PY) -m sinorus bench

clean: ## Remove dist/ and .venv
	rm -rf dist .stage $(VENV)
