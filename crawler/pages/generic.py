"""Fallback layout: the page's visible text, one line per block element, for the text stages."""

from __future__ import annotations

from typing import Any

from crawler.pages import dom
from crawler.pages.result import date_from_url, page_result


def parse(url: str, root: dom.html.HtmlElement) -> dict[str, Any]:
    """Visible text after DOM cleaning; no article blocks (the split stage finds them)."""
    body = root.find("body")
    dom.strip_chrome(root)
    lines = dom.block_lines(body if body is not None else root)
    provenance: dict[str, str] = {"text": "generic:visible-text"}
    pub_date = date_from_url(url)
    if pub_date:
        provenance["pub_date"] = "generic:url-date"
    return page_result("generic", "\n".join(lines), pub_date=pub_date, provenance=provenance)
