"""The site as visitors reach it: gunicorn with gunicorn.conf.py, in a process of its own.

The server runs ``ministry.settings.bench`` (DEBUG off, Redis as the cache, the page cache
on: production-like, with no secrets to provide) against the test database through a
TcpProxy, so that a test can stall or cut its database without touching the machine's
PostgreSQL. Its database bounds are short, so that a fault is seen in seconds.
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import requests

from .conftest import free_port

ROOT = Path(__file__).resolve().parents[2]
START_SECONDS = 120  # importing the app in each worker on a loaded 2-core machine
# A bound on each request the tests make: far above the server's own database bounds
# (a few seconds), so that only a request that would wait for ever fails a test.
REQUEST_SECONDS = 60


class Gunicorn:
    """A gunicorn master and its workers, started, observed and stopped by the test."""

    def __init__(self, *, database: dict, proxy_port: int, redis_url: str, media_root, log):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.media_root = Path(media_root)
        self.log = log
        user = database["USER"] or "postgres"
        password = f":{database['PASSWORD']}" if database["PASSWORD"] else ""
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("PYTEST", "DATABASE"))},
            "DJANGO_SETTINGS_MODULE": "ministry.settings.bench",
            "DATABASE_URL": f"postgres://{user}{password}@127.0.0.1:{proxy_port}/{database['NAME']}",
            "DATABASE_CONNECT_TIMEOUT": "3",
            "DATABASE_STATEMENT_TIMEOUT": "3000",
            "DATABASE_READ_TIMEOUT": "4",
            "REDIS_URL": redis_url,
            "PRESS_PAGE_CACHE_SECONDS": "60",
            "MEDIA_ROOT": str(self.media_root),
            "BIND": f"127.0.0.1:{self.port}",
            "WEB_CONCURRENCY": "2",
            "GUNICORN_THREADS": "8",
            "LOG_LEVEL": "WARNING",
        }
        self.process = None

    def start(self):
        gunicorn = str(Path(sys.executable).with_name("gunicorn"))
        self.process = subprocess.Popen(
            [gunicorn, "-c", "gunicorn.conf.py", "ministry.wsgi"],
            cwd=ROOT,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {self.process.returncode}")
            try:
                if self.get("/healthz", timeout=5).status_code == 200 and len(self.workers()) == 2:
                    return self
            except requests.RequestException:
                pass
            time.sleep(0.5)
        self.stop()
        raise RuntimeError(f"gunicorn did not answer /healthz within {START_SECONDS} s")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)  # our own master, by its id
            try:
                self.process.wait(40)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)

    def workers(self) -> set[int]:
        """The worker processes' ids, as the master's children."""
        pid = self.process.pid
        try:
            children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        except OSError:
            return set()
        return {int(child) for child in children}

    def url(self, path: str) -> str:
        return self.base + path

    def get(self, path, session=None, **kwargs):
        kwargs.setdefault("timeout", REQUEST_SECONDS)
        kwargs.setdefault("allow_redirects", False)
        return (session or requests).get(self.url(path), **kwargs)
