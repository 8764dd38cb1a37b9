"""Accuracy and speed of Latin ↔ Cyrillic transliteration on press-release vocabulary.

Compares press.transliteration (UzTransliterator wrapped with our fixes) with UzTransliterator
alone and with plain letter rules (no word list), on two sets with their standard Cyrillic:

- bench/transliteration_words.tsv: words and phrases, the hard cases the converter is tuned to
  (rows marked "variant" are spellings editors type, scored Latin → Cyrillic only);
- bench/transliteration_sentences.tsv: held-out press-release sentences, never tuned to, in two
  batches scored apart (see its header), by words: a date such as 2020-yil is one Latin word
  and two Cyrillic ones.

The reverse direction folds every apostrophe variant into one before comparing, so it measures
letters, not the choice of ʻ or '.

    .venv/bin/python bench/transliteration.py [--repeat 20] [--save-baseline LABEL]

Prints a table and writes bench/results/transliteration.json and transliteration.md; with
--save-baseline, also transliteration.baseline.json, the "before" column of later reports.
"""

import argparse
import difflib
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
SENTENCES = ROOT / "bench" / "transliteration_sentences.tsv"
BASELINE = RESULTS / "transliteration.baseline.json"
SAMPLE = ROOT / "devdata" / "samples" / "uz-latn-minister-meeting-2020-11-05.txt"

sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ministry.settings.dev")


def load(path: Path) -> list[tuple[str, ...]]:
    """The tab-separated rows of ``path``, comments and blank lines left out."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [tuple(line.split("\t")) for line in lines if line.strip() and not line.startswith("#")]


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
    if reverse:
        rows = [row for row in rows if row[2] != "variant"]
    misses = []
    for latin, cyrillic, case in rows:
        source, want = (cyrillic, latin) if reverse else (latin, cyrillic)
        got = engine(source)
        if fold(got) != fold(want):
            misses.append({"source": source, "want": want, "got": got, "case": case})
    return {"exact": len(rows) - len(misses), "total": len(rows), "misses": misses}


def word_accuracy(engine, rows, reverse=False):
    """Words of the expected sentences found, in order, in the converted ones (difflib)."""
    right = total = exact = 0
    misses = []
    for latin, cyrillic, _batch in rows:
        source, want = (cyrillic, latin) if reverse else (latin, cyrillic)
        got = engine(source)
        want_words, got_words = fold(want).split(), fold(got).split()
        matcher = difflib.SequenceMatcher(None, want_words, got_words, autojunk=False)
        right += sum(block.size for block in matcher.get_matching_blocks())
        total += len(want_words)
        exact += want_words == got_words
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag != "equal":
                misses.append(
                    {"want": " ".join(want_words[i1:i2]), "got": " ".join(got_words[j1:j2])}
                )
    return {
        "words_right": right,
        "words": total,
        "sentences_exact": exact,
        "sentences": len(rows),
        "misses": misses,
    }


def percent(right: int, total: int) -> str:
    return f"{right}/{total} ({100 * right / total:.1f} %)"


def summary(result: dict) -> dict:
    """The numbers of press.transliteration that a later run compares itself with."""
    words = result["words"]
    numbers = {
        "word list, Latin → Cyrillic": [words["latin_to_cyrillic"][k] for k in ("exact", "total")],
        "word list, Cyrillic → Latin": [words["cyrillic_to_latin"][k] for k in ("exact", "total")],
    }
    for batch, sentences in result["sentences"].items():
        forward, back = sentences["latin_to_cyrillic"], sentences["cyrillic_to_latin"]
        numbers[f"held-out {batch}: words, Latin → Cyrillic"] = [
            forward["words_right"],
            forward["words"],
        ]
        numbers[f"held-out {batch}: words, Cyrillic → Latin"] = [back["words_right"], back["words"]]
        numbers[f"held-out {batch}: sentences exact, Latin → Cyrillic"] = [
            forward["sentences_exact"],
            forward["sentences"],
        ]
    return numbers


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
    parser.add_argument("--save-baseline", metavar="LABEL", help="e.g. the commit measured")
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

    rows = load(WORDS)
    batches = {}
    for row in load(SENTENCES):
        batches.setdefault(row[2], []).append(row)
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
        "sentences": {batch: len(sentences) for batch, sentences in batches.items()},
        "engines": {},
    }
    for name, (forward, backward) in engines.items():
        result = {
            "words": {"latin_to_cyrillic": accuracy(forward, rows)},
            "sentences": {
                batch: {"latin_to_cyrillic": word_accuracy(forward, sentences)}
                for batch, sentences in batches.items()
            },
        }
        if backward:
            result["words"]["cyrillic_to_latin"] = accuracy(backward, rows, reverse=True)
            for batch, sentences in batches.items():
                result["sentences"][batch]["cyrillic_to_latin"] = word_accuracy(
                    backward, sentences, reverse=True
                )
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

    ours_now = summary(report["engines"]["press.transliteration"])
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "transliteration.json").write_text(
        json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    if args.save_baseline:
        baseline = {"label": args.save_baseline, "press.transliteration": ours_now}
        BASELINE.write_text(
            json.dumps(baseline, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
    lines = [
        "# Transliteration: accuracy and speed",
        "",
        f"Python {report['python']} on {report['machine']}; best of {args.repeat} runs.",
        "",
        f"## Word list: {len(rows)} words and phrases (`bench/transliteration_words.tsv`)",
        "",
        "Exact match with the standard spelling; apostrophe variants folded in the",
        "Cyrillic → Latin column, which leaves out the rows marked *variant*.",
        "",
        "| engine | Latin → Cyrillic | Cyrillic → Latin | ms per entry |",
        "|---|---|---|---|",
    ]
    for name, result in report["engines"].items():
        forward = result["words"]["latin_to_cyrillic"]
        back = result["words"].get("cyrillic_to_latin")
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
        "## Held-out sentences (`bench/transliteration_sentences.tsv`)",
        "",
        "Press-release sentences the converter is never tuned to, in two batches: *first*,",
        "written before its loanword, abbreviation and code rules; *frozen*, written after",
        "them and never run through it before being scored. Words of the expected text found,",
        "in order, in the result; *exact* counts whole sentences.",
    ]
    for batch, sentences in batches.items():
        lines += [
            "",
            f"| {batch} ({len(sentences)} sentences) | words, Latin → Cyrillic | exact "
            "| words, Cyrillic → Latin | exact |",
            "|---|---|---|---|---|",
        ]
        for name, result in report["engines"].items():
            forward = result["sentences"][batch]["latin_to_cyrillic"]
            back = result["sentences"][batch].get("cyrillic_to_latin")
            cells = [
                percent(forward["words_right"], forward["words"]),
                f"{forward['sentences_exact']}/{forward['sentences']}",
            ]
            if back:
                cells += [
                    percent(back["words_right"], back["words"]),
                    f"{back['sentences_exact']}/{back['sentences']}",
                ]
            else:
                cells += ["—", "—"]
            lines.append(f"| {name} | " + " | ".join(cells) + " |")
    if BASELINE.exists():
        baseline = json.loads(BASELINE.read_text(encoding="utf-8"))
        lines += [
            "",
            "## press.transliteration before and after",
            "",
            f"| set | before ({baseline['label']}) | now |",
            "|---|---|---|",
        ]
        for key, now in ours_now.items():
            before = baseline["press.transliteration"].get(key)
            before_text = percent(*before) if before else "—"
            lines.append(f"| {key} | {before_text} | {percent(*now)} |")
    lines += ["", "## What press.transliteration still gets wrong", "", "Word list:", ""]
    ours = report["engines"]["press.transliteration"]
    for direction in ("latin_to_cyrillic", "cyrillic_to_latin"):
        for miss in ours["words"][direction]["misses"]:
            lines.append(
                f"- {direction.replace('_', ' ')}: `{miss['source']}` → `{miss['got']}`, "
                f"want `{miss['want']}` ({miss['case']})"
            )
    for batch in batches:
        lines += ["", f"Held-out, {batch} (left failing unless a general rule fixes them):", ""]
        for direction in ("latin_to_cyrillic", "cyrillic_to_latin"):
            for miss in ours["sentences"][batch][direction]["misses"]:
                lines.append(
                    f"- {direction.replace('_', ' ')}: `{miss['got']}`, want `{miss['want']}`"
                )
    (RESULTS / "transliteration.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
