"""Top keywords by TF-IDF over the shared jieba tokens, with jieba's shipped IDF table."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from pathlib import Path

from . import lexicon, tokens

TOP_K = 8
# An unknown two-character cut is more often a stray join ("由市") than a term; longer ones stay.
MIN_UNKNOWN_KEYWORD = 3
# A keyword has at least two characters and some Chinese or Latin letters, no digits.
KEYWORD_FORM = re.compile(r"^(?=.*[\u4e00-\u9fffA-Za-z])[^\d\W]{2,}$")
# Parts of speech that carry no topic (particles, pronouns, adverbs, conjunctions, numerals…).
NON_TOPIC_TAGS = lexicon.words("p c u uj ul uz ud ug uv d r ad y e o m mq q f t tg")


@cache
def idf_table() -> tuple[dict[str, float], float]:
    """jieba's IDF per word and the median used for unseen words."""
    import jieba

    path = Path(jieba.__file__).parent / "analyse" / "idf.txt"
    text = path.read_text(encoding="utf-8")
    fields = text.split()
    table: dict[str, float]
    lines = text.count("\n") + (not text.endswith("\n"))
    if len(fields) == 2 * lines:  # every line is "word idf": convert the columns at once
        table = dict(zip(fields[0::2], map(float, fields[1::2]), strict=True))
    else:
        table = {}
        for line in text.splitlines():
            word, _, value = line.strip().partition(" ")
            if value:
                table[word] = float(value)
    values = sorted(table.values())
    return table, values[len(values) // 2]


def _idf_if_topic(word: str) -> float | None:
    """The IDF of a word that may be a keyword; None for one that may not."""
    if len(word) < 2 or word in lexicon.stopwords() or not KEYWORD_FORM.match(word):
        return None
    pos = tokens.tag_table().get(word)
    if pos in NON_TOPIC_TAGS or (pos is None and len(word) < MIN_UNKNOWN_KEYWORD):  # guesses like "由市"
        return None
    table, median = idf_table()
    return table.get(word, median)


# A word's verdict depends on the word alone (the shipped tables do not change): remembered for the
# vocabulary of a run, forgotten when this many words are held (unknown words keep coming).
MAX_REMEMBERED_WORDS = 200_000
_IDF_SEEN: dict[str, float | None] = {}
_UNSEEN = object()


def top_keywords(words: list[str], k: int = TOP_K) -> list[str]:
    """The ``k`` words of highest TF-IDF among ``words`` (first mention breaks ties)."""
    counts = Counter(words)  # insertion order is the order of first mention
    seen = _IDF_SEEN
    if len(seen) > MAX_REMEMBERED_WORDS:
        seen.clear()
    kept: list[tuple[float, int, str]] = []
    for rank, (w, n) in enumerate(counts.items()):
        idf = seen.get(w, _UNSEEN)
        if idf is _UNSEEN:
            idf = seen[w] = _idf_if_topic(w)
        if idf is not None:
            kept.append((-n * idf, rank, w))
    kept.sort()
    return [w for _, _, w in kept[:k]]
