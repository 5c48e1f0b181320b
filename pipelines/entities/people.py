"""People named in a story, each with the titles printed right before the name.

Rules, strongest first (each reported in provenance):

1. ``title-before-name``  a post ends right before a name: "市委副书记、市长徐衣显".
2. ``leader-list``        names listed after "区领导", "参加会议的有": "刘春明、冯利民、许海玲".
3. ``comrade``            "焦裕禄同志".
4. ``name-before-post``   a name right before an office: "王小平书记".
5. ``list-with-known``    a "、" list holding a confirmed name: "吕沛、宫卫红带队".
6. ``known-name``         bare mentions of names confirmed in this run: "吕沛一行".
7. ``person-verb``        a name-shaped token jieba marks as a name or does not know, followed
                          by what people do ("说", "表示", "一行", "带队"); a three-character
                          unknown one also between punctuation, "和", "、" and the like.

Names from rules 1-3 are strong: they join the run's dictionary. A weak candidate that the text
also uses as part of a company, place or project ("金沙社区", "明仁产业集群") is dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from . import lexicon, names, tokens
from .titles import title_before

# What follows a word that names a thing, not a person: "金沙社区", "明仁产业集群", "蒙牛公司".
NOT_PERSON_AFTER = re.compile(
    r"(?:社区|公司|集团|产业|集群|项目|工厂|厂|村|路|街|大道|小区|花园|广场|医院|学校|大学|学院|中学|小学|"
    r"幼儿园|镇|乡|店|品牌|乳业|科技|股份|有限|银行|酒店|宾馆|景区|公园|园区|园|基地|站|桥|河|湖|山|港|"
    r"超市|药业|牌|号|街道|片区|新城|湿地|工程|板块|模式|精神|体|式)"
)

# Triggers of a list of officials' names.
LEADER_LIST_TRIGGER = re.compile(
    r"(?:(?:省|市|县|区|镇|乡|村|校|院|厅|局|公司|集团|部)领导(?:班子成员)?|班子成员|"
    r"(?:参加|出席|陪同|参与)[\u4e00-\u9fff]{0,8}的(?:还|领导)?有)[:：]?"
)

# What people do right after their name (the next jieba token).
PERSON_NEXT = lexicon.words(
    "说 表示 指出 强调 要求 认为 介绍 告诉 称 说道 坦言 透露 回忆 感慨 笑着说 一行 同志 先生 女士 "
    "主持 出席 参加 带队 带领 率领 率 调研 视察 考察 看望 慰问 会见 会晤 会谈 接见 宣布 致辞 讲话 "
    "发表 获得 荣获 当选 担任 出任 签署 访问 抵达 来到 前往 陪同 希望 建议 提出 听取 深入 察看 "
    "查看 了解 主持召开 分别 一同 代表 作 作了 对 向 告诉记者 创办 创建 发明 带头 组织 负责 分管 从事 "
    "毕业 出生 生于 退休 牺牲 去世 逝世 夺得 获 赢得 打破 接受 说明 解释 回答 补充 高兴 激动 笑 指着"
)

# Jieba tags for names in its dictionary.
NAME_TAGS = frozenset({"nr", "nrfg", "nrt"})

# Part-of-speech tags of a two-character prefix that make "prefix + one more character" an
# unlikely name ("满意度", "高度评价"); nouns stay allowed ("王家" in "王家鹏").
NON_NAME_PREFIX_TAGS = frozenset({"v", "vn", "vd", "a", "ad", "an", "d", "p", "c", "r", "m", "q", "u"})

LIST_SEPARATOR = "、"

# Tokens that may stand right before / after a name guessed by jieba (besides punctuation).
BEFORE_PERSON = lexicon.words(
    "和 与 及 同 跟 由 对 向 给 让 请 叫 派 陪同 会见 看望 慰问 据 是 为 把 被 以及 还有"
)
AFTER_PERSON = lexicon.words(
    "和 与 及 等 在 是 也 都 就 还 又 已 曾 正在 将 则 便 却 对 把 被 向 从 为 带着 今年 已经 的"
)
# Words that join items of a list: a two-character guess there may be a company ("明仁、卓立等").
LIST_WORDS = lexicon.words("等 的 和 与 及")
# Surnames that are far more often function words: "都认真", "于一体", "和职能部门".
FUNCTION_SURNAMES = frozenset("于和向都由")
# A two-character word jieba tags as a name yet uses this often is an ordinary word ("文明", "智慧").
COMMON_NR_FREQ = 300
# Shortest foreign name taken on a verb of saying alone, and endings that make a word a place.
FOREIGN_NAME_MIN = 3
PLACE_ENDING = re.compile(r"[省市县区镇乡村州国岛山河湖江]$")
# Verbs of saying, after which even a name of foreign shape is a person ("奥巴马表示").
SPEECH_VERBS = lexicon.words("说 表示 指出 强调 认为 介绍 称 透露 坦言 说道 宣布 回忆")
# Single characters after which a name may start although they are Chinese characters.
BEFORE_PERSON_CHARS = names.BEFORE_NAME_CHARS
# Everyday roles ("村民", "记者") follow a name only by chance ("张三村民" is rare): no name-before-post.
ROLE_WORDS = lexicon.words(
    "村民 居民 市民 农民 群众 工人 职工 员工 教师 老师 学生 医生 护士 民警 警官 辅警 交警 消防员 志愿者 "
    "环卫工人 网格员 驾驶员 司机 老人 老党员 党员 游客 患者 家长 演员 歌手 运动员 教练 教练员 选手 冠军 "
    "作家 画家 书法家 专家 律师 记者 代表 委员 负责人 创始人 博士"
)


@dataclass
class PeopleResult:
    """Found people in order of first mention, their titles, and the rules that fired."""

    titles: dict[str, list[str]] = field(default_factory=dict)
    strong: set[str] = field(default_factory=set)
    rules: list[str] = field(default_factory=list)

    def add(self, name: str, rule: str, title: str | None = None, strong: bool = False) -> None:
        entry = self.titles.setdefault(name, [])
        if title and title not in entry:
            entry.append(title)
        if strong:
            self.strong.add(name)
        if rule not in self.rules:
            self.rules.append(rule)

    def records(self) -> list[dict]:
        return [{"name": n, "titles": list(t)} for n, t in self.titles.items()]


@cache
def _post_regex() -> re.Pattern[str]:
    alternatives = sorted(lexicon.posts(), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, alternatives)))


def plausible_name(name: str, known: set[str]) -> bool:
    """Name-shaped, and neither an ordinary word nor an ordinary word plus one character."""
    if name in known:
        return True
    if not names.has_name_shape(name) or names.is_common_word(name):
        return False
    prefix = name[:2]
    return not (len(name) == 3 and tokens.is_word(prefix) and tokens.tag(prefix) in NON_NAME_PREFIX_TAGS)


def _thing_after(text: str, end: int) -> bool:
    return bool(NOT_PERSON_AFTER.match(text, end))


def _title_rule(text: str, known: set[str], out: PeopleResult) -> None:
    for m in _post_regex().finditer(text):
        n = names.name_length_at(text[m.end() : m.end() + 6], known)
        if not n:
            continue
        name = text[m.end() : m.end() + n]
        if not plausible_name(name, known) or _thing_after(text, m.end() + n):
            continue
        out.add(name, "title-before-name", title_before(text, m.end()), strong=True)


def _read_list(text: str, pos: int, known: set[str]) -> list[tuple[str, int]]:
    """Names separated by "、" starting at ``pos``: [(name, start), …]; stops at the first non-name."""
    found: list[tuple[str, int]] = []
    while True:
        n = names.name_length_at(text[pos : pos + 6], known)
        name = text[pos : pos + n]
        if not n or not plausible_name(name, known) or _thing_after(text, pos + n):
            break
        found.append((name, pos))
        pos += n
        if text[pos : pos + 1] != LIST_SEPARATOR:
            break
        pos += 1
    return found


def _leader_list_rule(text: str, known: set[str], out: PeopleResult) -> None:
    for m in LEADER_LIST_TRIGGER.finditer(text):
        for name, _ in _read_list(text, m.end(), known):
            out.add(name, "leader-list", strong=True)


def _comrade_rule(text: str, known: set[str], out: PeopleResult) -> None:
    for m in re.finditer("同志", text):
        name = names.name_ending_at(text[max(0, m.start() - 4) : m.start()], known)
        if name and plausible_name(name, known):
            out.add(name, "comrade", strong=True)


def _lists_with_known(text: str, known: set[str], out: PeopleResult) -> None:
    """Whole "、" lists of name-shaped items where at least one item is a confirmed person."""
    confirmed = known | set(out.titles)
    for m in re.finditer(r"[\u4e00-\u9fff]{2,4}(?:、[\u4e00-\u9fff]{2,4})+", text):
        start = m.start()
        # the list starts after a boundary, or right after a confirmed name's title
        items = _read_list(text, start, confirmed)
        if len(items) < 2 or not any(name in confirmed for name, _ in items):
            continue
        if start > 0 and names.is_cjk(text[start - 1]) and items[0][0] not in confirmed:
            continue
        for name, _ in items:
            out.add(name, "list-with-known")


def _known_mentions(text: str, known: set[str], out: PeopleResult) -> None:
    for name in sorted(known - set(out.titles), key=len, reverse=True):
        for m in re.finditer(re.escape(name), text):
            if names.name_length_at(text[m.start() : m.start() + 6], known) != len(name):
                continue
            if not _thing_after(text, m.end()):
                out.add(name, "known-name")
                break


def _is_mark(word: str) -> bool:
    """Punctuation, a space or the edge of the text."""
    return not any(names.is_cjk(c) for c in word)


def _context(prev: str, nxt: str, strength: str) -> bool:
    """Does a candidate between ``prev`` and ``nxt`` stand where a person's name stands?

    ``strict``: only before what people do. ``guess`` (a full-length name jieba guessed): also
    after a lead-in word ("由", "叫") or between lead-ins, list marks and punctuation.
    ``short-guess`` (a two-character unknown word): after a mark or lead-in and before a word
    people are the subject of ("在", "和").
    """
    if nxt in PERSON_NEXT:
        return True
    before_ok = prev in BEFORE_PERSON or _is_mark(prev)
    if strength == "guess":
        return prev in BEFORE_PERSON or (before_ok and (nxt in AFTER_PERSON or _is_mark(nxt)))
    if strength == "short-guess":
        lead_in = prev in BEFORE_PERSON or (_is_mark(prev) and prev != LIST_SEPARATOR)
        return lead_in and nxt in AFTER_PERSON and nxt not in LIST_WORDS
    return False


def _candidates(toks: list[tokens.Token]) -> list[tuple[str, int, int]]:
    """(word, index of first token, index of last token): every token, and a lone surname token
    joined with the short token after it (jieba's "吴" + "天明")."""
    out = [(t.text, i, i) for i, t in enumerate(toks)]
    for i in range(len(toks) - 1):
        head, tail = toks[i].text, toks[i + 1].text
        if len(head) == 1 and names.surname_length(head) == 1 and 1 <= len(tail) <= names.MAX_GIVEN:
            out.append((head + tail, i, i + 1))
    return out


def _person_verb_rule(text: str, toks: list[tokens.Token], known: set[str], out: PeopleResult) -> None:
    """Name-shaped words in a person's place (see ``_context``); names jieba's dictionary holds
    that do not look Chinese ("奥巴马") only before what people do."""
    for word, first, last in _candidates(toks):
        if word in out.titles or word in known or not word.strip():
            continue
        prev = toks[first - 1].text if first > 0 else "。"
        nxt = toks[last + 1].text if last + 1 < len(toks) else "。"
        pos = tokens.tag(word) if first == last else None
        full_length = len(word) - names.surname_length(word) == names.MAX_GIVEN
        if word[0] in FUNCTION_SURNAMES or (
            pos in NAME_TAGS and len(word) == 2 and tokens.freq(word) >= COMMON_NR_FREQ
        ):
            ok = False
        elif first != last or pos is None or pos in NAME_TAGS:
            if names.has_name_shape(word):
                strength = "guess" if full_length else ("short-guess" if pos is None else "strict")
                ok = plausible_name(word, known) and _context(prev, nxt, strength)
            else:
                foreign = first == last and 3 <= len(word) <= 5 and all(names.is_cjk(c) for c in word)
                ok = foreign and (pos in NAME_TAGS or nxt in SPEECH_VERBS) and _context(prev, nxt, "strict")
        else:  # a foreign name jieba mistakes for a place: "奥巴马表示"
            ok = (
                pos == "ns"
                and len(word) >= FOREIGN_NAME_MIN
                and nxt in SPEECH_VERBS
                and word not in lexicon.places()
                and not PLACE_ENDING.search(word)
            )
        if ok and not any(_thing_after(text, m.end()) for m in re.finditer(re.escape(word), text)):
            out.add(word, "person-verb")


def _name_before_post_rule(text: str, known: set[str], out: PeopleResult) -> None:
    """ "江泽民主席", "王小平书记": a name right before an office post (not an everyday role)."""
    for m in _post_regex().finditer(text):
        if m.group(0) in ROLE_WORDS or m.start() < 2:
            continue
        name = names.name_ending_at(text[max(0, m.start() - 4) : m.start()], known)
        if not name or name in out.titles or not plausible_name(name, known):
            continue
        start = m.start() - len(name)
        if start > 0 and names.is_cjk(text[start - 1]) and text[start - 1] not in BEFORE_PERSON_CHARS:
            continue
        out.add(name, "name-before-post")


def find_people(text: str, toks: list[tokens.Token], known: set[str]) -> PeopleResult:
    """People of ``text`` (bylines already blanked); ``toks`` is its jieba cut."""
    out = PeopleResult()
    _title_rule(text, known, out)
    _leader_list_rule(text, known, out)
    _comrade_rule(text, known, out)
    _name_before_post_rule(text, known, out)
    _person_verb_rule(text, toks, known | out.strong, out)
    _lists_with_known(text, known, out)
    _known_mentions(text, known | out.strong, out)
    first_seen = {name: _first_index(text, name) for name in out.titles}
    out.titles = dict(sorted(out.titles.items(), key=lambda kv: first_seen[kv[0]]))
    return out


def _first_index(text: str, name: str) -> int:
    i = text.find(name)
    return i if i >= 0 else len(text)
