"""Incremental e-paper crawls killed with SIGKILL at five seeded random points; the next run then ends
with exactly the rows of one clean crawl (same URLs, content hashes and version counts), with and
without JOBDIR: the database frontier, not Scrapy's job directory, is the record of what is left to do.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from crawler.db import make_engine
from crawler.models import Page
from tests.conftest import PROJECT_ROOT
from tests.sites.server import LocalSite
from tests.test_incremental_sites import FAST, article_rows, big_site, component_args, frontier_states

FIRST_DAY, DAYS, LAST_DAY = "2020-01-01", 10, "2020-01-10"
EDITIONS, PER_EDITION = 2, 5
SEED = 20200110
KILLS = 5
# Kill a run once the site has answered this many of its requests. A clean run makes 1 + 10 x 12;
# while the points sum to less than that, every run still has work when its kill point comes.
KILL_AFTER = range(3, 31)
MAX_KILLED_REQUESTS = 100
RUN_TIMEOUT = 120


@pytest.fixture(scope="module")
def many_days() -> Iterator[LocalSite]:
    local, _ = big_site(FIRST_DAY, DAYS, EDITIONS, PER_EDITION)
    local.start()
    yield local
    local.stop()


@pytest.fixture(scope="module")
def clean_crawl(many_days: LocalSite, tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, list]:
    """The rows and pages of one crawl never interrupted."""
    clean = f"sqlite:///{tmp_path_factory.mktemp('clean') / 'clean.sqlite'}"
    run_to_end(many_days, clean, None)
    assert pending(clean) == 0
    return article_rows(clean), stored_pages(clean)


def crawl(site: LocalSite, db: str, jobdir: Path | None) -> subprocess.Popen:
    args = [
        "crawl", "epaper", "-s", f"EPAPER_ROOT={site.base_url}/rb/", "-s", f"EPAPER_TODAY={LAST_DAY}",
        "-s", f"EPAPER_BACKFILL_DAYS={DAYS}", "-s", "EPAPER_RECHECK_DAYS=1", "-s", "PERSIST_BATCH_PAGES=4",
        "-s", "FRONTIER_BATCH=10", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=4", *FAST, *component_args(),
        "-s", "LOG_LEVEL=WARNING",
    ]  # fmt: skip
    if jobdir is not None:
        args += ["-s", f"JOBDIR={jobdir}"]
    return subprocess.Popen([sys.executable, "-m", "scrapy.cmdline", *args], cwd=PROJECT_ROOT,
                            env={**os.environ, "DATABASE_URL": db}, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)  # fmt: skip


def run_to_end(site: LocalSite, db: str, jobdir: Path | None) -> None:
    proc = crawl(site, db, jobdir)
    _, err = proc.communicate(timeout=RUN_TIMEOUT)
    assert proc.returncode == 0, err[-3000:]


def kill_at(site: LocalSite, db: str, jobdir: Path | None, requests: int) -> bool:
    """Start a crawl and SIGKILL it once the site saw ``requests`` of its requests; False if it ended first."""
    mark = len(site.requests)
    proc = crawl(site, db, jobdir)
    deadline = time.monotonic() + RUN_TIMEOUT
    while proc.poll() is None and len(site.requests) - mark < requests and time.monotonic() < deadline:
        time.sleep(0.005)
    if proc.poll() is not None:
        return False
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=30)
    return True


def kill_points(rng: random.Random) -> list[int]:
    """``KILLS`` distinct points (requests into a run), seeded, summing to at most MAX_KILLED_REQUESTS."""
    while True:
        points = rng.sample(KILL_AFTER, KILLS)
        if sum(points) <= MAX_KILLED_REQUESTS:
            return points


def stored_pages(db: str) -> list[tuple[str, str]]:
    engine = make_engine(db)
    try:
        with Session(engine) as session:
            return sorted(
                (url, digest) for url, digest in session.execute(select(Page.url, Page.content_hash))
            )
    finally:
        engine.dispose()


def pending(db: str) -> int:
    return frontier_states(db).get("pending", 0)


@pytest.mark.parametrize(
    ("db_kind", "with_jobdir"), [("sqlite", False), ("sqlite", True), ("postgresql", False)]
)
def test_killed_crawls_end_like_a_clean_one(many_days: LocalSite, clean_crawl: tuple[dict, list], tmp_path: Path,
                                            request: pytest.FixtureRequest, db_kind: str,
                                            with_jobdir: bool) -> None:  # fmt: skip
    expected_rows, expected_pages = clean_crawl
    assert len(expected_rows) == DAYS * EDITIONS * PER_EDITION

    db = (
        f"sqlite:///{tmp_path / 'killed.sqlite'}"
        if db_kind == "sqlite"
        else request.getfixturevalue("postgres_url")
    )
    jobdir = tmp_path / "job" if with_jobdir else None
    points = kill_points(random.Random(f"{SEED}-{db_kind}-{with_jobdir}"))
    for point in points:
        assert kill_at(many_days, db, jobdir, point), f"the crawl ended before kill point {point} of {points}"
    assert len(article_rows(db)) < len(expected_rows) or pending(db) > 0, "the kills left nothing to do"

    run_to_end(many_days, db, jobdir)  # the next run completes the work
    assert pending(db) == 0
    assert article_rows(db) == expected_rows
    assert stored_pages(db) == expected_pages
