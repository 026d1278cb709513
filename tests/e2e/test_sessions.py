"""Many sessions arriving together on a fresh server share one load of the data (issue 11)."""

from __future__ import annotations

import pytest

from tests.e2e.browser import running_app, sessions_at_once

SESSIONS = 30


@pytest.mark.slow
def test_thirty_sessions_at_once_load_the_data_once():
    with running_app() as server:
        finished = sessions_at_once(server.url, SESSIONS)
        assert finished == ["FINISHED_SUCCESSFULLY"] * SESSIONS
        assert server.log_text().count("Loading the data from") == 1
