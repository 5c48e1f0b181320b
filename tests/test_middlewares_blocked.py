"""Stopping a host after a run of 403/412/521."""

from __future__ import annotations

import pytest
from scrapy import Request
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import Response

from crawler.middlewares.blocked import BlockedHostStop


def answer(mw: BlockedHostStop, url: str, status: int) -> None:
    mw.process_response(Request(url), Response(url, status=status))


def test_run_of_refusals_blocks_the_host() -> None:
    mw = BlockedHostStop(after=3)
    for status in (403, 412, 521):
        answer(mw, "http://a.test/x", status)
    assert mw.blocked == {"a.test"}
    with pytest.raises(IgnoreRequest):
        mw.process_request(Request("http://a.test/y"))
    assert mw.process_request(Request("http://b.test/y")) is None


def test_other_answer_ends_the_run() -> None:
    mw = BlockedHostStop(after=3)
    for status in (403, 403, 200, 403, 403):
        answer(mw, "http://a.test/x", status)
    assert mw.blocked == set()


def test_hosts_counted_apart() -> None:
    mw = BlockedHostStop(after=2)
    answer(mw, "http://a.test/x", 403)
    answer(mw, "http://b.test/x", 403)
    assert mw.blocked == set()


def test_zero_turns_it_off() -> None:
    with pytest.raises(NotConfigured):
        BlockedHostStop(after=0)
