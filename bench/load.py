"""Load test: wrk against gunicorn, PostgreSQL and Redis, all on loopback, bounded in time.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/press_bench \\
    REDIS_URL=redis://127.0.0.1:6379/0 .venv/bin/python bench/load.py

Starts gunicorn (gunicorn.conf.py, ``ministry.settings.bench``: DEBUG off, the database and
Redis from the environment) on 127.0.0.1, and for the press list and a release page runs
``wrk -t2 -c32 -d15s --latency`` twice: with the page cache on (what visitors get) and off
(``PRESS_PAGE_CACHE_SECONDS=0``: every request rendered, the worst case after a publication).
Each run is at most --duration seconds (≤ 20); gunicorn is stopped at the end, whatever
happens. Writes bench/results/load.json and load.md. Needs wrk (apt-get install wrk).

Target: cached, at least 1,000 requests per second on 2 cores with p99 ≤ 50 ms and no
errors. Only 127.0.0.1 is ever sent traffic.
"""

import argparse
import datetime
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scale.cluster import free_port  # noqa: E402  (outside the kernel's ephemeral range)

HOST = "127.0.0.1"
TARGET_RPS = 1000
TARGET_P99_MS = 50.0
MAX_DURATION = 20


def release_path(env) -> str:
    """The newest public release in Uzbek, asked of the same database."""
    code = (
        "from press.models import Release; "
        "print(Release.objects.public('uz').latest().values_list('slug', flat=True)[0])"
    )
    out = subprocess.run(
        [sys.executable, "manage.py", "shell", "-v0", "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return f"/uz/press/{out.stdout.strip()}/"


class Gunicorn:
    """Our gunicorn (gunicorn.conf.py, ministry.wsgi) on HOST:port until the block ends.

    ``gunicorn``, ``app``, ``cwd`` and ``health`` run another project's WSGI app under the
    same configuration (bench/peer.py); ``health`` is a path that answers 200 once it is up.
    """

    def __init__(
        self, env, port, log, *, gunicorn=None, app="ministry.wsgi", cwd=ROOT, health="/healthz"
    ):
        self.env, self.port, self.log = env, port, log
        self.gunicorn = gunicorn or Path(sys.executable).with_name("gunicorn")
        self.app, self.cwd, self.health = app, cwd, health
        self.process = None

    def __enter__(self):
        command = [str(self.gunicorn), "-c", str(ROOT / "gunicorn.conf.py"), self.app]
        self.ready_before = self.ready_lines()
        env = {**self.env, "BIND": f"{HOST}:{self.port}"}
        self.process = subprocess.Popen(
            command, cwd=self.cwd, env=env, stdout=self.log, stderr=self.log,
            start_new_session=True,
        )  # fmt: skip
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {self.process.returncode}")
            try:
                url = f"http://{HOST}:{self.port}{self.health}"
                with urllib.request.urlopen(url, timeout=2) as r:
                    if r.status == 200 and self.all_workers_ready(deadline):
                        return self
            except OSError:
                time.sleep(0.3)
        self.__exit__()
        raise RuntimeError(f"gunicorn did not answer {self.health} within 30 s")

    def all_workers_ready(self, deadline) -> bool:
        """Wait until every worker has said so (gunicorn.conf.py's post_worker_init). The
        first worker answers the health check while the others still start; a measure
        begun then opens all its connections to that one, and they stay there: half the
        throughput of a two-worker server for the whole run."""
        expected = int(self.env.get("WEB_CONCURRENCY") or os.cpu_count() or 1)
        while time.monotonic() < deadline:
            if self.ready_lines() - self.ready_before >= expected:
                return True
            time.sleep(0.1)
        return False

    def ready_lines(self) -> int:
        # The log may be shared with another server (bench/peer.py): count from our start.
        self.log.flush()
        with open(self.log.name, errors="replace") as log:
            return sum("ready to serve" in line for line in log)

    def __exit__(self, *exc):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)  # our own process, by its id
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def get(url) -> tuple[int, dict]:
    with urllib.request.urlopen(url, timeout=10) as response:
        response.read()
        return response.status, dict(response.headers)


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def ms(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text.strip()).groups()
    return float(number) * UNITS[unit]


def parse_wrk(output: str) -> dict:
    result = {
        "requests_per_s": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "requests": int(re.search(r"(\d+) requests in", output).group(1)),
        "errors": 0,
        "non_2xx_3xx": 0,
    }
    for label, value in re.findall(r"^\s*(50|75|90|99)%\s+(\S+)\s*$", output, re.M):
        result[f"p{label}_ms"] = round(ms(value), 2)
    if "p99_ms" not in result:
        raise RuntimeError(f"wrk printed no latency distribution:\n{output}")
    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    if socket_errors:
        result["errors"] = sum(int(n) for n in socket_errors.groups())
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if bad:
        result["non_2xx_3xx"] = int(bad.group(1))
    return result


def run_wrk(url, args) -> dict:
    command = [
        "wrk",
        f"-t{args.threads}",
        f"-c{args.connections}",
        f"-d{args.duration}s",
        "--timeout",
        "5s",
        "--latency",
        url,
    ]
    out = subprocess.run(
        command, capture_output=True, text=True, timeout=args.duration + 15, check=True
    )
    return parse_wrk(out.stdout) | {"command": " ".join(command)}


def meets(result) -> bool:
    return (
        result["requests_per_s"] >= TARGET_RPS
        and result["p99_ms"] <= TARGET_P99_MS
        and result["errors"] == 0
        and result["non_2xx_3xx"] == 0
    )


def markdown(report) -> str:
    lines = [
        "# Load test: gunicorn + PostgreSQL + Redis on loopback",
        "",
        f"- {report['when']}; {report['nproc']} CPUs ({report['cpu']}); load average at "
        f"start {report['loadavg']}; commit {report['git_commit']}",
        f"- gunicorn.conf.py: {report['workers']} workers × {report['threads']} threads "
        f"({report.get('worker_class', 'gthread')}); `ministry.settings.bench` (DEBUG off, "
        f"press_bench with "
        f"{report['releases']:,} releases, RedisCache); wrk on the same machine: "
        f"`{report['results'][0]['command'].rsplit(' ', 1)[0]} <url>`",
        f"- Target for cached pages: ≥ {TARGET_RPS:,} requests/s, p99 ≤ {TARGET_P99_MS:.0f} ms,"
        " no errors. Uncached: every request rendered (PRESS_PAGE_CACHE_SECONDS=0), for "
        "comparison.",
        "",
        "| page | cache | requests/s | p50 ms | p90 ms | p99 ms | errors | target |",
        "|---|---|---:|---:|---:|---:|---:|---|",
    ]
    for r in report["results"]:
        errors = r["errors"] + r["non_2xx_3xx"]
        verdict = ("met" if meets(r) else "**missed**") if r["cache"] == "on" else "—"
        lines.append(
            f"| {r['page']} (`{r['path']}`) | {r['cache']} | {r['requests_per_s']:,.0f} | "
            f"{r['p50_ms']:.1f} | {r['p90_ms']:.1f} | {r['p99_ms']:.1f} | {errors} | {verdict} |"
        )
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--duration", type=int, default=15, help=f"seconds a run (≤ {MAX_DURATION})"
    )
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--connections", type=int, default=32)
    # gunicorn.conf.py's defaults on this machine: a worker per CPU, 8 threads each.
    workers = int(os.environ.get("WEB_CONCURRENCY", os.cpu_count() or 1))
    parser.add_argument("--workers", type=int, default=workers)
    parser.add_argument("--gunicorn-threads", type=int, default=8)
    parser.add_argument("--worker-class", default="gthread", help="gthread or sync")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    args = parser.parse_args()
    args.duration = min(args.duration, MAX_DURATION)
    loadavg = " ".join(f"{x:.1f}" for x in os.getloadavg())

    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install wrk")
    for name in ("DATABASE_URL", "REDIS_URL"):
        if not os.environ.get(name):
            sys.exit(f"Set {name} (bench/README.md)")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "ministry.settings.bench",
        "WEB_CONCURRENCY": str(args.workers),
        "GUNICORN_THREADS": str(args.gunicorn_threads),
        "GUNICORN_WORKER_CLASS": args.worker_class,
        "FORWARDED_ALLOW_IPS": HOST,
    }
    pages = [("press list", "/uz/press/"), ("release", release_path(env))]
    results = []
    args.out.mkdir(parents=True, exist_ok=True)
    log_path = args.out / "load-gunicorn.log.tmp"
    with open(log_path, "w") as log:
        for cache, seconds in (("on", "60"), ("off", "0")):
            port = free_port()
            with Gunicorn(env | {"PRESS_PAGE_CACHE_SECONDS": seconds}, port, log):
                for page, path in pages:
                    url = f"http://{HOST}:{port}{path}"
                    status, headers = get(url)  # warm: renders once, and stores it if cached
                    assert status == 200, (url, status)
                    if cache == "on":
                        assert get(url)[1].get("X-Page-Cache") == "hit", "page cache is not on"
                    result = {"page": page, "path": path, "cache": cache} | run_wrk(url, args)
                    results.append(result)
                    print(
                        f"{page:10} cache {cache:3}  {result['requests_per_s']:8,.0f} req/s  "
                        f"p50 {result['p50_ms']:6.1f}  p99 {result['p99_ms']:6.1f} ms  "
                        f"errors {result['errors'] + result['non_2xx_3xx']}",
                        flush=True,
                    )
    log_path.unlink()  # kept only when a run fails, to read why (7 MB of access log)
    releases = subprocess.run(
        [sys.executable, "manage.py", "shell", "-v0", "-c",
         "from press.models import Release; print(Release.objects.count())"],
        cwd=ROOT, env=env, capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        "",
    )
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    report = {
        "when": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "loadavg": loadavg,
        "git_commit": commit or "?",
        "workers": args.workers,
        "threads": args.gunicorn_threads,
        "worker_class": args.worker_class,
        "releases": int(releases),
        "results": results,
        "targets_met": all(meets(r) for r in results if r["cache"] == "on"),
    }
    (args.out / "load.json").write_text(json.dumps(report, indent=2) + "\n")
    (args.out / "load.md").write_text(markdown(report))
    print()
    print(markdown(report))


if __name__ == "__main__":
    main()
