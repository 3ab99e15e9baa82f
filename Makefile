# The two commands: `make run` (set up and start with demo data) and `make test`.
PYTHON ?= python3
UV_VERSION := 0.13.8
VENV := .venv
UV := .tools/bin/uv
MANAGE := $(VENV)/bin/python manage.py
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)

.PHONY: run test install bench lint format messages clean

$(UV):
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet "uv==$(UV_VERSION)"

install: $(UV)
	$(UV) sync --locked --python $(PYTHON)

## Set up, migrate, load demo content once, start web server and task worker.
run: install
	bash scripts/run-dev.sh

## Set up and run the whole test suite (unit, integration and browser tests).
test: install
	bash scripts/ensure-chromium.sh
	bash scripts/ensure-html-checker.sh
	$(VENV)/bin/pytest $(PYTEST_ARGS)

## The benchmarks' reference engine (DuckDB) beside the dev tools; `make install` drops it.
bench: install
	$(UV) sync --locked --python $(PYTHON) --group bench

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	$(VENV)/bin/mypy

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

## Collect new user-facing strings into the English catalogue, then compile both catalogues.
messages: install
	export DJANGO_SETTINGS_MODULE=omstallning.settings.dev; \
	cd omstallning && ../$(VENV)/bin/python ../manage.py makemessages -l en --no-obsolete && \
	cd .. && $(MANAGE) compilemessages --ignore .venv --ignore .tools

clean:
	rm -rf $(VENV) .tools var node_modules
