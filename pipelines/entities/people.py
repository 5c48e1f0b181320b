"""People named in a story, each with the titles printed right before the name.

Rules, strongest first (each reported in provenance):

1. ``title-before-name``  a post or role ends right before a name: "市委副书记、市长徐衣显",
                          "创业者王一鸣", "总统拜登" (a transliterated name, ``foreign``).
2. ``leader-list``        names listed after "区领导", "参加会议的有": "刘春明、冯利民、许海玲"
                          (``lists``, as are rules 6, 7, 18 and 21).
3. ``comrade``            "焦裕禄同志".
4. ``name-before-post``   a name right before an office, or a doctor's or a teacher's role: "王小平书记",
                          "王建国医生".
5. ``dotted-name``        a name with a middle dot, its parts read on jieba's cut whatever their
                          characters: "约翰·史密斯", "柯林·钱德勒", "阿沛·阿旺晋美".
6. ``name-list``          three or more names in a "、" list, or two before "等人"/"夫妇".
7. ``list-with-known``    a "、" list holding a found name: "吕沛、宫卫红带队", "像齐白石、欧阳予倩、
                          梅兰芳"; there a whole transliteration is an item too ("多里瓦").
8. ``known-name``         bare mentions of names confirmed on the page: "吕沛一行".
9. ``person-verb``        names jieba guessed or holds, in a person's place (``guesses``).
10. ``dictionary-name``   a three-character word jieba's dictionary holds as a person's name, with a
                          listed surname and name-like characters (``namechars``), not a
                          transliteration, place or quoted title, not before a noun unless very
                          name-like: "宋庆龄", "熊十力", "宋庆龄奖学金", without any cue.
11. ``name-shape``        a name jieba coined or split ("刘秀清", "王绍" + "鏊"), taken on its
                          characters' name score where nothing says otherwise (``guesses``).
12. ``named-after``       the person a doctrine or work is named after: "马克思主义", "邓小平理论".
13. ``given-name``        the given name alone of a person named in full: "钟书" after "钱钟书".
14. ``bracketed-note``    a name before a note on the person in brackets: a post, an age, a place
                          in a photograph ("李富强（市委副书记）：", "王昆（左）").
15. ``name-before-address`` a full name, name-like by its characters, before "先生" or "女士"
                          ("范慕韩先生"; "吴先生" is ``addressed``, by surname alone).
16. ``transliterated-name`` a transliterated name jieba holds or coins, after a role or a mark and
                          before a mark or what people do ("前锋贝贝托、", "对撒切尔夫人说");
                          not a place or a club (``foreign.held_names``); or a run of
                          transliteration characters jieba split (``translit``).
17. ``japanese-name``     a Japanese family name and given name where the text speaks of Japan or
                          a post comes before or after it: "日本首相桥本龙太郎" (``japanese``).
18. ``enumerated``        numbered items that are all names, one of them found or most of them
                          names jieba holds or transliterations: "（１）希拉克（２）朱佩（３）若斯潘".
19. ``notable-name``      a well-known person (``pipelines/data/notable_people.txt``) with no cue
                          around the name: "学习雷锋", "巴金的作品", "弘扬焦裕禄精神" (``notable``).
20. ``tibetan-name``      two or three parts of Tibetan names in a row: "次仁卓玛" (``tibetan``).
21. ``between-listed``    "、" list items standing between found people, judged loosely by their
                          characters: "李柱铭、杨森、刘千石、涂谨申" gives 杨森 and 刘千石 (``lists``).

Names from rules 1-3 are strong: the other articles of the page know them. A name a weak rule
finds with name-like characters is lent on too where a caller keeps a corpus of names
(``extract_entities(..., known_names=…)``). A weak candidate that the text also uses as part of a
company, place or project ("金沙社区", "明仁产业集群") is dropped, and so is a weak name found only
inside a longer name ("史密斯" of "约翰·史密斯"). Every weak rule asks the character model
(``namechars``) too: "时公开", "夏之交" or "向钱看" have a surname's shape but no name's characters.
"""

from __future__ import annotations

import re
from functools import cache

from . import foreign, japanese, lexicon, lists, namechars, names, notable, tibetan, titles, tokens, translit
from .candidates import (
    FUNCTION_SURNAMES,
    NAME_TAGS,
    NAMED_AFTER_ENDINGS,
    NOT_PERSON_AFTER,
    PeopleResult,
    ends_inside_word,
    function_char_plus_word,
    plausible_name,
    spans_two_words,
    starts_after_boundary,
    starts_inside_word,
    thing_after,
)
from .guesses import (
    COMMON_NR_FREQ,
    COMMON_NR_MIN_SCORE,
    GUESS_MIN_SCORE,
    PERSON_NEXT,
    QUOTED_NAME_SCORE,
    SHAPE_NOT_ENDINGS,
    SHARED_NAME_SCORE,
    name_shape_rule,
    person_verb_rule,
    quoted,
    token_candidates,
)
from .titles import title_before

# Everyday roles ("村民", "记者") follow a name only by chance ("张三村民" is rare): no name-before-post.
ROLE_WORDS = lexicon.words(
    "村民 居民 市民 农民 群众 工人 职工 员工 教师 老师 学生 医生 护士 民警 警官 辅警 交警 消防员 志愿者 "
    "环卫工人 网格员 驾驶员 司机 老人 老党员 党员 游客 患者 家长 演员 歌手 运动员 教练 教练员 选手 冠军 "
    "作家 画家 书法家 专家 律师 记者 代表 委员 负责人 创始人 博士 门将 守门员 后卫 前锋 中锋 边锋 队员 "
    "老将 名将 新秀 领队 裁判 棋手 拳手 车手 亚军 学者 诗人 艺人 主人公 战士 士兵 干警 台胞 侨胞 华侨 "
    "厨师 店主 导游 会计 领袖 "
    # kin: "肯德基爷爷" is a mascot, "张三儿子" hardly occurs
    "妻子 丈夫 儿子 女儿 孙子 孙女 父亲 母亲 祖父 祖母 外祖父 外祖母 爷爷 奶奶 外公 外婆 哥哥 姐姐 弟弟 妹妹 老伴"
)


# Of those, the ones papers print after a full name as well ("周元医生", "王芳老师").
ROLES_AFTER_NAMES = lexicon.words("医生 老师 律师")


@cache
def _post_regex() -> re.Pattern[str]:
    alternatives = sorted(lexicon.posts(), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, alternatives)))


# Numerals: what follows one is counted ("5位", "三名"), not named.
NUMERALS = "零一二三四五六七八九十百千万两几数"
# Joining words right after a title: the title is shared by a list ("副首相和外长"), no name follows.
TITLE_JOINERS = "和与及"


def _title_rule(text: str, known: set[str], out: PeopleResult) -> None:
    for m in _post_regex().finditer(text):
        post_start, post_end = m.start(), m.end()
        longer = _post_running_on(text, post_end)
        if longer:  # "厅长" + "长官" of "防卫厅长官": the post is the one that runs on
            post_start, post_end = post_end - 1, longer
        post = text[post_start:post_end]
        if spans_two_words(text, post_start, post_end):  # "女儿" inside "妇女儿童"
            continue
        if ends_inside_word(text, post_end):  # "同学" of "同学习贯彻"
            continue
        start = post_end + len(titles.note_after_post(text, post_end))  # "副县长（挂职）赵强"
        n = names.name_length_at(text[start : start + 6], known)
        name = text[start : start + n]
        if n and name not in known and (function_char_plus_word(name) or name[0] in TITLE_JOINERS):
            continue  # "医师和专家", "副首相和墨西哥外长": the title belongs to a list
        whole = _whole_name_at(text, start, n)
        if whole and len(whole) >= n and name not in known:  # "总统普京", "秘书长古特雷斯"
            name = whole
        elif not n or not plausible_name(name, known, vouched=_closed_after(text, start + n, post)):
            continue
        elif name not in known and post in ROLE_WORDS and _common_held_word(name):
            continue  # "母亲温馨胸脯"; after an office a name it is ("副市长高峰")
        if thing_after(text, start + len(name)) or _place_from(text, start, len(name)):
            continue
        if name not in known and _idiom_from(text, start, len(name)):  # "领导人高瞻远瞩"
            continue
        out.add(name, "title-before-name", title_before(text, start), strong=True)


def _whole_name_at(text: str, start: int, shaped: int) -> str | None:
    """The name after a post that is read whole rather than by a Chinese name's shape (``shaped``
    characters long): a transliteration, a dotted name, a framed one, a Tibetan, Japanese or listed
    name, the longest of them; else None."""
    whole = foreign.foreign_run_at(text, start) or foreign.held_word_at(text, start)
    dotted = foreign.dotted_name_at(text, start)
    if dotted and len(dotted) > len(whole or ""):  # "董事长迈克·鲍林": the whole name
        whole = dotted
    elif whole:  # "冠军卡尔波夫": a name jieba holds may end in a rarer character
        whole = _held_name_from(text, start, whole)
        whole += _rarer_ending(text, start + len(whole))  # "中锋谢苗诺娃。"
        whole = foreign.snap_to_cut(text, start, whole)  # "队员尤尔契奇谈到"
    framed = foreign.framed_name_at(text, start)
    if framed and len(framed) > max(shaped, len(whole or "")):  # "主席施图岑贝格、"
        whole = framed
    # "牧民平措旺堆", "学者石川一成先生", "领导人金正日"
    other = tibetan.name_at(text, start) or japanese.name_at(text, start) or notable.name_at(text, start)
    if other and len(other) > max(shaped, len(whole or "")):
        whole = other
    return whole


def _post_running_on(text: str, end: int) -> int:
    """The end of a post that starts on the last character of the post ending at ``end`` and runs
    past it ("长官" after "厅长" in "防卫厅长官"), else 0."""
    posts = lexicon.posts()
    for n in (4, 3, 2):
        if text[end - 1 : end - 1 + n] in posts and end - 1 + n <= len(text):
            return end - 1 + n
    return 0


# Characters that close a name after an office: marks and adverbs ("主帅王海军很满意").
NAME_CLOSERS_AFTER_OFFICE = frozenset("，。、；：,;:很也都就还又已曾便却")


def _closed_after(text: str, end: int, post: str) -> bool:
    """Is a name read after an office (not a role word such as "母亲") closed at ``text[end]``?"""
    return post not in ROLE_WORDS and text[end : end + 1] in NAME_CLOSERS_AFTER_OFFICE


# Longest place name looked up after a title.
LONGEST_PLACE = 9


def _place_from(text: str, pos: int, shorter: int) -> bool:
    """Does a place longer than ``shorter`` characters start at ``text[pos]`` ("主席" +
    "南斯拉夫联盟共和国": "南斯" is no name)?"""
    for n in range(LONGEST_PLACE, shorter, -1):
        piece = text[pos : pos + n]
        if len(piece) == n and (
            lexicon.is_place(piece) or (tokens.tag(piece) == "ns" and tokens.is_word(piece))
        ):
            return True
    return False


def _place_ends_at(text: str, end: int, shorter: int) -> bool:
    """Does a place longer than ``shorter`` characters end right before ``text[end]``?"""
    return any(
        lexicon.is_place(text[end - n : end]) for n in range(shorter + 1, LONGEST_PLACE + 1) if n <= end
    )


# Tags of idioms and set phrases: one starting where a name would is no name ("高瞻远瞩", "左上臂").
IDIOM_TAGS = frozenset({"i", "l"})


def _idiom_from(text: str, pos: int, shortest: int) -> bool:
    """Does an idiom or set phrase at least ``shortest`` characters long start at ``text[pos]``?"""
    return any(tokens.tag(text[pos : pos + n]) in IDIOM_TAGS for n in range(max(shortest, 3), 5))


def _common_held_word(name: str) -> bool:
    """A two-character word jieba tags as a name but uses often, with no name's characters
    ("温馨"; not "李鹏")."""
    return (
        len(name) == 2
        and tokens.tag(name) in NAME_TAGS
        and tokens.freq(name) >= COMMON_NR_FREQ
        and namechars.name_score(name) < COMMON_NR_MIN_SCORE
    )


def _rarer_ending(text: str, pos: int) -> str:
    """The rarer transliteration character at ``pos`` when it ends the name there ("谢苗诺" +
    "娃" before a mark or what follows a name; not "夫" of "撒切尔夫人"), else ""."""
    ch, after = text[pos : pos + 1], text[pos + 1 : pos + 2]
    if not ch or ch not in foreign.DOTTED_ONLY_CHARS:
        return ""
    ends = names.closes_name(after) or any(
        tokens.is_word(text[pos + 1 : pos + 1 + n]) for n in (2, 3)
    )  # "…娃退役"
    return ch if ends else ""


# Longest transliterated name looked up whole in jieba's dictionary (characters).
LONGEST_HELD_NAME = 7


def _held_name_from(text: str, pos: int, run: str) -> str:
    """The longest name jieba's dictionary holds that starts at ``pos`` and extends ``run``
    ("卡尔波" -> "卡尔波夫"), else ``run``."""
    for n in range(LONGEST_HELD_NAME, len(run), -1):
        piece = text[pos : pos + n]
        if len(piece) == n and tokens.tag(piece) in NAME_TAGS:
            return piece
    return run


def _comrade_rule(text: str, known: set[str], out: PeopleResult) -> None:
    """ "焦裕禄同志"; right after a post, a name that is an everyday word too ("原政委洪流同志")."""
    for m in re.finditer("同志", text):
        name = names.name_ending_at(text[max(0, m.start() - 4) : m.start()], known)
        if name and plausible_name(name, known):
            out.add(name, "comrade", strong=True)
            continue
        for n in (3, 2):  # the post vouches for a name the tests above refuse
            start = m.start() - n
            if (
                start > 0
                and names.has_name_shape(text[start : m.start()])
                and lexicon.post_ends_at(text, start)
            ):
                out.add(text[start : m.start()], "comrade", title_before(text, start), strong=True)
                break


# Polite forms of address after a full name ("范慕韩先生"); after a surname alone they are
# ``addressed``, so the name before them must have a given name ("吴先生" gives no person here).
ADDRESS_AFTER_NAME = re.compile(r"老先生|先生|女士|大娘|大爷|大妈|老汉|阿姨|大姐|大哥|大嫂|老太")


# Lowest name score of a two-character name jieba does not hold that is read before 先生 or 女士.
SHORT_ADDRESSED_SCORE = 4.5


def _address_rule(text: str, known: set[str], out: PeopleResult) -> None:
    """ "杨鸿年先生", "范慕韩先生": a full name, name-like by its characters, before 先生 or 女士; a
    two-character one when more name-like still ("李明女士") or a name jieba holds but seldom uses
    ("董炯先生"; not "阳光先生")."""
    for m in ADDRESS_AFTER_NAME.finditer(text):
        name = names.name_ending_at(text[max(0, m.start() - 4) : m.start()], known)
        if not name or name in out.titles or not plausible_name(name, known):
            continue
        sl = names.surname_length(name)
        score = namechars.name_score(name, sl)
        short = len(name) - sl < names.MAX_GIVEN
        held = short and tokens.tag(name) in NAME_TAGS and not _common_held_word(name)
        if (
            name not in known
            and not held
            and (score < GUESS_MIN_SCORE or (short and score < SHORT_ADDRESSED_SCORE))
        ):
            continue  # "李明女士"; not "任何先生"
        start = m.start() - len(name)
        if name[0] in FUNCTION_SURNAMES and name not in known:  # "向学昭女士": to 学昭
            continue
        if not starts_after_boundary(text, start) or starts_inside_word(text, start, m.start()):
            continue
        out.add(name, "name-before-address")


def _known_mentions(text: str, known: set[str], out: PeopleResult) -> None:
    for name in sorted(known - set(out.titles), key=len, reverse=True):
        chinese = names.has_name_shape(name)
        for m in re.finditer(re.escape(name), text):
            if chinese and names.name_length_at(text[m.start() : m.start() + 6], known) != len(name):
                continue
            if not chinese and _inside_foreign_run(text, m.start(), m.end()):
                continue  # "林肯" of "布林肯"
            if not thing_after(text, m.end()):
                out.add(name, "known-name")
                break


def _inside_foreign_run(text: str, start: int, end: int) -> bool:
    """Does a run of transliteration characters or a dotted name go on before ``start`` or after
    ``end``?"""
    after = text[end : end + 1]
    return foreign.inside_longer_run(text, start) or (
        bool(after) and (after in foreign.TRANSLIT_CHARS or after in foreign.DOTS)
    )


def _given_name_mentions(text: str, words: list[str], named: set[str], out: PeopleResult) -> None:
    """ "钟书" after "钱钟书": the given name alone of a person named in full, where it stands as a
    word of its own (jieba's cut) outside the full name, and is no ordinary word."""
    aliases = {}
    for name in named:
        sl = names.surname_length(name)
        given = name[sl:]
        if sl and len(given) == 2 and not tokens.is_word(given) and given not in named:
            aliases[given] = name
    if not aliases:
        return
    for i, word in enumerate(words):
        if word in aliases and (i == 0 or not words[i - 1].endswith(aliases[word][: -len(word)])):
            out.add(word, "given-name")


# Tags of a transliteration before a post: a name jieba holds or a word it does not know (a
# country or a city it holds under "ns" is none: "俄罗斯总统").
HELD_OR_UNKNOWN = frozenset({*NAME_TAGS, None})


def _name_before_post_rule(text: str, known: set[str], out: PeopleResult) -> None:
    """ "江泽民主席", "王小平书记": a name right before an office post (not an everyday role)."""
    for m in _post_regex().finditer(text):
        if (m.group(0) in ROLE_WORDS and m.group(0) not in ROLES_AFTER_NAMES) or m.start() < 2:
            continue
        name = names.name_ending_at(text[max(0, m.start() - 4) : m.start()], known)
        translit = foreign.foreign_run_before(text, m.start())
        if translit and len(translit) >= len(name or ""):  # "克林顿总统"; not "罗斯" of "俄罗斯总统"
            start = m.start() - len(translit)
            after_boundary = starts_after_boundary(text, start) and not starts_inside_word(
                text, start, m.start()
            )
            if after_boundary and tokens.tag(translit) in HELD_OR_UNKNOWN and translit not in out.titles:
                out.add(translit, "name-before-post")  # a name jieba holds, not a country
            continue
        if not name or name in out.titles or not plausible_name(name, known) or function_char_plus_word(name):
            continue
        if name not in known and _common_held_word(name):  # "陆军" of "陆军总司令"
            continue
        if (
            name not in known
            and namechars.name_score(name, names.surname_length(name)) < DICTIONARY_MIN_SCORE
        ):
            continue  # "任教育部长", "时想到…"
        start = m.start() - len(name)
        if start > 0 and (text[start - 1].isdigit() or text[start - 1] in NUMERALS):  # "5位离任大使"
            continue
        if _place_ends_at(text, m.start(), len(name)):  # "斯坦" of "巴勒斯坦领导人"
            continue
        if not starts_after_boundary(text, start):
            continue
        if starts_inside_word(text, start, m.start()):  # "对于污染大户"
            continue
        out.add(name, "name-before-post")


# jieba's dictionary tags many words "nr" that are no names ("今天下午", "高素质", "乌克兰"): a word
# it holds is taken as a name only when it is shaped like a Chinese one.
DICTIONARY_NAME_LENGTH = 3
# jieba's tags for Chinese persons' names (its "nrt" is for transliterations, left to ``foreign``).
DICTIONARY_NAME_TAGS = frozenset({"nr", "nrfg"})
# Lowest name score (``namechars``) of a name jieba's dictionary holds: it vouches for the name, so
# the bar is lower than for guesses ("江泽民" passes, "向钱看" does not).
DICTIONARY_MIN_SCORE = 1.5
# ...of one holding an ordinary word ("高素质"; "李宏伟" holds 宏伟 yet is a name)...
DICTIONARY_WORD_INSIDE_SCORE = 6.0
# ...and of one before a noun, which mostly makes it a brand's or a project's name ("张小泉剪刀";
# "宋庆龄奖学金" is named after a person).
DICTIONARY_BEFORE_NOUN_SCORE = 6.5
# Last characters of settlements and divisions ("张庄村", "刘集镇"), which names hardly end with.
SETTLEMENT_ENDINGS = frozenset("省市县区镇乡村州")


def _dictionary_name_rule(words: list[str], tags: list[str | None], out: PeopleResult) -> None:
    single, _ = lexicon.surnames()
    for i, (word, tag) in enumerate(zip(words, tags, strict=True)):
        if tag not in DICTIONARY_NAME_TAGS or len(word) != DICTIONARY_NAME_LENGTH or word in out.titles:
            continue
        # the dictionary vouches for the given name ("周建人", "熊十力"): only the surname is checked
        if word[0] not in single or not all(map(names.is_cjk, word)) or lexicon.is_place(word):
            continue
        if word[1] in names.ADDRESS_CHARS or word[1:] in names.HONORIFICS:  # "王老吉", "张师傅"
            continue
        if word[1:] in lexicon.posts():  # "王太守": a surname and a post
            continue
        if word[-1] in SETTLEMENT_ENDINGS or word[-1] in SHAPE_NOT_ENDINGS:  # "张庄村", "武英殿"
            continue
        if foreign.is_foreign_run(word):
            continue
        score = namechars.name_score(word)
        if score < DICTIONARY_MIN_SCORE:  # "向钱看", "战三胜": no name's characters
            continue
        if (tokens.is_word(word[:2]) or tokens.is_word(word[1:])) and score < DICTIONARY_WORD_INSIDE_SCORE:
            continue  # "高素质": an ordinary word inside; not "李宏伟"
        following = "".join(words[i + 1 : i + 3])
        if following[:1] in foreign.DOTS:  # the first part of a dotted name ("葛兰素·威廉公司")
            continue
        if i > 0 and quoted(words[i - 1], following) and score < QUOTED_NAME_SCORE:  # "《文昭关》"
            continue
        next_tag = tags[i + 1] if i + 1 < len(tags) else None
        if NOT_PERSON_AFTER.match(following):  # "石家庄市"
            continue
        if _names_a_thing(next_tag) and score < DICTIONARY_BEFORE_NOUN_SCORE:
            continue  # "王老吉凉茶"; not "宋庆龄奖学金"
        out.add(word, "dictionary-name", share=score >= SHARED_NAME_SCORE)


NAMED_AFTER_TAILS = frozenset(e[-2:] for e in NAMED_AFTER_ENDINGS)
# Shortest name so read (a one-character start is an abbreviation: "马列主义").
NAMED_AFTER_MIN = 2


def _named_after_rule(words: list[str], out: PeopleResult) -> None:
    """ "马克思主义" -> "马克思": a word jieba holds whose start is a word it tags as a person's name
    and whose rest says what was named after the person."""
    for word in set(words):
        if word[-2:] not in NAMED_AFTER_TAILS or len(word) <= NAMED_AFTER_MIN + 1:
            continue
        for ending in NAMED_AFTER_ENDINGS:
            name = word[: -len(ending)]
            if word.endswith(ending) and len(name) >= NAMED_AFTER_MIN and tokens.tag(name) in NAME_TAGS:
                if name not in out.titles:
                    out.add(name, "named-after")
                break


def _names_a_thing(tag: str | None) -> bool:
    """A noun right after a word makes the word its modifier (a brand, an organisation's name)."""
    return tag is not None and tag.startswith("n") and tag not in NAME_TAGS


def _dotted_rule(text: str, out: PeopleResult) -> None:
    for name, _ in foreign.dotted_names(text):
        ends = [m.end() for m in re.finditer(re.escape(name), text)]
        if not any(thing_after(text, end) or foreign.names_a_thing(text, end) for end in ends):
            out.add(name, "dotted-name")  # not "葛兰素·威康" of "葛兰素·威康公司"


# A name and a note on the person in brackets: "李富强（中共迁安市委副书记）：", "陈力行（52岁，
# 职工）", "王昆（左）" (where one stands in a photograph).
BRACKETED_NOTE = re.compile(r"([\u4e00-\u9fff]{2,6})[（(]([^（）()]{1,40})[）)]")


# Lowest name score of an author so given (the brackets after a title are a strong cue), and of a
# name before a note giving the person's age or post.
AUTHOR_MIN_SCORE = 1.5
# A work's title and its author in brackets: "《喜闻北大开设理论课》（朱广院）".
AUTHOR_AFTER_TITLE = re.compile(r"》[（(]([\u4e00-\u9fff]{2,4})[）)]")


def _bracketed_note_rule(text: str, known: set[str], out: PeopleResult) -> None:
    for m in AUTHOR_AFTER_TITLE.finditer(text):
        name = m.group(1)
        if name in out.titles or not plausible_name(name, known):
            continue
        if name in known or namechars.name_score(name, names.surname_length(name)) >= AUTHOR_MIN_SCORE:
            out.add(name, "bracketed-note")
    for m in BRACKETED_NOTE.finditer(text):
        note = m.group(2)
        in_photo = titles.PHOTO_PLACE.fullmatch(note) is not None
        # an age or a post in the note is about a person: a name shape with a listed surname is
        # enough ("陈力行（52岁，…）", "席小平（…社社长）"); a place in a photograph asks more
        described = re.search(r"\d+岁", note) is not None or _post_regex().search(note) is not None
        if not (in_photo or described):
            continue
        name = names.name_ending_at(m.group(1), known)
        if not name or name in out.titles or not plausible_name(name, known):
            continue
        start = m.end(1) - len(name)
        if not starts_after_boundary(text, start) or function_char_plus_word(name):
            continue
        least = AUTHOR_MIN_SCORE if described else GUESS_MIN_SCORE
        if name in known or namechars.name_score(name, names.surname_length(name)) >= least:
            out.add(name, "bracketed-note")


def strong_people(text: str, known: set[str]) -> PeopleResult:
    """People that the strong rules (title, leader list, comrade) confirm in ``text``."""
    out = PeopleResult()
    _title_rule(text, known, out)
    lists.leader_list_rule(text, known, out)
    _comrade_rule(text, known, out)
    return out


def find_people(
    text: str,
    words: list[str],
    tags: list[str | None],
    known: set[str],
    strong: PeopleResult | None = None,
) -> PeopleResult:
    """People of ``text`` (bylines already blanked); ``words``/``tags`` are its jieba cut.

    ``strong`` is ``strong_people(text, known)`` when the caller has it already.
    """
    out = strong.copy() if strong is not None else strong_people(text, known)
    _name_before_post_rule(text, known, out)
    _dotted_rule(text, out)
    lists.name_list_rule(text, known, out)
    _bracketed_note_rule(text, known, out)
    _address_rule(text, known, out)
    candidates = token_candidates(words, tags)  # shared by the two token rules
    confirmed = known | out.strong  # only the strong rules above confirm names
    person_verb_rule(text, words, tags, confirmed, out, candidates)
    _dictionary_name_rule(words, tags, out)
    name_shape_rule(text, words, tags, confirmed, out, candidates)
    out.add_new(foreign.held_names(text, words, tags, PERSON_NEXT), "transliterated-name")
    for name, start in japanese.japanese_names(text):
        out.add_new([name], "japanese-name", title_before(text, start))
    out.add_new(translit.run_names(text, PERSON_NEXT, [*out.titles, *known]), "transliterated-name")
    _named_after_rule(words, out)
    out.add_new(notable.notable_names(words), "notable-name")
    out.add_new(tibetan.tibetan_names(text, words), "tibetan-name")
    lists.lists_with_known(text, known, out)
    lists.list_gaps_rule(text, out)
    lists.enumerated_rule(text, known, out)
    _known_mentions(text, confirmed, out)
    _given_name_mentions(text, words, known | set(out.titles), out)
    _drop_inner_names(text, out)
    first_seen = {name: _first_index(text, name) for name in out.titles}
    out.titles = dict(sorted(out.titles.items(), key=lambda kv: first_seen[kv[0]]))
    return out


def _drop_inner_names(text: str, out: PeopleResult) -> None:
    """Drop a weak name that only occurs inside a longer found name ("史密斯" of "约翰·史密斯")."""
    found = list(out.titles)
    for name in found:
        if name in out.strong:
            continue
        longer = [other for other in found if name in other and other != name]
        if longer and text.count(name) <= sum(text.count(other) for other in longer):
            del out.titles[name]


def _first_index(text: str, name: str) -> int:
    i = text.find(name)
    return i if i >= 0 else len(text)
