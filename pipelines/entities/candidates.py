"""What every person rule shares: the result it adds to, and the tests a candidate name must pass."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import names, tokens

# What follows a word that names a thing, not a person: "金沙社区", "明仁产业集群", "蒙牛公司".
NOT_PERSON_AFTER = re.compile(
    r"(?!(?:大学|学院|中学|小学)毕业)"  # "王一鸣大学毕业后": a person's schooling
    r"(?:社区|公司|集团|产业|集群|项目|工厂|厂|村|路|街|大道|小区|花园|广场|医院|学校|大学|学院|中学|小学|"
    r"幼儿园|镇|乡|店|品牌|乳业|科技|股份|有限|银行|酒店|宾馆|景区|公园|园区|园|基地|站|桥|河|湖|山|港|"
    r"超市|药业|牌|号|街道|片区|新城|湿地|工程|板块|模式|精神|体|式)"
)

NAME_TAGS = tokens.NAME_TAGS

# What a doctrine, an award or a body of work named after a person ends with ("马克思主义",
# "邓小平理论", "鲁迅文学奖"): jieba holds these as one word, the person's name is its start.
NAMED_AFTER_ENDINGS = (
    "主义者",
    "主义",
    "思想",
    "理论",
    "文学奖",
    "著作",
    "故居",
    "纪念馆",
    "文集",
    "全集",
    "选集",
)

# Part-of-speech tags of a two-character prefix that make "prefix + one more character" an
# unlikely name ("满意度", "高度评价"); nouns stay allowed ("王家" in "王家鹏").
NON_NAME_PREFIX_TAGS = frozenset({"v", "vn", "vd", "a", "ad", "an", "d", "p", "c", "r", "m", "q", "u"})
# A three-character candidate whose first two characters are an ordinary word this frequent is that
# word plus a stray character ("群众利益放" gives "利益放"), not a name ("王家鹏": "王家" is rarer;
# a place word stays allowed: "韩国栋").
COMMON_PREFIX_FREQ = 3000


@dataclass
class PeopleResult:
    """Found people in order of first mention, their titles, and the rules that fired."""

    titles: dict[str, list[str]] = field(default_factory=dict)
    strong: set[str] = field(default_factory=set)
    rules: list[str] = field(default_factory=list)
    # names a weak rule found with name-like characters: shared with the page like strong ones
    shared: set[str] = field(default_factory=set)

    def add(
        self, name: str, rule: str, title: str | None = None, strong: bool = False, share: bool = False
    ) -> None:
        entry = self.titles.setdefault(name, [])
        if title and title not in entry:
            entry.append(title)
        if strong:
            self.strong.add(name)
        if share:
            self.shared.add(name)
        if rule not in self.rules:
            self.rules.append(rule)

    def add_new(self, found: list[str], rule: str, title: str | None = None) -> None:
        """Add the names a rule found that no earlier rule has."""
        for name in found:
            if name not in self.titles:
                self.add(name, rule, title)

    def copy(self) -> PeopleResult:
        titles = {n: list(t) for n, t in self.titles.items()}
        return PeopleResult(titles, set(self.strong), list(self.rules), set(self.shared))

    def confirmed(self) -> set[str]:
        """The names this text lends to others (the page's other articles, a corpus)."""
        return (self.strong | self.shared) & set(self.titles)

    def records(self) -> list[dict]:
        return [{"name": n, "titles": list(t)} for n, t in self.titles.items()]


def plausible_name(name: str, known: set[str], vouched: bool = False) -> bool:
    """Name-shaped, and neither an ordinary word nor an ordinary word plus one character.

    ``vouched``: where its place says it is a name (an item of a list of people closed by a mark,
    or right after an office and before a mark or an adverb), it may be a surname and an everyday
    noun ("副市长郭建国、刘森林，", "主帅王海军很满意").
    """
    if name in known:
        return True
    if not names.has_name_shape(name) or names.is_common_word(name) or function_char_plus_word(name):
        return False
    if not vouched and surname_and_noun(name):
        return False  # "路小学"
    prefix = name[:2]
    if len(name) != 3 or not tokens.is_word(prefix):
        return True
    pos = tokens.tag(prefix)
    if pos in NON_NAME_PREFIX_TAGS:
        return False
    return pos in NAME_TAGS or pos == "ns" or tokens.freq(prefix) < COMMON_PREFIX_FREQ  # "韩国栋"


def surname_and_noun(name: str) -> bool:
    """A surname-like character before an everyday noun ("路小学", "刘森林")."""
    return len(name) == 3 and tokens.tag(name[1:]) == "n" and tokens.freq(name[1:]) >= COMMON_PREFIX_FREQ


# A word this frequent that begins before a position and ends inside what follows it ("妇女" in
# "妇女儿童", "对于" in "对于污染") says the position is inside a word, not at the start of a title
# or a name ("女儿", "于污染"). Rare words ("长方" before "方明") do not count.
STRADDLING_WORD_FREQ = 1000
# Surname characters far more often function words ("都认真", "于一体", "和职能部门"): never guessed
# as a surname, and before an ordinary word taken as one only when a known name says so ("医师和专家").
FUNCTION_SURNAMES = frozenset("于和向都由来那位但")
# Surname characters that are adverbs as often ("曾高兴地说", "相衔接"): before an
# ordinary word they start no name either, but they are guessed as surnames elsewhere ("曾庆红").
ADVERB_SURNAMES = frozenset("曾相")
# Tags of the two-character word after such a character that make the pair no name: what is done,
# how, or a plain noun ("曾撰文").
ADVERB_WORD_TAGS = frozenset({"v", "vn", "vd", "a", "ad", "an", "b", "d", "n"})
# ...and of a single character after it: a verb or a preposition as common as "到", "是", "在"
# ("诗人曾到此"; "曾胜" is a name).
ADVERB_CHAR_TAGS = frozenset({"v", "p"})
ADVERB_CHAR_FREQ = 50000


def starts_inside_word(text: str, start: int, end: int) -> bool:
    """Is ``text[start]`` the inside of a frequent word that begins before it and ends before ``end``?"""
    for before in (1, 2):
        for after in range(1, max(1, end - start)):
            a, b = start - before, start + after
            if a >= 0 and b <= len(text) and tokens.freq(text[a:b]) >= STRADDLING_WORD_FREQ:
                return True
    return False


def ends_inside_word(text: str, end: int) -> bool:
    """Does the word ending at ``text[end]`` end inside a frequent word that its last character
    starts, with another word right after that one ("同学" of "同学习贯彻": 学习 | 贯彻; not "护士长"
    of "护士长江丽", where no word starts at 丽)?"""
    if end < 1 or tokens.freq(text[end - 1 : end + 1]) < STRADDLING_WORD_FREQ:
        return False
    return any(tokens.is_word(text[end + 1 : end + 1 + n]) for n in (2, 3) if end + 1 + n <= len(text))


def spans_two_words(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` only the end of one frequent word and the start of the next ("女儿" in
    "妇女儿童")? A title inside a longer name of an office is none ("部长" in "外交部长")."""
    if not starts_inside_word(text, start, end):
        return False
    last = end - 1
    return any(
        tokens.freq(text[last : last + k]) >= STRADDLING_WORD_FREQ for k in (2, 3) if last + k <= len(text)
    )


# How frequent the word after a function character must be to make the pair a function word and a
# word ("和专家"), not a name with such a surname ("于海波": 海波 is a rare word).
FUNCTION_WORD_FREQ = 100


def function_char_plus_word(name: str) -> bool:
    """A function character or an adverb and an ordinary word read as one name ("和专家", "来福建",
    "曾采访")."""
    rest = name[1:]
    if name[0] in ADVERB_SURNAMES:  # "曾采访", "曾到"; not "曾明" or "曾建国" (a place word)
        if len(rest) == 1:
            return tokens.tag(rest) in ADVERB_CHAR_TAGS and tokens.freq(rest) >= ADVERB_CHAR_FREQ
        return tokens.freq(rest) >= FUNCTION_WORD_FREQ and tokens.tag(rest) in ADVERB_WORD_TAGS
    return name[0] in FUNCTION_SURNAMES and tokens.freq(rest) >= FUNCTION_WORD_FREQ


def thing_after(text: str, end: int) -> bool:
    """Does a word naming a thing ("社区", "公司") start at ``text[end]``?"""
    return bool(NOT_PERSON_AFTER.match(text, end))


def starts_after_boundary(text: str, start: int) -> bool:
    """A mark, a function character or the end of an ordinary word before ``text[start]`` ("去年江泽民")."""
    if start == 0 or not names.is_cjk(text[start - 1]) or text[start - 1] in names.BEFORE_NAME_CHARS:
        return True
    return names.word_ends_at(text, start)
