"""The database frontier in a crawl (see :mod:`crawler.frontier`).

- ``FrontierRequeue`` (spider middleware): before the spider's own start requests, queues the
  source's ``pending`` frontier rows again (callback, ``cb_kwargs`` and meta as they were); records
  every start request and every request a callback yields; with ``JOBDIR``, discards Scrapy's
  request queue first (see :func:`crawler.frontier.discard_job_queue`); marks a page that yielded no item done, in the same batch as the
  links it led to; an e-paper entry page (meta ``issue_date``) moves the source's newest issue.
- ``FrontierOutcomes`` (downloader middleware, below Retry): a download that fails for good, or a
  request another middleware refused, counts as a failed attempt of its frontier row.

Both stay off when the crawl does not store into the database (no persist stage).
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

from scrapy import Request, signals
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.spidermiddlewares.base import BaseSpiderMiddleware
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.job import job_dir

from crawler.extensions.runlog import LOCKED_STAT
from crawler.frontier import (
    FrontierStore,
    discard_job_queue,
    frontier_store,
    request_from_row,
    request_row,
    stores_into_database,
)

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.http import Response

logger = logging.getLogger(__name__)


def handled_statuses(request: Request) -> set[int] | None:
    """Error statuses the request's callback asked to see (None: all of them)."""
    if request.meta.get("handle_httpstatus_all"):
        return None
    return set(request.meta.get("handle_httpstatus_list") or ())


def redirect_origins(response: Response) -> list[str]:
    """The URLs first asked for when ``response`` came through redirects."""
    return list(response.meta.get("redirect_urls") or []) if response.request is not None else []


class FrontierRequeue(BaseSpiderMiddleware):
    """Spider middleware (async-compatible, universal)."""

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        if not crawler.settings.getbool("FRONTIER_ENABLED", True) or not stores_into_database(
            crawler.settings
        ):
            raise NotConfigured
        crawler.signals.connect(self.item_dropped, signal=signals.item_dropped)
        crawler.signals.connect(self.item_error, signal=signals.item_error)
        # before the scheduler opens its queues (it is built when the spider opens, after this)
        removed = discard_job_queue(job_dir(crawler.settings))
        if removed:
            logger.info(
                "frontier: discarded %s from JOBDIR; the database frontier queues what is left",
                " and ".join(removed),
            )

    @property
    def store(self) -> FrontierStore:
        return frontier_store(self.crawler)

    async def process_start(self, start: AsyncIterator[Any]) -> AsyncIterator[Any]:
        if self.crawler.stats.get_value(LOCKED_STAT):  # another crawl of this spider is running
            return
        spider = self.crawler.spider
        rows = self.store.pending()
        if rows:
            logger.info("frontier: %d pending URLs from earlier runs queued again", len(rows))
        requeued = 0
        for row in rows:
            request = request_from_row(row.url, row.callback, row.meta, spider)
            if request is None:
                logger.warning(
                    "frontier: %s names callback %r, which %s lacks; skipped",
                    row.url,
                    row.callback,
                    spider.name,
                )
                continue
            requeued += 1
            yield request
        self.crawler.stats.set_value("frontier/requeued", requeued)
        async for item_or_request in start:  # recorded too: a day not reached before a kill is not lost
            self._track(item_or_request)
            yield item_or_request

    def process_spider_output(self, response: Response, result: Iterable[Any],
                              spider: Any = None) -> Iterable[Any]:  # fmt: skip
        produced = False
        for out in result:
            produced |= self._track(out)
            yield out
        self._finish(response, produced)

    async def process_spider_output_async(self, response: Response, result: AsyncIterator[Any],
                                          spider: Any = None) -> AsyncIterator[Any]:  # fmt: skip
        produced = False
        async for out in result:
            produced |= self._track(out)
            yield out
        self._finish(response, produced)

    def process_spider_exception(self, response: Response, exception: Exception, spider: Any = None) -> None:
        if isinstance(exception, HttpError):  # an error status: FrontierOutcomes counted it
            return
        self.store.fail(response.url, f"callback error: {type(exception).__name__}: {exception}")

    def _track(self, out: Any) -> bool:
        """Record a yielded request; True when ``out`` is an item."""
        if not isinstance(out, Request):
            return out is not None
        row = request_row(out, self.crawler.spider)
        if row is not None:
            self.store.discover(row)
        return False

    def _finish(self, response: Response | None, produced_item: bool) -> None:
        if response is None:
            return
        handled = handled_statuses(response.request) if response.request is not None else set()
        if response.status >= 400 and handled is not None and response.status not in handled:
            return  # an error page sent to the errback: FrontierOutcomes counted a failed attempt
        for url in redirect_origins(response):
            self.store.complete(url)
        if not produced_item:  # an item's URL is marked done when it is stored
            self.store.complete(response.url)
        day = response.meta.get("issue_date")
        if day and 200 <= response.status < 300:
            self.store.issue_seen(day if isinstance(day, date) else date.fromisoformat(str(day)))

    def item_dropped(self, item: Any, response: Any = None, exception: Any = None) -> None:
        url = item.get("url") if hasattr(item, "get") else None
        if url:
            self.store.complete(url)

    def item_error(self, item: Any, response: Any = None, failure: Any = None) -> None:
        url = item.get("url") if hasattr(item, "get") else None
        if url:
            self.store.fail(url, f"pipeline error: {getattr(failure, 'value', failure)}")


class FrontierOutcomes:
    """Downloader middleware: final failures and refusals count against the frontier row."""

    def __init__(self, crawler: Crawler) -> None:
        if not crawler.settings.getbool("FRONTIER_ENABLED", True) or not stores_into_database(
            crawler.settings
        ):
            raise NotConfigured
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> FrontierOutcomes:
        return cls(crawler)

    def process_response(self, request: Request, response: Response) -> Response:
        handled = handled_statuses(request)
        if response.status >= 400 and handled is not None and response.status not in handled:
            frontier_store(self.crawler).fail(request.url, f"HTTP {response.status}")
        return response

    def process_exception(self, request: Request, exception: Exception) -> None:
        store = frontier_store(self.crawler)
        if isinstance(exception, IgnoreRequest):
            store.fail(request.url, f"refused: {exception}")
        else:
            store.fail(request.url, f"{type(exception).__name__}: {exception}")
