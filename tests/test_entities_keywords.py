"""Keywords by TF-IDF with jieba's IDF table and the project's stop list."""

from __future__ import annotations

from pipelines.entities import tokens
from pipelines.entities.keywords import top_keywords


def test_topic_words_rank_first_and_stop_words_drop():
    text = "智慧养老服务平台投入运营\n智慧养老服务平台由市民政局打造,为老年人提供养老服务,智慧养老服务平台覆盖全市。"
    words = top_keywords(tokens.cut(text))
    assert words == ["养老", "服务平台", "智慧", "民政局", "老年人", "打造", "全市", "运营"]


def test_numbers_units_and_punctuation_are_never_keywords():
    words = top_keywords(["2020", "年", ",", "10.5", "亿元", "项目", "项目", "我们"], k=3)
    assert words == ["项目"]
