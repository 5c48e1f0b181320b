"""A worker stopped with SIGTERM finishes what it holds and leaves no lease behind, so the next worker
takes over at once instead of waiting for leases to run out (PostgreSQL and Redis, real servers)."""

from __future__ import annotations

import signal
import time

from tests.test_crawl_web_to_database import check_records, exported
from tests.test_distributed_crawl import enqueue, epaper_expected, finish, start_worker
from tests.test_distributed_sigkill import leased_rows, wait_for_articles
from tests.test_incremental_sites import frontier_states

# Leases far longer than the test may take: a lease left behind would show as a timeout.
LONG_LEASE = ("-s", "DISTRIBUTED_LEASE_SECONDS=600")
STOP_AFTER_ARTICLES = 2
TAKE_OVER_LIMIT = 45  # seconds the second worker may take (start-up and warm-up included)


def test_stopped_worker_leaves_no_lease(run_scrapy, local_site, site_url, expected_records, postgres_url,
                                        redis_url) -> None:  # fmt: skip
    local_site.delay_seconds = 0.3
    enqueue(run_scrapy, postgres_url, redis_url, site_url)
    first = start_worker(postgres_url, redis_url, site_url, *LONG_LEASE)
    wait_for_articles(local_site, first, STOP_AFTER_ARTICLES, 60)
    first.send_signal(signal.SIGTERM)
    _, err = finish(first)
    assert "(finish reason: shutdown)" in err or "Spider closed (shutdown)" in err
    assert leased_rows(postgres_url) == 0

    began = time.monotonic()
    finish(start_worker(postgres_url, redis_url, site_url, *LONG_LEASE))
    assert time.monotonic() - began < TAKE_OVER_LIMIT
    check_records(exported(run_scrapy, postgres_url), epaper_expected(expected_records), site_url)
    assert set(frontier_states(postgres_url)) == {"done"}
