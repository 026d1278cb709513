"""The page, its map's part slowed by XJ_SLOW_SECONDS on each run with a filter set, as on a loaded machine."""

import os
import time

import web.page

if not hasattr(web.page.apply, "slowed"):  # the script runs on each rerun; the module is imported once
    fast = web.page.apply

    def apply(dataset, view):
        if any(view.filters().values()):
            time.sleep(float(os.environ["XJ_SLOW_SECONDS"]))
        return fast(dataset, view)

    apply.slowed = True
    web.page.apply = apply

web.page.main()
