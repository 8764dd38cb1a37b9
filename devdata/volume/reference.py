"""The reference rows the generated releases point at: topics, posts, people, appointments.

Made once per database (slugs gen-person-<seed>-<n>), through bulk_create like the releases.
"""

import bisect
import datetime
import random

from django.core.management import call_command
from django.utils import timezone

from devdata.volume.cyrillic import to_cyrillic
from press import search
from press.models import Appointment, Country, Person, Post, Topic
from press.text import make_slug

YEARS = 10  # releases span this many years back from today; appointments one more
PERSON_PREFIX = "gen-person"

TOPICS = [  # slug, uz, ru, en
    ("trade", "Savdo", "Торговля", "Trade"),
    ("investment", "Investitsiyalar", "Инвестиции", "Investment"),
    ("energy", "Energetika", "Энергетика", "Energy"),
    ("transport", "Transport va logistika", "Транспорт и логистика", "Transport and logistics"),
    ("security", "Xavfsizlik", "Безопасность", "Security"),
    ("culture", "Madaniyat", "Культура", "Culture"),
    ("education", "Taʼlim", "Образование", "Education"),
    ("tourism", "Turizm", "Туризм", "Tourism"),
    ("water", "Suv resurslari", "Водные ресурсы", "Water resources"),
    ("consular", "Konsullik masalalari", "Консульские вопросы", "Consular affairs"),
    ("multilateral", "Koʻp tomonlama diplomatiya", "Многосторонняя дипломатия",
     "Multilateral diplomacy"),
    ("climate", "Iqlim va ekologiya", "Климат и экология", "Climate and ecology"),
]  # fmt: skip

POSTS = [  # uz title, ru, en, country code (None: the ministry's own), seniority, holders
    ("Tashqi ishlar vaziri", "Министр иностранных дел", "Minister of Foreign Affairs", None, 1, 3),
    ("Tashqi ishlar vazirining birinchi oʻrinbosari", "Первый заместитель министра иностранных дел",
     "First Deputy Minister of Foreign Affairs", None, 2, 3),
    ("Tashqi ishlar vazirining oʻrinbosari", "Заместитель министра иностранных дел",
     "Deputy Minister of Foreign Affairs", None, 3, 3),
    ("Tashqi ishlar vazirining oʻrinbosari", "Заместитель министра иностранных дел",
     "Deputy Minister of Foreign Affairs", None, 3, 3),
    ("Matbuot kotibi", "Пресс-секретарь", "Press Secretary", None, 10, 3),
    ("Favqulodda va muxtor elchi", "Чрезвычайный и полномочный посол",
     "Ambassador Extraordinary and Plenipotentiary", "RU", 20, 2),
    ("Favqulodda va muxtor elchi", "Чрезвычайный и полномочный посол",
     "Ambassador Extraordinary and Plenipotentiary", "CN", 20, 2),
    ("Favqulodda va muxtor elchi", "Чрезвычайный и полномочный посол",
     "Ambassador Extraordinary and Plenipotentiary", "US", 20, 2),
    ("Favqulodda va muxtor elchi", "Чрезвычайный и полномочный посол",
     "Ambassador Extraordinary and Plenipotentiary", "DE", 20, 2),
    ("Tashqi ishlar vaziri", "Министр иностранных дел", "Minister of Foreign Affairs", "KZ", 30, 3),
    ("Tashqi ishlar vaziri", "Министр иностранных дел", "Minister of Foreign Affairs", "TJ", 30, 3),
    ("Tashqi ishlar vaziri", "Министр иностранных дел", "Minister of Foreign Affairs", "KG", 30, 3),
    ("Tashqi ishlar vaziri", "Министр иностранных дел", "Minister of Foreign Affairs", "TR", 30, 3),
    ("Bosh kotib", "Генеральный секретарь", "Secretary-General", "SCO", 40, 2),
    ("Bosh kotib", "Генеральный секретарь", "Secretary-General", "CIS", 40, 2),
    ("Departament direktori", "Директор департамента", "Director of Department", None, 15, 3),
]  # fmt: skip
FIRST_NAMES = [
    "Aziz", "Bahodir", "Dilshod", "Javlon", "Sardor", "Ulugʻbek", "Rustam", "Shuhrat", "Nodir",
    "Farhod", "Jamshid", "Otabek", "Akmal", "Anvar", "Botir", "Sherzod", "Timur", "Zafar",
    "Dilnoza", "Malika", "Nigora", "Gulnora", "Shahlo", "Kamola",
]  # fmt: skip
LAST_NAMES = [
    "Karimov", "Rashidov", "Yusupov", "Saidov", "Norov", "Qodirov", "Ismoilov", "Tursunov",
    "Xolmatov", "Abdullayev", "Mirzayev", "Hasanov", "Rahimov", "Sultonov", "Ergashev",
    "Joʻrayev", "Nazarov", "Umarov", "Aliyev", "Sobirov",
]  # fmt: skip
FEMALE = {"Dilnoza", "Malika", "Nigora", "Gulnora", "Shahlo", "Kamola"}
RU_NAME = str.maketrans({"ў": "у", "Ў": "У", "қ": "к", "Қ": "К", "ғ": "г", "Ғ": "Г",
                         "ҳ": "х", "Ҳ": "Х"})  # fmt: skip


def ensure_reference_rows(seed: int, stdout):
    """Creates countries, topics and people with their posts, each only if there are none."""
    if not Country.objects.exists():
        call_command("load_countries", stdout=stdout)
    if not Topic.objects.exists():
        Topic.objects.bulk_create(
            Topic(slug=slug, name_uz=uz, name_uz_cyrl=to_cyrillic(uz), name_ru=ru, name_en=en)
            for slug, uz, ru, en in TOPICS
        )
    if not Person.objects.filter(slug__startswith=PERSON_PREFIX + "-").exists():
        make_people(random.Random(f"people:{seed}"), seed)
    search.names_changed()  # bulk_create sends no signal: the search's names table is old


def make_people(rng: random.Random, seed: int):
    """Creates POSTS and the people who held each in turn, from YEARS + 1 years ago until now."""
    today = timezone.localdate()
    first_day = today.replace(year=today.year - YEARS - 1, month=1, day=1)
    span = (today - first_day).days
    codes = {c.code: c.pk for c in Country.objects.filter(code__in=[p[3] for p in POSTS if p[3]])}
    names = [(f, last) for f in FIRST_NAMES for last in LAST_NAMES]
    rng.shuffle(names)
    people, posts, plans = [], [], []
    slugs = set(Post.objects.values_list("slug", flat=True))
    for n, (uz, ru, en, code, seniority, holders) in enumerate(POSTS):
        # bulk_create skips Post.save(), which would make the slug.
        slug = make_slug(en)
        if slug in slugs:
            slug = make_slug(f"{en} {code or n}")
        slugs.add(slug)
        posts.append(
            Post(
                slug=slug,
                title_uz=uz,
                title_uz_cyrl=to_cyrillic(uz),
                title_ru=ru,
                title_en=en,
                country_id=codes.get(code),
                seniority=seniority,
            )
        )
        cuts = sorted(rng.sample(range(200, span - 200), holders - 1))
        bounds = [first_day, *(first_day + datetime.timedelta(days=c) for c in cuts), None]
        for h in range(holders):
            plans.append((n, bounds[h], bounds[h + 1]))
    # One person a term, except that each new minister of the ministry's own (post 0) is
    # a first deputy (post 1) whose term had ended: successive appointments of one person.
    Post.objects.bulk_create(posts)
    holder, promoted = {}, set()
    for i in sorted(range(len(plans)), key=lambda i: plans[i][0] != 1):  # deputies first
        post_n, start, _end = plans[i]
        if post_n == 0 and start != first_day:
            deputies = [
                j
                for j, p in enumerate(plans)
                if p[0] == 1 and p[2] and p[2] <= start and j not in promoted
            ]
            if deputies and deputies[-1] in holder:
                promoted.add(deputies[-1])
                holder[i] = holder[deputies[-1]]
                continue
        holder[i] = len(people)
        people.append(names.pop())
    people = [(f, last + "a" if f in FEMALE else last) for f, last in people]
    persons = [
        Person(
            slug=f"{PERSON_PREFIX}-{seed}-{k + 1}",
            name_uz=f"{first} {last}",
            name_uz_cyrl=to_cyrillic(f"{first} {last}"),
            name_ru=to_cyrillic(f"{first} {last}").translate(RU_NAME),
            name_en=en_name(f"{first} {last}"),
        )
        for k, (first, last) in enumerate(people)
    ]
    Person.objects.bulk_create(persons)
    Appointment.objects.bulk_create(
        Appointment(person=persons[holder[i]], post=posts[post_n], started_on=start, ended_on=end)
        for i, (post_n, start, end) in enumerate(plans)
    )


def en_name(uz: str) -> str:
    """An Uzbek Latin name as English writes it: Xolmatov → Kholmatov."""
    return uz.replace("\u02bb", "").replace("Xo", "Kho").replace("x", "kh")


def appointment_index(appointments):
    """Boundaries and, between each two, the appointments in force: pick by bisect."""
    days = sorted({a.started_on for a in appointments} | {a.ended_on for a in appointments
                                                          if a.ended_on})  # fmt: skip
    current = [[a.pk for a in appointments if a.is_current_on(day)] for day in days]
    return days, current


def participants_on(index, day):
    """The pks of the appointments in force on day, from appointment_index()."""
    days, current = index
    i = bisect.bisect_right(days, day) - 1
    return current[i] if i >= 0 else []
