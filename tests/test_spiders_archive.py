"""The archive spider end to end: files → pipelines → a real database → export."""

from __future__ import annotations

import gzip
import io
import json
import shutil
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from crawler.db import make_engine
from crawler.models import Article, ArticleVersion, Page
from tests.conftest import SEEDS


def counts(url: str) -> dict[str, int]:
    engine = make_engine(url)
    with Session(engine) as s:
        out = {
            "pages": s.scalar(select(func.count(Page.id))) or 0,
            "articles": s.scalar(select(func.count(Article.id))) or 0,
            "versions": s.scalar(select(func.count(ArticleVersion.id))) or 0,
        }
    engine.dispose()
    return out


def export(run_scrapy, db: str, *args: str) -> list[dict]:
    proc = run_scrapy("export", *args, db=db)
    return [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]


def test_replay_seeds_twice_adds_nothing(run_scrapy, db_url: str) -> None:
    first = run_scrapy("crawl", "archive", "-a", f"path={SEEDS}", db=db_url)
    assert "5 pages read" in first.stdout
    after_first = counts(db_url)
    assert after_first["pages"] == 5
    assert after_first["articles"] >= 20
    records = export(run_scrapy, db_url)
    assert len(records) == after_first["articles"]
    assert {Path(r["origin"]).name for r in records} == {p.name for p in SEEDS.glob("*.txt")}
    assert all(r["version"] == 1 and r["source"] == "archive" for r in records)
    assert all(r["url"].startswith("file://") for r in records)
    second = run_scrapy("crawl", "archive", "-a", f"path={SEEDS}", db=db_url)
    assert "articles 0 new / 0 updated" in second.stdout
    assert counts(db_url) == after_first


def test_changed_page_gets_a_new_version(run_scrapy, sqlite_url: str, tmp_path: Path) -> None:
    root = tmp_path / "archive"
    root.mkdir()
    page = root / "page.txt"
    text = (SEEDS / "000_393ab2bc7c10ed6d.txt").read_text(encoding="utf-8")
    page.write_text(text, encoding="utf-8")
    run_scrapy("crawl", "archive", "-a", f"path={root}", db=sqlite_url)
    before = export(run_scrapy, sqlite_url)
    page.write_text(text.replace("迁坟3140余座", "迁坟3150余座"), encoding="utf-8")
    run_scrapy("crawl", "archive", "-a", f"path={root}", db=sqlite_url)
    after = export(run_scrapy, sqlite_url)
    assert len(after) == len(before)
    changed = [r for r in after if "3150" in r["body"]]
    assert changed and all(r["version"] == 2 for r in changed)
    assert counts(sqlite_url)["versions"] == len(before) + len(changed)
    assert counts(sqlite_url)["pages"] == 2  # both documents kept


def make_warc(records: list[tuple[str, bytes, str]]) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for uri, body, ctype in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers))
    return buf.getvalue()


def test_html_warc_and_sidecar(run_scrapy, sqlite_url: str, tmp_path: Path) -> None:
    root = tmp_path / "archive"
    root.mkdir()
    para = "本报讯(记者王丽)3月2日,市政府召开常务会议,研究部署今年重点项目建设工作,总投资达30亿元。"
    html = f"<html><head><meta charset='gb2312'></head><body><h1>市政府召开常务会议</h1><p>{para}</p></body></html>"
    (root / "a.html").write_bytes(html.encode("gb18030"))
    (root / "a.json").write_text(json.dumps({"url": "http://example.test/a.htm", "pub_date": "2021-03-03",
                                             "newspaper": "焦作日报"}), encoding="utf-8")  # fmt: skip
    warc = make_warc([
        ("http://example.test/w1.htm", html.encode("gb18030"), "text/html; charset=gbk"),
        ("http://example.test/w2.htm", html.replace("30亿元", "40亿元").encode("utf-8"), "text/html"),
    ])  # fmt: skip
    (root / "b.warc.gz").write_bytes(warc)
    proc = run_scrapy("crawl", "archive", "-a", f"path={root}", db=sqlite_url)
    assert "3 pages read" in proc.stdout, proc.stderr[-2000:]
    records = export(run_scrapy, sqlite_url)
    by_url = {r["url"]: r for r in records}
    assert set(by_url) == {"http://example.test/a.htm", "http://example.test/w1.htm", "http://example.test/w2.htm"}
    a = by_url["http://example.test/a.htm"]
    assert a["pub_date"] == "2021-03-03" and a["newspaper"] == "焦作日报"
    assert "研究部署今年重点项目建设工作" in a["body"]
    assert by_url["http://example.test/w1.htm"]["origin"] == "b.warc.gz#http://example.test/w1.htm"
    assert by_url["http://example.test/w1.htm"]["content_hash"] == a["content_hash"]
    assert "40亿元" in by_url["http://example.test/w2.htm"]["body"]


def test_bad_inputs_are_logged_and_skipped(run_scrapy, sqlite_url: str, tmp_path: Path) -> None:
    root = tmp_path / "archive"
    root.mkdir()
    shutil.copy(SEEDS / "000_393ab2bc7c10ed6d.txt", root / "good.txt")
    (root / "empty.txt").write_bytes(b"")
    (root / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    (root / "mojibake.txt").write_bytes(bytes([0x81, 0x30, 0xFF, 0xFE, 0xFF]) * 300)
    (root / "big.txt").write_bytes("很长的一页。".encode() * 20000)
    (root / "outside.txt").symlink_to(SEEDS / "001_ef1b7a7f51ebf87b.txt")
    good_warc = make_warc([("http://example.test/x.htm", b"<html><body><p>" + "内容".encode() * 50 + b"</p></body></html>",
                            "text/html; charset=utf-8")] * 2)  # fmt: skip
    (root / "cut.warc.gz").write_bytes(good_warc[: len(good_warc) * 2 // 3])
    (root / "notgzip.warc.gz").write_bytes(gzip.compress(b"this is not a WARC file at all\r\n" * 10))
    (root / "bad.txt").write_bytes("正文".encode() * 40)
    (root / "bad.json").write_text("{not json", encoding="utf-8")
    proc = run_scrapy("crawl", "archive", "-a", f"path={root}", "-s", "ARCHIVE_MAX_BYTES=100000", db=sqlite_url)
    log = proc.stderr
    for name, kind in [("empty.txt", "empty"), ("binary.txt", "binary"), ("mojibake.txt", "undecodable"),
                       ("big.txt", "too_large"), ("outside.txt", "outside_root"), ("cut.warc.gz", "warc_malformed"),
                       ("notgzip.warc.gz", "warc_malformed"), ("bad.json", "bad_sidecar")]:  # fmt: skip
        lines = [ln for ln in log.splitlines() if name in ln and kind in ln]
        assert len(lines) == 1, f"{name}: expected one '{kind}' line in the log:\n{log[-4000:]}"
    assert "errors: " in proc.stdout and "too_large 1" in proc.stdout
    stored = {Path(r["origin"].split("#")[0]).name for r in export(run_scrapy, sqlite_url)}
    assert "good.txt" in stored
    assert "cut.warc.gz" in stored  # the record before the cut is kept
    assert not stored & {"empty.txt", "binary.txt", "mojibake.txt", "big.txt", "outside.txt", "bad.txt"}


def test_password_in_database_url_stays_out_of_logs(run_scrapy, tmp_path: Path) -> None:
    proc = run_scrapy("crawl", "archive", "-a", f"path={tmp_path}", "-s", "LOG_LEVEL=DEBUG",
                      db="postgresql+psycopg://user:s3cretpw@127.0.0.1:1/none", check=False)  # fmt: skip
    assert "s3cretpw" not in proc.stderr + proc.stdout


def test_password_given_as_setting_is_redacted(run_scrapy, tmp_path: Path) -> None:
    proc = run_scrapy("crawl", "archive", "-a", f"path={tmp_path}",
                      "-s", "DATABASE_URL=postgresql+psycopg://user:s3cretpw@127.0.0.1:1/none",
                      db="", check=False)  # fmt: skip
    assert "s3cretpw" not in proc.stderr + proc.stdout
    assert "cannot open the database postgresql+psycopg://user:***@127.0.0.1:1/none" in proc.stderr
