"""The one jieba segmentation every extractor shares, plus dictionary look-ups.

jieba is initialised lazily and quietly on first use. Person names that a strong rule
confirmed are added to its dictionary (``learn_names``) so later cuts keep them whole.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import cache
from typing import Any

# Frequency a learned name gets in jieba's dictionary: high enough to beat the split of a
# name into surname + common word ("王家" + "鹏"), low enough not to swallow real words.
LEARNED_NAME_FREQ = 2000

# A string counts as an ordinary word when jieba's dictionary gives it at least this frequency.
COMMON_WORD_FREQ = 20


@dataclass(frozen=True)
class Token:
    """A segment of the text with its character offsets."""

    text: str
    start: int
    end: int


@cache
def _jieba() -> Any:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


@cache
def _tag_table() -> dict[str, str]:
    """jieba's part-of-speech tag per dictionary word (read from its shipped dict.txt)."""
    jieba = _jieba()
    table: dict[str, str] = {}
    with jieba.dt.get_dict_file() as fh:  # the shipped dictionary, opened in binary mode
        for raw in fh:
            parts = raw.decode("utf-8").split()
            if len(parts) == 3:
                table[parts[0]] = parts[2]
    return table


def cut(text: str) -> list[Token]:
    """Segment ``text`` once (jieba, HMM on) and keep each token's offsets."""
    out: list[Token] = []
    pos = 0
    for piece in _jieba().lcut(text):
        out.append(Token(piece, pos, pos + len(piece)))
        pos += len(piece)
    return out


def freq(word: str) -> int:
    """jieba dictionary frequency of ``word`` (0 when unknown or only a prefix)."""
    return _jieba().dt.FREQ.get(word) or 0


def is_word(word: str) -> bool:
    return freq(word) >= COMMON_WORD_FREQ


def tag(word: str) -> str | None:
    """jieba part-of-speech tag of a dictionary word (``nr`` person, ``ns`` place, ``v`` verb…)."""
    return _tag_table().get(word)


def learn_names(names: set[str] | list[str]) -> None:
    """Teach jieba person names confirmed by a strong rule."""
    jieba = _jieba()
    table = _tag_table()
    for name in names:
        if freq(name) < LEARNED_NAME_FREQ:
            jieba.add_word(name, LEARNED_NAME_FREQ, "nr")
            table[name] = "nr"
