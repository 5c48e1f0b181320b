"""``stored``: pages already in the database, back through the extraction stages.

Used by ``scrapy reextract``: the newest stored document of each URL is decoded
and extracted again; the persist stage then gives a new version to each article
whose record changed and leaves the rest as they are.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date
from typing import Any

import scrapy
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from crawler.db import open_database
from crawler.decoding import UndecodableError
from crawler.itemflow import items_done, room_for_items
from crawler.models import Page
from crawler.pagebuild import PAGE_META_KEYS, build_page_item


class StoredSpider(scrapy.Spider):
    name = "stored"

    def __init__(self, source: str | None = None, since: str | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.only_source = source
        self.since = date.fromisoformat(since) if since else None

    async def start(self) -> AsyncIterator[Any]:
        engine = open_database(self.settings)
        newest = select(Page.url, func.max(Page.id).label("id")).group_by(Page.url).subquery()
        stmt = select(Page).join(newest, newest.c.id == Page.id).order_by(Page.id)
        if self.only_source:
            stmt = stmt.where(Page.source == self.only_source)
        if self.since:
            stmt = stmt.where(Page.pub_date >= self.since)
        with Session(engine) as session:
            pages = list(session.scalars(stmt))
            session.expunge_all()
        engine.dispose()
        self.logger.info("re-extracting %d stored pages", len(pages))
        for page in pages:
            provenance = page.provenance or {}
            sidecar = {k: getattr(page, k) for k in PAGE_META_KEYS if provenance.get(k) == "sidecar"}
            if sidecar.get("pub_date"):
                sidecar["pub_date"] = sidecar["pub_date"].isoformat()
            try:
                item = build_page_item(
                    source=page.source, url=page.url, origin=page.origin, raw=page.raw,
                    header_charset=page.encoding, fetched_at=page.fetched_at.isoformat(), sidecar=sidecar,
                    html=page.layout not in (None, "text"),
                )  # fmt: skip
            except UndecodableError as exc:
                self.logger.error("%s: undecodable: %s", page.url, exc)
                continue
            await room_for_items(self.crawler)
            yield item
        await items_done(self.crawler)
