# policyqa: two commands on a fresh machine -- `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000
# one serving process per core (each loads the index once; they share the port)
WORKERS ?= $(shell nproc 2>/dev/null || echo 1)

.PHONY: install run test lint bench eval index clean system-deps

$(STAMP): pyproject.toml constraints.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	# torch first and pinned: an unpinned torch pulls a multi-GB CUDA build
	$(PY) -m pip install --quiet torch==2.13.0
	$(PY) -m pip install --quiet -c constraints.txt -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP)

## Set up and serve the UI + API on http://$(HOST):$(PORT) with $(WORKERS) workers (builds the index first if there is none).
run: install
	$(VENV)/bin/policyqa serve --host $(HOST) --port $(PORT) --workers $(WORKERS)

## Set up and run lint, types and the whole test suite (browser tests included).
test: install system-deps
	$(PY) -m ruff check .
	$(PY) -m mypy
	$(PY) -m pytest

lint: install
	$(PY) -m ruff check . && $(PY) -m ruff format --check . && $(PY) -m mypy

index: install
	$(VENV)/bin/policyqa index build

## Eval report, baselines, build and load benchmarks (8 clients; 1 and 2 workers side by side) -> evals/reports/
bench: install
	$(VENV)/bin/policyqa eval --bench --out evals/reports

eval: install
	$(VENV)/bin/policyqa eval --out evals/reports

# Debian's Chromium and a CJK font for the browser tests (never a downloaded browser), and Debian's
# PostgreSQL server for the feedback tests (the tests start their own throwaway cluster on 127.0.0.1).
SYSTEM_PACKAGES := chromium fonts-wqy-microhei postgresql
system-deps:
	@if [ ! -x /usr/bin/chromium ] || [ ! -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] \
	    || ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then \
	  echo "installing Debian $(SYSTEM_PACKAGES) for the browser and database tests"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get install -y --no-install-recommends $(SYSTEM_PACKAGES) >/dev/null 2>&1 \
	  || { $$SUDO apt-get update >/dev/null && $$SUDO apt-get install -y --no-install-recommends $(SYSTEM_PACKAGES) >/dev/null; }; \
	fi

clean:
	rm -rf $(VENV) data .mypy_cache .ruff_cache .pytest_cache
