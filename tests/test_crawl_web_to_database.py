"""Web spiders through every pipeline into a real database: each article once, equal to the expected record."""

from __future__ import annotations

import json
import unicodedata
from typing import Any

import pytest

from tests.sites.build import ISSUE_DAYS

# Settings that make a crawl of the local copy quick (no politeness delays against our own server).
FAST = ("-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "LOG_LEVEL=INFO")
# Fields the expected record states exactly.
EXACT_FIELDS = ("kind", "lead_title", "title", "subtitle", "reporters", "photographers", "pub_date", "page_no",
                "page_name", "newspaper")  # fmt: skip


def squeeze(text: str) -> str:
    """Compare text as the scorer does: NFKC, no whitespace."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def exported(run_scrapy, db: str) -> list[dict[str, Any]]:
    proc = run_scrapy("export", db=db)
    return [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]


def check_records(records: list[dict[str, Any]], expected: list[dict[str, Any]], site_url: str) -> None:
    by_url = {}
    for rec in records:
        assert rec["url"] not in by_url or rec["position"] != by_url[rec["url"]]["position"]
        by_url.setdefault(rec["url"], rec)
    assert len(records) == len(expected), sorted(r["url"] for r in records)
    for want in expected:
        got = by_url.get(site_url + want["path"])
        assert got is not None, f"{want['path']} was not stored"
        for field in EXACT_FIELDS:
            if field in want:
                assert got[field] == want[field], f"{want['path']}: {field} = {got[field]!r}, expected {want[field]!r}"
        for snippet in want["body_snippets"]:
            assert snippet in got["body"] + "".join(got["captions"]), f"{want['path']}: body lacks {snippet!r}"
        body = squeeze(got["body"])
        for furniture in want.get("chrome", []):
            assert squeeze(furniture) not in body, f"{want['path']}: body leaks page furniture {furniture!r}"
        assert got["version"] == 1


@pytest.mark.parametrize("db_kind", ["sqlite", "postgresql"])
def test_epaper_days_stored_once(run_scrapy, local_site, site_url, expected_records, db_kind, request, tmp_path):
    db = f"sqlite:///{tmp_path / 'web.sqlite'}" if db_kind == "sqlite" else request.getfixturevalue("postgres_url")
    args = ("crawl", "epaper", "-a", f"start={ISSUE_DAYS[0]}", "-a", f"end={ISSUE_DAYS[-1]}",
            "-s", f"EPAPER_ROOT={site_url}/rb/", *FAST)  # fmt: skip
    proc = run_scrapy(*args, db=db)
    assert "no issue on 2019-12-24" in proc.stderr
    want = [r for r in expected_records if r["source"] == "epaper" and r["pub_date"] in ISSUE_DAYS]
    check_records(exported(run_scrapy, db), want, site_url)
    again = run_scrapy(*args, db=db)
    assert " 0 new / 0 updated" in again.stdout


def test_portal_stored_once(run_scrapy, local_site, site_url, expected_records, sqlite_url):
    run_scrapy("crawl", "portal", "-a", "classes=3,4", "-s", f"PORTAL_ROOT={site_url}/", *FAST, db=sqlite_url)
    want = [r for r in expected_records if r["source"] == "portal"]
    records = exported(run_scrapy, sqlite_url)
    check_records(records, want, site_url)
    scripts = {r["script"] for r in records}
    assert "traditional" in scripts and "simplified" in scripts
