"""deploy/haproxy.cfg is a valid HAProxy configuration as shipped (ports from the environment)."""

from __future__ import annotations

import os
import subprocess

import pytest

from tests.e2e.balancer import CONFIG, HAPROXY


@pytest.mark.skipif(
    not os.path.exists(HAPROXY) and not os.environ.get("CI"), reason="no haproxy: `make test` installs it"
)
def test_the_haproxy_config_is_valid():
    ports = {"XJ_LB_PORT": "8500", "XJ_STATS_PORT": "8404", "XJ_APP1_PORT": "8501", "XJ_APP2_PORT": "8502"}
    checked = subprocess.run(
        [HAPROXY, "-c", "-f", str(CONFIG)], env={**os.environ, **ports}, capture_output=True, text=True, timeout=30
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "WARNING" not in checked.stdout + checked.stderr
