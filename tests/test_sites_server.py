"""The local copy's server: validators, 304, 404 day, changing page."""

from __future__ import annotations

import urllib.error
import urllib.request

import pytest

from tests.sites.build import CHANGING_STORY, NO_ISSUE_DAY
from tests.sites.server import LocalSite


def get(url: str, **headers: str) -> tuple[int, bytes, dict[str, str]]:
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=5) as r:
            return r.status, r.read(), dict(r.headers.items())
    except urllib.error.HTTPError as e:
        return e.code, e.read(), dict(e.headers.items())


def test_conditional_requests_get_304(local_site: LocalSite) -> None:
    url = local_site.base_url + "/rb/html/2019-12/23/node_1.htm"
    status, _, headers = get(url)
    assert status == 200 and headers["ETag"] and headers["Last-Modified"]
    assert get(url, **{"If-None-Match": headers["ETag"]})[0] == 304
    assert get(url, **{"If-Modified-Since": headers["Last-Modified"]})[0] == 304


def test_day_without_issue_is_404(local_site: LocalSite) -> None:
    folder = NO_ISSUE_DAY[:7] + "/" + NO_ISSUE_DAY[8:]
    assert get(f"{local_site.base_url}/rb/html/{folder}/node_1.htm")[0] == 404


def test_changed_page_gets_new_text_and_validators(local_site: LocalSite) -> None:
    path = next(p for p, page in local_site.site.pages.items() if page.variant is not None)
    status, before, headers = get(local_site.base_url + path)
    local_site.change(path)
    status, after, new_headers = get(local_site.base_url + path, **{"If-None-Match": headers["ETag"]})
    assert status == 200 and before != after and new_headers["ETag"] != headers["ETag"]
    assert "(此稿已更正)".encode() in after
    assert CHANGING_STORY


def test_control_url_changes_a_page(local_site: LocalSite) -> None:
    path = next(p for p, page in local_site.site.pages.items() if page.variant is not None)
    assert get(f"{local_site.base_url}/_control/change?path={path}")[0] == 200
    assert path in local_site.changed


@pytest.mark.parametrize("charset", ["gb2312", "utf-8"])
def test_both_charsets_served(local_site: LocalSite, charset: str) -> None:
    metas = [p.body[:400].lower() for p in local_site.site.pages.values() if p.content_type.startswith("text/html")]
    assert any(f"charset={charset}".encode() in m for m in metas)


def test_article_pages_show_the_furniture_they_declare(local_site: LocalSite) -> None:
    from crawler.decoding import decode_bytes

    for rec in local_site.site.expected:
        page = local_site.site.pages[rec["path"]]
        text = decode_bytes(page.body, page.content_type.partition("charset=")[2] or None, html=True).text
        assert rec["chrome"], rec["path"]
        assert all(c in text for c in rec["chrome"]), rec["path"]


def test_furniture_worded_by_period(local_site: LocalSite) -> None:
    bodies = {path[9:19]: page.body for path, page in local_site.site.pages.items() if "/content_" in path}
    early = bodies["2011-06/15"].decode("gbk")
    assert "焦作论坛" in early and "t.sina.com.cn" in early and "移动手机用户" in early
    assert "焦作日报客户端" not in early
    assert "焦作日报客户端" in bodies["2019-12/25"].decode("utf-8")


def test_other_papers_served_in_their_charsets(local_site: LocalSite) -> None:
    status, body, _ = get(local_site.base_url + "/bc/news/20220518/n1234.htm")
    assert status == 200 and "漁港碼頭擴建工程動工" in body.decode("big5")
    assert get(local_site.base_url + "/wb/content/2021-03/05/article_88123.html")[0] == 200
