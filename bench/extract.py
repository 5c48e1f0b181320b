"""Compare HTML extraction on the local copy's article pages: ours, trafilatura and GNE.

``python -m bench.extract [--repeat N]`` prints per tool: ms/page, the share of expected body snippets
found (quality) and the share of page-chrome snippets present on the page that leak into the extracted
text (lower is better). Ours is ``crawler.pages.parse_html`` (its article blocks; the chrome stage of the
text pipeline for pages it leaves to the text stages). trafilatura and GNE are benchmark-only packages.
"""

from __future__ import annotations

import argparse
import re
import time
from collections.abc import Callable
from dataclasses import dataclass

from crawler.decoding import decode_bytes
from crawler.pages import dom, parse_html
from tests.sites import epaper, portal
from tests.sites.build import FAULT_DAY, build_site

CHROME_SNIPPETS = tuple(dict.fromkeys((*epaper.CHROME_SNIPPETS, *portal.CHROME_SNIPPETS)))
_SPACE = re.compile(r"\s+")


@dataclass
class Case:
    url: str
    html: str
    snippets: list[str]
    chrome: list[str]  # chrome snippets the page shows


def squeeze(text: str) -> str:
    return _SPACE.sub("", text or "")


def ours(url: str, html: str) -> str:
    parsed = parse_html(url, html)
    if parsed["blocks"]:
        return "\n".join("\n".join([*(b.get("paragraphs") or []), *(b.get("captions") or [])])
                         for b in parsed["blocks"])
    try:
        from pipelines.chrome import strip_chrome

        return "\n".join(strip_chrome(parsed["text"]).lines)
    except ImportError:
        return parsed["text"]


def trafilatura_tool(url: str, html: str) -> str:
    import trafilatura

    return trafilatura.extract(html, url=url) or ""


def gne_tool(url: str, html: str) -> str:
    from gne import GeneralNewsExtractor

    return GeneralNewsExtractor().extract(html).get("content", "") or ""


TOOLS: dict[str, Callable[[str, str], str]] = {"ours": ours, "trafilatura": trafilatura_tool, "gne": gne_tool}


def cases() -> list[Case]:
    import opencc

    to_simple = opencc.OpenCC("t2s").convert
    site = build_site()
    out = []
    for rec in site.expected:
        if rec["pub_date"] == FAULT_DAY:
            continue
        page = site.pages[rec["path"]]
        charset = page.content_type.partition("charset=")[2] or None
        html = decode_bytes(page.body, charset, html=True).text
        root = dom.parse_document(html)
        dom.strip_chrome(root, keep=frozenset({"footer", "nav", "header", "form"}))
        visible = squeeze(to_simple("\n".join(dom.block_lines(root))))
        chrome = [c for c in CHROME_SNIPPETS if squeeze(to_simple(c)) in visible]
        snippets = rec["body_snippets"] or rec["captions"]
        out.append(Case("http://bench.test" + rec["path"], html, snippets, chrome))
    return out


def score(tool: Callable[[str, str], str], pages: list[Case], repeat: int) -> tuple[float, float, float]:
    import opencc

    to_simple = opencc.OpenCC("t2s").convert
    found = wanted = leaked = present = 0
    elapsed = 0.0
    for case in pages:
        started = time.perf_counter()
        for _ in range(repeat):
            text = tool(case.url, case.html)
        elapsed += (time.perf_counter() - started) / repeat
        got = squeeze(to_simple(text))
        wanted += len(case.snippets)
        found += sum(squeeze(s) in got for s in case.snippets)
        present += len(case.chrome)
        leaked += sum(squeeze(to_simple(c)) in got for c in case.chrome)
    return 1000 * elapsed / len(pages), found / max(wanted, 1), leaked / max(present, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3, help="runs per page (timing is their mean)")
    args = parser.parse_args()
    pages = cases()
    print(f"{len(pages)} article pages of the local copy")
    print(f"{'tool':<12} {'ms/page':>8} {'snippets found':>15} {'chrome leaked':>14}")
    for name, tool in TOOLS.items():
        tool(pages[0].url, pages[0].html)  # warm-up (imports, caches)
        ms, recall, leak = score(tool, pages, args.repeat)
        print(f"{name:<12} {ms:>8.2f} {recall:>15.1%} {leak:>14.1%}")


if __name__ == "__main__":
    main()
