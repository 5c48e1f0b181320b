"""crawler/store.py: query-table rows written per transaction, not per page — same rows as page by page."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from crawler.db import make_engine, upgrade_to_head
from crawler.models import Article, ArticleVersion, Byline, Mention, PlaceMention, SearchDoc
from crawler.store import store_page, write_pending


def page_item(url: str, body: str, raw: bytes, **article: Any) -> dict[str, Any]:
    first = {
        "kind": "article", "title": "示范区召开会议", "reporters": ["郭树勋"], "body": body,
        "people": [{"name": "王家鹏", "titles": ["党工委书记"]}], "places": ["焦作"],
        "tokens": ["示范区", "召开", "会议", "\n", *body.strip("。").split("，")], **article,
    }  # fmt: skip
    return {
        "source": "archive", "url": url, "origin": url.rsplit("/", 1)[-1],
        "fetched_at": "2024-01-02T03:04:05+00:00", "raw": raw, "encoding": "utf-8", "pub_date": "2019-12-23",
        "articles": [first, {**first, "title": "第二篇", "people": []}],
    }  # fmt: skip


def count(session: Session, model: Any) -> int:
    return session.scalar(select(func.count()).select_from(model)) or 0


def test_a_page_changed_twice_in_one_transaction_keeps_one_index_row_per_article(db_url: str) -> None:
    engine = make_engine(db_url)
    upgrade_to_head(engine)
    url = "file:///a/page.txt"
    with Session(engine) as session, session.begin():
        store_page(session, page_item(url, "第一段，旧的。", b"raw-1"))
        store_page(session, page_item(url, "第一段，新的。", b"raw-2"))
        unchanged = store_page(session, page_item(url, "第一段，新的。", b"raw-2"))
    assert unchanged.articles_unchanged == 2
    with Session(engine) as session:
        assert count(session, ArticleVersion) == 4 and count(session, Article) == 2
        assert session.scalars(select(Article.current_version)).all() == [2, 2]
        docs = session.scalars(select(SearchDoc.body_tokens)).all()
        assert len(docs) == 2 and all("新的" in d and "旧的" not in d for d in docs)
        assert count(session, Mention) == 2  # one per version of the first article
        assert count(session, Byline) == 4 and count(session, PlaceMention) == 4
    engine.dispose()


def test_queued_rows_are_written_before_the_commit_and_dropped_on_rollback(db_url: str) -> None:
    engine = make_engine(db_url)
    upgrade_to_head(engine)
    with Session(engine) as session:
        with session.begin():
            store_page(session, page_item("file:///a/gone.txt", "不会留下。", b"gone"))
            assert count(session, SearchDoc) == 0  # queued, not yet written
            write_pending(session)
            assert count(session, SearchDoc) == 2
            store_page(session, page_item("file:///a/gone2.txt", "也不会留下。", b"gone2"))
            session.rollback()
        with session.begin():
            store_page(session, page_item("file:///a/kept.txt", "留下来。", b"kept"))
    with Session(engine) as session:
        assert count(session, Article) == 2 and count(session, SearchDoc) == 2
        assert count(session, Byline) == 2 and count(session, Mention) == 1
        assert session.scalars(select(Article.url).distinct()).all() == ["file:///a/kept.txt"]
    engine.dispose()


def test_articles_created_for_a_page_are_stored_at_their_first_version(db_url: str) -> None:
    engine = make_engine(db_url)
    upgrade_to_head(engine)
    with Session(engine) as session, session.begin():
        result = store_page(session, page_item("file:///a/new.txt", "正文。", b"new"))
    assert (result.page_new, result.articles_new, result.articles_updated) == (True, 2, 0)
    with Session(engine) as session:
        rows = session.execute(select(Article.current_version, ArticleVersion.version).join(
            ArticleVersion, ArticleVersion.article_id == Article.id)).all()  # fmt: skip
        assert sorted(rows) == [(1, 1), (1, 1)]
    engine.dispose()


def test_rows_stored_inside_a_savepoint_are_written_at_once(db_url: str) -> None:
    engine = make_engine(db_url)
    upgrade_to_head(engine)
    with Session(engine) as session, session.begin():
        savepoint = session.begin_nested()
        store_page(session, page_item("file:///a/inner.txt", "里面。", b"inner"))
        assert count(session, SearchDoc) == 2
        savepoint.rollback()
        store_page(session, page_item("file:///a/outer.txt", "外面。", b"outer"))
    with Session(engine) as session:
        assert session.scalars(select(Article.url).distinct()).all() == ["file:///a/outer.txt"]
        assert count(session, SearchDoc) == 2 and count(session, Byline) == 2
    engine.dispose()
