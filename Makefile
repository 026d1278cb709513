# make run: install and start the app.  make test: install everything and run the tests.
PYTHON ?= python3
PIP := $(PYTHON) -m pip install --quiet --disable-pip-version-check

.PHONY: install install-test run test lint validate data screenshot bench

install:
	$(PIP) -r requirements.txt
	npm ci --no-audit --no-fund --loglevel=error

install-test: install
	$(PIP) -r requirements-dev.txt
	@command -v chromium >/dev/null 2>&1 && fc-list :lang=zh | grep -q . || \
		(apt-get update -qq && apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null)

run: install
	$(PYTHON) -m streamlit run app.py

test: install-test
	$(PYTHON) -m pytest

lint:
	$(PYTHON) -m ruff check geo tests scripts app.py
	$(PYTHON) -m ruff format --check geo tests scripts app.py

validate:
	$(PYTHON) -m geo validate

data:
	$(PYTHON) scripts/build_layers.py
	$(PYTHON) -m geo validate

screenshot: install-test
	$(PYTHON) scripts/screenshot.py docs/screenshot.png

bench: install-test
	$(PYTHON) -m bench
