"""pipelines/entities: jieba's tag and IDF tables read at once equal a line-by-line reading (with the
shipped tag fixes applied); the keyword
verdicts remembered per word change nothing."""

from __future__ import annotations

from pathlib import Path

import jieba

from pipelines.entities import keywords, tokens


def test_tag_table_equals_a_line_by_line_reading() -> None:
    expected: dict[str, str] = {}
    with jieba.dt.get_dict_file() as fh:
        for raw in fh:
            parts = raw.decode("utf-8").split()
            if len(parts) == 3:
                expected[parts[0]] = parts[2]
    fixes = tokens._tag_fixes()
    assert fixes and all(expected[word] != tag for word, tag in fixes.items())  # each fix changes a tag
    expected.update(fixes)
    assert tokens.tag_table() == expected


def test_idf_table_equals_a_line_by_line_reading() -> None:
    expected: dict[str, float] = {}
    with open(Path(jieba.__file__).parent / "analyse" / "idf.txt", encoding="utf-8") as fh:
        for line in fh:
            word, _, value = line.strip().partition(" ")
            if value:
                expected[word] = float(value)
    table, median = keywords.idf_table()
    values = sorted(expected.values())
    assert table == expected and median == values[len(values) // 2]


def test_keywords_are_the_same_with_remembered_verdicts_or_without() -> None:
    words = tokens.cut(
        "焦作市示范区召开项目建设工作会议，示范区党工委书记王家鹏出席会议并讲话。项目建设是发展的关键。"
    )
    keywords._IDF_SEEN.clear()
    cold = keywords.top_keywords(words)
    warm = keywords.top_keywords(words)
    assert cold == warm and "示范区" in cold
    assert keywords._IDF_SEEN["示范区"] is not None and keywords._IDF_SEEN["的"] is None


def test_tags_of_lends_the_name_tag() -> None:
    words = ["王家鹏", "出席", "会议"]
    assert tokens.tags_of(words) == [tokens.tag(w) for w in words]
    assert tokens.tags_of(words, {"王家鹏"})[0] == tokens.NAME_TAG
