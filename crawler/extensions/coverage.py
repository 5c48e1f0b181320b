"""Layout-change alarm: per-field coverage of each run, compared with the runs before it.

Counts, over the articles (kind ``article``) of the pages a run stores, the share with a title, a
byline (reporters or photographers), a ``pub_date`` and a body of at least ``COVERAGE_BODY_CHARS``
characters. At spider close the shares go into the run's ``crawl_runs.coverage``; a field whose share
falls below ``COVERAGE_DROP`` times its mean over the last ``COVERAGE_HISTORY`` runs of the spider
(and by at least ``MIN_GAP``) gets a WARNING: a site that changed its templates shows up as a field
that suddenly goes missing. Runs with fewer than ``COVERAGE_MIN_ARTICLES`` articles are recorded but
neither judged nor used as a baseline (too few to say anything).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from scrapy import signals
from scrapy.exceptions import NotConfigured
from sqlalchemy import select
from sqlalchemy.orm import Session

from crawler.frontier import crawl_engine, stores_into_database
from crawler.models import CrawlRun

logger = logging.getLogger(__name__)

FIELDS = ("title", "byline", "pub_date", "body")
DEFAULT_BODY_CHARS = 100  # COVERAGE_BODY_CHARS: a body shorter than this counts as missing
DEFAULT_MIN_ARTICLES = 20  # COVERAGE_MIN_ARTICLES: smaller runs are not judged
DEFAULT_HISTORY = 5  # COVERAGE_HISTORY: earlier runs averaged into the baseline
DEFAULT_DROP = 0.5  # COVERAGE_DROP: warn below this fraction of the baseline share
MIN_GAP = 0.2  # and only when the share fell by at least this much (low baselines are noise)


@dataclass
class CoverageCounter:
    body_chars: int = DEFAULT_BODY_CHARS
    articles: int = 0
    hits: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))

    def add_page(self, item: Any) -> None:
        page_date = bool(item.get("pub_date"))
        for article in item.get("articles") or []:
            if (article.get("kind") or "article") != "article":
                continue
            self.articles += 1
            found = {
                "title": bool(article.get("title")),
                "byline": bool(article.get("reporters") or article.get("photographers")),
                "pub_date": page_date,
                "body": len("".join((article.get("body") or "").split())) >= self.body_chars,
            }
            for name, present in found.items():
                self.hits[name] += int(present)

    def shares(self) -> dict[str, Any]:
        out: dict[str, Any] = {"articles": self.articles}
        for name in FIELDS:
            out[name] = round(self.hits[name] / self.articles, 4) if self.articles else None
        return out


def coverage_drops(current: dict[str, Any], previous: list[dict[str, Any]], *, min_articles: int,
                   drop: float = DEFAULT_DROP) -> list[str]:  # fmt: skip
    """Warnings for the fields of ``current`` that fell well below their mean in ``previous`` (pure)."""
    if (current.get("articles") or 0) < min_articles:
        return []
    usable = [p for p in previous if (p.get("articles") or 0) >= min_articles]
    warnings = []
    for name in FIELDS:
        now = current.get(name)
        before = [p[name] for p in usable if p.get(name) is not None]
        if now is None or not before:
            continue
        baseline = sum(before) / len(before)
        if now < baseline * drop and baseline - now >= MIN_GAP:
            warnings.append(
                f"{name} found in {now:.0%} of {current['articles']} articles, against {baseline:.0%} "
                f"over the previous {len(before)} run(s)"
            )
    return warnings


class CoverageAlarm:
    def __init__(self, crawler: Any) -> None:
        s = crawler.settings
        if not s.getbool("COVERAGE_ENABLED", True) or not stores_into_database(s):
            raise NotConfigured
        self.crawler = crawler
        self.counter = CoverageCounter(s.getint("COVERAGE_BODY_CHARS", DEFAULT_BODY_CHARS))
        self.min_articles = s.getint("COVERAGE_MIN_ARTICLES", DEFAULT_MIN_ARTICLES)
        self.history = s.getint("COVERAGE_HISTORY", DEFAULT_HISTORY)
        self.drop = s.getfloat("COVERAGE_DROP", DEFAULT_DROP)

    @classmethod
    def from_crawler(cls, crawler: Any) -> CoverageAlarm:
        ext = cls(crawler)
        crawler.signals.connect(ext.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def item_scraped(self, item: Any) -> None:
        self.counter.add_page(item)

    def spider_closed(self, spider: Any, reason: str) -> None:
        if self.crawler.stats.get_value("runlog/locked"):
            return
        current = self.counter.shares()
        run_id = self.crawler.stats.get_value("runlog/run_id")
        with Session(crawl_engine(self.crawler)) as session, session.begin():
            previous = self._previous(session, spider.name, run_id)
            warnings = coverage_drops(current, previous, min_articles=self.min_articles, drop=self.drop)
            added = {
                f"coverage/{name}": current[name]
                for name in ("articles", *FIELDS)
                if current[name] is not None
            }
            if warnings:
                added["coverage/warnings"] = len(warnings)
            for key, value in added.items():
                self.crawler.stats.set_value(key, value)
            row = session.get(CrawlRun, run_id) if run_id is not None else None
            if row is None:
                now = datetime.now(timezone.utc)
                row = CrawlRun(
                    spider=spider.name, started_at=now, finished_at=now, finish_reason=reason, stats={}
                )
                session.add(row)
            row.coverage = current
            row.stats = {**(row.stats or {}), **added}  # the run log may have written its stats already
        for warning in warnings:
            logger.warning("layout change? %s: %s", spider.name, warning)

    def _previous(self, session: Session, spider: str, run_id: int | None) -> list[dict[str, Any]]:
        """Coverage of the spider's last finished runs large enough to be a baseline, newest first."""
        earlier = select(CrawlRun.coverage).where(
            CrawlRun.spider == spider, CrawlRun.finished_at.is_not(None)
        )
        if run_id is not None:
            earlier = earlier.where(CrawlRun.id != run_id)
        rows = session.scalars(earlier.order_by(CrawlRun.id.desc()).limit(self.history * 4))
        return [c for c in rows if c and (c.get("articles") or 0) >= self.min_articles][: self.history]
