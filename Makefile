# Two commands for a reader or contributor: `make serve` and `make test`.
# Both set up everything they need on first use (virtualenv, pinned Python and npm packages).

PYTHON   ?= python3
VENV     := .venv
BIN      := $(VENV)/bin
PY       := $(BIN)/python
STAMP_PY := $(VENV)/.installed
STAMP_JS := node_modules/.installed
WHEELS   := build/browser-wheels
STAMP_WH := $(WHEELS)/.installed
export NO_MKDOCS_2_WARNING := 1
# The widgets' pure helpers (tests/frontend/), in Node without a browser.
NODE_TEST := node --test $(wildcard tests/frontend/*.test.mjs tests/frontend/*/*.test.mjs)

.PHONY: help install serve build test test-fast lint system bench bench-quick figures screenshots clean

help:
	@echo "make serve   set up, build and serve the site at http://127.0.0.1:8000 (live reload)"
	@echo "make test    set up and run the whole test suite, browser tests included"
	@echo "make test-fast  the tests that need no browser and no built site (pytest, node --test)"
	@echo "make build   write the static site to site/"
	@echo "make lint    ruff, mypy (engine, build, devtools), Biome (frontend/) and codespell"
	@echo "make bench   print the benchmark tables (make bench-quick: every section, smallest counts)"
	@echo "make figures regenerate the computed figures in docs/assets/figures/"
	@echo "make screenshots  every view and widget state, phone and desktop, light and dark"

# The pinned tools, then this repository's own packages (build, engine, devtools; see
# pyproject.toml), editable, so MkDocs finds the "guide" plugin and nothing patches sys.path.
$(STAMP_PY): requirements.txt pyproject.toml
	@test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	$(PY) -m pip install --quiet --no-deps --no-build-isolation --editable .
	@touch $@

$(STAMP_JS): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

$(STAMP_WH): requirements-browser.txt $(STAMP_PY)
	rm -rf $(WHEELS)
	$(PY) -m pip download --quiet --no-deps --only-binary=:all: --require-hashes \
		-r requirements-browser.txt -d $(WHEELS)
	@touch $@

install: $(STAMP_PY) $(STAMP_JS) $(STAMP_WH)

build: install
	$(BIN)/mkdocs build --strict

serve: install
	$(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:8000

system:
	@$(PY) -m devtools.system --ensure

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	node_modules/.bin/biome lint
	$(BIN)/codespell quiz_data docs CONTRIBUTING.md README.md

# Two workers: the tests that need the built site run on one (see tests/conftest.py).
test: install system lint
	$(NODE_TEST)
	$(BIN)/pytest -n 2

# For quick local loops: the bank, rendering, engine and build-step tests, and the unit
# tests of the widgets' pure helpers (plain Node, no npm package). No browser, no site
# build; `make test` stays the full gate that CI runs.
test-fast: $(STAMP_PY)
	$(NODE_TEST)
	$(BIN)/pytest -q -m "not browser and not node and not site"

bench: install system
	$(PY) -m benchmarks.run $(BENCH_ARGS)

# Every section once with the smallest counts: checks the bench runs, numbers too noisy to quote.
bench-quick: install system
	$(PY) -m benchmarks.run --quick $(BENCH_ARGS)

figures: install
	$(PY) -m figures

# Every view and widget state, phone and desktop, light and dark: build/screenshots/index.html
screenshots: install system
	$(PY) -m devtools.screenshots

clean:
	rm -rf site build .pytest_cache
