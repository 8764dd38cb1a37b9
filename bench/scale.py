"""Flat cost: the same pages at 100,000 and at 1,000,000 releases (issue #21).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/vol_bench_100k .venv/bin/python bench/scale.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/vol_bench_1m .venv/bin/python bench/scale.py
    /work/venvs/volume/bin/python bench/plot.py        # the PNG, from the JSON files

One connection, the Django test client, page cache off, DEBUG off (``ministry.settings.bench``
through bench/pages.py, whose ``measure`` and ``subjects`` this reuses): the press list, a
release, a country page, an official's page and a selective search (p50, p99, queries), and
the admin's release changelist filtered by country and status and searched (p95), as a
superuser. Then the database's size and its largest tables and indexes. Writes
bench/results/scale-<label>.json and .md (label: 100k, 1m, or the count).
"""

import argparse
import datetime
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from bench.pages import measure, subjects  # noqa: E402  (sets Django up, page cache off)
from bench.search import machine_facts  # noqa: E402
from press.models import Release  # noqa: E402

# Issue #21: each public page within 1.5× its 100,000-release figure; the admin p95.
FLAT_FACTOR = 1.5
ADMIN_P95_MS = 150.0


def cases(country, official, release):
    admin = f"/uz/{settings.ADMIN_URL}press/release/"
    return [
        # name, class, path
        ("press list", "public", "/uz/press/"),
        ("release", "public", f"/uz/press/{release.slug}/"),
        ("country page", "public", f"/uz/countries/{country.slug}/"),
        ("official page", "public", f"/uz/officials/{official.slug}/"),
        ("search, selective", "public", "/uz/search/?q=Mongoliya"),
        (
            "admin changelist, filtered",
            "admin",
            f"{admin}?countries__id__exact={country.pk}&status__exact=published",
        ),
        ("admin changelist, searched", "admin", f"{admin}?q=Mongoliya"),
    ]


def sizes() -> dict:
    """The database's size, and its largest tables (with their indexes) and indexes."""
    if connection.vendor != "postgresql":
        return {}
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_database_size(current_database())")
        database = cursor.fetchone()[0]
        cursor.execute(
            """
            SELECT c.relname, pg_total_relation_size(c.oid), pg_relation_size(c.oid),
                   pg_indexes_size(c.oid)
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind = 'r' AND n.nspname = current_schema()
            ORDER BY 2 DESC LIMIT 10
            """
        )
        tables = [
            {"table": t, "total": total, "heap": heap, "indexes": indexes}
            for t, total, heap, indexes in cursor.fetchall()
        ]
        cursor.execute(
            """
            SELECT i.relname, t.relname, pg_relation_size(i.oid)
            FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
            JOIN pg_class t ON t.oid = x.indrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = current_schema()
            ORDER BY 3 DESC LIMIT 15
            """
        )
        indexes = [{"index": i, "table": t, "size": size} for i, t, size in cursor.fetchall()]
    return {"database": database, "tables": tables, "indexes": indexes}


def label(count: int) -> str:
    if count % 1_000_000 == 0:
        return f"{count // 1_000_000}m"
    if count % 1_000 == 0:
        return f"{count // 1_000}k"
    return str(count)


def mb(size: int) -> str:
    return f"{size / 2**20:,.0f}"


def markdown(report) -> str:
    facts = report["machine"]
    lines = [
        f"# Flat cost at {report['releases']:,} releases",
        "",
        f"- {report['releases']:,} releases; {report['runs']} runs after {report['warmups']} "
        f"warm-ups; {report['when']}; load average {report['loadavg']} at the start, "
        f"{report['loadavg_end']} at the end",
        f"- PostgreSQL {facts.get('postgresql', '?')}, {facts['nproc']} CPUs, Python "
        f"{facts['python']}, Django {facts['django']}; commit {facts.get('git_commit', '?')}",
        "- One connection, Django test client, page cache off, DEBUG off "
        "(`ministry.settings.bench`); admin pages as a superuser.",
        "",
        "| page | p50 ms | p95 ms | p99 ms | CPU ms (this process) | queries |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for r in report["results"]:
        lines.append(
            f"| {r['name']} | {r['p50_ms']:.1f} | {r['p95_ms']:.1f} | {r['p99_ms']:.1f} | "
            f"{r.get('cpu_ms', '—')} | {r['queries']} |"
        )
    size = report.get("sizes") or {}
    if size:
        lines += [
            "",
            f"Database: **{mb(size['database'])} MB**.",
            "",
            "| table | total MB | heap MB | indexes MB |",
            "|---|---:|---:|---:|",
        ]
        for t in size["tables"]:
            lines.append(
                f"| {t['table']} | {mb(t['total'])} | {mb(t['heap'])} | {mb(t['indexes'])} |"
            )
        lines += ["", "| index | table | MB |", "|---|---|---:|"]
        for i in size["indexes"]:
            lines.append(f"| {i['index']} | {i['table']} | {mb(i['size'])} |")
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--warmups", type=int, default=3)
    parser.add_argument("--label", help="the result files' suffix (default: from the count)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    args = parser.parse_args()

    releases = Release.objects.count()
    if not releases:
        sys.exit("No releases: run `manage.py generate_releases` first (bench/README.md).")
    admin_user, _ = get_user_model().objects.get_or_create(
        username="bench-admin", defaults={"is_staff": True, "is_superuser": True}
    )
    visitor, editor = Client(), Client()
    editor.force_login(admin_user)
    loadavg = " ".join(f"{x:.1f}" for x in os.getloadavg())

    results = []
    for name, klass, path in cases(*subjects()):
        client = editor if klass == "admin" else visitor
        result = {"name": name, "class": klass, "path": path}
        # This process's CPU time a request (Python: view, ORM, templates), which other
        # processes' load barely moves, unlike the clock; SQL time is the server's.
        cpu = time.process_time()
        result |= measure(client, path, args.runs, args.warmups)
        result["cpu_ms"] = round(
            (time.process_time() - cpu) * 1000 / (args.runs + args.warmups + 1), 1
        )
        results.append(result)
        print(
            f"{name:28} p50 {result['p50_ms']:7.1f}  p95 {result['p95_ms']:7.1f}  "
            f"p99 {result['p99_ms']:7.1f} ms  CPU {result['cpu_ms']:6.1f} ms  "
            f"{result['queries']:3} queries",
            flush=True,
        )
    report = {
        "when": timezone.now().astimezone(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine_facts(),
        "loadavg": loadavg,
        "loadavg_end": " ".join(f"{x:.1f}" for x in os.getloadavg()),
        "releases": releases,
        "runs": args.runs,
        "warmups": args.warmups,
        "results": results,
        "sizes": sizes(),
    }
    stem = f"scale-{args.label or label(releases)}"
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / f"{stem}.json").write_text(json.dumps(report, indent=2) + "\n")
    (args.out / f"{stem}.md").write_text(markdown(report))
    print(markdown(report))
    print(f"written: bench/results/{stem}.md")


if __name__ == "__main__":
    main()
