"""Scrapy stage 5: entity fields for every article of a page item."""

from __future__ import annotations

from typing import Any

from .extract import extract

# Entity fields this stage sets on each article.
ENTITY_FIELDS = ("people", "organizations", "places", "amounts", "event_dates", "keywords")


class EntitiesPipeline:
    """Adds people, organisations, places, amounts, event dates, keywords and tokens to articles.

    Names confirmed by a strong rule (a title or leader list before them) are remembered for the
    rest of the run, so later bare mentions ("吕沛一行") are found too.
    """

    def __init__(self, known_names: set[str] | None = None) -> None:
        self.known_names: set[str] = set(known_names or ())

    @classmethod
    def from_crawler(cls, crawler: Any) -> EntitiesPipeline:
        return cls()

    def process_item(self, item: Any) -> Any:
        pub_date = item.get("pub_date")
        for article in item.get("articles") or []:
            self.process_article(article, pub_date)
        return item

    def process_article(self, article: Any, pub_date: str | None) -> None:
        text = _article_text(article)
        headline = " ".join(
            p for p in (article.get("lead_title"), article.get("title"), article.get("subtitle")) if p
        )
        result = extract(text, pub_date, headline=headline or None, known_names=self.known_names)
        self.known_names.update(result.confirmed_names)
        for key in ENTITY_FIELDS:
            article[key] = result.fields[key]
        article["tokens"] = result.tokens
        provenance = dict(article.get("provenance") or {})
        provenance.update(result.provenance)
        article["provenance"] = provenance


def _article_text(article: Any) -> str:
    """The body, and for a captioned photo its captions too (each caption once)."""
    body = article.get("body") or ""
    captions = [c for c in (article.get("captions") or []) if c and c not in body]
    if article.get("kind") == "photo" or captions:
        return "\n".join(p for p in [body, *captions] if p)
    return body
