"""Stage 6: persist pages and their articles (SQLAlchemy; schema by Alembic).

The database is brought to the newest migration when the spider opens. Pages
are written in batches (``PERSIST_BATCH_PAGES`` per transaction, or whatever
has waited ``PERSIST_FLUSH_SECONDS``); a page, its articles and the mark that
its URL is done always share one transaction, so a run killed at any point
loses at most the batch in flight, which the next run redoes.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session

from crawler.db import database_url, make_engine, redact, upgrade_to_head
from crawler.store import StoreResult, store_page

logger = logging.getLogger(__name__)

# A transaction that meets a concurrent writer's row (unique constraint) is retried page by page this often.
MAX_RETRIES = 3


class PersistPipeline:
    def __init__(self, url: str, batch_pages: int = 50, flush_seconds: float = 10.0, stats: Any = None) -> None:
        self.url = url
        self.batch_pages = max(1, batch_pages)
        self.flush_seconds = flush_seconds
        self.stats = stats
        self.engine: Any = None
        self.pending: list[Any] = []
        self.oldest = 0.0

    @classmethod
    def from_crawler(cls, crawler: Any) -> PersistPipeline:
        s = crawler.settings
        return cls(
            database_url(s),
            batch_pages=s.getint("PERSIST_BATCH_PAGES", 50),
            flush_seconds=s.getfloat("PERSIST_FLUSH_SECONDS", 10.0),
            stats=crawler.stats,
        )

    def open_spider(self) -> None:
        try:
            self.engine = make_engine(self.url)
            upgrade_to_head(self.engine)
        except SQLAlchemyError as exc:
            reason = str(getattr(exc, "orig", None) or exc).splitlines()[0]
            logger.error("cannot open the database %s: %s", redact(self.url), reason)
            raise
        logger.info("storing into %s", redact(self.url))

    def close_spider(self) -> None:
        self.flush()
        if self.engine is not None:
            self.engine.dispose()

    def process_item(self, item: Any) -> Any:
        if not self.pending:
            self.oldest = time.monotonic()
        self.pending.append(item)
        if len(self.pending) >= self.batch_pages or time.monotonic() - self.oldest >= self.flush_seconds:
            self.flush()
        return item

    def flush(self) -> None:
        """Write the waiting pages in one transaction; on a conflict, page by page."""
        if not self.pending:
            return
        batch, self.pending = self.pending, []
        try:
            self._count(self._write(batch))
        except (IntegrityError, OperationalError) as exc:
            logger.warning("batch of %d pages conflicted (%s); storing them one by one", len(batch), exc.orig)
            for item in batch:
                self._store_one(item)

    def _write(self, batch: list[Any]) -> list[StoreResult]:
        with Session(self.engine) as session, session.begin():
            return [store_page(session, item) for item in batch]

    def _store_one(self, item: Any) -> None:
        for attempt in range(1, MAX_RETRIES + 1):
            try:
                self._count(self._write([item]))
                return
            except (IntegrityError, OperationalError) as exc:
                if attempt == MAX_RETRIES:
                    logger.error("%s: not stored after %d attempts: %s", item.get("url"), attempt, exc.orig)
                    self._inc("persist/errors")

    def _count(self, results: list[StoreResult]) -> None:
        for r in results:
            self._inc("persist/pages_new" if r.page_new else "persist/pages_seen")
            for status in ("new", "updated", "unchanged", "reannotated"):
                self._inc(f"persist/articles_{status}", getattr(r, f"articles_{status}"))

    def _inc(self, key: str, count: int = 1) -> None:
        if self.stats is not None and count:
            self.stats.inc_value(key, count)
