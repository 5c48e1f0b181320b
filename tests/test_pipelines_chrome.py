"""Chrome stage: furniture lines, page metadata and the edition's headline list."""

from __future__ import annotations

import opencc
import pytest
from scrapy.utils.misc import build_from_crawler
from scrapy.utils.test import get_crawler

from crawler.items import PageItem
from pipelines.chrome import (
    ChromePipeline,
    chrome_rule,
    edition_header,
    nav_line_date,
    paper_name,
    split_lines,
    strip_chrome,
)

T2S = opencc.OpenCC("t2s").convert

PAGE = """第07版:综合新闻 上一版6  8下一版
某县新建两座污水处理厂
某县举办职业技能大赛

焦作日报 | 焦作晚报 | 焦作网 | 焦作论坛
上一期 版面导航
下一篇4 2018年3月5日 星期一 放大 缩小 默认
某县新建两座污水处理厂
联通用户:发送短信 abc 到 10655885 即可订阅《手机报》,3元/月。
分享到:

  本报讯(记者张三)3月4日,某县两座污水处理厂建成投用,日处理能力达到4万吨。

焦作日报社数字报刊  地址:某路1号  邮编:454000
豫ICP备00000000号
焦作日报微信公众号
"""


@pytest.mark.parametrize(
    "line",
    [
        "上一期 版面导航",
        "下一篇4",
        "焦作日报 | 焦作晚报 | 焦作网 | 网上投稿 | 太极拳网",
        "焦作日报 焦作晚报 焦作网 焦作论坛",
        "移动手机用户:发送短信 jzsjb 到 10658300 即可订阅",
        "登录 焦作网weibo.com/jzwww 官方微博参与互动",
        "版权声明:焦作日报社版权所有,未经书面授权,禁止复制、转载或建立镜像等。",
        "联系电话:0391-8797395",
        "分享到:",
        "扫一扫 关注我们 示范区头条 微信公众号",
        "焦作网二维码",
        "焦作日报客户端",
        "焦作网免责声明: | ||||||||",
        "今日头条",
        "|",
        "数字报",
        "(下转第二版)",
        "当前位置:首页 > 新闻 > 本地",
        "责任编辑:李华",
    ],
)
def test_furniture_lines_are_chrome(line: str) -> None:
    assert chrome_rule(line) is not None


@pytest.mark.parametrize(
    "line",
    [
        "示范区举行重点项目集中观摩 暨全区项目建设工作会议",
        "本报讯(记者郭树勋)12月21日,示范区对全区24个重点项目进行观摩。",
        "推荐人选事迹应在区级以上媒体(含微信公众号、客户端)进行过宣传报道,可优先推荐。",
        "锤炼队伍 提升形象",
        "市民可登录www.example.gov.cn查询办理进度,也可拨打服务热线咨询相关政策。",
    ],
)
def test_content_lines_are_kept(line: str) -> None:
    assert chrome_rule(line) is None


def test_edition_header_reads_number_and_name() -> None:
    assert edition_header("第05版:焦作市城乡一体化示范区导刊 上一版3  4下一版") == (
        "05",
        "焦作市城乡一体化示范区导刊",
    )
    assert edition_header("第2版:焦作/综合") == ("02", "焦作/综合")
    assert edition_header("A3版:要闻") == ("A03", "要闻")
    assert edition_header("第二季度重点工作推进会") is None


def test_nav_line_date_with_and_without_weekday() -> None:
    assert nav_line_date("下一篇4 2019 年12月23日 星期 放大 缩小 默认") == (True, "2019-12-23", None)
    assert nav_line_date("2016年1月27日") == (True, "2016-01-27", None)
    assert nav_line_date("焦作日报 2020年7月22日 星期三") == (True, "2020-07-22", "焦作日报")
    assert nav_line_date("2月27日上午,示范区举行开工活动")[0] is False


def test_paper_name_from_footer_and_copyright() -> None:
    assert paper_name("焦作日报社数字报刊  地址:焦作市人民路890号") == "焦作日报"
    assert paper_name("所有内容为焦作晚报社版权所有,未经许可,不得转载或镜像。") == "焦作晚报"


def test_split_lines_handles_crlf_and_cr() -> None:
    assert split_lines("a\r\nb\rc\n\u3000\n") == ["a", "b", "c", "", ""]


def test_strip_chrome_reads_header_and_keeps_story() -> None:
    result = strip_chrome(PAGE, T2S)
    assert result.meta == {
        "page_no": "07",
        "page_name": "综合新闻",
        "pub_date": "2018-03-05",
        "newspaper": "焦作日报",
    }
    assert result.page_toc == ["某县新建两座污水处理厂", "某县举办职业技能大赛"]
    kept = [line.strip() for line in result.lines if line.strip()]
    assert kept == [
        "某县新建两座污水处理厂",
        "本报讯(记者张三)3月4日,某县两座污水处理厂建成投用,日处理能力达到4万吨。",
    ]
    assert result.rules["pub_date"] == "header-date"


def test_strip_chrome_recognises_traditional_furniture_but_keeps_original_text() -> None:
    text = "市區新增停車泊位\n今日頭條\n本報訊 市區新增泊位2000個,緩解停車難問題。\n焦作網免責聲明: | ||||\n掃一掃在手機打開當前頁\n"
    result = strip_chrome(text, T2S)
    assert [line for line in result.lines if line] == [
        "市區新增停車泊位",
        "本報訊 市區新增泊位2000個,緩解停車難問題。",
    ]


def test_date_in_body_is_not_publication_date() -> None:
    text = "标题\n本报讯 今年以来,某区新增就业岗位3000个,完成年度目标的80%。\n2020年7月21日\n"
    result = strip_chrome(text, T2S)
    assert "pub_date" not in result.meta
    assert "2020年7月21日" in result.lines


def test_pipeline_keeps_metadata_already_set() -> None:
    crawler = get_crawler(settings_dict={})
    pipeline = build_from_crawler(ChromePipeline, crawler)
    item = PageItem(text=PAGE, pub_date="2018-03-06", provenance={"pub_date": "sidecar"})
    out = pipeline.process_item(item)
    assert out["pub_date"] == "2018-03-06"
    assert out["provenance"]["pub_date"] == "sidecar"
    assert out["page_no"] == "07" and out["provenance"]["page_no"] == "edition-header"
    assert out["page_toc"] == ["某县新建两座污水处理厂", "某县举办职业技能大赛"]
    assert "分享到:" not in out["lines"]


def test_a_lone_closing_mark_is_text_not_a_separator() -> None:
    assert chrome_rule("。") is None
    assert chrome_rule("——————") == "separator-row"


def test_page_object_paragraphs_lose_the_lines_the_text_shows_as_chrome() -> None:
    pipeline = build_from_crawler(ChromePipeline, get_crawler(settings_dict={}))
    text = "甲县召开会议\n分享到:\n本报讯 甲县召开会议。\n版权声明:某报社版权所有\n"
    block = {
        "title": "甲县召开会议",
        "paragraphs": ["分享到:", "本报讯 甲县召开会议。", "版权声明:某报社版权所有"],
    }
    out = pipeline.process_item(PageItem(text=text, blocks=[block]))
    assert out["blocks"][0]["paragraphs"] == ["本报讯 甲县召开会议。"]
