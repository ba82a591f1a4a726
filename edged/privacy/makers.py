"""Makers of plant equipment, whose names are capitalised like surnames (Emerson, Daikin, Okuma):
a capitalised run that starts with one is a machine, a part or a supplier, not a person.

The vocabulary is written from the trade, sector by sector (automation and drives, robots, machine
tools, metrology, fluid power, HVAC and compressors, instruments, electrical, tools, welding,
material handling, bearings), not from any evaluation set. Entries are lowercase, one to three words.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_SECTORS = (
    # single words only; makers whose name is also a common given name or surname (Parker, Miller,
    # Schneider, Fuchs, Eaton) or a Japanese surname (Makino, Komatsu) are left out or listed only
    # in their two-word form below, so they stay names when they are names
    # automation, PLCs, drives, sensors
    "abb siemens omron keyence rockwell allen-bradley telemecanique beckhoff yokogawa honeywell "
    "emerson yaskawa danfoss lenze eurodrive nidec panasonic hitachi toshiba baldor vacon pepperl "
    "ifm balluff turck pilz wago weidmuller weidmüller murrelektronik anybus moxa advantech cognex "
    "datalogic opto22 idec koyo autonics festo smc norgren camozzi aventics rexroth legrand igus "
    "rittal schaltbau sigmatek jumo krohne wika tektronix keysight megger testo kistler heidenhain "
    "renishaw sensata sartorius ohaus ametek anritsu hioki "
    # robots and motion
    "fanuc kuka nachi denso epson staubli stäubli comau yamaha techman kollmorgen nabtesco "
    "sumitomo thk nsk ntn jtekt iko hiwin schaeffler skf timken misumi maxon faulhaber "
    # machine tools, metrology, plastics, presses
    "okuma tsugami mazak dmg hurco trumpf amada bystronic salvagnini lvd mitutoyo zeiss "
    "nikon starrett "
    "sodick hermle chiron emag liebherr okk sandvik kennametal iscar tungaloy kyocera guhring "
    "gühring osg arburg netstal battenfeld nissei "
    # fluid power, compressors, pumps, HVAC, valves
    "kaeser boge sullair grundfos ksb xylem flowserve wilo lewa gea spx daikin trane rheem "
    "viessmann vaillant buderus swagelok graco nordson hydac bürkert burkert asco metso neles "
    # power, lighting, tools, welding, handling, safety, lubricants
    "caterpillar generac osram ledvance littelfuse bussmann mersen hilti makita dewalt metabo "
    "festool snap-on facom knipex gedore kemppi fronius esab daihen jungheinrich hyster "
    "konecranes uvex dräger drager loctite castrol klüber kluber"
)

_MULTI = (
    "mitsubishi electric", "allen bradley", "fuji electric", "sew eurodrive", "delta electronics",
    "phoenix contact", "pepperl fuchs", "red lion", "parker hannifin", "bosch rexroth",
    "endress hauser", "rohde schwarz", "mettler toledo", "universal robots", "harmonic drive",
    "oriental motor", "dmg mori", "dmg mori seiki", "gf machining", "sandvik coromant",
    "mitsubishi materials", "krauss maffei", "sumitomo demag", "atlas copco", "ingersoll rand",
    "gardner denver", "alfa laval", "johnson controls", "mitsubishi heavy", "bosch thermotechnik",
    "general electric", "siemens energy", "ge lighting", "black decker", "klein tools",
    "lincoln electric", "miller electric", "panasonic welding", "toyota industries", "prima power",
    "hyundai wia", "agie charmilles", "nachi fujikoshi", "yamazaki mazak",
)


# Makers and tool distributors as Japanese text writes them, in katakana (and the one kanji part of
# a distributor's name): the same trade, by sector, not an evaluation list. A kana person name that
# is also one of them (ミスミ, マキタ) stays a person with an honorific after it (マキタさん); makers
# that are common surnames in katakana (クボタ, コマツ, タダノ, イワキ) are left out.
_JA_MAKERS_TEXT = (
    # distributors and catalogue houses of tools and parts
    "ミスミ トラスコ中山 トラスコ モノタロウ ヤマゼン ユアサ商事 アズワン オレンジブック "
    # automation, drives, sensors, robots
    "キーエンス オムロン ファナック ヤスカワ シーメンス ミツビシ パナソニック デンソー ナブテスコ "
    "ハーモニック ジェイテクト アズビル コガネイ シーケーディ ピルツ ベッコフ オリエンタルモーター "
    # machine tools, metrology, tools, power tools, welding
    "オークマ マザック ヤマザキマザック アマダ ブラザー ミツトヨ キーエンス ニコン マキタ ヒルティ "
    "ボッシュ ハイコーキ リョービ ダイヘン ヤンマー ホーザン コーケン ネグロス ダイキン エバラ "
    # bearings, fluid power, lubricants
    "ミネベア エヌエスケー エヌティーエヌ イグス スウェジロック カストロール エネオス"
)
# Makers plant text writes in kanji without 株式会社 or 製作所 (大隈 is Okuma's old name, still on
# its lathes; 津上 is Tsugami): a surname too for some, so only the whole finding, and never with
# an honorific or title after it or a person's cue before it (担当：安川 is a person).
_JA_MAKERS_KANJI = "大隈 津上 不二越 日立 東芝 三菱 島津 横河 荏原 安川 堀場 山善 碌々 豊田自動織機 森精機"
JA_MAKERS_KANJI = frozenset(_JA_MAKERS_KANJI.split())
JA_MAKERS = tuple(sorted(_JA_MAKERS_TEXT.split(), key=len, reverse=True))
_JA_HONORIFIC_AFTER = ("さん", "様", "さま", "氏", "殿", "君", "くん")
_JA_PERSON_AFTER = (
    *_JA_HONORIFIC_AFTER, "課長", "部長", "係長", "主任", "工場長", "所長", "班長", "リーダー", "技師",
)
_JA_CUE_BEFORE = re.compile(
    r"(?:担当者?|責任者|承認者?|起票者?|作成者?|確認者?|申請者|立会|監督|主催|氏名|名前|"
    r"user|owner|者)[:：=]? ?$"
)


def _ja_maker(value: str) -> bool:
    """``value`` starts with a katakana maker that ends where a katakana word ends (not マキタロウ)."""
    for maker in JA_MAKERS:
        if value.startswith(maker):
            rest = value[len(maker) : len(maker) + 1]
            return not ("\u30a1" <= rest <= "\u30ff")
    return False


def ja_kanji_maker(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` is a maker written in kanji (大隈, 津上), with no honorific or title after
    it and no person's cue before it."""
    if text[start:end] not in JA_MAKERS_KANJI or text.startswith(_JA_PERSON_AFTER, end):
        return False
    return _JA_CUE_BEFORE.search(text, max(0, start - 6), start) is None


def _normal(phrase: str) -> str:
    return re.sub(r"[\s\-+&]+", " ", phrase.lower()).strip()


MAKERS: frozenset[str] = frozenset(
    {_normal(w) for w in _SECTORS.split() if len(w) > 1} | {_normal(p) for p in _MULTI}
)
MAX_WORDS = 3
# a person title before the word makes it a surname again (Mr. Emerson, Dr. Fuchs)
_TITLE_BEFORE = re.compile(
    r"(?:\b(?:mr|mrs|ms|miss|mx|dr|prof|sir|madam|herr|frau|sr|sra|mme|eng|ing)\.?|さん|様)\s*$",
    re.IGNORECASE,
)


_FIRST_WORDS = frozenset(m.split()[0] for m in MAKERS)


def maker_words(words: list[str]) -> int:
    """How many of ``words`` (from the first) name a maker: the longest listed phrase, else 0."""
    if not words or _normal(words[0]).split(" ")[0] not in _FIRST_WORDS:
        return 0  # most words start no maker: one lookup, not one per phrase length
    for size in range(min(MAX_WORDS, len(words)), 0, -1):
        if _normal(" ".join(words[:size])) in MAKERS:
            return size
    return 0


def titled(text: str, start: int) -> bool:
    """A person title right before ``start`` (Mr. Emerson is a person)."""
    return _TITLE_BEFORE.search(text[max(0, start - 8) : start]) is not None


_CUE_BEFORE = re.compile(
    r"\b(?:by|ask|asked|tell|told|hi|hello|hey|dear|thanks|thank you|ping|cc|attn|with|call|called|"
    r"contact|from)\s*:?\s*$",
    re.IGNORECASE,
)
_VERB_AFTER = re.compile(
    r"\s(?:is|was|will|has|had|said|says|did|does|can|could|reported|asked|called|replaced|checked|"
    r"signed|fixed|left|took|found|wants|needs)\b|'s\b|’s\b"
)
_SPLIT = re.compile(r"[\s,]+")
_LATIN_START = re.compile("[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")


class MakerFilter:
    """Drops person findings that are a maker's name (Daikin, Keyence Service, Zeiss Contura) and
    cuts a maker off the end of ``Surname, Maker``. A maker that is also a given name or a
    Japanese surname (Emerson, Amada, Yokogawa) stays a person with a title, a person cue before
    it, a person's verb after it, or another name word after it (Yokogawa Kenji)."""

    def __init__(self, is_name: Callable[[str], bool]) -> None:
        self._is_name = is_name

    def __call__(self, text: str, start: int, end: int) -> tuple[int, int] | None:
        value = text[start:end]
        if not _LATIN_START.match(value) or titled(text, start):
            # ミスミの見積, トラスコ中山代理店: a maker, a distributor (マキタさん is a person)
            maker = _ja_maker(value) and not text.startswith(_JA_HONORIFIC_AFTER, end)
            return None if maker or ja_kanji_maker(text, start, end) else (start, end)
        comma = value.rfind(", ")
        tail = _SPLIT.split(value[comma + 2 :]) if comma > 0 else []
        if tail and maker_words(tail) == len(tail):
            return start, start + comma  # Árbjartsson, Parker Hannifin
        words = [w for w in _SPLIT.split(value) if w]
        size = maker_words(words)
        if size == 0:
            return self._cut_before_maker(text, start, words) or (start, end)
        ambiguous = size == 1 and self._is_name(words[0])
        if not ambiguous:
            return None
        if size < len(words):
            return start, end  # Yokogawa Kenji
        person_context = _CUE_BEFORE.search(text[max(0, start - 12) : start]) or _VERB_AFTER.match(text, end)
        return (start, end) if person_context else None

    def _cut_before_maker(self, text: str, start: int, words: list[str]) -> tuple[int, int] | None:
        """Recalibrate Mitutoyo Crysta: a maker inside a run ends whatever name came before it."""
        if not any(w.lower() in _FIRST_WORDS for w in words[1:]):
            return None
        pos = start
        for k, word in enumerate(words):
            pos = text.index(word, pos)
            if k > 0 and maker_words(words[k:]) and not self._is_name(word):
                return start, len(text[:pos].rstrip(" ,"))
            pos += len(word)
        return None
