"""Names read from lists: officials after "区领导" or "参加…的有", "、" lists of name-shaped items,
lists holding a name found otherwise, and numbered items ("（１）希拉克（２）朱佩").

Each rule adds to a ``PeopleResult`` under its provenance name (see ``people``):
``leader-list`` (strong), ``name-list``, ``list-with-known`` and ``enumerated``.
"""

from __future__ import annotations

import re
from itertools import pairwise

from . import foreign, lexicon, namechars, names, tokens
from .candidates import NAME_TAGS, PeopleResult, plausible_name, starts_after_boundary, thing_after
from .titles import title_before

# Triggers of a list of officials' names.
LEADER_LIST_TRIGGER = re.compile(
    r"(?:(?:(?:省|市|县|区|镇|乡|村|校|院|厅|局|公司|集团|部)领导(?:班子成员)?|班子成员)(?:还有|有|包括)?|"
    r"(?:参加|出席|陪同|参与)[\u4e00-\u9fff]{0,8}的(?:还|领导)?有)[:：]?"
)

LIST_SEPARATOR = "、"


# How far a list item jieba's dictionary holds as a name may reach (characters).
LONGEST_HELD_ITEM = 6


def _dictionary_item(text: str, pos: int) -> str | None:
    """The list item at ``pos`` when jieba's dictionary holds it as a person's name ("李四光" and
    "熊十力" have characters the shape test refuses; "欧阳予倩"), ending where the list goes on
    ("、"), a mark, or a word that closes a name ("等", "和")."""
    if not names.surname_length(text[pos : pos + 2]):
        return None
    for n in range(LONGEST_HELD_ITEM, 1, -1):
        item, after = text[pos : pos + n], text[pos + n : pos + n + 1]
        if len(item) == n and names.closes_name(after) and tokens.tag(item) in NAME_TAGS:
            return item
    return None


def _foreign_item(text: str, pos: int) -> str | None:
    """The list item at ``pos`` when it is wholly made of transliteration characters ("德尼尔森、
    多里瓦、…": in a list with a person, no foreign mark is needed), ending where the list goes
    on, a mark, or a word that closes a name; not a place."""
    run = foreign.table_run_at(text, pos)[: foreign.MAX_RUN]
    after = text[pos + len(run) : pos + len(run) + 1]
    if len(run) < foreign.MIN_RUN or lexicon.is_place(run):
        return None
    return run if names.closes_name(after) else None


# Marks after a list item that end it where it is: a later item may then be a surname and an
# everyday noun ("郭建国、刘森林，").
ITEM_CLOSERS = frozenset("、，。；")


def _read_list(text: str, pos: int, known: set[str], foreign_items: bool = False) -> list[tuple[str, int]]:
    """Names separated by "、" starting at ``pos``: [(name, start), …]; stops at the first non-name.
    With ``foreign_items``, whole transliterated names count as items too."""
    found: list[tuple[str, int]] = []
    while True:
        held = _dictionary_item(text, pos) or (_foreign_item(text, pos) if foreign_items else None)
        n = len(held) if held else names.name_length_at(text[pos : pos + 6], known)
        name = text[pos : pos + n]
        closed = found and text[pos + n : pos + n + 1] in ITEM_CLOSERS  # "郭建国、刘森林，"
        if not n or not (held or plausible_name(name, known, vouched=closed)) or thing_after(text, pos + n):
            break
        found.append((name, pos))
        pos += n
        if text[pos : pos + 1] != LIST_SEPARATOR:
            break
        pos += 1
    return found


def leader_list_rule(text: str, known: set[str], out: PeopleResult) -> None:
    for m in LEADER_LIST_TRIGGER.finditer(text):
        for name, _ in _read_list(text, m.end(), known):
            out.add(name, "leader-list", strong=True)


def lists_with_known(text: str, known: set[str], out: PeopleResult) -> None:
    """Whole "、" lists of name-shaped items where at least one item is a found person."""
    confirmed = known | set(out.titles)
    for m in re.finditer(r"[\u4e00-\u9fff]{2,6}(?:、[\u4e00-\u9fff]{2,6})+", text):
        first_end = text.index(LIST_SEPARATOR, m.start())
        # the first item starts after a boundary ("像齐白石、…"), or right after a confirmed
        # name's title
        items: list[tuple[str, int]] = []
        for begin in range(m.start(), first_end - 1):
            if (
                not names.surname_length(text[begin : begin + 2])
                and text[begin] not in foreign.TRANSLIT_CHARS
            ):
                continue  # no name starts here
            items = _read_list(text, begin, confirmed, foreign_items=True)
            if items and items[0][1] + len(items[0][0]) == first_end:
                break
            items = []
        if len(items) < 2 or not any(name in confirmed for name, _ in items):
            continue
        start = items[0][1]
        if items[0][0] not in confirmed and not starts_after_boundary(text, start):
            continue
        # a title right before the list is all its people's ("副市长郭建国、刘森林")
        first_titles = out.titles.get(items[0][0], [])
        shared = title_before(text, start) if first_titles else None
        for name, _ in items:
            out.add(name, "list-with-known", shared if shared in first_titles else None)


# Everyday words jieba holds this often under another tag than a name are no list item's name.
GAP_WORD_FREQ = 100


def _gap_name(item: str) -> bool:
    """Is a list item standing between found names shaped as a name, judged loosely (the list
    already says what it holds): a surname and one or two given characters none of which a given
    name never holds, a compound surname and one or two ("司徒华"), or two surnames and a two-character
    given name ("梁刘柔芬"); not a place and no everyday word."""
    sl = names.surname_length(item)
    if not sl:
        return False
    given = item[sl:]
    if len(item) == 4 and sl == 1 and names.surname_length(given) == 1:
        given = given[1:]  # a married woman's two surnames
    if not 1 <= len(given) <= names.MAX_GIVEN or any(ch in names.NEVER_GIVEN_CHARS for ch in given):
        return False
    if lexicon.is_place(item) or foreign.PLACE_LIKE_ENDING.search(item):
        return False
    tag = tokens.tag(item)
    return tag is None or tag in NAME_TAGS or tokens.freq(item) < GAP_WORD_FREQ


def list_gaps_rule(text: str, out: PeopleResult) -> None:
    """Items of a "、" list that stand between found people, with the list's marks on both sides
    ("李柱铭、杨森、刘千石、涂谨申": 杨森 and 刘千石): the list says they are people, so their
    characters are judged loosely (``_gap_name``)."""
    if len(out.titles) < 2 or text.count(LIST_SEPARATOR) < 2:
        return  # no list of three items between two found people
    for first, items, last in _item_chains(text):
        gap: list[str] = []  # the unfound items since the last found one
        opened = _ends_with_found(first, out)
        for item in [*items, None]:  # None: the text after the last mark closes the list
            found = _starts_with_found(last, out) if item is None else item in out.titles
            if found:
                if opened:
                    for name in gap:
                        out.add(name, "between-listed")
                gap, opened = [], True
            elif opened and item is not None and _gap_name(item):
                gap.append(item)
            else:
                gap, opened = [], False


# Longest item between two list marks that may be a name (a compound surname and a given name).
LONGEST_ITEM = 6


def _item_chains(text: str) -> list[tuple[str, list[str], str]]:
    """Runs of "、" items: (the text before the first mark, the items between marks, the text after
    the last mark) for every run of at least one item of two to six Chinese characters."""
    marks = [m.start() for m in re.finditer(LIST_SEPARATOR, text)]
    chains: list[tuple[str, list[str], str]] = []
    items: list[str] = []
    start = 0

    def close(end: int) -> None:  # the run's last mark is at ``end``
        chains.append(
            (text[max(0, start - LONGEST_ITEM) : start], items, text[end + 1 : end + 1 + LONGEST_ITEM])
        )

    for a, b in pairwise(marks):
        item = text[a + 1 : b]
        if 2 <= len(item) <= LONGEST_ITEM and all(map(names.is_cjk, item)):
            if not items:
                start = a
            items.append(item)
        elif items:
            close(a)
            items = []
    if items:
        close(marks[-1])
    return chains


def _ends_with_found(item: str, out: PeopleResult) -> bool:
    return any(item.endswith(name) for name in out.titles)


def _starts_with_found(item: str, out: PeopleResult) -> bool:
    return any(item.startswith(name) for name in out.titles)


# Numbered items: "（１）希拉克（２）朱佩（３）若斯潘", "①霍华德②基廷③博尔格".
ENUMERATOR = r"(?:[（(][0-9０-９一二三四五六七八九十]{1,2}[）)]|[①-⑳])"
ENUMERATED = re.compile(rf"{ENUMERATOR}([\u4e00-\u9fff·]{{2,12}})(?={ENUMERATOR}|[^\u4e00-\u9fff·]|$)")
# Longest numbering mark between two items ("（１０）").
MAX_ENUMERATOR = 4


def enumerated_rule(text: str, known: set[str], out: PeopleResult) -> None:
    """Numbered items that are all names, where one is a found person or most are names jieba
    holds or transliterations: "（１）希拉克（２）朱佩（３）若斯潘"."""
    items = [(m.group(1), m.start(1), m.end()) for m in ENUMERATED.finditer(text)]
    runs: list[list[str]] = []  # items that follow each other
    last_end = -1
    for item, start, end in items:
        if runs and start - last_end <= MAX_ENUMERATOR:
            runs[-1].append(item)
        else:
            runs.append([item])
        last_end = end
    found = known | set(out.titles)
    for run in runs:
        if len(run) < 2 or not all(_name_like(item, found) for item in run):
            continue
        vouched = sum(
            item in found or tokens.tag(item) in NAME_TAGS or foreign.is_foreign_run(item) for item in run
        )
        if any(item in found for item in run) or 2 * vouched >= len(run):
            out.add_new(run, "enumerated")


def _name_like(item: str, found: set[str]) -> bool:
    """Is a list item a person's name by its shape: found, a Chinese name, a transliteration, a
    dotted name, or a name jieba holds?"""
    if item in found or tokens.tag(item) in NAME_TAGS:
        return True
    if any(dot in item for dot in foreign.DOTS):  # a dotted name
        return all(re.split(f"[{foreign.DOTS}]", item))
    if all(ch in foreign.TRANSLIT_CHARS or ch in foreign.DOTTED_ONLY_CHARS for ch in item):
        return not lexicon.is_place(item)
    return plausible_name(item, found) and not tokens.is_word(item)


# What closes a short list of names ("王强、李静等人", "崔永明、王小红夫妇").
LIST_CLOSERS = re.compile(r"(?:等人|等同志|夫妇|两人|二人|三人|等[一二三四五六七八九十\d]+人)")
# Joining words before the last item of a list ("张丽和赵刚").
LAST_ITEM_JOINERS = "和与及"
MIN_BARE_LIST = 3
# Lowest name score of each of two names listed alone ("师从许勇、王义胜，").
PAIR_MIN_SCORE = 4.0


def _list_after_boundary(text: str, start: int, first_end: int, known: set[str]) -> list[tuple[str, int]]:
    """The names of a "、" list whose first item ends at ``first_end``, read from where a boundary
    lets the first item start ("分别由秦文君、沈石溪…" starts after 由, "有高士奇、…" after 有)."""
    if not names.surname_length(text[first_end + 1 : first_end + 3]):
        return []  # the second item is no name: no list of names
    for begin in range(start, first_end - 1):
        if not names.surname_length(text[begin : begin + 2]) or not starts_after_boundary(text, begin):
            continue  # the first item starts with a surname, after a boundary, not inside a word
        items = _read_list(text, begin, known)
        if items and items[0][1] + len(items[0][0]) == first_end:
            return items
    return []


def name_list_rule(text: str, known: set[str], out: PeopleResult) -> None:
    """Lists of name-shaped items: three or more, or two closed by "等人" and the like."""
    for m in re.finditer(r"[\u4e00-\u9fff]{2,4}(?:、[\u4e00-\u9fff]{2,4})+", text):
        items = _list_after_boundary(text, m.start(), text.index(LIST_SEPARATOR, m.start()), known)
        if not items:
            continue
        end = items[-1][1] + len(items[-1][0])
        if text[end : end + 1] in LAST_ITEM_JOINERS:
            last = _read_list(text, end + 1, known)[:1]
            if last and not names.is_cjk(text[end + 1 + len(last[0][0]) : end + 2 + len(last[0][0])] or "。"):
                items += last
        closed = bool(LIST_CLOSERS.match(text, end))
        # two items alone: both must read as names by their characters and end at a mark
        pair = (
            len(items) == 2
            and not names.is_cjk(text[end : end + 1] or "。")
            and all(namechars.name_score(n, names.surname_length(n)) >= PAIR_MIN_SCORE for n, _ in items)
        )
        if len(items) >= MIN_BARE_LIST or (closed and len(items) >= 2) or pair:
            for name, _ in items:
                out.add(name, "name-list")
