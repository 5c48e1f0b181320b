"""Decoding: the same article in every encoding a page may come in gives the same text."""

from __future__ import annotations

import codecs

import pytest

from crawler.decoding import UndecodableError, decode_bytes, header_charset, meta_charset, normalize_label

ARTICLE = "本报讯(记者王丽)朱镕基与王堃昨日考察了示范区重点项目,总投资达130.23亿元。"
HTML = '<html><head><meta http-equiv="Content-Type" content="text/html; charset={cs}"></head><body><p>{t}</p></body></html>'


def html_bytes(charset: str, codec: str) -> bytes:
    return HTML.format(cs=charset, t=ARTICLE).encode(codec)


@pytest.mark.parametrize(
    ("raw", "declared"),
    [
        pytest.param(html_bytes("utf-8", "utf-8"), None, id="utf8-meta"),
        pytest.param(html_bytes("gb2312", "gb18030"), None, id="gbk-only-chars-under-gb2312-meta"),
        pytest.param(html_bytes("gbk", "gbk"), "utf-8", id="gbk-behind-false-utf8-header"),
        pytest.param(codecs.BOM_UTF8 + html_bytes("gb2312", "utf-8"), "gbk", id="utf8-bom-wins"),
        pytest.param(ARTICLE.encode("gb18030"), None, id="undeclared-gb18030-text"),
        pytest.param(ARTICLE.encode("utf-8"), None, id="undeclared-utf8-text"),
    ],
)
def test_same_text_whatever_the_encoding(raw: bytes, declared: str | None) -> None:
    decoded = decode_bytes(raw, declared)
    assert ARTICLE in decoded.text
    assert "\ufffd" not in decoded.text


def test_big5_is_detected_over_gb18030() -> None:
    traditional = "焦作網報道:市委書記王小平帶隊觀摩重點項目建設,總投資超過一千萬元。" * 3
    decoded = decode_bytes(traditional.encode("big5"))
    assert decoded.text == traditional
    assert decoded.encoding.startswith("big5")


def test_declared_charset_reported() -> None:
    assert decode_bytes(html_bytes("gb2312", "gb18030")).note == "meta"
    assert decode_bytes(ARTICLE.encode("gbk"), "GBK").note == "header"
    assert decode_bytes(codecs.BOM_UTF8 + b"abc").note == "bom"


def test_mojibake_is_refused() -> None:
    # bytes that are neither UTF-8, GB18030 nor Big5 (0xFF is invalid lead byte in all three)
    raw = bytes([0xFF, 0xFE, 0x80, 0xFF]) * 200
    with pytest.raises(UndecodableError):
        decode_bytes(raw[2:])


def test_labels() -> None:
    assert normalize_label("GB2312") == "gb18030"
    assert normalize_label("x-gbk") == "gb18030"
    assert normalize_label("BIG5") == "big5hkscs"
    assert normalize_label("nonsense-charset") is None
    assert header_charset("text/html; charset=GBK") == "GBK"
    assert header_charset(None) is None
    assert meta_charset(b'<meta charset="utf-8">') == "utf-8"
