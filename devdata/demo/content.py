"""The texts of the demo content, in the four site languages (see load_demo_data).

Everything here is data plus a few pure functions that turn it into release texts; the
command does the database work. Three kinds of text:

- the real release in ``SAMPLE`` (devdata/samples/: the Uzbek Latin text as published,
  its Cyrillic transliteration, Russian and English translations), with the two real
  ministers it names;
- ``TEMPLATES`` per kind of release, written by hand in each language, filled with forms
  of names that are also written by hand (``COUNTRIES``, ``CITIES``, ``ORGS``, ``PEOPLE``,
  ``POSTS``, ``TOPIC_PHRASES``): Russian needs the genitive and instrumental, Uzbek its
  suffixes, so nothing is declined or transliterated by code;
- ``EVENTS``, ``DRAFTS`` and ``SCHEDULED``: which template, when, with whom, about what.

Every further release names only fictitious officials (``PEOPLE`` with ``real=False``: their
biography says so in every language) holding demo posts: no words are put in real people's
mouths. Uzbek Latin uses ʻ (U+02BB) for oʻ/gʻ and ʼ (U+02BC) for the tutuq belgisi; the sample
keeps the ASCII apostrophe it was published with, so search meets both.
"""

# ruff: noqa: E501 -- prose: one sentence per line reads better than strings cut at 100 columns.

import datetime
from typing import NamedTuple

LANGS = ("uz", "uz_cyrl", "ru", "en")  # modeltranslation column suffixes

# --- Topics ------------------------------------------------------------------------------

# slug: (names, descriptions), each {suffix: text}
TOPICS = {
    "political-cooperation": (
        {
            "uz": "Siyosiy hamkorlik",
            "uz_cyrl": "Сиёсий ҳамкорлик",
            "ru": "Политическое сотрудничество",
            "en": "Political cooperation",
        },
        {
            "uz": "Siyosiy muloqot, tashqi ishlar vazirliklari oʻrtasidagi maslahatlashuvlar, oliy darajadagi tashriflar.",
            "uz_cyrl": "Сиёсий мулоқот, ташқи ишлар вазирликлари ўртасидаги маслаҳатлашувлар, олий даражадаги ташрифлар.",
            "ru": "Политический диалог, консультации между министерствами иностранных дел, визиты на высшем уровне.",
            "en": "Political dialogue, consultations between foreign ministries, high-level visits.",
        },
    ),
    "trade-economy": (
        {
            "uz": "Savdo-iqtisodiy hamkorlik",
            "uz_cyrl": "Савдо-иқтисодий ҳамкорлик",
            "ru": "Торгово-экономическое сотрудничество",
            "en": "Trade and economy",
        },
        {
            "uz": "Savdo, iqtisodiy hamkorlik va hukumatlararo komissiyalar.",
            "uz_cyrl": "Савдо, иқтисодий ҳамкорлик ва ҳукуматлараро комиссиялар.",
            "ru": "Торговля, экономическое сотрудничество и межправительственные комиссии.",
            "en": "Trade, economic cooperation and intergovernmental commissions.",
        },
    ),
    "investment": (
        {
            "uz": "Investitsiyalar",
            "uz_cyrl": "Инвестициялар",
            "ru": "Инвестиции",
            "en": "Investment",
        },
        {
            "uz": "Xorijiy investitsiyalarni jalb qilish va qoʻshma loyihalar.",
            "uz_cyrl": "Хорижий инвестицияларни жалб қилиш ва қўшма лойиҳалар.",
            "ru": "Привлечение иностранных инвестиций и совместные проекты.",
            "en": "Attracting foreign investment and joint projects.",
        },
    ),
    "transport": (
        {
            "uz": "Transport va kommunikatsiyalar",
            "uz_cyrl": "Транспорт ва коммуникациялар",
            "ru": "Транспорт и коммуникации",
            "en": "Transport and communications",
        },
        {
            "uz": "Transport yoʻlaklari, temir yoʻllar, tranzit va logistika.",
            "uz_cyrl": "Транспорт йўлаклари, темир йўллар, транзит ва логистика.",
            "ru": "Транспортные коридоры, железные дороги, транзит и логистика.",
            "en": "Transport corridors, railways, transit and logistics.",
        },
    ),
    "water": (
        {
            "uz": "Suv xoʻjaligi",
            "uz_cyrl": "Сув хўжалиги",
            "ru": "Водное хозяйство",
            "en": "Water management",
        },
        {
            "uz": "Transchegaraviy suv resurslaridan birgalikda foydalanish va Orol dengizi.",
            "uz_cyrl": "Трансчегаравий сув ресурсларидан биргаликда фойдаланиш ва Орол денгизи.",
            "ru": "Совместное использование трансграничных водных ресурсов и Аральское море.",
            "en": "Shared use of transboundary water resources and the Aral Sea.",
        },
    ),
    "culture": (
        {
            "uz": "Madaniy-gumanitar hamkorlik",
            "uz_cyrl": "Маданий-гуманитар ҳамкорлик",
            "ru": "Культурно-гуманитарное сотрудничество",
            "en": "Culture and humanitarian affairs",
        },
        {
            "uz": "Madaniyat, fan, yoshlar almashinuvi va xalqlar oʻrtasidagi aloqalar.",
            "uz_cyrl": "Маданият, фан, ёшлар алмашинуви ва халқлар ўртасидаги алоқалар.",
            "ru": "Культура, наука, молодёжные обмены и связи между людьми.",
            "en": "Culture, science, youth exchanges and people-to-people ties.",
        },
    ),
    "security": (
        {"uz": "Xavfsizlik", "uz_cyrl": "Хавфсизлик", "ru": "Безопасность", "en": "Security"},
        {
            "uz": "Mintaqaviy xavfsizlik, terrorizm va giyohvand moddalar savdosiga qarshi kurash.",
            "uz_cyrl": "Минтақавий хавфсизлик, терроризм ва гиёҳванд моддалар савдосига қарши кураш.",
            "ru": "Региональная безопасность, противодействие терроризму и наркотрафику.",
            "en": "Regional security, countering terrorism and drug trafficking.",
        },
    ),
    "health": (
        {
            "uz": "Sogʻliqni saqlash va pandemiya",
            "uz_cyrl": "Соғлиқни сақлаш ва пандемия",
            "ru": "Здравоохранение и пандемия",
            "en": "Health and the pandemic",
        },
        {
            "uz": "Sogʻliqni saqlash sohasidagi va COVID-19 pandemiyasiga qarshi hamkorlik.",
            "uz_cyrl": "Соғлиқни сақлаш соҳасидаги ва COVID-19 пандемиясига қарши ҳамкорлик.",
            "ru": "Сотрудничество в здравоохранении и борьбе с пандемией COVID-19.",
            "en": "Cooperation in health care and against the COVID-19 pandemic.",
        },
    ),
    "education": (
        {"uz": "Taʼlim", "uz_cyrl": "Таълим", "ru": "Образование", "en": "Education"},
        {
            "uz": "Oliy taʼlim muassasalari, stipendiyalar va akademik almashinuv.",
            "uz_cyrl": "Олий таълим муассасалари, стипендиялар ва академик алмашинув.",
            "ru": "Университеты, стипендии и академические обмены.",
            "en": "Universities, scholarships and academic exchanges.",
        },
    ),
    "tourism": (
        {"uz": "Turizm", "uz_cyrl": "Туризм", "ru": "Туризм", "en": "Tourism"},
        {
            "uz": "Turistlar oqimi, sayyohlar uchun viza tartibini soddalashtirish, madaniy meros.",
            "uz_cyrl": "Туристлар оқими, сайёҳлар учун виза тартибини соддалаштириш, маданий мерос.",
            "ru": "Туристические потоки, упрощение визового режима для путешественников, культурное наследие.",
            "en": "Tourist flows, easier visas for travellers, cultural heritage.",
        },
    ),
    "consular": (
        {
            "uz": "Konsullik masalalari",
            "uz_cyrl": "Консуллик масалалари",
            "ru": "Консульские вопросы",
            "en": "Consular affairs",
        },
        {
            "uz": "Xorijdagi fuqarolarga koʻmak, vizalar, mehnat migratsiyasi.",
            "uz_cyrl": "Хориждаги фуқароларга кўмак, визалар, меҳнат миграцияси.",
            "ru": "Помощь гражданам за рубежом, визы, трудовая миграция.",
            "en": "Assistance to citizens abroad, visas, labour migration.",
        },
    ),
}

# How a topic reads inside a sentence: "Tomonlar {…} masalalarini muhokama qildilar",
# "Стороны обсудили вопросы {… in the genitive}", "The sides discussed {…}".
TOPIC_PHRASES = {
    "political-cooperation": ("siyosiy muloqot", "сиёсий мулоқот", "политического диалога", "political dialogue"),
    "trade-economy": ("savdo-iqtisodiy hamkorlik", "савдо-иқтисодий ҳамкорлик", "торгово-экономического сотрудничества", "trade and economic cooperation"),
    "investment": ("investitsiyalar", "инвестициялар", "инвестиций", "investment"),
    "transport": ("transport yoʻlaklarini rivojlantirish", "транспорт йўлакларини ривожлантириш", "развития транспортных коридоров", "the development of transport corridors"),
    "water": ("suv resurslaridan oqilona foydalanish", "сув ресурсларидан оқилона фойдаланиш", "рационального использования водных ресурсов", "the rational use of water resources"),
    "culture": ("madaniy-gumanitar aloqalar", "маданий-гуманитар алоқалар", "культурно-гуманитарных связей", "cultural and humanitarian ties"),
    "security": ("mintaqaviy xavfsizlik", "минтақавий хавфсизлик", "региональной безопасности", "regional security"),
    "health": ("sogʻliqni saqlash", "соғлиқни сақлаш", "здравоохранения", "health care"),
    "education": ("taʼlim", "таълим", "образования", "education"),
    "tourism": ("turizmni rivojlantirish", "туризмни ривожлантириш", "развития туризма", "the development of tourism"),
    "consular": ("konsullik sohasidagi hamkorlik", "консуллик соҳасидаги ҳамкорлик", "консульского взаимодействия", "consular cooperation"),
}  # fmt: skip

# --- Countries, organisations, cities: forms used inside sentences -----------------------


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


COUNTRIES = {
    "KG": CountryForms("Qirgʻiziston", "Қирғизистон", "Кыргызстан", "Кыргызстана", "Кыргызстаном", "Кыргызстан", "в Кыргызстане", "Kyrgyzstan"),
    "KZ": CountryForms("Qozogʻiston", "Қозоғистон", "Казахстан", "Казахстана", "Казахстаном", "Казахстан", "в Казахстане", "Kazakhstan"),
    "TJ": CountryForms("Tojikiston", "Тожикистон", "Таджикистан", "Таджикистана", "Таджикистаном", "Таджикистан", "в Таджикистане", "Tajikistan"),
    "TM": CountryForms("Turkmaniston", "Туркманистон", "Туркменистан", "Туркменистана", "Туркменистаном", "Туркменистан", "в Туркменистане", "Turkmenistan"),
    "RU": CountryForms("Rossiya", "Россия", "Россия", "России", "Россией", "Россию", "в России", "Russia"),
    "CN": CountryForms("Xitoy", "Хитой", "Китай", "Китая", "Китаем", "Китай", "в Китае", "China"),
    "US": CountryForms("Amerika Qoʻshma Shtatlari", "Америка Қўшма Штатлари", "США", "США", "США", "США", "в США", "the United States"),
    "DE": CountryForms("Germaniya", "Германия", "Германия", "Германии", "Германией", "Германию", "в Германии", "Germany"),
    "JP": CountryForms("Yaponiya", "Япония", "Япония", "Японии", "Японией", "Японию", "в Японии", "Japan"),
    "KR": CountryForms("Koreya Respublikasi", "Корея Республикаси", "Республика Корея", "Республики Корея", "Республикой Корея", "Республику Корея", "в Республике Корея", "the Republic of Korea"),
    "TR": CountryForms("Turkiya", "Туркия", "Турция", "Турции", "Турцией", "Турцию", "в Турции", "Türkiye"),
}  # fmt: skip


class OrgForms(NamedTuple):
    uz: str
    uz_cyrl: str
    ru_gen: str
    en: str  # with its article


ORGS = {
    "SCO": OrgForms("Shanxay hamkorlik tashkiloti", "Шанхай ҳамкорлик ташкилоти", "Шанхайской организации сотрудничества", "the Shanghai Cooperation Organisation"),
    "CIS": OrgForms("Mustaqil Davlatlar Hamdoʻstligi", "Мустақил Давлатлар Ҳамдўстлиги", "Содружества Независимых Государств", "the Commonwealth of Independent States"),
    "OTS": OrgForms("Turkiy davlatlar tashkiloti", "Туркий давлатлар ташкилоти", "Организации тюркских государств", "the Organization of Turkic States"),
    "UN": OrgForms("Birlashgan Millatlar Tashkiloti", "Бирлашган Миллатлар Ташкилоти", "Организации Объединённых Наций", "the United Nations"),
}  # fmt: skip


class CityForms(NamedTuple):
    uz: str
    uz_cyrl: str
    ru: str
    ru_prep: str  # "в Берлине"
    ru_acc: str  # "Анкару"
    en: str


CITIES = {
    "tashkent": CityForms("Toshkent", "Тошкент", "Ташкент", "в Ташкенте", "Ташкент", "Tashkent"),
    "samarkand": CityForms("Samarqand", "Самарқанд", "Самарканд", "в Самарканде", "Самарканд", "Samarkand"),
    "bukhara": CityForms("Buxoro", "Бухоро", "Бухара", "в Бухаре", "Бухару", "Bukhara"),
    "khiva": CityForms("Xiva", "Хива", "Хива", "в Хиве", "Хиву", "Khiva"),
    "bishkek": CityForms("Bishkek", "Бишкек", "Бишкек", "в Бишкеке", "Бишкек", "Bishkek"),
    "astana": CityForms("Astana", "Астана", "Астана", "в Астане", "Астану", "Astana"),
    "dushanbe": CityForms("Dushanbe", "Душанбе", "Душанбе", "в Душанбе", "Душанбе", "Dushanbe"),
    "moscow": CityForms("Moskva", "Москва", "Москва", "в Москве", "Москву", "Moscow"),
    "beijing": CityForms("Pekin", "Пекин", "Пекин", "в Пекине", "Пекин", "Beijing"),
    "seoul": CityForms("Seul", "Сеул", "Сеул", "в Сеуле", "Сеул", "Seoul"),
    "ankara": CityForms("Anqara", "Анқара", "Анкара", "в Анкаре", "Анкару", "Ankara"),
    "istanbul": CityForms("Istanbul", "Истанбул", "Стамбул", "в Стамбуле", "Стамбул", "Istanbul"),
    "washington": CityForms("Vashington", "Вашингтон", "Вашингтон", "в Вашингтоне", "Вашингтон", "Washington"),
    "new-york": CityForms("Nyu-York", "Нью-Йорк", "Нью-Йорк", "в Нью-Йорке", "Нью-Йорк", "New York"),
}  # fmt: skip

# --- People, posts, appointments -----------------------------------------------------------


class PersonData(NamedTuple):
    female: bool
    uz: str
    uz_cyrl: str
    ru: str
    ru_gen: str
    ru_ins: str
    en: str
    real: bool = False


PEOPLE = {
    # Real: named in the sample release only.
    "abdulaziz-kamilov": PersonData(False, "Abdulaziz Kamilov", "Абдулазиз Камилов", "Абдулазиз Камилов", "Абдулазиза Камилова", "Абдулазизом Камиловым", "Abdulaziz Kamilov", real=True),
    "ruslan-kazakbaev": PersonData(False, "Ruslan Kazakbayev", "Руслан Қазақбаев", "Руслан Казакбаев", "Руслана Казакбаева", "Русланом Казакбаевым", "Ruslan Kazakbaev", real=True),
    # Fictitious. Uzbek surnames made from namuna (sample), misol (example), sinov (test),
    # tajriba (trial) and andoza (template); the foreign ones are each language's own
    # placeholder names (Mustermann, Yamada Taro, Hong Gil-dong, Jane Doe, Li Si…).
    "sardor-namunaev": PersonData(False, "Sardor Namunaev", "Сардор Намунаев", "Сардор Намунаев", "Сардора Намунаева", "Сардором Намунаевым", "Sardor Namunaev"),
    "dilnoza-misolova": PersonData(True, "Dilnoza Misolova", "Дилноза Мисолова", "Дилноза Мисолова", "Дилнозы Мисоловой", "Дилнозой Мисоловой", "Dilnoza Misolova"),
    "bekzod-sinovov": PersonData(False, "Bekzod Sinovov", "Бекзод Синовов", "Бекзод Синовов", "Бекзода Синовова", "Бекзодом Синововым", "Bekzod Sinovov"),
    "jasur-tajribaev": PersonData(False, "Jasur Tajribaev", "Жасур Тажрибаев", "Жасур Тажрибаев", "Жасура Тажрибаева", "Жасуром Тажрибаевым", "Jasur Tajribaev"),
    "malika-andozova": PersonData(True, "Malika Andozova", "Малика Андозова", "Малика Андозова", "Малики Андозовой", "Маликой Андозовой", "Malika Andozova"),
    "azamat-ulguev": PersonData(False, "Azamat Ulguev", "Азамат Улгуев", "Азамат Улгуев", "Азамата Улгуева", "Азаматом Улгуевым", "Azamat Ulguev"),
    "ivan-primerov": PersonData(False, "Ivan Primerov", "Иван Примеров", "Иван Примеров", "Ивана Примерова", "Иваном Примеровым", "Ivan Primerov"),
    "erika-mustermann": PersonData(True, "Erika Mustermann", "Эрика Мустерманн", "Эрика Мустерманн", "Эрики Мустерманн", "Эрикой Мустерманн", "Erika Mustermann"),
    "max-mustermann": PersonData(False, "Maks Mustermann", "Макс Мустерманн", "Макс Мустерманн", "Макса Мустерманна", "Максом Мустерманном", "Max Mustermann"),
    "taro-yamada": PersonData(False, "Taro Yamada", "Таро Ямада", "Таро Ямада", "Таро Ямады", "Таро Ямадой", "Taro Yamada"),
    "hong-gil-dong": PersonData(False, "Hong Gil Dong", "Ҳонг Гил Донг", "Хон Гиль Дон", "Хон Гиль Дона", "Хон Гиль Доном", "Hong Gil-dong"),
    "jane-doe": PersonData(True, "Jeyn Dou", "Жейн Доу", "Джейн Доу", "Джейн Доу", "Джейн Доу", "Jane Doe"),
    "ahmet-ornekoglu": PersonData(False, "Ahmet Oʻrnekoʻgʻlu", "Аҳмет Ўрнекўғлу", "Ахмет Орнекоглу", "Ахмета Орнекоглу", "Ахметом Орнекоглу", "Ahmet Örnekoğlu"),
    "li-si": PersonData(False, "Li Si", "Ли Си", "Ли Сы", "Ли Сы", "Ли Сы", "Li Si"),
}  # fmt: skip

DEMO_BIOGRAPHY = {
    "uz": "Ushbu saytning namunaviy (demo) kontenti uchun yaratilgan toʻqima mansabdor shaxs. Haqiqiy shaxslar bilan har qanday oʻxshashlik tasodifiy.",
    "uz_cyrl": "Ушбу сайтнинг намунавий (демо) контенти учун яратилган тўқима мансабдор шахс. Ҳақиқий шахслар билан ҳар қандай ўхшашлик тасодифий.",
    "ru": "Вымышленное должностное лицо, созданное для демонстрационного наполнения этого сайта. Любое сходство с реальными людьми случайно.",
    "en": "A fictitious official created for this site’s demo content. Any resemblance to real persons is coincidental.",
}


class PostData(NamedTuple):
    country: str
    seniority: int
    title: dict  # {suffix: the post as Post.title holds it, without the country}
    ref: dict  # the post in a sentence, before the name: uz, uz_cyrl, ru, ru_gen, ru_ins, en
    short: dict  # a short form for titles: uz, uz_cyrl, ru_ins, en


MINISTER = {
    "uz": "Tashqi ishlar vaziri",
    "uz_cyrl": "Ташқи ишлар вазири",
    "ru": "Министр иностранных дел",
    "en": "Minister of Foreign Affairs",
}
DEPUTY = {
    "uz": "Tashqi ishlar vazirining oʻrinbosari",
    "uz_cyrl": "Ташқи ишлар вазирининг ўринбосари",
    "ru": "Заместитель министра иностранных дел",
    "en": "Deputy Minister of Foreign Affairs",
}
VICE = {**DEPUTY, "en": "Vice Minister of Foreign Affairs"}
AMBASSADOR = {
    "uz": "Favqulodda va muxtor elchi",
    "uz_cyrl": "Фавқулодда ва мухтор элчи",
    "ru": "Чрезвычайный и полномочный посол",
    "en": "Ambassador Extraordinary and Plenipotentiary",
}


def _deputy_ref(uz, uz_cyrl, ru_gen, en, title="Deputy Minister"):
    """A foreign deputy minister: "… Tashqi ishlar vazirining oʻrinbosari", "заместитель министра … {ru_gen}"."""
    return {
        "uz": f"{uz} Tashqi ishlar vazirining oʻrinbosari",
        "uz_cyrl": f"{uz_cyrl} Ташқи ишлар вазирининг ўринбосари",
        "ru": f"заместитель министра иностранных дел {ru_gen}",
        "ru_gen": f"заместителя министра иностранных дел {ru_gen}",
        "ru_ins": f"заместителем министра иностранных дел {ru_gen}",
        "en": f"{title} of Foreign Affairs of {en}",
    }


def _deputy_short(uz, uz_cyrl, ru_gen, en, title="Deputy Minister"):
    return {
        "uz": f"{uz} tashqi ishlar vazirining oʻrinbosari",
        "uz_cyrl": f"{uz_cyrl} ташқи ишлар вазирининг ўринбосари",
        "ru_ins": f"заместителем министра иностранных дел {ru_gen}",
        "en": f"{title} of Foreign Affairs of {en}",
    }


POSTS = {
    "uz-minister": PostData("UZ", 1, MINISTER, {}, {}),
    "kg-minister": PostData("KG", 1, MINISTER, {}, {}),
    "uz-first-deputy": PostData(
        "UZ",
        2,
        {"uz": "Tashqi ishlar vazirining birinchi oʻrinbosari", "uz_cyrl": "Ташқи ишлар вазирининг биринчи ўринбосари", "ru": "Первый заместитель министра иностранных дел", "en": "First Deputy Minister of Foreign Affairs"},
        {
            "uz": "Oʻzbekiston Respublikasi Tashqi ishlar vazirining birinchi oʻrinbosari",
            "uz_cyrl": "Ўзбекистон Республикаси Ташқи ишлар вазирининг биринчи ўринбосари",
            "ru": "первый заместитель министра иностранных дел Республики Узбекистан",
            "ru_gen": "первого заместителя министра иностранных дел Республики Узбекистан",
            "ru_ins": "первым заместителем министра иностранных дел Республики Узбекистан",
            "en": "First Deputy Minister of Foreign Affairs of the Republic of Uzbekistan",
        },
        {},
    ),
    "uz-deputy": PostData(
        "UZ",
        3,
        DEPUTY,
        {
            "uz": "Oʻzbekiston Respublikasi Tashqi ishlar vazirining oʻrinbosari",
            "uz_cyrl": "Ўзбекистон Республикаси Ташқи ишлар вазирининг ўринбосари",
            "ru": "заместитель министра иностранных дел Республики Узбекистан",
            "ru_gen": "заместителя министра иностранных дел Республики Узбекистан",
            "ru_ins": "заместителем министра иностранных дел Республики Узбекистан",
            "en": "Deputy Minister of Foreign Affairs of the Republic of Uzbekistan",
        },
        {},
    ),
    "uz-press": PostData(
        "UZ",
        10,
        {"uz": "Tashqi ishlar vazirligi matbuot kotibi", "uz_cyrl": "Ташқи ишлар вазирлиги матбуот котиби", "ru": "Пресс-секретарь Министерства иностранных дел", "en": "Press Secretary of the Ministry of Foreign Affairs"},
        {
            "uz": "Oʻzbekiston Respublikasi Tashqi ishlar vazirligi matbuot kotibi",
            "uz_cyrl": "Ўзбекистон Республикаси Ташқи ишлар вазирлиги матбуот котиби",
            "ru": "пресс-секретарь Министерства иностранных дел Республики Узбекистан",
            "ru_gen": "пресс-секретаря Министерства иностранных дел Республики Узбекистан",
            "ru_ins": "пресс-секретарём Министерства иностранных дел Республики Узбекистан",
            "en": "Press Secretary of the Ministry of Foreign Affairs of the Republic of Uzbekistan",
        },
        {},
    ),
    "kg-deputy": PostData(
        "KG",
        3,
        DEPUTY,
        _deputy_ref("Qirgʻiz Respublikasi", "Қирғиз Республикаси", "Кыргызской Республики", "the Kyrgyz Republic"),
        _deputy_short("Qirgʻiziston", "Қирғизистон", "Кыргызстана", "Kyrgyzstan"),
    ),
    "ru-deputy": PostData(
        "RU",
        3,
        DEPUTY,
        _deputy_ref("Rossiya Federatsiyasi", "Россия Федерацияси", "Российской Федерации", "the Russian Federation"),
        _deputy_short("Rossiya", "Россия", "России", "Russia"),
    ),
    "tr-deputy": PostData(
        "TR",
        3,
        DEPUTY,
        _deputy_ref("Turkiya Respublikasi", "Туркия Республикаси", "Турецкой Республики", "the Republic of Türkiye"),
        _deputy_short("Turkiya", "Туркия", "Турции", "Türkiye"),
    ),
    "kr-vice": PostData(
        "KR",
        3,
        VICE,
        _deputy_ref("Koreya Respublikasi", "Корея Республикаси", "Республики Корея", "the Republic of Korea", "Vice Minister"),
        _deputy_short("Koreya Respublikasi", "Корея Республикаси", "Республики Корея", "the Republic of Korea", "Vice Minister"),
    ),
    "cn-vice": PostData(
        "CN",
        3,
        VICE,
        _deputy_ref("Xitoy Xalq Respublikasi", "Хитой Халқ Республикаси", "Китайской Народной Республики", "the People’s Republic of China", "Vice Minister"),
        _deputy_short("Xitoy", "Хитой", "Китая", "China", "Vice Minister"),
    ),
    "us-das": PostData(
        "US",
        30,
        {"uz": "Davlat kotibi yordamchisining oʻrinbosari", "uz_cyrl": "Давлат котиби ёрдамчисининг ўринбосари", "ru": "Заместитель помощника государственного секретаря", "en": "Deputy Assistant Secretary of State"},
        {
            "uz": "Amerika Qoʻshma Shtatlari Davlat kotibi yordamchisining oʻrinbosari",
            "uz_cyrl": "Америка Қўшма Штатлари Давлат котиби ёрдамчисининг ўринбосари",
            "ru": "заместитель помощника государственного секретаря США",
            "ru_gen": "заместителя помощника государственного секретаря США",
            "ru_ins": "заместителем помощника государственного секретаря США",
            "en": "US Deputy Assistant Secretary of State",
        },
        {"uz": "AQSH Davlat kotibi yordamchisining oʻrinbosari", "uz_cyrl": "АҚШ Давлат котиби ёрдамчисининг ўринбосари", "ru_ins": "заместителем помощника государственного секретаря США", "en": "US Deputy Assistant Secretary of State"},
    ),
    "de-ambassador": PostData(
        "DE",
        20,
        AMBASSADOR,
        {
            "uz": "Germaniya Federativ Respublikasining Oʻzbekistondagi elchisi",
            "uz_cyrl": "Германия Федератив Республикасининг Ўзбекистондаги элчиси",
            "ru": "посол Федеративной Республики Германия в Республике Узбекистан",
            "ru_gen": "посла Федеративной Республики Германия в Республике Узбекистан",
            "ru_ins": "послом Федеративной Республики Германия в Республике Узбекистан",
            "en": "Ambassador of the Federal Republic of Germany to the Republic of Uzbekistan",
        },
        {"uz": "Germaniya elchisi", "uz_cyrl": "Германия элчиси", "ru_ins": "послом Германии", "en": "Ambassador of Germany"},
    ),
    "jp-ambassador": PostData(
        "JP",
        20,
        AMBASSADOR,
        {
            "uz": "Yaponiyaning Oʻzbekistondagi elchisi",
            "uz_cyrl": "Япониянинг Ўзбекистондаги элчиси",
            "ru": "посол Японии в Республике Узбекистан",
            "ru_gen": "посла Японии в Республике Узбекистан",
            "ru_ins": "послом Японии в Республике Узбекистан",
            "en": "Ambassador of Japan to the Republic of Uzbekistan",
        },
        {"uz": "Yaponiya elchisi", "uz_cyrl": "Япония элчиси", "ru_ins": "послом Японии", "en": "Ambassador of Japan"},
    ),
}  # fmt: skip

D = datetime.date

# (person, post, started_on, ended_on): half-open, ended_on is the successor's first day.
APPOINTMENTS = [
    # Real officials, for the sample release only. The dates are for the demo and should be
    # checked by the press office. Kamilov: minister from 12 January 2012; relieved when
    # Vladimir Norov was made acting minister, announced 27 April 2022 (RFE/RL, Qalampir).
    # Kazakbayev: from 14 October 2020 (Interfax; RFE/RL says the 15th) until the decree
    # of 22 April 2022 relieving him (Interfax, Kun.uz).
    ("abdulaziz-kamilov", "uz-minister", D(2012, 1, 12), D(2022, 4, 27)),
    ("ruslan-kazakbaev", "kg-minister", D(2020, 10, 14), D(2022, 4, 22)),
    # Demo officials. Three posts change holder within the demo period.
    ("sardor-namunaev", "uz-first-deputy", D(2023, 2, 1), D(2025, 6, 2)),
    ("dilnoza-misolova", "uz-first-deputy", D(2025, 6, 2), None),
    ("jasur-tajribaev", "uz-press", D(2023, 1, 10), D(2025, 3, 17)),
    ("malika-andozova", "uz-press", D(2025, 3, 17), None),
    ("erika-mustermann", "de-ambassador", D(2022, 9, 15), D(2025, 9, 1)),
    ("max-mustermann", "de-ambassador", D(2025, 9, 1), None),
    ("bekzod-sinovov", "uz-deputy", D(2022, 9, 1), None),
    ("azamat-ulguev", "kg-deputy", D(2023, 5, 15), None),
    ("ivan-primerov", "ru-deputy", D(2022, 11, 1), None),
    ("taro-yamada", "jp-ambassador", D(2023, 10, 2), None),
    ("hong-gil-dong", "kr-vice", D(2024, 1, 8), None),
    ("jane-doe", "us-das", D(2023, 7, 10), None),
    ("ahmet-ornekoglu", "tr-deputy", D(2023, 8, 21), None),
    ("li-si", "cn-vice", D(2022, 12, 5), None),
]

# --- The sample release -----------------------------------------------------------------

SAMPLE_SLUG = "uzbekistan-kyrgyzstan-foreign-ministers-meeting-2020-11-05"

# Paragraphs: the first is the lead, the rest the body. The Uzbek Latin is the sample's text
# as published (ASCII apostrophes); its trailing "Manba" (Source) lost its link and is left out.
SAMPLE = {
    "uz": {
        "title": "O'zbekiston Respublikasi va Qirg'iz Respublikasi tashqi ishlar vazirlarining uchrashuvi to'g'risida",
        "place": "Toshkent",
        "paragraphs": [
            "2020-yilning 5-noyabr kuni O'zbekiston Respublikasi Tashqi ishlar vaziri Abdulaziz Kamilov va Toshkent shahriga amaliy tashrif bilan kelgan Qirg'iz Respublikasi Tashqi ishlar vaziri Ruslan Kazakbayev o'rtasida uchrashuv bo'lib o'tdi.",
            "Muzokaralar chog'ida siyosiy, savdo-iqtisodiy, investitsiya, transport-kommunikatsiya, suv xo'jaligi va madaniy-gumanitar sohalarda O'zbekiston-Qirg'iziston hamkorligining hozirgi holati va uni yanada rivojlantirish istiqbollari muhokama qilindi.",
            "Vazirlar ko'p tomonlama tuzilmalar doirasidagi o'zaro aloqalar, shuningdek, mintaqaviy va xalqaro kun tartibini muhokama qildilar. Markaziy Osiyo mamlakatlari o'rtasidagi hamkorlikning ijobiy sur'atini saqlab qolishdan ikki tomon ham birdek manfaatdor ekanligi ma'lum qilindi.",
            "Tomonlar, shuningdek, koronavirus tarqalishiga qarshi kurashish va pandemiyaning O'zbekiston va Qirg'iziston o'rtasidagi munosabatlarga ta'sirini minimallashtirish bo'yicha birgalikdagi sa'y-harakatlar to'g'risida fikr almashdilar.",
            "TIV rahbarlari ikki tomonlama tadbirlarni davom ettirish, shu jumladan, O'zbekiston-Qirg'iziston Hukumatlararo komissiyasining va ikki mamlakat chegaraoldi viloyatlari hokimlari (vakolatli vakillari) Kengashining navbatdagi yig'ilishini o'tkazish muhimligini ta'kidladilar.",
            "Oliy va yuqori darajadagi muqaddam erishilgan kelishuvlarga sodiqlik tasdiqlandi. O'zbekiston Respublikasi va Qirg'iz Respublikasi o'rtasidagi strategik sheriklik va ko'p qirrali hamkorlikni mustahkamlash muhimligi qayd etildi.",
            "Uchrashuv yakunlari bo'yicha Qo'shma bayonot qabul qilindi.",
        ],
    },
    "uz_cyrl": {
        "title": "Ўзбекистон Республикаси ва Қирғиз Республикаси ташқи ишлар вазирларининг учрашуви тўғрисида",
        "place": "Тошкент",
        "paragraphs": [
            "2020-йилнинг 5-ноябрь куни Ўзбекистон Республикаси Ташқи ишлар вазири Абдулазиз Камилов ва Тошкент шаҳрига амалий ташриф билан келган Қирғиз Республикаси Ташқи ишлар вазири Руслан Қазақбаев ўртасида учрашув бўлиб ўтди.",
            "Музокаралар чоғида сиёсий, савдо-иқтисодий, инвестиция, транспорт-коммуникация, сув хўжалиги ва маданий-гуманитар соҳаларда Ўзбекистон-Қирғизистон ҳамкорлигининг ҳозирги ҳолати ва уни янада ривожлантириш истиқболлари муҳокама қилинди.",
            "Вазирлар кўп томонлама тузилмалар доирасидаги ўзаро алоқалар, шунингдек, минтақавий ва халқаро кун тартибини муҳокама қилдилар. Марказий Осиё мамлакатлари ўртасидаги ҳамкорликнинг ижобий суръатини сақлаб қолишдан икки томон ҳам бирдек манфаатдор эканлиги маълум қилинди.",
            "Томонлар, шунингдек, коронавирус тарқалишига қарши курашиш ва пандемиянинг Ўзбекистон ва Қирғизистон ўртасидаги муносабатларга таъсирини минималлаштириш бўйича биргаликдаги саъй-ҳаракатлар тўғрисида фикр алмашдилар.",
            "ТИВ раҳбарлари икки томонлама тадбирларни давом эттириш, шу жумладан, Ўзбекистон-Қирғизистон Ҳукуматлараро комиссиясининг ва икки мамлакат чегараолди вилоятлари ҳокимлари (ваколатли вакиллари) Кенгашининг навбатдаги йиғилишини ўтказиш муҳимлигини таъкидладилар.",
            "Олий ва юқори даражадаги муқаддам эришилган келишувларга содиқлик тасдиқланди. Ўзбекистон Республикаси ва Қирғиз Республикаси ўртасидаги стратегик шериклик ва кўп қиррали ҳамкорликни мустаҳкамлаш муҳимлиги қайд этилди.",
            "Учрашув якунлари бўйича Қўшма баёнот қабул қилинди.",
        ],
    },
    "ru": {
        "title": "О встрече министров иностранных дел Республики Узбекистан и Кыргызской Республики",
        "place": "Ташкент",
        "paragraphs": [
            "5 ноября 2020 года состоялась встреча Министра иностранных дел Республики Узбекистан Абдулазиза Камилова и Министра иностранных дел Кыргызской Республики Руслана Казакбаева, прибывшего в Ташкент с рабочим визитом.",
            "В ходе переговоров обсуждены текущее состояние и перспективы дальнейшего развития узбекско-кыргызского сотрудничества в политической, торгово-экономической, инвестиционной, транспортно-коммуникационной, водохозяйственной и культурно-гуманитарной сферах.",
            "Министры обсудили взаимодействие в рамках многосторонних структур, а также региональную и международную повестку дня. Отмечено, что обе стороны в равной мере заинтересованы в сохранении позитивной динамики сотрудничества между странами Центральной Азии.",
            "Стороны также обменялись мнениями о совместных усилиях по борьбе с распространением коронавируса и минимизации влияния пандемии на отношения между Узбекистаном и Кыргызстаном.",
            "Руководители внешнеполитических ведомств подчеркнули важность продолжения двусторонних мероприятий, в том числе проведения очередных заседаний Узбекско-кыргызской межправительственной комиссии и Совета губернаторов (полномочных представителей) приграничных областей двух стран.",
            "Подтверждена приверженность договорённостям, достигнутым ранее на высшем и высоком уровнях. Отмечена важность укрепления стратегического партнёрства и многопланового сотрудничества между Республикой Узбекистан и Кыргызской Республикой.",
            "По итогам встречи принято Совместное заявление.",
        ],
    },
    "en": {
        "title": "On the meeting of the Ministers of Foreign Affairs of the Republic of Uzbekistan and the Kyrgyz Republic",
        "place": "Tashkent",
        "paragraphs": [
            "On 5 November 2020, a meeting took place between the Minister of Foreign Affairs of the Republic of Uzbekistan, Abdulaziz Kamilov, and the Minister of Foreign Affairs of the Kyrgyz Republic, Ruslan Kazakbaev, who arrived in Tashkent on a working visit.",
            "The talks covered the current state of Uzbek-Kyrgyz cooperation in the political, trade and economic, investment, transport and communications, water management, and cultural and humanitarian spheres, and the prospects for its further development.",
            "The ministers discussed interaction within multilateral structures, as well as the regional and international agenda. It was noted that both sides are equally interested in maintaining the positive momentum of cooperation among the countries of Central Asia.",
            "The parties also exchanged views on joint efforts to combat the spread of the coronavirus and to minimise the impact of the pandemic on relations between Uzbekistan and Kyrgyzstan.",
            "The heads of the foreign ministries stressed the importance of continuing bilateral events, including the next meetings of the Uzbek-Kyrgyz Intergovernmental Commission and of the Council of Governors (Plenipotentiary Representatives) of the border regions of the two countries.",
            "Commitment to the agreements reached earlier at the highest and high levels was confirmed. The importance of strengthening the strategic partnership and multifaceted cooperation between the Republic of Uzbekistan and the Kyrgyz Republic was noted.",
            "Following the meeting, a Joint Statement was adopted.",
        ],
    },
}

SAMPLE_EVENT = {
    "date": D(2020, 11, 5),
    "published": (17, 40),
    "countries": ["UZ", "KG"],
    "topics": [
        "political-cooperation",
        "trade-economy",
        "investment",
        "transport",
        "water",
        "culture",
        "health",
    ],
    "participants": [("abdulaziz-kamilov", "uz-minister"), ("ruslan-kazakbaev", "kg-minister")],
}

JOINT_STATEMENT_TITLE = {
    "uz": "Qoʻshma bayonot",
    "uz_cyrl": "Қўшма баёнот",
    "ru": "Совместное заявление",
    "en": "Joint statement",
}

# What the placeholder PDF says (drawn with Pillow's built-in font: ASCII only).
JOINT_STATEMENT_LINES = [
    "Qo'shma bayonot / Joint Statement",
    "",
    "Meeting of the Ministers of Foreign Affairs",
    "of the Republic of Uzbekistan and the Kyrgyz Republic",
    "Tashkent, 5 November 2020",
    "",
    "DEMO PLACEHOLDER",
    "This file stands in for the document adopted at the meeting",
    "in the demo content of the press-office site.",
    "It is not the text of the joint statement.",
]

# --- Templates ----------------------------------------------------------------------------
#
# Keys filled in by context(): date; A (the Uzbek official), B (the counterpart) with
# A_gen/A_ins/B_ins (Russian cases), A_name, A_name_gen, B_name, B_name_ins, B_short,
# B_short_ins, A_a (Russian past-tense ending: "" or "а"); country and its forms (country_gen,
# country_ins, country_acc, country_prep; Uzbek country_dat, country_loc, country_in);
# countries (Russian instrumental); org, org_gen; city, city_loc, city_dat, city_prep,
# city_acc; topics, t1. Any key with "_C" is the same text capitalised.
# In English, A and B end with the name in apposition ("the Ambassador of …, Erika
# Mustermann"): a sentence that goes on after them needs its comma.

TEMPLATES = {
    "meeting-ambassador": {
        "kind": "meeting",
        "uz": {
            "title": "{B_short} {B_name} bilan uchrashuv",
            "lead": "{date} kuni Tashqi ishlar vazirligida {A} va {B} oʻrtasida uchrashuv boʻlib oʻtdi.",
            "body": [
                "Tomonlar {topics} masalalarini, shuningdek, yaqin orada oʻtkaziladigan ikki tomonlama tadbirlar jadvalini muhokama qildilar.",
                "Oʻzbekiston va {country} oʻrtasidagi hamkorlikning ijobiy surʼati qayd etildi. Tomonlar muntazam aloqalarni davom ettirishga kelishib oldilar.",
            ],
        },
        "uz_cyrl": {
            "title": "{B_short} {B_name} билан учрашув",
            "lead": "{date} куни Ташқи ишлар вазирлигида {A} ва {B} ўртасида учрашув бўлиб ўтди.",
            "body": [
                "Томонлар {topics} масалаларини, шунингдек, яқин орада ўтказиладиган икки томонлама тадбирлар жадвалини муҳокама қилдилар.",
                "Ўзбекистон ва {country} ўртасидаги ҳамкорликнинг ижобий суръати қайд этилди. Томонлар мунтазам алоқаларни давом эттиришга келишиб олдилар.",
            ],
        },
        "ru": {
            "title": "Встреча с {B_short_ins} {B_name_ins}",
            "lead": "{date} в Министерстве иностранных дел Республики Узбекистан состоялась встреча {A_gen} с {B_ins}.",
            "body": [
                "Стороны обсудили вопросы {topics}, а также график предстоящих двусторонних мероприятий.",
                "Была отмечена положительная динамика сотрудничества между Узбекистаном и {country_ins}. Стороны договорились поддерживать регулярные контакты.",
            ],
        },
        "en": {
            "title": "Meeting with the {B_short}, {B_name}",
            "lead": "On {date}, {A}, met {B}, at the Ministry of Foreign Affairs.",
            "body": [
                "The sides discussed {topics}, as well as the schedule of upcoming bilateral events.",
                "They noted the positive momentum of cooperation between Uzbekistan and {country} and agreed to maintain regular contacts.",
            ],
        },
    },
    "meeting-farewell": {
        "kind": "meeting",
        "uz": {
            "title": "{B_short} {B_name} bilan xayrlashuv uchrashuvi",
            "lead": "{date} kuni Tashqi ishlar vazirligida {A} va diplomatik faoliyatini yakunlayotgan {B} oʻrtasida xayrlashuv uchrashuvi boʻlib oʻtdi.",
            "body": [
                "Oʻzbekiston tomoni elchining ikki mamlakat oʻrtasidagi hamkorlikni rivojlantirishga qoʻshgan shaxsiy hissasini yuqori baholadi.",
                "Shuningdek, {topics} masalalari boʻyicha qoʻshma loyihalarning borishi muhokama qilindi.",
            ],
        },
        "uz_cyrl": {
            "title": "{B_short} {B_name} билан хайрлашув учрашуви",
            "lead": "{date} куни Ташқи ишлар вазирлигида {A} ва дипломатик фаолиятини якунлаётган {B} ўртасида хайрлашув учрашуви бўлиб ўтди.",
            "body": [
                "Ўзбекистон томони элчининг икки мамлакат ўртасидаги ҳамкорликни ривожлантиришга қўшган шахсий ҳиссасини юқори баҳолади.",
                "Шунингдек, {topics} масалалари бўйича қўшма лойиҳаларнинг бориши муҳокама қилинди.",
            ],
        },
        "ru": {
            "title": "Прощальная встреча с {B_short_ins} {B_name_ins}",
            "lead": "{date} в Министерстве иностранных дел Республики Узбекистан состоялась прощальная встреча {A_gen} с {B_ins} в связи с завершением дипломатической миссии в Узбекистане.",
            "body": [
                "Узбекская сторона высоко оценила личный вклад посла в развитие сотрудничества между двумя странами.",
                "Также обсуждался ход реализации совместных проектов по вопросам {topics}.",
            ],
        },
        "en": {
            "title": "Farewell meeting with the {B_short}, {B_name}",
            "lead": "On {date}, {A}, held a farewell meeting with {B}, on the occasion of the completion of the Ambassador’s mission in Uzbekistan.",
            "body": [
                "The Uzbek side highly appreciated the Ambassador’s personal contribution to the development of cooperation between the two countries.",
                "The sides also reviewed joint projects related to {topics}.",
            ],
        },
    },
    "meeting-talks": {
        "kind": "meeting",
        "uz": {
            "title": "Oʻzbekiston va {country} {t1} masalalarini muhokama qildi",
            "lead": "{date} kuni {city_loc} {A} va {B} oʻrtasida muzokaralar boʻlib oʻtdi.",
            "body": [
                "Tomonlar {topics} masalalarini, shuningdek, avval erishilgan kelishuvlarning ijrosini muhokama qildilar.",
                "Mintaqaviy va xalqaro kun tartibidagi dolzarb masalalar yuzasidan ham fikr almashildi.",
                "Tomonlar kelgusi yilda tashqi ishlar vazirliklari oʻrtasida siyosiy maslahatlashuvlarning navbatdagi raundini oʻtkazishga kelishib oldilar.",
            ],
        },
        "uz_cyrl": {
            "title": "Ўзбекистон ва {country} {t1} масалаларини муҳокама қилди",
            "lead": "{date} куни {city_loc} {A} ва {B} ўртасида музокаралар бўлиб ўтди.",
            "body": [
                "Томонлар {topics} масалаларини, шунингдек, аввал эришилган келишувларнинг ижросини муҳокама қилдилар.",
                "Минтақавий ва халқаро кун тартибидаги долзарб масалалар юзасидан ҳам фикр алмашилди.",
                "Томонлар келгуси йилда ташқи ишлар вазирликлари ўртасида сиёсий маслаҳатлашувларнинг навбатдаги раундини ўтказишга келишиб олдилар.",
            ],
        },
        "ru": {
            "title": "Узбекистан и {country} обсудили вопросы {t1}",
            "lead": "{date} {city_prep} состоялись переговоры {A_gen} с {B_ins}.",
            "body": [
                "Стороны обсудили вопросы {topics}, а также ход реализации ранее достигнутых договорённостей.",
                "Состоялся также обмен мнениями по актуальным вопросам региональной и международной повестки дня.",
                "Стороны договорились провести очередной раунд политических консультаций между министерствами иностранных дел в следующем году.",
            ],
        },
        "en": {
            "title": "Uzbekistan and {country} discuss {t1}",
            "lead": "On {date}, {A}, held talks in {city} with {B}.",
            "body": [
                "The sides discussed {topics}, as well as the implementation of agreements reached earlier.",
                "They also exchanged views on current issues of the regional and international agenda.",
                "The parties agreed to hold the next round of political consultations between the foreign ministries next year.",
            ],
        },
    },
    "visit": {
        "kind": "visit",
        "uz": {
            "title": "{country_dat} ishchi tashrif",
            "lead": "{date} kuni {A} boshchiligidagi Oʻzbekiston Respublikasi Tashqi ishlar vazirligi delegatsiyasi ishchi tashrif bilan {city_loc} boʻldi.",
            "body": [
                "Tashrif doirasida {B} bilan muzokaralar boʻlib oʻtdi. Tomonlar {topics} masalalarini muhokama qildilar.",
                "Tashrif dasturi doirasida ishbilarmon doiralar vakillari va vatandoshlarimiz bilan ham uchrashuvlar oʻtkazildi.",
            ],
        },
        "uz_cyrl": {
            "title": "{country_dat} ишчи ташриф",
            "lead": "{date} куни {A} бошчилигидаги Ўзбекистон Республикаси Ташқи ишлар вазирлиги делегацияси ишчи ташриф билан {city_loc} бўлди.",
            "body": [
                "Ташриф доирасида {B} билан музокаралар бўлиб ўтди. Томонлар {topics} масалаларини муҳокама қилдилар.",
                "Ташриф дастури доирасида ишбилармон доиралар вакиллари ва ватандошларимиз билан ҳам учрашувлар ўтказилди.",
            ],
        },
        "ru": {
            "title": "Рабочий визит в {country_acc}",
            "lead": "{date} делегация Министерства иностранных дел Республики Узбекистан во главе с {A_ins} находилась с рабочим визитом {city_prep}.",
            "body": [
                "В ходе визита состоялись переговоры с {B_ins}. Стороны обсудили вопросы {topics}.",
                "Программа визита также включала встречи с представителями деловых кругов и соотечественниками.",
            ],
        },
        "en": {
            "title": "Working visit to {country}",
            "lead": "On {date}, a delegation of the Ministry of Foreign Affairs of the Republic of Uzbekistan led by {A}, paid a working visit to {city}.",
            "body": [
                "During the visit, talks were held with {B}. The sides discussed {topics}.",
                "The programme of the visit also included meetings with representatives of business circles and with compatriots.",
            ],
        },
    },
    "phone-call": {
        "kind": "phone-call",
        "uz": {
            "title": "{B_short} bilan telefon orqali muloqot",
            "lead": "{date} kuni {A} va {B} oʻrtasida telefon orqali muloqot boʻlib oʻtdi.",
            "body": [
                "Suhbatdoshlar {topics} masalalarini muhokama qildilar.",
                "Tomonlar, shuningdek, navbatdagi ikki tomonlama tadbirlarga tayyorgarlik borasida fikr almashdilar.",
            ],
        },
        "uz_cyrl": {
            "title": "{B_short} билан телефон орқали мулоқот",
            "lead": "{date} куни {A} ва {B} ўртасида телефон орқали мулоқот бўлиб ўтди.",
            "body": [
                "Суҳбатдошлар {topics} масалаларини муҳокама қилдилар.",
                "Томонлар, шунингдек, навбатдаги икки томонлама тадбирларга тайёргарлик борасида фикр алмашдилар.",
            ],
        },
        "ru": {
            "title": "Телефонный разговор с {B_short_ins}",
            "lead": "{date} состоялся телефонный разговор {A_gen} с {B_ins}.",
            "body": [
                "Собеседники обсудили вопросы {topics}.",
                "Стороны также обменялись мнениями о подготовке предстоящих двусторонних мероприятий.",
            ],
        },
        "en": {
            "title": "Telephone conversation with the {B_short}",
            "lead": "On {date}, {A}, had a telephone conversation with {B}.",
            "body": [
                "The interlocutors discussed {topics}.",
                "They also exchanged views on preparations for upcoming bilateral events.",
            ],
        },
    },
    "statement-agreement": {
        "kind": "statement",
        "uz": {
            "title": "{country} bilan hukumatlararo bitimning kuchga kirishi toʻgʻrisida bayonot",
            "lead": "Oʻzbekiston Respublikasi Tashqi ishlar vazirligi Oʻzbekiston Respublikasi Hukumati va {country} Hukumati oʻrtasidagi bitimning {date} kuni kuchga kirganini olqishlaydi.",
            "body": [
                "Bitim {topics} uchun huquqiy asos yaratadi va ikki mamlakatning amaliy hamkorlikni kengaytirishdan oʻzaro manfaatdorligini aks ettiradi.",
                "Vazirlik hamkorlarga muzokaralar davomidagi konstruktiv yondashuvlari uchun minnatdorlik bildiradi.",
            ],
        },
        "uz_cyrl": {
            "title": "{country} билан ҳукуматлараро битимнинг кучга кириши тўғрисида баёнот",
            "lead": "Ўзбекистон Республикаси Ташқи ишлар вазирлиги Ўзбекистон Республикаси Ҳукумати ва {country} Ҳукумати ўртасидаги битимнинг {date} куни кучга кирганини олқишлайди.",
            "body": [
                "Битим {topics} учун ҳуқуқий асос яратади ва икки мамлакатнинг амалий ҳамкорликни кенгайтиришдан ўзаро манфаатдорлигини акс эттиради.",
                "Вазирлик ҳамкорларга музокаралар давомидаги конструктив ёндашувлари учун миннатдорлик билдиради.",
            ],
        },
        "ru": {
            "title": "Заявление МИД Республики Узбекистан о вступлении в силу межправительственного соглашения с {country_ins}",
            "lead": "Министерство иностранных дел Республики Узбекистан приветствует вступление в силу {date} соглашения между Правительством Республики Узбекистан и Правительством {country_gen}.",
            "body": [
                "Соглашение создаёт правовую основу для {topics} и отражает взаимную заинтересованность двух стран в расширении практического сотрудничества.",
                "Министерство выражает признательность партнёрам за конструктивный подход в ходе переговоров.",
            ],
        },
        "en": {
            "title": "Statement on the entry into force of the intergovernmental agreement with {country}",
            "lead": "The Ministry of Foreign Affairs of the Republic of Uzbekistan welcomes the entry into force, on {date}, of the agreement between the Government of the Republic of Uzbekistan and the Government of {country}.",
            "body": [
                "The agreement creates a legal basis for {topics} and reflects the mutual interest of the two countries in expanding practical cooperation.",
                "The Ministry expresses its gratitude to the partners for their constructive approach during the negotiations.",
            ],
        },
    },
    "statement-organisation": {
        "kind": "statement",
        "uz": {
            "title": "{org} vazirlar darajasidagi yigʻilishi yakunlari toʻgʻrisida bayonot",
            "lead": "Oʻzbekiston Respublikasi Tashqi ishlar vazirligi {date} kuni {city_loc} boʻlib oʻtgan {org} vazirlar darajasidagi yigʻilishi natijalarini olqishlaydi.",
            "body": [
                "Yigʻilishda qabul qilingan hujjatlar {topics} uchun yangi imkoniyatlar ochadi.",
                "Oʻzbekiston tashkilot faoliyatiga faol hissa qoʻshishda davom etadi.",
            ],
        },
        "uz_cyrl": {
            "title": "{org} вазирлар даражасидаги йиғилиши якунлари тўғрисида баёнот",
            "lead": "Ўзбекистон Республикаси Ташқи ишлар вазирлиги {date} куни {city_loc} бўлиб ўтган {org} вазирлар даражасидаги йиғилиши натижаларини олқишлайди.",
            "body": [
                "Йиғилишда қабул қилинган ҳужжатлар {topics} учун янги имкониятлар очади.",
                "Ўзбекистон ташкилот фаолиятига фаол ҳисса қўшишда давом этади.",
            ],
        },
        "ru": {
            "title": "Заявление МИД Республики Узбекистан по итогам министерского заседания {org_gen}",
            "lead": "Министерство иностранных дел Республики Узбекистан приветствует итоги министерского заседания {org_gen}, состоявшегося {date} {city_prep}.",
            "body": [
                "Принятые на заседании документы открывают новые возможности для {topics}.",
                "Узбекистан и впредь будет вносить активный вклад в деятельность организации.",
            ],
        },
        "en": {
            "title": "Statement on the results of the ministerial meeting of {org}",
            "lead": "The Ministry of Foreign Affairs of the Republic of Uzbekistan welcomes the results of the ministerial meeting of {org} held in {city} on {date}.",
            "body": [
                "The documents adopted at the meeting open up new opportunities for {topics}.",
                "Uzbekistan will continue to contribute actively to the work of the organisation.",
            ],
        },
    },
    "briefing": {
        "kind": "briefing",
        "uz": {
            "title": "Tashqi ishlar vazirligi matbuot kotibining {date} kungi brifingi",
            "lead": "{date} kuni {A} mahalliy va xorijiy ommaviy axborot vositalari vakillari uchun navbatdagi brifing oʻtkazdi.",
            "body": [
                "Jurnalistlarga oʻtgan haftadagi tashqi siyosiy kun tartibining asosiy voqealari, jumladan, {countries} bilan {topics} masalalari boʻyicha aloqalar haqida maʼlumot berildi.",
                "Brifing yakunida jurnalistlarning savollariga javob berildi.",
            ],
        },
        "uz_cyrl": {
            "title": "Ташқи ишлар вазирлиги матбуот котибининг {date} кунги брифинги",
            "lead": "{date} куни {A} маҳаллий ва хорижий оммавий ахборот воситалари вакиллари учун навбатдаги брифинг ўтказди.",
            "body": [
                "Журналистларга ўтган ҳафтадаги ташқи сиёсий кун тартибининг асосий воқеалари, жумладан, {countries} билан {topics} масалалари бўйича алоқалар ҳақида маълумот берилди.",
                "Брифинг якунида журналистларнинг саволларига жавоб берилди.",
            ],
        },
        "ru": {
            "title": "Брифинг пресс-секретаря МИД Республики Узбекистан {date}",
            "lead": "{date} состоялся очередной брифинг {A_gen} для представителей отечественных и зарубежных средств массовой информации.",
            "body": [
                "Журналистов проинформировали об основных событиях внешнеполитической повестки прошедшей недели, в том числе о контактах с {countries} по вопросам {topics}.",
                "В завершение брифинга пресс-секретарь ответил{A_a} на вопросы журналистов.",
            ],
        },
        "en": {
            "title": "Briefing by the Press Secretary of the Ministry of Foreign Affairs, {date}",
            "lead": "On {date}, {A}, held a regular briefing for representatives of national and foreign media.",
            "body": [
                "Journalists were informed about the main events on the foreign policy agenda of the past week, including contacts with {countries} on {topics}.",
                "The briefing concluded with answers to journalists’ questions.",
            ],
        },
    },
    "comment-consular": {
        "kind": "comment",
        "uz": {
            "title": "{country_in} fuqarolarga konsullik koʻmagi toʻgʻrisida izoh",
            "lead": "{A} {country_loc} boʻlgan Oʻzbekiston fuqarolariga konsullik koʻmagi koʻrsatish toʻgʻrisidagi OAV savollariga javob berdi.",
            "body": [
                "Matbuot kotibining soʻzlariga koʻra, Oʻzbekiston Respublikasining {country_in} elchixonasi va Vazirlikning konsullik xizmati odatdagi tartibda ishlamoqda, fuqarolar ishonch telefoni orqali kecha-kunduz yordam soʻrab murojaat qilishlari mumkin.",
                "Xorijga chiquvchi fuqarolarga konsullik hisobiga turish va mahalliy hokimiyat organlarining talablariga rioya qilish tavsiya etiladi.",
            ],
        },
        "uz_cyrl": {
            "title": "{country_in} фуқароларга консуллик кўмаги тўғрисида изоҳ",
            "lead": "{A} {country_loc} бўлган Ўзбекистон фуқароларига консуллик кўмаги кўрсатиш тўғрисидаги ОАВ саволларига жавоб берди.",
            "body": [
                "Матбуот котибининг сўзларига кўра, Ўзбекистон Республикасининг {country_in} элчихонаси ва Вазирликнинг консуллик хизмати одатдаги тартибда ишламоқда, фуқаролар ишонч телефони орқали кеча-кундуз ёрдам сўраб мурожаат қилишлари мумкин.",
                "Хорижга чиқувчи фуқароларга консуллик ҳисобига туриш ва маҳаллий ҳокимият органларининг талабларига риоя қилиш тавсия этилади.",
            ],
        },
        "ru": {
            "title": "Комментарий пресс-секретаря МИД о консульской помощи гражданам Узбекистана {country_prep}",
            "lead": "{A_C} ответил{A_a} на вопросы СМИ об оказании консульской помощи гражданам Узбекистана, находящимся {country_prep}.",
            "body": [
                "По словам пресс-секретаря, посольство Республики Узбекистан {country_prep} и консульская служба Министерства работают в обычном режиме, а граждане могут круглосуточно обратиться за помощью по телефону горячей линии.",
                "Гражданам, выезжающим за рубеж, рекомендуется встать на консульский учёт и соблюдать требования местных властей.",
            ],
        },
        "en": {
            "title": "Comment on consular assistance to Uzbek citizens in {country}",
            "lead": "{A_C}, answered media questions about consular assistance to citizens of Uzbekistan staying in {country}.",
            "body": [
                "According to the Press Secretary, the Embassy of the Republic of Uzbekistan in {country} and the consular service of the Ministry are working as usual, and citizens can seek assistance around the clock through the hotline.",
                "Citizens travelling abroad are advised to register with the consular office and to follow the requirements of the local authorities.",
            ],
        },
    },
    "comment-organisation": {
        "kind": "comment",
        "uz": {
            "title": "Oʻzbekistonning {org} tadbirlaridagi ishtiroki toʻgʻrisida izoh",
            "lead": "{A} jurnalistlarning Oʻzbekistonning yaqin oylarda rejalashtirilgan {org} tadbirlaridagi ishtiroki haqidagi savollariga javob berdi.",
            "body": [
                "Matbuot kotibi Oʻzbekiston tashkilotni {topics} masalalari boʻyicha muloqot uchun muhim maydon deb bilishini va Oʻzbekiston delegatsiyasi tegishli takliflarni ilgari surishini taʼkidladi.",
                "Tadbirlar dasturi va ularning natijalari haqida qoʻshimcha maʼlumot Vazirlik saytida eʼlon qilinadi.",
            ],
        },
        "uz_cyrl": {
            "title": "Ўзбекистоннинг {org} тадбирларидаги иштироки тўғрисида изоҳ",
            "lead": "{A} журналистларнинг Ўзбекистоннинг яқин ойларда режалаштирилган {org} тадбирларидаги иштироки ҳақидаги саволларига жавоб берди.",
            "body": [
                "Матбуот котиби Ўзбекистон ташкилотни {topics} масалалари бўйича мулоқот учун муҳим майдон деб билишини ва Ўзбекистон делегацияси тегишли таклифларни илгари суришини таъкидлади.",
                "Тадбирлар дастури ва уларнинг натижалари ҳақида қўшимча маълумот Вазирлик сайтида эълон қилинади.",
            ],
        },
        "ru": {
            "title": "Комментарий об участии Узбекистана в мероприятиях {org_gen}",
            "lead": "{A_C} ответил{A_a} на вопросы журналистов об участии Узбекистана в мероприятиях {org_gen}, запланированных на ближайшие месяцы.",
            "body": [
                "Пресс-секретарь отметил{A_a}, что Узбекистан рассматривает организацию как важную площадку для диалога по вопросам {topics} и что узбекская делегация внесёт соответствующие предложения.",
                "Дополнительная информация о программе мероприятий и их итогах будет опубликована на сайте Министерства.",
            ],
        },
        "en": {
            "title": "Comment on Uzbekistan’s participation in events of {org}",
            "lead": "{A_C}, answered journalists’ questions about Uzbekistan’s participation in events of {org} planned for the coming months.",
            "body": [
                "The Press Secretary noted that Uzbekistan regards the organisation as an important platform for dialogue on {topics}, and that the Uzbek delegation will put forward relevant proposals.",
                "Further information on the programme of events and their results will be published on the Ministry’s website.",
            ],
        },
    },
    "interview": {
        "kind": "interview",
        "uz": {
            "title": "{A_name}ning {country} ommaviy axborot vositalariga intervyusi",
            "lead": "{A} {country} ommaviy axborot vositalariga ikki tomonlama munosabatlarning hozirgi holati va istiqbollari haqida intervyu berdi.",
            "body": [
                "Intervyuda asosiy eʼtibor {topics} masalalariga qaratildi.",
                "Intervyuning toʻliq matni Vazirlik saytida eʼlon qilinadi.",
            ],
        },
        "uz_cyrl": {
            "title": "{A_name}нинг {country} оммавий ахборот воситаларига интервьюси",
            "lead": "{A} {country} оммавий ахборот воситаларига икки томонлама муносабатларнинг ҳозирги ҳолати ва истиқболлари ҳақида интервью берди.",
            "body": [
                "Интервьюда асосий эътибор {topics} масалаларига қаратилди.",
                "Интервьюнинг тўлиқ матни Вазирлик сайтида эълон қилинади.",
            ],
        },
        "ru": {
            "title": "Интервью {A_name_gen} СМИ {country_gen}",
            "lead": "{A_C} дал{A_a} интервью СМИ {country_gen} о состоянии и перспективах двусторонних отношений.",
            "body": [
                "Основное внимание в интервью было уделено вопросам {topics}.",
                "Полный текст интервью будет опубликован на сайте Министерства.",
            ],
        },
        "en": {
            "title": "{A_name} gives an interview to the media of {country}",
            "lead": "{A_C}, gave an interview to the media of {country} on the current state and prospects of bilateral relations.",
            "body": [
                "The interview focused on {topics}.",
                "The full text of the interview will be published on the Ministry’s website.",
            ],
        },
    },
    "news-organisation": {
        "kind": "news",
        "uz": {
            "title": "Oʻzbekiston delegatsiyasi {city_loc} {org} yigʻilishida ishtirok etdi",
            "lead": "{date} kuni {A} boshchiligidagi Oʻzbekiston delegatsiyasi {city_loc} boʻlib oʻtgan {org} yigʻilishida ishtirok etdi.",
            "body": [
                "Ishtirokchilar {topics} masalalarini muhokama qildilar va kelgusi yil uchun qoʻshma tadbirlar rejasini maʼqulladilar.",
                "Yigʻilish doirasida Oʻzbekiston delegatsiyasi rahbarining bir qator hamkasblari bilan ikki tomonlama uchrashuvlari boʻlib oʻtdi.",
            ],
        },
        "uz_cyrl": {
            "title": "Ўзбекистон делегацияси {city_loc} {org} йиғилишида иштирок этди",
            "lead": "{date} куни {A} бошчилигидаги Ўзбекистон делегацияси {city_loc} бўлиб ўтган {org} йиғилишида иштирок этди.",
            "body": [
                "Иштирокчилар {topics} масалаларини муҳокама қилдилар ва келгуси йил учун қўшма тадбирлар режасини маъқулладилар.",
                "Йиғилиш доирасида Ўзбекистон делегацияси раҳбарининг бир қатор ҳамкасблари билан икки томонлама учрашувлари бўлиб ўтди.",
            ],
        },
        "ru": {
            "title": "Делегация Узбекистана приняла участие в заседании {org_gen} {city_prep}",
            "lead": "{date} делегация Узбекистана во главе с {A_ins} приняла участие в заседании {org_gen}, состоявшемся {city_prep}.",
            "body": [
                "Участники обсудили вопросы {topics} и одобрили план совместных мероприятий на следующий год.",
                "В кулуарах заседания состоялся ряд двусторонних встреч главы узбекской делегации с коллегами.",
            ],
        },
        "en": {
            "title": "Uzbek delegation takes part in a meeting of {org} in {city}",
            "lead": "On {date}, a delegation of Uzbekistan led by {A}, took part in a meeting of {org} held in {city}.",
            "body": [
                "The participants discussed {topics} and approved a plan of joint events for the next year.",
                "On the sidelines of the meeting, the head of the Uzbek delegation held bilateral meetings with a number of counterparts.",
            ],
        },
    },
    "news-diplomatic-trip": {
        "kind": "news",
        "uz": {
            "title": "Diplomatik vakolatxonalar rahbarlari {city_dat} tashrif buyurdi",
            "lead": "{date} kuni Tashqi ishlar vazirligi Oʻzbekistonda akkreditatsiyadan oʻtgan diplomatik vakolatxonalar va xalqaro tashkilotlar rahbarlari uchun {city_dat} safar uyushtirdi.",
            "body": [
                "Mehmonlar shaharning tarixiy obidalari, turizm infratuzilmasi va hududda amalga oshirilayotgan loyihalar bilan tanishdilar.",
                "Shuningdek, viloyat hokimligi rahbariyati va mahalliy tadbirkorlar bilan {topics} masalalari boʻyicha uchrashuvlar boʻlib oʻtdi.",
            ],
        },
        "uz_cyrl": {
            "title": "Дипломатик ваколатхоналар раҳбарлари {city_dat} ташриф буюрди",
            "lead": "{date} куни Ташқи ишлар вазирлиги Ўзбекистонда аккредитациядан ўтган дипломатик ваколатхоналар ва халқаро ташкилотлар раҳбарлари учун {city_dat} сафар уюштирди.",
            "body": [
                "Меҳмонлар шаҳарнинг тарихий обидалари, туризм инфратузилмаси ва ҳудудда амалга оширилаётган лойиҳалар билан танишдилар.",
                "Шунингдек, вилоят ҳокимлиги раҳбарияти ва маҳаллий тадбиркорлар билан {topics} масалалари бўйича учрашувлар бўлиб ўтди.",
            ],
        },
        "ru": {
            "title": "Главы дипломатических миссий посетили {city_acc}",
            "lead": "{date} Министерство иностранных дел организовало поездку в {city_acc} для глав дипломатических представительств и международных организаций, аккредитованных в Узбекистане.",
            "body": [
                "Гости ознакомились с историческими памятниками города, его туристической инфраструктурой и проектами, реализуемыми в регионе.",
                "Также состоялись встречи с руководством хокимията области и местными предпринимателями по вопросам {topics}.",
            ],
        },
        "en": {
            "title": "Heads of diplomatic missions visit {city}",
            "lead": "On {date}, the Ministry of Foreign Affairs organised a trip to {city} for heads of diplomatic missions and international organisations accredited in Uzbekistan.",
            "body": [
                "The guests visited the historical monuments of the city and learned about its tourist infrastructure and the projects under way in the region.",
                "Meetings were also held with the regional administration (hokimiyat) and local entrepreneurs on {topics}.",
            ],
        },
    },
    "news-consular": {
        "kind": "news",
        "uz": {
            "title": "Oʻzbekiston va {country} oʻrtasida konsullik maslahatlashuvlari",
            "lead": "{date} kuni {city_loc} Oʻzbekiston va {country} tashqi ishlar vazirliklari oʻrtasida navbatdagi konsullik maslahatlashuvlari boʻlib oʻtdi.",
            "body": [
                "Tomonlar fuqarolarning huquq va manfaatlarini himoya qilish, viza tartib-taomillarini soddalashtirish hamda mehnat migratsiyasi sohasidagi hamkorlikni muhokama qildilar.",
                "Maslahatlashuvlar yakunlari boʻyicha keyingi hamkorlikdagi ishlar rejasi kelishib olindi.",
            ],
        },
        "uz_cyrl": {
            "title": "Ўзбекистон ва {country} ўртасида консуллик маслаҳатлашувлари",
            "lead": "{date} куни {city_loc} Ўзбекистон ва {country} ташқи ишлар вазирликлари ўртасида навбатдаги консуллик маслаҳатлашувлари бўлиб ўтди.",
            "body": [
                "Томонлар фуқароларнинг ҳуқуқ ва манфаатларини ҳимоя қилиш, виза тартиб-таомилларини соддалаштириш ҳамда меҳнат миграцияси соҳасидаги ҳамкорликни муҳокама қилдилар.",
                "Маслаҳатлашувлар якунлари бўйича кейинги ҳамкорликдаги ишлар режаси келишиб олинди.",
            ],
        },
        "ru": {
            "title": "Консульские консультации между Узбекистаном и {country_ins}",
            "lead": "{date} {city_prep} состоялись очередные консульские консультации между министерствами иностранных дел Узбекистана и {country_gen}.",
            "body": [
                "Стороны обсудили защиту прав и интересов граждан, упрощение визовых процедур и сотрудничество в сфере трудовой миграции.",
                "По итогам консультаций согласован план дальнейшей совместной работы.",
            ],
        },
        "en": {
            "title": "Consular consultations between Uzbekistan and {country}",
            "lead": "On {date}, regular consular consultations between the foreign ministries of Uzbekistan and {country} were held in {city}.",
            "body": [
                "The sides discussed the protection of the rights and interests of citizens, the simplification of visa procedures and cooperation in labour migration.",
                "The consultations resulted in an agreed plan for further joint work.",
            ],
        },
    },
}

# --- The releases -------------------------------------------------------------------------


class Event(NamedTuple):
    slug: str
    date: datetime.date | None  # None: the day the data is loaded plus a week (SCHEDULED)
    template: str
    topics: tuple
    a: str | None = None  # the Uzbek official's post (its holder on the date is named)
    b: str | None = None  # the counterpart's post
    country: str | None = None
    countries: tuple = ()  # more countries (a briefing's)
    org: str | None = None
    city: str = "tashkent"  # where it happened (the text's city)
    place: str | None = None  # the release's place, when not the city (statements)
    photo: bool = False
    langs: tuple = LANGS  # the languages it is written in
    status: str = "published"


def _e(day, template, slug, topics, **kw):
    return Event(
        slug=f"{slug}-{day}",
        date=datetime.date.fromisoformat(day),
        template=template,
        topics=tuple(topics),
        **kw,
    )


EVENTS = [
    _e("2024-09-12", "meeting-ambassador", "meeting-ambassador-germany", ["trade-economy", "investment"], a="uz-first-deputy", b="de-ambassador", country="DE", photo=True),
    _e("2024-09-26", "briefing", "briefing", ["transport", "trade-economy"], a="uz-press", countries=("KG", "CN"), photo=True),
    _e("2024-10-08", "phone-call", "phone-call-kyrgyzstan", ["water", "transport"], a="uz-first-deputy", b="kg-deputy", country="KG"),
    _e("2024-10-22", "visit", "visit-korea", ["education", "investment"], a="uz-deputy", b="kr-vice", country="KR", city="seoul", photo=True),
    _e("2024-11-05", "statement-agreement", "statement-agreement-kazakhstan", ["transport", "trade-economy"], country="KZ"),
    _e("2024-11-19", "comment-consular", "comment-consular-russia", ["consular"], a="uz-press", country="RU"),
    _e("2024-12-03", "interview", "interview-japan-media", ["investment", "culture"], a="uz-first-deputy", country="JP", photo=True),
    _e("2024-12-17", "news-diplomatic-trip", "diplomatic-corps-samarkand", ["tourism", "culture"], city="samarkand", photo=True),
    _e("2025-01-14", "meeting-talks", "talks-united-states", ["security", "trade-economy"], a="uz-deputy", b="us-das", country="US", photo=True),
    _e("2025-01-28", "news-organisation", "cis-meeting-moscow", ["security", "culture"], a="uz-first-deputy", org="CIS", city="moscow", photo=True),
    _e("2025-02-11", "briefing", "briefing", ["investment", "tourism"], a="uz-press", countries=("DE", "TR"), photo=True),
    _e("2025-02-25", "phone-call", "phone-call-china", ["transport", "trade-economy"], a="uz-first-deputy", b="cn-vice", country="CN"),
    _e("2025-03-11", "comment-organisation", "comment-ots", ["culture", "trade-economy"], a="uz-press", org="OTS"),
    _e("2025-03-25", "briefing", "briefing", ["water", "consular"], a="uz-press", countries=("KG", "TJ"), photo=True),
    _e("2025-04-08", "meeting-talks", "talks-turkiye", ["trade-economy", "tourism"], a="uz-first-deputy", b="tr-deputy", country="TR", photo=True),
    _e("2025-04-22", "statement-organisation", "statement-sco-ministerial", ["security", "trade-economy"], org="SCO", city="astana", place="tashkent"),
    _e("2025-05-06", "visit", "visit-russia", ["consular", "education"], a="uz-deputy", b="ru-deputy", country="RU", city="moscow", photo=True),
    _e("2025-05-20", "interview", "interview-korea-media", ["investment", "education"], a="uz-first-deputy", country="KR", photo=True),
    _e("2025-06-03", "meeting-ambassador", "meeting-ambassador-japan", ["investment", "culture"], a="uz-first-deputy", b="jp-ambassador", country="JP", photo=True),
    _e("2025-06-17", "news-consular", "consular-consultations-kazakhstan", ["consular"], country="KZ", city="astana"),
    _e("2025-07-01", "phone-call", "phone-call-united-states", ["security", "investment"], a="uz-first-deputy", b="us-das", country="US"),
    _e("2025-07-15", "comment-consular", "comment-consular-turkiye", ["consular", "tourism"], a="uz-press", country="TR"),
    _e("2025-07-29", "news-diplomatic-trip", "diplomatic-corps-khiva", ["tourism", "culture"], city="khiva", photo=True),
    _e("2025-08-12", "statement-agreement", "statement-agreement-kyrgyzstan", ["water", "transport"], country="KG"),
    _e("2025-08-26", "meeting-farewell", "farewell-ambassador-germany", ["education", "culture"], a="uz-deputy", b="de-ambassador", country="DE", photo=True),
    _e("2025-09-09", "meeting-ambassador", "meeting-ambassador-germany", ["trade-economy", "investment"], a="uz-first-deputy", b="de-ambassador", country="DE", photo=True),
    _e("2025-09-23", "news-organisation", "un-meeting-new-york", ["security", "water"], a="uz-first-deputy", org="UN", city="new-york", photo=True),
    _e("2025-10-07", "briefing", "briefing", ["education", "investment"], a="uz-press", countries=("US", "JP"), photo=True),
    _e("2025-10-21", "visit", "visit-turkiye", ["trade-economy", "tourism"], a="uz-first-deputy", b="tr-deputy", country="TR", city="ankara", photo=True),
    _e("2025-11-04", "interview", "interview-germany-media", ["education", "trade-economy"], a="uz-deputy", country="DE", photo=True),
    _e("2025-11-18", "comment-organisation", "comment-sco", ["security", "trade-economy"], a="uz-press", org="SCO"),
    _e("2025-12-02", "phone-call", "phone-call-korea", ["health", "education"], a="uz-deputy", b="kr-vice", country="KR"),
    _e("2025-12-16", "statement-organisation", "statement-ots-ministerial", ["transport", "culture"], org="OTS", city="istanbul", place="tashkent"),
    _e("2026-01-13", "meeting-talks", "talks-kyrgyzstan", ["water", "trade-economy"], a="uz-first-deputy", b="kg-deputy", country="KG", city="bishkek", photo=True),
    _e("2026-01-27", "news-consular", "consular-consultations-tajikistan", ["consular"], country="TJ", city="dushanbe"),
    _e("2026-02-10", "visit", "visit-china", ["transport", "investment"], a="uz-deputy", b="cn-vice", country="CN", city="beijing", photo=True),
    _e("2026-02-24", "briefing", "briefing", ["trade-economy", "security"], a="uz-press", countries=("KZ", "RU"), photo=True),
    _e("2026-03-10", "comment-consular", "comment-consular-korea", ["consular", "education"], a="uz-press", country="KR"),
    _e("2026-03-24", "news-diplomatic-trip", "diplomatic-corps-bukhara", ["tourism", "culture"], city="bukhara", photo=True),
    _e("2026-04-07", "interview", "interview-china-media", ["trade-economy", "transport"], a="uz-first-deputy", country="CN", photo=True),
    _e("2026-04-21", "phone-call", "phone-call-russia", ["consular", "trade-economy"], a="uz-first-deputy", b="ru-deputy", country="RU"),
    _e("2026-06-09", "statement-agreement", "statement-agreement-japan", ["culture", "tourism"], country="JP"),
    _e("2026-07-14", "news-organisation", "sco-meeting-beijing", ["security", "trade-economy"], a="uz-deputy", org="SCO", city="beijing", photo=True),
    _e("2026-08-18", "visit", "visit-united-states", ["investment", "education"], a="uz-first-deputy", b="us-das", country="US", city="washington", photo=True),
    _e("2026-09-22", "meeting-talks", "talks-korea", ["investment", "health"], a="uz-deputy", b="kr-vice", country="KR", photo=True),
    _e("2026-10-13", "comment-organisation", "comment-cis", ["culture", "security"], a="uz-press", org="CIS"),
    # Published, but not (yet) in every language: they appear only in the listings of the
    # languages they are written in.
    _e("2026-11-17", "statement-organisation", "statement-cis-ministerial", ["security", "culture"], org="CIS", city="dushanbe", place="tashkent", langs=("uz", "uz_cyrl", "ru")),
    _e("2026-11-20", "news-consular", "consular-consultations-kyrgyzstan", ["consular"], country="KG", langs=("uz", "uz_cyrl")),
]  # fmt: skip

DRAFTS = [
    _e("2026-11-21", "visit", "visit-kyrgyzstan", ["water", "transport"], a="uz-first-deputy", b="kg-deputy", country="KG", city="bishkek", status="draft"),
    _e("2026-11-23", "comment-consular", "comment-consular-germany", ["consular"], a="uz-press", country="DE", langs=("ru",), status="draft"),
    _e("2026-11-24", "meeting-talks", "talks-turkiye", ["tourism", "culture"], a="uz-deputy", b="tr-deputy", country="TR", langs=("uz",), status="draft"),
]  # fmt: skip

# Published, with a publication time a week after the data is loaded: not public until then.
SCHEDULED = Event(
    slug="scheduled-statement-agreement-turkmenistan",
    date=None,
    template="statement-agreement",
    topics=("trade-economy", "transport"),
    country="TM",
)

# --- Photos -------------------------------------------------------------------------------

PHOTO_ALT = {
    "uz": "Namunaviy rasm: rangli shakllar fonida «{label}» yozuvi",
    "uz_cyrl": "Намунавий расм: рангли шакллар фонида «{label}» ёзуви",
    "ru": "Демонстрационная картинка: цветные фигуры и надпись «{label}»",
    "en": "Demo placeholder picture: coloured shapes and the words “{label}”",
}
PHOTO_CREDIT = {
    "uz": "TIV matbuot xizmati (namunaviy rasm)",
    "uz_cyrl": "ТИВ матбуот хизмати (намунавий расм)",
    "ru": "Пресс-служба МИД (демонстрационное изображение)",
    "en": "MFA Press Service (demo image)",
}

# --- Rendering ----------------------------------------------------------------------------

MONTHS = {
    "uz": ["yanvar", "fevral", "mart", "aprel", "may", "iyun", "iyul", "avgust", "sentabr", "oktabr", "noyabr", "dekabr"],
    "uz_cyrl": ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"],
    "ru": ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
}  # fmt: skip

AND = {"uz": "va", "uz_cyrl": "ва", "ru": "и", "en": "and"}


def long_date(day: datetime.date, lang: str) -> str:
    """ "2024-yil 12-sentabr", "2024-йил 12-сентябрь", "12 сентября 2024 года", "12 September 2024"."""
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
    """
    phrases = [TOPIC_PHRASES[t][LANGS.index(lang)] for t in event.topics]
    ctx = {"date": long_date(day, lang), "topics": _join(phrases, lang), "t1": phrases[0]}
    ctx.update(_city(event.city, lang))
    if event.country:
        ctx.update(_country(event.country, lang))
    if event.countries:
        key = "country_ins" if lang == "ru" else "country"
        ctx["countries"] = _join((_country(c, lang)[key] for c in event.countries), lang)
    if event.org:
        org = ORGS[event.org]
        ctx["org"] = org.ru_gen if lang == "ru" else getattr(org, lang)
        ctx["org_gen"] = ctx["org"]
    for prefix, post in (("A", event.a), ("B", event.b)):
        if post:
            ctx.update(_official(prefix, post, holders[post], lang))
    ctx.update({f"{k}_C": v[:1].upper() + v[1:] for k, v in list(ctx.items())})
    return ctx


def render(event: Event, day: datetime.date, holders: dict) -> dict:
    """{suffix: {"title", "lead", "body" (HTML paragraphs), "place"}} for the event's languages."""
    template = TEMPLATES[event.template]
    texts = {}
    for lang in event.langs:
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
    return {
        lang: {
            "title": t["title"],
            "lead": t["paragraphs"][0],
            "body": "\n".join(f"<p>{p}</p>" for p in t["paragraphs"][1:]),
            "place": t["place"],
        }
        for lang, t in SAMPLE.items()
    }
