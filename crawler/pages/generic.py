"""Fallback layout for pages of no known template (another paper's CMS, a table-laid page).

The body container is picked by structure (:mod:`crawler.pages.density`); the title is the heading above it
that the window title repeats (else the window title's longest part); the byline ``作者:…`` and the printed
date come from the lines between title and body. When no container is convincing the page's visible text
goes to the text stages (``blocks`` None), as before.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from crawler.pages import dom
from crawler.pages.density import best_body
from crawler.pages.result import date_from_text, date_from_url, page_result

# Separators between the article title and the site name in the window title.
WINDOW_SEPARATOR = re.compile(r"\s+[-_|–—:]+\s+|[-_|–—]{1,2}|\s{2,}")
# How many text pieces above the body to search for the title and the byline.
LOOKBACK_TEXTS = 80
# Longest plausible title.
MAX_TITLE_CHARS = 80
# A byline in the info line: 作者:记者 陈晓东 (up to the next "label:" or the end).
AUTHOR_FIELD = re.compile(r"作\s*者\s*[:：]\s*(.+?)(?=\s+\S{1,4}\s*[:：]|$)")


def _window_parts(root: etree._Element) -> list[str]:
    title = dom.clean_paragraph(root.findtext(".//title") or "")
    return [p.strip() for p in WINDOW_SEPARATOR.split(title) if p.strip()]


def _texts_above(body: etree._Element) -> list[str]:
    """Visible text pieces before the body container, nearest last."""
    pieces = [dom.clean_paragraph(t) for t in body.xpath("preceding::text()")[-LOOKBACK_TEXTS:]]
    return [p for p in pieces if p]


def _title(root: etree._Element, body: etree._Element, parts: list[str]) -> tuple[str | None, str, int]:
    """(title, rule, index in the pieces above where it was found); ``parts`` of the window title."""
    above = _texts_above(body)
    for i in range(len(above) - 1, -1, -1):
        text = above[i]
        if len(text) <= MAX_TITLE_CHARS and any(text == p or (len(text) >= 4 and text in p) for p in parts):
            return text, "generic:heading-in-window-title", i
    for h1 in root.iter("h1"):
        text = dom.inline_text(h1)
        if 0 < len(text) <= MAX_TITLE_CHARS:
            return text, "generic:h1", len(above)
    if parts:
        return max(parts, key=len), "generic:window-title", len(above)
    return None, "", len(above)


def parse(url: str, root: dom.html.HtmlElement) -> dict[str, Any]:
    """The article when a body container stands out, else the visible text for the text stages."""
    window_parts = _window_parts(root)
    dom.strip_chrome(root)
    page = root.find("body")
    lines = dom.block_lines(page if page is not None else root)
    provenance: dict[str, str] = {"text": "generic:visible-text"}
    body = best_body(page if page is not None else root)
    blocks = None
    pub_date = None
    if body is not None:
        title, rule, at = _title(root, body.container, window_parts)
        info = " ".join(_texts_above(body.container)[at:])
        prov = {"paragraphs": "generic:densest-container", "title": rule}
        block: dict[str, Any] = {"kind": "article", "lead_title": None, "title": title, "subtitle": None,
                                 "paragraphs": body.paragraphs, "captions": body.captions, "provenance": prov}
        m = AUTHOR_FIELD.search(info)
        if m:
            block["author"] = m.group(1).strip()
            prov["author"] = "generic:author-field"
        blocks = [block]
        pub_date = date_from_text(info)
        if pub_date:
            provenance["pub_date"] = "generic:printed-date"
    if not pub_date:
        pub_date = date_from_url(url)
        if pub_date:
            provenance["pub_date"] = "generic:url-date"
    layout = "generic-article" if blocks else "generic"
    return page_result(layout, "\n".join(lines), blocks=blocks, pub_date=pub_date, provenance=provenance)
