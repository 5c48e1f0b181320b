"""Scale-out benchmark: ``python bench/scale.py [--days 30] [--delay 0.5] [--workers 1,2]``.

Serves a local copy of the e-paper (``--days`` issues of the local site's articles, 2 editions x 4
articles each) whose every answer waits ``--delay`` seconds, like a distant server, so the crawl is
bound by waiting, not by CPU. For each worker count it seeds one Redis queue with ``scrapy enqueue``
and lets that many ``scrapy crawl epaper`` workers (already started and waiting for work) crawl it into
one fresh PostgreSQL database; then checks that every article was stored exactly once. Prints the wall
time of each run — from the queue being seeded to the last worker's exit, and from the workers' start —
and the speed-up over one worker (target: 2 workers >= 1.7x).

PostgreSQL and redis-server are started privately (as the tests do) unless ``--postgres-url`` (a
server URL; databases ``bench_scale_N`` are created on it) and ``--redis-url`` are given.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FIRST_DAY = "2020-01-01"
EDITIONS, PER_EDITION = 2, 4
# Worker settings: no politeness delay against our own server; the project's per-host concurrency.
WORKER_SETTINGS = ("DOWNLOAD_DELAY=0", "AUTOTHROTTLE_ENABLED=False", "LOG_LEVEL=WARNING", "DISTRIBUTED_SEED=False",
                   "DISTRIBUTED_IDLE_SECONDS=300", "DISTRIBUTED_POLL_SECONDS=0.2")  # fmt: skip
ADDON = 'ADDONS={"crawler.distributed.DistributedCrawl": 0}'
RUN_TIMEOUT = 900
READY_TIMEOUT = 120


def scrapy_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "scrapy.cmdline", *args]


def settings_args(site_url: str) -> list[str]:
    args: list[str] = []
    for setting in (*WORKER_SETTINGS, ADDON, f"EPAPER_ROOT={site_url}/rb/"):
        args += ["-s", setting]
    return args


class Servers:
    """PostgreSQL and Redis: given URLs, or private throwaway servers."""

    def __init__(self, postgres_url: str | None, redis_url: str | None) -> None:
        self.roots: list[Path] = []
        self.pg: Any = None
        self.redis: Any = None
        self.postgres_url, self.redis_url = postgres_url, redis_url

    def __enter__(self) -> Servers:
        from tests import servers

        if self.postgres_url is None:
            root = Path(tempfile.mkdtemp(prefix="jz-bench-pg-", dir="/tmp"))
            self.roots.append(root)
            self.pg = servers.PostgresServer(servers.find_pg_bindir(), root, servers._pg_account())
            self.pg.init_cluster()
            self.pg.start()
        if self.redis_url is None:
            root = Path(tempfile.mkdtemp(prefix="jz-bench-redis-", dir="/tmp"))
            self.roots.append(root)
            self.redis = servers.RedisServer(servers.find_redis_server(), root)
            self.redis.start()
            self.redis_url = self.redis.url()
        return self

    def __exit__(self, *exc: object) -> None:
        for server in (self.pg, self.redis):
            if server is not None:
                server.stop()
        for root in self.roots:
            shutil.rmtree(root, ignore_errors=True)

    def fresh_database(self, name: str) -> str:
        if self.pg is not None:
            self.pg.drop_database(name)
            return self.pg.create_database(name)
        import psycopg
        from sqlalchemy.engine import make_url

        url = make_url(self.postgres_url)
        admin = url.set(drivername="postgresql", database="postgres").render_as_string(hide_password=False)
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{name}"')
        return url.set(database=name).render_as_string(hide_password=False)


def wait_for_workers(redis_url: str, count: int, procs: list[subprocess.Popen]) -> None:
    import redis
    from scrapy.utils.project import get_project_settings

    from crawler.distributed import keys_for

    keys = keys_for(get_project_settings(), "epaper")
    server = redis.Redis.from_url(redis_url)
    deadline = time.monotonic() + READY_TIMEOUT
    while server.zcard(keys.workers) < count:
        if any(p.poll() is not None for p in procs) or time.monotonic() > deadline:
            sys.exit(
                "a worker did not come up:\n" + "".join(p.stderr.read()[-2000:] for p in procs if p.poll())
            )
        time.sleep(0.1)


def run(workers: int, db: str, redis_url: str, site_url: str, days: int, expected: int) -> dict[str, Any]:
    import redis

    redis.Redis.from_url(redis_url).flushall()
    env = {**os.environ, "DATABASE_URL": db, "REDIS_URL": redis_url}
    args = settings_args(site_url)
    subprocess.run(
        [sys.executable, "-m", "alembic", "upgrade", "head"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    cpu_before = children_cpu()
    started = time.perf_counter()
    procs = [subprocess.Popen(scrapy_cmd("crawl", "epaper", *args), cwd=ROOT, env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(workers)]  # fmt: skip
    wait_for_workers(redis_url, workers, procs)
    seed = subprocess.run(scrapy_cmd("enqueue", "epaper", "-a", f"start={FIRST_DAY}", "-a", f"end={last_day(days)}",
                                     *args), cwd=ROOT, env=env, capture_output=True, text=True)  # fmt: skip
    if seed.returncode != 0:
        sys.exit(seed.stderr[-2000:])
    seeded = time.perf_counter()
    outputs = [p.communicate(timeout=RUN_TIMEOUT) for p in procs]
    done = time.perf_counter()
    cpu = children_cpu() - cpu_before
    for proc, (_, err) in zip(procs, outputs, strict=True):
        if proc.returncode != 0:
            sys.exit(f"a worker failed:\n{err[-2000:]}")
    articles, versions = stored(db)
    if articles != expected or versions != expected:
        sys.exit(f"{workers} workers stored {articles} articles / {versions} versions, expected {expected}")
    pages = [
        int(out.split(" pages read")[0].rsplit(" ", 1)[-1]) for out, _ in outputs if " pages read" in out
    ]
    return {"workers": workers, "job_s": done - seeded, "total_s": done - started, "articles": articles,
            "pages_per_worker": pages, "cpu_s": cpu}  # fmt: skip


def children_cpu() -> float:
    """CPU seconds (user + system) of the child processes waited for so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def stored(db: str) -> tuple[int, int]:
    from sqlalchemy import func, select
    from sqlalchemy.orm import Session

    from crawler.db import make_engine
    from crawler.models import Article, ArticleVersion

    engine = make_engine(db)
    try:
        with Session(engine) as session:
            return (session.scalar(select(func.count()).select_from(Article)) or 0,
                    session.scalar(select(func.count()).select_from(ArticleVersion)) or 0)  # fmt: skip
    finally:
        engine.dispose()


def last_day(days: int) -> str:
    from datetime import date, timedelta

    return (date.fromisoformat(FIRST_DAY) + timedelta(days=days - 1)).isoformat()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=30, help="issues on the local site (default 30)")
    parser.add_argument("--delay", type=float, default=0.5, help="seconds every answer waits (default 0.5)")
    parser.add_argument(
        "--workers", default="1,2", help="worker counts to run, comma-separated (default 1,2)"
    )
    parser.add_argument("--postgres-url", help="a PostgreSQL server to use (default: a private one)")
    parser.add_argument("--redis-url", help="a Redis server to use (default: a private one)")
    parser.add_argument("--json", action="store_true", help="print the results as one JSON line too")
    opts = parser.parse_args()
    from tests.test_incremental_sites import big_site

    site, articles = big_site(FIRST_DAY, opts.days, EDITIONS, PER_EDITION)
    site.delay_seconds = site.default_delay = opts.delay
    site.start()
    counts = [int(n) for n in opts.workers.split(",")]
    results = []
    try:
        with Servers(opts.postgres_url, opts.redis_url) as servers:
            for n in counts:
                db = servers.fresh_database(f"bench_scale_{n}")
                results.append(run(n, db, servers.redis_url, site.base_url, opts.days, len(articles)))
    finally:
        site.stop()
    requests = opts.days * (EDITIONS + EDITIONS * PER_EDITION)
    print(f"site: {opts.days} issues, {requests} pages, {len(articles)} articles, {opts.delay:.2f} s per answer; "
          f"per-host concurrency per worker: 2")  # fmt: skip
    base = results[0]
    for r in results:
        print(f"{r['workers']} worker(s): {r['job_s']:6.1f} s from seeding ({r['total_s']:6.1f} s with start-up), "
              f"{r['articles']} articles stored once, article pages per worker {r['pages_per_worker']}, "
              f"CPU {r['cpu_s']:.1f} s; "
              f"speed-up {base['job_s'] / r['job_s']:.2f}x ({base['total_s'] / r['total_s']:.2f}x with start-up)")  # fmt: skip
    if opts.json:
        print(json.dumps(results))


if __name__ == "__main__":
    main()
