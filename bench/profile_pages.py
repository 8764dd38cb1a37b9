"""Where an uncached page's time goes: cProfile of warm requests, queries and SQL time.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/press_bench \\
        .venv/bin/python bench/profile_pages.py [--runs 20] [--only release] [--label after]

The public pages of bench/pages.py (press list, a release, a country, an official, a
search) through the Django test client with the page cache off, as a miss renders them.
After warm-ups, --runs requests run under cProfile; the figures are per request and
counted in this process's CPU time (``time.process_time``: what other processes on a
shared, loaded machine do barely moves it, unlike the clock; cProfile's own overhead
inflates every figure by a similar factor, so compare them with each other). For each
page: total, the time under a few named parts (database, templates, filter form,
middleware, gettext, URL reversing), the query count and the database's own time (an
execute wrapper), then the top functions by their own time. Writes
bench/results/profile-<vendor>.{json,md}.
"""

import argparse
import cProfile
import datetime
import json
import os
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ministry.settings.bench")
os.environ["PRESS_PAGE_CACHE_SECONDS"] = "0"  # uncached: the cost of a miss

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from bench.pages import subjects  # noqa: E402
from press.site import page_cache  # noqa: E402

# Parts named by the function whose cumulative time is theirs (file suffix, function name).
PARTS = {
    "database (driver + ORM compile)": [("django/db/models/sql/compiler.py", "execute_sql")],
    "templates": [("django/template/base.py", "render")],
    "filter form": [("django_filters/filterset.py", "__init__")],
    "gettext": [("django/utils/translation/__init__.py", "gettext")],
    "url reverse": [("django/urls/base.py", "reverse")],
    "translate_url": [("django/urls/base.py", "translate_url")],
    "middleware (all)": [("django/core/handlers/base.py", "get_response")],
}


def pages():
    country, official, release = subjects()
    return [
        ("press list", "/uz/press/"),
        ("release", f"/uz/press/{release.slug}/"),
        ("country page", f"/uz/countries/{country.slug}/"),
        ("official page", f"/uz/officials/{official.slug}/"),
        ("search, selective", "/uz/search/?q=Mongoliya"),
    ]


def named_parts(stats: pstats.Stats, runs: int) -> dict:
    found = {}
    for part, keys in PARTS.items():
        best = 0.0
        for (filename, _line, function), (_cc, _nc, _tt, ct, _callers) in stats.stats.items():
            for suffix, name in keys:
                if function == name and filename.endswith(suffix):
                    best = max(best, ct)  # the outermost entry (recursion counted once)
        found[part] = round(best / runs * 1000, 2)
    return found


def top(stats: pstats.Stats, runs: int, key: int, n: int) -> list:
    rows = []
    for (filename, line, function), (_cc, nc, tt, ct, _callers) in stats.stats.items():
        short = filename.split("site-packages/")[-1].replace(str(ROOT) + "/", "")
        rows.append(
            {
                "function": f"{short}:{line}({function})",
                "calls": round(nc / runs, 1),
                "own_ms": round(tt / runs * 1000, 3),
                "cumulative_ms": round(ct / runs * 1000, 3),
            }
        )
    field = "own_ms" if key == 0 else "cumulative_ms"
    return sorted(rows, key=lambda r: r[field], reverse=True)[:n]


def profile_page(client, path, runs, warmups, callers=None):
    for _ in range(warmups):
        assert client.get(path).status_code == 200, path
    sql = {"ms": 0.0}

    def timed(execute, sql_text, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql_text, params, many, context)
        finally:
            sql["ms"] += (time.perf_counter() - start) * 1000

    with CaptureQueriesContext(connection) as ctx:
        response = client.get(path)
    queries = len(ctx.captured_queries)
    # Just after a change that touches every page (a name): nothing kept, all read again.
    if hasattr(page_cache, "ALL"):
        page_cache.bump(page_cache.ALL, page_cache.NAMES)
    else:  # the code before tags (to profile it for comparison): two generations
        page_cache.bump()
        page_cache.bump(page_cache.NAMES_GENERATION_KEY)
    with CaptureQueriesContext(connection) as ctx:
        client.get(path)
    cold_queries = len(ctx.captured_queries)
    client.get(path)
    with connection.execute_wrapper(timed):
        start, cpu_start = time.perf_counter(), time.process_time()
        for _ in range(runs):
            client.get(path)
        wall = (time.perf_counter() - start) * 1000 / runs
        cpu = (time.process_time() - cpu_start) * 1000 / runs
    sql_ms = sql["ms"] / runs
    # CPU time of this process, not the clock: another process's load does not count.
    profiler = cProfile.Profile(time.process_time)
    profiler.enable()
    for _ in range(runs):
        client.get(path)
    profiler.disable()
    stats = pstats.Stats(profiler)
    if callers:
        stats.sort_stats("cumulative").print_callers(callers)
    return {
        "queries": queries,
        "queries_after_change": cold_queries,
        "bytes": len(response.content),
        "wall_ms": round(wall, 2),
        "sql_ms": round(sql_ms, 2),
        "python_ms": round(wall - sql_ms, 2),
        "cpu_ms": round(cpu, 2),
        "profiled_ms": round(stats.total_tt / runs * 1000, 2),
        "calls": round(stats.total_calls / runs),
        "parts_ms": named_parts(stats, runs),
        "top_own": top(stats, runs, 0, 15),
        "top_cumulative": top(stats, runs, 1, 30),
    }


def markdown(report) -> str:
    lines = [
        f"# Profile of uncached pages ({report['vendor']}, {report['date']})",
        "",
        f"{report['runs']} profiled requests per page after {report['warmups']} warm-ups; "
        "page cache off. *wall*, *sql* and *CPU* are without the profiler (SQL: the execute "
        "wrapper's time, driver and server; *python* = wall - sql; *CPU*: this process's "
        "CPU time, which the machine's load barely moves); the parts are cumulative times "
        "under cProfile (inflated by its overhead, comparable with each other).",
        "",
        "| page | queries (after a change) | wall ms | sql ms | python ms | CPU ms | "
        "profiled ms | calls | " + " | ".join(PARTS) + " |",
        "|---|" + "---:|" * (7 + len(PARTS)),
    ]
    for name, r in report["pages"].items():
        parts = " | ".join(f"{r['parts_ms'][p]:.1f}" for p in PARTS)
        lines.append(
            f"| {name} | {r['queries']} ({r['queries_after_change']}) | {r['wall_ms']:.1f} | "
            f"{r['sql_ms']:.1f} | "
            f"{r['python_ms']:.1f} | {r['cpu_ms']:.1f} | {r['profiled_ms']:.1f} | "
            f"{r['calls']:,} | {parts} |"
        )
    for name, r in report["pages"].items():
        lines += ["", f"## {name}", "", "| own ms | cumulative ms | calls | function |"]
        lines.append("|---:|---:|---:|---|")
        for row in r["top_own"]:
            lines.append(
                f"| {row['own_ms']:.3f} | {row['cumulative_ms']:.3f} | {row['calls']} | "
                f"`{row['function']}` |"
            )
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--warmups", type=int, default=5)
    parser.add_argument("--only", help="profile only pages whose name contains this")
    parser.add_argument("--label", default="", help="suffix of the result files")
    parser.add_argument("--print", action="store_true", help="print the cumulative top too")
    parser.add_argument("--callers", help="print who calls functions whose name has this")
    args = parser.parse_args()
    client = Client()
    report = {
        "vendor": connection.vendor,
        "date": datetime.date.today().isoformat(),
        "runs": args.runs,
        "warmups": args.warmups,
        "pages": {},
    }
    for name, path in pages():
        if args.only and args.only not in name:
            continue
        result = profile_page(client, path, args.runs, args.warmups, args.callers)
        report["pages"][name] = {"path": path, **result}
        print(
            f"{name:20} {result['queries']:3} ({result['queries_after_change']}) queries  "
            f"wall {result['wall_ms']:6.1f} ms  "
            f"sql {result['sql_ms']:5.1f}  python {result['python_ms']:5.1f}  "
            f"cpu {result['cpu_ms']:5.1f}  "
            f"profiled {result['profiled_ms']:6.1f}  {result['parts_ms']}",
            flush=True,
        )
        if args.print:
            for row in result["top_cumulative"]:
                print(
                    f"   {row['cumulative_ms']:8.3f} {row['own_ms']:8.3f} {row['calls']:7} "
                    f"{row['function']}"
                )
    out = ROOT / "bench" / "results"
    stem = f"profile-{connection.vendor}{'-' + args.label if args.label else ''}"
    (out / f"{stem}.json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    (out / f"{stem}.md").write_text(markdown(report))
    print(f"written: bench/results/{stem}.md")


if __name__ == "__main__":
    main()
