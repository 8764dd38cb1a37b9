"""The public API against its own OpenAPI schema: schemathesis makes requests from it, valid
and not, for every GET operation, and checks that none is a 5xx, that every status code
is one the schema documents, and that every body matches the schema of its status.

In-process, through the WSGI application: no server, no network.
"""

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    response_schema_conformance,
    status_code_conformance,
)

from tests.support import make_release

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
CHECKS = [not_a_server_error, status_code_conformance, response_schema_conformance]


@pytest.fixture
def keep_the_connection():
    """What Django's test client does around each request: the WSGI handler would otherwise
    close the database connection at its end, and with it the test's transaction (on
    PostgreSQL; SQLite's in-memory database survives)."""
    for signal in (signals.request_started, signals.request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (signals.request_started, signals.request_finished):
        signal.connect(close_old_connections)


@pytest.fixture
def content(keep_the_connection, uzbekistan, trade, minister):
    """Something for the generated requests to find: a release naming a country, a topic
    and an official, and the same release's language gaps (no English)."""
    make_release(countries=[uzbekistan], topics=[trade], participants=[minister])
    make_release(title="Tarjimasiz", title_en="", body_en="")


@schema.include(method="GET").parametrize()
@settings(
    # Small, so that the file runs in well under a minute on a busy machine; no deadline, as
    # a shared machine's timings mean nothing; nothing kept between runs (.hypothesis/).
    max_examples=25,
    deadline=None,
    database=None,
    # The content fixture is made once per operation, and read-only requests keep it valid.
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@pytest.mark.django_db
def test_the_api_keeps_to_its_schema(case, content):
    case.call_and_validate(checks=CHECKS)
