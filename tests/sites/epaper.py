"""HTML of the local e-paper copy: a Founder-style edition page and article page, two template years.

``classic`` pages put the headlines in table cells told apart by font class (``font01`` the 主题,
``font02`` 引题/副题) or by inline font size; ``modern`` pages use the ``intro-title`` / ``main-title`` /
``sub-title`` font ids and ``nowLayout``. Both may carry the ``enpproperty`` record.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from tests.sites.articles import Story

SITE_BAR = "焦作日报 | 焦作晚报 | 焦作网 | 网上投稿 | 太极拳网"
SMS_LINES = (
    "移动用户:发送短信 jzsjb 到 10658300 即可订阅《河南手机报焦作版》,3元/月。不收GPRS流量费。",
    "联通用户:发送短信 3jz 到 10655885 即可订阅《河南手机报焦作版》,3元/月。不收GPRS流量费。",
)
COPYRIGHT = "版权声明:焦作日报社版权所有,未经书面授权,禁止复制、转载或建立镜像等。"
PHONE = "联系电话:0391-8797395"
FOOTER = (
    "焦作日报社数字报刊 地址:焦作市人民路890号 电话:0391-8797395<br>豫ICP备14012713号<br>"
    "所有内容为焦作日报社版权所有,未经书面授权,禁止复制、转载或建立镜像。<br>"
    "焦作日报客户端 焦作日报微信公众号 焦作网二维码"
)
WEEKDAYS = "一二三四五六日"
# Chrome snippets a clean extraction must leave out (used by the benchmark too).
CHROME_SNIPPETS = ("发送短信", "版权声明", "联系电话", "豫ICP备", "放大 缩小 默认", "分享到", "上一期", "焦作日报客户端")


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
        f'<tr><td><a href="content_{cid}.htm"><div style="display:inline" id="mp{cid}">'
        f"{escape(story.title or '图片新闻')}</div></a></td></tr>"
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
        f'<div class="sitebar">{SITE_BAR}</div><div class="date">{_printed_date(date)}</div>'
        f'<div class="footer">{FOOTER}</div></body></html>'
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
                f'<table class="pic"><tr><td><img src="{src}"></td></tr>'
                f'<tr><td class="caption">{escape(caption)}</td></tr></table>'
            )
    return "".join(out)


def article_page(date: str, editions: list[Edition], index: int, pos: int, style: IssueStyle,
                 story: Story | None = None) -> str:
    """``content_N.htm`` for story ``pos`` of edition ``index`` (``story`` overrides its text)."""
    ed = editions[index]
    cid, printed = ed.stories[pos]
    story = story or printed
    modern = style.template == "modern"
    nxt = f'<a href="content_{ed.stories[pos + 1][0]}.htm">下一篇</a>' if pos + 1 < len(ed.stories) else ""
    paragraphs = "".join(f"<p>\u3000\u3000{escape(p)}</p>" for p in story.paragraphs)
    body = f"<founder-content><!--enpcontent-->{paragraphs}<!--/enpcontent--></founder-content>"
    pictures = _pictures(story, date, cid, modern)
    enp = _enp(cid, date, story, ed) if style.enp else ""
    if modern:
        headline = _modern_headline(story, ed.number)
        container = f'<div class="content" id="content">{pictures}{body}{enp}</div>'
    else:
        headline = _classic_headline(story, style)
        container = f'<div id="ozoom" style="zoom:100%">{body}{pictures}</div>{enp}'
    author = f'<div class="zz">{escape(story.author_line)}</div>' if story.author_line else ""
    return (
        f"{_head(style)}<body>{_edition_nav(editions, index)}{_toc_table(ed)}"
        f'<div class="sitebar">{SITE_BAR}</div>'
        '<div class="nav"><a href="../../index.htm">上一期</a> <a href="node_1.htm">版面导航</a></div>'
        f'<div class="tools">{nxt} {_printed_date(date)} '
        '<a href="javascript:doZoom(120)">放大</a> <a href="javascript:doZoom(80)">缩小</a> '
        '<a href="javascript:doZoom(100)">默认</a></div>'
        f"{headline}{author}"
        f'<div class="sms">{"<br>".join(SMS_LINES)}</div><div>{COPYRIGHT}</div><div>{PHONE}</div>'
        '<div class="bdsharebuttonbox">分享到:<a class="bds_weixin"></a></div>'
        f"{container}<div>{nxt}</div>"
        f'<div class="footer">{FOOTER}</div></body></html>'
    )
