"""Blank out bylines and photo credits so their names are not taken for people of the story; the
names they credit are read apart (``credited_names``)."""

from __future__ import annotations

import re

from . import names

# A name or a run of names in a credit: "郭树勋", "郭树勋、付凯明", "郭树勋 付凯明".
_NAMES = r"[\u4e00-\u9fff]{2,4}(?:[、,， \u3000]+[\u4e00-\u9fff]{2,4}){0,5}"
_ROLE = r"(?:本报|本刊|特约|特派|见习|实习|首席)?(?:记者|通讯员|实习生|作者|摄影|摄像|编辑|撰稿|文|图|文/图)"

BYLINE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # dateline credit in brackets: 本报讯(记者郭树勋、付凯明) / (记者 郭嘉莉 通讯员 李某)
    (
        "bracket-credit",
        re.compile(r"[(（][^()（）\n]{0,12}?(?:记者|通讯员|实习生|特约)[^()（）\n]{0,40}[)）]"),
    ),
    # a credit line of its own: 本报记者 郭树勋 付凯明 / 作者:本报特派记者 董柏生 / 文/图 王某
    (
        "credit-line",
        re.compile(
            rf"^[ \t\u3000]*(?:作者[:：]\s*)?{_ROLE}[ \t\u3000/:：]*{_NAMES}"
            rf"(?:[ \t\u3000]+{_ROLE}[ \t\u3000]*{_NAMES})*[ \t\u3000]*$",
            re.M,
        ),
    ),
    # photo credit: 本报记者 赵耀东 摄 / 刘昆摄 / (王某 摄)
    (
        "photo-credit",
        re.compile(
            rf"(?:{_ROLE}[ \t\u3000]*)?(?<![\u4e00-\u9fff]){_NAMES}[ \t\u3000]*摄(?:影)?"
            r"(?=$|[\s)）。])",
            re.M,
        ),
    ),
    (
        "photo-credit-joined",
        re.compile(rf"{_ROLE}[ \t\u3000]*{_NAMES}[ \t\u3000]*摄(?:影)?(?=$|[\s)）。])", re.M),
    ),
    # an inline role + names with a slash: 文/王某 图/李某
    ("slash-credit", re.compile(rf"(?:文|图|摄影|文/图)\s*/\s*{_NAMES}")),
)

MASK = " "


# Patterns that only match within a line holding this character (photo credits), and so are run
# on those lines alone rather than tried at every position of the text.
PHOTO_MARK = "摄"
_LINE_BOUND_PATTERNS = frozenset({"photo-credit", "photo-credit-joined"})


def _photo_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line that holds the photo mark."""
    lines: list[tuple[int, int]] = []
    pos = text.find(PHOTO_MARK)
    while pos >= 0:
        start = text.rfind("\n", 0, pos) + 1
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        lines.append((start, end))
        pos = text.find(PHOTO_MARK, end)
    return lines


def mask_bylines(text: str) -> tuple[str, list[tuple[int, int]]]:
    """``text`` with every credit replaced by spaces of the same length, and the spans blanked."""
    spans: list[tuple[int, int]] = []
    photo_lines = _photo_lines(text)
    for name, pattern in BYLINE_PATTERNS:
        ranges = photo_lines if name in _LINE_BOUND_PATTERNS else [(0, len(text))]
        spans += [(m.start(), m.end()) for lo, hi in ranges for m in pattern.finditer(text, lo, hi)]
    if not spans:
        return text, []
    chars = list(text)
    for start, end in spans:
        chars[start:end] = MASK * (end - start)
    return "".join(chars), sorted(spans)


# What a credit holds besides names: roles, agencies, the word for "photo" and "report".
CREDIT_WORDS = re.compile(rf"{_ROLE}|新华社|中新社|本报讯|本报|本刊|摄影|摄像|摄|报道|电|讯")
# Pieces of a credit between marks and roles.
CREDIT_PIECE = re.compile(r"[\u4e00-\u9fff]{2,12}")


def credited_names(text: str, spans: list[tuple[int, int]]) -> list[str]:
    """The names the credits at ``spans`` of ``text`` hold ("（记者谢金虎、张持坚）", "刘卫东 侯国忠摄";
    names written together are told apart by their surnames: "刘卫东侯国忠"), each once, in order."""
    found: list[str] = []
    for start, end in spans:
        credit = CREDIT_WORDS.sub("、", text[start:end])
        for piece in CREDIT_PIECE.findall(credit):
            for name in _split_names(piece):
                if name not in found:
                    found.append(name)
    return found


def _split_names(piece: str) -> list[str]:
    """``piece`` read as one name or several written together, else none."""
    out: list[str] = []
    while piece:
        n = (
            len(piece)
            if 2 <= len(piece) <= 3 and names.surname_length(piece)
            else names.name_length_at(piece)
        )
        if not n:
            return []
        out.append(piece[:n])
        piece = piece[n:]
    return out
