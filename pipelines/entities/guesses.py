"""Weak person rules on the shared jieba tokens: names jieba guessed or holds, in a person's place.

``person-verb``: a name-shaped token that jieba marks as a name or does not know (or a lone surname
token with the short token after it), followed by what people do ("说", "表示", "一行", "带队"),
or, for a full-length guess, standing between punctuation, "和", "、" and the like. Foreign names
(``foreign``) count when jieba knows them as names or they stand before a verb of saying.

``name-shape``: a name jieba coined, split or glued to a neighbour ("刘秀清", "王绍" + "鏊",
"致牟小东"), taken on its characters' score (``namechars``) where nothing around it says otherwise.

Both ask the character model: a guess whose characters are no name's ("时公开") is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import compress

from . import foreign, lexicon, namechars, names, tokens
from .candidates import FUNCTION_SURNAMES, NAME_TAGS, PeopleResult, plausible_name, thing_after

# What people do right after their name (the next jieba token).
PERSON_NEXT = lexicon.words(
    "说 表示 指出 强调 要求 认为 介绍 告诉 称 说道 坦言 透露 回忆 感慨 笑着说 一行 同志 先生 女士 "
    "主持 出席 参加 带队 带领 率领 率 调研 视察 考察 看望 慰问 会见 会晤 会谈 接见 宣布 致辞 讲话 "
    "发表 获得 荣获 当选 担任 出任 签署 访问 抵达 来到 前往 陪同 希望 建议 提出 听取 深入 察看 "
    "查看 了解 主持召开 分别 一同 代表 作 作了 对 向 告诉记者 创办 创建 发明 带头 组织 负责 分管 从事 "
    "毕业 出生 生于 退休 牺牲 去世 逝世 夺得 获 赢得 打破 接受 说明 解释 回答 补充 高兴 激动 笑 指着"
)

# Tokens that may stand right before / after a name guessed by jieba (besides punctuation).
BEFORE_PERSON = lexicon.words(
    "和 与 及 同 跟 由 对 向 给 让 请 叫 派 陪同 会见 看望 慰问 据 是 为 把 被 以及 还有"
)
AFTER_PERSON = lexicon.words(
    "和 与 及 等 在 是 也 都 就 还 又 已 曾 正在 将 则 便 却 对 把 被 向 从 为 带着 今年 已经 的 时 老人"
)
# Words that join items of a list: a two-character guess there may be a company ("明仁、卓立等",
# "明仁与中国药科大学"); "的" after one is a person's as often ("董炯的应战").
LIST_WORDS = lexicon.words("等 和 与 及")
# A two-character word jieba tags as a name yet uses this often is an ordinary word ("文明", "智慧").
COMMON_NR_FREQ = 300
# ...unless its characters make it name-like enough ("李鹏" 7.0, "朱熹" 4.5; "智慧" 4.6 passes too,
# so such a word is read only right before what people do: "朱熹作过", not "，智慧在").
COMMON_NR_MIN_SCORE = 4.5
# ...and read in the contexts of a short guess when this name-like ("李鹏" 7.0; "文明", "马丁" less).
COMMON_NR_GUESS_SCORE = 6.0
# Shortest foreign name taken on a verb of saying alone, and endings that make a word a place.
FOREIGN_NAME_MIN = 3
PLACE_ENDING = re.compile(r"[省市县区镇乡村州国岛山河湖江]$")
# Verbs of saying, after which even a name of foreign shape is a person ("奥巴马表示").
SPEECH_VERBS = lexicon.words("说 表示 指出 强调 认为 介绍 称 透露 坦言 说道 宣布 回忆")
LIST_SEPARATOR = "、"


# Units of a date or a time, after which a name starts a clause rather than being counted.
DATE_UNITS = lexicon.words("年 月 日 号 时 点 分 秒 年底 年初 月底 月初 日晚 日上午 日下午")


def _counted_or_dotted(prev: str, prev_tag: str | None, nxt: str) -> bool:
    """Does a candidate stand after a number or measure word ("4位农民": counted, not named) or
    beside a middle dot (a part of a dotted name: "葛兰素·威廉")?"""
    counted = (prev[-1:].isdigit() or prev_tag == "m") and prev not in DATE_UNITS  # "1954年王金兰"
    return counted or nxt[:1] in foreign.DOTS or prev[-1:] in foreign.DOTS


# "连…都/也" (even …): "连狗都送人了", "连冥纸也只能…" start no name with the surname 连.
EVEN = "连"
EVEN_CLOSERS = frozenset({"都", "也"})


def _even(word: str, nxt: str) -> bool:
    return word[:1] == EVEN and nxt in EVEN_CLOSERS


def _is_mark(word: str) -> bool:
    """Punctuation, a space or the edge of the text."""
    return not any(names.is_cjk(c) for c in word)


# Tags of the token before a full-length guess that leave it room to be a name: "的王秀英",
# "选举金振国" (a verb), "从王刚" (a preposition); a noun only when it is a role ("养殖户韩二虎").
GUESS_BEFORE_TAGS = frozenset({"uj", "v", "p", "c", "t", "m"})
# Tags of the token after it: what a person does or when ("是", "在", "回乡", "今年", "第一次").
# Not a noun: a guess before a noun is mostly a brand or a project ("欧凯龙国际家居港"); an idiom
# or a set phrase is what the person did ("王民岗临危受命").
GUESS_AFTER_TAGS = frozenset({"v", "p", "d", "c", "t", "m", "uj", "ul", "r", "i", "l"})
# Tags of the second token of a surname + token pair that cannot be a given name ("路" + "西侧").
NOT_GIVEN_TAGS = frozenset({"f", "m", "q", "p", "c", "d", "r", "u", "uj", "ul", "v", "vn", "t", "s"})


def _context(
    prev: str, nxt: str, strength: str, prev_tag: str | None = None, nxt_tag: str | None = None
) -> bool:
    """Does a candidate between ``prev`` and ``nxt`` (tagged ``prev_tag``, ``nxt_tag``) stand where a
    person's name stands?

    ``strict``: only before what people do. ``guess`` (a full-length name jieba guessed or split
    off its surname): also after a mark, a lead-in word ("由", "叫"), a role, a verb or "的", and
    before a verb, an adverb, a time or a mark. ``short-guess`` (a two-character unknown word):
    after a mark, a lead-in, "的" or a role, and before a word people are the subject of ("在",
    "和"), a verb, an adverb or a time ("队的马龙虽然…", "学者丁东所言").
    """
    if nxt in PERSON_NEXT:
        return True
    before_ok = prev in BEFORE_PERSON or _is_mark(prev)
    if strength == "guess":
        before_ok = before_ok or prev_tag in GUESS_BEFORE_TAGS or prev in lexicon.posts()
        return before_ok and (nxt in AFTER_PERSON or _is_mark(nxt) or nxt_tag in GUESS_AFTER_TAGS)
    if strength == "short-guess":
        lead_in = prev in BEFORE_PERSON or (_is_mark(prev) and prev != LIST_SEPARATOR) or prev == "的"
        lead_in = lead_in or prev in lexicon.posts() or prev[-1:] in SHORT_GUESS_ROLE_ENDINGS
        after_ok = nxt in AFTER_PERSON or nxt_tag in SHORT_GUESS_NEXT_TAGS
        return lead_in and after_ok and nxt not in LIST_WORDS
    return False


# A two-character name jieba's dictionary holds less often than this is read in the contexts of a
# short guess whatever its score ("董炯" 32; "文明" is common).
RARE_NAME_FREQ = 100
# Tags of the word after a short guess that make it a subject: a verb, a time, an adverb, a
# preposition or a conjunction ("叶光日前…", "马龙虽然…", "丁东所言").
SHORT_GUESS_NEXT_TAGS = frozenset({"v", "t", "d", "p", "c"})
# Last characters of the word before a short guess that make it a role ("学者丁东", "诗圣杜甫").
SHORT_GUESS_ROLE_ENDINGS = frozenset("家者员手师星圣")
# Lowest name score of a two-character name jieba holds to be read in the wider contexts of a guess.
SHORT_NAME_SCORE = 4.5
# Lowest name score of a two-character word jieba coined to be read in the wider contexts of a
# full-length guess ("姑娘董莹主动…", "女高音郑咏，").
SHORT_AS_FULL_SCORE = 5.0
# Lowest name score (``namechars``) of a name-shaped guess: "时公开", "但实绩", "夏之交" score
# below it, "王刚" and "刘秀清" far above.
GUESS_MIN_SCORE = 2.5


# The tag of a word jieba's dictionary does not hold.
UNKNOWN = frozenset({None})
# Lowest name score of a name a weak rule found that the text lends to others, as a strong rule's
# names are lent (its bare mentions and given name elsewhere are then found).
SHARED_NAME_SCORE = 2.5


# jieba's tag for transliterated persons' names ("施拉普纳", "多吉才让").
FOREIGN_PERSON_TAG = "nrt"


# Tags of a token that may be a name: a name, a place (foreign names are often taken for one), unknown.
CANDIDATE_TAGS = frozenset({*NAME_TAGS, "ns", None})


def token_candidates(words: list[str], tags: list[str | None]) -> list[tuple[str, int, int]]:
    """(word, index of first token, index of last token) of what may be a name: a token jieba
    tags as a name or a place, or does not know; and a lone surname token joined with the short
    token after it (jieba's "吴" + "天明")."""
    single, _ = lexicon.surnames()
    if len(tags) != len(words):
        raise ValueError("one tag per word")
    # the tag and surname tests run over the whole token list at C speed; the rest on the few hits
    tagged = compress(range(len(words)), map(CANDIDATE_TAGS.__contains__, tags))
    out = [(words[i], i, i) for i in tagged if len(words[i]) >= 2 and names.is_cjk(words[i][0])]
    rare = compress(range(len(words)), map(RARE_WORD_LENGTH.__eq__, map(len, words)))
    out += [(words[i], i, i) for i in rare if names.rare_name_noun(words[i])]  # "刘彦彬"
    last = len(words) - 1
    out += [
        (words[i] + words[i + 1], i, i + 1)
        for i in compress(range(len(words)), map(single.__contains__, words))
        if i < last and 1 <= len(words[i + 1]) <= names.MAX_GIVEN
    ]
    return out


def person_verb_rule(
    text: str,
    words: list[str],
    tags: list[str | None],
    known: set[str],
    out: PeopleResult,
    candidates: list[tuple[str, int, int]],
) -> None:
    """Name-shaped words in a person's place (see ``_context``); names jieba's dictionary holds
    that do not look Chinese ("奥巴马") only before what people do."""
    last = len(words) - 1
    for word, first, end in candidates:
        if word in out.titles or word in known or word[0] in FUNCTION_SURNAMES or lexicon.is_place(word):
            continue
        if word in lexicon.foreign_brands():  # "欧佩克"
            continue
        pos = tags[first] if first == end else None
        if pos is not None and names.rare_name_noun(word):
            pos = None  # judged as if jieba had coined it: "刘彦彬"
        common_nr = pos in NAME_TAGS and len(word) == 2 and tokens.freq(word) >= COMMON_NR_FREQ
        if common_nr and namechars.name_score(word, 1) < COMMON_NR_MIN_SCORE:
            continue  # "文明", "智慧"; not "李鹏"
        prev = words[first - 1] if first > 0 else "。"
        nxt = words[end + 1] if end < last else "。"
        if _counted_or_dotted(prev, tags[first - 1] if first > 0 else None, nxt) or _even(word, nxt):
            continue
        if pos is None and names.verb_glued(word, nxt):
            continue
        if (
            quoted(prev, nxt)
            and namechars.name_score(word, names.surname_length(word) or 1) < QUOTED_NAME_SCORE
        ):
            continue  # a title or a term in quotes ("《白鹿原》", "“花仙子”"); not "《秦香莲》"
        if foreign.is_foreign_run(word) and foreign.inside_longer_run(prev + word, len(prev)):
            continue  # "基耶" of "恩塔翁维基耶"
        if first != end or pos is None or pos in NAME_TAGS:
            if names.has_name_shape(word):
                full_length = len(word) - names.surname_length(word) == names.MAX_GIVEN
                strength = "guess" if full_length else ("short-guess" if pos is None else "strict")
                if (
                    strength == "strict"
                    and not common_nr
                    and namechars.name_score(word, 1) >= SHORT_NAME_SCORE
                ):
                    strength = "short-guess"  # a two-character name jieba holds, name-like: "丁磊在…"
                if (
                    strength == "strict"
                    and common_nr
                    and namechars.name_score(word, 1) >= COMMON_NR_GUESS_SCORE
                ):
                    strength = "short-guess"  # a famous name jieba holds often, this name-like: "李鹏在…"
                if strength == "strict" and not common_nr and tokens.freq(word) < RARE_NAME_FREQ:
                    strength = "short-guess"  # a name the dictionary holds rarely: "董炯在…"
                if (
                    strength == "short-guess"
                    and pos is None
                    and first == end
                    and namechars.name_score(word, 1) >= SHORT_AS_FULL_SCORE
                ):
                    strength = "guess"  # a coined two-character word this name-like: "选派陈刚上场"
                if first != end and tags[end] in NOT_GIVEN_TAGS:
                    continue
                # jieba's own names ("王老吉", "金银花") keep to the narrow contexts
                prev_tag = tags[first - 1] if first > 0 and pos is None else None
                rare = pos is None or tokens.freq(word) < RARE_NAME_FREQ
                nxt_tag = tags[end + 1] if end < last and rare else None
                ok = (
                    word[-1] not in SHAPE_NOT_ENDINGS
                    and plausible_name(word, known)
                    and _context(prev, nxt, strength, prev_tag, nxt_tag)
                    and namechars.name_score(word, names.surname_length(word)) >= GUESS_MIN_SCORE
                )
            else:
                # made of transliteration characters, or held by jieba as a transliterated name
                is_foreign = first == end and (foreign.is_foreign_run(word) or pos == FOREIGN_PERSON_TAG)
                is_foreign = is_foreign and not foreign.PLACE_LIKE_ENDING.search(word)  # "家里人"
                ok = (
                    is_foreign and (pos in NAME_TAGS or nxt in SPEECH_VERBS) and _context(prev, nxt, "strict")
                )
        else:  # a foreign name jieba mistakes for a place: "奥巴马表示"
            ok = (
                len(word) >= FOREIGN_NAME_MIN
                and nxt in SPEECH_VERBS
                and foreign.is_foreign_run(word)
                and not PLACE_ENDING.search(word)
            )
        if ok and not any(thing_after(text, m.end()) for m in re.finditer(re.escape(word), text)):
            share = namechars.name_score(word, names.surname_length(word) or 1) >= SHARED_NAME_SCORE
            out.add(word, "person-verb", share=share)


# ``name-shape``: a name jieba does not know, judged by its characters (``namechars``).
# Lowest name score of a three-character candidate and of a two-character one (fewer characters
# to judge by, and jieba coins more two-character words that are none).
SHAPE_MIN_SCORE = {3: 4.0, 2: 4.5}
# Before a noun a candidate is mostly a brand, a project or a place ("郑焦晋城际"); only a very
# name-like one is taken there ("宋庆龄奖学金").
SHAPE_BEFORE_NOUN_SCORE = 7.0
# Endings that make a name-shaped word a clan, a family or a place ("陈氏", "王府井").
SHAPE_NOT_ENDINGS = frozenset("氏家府井营沟堡湾坡岭寨屯桥寺殿街庄楼赛体")
QUOTE_OPENERS = "《“‘「『"
QUOTE_CLOSERS = "》”’」』"
# Lowest name score of a name-shaped word standing alone in quotes: a play named after its heroine
# ("《秦香莲》" 6.8) passes, a novel named after a place ("《白鹿原》" 2.9) or a term does not.
QUOTED_NAME_SCORE = 6.0
# Last characters of nouns for people ("原告", "果农", "打工仔", "讲师"): after another noun a
# candidate is mostly part of a name of a thing ("示范区郑焦晋").
PERSON_NOUN_ENDINGS = frozenset("人员者家师工农民长生手匠仔主官告兵士友子妻夫姐妹兄弟事队")
# ...unless the candidate is that name-like ("任命崔永乾为…": jieba tags 任命 a noun).
SHAPE_AFTER_NOUN_SCORE = 6.0


def quoted(prev: str, nxt: str) -> bool:
    """Is a word between ``prev`` and ``nxt`` all of a quotation or a title of a work?"""
    return prev[-1:] in QUOTE_OPENERS and nxt[:1] in QUOTE_CLOSERS


def _single_char(word: str) -> bool:
    return len(word) == 1 and names.is_cjk(word)


# Tags of a lone character that is rather a stray part of a name than a word of its own ("王绍" +
# "鏊", "裴子" + "鸿"): a noun, a morpheme, a name part, or unknown.
STRAY_TAGS = frozenset({"n", "g", "ng", "nr", None})


def _stray(word: str, tag: str | None) -> bool:
    return _single_char(word) and tag in STRAY_TAGS


ShapeCandidate = tuple[str, str, "str | None", str, "str | None"]


def _shape_candidates(
    words: list[str], tags: list[str | None], candidates: list[tuple[str, int, int]]
) -> Iterator[ShapeCandidate]:
    """(name, what follows and its tag, what comes before and its tag) for
    names jieba did not keep whole: a word it coined ("刘秀清"), a surname token and the next ("邱"
    + "永华"), a coined two-character word and a stray character after it ("王绍" + "鏊", "曾彩" +
    "美率", "王义" + "胜" before a mark), a coined word that ran on into the next word ("崔永乾为"),
    a name glued to the character before it ("致牟小东", "装帧家张" + "守义")."""
    last = len(words) - 1

    def following(i: int) -> tuple[str, str | None]:
        return (words[i + 1], tags[i + 1]) if i < last else ("。", None)

    def before(i: int) -> tuple[str, str | None]:
        return (words[i - 1], tags[i - 1]) if i > 0 else ("。", None)

    single, _ = lexicon.surnames()
    for word, first, end in candidates:
        if first == end and tags[first] is not None and not names.rare_name_noun(word):
            continue  # jieba knows the word: other rules judge it
        if first != end and tags[end] in NOT_GIVEN_TAGS:
            continue  # "路" + "西侧": no given name
        yield (word, *following(end), *before(first))
    # words jieba does not know that start with a surname: found at C speed, then looked at
    unknown = compress(range(len(words)), map(UNKNOWN.__contains__, tags))
    for i in unknown:
        word = words[i]
        if word[:1] not in single:
            continue
        if len(word) == 2 and i < last and names.is_cjk(words[i + 1][:1]):
            nxt, nxt_tag = words[i + 1], tags[i + 1]
            if nxt_tag is None and len(nxt) == 2 and nxt[1] in names.AFTER_NAME_CHARS | NAME_CLOSERS:
                yield word + nxt[0], nxt[1], CLOSER_TAG, *before(i)  # "曾彩" + "美率"
            elif _stray(nxt, nxt_tag) or (_single_char(nxt) and following(i + 1)[0][:1] in PHRASE_MARKS):
                yield (word + nxt, *following(i + 1), *before(i))  # "王绍" + "鏊"
        elif len(word) in (3, 4) and word[-1] in names.AFTER_NAME_CHARS:
            yield word[:-1], word[-1], CLOSER_TAG, *before(i)  # "崔永乾为", "陈健为"
        elif i < last and names.verb_glued(word, words[i + 1]):
            yield word[:2], word[2], VERB_TAG, *before(i)  # "赵磊作" + "了"
    for i in compress(range(len(words)), map(UNKNOWN.__contains__, tags)):
        word = words[i]
        if 3 <= len(word) <= 4 and word[0] in GLUE_CHARS and word[1] in single:
            yield (word[1:], *following(i), word[0], GLUE_TAG)  # "致牟小东"
        elif len(word) == 2 and word[1] in single and word[0] in GLUED_BEFORE_SURNAME and i < last:
            nxt, nxt_tag = words[i + 1], tags[i + 1]
            if 1 <= len(nxt) <= 2 and names.is_cjk(nxt[0]) and nxt_tag in GLUED_GIVEN_TAGS:
                yield (word[1] + nxt, *following(i + 1), word[0], GLUE_TAG)  # "家张" + "守义"


# The length of the words jieba may hold as rare nouns that are names (``names.rare_name_noun``),
# judged as if jieba had coined them: the dictionary holds many names as nouns ("陈佳洱").
RARE_WORD_LENGTH = 3
# Marks that end a phrase: a lone character before one ends the name before it ("王义" + "胜" + "、").
PHRASE_MARKS = frozenset("、，。；：！？）")
# Characters jieba glues to a name after them: prepositions and verbs of address ("致牟小东").
GLUE_CHARS = frozenset("致给向对和与同由像")
# Last characters of role words jieba glues to the surname after them ("装帧家张", "25队张").
ROLE_ENDINGS = frozenset("家队长员者师手")
# ...and the units of a date jieba glues the same way ("1954年王" + "金兰").
GLUED_BEFORE_SURNAME = ROLE_ENDINGS | frozenset("年月日号")
# Tags of the token that may hold the given name after such a glued surname.
GLUED_GIVEN_TAGS = frozenset({None, "n", "nr", "a", "v"})
# The tag given to a glued character standing before a name (a lead-in, no stray part of a name).
GLUE_TAG = "glue"
# Characters that may follow a name inside a word jieba coined: forms of address ("李赋宁兄").
NAME_CLOSERS = frozenset("兄姐弟妹君老率")
# The tag given to such a closing character (not a stray part of a name).
CLOSER_TAG = "closer"
# The tag of the verb jieba glued to a name ("赵磊作" + "了").
VERB_TAG = "v"


def name_shape_rule(
    text: str,
    words: list[str],
    tags: list[str | None],
    known: set[str],
    out: PeopleResult,
    candidates: list[tuple[str, int, int]],
) -> None:
    """Name-shaped words jieba coined or split ("刘秀清", "邱" + "永华", "王绍" + "鏊"), taken on
    the strength of their characters where no cue says more: not a function character plus a
    word, not a transliteration or a place, not a fragment of a longer name, not a quoted title,
    and before a noun only when very name-like."""
    for word, nxt, nxt_tag, prev, prev_tag in _shape_candidates(words, tags, candidates):
        if word in out.titles or word in known or not names.has_name_shape(word):
            continue
        sl = names.surname_length(word)
        threshold = SHAPE_MIN_SCORE.get(len(word) - sl + 1)
        if threshold is None or word[0] in FUNCTION_SURNAMES or word[-1] in SHAPE_NOT_ENDINGS:
            continue
        if lexicon.is_place(word) or foreign.is_foreign_run(word) or not plausible_name(word, known):
            continue
        if (
            _counted_or_dotted(prev, prev_tag, nxt)
            or _even(word, nxt)
            or prev[-1:] in QUOTE_OPENERS
            or names.verb_glued(word, nxt)
        ):
            continue
        # a fragment: a stray character beside it belongs to the name ("王绍" + "鏊", "屈" + "吴山")
        if _stray(nxt, nxt_tag) or (_stray(prev, prev_tag) and prev not in names.BEFORE_NAME_CHARS):
            continue
        score = namechars.name_score(word, sl)
        if score < threshold:
            continue
        if prev_tag == "n" and prev[-1] not in PERSON_NOUN_ENDINGS and score < SHAPE_AFTER_NOUN_SCORE:
            continue
        before_noun = nxt_tag is not None and nxt_tag.startswith("n") and nxt_tag not in NAME_TAGS
        if before_noun and score < SHAPE_BEFORE_NOUN_SCORE:
            continue
        if any(thing_after(text, m.end()) for m in re.finditer(re.escape(word), text)):
            continue
        out.add(word, "name-shape", share=score >= SHARED_NAME_SCORE)
