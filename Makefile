# Two commands on a fresh machine: `make run` and `make test` (see README.md).
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
INSTALLED := $(VENV)/.installed
CHROMIUM := /usr/bin/chromium

.PHONY: run test lint install migrate chromium db-stop bench-search

$(INSTALLED): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

install: $(INSTALLED)

migrate: install
	$(MANAGE) migrate --noinput
	$(MANAGE) createcachetable

run: migrate
	$(MANAGE) load_demo
	$(MANAGE) collectstatic --noinput --verbosity 0
	$(MANAGE) runserver 127.0.0.1:8000

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

chromium:
	@if [ ! -x $(CHROMIUM) ]; then \
	  if [ "$$(id -u)" = "0" ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else \
	    echo "Chromium is missing for the browser tests. Run: sudo apt-get install -y chromium"; exit 1; \
	  fi; \
	fi

test: lint chromium
	$(BIN)/pytest -n 2

db-stop: install
	$(BIN)/python -m cms.embedded_db stop

# Search benchmark in its own database (lesbases_bench, kept for the next run; see bench/search.py).
bench-search: install
	$(BIN)/python bench/search.py
