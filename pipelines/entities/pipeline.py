"""Scrapy stage 5: entity fields for every article of a page item."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from .workers import ArticleEntities, ArticleInput, WorkerFailed, WorkerPool, extract_page, worker_count

logger = logging.getLogger(__name__)

# Entity fields this stage sets on each article.
ENTITY_FIELDS = ("people", "organizations", "places", "amounts", "event_dates", "keywords")


class EntitiesPipeline:
    """Adds people, organisations, places, amounts, event dates, keywords and tokens to articles.

    Names confirmed by a strong rule (a title or leader list before them) in any article of a page
    are known to every article of that page, so bare mentions ("吕沛一行", "常鸿和郑秋红") are found
    too. Nothing reaches from one page to the next: a page yields the same entities whatever was
    crawled before it, in a resumed run and in a re-extraction alike.

    With ``ENTITIES_WORKERS`` above 0 (by default one per spare core, see ``workers``) pages are
    extracted in worker processes while the crawl goes on; the fields are the same.
    """

    def __init__(self, workers: int = 0, stats: Any = None) -> None:
        self.pool = WorkerPool(workers) if workers > 0 else None
        self.stats = stats
        self._tail: asyncio.Future[None] | None = None  # the last page handed to the workers

    @classmethod
    def from_crawler(cls, crawler: Any) -> EntitiesPipeline:
        workers = worker_count(crawler.settings.get("ENTITIES_WORKERS", "auto"))
        crawler.stats.set_value("entities/workers", workers)
        return cls(workers, crawler.stats)

    def open_spider(self) -> None:
        if self.pool is not None:
            self.pool.start()  # the workers load jieba while the crawl opens its database

    def close_spider(self) -> None:
        if self.pool is not None:
            self.pool.close()

    def process_item(self, item: Any) -> Any:
        articles = list(item.get("articles") or [])
        inputs = [ArticleInput(_article_text(a), _headline(a)) for a in articles]
        if self.pool is None:
            _apply(articles, extract_page(item.get("pub_date"), inputs))
            return item
        return self._in_order(item, articles, inputs)

    async def _in_order(self, item: Any, articles: list[Any], inputs: list[ArticleInput]) -> Any:
        """Extract in a worker, or here when the workers have enough queued; either way pages leave
        this stage in the order they came (two captures of one URL must be stored in order)."""
        assert self.pool is not None
        before, done = self._tail, asyncio.get_running_loop().create_future()
        self._tail = done
        try:
            pub_date = item.get("pub_date")
            if not articles:
                results = []
            elif self.pool.has_room():
                try:
                    results = await self.pool.extract(pub_date, inputs)
                except WorkerFailed as exc:  # the page must not be lost to a worker's death
                    logger.warning("%s: %s; extracting in the crawl's process", item.get("url"), exc)
                    if self.stats is not None:
                        self.stats.inc_value("entities/worker_failures")
                    results = extract_page(pub_date, inputs)
            else:
                results = extract_page(pub_date, inputs)
                if self.stats is not None:
                    self.stats.inc_value("entities/pages_in_process")
            if before is not None:
                await before
            _apply(articles, results)
            return item
        finally:
            if not done.done():
                done.set_result(None)


def _apply(articles: list[Any], results: list[ArticleEntities]) -> None:
    for article, result in zip(articles, results, strict=True):
        for key in ENTITY_FIELDS:
            article[key] = result.fields[key]
        article["tokens"] = result.tokens
        article["title_tokens"] = result.title_tokens
        merged = dict(article.get("provenance") or {})
        merged.update(result.provenance)
        article["provenance"] = merged


def _headline(article: Any) -> str | None:
    return (
        " ".join(p for p in (article.get("lead_title"), article.get("title"), article.get("subtitle")) if p)
        or None
    )


def _article_text(article: Any) -> str:
    """The body, and for a captioned photo its captions too (each caption once)."""
    body = article.get("body") or ""
    captions = [c for c in (article.get("captions") or []) if c and c not in body]
    if article.get("kind") == "photo" or captions:
        return "\n".join(p for p in [body, *captions] if p)
    return body
