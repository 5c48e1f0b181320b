"""Fields stage: headline parts, bylines, body repair and dedup, captions."""

from __future__ import annotations

import pytest
from scrapy.utils.misc import build_from_crawler
from scrapy.utils.test import get_crawler

from crawler.items import ArticleItem, PageItem
from pipelines.fields import (
    FieldsPipeline,
    block_to_article,
    caption_parts,
    dedup_text,
    join_broken,
    read_bylines,
    resolve_headlines,
)
from pipelines.rules.byline_rules import parse_byline


@pytest.mark.parametrize(
    ("text", "reporters", "photographers"),
    [
        ("作者:本报特派记者 赵明", ["赵明"], []),
        ("■记者 王丽 通讯员 陈刚", ["王丽", "陈刚"], []),
        ("本报记者 刘 洋 摄", [], ["刘洋"]),
        ("记者|何平", ["何平"], []),
        ("□文/图 记者 周红", ["周红"], ["周红"]),
        ("本报记者 郭树勋 付凯明", ["郭树勋", "付凯明"], []),
        ("文/记者 张三 图/记者 李四", ["张三"], ["李四"]),
    ],
)
def test_byline_forms(text: str, reporters: list[str], photographers: list[str]) -> None:
    assert parse_byline(text) == (reporters, photographers)


def test_plain_text_is_no_byline() -> None:
    assert parse_byline("下转第二版") is None
    assert parse_byline("郭树勋 付凯明") is None  # names without a role word
    assert parse_byline("孙 文", need_role=False) == (["孙文"], [])


def test_headline_roles() -> None:
    assert resolve_headlines(["甲乙开工"])[0]["title"] == "甲乙开工"
    parts, rule = resolve_headlines(["吕某调研重点项目时强调", "坚持问题导向"])
    assert (parts["lead_title"], parts["title"], rule) == (
        "吕某调研重点项目时强调",
        "坚持问题导向",
        "lead-form",
    )
    parts, _ = resolve_headlines(["重点项目集中开工", "开工项目27个,总投资130亿元"])
    assert (parts["title"], parts["subtitle"]) == ("重点项目集中开工", "开工项目27个,总投资130亿元")
    parts, rule = resolve_headlines(["认真贯彻落实会议", "举行重点项目观摩"], toc=["举行重点项目观摩"])
    assert (parts["lead_title"], parts["title"], rule) == (
        "认真贯彻落实会议",
        "举行重点项目观摩",
        "toc-title",
    )
    parts, _ = resolve_headlines(["引题", "主题", "——副题内容"])
    assert parts == {"lead_title": "引题", "title": "主题", "subtitle": "副题内容"}
    parts, rule = resolve_headlines(["改革赋能 创新引领 产业支撑 高新区聚焦重点稳健开局"])
    assert (parts["lead_title"], parts["title"], rule) == (
        "改革赋能 创新引领 产业支撑",
        "高新区聚焦重点稳健开局",
        "slogan-lead",
    )
    assert resolve_headlines(["坚持问题导向 压实工作责任 全力推进重点项目建设"])[0]["lead_title"] is None


def test_read_bylines_keeps_dateline_drops_byline_lines() -> None:
    kept, reporters, photographers, rule = read_bylines(
        ["本报记者 郭一", "本报讯(记者王二、张三)昨日,会议召开。", "正文。", "(记者郭嘉莉、杨丽娜)", "(完)"]
    )
    assert kept == ["本报讯(记者王二、张三)昨日,会议召开。", "正文。"]
    assert reporters == ["郭一", "王二", "张三", "郭嘉莉", "杨丽娜"] and photographers == []
    assert rule == "byline-line"


def test_join_broken_columns() -> None:
    cut = "今年计划实施项目282个,其中10亿元以上项目36个,1亿元以上项目77"
    assert join_broken([cut, "个。此次开工。", "元素一 小标题", "内容。"]) == [
        cut + "个。此次开工。",
        "元素一 小标题",
        "内容。",
    ]
    indented = [
        "\u3000\u3000第一段的开头在这一行。",
        "接续的一行也属于第一段。",
        "\u3000\u3000第二段的开头在这一行。",
        "第二段的接续也在这里。",
    ]
    assert join_broken(indented) == [
        "第一段的开头在这一行。接续的一行也属于第一段。",
        "第二段的开头在这一行。第二段的接续也在这里。",
    ]


def test_dedup_paragraphs_sentences_and_clauses() -> None:
    repeated = "最大的亮点当属第一医院项目,第二是移动密码产业园项目"
    text = f"在开工项目中,{repeated},{repeated},{repeated}。"
    out = dedup_text(
        [text, "大家纷纷表示,这是新奋斗的起点。", "会上,各方发言。大家纷纷表示,这是新奋斗的起点。", text]
    )
    assert out[0] == f"在开工项目中,{repeated}。"
    assert out[1:] == ["大家纷纷表示,这是新奋斗的起点。", "会上,各方发言。"]


def test_caption_parts_split_credit() -> None:
    assert caption_parts("工人在车间生产。本报记者 赵一 摄") == ("工人在车间生产。", ["赵一"])
    assert caption_parts("大会会场。 刘二摄") == ("大会会场。", ["刘二"])
    assert caption_parts("没有署名的图片说明。") == ("没有署名的图片说明。", [])


def test_block_to_article_fills_every_field() -> None:
    item = block_to_article(
        {
            "headlines": ["主题"],
            "paragraphs": ["本报讯(记者王一)正文开头,", "继续。"],
            "captions": ["图说。 李二摄"],
        },
        3,
    )
    assert isinstance(item, ArticleItem)
    assert item["position"] == 3 and item["kind"] == "article"
    assert item["title"] == "主题" and item["lead_title"] is None and item["subtitle"] is None
    assert item["reporters"] == ["王一"] and item["photographers"] == ["李二"]
    assert item["body"] == "本报讯(记者王一)正文开头,继续。"
    assert item["captions"] == ["图说。"]
    assert item["provenance"]["reporters"] == "dateline"
    assert item["provenance"]["photographers"] == "caption-credit"


def test_photo_block_and_resolved_block() -> None:
    photo = block_to_article({"kind": "photo", "captions": ["3月1日,志愿者植树。本报记者 刘 洋 摄"]}, 0)
    assert photo["kind"] == "photo" and photo["title"] is None
    assert photo["photographers"] == ["刘洋"] and photo["reporters"] == []
    assert photo["body"] == "3月1日,志愿者植树。"
    resolved = block_to_article(
        {
            "lead_title": "引",
            "title": "主",
            "subtitle": "副",
            "paragraphs": ["正文。"],
            "author": "作者:本报记者 董一",
        },
        1,
    )
    assert (resolved["lead_title"], resolved["title"], resolved["subtitle"]) == ("引", "主", "副")
    assert resolved["reporters"] == ["董一"]


def test_pipeline_builds_articles_from_blocks() -> None:
    pipeline = build_from_crawler(FieldsPipeline, get_crawler(settings_dict={}))
    item = PageItem(page_toc=["主题"], blocks=[{"headlines": ["引题", "主题"], "paragraphs": ["正文。"]}])
    out = pipeline.process_item(item)
    assert [(a["lead_title"], a["title"]) for a in out["articles"]] == [("引题", "主题")]
