"""Dates the text reports events on, as ``YYYY-MM-DD``.

- ``2020年7月21日`` is read as written.
- ``12月21日`` takes the year of the publication date (the year before when the month lies more
  than half a year after the issue's month: a January paper's "12月30日"), or, with no
  publication date, a year written in the same sentence.
- ``今天``/``昨天``/``前天``/``去年X月X日``/``今年X月X日`` only count when the publication date is known;
  so do ``本月18日``, ``上月3日`` and a bare ``12日`` opening a report ("12日上午，…"), the last only
  when it is not after the issue's day.
- Without a known year nothing is returned: a date is never guessed.
"""

from __future__ import annotations

import datetime as dt
import re

from .numerals import DIGITS, parse_number

_CN = "〇零一二两三四五六七八九十"
_DAY = rf"(?:\d{{1,2}}|[{_CN}]{{1,3}})"
# "7月21日", "十二月二十一日", "2020年7月21日", "7月21日至23日"
# Every date starts with a digit, a Chinese numeral or 今/去/明: the look-ahead skips other positions.
DATE = re.compile(
    rf"(?=[\d{_CN}今去明])(?:(?P<year>\d{{4}}|[{_CN}]{{4}})年|(?P<rel_year>今年|去年|明年))?"
    rf"(?P<month>{_DAY})月(?P<day>{_DAY})[日号]"
    rf"(?:(?:至|到|-|~|—)(?:(?P<month2>{_DAY})月)?(?P<day2>{_DAY})[日号])?"
)
# Days named relative to the date, with their offset.
RELATIVE_DAYS = {"前天": -2, "昨天": -1, "昨日": -1, "今天": 0, "今日": 0, "明天": 1, "明日": 1}
# "昨天" and "前天" always point at a day; "今日"/"明天" only before a time of day or a comma
# ("今日头条" is a section name, "今天的生活" is no event).
RELATIVE = re.compile(r"前天|昨天|昨日|(?:今天|今日|明天|明日)(?=[上中下]午|凌晨|晚上|早上|傍晚|[,，])")
# A day of the month: "本月18日", or a bare "12日" opening what happened ("12日上午，…"),
# taken only when it is not after the day; "上月18日" is the month before.
MONTH_DAY = re.compile(
    rf"(?P<which>本月|上月)(?P<day>{_DAY})[日号]|"
    r"(?<![\d月年〇零一二两三四五六七八九十])(?P<bare>\d{1,2})日(?=[上中下]午|晚|凌晨|早上|[,，])"
)
# A written year; "2020年度" (a fiscal or award year) says nothing about when an event happened.
YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})年(?!度)")
SENTENCE_END = re.compile(r"[。!！?？;；\n]")
# A month this much later than the month belongs to the year before.
MONTHS_AHEAD_LIMIT = 6
YEAR_RANGE = (1900, 2100)


def _number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    if all(ch in _CN for ch in text) and len(text) == 4:  # "二〇二〇"
        return int("".join(str(DIGITS.get(ch, 0)) for ch in text))
    value = parse_number(text)
    return int(value) if value is not None else None


def _make(year: int, month: int, day: int) -> dt.date | None:
    if not YEAR_RANGE[0] <= year <= YEAR_RANGE[1]:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _span(text: str, pos: int, pattern: re.Pattern[str]) -> tuple[int, int]:
    """Start and end of the sentence (or paragraph) around ``pos``."""
    starts = [m.end() for m in pattern.finditer(text, 0, pos)]
    end = pattern.search(text, pos)
    return (starts[-1] if starts else 0), (end.start() if end else len(text))


def _nearest_year(text: str, pos: int) -> int | None:
    """A year written in the same sentence as ``pos`` (the nearest one), else None."""
    lo, hi = _span(text, pos, SENTENCE_END)
    years = [(abs(m.start() - pos), int(m.group(1))) for m in YEAR.finditer(text, lo, hi)]
    return min(years)[1] if years else None


def _resolve_year(m: re.Match[str], text: str, pub: dt.date | None) -> int | None:
    if m.group("year"):
        return _number(m.group("year"))
    if m.group("rel_year"):
        if not pub:
            return None
        return pub.year + {"今年": 0, "去年": -1, "明年": 1}[m.group("rel_year")]
    if pub:
        month = _number(m.group("month")) or 0
        return pub.year - 1 if month - pub.month > MONTHS_AHEAD_LIMIT else pub.year
    return _nearest_year(text, m.start())


def parse_pub_date(pub_date: str | None) -> dt.date | None:
    if not pub_date:
        return None
    try:
        return dt.date.fromisoformat(pub_date[:10])
    except ValueError:
        return None


def _days_of_month(text: str, pub: dt.date) -> list[dt.date]:
    """Days given without their month ("本月18日", "上月3日", "12日上午"), read against the issue."""
    out: list[dt.date] = []
    for m in MONTH_DAY.finditer(text):
        day = _number(m.group("day") or m.group("bare"))
        if not day:
            continue
        if m.group("which") == "上月":
            last_month = pub.replace(day=1) - dt.timedelta(days=1)
            date = _make(last_month.year, last_month.month, day)
        elif m.group("bare") and day > pub.day:
            continue  # a later day of the month or one of the month before: not said
        else:
            date = _make(pub.year, pub.month, day)
        if date:
            out.append(date)
    return out


def find_event_dates(text: str, pub_date: str | None = None) -> list[str]:
    """Event dates of ``text`` in order of mention, each once."""
    pub = parse_pub_date(pub_date)
    found: list[dt.date] = []
    for m in DATE.finditer(text):
        year = _resolve_year(m, text, pub)
        month, day = _number(m.group("month")), _number(m.group("day"))
        if year is None or month is None or day is None:
            continue
        first = _make(year, month, day)
        if first:
            found.append(first)
        if m.group("day2") and first:
            month2 = _number(m.group("month2")) if m.group("month2") else month
            day2 = _number(m.group("day2"))
            second = _make(year, month2 or month, day2) if day2 else None
            if second and second >= first:
                found.append(second)
    if pub:
        found += _days_of_month(text, pub)
        for m in RELATIVE.finditer(text):
            found.append(pub + dt.timedelta(days=RELATIVE_DAYS[m.group(0)]))
    out: list[str] = []
    for d in found:
        iso = d.isoformat()
        if iso not in out:
            out.append(iso)
    return out
