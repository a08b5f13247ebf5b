# Kennisbank Wijkgericht Werken — alle set-up loopt via deze Makefile.
#   make site   virtualenv + installatie, inhoud controleren, site bouwen in site/
#   make test   installeert ook de testhulpmiddelen en draait ruff, mypy en pytest
#   make serve  live voorbeeld op http://127.0.0.1:8000 (herbouwt bij elke wijziging)
#   make check  alleen de inhoud controleren
#   make linkcheck  de links in de gebouwde site controleren (offline, met LinkChecker)
#   make hooks  de controles ook bij elke git commit laten draaien (pre-commit)
#   make properdocs / make zensical  dezelfde site in site/ met een andere bouwer (README)

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1:8000
export NO_MKDOCS_2_WARNING := 1

LINKCHECK_FLAGS ?=

.PHONY: site test serve check generate bench clean install linkcheck hooks properdocs zensical search-eval

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --editable .
	@touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/python -m pip install --quiet --editable '.[test]'
	@touch $@

# Playwright for the browser tests; it drives Debian's Chromium (no `playwright install`).
$(VENV)/.installed-browser: pyproject.toml $(VENV)/.installed
	$(BIN)/python -m pip install --quiet --editable '.[browser]'
	@test -x /usr/bin/chromium || apt-get install -y chromium || (apt-get update && apt-get install -y chromium)
	@touch $@

$(VENV)/.installed-links: pyproject.toml $(VENV)/.installed
	$(BIN)/python -m pip install --quiet --editable '.[links]'
	@touch $@

$(VENV)/.installed-engines: pyproject.toml $(VENV)/.installed
	$(BIN)/python -m pip install --quiet --editable '.[engines]'
	@touch $@

install: $(VENV)/.installed

check: $(VENV)/.installed
	$(BIN)/kennisbank check

# The build runs the same checks as `make check` and prints them; an error stops it.
site: $(VENV)/.installed
	$(BIN)/mkdocs build --strict
	@echo ""
	@echo "De site staat in $(CURDIR)/site/"
	@echo "Bekijk hem met 'make serve' en open dan http://$(HOST)/"

serve: $(VENV)/.installed
	$(BIN)/mkdocs serve --dev-addr $(HOST)

linkcheck: site $(VENV)/.installed-links
	$(BIN)/linkchecker --config scripts/linkcheckerrc --no-status $(LINKCHECK_FLAGS) site/index.html

hooks: $(VENV)/.installed-test
	$(BIN)/pre-commit install

# Andere bouwers (README, "Andere bouwers"). ProperDocs draait de plugin zoals MkDocs;
# Zensical draait geen plugins, dus eerst de pagina's als bestanden naast docs/.
properdocs: check $(VENV)/.installed-engines
	$(BIN)/properdocs build --strict --quiet -f mkdocs.yml

ZENSICAL_DOCS := build/zensical/docs

zensical: check $(VENV)/.installed-engines
	rm -rf build/zensical site
	mkdir -p build/zensical
	cp -R docs $(ZENSICAL_DOCS)
	$(BIN)/kennisbank generate $(ZENSICAL_DOCS)
	$(BIN)/zensical build --clean --strict -f zensical.yml

generate: $(VENV)/.installed
	$(BIN)/kennisbank generate generated/

# Zoeken meten (README, "Zoeken"): recall@5 en MRR van de zoekvragen in scripts/search_queries.yaml
# op de gebouwde site, in Chromium.
search-eval: site $(VENV)/.installed-browser
	$(BIN)/python scripts/search_eval.py --site site

# Benchmarks (not part of the tests): APA formatting against mkdocs-bibtex, the build, and
# the real content built by MkDocs, ProperDocs and Zensical (every page present in each).
bench: $(VENV)/.installed $(VENV)/.installed-engines
	$(BIN)/pip install --quiet -e '.[bench]'
	$(BIN)/python scripts/bench_bibliography.py
	$(BIN)/python scripts/bench_build.py
	$(BIN)/python scripts/bench_engines.py

test: $(VENV)/.installed-test $(VENV)/.installed-engines $(VENV)/.installed-browser
	$(BIN)/ruff check src tests scripts
	$(BIN)/ruff format --check src tests scripts
	$(BIN)/mypy
	$(BIN)/actionlint
	$(BIN)/pre-commit validate-config .pre-commit-config.yaml
	$(BIN)/python -m pytest

clean:
	rm -rf site generated build/zensical .cache .pytest_cache .mypy_cache .ruff_cache
