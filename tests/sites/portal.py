"""HTML of the local portal copy: section listings (``ShowClass.asp``) and article pages (``div.pcbdmap``)."""

from __future__ import annotations

from html import escape

from tests.sites.articles import Story

TOP_BAR = '<div class="top"><a href="/">焦作网首页</a> | <a href="/news/">新闻</a> | <a href="/tj/">太极</a></div>'
FOOTER = '<div class="footer">焦作网 版权所有 豫ICP备09012345号 联系电话:0391-8797395</div>'
DISCLAIMER = {
    "simplified": "焦作网免责声明:本网转载内容仅供参考,不代表本网观点。",
    "traditional": "焦作網免責聲明:本網轉載內容僅供參考,不代表本網觀點。",
}
SCAN = {"simplified": "扫一扫在手机打开当前页", "traditional": "掃一掃在手機打開當前頁"}
RELATED = {"simplified": "相关新闻", "traditional": "相關新聞"}
# Chrome snippets a clean extraction must leave out (used by the benchmark too).
CHROME_SNIPPETS = ("免责声明", "免責聲明", "扫一扫", "掃一掃", "豫ICP备", "焦作网首页", "您现在的位置")


def _head(title: str, meta_charset: str) -> str:
    return (
        f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={meta_charset}">'
        f"<title>{escape(title)}</title><script>var hits=0;</script></head>"
    )


def listing_page(class_id: int, class_name: str, page: int, pages: int,
                 rows: list[tuple[int, str, str]]) -> str:
    """One listing page: rows of (article id, title, date) and the pager."""
    body_rows = "".join(
        f'<tr><td class="lb"><a href="ShowArticle.asp?ArticleID={aid}" target="_blank">{escape(t)}</a></td>'
        f'<td class="rq">{d}</td></tr>'
        for aid, t, d in rows
    )
    link = f"ShowClass.asp?ClassID={class_id}&amp;page="
    nav = ["首页" if page == 1 else f'<a href="{link}1">首页</a>']
    nav.append(f'<a href="{link}{page - 1}">上一页</a>' if page > 1 else "上一页")
    nav.append(f'<a href="{link}{page + 1}">下一页</a>' if page < pages else "下一页")
    nav.append(f'<a href="{link}{pages}">尾页</a>' if page < pages else "尾页")
    return (
        f"{_head(f'{class_name}_焦作网', 'gb2312')}<body>{TOP_BAR}"
        f'<div class="weizhi">您现在的位置: 焦作网 &gt;&gt; 新闻 &gt;&gt; {escape(class_name)}</div>'
        f'<div class="lmzj"><table>{body_rows}</table>'
        f'<div class="page">{" ".join(nav)} 页次:{page}/{pages}</div></div>{FOOTER}</body></html>'
    )


def article_page(story: Story, class_name: str, stamp: str, meta_charset: str, script: str,
                 repeat_body: bool, related: list[tuple[int, str, str]] | None = None) -> str:
    """An article page; ``repeat_body`` prints the body once more below the disclaimer; ``related`` lists
    (article id, title, date) rows under the related-news label."""
    related = related or []
    reporters_line = "(记者" + "、".join(story.reporters) + ")"
    if script == "traditional":
        import opencc

        reporters_line = opencc.OpenCC("s2t").convert(reporters_line)
    paras = [*story.paragraphs, reporters_line]
    body = "".join(f"<p>\u3000\u3000{escape(p)}</p>" for p in paras)
    repeat = f'<div class="pcbdmap">{body}</div>' if repeat_body else ""
    label = "今日頭條" if script == "traditional" else "今日头条"
    site = "焦作網" if script == "traditional" else "焦作网"
    return (
        f"{_head(f'{story.title}_{site}', meta_charset)}<body>{TOP_BAR}"
        f'<div class="weizhi">您现在的位置: {site} &gt;&gt; 新闻 &gt;&gt; {escape(class_name)}</div>'
        f'<div class="pcbd"><div class="lmbq">{label}</div><h1 class="pcbt">{escape(story.title or "")}</h1>'
        f'<div class="pcxx"><span class="lm">{label}</span> {stamp} 来源:焦作日报</div>'
        f'<div class="pcbdmap">{body}</div>'
        f'<div class="mzsm">{DISCLAIMER[script]}</div>{repeat}'
        f'<div class="ewm"><img src="/images/qr.png"><br>{SCAN[script]}</div>'
        f'<div class="xgxw"><div class="bt">{RELATED[script]}</div><ul>{_related(related)}</ul></div></div>'
        '<div class="bdsharebuttonbox">分享到:<a class="bds_tsina"></a></div>'
        f"{FOOTER}</body></html>"
    )


def _related(rows: list[tuple[int, str, str]]) -> str:
    return "".join(
        f'<li><a href="ShowArticle.asp?ArticleID={aid}">{escape(title)}</a> <span>{day}</span></li>'
        for aid, title, day in rows
    )


def page_markers(script: str) -> list[str]:
    """Furniture pieces an article page in ``script`` shows (a clean body holds none of them)."""
    if script == "traditional":
        return ["焦作網免責聲明", "掃一掃在手機打開當前頁", "今日頭條", "相關新聞", "您现在的位置", "豫ICP备"]
    return ["焦作网免责声明", "扫一扫在手机打开当前页", "今日头条", "相关新闻", "您现在的位置", "豫ICP备"]
