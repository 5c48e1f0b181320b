"""crawler/tokens.py: the fast segmentation gives jieba's own tokens, on any text and with lent names."""

from __future__ import annotations

import jieba
import pytest

from crawler import tokens
from pipelines.entities import tokens as entity_tokens
from tests.conftest import SEEDS

# Texts that reach every branch: runs of Chinese with letters and digits, marks, whitespace of every
# kind (CRLF, tabs, U+3000), decimals and percentages, unknown names (the HMM), Traditional script.
SAMPLES = [
    "",
    "。",
    "焦",
    " ",
    "\r\n",
    "市委书记王小平出席会议。项目总投资130.23亿元，同比增长12.5%。",
    "示范区(高新区)党工委书记王家鹏强调：\r\n\u3000\u3000要切实转变工作作风，持续强化要素保障。\t完成投资59.7亿元",
    "欧凯龙国际家居港、明仁产业集群和卓立膜材料等项目签约；GDP同比增长6.5%，CPI上涨2.1%",
    "蒙牛乳业焦作有限公司年产值达10亿元，吴天明、牛炎平等参加。",
    "約翰·史密斯說，這是一個非常重要的會議。焦作市委書記王小平表示歡迎。",
    "Scrapy 2.19 + SQLAlchemy 2.1: a-b_c#d&e.f%g  x--y",
    "昨天上午，马范桥村村民韩二虎、李静和赵刚在金沙社区文昌街道参加了活动。",
    "ＡＢＣ１２３全角字符与半角abc123混排，２０２０年１２月２１日。",
    "哈哈哈哈哈哈哈哈哈哈哈哈嘻嘻嘻嘻嘻嘻嘻嘻嘻嘻咕咕咕咕咕咕咕咕",
]


def _seed_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]


@pytest.mark.parametrize("text", SAMPLES)
def test_segment_gives_jiebas_tokens(text: str) -> None:
    assert tokens.segment(text) == jieba.lcut(text)


def test_segment_gives_jiebas_tokens_on_whole_seed_pages() -> None:
    for text in _seed_texts():
        assert tokens.segment(text) == jieba.lcut(text)


def test_hmm_reader_matches_jiebas_on_unknown_runs() -> None:
    runs = ["韩二虎", "吴天明说", "欧凯龙国际家居港", "abc123.5%王某某xyz", "崔永明王小红夫妇", "字", "x"]
    runs += [text.replace("，", "") for text in _seed_texts()[:2]]
    for run in runs:
        assert tokens._hmm_cut(run) == list(jieba.finalseg.cut(run))


def test_lent_names_cut_as_jieba_cuts_them(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "吕沛一行来到王家鹏的办公室，吕沛说，常鸿和郑秋红也在。"
    names = {"吕沛", "王家鹏", "常鸿", "郑秋红"}
    fast = entity_tokens.cut(text, names)
    monkeypatch.setattr(entity_tokens, "segment", jieba.lcut)  # the same lending, jieba's own cut
    assert fast == entity_tokens.cut(text, names)
    assert "王家鹏" in fast and "郑秋红" in fast


def test_dictionary_is_unchanged_after_a_cut_with_lent_names() -> None:
    before = (jieba.dt.total, jieba.dt.FREQ.get("吕沛"), jieba.dt.FREQ.get("吕"))
    entity_tokens.cut("吕沛一行来到这里。", {"吕沛"})
    assert (jieba.dt.total, jieba.dt.FREQ.get("吕沛"), jieba.dt.FREQ.get("吕")) == before


def test_tokenize_drops_whitespace_and_marks_only() -> None:
    assert tokens.tokenize("王小平 出席，会议。\n2024年") == [
        t for t in jieba.lcut("王小平 出席，会议。\n2024年") if t.strip() and any(c.isalnum() for c in t)
    ]
    assert tokens.tokenize("，。 \n") == []
