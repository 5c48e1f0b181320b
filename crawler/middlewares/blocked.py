"""Stop crawling a host after a run of "go away" answers (403, 412, 521).

Each such answer lengthens the host's run, any other answer ends it. When the run reaches
``BLOCKED_AFTER`` the host is blocked: its further requests are dropped, the stat
``blocked/hosts`` counts it, and when it is the spider's root host the spider closes with reason
``blocked``.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.utils.defer import deferred_from_coro

from crawler.middlewares.safety import host_of

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.http import Response

logger = logging.getLogger(__name__)

# Statuses by which sites and their CDNs refuse a crawler.
BLOCKING_STATUSES = frozenset({403, 412, 521})
# Answers in a row that mean "blocked" (setting BLOCKED_AFTER; 0 turns the middleware off).
DEFAULT_BLOCKED_AFTER = 3


class BlockedHostStop:
    """Downloader middleware (it reads final answers, so its order is free)."""

    def __init__(self, after: int = DEFAULT_BLOCKED_AFTER, crawler: Crawler | None = None):
        if after <= 0:
            raise NotConfigured
        self.after = after
        self.crawler = crawler
        self.runs: dict[str, int] = {}
        self.blocked: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> BlockedHostStop:
        return cls(crawler.settings.getint("BLOCKED_AFTER", DEFAULT_BLOCKED_AFTER), crawler)

    def process_request(self, request: Request) -> None:
        if host_of(request.url) in self.blocked:
            raise IgnoreRequest(f"host {host_of(request.url)} is blocked")

    def process_response(self, request: Request, response: Response) -> Response:
        host = host_of(request.url)
        if response.status not in BLOCKING_STATUSES:
            self.runs[host] = 0
            return response
        self.runs[host] = self.runs.get(host, 0) + 1
        if self.runs[host] >= self.after and host not in self.blocked:
            self._block(host, response.status)
        return response

    def _block(self, host: str, status: int) -> None:
        self.blocked.add(host)
        logger.warning("blocked: %s answered %d (%d in a row); no more requests to it", host, status,
                       self.runs[host])
        if self.crawler is None:
            return
        self.crawler.stats.inc_value("blocked/hosts")
        spider = self.crawler.spider
        root = getattr(spider, "root_url", None)
        if root is None or host_of(root) == host:
            deferred_from_coro(self.crawler.engine.close_spider_async(reason="blocked"))
