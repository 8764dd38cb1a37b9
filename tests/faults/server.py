"""The site as visitors reach it: gunicorn with gunicorn.conf.py, in a process of its own.

The server runs ``ministry.settings.bench`` (DEBUG off, Redis as the cache, the page cache
on: production-like, with no secrets to provide) against the test database through a
TcpProxy, so that a test can stall or cut its database without touching the machine's
PostgreSQL. Its database bounds are short, so that a fault is seen in seconds.
"""

import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path

from .conftest import free_port

ROOT = Path(__file__).resolve().parents[2]
START_SECONDS = 120  # importing the app in each worker on a loaded 2-core machine
# A bound on each request the tests make: far above the server's own database bounds
# (a few seconds), so that only a request that would wait for ever fails a test.
REQUEST_SECONDS = 60


@dataclass
class Response:
    status_code: int
    headers: dict
    text: str
    elapsed: float  # seconds from sending the request to reading the whole answer

    def json(self):
        return json.loads(self.text)


@dataclass
class Session:
    """A browser's cookies, kept from one request to the next."""

    cookies: dict = field(default_factory=dict)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # a 302 is an answer to look at, not to follow


_opener = urllib.request.build_opener(_NoRedirect)


def multipart(fields: dict[str, list[str]], files: dict[str, tuple[str, bytes, str]]):
    """The body and content type of a form posted with files, as a browser sends it."""
    boundary = uuid.uuid4().hex
    parts = []
    for name, values in fields.items():
        for value in values:
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
                f"{value}\r\n".encode()
            )
    for name, (filename, content, content_type) in files.items():
        head = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{filename}"\r\nContent-Type: {content_type}\r\n\r\n'
        )
        parts.append(head.encode() + content + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


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
            except OSError:
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

    def get(self, path, session=None, timeout=REQUEST_SECONDS) -> Response:
        return self.request(path, session=session, timeout=timeout)

    def post(self, path, fields, files, session=None, timeout=REQUEST_SECONDS) -> Response:
        body, content_type = multipart(fields, files)
        return self.request(
            path, body, {"Content-Type": content_type}, session=session, timeout=timeout
        )

    def request(self, path, body=None, headers=None, session=None, timeout=REQUEST_SECONDS):
        """The answer to GET (or POST with body) path; connection failures raise OSError."""
        headers = dict(headers or {})
        if session and session.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in session.cookies.items())
        request = urllib.request.Request(self.url(path), data=body, headers=headers)
        started = time.monotonic()
        try:
            answer = _opener.open(request, timeout=timeout)
        except urllib.error.HTTPError as error:  # 3xx, 4xx, 5xx: answers all the same
            answer = error
        with answer:
            text = answer.read().decode()
        elapsed = time.monotonic() - started
        if session:
            for value in answer.headers.get_all("Set-Cookie") or []:
                for name, morsel in SimpleCookie(value).items():
                    session.cookies[name] = morsel.value
        return Response(answer.status, dict(answer.headers), text, elapsed)
