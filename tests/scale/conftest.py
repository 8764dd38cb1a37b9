"""One scale-out topology (scale/cluster.py) for the module: two PostgreSQL clusters, Redis,
an object store, two gunicorn app servers and HAProxy, all of the suite's own, on free
loopback ports. Never the machine's shared PostgreSQL or Redis."""

import os

import pytest

from scale import scenario
from scale.cluster import Cluster, missing_tools


@pytest.fixture(scope="module")
def cluster():
    missing = missing_tools()
    if missing:
        reason = f"the scale-out test needs {', '.join(missing)}"
        # CI (.ci/run) installs every tool: there a missing one fails, never skips.
        if os.environ.get("PRESS_REQUIRE_BROWSER_TESTS"):
            pytest.fail(f"{reason} (PRESS_REQUIRE_BROWSER_TESTS is set)")
        pytest.skip(reason)
    with Cluster() as running:
        scenario.create_editor(running)
        yield running


@pytest.fixture(scope="module")
def editor(cluster):
    """The editor, signed in through the balancer."""
    return scenario.sign_in(cluster)


@pytest.fixture(scope="module")
def with_photo(cluster, editor):
    """A release with a photo, written and published through app server A only."""
    return scenario.publish(editor, "app_a", photo=scenario.photo_bytes())
