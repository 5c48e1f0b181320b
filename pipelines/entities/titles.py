"""The title phrase printed right before a name: "示范区(高新区)党工委书记、管委会主任"."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from . import lexicon, tokens
from .organizations import find_organizations
from .spans import DIVISION_CHARS

# Where a title phrase cannot reach across: sentence and clause punctuation, quotes, spaces.
# "、" is not here: it joins the posts of one person ("市委副书记、市长").
BOUNDARY = re.compile(r"[,，。;；:：!！?？“”\"‘’《》\s]")

# Tokens that end an organisation or unit inside a title ("党工委", "办事处", "宣教中心").
UNIT_END = re.compile(
    r"(?:委|委会|会|局|厅|处|部|院|办|中心|政府|公司|集团|组|队|街道|办事处|区|市|省|县|镇|乡|村|"
    r"支部|校|所|站|社|行|协会|党组|室|科|庭|团|馆|署|企业|单位|机构|工会|大学|学院|医院|银行|厂|党)$"
)

# What joins two titles of one person ("市委副书记、市长").
TITLE_JOINT = "、"
# Tokens allowed inside a title phrase whatever their part of speech.
TITLE_FILLERS = frozenset(
    {"、", "(", ")", "（", "）", "副", "常务", "第一", "原", "名誉", "执行", "驻", "兼", "党", "正"}
)

# Parts of speech that never belong to a title phrase (prepositions, conjunctions, particles,
# adverbs, pronouns); verbs only when common, a rare "verb" being part of a name ("宣教中心").
STOP_TAGS = frozenset({"p", "c", "u", "uj", "ul", "uz", "ud", "ug", "uv", "d", "r", "ad", "a", "y", "e", "o"})
VERB_TAGS = frozenset({"v", "vn", "vd", "vg", "vi", "vq"})
RARE_VERB_FREQ = 200

# A short note in brackets between a post and the name ("副县长（挂职）", "主任(兼)"): part of the title.
POST_NOTE = re.compile(r"[(（][\u4e00-\u9fff]{1,6}[)）]")
# What a bracketed note says to place a person in a photo ("左二", "前排中"): not a title's part.
PHOTO_PLACE = re.compile(r"[前后]排[左右中]?[一二三四五六七八九十\d]?|[左右中][一二三四五六七八九十\d]?")

# Longest title phrase kept (characters).
MAX_TITLE = 40


@cache
def _post_pattern() -> re.Pattern[str]:
    alternatives = sorted(lexicon.posts(), key=len, reverse=True)
    return re.compile("(?:" + "|".join(map(re.escape, alternatives)) + ")$")


def _allowed(token: str, right: str | None) -> bool:
    """May ``token`` be part of a title phrase, given the token to its right?"""
    if token in TITLE_FILLERS or token in lexicon.posts() or _post_pattern().search(token):
        return True
    if right == TITLE_JOINT:  # left of "、" ends a title, not a name ("军长李大山、师长")
        return False
    if right is not None and _place_of_unit(token, right):  # "修武" + "县委书记", "村" + "党支部"
        return True
    if UNIT_END.search(token) and len(token) >= 2:
        return True
    pos = tokens.tag(token)
    if pos in STOP_TAGS:
        return False
    if pos in ("ns", "nt", "j"):  # place names and organisation abbreviations ("市政协")
        return True
    if pos in ("nz", "nr", "n", "m", "b", "f", "s", "l", "i", None) or pos in VERB_TAGS:
        # a plain word counts only as the proper part of a unit: "宣教" + "中心", "李万" + "街道"
        if pos in VERB_TAGS and tokens.freq(token) >= RARE_VERB_FREQ:
            return False
        return right is not None and (bool(UNIT_END.search(right)) or right in ("(", "（"))
    return False


def _place_of_unit(token: str, right: str) -> bool:
    """Is ``token`` the place whose body ``right`` names: a place of the gazetteer, or its short
    name that the division's character completes ("博爱" + "县委"), or a lone division character
    before a body ("村" + "党支部")?"""
    if token in DIVISION_CHARS:
        return bool(UNIT_END.search(right))
    return lexicon.is_place(token) or (right[0] in DIVISION_CHARS and lexicon.is_place(token + right[0]))


def title_before(text: str, end: int) -> str | None:
    """The title phrase that ends at ``text[end]`` (just before a name), or None.

    The phrase must end with a known post; it grows leftwards over units, posts and "、" joints
    until a clause boundary or an ordinary word.
    """
    note = _note_ending_at(text, end)
    if note:  # "副县长（挂职）": the title before the note, and the note
        title = title_before(text, end - len(note))
        return title + note if title and not PHOTO_PLACE.fullmatch(note[1:-1]) else title
    window = text[max(0, end - MAX_TITLE) : end]
    bounds = [m.end() for m in BOUNDARY.finditer(window)]
    return _title_of_clause(window[bounds[-1] :] if bounds else window)


def note_after_post(text: str, pos: int) -> str:
    """The bracketed note at ``text[pos]`` right after a post ("（挂职）"), else ""."""
    m = POST_NOTE.match(text, pos)
    return m.group(0) if m and not lexicon.is_place(m.group(0)[1:-1]) else ""


def _note_ending_at(text: str, end: int) -> str:
    """The bracketed note that ends right before ``text[end]`` (a post's, see ``note_after_post``)."""
    if text[end - 1 : end] not in (")", "）"):  # most titles: no note to look for
        return ""
    for n in range(3, 9):
        if end - n >= 0 and POST_NOTE.fullmatch(text, end - n, end):
            return note_after_post(text, end - n)
    return ""


@lru_cache(maxsize=4096)
def _title_of_clause(clause: str) -> str | None:
    """The title phrase ending ``clause`` (the same leaders' titles recur from page to page)."""
    post = _post_pattern().search(clause)
    if not post:
        return None
    pieces = tokens.cut(clause)
    kept: list[str] = []
    for i in range(len(pieces) - 1, -1, -1):
        right = kept[0] if kept else None
        if not _allowed(pieces[i], right):
            break
        kept.insert(0, pieces[i])
    phrase = "".join(kept).lstrip("、)）")
    phrase = _balance_brackets(phrase)
    if not phrase or not _post_pattern().search(phrase) or len(phrase) < len(post.group(0)):
        phrase = post.group(0)  # "外卖小哥", not "小哥"; "非遗传承人", which jieba cuts across
    by_body = _body_and_post(clause, post.group(0))
    return by_body if len(by_body) > len(phrase) else phrase


def _body_and_post(clause: str, post: str) -> str:
    """The post with the body named right before it ("市发展改革委" + "主任", "市自然资源和规划局" +
    "局长"), which the title phrase stops short of when jieba cuts the body's name into words a
    title does not take; "" when no body ends there."""
    before = clause[: len(clause) - len(post)]
    if not UNIT_END.search(before):
        return ""
    words = tokens.cut(before)
    bodies = [o for o in find_organizations(words, tokens.tags_of(words)) if before.endswith(o)]
    return max(bodies, key=len) + post if bodies else ""


def _balance_brackets(phrase: str) -> str:
    """Drop a leading fragment left with an unmatched closing bracket."""
    depth = 0
    cut_at = 0
    for i, ch in enumerate(phrase):
        if ch in "(（":
            depth += 1
        elif ch in ")）":
            depth -= 1
            if depth < 0:
                cut_at, depth = i + 1, 0
    return phrase[cut_at:]
