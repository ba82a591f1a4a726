"""The "unseen" labeled evaluation set: a sixth author's plant paperwork, written blind.

Written by a helper session acting as an independent author while another session changed the
detectors. Its author did NOT read the detectors or their word lists (names_*, addresses*,
structured, phones, strict, persons, registry, redactor, detector, normalize, morphology,
presidio_anchor, entities, config), did not run the redactor on this set and never saw a score of it.
Read were only the Sample/Label format (:mod:`edged.privacy.evalset`), the scorer
(:mod:`edged.privacy.evaluate`), the fresh set as a model of the conventions, and the docstrings and
SOURCES of the final, holdout and independent sets, to stay away from their sources and text kinds.

Text kinds (new to the six sets): forklift licence renewals, contractor induction sign-offs,
spare-part courier notes, warranty claims, visitor NDA logs, chemical spill reports, canteen allergy
lists, crane inspection tags, tool-crib check-outs, lost-and-found logs, parking permits, uniform
orders, exit-interview notes, leave requests, hearing-test results, mileage claims, visa paperwork,
union notices, phishing reports and radio-log transcripts (lowercase, terse); in Japanese 外注検収書,
構内事故速報, 労災報告, 品質クレーム連絡, 来客受付簿, 秘密保持誓約書, フォークリフト資格更新,
アレルギー表, 化学物質漏えい報告, 工具貸出簿, 落とし物台帳, 駐車許可申請, 作業服発注, 退職面談記録,
特別休暇申請, 聴力検査結果, 社有車運転日報, 在留資格更新, 組合連絡, 新規入場者教育, 宅配伝票,
保証修理依頼 and 送別会幹事連絡. About one sentence in four holds hard negatives only.

Label conventions (the same as the fresh set): ``text[start:end] == value`` for every label; labels
never overlap. PERSON is the name only: titles (Mr., Dr.), honorifics and role words (さん, 様, 氏,
君, 殿, 課長, 班長 ...), form labels (担当：, 記入者：) and the possessive 's stay outside. ADDRESS is
the whole address with its postcode when the postcode is written inside it; a postcode on its own is
POSTAL_CODE, with its 〒. PHONE holds its international prefix (+1, 001-1, 00 44) and an extension
written after it (x123, ext. 12). CARD_NUMBER is Luhn-valid, MY_NUMBER has its check digit. Hard
negatives are NEGATIVE labels, and none holds a Luhn-valid 13-19 digit run, a valid My Number or a
valid Japanese or North American phone number. ``form``'s first tag names the builder or source
(``faker-fr_BE``, ``mimesis-no``, ``hand-korean``, ``ja-variant`` ...), later tags how it was
written (caps, lower, poss, title, rev, hon, role, fullwidth ...).
"""

from __future__ import annotations

import ipaddress
import random
import re
import string
import unicodedata
from collections.abc import Callable

from edged.errors import MissingExtra
from edged.privacy.checks import luhn, my_number, my_number_check_digit
from edged.privacy.evalset import NEGATIVE, Sample
from edged.privacy.evalset_render import Piece, SeededValues, deal, render

FAKER_NAME_LOCALES = ("es_CA", "fr_BE", "fr_CH", "nl_BE", "uz_UZ", "is_IS")
MIMESIS_NAME_LOCALES = ("es", "no", "az", "de-at")
SOURCES: dict[str, str] = {
    "faker": "Faker 40.63.0 person names of es_CA (Catalan), fr_BE, fr_CH, nl_BE, uz_UZ and is_IS "
    "(locales none of the other sets drew from), and zh_CN names in hanzi for Chinese workers in "
    "Japanese text (the independent set took zh_CN romanised only)",
    "mimesis": "mimesis 22.2.0 person names of es, no, az and de-at (locales the fresh set did not use)",
    "hand-written": "written for this set: Nigerian (Igbo, Yoruba, Hausa), Vietnamese (with and without "
    "diacritics, family first or last), Korean romanised (Kim Min-jun / Min-jun Kim / KIM Minjun), "
    "Arabic (al-, bin, Abu), Irish (O', Mac, Ní, Ó), Spanish double surnames and Indian names with "
    "initials; romanised Japanese names (given-family and FAMILY given, macrons, lowercase in chat); "
    "Japanese surnames (rare readings, Okinawan, 異体字 such as 髙, 﨑, 齋, 邊, 𠮷), kanji and kana "
    "given names, katakana readings of Japanese names (フリガナ), katakana foreign names joined by ・, "
    "＝ or a space; honorifics and role words; English 'Tanaka-san'; "
    "US, UK, Irish (Eircode), Australian and Indian streets, towns and postcodes; romanised and kanji "
    "Japanese industrial towns; e-mail domains; phone masks of JP, US/CA, GB, IE, IN, AU, NG, VN, KR, "
    "SA and ES; card IIN ranges (Visa, Mastercard 2-series, Amex, Discover, JCB, UnionPay, Maestro, "
    "Diners, Mir, RuPay, Troy, Voyager and private-label); every hard negative (machines, parts, lots, "
    "order numbers, measurements, dates, plant places, models, brands, standards, product codes, "
    "tickets, Japanese place and company names that look like surnames)",
    "phonenumbers": "phonenumbers (an edged dependency) validates every PHONE value for its region and "
    "rejects hard negatives whose digits would be a valid JP or North American number",
    "checks": "edged.privacy.checks: Luhn for cards and order numbers, the My Number check digit",
    "templates": "50 English and 51 Japanese sentence templates written for this set, 12 of each "
    "holding hard negatives only",
}


def _w(text: str) -> tuple[str, ...]:
    return tuple(text.split("|"))


# -- hand-written names: (given, family); FAMILY_FIRST cultures write the family name first ---------

HAND_NAMES: dict[str, tuple[tuple[str, str], ...]] = {
    "nigerian": (
        ("Chukwuemeka", "Okonkwo"),
        ("Oluwaseun", "Adeyemi"),
        ("Ngozi", "Eze"),
        ("Babatunde", "Fashola"),
        ("Aisha", "Bello"),
        ("Ifeoma", "Nwachukwu"),
        ("Tochukwu", "Anyanwu"),
        ("Funmilayo", "Ogunleye"),
        ("Abubakar", "Danjuma"),
        ("Yetunde", "Bakare"),
        ("Chiamaka", "Obi-Okafor"),
        ("Ibrahim", "Sule"),
    ),
    "vietnamese": (
        ("Thi Thu Ha", "Nguyen"),
        ("Van Duc", "Tran"),
        ("Minh Khoa", "Le"),
        ("Thi Lan", "Pham"),
        ("Quoc Bao", "Hoang"),
        ("Ngoc Anh", "Vu"),
        ("Huu Phuoc", "Dang"),
        ("Thanh Tung", "Bui"),
        ("Thị Mai", "Đỗ"),
        ("Văn Hùng", "Ngô"),
        ("Xuan Truong", "Duong"),
    ),
    "korean": (
        ("Min-jun", "Kim"),
        ("Seo-yeon", "Park"),
        ("Ji-hoon", "Lee"),
        ("Ha-eun", "Choi"),
        ("Dong-hyun", "Jung"),
        ("Soo-ah", "Kang"),
        ("Jae-won", "Yoon"),
        ("Eun-ji", "Shin"),
        ("Sung-ho", "Han"),
        ("Ye-jin", "Oh"),
    ),
    "arabic": (
        ("Khalid", "bin Saleh Al-Harbi"),
        ("Fatima", "Al-Zahrani"),
        ("Omar", "al-Masri"),
        ("Yousef", "bin Abdullah"),
        ("Mariam", "Al Mansouri"),
        ("Abdulaziz", "Al-Otaibi"),
        ("Layla", "El-Sayed"),
        ("Hassan", "Abu Bakr"),
        ("Noura", "Al-Qahtani"),
        ("Tariq", "ibn Hamad"),
    ),
    "irish": (
        ("Siobhán", "O'Sullivan"),
        ("Niamh", "O'Brien"),
        ("Cathal", "MacNamara"),
        ("Aoife", "Ní Bhriain"),
        ("Seán", "Ó Ceallaigh"),
        ("Declan", "McGuinness"),
        ("Róisín", "Mac Aodha"),
        ("Pádraig", "O'Donoghue"),
        ("Eimear", "Mac Cárthaigh"),
    ),
    "spanish": (
        ("José Luis", "García Fernández"),
        ("María del Carmen", "López-Ortega"),
        ("Javier", "Ruiz de la Torre"),
        ("Lucía", "Martín Sáez"),
        ("Álvaro", "Iglesias Peña"),
        ("Montserrat", "Puig i Ferrer"),
        ("Íñigo", "Etxeberria Goikoetxea"),
        ("Rocío", "Núñez del Valle"),
    ),
    "indian": (
        ("K. S.", "Raghunathan"),
        ("Venkata Ramana", "Rao"),
        ("P.", "Suresh Kumar"),
        ("Lakshmi", "Narayanan"),
        ("Gurpreet", "Singh Dhillon"),
        ("R. K.", "Sharma"),
        ("Anitha", "Subramaniam"),
        ("Harpreet", "Kaur"),
        ("M. V.", "Krishnamurthy"),
        ("Shreya", "Deshpande"),
    ),
}
FAMILY_FIRST = frozenset({"hand-vietnamese", "hand-korean"})
_TITLES = ("Mr.", "Ms.", "Mrs.", "Dr.", "Mx.", "Eng.", "Supervisor", "Inspector")

JR_FAMILY = _w(
    "Kobayashi|Yoshida|Yamaguchi|Matsumoto|Inoue|Kimura|Shimizu|Yamazaki|Hashimoto|Ishikawa|Ogawa|"
    "Fujita|Okada|Hasegawa|Murakami|Sakamoto|Endo|Aoki|Nishimura|Fukuda|Miura|Okamoto|Nakagawa|"
    "Harada|Tamura|Takeuchi|Kaneko|Wada|Ishihara|Chiba|Yokoyama|Shikanai|Wakatsuki|Uchibori|Tsunoda|"
    "Hatakeyama|Kurosawa|Ōtsuka|Saitō|Gotō|Higa|Tokashiki"
)
JR_GIVEN = _w(
    "Daisuke|Haruka|Kenta|Yui|Shota|Misaki|Ryota|Nanami|Takumi|Ayaka|Kazuki|Mai|Yusuke|Chihiro|Sho|"
    "Asuka|Tomoya|Rin|Kohei|Mio|Yūki|Shun'ichi|Jun'ya|Kōji|Tetsuya|Sayuri|Hideaki|Emiko"
)

# -- Japanese names --------------------------------------------------------------------------------

JA_FAMILY = _w(
    "佐久間|小野寺|大河内|長谷部|宇佐美|久保田|片桐|東海林|五十嵐|勅使河原|小鳥遊|一戸|二階堂|百目鬼|"
    "薬師寺|神宮寺|御手洗|猪狩|鬼塚|日下部|服部|蜂須賀|西園寺|土方|相馬|春日|安斎|大久保|宮坂|武藤|"
    "新垣|比嘉|金城|知念|仲宗根|我那覇|釘宮|纐纈|四十物|水流|木全|杉ノ内|月見里"
)
JA_FAMILY_VARIANT = _w(
    "髙橋|山﨑|齋藤|渡邊|渡邉|澤田|濵田|櫻井|廣瀬|嶋田|冨田|德永|眞鍋|國分|藤嶋|𠮷田|宮﨑|髙木"
)
JA_GIVEN_KANJI = _w(
    "翔太|陽菜|蓮|結衣|大翔|凛|悠真|美咲|颯|葵|健一|和子|修|恵美子|勝利|節子|隆之|真由美|龍之介|千尋|"
    "朋美|俊介|雅人|優子|瑛太|萌|浩二|里奈|功|榮子"
)
JA_GIVEN_KANA = _w("さとし|ゆかり|なつみ|しおり|けんた|あゆみ|ノブ|ミサト|カズエ|リョウ|まゆ|トシ")
JA_KATAKANA_FOREIGN = _w(
    "グエン/ヴァン/ミン|マリア/サントス|ラジェシュ/クマール|キム/ミンジュン|アフマド/ハサン|"
    "チュクウェメカ/オコンクォ|アナ/ガルシア/ロペス|チャン/ティ/ホア|シボーン/オサリバン|"
    "ファティマ/アルザハラニ|ハルプリート/カウル|ジョアン/ペレイラ|ダニエル/ルフェーブル"
)
# Japanese names written in katakana, as in a フリガナ field.
JA_KANA_NAMES = _w(
    "サクマ ケンイチ|オノデラ ユイ|ヒガ リョウ|クギミヤ アヤカ|ハットリ ソウタ|ウサミ ミサキ|ナカソネ ジュン|"
    "キンジョウ マサト|ドウメキ ハルカ|タカハシ\u3000カズエ|サイトウ\u3000ノボル|ワタナベ\u3000サトシ|"
    "ミタライ ユウマ|ヤクシジ チヒロ|カスガ トモミ"
)
JA_HONORIFICS = _w("さん|様|氏|君|殿|くん|さま")
JA_ROLES = _w("課長|係長|部長|主任|班長|工場長|職長|リーダー|室長|主事|副班長|課長補佐")

# -- addresses -------------------------------------------------------------------------------------

US_STREETS = _w(
    "Birchwood Dr|Old Mill Rd|Quarry Ln|Cottonwood Ave|Harbor View Blvd|Kettle Creek Pkwy|Tanner St|"
    "Sawmill Ct|Foundry Way|Depot St|Brickyard Rd|Ironworks Ave|Prairie Wind Trl|Lakeshore Dr|"
    "Industrial Pkwy|Martin Luther King Jr Blvd"
)
US_TOWNS = (
    ("Dayton", "OH", "454"),
    ("Spartanburg", "SC", "293"),
    ("Elkhart", "IN", "465"),
    ("Fremont", "CA", "945"),
    ("Georgetown", "KY", "403"),
    ("Smyrna", "TN", "371"),
    ("Marysville", "OH", "430"),
    ("Canton", "MS", "390"),
    ("Lafayette", "IN", "479"),
    ("Greer", "SC", "296"),
    ("San Antonio", "TX", "782"),
    ("Normal", "IL", "617"),
    ("Auburn Hills", "MI", "483"),
)
US_UNITS = ("Suite {n}10", "Ste {n}B", "Unit {n}", "Apt {n}2C", "#{n}05", "Bldg {n}", "Suite {n}00")
UK_STREETS = _w(
    "Wharf Road|Tanners Lane|Canal Street|Station Approach|Furnace Hill|Mill Race|Chapel Row|Kiln Way"
)
UK_TOWNS = (
    ("Burnley", "BB11"),
    ("Crewe", "CW1"),
    ("Stoke-on-Trent", "ST4"),
    ("Washington", "NE37"),
    ("Redditch", "B98"),
    ("Hinckley", "LE10"),
    ("Barnsley", "S75"),
    ("Ellesmere Port", "CH65"),
    ("Llanelli", "SA14"),
    ("Livingston", "EH54"),
)
IE_STREETS = _w("Mallow Road|Ballybrit Business Park|Model Farm Road|Raheen Industrial Estate|Quay Street")
IE_TOWNS = (
    ("Cork", "T12"),
    ("Galway", "H91"),
    ("Limerick", "V94"),
    ("Shannon, Co. Clare", "V14"),
    ("Athlone, Co. Westmeath", "N37"),
    ("Dundalk, Co. Louth", "A91"),
    ("Waterford", "X91"),
)
AU_STREETS = _w("Boundary Rd|Kewdale Rd|Princes Hwy|Foundry Rd|Smeaton Grange Rd|Hume St")
AU_TOWNS = (
    ("Wodonga", "VIC", "3690"),
    ("Dandenong South", "VIC", "3175"),
    ("Wetherill Park", "NSW", "2164"),
    ("Toowoomba", "QLD", "4350"),
    ("Elizabeth", "SA", "5112"),
    ("Kwinana", "WA", "6167"),
    ("Launceston", "TAS", "7250"),
)
IN_AREAS = (
    ("Sector {n}, IMT Manesar", "Gurugram, Haryana", "122"),
    ("{n}rd Cross, Peenya Industrial Area", "Bengaluru, Karnataka", "560"),
    ("MIDC Bhosari", "Pune, Maharashtra", "411"),
    ("SIPCOT Industrial Park", "Sriperumbudur, Tamil Nadu", "602"),
    ("GIDC Estate, Vatva", "Ahmedabad, Gujarat", "382"),
    ("Phase {n}, Focal Point", "Ludhiana, Punjab", "141"),
)
JR_PLACES = (
    ("Kita-Aoyama", "Minato-ku, Tokyo", "107"),
    ("Higashi-Gotanda", "Shinagawa-ku, Tokyo", "141"),
    ("Sakae", "Naka-ku, Nagoya, Aichi", "460"),
    ("Umeda", "Kita-ku, Osaka", "530"),
    ("Showa-cho", "Kariya, Aichi", "448"),
    ("Hakata-ekimae", "Hakata-ku, Fukuoka", "812"),
    ("Shin-Yokohama", "Kohoku-ku, Yokohama, Kanagawa", "222"),
    ("Takatsuka-cho", "Chuo-ku, Hamamatsu, Shizuoka", "432"),
    ("Kasumi", "Yokkaichi, Mie", "510"),
    ("Nishiki", "Naka-ku, Nagoya", "460"),
)
JA_PLACES = (
    ("愛知県", "刈谷市", _w("昭和町|朝日町|一里山町|小垣江町")),
    ("静岡県", "浜松市中央区", _w("高塚町|可美|若林町")),
    ("群馬県", "太田市", _w("西新町|東新町|吉沢町")),
    ("三重県", "四日市市", _w("霞|塩浜町|日永")),
    ("岩手県", "北上市", _w("相去町|村崎野|北工業団地")),
    ("栃木県", "宇都宮市", _w("清原工業団地|平出工業団地")),
    ("兵庫県", "姫路市", _w("広畑区富士町|飾磨区中島")),
    ("広島県", "東広島市", _w("西条町吉行|八本松町")),
    ("新潟県", "燕市", _w("小池|吉田|物流センター")),
    ("大阪府", "東大阪市", _w("高井田|長田東|菱屋西")),
    ("東京都", "大田区", _w("下丸子|東糀谷|京浜島")),
    ("沖縄県", "うるま市", _w("州崎|字洲崎|字兼箇段")),
)
JA_BUILDINGS = _w("コーポ若葉|メゾン東雲|第二杉ビル|サンハイツ|グランシャリオ|寮A棟")
EMAIL_DOMAINS = _w(
    "nishiki-seiko.co.jp|kariya-parts.jp|ohio-stamping.com|tyneside-castings.co.uk|corkvalve.ie|"
    "pune-forge.in|wodonga-metal.com.au|mail.plant-kariya.co.jp|gmail.com|outlook.jp|yahoo.co.jp|"
    "docomo.ne.jp|ezweb.ne.jp|icloud.com|proton.me|hotmail.co.uk"
)

# -- phones: (region, country code, national masks) ; N = 2-9, # = any digit -----------------------

INTL_MASKS = (
    ("GB", "44", _w("7### ######|20 7### ####|161 ### ####|121 ### ####")),
    ("IE", "353", _w("87 ### ####|21 4## ####|91 5## ###")),
    ("IN", "91", _w("98### #####|80 2### ####|20 27## ####")),
    ("AU", "61", _w("4## ### ###|3 9### ####|2 9### ####")),
    ("NG", "234", _w("803 ### ####|806 ### ####|1 ### ####")),
    ("VN", "84", _w("9# ### ####|28 3### ####")),
    ("KR", "82", _w("10-####-####|2-###-####")),
    ("SA", "966", _w("5# ### ####|11 ### ####")),
    ("ES", "34", _w("6## ## ## ##|91 ### ## ##")),
)
NANP_AREAS = _w("212|313|419|864|615|317|502|734|586|937|248|972|336|519|414|205")
JP_AREAS = ("3", "6", "52", "566", "53", "276", "197", "98", "42")

# -- hard negatives --------------------------------------------------------------------------------

NEG_MACHINES = _w("M-204|CNC-07|PRS-3A|ROB-12|K3-CNV-02|press #3|HMC-5|AGV-11|crane C2|FL-08")
NEG_MACHINES_JA = _w("3号機|第2プレス|射出成形機7号|溶接ロボ4号|NC旋盤2号|天井クレーン5t|フォーク8号車")
NEG_PLACES = _w("Line 3|Bay B|Dock 4|Cell 12|Gate 2|Paint Shop|Mezzanine|Tool Crib|Building 7|Yard C")
NEG_PLACES_JA = _w("第2工場|B棟2階|3番ライン|北門|資材置場|塗装場|第1倉庫|検査棟|食堂棟|南駐車場")
NEG_MODELS = _w(
    "FANUC R-2000iC|Keyence IV3-500CA|Daikin RXYQ-T|Rosemount 3051|Mitsubishi FX5U-32M|Omron NX1P2|"
    "Siemens S7-1500|Toyota 8FBE15|Makino a61nx|Fluke 87V"
)
NEG_BRANDS = _w(
    "Fanuc|Keyence|Daikin|Emerson|Yaskawa|Okuma|Nachi|Denso|Hilti|Lincoln Electric|John Deere|"
    "Allen-Bradley|Parker Hannifin|Miller|Milwaukee|Grainger|Fluke|Dewalt"
)
NEG_BRANDS_JA = _w("ファナック|キーエンス|ダイキン|安川電機|オークマ|不二越|マキタ|ミスミ|トラスコ中山")
NEG_STANDARDS = _w(
    "ISO 9001:2015|ISO 14001|IATF 16949|JIS B 0001|JIS Z 8101|EN 60204-1|ANSI Z87.1|OSHA 1910.178|"
    "IEC 61131-3|ASTM A36|ISO 45001|JIS Q 9100"
)
NEG_JA_NAMELIKE = _w(
    "豊田市|浜松|日立市|鈴鹿|大和|岡崎|小松|安城|刈谷|豊田自動織機|日立製作所|本田技研工業|三菱電機|"
    "小松製作所|山崎製パン|松下電器|吉野家|石川島|川崎重工|上野駅|中村区|佐藤製作所"
)
NEG_EN_NAMELIKE = _w(
    "Morgan Street|Lincoln Electric|Ford Transit|Jackson pallet|Phillips screwdriver|Allen key"
)
NEG_UNITS = _w(
    "0.05 mm|12.5 kN|3.2 bar|85 dB(A)|1,450 rpm|40 N·m|220 V|12 A|Ø25 mm|4.5 t|60 Hz|2.4 L/min|38 °C"
)
NEG_UNITS_JA = _w("0.02ミリ|180℃|3.5MPa|85dB|1450rpm|40N・m|200V|15A|2.5トン|12リットル|0.3秒")
NEG_TICKETS = ("INC{d7}", "CHG-{d5}", "MNT-{d3}", "SR#{d5}", "WO-2{d1}-{d5}", "RMA {d6}", "NCR-{d4}")

_FW = str.maketrans({c: chr(ord(c) + 0xFEE0) for c in string.digits + string.ascii_letters + "-+()@.:"})


def _valid_phone(number: str, region: str | None = None) -> bool:
    import phonenumbers

    try:
        return bool(phonenumbers.is_valid_number(phonenumbers.parse(number, region)))
    except phonenumbers.NumberParseException:
        return False


def negative_is_safe(text: str) -> bool:
    """No digit run of a hard negative is a card, a My Number or a valid JP / North American phone."""
    plain = unicodedata.normalize("NFKC", text)
    for run in re.findall(r"\d[\d .-]*\d", plain):
        digits = re.sub(r"\D", "", run)
        if 13 <= len(digits) <= 19 and luhn(digits):
            return False
        if len(digits) == 12 and my_number(digits):
            return False
        if len(digits) >= 9 and (_valid_phone(digits, "JP") or _valid_phone(digits, "US")):
            return False
    return True


class _Names:
    """Person names for both languages from Faker, mimesis and the hand-written lists."""

    def __init__(self, rng: random.Random, seed: int) -> None:
        try:
            from faker import Faker
        except ImportError:
            raise MissingExtra("faker", "bench", "The unseen redaction evaluation set") from None
        try:
            import mimesis
        except ImportError:
            raise MissingExtra("mimesis", "bench", "The unseen redaction evaluation set") from None
        self.rng = rng
        self.fakers = {}
        for i, loc in enumerate((*FAKER_NAME_LOCALES, "zh_CN")):
            fake = Faker(loc)
            fake.seed_instance(seed * 131 + i)
            self.fakers[loc] = fake
        self.mimesis = {
            loc: mimesis.Person(mimesis.Locale(loc), seed=seed * 131 + 40 + i)
            for i, loc in enumerate(MIMESIS_NAME_LOCALES)
        }

    def pick(self, items: tuple[str, ...]) -> str:
        return self.rng.choice(items)

    def latin(self) -> tuple[str, str, str]:
        """(given, family, source) of a name written in Latin letters."""
        r = self.rng.random()
        if r < 0.25:
            loc = self.pick(FAKER_NAME_LOCALES)
            fake = self.fakers[loc]
            return str(fake.first_name()), str(fake.last_name()), f"faker-{loc}"
        if r < 0.42:
            loc = self.pick(MIMESIS_NAME_LOCALES)
            person = self.mimesis[loc]
            return person.first_name(), person.last_name(), f"mimesis-{loc}"
        if r < 0.85:
            region = self.pick(tuple(HAND_NAMES))
            given, family = self.rng.choice(HAND_NAMES[region])
            return given, family, f"hand-{region}"
        return self.pick(JR_GIVEN), self.pick(JR_FAMILY), "hand-romaji"

    def write_latin(self, tag: str, romaji: bool = False) -> Piece:  # noqa: PLR0911 - one per style
        given, family, source = (
            (self.pick(JR_GIVEN), self.pick(JR_FAMILY), "hand-romaji") if romaji else self.latin()
        )
        if source == "hand-korean" and self.rng.random() < 0.3:
            given = given.replace("-", "").capitalize()
        first = source in FAMILY_FIRST or (source == "hand-romaji" and self.rng.random() < 0.5)
        full = f"{family} {given}" if first else f"{given} {family}"
        style = tag or self.rng.choices(("plain", "capsfam", "init", "comma"), (76, 10, 8, 6))[0]
        if style == "caps":
            return Piece(full.upper(), "PERSON", f"{source} caps")
        if style == "lower":
            return Piece(full.lower(), "PERSON", f"{source} lower")
        if style == "given":
            return Piece(given, "PERSON", f"{source} given")
        if style == "family":
            return Piece(family, "PERSON", f"{source} family")
        if style == "san":  # English written at a Japanese plant: Tanaka-san
            return Piece(family, "PERSON", f"{source} san", post=self.pick(("-san", " san", "-san")))
        if style == "capsfam":
            return Piece(f"{family.upper()} {given}", "PERSON", f"{source} capsfam")
        if style == "init" and not given.endswith("."):
            return Piece(f"{given[0]}. {family}", "PERSON", f"{source} init")
        if style == "comma":
            return Piece(f"{family}, {given}", "PERSON", f"{source} comma")
        if style == "title":
            return Piece(full, "PERSON", f"{source} title", pre=self.pick(_TITLES) + " ")
        if style == "poss":
            return Piece(full, "PERSON", f"{source} poss", post="'" if full.endswith("s") else "'s")
        return Piece(full, "PERSON", source)

    def japanese(self) -> tuple[str, str, str]:
        """(family, given, source); a katakana foreign name comes whole in ``family``."""
        r = self.rng.random()
        if r < 0.38:
            return self.pick(JA_FAMILY), self.pick(JA_GIVEN_KANJI), "ja-hand"
        if r < 0.58:
            return self.pick(JA_FAMILY_VARIANT), self.pick(JA_GIVEN_KANJI + JA_GIVEN_KANA), "ja-variant"
        if r < 0.68:
            return self.pick(JA_FAMILY), self.pick(JA_GIVEN_KANA), "ja-kana-given"
        if r < 0.84:
            parts = self.pick(JA_KATAKANA_FOREIGN).split("/")
            return self.rng.choice(("・", "・", "＝", " ", "\u3000")).join(parts), "", "ja-katakana"
        fake = self.fakers["zh_CN"]
        return str(fake.last_name()), str(fake.first_name()), "faker-zh_CN"

    def write_japanese(self, tag: str) -> Piece:
        family, given, source = self.japanese()
        style = self.rng.choices(("full", "space", "family"), (45, 25, 30))[0]
        if not given:
            value, style = family, "katakana"
        elif style == "full" or source == "faker-zh_CN":
            value, style = family + given, "full"
        elif style == "space":
            value = family + self.rng.choice((" ", "\u3000")) + given
        else:
            value = family
        form = f"{source} {style}"
        if tag == "hon":
            return Piece(value, "PERSON", f"{form} hon", post=self.pick(JA_HONORIFICS))
        if tag == "role":
            return Piece(value, "PERSON", f"{form} role", post=self.pick(JA_ROLES))
        if tag == "full" and given:
            return Piece(family + given, "PERSON", f"{source} full")
        return Piece(value, "PERSON", f"{form} {tag}".strip())


class _Values(SeededValues):
    """The value builders: one seeded ``random.Random`` (and seeded Faker/mimesis inside _Names)."""

    def __init__(self, seed: int) -> None:
        super().__init__(seed)
        self.names = _Names(self.rng, seed)

    # -- addresses ---------------------------------------------------------------------------------

    def us_address(self, with_zip: bool = True) -> Piece:
        town, state, zip3 = self.rng.choice(US_TOWNS)
        street = f"{self.d(self.rng.randint(3, 5), '123456789')} {self.pick(US_STREETS)}"
        if self.rng.random() < 0.45:
            unit = self.pick(US_UNITS).format(n=self.rng.randint(1, 9))
            street = f"{street} {unit}" if self.rng.random() < 0.4 else f"{street}, {unit}"
        zip_code = zip3 + self.d(2) + (f"-{self.d(4)}" if self.rng.random() < 0.3 else "")
        tail = f" {zip_code}" if with_zip else ""
        return Piece(f"{street}, {town}, {state}{tail}", "ADDRESS", "us-addr")

    def uk_address(self) -> Piece:
        town, outward = self.rng.choice(UK_TOWNS)
        inward = self.d(1) + "".join(self.rng.choice("ABDEFGHJLNPQRSTUWXYZ") for _ in range(2))
        head = self.pick(("Unit {n}, ", "Flat {n}B, ", "", "")).format(n=self.rng.randint(1, 20))
        street = f"{self.rng.randint(1, 180)} {self.pick(UK_STREETS)}"
        return Piece(f"{head}{street}, {town} {outward} {inward}", "ADDRESS", "uk-addr")

    def ie_address(self) -> Piece:
        town, key = self.rng.choice(IE_TOWNS)
        code = "".join(self.rng.choice("ACDEFHKNPRTVWXY0123456789") for _ in range(4))
        street = self.pick(IE_STREETS)
        head = f"Unit {self.rng.randint(1, 30)}, " if "Park" in street or "Estate" in street else ""
        number = "" if head else f"{self.rng.randint(1, 90)} "
        return Piece(f"{head}{number}{street}, {town}, {key} {code}", "ADDRESS", "ie-addr")

    def au_address(self) -> Piece:
        town, state, post = self.rng.choice(AU_TOWNS)
        number = str(self.rng.randint(2, 220))
        if self.rng.random() < 0.5:
            number = f"{self.rng.randint(1, 14)}/{number}"
        return Piece(f"{number} {self.pick(AU_STREETS)}, {town} {state} {post}", "ADDRESS", "au-addr")

    def in_address(self) -> Piece:
        area, city, pin3 = self.rng.choice(IN_AREAS)
        area = area.format(n=self.rng.randint(2, 9))
        head = self.pick(("Plot No. {n}", "No. {n}", "Flat {n}02, Shanti Apartments", "Door No. 4-{n}"))
        head = head.format(n=self.rng.randint(3, 96))
        return Piece(f"{head}, {area}, {city} {pin3}{self.d(3)}", "ADDRESS", "in-addr")

    def jr_address(self, with_zip: bool = True) -> Piece:
        town, tail, zip3 = self.rng.choice(JR_PLACES)
        c, b, g = self.rng.randint(1, 6), self.rng.randint(1, 30), self.rng.randint(1, 25)
        head = self.pick(
            (
                f"{c}-{b}-{g} {town}",
                f"{town} {c}-chome {b}-{g}",
                f"{c}-chome-{b}-{g} {town}",
                f"Room {self.rng.randint(2, 9)}0{self.rng.randint(1, 9)}, {c}-{b}-{g} {town}",
            )
        )
        zip_code = f" {zip3}-{self.d(4)}" if with_zip else ""
        country = ", Japan" if self.rng.random() < 0.2 else ""
        return Piece(f"{head}, {tail}{zip_code}{country}", "ADDRESS", "jr-addr")

    def ja_address(self, zip_inside: bool = True) -> Piece:
        pref, city, towns = self.rng.choice(JA_PLACES)
        c, b, g = self.rng.randint(1, 5), self.rng.randint(1, 40), self.rng.randint(1, 30)
        number = self.pick(
            (f"{c}丁目{b}番{g}号", f"{c}-{b}-{g}", f"{c}丁目{b}-{g}", f"{b}{g}番地", f"{b}番地の{g}")
        )
        if self.rng.random() < 0.25:
            number = number.translate(_FW)
        building = ""
        if self.rng.random() < 0.3:
            room = f"{self.rng.randint(1, 4)}0{g % 9 + 1}号室"
            building = f"{self.pick(('', ' ', '　'))}{self.pick(JA_BUILDINGS)}{room}"
        lead = pref if self.rng.random() < 0.8 else ""
        value = f"{lead}{city}{self.pick(towns)}{number}{building}"
        if zip_inside and self.rng.random() < 0.25:
            mark = self.pick(("〒", "〒", ""))
            value = f"{mark}{self.d(3, '123456789')}-{self.d(4)}{self.pick((' ', '　', ''))}{value}"
            return Piece(value, "ADDRESS", "ja-addr zip-inside")
        return Piece(value, "ADDRESS", "ja-addr")

    def any_address(self) -> Piece:
        return self.rng.choice(
            (
                self.us_address,
                self.uk_address,
                self.ie_address,
                self.au_address,
                self.in_address,
                self.jr_address,
            )
        )()

    def postal(self, kind: str) -> Piece:
        if kind == "jp" or (not kind and self.lang == "ja"):
            code = f"{self.d(3, '123456789')}-{self.d(4)}"
            if self.lang == "ja" and self.rng.random() < 0.2:
                code = code.translate(_FW)
            mark = self.lang == "ja" and self.rng.random() < 0.6
            return Piece(("〒" if mark else "") + code, "POSTAL_CODE", "jp-zip" + (" mark" if mark else ""))
        r = self.rng.random() / 2 if kind == "us" else self.rng.random()
        if r < 0.5:
            code = self.rng.choice(US_TOWNS)[2] + self.d(2)
            return Piece(code + (f"-{self.d(4)}" if r < 0.25 else ""), "POSTAL_CODE", "us-zip")
        if r < 0.8:
            outward = self.rng.choice(UK_TOWNS)[1]
            inward = self.d(1) + "".join(self.rng.choice("ABDEFGHJLNPQRSTUWXYZ") for _ in range(2))
            return Piece(f"{outward} {inward}", "POSTAL_CODE", "uk-postcode")
        key = self.rng.choice(IE_TOWNS)[1]
        code = "".join(self.rng.choice("ACDEFHKNPRTVWXY0123456789") for _ in range(4))
        return Piece(f"{key} {code}", "POSTAL_CODE", "ie-eircode")

    # -- phones (every value checked with phonenumbers) --------------------------------------------

    def _until_valid(self, make: Callable[[], tuple[str, str, str | None]]) -> str:
        for _ in range(500):
            written, number, region = make()
            if _valid_phone(number, region):
                return written
        raise RuntimeError("no valid phone number in 500 draws")  # a mask above is wrong

    def nanp(self, ext: bool = False) -> Piece:
        def make() -> tuple[str, str, str | None]:
            area, exchange, line = self.pick(NANP_AREAS), self.d(3, "23456789"), self.d(4)
            if self.rng.random() < 0.15:
                exchange, line = "555", "01" + self.d(2)
            written = self.pick(
                (
                    f"({area}) {exchange}-{line}",
                    f"{area}.{exchange}.{line}",
                    f"{area}{exchange}{line}",
                    f"+1-{area}-{exchange}-{line}",
                    f"001-1-{area}-{exchange}-{line}",
                    f"+1 ({area}) {exchange}-{line}",
                    f"1 {area} {exchange} {line}",
                    f"{area}-{exchange}-{line}",
                )
            )
            return written, f"+1{area}{exchange}{line}", None

        written = self._until_valid(make)
        if ext or self.rng.random() < 0.25:
            suffix = self.pick((" x{n}", " ext. {n}", " Ext {n}", " extension {n}", " X{n}", " ext.{n}"))
            return Piece(
                written + suffix.format(n=self.d(self.rng.randint(2, 4), "123456789")), "PHONE", "nanp ext"
            )
        return Piece(written, "PHONE", "nanp")

    def intl(self) -> Piece:
        region, cc, masks = self.rng.choice((INTL_MASKS[0], INTL_MASKS[0], *INTL_MASKS))  # GB twice

        def make() -> tuple[str, str, str | None]:
            national = self.fill(self.pick(masks))
            r = self.rng.random()
            if r < 0.45:
                written = f"+{cc} {national}"
            elif r < 0.75:
                written = f"00 {cc} {national}"
            elif r < 0.85:
                written = f"+{cc}-{national.replace(' ', '-')}"
            else:  # the national form, parsed for its own region
                written = national if region == "ES" else "0" + national
                return written, written, region
            return written, "+" + cc + re.sub(r"\D", "", national), None

        return Piece(self._until_valid(make), "PHONE", f"intl-{region.lower()}")

    def jp_phone(self) -> Piece:
        def make() -> tuple[str, str, str | None]:
            r = self.rng.random()
            if r < 0.45:
                area = self.pick(JP_AREAS)
                local = self.d(5 - len(area), "23456789") + "-" + self.d(4)
                kind = "landline"
            elif r < 0.9:
                area, local, kind = (
                    self.pick(("90", "80", "70")),
                    self.d(4, "123456789") + "-" + self.d(4),
                    "mobile",
                )
            else:
                area, local, kind = "120", self.d(3, "123456789") + "-" + self.d(3), "tollfree"
            digits = area + local.replace("-", "")
            if self.lang == "en" and kind != "tollfree" and self.rng.random() < 0.6:
                written = self.pick(
                    (f"+81 {area}-{local}", f"+81-{area}-{local}", f"+81 {area} {local.replace('-', ' ')}")
                )
            else:
                written = self.pick(
                    (f"0{area}-{local}", f"0{area}-{local}", f"(0{area}) {local}", f"0{digits}")
                )
            return f"{written}|{kind}", "+81" + digits, None

        written, kind = self._until_valid(make).split("|")
        if self.lang == "ja" and self.rng.random() < 0.25:
            return Piece(written.translate(_FW), "PHONE", f"jp-{kind} fullwidth")
        return Piece(written, "PHONE", f"jp-{kind}")

    def phone(self, tag: str = "") -> Piece:
        if tag == "ext":
            return self.nanp(ext=True)
        if self.lang == "ja":
            return self.jp_phone() if self.rng.random() < 0.8 else self.intl()
        r = self.rng.random()
        return self.nanp() if r < 0.5 else self.intl() if r < 0.82 else self.jp_phone()

    # -- cards, numbers, network, e-mail -----------------------------------------------------------

    def _card_digits(self) -> tuple[str, str]:
        brand, prefixes, lengths = self.rng.choice(
            (
                ("visa", ("4",), (16, 16, 13, 19)),
                ("mastercard", ("51", "53", "55", "2221", "2720", "2500"), (16,)),
                ("amex", ("34", "37"), (15,)),
                ("discover", ("6011", "644", "649", "65"), (16, 19)),
                ("jcb", ("3528", "3541", "3566", "3589"), (16, 19)),
                ("unionpay", ("62", "6212"), (16, 17, 19)),
                ("maestro", ("5018", "5020", "6759", "6761", "6304"), (13, 16, 19)),
                ("diners", ("36", "38", "300", "305"), (14,)),
                ("mir", ("2200", "2204"), (16,)),
                ("rupay", ("6521", "6522", "508"), (16,)),
                ("troy", ("9792",), (16,)),
                ("voyager", ("8699",), (15,)),
                ("private-label", ("6035", "6046", "7069"), (16,)),
            )
        )
        prefix, length = self.pick(prefixes), self.rng.choice(lengths)
        body = prefix + self.d(length - len(prefix) - 1)
        return body + next(c for c in string.digits if luhn(body + c)), f"card-{brand}"

    def card(self, tag: str = "") -> Piece:
        digits, form = self._card_digits()
        n = len(digits)
        groups = {15: (4, 6, 5), 14: (4, 6, 4), 13: (4, 4, 5), 19: (4, 4, 4, 4, 3)}.get(
            n, (4,) * (n // 4) + ((n % 4,) if n % 4 else ())
        )
        sep = self.pick(("", " ", "-", " "))
        chunks, k = [], 0
        for g in groups:
            chunks.append(digits[k : k + g])
            k += g
        written = sep.join(chunks)
        form = f"{form} {tag}".strip()
        if self.lang == "ja" and self.rng.random() < 0.2:
            return Piece(written.translate(_FW), "CARD_NUMBER", f"{form} fullwidth")
        return Piece(written, "CARD_NUMBER", form)

    def my_number(self) -> Piece:
        body = self.d(11, "123456789")
        number = body + my_number_check_digit(body)
        written = self.pick(
            (number, f"{number[:4]} {number[4:8]} {number[8:]}", f"{number[:4]}-{number[4:8]}-{number[8:]}")
        )
        if self.lang == "ja" and self.rng.random() < 0.25:
            return Piece(written.translate(_FW), "MY_NUMBER", "checkdigit fullwidth")
        return Piece(written, "MY_NUMBER", "checkdigit")

    def email(self, tag: str = "") -> Piece:
        given, family, source = self.names.latin()
        if self.rng.random() < 0.3:
            given, family, source = self.pick(JR_GIVEN), self.pick(JR_FAMILY), "hand-romaji"
        given = re.sub(r"[^a-z]", "", unicodedata.normalize("NFKD", given.lower())) or "staff"
        family = re.sub(r"[^a-z]", "", unicodedata.normalize("NFKD", family.lower())) or "plant"
        local = self.pick(
            (
                f"{given}.{family}",
                f"{given[0]}{family}",
                f"{family}_{given[0]}",
                f"{family}.{given}+plant",
                f"{given}{self.d(2)}",
            )
        )
        address = f"{local}@{self.pick(EMAIL_DOMAINS)}"
        if tag == "caps" or self.rng.random() < 0.06:
            return Piece(address.upper(), "EMAIL", f"built-{source} caps")
        return Piece(address, "EMAIL", f"built-{source}")

    def ip(self) -> Piece:
        r = self.rng.random()
        if r < 0.45:
            net = self.pick(("10.{a}.{b}.{c}", "192.168.{a}.{c}", "172.{s}.{b}.{c}"))
            value = net.format(
                a=self.rng.randint(0, 255),
                b=self.rng.randint(0, 255),
                c=self.rng.randint(1, 254),
                s=self.rng.randint(16, 31),
            )
            return Piece(value, "IP_ADDRESS", "v4-private")
        if r < 0.7:
            while True:
                address = ipaddress.IPv4Address(self.rng.getrandbits(32))
                if address.is_global:
                    return Piece(str(address), "IP_ADDRESS", "v4-public")
        prefix = self.pick(("2001:db8", "fe80:0:0:0", "fd12:3456", "2400:4050"))
        groups = prefix.count(":") + 1
        v6 = ipaddress.IPv6Address(
            f"{prefix}:" + ":".join(f"{self.rng.getrandbits(16):x}" for _ in range(8 - groups))
        )
        return Piece(v6.compressed if self.rng.random() < 0.6 else v6.exploded, "IP_ADDRESS", "v6")

    def mac(self) -> Piece:
        octets = [f"{self.rng.randrange(256):02x}" for _ in range(6)]
        r = self.rng.random()
        if r < 0.35:
            return Piece(":".join(octets), "MAC_ADDRESS", "colon")
        if r < 0.65:
            return Piece("-".join(octets).upper(), "MAC_ADDRESS", "hyphen")
        if r < 0.85:
            joined = "".join(octets)
            return Piece(".".join((joined[:4], joined[4:8], joined[8:])), "MAC_ADDRESS", "dotted")
        return Piece(":".join(octets).upper(), "MAC_ADDRESS", "colon caps")


# -- hard negatives --------------------------------------------------------------------------------


def _date(values: _Values) -> str:
    rng = values.rng
    y, m, dd = rng.randint(2025, 2027), rng.randint(1, 12), rng.randint(1, 28)
    if values.lang == "ja":
        return values.pick(
            (f"{y}年{m}月{dd}日", f"令和{y - 2018}年{m}月{dd}日", f"{m}月{dd}日", f"{y}/{m:02d}/{dd:02d}")
        )
    month = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")[m - 1]
    return values.pick(
        (f"{y}-{m:02d}-{dd:02d}", f"{dd} {month} {y}", f"{dd:02d}/{m:02d}/{y % 100:02d}", f"{month} {dd}")
    )


def _time(values: _Values) -> str:
    h, mm = values.rng.randint(0, 23), values.pick(("00", "10", "15", "30", "45"))
    if values.lang == "ja":
        return values.pick((f"{h}時{mm}分", f"{h:02d}:{mm}", f"{h}時"))
    return values.pick((f"{h:02d}:{mm}", f"{h:02d}{mm}h", f"{h % 12 or 12}:{mm} {'am' if h < 12 else 'pm'}"))


def _order(values: _Values) -> str:
    """An order or document number of 10-16 digits that is not a card number (Luhn fails)."""
    digits = values.d(values.rng.randint(10, 16), "3456789")
    if luhn(digits):
        digits = digits[:-1] + str((int(digits[-1]) + 1) % 10)
    head = values.pick(("PO ", "", "SO-", "")) if values.lang == "en" else values.pick(("", "No.", ""))
    return head + digits


def _negative_value(values: _Values, kind: str) -> str:  # noqa: PLR0911 - one return per kind
    ja, d, rng = values.lang == "ja", values.d, values.rng
    tables = {
        "machine": NEG_MACHINES_JA if ja and rng.random() < 0.7 else NEG_MACHINES,
        "place": NEG_PLACES_JA if ja else NEG_PLACES,
        "model": NEG_MODELS,
        "brand": NEG_BRANDS_JA if ja and rng.random() < 0.6 else NEG_BRANDS,
        "std": NEG_STANDARDS,
        "unit": NEG_UNITS_JA if ja and rng.random() < 0.7 else NEG_UNITS,
        "namelike": NEG_JA_NAMELIKE if ja else NEG_EN_NAMELIKE,
    }
    if kind in tables:
        return values.pick(tables[kind])
    if kind == "date":
        return _date(values)
    if kind == "time":
        return _time(values)
    if kind == "part":
        return values.pick(
            (
                f"62{d(2)}-2RS",
                f"BRG-{d(4)}-ZZ",
                f"A{d(4)}-T6",
                f"PN {d(2)}-{d(4)}-{d(2)}",
                f"SUS{d(3)}",
                f"M{rng.choice((6, 8, 10))}x1.25",
            )
        )
    if kind == "lot":
        return values.pick((f"LOT {d(2)}K{d(3)}-{d(2)}", f"L{d(4)}-{d(3)}", f"{d(6)}-{d(1)}"))
    if kind == "order":
        return _order(values)
    if kind == "prod":
        return d(rng.randint(7, 12), "123456789")
    if kind == "ticket":
        return values.pick(NEG_TICKETS).format(d1=d(1), d3=d(3), d4=d(4), d5=d(5), d6=d(6), d7=d(7))
    raise ValueError(kind)


def negative(values: _Values, kind: str) -> Piece:
    for _ in range(200):
        value = _negative_value(values, kind)
        if negative_is_safe(value):
            return Piece(value, NEGATIVE, kind)
    raise RuntimeError(f"no safe {kind} negative in 200 draws")


# -- slots -----------------------------------------------------------------------------------------


def fill_slot(values: _Values, name: str, tag: str) -> Piece:
    if name.startswith("n_"):
        return negative(values, name[2:])
    if name == "num":
        return Piece(str(values.rng.randint(2, 60)))
    names = values.names
    builders: dict[str, Callable[[], Piece]] = {
        "p": lambda: names.write_japanese(tag) if values.lang == "ja" else names.write_latin(tag),
        "pen": lambda: names.write_latin(tag),
        "pjr": lambda: names.write_latin(tag, romaji=True),
        "pkata": lambda: _katakana(values),
        "pkana": lambda: Piece(values.pick(JA_KANA_NAMES), "PERSON", "ja-kana-full"),
        "addr": values.any_address,
        "addr_us": values.us_address,
        "addr_us_nozip": lambda: values.us_address(with_zip=False),
        "addr_uk": values.uk_address,
        "addr_ie": values.ie_address,
        "addr_au": values.au_address,
        "addr_in": values.in_address,
        "addr_jr": values.jr_address,
        "addr_jr_nozip": lambda: values.jr_address(with_zip=False),
        "jaddr": lambda: values.ja_address(zip_inside=tag != "nozip"),
        "zip": lambda: values.postal(tag),
        "jzip": lambda: _jzip(values, tag),
        "phone": lambda: values.phone(tag),
        "nanp": values.nanp,
        "intl": values.intl,
        "jphone": values.jp_phone,
        "email": lambda: values.email(tag),
        "card": lambda: values.card(tag),
        "mynum": values.my_number,
        "ip": values.ip,
        "mac": values.mac,
    }
    return builders[name]()


def _katakana(values: _Values) -> Piece:
    parts = values.pick(JA_KATAKANA_FOREIGN).split("/")
    return Piece(values.pick(("・", "・", "＝", " ", "\u3000")).join(parts), "PERSON", "ja-katakana")


def _jzip(values: _Values, tag: str) -> Piece:
    piece = values.postal("jp")
    if tag == "bare" and piece.value.startswith("〒"):
        return Piece(piece.value[1:], "POSTAL_CODE", "jp-zip")
    if tag == "mark" and not piece.value.startswith("〒"):
        return Piece("〒" + piece.value, "POSTAL_CODE", "jp-zip mark")
    return piece


# -- templates -------------------------------------------------------------------------------------
# {slot} or {slot:tag}; n_<kind> is a hard negative, num a filler number. Person tags: caps, lower,
# given, family, init, comma, title, poss (English), hon, role, full (Japanese).

EN_TEMPLATES = (
    # forklift licence renewals
    "FORKLIFT LICENCE RENEWAL - OPERATOR {p:caps} - TRUCK {n_machine} - EXPIRES {n_date}",
    "Forklift licence renewed for {p} ({email}); practical test on a {n_model} passed at {n_place}.",
    "Licence card reissued, posted to {p:poss} home address: {addr_us}.",
    # contractor induction sign-offs
    "Contractor induction signed off: {p} of {n_brand} field service, mobile {phone}, escort {p:title}.",
    "Induction: {p}, {p} and {p:init} completed the {n_std} briefing at {n_place}.",
    "Inducted by: {p} | Contractor: {pjr} | Emergency contact: {phone:ext}",
    # spare-part courier notes
    "Courier pickup: {n_part} x2 to {addr_uk}, attn {p}; tracking ref {n_ticket}.",
    "Ship the {n_brand} encoder to {addr_ie}. Receiver {p} on {intl}.",
    "Deliver to {addr_us_nozip}, ZIP {zip:us} - ask for {p:given} at the gatehouse.",
    # warranty claims
    "Warranty claim {n_ticket}: {n_model} spindle failed after {num} hours. Claimant {p}, {email}, "
    "card on file {card:ctx}.",
    "warranty refund to card {card:ctx}, cardholder {p:lower}",
    # visitor NDA log
    "Visitor NDA log, {n_date}: {p} ({n_brand}), host {p}, signed {n_time}.",
    "NDA signed by {pjr:title}, {addr_jr}, tel {phone}.",
    # chemical spill reports
    "Spill report: coolant at {n_place} (meter read {n_unit}), cleaned up by {p} and {p}; "
    "{p:title} informed at {n_time}.",
    "CHEMICAL SPILL {n_place} - FIRST RESPONDER {p:caps} - CALL {nanp}",
    # canteen allergy list
    "Canteen allergy list: {p} (peanuts), {p} (gluten), {p:given} (shellfish).",
    "{p:poss} allergy card is kept at the canteen till; next of kin {p}, {phone}.",
    # crane tags, tool crib, lost and found, parking, uniforms
    "Crane tag: {n_machine} inspected {n_date} by {p}, last reading {n_unit}.",
    "tool crib: {n_brand} torque wrench out to {p:lower}, back by {n_time}",
    "Lost & found: wallet with card {card:ctx} and a driving licence for {p}, handed in at {n_place}.",
    "Parking permit {num} issued to {p}, home {addr_au}, mobile {intl}.",
    "Uniform order for {p}: size L, deliver to {addr_in}; questions to {email}.",
    # exit interviews, leave, hearing tests, mileage, visa, union
    "Exit interview with {p} held by {p:title}; forwarding address {addr}, personal e-mail {email}.",
    "Leave request: {p} (jury duty) {n_date}; cover by {p}. Approved: {p:comma}.",
    "Hearing test for {pjr}: {n_unit} at 4 kHz, re-test booked. Japan payroll needs My Number {mynum}.",
    "Mileage claim by {p}: {num} miles to the {n_brand} plant, paid to card {card:ctx}.",
    "Visa file for {pjr}: Japan address {addr_jr}, individual number {mynum}, phone {phone}.",
    "Residence card postal code {zip:jp}, holder {pjr:caps}, street {addr_jr_nozip}.",
    "Union notice: shop steward {p} can be reached at {email} or {phone:ext}.",
    # phishing reports, network rows
    "Phishing report: mail from {email} asked {p} to log in from {ip}; laptop MAC {mac}.",
    "{ip} scanned the {n_model} PLC at {n_time}; switch port MAC {mac}, reported by {p}.",
    # radio log (lowercase, terse)
    "radio ch2 {n_time}: {p:lower} to {p:lower}, forklift at {n_place} clear",
    "{p:given} here, call me back on {phone}",
    # several values, values at the start and end
    "{p} asked that the refund go to {card:noctx}; the ZIP on file is {zip}.",
    "HR badge photos needed: {p}, {p}, {p}, {p}.",
    "Thanks {p:given}! And thanks to {pjr} for the {n_model} retrofit.",
    "pls ask {pjr:san} about the {n_model} alarm, he has the manual. refund {card:noctx} still pending",
    "Postcode {zip} belongs to the courier address of {p:family}.",
    # hard negatives only
    "Replaced {n_part} on {n_machine} at {n_place}; reading {n_unit}, lot {n_lot}.",
    "Order {n_order} for {n_model} spares confirmed, ticket {n_ticket}.",
    "{n_brand} service visit {n_date} {n_time}: {n_machine} recalibrated to {n_unit}.",
    "Audit scope: {n_std} and {n_std} at {n_place}; product codes {n_prod} and {n_prod}.",
    "{n_namelike} kit delivered to {n_place} - check {n_part} before {n_time}.",
    "LOCKOUT {n_machine} {n_place} {n_date} {n_time} REF {n_ticket}",
    "Product {n_prod} replaces {n_prod}; lot {n_lot} on hold, order {n_order}.",
    "{n_brand} and {n_brand} quotes for the {n_model} retrofit, ticket {n_ticket}.",
    "shift b: {n_machine} down from {n_time}, {n_ticket} raised, {n_unit} drift",
    "Warranty claim {n_ticket} rejected: {n_model} outside the {n_std} window, order {n_order}.",
    "Spill kit restocked at {n_place} on {n_date}; absorbent checked at {n_unit}, per {n_std}.",
    "Crane {n_machine} load test passed, certificate to {n_std}, next due {n_date}.",
)

JA_TEMPLATES = (
    # 外注検収書
    "【外注検収書】検収日：{n_date}　品名：{n_part}　検収者：{p}　承認：{p:role}",
    "外注先担当{p:hon}（{jphone}）より納品、ロット{n_lot}を検収。",
    # 構内事故速報
    "【構内事故速報】{n_time}頃、{n_place}で{n_machine}と接触。被災者：{p}（{num}歳）、発見者：{p:hon}。",
    "事故速報：{pkata}さんが{n_place}で転倒、{p:role}が救急へ連絡（{jphone}）。",
    # 労災報告
    "労災報告書　被災者氏名（カナ）：{pkana}　住所：{jaddr}　個人番号：{mynum}　記入者：{p:full}",
    "{p:hon}の立替金は{card:noctx}へ返金済み、控えは{pkana}さんが保管。",
    "労災申請のため{p:hon}のマイナンバー{mynum}と口座を確認。記入者：{p}",
    # 品質クレーム連絡
    "品質クレーム連絡：{n_namelike}様より{n_prod}に打痕、窓口は{p:hon}（{email}）。",
    "クレーム{n_ticket}について{p:role}から顧客の{pen}様へ{intl}で説明済み。",
    # 来客受付簿
    "来客受付簿　{n_date}　{p}様（{n_brand}）　訪問先：{p:role}　入館{n_time}",
    "受付：{pen}様ご来社、連絡先{phone}、ホスト{p:hon}。",
    # 秘密保持誓約書
    "秘密保持誓約書　氏名 {p}　住所 {jzip} {jaddr:nozip}　電話 {jphone}",
    # フォークリフト資格更新
    "フォークリフト運転資格更新：{p}、{p}、{pkata}の3名、{n_date}に{n_place}で実技。",
    "資格証の送付先：{jaddr}　{p:hon}宛",
    # 食堂アレルギー表
    "食堂アレルギー表　{p:hon}：卵・乳　{p:hon}：小麦　{pen:given}さん：ナッツ",
    # 化学物質漏えい報告
    "化学物質漏えい報告　{n_place}で切削油が漏えい（計測値{n_unit}）、処置者：{p}、確認：{p:role}",
    # 工具貸出簿, 落とし物台帳
    "工具貸出簿　{n_model}　貸出先：{p:hon}　返却予定{n_time}",
    "落とし物：{n_place}で財布、中にカード{card:ctx}と{p}名義の免許証。",
    # 駐車許可申請, 作業服発注
    "駐車許可申請　申請者：{p}　住所：{jzip}{jaddr:nozip}　携帯：{jphone}",
    "作業服発注：{p}・{p}・{p}　各Lサイズ、納品先 {jaddr}",
    # 退職面談記録, 特別休暇申請, 聴力検査結果
    "退職面談記録　{p:hon}　面談者：{p:role}　転居先：{jaddr}　連絡先メール：{email}",
    "特別休暇申請（忌引）　申請者{p}　承認{p:role}　期間{n_date}から3日",
    "聴力検査結果：{p:hon}は4kHzで{n_unit}、再検査。",
    # 社有車運転日報
    "社有車運転日報　運転者{p}　ETCカード{card:ctx}　走行{num}km",
    "ガソリン代は法人カード{card:ctx}で精算済み（{p:hon}）。",
    # 在留資格更新
    "在留資格更新：{pkata}さん、住所{jaddr}、電話{phone}、個人番号{mynum}",
    "{pen}さんの在留カード住所は{jaddr:nozip}、郵便番号{jzip:bare}。",
    # 組合連絡, 新規入場者教育
    "組合連絡：書記長{p:hon}まで{email}でご連絡を。",
    "新規入場者教育　受講者：{p}、{pen}、{pkata}　講師：{p:role}",
    # 宅配伝票, 保証修理依頼, 送別会
    "宅配伝票　お届け先：{jzip:mark}　{jaddr:nozip}　{p}様　TEL{jphone}",
    "海外工場向け部品送付先：{addr_us}　Attn. {pen}",
    "保証修理依頼：{n_model}の不具合、依頼者{p:hon}、返送先{jaddr}",
    "送別会のお知らせ：{p:role}の送別会を{n_date}に開催。幹事：{p}（{jphone}）",
    # 不審メール報告, ネットワーク台帳, チャット
    "不審メール報告：{email}から{p:hon}宛のメール、リンク先は{ip}。端末MAC {mac}",
    "ネットワーク台帳　{n_machine}　IP {ip}　MAC {mac}　担当：{p}",
    "{pjr:lower}さん、{ip}につながらないです",
    "{p}です。{jphone}に折り返しお願いします。",
    "連絡先は{email}、担当は{p}。",
    "記入者：{p}　確認者：{p}　承認：{p}",
    # hard negatives only
    "{n_machine}の{n_part}を交換、測定値{n_unit}、ロット{n_lot}。",
    "{n_namelike}向け{n_prod}の出荷は{n_date} {n_time}、注文番号{n_order}。",
    "{n_brand}の{n_model}を{n_place}に設置、{n_std}に準拠。",
    "{n_place}で{n_machine}停止（{n_time}）、チケット{n_ticket}。",
    "【速報】{n_place}　{n_machine}　{n_unit}　{n_time}　対応中",
    "品質記録：{n_prod}と{n_prod}は{n_std}の検査に合格。",
    "{n_brand}サービス来訪{n_date}、{n_machine}のオーバーホール、見積{n_ticket}。",
    "注文番号{n_order}の{n_part}は{n_namelike}から{n_date}入荷。",
    "保全依頼{n_ticket}：{n_place}の{n_model}、異音、{n_unit}。",
    "外注検収：{n_namelike}製{n_part}、製品コード{n_prod}、ロット{n_lot}合格。",
    "{n_date}　{n_place}　{n_machine}点検、{n_model}の表示{n_unit}、異常なし。",
    "{n_namelike}の{n_brand}代理店から{n_part}の見積、チケット{n_ticket}。",
)

_SLOT = re.compile(r"\{(\w+)(?::(\w+))?\}")



def _render(values: _Values, lang: str, template: str) -> Sample:
    return render(values, lang, template, lambda name, tag: fill_slot(values, name, tag), _SLOT)


def generate_unseen(per_lang: int, seed: int = 29) -> list[Sample]:
    """``per_lang`` Japanese sentences, then ``per_lang`` English ones; the same for the same seed.
    Templates are dealt in shuffled rounds, so each is used about equally."""
    values = _Values(seed)
    return deal(values.rng, per_lang, (("ja", JA_TEMPLATES), ("en", EN_TEMPLATES)),
                lambda lang, template: _render(values, lang, template))
