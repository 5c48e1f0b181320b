"""The shape of a page object's answer, and small readers shared by the layouts."""

from __future__ import annotations

import re
from typing import Any

# Issue folders of Founder e-papers and dated paths in general: /2019-12/23/, /201912/23/.
URL_DATE = re.compile(r"/((?:19|20)\d{2})-?(0[1-9]|1[0-2])/([0-2]\d|3[01])/")
# A printed date: 2019年12月23日, 2019 年12月23日, 2019-12-23, 2019/12/23, 2019.12.23.
TEXT_DATE = re.compile(
    r"((?:19|20)\d{2})\s*(?:年\s*|[-/.])(\d{1,2})\s*(?:月\s*|[-/.])(\d{1,2})(?:\s*日)?(?!\d)"
)


def page_result(layout: str, text: str = "", **fields: Any) -> dict[str, Any]:
    """A complete answer of :func:`crawler.pages.parse_html`; missing fields are empty."""
    result: dict[str, Any] = {
        "layout": layout,
        "text": text,
        "blocks": None,
        "newspaper": None,
        "pub_date": None,
        "page_no": None,
        "page_name": None,
        "page_toc": [],
        "provenance": {},
        "links": [],
    }
    unknown = set(fields) - set(result)
    if unknown:
        raise KeyError(f"unknown page fields: {sorted(unknown)}")
    result.update(fields)
    return result


def iso_date(year: str, month: str, day: str) -> str | None:
    """``YYYY-MM-DD`` when the parts make a real calendar date, else None."""
    import datetime as dt

    try:
        return dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def date_from_url(url: str) -> str | None:
    """The issue date a dated URL path states."""
    m = URL_DATE.search(url or "")
    return iso_date(*m.groups()) if m else None


def date_from_text(text: str) -> str | None:
    """The first complete printed date in ``text``."""
    for m in TEXT_DATE.finditer(text or ""):
        found = iso_date(*m.groups())
        if found:
            return found
    return None
