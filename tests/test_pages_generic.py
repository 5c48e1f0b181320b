"""The generic layout on pages of no known template: body container by structure, title, byline, date."""

from __future__ import annotations

import pytest

from crawler.pages import parse_html
from tests.test_pages_founder import load

PAGES = ["generic_cms_picture", "generic_cms_quote_lead", "generic_table_traditional"]


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("field", ["title", "paragraphs", "captions"])
def test_article_field(name: str, field: str) -> None:
    parsed, meta = load(name)
    assert parsed["layout"] == "generic-article"
    assert parsed["blocks"][0].get(field) == meta["expected"]["page"][field]


@pytest.mark.parametrize("name", PAGES)
def test_printed_date(name: str) -> None:
    parsed, meta = load(name)
    assert parsed["pub_date"] == meta["expected"]["pub_date"]


@pytest.mark.parametrize("name", PAGES)
def test_furniture_left_out(name: str) -> None:
    parsed, meta = load(name)
    block = parsed["blocks"][0]
    text = "\n".join(block["paragraphs"] + block["captions"])
    assert not [c for c in meta["expected"]["chrome"] if c in text]


def test_author_read_from_info_line() -> None:
    parsed, _ = load("generic_cms_picture")
    assert parsed["blocks"][0]["author"] == "记者 陈晓东"
    assert parsed["blocks"][0]["provenance"]["author"] == "generic:author-field"


def test_br_paragraphs_of_a_table_cell() -> None:
    parsed, _ = load("generic_table_traditional")
    assert parsed["blocks"][0]["provenance"]["paragraphs"] == "generic:densest-container"
    assert len(parsed["blocks"][0]["paragraphs"]) == 3


def test_page_without_a_convincing_body_goes_to_the_text_stages() -> None:
    html = ("<html><head><title>导航页</title></head><body><ul><li><a href='/a'>新闻一</a></li>"
            "<li><a href='/b'>新闻二</a></li></ul><div>联系我们</div></body></html>")
    parsed = parse_html("http://other.test/index.html", html)
    assert parsed["layout"] == "generic" and parsed["blocks"] is None
    assert "新闻一" in parsed["text"]


def test_link_lists_do_not_outscore_the_body() -> None:
    links = "".join(f"<li><a href='/n{i}'>相关新闻标题第{i}条,内容很长很长很长。</a></li>" for i in range(12))
    html = ("<html><head><title>正文标题 - 某报</title></head><body><h1>正文标题</h1>"
            "<div><p>第一段正文,讲述了这件事情的起因和经过,以及参与各方的看法。</p>"
            "<p>第二段正文,介绍了下一步的工作安排,以及完成各项任务的时间表。</p></div>"
            f"<div><ul>{links}</ul></div></body></html>")
    block = parse_html("http://other.test/2021/a.html", html)["blocks"][0]
    assert block["title"] == "正文标题"
    assert block["paragraphs"] == ["第一段正文,讲述了这件事情的起因和经过,以及参与各方的看法。",
                                   "第二段正文,介绍了下一步的工作安排,以及完成各项任务的时间表。"]
