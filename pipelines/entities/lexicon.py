"""Word lists shipped under ``pipelines/data/``, loaded once and cached."""

from __future__ import annotations

from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

# Administrative suffixes whose removal still leaves a name a paper prints alone ("河南省" -> "河南").
ADMIN_SUFFIXES = (
    "特别行政区",
    "维吾尔自治区",
    "壮族自治区",
    "回族自治区",
    "自治区",
    "省",
    "市",
    "地区",
    "盟",
)


def words(text: str) -> frozenset[str]:
    """A set of words written inline, separated by spaces (for short rule tables)."""
    return frozenset(text.split())


def data_lines(name: str) -> list[str]:
    """Non-empty, non-comment lines of a data file."""
    text = (DATA_DIR / name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@cache
def surnames() -> tuple[frozenset[str], frozenset[str]]:
    """(single-character surnames, two-character surnames)."""
    words = data_lines("surnames.txt")
    return frozenset(w for w in words if len(w) == 1), frozenset(w for w in words if len(w) == 2)


@cache
def posts() -> frozenset[str]:
    """Posts and roles that may stand right before a person's name."""
    return frozenset(data_lines("person_posts.txt"))


@cache
def _longest_post() -> int:
    return max(map(len, posts()))


def post_ends_at(text: str, end: int) -> bool:
    """Does a post or role end right before ``text[end]`` ("会长" + "根本二郎")?"""
    table = posts()
    return any(text[end - n : end] in table for n in range(2, min(end, _longest_post()) + 1))


@cache
def stopwords() -> frozenset[str]:
    return frozenset(data_lines("stopwords_news.txt"))


@cache
def places() -> frozenset[str]:
    """Official names of divisions, their short forms, Taiwan's cities and counties and the
    districts of Hong Kong and Macao, and Jiaozuo's local names."""
    out: set[str] = set()
    for line in data_lines("gazetteer_cn.tsv"):
        code, _, name = line.partition("\t")
        out.add(name)
        is_upper_level = code.endswith("00")  # province or prefecture: short form is in everyday use
        for suffix in ADMIN_SUFFIXES:
            stem = name[: -len(suffix)]
            if name.endswith(suffix) and len(stem) >= 2 and is_upper_level:
                out.add(stem)
                break
    out.update(data_lines("gazetteer_tw_hk_mo.txt"))
    out.update(data_lines("gazetteer_jiaozuo.txt"))
    return frozenset(out)


@cache
def world_places() -> dict[str, bool]:
    """Foreign countries, regions and cities, each with whether it is a country or region
    (``world_places.txt``)."""
    rows = [line.split("\t") for line in data_lines("world_places.txt")]
    return {row[0]: row[1:] == ["country"] for row in rows}


def is_place(word: str) -> bool:
    """A Chinese division in the gazetteer or a foreign place of ``world_places``."""
    return word in places() or word in world_places()


@cache
def foreign_brands() -> frozenset[str]:
    """Foreign companies, brands, prizes and clubs written in transliteration characters."""
    return frozenset(data_lines("foreign_brands.txt"))
