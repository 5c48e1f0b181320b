"""Back-pressure for spiders that yield items straight from ``start()`` (archive replay, re-extraction).

Scrapy reads ``start()`` on as long as it yields items and hands each item to the pipelines without
waiting for them. When a pipeline awaits (the entities stage with worker processes), pages would
pile up decoded in memory; ``room_for_items`` holds the spider back while ``ITEMS_IN_FLIGHT``
items are still in the pipelines.
"""

from __future__ import annotations

import asyncio
from typing import Any

# How often a held-back spider looks again (seconds).
POLL_SECONDS = 0.002


async def room_for_items(crawler: Any, limit: int | None = None) -> None:
    """Return once fewer than ``limit`` (default ``ITEMS_IN_FLIGHT``) items are being processed."""
    if limit is None:
        limit = max(1, crawler.settings.getint("ITEMS_IN_FLIGHT", 8))
    engine = getattr(crawler, "engine", None)
    slot = getattr(getattr(engine, "scraper", None), "slot", None)
    while slot is not None and slot.itemproc_size >= limit:
        await asyncio.sleep(POLL_SECONDS)


async def items_done(crawler: Any) -> None:
    """Return once no item is being processed: a spider awaits this at the end of ``start()``, so
    the engine finds the crawl idle at once instead of at its next periodic check."""
    await room_for_items(crawler, limit=1)
