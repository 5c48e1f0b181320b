"""Stage 1: page chrome removal.

Cuts the decoded page text into lines, drops page furniture (navigation, site bars,
subscription and share lines, legal footers, disclaimers, section labels) and reads
the page metadata its header and footer state: newspaper, publication date, edition
number and name, and the edition's headline list (table of contents).

Lines are recognised on a Simplified view of the page (the script stage runs later),
while the kept lines stay as printed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import filterfalse
from typing import Any

from pipelines.rules import chrome_rules as rules
from pipelines.rules.line_forms import is_headline_form, stripped

Converter = Callable[[str], str]

# A headline list may hold a section label as an entry (图片新闻): it ends the list only elsewhere.
TOC_ALLOWED_RULES = (None, "section-label")


@dataclass
class ChromeResult:
    """What the chrome stage learnt from one page."""

    lines: list[str]  # page lines without chrome, "" for blank lines
    page_toc: list[str] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)  # newspaper, pub_date, page_no, page_name
    rules: dict[str, str] = field(default_factory=dict)  # meta field -> rule that read it
    dropped: int = 0  # number of chrome lines removed
    chrome_texts: set[str] = field(default_factory=set)  # lines removed as chrome (and never kept as text)


@lru_cache(maxsize=1)
def default_converter() -> Converter:
    """OpenCC Traditional→Simplified, built once."""
    import opencc

    return opencc.OpenCC("t2s").convert


def split_lines(text: str) -> list[str]:
    """Lines of the text (LF, CRLF or CR), trailing spaces removed, blank lines as ""."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return [line.rstrip(" \t\u3000\u00a0\ufeff") for line in lines]


def simplified_view(lines: list[str], convert: Converter | None) -> list[str]:
    """The lines converted to Simplified in one call, stripped; per line if the count changes."""
    if convert is None:
        return [stripped(line) for line in lines]
    view = convert("\n".join(lines)).split("\n")
    if len(view) != len(lines):
        view = [convert(line) for line in lines]
    return [stripped(line) for line in view]


# Deletes the decoration characters (str.translate: one C pass instead of a loop per character).
_DECOR_DELETE = str.maketrans("", "", rules.DECOR)


def _without_decor(text: str) -> str:
    return text.translate(_DECOR_DELETE)


def _iso(year: str, month: str, day: str) -> str | None:
    m, d = int(month), int(day)
    if 1 <= m <= 12 and 1 <= d <= 31:
        return f"{int(year):04d}-{m:02d}-{d:02d}"
    return None


def nav_line_date(text: str) -> tuple[bool, str | None, str | None]:
    """(is a navigation/date line, ISO date it shows, paper name it shows)."""
    date_match = rules.FULL_DATE.search(text) or rules.ISO_DATE.search(text)
    rest = rules.NAV_WORDS.sub(" ", text)
    rest = rules.FULL_DATE.sub(" ", rest)
    rest = rules.ISO_DATE.sub(" ", rest)
    rest = _without_decor("".join(filterfalse(str.isdigit, rest)))
    had_nav = bool(rules.NAV_WORDS.search(text))
    if not (had_nav or date_match):
        return False, None, None
    paper = None
    if rest and rest.endswith("报") and len(rest) <= 8:
        paper, rest = rest, ""
    if rest:
        return False, None, None
    date = _iso(*date_match.groups()) if date_match else None
    return True, date, paper


def is_site_bar(text: str) -> bool:
    """A row of outlet links: 焦作日报 | 焦作晚报 | 焦作网 (or the same with wide spaces)."""
    if "|" in text or "｜" in text:
        segments = [s.strip() for s in text.replace("｜", "|").split("|") if s.strip()]
        return len(segments) >= rules.SITE_BAR_MIN_SEGMENTS and all(
            len(s) <= rules.SITE_BAR_MAX_SEGMENT for s in segments
        )
    tokens = text.split()
    return (
        len(tokens) > rules.SITE_BAR_MIN_SEGMENTS
        and all(len(t) <= rules.SITE_BAR_MAX_SEGMENT - 2 for t in tokens)
        and sum(1 for t in tokens if rules.OUTLET_SUFFIX.search(t)) >= 2
    )


def is_prose(text: str) -> bool:
    """A sentence-bearing line: long enough and with a comma or full stop inside."""
    return len(text) >= rules.PROSE_MIN_CHARS and bool(rules.PROSE_MARK.search(text[:-1]))


def chrome_rule(text: str) -> str | None:
    """Name of the furniture rule the (Simplified, stripped) line matches, or None."""
    if not text or len(text) > rules.FURNITURE_MAX_CHARS:
        return None
    bare = _without_decor(text)
    if not bare and not rules.WRAPPED_TAIL.match(text):
        return "separator-row"
    if bare in rules.SECTION_LABELS:
        return "section-label"
    if rules.NAV_WORDS.search(text) and nav_line_date(text)[0]:
        return "navigation"
    if rules.STRONG_FURNITURE.search(text):
        return "furniture"
    if rules.MASTHEAD.match(bare):
        return "masthead"
    if rules.JUMP.match(text):
        return "page-jump"
    if is_site_bar(text):
        return "site-bar"
    if rules.BREADCRUMB.search(text) and not is_prose(text):
        return "breadcrumb"
    if rules.WEAK_FURNITURE.search(text) and not is_prose(text):
        return "furniture"
    return None


def paper_name(text: str) -> str | None:
    """Newspaper named by a footer or masthead line (焦作日报社数字报刊 → 焦作日报)."""
    match = rules.PAPER_NAME.search(text)
    return match.group(1) if match else None


def edition_header(text: str) -> tuple[str, str] | None:
    """(page_no zero-padded, page_name) of a header like ``第05版:焦作/综合 上一版3 4下一版``."""
    if len(text) > rules.EDITION_MAX_CHARS:
        return None
    match = rules.EDITION.match(text)
    if not match:
        return None
    number = match.group(1) or match.group(2)
    name = rules.NAV_WORDS.split(match.group(3))[0]
    name = name.strip(" " + rules.DECOR).rstrip("0123456789 ")
    letter = number[0] if number[0].isalpha() else ""
    digits = number[len(letter) :]
    return f"{letter.upper()}{int(digits):02d}", name


def read_toc(view: list[str], start: int) -> tuple[list[int], int]:
    """Indexes of the headline-list lines that follow an edition header, and where the list ends."""
    found: list[int] = []
    blanks = 0
    index = start
    while index < len(view):
        text = view[index]
        if not text:
            blanks += 1
            if blanks >= 2:
                break
            index += 1
            continue
        blanks = 0
        rule = chrome_rule(text)
        if len(text) > rules.TOC_MAX_CHARS or rule not in TOC_ALLOWED_RULES or not is_headline_form(text):
            break
        found.append(index)
        index += 1
    return found, index


def strip_chrome(text: str, convert: Converter | None = None) -> ChromeResult:
    """Remove page furniture from ``text``; read the metadata the header and footer state."""
    lines = split_lines(text)
    view = simplified_view(lines, convert)
    result = ChromeResult(lines=[])
    drop: set[int] = set()
    seen_prose = False

    def put(key: str, value: str | None, rule: str) -> None:
        if value and key not in result.meta:
            result.meta[key] = value
            result.rules[key] = rule

    for index, text_line in enumerate(view):
        if not text_line or index in drop:
            continue
        if "page_no" not in result.meta and index < rules.HEADER_WINDOW:
            header = edition_header(text_line)
            if header:
                put("page_no", header[0], "edition-header")
                put("page_name", header[1], "edition-header")
                drop.add(index)
                toc, _ = read_toc(view, index + 1)
                result.page_toc = [stripped(lines[i]) for i in toc]
                drop.update(toc)
                continue
        is_nav, date, paper = (
            nav_line_date(text_line) if len(text_line) <= rules.EDITION_MAX_CHARS else (False, None, None)
        )
        if is_nav and (rules.NAV_WORDS.search(text_line) or not seen_prose):
            drop.add(index)
            put("pub_date", date, "header-date")
            put("newspaper", paper, "header-date")
            continue
        rule = chrome_rule(text_line)
        if rule:
            drop.add(index)
            put("newspaper", paper_name(text_line), f"{rule}-paper-name")
            continue
        if is_prose(text_line):
            seen_prose = True
    result.lines = ["" if not view[index] else line for index, line in enumerate(lines) if index not in drop]
    result.dropped = len(drop)
    kept = {stripped(line) for line in result.lines}
    result.chrome_texts = {stripped(lines[index]) for index in drop} - kept
    return result


def without_chrome_lines(block: dict[str, Any], chrome_texts: set[str]) -> dict[str, Any]:
    """A page object's block without the paragraphs the page's text shows to be chrome."""
    paragraphs = block.get("paragraphs")
    if chrome_texts and paragraphs:
        block["paragraphs"] = [p for p in paragraphs if stripped(p) not in chrome_texts]
    return block


class ChromePipeline:
    """Writes ``lines``, ``page_toc`` and the header's page metadata from ``item["text"]``."""

    def __init__(self, convert: Converter | None = None) -> None:
        self.convert = convert

    @classmethod
    def from_crawler(cls, crawler: Any) -> ChromePipeline:
        return cls()

    def process_item(self, item: Any) -> Any:
        text = item.get("text") or ""
        result = strip_chrome(text, self.convert or default_converter())
        item["lines"] = result.lines
        if item.get("blocks"):
            item["blocks"] = [without_chrome_lines(block, result.chrome_texts) for block in item["blocks"]]
        provenance = dict(item.get("provenance") or {})
        if result.page_toc and not item.get("page_toc"):
            item["page_toc"] = result.page_toc
            provenance["page_toc"] = "edition-toc"
        for key, value in result.meta.items():
            if not item.get(key):
                item[key] = value
                provenance[key] = result.rules[key]
        item["provenance"] = provenance
        return item
