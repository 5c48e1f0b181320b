"""Migrations: upgrade on an empty database, downgrade to base, upgrade again, and no drift."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from alembic import command
from sqlalchemy import inspect

from crawler.db import alembic_config, make_engine, upgrade_to_head
from crawler.models import Base
from tests.conftest import PROJECT_ROOT


def table_names(url: str) -> set[str]:
    engine = make_engine(url)
    try:
        return set(inspect(engine).get_table_names())
    finally:
        engine.dispose()


def test_upgrade_downgrade_upgrade_and_check(db_url: str) -> None:
    cfg = alembic_config(db_url)
    command.upgrade(cfg, "head")
    assert set(Base.metadata.tables) <= table_names(db_url)
    command.check(cfg)  # raises when models and migrations disagree
    command.downgrade(cfg, "base")
    assert table_names(db_url) <= {"alembic_version"}
    command.upgrade(cfg, "head")
    command.check(cfg)
    assert set(Base.metadata.tables) <= table_names(db_url)


def test_upgrade_to_head_is_idempotent(db_url: str) -> None:
    engine = make_engine(db_url)
    upgrade_to_head(engine)
    upgrade_to_head(engine)
    assert "article_versions" in inspect(engine).get_table_names()
    engine.dispose()


def test_alembic_cli_reads_database_url(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    proc = subprocess.run(
        [sys.executable, "-m", "alembic", "upgrade", "head"],
        cwd=PROJECT_ROOT, env={**os.environ, "DATABASE_URL": url}, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert "articles" in table_names(url)
