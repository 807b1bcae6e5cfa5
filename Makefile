# Two commands on a fresh machine:
#   make run   set everything up, fill the demo store if there is none, start the app
#   make test  set everything up and run the whole test suite (lint, unit, app, browser)
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
DB ?= data/factcheck.duckdb
PORT ?= 8501

.PHONY: setup run test lint format bench browser demo-store

setup: $(VENV)/.installed

$(VENV)/.installed: requirements.txt requirements-dev.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt -r requirements-dev.txt
	# The project itself, editable: `python -m factcheck` from any folder, and spaCy finds the
	# numeric_claims component through its entry point.
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

# Debian's Chromium for the browser tests (Playwright cannot download its own browser here).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium; \
	  else echo "browser tests need Debian's chromium: sudo apt-get install chromium" >&2; exit 1; fi; }

demo-store: setup
	@if [ ! -f "$(DB)" ]; then FACTCHECK_DB="$(DB)" $(PY) -m factcheck demo --official; fi

run: demo-store
	FACTCHECK_DB="$(DB)" $(PY) -m streamlit run streamlit_app.py --server.port $(PORT) --server.headless true

lint: setup
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy

format: setup
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .

test: setup browser lint
	$(PY) -m pytest

# Benchmarks print their figures; they are not tests (minutes, not seconds).
BENCHES := claims_accuracy claims_peers claims_throughput poll_throughput recheck check_script \
	verify_accuracy app_pages import_incidents arithmetic_accuracy threads_pairs upload_memory \
	concurrency_load
bench: setup
	for b in $(BENCHES); do echo "== bench/$$b.py"; $(PY) bench/$$b.py || exit 1; done
