"""Stage 3: cut a page's lines into blocks, one per article or captioned news photo.

The lines of an edition page dump come in reading order: headline lines, then a
dateline (``本报讯(记者X)``) or a byline line (``本报记者 X``), then the body;
captioned photos (``… 本报记者 X 摄``) sit between them; column banners stand
alone; a headline may be printed after its body; a feature's sections may be
interleaved with other articles. Blocks follow the contract of
``crawler.items``: ``kind``, ``headlines``, ``paragraphs``, ``captions``,
``provenance``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from pipelines.rules.byline_rules import parse_byline
from pipelines.rules.line_forms import (
    BYLINE_PAREN,
    CAPTION_ARROW,
    INDENT,
    LEAD_ENDING,
    SUBTITLE_FORM,
    credit_of,
    ends_sentence,
    is_dateline,
    is_headline_form,
    ordinal_prefix,
    stripped,
    wrap_width_of,
)

# Most headline lines one article prints (引题, 主题, 副题); more before a story are banners.
MAX_HEADLINE_LINES = 3
# Most lines of one caption (a multi-photo caption lists each picture on its line).
MAX_CAPTION_LINES = 4
# A page with at least this many blank lines per text line separates its parts with blank lines.
BLANK_PAGE_SHARE = 0.2
# A sub-heading inside a story is at most this many lines.
MAX_SUBHEADING_LINES = 2
# Indented lines a page needs before indentation is read as a paragraph mark.
MIN_INDENTED_LINES = 2
# Line forms never printed as the continuation of a paragraph: they start a line of their own.
STARTS_OWN_LINE = ("dateline", "byline", "author")
# Unit kinds that open a story.
OPENERS = ("dateline", "byline")


@dataclass
class Line:
    """One non-blank line with its form and the blank lines before it."""

    text: str
    form: str  # heading | dateline | byline | author | credit | text
    blanks_before: int


@dataclass
class Unit:
    """A run of lines of one role: heads (headline run), caption, or a single line."""

    kind: str
    lines: list[Line]


@dataclass
class Draft:
    """A block being assembled."""

    kind: str = "article"
    headlines: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    rule: str = "headline-dateline"
    body_started: bool = False
    prefixes: set[str] = field(default_factory=set)

    def as_block(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "headlines": self.headlines,
            "paragraphs": self.paragraphs,
            "captions": self.captions,
            "provenance": {"block": self.rule},
        }


def line_form(text: str, wrap_width: int) -> str:
    """Form of one stripped line."""
    if is_dateline(text):
        return "dateline"
    if credit_of(text) and parse_byline(credit_of(text) or "", need_role=False):
        return "credit"
    if BYLINE_PAREN.match(text) and parse_byline(text, need_role=False):
        return "author"
    if parse_byline(text):
        return "byline"
    if is_headline_form(text, wrap_width) and not CAPTION_ARROW.match(text):
        return "heading"
    return "text"


def _indented(line: str) -> bool:
    return bool(INDENT.match(line)) and bool(stripped(line))


def _fills_column(line: str, width: int) -> bool:
    """The printed line reaches the column's right edge (indent included), so its paragraph goes on."""
    return bool(width) and len(line.rstrip()) >= width - 1


def unwrap_indented(lines: list[str]) -> list[str]:
    """Rejoin column-wrapped paragraphs on pages whose paragraphs start with an indent.

    A page is wrapped this way when an unindented line follows, with no blank line, an
    indented paragraph line that ends mid-sentence. An unindented line then continues the
    paragraph above when the line before it filled the column (whatever its last character,
    a closing bracket included): a shorter line ends its paragraph even mid-sentence. When no
    column width shows, a line ending mid-sentence, or followed by prose, goes on.
    """
    width = wrap_width_of(lines)

    def continues(prev: str, line: str) -> bool:
        if not stripped(line) or _indented(line) or not stripped(prev):
            return False
        if line_form(stripped(line), width) in STARTS_OWN_LINE:
            return False
        if width:
            return _fills_column(prev, width)
        return not ends_sentence(prev) or not is_headline_form(line)

    indented = sum(1 for line in lines if _indented(line))
    wrapped = any(
        _indented(prev) and not ends_sentence(prev) and continues(prev, line)
        for prev, line in pairwise(lines)
    )
    if indented < MIN_INDENTED_LINES or not wrapped:
        return lines
    out: list[str] = []
    in_paragraph = False
    previous = ""
    for line in lines:
        if out and in_paragraph and continues(previous, line):
            out[-1] = out[-1].rstrip() + stripped(line)
            previous = line
            continue
        in_paragraph = _indented(line)
        out.append(line)
        previous = line
    return out


def classify(lines: list[str]) -> list[Line]:
    """Non-blank lines with their forms."""
    wrap_width = wrap_width_of(lines)
    out: list[Line] = []
    blanks = 0
    for raw in lines:
        text = stripped(raw)
        if not text:
            blanks += 1
            continue
        out.append(Line(raw.rstrip(), line_form(text, wrap_width), blanks))
        blanks = 0
    return out


def to_units(items: list[Line], uses_blanks: bool) -> list[Unit]:
    """Group lines: headline runs, captions (text lines glued to a credit line), single lines."""
    units: list[Unit] = []
    for item in items:
        if item.form == "credit":
            caption = [item]
            while (
                caption[0].blanks_before == 0
                and (uses_blanks or CAPTION_ARROW.match(caption[0].text))
                and units
                and units[-1].kind == "text"
                and len(caption) < MAX_CAPTION_LINES
            ):
                caption.insert(0, units.pop().lines[0])
            units.append(Unit("caption", caption))
        elif item.form == "heading" and units and units[-1].kind == "heads":
            units[-1].lines.append(item)
        else:
            units.append(Unit("heads" if item.form == "heading" else item.form, [item]))
    return units


def heading_groups(lines: list[Line]) -> list[list[str]]:
    """Headline lines grouped by the blank lines between them."""
    groups: list[list[str]] = []
    for line in lines:
        if not groups or line.blanks_before:
            groups.append([])
        groups[-1].append(stripped(line.text))
    return groups


def last_groups(groups: list[list[str]]) -> list[str]:
    """The headline lines nearest the story: the last group, and single lines (a 引题) above it.

    A group of several lines further up is a column banner; so is anything beyond three lines.
    When no blank line tells a banner from the headline (one run of four lines or more), a last
    line in the form of a 副题 keeps only two lines, unless the line above them reads as a 引题.
    """
    taken: list[str] = []
    for group in reversed(groups):
        if taken and (len(group) > 1 or len(taken) + len(group) > MAX_HEADLINE_LINES):
            break
        taken = group + taken
    if (
        len(taken) > MAX_HEADLINE_LINES
        and SUBTITLE_FORM.search(taken[-1])
        and not LEAD_ENDING.search(taken[-3])
    ):
        return taken[-2:]
    return taken[-MAX_HEADLINE_LINES:]


def share_run(lines: list[str]) -> tuple[list[str], list[str]]:
    """Split a headline run between a story printed above it (first part) and the story below."""
    lead_above = len(lines) > 1 and LEAD_ENDING.search(lines[-2])
    subtitle_last = len(lines) > 2 and SUBTITLE_FORM.search(lines[-1])
    count = 2 if lead_above or subtitle_last else 1
    return lines[:-count][-MAX_HEADLINE_LINES:], lines[-count:]


def _next_story_unit(units: list[Unit], start: int) -> tuple[int, list[Unit]]:
    """Index of the first unit after ``start`` that is not a caption, and the captions skipped."""
    captions: list[Unit] = []
    index = start
    while index < len(units) and units[index].kind == "caption":
        captions.append(units[index])
        index += 1
    return index, captions


def _caption_texts(unit: Unit) -> list[str]:
    return [stripped(line.text) for line in unit.lines]


class _Splitter:
    """Walks the units once, keeping the article that body text currently belongs to."""

    def __init__(self, units: list[Unit], uses_blanks: bool) -> None:
        self.units = units
        self.uses_blanks = uses_blanks
        self.drafts: list[Draft] = []
        self.current: Draft | None = None  # where body text goes
        self.consumed: set[int] = set()
        # stories on this page open with datelines or bylines: a headline with neither is a section heading
        self.has_openers = any(unit.kind in OPENERS for unit in units)

    def start(self, draft: Draft) -> Draft:
        self.drafts.append(draft)
        self.current = draft
        return draft

    def needs_headline(self) -> bool:
        cur = self.current
        return bool(cur and cur.kind == "article" and not cur.headlines and cur.body_started)

    def is_subheading(self, unit: Unit, following: Unit) -> str | None:
        """Prefix key when a headline run followed by text is a section heading inside a story."""
        if self.current is None or len(unit.lines) > MAX_SUBHEADING_LINES:
            return None
        prefix = ordinal_prefix(unit.lines[0].text)
        if prefix is not None:
            return "ordinal:" + prefix
        if self.uses_blanks and following.lines[0].blanks_before == 0 and unit.lines[0].blanks_before > 0:
            return "glued"
        if not self.uses_blanks and self.has_openers and self.current.body_started:
            return "in-story"
        return None

    def target_for(self, key: str) -> Draft:
        """The story a section belongs to: the one with sections of the same named series, else the current."""
        if key.startswith("ordinal:") and key != "ordinal:":
            for draft in reversed(self.drafts):
                if key in draft.prefixes:
                    return draft
        assert self.current is not None
        return self.current

    def on_heads(self, index: int, unit: Unit) -> None:
        after, captions = _next_story_unit(self.units, index + 1)
        following = self.units[after] if after < len(self.units) else None
        groups = heading_groups(unit.lines)
        flat = [line for group in groups for line in group]
        if following is not None and following.kind in OPENERS:
            if self.needs_headline():
                earlier, own = share_run(flat)
                assert self.current is not None
                self.current.headlines = earlier
                self.current.rule = "headline-after-body"
                heads = own
            else:
                heads = last_groups(groups)
            draft = self.start(Draft(headlines=heads))
            for caption in captions:
                draft.captions += _caption_texts(caption)
                self.consumed.add(self.units.index(caption))
            return
        if following is not None and following.kind in ("text", "author") and not captions:
            key = self.is_subheading(unit, following)
            if key is not None:
                target = self.target_for(key)
                target.prefixes.add(key)
                target.paragraphs += flat
                self.current = target
                return
            self.start(Draft(headlines=last_groups(groups), rule="headline-undated", body_started=False))
            return
        if self.needs_headline():
            assert self.current is not None
            self.current.headlines = flat[-MAX_HEADLINE_LINES:]
            self.current.rule = "headline-after-body"
        # otherwise a column banner or furniture heading: no article of its own

    def on_opener(self, unit: Unit) -> None:
        cur = self.current
        text = unit.lines[0].text
        if cur is not None and cur.kind == "article" and not cur.body_started and cur is self.drafts[-1]:
            cur.paragraphs.append(text)
            cur.body_started = unit.kind == "dateline"
            return
        draft = self.start(Draft(rule="dateline-without-headline"))
        draft.paragraphs.append(text)
        draft.body_started = True

    def on_text(self, unit: Unit) -> None:
        if self.current is None or self.current.kind != "article":
            self.start(Draft(rule="body-only"))
        assert self.current is not None
        self.current.paragraphs.append(unit.lines[0].text)
        self.current.body_started = True

    def run(self) -> list[Draft]:
        for index, unit in enumerate(self.units):
            if index in self.consumed:
                continue
            if unit.kind == "heads":
                self.on_heads(index, unit)
            elif unit.kind in OPENERS:
                self.on_opener(unit)
            elif unit.kind == "caption":
                keep = self.current
                self.drafts.append(Draft(kind="photo", captions=_caption_texts(unit), rule="photo-caption"))
                self.current = keep
            else:
                self.on_text(unit)
        return [d for d in self.drafts if d.kind == "photo" or d.paragraphs or d.headlines]


def fold_repeats(drafts: list[Draft]) -> list[Draft]:
    """A headless story whose first paragraph an earlier story already has is a repeat of it (portal pages)."""
    seen: dict[str, Draft] = {}
    out: list[Draft] = []
    for draft in drafts:
        first = "".join(stripped(draft.paragraphs[0]).split()) if draft.paragraphs else ""
        owner = seen.get(first)
        if owner is not None and not draft.headlines and draft.kind == "article":
            owner.paragraphs += draft.paragraphs
            continue
        out.append(draft)
        for paragraph in draft.paragraphs:
            seen.setdefault("".join(stripped(paragraph).split()), draft)
    return out


def split_blocks(lines: list[str]) -> list[dict[str, Any]]:
    """Blocks (articles and captioned photos) of a page's lines, in reading order."""
    lines = unwrap_indented(lines)
    items = classify(lines)
    if not items:
        return []
    blank_lines = sum(1 for line in lines if not stripped(line))
    uses_blanks = blank_lines >= BLANK_PAGE_SHARE * len(items)
    units = to_units(items, uses_blanks)
    drafts = fold_repeats(_Splitter(units, uses_blanks).run())
    return [draft.as_block() for draft in drafts]


# Page layouts whose article block is a guess from the page's densest text, not read from its markup.
GUESSED_LAYOUTS = ("generic",)
# Block rules that show a newspaper story's form: a headline over a dateline or byline (or after its body).
STORY_FORM_RULES = frozenset({"headline-dateline", "headline-after-body", "dateline-without-headline"})


def prefer_text_split(page_blocks: list[dict[str, Any]], text_blocks: list[dict[str, Any]]) -> bool:
    """A guessed article block gives way to the text's own stories when those have a newspaper's form.

    An edition dump saved as a plain web page holds several stories, each headline over its
    dateline: one guessed block would merge them (and miss the 引题 above a headline).
    """
    stories = [b for b in text_blocks if b["provenance"]["block"] in STORY_FORM_RULES and b["headlines"]]
    return len(page_blocks) <= 1 and bool(stories)


class SplitPipeline:
    """Fills ``item["blocks"]`` from ``item["lines"]`` unless a page object already read them from markup."""

    def __init__(self) -> None:
        pass

    @classmethod
    def from_crawler(cls, crawler: Any) -> SplitPipeline:
        return cls()

    def process_item(self, item: Any) -> Any:
        blocks = item.get("blocks")
        guessed = str(item.get("layout") or "").startswith(GUESSED_LAYOUTS)
        if blocks and not guessed:
            return item
        text_blocks = split_blocks(list(item.get("lines") or []))
        if not blocks or prefer_text_split(blocks, text_blocks):
            item["blocks"] = text_blocks
            if blocks:
                item.setdefault("provenance", {})["blocks"] = "text-split-over-guess"
        return item
