"""Words buyers use for what a reply calls otherwise: a buyer asks "东西坏了", the reply
says 质量问题; "did it ship" meets "dispatch". Each line is one idea of the trade
(e-commerce customer service, Chinese and English); a message holding any word of a line
is also matched against the line's other words, at ``RELATED_WEIGHT`` of a word it holds.
Kept to the trade's own vocabulary, not to any one shop's phrasebook."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from assistant.suggestions.terms import is_stop_word

#: How much a related word counts against a word of the message itself.
RELATED_WEIGHT = 0.5

LINES = """
现货 有货 库存 没货 断货 卖完 卖光 缺货 还有吗
尺码 码数 几码 什么码 大小 偏大 偏小 合身 穿多大
身高 体重 多高 多重 斤 公斤 一米
推荐尺码 建议 选多大 穿什么码
发货 发出 寄出 发了 发走 出库 拍下多久
发货时间 什么时候发 多久发 几天发 今天能发 时间
到货 送到 收到 多久到 几天到 到货时长 多久能到 要多久
快递 物流 包裹 顺丰 中通 圆通 韵达 申通 京东快递 邮政 EMS
单号 运单号 快递单号 物流单号 查件
物流未更新 不动 没更新 卡住 查不到 没有物流 还没到 没到 到哪了
异常 退回 丢件 丢了 破损
催 催发货 快点 尽快 着急 急用 加急 催件
延迟 太慢 这么慢 拖 迟迟 几天了 好几天 这么久
地址 收货地址 改地址 修改地址 换地址 写错 填错 电话
修改 改了 改好 改成 更改
退货 退掉 不想要 退回去 寄回 退
退款 退钱 钱退 退回来 到账 原路退回
换货 换码 换尺码 换颜色 换个 调换
质量问题 坏了 破洞 开线 瑕疵 掉色 起球 有问题 次品 损坏 破了
漏发 少发 少了 缺件 只收到 没收到全
签收 没收到 收不到 丢了
运费 邮费 包邮 运费险 补运费
发票 开票 税号 抬头 专票 普票
优惠 活动 满减 便宜 折扣 优惠券 领券 降价 打折
付款 支付 付不了 付钱 付款失败 支付失败 额度
正品 假货 真的假的 专柜 验货
色差 颜色 实物 图片 实拍
面料 材质 成分 料子 纯棉 洗
预售 现货还是预售 多久才发
对比 区别 哪个好 选哪个 不一样
投诉 差评 负责人 领导 主管 经理 举报
生气 差劲 破店 垃圾 气死 太差 失望 不满意 愤怒 抱歉
解决 怎么办 处理 补偿 赔偿 方案
等 久等 不回复 不理人 回复慢 人呢 稍等 忙
查到 查询 查一下 正在查
上班 下班 几点 在线时间 非工作时间 晚上 有人吗 客服时间
在吗 你好 您好 有人吗 在不在 老板 欢迎 哈喽
保修 质保 维修 保修期
评价 好评 返现
stock available availability sold out in stock
size sizing fit medium large small measurements
ship shipped dispatch dispatched send sent posted
delivery deliver arrive arrival received receive
tracking track number update stuck
late delay delayed slow still waiting
address wrong address change update new address
return send back refund money back
exchange swap different size another colour
damaged broken tear torn defective faulty ripped
missing not received delivered
discount coupon code promo promotion sale deal offer
pay payment paid card declined failed checkout
cancel cancelled close unpaid
complaint complain unacceptable terrible awful angry unhappy disappointed ridiculous sorry apologise
manager supervisor someone else colleague speak human person
hours online open offline opening times
hello hi hey anyone there welcome
review feedback rating stars
""".strip().splitlines()

_LATIN = re.compile(r"[a-z]")


@cache
def _lines() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(unicodedata.normalize("NFKC", line).casefold().split()) for line in LINES)


def _holds(message: str, word: str) -> bool:
    if is_stop_word(word):  # "still" of "still waiting" is in every other question
        return False
    if _LATIN.match(word):
        return re.search(rf"\b{re.escape(word)}", message) is not None
    return word in message


def related_words(message: str) -> list[str]:
    """The words of every line ``message`` holds a word of, but the ones it holds."""
    folded = unicodedata.normalize("NFKC", message).casefold()
    found: list[str] = []
    for line in _lines():
        held = [word for word in line if _holds(folded, word)]
        if held:
            found.extend(word for word in line if word not in held)
    return found
