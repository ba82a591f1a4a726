"""The final labeled evaluation set: written once, after all tuning, and measured once.

Its text kinds are new to the redactor (e-mail threads with quoted replies and signatures, MES and
andon key=value logs, unpunctuated voice-to-text transcripts, permit-to-work forms, complaint call
notes, PPAP cover letters, pick exceptions, committee minutes, IT tickets, and their Japanese
counterparts such as 品質会議議事録, 設備保全依頼書, 作業許可証 and LINE/Teams-style chat), and so
are its name sources: a mix of Faker locales the other sets do not draw from plus hand-written lists.

Every label's ``form`` starts with how the value was built (its source or shape); later tags say how
it was written (lower, caps, surname-first, title, possessive, fullwidth, ext, ...). Hard negatives
(plant identifiers, codes, measurements, brands, departments) are ``NEGATIVE`` labels.
"""

from __future__ import annotations

import ipaddress
import random
import re
import string
import unicodedata
from dataclasses import dataclass
from typing import Any

from edged.errors import MissingExtra
from edged.privacy.checks import luhn, my_number, my_number_check_digit
from edged.privacy.evalset import NEGATIVE, Label, Sample

SOURCES: dict[str, str] = {
    "faker": (
        "Faker 40.63.0 person providers for en_GB, en_IE, zu_ZA (en_ZA is not a Faker locale), fr_FR, "
        "fr_CA, de_AT, de_CH, it_IT, es_AR, es_CL, es_CO, pt_BR, pl_PL, sk_SK, sl_SI, hr_HR, lt_LT, "
        "lv_LV, et_EE, da_DK, no_NO, tr_TR, az_AZ, vi_VN and ja_JP (kanji, katakana, romaji); ka_GE "
        "is left out because its names are in Georgian script only. Address pieces from en_US, en_GB, "
        "en_IE, fr_FR, de_DE, de_AT, de_CH, it_IT, es_ES, es_AR, es_CL, es_CO, pt_BR and ja_JP; "
        "free e-mail domains from the same locales."
    ),
    "hand_names": (
        "Written for this set: Pacific islander (Tongan, Samoan, Fijian, Maori, Hawaiian), Malagasy, "
        "Haitian, Peruvian Quechua, Kazakh, Uzbek, Burmese (no family name), Cambodian and Lao names; "
        "Japanese names with old-form kanji (髙, 齋, 邊, 濵, 﨑, 德, 栁) and rare readings; Korean names "
        "in katakana and in romanisation; Western names in katakana."
    ),
    "phonenumbers": (
        "phonenumbers 9.0.43: each number starts from the library's example number for a fixed line or "
        "a mobile in JP, US, CA, GB, IE, FR, DE, AT, CH, IT, ES, AR, CL, CO, BR, PL, TR, VN or ZA, its "
        "tail is redrawn until is_valid_number holds, then it is written in national, international, "
        "E.164, digits-only, dotted or +CC (0) form, with an extension at times; every written form is "
        "parsed back and checked."
    ),
    "checks": "Card numbers made Luhn-valid and My Numbers given their check digit (edged.privacy.checks).",
    "hand_negatives": (
        "Written for this set: equipment tags, MES event codes, work orders, 10-digit material numbers "
        "starting with 1, 13-16 digit serials that fail Luhn, lots, dates, measurements, brands, plant "
        "places, capitalised plant phrases, katakana technical terms and department names."
    ),
}

_FW = str.maketrans({c: chr(ord(c) + 0xFEE0) for c in string.digits + "-+()"})

# -- hand-written name lists ----------------------------------------------------------------------

# (given, family); an empty family means the person has none (Burmese).
_HAND_LATIN: dict[str, tuple[tuple[str, str], ...]] = {
    "hand-pacific": (
        ("Sione", "Fifita"),
        ("Mele", "Taufa"),
        ("Tavita", "Leota"),
        ("Losana", "Vakacegu"),
        ("Aperahama", "Ngata"),
        ("Malia", "Tuilagi"),
        ("Iosefa", "Faleolo"),
        ("Keala", "Kahananui"),
    ),
    "hand-malagasy": (
        ("Andry", "Rakotomalala"),
        ("Haingo", "Randriamanana"),
        ("Fanja", "Razafindrakoto"),
        ("Tiana", "Rasoanaivo"),
        ("Mamy", "Andriamihaja"),
        ("Voahirana", "Rabearivelo"),
    ),
    "hand-haitian": (
        ("Wideline", "Joseph"),
        ("Fritznel", "Desrosiers"),
        ("Jean-Robert", "Pierre-Louis"),
        ("Guerline", "Saint-Fleur"),
        ("Dieuseul", "Jean-Baptiste"),
        ("Mackenson", "Dorvil"),
    ),
    "hand-quechua": (
        ("Wayra", "Quispe Mamani"),
        ("Killa", "Huamán"),
        ("Inti", "Condori"),
        ("Sumaq", "Ccori"),
        ("Yupanqui", "Apaza"),
        ("Nina", "Huarcaya"),
        ("Amaru", "Cusi Tito"),
    ),
    "hand-kazakh": (
        ("Nurlan", "Abenov"),
        ("Aigerim", "Zhaksylykova"),
        ("Yerlan", "Seitkali"),
        ("Dana", "Nurmagambetova"),
        ("Askar", "Tokhtarov"),
        ("Zhanar", "Omarbekova"),
    ),
    "hand-uzbek": (
        ("Dilshod", "Rakhimov"),
        ("Gulnora", "Yusupova"),
        ("Sherzod", "Nazarov"),
        ("Malika", "Karimova"),
        ("Jasur", "Ergashev"),
        ("Nodira", "Tursunova"),
    ),
    "hand-burmese": (
        ("Aung Kyaw Moe", ""),
        ("Thiri Htet", ""),
        ("Nay Lin Zaw", ""),
        ("Hnin Wai Phyo", ""),
        ("Zaw Min Oo", ""),
        ("Khin Sandar Win", ""),
    ),
    "hand-khmer": (
        ("Sokha", "Chhun"),
        ("Sreymom", "Keo"),
        ("Vannak", "Sok"),
        ("Chanthou", "Meas"),
        ("Pisey", "Heng"),
    ),
    "hand-lao": (
        ("Bounmy", "Phommachanh"),
        ("Khamla", "Sisouphanh"),
        ("Souksavanh", "Vongphachanh"),
        ("Noy", "Keomany"),
        ("Phonesavanh", "Inthavong"),
    ),
}
_FAMILY_FIRST_SOURCES = frozenset({"hand-khmer", "vi_VN"})
_JA_OLD_FAMILY = (
    "髙橋",
    "齋藤",
    "邊見",
    "澤田",
    "濵口",
    "廣瀬",
    "櫻井",
    "國分",
    "嶋﨑",
    "德永",
    "渡邉",
    "眞鍋",
    "柳澤",
    "髙木",
    "寳田",
    "栁田",
    "曽我部",
    "勅使河原",
)
_JA_RARE_GIVEN = (
    "凜",
    "颯",
    "燈",
    "雫",
    "一颯",
    "陽葵",
    "伊織",
    "瑛太",
    "心愛",
    "月",
    "煌",
    "叶夢",
    "碧",
    "朔",
    "結月",
    "紬",
    "凪",
    "宙",
    "禮子",
    "與四郎",
)
_KO_FAMILY = (
    ("キム", "Kim"),
    ("パク", "Park"),
    ("イ", "Lee"),
    ("チェ", "Choi"),
    ("チョン", "Jung"),
    ("カン", "Kang"),
    ("チョ", "Cho"),
    ("ユン", "Yoon"),
    ("チャン", "Jang"),
    ("イム", "Lim"),
)
_KO_GIVEN = (
    ("ミンジュン", "Min-jun"),
    ("ソヨン", "Seo-yeon"),
    ("ジウ", "Ji-woo"),
    ("ユナ", "Yuna"),
    ("ヘイン", "Hae-in"),
    ("ドヒョン", "Do-hyun"),
    ("スビン", "Su-bin"),
    ("ハウン", "Ha-eun"),
)
_FOREIGN_KANA = (
    ("ジョアン", "シルバ"),
    ("マリア", "ゴンサレス"),
    ("ピョートル", "ノヴァク"),
    ("アンドレア", "ロッシ"),
    ("ファティマ", "ベナリ"),
    ("ルーカス", "オリヴェイラ"),
    ("アイゲリム", "オマルベコワ"),
    ("シオネ", "フィフィタ"),
)
_FAKER_PERSON_LOCALES = (
    "en_GB",
    "en_IE",
    "zu_ZA",
    "fr_FR",
    "fr_CA",
    "de_AT",
    "de_CH",
    "it_IT",
    "es_AR",
    "es_CL",
    "es_CO",
    "pt_BR",
    "pl_PL",
    "sk_SK",
    "sl_SI",
    "hr_HR",
    "lt_LT",
    "lv_LV",
    "et_EE",
    "da_DK",
    "no_NO",
    "tr_TR",
    "az_AZ",
    "vi_VN",
)
_ADDRESS_LOCALES = (
    "en_US",
    "en_GB",
    "en_IE",
    "fr_FR",
    "de_DE",
    "de_AT",
    "de_CH",
    "it_IT",
    "es_ES",
    "es_AR",
    "es_CL",
    "es_CO",
    "pt_BR",
)
_TITLES = {
    "de": ("Dipl.-Ing. ", "Herr ", "Frau ", "Dr. "),
    "cs": ("Ing. ", "Mgr. ", "Ing. "),
    "es": ("Sr. ", "Sra. ", "Ing. "),
    "fr": ("M. ", "Mme ", "Mme. "),
    "en": ("Mr ", "Ms ", "Dr ", "Mrs. "),
}
_TITLE_FAMILY = {
    "de_AT": "de",
    "de_CH": "de",
    "sk_SK": "cs",
    "sl_SI": "cs",
    "hr_HR": "cs",
    "pl_PL": "cs",
    "es_AR": "es",
    "es_CL": "es",
    "es_CO": "es",
    "hand-quechua": "es",
    "pt_BR": "es",
    "fr_FR": "fr",
    "fr_CA": "fr",
    "hand-haitian": "fr",
    "hand-malagasy": "fr",
}

# -- phones ---------------------------------------------------------------------------------------

_PHONE_REGIONS = (
    "JP",
    "US",
    "CA",
    "GB",
    "IE",
    "FR",
    "DE",
    "AT",
    "CH",
    "IT",
    "ES",
    "AR",
    "CL",
    "CO",
    "BR",
    "PL",
    "TR",
    "VN",
    "ZA",
)
_JP_AREAS = ("3", "6", "45", "52", "11", "92", "75", "78", "48", "43", "22", "82", "258", "566", "564")
_TRUNK0_REGIONS = frozenset({"GB", "IE", "DE", "AT", "CH", "FR", "ZA"})
_NANP_AREAS = {
    "US": ("212", "312", "415", "617", "313", "248", "502", "859", "865", "614", "971"),
    "CA": ("416", "604", "514", "403", "613", "905", "519", "780"),
}

# -- hard negatives -------------------------------------------------------------------------------

_BRANDS = (
    "ABB",
    "FANUC",
    "Yaskawa",
    "Keyence",
    "Omron",
    "Siemens",
    "Rockwell",
    "Mitsubishi Electric",
    "Lincoln Electric",
    "KUKA",
    "Festo",
    "SMC",
    "Beckhoff",
    "Allen-Bradley",
    "Hilti",
    "Makita",
)
_PHRASES = (
    "Permit To Work",
    "Andon Call",
    "Root Cause Analysis",
    "Lock Out Tag Out",
    "Gemba Walk",
    "First Article Inspection",
    "Control Plan",
    "Corrective Action Request",
    "Safety Data Sheet",
    "Total Productive Maintenance",
    "Hot Work Permit",
    "Confined Space Entry",
    "Part Submission Warrant",
    "Process Flow Diagram",
    "Goods Receipt",
    "Cycle Count",
)
_PLACES_EN = (
    "Hall B",
    "Bay 4",
    "Dock 7",
    "Line 3 North",
    "Press Shop",
    "Paint Shop",
    "Body Shop",
    "Tool Crib",
    "Mezzanine East",
    "Goods In",
    "Cell 12",
    "Boiler House",
    "Aisle 17",
)
_PLACES_JA = (
    "第2工場",
    "北棟",
    "3号ライン",
    "成形棟",
    "塗装場",
    "資材倉庫",
    "B棟2階",
    "第一組立場",
    "出荷場",
)
_DEPTS_JA = (
    "品質保証部",
    "生産技術課",
    "製造一課",
    "設備保全課",
    "購買部",
    "総務課",
    "安全衛生推進室",
    "物流センター",
    "品質管理課",
    "製造技術部",
)
_DEPTS_EN = (
    "Quality Assurance",
    "Production Engineering",
    "Plant Maintenance",
    "Supplier Quality",
    "Health and Safety",
    "Materials Planning",
    "Facilities",
)
_KATAKANA = (
    "サーボモーター",
    "インバーター",
    "コンベヤ",
    "トルクレンチ",
    "エアシリンダー",
    "ロードセル",
    "ソレノイドバルブ",
    "シーケンサー",
    "タッチパネル",
    "ベアリング",
    "エンコーダー",
    "チャック",
    "ノギス",
    "マイクロメーター",
    "フォークリフト",
    "ハンドパレット",
)

# -- templates ------------------------------------------------------------------------------------
# {TYPE}, {TYPE@k} (the same person / a mail address made from person k), {TYPE:mod,mod} a value;
# {!KIND} a hard negative; {~KIND} filler that is neither.

EN_TEMPLATES: tuple[str, ...] = (
    # e-mail threads
    "From: {PERSON@a} <{EMAIL@a}>\nSent: {!QDATE}\nTo: {PERSON@b:sf}\nSubject: RE: {!BRAND} drive fault on "
    "{!EQUIP}\n\nThanks, I will check it after the {!PHRASE}.\n\nOn {!QDATE}, {PERSON@b} wrote:\n> Can you "
    "look at {!WO} before {!TIME}?\n> {PERSON@b:given}\n\n--\n{PERSON@a}\nMaintenance Planner | {!PLACE}\n"
    "M: {PHONE}",
    "Von: {PERSON@a:sf} <{EMAIL@a}>\nGesendet: {!QDATE}\nBetreff: AW: PPAP {!PART}\n\nHi all, "
    "{PERSON:title} asked for the {!PHRASE} pack by Friday.\n\n> Am {!DATE} schrieb {PERSON@c}:\n> "
    "Bitte Maß {!MEASURE} prüfen.\n\nMit freundlichen Grüßen\n{PERSON@a:title}\nTel. {PHONE}",
    "Le {!DATE}, {PERSON@a} <{EMAIL@a}> a écrit :\n> La cellule {!EQUIP} est encore en {!EVT}.\n\n"
    "Merci {PERSON@a:given}, {PERSON:title} passe demain.\n{PERSON@b}\n{ADDRESS}",
    "El {!DATE}, {PERSON@a} escribió:\n> Falta material {!MAT10} en {!PLACE}.\n\nOk, I asked {PERSON:title} "
    "to call {PHONE}.\nSaludos,\n{PERSON@b:caps}",
    "-----Original Message-----\nFrom: {EMAIL}\nSent: {!QDATE}\nTo: {PERSON@a:sf}\nCc: {EMAIL}\n"
    "Subject: {!PHRASE} for {!EQUIP}\n\n{PERSON@a:given}, please send the {!BRAND} quote. {!MEASURE} "
    "is out of spec.\n\nRegards\n{PERSON}",
    "Hi {PERSON:given},\n\n{PERSON:poss} laptop is at {IP_ADDRESS} now. Ship the old one to\n{ADDRESS}\n\n"
    "Cheers,\n{PERSON@s}\n{PERSON@s:caps} | {!DEPT} | {PHONE:ext}",
    # MES / andon logs
    "ts={!DATETIME} line={!PLACE} evt={!EVT} station={!EQUIP} ack_by={PERSON:lower} wo={!WO} "
    "material={!MAT10}",
    '[ANDON] {!DATETIME} {!EVT} {!EQUIP} called_by="{PERSON}" callback={PHONE} lot={!LOT}',
    "{!DATETIME}|INFO|mes.gateway|client={IP_ADDRESS} mac={MAC_ADDRESS} user={EMAIL} evt={!EVT} "
    "serial={!SERIAL16}",
    "event={!EVT}\nequipment={!EQUIP}\noperator={PERSON:caps}\nsupervisor={PERSON:sf}\nduration={!MEASURE}"
    '\nbrand={!BRAND}\nnote="{!PHRASE} raised"',
    "mes.andon level=WARN tag={!EQUIP} code={!EVT} who={PERSON:lower} from={IP_ADDRESS} at={!TIME}",
    # shift-lead voice-to-text
    "uh tell {PERSON:lower} the line is down again {!EQUIP} is throwing {!EVT} and we need "
    "{PERSON:lower,given} on it asap",
    "ok so this is {PERSON:tx} b shift um material {!MAT10} is short again call me back on "
    "{PHONE:digits} thanks",
    "note to self ask {PERSON:tx,poss} crew about the {!BRAND} robot in {!PLACE} torque was {!MEASURE}",
    "yeah so {PERSON:lower} said the {!PHRASE} is done for {!WO} but {PERSON:lower} wants the "
    "lot {!LOT} held",
    "voice memo {!TIME} hey its {PERSON:tx} from {!PLACE} my number is {PHONE:digits} the forklift "
    "in aisle {~N} is leaking",
    # permit to work
    "PERMIT TO WORK  No. {!PTW}\nPermit holder: {PERSON:sf}\nIssuing authority: {PERSON:title}\n"
    "Isolation points: {!EQUIP}, {!EQUIP}\nEmergency contact: {PHONE}\nValid: {!DATETIME} to {!DATETIME}\n"
    "Signed: {PERSON@h}  Countersigned: {PERSON@h:caps}",
    "HOT WORK PERMIT {!PTW}\nContractor firm: {!BRAND} Service\nFire watch: {PERSON}\nWelder: "
    "{PERSON:caps} (mobile {PHONE})\nLocation: {!PLACE}\nGas test: {!MEASURE}\nAuthorised by {PERSON:title}",
    "Confined space entry {!PTW}: entrant {PERSON}, attendant {PERSON:sf}, rescue {PERSON}. "
    "O2 {!MEASURE}. Standby phone {PHONE}.",
    # customer complaint call notes
    "Call {!DATETIME}: caller {PERSON:title} ({PHONE}) from {ADDRESS} reports cracked housings in "
    "{!LOT}. Wants credit to card {CARD_NUMBER}. Logged under {!CMP}.",
    "Complaint {!CMP}\nCustomer: {PERSON:sf}\nE-mail: {EMAIL}\nShip-to: {ADDRESS}\nZIP {POSTAL_CODE}\n"
    "Part {!PART}, {!MEASURE} burr on edge. Callback {PHONE:ext}.",
    "cust said her name is {PERSON:lower} phone {PHONE} she got {!PART} with wrong label, asked for "
    "{!PHRASE}",
    "Spoke to {PERSON:poss} assistant; refund to card {CARD_NUMBER} approved. Case {!CMP}, {!DATE}.",
    # supplier PPAP cover letters
    "{ADDRESS}\n\n{!DATE}\n\nDear {PERSON:title,sur},\n\nPlease find enclosed the PPAP level 3 "
    "submission for {!PART} (material {!MAT10}), including the {!PHRASE} and {!PHRASE}.\n\n"
    "Yours sincerely,\n{PERSON@q}\nSupplier Quality, {EMAIL@q}, {PHONE}",
    "PPAP COVER LETTER\nSupplier contact: {PERSON:caps}\nPhone: {PHONE}\nE-mail: {EMAIL}\nPart: {!PART}\n"
    "Drawing rev {~N}\nCustomer SQE: {PERSON:title}",
    "Re: PPAP {!PART} — attention {PERSON:title}, {ADDRESS}. Our SQE {PERSON} can be reached on {PHONE}.",
    # warehouse pick exceptions
    "PICK EXC {!DATETIME} | list {!WO} | material {!MAT10} | bin {!BIN} | picker {PERSON:caps} | short "
    "{!MEASURE}",
    "Exception: wrong ship-to. Expected {ADDRESS}; label printed for {ADDRESS}. Reported by {PERSON} "
    "(ext {~EXT}).",
    'pick_exception material={!MAT10} serial={!SERIAL16} picker="{PERSON:sf}" scanner={MAC_ADDRESS} '
    'reason="{!PHRASE}"',
    # safety committee minutes
    "Safety Committee Minutes, {!DATE}\nAttendees: {PERSON}, {PERSON}, {PERSON:title}, {PERSON}\n"
    "Apologies: {PERSON}\n1. {!PHRASE} review for {!PLACE}.\n2. {PERSON:poss} near-miss report on "
    "{!EQUIP}.",
    "H&S MINUTES {!DATE}\nPresent: {PERSON:caps}; {PERSON:sf}; {PERSON}\nMinute taker: {PERSON}\n"
    "Action: {!DEPT} to fit guard on {!EQUIP} by {!DATE}.",
    "Committee noted {PERSON:poss} proposal on {!PHRASE}. {PERSON:title} seconded. Next meeting in "
    "{!PLACE} at {!TIME}.",
    # IT tickets for plant PCs
    "INC {!TKT} | Caller: {PERSON:sf} | PC {!HOST} ({IP_ADDRESS}, {MAC_ADDRESS}) | {!BRAND} HMI frozen | "
    "callback {PHONE:ext}",
    "Ticket {!TKT}: {PERSON} cannot reach the historian at {IP_ADDRESS}. NIC {MAC_ADDRESS}. "
    "Assigned to {PERSON:lower}.",
    "Request {!TKT} — new user {PERSON}, e-mail {EMAIL}, badge photo pending; PC {!HOST}.",
    # chat
    "[{!TIME}] {PERSON@x:given}: can someone cover {!EQUIP}?\n[{!TIME}] {PERSON}: on it, text me at "
    "{PHONE}\n[{!TIME}] {PERSON@x}: thx",
    "{PERSON:given} 07:02 — {!EVT} again on {!EQUIP} 😩\n{PERSON} 07:03 — ping {PERSON:lower} at {EMAIL}",
    # HR, expenses, visitors
    "Expense claim: {PERSON} paid the {!BRAND} training with card {CARD_NUMBER}; receipt {!WO}.",
    "Japan assignment paperwork: {PERSON:poss} My Number {MY_NUMBER} was entered in payroll.",
    "Visitor badge: {PERSON:caps}, {ADDRESS}, mobile {PHONE}, host {!DEPT}.",
    "Contractor induction {!DATE}: {PERSON} (home {ADDRESS}, postcode {POSTAL_CODE}) passed the "
    "{!PHRASE} quiz.",
    "Payroll fix: card {CARD_NUMBER} replaced; My Number {MY_NUMBER} verified for {PERSON:sf}.",
    "Returns desk: {PERSON:sf}, postcode {POSTAL_CODE}, refund to card {CARD_NUMBER}, ref {!CMP}.",
    "Mailing list fix: {PERSON} moved; new ZIP {POSTAL_CODE}, old ZIP {POSTAL_CODE}. Lot {!LOT} unaffected.",
    "HR Japan: {PERSON:title} — My Number {MY_NUMBER}, card {CARD_NUMBER}, phone {PHONE}.",
    "Gateway {IP_ADDRESS} and switch port {MAC_ADDRESS} moved to {!PLACE}; contact {PERSON} ({EMAIL}).",
)

JA_TEMPLATES: tuple[str, ...] = (
    # 品質会議議事録
    "品質会議議事録\n日時：{!DATE} {!TIME}\n出席者：{PERSON}、{PERSON}、{PERSON}、{PERSON}（{!DEPT}）\n"
    "議題：{!PART}の{!KATAKANA}不良について\n記録：{PERSON}",
    "【品質会議】{!DATE}\n出席：{!DEPT} {PERSON}部長、{PERSON}、{PERSON:lat}（{!BRAND}）\n欠席：{PERSON}\n"
    "決定事項：{!LOT}は全数選別、{!MEASURE}超過品は廃却。",
    # 設備保全依頼書
    "設備保全依頼書\n依頼日：{!DATE}\n依頼部署：{!DEPT}\n依頼者：{PERSON}\n設備番号：{!EQUIP}\n"
    "症状：{!KATAKANA}から異音、振動{!MEASURE}\n連絡先：{PHONE}",
    "保全依頼 No.{!WO} {!PLACE}の{!EQUIP}（{!BRAND}製）停止。{!EVT}表示。依頼者{PERSON}、内線{~EXT}、"
    "携帯{PHONE}。",
    "【至急】{!EQUIP}の{!KATAKANA}交換お願いします。{PERSON}さん宛て、品番{!MAT10}。",
    # 作業許可証
    "作業許可証 No.{!PTW}\n作業件名：{!KATAKANA}更新工事\n作業責任者：{PERSON}殿\n協力会社担当：{PERSON}"
    "（携帯 {PHONE}）\n作業場所：{!PLACE}\n許可者：{!DEPT} {PERSON}\n期間：{!DATETIME}～{!DATETIME}",
    "火気使用許可証 {!PTW}\n申請者：{PERSON:lat}（{!BRAND}サービス）\n監視人：{PERSON}\n緊急連絡先：{PHONE}\n"
    "場所：{!PLACE}",
    "高所作業許可：{PERSON}殿、{PERSON}殿。安全帯点検済み、風速{!MEASURE}。承認者 {PERSON}。",
    # 顧客クレーム受付票
    "顧客クレーム受付票\n受付番号：{!CMP}\nお客様氏名：{PERSON}様\nご住所：{POSTAL_CODE} {ADDRESS}\n"
    "電話：{PHONE}\nメール：{EMAIL}\n内容：{!PART}に{!MEASURE}のバリ",
    "クレーム受付 {!DATETIME} {PERSON}様（{PHONE}）より、{!LOT}の{!KATAKANA}が作動しないとの連絡。"
    "返金は{CARD_NUMBER}のカードへ。",
    "苦情受付：お名前 {PERSON}様／フリガナ {PERSON:kana}／郵便番号 {POSTAL_CODE}／住所 {ADDRESS}",
    # 外注先連絡メモ
    "外注先連絡メモ\n外注先：{!BRAND}代理店\n担当：{PERSON}様\nTEL：{PHONE}\nE-mail：{EMAIL}\n"
    "内容：{!PART}の納期を{!DATE}に変更。",
    "{!DATE} 外注先{PERSON:lat}氏より電話（{PHONE}）。{!WO}の{!KATAKANA}は再メッキ。住所変更：{ADDRESS}",
    "外注メモ：{PERSON}さん→{PERSON}さん 図面{!PART}を{EMAIL}へ送付済み",
    # 安全衛生委員会議事録
    "安全衛生委員会議事録（{!DATE}）\n出席者：{PERSON}、{PERSON}、{PERSON}、{PERSON}\n"
    "議長：{PERSON}（{!DEPT}）\n1. {!PLACE}の{!KATAKANA}ヒヤリハット報告",
    "第{~N}回 安全衛生委員会\n出席者：{PERSON}委員長、{PERSON:lat}、{PERSON}、{PERSON}\n"
    "産業医：{PERSON}先生\n議題：{!PHRASE}の運用見直し",
    # 工場見学申込書
    "工場見学申込書\n団体名：{!DEPT}研修\n代表者氏名：{PERSON}\nフリガナ：{PERSON:kana}\n"
    "住所：{POSTAL_CODE} {ADDRESS}\n電話番号：{PHONE}\nメール：{EMAIL}\n見学希望日：{!DATE}",
    "見学申込（Web）氏名={PERSON} 電話={PHONE} メール={EMAIL} 人数={~N} 希望={!DATE}",
    # LINE / Teams
    "{PERSON:given}さん、{!TIME}から{!EQUIP}止まってます😢\n了解、{PERSON}に電話します（{PHONE}）",
    "［Teams］{PERSON} {!TIME}\n{!EVT}出ました。{PERSON}さんいますか？\n"
    "［Teams］{PERSON} {!TIME}\nいま{!PLACE}",
    "{PERSON}：お疲れさまです！{!LOT}の件、{EMAIL}に送りました🙏\n{PERSON}：ありがとう",
    "LINE {PERSON:given}「明日の{!PHRASE}、{!TIME}集合で」{PERSON}「りょ」",
    # e-mail in Japanese
    "{PERSON}様\n\nお世話になっております。{!DEPT}の{PERSON@s}です。\n{!PART}の{!KATAKANA}の件、"
    "ご確認ください。\n\n――――――\n{PERSON@s}\n{POSTAL_CODE} {ADDRESS}\nTEL: {PHONE}\nE-mail: {EMAIL}",
    "-----Original Message-----\n差出人: {PERSON} <{EMAIL}>\n送信日時: {!DATETIME}\n宛先: {PERSON}\n"
    "件名: RE: {!EQUIP} {!EVT}\n\n> {PERSON}さん\n> {!MEASURE}で再調整しました。",
    "{!DATE} {PERSON@a}さん（{EMAIL@a}）からの返信：\n> {!LOT}は出荷保留で\n了解しました。{PERSON}",
    # MES / andon logs
    "発生日時={!DATETIME} 設備={!EQUIP} イベント={!EVT} 担当={PERSON} 端末IP={IP_ADDRESS}",
    "[アンドン] {!DATETIME} {!PLACE} {!EVT} 呼出者={PERSON} 応答={PERSON:lat} 品目={!MAT10}",
    "mes.event code={!EVT} eq={!EQUIP} user={PERSON:lat} host={IP_ADDRESS} mac={MAC_ADDRESS} lot={!LOT}",
    # voice transcripts
    "えーと{PERSON}さんに伝えてください{!EQUIP}がまた止まってます{!EVT}です折り返しは{PHONE:digits}で",
    "あの{PERSON}です{!PLACE}から{!KATAKANA}の予備がないので{PERSON}さんに手配お願いしますえっと品番は{!MAT10}",
    "はい{PERSON:given}ですけど今{!MEASURE}出てるんで{PERSON}課長に言っといてもらえます",
    # IT tickets
    "【PC不具合】利用者：{PERSON}\n端末名：{!HOST}\nIPアドレス：{IP_ADDRESS}\nMACアドレス：{MAC_ADDRESS}\n"
    "症状：{!BRAND}ツールが起動しない",
    "問合せ{!TKT}：{PERSON}さんのPC（{IP_ADDRESS}）がドメイン参加できない。連絡先{PHONE}。",
    "IT依頼 {!TKT} 新規アカウント {PERSON:lat} / {EMAIL} / 端末 {!HOST} / MAC {MAC_ADDRESS}",
    # HR and payments
    "扶養控除申告書：{PERSON}さんの個人番号{MY_NUMBER}を確認済み。{!DEPT}で保管。",
    "マイナンバー {MY_NUMBER}（{PERSON}）は{!DATE}に回収。",
    "出張費立替：{PERSON} 法人カード番号{CARD_NUMBER} 伝票{!WO}",
    "カード{CARD_NUMBER}の二重請求について{PERSON}様へ{PHONE}で連絡。",
    "社宅申請：{PERSON}、現住所 {POSTAL_CODE} {ADDRESS}、緊急連絡先 {PHONE}",
    "来訪者：{PERSON:lat}様（{!BRAND}）、{!TIME}来社、ゲストWi-Fi {IP_ADDRESS}",
    "配送先変更：{ADDRESS} {PERSON}様 電話{PHONE} 伝票{!WO}",
    "年末調整：{PERSON}さん（{!DEPT}）個人番号{MY_NUMBER}、送付先{POSTAL_CODE}。",
    "法人カード再発行：{PERSON}、旧カード{CARD_NUMBER}、新カード{CARD_NUMBER}。",
    "{PERSON}主任より：{!KATAKANA}のトルク{!MEASURE}、{!EQUIP}のログは{IP_ADDRESS}に保存。",
)


@dataclass
class _Persona:
    given: str
    family: str
    src: str
    family_first: bool
    script: str  # latin, kanji, kana
    ascii_given: str
    ascii_family: str


def _fold(text: str) -> str:
    out = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z]", "", out.lower())


class _Builder:
    def __init__(self, seed: int) -> None:
        try:
            from faker import Faker
        except ImportError:
            raise MissingExtra("faker", "bench", "The final evaluation set's data generator") from None
        self.rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
        self.fakers: dict[str, Any] = {}
        for i, loc in enumerate(sorted({*_FAKER_PERSON_LOCALES, *_ADDRESS_LOCALES, "ja_JP"})):
            fake = Faker(loc)
            fake.seed_instance(seed * 1000 + i)
            self.fakers[loc] = fake
        self.bound: dict[str, _Persona] = {}

    # -- samples ---------------------------------------------------------------------------------

    def sample(self, lang: str, template: str) -> Sample:
        self.bound = {}
        sample = Sample(lang, "", template)
        parts: list[str] = []
        pos = 0
        for piece in re.split(r"(\{[^{}]+\})", template):
            if not (piece.startswith("{") and piece.endswith("}")):
                parts.append(piece)
                pos += len(piece)
                continue
            slot = piece[1:-1]
            if slot.startswith("~"):
                text = self.filler(slot[1:])
                parts.append(text)
                pos += len(text)
                continue
            if slot.startswith("!"):
                text, form = self.negative(slot[1:], lang)
                sample.negatives.append(Label(NEGATIVE, pos, pos + len(text), text, form))
                parts.append(text)
                pos += len(text)
                continue
            head, _, mod_text = slot.partition(":")
            kind, _, bind = head.partition("@")
            mods = tuple(m for m in mod_text.split(",") if m)
            before, value, after, form = self.value(kind, lang, mods, bind)
            start = pos + len(before)
            sample.labels.append(Label(kind, start, start + len(value), value, form))
            text = before + value + after
            parts.append(text)
            pos += len(text)
        sample.text = "".join(parts)
        return sample

    def value(self, kind: str, lang: str, mods: tuple[str, ...], bind: str) -> tuple[str, str, str, str]:
        if kind == "PERSON":
            persona = self.bound.get(bind) if bind else None
            if persona is None:
                persona = self.persona(lang, latin="lat" in mods, kana="kana" in mods)
                if bind:
                    self.bound[bind] = persona
            return self.render_person(persona, lang, mods)
        if kind == "EMAIL":
            address, form, _ = self.email(self.bound.get(bind) if bind else None, lang)
            return "", address, "", form
        make = {
            "PHONE": self.phone,
            "POSTAL_CODE": self.postal_code,
            "ADDRESS": self.address,
            "CARD_NUMBER": self.card,
            "MY_NUMBER": self.my_number,
            "IP_ADDRESS": self.ip,
            "MAC_ADDRESS": self.mac,
        }[kind]
        value, form, after = make(lang, mods)
        return "", value, after, form

    # -- persons ---------------------------------------------------------------------------------

    def persona(  # noqa: PLR0911 - one return per name source
        self, lang: str, latin: bool = False, kana: bool = False
    ) -> _Persona:
        r = self.rng.random()
        if kana:
            return self._ja_faker("kana") if r < 0.8 else self._ko("ko-katakana")
        if lang == "ja" and not latin:
            if r < 0.42:
                return self._ja_faker("kanji")
            if r < 0.54:
                return self._ja_faker("kana")
            if r < 0.62:
                return self._ja_faker("romaji")
            if r < 0.75:
                fam, giv = self.rng.choice(_JA_OLD_FAMILY), self.rng.choice(_JA_RARE_GIVEN)
                ja = self.fakers["ja_JP"]
                return _Persona(
                    giv, fam, "ja-oldform", True, "kanji", ja.first_romanized_name(), ja.last_romanized_name()
                )
            if r < 0.84:
                return self._ko("ko-katakana")
            if r < 0.90:
                giv, fam = self.rng.choice(_FOREIGN_KANA)
                return _Persona(giv, fam, "foreign-katakana", False, "kana", "", "")
            r = self.rng.random()
        if r < 0.62:
            loc = self.rng.choice(_FAKER_PERSON_LOCALES)
            fake = self.fakers[loc]
            giv, fam = fake.first_name(), fake.last_name()
            return _Persona(giv, fam, loc, loc in _FAMILY_FIRST_SOURCES, "latin", _fold(giv), _fold(fam))
        if r < 0.86:
            src = self.rng.choice(sorted(_HAND_LATIN))
            giv, fam = self.rng.choice(_HAND_LATIN[src])
            return _Persona(giv, fam, src, src in _FAMILY_FIRST_SOURCES, "latin", _fold(giv), _fold(fam))
        if r < 0.94:
            return self._ja_faker("romaji")
        return self._ko("ko-romaji")

    def _ja_faker(self, script: str) -> _Persona:
        ja = self.fakers["ja_JP"]
        rg, rf = ja.first_romanized_name(), ja.last_romanized_name()
        if script == "kanji":
            return _Persona(ja.first_name(), ja.last_name(), "ja_JP-kanji", True, "kanji", rg, rf)
        if script == "kana":
            return _Persona(ja.first_kana_name(), ja.last_kana_name(), "ja_JP-katakana", True, "kana", "", "")
        return _Persona(rg, rf, "ja_JP-romaji", self.rng.random() < 0.4, "latin", _fold(rg), _fold(rf))

    def _ko(self, src: str) -> _Persona:
        (fk, fr), (gk, gr) = self.rng.choice(_KO_FAMILY), self.rng.choice(_KO_GIVEN)
        if src == "ko-katakana":
            return _Persona(gk, fk, src, True, "kana", _fold(gr), _fold(fr))
        return _Persona(gr, fr, src, self.rng.random() < 0.6, "latin", _fold(gr), _fold(fr))

    def render_person(  # noqa: PLR0912 - one branch per way of writing a name
        self, p: _Persona, lang: str, mods: tuple[str, ...]
    ) -> tuple[str, str, str, str]:
        tags = [p.src]
        rng = self.rng
        if p.script == "kanji":
            sep = rng.choice(("", "", " ", "\u3000"))
        elif p.script == "kana":
            sep = rng.choice((" ", "・", "\u3000"))
        else:
            sep = " "
        if not p.family:
            value = p.given
        elif p.family_first:
            value = f"{p.family}{sep}{p.given}"
        else:
            value = f"{p.given}{sep}{p.family}"
        if "given" in mods and p.given and p.family:
            value = p.given
            tags.append("given-only")
        elif "sur" in mods and p.family:
            value = p.family
            tags.append("surname-only")
        elif "sf" in mods and p.family and p.script == "latin":
            value = rng.choice(
                (f"{p.family.upper()}, {p.given}", f"{p.family}, {p.given}", f"{p.family} {p.given}")
            )
            tags.append("surname-first")
        elif p.family_first and p.family:
            tags.append("native-order")
        before, after = "", ""
        if p.script == "latin":
            if "caps" in mods:
                value = value.upper()
                tags.append("caps")
            elif "lower" in mods or ("tx" in mods and rng.random() < 0.65):
                value = value.lower()
                tags.append("lower")
            elif lang == "en" and not mods and rng.random() < 0.08:
                value = value.upper()
                tags.append("caps")
        if "tx" in mods:
            tags.append("transcript")
        if "title" in mods:
            family = _TITLE_FAMILY.get(p.src, "en")
            before = rng.choice(_TITLES[family])
            tags.append("title")
        if "poss" in mods:
            after = "'" if value.endswith("s") else rng.choice(("'s", "'s", "’s"))
            tags.append("possessive")
        return before, value, after, " ".join(tags)

    # -- e-mail ----------------------------------------------------------------------------------

    def email(self, p: _Persona | None, lang: str) -> tuple[str, str, str]:
        rng = self.rng
        if p is None:
            p = self.persona("en")
        giv = p.ascii_given or _fold(self.fakers["ja_JP"].first_romanized_name())
        fam = p.ascii_family or _fold(self.fakers["ja_JP"].last_romanized_name())
        giv, fam = giv or "mg", fam or "tan"
        loc = rng.choice(("ja_JP", *_ADDRESS_LOCALES, "pl_PL", "tr_TR", "vi_VN"))
        fake = self.fakers[loc]
        r = rng.random()
        if r < 0.2:
            local, form = f"{giv}.{fam}", "given.family"
        elif r < 0.35:
            local, form = f"{giv[0]}{fam}", "initial-family"
        elif r < 0.5:
            local, form = f"{fam}_{giv}{rng.randint(60, 99)}", "family_given-digits"
        elif r < 0.62:
            local, form = f"{giv}.{fam}+{rng.choice(('ppap', 'andon', 'qa', 'shift2'))}", "plus-tag"
        elif r < 0.74:
            local, form = f"{fam}-{giv[:1]}", "family-initial"
        else:
            return fake.free_email(), f"faker-free {loc}", ""
        domain = fake.domain_name()
        if rng.random() < 0.3:
            domain = f"{rng.choice(('mail', 'plant', 'corp', 'qa'))}.{domain}"
            form += " subdomain"
        value = f"{local}@{domain}"
        if lang == "en" and rng.random() < 0.1:
            value = value.upper()
            form += " caps"
        return value, form, ""

    # -- phones ----------------------------------------------------------------------------------

    def phone(self, lang: str, mods: tuple[str, ...]) -> tuple[str, str, str]:
        import phonenumbers as pn

        rng = self.rng
        region = "JP" if lang == "ja" and rng.random() < 0.75 else rng.choice(_PHONE_REGIONS)
        number = self._valid_number(region)
        fmt = pn.PhoneNumberFormat
        national = pn.format_number(number, fmt.NATIONAL)
        intl = pn.format_number(number, fmt.INTERNATIONAL)
        candidates: list[tuple[str, str]]
        if "digits" in mods:
            candidates = [
                (re.sub(r"\D", "", national), "digits"),
                (pn.format_number(number, fmt.E164), "e164"),
            ]
        else:
            candidates = [
                (national, "national"),
                (national, "national"),
                (intl, "international"),
                (pn.format_number(number, fmt.E164), "e164"),
                (re.sub(r"\D", "", national), "digits"),
                (re.sub(r"[\s-]+", ".", national.replace("(", "").replace(")", "")), "dotted"),
            ]
            cc = str(number.country_code)
            if region in _TRUNK0_REGIONS:
                candidates.append((intl.replace(f"+{cc} ", f"+{cc} (0)", 1), "intl-trunk0"))
        ok = [(v, f) for v, f in candidates if self._same_number(v, region, number)]
        value, shape = rng.choice(ok) if ok else (national, "national")
        form = f"{shape} {region.lower()}"
        if "ext" in mods:
            ext = rng.choice((" ext. ", " x", " ext ", " Ext. ")) + str(rng.randint(10, 4999))
            if self._same_number(value + ext, region, number):
                value += ext
                form += " ext"
        elif lang == "ja" and rng.random() < 0.25:
            wide = value.translate(_FW)
            if self._same_number(wide, region, number):
                value = wide
                form += " fullwidth"
        return value, form, ""

    def _valid_number(self, region: str) -> Any:
        import phonenumbers as pn

        rng = self.rng
        kind = rng.choice((pn.PhoneNumberType.FIXED_LINE, pn.PhoneNumberType.MOBILE))
        example = pn.example_number_for_type(region, kind)
        if example is None:  # pragma: no cover - every region here has both kinds
            raise ValueError(region)
        nsn = pn.national_significant_number(example)
        cc = example.country_code
        for attempt in range(80):
            if region in _NANP_AREAS:
                cand = rng.choice(_NANP_AREAS[region]) + rng.choice("23456789") + self.digits(6)
                if cand[3:6] == "555":
                    continue
            elif region == "JP" and kind == pn.PhoneNumberType.FIXED_LINE:
                area = rng.choice(_JP_AREAS)
                cand = area + rng.choice("2345678") + self.digits(8 - len(area))
            elif region == "JP":
                cand = rng.choice(("70", "80", "90")) + rng.choice("123456789") + self.digits(7)
            else:
                keep = min(len(nsn) - 4, rng.choice((1, 2, 2, 3)) if attempt < 40 else 4)
                cand = nsn[:keep] + self.digits(len(nsn) - keep)
            try:
                number = pn.parse(f"+{cc}{cand}")
            except pn.NumberParseException:
                continue
            if pn.is_valid_number(number) and pn.region_code_for_number(number) == region:
                return number
        return example

    @staticmethod
    def _same_number(text: str, region: str, number: Any) -> bool:
        import phonenumbers as pn

        try:
            parsed = pn.parse(unicodedata.normalize("NFKC", text), region)
        except pn.NumberParseException:
            return False
        return bool(pn.is_valid_number(parsed)) and parsed.national_number == number.national_number

    # -- postal codes and addresses ----------------------------------------------------------------

    def postal_code(self, lang: str, mods: tuple[str, ...]) -> tuple[str, str, str]:  # noqa: ARG002
        rng = self.rng
        if lang == "ja":
            code = self.fakers["ja_JP"].zipcode()
            r = rng.random()
            if r < 0.5:
                value, form = f"〒{code}", "jp-mark"
            elif r < 0.75:
                value, form = code, "jp-hyphen"
            elif r < 0.85:
                value, form = f"〒{code.replace('-', '')}", "jp-mark-plain"
            else:
                value, form = code.replace("-", ""), "jp-plain"
            if rng.random() < 0.25:
                value = value.translate(_FW)
                form += " fullwidth"
            return value, form, ""
        r = rng.random()
        us = self.fakers["en_US"]
        if r < 0.35:
            return us.zipcode(), "us-zip5", ""
        if r < 0.55:
            return f"{us.zipcode()}-{self.digits(4)}", "us-zip9", ""
        if r < 0.75:
            return self.fakers["en_GB"].postcode(), "gb", ""
        if r < 0.88:
            return self.fakers["en_IE"].postcode(), "ie-eircode", ""
        return f"〒{self.fakers['ja_JP'].zipcode()}", "jp-mark", ""

    def address(self, lang: str, mods: tuple[str, ...]) -> tuple[str, str, str]:  # noqa: ARG002
        if lang == "ja" and self.rng.random() < 0.75:
            return (*self._jp_address(), "")
        kind = self.rng.choice(
            (
                "jp-romaji",
                "us",
                "gb",
                "ie-eircode",
                "fr",
                "de",
                "at",
                "ch",
                "it",
                "es",
                "ar",
                "cl",
                "co",
                "br",
            )
        )
        if kind == "jp-romaji":
            return self._jp_romaji(), kind, ""
        return self._world_address(kind), kind, ""

    def _jp_address(self) -> tuple[str, str]:
        ja, rng = self.fakers["ja_JP"], self.rng
        place = f"{ja.prefecture()}{ja.city()}{ja.town()}"
        a, b, c = rng.randint(1, 9), rng.randint(1, 40), rng.randint(1, 30)
        r = rng.random()
        if r < 0.3:
            rest, form = f"{a}丁目{b}番{c}号", "jp-chome"
        elif r < 0.5:
            rest, form = f"{rng.randint(100, 3999)}番地", "jp-banchi"
        elif r < 0.65:
            rest, form = f"{rng.randint(1, 999)}番地{rng.randint(1, 20)}", "jp-banchi-branch"
        elif r < 0.85:
            rest, form = f"{a}-{b}-{c}", "jp-hyphen"
        else:
            return ja.address(), "jp-faker"
        if rng.random() < 0.45:
            room = rng.choice(
                (
                    f" {ja.building_name()}{rng.randint(101, 905)}号室",
                    f" {ja.building_name()}{rng.randint(2, 12)}F",
                    f"　第{rng.randint(2, 5)}{ja.building_name()}",
                )
            )
            rest += room
            form += " building"
        if rng.random() < 0.2:
            rest = rest.translate(_FW)
            form += " fullwidth"
        return place + rest, form

    def _jp_romaji(self) -> str:
        rng = self.rng
        town = rng.choice(
            (
                "Shibaura",
                "Kamata",
                "Nishi-Shinjuku",
                "Sakae",
                "Umeda",
                "Hakata-eki-mae",
                "Kita-Aoyama",
                "Toyosu",
                "Nagatsuta",
                "Kariya",
            )
        )
        ward = rng.choice(("Minato-ku", "Ota-ku", "Naka-ku", "Kita-ku", "Midori-ku", "Chuo-ku"))
        city = rng.choice(("Tokyo", "Nagoya", "Osaka", "Fukuoka", "Yokohama", "Aichi"))
        num = f"{rng.randint(1, 9)}-{rng.randint(1, 30)}-{rng.randint(1, 20)}"
        bldg = rng.choice(
            ("", f", {rng.choice(('Shin-Marunouchi', 'Sakura', 'Daiichi'))} Bldg. {rng.randint(2, 20)}F")
        )
        return f"{num} {town}{bldg}, {ward}, {city} {self.fakers['ja_JP'].zipcode()}"

    def _world_address(self, kind: str) -> str:  # noqa: PLR0911 - one return per country
        rng, f = self.rng, self.fakers
        n = rng.randint(1, 240)
        if kind == "us":
            us = f["en_US"]
            return f"{us.street_address()}, {us.city()}, {us.state_abbr()} {us.zipcode()}"
        if kind == "gb":
            gb = f["en_GB"]
            return f"{gb.building_number()} {gb.street_name()}, {gb.city()} {gb.postcode()}"
        if kind == "ie-eircode":
            ie = f["en_IE"]
            county = rng.choice(("Cork", "Galway", "Kildare", "Mayo"))
            return f"{ie.street_address()}, {ie.city()}, Co. {county}, {ie.postcode()}"
        if kind == "fr":
            fr = f["fr_FR"]
            return f"{n} {fr.street_name()}, {fr.postcode()} {fr.city()}"
        if kind in ("de", "at", "ch"):
            loc = {"de": "de_DE", "at": "de_AT", "ch": "de_CH"}[kind]
            fake = f[loc]
            prefix = rng.choice(("", f"{kind.upper()}-")) if kind != "de" else ""
            return f"{fake.street_name()} {n}, {prefix}{fake.postcode()} {fake.city()}"
        if kind == "it":
            it = f["it_IT"]
            return f"{it.street_name()} {n}, {it.postcode()} {it.city()} {it.state_abbr()}"
        if kind == "es":
            es = f["es_ES"]
            floor = rng.choice(("", f", {rng.randint(1, 9)}º {rng.choice('ABCD')}"))
            return f"{es.street_name()}, {n}{floor}, {es.postcode()} {es.city()}"
        if kind == "ar":
            ar = f["es_AR"]
            tail = "".join(rng.choices(string.ascii_uppercase, k=3))
            cpa = f"{rng.choice('BCKSXM')}{rng.randint(1000, 9999)}{tail}"
            return f"{ar.street_name()} {rng.randint(100, 4999)}, {cpa} {ar.city()}"
        if kind == "cl":
            cl = f["es_CL"]
            return f"{cl.street_name()} {rng.randint(100, 4999)}, {cl.city()}, Región Metropolitana"
        if kind == "co":
            co = f["es_CO"]
            return f"{co.street_address()}, {co.city()}"
        br = f["pt_BR"]
        cep = br.postcode().replace("-", "")
        city = f"{br.city()} - {br.estado_sigla()}"
        return f"{br.street_name()}, {n} - {br.bairro()}, {city}, {cep[:5]}-{cep[5:]}"

    # -- numbers ---------------------------------------------------------------------------------

    def card(self, lang: str, mods: tuple[str, ...]) -> tuple[str, str, str]:  # noqa: ARG002
        rng = self.rng
        brand = rng.choice(("visa", "mastercard", "amex", "jcb", "discover", "diners", "unionpay", "maestro"))
        prefix, length = {
            "visa": ("4", rng.choice((13, 16, 16, 19))),
            "mastercard": (rng.choice((str(rng.randint(51, 55)), str(rng.randint(2221, 2720)))), 16),
            "amex": (rng.choice(("34", "37")), 15),
            "jcb": (str(rng.randint(3528, 3589)), rng.choice((16, 16, 17, 18, 19))),
            "discover": (rng.choice(("6011", "65", str(rng.randint(644, 649)))), rng.choice((16, 19))),
            "diners": (rng.choice(("36", "38", "300", "305")), 14),
            "unionpay": ("62", rng.choice((16, 17, 18, 19))),
            "maestro": (rng.choice(("5018", "5020", "5038", "6304", "6759")), rng.choice((13, 15, 19))),
        }[brand]
        body = prefix + self.digits(length - len(prefix) - 1)
        digits = next(body + c for c in string.digits if luhn(body + c))
        groups: tuple[int, ...]
        if length == 15:
            groups, grouping = (4, 6, 5), "g4-6-5"
        elif length == 14:
            groups, grouping = (4, 6, 4), "g4-6-4"
        elif length == 19 and rng.random() < 0.4:
            groups, grouping = (6, 13), "g6-13"
        else:
            groups = tuple([4] * (length // 4) + ([length % 4] if length % 4 else []))
            grouping = "g4"
        r = rng.random()
        if r < 0.3:
            value, grouping = digits, "plain"
        else:
            sep = " " if r < 0.65 else ("-" if r < 0.9 else ".")
            out, k = [], 0
            for g in groups:
                out.append(digits[k : k + g])
                k += g
            value = sep.join(out)
            grouping += {" ": "-space", "-": "-hyphen", ".": "-dot"}[sep]
        form = f"{brand} len{length} {grouping}"
        if lang == "ja" and rng.random() < 0.2:
            value = value.translate(_FW)
            form += " fullwidth"
        return value, form, ""

    def my_number(self, lang: str, mods: tuple[str, ...]) -> tuple[str, str, str]:  # noqa: ARG002
        body = self.digits(11)
        number = body + my_number_check_digit(body)
        r = self.rng.random()
        if r < 0.4:
            value, form = number, "plain"
        elif r < 0.7:
            value, form = f"{number[:4]}-{number[4:8]}-{number[8:]}", "hyphen4"
        elif r < 0.9:
            value, form = f"{number[:4]} {number[4:8]} {number[8:]}", "space4"
        else:
            value, form = f"{number[:4]}　{number[4:8]}　{number[8:]}", "ideographic-space4"
        if lang == "ja" and self.rng.random() < 0.3:
            value = value.translate(_FW)
            form += " fullwidth"
        return value, form, ""

    def ip(self, lang: str, mods: tuple[str, ...]) -> tuple[str, str, str]:  # noqa: ARG002
        rng = self.rng
        r = rng.random()
        after = ""
        if r < 0.3:
            value, form = str(ipaddress.IPv4Address(rng.getrandbits(32))), "ipv4"
        elif r < 0.55:
            net = rng.choice(("10.{}.{}.{}", "192.168.{}.{}", "172.{}.{}.{}"))
            octets = [rng.randint(0, 255) for _ in range(3)]
            if net.startswith("172"):
                octets[0] = rng.randint(16, 31)
            value = net.format(*octets[: net.count("{}")])
            form = "ipv4-private"
            if rng.random() < 0.3:
                after = f":{rng.choice((502, 4840, 44818, 102, 8080))}"
                form += " port"
        elif r < 0.75:
            value, form = (
                ipaddress.IPv6Address(rng.getrandbits(128) & ~((1 << 64) - 1)).compressed,
                "ipv6-compressed",
            )
        elif r < 0.88:
            value, form = ipaddress.IPv6Address(rng.getrandbits(128)).exploded, "ipv6-full"
        else:
            addr = ipaddress.IPv6Address((0xFE80 << 112) | rng.getrandbits(64))
            value, form = addr.compressed, "ipv6-linklocal"
        return value, form, after

    def mac(self, lang: str, mods: tuple[str, ...]) -> tuple[str, str, str]:  # noqa: ARG002
        rng = self.rng
        octets = [f"{rng.randint(0, 255):02x}" for _ in range(6)]
        r = rng.random()
        if r < 0.3:
            return ":".join(octets).upper(), "colon-upper", ""
        if r < 0.55:
            return ":".join(octets), "colon-lower", ""
        if r < 0.75:
            return "-".join(octets).upper(), "hyphen-upper", ""
        if r < 0.85:
            return "-".join(octets), "hyphen-lower", ""
        joined = "".join(octets)
        return ".".join((joined[:4], joined[4:8], joined[8:])), "cisco-dot", ""

    # -- negatives and filler ----------------------------------------------------------------------

    def negative(self, kind: str, lang: str) -> tuple[str, str]:  # noqa: PLR0911, PLR0912 - one per kind
        rng, d = self.rng, self.digits
        ja = lang == "ja"
        year = rng.randint(2024, 2027)
        mo, da, hh, mi = rng.randint(1, 12), rng.randint(1, 28), rng.randint(0, 23), rng.randint(0, 59)
        if kind == "EQUIP":
            return rng.choice(
                (
                    f"P-{rng.randint(100, 499)}{rng.choice('ABC')}",
                    f"FIC-{d(4)}",
                    f"CNV-{rng.randint(1, 40):02d}",
                    f"RB{rng.randint(1, 24):02d}",
                    f"PRS-{rng.randint(1, 9)}",
                    f"TK-{d(3)}",
                    f"M{rng.randint(1, 9)}-{d(2)}",
                    f"#{rng.randint(1, 12)}号機" if ja else f"Press #{rng.randint(1, 12)}",
                )
            ), "equipment"
        if kind == "EVT":
            return rng.choice(
                (
                    f"EVT-ANDON-{d(4)}",
                    f"MES_E{d(4)}",
                    f"ALM-{d(4)}",
                    f"STOP_QUAL_{d(2)}",
                    f"E{d(3)}.{d(2)}",
                    f"FLT:{rng.choice(('OVL', 'ESTOP', 'JAM'))}-{d(3)}",
                )
            ), "mes-event"
        if kind == "WO":
            return rng.choice(
                (f"WO-{year}-{d(6)}", f"WO#{d(7)}", f"W{d(4)}-{d(4)}", f"PM{d(8)}")
            ), "work-order"
        if kind == "MAT10":
            return "1" + d(9), "material10"
        if kind == "SERIAL16":
            while True:
                serial = d(rng.randint(13, 16), first="123456789")
                if not luhn(serial) and not my_number(serial):
                    return serial, "serial-nonluhn"
        if kind == "LOT":
            return rng.choice(
                (
                    f"LOT {year % 100}{rng.choice('ABCDEF')}-{d(4)}",
                    f"L{d(5)}-{d(2)}",
                    f"ロットNo.{d(6)}" if ja else f"batch {d(6)}/{d(2)}",
                    f"{year}{mo:02d}{da:02d}-{d(3)}",
                )
            ), "lot"
        if kind == "PART":
            return rng.choice(
                (
                    f"A{rng.randint(1, 9)}-{d(5)}-{rng.choice('ABC')}",
                    f"PN {d(2)}-{d(4)}-{d(2)}",
                    f"{rng.choice(('BRK', 'HSG', 'SHF'))}-{d(4)}R{rng.randint(1, 9)}",
                )
            ), "part"
        if kind == "DATE":
            return rng.choice(
                (
                    f"{year}-{mo:02d}-{da:02d}",
                    f"{da:02d}/{mo:02d}/{year}",
                    f"{year}年{mo}月{da}日" if ja else f"{da} {('Jan', 'Mar', 'Jun', 'Sep')[mo % 4]} {year}",
                    f"令和{year - 2018}年{mo}月{da}日" if ja else f"{mo}/{da}/{year}",
                )
            ), "date"
        if kind == "TIME":
            return rng.choice(
                (
                    f"{hh:02d}:{mi:02d}",
                    f"{hh:02d}:{mi:02d}:{rng.randint(0, 59):02d}",
                    f"{hh}時{mi}分" if ja else f"{hh % 12 + 1}:{mi:02d} pm",
                )
            ), "time"
        if kind == "DATETIME":
            return rng.choice(
                (
                    f"{year}-{mo:02d}-{da:02d}T{hh:02d}:{mi:02d}:{rng.randint(0, 59):02d}",
                    f"{year}/{mo:02d}/{da:02d} {hh:02d}:{mi:02d}",
                    f"{year}-{mo:02d}-{da:02d} {hh:02d}:{mi:02d}:{rng.randint(0, 59):02d}.{d(3)}",
                )
            ), "datetime"
        if kind == "QDATE":
            day = ("Mon", "Tue", "Wed", "Thu", "Fri")[rng.randint(0, 4)]
            return f"{day}, {da} {('Jan', 'Apr', 'Jul', 'Oct')[mo % 4]} {year} {hh:02d}:{mi:02d}", "date"
        if kind == "MEASURE":
            return rng.choice(
                (
                    f"{rng.uniform(0.01, 50):.2f} mm",
                    f"{rng.randint(5, 400)} N·m",
                    f"{rng.uniform(0.5, 9.9):.1f} bar",
                    f"{rng.randint(200, 3600):,} rpm",
                    f"{rng.choice((24, 100, 200, 400))} V",
                    f"{rng.uniform(20, 90):.1f}℃",
                    f"±{rng.uniform(0.01, 0.2):.2f}mm",
                    f"{rng.uniform(0.5, 12):.1f} mm/s",
                    f"{rng.uniform(18, 22):.1f}%",
                )
            ), "measurement"
        if kind == "BRAND":
            return rng.choice(_BRANDS), "brand"
        if kind == "PLACE":
            return rng.choice(_PLACES_JA if ja else _PLACES_EN), "plant-place"
        if kind == "PHRASE":
            return rng.choice(_PHRASES), "plant-phrase"
        if kind == "KATAKANA":
            return rng.choice(_KATAKANA), "katakana-term"
        if kind == "DEPT":
            return rng.choice(_DEPTS_JA if ja else _DEPTS_EN), "department"
        if kind == "PTW":
            return rng.choice((f"PTW-{d(5)}", f"HW-{year}-{d(3)}", f"CSE/{d(4)}")), "permit-number"
        if kind == "CMP":
            return rng.choice((f"CC-{year}-{d(5)}", f"QC{d(6)}", f"8D-{d(4)}")), "complaint-number"
        if kind == "TKT":
            return rng.choice((f"INC{d(7)}", f"RITM{d(7)}", f"SR-{d(6)}")), "ticket-number"
        if kind == "HOST":
            return rng.choice(
                (f"PC-ASSY-{d(3)}", f"WS-QA-{d(2)}", f"HMI-L{rng.randint(1, 9)}-{d(2)}", f"KIOSK{d(3)}")
            ), "hostname"
        if kind == "BIN":
            return rng.choice(
                (f"A-{d(2)}-{d(2)}-{rng.choice('ABCD')}", f"R{d(2)}-S{rng.randint(1, 9)}-L{d(1)}")
            ), "bin"
        raise ValueError(kind)

    def filler(self, kind: str) -> str:
        if kind == "EXT":
            return self.digits(self.rng.choice((3, 4)), first="123456789")
        return str(self.rng.randint(2, 30))

    def digits(self, n: int, first: str = string.digits) -> str:
        if n <= 0:
            return ""
        return self.rng.choice(first) + "".join(self.rng.choice(string.digits) for _ in range(n - 1))


def generate_final(per_lang: int, seed: int = 41) -> list[Sample]:
    """``per_lang`` samples in English, then in Japanese; the templates rotate in a seeded order."""
    builder = _Builder(seed)
    out: list[Sample] = []
    for lang, templates in (("en", EN_TEMPLATES), ("ja", JA_TEMPLATES)):
        order = list(templates)
        random.Random(f"{seed}-{lang}").shuffle(order)  # noqa: S311 - reproducible order, not secrets
        out.extend(builder.sample(lang, order[i % len(order)]) for i in range(per_lang))
    return out
