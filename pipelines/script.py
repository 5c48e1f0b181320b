"""Stage 2: script normalization (Traditional → Simplified).

Records the script the page was written in (``simplified``, ``traditional`` or
``mixed``) and converts every text field of the page to Simplified with OpenCC.
Simplified text passes through unchanged (OpenCC's t2s leaves it as it is).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import opencc

# Of the characters that exist in one script only, the share of the minority script above which
# a page is ``mixed`` (below it, a few names or quotes in the other script don't change the verdict).
MIXED_MINORITY_SHARE = 0.15
# Page fields that hold text to convert (lists of str, or str).
TEXT_FIELDS = ("lines", "page_toc", "page_name", "newspaper", "text")
# Block fields that hold text to convert.
BLOCK_FIELDS = ("headlines", "lead_title", "title", "subtitle", "paragraphs", "captions", "author")


# Traditional 著 stands for both zhù (著名) and the zhe/zhuó of Simplified 着 (随着, 着力); OpenCC leaves it
# as 著, so after conversion every 著 becomes 着 except in these zhù words, where 著 is right in Simplified.
ZHU_WORDS = re.compile(r"著(?=名|作|称|述|录|者|书|有|文)|(?<=[显卓昭编论专名原巨遗新拙合译土])著")


# Runs of CJK unified ideographs: the characters whose script is counted.
HANZI_RUN = re.compile("[\u4e00-\u9fff]+")


@lru_cache(maxsize=1)
def converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def _fix_zhe(text: str) -> str:
    if "著" not in text:
        return text
    keep = {m.start() for m in ZHU_WORDS.finditer(text)}
    return "".join("着" if ch == "著" and i not in keep else ch for i, ch in enumerate(text))


def to_simplified(text: str) -> str:
    """OpenCC t2s, then 著 → 着 where Simplified writes 着."""
    return _fix_zhe(converter().convert(text)) if text else text


@lru_cache(maxsize=1)
def reverse_converter() -> opencc.OpenCC:
    return opencc.OpenCC("s2t")


def script_counts(text: str) -> tuple[int, int]:
    """(Traditional-only, Simplified-only) Hanzi in ``text``: those t2s, resp. s2t, would change."""
    hanzi = "".join(HANZI_RUN.findall(text))
    if not hanzi:
        return 0, 0
    return _changed(hanzi, to_simplified(hanzi)), _changed(hanzi, reverse_converter().convert(hanzi))


def _script_and_traditional(text: str) -> tuple[str, int]:
    """``detect_script(text)`` and the Traditional-only count, skipping the s2t pass when it cannot
    change the verdict (no Traditional-only character: the page is Simplified whatever else it has)."""
    hanzi = "".join(HANZI_RUN.findall(text))
    trad = _changed(hanzi, to_simplified(hanzi)) if hanzi else 0
    if trad == 0:
        return script_of_counts(0, 0), 0
    return script_of_counts(trad, _changed(hanzi, reverse_converter().convert(hanzi))), trad


def _changed(before: str, after: str) -> int:
    """How many positions differ between ``before`` and ``after`` (up to the shorter one's end)."""
    if before == after:
        return 0
    return sum(map(str.__ne__, before, after))


def script_of_counts(trad: int, simp: int) -> str:
    if trad + simp == 0:
        return "simplified"
    minority = min(trad, simp) / (trad + simp)
    if minority >= MIXED_MINORITY_SHARE:
        return "mixed"
    return "traditional" if trad > simp else "simplified"


def detect_script(text: str) -> str:
    """``simplified``, ``traditional`` or ``mixed``, from the characters proper to each script."""
    return script_of_counts(*script_counts(text))


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
        item["script"], trad = _script_and_traditional(item.get("text") or "")
        if trad == 0:
            return item  # nothing to convert
        for key in TEXT_FIELDS:
            if item.get(key):
                item[key] = convert_value(item[key])
        for block in item.get("blocks") or []:
            for key in BLOCK_FIELDS:
                if block.get(key):
                    block[key] = convert_value(block[key])
        item.setdefault("provenance", {})["script"] = "opencc-script-counts"
        return item
