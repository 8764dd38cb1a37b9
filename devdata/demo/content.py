"""The demo content: read from devdata/data/ (its README says what each file holds) and
turned into release texts in the four site languages. loader.py does the database work.

Three kinds of text, all written by hand:

- the real release in sample.json (devdata/samples/: the Uzbek Latin text as published,
  its Cyrillic transliteration, Russian and English translations), with the two real
  ministers it names;
- templates.json, per kind of release, filled with forms of names (places.json,
  people.json, posts.json, the topics' phrases): Russian needs the genitive and
  instrumental, Uzbek its suffixes, so nothing is declined or transliterated by code;
- releases.json: which template, when, with whom, about what.

Every further release names only fictitious officials (people without ``"real": true``:
their biography says so in every language) holding demo posts: no words are put in real
people's mouths.
"""

import datetime
import json
from pathlib import Path
from typing import NamedTuple

LANGS = ("uz", "uz_cyrl", "ru", "en")  # modeltranslation column suffixes, the data's keys
DATA = Path(__file__).resolve().parent.parent / "data"


def read(name: str):
    """The parsed contents of devdata/data/<name>.json."""
    return json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))


def _date(text: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(text) if text else None


# Records: a key missing from, or unknown to, an entry in the data fails at import.


class TopicData(NamedTuple):
    name: dict
    description: dict
    phrase: dict  # inside a sentence: "Стороны обсудили вопросы {phrase, in the genitive}"


class CountryForms(NamedTuple):
    """Uzbek takes suffixes (-ga, -da, -dagi) on the nominative; Russian is written out."""

    uz: str
    uz_cyrl: str
    ru: str
    ru_gen: str
    ru_ins: str
    ru_acc: str
    ru_prep: str  # with its preposition: "в Германии"
    en: str  # with its article: "the United States"


class OrgForms(NamedTuple):
    uz: str
    uz_cyrl: str
    ru_gen: str
    en: str  # with its article


class CityForms(NamedTuple):
    uz: str
    uz_cyrl: str
    ru: str
    ru_prep: str  # "в Берлине"
    ru_acc: str  # "Анкару"
    en: str


class PersonData(NamedTuple):
    female: bool
    uz: str
    uz_cyrl: str
    ru: str
    ru_gen: str
    ru_ins: str
    en: str
    real: bool = False
    aliases: str = ""  # search's other names, one per line (Komilov, Kamilov)


class PostData(NamedTuple):
    country: str
    seniority: int
    title: dict  # {suffix: the post as Post.title holds it, without the country}
    ref: dict  # the post in a sentence, before the name: uz, uz_cyrl, ru, ru_gen, ru_ins, en
    short: dict  # a short form for titles: uz, uz_cyrl, ru_ins, en


class AppointmentData(NamedTuple):
    person: str
    post: str
    started_on: datetime.date
    ended_on: datetime.date | None  # half-open: the successor's first day


class Event(NamedTuple):
    slug: str
    date: datetime.date | None  # None: the day the data is loaded plus a week (SCHEDULED)
    template: str
    topics: tuple
    official: str | None = None  # the Uzbek official's post (its holder on the date is named)
    counterpart: str | None = None  # the counterpart's post
    country: str | None = None
    countries: tuple = ()  # more countries (a briefing's)
    organisation: str | None = None
    city: str = "tashkent"  # where it happened (the text's city)
    place: str | None = None  # the release's place, when not the city (statements)
    photo: bool = False
    languages: tuple = LANGS  # the languages it is written in


class Sample(NamedTuple):
    slug: str
    date: datetime.date
    published: datetime.time  # Tashkent time
    countries: list
    topics: list
    participants: list  # [(person, post)]
    texts: dict  # {suffix: {"title", "place", "paragraphs"}}: the first paragraph is the lead
    joint_statement: dict  # {"title": {suffix: text}, "pdf_lines": [ASCII lines]}


class OccasionData(NamedTuple):
    """An event hub (press.models.Occasion) and the slugs of the releases tagged with it."""

    name: dict
    description: dict
    place: dict
    starts_on: datetime.date
    ends_on: datetime.date
    releases: list


def event(entry: dict) -> Event:
    lists = {key: tuple(entry[key]) for key in ("topics", "countries", "languages") if key in entry}
    return Event(**{**entry, **lists, "date": _date(entry.get("date"))})


TOPICS = {slug: TopicData(**topic) for slug, topic in read("topics").items()}

_places = read("places")
COUNTRIES = {code: CountryForms(**forms) for code, forms in _places["countries"].items()}
ORGS = {code: OrgForms(**forms) for code, forms in _places["organisations"].items()}
CITIES = {key: CityForms(**forms) for key, forms in _places["cities"].items()}

_people = read("people")
PEOPLE = {slug: PersonData(**person) for slug, person in _people["people"].items()}
DEMO_BIOGRAPHY = _people["demo_biography"]

_posts = read("posts")
POSTS = {key: PostData(**{"ref": {}, "short": {}, **post}) for key, post in _posts["posts"].items()}
APPOINTMENTS = [
    AppointmentData(a["person"], a["post"], _date(a["started_on"]), _date(a["ended_on"]))
    for a in _posts["appointments"]
]

_releases = read("releases")
EVENTS = [event(entry) for entry in _releases["published"]]
DRAFTS = [event(entry) for entry in _releases["drafts"]]
# Published, with a publication time a week after the data is loaded: not public until then.
SCHEDULED = event(_releases["scheduled"])

_sample = read("sample")
SAMPLE = Sample(
    **{
        **_sample,
        "date": _date(_sample["date"]),
        "published": datetime.time.fromisoformat(_sample["published"]),
        "participants": [(p["person"], p["post"]) for p in _sample["participants"]],
    }
)

TEMPLATES = read("templates")

OCCASIONS = {
    slug: OccasionData(
        **{**entry, "starts_on": _date(entry["starts_on"]), "ends_on": _date(entry["ends_on"])}
    )
    for slug, entry in read("events").items()
}

_words = read("words")
MONTHS, AND = _words["months"], _words["and"]
PHOTO_ALT, PHOTO_CREDIT = _words["photo_alt"], _words["photo_credit"]


# --- Rendering ----------------------------------------------------------------------------


def long_date(day: datetime.date, lang: str) -> str:
    """The day written out: "2024-yil 12-sentabr", "12 сентября 2024 года", "12 September 2024"."""
    month = MONTHS[lang][day.month - 1]
    if lang == "uz":
        return f"{day.year}-yil {day.day}-{month}"
    if lang == "uz_cyrl":
        return f"{day.year}-йил {day.day}-{month}"
    if lang == "ru":
        return f"{day.day} {month} {day.year} года"
    return f"{day.day} {month} {day.year}"


def _join(items, lang):
    items = list(items)
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} {AND[lang]} {items[-1]}"


def _country(code: str, lang: str) -> dict:
    c = COUNTRIES[code]
    if lang in ("uz", "uz_cyrl"):
        nom = getattr(c, lang)
        ga, da = ("ga", "da") if lang == "uz" else ("га", "да")
        return {
            "country": nom,
            "country_dat": nom + ga,
            "country_loc": nom + da,
            "country_in": nom + da + ("gi" if lang == "uz" else "ги"),
        }
    if lang == "ru":
        return {
            "country": c.ru,
            "country_gen": c.ru_gen,
            "country_ins": c.ru_ins,
            "country_acc": c.ru_acc,
            "country_prep": c.ru_prep,
        }
    return {"country": c.en}


def _city(key: str, lang: str) -> dict:
    c = CITIES[key]
    if lang in ("uz", "uz_cyrl"):
        nom = getattr(c, lang)
        ga, da = ("ga", "da") if lang == "uz" else ("га", "да")
        return {"city": nom, "city_dat": nom + ga, "city_loc": nom + da}
    if lang == "ru":
        return {"city": c.ru, "city_prep": c.ru_prep, "city_acc": c.ru_acc}
    return {"city": c.en}


def _official(prefix: str, post_key: str, person_slug: str, lang: str) -> dict:
    post, person = POSTS[post_key], PEOPLE[person_slug]
    name = getattr(person, lang)
    if lang == "ru":
        out = {
            prefix: f"{post.ref['ru']} {person.ru}",
            f"{prefix}_gen": f"{post.ref['ru_gen']} {person.ru_gen}",
            f"{prefix}_ins": f"{post.ref['ru_ins']} {person.ru_ins}",
            f"{prefix}_name_gen": person.ru_gen,
            f"{prefix}_name_ins": person.ru_ins,
            f"{prefix}_a": "а" if person.female else "",
        }
    elif lang == "en":
        out = {prefix: f"the {post.ref['en']}, {name}"}
    else:
        out = {prefix: f"{post.ref[lang]} {name}"}
    out[f"{prefix}_name"] = name
    if post.short:
        out[f"{prefix}_short"] = post.short["ru_ins" if lang == "ru" else lang]
        if lang == "ru":
            out[f"{prefix}_short_ins"] = post.short["ru_ins"]
    return out


def context(event: Event, day: datetime.date, holders: dict, lang: str) -> dict:
    """The words a template's placeholders stand for, in one language.

    ``holders`` maps a post key to the slug of the person who held it on ``day``.

    The keys: date; A (the Uzbek official), B (the counterpart) with A_gen/A_ins/B_ins
    (Russian cases), A_name, A_name_gen, B_name, B_name_ins, B_short, B_short_ins, A_a
    (Russian past-tense ending: "" or "а"); country and its forms (country_gen, country_ins,
    country_acc, country_prep; Uzbek country_dat, country_loc, country_in); countries (Russian
    instrumental); org, org_gen; city, city_loc, city_dat, city_prep, city_acc; topics, t1.
    Any key with "_C" is the same text capitalised. In English, A and B end with the name in
    apposition ("the Ambassador of …, Erika Mustermann"): a sentence that goes on after them
    needs its comma.
    """
    phrases = [TOPICS[t].phrase[lang] for t in event.topics]
    ctx = {"date": long_date(day, lang), "topics": _join(phrases, lang), "t1": phrases[0]}
    ctx.update(_city(event.city, lang))
    if event.country:
        ctx.update(_country(event.country, lang))
    if event.countries:
        key = "country_ins" if lang == "ru" else "country"
        ctx["countries"] = _join((_country(c, lang)[key] for c in event.countries), lang)
    if event.organisation:
        org = ORGS[event.organisation]
        ctx["org"] = org.ru_gen if lang == "ru" else getattr(org, lang)
        ctx["org_gen"] = ctx["org"]
    for prefix, post in (("A", event.official), ("B", event.counterpart)):
        if post:
            ctx.update(_official(prefix, post, holders[post], lang))
    ctx.update({f"{k}_C": v[:1].upper() + v[1:] for k, v in list(ctx.items())})
    return ctx


def render(event: Event, day: datetime.date, holders: dict) -> dict:
    """{suffix: {"title", "lead", "body" (HTML paragraphs), "place"}} for the event's languages."""
    template = TEMPLATES[event.template]
    texts = {}
    for lang in event.languages:
        ctx = context(event, day, holders, lang)
        parts = template[lang]
        texts[lang] = {
            "title": parts["title"].format(**ctx),
            "lead": parts["lead"].format(**ctx),
            "body": "\n".join(f"<p>{p.format(**ctx)}</p>" for p in parts["body"]),
            "place": getattr(CITIES[event.place or event.city], lang),
        }
    return texts


def sample_texts() -> dict:
    """The sample release's texts, shaped as render() shapes an event's."""
    return {
        lang: {
            "title": t["title"],
            "lead": t["paragraphs"][0],
            "body": "\n".join(f"<p>{p}</p>" for p in t["paragraphs"][1:]),
            "place": t["place"],
        }
        for lang, t in SAMPLE.texts.items()
    }
