"""The project's commands on a replayed database: export (JSON Lines, CSV, filters, people), search, reextract."""

from __future__ import annotations

import csv
import io
import json

import pytest
from sqlalchemy import text

from crawler.db import make_engine
from tests.conftest import SEEDS


@pytest.fixture
def replayed(run_scrapy, db_url: str) -> str:
    run_scrapy("crawl", "archive", "-a", f"path={SEEDS}", "-s", "LOG_LEVEL=WARNING", db=db_url)
    return db_url


def records(run_scrapy, db: str, *args: str) -> list[dict]:
    return [json.loads(ln) for ln in run_scrapy("export", *args, db=db).stdout.splitlines() if ln.strip()]


def test_export_formats_and_filters(run_scrapy, replayed: str, tmp_path) -> None:
    everything = records(run_scrapy, replayed)
    assert len(everything) >= 20
    assert set(everything[0]) >= {"id", "source", "url", "origin", "title", "body", "people", "amounts", "version",
                                  "content_hash", "fetched_at", "provenance", "script", "page_toc"}  # fmt: skip
    dated = [r for r in everything if r["pub_date"]]
    assert dated and len(records(run_scrapy, replayed, "--since", "2019-12-01")) == len(dated)
    assert records(run_scrapy, replayed, "--source", "epaper") == []
    out = tmp_path / "out.csv"
    run_scrapy("export", "-o", str(out), db=replayed)
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert len(rows) == len(everything)
    assert json.loads(rows[0]["reporters"]) == everything[0]["reporters"]
    bad = run_scrapy("export", "--since", "yesterday", db=replayed, check=False)
    assert bad.returncode != 0 and "YYYY-MM-DD" in bad.stderr


def test_export_people(run_scrapy, replayed: str) -> None:
    people = records(run_scrapy, replayed, "--what", "people")
    by_name = {p["name"]: p for p in people}
    assert by_name["吕沛"]["article_count"] >= 3
    titles = {t["title"] for t in by_name["王家鹏"]["titles"]}
    assert any("党工委书记" in t for t in titles)
    dated = [t for t in by_name["王家鹏"]["titles"] if t["first"]]
    assert dated and dated[0]["first"] == "2019-12-23"


def test_search_finds_every_article_that_mentions_the_word(run_scrapy, replayed: str) -> None:
    mention = {r["title"] or "(photo)" for r in records(run_scrapy, replayed) if "蒙牛" in r["body"]}
    assert len(mention) >= 3
    out = run_scrapy("search", "蒙牛", "--limit", "50", db=replayed).stdout
    hits = [ln for ln in out.splitlines() if ln.strip() and not ln.startswith(" ")]
    assert len(hits) == len(mention)
    for title in mention:
        assert title in out
    assert "蒙牛" in out  # snippets show the word
    assert run_scrapy("search", "不存在的词语组合", db=replayed).stdout.strip() == "no articles match"


def test_reextract_versions_only_what_changed(run_scrapy, replayed: str) -> None:
    unchanged = run_scrapy("reextract", db=replayed)
    assert " 0 new / 0 updated" in unchanged.stdout
    engine = make_engine(replayed)
    with engine.begin() as conn:  # pretend one article was extracted by older rules
        target = conn.execute(text("SELECT min(article_id) FROM article_versions")).scalar()
        conn.execute(text("UPDATE article_versions SET record_hash = 'older-rules', title = 'old title' "
                          "WHERE article_id = :a"), {"a": target})  # fmt: skip
    engine.dispose()
    proc = run_scrapy("reextract", db=replayed)
    assert " 0 new / 1 updated" in proc.stdout
    after = {r["id"]: r for r in records(run_scrapy, replayed)}
    assert after[target]["version"] == 2 and after[target]["title"] != "old title"
    assert all(r["version"] == 1 for i, r in after.items() if i != target)


def test_every_stated_field_names_its_rule(run_scrapy, replayed: str) -> None:
    fields = ("kind", "lead_title", "title", "subtitle", "reporters", "photographers", "body", "captions", "people",
              "amounts", "event_dates", "keywords", "pub_date", "page_no", "page_name", "newspaper", "page_toc")  # fmt: skip
    for rec in records(run_scrapy, replayed):
        for field in fields:
            if rec[field]:
                assert rec["provenance"].get(field), f"{rec['origin']}#{rec['position']}: no provenance for {field}"
        assert rec["fetched_at"].endswith("+00:00")
