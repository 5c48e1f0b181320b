"""``scrapy crawl archive [-a path=FILE_OR_DIR]``: replay archived pages through the pipelines.

Reads ``.txt``/``.text`` captures, ``.htm``/``.html`` pages and ``.warc``/``.warc.gz``
containers (default: the project's ``seeds/``), walking directories in sorted
order. Nothing is downloaded: pages are yielded as items straight from
``start()``. A bad file gets one log line naming it and why; the replay goes on.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any, ClassVar

import scrapy

from crawler.archive import ArchiveProblem, Member, iter_warc, list_files, read_file, suffix_kind
from crawler.decoding import UndecodableError
from crawler.itemflow import items_done, room_for_items
from crawler.pagebuild import build_page_item
from crawler.settings import PROJECT_ROOT


class ArchiveSpider(scrapy.Spider):
    name = "archive"
    # Nothing is fetched: without the HTTP handlers and the retry middleware (both load Scrapy's
    # HTTP client and its TLS set-up) the replay starts about half a second sooner.
    custom_settings: ClassVar[dict[str, Any]] = {
        "ROBOTSTXT_OBEY": False,
        "RETRY_ENABLED": False,
        "DOWNLOAD_HANDLERS": {"http": None, "https": None},
    }

    def __init__(self, path: str | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.root = Path(path).expanduser() if path else PROJECT_ROOT / "seeds"

    async def start(self) -> AsyncIterator[Any]:
        if not self.root.exists() and not self.root.is_symlink():
            self.logger.error("%s: no such file or directory; nothing to replay", self.root)
            self.crawler.stats.inc_value("archive/errors/missing_root")
            return
        max_bytes = self.settings.getint("ARCHIVE_MAX_BYTES")
        every = max(1, self.settings.getint("ARCHIVE_PROGRESS_EVERY"))
        files = list_files(self.root)
        stats = self.crawler.stats
        stats.set_value("archive/files_total", len(files))
        self.logger.info("replaying %d files from %s", len(files), self.root)
        started = time.monotonic()
        for done, path in enumerate(files, 1):
            for member in self._members(path, max_bytes):
                if isinstance(member, ArchiveProblem):
                    self._problem(member)
                    continue
                try:
                    item = build_page_item(
                        source=self.name,
                        url=member.url,
                        origin=member.origin,
                        raw=member.raw,
                        header_charset=member.header_charset,
                        fetched_at=member.fetched_at,
                        sidecar=member.sidecar,
                        html=member.html,
                    )
                except UndecodableError as exc:
                    self._problem(ArchiveProblem("undecodable", member.origin, str(exc)))
                    continue
                stats.inc_value("archive/pages_read")
                await room_for_items(self.crawler)
                yield item
            stats.inc_value("archive/files_done")
            if done % every == 0 or done == len(files):
                elapsed = max(time.monotonic() - started, 1e-6)
                self.logger.info("progress: %d/%d files, %.1f files/s", done, len(files), done / elapsed)
        await items_done(self.crawler)

    def _members(self, path: Path, max_bytes: int) -> list[Member | ArchiveProblem] | Any:
        try:
            if suffix_kind(path) == "warc":
                return iter_warc(path, self.root, max_bytes)
            return [read_file(path, self.root, max_bytes)]
        except ArchiveProblem as problem:
            return [problem]

    def _problem(self, problem: ArchiveProblem) -> None:
        self.logger.error("skipped %s", problem)
        self.crawler.stats.inc_value(f"archive/errors/{problem.kind}")
