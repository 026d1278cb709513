"""Ten viewers on one server at once: no errors, each sees its own filters, memory stays bounded."""

from __future__ import annotations

import time

import pytest

from geo.explore.filter import filter_ports
from geo.render.mapping import drawable
from tests.e2e.browser import choose, offline_sessions, running_app, wait_for_markers

VIEWERS = 10
MODES = ("Rail", "Air", "Road")  # each viewer starts at a different one
MAX_GROWTH_MB = 400


@pytest.mark.slow
def test_ten_viewers_filter_at_once(dataset):
    with running_app() as server, offline_sessions(VIEWERS) as (pages, _blocked):
        errors: list[str] = []
        for number, page in enumerate(pages):
            page.on("pageerror", lambda error, number=number: errors.append(f"viewer {number}: {error}"))
        start = time.monotonic()
        for page in pages:
            page.goto(server.url, wait_until="commit")
        drawn = drawable(dataset.ports)
        for page in pages:
            assert wait_for_markers(page, len(drawn), timeout=60) == len(drawn)
        before = server.rss_mb()

        for step in range(len(MODES)):
            wanted = [MODES[(number + step) % len(MODES)] for number in range(VIEWERS)]
            for page, mode in zip(pages, wanted, strict=True):
                page.locator(".xj-clear").first.click()
                choose(page, "Port mode", mode)
            for number, (page, mode) in enumerate(zip(pages, wanted, strict=True)):
                # Each viewer's map and each viewer's page on the server show its own selection only.
                ports = filter_ports(dataset.ports, modes=[mode.lower()])
                assert wait_for_markers(page, len(drawable(ports)), timeout=60) == len(drawable(ports))
                tab = page.get_by_role("tab", name=f"Ports ({len(ports)})")
                tab.wait_for(timeout=60_000), f"viewer {number} filtered by {mode}"

        after = server.rss_mb()
        elapsed = time.monotonic() - start
        for page in pages:
            assert page.get_by_test_id("stException").count() == 0
        assert errors == []
        print(
            f"\n{VIEWERS} viewers, {len(MODES)} filter changes each in {elapsed:.1f} s; "
            f"server memory {before:.0f} MB after opening, {after:.0f} MB after filtering"
        )
        assert after - before < MAX_GROWTH_MB
