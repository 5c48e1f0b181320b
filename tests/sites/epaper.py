"""HTML of the local e-paper copy: a Founder-style edition page and article page, in several templates.

``classic`` pages are nested tables: headline cells told apart by font class (``font01`` the 主题,
``font02`` 引题/副题) or by inline font size, the body in ``#ozoom``; ``modern`` pages use the
``intro-title`` / ``main-title`` / ``sub-title`` font ids, ``nowLayout`` and ``#content``. Both may carry
the ``enpproperty`` record. The furniture (SMS offers, weibo line, 版权声明, 联系电话, 分享到, 下一篇, the
footer with its QR captions) is worded by period (:mod:`tests.sites.chrome`) and placed either in a cell
beside the body (``cell``) or inside the zoomable body container before the text (``inside``).
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from tests.sites.articles import Story
from tests.sites.chrome import ERAS, NAV_MARKERS, Era

WEEKDAYS = "一二三四五六日"
# Chrome snippets a clean extraction must leave out on every period's pages (the benchmark's base list).
CHROME_SNIPPETS = ("发送短信", "版权声明", "联系电话", "豫ICP备", "放大 缩小 默认", "分享到", "上一期", "焦作日报客户端")
# The arrow glyph the templates print with the Webdings font after 下一篇 / between 上一版 and 下一版.
ARROW_NEXT = '<font face="Webdings">4</font>'
ARROW_PREV = '<font face="Webdings">3</font>'


@dataclass
class Edition:
    number: str  # "05"
    name: str
    stories: list[tuple[int, Story]]  # (content id, story)


@dataclass
class IssueStyle:
    template: str  # classic | modern
    charset: str  # python codec the pages are written in
    meta_charset: str  # as declared in <meta>
    enp: bool  # pages carry the enpproperty record
    two_cell_sizes: bool = False  # two headline cells told apart by inline font size
    era: str = "2019"  # furniture wording (tests.sites.chrome.ERAS)
    placement: str = "cell"  # cell: furniture beside the body | inside: inside #ozoom before the text
    founder_tag: bool = True  # the body is wrapped in <founder-content>
    enp_markers: bool = True  # the body sits between <!--enpcontent--> markers

    @property
    def wording(self) -> Era:
        return ERAS[self.era]


def page_markers(style: IssueStyle) -> list[str]:
    """Furniture pieces an article page of this style shows (a clean body holds none of them)."""
    return list(dict.fromkeys((*style.wording.markers, *NAV_MARKERS)))


def _head(style: IssueStyle) -> str:
    return (
        "<html><head>"
        f'<meta http-equiv="Content-Type" content="text/html; charset={style.meta_charset}">'
        "<title>焦作日报数字报</title>"
        '<link rel="stylesheet" href="../../../style/style.css">'
        "<script>function doZoom(n){document.getElementById('ozoom').style.zoom=n+'%';}</script>"
        "<style>.font01{font-size:22px}.font02{font-size:15px}</style></head>"
    )


def _toc_table(edition: Edition) -> str:
    rows = "".join(
        f'<tr><td><img src="../../../images/dot.gif"><a href="content_{cid}.htm">'
        f'<div style="display:inline" id="mp{cid}">{escape(story.title or "图片新闻")}</div></a></td></tr>'
        for cid, story in edition.stories
    )
    return f'<table id="titlelist" class="title">{rows}</table>'


def _edition_nav(editions: list[Edition], index: int) -> str:
    prev_link = f'<a href="node_{index}.htm">上一版</a>' if index > 0 else "上一版"
    next_link = f'<a href="node_{index + 2}.htm">下一版</a>' if index + 1 < len(editions) else "下一版"
    ed = editions[index]
    return (
        f'<table class="head"><tr><td class="px14">第{ed.number}版:{escape(ed.name)}</td>'
        f"<td>{prev_link}3  4{next_link}</td></tr></table>"
    )


def _edition_list(editions: list[Edition]) -> str:
    links = "".join(
        f'<div class="bmname"><a id="pageLink" href="node_{i + 1}.htm">第{e.number}版:{escape(e.name)}</a></div>'
        for i, e in enumerate(editions)
    )
    return f'<div class="bmml">{links}</div>'


def _printed_date(date: str) -> str:
    import datetime as dt

    d = dt.date.fromisoformat(date)
    return f"{d.year}年{d.month}月{d.day}日 星期{WEEKDAYS[d.weekday()]}"


def _footer(era: Era) -> str:
    """Address, ICP and rights lines, then the QR pictures with their captions (later periods)."""
    lines = "<br>".join(escape(line) for line in era.footer)
    qr = "".join(
        f'<td align="center"><img src="../../../images/qr{i}.png" width="90"><br>{escape(c)}</td>'
        for i, c in enumerate(era.qr_captions)
    )
    qr_row = f'<table class="qr"><tr>{qr}</tr></table>' if qr else ""
    return f'<table class="footer" width="100%"><tr><td align="center">{lines}</td></tr></table>{qr_row}'


def edition_page(date: str, editions: list[Edition], index: int, style: IssueStyle) -> str:
    """``node_N.htm``: the page picture's map, the headline list and the list of editions."""
    ed = editions[index]
    areas = "".join(
        f'<area shape="rect" coords="0,{i * 50},300,{i * 50 + 45}" href="content_{cid}.htm">'
        for i, (cid, _) in enumerate(ed.stories)
    )
    return (
        f"{_head(style)}<body>{_edition_nav(editions, index)}"
        f'<map name="PagePicMap">{areas}</map><img src="../../../images/{date}/{ed.number}.jpg" usemap="#PagePicMap">'
        f"{_toc_table(ed)}{_edition_list(editions)}"
        f'<div class="sitebar">{escape(style.wording.site_bar)}</div><div class="date">{_printed_date(date)}</div>'
        f"{_footer(style.wording)}</body></html>"
    )


def _classic_headline(story: Story, style: IssueStyle) -> str:
    title = story.title or "图片新闻"
    if style.two_cell_sizes:
        cells = [(story.lead_title, "font-size:16px"), (title, "font-size:24px"), (story.subtitle, "font-size:16px")]
        rows = "".join(
            f'<tr><td class="font1" align="center" style="{size}">{escape(t)}</td></tr>' for t, size in cells if t
        )
    else:
        cells = [(story.lead_title, "font02"), (title, "font01"), (story.subtitle, "font02")]
        rows = "".join(f'<tr><td class="{k}" align="center">{escape(t)}</td></tr>' for t, k in cells if t)
    return f'<table class="headline" width="100%">{rows}</table>'


def _modern_headline(story: Story, number: str) -> str:
    return (
        f'<div class="caption"><p id="nowLayout" class="hide">{number}</p>'
        f'<font id="intro-title">{escape(story.lead_title or "")}</font>'
        f'<font id="main-title">{escape(story.title or "图片新闻")}</font>'
        f'<font id="sub-title">{escape(story.subtitle or "")}</font></div>'
    )


def _enp(cid: int, date: str, story: Story, edition: Edition) -> str:
    return (
        f"<!--enpproperty <articleid>{cid}</articleid><date>{date} 00:00:00:0</date><author></author>"
        f"<title>{escape(story.title or '图片新闻')}</title><subtitle>{escape(story.subtitle or '')}</subtitle>"
        f"<introtitle>{escape(story.lead_title or '')}</introtitle><keyword></keyword>"
        f"<nodename>{escape(edition.name)}</nodename>/enpproperty-->"
    )


def _pictures(story: Story, date: str, cid: int, modern: bool) -> str:
    out = []
    for i, caption in enumerate(story.captions):
        src = f"../../../res/{date}/{cid}_{i}.jpg"
        if modern:
            out.append(f'<img src="{src}"><p>\u3000\u3000{escape(caption)}</p>')
        else:
            out.append(
                f'<table class="pic" align="center"><tr><td><img src="{src}"></td></tr>'
                f'<tr><td class="caption">{escape(caption)}</td></tr></table>'
            )
    return "".join(out)


def _furniture(era: Era, as_paragraphs: bool) -> str:
    """SMS offers, weibo, copyright and phone lines, and the share label, as printed above the body."""
    lines = [*era.sms, era.weibo, era.copyright, era.phone]
    if as_paragraphs:
        text = "".join(f"<p>{escape(line)}</p>" for line in lines)
    else:
        text = "<br>".join(escape(line) for line in lines)
    return f'{text}<span class="fx">分享到:</span><span id="bds"></span>'


def _body(story: Story, style: IssueStyle) -> str:
    paragraphs = "".join(f"<p>\u3000\u3000{escape(p)}</p>" for p in story.paragraphs)
    if style.enp_markers:
        paragraphs = f"<!--enpcontent-->{paragraphs}<!--/enpcontent-->"
    return f"<founder-content>{paragraphs}</founder-content>" if style.founder_tag else paragraphs


def _tools(date: str, nxt: str) -> str:
    return (
        f'<div class="tools">{nxt} {_printed_date(date)} '
        '<a href="javascript:doZoom(120)">放大</a> <a href="javascript:doZoom(80)">缩小</a> '
        '<a href="javascript:doZoom(100)">默认</a></div>'
    )


def article_page(date: str, editions: list[Edition], index: int, pos: int, style: IssueStyle,
                 story: Story | None = None) -> str:
    """``content_N.htm`` for story ``pos`` of edition ``index`` (``story`` overrides its text)."""
    ed = editions[index]
    cid, printed = ed.stories[pos]
    story = story or printed
    era = style.wording
    nxt = (f'<a href="content_{ed.stories[pos + 1][0]}.htm">下一篇{ARROW_NEXT}</a>'
           if pos + 1 < len(ed.stories) else f"下一篇{ARROW_NEXT}")
    pictures = _pictures(story, date, cid, style.template == "modern")
    enp = _enp(cid, date, story, ed) if style.enp else ""
    author = f'<div class="zz">{escape(story.author_line)}</div>' if story.author_line else ""
    inside = style.placement == "inside"
    furniture = _furniture(era, as_paragraphs=inside)
    top = (f"{_head(style)}<body>{_edition_nav(editions, index)}{_toc_table(ed)}"
           f'<div class="sitebar">{escape(era.site_bar)}</div>'
           '<div class="nav"><a href="../../index.htm">上一期</a> <a href="node_1.htm">版面导航</a></div>')
    if style.template == "modern":
        return (
            f"{top}{_tools(date, nxt)}<div id=\"article\">{_modern_headline(story, ed.number)}{author}"
            f'<div class="attach">{furniture}</div>'
            f'<div class="content" id="content">{pictures}{_body(story, style)}{enp}</div>'
            f'<div class="next">{nxt}</div></div>{_footer(era)}</body></html>'
        )
    beside = "" if inside else f'<tr><td class="sms">{furniture}</td></tr>'
    zoom = f'<div id="ozoom" style="zoom:100%">{furniture if inside else ""}{_body(story, style)}{pictures}</div>'
    return (
        f'{top}<table width="100%" class="main"><tr><td>{_tools(date, nxt)}</td></tr>'
        f"<tr><td>{_classic_headline(story, style)}</td></tr>"
        f"{f'<tr><td>{author}</td></tr>' if author else ''}{beside}"
        f"<tr><td>{zoom}{enp}</td></tr><tr><td>{nxt}</td></tr></table>"
        f"{_footer(era)}</body></html>"
    )
