# Codewijzer. Quick start: `make serve` (set up, build, serve) and `make test` (set up, run every test).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8000
PIP_VERSION := 26.3
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup npm build serve test browser nginx bench clean new-code verschil

## setup: create .venv with the pinned build and test dependencies (re-run when the pins change)
setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check pip==$(PIP_VERSION)
	$(BIN)/python -m pip install --quiet -c requirements.lock --group test
	touch $@

## npm: vendor the browser packages pinned in package-lock.json (Pyodide) into node_modules/
npm: node_modules/.installed

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

## build: write the static site to site/ (fails on any content error or broken link);
##        make build CODE=<organisatie> builds a site with only that code
##        make build SITE_URL=https://intranet.example.nl/code/ for a site at a known address
##        (fills the sitemap, so Material navigates between pages without reloading them)
##        make build CODE=<organisatie> HANDLEIDING=ja keeps the editors' guide in that site
##        (fails on open items of a new code: TODO:, "nog niet gecontroleerd", nog_aan_te_vullen)
build: setup npm
	CODEWIJZER_CODE=$(CODE) CODEWIJZER_HANDLEIDING=$(HANDLEIDING) CODEWIJZER_CONCEPT=$(CONCEPT) SITE_URL=$(SITE_URL) \
		$(BIN)/mkdocs build --strict

## serve: build and serve site/ on http://$(HOST):$(PORT)/ (override with make serve PORT=8080);
##        open items of a new code are shown as a banner on every page instead of failing the build
serve: SITE_URL = http://$(HOST):$(PORT)/
serve: CONCEPT = ja
serve: build
	$(BIN)/python -m build_scripts.serve --host $(HOST) --port $(PORT) --directory site

## browser: make sure a Chromium for the browser tests exists (Debian's, or Playwright's elsewhere)
browser: setup
	@if [ -x /usr/bin/chromium ]; then :; \
	elif command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else $(BIN)/playwright install chromium; fi

## nginx: the web server the deployment test runs deploy/nginx.conf with (Debian's, when root)
nginx:
	@if command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ]; then :; \
	elif command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx libnginx-mod-http-brotli-static >/dev/null; \
	else echo "LET OP: nginx ontbreekt en kan hier niet worden geinstalleerd; de nginx-test wordt overgeslagen."; fi

## test: set up, build, and run every test
test: build browser nginx
	$(BIN)/python -m pytest

## bench: measure start-up, answer latency, bytes, long tasks and build time (bench/README.md)
bench: build browser
	$(BIN)/python -m bench.run --site site

clean:
	rm -rf site .pytest_cache

## new-code: the skeleton of a new organisation's code: make new-code NAAM=gemeente-voorbeeld
##           optional: WEERGAVENAAM="Gemeente Voorbeeld" AFKORTING=gv (prefix of the example ids)
new-code: setup
	$(BIN)/python -m build_scripts.new_code "$(NAAM)" --weergavenaam "$(WEERGAVENAAM)" --afkorting "$(AFKORTING)"

## verschil: what this work tree changes in the checkers' verdicts compared with a git ref:
##           make verschil BASIS=origin/main (writes verschil.md; default BASIS=HEAD)
BASIS ?= HEAD
verschil: setup
	$(BIN)/python -m build_scripts.verdict_diff --basis "$(BASIS)" --uit verschil.md
