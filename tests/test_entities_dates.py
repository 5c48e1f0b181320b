"""Event dates: the year comes from the issue or the same sentence, never from a guess."""

from __future__ import annotations

from pipelines.entities.dates import find_event_dates


def test_month_day_takes_the_issue_year():
    assert find_event_dates("12月21日,会议召开。", "2019-12-23") == ["2019-12-21"]


def test_december_in_a_january_issue_is_the_year_before():
    assert find_event_dates("12月30日举行。", "2020-01-03") == ["2019-12-30"]


def test_year_written_in_the_same_sentence_without_issue_date():
    assert find_event_dates("7月21日,我市举行2020年第二季度观摩活动。") == ["2020-07-21"]


def test_no_year_known_no_date():
    assert find_event_dates("1月3日,活动举行。") == []
    # a fiscal year is not the year of the event; a year in another sentence does not count
    assert find_event_dates("1月3日,2021年度总结会举行。") == []
    assert find_event_dates("2月26日,工人忙碌。今年订单是2020年的6倍。") == []


def test_relative_days_need_the_issue_date():
    assert find_event_dates("昨日上午,大会召开。") == []
    assert find_event_dates("昨日上午,大会召开。今日头条", "2014-05-24") == ["2014-05-23"]
    assert find_event_dates("今天上午开幕,前天完成布展。", "2024-03-10") == ["2024-03-10", "2024-03-08"]


def test_full_dates_ranges_and_chinese_numerals():
    assert find_event_dates("2021年5月10日至12日举行。") == ["2021-05-10", "2021-05-12"]
    assert find_event_dates("二〇二〇年七月二十一日开幕") == ["2020-07-21"]
    assert find_event_dates("十二月二十一日闭幕", "2019-12-23") == ["2019-12-21"]
    assert find_event_dates("2月30日", "2021-03-01") == []


def test_days_given_without_their_month_are_read_against_the_issue():
    issue = "2025-11-21"
    assert find_event_dates("本月18日,市委召开会议。", issue) == ["2025-11-18"]
    assert find_event_dates("上月3日,项目开工。", issue) == ["2025-10-03"]
    assert find_event_dates("本报讯 12日上午,市长到企业调研。", issue) == ["2025-11-12"]
    # a later day could be this month's or last month's: not said; nor without an issue date
    assert find_event_dates("25日,会议召开。", issue) == []
    assert find_event_dates("12日上午,市长到企业调研。") == []
    # days that are no dates of an event
    assert find_event_dates("每月12日,集中办理。3日游很受欢迎,10日内办结。", issue) == []
