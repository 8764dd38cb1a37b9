"""The analyzer is used by many threads at once: gunicorn's gthread workers save releases
and search side by side, and generate_releases --jobs indexes in two threads."""

import sys
import threading

from press.search.analyzer import en_stem, ru_stems

WORDS_RU = ["переговорах", "Саидовым", "министров", "сотрудничества", "встретились", "Ташкенте"]
WORDS_EN = ["visited", "negotiations", "cooperation", "ministers", "meetings", "relations"]


def test_stemmers_give_each_thread_its_own_answer():
    expected = [(ru_stems(ru), en_stem(en)) for ru, en in zip(WORDS_RU, WORDS_EN, strict=True)]
    seen, errors = [], []

    def stem_many():
        try:
            for _ in range(300):
                seen.append(
                    [(ru_stems(ru), en_stem(en)) for ru, en in zip(WORDS_RU, WORDS_EN, strict=True)]
                )
        except Exception as error:  # an IndexError from a stemmer shared between threads
            errors.append(error)

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible: a shared stemmer breaks
    try:
        threads = [threading.Thread(target=stem_many) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(interval)
    assert errors == []
    assert len(seen) == 4 * 300
    assert all(answer == expected for answer in seen)
