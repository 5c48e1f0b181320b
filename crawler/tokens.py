"""Word tokens for the search index (jieba, loaded once and quietly)."""

from __future__ import annotations

import logging
from functools import lru_cache

import jieba


@lru_cache(maxsize=1)
def _ready() -> bool:
    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return True


def tokenize(text: str) -> list[str]:
    """jieba tokens of ``text``, without whitespace and punctuation-only tokens."""
    _ready()
    return [t for t in jieba.lcut(text) if t.strip() and any(c.isalnum() for c in t)]
