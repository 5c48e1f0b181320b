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
