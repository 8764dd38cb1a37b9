"""Before and after on the same machine: pages of one or more checkouts of the code on the
same database, alternating, so that every checkout meets the same noise (issue #21).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/vol_bench_1m \\
        .venv/bin/python bench/checkouts.py [--pages admin|public] [--checkout /tmp/before] \\
        [--rounds 2] [--runs 20]

Each round runs every checkout in a process of its own (``--child``), through the Django
test client, page cache off, DEBUG off (``ministry.settings.bench``). ``admin``: the
editors' release list (p95 ≤ 150 ms at 1,000,000 releases) filtered by the busiest country
and ``published``, searched (``Mongoliya``) and unfiltered, as a superuser. ``public``: the
pages of bench/scale.py (press list, a release, a country, an official, a selective
search: p50 ≤ 8 ms), anonymously. p50, p95, this process's CPU a request (the smallest and
the median: the machine's noise moves the clock more than the CPU) and the queries. This
checkout is always one of them. Writes bench/results/admin-list.{json,md} or
public-pages.{json,md} (``--label`` adds a suffix).
"""

import argparse
import datetime
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"


RESULT_NAMES = {"admin": "admin-list", "public": "public-pages"}
TITLES = {"admin": "Admin release list", "public": "Public pages, uncached"}


def measure(pages: str, runs: int) -> list[dict]:
    """This checkout's pages (run inside the checkout, as ``--child``)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ministry.settings.bench")
    os.environ["PRESS_PAGE_CACHE_SECONDS"] = "0"
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.db.models import Count
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from press.models import Country

    client = Client()
    if pages == "public":
        from bench.pages import subjects

        country, official, release = subjects()
        cases = [
            ("press list", "/uz/press/"),
            ("release", f"/uz/press/{release.slug}/"),
            ("country page", f"/uz/countries/{country.slug}/"),
            ("official page", f"/uz/officials/{official.slug}/"),
            ("search, selective", "/uz/search/?q=Mongoliya"),
        ]
    else:
        user = get_user_model().objects.filter(is_superuser=True).first()
        if user is None:
            user = get_user_model().objects.create_superuser("bench-admin", "bench@example.uz")
        client.force_login(user)
        country = Country.objects.annotate(n=Count("releases")).order_by("-n").first()
        base = f"/uz/{settings.ADMIN_URL}press/release/"
        cases = [
            ("filtered", f"{base}?countries__id__exact={country.pk}&status__exact=published"),
            ("searched", f"{base}?q=Mongoliya"),
            ("unfiltered", base),
        ]
    found = []
    for name, url in cases:
        for _ in range(3):
            assert client.get(url).status_code == 200, url
        walls, cpus = [], []
        for _ in range(runs):
            wall, cpu = time.perf_counter(), time.process_time()
            client.get(url)
            walls.append((time.perf_counter() - wall) * 1000)
            cpus.append((time.process_time() - cpu) * 1000)
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        walls.sort()
        found.append(
            {
                "name": name,
                "p50_ms": round(statistics.median(walls), 1),
                "p95_ms": round(walls[max(0, round(len(walls) * 0.95) - 1)], 1),
                "cpu_min_ms": round(min(cpus), 1),
                "cpu_median_ms": round(statistics.median(cpus), 1),
                "queries": sum(q["sql"] not in ("BEGIN", "COMMIT") for q in queries),
            }
        )
    return found


def commit(checkout: Path) -> str:
    return subprocess.run(
        ["git", "-C", str(checkout), "rev-parse", "--short", "HEAD"],
        capture_output=True,
        text=True,
    ).stdout.strip()


def markdown(report) -> str:
    lines = [
        f"# {TITLES[report['pages']]} (bench/checkouts.py --pages {report['pages']})",
        "",
        f"- {report['when']}, database `{report['database']}`, {report['releases']:,} releases;"
        f" load average at start {report['loadavg']}",
        "- p50 / p95 over the runs of each round; CPU: this process's, a request.",
        "",
        "| checkout | round | page | p50 ms | p95 ms | CPU min / median ms | queries |",
        "|---|---:|---|---:|---:|---:|---:|",
    ]
    for row in report["rows"]:
        lines.append(
            f"| {row['checkout']} | {row['round']} | {row['name']} | {row['p50_ms']} |"
            f" {row['p95_ms']} | {row['cpu_min_ms']} / {row['cpu_median_ms']} |"
            f" {row['queries']} |"
        )
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", choices=sorted(RESULT_NAMES), default="admin")
    parser.add_argument("--checkout", type=Path, action="append", default=[])
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--label", default="")
    args = parser.parse_args()
    checkouts = {checkout: commit(checkout) for checkout in [ROOT, *args.checkout]}
    rows = []
    for round_ in range(1, args.rounds + 1):
        for checkout, label in checkouts.items():
            # The checkout's own code, with this checkout's script and environment.
            output = subprocess.run(
                [sys.executable, __file__, "--child", args.pages, str(args.runs)],
                cwd=checkout,
                env={**os.environ, "PYTHONPATH": str(checkout)},
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            for result in json.loads(output.strip().splitlines()[-1]):
                row = {"checkout": label, "round": round_, **result}
                rows.append(row)
                print(row)
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ministry.settings.bench")
    import django

    django.setup()
    from django.db import connection

    from press.models import Release

    report = {
        "when": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "database": connection.settings_dict["NAME"],
        "releases": Release.objects.count(),
        "loadavg": " ".join(f"{x:.1f}" for x in os.getloadavg()),
        "pages": args.pages,
        "rows": rows,
    }
    name = RESULT_NAMES[args.pages] + (f"-{args.label}" if args.label else "")
    (RESULTS / f"{name}.json").write_text(json.dumps(report, indent=2) + "\n")
    (RESULTS / f"{name}.md").write_text(markdown(report))
    print(f"written: bench/results/{name}.md")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        print(json.dumps(measure(sys.argv[2], int(sys.argv[3]))))
    else:
        main()
