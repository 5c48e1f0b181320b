"""Every command on PostgreSQL (real server): search through the GIN index, export equal to SQLite's, the
alembic command line, a scheduled round. The replayed databases are built once for the module."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import text

from crawler.db import make_engine
from crawler.tokens import tokenize
from tests.conftest import PROJECT_ROOT, SEEDS

# Fields that differ between two replays of the same files (row ids, fetch times).
RUN_FIELDS = ("id", "fetched_at")
FAST = ("-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "LOG_LEVEL=WARNING")


def scrapy(*args: str, db: str, timeout: float = 180) -> subprocess.CompletedProcess:
    proc = subprocess.run([sys.executable, "-m", "scrapy.cmdline", *args], cwd=PROJECT_ROOT,
                          env={**os.environ, "DATABASE_URL": db}, capture_output=True, text=True, timeout=timeout)  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-3000:]
    return proc


def records(db: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in scrapy("export", db=db).stdout.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def replayed(postgres_server, tmp_path_factory) -> Iterator[tuple[str, str]]:
    """(SQLite URL, PostgreSQL URL), each holding one replay of the seeds."""
    sqlite = f"sqlite:///{tmp_path_factory.mktemp('replay') / 'news.sqlite'}"
    name = "replayed_seeds_commands"
    postgres = postgres_server.create_database(name)
    for db in (sqlite, postgres):
        scrapy("crawl", "archive", "-a", f"path={SEEDS}", "-s", "LOG_LEVEL=WARNING", db=db)
    yield sqlite, postgres
    postgres_server.drop_database(name)


def comparable(recs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = [{k: v for k, v in r.items() if k not in RUN_FIELDS} for r in recs]
    return sorted(out, key=lambda r: (r["url"], r["position"]))


def test_export_on_postgresql_equals_sqlite(replayed: tuple[str, str]) -> None:
    sqlite, postgres = replayed
    on_sqlite, on_postgres = comparable(records(sqlite)), comparable(records(postgres))
    assert len(on_postgres) >= 20
    assert on_postgres == on_sqlite


def test_search_on_postgresql_uses_the_gin_index_and_finds_what_sqlite_finds(
    replayed: tuple[str, str],
) -> None:
    sqlite, postgres = replayed
    titled = [r for r in records(postgres) if r["title"]]
    for rec in titled[:3]:
        word = max(tokenize(rec["title"]), key=len)  # a word of a stored headline
        on_postgres = scrapy("search", word, "--limit", "50", db=postgres).stdout
        on_sqlite = scrapy("search", word, "--limit", "50", db=sqlite).stdout
        assert rec["title"] in on_postgres, on_postgres
        heads = sorted(
            ln.split("] ", 1)[1] for ln in on_postgres.splitlines() if "] " in ln and not ln.startswith(" ")
        )
        assert heads == sorted(ln.split("] ", 1)[1] for ln in on_sqlite.splitlines()
                               if "] " in ln and not ln.startswith(" "))  # fmt: skip
    engine = make_engine(postgres)
    try:
        with engine.begin() as conn:
            # a tiny table: without this the planner scans it and never shows whether the index fits
            conn.execute(text("SET LOCAL enable_seqscan = off"))
            plan = "\n".join(r[0] for r in conn.execute(text(
                "EXPLAIN SELECT article_id FROM search_docs, plainto_tsquery('simple', :q) q "
                "WHERE to_tsvector('simple', title_tokens || ' ' || body_tokens) @@ q"), {"q": "焦作"}))  # fmt: skip
    finally:
        engine.dispose()
    assert "ix_search_docs_tsv" in plan, plan


def test_reextract_on_postgresql(replayed: tuple[str, str]) -> None:
    _, postgres = replayed
    assert " 0 new / 0 updated" in scrapy("reextract", db=postgres).stdout


def test_alembic_command_line_on_postgresql(postgres_url: str) -> None:
    def alembic(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "alembic", *args], cwd=PROJECT_ROOT,
                              env={**os.environ, "DATABASE_URL": postgres_url}, capture_output=True, text=True,
                              timeout=120)  # fmt: skip

    up = alembic("upgrade", "head")
    assert up.returncode == 0, up.stderr
    engine = make_engine(postgres_url)
    try:
        with engine.connect() as conn:
            head = conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
    finally:
        engine.dispose()
    current = alembic("current")
    assert head in current.stdout
    check = alembic("check")
    assert check.returncode == 0, check.stderr
    down = alembic("downgrade", "base")
    assert down.returncode == 0, down.stderr


def test_a_scheduled_round_on_postgresql(local_site, site_url: str, postgres_url: str, tmp_path) -> None:
    proc = scrapy("schedule", "--every", "1h", "--once", "--spider", "portal", "-a", "classes=3",
                  "--logdir", str(tmp_path / "logs"), "-s", f"PORTAL_ROOT={site_url}/", *FAST,
                  db=postgres_url)  # fmt: skip
    assert "portal: " in proc.stdout and "articles 3 new" in proc.stdout, proc.stdout
