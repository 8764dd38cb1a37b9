"""Server models side by side: bench/load.py for each gunicorn configuration, one run.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/press_bench \\
    REDIS_URL=redis://127.0.0.1:6379/0 .venv/bin/python bench/servers.py [--duration 10]

For gthread 2 × 8 (what gunicorn.conf.py ships on 2 CPUs), gthread 4 × 4, sync 2 × 1 and
sync 5 × 1, at 10 and 64 connections (and the shipped one at 32, the issue's cached target):
the press list and a release with the page cache on and off (every request rendered: a
cache-miss spike), each for --duration seconds. Back to back on the same machine, so the
rows compare with each other; the load average at the start of each is in the table.
Writes bench/results/servers.{json,md}; about 8 minutes at 10 s a run.
"""

import argparse
import datetime
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONFIGS = [("gthread", 2, 8), ("gthread", 4, 4), ("sync", 2, 1), ("sync", 5, 1)]
CONNECTIONS = [10, 64]
SHIPPED = ("gthread", 2, 8)
CACHED_TARGET = (32, 2000)  # connections, requests/s: issue #21


def run(worker_class, workers, threads, connections, duration) -> dict:
    with tempfile.TemporaryDirectory() as out:
        subprocess.run(
            [
                sys.executable, "bench/load.py", "--out", out, "--duration", str(duration),
                "--worker-class", worker_class, "--workers", str(workers),
                "--gunicorn-threads", str(threads), "--connections", str(connections),
            ],
            cwd=ROOT, check=True, stdout=subprocess.DEVNULL,
        )  # fmt: skip
        report = json.loads((Path(out) / "load.json").read_text())
    report["connections"] = connections
    return report


def cell(report, page, cache, key):
    for r in report["results"]:
        if r["page"] == page and r["cache"] == cache:
            return r[key]
    return None


def markdown(runs) -> str:
    first = runs[0]
    lines = [
        "# Server models (bench/servers.py)",
        "",
        f"- {first['when']}, {first['releases']:,} releases on PostgreSQL, Redis cache; "
        f"{first['nproc']} CPUs ({first['cpu']}); commit {first['git_commit']}",
        "- wrk on the same CPUs as gunicorn, PostgreSQL and Redis; *on* = page cache on, "
        "*off* = every request rendered (`PRESS_PAGE_CACHE_SECONDS=0`).",
        "",
        "| server | connections | load avg at start | list on req/s | list on p99 ms "
        "| release on req/s | release on p99 ms | list off req/s | list off p50 / p99 ms "
        "| release off req/s | release off p50 / p99 ms | errors |",
        "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in runs:
        errors = sum(x["errors"] + x["non_2xx_3xx"] for x in r["results"])
        row = [
            f"{r['worker_class']} {r['workers']}×{r['threads']}",
            str(r["connections"]),
            r["loadavg"],
        ]
        for page in ("press list", "release"):
            row += [
                f"{cell(r, page, 'on', 'requests_per_s'):,.0f}",
                f"{cell(r, page, 'on', 'p99_ms'):.1f}",
            ]
        for page in ("press list", "release"):
            row += [
                f"{cell(r, page, 'off', 'requests_per_s'):,.0f}",
                f"{cell(r, page, 'off', 'p50_ms'):.1f} / {cell(r, page, 'off', 'p99_ms'):.1f}",
            ]
        row.append(str(errors))
        lines.append("| " + " | ".join(row) + " |")
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    args = parser.parse_args()
    plan = [(*config, c) for c in CONNECTIONS for config in CONFIGS]
    plan.insert(0, (*SHIPPED, CACHED_TARGET[0]))
    runs = []
    for worker_class, workers, threads, connections in plan:
        print(f"{worker_class} {workers}×{threads} at {connections} connections", flush=True)
        runs.append(run(worker_class, workers, threads, connections, args.duration))
    args.out.mkdir(parents=True, exist_ok=True)
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    (args.out / "servers.json").write_text(json.dumps({"when": stamp, "runs": runs}, indent=2))
    (args.out / "servers.md").write_text(markdown(runs))
    print(markdown(runs))


if __name__ == "__main__":
    main()
