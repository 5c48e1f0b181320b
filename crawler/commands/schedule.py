"""``scrapy schedule --every 6h [--spider epaper --spider portal] [--once]``: incremental crawls in a loop.

Runs each spider's incremental crawl in turn (a subprocess each), then waits until ``--every`` has
passed since the round began. One line per crawl on standard output; each crawl's log goes to a file in
``--logdir``. A second scheduler on the same database exits at once (status 75) saying who holds the
lock. SIGTERM / Ctrl-C: the running crawl finishes its in-flight pages, then the scheduler exits.
``-a NAME=VALUE`` and ``-s NAME=VALUE`` are passed on to every crawl.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError

from crawler.db import database_url, redact
from crawler.schedule import (
    DEFAULT_KEEP_LOGS,
    DEFAULT_LOG_DIR,
    EXIT_LOCKED,
    FileLock,
    LockHeld,
    Scheduler,
    lock_path,
    parse_every,
)

# Spiders crawled when no --spider is given (setting SCHEDULE_SPIDERS, comma-separated).
DEFAULT_SPIDERS = "epaper,portal"


class Command(ScrapyCommand):
    requires_project = True
    requires_crawler_process = False

    def syntax(self) -> str:
        return "--every INTERVAL [--spider NAME ...] [--once] [--logdir DIR]"

    def short_desc(self) -> str:
        return "Run the incremental crawls one after another, every INTERVAL (6h, 90m, 1h30m, 45s)"

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        parser.add_argument("--every", help="time from one round's start to the next: 6h, 90m, 1h30m, 45s")
        parser.add_argument("--spider", action="append", default=[], metavar="NAME",
                            help="spider to run (repeatable; default: SCHEDULE_SPIDERS)")  # fmt: skip
        parser.add_argument("--once", action="store_true", help="one round, then exit with its status")
        parser.add_argument("--logdir", help="folder for the crawls' logs (default: SCHEDULE_LOG_DIR)")
        parser.add_argument("-a", dest="spargs", action="append", default=[], metavar="NAME=VALUE",
                            help="spider argument passed on to every crawl (repeatable)")  # fmt: skip

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if args:
            raise UsageError(f"unexpected arguments: {' '.join(args)}")
        if not opts.every and not opts.once:
            raise UsageError("give --every INTERVAL (or --once)")
        try:
            every = parse_every(opts.every) if opts.every else 0.0
        except ValueError as exc:
            raise UsageError(str(exc)) from exc
        assert self.settings is not None
        s = self.settings
        spiders = opts.spider or [
            n.strip() for n in (s.get("SCHEDULE_SPIDERS") or DEFAULT_SPIDERS).split(",") if n
        ]
        url = database_url(s)
        lock = FileLock(lock_path(url, "schedule", s.get("LOCK_DIR")), f"a scheduler for {redact(url)}")
        try:
            lock.acquire()
        except LockHeld as exc:
            print(f"schedule: {exc}; exiting", file=sys.stderr, flush=True)
            self.exitcode = EXIT_LOCKED
            return
        scheduler = Scheduler(
            spiders=spiders, every=every, once=opts.once, spider_args=list(opts.spargs),
            settings=list(getattr(opts, "set", None) or []),
            log_dir=Path(opts.logdir or s.get("SCHEDULE_LOG_DIR") or DEFAULT_LOG_DIR),
            keep_logs=s.getint("SCHEDULE_KEEP_LOGS", DEFAULT_KEEP_LOGS),
            out=lambda line: print(line, flush=True),
        )  # fmt: skip
        scheduler.install_signal_handlers()
        what = "once" if opts.once else f"every {opts.every}"
        print(f"schedule: {', '.join(spiders)} {what} on {redact(url)}; logs in {scheduler.log_dir}",
              file=sys.stderr, flush=True)  # fmt: skip
        try:
            self.exitcode = scheduler.run()
        finally:
            lock.release()
