"""``scrapy export [-o FILE] [--format jsonl|csv] [--source NAME] [--since YYYY-MM-DD] [--what people]``."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Iterable
from typing import IO, Any

from scrapy.exceptions import UsageError

from crawler.cli import DatabaseCommand, parse_since
from crawler.export import RECORD_KEYS, iter_people, iter_records

# csv cells for list and dict values hold their JSON.
PEOPLE_KEYS = ("name", "titles", "article_count")


class Command(DatabaseCommand):
    def syntax(self) -> str:
        return "[-o FILE] [--format jsonl|csv] [--source NAME] [--since YYYY-MM-DD] [--what articles|people]"

    def short_desc(self) -> str:
        return "Write the stored articles (or people) as JSON Lines or CSV"

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        parser.add_argument("-o", "--output", help="file to write (default: standard output)")
        parser.add_argument("--format", choices=("jsonl", "csv"), help="default: from the file name, else jsonl")
        parser.add_argument("--what", choices=("articles", "people"), default="articles")
        self.add_filters(parser)

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if args:
            raise UsageError(f"unexpected arguments: {' '.join(args)}")
        fmt = opts.format or ("csv" if (opts.output or "").endswith(".csv") else "jsonl")
        since = parse_since(opts.since)
        engine = self.engine()
        if opts.what == "people":
            rows: Iterable[dict[str, Any]] = iter_people(engine, source=opts.source, since=since)
            keys: tuple[str, ...] = PEOPLE_KEYS
        else:
            rows, keys = iter_records(engine, source=opts.source, since=since), RECORD_KEYS
        if opts.output:
            with open(opts.output, "w", encoding="utf-8", newline="") as out:
                count = write_rows(rows, keys, fmt, out)
            print(f"wrote {count} {opts.what} to {opts.output}", file=sys.stderr)
        else:
            try:
                write_rows(rows, keys, fmt, sys.stdout)
                sys.stdout.flush()
            except BrokenPipeError:  # `scrapy export | head`: the reader has what it wanted
                sys.stdout = None  # type: ignore[assignment]  # no second error at exit
        engine.dispose()


def write_rows(rows: Iterable[dict[str, Any]], keys: tuple[str, ...], fmt: str, out: IO[str]) -> int:
    count = 0
    if fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=list(keys))
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _cell(row.get(k)) for k in keys})
            count += 1
        return count
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        count += 1
    return count


def _cell(value: Any) -> Any:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, (list, dict)) else value
