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
    table: dict[str, float] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            word, _, value = line.strip().partition(" ")
            if value:
                table[word] = float(value)
    values = sorted(table.values())
    return table, values[len(values) // 2]


def top_keywords(words: list[str], k: int = TOP_K) -> list[str]:
    """The ``k`` words of highest TF-IDF among ``words`` (first mention breaks ties)."""
    table, median = idf_table()
    stop = lexicon.stopwords()
    tag_of = tokens.tag_table().get
    counts = Counter(words)  # insertion order is the order of first mention
    kept: list[tuple[float, int, str]] = []
    for rank, (w, n) in enumerate(counts.items()):
        if len(w) < 2 or w in stop or not KEYWORD_FORM.match(w):
            continue
        pos = tag_of(w)
        if pos in NON_TOPIC_TAGS or (pos is None and len(w) < MIN_UNKNOWN_KEYWORD):  # guesses like "由市"
            continue
        kept.append((-n * table.get(w, median), rank, w))
    kept.sort()
    return [w for _, _, w in kept[:k]]
