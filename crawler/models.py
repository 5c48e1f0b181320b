"""The database schema (SQLAlchemy 2 declarative models; Alembic migrations follow it).

Domains:
- documents: ``pages`` (one row per distinct fetched document) and ``articles``
  (a stable identity per url + position) with their ``article_versions``;
- query tables for the lists users search by: bylines, people and their mentions,
  organizations, places, amounts, event dates, and ``search_docs`` (the jieba
  tokens the full-text index is built on);
- crawl state: ``url_state`` (conditional-request validators per URL),
  ``frontier`` (URLs discovered and not yet done), ``source_state`` and ``crawl_runs``.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


# --- documents ---------------------------------------------------------------


class Page(Base):
    """One fetched or replayed document, as its bytes; a changed document is a new row."""

    __tablename__ = "pages"
    __table_args__ = (UniqueConstraint("url", "content_hash"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(String(32), index=True)
    url: Mapped[str] = mapped_column(String(2048))
    origin: Mapped[str] = mapped_column(String(2048))
    fetched_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    content_hash: Mapped[str] = mapped_column(String(64))  # sha256 of the raw bytes
    raw: Mapped[bytes] = mapped_column(LargeBinary)
    encoding: Mapped[str] = mapped_column(String(32))
    layout: Mapped[str | None] = mapped_column(String(64))
    newspaper: Mapped[str | None] = mapped_column(String(128))
    pub_date: Mapped[date | None] = mapped_column(Date, index=True)
    page_no: Mapped[str | None] = mapped_column(String(16))
    page_name: Mapped[str | None] = mapped_column(String(256))
    page_toc: Mapped[list[str]] = mapped_column(JSON, default=list)
    script: Mapped[str | None] = mapped_column(String(16))
    provenance: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)


class Article(Base):
    """A stable article identity: the ``position``-th article of the page at ``url``."""

    __tablename__ = "articles"
    __table_args__ = (UniqueConstraint("url", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(String(32), index=True)
    url: Mapped[str] = mapped_column(String(2048))
    position: Mapped[int] = mapped_column(Integer)
    origin: Mapped[str] = mapped_column(String(2048))
    current_version: Mapped[int] = mapped_column(Integer, default=1)
    first_seen: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    last_seen: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    versions: Mapped[list[ArticleVersion]] = relationship(
        back_populates="article", order_by="ArticleVersion.version", cascade="all, delete-orphan"
    )


class ArticleVersion(Base):
    """The fields of one version of an article; a new row whenever the extracted record changes."""

    __tablename__ = "article_versions"
    __table_args__ = (UniqueConstraint("article_id", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    page_id: Mapped[int] = mapped_column(ForeignKey("pages.id"), index=True)
    fetched_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    content_hash: Mapped[str] = mapped_column(String(64), index=True)  # of the normalized body
    record_hash: Mapped[str] = mapped_column(String(64))  # of every extracted field
    kind: Mapped[str] = mapped_column(String(16))
    newspaper: Mapped[str | None] = mapped_column(String(128))
    pub_date: Mapped[date | None] = mapped_column(Date, index=True)
    page_no: Mapped[str | None] = mapped_column(String(16))
    page_name: Mapped[str | None] = mapped_column(String(256))
    lead_title: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    subtitle: Mapped[str | None] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)
    script: Mapped[str | None] = mapped_column(String(16))
    # the record's list fields as exported (the query tables below index them)
    record: Mapped[dict] = mapped_column(JSON)
    provenance: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)

    article: Mapped[Article] = relationship(back_populates="versions")


# --- query tables (rows for the current version of each article) -------------


class Byline(Base):
    __tablename__ = "bylines"
    __table_args__ = (UniqueConstraint("version_id", "role", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("article_versions.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(String(16))  # reporter | photographer
    name: Mapped[str] = mapped_column(String(64), index=True)


class Person(Base):
    __tablename__ = "people"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)


class Mention(Base):
    """A person named in an article version, with the title printed next to the name."""

    __tablename__ = "mentions"
    __table_args__ = (UniqueConstraint("version_id", "person_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("article_versions.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    titles: Mapped[list[str]] = mapped_column(JSON, default=list)


class OrganizationMention(Base):
    __tablename__ = "organizations"
    __table_args__ = (UniqueConstraint("version_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("article_versions.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(256), index=True)


class PlaceMention(Base):
    __tablename__ = "places"
    __table_args__ = (UniqueConstraint("version_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("article_versions.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(128), index=True)


class Amount(Base):
    __tablename__ = "amounts"

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("article_versions.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(String(64))
    value: Mapped[float] = mapped_column(Float)
    currency: Mapped[str] = mapped_column(String(8))
    context: Mapped[str | None] = mapped_column(String(64))


class EventDate(Base):
    __tablename__ = "event_dates"
    __table_args__ = (UniqueConstraint("version_id", "day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("article_versions.id", ondelete="CASCADE"))
    day: Mapped[date] = mapped_column(Date, index=True)


class SearchDoc(Base):
    """Jieba tokens of an article's current headline and body, space-separated (full-text index input)."""

    __tablename__ = "search_docs"

    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)
    pub_date: Mapped[date | None] = mapped_column(Date)
    title_tokens: Mapped[str] = mapped_column(Text)
    body_tokens: Mapped[str] = mapped_column(Text)


# --- crawl state ---------------------------------------------------------------


class UrlState(Base):
    """What the last fetch of a URL answered: validators for conditional requests."""

    __tablename__ = "url_state"

    url: Mapped[str] = mapped_column(String(2048), primary_key=True)
    source: Mapped[str] = mapped_column(String(32))
    etag: Mapped[str | None] = mapped_column(String(256))
    last_modified: Mapped[str | None] = mapped_column(String(64))
    content_hash: Mapped[str | None] = mapped_column(String(64))
    last_status: Mapped[int | None] = mapped_column(Integer)
    fetched_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))  # last full download
    # last time the URL was asked about: a 304 or an unchanged body moves only this
    checked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class FrontierEntry(Base):
    """A URL discovered by a crawl; ``done`` is set in the transaction that stores its articles.

    ``pending`` rows are queued again by every run (``crawler.frontier``); ``failed`` rows gave up
    after ``attempts`` failed downloads.
    """

    __tablename__ = "frontier"
    __table_args__ = (Index("ix_frontier_source_state", "source", "state"),)

    url: Mapped[str] = mapped_column(String(2048), primary_key=True)
    source: Mapped[str] = mapped_column(String(32))
    state: Mapped[str] = mapped_column(String(16), default="pending")  # pending | leased | done | failed
    callback: Mapped[str | None] = mapped_column(String(64))
    meta: Mapped[dict] = mapped_column(JSON, default=dict)
    discovered_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    lease_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    done_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")  # failed downloads so far
    last_error: Mapped[str | None] = mapped_column(String(256))


class SourceState(Base):
    """Per source: the newest issue seen (where an incremental e-paper crawl starts again)."""

    __tablename__ = "source_state"

    source: Mapped[str] = mapped_column(String(32), primary_key=True)
    newest_issue: Mapped[date | None] = mapped_column(Date)
    updated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class CrawlRun(Base):
    """One crawl: its stats and per-field coverage (for the layout-change alarm)."""

    __tablename__ = "crawl_runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    spider: Mapped[str] = mapped_column(String(32), index=True)
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    finish_reason: Mapped[str | None] = mapped_column(String(64))
    stats: Mapped[dict] = mapped_column(JSON, default=dict)
    coverage: Mapped[dict] = mapped_column(JSON, default=dict)
    mode: Mapped[str | None] = mapped_column(String(16))  # incremental | range | full (None: no web spider)
    pid: Mapped[int | None] = mapped_column(Integer)
