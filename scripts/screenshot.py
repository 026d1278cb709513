"""Write a PNG of the explorer as a new user sees it, made with the test suite's offline browser tooling.

Usage: python scripts/screenshot.py docs/screenshot.png
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.e2e.browser import map_frame, offline_page, running_app, wait_for_markers  # noqa: E402


def main(out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    with running_app() as server, offline_page(width=1400, height=1250) as (page, _blocked):
        page.goto(f"{server.url}/?selected=horgos-road")
        wait_for_markers(page)
        frame = map_frame(page)
        frame.locator(".xj-port").first.click(force=True)  # at Horgos, where the road and rail ports overlap
        frame.locator(".leaflet-popup-content").wait_for()
        page.wait_for_timeout(800)
        page.screenshot(path=str(out))
    print(f"wrote {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshot.png"))
