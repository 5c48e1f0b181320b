"""Bytes to text, for pages in UTF-8, GB2312/GBK/GB18030 and Big5.

Order of evidence: a byte-order mark, then the HTTP header's charset, then the
page's own ``<meta>`` charset, then detection among UTF-8, GB18030 and Big5.
A declared charset is only believed when the bytes decode under it with no more
than a trace of U+FFFD; otherwise the next candidate is tried. When no
candidate decodes cleanly the text is refused (:class:`UndecodableError`), so
mojibake is never stored.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

# Labels pages use for the Chinese national charsets; GB18030 is a superset of all of them,
# so GBK-only characters (镕, 堃) under a gb2312 label still decode.
GB_ALIASES = {"gb2312", "gb_2312", "gb_2312-80", "gbk", "x-gbk", "cp936", "ms936", "euc-cn", "gb18030", "csgb2312"}
# Big5 as served in practice includes the HKSCS extension characters.
BIG5_ALIASES = {"big5", "big5-hkscs", "x-x-big5", "cp950", "csbig5"}
# Candidates tried when nothing declared fits, in this order.
DETECTION_ORDER = ("utf-8", "gb18030", "big5hkscs")
# More U+FFFD than this share of the characters means "wrong codec".
MAX_REPLACEMENT_SHARE = 0.001
# A few replacement characters are tolerated in long texts (a damaged byte or two).
MAX_REPLACEMENTS_ABSOLUTE = 2

BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_\-]+)", re.IGNORECASE)


class UndecodableError(ValueError):
    """No candidate charset decodes the bytes without mojibake."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # the Python codec used
    note: str  # which evidence chose it: bom, header, meta, detected


def normalize_label(label: str | None) -> str | None:
    """A charset label as pages write it, mapped to the Python codec to decode with."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    if label in GB_ALIASES:
        return "gb18030"
    if label in BIG5_ALIASES:
        return "big5hkscs"
    if label in {"utf8", "utf-8", "unicode-1-1-utf-8"}:
        return "utf-8"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def header_charset(content_type: str | bytes | None) -> str | None:
    """The charset parameter of a Content-Type header, if any."""
    if not content_type:
        return None
    if isinstance(content_type, bytes):
        content_type = content_type.decode("latin-1")
    m = HEADER_CHARSET.search(content_type)
    return m.group(1) if m else None


def meta_charset(raw: bytes) -> str | None:
    """The charset a page declares in a ``<meta>`` tag within its first 4 KiB."""
    m = META_CHARSET.search(raw[:4096])
    return m.group(1).decode("ascii", "replace") if m else None


def _clean_enough(text: str) -> bool:
    bad = text.count("\ufffd")
    return bad <= MAX_REPLACEMENTS_ABSOLUTE or bad <= MAX_REPLACEMENT_SHARE * max(1, len(text))


# Frequent characters in both scripts, one file shipped with the code (tools/build_common_hanzi.py).
COMMON_HANZI_FILE = Path(__file__).resolve().parent / "data" / "common_hanzi.txt"
# One CJK ideograph (the unified block and extension A): what the plausibility score looks at.
CJK_CHAR = re.compile("[\u4e00-\u9fff\u3400-\u4dbf]")


@lru_cache(maxsize=1)
def _common_hanzi() -> frozenset[str]:
    """Frequent Chinese characters in both scripts, to tell a right decoding from a garbled one."""
    text = COMMON_HANZI_FILE.read_text(encoding="utf-8")
    return frozenset("".join(ln.strip() for ln in text.splitlines() if not ln.startswith("#")))


def _plausibility(text: str) -> float:
    """Share of CJK characters that are common ones (garbled decodings score low)."""
    cjk = CJK_CHAR.findall(text)
    if not cjk:
        return 1.0
    return sum(map(_common_hanzi().__contains__, cjk)) / len(cjk)


def decode_bytes(raw: bytes, declared: str | None = None, *, html: bool = False) -> Decoded:
    """Decode a document; ``declared`` is the HTTP header's charset, if one was sent."""
    for bom, codec in BOMS:
        if raw.startswith(bom):
            return Decoded(raw.decode(codec, errors="replace"), codec.replace("-sig", ""), "bom")
    tried: list[str] = []
    evidence = [(normalize_label(declared), "header")]
    if html or raw[:1024].lstrip().startswith(b"<"):
        evidence.append((normalize_label(meta_charset(raw)), "meta"))
    for codec, note in evidence:
        if not codec or codec in tried:
            continue
        tried.append(codec)
        text = raw.decode(codec, errors="replace")
        if _clean_enough(text):
            return Decoded(text, codec, note)
    # Detection: UTF-8 is self-validating; GB18030 and Big5 both accept most byte pairs,
    # so among those that decode cleanly the one with more common characters wins.
    if "utf-8" not in tried:
        text = raw.decode("utf-8", errors="replace")
        if text.count("\ufffd") == 0:
            return Decoded(text, "utf-8", "detected")
    clean: list[tuple[float, str, str]] = []
    for codec in DETECTION_ORDER:
        text = raw.decode(codec, errors="replace")
        if _clean_enough(text):
            clean.append((_plausibility(text), codec, text))
    if clean:
        clean.sort(key=lambda t: (-t[0], DETECTION_ORDER.index(t[1])))
        _, codec, text = clean[0]
        return Decoded(text, codec, "detected")
    raise UndecodableError("no charset among the declared ones, UTF-8, GB18030 or Big5 decodes it cleanly")
