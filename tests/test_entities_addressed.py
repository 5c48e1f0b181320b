"""People addressed by surname alone ("张先生", "老傅"): found apart from ``people``, with the
person meant when the text names exactly one with that surname."""

from __future__ import annotations

from pipelines.entities import extract_entities


def addressed(text: str, known: set[str] | None = None) -> list[tuple[str, str, str | None]]:
    result = extract_entities(text, known_names=known)
    return [(m["surname"], m["address"], m["person"]) for m in result["addressed"]]


def names(text: str) -> list[str]:
    return [p["name"] for p in extract_entities(text)["people"]]


def test_surname_and_form_of_address_is_no_person_record():
    text = "市民张先生告诉记者，小区门口的路灯已经修好了。"
    assert addressed(text) == [("张", "先生", None)]
    assert names(text) == []


def test_the_person_meant_when_the_text_names_one_with_that_surname():
    text = "退休教师韩立新今年七十岁。韩老师每天清晨都去公园打太极拳。"
    assert addressed(text) == [("韩", "老师", "韩立新")]
    # two full names share the surname: which one is meant is left open
    text = "退休教师韩立新和韩秀梅是邻居。韩老师每天清晨都去公园打太极拳。"
    assert addressed(text) == [("韩", "老师", None)]


def test_an_office_after_a_surname_and_a_surname_before_a_shared_address():
    assert addressed("会上，周县长要求各乡镇抓好秋粮收购。") == [("周", "县长", None)]
    assert addressed("王太守带领百姓修渠。") == [("王", "太守", None)]  # an office of history
    assert addressed("村里人都敬佩像彭、柯夫妇这样的致富带头人。") == [
        ("彭", "夫妇", None),
        ("柯", "夫妇", None),
    ]


def test_familiar_forms_and_unnamed_persons():
    assert addressed("乡亲们常到老傅的果园里请教剪枝的办法。") == [("傅", "老", None)]
    assert addressed("据警方通报，犯罪嫌疑人孙某已被依法刑事拘留。") == [("孙", "某", None)]
    assert addressed("一位姓戴的店主说，今年的生意比去年好。") == [("戴", "姓", None)]


def test_lookalikes_are_no_surnames():
    for text in (
        "全面建成小康社会。",
        "总书记的重要讲话鼓舞人心。",
        "各位老师好，欢迎参加培训。",
        "同学们向老师请教问题。",
        "他学习很用功，但太太对他的成绩仍不满意。",
        "这是侗族古老的节日习俗。",
        "每天锻炼一小时。",
        "孩子们挥舞着小白旗走过广场。",
    ):
        assert addressed(text) == [], text


def test_a_full_name_before_an_address_is_a_person_not_a_surname():
    text = "由钱慕韩先生发起的读书会已办了十年。"
    assert names(text) == ["钱慕韩"]
    assert addressed(text) == []


def test_a_surname_that_ends_a_longer_name_is_no_address():
    assert addressed("日本学者山田一成先生说，这里的石刻令人惊叹。") == []
    assert addressed("已是花甲之年的小戈麦尔斯基重出江湖。") == []


def test_a_surname_before_an_office_of_the_party_or_an_institution_is_addressed():
    for text, surname, address in (
        ("认真贯彻江总书记的重要讲话。", "江", "总书记"),
        ("张馆长介绍了展品。", "张", "馆长"),
        ("刘董事长表示满意。", "刘", "董事长"),
    ):
        assert [(a["surname"], a["address"]) for a in extract_entities(text)["addressed"]] == [
            (surname, address)
        ]
    assert extract_entities("他随记者一同前往。")["addressed"] == []


def test_a_surname_before_xing_and_before_offices_of_state():
    assert addressed("２２岁的李姓女子说，她很害怕。") == [("李", "姓", None)]
    assert addressed("老百姓都说好。") == []  # 百姓 is a word
    assert addressed("就像李委员说的，等了很久。") == [("李", "委员", None)]
