"""``scrapy search QUERY [--since YYYY-MM-DD] [--limit N]``: date, headline and a snippet per hit."""

from __future__ import annotations

import argparse

from scrapy.exceptions import UsageError

from crawler.cli import DatabaseCommand, parse_since
from crawler.search import search


class Command(DatabaseCommand):
    def syntax(self) -> str:
        return "QUERY [--since YYYY-MM-DD] [--limit N]"

    def short_desc(self) -> str:
        return "Full-text search over the stored articles"

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        parser.add_argument("--since", help="only articles published on or after YYYY-MM-DD")
        parser.add_argument("--limit", type=int, default=20, help="at most this many hits (default 20)")

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if not args:
            raise UsageError("give a query, e.g. scrapy search 蒙牛")
        engine = self.engine()
        hits = search(engine, " ".join(args), since=parse_since(opts.since), limit=max(1, opts.limit))
        engine.dispose()
        for hit in hits:
            day = hit.pub_date.isoformat() if hit.pub_date else "----------"
            print(f"{day}  [{hit.article_id}] {hit.headline}\n            {hit.snippet}")
        if not hits:
            print("no articles match")
