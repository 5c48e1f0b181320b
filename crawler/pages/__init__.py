"""Page objects: one module per HTML layout, chosen by :func:`parse_html`.

``parse_html(url, html)`` answers a dict with ``layout``, ``text`` (visible text after DOM cleaning, one
line per block element), ``blocks`` (one dict per article when the layout identifies it, ``[]`` for a
page with no article such as an edition or listing page, None to let the text stages split ``text``),
page metadata (``newspaper``, ``pub_date``, ``page_no``, ``page_name``, ``page_toc``), ``provenance``
(field → rule) and ``links`` (absolute URLs a spider may follow, in page order).

A block holds ``kind`` (article | photo), ``lead_title``/``title``/``subtitle`` or unresolved
``headlines`` (print order), ``paragraphs``, ``captions``, optional ``author`` and ``provenance``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from lxml import etree

from crawler.pages import dom, founder, generic, portal

__all__ = ["LAYOUTS", "parse_html"]

Matcher = Callable[[str, str], bool]
Reader = Callable[[str, str, etree._Element], dict[str, Any]]

# Layouts tried in order; the first whose matcher accepts the page reads it, else the generic one.
LAYOUTS: tuple[tuple[str, Matcher, Reader], ...] = (
    ("founder", founder.matches, founder.parse),
    ("portal", portal.matches, portal.parse),
)


def parse_html(url: str, html: str) -> dict[str, Any]:
    """Read one decoded HTML page with the first layout that recognises it."""
    html = html or ""
    root = dom.parse_document(html)
    for _name, accepts, read in LAYOUTS:
        if accepts(url, html):
            return read(url, html, root)
    return generic.parse(url, root)
