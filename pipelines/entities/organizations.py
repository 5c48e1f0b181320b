"""Organisations: companies, agencies and institutions ("焦作市耀晖电气设备制造有限公司", "河南省审计厅")."""

from __future__ import annotations

import re
from itertools import compress, repeat

from . import lexicon, names
from .spans import INNER_JOINERS, grow_left, joined_division, joins_fields

# A token ending with one of these ends an organisation's name.
ORG_SUFFIXES = lexicon.words(
    "有限责任公司 股份有限公司 有限公司 公司 集团 委员会 大学 学院 医院 研究院 研究所 中心 银行 学校 小学 中学 "
    "幼儿园 办事处 协会 学会 商会 联合会 联谊会 工委 管委会 政府 法院 检察院 派出所 合作社 基金会 工厂 出版社 "
    "报社 电视台 研究会 促进会 俱乐部 事务所 党校 工会 联社 科学院 局 厅 委 部 署 院 厂"
)
ORG_SUFFIX = re.compile("(?:" + "|".join(sorted(ORG_SUFFIXES, key=len, reverse=True)) + ")$")
# One-character heads end an organisation alone or inside a longer word ("厅", "审计局"), not
# inside a two-character word ("全局", "格局", "干部").
SHORT_HEAD_MIN_TOKEN = 3
MAX_ORG_CHARS = 28
# Generic heads too vague to be an organisation on their own ("有关部门", "创新中心").
VAGUE = lexicon.words(
    "部门 单位 中心 公司 集团 政府 学校 医院 银行 企业 局 厅 部 委 厂 工厂 有关部门 相关部门 各部门"
)
MIN_ORG_CHARS = 4
# Words before which an organisation's name starts (the word itself is not part of it).
LEAD_INS = lexicon.words("入驻 当属 力争 代表 单位 由 在 到 与 和 及 对 向 为 从 把 被 将 是 的")
# Prepositions that jieba may glue to the first word of a name ("到区", "由市"); the words joining
# two bodies it glues the same way ("和县") are ``spans.BODY_JOINERS``.
LEADING_PREPOSITIONS = "由到在对向从把被将"


# Last characters of the suffixes: a token ending otherwise is no head (a set look-up before the regex).
_HEAD_LAST = tuple(sorted({suffix[-1] for suffix in ORG_SUFFIXES}))


def _is_head(word: str) -> bool:
    m = ORG_SUFFIX.search(word)
    if not m:
        return False
    return word == m.group(0) or len(m.group(0)) > 1 or len(word) >= SHORT_HEAD_MIN_TOKEN


def _start(words: list[str], tags: list[str | None], first: int, index: int) -> int:
    """Move the start past lead-in words and names of people ("冯利民代表区党工委")."""
    for j in range(index - 1, first - 1, -1):
        word = words[j]
        is_person = tags[j] in ("nr", "nrfg") and names.has_name_shape(word)
        if word in INNER_JOINERS and j > first and joins_fields(words[j - 1], tags[j - 1]):
            continue  # "住房和城乡建设局"
        if word in LEAD_INS or (is_person and j < index - 1):
            return j + 1
        if len(word) == 2 and word[0] in LEADING_PREPOSITIONS and tags[j] is None:
            return j  # "记者" + "从市" + "发展改革委": the name starts after the glued preposition
        if joined_division(words, j):
            return j  # "农村局" + "和县" + "科技局": "和" joins two bodies, "县" starts the second
    return first


def find_organizations(words: list[str], tags: list[str | None]) -> list[str]:
    """Organisations named in the token stream, in order, each once."""
    out: list[str] = []
    ends_like_head = map(str.endswith, words, repeat(_HEAD_LAST))  # a cheap test at C speed first
    heads = [i for i in compress(range(len(words)), ends_like_head) if _is_head(words[i])]
    for i in heads:
        first = _start(words, tags, grow_left(words, tags, i, MAX_ORG_CHARS), i)
        name = "".join(words[first : i + 1])
        if len(name) > MIN_ORG_CHARS and (name[0] in LEADING_PREPOSITIONS or joined_division(words, first)):
            name = name[1:]
        if first == i and tags[i] != "nt":
            continue
        if len(name) >= MIN_ORG_CHARS and name not in VAGUE and name not in out:
            out.append(name)
    return _drop_inner(out, "".join(words))


def _drop_inner(found: list[str], text: str) -> list[str]:
    """Drop a name only ever printed as the start of a longer one ("中国建筑第七工程局" of
    "中国建筑第七工程局有限公司")."""
    keep = []
    for name in found:
        outer = [other for other in found if other != name and other.startswith(name)]
        if outer and text.count(name) <= sum(text.count(other) for other in outer):
            continue
        keep.append(name)
    return keep
