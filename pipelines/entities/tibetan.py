"""Tibetan personal names: two or three of the usual name parts in a row ("次仁卓玛", "扎西多吉").

Tibetan names are built from a small stock of parts (``pipelines/data/tibetan_name_parts.txt``),
each written with two or three Chinese characters and none of them a surname, so the surname
rules never see them. Two or three parts in a row, starting where jieba's cut starts a word (or
after a mark), make a name, unless a place or a body follows ("…村", "…公司"). One part alone is
no name: "扎西德勒" is a greeting, "格桑花" a flower.
"""

from __future__ import annotations

from functools import cache
from itertools import accumulate
from operator import itemgetter

from . import lexicon
from .candidates import thing_after

TABLE = "tibetan_name_parts.txt"
MIN_PARTS, MAX_PARTS = 2, 3


@cache
def name_parts() -> frozenset[str]:
    return frozenset(lexicon.data_lines(TABLE))


@cache
def _part_lengths() -> tuple[int, ...]:
    return tuple(sorted({len(p) for p in name_parts()}, reverse=True))


def _part_at(text: str, pos: int) -> int:
    """Length of the name part starting at ``text[pos]``, or 0."""
    parts = name_parts()
    return next((n for n in _part_lengths() if text[pos : pos + n] in parts), 0)


def name_at(text: str, pos: int) -> str | None:
    """The Tibetan name starting at ``text[pos]`` (after a title, say), or None."""
    end, count = pos, 0
    while count < MAX_PARTS and (n := _part_at(text, end)):
        end, count = end + n, count + 1
    return text[pos:end] if count >= MIN_PARTS and not thing_after(text, end) else None


def tibetan_names(text: str, words: list[str]) -> list[str]:
    """Tibetan names of ``text`` (``words``: its jieba cut), in order of first mention."""
    parts = name_parts()
    heads = list(map(itemgetter(slice(0, 2)), words))  # a name's first part starts a word
    if parts.isdisjoint(heads) and parts.isdisjoint(words):
        return []  # most texts: decided at C speed
    found: list[str] = []
    end = 0  # where the last name read ends: no name starts inside it
    for start, word in zip(accumulate(map(len, words), initial=0), words, strict=False):
        if start < end or not (word in parts or word[:2] in parts):
            continue
        name = name_at(text, start)
        if name:
            end = start + len(name)
            if name not in found:
                found.append(name)
    return found
