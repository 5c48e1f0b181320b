"""Builds the local copy of the e-paper and the portal, and the export records a crawl must produce.

``build_site()`` answers a :class:`Site`: every served page by path (with query), its bytes and headers,
the pages that misbehave (slow, broken, oversized, changing) and one expected record per article.
``python -m tests.sites.build OUT_DIR`` writes saved pages and their expected JSON (test fixtures).
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.sites import epaper, other, portal
from tests.sites.articles import Story, archive_stories, epaper_stories, portal_stories

NEWSPAPER = "焦作日报"
EPAPER_PREFIX = "/rb/html"
# Issue days: the range D1..D3 of the acceptance crawl, with one day that has no issue.
ISSUE_DAYS = ("2019-12-23", "2019-12-25", "2019-12-26")
NO_ISSUE_DAY = "2019-12-24"
FAULT_DAY = "2019-12-27"  # slow, broken and oversized pages; crawled on its own
# Older issues in other years' templates and furniture wording; crawled on their own.
ARCHIVE_DAYS = ("2011-06-15", "2016-01-27")
STYLES = {
    "2019-12-23": epaper.IssueStyle("classic", "gbk", "gb2312", enp=True),
    "2019-12-25": epaper.IssueStyle("modern", "utf-8", "utf-8", enp=True),
    # furniture inside the zoomable container, the text still wrapped in <founder-content>
    "2019-12-26": epaper.IssueStyle("classic", "utf-8", "utf-8", enp=False, two_cell_sizes=True,
                                    placement="inside"),
    FAULT_DAY: epaper.IssueStyle("classic", "utf-8", "utf-8", enp=True),
    # an early template: no <founder-content>, only the enpcontent markers; GBK declared as gb2312
    "2011-06-15": epaper.IssueStyle("classic", "gbk", "gb2312", enp=True, era="2011", placement="inside",
                                    founder_tag=False),
    # no record, no markers, no <founder-content>: furniture and text are sibling <p> in #ozoom
    "2016-01-27": epaper.IssueStyle("classic", "utf-8", "utf-8", enp=False, era="2016", placement="inside",
                                    founder_tag=False, enp_markers=False),
}
# Which days send the charset in the Content-Type header (the others only in <meta>).
HEADER_CHARSET_DAYS = ("2019-12-23", "2019-12-25")
LAYOUT = {  # day -> editions: (number, name, story keys)
    "2019-12-23": [("01", "要闻", ["kaigong", "tewu"]),
                   ("05", "焦作市城乡一体化示范区导刊", ["guanmo", "xinfang", "photo1"])],
    "2019-12-25": [("01", "要闻", ["zhaoshang521"]), ("02", "焦作/综合", ["gongjian", "banzi"])],
    "2019-12-26": [("01", "要闻", ["sanshi", "xuanjiang"]), ("03", "高新区导刊", ["kaiju", "dahui"])],
    FAULT_DAY: [("01", "要闻", ["fault_ok", "fault_slow", "fault_broken", "fault_big"])],
    "2011-06-15": [("01", "要闻", ["xiashou", "photo2"]), ("02", "城区新闻", ["bianmin"])],
    "2016-01-27": [("02", "焦作/综合", ["daqi", "taiji", "jianxun", "photo3"])],
}
CHANGING_STORY = "xuanjiang"  # its page text changes when a test asks (a correction between two crawls)
OVERSIZE_BYTES = 3 * 1024 * 1024  # the oversized page's size; tests set DOWNLOAD_MAXSIZE below it
PORTAL_CLASSES = {  # ClassID -> (name, [(story key, article id, printed stamp, script, charset)])
    3: ("今日头条", [("p_guanmo", 501, "2020-07-22 08:35:12", "traditional", "gbk"),
                     ("p_tuopin", 502, "2021-02-26 09:10:00", "simplified", "utf-8"),
                     ("p_gongye", 503, "2021-03-01 10:20:30", "simplified", "gbk")]),
    4: ("示范区", [("p_daode", 504, "2021-03-02 11:00:00", "simplified", "utf-8"),
                   ("p_jiaotong", 505, "2021-03-03 15:45:00", "simplified", "utf-8")]),
}
PORTAL_ROWS_PER_PAGE = 2


@dataclass
class SitePage:
    body: bytes
    content_type: str
    mode: str = "normal"  # normal | slow | broken
    variant: bytes | None = None  # the text served after a change


@dataclass
class Site:
    pages: dict[str, SitePage] = field(default_factory=dict)
    expected: list[dict[str, Any]] = field(default_factory=list)


def _content_type(charset: str | None) -> str:
    return f"text/html; charset={charset}" if charset else "text/html"


def _encode(text: str, codec: str) -> bytes:
    return text.encode(codec, errors="xmlcharrefreplace")


def _simplified(text: str | None) -> str | None:
    if text is None:
        return None
    import opencc

    return opencc.OpenCC("t2s").convert(text)


def _fault_stories(base: dict[str, Story]) -> dict[str, Story]:
    ok = base["fault_ok"]
    return {
        "fault_slow": Story("fault_slow", "慢页面的稿件", ["本报讯 这是一篇响应很慢的稿件,用于测试超时。"], []),
        "fault_broken": Story("fault_broken", "传输中断的稿件", [
            "本报讯(记者付凯明)这篇稿件在传输途中被截断,前面的段落应当保存下来。",
            *(f"第{i}段:截断之前的正文内容,用于测试残缺页面的处理。" for i in range(1, 40)),
        ], ["付凯明"]),
        "fault_big": Story("fault_big", "超大页面", ["本报讯 这个页面大到应当被拒绝。"], []),
        "fault_ok": ok,
    }


def _record(source: str, path: str, story: Story, **page: Any) -> dict[str, Any]:
    printed_title = story.title if story.kind == "article" else None
    return {
        "source": source,
        "path": path,
        "kind": story.kind,
        "lead_title": _simplified(story.lead_title),
        "title": _simplified(printed_title),
        "subtitle": _simplified(story.subtitle),
        "reporters": story.reporters,
        "photographers": story.photographers,
        "captions": story.captions,
        "body_snippets": [_simplified(s) for s in story.snippets()],
        "page": {  # what the page object reads, as printed
            "title": printed_title,
            "lead_title": story.lead_title if story.kind == "article" else None,
            "subtitle": story.subtitle if story.kind == "article" else None,
            "paragraphs": list(story.paragraphs),
            "captions": list(story.captions),
        },
        **page,
    }


def _build_epaper(site: Site) -> None:
    stories = epaper_stories()
    stories.update(_fault_stories(stories))
    stories.update(archive_stories())
    cid = 1000
    for day, plan in LAYOUT.items():
        style = STYLES[day]
        editions = []
        for number, name, keys in plan:
            items = []
            for key in keys:
                cid += 1
                items.append((cid, stories[key]))
            editions.append(epaper.Edition(number, name, items))
        folder = f"{EPAPER_PREFIX}/{day[:7]}/{day[8:]}"
        ctype = _content_type(style.meta_charset if day in HEADER_CHARSET_DAYS else None)
        for i, ed in enumerate(editions):
            html = epaper.edition_page(day, editions, i, style)
            site.pages[f"{folder}/node_{i + 1}.htm"] = SitePage(_encode(html, style.charset), ctype)
            toc = [s.title or "图片新闻" for _, s in ed.stories]
            for pos, (number, story) in enumerate(ed.stories):
                path = f"{folder}/content_{number}.htm"
                page = SitePage(_encode(epaper.article_page(day, editions, i, pos, style), style.charset), ctype)
                if story.key == CHANGING_STORY:
                    changed = Story(**{**story.__dict__, "paragraphs": [
                        *story.paragraphs[:-1], story.paragraphs[-1] + "(此稿已更正)"]})
                    page.variant = _encode(epaper.article_page(day, editions, i, pos, style, changed),
                                           style.charset)
                if story.key == "fault_slow":
                    page.mode = "slow"
                elif story.key == "fault_broken":
                    page.mode = "broken"
                elif story.key == "fault_big":
                    padding = "<!-- " + "x" * OVERSIZE_BYTES + " -->"
                    page.body = page.body.replace(b"</body>", padding.encode() + b"</body>")
                site.pages[path] = page
                site.expected.append(_record(
                    "epaper", path, story, newspaper=NEWSPAPER, pub_date=day, page_no=ed.number,
                    page_name=ed.name, page_toc=toc, author=story.author_line, chrome=epaper.page_markers(style),
                ))


def _build_portal(site: Site) -> None:
    stories = portal_stories()
    for class_id, (class_name, entries) in PORTAL_CLASSES.items():
        pages = max(1, -(-len(entries) // PORTAL_ROWS_PER_PAGE))
        for page_no in range(1, pages + 2):  # one page past the end: an empty listing, as the site does
            chunk = entries[(page_no - 1) * PORTAL_ROWS_PER_PAGE: page_no * PORTAL_ROWS_PER_PAGE]
            rows = [(aid, stories[key].title or "", stamp[:10]) for key, aid, stamp, _, _ in chunk]
            html = portal.listing_page(class_id, class_name, page_no, pages, rows)
            site.pages[f"/news/ShowClass.asp?ClassID={class_id}&page={page_no}"] = SitePage(
                _encode(html, "gbk"), _content_type("gb2312"))
        for key, aid, stamp, script, charset in entries:
            story = stories[key]
            related = [(a, stories[k].title or "", st[:10]) for k, a, st, _, _ in entries if a != aid]
            html = portal.article_page(story, class_name, stamp, "gb2312" if charset == "gbk" else charset,
                                       script, repeat_body=(script == "traditional"), related=related)
            path = f"/news/ShowArticle.asp?ArticleID={aid}"
            header = _content_type("utf-8") if charset == "utf-8" and aid % 2 else _content_type(None)
            site.pages[path] = SitePage(_encode(html, charset), header)
            rec = _record("portal", path, story, newspaper=None, pub_date=stamp[:10], page_no=None,
                          page_name=None, page_toc=[], author=None, chrome=portal.page_markers(script))
            rec["page"]["paragraphs"] = list(story.paragraphs)
            site.expected.append(rec)


# Pages of two other papers, for the generic layout: (path, stamp, charset, which template).
OTHER_PAGES = (
    ("/wb/content/2021-03/05/article_88123.html", "2021-03-05 09:30", "utf-8", "cms"),
    ("/wb/content/2021-03/04/article_88107.html", "2021-03-04 17:12", "utf-8", "cms"),
    ("/bc/news/20220518/n1234.htm", "2022年05月18日", "big5", "table"),
)


def _build_other(site: Site) -> None:
    stories = [*other.cms_stories(), *other.table_stories()]
    related = [s.title or "" for s in stories]
    for (path, stamp, charset, template), story in zip(OTHER_PAGES, stories, strict=True):
        others = [t for t in related if t != story.title]
        if template == "cms":
            html, markers, paper = other.cms_page(story, stamp, others), other.CMS_MARKERS, other.CMS_PAPER
        else:
            html, markers, paper = other.table_page(story, stamp, others, charset), other.TABLE_MARKERS, "北辰日报"
        site.pages[path] = SitePage(_encode(html, charset), _content_type(None))
        day = stamp[:10].replace("年", "-").replace("月", "-")
        site.expected.append(_record("generic", path, story, newspaper=paper, pub_date=day, page_no=None,
                                     page_name=None, page_toc=[], author=None, chrome=list(markers)))


def build_site() -> Site:
    """The whole local copy, rebuilt from the seeds (fast: well under a second)."""
    site = Site()
    _build_epaper(site)
    _build_portal(site)
    _build_other(site)
    site.pages["/robots.txt"] = SitePage(b"User-agent: *\nDisallow: /private/\n", "text/plain")
    return site


# Saved pages for the page-object tests: fixture name -> path in the local copy.
FIXTURES = {
    "founder_classic_gbk": "/rb/html/2019-12/23/content_1003.htm",
    "founder_classic_author": "/rb/html/2019-12/23/content_1002.htm",
    "founder_classic_photo": "/rb/html/2019-12/23/content_1005.htm",
    "founder_modern_utf8": "/rb/html/2019-12/25/content_1007.htm",
    "founder_sizes_noenp": "/rb/html/2019-12/26/content_1011.htm",
    "founder_caption_noenp": "/rb/html/2019-12/26/content_1012.htm",
    "founder_edition": "/rb/html/2019-12/23/node_2.htm",
    "portal_traditional_repeated": "/news/ShowArticle.asp?ArticleID=501",
    "portal_simplified": "/news/ShowArticle.asp?ArticleID=502",
    "portal_listing": "/news/ShowClass.asp?ClassID=3&page=1",
    "founder_early_markers_only": "/rb/html/2011-06/15/content_1017.htm",
    "founder_early_photo": "/rb/html/2011-06/15/content_1018.htm",
    "founder_early_picture_in_article": "/rb/html/2011-06/15/content_1019.htm",
    "founder_bare_ozoom_author": "/rb/html/2016-01/27/content_1020.htm",
    "founder_bare_ozoom_subtitle": "/rb/html/2016-01/27/content_1021.htm",
    "generic_cms_picture": "/wb/content/2021-03/05/article_88123.html",
    "generic_cms_quote_lead": "/wb/content/2021-03/04/article_88107.html",
    "generic_table_traditional": "/bc/news/20220518/n1234.htm",
}
SITE_HOST = "http://epaper.example.test"


def write_fixtures(out_dir: Path) -> list[Path]:
    """Write each fixture page's bytes (``NAME.html``) and its expectation (``NAME.json``)."""
    site = build_site()
    by_path = {rec["path"]: rec for rec in site.expected}
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, path in FIXTURES.items():
        page = site.pages[path]
        (out_dir / f"{name}.html").write_bytes(page.body)
        meta = {"url": SITE_HOST + path, "content_type": page.content_type, "expected": by_path.get(path)}
        target = out_dir / f"{name}.json"
        target.write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        written.append(target)
    return written


if __name__ == "__main__":
    for p in write_fixtures(Path(sys.argv[1] if len(sys.argv) > 1 else "tests/fixtures/html")):
        print(p)
