"""Stage 2: script normalization (Traditional → Simplified).

Records the script the page was written in (``simplified``, ``traditional`` or
``mixed``) and converts every text field of the page to Simplified with OpenCC.
Simplified text passes through unchanged (OpenCC's t2s leaves it as it is).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import opencc

# Share of characters that t2s changes above which a page counts as Traditional.
TRADITIONAL_SHARE = 0.05
# Below this share (but above zero) the few Traditional characters are noise (names, quotes): simplified.
MIXED_SHARE = 0.01
# Page fields that hold text to convert (lists of str, or str).
TEXT_FIELDS = ("lines", "page_toc", "page_name", "newspaper", "text")
# Block fields that hold text to convert.
BLOCK_FIELDS = ("headlines", "lead_title", "title", "subtitle", "paragraphs", "captions", "author")


@lru_cache(maxsize=1)
def converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    return converter().convert(text) if text else text


def traditional_share(text: str) -> float:
    """Share of the Hanzi in ``text`` that t2s changes."""
    hanzi = [c for c in text if "\u4e00" <= c <= "\u9fff"]
    if not hanzi:
        return 0.0
    sample = "".join(hanzi)
    converted = to_simplified(sample)
    return sum(1 for a, b in zip(sample, converted, strict=False) if a != b) / len(hanzi)


def detect_script(text: str) -> str:
    """``simplified``, ``traditional`` or ``mixed``, from how many Hanzi t2s changes."""
    return script_of_share(traditional_share(text))


def script_of_share(share: float) -> str:
    if share >= TRADITIONAL_SHARE:
        return "traditional"
    if share >= MIXED_SHARE:
        return "mixed"
    return "simplified"


def convert_value(value: Any) -> Any:
    if isinstance(value, str):
        return to_simplified(value)
    if isinstance(value, list):
        return [convert_value(v) for v in value]
    return value


class ScriptPipeline:
    """Sets ``item["script"]`` and converts the page's text fields and blocks to Simplified."""

    @classmethod
    def from_crawler(cls, crawler: Any) -> ScriptPipeline:
        return cls()

    def process_item(self, item: Any) -> Any:
        share = traditional_share(item.get("text") or "")
        item["script"] = script_of_share(share)
        if share == 0.0:
            return item  # nothing to convert
        for key in TEXT_FIELDS:
            if item.get(key):
                item[key] = convert_value(item[key])
        for block in item.get("blocks") or []:
            for key in BLOCK_FIELDS:
                if block.get(key):
                    block[key] = convert_value(block[key])
        item.setdefault("provenance", {})["script"] = "opencc-t2s-share"
        return item
