"""Phrase banks: sentences and titles made from templates with {slots}, words drawn with
realistic (Zipf) frequencies. words_uz.py, words_ru.py and words_en.py hold each language's.
"""

import bisect
import random

DAYS = [str(d) for d in range(1, 29)]
NUMBERS = [str(n) for n in (2, 3, 4, 5, 6, 7, 8, 10, 12, 15, 20, 25, 30, 40, 50, 100, 150)]


def html_paragraphs(paragraphs) -> str:
    """<p>…</p> per paragraph, each a list of sentences."""
    return "".join(f"<p>{' '.join(sentences)}</p>" for sentences in paragraphs)


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
