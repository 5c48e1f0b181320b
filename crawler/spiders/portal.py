"""``scrapy crawl portal [-a classes=3,4] [-a max_pages=N] [-a full=1]``: the news portal's section listings.

Walks ``{PORTAL_ROOT}news/ShowClass.asp?ClassID=N&page=M`` from page 1 and turns each linked article page
into a :class:`~crawler.items.PageItem`. Incremental by default: the walk of a section stops at the first
listing page whose article links are all known from earlier runs (``-a full=1`` reads every page);
otherwise it ends at the last listing page (no article rows, no "next" link, or ``max_pages``).
Listing pages are always downloaded and parsed; article pages go out as conditional requests (meta
``conditional``), so a stored, unchanged article is not downloaded again. Settings (defaults below):
``PORTAL_ROOT``, ``PORTAL_CLASSES``, ``PORTAL_MAX_PAGES``.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import urljoin

import scrapy
from scrapy.http import Response

from crawler.incremental import known_urls
from crawler.middlewares.safety import host_of
from crawler.webspider import NewspaperSpider

# Article pages linked from a listing.
ARTICLE_LINK = re.compile(r"ShowArticle\.asp\?ArticleID=\d+", re.I)
# The pager's "next page" link text, in both scripts.
NEXT_PAGE_TEXT = re.compile(r"下一页|下一頁|下页|下頁")
# The pager's "page M of N" text: 页次:1/3.
PAGE_OF = re.compile(r"[页頁]次\s*[:：]?\s*(\d+)\s*/\s*(\d+)")


def int_list(value: str | list[int] | None) -> list[int]:
    if value is None or value == "":
        return []
    if isinstance(value, list):
        return [int(v) for v in value]
    return [int(v) for v in str(value).replace(" ", "").split(",") if v]


class PortalSpider(NewspaperSpider):
    name = "portal"
    # Site root (PORTAL_ROOT), sections crawled (PORTAL_CLASSES) and listing pages per section
    # (PORTAL_MAX_PAGES, 0 = until the last page).
    DEFAULT_ROOT = "http://www.jzrb.com/"
    DEFAULT_CLASSES = (3,)
    DEFAULT_MAX_PAGES = 0

    def __init__(self, classes: str | None = None, max_pages: str | None = None, full: str | None = None,
                 **kwargs: Any) -> None:  # fmt: skip
        super().__init__(**kwargs)
        self.classes_arg = int_list(classes)
        self.max_pages_arg = int(max_pages) if max_pages else None
        self.crawl_mode = "full" if full not in (None, "", "0", "false", "no") else "incremental"
        self.root_url = self.DEFAULT_ROOT

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> PortalSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        root = crawler.settings.get("PORTAL_ROOT") or cls.DEFAULT_ROOT
        spider.root_url = root if root.endswith("/") else root + "/"
        spider.classes = spider.classes_arg or int_list(crawler.settings.get("PORTAL_CLASSES")) or list(
            cls.DEFAULT_CLASSES)
        setting_pages = crawler.settings.getint("PORTAL_MAX_PAGES", cls.DEFAULT_MAX_PAGES)
        spider.max_pages = spider.max_pages_arg if spider.max_pages_arg is not None else setting_pages
        spider.allowed_domains = [host_of(spider.root_url)]
        return spider

    def listing_url(self, class_id: int, page: int) -> str:
        return urljoin(self.root_url, f"news/ShowClass.asp?ClassID={class_id}&page={page}")

    async def start(self) -> AsyncIterator[Any]:
        for class_id in self.classes:
            yield scrapy.Request(self.listing_url(class_id, 1), callback=self.parse_listing, errback=self.failed,
                                 cb_kwargs={"class_id": class_id, "page": 1})

    def parse_listing(self, response: Response, class_id: int, page: int) -> Iterator[Any]:
        articles = []
        for href in response.css("a::attr(href)").getall():
            url = urljoin(response.url, href.strip())
            if ARTICLE_LINK.search(url) and url not in articles:
                articles.append(url)
        self.crawler.stats.inc_value("portal/listing_pages")
        all_known = self.crawl_mode == "incremental" and len(known_urls(self.crawler, articles)) == len(articles)
        for url in articles:
            yield scrapy.Request(url, callback=self.parse_article, errback=self.failed,
                                 meta={"download_fail_on_dataloss": False, "conditional": True})
        if self.is_last_page(response, page, bool(articles)):
            self.logger.info("section %d: last listing page is %d", class_id, page)
            return
        if all_known:
            self.logger.info("section %d: listing page %d holds only known articles; stopping there", class_id,
                             page)
            self.crawler.stats.inc_value("portal/stopped_at_known")
            return
        yield scrapy.Request(self.listing_url(class_id, page + 1), callback=self.parse_listing,
                             errback=self.failed, cb_kwargs={"class_id": class_id, "page": page + 1})

    def is_last_page(self, response: Response, page: int, has_articles: bool) -> bool:
        if not has_articles or (self.max_pages and page >= self.max_pages):
            return True
        text = " ".join(response.css("body ::text").getall())
        m = PAGE_OF.search(text)
        if m:
            return int(m.group(1)) >= int(m.group(2))
        next_links = [a for a in response.css("a") if NEXT_PAGE_TEXT.search(" ".join(a.css("::text").getall()))]
        return not next_links

