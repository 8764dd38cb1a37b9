"""The demo content's rows: topics, officials, the sample release and ~50 more, with photos.

Idempotent: everything is keyed (topics, people, releases and events by slug, posts by country and
English title, appointments by person, post and first day), only what is missing is created,
and nothing that exists is changed, so a second run writes nothing. Photos and attachments
are added only to a release that has none. The texts come from content.py.
"""

import datetime
import io
import zoneinfo

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.management.base import CommandError
from PIL import Image, ImageDraw, ImageFont, ImageOps

from devdata.demo import content as demo
from press.models import (
    Appointment,
    Attachment,
    Country,
    Occasion,
    Person,
    Photo,
    Post,
    Release,
    Status,
    Topic,
)

TASHKENT = zoneinfo.ZoneInfo("Asia/Tashkent")

# Gradient ends for the generated photos, one pair per picture.
PALETTES = [
    ((18, 52, 86), (86, 160, 196)),
    ((40, 70, 40), (170, 200, 120)),
    ((90, 30, 50), (230, 150, 110)),
    ((30, 30, 70), (150, 130, 210)),
    ((70, 50, 20), (235, 200, 120)),
    ((20, 70, 80), (120, 210, 190)),
]


class Loader:
    """Creates what is missing of the demo content; ``summary()`` says what it found."""

    def __init__(self, *, now: datetime.datetime):
        self.now = now
        self.created = dict.fromkeys(
            [
                "topics",
                "people",
                "posts",
                "appointments",
                "releases",
                "events",
                "photos",
                "attachments",
            ],
            0,
        )
        self.total = dict.fromkeys(self.created, 0)
        self._pictures: dict[str, bytes] = {}

    def run(self):
        """Creates what is missing: topics, people, posts, appointments, then the releases."""
        self.countries = self._countries()
        self.topics = {slug: self._topic(slug, data) for slug, data in demo.TOPICS.items()}
        self.people = {slug: self._person(slug, data) for slug, data in demo.PEOPLE.items()}
        self.posts = {key: self._post(data) for key, data in demo.POSTS.items()}
        self.appointments = {a[:3]: self._appointment(a) for a in demo.APPOINTMENTS}

        self._sample()
        for n, event in enumerate(demo.EVENTS):
            published_at = self._publication_time(event.date, n)
            self._event(event, status=Status.PUBLISHED, published_at=published_at)
        for event in demo.DRAFTS:
            self._event(event, status=Status.DRAFT, published_at=None)
        when = (self.now + datetime.timedelta(days=7)).replace(second=0, microsecond=0)
        day = when.astimezone(TASHKENT).date()
        self._event(demo.SCHEDULED, status=Status.PUBLISHED, published_at=when, day=day)
        for slug, data in demo.OCCASIONS.items():
            self._occasion(slug, data)

    def summary(self) -> list[str]:
        """One line per kind of row: how many run() created, how many were already there."""
        lines = []
        for name, total in self.total.items():
            created = self.created[name]
            lines.append(
                f"{name.capitalize()}: {created} created, {total - created} already there."
            )
        return lines

    def _has(self, name, related) -> int:
        """How many photos or attachments the release already has (counted as there)."""
        n = related.count()
        self.total[name] += n
        return n

    def _count(self, name, created):
        self.total[name] += 1
        self.created[name] += bool(created)

    # --- Reference data -------------------------------------------------------------------

    def _countries(self):
        codes = {"UZ", *demo.COUNTRIES, *demo.ORGS, *(p.country for p in demo.POSTS.values())}
        found = Country.objects.in_bulk(codes, field_name="code")
        missing = sorted(codes - set(found))
        if missing:
            raise CommandError(f"Countries missing after load_countries: {', '.join(missing)}.")
        return found

    def _topic(self, slug, data: demo.TopicData):
        fields = {f"name_{k}": v for k, v in data.name.items()}
        fields |= {f"description_{k}": v for k, v in data.description.items()}
        topic, created = Topic.objects.get_or_create(slug=slug, defaults=fields)
        self._count("topics", created)
        return topic

    def _person(self, slug, data: demo.PersonData):
        fields = {f"name_{lang}": getattr(data, lang) for lang in demo.LANGS}
        fields["aliases"] = data.aliases
        if not data.real:
            fields |= {f"biography_{k}": v for k, v in demo.DEMO_BIOGRAPHY.items()}
        person, created = Person.objects.get_or_create(slug=slug, defaults=fields)
        self._count("people", created)
        return person

    def _post(self, data: demo.PostData):
        country = self.countries[data.country]
        post = (
            Post.objects.filter(country=country, title_en=data.title["en"]).order_by("pk").first()
        )
        created = post is None
        if created:
            post = Post.objects.create(
                country=country,
                seniority=data.seniority,
                **{f"title_{lang}": text for lang, text in data.title.items()},
            )
        self._count("posts", created)
        return post

    def _appointment(self, data: demo.AppointmentData):
        person, post = self.people[data.person], self.posts[data.post]
        appointment = Appointment.objects.filter(
            person=person, post=post, started_on=data.started_on
        ).first()
        created = appointment is None
        if created:
            appointment = Appointment(
                person=person, post=post, started_on=data.started_on, ended_on=data.ended_on
            )
            self._validate(appointment)
            appointment.save()
        self._count("appointments", created)
        return appointment

    def _holders(self, day) -> dict:
        """{post key: slug of the person holding it on day}, from demo.APPOINTMENTS."""
        return {
            a.post: a.person
            for a in demo.APPOINTMENTS
            if a.started_on <= day and (a.ended_on is None or day < a.ended_on)
        }

    def _appointment_on(self, post, day):
        holder = self._holders(day).get(post)
        if holder is None:
            raise CommandError(f"Demo data: nobody holds {post} on {day}.")
        start = next(
            a.started_on
            for a in demo.APPOINTMENTS
            if (a.person, a.post) == (holder, post) and a.started_on <= day
        )
        appointment = self.appointments[(holder, post, start)]
        if not appointment.is_current_on(day):  # an editor changed the dates
            raise CommandError(f"Demo data: {appointment} is not current on {day}.")
        return appointment

    # --- Releases -------------------------------------------------------------------------

    def _publication_time(self, day, n):
        """The afternoon of the event day in Tashkent, at a varying time."""
        return datetime.datetime.combine(
            day, datetime.time(15 + n % 4, (n * 17) % 60), tzinfo=TASHKENT
        )

    def _sample(self):
        sample = demo.SAMPLE
        appointments = [self.appointments[k] for k in self._sample_keys()]
        release, created = self._release(
            slug=sample.slug,
            kind="meeting",
            day=sample.date,
            status=Status.PUBLISHED,
            published_at=datetime.datetime.combine(sample.date, sample.published, tzinfo=TASHKENT),
            texts=demo.sample_texts(),
            countries=sample.countries,
            topics=sample.topics,
            participants=appointments,
        )
        if not self._has("photos", release.photos):
            for order, label in enumerate(["MEETING", "TALKS"]):
                self._photo(release, label, order=order, day=sample.date, city="tashkent")
        if not self._has("attachments", release.attachments):
            self._joint_statement(release)

    def _sample_keys(self):
        for person, post in demo.SAMPLE.participants:
            start = next(a.started_on for a in demo.APPOINTMENTS if a[:2] == (person, post))
            yield (person, post, start)

    def _event(self, event: demo.Event, *, status, published_at, day=None):
        day = day or event.date
        holders = self._holders(day)
        posts = (event.official, event.counterpart)
        participants = [self._appointment_on(post, day) for post in posts if post]
        countries = [c for c in (event.country, *event.countries, event.organisation) if c]
        release, created = self._release(
            slug=event.slug,
            kind=demo.TEMPLATES[event.template]["kind"],
            day=day,
            status=status,
            published_at=published_at,
            texts=demo.render(event, day, holders),
            countries=countries,
            topics=event.topics,
            participants=participants,
        )
        if event.photo and not self._has("photos", release.photos):
            label = demo.TEMPLATES[event.template]["kind"].upper()
            self._photo(release, label, order=0, day=day, city=event.place or event.city)

    def _occasion(self, slug, data: demo.OccasionData):
        """The event, and its releases tagged with it when it is first made."""
        fields = {
            f"{name}_{lang}": getattr(data, name)[lang]
            for name in ("name", "description", "place")
            for lang in demo.LANGS
        }
        occasion, created = Occasion.objects.get_or_create(
            slug=slug, defaults={**fields, "starts_on": data.starts_on, "ends_on": data.ends_on}
        )
        self._count("events", created)
        if created:
            for release in Release.objects.filter(slug__in=data.releases):
                release.occasions.add(occasion)

    def _release(
        self, *, slug, kind, day, status, published_at, texts, countries, topics, participants
    ):
        release = Release.objects.filter(slug=slug).first()
        created = release is None
        if created:
            fields = {
                f"{name}_{lang}": value
                for lang, parts in texts.items()
                for name, value in parts.items()
            }
            release = Release(
                slug=slug,
                kind=kind,
                event_date=day,
                status=status,
                published_at=published_at,
                **fields,
            )
            self._validate(release)
            release.save()
            release.countries.set([self.countries[c] for c in countries])
            release.topics.set([self.topics[t] for t in topics])
            release.participants.set(participants)
        self._count("releases", created)
        return release, created

    def _validate(self, instance):
        try:
            instance.full_clean()
        except ValidationError as error:
            raise CommandError(f"Demo data: {instance!r} is invalid: {error.messages}") from error

    # --- Files ----------------------------------------------------------------------------

    def _photo(self, release, label, *, order, day, city):
        text = f"DEMO PHOTO: {label}"
        photo = Photo(release=release, is_lead=order == 0, order=order)
        for lang in demo.LANGS:
            place = getattr(demo.CITIES[city], lang)
            setattr(photo, f"alt_{lang}", demo.PHOTO_ALT[lang].format(label=text))
            setattr(photo, f"caption_{lang}", f"{place}, {demo.long_date(day, lang)}")
            setattr(photo, f"credit_{lang}", demo.PHOTO_CREDIT[lang])
        photo.image.save(f"demo-{label.lower()}.jpg", ContentFile(self._picture(text)), save=False)
        photo.save()
        self._count("photos", True)

    def _picture(self, text) -> bytes:
        """A 1600×1067 JPEG: a gradient, a few translucent shapes and the text; made once."""
        if text not in self._pictures:
            n = len(self._pictures)
            width, height = 1600, 1067
            dark, light = PALETTES[n % len(PALETTES)]
            gradient = Image.linear_gradient("L").rotate(45 * (n % 4), expand=True)
            image = ImageOps.colorize(gradient.resize((width, height)), dark, light)
            draw = ImageDraw.Draw(image, "RGBA")
            for i in range(5):
                x, y = (263 * (i + n)) % width, (377 * (i + 2 * n)) % height
                r = 120 + 40 * i
                draw.ellipse((x - r, y - r, x + r, y + r), fill=(255, 255, 255, 40))
            draw.rectangle((0, height - 220, width, height - 80), fill=(0, 0, 0, 90))
            font = ImageFont.load_default(size=72)
            draw.text((width / 2, height - 150), text, font=font, anchor="mm", fill="white")
            buffer = io.BytesIO()
            image.save(buffer, "JPEG", quality=80)
            self._pictures[text] = buffer.getvalue()
        return self._pictures[text]

    def _joint_statement(self, release):
        attachment = Attachment(release=release, language="uz", order=0)
        for lang, title in demo.SAMPLE.joint_statement["title"].items():
            setattr(attachment, f"title_{lang}", title)
        attachment.file.save("qoshma-bayonot.pdf", ContentFile(placeholder_pdf()), save=False)
        attachment.save()
        self._count("attachments", True)


def placeholder_pdf() -> bytes:
    """One A4 page (150 dpi) saying what it stands in for, made with Pillow."""
    page = Image.new("L", (1240, 1754), 255)
    draw = ImageDraw.Draw(page)
    title, text = ImageFont.load_default(size=48), ImageFont.load_default(size=32)
    y = 180
    # Pillow's built-in font draws ASCII only: the lines in sample.json are ASCII.
    for n, line in enumerate(demo.SAMPLE.joint_statement["pdf_lines"]):
        draw.text((120, y), line, font=title if n == 0 else text, fill=0)
        y += 90 if n == 0 else 56
    buffer = io.BytesIO()
    page.save(buffer, "PDF", resolution=150)
    return buffer.getvalue()
