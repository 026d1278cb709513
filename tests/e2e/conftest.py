"""Browser tests need Debian's Chromium; in CI its absence is an error, elsewhere a skip."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.e2e.browser import CHROMIUM, running_app


def pytest_collection_modifyitems(items):
    if Path(CHROMIUM).is_file() or os.environ.get("CI"):
        return
    for item in items:
        if "e2e" in str(item.fspath):
            item.add_marker(pytest.mark.skip(reason=f"no Chromium at {CHROMIUM}: `make test` installs it"))


@pytest.fixture(scope="session")
def app_url():
    with running_app() as server:
        yield server.url
