"""Leases on frontier rows: no request is lost with a worker that dies.

A shared queue hands a request to one worker and forgets it. So that a worker killed mid-crawl loses
nothing, the worker takes a *lease* on the request's ``frontier`` row when it takes the request: the
row stays ``pending`` and gets ``lease_until`` (now + ``DISTRIBUTED_LEASE_SECONDS``), which the worker
renews while it works. The row becomes ``done`` in the transaction that stores the page (or when the
page needed nothing stored), which also clears the lease. A row still ``pending`` whose lease has run
out belonged to a worker that died: :func:`reclaim` hands it out again (once, whoever asks first),
counting a failed attempt; after ``FRONTIER_MAX_ATTEMPTS`` the row becomes ``failed``.

Times are the database server's (PostgreSQL ``now()``), so workers on machines whose clocks differ
agree on when a lease has run out; SQLite is one machine, so its clock is the local one.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from crawler.models import FrontierEntry

# Rows handed out again per reclaim at most (the rest on the next call).
RECLAIM_BATCH = 500
# How often the offset between the local clock and the database server's is measured again (seconds).
CLOCK_REFRESH_SECONDS = 300.0
# frontier.last_error of a row given up because the workers holding it kept dying.
LOST_WORKER_ERROR = "lease ran out: the worker holding it was lost"
# frontier.last_error of a row whose request went through without finishing it.
UNFINISHED_ERROR = "request went through without finishing its row"
# Rows per statement when renewing or releasing many leases (keeps the IN list small).
URL_CHUNK = 500

TABLE = FrontierEntry.__table__


@dataclass(frozen=True)
class Reclaimed:
    """A frontier row handed out again: enough to rebuild its request."""

    url: str
    callback: str | None
    meta: dict[str, Any]
    expired: bool  # True: a worker's lease ran out; False: the row was never leased


def _insert(session: Session) -> Any:
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert


def _chunks(urls: Iterable[str]) -> Iterable[list[str]]:
    batch: list[str] = []
    for url in urls:
        batch.append(url)
        if len(batch) >= URL_CHUNK:
            yield batch
            batch = []
    if batch:
        yield batch


class ServerClock:
    """The database server's time, read once and then followed with the local monotonic clock."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._offset: timedelta | None = None
        self._measured = 0.0

    def now(self) -> datetime:
        if self._offset is None or time.monotonic() - self._measured > CLOCK_REFRESH_SECONDS:
            self._offset = self._measure()
            self._measured = time.monotonic()
        return datetime.now(timezone.utc) + self._offset

    def _measure(self) -> timedelta:
        if self.engine.dialect.name != "postgresql":
            return timedelta(0)
        with self.engine.connect() as conn:
            server = conn.execute(select(func.now())).scalar_one()
        return server - datetime.now(timezone.utc)


def take(engine: Engine, row: dict[str, Any], source: str, now: datetime, until: datetime) -> int | None:
    """Lease the request ``row`` (``url``, ``callback``, ``meta``) until ``until``; writes the row if new.

    Answers the row's failed attempts so far, or None for a row given up (``failed``), which is left
    alone. A ``done`` row is reopened: its request is being worked on again and will mark it done again.
    """
    with Session(engine) as session, session.begin():
        insert = _insert(session)
        stmt = insert(TABLE).values(url=row["url"], source=source, state="pending", callback=row["callback"],
                                    meta=row["meta"], discovered_at=now, lease_until=until, attempts=0)  # fmt: skip
        stmt = stmt.on_conflict_do_update(
            index_elements=["url"],
            set_={"state": "pending", "lease_until": until, "done_at": None},
            where=TABLE.c.state != "failed",
        ).returning(TABLE.c.attempts)
        return session.scalars(stmt).one_or_none()


def add_pending(engine: Engine, rows: list[dict[str, Any]], source: str, now: datetime) -> None:
    """Record requests to be crawled (``url``, ``callback``, ``meta``): new rows, and finished or given-up
    rows reopened with fresh attempts; rows already pending are left as they are."""
    if not rows:
        return
    with Session(engine) as session, session.begin():
        stmt = _insert(session)(TABLE)
        stmt = stmt.on_conflict_do_update(
            index_elements=["url"],
            set_={"state": "pending", "callback": stmt.excluded.callback, "meta": stmt.excluded.meta,
                  "done_at": None, "lease_until": None, "attempts": 0, "last_error": None},
            where=TABLE.c.state != "pending",
        )  # fmt: skip
        session.execute(stmt, [dict(url=r["url"], source=source, state="pending", callback=r["callback"],
                                    meta=r["meta"], discovered_at=now, attempts=0) for r in rows])  # fmt: skip


def renew(engine: Engine, urls: Iterable[str], until: datetime) -> set[str]:
    """Move the leases of those ``urls`` still pending to ``until``; answers those (the rest are finished)."""
    held: set[str] = set()
    with Session(engine) as session, session.begin():
        for chunk in _chunks(urls):
            stmt = (update(TABLE).where(TABLE.c.url.in_(chunk), TABLE.c.state == "pending")
                    .values(lease_until=until).returning(TABLE.c.url))  # fmt: skip
            held.update(session.scalars(stmt))
    return held


def unfinished(engine: Engine, urls: Iterable[str]) -> set[str]:
    """Those of ``urls`` whose rows are still pending."""
    found: set[str] = set()
    with Session(engine) as session:
        for chunk in _chunks(urls):
            query = select(TABLE.c.url).where(TABLE.c.url.in_(chunk), TABLE.c.state == "pending")
            found.update(session.scalars(query))
    return found


def settle(engine: Engine, held: dict[str, int], max_attempts: int) -> int:
    """Give up the leases of ``held`` rows (URL -> attempts when leased) that are still pending.

    Their requests went through without finishing the row; each such try counts one failed attempt,
    unless the download's failure was counted already. At ``max_attempts`` the row becomes ``failed``.
    Answers how many rows were released for another try.
    """
    released = 0
    still = sorted(unfinished(engine, held))
    with Session(engine) as session, session.begin():
        for url in still:
            row = TABLE.c
            session.execute(update(TABLE).where(row.url == url, row.state == "pending", row.attempts == held[url])
                            .values(attempts=row.attempts + 1, last_error=UNFINISHED_ERROR))  # fmt: skip
            gave_up = session.execute(update(TABLE).where(row.url == url, row.state == "pending",
                                                          row.attempts >= max_attempts)
                                      .values(state="failed", lease_until=None)).rowcount  # fmt: skip
            if not gave_up:
                session.execute(
                    update(TABLE).where(row.url == url, row.state == "pending").values(lease_until=None)
                )
                released += 1
    return released


def release(engine: Engine, urls: Iterable[str]) -> int:
    """Hand back the leases on those ``urls`` still pending, as untried (a worker stopping cleanly)."""
    count = 0
    with Session(engine) as session, session.begin():
        for chunk in _chunks(urls):
            stmt = (
                update(TABLE)
                .where(TABLE.c.url.in_(chunk), TABLE.c.state == "pending")
                .values(lease_until=None)
            )
            count += session.execute(stmt).rowcount or 0
    return count


def live_leases(engine: Engine, source: str, now: datetime, exclude: Iterable[str] = ()) -> int:
    """Pending rows of ``source`` leased until after ``now`` (work in some worker's hands), but ``exclude``."""
    skip = set(exclude)
    with Session(engine) as session:
        urls = session.scalars(select(TABLE.c.url).where(
            TABLE.c.source == source, TABLE.c.state == "pending", TABLE.c.lease_until >= now))  # fmt: skip
        return sum(1 for url in urls if url not in skip)


def reclaim(engine: Engine, source: str, now: datetime, until: datetime, max_attempts: int,
            limit: int = RECLAIM_BATCH) -> list[Reclaimed]:  # fmt: skip
    """Hand out again the pending rows of ``source`` that no live worker holds.

    Those whose lease ran out before ``now`` count a failed attempt (a worker died with them) and
    become ``failed`` at ``max_attempts``; those never leased are handed out as they are. Each row
    handed out is leased until ``until``, so a second caller at the same moment does not get it too.
    """
    mine = (TABLE.c.source == source) & (TABLE.c.state == "pending")
    lapsed = mine & TABLE.c.lease_until.is_not(None) & (TABLE.c.lease_until < now)
    never = mine & TABLE.c.lease_until.is_(None)
    out: list[Reclaimed] = []
    with Session(engine) as session, session.begin():
        for free, expired in ((lapsed, True), (never, False)):
            picked = select(TABLE.c.url).where(free).order_by(TABLE.c.discovered_at).limit(limit)
            picked = picked.with_for_update(skip_locked=True).scalar_subquery()
            values: dict[str, Any] = {"lease_until": until}
            if expired:
                values["attempts"] = TABLE.c.attempts + 1
            stmt = (update(TABLE).where(TABLE.c.url.in_(picked), free).values(**values)
                    .returning(TABLE.c.url, TABLE.c.callback, TABLE.c.meta, TABLE.c.attempts))  # fmt: skip
            rows = session.execute(stmt).all()
            spent = [r.url for r in rows if expired and r.attempts >= max_attempts]
            for chunk in _chunks(spent):
                session.execute(update(TABLE).where(TABLE.c.url.in_(chunk)).values(
                    state="failed", lease_until=None, last_error=LOST_WORKER_ERROR))  # fmt: skip
            gone = set(spent)
            out += [Reclaimed(r.url, r.callback, r.meta or {}, expired) for r in rows if r.url not in gone]
    return out
