# The verbs a newcomer and CI use. `make run` and `make test` do everything they need first.
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000
PYTHON ?= python3

.PHONY: install messages demo run test test-pg test-browser lint format makemessages bench bench-load node

install: $(VENV)/.installed messages node

$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements-dev.txt
	touch $@

# The Nu Html Checker and axe-core for tests/browser (package.json). Without npm the
# HTML and accessibility checks skip and say so; CI (.ci/run) always has them.
node:
	@if command -v npm >/dev/null; then $(MAKE) -s node_modules/.installed; \
	else echo "npm not found: the HTML and accessibility checks will be skipped (apt-get install npm)"; fi

node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

# Compiled catalogs are build output: never committed, always made here.
messages: $(VENV)/.installed
	@command -v msgfmt >/dev/null || { echo "msgfmt is missing: install gettext (apt-get install gettext)"; exit 1; }
	$(PY) manage.py compilemessages -v0 --ignore=$(VENV) --ignore=node_modules

# Idempotent: migrate, countries, demo releases and a development-only superuser.
demo: install
	$(PY) manage.py migrate --noinput -v0
	$(PY) manage.py load_demo_data --with-superuser

run: demo
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

# In parallel (pytest-xdist), one worker per core unless TEST_WORKERS says otherwise (0: one
# process). Each worker has its own test database (pytest-django suffixes its name), live
# server and Chromium. Whole files go to one worker (loadfile): the no-leaks crawl, the demo
# data and the permission matrix's world are module-scoped and would be built once per
# worker that ran part of their file.
TEST_WORKERS ?= auto
PYTEST_PARALLEL = -n $(TEST_WORKERS) --dist loadfile

test: install
	$(PY) -m pytest $(PYTEST_PARALLEL)

# Only the Chromium tests (journeys, Nu Html Checker, axe); screenshots in test-artifacts/.
test-browser: install
	$(PY) -m pytest -m browser $(PYTEST_PARALLEL)

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.installed
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Refresh our own catalogs after changing strings (locale/django holds Django's, see its README).
makemessages: $(VENV)/.installed
	$(PY) manage.py makemessages -l uz -l uz_Cyrl -l ru -l en --no-obsolete --ignore=$(VENV) --ignore=locale --ignore=bench --ignore=tests
	$(PY) manage.py makemessages -d djangojs -l uz -l uz_Cyrl -l ru -l en --no-obsolete --ignore=$(VENV) --ignore=node_modules --ignore=static/vendor --ignore=staticfiles --ignore=locale --ignore=bench --ignore=tests --ignore=test-artifacts

# Page and search timings at volume (bench/README.md). Needs DATABASE_URL naming a database
# of its own, e.g. postgres://postgres@127.0.0.1:5432/press_bench (createdb it first): fills
# it with BENCH_COUNT generated releases if it has none, then writes bench/results/pages-*
# and search-<vendor>.* and prints the page table with its targets.
BENCH_COUNT ?= 100000
bench: install
	@test -n "$$DATABASE_URL" || { echo "Set DATABASE_URL to a bench database: see bench/README.md"; exit 1; }
	$(PY) manage.py migrate --noinput -v0
	$(PY) manage.py generate_releases --if-empty --count $(BENCH_COUNT)
	$(PY) bench/search.py
	$(PY) bench/pages.py

# wrk against gunicorn + PostgreSQL + Redis on 127.0.0.1 (about a minute): bench/results/load.*
# Needs wrk (apt-get install wrk), DATABASE_URL as above and REDIS_URL.
bench-load: install
	@test -n "$$DATABASE_URL" -a -n "$$REDIS_URL" || { echo "Set DATABASE_URL and REDIS_URL: see bench/README.md"; exit 1; }
	$(PY) bench/load.py
