"""Golden text pages: each folder under ``tests/fixtures/text/`` is one invented page.

``input.txt`` is the page as captured; ``expected.json`` lists the page metadata and the
articles a careful reader finds. The page runs through chrome → (script) → split → fields;
every expected field is its own test, so a failure names the case and the field.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import opencc
import pytest

from pipelines.chrome import strip_chrome
from pipelines.fields import block_to_article
from pipelines.split import split_blocks

FIXTURES = Path(__file__).parent / "fixtures" / "text"
CASES = sorted(p.name for p in FIXTURES.iterdir() if (p / "input.txt").is_file())
ARTICLE_FIELDS = (
    "kind",
    "lead_title",
    "title",
    "subtitle",
    "reporters",
    "photographers",
    "body_with",
    "body_without",
    "body_once",
    "paragraph_count",
    "captions",
)
T2S = opencc.OpenCC("t2s").convert


def _squash(text: str | None) -> str:
    return "".join((text or "").split())


@cache
def expected_of(case: str) -> dict[str, Any]:
    return json.loads((FIXTURES / case / "expected.json").read_text(encoding="utf-8"))


@cache
def run_page(case: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Page metadata and article records of one case, as the pipelines would produce them."""
    raw = (FIXTURES / case / "input.txt").read_bytes().decode("utf-8")
    chrome = strip_chrome(raw, T2S)
    lines = [T2S(line) for line in chrome.lines]  # the script stage's work
    toc = [T2S(x) for x in chrome.page_toc]
    page = {key: T2S(value) for key, value in chrome.meta.items()}
    page["page_toc"] = toc
    articles = [dict(block_to_article(b, i, toc)) for i, b in enumerate(split_blocks(lines))]
    return page, articles


def _params() -> list[Any]:
    params = []
    for case in CASES:
        expected = expected_of(case)
        for key in expected.get("page", {}):
            params.append(pytest.param(case, "page", key, id=f"{case}-page-{key}"))
        params.append(pytest.param(case, "count", "", id=f"{case}-article-count"))
        for index, article in enumerate(expected["articles"]):
            for key in ARTICLE_FIELDS:
                if key in article:
                    params.append(pytest.param(case, index, key, id=f"{case}-{index}-{key}"))
    return params


def test_at_least_fifteen_cases() -> None:
    assert len(CASES) >= 15


@pytest.mark.parametrize(("case", "where", "key"), _params())
def test_fixture_field(case: str, where: Any, key: str) -> None:
    expected = expected_of(case)
    page, articles = run_page(case)
    if where == "page":
        assert page.get(key) == expected["page"][key]
        return
    if where == "count":
        assert [a.get("title") for a in articles] == [a["title"] for a in expected["articles"]]
        return
    want = expected["articles"][where]
    got = articles[where]
    body = _squash(got.get("body"))
    if key == "body_with":
        missing = [s for s in want[key] if _squash(s) not in body]
        assert not missing, got.get("body")
    elif key == "body_without":
        leaked = [s for s in want[key] if _squash(s) in body]
        assert not leaked, got.get("body")
    elif key == "body_once":
        counts = {s: body.count(_squash(s)) for s in want[key]}
        assert all(c == 1 for c in counts.values()), counts
    elif key == "paragraph_count":
        assert len((got.get("body") or "").split("\n")) == want[key], got.get("body")
    else:
        assert got.get(key) == want[key]
