"""Publishing during a traffic spike: a mix of public pages under wrk while releases go out.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/press_bench \\
    REDIS_URL=redis://127.0.0.1:6379/0 .venv/bin/python bench/publish_storm.py

Starts gunicorn (gunicorn.conf.py, ``ministry.settings.bench``, the page cache on) on
127.0.0.1 and loads a mix of public pages (home, the press list, three country pages, an
official's page, a search and five release pages, round robin on each connection:
publish_storm.lua) with ``wrk -t2 -c10`` in --slice-second slices for --duration seconds,
after one warm slice. From --publish-from seconds on (12: mid-slice, see below), this
process publishes a draft every --every seconds through ``services.release_publish`` (the
drafts of the generated volume,
3 % of the rows; each is published for real and stays so: use a database of its own).
Each slice reports requests/s, p50/p99, errors and how the answers were made (from the
cache, stale, rendered), and the answers are also counted per second of the wall clock
(``per_second``: the slices' counts added up, whole seconds inside the run only; a second
that holds a slice boundary loses wrk's start-up, a few milliseconds). The steady state is
the slices before the first publication. Writes bench/results/publish-storm[-label].{json,md}
(bench/plot.py draws them). Needs wrk and Redis (the page cache must be shared between
gunicorn's workers and this process).

Issue #21's target: throughput ≥ 80 % of the steady state in every slice, p99 ≤ 50 ms,
no errors.

Hazard of the slices: each is a wrk run of its own, whose connections are all opened at
its start and kept for the slice. If one gunicorn worker is busy at that instant (a page
rendering), the other accepts every connection, and the slice runs on one worker: half
the throughput for five seconds (seen in gunicorn's access log with each worker's pid: 0
requests a second on one, ~1,100 on the other; and in runs with no publication at all).
Publications on the slices' boundaries (10, 20, …) made that happen after most of them;
they are now made mid-slice, so that the measure's reconnections and the renders a
publication causes do not meet. Readers' connections do not all reconnect at one instant.
"""

import argparse
import datetime
import json
import os
import re
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ministry.settings.bench")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import close_old_connections  # noqa: E402

from bench.load import HOST, Gunicorn, free_port, get, parse_wrk  # noqa: E402
from bench.pages import subjects  # noqa: E402
from press import services  # noqa: E402
from press.models import Country, Release, Status  # noqa: E402


def mix():
    country, official, release = subjects()
    others = list(Country.objects.exclude(pk=country.pk).order_by("code")[:2])
    public = Release.objects.public("uz").latest().values_list("slug", flat=True)
    slugs = [release.slug, *public[1:3], *public[500:502]]
    return [
        "/uz/",
        "/uz/press/",
        f"/uz/countries/{country.slug}/",
        *(f"/uz/countries/{c.slug}/" for c in others),
        f"/uz/officials/{official.slug}/",
        "/uz/search/?q=Mongoliya",
        *(f"/uz/press/{slug}/" for slug in slugs),
    ]


def drafts(count):
    """Drafts written in every language, newest first: what an editor would publish."""
    found = Release.objects.filter(
        status=Status.DRAFT, in_uz=True, in_uz_cyrl=True, in_ru=True, in_en=True
    ).order_by("-event_date", "-pk")
    return list(found[:count])


def publisher(queue, user, start, first, every, log, stop):
    while queue and not stop.is_set():
        wait = start + first + every * len(log) - time.monotonic()
        if wait > 0 and stop.wait(wait):
            return
        release = queue.pop(0)
        began = time.monotonic()
        services.release_publish(release=release, user=user, force_reason="bench")
        log.append({"at_s": round(began - start, 1), "release": release.pk})
        close_old_connections()


def run_slice(url, paths, seconds, connections) -> dict:
    command = [
        "wrk",
        "-t2",
        f"-c{connections}",
        f"-d{seconds}s",
        "--timeout",
        "5s",
        "--latency",
        "-s",
        str(ROOT / "bench" / "publish_storm.lua"),
        url,
        "--",
        *paths,
    ]
    out = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 15)
    result = parse_wrk(out.stdout)
    answers = re.search(r"ANSWERS (\{.*\})", out.stdout)
    per_second = re.search(r"PER_SECOND (\{.*\})", out.stdout)
    return (
        result
        | (json.loads(answers.group(1)) if answers else {})
        | {"per_second": json.loads(per_second.group(1)) if per_second else {}}
    )


def per_second(slices, start, end) -> list[dict]:
    """Answers in each whole wall-clock second between start and end (time.time())."""
    counts = {}
    for s in slices:
        for second, (answered, rendered) in s.pop("per_second").items():
            total = counts.setdefault(int(second), [0, 0])
            total[0] += answered
            total[1] += rendered
    return [
        {"at_s": round(second - start, 2), "requests": answered, "rendered": rendered}
        for second, (answered, rendered) in sorted(counts.items())
        if second >= start and second + 1 <= end
    ]


def seconds_line(seconds) -> list[str]:
    if not seconds:
        return []
    counts = [s["requests"] for s in seconds]
    return [
        f"- Per second ({len(counts)} whole seconds, `per_second` in the JSON): lowest "
        f"{min(counts):,}, median {statistics.median(counts):,.0f}, highest {max(counts):,}"
    ]


def markdown(report) -> str:
    lines = [
        f"# Publishing during a traffic spike ({report['label'] or 'this tree'})",
        "",
        f"- {report['when']}; load average at start {report['loadavg']}; commit "
        f"{report['commit']}; {report['releases']:,} releases; gunicorn.conf.py defaults; "
        f"wrk -t2 -c{report['connections']} on the same 2 CPUs, {report['slice']} s slices. "
        "**Measured on a machine shared with other work: compare slices and runs of the "
        "same day, not absolute numbers.**",
        f"- Published at (s): {', '.join(str(p['at_s']) for p in report['published'])}",
        f"- Steady state (slices before the first publication): "
        f"{report['steady_rps']:,.0f} requests/s",
        *seconds_line(report.get("per_second")),
        "",
        "| slice (s) | requests/s | % of steady | p50 ms | p99 ms | errors | hit | stale | "
        "rendered |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for s in report["slices"]:
        lines.append(
            f"| {s['from_s']}–{s['to_s']} | {s['requests_per_s']:,.0f} | "
            f"{100 * s['requests_per_s'] / report['steady_rps']:.0f} % | {s['p50_ms']:.1f} | "
            f"{s['p99_ms']:.1f} | {s['errors'] + s['non_2xx_3xx']} | "
            f"{s.get('hit', 0):,} | {s.get('stale', 0):,} | {s.get('rendered', 0):,} |"
        )
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=60)
    parser.add_argument("--slice-seconds", type=int, default=5)
    parser.add_argument("--publish-from", type=int, default=12)
    parser.add_argument("--every", type=int, default=10)
    parser.add_argument("--connections", type=int, default=10)
    parser.add_argument("--label", default="")
    args = parser.parse_args()
    if not os.environ.get("REDIS_URL"):
        sys.exit("REDIS_URL must be set: gunicorn's workers and this process share the cache")
    paths = mix()
    count = max(0, (args.duration - args.publish_from) // args.every + 1)
    queue = drafts(count)
    user, _ = get_user_model().objects.get_or_create(
        username="bench-admin", defaults={"is_staff": True, "is_superuser": True}
    )
    port = free_port()
    url = f"http://{HOST}:{port}"
    # gunicorn's access log: kept only when a run fails, to read why (megabytes).
    log_path = ROOT / "bench" / "results" / "publish-storm-gunicorn.log.tmp"
    # The page cache on, as in production (bench.pages, imported above, turns it off).
    env = {k: v for k, v in os.environ.items() if k != "PRESS_PAGE_CACHE_SECONDS"}
    with open(log_path, "w") as log, Gunicorn(env, port, log):
        for path in paths:
            get(url + path)
        run_slice(url, paths, args.slice_seconds, args.connections)  # warm
        published, stop = [], threading.Event()
        start, start_wall = time.monotonic(), time.time()
        thread = threading.Thread(
            target=publisher,
            args=(queue, user, start, args.publish_from, args.every, published, stop),
        )
        thread.start()
        slices = []
        try:
            while time.monotonic() - start < args.duration - 0.5:
                began = time.monotonic() - start
                result = run_slice(url, paths, args.slice_seconds, args.connections)
                slices.append(
                    result | {"from_s": round(began), "to_s": round(time.monotonic() - start)}
                )
                print(
                    f"{slices[-1]['from_s']:3}–{slices[-1]['to_s']:3} s "
                    f"{result['requests_per_s']:8.0f}/s p99 {result['p99_ms']:7.1f} ms "
                    f"hit {result.get('hit')} stale {result.get('stale')} "
                    f"rendered {result.get('rendered')} "
                    f"errors {result['errors'] + result['non_2xx_3xx']}",
                    flush=True,
                )
        finally:
            end_wall = time.time()
            stop.set()
            thread.join()
    log_path.unlink()
    steady = [s for s in slices if s["to_s"] <= args.publish_from] or slices[:1]
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    report = {
        "label": args.label,
        "when": datetime.datetime.now().isoformat(timespec="minutes"),
        "loadavg": " ".join(f"{x:.1f}" for x in os.getloadavg()),
        "commit": commit or "?",
        "releases": Release.objects.count(),
        "connections": args.connections,
        "slice": args.slice_seconds,
        "paths": paths,
        "published": published,
        "steady_rps": sum(s["requests_per_s"] for s in steady) / len(steady),
        "per_second": per_second(slices, start_wall, end_wall),
        "slices": slices,
    }
    stem = "publish-storm" + (f"-{args.label}" if args.label else "")
    out = ROOT / "bench" / "results"
    (out / f"{stem}.json").write_text(json.dumps(report, indent=2) + "\n")
    (out / f"{stem}.md").write_text(markdown(report))
    print(markdown(report))


if __name__ == "__main__":
    main()
