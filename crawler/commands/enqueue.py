"""``scrapy enqueue SPIDER [-a NAME=VALUE …]``: seed the shared Redis queue with a spider's start requests.

Needs ``REDIS_URL`` (environment or ``-s REDIS_URL=…``). Builds the spider as ``scrapy crawl`` would
(same arguments, e.g. ``-a start=2024-05-01 -a end=2024-05-03``), records its start requests in the
database frontier (so none is lost with a worker that dies) and pushes them into the spider's queue,
then exits without crawling: the workers (``scrapy crawl SPIDER -s REDIS_URL=…``) do that. When no
crawl of the spider is under way (empty queue, no request in a worker's hands) the seen-set of the
last one is emptied first, so the same pages can be crawled again.
"""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import AsyncIterator
from datetime import datetime, timezone
from typing import Any

from scrapy import Request
from scrapy.commands import ScrapyCommand
from scrapy.crawler import Crawler
from scrapy.exceptions import UsageError
from scrapy.spiderloader import get_spider_loader
from scrapy.utils.conf import arglist_to_dict

# ``crawler.distributed`` (Redis support) is imported inside the command's methods: ``scrapy`` imports
# every command module at start-up, and every other command would pay for it.


async def collect(start: AsyncIterator[Any]) -> list[Request]:
    return [r async for r in start if isinstance(r, Request)]


class Command(ScrapyCommand):
    requires_project = True
    requires_crawler_process = False

    def syntax(self) -> str:
        return "SPIDER [-a NAME=VALUE ...]"

    def short_desc(self) -> str:
        return "Push a spider's start requests into the shared Redis queue for the workers (no crawling)"

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        parser.add_argument("-a", dest="spargs", action="append", default=[], metavar="NAME=VALUE",
                            help="spider argument, as for scrapy crawl (repeatable)")  # fmt: skip

    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        super().process_options(args, opts)
        try:
            opts.spargs = arglist_to_dict(opts.spargs)
        except ValueError as exc:
            raise UsageError("invalid -a value, use -a NAME=VALUE", print_help=False) from exc

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        assert self.settings is not None
        if len(args) != 1:
            raise UsageError("give one spider, e.g. scrapy enqueue epaper -a start=2024-05-01")
        from crawler import distributed as dist

        settings = self.settings.copy()
        if not dist.redis_url(settings):
            raise UsageError(
                "set REDIS_URL (environment or -s REDIS_URL=redis://host:6379/0)", print_help=False
            )
        dist.DistributedCrawl().update_settings(settings)
        try:
            spidercls = get_spider_loader(settings).load(args[0])
        except KeyError as exc:
            raise UsageError(f"no spider named {args[0]!r}", print_help=False) from exc
        crawler = Crawler(spidercls, settings)
        try:
            spider = spidercls.from_crawler(crawler, **opts.spargs)
        except (TypeError, ValueError) as exc:
            raise UsageError(f"{args[0]}: {exc}", print_help=False) from exc
        requests = asyncio.run(collect(spider.start()))
        pushed, seen = self.push(crawler, spider, requests)
        keys = dist.keys_for(settings, spider.name)
        server = dist.redis_client(settings)
        print(
            f"{spider.name}: {pushed} requests queued, {seen} already queued or seen; "
            f"{dist.queue_size(server, keys.queue)} waiting in {keys.queue} on "
            f"{dist.redact_redis(settings['REDIS_URL'])}; {dist.waiting_workers(server, keys)} workers up"
        )

    def push(self, crawler: Crawler, spider: Any, requests: list[Request]) -> tuple[int, int]:
        """Record ``requests`` in the frontier, start a new crawl when none is under way, push them."""
        from crawler import distributed as dist
        from crawler import lease

        settings = crawler.settings
        keys = dist.keys_for(settings, spider.name)
        server = dist.redis_client(settings)
        engine = frontier_engine(settings)
        try:
            busy = dist.queue_size(server, keys.queue) > 0
            now = datetime.now(timezone.utc)
            if engine is not None:
                now = lease.ServerClock(engine).now()
                busy = busy or lease.live_leases(engine, spider.name, now) > 0
                from crawler.frontier import request_row

                rows = [row for row in (request_row(r, spider) for r in requests) if row is not None]
                lease.add_pending(engine, rows, spider.name, now)
            if not busy:  # a new crawl: what the last one saw may be asked again
                dist.clear_seen_if_idle(server, keys)
            dist.job_started(server, keys, now, new=not busy)
        finally:
            if engine is not None:
                engine.dispose()
        scheduler = dist.SharedScheduler.from_settings(settings)
        scheduler.open(spider)
        pushed = sum(1 for r in requests if scheduler.enqueue_request(r))
        return pushed, len(requests) - pushed


def frontier_engine(settings: Any) -> Any:
    """The database engine when crawls of this project keep a frontier there, else None."""
    from crawler.db import database_url, make_engine, upgrade_to_head
    from crawler.frontier import stores_into_database

    if not settings.getbool("FRONTIER_ENABLED", True) or not stores_into_database(settings):
        return None
    engine = make_engine(database_url(settings))
    upgrade_to_head(engine)
    return engine
