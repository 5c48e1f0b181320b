"""The shape of a Chinese person's name and where a name starting at a position ends."""

from __future__ import annotations

from functools import lru_cache

from . import lexicon, namechars, tokens

# Characters that (almost) never occur in a given name: particles, measure words, units of
# administration and time. A candidate holding one is not a name.
NON_NAME_CHARS = frozenset(
    "的了是在和与及或等个人年月日时分秒区市县省镇乡村局会委党部厅处科室院校所站队组团社司厂店场馆"
    "二三四五六七八九十路街道号楼层届次期批项名位亿万千百第们这那其此该各每某本我你他她它啥么吗呢吧啊被把将对向"
    "从于以而且但如若虽因则即就都也还又再只已曾要能可应需得着过说讲指表示出席参加主持调副后姓上下裔啦没呀哦嘛"
)

# The unit of money, a given name's character too ("李元", "朱元"), and the surnames that are
# numerals before it ("万元", "百元").
CURRENCY_CHAR = "元"
NUMERAL_SURNAMES = frozenset("万百千亿")

# Of those, characters no given name holds, even one jieba's dictionary tags as a person's name
# ("万全县", "丁庄镇", "丁老三" are places and nicknames; "严介和" is a name).
NEVER_GIVEN_CHARS = frozenset(
    "的了是们个人年月日时分秒区市县省镇乡村局会委党部厅处科室院校所站队组团社司厂店场馆街道号楼层"
    "届次期批项名位第这那此该各每某本我你他她它么吗呢吧啊被把将对二三四五六七八九十"
)

# Of those, characters that two-character given names do hold ("杨鸿年", "韩二虎", "郭路生",
# "朱应鹿", "钱其琛"): allowed there unless the two are a word ("二星"), never as a one-character given name
# ("王年").
SOFT_NAME_CHARS = frozenset("二三四五六七八九十年路应其如万")
# A given name with such a character is no name when the two make a word at least this frequent
# ("二星"); rarer words are names ("徐四民", "张之路").
SOFT_GIVEN_WORD_FREQ = 10

# Single characters that, right after a name, start what follows rather than end the name
# ("李军在…", "刘宁莅焦…", "郑秋红及…").
AFTER_NAME_CHARS = frozenset("在和与及等到莅对向是也都就将说称率从把被让给于已又还曾并同一为很更最却仍便")


def closes_name(after: str) -> bool:
    """Can a name end right before the character ``after``: the text's end, a mark, or a character
    that starts what follows a name ("在", "和")?"""
    return not after or not is_cjk(after) or after in AFTER_NAME_CHARS


# Of those, the ones that after a three-character reading beat a two-character reading that
# would form a word ("牛炎平等参加": "牛炎平" + "等", not "牛炎" + "平等").
AFTER_NAME_WINNERS = frozenset("等在和与及到说一为")
# ...and the adverbs that no given name ends with: after a two-character reading they beat a
# three-character one whose rest forms a word ("王磊很能干": "王磊" + "很", not "王磊很" + "能干").
SHORT_NAME_WINNERS = frozenset("很更最却仍便")

# Function characters that usually precede a name rather than begin it, although some are
# surnames too ("由刘涛主任", "和王小平同志").
BEFORE_NAME_CHARS = frozenset("的了在和与及由对向把被让给将是为从同跟请据经有像应")


# Forms of address that follow a bare surname ("李女士", "张大爷", "王师傅"): the surname and these
# are no one's full name, and neither is the surname with the start of one ("韩大" of "韩大娘").
HONORIFICS = lexicon.words(
    "先生 女士 小姐 同志 师傅 老师 大爷 大娘 大妈 大婶 大嫂 大哥 大姐 大叔 阿姨 阿婆 阿公 阿伯 奶奶 爷爷 "
    "婆婆 老汉 老太 同学 总 董 工 医生 教授 书记 主任 局长 老板 经理 夫人 夫妇 太太 老先生 家"
)
_HONORIFIC_STARTS = frozenset(h[:i] for h in HONORIFICS for i in range(1, len(h) + 1))

# A given name does not start with these: after a surname they address a person ("王老" is an
# elder Wang), and what follows is no name ("王老吉" is a drink).
ADDRESS_CHARS = frozenset("老")

# Longest given name (characters after the surname).
MAX_GIVEN = 2
# A three-character word jieba holds as a noun this rarely, starting with a surname, may be a name.
RARE_NAME_NOUN_TAGS = frozenset({"n", "nz"})
RARE_NAME_NOUN_FREQ = 50
# ...when its characters are this name-like ("陈佳洱" 5.6, "罗大佑" 4.1; "黄皮肤" 3.7, "金钥匙" 3.0).
RARE_NAME_NOUN_SCORE = 4.0


def is_cjk(ch: str) -> bool:
    """Is ``ch`` one CJK unified ideograph?"""
    return len(ch) == 1 and "\u4e00" <= ch <= "\u9fff"


def surname_length(text: str) -> int:
    """Length of the surname ``text`` starts with (2 for compound surnames, 0 for none)."""
    single, double = lexicon.surnames()
    if text[:2] in double:
        return 2
    if text[:1] in single:
        return 1
    return 0


@lru_cache(maxsize=1 << 16)
def has_name_shape(name: str) -> bool:
    """Surname + one or two given-name characters, none of them a non-name character."""
    sl = surname_length(name)
    if not sl or not 1 <= len(name) - sl <= MAX_GIVEN:
        return False
    given = name[sl:]
    if given in _HONORIFIC_STARTS or given[0] in ADDRESS_CHARS:  # "王老", "王老吉"
        return False
    if given[0] == CURRENCY_CHAR and name[0] in NUMERAL_SURNAMES:  # "万元"; "李元" is a name
        return False
    if given in lexicon.posts():  # "王太守", "周县长": a surname and a post
        return False
    if any(name[:n] in lexicon.posts() for n in (2, 3)):  # "师长王" of "师长王小河": a post and a surname
        return False
    if all(is_cjk(ch) and ch not in NON_NAME_CHARS for ch in given):
        return True
    if len(given) == MAX_GIVEN and tokens.tag(name) in ("nr", "nrfg"):  # "严介和", "乔伯年": jieba's entry
        return not any(ch in NEVER_GIVEN_CHARS for ch in given)  # not "万全县", "丁二烯"
    # "杨鸿年", "郭路生": a full given name may hold a softer character, unless it is a word ("晋二星")
    soft = len(given) == MAX_GIVEN and all(
        is_cjk(ch) and (ch not in NON_NAME_CHARS or ch in SOFT_NAME_CHARS) for ch in given
    )
    return soft and (tokens.freq(given) < SOFT_GIVEN_WORD_FREQ or tokens.tag(given) in ("nr", "nrfg"))


def _starts_word(text: str) -> bool:
    """Does ``text`` begin with an ordinary word of two to four characters?"""
    return any(tokens.is_word(text[:n]) for n in (2, 3, 4) if len(text) >= n)


def name_length_at(text: str, known: set[str] | frozenset[str] = frozenset()) -> int:
    """Length of the person's name that ``text`` starts with, or 0 when it has none.

    Known names win; otherwise a two-character name is chosen when its next character starts
    the following word or is a particle, a three-character one when its own next character does.
    """
    sl = surname_length(text)
    if not sl:
        return 0
    for n in range(sl + MAX_GIVEN, sl, -1):
        if text[:n] in known and len(text) >= n:
            return n
    short, long_ = sl + 1, sl + 2
    if text[sl:long_] in HONORIFICS:  # "李女士", "张大爷"
        return 0
    long_shaped = len(text) >= long_ and is_cjk(text[short]) and has_name_shape(text[:long_])
    if len(text) < short or not has_name_shape(text[:short]):
        return long_ if long_shaped else 0  # "王小红": "王小" alone is no name
    if not long_shaped:
        return short
    rest_short, rest_long = text[short:], text[long_:]
    short_ok = rest_short[0] in AFTER_NAME_CHARS or _starts_word(rest_short)
    long_ok = (
        not rest_long
        or not is_cjk(rest_long[0])
        or rest_long[0] in AFTER_NAME_CHARS
        or _starts_word(rest_long)
    )
    if short_ok and long_ok and rest_short[0] in SHORT_NAME_WINNERS:
        return short
    if short_ok and long_ok:
        # the reading whose following word is the likelier one wins: "陈安东来到" (来到, not 东来),
        # "祝华新报道" (报道, not 新报)
        if rest_long[:1] in AFTER_NAME_WINNERS or tokens.freq(rest_long[:2]) > max(
            tokens.freq(rest_short[:2]), tokens.COMMON_WORD_FREQ
        ):
            return long_
        return short
    if short_ok:
        return short
    if verb_glued(text[long_ - 3 : long_], rest_long):
        return short  # "赵磊作了发言": the third character is a verb; not "曾采访过"
    return long_


# Particles that follow a verb ("作了", "获过"): a character before one is no part of a name.
ASPECT_PARTICLES = "了过"


def verb_glued(word: str, after: str) -> bool:
    """A three-character reading whose last character is a verb, before its particle ("赵磊作" +
    "了"); not when the last two characters are a word ("曾采访" + "过")."""
    particle = after[:1] and after[0] in ASPECT_PARTICLES  # "" is in every string
    return len(word) == 3 and bool(particle) and not tokens.is_word(word[1:])


def name_ending_at(text: str, known: set[str] | frozenset[str] = frozenset()) -> str | None:
    """The person's name that ``text`` ends with ("弘扬焦裕禄" -> "焦裕禄"), preferring known names."""
    for n in (4, 3, 2):
        if text[-n:] in known:
            return text[-n:]
    shaped = [text[-n:] for n in (3, 2, 4) if len(text) >= n and has_name_shape(text[-n:])]
    shaped = [c for c in shaped if not is_common_word(c) and not _joins_word_before(text, len(text) - len(c))]
    if len(shaped) >= 2 and shaped[0][0] in BEFORE_NAME_CHARS and len(shaped[1]) < len(shaped[0]):
        return shaped[1]  # "由刘涛": 由 is a preposition here, not a surname
    return shaped[0] if shaped else None


# A word this frequent across a candidate's first character and the one before it puts the
# candidate's start inside that word ("由于彭真": "于" belongs to "由于", the name is "彭真").
JOINED_WORD_FREQ = 1000


def _joins_word_before(text: str, start: int) -> bool:
    return start > 0 and tokens.freq(text[start - 1 : start + 1]) >= JOINED_WORD_FREQ


def word_ends_at(text: str, pos: int) -> bool:
    """Does an ordinary word of two to four characters end right before ``text[pos]``?"""
    return any(pos >= n and tokens.is_word(text[pos - n : pos]) for n in (2, 3, 4))


def is_common_word(word: str) -> bool:
    """An ordinary dictionary word that is not tagged as a person's name ("全体", "同时"); a rare
    three-character noun that starts with a surname is none (jieba holds many names as nouns:
    "刘彦彬", "陈佳洱")."""
    if not tokens.is_word(word) or tokens.tag(word) in tokens.NAME_TAGS:
        return False
    return not rare_name_noun(word)


@lru_cache(maxsize=1 << 16)
def rare_name_noun(word: str) -> bool:
    """A three-character word jieba holds rarely as a noun that starts with a surname ("刘彦彬")."""
    return (
        len(word) == 3
        and surname_length(word) == 1
        and tokens.tag(word) in RARE_NAME_NOUN_TAGS
        and tokens.freq(word) < RARE_NAME_NOUN_FREQ
        and namechars.name_score(word, 1) >= RARE_NAME_NOUN_SCORE
    )
