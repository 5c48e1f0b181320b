"""Keep passwords in connection URLs out of every log line (Scrapy logs overridden settings verbatim)."""

from __future__ import annotations

import logging
import re
from typing import Any

# scheme://user:password@host → scheme://user:***@host
URL_PASSWORD = re.compile(r"([a-zA-Z][\w+.-]*://[^\s:/@'\"]*:)([^\s@'\"]+)(@)")


def redact_text(text: str) -> str:
    return URL_PASSWORD.sub(r"\1***\3", text)


def install() -> None:
    """Wrap the log record factory once so every record's message is redacted."""
    previous = logging.getLogRecordFactory()
    if getattr(previous, "_redacting", False):
        return

    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = previous(*args, **kwargs)
        try:
            message = record.getMessage()
        except Exception:  # a malformed record: leave it to logging's own error handling
            return record
        if "://" in message and "@" in message:
            record.msg, record.args = redact_text(message), ()
        return record

    factory._redacting = True  # type: ignore[attr-defined]
    logging.setLogRecordFactory(factory)
