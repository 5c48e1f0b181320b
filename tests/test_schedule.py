"""``scrapy schedule``: intervals, the lock, one crawl at a time, SIGTERM, one summary line per run."""

from __future__ import annotations

import itertools
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from crawler.db import make_engine
from crawler.models import CrawlRun
from crawler.schedule import FileLock, LockHeld, lock_path, parse_every, summary_from
from tests.conftest import PROJECT_ROOT
from tests.sites.server import LocalSite
from tests.test_incremental_sites import FAST, component_args, growing_site

SUMMARY_MARK = " run "  # every summary line reads "<time> run N: <crawl summary> [exit …]"


# --- pieces ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "seconds"), [("6h", 21600), ("90m", 5400), ("1h30m", 5400), ("45s", 45),
                                               ("1d", 86400), ("1s", 1), ("2.5", 2.5)])  # fmt: skip
def test_parse_every(text: str, seconds: float) -> None:
    assert parse_every(text) == seconds


@pytest.mark.parametrize("text", ["", "6x", "h", "0s", "-1h", "six hours"])
def test_parse_every_refuses(text: str) -> None:
    with pytest.raises(ValueError):
        parse_every(text)


def test_lock_names_its_holder_and_is_freed_on_release(tmp_path: Path) -> None:
    path = tmp_path / "locks" / "schedule.lock"
    first = FileLock(path, "a scheduler").acquire()
    with pytest.raises(LockHeld, match=rf"a scheduler is already running \(pid {os.getpid()} since "):
        FileLock(path, "a scheduler").acquire()
    first.release()
    with FileLock(path, "a scheduler"):
        assert f"pid {os.getpid()}" in path.read_text()


def test_lock_of_a_killed_holder_is_free(tmp_path: Path) -> None:
    path = tmp_path / "held.lock"
    code = ("import sys, time; from pathlib import Path; from crawler.schedule import FileLock; "
            f"lock = FileLock(Path({str(path)!r}), 'x').acquire(); print('held', flush=True); time.sleep(60)")  # fmt: skip
    holder = subprocess.Popen(
        [sys.executable, "-c", code], cwd=PROJECT_ROOT, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(LockHeld, match=f"pid {holder.pid}"):
            FileLock(path, "x").acquire()
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=10)
        FileLock(path, "x").acquire().release()
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()


def test_lock_path_is_per_database(tmp_path: Path) -> None:
    sqlite = lock_path(f"sqlite:///{tmp_path / 'a' / 'news.sqlite'}", "schedule")
    assert sqlite.parent == tmp_path / "a" and sqlite.name.startswith("schedule-")
    other = lock_path(f"sqlite:///{tmp_path / 'a' / 'other.sqlite'}", "schedule")
    assert other != sqlite
    pg = lock_path("postgresql+psycopg://u:secret@127.0.0.1:5432/news", "schedule", tmp_path)
    assert pg.parent == tmp_path and "secret" not in pg.name


def test_summary_from_takes_the_crawls_last_summary_line() -> None:
    out = "noise\nportal: 3 pages read, articles 3 new / 0 updated / 0 unchanged, errors: none, 1.0s " \
          "(finish reason: finished)\n"  # fmt: skip
    assert summary_from(out) == out.splitlines()[1].strip()
    assert summary_from("nothing here\n") is None


# --- the command ----------------------------------------------------------------------------------


class Scheduled:
    """A ``scrapy schedule`` process with its standard output collected line by line."""

    def __init__(self, args: list[str], db: str) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "scrapy.cmdline", "schedule", *args], cwd=PROJECT_ROOT,
            env={**os.environ, "DATABASE_URL": db}, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        self.lines: list[str] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.append(line.rstrip("\n"))

    def summaries(self) -> list[str]:
        return [line for line in self.lines if SUMMARY_MARK in line and "[exit" in line]

    def wait_for(self, condition: Callable[[], bool], timeout: float = 90) -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            assert self.proc.poll() is None, f"scheduler exited early: {self.proc.stderr.read()[-2000:]}"
            assert time.monotonic() < deadline, f"timed out; output so far: {self.lines}"
            time.sleep(0.1)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=30)


@pytest.fixture
def portal_site() -> Iterator[LocalSite]:
    local = growing_site().start()
    yield local
    local.stop()


def portal_args(site: LocalSite, tmp_path: Path, *extra: str) -> list[str]:
    return ["--spider", "portal", "-a", "classes=3", "--logdir", str(tmp_path / "logs"),
            "-s", f"PORTAL_ROOT={site.base_url}/", *FAST, *component_args(), *extra]  # fmt: skip


def runs(db: str) -> list[CrawlRun]:
    engine = make_engine(db)
    try:
        with Session(engine) as session:
            rows = list(session.scalars(select(CrawlRun).order_by(CrawlRun.started_at)))
            session.expunge_all()
            return rows
    finally:
        engine.dispose()


def test_schedule_runs_one_crawl_at_a_time_and_locks_out_a_second(portal_site: LocalSite, tmp_path: Path,
                                                                  sqlite_url: str) -> None:  # fmt: skip
    first = Scheduled(["--every", "1s", *portal_args(portal_site, tmp_path)], sqlite_url)
    try:
        first.wait_for(lambda: len(first.summaries()) >= 1)
        second = subprocess.run(
            [sys.executable, "-m", "scrapy.cmdline", "schedule", "--every", "1s", *portal_args(portal_site, tmp_path)],
            cwd=PROJECT_ROOT, env={**os.environ, "DATABASE_URL": sqlite_url}, capture_output=True, text=True,
            timeout=60,
        )  # fmt: skip
        assert second.returncode == 75
        assert f"a scheduler for sqlite:///{tmp_path / 'news.sqlite'} is already running (pid {first.proc.pid}" \
            in second.stderr  # fmt: skip
        first.wait_for(lambda: len(first.summaries()) >= 2)
        first.proc.send_signal(signal.SIGTERM)
        assert first.proc.wait(timeout=60) == 0
    finally:
        first.stop()
    first.reader.join(timeout=10)
    lines = first.summaries()
    assert len(lines) >= 2 and all("portal: " in line and "[exit 0" in line for line in lines[:2]), lines
    assert "articles 3 new" in lines[0] and "articles 0 new" in lines[1]
    assert "stopped by signal" in lines[-1]  # the round under way when SIGTERM came
    done = [r for r in runs(sqlite_url) if r.finished_at is not None]
    assert len(done) >= 2
    for earlier, later in itertools.pairwise(done):
        assert earlier.finished_at <= later.started_at, "two crawls overlapped"


def test_sigterm_lets_the_running_crawl_finish(
    portal_site: LocalSite, tmp_path: Path, sqlite_url: str
) -> None:
    slow = ("-s", "DOWNLOAD_DELAY=0.7", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1")
    sched = Scheduled(["--every", "1h", *portal_args(portal_site, tmp_path, *slow)], sqlite_url)
    try:
        sched.wait_for(lambda: len(portal_site.requests) >= 3)  # the crawl is under way
        sched.proc.send_signal(signal.SIGTERM)
        assert sched.proc.wait(timeout=60) == 0
    finally:
        sched.stop()
    sched.reader.join(timeout=10)
    (line,) = sched.summaries()
    assert "stopped by signal" in line and "(finish reason: shutdown)" in line
    (run,) = runs(sqlite_url)
    assert run.finish_reason == "shutdown" and run.finished_at is not None


def test_a_crawl_refuses_to_overlap_another_of_the_same_spider(portal_site: LocalSite, tmp_path: Path,
                                                               sqlite_url: str) -> None:  # fmt: skip
    path = lock_path(sqlite_url, "crawl-portal")
    with FileLock(path, "a portal crawl on this database"):
        proc = subprocess.run(
            [sys.executable, "-m", "scrapy.cmdline", "crawl", "portal", "-a", "classes=3",
             "-s", f"PORTAL_ROOT={portal_site.base_url}/", *FAST, *component_args()],
            cwd=PROJECT_ROOT, env={**os.environ, "DATABASE_URL": sqlite_url}, capture_output=True, text=True,
            timeout=120,
        )  # fmt: skip
    assert "a portal crawl on this database is already running" in proc.stderr
    assert "(finish reason: locked)" in proc.stdout
    assert portal_site.requests == []
    (run,) = runs(sqlite_url)
    assert run.finish_reason == "locked"


def test_sigterm_while_waiting_exits_at_once(portal_site: LocalSite, tmp_path: Path, sqlite_url: str) -> None:
    sched = Scheduled(["--every", "1h", *portal_args(portal_site, tmp_path)], sqlite_url)
    try:
        sched.wait_for(lambda: len(sched.summaries()) >= 1)
        time.sleep(0.5)  # the scheduler is waiting for the next round
        started = time.monotonic()
        sched.proc.send_signal(signal.SIGTERM)
        assert sched.proc.wait(timeout=30) == 0
        assert time.monotonic() - started < 5
    finally:
        sched.stop()
    assert len(runs(sqlite_url)) == 1
