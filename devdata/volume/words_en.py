"""The English phrase bank."""

from devdata.volume.phrases import DAYS, NUMBERS, Bank

COUNTRIES = [
    "Germany", "France", "Japan", "China", "Russia", "Kazakhstan", "Tajikistan", "Turkmenistan",
    "Kyrgyzstan", "Afghanistan", "India", "Türkiye", "the Republic of Korea", "Italy", "Spain",
    "Poland", "Hungary", "Egypt", "Saudi Arabia", "Pakistan", "Iran", "Azerbaijan", "Georgia",
    "Belarus", "the United States", "the United Kingdom", "Canada", "Brazil", "Indonesia",
    "Malaysia", "Viet Nam", "Singapore", "Austria", "Switzerland", "the Netherlands", "Belgium",
    "Czechia", "Latvia", "Finland", "Sweden", "Qatar", "Kuwait", "Oman", "Armenia", "Serbia",
]  # fmt: skip
ORGS = [
    "the UN", "the SCO", "the CIS", "the OSCE", "the European Union",
    "the Organisation of Islamic Cooperation", "the World Bank", "the Asian Development Bank",
    "the Organisation of Turkic States", "UNESCO", "UNICEF", "the WHO",
]  # fmt: skip
CITIES = [
    "Tashkent", "Samarkand", "Bukhara", "Khiva", "Namangan", "Andijan", "Fergana", "Nukus",
    "Karshi", "Termez", "Moscow", "Beijing", "Berlin", "Paris", "London", "Washington",
    "New York", "Geneva", "Vienna", "Brussels", "Tokyo", "Seoul", "Ankara", "Istanbul", "Delhi",
    "Astana", "Almaty", "Bishkek", "Dushanbe", "Ashgabat", "Baku", "Tbilisi", "Minsk", "Riyadh",
    "Doha", "Dubai", "Cairo", "Rome", "Madrid", "Warsaw", "Budapest", "Prague", "Kabul",
    "Islamabad",
]  # fmt: skip
ACTORS = [
    "The Minister of Foreign Affairs", "The Deputy Minister", "The ministry's delegation",
    "The Ambassador", "The Press Secretary", "The Consul General", "The department director",
    "A group of experts", "The government delegation", "Members of parliament",
    "The working group", "The ministers", "Diplomats", "Specialists", "The chargé d'affaires",
    "The head of division", "The head of the delegation", "The Ambassador Extraordinary",
    "Consular officers",
]  # fmt: skip
TOPICS = [
    "trade", "investment", "energy", "transport", "logistics", "tourism", "education",
    "healthcare", "culture", "security", "water resources", "agriculture", "the digital economy",
    "innovation", "industry", "textiles", "the chemical industry", "finance", "banking",
    "science", "sport", "youth policy", "human rights", "labour migration", "consular services",
    "visa policy", "border management", "ecology", "climate change", "green energy",
    "railways", "aviation", "car manufacturing", "pharmaceuticals", "food security",
    "historical heritage", "cinema", "information technology", "cybersecurity",
    "artificial intelligence", "geology", "construction", "urban development",
]  # fmt: skip
ADJ = [
    "bilateral", "multilateral", "strategic", "comprehensive", "practical", "economic",
    "trade and economic", "cultural and humanitarian", "investment", "regional",
    "international", "cross-border", "long-term", "mutually beneficial", "friendly",
    "effective", "constructive", "promising", "priority", "new", "important", "pressing",
    "high-level", "official", "joint", "intergovernmental", "inter-parliamentary",
    "scientific and technical", "financial", "social", "humanitarian", "political",
    "diplomatic", "deeper", "consistent", "sustainable", "open",
]  # fmt: skip
NOUNS = [
    "cooperation", "partnership", "dialogue", "relations", "ties", "engagement", "exchanges",
    "projects", "initiatives", "contacts",
]  # fmt: skip
EVENTS = [
    "meeting", "talks", "consultations", "visit", "summit", "forum", "conference", "briefing",
    "round table", "session", "working meeting", "dialogue", "telephone conversation",
    "video conference", "exhibition", "intergovernmental commission",
]  # fmt: skip
VERBS = [
    "discussed", "reviewed", "stressed the importance of", "noted", "agreed to expand",
    "praised", "welcomed", "endorsed", "supported", "studied", "presented", "confirmed",
    "exchanged views on", "outlined steps to develop", "expressed interest in developing",
    "signed documents on",
]  # fmt: skip
DOCS = [
    "memorandum", "joint statement", "intergovernmental agreement", "cooperation programme",
    "road map", "memorandum of understanding", "action plan", "investment agreement",
    "plan of events", "treaty", "protocol", "communiqué",
]  # fmt: skip
MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
]  # fmt: skip
OPENERS = [
    "Today", "Yesterday", "In recent days", "This week", "Recently", "Last week",
    "During the event", "During the talks", "After the meeting", "In the course of the talk",
    "During the visit", "Also", "In addition", "It should be noted that", "As was noted",
    "For reference", "In particular", "Earlier", "On {day} {month}",
]  # fmt: skip
SENTENCES = [
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
TITLES = [
    "{actor} discusses {adj} {noun} with a delegation from {country}",
    "Prospects of {adj} {noun} with {country} in {topic} discussed",
    "{adj_cap} {event} held in {city} with {topic} and {topic2} on the agenda",
    "{actor} meets representatives of {org} to discuss {topic}",
    "Results of the {event} between {country} and {country2} in {city}",
    "{event_cap} on {topic} and {topic2} takes place in {city}",
    "Documents on {adj} {noun} signed during the visit of the ministers of {country}",
    "Expanding {adj} {noun} in {topic} discussed at the {event} in {city}",
]  # fmt: skip
RARE_TITLE = "Mongolia and the ministry discuss {adj} {noun} in {topic} at the {event}"
RARE_SENTENCE = "{actor} discussed {topic} with a delegation from Mongolia."
COMMON_TITLES = [
    "Uzbekistan and {country} expand {adj} cooperation in {topic} and {topic2}",
    "{actor} presents Uzbekistan's {adj} initiatives on {topic} at a {event} in {city}",
]
COMMON_SENTENCES = [
    "Uzbekistan is interested in consistently developing {adj} {noun} with {country}.",
    "{actor} spoke about Uzbekistan's reforms in {topic}.",
    "The changes under way in Uzbekistan in {topic} were highlighted.",
]
RESULTS = ["productive", "constructive", "successful", "useful", "substantive", "fruitful"]


def slots() -> dict:
    """{slot name: the words that may fill it}."""
    return {
        "opener": OPENERS,
        "month": MONTHS,
        "day": DAYS,
        "num": NUMBERS,
        "city": CITIES,
        "country": COUNTRIES,
        "country2": COUNTRIES,
        "org": ORGS,
        "actor": ACTORS,
        "actor_lc": [a[0].lower() + a[1:] if a.startswith("The") else a for a in ACTORS],
        "topic": TOPICS,
        "topic2": TOPICS,
        "adj": ADJ,
        "adj_cap": [a[0].upper() + a[1:] for a in ADJ],
        "adj_res": RESULTS,
        "noun": NOUNS,
        "event": EVENTS,
        "event_cap": [e[0].upper() + e[1:] for e in EVENTS],
        "verb": VERBS,
        "doc": DOCS,
    }


def bank(rng) -> Bank:
    """The sentence and title pools, drawing from rng."""
    return Bank(
        rng, SENTENCES, TITLES, slots(), RARE_TITLE, RARE_SENTENCE, COMMON_TITLES, COMMON_SENTENCES
    )
