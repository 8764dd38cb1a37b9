"""Load test with faults: the press list under steady load while Redis dies and a worker is killed.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/press_faults \\
    .venv/bin/python bench/faults_load.py

Starts a redis-server of its own on a free port (never the machine's: this one is killed)
and gunicorn (gunicorn.conf.py, ``ministry.settings.bench``) on 127.0.0.1, with the demo
data in DATABASE_URL (migrated and loaded if missing). Then ``/uz/press/`` is loaded for
60 s in three 20 s phases, each one wrk run, so that each phase has its own non-2xx count
and latency distribution:

- before: nothing broken;
- during: 2 s in, Redis is killed, and started again 10 s later; 6 s in, one gunicorn
  worker is SIGKILLed (the master starts another);
- after: nothing broken any more.

A fixed rate is not in wrk, which sends the next request as soon as the last one is
answered. ``faults_load.lua`` makes each connection wait ``delay`` ms before each request,
so that 20 connections × (1 request / (100 ms + latency)) approximate 200 requests/s. Why
wrk and not a loop of Python threads: on 2 shared cores the Python client would take CPU
from the server and measure its own GIL. The cost of the approximation: while the server
is slow, fewer requests are sent (coordinated omission), so a p99 during a fault is a
lower bound; errors and non-2xx answers are counted exactly.

Writes bench/results/faults-load.md and faults-load.json. Only 127.0.0.1 is sent traffic.
"""

import argparse
import datetime
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

from load import HOST, ROOT, Gunicorn, free_port, get, ms, parse_wrk

PATH = "/uz/press/"
PHASE_SECONDS = 20
LUA = Path(__file__).with_name("faults_load.lua")


class Redis:
    """A redis-server of this script's own, to kill and start again on the same port."""

    def __init__(self):
        self.port = free_port()
        self.url = f"redis://{HOST}:{self.port}/0"
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", HOST,
             "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection((HOST, self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def kill(self):
        if self.process and self.process.poll() is None:
            self.process.kill()  # our own process, by its id
            self.process.wait(10)


def workers(master_pid: int) -> list[int]:
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split()
    return sorted(int(pid) for pid in children)


def prepare_database(env):
    for command in (["migrate", "--noinput", "-v0"], ["load_demo_data"]):
        subprocess.run(
            [sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True,
            stdout=subprocess.DEVNULL,
        )  # fmt: skip


def run_wrk(url, args) -> dict:
    command = [
        "wrk", "-t2", f"-c{args.connections}", f"-d{PHASE_SECONDS}s", "--timeout", "5s",
        "--latency", "-s", str(LUA), url, "--", str(args.delay_ms),
    ]  # fmt: skip
    out = subprocess.run(
        command, capture_output=True, text=True, timeout=PHASE_SECONDS + 30, check=True
    )
    result = parse_wrk(out.stdout)
    result["max_ms"] = ms(re.search(r"Latency\s+\S+\s+\S+\s+(\S+)", out.stdout).group(1))
    statuses = json.loads(out.stdout.rsplit("STATUSES ", 1)[1].splitlines()[0])
    return result | {"statuses": statuses, "command": " ".join(command)}


def faults(redis, master_pid, events, start):
    """The faults of the 'during' phase, each noted with its time from the phase's start."""

    def note(what):
        events.append({"at_s": round(time.monotonic() - start, 1), "event": what})

    time.sleep(2)
    redis.kill()
    note(f"Redis killed (port {redis.port})")
    time.sleep(4)
    victim = workers(master_pid)[0]
    os.kill(victim, signal.SIGKILL)  # a worker of the gunicorn this script started
    note(f"gunicorn worker {victim} SIGKILLed")
    time.sleep(6)
    redis.start()
    note("Redis started again")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        now = workers(master_pid)
        if len(now) >= 2 and victim not in now:
            note(f"worker replaced: {now}")
            return
        time.sleep(0.2)
    note("worker NOT replaced within 60 s")


def markdown(report) -> str:
    lines = [
        "# Load test with faults: the press list while Redis dies and a worker is killed",
        "",
        f"- {report['when']}; {report['nproc']} CPUs; load average at start "
        f"{report['loadavg']}; commit {report['git_commit']}",
        f"- gunicorn.conf.py: {report['workers']} workers × {report['threads']} threads; "
        f"`ministry.settings.bench` with the demo data ({report['releases']} releases) on "
        "PostgreSQL, Redis of its own as the page cache",
        f"- `{PATH}` at about {report['target_rps']} requests/s: wrk, {report['connections']} "
        f"connections each waiting {report['delay_ms']} ms before each request "
        "(`bench/faults_load.lua`); three wrk runs of "
        f"{PHASE_SECONDS} s. While the server is slow fewer requests are sent, so a p99 "
        "during a fault is a lower bound.",
        "",
        "| phase | requests | requests/s | 2xx | 5xx | other non-2xx | socket errors | "
        "p50 ms | p99 ms | max ms |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in report["phases"]:
        s = r["statuses"]
        lines.append(
            f"| {r['phase']} | {r['requests']:,} | {r['requests_per_s']:,.0f} | {s['2xx']:,} | "
            f"{s['5xx']:,} | {s['3xx'] + s['4xx']:,} | {r['errors']} | {r['p50_ms']:.1f} | "
            f"{r['p99_ms']:.1f} | {r['max_ms']:.1f} |"
        )
    lines += ["", "Faults, seconds after the start of the 'during' phase:", ""]
    lines += [f"- {e['at_s']:.1f} s: {e['event']}" for e in report["events"]]
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--connections", type=int, default=20)
    parser.add_argument("--delay-ms", type=int, default=100)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    args = parser.parse_args()
    loadavg = " ".join(f"{x:.1f}" for x in os.getloadavg())
    for tool in ("wrk", "redis-server"):
        if not shutil.which(tool):
            sys.exit(f"{tool} is missing: apt-get install {tool}")
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit("Set DATABASE_URL to a PostgreSQL database of its own (bench/README.md)")

    redis = Redis()
    redis.start()
    nproc = os.cpu_count() or 1
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "ministry.settings.bench",
        "REDIS_URL": redis.url,
        "WEB_CONCURRENCY": str(max(nproc, 2)),  # a worker to kill and one to answer
        "FORWARDED_ALLOW_IPS": HOST,
    }
    env.pop("DATABASE_REPLICA_URL", None)
    prepare_database(env)
    phases, events = [], []
    args.out.mkdir(parents=True, exist_ok=True)
    log_path = args.out / "faults-load-gunicorn.log.tmp"
    try:
        with open(log_path, "w") as log, Gunicorn(env, free_port(), log) as server:
            url = f"http://{HOST}:{server.port}{PATH}"
            assert get(url)[0] == 200 and get(url)[1].get("X-Page-Cache") == "hit"
            for phase in ("before", "during", "after"):
                injector = None
                if phase == "during":
                    injector = threading.Thread(
                        target=faults, args=(redis, server.process.pid, events, time.monotonic())
                    )
                    injector.start()
                result = {"phase": phase} | run_wrk(url, args)
                if injector:
                    injector.join()
                phases.append(result)
                s = result["statuses"]
                print(
                    f"{phase:7} {result['requests']:6} requests  2xx {s['2xx']}  5xx {s['5xx']}  "
                    f"errors {result['errors']}  p99 {result['p99_ms']:.1f} ms",
                    flush=True,
                )
    finally:
        redis.kill()
    log_path.unlink()  # kept only when a run fails, to read why
    releases = subprocess.run(
        [sys.executable, "manage.py", "shell", "-v0", "-c",
         "from press.models import Release; print(Release.objects.count())"],
        cwd=ROOT, env=env, capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    report = {
        "when": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "nproc": nproc,
        "loadavg": loadavg,
        "git_commit": commit or "?",
        "workers": int(env["WEB_CONCURRENCY"]),
        "threads": int(os.environ.get("GUNICORN_THREADS", "8")),
        "releases": int(releases),
        "connections": args.connections,
        "delay_ms": args.delay_ms,
        "target_rps": round(args.connections * 1000 / args.delay_ms),
        "phases": phases,
        "events": events,
    }
    (args.out / "faults-load.json").write_text(json.dumps(report, indent=2) + "\n")
    (args.out / "faults-load.md").write_text(markdown(report))
    print()
    print(markdown(report))


if __name__ == "__main__":
    main()
