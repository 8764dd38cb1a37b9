"""The scale-out path of docs/deploy.md, proved with real parts on one machine.

The tests share one topology and run in this order: the last two stop an app server and
then the replica, for good.
"""

import io

from PIL import Image

from scale import scenario

# At most one request per visitor is in flight when something stops (scenario.traffic_during).
VISITORS = 4


def test_a_release_published_on_one_server_is_seen_on_the_other_and_the_balancer(
    cluster, with_photo
):
    visitor = scenario.Browser(cluster)
    for via in ("app_b", "balancer"):
        page = visitor.get(scenario.page_url(with_photo), via=via)
        assert page.status_code == 200, via
        assert with_photo.title in page.text, via
    # The balancer spreads requests over both app servers.
    answered_by = {visitor.get("/uz/", via="balancer").headers["X-App-Server"] for _ in range(4)}
    assert answered_by == {"app_a", "app_b"}


def test_photos_are_stored_in_and_served_from_the_object_store(cluster, with_photo):
    page = scenario.Browser(cluster).get(scenario.page_url(with_photo), via="app_b")
    urls = scenario.image_urls(page.text, f"{cluster.s3_endpoint}/{scenario.BUCKET}")
    assert any(url.endswith(".jpg") for url in urls), page.text
    # The page may show them: its content security policy names the store.
    assert cluster.s3_endpoint in page.headers["Content-Security-Policy"]
    for url in urls:
        answer = scenario.requests.get(url, timeout=10)
        assert answer.status_code == 200, url
        assert answer.content == scenario.s3_object(cluster, url)
    jpeg = next(url for url in urls if url.endswith(".jpg"))
    image = Image.open(io.BytesIO(scenario.requests.get(jpeg, timeout=10).content))
    assert image.format == "JPEG" and image.width >= 480


def test_anonymous_reads_come_from_the_replica_and_editors_read_their_writes(cluster, editor):
    visitor = scenario.Browser(cluster)
    scenario.pause_replay(cluster)
    try:
        fresh = scenario.publish(editor, "app_a")
        # The primary has it; the replica, no longer replaying, does not.
        on_replica = cluster.sql(
            "replica", f"SELECT count(*) FROM press_release WHERE id = {fresh.pk}"
        )
        assert on_replica == (0,)
        for via in ("app_b", "balancer"):
            assert visitor.get(scenario.page_url(fresh), via=via).status_code == 404, via
            page = editor.get(scenario.page_url(fresh), via=via)
            assert page.status_code == 200 and fresh.title in page.text, via
        assert scenario.replica_sessions(cluster) > 0
    finally:
        scenario.resume_replay(cluster)
    scenario.wait_for(
        "the replica to catch up",
        lambda: visitor.get(scenario.page_url(fresh), via="app_b").status_code == 200,
    )
    assert fresh.title in visitor.get(scenario.page_url(fresh), via="app_b").text


def test_stopping_an_app_server_loses_no_request(cluster):
    traffic = scenario.traffic_during(
        cluster, lambda: cluster.stop_process("app_a"), clients=VISITORS
    )
    assert traffic.errors == [], traffic
    # Both answered before the stop; only B after it.
    assert traffic.servers.get("app_a", 0) > 0 and traffic.servers.get("app_b", 0) > 0
    assert traffic.requests > 20
    page = scenario.Browser(cluster).get("/uz/", via="balancer")
    assert page.status_code == 200 and page.headers["X-App-Server"] == "app_b"


def test_stopping_the_replica_sends_anonymous_reads_to_the_primary(cluster, with_photo):
    traffic = scenario.traffic_during(
        cluster, lambda: cluster.pg_ctl("replica", "stop", "-m", "fast"), clients=VISITORS
    )
    # Only a query running on the replica at the moment it stops can fail.
    assert len(traffic.errors) <= VISITORS, traffic
    assert traffic.requests > 20
    # The replica is gone: what visitors read now comes from the primary.
    page = scenario.Browser(cluster).get(scenario.page_url(with_photo), via="balancer")
    assert page.status_code == 200 and with_photo.title in page.text
