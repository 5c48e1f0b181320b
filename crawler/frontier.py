"""The crawl frontier kept in the database: what was discovered and is not done yet.

Every request a web spider's callback yields is written to ``frontier`` as ``pending`` (in batches,
with its callback, ``cb_kwargs`` and the meta keys in ``FRONTIER_META_KEYS``); a URL becomes ``done``
in the transaction that stores its articles (``crawler.store.mark_done``), or, for a page that yields
no item (an edition page, a listing, a 304, an unchanged body), in the batch that also records the links
it led to. Every run first queues the source's ``pending`` rows again, so a crawl killed at any point
is completed by the next one. A URL whose download fails ``FRONTIER_MAX_ATTEMPTS`` times becomes
``failed``.

A done URL discovered again in a later run (a recheck) is reopened to ``pending``; a URL already done
in this run is never reopened, so the order in which the frontier's and the persist stage's batches
commit does not matter.

With ``JOBDIR``, Scrapy's own request queue and seen-requests file are discarded when a crawl starts
(:func:`discard_job_queue`): after a kill they lose requests; the frontier does not.
"""

from __future__ import annotations

import logging
import shutil
import time
import weakref
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

from scrapy import Request
from sqlalchemy import or_, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from crawler.db import database_url, make_engine, upgrade_to_head
from crawler.models import FrontierEntry, SourceState, UrlState

logger = logging.getLogger(__name__)

# Request meta keys written with a queued request (the rest is Scrapy's own bookkeeping).
FRONTIER_META_KEYS = (
    "conditional",  # article pages: ask with validators, drop when unchanged (crawler.middlewares.conditional)
    "issue_date",  # an e-paper day's entry page: its day becomes the source's newest issue
    "handle_httpstatus_list",
    "download_fail_on_dataloss",
    "dont_redirect",
    "download_timeout",
    "download_maxsize",
)
# Item pipeline whose presence means "this crawl stores into the database".
PERSIST_PIPELINE = "PersistPipeline"
# Defaults of the settings read here.
DEFAULT_BATCH = 200  # FRONTIER_BATCH: buffered writes per transaction
DEFAULT_FLUSH_SECONDS = 5.0  # FRONTIER_FLUSH_SECONDS: buffered writes wait at most this long
DEFAULT_MAX_ATTEMPTS = 3  # FRONTIER_MAX_ATTEMPTS: failed downloads before a URL is given up
# Tag of a date inside stored cb_kwargs (JSON has no date type).
DATE_TAG = "$date"
ERROR_CHARS = 256  # width of frontier.last_error
# Scrapy's request bookkeeping in a JOBDIR, which the database frontier replaces.
JOB_QUEUE_FILES = ("requests.queue", "requests.seen")


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def stores_into_database(settings: Any) -> bool:
    """True when the crawl's pipelines include the persist stage (else there is no state to keep)."""
    pipelines = settings.getdict("ITEM_PIPELINES") if settings is not None else {}
    return any(path.endswith(PERSIST_PIPELINE) and order is not None for path, order in pipelines.items())


# --- requests <-> rows --------------------------------------------------------------------------


def encode_value(value: Any) -> Any:
    """``value`` with dates tagged, so it survives a JSON column."""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return {DATE_TAG: value.isoformat()}
    if isinstance(value, dict):
        return {str(k): encode_value(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [encode_value(v) for v in value]
    return value


def decode_value(value: Any) -> Any:
    if isinstance(value, dict):
        if set(value) == {DATE_TAG}:
            return date.fromisoformat(value[DATE_TAG])
        return {k: decode_value(v) for k, v in value.items()}
    if isinstance(value, list):
        return [decode_value(v) for v in value]
    return value


def method_name(spider: Any, func: Any) -> str | None:
    """The name of ``func`` when it is a method of ``spider`` (only those can be found again)."""
    name = getattr(func, "__name__", None)
    if name and getattr(func, "__self__", None) is spider:
        return name
    return None


def request_row(request: Request, spider: Any) -> dict[str, Any] | None:
    """What the frontier keeps of a request, or None when it cannot be rebuilt later."""
    if request.method != "GET" or request.meta.get("frontier") is False:
        return None
    callback = method_name(spider, request.callback) if request.callback is not None else "parse"
    if callback is None:
        return None
    errback = method_name(spider, request.errback) if request.errback is not None else None
    meta = {k: request.meta[k] for k in FRONTIER_META_KEYS if k in request.meta}
    return {
        "url": request.url,
        "callback": callback,
        "meta": encode_value(
            {
                "cb_kwargs": dict(request.cb_kwargs),
                "meta": meta,
                "errback": errback,
                "priority": request.priority,
            }
        ),
    }


def request_from_row(url: str, callback: str | None, stored: dict[str, Any], spider: Any) -> Request | None:
    """The request a frontier row describes, bound to ``spider``'s methods; None when they are gone."""
    data = decode_value(stored or {})
    func = getattr(spider, callback or "parse", None)
    if not callable(func):
        return None
    errback = getattr(spider, data.get("errback") or "", None) if data.get("errback") else None
    meta = {**(data.get("meta") or {}), "frontier_requeued": True}
    return Request(
        url,
        callback=func,
        errback=errback if callable(errback) else None,
        cb_kwargs=data.get("cb_kwargs") or {},
        meta=meta,
        priority=int(data.get("priority") or 0),
    )


def discard_job_queue(jobdir: str | None) -> list[str]:
    """Remove Scrapy's request queue and seen-requests file from ``jobdir``; answers what was removed.

    Scrapy writes the queue's bookkeeping only when a crawl stops cleanly: after a kill its disk queues
    hand out stale requests and lose new ones, and ``requests.seen`` names requests that were never
    done. Every request of a tracked crawl is in the database frontier, which queues what is left again.
    """
    if not jobdir:
        return []
    removed = []
    for name in JOB_QUEUE_FILES:
        path = Path(jobdir, name)
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()
        else:
            continue
        removed.append(name)
    return removed


# --- the store ----------------------------------------------------------------------------------


def dialect_insert(session: Session) -> Any:
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert


@dataclass
class Check:
    """A URL asked about and found unchanged (304, or the same bytes)."""

    status: int
    etag: str | None = None
    last_modified: str | None = None


class FrontierStore:
    """Buffered frontier writes for one source; everything buffered is committed in one transaction."""

    def __init__(self, engine: Engine, source: str, *, batch: int = DEFAULT_BATCH,
                 flush_seconds: float = DEFAULT_FLUSH_SECONDS, max_attempts: int = DEFAULT_MAX_ATTEMPTS,
                 stats: Any = None) -> None:  # fmt: skip
        self.engine = engine
        self.source = source
        self.batch = max(1, batch)
        self.flush_seconds = flush_seconds
        self.max_attempts = max(1, max_attempts)
        self.stats = stats
        # rows done before this instant were done by earlier runs (seconds: store.py stamps whole seconds)
        self.run_started = utc_now().replace(microsecond=0)
        self.discovered: dict[str, dict[str, Any]] = {}
        self.completed: dict[str, datetime] = {}
        self.checks: dict[str, Check] = {}
        self.failures: dict[str, str] = {}
        self.newest_issue: date | None = None
        self.oldest_write: float | None = None  # when the oldest buffered write came

    # buffering
    def _buffered(self) -> int:
        return len(self.discovered) + len(self.completed) + len(self.checks) + len(self.failures)

    def _added(self) -> None:
        if self.oldest_write is None:
            self.oldest_write = time.monotonic()
        if self._buffered() >= self.batch or time.monotonic() - self.oldest_write >= self.flush_seconds:
            self.flush()

    def discover(self, row: dict[str, Any]) -> None:
        self.discovered.setdefault(row["url"], row)
        self._added()

    def complete(self, url: str, check: Check | None = None) -> None:
        """``url`` needs nothing more in this run; ``check``: it was asked about and is unchanged."""
        self.completed[url] = utc_now()
        self.failures.pop(url, None)
        if check is not None:
            self.checks[url] = check
        self._added()

    def fail(self, url: str, error: str) -> None:
        self.failures[url] = error[:ERROR_CHARS]
        self._added()

    def issue_seen(self, day: date) -> None:
        if self.newest_issue is None or day > self.newest_issue:
            self.newest_issue = day
        self._added()

    # reading
    def pending(self) -> list[FrontierEntry]:
        """The source's undone rows, oldest first (not those a live distributed worker holds a lease on)."""
        unleased = or_(FrontierEntry.lease_until.is_(None), FrontierEntry.lease_until < utc_now())
        with Session(self.engine) as session:
            rows = list(session.scalars(
                select(FrontierEntry).where(FrontierEntry.source == self.source, FrontierEntry.state == "pending",
                                            unleased)
                .order_by(FrontierEntry.discovered_at, FrontierEntry.url)
            ))  # fmt: skip
            session.expunge_all()
        return rows

    def known(self, urls: list[str]) -> set[str]:
        """Those of ``urls`` the database (or this run's buffer) has seen before."""
        found = {u for u in urls if u in self.discovered or u in self.completed}
        rest = [u for u in urls if u not in found]
        if rest:
            with Session(self.engine) as session:
                found |= set(session.scalars(select(FrontierEntry.url).where(FrontierEntry.url.in_(rest))))
                found |= set(session.scalars(select(UrlState.url).where(UrlState.url.in_(rest))))
        return found

    # writing
    def flush(self) -> None:
        if not self._buffered() and self.newest_issue is None:
            return
        discovered, completed, checks, failures = self.discovered, self.completed, self.checks, self.failures
        newest, self.newest_issue, self.oldest_write = self.newest_issue, None, None
        self.discovered, self.completed, self.checks, self.failures = {}, {}, {}, {}
        with Session(self.engine) as session, session.begin():
            self._write_discovered(session, list(discovered.values()))
            self._write_completed(session, completed)
            self._write_checks(session, checks)
            self._write_failures(session, failures)
            if newest is not None:
                self._write_newest(session, newest)
        self._inc("frontier/discovered", len(discovered))
        self._inc("frontier/flushes")

    def _write_discovered(self, session: Session, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        now = utc_now()
        insert = dialect_insert(session)
        table = FrontierEntry.__table__
        stmt = insert(table)
        stmt = stmt.on_conflict_do_update(
            index_elements=["url"],
            set_={"state": "pending", "callback": stmt.excluded.callback, "meta": stmt.excluded.meta,
                  "discovered_at": stmt.excluded.discovered_at, "done_at": None},
            # reopen what earlier runs finished or gave up; leave what this run finished
            where=(table.c.state != "pending") & or_(table.c.done_at.is_(None), table.c.done_at < self.run_started),
        )  # fmt: skip
        values = [dict(url=r["url"], source=self.source, state="pending", callback=r["callback"], meta=r["meta"],
                       discovered_at=now, attempts=0) for r in rows]  # fmt: skip
        session.execute(stmt, values)

    def _write_completed(self, session: Session, completed: dict[str, datetime]) -> None:
        if not completed:
            return
        insert = dialect_insert(session)
        table = FrontierEntry.__table__
        stmt = insert(table)
        stmt = stmt.on_conflict_do_update(
            index_elements=["url"],
            set_={"state": "done", "done_at": stmt.excluded.done_at, "lease_until": None, "last_error": None},
        )
        values = [dict(url=url, source=self.source, state="done", meta={}, discovered_at=at, done_at=at,
                       attempts=0) for url, at in completed.items()]  # fmt: skip
        session.execute(stmt, values)

    def _write_checks(self, session: Session, checks: dict[str, Check]) -> None:
        now = utc_now()
        for url, check in checks.items():
            state = session.get(UrlState, url)
            if state is None:
                state = UrlState(url=url, source=self.source)
                session.add(state)
            state.checked_at, state.last_status = now, check.status
            state.etag = check.etag or state.etag
            state.last_modified = check.last_modified or state.last_modified

    def _write_failures(self, session: Session, failures: dict[str, str]) -> None:
        table = FrontierEntry.__table__
        for url, error in failures.items():
            session.execute(
                update(table).where(table.c.url == url, table.c.state == "pending")
                .values(attempts=table.c.attempts + 1, last_error=error)
            )  # fmt: skip
            session.execute(
                update(table).where(table.c.url == url, table.c.state == "pending",
                                    table.c.attempts >= self.max_attempts).values(state="failed")
            )  # fmt: skip

    def _write_newest(self, session: Session, day: date) -> None:
        row = session.get(SourceState, self.source)
        if row is None:
            session.add(SourceState(source=self.source, newest_issue=day, updated_at=utc_now()))
        elif row.newest_issue is None or day > row.newest_issue:
            row.newest_issue, row.updated_at = day, utc_now()

    def _inc(self, key: str, count: int = 1) -> None:
        if self.stats is not None and count:
            self.stats.inc_value(key, count)


# --- one engine and one store per crawl -----------------------------------------------------------

_ENGINES: weakref.WeakKeyDictionary[Any, Engine] = weakref.WeakKeyDictionary()
_STORES: weakref.WeakKeyDictionary[Any, FrontierStore] = weakref.WeakKeyDictionary()


def crawl_engine(crawler: Any) -> Engine:
    """The crawl's engine for its state tables (schema brought to head once); disposed at spider close."""
    engine = _ENGINES.get(crawler)
    if engine is None:
        engine = make_engine(database_url(crawler.settings))
        upgrade_to_head(engine)
        _ENGINES[crawler] = engine
        from scrapy import signals

        crawler.signals.connect(_dispose_engine(crawler), signal=signals.engine_stopped, weak=False)
    return engine


def _dispose_engine(crawler: Any) -> Any:
    def dispose() -> None:
        engine = _ENGINES.pop(crawler, None)
        if engine is not None:
            engine.dispose()

    return dispose


def frontier_store(crawler: Any) -> FrontierStore:
    """The crawl's frontier store (created when the spider is known; flushed at spider close)."""
    store = _STORES.get(crawler)
    if store is None:
        s = crawler.settings
        store = FrontierStore(
            crawl_engine(crawler), crawler.spider.name,
            batch=s.getint("FRONTIER_BATCH", DEFAULT_BATCH),
            flush_seconds=s.getfloat("FRONTIER_FLUSH_SECONDS", DEFAULT_FLUSH_SECONDS),
            max_attempts=s.getint("FRONTIER_MAX_ATTEMPTS", DEFAULT_MAX_ATTEMPTS),
            stats=crawler.stats,
        )  # fmt: skip
        _STORES[crawler] = store
        from scrapy import signals

        crawler.signals.connect(store.flush, signal=signals.spider_closed, weak=False)
    return store
