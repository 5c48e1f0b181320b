"""What the web spiders share: turning a fetched article page into a PageItem, and their errback."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import scrapy
from scrapy.http import Response
from twisted.python.failure import Failure

from crawler.decoding import UndecodableError, header_charset
from crawler.middlewares.conditional import NotModified, Unchanged
from crawler.pagebuild import build_page_item, utc_now


class NewspaperSpider(scrapy.Spider):
    """Base of the web spiders; subclasses navigate, this reads the article pages they reach."""

    def page_item(self, response: Response) -> Any:
        """The PageItem of a fetched page, or None when its bytes cannot be decoded."""
        try:
            return build_page_item(
                source=self.name, url=response.url, origin=response.url, raw=response.body,
                header_charset=header_charset(response.headers.get(b"Content-Type")), fetched_at=utc_now(),
                http=response,
            )  # fmt: skip
        except UndecodableError as exc:
            self.logger.error("undecodable page %s: %s", response.url, exc)
            self.crawler.stats.inc_value(f"{self.name}/undecodable")
            return None

    def parse_article(self, response: Response) -> Iterator[Any]:
        item = self.page_item(response)
        if item is not None:
            self.crawler.stats.inc_value(f"{self.name}/article_pages")
            yield item

    def failed(self, failure: Failure) -> None:
        """Errback: the failure was logged by the fault middleware; count it and go on."""
        if failure.check(NotModified, Unchanged):  # a stored page that has not changed: nothing to do
            return
        self.crawler.stats.inc_value(f"{self.name}/failed_requests")
