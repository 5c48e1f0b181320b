"""Refuse requests the web spiders must never make: other schemes and private addresses.

A request (start, link or redirect: redirects pass through downloader middlewares again) is refused when
its scheme is not http/https, or its host is or resolves to a loopback, private, link-local, multicast,
reserved or unspecified address, unless that host is the spider's own configured root host (``root_url``
attribute), as in tests against a local copy. The resolved address of each response is checked again.
"""

from __future__ import annotations

import ipaddress
import logging
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from scrapy.exceptions import IgnoreRequest
from scrapy.utils.defer import maybe_deferred_to_future

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.http import Response

logger = logging.getLogger(__name__)

# Schemes a web spider may fetch (never file:, data:, ftp:, …).
ALLOWED_SCHEMES = frozenset({"http", "https"})
# Host names that always mean this machine.
LOCAL_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"})


def is_private_address(address: str) -> bool:
    """True for an IP literal that is not a public unicast address."""
    try:
        ip = ipaddress.ip_address(address.strip("[]"))
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return (ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_multicast or ip.is_reserved
            or ip.is_unspecified)


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


class PrivateAddressGuard:
    """Downloader middleware; the stat ``safety/refused`` counts refusals."""

    def __init__(self, crawler: Crawler | None = None):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> PrivateAddressGuard:
        return cls(crawler)

    def _trusted_host(self) -> str | None:
        spider = getattr(self.crawler, "spider", None)
        root = getattr(spider, "root_url", None)
        return host_of(root) if root else None

    def _refuse(self, request: Request, why: str) -> None:
        logger.warning("refused %s: %s", request.url, why)
        if self.crawler is not None and self.crawler.stats is not None:
            self.crawler.stats.inc_value("safety/refused")
        raise IgnoreRequest(f"refused: {why}")

    def check_url(self, request: Request) -> str | None:
        """The host still to resolve, or None when the URL alone settles it (raises when refused)."""
        parts = urlsplit(request.url)
        if parts.scheme.lower() not in ALLOWED_SCHEMES:
            self._refuse(request, f"scheme {parts.scheme or '(none)'!r} is not fetched")
        host = (parts.hostname or "").lower()
        if not host:
            self._refuse(request, "no host")
        if host == self._trusted_host():
            return None
        if host in LOCAL_NAMES or host.endswith(".localhost") or is_private_address(host):
            self._refuse(request, f"host {host} is a local or private address")
        try:
            ipaddress.ip_address(host.strip("[]"))
            return None  # a public IP literal
        except ValueError:
            return host

    async def process_request(self, request: Request) -> None:
        host = self.check_url(request)
        if host is None:
            return
        from twisted.internet import reactor

        try:
            address = await maybe_deferred_to_future(reactor.resolve(host))  # type: ignore[attr-defined]
        except Exception:
            return  # unresolvable: the download fails with a DNS error of its own
        if is_private_address(str(address)):
            self._refuse(request, f"host {host} resolves to private address {address}")

    def process_response(self, request: Request, response: Response) -> Response | Any:
        address = getattr(response, "ip_address", None)
        if address is not None and host_of(request.url) != self._trusted_host() and is_private_address(
            str(address)
        ):
            self._refuse(request, f"answered from private address {address}")
        return response
