"""Foreign persons' names as Chinese papers transliterate them: "约翰·史密斯", "总统拜登", "默克尔表示".

A transliterated name is made of the small set of characters the standard transliteration tables
use; some of them ("斯", "尔", "克") are rare in Chinese given names, so a run of table characters
holding one of those reads as foreign. Names joined by a middle dot are foreign (or minority) names
whatever their characters: their parts are the names and unknown words of jieba's cut beside the
dots. ``held_names`` reads the transliterated names of jieba's cut that stand
where a person stands.
"""

from __future__ import annotations

import re
from itertools import accumulate, compress, pairwise

from . import lexicon, names, tokens

# Characters of the transliteration tables (sounds, not meanings).
TRANSLIT_CHARS = frozenset(
    "阿埃艾爱安昂奥巴拜班邦鲍贝本比彼毕宾波伯博布查达戴丹道德登迪蒂丁东杜顿多厄恩法凡范菲费芬丰佛弗福"
    "盖甘冈戈哥格根古哈海汉豪赫黑亨胡华怀霍基吉加贾杰金卡凯坎康柯科克肯库夸奎拉莱赖兰朗劳勒雷蕾里利莉"
    "丽连列林琳卢鲁路伦罗洛马玛迈麦曼芒梅门蒙米密明摩莫默姆穆纳娜乃内尼宁纽努诺欧帕潘庞佩彭皮珀普奇齐"
    "恰乔切钦琼丘萨塞赛桑瑟森沙莎善尚舍什施史斯松苏索塔泰坦汤唐特提廷汀通图托瓦万旺威韦维温沃乌伍西希"
    "锡夏谢辛休雅亚扬耶伊依因英尤约泽扎詹兹佐卓翰逊京尔热木买龙吐代苗贡儒略季卜津烈延若岑嘎隆仁叶"
)
# Table characters that Chinese given names hardly use: one of them makes a run read as foreign.
FOREIGN_MARKS = frozenset("斯尔克特姆贝基夫娜莎逊翰默普拜登塞诺蒂迪罗洛雷戈库奥埃伊乌兹詹贾弗")
# Shortest and longest undotted transliterated name taken.
MIN_RUN, MAX_RUN = 2, 6
# Dots that join the parts of a transliterated name.
DOTS = "·•・‧"
# More table characters, read only inside a dotted name (where the dot already says foreign): alone
# some of them run into ordinary words ("夫" of "撒切尔夫人").
DOTTED_ONLY_CHARS = frozenset("勃理廉夫茨涅妮得罕撒契芙丝娅奈舒瑞派娃孜彻瑙甫察捷梭")


# A run of table characters this long reads as foreign without a mark ("阿吉莱拉")...
UNMARKED_MIN_RUN = 3
# ...when no two characters of it make a word jieba's dictionary holds this often ("马丁", "林丹").
UNMARKED_PAIR_FREQ = 300


# A run that starts with an everyday word jieba holds this often (not as a name or a place) is that
# word and what follows, no name: "基本" of "基本生活", "基金" (jieba holds no transliterated name
# starting with such a word: "罗马诺" and "波斯特" start with places).
COMMON_START_FREQ = 1000
# The tags of such an everyday word's rivals: names and places.
NAME_OR_PLACE_TAGS = frozenset({*tokens.NAME_TAGS, "ns"})


def starts_with_everyday_word(run: str) -> bool:
    """Do the first two characters of ``run`` make a common word that is no name or place, while
    jieba does not hold the whole run as a name?"""
    head = run[:2]
    tag = tokens.tag(head)
    if tag is None or tag in NAME_OR_PLACE_TAGS or tokens.freq(head) < COMMON_START_FREQ:
        return False
    return tokens.tag(run) not in tokens.NAME_TAGS


def is_foreign_run(word: str) -> bool:
    """Is ``word`` wholly made of transliteration characters, with a foreign mark among them, or
    long enough and made of no word jieba holds?"""
    if not MIN_RUN <= len(word) <= MAX_RUN or not all(ch in TRANSLIT_CHARS for ch in word):
        return False
    if lexicon.is_place(word) or starts_with_everyday_word(word):
        return False
    return reads_foreign(word)


def reads_foreign(run: str) -> bool:
    """Does a run of table characters read as foreign: a foreign mark in it ("斯", "尔"), or long
    enough with no word jieba holds in it ("阿吉莱拉")?"""
    return any(ch in FOREIGN_MARKS for ch in run) or _unmarked_foreign(run)


def _unmarked_foreign(word: str) -> bool:
    return (
        len(word) >= UNMARKED_MIN_RUN
        and all(a != b for a, b in pairwise(word))  # not "沙沙沙"
        and not tokens.is_word(word)
        and all(tokens.freq(word[i : i + 2]) < UNMARKED_PAIR_FREQ for i in range(len(word) - 1))
    )


def table_run_at(text: str, pos: int) -> str:
    """The run of table characters starting at ``text[pos]``, at most one longer than a name."""
    end = pos
    while end < len(text) and end - pos <= MAX_RUN and text[end] in TRANSLIT_CHARS:
        end += 1
    return text[pos:end]


def foreign_run_at(text: str, pos: int) -> str | None:
    """The transliterated name starting at ``text[pos]`` (after a title), or None."""
    run = table_run_at(text, pos)
    return run if is_foreign_run(run) else None


def inside_longer_run(text: str, start: int) -> bool:
    """Does a transliterated word starting at ``text[start]`` continue a run or a dotted name before it?"""
    return start > 0 and (text[start - 1] in TRANSLIT_CHARS or text[start - 1] in DOTS)


def snap_to_cut(text: str, start: int, name: str) -> str:
    """``name`` (read at ``text[start]``) with its end moved to where jieba's cut has a word end:
    on over the rest of a word made of table characters ("尤尔契" + "奇"), or back off an ordinary
    word the last character starts ("约翰松" + "得意洋洋", "莱昂纳德" + "夫妇"); a piece jieba
    coined across the end ("戈麦尔斯" + "基将") moves nothing."""
    window = text[start : start + len(name) + MAX_RUN]
    pos = 0
    for word in tokens.cut(window):
        if pos + len(word) <= len(name):
            pos += len(word)
            continue
        if pos == len(name):
            return name
        whole = window[: pos + len(word)]
        if all(ch in TRANSLIT_CHARS or ch in DOTTED_ONLY_CHARS for ch in whole) and len(whole) <= MAX_RUN:
            return whole
        if tokens.tag(word) is not None and pos >= MIN_RUN:  # a word jieba holds, not a piece it coined
            return window[:pos]
        return name
    return name


# Shortest transliteration jieba coins as one word that is read without a foreign mark ("教练雅凯：").
COINED_MIN = 2


def held_word_at(text: str, pos: int) -> str | None:
    """The first word of jieba's cut at ``pos`` when it is made of table characters and jieba
    holds it as a name ("列宁") or coins it whole ("卡林顿"), though no foreign mark is in it;
    not a place or a brand."""
    run = table_run_at(text, pos)
    if len(run) < MIN_RUN:  # no run of table characters here: nothing to cut
        return None
    words = tokens.cut(text[pos : pos + len(run) + 2])
    word = words[0] if words else ""
    tag = tokens.tag(word)
    if tag is None and len(word) > len(run) and word[len(run) :] in names.AFTER_NAME_CHARS:
        word = run  # "塔博说": jieba glued the verb after the name into the word it coined
    if not MIN_RUN <= len(word) <= MAX_RUN or not all(ch in TRANSLIT_CHARS for ch in word):
        return None
    if not (tag in ("nr", "nrt") or (tag is None and len(word) >= COINED_MIN)):
        return None
    if lexicon.is_place(word) or word in lexicon.foreign_brands():
        return None
    return word


# Marks that close a name standing alone after a post ("主席施图岑贝格、副主席…").
FRAME_CLOSERS = frozenset("、，,。；;：:）)")
# Tags of the pieces jieba may cut such a name into: names, places, terms and words it coins.
FRAMED_PIECE_TAGS = frozenset({*tokens.NAME_TAGS, None, "ns", "nz"})
# No piece of such a name is a word jieba's dictionary holds this often, unless as a name ("迈克").
FRAMED_PIECE_FREQ = 50


def framed_name_at(text: str, pos: int) -> str | None:
    """A transliterated name at ``text[pos]`` (right after a post) read whole up to a mark or a
    rank, though jieba cuts it in pieces and some of its characters are outside the tables
    ("施图岑|贝格、", "西姆|贝叶中将"): at least two pieces, one of them foreign, none a common
    word, most characters from the tables; not a place."""
    if len(table_run_at(text, pos)) < MIN_RUN:  # no cut needed: "王大明", "马小红"
        return None
    pieces: list[str] = []
    length = 0
    for word in tokens.cut(text[pos : pos + MAX_RUN + 3]):
        if word[0] in FRAME_CLOSERS or word in lexicon.posts():
            break
        length += len(word)
        if length > MAX_RUN:
            return None
        pieces.append(word)
    else:
        return None  # no mark or rank closes it within reach
    name = "".join(pieces)
    if len(pieces) < 2 or 2 * sum(ch in TRANSLIT_CHARS for ch in name) < len(name):
        return None
    if not any(is_foreign_run(p) or tokens.tag(p) == "nrt" for p in pieces):
        return None
    if name[-1] in names.AFTER_NAME_CHARS:  # "斯马|加及" + "主任": the name ends before "及"
        return None
    for piece in pieces:
        tag = tokens.tag(piece)
        if tag not in FRAMED_PIECE_TAGS or (
            tag not in tokens.NAME_TAGS and tokens.freq(piece) >= FRAMED_PIECE_FREQ
        ):
            return None
    return None if lexicon.is_place(name) else name


def foreign_run_before(text: str, pos: int) -> str | None:
    """The transliterated name ending right before ``text[pos]`` ("克林顿" of "克林顿总统"), or None."""
    start = pos
    while start > 0 and pos - start < MAX_RUN and text[start - 1] in TRANSLIT_CHARS:
        start -= 1
    if start > 0 and text[start - 1] in TRANSLIT_CHARS:  # a longer run: not one name
        return None
    run = text[start:pos]
    return run if is_foreign_run(run) else None


# A chain of words joined by middle dots, each side long enough to hold a part of a name.
DOTTED_CHAIN = re.compile(rf"[\u4e00-\u9fff]{{1,12}}(?:[{DOTS}][\u4e00-\u9fff]{{1,12}})+")
# Longest first and last part of a dotted name.
MAX_FIRST_PART, MAX_LAST_PART = 6, 8
# Tags of a word that may be a part of a dotted name: a name, or a word jieba does not know
# ("雷腾", "确吉坚赞"); any word made of transliteration characters is one too ("佛" + "朗切斯科").
PART_TAGS = frozenset({*tokens.NAME_TAGS, None})
# A word jieba tags as a place but holds less often than this may be a part too ("迪南").
RARE_PLACE_WORD_FREQ = 100


def _is_part(word: str) -> bool:
    if not all(map(names.is_cjk, word)):
        return False
    if _all_table(word):
        return True
    if word in lexicon.posts():  # "顾问", which jieba tags as a name
        return False
    tag = tokens.tag(word)
    if tag is None and word[0] in names.BEFORE_NAME_CHARS:  # jieba's "和泽" of "卡洛斯和泽·罗伯特"
        return False
    if tag == "ns":  # a rare word jieba takes for a place ("费尔" + "迪南"), not a place of ours
        return tokens.freq(word) < RARE_PLACE_WORD_FREQ and not lexicon.is_place(word)
    return tag in PART_TAGS


# Tags of a lone character that may start a part jieba split off ("仁" + "奎斯特"): a morpheme or
# a noun, not a function word ("和" + "马尔西奥").
STRAY_PART_TAGS = frozenset({"ng", "g", "n", "nr", None})


def _take_parts(words: list[str], limit: int, after_dot: bool = False) -> list[str]:
    """The words of ``words``, walked away from the dot, that form a part of a name (at most
    ``limit`` characters); none when the first word is no part. ``after_dot``: the last word, one
    jieba coined with a function word or a verb glued to its end, gives the rest ("科斯蒂" + "安获"
    -> "安"; not "恩关" + "杜")."""
    taken: list[str] = []
    for i, word in enumerate(words):
        ends_here = i + 1 == len(words) or not _is_part(words[i + 1])
        if after_dot and ends_here and _glued_end(word):
            if _is_part(word[:-1]) and sum(map(len, taken)) + len(word) - 1 <= limit:
                taken.append(word[:-1])
            break
        # a lone character jieba split off a transliteration is a part too ("仁" + "奎斯特")
        stray = (
            len(word) == 1
            and tokens.tag(word) in STRAY_PART_TAGS
            and i + 1 < len(words)
            and len(words[i + 1]) > 1
            and _all_table(words[i + 1])
        )
        if not (_is_part(word) or stray) or sum(map(len, taken)) + len(word) > limit:
            break
        taken.append(word)
    return taken


# A common single-character word that jieba glues to the end of a transliteration it coins
# ("韦思" + "以", "科斯蒂安" + "获"): a preposition, a verb, a conjunction or an adverb.
GLUED_END_TAGS = frozenset({"p", "v", "c", "d"})
GLUED_END_FREQ = 5000


def _glued_end(word: str) -> bool:
    last = word[-1:]
    return (
        len(word) >= 2
        and tokens.tag(word) is None
        and last not in TRANSLIT_CHARS
        and last not in DOTTED_ONLY_CHARS
        and tokens.tag(last) in GLUED_END_TAGS
        and tokens.freq(last) >= GLUED_END_FREQ
    )


def mostly_table(word: str) -> bool:
    """Are all characters of ``word`` but one at most transliteration characters ("马克思"; not
    "朗朗上口", "家里人")?"""
    return sum(ch not in TRANSLIT_CHARS and ch not in DOTTED_ONLY_CHARS for ch in word) <= 1


def _all_table(word: str) -> bool:
    return all(ch in TRANSLIT_CHARS or ch in DOTTED_ONLY_CHARS for ch in word)


def _after_glue(head: str, words: list[str]) -> str:
    """The part jieba glued to what ends before it: a function character ("和泽" of
    "…和泽·罗伯特") or the end of a post ("领导人" + "人格" of "领导人格·阿·亚夫林斯基")."""
    word = words[0] if words else ""
    if len(word) < 2 or not _is_part(word[1:]):
        return ""
    before = head[: len(head) - len(word) + 1]  # the text up to the glued character
    glued = word[0] in names.BEFORE_NAME_CHARS and tokens.tag(word) is None
    return word[1:] if glued or lexicon.post_ends_at(before, len(before)) else ""


def dotted_names(text: str) -> list[tuple[str, int]]:
    """Names joined by a middle dot, each with its start: [("约翰·史密斯", 12), …].

    The dot says "a foreign or a minority name" whatever the characters, so the name's edges are
    read on jieba's cut: the part before a dot is the run of names, unknown words and
    transliterations right before it ("名叫" + "保罗·邦珀": a verb ends it; "总理" +
    "罗伯特·马尔登"), the part after it the same run after it ("吉姆·雷腾，", "柯林·钱德勒在").
    Where the words between two dots are all parts, one name goes on over both ("儒尼奥尔·
    拜伊亚诺"); else they are two ("罗伯特·卡洛斯和泽·罗伯特"). A name whose first part is a
    place is none ("中国·焦作")."""
    out: list[tuple[str, int]] = []
    if not any(dot in text for dot in DOTS):
        return out
    for m in DOTTED_CHAIN.finditer(text):
        chain = m.group(0)
        dots = [i for i, ch in enumerate(chain) if ch in DOTS]
        bounds = [-1, *dots, len(chain)]
        segments = [chain[a + 1 : b] for a, b in pairwise(bounds)]
        name_start: int | None = None  # where the name being read starts in the chain
        for k in range(len(dots)):
            before, after = segments[k], segments[k + 1]
            if name_start is None:
                words = tokens.cut(before)[::-1]
                first = "".join(reversed(_take_parts(words, MAX_FIRST_PART))) or _after_glue(before, words)
                if not first or lexicon.is_place(first):
                    continue
                name_start = dots[k] - len(first)
            last = "".join(_take_parts(tokens.cut(after), MAX_LAST_PART, after_dot=True))
            if not last:
                name_start = None
                continue
            if last == after and k + 1 < len(dots):
                continue  # the name goes on over the next dot
            out.append((chain[name_start : dots[k] + 1 + len(last)], m.start() + name_start))
            name_start = None
    return out


def dotted_name_at(text: str, pos: int) -> str | None:
    """The dotted name starting at ``text[pos]`` ("董事长" + "迈克·鲍林"), or None."""
    window = text[pos : pos + MAX_FIRST_PART + 1 + 2 * (MAX_LAST_PART + 1)]
    if not any(dot in window[: MAX_FIRST_PART + 1] for dot in DOTS):
        return None
    for name, start in dotted_names(window):
        if start == 0:
            return name
    return None


# ``held_names``: transliterated names jieba's dictionary holds (tag ``nrt``) or coins from table
# characters, standing where a person stands. Shortest such word taken (two-character ones are
# mostly fragments of a longer name jieba split, or ordinary words it mistags: "令人", "斯特").
HELD_MIN = 3
SHORT_HELD = 2
# Tags of such words: a transliterated name; unknown or a place when made of table characters.
HELD_TAGS = frozenset({"nrt", "ns", None})
# Endings of foreign places and buildings ("罗马尼亚", "约翰内斯堡", "舍利塔"), and "人" of nouns
# for people ("山里人").
PLACE_LIKE_ENDING = re.compile(r"[省市县区镇乡村州国岛山河湖江亚堡湾港城塔人]$")
# Words before a place rather than a person ("在布鲁塞尔", "来自阿拉斯加", "本报布鲁塞尔…电").
BEFORE_PLACE = lexicon.words("在 来自 到 赴 抵达 访问 前往 飞往 位于 于 从 本报 途经 经")
# What may follow such a name besides a mark or what people do: forms of address, "的话".
AFTER_FOREIGN_NAME = lexicon.words("夫人 先生 女士 小姐 的话 本人 一行")
# Words that follow the subject of a clause ("琼斯在比赛中", "卡尔波夫将于…"): after a mark or a
# verb they make a transliterated name jieba holds a person, unless it is a known brand or club.
SUBJECT_NEXT = lexicon.words("在 将 会 有 已 曾 也 都 则 就 还 又 已经 正在 便 却 从 身上")
# Last characters of words for a player's or a person's role before a name ("前锋贝贝托").
ROLE_LAST_CHARS = frozenset("员手锋卫将星练家者长")
LIST_MARK = "、"


def nationality_before(text: str, start: int) -> bool:
    """Does a nationality ("波兰人", "英国人") end right before ``text[start]``?"""
    if start < 3 or text[start - 1] != "人":
        return False
    countries = lexicon.world_places()
    return any(countries.get(text[start - 1 - n : start - 1]) for n in range(2, 6) if start - 1 - n >= 0)


def held_names(text: str, words: list[str], tags: list[str | None], person_next: frozenset[str]) -> list[str]:
    """Transliterated names in ``words`` (jieba's cut of ``text``) that stand where a person does:
    after a role, a post or a mark, and before a mark, a form of address or what people do
    (``person_next``); not a fragment of a longer run, a place, or a name a company or team bears."""
    places = lexicon.places()
    posts = lexicon.posts()
    found: list[str] = []
    last = len(words) - 1
    if len(tags) != len(words):
        raise ValueError("one tag per word")
    ends = list(accumulate(map(len, words)))
    # the tag test runs over the whole token list at C speed; the rest on the few hits
    for i in compress(range(len(words)), map(HELD_TAGS.__contains__, tags)):
        word, tag = words[i], tags[i]
        start, pos = ends[i] - len(word), ends[i]
        if len(word) < SHORT_HELD or not (tag == "nrt" or is_foreign_run(word)):
            continue
        if tag == "nrt" and not mostly_table(word):
            continue  # an idiom or a noun jieba tags as a transliterated name: "朗朗上口"
        short = len(word) < HELD_MIN  # "琼斯": only a whole run, as a subject or before a verb
        if short and (tag != "nrt" or not is_foreign_run(word) or text[pos : pos + 1] in TRANSLIT_CHARS):
            continue
        prev = words[i - 1] if i > 0 else "。"
        nxt = words[i + 1] if i < last else "。"
        if prev[-1:] in DOTS or nxt[:1] in DOTS or inside_longer_run(text, start):
            continue  # a part of a dotted or longer name
        if PLACE_LIKE_ENDING.search(word) or word in places or word in lexicon.world_places():
            continue
        if any(word + s in places for s in "市县"):
            continue
        if prev in BEFORE_PLACE or (i > 0 and tags[i - 1] == "ns"):  # "德国多特蒙德"
            continue
        if word in lexicon.foreign_brands():
            continue
        role_before = prev in posts or prev[-1:] in ROLE_LAST_CHARS or nationality_before(text, start)
        # a mark ends a person's mention; a list mark only after a role (lists of clubs and towns)
        mark_after = not any(map(names.is_cjk, nxt)) and (nxt != LIST_MARK or role_before)
        # a subject's word after a mark or a verb: "，琼斯在…", "没想到琼斯会…"
        subject = nxt in SUBJECT_NEXT and (not any(map(names.is_cjk, prev)) or tags[i - 1] == "v")
        if short and not (subject or nxt in person_next):
            continue
        if not (mark_after or nxt in person_next or nxt in AFTER_FOREIGN_NAME or role_before or subject):
            continue
        if names_a_thing(text, pos):
            continue
        found.append(word)
    return found


# What follows a name when it names a thing or a place ("菲利普斯公司", "格雷米奥队", "…港").
THING_AFTER_FOREIGN = re.compile(
    r"(?:公司|集团|俱乐部|足球队|球队|队|杯|奖|大学|学院|基金会|银行|酒店|品牌|汽车|电脑|省|州|市|港|城|湾|"
    r"河|山|岛|堡|人|语|族|式|派|教(?![授练师员])|舰|号|牌|国|地区|大街|街|路|广场|体育场|体育馆|机场|大桥|电视台|通讯社|报)"
)


def names_a_thing(text: str, end: int) -> bool:
    """Does a word for a thing or a place ("公司", "队", "堡") start at ``text[end]``?"""
    return THING_AFTER_FOREIGN.match(text, end) is not None
