"""The script stage: record the page's script, convert Traditional to Simplified, leave Simplified alone."""

from __future__ import annotations

from crawler.items import PageItem
from pipelines.script import ScriptPipeline, detect_script, to_simplified

TRADITIONAL = "市委書記王小平,市委副書記、市長徐衣顯分別帶隊,對全市10個縣(市)區的項目進行觀摩。"
SIMPLIFIED = "市委书记王小平,市委副书记、市长徐衣显分别带队,对全市10个县(市)区的项目进行观摩。"


def test_detects_each_script() -> None:
    assert detect_script(TRADITIONAL) == "traditional"
    assert detect_script(SIMPLIFIED) == "simplified"
    assert detect_script(SIMPLIFIED * 4 + "觀摩") == "simplified"  # a stray character doesn't make it mixed
    assert detect_script(TRADITIONAL * 2 + "王小平") == "traditional"
    assert detect_script(TRADITIONAL + SIMPLIFIED) == "mixed"  # a half-converted mirror
    assert detect_script("no hanzi at all") == "simplified"


def test_converts_every_text_field_and_block() -> None:
    item = PageItem(
        text=TRADITIONAL, lines=[TRADITIONAL, ""], page_toc=["今日頭條"], page_name="焦作網",
        blocks=[{"headlines": ["王小平徐衣顯帶隊"], "paragraphs": [TRADITIONAL], "captions": []}],
    )  # fmt: skip
    out = ScriptPipeline().process_item(item)
    assert out["script"] == "traditional"
    assert out["lines"] == [SIMPLIFIED, ""]
    assert out["page_toc"] == ["今日头条"]
    assert out["page_name"] == "焦作网"
    assert out["blocks"][0]["headlines"] == ["王小平徐衣显带队"]
    assert out["blocks"][0]["paragraphs"] == [SIMPLIFIED]


def test_simplified_passes_unchanged() -> None:
    item = PageItem(text=SIMPLIFIED, lines=[SIMPLIFIED])
    out = ScriptPipeline().process_item(item)
    assert out["script"] == "simplified"
    assert out["lines"] == [SIMPLIFIED]
    assert to_simplified(SIMPLIFIED) == SIMPLIFIED


def test_zhe_after_conversion() -> None:
    assert to_simplified("七要著力抓實黨建,隨著項目推進,工人們忙碌著") == "七要着力抓实党建,随着项目推进,工人们忙碌着"
    assert to_simplified("著名作家的著作成績顯著,土著居民") == "著名作家的著作成绩显著,土著居民"
