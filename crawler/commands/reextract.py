"""``scrapy reextract [--source NAME] [--since YYYY-MM-DD]``: extract stored pages again.

Better extraction rules reach the database without crawling again: an article
whose record changed gets a new version; the others stay as they are.
"""

from __future__ import annotations

import argparse

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError

from crawler.cli import parse_since


class Command(ScrapyCommand):
    requires_project = True

    def syntax(self) -> str:
        return "[--source NAME] [--since YYYY-MM-DD]"

    def short_desc(self) -> str:
        return "Run the extraction stages again over the raw pages already stored"

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        parser.add_argument("--source", help="only pages from this spider (archive, epaper, portal, …)")
        parser.add_argument("--since", help="only pages published on or after YYYY-MM-DD")

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if args:
            raise UsageError(f"unexpected arguments: {' '.join(args)}")
        since = parse_since(opts.since)
        assert self.crawler_process is not None
        self.crawler_process.crawl("stored", source=opts.source, since=since.isoformat() if since else None)
        self.crawler_process.start()
