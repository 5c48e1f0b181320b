"""Compare HTML extraction on every article page of the local copy: ours, trafilatura and GNE.

``python -m bench.extract [--repeat N]`` prints per tool: ms/page, the share of expected body snippets found
and the share of furniture snippets shown on the page that leak into the extracted text (lower is better).
Snippets are compared as the scorer compares them (``body_with`` / ``body_clean``): NFKC, quotes unified,
whitespace removed, Traditional read as Simplified.

Ours is the full HTML path a crawl runs: ``build_page_item`` (decoding + page objects), then the text
stages ``pipelines/chrome.py`` → ``script`` → ``split`` → ``fields``; its text is the articles' bodies and
captions. trafilatura and GNE are benchmark-only packages, given the same decoded page.
"""

from __future__ import annotations

import argparse
import re
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from crawler.decoding import decode_bytes
from crawler.pagebuild import build_page_item
from tests.sites.build import FAULT_DAY, build_site

_SPACE = re.compile(r"\s+")
# Quote styles the scorer treats as the same.
_QUOTES = str.maketrans({"「": "“", "」": "”", "『": "‘", "』": "’", "\u3000": " "})


@dataclass
class Case:
    url: str
    raw: bytes
    charset: str | None
    html: str  # decoded, for the other tools
    snippets: list[str]
    chrome: list[str]  # furniture pieces the page shows


@lru_cache(maxsize=1)
def _to_simple() -> Callable[[str], str]:
    import opencc

    return opencc.OpenCC("t2s").convert


def norm(text: str | None) -> str:
    """Text as the scorer compares it, read in Simplified script."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", _to_simple()(text)).translate(_QUOTES)
    return _SPACE.sub("", text)


@lru_cache(maxsize=1)
def _stages() -> tuple:
    from pipelines.chrome import ChromePipeline
    from pipelines.fields import FieldsPipeline
    from pipelines.script import ScriptPipeline
    from pipelines.split import SplitPipeline

    return ChromePipeline(), ScriptPipeline(), SplitPipeline(), FieldsPipeline()


def ours(case: Case) -> str:
    item = build_page_item(source="bench", url=case.url, origin=case.url, raw=case.raw,
                           header_charset=case.charset, html=True)
    for stage in _stages():
        item = stage.process_item(item)
    return "\n".join("\n".join([a.get("body") or "", *(a.get("captions") or [])]) for a in item["articles"])


def trafilatura_tool(case: Case) -> str:
    import trafilatura

    return trafilatura.extract(case.html, url=case.url) or ""


def gne_tool(case: Case) -> str:
    from gne import GeneralNewsExtractor

    return GeneralNewsExtractor().extract(case.html).get("content", "") or ""


TOOLS: dict[str, Callable[[Case], str]] = {"ours": ours, "trafilatura": trafilatura_tool, "gne": gne_tool}


def cases() -> list[Case]:
    """One case per article page of the local copy (the fault day's test pages left out)."""
    site = build_site()
    out = []
    for rec in site.expected:
        if rec["pub_date"] == FAULT_DAY:
            continue
        page = site.pages[rec["path"]]
        charset = page.content_type.partition("charset=")[2] or None
        html = decode_bytes(page.body, charset, html=True).text
        out.append(Case("http://bench.test" + rec["path"], page.body, charset, html,
                        rec["body_snippets"] or rec["captions"], list(rec.get("chrome") or [])))
    return out


def score(tool: Callable[[Case], str], pages: list[Case], repeat: int) -> tuple[float, float, float]:
    """(ms per page, share of snippets found, share of shown furniture leaked)."""
    found = wanted = leaked = present = 0
    elapsed = 0.0
    for case in pages:
        started = time.perf_counter()
        for _ in range(repeat):
            text = tool(case)
        elapsed += (time.perf_counter() - started) / repeat
        got = norm(text)
        wanted += len(case.snippets)
        found += sum(norm(s) in got for s in case.snippets)
        present += len(case.chrome)
        leaked += sum(norm(c) in got for c in case.chrome)
    return 1000 * elapsed / len(pages), found / max(wanted, 1), leaked / max(present, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3, help="runs per page (timing is their mean)")
    args = parser.parse_args()
    pages = cases()
    print(f"{len(pages)} article pages of the local copy")
    print(f"| {'tool':<12} | {'ms/page':>8} | {'snippets found':>15} | {'chrome leaked':>14} |")
    for name, tool in TOOLS.items():
        tool(pages[0])  # warm-up (imports, caches)
        ms, recall, leak = score(tool, pages, args.repeat)
        print(f"| {name:<12} | {ms:>8.2f} | {recall:>15.1%} | {leak:>14.1%} |")


if __name__ == "__main__":
    main()
