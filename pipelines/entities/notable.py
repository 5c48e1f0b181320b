"""Well-known persons, found with no cue around them: "学习雷锋", "巴金的作品", "屈原杯龙舟赛".

``pipelines/data/notable_people.txt`` lists people a reader of the Chinese press knows by name:
leaders, martyrs and models of work, figures of history, writers, artists, scientists, athletes
and foreign statesmen. A listed name is taken where jieba's cut starts and ends a word with it
(one word or a few pieces: "焦" + "裕禄"), so "陈云" is not read in "陈云南", nor a listed
two-character name in a longer name jieba splits ("王楠" + "楠"). Where the name is the first part
of a place or a body named after the person ("中山路", "宋庆龄基金会"), no person is taken; a
doctrine, a spirit or a prize still names the person ("雷锋精神", "鲁迅文学奖"), also where jieba
holds it as one word.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import compress
from operator import itemgetter

from . import lexicon, namechars, names, tokens
from .candidates import NAMED_AFTER_ENDINGS
from .foreign import DOTS

TABLE = "notable_people.txt"
# How many words of jieba's cut a listed name may span ("焦" + "裕禄").
MAX_PIECES = 3
# What makes a listed name the first part of a place, a body or a vessel named after the person.
NAMESAKE_AFTER = re.compile(
    r"(?:路|街|大道|广场|公园|中学|小学|大学|学院|医院|基金会|公司|集团|机场|号|舰|站|桥|市|县|镇|乡|村)"
)
# Given-name score (``namechars``) of a character that would continue a two-character name.
GIVEN_CHAR_SCORE = 1.0


@cache
def notable_people() -> frozenset[str]:
    return frozenset(lexicon.data_lines(TABLE))


@cache
def _longest() -> int:
    return max(map(len, notable_people()))


@cache
def _starts() -> frozenset[str]:
    """Every start of a listed name, the name included: the words a mention may begin with."""
    return frozenset(name[:n] for name in notable_people() for n in range(1, len(name) + 1))


def _name_goes_on(name: str, next_word: str) -> bool:
    """Does the word after a two-character name continue it: one character, or a piece jieba
    coined, starting with a given name's character ("王楠" + "楠", "李鹏" + "飞说"; not "孔子" +
    "的", "雷锋" + "精神")?"""
    if len(name) != 2 or not next_word or (len(next_word) > 1 and tokens.is_word(next_word)):
        return False
    first = next_word[0]
    return first not in names.AFTER_NAME_CHARS and namechars.given_score(first) >= GIVEN_CHAR_SCORE


# Endings of one word jieba holds that names something after a listed person ("雷锋精神"; a spirit
# is named after any hero, unlike after a name jieba merely tags as one: "崇高精神").
NAMED_AFTER_WORD_ENDINGS = (*NAMED_AFTER_ENDINGS, "精神")
NAMED_AFTER_TAILS = frozenset(ending[-2:] for ending in NAMED_AFTER_WORD_ENDINGS)


def _named_after(word: str, table: frozenset[str]) -> str | None:
    """The listed name a word is named after: "雷锋" of "雷锋精神", "鲁迅" of "鲁迅文学奖"."""
    for ending in NAMED_AFTER_WORD_ENDINGS:
        if word.endswith(ending) and word[: -len(ending)] in table:
            return word[: -len(ending)]
    return None


def notable_names(words: list[str]) -> list[str]:
    """The listed names in ``words`` (jieba's cut of a text), each once, where the cut starts and
    ends a word with it or holds it before a named-after ending (the caller orders them)."""
    table, starts, longest = notable_people(), _starts(), _longest()
    found: list[str] = []
    # the word tests run over the whole token list at C speed; the rest on the few hits
    for i in compress(
        range(len(words)), map(NAMED_AFTER_TAILS.__contains__, map(itemgetter(slice(-2, None)), words))
    ):
        named_after = _named_after(words[i], table)  # "雷锋精神", which jieba holds as one word
        if named_after and named_after not in found:
            found.append(named_after)
    for i in compress(range(len(words)), map(starts.__contains__, words)):
        if i > 0 and words[i - 1][-1:] in DOTS:
            continue  # the last part of a longer dotted name ("亚历山大·克瓦希涅夫斯基")
        joined = ""
        for k in range(i, min(i + MAX_PIECES, len(words))):
            joined += words[k]
            if len(joined) > longest:
                break
            if joined not in table:
                continue
            next_word = words[k + 1] if k + 1 < len(words) else ""
            after = next_word + (words[k + 2] if k + 2 < len(words) else "")
            namesake = NAMESAKE_AFTER.match(after) is not None or after[:1] in DOTS
            if not namesake and not _name_goes_on(joined, next_word) and joined not in found:
                found.append(joined)
            break
    return found


def name_at(text: str, start: int) -> str | None:
    """The longest listed name that starts at ``text[start]`` (right after a post: "领导人金正日",
    where 日 would end a name read by its characters at 金正), else None."""
    table = notable_people()
    for n in range(min(_longest(), len(text) - start), 1, -1):
        if text[start : start + n] in table:
            return text[start : start + n]
    return None
