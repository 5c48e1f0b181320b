"""Place names: the gazetteer's divisions (and short forms), plus villages, communities and
towns recognised by their suffix ("马范桥村", "金沙社区", "文昌街道")."""

from __future__ import annotations

import re
from itertools import compress, repeat
from operator import eq

from . import lexicon
from .spans import joined_division

# Suffixes that turn the words before them into a place: village, community, town, street office.
PLACE_SUFFIX = re.compile(r"(?:村|社区|街道|镇|乡|新区|开发区|产业集聚区|湖|河|山)$")
PLACE_SUFFIX_TOKENS = frozenset({"村", "社区", "街道", "镇", "乡"})
MAX_PLACE_CHARS = 8
# The proper part before a suffix is at most this long ("大北张" + "村").
MAX_STEM = 4
MAX_STEM_TOKENS = 3
# Single characters that often end a village's proper name: "湖", "庄", "桥", "张".
SINGLE_CHAR_STEM_TAGS = frozenset({"n", "ng", "nr", "ns", "nz", "s", "f"})
# Words that name kinds of places rather than one place.
GENERIC = lexicon.words(
    "农村 乡村 城乡 乡镇 村镇 社区 街道 城镇 新村 本村 该村 全村 各村 各乡镇 全乡 全镇 城中村 城区 老城区 新城区 "
    "中心城区 市区 县城 辖区 园区 片区 全市 全省 全县 全区"
)
# Tags of words that can be the proper part before "村", "社区": names, places, unknown words.
STEM_TAGS = frozenset({"nr", "nrfg", "nrt", "ns", "nz", None})
# A division's short name followed by these is part of a street or school's name ("玉溪路小学").
NOT_PLACE_AFTER = re.compile(r"(?:路|街|大道|大街|巷|小学|中学|大学|学院|宾馆|酒店|公司|集团)")


def _stem_part(word: str, pos: str | None) -> bool:
    """Can ``word`` (tagged ``pos``) be part of a village's or community's proper name?"""
    if not all("\u4e00" <= ch <= "\u9fff" for ch in word):
        return False
    return pos in STEM_TAGS or (len(word) == 1 and pos in SINGLE_CHAR_STEM_TAGS)


def _village(words: list[str], tags: list[str | None], i: int) -> str | None:
    """The place that the suffix token ``words[i]`` ("村", "社区") ends, grown over its stem."""
    first, size = i, 0
    while first > 0 and i - first < MAX_STEM_TOKENS and _stem_part(words[first - 1], tags[first - 1]):
        size += len(words[first - 1])
        if size > MAX_STEM:
            break
        first -= 1
    stem = "".join(words[first:i])
    return stem + words[i] if 2 <= len(stem) <= MAX_STEM else None


def find_places(words: list[str], tags: list[str | None]) -> list[str]:
    """Places named in the token stream, in order, each once."""
    gazetteer = lexicon.places()
    out: list[str] = []
    if len(tags) != len(words):
        raise ValueError("one tag per word")
    # gazetteer, suffix and tag tests over the whole token list at C speed, in token order
    positions = range(len(words))
    hits = {*compress(positions, map(gazetteer.__contains__, words))}
    hits.update(compress(positions, map(PLACE_SUFFIX_TOKENS.__contains__, words)))
    hits.update(i for i in compress(positions, map(eq, tags, repeat("ns"))) if len(words[i]) >= 3)
    for i in sorted(hits):
        word = words[i]
        name = None
        if word in gazetteer:
            following = words[i + 1] if i + 1 < len(words) else ""
            name = None if NOT_PLACE_AFTER.match(following) or joined_division(words, i) else word
        elif word in PLACE_SUFFIX_TOKENS:
            name = _village(words, tags, i) if i > 0 else None
        elif PLACE_SUFFIX.search(word):
            name = word
        if name and name not in GENERIC and name not in out:
            out.append(name)
    return out
