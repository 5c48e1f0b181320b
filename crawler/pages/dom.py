"""DOM-level cleaning shared by the page layouts.

Every layout first parses the page with :func:`parse_document`, removes the page chrome with
:func:`strip_chrome` and then reads text with :func:`block_lines` / :func:`inline_text`.
"""

from __future__ import annotations

import re

from lxml import etree, html

# Elements that never hold article text: scripts, styles, navigation, forms, embedded frames.
CHROME_TAGS = (
    "script", "style", "noscript", "template", "nav", "header", "footer", "form", "iframe",
    "frame", "frameset", "object", "embed", "svg", "canvas", "select", "button", "input",
    "textarea", "map", "area", "audio", "video", "link", "meta", "title",
)
# Class/id fragments of share widgets and comment boxes ("分享到" bars, QR popups).
WIDGET_MARKERS = ("bdshare", "bshare", "jiathis", "share", "qrcode", "comment-box")
# Inline styles that hide an element from readers.
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
# Elements that start a new line in rendered text.
BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "html", "li", "main",
    "ol", "p", "pre", "section", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    "founder-content",
})
# Runs of whitespace a browser shows as one space (not the full-width space U+3000).
_HTML_SPACE = re.compile(r"[ \t\r\n\f\u00a0\u200b]+")
# Padding around a paragraph: ASCII, no-break, full-width and zero-width spaces.
_EDGE_SPACE = " \t\r\n\f\u00a0\u3000\u200b\ufeff"
# A leading XML declaration makes lxml refuse a str input.
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)


def parse_document(markup: str) -> html.HtmlElement:
    """Parse HTML text leniently; an empty or unparsable page gives an empty ``<html>``."""
    markup = _XML_DECL.sub("", markup or "")
    if not markup.strip():
        return html.Element("html")
    try:
        return html.document_fromstring(markup)
    except (etree.ParserError, ValueError):
        return html.Element("html")


def _is_widget(el: html.HtmlElement) -> bool:
    marks = f"{el.get('class', '')} {el.get('id', '')}".lower()
    return any(m in marks for m in WIDGET_MARKERS)


def strip_chrome(root: html.HtmlElement, keep: frozenset[str] = frozenset()) -> html.HtmlElement:
    """Remove chrome elements in place (``keep`` names tags to spare, e.g. ``map`` for links)."""
    doomed = []
    for el in root.iter(etree.Element):
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in keep:
            continue
        if tag in CHROME_TAGS or _is_widget(el) or HIDDEN_STYLE.search(el.get("style", "")):
            doomed.append(el)
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()  # keeps the tail text
    return root


def clean_paragraph(text: str) -> str:
    """One paragraph: inner whitespace collapsed, indentation and padding removed."""
    return _HTML_SPACE.sub(" ", text).strip(_EDGE_SPACE)


def _walk(el: etree._Element, out: list[str]) -> None:
    tag = el.tag if isinstance(el.tag, str) else None
    if tag is None:  # comment or processing instruction: only its tail is visible
        if el.tail:
            out.append(el.tail)
        return
    block = tag.lower() in BLOCK_TAGS
    if block:
        out.append("\n")
    if tag.lower() == "br":
        out.append("\n")
    if el.text:
        out.append(el.text)
    for child in el:
        _walk(child, out)
    if block:
        out.append("\n")
    if el.tail:
        out.append(el.tail)


def block_lines(el: etree._Element) -> list[str]:
    """Visible text of ``el``: one line per block element or ``<br>``, empty lines dropped."""
    pieces: list[str] = []
    _walk(el, pieces)
    lines = (clean_paragraph(line) for line in "".join(pieces).split("\n"))
    return [line for line in lines if line]


def inline_text(el: etree._Element | None) -> str:
    """All text under ``el`` as one line (line breaks become spaces)."""
    if el is None:
        return ""
    return clean_paragraph(" ".join(block_lines(el)))


def comments(root: etree._Element) -> list[str]:
    """Text of every HTML comment in document order."""
    return [c.text or "" for c in root.iter(etree.Comment)]
