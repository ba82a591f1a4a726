"""Chinese names written in Chinese characters inside Japanese text (孙敏, 赵丽丽, 欧阳琴, 王玉珍さん):
a Chinese surname and a given name of one or two characters, standing where a name ends (the run's
end, an honorific, a title, 名義); one in characters Japanese shares must also start where a name
starts (the run's start, or right after a role word or title).

A name that holds a character Japanese does not write (a simplified form outside JIS X 0208:
孙, 张, 丽, 杨, 军) is a Chinese name wherever it stands alone; one written wholly in characters
Japanese shares (王玉珍, 江峰) needs an honorific after it.

Source: the most frequent Chinese family names (the Ministry of Public Security's household-register
counts, the top 100 and the common two-character ones), in simplified and traditional forms.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator

from edged.privacy.detector import Span
from edged.privacy.entities import PERSON
from edged.privacy.names_ja_data import HONORIFICS, ROLE_CUES, TITLES

_SURNAME_TEXT = (
    # simplified, then the traditional (or Japanese) form where it differs
    "王 李 张 張 刘 劉 陈 陳 杨 楊 黄 黃 赵 趙 吴 呉 吳 周 徐 孙 孫 马 馬 朱 胡 郭 何 高 林 罗 羅 郑 鄭 "
    "梁 谢 謝 宋 唐 许 許 韩 韓 冯 馮 邓 鄧 曹 彭 曾 肖 蕭 田 董 袁 潘 于 蒋 蔣 蔡 余 杜 叶 葉 程 苏 蘇 "
    "魏 吕 呂 丁 任 沈 姚 卢 盧 姜 崔 钟 鍾 谭 譚 陆 陸 汪 范 金 石 廖 贾 賈 夏 韦 韋 付 方 白 邹 鄒 "
    "孟 熊 秦 邱 江 尹 薛 闫 閆 段 雷 侯 龙 龍 史 陶 黎 贺 賀 顾 顧 毛 郝 龚 龔 邵 万 萬 钱 錢 严 嚴 "
    "覃 武 戴 莫 孔 向 汤 湯 常 温 溫 康 施 文 牛 樊 葛 邢 安 齐 齊 易 乔 喬 伍 庞 龐 颜 顏 倪 庄 莊 "
    "聂 聶 章 鲁 魯 岳 翟 殷 詹 申 欧 歐 耿 关 關 兰 蘭 焦 俞 左 柳 甘 祝 包 宁 寧 尚 符 舒 阮 柯 纪 "
    "紀 梅 童 凌 毕 畢 单 單 季 裴 霍 涂 成 苗 谷 盛 曲 翁 冉 骆 駱 蓝 藍 路 游 辛 靳 管 柴 蒙 鲍 鮑 "
    "华 華 喻 祁 蒲 房 滕 屈 饶 饒 解 牟 艾 尤 阳 陽 时 時 穆 农 農 司 卓 古 吉 缪 繆 简 簡 车 車 项 "
    "項 连 連 芦 蘆 麦 麥 褚 娄 婁 窦 竇 戚 岑 景 党 黨 宫 宮 费 費 卜 冷 晏 席 卫 衛 米 柏 宗 瞿 桂 "
    "全 佟 应 應 臧 闵 閔 苟 邬 鄔 边 邊 卞 姬 师 師 和 仇 栾 欒 隋 商 刁 沙 荣 榮 巫 寇 桑 郎 甄 丛 "
    "叢 仲 虞 敖 巩 鞏 明 佘 池 查 麻 苑 迟 遲 邝 鄺 阴 陰 "
    "欧阳 歐陽 司马 司馬 上官 诸葛 諸葛 东方 東方 皇甫 尉迟 公孙 公孫 令狐 慕容 夏侯 长孙 長孫"
)
_SURNAMES = frozenset(_SURNAME_TEXT.split())
_HAN = "\u4e00-\u9fff\u3400-\u4dbf\U00020000-\U0002ffff"
_HAN_RUN = re.compile(f"[{_HAN}]+")
_KANJI_MARKS = tuple(sorted({*TITLES, "様", "氏", "殿", "君", "名義", "宛"}, key=len, reverse=True))
_KANA_AFTER = tuple(h for h in HONORIFICS if not re.match(f"[{_HAN}]", h))
# after a name written wholly in characters Japanese shares, only an honorific will do: before a
# title such a pair is as often a section (安全課長, 成形係長)
_HONORIFIC_KANJI = ("様", "氏", "殿", "君")
_STARTERS = tuple(sorted({*ROLE_CUES, *TITLES}, key=len, reverse=True))
_MAX_GIVEN = 2


@functools.cache
def _japanese_char(char: str) -> bool:
    """Written in Japanese text: in JIS X 0208 (Shift_JIS), as every 常用 and 人名用 kanji is."""
    try:
        char.encode("shift_jis")
    except UnicodeEncodeError:
        return False
    return True


def _japanese_only(value: str) -> bool:
    return all(_japanese_char(c) for c in value)


def find(text: str, ordinary_word: Callable[[str], bool]) -> Iterator[Span]:
    """``ordinary_word``: the Japanese dictionary reads a pair as one word that is no name (王子,
    安城): before an honorific it is a prince or a customer's town, not a Chinese name."""
    for m in _HAN_RUN.finditer(text):
        run = m.group(0)
        after = text[m.end() : m.end() + 3]
        starts = _starts(run)
        for start in range(len(run)):
            found = _name_at(run, start, after)
            if found is None:
                continue
            if _japanese_only(run[start:found]) and (start not in starts or ordinary_word(run[start:found])):
                continue  # a shared-character pair must start the run or follow a role word or title
            if found is not None:
                yield Span(PERSON, m.start() + start, m.start() + found, "zh_hanzi")
                break


def _starts(run: str) -> list[int]:
    """The run's start, and each place right after a role word or a title inside it (書記長江建华)."""
    starts = [0]
    for k in range(1, len(run)):
        if any(run.endswith(word, 0, k) for word in _STARTERS):
            starts.append(k)
    return starts


def _name_at(run: str, start: int, after: str) -> int | None:
    """The end of a Chinese name starting at ``start`` of ``run``, if one stands there."""
    for size in (2, 1):
        surname = run[start : start + size]
        if len(surname) != size or surname not in _SURNAMES:
            continue
        for given in range(_MAX_GIVEN, 0, -1):
            end = start + size + given
            if end > len(run) or run[end - 1] in _HONORIFIC_KANJI:
                continue  # 刘辉君: the honorific is no part of the name
            rest = run[end:]
            titled = run.startswith(_KANJI_MARKS, end)
            honored = run.startswith(_HONORIFIC_KANJI, end) or (not rest and after.startswith(_KANA_AFTER))
            if rest and not titled:
                continue
            if not _japanese_only(run[start:end]) or honored:
                return end
    return None
