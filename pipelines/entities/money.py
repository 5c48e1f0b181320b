"""Money amounts: "130.23亿元", "8000万美元", "三千万元", "1.2万亿元", "5亿至10亿元".

A range gives both ends as two amounts; each carries the whole range as ``text`` and
``bound`` = "low" / "high" (a single amount has no ``bound``). "20多万元", "2亿余元" and
"十几万元" give the floor they state (200000, 200000000, 100000) with ``approximate`` set. ``context`` is the thing the
amount quantifies ("总投资", "完成投资", "奖励资金") when the clause names it right before.
"""

from __future__ import annotations

import re
import unicodedata

from . import lexicon
from .numerals import ARABIC, CN_NUMBER_CHARS, parse_number, to_int_if_whole

# Currency words, longest first; the code they map to. A bare 元 is the yuan.
CURRENCIES: tuple[tuple[str, str], ...] = (
    ("美元", "USD"),
    ("美金", "USD"),
    ("欧元", "EUR"),
    ("日元", "JPY"),
    ("英镑", "GBP"),
    ("港元", "HKD"),
    ("港币", "HKD"),
    ("澳元", "AUD"),
    ("韩元", "KRW"),
    ("卢布", "RUB"),
    ("新台币", "TWD"),
    ("人民币", "CNY"),
    ("元", "CNY"),
    ("块钱", "CNY"),
    ("块", "CNY"),
)

_NUM = rf"(?:{ARABIC}|[{CN_NUMBER_CHARS}]+)"
# "More than" after a number or its magnitude: "20多万元", "2亿余元", "十几万元" state a floor.
APPROX_CHARS = "多余几"
_APPROX = f"[{APPROX_CHARS}]"
# A number with its magnitude: 130.23亿 / 三千万 / 3千万 / 1.2万亿 / 3亿5000万 / 20多万 / 2亿余
_QUANTITY = rf"{_NUM}{_APPROX}?(?:[十百千]?(?:万亿|亿|万))?{_APPROX}?(?:{_NUM}万)?"
_CURRENCY = "|".join(re.escape(word) for word, _ in CURRENCIES)
# 元 that starts another word is no currency ("元素", "元旦", "元宵", "元月").
_NOT_CURRENCY_TAIL = r"(?![素旦宵月年帅首件器老])"
RANGE_JOINERS = r"(?:至|到|~|～|-|－|—|–)"

# Every amount starts with a digit, a Chinese numeral or a currency prefix: a look-ahead on that
# lets the engine skip the other positions at once.
_AMOUNT_START = rf"(?=[\d{CN_NUMBER_CHARS}人美])"
AMOUNT = re.compile(
    rf"{_AMOUNT_START}(?P<prefix>人民币|美元)?(?:(?P<low>{_QUANTITY})(?P<low_cur>{_CURRENCY})?{_NOT_CURRENCY_TAIL}{RANGE_JOINERS})?"
    rf"(?P<high>{_QUANTITY})(?P<cur>{_CURRENCY}){_NOT_CURRENCY_TAIL}"
)

# What an amount quantifies, as printed before it (longest matches first).
CONTEXT_NOUNS = tuple(
    sorted(
        lexicon.words(
            "总投资 计划总投资 完成投资 累计完成投资 计划投资 年度计划投资 投资 固定资产投资 总产值 产值 增加值 "
            "工业增加值 收入 税收收入 财政收入 预算收入 公共财政预算收入 一般公共预算收入 营业收入 主营业务收入 "
            "销售额 销售收入 营业额 成交额 交易额 利润 利税 净利润 资金 奖励资金 补助资金 扶持资金 专项资金 "
            "信贷资金 贷款 融资 授信 补贴 补助 奖金 奖励 罚款 捐款 拨款 债券 专项债 预算 投入 总投入 费用 成本 "
            "造价 总造价 价格 价值 市值 估值 总额 余额 存款 资产 总资产 注册资本 外资 到位资金 合同额 签约额 "
            "订单 工资 收益 消费 产出 税收 地区生产总值 生产总值 GDP 营收 金额 标的 分红 善款 慰问金 救助金 "
            "补偿款 赔偿金 赔偿 租金 基金 规模 票房 利息 保费 薪酬 奖补资金 资本金"
        ),
        key=len,
        reverse=True,
    )
)

# Verbs and fillers between the noun and the amount ("总投资达", "完成投资约", "贷款共计").
FILLERS = re.compile(
    r"(?:可达|将达|有望达到|有望|预计|预期|可实现|达到|达|约为|约|为|是|共计|合计|累计|总计|共|近|超过|超|逾|突破|高达|仅|不低于|不少于|不小于|不超过|"
    r"以上|完成|实现|获得|争取|新增|增加|减少|下降|增长|提高|达成|计|有|的|额)$"
)
CLAUSE_BOUNDARY = re.compile(r"[,，。;；:：!！?？、()（）“”\s]")
MAX_CONTEXT_REACH = 16


def _currency_code(word: str | None, prefix: str | None) -> str:
    if prefix == "美元":
        return "USD"
    for cur, code in CURRENCIES:
        if word == cur:
            return code
    return "CNY"


def _context(text: str, start: int) -> str | None:
    """The noun right before ``text[start]`` that the amount quantifies."""
    left = max(0, start - MAX_CONTEXT_REACH)
    clause = text[left:start]
    cut = [m.end() for m in CLAUSE_BOUNDARY.finditer(clause)]
    clause = clause[cut[-1] :] if cut else clause
    for _ in range(3):  # peel up to three fillers: "累计完成投资达" keeps "累计完成投资"
        for noun in CONTEXT_NOUNS:
            if clause.endswith(noun):
                return noun
        peeled = FILLERS.sub("", clause)
        if peeled == clause:
            break
        clause = peeled
    return None


def _magnitude(quantity: str) -> str:
    """The 万/亿 tail of a quantity, for a range whose low end omits it ("1至5亿元")."""
    m = re.search(r"(?:万亿|亿|万)$", quantity)
    return m.group(0) if m else ""


def _is_plain_chinese_small(quantity: str) -> bool:
    """A bare Chinese numeral without any unit ("一", "三五"): too ambiguous to be money."""
    return all(ch in CN_NUMBER_CHARS for ch in quantity) and not re.search("[十百千拾佰仟万亿]", quantity)


def find_amounts(text: str) -> list[dict]:
    """Money amounts in ``text`` in order, each value once per currency and context."""
    folded = unicodedata.normalize("NFKC", text)
    out: list[dict] = []
    seen: set[tuple] = set()
    for m in AMOUNT.finditer(folded):
        high_q, low_q = m.group("high"), m.group("low")
        if _is_plain_chinese_small(high_q):
            continue
        currency = _currency_code(m.group("cur"), m.group("prefix"))
        context = _context(folded, m.start())
        ends: list[tuple[str, str | None]] = [(high_q, None)]
        if low_q:
            if not _magnitude(low_q):
                low_q += _magnitude(high_q)
            ends = [(low_q, "low"), (high_q, "high")]
        for quantity, bound in ends:
            floor = any(ch in quantity for ch in APPROX_CHARS)
            value = parse_number(re.sub(_APPROX, "", quantity))
            if value is None or value <= 0:
                continue
            key = (value, currency, context, bound)
            if key in seen:
                continue
            seen.add(key)
            record: dict = {
                "text": m.group(0),
                "value": to_int_if_whole(value),
                "currency": currency,
                "context": context,
            }
            if bound:
                record["bound"] = bound
            if floor:  # "20多万元": the value is the floor the paper states
                record["approximate"] = True
            out.append(record)
    return out
