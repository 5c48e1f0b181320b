"""Sites and helpers for the incremental-crawl tests (and checks that they serve what they should).

- :func:`growing_site`: the local copy without its fault day, plus :func:`publish_day` to add a day later;
- :func:`big_site`: many days of articles, for crawls killed at random points;
- :func:`component_args`: ``-s`` options enabling the incremental components on top of the project's;
- :func:`article_rows` / :func:`last_run`: what a database holds, on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

import json
import urllib.request
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from crawler import settings as project_settings
from crawler.db import make_engine
from crawler.incremental import with_components
from crawler.models import Article, ArticleVersion, CrawlRun, FrontierEntry
from tests.sites import epaper
from tests.sites.articles import Story, epaper_stories
from tests.sites.build import EPAPER_PREFIX, FAULT_DAY, Site, SitePage, build_site
from tests.sites.server import LocalSite

# No politeness delays against our own loopback server.
FAST = ("-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "LOG_LEVEL=INFO")
NEW_DAY = "2019-12-27"  # the day growing_site publishes on request
NEW_DAY_LAYOUT = [("01", "要闻", ["kaigong", "tewu"]), ("02", "综合", ["guanmo", "xinfang"])]
NEW_DAY_FIRST_ID = 3001
STYLE = epaper.IssueStyle("classic", "utf-8", "utf-8", enp=True)
CONTENT_TYPE = "text/html; charset=utf-8"


def component_args() -> list[str]:
    """``-s`` pairs: the project's component dicts with the incremental components added."""
    names = ("DOWNLOADER_MIDDLEWARES", "SPIDER_MIDDLEWARES", "EXTENSIONS")
    base = {name: getattr(project_settings, name, None) for name in names}
    args: list[str] = []
    for name, value in with_components({k: v for k, v in base.items() if v is not None}).items():
        args += ["-s", f"{name}={json.dumps(value) if isinstance(value, dict) else value}"]
    return args


def folder_of(day: str) -> str:
    return f"{EPAPER_PREFIX}/{day[:7]}/{day[8:]}"


def add_day(site: Site, day: str, layout: list[tuple[str, str, list[Story]]], first_id: int,
            style: epaper.IssueStyle = STYLE) -> list[str]:  # fmt: skip
    """Pages of one issue (edition and article pages) into ``site``; answers the article paths."""
    editions, cid = [], first_id
    for number, name, stories in layout:
        editions.append(epaper.Edition(number, name, [(cid + i, s) for i, s in enumerate(stories)]))
        cid += len(stories)
    folder, articles = folder_of(day), []
    for index, edition in enumerate(editions):
        html = epaper.edition_page(day, editions, index, style)
        site.pages[f"{folder}/node_{index + 1}.htm"] = SitePage(html.encode(style.charset), CONTENT_TYPE)
        for pos, (number, _) in enumerate(edition.stories):
            path = f"{folder}/content_{number}.htm"
            html = epaper.article_page(day, editions, index, pos, style)
            site.pages[path] = SitePage(html.encode(style.charset), CONTENT_TYPE)
            articles.append(path)
    return articles


def growing_site() -> LocalSite:
    """The local copy without its fault day (slow and broken pages belong to other tests); not started."""
    site = build_site()
    for path in [p for p in site.pages if p.startswith(folder_of(FAULT_DAY))]:
        del site.pages[path]
    return LocalSite(site)


def publish_day(local: LocalSite) -> list[str]:
    """Publish :data:`NEW_DAY` on a running site; answers its article paths."""
    stories = epaper_stories()
    layout = [(number, name, [stories[k] for k in keys]) for number, name, keys in NEW_DAY_LAYOUT]
    return add_day(local.site, NEW_DAY, layout, NEW_DAY_FIRST_ID)


def big_site(
    first_day: str, days: int, editions: int = 2, per_edition: int = 4
) -> tuple[LocalSite, list[str]]:
    """``days`` issues of ``editions`` x ``per_edition`` articles each; answers the site and article paths."""
    site = Site()
    site.pages["/robots.txt"] = SitePage(b"User-agent: *\nDisallow: /private/\n", "text/plain")
    pool = [s for k, s in epaper_stories().items() if not k.startswith("fault")]
    articles, cid, start = [], 5001, date.fromisoformat(first_day)
    for d in range(days):
        layout = []
        for e in range(editions):
            stories = [pool[(d * 7 + e * per_edition + i) % len(pool)] for i in range(per_edition)]
            layout.append((f"{e + 1:02d}", f"第{e + 1}版", stories))
        articles += add_day(site, (start + timedelta(days=d)).isoformat(), layout, cid)
        cid += editions * per_edition
    return LocalSite(site), articles


def article_rows(db_url: str) -> dict[tuple[str, int], tuple[int, str, int]]:
    """(url, position) -> (current version, current content hash, versions kept)."""
    engine = make_engine(db_url)
    try:
        with Session(engine) as session:
            out = {}
            for article in session.scalars(select(Article)):
                versions = session.scalars(
                    select(ArticleVersion).where(ArticleVersion.article_id == article.id)
                )
                by_number = {v.version: v for v in versions}
                current = by_number[article.current_version]
                out[(article.url, article.position)] = (article.current_version, current.content_hash,
                                                        len(by_number))  # fmt: skip
            return out
    finally:
        engine.dispose()


def last_run(db_url: str) -> CrawlRun:
    engine = make_engine(db_url)
    try:
        with Session(engine) as session:
            run = session.scalars(select(CrawlRun).order_by(CrawlRun.id.desc()).limit(1)).one()
            session.expunge(run)
            return run
    finally:
        engine.dispose()


def frontier_states(db_url: str) -> dict[str, int]:
    engine = make_engine(db_url)
    try:
        with Session(engine) as session:
            counts: dict[str, int] = {}
            for state in session.scalars(select(FrontierEntry.state)):
                counts[state] = counts.get(state, 0) + 1
            return counts
    finally:
        engine.dispose()


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=10) as answer:
        return answer.read()


# --- the helpers themselves -------------------------------------------------------------------------


def test_growing_site_publishes_a_day_with_linked_articles() -> None:
    local = growing_site().start()
    try:
        assert not any(p.startswith(folder_of(FAULT_DAY)) for p in local.site.pages)
        articles = publish_day(local)
        assert len(articles) == sum(len(keys) for _, _, keys in NEW_DAY_LAYOUT)
        entry = fetch(f"{local.base_url}{folder_of(NEW_DAY)}/node_1.htm").decode("utf-8")
        assert "node_2.htm" in entry and f"content_{NEW_DAY_FIRST_ID}.htm" in entry
        assert "黄河岸边的守堤人" in fetch(local.base_url + articles[1]).decode("utf-8")
    finally:
        local.stop()


def test_big_site_has_distinct_article_pages() -> None:
    local, articles = big_site("2020-01-01", days=3, editions=2, per_edition=3)
    assert len(articles) == len(set(articles)) == 18
    assert all(p in local.site.pages for p in articles)


def test_component_args_add_the_incremental_components() -> None:
    args = component_args()
    pairs = dict(a.split("=", 1) for a in args[1::2])
    assert "crawler.middlewares.conditional.ConditionalRequests" in json.loads(
        pairs["DOWNLOADER_MIDDLEWARES"]
    )
    assert "crawler.middlewares.frontier.FrontierRequeue" in json.loads(pairs["SPIDER_MIDDLEWARES"])
    assert "crawler.extensions.summary.RunSummary" in json.loads(pairs["EXTENSIONS"])  # the project's stay
