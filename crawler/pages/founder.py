"""Founder (方正) e-paper pages: the article page ``content_N.htm`` and the edition page ``node_N.htm``.

Article page, in order of trust:

1. the ``<!--enpproperty …-->`` record (date, author, title, subtitle, introtitle, nodename);
2. headline fonts by id (``intro-title`` / ``main-title`` / ``sub-title``) or, in older templates, headline
   cells whose font class or size tells the 主题 from the 引题/副题;
3. the body: the text of ``<founder-content>`` or between the ``<!--enpcontent-->`` markers when the page
   has them (furniture some templates print inside the zoomable container stays out), else the paragraphs
   of the container (``#ozoom`` / ``#content``) less the lines the furniture rules recognise; pictures with
   their captions, anywhere in the container, are kept apart from the paragraphs;
4. the edition header (``第05版:名称``, ``nowLayout``) and the edition's headline list (``page_toc``).
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urljoin

from lxml import etree

from crawler.pages import dom, furniture
from crawler.pages.result import date_from_text, date_from_url, page_result

# Article and edition pages of the e-paper family.
ARTICLE_URL = re.compile(r"/content_\d+\.html?(?:$|[?#])")
EDITION_URL = re.compile(r"/node_\d+\.html?(?:$|[?#])")
# Markers only a Founder template carries.
FOUNDER_MARKERS = ("enpproperty", "founder-content", 'id="ozoom"', "id=ozoom", "nowLayout")
# The metadata record and its fields.
ENP_RECORD = re.compile(r"enpproperty(.*?)/enpproperty", re.S)
ENP_FIELD = re.compile(r"<(\w+)>(.*?)</\1>", re.S)
# Edition header: 第05版:焦作市城乡一体化示范区导刊 (ASCII or full-width colon, optional spaces).
EDITION_HEADER = re.compile(r"第\s*([0-9A-Za-z]{1,4})\s*版\s*[:：]\s*([^\s上下][^\n]*?)\s*(?:上一版|下一版|$)")
# A byline printed above the body in some years: 作者:本报特派记者 董柏生.
AUTHOR_LINE = re.compile(r"^作\s*者\s*[:：]\s*(\S.*)$")
# Navigation links whose text is not a headline.
NAV_TEXT = re.compile(r"^(?:[上下]一(?:篇|版|期)|版面导航|返回|首页|PDF|放大|缩小|默认|\d+)")
# A newspaper's name in the window title: 焦作日报数字报 → 焦作日报.
NEWSPAPER_NAME = re.compile(r"([\u4e00-\u9fff]{2,10}?(?:日报|晚报|早报|晨报|都市报|商报|时报|周报|报))")
# Headline cells in older templates: a font class such as font01 / bt1, or an explicit size.
HEADLINE_CLASS = re.compile(r"^font\d*$|title|^bt\d*$|biaoti|headline", re.I)
# Text that is no headline: a full stop, or a short label with a colon (联系电话:…, 作者:…).
NOT_HEADLINE = re.compile(r"。|^[\u4e00-\u9fff]{1,6}\s*[:：]")
# How many elements before the body to search for the headline table.
HEADLINE_LOOKBACK = 400
# The page's style sheets and the font size they give a class.
STYLE_SHEET = re.compile(r"<style[^>]*>(.*?)</style>", re.S | re.I)
CSS_CLASS_SIZE = re.compile(r"\.([\w-]+)\s*\{[^}]*?font-size\s*:\s*(\d+(?:\.\d+)?)\s*(px|pt)?", re.I)
FONT_SIZE = re.compile(r"font-size\s*:\s*(\d+(?:\.\d+)?)\s*(px|pt)?", re.I)
# Longest plausible headline line (anything longer is body text).
MAX_HEADLINE_CHARS = 80
# The text of an article between the template's markers.
ENP_CONTENT = re.compile(r"<!--\s*enpcontent\s*-->(.*?)<!--\s*/enpcontent\s*-->", re.S)
# Picture containers and caption markers.
CAPTION_CLASS = re.compile(r"caption|pic|tu|img", re.I)


def matches(url: str, markup: str) -> bool:
    """True for pages of the Founder e-paper family."""
    head = markup[:200_000]
    return any(m in head for m in FOUNDER_MARKERS) or (
        bool(ARTICLE_URL.search(url) or EDITION_URL.search(url)) and "第" in head and "版" in head
    )


def enp_fields(markup: str) -> dict[str, str]:
    """Fields of the ``enpproperty`` record (empty dict when the page has none)."""
    m = ENP_RECORD.search(markup)
    if not m:
        return {}
    return {k.lower(): dom.clean_paragraph(v) for k, v in ENP_FIELD.findall(m.group(1))}


def _links(url: str, root: etree._Element) -> list[tuple[str, str]]:
    """(absolute URL, link text) for every link and image-map area, in page order."""
    out = []
    for el in root.iter("a", "area"):
        href = (el.get("href") or "").strip()
        if not href or href.startswith(("javascript:", "mailto:", "#")):
            continue
        out.append((urljoin(url, href), dom.inline_text(el) if el.tag == "a" else ""))
    return out


def _toc(links: list[tuple[str, str]]) -> list[str]:
    """Headlines the page lists for its edition: article links in order, each once."""
    seen: list[str] = []
    for href, text in links:
        if ARTICLE_URL.search(href) and text and not NAV_TEXT.match(text) and text not in seen:
            seen.append(text)
    return seen


def _by_id(root: etree._Element, ident: str) -> str:
    found = root.xpath(f'//*[@id="{ident}"]')
    return dom.inline_text(found[0]) if found else ""


def _edition(lines: list[str], root: etree._Element) -> tuple[str | None, str | None, str]:
    """Edition number (zero-padded) and name, and the rule that found them."""
    for line in lines[:60]:
        m = EDITION_HEADER.search(line)
        if m:
            number, name = m.group(1), dom.clean_paragraph(m.group(2))
            return (number.zfill(2) if number.isdigit() else number), (name or None), "founder:edition-header"
    now = _by_id(root, "nowLayout")
    if now:
        return (now.zfill(2) if now.isdigit() else now), None, "founder:nowLayout"
    return None, None, ""


def _newspaper(root: etree._Element) -> str | None:
    title = root.findtext(".//title") or ""
    m = NEWSPAPER_NAME.search(title)
    return m.group(1) if m else None


def _body_container(root: etree._Element) -> etree._Element | None:
    """The zoomable area holding the text and its pictures (the text wrapper when there is none)."""
    for xp in ('//*[@id="ozoom"]', '//*[@id="content"][.//founder-content]', "//founder-content",
               '//*[@id="content"]'):
        found = root.xpath(xp)
        if found:
            return found[0]
    return None


def _enpcontent_paragraphs(markup: str) -> list[str] | None:
    """Paragraphs between ``<!--enpcontent-->`` markers (None when the page has no markers)."""
    m = ENP_CONTENT.search(markup)
    if not m:
        return None
    inner = dom.parse_document(f"<html><body>{m.group(1)}</body></html>")
    paras = [dom.inline_text(p) for p in inner.iter("p")]
    return [p for p in paras if p] or dom.block_lines(inner)


def _px(number: str, unit: str | None) -> float:
    return float(number) * (1.33 if (unit or "").lower() == "pt" else 1.0)


def class_sizes(markup: str) -> dict[str, float]:
    """Font size each class gets from the page's own ``<style>`` sheets (``.font01{font-size:22px}``)."""
    sizes: dict[str, float] = {}
    for sheet in STYLE_SHEET.findall(markup[:200_000]):
        for name, number, unit in CSS_CLASS_SIZE.findall(sheet):
            sizes[name] = _px(number, unit)
    return sizes


def _font_size(el: etree._Element, by_class: dict[str, float] | None = None) -> float:
    """Size the markup gives an element (inline style, ``<font size>``, its class in the page's style
    sheet), 0 when unknown."""
    for node in [el, *el.iterdescendants()]:
        if not isinstance(node.tag, str):
            continue
        m = FONT_SIZE.search(node.get("style", ""))
        if m:
            return _px(m.group(1), m.group(2))
        if node.tag == "font" and (node.get("size") or "").strip().isdigit():
            return 8.0 + 4.0 * int(node.get("size"))
        for name in node.get("class", "").split():
            if by_class and name in by_class:
                return by_class[name]
    return 0.0


def _headline_like(el: etree._Element) -> bool:
    marks = [*el.get("class", "").split(), el.get("id", "")]
    if not any(HEADLINE_CLASS.search(m) for m in marks if m) or el.xpath(".//a"):
        return False
    text = dom.inline_text(el)
    return 0 < len(text) <= MAX_HEADLINE_CHARS and not NOT_HEADLINE.search(text)


def _headline_cells(body: etree._Element | None) -> list[etree._Element]:
    """The cells of one headline table, walking back from the body container (older templates)."""
    if body is None:
        return []
    group: list[etree._Element] = []
    table = None
    for el in reversed(body.xpath("preceding::*")[-HEADLINE_LOOKBACK:]):
        if not isinstance(el.tag, str) or not _headline_like(el):
            continue
        if any(el in g.iterancestors() for g in group):  # keep the innermost cells
            continue
        holder = next(el.iterancestors("table", "div", "ul"), None)
        if table is None:
            table = holder
        elif holder is not table:
            break
        group.insert(0, el)
    return group


def _resolve_cells(cells: list[etree._Element], by_class: dict[str, float] | None = None,
                   ) -> tuple[dict[str, str | None] | None, list[str]]:
    """(lead_title, title, subtitle) when one cell stands out as the 主题, else None and the lines."""
    texts = [dom.inline_text(c) for c in cells]
    if not cells:
        return None, []
    if len(cells) == 1:
        return {"lead_title": None, "title": texts[0], "subtitle": None}, texts
    sizes = [_font_size(c, by_class) for c in cells]
    classes = [c.get("class", "") for c in cells]
    main = None
    if max(sizes) > 0 and sizes.count(max(sizes)) == 1:
        main = sizes.index(max(sizes))
    else:
        unique = [i for i, k in enumerate(classes) if classes.count(k) == 1]
        if len(cells) >= 3 and len(unique) == 1:
            main = unique[0]
    if main is None:
        return None, texts
    return {
        "lead_title": " ".join(texts[:main]) or None,
        "title": texts[main],
        "subtitle": " ".join(texts[main + 1:]) or None,
    }, texts


def _figures(container: etree._Element) -> tuple[list[str], set[int]]:
    """Captions of pictures in the body container, and ids of the elements holding them."""
    captions: list[str] = []
    used: set[int] = set()
    for img in container.iter("img"):
        holder = next(
            (a for a in img.iterancestors() if a.tag in ("table", "figure") or a is container), container
        )
        if holder is container:
            nxt = img.getnext()
            if nxt is not None and nxt.tag in ("p", "div", "span", "figcaption"):
                text = dom.inline_text(nxt)
                if text:
                    captions.append(text)
                    used.update(id(e) for e in nxt.iter())
            continue
        text = dom.inline_text(holder)
        if text:
            captions.append(text)
        used.update(id(e) for e in holder.iter())
    return captions, used


def _paragraphs(container: etree._Element, skip: set[int]) -> list[str]:
    paras = [
        dom.inline_text(p) for p in container.iter("p")
        if id(p) not in skip and not any(id(a) in skip for a in p.iterancestors())
    ]
    paras = [p for p in paras if p]
    if paras:
        return paras
    # a body written with <br> only
    lines = dom.block_lines(container)
    return [line for line in lines if line]


def _text_and_captions(container: etree._Element | None, markup: str) -> tuple[list[str], list[str], str]:
    """(captions, paragraphs, rule): the delimited text when the page marks it, else the container's."""
    captions, skip = _figures(container) if container is not None else ([], set())
    wrapper = None
    if container is not None:
        wrapper = container if container.tag == "founder-content" else next(container.iter("founder-content"), None)
    if wrapper is not None:
        return captions, _paragraphs(wrapper, skip), "founder:founder-content"
    marked = _enpcontent_paragraphs(markup)
    if marked is not None:
        return captions, marked, "founder:enpcontent"
    if container is None:
        return captions, [], "founder:no-body"
    kept, dropped = furniture.without_furniture(_paragraphs(container, skip))
    return captions, kept, "founder:body-container" + ("+furniture-rules" if dropped else "")


def _article_block(url: str, markup: str, root: etree._Element, lines: list[str]) -> dict[str, Any]:
    enp = enp_fields(markup)
    prov: dict[str, str] = {}
    container = _body_container(root)
    block: dict[str, Any] = {"kind": "article", "captions": [], "provenance": prov}

    heads = {k: _by_id(root, f"{k.replace('_', '-')}") for k in ("intro_title", "main_title", "sub_title")}
    cells = _headline_cells(container)
    if enp.get("title"):
        block.update(lead_title=enp.get("introtitle") or None, title=enp["title"],
                     subtitle=enp.get("subtitle") or None)
        prov.update(title="founder:enpproperty", lead_title="founder:enpproperty",
                    subtitle="founder:enpproperty")
    elif heads["main_title"]:
        block.update(lead_title=heads["intro_title"] or None, title=heads["main_title"],
                     subtitle=heads["sub_title"] or None)
        prov.update(title="founder:main-title", lead_title="founder:intro-title", subtitle="founder:sub-title")
    else:
        resolved, texts = _resolve_cells(cells, class_sizes(markup))
        if resolved:
            block.update(resolved)
            prov.update(title="founder:headline-font", lead_title="founder:headline-font",
                        subtitle="founder:headline-font")
        else:
            block["headlines"] = texts
            prov["headlines"] = "founder:headline-cells"

    author = enp.get("author") or ""
    if author:
        prov["author"] = "founder:enpproperty"
    else:
        for line in lines:
            m = AUTHOR_LINE.match(line)
            if m:
                author = m.group(1)
                prov["author"] = "founder:author-line"
                break
    if author:
        block["author"] = author

    captions, paragraphs, prov["paragraphs"] = _text_and_captions(container, markup)
    block["captions"] = captions
    block["paragraphs"] = [p for p in paragraphs if p not in captions]
    if captions and not block["paragraphs"]:
        block.update(kind="photo", title=None, lead_title=None, subtitle=None)
        block.pop("headlines", None)
        prov["kind"] = "founder:picture-only"
    return block


def parse(url: str, markup: str, root: etree._Element) -> dict[str, Any]:
    """Read a Founder article or edition page."""
    links = _links(url, root)
    enp = enp_fields(markup)
    newspaper = _newspaper(root)
    now_layout = _by_id(root, "nowLayout")
    dom.strip_chrome(root)
    body = root.find("body")
    lines = dom.block_lines(body if body is not None else root)
    page_no, page_name, edition_rule = _edition(lines, root)
    if not page_no and now_layout:
        page_no, edition_rule = now_layout.zfill(2) if now_layout.isdigit() else now_layout, "founder:nowLayout"
    prov: dict[str, str] = {"text": "founder:visible-text"}
    if page_no:
        prov["page_no"] = edition_rule
    if page_name:
        prov["page_name"] = edition_rule
    elif enp.get("nodename"):
        page_name, prov["page_name"] = enp["nodename"], "founder:enpproperty"
    if newspaper:
        prov["newspaper"] = "founder:window-title"

    pub_date = None
    if enp.get("date"):
        pub_date = date_from_text(enp["date"])
        prov["pub_date"] = "founder:enpproperty"
    if not pub_date:
        pub_date = date_from_url(url)
        prov["pub_date"] = "founder:url-date"
    if not pub_date:
        pub_date = date_from_text("\n".join(lines[:40]))
        prov["pub_date"] = "founder:printed-date"
    if not pub_date:
        prov.pop("pub_date")

    is_article = bool(enp) or _body_container(root) is not None or "enpcontent" in markup
    blocks = [_article_block(url, markup, root, lines)] if is_article else []
    layout = "founder-article" if is_article else "founder-edition"
    return page_result(
        layout, "\n".join(lines), blocks=blocks, newspaper=newspaper, pub_date=pub_date, page_no=page_no,
        page_name=page_name, page_toc=_toc(links), provenance=prov, links=[h for h, _ in links],
    )
