"""Articles of the local copy: text taken from the project's seeds, plus a few made up.

Test data, not extraction code: which seed lines make which article is written down here by hand.
Each :class:`Story` is what the page shows (paragraphs in print order, the dateline left in the first
paragraph) and what a careful reader expects from it (reporters, photographers).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
# A paragraph cut by the layout's columns ends without one of these.
SENTENCE_END = ("。", "!", "?", "!", "?", "”", "」", ")", ")", "…")


@dataclass
class Story:
    """One article (or captioned photo) as printed."""

    key: str
    title: str | None
    paragraphs: list[str]
    reporters: list[str]
    lead_title: str | None = None
    subtitle: str | None = None
    photographers: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    kind: str = "article"
    author_line: str | None = None  # 作者:… printed above the body (Founder, some years)

    def snippets(self) -> list[str]:
        """Sentences the stored body must contain, as a careful reader's list would: the opening and the
        closing sentence of every paragraph, the opening one without its dateline (of a photo: the first
        sentence of each caption, which the record keeps without its 摄 credit). Lead and closing
        sentences are what general extractors tend to lose."""
        out: list[str] = []
        if self.kind == "photo":
            return [c.split("。")[0] + "。" for c in self.captions if "。" in c]
        for para in self.paragraphs:
            if BYLINE_ONLY.match(para):  # a byline line is not body text
                continue
            sentences = [p.strip() for p in para.replace("。", "。\n").split("\n") if p.strip()]
            if not sentences:
                continue
            first = DATELINE.sub("", sentences[0])
            for sentence in (first, sentences[-1]) if len(sentences) > 1 else (first,):
                clauses = re.split(r"[,，;；]", sentence)
                if len(set(clauses)) < len(clauses):  # a clause printed twice: the record keeps it once
                    continue
                if len(sentence) >= 12 and sentence not in out:
                    out.append(sentence)
        return out


# The dateline that opens a lead paragraph: "本报讯(记者李志强)", "本报洛阳3月2日电".
DATELINE = re.compile(r"^[^，,。]{0,16}?(?:本报讯|电)\s*(?:[(（][^)）]{0,30}[)）])?")


# A paragraph that is only a byline: "本报记者 郭树勋 付凯明", "记者 王丽 通讯员 陈刚".
BYLINE_ONLY = re.compile(r"^\s*(?:本报)?(?:特派)?(?:记者|通讯员|作者)[\s\u3000:]*[\u4e00-\u9fff\s、]{2,20}$")


@cache
def seed_lines(name: str) -> tuple[str, ...]:
    path = next(SEEDS.glob(f"{name}_*.txt"))
    return tuple(path.read_text(encoding="utf-8").splitlines())


def seed_paragraphs(name: str, first: int, last: int) -> list[str]:
    """Seed lines ``first..last`` (1-based, inclusive) as paragraphs, column cuts joined again."""
    paras: list[str] = []
    for raw in seed_lines(name)[first - 1:last]:
        line = raw.strip(" \u3000\u00a0\t")
        if not line:
            continue
        if paras and not paras[-1].endswith(SENTENCE_END):
            paras[-1] += line
        else:
            paras.append(line)
    return paras


def epaper_stories() -> dict[str, Story]:
    """Stories of the e-paper, by key."""
    s = [
        Story("guanmo", "示范区举行重点项目集中观摩 暨全区项目建设工作会议", seed_paragraphs("000", 31, 41),
              ["郭树勋"], lead_title="认真贯彻落实市委十一届十一次全体(扩大)会议精神"),
        Story("kaigong", "示范区2021年第一批重点项目集中开工", seed_paragraphs("001", 7, 13), ["郭树勋"],
              subtitle="开工项目27个,总投资130.23亿元"),
        Story("xinfang", "吕沛到区信访接待中心现场调研并接待群众来访", seed_paragraphs("001", 17, 23),
              ["付凯明"]),
        Story("photo1", None, [], [], kind="photo", photographers=["赵耀东"],
              captions=["12月20日,示范区一家企业的生产车间里,工人在调试新设备。 本报记者 赵耀东 摄"]),
        Story("tewu", "黄河岸边的守堤人", [
            "清晨六点,河堤上已经有了巡查的身影。老周沿着堤顶一路走,一路看。",
            "这段堤防他已经守了二十年。每逢汛期,他和同伴们吃住在堤上,确保堤防安全。",
            "谈起未来,老周说:“只要还走得动,就会一直守下去。”",
        ], ["董柏生"], author_line="作者:本报特派记者 董柏生"),
        Story("zhaoshang521", "示范区实施招商引资“521”工程", seed_paragraphs("003", 28, 34),
              ["郭树勋", "付凯明"]),
        Story("gongjian", "奋力攻坚正当时", ["本报记者 郭树勋 付凯明", *seed_paragraphs("003", 47, 57)], ["郭树勋", "付凯明"],
              subtitle="示范区22个重点项目陆续开工纪实"),
        Story("banzi", "高新区召开领导班子会议", seed_paragraphs("004", 17, 23), ["付凯明"],
              subtitle="奋战二季度 确保“双过半”"),
        Story("sanshi", "高新区召开二季度重点工作暨“三十工程”推进会", seed_paragraphs("004", 5, 11),
              ["付凯明"]),
        Story("kaiju", "高新区聚焦重点稳健开局促发展", seed_paragraphs("004", 41, 57), ["付凯明"],
              lead_title="改革赋能 创新引领 产业支撑"),
        Story("dahui", "站位全局 突出重点 把握关键", seed_paragraphs("003", 12, 24), ["郭树勋", "付凯明"],
              lead_title="示范区招商引资和项目建设大会强调", subtitle="奋力实现经济社会发展新突破",
              photographers=["刘昆"], captions=[seed_paragraphs("003", 10, 10)[0]]),
        Story("xuanjiang", "示范区举行学习贯彻党的十九届四中全会精神宣讲会", [
            "本报讯(记者郭树勋)12月20日,示范区举行学习贯彻党的十九届四中全会精神宣讲会。",
            "宣讲会上,宣讲团成员从六个方面进行了深入浅出的解读,内容丰富,重点突出。",
        ], ["郭树勋"]),
        Story("fault_ok", "示范区开展冬季安全生产大检查", [
            "本报讯(记者付凯明)12月26日,示范区组织开展冬季安全生产大检查。",
            "检查组深入企业车间、施工现场,逐项查看安全措施落实情况。",
        ], ["付凯明"]),
    ]
    return {story.key: story for story in s}


def archive_stories() -> dict[str, Story]:
    """Made-up stories of two older issues (other years' templates and furniture wording)."""
    s = [
        Story("xiashou", "我市夏粮收购工作全面展开", [
            "本报讯(记者李志强)6月14日,记者从市粮食局获悉,我市夏粮收购工作已全面展开,各收购点秩序井然。",
            "今年全市共设立收购网点86个,收购价格严格执行国家最低收购价政策,不压级压价,不打白条。",
            "为方便农民售粮,各收购点延长了营业时间,并安排专人为售粮群众提供开水和遮阳棚。",
        ], ["李志强"], lead_title="确保农民售粮方便 确保收购资金到位"),
        Story("photo2", None, [], [], kind="photo", photographers=["王璐"],
              captions=["6月13日,修武县农民在麦田里驾驶收割机抢收小麦。 本报记者 王璐 摄"]),
        Story("bianmin", "解放区打造十分钟便民生活圈", [
            "本报讯(记者王璐)连日来,解放区在各社区新建便民服务点,让居民出门十分钟就能办成事、买到菜。",
            "每个服务点都配备了代缴水电费、快递收发、家电维修等服务项目,受到居民普遍欢迎。",
            "下一步,该区将继续完善服务网络,力争年底前实现社区便民服务点全覆盖。",
        ], ["王璐"], photographers=["王璐"],
            captions=["居民在新建成的社区便民服务点办理业务。 本报记者 王璐 摄"]),
        Story("daqi", "我市启动冬季大气污染防治攻坚行动", [
            "为改善冬季空气质量,我市日前启动为期三个月的大气污染防治攻坚行动,重点治理扬尘和散煤污染。",
            "行动期间,各县(市)区将对建筑工地实行全天候监管,对渣土运输车辆实行密闭运输。",
            "市环保部门表示,将加大执法检查力度,对违法排污行为发现一起、查处一起。",
        ], ["李志强"], author_line="作者:本报特派记者 李志强"),
        Story("taiji", "太极拳国际交流活动在温县举行", [
            "本报讯(记者赵耀东)1月26日,来自12个国家和地区的200余名太极拳爱好者齐聚温县陈家沟,切磋交流拳艺。",
            "活动期间,与会者观摩了传统套路展演,并参加了太极拳理论研讨会。",
        ], ["赵耀东"], subtitle="12个国家和地区的爱好者切磋拳艺"),
        Story("jianxun", "市图书馆延长春节开放时间", [
            "本报讯 春节期间,市图书馆每天开放至晚上八点,读者可凭身份证免费借阅。",
        ], []),
        Story("photo3", None, [], [], kind="photo", photographers=["赵耀东"],
              captions=["春节前夕,市区街头挂起了大红灯笼。 本报记者 赵耀东 摄"]),
    ]
    return {story.key: story for story in s}


def portal_stories() -> dict[str, Story]:
    """Stories of the portal, by key (the reporters' line is the last paragraph on the page)."""
    guanmo = seed_paragraphs("002", 3, 7)
    tuopin = seed_paragraphs("001", 43, 49)
    tuopin[0] = tuopin[0].removeprefix("本报讯(记者付凯明)")
    gongye = seed_paragraphs("001", 55, 61)
    gongye[0] = gongye[0].removeprefix("本报讯(记者郭树勋)")
    daode = seed_paragraphs("001", 97, 101)
    daode[0] = daode[0].removeprefix("本报讯(记者付凯明)")
    s = [
        Story("p_guanmo", "王小平徐衣顯帶隊 劉濤王建修楊婭輝參加觀摩", guanmo, ["郭嘉莉", "杨丽娜"]),
        Story("p_tuopin", "示范区组织收听收看全国脱贫攻坚总结表彰大会", tuopin, ["付凯明"]),
        Story("p_gongye", "示范区工业经济实现首月开门红", gongye, ["郭树勋"]),
        Story("p_daode", "示范区2021年度道德模范评选开始", daode, ["付凯明"]),
        Story("p_jiaotong", "我市新开通三条城乡公交线路", [
            "为方便群众出行,我市近日新开通三条城乡公交线路,覆盖沿线12个村庄。",
            "新线路实行统一票价,首末班时间根据群众需求确定,市民可通过手机查询实时到站信息。",
        ], ["王璐"]),
    ]
    return {story.key: story for story in s}
