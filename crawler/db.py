"""Database connection: URL resolution, engine set-up and migrations to head."""

from __future__ import annotations

import fcntl
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine, make_url

from crawler.settings import DATABASE_URL as DEFAULT_DATABASE_URL
from crawler.settings import PROJECT_ROOT

MIGRATIONS_DIR = PROJECT_ROOT / "migrations"
# How long a SQLite writer waits for another one before failing (ms).
SQLITE_BUSY_TIMEOUT_MS = 30_000
# Key of the PostgreSQL advisory lock that serializes migrations (any fixed 64-bit number).
MIGRATION_LOCK_KEY = 7_466_201_903


def database_url(settings: Any = None) -> str:
    """The ``DATABASE_URL`` environment variable, else the setting, else the default SQLite file."""
    env = os.environ.get("DATABASE_URL")
    if env:
        return env
    if settings is not None and settings.get("DATABASE_URL"):
        return str(settings.get("DATABASE_URL"))
    return DEFAULT_DATABASE_URL


def redact(url: str) -> str:
    """The URL with any password hidden, for logs."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # an unparsable URL: show nothing of it
        return "<unparsable database URL>"


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cur.close()


def make_engine(url: str) -> Engine:
    """An engine for ``url``; SQLite files get their folder created and WAL mode."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def alembic_config(url: str | None = None) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if url:
        cfg.attributes["database_url"] = url
    return cfg


@contextmanager
def _sqlite_migration_lock(engine: Engine) -> Iterator[None]:
    """An exclusive lock file beside a SQLite database file while it is migrated (none in memory)."""
    database = engine.url.database
    if not database or database == ":memory:":
        yield
        return
    path = Path(database).expanduser()
    with open(path.with_name(path.name + ".migrate.lock"), "a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def upgrade_to_head(engine: Engine) -> None:
    """Bring the database's schema to the newest migration (no-op when it is there already).

    Processes starting together on an empty database take turns: PostgreSQL through an
    advisory lock held by the migration's transaction, SQLite through a lock file.
    """
    from alembic import command

    logging.getLogger("alembic").setLevel(logging.WARNING)  # one line per migration is noise in crawl logs
    cfg = alembic_config()
    guard = _sqlite_migration_lock(engine) if engine.dialect.name == "sqlite" else nullcontext()
    with guard, engine.begin() as conn:
        if engine.dialect.name == "postgresql":  # a second process waits here, then finds the schema at head
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def open_database(settings: Any = None, *, migrate: bool = True) -> Engine:
    engine = make_engine(database_url(settings))
    if migrate:
        upgrade_to_head(engine)
    return engine
