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


def _column(paragraph: str, width: int = 16) -> list[str]:
    """A paragraph as a column prints it: two full-width spaces of indent, cut every ``width`` characters."""
    text = "\u3000\u3000" + paragraph
    return [text[i : i + width].rstrip() if i else text[:width] for i in range(0, len(text), width)]


# A column-wrapped page without blank lines: the first story's last line is cut mid-sentence.
WRAPPED = [
    "甲县召开项目建设推进会",
    *_column(
        "本报讯(记者王一)3月1日,甲县召开会议,县委各乡镇(街道)负责人参加会议,部署今年全县的重点项目建设工作,会议要求"
    ),
    "乙县举办技能大赛",
    *_column(
        "本报讯(记者张三)3月2日,乙县举办职业技能大赛,来自全县各行业的二百多名选手参加了为期两天的比赛,比赛设置焊工、电工等工种"
    ),
    "。",
    "(李四)",
]


def test_unwrap_follows_the_column_edge_not_the_punctuation() -> None:
    assert any(line.endswith(")") for line in WRAPPED[1:5])  # a full line ending with a bracket
    out = unwrap_indented(WRAPPED)
    assert out[1].endswith("重点项目建设工作,会议要求")  # … goes on: the paragraph is one line again
    assert out[2] == "乙县举办技能大赛"  # a short line ends its paragraph even mid-sentence
    assert out[3].endswith("设置焊工、电工等工种。")  # a lone closing mark belongs to the line above
    assert out[4] == "(李四)"  # a byline is never glued to the paragraph


def test_wrapped_page_without_blank_lines_splits_into_its_stories() -> None:
    blocks = split_blocks(WRAPPED)
    assert [b["headlines"] for b in blocks] == [["甲县召开项目建设推进会"], ["乙县举办技能大赛"]]
    assert len(blocks[0]["paragraphs"]) == 1


def test_no_blank_page_keeps_in_story_headings_and_drops_the_banner() -> None:
    lines = _lines(
        "甲县召开会议\n本报讯(记者王一)甲县召开会议,部署重点工作。\n"
        "扎实开展\n群众路线教育实践活动\n“诚”走八方引凤来\n甲县外出招商活动综述\n本报记者 王一\n"
        "各小分队积极对接知名企业,取得新突破。\n锤炼队伍 提升形象\n每一支小分队都代表着甲县的形象。\n"
        "全民招商 硕果累累\n集中招商活动开展以来,共收集项目信息400余条。"
    )
    blocks = split_blocks(lines)
    assert [b["headlines"] for b in blocks] == [
        ["甲县召开会议"],
        ["“诚”走八方引凤来", "甲县外出招商活动综述"],
    ]
    assert "锤炼队伍 提升形象" in blocks[1]["paragraphs"] and "全民招商 硕果累累" in blocks[1]["paragraphs"]


def test_last_groups_reads_a_lead_above_a_four_line_run() -> None:
    assert last_groups([["专栏横幅", "甲县书记调研时强调", "抓项目促发展", "——甲县调研纪实"]]) == [
        "甲县书记调研时强调",
        "抓项目促发展",
        "——甲县调研纪实",
    ]
    assert last_groups([["扎实开展", "教育实践活动", "走八方引凤来", "外出招商活动综述"]]) == [
        "走八方引凤来",
        "外出招商活动综述",
    ]


def test_pipeline_prefers_the_text_stories_over_a_guessed_single_block() -> None:
    pipeline = build_from_crawler(SplitPipeline, get_crawler(settings_dict={}))
    guessed = [
        {"kind": "article", "title": "网页标题", "paragraphs": ["甲县召开会议", "本报讯(记者王一)内容。"]}
    ]
    lines = [
        "甲县召开会议",
        "本报讯(记者王一)甲县召开会议,部署工作。",
        "乙县举办活动",
        "本报讯(记者张三)乙县举办活动,群众参加。",
    ]
    out = pipeline.process_item(PageItem(lines=lines, blocks=list(guessed), layout="generic-article"))
    assert [b["headlines"] for b in out["blocks"]] == [["甲县召开会议"], ["乙县举办活动"]]
    assert out["provenance"]["blocks"] == "text-split-over-guess"
    plain = ["网页新闻标题", "甲县近日举办活动,群众踊跃参加。"]  # no dateline: the page object's block stays
    out = pipeline.process_item(PageItem(lines=plain, blocks=list(guessed), layout="generic-article"))
    assert out["blocks"] == guessed
    out = pipeline.process_item(PageItem(lines=lines, blocks=list(guessed), layout="founder-article"))
    assert out["blocks"] == guessed
