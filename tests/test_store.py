"""Storing pages and articles: natural keys, versions, query tables — on SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from crawler.db import make_engine, upgrade_to_head
from crawler.export import iter_people, iter_records
from crawler.models import Amount, ArticleVersion, Byline, FrontierEntry, Mention, Page, Person, UrlState
from crawler.store import body_hash, store_page


def page_item(body: str, raw: bytes = b"raw-1", **extra: Any) -> dict[str, Any]:
    article = {
        "kind": "article", "title": "示范区召开会议", "reporters": ["郭树勋"], "body": body,
        "people": [{"name": "王家鹏", "titles": ["党工委书记"]}], "amounts": [
            {"text": "128亿元", "value": 12800000000, "currency": "CNY", "context": "完成投资"}],
        "event_dates": ["2019-12-21"], "provenance": {"title": "headline-block"},
    }  # fmt: skip
    return {
        "source": "archive", "url": "file:///a/page.txt", "origin": "page.txt", "fetched_at": "2024-01-02T03:04:05+00:00",
        "raw": raw, "encoding": "utf-8", "pub_date": "2019-12-23", "page_toc": ["示范区召开会议"],
        "articles": [article, {**article, "title": "第二篇", "people": [], "amounts": []}], **extra,
    }  # fmt: skip


def write(engine: Any, item: dict[str, Any]) -> Any:
    with Session(engine) as session, session.begin():
        return store_page(session, item)


def count(engine: Any, model: Any) -> int:
    with Session(engine) as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_store_is_idempotent_and_versions_changes(db_url: str) -> None:
    engine = make_engine(db_url)
    upgrade_to_head(engine)
    first = write(engine, page_item("第一段。\n第二段。"))
    assert (first.page_new, first.articles_new) == (True, 2)
    again = write(engine, page_item("第一段。\n第二段。"))
    assert (again.page_new, again.articles_new, again.articles_unchanged) == (False, 0, 2)
    assert count(engine, Page) == 1 and count(engine, ArticleVersion) == 2
    changed = write(engine, page_item("第一段。\n第二段改了。", raw=b"raw-2"))
    assert (changed.page_new, changed.articles_updated) == (True, 2)
    records = list(iter_records(engine))
    assert [r["version"] for r in records] == [2, 2]
    assert records[0]["body"] == "第一段。\n第二段改了。"
    assert records[0]["content_hash"] == body_hash("第一段。 第二段改了。")
    assert records[0]["page_toc"] == ["示范区召开会议"]
    assert records[0]["pub_date"] == "2019-12-23"
    assert records[0]["provenance"]["title"] == "headline-block"
    assert count(engine, ArticleVersion) == 4 and count(engine, Page) == 2
    assert count(engine, Person) == 1
    assert count(engine, Mention) == 2  # one per version that names him
    assert count(engine, Amount) == 2
    assert count(engine, Byline) == 4
    engine.dispose()


def test_done_mark_and_validators(db_url: str) -> None:
    engine = make_engine(db_url)
    upgrade_to_head(engine)
    write(engine, page_item("正文。", etag='"abc"', last_modified="Mon, 01 Jan 2024 00:00:00 GMT", http_status=200))
    with Session(engine) as session:
        entry = session.get(FrontierEntry, "file:///a/page.txt")
        state = session.get(UrlState, "file:///a/page.txt")
        assert entry is not None and entry.state == "done"
        assert state is not None and state.etag == '"abc"' and state.last_status == 200
    engine.dispose()


def test_people_export(db_url: str) -> None:
    engine = make_engine(db_url)
    upgrade_to_head(engine)
    write(engine, page_item("正文。"))
    people = list(iter_people(engine))
    assert people == [{"name": "王家鹏", "titles": [{"title": "党工委书记", "first": "2019-12-23", "last": "2019-12-23"}],
                       "article_count": 1}]  # fmt: skip
    engine.dispose()
