"""The e-paper spider against the local copy, crawled in a subprocess (items via item_scraped)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.sites.build import ARCHIVE_DAYS, FAULT_DAY, ISSUE_DAYS, NO_ISSUE_DAY
from tests.sites.server import LocalSite

ROOT = Path(__file__).resolve().parent.parent


def crawl(spider: str, out: Path, *args: str) -> tuple[list[dict[str, Any]], dict[str, Any], str]:
    """Run ``spider`` with ``args`` (``-a``/``-s`` pairs); answer items, final stats and the log."""
    proc = subprocess.run([sys.executable, "-m", "tests.sites.crawl", spider, str(out), *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-3000:]
    items = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    stats = json.loads(Path(f"{out}.stats").read_text(encoding="utf-8"))
    return items, stats, proc.stderr


def page_view(item: dict[str, Any]) -> dict[str, Any]:
    block = item["blocks"][0]
    return {k: block.get(k) for k in ("title", "lead_title", "subtitle", "paragraphs", "captions")}


@pytest.fixture(scope="module")
def issue_crawl(_local_site_session: LocalSite, tmp_path_factory: pytest.TempPathFactory) -> tuple:
    out = tmp_path_factory.mktemp("epaper") / "items.jsonl"
    return crawl("epaper", out, "-a", f"start={ISSUE_DAYS[0]}", "-a", f"end={ISSUE_DAYS[-1]}",
                 "-s", f"EPAPER_ROOT={_local_site_session.base_url}/rb/")


def expected_epaper(expected_records: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {r["path"]: r for r in expected_records if r["source"] == "epaper" and r["pub_date"] in ISSUE_DAYS}


def test_every_article_of_the_days_once(issue_crawl: tuple, expected_records: list, site_url: str) -> None:
    items, _, _ = issue_crawl
    paths = [i["url"].removeprefix(site_url) for i in items]
    assert sorted(paths) == sorted(expected_epaper(expected_records))


def test_each_record_equals_expected(issue_crawl: tuple, expected_records: list, site_url: str) -> None:
    items, _, _ = issue_crawl
    expected = expected_epaper(expected_records)
    for item in items:
        want = expected[item["url"].removeprefix(site_url)]
        assert page_view(item) == want["page"], item["url"]
        got_meta = {k: item.get(k) for k in ("pub_date", "page_no", "page_name", "newspaper", "page_toc")}
        assert got_meta == {k: want[k] for k in got_meta}, item["url"]
        assert item["source"] == "epaper" and item["origin"] == item["url"]


def test_day_without_issue_is_info_not_error(issue_crawl: tuple) -> None:
    _, stats, log = issue_crawl
    assert f"no issue on {NO_ISSUE_DAY}" in log
    assert stats["stats"]["epaper/no_issue"] == 1
    assert "log_count/ERROR" not in stats["stats"]
    assert stats["reason"] == "finished"


def test_validators_recorded(issue_crawl: tuple) -> None:
    items, _, _ = issue_crawl
    assert all(i.get("etag") and i.get("last_modified") and i["http_status"] == 200 for i in items)


def test_faults_logged_and_crawl_finishes(local_site: LocalSite, tmp_path: Path) -> None:
    local_site.slow_seconds = 2.5
    items, stats, log = crawl(
        "epaper", tmp_path / "faults.jsonl", "-a", f"start={FAULT_DAY}",
        "-s", f"EPAPER_ROOT={local_site.base_url}/rb/", "-s", "DOWNLOAD_TIMEOUT=1", "-s", "RETRY_TIMES=1",
        "-s", "DOWNLOAD_MAXSIZE=1000000",
    )
    by_path = {i["url"].removeprefix(local_site.base_url): i for i in items}
    ok, slow, broken, big = (f"/rb/html/2019-12/27/content_{n}.htm" for n in (1013, 1014, 1015, 1016))
    assert set(by_path) == {ok, broken}
    assert "timed out: " + local_site.base_url + slow in log
    assert "refused oversized page: " + local_site.base_url + big in log
    assert by_path[broken]["warnings"] == ["broken page: transfer cut short (dataloss)"]
    assert len(by_path[broken]["blocks"][0]["paragraphs"]) >= 3
    assert stats["stats"]["faults/timeout"] == 1 and stats["stats"]["faults/oversized"] == 1
    assert stats["reason"] == "finished"


def test_unreachable_robots_txt_disallows_the_host(local_site: LocalSite, tmp_path: Path) -> None:
    local_site.robots_status = 503
    items, stats, log = crawl("epaper", tmp_path / "robots.jsonl", "-a", f"start={ISSUE_DAYS[0]}",
                              "-s", f"EPAPER_ROOT={local_site.base_url}/rb/", "-s", "RETRY_TIMES=0")
    assert items == []
    assert "robots.txt of" in log and "host disallowed for this run" in log
    assert stats["stats"]["robotstxt/unreachable"] == 1
    assert local_site.hits("/rb/html/2019-12/23/node_1.htm") == 0


@pytest.mark.parametrize("day", ARCHIVE_DAYS)
def test_older_templates_read_as_printed(_local_site_session: LocalSite, expected_records: list, day: str,
                                         tmp_path: Path) -> None:
    base = _local_site_session.base_url
    items, stats, _ = crawl("epaper", tmp_path / "old.jsonl", "-a", f"start={day}", "-s", f"EPAPER_ROOT={base}/rb/")
    expected = {r["path"]: r for r in expected_records if r["source"] == "epaper" and r["pub_date"] == day}
    got = {i["url"].removeprefix(base): i for i in items}
    assert set(got) == set(expected) and stats["reason"] == "finished"
    for path, item in got.items():
        assert page_view(item) == expected[path]["page"], path
        text = "".join(item["blocks"][0]["paragraphs"] + item["blocks"][0]["captions"])
        assert not [c for c in expected[path]["chrome"] if c in text], path
