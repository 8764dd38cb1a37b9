"""Accuracy and speed of Latin ↔ Cyrillic transliteration on press-release vocabulary.

Compares press.transliteration (UzTransliterator wrapped with our fixes) with UzTransliterator
alone and with plain letter rules (no word list), on bench/transliteration_words.tsv: words and
phrases with their standard Cyrillic spelling. The reverse direction folds every apostrophe
variant into one before comparing, so it measures letters, not the choice of ʻ or '.

    .venv/bin/python bench/transliteration.py [--repeat 20]

Prints a table and writes bench/results/transliteration.json and transliteration.md.
"""

import argparse
import json
import os
import platform
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
WORDS = ROOT / "bench" / "transliteration_words.tsv"
SAMPLE = ROOT / "devdata" / "samples" / "uz-latn-minister-meeting-2020-11-05.txt"

sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ministry.settings.dev")


def load_words() -> list[tuple[str, str, str]]:
    rows = []
    for line in WORDS.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            latin, cyrillic, case = line.split("\t")
            rows.append((latin, cyrillic, case))
    return rows


# --- Plain rules: what writing it by hand without a word list gives -----------------------
RULES = [
    ("shh", "шҳ"), ("o'", "ў"), ("g'", "ғ"), ("sh", "ш"), ("ch", "ч"), ("ng", "нг"),
    ("yo", "ё"), ("yu", "ю"), ("ya", "я"), ("ye", "е"), ("ts", "ц"), ("'", "ъ"),
]  # fmt: skip
LETTERS = dict(zip("abdefghijklmnopqrstuvxyz", "абдефгҳижклмнопқрстувхйз", strict=True))


def rules_only(text: str) -> str:
    def word(match):
        w = match.group()
        lower, out, i = w.lower().replace("ʻ", "'").replace("ʼ", "'"), [], 0
        while i < len(lower):
            for latin, cyr in RULES:
                if lower.startswith(latin, i):
                    out.append(cyr)
                    i += len(latin)
                    break
            else:
                ch = lower[i]
                out.append("э" if ch == "e" and i == 0 else LETTERS.get(ch, ch))
                i += 1
        result = "".join(out)
        if sum(c.isupper() for c in w) > 1:
            return result.upper()
        return result[:1].upper() + result[1:] if w[:1].isupper() else result

    return re.sub(r"[A-Za-z'ʻʼ]+", word, text)


def fold(text: str) -> str:
    return re.sub("['ʻʼ‘’`]", "'", text)


def accuracy(engine, rows, reverse=False):
    misses = []
    for latin, cyrillic, case in rows:
        source, want = (cyrillic, latin) if reverse else (latin, cyrillic)
        got = engine(source)
        if fold(got) != fold(want):
            misses.append({"source": source, "want": want, "got": got, "case": case})
    return {"exact": len(rows) - len(misses), "total": len(rows), "misses": misses}


def timing(engine, texts, repeat, clear=None):
    best = float("inf")
    for _ in range(repeat):
        if clear:
            clear()
        start = time.perf_counter()
        for text in texts:
            engine(text)
        best = min(best, time.perf_counter() - start)
    return best


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()

    import django

    django.setup()
    from UzTransliterator import UzTransliterator

    from press import transliteration as ours

    library = UzTransliterator()

    def library_alone(text):
        return library.transliterate(text, from_="lat", to="cyr")

    def library_alone_back(text):
        return library.transliterate(text, from_="cyr", to="lat")

    def clear():
        ours._latin_word.cache_clear()
        ours._cyrillic_word.cache_clear()

    rows = load_words()
    engines = {
        "press.transliteration": (ours.latin_to_cyrillic, ours.cyrillic_to_latin),
        "UzTransliterator 2.0.2 alone": (library_alone, library_alone_back),
        "letter rules, no word list": (rules_only, None),
    }
    sample = SAMPLE.read_text(encoding="utf-8")
    release_html = "".join(f"<p>{p.strip()}</p>" for p in sample.split("\n\n") if p.strip())
    words = [latin for latin, _c, _k in rows]

    report = {
        "python": platform.python_version(),
        "machine": platform.machine(),
        "words": len(rows),
        "engines": {},
    }
    for name, (forward, backward) in engines.items():
        result = {"latin_to_cyrillic": accuracy(forward, rows)}
        if backward:
            result["cyrillic_to_latin"] = accuracy(backward, rows, reverse=True)
        seconds = timing(
            forward, words, args.repeat, clear if forward is ours.latin_to_cyrillic else None
        )
        result["ms_per_entry"] = round(seconds / len(words) * 1000, 4)
        report["engines"][name] = result
    seconds = timing(
        lambda html: ours.transliterate_html(html, ours.LATIN_TO_CYRILLIC),
        [release_html],
        args.repeat,
        clear,
    )
    report["sample_release"] = {
        "characters": len(release_html),
        "ms_html_latin_to_cyrillic_cold_cache": round(seconds * 1000, 2),
    }

    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "transliteration.json").write_text(
        json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    lines = [
        "# Transliteration: accuracy and speed",
        "",
        f"{len(rows)} words and phrases from `bench/transliteration_words.tsv` (exact match with",
        "the standard spelling; apostrophe variants folded in the Cyrillic → Latin column).",
        f"Python {report['python']} on {report['machine']}; best of {args.repeat} runs.",
        "",
        "| engine | Latin → Cyrillic | Cyrillic → Latin | ms per entry |",
        "|---|---|---|---|",
    ]
    for name, result in report["engines"].items():
        forward = result["latin_to_cyrillic"]
        back = result.get("cyrillic_to_latin")
        back_text = f"{back['exact']}/{back['total']}" if back else "—"
        lines.append(
            f"| {name} | {forward['exact']}/{forward['total']} | {back_text} "
            f"| {result['ms_per_entry']} |"
        )
    lines += [
        "",
        f"The sample release as HTML ({report['sample_release']['characters']} characters): "
        f"{report['sample_release']['ms_html_latin_to_cyrillic_cold_cache']} ms Latin → Cyrillic, "
        "word cache cleared.",
        "",
        "## What press.transliteration still gets wrong",
        "",
    ]
    for direction in ("latin_to_cyrillic", "cyrillic_to_latin"):
        for miss in report["engines"]["press.transliteration"][direction]["misses"]:
            lines.append(
                f"- {direction.replace('_', ' ')}: `{miss['source']}` → `{miss['got']}`, "
                f"want `{miss['want']}` ({miss['case']})"
            )
    (RESULTS / "transliteration.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
