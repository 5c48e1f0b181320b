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

from sqlalchemy import bindparam, delete, event, insert, select, update
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


def _insert(session: Session) -> Any:
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert


def insert_or_ignore(session: Session, model: type, rows: dict[str, Any] | list[dict[str, Any]],
                     keys: tuple[str, ...]) -> int:  # fmt: skip
    """``INSERT … ON CONFLICT (keys) DO NOTHING`` (SQLite and PostgreSQL); returns the rows added.

    Concurrent writers meeting on a natural key leave exactly one row, whoever comes first.
    """
    return len(_insert_or_ignore_returning(session, model, rows, keys))


def _insert_or_ignore_returning(session: Session, model: type, rows: dict[str, Any] | list[dict[str, Any]],
                                keys: tuple[str, ...], *returned: str) -> list[Any]:  # fmt: skip
    """The rows ``insert_or_ignore`` added, each as its primary key and the ``returned`` columns.

    A Core statement run once per row list (the driver batches it), not an ORM bulk insert nor a
    statement built around the values: rows nobody reads back as objects need no ORM bookkeeping.
    """
    rows = [rows] if isinstance(rows, dict) else rows
    if not rows:
        return []
    table = model.__table__  # type: ignore[attr-defined]
    stmt = _insert(session)(table).on_conflict_do_nothing(index_elements=list(keys))
    # RETURNING counts what was added on every driver (rowcount is not reliable for ON CONFLICT).
    stmt = stmt.returning(*table.primary_key.columns, *(table.c[name] for name in returned))
    return list(session.execute(stmt, rows).all())


def upsert_page(session: Session, item: Any) -> tuple[int, bool]:
    """The id of the page's row (created unless the same document is stored) and whether it is new."""
    raw = item.get("raw") or b""
    digest = sha256(raw)
    same = select(Page.id).where(Page.url == item["url"], Page.content_hash == digest)
    page_id = session.scalars(same).one_or_none()
    if page_id is not None:  # the same document again: nothing to write
        return page_id, False
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
    added = _insert_or_ignore_returning(session, Page, values, ("url", "content_hash"))
    if added:
        return added[0][0], True
    return session.scalars(same).one(), False  # a concurrent writer stored it first


ENTITY_TABLES = (Mention, OrganizationMention, PlaceMention, Amount, EventDate)
# The current version a newly created article identity is stored with: the one its page adds.
FIRST_VERSION = 1


def _person_ids(session: Session, recs: list[dict[str, Any]]) -> dict[str, int]:
    """Ids of every person the records name, creating the missing ones.

    Ids read or created earlier in the same transaction are remembered (officials recur page after
    page): only names new to it cost a SELECT, and only names new to the database an INSERT.
    """
    names = sorted(
        {p["name"] for rec in recs for p in rec["people"] if isinstance(p, dict) and p.get("name")}
    )
    if not names:
        return {}
    if session.in_nested_transaction():  # a savepoint may be rolled back alone: remember nothing
        remembered: dict[str, int] = {}
    else:
        _hook_pending(session)  # a rollback forgets the ids
        remembered = session.info.setdefault(PERSON_IDS, {})
    ids = {n: remembered[n] for n in names if n in remembered}
    unread = [n for n in names if n not in ids]
    if unread:
        known = select(Person.name, Person.id).where(Person.name.in_(unread))
        ids.update((name, pid) for name, pid in session.execute(known))
        missing = [{"name": n} for n in unread if n not in ids]
        if missing:
            added = _insert_or_ignore_returning(session, Person, missing, ("name",), "name")
            ids.update((name, pid) for pid, name in added)
            if len(added) < len(missing):  # a concurrent writer added some of them
                ids.update((name, pid) for name, pid in session.execute(known))
        remembered.update(ids)
    return ids


Rows = list[tuple[type, dict[str, Any]]]


def _amount_rows(version_id: int, amounts: list[Any]) -> Rows:
    rows: Rows = []
    for amount in amounts:
        try:
            value = float(amount.get("value"))
        except (TypeError, ValueError, AttributeError):
            continue
        rows.append((Amount, dict(version_id=version_id, text=str(amount.get("text") or "")[:64], value=value,
                                  currency=str(amount.get("currency") or "CNY"), context=amount.get("context"))))  # fmt: skip
    return rows


def _entity_rows(version_id: int, rec: dict[str, Any], person_ids: dict[str, int]) -> Rows:
    """Rows of the query tables for a version's derived fields."""
    rows: Rows = []
    seen: set[int] = set()
    for person in rec["people"]:
        pid = person_ids.get(person.get("name")) if isinstance(person, dict) else None
        if pid is not None and pid not in seen:
            seen.add(pid)
            rows.append(
                (Mention, dict(version_id=version_id, person_id=pid, titles=list(person.get("titles") or [])))
            )
    rows += [
        (OrganizationMention, dict(version_id=version_id, name=n))
        for n in dict.fromkeys(rec["organizations"])
    ]
    rows += [(PlaceMention, dict(version_id=version_id, name=n)) for n in dict.fromkeys(rec["places"])]
    rows += _amount_rows(version_id, rec["amounts"])
    days = dict.fromkeys(filter(None, (parse_day(d) for d in rec["event_dates"])))
    rows += [(EventDate, dict(version_id=version_id, day=d)) for d in days]
    return rows


def _byline_rows(version_id: int, rec: dict[str, Any]) -> Rows:
    return [(Byline, dict(version_id=version_id, role=role, name=name))
            for role, key in (("reporter", "reporters"), ("photographer", "photographers"))
            for name in dict.fromkeys(rec[key])]  # fmt: skip


def _bulk_insert(session: Session, rows: Rows) -> None:
    """One executemany INSERT per table (no ORM bookkeeping for rows nobody reads back here)."""
    by_table: dict[type, list[dict[str, Any]]] = {}
    for model, values in rows:
        by_table.setdefault(model, []).append(values)
    for model, values in by_table.items():
        session.execute(insert(model.__table__), values)  # type: ignore[attr-defined]


# Where a session keeps the query-table rows of the pages stored since its last write of them,
# the upserts queued with them (per table, by primary key: the last one wins) and the ids of the
# people its transaction has read or created.
PENDING_ROWS = "crawler.store.pending_rows"
PENDING_UPSERTS = "crawler.store.pending_upserts"
PENDING_HOOKED = "crawler.store.pending_hooked"
PERSON_IDS = "crawler.store.person_ids"


def _defer_insert(session: Session, rows: Rows) -> None:
    """Queue rows of the query tables (bylines, mentions, …, search_docs) that nothing in this
    transaction reads back: they are written together, one executemany per table for the whole
    batch of pages, before the transaction commits (or before store code reads those tables)."""
    if not rows:
        return
    if session.in_nested_transaction():  # a savepoint may be rolled back alone: no queue to reconcile
        _bulk_insert(session, rows)
        return
    _hook_pending(session)
    session.info.setdefault(PENDING_ROWS, []).extend(rows)


def _defer_upsert(
    session: Session, model: type, values: dict[str, Any], update_columns: tuple[str, ...]
) -> None:
    """Queue ``INSERT … ON CONFLICT (primary key) DO UPDATE SET update_columns``, written with the
    query-table rows (at once inside a savepoint)."""
    if session.in_nested_transaction():
        _bulk_upsert(session, model, update_columns, [values])
        return
    _hook_pending(session)
    table = model.__table__  # type: ignore[attr-defined]
    key = tuple(values[c.name] for c in table.primary_key.columns)
    queued = session.info.setdefault(PENDING_UPSERTS, {}).setdefault((model, update_columns), {})
    queued[key] = values


def _hook_pending(session: Session) -> None:
    if not session.info.get(PENDING_HOOKED):
        event.listen(session, "before_commit", write_pending)
        event.listen(session, "after_rollback", _drop_pending)
        session.info[PENDING_HOOKED] = True


def write_pending(session: Session) -> None:
    """Write the queued query-table rows and upserts now (the commit does it by itself)."""
    rows = session.info.pop(PENDING_ROWS, None)
    if rows:
        _bulk_insert(session, rows)
    upserts = session.info.pop(PENDING_UPSERTS, None)
    for (model, update_columns), by_key in (upserts or {}).items():
        _bulk_upsert(session, model, update_columns, list(by_key.values()))


def _bulk_upsert(
    session: Session, model: type, update_columns: tuple[str, ...], rows: list[dict[str, Any]]
) -> None:
    table = model.__table__  # type: ignore[attr-defined]
    stmt = _insert(session)(table)
    stmt = stmt.on_conflict_do_update(
        index_elements=list(table.primary_key.columns), set_={c: stmt.excluded[c] for c in update_columns}
    )
    session.execute(stmt, rows)


def _drop_pending(session: Session) -> None:
    """A rollback of the transaction forgets what was queued and the person ids it read (nothing
    is queued or remembered inside a savepoint, so rolling one back leaves both right)."""
    for key in (PENDING_ROWS, PENDING_UPSERTS, PERSON_IDS):
        session.info.pop(key, None)


def _search_tokens(article: Any, rec: dict[str, Any]) -> tuple[str, str]:
    heads = " ".join(filter(None, (rec["lead_title"], rec["title"], rec["subtitle"])))
    tokens = article.get("tokens")
    if tokens is None:
        tokens = tokenize(rec["body"] + "\n" + "\n".join(rec["captions"]))
    title_tokens = article.get("title_tokens")
    if title_tokens is None:
        title_tokens = tokenize(heads)
    return " ".join(title_tokens), " ".join(filter(str.strip, tokens))


@dataclass
class ArticleRow:
    """An article identity: what versioning reads and changes (written back by ``_save_rows``).

    ``stored_version`` is the current version the row holds in the database: a row created for this
    page is stored with version 1, the version this page is about to add to it.
    """

    id: int
    current_version: int
    stored_version: int
    last_seen: datetime | None = None


def _articles_of(session: Session, item: Any, count: int) -> dict[int, ArticleRow]:
    """The article identities at positions 0..count-1 of the page's URL, created where missing."""
    url = item["url"]
    same_url = select(Article.position, Article.id, Article.current_version).where(Article.url == url)
    by_position = {pos: ArticleRow(aid, version, version) for pos, aid, version in session.execute(same_url)}
    now = parse_time(item.get("fetched_at"))
    missing = [
        dict(source=item["source"], url=url, position=p, origin=item.get("origin") or url,
             current_version=FIRST_VERSION, first_seen=now, last_seen=now)
        for p in range(count) if p not in by_position
    ]  # fmt: skip
    if missing:
        added = _insert_or_ignore_returning(session, Article, missing, ("url", "position"), "position")
        if len(added) < len(missing):  # a concurrent writer created some of them: read those
            stored = session.execute(same_url)
            by_position = {pos: ArticleRow(aid, version, version) for pos, aid, version in stored}
        # ours have no version yet (the one this page adds is already the row's current one)
        by_position.update((pos, ArticleRow(aid, 0, FIRST_VERSION)) for aid, pos in added)
    return by_position


def _save_rows(session: Session, rows: list[ArticleRow]) -> None:
    """Write the changed article identities back, one executemany UPDATE."""
    changed = [
        {"row_id": r.id, "version": r.current_version, "seen": r.last_seen}
        for r in rows if r.last_seen is not None or r.current_version != r.stored_version
    ]  # fmt: skip
    if not changed:
        return
    table = Article.__table__
    with_seen = [c for c in changed if c["seen"] is not None]
    without_seen = [c for c in changed if c["seen"] is None]
    where = table.c.id == bindparam("row_id")
    if with_seen:
        both = {"current_version": bindparam("version"), "last_seen": bindparam("seen")}
        session.execute(update(table).where(where).values(both), with_seen)
    if without_seen:
        session.execute(update(table).where(where).values(current_version=bindparam("version")), without_seen)


def _current_versions(session: Session, article_ids: list[int]) -> dict[int, ArticleVersion]:
    if not article_ids:
        return {}
    stmt = (
        select(ArticleVersion)
        .join(
            Article,
            (ArticleVersion.article_id == Article.id) & (ArticleVersion.version == Article.current_version),
        )
        .where(Article.id.in_(article_ids))
    )
    return {v.article_id: v for v in session.scalars(stmt)}


# The stage that produced a field, recorded when the stage itself did not name a finer rule.
FIELD_STAGE = {
    "kind": "split", "lead_title": "fields", "title": "fields", "subtitle": "fields", "reporters": "fields",
    "photographers": "fields", "body": "fields", "captions": "fields", "people": "entities",
    "organizations": "entities", "places": "entities", "amounts": "entities", "event_dates": "entities",
    "keywords": "entities",
}  # fmt: skip


def provenance_of(item: Any, article: Any, rec: dict[str, Any]) -> dict[str, str]:
    """Field → rule: the page's and the article's own notes, and the stage for any other field it states."""
    notes = {**(item.get("provenance") or {}), **(article.get("provenance") or {})}
    for field, stage in FIELD_STAGE.items():
        if rec.get(field) and field not in notes:
            notes[field] = stage
    if item.get("script") and "script" not in notes:
        notes["script"] = "script"
    return notes


def _new_version(item: Any, page_id: int, row: ArticleRow, rec: dict[str, Any], rhash: str, article: Any,
                 ) -> dict:  # fmt: skip
    return dict(
        article_id=row.id,
        version=row.current_version + 1,
        page_id=page_id,
        fetched_at=parse_time(item.get("fetched_at")),
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
        provenance=provenance_of(item, article, rec),
    )


def store_articles(session: Session, item: Any, page_id: int, result: StoreResult) -> None:
    """Insert, version or re-annotate each article of the page, with a handful of statements per page."""
    articles = list(item.get("articles") or [])
    if not articles:
        return
    recs = [record_of(a) for a in articles]
    rows = _articles_of(session, item, len(articles))
    current = _current_versions(session, [r.id for r in rows.values() if r.current_version])
    if current:  # versions of these articles may get new index rows or lose old ones: write the queued ones
        write_pending(session)
    now = parse_time(item.get("fetched_at"))
    fresh: list[tuple[ArticleRow, dict[str, Any], dict[str, Any], Any]] = []
    reannotate: list[tuple[ArticleVersion, dict[str, Any], Any]] = []
    for position, (article, rec) in enumerate(zip(articles, recs, strict=True)):
        row = rows[position]
        rhash = record_hash(rec, item)
        latest = current.get(row.id)
        if latest is not None:
            row.last_seen = now
            if latest.record_hash == rhash:
                if all((latest.record or {}).get(k) == rec[k] for k in DERIVED_FIELDS):
                    result.articles_unchanged += 1
                else:
                    reannotate.append((latest, rec, article))
                continue
        fresh.append((row, _new_version(item, page_id, row, rec, rhash, article), rec, article))
    if not fresh and not reannotate:
        _save_rows(session, list(rows.values()))
        return
    person_ids = _person_ids(session, [rec for *_, rec, _a in fresh] + [rec for _v, rec, _a in reannotate])
    extra: Rows = []
    ids: list[int] = []
    if fresh:  # one multi-row INSERT; each new id is matched to its article (one new version each)
        table = ArticleVersion.__table__
        stmt = insert(table).returning(table.c.id, table.c.article_id)
        added = session.execute(stmt, [values for _r, values, _rc, _a in fresh])
        new_ids = {aid: vid for vid, aid in added}
        ids = [new_ids[row.id] for row, *_ in fresh]
    for (row, values, rec, article), vid in zip(fresh, ids, strict=True):
        if row.current_version:
            result.articles_updated += 1
        else:
            result.articles_new += 1
        row.current_version = values["version"]
        extra += _byline_rows(vid, rec) + _entity_rows(vid, rec, person_ids)
        title_tokens, body_tokens = _search_tokens(article, rec)
        doc = session.get(SearchDoc, row.id) if values["version"] > 1 else None
        if doc is None:
            extra.append((SearchDoc, dict(article_id=row.id, pub_date=values["pub_date"], title_tokens=title_tokens,
                                          body_tokens=body_tokens)))  # fmt: skip
        else:
            doc.pub_date, doc.title_tokens, doc.body_tokens = values["pub_date"], title_tokens, body_tokens
    for version, rec, article in reannotate:
        result.articles_reannotated += 1
        version.record = {**(version.record or {}), **{k: rec[k] for k in DERIVED_FIELDS}}
        version.provenance = {**(version.provenance or {}), **provenance_of(item, article, rec)}
        for table in ENTITY_TABLES:
            session.execute(delete(table).where(table.version_id == version.id))
        extra += _entity_rows(version.id, rec, person_ids)
    _save_rows(session, list(rows.values()))
    _defer_insert(session, extra)


def mark_done(session: Session, item: Any) -> None:
    """Record the URL as done and its validators, in the same transaction as its articles.

    Two upserts, queued like the query-table rows: a batch of pages writes them with one statement
    per table just before it commits (the last page of a URL wins within a batch).
    """
    url, now = item["url"], parse_time(item.get("fetched_at"))
    frontier = dict(url=url, source=item["source"], state="done", callback=None, meta={}, discovered_at=now,
                    lease_until=None, done_at=now, attempts=0, last_error=None)  # fmt: skip
    _defer_upsert(session, FrontierEntry, frontier, ("state", "done_at", "lease_until"))
    validators = dict(
        url=url,
        source=item["source"],
        etag=item.get("etag"),
        last_modified=item.get("last_modified"),
        content_hash=sha256(item.get("raw") or b""),
        last_status=item.get("http_status") or 200,
        fetched_at=now,
        checked_at=None,
    )
    _defer_upsert(
        session, UrlState, validators, ("etag", "last_modified", "content_hash", "last_status", "fetched_at")
    )


def store_page(session: Session, item: Any) -> StoreResult:
    """Store one page item and its articles; the caller commits."""
    page_id, page_new = upsert_page(session, item)
    result = StoreResult(page_new=page_new)
    store_articles(session, item, page_id, result)
    mark_done(session, item)
    return result
