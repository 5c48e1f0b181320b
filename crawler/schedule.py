"""Incremental crawls one after another, every so often (the loop behind ``scrapy schedule``).

Each crawl runs as ``python -m scrapy.cmdline crawl SPIDER`` in a subprocess of its own session, so
a crashed crawl cannot take the scheduler down and every crawl gets a fresh reactor. A lock file
(``fcntl.flock``, released by the kernel even after ``kill -9``) keeps a second scheduler on the same
database out; crawls take a lock of their own (``crawler.extensions.runlog``), so a crawl started by
hand meanwhile does not overlap either.

SIGTERM or SIGINT: the running crawl gets one SIGTERM (Scrapy finishes its in-flight pages and closes),
then the scheduler exits without starting another; a second signal is passed on too (Scrapy then stops
at once). One summary line is printed per crawl.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import IO, Any

from sqlalchemy.engine import make_url

from crawler.settings import PROJECT_ROOT

# "6h", "90m", "1h30m", "45s", "1d"; a bare number is seconds.
INTERVAL_PART = re.compile(r"(\d+(?:\.\d+)?)([smhd])")
UNIT_SECONDS = {"s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0}
# Where lock files go when LOCK_DIR is not set and the database is not a SQLite file.
DEFAULT_LOCK_DIR = PROJECT_ROOT / "data" / "locks"
# Where crawl logs go when SCHEDULE_LOG_DIR / --logdir is not set.
DEFAULT_LOG_DIR = PROJECT_ROOT / "data" / "logs"
DEFAULT_KEEP_LOGS = 200  # SCHEDULE_KEEP_LOGS: newest crawl logs kept in the log folder
# Exit status of a scheduler that finds another one running (EX_TEMPFAIL: try again later).
EXIT_LOCKED = 75
# How often the loop looks at the running crawl and at signals (seconds).
POLL_SECONDS = 0.2
# The crawl's own summary line ends like this (crawler.extensions.summary).
SUMMARY_END = re.compile(r"\(finish reason: [\w-]+\)\s*$")


def parse_every(text: str) -> float:
    """Seconds in an interval like ``6h``, ``1h30m``, ``45s`` or ``120``."""
    value = text.strip().lower()
    if re.fullmatch(r"\d+(?:\.\d+)?", value):
        seconds = float(value)
    elif re.fullmatch(rf"(?:{INTERVAL_PART.pattern})+", value):
        seconds = sum(float(n) * UNIT_SECONDS[u] for n, u in INTERVAL_PART.findall(value))
    else:
        raise ValueError(f"not an interval: {text!r} (write e.g. 6h, 90m, 1h30m, 45s)")
    if seconds <= 0:
        raise ValueError(f"the interval must be positive, not {text!r}")
    return seconds


def utc_stamp() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


# --- locks ----------------------------------------------------------------------------------------


class LockHeld(RuntimeError):
    """Another process holds the lock; the message says who and where."""


def lock_path(db_url: str, name: str, lock_dir: str | os.PathLike[str] | None = None) -> Path:
    """The lock file for ``name`` on the database at ``db_url`` (one per database).

    Beside a SQLite file when no folder is given; else in ``data/locks`` of the project.
    """
    digest = hashlib.sha1(db_url.encode("utf-8")).hexdigest()[:12]
    if lock_dir:
        folder = Path(lock_dir)
    else:
        try:
            parsed = make_url(db_url)
            sqlite_file = parsed.get_backend_name() == "sqlite" and parsed.database not in (
                None,
                "",
                ":memory:",
            )
        except Exception:  # an odd URL: fall back to the project folder
            sqlite_file = False
        folder = Path(str(parsed.database)).expanduser().parent if sqlite_file else DEFAULT_LOCK_DIR
    return folder / f"{name}-{digest}.lock"


class FileLock:
    """An exclusive, non-blocking ``flock`` on ``path``; the holder's pid and start time are written in it."""

    def __init__(self, path: Path, what: str) -> None:
        self.path = path
        self.what = what
        self.handle: IO[str] | None = None

    def acquire(self) -> FileLock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 (held until release)
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            handle.close()
            raise LockHeld(f"{self.what} is already running ({holder}); lock file {self.path}") from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()} since {utc_stamp()}\n")
        handle.flush()
        self.handle = handle
        return self

    def release(self) -> None:
        if self.handle is not None:
            with contextlib.suppress(OSError):
                fcntl.flock(self.handle.fileno(), fcntl.LOCK_UN)
            self.handle.close()
            self.handle = None

    def __enter__(self) -> FileLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()


# --- one crawl ------------------------------------------------------------------------------------


def crawl_command(spider: str, spider_args: Sequence[str] = (), settings: Sequence[str] = ()) -> list[str]:
    """The command line of one crawl: ``-a``/``-s`` pairs passed on as given."""
    cmd = [sys.executable, "-m", "scrapy.cmdline", "crawl", spider]
    for arg in spider_args:
        cmd += ["-a", arg]
    for setting in settings:
        cmd += ["-s", setting]
    return cmd


def summary_from(output: str) -> str | None:
    """The crawl's summary line from its standard output."""
    lines = [line.strip() for line in output.splitlines() if SUMMARY_END.search(line)]
    return lines[-1] if lines else None


@dataclass
class RunResult:
    spider: str
    returncode: int
    summary: str | None
    seconds: float
    log: Path | None = None
    stopped: bool = False  # a stop signal reached the crawl


def prune_logs(folder: Path, keep: int) -> None:
    logs = sorted(folder.glob("*.log"), key=lambda p: p.stat().st_mtime)
    for old in logs[: max(0, len(logs) - keep)]:
        with contextlib.suppress(OSError):
            old.unlink()


@dataclass
class Scheduler:
    """Runs ``spiders`` in turn, every ``every`` seconds (from one round's start to the next)."""

    spiders: list[str]
    every: float
    once: bool = False
    spider_args: list[str] = field(default_factory=list)
    settings: list[str] = field(default_factory=list)
    log_dir: Path = DEFAULT_LOG_DIR
    keep_logs: int = DEFAULT_KEEP_LOGS
    cwd: Path = PROJECT_ROOT
    out: Callable[[str], None] = print
    stop: threading.Event = field(default_factory=threading.Event)
    signals_seen: int = 0
    runs: int = 0

    def on_signal(self, signum: int, _frame: Any = None) -> None:
        self.signals_seen += 1
        self.stop.set()

    def install_signal_handlers(self) -> None:
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, self.on_signal)

    def run(self) -> int:
        """The loop; returns the exit status (0, or the last failed crawl's when ``once``)."""
        status = 0
        while not self.stop.is_set():
            round_started = time.monotonic()
            for spider in self.spiders:
                if self.stop.is_set():
                    break
                result = self.run_crawl(spider)
                self.out(self.summary_line(result))
                if result.returncode != 0:
                    status = result.returncode
            if self.once:
                break
            self.stop.wait(max(0.0, round_started + self.every - time.monotonic()))
        return status if self.once else 0

    def summary_line(self, result: RunResult) -> str:
        what = result.summary or f"{result.spider}: no summary (see the log)"
        tail = f"exit {result.returncode}" + (", stopped by signal" if result.stopped else "")
        log = f", log {result.log}" if result.log else ""
        return f"{utc_stamp()} run {self.runs}: {what} [{tail}{log}]"

    def run_crawl(self, spider: str) -> RunResult:
        self.runs += 1
        self.log_dir.mkdir(parents=True, exist_ok=True)
        log = (
            self.log_dir
            / f"{spider}-{datetime.now(timezone.utc):%Y%m%dT%H%M%S}-{os.getpid()}-{self.runs}.log"
        )
        started = time.monotonic()
        forwarded = 0
        with open(log, "ab") as err, tempfile.TemporaryFile() as out:
            proc = subprocess.Popen(
                crawl_command(spider, self.spider_args, self.settings), cwd=self.cwd, stdin=subprocess.DEVNULL,
                stdout=out, stderr=err, start_new_session=True,
            )  # fmt: skip
            while proc.poll() is None:
                if self.signals_seen > forwarded:
                    forwarded += 1
                    with contextlib.suppress(ProcessLookupError):
                        proc.send_signal(signal.SIGTERM)
                time.sleep(POLL_SECONDS)
            out.seek(0)
            summary = summary_from(out.read().decode("utf-8", "replace"))
        prune_logs(self.log_dir, self.keep_logs)
        return RunResult(spider, proc.returncode, summary, time.monotonic() - started, log, forwarded > 0)
