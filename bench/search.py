"""Search timings against an already generated database.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/press_bench .venv/bin/python bench/search.py

Generate the rows first (`manage.py generate_releases --count 100000`). For each query it times,
after warm-ups, N runs of: the first page (20 rows, evaluated) and the count through
press.search.search_releases(Release.objects.public(lang), q), and the whole search page through
the Django test client (GET /<lang>/search/?q=…). Writes bench/results/search-<vendor>.json and
.md. Read-only: it changes nothing in the database.
"""

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ministry.settings.dev")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import translation  # noqa: E402

from press.models import Release  # noqa: E402
from press.search import RANK_LIMIT, search_releases, similar_releases  # noqa: E402

PAGE = 20
# name, language, query, class (the target it is held to)
CASES = [
    ("selective uz", "uz", "Mongoliya", "selective"),
    ("selective uz-cyrl", "uz-cyrl", "Монголия", "selective"),
    ("selective ru", "ru", "Монголия", "selective"),
    ("selective en", "en", "Mongolia", "selective"),
    ("broad uz", "uz", "Oʻzbekiston", "broad"),
    ("broad uz (ASCII ')", "uz", "O'zbekiston", "broad"),
    ("broad uz-cyrl", "uz-cyrl", "Ўзбекистон", "broad"),
    ("broad ru", "ru", "Узбекистан", "broad"),
    ("trigram uz (typo)", "uz", "Mongolya", "trigram"),
]
TARGETS = {"selective": 20.0, "broad": 150.0}  # p50 of the first page, ms
MEASURES = ("page", "count", "view")


def measure(fn, runs, warmups):
    for _ in range(warmups):
        fn()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    with CaptureQueriesContext(connection) as ctx:
        fn()
    times.sort()
    return {
        "p50_ms": round(statistics.median(times), 2),
        "p95_ms": round(times[min(len(times) - 1, round(0.95 * (len(times) - 1)))], 2),
        "min_ms": round(times[0], 2),
        "max_ms": round(times[-1], 2),
        "queries": len(ctx.captured_queries),
    }


def run_case(client, name, lang, q, klass, runs, warmups, explain):
    def public():
        return Release.objects.public(lang)

    with translation.override(lang):
        if klass == "trigram":
            hits_fts = search_releases(public(), q).count()
            hits = len(list(similar_releases(public().for_cards(), q)))

            def page():
                return list(similar_releases(public().for_cards(), q))

            def count():
                return search_releases(public(), q).count()  # what the view asks first: 0

        else:
            hits_fts = hits = search_releases(public(), q).count()

            def page():
                return list(search_releases(public(), q)[:PAGE])

            def count():
                return search_releases(public(), q).count()

        def view():
            response = client.get(f"/{lang}/search/", {"q": q})
            assert response.status_code == 200, (name, response.status_code)
            return response.content

        if explain:
            qs = (
                similar_releases(public().for_cards(), q)
                if klass == "trigram"
                else search_releases(public(), q)[:PAGE]
            )
            print(f"\n=== {name}: {q} (first page)\n{qs.explain(analyze=True, buffers=True)}")
        result = {"name": name, "lang": lang, "query": q, "class": klass}
        result["hits"] = hits
        if klass == "trigram":
            result["fts_hits"] = hits_fts
        for label, fn in (("page", page), ("count", count), ("view", view)):
            result[label] = measure(fn, runs, warmups)
    return result


def machine_facts():
    facts = {
        "nproc": os.cpu_count(),
        "cpu": "",
        "python": platform.python_version(),
        "django": django.get_version(),
        "vendor": connection.vendor,
    }
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                facts["cpu"] = line.split(":", 1)[1].strip()
                break
        facts["memory_gb"] = round(
            os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1
        )
    except (OSError, ValueError):
        pass
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SHOW server_version")
            facts["postgresql"] = cursor.fetchone()[0]
            cursor.execute("SHOW shared_buffers")
            facts["shared_buffers"] = cursor.fetchone()[0]
            cursor.execute("SELECT pg_size_pretty(pg_total_relation_size('press_release'))")
            facts["release_table_size"] = cursor.fetchone()[0]
        elif connection.vendor == "sqlite":
            cursor.execute("SELECT sqlite_version()")
            facts["sqlite"] = cursor.fetchone()[0]
    try:
        facts["git_commit"] = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        pass
    return facts


def verdicts(results):
    rows = []
    for r in results:
        limit = TARGETS.get(r["class"])
        if limit is None:
            continue
        for label in ("page", "view"):
            p50 = r[label]["p50_ms"]
            rows.append(
                {
                    "case": r["name"],
                    "measure": label,
                    "target_ms": limit,
                    "p50_ms": p50,
                    "met": p50 <= limit,
                }
            )
    return rows


def markdown(report):
    facts, lines = report["machine"], []
    db = facts.get("postgresql") and f"PostgreSQL {facts['postgresql']}"
    db = db or (facts.get("sqlite") and f"SQLite {facts['sqlite']}") or facts["vendor"]
    lines += [
        f"# Search benchmark: {facts['vendor']}",
        "",
        f"- {report['releases']:,} releases ({report['public_uz']:,} public in uz); "
        f"{report['runs']} runs after {report['warmups']} warm-ups; {report['when']}",
        f"- {db}; {facts['nproc']} CPUs ({facts.get('cpu', '')}), "
        f"{facts.get('memory_gb', '?')} GB RAM; Python {facts['python']}, "
        f"Django {facts['django']}; commit {facts.get('git_commit', '?')}",
    ]
    if facts.get("release_table_size"):
        lines.append(
            f"- press_release with indexes and TOAST: {facts['release_table_size']}; "
            f"shared_buffers {facts['shared_buffers']}"
        )
    lines += [
        "- *page*: `list(search_releases(Release.objects.public(lang), q)[:20])`; *count*: "
        "`search_releases(…).count()`; *view*: the whole page, `GET /<lang>/search/?q=…` "
        "through the test client (search, paginator count, cards, names of countries, "
        "officials and topics). Trigram row: *page* is `similar_releases(…)`, *count* the "
        "full-text count that finds nothing first.",
        "",
        "| case | query | hits | page p50 / p95 ms | count p50 / p95 ms | "
        "view p50 / p95 ms | queries page / count / view |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for r in report["results"]:
        cells = [f"{r[m]['p50_ms']:.1f} / {r[m]['p95_ms']:.1f}" for m in MEASURES]
        queries = " / ".join(str(r[m]["queries"]) for m in MEASURES)
        lines.append(
            f"| {r['name']} | `{r['query']}` | {r['hits']:,} | {' | '.join(cells)} | {queries} |"
        )
    lines += [
        "",
        "## Targets (p50)",
        "",
        "| case | measure | target | p50 | |",
        "|---|---|---:|---:|---|",
    ]
    for v in report["targets"]:
        lines.append(
            f"| {v['case']} | {v['measure']} | ≤ {v['target_ms']:.0f} ms | {v['p50_ms']:.1f} ms "
            f"| {'met' if v['met'] else '**missed**'} |"
        )
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--warmups", type=int, default=2)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    parser.add_argument("--only", help="Run the cases whose name contains this text.")
    parser.add_argument("--explain", action="store_true", help="Print EXPLAIN ANALYZE plans.")
    args = parser.parse_args()

    releases = Release.objects.count()
    if not releases:
        sys.exit("No releases: run `manage.py generate_releases --count 100000` first.")
    public_uz = Release.objects.public("uz").count()
    client = Client()
    results = []
    for name, lang, q, klass in CASES:
        if args.only and args.only not in name:
            continue
        result = run_case(client, name, lang, q, klass, args.runs, args.warmups, args.explain)
        results.append(result)
        print(
            f"{name:22} {q:14} hits {result['hits']:>7,}  "
            + "  ".join(
                f"{m} {result[m]['p50_ms']:7.1f}/{result[m]['p95_ms']:7.1f} ms "
                f"({result[m]['queries']}q)"
                for m in MEASURES
            ),
            flush=True,
        )
    report = {
        "releases": releases,
        "public_uz": public_uz,
        "rank_limit": RANK_LIMIT,
        "runs": args.runs,
        "warmups": args.warmups,
        "when": time.strftime("%Y-%m-%d %H:%M %Z"),
        "machine": machine_facts(),
        "results": results,
        "targets": verdicts(results),
    }
    args.out.mkdir(parents=True, exist_ok=True)
    stem = args.out / f"search-{connection.vendor}"
    stem.with_suffix(".json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    stem.with_suffix(".md").write_text(markdown(report), encoding="utf-8")
    print(f"\nWritten {stem}.json and {stem}.md")
    missed = [v for v in report["targets"] if not v["met"]]
    for v in missed:
        print(f"missed: {v['case']} {v['measure']} p50 {v['p50_ms']} ms > {v['target_ms']} ms")


if __name__ == "__main__":
    main()
