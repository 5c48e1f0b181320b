"""Read numbers written in Arabic digits, Chinese numerals, or a mix ("1.2万亿", "三千万", "五十")."""

from __future__ import annotations

import re
from decimal import Decimal

# Each numeral with its value; a string's position in a group is the digit it stands for.
_DIGIT_GROUPS = ("零〇○", "一壹", "二贰两", "三叁", "四肆", "五伍", "六陆", "七柒", "八捌", "九玖")
DIGITS = {ch: value for value, group in enumerate(_DIGIT_GROUPS) for ch in group}
SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS = {"万": 10_000, "亿": 100_000_000, "万亿": 1_000_000_000_000}

CN_DIGIT_CHARS = "".join(DIGITS)
CN_NUMBER_CHARS = CN_DIGIT_CHARS + "".join(SMALL_UNITS)
# An Arabic number: 1,234.5 / 1234 / 0.45 (full-width digits are NFKC-folded before use).
ARABIC = r"\d+(?:[,，]\d{3})*(?:\.\d+)?"


def _small_chinese(text: str) -> Decimal | None:
    """A Chinese number below 10,000: "三千五百", "十二", "二十", "三五" (digit by digit)."""
    if not text:
        return None
    if all(ch in DIGITS for ch in text):
        return Decimal("".join(str(DIGITS[ch]) for ch in text))
    total, digit = 0, None
    for ch in text:
        if ch in DIGITS:
            digit = DIGITS[ch]
        elif ch in SMALL_UNITS:
            total += (1 if digit is None else digit) * SMALL_UNITS[ch]
            digit = None
        else:
            return None
    return Decimal(total + (digit or 0))


def _leading(text: str) -> Decimal | None:
    """A number made of Arabic digits or Chinese numerals, before any 万/亿."""
    plain = text.replace(",", "").replace("，", "")
    if re.fullmatch(r"\d+(?:\.\d+)?", plain):
        return Decimal(plain)
    m = re.fullmatch(r"(\d+(?:\.\d+)?)([十百千拾佰仟])", plain)  # "3千", "5百"
    if m:
        return Decimal(m.group(1)) * SMALL_UNITS[m.group(2)]
    return _small_chinese(plain)


def parse_number(text: str) -> Decimal | None:
    """Value of ``text`` ("1.2万亿" -> 1.2e12, "三千万" -> 3e7, "130.23亿" -> 1.3023e10)."""
    text = text.strip()
    if not text:
        return None
    # split on the largest unit first: "3亿5000万" = 3亿 + 5000万
    for unit in ("亿", "万"):
        if unit in text:
            head, _, tail = text.partition(unit)
            scale = BIG_UNITS[unit]
            if not head:
                return None
            high = parse_number(head)
            if high is None:
                return None
            low = parse_number(tail) if tail else Decimal(0)
            if low is None:
                return None
            return high * scale + low
    return _leading(text)


def to_int_if_whole(value: Decimal) -> int | float:
    """Decimal("13023000000.00") -> 13023000000; fractions stay as a float."""
    return int(value) if value == value.to_integral_value() else float(value)
