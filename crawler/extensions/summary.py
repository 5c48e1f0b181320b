"""A summary of each crawl at its end: pages read, articles new/updated/unchanged, errors by kind."""

from __future__ import annotations

import logging
import time
from typing import Any

from scrapy import signals

logger = logging.getLogger("summary")


def summary_line(stats: dict[str, Any], elapsed: float, spider: str) -> str:
    """One line a person can read, from the crawl's stats."""
    errors = {k.split("/", 2)[-1]: v for k, v in stats.items() if "/errors/" in k or k == "persist/errors"}
    # anything else logged at ERROR (a stage that raised, a failed download) is counted too
    other = stats.get("log_count/ERROR", 0) - sum(errors.values())
    if other > 0:
        errors["other"] = other
    error_text = ", ".join(f"{k} {v}" for k, v in sorted(errors.items())) or "none"
    pages = stats.get("archive/pages_read") or stats.get("item_scraped_count", 0)
    return (
        f"{spider}: {pages} pages read, articles {stats.get('persist/articles_new', 0)} new / "
        f"{stats.get('persist/articles_updated', 0)} updated / {stats.get('persist/articles_unchanged', 0)} unchanged, "
        f"errors: {error_text}, {elapsed:.1f}s"
    )


class RunSummary:
    def __init__(self, stats: Any, to_stdout: bool = True) -> None:
        self.stats = stats
        self.to_stdout = to_stdout
        self.started = time.monotonic()

    @classmethod
    def from_crawler(cls, crawler: Any) -> RunSummary:
        ext = cls(crawler.stats, crawler.settings.getbool("SUMMARY_STDOUT", True))
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_opened(self, spider: Any) -> None:
        self.started = time.monotonic()

    def spider_closed(self, spider: Any, reason: str) -> None:
        line = summary_line(self.stats.get_stats(), time.monotonic() - self.started, spider.name)
        self.stats.set_value("summary", line)
        logger.info("SUMMARY %s (finish reason: %s)", line, reason)
        if self.to_stdout:
            print(f"{line} (finish reason: {reason})", flush=True)
