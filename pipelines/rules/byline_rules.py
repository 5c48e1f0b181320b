"""Byline rules: role words around names in datelines, byline lines and photo credits."""

from __future__ import annotations

import re

# Role words that precede names (longest first, so 本报特派记者 wins over 记者).
ROLE_WORDS = (
    "本报特派记者",
    "本报特约记者",
    "本报首席记者",
    "本报见习记者",
    "本报实习记者",
    "本报摄影记者",
    "本报通讯员",
    "本报评论员",
    "本报记者",
    "新华社记者",
    "新华社通讯员",
    "中新社记者",
    "特派记者",
    "特约记者",
    "首席记者",
    "见习记者",
    "实习记者",
    "摄影记者",
    "融媒体记者",
    "全媒体记者",
    "特约通讯员",
    "通讯员",
    "实习生",
    "评论员",
    "记者",
    "作者",
    "撰稿",
    "编译",
    "文/图",
    "图/文",
    "文图",
    "图文",
    "摄影",
    "本报",
)
# Role words whose names are credited with the photos.
PHOTO_ROLES = frozenset({"文/图", "图/文", "文图", "图文", "摄影", "摄影记者", "本报摄影记者", "图"})
# Role words whose names are not authors of the text (credited for the picture only).
PICTURE_ONLY_ROLES = frozenset({"图", "摄影", "摄影记者", "本报摄影记者"})
# Separators between names and roles in bylines: spaces, 、 , | / : and decorative squares.
SEPARATORS = re.compile(r"[\s\u3000、，,;；|｜:：■□●◆▲★]+")
# Words that may close a byline and carry no name: 报道, 摄.
TAIL_WORDS = re.compile(r"(?:报道|摄影|摄|整理|采写)$")
# A person's name as printed in a byline: 2-4 Han characters (or a foreign name with ·).
NAME = re.compile(r"^[\u4e00-\u9fff]{2,4}$|^[\u4e00-\u9fff]{1,6}·[\u4e00-\u9fff]{1,8}$")
# Characters that never occur in a byline name (page jumps, numbers, verbs of prose).
NOT_NAME_CHARS = re.compile(r"[版转接续完第的了在是和与为年月日]")
# Prefix of a byline given apart: 作者:本报特派记者 董柏生.
AUTHOR_PREFIX = re.compile(r"^\s*[■□●◆▲]?\s*(?:作者|撰文|文字)\s*[:：]?\s*")
# Longest byline line in characters (several roles and names).
BYLINE_MAX_CHARS = 40
# Role words as one pattern; 文/图 alone count as roles only before a slash or colon (文/记者 X).
ROLE_PATTERN = re.compile(
    "("
    + "|".join(re.escape(w) for w in sorted(ROLE_WORDS, key=len, reverse=True))
    + r"|(?<![\u4e00-\u9fff])[文图](?=\s*[/／:：]))"
)
# A 6-character run in a byline is two 3-character names printed without a separator.
RUN_OF_TWO_NAMES = 6


def _name_tokens(chunk: str) -> list[str] | None:
    """Names in a run of text between role words; None when something there is not a name."""
    tokens = [t for t in SEPARATORS.split(chunk.strip("/／ ")) if t and t not in "/／"]
    merged: list[str] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if (
            len(token) == 1
            and i + 1 < len(tokens)
            and len(tokens[i + 1]) <= 2
            and len(token + tokens[i + 1]) <= 3
        ):
            token, i = token + tokens[i + 1], i + 1  # 刘 洋 → 刘洋
        i += 1
        if len(token) == RUN_OF_TWO_NAMES and not NOT_NAME_CHARS.search(token):
            merged += [token[:3], token[3:]]
            continue
        if not NAME.match(token) or NOT_NAME_CHARS.search(token):
            return None
        merged.append(token)
    return merged


def parse_byline(text: str, *, need_role: bool = True) -> tuple[list[str], list[str]] | None:
    """(reporters, photographers) of a byline such as ``■记者 王丽 通讯员 陈刚``; None if not a byline."""
    text = text.strip(" \t\u3000()（）[]【】")
    if not text or len(text) > BYLINE_MAX_CHARS:
        return None
    text = AUTHOR_PREFIX.sub("", text)
    photo_tail = text.endswith(("摄", "摄影"))
    text = TAIL_WORDS.sub("", text).strip()
    parts = ROLE_PATTERN.split(text)
    if need_role and len(parts) < 2:
        return None
    reporters: list[str] = []
    photographers: list[str] = []
    role = ""
    picture = False  # names after 图/… or 摄影 are credited for the picture only
    whole_is_photo = any(p in PHOTO_ROLES and p not in PICTURE_ONLY_ROLES for p in parts[1::2])
    for index, part in enumerate(parts):
        if index % 2 == 1:
            role = part.replace(" ", "")
            picture = picture or role in PICTURE_ONLY_ROLES
            continue
        names = _name_tokens(part)
        if names is None:
            return None
        for name in names:
            if photo_tail or picture:
                photographers.append(name)
                continue
            reporters.append(name)
            if whole_is_photo:
                photographers.append(name)
        if names:
            picture = False
    if not reporters and not photographers:
        return None
    return reporters, photographers
