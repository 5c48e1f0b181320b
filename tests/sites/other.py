"""HTML of two made-up non-Founder papers, for the generic layout (no known markers, class names say nothing).

``cms_page``: a Simplified evening paper's CMS page: nav bar, breadcrumb, ``<h1>``, an info line with the
author, the body as ``<p>`` paragraphs with a captioned picture, then 责任编辑, a share bar, related news,
a hot-list sidebar, a comment box and the ICP footer. ``table_page``: a Traditional-script daily laid out in
tables, the body one ``<td>`` with ``<br>`` line breaks, the title in a plain bold cell.
"""

from __future__ import annotations

from html import escape

from tests.sites.articles import Story

CMS_PAPER = "山阳晚报"
TABLE_PAPER = "北辰日報"
# Furniture pieces a clean body of these pages leaves out.
CMS_MARKERS = ("当前位置", "责任编辑", "分享到", "相关新闻", "热点排行", "网友评论", "晋ICP备", "All Rights Reserved")
TABLE_MARKERS = ("回首頁", "分享至", "列印本頁", "相關新聞", "版權所有", "聯絡我們")


def cms_stories() -> list[Story]:
    """Stories of the evening paper (made up)."""
    return [
        Story("g_shuiku", "城东水库除险加固工程完工", [
            "本报讯 记者陈晓东报道 3月4日,历时八个月的城东水库除险加固工程通过验收,正式投入使用。",
            "工程总投资4200万元,主要对大坝坝体、溢洪道和放水设施进行了加固改造,水库防洪标准提高到百年一遇。",
            "水库管理处负责人介绍,工程完工后,下游三个乡镇、五万余名群众的防洪安全将得到有效保障。",
        ], ["陈晓东"], photographers=["陈晓东"], captions=["加固后的城东水库大坝。 记者 陈晓东 摄"]),
        Story("g_shuji", "社区书屋开进老旧小区", [
            "“以前看书要跑到市图书馆,现在下楼就能借到。”3月3日,家住幸福里小区的刘大爷高兴地说。",
            "今年以来,市文化部门在32个老旧小区建起社区书屋,每个书屋藏书不少于两千册,并实行通借通还。",
            "据了解,社区书屋由志愿者轮流值守,每天开放时间不少于八小时,周末还将举办亲子阅读活动。",
        ], ["周敏"]),
    ]


def table_stories() -> list[Story]:
    """Stories of the Traditional-script daily (made up)."""
    return [
        Story("g_yugang", "漁港碼頭擴建工程動工", [
            "【本報訊】記者林志明報導,漁港碼頭擴建工程昨日正式動工,預計明年年底完工。",
            "擴建工程將新增泊位二十個,並興建冷凍倉庫與漁貨拍賣場,總經費約新臺幣三億元。",
            "漁會理事長表示,碼頭擴建後可紓解漁船停泊不足的問題,對地方漁業發展大有助益。",
        ], ["林志明"]),
    ]


def _cms_rows(titles: list[str]) -> str:
    return "".join(f'<li><a href="/wb/{i}.html">{escape(t)}</a><span>03-0{i % 9 + 1}</span></li>'
                   for i, t in enumerate(titles))


def cms_page(story: Story, stamp: str, related: list[str]) -> str:
    """One article page of the evening paper's CMS."""
    picture = "".join(
        f'<p style="text-align:center"><img src="/pic/{i}.jpg" border="0"></p>'
        f'<p style="text-align:center">{escape(c)}</p>' for i, c in enumerate(story.captions)
    )
    paras = [f"<p>\u3000\u3000{escape(p)}</p>" for p in story.paragraphs]
    body = "".join(paras[:1]) + picture + "".join(paras[1:])
    author = "、".join(story.reporters)
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8">'
        f"<title>{escape(story.title or '')}-{CMS_PAPER}网</title></head><body>"
        '<div class="w1 t"><a href="/">首页</a> <a href="/bd/">本地</a> <a href="/sh/">社会</a> '
        '<a href="/ty/">体育</a> <a href="/epaper/">电子报</a></div>'
        '<div class="w1 c3">当前位置:<a href="/">首页</a> &gt; <a href="/bd/">本地新闻</a> &gt; 正文</div>'
        '<div class="w1"><div class="l1">'
        f'<h1 class="h">{escape(story.title or "")}</h1>'
        f'<div class="c9">{stamp} 来源:{CMS_PAPER} 作者:记者 {escape(author)} 浏览:<span>1024</span></div>'
        f'<div class="t2">{body}</div>'
        '<div class="c9">责任编辑:刘洋</div>'
        '<div class="fx">分享到:<a href="#">微信</a><a href="#">微博</a><a href="#">QQ空间</a></div>'
        f'<div class="m2"><div class="b">相关新闻</div><ul>{_cms_rows(related)}</ul></div>'
        '<div class="m3"><div class="b">网友评论</div><textarea></textarea>'
        '<div>已有0条评论,<a href="#">查看全部</a></div></div></div>'
        f'<div class="r1"><div class="b">热点排行</div><ol>{_cms_rows(related[::-1])}</ol></div></div>'
        f'<div class="w1 f">Copyright © 2021 {CMS_PAPER}社 All Rights Reserved 晋ICP备10003712号'
        "<br>地址:山阳市建设路18号 电话:0351-5550123</div></body></html>"
    )


def table_page(story: Story, stamp: str, related: list[str], meta_charset: str) -> str:
    """One article page of the Traditional-script daily (tables, ``<br>`` paragraphs)."""
    body = "<br><br>".join(f"\u3000\u3000{escape(p)}" for p in story.paragraphs)
    links = "".join(f'<tr><td><a href="/news/{i}.htm">{escape(t)}</a></td></tr>' for i, t in enumerate(related))
    return (
        f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={meta_charset}">'
        f"<title>{TABLE_PAPER}電子報 - {escape(story.title or '')}</title></head><body>"
        '<table width="980"><tr><td><a href="/">回首頁</a> | <a href="/news/">地方新聞</a> | '
        '<a href="/sport/">體育</a> | <a href="/about.htm">聯絡我們</a></td></tr></table>'
        '<table width="980"><tr><td width="700" valign="top"><table width="100%">'
        f'<tr><td class="x1"><b>{escape(story.title or "")}</b></td></tr>'
        f'<tr><td class="x2">{stamp} {TABLE_PAPER} <a href="javascript:print()">列印本頁</a></td></tr>'
        f'<tr><td class="x3">{body}</td></tr>'
        '<tr><td>分享至:<a href="#">Facebook</a> <a href="#">Line</a></td></tr></table></td>'
        f'<td width="280" valign="top"><table><tr><td>相關新聞</td></tr>{links}</table></td></tr></table>'
        f'<table width="980"><tr><td>版權所有 © {TABLE_PAPER}社 地址:北辰市中正路100號 電話:(082)328-888</td></tr>'
        "</table></body></html>"
    )
