"""Money amounts: units, Chinese numerals, currencies, ranges and what they quantify."""

from __future__ import annotations

from pipelines.entities.money import find_amounts


def simple(text: str) -> list[tuple]:
    return [(a["value"], a["currency"], a["context"], a.get("bound")) for a in find_amounts(text)]


def test_yi_and_wan_with_context():
    assert find_amounts("项目总投资达130.23亿元。") == [
        {"text": "130.23亿元", "value": 13023000000, "currency": "CNY", "context": "总投资"}
    ]
    assert simple("累计完成投资1227.65万元") == [(12276500, "CNY", "累计完成投资", None)]


def test_chinese_numerals_and_trillions():
    assert simple("完成投资三千万元,签约额1.2万亿元,捐款两百万元。") == [
        (30000000, "CNY", "完成投资", None),
        (1200000000000, "CNY", "签约额", None),
        (2000000, "CNY", "捐款", None),
    ]


def test_foreign_currencies():
    assert simple("实际利用外资8000万美元,另有欧元贷款300万欧元。") == [
        (80000000, "USD", "外资", None),
        (3000000, "EUR", "贷款", None),
    ]


def test_ranges_give_both_ends_with_shared_magnitude():
    assert simple("投资5亿至10亿元项目8个,投资1-5亿元项目3个。") == [
        (500000000, "CNY", "投资", "low"),
        (1000000000, "CNY", "投资", "high"),
        (100000000, "CNY", "投资", "low"),
        (500000000, "CNY", "投资", "high"),
    ]


def test_converted_traditional_wan():
    import opencc

    assert simple(opencc.OpenCC("t2s").convert("總投資達12萬元")) == [(120000, "CNY", "总投资", None)]


def test_not_money():
    assert find_amounts("元素一 焦作国家高新区;五十亿产业集群;1-4月份;3个元素") == []


def test_amounts_that_state_a_floor_are_marked_approximate():
    found = find_amounts("全家收入20多万元,固定资产投资2亿余元,带动投资十几亿元。")
    assert [(a["value"], a["context"], a.get("approximate")) for a in found] == [
        (200000, "收入", True),
        (200000000, "固定资产投资", True),
        (1000000000, "投资", True),
    ]
    assert find_amounts("坚持多元化发展,他有几元钱,带动100余人就业。") == []
    assert simple("项目总投资3.5亿元") == [(350000000, "CNY", "总投资", None)]


def test_what_is_expected_still_names_the_noun():
    assert simple("达产后年产值可达50亿元,年销售收入预计可达12亿元。") == [
        (5000000000, "CNY", "产值", None),
        (1200000000, "CNY", "销售收入", None),
    ]


def test_nouns_of_local_news_name_what_an_amount_is():
    assert simple("合作社分红15万元,筹集善款10万元,发放慰问金2万元。") == [
        (150000, "CNY", "分红", None),
        (100000, "CNY", "善款", None),
        (20000, "CNY", "慰问金", None),
    ]
