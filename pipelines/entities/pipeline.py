"""Scrapy stage 5: entity fields for every article of a page item."""

from __future__ import annotations

from typing import Any

from .extract import Prepared, extract, prepare

# Entity fields this stage sets on each article.
ENTITY_FIELDS = ("people", "organizations", "places", "amounts", "event_dates", "keywords")


class EntitiesPipeline:
    """Adds people, organisations, places, amounts, event dates, keywords and tokens to articles.

    Names confirmed by a strong rule (a title or leader list before them) in any article of a page
    are known to every article of that page, so bare mentions ("吕沛一行", "常鸿和郑秋红") are found
    too. Nothing reaches from one page to the next: a page yields the same entities whatever was
    crawled before it, in a resumed run and in a re-extraction alike.
    """

    @classmethod
    def from_crawler(cls, crawler: Any) -> EntitiesPipeline:
        return cls()

    def process_item(self, item: Any) -> Any:
        pub_date = item.get("pub_date")
        articles = list(item.get("articles") or [])
        texts = [_article_text(a) for a in articles]
        prepared = [prepare(t) for t in texts]
        page_names: set[str] = set().union(*(p.strong.strong for p in prepared))
        for article, text, prep in zip(articles, texts, prepared, strict=True):
            self.process_article(article, pub_date, text=text, prepared=prep, page_names=page_names)
        return item

    def process_article(
        self,
        article: Any,
        pub_date: str | None,
        *,
        text: str | None = None,
        prepared: Prepared | None = None,
        page_names: set[str] | frozenset[str] = frozenset(),
    ) -> None:
        text = _article_text(article) if text is None else text
        headline = " ".join(
            p for p in (article.get("lead_title"), article.get("title"), article.get("subtitle")) if p
        )
        result = extract(text, pub_date, headline=headline or None, known_names=page_names, prepared=prepared)
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
