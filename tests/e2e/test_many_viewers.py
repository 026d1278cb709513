"""Ten viewers on one server at once: no errors, each sees its own filters, memory stays bounded."""

from __future__ import annotations

import time

import pytest

from tests.e2e.browser import offline_sessions, running_app, wait_for_markers
from tests.e2e.test_browser import choose

VIEWERS = 10
ROUNDS = (("Rail", 3), ("Air", 2), ("Road", 12))  # each viewer starts at a different round
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
        for page in pages:
            assert wait_for_markers(page, len(dataset.ports), timeout=60) == len(dataset.ports)
        before = server.rss_mb()

        for step in range(len(ROUNDS)):
            wanted = [ROUNDS[(number + step) % len(ROUNDS)] for number in range(VIEWERS)]
            for page, (mode, _count) in zip(pages, wanted, strict=True):
                box = page.get_by_test_id("stMultiSelect").filter(has_text="Port mode")
                clear = box.locator('[aria-label="Clear all"]')
                if clear.count():
                    clear.first.click()
                choose(page, "Port mode", mode)
            for number, (page, (mode, count)) in enumerate(zip(pages, wanted, strict=True)):
                # Each viewer sees exactly its own selection, whatever the others chose meanwhile.
                assert wait_for_markers(page, count, timeout=60) == count, f"viewer {number} filtered by {mode}"

        after = server.rss_mb()
        elapsed = time.monotonic() - start
        for page in pages:
            assert page.get_by_test_id("stException").count() == 0
        assert errors == []
        print(
            f"\n{VIEWERS} viewers, {len(ROUNDS)} filter changes each in {elapsed:.1f} s; "
            f"server memory {before:.0f} MB after opening, {after:.0f} MB after filtering"
        )
        assert after - before < MAX_GROWTH_MB
