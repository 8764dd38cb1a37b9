"""make scale-demo: starts the scale-out topology on this machine and says what it shows.

The same steps as tests/scale/, which asserts what is printed here. Takes about a minute;
everything it starts is stopped and its temp dir removed at the end, even on an error.
"""

import sys

import requests

from scale import scenario
from scale.cluster import BUCKET, Cluster, missing_tools

VISITORS = 4


def say(text: str = "") -> None:
    print(text, flush=True)


def main() -> int:
    missing = missing_tools()
    if missing:
        say(f"missing: {', '.join(missing)}")
        return 1
    with Cluster() as cluster:
        show_topology(cluster)
        scenario.create_editor(cluster)
        editor = scenario.sign_in(cluster)
        say("An editor signs in through the balancer (the session is in the database).")

        release = scenario.publish(editor, "app_a", photo=scenario.photo_bytes())
        say(f"\n1. Published through app server A only: {release.title!r}")
        visitor = scenario.Browser(cluster)
        for via in ("app_b", "balancer"):
            page = visitor.get(scenario.page_url(release), via=via)
            shown = release.title in page.text
            say(f"   anonymous GET via {via:8}: HTTP {page.status_code}, title shown: {shown}")
        servers = [visitor.get("/uz/", via="balancer").headers["X-App-Server"] for _ in range(4)]
        say(f"   four GETs through the balancer were answered by: {', '.join(servers)}")

        say("\n2. Photos live in the object store (moto, S3 API), not on an app server:")
        page = visitor.get(scenario.page_url(release), via="app_b")
        urls = scenario.image_urls(page.text, f"{cluster.s3_endpoint}/{BUCKET}")
        say(f"   the page names {len(urls)} photo addresses there, e.g. {urls[0]}")
        for url in urls[:3]:
            answer = requests.get(url, timeout=10)
            same = answer.content == scenario.s3_object(cluster, url)
            say(f"   GET …{url[-28:]}: HTTP {answer.status_code}, {len(answer.content)} bytes, "
                f"same as the stored object: {same}")  # fmt: skip
        csp = cluster.s3_endpoint in page.headers["Content-Security-Policy"]
        say(f"   the page's Content-Security-Policy allows the store: {csp}")

        say("\n3. Anonymous reads go to the replica, editors read the primary:")
        scenario.pause_replay(cluster)
        say("   replay paused on the replica (pg_wal_replay_pause)")
        fresh = scenario.publish(editor, "app_a")
        say(f"   published {fresh.title!r} through A")
        for via in ("app_b", "balancer"):
            anonymous = visitor.get(scenario.page_url(fresh), via=via).status_code
            page = editor.get(scenario.page_url(fresh), via=via)
            say(f"   via {via:8}: anonymous HTTP {anonymous}; the editor HTTP {page.status_code}, "
                f"title shown: {fresh.title in page.text}")  # fmt: skip
        say(f"   app connections open on the replica: {scenario.replica_sessions(cluster)}")
        scenario.resume_replay(cluster)
        scenario.wait_for(
            "the replica",
            lambda: visitor.get(scenario.page_url(fresh), via="app_b").status_code == 200,
        )
        say("   replay resumed: the anonymous page now answers HTTP 200")

        say(f"\n4. App server A stops (SIGTERM) while {VISITORS} visitors read through HAProxy:")
        traffic = scenario.traffic_during(cluster, lambda: cluster.stop_process("app_a"))
        report(traffic)

        say(f"\n5. The replica stops (pg_ctl stop -m fast) while {VISITORS} visitors read:")
        traffic = scenario.traffic_during(
            cluster, lambda: cluster.pg_ctl("replica", "stop", "-m", "fast")
        )
        report(traffic)
        page = visitor.get(scenario.page_url(release), via="balancer")
        say(f"   with the replica down, anonymous GET: HTTP {page.status_code}, "
            f"title shown: {release.title in page.text} (read from the primary)")  # fmt: skip
    say("\nEverything stopped; temp dir removed.")
    return 0


def show_topology(cluster: Cluster) -> None:
    p = cluster.ports
    say("Started on 127.0.0.1 in " + str(cluster.dir))
    say(f"  HAProxy :{p['balancer']} → gunicorn A :{p['app_a']}, B :{p['app_b']} (check /healthz)")
    say(f"  PostgreSQL primary :{p['primary']} → streaming replica :{p['replica']}")
    say(f"  Redis :{p['redis']}, S3 (moto) :{p['s3']} bucket {BUCKET}")
    say("  start-up: " + ", ".join(f"{k} {v:.1f} s" for k, v in cluster.timings.items()))
    say()


def report(traffic: scenario.Traffic) -> None:
    servers = ", ".join(f"{k}: {v}" for k, v in sorted(traffic.servers.items()))
    say(f"   {traffic.requests} requests ({servers}), {len(traffic.errors)} failed"
        + (f": {', '.join(traffic.errors)}" if traffic.errors else ""))  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
