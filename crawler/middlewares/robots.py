"""robots.txt with an explicit policy for when it cannot be loaded.

Policy (after RFC 9309 §2.3.1): a robots.txt answering 4xx means "no rules" (everything allowed);
one answering 5xx, or not loading at all (timeout, refused connection, DNS), means the host is treated
as fully disallowed for this run: nothing is fetched there and a warning says why. Set
``ROBOTSTXT_UNREACHABLE = "allow"`` to crawl such hosts anyway. Replaces Scrapy's RobotsTxtMiddleware
(same order, 100).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.exceptions import IgnoreRequest

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.http import Response

logger = logging.getLogger(__name__)

# What an unreachable robots.txt means: "disallow" (RFC 9309) or "allow".
DEFAULT_UNREACHABLE_POLICY = "disallow"


class DisallowAll:
    """Robots rules that forbid every path (an unreachable robots.txt)."""

    def allowed(self, url: str | bytes, user_agent: str | bytes) -> bool:
        return False


class RobotsPolicy(RobotsTxtMiddleware):
    """Scrapy's robots.txt middleware with the unreachable policy above."""

    def __init__(self, crawler: Crawler):
        super().__init__(crawler)
        self.unreachable_policy = (crawler.settings.get("ROBOTSTXT_UNREACHABLE") or
                                   DEFAULT_UNREACHABLE_POLICY).lower()

    def _unreachable(self, netloc: str, why: str) -> bool:
        """Log the policy; True when the host is to be treated as fully disallowed."""
        disallow = self.unreachable_policy != "allow"
        logger.warning("robots.txt of %s could not be loaded (%s): %s", netloc, why,
                       "host disallowed for this run" if disallow else "crawling without rules")
        self._stats.inc_value("robotstxt/unreachable")
        return disallow

    async def _parse_robots(self, response: Response, netloc: str, request: Request) -> None:
        if response.status >= 500 and self._unreachable(netloc, f"HTTP {response.status}"):
            self._settle(netloc, DisallowAll())
            return
        if 400 <= response.status < 500:  # no robots.txt: no rules
            response = response.replace(body=b"")
        await super()._parse_robots(response, netloc, request)

    def _robots_error(self, exc: Exception, netloc: str) -> None:
        if isinstance(exc, IgnoreRequest) or not self._unreachable(netloc, type(exc).__name__):
            super()._robots_error(exc, netloc)
            return
        self._settle(netloc, DisallowAll())

    def _settle(self, netloc: str, parser: DisallowAll) -> None:
        pending = self._parsers[netloc]
        self._parsers[netloc] = parser  # type: ignore[assignment]
        if hasattr(pending, "callback"):
            pending.callback(parser)
