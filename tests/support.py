"""What the tests share besides fixtures: people and releases to make, files to upload,
forms to post, and readers of pages. The fixtures made from these live in conftest.py."""

import contextlib
import datetime
import io
import re
from html.parser import HTMLParser

from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from PIL import Image

# A port for a test's loopback server, outside the range the kernel hands to outgoing
# connections (see there).
from scale.cluster import free_port  # noqa: F401

PASSWORD = "pw"  # every test account's


# --- People and releases ----------------------------------------------------------------------


def make_user(username: str, *groups: str, **fields):
    """A staff account in the given role groups (made by migration press/0006_roles), read
    back so that its permission cache starts empty."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from press.services.roles import setup_roles

    # The groups come from a data migration; the flush after a transactional test (on the
    # same xdist worker) empties their table, so make them again when they are missing.
    if Group.objects.filter(name__in=groups).count() != len(set(groups)):
        setup_roles()
    user = get_user_model().objects.create_user(
        username, f"{username}@example.org", PASSWORD, is_staff=True, **fields
    )
    user.groups.set(Group.objects.filter(name__in=groups))
    return get_user_model().objects.get(pk=user.pk)


def logged_in(user) -> Client:
    """A test client of its own, logged in as ``user``."""
    client = Client()
    client.force_login(user)
    return client


@contextlib.contextmanager
def committed(using="default"):
    """The block's writes as if committed when it ends: what they left for the commit
    (``transaction.on_commit``: the page cache's bumps, mail, tasks) runs then, once.

    A test runs inside one transaction that never commits, and the page cache learns of a
    change only at its commit (press/site/page_cache.py ``invalidate``): a test that
    changes something and then reads a page makes the change inside this. Unlike
    ``captureOnCommitCallbacks(execute=True)`` the callbacks are taken off the connection,
    so a block around this one does not run them a second time.
    """
    from django.db import connections

    connection = connections[using]
    start = len(connection.run_on_commit)
    yield
    while len(connection.run_on_commit) > start:  # a callback may leave callbacks of its own
        _savepoints, callback, _robust = connection.run_on_commit.pop(start)
        callback()


def make_release(**fields):
    """A release written in every language unless told otherwise, published an hour ago,
    and committed (``committed``): already there when the test reads a page."""
    from press.models import Release, Status

    defaults = {
        "kind": "meeting",
        "event_date": datetime.date(2021, 5, 5),
        "status": Status.PUBLISHED,
        "published_at": timezone.now() - datetime.timedelta(hours=1),
    }
    title = fields.pop("title", "Uchrashuv")
    for code in ("uz", "uz_cyrl", "ru", "en"):
        defaults[f"title_{code}"] = f"{title} [{code}]"
        defaults[f"body_{code}"] = f"<p>{title} body [{code}]</p>"
    countries = fields.pop("countries", ())
    topics = fields.pop("topics", ())
    participants = fields.pop("participants", ())
    occasions = fields.pop("occasions", ())
    defaults.update(fields)
    with committed():
        release = Release.objects.create(**defaults)
        release.countries.set(countries)
        release.topics.set(topics)
        release.participants.set(participants)
        release.occasions.set(occasions)
    return release


def in_every_language(text: str) -> dict[str, str]:
    """``{code: "text [code]"}`` for the four languages: a reason (a withdrawal's, an
    unpublishing's) for a release written in all of them, as make_release writes titles."""
    return {code: f"{text} [{code}]" for code in ("uz", "uz-cyrl", "ru", "en")}


def stored(obj):
    """``obj`` as the database holds it now (None once it is deleted): what a save left."""
    return type(obj)._default_manager.filter(pk=obj.pk).first()


# --- Files to upload --------------------------------------------------------------------------


def encode(image, fmt, **options) -> bytes:
    out = io.BytesIO()
    image.save(out, fmt, **options)
    return out.getvalue()


def halves(width, height, left="red", right="blue"):
    """Left half one colour, right half another: shows where a crop or a rotation went."""
    image = Image.new("RGB", (width, height), left)
    image.paste(Image.new("RGB", (width - width // 2, height), right), (width // 2, 0))
    return image


def jpeg(width=1200, height=800, **options) -> bytes:
    """A photo an editor could upload: big enough for every rendition."""
    return encode(halves(width, height), "JPEG", quality=90, **options)


def pdf() -> bytes:
    """A small, valid PDF (Pillow writes one page)."""
    return encode(Image.new("RGB", (50, 50), "white"), "PDF")


# --- The release change form ------------------------------------------------------------------


def change_url(release, code="en"):
    """The admin's change form of ``release``, in the interface language ``code``."""
    with translation.override(code):
        return reverse("admin:press_release_change", args=[release.pk])


def release_form_data(release, **extra):
    """The change form as a browser would post it, with no inline rows."""
    data = {
        "kind": release.kind,
        "event_date": release.event_date.isoformat(),
        "place_uz": "",
        "status": release.status,
        "published_at_0": "",
        "published_at_1": "",
        "photos-TOTAL_FORMS": "0",
        "photos-INITIAL_FORMS": "0",
        "attachments-TOTAL_FORMS": "0",
        "attachments-INITIAL_FORMS": "0",
    }
    if release.published_at:
        local = timezone.localtime(release.published_at)
        data["published_at_0"] = local.date().isoformat()
        data["published_at_1"] = local.time().strftime("%H:%M:%S")
    for code in ("uz", "uz_cyrl", "ru", "en"):
        for field in ("title", "lead", "body", "place"):
            data[f"{field}_{code}"] = getattr(release, f"{field}_{code}") or ""
    data.update(extra)
    return data


# --- The rich text editor's HTML ------------------------------------------------------------------

# What the editor writes (Tiptap's getHTML()), one sample per element and attribute.
EDITOR_HTML = [
    "<p>Birinchi qator<br>ikkinchi qator</p>",
    "<h2>Sarlavha 2</h2><h3>Sarlavha 3</h3><h4>Sarlavha 4</h4>",
    "<p><strong>qalin</strong> <em>kursiv</em> <u>tagi chizilgan</u> <s>oʻchirilgan</s> "
    "H<sub>2</sub>O x<sup>2</sup></p>",
    "<ul><li><p>bir</p></li><li><p>ikki</p></li></ul>",
    '<ol data-type="decimal" start="3"><li><p>uch</p></li></ol>',
    '<ol data-type="lower-alpha" type="a"><li><p>a band</p></li></ol>',
    "<blockquote><p>Iqtibos</p></blockquote>",
    "<hr>",
    '<p><a rel="noopener noreferrer" href="https://mfa.uz/uz/" title="TIV">havola</a></p>',
    '<table><tbody><tr><th colspan="2"><p>Savdo</p></th><th rowspan="2"><p>Jami</p></th></tr>'
    '<tr><td rowspan="2"><p>2024</p></td><td><p>2025</p></td></tr>'
    '<tr><td colspan="2"><p>2026</p></td></tr></tbody></table>',
]


class Structure(HTMLParser):
    """Elements with their attributes as sets, and text: what a reader and the editor see."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.items = []

    def handle_starttag(self, tag, attrs):
        self.items.append(("start", tag, frozenset(attrs)))

    def handle_endtag(self, tag):
        self.items.append(("end", tag))

    def handle_data(self, data):
        self.items.append(("text", data))


def structure(html):
    parser = Structure()
    parser.feed(html)
    return parser.items


# Word's clipboard HTML for a short text with a heading, a list, a table and its junk.
WORD = """<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>
p.MsoNormal {margin:0cm; font-family:"Calibri"}</style></head>
<body lang=RU style='tab-interval:35.4pt'>
<!--StartFragment--><h2 style='mso-margin-top-alt:auto'><span style='font-family:"Times New Roman"'>
Muzokaralar natijalari<o:p></o:p></span></h2>
<p class=MsoNormal style='text-align:justify'><span lang=UZ-LATN style='font-size:14.0pt'>Tomonlar
<b><span style='color:#1F3864'>savdo</span></b> va <i>transport</i> masalalarini muhokama qildi.
<a href="https://mfa.uz/" class=MsoHyperlink style='color:blue' target=_blank>mfa.uz</a></span>
<o:p></o:p></p>
<ul style='margin-top:0cm' type=disc><li class=MsoNormal style='mso-list:l0 level1 lfo1'>suv
resurslari</li><li class=MsoNormal style='mso-list:l0 level1 lfo1'>energetika</li></ul>
<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse'>
<tr><td width=200 valign=top style='border:solid windowtext 1.0pt'><p class=MsoNormal>2024</p></td>
<td style='background:yellow'><p class=MsoNormal>1,2 mlrd</p></td></tr></table>
<!--[if gte mso 9]><xml><w:WordDocument></w:WordDocument></xml><![endif]-->
<script>alert(1)</script><p class=MsoNormal><span style='display:none'>izoh</span></p>
<!--EndFragment--></body></html>"""


# --- Reading pages ----------------------------------------------------------------------------


LATIN_WORD = re.compile(r"[A-Za-zʻʼ'’]*[A-Za-z][A-Za-zʻʼ'’]+")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
# File names and paths ("photos/3f2a.jpg") are not words of the interface.
PATH = re.compile(r"\S*/\S*|\S+\.(?:jpe?g|png|webp|avif|pdf|docx|xlsx|odt|ods)\b", re.IGNORECASE)
# Elements whose content is the user's data or code, not the interface.
SKIPPED = {"script", "style", "textarea", "template"}


class InterfaceText(HTMLParser):
    """Collects visible text (and alt/title/aria-label/placeholder) not marked with another lang."""

    def __init__(self, page_lang, word=LATIN_WORD):
        super().__init__()
        self.stack = [page_lang.lower()]
        self.skip = 0
        self.word = word
        self.words = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        lang = (attrs.get("lang") or self.stack[-1]).lower()
        if tag not in VOID:
            self.stack.append(lang)
            if tag in SKIPPED:
                self.skip += 1
        if lang == self.stack[0] and not self.skip:
            for name in ("alt", "title", "aria-label", "placeholder"):
                self.collect(attrs.get(name) or "")

    def handle_endtag(self, tag):
        if tag not in VOID and len(self.stack) > 1:
            self.stack.pop()
            if tag in SKIPPED:
                self.skip -= 1

    def handle_data(self, data):
        if not self.skip and self.stack[-1] == self.stack[0]:
            self.collect(data)

    def collect(self, text):
        self.words += self.word.findall(PATH.sub(" ", text))


def latin_words(html, page_lang="uz-Cyrl", word=LATIN_WORD):
    parser = InterfaceText(page_lang, word)
    parser.feed(html)
    return parser.words


class _FormFields(HTMLParser):
    """What a browser would submit from the <form method="post"> elements of a page (only the
    one with id ``form_id`` when given); disabled fields and file inputs are left out."""

    def __init__(self, form_id=None):
        super().__init__()
        self.form_id = form_id
        self.data, self.in_form, self.textarea, self.select = {}, False, None, None

    def add(self, name, value):
        self.data.setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("method") or "").lower() == "post":
            self.in_form = self.form_id is None or attrs.get("id") == self.form_id
        if not self.in_form or "disabled" in attrs:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = (attrs.get("type") or "text").lower()
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.add(name, attrs.get("value", "on"))
            elif kind not in ("submit", "button", "file", "image", "reset"):
                self.add(name, attrs.get("value", ""))
        elif tag == "textarea" and name:
            self.textarea = name
            self.add(name, "")
        elif tag == "select" and name:
            # Nothing selected posts nothing: tests give single selects their value.
            self.select = name
            self.data.setdefault(name, [])
        elif tag == "option" and self.select and "selected" in attrs:
            self.add(self.select, attrs.get("value", ""))

    def handle_endtag(self, tag):
        if tag == "form":
            self.in_form = False
        elif tag == "textarea":
            self.textarea = None
        elif tag == "select":
            self.select = None

    def handle_data(self, data):
        if self.textarea:
            if not self.data[self.textarea][-1] and data.startswith("\n"):
                data = data[1:]  # as browsers do: the newline after <textarea> is markup
            self.data[self.textarea][-1] += data


def form_data(html, form_id=None) -> dict[str, list[str]]:
    """Each field's values, as a browser would post the page's form (see _FormFields)."""
    parser = _FormFields(form_id)
    parser.feed(html)
    return parser.data


# --- The task queue ---------------------------------------------------------------------------

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def run_worker() -> None:
    """Run a real `manage.py db_worker` in this process until no task is due, then return.

    Needs a transactional test (``django_db(transaction=True)``): the worker commits its
    claims and checks its connection between tasks, as in production. Its signal handlers
    are put back afterwards: they would turn the test run's Ctrl+C into sys.exit().
    """
    import signal

    from django.core.management import call_command

    handlers = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    try:
        call_command(
            "db_worker",
            batch=True,
            interval=0,
            startup_delay=False,
            reload=False,
            verbosity=0,
            worker_id="test-worker",
        )
    finally:
        for number, handler in handlers.items():
            signal.signal(number, handler)


def let_time_pass() -> None:
    """Every task waiting for a later time is due now (what the clock would do)."""
    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())


# --- A real SMTP server on loopback -----------------------------------------------------------


class SmtpSink:
    """What an aiosmtpd server on loopback received: each message parsed, with its envelope,
    and how many SMTP sessions (one EHLO each) delivered them."""

    def __init__(self):
        self.received = []  # (envelope sender, envelope recipients, email.message.EmailMessage)
        self.sessions = 0

    async def handle_EHLO(self, server, session, envelope, hostname, responses):  # noqa: N802
        self.sessions += 1
        session.host_name = hostname
        return responses

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        import email
        import email.policy

        parsed = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        self.received.append((envelope.mail_from, list(envelope.rcpt_tos), parsed))
        return "250 Message accepted for delivery"

    def to(self, address: str) -> list:
        """The messages whose envelope named ``address``, oldest first."""
        return [message for _sender, rcpt, message in self.received if address in rcpt]

    def recipients(self) -> list[str]:
        return sorted(address for _sender, rcpt, _message in self.received for address in rcpt)


def text_part(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def html_part(message) -> str:
    return message.get_body(preferencelist=("html",)).get_content()
