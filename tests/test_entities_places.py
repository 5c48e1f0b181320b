"""Places: gazetteer names and short forms, villages and communities by their suffix."""

from __future__ import annotations

from pipelines.entities import tokens
from pipelines.entities.places import find_places


def places(text: str) -> list[str]:
    words = tokens.cut(text)
    return find_places(words, tokens.tags_of(words))


def test_divisions_villages_and_communities():
    text = "城关镇东关村和金沙社区的村民来到焦作市解放区和郑州参观,河南省洛阳市也派人参加。"
    assert places(text) == ["城关镇", "东关村", "金沙社区", "焦作市", "解放区", "郑州", "河南省", "洛阳市"]


def test_short_form_before_a_road_or_school_is_not_the_place():
    assert places("玉溪路小学开学了。") == []


def test_kinds_of_places_are_not_places():
    assert places("城中村改造和老城区提升") == []


def test_a_joining_word_glued_to_a_division_after_a_body_is_no_county():
    assert places("武陟县农业农村局和县科技局的技术人员深入田间。") == ["武陟县"]
    assert places("他去了和县。") == ["和县"]
