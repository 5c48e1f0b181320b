"""Leases on frontier rows (SQLite and PostgreSQL): taken, renewed, run out, handed out once, given up."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from crawler import lease
from crawler.db import make_engine, upgrade_to_head
from crawler.models import FrontierEntry

T0 = datetime(2024, 5, 1, 8, 0, tzinfo=timezone.utc)
LEASE = timedelta(seconds=60)


def row(n: int) -> dict[str, Any]:
    return {"url": f"http://epaper.example/rb/content_{n}.htm", "callback": "parse_article",
            "meta": {"meta": {"conditional": True}}}  # fmt: skip


@pytest.fixture
def engine(db_url: str) -> Any:
    eng = make_engine(db_url)
    upgrade_to_head(eng)
    yield eng
    eng.dispose()


def entry(engine: Any, url: str) -> FrontierEntry:
    with Session(engine) as session:
        found = session.scalars(select(FrontierEntry).where(FrontierEntry.url == url)).one()
        session.expunge(found)
        return found


def finish(engine: Any, url: str) -> None:
    with Session(engine) as session, session.begin():
        session.get(FrontierEntry, url).state = "done"


def test_take_writes_or_reopens_the_row_and_leaves_given_up_rows(engine: Any) -> None:
    assert lease.take(engine, row(1), "epaper", T0, T0 + LEASE) == 0
    got = entry(engine, row(1)["url"])
    assert (got.state, got.source, got.callback) == ("pending", "epaper", "parse_article")
    assert got.lease_until.replace(tzinfo=timezone.utc) == T0 + LEASE
    finish(engine, row(1)["url"])
    lease.take(engine, row(1), "epaper", T0, T0 + 2 * LEASE)  # taken again: reopened until done again
    assert entry(engine, row(1)["url"]).state == "pending"
    with Session(engine) as session, session.begin():
        session.get(FrontierEntry, row(1)["url"]).state = "failed"
    assert lease.take(engine, row(1), "epaper", T0, T0 + LEASE) is None
    assert entry(engine, row(1)["url"]).state == "failed"


def test_renew_keeps_what_is_still_pending(engine: Any) -> None:
    for n in (1, 2):
        lease.take(engine, row(n), "epaper", T0, T0 + LEASE)
    finish(engine, row(2)["url"])
    held = lease.renew(engine, [row(1)["url"], row(2)["url"]], T0 + 3 * LEASE)
    assert held == {row(1)["url"]}
    assert entry(engine, row(1)["url"]).lease_until.replace(tzinfo=timezone.utc) == T0 + 3 * LEASE


def test_live_leases_are_not_reclaimed_expired_ones_are_and_count_an_attempt(engine: Any) -> None:
    lease.take(engine, row(1), "epaper", T0, T0 + LEASE)
    lease.add_pending(engine, [row(2)], "epaper", T0)  # queued, never taken
    assert lease.live_leases(engine, "epaper", T0 + LEASE / 2) == 1
    assert lease.live_leases(engine, "epaper", T0 + LEASE / 2, exclude={row(1)["url"]}) == 0
    early = lease.reclaim(engine, "epaper", T0 + LEASE / 2, T0 + 2 * LEASE, max_attempts=3)
    assert [(r.url, r.expired) for r in early] == [(row(2)["url"], False)]
    later = T0 + 3 * LEASE  # both leases have run out now
    found = lease.reclaim(engine, "epaper", later, later + LEASE, max_attempts=3)
    assert sorted((r.url, r.expired) for r in found) == [(row(1)["url"], True), (row(2)["url"], True)]
    assert entry(engine, row(1)["url"]).attempts == 1
    assert lease.reclaim(engine, "epaper", later, later + LEASE, max_attempts=3) == []  # handed out once
    assert lease.reclaim(engine, "portal", later + 2 * LEASE, later + 3 * LEASE, max_attempts=3) == []


def test_a_row_whose_workers_keep_dying_is_given_up(engine: Any) -> None:
    lease.take(engine, row(1), "epaper", T0, T0 + LEASE)
    now = T0
    for _ in range(2):
        now += 2 * LEASE
        assert [r.url for r in lease.reclaim(engine, "epaper", now, now + LEASE, max_attempts=3)] == [
            row(1)["url"]
        ]
    now += 2 * LEASE
    assert lease.reclaim(engine, "epaper", now, now + LEASE, max_attempts=3) == []
    got = entry(engine, row(1)["url"])
    assert (got.state, got.attempts) == ("failed", 3)
    assert "worker" in got.last_error


def test_settle_releases_unfinished_rows_once_per_try(engine: Any) -> None:
    held = {}
    for n in (1, 2, 3):
        held[row(n)["url"]] = lease.take(engine, row(n), "epaper", T0, T0 + LEASE)
    finish(engine, row(1)["url"])
    with Session(engine) as session, session.begin():  # the download failure was counted already
        session.get(FrontierEntry, row(3)["url"]).attempts = 1
    assert lease.settle(engine, held, max_attempts=3) == 2
    two, three = entry(engine, row(2)["url"]), entry(engine, row(3)["url"])
    assert (two.lease_until, two.attempts, three.attempts) == (None, 1, 1)
    assert entry(engine, row(1)["url"]).state == "done"


def test_add_pending_reopens_finished_rows_but_not_leased_ones(engine: Any) -> None:
    lease.add_pending(engine, [row(1), row(2)], "epaper", T0)
    finish(engine, row(1)["url"])
    lease.take(engine, row(2), "epaper", T0, T0 + LEASE)
    lease.add_pending(engine, [row(1), row(2)], "epaper", T0 + LEASE)
    assert entry(engine, row(1)["url"]).state == "pending"
    assert entry(engine, row(2)["url"]).lease_until is not None


def test_concurrent_reclaims_hand_each_row_out_once(postgres_url: str) -> None:
    engine = make_engine(postgres_url)
    upgrade_to_head(engine)
    lease.add_pending(engine, [row(n) for n in range(200)], "epaper", T0)
    results: list[list[lease.Reclaimed]] = []

    def grab() -> None:
        results.append(lease.reclaim(engine, "epaper", T0, T0 + LEASE, max_attempts=3, limit=60))

    while True:
        threads = [threading.Thread(target=grab) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        if not results[-1] and not results[-2] and not results[-3] and not results[-4]:
            break
    urls = [r.url for batch in results for r in batch]
    assert len(urls) == len(set(urls)) == 200
    engine.dispose()


def test_server_clock_follows_the_database(db_url: str) -> None:
    engine = make_engine(db_url)
    now = lease.ServerClock(engine).now()
    assert abs((now - datetime.now(timezone.utc)).total_seconds()) < 5
    engine.dispose()
