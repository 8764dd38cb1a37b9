"""Realistic volume for benchmarks: ``manage.py generate_releases --count 100000``.

Releases in all four languages, built from phrase banks (hundreds of words per language, Uzbek
and Russian inflected), every kind, ~10 years of publication times, a few % drafts, countries,
topics, participants current on the event date and photo rows. Two planted terms make the
benchmark's queries: a rare one in exactly 0.1 % of rows and a common one in ~30 %.

Everything goes in through bulk_create (releases, M2M through rows, photos): no save(), no
signals. On PostgreSQL the search trigger of migration 0002 fills ``search_vector`` as rows are
inserted. The same seed and the same starting database give the same rows.
"""

import bisect
import datetime
import random
import time
from concurrent.futures import ThreadPoolExecutor

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone, translation

from press.models import (
    Appointment,
    Country,
    CountryKind,
    Kind,
    Person,
    Photo,
    Post,
    Release,
    Status,
    Topic,
)

LANGS = ("uz", "uz_cyrl", "ru", "en")
RARE_FRACTION = 0.001  # "Mongoliya" / "Монголия" / "Mongolia"
COMMON_FRACTION = 0.30  # "Oʻzbekiston" / "Ўзбекистон" / "Узбекистан" / "Uzbekistan"
YEARS = 10
SLUG_PREFIX = "gen"
PERSON_PREFIX = "gen-person"
# Photo rows point at these names; no file exists (the bench never opens one).
PHOTO_NAMES = [f"photos/bench/shared-{n}.jpg" for n in range(1, 9)]
# The marker's Latin spelling varies the way editors type it.
UZ_APOSTROPHES = ("\u02bb", "'", "\u2019")

# --- Uzbek Latin → Cyrillic (enough for generated text) --------------------------------------

_DIGRAPHS = [
    ("o\u02bb", "ў"), ("g\u02bb", "ғ"), ("sh", "ш"), ("ch", "ч"), ("yo", "ё"), ("yu", "ю"),
    ("ya", "я"), ("ye", "е"), ("ts", "ц"),
]  # fmt: skip
_SINGLES = dict(zip("abdefghijklmnopqrstuvxyz\u02bc", "абдефгҳижклмнопқрстувхйзъ", strict=True))
_VOWELS = set("aeiouаеиоуўэёюя")


def to_cyrillic(text: str) -> str:
    """Uzbek Latin spelled in Uzbek Cyrillic: Oʻzbekiston → Ўзбекистон."""
    out, i, n = [], 0, len(text)
    while i < n:
        ch = text[i]
        low = ch.lower()
        pair = text[i : i + 2].lower()
        repl = None
        if text[i : i + 3].lower() == "yo\u02bb":
            repl, step = "йў", 3
        for lat, cyr in () if repl else _DIGRAPHS:
            if pair == lat:
                repl, step = cyr, 2
                break
        if repl is None:
            if low == "e" and (i == 0 or not text[i - 1].isalpha()):
                repl = "э"  # word-initial e
            else:
                repl = _SINGLES.get(low, ch)
            step = 1
        if ch != low and repl:
            repl = repl[0].upper() + repl[1:]
        out.append(repl)
        i += step
    return "".join(out)


# --- Phrase banks ----------------------------------------------------------------------------
# Each bank: templates with {slots}; slot lists give the inflected words. Uzbek Cyrillic is the
# Latin text transliterated, so the two Uzbek versions of a release say the same thing.

UZ_COUNTRY_STEMS = [
    "Germaniya", "Fransiya", "Yaponiya", "Xitoy", "Rossiya", "Qozogʻiston", "Tojikiston",
    "Turkmaniston", "Qirgʻiziston", "Afgʻoniston", "Hindiston", "Turkiya", "Koreya Respublikasi",
    "Italiya", "Ispaniya", "Polsha", "Vengriya", "Misr", "Saudiya Arabistoni", "Pokiston",
    "Eron", "Ozarbayjon", "Gruziya", "Belarus", "Ukraina", "AQSH", "Buyuk Britaniya", "Kanada",
    "Braziliya", "Indoneziya", "Malayziya", "Vyetnam", "Singapur", "Avstriya", "Shveytsariya",
    "Niderlandiya", "Belgiya", "Chexiya", "Latviya", "Litva", "Estoniya", "Finlandiya",
    "Shvetsiya", "Norvegiya", "Qatar", "Quvayt", "Ummon", "Iordaniya", "Armaniston", "Serbiya",
]  # fmt: skip
UZ_ORGS = [
    "BMT", "ShHT", "MDH", "YeXHT", "Yevropa Ittifoqi", "Islom hamkorlik tashkiloti", "Jahon banki",
    "Osiyo taraqqiyot banki", "Turkiy davlatlar tashkiloti", "YuNESKO", "YuNISEF", "JSST",
]  # fmt: skip
UZ_CITIES = [
    "Toshkent", "Samarqand", "Buxoro", "Xiva", "Namangan", "Andijon", "Fargʻona", "Nukus",
    "Qarshi", "Termiz", "Moskva", "Pekin", "Berlin", "Parij", "London", "Vashington", "Nyu-York",
    "Jeneva", "Vena", "Bryussel", "Tokio", "Seul", "Anqara", "Istanbul", "Dehli", "Astana",
    "Olmaota", "Bishkek", "Dushanbe", "Ashxobod", "Boku", "Tbilisi", "Minsk", "Riyod", "Doha",
    "Dubay", "Qohira", "Rim", "Madrid", "Varshava", "Budapesht", "Praga", "Kobul", "Islomobod",
]  # fmt: skip
UZ_ACTORS = [
    "Tashqi ishlar vaziri", "Vazir oʻrinbosari", "Vazirlik delegatsiyasi", "Elchi",
    "Matbuot kotibi", "Bosh konsul", "Departament direktori", "Ekspertlar guruhi",
    "Hukumat delegatsiyasi", "Parlament aʼzolari", "Ishchi guruh", "Vazirlar", "Diplomatlar",
    "Mutaxassislar", "Muvaqqat ishlar vakili", "Boshqarma boshligʻi", "Tomonlar",
    "Delegatsiya rahbari", "Favqulodda va muxtor elchi", "Konsullik xodimlari",
]  # fmt: skip
UZ_ACTORS_GEN = [
    "Tashqi ishlar vazirining", "Vazir oʻrinbosarining", "delegatsiyaning", "elchining",
    "vazirlarining", "diplomatlarning", "tomonlarning", "mutaxassislarning", "ekspertlarning",
    "hukumat aʼzolarining", "parlamentariylarning", "vakillarining", "rahbarlarining",
]  # fmt: skip
UZ_TOPICS = [
    "savdo", "investitsiya", "energetika", "transport", "logistika", "turizm", "taʼlim",
    "sogʻliqni saqlash", "madaniyat", "xavfsizlik", "suv resurslari", "qishloq xoʻjaligi",
    "raqamli iqtisodiyot", "innovatsiya", "sanoat", "toʻqimachilik", "kimyo sanoati", "moliya",
    "bank ishi", "ilm-fan", "sport", "yoshlar siyosati", "inson huquqlari", "mehnat migratsiyasi",
    "konsullik xizmati", "viza rejimi", "chegara", "ekologiya", "iqlim oʻzgarishi",
    "yashil energetika", "temir yoʻl", "aviatsiya", "avtomobilsozlik", "farmatsevtika",
    "oziq-ovqat xavfsizligi", "tarixiy meros", "kino", "muzey ishi", "axborot texnologiyalari",
    "kiberxavfsizlik", "sunʼiy intellekt", "geologiya", "qurilish", "urbanizatsiya", "arxeologiya",
]  # fmt: skip
UZ_ADJ = [
    "ikki tomonlama", "koʻp tomonlama", "strategik", "keng qamrovli", "amaliy", "iqtisodiy",
    "savdo-iqtisodiy", "madaniy-gumanitar", "investitsiyaviy", "mintaqaviy", "xalqaro",
    "transchegaraviy", "uzoq muddatli", "oʻzaro manfaatli", "doʻstona", "samarali", "konstruktiv",
    "istiqbolli", "ustuvor", "yangi", "muhim", "dolzarb", "yuqori darajadagi", "rasmiy",
    "navbatdagi", "qoʻshma", "hukumatlararo", "parlamentlararo", "ilmiy-texnik", "moliyaviy",
    "ijtimoiy", "gumanitar", "siyosiy", "diplomatik", "chuqur", "izchil", "barqaror", "ochiq",
]  # fmt: skip
UZ_EVENTS = [
    ("uchrashuv", "uchrashuvi", "uchrashuvda", "uchrashuvning"),
    ("muzokaralar", "muzokaralari", "muzokaralarda", "muzokaralarning"),
    ("maslahatlashuvlar", "maslahatlashuvlari", "maslahatlashuvlarda", "maslahatlashuvlarning"),
    ("tashrif", "tashrifi", "tashrifda", "tashrifning"),
    ("sammit", "sammiti", "sammitda", "sammitning"),
    ("forum", "forumi", "forumda", "forumning"),
    ("konferensiya", "konferensiyasi", "konferensiyada", "konferensiyaning"),
    ("brifing", "brifingi", "brifingda", "brifingning"),
    ("davra suhbati", "davra suhbati", "davra suhbatida", "davra suhbatining"),
    ("majlis", "majlisi", "majlisda", "majlisning"),
    ("yigʻilish", "yigʻilishi", "yigʻilishda", "yigʻilishning"),
    ("muloqot", "muloqoti", "muloqotda", "muloqotning"),
    ("telefon suhbati", "telefon suhbati", "telefon suhbatida", "telefon suhbatining"),
    ("videokonferensiya", "videokonferensiyasi", "videokonferensiyada", "videokonferensiyaning"),
    ("koʻrgazma", "koʻrgazmasi", "koʻrgazmada", "koʻrgazmaning"),
    ("hukumatlararo komissiya", "hukumatlararo komissiyasi", "hukumatlararo komissiyada",
     "hukumatlararo komissiyaning"),
]  # fmt: skip
UZ_VERBS = [
    "muhokama qildi", "muhokama qilindi", "koʻrib chiqdi", "koʻrib chiqildi", "taʼkidladi",
    "bildirdi", "kelishib oldi", "qayd etdi", "yuqori baholadi", "olqishladi", "maʼqulladi",
    "qoʻllab-quvvatladi", "oʻrganib chiqdi", "eʼlon qildi", "taqdim etdi", "tasdiqladi",
    "muhokama qilinmoqda", "kengaytirilmoqda", "rivojlantirilmoqda", "mustahkamlanmoqda",
    "amalga oshirilmoqda", "oʻtkaziladi", "imzolanadi", "koʻrib chiqiladi", "davom ettiriladi",
    "tayyorlanmoqda", "belgilab olindi", "kelishib olindi", "ilgari surildi",
]  # fmt: skip
UZ_DOCS = [
    "memorandum", "qoʻshma bayonot", "hukumatlararo bitim", "hamkorlik dasturi", "yoʻl xaritasi",
    "oʻzaro anglashuv memorandumi", "harakatlar rejasi", "investitsiya kelishuvi",
    "tadbirlar rejasi", "shartnoma", "protokol", "kommyunike",
]  # fmt: skip
UZ_MONTHS = [
    "yanvar", "fevral", "mart", "aprel", "may", "iyun", "iyul", "avgust", "sentabr", "oktabr",
    "noyabr", "dekabr",
]  # fmt: skip
UZ_OPENERS = [
    "Bugun", "Kecha", "Shu kunlarda", "Joriy haftada", "Yaqinda", "Oʻtgan hafta",
    "Mazkur tadbir doirasida", "Muzokaralar chogʻida", "Uchrashuv yakunida", "Suhbat davomida",
    "Tashrif doirasida", "Shuningdek", "Bundan tashqari", "Taʼkidlash joizki", "Qayd etilishicha",
    "Maʼlumot uchun", "Xususan", "Avvalroq", "Joriy yilning {month} oyida", "{day}-{month} kuni",
]  # fmt: skip
UZ_SENTENCES = [
    "{opener} {city_loc} {actor} va {country_gen} delegatsiyasi oʻrtasida {adj} {event} boʻlib "
    "oʻtdi.",
    "Tomonlar {adj} {topic} sohasidagi hamkorlikni yanada rivojlantirish masalalarini {verb}.",
    "{actor} {country_gen} {topic} sohasidagi tajribasini yuqori baholadi.",
    "{event_gen} kun tartibidan {topic} va {topic2} masalalari oʻrin oldi.",
    "{opener} {topic} sohasidagi {adj} hamkorlik istiqbollari muhokama qilindi.",
    "{country_dat} {actor_gen} tashrifi doirasida {num} ta hujjat imzolanishi kutilmoqda.",
    "{opener} {adj} {topic} boʻyicha qoʻshma loyihalarni amalga oshirish yuzasidan "
    "kelishuvlarga erishildi.",
    "{actor} {topic} sohasida amalga oshirilayotgan {adj} islohotlar haqida maʼlumot berdi.",
    "{event_loc} {org} bilan {adj} hamkorlikni kengaytirish imkoniyatlari koʻrib chiqildi.",
    "Tadbir yakunida {adj} {doc} imzolandi.",
    "{opener} {actor} {country_gen} {adj} tashabbuslarini {verb}.",
    "Suhbatdoshlar {topic} va {topic2} boʻyicha {adj} loyihalar portfelini kengaytirish "
    "zarurligini qayd etdilar.",
    "{country_loc} {num} dan ortiq qoʻshma korxona faoliyat yuritmoqda.",
    "Oʻzaro tovar ayirboshlash hajmi {num} million dollardan oshdi.",
    "{opener} {org} doirasidagi hamkorlik masalalari {verb}.",
    "{actor} {city_loc} boʻlib oʻtadigan {adj} {event_gen} tayyorgarlik jarayoni haqida "
    "gapirdi.",
    "Hamkorlikning {adj} yoʻnalishlari, jumladan {topic} va {topic2} sohalari alohida "
    "taʼkidlandi.",
    "{opener} {country_gen} vazirlarining {city_dat} tashrifi rejalari kelishib olindi.",
    "Ikki mamlakat oʻrtasidagi {adj} munosabatlarni mustahkamlash muhimligi qayd etildi.",
    "Mutaxassislar {topic} sohasidagi {adj} tajriba almashinuvini davom ettirishga "
    "kelishdilar.",
    "{org} bilan hamkorlikda {adj} {topic} dasturi ishlab chiqilmoqda.",
    "Delegatsiya aʼzolari {city_gen} tarixiy obidalari bilan tanishdilar.",
    "{opener} {doc} loyihasi ustida ishlash davom ettirilishi belgilandi.",
    "Tomonlar xalqaro va mintaqaviy kun tartibidagi dolzarb masalalar yuzasidan fikr "
    "almashdilar.",
    "{actor} {event_gen} natijalarini {adj} deb baholadi.",
    "Kelgusi {event} {num}-{month} kuni {city_loc} oʻtkazilishi rejalashtirilgan.",
]  # fmt: skip
UZ_TITLES = [
    "{actor} {country_gen} delegatsiyasi bilan {adj} masalalarni muhokama qildi",
    "{country} bilan {topic} sohasidagi {adj} hamkorlik istiqbollari muhokama qilindi",
    "{city_loc} {adj} {event} boʻlib oʻtdi: {topic} va {topic2} kun tartibida",
    "{actor} {org} vakillari bilan {topic} masalalari yuzasidan uchrashdi",
    "{country} va {country2} oʻrtasidagi {adj} {event} yakunlari haqida",
    "{city_loc} {topic} boʻyicha {adj} {event} oʻtkazildi",
    "{country_gen} {actor_gen} {city_dat} tashrifi doirasida {adj} hujjatlar imzolandi",
    "{topic} sohasida {adj} hamkorlikni kengaytirish yuzasidan {event} tashkil etildi",
]  # fmt: skip
UZ_RARE_TITLE = "Mongoliya bilan {topic} sohasidagi {adj} hamkorlik {event_loc} muhokama qilindi"
UZ_RARE_SENTENCE = "{actor} Mongoliya delegatsiyasi bilan {topic} masalalarini {verb}."
UZ_COMMON_TITLES = [
    "Oʻzbekiston va {country} {topic} sohasidagi {adj} hamkorlikni kengaytirmoqda",
    "{actor} Oʻzbekistonning {topic} sohasidagi {adj} tashabbuslarini {city_loc} taqdim etdi",
]
UZ_COMMON_SENTENCES = [
    "Oʻzbekiston {country} bilan {adj} hamkorlikni izchil rivojlantirishdan manfaatdor.",
    "{actor} Oʻzbekistonning {topic} sohasidagi {adj} islohotlari haqida soʻzlab berdi.",
    "Oʻzbekistonda {topic} sohasida amalga oshirilayotgan {adj} oʻzgarishlar taʼkidlandi.",
]

RU_COUNTRIES = [  # nominative, genitive, instrumental, prepositional
    ("Германия", "Германии", "Германией", "Германии"),
    ("Франция", "Франции", "Францией", "Франции"),
    ("Япония", "Японии", "Японией", "Японии"),
    ("Китай", "Китая", "Китаем", "Китае"),
    ("Россия", "России", "Россией", "России"),
    ("Казахстан", "Казахстана", "Казахстаном", "Казахстане"),
    ("Таджикистан", "Таджикистана", "Таджикистаном", "Таджикистане"),
    ("Туркменистан", "Туркменистана", "Туркменистаном", "Туркменистане"),
    ("Киргизия", "Киргизии", "Киргизией", "Киргизии"),
    ("Афганистан", "Афганистана", "Афганистаном", "Афганистане"),
    ("Индия", "Индии", "Индией", "Индии"),
    ("Турция", "Турции", "Турцией", "Турции"),
    ("Республика Корея", "Республики Корея", "Республикой Корея", "Республике Корея"),
    ("Италия", "Италии", "Италией", "Италии"),
    ("Испания", "Испании", "Испанией", "Испании"),
    ("Польша", "Польши", "Польшей", "Польше"),
    ("Венгрия", "Венгрии", "Венгрией", "Венгрии"),
    ("Египет", "Египта", "Египтом", "Египте"),
    ("Саудовская Аравия", "Саудовской Аравии", "Саудовской Аравией", "Саудовской Аравии"),
    ("Пакистан", "Пакистана", "Пакистаном", "Пакистане"),
    ("Иран", "Ирана", "Ираном", "Иране"),
    ("Азербайджан", "Азербайджана", "Азербайджаном", "Азербайджане"),
    ("Грузия", "Грузии", "Грузией", "Грузии"),
    ("Беларусь", "Беларуси", "Беларусью", "Беларуси"),
    ("США", "США", "США", "США"),
    ("Великобритания", "Великобритании", "Великобританией", "Великобритании"),
    ("Канада", "Канады", "Канадой", "Канаде"),
    ("Бразилия", "Бразилии", "Бразилией", "Бразилии"),
    ("Индонезия", "Индонезии", "Индонезией", "Индонезии"),
    ("Малайзия", "Малайзии", "Малайзией", "Малайзии"),
    ("Вьетнам", "Вьетнама", "Вьетнамом", "Вьетнаме"),
    ("Сингапур", "Сингапура", "Сингапуром", "Сингапуре"),
    ("Австрия", "Австрии", "Австрией", "Австрии"),
    ("Швейцария", "Швейцарии", "Швейцарией", "Швейцарии"),
    ("Нидерланды", "Нидерландов", "Нидерландами", "Нидерландах"),
    ("Бельгия", "Бельгии", "Бельгией", "Бельгии"),
    ("Чехия", "Чехии", "Чехией", "Чехии"),
    ("Латвия", "Латвии", "Латвией", "Латвии"),
    ("Финляндия", "Финляндии", "Финляндией", "Финляндии"),
    ("Швеция", "Швеции", "Швецией", "Швеции"),
    ("Катар", "Катара", "Катаром", "Катаре"),
    ("Кувейт", "Кувейта", "Кувейтом", "Кувейте"),
    ("Оман", "Омана", "Оманом", "Омане"),
    ("Армения", "Армении", "Арменией", "Армении"),
    ("Сербия", "Сербии", "Сербией", "Сербии"),
]
RU_ORGS = [
    "ООН", "ШОС", "СНГ", "ОБСЕ", "Европейского союза", "Организации исламского сотрудничества",
    "Всемирного банка", "Азиатского банка развития", "Организации тюркских государств",
    "ЮНЕСКО", "ЮНИСЕФ", "ВОЗ",
]  # fmt: skip
RU_CITIES = [  # nominative, prepositional
    ("Ташкент", "Ташкенте"), ("Самарканд", "Самарканде"), ("Бухара", "Бухаре"),
    ("Хива", "Хиве"), ("Наманган", "Намангане"), ("Андижан", "Андижане"),
    ("Фергана", "Фергане"), ("Нукус", "Нукусе"), ("Карши", "Карши"), ("Термез", "Термезе"),
    ("Москва", "Москве"), ("Пекин", "Пекине"), ("Берлин", "Берлине"), ("Париж", "Париже"),
    ("Лондон", "Лондоне"), ("Вашингтон", "Вашингтоне"), ("Нью-Йорк", "Нью-Йорке"),
    ("Женева", "Женеве"), ("Вена", "Вене"), ("Брюссель", "Брюсселе"), ("Токио", "Токио"),
    ("Сеул", "Сеуле"), ("Анкара", "Анкаре"), ("Стамбул", "Стамбуле"), ("Дели", "Дели"),
    ("Астана", "Астане"), ("Алматы", "Алматы"), ("Бишкек", "Бишкеке"), ("Душанбе", "Душанбе"),
    ("Ашхабад", "Ашхабаде"), ("Баку", "Баку"), ("Тбилиси", "Тбилиси"), ("Минск", "Минске"),
    ("Эр-Рияд", "Эр-Рияде"), ("Доха", "Дохе"), ("Дубай", "Дубае"), ("Каир", "Каире"),
    ("Рим", "Риме"), ("Мадрид", "Мадриде"), ("Варшава", "Варшаве"), ("Будапешт", "Будапеште"),
    ("Прага", "Праге"), ("Кабул", "Кабуле"), ("Исламабад", "Исламабаде"),
]  # fmt: skip
RU_ACTORS = [
    "Министр иностранных дел", "Заместитель министра", "Делегация министерства", "Посол",
    "Пресс-секретарь", "Генеральный консул", "Директор департамента", "Группа экспертов",
    "Правительственная делегация", "Депутаты парламента", "Рабочая группа", "Министры",
    "Дипломаты", "Специалисты", "Временный поверенный в делах", "Начальник управления",
    "Глава делегации", "Чрезвычайный и полномочный посол", "Сотрудники консульства",
]  # fmt: skip
RU_ACTORS_GEN = [
    "министра иностранных дел", "заместителя министра", "делегации", "посла", "министров",
    "дипломатов", "сторон", "специалистов", "экспертов", "членов правительства",
    "парламентариев", "представителей", "руководителей",
]  # fmt: skip
RU_TOPICS = [  # nominative, genitive, prepositional
    ("торговля", "торговли", "торговле"), ("инвестиции", "инвестиций", "инвестициях"),
    ("энергетика", "энергетики", "энергетике"), ("транспорт", "транспорта", "транспорте"),
    ("логистика", "логистики", "логистике"), ("туризм", "туризма", "туризме"),
    ("образование", "образования", "образовании"),
    ("здравоохранение", "здравоохранения", "здравоохранении"),
    ("культура", "культуры", "культуре"), ("безопасность", "безопасности", "безопасности"),
    ("водные ресурсы", "водных ресурсов", "водных ресурсах"),
    ("сельское хозяйство", "сельского хозяйства", "сельском хозяйстве"),
    ("цифровая экономика", "цифровой экономики", "цифровой экономике"),
    ("инновации", "инноваций", "инновациях"), ("промышленность", "промышленности",
     "промышленности"), ("текстильная отрасль", "текстильной отрасли", "текстильной отрасли"),
    ("химическая промышленность", "химической промышленности", "химической промышленности"),
    ("финансы", "финансов", "финансах"), ("банковское дело", "банковского дела",
     "банковском деле"), ("наука", "науки", "науке"), ("спорт", "спорта", "спорте"),
    ("молодёжная политика", "молодёжной политики", "молодёжной политике"),
    ("права человека", "прав человека", "правах человека"),
    ("трудовая миграция", "трудовой миграции", "трудовой миграции"),
    ("консульская служба", "консульской службы", "консульской службе"),
    ("визовый режим", "визового режима", "визовом режиме"), ("граница", "границы", "границе"),
    ("экология", "экологии", "экологии"), ("изменение климата", "изменения климата",
     "изменении климата"), ("зелёная энергетика", "зелёной энергетики", "зелёной энергетике"),
    ("железные дороги", "железных дорог", "железных дорогах"),
    ("авиация", "авиации", "авиации"), ("автомобилестроение", "автомобилестроения",
     "автомобилестроении"), ("фармацевтика", "фармацевтики", "фармацевтике"),
    ("продовольственная безопасность", "продовольственной безопасности",
     "продовольственной безопасности"), ("историческое наследие", "исторического наследия",
     "историческом наследии"), ("кино", "кино", "кино"),
    ("информационные технологии", "информационных технологий", "информационных технологиях"),
    ("кибербезопасность", "кибербезопасности", "кибербезопасности"),
    ("искусственный интеллект", "искусственного интеллекта", "искусственном интеллекте"),
    ("геология", "геологии", "геологии"), ("строительство", "строительства", "строительстве"),
]  # fmt: skip
RU_ADJ_GEN = [  # "…сотрудничества": neuter genitive
    "двустороннего", "многостороннего", "стратегического", "всеобъемлющего", "практического",
    "экономического", "торгово-экономического", "культурно-гуманитарного", "инвестиционного",
    "регионального", "международного", "трансграничного", "долгосрочного", "взаимовыгодного",
    "дружественного", "эффективного", "конструктивного", "перспективного", "приоритетного",
    "нового", "важного", "научно-технического", "финансового", "гуманитарного",
    "политического", "дипломатического", "углублённого", "последовательного",
]  # fmt: skip
RU_ADJ_ACC = [  # "…сотрудничество": neuter accusative
    "двустороннее", "многостороннее", "стратегическое", "всеобъемлющее", "практическое",
    "экономическое", "торгово-экономическое", "культурно-гуманитарное", "инвестиционное",
    "региональное", "международное", "долгосрочное", "взаимовыгодное", "эффективное",
    "конструктивное", "перспективное", "научно-техническое", "гуманитарное",
]  # fmt: skip
RU_NOUN_GEN = [
    "сотрудничества", "взаимодействия", "партнёрства", "диалога", "развития",
    "товарооборота", "обмена", "присутствия",
]  # fmt: skip
RU_EVENTS = [  # nominative, genitive, prepositional
    ("встреча", "встречи", "встрече"), ("переговоры", "переговоров", "переговорах"),
    ("консультации", "консультаций", "консультациях"), ("визит", "визита", "визите"),
    ("саммит", "саммита", "саммите"), ("форум", "форума", "форуме"),
    ("конференция", "конференции", "конференции"), ("брифинг", "брифинга", "брифинге"),
    ("круглый стол", "круглого стола", "круглом столе"), ("заседание", "заседания",
     "заседании"), ("совещание", "совещания", "совещании"), ("диалог", "диалога", "диалоге"),
    ("телефонный разговор", "телефонного разговора", "телефонном разговоре"),
    ("видеоконференция", "видеоконференции", "видеоконференции"),
    ("выставка", "выставки", "выставке"),
    ("межправительственная комиссия", "межправительственной комиссии",
     "межправительственной комиссии"),
]  # fmt: skip
RU_VERBS = [
    "обсудили", "рассмотрели", "подчеркнули", "отметили", "договорились расширить",
    "высоко оценили", "приветствовали", "одобрили", "поддержали", "изучили", "представили",
    "подтвердили", "обменялись мнениями о перспективах", "наметили шаги по развитию",
    "выразили заинтересованность в развитии", "подписали документы о развитии",
]  # fmt: skip
RU_DOCS = [
    "меморандум", "совместное заявление", "межправительственное соглашение",
    "программа сотрудничества", "дорожная карта", "меморандум о взаимопонимании", "план действий",
    "инвестиционное соглашение", "план мероприятий", "договор", "протокол", "коммюнике",
]  # fmt: skip
RU_MONTHS_GEN = [
    "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
    "октября", "ноября", "декабря",
]  # fmt: skip
RU_OPENERS = [
    "Сегодня", "Вчера", "На днях", "На этой неделе", "Недавно", "На прошлой неделе",
    "В рамках мероприятия", "В ходе переговоров", "По итогам встречи", "В ходе беседы",
    "В рамках визита", "Также", "Кроме того", "Следует отметить, что", "Как отмечается,",
    "Для справки:", "В частности,", "Ранее", "{day} {month}",
]  # fmt: skip
RU_SENTENCES = [
    "{opener} в {city_prep} прошло мероприятие «{event}» с участием делегации {country_gen}.",
    "Стороны {verb} {adj_gen} {noun_gen} в сфере {topic_gen}.",
    "{actor} высоко оценил опыт {country_gen} в области {topic_gen}.",
    "На повестке дня {event_gen} были вопросы {topic_gen} и {topic2_gen}.",
    "{opener} обсуждены перспективы {adj_gen} {noun_gen} в {topic_prep}.",
    "В рамках визита {actors_gen} в {city_acc} планируется подписать {num} документов.",
    "Достигнуты договорённости о реализации совместных проектов в сфере {topic_gen}.",
    "{actor} проинформировал о реформах, проводимых в {topic_prep}.",
    "На {event_prep} рассмотрены возможности расширения сотрудничества с {org}.",
    "По итогам мероприятия подписан {doc}.",
    "{opener} стороны {verb} {adj_gen} {noun_gen} с {country_instr}.",
    "Собеседники отметили необходимость расширить портфель проектов в сфере {topic_gen}.",
    "В {country_prep} действует более {num} совместных предприятий.",
    "Объём взаимного товарооборота превысил {num} миллионов долларов.",
    "{opener} обсуждены вопросы сотрудничества в рамках {org}.",
    "{actor} рассказал о подготовке к {event_dat} в {city_prep}.",
    "Особо отмечены приоритетные направления {adj_gen} {noun_gen}, включая {topic} и {topic2}.",
    "Согласованы планы визита министров {country_gen} в {city_acc}.",
    "Подчёркнута важность укрепления {adj_gen} {noun_gen} между двумя странами.",
    "Эксперты договорились продолжить обмен опытом в сфере {topic_gen}.",
    "Совместно с {org} разрабатывается программа в области {topic_gen}.",
    "Члены делегации ознакомились с историческими памятниками {city_gen}.",
    "Решено продолжить работу над проектом документа «{doc}».",
    "Стороны обменялись мнениями по актуальным вопросам международной и региональной повестки.",
    "{actor} оценил итоги {event_gen} как {adj_res}.",
    "Следующее заседание запланировано на {num} {month} в {city_prep}.",
]  # fmt: skip
RU_TITLES = [
    "{actor} обсудил с делегацией {country_gen} вопросы {adj_gen} {noun_gen}",
    "Обсуждены перспективы {adj_gen} {noun_gen} с {country_instr} в сфере {topic_gen}",
    "В {city_prep} прошло мероприятие «{event}»: на повестке {topic} и {topic2}",
    "{actor} встретился с представителями {org} по вопросам {topic_gen}",
    "Об итогах {event_gen} между {country_instr} и {country2_instr} в {city_prep}",
    "В {city_prep} обсуждены вопросы {topic_gen} и {topic2_gen}",
    "В ходе визита {actors_gen} {country_gen} подписаны документы о развитии {noun_gen}",
    "Расширение {adj_gen} {noun_gen} в сфере {topic_gen} обсудили на {event_prep}",
]  # fmt: skip
RU_RARE_TITLE = "С Монголией обсуждено развитие {adj_gen} {noun_gen} в сфере {topic_gen}"
RU_RARE_SENTENCE = "{actor} обсудил с делегацией Монголии вопросы {topic_gen}."
RU_COMMON_TITLES = [
    "Узбекистан и {country} расширяют {adj_acc} сотрудничество в сфере {topic_gen}",
    "{actor} представил инициативы Узбекистана в сфере {topic_gen} на встрече в {city_prep}",
]
RU_COMMON_SENTENCES = [
    "Узбекистан заинтересован в последовательном развитии {adj_gen} {noun_gen} с {country_instr}.",
    "{actor} рассказал о реформах Узбекистана в сфере {topic_gen}.",
    "Отмечены преобразования, проводимые в Узбекистане в области {topic_gen}.",
    "Между Узбекистаном и {country_instr} сложились отношения {adj_gen} {noun_gen}.",
]

EN_COUNTRIES = [
    "Germany", "France", "Japan", "China", "Russia", "Kazakhstan", "Tajikistan", "Turkmenistan",
    "Kyrgyzstan", "Afghanistan", "India", "Türkiye", "the Republic of Korea", "Italy", "Spain",
    "Poland", "Hungary", "Egypt", "Saudi Arabia", "Pakistan", "Iran", "Azerbaijan", "Georgia",
    "Belarus", "the United States", "the United Kingdom", "Canada", "Brazil", "Indonesia",
    "Malaysia", "Viet Nam", "Singapore", "Austria", "Switzerland", "the Netherlands", "Belgium",
    "Czechia", "Latvia", "Finland", "Sweden", "Qatar", "Kuwait", "Oman", "Armenia", "Serbia",
]  # fmt: skip
EN_ORGS = [
    "the UN", "the SCO", "the CIS", "the OSCE", "the European Union",
    "the Organisation of Islamic Cooperation", "the World Bank", "the Asian Development Bank",
    "the Organisation of Turkic States", "UNESCO", "UNICEF", "the WHO",
]  # fmt: skip
EN_CITIES = [
    "Tashkent", "Samarkand", "Bukhara", "Khiva", "Namangan", "Andijan", "Fergana", "Nukus",
    "Karshi", "Termez", "Moscow", "Beijing", "Berlin", "Paris", "London", "Washington",
    "New York", "Geneva", "Vienna", "Brussels", "Tokyo", "Seoul", "Ankara", "Istanbul", "Delhi",
    "Astana", "Almaty", "Bishkek", "Dushanbe", "Ashgabat", "Baku", "Tbilisi", "Minsk", "Riyadh",
    "Doha", "Dubai", "Cairo", "Rome", "Madrid", "Warsaw", "Budapest", "Prague", "Kabul",
    "Islamabad",
]  # fmt: skip
EN_ACTORS = [
    "The Minister of Foreign Affairs", "The Deputy Minister", "The ministry's delegation",
    "The Ambassador", "The Press Secretary", "The Consul General", "The department director",
    "A group of experts", "The government delegation", "Members of parliament",
    "The working group", "The ministers", "Diplomats", "Specialists", "The chargé d'affaires",
    "The head of division", "The head of the delegation", "The Ambassador Extraordinary",
    "Consular officers",
]  # fmt: skip
EN_TOPICS = [
    "trade", "investment", "energy", "transport", "logistics", "tourism", "education",
    "healthcare", "culture", "security", "water resources", "agriculture", "the digital economy",
    "innovation", "industry", "textiles", "the chemical industry", "finance", "banking",
    "science", "sport", "youth policy", "human rights", "labour migration", "consular services",
    "visa policy", "border management", "ecology", "climate change", "green energy",
    "railways", "aviation", "car manufacturing", "pharmaceuticals", "food security",
    "historical heritage", "cinema", "information technology", "cybersecurity",
    "artificial intelligence", "geology", "construction", "urban development",
]  # fmt: skip
EN_ADJ = [
    "bilateral", "multilateral", "strategic", "comprehensive", "practical", "economic",
    "trade and economic", "cultural and humanitarian", "investment", "regional",
    "international", "cross-border", "long-term", "mutually beneficial", "friendly",
    "effective", "constructive", "promising", "priority", "new", "important", "pressing",
    "high-level", "official", "joint", "intergovernmental", "inter-parliamentary",
    "scientific and technical", "financial", "social", "humanitarian", "political",
    "diplomatic", "deeper", "consistent", "sustainable", "open",
]  # fmt: skip
EN_NOUNS = [
    "cooperation", "partnership", "dialogue", "relations", "ties", "engagement", "exchanges",
    "projects", "initiatives", "contacts",
]  # fmt: skip
EN_EVENTS = [
    "meeting", "talks", "consultations", "visit", "summit", "forum", "conference", "briefing",
    "round table", "session", "working meeting", "dialogue", "telephone conversation",
    "video conference", "exhibition", "intergovernmental commission",
]  # fmt: skip
EN_VERBS = [
    "discussed", "reviewed", "stressed the importance of", "noted", "agreed to expand",
    "praised", "welcomed", "endorsed", "supported", "studied", "presented", "confirmed",
    "exchanged views on", "outlined steps to develop", "expressed interest in developing",
    "signed documents on",
]  # fmt: skip
EN_DOCS = [
    "memorandum", "joint statement", "intergovernmental agreement", "cooperation programme",
    "road map", "memorandum of understanding", "action plan", "investment agreement",
    "plan of events", "treaty", "protocol", "communiqué",
]  # fmt: skip
EN_MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
]  # fmt: skip
EN_OPENERS = [
    "Today", "Yesterday", "In recent days", "This week", "Recently", "Last week",
    "During the event", "During the talks", "After the meeting", "In the course of the talk",
    "During the visit", "Also", "In addition", "It should be noted that", "As was noted",
    "For reference", "In particular", "Earlier", "On {day} {month}",
]  # fmt: skip
EN_SENTENCES = [
    "{opener}, {actor_lc} met a delegation from {country} in {city} for a {adj} {event}.",
    "The sides {verb} {adj} {noun} in {topic}.",
    "{actor} praised the experience of {country} in {topic}.",
    "The agenda of the {event} included {topic} and {topic2}.",
    "{opener}, the prospects of {adj} {noun} in {topic} were discussed.",
    "{num} documents are expected to be signed during the visit to {city}.",
    "Agreements were reached on joint projects in {topic}.",
    "{actor} spoke about the reforms under way in {topic}.",
    "The {event} looked at ways to widen cooperation with {org}.",
    "A {doc} was signed at the end of the {event}.",
    "{opener}, the sides {verb} {adj} {noun} with {country}.",
    "The interlocutors noted the need to widen the portfolio of projects in {topic}.",
    "More than {num} joint ventures operate in {country}.",
    "Mutual trade exceeded {num} million dollars.",
    "{opener}, cooperation within {org} was discussed.",
    "{actor} spoke about preparations for the {adj} {event} in {city}.",
    "Priority areas of {adj} {noun}, including {topic} and {topic2}, were highlighted.",
    "Plans for a visit of the ministers of {country} to {city} were agreed.",
    "The importance of strengthening {adj} {noun} between the two countries was stressed.",
    "The experts agreed to continue exchanging experience in {topic}.",
    "A programme on {topic} is being drafted together with {org}.",
    "Members of the delegation visited the historical monuments of {city}.",
    "Work on the draft {doc} will continue.",
    "The sides exchanged views on pressing international and regional issues.",
    "{actor} called the results of the {event} {adj_res}.",
    "The next session is scheduled for {num} {month} in {city}.",
]  # fmt: skip
EN_TITLES = [
    "{actor} discusses {adj} {noun} with a delegation from {country}",
    "Prospects of {adj} {noun} with {country} in {topic} discussed",
    "{adj_cap} {event} held in {city} with {topic} and {topic2} on the agenda",
    "{actor} meets representatives of {org} to discuss {topic}",
    "Results of the {event} between {country} and {country2} in {city}",
    "{event_cap} on {topic} and {topic2} takes place in {city}",
    "Documents on {adj} {noun} signed during the visit of the ministers of {country}",
    "Expanding {adj} {noun} in {topic} discussed at the {event} in {city}",
]  # fmt: skip
EN_RARE_TITLE = "Mongolia and the ministry discuss {adj} {noun} in {topic} at the {event}"
EN_RARE_SENTENCE = "{actor} discussed {topic} with a delegation from Mongolia."
EN_COMMON_TITLES = [
    "Uzbekistan and {country} expand {adj} cooperation in {topic} and {topic2}",
    "{actor} presents Uzbekistan's {adj} initiatives on {topic} at a {event} in {city}",
]
EN_COMMON_SENTENCES = [
    "Uzbekistan is interested in consistently developing {adj} {noun} with {country}.",
    "{actor} spoke about Uzbekistan's reforms in {topic}.",
    "The changes under way in Uzbekistan in {topic} were highlighted.",
]
EN_RESULTS = ["productive", "constructive", "successful", "useful", "substantive", "fruitful"]
RU_RESULTS = ["продуктивные", "конструктивные", "успешные", "полезные", "содержательные"]


def html_paragraphs(paragraphs) -> str:
    return "".join(f"<p>{' '.join(sentences)}</p>" for sentences in paragraphs)


def _uz_case(stem: str, case: str) -> str:
    """Enough Uzbek noun inflection for place names: -ning, -da, -ga, -dan."""
    last = stem[-1].lower()
    if case == "dat":
        return stem + ("ka" if last == "k" else "qa" if last == "q" else "ga")
    return stem + {"gen": "ning", "loc": "da", "abl": "dan"}[case]


class Zipf:
    """Draw from a list with weights ~ 1/rank (shuffled per seed): realistic frequencies."""

    def __init__(self, rng: random.Random, items, s: float = 1.0):
        self.items = list(items)
        rng.shuffle(self.items)
        weights = [1.0 / (rank + 1) ** s for rank in range(len(self.items))]
        total, acc, self.cum = sum(weights), 0.0, []
        for w in weights:
            acc += w / total
            self.cum.append(acc)
        self.cum[-1] = 1.0
        self.rng = rng

    def __call__(self, rng: random.Random | None = None):
        return self.items[bisect.bisect_left(self.cum, (rng or self.rng).random())]


class Bank:
    """Sentence and title pools for one language, plus the planted marker phrases."""

    def __init__(self, rng, sentences, titles, slots, rare_title, rare_sentence, common_titles,
                 common_sentences, pool=3000):  # fmt: skip
        self.rng = rng
        self.slots = {name: Zipf(rng, values) for name, values in slots.items()}
        self.sentence_templates = Zipf(rng, sentences, s=0.6)
        self.sentences = [self.fill(self.sentence_templates()) for _ in range(pool)]
        self.sentence_words = [len(s.split()) for s in self.sentences]
        self.titles = self.titles_from(titles, pool // 2)
        self.rare_titles = self.titles_from([rare_title], 50)
        self.rare_sentences = [self.fill(rare_sentence) for _ in range(50)]
        self.common_titles = self.titles_from(common_titles, 200)
        self.common_sentences = [self.fill(rng.choice(common_sentences)) for _ in range(300)]

    def titles_from(self, templates, k):
        """k titles of 8-14 words."""
        out = []
        for _ in range(k * 50):
            title = self.fill(self.rng.choice(templates))
            if 8 <= len(title.split()) <= 14:
                out.append(title)
                if len(out) == k:
                    return out
        raise ValueError(f"Titles of 8-14 words are rare with {templates[0]!r}")

    def fill(self, template: str) -> str:
        values = {}
        for name in self.slots:
            if "{" + name in template:
                values[name] = self.slots[name]()
        text = template.format(**values)
        # "{opener}" may itself hold a slot ("{day}-{month} kuni").
        if "{" in text:
            text = text.format(**{name: pick() for name, pick in self.slots.items()})
        return text[0].upper() + text[1:]


def uz_slots():
    months = UZ_MONTHS
    return {
        "opener": UZ_OPENERS,
        "month": months,
        "day": [str(d) for d in range(1, 29)],
        "num": [str(n) for n in (2, 3, 4, 5, 6, 7, 8, 10, 12, 15, 20, 25, 30, 40, 50, 100, 150)],
        "city_loc": [_uz_case(c, "loc") for c in UZ_CITIES],
        "city_dat": [_uz_case(c, "dat") for c in UZ_CITIES],
        "city_gen": [_uz_case(c, "gen") for c in UZ_CITIES],
        "country": UZ_COUNTRY_STEMS,
        "country2": UZ_COUNTRY_STEMS,
        "country_gen": [_uz_case(c, "gen") for c in UZ_COUNTRY_STEMS],
        "country_dat": [_uz_case(c, "dat") for c in UZ_COUNTRY_STEMS],
        "country_loc": [_uz_case(c, "loc") for c in UZ_COUNTRY_STEMS],
        "org": UZ_ORGS,
        "actor": UZ_ACTORS,
        "actor_gen": UZ_ACTORS_GEN,
        "topic": UZ_TOPICS,
        "topic2": UZ_TOPICS,
        "adj": UZ_ADJ,
        "event": [e[0] for e in UZ_EVENTS],
        "event_gen": [e[3] for e in UZ_EVENTS],
        "event_loc": [e[2] for e in UZ_EVENTS],
        "verb": UZ_VERBS,
        "doc": UZ_DOCS,
    }


def ru_slots():
    return {
        "opener": RU_OPENERS,
        "month": RU_MONTHS_GEN,
        "day": [str(d) for d in range(1, 29)],
        "num": [str(n) for n in (2, 3, 4, 5, 6, 7, 8, 10, 12, 15, 20, 25, 30, 40, 50, 100, 150)],
        "city_prep": [c[1] for c in RU_CITIES],
        "city_acc": [c[0] for c in RU_CITIES],
        "city_gen": [c[0] for c in RU_CITIES],
        "country": [c[0] for c in RU_COUNTRIES],
        "country_gen": [c[1] for c in RU_COUNTRIES],
        "country_instr": [c[2] for c in RU_COUNTRIES],
        "country2_instr": [c[2] for c in RU_COUNTRIES],
        "country_prep": [c[3] for c in RU_COUNTRIES],
        "org": RU_ORGS,
        "actor": RU_ACTORS,
        "actors_gen": RU_ACTORS_GEN,
        "topic": [t[0] for t in RU_TOPICS],
        "topic2": [t[0] for t in RU_TOPICS],
        "topic_gen": [t[1] for t in RU_TOPICS],
        "topic2_gen": [t[1] for t in RU_TOPICS],
        "topic_prep": [t[2] for t in RU_TOPICS],
        "adj_gen": RU_ADJ_GEN,
        "adj_acc": RU_ADJ_ACC,
        "adj_res": RU_RESULTS,
        "noun_gen": RU_NOUN_GEN,
        "event": [e[0] for e in RU_EVENTS],
        "event_gen": [e[1] for e in RU_EVENTS],
        "event_prep": [e[2] for e in RU_EVENTS],
        "event_dat": [e[1] for e in RU_EVENTS],
        "verb": RU_VERBS,
        "doc": RU_DOCS,
    }


def en_slots():
    return {
        "opener": EN_OPENERS,
        "month": EN_MONTHS,
        "day": [str(d) for d in range(1, 29)],
        "num": [str(n) for n in (2, 3, 4, 5, 6, 7, 8, 10, 12, 15, 20, 25, 30, 40, 50, 100, 150)],
        "city": EN_CITIES,
        "country": EN_COUNTRIES,
        "country2": EN_COUNTRIES,
        "org": EN_ORGS,
        "actor": EN_ACTORS,
        "actor_lc": [a[0].lower() + a[1:] if a.startswith("The") else a for a in EN_ACTORS],
        "topic": EN_TOPICS,
        "topic2": EN_TOPICS,
        "adj": EN_ADJ,
        "adj_cap": [a[0].upper() + a[1:] for a in EN_ADJ],
        "adj_res": EN_RESULTS,
        "noun": EN_NOUNS,
        "event": EN_EVENTS,
        "event_cap": [e[0].upper() + e[1:] for e in EN_EVENTS],
        "verb": EN_VERBS,
        "doc": EN_DOCS,
    }


# --- Reference data: topics, people, posts, appointments ------------------------------------

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


def en_name(uz: str) -> str:
    return uz.replace("\u02bb", "").replace("Xo", "Kho").replace("x", "kh")


def appointment_index(appointments):
    """Boundaries and, between each two, the appointments in force: pick by bisect."""
    days = sorted({a.started_on for a in appointments} | {a.ended_on for a in appointments
                                                          if a.ended_on})  # fmt: skip
    current = [[a.pk for a in appointments if a.is_current_on(day)] for day in days]
    return days, current


def participants_on(index, day):
    days, current = index
    i = bisect.bisect_right(days, day) - 1
    return current[i] if i >= 0 else []


class Command(BaseCommand):
    help = (
        "Generate realistic published releases in four languages for benchmarks: every kind, "
        "~10 years of dates, countries, topics, 1-3 participants current on the event date, "
        "and Photo rows (0-3 a release) pointing at a few shared image names that have no file. "
        "Plants 'Mongoliya/Монголия/Mongolia' in exactly 0.1%% of rows and 'Oʻzbekiston/"
        "Ўзбекистон/Узбекистан/Uzbekistan' in ~30%%. Creates 12 topics if there are none and "
        "~40 demo people with posts and successive appointments if there are none (slugs "
        "gen-person-*); loads countries if there are none. Adds --count rows each time."
    )

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=1000)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--batch", type=int, default=2000)
        parser.add_argument("--no-photos", action="store_true", help="Create no Photo rows.")
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when the database already holds releases (make bench).",
        )
        parser.add_argument(
            "--jobs",
            type=int,
            default=0,
            help="Inserting connections (default: 2 on PostgreSQL, 1 on SQLite). Use 1 inside "
            "a transaction that other connections cannot see, as in tests.",
        )

    def handle(self, *args, count, seed, batch, no_photos, jobs, if_empty, **options):
        if count < 0 or batch < 1:
            raise CommandError("--count must be ≥ 0 and --batch ≥ 1.")
        if if_empty and Release.objects.exists():
            self.stdout.write(f"{Release.objects.count()} releases already there: none added.")
            return
        started = time.monotonic()
        with translation.override(settings.LANGUAGE_CODE):
            self.prepare(seed)
            made = self.generate(count, seed, batch, photos=not no_photos, jobs=jobs)
        elapsed = time.monotonic() - started
        rate = made / elapsed if elapsed else 0.0
        self.stdout.write(
            f"{made} releases generated on {connection.vendor} in {elapsed:.1f} s "
            f"({rate:,.0f} rows/s)."
        )

    # -- reference rows --

    def prepare(self, seed):
        if not Country.objects.exists():
            call_command("load_countries", stdout=self.stdout)
        if not Topic.objects.exists():
            Topic.objects.bulk_create(
                Topic(slug=slug, name_uz=uz, name_uz_cyrl=to_cyrillic(uz), name_ru=ru, name_en=en)
                for slug, uz, ru, en in TOPICS
            )
        if not Person.objects.filter(slug__startswith=PERSON_PREFIX + "-").exists():
            self.make_people(random.Random(f"people:{seed}"), seed)
        countries = list(Country.objects.order_by("code").values_list("pk", "code", "kind"))
        rng = random.Random(f"countries:{seed}")
        states = [pk for pk, _code, kind in countries if kind == CountryKind.COUNTRY]
        orgs = [pk for pk, _code, kind in countries if kind != CountryKind.COUNTRY]
        self.pick_country = Zipf(rng, states, s=1.1)
        self.pick_org = Zipf(rng, orgs, s=1.0) if orgs else None
        self.mongolia = next((pk for pk, code, _k in countries if code == "MN"), None)
        self.topic_ids = list(Topic.objects.order_by("pk").values_list("pk", flat=True))
        self.appointments = appointment_index(list(Appointment.objects.order_by("pk")))

    def make_people(self, rng, seed):
        today = timezone.localdate()
        first_day = today.replace(year=today.year - YEARS - 1, month=1, day=1)
        span = (today - first_day).days
        codes = {
            c.code: c.pk for c in Country.objects.filter(code__in=[p[3] for p in POSTS if p[3]])
        }
        names = [(f, last) for f in FIRST_NAMES for last in LAST_NAMES]
        rng.shuffle(names)
        people, posts, plans = [], [], []
        for n, (uz, ru, en, code, seniority, holders) in enumerate(POSTS):
            posts.append(
                Post(
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
            Appointment(
                person=persons[holder[i]], post=posts[post_n], started_on=start, ended_on=end
            )
            for i, (post_n, start, end) in enumerate(plans)
        )

    # -- releases --

    def generate(self, count, seed, batch, photos, jobs):
        prefix = f"{SLUG_PREFIX}-{seed}-"
        offset = Release.objects.filter(slug__startswith=prefix).count()
        rng = random.Random(f"releases:{seed}:{offset}")
        t0 = time.monotonic()
        banks = {
            "uz": Bank(rng, UZ_SENTENCES, UZ_TITLES, uz_slots(), UZ_RARE_TITLE, UZ_RARE_SENTENCE,
                       UZ_COMMON_TITLES, UZ_COMMON_SENTENCES),
            "ru": Bank(rng, RU_SENTENCES, RU_TITLES, ru_slots(), RU_RARE_TITLE, RU_RARE_SENTENCE,
                       RU_COMMON_TITLES, RU_COMMON_SENTENCES),
            "en": Bank(rng, EN_SENTENCES, EN_TITLES, en_slots(), EN_RARE_TITLE, EN_RARE_SENTENCE,
                       EN_COMMON_TITLES, EN_COMMON_SENTENCES),
        }  # fmt: skip
        cyrillic = {}  # Uzbek Latin → Cyrillic, once per pooled sentence
        self.banks, self.cyrillic = banks, cyrillic
        rare = set(rng.sample(range(count), round(count * RARE_FRACTION)))
        common = set(rng.sample(range(count), round(count * COMMON_FRACTION)))
        self.stdout.write(f"Phrase banks ready in {time.monotonic() - t0:.1f} s.")

        today = timezone.localdate()
        self.first_day = today - datetime.timedelta(days=365 * YEARS)
        self.span = (today - self.first_day).days
        self.now = timezone.now()
        self.prefix, self.offset, self.seed = prefix, offset, seed
        self.rare, self.common, self.with_photos = rare, common, photos

        jobs = jobs or (2 if connection.vendor == "postgresql" else 1)
        starts = [(start, min(start + batch, count)) for start in range(0, count, batch)]
        made = 0
        gen_time = db_time = 0.0
        if jobs == 1:
            results = (self.batch(*bounds) for bounds in starts)
        else:
            # Each batch has its own random stream, so the rows do not depend on the thread
            # that made them. The server's trigger and indexes are the bottleneck: a second
            # connection keeps a second core busy.
            pool = ThreadPoolExecutor(max_workers=jobs)
            results = pool.map(self.batch_in_thread, starts)
        for n, gen, db in results:
            made += n
            gen_time += gen
            db_time += db
            if self.stdout.isatty():
                self.stdout.write(f"  {made}/{count}", ending="\r")
                self.stdout.flush()
        if jobs > 1:
            pool.shutdown()
        self.stdout.write(
            f"Text generation {gen_time:.1f} s, database {db_time:.1f} s "
            f"(summed over {jobs} connection{'s' if jobs > 1 else ''})."
        )
        return made

    def batch_in_thread(self, bounds):
        try:
            with translation.override(settings.LANGUAGE_CODE):
                return self.batch(*bounds)
        finally:
            connection.close()

    def batch(self, start, end):
        """Rows start…end-1: made in Python, then inserted in one transaction."""
        rng = random.Random(f"releases:{self.seed}:{self.offset}:{start}")
        t0 = time.monotonic()
        kinds = [k.value for k in Kind]
        kind_weights = [25, 10, 10, 10, 8, 7, 5, 25]  # Kind order: meeting … news
        tz = timezone.get_current_timezone()
        releases, links = [], []
        for n in range(start, end):
            day = self.first_day + datetime.timedelta(days=rng.randrange(self.span))
            status, published_at = Status.PUBLISHED, None
            roll = rng.random()
            if roll < 0.03:
                status = Status.DRAFT
            elif roll < 0.035:
                status = Status.WITHDRAWN
            if status != Status.DRAFT:
                hour = datetime.time(rng.randrange(9, 21), rng.randrange(60))
                published_at = datetime.datetime.combine(day, hour, tzinfo=tz)
                published_at += datetime.timedelta(days=rng.choice((0, 0, 0, 0, 1)))
                published_at = min(published_at, self.now - datetime.timedelta(minutes=1))
            fields = self.texts(rng, n in self.rare, n in self.common)
            releases.append(
                Release(
                    slug=f"{self.prefix}{self.offset + n + 1}",
                    kind=rng.choices(kinds, kind_weights)[0],
                    event_date=day,
                    status=status,
                    published_at=published_at,
                    **fields,
                )
            )
            links.append(self.links(rng, day, n in self.rare))
        t1 = time.monotonic()
        through_c = Release.countries.through
        through_t = Release.topics.through
        through_p = Release.participants.through
        size = end - start
        with transaction.atomic():
            Release.objects.bulk_create(releases, batch_size=size)
            rows_c, rows_t, rows_p, rows_ph = [], [], [], []
            for release, (cs, ts, ps, nphotos) in zip(releases, links, strict=True):
                rows_c += [through_c(release_id=release.pk, country_id=c) for c in cs]
                rows_t += [through_t(release_id=release.pk, topic_id=t) for t in ts]
                rows_p += [through_p(release_id=release.pk, appointment_id=p) for p in ps]
                if self.with_photos:
                    rows_ph += self.photos(rng, release, nphotos)
            through_c.objects.bulk_create(rows_c, batch_size=size * 2)
            through_t.objects.bulk_create(rows_t, batch_size=size * 2)
            through_p.objects.bulk_create(rows_p, batch_size=size * 2)
            Photo.objects.bulk_create(rows_ph, batch_size=size * 2)
        # With DEBUG on, each connection keeps its last 9,000 statements: megabytes each here.
        connection.queries_log.clear()
        return len(releases), t1 - t0, time.monotonic() - t1

    def texts(self, rng, rare: bool, common: bool) -> dict:
        fields = {}
        place = rng.randrange(len(UZ_CITIES)) if rng.random() < 0.6 else 0  # mostly Tashkent
        title, lead, paragraphs = self.compose(rng, self.banks["uz"], rare, common)
        variant = rng.choice(UZ_APOSTROPHES)
        fields["title_uz"] = self.vary(title, variant)
        fields["lead_uz"] = self.vary(" ".join(lead), variant)
        fields["body_uz"] = self.vary(html_paragraphs(paragraphs), variant)
        # Uzbek Cyrillic says the same: pooled sentences are transliterated once each.
        cyr = self.cyr
        fields["title_uz_cyrl"] = cyr(title)
        fields["lead_uz_cyrl"] = " ".join(cyr(s) for s in lead)
        fields["body_uz_cyrl"] = html_paragraphs([[cyr(s) for s in p] for p in paragraphs])
        fields["place_uz"] = UZ_CITIES[place]
        fields["place_uz_cyrl"] = cyr(UZ_CITIES[place])
        for code in ("ru", "en"):
            title, lead, paragraphs = self.compose(rng, self.banks[code], rare, common)
            fields[f"title_{code}"] = title
            fields[f"lead_{code}"] = " ".join(lead)
            fields[f"body_{code}"] = html_paragraphs(paragraphs)
        fields["place_ru"] = RU_CITIES[place][0]
        fields["place_en"] = EN_CITIES[place]
        return fields

    @staticmethod
    def vary(text, apostrophe):
        if apostrophe == "\u02bb" or "Oʻzbekiston" not in text:
            return text
        return text.replace("Oʻzbekiston", f"O{apostrophe}zbekiston")

    def cyr(self, text):
        cached = self.cyrillic.get(text)
        if cached is None:
            cached = self.cyrillic[text] = to_cyrillic(text)
        return cached

    def compose(self, rng, bank, rare, common):
        """Title (8-14 words), lead (~30 words), body (3-6 paragraphs of ~60 words)."""
        if rare:
            title = rng.choice(bank.rare_titles)
        elif common and rng.random() < 0.5:
            title = rng.choice(bank.common_titles)
        else:
            title = rng.choice(bank.titles)
        pool, words = bank.sentences, bank.sentence_words
        size = len(pool)
        lead = self.paragraph(rng, pool, words, size, 28)
        paragraphs = [self.paragraph(rng, pool, words, size, 58) for _ in range(rng.randint(3, 6))]
        if rare:
            paragraphs[rng.randrange(len(paragraphs))].insert(0, rng.choice(bank.rare_sentences))
        if common:
            paragraphs[rng.randrange(len(paragraphs))].append(rng.choice(bank.common_sentences))
        return title, lead, paragraphs

    @staticmethod
    def paragraph(rng, pool, words, size, target):
        out, n = [], 0
        while n < target:
            i = int(rng.random() * size)
            out.append(pool[i])
            n += words[i]
        return out

    def links(self, rng, day, rare):
        countries = {self.pick_country(rng) for _ in range(rng.choice((1, 1, 1, 2, 2, 3)))}
        if self.pick_org and rng.random() < 0.15:
            countries.add(self.pick_org(rng))
        if rare and self.mongolia:
            countries.add(self.mongolia)
        topics = rng.sample(self.topic_ids, min(len(self.topic_ids), rng.choice((1, 1, 2, 3))))
        current = participants_on(self.appointments, day)
        participants = rng.sample(current, min(len(current), rng.randint(1, 3)))
        nphotos = rng.choice((0, 1, 1, 1, 2, 3))
        return countries, topics, participants, nphotos

    def photos(self, rng, release, n):
        return [
            Photo(
                release_id=release.pk,
                image=rng.choice(PHOTO_NAMES),
                width=1600,
                height=1067,
                is_lead=(i == 0),
                order=i,
                alt_uz="Uchrashuv chogʻida",
                alt_uz_cyrl="Учрашув чоғида",
                alt_ru="Во время встречи",
                alt_en="During the meeting",
            )
            for i in range(n)
        ]
