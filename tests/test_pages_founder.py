"""Founder e-paper page objects against saved pages of the local copy (one test per field)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from crawler.decoding import decode_bytes
from crawler.pages import parse_html

FIXTURES = Path(__file__).parent / "fixtures" / "html"
ARTICLES = ["founder_classic_gbk", "founder_classic_author", "founder_classic_photo", "founder_modern_utf8",
            "founder_sizes_noenp", "founder_caption_noenp", "founder_early_markers_only", "founder_early_photo",
            "founder_early_picture_in_article", "founder_bare_ozoom_author", "founder_bare_ozoom_subtitle"]
HEADLINE_FIELDS = ["lead_title", "title", "subtitle", "paragraphs", "captions"]
PAGE_FIELDS = ["pub_date", "page_no", "page_name", "newspaper", "page_toc"]


def load(name: str) -> tuple[dict[str, Any], dict[str, Any]]:
    meta = json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))
    raw = (FIXTURES / f"{name}.html").read_bytes()
    charset = meta["content_type"].partition("charset=")[2] or None
    return parse_html(meta["url"], decode_bytes(raw, charset, html=True).text), meta


@pytest.mark.parametrize("name", ARTICLES)
@pytest.mark.parametrize("field", HEADLINE_FIELDS)
def test_article_block_field(name: str, field: str) -> None:
    parsed, meta = load(name)
    assert parsed["layout"] == "founder-article"
    assert len(parsed["blocks"]) == 1
    assert parsed["blocks"][0].get(field) == meta["expected"]["page"][field]


@pytest.mark.parametrize("name", ARTICLES)
@pytest.mark.parametrize("field", PAGE_FIELDS)
def test_page_field(name: str, field: str) -> None:
    parsed, meta = load(name)
    assert parsed[field] == meta["expected"][field]


@pytest.mark.parametrize("name", ARTICLES)
def test_kind(name: str) -> None:
    parsed, meta = load(name)
    assert parsed["blocks"][0]["kind"] == meta["expected"]["kind"]


def test_author_line_read_above_body() -> None:
    parsed, _ = load("founder_classic_author")
    assert parsed["blocks"][0]["author"] == "本报特派记者 董柏生"
    assert parsed["blocks"][0]["provenance"]["author"] == "founder:author-line"


def test_dateline_stays_in_first_paragraph() -> None:
    parsed, _ = load("founder_classic_gbk")
    assert parsed["blocks"][0]["paragraphs"][0].startswith("本报讯(记者郭树勋)12月21日")


def test_indentation_stripped_from_paragraphs() -> None:
    parsed, _ = load("founder_modern_utf8")
    assert all(not p.startswith(("\u3000", " ")) for p in parsed["blocks"][0]["paragraphs"])


def test_provenance_names_the_rule() -> None:
    enp, _ = load("founder_classic_gbk")
    fonts, _ = load("founder_sizes_noenp")
    assert enp["blocks"][0]["provenance"]["title"] == "founder:enpproperty"
    assert fonts["blocks"][0]["provenance"]["title"] == "founder:headline-font"


@pytest.mark.parametrize("name", ARTICLES)
def test_chrome_left_out_of_paragraphs(name: str) -> None:
    parsed, meta = load(name)
    body = "\n".join(parsed["blocks"][0]["paragraphs"] + parsed["blocks"][0]["captions"])
    assert meta["expected"]["chrome"]
    for chrome in meta["expected"]["chrome"]:
        assert chrome not in body


def test_furniture_inside_the_zoom_area_dropped_by_line_rules() -> None:
    parsed, _ = load("founder_bare_ozoom_author")
    assert parsed["blocks"][0]["provenance"]["paragraphs"] == "founder:body-container+furniture-rules"


def test_markers_delimit_the_text_without_founder_content() -> None:
    parsed, _ = load("founder_early_markers_only")
    assert parsed["blocks"][0]["provenance"]["paragraphs"] == "founder:enpcontent"
    assert parsed["blocks"][0]["lead_title"] == "确保农民售粮方便 确保收购资金到位"


def test_two_headline_cells_sized_by_the_page_style_sheet() -> None:
    parsed, _ = load("founder_bare_ozoom_subtitle")
    block = parsed["blocks"][0]
    assert (block["title"], block["subtitle"]) == ("太极拳国际交流活动在温县举行", "12个国家和地区的爱好者切磋拳艺")
    assert block["provenance"]["title"] == "founder:headline-font"


def test_class_sizes_read_from_style_sheet() -> None:
    from crawler.pages.founder import class_sizes

    markup = "<style>.big { color:red; font-size: 24px } .small{font-size:12pt}</style><p class=big>x</p>"
    assert class_sizes(markup) == {"big": 24.0, "small": 12 * 1.33}


def test_edition_page_has_no_article_but_links() -> None:
    parsed, _ = load("founder_edition")
    assert parsed["layout"] == "founder-edition"
    assert parsed["blocks"] == []
    assert (parsed["page_no"], parsed["page_name"]) == ("05", "焦作市城乡一体化示范区导刊")
    assert parsed["page_toc"] == ["示范区举行重点项目集中观摩 暨全区项目建设工作会议",
                                  "吕沛到区信访接待中心现场调研并接待群众来访", "图片新闻"]
    assert any(link.endswith("/content_1003.htm") for link in parsed["links"])
    assert any(link.endswith("/node_1.htm") for link in parsed["links"])


def test_two_headline_cells_without_sizes_stay_unresolved() -> None:
    html = (
        '<html><head><title>某某日报</title></head><body><table><tr><td class="font02">第一行标题</td></tr>'
        '<tr><td class="font02">第二行标题</td></tr></table><div id="ozoom"><founder-content>'
        "<p>\u3000\u3000正文第一段。</p></founder-content></div></body></html>"
    )
    block = parse_html("http://e.test/html/2020-01/02/content_1.htm", html)["blocks"][0]
    assert block["headlines"] == ["第一行标题", "第二行标题"]
    assert "title" not in block
