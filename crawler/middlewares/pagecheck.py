"""Checks on the pages a web spider yields: soft 404s store nothing, pages cut short are marked.

- soft 404: a 200 answer that is the site's not-found page (a short page saying so) or whose page
  object found no article text; the item is dropped with an INFO line and the stat ``pages/soft_404``.
- a transfer cut short (``dataloss``/``partial`` response flags) or HTML that stops before ``</html>``:
  the item is kept as far as it goes, with a warning line and a ``warnings`` entry.
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING, Any

from scrapy.spidermiddlewares.base import BaseSpiderMiddleware

from crawler.items import PageItem

if TYPE_CHECKING:
    from scrapy.http import Response

logger = logging.getLogger(__name__)

# What not-found pages say, in both scripts.
NOT_FOUND_TEXT = re.compile(r"404|not found|页面不存在|頁面不存在|找不到|无法找到|無法找到|已删除|已刪除", re.I)
# A not-found page is short; a real article saying "404" somewhere is not.
NOT_FOUND_MAX_CHARS = 300
# Response flags Scrapy sets when the body ended early.
CUT_SHORT_FLAGS = frozenset({"dataloss", "partial"})


def is_soft_not_found(item: PageItem) -> bool:
    """True when a 200 page holds no article: a not-found page or an empty article page."""
    text = (item.get("text") or "").strip()
    if not text:
        return True
    blocks = item.get("blocks")
    if blocks is not None and blocks and not any(b.get("paragraphs") or b.get("captions") for b in blocks):
        return True
    return len(text) <= NOT_FOUND_MAX_CHARS and bool(NOT_FOUND_TEXT.search(text))


def cut_short(response: Response | None) -> str | None:
    """Why the page is incomplete, or None."""
    if response is None:
        return None
    flags = CUT_SHORT_FLAGS.intersection(response.flags or [])
    if flags:
        return f"transfer cut short ({', '.join(sorted(flags))})"
    tail = response.body[-2048:].lower()
    if b"<html" in response.body[:4096].lower() and b"</html>" not in tail:
        return "HTML ends before </html>"
    return None


class PageCheck(BaseSpiderMiddleware):
    """Spider middleware (async-compatible) applying the checks above to PageItems."""

    def get_processed_item(self, item: Any, response: Response | None) -> Any:
        if not isinstance(item, PageItem):
            return item
        stats = self.crawler.stats
        if is_soft_not_found(item):
            logger.info("soft 404, nothing stored: %s", item.get("url"))
            stats.inc_value("pages/soft_404")
            return None
        why = cut_short(response)
        if why:
            logger.warning("broken page stored as far as it goes: %s (%s)", item.get("url"), why)
            item.setdefault("warnings", []).append(f"broken page: {why}")
            stats.inc_value("pages/broken")
        return item
