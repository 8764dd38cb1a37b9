"""Our pages and a peer's, back to back: wagtail/bakerydemo under the same gunicorn and wrk.

    git clone https://github.com/wagtail/bakerydemo /work/peer-src/bakerydemo
    createdb -h 127.0.0.1 -U postgres press_bakerydemo
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/press_bench \\
    REDIS_URL=redis://127.0.0.1:6379/0 \\
    PEER_DATABASE_URL=postgres://postgres@127.0.0.1:5432/press_bakerydemo \\
      .venv/bin/python bench/peer.py /work/peer-src/bakerydemo   # or: make bench-peer PEER=…

The peer is set up outside this repository: a virtualenv of its own (--peer-venv, by
default <checkout>-venv beside the checkout; made with --peer-python, since its Django needs
a newer Python than ours; its requirements/base.txt from PyPI, plus gunicorn, psycopg and
whitenoise), its migrations, its demo content (``load_initial_data``, only when its database
has no pages yet) and ``collectstatic`` into its checkout. It runs
``bakerydemo.settings.production`` (DEBUG off) on PostgreSQL with its default cache (in each
process; no Redis).

Both servers run under our gunicorn.conf.py (same workers, threads and worker class) on
127.0.0.1; ours with ``ministry.settings.bench`` and the page cache off
(``PRESS_PAGE_CACHE_SECONDS=0``, as in bench/load.py's uncached runs), so that each request
renders its page, as every request does on the peer. For each pair of comparable pages, each
side gets ``wrk -c<connections>`` (throughput) and then ``wrk -c1`` (one request at a time:
its p50 is the time to render the page). The sides take turns going first from round to
round, so that the machine's other work falls on both. Read the ratios (ours / peer), not the
absolute numbers: the machine is shared and noisy. Writes bench/results/peer.json and
peer.md. Only 127.0.0.1 is ever sent traffic.
"""

import argparse
import datetime
import json
import os
import shutil
import statistics
import subprocess
import sys
import urllib.request
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.load import HOST, Gunicorn, free_port, release_path, run_wrk  # noqa: E402

# (what, our path, the peer's path); None: the newest article of each side, asked of its
# database. Searches: a word few documents hold, and a word most of them hold.
PAIRS = [
    ("list", "/uz/press/", "/blog/"),
    ("article", None, None),
    ("search, rare word", "/uz/search/?q=Mongoliya", "/search/?q=sourdough"),
    ("search, common word", "/uz/search/?q=O%CA%BBzbekiston", "/search/?q=bread"),
]
PEER_EXTRA_REQUIREMENTS = ["gunicorn", "psycopg[binary]>=3.3,<3.4", "whitenoise>=6.11,<7"]


def run(command, **kwargs) -> str:
    """The command's output; its error output is shown if it fails."""
    done = subprocess.run(command, capture_output=True, text=True, **kwargs)
    if done.returncode:
        sys.exit(f"{' '.join(map(str, command))} failed:\n{done.stdout}{done.stderr}")
    return done.stdout


def peer_env(args) -> dict:
    """The peer's environment: nothing of ours (no DATABASE_URL, REDIS_URL or settings)."""
    keep = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR")
    return {k: os.environ[k] for k in keep if k in os.environ} | {
        "DJANGO_SETTINGS_MODULE": "bakerydemo.settings.production",
        "DATABASE_URL": args.peer_database_url,
        "DJANGO_SECRET_KEY": "bench-only-not-secret",
        "DJANGO_ALLOWED_HOSTS": f"{HOST},localhost",
        "DJANGO_LOG_LEVEL": "WARNING",
        # Plain HTTP on loopback, as ours in ministry.settings.bench (else every answer is
        # a redirect to https).
        "SECURE_SSL_REDIRECT": "false",
        "FORWARDED_ALLOW_IPS": HOST,
    }


def manage(args, env, *command) -> str:
    python = str(args.peer_venv / "bin" / "python")
    return run([python, "manage.py", *command], cwd=args.peer, env=env)


def set_up_peer(args, env) -> None:
    """Makes what the peer lacks: its venv, its tables and demo content, its static files."""
    installed = args.peer_venv / ".bench-installed"
    if not installed.exists():
        print(f"peer: installing into {args.peer_venv} (a few minutes)", flush=True)
        # In the checkout: pyenv finds the peer's Python there (its .python-version).
        run([args.peer_python, "-m", "venv", str(args.peer_venv)], cwd=args.peer)
        pip = [str(args.peer_venv / "bin" / "python"), "-m", "pip", "install", "-q"]
        run([*pip, "-r", str(args.peer / "requirements" / "base.txt"), *PEER_EXTRA_REQUIREMENTS])
        installed.touch()
    manage(args, env, "migrate", "--noinput", "-v0")
    pages = "from wagtail.models import Page; print(Page.objects.count())"
    # A fresh database holds Wagtail's root and welcome page only.
    if int(manage(args, env, "shell", "-v0", "-c", pages)) <= 2:
        print("peer: load_initial_data", flush=True)
        manage(args, env, "load_initial_data")
    # The production settings' manifest storage needs it, even for the HTML.
    manage(args, env, "collectstatic", "--noinput", "-v0")


def peer_facts(args, env) -> dict:
    """The peer's newest live blog page, its volume and versions, asked of its own database."""
    code = (
        "import json, django, wagtail; from wagtail.models import Page; "
        "from bakerydemo.blog.models import BlogPage; "
        "blog = BlogPage.objects.live().order_by('-date_published', '-pk'); "
        "print(json.dumps({'article': blog.first().url, 'blog_pages': blog.count(), "
        "'live_pages': Page.objects.live().count(), 'django': django.get_version(), "
        "'wagtail': wagtail.__version__}))"
    )
    return json.loads(manage(args, env, "shell", "-v0", "-c", code).strip().splitlines()[-1])


def our_volume(env) -> int:
    code = "from press.models import Release; print(Release.objects.public('uz').count())"
    return int(run([sys.executable, "manage.py", "shell", "-v0", "-c", code], cwd=ROOT, env=env))


def fetch(url) -> int:
    """The page's size in bytes, after checking that it is a 200."""
    with urllib.request.urlopen(url, timeout=30) as response:
        assert response.status == 200, (url, response.status)
        return len(response.read())


def measure(url, args) -> dict:
    """Throughput at --connections, then one connection's latency, on a warmed URL."""
    size = fetch(url)  # warm: templates, connections, the peer's image renditions
    load = run_wrk(url, SimpleNamespace(threads=2, connections=args.connections,
                                        duration=args.duration))  # fmt: skip
    single = run_wrk(url, SimpleNamespace(threads=1, connections=1, duration=args.duration))
    return {
        "requests_per_s": load["requests_per_s"],
        "p99_ms": load["p99_ms"],
        "errors": load["errors"] + load["non_2xx_3xx"] + single["errors"] + single["non_2xx_3xx"],
        "single_p50_ms": single["p50_ms"],
        "bytes": size,
    }


def summary(runs) -> dict:
    """The median of the rounds, for each measure."""
    return {
        key: round(statistics.median(r[key] for r in runs), 2)
        for key in ("requests_per_s", "p99_ms", "single_p50_ms", "bytes")
    } | {"errors": sum(r["errors"] for r in runs)}


def ratio(ours, peer) -> float | None:
    """ours / peer; None when the peer answered nothing in the time (a loaded machine)."""
    return round(ours / peer, 3) if peer else None


def shown(value) -> str:
    return "—" if value is None else f"{value:.2f}"


def spread(result, key) -> str:
    """The lowest and highest of the rounds' own ratios: how far the noise moved it."""
    ratios = [
        ratio(ours[key], peer[key])
        for ours, peer in zip(result["rounds"]["ours"], result["rounds"]["peer"], strict=True)
    ]
    ratios = [r for r in ratios if r is not None]
    return f" ({min(ratios):.2f}–{max(ratios):.2f})" if len(ratios) > 1 else ""


def markdown(report) -> str:
    lines = [
        "# Our pages and a peer's (wagtail/bakerydemo), back to back",
        "",
        f"- {report['when']}; {report['nproc']} CPUs; load average at start "
        f"{report['loadavg']['start']}, at the end {report['loadavg']['end']}; commit "
        f"{report['commit']}; bakerydemo {report['peer_commit']} (Django "
        f"{report['peer_versions']['django']}, Wagtail {report['peer_versions']['wagtail']}). "
        "**A machine shared with other "
        "work: read the ratios, measured in the same minutes, not the absolute numbers.**",
        f"- Both under our gunicorn.conf.py ({report['workers']} workers × "
        f"{report['threads']} threads), PostgreSQL 15, wrk on the same CPUs: "
        f"`-t2 -c{report['connections']} -d{report['duration']}s` for requests/s, "
        f"`-t1 -c1 -d{report['duration']}s` for the p50 of one request at a time; "
        f"the median of {report['rounds']} round(s), the sides taking turns to go first.",
        f"- Ours: `ministry.settings.bench`, page cache off; {report['ours_volume']:,} public "
        f"releases in Uzbek. Peer: `bakerydemo.settings.production`, its demo content "
        f"({report['peer_volume']['blog_pages']} blog pages, "
        f"{report['peer_volume']['live_pages']} live pages), no page cache either.",
        "- Our other caches stay on in Redis (a release card's HTML, a list's count, the "
        "filter form's names); the peer keeps what Wagtail keeps in its per-process cache.",
        "- Ratio ours / peer: above 1 is better for requests/s, below 1 is better for p50; in "
        "brackets, the lowest and highest of the rounds' own ratios.",
        "",
        "| page | ours | peer | ours req/s | peer req/s | ratio | ours p50 ms | peer p50 ms "
        "| ratio | ours KB | peer KB | errors |",
        "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in report["results"]:
        ours, peer = r["ours"], r["peer"]
        lines.append(
            f"| {r['page']} | `{r['ours_path']}` | `{r['peer_path']}` | "
            f"{ours['requests_per_s']:,.0f} | {peer['requests_per_s']:,.0f} | "
            f"**{shown(r['rps_ratio'])}**{spread(r, 'requests_per_s')} | "
            f"{ours['single_p50_ms']:.1f} | {peer['single_p50_ms']:.1f} | "
            f"**{shown(r['p50_ratio'])}**{spread(r, 'single_p50_ms')} | "
            f"{ours['bytes'] / 1024:.0f} | {peer['bytes'] / 1024:.0f} | "
            f"{ours['errors'] + peer['errors']} |"
        )
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("peer", type=Path, help="a checkout of wagtail/bakerydemo")
    parser.add_argument("--peer-venv", type=Path, help="default: <peer>-venv beside it")
    parser.add_argument("--peer-python", default="python3.12", help="makes the peer's venv")
    parser.add_argument("--peer-database-url", default=os.environ.get("PEER_DATABASE_URL"))
    parser.add_argument("--duration", type=int, default=8, help="seconds a wrk run")
    # Uncached pages keep the 2 CPUs busy with a few connections; 16 made the peer's slowest
    # pages queue past wrk's 5 s timeout on a loaded machine, and a timed-out request is
    # work done but not counted.
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    args = parser.parse_args()
    args.peer = args.peer.resolve()
    args.peer_venv = args.peer_venv or args.peer.with_name(f"{args.peer.name}-venv")
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install wrk")
    if not (args.peer / "bakerydemo" / "wsgi.py").exists():
        sys.exit(f"{args.peer} is not a checkout of wagtail/bakerydemo")
    for name, value in (
        ("DATABASE_URL", os.environ.get("DATABASE_URL")),
        ("REDIS_URL", os.environ.get("REDIS_URL")),
        ("PEER_DATABASE_URL", args.peer_database_url),
    ):
        if not value:
            sys.exit(f"Set {name} (bench/README.md)")
    if args.peer_database_url == os.environ["DATABASE_URL"]:
        sys.exit("PEER_DATABASE_URL must name a database of its own")
    loadavg_start = " ".join(f"{x:.1f}" for x in os.getloadavg())

    workers = int(os.environ.get("WEB_CONCURRENCY", os.cpu_count() or 1))
    threads = int(os.environ.get("GUNICORN_THREADS", "8"))
    server = {"WEB_CONCURRENCY": str(workers), "GUNICORN_THREADS": str(threads)}
    ours_env = {
        **os.environ,
        **server,
        "DJANGO_SETTINGS_MODULE": "ministry.settings.bench",
        "PRESS_PAGE_CACHE_SECONDS": "0",
        "FORWARDED_ALLOW_IPS": HOST,
    }
    theirs_env = peer_env(args) | server
    set_up_peer(args, theirs_env)
    facts = peer_facts(args, theirs_env)
    pairs = [
        (page, ours or release_path(ours_env), peer or facts["article"])
        for page, ours, peer in PAIRS
    ]

    args.out.mkdir(parents=True, exist_ok=True)
    log_path = args.out / "peer-gunicorn.log.tmp"
    ours_port = free_port()
    peer_port = next(p for p in iter(free_port, None) if p != ours_port)
    peer_gunicorn = args.peer_venv / "bin" / "gunicorn"
    runs = {(page, side): [] for page, _, _ in pairs for side in ("ours", "peer")}
    with (
        open(log_path, "w") as log,
        Gunicorn(ours_env, ours_port, log),
        Gunicorn(theirs_env, peer_port, log, gunicorn=peer_gunicorn, app="bakerydemo.wsgi",
                 cwd=args.peer, health="/"),
    ):  # fmt: skip
        for round_ in range(args.rounds):
            for page, ours_path, peer_path in pairs:
                sides = [("ours", ours_port, ours_path), ("peer", peer_port, peer_path)]
                for side, port, path in sides[:: 1 if round_ % 2 == 0 else -1]:
                    result = measure(f"http://{HOST}:{port}{path}", args)
                    runs[page, side].append(result)
                    print(
                        f"round {round_ + 1} {page:20} {side:4} "
                        f"{result['requests_per_s']:7.1f} req/s  "
                        f"1-conn p50 {result['single_p50_ms']:7.1f} ms  "
                        f"errors {result['errors']}",
                        flush=True,
                    )
    log_path.unlink()  # kept only when a run fails, to read why

    results = []
    for page, ours_path, peer_path in pairs:
        ours, peer = summary(runs[page, "ours"]), summary(runs[page, "peer"])
        results.append({
            "page": page, "ours_path": ours_path, "peer_path": peer_path,
            "ours": ours, "peer": peer,
            "rps_ratio": ratio(ours["requests_per_s"], peer["requests_per_s"]),
            "p50_ratio": ratio(ours["single_p50_ms"], peer["single_p50_ms"]),
            "rounds": {"ours": runs[page, "ours"], "peer": runs[page, "peer"]},
        })  # fmt: skip
    git = ["git", "rev-parse", "--short", "HEAD"]
    report = {
        "when": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "nproc": os.cpu_count(),
        "loadavg": {
            "start": loadavg_start,
            "end": " ".join(f"{x:.1f}" for x in os.getloadavg()),
        },
        "commit": run(git, cwd=ROOT).strip(),
        "peer_commit": run(git, cwd=args.peer).strip(),
        "workers": workers,
        "threads": threads,
        "connections": args.connections,
        "duration": args.duration,
        "rounds": args.rounds,
        "ours_volume": our_volume(ours_env),
        "peer_volume": {k: facts[k] for k in ("blog_pages", "live_pages")},
        "peer_versions": {k: facts[k] for k in ("django", "wagtail")},
        "results": results,
    }
    (args.out / "peer.json").write_text(json.dumps(report, indent=2) + "\n")
    (args.out / "peer.md").write_text(markdown(report))
    print()
    print(markdown(report))


if __name__ == "__main__":
    main()
