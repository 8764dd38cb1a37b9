"""Search index rows for generated releases, from sentences analyzed once each.

``press.search.index`` analyzes every word of every release: ~1,200 words a release in four
languages. Generated texts are drawn from phrase banks of a few thousand sentences, so the
same sentence is analyzed again and again. Here each piece of text (a pooled sentence, a
title, a place) is analyzed once by the real analyzer (``press.search.analyzer.analyze``) and
its surfaces and stems are reused; the rows are then built by the same rules as
``press.search.index.tsvector_literal`` and ``fts_row``: positions in text order, a field's
stems at its first position, one position skipped between fields, weights A-D.

Hazard: this holds only while a field's text is its pieces joined by whitespace or tags, as
``devdata.volume.releases`` writes them (tokens never cross a piece's edge) and while
``press.search.index`` keeps its rules. tests/test_generate_releases.py compares these rows
with what ``index_releases`` writes for the same releases, on both databases.
"""

import html

from press import languages
from press.search.analyzer import analyze, fold
from press.search.index import FIELDS, MAX_POSITIONS, MAX_WORD, STEM_MARK, TAG

MAX_POSITION = 16383  # PostgreSQL clamps larger positions; tsvector_literal does too


class Pieces:
    """Each piece's (surfaces, stems, stems marked for the tsvector), per language."""

    def __init__(self):
        self.cache = {code: {} for code in languages.codes()}
        # "12C" for every position and weight, made once: most of a tsvector's text.
        self.labels = {
            weight: [f"{min(p, MAX_POSITION)}{weight}" for p in range(MAX_POSITION + 2)]
            for _name, weight in FIELDS
        }

    def get(self, text: str, code: str, markup: bool = False):
        found = self.cache[code].get(text)
        if found is None:
            plain = html.unescape(TAG.sub(" ", text)) if markup else text
            surfaces, stems = [], set()
            for token in analyze(plain, code):
                if len(token.surface) <= MAX_WORD:
                    surfaces.append(token.surface)
                    stems |= {s for s in token.stems if len(s) <= MAX_WORD}
            found = (
                tuple(surfaces),
                frozenset(stems),
                tuple(f"'{s}':" for s in surfaces),
                frozenset(f"'{s}{STEM_MARK}':" for s in stems),
            )
            self.cache[code][text] = found
        return found

    def fields(self, pieces: dict) -> list[tuple[list, list]]:
        """Each field's analyzed pieces, every language in turn (as index.document orders).

        ``pieces`` maps (field name, language code) to the texts whose concatenation, with
        whitespace or tags between, is that field in that language.
        """
        out = []
        for name, _weight in FIELDS:
            markup = name == "body"
            found = [
                self.get(text, code, markup)
                for code in languages.codes()
                for text in pieces[name, code]
            ]
            out.append(found)
        return out

    def tsvector(self, fields) -> str:
        """The literal ``index.tsvector_literal`` writes for the same text.

        A lexeme's positions are kept as one string until it has a second (most have one):
        this loop runs for every word of a release, in four languages.
        """
        positions: dict[str, str | list[str]] = {}
        get = positions.get
        position = 1
        for found, (_name, weight) in zip(fields, FIELDS, strict=True):
            labels = self.labels[weight]
            first = labels[min(position, MAX_POSITION)]
            for _surfaces, _stems, keys, _marked in found:
                end = position + len(keys)
                if end > MAX_POSITION:
                    at = [labels[min(p, MAX_POSITION)] for p in range(position, end)]
                else:
                    at = labels[position:end]
                for key, label in zip(keys, at, strict=True):
                    got = get(key)
                    if got is None:
                        positions[key] = label
                    elif got.__class__ is str:
                        positions[key] = [got, label]
                    else:
                        got.append(label)
                position = end
            for key in frozenset().union(*[marked for *_rest, marked in found]):
                got = get(key)
                if got is None:
                    positions[key] = first
                elif got.__class__ is str:
                    positions[key] = [got, first]
                else:
                    got.append(first)
            position += 1
        return " ".join(
            [
                key + at if at.__class__ is str else key + ",".join(at[:MAX_POSITIONS])
                for key, at in positions.items()
            ]
        )

    @staticmethod
    def fts_row(fields) -> list[str]:
        """The FTS5 columns ``index.fts_row`` writes: a field's surfaces, then its stems."""
        row = []
        for found in fields:
            row.append(" ".join(s for surfaces, *_rest in found for s in surfaces))
            row.append(" ".join(sorted(frozenset().union(*[stems for _s, stems, *_r in found]))))
        return row


def folded_titles(titles) -> str:
    """What ``index.folded_titles`` writes, from the titles in language order."""
    return " | ".join(fold(title) for title in titles)
