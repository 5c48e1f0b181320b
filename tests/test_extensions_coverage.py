"""Layout-change alarm: coverage counted per run, compared with earlier runs, a warning when a field drops."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from crawler.extensions.coverage import CoverageCounter, coverage_drops
from tests.sites.articles import epaper_stories
from tests.sites.build import ISSUE_DAYS
from tests.sites.server import LocalSite
from tests.test_incremental_sites import FAST, add_day, component_args, growing_site, last_run

# A template change: the headline cells and the hidden record that repeats the headline are gone.
HEADLINE_CELLS = re.compile(rb'<table class="headline".*?</table>|<!--enpproperty.*?/enpproperty-->', re.S)
CHANGED_DAY = "2019-12-27"


def article(title: str | None = "标题", body: str = "正文" * 60, reporters: tuple[str, ...] = ("付凯明",),
            kind: str = "article") -> dict:  # fmt: skip
    return {"kind": kind, "title": title, "body": body, "reporters": list(reporters), "photographers": []}


def test_counter_shares_over_articles_only() -> None:
    counter = CoverageCounter(body_chars=100)
    counter.add_page({"pub_date": "2019-12-23", "articles": [article(), article(title=None, reporters=())]})
    counter.add_page({"pub_date": None, "articles": [article(body="短"), article(kind="photo", title=None)]})
    assert counter.shares() == {"articles": 3, "title": 0.6667, "byline": 0.6667, "pub_date": 0.6667,
                                "body": 0.6667}  # fmt: skip
    assert CoverageCounter().shares()["title"] is None


def test_a_field_falling_well_below_its_usual_share_warns() -> None:
    usual = [{"articles": 40, "title": 0.98, "byline": 0.6, "pub_date": 1.0, "body": 0.9}] * 3
    now = {"articles": 30, "title": 0.1, "byline": 0.55, "pub_date": 1.0, "body": 0.88}
    (warning,) = coverage_drops(now, usual, min_articles=20)
    assert warning.startswith("title found in 10% of 30 articles, against 98% over the previous 3 run(s)")


@pytest.mark.parametrize(("now", "why"), [
    ({"articles": 30, "title": 0.8, "byline": 0.6, "pub_date": 1.0, "body": 0.9}, "a small dip"),
    ({"articles": 5, "title": 0.0, "byline": 0.0, "pub_date": 0.0, "body": 0.0}, "too few articles to judge"),
])  # fmt: skip
def test_no_warning(now: dict, why: str) -> None:
    usual = [{"articles": 40, "title": 0.98, "byline": 0.6, "pub_date": 1.0, "body": 0.9}]
    assert coverage_drops(now, usual, min_articles=20) == [], why


def test_low_baselines_and_small_earlier_runs_are_not_baselines() -> None:
    now = {"articles": 30, "title": 0.0, "byline": 0.05, "pub_date": 1.0, "body": 0.9}
    earlier = [{"articles": 40, "title": None, "byline": 0.15, "pub_date": 1.0, "body": 0.9},
               {"articles": 3, "title": 1.0, "byline": 1.0, "pub_date": 1.0, "body": 1.0}]  # fmt: skip
    assert coverage_drops(now, earlier, min_articles=20) == []


# --- a real crawl of a site whose template changed ------------------------------------------------


@pytest.fixture
def site() -> Iterator[LocalSite]:
    local = growing_site().start()
    yield local
    local.stop()


def publish_without_headlines(local: LocalSite) -> list[str]:
    stories = epaper_stories()
    keys = ["kaigong", "guanmo", "xinfang", "tewu", "banzi", "sanshi"]
    paths = add_day(local.site, CHANGED_DAY, [("01", "要闻", [stories[k] for k in keys])], first_id=4001)
    for path in paths:
        page = local.site.pages[path]
        page.body = HEADLINE_CELLS.sub(b"", page.body)
    return paths


def test_changed_layout_raises_the_alarm(run_scrapy, site: LocalSite, sqlite_url: str) -> None:
    def crawl(today: str):
        return run_scrapy("crawl", "epaper", "-s", f"EPAPER_ROOT={site.base_url}/rb/", "-s", f"EPAPER_TODAY={today}",
                          "-s", "EPAPER_BACKFILL_DAYS=4", "-s", "COVERAGE_MIN_ARTICLES=3", *FAST, *component_args(),
                          db=sqlite_url)  # fmt: skip

    first = crawl(ISSUE_DAYS[-1])
    assert "layout change?" not in first.stderr
    baseline = last_run(sqlite_url).coverage
    assert baseline["articles"] >= 3 and baseline["title"] == 1.0

    publish_without_headlines(site)
    second = crawl(CHANGED_DAY)
    coverage = last_run(sqlite_url).coverage
    assert coverage["articles"] == 6 and coverage["title"] <= 0.2
    assert re.search(r"WARNING: layout change\? epaper: title found in \d+% of 6 articles, against 100% over the "
                     r"previous 1 run\(s\)", second.stderr)  # fmt: skip
    assert last_run(sqlite_url).stats["coverage/warnings"] >= 1
