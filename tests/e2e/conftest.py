"""Browser tests need Debian's Chromium; in CI its absence is an error, elsewhere a skip."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.e2e.browser import CHROMIUM, running_app, shared_browser


def pytest_collection_modifyitems(items):
    if Path(CHROMIUM).is_file() or os.environ.get("CI"):
        return
    for item in items:
        if "e2e" in str(item.fspath):
            item.add_marker(pytest.mark.skip(reason=f"no Chromium at {CHROMIUM}: `make test` installs it"))


@pytest.fixture(scope="session")
def app_url():
    """One app server per worker for every test that does not need data of its own."""
    with running_app() as server:
        yield server.url


@pytest.fixture(scope="module", autouse=True)
def _one_browser_per_module():
    """Every page of a test module opens in one Chromium, stopped when the module ends (other modules,
    such as the benchmark's, start their own Playwright, which cannot run beside it)."""
    with shared_browser():
        yield
