"""The conditional-request middleware: validators out for flagged requests, 304 and unchanged bodies
stop before the spider, and the frontier and url_state record the check."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
import scrapy
from scrapy.http import HtmlResponse, Request
from scrapy.utils.test import get_crawler
from sqlalchemy.orm import Session

from crawler.db import make_engine, upgrade_to_head
from crawler.frontier import frontier_store
from crawler.middlewares.conditional import STORED_STATE, ConditionalRequests, NotModified, Unchanged
from crawler.models import FrontierEntry, UrlState
from crawler.store import sha256
from tests.conftest import PROJECT_ROOT
from tests.sites.server import LocalSite
from tests.test_incremental_sites import FAST, component_args, growing_site, last_run

PERSIST = {"pipelines.persist.PersistPipeline": 900}
URL = "http://epaper.example.test/rb/html/2019-12/23/content_1.htm"
BODY = b"<html><body><p>\xe6\x9c\xac\xe6\x8a\xa5\xe8\xae\xaf</p></body></html>"


class Probe(scrapy.Spider):
    name = "probe"


@pytest.fixture
def middleware(db_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[ConditionalRequests]:
    monkeypatch.delenv("DATABASE_URL", raising=False)
    crawler = get_crawler(Probe, {"DATABASE_URL": db_url, "ITEM_PIPELINES": PERSIST, "FRONTIER_BATCH": 1000})
    crawler.spider = crawler._create_spider()
    yield ConditionalRequests.from_crawler(crawler)


def stored(etag: str | None = '"abc"', content_hash: str | None = None) -> dict[str, str | None]:
    return {"etag": etag, "last_modified": "Sun, 22 Dec 2019 07:33:20 GMT", "content_hash": content_hash}


def url_state(db_url: str, url: str) -> UrlState | None:
    engine = make_engine(db_url)
    try:
        with Session(engine) as session:
            row = session.get(UrlState, url)
            if row is not None:
                session.expunge(row)
            return row
    finally:
        engine.dispose()


def frontier_row(db_url: str, url: str) -> FrontierEntry | None:
    engine = make_engine(db_url)
    try:
        with Session(engine) as session:
            row = session.get(FrontierEntry, url)
            if row is not None:
                session.expunge(row)
            return row
    finally:
        engine.dispose()


def test_not_modified_is_dropped_and_recorded(middleware: ConditionalRequests, db_url: str) -> None:
    request = Request(URL, meta={"conditional": True, STORED_STATE: stored()})
    answer = HtmlResponse(URL, status=304, headers={"ETag": '"abd"'}, request=request)
    with pytest.raises(NotModified):
        middleware.process_response(request, answer)
    assert middleware.crawler.stats.get_value("conditional/not_modified") == 1
    assert frontier_row(db_url, URL) is None  # buffered until the batch is written
    frontier_store(middleware.crawler).flush()
    assert frontier_row(db_url, URL).state == "done"
    state = url_state(db_url, URL)
    assert state.last_status == 304 and state.checked_at is not None and state.etag == '"abd"'


def test_same_bytes_are_dropped_as_unchanged(middleware: ConditionalRequests, db_url: str) -> None:
    request = Request(URL, meta={"conditional": True, STORED_STATE: stored(None, sha256(BODY))})
    with pytest.raises(Unchanged):
        middleware.process_response(request, HtmlResponse(URL, body=BODY, request=request))
    assert middleware.crawler.stats.get_value("conditional/unchanged") == 1


def test_changed_page_goes_through(middleware: ConditionalRequests) -> None:
    request = Request(URL, meta={"conditional": True, STORED_STATE: stored(None, sha256(b"older bytes"))})
    answer = HtmlResponse(URL, body=BODY, request=request)
    assert middleware.process_response(request, answer) is answer
    assert middleware.crawler.stats.get_value("conditional/changed") == 1


def test_requests_without_a_stored_state_are_left_alone(middleware: ConditionalRequests) -> None:
    for meta in ({}, {"conditional": True, STORED_STATE: None}):
        request = Request(URL, meta=meta)
        answer = HtmlResponse(URL, status=304, request=request)
        assert middleware.process_response(request, answer) is answer
    assert middleware.crawler.stats.get_value("conditional/not_modified") is None


def test_off_without_a_database_stage(monkeypatch: pytest.MonkeyPatch) -> None:
    from scrapy.exceptions import NotConfigured

    crawler = get_crawler(Probe, {"ITEM_PIPELINES": {}})
    with pytest.raises(NotConfigured):
        ConditionalRequests.from_crawler(crawler)


# --- a real crawl of a tiny spider ----------------------------------------------------------------

PROBE_SPIDER = textwrap.dedent("""
    import json, scrapy

    class ProbeSpider(scrapy.Spider):
        name = "probe"

        def __init__(self, base="", plan="[]", **kwargs):
            super().__init__(**kwargs)
            self.root_url = base + "/"
            self.plan = json.loads(plan)

        async def start(self):
            for path, flag in self.plan:
                yield scrapy.Request(self.root_url.rstrip("/") + path, meta={"conditional": flag},
                                     callback=self.parsed, errback=self.failed)

        def parsed(self, response):
            self.crawler.stats.inc_value("probe/parsed")

        def failed(self, failure):
            self.crawler.stats.inc_value("probe/" + type(failure.value).__name__)
""")


@pytest.fixture
def site() -> Iterator[LocalSite]:
    local = growing_site().start()
    yield local
    local.stop()


def test_flagged_requests_carry_validators_and_stop_when_unchanged(site: LocalSite, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'news.sqlite'}"
    paths = sorted(p for p in site.site.pages if "/content_" in p)[:4]
    with_etag, hash_only, unflagged, unknown = paths
    engine = make_engine(db)
    upgrade_to_head(engine)
    with Session(engine) as session, session.begin():
        for path in (with_etag, unflagged):
            _, etag, modified = site.served(path)
            session.add(UrlState(url=site.base_url + path, source="probe", etag=etag, last_modified=modified))
        body, _, _ = site.served(hash_only)
        session.add(UrlState(url=site.base_url + hash_only, source="probe", content_hash=sha256(body)))
    engine.dispose()
    spider = tmp_path / "probe.py"
    spider.write_text(PROBE_SPIDER, encoding="utf-8")
    plan = [[with_etag, True], [hash_only, True], [unflagged, False], [unknown, True]]
    proc = subprocess.run(
        [sys.executable, "-m", "scrapy.cmdline", "runspider", str(spider), "-a", f"base={site.base_url}",
         "-a", f"plan={json.dumps(plan)}", *FAST, *component_args()],
        cwd=PROJECT_ROOT, env={**os.environ, "DATABASE_URL": db}, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-3000:]
    headers = {path: h for _, path, h in site.requests}
    assert "If-None-Match" in headers[with_etag] and "If-Modified-Since" in headers[with_etag]
    assert not any("If-None-Match" in headers[p] or "If-Modified-Since" in headers[p]
                   for p in (hash_only, unflagged, unknown))  # fmt: skip
    stats = last_run(db).stats
    assert stats["conditional/requests"] == 2
    assert stats["conditional/not_modified"] == 1 and stats["probe/NotModified"] == 1
    assert stats["conditional/unchanged"] == 1 and stats["probe/Unchanged"] == 1
    assert stats["probe/parsed"] == 2
    assert url_state(db, site.base_url + with_etag).last_status == 304
    assert url_state(db, site.base_url + hash_only).checked_at is not None
