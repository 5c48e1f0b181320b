"""Page furniture of the local copy, worded as the real sites word it in each period.

Test data, not extraction code. The e-paper's furniture changed over the years (the site bar, the SMS
offer, the weibo line, the footer's QR captions); :data:`ERAS` holds one wording per period and the
builder picks one per issue day. ``markers`` are the short pieces a clean extraction must leave out.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Era:
    """The furniture wording of one period of the e-paper."""

    site_bar: str
    sms: tuple[str, ...]  # subscription offers printed above the body
    weibo: str
    copyright: str
    phone: str
    footer: tuple[str, ...]  # address, ICP number, rights line
    qr_captions: tuple[str, ...]  # captions under the footer's QR pictures (none before the apps)
    markers: tuple[str, ...]  # distinctive pieces of the furniture above


ERAS: dict[str, Era] = {
    # Early pages: the group's forum in the site bar, "移动手机用户", weibo on t.sina.com.cn, no apps yet.
    "2011": Era(
        site_bar="焦作日报 | 焦作晚报 | 焦作网 | 焦作论坛 | 网上投稿",
        sms=("移动手机用户:发送短信 jzsjb 到 10658300 即可订阅《河南手机报焦作版》,每月3元。",),
        weibo="焦作日报新浪微博 t.sina.com.cn/jzrb 欢迎关注",
        copyright="版权声明:焦作日报社版权所有,未经书面授权,禁止复制、转载或建立镜像等。",
        phone="联系电话:0391-3932516",
        footer=("焦作日报社数字报刊 地址:焦作市人民路890号 邮编:454002", "豫ICP备05008362号",
                "所有内容为焦作日报社版权所有,未经许可,不得转载或镜像。"),
        qr_captions=(),
        markers=("焦作论坛", "移动手机用户", "t.sina.com.cn", "版权声明", "联系电话", "豫ICP备"),
    ),
    # Mid-2010s: three carriers' SMS offers, weibo.com accounts, the 太极拳网 in the site bar.
    "2016": Era(
        site_bar="焦作日报 | 焦作晚报 | 焦作网 | 网上投稿 | 太极拳网",
        sms=(
            "移动用户:发送短信 jzsjb 到 10658300 即可订阅《河南手机报焦作版》,3元/月。不收GPRS流量费。",
            "联通用户:发送短信 3jz 到 10655885 即可订阅《河南手机报焦作版》,3元/月。不收GPRS流量费。",
            "电信用户:发送短信 42 到 106592066 即可订阅《河南手机报焦作版》,3元/月。不收GPRS流量费。",
        ),
        weibo="登录 焦作网weibo.com/jzwww焦作手机报weibo.com/jzsjb) 官方微博参与互动",
        copyright="版权声明:焦作日报社版权所有,未经书面授权,禁止复制、转载或建立镜像等。",
        phone="联系电话:0391-8797395",
        footer=("焦作日报社数字报刊 地址:焦作市人民路890号 报业·国贸大厦 焦作日报社主办 邮编:454002",
                "豫ICP备14012713号", "所有内容为焦作日报社版权所有,未经许可,不得转载或镜像。"),
        qr_captions=(),
        markers=("发送短信", "weibo.com", "版权声明", "联系电话", "豫ICP备"),
    ),
    # Late 2010s on: the same offers, plus the app and WeChat QR captions in the footer.
    "2019": Era(
        site_bar="焦作日报 | 焦作晚报 | 焦作网 | 网上投稿 | 太极拳网",
        sms=(
            "移动用户:发送短信 jzsjb 到 10658300 即可订阅《河南手机报焦作版》,3元/月。不收GPRS流量费。",
            "联通用户:发送短信 3jz 到 10655885 即可订阅《河南手机报焦作版》,3元/月。不收GPRS流量费。",
        ),
        weibo="登录 焦作网weibo.com/jzwww焦作手机报weibo.com/jzsjb) 官方微博参与互动",
        copyright="版权声明:焦作日报社版权所有,未经书面授权,禁止复制、转载或建立镜像等。",
        phone="联系电话:0391-8797395",
        footer=("焦作日报社数字报刊 地址:焦作市人民路890号 报业·国贸大厦 焦作日报社主办 邮编:454002",
                "豫ICP备14012713号", "所有内容为焦作日报社版权所有,未经许可,不得转载或镜像。"),
        qr_captions=("焦作日报客户端", "焦作日报微信公众号", "焦作网微信公众号", "焦作网二维码"),
        markers=("发送短信", "weibo.com", "版权声明", "联系电话", "豫ICP备", "焦作日报客户端", "微信公众号"),
    ),
}
# Navigation pieces every e-paper article page shows (zoom buttons, prev/next links, share bar).
NAV_MARKERS = ("放大", "缩小", "上一期", "版面导航", "下一篇", "分享到")
