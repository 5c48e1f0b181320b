"""The database frontier and the incremental plan: rows, reopening, failures, requests rebuilt, day plans."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
import scrapy
from scrapy.utils.test import get_crawler
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from crawler.db import make_engine, upgrade_to_head
from crawler.frontier import (
    FrontierStore,
    decode_value,
    discard_job_queue,
    encode_value,
    request_from_row,
    request_row,
    stores_into_database,
)
from crawler.incremental import local_today, newest_issue, plan_days
from crawler.models import FrontierEntry, Page, SourceState
from crawler.store import mark_done

D = date.fromisoformat


class Paper(scrapy.Spider):
    name = "paper"

    def parse_edition(self, response: Any, day: date, folder: str) -> None:
        return None

    def failed(self, failure: Any) -> None:
        return None


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    engine = make_engine(db_url)
    upgrade_to_head(engine)
    yield engine
    engine.dispose()


def rows(engine: Engine) -> dict[str, FrontierEntry]:
    with Session(engine) as session:
        found = {r.url: r for r in session.query(FrontierEntry)}
        session.expunge_all()
        return found


def row(url: str) -> dict:
    return {"url": url, "callback": "parse_article", "meta": {"meta": {"conditional": True}}}


# --- the store ------------------------------------------------------------------------------------


def test_discoveries_and_completions_share_one_batch(engine: Engine) -> None:
    store = FrontierStore(engine, "paper", batch=100)
    store.discover(row("http://x/a"))
    store.discover(row("http://x/b"))
    store.complete("http://x/node")
    store.issue_seen(D("2019-12-25"))
    assert rows(engine) == {}  # nothing written before the batch
    store.flush()
    found = rows(engine)
    assert {u: r.state for u, r in found.items()} == {"http://x/a": "pending", "http://x/b": "pending",
                                                      "http://x/node": "done"}  # fmt: skip
    assert [r.url for r in store.pending()] == ["http://x/a", "http://x/b"]
    with Session(engine) as session:
        assert session.get(SourceState, "paper").newest_issue == D("2019-12-25")


def test_batches_are_written_when_full(engine: Engine) -> None:
    store = FrontierStore(engine, "paper", batch=3)
    for name in "abc":
        store.discover(row(f"http://x/{name}"))
    assert len(rows(engine)) == 3


def test_done_rows_of_earlier_runs_reopen_but_not_this_runs(engine: Engine) -> None:
    earlier = FrontierStore(engine, "paper")
    earlier.discover(row("http://x/a"))
    earlier.complete("http://x/a")
    earlier.flush()
    with Session(engine) as session, session.begin():  # an hour ago, in an earlier run
        session.get(FrontierEntry, "http://x/a").done_at = datetime.now(timezone.utc) - timedelta(hours=1)
    now = FrontierStore(engine, "paper")
    now.discover(row("http://x/a"))
    now.flush()
    assert rows(engine)["http://x/a"].state == "pending"  # a recheck: undone until answered again
    now.complete("http://x/a")
    now.flush()
    now.discover(row("http://x/a"))  # seen again in the same run (another link to it)
    now.flush()
    assert rows(engine)["http://x/a"].state == "done"


def test_a_page_stored_before_its_discovery_is_written_stays_done(engine: Engine) -> None:
    store = FrontierStore(engine, "paper")
    with Session(engine) as session, session.begin():  # the persist stage commits first
        mark_done(session, {"url": "http://x/a", "source": "paper", "raw": b"x",
                            "fetched_at": datetime.now(timezone.utc).isoformat(timespec="seconds")})  # fmt: skip
    store.discover(row("http://x/a"))
    store.flush()
    assert rows(engine)["http://x/a"].state == "done"


def test_failures_count_and_give_up(engine: Engine) -> None:
    store = FrontierStore(engine, "paper", max_attempts=3)
    store.discover(row("http://x/a"))
    store.flush()
    for attempt in range(1, 4):
        store.fail("http://x/a", f"HTTP 500 ({attempt})")
        store.flush()
        entry = rows(engine)["http://x/a"]
        assert entry.attempts == attempt and entry.last_error == f"HTTP 500 ({attempt})"
    assert entry.state == "failed" and store.pending() == []


def test_newest_issue_only_moves_forward(engine: Engine) -> None:
    store = FrontierStore(engine, "paper")
    for day in ("2019-12-25", "2019-12-23"):
        store.issue_seen(D(day))
        store.flush()
    with Session(engine) as session:
        assert newest_issue(session, "paper") == D("2019-12-25")


def test_known_urls_from_database_and_buffer(engine: Engine) -> None:
    store = FrontierStore(engine, "paper")
    store.discover(row("http://x/a"))
    store.flush()
    store.discover(row("http://x/b"))
    assert store.known(["http://x/a", "http://x/b", "http://x/c"]) == {"http://x/a", "http://x/b"}


def test_leased_rows_are_left_to_their_worker(engine: Engine) -> None:
    store = FrontierStore(engine, "paper")
    store.discover(row("http://x/a"))
    store.discover(row("http://x/b"))
    store.flush()
    with Session(engine) as session, session.begin():
        session.get(FrontierEntry, "http://x/a").lease_until = datetime.now(timezone.utc) + timedelta(
            minutes=5
        )
    assert [r.url for r in store.pending()] == ["http://x/b"]


# --- requests as rows -----------------------------------------------------------------------------


def test_request_survives_a_row() -> None:
    spider = Paper()
    day = D("2019-12-23")
    request = scrapy.Request("http://x/rb/html/2019-12/23/node_2.htm", callback=spider.parse_edition,
                             errback=spider.failed, cb_kwargs={"day": day, "folder": "http://x/"},
                             meta={"conditional": True, "depth": 3, "download_slot": "x"}, priority=5)  # fmt: skip
    stored = request_row(request, spider)
    assert stored["callback"] == "parse_edition"
    assert stored["meta"]["meta"] == {"conditional": True}  # Scrapy's own keys are not kept
    again = request_from_row(stored["url"], stored["callback"], stored["meta"], spider)
    assert (
        again.url == request.url and again.callback == spider.parse_edition and again.errback == spider.failed
    )
    assert again.cb_kwargs == {"day": day, "folder": "http://x/"} and again.priority == 5
    assert again.meta["conditional"] is True and again.meta["frontier_requeued"] is True


def test_requests_that_cannot_be_rebuilt_are_not_kept() -> None:
    spider = Paper()
    assert request_row(scrapy.Request("http://x/a", callback=lambda r: None), spider) is None
    assert (
        request_row(scrapy.Request("http://x/a", method="POST", callback=spider.parse_edition), spider)
        is None
    )
    assert request_row(scrapy.Request("http://x/a", meta={"frontier": False}), spider) is None
    assert request_from_row("http://x/a", "gone_method", {}, spider) is None


def test_dates_are_tagged_in_json() -> None:
    value = {"day": D("2019-12-23"), "days": [D("2019-12-24")], "n": 1}
    assert decode_value(encode_value(value)) == value


def test_job_queue_is_discarded_and_the_rest_of_the_job_kept(tmp_path: Path) -> None:
    (tmp_path / "requests.queue" / "p0").mkdir(parents=True)
    (tmp_path / "requests.queue" / "p0" / "q00000").write_bytes(b"stale")
    (tmp_path / "requests.seen").write_bytes(b"stale")
    (tmp_path / "spider.state").write_bytes(b"kept")
    assert discard_job_queue(str(tmp_path)) == ["requests.queue", "requests.seen"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["spider.state"]
    assert discard_job_queue(str(tmp_path)) == [] and discard_job_queue(None) == []


def test_state_is_kept_only_when_the_crawl_stores() -> None:
    assert stores_into_database(get_crawler(Paper, {"ITEM_PIPELINES": {"pipelines.persist.PersistPipeline": 9}}
                                            ).settings)  # fmt: skip
    assert not stores_into_database(get_crawler(Paper, {"ITEM_PIPELINES": {}}).settings)


# --- the day plan ---------------------------------------------------------------------------------


def test_plan_on_an_empty_database_backfills() -> None:
    plan = plan_days(None, D("2019-12-26"), backfill_days=4, recheck_days=3)
    assert (
        plan.days == [D("2019-12-23"), D("2019-12-24"), D("2019-12-25"), D("2019-12-26")]
        and plan.recheck == []
    )


def test_plan_continues_after_the_newest_issue_and_rechecks() -> None:
    plan = plan_days(D("2019-12-25"), D("2019-12-27"), backfill_days=7, recheck_days=2)
    assert plan.recheck == [D("2019-12-24"), D("2019-12-25")]
    assert plan.days == [D("2019-12-24"), D("2019-12-25"), D("2019-12-26"), D("2019-12-27")]
    assert "2 new day(s) 2019-12-26..2019-12-27" in plan.describe()


def test_plan_up_to_date_only_rechecks() -> None:
    plan = plan_days(D("2019-12-27"), D("2019-12-27"), backfill_days=7, recheck_days=1)
    assert plan.days == plan.recheck == [D("2019-12-27")]
    assert plan_days(D("2019-12-27"), D("2019-12-27"), 7, 0).days == []


def test_newest_issue_falls_back_to_stored_pages(engine: Engine) -> None:
    with Session(engine) as session, session.begin():
        session.add(Page(source="paper", url="http://x/1", origin="x", fetched_at=datetime.now(timezone.utc),
                         content_hash="h", raw=b"", encoding="utf-8", pub_date=D("2019-12-20")))  # fmt: skip
    with Session(engine) as session:
        assert newest_issue(session, "paper") == D("2019-12-20")


def test_today_follows_the_setting_or_the_papers_calendar() -> None:
    assert local_today(get_crawler(Paper, {"EPAPER_TODAY": "2019-12-26"}).settings) == D("2019-12-26")
    today = local_today(get_crawler(Paper, {}).settings)
    assert abs((today - datetime.now(timezone.utc).date()).days) <= 1
