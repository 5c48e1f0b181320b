"""A replay killed with SIGKILL midway, then run again, ends with exactly one clean run's rows."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from bench.archive_factory import build_archive
from tests.conftest import PROJECT_ROOT

PAGES = 120


def rows(db: Path) -> dict[str, object]:
    con = sqlite3.connect(db)
    try:
        return {
            "integrity": con.execute("PRAGMA integrity_check").fetchone()[0],
            "pages": sorted(con.execute("SELECT url, content_hash FROM pages").fetchall()),
            "articles": sorted(
                con.execute(
                    "SELECT a.url, a.position, a.current_version, v.content_hash FROM articles a "
                    "JOIN article_versions v ON v.article_id = a.id AND v.version = a.current_version"
                ).fetchall()
            ),
            "versions": con.execute("SELECT count(*) FROM article_versions").fetchone()[0],
            "search_docs": con.execute("SELECT count(*) FROM search_docs").fetchone()[0],
        }
    finally:
        con.close()


def stored_pages(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        con = sqlite3.connect(db, timeout=5)
        try:
            return con.execute("SELECT count(*) FROM pages").fetchone()[0]
        finally:
            con.close()
    except sqlite3.OperationalError:  # schema not there yet
        return 0


def crawl(root: Path, db: Path) -> subprocess.Popen:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{db}"}
    return subprocess.Popen(
        [sys.executable, "-m", "scrapy.cmdline", "crawl", "archive", "-a", f"path={root}",
         "-s", "PERSIST_BATCH_PAGES=7", "-s", "LOG_LEVEL=WARNING"],
        cwd=PROJECT_ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip


def test_sigkill_then_rerun_matches_a_clean_run(tmp_path: Path) -> None:
    root = tmp_path / "archive"
    build_archive(root, PAGES)
    clean, killed = tmp_path / "clean.sqlite", tmp_path / "killed.sqlite"
    assert crawl(root, clean).wait(timeout=300) == 0
    expected = rows(clean)
    assert len(expected["pages"]) == PAGES

    proc = crawl(root, killed)
    deadline = time.monotonic() + 120
    while stored_pages(killed) < PAGES // 4 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert proc.poll() is None, "the replay finished before it could be killed; make the archive larger"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    partial = rows(killed)
    assert partial["integrity"] == "ok"
    assert 0 < len(partial["pages"]) < PAGES

    assert crawl(root, killed).wait(timeout=300) == 0
    assert rows(killed) == expected
