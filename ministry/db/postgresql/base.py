"""Django's PostgreSQL backend, with a bound on every wait for the server's answer.

``statement_timeout`` is kept by the server, so it cannot help when the server, or the
network to it, stops answering: a stalled server, a paused VM, a proxy or balancer that
holds the connection open. The client then waits on its socket for ever and holds a worker
thread; once every thread of every worker waits so, even cached pages and /healthz go
unanswered. Here psycopg gives up after ``OPTIONS["read_timeout"]`` seconds, raises
OperationalError (the visitor gets the 500 page) and closes the connection: its state is
unknown, and Django replaces a closed connection on the next request.
"""

import psycopg
from django.db.backends.postgresql import base
from psycopg import errors


class ReadBoundedConnection(psycopg.Connection):
    """A psycopg connection that waits for the server at most ``read_timeout`` seconds."""

    read_timeout: float | None = None

    def wait(self, gen, interval=0.1, timeout=None):
        bound = timeout if timeout is not None else self.read_timeout
        try:
            return super().wait(gen, interval=interval, timeout=bound)
        except errors._WaitTimeout:
            # A query may still be in flight: the connection cannot be used again.
            self.close()
            raise psycopg.OperationalError(
                f"the database did not answer within {bound:g} s; connection closed"
            ) from None


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
        return params

    def get_new_connection(self, conn_params):
        connection = super().get_new_connection(conn_params)
        connection.read_timeout = self.settings_dict["OPTIONS"].get("read_timeout")
        return connection
