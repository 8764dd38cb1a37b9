"""Time from publishing a release to the last alert e-mail accepted by an SMTP server, and
the peak memory of the process that sends them.

100,000 confirmed subscribers (bulk_create), each with one "immediately" subscription:
half to the country the release names, half to another one, in the four languages. The
release is published through the service (``release_publish``), which enqueues the task
after commit; a database-queue worker (``db_worker --batch``, in the same process as the
publish, as one worker would run it) sends the messages over one SMTP connection to an
aiosmtpd sink in a process of its own, which counts what it accepts and notes when the
last one arrived.

    createdb -h 127.0.0.1 -U postgres h_alerts_bench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/h_alerts_bench make bench-alerts

Three processes, so that each number belongs to one thing: ``setup`` (migrate, rows),
``sink`` (the SMTP server) and ``publish`` (the publish and the worker, whose peak resident
memory, VmHWM, is what sending costs: resource.getrusage's ru_maxrss where there is no
/proc). Writes bench/results/alerts.json and alerts.md.
"""

import argparse
import datetime
import json
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
SUBSCRIBERS = int(os.environ.get("BENCH_SUBSCRIBERS", "100000"))
BATCH = 5_000


def peak_rss_kib() -> int:
    """This process's peak resident memory (VmHWM; ru_maxrss as the fallback)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def django_setup():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ministry.settings.bench")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


# --- The rows -----------------------------------------------------------------------------------


def setup(count: int) -> dict:
    django_setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.utils import timezone

    from press.models import Country, Release, Subscriber, Subscription

    call_command("migrate", verbosity=0)
    Subscriber.objects.all().delete()
    Release.objects.filter(slug__startswith="bench-alerts").delete()
    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.all().delete()
    here, there = (
        Country.objects.update_or_create(
            code=code, defaults={"iso3": iso3, "slug": slug, "name_en": name, "name_ru": name}
        )[0]
        for code, iso3, slug, name in (
            ("UZ", "UZB", "uzbekistan", "Uzbekistan"),
            ("KG", "KGZ", "kyrgyzstan", "Kyrgyzstan"),
        )
    )
    if not get_user_model().objects.filter(username="bench-editor").exists():
        get_user_model().objects.create_superuser("bench-editor", "bench@example.org", None)
    codes = ("uz", "uz-cyrl", "ru", "en")
    text = {}
    for code in codes:
        suffix = code.replace("-", "_")
        text[f"title_{suffix}"] = f"Bench alerts [{code}]"
        text[f"lead_{suffix}"] = f"The lead of the bench release, in {code}. " * 3
        text[f"body_{suffix}"] = f"<p>The body of the bench release, in {code}.</p>" * 5
    release = Release.objects.create(
        slug="bench-alerts", kind="news", event_date=datetime.date.today(), **text
    )
    release.countries.set([here])
    now = timezone.now()
    started = time.perf_counter()
    for first in range(0, count, BATCH):
        numbers = range(first, min(first + BATCH, count))
        people = Subscriber.objects.bulk_create(
            Subscriber(email=f"reader{n}@bench.example") for n in numbers
        )
        Subscription.objects.bulk_create(
            Subscription(
                subscriber=person,
                query=f"country={(here if n % 2 == 0 else there).code}",
                language=codes[n % 4],
                confirmed_at=now,
            )
            for n, person in zip(numbers, people, strict=True)
        )
    return {"rows_seconds": round(time.perf_counter() - started, 1), "release": release.pk}


# --- The SMTP sink, a process of its own -------------------------------------------------------


def sink(port: int, expect: int, out: Path) -> None:
    """Accept mail on ``port``; when ``expect`` messages have arrived, write how many, when
    the last one came and how many SMTP sessions brought them to ``out``."""
    from aiosmtpd.controller import Controller

    class Counter:
        def __init__(self):
            self.count = 0
            self.sessions = 0

        async def handle_EHLO(self, server, session, envelope, hostname, responses):  # noqa: N802
            self.sessions += 1
            session.host_name = hostname
            return responses

        async def handle_DATA(self, server, session, envelope):  # noqa: N802
            self.count += 1
            if self.count == expect:
                out.write_text(
                    json.dumps(
                        {"accepted": self.count, "last_at": time.time(), "sessions": self.sessions}
                    )
                )
            return "250 OK"

    controller = Controller(Counter(), hostname="127.0.0.1", port=port)
    controller.start()
    print("ready", flush=True)
    try:
        while True:
            time.sleep(3600)
    finally:
        controller.stop()


# --- Publish and send -------------------------------------------------------------------------


def publish(release_id: int) -> dict:
    django_setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from press import services
    from press.models import Release

    editor = get_user_model().objects.get(username="bench-editor")
    release = Release.objects.get(pk=release_id)
    baseline = peak_rss_kib()
    started = time.time()
    services.release_publish(release=release, user=editor, force_reason="bench")
    published = time.time()
    call_command("db_worker", batch=True, startup_delay=False, interval=0, verbosity=0)
    finished = time.time()
    return {
        "started_at": started,
        "publish_seconds": round(published - started, 3),
        "worker_done_at": finished,
        "rss_baseline_kib": baseline,
        "rss_peak_kib": peak_rss_kib(),
    }


def free_port() -> int:
    sys.path.insert(0, str(ROOT))
    from scale.cluster import free_port  # outside the kernel's ephemeral range

    return free_port()


def run(python: str, *args: str, env=None) -> dict:
    done = subprocess.run(
        [python, __file__, *args], check=True, capture_output=True, text=True, env=env
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    if not os.environ.get("DATABASE_URL"):
        sys.exit("Set DATABASE_URL to a bench database of its own: see bench/README.md")
    python = sys.executable
    print(f"Creating {SUBSCRIBERS:,} subscribers…", flush=True)
    made = run(python, "setup", str(SUBSCRIBERS))
    port, out = free_port(), RESULTS / ".alerts-sink.json"
    out.unlink(missing_ok=True)
    expect = SUBSCRIBERS // 2
    server = subprocess.Popen(
        [python, __file__, "sink", str(port), str(expect), str(out)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout.readline().strip() == "ready"
        env = {
            **os.environ,
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(port),
            "PRESS_SITE_URL": "https://press.example.org",
            "LOG_LEVEL": "WARNING",
        }
        print(f"Publishing; {expect:,} messages to send…", flush=True)
        sent = run(python, "publish", str(made["release"]), env=env)
        deadline = time.time() + 60
        while not out.exists() and time.time() < deadline:
            time.sleep(0.2)
        accepted = json.loads(out.read_text()) if out.exists() else {"accepted": None}
    finally:
        server.terminate()
        server.wait()
        out.unlink(missing_ok=True)
    seconds = accepted.get("last_at", sent["worker_done_at"]) - sent["started_at"]
    from_vendor = os.environ["DATABASE_URL"].split(":", 1)[0]
    result = {
        "database": "postgresql" if from_vendor.startswith("postgres") else from_vendor,
        "subscribers": SUBSCRIBERS,
        "matching": expect,
        "accepted": accepted.get("accepted"),
        "smtp_sessions": accepted.get("sessions"),
        "seconds_publish_to_last_accepted": round(seconds, 1),
        "messages_per_second": round(expect / seconds) if seconds else None,
        "publish_seconds": sent["publish_seconds"],
        "peak_rss_mib": round(sent["rss_peak_kib"] / 1024, 1),
        "rss_before_publish_mib": round(sent["rss_baseline_kib"] / 1024, 1),
        "setup_rows_seconds": made["rows_seconds"],
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}",
        "date": time.strftime("%Y-%m-%d"),
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "alerts.json").write_text(json.dumps(result, indent=2) + "\n")
    lines = [
        "# Alerts: publish to the last message accepted",
        "",
        f"{result['subscribers']:,} confirmed subscribers, {result['matching']:,} matching one "
        f"release; {result['database']}; aiosmtpd sink on loopback; {result['date']}, "
        f"{result['machine']}.",
        "",
        "| measure | value |",
        "|---|---|",
        f"| messages accepted | {result['accepted']:,} "
        f"in {result['smtp_sessions']} SMTP session(s) |"
        if result["accepted"]
        else "| messages accepted | not all (see json) |",
        f"| publish → last accepted | {result['seconds_publish_to_last_accepted']} s "
        f"({result['messages_per_second']} messages/s) |",
        f"| the publish itself (commit, enqueue) | {result['publish_seconds']} s |",
        f"| peak resident memory, publish + worker | {result['peak_rss_mib']} MiB "
        f"({result['rss_before_publish_mib']} MiB after start-up) |",
        "",
    ]
    (RESULTS / "alerts.md").write_text("\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("step", nargs="?", choices=["setup", "sink", "publish"])
    parser.add_argument("args", nargs="*")
    options = parser.parse_args()
    if options.step == "setup":
        print(json.dumps(setup(int(options.args[0]))))
    elif options.step == "sink":
        sink(int(options.args[0]), int(options.args[1]), Path(options.args[2]))
    elif options.step == "publish":
        print(json.dumps(publish(int(options.args[0]))))
    else:
        main()
