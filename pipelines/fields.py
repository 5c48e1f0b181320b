"""Stage 4: turn each block into an article record (headline parts, byline, body, captions).

Blocks come from the split stage (``headlines`` unresolved) or from a page object
(``lead_title``/``title``/``subtitle`` resolved, ``author`` apart). The body keeps
one paragraph per line: paragraphs cut by the layout's columns are joined again,
byline lines are read and dropped, repeated paragraphs, sentences and clauses
are removed.
"""

from __future__ import annotations

import re
from typing import Any

from crawler.items import ArticleItem, ArticleLoader
from pipelines.rules.byline_rules import parse_byline
from pipelines.rules.line_forms import (
    BYLINE_PAREN,
    DATELINE,
    DATELINE_PAREN,
    INDENT,
    LEAD_ENDING,
    SLOGAN_SEGMENT,
    SLOGAN_TITLE_MIN_CHARS,
    SUBTITLE_FORM,
    credit_of,
    ends_sentence,
    is_dateline,
    is_headline_form,
    stripped,
)

# End-of-story marks that are not text: (完), (全文完).
END_MARK = re.compile(r"^[(（]\s*(?:全文)?完\s*[)）]$")
# Leading dashes of a 副题 as printed (——示范区…纪实).
SUBTITLE_DASH = re.compile(r"^\s*[—─-]+\s*")
# Sentences: up to and including sentence-final punctuation and a closing quote.
SENTENCE = re.compile(r"[^。！？!?]*[。！？!?]+[”’」』]?|[^。！？!?]+$")
# Clause separators inside a sentence.
CLAUSE_SPLIT = re.compile(r"([，,；;])")
# A repeated sentence or clause shorter than this may be a legitimate echo (是的。好。), so it stays.
REPEAT_MIN_CHARS = 12
# A clause at least this long said twice in one sentence is a layout repeat (A,B,A,B。).
CLAUSE_REPEAT_MIN_CHARS = 6
# Indented and unindented lines must each be at least this many for indentation to mark paragraphs.
INDENT_MIN_LINES = 2
# Fields of the record that are lists (empty list when the page does not state them).
LIST_FIELDS = ("reporters", "photographers", "captions")
# Fields of the record that are single values (None when the page does not state them).
VALUE_FIELDS = ("lead_title", "title", "subtitle")


def _key(text: str) -> str:
    """The text as compared for repeats: whitespace (Unicode's, U+3000 included) and end marks ignored."""
    return "".join(text.split()).rstrip("。！？!?，,；;、”’")


def split_slogan_line(line: str) -> tuple[str, str] | None:
    """(lead, title) of one printed line ``改革赋能 创新引领 产业支撑 <title>``, or None."""
    segments = line.split()
    if len(segments) < 3 or len(segments[-1]) < SLOGAN_TITLE_MIN_CHARS:
        return None
    if not all(SLOGAN_SEGMENT.match(s) for s in segments[:-1]):
        return None
    return " ".join(segments[:-1]), segments[-1]


def resolve_headlines(lines: list[str], toc: list[str] | None = None) -> tuple[dict[str, str | None], str]:
    """Lead title, title and subtitle of a block's headline lines, and the rule that decided."""
    lines = [stripped(line) for line in lines if stripped(line)][-3:]
    parts: dict[str, str | None] = {"lead_title": None, "title": None, "subtitle": None}
    toc_keys = {_key(x) for x in toc or []}
    if not lines:
        return parts, "none"
    if len(lines) == 1:
        slogan = split_slogan_line(lines[0])
        if slogan:
            parts["lead_title"], parts["title"] = slogan
            return parts, "slogan-lead"
        parts["title"] = lines[0]
        return parts, "single-line"
    if len(lines) == 3:
        parts["lead_title"], parts["title"] = lines[0], lines[1]
        parts["subtitle"] = SUBTITLE_DASH.sub("", lines[2]) or lines[2]
        return parts, "three-lines"
    first, second = lines
    if toc_keys and _key(second) in toc_keys and _key(first) not in toc_keys:
        rule, lead = "toc-title", True
    elif toc_keys and _key(first) in toc_keys:
        rule, lead = "toc-title", False
    elif LEAD_ENDING.search(first) and not SUBTITLE_FORM.search(second):
        rule, lead = "lead-form", True
    else:
        rule, lead = "title-then-subtitle", False
    if lead:
        parts["lead_title"], parts["title"] = first, second
    else:
        parts["title"], parts["subtitle"] = first, SUBTITLE_DASH.sub("", second) or second
    return parts, rule


def dateline_names(text: str) -> tuple[list[str], list[str]]:
    """Reporters named in the parenthesis of a dateline: 本报讯(记者郭树勋、付凯明)…."""
    match = DATELINE.match(text)
    rest = text[match.end() :] if match else text
    paren = DATELINE_PAREN.match(rest)
    if not paren:
        return [], []
    parsed = parse_byline(paren.group(1))
    return parsed if parsed else ([], [])


def read_bylines(paragraphs: list[str]) -> tuple[list[str], list[str], list[str], str | None]:
    """(paragraphs without byline lines, reporters, photographers, rule) of a block's body lines."""
    kept: list[str] = []
    reporters: list[str] = []
    photographers: list[str] = []
    rule = None
    for raw in paragraphs:
        text = stripped(raw)
        if not text or END_MARK.match(text):
            continue
        if is_dateline(text):
            names, photos = dateline_names(text)
            reporters += names
            photographers += photos
            rule = rule or ("dateline" if names else None)
            kept.append(raw)
            continue
        parsed = parse_byline(text) or (
            parse_byline(text, need_role=False) if BYLINE_PAREN.match(text) else None
        )
        if parsed and not credit_of(text):
            reporters += parsed[0]
            photographers += parsed[1]
            rule = rule or ("byline-line" if not BYLINE_PAREN.match(text) else "author-paren")
            continue
        kept.append(raw)
    return kept, reporters, photographers, rule


def _is_heading(text: str) -> bool:
    return is_headline_form(text) and not is_dateline(text)


def join_broken(paragraphs: list[str]) -> list[str]:
    """Join paragraphs cut by the layout: no sentence end before the cut, or no indent after it."""
    long_lines = [p for p in paragraphs if len(stripped(p)) >= 10]
    indented = sum(1 for p in long_lines if INDENT.match(p))
    indent_marks = indented >= INDENT_MIN_LINES and len(long_lines) - indented >= INDENT_MIN_LINES
    out: list[str] = []
    for raw in paragraphs:
        text = stripped(raw)
        if out and not _is_heading(text) and not is_dateline(text) and not _is_heading(out[-1]):
            continues = not INDENT.match(raw) if indent_marks else not ends_sentence(out[-1])
            if continues:
                out[-1] += text
                continue
        out.append(text)
    return out


def _dedup_clauses(sentence: str) -> str:
    """Drop clauses repeated inside one sentence (A,B,A,B。 → A,B。)."""
    pieces = CLAUSE_SPLIT.split(sentence)
    if len(pieces) < 3:
        return sentence
    seen: set[str] = set()
    kept: list[str] = []
    for index in range(0, len(pieces), 2):
        clause = pieces[index]
        sep = pieces[index + 1] if index + 1 < len(pieces) else ""
        key = _key(clause)
        if len(key) >= CLAUSE_REPEAT_MIN_CHARS and key in seen:
            if not sep and kept:  # the sentence's end mark travels to the last kept clause
                tail = clause[len(clause.rstrip("。！？!?”’」』")) :]
                kept[-1] = kept[-1].rstrip("，,；;") + tail
            continue
        seen.add(key)
        kept.append(clause + sep)
    return "".join(kept)


def dedup_text(paragraphs: list[str]) -> list[str]:
    """Remove repeated paragraphs, then repeated sentences, then clauses repeated within a sentence."""
    seen_paragraphs: set[str] = set()
    seen_sentences: set[str] = set()
    out: list[str] = []
    for paragraph in paragraphs:
        key = _key(paragraph)
        if not key or key in seen_paragraphs:
            continue
        seen_paragraphs.add(key)
        sentences: list[str] = []
        for sentence in SENTENCE.findall(paragraph):
            skey = _key(sentence)
            if len(skey) >= REPEAT_MIN_CHARS and skey in seen_sentences:
                continue
            seen_sentences.add(skey)
            sentences.append(_dedup_clauses(sentence))
        text = "".join(sentences).strip()
        if text:
            out.append(text)
    return out


def caption_parts(caption: str) -> tuple[str, list[str]]:
    """(caption text without its credit, photographers credited with 摄)."""
    text = stripped(caption)
    credit = credit_of(text)
    if not credit:
        return text, []
    parsed = parse_byline(credit, need_role=False)
    if not parsed:
        return text, []
    names = parsed[0] + parsed[1]
    cut = text.rfind(credit)
    return stripped(text[:cut]).rstrip("(（ "), names


def _resolved(block: dict[str, Any]) -> bool:
    return any(block.get(k) for k in VALUE_FIELDS) and not block.get("headlines")


def block_to_article(block: dict[str, Any], position: int, toc: list[str] | None = None) -> ArticleItem:
    """One article record from one block."""
    provenance: dict[str, str] = dict(block.get("provenance") or {})
    if _resolved(block):
        heads: dict[str, str | None] = {k: block.get(k) for k in VALUE_FIELDS}
        provenance.setdefault("title", "page-object")
    else:
        heads, rule = resolve_headlines(list(block.get("headlines") or []), toc)
        if heads["title"]:
            provenance["title"] = f"headline-block:{rule}"
    paragraphs, reporters, photographers, byline_rule = read_bylines(list(block.get("paragraphs") or []))
    if block.get("author"):
        parsed = parse_byline(str(block["author"]), need_role=False)
        if parsed:
            reporters = parsed[0] + reporters
            photographers = parsed[1] + photographers
            byline_rule = "author-field"
    captions: list[str] = []
    for caption in block.get("captions") or []:
        text, names = caption_parts(caption)
        photographers += names
        if text:
            captions.append(text)
        if names:
            provenance.setdefault("photographers", "caption-credit")
    if byline_rule and reporters:
        provenance["reporters"] = byline_rule
    body_lines = dedup_text(join_broken(paragraphs))
    kind = block.get("kind") or "article"
    if kind == "photo" or (not body_lines and not heads["title"] and captions):
        kind = "photo"
        body_lines = body_lines or list(captions)
    loader = ArticleLoader()
    loader.add_value("position", position)
    loader.add_value("kind", kind)
    for key, value in heads.items():
        loader.add_value(key, value)
    loader.add_value("reporters", reporters)
    loader.add_value("photographers", photographers)
    loader.add_value("body", "\n".join(body_lines))
    loader.add_value("captions", captions)
    loader.add_value("provenance", provenance)
    item = loader.load_item()
    for key in LIST_FIELDS:
        item.setdefault(key, [])
    for key in VALUE_FIELDS:
        item.setdefault(key, None)
    item.setdefault("body", "")
    return item


class FieldsPipeline:
    """Fills ``item["articles"]`` with one :class:`ArticleItem` per block."""

    def __init__(self) -> None:
        pass

    @classmethod
    def from_crawler(cls, crawler: Any) -> FieldsPipeline:
        return cls()

    def process_item(self, item: Any) -> Any:
        toc = list(item.get("page_toc") or [])
        item["articles"] = [
            block_to_article(block, position, toc) for position, block in enumerate(item.get("blocks") or [])
        ]
        return item
