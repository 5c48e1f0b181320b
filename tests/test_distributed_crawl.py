"""Several workers, one Redis queue, one database: each article stored once, the work shared, nothing left.

Real servers: the local copy of the sites (loopback), redis-server and PostgreSQL (or a SQLite file).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from crawler.db import make_engine, upgrade_to_head
from crawler.models import Article, ArticleVersion
from tests.conftest import PROJECT_ROOT
from tests.sites.build import ISSUE_DAYS
from tests.test_crawl_web_to_database import check_records, exported
from tests.test_incremental_sites import frontier_states

# The add-on, as settings.py lists it (given again so these tests do not depend on that line).
ADDON = ("-s", 'ADDONS={"crawler.distributed.DistributedCrawl": 0}')
FAST = ("-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "LOG_LEVEL=INFO")
DAYS = ("-a", f"start={ISSUE_DAYS[0]}", "-a", f"end={ISSUE_DAYS[-1]}")
WORKER_TIMEOUT = 90
PAGES_READ = re.compile(r"(\d+) pages read")
TAKEN = re.compile(r"'scheduler/dequeued/redis': (\d+)")


def scrapy_args(*args: str, site_url: str) -> list[str]:
    return [*args, "-s", f"EPAPER_ROOT={site_url}/rb/", *FAST, *ADDON]


def start_worker(db: str, redis: str, site_url: str, *extra: str, seed: bool = False) -> subprocess.Popen:
    """``scrapy crawl epaper`` as a worker of the shared queue (only taking work unless ``seed``)."""
    args = scrapy_args("crawl", "epaper", *extra, site_url=site_url)
    if not seed:
        args += ["-s", "DISTRIBUTED_SEED=False"]
    env = {**os.environ, "DATABASE_URL": db, "REDIS_URL": redis}
    return subprocess.Popen([sys.executable, "-m", "scrapy.cmdline", *args], cwd=PROJECT_ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip


def finish(proc: subprocess.Popen) -> tuple[str, str]:
    out, err = proc.communicate(timeout=WORKER_TIMEOUT)
    assert proc.returncode == 0, err[-3000:]
    return out, err


def enqueue(run_scrapy, db: str, redis: str, site_url: str) -> str:
    proc = run_scrapy(
        *scrapy_args("enqueue", "epaper", *DAYS, site_url=site_url), db=db, env={"REDIS_URL": redis}
    )
    return proc.stdout


def versions_per_article(db: str) -> dict[int, int]:
    engine = make_engine(db)
    try:
        with Session(engine) as session:
            rows = session.execute(
                select(ArticleVersion.article_id, func.count()).group_by(ArticleVersion.article_id)
            )
            counted = dict(rows.all())
            assert session.scalar(select(func.count()).select_from(Article)) == len(counted)
            return counted
    finally:
        engine.dispose()


def migrated(db: str) -> None:
    engine = make_engine(db)
    upgrade_to_head(engine)
    engine.dispose()


def epaper_expected(expected_records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [r for r in expected_records if r["source"] == "epaper" and r["pub_date"] in ISSUE_DAYS]


def test_two_workers_share_one_queue_into_postgresql(run_scrapy, local_site, site_url, expected_records,
                                                      postgres_url, redis_url) -> None:  # fmt: skip
    import redis

    local_site.delay_seconds = 0.1  # a little distance, so both workers find work
    assert "4 requests queued" in enqueue(run_scrapy, postgres_url, redis_url, site_url)
    workers = [start_worker(postgres_url, redis_url, site_url) for _ in range(2)]
    outputs = [finish(w) for w in workers]
    taken = [int(TAKEN.search(err).group(1)) for _, err in outputs]
    assert all(n >= 1 for n in taken), taken  # the work was shared
    pages = [int(PAGES_READ.search(out).group(1)) for out, _ in outputs]
    assert sum(pages) == len(epaper_expected(expected_records))  # and no article page was read twice
    check_records(exported(run_scrapy, postgres_url), epaper_expected(expected_records), site_url)
    assert set(versions_per_article(postgres_url).values()) == {1}
    assert set(frontier_states(postgres_url)) == {"done"}
    server = redis.Redis.from_url(redis_url)
    assert server.zcard("jzcrawler:epaper:requests") == 0
    assert server.scard("jzcrawler:epaper:seen") == 0  # the last worker out emptied it for the next crawl

    # the next crawl of the same days: pages asked again, conditionally; nothing new stored
    enqueue(run_scrapy, postgres_url, redis_url, site_url)
    out, err = finish(start_worker(postgres_url, redis_url, site_url))
    assert " 0 new / 0 updated" in out
    assert "'conditional/not_modified'" in err


def test_workers_started_alike_share_the_crawl_on_sqlite(run_scrapy, local_site, site_url, expected_records,
                                                          sqlite_url, redis_url) -> None:  # fmt: skip
    local_site.delay_seconds = 0.1
    migrated(sqlite_url)  # as a deployment would (alembic upgrade head) before starting workers
    workers = [start_worker(sqlite_url, redis_url, site_url, *DAYS, seed=True) for _ in range(2)]
    outputs = [finish(w) for w in workers]
    pages = [int(PAGES_READ.search(out).group(1)) for out, _ in outputs]
    assert sum(pages) == len(epaper_expected(expected_records)), pages
    check_records(exported(run_scrapy, sqlite_url), epaper_expected(expected_records), site_url)
    assert set(versions_per_article(sqlite_url).values()) == {1}


def test_enqueue_needs_redis_and_a_spider(run_scrapy, sqlite_url) -> None:
    env = {k: v for k, v in os.environ.items() if k != "REDIS_URL"}
    proc = subprocess.run([sys.executable, "-m", "scrapy.cmdline", "enqueue", "epaper", "-a", "start=2019-12-23"],
                          cwd=PROJECT_ROOT, env={**env, "DATABASE_URL": sqlite_url}, capture_output=True,
                          text=True, timeout=60)  # fmt: skip
    assert proc.returncode != 0 and "REDIS_URL" in proc.stderr
    bad = run_scrapy("enqueue", "nosuchspider", db=sqlite_url, env={"REDIS_URL": "redis://127.0.0.1:1/0"},
                     check=False)  # fmt: skip
    assert bad.returncode != 0 and "nosuchspider" in bad.stderr


def test_enqueue_pushes_start_requests_once(run_scrapy, site_url, sqlite_url, redis_url) -> None:
    import redis

    first = enqueue(run_scrapy, sqlite_url, redis_url, site_url)
    again = enqueue(run_scrapy, sqlite_url, redis_url, site_url)
    assert "4 requests queued" in first and "0 requests queued, 4 already queued" in again
    server = redis.Redis.from_url(redis_url)
    queued = [json.loads(data) for data in server.zrange("jzcrawler:epaper:requests", 0, -1)]
    assert sorted(r["url"].rsplit("/rb/", 1)[1] for r in queued) == [
        f"html/{day[:7]}/{day[8:]}/node_1.htm"
        for day in ("2019-12-23", "2019-12-24", "2019-12-25", "2019-12-26")
    ]
    assert frontier_states(sqlite_url) == {"pending": 4}  # recorded, so a lost worker cannot lose them
