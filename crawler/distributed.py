"""Distributed crawls: several ``scrapy crawl`` processes share one Redis queue and one seen-set.

Enabled by the add-on :class:`DistributedCrawl` (in ``ADDONS``) as soon as ``REDIS_URL`` is set (the
environment variable of that name wins over the setting, as for ``DATABASE_URL``). It then switches
the crawl to scrapy-redis's scheduler and duplicate filter: requests go to the sorted set
``{prefix}:{spider}:requests``, fingerprints to the set ``{prefix}:{spider}:seen`` (prefix: setting
``DISTRIBUTED_KEY_PREFIX``, default ``BOT_NAME``), and both outlive a worker (``SCHEDULER_PERSIST``).
Requests travel as JSON (:class:`JsonRequestCodec`), never as pickles.

Each worker (:class:`WorkerLoop`):

- takes a lease on the frontier row of every request it takes from the queue (:mod:`crawler.lease`)
  and renews it while it works, so the requests of a worker that dies are handed out again once their
  lease runs out, and stored once;
- waits for work when the queue is empty: while another worker holds leases (it may yield more
  requests), or until ``DISTRIBUTED_IDLE_SECONDS`` have passed with nothing to do (0: for ever);
- closes (reason ``finished``) when the job it took part in is over: empty queue and no lease held
  anywhere (``DISTRIBUTED_EXIT_WHEN_DONE``); the last one out empties the seen-set, so the next
  crawl starts afresh.

With ``DISTRIBUTED_SEED`` (default True) a worker also pushes its spider's own start requests
(duplicates are filtered), so N identical ``scrapy crawl`` commands share one crawl; with False it
only takes work from the queue, seeded by ``scrapy enqueue``.
"""

from __future__ import annotations

import base64
import json
import logging
import os
import socket
import time
import weakref
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from scrapy import Request, signals
from scrapy.exceptions import DontCloseSpider, NotConfigured
from scrapy.settings import SETTINGS_PRIORITIES
from scrapy.utils.defer import deferred_from_coro

from crawler import lease

try:  # the `redis` extra; without it the add-on still loads, and refuses REDIS_URL with a clear message
    from scrapy_redis.dupefilter import RFPDupeFilter as RedisDupeFilter
    from scrapy_redis.scheduler import Scheduler as RedisScheduler
except ImportError:  # pragma: no cover - the test environment has it
    RedisDupeFilter = RedisScheduler = object  # type: ignore[assignment,misc]

logger = logging.getLogger(__name__)

# Defaults of the settings read here (the lead's settings.py documents each).
DEFAULT_IDLE_SECONDS = 60.0  # DISTRIBUTED_IDLE_SECONDS: a worker with nothing to do closes after this
DEFAULT_LEASE_SECONDS = 120.0  # DISTRIBUTED_LEASE_SECONDS: a taken request is handed out again after this
DEFAULT_POLL_SECONDS = 0.5  # DISTRIBUTED_POLL_SECONDS: how often an idle worker looks for work
DEFAULT_MAX_ATTEMPTS = 3  # FRONTIER_MAX_ATTEMPTS (crawler.frontier's default)
# An idle worker asks the database whether work is left at most this often (seconds).
IDLE_CHECK_SECONDS = 1.0
# A worker that has not shown itself for this many poll periods is no longer counted as waiting.
WORKER_STALE_POLLS = 10
# Request classes a queued request may name (anything else could load arbitrary code).
ALLOWED_REQUEST_CLASSES = ("scrapy.http.",)
# Requests a worker holds per download slot of its host: one downloading, one ready to start.
HELD_PER_SLOT = 2
# Order of the worker's spider middleware: nearer the spider than the frontier's (600), so it only
# sees the spider's own start requests, not the frontier rows queued again.
WORKER_START_ORDER = 700
WORKER_LOOP_ORDER = 530
# Ends a crawl: deletes the seen-set and the crawl's start time, only while the queue is empty (a new
# crawl may have started meanwhile).
CLEAR_SEEN_IF_IDLE = """
local kind = redis.call('TYPE', KEYS[1])['ok']
local size = 0
if kind == 'zset' then size = redis.call('ZCARD', KEYS[1]) elseif kind == 'list' then size = redis.call('LLEN', KEYS[1]) end
if size == 0 then return redis.call('DEL', KEYS[2], KEYS[3]) end
return -1
"""


def redis_url(settings: Any) -> str | None:
    """The ``REDIS_URL`` environment variable, else the setting; None when neither is set."""
    configured = settings.get("REDIS_URL") if settings is not None else None
    return os.environ.get("REDIS_URL") or configured or None


def redact_redis(url: str) -> str:
    """The Redis URL without its password, for logs."""
    head, sep, tail = url.rpartition("@")
    if not sep:
        return url
    scheme, _, _credentials = head.partition("://")
    return f"{scheme}://***@{tail}"


@dataclass(frozen=True)
class Keys:
    queue: str
    seen: str
    workers: str  # sorted set: worker name -> when it last showed itself
    job: str  # when the crawl under way began (ISO time): what "done earlier" means for the frontier


def keys_for(settings: Any, spider_name: str) -> Keys:
    prefix = settings.get("DISTRIBUTED_KEY_PREFIX") or settings.get("BOT_NAME") or "scrapy"
    queue = settings.get("SCHEDULER_QUEUE_KEY") or f"{prefix}:%(spider)s:requests"
    seen = settings.get("SCHEDULER_DUPEFILTER_KEY") or f"{prefix}:%(spider)s:seen"
    name = {"spider": spider_name}
    return Keys(queue % name, seen % name, f"{prefix}:{spider_name}:workers", f"{prefix}:{spider_name}:job")


# --- requests as JSON ---------------------------------------------------------------------------------

# Tags of the values JSON has no type for.
BYTES_TAG, DATE_TAG, DATETIME_TAG, PAIRS_TAG = "$bytes", "$date", "$datetime", "$pairs"


class Unencodable(TypeError):
    """A value the queue cannot carry."""


def to_json(value: Any) -> Any:
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, bytes):
        return {BYTES_TAG: base64.b64encode(value).decode("ascii")}
    if isinstance(value, datetime):
        return {DATETIME_TAG: value.isoformat()}
    if isinstance(value, date):
        return {DATE_TAG: value.isoformat()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [to_json(v) for v in value]
    if isinstance(value, dict):
        if all(isinstance(k, str) and not k.startswith("$") for k in value):
            return {k: to_json(v) for k, v in value.items()}
        return {PAIRS_TAG: [[to_json(k), to_json(v)] for k, v in value.items()]}
    raise Unencodable(f"cannot queue a {type(value).__name__}")


def from_json(value: Any) -> Any:
    if isinstance(value, list):
        return [from_json(v) for v in value]
    if not isinstance(value, dict):
        return value
    if len(value) == 1:
        ((tag, inner),) = value.items()
        if tag == BYTES_TAG:
            return base64.b64decode(inner)
        if tag == DATE_TAG:
            return date.fromisoformat(inner)
        if tag == DATETIME_TAG:
            return datetime.fromisoformat(inner)
        if tag == PAIRS_TAG:
            return {from_json(k): from_json(v) for k, v in inner}
    return {k: from_json(v) for k, v in value.items()}


class JsonRequestCodec:
    """``loads``/``dumps`` of scrapy-redis's queue: a request's dict as JSON (sorted keys: equal requests,
    equal bytes). Meta values JSON cannot carry are left out, with a log line."""

    def dumps(self, obj: dict[str, Any]) -> bytes:
        obj = dict(obj)
        meta = {}
        for key, value in (obj.get("meta") or {}).items():
            try:
                meta[key] = to_json(value)
            except Unencodable as exc:
                logger.debug("request meta %r left out of the queue: %s", key, exc)
        obj["meta"] = {}
        encoded = to_json(obj)
        encoded["meta"] = meta
        return json.dumps(encoded, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")

    def loads(self, data: bytes | str) -> dict[str, Any]:
        obj = from_json(json.loads(data))
        cls = obj.get("_class")
        if cls is not None and not str(cls).startswith(ALLOWED_REQUEST_CLASSES):
            raise ValueError(f"queued request names class {cls!r}, which is not a Scrapy request class")
        return obj


# --- scheduler and duplicate filter -----------------------------------------------------------------


class SharedDupeFilter(RedisDupeFilter):
    """scrapy-redis's duplicate filter on ``{prefix}:{spider}:seen``; a worker closing keeps the set."""

    @classmethod
    def from_spider(cls, spider: Any) -> SharedDupeFilter:
        settings = spider.settings
        from scrapy_redis.connection import get_redis_from_settings

        return cls(get_redis_from_settings(settings), key=keys_for(settings, spider.name).seen,
                   debug=settings.getbool("DUPEFILTER_DEBUG"))  # fmt: skip

    def close(self, reason: str = "") -> None:
        """Keep the seen-set: other workers share it (the last one out clears it)."""


@dataclass
class WorkerState:
    """What a worker's scheduler and its loop share."""

    leasing: bool = False
    source: str = ""
    engine: Any = None
    clock: lease.ServerClock | None = None
    lease_seconds: float = DEFAULT_LEASE_SECONDS
    held: dict[str, int] = field(default_factory=dict)  # URL -> attempts when leased
    taken: int = 0


_STATES: weakref.WeakKeyDictionary[Any, WorkerState] = weakref.WeakKeyDictionary()


def worker_state(crawler: Any) -> WorkerState:
    state = _STATES.get(crawler)
    if state is None:
        state = _STATES[crawler] = WorkerState()
    return state


class SharedScheduler(RedisScheduler):
    """scrapy-redis's scheduler; every request taken from the queue is leased in the database frontier."""

    crawler: Any = None

    @classmethod
    def from_crawler(cls, crawler: Any) -> SharedScheduler:
        instance = cls.from_settings(crawler.settings)
        instance.serializer = JsonRequestCodec()
        instance.stats = crawler.stats
        instance.crawler = crawler
        return instance

    def open(self, spider: Any) -> None:
        keys = keys_for(spider.settings, spider.name)
        self.queue_key, self.dupefilter_key = keys.queue, keys.seen
        if self.serializer is None:
            self.serializer = JsonRequestCodec()
        super().open(spider)
        if self.crawler is not None:
            start_leasing(self.crawler, spider)

    def next_request(self) -> Request | None:
        if self.crawler is not None and not has_room(self.crawler):
            return None
        request = super().next_request()
        if request is None or self.crawler is None:
            return request
        state = worker_state(self.crawler)
        if state.leasing and not take_lease(state, request, self.spider):
            self.queue.push(request)  # the database is unreachable: leave the request for later
            return None
        state.taken += 1
        return request


def has_room(crawler: Any) -> bool:
    """False when the worker has as many requests in its downloader as it may hold: the rest stay in the
    shared queue for other workers rather than wait here."""
    downloader = getattr(crawler.engine, "downloader", None)
    return downloader is None or len(downloader.active) < max_held(crawler.settings)


def max_held(settings: Any) -> int:
    """``DISTRIBUTED_MAX_HELD``; by default twice the per-host concurrency (the web spiders crawl one host
    each): a download waits ready for every slot that frees, the rest of the queue stays shared."""
    configured = settings.getint("DISTRIBUTED_MAX_HELD", 0)
    if configured > 0:
        return configured
    per_host = (
        settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN") or settings.getint("CONCURRENT_REQUESTS") or 1
    )
    return HELD_PER_SLOT * per_host


def start_leasing(crawler: Any, spider: Any) -> None:
    """Turn on leases for this worker when its crawl keeps a database frontier."""
    from crawler.frontier import crawl_engine, stores_into_database

    s = crawler.settings
    state = worker_state(crawler)
    state.source = spider.name
    state.lease_seconds = s.getfloat("DISTRIBUTED_LEASE_SECONDS", DEFAULT_LEASE_SECONDS)
    state.leasing = s.getbool("FRONTIER_ENABLED", True) and stores_into_database(s)
    if state.leasing:
        state.engine = crawl_engine(crawler)
        state.clock = lease.ServerClock(state.engine)


def take_lease(state: WorkerState, request: Request, spider: Any) -> bool:
    """Lease ``request``'s frontier row; False when the database cannot be written."""
    from crawler.frontier import request_row

    row = request_row(request, spider)
    if row is None:  # a request the frontier cannot rebuild is not tracked there either
        return True
    assert state.clock is not None
    now = state.clock.now()
    try:
        attempts = lease.take(
            state.engine, row, state.source, now, now + timedelta(seconds=state.lease_seconds)
        )
    except Exception as exc:  # any database failure: keep the request queued
        logger.error("cannot lease %s: %s", request.url, exc)
        return False
    if attempts is not None:
        state.held[request.url] = attempts
    return True


# --- Redis bookkeeping --------------------------------------------------------------------------------


def redis_client(settings: Any) -> Any:
    from scrapy_redis.connection import get_redis_from_settings

    return get_redis_from_settings(settings)


def queue_size(server: Any, key: str) -> int:
    kind = server.type(key)
    kind = kind.decode() if isinstance(kind, bytes) else kind
    if kind == "zset":
        return int(server.zcard(key))
    if kind == "list":
        return int(server.llen(key))
    return 0


def clear_seen_if_idle(server: Any, keys: Keys) -> bool:
    """Empty the seen-set, unless the queue holds requests; True when it was emptied."""
    return int(server.eval(CLEAR_SEEN_IF_IDLE, 3, keys.queue, keys.seen, keys.job)) >= 0


def job_started(server: Any, keys: Keys, now: datetime, *, new: bool = False) -> datetime:
    """When the crawl under way began: ``now`` when none is (or ``new``: a crawl begins now)."""
    stamp = now.isoformat()
    if new:
        server.set(keys.job, stamp)
    elif server.set(keys.job, stamp, nx=True) is None:
        stored = server.get(keys.job)
        stamp = stored.decode() if isinstance(stored, bytes) else str(stored)
    try:
        return datetime.fromisoformat(stamp)
    except ValueError:
        return now


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def waiting_workers(server: Any, keys: Keys, poll_seconds: float = DEFAULT_POLL_SECONDS) -> int:
    """Workers of the spider that showed themselves lately."""
    return int(server.zcount(keys.workers, time.time() - WORKER_STALE_POLLS * max(poll_seconds, 0.5), "+inf"))


# --- the add-on ---------------------------------------------------------------------------------------


class DistributedCrawl:
    """Add-on: with ``REDIS_URL`` set, the crawl uses the shared queue (see the module's docstring)."""

    @classmethod
    def from_crawler(cls, crawler: Any) -> DistributedCrawl:
        return cls()

    def update_settings(self, settings: Any) -> None:
        url = redis_url(settings)
        if not url:
            return
        if RedisScheduler is object:
            raise RuntimeError(
                "REDIS_URL is set but scrapy-redis is not installed: pip install 'jzcrawler[redis]'"
            )
        # the project's own choices (settings.py) give way; the command line still wins
        settings.set("REDIS_URL", url, priority="project")
        settings.set("SCHEDULER", f"{__name__}.SharedScheduler", priority="project")
        settings.set("DUPEFILTER_CLASS", f"{__name__}.SharedDupeFilter", priority="project")
        settings.set("CRAWL_LOCK_ENABLED", False, priority="project")  # workers share one crawl on purpose
        if (settings.getpriority("SCHEDULER_PERSIST") or 0) <= SETTINGS_PRIORITIES["project"]:
            settings.set("SCHEDULER_PERSIST", True, priority="project")
        settings["EXTENSIONS"][f"{__name__}.WorkerLoop"] = WORKER_LOOP_ORDER
        settings["SPIDER_MIDDLEWARES"][f"{__name__}.WorkerStart"] = WORKER_START_ORDER


def distributed(settings: Any) -> bool:
    return str(settings.get("SCHEDULER") or "").endswith("SharedScheduler") and bool(
        settings.get("REDIS_URL")
    )


# --- the worker ---------------------------------------------------------------------------------------


class WorkerStart:
    """Spider middleware: with ``DISTRIBUTED_SEED`` off, the spider's own start requests are left out."""

    def __init__(self, crawler: Any) -> None:
        if not distributed(crawler.settings) or crawler.settings.getbool("DISTRIBUTED_SEED", True):
            raise NotConfigured
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Any) -> WorkerStart:
        return cls(crawler)

    async def process_start(self, start: Any) -> Any:
        logger.info("worker: requests come from the shared queue only (DISTRIBUTED_SEED is off)")
        return
        yield  # an async generator that yields nothing


class WorkerLoop:
    """Extension: renews leases, waits for work, hands out lost work again, closes when the job is over."""

    def __init__(self, crawler: Any) -> None:
        s = crawler.settings
        if not distributed(s):
            raise NotConfigured
        self.crawler = crawler
        self.poll = max(0.05, s.getfloat("DISTRIBUTED_POLL_SECONDS", DEFAULT_POLL_SECONDS))
        self.idle_limit = s.getfloat("DISTRIBUTED_IDLE_SECONDS", DEFAULT_IDLE_SECONDS)
        self.exit_when_done = s.getbool("DISTRIBUTED_EXIT_WHEN_DONE", True)
        self.max_attempts = s.getint("FRONTIER_MAX_ATTEMPTS", DEFAULT_MAX_ATTEMPTS)
        self.name = worker_name()
        self.server: Any = None
        self.keys: Keys | None = None
        self.loop: Any = None
        self.closing: str | None = None
        self.took_part = False  # this worker saw work of the current job (queued, leased or done)
        self.idle_since: float | None = None
        self.last_check = 0.0
        self.last_renew = time.monotonic()

    @classmethod
    def from_crawler(cls, crawler: Any) -> WorkerLoop:
        ext = cls(crawler)
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_idle, signal=signals.spider_idle)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    @property
    def state(self) -> WorkerState:
        return worker_state(self.crawler)

    def spider_opened(self, spider: Any) -> None:
        from twisted.internet import task

        self.server = redis_client(self.crawler.settings)
        self.keys = keys_for(self.crawler.settings, spider.name)
        logger.info("worker %s: shared queue %s on %s", self.name, self.keys.queue,
                    redact_redis(self.crawler.settings.get("REDIS_URL")))  # fmt: skip
        self.join_job()
        self.loop = task.LoopingCall(self.tick)
        self.loop.start(self.poll, now=False).addErrback(lambda f: logger.error("worker loop: %s", f.value))

    def join_job(self) -> None:
        """Take part in the crawl under way: what its workers finished since it began counts as done in
        this run too, so links to those pages found again do not reopen them in the frontier."""
        state = self.state
        if not state.leasing or state.clock is None:
            return
        from crawler.frontier import frontier_store

        began = job_started(self.server, self.keys, state.clock.now())
        store = frontier_store(self.crawler)
        store.run_started = min(store.run_started, began.replace(microsecond=0))

    def spider_idle(self, spider: Any = None) -> None:
        if self.closing is None:
            raise DontCloseSpider

    def spider_closed(self, spider: Any = None, reason: str = "") -> None:
        if self.loop is not None and self.loop.running:
            self.loop.stop()
        self.hand_back()
        if self.server is not None and self.keys is not None:
            self.server.zrem(self.keys.workers, self.name)
            if reason == "finished" and self.took_part:
                clear_seen_if_idle(self.server, self.keys)

    # the loop
    def tick(self) -> None:
        if self.closing is not None or self.crawler.engine is None or self.keys is None:
            return
        self.server.zadd(self.keys.workers, {self.name: time.time()})
        state = self.state
        if state.leasing and time.monotonic() - self.last_renew >= state.lease_seconds / 3:
            self.renew()
        if state.taken:
            self.took_part = True
        idle = self.engine_idle()
        if (idle or has_room(self.crawler)) and queue_size(self.server, self.keys.queue):
            # work another worker queued while this one had room: take it now, not when a download ends
            self.took_part, self.idle_since = True, None
            self.wake()
            return
        if not idle:
            self.idle_since = None
            return
        if time.monotonic() - self.last_check < IDLE_CHECK_SECONDS:
            return
        self.last_check = time.monotonic()
        logger.debug("worker %s: idle, empty queue; looking for work left", self.name)
        if state.leasing and self.work_left():
            self.idle_since = None
            return
        self.idle_since = self.idle_since or time.monotonic()
        if self.took_part and self.exit_when_done:
            self.close("finished")
        elif self.idle_limit > 0 and time.monotonic() - self.idle_since >= self.idle_limit:
            logger.info("worker %s: no work for %.0f s", self.name, self.idle_limit)
            self.close("finished" if self.took_part else "idle")

    def engine_idle(self) -> bool:
        engine = self.crawler.engine
        try:
            return bool(engine.spider_is_idle())
        except RuntimeError:  # the engine's slot is gone: closing
            return False

    def wake(self) -> None:
        """Have the engine ask the scheduler now rather than at its next 5-second heartbeat."""
        slot = getattr(self.crawler.engine, "_slot", None)  # Scrapy keeps no public hook for this
        if slot is not None:
            slot.nextcall.schedule()

    def renew(self) -> None:
        state = self.state
        self.last_renew = time.monotonic()
        if not state.held:
            return
        assert state.clock is not None
        until = state.clock.now() + timedelta(seconds=state.lease_seconds)
        still = lease.renew(state.engine, list(state.held), until)
        state.held = {url: n for url, n in state.held.items() if url in still}

    def work_left(self) -> bool:
        """Idle with an empty queue: publish what this worker finished, hand out lost work; True when any
        request is still queued or in some worker's hands."""
        state, stats = self.state, self.crawler.stats
        self.flush_buffers()
        if state.held:
            released = lease.settle(state.engine, state.held, self.max_attempts)
            stats.inc_value("distributed/released", released)
            state.held = {}
        assert state.clock is not None
        now = state.clock.now()
        found = lease.reclaim(state.engine, state.source, now, now + timedelta(seconds=state.lease_seconds),
                              self.max_attempts)  # fmt: skip
        if found:
            self.requeue(found)
            self.took_part = True
            return True
        if lease.live_leases(state.engine, state.source, now):
            self.took_part = True
            return True
        return False

    def flush_buffers(self) -> None:
        """Commit the pages and frontier marks this worker still holds in memory."""
        from crawler.frontier import frontier_store
        from pipelines.persist import PersistPipeline

        persist = self.crawler.get_item_pipeline(PersistPipeline)
        if persist is not None:
            persist.flush()
        frontier_store(self.crawler).flush()

    def requeue(self, rows: list[lease.Reclaimed]) -> None:
        from crawler.frontier import request_from_row

        spider = self.crawler.spider
        lost = sum(1 for r in rows if r.expired)
        logger.info(
            "worker %s: %d requests handed out again (%d from lost workers)", self.name, len(rows), lost
        )
        self.crawler.stats.inc_value("distributed/reclaimed", len(rows))
        for row in rows:
            request = request_from_row(row.url, row.callback, row.meta, spider)
            if request is not None:
                self.crawler.engine.crawl(request.replace(dont_filter=True))

    def hand_back(self) -> None:
        """A worker stopping with requests unfinished (Ctrl-C, SIGTERM) hands them back at once rather
        than leave them until their leases run out."""
        state = self.state
        if not state.leasing or not state.held:
            return
        try:
            self.flush_buffers()  # what was finished is marked done first
            released = lease.release(state.engine, state.held)
        except Exception as exc:  # the leases then simply run out
            logger.warning("worker %s: could not hand back its requests: %s", self.name, exc)
            return
        state.held = {}
        if released:
            logger.info("worker %s: %d unfinished requests handed back", self.name, released)

    def close(self, reason: str) -> None:
        self.closing = reason
        logger.info("worker %s: closing (%s)", self.name, reason)
        deferred_from_coro(self.crawler.engine.close_spider_async(reason=reason))
