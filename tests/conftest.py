"""Shared fixtures: the database under test (SQLite file and real PostgreSQL) and a scrapy runner."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SEEDS = PROJECT_ROOT / "seeds"

pytest_plugins = ["tests.servers"]
if (PROJECT_ROOT / "tests" / "sites" / "pytest_plugin.py").exists():
    pytest_plugins.append("tests.sites.pytest_plugin")


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty database: a SQLite file, then a database on the test PostgreSQL server."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'news.sqlite'}"
    return request.getfixturevalue("postgres_url")


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'news.sqlite'}"


ScrapyRunner = Callable[..., subprocess.CompletedProcess]


@pytest.fixture
def run_scrapy() -> ScrapyRunner:
    """Run ``scrapy ARGS`` in the project folder as a user would; returns the finished process."""

    def run(*args: str, db: str, timeout: float = 180, env: dict[str, str] | None = None,
            check: bool = True) -> subprocess.CompletedProcess:  # fmt: skip
        full_env = {**os.environ, "DATABASE_URL": db, **(env or {})}
        proc = subprocess.run(
            [sys.executable, "-m", "scrapy.cmdline", *args],
            cwd=PROJECT_ROOT, env=full_env, capture_output=True, text=True, timeout=timeout,
        )  # fmt: skip
        if check and proc.returncode != 0:
            raise AssertionError(f"scrapy {' '.join(args)} exited {proc.returncode}:\n{proc.stderr[-3000:]}")
        return proc

    return run
