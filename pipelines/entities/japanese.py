"""Japanese persons' names: a Japanese family name and a given name of one to three characters
("岸田文雄", "桥本龙太郎", "石川一成先生").

Many of these family names are Chinese words or places too ("田中", "石川", "中村"), so a name is
read only where the text speaks of Japan shortly before it, "叫" introduces it, a post comes
right before it ("社长铃木一郎"), or a post or a form of address follows it ("…先生", "…首相"). The given name ends where a word, a mark or a character that follows names
begins; a three-character given name must end as Japanese given names do ("郎", "雄", "子").
"""

from __future__ import annotations

import re
from functools import cache

from . import lexicon, names, tokens

# How far before a name the text may speak of Japan (characters).
JAPAN_WINDOW = 15
JAPAN = re.compile(r"日本|日方|东京|日相|日驻")
# Characters no Japanese given name holds: particles and pronouns ("道" and "年" it may).
NON_GIVEN_CHARS = frozenset("的了是在和与及或等个们这那其此该各每某我你他她它说将被把对向从于也都就还又不没")
# Last characters of three-character Japanese given names.
LONG_GIVEN_ENDINGS = frozenset("郎夫雄子男彦介助三一二树美惠代江之也哉平太治人司史明博正弘宏")
# A given name that is this frequent a word is that word ("田中" + "耕作"; "一成" is rarer).
COMMON_GIVEN_FREQ = 1000
# Characters after which a name may start although they are Chinese characters.
LEAD_IN_CHARS = names.BEFORE_NAME_CHARS | frozenset("叫")
# Words that introduce a name ("一个叫津田康道的老人").
NAMING_WORDS = ("名叫", "名为", "叫做")
# What may follow a Japanese name: a form of address or a post (besides the ones of ``posts``).
AFTER_JAPANESE = ("先生", "女士", "小姐", "君", "氏", "首相", "外相", "藏相", "社长", "会长")


@cache
def _surnames() -> tuple[str, ...]:
    """Japanese family names, longest first."""
    return tuple(sorted(lexicon.data_lines("japanese_surnames.txt"), key=len, reverse=True))


@cache
def _surname_regex() -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, _surnames())))


def _post_at(text: str, pos: int) -> bool:
    posts = lexicon.posts()
    return text.startswith(AFTER_JAPANESE, pos) or any(text[pos : pos + n] in posts for n in (2, 3, 4))


def _ends_here(text: str, pos: int) -> bool:
    """Can a name end right before ``text[pos]``?"""
    if pos >= len(text) or not names.is_cjk(text[pos]):
        return True
    if text[pos] in names.AFTER_NAME_CHARS or text[pos] == "的" or _post_at(text, pos):
        return True
    return any(tokens.is_word(text[pos : pos + n]) for n in (2, 3, 4))


def _starts_here(text: str, start: int) -> bool:
    """Can a name start at ``text[start]``: after a mark, a lead-in character or a word?"""
    if start == 0 or not names.is_cjk(text[start - 1]) or text[start - 1] in LEAD_IN_CHARS:
        return True
    return names.word_ends_at(text, start)


def japanese_names(text: str) -> list[tuple[str, int]]:
    """Japanese names in ``text`` with their starts (see the module)."""
    found: list[tuple[str, int]] = []
    for m in _surname_regex().finditer(text):
        start = m.start()
        if not _starts_here(text, start):
            continue  # inside a word ("稻田中")
        name = _name_from(text, start, m.end())
        if not name:
            continue
        about_japan = JAPAN.search(text, max(0, start - JAPAN_WINDOW), start) is not None
        named = text[max(0, start - 2) : start] in NAMING_WORDS or text[start - 1 : start] == "叫"
        end = start + len(name)
        if about_japan or named or _post_at(text, end) or lexicon.post_ends_at(text, start):
            found.append((name, start))
    return found


def _name_from(text: str, start: int, given_at: int) -> str | None:
    """The longest Japanese name of the family name ``text[start:given_at]`` and a given name that
    ends where a name can end, else None."""
    for length in (3, 2, 1):
        given = text[given_at : given_at + length]
        end = given_at + length
        if len(given) < length or not all(map(names.is_cjk, given)):
            continue
        if any(ch in NON_GIVEN_CHARS for ch in given):
            continue
        if length == 3 and given[-1] not in LONG_GIVEN_ENDINGS:
            continue
        if tokens.freq(given) >= COMMON_GIVEN_FREQ or not _ends_here(text, end):
            continue  # "田中" + "耕作"
        return text[start:end]
    return None


def name_at(text: str, start: int) -> str | None:
    """The Japanese name starting at ``text[start]`` (right after a post: "学者石川一成先生"), else None."""
    m = _surname_regex().match(text, start)
    return _name_from(text, start, m.end()) if m else None
