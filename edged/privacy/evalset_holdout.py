"""A hold-out evaluation set: plant paperwork of kinds the other sets never used, measured once.

Written without looking at the detectors, their word lists or the other evaluation sets, so its
figures are the honest ones. The documents are CMMS work-order exports, incident and near-miss
reports, onboarding checklists, 8D supplier complaints, shift-channel chat, visitor badge and
overtime requests, training sign-off sheets and delivery notes in English, and 日報, ヒヤリハット報告,
申し送り, 発注書, 作業指示書, 納品書 and 社内チャット in Japanese.

Every value to find is built here (Faker locales and hand-written lists, see ``SOURCES``) and every
label carries a ``form`` whose first tag says how the value was built (``name_lk``, ``jp_mobile``,
``de_address`` ...). Hard negatives (equipment tags, work orders, SAP material numbers, lots, dates,
measurements, torques, brands, plant places, katakana product words, capitalised plant phrases)
are checked so that none of them is a valid phone number, card number or My Number.
"""

from __future__ import annotations

import ipaddress
import random
import re
import string
import unicodedata
from collections.abc import Callable
from typing import Any, ClassVar

from edged.errors import MissingExtra
from edged.privacy.checks import luhn, my_number, my_number_check_digit
from edged.privacy.evalset import NEGATIVE, Label, Sample

SOURCES: dict[str, str] = {
    "faker": "Faker locales en_PH, en_NG, ha_NG, yo_NG, ig_NG, en_IN, en_TH (romanised Thai), id_ID, sw, "
    "en_KE, pt_PT, pt_BR (address parts), nl_NL, sv_SE, fi_FI, hu_HU, cs_CZ, ro_RO, uk_UA (transliterated "
    "to Latin here with the Ukrainian 2010 national table), zh_TW (romanised and hanzi), ja_JP (kanji, "
    "katakana, romaji, towns, building names), en_US / en_GB / de_DE / nl_NL / en_PH (addresses), "
    "company e-mails of several locales",
    "hand-written": "Sri Lankan, Nepali, Ethiopian, Mongolian, Bangladeshi, Brazilian, Filipino and "
    "Vietnamese names; Japanese given names in hiragana; Japanese surnames of three or more kanji; "
    "katakana renderings of foreign workers' names; nicknames; romanised Japanese towns and wards; "
    "Japanese prefecture+city pairs of manufacturing towns; supplier e-mail domains",
    "phonenumbers": "every PHONE value is checked with phonenumbers.is_valid_number for its region "
    "(US/CA, JP, GB, DE, PH, TH, ID, BR); negatives are checked to hold no valid number",
    "checks": "edged.privacy.checks: Luhn for cards, the My Number check digit",
    "templates": "48 English and 48 Japanese sentence templates written for this set",
}

# --------------------------------------------------------------------------------------------------
# hand-written name lists

_LK_GIVEN = (
    "Nimal",
    "Kamal",
    "Sunil",
    "Chaminda",
    "Dilshan",
    "Tharindu",
    "Nuwan",
    "Ruwan",
    "Sanjeewa",
    "Chathurika",
    "Dilani",
    "Nadeesha",
    "Ishara",
    "Hasini",
    "Sachini",
    "Kasun",
    "Lahiru",
    "Pradeep",
    "Upul",
    "Anuradha",
)
_LK_FAMILY = (
    "Perera",
    "Fernando",
    "Jayasuriya",
    "Wickramasinghe",
    "Bandara",
    "Gunawardena",
    "Dissanayake",
    "Senanayake",
    "Herath",
    "Weerasinghe",
    "Ranasinghe",
    "Abeysekera",
    "Karunaratne",
    "Samarasinghe",
    "Jayawardena",
    "Wijesinghe",
    "Rathnayake",
    "Ekanayake",
    "Wanniarachchi",
    "Liyanage",
)
_NP_GIVEN = (
    "Bishal",
    "Sujan",
    "Anish",
    "Prakash",
    "Sabina",
    "Sunita",
    "Pooja",
    "Ramesh",
    "Binod",
    "Kiran",
    "Sarita",
    "Dipesh",
    "Nabin",
    "Manisha",
    "Roshan",
    "Sushma",
    "Bikash",
    "Srijana",
)
_NP_FAMILY = (
    "Shrestha",
    "Gurung",
    "Tamang",
    "Thapa",
    "Magar",
    "Rai",
    "Limbu",
    "Adhikari",
    "Bhattarai",
    "Karki",
    "Khadka",
    "Poudel",
    "Maharjan",
    "Sherpa",
    "Basnet",
    "Koirala",
    "Dahal",
    "Ghimire",
)
_ET_GIVEN = (
    "Abebe",
    "Tigist",
    "Yohannes",
    "Meseret",
    "Dawit",
    "Selamawit",
    "Tesfaye",
    "Hirut",
    "Bereket",
    "Mekdes",
    "Getachew",
    "Alemayehu",
    "Tsion",
    "Kidist",
    "Henok",
    "Biniam",
    "Fikirte",
    "Yared",
)
_ET_FATHER = (
    "Bekele",
    "Tadesse",
    "Haile",
    "Mengistu",
    "Girma",
    "Woldemariam",
    "Kebede",
    "Alemu",
    "Desta",
    "Gebremedhin",
    "Abera",
    "Negash",
    "Assefa",
    "Tekle",
    "Worku",
    "Demissie",
)
_MN_GIVEN = (
    "Bat-Erdene",
    "Enkhbayar",
    "Oyunchimeg",
    "Tserendorj",
    "Ganbold",
    "Munkhbat",
    "Altantsetseg",
    "Bolormaa",
    "Temuulen",
    "Naranbaatar",
    "Sarangerel",
    "Erdenebileg",
    "Khulan",
    "Nomin",
    "Batbayar",
    "Anujin",
)
_MN_PATRONYM = (
    "Dorj",
    "Batbayar",
    "Sukhbaatar",
    "Ganzorig",
    "Tsogt",
    "Purev",
    "Baatar",
    "Byambaa",
    "Otgonbayar",
    "Luvsan",
    "Damdin",
    "Chuluun",
)
_BD_GIVEN = (
    "Rahim",
    "Karim",
    "Tanvir",
    "Farhana",
    "Nusrat",
    "Sabbir",
    "Mahmudul",
    "Shahana",
    "Rafiqul",
    "Arif",
    "Sumaiya",
    "Jannatul",
    "Mizanur",
    "Shirin",
    "Anisur",
    "Tahmina",
    "Mehedi",
    "Rokeya",
)
_BD_FAMILY = (
    "Hossain",
    "Rahman",
    "Islam",
    "Chowdhury",
    "Ahmed",
    "Uddin",
    "Akter",
    "Begum",
    "Sarker",
    "Haque",
    "Talukder",
    "Bhuiyan",
    "Miah",
    "Khatun",
    "Mollah",
    "Siddique",
)
_BR_GIVEN = (
    "João Pedro",
    "Ana Lúcia",
    "Luiz Fernando",
    "Maria Eduarda",
    "Thiago",
    "Gustavo",
    "Larissa",
    "Letícia",
    "Rafaela",
    "Rodrigo",
    "Caio",
    "Bruna",
    "Wellington",
    "Gleice",
    "Jéssica",
    "Cláudio",
    "Márcia",
    "Vinícius",
)
_BR_FAMILY = (
    "da Silva",
    "dos Santos",
    "Ferreira",
    "Oliveira",
    "Nascimento",
    "Carvalho",
    "Albuquerque",
    "Gonçalves",
    "Rocha",
    "Cavalcanti",
    "de Souza",
    "Pereira Lima",
    "Araújo",
    "Barbosa",
    "Monteiro",
    "Magalhães",
)
_PH_GIVEN = (
    "Maricel",
    "Jericho",
    "Rowena",
    "Jonel",
    "Mylene",
    "Arnel",
    "Jhun",
    "Rhea Mae",
    "Kristine Joy",
    "Ramil",
    "Analyn",
    "Edwin",
    "Lovely",
    "Rodel",
    "Jennylyn",
    "Marvin",
)
_PH_FAMILY = (
    "dela Cruz",
    "Santos",
    "Reyes",
    "Bautista",
    "Villanueva",
    "Mercado",
    "Dimaculangan",
    "Panganiban",
    "Manalo",
    "Magbanua",
    "Pangilinan",
    "Soriano",
    "Tolentino",
    "Macaraeg",
    "Dizon",
    "Sarmiento",
)
_VI_FAMILY = (
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
)
_VI_MIDDLE = ("Văn", "Thị", "Đức", "Minh", "Ngọc", "Hữu", "Thanh", "Quốc", "Thu", "Xuân")
_VI_GIVEN = (
    "Hằng",
    "Nam",
    "Tuấn",
    "Lan",
    "Hương",
    "Dũng",
    "Long",
    "Thảo",
    "Phương",
    "Hải",
    "Trang",
    "Khoa",
    "Vy",
    "Quân",
    "Nhung",
    "Tâm",
)
_NICKNAMES = (
    "Jojo",
    "Bong",
    "Nimo",
    "Tito",
    "Kiki",
    "Ace",
    "Bobby",
    "Lulu",
    "Dodong",
    "Neneng",
    "Chino",
    "Babu",
    "Zé",
    "Guga",
    "Tuan",
    "Mo",
    "Sunny",
    "Doc",
)
_JA_HIRAGANA_GIVEN = (
    "さくら",
    "ひなた",
    "ゆうき",
    "はるか",
    "あおい",
    "みのり",
    "かおる",
    "ひろみ",
    "つばさ",
    "ゆい",
    "まこと",
    "あやめ",
    "ちひろ",
    "なつみ",
    "しおり",
    "ことね",
    "いずみ",
    "めぐみ",
)
_JA_LONG_SURNAMES = (
    "勅使河原",
    "長谷川",
    "佐々木",
    "五十嵐",
    "小野寺",
    "大和田",
    "宇佐美",
    "久保田",
    "東海林",
    "小笠原",
    "長宗我部",
    "武者小路",
    "伊集院",
    "神宮寺",
    "二階堂",
    "西園寺",
    "日比野",
    "阿久津",
    "宇都宮",
    "小山田",
    "大久保",
    "四ノ宮",
    "三田村",
    "小野田",
)
_JA_KATAKANA_FOREIGN = (
    "グエン・ヴァン・ナム",
    "チャン・ティ・ラン",
    "ペレイラ・ジョアン",
    "サントス マリア",
    "バトバヤル",
    "シュレスタ・ビシャル",
    "グルン スジャン",
    "フェルナンド・ニマル",
    "アデバヨ・オルワセウン",
    "ラフマン・ハッサン",
    "ダシルバ ルーカス",
    "ソムチャイ",
    "ブディ・サントソ",
    "ヨハンソン リサ",
    "ファム・ドゥック・アイン",
    "レ・ティ・フォン",
    "タパ・ロシャン",
    "アベベ・ベケレ",
)
_JA_GIVEN_KANJI_EXTRA = ("健太", "美咲", "翔", "陽菜", "大翔", "結衣", "蓮", "凛")

# --------------------------------------------------------------------------------------------------
# addresses and domains

_JP_PLACES = (
    "愛知県豊田市",
    "愛知県刈谷市",
    "静岡県浜松市中央区",
    "大阪府堺市北区",
    "神奈川県川崎市幸区",
    "埼玉県さいたま市大宮区",
    "兵庫県姫路市",
    "広島県東広島市",
    "福岡県北九州市小倉北区",
    "群馬県太田市",
    "栃木県宇都宮市",
    "三重県四日市市",
    "岐阜県各務原市",
    "茨城県日立市",
    "長野県諏訪市",
    "山形県米沢市",
    "熊本県菊池郡菊陽町",
    "滋賀県草津市",
    "富山県高岡市",
    "岡山県倉敷市",
)
_JP_BUILDINGS = ("ビル", "ハイツ", "コーポ", "レジデンス", "テクノセンター", "第二ビル", "荘")
_JP_ROMAJI = (
    ("Higashi-Shinagawa", "Shinagawa-ku", "Tokyo", "140-0002"),
    ("Nishi-Shinjuku", "Shinjuku-ku", "Tokyo", "160-0023"),
    ("Sakae", "Naka-ku", "Nagoya, Aichi", "460-0008"),
    ("Umeda", "Kita-ku", "Osaka", "530-0001"),
    ("Minatomirai", "Nishi-ku", "Yokohama, Kanagawa", "220-0012"),
    ("Hakata-ekimae", "Hakata-ku", "Fukuoka", "812-0011"),
    ("Toyota-cho", "", "Toyota-shi, Aichi", "471-0826"),
    ("Showa-cho", "", "Kariya-shi, Aichi", "448-0029"),
    ("Sumiyoshi-cho", "Naka-ku", "Hamamatsu, Shizuoka", "430-0906"),
    ("Kamiyabe-cho", "Totsuka-ku", "Yokohama", "245-0053"),
)
_EMAIL_DOMAINS = (
    "kojo-tech.co.jp",
    "seimitsu-kogyo.jp",
    "metalform.com.br",
    "partsupply.co.uk",
    "antrieb-service.de",
    "precisionph.com.ph",
    "siamcast.co.th",
    "baja-nusantara.co.id",
    "lankatex.lk",
    "draaitech.nl",
    "verkstad.se",
    "konepaja.fi",
    "gepgyar.hu",
    "strojirna.cz",
    "uzina-piese.ro",
    "gmail.com",
    "yahoo.co.jp",
    "outlook.com",
    "mail.plant-east.example.jp",
)

# --------------------------------------------------------------------------------------------------
# negatives

_BRANDS = (
    "ABB",
    "KUKA",
    "Yaskawa",
    "Okuma",
    "Mazak",
    "DMG Mori",
    "Bosch Rexroth",
    "FANUC",
    "Siemens",
    "Omron",
    "Keyence",
    "Mitsubishi Electric",
    "Rockwell",
    "Schneider Electric",
    "Festo",
    "SMC",
    "THK",
    "Nachi",
    "Denso Wave",
    "Makino",
    "Brother",
    "Amada",
    "Komatsu",
    "Kawasaki Robotics",
    "Lincoln Electric",
)
_PLACES_EN = (
    "Bay 7",
    "Cleanroom 2",
    "Dock 4",
    "Mezzanine B",
    "Press Shop",
    "Paint Booth 3",
    "Tool Crib",
    "Warehouse North",
    "Line 5",
    "Cell 12",
    "Boiler House",
    "Goods Inn",
    "Assembly Hall C",
    "QA Lab",
)
_PLACES_JA = (
    "第3倉庫",
    "東棟2F",
    "第2工場",
    "B棟",
    "クリーンルーム1",
    "塗装ブース",
    "プレス職場",
    "西棟1F",
    "第1組立ライン",
    "品証ラボ",
    "工具室",
    "出荷場",
    "北門",
    "熱処理棟",
)
_KATAKANA_TERMS = (
    "サーボモーター",
    "インバーター",
    "ロックアウト・タグアウト",
    "コンプレッサー",
    "フォークリフト",
    "ベアリング",
    "チラー",
    "ホッパー",
    "エアシリンダー",
    "ソレノイドバルブ",
    "クーラント",
    "パレタイザー",
    "スピンドル",
    "ボールねじ",
    "タッチパネル",
    "コンベヤー",
    "エンコーダー",
    "グリスニップル",
)
_PHRASES_EN = (
    "Preventive Maintenance",
    "Root Cause",
    "Line Stop",
    "Corrective Action",
    "Lockout Tagout",
    "Safety Walk",
    "Kaizen Event",
    "Containment Action",
    "First Article Inspection",
    "Gemba Walk",
    "Management Review",
    "Change Over",
    "Quality Alert",
    "Hot Work Permit",
    "Confined Space Entry",
)
_PHRASES_JA = (
    "予防保全",
    "是正処置",
    "再発防止",
    "暫定対策",
    "ライン停止",
    "指差呼称",
    "5S点検",
    "段取り替え",
    "Root Cause",
    "Preventive Maintenance",
    "KYT",
    "Lockout Tagout",
)

_FULLWIDTH = str.maketrans(
    {c: chr(ord(c) + 0xFEE0) for c in string.ascii_letters + string.digits + "@.:/_+()"} | {"-": "－"}
)
_UK_LATIN = {
    "А": "A",
    "Б": "B",
    "В": "V",
    "Г": "H",
    "Ґ": "G",
    "Д": "D",
    "Е": "E",
    "Ж": "Zh",
    "З": "Z",
    "И": "Y",
    "І": "I",
    "К": "K",
    "Л": "L",
    "М": "M",
    "Н": "N",
    "О": "O",
    "П": "P",
    "Р": "R",
    "С": "S",
    "Т": "T",
    "У": "U",
    "Ф": "F",
    "Х": "Kh",
    "Ц": "Ts",
    "Ч": "Ch",
    "Ш": "Sh",
    "Щ": "Shch",
    "Ь": "",
    "'": "",
    "’": "",
    "ʼ": "",
}
_UK_INITIAL = {"Є": "Ye", "Ї": "Yi", "Й": "Y", "Ю": "Yu", "Я": "Ya"}
_UK_MEDIAL = {"Є": "ie", "Ї": "i", "Й": "i", "Ю": "iu", "Я": "ia"}


def uk_latin(word: str) -> str:
    """Ukrainian Cyrillic to Latin (the 2010 national table, which passports use)."""
    out: list[str] = []
    for i, char in enumerate(word):
        upper = char.upper()
        if upper in _UK_INITIAL:
            piece = _UK_INITIAL[upper] if i == 0 else _UK_MEDIAL[upper]
        elif upper == "Г" and i > 0 and word[i - 1].upper() == "З":
            piece = "gh"
        else:
            piece = _UK_LATIN.get(upper, char)
        out.append(piece if i == 0 and char.isupper() else piece.lower())
    text = "".join(out)
    return text[:1].upper() + text[1:]


def ascii_fold(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D").replace("ø", "o").replace("ß", "ss")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def phone_region(form: str) -> str:
    """The region a PHONE label's first form tag stands for (for phonenumbers.parse)."""
    first = form.split(maxsplit=1)[0]
    return {"nanp": "US"}.get(first, first[:2].upper())


# --------------------------------------------------------------------------------------------------
# templates: {TYPE} or {TYPE:option} is a value to find, {-KIND} a hard negative, {+KIND} plain filler

EN_TEMPLATES: tuple[str, ...] = (
    "{-WO} | {-TAG} | {-PHRASE} | assigned: {PERSON} | status OPEN | due {-DATE}",
    "{-WO};{-DATE};{-BRAND} spindle drawbar check;{-TORQ};tech={PERSON:low};cb={PHONE:us}",
    "WO closed: {-WO} by {PERSON} ({EMAIL}). Replaced bearing on {-TAG}, material {-SAP}, torque {-TORQ}.",
    "Incident report {-DOC}. At {-TIME} in {-PLACE} {PERSON} slipped next to {-TAG}; first aid given by "
    "{PERSON}. Witness can be reached on {PHONE}.",
    "NEAR MISS - reported by {PERSON}. forklift reversed out of {-PLACE} w/o horn at {-TIME}, "
    "{-PHRASE} to follow. nobody hurt",
    "Onboarding checklist - {PERSON}\n[x] badge photo  [x] locker {+N}\n[ ] payroll card {CARD_NUMBER}\n"
    "[ ] home address: {ADDRESS}",
    "New starter {PERSON}, starts {-DATE}. mobile {PHONE}, personal mail {EMAIL}. Emergency contact: "
    "{PERSON} {PHONE}",
    "8D {-DOC} / D2 problem: {-LOT} shipped by your plant shows burrs, {-MEAS} over spec on {-SAP}. "
    "Supplier contact {PERSON} <{EMAIL}>",
    "D4 {-PHRASE} confirmed by {PERSON} (supplier QE). Call back on {PHONE:us} ext. {+EXT}. "
    "material {-SAP}, {-LOT}",
    "{PERSON:low} can u cover B shift tmrw {-TAG} still leaking lol",
    "pls ask {PERSON:low} to reset {-TAG} before {-TIME} thx",
    "anyone seen {PERSON:given}?? the {-BRAND} robot in {-PLACE} is faulting again",
    "ok so the HMI ip is {IP_ADDRESS:v4} not the old one, {PERSON:low} changed it yesterday",
    "@{PERSON:given} ur phone {PHONE} goes straight to voicemail, call me back re {-WO}",
    "Visitor badge request | Name: {PERSON} | Company: {-BRAND} service | Host: {PERSON} | Arrival "
    "{-DATE} {-TIME} | Mobile: {PHONE:intl}",
    "Please prepare a badge for {PERSON} ({EMAIL}) visiting {-PLACE} on {-DATE}. Escort: {PERSON}.",
    "Overtime request: employee {PERSON}, {+N} h on {-DATE} for {-PHRASE} on {-TAG}. Approved by "
    "{PERSON:sur}.",
    "OT req - {PERSON:low} wants sat {-TIME} to {-TIME} for {-WO}, ok?",
    "Training sign-off | Module: {-PHRASE} | Trainee: {PERSON} | Trainer: {PERSON} | Date: {-DATE} | "
    "Signature: ________",
    "I, {PERSON}, confirm I completed LOTO training on the {-BRAND} cell in {-PLACE}. Witnessed by {PERSON}.",
    "DELIVERY NOTE {-DOC}\nShip to: {ADDRESS}\nAttn: {PERSON}  Tel {PHONE}\nItem {-SAP} qty {+QTY}  {-LOT}",
    "Deliver to {PERSON}, {ADDRESS}. Phone {PHONE} 30 min before arrival. gross weight {-MEAS}",
    "Thanks for the quick turnaround on {-DOC}.\n--\n{PERSON}\nSupplier Quality Engineer\n{PHONE} | {EMAIL}",
    "cc: {PERSON}; {PERSON}; {EMAIL}\nSubject: {-PHRASE} on {-TAG}",
    "Operator | {PERSON} | Shift B | {-PLACE} | {-TIME}",
    "{-TAG} | {-BRAND} | last PM {-DATE} | owner {PERSON} | next: {-PHRASE}",
    "reset done [{PERSON}] - {-TAG} back online {-TIME}, {-MEAS} ok",
    "new scanner in {-PLACE} -> IP {IP_ADDRESS}, MAC {MAC_ADDRESS}, registered to {PERSON}",
    "DHCP reservation: {MAC_ADDRESS} => {IP_ADDRESS:v4} ({-BRAND} controller, {-TAG})",
    "pls put it on {CARD_NUMBER:bare} exp 09/27 - {PERSON:low}",
    "Parts bought at the hardware store by {PERSON}, paid with card {CARD_NUMBER}, receipt {-DOC}",
    "Relocation: {PERSON} is moving to {ADDRESS:jpr}. My Number {MY_NUMBER} sent to payroll.",
    "Return the rejected {-SAP} to our lab, ZIP {POSTAL_CODE:us}, attention {PERSON}.",
    "Mail the signed 8D to {ADDRESS}. QA fax {PHONE}",
    "{-DATE} {-TIME} {-PLACE}: {PERSON:low} reported a hot surface on {-TAG} ({-MEAS}). lead {PERSON}",
    "B shift: {-PHRASE} on {-BRAND} {-TAG} done, torque {-TORQ}. handed over to {PERSON} at {-TIME}",
    "From: {PERSON} <{EMAIL}>\nSent: {-DATE}\nTo: maintenance\nthe chiller in {-PLACE} tripped again",
    "call {PERSON:given} on {PHONE} if {-TAG} alarms overnight",
    "{PERSON} (contractor, {-BRAND}) - site induction done {-DATE}; vehicle pass for {-PLACE}; {PHONE}",
    "Supplier complaint {-DOC}: {-LOT} of {-SAP} rejected ({-MEAS} out). Supplier address: {ADDRESS}. "
    "QE: {PERSON}",
    "fyi {PERSON:low} and {PERSON:low} swapped shifts, {-PHRASE} moved to {-DATE}",
    "Emergency contact for {PERSON}: {PERSON} (spouse), {PHONE}, zip {POSTAL_CODE:us}",
    "Payroll correction - {PERSON}, My Number {MY_NUMBER}, {+N} h overtime missing for {-DATE}",
    "Badge printed for [{PERSON}], valid until {-DATE}. escort: {PERSON:sur}",
    "sftp from {IP_ADDRESS} failed again - ask {PERSON:low}, she set up the {-TAG} gateway",
    "{CARD_NUMBER:bare} / {PERSON} / tooling deposit",
    "Inbound truck for {-PLACE}: driver {PERSON}, {PHONE:intl}, load {-LOT}, {-MEAS}",
    "Onboarding: send laptop to {PERSON}, {ADDRESS}, {PHONE}",
)

JA_TEMPLATES: tuple[str, ...] = (
    "【日報】{-DATE} 記入者：{PERSON} 本日は{-PLACE}の{-KATA}点検を実施。{-TAG}は{-TORQ}で締付確認済。",
    "日報 {-DATE}／{PERSON}／{-PLACE}／{-KATA}交換、{-LOT}使用、特記事項なし",
    "ヒヤリハット報告 報告者：{PERSON} 発生日時：{-DATE} {-TIME} 場所：{-PLACE} "
    "内容：{-KATA}の点検中に手が挟まれそうになった。",
    "【ヒヤリハット】{-PLACE}で{-KATA}が急に動き出した。{PERSON}さんが気づいて非常停止。{-PHRASE}の徹底を。",
    "申し送り：{PERSON}さんへ。{-TAG}の{-KATA}は{-TIME}に再起動済み、{-MEAS}で安定。何かあれば{PHONE}まで。",
    "夜勤→日勤 申し送り（{PERSON}）{-TAG}異音あり、{-WO}で手配済み。",
    "発注書 {-DOC} 発注先：{-BRAND}代理店 ご担当：{PERSON}様 品目{-SAP} 数量{+QTY} "
    "納品先：{POSTAL_CODE} {ADDRESS}",
    "注文番号{-DOC}／納入場所{-PLACE}／担当{PERSON}（TEL {PHONE}、{EMAIL}）",
    "作業指示書 {-WO} 設備：{-TAG}（{-BRAND}） 作業：{-KATA}交換 "
    "作業者：{PERSON}、{PERSON} 承認：{PERSON:sur}",
    "作業指示 {-WO}：{-PLACE}の{-KATA}グリスアップ。締付トルク{-TORQ}。問合せ先 {PHONE}",
    "{PERSON:sur}さん、{-TAG}また止まってます…{-TIME}から",
    "了解です！{PERSON:given}ちゃんに伝えときます",
    "@{PERSON} {-KATA}の予備ってどこでしたっけ？{-PLACE}？",
    "{PERSON}さんの携帯{PHONE:mobile}に電話したけど出ない",
    "IPは{IP_ADDRESS}に変えました〜 by {PERSON}",
    "入社手続きチェックリスト 氏名：{PERSON} 住所：{POSTAL_CODE} {ADDRESS} 個人番号：{MY_NUMBER} "
    "緊急連絡先：{PHONE}",
    "新入社員{PERSON}さんのマイナンバー（{MY_NUMBER}）を受領しました。",
    "8Dレポート {-DOC} D2：{-LOT}にバリ発生、{-MEAS}超過。仕入先担当 {PERSON}様（{EMAIL}）",
    "D4 根本原因：{-KATA}の摩耗。{-PHRASE}として{-SAP}を全数選別。確認者{PERSON}",
    "来訪者入構申請 氏名：{PERSON}　会社：{-BRAND}　連絡先：{PHONE}　訪問先：{-PLACE}　受入担当：{PERSON}",
    "残業申請 {PERSON} {-DATE} {-TIME}〜{-TIME} 理由：{-WO}の{-KATA}交換",
    "休日出勤届：{PERSON}（{-PLACE}）、{-PHRASE}対応のため",
    "教育訓練記録 科目：{-KATA}取扱い 受講者：{PERSON} 講師：{PERSON} 実施日：{-DATE}",
    "{-KATA}特別教育 修了者 1. {PERSON} 2. {PERSON} 3. {PERSON}",
    "納品書 {-DOC} お届け先：{ADDRESS} {PERSON}様 品番{-SAP} {-LOT}",
    "納品先（英文）：{ADDRESS:jpr} Attn: {PERSON:romaji}",
    "{-PLACE}のPLC（{IP_ADDRESS}、MAC {MAC_ADDRESS}）を{PERSON}が交換",
    "DHCP固定割当：{MAC_ADDRESS} → {IP_ADDRESS:v4}（{-TAG}） 申請者：{PERSON}",
    "立替精算 {PERSON} 法人カード{CARD_NUMBER} 工具購入 {+QTY}点",
    "{CARD_NUMBER:bare}で決済お願いします（{PERSON}）",
    "書類は{POSTAL_CODE}の本社総務まで返送してください。{PERSON}",
    "技能実習生{PERSON:foreign}さんの在留カード更新の件、連絡先{PHONE:mobile}",
    "作業者｜{PERSON}｜B直｜{-PLACE}",
    "【{PERSON}】{-TAG}の振動値{-MEAS}、要監視",
    "（担当：{PERSON}）{-KATA}の異常音を確認",
    "Cc: {PERSON}様、{PERSON}様",
    "以上、よろしくお願いいたします。\n――――\n{-PLACE} 保全課\n{PERSON}\nTEL：{PHONE}\nMail：{EMAIL}",
    "{PERSON}です。{-DATE}の{-PHRASE}、{-BRAND}のサービスマンが来ます。",
    "{PERSON:kana}さん（派遣）の契約更新は{-DATE}まで",
    "お疲れ様です。{PERSON:sur}班の{PERSON}です。{-TAG}の{-KATA}が{-MEAS}で停止しました",
    "外国籍社員 {PERSON:latin} さん 住所変更：{POSTAL_CODE} {ADDRESS}",
    "ヒヤリハット（{-PLACE}）：{-KATA}のカバー外れ。第一発見者 {PERSON}、班長 {PERSON:sur}",
    "サーバ{IP_ADDRESS}にログインできません。{PERSON}さん確認お願いします🙏",
    "{-DATE} 日報 {PERSON}：午前 {-PHRASE}、午後 {-KATA}清掃",
    "海外仕入先 {PERSON:latin}（{PHONE:intl}、{EMAIL}）から{-LOT}の出荷連絡あり",
    "送付先：{ADDRESS:intl} {PERSON:latin}様",
    "社内チャット：{PERSON:given}さん今日休み？{-TAG}のパスワード知ってる人いない",
    "給与振込口座変更届 氏名 {PERSON} 個人番号{MY_NUMBER} 携帯{PHONE:mobile}",
)

_SLOT = re.compile(r"\{([-+]?)([A-Z_]+)(?::([a-z0-9]+))?\}")


class _Builder:
    def __init__(self, seed: int) -> None:
        try:
            from faker import Faker
        except ImportError:
            raise MissingExtra("faker", "dev", "The hold-out evaluation set's generator") from None
        self.rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
        locales = (
            "en_PH",
            "en_NG",
            "ha_NG",
            "yo_NG",
            "ig_NG",
            "en_IN",
            "en_TH",
            "id_ID",
            "sw",
            "en_KE",
            "pt_PT",
            "pt_BR",
            "nl_NL",
            "sv_SE",
            "fi_FI",
            "hu_HU",
            "cs_CZ",
            "ro_RO",
            "uk_UA",
            "zh_TW",
            "ja_JP",
            "en_US",
            "en_GB",
            "de_DE",
        )
        self.fake: dict[str, Any] = {}
        for i, locale in enumerate(locales):
            fake = Faker(locale)
            fake.seed_instance(seed * 1009 + i)
            self.fake[locale] = fake

    def f(self, locale: str, method: str) -> str:
        return str(getattr(self.fake[locale], method)())

    def pick(self, items: tuple[str, ...]) -> str:
        return self.rng.choice(items)

    def digits(self, n: int, first: str = string.digits) -> str:
        if n <= 0:
            return ""
        return self.rng.choice(first) + "".join(self.rng.choice(string.digits) for _ in range(n - 1))

    # -- samples -------------------------------------------------------------------------------------

    def samples(self, per_lang: int) -> list[Sample]:
        out: list[Sample] = []
        for lang, templates in (("en", EN_TEMPLATES), ("ja", JA_TEMPLATES)):
            order = list(templates)
            self.rng.shuffle(order)
            for i in range(per_lang):
                out.append(self.sample(lang, order[i % len(order)]))
        return out

    def sample(self, lang: str, template: str) -> Sample:
        sample = Sample(lang, "", template)
        parts: list[str] = []
        pos = 0
        last = 0
        for match in _SLOT.finditer(template):
            literal = template[last : match.start()]
            parts.append(literal)
            pos += len(literal)
            last = match.end()
            sigil, kind, option = match.group(1), match.group(2), match.group(3) or ""
            if sigil == "+":
                text = self.filler(kind)
            elif sigil == "-":
                text, form = self.negative(kind, lang)
                sample.negatives.append(Label(NEGATIVE, pos, pos + len(text), text, form))
            else:
                text, form = self.value(kind, option, lang)
                sample.labels.append(Label(kind, pos, pos + len(text), text, form))
            parts.append(text)
            pos += len(text)
        parts.append(template[last:])
        sample.text = "".join(parts)
        return sample

    def value(self, kind: str, option: str, lang: str) -> tuple[str, str]:
        makers: dict[str, Callable[[str, str], tuple[str, str]]] = {
            "PERSON": self.person,
            "EMAIL": self.email,
            "PHONE": self.phone,
            "POSTAL_CODE": self.postal_code,
            "ADDRESS": self.address,
            "CARD_NUMBER": self.card_number,
            "MY_NUMBER": self.my_number,
            "IP_ADDRESS": self.ip_address,
            "MAC_ADDRESS": self.mac_address,
        }
        text, form = makers[kind](option, lang)
        if (
            lang == "ja"
            and kind in ("PHONE", "POSTAL_CODE", "MY_NUMBER", "CARD_NUMBER")
            and self.rng.random() < 0.2
        ):
            text, form = text.translate(_FULLWIDTH), form + " fullwidth"
        return text, form

    # -- persons -------------------------------------------------------------------------------------

    def latin_name(self) -> tuple[str, str, bool, str]:  # noqa: PLR0911, PLR0912 - one branch per origin
        """(given, family, family first, form) of a name from one of many origins."""
        r = self.rng.randrange(25)
        if r == 0:
            return self.pick(_LK_GIVEN), self.pick(_LK_FAMILY), False, "name_lk"
        if r == 1:
            return self.pick(_NP_GIVEN), self.pick(_NP_FAMILY), False, "name_np"
        if r == 2:
            return self.pick(_ET_GIVEN), self.pick(_ET_FATHER), False, "name_et"
        if r == 3:
            if self.rng.random() < 0.5:
                return self.pick(_MN_GIVEN), self.pick(_MN_PATRONYM)[0] + ".", True, "name_mn"
            return self.pick(_MN_GIVEN), self.pick(_MN_PATRONYM), False, "name_mn"
        if r == 4:
            return self.pick(_BD_GIVEN), self.pick(_BD_FAMILY), False, "name_bd"
        if r == 5:
            return self.pick(_BR_GIVEN), self.pick(_BR_FAMILY), False, "name_br"
        if r == 6:
            if self.rng.random() < 0.5:
                return self.f("en_PH", "first_name"), self.pick(_PH_FAMILY), False, "name_ph"
            return self.pick(_PH_GIVEN), self.pick(_PH_FAMILY), False, "name_ph"
        if r == 7:
            family = self.pick(_VI_FAMILY)
            given = f"{self.pick(_VI_MIDDLE)} {self.pick(_VI_GIVEN)}"
            if self.rng.random() < 0.3:
                return ascii_fold(given), ascii_fold(family), True, "name_vi ascii"
            return given, family, True, "name_vi"
        if r in (8, 9):
            locale = self.pick(("en_NG", "ha_NG", "yo_NG", "ig_NG"))
            return self.f(locale, "first_name"), self.f(locale, "last_name"), False, "name_ng"
        if r == 10:
            return self.f("en_IN", "first_name"), self.f("en_IN", "last_name"), False, "name_in"
        if r == 11:
            return self.f("en_TH", "first_name"), self.f("en_TH", "last_name"), False, "name_th"
        if r == 12:
            if self.rng.random() < 0.25:
                return self.f("id_ID", "first_name"), "", False, "name_id mononym"
            return self.f("id_ID", "first_name"), self.f("id_ID", "last_name"), False, "name_id"
        if r == 13:
            locale = self.pick(("sw", "en_KE"))
            return self.f(locale, "first_name"), self.f(locale, "last_name"), False, "name_ke"
        if r == 14:
            return self.f("pt_PT", "first_name"), self.f("pt_PT", "last_name"), False, "name_pt"
        if r == 15:
            return self.f("nl_NL", "first_name"), self.f("nl_NL", "last_name"), False, "name_nl"
        if r == 16:
            return self.f("sv_SE", "first_name"), self.f("sv_SE", "last_name"), False, "name_sv"
        if r == 17:
            return self.f("fi_FI", "first_name"), self.f("fi_FI", "last_name"), False, "name_fi"
        if r == 18:
            return self.f("hu_HU", "first_name"), self.f("hu_HU", "last_name"), True, "name_hu"
        if r == 19:
            male = self.rng.random() < 0.5
            suffix = "_male" if male else "_female"
            return (
                self.f("cs_CZ", "first_name" + suffix),
                self.f("cs_CZ", "last_name" + suffix),
                False,
                "name_cs",
            )
        if r == 20:
            return self.f("ro_RO", "first_name"), self.f("ro_RO", "last_name"), False, "name_ro"
        if r == 21:
            return (
                uk_latin(self.f("uk_UA", "first_name")),
                uk_latin(self.f("uk_UA", "last_name")),
                False,
                "name_uk",
            )
        if r == 22:
            family = self.f("zh_TW", "last_romanized_name")
            given = self.f("zh_TW", "first_romanized_name")
            if self.rng.random() < 0.6:
                family, given = family.title(), "-".join(p.capitalize() for p in given.split("-"))
                return given, family, self.rng.random() < 0.5, "name_zh_tw"
            return given, family, True, "name_zh_tw upper"
        if r == 23:
            return (
                self.f("ja_JP", "first_romanized_name"),
                self.f("ja_JP", "last_romanized_name"),
                False,
                "ja_romaji",
            )
        return self.f("en_PH", "first_name"), self.pick(_PH_FAMILY), False, "name_ph"

    def person(self, option: str, lang: str) -> tuple[str, str]:  # noqa: PLR0912 - one branch per style
        if lang == "ja" and option not in ("latin", "romaji"):
            return self.ja_person(option)
        if option == "romaji":
            given, family = self.f("ja_JP", "first_romanized_name"), self.f("ja_JP", "last_romanized_name")
            if self.rng.random() < 0.5:
                return f"{family.upper()} {given}", "ja_romaji family_first"
            return f"{given} {family}", "ja_romaji"
        given, family, family_first, form = self.latin_name()
        tags = [form]
        if option == "given" or (option == "low" and self.rng.random() < 0.3) or not family:
            text = given.split()[0] if "name_vi" not in form else given.split()[-1]
            if family and option != "low":
                tags.append("given_only")
        elif option == "sur":
            text, tags = family, [*tags, "surname_only"]
            if text.endswith("."):
                text = given
            if text.isupper():
                text, tags = text.title(), [t for t in tags if t != "upper"]
        else:
            r = self.rng.random()
            if r < 0.08 and not family_first and option != "low":
                given = f"{given} {self.rng.choice(string.ascii_uppercase)}."
                tags.append("middle_initial")
            elif r < 0.15 and not family_first and " " not in family:
                latin = self.latin_name()
                if latin[1] and " " not in latin[1] and not latin[1].endswith("."):
                    family = f"{family}-{latin[1]}"
                    tags.append("hyphenated")
            elif r < 0.21 and not family_first:
                given = f'{given} "{self.pick(_NICKNAMES)}"'
                tags.append("nickname")
            text = f"{family} {given}" if family_first else f"{given} {family}"
        if option == "low" or (lang == "en" and self.rng.random() < 0.04):
            text = text.lower()
            tags.append("lower")
        return text, " ".join(tags)

    def ja_person(self, option: str) -> tuple[str, str]:  # noqa: PLR0911, PLR0912 - one return per form
        r = self.rng.random()
        if option == "sur":
            if r < 0.3:
                return self.pick(_JA_LONG_SURNAMES), "ja_kanji_surname3 surname_only"
            return self.f("ja_JP", "last_name"), "ja_kanji_surname"
        if option == "given":
            if r < 0.6:
                return self.pick(_JA_HIRAGANA_GIVEN), "ja_hiragana_given given_only"
            return self.f("ja_JP", "first_name"), "ja_kanji_given given_only"
        if option == "kana":
            return f"{self.f('ja_JP', 'last_kana_name')} {self.f('ja_JP', 'first_kana_name')}", "ja_katakana"
        if option == "foreign":
            if r < 0.6:
                return self.pick(_JA_KATAKANA_FOREIGN), "ja_katakana_foreign"
            return self.person("", "en")
        sep = self.pick(("", " ", "\u3000"))
        if r < 0.30:
            return f"{self.f('ja_JP', 'last_name')}{sep}{self.f('ja_JP', 'first_name')}", "ja_kanji_full"
        if r < 0.42:
            return self.f("ja_JP", "last_name"), "ja_kanji_surname"
        if r < 0.52:
            given = (
                self.f("ja_JP", "first_name") if self.rng.random() < 0.5 else self.pick(_JA_GIVEN_KANJI_EXTRA)
            )
            return f"{self.pick(_JA_LONG_SURNAMES)}{sep}{given}", "ja_kanji_surname3"
        if r < 0.60:
            return f"{self.f('ja_JP', 'last_name')}{sep}{self.pick(_JA_HIRAGANA_GIVEN)}", "ja_hiragana_given"
        if r < 0.70:
            return f"{self.f('ja_JP', 'last_kana_name')} {self.f('ja_JP', 'first_kana_name')}", "ja_katakana"
        if r < 0.80:
            return self.pick(_JA_KATAKANA_FOREIGN), "ja_katakana_foreign"
        if r < 0.86:
            return self.f("zh_TW", "name"), "zh_tw_hanzi"
        if r < 0.92:
            return self.person("romaji", "ja")
        return self.person("", "en")

    # -- contact ---------------------------------------------------------------------------------------

    def email(self, option: str, lang: str) -> tuple[str, str]:  # noqa: ARG002 - one shape for both
        r = self.rng.random()
        if r < 0.45:
            given, family, _, origin = self.latin_name()
            g = re.sub(r"[^a-z]", "", ascii_fold(given.split()[0]).lower())
            fam = re.sub(r"[^a-z]", "", ascii_fold(family).lower()) or self.digits(3)
            user = self.pick((f"{g}.{fam}", f"{g[:1]}{fam}", f"{fam}.{g}", f"{g}_{fam}{self.digits(2)}"))
            return f"{user}@{self.pick(_EMAIL_DOMAINS)}", f"email_name from_{origin.split()[0]}"
        if r < 0.65:
            locale = self.pick(("ja_JP", "nl_NL", "pt_PT", "sv_SE", "cs_CZ", "en_PH", "id_ID", "de_DE"))
            return self.f(locale, "company_email"), "email_faker"
        if r < 0.75:
            user = self.f("ja_JP", "user_name")
            return (
                f"{user}+{self.pick(('8d', 'qa', 'po', 'night'))}@{self.pick(_EMAIL_DOMAINS)}",
                "email_plus",
            )
        if r < 0.85:
            role = self.pick(
                ("qa-line3", "hozen.team", "shipping", "kobayashi.t", "plant-it", "hr.onboarding")
            )
            return (
                f"{role}@{self.pick(('mail', 'mx', 'corp'))}.{self.pick(_EMAIL_DOMAINS)}",
                "email_subdomain",
            )
        given, family, _, _ = self.latin_name()
        g = re.sub(r"[^A-Za-z]", "", ascii_fold(given.split()[0]))
        fam = re.sub(r"[^A-Za-z]", "", ascii_fold(family)) or "Team"
        return f"{g}.{fam}@{self.pick(_EMAIL_DOMAINS).title()}", "email_mixed_case"

    _PHONE_PLANS: ClassVar[dict[str, tuple[str, tuple[str, ...], int]]] = {
        # form: (region, national prefixes, national significant number length)
        "jp_landline": ("JP", ("3", "6", "45", "52", "92", "11", "75", "78", "48", "43", "565", "566"), 9),
        "jp_mobile": ("JP", ("90", "80", "70"), 10),
        "jp_tollfree": ("JP", ("120",), 9),
        "gb": ("GB", ("74", "77", "78", "79", "207", "203", "121", "161"), 10),
        "de": ("DE", ("151", "160", "170", "176", "3020", "8920", "7119"), 11),
        "ph": ("PH", ("905", "917", "918", "927", "939", "28"), 10),
        "th": ("TH", ("81", "86", "89", "91", "62"), 9),
        "id": ("ID", ("812", "813", "821", "852", "857"), 11),
        "br": ("BR", ("119", "219", "419", "199", "113", "412"), 11),
    }
    _NANP_AREAS = (
        "312",
        "313",
        "248",
        "586",
        "419",
        "513",
        "614",
        "317",
        "502",
        "615",
        "205",
        "864",
        "704",
        "210",
        "409",
        "602",
        "801",
        "971",
        "253",
        "416",
        "905",
        "519",
        "604",
    )

    def phone(self, option: str, lang: str) -> tuple[str, str]:  # noqa: PLR0911, PLR0912 - one per format
        import phonenumbers

        if option == "us" or (not option and lang == "en" and self.rng.random() < 0.45):
            return self.nanp()
        if option == "mobile":
            form = "jp_mobile"
        elif option == "intl" or lang == "en" or self.rng.random() < 0.15:
            form = self.pick(("gb", "de", "ph", "th", "id", "br", "jp_mobile", "jp_landline"))
        else:
            form = self.pick(("jp_landline", "jp_landline", "jp_mobile", "jp_mobile", "jp_tollfree"))
        region, prefixes, length = self._PHONE_PLANS[form]
        for _ in range(500):
            prefix = self.pick(prefixes)
            nsn = prefix + self.digits(length - len(prefix), first="23456789")
            number = phonenumbers.parse("+" + str(phonenumbers.country_code_for_region(region)) + nsn)
            if phonenumbers.is_valid_number_for_region(number, region):
                break
        else:  # pragma: no cover - the plans above always hit quickly
            raise RuntimeError(f"no valid {form} number")
        national = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
        intl = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
        domestic = form.startswith("jp") and lang == "ja" and option != "intl"
        r = self.rng.random()
        if domestic:
            if r < 0.55:
                return national, f"{form} national"
            if r < 0.7:
                return re.sub(r"\D", "", national), f"{form} compact"
            if r < 0.85 and national.count("-") == 2:
                a, b, c = national.split("-")
                return f"{a}({b}){c}", f"{form} parens"
            return intl, f"{form} intl"
        if r < 0.45:
            return intl, f"{form} intl"
        if r < 0.65:
            return "00" + intl[1:], f"{form} 00"
        if r < 0.8:
            return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164), f"{form} e164"
        return national, f"{form} national"

    def nanp(self) -> tuple[str, str]:  # noqa: PLR0911 - one return per format
        import phonenumbers

        while True:
            area = self.pick(self._NANP_AREAS)
            exchange = self.digits(3, first="23456789")
            line = self.digits(4)
            if exchange[1:] == "11" or exchange == "555":
                continue
            if phonenumbers.is_valid_number(phonenumbers.parse(f"+1{area}{exchange}{line}")):
                break
        r = self.rng.random()
        if r < 0.25:
            return f"({area}) {exchange}-{line}", "nanp parens"
        if r < 0.45:
            return f"{area}-{exchange}-{line}", "nanp hyphens"
        if r < 0.55:
            return f"{area}.{exchange}.{line}", "nanp dots"
        if r < 0.75:
            return f"+1 {area}-{exchange}-{line}", "nanp plus1"
        if r < 0.85:
            return f"1-{area}-{exchange}-{line}", "nanp leading1"
        if r < 0.93:
            return f"+1{area}{exchange}{line}", "nanp e164"
        return f"+1 ({area}) {exchange}-{line}", "nanp plus1 parens"

    def postal_code(self, option: str, lang: str) -> tuple[str, str]:
        if option == "us" or (lang == "en" and not option):
            if self.rng.random() < 0.4:
                return self.f("en_US", "zipcode_plus4"), "us_zip4"
            return self.f("en_US", "zipcode"), "us_zip"
        code = self.f("ja_JP", "zipcode")
        if self.rng.random() < 0.65:
            return f"〒{code}", "jp_postal mark"
        return code, "jp_postal"

    def address(self, option: str, lang: str) -> tuple[str, str]:  # noqa: PLR0911 - one return per country
        if option == "jpr":
            return self.jp_romaji_address()
        if lang == "ja" and option != "intl":
            return self.jp_kanji_address()
        choices = (
            ("us", "us", "uk", "de", "nl", "br", "ph", "jpr")
            if lang == "en"
            else ("de", "nl", "br", "uk", "us")
        )
        kind = self.pick(choices)
        if kind == "us":
            street = self.f("en_US", "street_address")
            city, state = self.f("en_US", "city"), self.f("en_US", "state_abbr")
            zip_code = self.f("en_US", "zipcode_plus4" if self.rng.random() < 0.3 else "zipcode")
            return f"{street}, {city}, {state} {zip_code}", "us_address"
        if kind == "uk":
            street = f"{self.rng.randint(1, 240)} {self.f('en_GB', 'street_name')}"
            return f"{street}, {self.f('en_GB', 'city')} {self.f('en_GB', 'postcode')}", "uk_address"
        if kind == "de":
            number = f"{self.rng.randint(1, 180)}{self.pick(('', '', '', 'a', 'b'))}"
            street = self.f("de_DE", "street_name")
            return f"{street} {number}, {self.f('de_DE', 'postcode')} {self.f('de_DE', 'city')}", "de_address"
        if kind == "nl":
            code = self.f("nl_NL", "postcode").replace(" ", "")
            street = f"{self.f('nl_NL', 'street_name')} {self.rng.randint(1, 300)}"
            return f"{street}, {code[:4]} {code[4:]} {self.f('nl_NL', 'city')}", "nl_address"
        if kind == "br":
            kind_word = self.pick(("Rua", "Avenida", "Rua", "Travessa", "Alameda"))
            street = f"{kind_word} {self.f('pt_BR', 'last_name')} {self.f('pt_BR', 'last_name')}"
            cep = re.sub(r"\D", "", self.f("pt_BR", "postcode"))
            bairro, city, uf = (
                self.f("pt_BR", "bairro"),
                self.f("pt_BR", "city"),
                self.f("pt_BR", "estado_sigla"),
            )
            return (
                f"{street}, {self.rng.randint(1, 3999)} - {bairro}, {city} - {uf}, {cep[:5]}-{cep[5:]}",
                "br_address",
            )
        if kind == "ph":
            return self.f("en_PH", "address").replace("\n", ", "), "ph_address"
        return self.jp_romaji_address()

    def jp_romaji_address(self) -> tuple[str, str]:
        town, ward, city, zip_code = self.rng.choice(_JP_ROMAJI)
        block = f"{self.rng.randint(1, 9)}-{self.rng.randint(1, 30)}-{self.rng.randint(1, 20)}"
        ward_part = f"{ward}, " if ward else ""
        tail = f" {zip_code}" if self.rng.random() < 0.6 else ""
        return f"{block} {town}, {ward_part}{city}{tail}", "jp_romaji_address"

    def jp_kanji_address(self) -> tuple[str, str]:
        place = self.pick(_JP_PLACES)
        town = self.f("ja_JP", "town")
        while any("\uff21" <= c <= "\uff5a" for c in town):  # a few Faker towns hold a tower's name
            town = self.f("ja_JP", "town")
        c, b, g = self.rng.randint(1, 9), self.rng.randint(1, 40), self.rng.randint(1, 30)
        r = self.rng.random()
        if r < 0.4:
            block, tag = f"{c}丁目{b}番{g}号", "chome_ban_go"
        elif r < 0.65:
            block, tag = f"{c}丁目{b}番地{g}", "banchi"
        elif r < 0.85:
            block, tag = f"{c}-{b}-{g}", "hyphen"
        else:
            block, tag = f"{self.rng.randint(100, 2999)}番地", "banchi_only"
        text = f"{place}{town}{block}"
        if self.rng.random() < 0.4:
            name = self.f("ja_JP", "last_name") + self.pick(_JP_BUILDINGS)
            room = self.pick((f"{self.rng.randint(1, 9)}F", f"{self.rng.randint(101, 905)}号室", ""))
            text = f"{text}{self.pick((' ', '　', ''))}{name}{room}"
            tag += " building"
        return text, f"jp_kanji_address {tag}"

    # -- numbers -----------------------------------------------------------------------------------

    _CARD_PLANS: tuple[tuple[str, tuple[str, ...], tuple[int, ...]], ...] = (
        ("visa", ("4",), (13, 16, 19)),
        ("mastercard", ("51", "52", "53", "54", "55", "2221", "2720", "23", "26"), (16,)),
        ("amex", ("34", "37"), (15,)),
        ("jcb", ("3528", "3540", "3566", "3589"), (16, 17, 18, 19)),
        ("discover", ("6011", "644", "65"), (16, 19)),
        ("diners", ("300", "305", "36", "38"), (14,)),
        ("unionpay", ("62",), (16, 17, 18, 19)),
        ("maestro", ("5018", "5020", "6304", "6759"), (13, 15, 19)),
        ("card_none", ("8", "9", "1"), (16, 18)),
    )

    def card_number(self, option: str, lang: str) -> tuple[str, str]:  # noqa: ARG002
        brand, prefixes, lengths = self.rng.choice(self._CARD_PLANS)
        length = self.rng.choice(lengths)
        prefix = self.rng.choice(prefixes)
        body = prefix + self.digits(length - len(prefix) - 1)
        number = next(body + c for c in string.digits if luhn(body + c))
        form = brand if brand == "card_none" else f"card_{brand}"
        tags = [form, f"len{length}"] + (["no_context"] if option == "bare" else [])
        r = self.rng.random()
        if r < 0.4 or length not in (15, 16):
            return number, " ".join([*tags, "plain"])
        groups = (4, 6, 5) if length == 15 else (4, 4, 4, 4)
        chunks, k = [], 0
        for size in groups:
            chunks.append(number[k : k + size])
            k += size
        sep = " " if r < 0.75 else "-"
        return sep.join(chunks), " ".join([*tags, "grouped"])

    def my_number(self, option: str, lang: str) -> tuple[str, str]:  # noqa: ARG002
        body = self.digits(11)
        number = body + my_number_check_digit(body)
        r = self.rng.random()
        if r < 0.5:
            return number, "my_number plain"
        sep = self.pick(("-", " ", "　" if lang == "ja" else " "))
        return sep.join((number[:4], number[4:8], number[8:])), "my_number grouped"

    def ip_address(self, option: str, lang: str) -> tuple[str, str]:  # noqa: ARG002, PLR0911
        r = self.rng.random()
        if option == "v4" or r < 0.65:
            r4 = self.rng.random()
            if r4 < 0.35:
                return f"192.168.{self.rng.randint(0, 40)}.{self.rng.randint(2, 254)}", "ipv4 private"
            if r4 < 0.6:
                return (
                    f"10.{self.rng.randint(0, 255)}.{self.rng.randint(0, 255)}.{self.rng.randint(1, 254)}",
                    ("ipv4 private"),
                )
            if r4 < 0.7:
                return (
                    f"172.{self.rng.randint(16, 31)}.{self.rng.randint(0, 255)}.{self.rng.randint(1, 254)}",
                    ("ipv4 private"),
                )
            octets = [
                self.rng.randint(1, 223),
                *(self.rng.randint(0, 255) for _ in range(2)),
                self.rng.randint(1, 254),
            ]
            return ".".join(map(str, octets)), "ipv4 public"
        if r < 0.78:
            low = self.rng.getrandbits(64)
            return str(ipaddress.IPv6Address((0xFE80 << 112) | low)), "ipv6 link_local"
        address = ipaddress.IPv6Address((0x2001_0DB8 << 96) | self.rng.getrandbits(64))
        if r < 0.9:
            return address.compressed, "ipv6 compressed"
        return address.exploded.upper() if self.rng.random() < 0.3 else address.exploded, "ipv6 exploded"

    def mac_address(self, option: str, lang: str) -> tuple[str, str]:  # noqa: ARG002
        octets = [f"{self.rng.randint(0, 255):02x}" for _ in range(6)]
        octets[0] = f"{int(octets[0], 16) & 0xFC:02x}"
        r = self.rng.random()
        if r < 0.4:
            text = ":".join(octets)
            return (text.upper() if self.rng.random() < 0.5 else text), "mac_colon"
        if r < 0.75:
            return "-".join(octets).upper(), "mac_hyphen"
        joined = "".join(octets)
        return ".".join((joined[:4], joined[4:8], joined[8:])), "mac_dot"

    # -- negatives and filler ----------------------------------------------------------------------

    def negative(self, kind: str, lang: str) -> tuple[str, str]:
        for _ in range(200):
            text, form = self.negative_once(kind, lang)
            if safe_negative(text):
                return text, form
        raise RuntimeError(f"no safe {kind}")  # pragma: no cover

    def negative_once(self, kind: str, lang: str) -> tuple[str, str]:  # noqa: PLR0911, PLR0912
        d, rng = self.digits, self.rng
        if kind == "TAG":
            prefix = self.pick(
                ("P", "TK", "FIC", "PT", "TT", "XV", "CV", "HX", "M", "LIC", "PSV", "AGV", "CNC")
            )
            return f"{prefix}-{rng.randint(1, 4999)}{self.pick(('', '', 'A', 'B'))}", "equipment_tag"
        if kind == "WO":
            return self.pick(
                (
                    f"WO-{rng.randint(2023, 2026)}-{d(6)}",
                    f"WO#{d(6)}",
                    f"WO{d(7)}",
                    f"作業指示No.{d(2)}-{d(4)}",
                )
                if lang == "ja"
                else (f"WO-{rng.randint(2023, 2026)}-{d(6)}", f"WO#{d(6)}", f"WO{d(7)}", f"wo {d(5)}")
            ), "work_order"
        if kind == "SAP":
            return "1" + d(9, first="0"), "sap_material"
        if kind == "LOT":
            options: tuple[str, ...] = (
                f"LOT {d(2)}{self.pick(('A', 'B', 'K'))}{d(4)}",
                f"Batch B-{d(6)}-{d(2)}",
                f"lot#{d(8)}",
            )
            if lang == "ja":
                options = (*options, f"ロットNo.{d(1)}K{d(4)}-{d(1)}", f"ロット{d(6)}")
            return self.pick(options), "lot"
        if kind == "DOC":
            return self.pick(
                (
                    f"8D-{rng.randint(2023, 2026)}-{d(3)}",
                    f"NCR-{d(5)}",
                    f"DN{d(8)}",
                    f"PO-{d(7)}",
                    f"IR-{d(4)}",
                )
            ), "doc_number"
        if kind == "DATE":
            y, m, day = rng.randint(2023, 2026), rng.randint(1, 12), rng.randint(1, 28)
            if lang == "ja":
                return self.pick(
                    (
                        f"{y}/{m:02d}/{day:02d}",
                        f"{m}月{day}日",
                        f"令和{y - 2018}年{m}月{day}日",
                        f"{m}/{day}（{rng.choice('月火水木金土日')}）",
                    )
                ), "date"
            month = self.pick(
                ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
            )
            return self.pick(
                (f"{y}-{m:02d}-{day:02d}", f"{m}/{day}/{y}", f"{day} {month} {y}", f"{month} {day}")
            ), "date"
        if kind == "TIME":
            h, mi = rng.randint(0, 23), rng.randint(0, 59)
            return self.pick(
                (
                    f"{h:02d}:{mi:02d}",
                    f"{h}:{mi:02d}",
                    f"{h:02d}{mi:02d}h",
                    f"{h}時{mi}分" if lang == "ja" else f"{h % 12 + 1}pm",
                )
            ), "time"
        if kind == "MEAS":
            return self.pick(
                (
                    f"{rng.uniform(0.01, 0.5):.2f} mm",
                    f"{rng.uniform(1, 9):.1f} bar",
                    f"{rng.randint(60, 98)} dB",
                    f"{rng.randint(800, 3600):,} rpm",
                    f"{rng.uniform(15, 90):.1f} ℃",
                    f"{rng.uniform(0.5, 12):.1f} mm/s",
                    f"{rng.randint(200, 2400)} kg",
                    f"{rng.uniform(380, 440):.0f} V",
                )
            ), "measurement"
        if kind == "TORQ":
            return self.pick(
                (
                    f"{rng.randint(5, 400)} N·m",
                    f"{rng.randint(5, 400)} Nm",
                    f"{rng.randint(5, 300)} ft-lb",
                    f"{rng.randint(5, 400)}N・m",
                )
            ), "torque"
        if kind == "BRAND":
            return self.pick(_BRANDS), "brand"
        if kind == "PLACE":
            return self.pick(
                _PLACES_JA if lang == "ja" and rng.random() < 0.85 else _PLACES_EN
            ), "plant_place"
        if kind == "KATA":
            return self.pick(_KATAKANA_TERMS), "ja_katakana_term"
        if kind == "PHRASE":
            return self.pick(_PHRASES_JA if lang == "ja" else _PHRASES_EN), "plant_phrase"
        raise ValueError(kind)

    def filler(self, kind: str) -> str:
        if kind == "EXT":
            return self.digits(self.rng.choice((3, 4)))
        if kind == "QTY":
            return str(self.rng.randint(1, 400))
        return str(self.rng.randint(1, 12))


def safe_negative(text: str) -> bool:
    """No valid phone number (US, JP, GB, DE), no Luhn-valid run of 13+ digits, no valid My Number."""
    import phonenumbers

    folded = unicodedata.normalize("NFKC", text)
    for run in re.findall(r"\d+", folded):
        if len(run) >= 13 and luhn(run):
            return False
        if len(run) == 12 and my_number(run):
            return False
    for region in ("US", "JP", "GB", "DE"):
        if any(
            True
            for _ in phonenumbers.PhoneNumberMatcher(folded, region, leniency=phonenumbers.Leniency.VALID)
        ):
            return False
    return True


def generate_holdout(per_lang: int, seed: int = 23) -> list[Sample]:
    """per_lang English and per_lang Japanese samples, the same for the same seed."""
    return _Builder(seed).samples(per_lang)
