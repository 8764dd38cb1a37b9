"""What the scale-out demo does to a running ``Cluster``, step by step, and what it observes.

Each step returns plain values (pages, counts, addresses) that ``scale/demo.py`` prints and
``tests/scale/`` asserts. Everything goes through HTTP, as a browser and an editor would:
the release is written with the admin's own forms on one app server and read on the other.
"""

import io
import re
import secrets
import threading
import time
from dataclasses import dataclass, field

import requests

from scale.cluster import BUCKET, HOST, Cluster, wait_for

PASSWORD = "scale-out-Editor-2026"


def photo_bytes() -> bytes:
    """A real 1200×800 JPEG: the upload checks open and re-encode what they get."""
    from PIL import Image

    image = Image.new("RGB", (1200, 800), "navy")
    image.paste(Image.new("RGB", (600, 800), "gold"), (600, 0))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    return out.getvalue()


class Browser:
    """One person's cookies, sent to whichever server a request names.

    Production cookies are ``Secure``; the balancer stands for the TLS terminator here, so
    the cookies are kept by hand rather than by a jar that would refuse them over HTTP.
    """

    def __init__(self, cluster: Cluster):
        self.cluster = cluster
        self.cookies: dict[str, str] = {}
        self.http = requests.Session()

    def request(self, method: str, path: str, via: str = "balancer", **kwargs) -> requests.Response:
        headers = {"Host": HOST, "X-Forwarded-Proto": "https", "Referer": f"https://{HOST}{path}"}
        response = self.http.request(
            method, self.cluster.url(via) + path, headers=headers, cookies=dict(self.cookies),
            allow_redirects=False, timeout=30, **kwargs,
        )  # fmt: skip
        for name, value in response.cookies.items():
            self.cookies[name] = value
        return response

    def get(self, path: str, via: str = "balancer") -> requests.Response:
        return self.request("GET", path, via)

    def post(self, path: str, data: dict, via: str = "balancer", files=None) -> requests.Response:
        data = {**data, "csrfmiddlewaretoken": self.cookies.get("csrftoken", "")}
        return self.request("POST", path, via, data=data, files=files)


def create_editor(cluster: Cluster, username: str = "muharrir") -> None:
    """A staff account in the editor role (the groups come with the migrations)."""
    cluster.manage("shell", "-v0", "-c", (
        "from django.contrib.auth.models import Group, User; "
        f"u = User.objects.create_user({username!r}, 'editor@example.org', {PASSWORD!r}, "
        "is_staff=True); u.groups.add(Group.objects.get(name='editor'))"
    ))  # fmt: skip


def sign_in(cluster: Cluster, username: str = "muharrir") -> Browser:
    """An editor signed in through the balancer: the session lives in the database."""
    editor = Browser(cluster)
    editor.get("/uz/admin/login/")
    response = editor.post(
        "/uz/admin/login/", {"username": username, "password": PASSWORD, "next": "/uz/admin/"}
    )
    if response.status_code != 302 or "sessionid" not in editor.cookies:
        raise RuntimeError(f"sign-in refused: {response.status_code} {response.text[:500]}")
    return editor


@dataclass
class Published:
    pk: int
    slug: str
    title: str
    via: str


def publish(editor: Browser, via: str, photo: bytes | None = None) -> Published:
    """Writes, submits and publishes a release with the admin's forms, all on server ``via``."""
    title = f"Vazirlar uchrashuvi {secrets.token_hex(4)}"
    data = {
        "kind": "meeting",
        "event_date": "2026-11-20",
        "title_uz": title,
        "lead_uz": "Tashqi ishlar vazirlari ikki tomonlama hamkorlikni muhokama qildi.",
        "body_uz": "<p>Muzokaralar Toshkentda boʻlib oʻtdi.</p>",
        "place_uz": "Toshkent",
        "photos-TOTAL_FORMS": "0",
        "photos-INITIAL_FORMS": "0",
        "attachments-TOTAL_FORMS": "0",
        "attachments-INITIAL_FORMS": "0",
        "_continue": "1",  # "Save and continue editing": the answer names the new release
    }
    files = None
    if photo is not None:
        data.update({
            "photos-TOTAL_FORMS": "1", "photos-0-order": "0", "photos-0-focal_x": "0.5",
            "photos-0-focal_y": "0.5", "photos-0-alt_uz": "Vazirlar uchrashuvi",
        })  # fmt: skip
        files = {"photos-0-image": ("uchrashuv.jpg", photo, "image/jpeg")}
    response = editor.post("/uz/admin/press/release/add/", data, via=via, files=files)
    found = re.search(r"/press/release/(\d+)/change/", response.headers.get("Location", ""))
    if response.status_code != 302 or not found:
        errors = re.findall(r'class="errorlist[^"]*"[^>]*>(.*?)</ul>', response.text, re.S)
        where = response.headers.get("Location") or response.status_code
        raise RuntimeError(f"the add form refused the release: {errors or where}")
    pk = int(found.group(1))
    for action, extra in (("submit", {}), ("publish", {"when": "now", "force_reason": "Demo"})):
        path = f"/uz/admin/press/release/{pk}/workflow/{action}/"
        form = editor.get(path, via=via).text
        version = re.search(r'name="version" value="(\d+)"', form).group(1)
        response = editor.post(path, {"version": version, **extra}, via=via)
        if response.status_code != 302:
            raise RuntimeError(f"{action} refused: {response.status_code}")
    slug = editor.cluster.sql("primary", f"SELECT slug FROM press_release WHERE id = {pk}")[0]
    return Published(pk, slug, title, via)


def page_url(release: Published) -> str:
    return f"/uz/press/{release.slug}/"


def image_urls(html: str, origin: str) -> list[str]:
    """The photo addresses on a page that point at ``origin`` (src and srcset)."""
    return sorted(set(re.findall(re.escape(origin) + r'/[^"\s,]+', html)))


# --- the read replica ---------------------------------------------------------------------


def pause_replay(cluster: Cluster) -> None:
    """Stops the replica applying WAL: it keeps answering, with what it had."""
    cluster.sql("replica", "SELECT pg_wal_replay_pause()")
    wait_for("replay pause", lambda: cluster.sql(
        "replica", "SELECT pg_get_wal_replay_pause_state() = 'paused'")[0])  # fmt: skip


def resume_replay(cluster: Cluster) -> None:
    cluster.sql("replica", "SELECT pg_wal_replay_resume()")


def replica_sessions(cluster: Cluster) -> int:
    """How many client connections the app servers hold on the replica's press database."""
    query = (
        "SELECT count(*) FROM pg_stat_activity WHERE datname = 'press' "
        "AND backend_type = 'client backend' AND pid <> pg_backend_pid()"
    )
    return cluster.sql("replica", query)[0]


# --- traffic while something stops -----------------------------------------------------------


@dataclass
class Traffic:
    """Anonymous reads through the balancer: how many, which failed, who answered."""

    requests: int = 0
    errors: list[str] = field(default_factory=list)
    servers: dict[str, int] = field(default_factory=dict)


def traffic_during(cluster: Cluster, stop, clients: int = 4, after: float = 3.0) -> Traffic:
    """Runs ``clients`` visitors reading through the balancer, calls ``stop()``, keeps them
    reading ``after`` seconds more, and returns what they saw.

    Each visitor asks for a list page with a query no one asked before, so the page cache
    cannot answer and every request reads the database.
    """
    traffic, lock, done = Traffic(), threading.Lock(), threading.Event()

    def visitor(number: int) -> None:
        browser, count = Browser(cluster), 0
        while not done.is_set():
            count += 1
            try:
                response = browser.get(f"/uz/press/?visitor={number}-{count}-{time.monotonic()}")
                outcome = None if response.status_code == 200 else f"HTTP {response.status_code}"
                server = response.headers.get("X-App-Server", "?")
            except requests.RequestException as error:
                outcome, server = type(error).__name__, "?"
            with lock:
                traffic.requests += 1
                traffic.servers[server] = traffic.servers.get(server, 0) + 1
                if outcome:
                    traffic.errors.append(outcome)

    threads = [threading.Thread(target=visitor, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    try:
        time.sleep(1.0)  # the visitors are reading before anything stops
        stop()
        time.sleep(after)
    finally:
        done.set()
        for thread in threads:
            thread.join()
    return traffic


def s3_object(cluster: Cluster, url: str) -> bytes:
    """The bytes the object store holds for a photo address on a page."""
    key = url.split(f"/{BUCKET}/", 1)[1]
    return cluster.s3().get_object(Bucket=BUCKET, Key=key)["Body"].read()
