"""The real `popliteal serve` in a subprocess, on a free loopback port, for end-to-end tests."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

POPLITEAL = Path(sys.executable).with_name("popliteal")
START_TIMEOUT = 60.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Server:
    url: str
    process: subprocess.Popen[bytes]
    log: Path

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


def _wait_until_up(server: Server) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"popliteal serve exited early:\n{server.output()}")
        try:
            if httpx.get(f"{server.url}/healthz", timeout=1.0).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.1)
    raise RuntimeError(f"popliteal serve did not start in {START_TIMEOUT}s:\n{server.output()}")


@contextmanager
def live_server(database_url: str, log: Path, *, workers: int = 1) -> Iterator[Server]:
    """Start `popliteal serve`; stop it (SIGTERM) on the way out unless the test already did."""
    port = free_port()
    with log.open("ab") as sink:
        process = subprocess.Popen(
            [str(POPLITEAL), "serve", "--host", "127.0.0.1", "--port", str(port),
             "--workers", str(workers), "--database", database_url],
            stdout=sink, stderr=subprocess.STDOUT)
    server = Server(f"http://127.0.0.1:{port}", process, log)
    try:
        _wait_until_up(server)
        yield server
    finally:
        if process.poll() is None:
            process.terminate()
            process.wait(timeout=30)
