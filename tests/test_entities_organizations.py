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


def test_a_body_with_two_fields_joined_by_he_is_one_name():
    assert orgs("记者从市住房和城乡建设局获悉。") == ["市住房和城乡建设局"]
    assert orgs("市人力资源和社会保障局、市发展和改革委员会参加。") == [
        "市人力资源和社会保障局",
        "市发展和改革委员会",
    ]
    # two bodies joined by 和 stay two; no body is made of two bodies' words
    assert orgs("市教育局和市财政局联合发文。") == ["市教育局", "市财政局"]
    assert orgs("学校和医院都在附近。") == []


def test_a_preposition_jieba_glues_to_the_division_starts_no_name():
    assert orgs("11月19日,记者从市发展改革委获悉。") == ["市发展改革委"]


def test_a_name_printed_only_inside_a_longer_one_is_dropped():
    assert orgs("焦作市人民政府与中国建筑第七工程局有限公司签署协议。") == [
        "焦作市人民政府",
        "中国建筑第七工程局有限公司",
    ]
    assert orgs("河南省审计厅和河南省审计厅驻焦作办事处。河南省审计厅表示。")[0] == "河南省审计厅"


def test_a_joining_word_jieba_glues_to_the_next_bodys_division_ends_the_first_body():
    assert orgs("武陟县农业农村局和县科技局的技术人员深入田间。") == ["武陟县农业农村局", "县科技局"]
    assert orgs("和县人民政府发布通告。") == ["和县人民政府"]  # the county itself
    assert orgs("和平区政府发布通告。") == ["和平区政府"]
