"""EntitiesPipeline on real items: fields, tokens, provenance, and names shared within a page only."""

from __future__ import annotations

from scrapy.utils.test import get_crawler

from crawler.items import ArticleItem, PageItem
from pipelines.entities import EntitiesPipeline


def page(pub_date: str | None, *articles: ArticleItem) -> PageItem:
    item = PageItem(pub_date=pub_date)
    item["articles"] = list(articles)
    return item


def test_fields_tokens_and_provenance_are_set():
    pipe = EntitiesPipeline.from_crawler(get_crawler(settings_dict={"ENTITIES_WORKERS": 0}))
    article = ArticleItem(
        kind="article",
        title="县里召开项目推进会",
        body="本报讯(记者李明)12月21日,县委书记孙建国出席会议。项目总投资5亿元。",
        provenance={"title": "headline-block"},
    )
    out = pipe.process_item(page("2019-12-23", article))
    art = out["articles"][0]
    assert art["people"] == [{"name": "孙建国", "titles": ["县委书记"]}]
    assert art["event_dates"] == ["2019-12-21"]
    assert [a["value"] for a in art["amounts"]] == [500000000]
    assert art["tokens"][:3] == ["县里", "召开", "项目"]
    assert art["provenance"]["title"] == "headline-block"
    assert art["provenance"]["people"] == "title-before-name"
    assert set(art) >= {"organizations", "places", "keywords"}


def test_names_confirmed_in_one_article_are_found_bare_in_the_others_of_its_page():
    pipe = EntitiesPipeline()
    bare = ArticleItem(kind="article", title="观摩", body="方志远一行观摩了新建厂房。")
    titled = ArticleItem(kind="article", title="调研", body="市长方志远到企业调研。")
    out = pipe.process_item(page(None, bare, titled))
    assert out["articles"][0]["people"] == [{"name": "方志远", "titles": []}]
    assert out["articles"][0]["provenance"]["people"] == "known-name"
    assert out["articles"][1]["people"] == [{"name": "方志远", "titles": ["市长"]}]


def test_a_page_yields_the_same_entities_whatever_was_crawled_before_it():
    def bare_page() -> PageItem:
        return page(None, ArticleItem(kind="article", title="观摩", body="方志远一行观摩了新建厂房。"))

    pipe = EntitiesPipeline()
    alone = pipe.process_item(bare_page())["articles"][0]
    pipe.process_item(page(None, ArticleItem(kind="article", title="调研", body="市长方志远到企业调研。")))
    after = pipe.process_item(bare_page())["articles"][0]
    assert after["people"] == alone["people"]
    assert after["tokens"] == alone["tokens"]


def test_photo_uses_its_caption_and_no_pub_date_means_no_relative_date():
    pipe = EntitiesPipeline()
    photo = ArticleItem(kind="photo", captions=["昨日,村民李秀兰在田间采摘草莓。 本报记者 王正义 摄"])
    out = pipe.process_item(page(None, photo))
    art = out["articles"][0]
    assert art["people"] == [{"name": "李秀兰", "titles": ["村民"]}]
    assert art["event_dates"] == []
