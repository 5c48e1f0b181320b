"""Run one spider against the local copy in this process and write what it yields as JSON Lines.

``python -m tests.sites.crawl SPIDER OUT.jsonl [-a k=v …] [-s K=V …]``: items are collected through the
``item_scraped`` signal (raw bytes left out), then ``OUT.jsonl.stats`` gets the final stats and the
close reason. Tests run it in a subprocess, so every crawl has a fresh reactor.
"""

from __future__ import annotations

import json
import sys
from typing import Any

# The manners and safety middlewares, at the orders the project settings use.
DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "crawler.middlewares.robots.RobotsPolicy": 100,
    "crawler.middlewares.safety.PrivateAddressGuard": 50,
    "crawler.middlewares.blocked.BlockedHostStop": 60,
    "crawler.middlewares.faults.FaultLog": 540,
}
SPIDER_MIDDLEWARES = {"crawler.middlewares.pagecheck.PageCheck": 950}
TEST_SETTINGS = {
    "DOWNLOAD_DELAY": 0,
    "AUTOTHROTTLE_ENABLED": False,
    "ITEM_PIPELINES": {},
    "LOG_LEVEL": "INFO",
    "DOWNLOADER_MIDDLEWARES": DOWNLOADER_MIDDLEWARES,
    "SPIDER_MIDDLEWARES": SPIDER_MIDDLEWARES,
}


def _split(pairs: list[str]) -> dict[str, str]:
    return dict(p.split("=", 1) for p in pairs)


def main(argv: list[str]) -> int:
    from scrapy import signals
    from scrapy.crawler import CrawlerProcess
    from scrapy.utils.project import get_project_settings

    spider, out, rest = argv[0], argv[1], argv[2:]
    args = [rest[i + 1] for i in range(len(rest) - 1) if rest[i] == "-a"]
    sets = [rest[i + 1] for i in range(len(rest) - 1) if rest[i] == "-s"]
    settings = get_project_settings()
    settings.setdict(TEST_SETTINGS, priority="cmdline")
    settings.setdict(_split(sets), priority="cmdline")
    items: list[dict[str, Any]] = []
    result: dict[str, Any] = {}

    def scraped(item: Any) -> None:
        row = {k: v for k, v in dict(item).items() if k != "raw"}
        items.append(json.loads(json.dumps(row, ensure_ascii=False, default=str)))

    def closed(spider: Any, reason: str) -> None:
        result["reason"] = reason

    process = CrawlerProcess(settings)
    crawler = process.create_crawler(spider)
    crawler.signals.connect(scraped, signal=signals.item_scraped)
    crawler.signals.connect(closed, signal=signals.spider_closed)
    process.crawl(crawler, **_split(args))
    process.start()
    with open(out, "w", encoding="utf-8") as fh:
        for row in items:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    stats = {k: (v if isinstance(v, (int, float, str)) else str(v)) for k, v in crawler.stats.get_stats().items()}
    with open(out + ".stats", "w", encoding="utf-8") as fh:
        json.dump({"reason": result.get("reason"), "stats": stats}, fh, ensure_ascii=False, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
