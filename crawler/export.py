"""Reading stored articles back as export records (the shared data contract)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timezone
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from crawler.models import Article, ArticleVersion, Mention, Page, Person

# The record's keys, in the order they are written.
RECORD_KEYS = (
    "id", "source", "url", "origin", "position", "kind", "newspaper", "page_no", "page_name", "page_toc",
    "pub_date", "event_dates", "lead_title", "title", "subtitle", "reporters", "photographers", "body",
    "captions", "script", "people", "organizations", "places", "amounts", "keywords", "content_hash",
    "version", "fetched_at", "provenance",
)  # fmt: skip

# Joins an article to its current version.
CURRENT_VERSION = (ArticleVersion.article_id == Article.id) & (ArticleVersion.version == Article.current_version)


def _iso(value: Any) -> str | None:
    """ISO-8601; times are stored in UTC (SQLite drops the zone, so it is put back)."""
    if value is None:
        return None
    if isinstance(value, datetime) and value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.isoformat()


def record(article: Article, version: ArticleVersion, page: Page) -> dict[str, Any]:
    lists = version.record or {}
    rec: dict[str, Any] = {
        "id": article.id,
        "source": article.source,
        "url": article.url,
        "origin": article.origin,
        "position": article.position,
        "kind": version.kind,
        "newspaper": version.newspaper,
        "page_no": version.page_no,
        "page_name": version.page_name,
        "page_toc": list(page.page_toc or []),
        "pub_date": _iso(version.pub_date),
        "lead_title": version.lead_title,
        "title": version.title,
        "subtitle": version.subtitle,
        "body": version.body,
        "script": version.script,
        "content_hash": version.content_hash,
        "version": version.version,
        "fetched_at": _iso(version.fetched_at),
        "provenance": version.provenance or {},
    }
    for key in ("event_dates", "reporters", "photographers", "captions", "people", "organizations", "places",
                "amounts", "keywords"):  # fmt: skip
        rec[key] = list(lists.get(key) or [])
    return {k: rec[k] for k in RECORD_KEYS}


def iter_records(engine: Engine, *, source: str | None = None, since: date | None = None) -> Iterator[dict]:
    """The current version of every stored article, oldest first."""
    stmt = (
        select(Article, ArticleVersion, Page)
        .join(ArticleVersion, CURRENT_VERSION)
        .join(Page, Page.id == ArticleVersion.page_id)
        .order_by(Article.id)
    )
    if source:
        stmt = stmt.where(Article.source == source)
    if since:
        stmt = stmt.where(ArticleVersion.pub_date >= since)
    with Session(engine) as session:
        for article, version, page in session.execute(stmt).yield_per(500):
            yield record(article, version, page)


def iter_people(engine: Engine, *, source: str | None = None, since: date | None = None) -> Iterator[dict]:
    """One row per person: every title seen with its first and last date, and the article count."""
    stmt = (
        select(Person.name, Mention.titles, ArticleVersion.pub_date, Article.id)
        .join(Mention, Mention.person_id == Person.id)
        .join(ArticleVersion, ArticleVersion.id == Mention.version_id)
        .join(Article, CURRENT_VERSION)
        .order_by(Person.name)
    )
    if source:
        stmt = stmt.where(Article.source == source)
    if since:
        stmt = stmt.where(ArticleVersion.pub_date >= since)
    people: dict[str, dict[str, Any]] = {}
    with Session(engine) as session:
        for name, titles, day, article_id in session.execute(stmt):
            entry = people.setdefault(name, {"name": name, "titles": {}, "articles": set()})
            entry["articles"].add(article_id)
            for title in titles or []:
                seen = entry["titles"].setdefault(title, [day, day])
                if day is not None:
                    seen[0] = min(filter(None, (seen[0], day)))
                    seen[1] = max(filter(None, (seen[1], day)))
    for entry in people.values():
        yield {
            "name": entry["name"],
            "titles": [{"title": t, "first": _iso(a), "last": _iso(b)} for t, (a, b) in entry["titles"].items()],
            "article_count": len(entry["articles"]),
        }


def count_articles(engine: Engine) -> int:
    with Session(engine) as session:
        return int(session.scalar(select(func.count(Article.id))) or 0)
