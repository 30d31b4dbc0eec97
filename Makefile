# Codewijzer. Quick start: `make serve` (set up, build, serve) and `make test` (set up, run every test).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8000
PIP_VERSION := 26.3
PIP_TOOLS_VERSION := 7.6.2
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true

.PHONY: setup lock npm build serve test browser nginx engines bench clean new-code verschil

## setup: create .venv with the pinned build and test dependencies (re-run when the pins change)
setup: $(VENV)/.installed

# Every file pip installs is checked against its hash in requirements.lock (as npm ci does with
# package-lock.json); pip itself is in the lock too.
$(VENV)/.installed: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip check --disable-pip-version-check >/dev/null
	touch $@

## lock: rewrite requirements.lock with hashes after a pin in pyproject.toml changed (keeps every
##       other version as it is in the lock; pip-tools runs in its own venv, not in .venv)
LOCK_VENV := .cache/lock-venv
lock:
	$(PYTHON) -m venv $(LOCK_VENV)
	$(LOCK_VENV)/bin/python -m pip install --quiet --disable-pip-version-check pip==$(PIP_VERSION) pip-tools==$(PIP_TOOLS_VERSION)
	$(PYTHON) -c 'import tomllib; g = tomllib.load(open("pyproject.toml", "rb"))["dependency-groups"]; \
		print("pip==$(PIP_VERSION)", *(r for r in g["build"] + g["test"] if isinstance(r, str)), sep="\n")' \
		| $(LOCK_VENV)/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
		  --no-emit-index-url --no-emit-find-links --annotation-style=line --output-file=requirements.lock -

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
		$(BIN)/properdocs build --strict -f mkdocs.yml

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

## engines: Firefox ESR, WebKitGTK (WebKitWebDriver, MiniBrowser and its print path) and Xvfb for the
##          engine smoke set (Debian's, when root; elsewhere Playwright's own: playwright install firefox webkit)
ENGINE_FILES := /usr/bin/firefox-esr /usr/bin/WebKitWebDriver /usr/bin/Xvfb
engines:
	@if ls $(ENGINE_FILES) /usr/lib/*/girepository-1.0/WebKit2-4.1.typelib >/dev/null 2>&1; then :; \
	elif command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq firefox-esr webkit2gtk-driver \
			xvfb gir1.2-webkit2-4.1 python3-gi >/dev/null; \
	else echo "LET OP: Firefox ESR/WebKitGTK ontbreken en kunnen hier niet worden geinstalleerd; zonder Playwright's eigen firefox en webkit worden die tests overgeslagen."; fi

## test: set up, build, and run every test
test: build browser nginx engines
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
