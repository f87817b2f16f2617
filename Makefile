# Two commands on a fresh machine: `make run` and `make test` (see README.md).
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
INSTALLED := $(VENV)/.installed
CHROMIUM := /usr/bin/chromium

.PHONY: run test test-fast lint install migrate services db-stop dsfr-chart bench-stats bench-labase-links bench-search bench-edge bench-load bench-import bench-opendata

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
	$(BIN)/lint-imports

# Services the tests start themselves, from Debian when missing: chromium (browser tests), redis-server,
# varnish (the edge, tests/ops/test_edge_topology.py).
DEBIAN_PACKAGES := chromium:$(CHROMIUM) redis-server:/usr/bin/redis-server varnish:/usr/sbin/varnishd

services:
	@for entry in $(DEBIAN_PACKAGES); do \
	  package=$${entry%%:*}; program=$${entry#*:}; \
	  if [ ! -x $$program ]; then \
	    if [ "$$(id -u)" = "0" ]; then \
	      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$package >/dev/null; \
	    else \
	      echo "$$package is missing for the tests. Run: sudo apt-get install -y $$package"; exit 1; \
	    fi; \
	  fi; \
	done

test: lint services
	$(BIN)/pytest -n 2 --dist loadfile --no-loadscope-reorder

# For local work: everything but the browser journeys (marked e2e).
test-fast: lint services
	$(BIN)/pytest -n 2 --dist loadfile --no-loadscope-reorder -m "not e2e"

db-stop: install
	$(BIN)/python -m cms.embedded_db stop

# The State's chart components, vendored (committed) so that neither CI nor deployment needs npm.
# Change the pinned version here, run `make dsfr-chart`, and commit stats/static/stats/dsfr-chart/.
DSFR_CHART_VERSION := 2.0.4
DSFR_CHART_DIR := stats/static/stats/dsfr-chart

dsfr-chart:
	rm -rf .dsfr-chart && mkdir .dsfr-chart
	cd .dsfr-chart && npm pack --silent @gouvfr/dsfr-chart@$(DSFR_CHART_VERSION) && tar xzf gouvfr-dsfr-chart-$(DSFR_CHART_VERSION).tgz
	cp .dsfr-chart/package/dist/DSFRChart/DSFRChart.js .dsfr-chart/package/dist/DSFRChart/DSFRChart.css .dsfr-chart/package/LICENSE $(DSFR_CHART_DIR)/
	echo "@gouvfr/dsfr-chart $(DSFR_CHART_VERSION)" > $(DSFR_CHART_DIR)/VERSION
	rm -rf .dsfr-chart

# Statistics page benchmark in its own database (lesbases_bench_stats, kept; see bench/stats.py).
bench-stats: install
	$(BIN)/python bench/stats.py

# La Base's old links and API at scale, in their own database (lesbases_bench_labase, kept; see
# bench/labase_links.py).
bench-labase-links: install
	$(BIN)/python bench/labase_links.py

# Search benchmark in its own database (lesbases_bench, kept for the next run; see bench/search.py);
# its figures, with and without each search mechanism, go to docs/performance.md.
bench-search: install
	$(BIN)/python bench/search.py --sans rangs vocabulaire --publier

# Open-data benchmark (bench/opendata.py): the export's time and the feeds' queries, in the search
# benchmark's database (RESOURCES=10000 for a smaller platform).
RESOURCES ?= 100000
bench-opendata: install
	$(BIN)/python bench/opendata.py --resources $(RESOURCES)

# La Base import benchmark (bench/labase_import.py): generates La Base's database (100k resources, 50k
# users, 500k contents, 1M views; SCALE=0.01 for a hundredth) and imports it twice in its own database.
SCALE ?= 1
bench-import: install
	$(BIN)/python bench/labase_import.py --scale $(SCALE)

# Page throughput with and without the edge, beside a static file and Sites Faciles (bench/edge.py);
# wrk from Debian.
bench-edge: install services
	@test -x /usr/bin/wrk || apt-get install -y -qq wrk >/dev/null
	$(BIN)/python bench/edge.py

# 50 users for 60 s through the edge, with locust (bench/load.py, bench/locustfile.py).
bench-load: install services
	$(BIN)/pip install --quiet -e '.[dev,bench]'
	$(BIN)/python bench/load.py
