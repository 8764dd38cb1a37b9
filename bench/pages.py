"""Page timings at volume: every kind of public page, the feeds, a sitemap page and the admin.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/press_bench .venv/bin/python bench/pages.py

Each page is fetched through the Django test client (the whole stack: middleware, view,
queries, templates) with DEBUG off and the page cache off (``ministry.settings.bench``,
``PRESS_PAGE_CACHE_SECONDS=0``): what a visitor waits for on a cache miss. After warm-ups,
N runs give p50 and p95; one more run counts the SQL queries. Public pages are also timed
just after a change (``--cold-runs``): the content generation is bumped before each run, so
what lists keep in the cache (counts, the filter form's names) is computed again, as on
the first view after a publication. The admin pages are fetched
as a superuser made for the purpose (``bench-admin``, no password). Writes
bench/results/pages-<vendor>.json and .md and prints the table. Apart from that user and its
session, it changes nothing in the database.
"""

import argparse
import datetime
import json
import os
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ministry.settings.bench")
os.environ["PRESS_PAGE_CACHE_SECONDS"] = "0"  # uncached: the cost of a miss

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from bench.search import machine_facts  # noqa: E402
from press.models import Country, Person, Release  # noqa: E402
from press.site import page_cache, views  # noqa: E402

# Targets (p95, ms) by class of page; queries per page at most MAX_QUERIES.
TARGETS = {"public": 50.0, "admin": 300.0, "sitemap": 1000.0}
MAX_QUERIES = 12
DEEP_FACTOR = 3.0  # page 2,000 no slower than 3× the first page
DEEP_PAGE = 2000
TRANSACTION = re.compile(r"^\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE SAVEPOINT)\b", re.I)


def percentile(sorted_times, q):
    return sorted_times[min(len(sorted_times) - 1, round(q * (len(sorted_times) - 1)))]


def measure(client, path, runs, warmups, cold_runs=0):
    def fetch():
        response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        return response

    for _ in range(warmups):
        fetch()
    # After a change (a publication, a correction): the generation moves on, so the lists'
    # kept counts and option lists (press.site.page_cache.remember) are computed again.
    cold = []
    for _ in range(cold_runs):
        page_cache.bump()
        start = time.perf_counter()
        fetch()
        cold.append((time.perf_counter() - start) * 1000)
    cold.sort()
    cold_queries = None
    if cold_runs:
        page_cache.bump()
        with CaptureQueriesContext(connection) as ctx:
            fetch()
        cold_queries = sum(not TRANSACTION.match(q["sql"]) for q in ctx.captured_queries)

    times = []
    for _ in range(runs):
        start = time.perf_counter()
        response = fetch()
        times.append((time.perf_counter() - start) * 1000)
    with CaptureQueriesContext(connection) as ctx:
        fetch()
    statements = [q["sql"] for q in ctx.captured_queries]
    # BEGIN/COMMIT around the admin's session save are not questions to the database.
    queries = [q for q in statements if not TRANSACTION.match(q)]
    times.sort()
    return {
        "p50_ms": round(statistics.median(times), 1),
        "p95_ms": round(percentile(times, 0.95), 1),
        "p99_ms": round(percentile(times, 0.99), 1),
        "min_ms": round(times[0], 1),
        "max_ms": round(times[-1], 1),
        "queries": len(queries),
        "statements": len(statements),
        "cold_p50_ms": round(statistics.median(cold), 1) if cold else None,
        "cold_p95_ms": round(percentile(cold, 0.95), 1) if cold else None,
        "cold_queries": cold_queries,
        "bytes": len(response.content),
        "runs": runs,
    }


def subjects():
    """A busy country, an official with many releases, a recent release, a past year."""
    public = Release.objects.public("uz")
    country = (
        Country.objects.filter(releases__in=public.filter(published_at__year=2021))
        .annotate(n=Count("releases"))
        .order_by("-n")
        .first()
    )
    official = (
        Person.objects.annotate(n=Count("appointments__releases")).order_by("-n", "pk").first()
    )
    release = public.latest().only("slug").first()
    return country, official, release


def cases(country, official, release):
    year = "date_from=2021-01-01&date_to=2021-12-31"
    admin = f"/uz/{settings.ADMIN_URL}press/release/"
    return [
        # name, class, path
        ("home", "public", "/uz/"),
        ("press list, page 1", "public", "/uz/press/"),
        ("press list, country + year", "public", f"/uz/press/?country={country.code}&{year}"),
        (f"press list, page {DEEP_PAGE:,}", "public", f"/uz/press/?page={DEEP_PAGE}"),
        ("release", "public", f"/uz/press/{release.slug}/"),
        ("country page", "public", f"/uz/countries/{country.slug}/"),
        ("official page", "public", f"/uz/officials/{official.slug}/"),
        ("search, selective", "public", "/uz/search/?q=Mongoliya"),
        ("search, broad", "public", "/uz/search/?q=O%CA%BBzbekiston"),
        ("feed (RSS)", "public", "/uz/press/feed.rss"),
        ("sitemap index", "sitemap", "/sitemap.xml"),
        ("sitemap page (releases)", "sitemap", "/sitemap-releases.xml?p=1"),
        ("admin changelist", "admin", admin),
        ("admin changelist, filtered", "admin", f"{admin}?status__exact=published&kind=visit"),
        ("admin changelist, searched", "admin", f"{admin}?q=Mongoliya"),
        ("admin change form", "admin", f"{admin}{release.pk}/change/"),
    ]


def page_size_queries(client):
    """Queries on the press list with 20 and with 100 cards: they must not grow with it."""
    counts = {}
    original = views.ReleaseListView.paginate_by
    try:
        for size in (20, 100):
            views.ReleaseListView.paginate_by = size
            page_cache.bump()  # both counted afresh
            with CaptureQueriesContext(connection) as ctx:
                assert client.get("/uz/press/").status_code == 200
            counts[size] = len(ctx.captured_queries)
    finally:
        views.ReleaseListView.paginate_by = original
    return counts


def verdicts(results, sizes):
    by_name = {r["name"]: r for r in results}
    rows = []
    for r in results:
        limit = TARGETS[r["class"]]
        rows.append(
            {
                "check": f"{r['name']}: p95 ≤ {limit:.0f} ms",
                "value": f"{r['p95_ms']:.1f} ms",
                "met": r["p95_ms"] <= limit,
            }
        )
        if r.get("cold_queries") is not None:
            rows.append(
                {
                    "check": f"{r['name']}, just after a change: queries ≤ {MAX_QUERIES}",
                    "value": str(r["cold_queries"]),
                    "met": r["cold_queries"] <= MAX_QUERIES,
                }
            )
        if r.get("cold_p95_ms") is not None:
            rows.append(
                {
                    "check": f"{r['name']}, just after a change: p95 ≤ {limit:.0f} ms",
                    "value": f"{r['cold_p95_ms']:.1f} ms",
                    "met": r["cold_p95_ms"] <= limit,
                }
            )
        rows.append(
            {
                "check": f"{r['name']}: queries ≤ {MAX_QUERIES}",
                "value": str(r["queries"]),
                "met": r["queries"] <= MAX_QUERIES,
            }
        )
    first = by_name["press list, page 1"]["p95_ms"]
    deep = by_name[f"press list, page {DEEP_PAGE:,}"]["p95_ms"]
    rows.append(
        {
            "check": f"page {DEEP_PAGE:,} p95 ≤ {DEEP_FACTOR:.0f}× page 1 p95 ({first:.1f} ms)",
            "value": f"{deep:.1f} ms ({deep / first:.1f}×)",
            "met": deep <= DEEP_FACTOR * first,
        }
    )
    rows.append(
        {
            "check": "press list queries constant whatever the page size (20 vs 100 cards)",
            "value": f"{sizes[20]} / {sizes[100]}",
            "met": sizes[20] == sizes[100],
        }
    )
    return rows


def markdown(report):
    facts = report["machine"]
    db = facts.get("postgresql") and f"PostgreSQL {facts['postgresql']}"
    db = db or (facts.get("sqlite") and f"SQLite {facts['sqlite']}") or facts["vendor"]
    lines = [
        f"# Page benchmark: {facts['vendor']}",
        "",
        f"- {report['releases']:,} releases ({report['public_uz']:,} public in uz); "
        f"{report['runs']} runs after {report['warmups']} warm-ups "
        f"(sitemap pages: {report['slow_runs']}); {report['when']}",
        f"- {db}; {facts['nproc']} CPUs ({facts.get('cpu', '')}), "
        f"{facts.get('memory_gb', '?')} GB RAM; load average at start "
        f"{report['loadavg']}; Python {facts['python']}, Django {facts['django']}; "
        f"commit {facts.get('git_commit', '?')}",
        "- Django test client, DEBUG off, page cache off (every page rendered): "
        "`ministry.settings.bench`. Admin pages as a superuser. *queries*: SQL statements "
        "but BEGIN/COMMIT (the admin saves its session on every request).",
        "",
        "- *just after a change*: the first view of the page after a publication or any "
        "other change, when the list's count and the filter form's names are computed "
        "again (press.site.page_cache.remember; the generation is bumped before each run). "
        "Otherwise they are kept, as for almost every page-cache miss in production.",
        "",
        "| page | path | p50 ms | p95 ms | queries | just after a change: p50 / p95 ms, "
        "queries | KB | target p95 | |",
        "|---|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for r in report["results"]:
        limit = TARGETS[r["class"]]
        worst = max(r["p95_ms"], r.get("cold_p95_ms") or 0)
        ok = worst <= limit and max(r["queries"], r.get("cold_queries") or 0) <= MAX_QUERIES
        cold = "—"
        if r.get("cold_p95_ms") is not None:
            cold = f"{r['cold_p50_ms']:.1f} / {r['cold_p95_ms']:.1f}, {r['cold_queries']}"
        lines.append(
            f"| {r['name']} | `{r['path']}` | {r['p50_ms']:.1f} | {r['p95_ms']:.1f} | "
            f"{r['queries']} | {cold} | {r['bytes'] / 1024:.0f} | ≤ {limit:.0f} ms | "
            f"{'met' if ok else '**missed**'} |"
        )
    if report.get("skipped"):
        lines += [
            "",
            f"Not run: {', '.join(report['skipped'])}. SQLite's search fallback folds every "
            "row in Python (bench/results/search-sqlite.md: seconds a query at 10,000 "
            "releases); `--search` runs them anyway.",
        ]
    lines += ["", "## Targets", "", "| check | measured | |", "|---|---:|---|"]
    for v in report["targets"]:
        lines.append(f"| {v['check']} | {v['value']} | {'met' if v['met'] else '**missed**'} |")
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--warmups", type=int, default=3)
    parser.add_argument("--slow-runs", type=int, default=5, help="runs of sitemap pages")
    parser.add_argument(
        "--cold-runs", type=int, default=20, help="runs of public pages just after a change"
    )
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    parser.add_argument("--only", help="Run the pages whose name contains this text.")
    parser.add_argument(
        "--search", action="store_true", help="On SQLite, time the search pages too (slow)."
    )
    args = parser.parse_args()

    releases = Release.objects.count()
    if not releases:
        sys.exit("No releases: run `manage.py generate_releases --count 100000` first.")
    from django.contrib.auth import get_user_model

    admin_user, _ = get_user_model().objects.get_or_create(
        username="bench-admin", defaults={"is_staff": True, "is_superuser": True}
    )
    visitor, editor = Client(), Client()
    editor.force_login(admin_user)

    country, official, release = subjects()
    results = []
    skipped = []
    for name, klass, path in cases(country, official, release):
        if args.only and args.only not in name:
            continue
        if name.startswith("search") and connection.vendor == "sqlite" and not args.search:
            skipped.append(name)  # the fallback reads every row: minutes a query at volume
            continue
        client = editor if klass == "admin" else visitor
        runs = args.slow_runs if klass == "sitemap" else args.runs
        result = {"name": name, "class": klass, "path": path}
        cold_runs = args.cold_runs if klass == "public" else 0
        result |= measure(client, path, runs, min(args.warmups, runs), cold_runs)
        results.append(result)
        print(
            f"{name:32} p50 {result['p50_ms']:8.1f}  p95 {result['p95_ms']:8.1f} ms  "
            f"{result['queries']:3} queries  {result['bytes'] / 1024:6.0f} KB"
            + (f"  after a change p95 {result['cold_p95_ms']:.1f}" if cold_runs else ""),
            flush=True,
        )
    report = {
        "when": timezone.now().astimezone(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine_facts(),
        "loadavg": " ".join(f"{x:.1f}" for x in os.getloadavg()),
        "releases": releases,
        "public_uz": Release.objects.public("uz").count(),
        "runs": args.runs,
        "slow_runs": args.slow_runs,
        "warmups": args.warmups,
        "results": results,
        "skipped": skipped,
    }
    if not args.only:
        report["page_size_queries"] = page_size_queries(visitor)
        report["targets"] = verdicts(results, report["page_size_queries"])
    else:
        report["targets"] = []
    vendor = connection.vendor
    args.out.mkdir(parents=True, exist_ok=True)
    if not args.only:
        (args.out / f"pages-{vendor}.json").write_text(json.dumps(report, indent=2) + "\n")
        (args.out / f"pages-{vendor}.md").write_text(markdown(report))
    print()
    print(markdown(report))


if __name__ == "__main__":
    main()
