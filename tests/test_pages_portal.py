"""Portal page objects against saved pages of the local copy."""

from __future__ import annotations

import pytest

from crawler.pages import parse_html
from tests.test_pages_founder import load


@pytest.mark.parametrize("name", ["portal_traditional_repeated", "portal_simplified"])
@pytest.mark.parametrize("field", ["title", "lead_title", "subtitle", "paragraphs", "captions"])
def test_article_field(name: str, field: str) -> None:
    parsed, meta = load(name)
    assert parsed["layout"] == "portal-article"
    assert parsed["blocks"][0].get(field) == meta["expected"]["page"][field]


@pytest.mark.parametrize("name", ["portal_traditional_repeated", "portal_simplified"])
def test_pub_date_from_printed_stamp(name: str) -> None:
    parsed, meta = load(name)
    assert parsed["pub_date"] == meta["expected"]["pub_date"]


def test_repeated_body_kept_once() -> None:
    parsed, _ = load("portal_traditional_repeated")
    paragraphs = parsed["blocks"][0]["paragraphs"]
    assert len(paragraphs) == len(set(paragraphs)) == 5


def test_reporters_line_becomes_author() -> None:
    trad, _ = load("portal_traditional_repeated")
    simp, _ = load("portal_simplified")
    assert trad["blocks"][0]["author"] == "記者郭嘉莉、楊麗娜"
    assert simp["blocks"][0]["author"] == "记者付凯明"
    assert not any("記者" in p for p in trad["blocks"][0]["paragraphs"])


def test_disclaimer_and_scan_line_left_out() -> None:
    parsed, _ = load("portal_traditional_repeated")
    body = "\n".join(parsed["blocks"][0]["paragraphs"])
    assert "免責聲明" not in body and "掃一掃" not in body and "今日頭條" not in body


def test_listing_page_links_articles_and_pager() -> None:
    parsed, _ = load("portal_listing")
    assert parsed["layout"] == "portal-listing"
    assert parsed["blocks"] == []
    assert any("ShowArticle.asp?ArticleID=501" in link for link in parsed["links"])
    assert any("ShowClass.asp?ClassID=3&page=2" in link for link in parsed["links"])


def test_title_falls_back_to_window_title() -> None:
    html = ("<html><head><title>新闻标题在这里_焦作网</title></head><body>"
            '<div class="pcbdmap"><p>正文。</p></div></body></html>')
    block = parse_html("http://www.example.test/news/a.asp", html)["blocks"][0]
    assert block["title"] == "新闻标题在这里"
    assert block["provenance"]["title"] == "portal:window-title"
