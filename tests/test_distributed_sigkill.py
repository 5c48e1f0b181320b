"""A worker killed with SIGKILL mid-crawl: the requests it held come back when their leases run out, and a
restarted worker stores every remaining article, none twice (PostgreSQL and Redis, real servers)."""

from __future__ import annotations

import os
import re
import signal
import time

from sqlalchemy import select
from sqlalchemy.orm import Session

from crawler.db import make_engine
from crawler.models import FrontierEntry
from tests.test_crawl_web_to_database import check_records, exported
from tests.test_distributed_crawl import enqueue, epaper_expected, finish, start_worker, versions_per_article
from tests.test_incremental_sites import frontier_states

LEASE = ("-s", "DISTRIBUTED_LEASE_SECONDS=3", "-s", "PERSIST_BATCH_PAGES=2")
KILL_AFTER_ARTICLES = 3  # article pages the first worker has downloaded when it is killed
WAIT_LIMIT = 60
LOST = re.compile(r"handed out again \((\d+) from lost workers\)")


def article_hits(local_site) -> int:
    return sum(1 for _, path, _ in list(local_site.requests) if "/content_" in path)


def wait_for_articles(local_site, worker, count: int, limit: float) -> None:
    """Wait until the site has served ``count`` article pages, while ``worker`` runs (``limit`` seconds at most);
    fail if the worker ends first."""
    deadline = time.monotonic() + limit
    while article_hits(local_site) < count and worker.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert worker.poll() is None, "the worker ended before it could be interrupted"


def leased_rows(db: str) -> int:
    engine = make_engine(db)
    try:
        with Session(engine) as session:
            rows = session.scalars(select(FrontierEntry).where(FrontierEntry.state == "pending",
                                                               FrontierEntry.lease_until.is_not(None)))  # fmt: skip
            return len(list(rows))
    finally:
        engine.dispose()


def test_killed_worker_loses_nothing_and_nothing_is_stored_twice(run_scrapy, local_site, site_url, expected_records,
                                                                  postgres_url, redis_url) -> None:  # fmt: skip
    local_site.delay_seconds = 0.3  # slow enough that the worker holds requests in flight when it dies
    enqueue(run_scrapy, postgres_url, redis_url, site_url)
    victim = start_worker(postgres_url, redis_url, site_url, *LEASE)
    wait_for_articles(local_site, victim, KILL_AFTER_ARTICLES, WAIT_LIMIT)
    os.kill(victim.pid, signal.SIGKILL)
    victim.communicate(timeout=30)
    held = leased_rows(postgres_url)
    assert held >= 1, "the killed worker held no request: the test would prove nothing"

    _, err = finish(start_worker(postgres_url, redis_url, site_url, *LEASE))
    lost = sum(int(n) for n in LOST.findall(err))
    assert lost >= 1, err[-3000:]
    want = epaper_expected(expected_records)
    check_records(exported(run_scrapy, postgres_url), want, site_url)  # every article, once, version 1
    assert set(versions_per_article(postgres_url).values()) == {1}
    assert set(frontier_states(postgres_url)) == {"done"}
