"""Grow a name leftwards from a suffix token ("有限公司", "社区") over the tokens that make it up."""

from __future__ import annotations

from . import lexicon, tokens

# Parts of speech that never sit inside an organisation's or a place's name.
STOP_TAGS = frozenset(
    {"p", "c", "u", "uj", "ul", "uz", "ud", "ug", "uv", "d", "r", "ad", "y", "e", "o", "q", "zg"}
)
VERB_TAGS = frozenset({"v", "vd", "vi", "vq", "vg"})
# Verbs that are commonly part of a company's or an institution's name.
NAME_INNER_VERBS = lexicon.words(
    "制造 开发 建设 管理 服务 发展 投资 研究 设计 保护 教育 培训 运营 生产 销售 检测 监督 印刷 加工 装备 "
    "物流 经营 咨询 科技 贸易 工业 置业 传媒 建筑 实验 改革 接待 保障 交易 监测 治理 救助 促进 孵化 "
    "质量 安全 卫生 养老 指导 结算 创业 创新 审计 信访 监察 统计 税务 规划 执法 仲裁 检验"
)
# Rare verbs are usually misread proper names ("宣教中心"); common ones end the name.
RARE_VERB_FREQ = 200


def _inside(word: str, pos: str | None) -> bool:
    if not any("\u4e00" <= ch <= "\u9fff" for ch in word):
        return False
    if pos in STOP_TAGS:
        return False
    return not (pos in VERB_TAGS and word not in NAME_INNER_VERBS and tokens.freq(word) >= RARE_VERB_FREQ)


# "和" inside a body's name joins its two fields ("人力资源和社会保障局", "发展和改革委员会").
INNER_JOINERS = frozenset({"和"})
# Tags of the field before such a "和": a noun or a verb of the trade.
FIELD_TAGS = frozenset({"n", "vn", "l", "nz"})


def joins_fields(left: str, pos: str | None) -> bool:
    """Is ``left`` a field of work ("住房", "发展"), not a body of its own ("教育局" + "和" + …)?"""
    return (pos in FIELD_TAGS or left in NAME_INNER_VERBS) and not left.endswith(BODY_ENDINGS)


# Last characters of a body's name: a word ending with one is a body, not a field.
BODY_ENDINGS = tuple("局委会厅部院办所站司处室心组校馆厂社行店队团")
# Characters of a division that begin the names of its bodies ("县委", "市政府", "村党支部").
DIVISION_CHARS = "省市县区镇乡村"
# Words that join two bodies; jieba may glue one to the division that starts the second ("和县").
BODY_JOINERS = "和与及"


def joined_division(words: list[str], j: int) -> bool:
    """Is ``words[j]`` a joining word glued to the division character that starts a body's name,
    right after another body ("农村局" + "和县" + "科技局"; not the county "和县" itself)?"""
    word = words[j]
    return (
        len(word) == 2
        and word[0] in BODY_JOINERS
        and word[1] in DIVISION_CHARS
        and j > 0
        and words[j - 1].endswith(BODY_ENDINGS)
    )


def grow_left(
    words: list[str], tags: list[str | None], index: int, max_chars: int, max_tokens: int = 8
) -> int:
    """Index of the first token of the name ending with ``words[index]``."""
    first = index
    chars = len(words[index])
    depth = 0  # brackets seen while walking left: keep "(焦作市第二人民医院)" whole
    while first > 0 and index - first < max_tokens:
        word = words[first - 1]
        if word in ")）":
            depth += 1
        elif word in "(（":
            if depth == 0:
                break
            depth -= 1
        elif word in INNER_JOINERS and first > 1 and joins_fields(words[first - 2], tags[first - 2]):
            pass  # "住房" + "和" + "城乡建设局": one body's two fields
        elif not _inside(word, tags[first - 1]):
            break
        if chars + len(word) > max_chars:
            break
        chars += len(word)
        first -= 1
    while first < index and words[first] in ("(", ")", "（", "）"):  # no dangling bracket at the start
        first += 1
    return first
