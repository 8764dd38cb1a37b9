"""A database that restarts or stalls: kept connections are checked, statements are bounded."""

import psycopg
import pytest
from django.db import close_old_connections, connection

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
