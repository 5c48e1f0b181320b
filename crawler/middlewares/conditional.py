"""Conditional requests for pages already stored; unchanged pages never reach the pipelines.

Which requests are conditional: those whose spider set meta ``conditional=True``. The web spiders set
it on article pages only. Navigation pages (e-paper edition pages ``node_N.htm``, portal listings) are
always downloaded in full and parsed, because the articles behind an unchanged edition page may still
have changed; their article links then go out as conditional requests.

For a conditional request to a URL with a ``url_state`` row, this downloader middleware:

- sends ``If-None-Match`` (stored ETag) and ``If-Modified-Since`` (stored Last-Modified);
- on ``304 Not Modified`` raises :class:`NotModified` (the request's errback sees it; no item) and
  counts ``conditional/not_modified``;
- on a 200 whose bytes hash to the stored ``content_hash`` (a server without validators, or one that
  ignored them) raises :class:`Unchanged` and counts ``conditional/unchanged``;
- otherwise lets the page through (``conditional/changed``).

Either way an unchanged URL is marked done in the frontier and its ``url_state.checked_at`` moves.
The lookup runs in a thread, so the reactor never waits on the database. Place it below
RetryMiddleware (order < 550) so it sees final answers only. Setting ``CONDITIONAL_ENABLED``.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.utils.defer import maybe_deferred_to_future
from sqlalchemy import select
from sqlalchemy.orm import Session

from crawler.frontier import Check, crawl_engine, frontier_store, stores_into_database
from crawler.models import UrlState
from crawler.store import sha256

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.http import Response

logger = logging.getLogger(__name__)

# Request meta: the spider's flag, and what this middleware found stored for the URL.
CONDITIONAL_FLAG = "conditional"
STORED_STATE = "conditional_stored"


class NotModified(IgnoreRequest):
    """The server answered 304: the stored page is current."""


class Unchanged(IgnoreRequest):
    """The page's bytes are those already stored."""


def header_text(response: Response, name: bytes) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None


def stored_state(engine: Any, url: str) -> dict[str, str | None] | None:
    """The validators and content hash stored for ``url``, or None (runs in a worker thread)."""
    with Session(engine) as session:
        row = session.execute(
            select(UrlState.etag, UrlState.last_modified, UrlState.content_hash).where(UrlState.url == url)
        ).one_or_none()
    if row is None:
        return None
    return {"etag": row.etag, "last_modified": row.last_modified, "content_hash": row.content_hash}


class ConditionalRequests:
    """Downloader middleware (async ``process_request``)."""

    def __init__(self, crawler: Crawler) -> None:
        if not crawler.settings.getbool("CONDITIONAL_ENABLED", True) or not stores_into_database(
            crawler.settings
        ):
            raise NotConfigured
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ConditionalRequests:
        return cls(crawler)

    async def process_request(self, request: Request) -> None:
        if not request.meta.get(CONDITIONAL_FLAG) or STORED_STATE in request.meta:
            return
        from twisted.internet.threads import deferToThread

        engine = crawl_engine(self.crawler)
        state = await maybe_deferred_to_future(deferToThread(stored_state, engine, request.url))
        request.meta[STORED_STATE] = state
        if state is None:
            return
        if state["etag"]:
            request.headers.setdefault(b"If-None-Match", state["etag"])
        if state["last_modified"]:
            request.headers.setdefault(b"If-Modified-Since", state["last_modified"])
        self.crawler.stats.inc_value("conditional/requests")

    def process_response(self, request: Request, response: Response) -> Response:
        state = request.meta.get(STORED_STATE)
        if not state:
            return response
        stats = self.crawler.stats
        check = Check(
            response.status, header_text(response, b"ETag"), header_text(response, b"Last-Modified")
        )
        if response.status == 304:
            stats.inc_value("conditional/not_modified")
            frontier_store(self.crawler).complete(request.url, check)
            raise NotModified(f"not modified: {request.url}")
        if (
            response.status == 200
            and state["content_hash"]
            and sha256(response.body) == state["content_hash"]
        ):
            stats.inc_value("conditional/unchanged")
            frontier_store(self.crawler).complete(request.url, check)
            raise Unchanged(f"unchanged: {request.url}")
        if response.status == 200:
            stats.inc_value("conditional/changed")
        return response
