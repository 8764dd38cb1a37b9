# The verbs a newcomer and CI use. `make run` and `make test` do everything they need first.
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000
PYTHON ?= python3

.PHONY: install messages demo run test test-pg test-browser lint format lock makemessages bench bench-load bench-faults bench-alerts bench-peer bench-scale bench-plot node scale-demo

install: $(VENV)/.installed messages node

# requirements*.txt say what we need, requirements.lock at which exact versions.
$(VENV)/.installed: requirements.txt requirements-dev.txt requirements.lock
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements-dev.txt -c requirements.lock
	touch $@

# Pins every package, runtime and dev, for every platform. Run it after editing
# requirements*.txt (tests/test_project.py fails until the lock agrees); it keeps the other
# pins as they are. Newer versions within the ranges: make lock LOCK_ARGS=--upgrade
LOCK_ARGS ?=
lock: $(VENV)/bin/uv
	$(VENV)/bin/uv pip compile requirements-dev.txt -o requirements.lock --universal \
		--python-version 3.11 --custom-compile-command "make lock" --quiet $(LOCK_ARGS)

# Only uv, so that make lock works while requirements*.txt and the lock disagree.
$(VENV)/bin/uv:
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q -c requirements.lock uv

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

# Idempotent: migrate, countries, demo releases and a development-only superuser. The demo
# content and its command are in devdata/, which only the dev (manage.py's default), test and
# bench settings install.
demo: install
	$(PY) manage.py migrate --noinput -v0
	$(PY) manage.py load_demo_data --with-superuser
	$(PY) manage.py alerts_schedule

# The site and, beside it, a task worker (press/tasks.py: notification e-mails, Telegram
# posts), which stops with the server: Ctrl+C stops both, and the trap stops the worker when
# the server exits on its own. No reload for the worker: its reloader would leave its child
# running when killed; restart `make run` after changing a task. In production each runs as
# a service of its own (docs/deploy.md).
run: demo
	@$(PY) manage.py db_worker --no-reload --interval 1 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

# In parallel (pytest-xdist), one worker per core unless TEST_WORKERS says otherwise (0: one
# process). Each worker has its own test database (pytest-django suffixes its name), live
# server and Chromium. Whole files go to one worker (loadfile): the no-leaks crawl, the demo
# data and the permission matrix's world are module-scoped and would be built once per
# worker that ran part of their file.
TEST_WORKERS ?= auto
PYTEST_PARALLEL = -n $(TEST_WORKERS) --dist loadfile

# Compiled modules (and pytest's rewritten test modules) are written and reused between runs
# even where the environment sets PYTHONDONTWRITEBYTECODE: without them every worker compiles
# every module again on each run. __pycache__ is git-ignored.
test test-browser: export PYTHONDONTWRITEBYTECODE :=

test: install
	$(PY) -m pytest $(PYTEST_PARALLEL)

# Only the Chromium tests (journeys, Nu Html Checker, axe), with their screenshots in
# test-artifacts/ to look at (make test takes none: PNG encoding is time that checks nothing).
test-browser: install
	PRESS_SCREENSHOTS=1 $(PY) -m pytest -m browser $(PYTEST_PARALLEL)

# The checks .pre-commit-config.yaml runs before a commit, on every file: lint only looks,
# format rewrites. Python files are those git tracks or would track, migrations excepted.
PYTHON_FILES = git ls-files -z --cached --others --exclude-standard -- '*.py' ':!:*/migrations/*'
DJANGO_UPGRADE = $(VENV)/bin/django-upgrade --target-version 5.2
DJHTML = $(VENV)/bin/djhtml --tabwidth 2

lint: $(VENV)/.installed
	$(PYTHON_FILES) | xargs -0 $(DJANGO_UPGRADE) --check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(DJHTML) --check templates

format: $(VENV)/.installed
	$(PYTHON_FILES) | xargs -0 $(DJANGO_UPGRADE) --exit-zero-even-if-changed
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .
	$(DJHTML) templates

# Refresh our own catalogs after changing strings (locale/django holds Django's, see its README).
makemessages: $(VENV)/.installed
	$(PY) manage.py makemessages -l uz -l uz_Cyrl -l ru -l en --no-obsolete --ignore=$(VENV) --ignore=locale --ignore=bench --ignore=tests --ignore=devdata
	$(PY) manage.py makemessages -d djangojs -l uz -l uz_Cyrl -l ru -l en --no-obsolete --ignore=$(VENV) --ignore=node_modules --ignore=static/vendor --ignore=staticfiles --ignore=locale --ignore=bench --ignore=tests --ignore=devdata --ignore=test-artifacts

# Page and search timings at volume (bench/README.md). Needs DATABASE_URL naming a database
# of its own, e.g. postgres://postgres@127.0.0.1:5432/press_bench (createdb it first): fills
# it with BENCH_COUNT generated releases if it has none (devdata's generate_releases), then
# writes bench/results/pages-* and search-<vendor>.* and prints the page table with its targets.
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

# Our list, release and search pages against wagtail/bakerydemo's, back to back under the
# same gunicorn.conf.py, as ratios: bench/results/peer.*. PEER is a checkout of bakerydemo
# (cloned by you; the script sets it up in a venv beside it, <checkout>-venv, or PEER_VENV);
# needs wrk, DATABASE_URL, REDIS_URL and PEER_DATABASE_URL naming a database of its own.
bench-peer: install
	@test -n "$(PEER)" -a -n "$$DATABASE_URL" -a -n "$$REDIS_URL" -a -n "$$PEER_DATABASE_URL" || { echo "Set PEER=<bakerydemo checkout>, DATABASE_URL, REDIS_URL and PEER_DATABASE_URL: see bench/README.md"; exit 1; }
	$(PY) bench/peer.py $(PEER) $(if $(PEER_VENV),--peer-venv $(PEER_VENV))

# The scale-out topology of docs/deploy.md on this machine, from real parts on free ports in
# a temp dir: a PostgreSQL primary and streaming replica, Redis, an S3-compatible store (moto),
# two gunicorn app servers behind HAProxy. Publishes, reads, stops a server and the replica,
# and prints what it sees (about a minute); tests/scale/ asserts the same. Needs haproxy,
# redis-server and the PostgreSQL server binaries (PG_BIN, default the newest installed).
scale-demo: install
	$(PY) -m scale.demo

# The press list under ~200 requests/s for 60 s while a Redis of its own is killed for 10 s
# and a gunicorn worker is SIGKILLed: non-2xx and p99 before, during and after, in
# bench/results/faults-load.*. Needs wrk, redis-server and DATABASE_URL naming a PostgreSQL
# database of its own (the demo data is loaded into it).
bench-faults: install
	@test -n "$$DATABASE_URL" || { echo "Set DATABASE_URL: see bench/README.md"; exit 1; }
	$(PY) bench/faults_load.py

# 100,000 confirmed alert subscribers, one release matching half of them: seconds from the
# publish to the last message accepted by an aiosmtpd sink on loopback, and the sending
# process's peak memory, in bench/results/alerts.*. Needs DATABASE_URL naming a database of
# its own (its subscribers are replaced on every run).
bench-alerts: install
	@test -n "$$DATABASE_URL" || { echo "Set DATABASE_URL to a bench database: see bench/README.md"; exit 1; }
	$(PY) bench/alerts.py

# Flat cost (issue #21): the press list, a release, a country, an official, a selective search
# and the admin changelist (filtered, searched) at this database's size, with its table and
# index sizes, in bench/results/scale-<count>.*. Run it on a 100,000- and a 1,000,000-release
# database (generate_releases), then `make bench-plot` for bench/results/scale.png.
bench-scale: install
	@test -n "$$DATABASE_URL" || { echo "Set DATABASE_URL to a bench database: see bench/README.md"; exit 1; }
	$(PY) bench/scale.py

# matplotlib lives in a virtualenv of its own (bench/requirements.txt): the site never needs it.
BENCH_VENV ?= .venv-bench
bench-plot: $(BENCH_VENV)/.installed
	$(BENCH_VENV)/bin/python bench/plot.py

$(BENCH_VENV)/.installed: bench/requirements.txt
	test -d $(BENCH_VENV) || $(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/python -m pip install -q -r bench/requirements.txt
	touch $@
