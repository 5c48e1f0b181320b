"""The private-address guard."""

from __future__ import annotations

import asyncio

import pytest
from scrapy import Request, Spider
from scrapy.exceptions import IgnoreRequest
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler

from crawler.middlewares.safety import PrivateAddressGuard, is_private_address


class RootedSpider(Spider):
    name = "rooted"
    root_url = "http://127.0.0.1:8000/rb/"


def guard(root: str | None = "http://epaper.example.test/rb/") -> PrivateAddressGuard:
    crawler = get_crawler(RootedSpider)
    crawler.spider = RootedSpider()
    crawler.spider.root_url = root
    crawler.stats.open_spider()
    return PrivateAddressGuard(crawler)


@pytest.mark.parametrize("address", ["127.0.0.1", "10.1.2.3", "192.168.0.9", "172.16.5.5", "169.254.169.254",
                                     "::1", "fe80::1", "0.0.0.0", "::ffff:127.0.0.1"])
def test_private_addresses(address: str) -> None:
    assert is_private_address(address)


@pytest.mark.parametrize("address", ["8.8.8.8", "220.181.38.148", "2001:4860:4860::8888", "epaper.jzrb.com"])
def test_public_addresses_and_names(address: str) -> None:
    assert not is_private_address(address)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "data:text/html,<p>x</p>", "ftp://example.test/a",
                                 "http://127.0.0.1/admin", "http://localhost:8080/", "http://10.0.0.1/",
                                 "http://[::1]/", "http://169.254.169.254/latest/meta-data/"])
def test_refused_before_any_download(url: str) -> None:
    g = guard()
    with pytest.raises(IgnoreRequest):
        g.check_url(Request(url))
    assert g.crawler.stats.get_value("safety/refused") == 1


def test_local_root_host_is_allowed_in_tests_but_other_private_hosts_are_not() -> None:
    g = guard("http://127.0.0.1:8000/rb/")
    assert g.check_url(Request("http://127.0.0.1:8000/rb/html/2019-12/23/node_1.htm")) is None
    with pytest.raises(IgnoreRequest):
        g.check_url(Request("http://10.0.0.1/rb/"))


def test_local_host_names_refused_without_lookup() -> None:
    g = guard()
    with pytest.raises(IgnoreRequest):
        g.check_url(Request("http://localhost.localdomain/"))


def test_public_name_left_to_resolve() -> None:
    assert guard().check_url(Request("http://news.example.test/rb/")) == "news.example.test"


def test_response_from_private_address_refused() -> None:
    import ipaddress

    g = guard()
    request = Request("http://news.example.test/rb/a.htm")
    response = HtmlResponse(request.url, body=b"<html></html>", request=request,
                            ip_address=ipaddress.ip_address("192.168.1.1"))
    with pytest.raises(IgnoreRequest):
        g.process_response(request, response)


def test_process_request_passes_public_ip_literal() -> None:
    assert asyncio.run(guard().process_request(Request("http://8.8.8.8/x"))) is None
