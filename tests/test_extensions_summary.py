"""The end-of-crawl summary line."""

from __future__ import annotations

from crawler.extensions.summary import summary_line


def test_summary_counts_articles_and_errors_by_kind() -> None:
    stats = {"archive/pages_read": 7, "persist/articles_new": 12, "persist/articles_unchanged": 3,
             "archive/errors/empty": 1, "archive/errors/binary": 2, "log_count/ERROR": 5}  # fmt: skip
    line = summary_line(stats, 2.04, "archive")
    assert line == ("archive: 7 pages read, articles 12 new / 0 updated / 3 unchanged, "
                    "errors: binary 2, empty 1, other 2, 2.0s")  # fmt: skip


def test_summary_without_errors() -> None:
    assert "errors: none" in summary_line({"item_scraped_count": 2}, 0.5, "epaper")
    assert "2 pages read" in summary_line({"item_scraped_count": 2}, 0.5, "epaper")
