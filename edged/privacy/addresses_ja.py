"""Japanese postal addresses: a prefecture or a municipality (市, 区, 郡; any municipality or town
after a word that says an address follows, 現住所, 排出場所, 自宅), the town, the blocks (1-2-3,
4丁目5番6号, 16条4丁目, 番地の1, blocks in kanji numerals) and the building and room after them,
with one space allowed between the parts.

A place name alone (東京都大田区) is not flagged: it names where the plant is, not where a person
lives. An address needs its numbers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from edged.privacy.detector import Span
from edged.privacy.entities import ADDRESS

PREFECTURES = (
    "北海道",
    "青森県",
    "岩手県",
    "宮城県",
    "秋田県",
    "山形県",
    "福島県",
    "茨城県",
    "栃木県",
    "群馬県",
    "埼玉県",
    "千葉県",
    "東京都",
    "神奈川県",
    "新潟県",
    "富山県",
    "石川県",
    "福井県",
    "山梨県",
    "長野県",
    "岐阜県",
    "静岡県",
    "愛知県",
    "三重県",
    "滋賀県",
    "京都府",
    "大阪府",
    "兵庫県",
    "奈良県",
    "和歌山県",
    "鳥取県",
    "島根県",
    "岡山県",
    "広島県",
    "山口県",
    "徳島県",
    "香川県",
    "愛媛県",
    "高知県",
    "福岡県",
    "佐賀県",
    "長崎県",
    "熊本県",
    "大分県",
    "宮崎県",
    "鹿児島県",
    "沖縄県",
)
_K = r"[\u4e00-\u9fff々〆ヶヵ\u30a1-\u30faー・ノ]"  # kanji and katakana (no hiragana: particles are)
_KANJI_NUM = r"[一二三四五六七八九十]+"
# A town or municipality name: kanji, katakana, capitals (JPタワー), hiragana that is not a particle
# (勝どき), の/が between kanji (丸の内, 松が谷), a particle's letter inside a hiragana name (なにわ,
# ゆりのき) and の ending one before its block (あべの1丁目).
_T = (
    rf"(?:{_K}|[A-Z]|(?![でにをはへともやのが])[\u3041-\u3096]"
    rf"|(?<=[\u4e00-\u9fff])[のが](?=[\u4e00-\u9fff])|(?<=[\u3041-\u3096])の(?=[0-9])"
    rf"|(?<=[\u3041-\u3096])[でにをはへともやのが](?=[\u3041-\u3096])"
    rf"|(?<=[\u3041-\u3096])[のが](?=[\u4e00-\u9fff]))"  # ひのきが丘, みどりが丘
)
_MUNICIPALITY = rf"(?:{_T}{{1,6}}?(?:市|区|區|郡|町|村)|[\u3041-\u3093]{{1,6}}{_K}{{0,3}}市)"
# (號 here and 區 in _MUNICIPALITY: a Taiwanese address in traditional characters,
# 台北市中山區中山北路二段45號)
# Sapporo and other Hokkaido towns count in 条 and 丁目 with a direction: 北3条西4丁目1-1,
# 南郷通18丁目北2-10, 4条通8丁目1703.
_BLOCKS = (
    rf"(?=[0-9]|{_KANJI_NUM}丁目|{_KANJI_NUM}番(?:地|{_KANJI_NUM}号))"
    rf"(?:[0-9]+条(?:[東西南北]|通)?(?=[0-9]))?"  # more blocks must follow: 第2条 is an article
    rf"(?:(?:[0-9]+|{_KANJI_NUM})丁目[東西南北]?\s?)?"
    rf"(?:[0-9]+(?:-[0-9]+){{1,3}}(?:号(?![機車線館棟炉室]))?"  # 7-51-9-308: the room after the blocks
    # 十七番六号, 四十二番地: blocks in kanji numerals (not 麻布十番, a town whose blocks follow)
    rf"|{_KANJI_NUM}番(?:地|{_KANJI_NUM}号)"
    rf"|(?:[0-9]+番地?\s?)?(?:[0-9]+[号號](?![機車線館棟炉室])|(?<=番地)の?[0-9]+|(?<=番)[0-9]+(?![0-9]*[号機])|(?<=丁目)[0-9]+(?![0-9]*[号機]))?)"
)
# after an address, a phone number or a person follows, not a building
_NOT_BUILDING = r"(?!電話|TEL|Tel|携帯|FAX|Fax|内線|連絡|担当|宛|緊急|マイナンバー|メール|郵便)"
_BUILDING_WORDS = (
    # (ビルディング before ビル: the first that fits ends the building)
    r"(?:レジデンス|ハイツ|マンション|アパート|荘|コーポ|ビルディング|ビル|タワー|センター|コート|ハウス|メゾン|パレス|"
    r"ヒルズ|テラス|プラザ|寮|社宅|庁舎|会館)"
)
# the room, floor or house of a building; 社宅3号棟307号室: the house of an estate, then the room
_ROOM = r"(?:号棟\s?[0-9]{1,4}(?:号室|階|F)|号棟|号室|号|階|F)"
_BUILDING = (
    rf"(?:\s?第[0-9]{{1,2}}[\u30a1-\u30faー]{{2,12}}(?:\s?[0-9]{{1,4}}{_ROOM}?)?(?![0-9])"
    rf"|\s?{_NOT_BUILDING}{_T}(?:{_T}|[a-z]){{0,24}}"
    # the room right after the name, or after a space (メゾン白鷺 301), not a phone's first group
    rf"(?:[0-9]{{1,4}}(?:{_ROOM}|(?!{_K}))|\s[0-9]{{1,4}}{_ROOM}?)(?![0-9]|-[0-9])"
    # a building's name with its number first (第2浜松ビル4F)
    rf"|\s?{_NOT_BUILDING}(?:第[0-9]{{1,2}})?{_T}{{1,12}}?{_BUILDING_WORDS}(?:\s?[0-9]{{1,4}}{_ROOM}?)?(?![0-9]))?"
)
# One space may stand between the parts (岩手県 北上市 北工業団地 2-23-19): NFKC made the
# ideographic space of 熊本県　菊池郡 an ASCII one.
_SEP = r" ?"
# After a prefecture, a town's or village's lot may stand alone, glued to it and ending the address
# (長野県諏訪郡下諏訪町5329): 番地 left out, as rural addresses write it; not after a city (大垣市12
# ライン is a line).
_LOT_ONLY = r"(?<=[町村])[0-9]{2,5}(?=$|[\s、。,，)）」]|様|宛|です|まで|へ)"
_JA_AFTER_PREFECTURE = re.compile(
    rf"(?:{_SEP}{_MUNICIPALITY}){{1,3}}{_SEP}{_T}{{0,16}}?(?:{_LOT_ONLY}|{_SEP}(?:{_BLOCKS}))"
)
# A city written in hiragana (さいたま市, うるま市) starts an address too, after a particle or a
# non-kana character, never with the particle.
_PARTICLES = "はがをにでともへやの"
# A district (郡) starts one too: 京都郡苅田町, 黒川郡大衡村.
_JA_MUNICIPALITY_FIRST = re.compile(
    rf"(?:(?<!{_K})(?:{_K}{{1,6}}?(?:市|区|區|郡))"
    rf"|(?:(?<![\u3041-\u3096])|(?<=[{_PARTICLES}]))(?![{_PARTICLES}])[\u3041-\u3093]{{2,6}}{_K}{{0,3}}市)"
    rf"(?:{_SEP}{_MUNICIPALITY}){{0,2}}{_SEP}{_T}{{0,16}}?{_SEP}(?:{_BLOCKS})"
)
# After a word that says an address follows (現住所, 排出場所, 自宅, 送付先), the address may start
# at any municipality, a town (町, 村) included, with kanji right before it.
# (…先: 送付先, 届け先, 納品先, 転居先, 請求先, 配送先: where something goes)
_ADDRESS_CUE = re.compile(
    r"(?:住所|所在地|場所|自宅|実家|居所|居住地|本籍|在住|[\u4e00-\u9fff]{1,2}先|送り先|届け先|引っ越し先)[:\s]{0,2}"
)
_JA_AFTER_CUE = re.compile(
    rf"(?![{_PARTICLES}]){_MUNICIPALITY}(?:{_SEP}{_MUNICIPALITY}){{0,2}}{_SEP}{_T}{{0,16}}?{_SEP}(?:{_BLOCKS})"
)
_JA_BUILDING = re.compile(_BUILDING)
# 三重県 after a postcode reads 3重県 once normalised (see _POSTCODE_BEFORE)
_PREFECTURE = re.compile("|".join(PREFECTURES).replace("三重県", "(?:三|(?<=[0-9] )3)重県"))


def find_japanese(text: str) -> Iterator[Span]:
    for span in _find_japanese(text):
        yield span._replace(start=_with_postcode_before(text, span.start))


# The postcode written right before the address is part of it (〒650-6104 四日市市...). Normalising
# reads a kanji digit after a postcode as one more digit of it (〒650-6104四日市市 -> 650-61044日市市,
# 〒376-3552 三重県 -> 376-3552 3重県): that digit is the address's first character.
_POSTCODE_BEFORE = re.compile(r"(?<![0-9\-])(?:〒\s?)?[0-9]{3}-[0-9]{4}(?: ?|(?<=[0-9])[0-9])$")


def _with_postcode_before(text: str, start: int) -> int:
    before = _POSTCODE_BEFORE.search(text, max(0, start - 12), start)
    return before.start() if before is not None else start


def _find_japanese(text: str) -> Iterator[Span]:
    covered_to = -1
    for m in _PREFECTURE.finditer(text):
        if m.start() < covered_to:
            continue
        rest = _JA_AFTER_PREFECTURE.match(text, m.end())
        if rest is None or not _has_number(rest.group(0)):
            continue
        end = _with_building(text, rest.end())
        covered_to = end
        yield Span(ADDRESS, m.start(), end, "ja_address")
    for m in _JA_MUNICIPALITY_FIRST.finditer(text):
        if m.start() < covered_to or not _has_number(m.group(0)):
            continue
        end = _with_building(text, m.end())
        # 現住所黒川郡…, 排出場所鯖江市…: the word before the address is no part of it
        word = _ADDRESS_CUE.search(text, m.start(), min(end, m.start() + 9))
        yield Span(ADDRESS, word.end() if word else m.start(), end, "ja_address_municipality")
    for cue in _ADDRESS_CUE.finditer(text):
        after = _JA_AFTER_CUE.match(text, cue.end())
        if after is not None and _has_number(after.group(0)):
            yield Span(ADDRESS, after.start(), _with_building(text, after.end()), "ja_address_after_cue")


def _has_number(part: str) -> bool:
    return any(c.isdigit() for c in part) or "丁目" in part or _KANJI_BLOCK.search(part) is not None


_KANJI_BLOCK = re.compile(rf"{_KANJI_NUM}番(?:地|{_KANJI_NUM}号)")


def _with_building(text: str, end: int) -> int:
    while end > 0 and text[end - 1] == " ":
        end -= 1  # 473番地 村上荘5F: the space belongs between the blocks and the building
    if end > 0 and (text[end - 1].isdigit() or text[end - 1] in "号地目"):
        building = _JA_BUILDING.match(text, end)
        if building is not None and building.end() > end:
            return building.end()
    return end
