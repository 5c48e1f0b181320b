"""What an incremental crawl fetches: helpers the web spiders call.

- e-paper: with no dates, the days from the one after the newest stored issue up to today (or the
  last ``EPAPER_BACKFILL_DAYS`` days when nothing is stored yet), plus the last
  ``EPAPER_RECHECK_DAYS`` stored days again, whose article pages go out as conditional requests;
- portal: whether the URLs of a listing page are all known already (the walk stops there).

Settings: ``EPAPER_BACKFILL_DAYS``, ``EPAPER_RECHECK_DAYS``, ``EPAPER_TODAY`` (a fixed "today", for
backfills and tests), ``EPAPER_TIMEZONE`` (whose calendar "today" follows).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from crawler.frontier import crawl_engine, frontier_store, stores_into_database
from crawler.models import FrontierEntry, Page, SourceState, UrlState

logger = logging.getLogger(__name__)

DEFAULT_BACKFILL_DAYS = 7  # EPAPER_BACKFILL_DAYS: days crawled by the first run on an empty database
DEFAULT_RECHECK_DAYS = 3  # EPAPER_RECHECK_DAYS: stored days asked about again (corrections, late pages)
# The paper's calendar: its issue of "today" is dated in China's time zone.
DEFAULT_TIMEZONE = "Asia/Shanghai"
CHINA_OFFSET = timezone(timedelta(hours=8))  # used when the zone database is missing


@dataclass
class DayPlan:
    """The days an e-paper run fetches, oldest first; ``recheck`` are those stored before."""

    days: list[date] = field(default_factory=list)
    recheck: list[date] = field(default_factory=list)
    newest: date | None = None

    def describe(self) -> str:
        new = [d for d in self.days if d not in self.recheck]
        parts = [f"{len(new)} new day(s)" + (f" {new[0]}..{new[-1]}" if new else "")]
        if self.recheck:
            parts.append(f"rechecking {self.recheck[0]}..{self.recheck[-1]}")
        parts.append(f"newest stored issue {self.newest or 'none'}")
        return ", ".join(parts)


def day_span(first: date, last: date) -> list[date]:
    return [first + timedelta(days=i) for i in range((last - first).days + 1)] if last >= first else []


def plan_days(newest: date | None, today: date, backfill_days: int, recheck_days: int) -> DayPlan:
    """Days after ``newest`` up to ``today`` and the last ``recheck_days`` up to ``newest`` (pure)."""
    if newest is None:
        return DayPlan(day_span(today - timedelta(days=max(1, backfill_days) - 1), today), [], None)
    recheck = day_span(newest - timedelta(days=max(0, recheck_days) - 1), newest) if recheck_days > 0 else []
    return DayPlan(recheck + day_span(newest + timedelta(days=1), today), recheck, newest)


def local_today(settings: Any) -> date:
    """``EPAPER_TODAY`` when set, else today's date on the paper's calendar."""
    fixed = settings.get("EPAPER_TODAY")
    if fixed:
        return date.fromisoformat(str(fixed))
    try:
        from zoneinfo import ZoneInfo

        zone: Any = ZoneInfo(settings.get("EPAPER_TIMEZONE") or DEFAULT_TIMEZONE)
    except Exception:  # no zone database on this machine
        zone = CHINA_OFFSET
    return datetime.now(zone).date()


def newest_issue(session: Session, source: str) -> date | None:
    """The source's newest issue seen; from its stored pages when no crawl recorded one yet."""
    day = session.scalar(select(SourceState.newest_issue).where(SourceState.source == source))
    if day is not None:
        return day
    return session.scalar(select(func.max(Page.pub_date)).where(Page.source == source))


def epaper_plan(crawler: Any, source: str) -> DayPlan:
    """The days an incremental e-paper run fetches, from the database and the settings."""
    s = crawler.settings
    newest = None
    if stores_into_database(s):  # a crawl that stores nothing starts from nothing
        with Session(crawl_engine(crawler)) as session:
            newest = newest_issue(session, source)
    return plan_days(
        newest,
        local_today(s),
        s.getint("EPAPER_BACKFILL_DAYS", DEFAULT_BACKFILL_DAYS),
        s.getint("EPAPER_RECHECK_DAYS", DEFAULT_RECHECK_DAYS),
    )


def known_urls(crawler: Any, urls: list[str]) -> set[str]:
    """Those of ``urls`` seen by an earlier run (or discovered already in this one)."""
    if not urls or not stores_into_database(crawler.settings):  # no database: nothing is known
        return set()
    if crawler.settings.getbool("FRONTIER_ENABLED", True):
        return frontier_store(crawler).known(urls)
    with Session(crawl_engine(crawler)) as session:
        found = set(session.scalars(select(FrontierEntry.url).where(FrontierEntry.url.in_(urls))))
        return found | set(session.scalars(select(UrlState.url).where(UrlState.url.in_(urls))))


# The components an incremental crawl needs, at their orders (merged into the project settings).
INCREMENTAL_COMPONENTS: dict[str, Any] = {
    "DOWNLOADER_MIDDLEWARES": {
        # below Retry (550): final answers only; validators out, 304 / unchanged bodies stop here
        "crawler.middlewares.conditional.ConditionalRequests": 530,
        # final download failures and refused requests count against their frontier rows
        "crawler.middlewares.frontier.FrontierOutcomes": 535,
    },
    # below PageCheck (950), Depth (900) and UrlLength (800): sees the requests and items that remain
    "SPIDER_MIDDLEWARES": {"crawler.middlewares.frontier.FrontierRequeue": 600},
    "EXTENSIONS": {"crawler.extensions.runlog.RunLog": 510, "crawler.extensions.coverage.CoverageAlarm": 520},
}


def with_components(settings: dict[str, Any]) -> dict[str, Any]:
    """``settings`` (component dicts of a project) with the incremental components added."""
    merged = dict(settings)
    for key, value in INCREMENTAL_COMPONENTS.items():
        merged[key] = {**(settings.get(key) or {}), **value} if isinstance(value, dict) else value
    return merged
