# Levensloop — see README.md. `make run` serves a demo on SQLite; `make test` runs the suite.
VENV := .venv
BIN := $(VENV)/bin
PYTHON ?= python3

.PHONY: run test install bench clean vendor chromium spiff-corpus

$(BIN)/levensloop: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

VENDOR := api/static/vendor

# Browser assets from the committed package-lock.json; built files are not committed.
$(VENDOR)/.stamp: package.json package-lock.json $(wildcard api/static/src/*.js api/static/src/*/*.js)
	npm ci --no-audit --no-fund
	mkdir -p $(VENDOR)
	cp node_modules/bpmn-js/dist/bpmn-navigated-viewer.production.min.js $(VENDOR)/
	cp -R node_modules/bpmn-js/dist/assets/. $(VENDOR)/
	cp -R node_modules/dmn-js/dist/assets/dmn-font $(VENDOR)/
	node_modules/.bin/esbuild api/static/src/*.js --bundle --minify --format=iife --target=es2020 --outdir=$(VENDOR) --log-level=warning
	touch $@

vendor: $(VENDOR)/.stamp

# Debian's Chromium for the browser tests (tests/browser fails without it unless LEVENSLOOP_BROWSER_TESTS=skip).
chromium:
	@test -x /usr/bin/chromium || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && apt-get update -qq && apt-get install -y -qq chromium; } || { echo "Debian's chromium is missing and could not be installed (run as root, or apt-get install chromium)"; exit 1; }

install: $(BIN)/levensloop vendor chromium

# Demo mode: random per-installation keys are created once under instance/secrets.json (git-ignored).
run: export LEVENSLOOP_MODE = demo
run: install
	$(BIN)/levensloop db upgrade
	$(BIN)/levensloop demo
	$(BIN)/levensloop serve --scheduler

test: install
	$(BIN)/pytest

# SpiffWorkflow's own test models under compaction (needs a checkout: SPIFF_CORPUS=.../tests/SpiffWorkflow).
spiff-corpus: install
	SPIFF_CORPUS=$(SPIFF_CORPUS) $(BIN)/pytest tests/compaction/test_spiff_corpus.py -q

bench: install
	for script in bench/*.py; do $(BIN)/python $$script || exit 1; done

clean:
	rm -rf $(VENV) instance .pytest_cache
