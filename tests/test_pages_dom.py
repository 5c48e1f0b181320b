"""DOM-level cleaning and the generic fallback layout."""

from __future__ import annotations

from crawler.pages import dom, parse_html


def test_chrome_elements_removed_tail_text_kept() -> None:
    root = dom.parse_document(
        "<html><body><nav>导航</nav><p>甲<script>var x;</script>乙</p><form>搜索</form>"
        '<div class="bdsharebuttonbox">分享到</div><iframe>广告</iframe><footer>页脚</footer>'
        '<div style="display:none">隐藏</div><p>丙</p></body></html>'
    )
    dom.strip_chrome(root)
    assert dom.block_lines(root) == ["甲乙", "丙"]


def test_one_line_per_block_and_br() -> None:
    root = dom.parse_document("<html><body><div>一<br>二</div><p>三 <b>四</b></p><table><tr><td>五</td></tr>"
                              "</table></body></html>")
    assert dom.block_lines(root) == ["一", "二", "三 四", "五"]


def test_comment_hidden_but_its_tail_kept() -> None:
    root = dom.parse_document("<html><body><p>前<!-- 注释 -->后</p></body></html>")
    assert dom.block_lines(root) == ["前后"]
    assert dom.comments(root) == [" 注释 "]


def test_paragraph_padding_removed() -> None:
    assert dom.clean_paragraph("\u3000\u3000正文\u00a0 内容 \n") == "正文 内容"


def test_empty_and_garbage_input() -> None:
    assert dom.block_lines(dom.parse_document("")) == []
    assert dom.block_lines(dom.parse_document('<?xml version="1.0" encoding="gbk"?><p>字</p>')) == ["字"]


def test_generic_layout_text_and_url_date() -> None:
    parsed = parse_html("http://news.example.test/2020-05/06/a.htm",
                        "<html><head><title>t</title><style>p{}</style></head><body><h1>标题</h1>"
                        "<p>第一段。</p><footer>版权</footer></body></html>")
    assert parsed["layout"] == "generic"
    assert parsed["blocks"] is None
    assert parsed["text"] == "标题\n第一段。"
    assert parsed["pub_date"] == "2020-05-06"


def test_truncated_page_parses_as_far_as_it_goes() -> None:
    parsed = parse_html("http://e.test/html/2020-01/02/content_1.htm",
                        '<html><body><div id="ozoom"><founder-content><p>第一段。</p><p>第二')
    assert parsed["blocks"][0]["paragraphs"] == ["第一段。", "第二"]
