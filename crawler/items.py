"""Items and their loaders.

A :class:`PageItem` is one fetched or replayed document. It travels through the
pipelines (``pipelines/``) and carries its list of :class:`ArticleItem`, so no
stage has to fan out items:

1. ``pipelines.chrome``   reads ``text``, writes ``lines``, ``page_toc`` and the
   page metadata it can read from the page's header (``newspaper``, ``pub_date``,
   ``page_no``, ``page_name``).
2. ``pipelines.script``   records ``script`` and converts every text field to
   Simplified script.
3. ``pipelines.split``    cuts ``lines`` into ``blocks`` (one per article or
   captioned photo); a page whose page object already found the article
   (``blocks`` set by the spider) passes through.
4. ``pipelines.fields``   turns each block into an :class:`ArticleItem`
   through :class:`ArticleLoader` (``articles``).
5. ``pipelines.entities`` adds people, organizations, places, amounts, event
   dates and keywords to each article.
6. ``pipelines.persist``  stores page and articles in one transaction.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import scrapy
from itemloaders.processors import Identity, MapCompose, TakeFirst
from scrapy.loader import ItemLoader


class PageItem(scrapy.Item):
    """One document: a replayed file, a WARC record or a fetched web page."""

    source = scrapy.Field()  # spider name: archive, epaper, portal
    url = scrapy.Field()  # http(s)://… or file://…
    origin = scrapy.Field()  # archive member path relative to the replay root, or the URL
    fetched_at = scrapy.Field()  # ISO-8601, UTC
    raw = scrapy.Field()  # the bytes as read or downloaded
    encoding = scrapy.Field()  # codec the bytes were decoded with
    decode_note = scrapy.Field()  # how the encoding was chosen (bom, header, meta, detected)
    media = scrapy.Field()  # "text" or "html"
    text = scrapy.Field()  # decoded text (for HTML: the visible text after DOM cleaning)
    layout = scrapy.Field()  # page object that read it (founder-article, portal-article, generic, text)
    http_status = scrapy.Field()
    etag = scrapy.Field()
    last_modified = scrapy.Field()
    # page metadata: from a sidecar, the URL, a page object or the page header
    newspaper = scrapy.Field()
    pub_date = scrapy.Field()  # YYYY-MM-DD
    page_no = scrapy.Field()  # zero-padded: "05"
    page_name = scrapy.Field()
    page_toc = scrapy.Field()  # list[str]
    script = scrapy.Field()  # simplified | traditional | mixed
    lines = scrapy.Field()  # list[str]: page text after chrome removal, "" for blank lines
    blocks = scrapy.Field()  # list[dict]: one per article, from the split stage or a page object
    articles = scrapy.Field()  # list[ArticleItem]
    provenance = scrapy.Field()  # dict: page-level field -> rule/stage that produced it
    warnings = scrapy.Field()  # list[str]: problems worth a log line (broken page, U+FFFD, …)

    def __repr__(self) -> str:
        """Short: Scrapy logs every scraped item, and a page carries its raw bytes."""
        return f"<PageItem {self.get('url')} articles={len(self.get('articles') or [])}>"


class ArticleItem(scrapy.Item):
    """One article or captioned news photo: the fields of the export record."""

    position = scrapy.Field()
    kind = scrapy.Field()  # article | photo
    lead_title = scrapy.Field()
    title = scrapy.Field()
    subtitle = scrapy.Field()
    reporters = scrapy.Field()
    photographers = scrapy.Field()
    body = scrapy.Field()
    captions = scrapy.Field()
    people = scrapy.Field()
    organizations = scrapy.Field()
    places = scrapy.Field()
    amounts = scrapy.Field()
    event_dates = scrapy.Field()
    keywords = scrapy.Field()
    tokens = scrapy.Field()  # jieba tokens of headline and body (search index; not exported)
    title_tokens = scrapy.Field()  # search-index tokens of the headlines (not exported)
    provenance = scrapy.Field()  # dict: field -> rule or stage that produced it


# --- small cleaning steps used as loader processors -------------------------

_SPACES = re.compile(r"[ \t\u00a0\u3000]+")
_INNER_NAME_SPACE = re.compile(r"^(\w)\s+(\w)$")


def clean_line(value: str | None) -> str | None:
    """Collapse runs of spaces and trim; empty becomes None."""
    if value is None:
        return None
    value = _SPACES.sub(" ", unicodedata.normalize("NFC", str(value))).strip()
    return value or None


def clean_name(value: str | None) -> str | None:
    """A person's name as printed in a byline: no spaces inside (``刘 洋`` → ``刘洋``)."""
    value = clean_line(value)
    if not value:
        return None
    return re.sub(r"\s+", "", value)


def unique(values: list[Any]) -> list[Any]:
    """Keep the first of each value, in order."""
    seen: set[Any] = set()
    out = []
    for v in values:
        key = repr(v) if isinstance(v, (dict, list)) else v
        if v is None or key in seen:
            continue
        seen.add(key)
        out.append(v)
    return out


def clean_body(value: str | None) -> str | None:
    """Body text: one paragraph per line, no blank lines, trimmed."""
    if value is None:
        return None
    paras = [clean_line(p) for p in str(value).replace("\r", "").split("\n")]
    return "\n".join(p for p in paras if p)


class ArticleLoader(ItemLoader):
    """Fills an :class:`ArticleItem`; single values take the first non-empty."""

    default_item_class = ArticleItem
    default_output_processor = TakeFirst()

    lead_title_in = MapCompose(clean_line)
    title_in = MapCompose(clean_line)
    subtitle_in = MapCompose(clean_line)
    body_in = MapCompose(clean_body)
    reporters_in = MapCompose(clean_name)
    reporters_out = unique
    photographers_in = MapCompose(clean_name)
    photographers_out = unique
    captions_in = MapCompose(clean_line)
    captions_out = unique
    people_out = Identity()
    organizations_out = unique
    places_out = unique
    amounts_out = Identity()
    event_dates_out = unique
    keywords_out = unique
    tokens_out = Identity()
    provenance_out = TakeFirst()
