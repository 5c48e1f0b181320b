"""Writing pages and their articles: natural keys, versions and upserts.

``store_page`` writes one page and its articles inside the caller's
transaction, so a page and the mark that its URL is done are committed
together. Replaying the same page again adds nothing; a page whose extracted
record changed adds a new version of each changed article and keeps the old.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from crawler.models import (
    Amount,
    Article,
    ArticleVersion,
    Byline,
    EventDate,
    FrontierEntry,
    Mention,
    OrganizationMention,
    Page,
    Person,
    PlaceMention,
    SearchDoc,
    UrlState,
)
from crawler.tokens import tokenize

# The article's text as the page prints it: a change in any of these (or in the page's date, number,
# name or newspaper) is a new version.
TEXT_FIELDS = ("kind", "lead_title", "title", "subtitle", "reporters", "photographers", "body", "captions")
# Annotations derived from the text: when only these change (better rules, names learned in another
# order) the current version is annotated again in place instead of getting a new version.
DERIVED_FIELDS = ("people", "organizations", "places", "amounts", "event_dates", "keywords")
RECORD_FIELDS = TEXT_FIELDS + DERIVED_FIELDS
PAGE_FIELDS = ("newspaper", "pub_date", "page_no", "page_name")
LIST_FIELDS = ("reporters", "photographers", "captions", *DERIVED_FIELDS)


@dataclass
class StoreResult:
    page_new: bool = False
    articles_new: int = 0
    articles_updated: int = 0
    articles_unchanged: int = 0
    articles_reannotated: int = 0


def sha256(data: bytes | str) -> str:
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hashlib.sha256(data).hexdigest()


def body_hash(body: str | None) -> str:
    """Hash of the normalized body: NFKC, no whitespace — the same text from any source hashes alike."""
    text = unicodedata.normalize("NFKC", body or "")
    return sha256("".join(text.split()))


def record_of(article: Any) -> dict[str, Any]:
    rec = {k: article.get(k) for k in RECORD_FIELDS}
    for k in LIST_FIELDS:
        rec[k] = list(rec[k] or [])
    rec["kind"] = rec["kind"] or "article"
    rec["body"] = rec["body"] or ""
    return rec


def record_hash(rec: dict[str, Any], item: Any) -> str:
    """Hash of what makes a version: the text fields and the page's metadata."""
    text = {k: rec[k] for k in TEXT_FIELDS} | {k: item.get(k) for k in PAGE_FIELDS}
    return sha256(json.dumps(text, ensure_ascii=False, sort_keys=True, default=str))


def parse_day(value: Any) -> date | None:
    if not value:
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def parse_time(value: Any) -> datetime:
    if isinstance(value, datetime):
        return value
    try:
        parsed = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except (TypeError, ValueError):
        return datetime.now(timezone.utc)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


def insert_or_ignore(session: Session, model: type, values: dict[str, Any], keys: tuple[str, ...]) -> bool:
    """``INSERT … ON CONFLICT (keys) DO NOTHING`` (SQLite and PostgreSQL); True when a row was added.

    Concurrent writers meeting on a natural key leave exactly one row, whoever comes first.
    """
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    stmt = insert(model).values(**values).on_conflict_do_nothing(index_elements=list(keys))
    return bool(session.execute(stmt).rowcount)


def upsert_page(session: Session, item: Any) -> tuple[Page, bool]:
    raw = item.get("raw") or b""
    digest = sha256(raw)
    same = select(Page).where(Page.url == item["url"], Page.content_hash == digest)
    page = session.scalars(same).one_or_none()
    if page is not None:  # the same document again: nothing to write
        return page, False
    values = dict(
        source=item["source"],
        url=item["url"],
        origin=item.get("origin") or item["url"],
        fetched_at=parse_time(item.get("fetched_at")),
        content_hash=digest,
        raw=raw,
        encoding=item.get("encoding") or "utf-8",
        layout=item.get("layout"),
        newspaper=item.get("newspaper"),
        pub_date=parse_day(item.get("pub_date")),
        page_no=item.get("page_no"),
        page_name=item.get("page_name"),
        page_toc=list(item.get("page_toc") or []),
        script=item.get("script"),
        provenance=dict(item.get("provenance") or {}),
    )
    added = insert_or_ignore(session, Page, values, ("url", "content_hash"))
    return session.scalars(same).one(), added


def _byline_rows(session: Session, version: ArticleVersion, rec: dict[str, Any]) -> None:
    for role, key in (("reporter", "reporters"), ("photographer", "photographers")):
        for name in dict.fromkeys(rec[key]):
            session.add(Byline(version_id=version.id, role=role, name=name))


ENTITY_TABLES = (Mention, OrganizationMention, PlaceMention, Amount, EventDate)


def _entity_rows(session: Session, version: ArticleVersion, rec: dict[str, Any]) -> None:
    """Rows of the query tables for a version's derived fields."""
    vid = version.id
    for person in rec["people"]:
        name = person.get("name") if isinstance(person, dict) else None
        if not name:
            continue
        insert_or_ignore(session, Person, {"name": name}, ("name",))
        pid = session.scalar(select(Person.id).where(Person.name == name))
        if session.scalar(select(Mention.id).where(Mention.version_id == vid, Mention.person_id == pid)) is None:
            session.add(Mention(version_id=vid, person_id=pid, titles=list(person.get("titles") or [])))
    for name in dict.fromkeys(rec["organizations"]):
        session.add(OrganizationMention(version_id=vid, name=name))
    for name in dict.fromkeys(rec["places"]):
        session.add(PlaceMention(version_id=vid, name=name))
    for amount in rec["amounts"]:
        try:
            value = float(amount.get("value"))
        except (TypeError, ValueError, AttributeError):
            continue
        session.add(
            Amount(
                version_id=vid,
                text=str(amount.get("text") or "")[:64],
                value=value,
                currency=str(amount.get("currency") or "CNY"),
                context=amount.get("context"),
            )
        )
    for day in dict.fromkeys(filter(None, (parse_day(d) for d in rec["event_dates"]))):
        session.add(EventDate(version_id=vid, day=day))


def _search_tokens(article: Any, rec: dict[str, Any]) -> tuple[str, str]:
    heads = " ".join(filter(None, (rec["lead_title"], rec["title"], rec["subtitle"])))
    tokens = article.get("tokens")
    if tokens is None:
        tokens = tokenize(rec["body"] + "\n" + "\n".join(rec["captions"]))
    return " ".join(tokenize(heads)), " ".join(t for t in tokens if t.strip())


def store_article(session: Session, item: Any, page: Page, article: Any, position: int) -> str:
    """Insert or version one article; returns ``new``, ``updated`` or ``unchanged``."""
    rec = record_of(article)
    rhash = record_hash(rec, item)
    now = parse_time(item.get("fetched_at"))
    identity = select(Article).where(Article.url == item["url"], Article.position == position)
    row = session.scalars(identity).one_or_none()
    if row is None:
        insert_or_ignore(
            session, Article,
            dict(source=item["source"], url=item["url"], position=position, origin=item.get("origin") or item["url"],
                 current_version=0, first_seen=now, last_seen=now),
            ("url", "position"),
        )  # fmt: skip
        row = session.scalars(identity).one()
    if row.current_version:
        latest = session.scalars(
            select(ArticleVersion).where(
                ArticleVersion.article_id == row.id, ArticleVersion.version == row.current_version
            )
        ).one()
        row.last_seen = now
        if latest.record_hash == rhash:
            return _reannotate(session, latest, rec, article)
    version = ArticleVersion(
        article_id=row.id,
        version=row.current_version + 1,
        page_id=page.id,
        fetched_at=now,
        content_hash=body_hash(rec["body"]),
        record_hash=rhash,
        kind=rec["kind"],
        newspaper=item.get("newspaper"),
        pub_date=parse_day(item.get("pub_date")),
        page_no=item.get("page_no"),
        page_name=item.get("page_name"),
        lead_title=rec["lead_title"],
        title=rec["title"],
        subtitle=rec["subtitle"],
        body=rec["body"],
        script=item.get("script"),
        record={k: rec[k] for k in LIST_FIELDS},
        provenance={**(item.get("provenance") or {}), **(article.get("provenance") or {})},
    )
    session.add(version)
    session.flush()
    status = "new" if row.current_version == 0 else "updated"
    row.current_version = version.version
    _byline_rows(session, version, rec)
    _entity_rows(session, version, rec)
    title_tokens, body_tokens = _search_tokens(article, rec)
    doc = session.get(SearchDoc, row.id)
    if doc is None:
        session.add(SearchDoc(article_id=row.id, pub_date=version.pub_date, title_tokens=title_tokens,
                              body_tokens=body_tokens))  # fmt: skip
    else:
        doc.pub_date, doc.title_tokens, doc.body_tokens = version.pub_date, title_tokens, body_tokens
    return status


def _reannotate(session: Session, version: ArticleVersion, rec: dict[str, Any], article: Any) -> str:
    """Same text: refresh the derived fields in place when they differ; ``unchanged`` or ``reannotated``."""
    stored = version.record or {}
    if all(stored.get(k) == rec[k] for k in DERIVED_FIELDS):
        return "unchanged"
    version.record = {**stored, **{k: rec[k] for k in DERIVED_FIELDS}}
    version.provenance = {**(version.provenance or {}), **(article.get("provenance") or {})}
    for table in ENTITY_TABLES:
        session.execute(delete(table).where(table.version_id == version.id))
    _entity_rows(session, version, rec)
    return "reannotated"


def mark_done(session: Session, item: Any) -> None:
    """Record the URL as done and its validators, in the same transaction as its articles."""
    url, now = item["url"], parse_time(item.get("fetched_at"))
    entry = session.get(FrontierEntry, url)
    if entry is None:
        session.add(FrontierEntry(url=url, source=item["source"], state="done", discovered_at=now, done_at=now))
    else:
        entry.state, entry.done_at, entry.lease_until = "done", now, None
    state = session.get(UrlState, url)
    if state is None:
        state = UrlState(url=url, source=item["source"])
        session.add(state)
    state.etag = item.get("etag")
    state.last_modified = item.get("last_modified")
    state.content_hash = sha256(item.get("raw") or b"")
    state.last_status = item.get("http_status") or 200
    state.fetched_at = now


def store_page(session: Session, item: Any) -> StoreResult:
    """Store one page item and its articles; the caller commits."""
    page, page_new = upsert_page(session, item)
    result = StoreResult(page_new=page_new)
    for position, article in enumerate(item.get("articles") or []):
        status = store_article(session, item, page, article, position)
        setattr(result, f"articles_{status}", getattr(result, f"articles_{status}") + 1)
    mark_done(session, item)
    return result

