# Kennisbank Wijkgericht Werken — alle set-up loopt via deze Makefile.
#   make site   virtualenv + installatie, inhoud controleren, site bouwen in site/
#   make test   installeert ook de testhulpmiddelen en draait ruff, mypy en pytest
#   make serve  live voorbeeld op http://127.0.0.1:8000 (herbouwt bij elke wijziging)
#   make check  alleen de inhoud controleren
#   make linkcheck  de links in de gebouwde site controleren (offline, met LinkChecker)
#   make hooks  de controles ook bij elke git commit laten draaien (pre-commit)
#   make properdocs / make zensical  dezelfde site in site/ met een andere bouwer (README)
#   make preview  een voorbeeld in voorbeeld/ dat vanaf schijf opent, met de meldingen erin
#   make distclean  ook .venv weg (bijvoorbeeld na een poging met een te oude Python)

PYTHON ?= python3
# uv (https://docs.astral.sh/uv/) installeert zelf een Python 3.11 als $(PYTHON) te oud is.
UV     ?= $(shell command -v uv 2>/dev/null)
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1:8000
export NO_MKDOCS_2_WARNING := 1

LINKCHECK_FLAGS ?=

.PHONY: site test serve check generate bench clean distclean install linkcheck hooks properdocs zensical preview search-eval

NEW_ENOUGH := import sys; sys.exit(sys.version_info < (3, 11))

# Python 3.11 of nieuwer: die van de machine, anders een van uv, anders één zin wat te doen.
$(BIN)/python:
	@if $(PYTHON) -c '$(NEW_ENOUGH)' 2>/dev/null; then \
		$(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); exit 1; }; \
	elif [ -n "$(UV)" ]; then \
		echo "$(PYTHON) is ouder dan 3.11; uv zet Python 3.11 in $(VENV)."; \
		$(UV) venv --quiet --seed --python 3.11 $(VENV) || { rm -rf $(VENV); exit 1; }; \
	else \
		echo "De kennisbank heeft Python 3.11 of nieuwer nodig en '$(PYTHON)' is ouder of ontbreekt: installeer Python 3.12 (python.org/downloads, 'brew install python@3.12' of 'sudo apt install python3.12-venv') of uv (docs.astral.sh/uv) en draai het commando opnieuw." >&2; \
		exit 1; \
	fi
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	@$(BIN)/python -c '$(NEW_ENOUGH)' || { echo "$(VENV) is gemaakt met een Python ouder dan 3.11: draai 'make distclean' en daarna opnieuw dit commando." >&2; exit 1; }
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

# Een voorbeeld zoals `make serve` het toont (meldingen op de pagina's en op meldingen/, ook
# bij fouten), met adressen als …/index.html zodat het vanaf schijf opent: voor pull requests.
preview: $(VENV)/.installed
	KENNISBANK_VOORBEELD=1 $(BIN)/mkdocs build --quiet --no-directory-urls --site-dir voorbeeld
	@echo "Open $(CURDIR)/voorbeeld/index.html in je browser; de meldingen staan op meldingen/index.html."

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
	rm -rf site voorbeeld generated build/zensical .cache .pytest_cache .mypy_cache .ruff_cache

distclean: clean
	rm -rf $(VENV)
