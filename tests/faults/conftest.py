"""Real parts to break: a Redis of the suite's own on a free loopback port.

Never the machine's shared Redis or PostgreSQL: the faults here (SIGSTOP, kill) are dealt
to processes this suite started and stops again.
"""

import os
import shutil
import signal
import socket
import subprocess
import time

import pytest

from tests.support import free_port


def unavailable(reason):
    """Skip for want of a tool, except in CI (.ci/run), where every tool must be present."""
    if os.environ.get("PRESS_REQUIRE_BROWSER_TESTS"):
        pytest.fail(f"{reason} (PRESS_REQUIRE_BROWSER_TESTS is set)")
    pytest.skip(reason)


class RedisProcess:
    """A redis-server of our own that a test may pause, resume, stop and start."""

    def __init__(self):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1",
             "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def pause(self):
        self.process.send_signal(signal.SIGSTOP)

    def resume(self):
        self.process.send_signal(signal.SIGCONT)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGCONT)
            self.process.kill()
            self.process.wait(10)


@pytest.fixture
def redis_process():
    if not shutil.which("redis-server"):
        unavailable("redis-server not found: apt-get install redis-server")
    server = RedisProcess()
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def module_redis():
    """A Redis of our own for a whole module: the page cache of a server under test."""
    if not shutil.which("redis-server"):
        unavailable("redis-server not found: apt-get install redis-server")
    server = RedisProcess()
    server.start()
    yield server
    server.stop()
