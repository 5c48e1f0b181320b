"""Entity extraction of whole pages in worker processes, beside the crawl's own process.

Extraction (one jieba cut per article and the entity rules over it) is about half of what a replay
does per page, and it depends on the page alone (``extract_page``). So on a machine with a spare
core the entities stage hands each page to a worker process and the crawl's process goes on with
the next page's decoding, splitting and storing meanwhile; the fields come back the same as when
extracted in-process.

Workers are started with ``spawn`` (a clean interpreter: no copy of the crawl's threads or open
database), each loading jieba's dictionary once, and talk over a pipe of their own. A worker that
finds its pipe closed or its parent gone ends, so a crawl killed with SIGKILL leaves no worker
behind for long.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import os
import queue
import threading
from collections import deque
from dataclasses import dataclass
from typing import Any

from crawler.tokens import tokenize

from .extract import extract, prepare

logger = logging.getLogger(__name__)

# How often an idle worker checks that the crawl that started it is still there (seconds).
PARENT_CHECK_SECONDS = 2.0
# Pages queued at a worker (its current one included) beyond which the crawl's own process extracts
# the next page itself: both cores stay busy, and no page waits long behind others.
QUEUED_PER_WORKER = 2
# How long closing waits for a worker to end before it is terminated (seconds).
JOIN_SECONDS = 5.0


@dataclass(frozen=True)
class ArticleInput:
    """What extraction reads of one article: its text and its headline."""

    text: str
    headline: str | None


@dataclass
class ArticleEntities:
    """What extraction gives one article: the entity fields, its tokens (headline and body), the
    search-index tokens of its headline, and the rule behind each field."""

    fields: dict
    tokens: list[str]
    title_tokens: list[str]
    provenance: dict[str, str]


def extract_page(pub_date: str | None, articles: list[ArticleInput]) -> list[ArticleEntities]:
    """Entities of each article of one page.

    Names a strong rule confirms in any article of the page are known to every article of it;
    nothing else is shared, so the result depends on the page alone.
    """
    prepared = [prepare(a.text) for a in articles]
    page_names: set[str] = set().union(*(p.strong.strong for p in prepared))
    out = []
    for article, prep in zip(articles, prepared, strict=True):
        result = extract(
            article.text, pub_date, headline=article.headline, known_names=page_names, prepared=prep
        )
        title_tokens = tokenize(article.headline) if article.headline else []
        out.append(ArticleEntities(result.fields, result.tokens, title_tokens, result.provenance))
    return out


def _serve(conn: Any, parent: int) -> None:
    """A worker's life: answer pages until told to stop, the pipe closes or the parent is gone."""
    from . import tokens

    tokens.cut("")  # load jieba's dictionary before the first page
    while True:
        if not conn.poll(PARENT_CHECK_SECONDS):
            if os.getppid() != parent:
                return
            continue
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        try:
            conn.send(("ok", extract_page(*message)))
        except Exception as exc:  # reported to the crawl, which logs it against the page
            conn.send(("error", f"{type(exc).__name__}: {exc}"))


class WorkerFailed(RuntimeError):
    """A worker could not extract a page (it raised, or it died)."""


# What tells a worker's writer thread to send the stop message and end.
_STOP = object()


def _resolve(future: asyncio.Future[Any], value: Any, error: BaseException | None) -> None:
    if future.done():  # cancelled meanwhile (the crawl is shutting down)
        return
    if error is not None:
        future.set_exception(error)
    else:
        future.set_result(value)


class _Worker:
    """One worker process and the two threads that talk to it: pages go out in the order they are
    submitted, as soon as they are (the worker reads the next one while the crawl is busy), and
    answers come back in the same order, each resolving its page's future on the crawl's loop."""

    def __init__(self, context: Any) -> None:
        self.conn, child = context.Pipe(duplex=True)
        self.process = context.Process(target=_serve, args=(child, os.getpid()), daemon=True)
        self.process.start()
        child.close()
        self.outbox: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self.waiting: deque[tuple[asyncio.AbstractEventLoop, asyncio.Future[Any]]] = deque()
        self.lock = threading.Lock()
        self.broken: str | None = None
        self.threads = [
            threading.Thread(target=self._write, name="entities-writer", daemon=True),
            threading.Thread(target=self._read, name="entities-reader", daemon=True),
        ]
        for thread in self.threads:
            thread.start()

    @property
    def load(self) -> int:
        return len(self.waiting)

    def submit(self, message: Any) -> asyncio.Future[Any]:
        loop = asyncio.get_running_loop()
        future = loop.create_future()
        with self.lock:
            if self.broken is not None:
                future.set_exception(WorkerFailed(self.broken))
                return future
            self.waiting.append((loop, future))
        self.outbox.put(message)
        return future

    def _write(self) -> None:
        while True:
            message = self.outbox.get()
            try:
                self.conn.send(None if message is _STOP else message)
            except (OSError, ValueError) as exc:
                self._fail(f"entity worker {self.process.pid} cannot be reached ({exc})")
                return
            if message is _STOP:
                return

    def _read(self) -> None:
        while True:
            try:
                status, value = self.conn.recv()
            except (EOFError, OSError):
                self._fail(f"entity worker {self.process.pid} ended unexpectedly")
                return
            with self.lock:
                loop, future = self.waiting.popleft()
            error = None if status == "ok" else WorkerFailed(value)
            loop.call_soon_threadsafe(_resolve, future, value if error is None else None, error)

    def _fail(self, reason: str) -> None:
        with self.lock:
            if self.broken is None:
                self.broken = reason
            pending = list(self.waiting)
            self.waiting.clear()
        for loop, future in pending:
            with contextlib.suppress(RuntimeError):  # the loop is closed: nobody waits any more
                loop.call_soon_threadsafe(_resolve, future, None, WorkerFailed(reason))

    def close(self) -> None:
        self.outbox.put(_STOP)
        self.process.join(JOIN_SECONDS)
        if self.process.is_alive():
            self.process.terminate()
            self.process.join(JOIN_SECONDS)
        for thread in self.threads:
            thread.join(JOIN_SECONDS)
        self.conn.close()


class WorkerPool:
    """``size`` worker processes; ``await pool.extract(pub_date, articles)`` runs ``extract_page`` in
    the least loaded one. A worker found dead is replaced by a new one."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._context = multiprocessing.get_context("spawn")
        self._workers: list[_Worker] = []

    def start(self) -> None:
        """Start the workers (``extract`` does it when not done yet)."""
        for worker in [w for w in self._workers if w.broken is not None]:  # dead: replace them
            worker.close()
            self._workers.remove(worker)
        while len(self._workers) < self.size:
            self._workers.append(_Worker(self._context))
            logger.debug("started entity worker %d", self._workers[-1].process.pid)

    def has_room(self) -> bool:
        """Has a worker fewer than ``QUEUED_PER_WORKER`` pages waiting? (If not, the caller does
        better to extract the page itself than to queue it.)"""
        return not self._workers or min(w.load for w in self._workers) < QUEUED_PER_WORKER

    async def extract(self, pub_date: str | None, articles: list[ArticleInput]) -> list[ArticleEntities]:
        if len(self._workers) < self.size or any(w.broken is not None for w in self._workers):
            self.start()
        worker = min(self._workers, key=lambda w: w.load)
        return await worker.submit((pub_date, articles))

    def close(self) -> None:
        for worker in self._workers:
            worker.close()
        self._workers.clear()


def worker_count(setting: Any) -> int:
    """Workers for the ``ENTITIES_WORKERS`` setting: a number, or "auto" (one per core beyond the
    first, at most two: the crawl's own process keeps a core)."""
    if setting in (None, "", "auto"):
        cores = os.cpu_count() or 1
        return max(0, min(2, cores - 1))
    try:
        return max(0, int(setting))
    except (TypeError, ValueError):
        raise ValueError(f"ENTITIES_WORKERS must be a number or 'auto', not {setting!r}") from None
