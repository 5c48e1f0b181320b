"""Organisations grown leftwards from their head word."""

from __future__ import annotations

from pipelines.entities import tokens
from pipelines.entities.organizations import find_organizations


def orgs(text: str) -> list[str]:
    words = tokens.cut(text)
    return find_organizations(words, tokens.tags_of(words))


def test_companies_agencies_and_institutions():
    text = "会场设在焦作市耀晖电气设备制造有限公司。河南省审计厅、市第二人民医院和中国药科大学代表出席。"
    assert orgs(text) == ["焦作市耀晖电气设备制造有限公司", "河南省审计厅", "市第二人民医院", "中国药科大学"]


def test_words_ending_like_a_head_are_not_organisations():
    assert orgs("形成良好格局,服务发展大局,全局工作有序。") == []
