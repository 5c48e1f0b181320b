"""焦作网-style portal pages: the article page (``div.pcbdmap``) and the section listing (``ShowClass.asp``).

Article page: the title (heading or window title), the printed date, the body paragraphs of the first
body container, more paragraphs of later containers only when new (the body may be repeated below the
disclaimer), and the reporters' line ``(记者郭嘉莉、杨丽娜)`` taken out of the body as ``author``.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urljoin

from lxml import etree

from crawler.pages import dom, furniture
from crawler.pages.result import date_from_text, date_from_url, page_result

# Body containers of the portal's article template.
BODY_XPATH = '//div[contains(concat(" ", normalize-space(@class), " "), " pcbdmap ")]'
# Section listing: rows of a listing table hold the article links.
LISTING_URL = re.compile(r"ShowClass\.asp", re.I)
LISTING_XPATH = '//div[contains(@class, "lmzj")]//tr'
# Headings that may hold the article title, best first.
TITLE_XPATHS = ("//h1", '//*[contains(@class, "pcbt")]', '//*[contains(@class, "title")]', "//h2")
# Separators between the article title and the site name in the window title.
WINDOW_TITLE_SEPARATOR = re.compile(r"\s*(?:[-_|–—]+|::)\s*")
# A reporters' line standing alone: (记者郭嘉莉、杨丽娜), in either script, with either bracket.
REPORTERS_LINE = re.compile(
    r"^[(（\[【]\s*((?:本报|特约|实习|實習)?(?:记者|記者|通讯员|通訊員|实习生|實習生|作者)[^()（）]{1,40})[)）\]】]$"
)
# Longest plausible title (a longer heading is body text).
MAX_TITLE_CHARS = 80


def matches(url: str, markup: str) -> bool:
    """True for the portal's article and listing pages."""
    return "pcbdmap" in markup or bool(LISTING_URL.search(url)) or "lmzj" in markup


def _window_title(root: etree._Element) -> str:
    return dom.clean_paragraph(root.findtext(".//title") or "")


def _title(root: etree._Element, window: str) -> tuple[str | None, str]:
    """The article title and the rule that found it."""
    for xp in TITLE_XPATHS:
        for el in root.xpath(xp):
            text = dom.inline_text(el)
            if text and len(text) <= MAX_TITLE_CHARS and (not window or text in window or window in text):
                return text, f"portal:{xp.strip('/')}"
    first = WINDOW_TITLE_SEPARATOR.split(window)[0] if window else ""
    return (first or None), "portal:window-title"


def _paragraphs(container: etree._Element) -> list[str]:
    """The container's paragraphs less furniture lines (share labels, QR captions, 责任编辑)."""
    paras = [dom.inline_text(p) for p in container.iter("p")]
    paras = [p for p in paras if p] or dom.block_lines(container)
    return furniture.without_furniture(paras)[0]


def _body(root: etree._Element) -> list[str]:
    """Paragraphs of all body containers, each kept once, in order."""
    seen: set[str] = set()
    out: list[str] = []
    for container in root.xpath(BODY_XPATH):
        if container.xpath(f".{BODY_XPATH[1:]}"):  # an outer container: its inner ones are read
            continue
        for para in _paragraphs(container):
            key = re.sub(r"\s+", "", para)
            if key not in seen:
                seen.add(key)
                out.append(para)
    return out


def _links(url: str, root: etree._Element) -> list[str]:
    out = []
    for a in root.iter("a"):
        href = (a.get("href") or "").strip()
        if href and not href.startswith(("javascript:", "mailto:", "#")):
            out.append(urljoin(url, href))
    return out


def _printed_date(root: etree._Element, title: str | None) -> str | None:
    """The first full date printed above the body (the byline row under the title)."""
    body = root.xpath(BODY_XPATH)
    if not body:
        return None
    before = body[0].xpath("preceding::text()")
    return date_from_text(" ".join(before[-60:]))


def _listing(url: str, root: etree._Element, links: list[str]) -> dict[str, Any]:
    dom.strip_chrome(root)
    lines = dom.block_lines(root)
    return page_result("portal-listing", "\n".join(lines), blocks=[], links=links,
                       provenance={"text": "portal:visible-text"})


def parse(url: str, markup: str, root: etree._Element) -> dict[str, Any]:
    """Read a portal article or listing page."""
    links = _links(url, root)
    window = _window_title(root)
    if not root.xpath(BODY_XPATH):
        return _listing(url, root, links)
    dom.strip_chrome(root)
    prov: dict[str, str] = {"paragraphs": "portal:pcbdmap"}
    title, prov["title"] = _title(root, window)
    paragraphs = _body(root)
    block: dict[str, Any] = {
        "kind": "article", "lead_title": None, "title": title, "subtitle": None,
        "captions": [], "provenance": prov,
    }
    for i in range(len(paragraphs) - 1, -1, -1):  # the reporters' line, usually the last paragraph
        m = REPORTERS_LINE.match(paragraphs[i])
        if m:
            block["author"] = m.group(1).strip()
            prov["author"] = "portal:reporters-line"
            del paragraphs[i]
            break
    block["paragraphs"] = paragraphs
    pub_date = _printed_date(root, title)
    date_rule = "portal:printed-date"
    if not pub_date:
        pub_date, date_rule = date_from_url(url), "portal:url-date"
    page_prov = {"text": "portal:visible-text"}
    if pub_date:
        page_prov["pub_date"] = date_rule
    body = root.find("body")
    lines = dom.block_lines(body if body is not None else root)
    return page_result("portal-article", "\n".join(lines), blocks=[block], pub_date=pub_date,
                       provenance=page_prov, links=links)
