"""One clear log line for each download that fails for good: timeout, oversized page, connection error.

Placed before RetryMiddleware (order 540 < 550), it only sees an exception once retries are used up.
Stats ``faults/<kind>`` count them; the spider's crawl goes on.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from scrapy.exceptions import DownloadCancelledError, DownloadTimeoutError
from twisted.internet.error import TimeoutError as TwistedTimeoutError

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)


def fault_kind(exc: BaseException) -> str:
    """A short name for a download failure."""
    if isinstance(exc, (DownloadTimeoutError, TwistedTimeoutError, TimeoutError)):
        return "timeout"
    if isinstance(exc, DownloadCancelledError) and "max size" in str(exc).lower().replace("maxsize", "max size"):
        return "oversized"
    if isinstance(exc, DownloadCancelledError):
        return "cancelled"
    return "error"


class FaultLog:
    """Downloader middleware logging final download failures."""

    def __init__(self, crawler: Crawler | None = None, timeout: float = 0.0, maxsize: int = 0):
        self.crawler = crawler
        self.timeout = timeout
        self.maxsize = maxsize

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> FaultLog:
        return cls(crawler, crawler.settings.getfloat("DOWNLOAD_TIMEOUT"), crawler.settings.getint("DOWNLOAD_MAXSIZE"))

    def process_exception(self, request: Request, exception: Exception) -> None:
        kind = fault_kind(exception)
        retries = request.meta.get("retry_times", 0)
        if kind == "timeout":
            logger.warning("timed out: %s (no answer within %.0fs, %d retries); skipped", request.url,
                           request.meta.get("download_timeout", self.timeout), retries)
        elif kind == "oversized":
            logger.warning("refused oversized page: %s (larger than DOWNLOAD_MAXSIZE=%d bytes)", request.url,
                           request.meta.get("download_maxsize", self.maxsize))
        else:
            logger.warning("download failed: %s (%s: %s)", request.url, type(exception).__name__, exception)
        if self.crawler is not None and self.crawler.stats is not None:
            self.crawler.stats.inc_value(f"faults/{kind}")
