"""People a text addresses by surname alone: "吴先生", "周总理", "老傅", "孙某", "姓戴的".

The surname is the only part of the name printed, so these are no records of ``people`` (a person
named "吴" would merge every Wu of a corpus); they are returned apart, each with the form of
address and, when the text or the caller's known names hold exactly one full name with that
surname, the person meant ("吴先生" after "吴宓先生" is 吴宓).

Forms, read on jieba's cut (a surname must start a token, so "总书记" or "小时" never match):

- a surname and a form of address or an office in one token or two: "郑先生", "靳" + "教授";
- "老" or "小" and a surname as one token jieba does not hold as a word ("老傅"; not "小康");
- a surname and "某" ("孙某"), "氏" ("陈氏") or "姓" ("李姓女子"), or "姓" and a surname ("姓戴");
- surnames listed before the address they share: "邓、罗夫妇".
"""

from __future__ import annotations

from functools import cache
from itertools import compress

from . import lexicon, namechars, names, tokens
from .candidates import FUNCTION_SURNAMES

# Forms of address and offices that follow a bare surname.
ADDRESSES = lexicon.words(
    "先生 女士 小姐 太太 夫人 夫妇 老师 师傅 师父 教授 医生 大夫 同志 老 总 总理 主席 委员长 书记 支书 "
    "主任 局长 部长 厅长 处长 科长 省长 市长 县长 区长 镇长 乡长 村长 校长 院长 厂长 所长 站长 队长 "
    "经理 老板 工程师 大爷 大娘 大妈 大婶 大嫂 大哥 大姐 大叔 阿姨 奶奶 爷爷 婆婆 老汉 老太 妈妈 老伯 "
    "太守 知府 知县 县令 刺史 丞相 宰相 总书记 副主席 副总理 副省长 副市长 副县长 副区长 副书记 副局长 "
    "副部长 副院长 副校长 副主任 馆长 行长 社长 会长 董事长 总经理 总裁 总监 秘书长 主编 教练 司令 "
    "军长 师长 团长 营长 连长 排长 班长 政委 参谋长 将军 律师 警官 法官 会计 护士 总统 副总统 委员 议员 "
    "立委 首相 大使"
)
# One-character forms that address a person only in one token with the surname, a token jieba
# does not hold as a word ("钱老", "孙某", "陈氏"; not "古" + "老" of "古老").
FUSED_ONLY = frozenset("老某氏姓")
# Surname characters that are far more often function words ("但太太…", "和老师").
NOT_ALONE = FUNCTION_SURNAMES | frozenset("但也还就把将为与及对被让给在是")
# What stands before a surname to address a person familiarly ("老傅", "小王").
FAMILIAR_PREFIXES = frozenset("老小")
# Lowest surname score (``namechars``) of a surname addressed familiarly: "老" and "小" start many
# words, so the character after them must be mostly a surname ("老傅", not "小车").
FAMILIAR_MIN_SURNAME_SCORE = 2.0
# An unnamed person: "孙某".
UNNAMED = "某"
# What introduces a surname: "一位姓戴的主任".
SURNAME_INTRO = "姓"
LIST_SEPARATOR = "、"


def _surname_of(word: str) -> str | None:
    """``word`` itself when it is a surname that may stand alone (not a function character)."""
    sl = names.surname_length(word)
    if not sl or sl != len(word) or word in NOT_ALONE:
        return None
    return word


def _fused(word: str) -> tuple[str, str] | None:
    """(surname, address) of a token that is both ("郑先生", "周总理", "孙某"), unless the token is
    an ordinary word jieba holds under another tag ("总书记")."""
    sl = names.surname_length(word)
    if not sl or word[:sl] in NOT_ALONE:
        return None
    rest = word[sl:]
    if rest not in ADDRESSES and rest not in FUSED_ONLY:
        return None
    if rest == SURNAME_INTRO:  # "李姓女子", "杨姓" (jieba's name entry); not "百姓"
        return (word[:sl], rest) if tokens.tag(word) in (None, "nr", "nrfg") else None
    if len(rest) == 1 and tokens.freq(word):  # "古老", "王总" held as a word
        return None
    if tokens.is_word(word) and tokens.tag(word) not in ("nr", "nrfg", "n"):  # "总书记"
        return None
    return word[:sl], rest


def _familiar(word: str) -> tuple[str, str] | None:
    """(surname, "老"/"小") of a token like "老傅", which jieba coined rather than holds."""
    if len(word) != 2 or word[0] not in FAMILIAR_PREFIXES or tokens.is_word(word):
        return None
    surname = _surname_of(word[1])
    if surname is None or namechars.surname_score(surname) < FAMILIAR_MIN_SURNAME_SCORE:
        return None
    return surname, word[0]


@cache
def _may_address() -> frozenset[str]:
    """Every token a surname mention can start at: a surname alone, a surname and a form of
    address, "老"/"小" or "姓" and a surname. Tested on all tokens at once (C speed); the few
    hits are then looked at."""
    single, double = lexicon.surnames()
    surnames = single | double
    endings = ADDRESSES | FUSED_ONLY
    out = set(surnames) | {s + e for s in surnames for e in endings}
    out |= {p + s for p in (*FAMILIAR_PREFIXES, SURNAME_INTRO) for s in single}
    return frozenset(out)


def find_addressed(
    words: list[str], people: list[str], known: set[str] | frozenset[str] = frozenset()
) -> list[dict]:
    """Surname mentions of ``words`` (a jieba cut): [{surname, address, person}], each pair once,
    in order. ``people`` are the full names found in the text, ``known`` names from elsewhere."""
    found: list[tuple[str, str]] = []
    for i in compress(range(len(words)), map(_may_address().__contains__, words)):
        word = words[i]
        nxt = words[i + 1] if i + 1 < len(words) else ""
        hit = _fused(word) or _familiar(word)
        if hit is None and (surname := _surname_of(word)) is not None:
            if nxt in ADDRESSES and nxt not in FUSED_ONLY:
                hit = (surname, nxt)
            elif nxt.startswith(UNNAMED):
                hit = (surname, UNNAMED)
            elif i > 0 and words[i - 1] == SURNAME_INTRO:
                hit = (surname, SURNAME_INTRO)
        if hit is None and word.startswith(SURNAME_INTRO) and (surname := _surname_of(word[1:])):
            hit = (surname, SURNAME_INTRO)
        if hit is None or _ends_name(words, i):
            continue
        if hit[1] not in (SURNAME_INTRO, *FAMILIAR_PREFIXES):
            found.extend(_listed_before(words, i, hit[1]))
        found.append(hit)
    out: list[dict] = []
    seen: set[tuple[str, str]] = set()
    for surname, address in found:
        if (surname, address) in seen:
            continue
        seen.add((surname, address))
        out.append({"surname": surname, "address": address, "person": _person(surname, people, known)})
    return out


# jieba's tag of a numeral.
NUMERAL_TAG = "m"


def _ends_name(words: list[str], i: int) -> bool:
    """Is the surname at ``words[i]`` the end of a name jieba split ("范慕" + "韩先生"), or the
    familiar form the start of a word ("小白" + "幡")? A coined token starting with a surname
    before it, or a lone character after a familiar form, says so."""
    nxt = words[i + 1] if i + 1 < len(words) else ""
    if _familiar(words[i]) is not None:  # "小白" + "幡", "小戈" + "麦尔斯" + "基"
        if names.is_cjk(nxt) and nxt not in names.AFTER_NAME_CHARS and nxt != "的":
            return True
        held_as_name = tokens.tag(nxt) in ("nr", "nrt", "nrfg")
        return bool(nxt) and all(map(names.is_cjk, nxt)) and (held_as_name or not tokens.freq(nxt))
    prev = words[i - 1] if i > 0 else ""
    if names.surname_length(prev) and not tokens.freq(prev) and all(map(names.is_cjk, prev)):
        return True
    # a lone numeral character before it is inside a name the surname ends ("石川" + "一" + "成")
    return names.is_cjk(prev) and tokens.tag(prev) == NUMERAL_TAG


def _listed_before(words: list[str], i: int, address: str) -> list[tuple[str, str]]:
    """Surnames listed before the one at ``words[i]`` that share its address ("邓、罗夫妇")."""
    listed: list[tuple[str, str]] = []
    while i >= 2 and words[i - 1] == LIST_SEPARATOR and (surname := _surname_of(words[i - 2])):
        listed.append((surname, address))
        i -= 2
    return listed[::-1]


def _person(surname: str, people: list[str], known: set[str] | frozenset[str]) -> str | None:
    """The one full name with this surname in the text, else among the known names, else None."""
    for pool in (people, known):
        full = {n for n in pool if n.startswith(surname) and len(n) > len(surname)}
        if full:
            return next(iter(full)) if len(full) == 1 else None
    return None
