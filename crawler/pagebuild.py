"""Build a :class:`~crawler.items.PageItem` from a document's bytes.

Shared by every spider (archive replay, e-paper, portal), so a saved page and a
crawled page become the same item: decode (``crawler.decoding``), then for HTML
run the page objects (``crawler.pages.parse_html``), which may already resolve
the article's parts; plain text goes to the text stages as it is.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import Any

from crawler.decoding import decode_bytes
from crawler.items import PageItem

# Page metadata a sidecar JSON or a page object may state.
PAGE_META_KEYS = ("newspaper", "pub_date", "page_no", "page_name")
# The issue date in an e-paper URL: …/html/2016-01/27/content_387817.htm
URL_DATE = re.compile(r"/(\d{4})-(\d{2})/(\d{2})/(?:node|content)_\d+\.htm")
HTML_SNIFF = re.compile(rb"^\s*(?:<!doctype html|<html|<head|<body|<meta|<table|<div|<!--)", re.IGNORECASE)
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def utc_now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def looks_like_html(raw: bytes, name: str = "") -> bool:
    lowered = name.lower()
    if lowered.endswith((".htm", ".html", ".shtml", ".asp", ".aspx", ".php")):
        return True
    if lowered.endswith((".txt", ".text")):
        return False
    return bool(HTML_SNIFF.match(raw[:512].lstrip(b"\xef\xbb\xbf")))


def date_from_url(url: str) -> str | None:
    m = URL_DATE.search(url)
    return f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else None


def build_page_item(
    *,
    source: str,
    url: str,
    origin: str,
    raw: bytes,
    header_charset: str | None = None,
    fetched_at: str | None = None,
    sidecar: dict[str, Any] | None = None,
    html: bool | None = None,
    http: Any = None,
) -> PageItem:
    """Decode ``raw`` and read what the page states; raises ``UndecodableError`` for mojibake."""
    is_html = looks_like_html(raw, url) if html is None else html
    decoded = decode_bytes(raw, header_charset, html=is_html)
    item = PageItem(
        source=source,
        url=url,
        origin=origin,
        fetched_at=fetched_at or utc_now(),
        raw=raw,
        encoding=decoded.encoding,
        decode_note=decoded.note,
        media="html" if is_html else "text",
        page_toc=[],
        provenance={},
        warnings=[],
    )
    if http is not None:
        item["http_status"] = getattr(http, "status", None)
        headers = getattr(http, "headers", None) or {}
        for key, field in ((b"ETag", "etag"), (b"Last-Modified", "last_modified")):
            value = headers.get(key)
            if value:
                item[field] = value.decode("latin-1") if isinstance(value, bytes) else str(value)
    if is_html:
        from crawler.pages import parse_html

        parsed = parse_html(url, decoded.text)
        item["text"] = parsed.get("text") or ""
        item["layout"] = parsed.get("layout") or "generic"
        if parsed.get("blocks") is not None:
            item["blocks"] = parsed["blocks"]
        item["page_toc"] = list(parsed.get("page_toc") or [])
        for key in PAGE_META_KEYS:
            if parsed.get(key):
                item[key] = parsed[key]
                item["provenance"][key] = (parsed.get("provenance") or {}).get(key, f"page:{item['layout']}")
    else:
        item["text"] = decoded.text
        item["layout"] = "text"
    if not item.get("pub_date"):
        url_date = date_from_url(url)
        if url_date:
            item["pub_date"] = url_date
            item["provenance"]["pub_date"] = "url-path"
    for key in PAGE_META_KEYS:
        value = (sidecar or {}).get(key)
        if value:
            item[key] = str(value)
            item["provenance"][key] = "sidecar"
    if item.get("pub_date") and not ISO_DATE.match(item["pub_date"]):
        item["warnings"].append(f"pub_date {item['pub_date']!r} is not YYYY-MM-DD; dropped")
        del item["pub_date"]
    return item
