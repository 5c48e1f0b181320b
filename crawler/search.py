"""Full-text search over stored articles.

SQLite: the FTS5 table ``search_fts`` (kept in sync with ``search_docs`` by
triggers). PostgreSQL: a 'simple' tsvector over the same jieba tokens (GIN
index). The query is cut with the same tokenizer, every token required. When
the index finds nothing (a word the tokenizer cut differently in the text), a
plain substring match on headline and body is tried.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from crawler.export import CURRENT_VERSION
from crawler.models import Article, ArticleVersion
from crawler.tokens import tokenize

# Characters of context shown on each side of the first hit in a snippet.
SNIPPET_CONTEXT = 30


@dataclass
class Hit:
    article_id: int
    pub_date: date | None
    headline: str
    snippet: str


def fts_ids(session: Session, tokens: list[str], limit: int) -> list[int]:
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        query = " ".join('"' + t.replace('"', '""') + '"' for t in tokens)
        sql = text("SELECT rowid FROM search_fts WHERE search_fts MATCH :q ORDER BY rank LIMIT :n")
        return [r[0] for r in session.execute(sql, {"q": query, "n": limit})]
    if dialect == "postgresql":
        sql = text(
            "SELECT article_id FROM search_docs, plainto_tsquery('simple', :q) q "
            "WHERE to_tsvector('simple', title_tokens || ' ' || body_tokens) @@ q "
            "ORDER BY ts_rank(to_tsvector('simple', title_tokens || ' ' || body_tokens), q) DESC LIMIT :n"
        )
        return [r[0] for r in session.execute(sql, {"q": " ".join(tokens), "n": limit})]
    return []


def snippet(body: str, words: list[str]) -> str:
    flat = body.replace("\n", " ")
    pos = min((i for i in (flat.find(w) for w in words) if i >= 0), default=0)
    start = max(0, pos - SNIPPET_CONTEXT)
    end = pos + SNIPPET_CONTEXT + max((len(w) for w in words), default=0)
    return ("…" if start else "") + flat[start:end] + ("…" if end < len(flat) else "")


def search(engine: Engine, query: str, *, since: date | None = None, limit: int = 20) -> list[Hit]:
    tokens = tokenize(query) or [query.strip()]
    stmt = select(Article.id, ArticleVersion).join(ArticleVersion, CURRENT_VERSION)
    if since:
        stmt = stmt.where(ArticleVersion.pub_date >= since)
    with Session(engine) as session:
        ids = fts_ids(session, tokens, limit * 5)
        if ids:
            rows = {aid: v for aid, v in session.execute(stmt.where(Article.id.in_(ids)))}
            ordered = [(aid, rows[aid]) for aid in ids if aid in rows][:limit]
        else:
            needle = f"%{query.strip()}%"
            cond = or_(ArticleVersion.title.like(needle), ArticleVersion.body.like(needle))
            ordered = list(session.execute(stmt.where(cond).order_by(Article.id).limit(limit)).tuples())
        return [
            Hit(aid, v.pub_date, " ".join(filter(None, (v.lead_title, v.title, v.subtitle))) or "(photo)",
                snippet(v.body or "", [query.strip(), *tokens]))
            for aid, v in ordered
        ]  # fmt: skip
