"""The one jieba segmentation every extractor shares, plus dictionary look-ups.

jieba is initialised lazily and quietly on first use. Its global dictionary is never changed
for good: names confirmed on a page are lent to it for the length of one cut (``cut``) and
taken back, so what a text yields depends on that text and the names passed with it only,
never on what was cut before (a run killed and resumed, or re-extracted, gives the same tokens).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from functools import cache
from itertools import compress
from typing import Any

from crawler.tokens import segment

from . import lexicon

# Frequency a lent name gets in jieba's dictionary: high enough to beat the split of a name
# into surname + common word ("王家" + "鹏"), low enough not to swallow real words.
LEARNED_NAME_FREQ = 2000

# A string counts as an ordinary word when jieba's dictionary gives it at least this frequency.
COMMON_WORD_FREQ = 20

# Tags the shipped dictionary gets wrong ("周恩来" is tagged as a time word).
TAG_FIXES = "tag_fixes.tsv"
# Tag given to lent names while they are lent (jieba's tag for person names).
NAME_TAG = "nr"
# jieba's tags for persons' names: Chinese ones, and transliterated ones ("nrt").
NAME_TAGS = frozenset({"nr", "nrfg", "nrt"})

_ABSENT = object()


@cache
def _jieba() -> Any:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


@cache
def _tag_table() -> dict[str, str]:
    """jieba's part-of-speech tag per dictionary word (read from its shipped dict.txt)."""
    jieba = _jieba()
    with jieba.dt.get_dict_file() as fh:  # the shipped dictionary, opened in binary mode
        text = fh.read().decode("utf-8")
    fields = text.split()
    lines = text.count("\n") + (not text.endswith("\n"))
    if len(fields) == 3 * lines:  # every line is "word freq tag": slice the columns at once
        table = dict(zip(fields[0::3], fields[2::3], strict=True))
    else:
        table = {}
        for line in text.splitlines():
            parts = line.split()
            if len(parts) == 3:
                table[parts[0]] = parts[2]
    table.update(_tag_fixes())
    return table


def _tag_fixes() -> dict[str, str]:
    """Corrections to the dictionary's tags, shipped as ``pipelines/data/tag_fixes.tsv``."""
    return dict(line.split("\t", 1) for line in lexicon.data_lines(TAG_FIXES))


@cache
def _freq_table() -> dict[str, int]:
    return _jieba().dt.FREQ


def tag_table() -> dict[str, str]:
    """The tag table itself, for callers that look up every token (``table.get`` in a loop)."""
    return _tag_table()


def cut(text: str, names: Iterable[str] = ()) -> list[str]:
    """Segment ``text`` once (jieba, HMM on), with ``names`` kept whole as words for this cut only."""
    jieba = _jieba()
    lent = [n for n in names if n and n in text and freq(n) < LEARNED_NAME_FREQ]
    if not lent:
        return segment(text)
    dt = jieba.dt
    table = dt.FREQ
    saved: dict[str, object] = {}
    total = dt.total
    try:
        for name in lent:
            for i in range(1, len(name) + 1):
                saved.setdefault(name[:i], table.get(name[:i], _ABSENT))
            for i in range(1, len(name)):
                table.setdefault(name[:i], 0)  # a prefix jieba walks through to reach the name
            table[name] = LEARNED_NAME_FREQ
        dt.total = total + LEARNED_NAME_FREQ * len(lent)
        return segment(text)
    finally:
        for word, value in saved.items():
            if value is _ABSENT:
                table.pop(word, None)
            else:
                table[word] = value  # type: ignore[assignment]
        dt.total = total


def freq(word: str) -> int:
    """jieba dictionary frequency of ``word`` (0 when unknown or only a prefix)."""
    return _freq_table().get(word) or 0


def is_word(word: str) -> bool:
    return freq(word) >= COMMON_WORD_FREQ


def tag(word: str) -> str | None:
    """jieba part-of-speech tag of a dictionary word (``nr`` person, ``ns`` place, ``v`` verb…)."""
    return _tag_table().get(word)


def tags_of(words: list[str], names: Iterable[str] = ()) -> list[str | None]:
    """The tag of every word, lent ``names`` tagged as person names."""
    out = list(map(_tag_table().get, words))
    lent = set(names)
    if lent:
        for i in compress(range(len(words)), map(lent.__contains__, words)):
            out[i] = NAME_TAG
    return out
