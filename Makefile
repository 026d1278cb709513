# make run: install and start the app.  make test: install everything and run the tests.
# Everything goes into a project virtual environment (.venv), so the two commands work on a stock
# Debian or Ubuntu whose system Python refuses pip (PEP 668); only python3-venv is needed.
SYSTEM_PYTHON ?= python3
VENV ?= .venv
PYTHON := $(VENV)/bin/python
PIP := $(PYTHON) -m pip install --quiet --disable-pip-version-check

.PHONY: install install-test run test test-fast lint validate data basemap screenshot bench

$(PYTHON):
	$(SYSTEM_PYTHON) -m venv $(VENV)

install: $(PYTHON)
	$(PIP) -r requirements.txt
	npm ci --no-audit --no-fund --loglevel=error

install-test: install
	$(PIP) -r requirements-dev.txt
	@command -v chromium >/dev/null 2>&1 && test -x /usr/sbin/haproxy && fc-list :lang=zh | grep -q . || \
		(apt-get update -qq && apt-get install -y -qq chromium fonts-wqy-microhei haproxy >/dev/null)

# MALLOC_ARENA_MAX=2: each session's script runs in a thread of its own, and glibc's malloc would give busy threads
# arenas of their own, keeping the memory an upload freed in one for no other (docs/deploy.md, "Memory").
run: install
	MALLOC_ARENA_MAX=2 $(PYTHON) -m streamlit run app.py

# Fast tests first, in parallel; then the slow browser sessions (many viewers, benchmark) on their own.
test: install-test
	node --test tests/js/*.test.js
	$(PYTHON) -m pytest -n 2 -m "not slow"
	$(PYTHON) -m pytest -m slow

test-fast: $(PYTHON)
	$(PYTHON) -m pytest -n 2 -m "not slow"

lint:
	$(PYTHON) -m ruff check geo web tests scripts bench app.py
	$(PYTHON) -m ruff format --check geo web tests scripts bench app.py

validate:
	$(PYTHON) -m geo validate

data:
	$(PYTHON) -m geo build
	$(PYTHON) -m geo validate

# The offline base map's files in static/basemap/ (see its README.md): build-time packages, then the script.
basemap: install-test
	$(PIP) -r requirements-basemap.txt
	$(PYTHON) scripts/make_basemap.py

screenshot: install-test
	$(PYTHON) scripts/screenshot.py docs

bench: install-test
	$(PYTHON) -m bench
