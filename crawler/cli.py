"""Shared bits of the project's commands: the database and date options."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError

from crawler.db import open_database


def parse_since(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise UsageError(f"--since wants a date as YYYY-MM-DD, not {value!r}") from exc


class DatabaseCommand(ScrapyCommand):
    """A command that reads the article database (brought to the newest schema first)."""

    requires_project = True
    requires_crawler_process = False

    def add_filters(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--source", help="only articles from this spider (archive, epaper, portal, …)")
        parser.add_argument("--since", help="only articles published on or after YYYY-MM-DD")

    def engine(self) -> Any:
        assert self.settings is not None
        return open_database(self.settings)
