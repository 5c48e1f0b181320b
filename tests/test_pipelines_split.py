"""Split stage: lines of a page cut into article and photo blocks."""

from __future__ import annotations

from scrapy.utils.misc import build_from_crawler
from scrapy.utils.test import get_crawler

from crawler.items import PageItem
from pipelines.split import SplitPipeline, last_groups, share_run, split_blocks, unwrap_indented


def _lines(text: str) -> list[str]:
    return text.split("\n")


def test_headline_dateline_articles_and_photo() -> None:
    blocks = split_blocks(
        _lines(
            "\n\n甲县召开会议\n\n本报讯(记者王一)甲县召开会议,部署重点工作。\n\n会议要求,狠抓落实。\n\n\n\n"
            "3月1日,工人在车间生产。本报记者 李二 摄\n\n乙县举办活动\n\n本报讯(记者张三)乙县举办活动,群众踊跃参加。\n"
        )
    )
    assert [b["kind"] for b in blocks] == ["article", "photo", "article"]
    assert blocks[0]["headlines"] == ["甲县召开会议"]
    assert blocks[0]["paragraphs"][1] == "会议要求,狠抓落实。"
    assert blocks[1]["captions"] == ["3月1日,工人在车间生产。本报记者 李二 摄"]
    assert blocks[2]["headlines"] == ["乙县举办活动"]


def test_caption_between_headline_and_dateline_belongs_to_article() -> None:
    blocks = split_blocks(
        _lines(
            "\n大会强调\n\n站位全局 突出重点\n奋力实现新突破\n\n\n大会会场。 王五摄\n\n本报讯(记者赵六)昨日召开大会,安排部署工作。\n"
        )
    )
    assert len(blocks) == 1
    assert blocks[0]["headlines"] == ["大会强调", "站位全局 突出重点", "奋力实现新突破"]
    assert blocks[0]["captions"] == ["大会会场。 王五摄"]


def test_column_banner_is_dropped() -> None:
    blocks = split_blocks(
        _lines(
            "\n扎实开展\n主题教育活动\n\n诚信走四方\n招商活动综述\n\n本报记者 付一\n招商工作取得新突破,签约项目54个。\n"
        )
    )
    assert len(blocks) == 1
    assert blocks[0]["headlines"] == ["诚信走四方", "招商活动综述"]
    assert blocks[0]["paragraphs"][0] == "本报记者 付一"


def test_headline_after_body_goes_to_that_body() -> None:
    blocks = split_blocks(
        _lines(
            "\n甲事\n\n本报讯(记者王一)甲事正文,内容详实。\n\n本报讯(记者王一)乙事正文,内容详实。\n\n乙事标题\n\n"
            "乙事副题 确保完成\n\n丙事标题\n\n本报讯(记者王一)丙事正文,内容详实。\n"
        )
    )
    assert [b["headlines"] for b in blocks] == [["甲事"], ["乙事标题", "乙事副题 确保完成"], ["丙事标题"]]
    assert blocks[1]["provenance"]["block"] == "headline-after-body"


def test_ordinal_sections_return_to_their_feature() -> None:
    blocks = split_blocks(
        _lines(
            "\n特写标题\n\n本报记者 王一\n\n导语内容,引人关注。\n\n亮点一 第一部分\n\n第一部分内容,十分具体。\n\n"
            "别的新闻\n\n本报讯(记者张三)别的新闻内容,与特写无关。\n\n亮点二 第二部分\n\n第二部分内容,同样具体。\n"
        )
    )
    assert len(blocks) == 2
    assert "亮点二 第二部分" in blocks[0]["paragraphs"]
    assert "第二部分内容,同样具体。" in blocks[0]["paragraphs"]
    assert all("亮点" not in p for p in blocks[1]["paragraphs"])


def test_glued_subheading_stays_in_body() -> None:
    blocks = split_blocks(
        _lines(
            "\n综述标题\n\n本报记者 王一\n正文开头,叙述经过。\n\n锤炼队伍 提升形象\n小标题下的内容,十分充实。\n"
        )
    )
    assert len(blocks) == 1
    assert blocks[0]["paragraphs"][-2:] == ["锤炼队伍 提升形象", "小标题下的内容,十分充实。"]


def test_repeated_body_without_headline_folds_into_first_copy() -> None:
    blocks = split_blocks(
        _lines("标题\n本报讯 正文第一段,内容。\n(记者 王一)\n本报讯 正文第一段,内容。\n(记者 王一)")
    )
    assert len(blocks) == 1


def test_body_only_page_is_one_block() -> None:
    blocks = split_blocks(_lines("第一段正文,内容详实。\n\n第二段正文,内容详实。\n"))
    assert len(blocks) == 1 and blocks[0]["headlines"] == []


def test_unwrap_indented_joins_wrapped_lines() -> None:
    lines = ["标题", "\u3000\u3000第一段开头，", "第一段结尾。", "\u3000\u3000第二段开头，", "第二段结尾。"]
    assert unwrap_indented(lines) == [
        "标题",
        "\u3000\u3000第一段开头，第一段结尾。",
        "\u3000\u3000第二段开头，第二段结尾。",
    ]


def test_last_groups_and_share_run() -> None:
    assert last_groups([["横幅一", "横幅二"], ["主题"], ["副题"]]) == ["主题", "副题"]
    assert last_groups([["引题"], ["主题", "副题"]]) == ["引题", "主题", "副题"]
    assert share_run(["上篇主题", "上篇副题", "下篇主题"]) == (["上篇主题", "上篇副题"], ["下篇主题"])
    assert share_run(["上篇主题", "下篇调研时强调", "下篇主题"]) == (
        ["上篇主题"],
        ["下篇调研时强调", "下篇主题"],
    )


def test_pipeline_passes_page_object_blocks_through() -> None:
    pipeline = build_from_crawler(SplitPipeline, get_crawler(settings_dict={}))
    given = [{"title": "已知标题", "paragraphs": ["正文。"]}]
    out = pipeline.process_item(PageItem(lines=["别的", "内容。"], blocks=given))
    assert out["blocks"] is given
    out = pipeline.process_item(PageItem(lines=["标题", "", "本报讯 内容,详实。"]))
    assert out["blocks"][0]["headlines"] == ["标题"]
