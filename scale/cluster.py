"""The scale-out topology of docs/deploy.md, on one machine, from real parts, in a temp dir.

``Cluster`` starts a PostgreSQL primary and a streaming replica (``pg_basebackup -R``), a
Redis, an S3-compatible object store (moto in server mode), two gunicorn app servers with
the production settings, and HAProxy in front of them with health checks on /healthz; every
one on a free port, none touching the machine's own PostgreSQL or Redis. ``scale/demo.py``
drives it and says what it shows; ``tests/scale/`` asserts the same.
"""

import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.request import Request, urlopen

ROOT = Path(__file__).resolve().parent.parent


def postgres_bin() -> Path:
    """PG_BIN, else the newest Debian PostgreSQL server binaries (/usr/lib/postgresql/N/bin)."""
    if os.environ.get("PG_BIN"):
        return Path(os.environ["PG_BIN"])
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parts[-3]))
    return found[-1].parent if found else Path("/usr/lib/postgresql/15/bin")


PG_BIN = postgres_bin()
VENV_BIN = Path(sys.executable).parent
BUCKET = "press-media"
HOST = "press.example"  # what the balancer is reached as: ALLOWED_HOSTS holds only it


def missing_tools() -> list[str]:
    """The programs the topology needs that this machine lacks."""
    tools = [PG_BIN / "initdb", PG_BIN / "pg_ctl", PG_BIN / "pg_basebackup"]
    tools += [VENV_BIN / "gunicorn", VENV_BIN / "moto_server"]
    missing = [str(t) for t in tools if not t.exists()]
    missing += [name for name in ("haproxy", "redis-server") if not shutil.which(name)]
    if os.geteuid() == 0 and not shutil.which("runuser"):
        missing.append("runuser")
    if os.geteuid() == 0:
        import pwd

        try:
            pwd.getpwnam("postgres")
        except KeyError:
            missing.append("a postgres OS user (initdb refuses root)")
    return missing


def _ephemeral_low() -> int:
    try:
        return int(Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return 32768


# Below the kernel's ephemeral range. Hazard: a port asked of the kernel (bind to port 0)
# comes from that range, and once released it may be handed to any outgoing connection (a
# test's database client, a parallel run's) before the server meant for it starts: gunicorn
# then fails with "Address already in use". Ports below the range are never handed out so.
LISTEN_PORTS = range(max(10000, _ephemeral_low() - 12000), _ephemeral_low())


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on now, chosen at random below the
    ephemeral range (two processes asking at once rarely meet)."""
    for _ in range(200):
        port = random.choice(LISTEN_PORTS)
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
        return port
    raise OSError(f"no free port in {LISTEN_PORTS.start}-{LISTEN_PORTS.stop - 1}")


def wait_for(what: str, check, timeout: float = 60.0) -> None:
    """Calls ``check`` until it returns true; raises naming ``what`` after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise TimeoutError(f"{what} did not come up in {timeout:g} s")


def listening(port: int) -> bool:
    with socket.create_connection(("127.0.0.1", port), timeout=2):
        return True


def answers_200(url: str) -> bool:
    request = Request(url, headers={"Host": HOST, "X-Forwarded-Proto": "https"})
    try:
        with urlopen(request, timeout=5) as response:
            return response.status == 200
    except OSError:
        return False


class Cluster:
    """Every process of the topology; ``with Cluster() as c:`` starts them and stops them all."""

    def __init__(self):
        self.dir = Path(tempfile.mkdtemp(prefix="press-scale-"))
        self.processes: dict[str, subprocess.Popen] = {}
        self.timings: dict[str, float] = {}
        self.ports = {
            name: free_port()
            for name in ("primary", "replica", "redis", "s3", "app_a", "app_b", "balancer")
        }
        # initdb refuses to run as root: the clusters belong to the postgres user then.
        self.as_pg = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []

    # --- addresses ------------------------------------------------------------------------

    def database_url(self, which: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.ports[which]}/press"

    @property
    def s3_endpoint(self) -> str:
        return f"http://127.0.0.1:{self.ports['s3']}"

    def url(self, which: str) -> str:
        """The base URL of "balancer", "app_a" or "app_b"."""
        return f"http://127.0.0.1:{self.ports[which]}"

    # --- lifecycle ------------------------------------------------------------------------

    def __enter__(self):
        try:
            self.start()
        except BaseException:
            self.print_logs()  # the temp dir and its logs go with stop()
            self.stop()
            raise
        return self

    def __exit__(self, *exc):
        self.stop()

    def start(self) -> None:
        self.dir.chmod(0o755)  # the postgres user must reach its clusters inside
        redis_port = str(self.ports["redis"])
        self.spawn("redis", ["redis-server", "--bind", "127.0.0.1", "--port", redis_port,
                             "--save", "", "--appendonly", "no"])  # fmt: skip
        self.spawn(
            "s3", [str(VENV_BIN / "moto_server"), "-H", "127.0.0.1", "-p", str(self.ports["s3"])]
        )
        self.step("primary", self.start_primary)
        self.step("replica", self.start_replica)
        self.step("migrate", self.manage, "migrate", "--noinput", "-v0")
        self.step("collectstatic", self.manage, "collectstatic", "--noinput", "-v0")
        wait_for("moto", lambda: listening(self.ports["s3"]))
        self.create_bucket()
        self.step("app servers", self.start_apps)
        self.step("balancer", self.start_balancer)

    def step(self, what: str, function, *args) -> None:
        """Runs one step of the start and notes how long it took (shown by scale/demo.py)."""
        began = time.monotonic()
        function(*args)
        self.timings[what] = time.monotonic() - began

    def stop(self) -> None:
        """Stops everything still running and removes the temp dir; never raises."""
        for name in reversed(list(self.processes)):
            self.stop_process(name)
        for cluster in ("replica", "primary"):
            if (self.dir / cluster / "postmaster.pid").exists():
                self.pg_ctl(cluster, "stop", "-m", "immediate", check=False)
        shutil.rmtree(self.dir, ignore_errors=True)

    def print_logs(self, lines: int = 20) -> None:
        """The end of every process's log, on stderr: what failed to start says why there."""
        for log in sorted(self.dir.glob("*.log")):
            tail = log.read_text(errors="replace").splitlines()[-lines:]
            print(f"--- {log.name}", *tail, sep="\n", file=sys.stderr)

    def spawn(self, name: str, argv: list[str], env: dict | None = None) -> None:
        with open(self.dir / f"{name}.log", "ab") as log:  # the child keeps its own descriptor
            self.processes[name] = subprocess.Popen(
                argv, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True,
            )  # fmt: skip

    def stop_process(self, name: str, sig=signal.SIGTERM, timeout: float = 30) -> None:
        """Sends ``sig`` and waits for the process to end (SIGTERM: gunicorn ends its requests)."""
        process = self.processes.pop(name, None)
        if process is None or process.poll() is not None:
            return
        process.send_signal(sig)
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

    # --- PostgreSQL -----------------------------------------------------------------------

    def pg_ctl(self, cluster: str, *args: str, check: bool = True) -> None:
        data, log = self.dir / cluster, self.dir / f"{cluster}.log"
        subprocess.run(
            [*self.as_pg, str(PG_BIN / "pg_ctl"), "-D", str(data), "-l", str(log), *args],
            check=check, capture_output=True,
        )  # fmt: skip

    def pg_dir(self, name: str) -> Path:
        path = self.dir / name
        path.mkdir(mode=0o700)
        log = self.dir / f"{name}.log"
        log.touch()
        if self.as_pg:
            shutil.chown(path, "postgres", "postgres")
            shutil.chown(log, "postgres", "postgres")
        return path

    def start_primary(self) -> None:
        data = self.pg_dir("primary")
        subprocess.run(
            [*self.as_pg, str(PG_BIN / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust",
             "--no-sync", "-E", "UTF8", "--locale", "C.UTF-8"],
            check=True, capture_output=True,
        )  # fmt: skip
        self.pg_conf(data, self.ports["primary"])
        self.pg_ctl("primary", "-w", "start")
        self.sql("primary", "CREATE DATABASE press", database="postgres")

    def start_replica(self) -> None:
        data = self.pg_dir("replica")
        subprocess.run(
            [*self.as_pg, str(PG_BIN / "pg_basebackup"), "-h", "127.0.0.1",
             "-p", str(self.ports["primary"]), "-U", "postgres", "-D", str(data),
             "-R", "-X", "stream", "--no-sync", "--checkpoint=fast"],
            check=True, capture_output=True,
        )  # fmt: skip
        self.pg_conf(data, self.ports["replica"])
        self.pg_ctl("replica", "-w", "start")
        self.sql("replica", "SELECT 1")

    def pg_conf(self, data: Path, port: int) -> None:
        # postgresql.auto.conf is read last: it wins over the copy of the primary's settings
        # that pg_basebackup brings, and -R appends primary_conninfo to it.
        with open(data / "postgresql.auto.conf", "a") as conf:
            conf.write(
                f"port = {port}\nlisten_addresses = '127.0.0.1'\n"
                f"unix_socket_directories = '{data}'\nfsync = off\n"
                "wal_level = replica\nmax_wal_senders = 5\nhot_standby = on\n"
            )

    def sql(self, which: str, query: str, database: str = "press"):
        """Runs ``query`` on the primary or the replica; returns the first row (or None)."""
        import psycopg

        url = f"postgres://postgres@127.0.0.1:{self.ports[which]}/{database}"
        with psycopg.connect(url, autocommit=True, connect_timeout=5) as conn:
            cursor = conn.execute(query)
            return cursor.fetchone() if cursor.description else None

    # --- the object store -----------------------------------------------------------------

    def s3(self):
        import boto3

        return boto3.client(
            "s3", endpoint_url=self.s3_endpoint, region_name="us-east-1",
            aws_access_key_id="scale", aws_secret_access_key="scale",
        )  # fmt: skip

    def create_bucket(self) -> None:
        """The media bucket, readable by anyone who knows an object's name (docs/deploy.md):
        the store refuses anonymous reads without this policy, as a real one would."""
        import json

        self.s3().create_bucket(Bucket=BUCKET)
        public_read = {
            "Version": "2012-10-17",
            "Statement": [{
                "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
                "Resource": f"arn:aws:s3:::{BUCKET}/*",
            }],
        }  # fmt: skip
        self.s3().put_bucket_policy(Bucket=BUCKET, Policy=json.dumps(public_read))

    # --- the app servers and the balancer ---------------------------------------------------

    def app_env(self, **extra) -> dict:
        """The production environment every app server gets (docs/deploy.md, section 2)."""
        env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("DATABASE_", "REDIS_", "AWS_", "DJANGO_", "PRESS_", "MEDIA_"))
        }
        env.update(
            DJANGO_SETTINGS_MODULE="ministry.settings.prod",
            SECRET_KEY="scale-demo-secret-" + "k" * 50,
            ALLOWED_HOSTS=HOST,
            DATABASE_URL=self.database_url("primary"),
            DATABASE_REPLICA_URL=self.database_url("replica"),
            REDIS_URL=f"redis://127.0.0.1:{self.ports['redis']}/0",
            MEDIA_STORAGE="s3",
            AWS_STORAGE_BUCKET_NAME=BUCKET,
            AWS_S3_ENDPOINT_URL=self.s3_endpoint,
            AWS_S3_ADDRESSING_STYLE="path",
            AWS_S3_REGION_NAME="us-east-1",
            AWS_ACCESS_KEY_ID="scale",
            AWS_SECRET_ACCESS_KEY="scale",
            STATIC_ROOT=str(self.dir / "static"),
            PRESS_TRUSTED_PROXIES="1",
            PRESS_SITE_URL=f"https://{HOST}",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=str(free_port()),  # nobody listens: e-mails fail fast and are logged
            WEB_CONCURRENCY="1",
            GUNICORN_THREADS="4",
        )
        env.update(extra)
        return env

    def manage(self, *args: str) -> str:
        result = subprocess.run(
            [sys.executable, "manage.py", *args], cwd=ROOT, env=self.app_env(),
            capture_output=True, text=True,
        )  # fmt: skip
        if result.returncode:
            raise RuntimeError(f"manage.py {' '.join(args)}: {result.stderr[-2000:]}")
        return result.stdout

    def start_apps(self) -> None:
        for name in ("app_a", "app_b"):
            env = self.app_env(BIND=f"127.0.0.1:{self.ports[name]}")
            gunicorn = [str(VENV_BIN / "gunicorn"), "-c", "gunicorn.conf.py", "ministry.wsgi"]
            self.spawn(name, gunicorn, env)
        for name in ("app_a", "app_b"):
            healthz = self.url(name) + "/healthz"
            wait_for(name, lambda url=healthz: answers_200(url), timeout=90)

    def start_balancer(self) -> None:
        config = self.dir / "haproxy.cfg"
        config.write_text(HAPROXY_CONFIG.format(host=HOST, **self.ports))
        self.spawn("balancer", ["haproxy", "-db", "-f", str(config)])
        wait_for("haproxy", lambda: answers_200(self.url("balancer") + "/healthz"))


# The balancer terminates TLS in production; here it only says so (X-Forwarded-Proto), as
# a TLS terminator would. A GET that finds a server gone (refused, or a kept connection
# closed by a gunicorn that is stopping) is retried on the other server: "retry-on" with
# "redispatch", which is safe because only idempotent requests are retried.
HAPROXY_CONFIG = """\
global
    maxconn 512

defaults
    mode http
    timeout connect 2s
    timeout client 30s
    timeout server 30s
    # Without it a check may take only "inter" (0.5 s) to answer: a busy server would be
    # taken out, though it answers pages.
    timeout check 5s
    retries 3
    option redispatch 1
    retry-on conn-failure empty-response response-timeout

frontend web
    bind 127.0.0.1:{balancer}
    option forwardfor
    http-request set-header X-Forwarded-Proto https
    default_backend apps

backend apps
    balance roundrobin
    option httpchk
    http-check send meth GET uri /healthz ver HTTP/1.1 hdr Host {host} hdr X-Forwarded-Proto https
    http-check expect status 200
    default-server inter 500ms fall 2 rise 2
    http-response set-header X-App-Server %s
    server app_a 127.0.0.1:{app_a} check
    server app_b 127.0.0.1:{app_b} check
"""
