"""A database that restarts or stalls: kept connections are checked, every wait is bounded."""

import threading

import psycopg
import pytest
from django.db import OperationalError, close_old_connections, connection

from ministry.db.postgresql.base import DatabaseWrapper

from .proxy import TcpProxy

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's own connections"),
]


def terminate(pid: int) -> None:
    """Ends one server process from a connection of its own, as a restart or failover does."""
    params = connection.get_connection_params()
    params.pop("cursor_factory", None)
    params.pop("context", None)
    with psycopg.connect(**params, autocommit=True) as other:
        other.execute("SELECT pg_terminate_backend(%s)", [pid])


def test_a_kept_connection_killed_by_the_server_is_replaced_not_reused(client):
    connection.ensure_connection()
    terminate(connection.connection.info.backend_pid)
    close_old_connections()  # what Django does as each request starts
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        assert cursor.fetchone() == (1,)
    assert client.get("/uz/press/").status_code == 200


def test_statements_and_connecting_are_bounded():
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone() == ("30s",)
    assert connection.get_connection_params()["connect_timeout"] == 5


def test_a_statement_past_its_bound_is_cancelled_by_the_server():
    with connection.cursor() as cursor:
        cursor.execute("SET statement_timeout = 100")
        with pytest.raises(Exception, match="statement timeout"):
            cursor.execute("SELECT pg_sleep(5)")
        cursor.execute("SET statement_timeout = DEFAULT")


def test_a_server_that_stops_answering_is_given_up_on_and_the_connection_dropped():
    settings = connection.settings_dict
    proxy = TcpProxy(int(settings["PORT"] or 5432), settings["HOST"] or "127.0.0.1").start()
    options = {**settings["OPTIONS"], "read_timeout": 1}
    stalled = DatabaseWrapper(
        # A wrapper of its own, beside the test's connection, under the alias the code expects.
        {**settings, "HOST": "127.0.0.1", "PORT": proxy.port, "OPTIONS": options},
        "default",
    )
    try:
        with stalled.cursor() as cursor:
            cursor.execute("SELECT 1")
            proxy.stall()  # the server gets nothing more and says nothing more
            with pytest.raises(OperationalError, match="did not answer within 1 s"):
                cursor.execute("SELECT 2")
        assert stalled.connection.closed  # never handed out again in an unknown state
        assert not stalled.is_usable()
        stalled.close()

        proxy.resume()
        with stalled.cursor() as cursor:
            cursor.execute("SELECT 3")
            assert cursor.fetchone() == (3,)
    finally:
        stalled.close()
        proxy.close()


def test_once_a_thread_waits_long_on_a_stalled_server_others_are_refused_at_once():
    settings = connection.settings_dict
    proxy = TcpProxy(int(settings["PORT"] or 5432), settings["HOST"] or "127.0.0.1").start()
    # One thread of the process may wait the whole bound (5 s); others may not join it.
    options = {**settings["OPTIONS"], "read_timeout": 5, "patient_waiters": 1}
    proxied = {**settings, "HOST": "127.0.0.1", "PORT": proxy.port, "OPTIONS": options}
    second = DatabaseWrapper(proxied, "default")
    outcome = {}

    def wait_in_a_thread():
        first = DatabaseWrapper(proxied, "default")  # a connection belongs to its thread
        try:
            with first.cursor() as cursor:
                cursor.execute("SELECT 1")
        except OperationalError as error:
            outcome["first"] = str(error)
        finally:
            first.close()

    try:
        second.ensure_connection()
        proxy.stall()
        waiter = threading.Thread(target=wait_in_a_thread)
        waiter.start()
        waiter.join(1.5)  # the first has now waited past CROWDED_SECONDS
        assert waiter.is_alive()
        with pytest.raises(OperationalError, match="waited over 1 s for the database"):
            with second.cursor() as cursor:
                cursor.execute("SELECT 2")
        proxy.resume()
        waiter.join(10)
        assert "first" not in outcome  # the one patient wait got its answer
    finally:
        proxy.resume()
        second.close()
        proxy.close()
