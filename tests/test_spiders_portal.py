"""The portal spider against the local copy."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.sites.server import LocalSite
from tests.test_spiders_epaper import crawl, page_view


@pytest.fixture(scope="module")
def portal_crawl(_local_site_session: LocalSite, tmp_path_factory: pytest.TempPathFactory) -> tuple:
    out = tmp_path_factory.mktemp("portal") / "items.jsonl"
    return crawl("portal", out, "-a", "classes=3,4", "-s", f"PORTAL_ROOT={_local_site_session.base_url}/")


def test_every_article_once_and_equal_to_expected(portal_crawl: tuple, expected_records: list[dict[str, Any]],
                                                  site_url: str) -> None:
    items, stats, _ = portal_crawl
    expected = {r["path"]: r for r in expected_records if r["source"] == "portal"}
    got = {i["url"].removeprefix(site_url): i for i in items}
    assert len(items) == len(got) == len(expected)
    assert set(got) == set(expected)
    for path, item in got.items():
        assert page_view(item) == expected[path]["page"], path
        assert item["pub_date"] == expected[path]["pub_date"], path
    assert stats["reason"] == "finished"


def test_stops_at_the_last_listing_page(portal_crawl: tuple) -> None:
    _, stats, log = portal_crawl
    assert "section 3: last listing page is 2" in log
    assert "section 4: last listing page is 1" in log
    assert stats["stats"]["portal/listing_pages"] == 3


def test_max_pages_limits_the_walk(local_site: LocalSite, tmp_path: Path) -> None:
    items, stats, _ = crawl("portal", tmp_path / "one.jsonl", "-a", "classes=3", "-a", "max_pages=1",
                            "-s", f"PORTAL_ROOT={local_site.base_url}/")
    assert stats["stats"]["portal/listing_pages"] == 1
    assert len(items) == 2
