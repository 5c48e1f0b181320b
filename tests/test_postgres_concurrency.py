"""Several processes writing one PostgreSQL database at once: the schema comes up once, and no page or
article is stored twice (the unique constraints and ON CONFLICT upserts decide who wins)."""

from __future__ import annotations

import os
import subprocess
import sys

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from crawler.db import make_engine, upgrade_to_head
from crawler.models import Article, ArticleVersion, Page
from tests.conftest import PROJECT_ROOT, SEEDS

WRITERS = 3


def counts(db: str) -> tuple[int, int, int]:
    engine = make_engine(db)
    try:
        with Session(engine) as session:
            return tuple(session.scalar(select(func.count()).select_from(m)) or 0  # type: ignore[return-value]
                         for m in (Page, Article, ArticleVersion))  # fmt: skip
    finally:
        engine.dispose()


def test_processes_starting_together_on_an_empty_database_all_come_up(postgres_url: str) -> None:
    code = "import sys; from crawler.db import make_engine, upgrade_to_head; upgrade_to_head(make_engine(sys.argv[1]))"
    procs = [subprocess.Popen([sys.executable, "-c", code, postgres_url], cwd=PROJECT_ROOT, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(WRITERS)]  # fmt: skip
    failures = []
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        if proc.returncode != 0:
            failures.append(next((ln for ln in reversed(err.splitlines()) if "Error" in ln), err[-300:]))
    assert not failures, failures


def test_concurrent_replays_store_each_page_and_article_once(postgres_url: str, sqlite_url: str) -> None:
    replay = ["crawl", "archive", "-a", f"path={SEEDS}", "-s", "LOG_LEVEL=WARNING", "-s", "PERSIST_BATCH_PAGES=1",
              "-s", "CRAWL_LOCK_ENABLED=False"]  # fmt: skip

    def launch(db: str) -> subprocess.Popen:
        return subprocess.Popen([sys.executable, "-m", "scrapy.cmdline", *replay], cwd=PROJECT_ROOT,
                                env={**os.environ, "DATABASE_URL": db}, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)  # fmt: skip

    clean = launch(sqlite_url)
    assert clean.wait(timeout=120) == 0
    engine = make_engine(postgres_url)
    upgrade_to_head(engine)  # the schema first, as a deployment would; the writers then race on rows only
    engine.dispose()
    writers = [launch(postgres_url) for _ in range(WRITERS)]
    for proc in writers:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err[-3000:]
    pages, articles, versions = counts(postgres_url)
    assert (pages, articles, versions) == counts(sqlite_url)
    assert articles == versions  # nobody added a second version of an article another writer stored
