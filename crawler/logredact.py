"""Keep passwords in connection URLs out of every log line (Scrapy logs overridden settings verbatim)."""

from __future__ import annotations

import logging
import re

# scheme://user:password@host → scheme://user:***@host
URL_PASSWORD = re.compile(r"([a-zA-Z][\w+.-]*://[^\s:/@'\"]*:)([^\s@'\"]+)(@)")


def redact_text(text: str) -> str:
    return URL_PASSWORD.sub(r"\1***\3", text)


class RedactingLogRecord(logging.LogRecord):
    """A log record whose message is redacted when (and only if) a handler formats it."""

    def getMessage(self) -> str:
        message = super().getMessage()
        return redact_text(message) if "://" in message and "@" in message else message


def install() -> None:
    """Make every new log record a redacting one (cheap: records nobody emits are never formatted)."""
    if logging.getLogRecordFactory() is logging.LogRecord:
        logging.setLogRecordFactory(RedactingLogRecord)
