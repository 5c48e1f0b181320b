"""Forms of the lines of a newspaper page: headline, dateline, byline, photo credit, sub-heading.

Shared by the split and fields stages. Patterns are compiled once; each has its reason above it.
"""

from __future__ import annotations

import re

# Sentence-final punctuation: a paragraph that ends otherwise was cut by the layout's columns.
TERMINAL = "。！？!?…”’」』）)】》;；:："
# Punctuation that ends a sentence or clause inside prose; a headline has at most one of these.
PROSE_MARKS = re.compile(r"[，,。；;！!？?]")
# A headline ends in none of these (a clause or list continues).
NON_FINAL_END = re.compile(r"[，,、；;：:。]$")
# A full stop anywhere, or a quote closed after sentence-final punctuation: prose, not a headline.
FULL_STOP = re.compile(r"。|[。！？!?][”’」』]$")
# Longest headline line in characters (a 主题 with 暨 runs ~30).
HEADLINE_MAX_CHARS = 40
# A line shorter than this with no prose marks is a heading even when the page is column-wrapped.
HEADLINE_MIN_CHARS = 2
# Dateline opening a story: 本报讯, 本报洛阳3月2日电, 新华社郑州3月2日电, 焦作网讯.
DATELINE = re.compile(
    r"^\s*[■□●◆▲]?\s*(?:本报讯|本报[\u4e00-\u9fff\d]{0,14}?电|(?:据)?(?:新华社|中新社|人民网|新华网|央视网|"
    r"[\u4e00-\u9fff]{2,6}(?:日报|晚报|网|社|台))[\u4e00-\u9fff\d\s]{0,16}?(?:电|讯))"
)
# Reporter parenthesis right after a dateline: (记者郭树勋、付凯明).
DATELINE_PAREN = re.compile(r"^[\s\u3000]*[(（]([^()（）]{2,40})[)）]")
# A line wholly in parentheses: a trailing author (孙 文) or reporters (记者郭嘉莉、杨丽娜).
BYLINE_PAREN = re.compile(r"^[(（][^()（）]{2,30}[)）]$")
# A photo credit ending a caption: 本报记者 赵耀东 摄, 刘昆摄, (新华社记者 X 摄).
CREDIT_END = re.compile(r"[(（]?([^。！？!?”\n]{2,30}?)\s*摄(?:影)?\s*[)）]?\s*$")
# Direction marks that start the lines of a multi-photo caption: ↑工人在铺设大理石板。
CAPTION_ARROW = re.compile(r"^[\s\u3000]*[↑↓←→↖↗↘↙▲▼◀▶]")
# Ordinal sub-heading of a feature: 元素一 …, 一、…, (二)…, 之三, 第四 …, 1. ….
ORDINAL_HEADING = re.compile(
    r"^\s*(?P<prefix>[\u4e00-\u9fff]{0,4}?)(?:[(（]\s*)?(?:第|之)?[一二三四五六七八九十百]{1,3}(?:[)）、．.\s]|$)"
    r"|^\s*(?P<prefix2>)(?:[(（]\s*)?\d{1,2}(?:[)）、．.]|\s)"
)
# A 引题 often ends with a speaker's verb or the policy it serves (吕沛调研…时强调, 贯彻…精神).
LEAD_ENDING = re.compile(r"(?:强调|指出|要求|表示|提出|时说|寄语|讲话|精神|之际|期间|号召|部署)$")
# A 副题 often starts with a dash or names its genre (…纪实, …综述, …侧记).
SUBTITLE_FORM = re.compile(r"^\s*(?:——|—|─|--)|(?:纪实|综述|侧记|纪略|记事|扫描|巡礼|速写|札记|述评|调查)$")
# Slogan series in one printed headline line: 改革赋能 创新引领 产业支撑 <main title>.
SLOGAN_SEGMENT = re.compile(r"^[\u4e00-\u9fff]{4}$")
# Main title after a slogan series has at least this many characters.
SLOGAN_TITLE_MIN_CHARS = 8
# Full-width or double-space indent that starts a paragraph on column-wrapped pages.
INDENT = re.compile(r"^(?:\u3000|\s{2,})")
# A line at least this long that fills the column width is a wrapped line (continues below).
WRAP_MIN_WIDTH = 12
# Number of lines of one width that reveal a column-wrapped page.
WRAP_MIN_LINES = 4
# ... and the share of the page's lines they must make (a few equal headlines are no column).
WRAP_MIN_SHARE = 0.25


def stripped(line: str) -> str:
    """The line without surrounding spaces (ASCII, full-width, no-break)."""
    return line.strip(" \t\r\n\u3000\u00a0")


def ends_sentence(text: str) -> bool:
    """True when the text ends with sentence-final punctuation."""
    text = stripped(text)
    return bool(text) and text[-1] in TERMINAL


def is_dateline(line: str) -> bool:
    """A story opening with 本报讯 / 新华社…电 / (记者 …) and prose after it."""
    text = stripped(line)
    if DATELINE.match(text):
        return True
    paren = DATELINE_PAREN.match(text)
    return bool(paren and re.search(r"记者|通讯员", paren.group(1)) and len(text) > paren.end() + 4)


def credit_of(line: str) -> str | None:
    """The credit text before ``摄`` at the end of a caption line, or None."""
    text = stripped(line)
    if not text.endswith(("摄", "摄)", "摄）", "摄影")):
        return None
    match = CREDIT_END.search(text)
    return match.group(1) if match else None


def is_headline_form(line: str, wrap_width: int = 0) -> bool:
    """Short, unpunctuated line: a headline, banner or sub-heading (not prose)."""
    text = stripped(line)
    if not (HEADLINE_MIN_CHARS <= len(text) <= HEADLINE_MAX_CHARS):
        return False
    if wrap_width and len(text) >= wrap_width - 1:
        return False
    if NON_FINAL_END.search(text) or text.endswith("…") or FULL_STOP.search(text):
        return False
    if len(PROSE_MARKS.findall(text)) > 1:
        return False
    return not text.startswith(("(", "（")) or not text.endswith((")", "）"))


def ordinal_prefix(line: str) -> str | None:
    """The word before an ordinal sub-heading number (``元素`` in ``元素三 …``; "" for ``三、``), or None."""
    match = ORDINAL_HEADING.match(stripped(line))
    if not match:
        return None
    return match.group("prefix") or match.group("prefix2") or ""


def wrap_width_of(lines: list[str]) -> int:
    """Column width of a hard-wrapped page (most common long line length), or 0 when not wrapped."""
    counts: dict[int, int] = {}
    for line in lines:
        size = len(stripped(line))
        if size >= WRAP_MIN_WIDTH and not ends_sentence(line):
            counts[size] = counts.get(size, 0) + 1
    if not counts:
        return 0
    width, count = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
    nonblank = sum(1 for line in lines if stripped(line))
    return width if count >= max(WRAP_MIN_LINES, WRAP_MIN_SHARE * nonblank) else 0
