"""Incremental crawls of the local copy into a real database (SQLite and PostgreSQL).

First run over three issue days stores everything; a second with nothing changed downloads no article
again (every article request answered 304) and stores nothing; after the site publishes a day and
corrects one article, the next run stores the new day, gives the corrected article version 2 and
changes nothing else. The portal stops reading listings at the first page holding only known articles.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from sqlalchemy.orm import Session

from crawler.db import make_engine
from crawler.models import FrontierEntry
from tests.sites import portal
from tests.sites.articles import Story
from tests.sites.build import CHANGING_STORY, ISSUE_DAYS, SitePage
from tests.sites.server import LocalSite
from tests.test_incremental_sites import (
    FAST,
    NEW_DAY,
    article_rows,
    component_args,
    folder_of,
    frontier_states,
    growing_site,
    last_run,
    publish_day,
)

FIRST_TODAY = ISSUE_DAYS[-1]  # the first run's "today": the last of the three issue days
BACKFILL = "4"  # 2019-12-23 .. 2019-12-26: three issues and a day without one
RECHECK = "3"  # the second and third runs ask again about 2019-12-24 .. 2019-12-26


@pytest.fixture
def site() -> Iterator[LocalSite]:
    local = growing_site().start()
    yield local
    local.stop()


def crawl_epaper(run_scrapy, site: LocalSite, db: str, today: str, *args: str):
    return run_scrapy(
        "crawl", "epaper", *args, "-s", f"EPAPER_ROOT={site.base_url}/rb/", "-s", f"EPAPER_TODAY={today}",
        "-s", f"EPAPER_BACKFILL_DAYS={BACKFILL}", "-s", f"EPAPER_RECHECK_DAYS={RECHECK}", *FAST,
        *component_args(), db=db,
    )  # fmt: skip


def requested(site: LocalSite, since: int) -> list[tuple[str, dict[str, str]]]:
    """(path, headers) of the requests the site received after the first ``since``."""
    return [(path, headers) for _, path, headers in site.requests[since:]]


def article_paths(site: LocalSite, since: int) -> list[tuple[str, dict[str, str]]]:
    return [(p, h) for p, h in requested(site, since) if "/content_" in p]


def expected_paths(site: LocalSite, days: tuple[str, ...]) -> set[str]:
    return {r["path"] for r in site.site.expected if r["source"] == "epaper" and r["pub_date"] in days}


def test_epaper_incremental_first_second_and_third_run(run_scrapy, site: LocalSite, db_url: str) -> None:
    # 1: an empty database: the last BACKFILL days
    first = crawl_epaper(run_scrapy, site, db_url, FIRST_TODAY)
    assert "no issue on 2019-12-24" in first.stderr
    rows = article_rows(db_url)
    stored_paths = {urlsplit(url).path for url, _ in rows}
    assert stored_paths == expected_paths(site, ISSUE_DAYS)
    assert all(version == 1 for version, _, _ in rows.values())
    assert set(frontier_states(db_url)) == {"done"}  # nothing left pending
    run1 = last_run(db_url)
    assert run1.mode == "incremental" and run1.finish_reason == "finished"

    # 2: nothing changed: every article request is conditional and answered 304; nothing stored
    mark = len(site.requests)
    crawl_epaper(run_scrapy, site, db_url, FIRST_TODAY)
    asked = article_paths(site, mark)
    assert asked, "the recheck window should ask about stored articles"
    assert all("If-None-Match" in headers for _, headers in asked)
    stats = last_run(db_url).stats
    assert stats["conditional/not_modified"] == len(asked)
    assert "epaper/article_pages" not in stats and "item_scraped_count" not in stats
    assert not any(key.startswith("persist/") for key in stats)
    assert article_rows(db_url) == rows
    assert not any(
        p.startswith(folder_of(ISSUE_DAYS[0])) for p, _ in requested(site, mark)
    )  # outside recheck

    # 3: a new day is published and one stored article is corrected
    new_paths = set(publish_day(site))
    changed_path = _changing_path(site)
    site.change(changed_path)
    crawl_epaper(run_scrapy, site, db_url, NEW_DAY)
    after = article_rows(db_url)
    added = {key: value for key, value in after.items() if key not in rows}
    assert {urlsplit(url).path for url, _ in added} == new_paths
    assert all(version == 1 for version, _, _ in added.values())
    changed = {key: value for key, value in after.items() if key in rows and value != rows[key]}
    assert [urlsplit(url).path for url, _ in changed] == [changed_path]
    ((key, (version, content_hash, kept)),) = changed.items()
    assert version == 2 and kept == 2 and content_hash != rows[key][1]
    stats = last_run(db_url).stats
    assert stats["persist/articles_updated"] == 1 and stats["persist/articles_new"] == len(new_paths)
    assert frontier_states(db_url).get("pending", 0) == 0


def _changing_path(site: LocalSite) -> str:
    """The article page the local copy can correct (its story is CHANGING_STORY)."""
    (path,) = [p for p, page in site.site.pages.items() if page.variant is not None]
    assert CHANGING_STORY and path.startswith(folder_of(ISSUE_DAYS[-1]))
    return path


def test_explicit_dates_force_the_range(run_scrapy, site: LocalSite, sqlite_url: str) -> None:
    crawl_epaper(run_scrapy, site, sqlite_url, FIRST_TODAY)
    mark = len(site.requests)
    crawl_epaper(run_scrapy, site, sqlite_url, FIRST_TODAY, "-a", f"start={ISSUE_DAYS[0]}", "-a",
                 f"end={ISSUE_DAYS[0]}")  # fmt: skip
    paths = [p for p, _ in requested(site, mark)]
    assert (
        f"{folder_of(ISSUE_DAYS[0])}/node_1.htm" in paths
    )  # outside the recheck window, asked because named
    assert not any(p.startswith(folder_of(ISSUE_DAYS[1])) for p in paths)
    assert last_run(sqlite_url).mode == "range"


# --- portal ---------------------------------------------------------------------------------------

NEW_ARTICLE_ID = 506


def add_portal_article(site: LocalSite) -> str:
    """A new article at the top of section 3's first listing page (the older rows move down)."""
    story = Story("p_new", "示范区新建三座口袋公园", [
        "示范区近日新建三座口袋公园,方便周边居民休闲健身,公园内设有步道和健身器材。",
        "据介绍,今年示范区还将继续推进城市绿化工程,让群众推窗见绿、出门见景。",
    ], ["王璐"])  # fmt: skip
    path = f"/news/ShowArticle.asp?ArticleID={NEW_ARTICLE_ID}"
    html = portal.article_page(
        story, "今日头条", "2021-03-05 09:00:00", "utf-8", "simplified", repeat_body=False
    )
    site.site.pages[path] = SitePage(html.encode("utf-8"), "text/html; charset=utf-8")
    rows = [
        (NEW_ARTICLE_ID, story.title or "", "2021-03-05"),
        (501, "旧稿", "2020-07-22"),
        (502, "旧稿", "2021-02-26"),
    ]
    listing = portal.listing_page(3, "今日头条", 1, 3, rows)
    site.site.pages["/news/ShowClass.asp?ClassID=3&page=1"] = SitePage(listing.encode("gbk"),
                                                                        "text/html; charset=gb2312")  # fmt: skip
    return path


def test_portal_stops_at_a_listing_page_of_known_articles(
    run_scrapy, site: LocalSite, sqlite_url: str
) -> None:
    args = (
        "crawl",
        "portal",
        "-a",
        "classes=3",
        "-s",
        f"PORTAL_ROOT={site.base_url}/",
        *FAST,
        *component_args(),
    )
    run_scrapy(*args, db=sqlite_url)
    first = article_rows(sqlite_url)
    assert len(first) == 3

    mark = len(site.requests)
    run_scrapy(*args, db=sqlite_url)
    listings = [p for p, _ in requested(site, mark) if "ShowClass" in p]
    assert listings == ["/news/ShowClass.asp?ClassID=3&page=1"]
    assert last_run(sqlite_url).stats["conditional/not_modified"] == 2  # the page's two articles, asked again
    assert article_rows(sqlite_url) == first

    new_path = add_portal_article(site)
    mark = len(site.requests)
    run_scrapy(*args, db=sqlite_url)
    listings = [p for p, _ in requested(site, mark) if "ShowClass" in p]
    assert listings == ["/news/ShowClass.asp?ClassID=3&page=1", "/news/ShowClass.asp?ClassID=3&page=2"]
    after = article_rows(sqlite_url)
    assert {urlsplit(u).path + "?" + urlsplit(u).query for u, _ in after if (u, _) not in first} == {new_path}
    assert all(after[key] == value for key, value in first.items())


def test_a_failing_article_is_asked_again_then_given_up(run_scrapy, site: LocalSite, sqlite_url: str) -> None:
    missing = sorted(
        p for p in site.site.pages if p.startswith(folder_of(ISSUE_DAYS[0])) and "/content_" in p
    )[0]
    del site.site.pages[missing]  # the site now answers 404 for it
    url = site.base_url + missing
    one_day = ("-a", f"start={ISSUE_DAYS[0]}", "-s", "FRONTIER_MAX_ATTEMPTS=2")
    crawl_epaper(run_scrapy, site, sqlite_url, FIRST_TODAY, *one_day)
    entry = frontier_entry(sqlite_url, url)
    assert (entry.state, entry.attempts, entry.last_error) == ("pending", 1, "HTTP 404")
    mark = len(site.requests)
    crawl_epaper(run_scrapy, site, sqlite_url, FIRST_TODAY, "-s", "EPAPER_RECHECK_DAYS=0", *one_day[2:])
    assert missing in [p for p, _ in requested(site, mark)]  # queued again from the frontier
    entry = frontier_entry(sqlite_url, url)
    assert (entry.state, entry.attempts) == ("failed", 2)
    assert url not in {u for u, _ in article_rows(sqlite_url)}


def frontier_entry(db_url: str, url: str):

    engine = make_engine(db_url)
    try:
        with Session(engine) as session:
            entry = session.get(FrontierEntry, url)
            session.expunge(entry)
            return entry
    finally:
        engine.dispose()
