# Kuntajako: `make demo` runs the portal with demo data on SQLite; `make test` runs every test.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/kuntajako
PYTEST_ARGS ?=
# e.g. BENCH_ARGS="--solutions 100000" (the benchmark database is BENCH_DATABASE_URL or kuntajako_bench)
BENCH_ARGS ?=
# The Nu HTML Checker, from the npm registry, kept inside the virtual environment.
VNU_VERSION := 26.9.27
VNU := $(VENV)/node/node_modules/vnu-jar/build/dist/vnu.jar


.PHONY: checkers install compile demo run data test test-postgres test-sqlite lint format messages bench loadtest faults check-deploy backup restore clean

$(VENV)/.installed: requirements.txt requirements-dev.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements.txt -r requirements-dev.txt
	@touch $@

install: $(VENV)/.installed

# Compiled translations are build output, made from the committed .po files.
compile: install
	@.ci/system-packages
	@DEBUG=true $(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules -v 0

data: compile
	DEBUG=true $(PY) manage.py migrate --noinput -v 0
	DEBUG=true $(PY) manage.py load_municipalities
	DEBUG=true $(PY) manage.py load_vocabularies
	@# The demo's own set-up mails nobody: its messages would look like errors before the server starts.
	DEBUG=true EMAIL_BACKEND=django.core.mail.backends.dummy.EmailBackend $(PY) manage.py seed_demo
	DEBUG=true EMAIL_BACKEND=django.core.mail.backends.dummy.EmailBackend $(PY) manage.py seed_demo_accounts

demo: data run

run:
	@echo "Kuntajako is at http://127.0.0.1:8000 (Ctrl-C stops it)"
	DEBUG=true $(PY) manage.py runserver 127.0.0.1:8000

$(VNU): | install
	@npm install --silent --no-audit --no-fund --prefix $(VENV)/node vnu-jar@$(VNU_VERSION) \
		|| echo "Could not install the Nu HTML Checker; the HTML validity tests will be skipped." >&2

checkers: compile
	@.ci/system-packages browser
	@command -v npm >/dev/null && $(MAKE) --no-print-directory $(VNU) || true

test: checkers lint
	@if DATABASE_URL=$(TEST_DATABASE_URL) PYTHON=$(PY) .ci/postgres; then \
	    $(MAKE) --no-print-directory test-postgres; \
	elif [ "$${CI:-}" = "true" ]; then \
	    echo "PostgreSQL does not answer at $(TEST_DATABASE_URL): CI needs it." >&2; exit 1; \
	else \
	    echo "PostgreSQL does not answer at $(TEST_DATABASE_URL): running only the SQLite part." \
	         "Set TEST_DATABASE_URL to a PostgreSQL server to run the whole suite." >&2; \
	fi
	@$(MAKE) --no-print-directory test-sqlite

test-postgres: compile
	@echo "== Whole test suite on PostgreSQL =="
	DATABASE_URL=$(TEST_DATABASE_URL) $(PY) -m pytest -n 2 $(PYTEST_ARGS)

test-sqlite: compile
	@echo "== Smoke run on SQLite =="
	DATABASE_URL=sqlite:///:memory: $(PY) -m pytest -n 2 -m "not postgres_only" $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# Refresh the message catalogues after changing user-facing text; then translate the new entries.
messages: install
	DEBUG=true $(PY) manage.py makemessages -l fi -l sv -l en --ignore=.venv --ignore=tests --no-obsolete

check-deploy: install
	DEBUG=false SECRET_KEY=$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))') \
	    ALLOWED_HOSTS=kuntajako.example $(PY) manage.py check --deploy --fail-level WARNING

bench: compile
	@.ci/system-packages load
	@DATABASE_URL=$(TEST_DATABASE_URL) PYTHON=$(PY) .ci/postgres || { echo "The benchmark needs PostgreSQL." >&2; exit 1; }
	$(PY) tests/benchmarks/catalogue.py $(BENCH_ARGS)
	@# The same database through gunicorn, next to a hello world through the same server.
	$(PY) tests/benchmarks/throughput.py $(BENCH_ARGS)

# Back up the database and the attachments of the site that the environment configures (DATABASE_URL,
# ATTACHMENT_STORAGE…; for the demo, DEBUG=true) into a new folder under backups/, or into BACKUP=…;
# restore one into an empty database and storage with `make restore BACKUP=backups/…`.
backup: install
	$(PY) manage.py backup_site $(or $(BACKUP),backups/$(shell date -u +%Y%m%dT%H%M%SZ))

restore: install
	@test -n "$(BACKUP)" || { echo "Name the backup folder: make restore BACKUP=backups/…" >&2; exit 1; }
	$(PY) manage.py restore_site $(BACKUP)
# Load and fault scripts (not tests: they print figures for docs/operations.md). Loopback only; wrk
# and redis-server come from Debian. LOAD_REDIS_URL=redis://127.0.0.1:6379/5 puts the cache in Redis.
LOAD_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/kuntajako_load

loadtest: compile
	@.ci/system-packages load
	@DATABASE_URL=$(LOAD_DATABASE_URL) PYTHON=$(PY) .ci/postgres || { echo "The load test needs PostgreSQL." >&2; exit 1; }
	LOAD_DATABASE_URL=$(LOAD_DATABASE_URL) $(PY) tests/load/loadtest.py

# Starts its own PostgreSQL cluster, Redis and SMTP server on spare loopback ports, so restarting them disturbs
# nobody else on the machine.
faults: compile
	@.ci/system-packages load
	$(PY) tests/load/faults.py

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles
