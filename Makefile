# Kennisbank Wijkgericht Werken — alle set-up loopt via deze Makefile.
#   make site   virtualenv + installatie, inhoud controleren, site bouwen in site/
#   make test   installeert ook de testhulpmiddelen en draait ruff, mypy en pytest
#   make serve  live voorbeeld op http://127.0.0.1:8000 (herbouwt bij elke wijziging)

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1:8000
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test serve check generate bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --editable .
	@touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/python -m pip install --quiet --editable '.[test]'
	@touch $@

check: $(VENV)/.installed
	$(BIN)/kennisbank check

site: check
	$(BIN)/mkdocs build --strict --quiet
	@echo ""
	@echo "De site staat in $(CURDIR)/site/"
	@echo "Bekijk hem met 'make serve' en open dan http://$(HOST)/"

serve: $(VENV)/.installed
	$(BIN)/mkdocs serve --dev-addr $(HOST)

generate: $(VENV)/.installed
	$(BIN)/kennisbank generate generated/

# Benchmarks (not part of the tests): APA formatting against mkdocs-bibtex, and the build.
bench: $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[bench]'
	$(BIN)/python scripts/bench_bibliography.py
	$(BIN)/python scripts/bench_build.py

test: $(VENV)/.installed-test
	$(BIN)/ruff check src tests scripts
	$(BIN)/ruff format --check src tests scripts
	$(BIN)/mypy
	$(BIN)/python -m pytest

clean:
	rm -rf site generated .pytest_cache .mypy_cache .ruff_cache
