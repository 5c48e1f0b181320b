"""Page furniture inside or beside a body container, recognised at the DOM level.

A paragraph read from a page is furniture when the text stage's line rules (``pipelines.chrome``) call it so
on its Simplified view (SMS offers, 版权声明, 联系电话, share labels, QR captions, ICP lines), or when most
of its characters are link text (headline lists, related links, prev/next links).
"""

from __future__ import annotations

from functools import lru_cache

from lxml import etree

from crawler.pages import dom

# A paragraph whose link text is at least this share of its characters is a list of links, not prose.
LINK_SHARE_MAX = 0.5
# Longer paragraphs are never furniture (the text stage's own limit, kept here to skip the conversion).
FURNITURE_MAX_CHARS = 90


@lru_cache(maxsize=1)
def _rules() -> tuple:
    """The text stage's line rule and its Traditional→Simplified converter, loaded once."""
    from pipelines.chrome import chrome_rule, default_converter

    return chrome_rule, default_converter()


def furniture_rule(text: str) -> str | None:
    """Name of the furniture rule ``text`` (one paragraph, as printed) matches, or None."""
    text = dom.clean_paragraph(text)
    if not text or len(text) > FURNITURE_MAX_CHARS:
        return None
    chrome_rule, convert = _rules()
    return chrome_rule(dom.clean_paragraph(convert(text)))


def link_share(el: etree._Element) -> float:
    """Share of the element's visible characters that sit inside links."""
    total = len("".join(dom.inline_text(el).split()))
    if not total:
        return 0.0
    linked = sum(len("".join(dom.inline_text(a).split())) for a in el.iter("a"))
    return min(1.0, linked / total)


def without_furniture(paragraphs: list[str]) -> tuple[list[str], list[str]]:
    """(paragraphs kept, furniture rules that dropped the others, in order)."""
    kept: list[str] = []
    dropped: list[str] = []
    for para in paragraphs:
        rule = furniture_rule(para)
        if rule:
            dropped.append(rule)
        else:
            kept.append(para)
    return kept, dropped
