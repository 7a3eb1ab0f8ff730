# Levensloop — see README.md. `make run` serves a demo on SQLite; `make test` runs the suite.
VENV := .venv
BIN := $(VENV)/bin
PYTHON ?= python3

.PHONY: run test install bench clean vendor chromium

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
	node_modules/.bin/esbuild api/static/src/*.js --bundle --minify --format=iife --target=es2020 --outdir=$(VENDOR) --log-level=warning
	touch $@

vendor: $(VENDOR)/.stamp

# Debian's Chromium for the browser tests (tests/browser skip when it is missing).
chromium:
	@test -x /usr/bin/chromium || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && apt-get update -qq && apt-get install -y -qq chromium; } || echo "chromium missing: browser tests will be skipped"

install: $(BIN)/levensloop vendor chromium

# Demo mode: random per-installation keys are created once under instance/secrets.json (git-ignored).
run: export LEVENSLOOP_MODE = demo
run: install
	$(BIN)/levensloop db upgrade
	$(BIN)/levensloop demo
	$(BIN)/levensloop serve --scheduler

test: install
	$(BIN)/pytest

bench: install
	for script in bench/*.py; do $(BIN)/python $$script || exit 1; done

clean:
	rm -rf $(VENV) instance .pytest_cache
