"""Django's PostgreSQL backend, with a bound on every wait for the server's answer.

``statement_timeout`` is kept by the server, so it cannot help when the server, or the
network to it, stops answering: a stalled server, a paused VM, a proxy or balancer that
holds the connection open. The client then waits on its socket for ever and holds a worker
thread; once every thread of every worker waits so, even cached pages and /healthz go
unanswered. Here psycopg gives up after ``OPTIONS["read_timeout"]`` seconds, raises
OperationalError (the visitor gets the 500 page) and closes the connection: its state is
unknown, and Django replaces a closed connection on the next request.

A bound alone still lets a burst of requests fill every thread for that long. So at most
``OPTIONS["patient_waiters"]`` threads of a process wait the whole bound; one more waits
at most CROWDED_SECONDS, and once that many have waited longer than CROWDED_SECONDS the
database is taken as stalled: further queries and connections fail at once instead of
waiting, and the remaining threads stay free for the page cache's hits and /healthz.
"""

import threading
import time

import psycopg
from django.db.backends.postgresql import base
from psycopg import errors

# Longer than any query a page makes on a healthy database, so that only a database in
# trouble makes a crowd.
CROWDED_SECONDS = 1.0

# When each thread of this process that now waits on the database began to wait.
_waiting: dict[int, float] = {}
_lock = threading.Lock()


class DatabaseCrowded(psycopg.OperationalError):
    """Raised without touching the network while too many threads wait on the database."""


def _begin_wait(patient: int | None, bound: float | None) -> float | None:
    """Registers this thread as waiting; returns its bound, or raises DatabaseCrowded."""
    now = time.monotonic()
    with _lock:
        if patient is not None:
            stuck = sum(1 for began in _waiting.values() if now - began > CROWDED_SECONDS)
            if stuck >= patient:
                raise DatabaseCrowded(
                    f"{stuck} requests have waited over {CROWDED_SECONDS:g} s for the database"
                )
            if len(_waiting) >= patient:
                bound = CROWDED_SECONDS if bound is None else min(bound, CROWDED_SECONDS)
        _waiting[threading.get_ident()] = now
    return bound


def _end_wait() -> None:
    with _lock:
        _waiting.pop(threading.get_ident(), None)


class ReadBoundedConnection(psycopg.Connection):
    """A psycopg connection that waits for the server at most ``read_timeout`` seconds."""

    read_timeout: float | None = None
    patient_waiters: int | None = None

    def wait(self, gen, interval=0.1, timeout=None):
        bound = timeout if timeout is not None else self.read_timeout
        bound = _begin_wait(self.patient_waiters, bound)
        try:
            return super().wait(gen, interval=interval, timeout=bound)
        except errors._WaitTimeout:
            # A query may still be in flight: the connection cannot be used again.
            self.close()
            raise psycopg.OperationalError(
                f"the database did not answer within {bound:g} s; connection closed"
            ) from None
        finally:
            _end_wait()


class _Psycopg:
    """The psycopg module as the backend sees it, but connecting with ReadBoundedConnection."""

    connect = staticmethod(ReadBoundedConnection.connect)

    def __getattr__(self, name):
        return getattr(psycopg, name)


class DatabaseWrapper(base.DatabaseWrapper):
    Database = _Psycopg()

    def get_connection_params(self):
        params = super().get_connection_params()
        params.pop("read_timeout", None)  # ours, not libpq's
        params.pop("patient_waiters", None)
        return params

    def get_new_connection(self, conn_params):
        options = self.settings_dict["OPTIONS"]
        patient = options.get("patient_waiters")
        if _begin_wait(patient, None) is not None:
            # A crowd already waits: connect with libpq's shortest timeout, not the usual.
            conn_params = {**conn_params, "connect_timeout": 2}
        try:
            connection = super().get_new_connection(conn_params)
        finally:
            _end_wait()
        connection.read_timeout = options.get("read_timeout")
        connection.patient_waiters = patient
        return connection
