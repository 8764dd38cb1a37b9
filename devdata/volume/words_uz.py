"""The Uzbek (Latin) phrase bank: slot words inflected by hand or by uz_case().

The Cyrillic version of each sentence is this text transliterated (cyrillic.py), so the two
Uzbek versions of a release say the same thing.
"""

from devdata.volume.phrases import DAYS, NUMBERS, Bank

COUNTRY_STEMS = [
    "Germaniya", "Fransiya", "Yaponiya", "Xitoy", "Rossiya", "Qozogʻiston", "Tojikiston",
    "Turkmaniston", "Qirgʻiziston", "Afgʻoniston", "Hindiston", "Turkiya", "Koreya Respublikasi",
    "Italiya", "Ispaniya", "Polsha", "Vengriya", "Misr", "Saudiya Arabistoni", "Pokiston",
    "Eron", "Ozarbayjon", "Gruziya", "Belarus", "Ukraina", "AQSH", "Buyuk Britaniya", "Kanada",
    "Braziliya", "Indoneziya", "Malayziya", "Vyetnam", "Singapur", "Avstriya", "Shveytsariya",
    "Niderlandiya", "Belgiya", "Chexiya", "Latviya", "Litva", "Estoniya", "Finlandiya",
    "Shvetsiya", "Norvegiya", "Qatar", "Quvayt", "Ummon", "Iordaniya", "Armaniston", "Serbiya",
]  # fmt: skip
ORGS = [
    "BMT", "ShHT", "MDH", "YeXHT", "Yevropa Ittifoqi", "Islom hamkorlik tashkiloti", "Jahon banki",
    "Osiyo taraqqiyot banki", "Turkiy davlatlar tashkiloti", "YuNESKO", "YuNISEF", "JSST",
]  # fmt: skip
CITIES = [
    "Toshkent", "Samarqand", "Buxoro", "Xiva", "Namangan", "Andijon", "Fargʻona", "Nukus",
    "Qarshi", "Termiz", "Moskva", "Pekin", "Berlin", "Parij", "London", "Vashington", "Nyu-York",
    "Jeneva", "Vena", "Bryussel", "Tokio", "Seul", "Anqara", "Istanbul", "Dehli", "Astana",
    "Olmaota", "Bishkek", "Dushanbe", "Ashxobod", "Boku", "Tbilisi", "Minsk", "Riyod", "Doha",
    "Dubay", "Qohira", "Rim", "Madrid", "Varshava", "Budapesht", "Praga", "Kobul", "Islomobod",
]  # fmt: skip
ACTORS = [
    "Tashqi ishlar vaziri", "Vazir oʻrinbosari", "Vazirlik delegatsiyasi", "Elchi",
    "Matbuot kotibi", "Bosh konsul", "Departament direktori", "Ekspertlar guruhi",
    "Hukumat delegatsiyasi", "Parlament aʼzolari", "Ishchi guruh", "Vazirlar", "Diplomatlar",
    "Mutaxassislar", "Muvaqqat ishlar vakili", "Boshqarma boshligʻi", "Tomonlar",
    "Delegatsiya rahbari", "Favqulodda va muxtor elchi", "Konsullik xodimlari",
]  # fmt: skip
ACTORS_GEN = [
    "Tashqi ishlar vazirining", "Vazir oʻrinbosarining", "delegatsiyaning", "elchining",
    "vazirlarining", "diplomatlarning", "tomonlarning", "mutaxassislarning", "ekspertlarning",
    "hukumat aʼzolarining", "parlamentariylarning", "vakillarining", "rahbarlarining",
]  # fmt: skip
TOPICS = [
    "savdo", "investitsiya", "energetika", "transport", "logistika", "turizm", "taʼlim",
    "sogʻliqni saqlash", "madaniyat", "xavfsizlik", "suv resurslari", "qishloq xoʻjaligi",
    "raqamli iqtisodiyot", "innovatsiya", "sanoat", "toʻqimachilik", "kimyo sanoati", "moliya",
    "bank ishi", "ilm-fan", "sport", "yoshlar siyosati", "inson huquqlari", "mehnat migratsiyasi",
    "konsullik xizmati", "viza rejimi", "chegara", "ekologiya", "iqlim oʻzgarishi",
    "yashil energetika", "temir yoʻl", "aviatsiya", "avtomobilsozlik", "farmatsevtika",
    "oziq-ovqat xavfsizligi", "tarixiy meros", "kino", "muzey ishi", "axborot texnologiyalari",
    "kiberxavfsizlik", "sunʼiy intellekt", "geologiya", "qurilish", "urbanizatsiya", "arxeologiya",
]  # fmt: skip
ADJ = [
    "ikki tomonlama", "koʻp tomonlama", "strategik", "keng qamrovli", "amaliy", "iqtisodiy",
    "savdo-iqtisodiy", "madaniy-gumanitar", "investitsiyaviy", "mintaqaviy", "xalqaro",
    "transchegaraviy", "uzoq muddatli", "oʻzaro manfaatli", "doʻstona", "samarali", "konstruktiv",
    "istiqbolli", "ustuvor", "yangi", "muhim", "dolzarb", "yuqori darajadagi", "rasmiy",
    "navbatdagi", "qoʻshma", "hukumatlararo", "parlamentlararo", "ilmiy-texnik", "moliyaviy",
    "ijtimoiy", "gumanitar", "siyosiy", "diplomatik", "chuqur", "izchil", "barqaror", "ochiq",
]  # fmt: skip
EVENTS = [
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
VERBS = [
    "muhokama qildi", "muhokama qilindi", "koʻrib chiqdi", "koʻrib chiqildi", "taʼkidladi",
    "bildirdi", "kelishib oldi", "qayd etdi", "yuqori baholadi", "olqishladi", "maʼqulladi",
    "qoʻllab-quvvatladi", "oʻrganib chiqdi", "eʼlon qildi", "taqdim etdi", "tasdiqladi",
    "muhokama qilinmoqda", "kengaytirilmoqda", "rivojlantirilmoqda", "mustahkamlanmoqda",
    "amalga oshirilmoqda", "oʻtkaziladi", "imzolanadi", "koʻrib chiqiladi", "davom ettiriladi",
    "tayyorlanmoqda", "belgilab olindi", "kelishib olindi", "ilgari surildi",
]  # fmt: skip
DOCS = [
    "memorandum", "qoʻshma bayonot", "hukumatlararo bitim", "hamkorlik dasturi", "yoʻl xaritasi",
    "oʻzaro anglashuv memorandumi", "harakatlar rejasi", "investitsiya kelishuvi",
    "tadbirlar rejasi", "shartnoma", "protokol", "kommyunike",
]  # fmt: skip
MONTHS = [
    "yanvar", "fevral", "mart", "aprel", "may", "iyun", "iyul", "avgust", "sentabr", "oktabr",
    "noyabr", "dekabr",
]  # fmt: skip
OPENERS = [
    "Bugun", "Kecha", "Shu kunlarda", "Joriy haftada", "Yaqinda", "Oʻtgan hafta",
    "Mazkur tadbir doirasida", "Muzokaralar chogʻida", "Uchrashuv yakunida", "Suhbat davomida",
    "Tashrif doirasida", "Shuningdek", "Bundan tashqari", "Taʼkidlash joizki", "Qayd etilishicha",
    "Maʼlumot uchun", "Xususan", "Avvalroq", "Joriy yilning {month} oyida", "{day}-{month} kuni",
]  # fmt: skip
SENTENCES = [
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
TITLES = [
    "{actor} {country_gen} delegatsiyasi bilan {adj} masalalarni muhokama qildi",
    "{country} bilan {topic} sohasidagi {adj} hamkorlik istiqbollari muhokama qilindi",
    "{city_loc} {adj} {event} boʻlib oʻtdi: {topic} va {topic2} kun tartibida",
    "{actor} {org} vakillari bilan {topic} masalalari yuzasidan uchrashdi",
    "{country} va {country2} oʻrtasidagi {adj} {event} yakunlari haqida",
    "{city_loc} {topic} boʻyicha {adj} {event} oʻtkazildi",
    "{country_gen} {actor_gen} {city_dat} tashrifi doirasida {adj} hujjatlar imzolandi",
    "{topic} sohasida {adj} hamkorlikni kengaytirish yuzasidan {event} tashkil etildi",
]  # fmt: skip
RARE_TITLE = "Mongoliya bilan {topic} sohasidagi {adj} hamkorlik {event_loc} muhokama qilindi"
RARE_SENTENCE = "{actor} Mongoliya delegatsiyasi bilan {topic} masalalarini {verb}."
COMMON_TITLES = [
    "Oʻzbekiston va {country} {topic} sohasidagi {adj} hamkorlikni kengaytirmoqda",
    "{actor} Oʻzbekistonning {topic} sohasidagi {adj} tashabbuslarini {city_loc} taqdim etdi",
]
COMMON_SENTENCES = [
    "Oʻzbekiston {country} bilan {adj} hamkorlikni izchil rivojlantirishdan manfaatdor.",
    "{actor} Oʻzbekistonning {topic} sohasidagi {adj} islohotlari haqida soʻzlab berdi.",
    "Oʻzbekistonda {topic} sohasida amalga oshirilayotgan {adj} oʻzgarishlar taʼkidlandi.",
]


def uz_case(stem: str, case: str) -> str:
    """Enough Uzbek noun inflection for place names: -ning, -da, -ga, -dan."""
    last = stem[-1].lower()
    if case == "dat":
        return stem + ("ka" if last == "k" else "qa" if last == "q" else "ga")
    return stem + {"gen": "ning", "loc": "da", "abl": "dan"}[case]


def slots() -> dict:
    """{slot name: the words that may fill it}."""
    return {
        "opener": OPENERS,
        "month": MONTHS,
        "day": DAYS,
        "num": NUMBERS,
        "city_loc": [uz_case(c, "loc") for c in CITIES],
        "city_dat": [uz_case(c, "dat") for c in CITIES],
        "city_gen": [uz_case(c, "gen") for c in CITIES],
        "country": COUNTRY_STEMS,
        "country2": COUNTRY_STEMS,
        "country_gen": [uz_case(c, "gen") for c in COUNTRY_STEMS],
        "country_dat": [uz_case(c, "dat") for c in COUNTRY_STEMS],
        "country_loc": [uz_case(c, "loc") for c in COUNTRY_STEMS],
        "org": ORGS,
        "actor": ACTORS,
        "actor_gen": ACTORS_GEN,
        "topic": TOPICS,
        "topic2": TOPICS,
        "adj": ADJ,
        "event": [e[0] for e in EVENTS],
        "event_gen": [e[3] for e in EVENTS],
        "event_loc": [e[2] for e in EVENTS],
        "verb": VERBS,
        "doc": DOCS,
    }


def bank(rng) -> Bank:
    """The sentence and title pools, drawing from rng."""
    return Bank(
        rng, SENTENCES, TITLES, slots(), RARE_TITLE, RARE_SENTENCE, COMMON_TITLES, COMMON_SENTENCES
    )
