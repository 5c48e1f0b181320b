"""``scrapy crawl epaper [-a start=YYYY-MM-DD [-a end=YYYY-MM-DD]]``: the Founder e-paper, day by day.

With no dates the crawl is incremental (:mod:`crawler.incremental`): from the day after the newest
stored issue up to today (the last ``EPAPER_BACKFILL_DAYS`` days on an empty database), plus the last
``EPAPER_RECHECK_DAYS`` stored days again. Explicit dates force that range.

For each day the first edition page ``{EPAPER_ROOT}html/YYYY-MM/DD/{EPAPER_ENTRY}`` is fetched; the
other edition pages (``node_N.htm``) and the article pages (``content_N.htm``) of that day's folder are
found from its links. Edition pages are always downloaded and parsed; article pages go out as
conditional requests (meta ``conditional``), so a stored, unchanged article is not downloaded again.
An article page becomes a :class:`~crawler.items.PageItem`; a day answering 404 is logged as
"no issue on YYYY-MM-DD" (stat ``epaper/no_issue``), not as an error.
Settings (defaults below): ``EPAPER_ROOT``, ``EPAPER_ENTRY``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import urljoin

import scrapy
from scrapy.http import Response

from crawler.incremental import epaper_plan
from crawler.middlewares.safety import host_of
from crawler.webspider import NewspaperSpider

# Pages of one issue folder.
EDITION_LINK = re.compile(r"/node_\d+\.html?$")
ARTICLE_LINK = re.compile(r"/content_\d+\.html?$")
# Longest date range one run accepts (a typo in a year should not start a decade-long crawl).
MAX_DAYS = 3660


def page_links(response: Response) -> Iterator[str]:
    """Absolute URLs of the page's links and image-map areas, fragments and queries removed."""
    for href in response.css("a::attr(href), area::attr(href)").getall():
        href = href.strip()
        if href and not href.lower().startswith(("javascript:", "mailto:", "#")):
            yield urljoin(response.url, href).split("#")[0].split("?")[0]


def day_range(start: str, end: str | None) -> list[dt.date]:
    first = dt.date.fromisoformat(start)
    last = dt.date.fromisoformat(end) if end else first
    if last < first:
        raise ValueError(f"end {last} is before start {first}")
    if (last - first).days >= MAX_DAYS:
        raise ValueError(f"{start}..{end} spans more than {MAX_DAYS} days")
    return [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]


class EpaperSpider(NewspaperSpider):
    name = "epaper"
    # Where the e-paper lives (setting EPAPER_ROOT) and each day's first edition page (EPAPER_ENTRY).
    DEFAULT_ROOT = "http://epaper.jzrb.com/rb/"
    DEFAULT_ENTRY = "node_1.htm"

    def __init__(self, start: str | None = None, end: str | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        if end and not start:
            raise ValueError("an end day needs a first day: -a start=YYYY-MM-DD")
        self.days = day_range(start, end) if start else []
        self.crawl_mode = "range" if start else "incremental"
        self.root_url = self.DEFAULT_ROOT

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> EpaperSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        root = crawler.settings.get("EPAPER_ROOT") or cls.DEFAULT_ROOT
        spider.root_url = root if root.endswith("/") else root + "/"
        spider.entry = crawler.settings.get("EPAPER_ENTRY") or cls.DEFAULT_ENTRY
        spider.allowed_domains = [host_of(spider.root_url)]
        if spider.crawl_mode == "incremental":
            plan = epaper_plan(crawler, spider.name)
            spider.days = plan.days
            spider.logger.info("incremental crawl: %s", plan.describe())
        return spider

    def day_folder(self, day: dt.date) -> str:
        return urljoin(self.root_url, f"html/{day:%Y-%m}/{day:%d}/")

    async def start(self) -> AsyncIterator[Any]:
        if not self.days:
            self.logger.info("e-paper %s: no day to crawl", self.root_url)
            return
        self.logger.info("e-paper %s, %s .. %s (%d days)", self.root_url, self.days[0], self.days[-1],
                         len(self.days))
        for day in self.days:
            folder = self.day_folder(day)
            yield scrapy.Request(
                folder + self.entry, callback=self.parse_edition, errback=self.failed,
                cb_kwargs={"day": day, "folder": folder, "entry": True},
                meta={"handle_httpstatus_list": [404], "issue_date": day.isoformat()},
            )

    def parse_edition(self, response: Response, day: dt.date, folder: str, entry: bool = False) -> Iterator[Any]:
        if response.status == 404:
            if entry:
                self.logger.info("no issue on %s", day.isoformat())
                self.crawler.stats.inc_value("epaper/no_issue")
            return
        self.crawler.stats.inc_value("epaper/edition_pages")
        for url in page_links(response):
            if not url.startswith(folder):
                continue  # other days, other sites
            if EDITION_LINK.search(url):
                yield scrapy.Request(url, callback=self.parse_edition, errback=self.failed,
                                     cb_kwargs={"day": day, "folder": folder})
            elif ARTICLE_LINK.search(url):
                yield scrapy.Request(url, callback=self.parse_article, errback=self.failed,
                                     meta={"download_fail_on_dataloss": False, "conditional": True})

