"""Alembic environment: targets the project's models.

Takes an outside connection (``config.attributes["connection"]``, as the persist
stage passes one), else ``config.attributes["database_url"]``, else the
``DATABASE_URL`` environment variable or the project's default. SQLite gets
batch ("move and copy") operations. The full-text index objects that the
migrations create by SQL (SQLite FTS5 tables and triggers, the PostgreSQL
tsvector index) are not models, so ``alembic check`` is told to ignore them.
"""

from __future__ import annotations

import logging

from alembic import context
from sqlalchemy import Connection

from crawler.db import database_url, make_engine
from crawler.models import Base

config = context.config
target_metadata = Base.metadata
# Objects created by raw SQL in the migrations (full-text search), unknown to the models.
UNMODELLED_PREFIXES = ("search_fts", "ix_search_docs_tsv")

if not logging.getLogger().handlers:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")


def include_object(obj, name, type_, reflected, compare_to):
    return not (name or "").startswith(UNMODELLED_PREFIXES)


def run_with(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        include_object=include_object,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_offline() -> None:
    context.configure(
        url=config.attributes.get("database_url") or database_url(),
        target_metadata=target_metadata,
        literal_binds=True,
        render_as_batch=True,
        include_object=include_object,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        run_with(connection)
        return
    engine = make_engine(config.attributes.get("database_url") or database_url())
    with engine.connect() as conn:
        run_with(conn)
        conn.commit()
    engine.dispose()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
