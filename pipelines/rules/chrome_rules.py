"""Page furniture (chrome) rules, applied to a Simplified view of each line.

Each pattern recognises a line by its form; the reason is on the line above it.
"""

from __future__ import annotations

import re

# Characters that only decorate or separate page furniture.
DECOR = "|｜·•■□●◆▲►▶◇○★☆>»›<«‹-—_=~～/\\:：,，.。;；、 \t\u00a0\u3000"

# Only closing punctuation: the last characters of a paragraph that the column wrapped onto a line of their own.
WRAPPED_TAIL = re.compile(r"^[。，；：！？、”’）)]{1,3}$")
# Words of navigation widgets (prev/next page or article, zoom buttons, back links).
NAV_WORDS = re.compile(
    r"上一版|下一版|上一篇|下一篇|上一期|下一期|往期回顾|版面导航|版面目录|本版目录|标题导航|返回目录|返回首页|"
    r"返回顶部|返回|放大|缩小|默认|打印本页|打印|关闭窗口|关闭|字号|大\s*中\s*小|前一天|后一天|"
    r"星期[一二三四五六日天]?|周[一二三四五六日]|农历\S*|首页|尾页"
)
# A full date as printed in headers: 2019 年12月23日.
FULL_DATE = re.compile(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
# An ISO-like date in a header line: 2019-12-23 or 2019/12/23.
ISO_DATE = re.compile(r"((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})")
# Edition header: 第05版:焦作市城乡一体化示范区导刊 (also A05版, 第5版 要闻).
EDITION = re.compile(r"^\s*(?:第\s*([A-Za-z]?\d{1,3})|([A-Za-z]\d{1,3}))\s*版\s*[:：︰]?\s*(.*)$")
# Longest edition header line (name plus prev/next links).
EDITION_MAX_CHARS = 60
# Paper name before a furniture word: 焦作日报社数字报刊, 版权声明:焦作日报社版权所有.
PAPER_NAME = re.compile(
    r"(?:^|[:：\s为由|])([\u4e00-\u9fff]{2,6}?(?:日报|晚报|早报|商报|时报|导报|都市报|报))社?"
    r"(?=数字报刊|数字报|电子版|电子报|版权所有|主办|出版)"
)
# Masthead label: 数字报, 焦作日报数字报, XX日报电子版.
MASTHEAD = re.compile(r"^[\u4e00-\u9fff]{0,8}(?:数字报刊|数字报|电子报刊|电子报|电子版|数字版)$")
# Furniture that no article prints, whatever the line's length: SMS offers, copyright, ICP, share bars.
STRONG_FURNITURE = re.compile(
    r"发送短信|短信.{0,12}到\s*\d{4,}|^(?:移动|联通|电信)(?:手机)?用户\s*[:：]|不收\s*GPRS|版权声明|版权所有|"
    r"ICP\s*[备证]|公网安备|新闻信息服务许可|违法和不良信息|分享到|分享至|一键分享|免责声明|本网声明|本站声明|"
    r"Copyright|All\s+Rights\s+Reserved",
    re.IGNORECASE,
)
# Furniture words that prose may also use: only a line that is not prose is furniture.
WEAK_FURNITURE = re.compile(
    r"订阅|手机报|流量费|未经.{0,8}(?:授权|许可)|不得转载|禁止复制|禁止转载|信息网络传播视听|举报电话|举报邮箱|©|"
    r"^(?:联系|服务|热线|新闻|广告|发行|值班|读者)?(?:电话|传真|热线)\s*[:：]|^(?:地址|邮编|邮箱|E-?mail)\s*[:：]|"
    r"地址\s*[:：].{0,40}(?:邮编|电话)|扫一扫|扫码|扫描二维码|二维码$|公众号$|客户端$|官方微博|微博$|"
    r"^(?:微信|微博|抖音|快手|头条号|APP)$|在手机(?:上)?(?:打开|阅读|浏览)|手机扫描|责任编辑\s*[:：]|"
    r"^编辑\s*[:：]\s*[\u4e00-\u9fff]{2,4}$|^来源\s*[:：]|"
    r"(?:https?://|www\.|weibo\.com|t\.sina\.com|\b[a-z0-9-]+\.(?:com|cn|net|org)\b)",
    re.IGNORECASE,
)
# A line this long with a comma or full stop inside is prose, which weak furniture words do not make chrome.
PROSE_MIN_CHARS = 25
# Marks of prose (a clause or sentence boundary).
PROSE_MARK = re.compile(r"[，,。；;！？]")
# Page-jump markers: (下转第二版), (上接第一版).
JUMP = re.compile(r"^[(（]?\s*(?:上接|下转|接上|转下|转第|接第)[^)）]{0,12}版?\s*[)）]?$")
# Breadcrumbs: 当前位置: 首页 > 新闻 > 本地.
BREADCRUMB = re.compile(r"^(?:当前位置|您的位置|您现在的位置|所在位置)|(?:\S{1,8}\s*[>»›]\s*){2,}\S{1,8}$")
# Section labels of portals and editions, shown above or beside an article (not headlines).
SECTION_LABELS = frozenset(
    {
        "今日头条",
        "头条",
        "头条新闻",
        "要闻",
        "要闻速递",
        "本地新闻",
        "焦点新闻",
        "新闻中心",
        "正文",
        "图片新闻",
        "相关新闻",
        "相关阅读",
        "推荐阅读",
        "热点推荐",
        "延伸阅读",
        "新闻排行",
        "评论",
        "网友评论",
        "发表评论",
        "我要评论",
        "更多",
        "更多>>",
        "返回列表",
    }
)
# Media-suffix words: a site bar lists outlets (焦作日报 | 焦作网 | 焦作论坛 | 网上投稿).
OUTLET_SUFFIX = re.compile(r"(?:报|网|台|刊|论坛|投稿|客户端|微博|微信|视频|首页|报社)$")
# A site bar has at least this many segments.
SITE_BAR_MIN_SEGMENTS = 3
# Longest segment (characters) of a site bar; a headline phrase is longer.
SITE_BAR_MAX_SEGMENT = 8
# Lines longer than this are content, not furniture (a footer line with address runs ~70).
FURNITURE_MAX_CHARS = 90
# The page header (edition name, headline list, site bar, date) sits within this many lines of the top.
HEADER_WINDOW = 40
# Longest headline-list (table of contents) entry.
TOC_MAX_CHARS = 40
