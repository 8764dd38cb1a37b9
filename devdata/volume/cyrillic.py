"""Uzbek Latin spelled in Uzbek Cyrillic, letter by letter: enough for generated text."""

_DIGRAPHS = [
    ("o\u02bb", "ў"), ("g\u02bb", "ғ"), ("sh", "ш"), ("ch", "ч"), ("yo", "ё"), ("yu", "ю"),
    ("ya", "я"), ("ye", "е"), ("ts", "ц"),
]  # fmt: skip
_SINGLES = dict(zip("abdefghijklmnopqrstuvxyz\u02bc", "абдефгҳижклмнопқрстувхйзъ", strict=True))


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
