"""Transliterated names read on the text, not on jieba's cut: "守门员塔法雷尔、", "中锋谢苗诺娃退役".

jieba splits a transliteration it does not hold into pieces ("塔" + "法雷尔", "贡" + "萨尔" +
"维斯"), so these are found as runs of the transliteration tables' characters (``foreign``):

- a run of three to seven table characters holding a foreign mark (a rarer character may end it:
  "谢苗诺娃", "卡尔波夫"), not a word jieba holds under a non-name tag ("伊斯兰"), not a foreign or
  Chinese place (``pipelines/data/world_places.txt``, the gazetteer), nor after one ("德国多特蒙德"),
  nor before what a place or a club is ("…队", "…公司"), nor after a word that leads to a place
  ("在", "来自");
- standing where a person stands: right after a role or a post ("前锋", "老将", "总统"), after
  a mark and right before what people do ("，琼斯表示"), or as a clause's subject: after a mark
  or a lead-in ("的", "让") and before a subject's word or a verb ("插上的奥尔特加起左脚"), not one
  word before an organisation's ending ("…出版集团");
- or before a form of address ("布福德先生", "威廉先生"), with no foreign mark needed;
- or in a list ("、", "和") with such a name or one other rules found: "前锋贝贝托、埃德蒙多、罗纳尔多
  和罗马里奥", "卡洛斯·热尔马诺和迪达".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import accumulate

from . import foreign, lexicon, names, tokens
from .candidates import NAME_TAGS

# Shortest and longest run read as a name; a list item joined to a name may be shorter ("迪达").
RUN_MIN, RUN_MAX = 3, 7
LISTED_MIN = 2
_TABLE = "".join(sorted(foreign.TRANSLIT_CHARS))
_ENDS = "".join(sorted(foreign.DOTTED_ONLY_CHARS))
RUN = re.compile(rf"[{_TABLE}]{{2,{RUN_MAX}}}[{_ENDS}]?")
# Characters after which a clause's subject may start ("的奥尔特加起脚", "让卡洛斯上场").
SUBJECT_LEAD_INS = frozenset("的让叫对与和是向给把被由同跟据请")
# Marks and words that join items of a list.
LIST_JOINERS = ("、", "和", "及", "与")


def _country(word: str) -> bool:
    return lexicon.world_places().get(word, False)


def _is_place(word: str) -> bool:
    return (
        word in lexicon.world_places()
        or word in lexicon.places()
        or any(word + unit in lexicon.places() for unit in "市县")  # "库尔勒" of "库尔勒市"
        or (tokens.tag(word) == "ns" and tokens.is_word(word))
    )


def _place_ending_at(text: str, end: int) -> bool:
    """Does a foreign or Chinese place name end right before ``text[end]`` ("德国|多特蒙德")?"""
    return any(_is_place(text[end - n : end]) for n in range(2, 6) if end - n >= 0)


def _word_after(text: str, end: int) -> str:
    return (tokens.cut(text[end : end + 6]) or [""])[0]


# What an organisation's name ends with, one word after the name it bears ("…出版集团").
ORG_ENDING = re.compile(r"公司|集团|俱乐部|基金会|银行|研究所|大学|学院")


def _org_after(text: str, end: int, after: str) -> bool:
    """Does an organisation's ending follow the word after ``text[:end]`` ("波利格拉菲奇|出版|集团")?"""
    return len(after) >= 2 and ORG_ENDING.match(text, end + len(after)) is not None


def _role_before(text: str, start: int) -> bool:
    """A role ("前锋", "老将"), a nationality ("波兰人") or a post right before ``text[start]``?"""
    if start > 0 and text[start - 1] in foreign.ROLE_LAST_CHARS:
        return True
    return foreign.nationality_before(text, start) or lexicon.post_ends_at(text, start)


def _candidate(text: str, start: int, end: int, need_mark: bool = True) -> str | None:
    """The run ``text[start:end]`` when it may be a person's name, else None; ``need_mark``:
    only with a foreign mark or as a transliterated name jieba holds."""
    run = text[start:end]
    if not LISTED_MIN <= len(run) <= RUN_MAX:
        return None
    if need_mark and not foreign.reads_foreign(run) and tokens.tag(run) != "nrt":
        return None  # no foreign mark, and not a transliterated name jieba holds ("莱昂纳德")
    if tokens.is_word(run) and tokens.tag(run) not in NAME_TAGS:
        return None  # "伊斯兰", "法西斯", "布鲁塞尔"
    if foreign.starts_with_everyday_word(run):
        return None  # "基本特" of "基本特征"
    if run in lexicon.foreign_brands():
        return None
    if _is_place(run) or foreign.PLACE_LIKE_ENDING.search(run):
        return None
    if start > 0 and (text[start - 1] in foreign.DOTS or _place_ending_at(text, start)):
        return None
    if text[end : end + 1] in foreign.DOTS or foreign.THING_AFTER_FOREIGN.match(text, end):
        return None
    if any(text[max(0, start - len(w)) : start] == w for w in foreign.BEFORE_PLACE):  # "在布鲁塞尔"
        return None
    return run


# A run of table characters before a form of address: a person whatever its characters
# ("布福德先生", "威廉先生").
ADDRESSED_RUN = re.compile(rf"[{_TABLE}{_ENDS}]{{2,{RUN_MAX}}}(?=先生|女士|夫人|小姐)")


def _may_be_name(run: str) -> bool:
    """A quick test before a run is cut: a foreign mark in it, or a start jieba holds as a
    transliterated name ("莱昂纳德" of "莱昂纳德夫妇")."""
    if foreign.reads_foreign(run):
        return True
    return any(tokens.tag(run[:n]) == "nrt" for n in range(LISTED_MIN, len(run) + 1))


# How far before a position jieba's cut is read to tell whether a word starts there.
CUT_LEFT = 4


def _cut_around(text: str, start: int, end: int) -> tuple[list[str], list[int], int]:
    """jieba's cut of ``text`` from a little before ``start`` to ``end``: the words, where each
    starts (relative to the window) and where the window begins."""
    left = max(0, start - CUT_LEFT)
    words = tokens.cut(text[left:end])
    return words, list(accumulate(map(len, words), initial=0)), left


def _starts_word(text: str, start: int) -> bool:
    """Does jieba's cut of the text around ``text[start]`` start a word there?"""
    _, bounds, left = _cut_around(text, start, start + RUN_MAX)
    return start - left in bounds


def _addressed_runs(text: str) -> list[tuple[int, int]]:
    """Runs before a form of address that start where jieba's cut (read past the address) starts
    a word and hold no ordinary word ("博得" of "一心要博得温先生")."""
    out = []
    for m in ADDRESSED_RUN.finditer(text):
        start, end = m.start(), m.end()
        words, bounds, left = _cut_around(text, start, end + 2)
        if start - left not in bounds:  # not "斯拉" + "夫人" of "南斯拉夫人民"
            continue
        inside = [w for w, b in zip(words, bounds, strict=False) if start - left <= b < end - left]
        if not any(len(w) > 1 and tokens.is_word(w) and tokens.tag(w) not in NAME_TAGS for w in inside):
            out.append((start, end))
    return out


def _runs(text: str) -> list[tuple[int, int]]:
    """Maximal runs of table characters; a country that starts one is cut off ("巴西|弗拉明戈")."""
    out = []
    for m in RUN.finditer(text):
        start, end = m.start(), m.end()
        for n in range(min(5, end - start - 2), 1, -1):
            if _country(text[start : start + n]):
                start += n
                break
        out.append((start, end))
    return out


def run_names(text: str, person_next: frozenset[str], named: Iterable[str] = ()) -> list[str]:
    """Transliterated names of ``text`` read as runs of table characters (see the module);
    ``named`` are the names other rules found, which anchor lists as the runs found here do."""
    spans = {(m.start(), m.end()) for n in named if n for m in re.finditer(re.escape(n), text)}
    found: dict[tuple[int, int], str] = {}
    listed: dict[tuple[int, int], str] = {}
    for start, end in _runs(text):
        if not _may_be_name(text[start:end]):
            continue  # most runs are Chinese words of table characters: no cut needed
        if not _starts_word(text, start):  # "斯拉夫" of "南斯拉夫", "里基本" of "家里基本上"
            continue
        end = start + len(foreign.snap_to_cut(text, start, text[start:end]))  # not "…德夫" of "夫妇"
        name = _candidate(text, start, end)
        if name is None:
            continue
        before = text[start - 1 : start] if start > 0 else "。"
        after = _word_after(text, end)
        alone = len(name) >= RUN_MIN
        if _org_after(text, end, after):
            continue
        # the subject of a clause: "，罗马里奥在记者招待会上说", "插上的奥尔特加起左脚"
        lead_in = (not names.is_cjk(before) and before != "、") or before in SUBJECT_LEAD_INS
        subject = lead_in and (after in foreign.SUBJECT_NEXT or tokens.tag(after) == "v")
        said = not names.is_cjk(before) and after in person_next
        if alone and (_role_before(text, start) or said or subject):
            found[(start, end)] = name
        elif before in LIST_JOINERS or after[:1] in LIST_JOINERS:
            listed[(start, end)] = name
    for start, end in _addressed_runs(text):
        name = _candidate(text, start, end, need_mark=False)
        if name is not None:
            found.setdefault((start, end), name)
    # list items joined to a name, or to an item so joined, are names too
    anchors = spans | set(found)
    grew = True
    while grew and listed:
        grew = False
        for (start, end), name in list(listed.items()):
            if any(_joined(text, e, start) or _joined(text, end, s) for s, e in anchors):
                found[(start, end)] = name
                anchors.add((start, end))
                del listed[(start, end)]
                grew = True
    return [found[k] for k in sorted(found)]


def _joined(text: str, end: int, start: int) -> bool:
    """Is ``text[end:start]`` only a list joiner ("、", "和")?"""
    return 0 <= end <= start and text[end:start] in LIST_JOINERS
