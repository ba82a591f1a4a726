"""Postal addresses: Japanese (prefecture or municipality, town, block numbers, building) and
English (house number, street name and USPS street suffix, unit, city, state and ZIP code).

A place name alone (東京都大田区, Osaka) is not flagged: it names where the plant is, not where a
person lives. An address needs its numbers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from edged.privacy.entities import ADDRESS
from edged.privacy.structured import Span

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
# (勝どき), and の/が only between kanji (丸の内, 松が谷).
_T = (
    rf"(?:{_K}|[A-Z]|(?![でにをはへともやのが])[\u3041-\u3096]"
    rf"|(?<=[\u4e00-\u9fff])[のが](?=[\u4e00-\u9fff]))"
)
_MUNICIPALITY = rf"(?:{_T}{{1,6}}?(?:市|区|郡|町|村)|[\u3041-\u3093]{{1,6}}{_K}{{0,3}}市)"
_BLOCKS = (
    rf"(?=[0-9]|{_KANJI_NUM}丁目)"
    rf"(?:(?:[0-9]+|{_KANJI_NUM})丁目\s?)?"
    rf"(?:[0-9]+(?:-[0-9]+){{1,2}}(?:号(?![機車線館棟炉室]))?"
    rf"|(?:[0-9]+番地?\s?)?(?:[0-9]+号(?![機車線館棟炉室]))?)"
)
_BUILDING = rf"(?:\s?{_T}(?:{_T}|[a-z]){{0,24}}[0-9]{{1,4}}(?:号室|号|階|F)?(?![0-9]))?"
_JA_AFTER_PREFECTURE = re.compile(rf"(?:{_MUNICIPALITY}){{1,3}}{_T}{{0,16}}?(?:{_BLOCKS})")
_JA_MUNICIPALITY_FIRST = re.compile(
    rf"(?<!{_K})(?:{_K}{{1,6}}?(?:市|区)){_MUNICIPALITY}{{0,2}}{_T}{{0,16}}?(?:{_BLOCKS})"
)
_JA_BUILDING = re.compile(_BUILDING)
_PREFECTURE = re.compile("|".join(PREFECTURES))


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# USPS Publication 28, C1: street suffixes, full and abbreviated.
SUFFIXES = _words("""
Alley Aly Annex Anx Arcade Arc Avenue Ave Av Bayou Byu Beach Bch Bend Bnd Bluff Blf Bluffs Blfs
Bottom Btm Boulevard Blvd Branch Br Bridge Brg Brook Brk Brooks Brks Burg Bg Burgs Bgs Bypass Byp
Camp Cp Canyon Cyn Cape Cpe Causeway Cswy Center Ctr Centers Ctrs Circle Cir Circles Cirs Cliff Clf
Cliffs Clfs Club Clb Common Cmn Commons Cmns Corner Cor Corners Cors Course Crse Court Ct Courts Cts
Cove Cv Coves Cvs Creek Crk Crescent Cres Crest Crst Crossing Xing Crossroad Xrd Crossroads Xrds
Curve Curv Dale Dl Dam Dm Divide Dv Drive Dr Drives Drs Estate Est Estates Ests Expressway Expy
Extension Ext Extensions Exts Fall Falls Fls Ferry Fry Field Fld Fields Flds Flat Flt Flats Flts
Ford Frd Fords Frds Forest Frst Forge Frg Forges Frgs Fork Frk Forks Frks Fort Ft Freeway Fwy Garden
Gdn Gardens Gdns Gateway Gtwy Glen Gln Glens Glns Green Grn Greens Grns Grove Grv Groves Grvs Harbor
Hbr Harbors Hbrs Haven Hvn Heights Hts Highway Hwy Hill Hl Hills Hls Hollow Holw Inlet Inlt Island
Is Islands Iss Isle Junction Jct Junctions Jcts Key Ky Keys Kys Knoll Knl Knolls Knls Lake Lk Lakes
Lks Land Landing Lndg Lane Ln Light Lgt Lights Lgts Loaf Lf Lock Lck Locks Lcks Lodge Ldg Loop Mall
Manor Mnr Manors Mnrs Meadow Mdw Meadows Mdws Mews Mill Ml Mills Mls Mission Msn Motorway Mtwy Mount
Mt Mountain Mtn Mountains Mtns Neck Nck Orchard Orch Oval Overpass Opas Park Parks Parkway Pkwy
Parkways Pass Passage Psge Path Pike Pine Pne Pines Pnes Place Pl Plain Pln Plains Plns Plaza Plz
Point Pt Points Pts Port Prt Ports Prts Prairie Pr Radial Radl Ramp Ranch Rnch Rapid Rpd Rapids Rpds
Rest Rst Ridge Rdg Ridges Rdgs River Riv Road Rd Roads Rds Route Rte Row Rue Run Shoal Shl Shoals
Shls Shore Shr Shores Shrs Skyway Skwy Spring Spg Springs Spgs Spur Spurs Square Sq Squares Sqs
Station Sta Stravenue Stra Stream Strm Street St Streets Sts Summit Smt Terrace Ter Throughway Trwy
Trace Trce Track Trak Trafficway Trfy Trail Trl Trailer Trlr Tunnel Tunl Turnpike Tpke Underpass
Upas Union Un Unions Uns Valley Vly Valleys Vlys Via Viaduct Via View Vw Views Vws Village Vlg
Villages Vlgs Ville Vl Vista Vis Walk Walks Wall Way Ways Well Wl Wells Wls
""")
STATES = _words("""
AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC
ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC PR GU VI AS MP MH FM PW AA AE AP
""")
_SUFFIX = "|".join(sorted(set(SUFFIXES), key=len, reverse=True))
_STATE = "|".join(STATES)
_CAP = r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
_EN_STREET = re.compile(
    rf"(?<![A-Za-z0-9\-/.])[0-9]{{1,6}}[A-Z]?\s(?:(?:[NSEW]|North|South|East|West|N\.|S\.|E\.|W\.)\s)?"
    rf"(?:(?:{_CAP}|[0-9]{{1,3}}(?:st|nd|rd|th))\s){{1,3}}(?:{_SUFFIX})\b\.?"
    rf"(?:\s(?:[NSEW]|NE|NW|SE|SW)\b)?"
    rf"(?:,?\s(?:Suite|Ste\.?|Apt\.?|Apartment|Unit|Bldg\.?|Building|Floor|Fl\.?|Room|Rm\.?|#)\s?#?[0-9A-Z][0-9A-Z\-]{{0,5}})?"
    rf"(?:,?\s{_CAP}(?:\s{_CAP}){{0,2}},\s(?:{_STATE})(?:\s[0-9]{{5}}(?:-[0-9]{{4}})?)?\b"
    rf"|,?\s(?:{_STATE})\s[0-9]{{5}}(?:-[0-9]{{4}})?\b)?",
)
_PO_BOX = re.compile(
    rf"(?<![A-Za-z])P\.?\s?O\.?\s?Box\s[0-9]{{1,6}}(?:,?\s{_CAP}(?:\s{_CAP}){{0,2}},\s(?:{_STATE})"
    rf"(?:\s[0-9]{{5}}(?:-[0-9]{{4}})?)?\b)?",
)


def find_japanese(text: str) -> Iterator[Span]:
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
        yield Span(ADDRESS, m.start(), end, "ja_address_municipality")


def _has_number(part: str) -> bool:
    return any(c.isdigit() for c in part) or "丁目" in part


def _with_building(text: str, end: int) -> int:
    if end > 0 and (text[end - 1].isdigit() or text[end - 1] in "号地目"):
        building = _JA_BUILDING.match(text, end)
        if building is not None and building.end() > end:
            return building.end()
    return end


def find_english(text: str) -> Iterator[Span]:
    for pattern, name in ((_EN_STREET, "en_street"), (_PO_BOX, "en_po_box")):
        for m in pattern.finditer(text):
            yield Span(ADDRESS, m.start(), m.end(), name)
