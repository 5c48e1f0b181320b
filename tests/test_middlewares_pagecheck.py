"""Soft 404s and pages cut short."""

from __future__ import annotations

from scrapy.http import HtmlResponse

from crawler.items import PageItem
from crawler.middlewares.pagecheck import cut_short, is_soft_not_found


def test_not_found_page_with_200_is_soft_404() -> None:
    assert is_soft_not_found(PageItem(text="404 页面不存在", blocks=None))


def test_empty_article_page_is_soft_404() -> None:
    assert is_soft_not_found(PageItem(text="第01版:要闻", blocks=[{"paragraphs": [], "captions": []}]))
    assert is_soft_not_found(PageItem(text="", blocks=None))


def test_real_article_is_kept() -> None:
    item = PageItem(text="标题\n正文提到404个项目。" + "内容" * 200, blocks=[{"paragraphs": ["正文"], "captions": []}])
    assert not is_soft_not_found(item)


def test_cut_short_by_flag_or_missing_end() -> None:
    whole = b"<html><body><p>x</p></body></html>"
    assert cut_short(HtmlResponse("http://a.test/", body=whole)) is None
    assert cut_short(HtmlResponse("http://a.test/", body=whole, flags=["dataloss"])) == \
        "transfer cut short (dataloss)"
    assert cut_short(HtmlResponse("http://a.test/", body=b"<html><body><p>x")) == "HTML ends before </html>"
