"""One ``crawl_runs`` row per crawl, and one crawl of a spider at a time on a database.

At spider open: takes the crawl lock (``crawl-SPIDER`` lock file, see :func:`crawler.schedule.lock_path`);
when another crawl of the same spider on the same database holds it, logs an error and closes the
spider with reason ``locked`` before any request is made. Then writes the run's row (spider, start,
mode, pid; stat ``runlog/run_id``), so a crawl killed midway leaves a row with no finish time. At
spider close: finish time, reason and the final stats. Settings ``RUNLOG_ENABLED``,
``CRAWL_LOCK_ENABLED``, ``LOCK_DIR``.
"""

from __future__ import annotations

import logging
import os
from datetime import date, datetime, timezone
from typing import Any

from scrapy import signals
from scrapy.exceptions import NotConfigured
from scrapy.utils.defer import deferred_from_coro
from sqlalchemy.orm import Session

from crawler.db import database_url
from crawler.frontier import crawl_engine, stores_into_database
from crawler.models import CrawlRun
from crawler.schedule import FileLock, LockHeld, lock_path

logger = logging.getLogger(__name__)

# Stats keys other components read: this run's row, and whether the crawl was refused by the lock.
RUN_ID_STAT = "runlog/run_id"
LOCKED_STAT = "runlog/locked"
LOCKED_REASON = "locked"


def json_safe(stats: dict[str, Any]) -> dict[str, Any]:
    """Stats a JSON column can hold (times as ISO text, the rest as numbers or text)."""
    out: dict[str, Any] = {}
    for key, value in stats.items():
        if isinstance(value, (datetime, date)):
            out[key] = value.isoformat()
        elif isinstance(value, (int, float, str, bool)) or value is None:
            out[key] = value
        else:
            out[key] = str(value)
    return out


class RunLog:
    def __init__(self, crawler: Any) -> None:
        if not crawler.settings.getbool("RUNLOG_ENABLED", True) or not stores_into_database(crawler.settings):
            raise NotConfigured
        self.crawler = crawler
        self.run_id: int | None = None
        self.lock: FileLock | None = None

    @classmethod
    def from_crawler(cls, crawler: Any) -> RunLog:
        ext = cls(crawler)
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_opened(self, spider: Any) -> None:
        settings, stats = self.crawler.settings, self.crawler.stats
        locked = False
        if settings.getbool("CRAWL_LOCK_ENABLED", True):
            path = lock_path(database_url(settings), f"crawl-{spider.name}", settings.get("LOCK_DIR"))
            try:
                self.lock = FileLock(path, f"a {spider.name} crawl on this database").acquire()
            except LockHeld as exc:
                logger.error("%s; this crawl stops without fetching anything", exc)
                stats.set_value(LOCKED_STAT, 1)
                locked = True
        now = datetime.now(timezone.utc)
        with Session(crawl_engine(self.crawler)) as session, session.begin():
            row = CrawlRun(spider=spider.name, started_at=now, mode=getattr(spider, "crawl_mode", None),
                           pid=os.getpid(), stats={}, coverage={},
                           finished_at=now if locked else None, finish_reason=LOCKED_REASON if locked else None)  # fmt: skip
            session.add(row)
            session.flush()
            self.run_id = row.id
        stats.set_value(RUN_ID_STAT, self.run_id)
        if locked:
            deferred_from_coro(self.crawler.engine.close_spider_async(reason=LOCKED_REASON))

    def spider_closed(self, spider: Any, reason: str) -> None:
        try:
            if self.run_id is None or self.crawler.stats.get_value(LOCKED_STAT):
                return
            with Session(crawl_engine(self.crawler)) as session, session.begin():
                row = session.get(CrawlRun, self.run_id)
                if row is not None:
                    row.finished_at = datetime.now(timezone.utc)
                    row.finish_reason = reason
                    row.stats = json_safe(self.crawler.stats.get_stats())
        finally:
            if self.lock is not None:
                self.lock.release()
                self.lock = None
