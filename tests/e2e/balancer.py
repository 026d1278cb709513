"""HAProxy (deploy/haproxy.cfg) in front of app processes, all on 127.0.0.1: for the balancer test and benchmark."""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import IO

from tests.e2e.browser import PROJECT_DIR, Server, free_port, stop

HAPROXY = shutil.which("haproxy") or "/usr/sbin/haproxy"
CONFIG = PROJECT_DIR / "deploy" / "haproxy.cfg"
BACKEND = "streamlit"
COOKIE = "XJ_APP"  # the cookie deploy/haproxy.cfg sets: which process a browser sticks to


@dataclass(frozen=True)
class Balancer:
    url: str
    stats_url: str
    log: IO[str]

    def servers(self) -> dict[str, dict[str, str]]:
        """HAProxy's counters for each app process (app1, app2), from its stats page as CSV."""
        with urllib.request.urlopen(f"{self.stats_url};csv", timeout=5) as response:
            text = response.read().decode("utf-8").lstrip("# ")
        return {
            row["svname"]: row
            for row in csv.DictReader(io.StringIO(text))
            if row["pxname"] == BACKEND and row["svname"] not in ("FRONTEND", "BACKEND")
        }

    def connections(self) -> dict[str, int]:
        """Connections open now to each process; an idle viewer holds one, its websocket."""
        return {name: int(row["scur"]) for name, row in self.servers().items()}

    def status(self) -> dict[str, str]:
        """UP or DOWN (or a transition such as "UP 1/2") for each process, as the health checks see it."""
        return {name: row["status"] for name, row in self.servers().items()}

    def wait_for_status(self, wanted: dict[str, str], timeout: float = 20) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.status() == wanted:
                return
            time.sleep(0.1)
        raise AssertionError(f"HAProxy reports {self.status()} after {timeout} s, expected {wanted}")

    def log_text(self) -> str:
        self.log.flush()
        with open(self.log.fileno(), closefd=False, encoding="utf-8", errors="replace") as handle:
            handle.seek(0)
            return handle.read()


@contextmanager
def running_balancer(servers: list[Server], timeout: float = 20) -> Iterator[Balancer]:
    """``haproxy -f deploy/haproxy.cfg -db`` in the foreground on free local ports, in front of two app processes.

    Nothing outside the test is touched: no root, no systemd, no file outside a temporary folder.
    """
    if len(servers) != 2:
        raise ValueError("deploy/haproxy.cfg names two app processes")
    port, stats_port = free_port(), free_port()
    env = {
        **os.environ,
        "XJ_LB_PORT": str(port),
        "XJ_STATS_PORT": str(stats_port),
        **{f"XJ_APP{n}_PORT": server.url.rsplit(":", 1)[1] for n, server in enumerate(servers, start=1)},
    }
    with tempfile.TemporaryFile(mode="w+") as log:
        process = subprocess.Popen(
            [HAPROXY, "-f", str(CONFIG), "-db"], env=env, stdout=log, stderr=subprocess.STDOUT, text=True
        )
        balancer = Balancer(f"http://127.0.0.1:{port}", f"http://127.0.0.1:{stats_port}/stats", log)
        try:
            deadline = time.monotonic() + timeout
            while True:
                if process.poll() is not None:
                    raise RuntimeError(f"haproxy exited early:\n{balancer.log_text()}")
                try:
                    if set(balancer.status().values()) == {"UP"}:
                        break
                except OSError:
                    pass
                if time.monotonic() > deadline:
                    raise RuntimeError(f"haproxy not up within {timeout} s:\n{balancer.log_text()}")
                time.sleep(0.1)
            yield balancer
        finally:
            stop(process)
