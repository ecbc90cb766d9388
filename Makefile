# The project's commands. `make run` and `make test` work on a fresh clone: they
# create the virtual environment and install the pinned dependencies first.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
FIXTURES := fixtures/roles.json
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: help install run migrate loaddata test test-fast lint format serve bench lighthouse audit clean

help:
	@echo "make run         serve the site on http://$(HOST):$(PORT)/ with the seed role (SQLite)"
	@echo "make test        run the test suite (browser tests too when Chromium is installed)"
	@echo "make serve       gunicorn with production settings (needs DJANGO_SECRET_KEY etc.)"
	@echo "make bench       load-test the production stack and print the figures"
	@echo "make lighthouse  Lighthouse scores of the role page (needs Node and Chromium)"
	@echo "make lint        ruff and the template formatter, checking only"
	@echo "make format      ruff and the template formatter, rewriting files"

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip==25.3
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

migrate: install
	$(BIN)/python manage.py migrate --noinput

loaddata: migrate
	$(BIN)/python manage.py seed_content $(FIXTURES)

run: loaddata
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

# Each run gets its own cache namespace, so two runs sharing one Redis (CI next
# to a developer, two checkouts) never read or clear each other's keys.
test: install
	CACHE_KEY_PREFIX=careers-test-$$$$ $(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check templates

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml templates

# Production: DJANGO_DEBUG=false, DJANGO_SECRET_KEY and DJANGO_ALLOWED_HOSTS must be
# set (settings refuse to start otherwise). Run `make migrate` with the same
# environment before a release; serving never migrates by itself.
serve: install
	DJANGO_DEBUG=$${DJANGO_DEBUG:-false} $(BIN)/python manage.py check --deploy --fail-level WARNING
	DJANGO_DEBUG=$${DJANGO_DEBUG:-false} $(BIN)/python manage.py collectstatic --noinput --verbosity 0
	DJANGO_DEBUG=$${DJANGO_DEBUG:-false} $(BIN)/gunicorn --config config/gunicorn.conf.py

bench: install
	$(BIN)/python scripts/bench.py

lighthouse: install
	$(BIN)/python scripts/lighthouse.py

audit: install
	$(BIN)/python scripts/audit.py $(AUDIT_FLAGS)

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
