"""A fresh labeled evaluation set: plant paperwork the redactor's rules were never tuned on.

Written by a helper session acting as an independent author, WITHOUT reading the detectors (names_*,
addresses, structured, phones, strict, persons, registry, redactor) and without running the redactor
on this set while writing it: its author never saw its score. Only the Sample/Label format
(:mod:`edged.privacy.evalset`), the scorer (:mod:`edged.privacy.evaluate`) and the SOURCES of the
other sets were read, to avoid their sources and text kinds.

Text kinds (none used by the other sets): supplier audit findings, calibration certificates, kaizen
suggestion cards, lockout/tagout lock registers, dock appointment sheets, PPE issue logs, locker and
key registers, fire-drill muster rolls, first-aid logs, shuttle and carpool rosters, RMA return
labels, toolbox-talk attendance, fuel-card logs, referral forms, network asset rows, security-scan
findings, relocation notes, payroll notes for assignees, ALL-CAPS pager alerts and award notices; in
Japanese 改善提案書, 校正証明書, 監査指摘事項, KY活動記録, 5Sパトロール記録, 鍵貸出簿, 保護具貸与台帳,
避難訓練点呼表, 救急処置記録, 送迎バス乗車名簿, 社宅入居申請, 緊急連絡網, 慶弔連絡, 表彰, 人事異動,
健診再検査案内, 通勤経路届, 扶養控除申告, 伝言メモ, 返品伝票, 構内入構許可, IT資産台帳 and 脆弱性診断.

Label conventions: ``text[start:end] == value``; PERSON is the name only (titles, honorifics, role
words and the possessive 's stay outside; Jr./III and the Bangladeshi "Md." are inside); ADDRESS is
the whole address with its postcode when written inside it; a postcode on its own is POSTAL_CODE,
with its 〒; PHONE holds its international prefix and an extension written after it (x12, ext. 3).
``form``'s first tag names the builder or source (``mimesis-pl``, ``nd-ID``, ``hand-somali``,
``ja-rare`` ...), later tags how it was written (caps, lower, poss, title, hon, role, fullwidth ...).
"""

from __future__ import annotations

import ipaddress
import random
import re
import string
from collections.abc import Callable
from dataclasses import dataclass

from edged.errors import MissingExtra
from edged.privacy.checks import luhn, my_number, my_number_check_digit
from edged.privacy.evalset import NEGATIVE, Label, Sample
from edged.privacy.evalset_render import deal

MIMESIS_VERSION = "22.2.0"
SOURCES: dict[str, str] = {
    "mimesis": f"mimesis {MIMESIS_VERSION} (a generator other than Faker), seeded per locale: person names "
    "of en, en-gb, en-ca, en-au, pl, pt, pt-br, es-mx, tr, nl, hu, cs, de, fr, it, da, sv, fi, et, hr, "
    "sk, is and ja (kanji surnames, kanji/hiragana/katakana given names); street names and suffixes of "
    "en, en-gb, en-ca, en-au; US cities, states and ZIPs; UK postcodes; Japanese cities and town names; "
    "telephone masks of pl, uk, pt-br, tr, nl, cs, fr, de, it (kept only when phonenumbers says valid); "
    "Visa/MasterCard/Amex numbers; e-mails, IPv4/IPv6 and MAC addresses",
    "names-dataset": "names-dataset 3.3.1 (philipperemy, Apache-2.0): top-ranked given and family names "
    "of ID, BD, ET, PT, MY, PE, ZA, HU, GR and NL (none of the countries the independent set took), "
    "junk and non-Latin entries dropped by hand, embedded here; the package is not a dependency "
    "(a 55 MB wheel whose pickles take ~2 GB to load)",
    "hand-written": "written for this set: names of Filipino, Indonesian (mononyms too), Thai, Nepali, "
    "Bangladeshi, Ethiopian, Somali, Ghanaian, Polish, Ukrainian, Romanian, Brazilian, Mexican, Turkish, "
    "Iranian, Sri Lankan, Irish/Scottish and Dutch-particle workers; Japanese rare surnames, old-form "
    "kanji (髙, 齊, 邉, 﨑, 濱 ...), kanji/hiragana/katakana given names, katakana foreign full names, "
    "Chinese and Korean names in kanji, romanised Japanese names (macrons, caps surnames); honorifics "
    "and role words; Japanese prefecture/city pairs, Kyoto and Sapporo street forms, rural 大字/字; "
    "romanised Japanese towns and wards; Canadian and Australian towns; plant e-mail domains; "
    "international and Japanese phone masks; card IIN ranges (Discover, JCB, UnionPay, Diners, "
    "Maestro, fleet cards); every hard negative (machines, parts, lots, units, dates, places, "
    "capitalised plant phrases, brands, certificate numbers, katakana technical terms, departments "
    "followed by さん)",
    "phonenumbers": "phonenumbers (already an edged dependency) validates every PHONE value for its "
    "region and rejects digit negatives that would parse as a valid JP or US number",
    "checks": "edged.privacy.checks: Luhn for card numbers and machine serials, the My Number check digit",
    "templates": "48 English and 48 Japanese sentence templates written for this set",
}

# -- names-dataset 3.3.1, curated (given, family) -------------------------------------------------


def _w(text: str) -> tuple[str, ...]:
    return tuple(text.split("|"))


ND_NAMES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "ID": (
        _w("Agus|Budi|Bambang|Dewi|Hendra|Indra|Iwan|Eko|Siti|Agung|Dian|Achmad|Wahyu|Endang|Arief|Heru"),
        _w(
            "Wijaya|Gunawan|Setiawan|Santoso|Kurniawan|Hidayat|Wibowo|Nugroho|Saputra|Siregar|Pratama|Prasetyo"
        ),
    ),
    "BD": (
        _w(
            "Mohammad|Abdul|Saiful|Kazi|Arif|Masud|Imran|Shamim|Rasel|Sohel|Nusrat|Tanvir|Mehedi|Nazmul|Rakib"
        ),
        _w("Islam|Hossain|Rahman|Uddin|Akter|Chowdhury|Alam|Miah|Mahmud|Haque|Biswas|Sarker|Kabir|Sultana"),
    ),
    "ET": (
        _w("Tesfaye|Biruk|Mesfin|Habtamu|Girma|Ashenafi|Tilahun|Desalegn|Dereje|Zerihun|Biniyam|Tadesse"),
        _w("Getahun|Birhanu|Gashaw|Gemechu|Gizaw|Adugna|Kassaw|Tamirat|Bedru|Wondimu|Kibret|Nigatu"),
    ),
    "PT": (
        _w("João|Nuno|Tiago|Diogo|Catarina|Rui|Joana|Inês|Filipe|Mariana|Ricardo|Rita"),
        _w("Gonçalves|Marques|Carvalho|Teixeira|Correia|Moreira|Monteiro|Cardoso|Duarte|Coelho|Ribeiro"),
    ),
    "MY": (
        _w("Mohd|Nurul|Khairul|Amirul|Aiman|Hafiz|Fatin|Farah|Siti|Wan"),
        _w("Ismail|Othman|Hashim|Yusof|Zakaria|Ramli|Yap|Leong|Liew|Chong|Abdullah|Ibrahim"),
    ),
    "PE": (
        _w("Milagros|Walter|Edwin|Cesar|Julio|Rosa|Raul|Luz|Victor|Elizabeth"),
        _w("Quispe|Mamani|Huaman|Espinoza|Chavez|Paredes|Salazar|Vasquez|Castillo|Mendoza"),
    ),
    "ZA": (
        _w("Mpho|Thabo|Lerato|Tebogo|Tshepo|Zanele|Bongani|Ayanda|Sipho|Sandile|Themba|Lindiwe|Karabo"),
        _w("Ndlovu|Dlamini|Khumalo|Nkosi|Mokoena|Sithole|Mkhize|Mahlangu|Ngcobo|Mthembu|Buthelezi|Radebe"),
    ),
    "HU": (
        _w("László|Gábor|Zoltán|Attila|Tamás|Zsolt|Katalin|Csaba|Judit|Balázs|Krisztina|Zsuzsanna"),
        _w("Nagy|Kovács|Tóth|Szabó|Horváth|Varga|Molnár|Németh|Farkas|Balogh|Takács|Juhász|Mészáros"),
    ),
    "GR": (
        _w("Dimitris|Giannis|Giorgos|Katerina|Eleni|Konstantinos|Panagiotis|Vasilis|Christos|Stelios"),
        _w("Papadopoulos|Georgiou|Papageorgiou|Nikolaou|Papaioannou|Papadakis|Oikonomou|Karagiannis"),
    ),
    "NL": (
        _w("Jeroen|Henk|Martijn|Bas|Wim|Monique|Jolanda|Yvonne|Willem|Bart"),
        _w("Jansen|Bakker|Visser|Dijkstra|Vermeulen|Schouten|Verhoeven|Hoekstra|Huisman|Kuipers"),
    ),
}
# Hungarians write the family name first.
FAMILY_FIRST = frozenset({"nd-HU", "hand-chinese"})

# -- hand-written names (given, family); an empty family is a mononym ------------------------------

HAND_NAMES: dict[str, tuple[tuple[str, str], ...]] = {
    "filipino": (
        ("Rodelio", "Dimaculangan"),
        ("Marites", "Bautista"),
        ("Jhun-Jhun", "Macaraeg"),
        ("Rowena", "Pangilinan"),
        ("Ferdinand", "Dela Cruz"),
        ("Ma. Cristina", "Villanueva"),
        ("Jerome", "Tolentino"),
        ("Lovely", "Manalastas"),
    ),
    "indonesian": (
        ("Sutrisno", ""),
        ("Slamet", "Riyadi"),
        ("Wulan", "Sari"),
        ("Mulyono", ""),
        ("Yohanes", "Simanjuntak"),
        ("Ni Luh", "Putu Ariani"),
        ("Rahmat", "Hidayatullah"),
        ("Suparmi", ""),
    ),
    "thai": (
        ("Somchai", "Srisuk"),
        ("Nattaya", "Boonmee"),
        ("Kittisak", "Wongsawat"),
        ("Pornpimol", "Chaiyaporn"),
        ("Anucha", "Thongchai"),
        ("Siriporn", "Kaewmanee"),
    ),
    "nepali": (
        ("Dil Bahadur", "Tamang"),
        ("Sita", "Pariyar"),
        ("Hari Prasad", "Sapkota"),
        ("Min Bahadur", "Ale"),
        ("Laxmi", "Bhandari"),
        ("Pasang", "Lama"),
    ),
    "bangladeshi": (
        ("Md. Rafiqul", "Islam"),
        ("Md. Shahidul", "Alam"),
        ("Taslima", "Begum"),
        ("Abu Bakkar", "Siddique"),
        ("Rokeya", "Khatun"),
        ("Jashim", "Uddin Bhuiyan"),
    ),
    "ethiopian": (
        ("Abebech", "Gobena"),
        ("Mulugeta", "Tessema"),
        ("Hiwot", "Alemayehu"),
        ("Yared", "Woldemariam"),
        ("Etenesh", "Ayele"),
        ("Solomon", "Haile Mariam"),
    ),
    "somali": (
        ("Abdirahman", "Warsame"),
        ("Hodan", "Abdi Farah"),
        ("Abdirizak", "Mohamed Hussein"),
        ("Fadumo", "Jama"),
        ("Liban", "Egal"),
        ("Sahra", "Nur Osman"),
    ),
    "ghanaian": (
        ("Kwesi", "Appiah-Kubi"),
        ("Adwoa", "Boakye-Danquah"),
        ("Yaw", "Ofosu-Amaah"),
        ("Akosua", "Agyemang"),
        ("Kojo", "Nkansah"),
        ("Efua", "Quansah"),
    ),
    "polish": (
        ("Grzegorz", "Brzęczyszczykiewicz"),
        ("Małgorzata", "Wójcik"),
        ("Przemysław", "Szczepański"),
        ("Jadwiga", "Kaczmarczyk"),
        ("Łukasz", "Żółkiewski"),
        ("Agnieszka", "Chmielewska"),
    ),
    "ukrainian": (
        ("Oleksandr", "Hrytsenko"),
        ("Nataliia", "Kovalchuk"),
        ("Yurii", "Tkachenko"),
        ("Oksana", "Melnychuk"),
        ("Bohdan", "Shevchuk"),
        ("Iryna", "Savchenko"),
    ),
    "romanian": (
        ("Ionuț", "Popescu"),
        ("Andreea", "Dumitrescu"),
        ("Mihai", "Constantinescu"),
        ("Ioana", "Stănescu"),
        ("Florin", "Munteanu"),
        ("Cătălina", "Ionescu"),
    ),
    "brazilian": (
        ("Thiago", "Nascimento dos Santos"),
        ("Luana", "Figueiredo"),
        ("Wellington", "da Conceição"),
        ("Gisele", "Albuquerque"),
        ("Rogério", "Assunção"),
        ("Janaína", "Bezerra"),
    ),
    "mexican": (
        ("Guadalupe", "Hernández Ávila"),
        ("Jesús Alberto", "Zamora"),
        ("Xóchitl", "Cuauhtémoc"),
        ("Juan Pablo", "Villaseñor"),
        ("Itzel", "Ramírez Tapia"),
        ("Refugio", "Galván"),
    ),
    "turkish": (
        ("Mehmet Ali", "Yıldırım"),
        ("Ayşe", "Çelik"),
        ("Burak", "Öztürk"),
        ("Gülşen", "Aydoğan"),
        ("Emre", "Karakaş"),
        ("Şükrü", "Doğan"),
    ),
    "iranian": (
        ("Mohammad-Reza", "Farahani"),
        ("Shirin", "Tavakoli"),
        ("Arash", "Ghorbani"),
        ("Parisa", "Nikzad"),
        ("Behrouz", "Esfandiari"),
        ("Niloufar", "Hashemi-Nejad"),
    ),
    "srilankan": (
        ("Chandana", "Wickremaratne"),
        ("Nilanthi", "Gamage"),
        ("Sampath", "Kumarasinghe"),
        ("Dulani", "Rajapaksha"),
        ("Asela", "Gunathilaka"),
        ("Thilini", "Amarasekara"),
    ),
    "irish-scottish": (
        ("Siobhán", "O'Donoghue"),
        ("Niall", "Mac Giolla Phádraig"),
        ("Ailsa", "MacLeod"),
        ("Ciarán", "Ó Súilleabháin"),
        ("Fionnuala", "McGillicuddy"),
        ("Hamish", "Fraser-Mackintosh"),
    ),
    "particles": (
        ("Joost", "van der Heijden"),
        ("Maria", "de la Cruz"),
        ("Anouk", "ter Steege"),
        ("Pieter", "van 't Hof"),
        ("Luis", "del Río"),
        ("Ana", "dos Reis"),
    ),
}
_SUFFIXES = ("Jr.", "Sr.", "III", "II")
_TITLES_EN = ("Mr.", "Ms.", "Mrs.", "Dr.", "Eng.", "Engr.", "Prof.", "Capt.")

# Romanised Japanese (written by hand; no romaji in mimesis).
JR_FAMILY = _w(
    "Watanabe|Takahashi|Saitō|Ōno|Inoue|Kobayashi|Yamaguchi|Hasegawa|Fujiwara|Nishimura|Kikuchi|"
    "Ishikawa|Hayashi|Shimizu|Morita|Kondō|Sugiyama|Tsuchiya|Ichikawa|Hirano|Nomura|Ohtsuka|"
    "Kawaguchi|Teshigawara|Gotō|Shōji|Ikeuchi|Matsushita|Oyama|Wakabayashi|Hozumi|Tomiyasu"
)
JR_GIVEN = _w(
    "Kenji|Haruto|Yui|Sōta|Minami|Daisuke|Ayaka|Shun|Tomoko|Ryōta|Keiko|Hiroshi|Naoki|Yuka|"
    "Takumi|Misaki|Kazuhiro|Shōta|Yūko|Jun|Kōhei|Chihiro|Masayuki|Eri|Tatsuya|Nanami"
)
# Chinese workers' names romanised (family first, as they write them).
CN_ROMAJI = (("Jianhua", "Wang"), ("Xiuying", "Li"), ("Wei", "Zhang"), ("Yang", "Liu"), ("Min", "Chen"))

# -- Japanese names (hand-written) -----------------------------------------------------------------

JA_RARE = _w(
    "勅使河原|小鳥遊|四月一日|月見里|東海林|百目鬼|九十九|一尺八寸|纐纈|廿楽|栗花落|躑躅森|左右田|"
    "御手洗|武者小路|五百旗頭|瓜生|薬袋|鶏冠井|八月一日|十八女|我孫子|頴娃|愛甲|喜屋武|仲宗根|"
    "具志堅|阿久津|毒島|雲母|鴨志田|忽那|宍戸|乙部|蕪木|鷲見|猪狩|仁平|南雲|神風"
)
JA_OLD = _w(
    "髙山|齊藤|齋木|渡邊|邉田|濱崎|嶋村|山﨑|廣中|櫻庭|德丸|冨岡|眞田|黑木|瀨川|槇野|龍崎|桒原|國井|澤村"
)
JA_GIVEN_KANJI = _w(
    "翔太|悠真|大翔|蒼|湊|陽翔|結菜|陽葵|凛|芽依|紬|澪|一颯|和夫|昭二|恵美子|千代子|洋平|康弘|直樹|"
    "聡子|麻衣|友梨|舞|惠子|廣志|榮一|龍之介|彌生|德次郎|壽美子|與一"
)
JA_GIVEN_KANA = _w("さくら|ひかり|ゆうき|みなみ|かおる|あかね|ハル|ツル|キヨ|エミ|マリ|ジュン")
# Katakana foreign full names, parts split by '|' and joined with ・, ＝ or a space when written.
JA_KATAKANA_FOREIGN = (
    "グエン|ヴァン|フン",
    "チャン|ティ|ホア",
    "レ|ミン|トゥアン",
    "マリア|クリスティーナ|レイエス",
    "ジョセフ|デラクルス",
    "ブディ|ハルトノ",
    "スリ|ワヒュニ",
    "ラム|バハドゥル|タパ",
    "アウン|ミン|ソー",
    "ソムチャイ|シースック",
    "カルロス|エドゥアルド|ヤマシタ",
    "ジュリアナ|サトウ",
    "アナ|パウラ|オリヴェイラ",
    "オレクサンドル|コヴァレンコ",
    "ムハンマド|リズワン",
    "アブディ|ワルサメ",
    "クワメ|アサンテ",
    "メセレト|ハイレ",
)
# Chinese and Korean names written in kanji (family, given).
JA_CJK_KANJI = (
    ("王", "建華"),
    ("李", "秀英"),
    ("張", "偉"),
    ("劉", "洋"),
    ("朴", "誠一"),
    ("金", "美淑"),
    ("崔", "英浩"),
)
JA_HONORIFICS = _w("さん|様|氏|君|殿|ちゃん|さま")
JA_ROLES = _w("課長|係長|部長|班長|主任|工場長|職長|リーダー|先輩|所長|主査|技師|課長代理|組長|作業長")

# -- addresses (hand-written pieces; street names come from mimesis) -------------------------------

JA_PREF_CITY = (
    ("愛知県", "豊田市"),
    ("愛知県", "刈谷市"),
    ("静岡県", "浜松市中央区"),
    ("群馬県", "太田市"),
    ("栃木県", "宇都宮市"),
    ("茨城県", "日立市"),
    ("神奈川県", "川崎市川崎区"),
    ("大阪府", "東大阪市"),
    ("兵庫県", "姫路市"),
    ("広島県", "広島市南区"),
    ("福岡県", "北九州市八幡西区"),
    ("三重県", "四日市市"),
    ("岐阜県", "各務原市"),
    ("長野県", "諏訪市"),
    ("新潟県", "燕市"),
    ("富山県", "高岡市"),
    ("山口県", "周南市"),
    ("岡山県", "倉敷市"),
    ("埼玉県", "狭山市"),
    ("滋賀県", "草津市"),
    ("宮城県", "仙台市宮城野区"),
    ("熊本県", "菊池郡菊陽町"),
)
JA_BUILDINGS = _w(
    "メゾン桜台|コーポ青葉|サンハイツ東|グランドール栄|レオパレス刈谷|第二寮|社員寮A棟|ハイム緑が丘"
)
JA_RURAL = (
    ("愛知県豊田市", "大字御船", "字松平"),
    ("長野県上伊那郡", "大字赤穂", "字北割"),
    ("群馬県邑楽郡", "大字赤岩", "字宮前"),
)
# (ward or city, prefecture or "", romanised towns)
JR_PLACES = (
    ("Shinagawa-ku", "Tokyo", _w("Higashi-Shinagawa|Osaki|Minami-Oi|Konan")),
    ("Koto-ku", "Tokyo", _w("Toyosu|Shinonome|Kameido|Ariake")),
    ("Naka-ku, Nagoya", "Aichi", _w("Osu|Sakae|Marunouchi|Kanayama")),
    ("Nakamura-ku, Nagoya", "Aichi", _w("Meieki|Taikocho|Noritake")),
    ("Kita-ku, Osaka", "Osaka", _w("Umeda|Nakanoshima|Tenjinbashi")),
    ("Hakata-ku, Fukuoka", "Fukuoka", _w("Hakata-ekimae|Gion-machi|Sumiyoshi")),
    ("Tsurumi-ku, Yokohama", "Kanagawa", _w("Tsurumi-chuo|Namamugi|Suehiro-cho")),
    ("Toyota-shi", "Aichi", _w("Motomachi|Asahi-machi|Kotobuki-cho")),
    ("Kariya-shi", "Aichi", _w("Showa-cho|Aioi-cho|Sakura-machi")),
    ("Ota-shi", "Gunma", _w("Higashi-Honcho|Nitta-Kizaki|Oshima-cho")),
)
CA_TOWNS = (
    ("Mississauga", "ON", "L"),
    ("Cambridge", "ON", "N"),
    ("Windsor", "ON", "N"),
    ("Laval", "QC", "H"),
    ("Surrey", "BC", "V"),
    ("Calgary", "AB", "T"),
    ("Winnipeg", "MB", "R"),
    ("Dartmouth", "NS", "B"),
    ("Saskatoon", "SK", "S"),
)
AU_TOWNS = (
    ("Dandenong South", "VIC", "3175"),
    ("Campbellfield", "VIC", "3061"),
    ("Wetherill Park", "NSW", "2164"),
    ("Smithfield", "NSW", "2164"),
    ("Kwinana Beach", "WA", "6167"),
    ("Elizabeth West", "SA", "5113"),
    ("Eagle Farm", "QLD", "4009"),
    ("North Geelong", "VIC", "3215"),
)
UK_TOWNS = _w("Rotherham|Sunderland|Derby|Swindon|Coventry|Telford|Wrexham|Motherwell|Bridgend|Luton")
UNIT_EN = ("Apt. {n}", "Apt {n}B", "Suite {n}0", "Unit {n}", "#{n}", "Bldg {n}", "Ste. {n}00")
EMAIL_DOMAINS = _w(
    "kessler-forge.com|nakagawa-seiki.co.jp|plant.tohoku-mfg.jp|ridgeline-castings.us|"
    "hokuriku-tec.co.jp|m.kaizen-works.com|outlook.jp|yahoo.co.jp|proton.me|gmx.de"
)

# -- phone masks: (region, country code, national masks) ------------------------------------------
# '#' is any digit, 'N' 2-9; the written form adds the prefix.
INTL_MASKS = (
    ("PH", "63", ("9## ### ####",)),
    ("ID", "62", ("81# ####-####", "85# #### ####")),
    ("TH", "66", ("8# ### ####", "9# ### ####")),
    ("NP", "977", ("98########",)),
    ("BD", "880", ("17##-######", "18## ######")),
    ("LK", "94", ("77 ### ####", "71 ### ####")),
    ("ET", "251", ("91 ### ####",)),
    ("SO", "252", ("61 #######",)),
    ("GH", "233", ("24 ### ####", "20 ### ####")),
    ("IR", "98", ("912 ### ####",)),
    ("RO", "40", ("72# ### ###",)),
    ("UA", "380", ("67 ### ## ##", "50 ### ####")),
    ("MX", "52", ("55 #### ####", "33 #### ####")),
    ("GB", "44", ("20 7### ####", "161 ### ####", "7### ######")),
)
MIMESIS_PHONE_LOCALES = (
    ("pl", "PL"),
    ("pt-br", "BR"),
    ("tr", "TR"),
    ("nl", "NL"),
    ("cs", "CZ"),
    ("fr", "FR"),
)
JP_AREAS = ("3", "6", "52", "45", "566", "565", "53", "276", "29", "82", "93", "59")
NANP_AREAS = _w(
    "614|937|419|248|586|270|859|864|803|256|205|901|731|615|336|919|423|317|765|920|262|"
    "905|519|289|450|604|403|204|902|306"
)

# -- hard negatives (hand-written) -----------------------------------------------------------------

NEG_MACHINES = _w(
    "Press P-14|Amada HG-1303|KUKA KR 210|Fanuc R-2000iC/165F|Okuma LB3000|DMG Mori NLX 2500|Haas VF-2|"
    "Robot Cell 7|Zeiss Contura CMM|Boiler B-2|Chiller CH-03|Oven OV-11|AGV-07|Reach Truck RT-4|"
    "Engel e-mac 280|Trumpf TruLaser 3030"
)
NEG_MACHINES_JA = _w(
    "成形機12号機|プレス3号|NC旋盤No.5|ダイカストマシンDC-800|射出成形機J350|三次元測定機|"
    "熱処理炉2号|塗装ブースB|溶接ロボットR-7"
)
NEG_PLACES = _w(
    "Dock 4|Bay C12|Mezzanine East|Building 2 Annex|Paint Shop|Tool Crib|Gate 3|Cage B|Line 6 Kitting"
)
NEG_PLACES_JA = _w("第2工場|組立棟|北門守衛所|検査室B|出荷場|資材倉庫|成形棟2F|食堂前|第3ライン")
NEG_PHRASES = _w(
    "Corrective Action Request|First Article Inspection|Hot Work Permit|Gemba Walk|Total Productive "
    "Maintenance|Standard Work|Andon Cord|Kanban Loop|Safety Data Sheet|Goods Receipt|Poka Yoke|Root "
    "Cause|Process Owner|Shift Lead|Line Stop|Quality Alert|Red Tag|Master Schedule|Lessons Learned"
)
NEG_BRANDS = _w(
    "Mitutoyo|Keyence|Omron|Makita|Hilti|Parker Hannifin|Johnson Controls|Lincoln Electric|Graco|Festo|"
    "Balluff|Rittal|Schneider Electric|Rockwell Automation|Emerson|Yaskawa|Daikin|Kaeser|Snap-on"
)
NEG_BRANDS_JA = _w("キーエンス|オムロン|ミツトヨ|ファナック|ヤマザキマザック|ダイキン|マキタ|アマダ")
NEG_KATAKANA = _w(
    "コンプレッサー|サーボモーター|インバーター|ノギス|マイクロメーター|ハイトゲージ|エアブロー|"
    "ベルトコンベヤー|チラー|シーケンサー|タッチパネル|リニアガイド|エンコーダー|ソレノイドバルブ|"
    "トルクレンチ|ダイヤルゲージ|フォークリフト"
)
# Someone who is not a person, followed by an honorific: must stay.
NEG_DEPT_SAN = _w("品管|購買|設備|生技|総務|メーカー|ベンダー|業者|運送屋|お客")
NEG_UNITS = (
    "{a}.{b} mm",
    "{a}.{b} N·m",
    "{a}.{b} bar",
    "{a}{b} psi",
    "1,{a}{b}0 rpm",
    "{a}{b} dB(A)",
    "{a}.{b} kW",
    "{a}{b} °F",
    "0.{b} µm Ra",
    "24 VDC",
    "{a}.{b} t",
    "{a}{b} kN",
)

_FW = str.maketrans({c: chr(ord(c) + 0xFEE0) for c in string.digits + string.ascii_letters + "-+()@.:"})
_MIMESIS_NAME_LOCALES = _w("en|en-gb|en-ca|en-au|pl|pt|pt-br|es-mx|tr|nl|hu|cs|de|fr|it|da|sv|fi|et|hr|sk|is")


@dataclass
class Piece:
    """One filled slot: ``value`` is labeled with ``type`` (an entity, NEGATIVE, or "" for filler);
    ``pre`` and ``post`` are written around it, outside the label (a title, an honorific, 's)."""

    value: str
    type: str = ""
    form: str = ""
    pre: str = ""
    post: str = ""
    extra: tuple[Label, ...] = ()  # more labels, their offsets counted from the start of ``pre``


@dataclass
class Name:
    given: str
    family: str
    source: str


def _valid_phone(digits_with_plus: str) -> bool:
    import phonenumbers

    try:
        return bool(phonenumbers.is_valid_number(phonenumbers.parse(digits_with_plus, None)))
    except phonenumbers.NumberParseException:
        return False


def _negative_digits_ok(text: str) -> bool:
    """A digit run in a hard negative must not be a card, a My Number or a valid JP/US phone."""
    for run in re.findall(r"\d[\d -]*\d", text):
        digits = re.sub(r"\D", "", run)
        if 13 <= len(digits) <= 19 and luhn(digits):
            return False
        if len(digits) == 12 and my_number(digits):
            return False
        if len(digits) >= 9 and any(_valid_phone(p + digits.lstrip("0")) for p in ("+81", "+1")):
            return False
    return True


class _Builder:
    """The value builders. One seeded ``random.Random`` and seeded mimesis providers: the same seed
    gives the same set."""

    def __init__(self, seed: int) -> None:
        try:
            import mimesis
        except ImportError:
            raise MissingExtra("mimesis", "bench", "The fresh redaction evaluation set") from None
        self.rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
        self.lang = "en"
        self.persons = {
            loc: mimesis.Person(mimesis.Locale(loc), seed=seed * 101 + i)
            for i, loc in enumerate(_MIMESIS_NAME_LOCALES)
        }
        self.ja_person = mimesis.Person(mimesis.Locale.JA, seed=seed * 101 + 90)
        self.addresses = {
            loc: mimesis.Address(mimesis.Locale(loc), seed=seed * 101 + 100 + i)
            for i, loc in enumerate(("en", "en-gb", "en-ca", "en-au", "ja"))
        }
        self.phones = {
            loc: mimesis.Person(mimesis.Locale(loc), seed=seed * 101 + 120 + i)
            for i, (loc, _) in enumerate(MIMESIS_PHONE_LOCALES)
        }
        self.payment = mimesis.Payment(seed=seed * 101 + 130)
        self.internet = mimesis.Internet(seed=seed * 101 + 131)

    def d(self, n: int, first: str = string.digits) -> str:
        if n <= 0:
            return ""
        return self.rng.choice(first) + "".join(self.rng.choice(string.digits) for _ in range(n - 1))

    def fill(self, mask: str) -> str:
        return "".join(
            self.rng.choice(string.digits) if c == "#" else self.rng.choice("23456789") if c == "N" else c
            for c in mask
        )

    def pick(self, items: tuple[str, ...]) -> str:
        return self.rng.choice(items)

    # -- English-text names ------------------------------------------------------------------------

    def name(self) -> Name:
        r = self.rng.random()
        if r < 0.34:
            loc = self.pick(_MIMESIS_NAME_LOCALES)
            p = self.persons[loc]
            return Name(p.first_name(), p.last_name(), f"mimesis-{loc}")
        if r < 0.56:
            country = self.pick(tuple(ND_NAMES))
            givens, families = ND_NAMES[country]
            return Name(self.pick(givens), self.pick(families), f"nd-{country}")
        if r < 0.86:
            region = self.pick(tuple(HAND_NAMES))
            given, family = self.rng.choice(HAND_NAMES[region])
            return Name(given, family, f"hand-{region}")
        if r < 0.96:
            return Name(self.pick(JR_GIVEN), self.pick(JR_FAMILY), "hand-romaji")
        cn_given, cn_family = self.rng.choice(CN_ROMAJI)
        return Name(cn_given, cn_family, "hand-chinese")

    def write_name(self, name: Name, tag: str) -> Piece:  # noqa: PLR0911 - one return per style
        """The name as a sentence holds it; ``tag`` asks for a style, else one is drawn."""
        given, family, form = name.given, name.family, name.source
        if not family:
            return Piece(given.upper() if tag == "caps" else given, "PERSON", f"{form} mononym {tag}".strip())
        if name.source in FAMILY_FIRST or (name.source == "hand-romaji" and self.rng.random() < 0.4):
            full = f"{family} {given}"
        else:
            full = f"{given} {family}"
        style = (
            tag or self.rng.choices(("plain", "initial", "capsfam", "comma", "suffix"), (70, 10, 8, 6, 6))[0]
        )
        if style == "caps":
            return Piece(full.upper(), "PERSON", f"{form} caps")
        if style == "lower":
            return Piece(full.lower(), "PERSON", f"{form} lower")
        if style == "given":
            return Piece(given, "PERSON", f"{form} given")
        if style == "initial":
            return Piece(f"{given[0]}. {family}", "PERSON", f"{form} initial")
        if style == "capsfam":
            return Piece(f"{family.upper()} {given}", "PERSON", f"{form} capsfam")
        if style == "comma":
            return Piece(f"{family}, {given}", "PERSON", f"{form} comma")
        if style == "suffix" and name.source.startswith("mimesis-en"):
            return Piece(f"{full} {self.pick(_SUFFIXES)}", "PERSON", f"{form} suffix")
        if style == "title":
            return Piece(full, "PERSON", f"{form} title", pre=self.pick(_TITLES_EN) + " ")
        if style == "poss":
            return Piece(full, "PERSON", f"{form} poss", post="'s")
        return Piece(full, "PERSON", form)

    def person_en(self, tag: str) -> Piece:
        return self.write_name(self.name(), tag)

    def person_jr(self, tag: str) -> Piece:
        return self.write_name(Name(self.pick(JR_GIVEN), self.pick(JR_FAMILY), "hand-romaji"), tag)

    # -- Japanese-text names -----------------------------------------------------------------------

    def ja_name(self) -> tuple[str, str, str]:
        """(family, given, source); katakana foreign names come whole in ``family``."""
        r = self.rng.random()
        p = self.ja_person
        if r < 0.40:
            return p.last_name(), p.first_name(), "mimesis-ja"
        if r < 0.55:
            return self.pick(JA_RARE), self.pick(JA_GIVEN_KANJI + JA_GIVEN_KANA), "ja-rare"
        if r < 0.70:
            return self.pick(JA_OLD), self.pick(JA_GIVEN_KANJI), "ja-oldform"
        if r < 0.78:
            return p.last_name(), self.pick(JA_GIVEN_KANA), "ja-kana-given"
        if r < 0.92:
            parts = self.pick(JA_KATAKANA_FOREIGN).split("|")
            sep = self.rng.choice(("・", "・", "＝", " ", "\u3000"))
            return sep.join(parts), "", "ja-katakana-foreign"
        family, given = self.rng.choice(JA_CJK_KANJI)
        return family, given, "ja-cjk-kanji"

    def person_ja(self, tag: str) -> Piece:
        family, given, source = self.ja_name()
        style = self.rng.choices(("full", "space", "family"), (50, 25, 25))[0]
        if not given:
            value, style = family, "katakana"
        elif style == "full":
            value = family + given
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

    # -- addresses ---------------------------------------------------------------------------------

    def _street(self, loc: str) -> str:
        a = self.addresses[loc]
        return f"{a.street_name()} {a.street_suffix()}"

    def us_address(self, with_zip: bool = True) -> Piece:
        a = self.addresses["en"]
        r = self.rng.random()
        if r < 0.1:
            street = f"PO Box {self.d(4, '123456789')}"
        elif r < 0.2:
            street = f"{self.pick(('N', 'W'))}{self.d(4, '123456789')} County Road {self.pick(tuple('KMJQ'))}"
        else:
            compass = self.pick(("", "", "", "N. ", "S. ", "E. ", "W. "))
            street = f"{self.d(self.rng.randint(2, 5), '123456789')} {compass}{self._street('en')}"
            if self.rng.random() < 0.35:
                street += ", " + self.pick(UNIT_EN).format(n=self.rng.randint(1, 9))
        zip_code = a.zip_code() + (f"-{self.d(4)}" if self.rng.random() < 0.3 else "")
        tail = f" {zip_code}" if with_zip else ""
        return Piece(f"{street}, {a.city()}, {a.state(abbr=True)}{tail}", "ADDRESS", "us-addr")

    def uk_address(self) -> Piece:
        flat = f"Flat {self.rng.randint(1, 12)}, " if self.rng.random() < 0.4 else ""
        street = f"{self.rng.randint(1, 240)} {self._street('en-gb')}"
        postcode = self.addresses["en-gb"].postal_code()
        return Piece(f"{flat}{street}, {self.pick(UK_TOWNS)} {postcode}", "ADDRESS", "uk-addr")

    def ca_address(self) -> Piece:
        town, prov, letter = self.rng.choice(CA_TOWNS)
        letters = "ABCEGHJKLMNPRSTVXY"
        letter2, letter3 = self.pick(tuple(letters)), self.pick(tuple(letters))
        code = f"{letter}{self.d(1)}{letter2} {self.d(1)}{letter3}{self.d(1)}"
        street = f"{self.rng.randint(10, 9800)} {self._street('en-ca')}"
        if prov == "QC" and self.rng.random() < 0.5:
            return Piece(f"{street}, {town} (Québec) {code}", "ADDRESS", "ca-addr")
        unit = f"Unit {self.rng.randint(1, 40)}, " if self.rng.random() < 0.3 else ""
        return Piece(f"{unit}{street}, {town}, {prov} {code}", "ADDRESS", "ca-addr")

    def au_address(self) -> Piece:
        town, state, post = self.rng.choice(AU_TOWNS)
        number = str(self.rng.randint(1, 180))
        if self.rng.random() < 0.4:
            number = f"{self.rng.randint(1, 12)}/{number}"
        return Piece(f"{number} {self._street('en-au')}, {town} {state} {post}", "ADDRESS", "au-addr")

    def jr_address(self, with_zip: bool = True) -> Piece:
        ward, pref, towns = self.rng.choice(JR_PLACES)
        town = self.pick(towns)
        c, b, g = self.rng.randint(1, 6), self.rng.randint(1, 30), self.rng.randint(1, 25)
        zip_code = f" {self.d(3, '123456789')}-{self.d(4)}" if with_zip else ""
        tail = f", {pref}" if pref and pref not in ward else ""
        r = self.rng.random()
        if r < 0.45:
            head = f"{c}-{b}-{g} {town}"
        elif r < 0.7:
            head = f"{town} {c}-chome {b}-{g}"
        elif r < 0.85:
            head = f"{b}-{g}, {town} {c}-chome"
        else:
            head = (
                f"Room {self.rng.randint(1, 9)}0{self.rng.randint(1, 9)}, "
                f"{self.pick(('Sakura', 'Aoba', 'Green'))} "
                f"{self.pick(('Mansion', 'Heights', 'Court'))}, {c}-{b}-{g} {town}"
            )
        if pref == "Tokyo" and self.rng.random() < 0.5:
            ward = ward.replace("-ku", " City")
        return Piece(f"{head}, {ward}{tail}{zip_code}", "ADDRESS", "jr-addr")

    def ja_address(self) -> Piece:
        r = self.rng.random()
        town = self.addresses["ja"].street_name()
        c, b, g = self.rng.randint(1, 5), self.rng.randint(1, 40), self.rng.randint(1, 30)
        if r < 0.12:
            pref_city, oaza, aza = self.rng.choice(JA_RURAL)
            return Piece(f"{pref_city}{oaza}{aza}{self.rng.randint(1, 999)}番地", "ADDRESS", "ja-rural")
        if r < 0.2:
            return Piece(
                f"京都市{self.pick(('中京区', '下京区', '南区'))}"
                f"{self.pick(('烏丸通', '西洞院通', '堀川通'))}"
                f"{self.pick(('御池', '四条', '七条'))}{self.pick(('上る', '下る'))}{town}町{b}番地",
                "ADDRESS",
                "ja-kyoto",
            )
        if r < 0.27:
            return Piece(f"北海道札幌市中央区北{c}条西{b % 20 + 1}丁目{g}-{b}", "ADDRESS", "ja-sapporo")
        if r < 0.4:
            return Piece(f"{self.addresses['ja'].city()}{town}{c}-{b}-{g}", "ADDRESS", "ja-city")
        pref, city = self.rng.choice(JA_PREF_CITY)
        number = self.pick((f"{c}丁目{b}番{g}号", f"{c}-{b}-{g}", f"{c}丁目{b}-{g}", f"{b}番地{g}"))
        if self.rng.random() < 0.2:
            number = number.translate(_FW)
        building = (
            f" {self.pick(JA_BUILDINGS)}{self.rng.randint(1, 5)}0{self.rng.randint(1, 9)}号室"
            if self.rng.random() < 0.3
            else ""
        )
        return Piece(f"{pref}{city}{town}{number}{building}", "ADDRESS", "ja-addr")

    def any_address(self) -> Piece:
        return self.rng.choice(
            (self.us_address, self.uk_address, self.ca_address, self.au_address, self.jr_address)
        )()

    # -- phones (every value checked with phonenumbers) ------------------------------------------

    def _until_valid(self, make: Callable[[], tuple[str, str]]) -> tuple[str, str]:
        """``make`` gives (written form, +E.164 digits); redrawn until phonenumbers calls it valid."""
        for _ in range(500):
            written, e164 = make()
            if _valid_phone(e164):
                return written, e164
        raise RuntimeError("no valid phone number in 500 draws")  # a mask above is wrong

    def nanp(self, tag: str = "") -> Piece:
        def make() -> tuple[str, str]:
            area, exchange, line = self.pick(NANP_AREAS), self.d(3, "23456789"), self.d(4)
            if exchange[1:] == "11" or exchange == "555":
                exchange = "42" + exchange[2]
            style = self.rng.randrange(9)
            written = (
                f"({area}) {exchange}-{line}",
                f"{area}.{exchange}.{line}",
                f"{area} {exchange} {line}",
                f"{area}{exchange}{line}",
                f"{area}-{exchange}-{line}",
                f"+1 {area} {exchange} {line}",
                f"+1-{area}-{exchange}-{line}",
                f"1-{area}-{exchange}-{line}",
                f"+1 ({area}) {exchange}-{line}",
            )[style]
            return written, f"+1{area}{exchange}{line}"

        written, _ = self._until_valid(make)
        form = "nanp"
        if tag == "ext" or (not tag and self.rng.random() < 0.3):
            ext = self.rng.choice((" x{n}", " ext. {n}", " ext {n}", " Ext. {n}", " X{n}", ", ext. {n}"))
            written += ext.format(n=self.d(self.rng.randint(1, 4), "123456789"))
            form += " ext"
        return Piece(written, "PHONE", form)

    def intl(self) -> Piece:
        if self.rng.random() < 0.3:
            loc, region = self.rng.choice(MIMESIS_PHONE_LOCALES)
            person = self.phones[loc]
            for _ in range(200):
                number = person.telephone()
                if number.startswith("+") and _valid_phone(re.sub(r"[^\d+]", "", number)):
                    return Piece(number, "PHONE", f"mimesis-{loc}")
        region, cc, masks = self.rng.choice(INTL_MASKS)

        def make() -> tuple[str, str]:
            national = self.fill(self.pick(masks))
            prefix = self.rng.choice(("+{cc} ", "+{cc} ", "+{cc}-", "00 {cc} ", "011 {cc} ", "010-{cc}-"))
            if region == "GB" and prefix.startswith("+") and self.rng.random() < 0.4:
                prefix = "+{cc} (0)"
            return prefix.format(cc=cc) + national, "+" + cc + re.sub(r"\D", "", national)

        written, _ = self._until_valid(make)
        return Piece(written, "PHONE", f"intl-{region.lower()}")

    def jp_phone(self, in_english: bool = False) -> Piece:
        def make() -> tuple[str, str]:
            r = self.rng.random()
            if r < 0.4:
                area = self.pick(JP_AREAS)
                local = self.d(5 - len(area), "23456789") + "-" + self.d(4)
                form = "landline"
            elif r < 0.85:
                area = self.pick(("90", "80", "70"))
                local = self.d(4, "123456789") + "-" + self.d(4)
                form = "mobile"
            else:
                area, local, form = "120", self.d(3, "123456789") + "-" + self.d(3), "tollfree"
            digits = area + local.replace("-", "")
            if in_english and self.rng.random() < 0.6 and form != "tollfree":
                written = self.rng.choice(
                    (
                        f"+81-{area}-{local}",
                        f"+81 {area} {local.replace('-', ' ')}",
                        f"+81 (0){area}-{local}",
                        f"011-81-{area}-{local}",
                    )
                )
            else:
                written = self.rng.choice((f"0{area}-{local}", f"(0{area}) {local}", f"0{digits}"))
            return f"{written}|{form}", "+81" + digits

        written, _ = self._until_valid(make)
        written, form = written.split("|")
        if not in_english and self.rng.random() < 0.2:
            return Piece(written.translate(_FW), "PHONE", f"jp-{form} fullwidth")
        return Piece(written, "PHONE", f"jp-{form}" + (" in-english" if in_english else ""))

    def phone_en(self) -> Piece:
        r = self.rng.random()
        return self.nanp() if r < 0.55 else self.intl() if r < 0.85 else self.jp_phone(in_english=True)

    # -- cards, numbers, network -------------------------------------------------------------------

    def _card_digits(self) -> tuple[str, str]:
        r = self.rng.random()
        if r < 0.35:
            kind = self.pick(("visa", "mastercard", "amex"))
            from mimesis.enums import CardType

            card_type = {
                "visa": CardType.VISA,
                "mastercard": CardType.MASTER_CARD,
                "amex": CardType.AMERICAN_EXPRESS,
            }
            return re.sub(r"\D", "", self.payment.credit_card_number(card_type[kind])), f"mimesis-{kind}"
        brand, prefixes, lengths = self.rng.choice(
            (
                ("discover", ("6011", "644", "65"), (16, 19)),
                ("jcb", tuple(str(x) for x in range(3528, 3590, 7)), (16, 17, 19)),
                ("unionpay", ("62",), (16, 17, 18, 19)),
                ("diners", ("36", "300", "305"), (14,)),
                ("maestro", ("6759", "5018", "6304"), (13, 16, 19)),
                ("visa13-19", ("4",), (13, 19)),
                ("fleet", ("7071", "6900"), (16, 19)),
            )
        )
        prefix, length = self.pick(prefixes), self.rng.choice(lengths)
        body = prefix + self.d(length - len(prefix) - 1)
        return body + next(c for c in string.digits if luhn(body + c)), f"hand-{brand}"

    def card(self, tag: str = "") -> Piece:
        digits, form = self._card_digits()
        n = len(digits)
        groups = {15: (4, 6, 5), 14: (4, 6, 4), 13: (4, 4, 5), 19: (4, 4, 4, 4, 3)}.get(
            n, (4,) * (n // 4) + ((n % 4,) if n % 4 else ())
        )
        sep = self.rng.choice(("", " ", "-", " "))
        chunks, k = [], 0
        for g in groups:
            chunks.append(digits[k : k + g])
            k += g
        written = sep.join(chunks)
        if self.lang == "ja" and self.rng.random() < 0.2:
            return Piece(written.translate(_FW), "CARD_NUMBER", f"{form} fullwidth {tag}".strip())
        return Piece(written, "CARD_NUMBER", f"{form} {tag}".strip())

    def my_number(self) -> Piece:
        body = self.d(11, "123456789")
        number = body + my_number_check_digit(body)
        written = self.rng.choice(
            (number, f"{number[:4]} {number[4:8]} {number[8:]}", f"{number[:4]}-{number[4:8]}-{number[8:]}")
        )
        if self.lang == "ja" and self.rng.random() < 0.25:
            return Piece(written.translate(_FW), "MY_NUMBER", "checkdigit fullwidth")
        return Piece(written, "MY_NUMBER", "checkdigit")

    def email(self) -> Piece:
        if self.rng.random() < 0.4:
            loc = self.pick(("en", "pl", "nl", "tr"))
            return Piece(self.persons[loc].email(domains=[self.pick(EMAIL_DOMAINS)]), "EMAIL", "mimesis")
        name = self.name()
        given = re.sub(r"[^a-z]", "", name.given.lower().encode("ascii", "ignore").decode()) or "user"
        family = re.sub(r"[^a-z]", "", name.family.lower().encode("ascii", "ignore").decode()) or "staff"
        local = self.rng.choice(
            (f"{given}.{family}", f"{given[0]}{family}", f"{family}-{given[0]}", f"{given}{self.d(3)}")
        )
        address = f"{local}@{self.pick(EMAIL_DOMAINS)}"
        return Piece(
            address.upper() if self.rng.random() < 0.08 else address, "EMAIL", f"built {name.source}"
        )

    def ip(self) -> Piece:
        r = self.rng.random()
        if r < 0.35:
            return Piece(self.internet.ip_v4(), "IP_ADDRESS", "mimesis-v4")
        if r < 0.5:
            return Piece(self.internet.ip_v6(), "IP_ADDRESS", "mimesis-v6")
        if r < 0.9:
            net = self.pick(("10.{a}.{b}.{c}", "192.168.{a}.{c}", "172.{s}.{b}.{c}"))
            return Piece(
                net.format(
                    a=self.rng.randint(0, 255),
                    b=self.rng.randint(0, 255),
                    c=self.rng.randint(1, 254),
                    s=self.rng.randint(16, 31),
                ),
                "IP_ADDRESS",
                "private-v4",
            )
        return Piece(
            str(ipaddress.IPv6Address((0xFD << 120) | self.rng.getrandbits(80))), "IP_ADDRESS", "ula-v6"
        )

    def mac(self) -> Piece:
        raw = (
            self.internet.mac_address()
            if self.rng.random() < 0.4
            else ":".join(f"{self.rng.randrange(256):02x}" for _ in range(6))
        )
        octets = raw.split(":")
        r = self.rng.random()
        if r < 0.4:
            return Piece(raw, "MAC_ADDRESS", "colon")
        if r < 0.7:
            return Piece("-".join(octets).upper(), "MAC_ADDRESS", "hyphen")
        if r < 0.85:
            joined = "".join(octets)
            return Piece(".".join((joined[:4], joined[4:8], joined[8:])), "MAC_ADDRESS", "cisco")
        return Piece(":".join(octets).upper(), "MAC_ADDRESS", "colon caps")

    def employee_id(self) -> Piece:
        return Piece(f"EMP{self.pick(('-', ''))}{self.d(6)}", "EMPLOYEE_ID", "site")

    def machine_serial(self) -> Piece:
        body = self.d(5)
        letters = "".join(self.rng.choice(string.ascii_uppercase) for _ in range(2))
        return Piece(
            f"SN-{letters}{body}{next(c for c in string.digits if luhn(body + c))}", "MACHINE_SERIAL", "site"
        )

    def zip_us(self) -> Piece:
        code = self.addresses["en"].zip_code()
        return Piece(code + (f"-{self.d(4)}" if self.rng.random() < 0.5 else ""), "POSTAL_CODE", "us-zip")

    def zip_jp(self, mark: bool) -> Piece:
        code = f"{self.d(3, '123456789')}-{self.d(4)}"
        if self.lang == "ja" and self.rng.random() < 0.2:
            code = code.translate(_FW)
        return Piece(("〒" if mark else "") + code, "POSTAL_CODE", "jp-zip" + (" mark" if mark else ""))

    def url_credentials(self) -> Piece:
        user = self.pick(("admin", "operator", "svc_historian", "mes_ro", "backup", "hmi"))
        password = "".join(
            self.rng.choice(string.ascii_letters + string.digits) for _ in range(self.rng.randint(8, 14))
        )
        scheme = self.pick(("opc.tcp", "rtsp", "sftp", "postgres", "ftp", "amqp"))
        if self.rng.random() < 0.5:
            host = (
                self.ip().value
                if self.rng.random() < 0.7
                else f"10.{self.rng.randint(0, 255)}.{self.rng.randint(0, 255)}.{self.rng.randint(1, 254)}"
            )
            host = host if ":" not in host else f"10.{self.rng.randint(0, 255)}.1.{self.rng.randint(1, 254)}"
            is_ip = True
        else:
            host, is_ip = (
                f"{self.pick(('historian', 'cam', 'nas', 'mes'))}0{self.rng.randint(1, 9)}.site.lan",
                False,
            )
        pre = f"{scheme}://"
        userinfo = f"{user}:{password}"
        post = f"@{host}{self.pick((':4840', ':554/stream1', '/recipes', ':5432/mes', ''))}"
        extra: tuple[Label, ...] = ()
        if is_ip:
            at = len(pre) + len(userinfo) + 1
            extra = (Label("IP_ADDRESS", at, at + len(host), host, "in-url"),)
        return Piece(userinfo, "URL_CREDENTIALS", f"userinfo {scheme}", pre=pre, post=post, extra=extra)

    # -- hard negatives ----------------------------------------------------------------------------

    def negative(self, kind: str) -> Piece:
        for _ in range(100):
            value, form = self._negative(kind)
            if _negative_digits_ok(value):
                return Piece(value, NEGATIVE, form)
        raise RuntimeError(f"no safe {kind} negative in 100 draws")

    def _date(self) -> str:
        y, m, dd, rng = (
            self.rng.randint(2024, 2027),
            self.rng.randint(1, 12),
            self.rng.randint(1, 28),
            self.rng,
        )
        if self.lang == "ja":
            return rng.choice(
                (f"{y}年{m}月{dd}日", f"令和{y - 2018}年{m}月{dd}日", f"R{y - 2018}.{m}.{dd}", f"{m}/{dd}")
            )
        month = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")[m - 1]
        return rng.choice(
            (
                f"{y}-{m:02d}-{dd:02d}",
                f"{dd} {month} {y}",
                f"{m:02d}/{dd:02d}/{y % 100:02d}",
                f"week {rng.randint(1, 52)}",
            )
        )

    def _negative(self, kind: str) -> tuple[str, str]:  # noqa: PLR0911, PLR0912 - one branch per kind
        ja, d, rng = self.lang == "ja", self.d, self.rng
        if kind == "machine":
            return self.pick(NEG_MACHINES_JA if ja and rng.random() < 0.6 else NEG_MACHINES), "machine"
        if kind == "part":
            return rng.choice(
                (
                    f"{self.pick(('BRK', 'HSG', 'SFT', 'GKT'))}-{d(4)}-{d(3)}",
                    f"6{d(3)}-2RS",
                    f"PN {d(6)}-{d(2)}{self.pick(tuple('ABC'))}",
                    f"M{rng.choice((6, 8, 10, 12))}x{rng.choice(('1.0', '1.25', '1.5'))}",
                    f"1{d(9)}",
                )
            ), "part"
        if kind == "lot":
            return rng.choice(
                (
                    f"LOT {d(2)}K{d(3)}-{d(2)}",
                    f"L{d(7)}",
                    f"ロット{d(5)}-{d(2)}" if ja else f"lot {d(5)}/{d(2)}",
                )
            ), "lot"
        if kind == "unit":
            return self.pick(NEG_UNITS).format(a=rng.randint(1, 9), b=rng.randint(0, 9)), "unit"
        if kind == "date":
            return self._date(), "date"
        if kind == "time":
            return f"{rng.randint(0, 23):02d}:{rng.choice((0, 15, 30, 45)):02d}", "time"
        if kind == "place":
            return self.pick(NEG_PLACES_JA if ja else NEG_PLACES), "place"
        if kind == "phrase":
            return self.pick(NEG_PHRASES), "phrase"
        if kind == "brand":
            return self.pick(NEG_BRANDS_JA if ja and rng.random() < 0.6 else NEG_BRANDS), "brand"
        if kind == "kata":
            return self.pick(NEG_KATAKANA), "katakana"
        if kind == "dept":
            return self.pick(NEG_DEPT_SAN), "dept-san"
        if kind == "cert":
            return rng.choice(
                (f"CAL-{rng.randint(2024, 2027)}-{d(5)}", f"No. {d(4)}-{d(4)}", f"JCSS {d(4)}", f"CAR-{d(3)}")
            ), "cert"
        if kind == "order":
            return f"{self.pick(('45', '31'))}{d(8)}", "order"
        raise ValueError(kind)

    # -- slots -------------------------------------------------------------------------------------

    def slot(self, name: str, tag: str) -> Piece:
        if name.startswith("n_"):
            return self.negative(name[2:])
        if name == "num":
            return Piece(str(self.rng.randint(2, 48)))
        if name == "p":
            return self.person_ja(tag) if self.lang == "ja" else self.person_en(tag)
        simple: dict[str, Callable[[], Piece]] = {
            "pen": lambda: self.person_en(tag),
            "pjr": lambda: self.person_jr(tag),
            "addr": self.any_address,
            "addr_us": self.us_address,
            "addr_us_nozip": lambda: self.us_address(with_zip=False),
            "addr_uk": self.uk_address,
            "addr_ca": self.ca_address,
            "addr_au": self.au_address,
            "addr_jr": self.jr_address,
            "addr_jr_nozip": lambda: self.jr_address(with_zip=False),
            "jaddr": self.ja_address,
            "phone": self.phone_en,
            "nanp": lambda: self.nanp(tag),
            "intl": self.intl,
            "jphone": lambda: self.jp_phone(in_english=self.lang == "en"),
            "zip": self.zip_us,
            "jzip": lambda: self.zip_jp(mark=self.lang == "ja" and tag != "bare"),
            "email": self.email,
            "card": lambda: self.card(tag),
            "mynum": self.my_number,
            "ip": self.ip,
            "mac": self.mac,
            "cred": self.url_credentials,
            "emp": self.employee_id,
            "sn": self.machine_serial,
        }
        piece = simple[name]()
        if tag == "caps" and piece.type not in ("PERSON", ""):
            piece.value, piece.form = piece.value.upper(), piece.form + " caps"
        return piece


# -- templates -------------------------------------------------------------------------------------
# {slot} or {slot:tag}. Person tags: caps, lower, given, initial, title, poss, comma, hon, role, full.

EN_TEMPLATES = (
    # supplier audit findings
    "Audit finding 3 (minor): {n_phrase} records at the supplier were signed by {p} but not dated; "
    "contact {p:title} on {phone}.",
    "Supplier audit, {n_date}: site address {addr_us}. Escort {p}, {n_brand} gauges out of date.",
    "{p:poss} team could not show the {n_phrase} for {n_part}; follow-up owner {p}, {email}.",
    # calibration certificates
    "Certificate {n_cert}: {n_brand} micrometer, result within {n_unit}. Calibrated by {p:title}, "
    "checked by {p:initial}.",
    "Calibration lab: {addr_uk}, tel. {intl}. Instrument returned to {n_place} on {n_date}.",
    "cal due {n_date} for {n_machine} - tech was {p:lower}, cert {n_cert}",
    # kaizen suggestion cards
    "Kaizen card #{num}: {p} suggests moving the {n_brand} torque tools next to {n_machine}; "
    "saves {num} m of walking per shift.",
    "Idea submitted by {p:comma} ({emp}): a {n_phrase} board at {n_place}. Approved by {p}.",
    "{p} and {p} won the monthly kaizen award for the {n_machine} changeover.",
    # lockout/tagout lock register
    "LOTO register: lock {num} on {n_machine} applied {n_time} by {p}, removed by {p:given}.",
    "Lock {num} - {p:caps} - {n_place} - energy isolated at {n_unit}",
    # dock appointments
    "Dock appointment {n_time}, {n_place}: driver {p}, cell {nanp}, carrier from {addr_ca}.",
    "Carrier check-in: {p} (trailer {n_lot}) asked to call dispatch at {nanp:ext}.",
    # PPE issue log
    "PPE issued to {p}: safety boots size {num}, {n_brand} gloves and ear plugs; "
    "press noise logged at {n_unit}.",
    "{p:initial} signed for two {n_brand} harnesses at {n_place}; replacement due {n_date}.",
    # locker and key register
    "Locker {num} in {n_place} reassigned from {p} to {p}.",
    "Key {num} for the {n_machine} panel is with {p:given} until the {n_phrase} is closed.",
    # fire drill muster
    "Muster roll {n_date}: {p}, {p}, {p} present at assembly point {n_place}; "
    "{p} unaccounted for at {n_time}.",
    "FIRE DRILL - WARDEN {p:caps} - ALL CLEAR {n_time}",
    # first aid log
    "First aid: {p} cut a finger on {n_machine}; treated by {p:title}. Next of kin {p}, {phone}.",
    "Clinic note: {p:poss} follow-up booked, home address {addr}, mobile {phone}.",
    # shuttle / carpool roster
    "Shuttle roster: pick-up {n_time} at {addr_us}, riders {p} and {p}.",
    "Carpool - {p} drives from {addr_au}, call {intl} if late.",
    # RMA / customer returns
    "RMA {n_cert}: return {n_part} to {addr_us}, Attn: {p}. ZIP for the label: {zip}.",
    "Returned goods from {addr_ca}, contact {p}, {email}.",
    # toolbox talk attendance
    "Toolbox talk ({n_phrase}) attendance: {p}, {p:initial}, {p}. Presenter {p:title}.",
    "{p} gave the toolbox talk on {n_machine} guarding; questions to {email}.",
    # fuel card log
    "Fuel card {card:ctx} used by {p} for the yard truck, {n_unit} logged.",
    "Reconcile {card:noctx} against {n_order} before month end.",
    "Card on file for the {n_brand} service contract: {card:ctx}, billing {addr_us}.",
    # referral / recruitment
    "Referral: {p} recommends {p} for the {n_machine} operator job; candidate phone {phone}, {email}.",
    "New hire {p} starts {n_date} on {n_place}; home: {addr}.",
    # network asset inventory, security scan
    "Asset row: {n_machine}; IP {ip}; MAC {mac}; owner {p}",
    "Scan finding: {cred} hard-coded in the {n_brand} gateway config; reported by {p}.",
    "{ip} ({mac}) keeps dropping off VLAN 20, assigned to {p}.",
    # relocation and assignees from Japan
    "Relocation: {pjr} moves to {addr_jr}; Japan mobile {jphone}.",
    "Housing for {pjr:title} and family: {addr_jr_nozip}, postal code {jzip}.",
    "The Nagoya liaison {pjr} can be reached on {jphone} or {email}.",
    "Payroll for assignee {pjr}: My Number {mynum}, employee no. {emp}.",
    "individual number for {pjr:lower} is {mynum} per the tax office form",
    # pager alerts, award notices
    "PAGE: {n_machine} DOWN AT {n_place}. CALL {p:caps} {nanp}",
    "{p} received the {n_phrase} award for the {n_machine} rebuild (serial {sn}).",
    "Congratulations to {p:given} and {p} of {n_place} for 1,000 days without a lost-time injury.",
    # misc forms
    "Mail the signed audit response to {addr_us_nozip}, ZIP {zip}, attention {p}.",
    "{n_brand} field engineer {p} ({intl}) will recalibrate {n_machine} on {n_date}.",
    "Warranty registration for {sn}: {p}, {addr_uk}, {email}.",
    "Badge reader {ip} at {n_place} logged {emp} ({p}) at {n_time}; reader MAC {mac}.",
    "Historian export failed: {cred} rejected by {ip}. Ticket raised by {emp}.",
)

JA_TEMPLATES = (
    # 改善提案書
    "【改善提案書】提案者：{p}　件名：{n_machine}の段取り短縮　効果：{n_unit}削減",
    "改善提案No.{num}　{p:role}承認済み。{n_kata}の配置変更により歩行距離を短縮。",
    "{p:hon}の提案で{n_place}に{n_kata}を増設、{n_date}から運用。",
    # 校正証明書
    "校正証明書 {n_cert}　品名：{n_brand}製マイクロメーター　校正者：{p}　確認：{p:role}",
    "{n_date}校正実施、結果は許容差{n_unit}以内。校正機関 {jzip} {jaddr}（TEL {jphone}）",
    # 監査指摘事項
    "監査指摘事項：{n_place}の記録に{p}の押印漏れ。是正担当は{p:role}、回答期限{n_date}。",
    "サプライヤー監査（{n_date}）　立会者：{p:hon}、{p:hon}　所在地：{jaddr}",
    # KY活動記録
    "KY活動記録　リーダー：{p}　危険：{n_kata}への巻き込まれ　対策：{n_machine}停止後に作業",
    "{p}、{p}、{pen}の3名でKYを実施（{n_time}）。",
    # 5Sパトロール記録
    "5Sパトロール結果：{n_place}に{n_kata}が放置。指摘者{p:role}、是正は{p:hon}。",
    # 鍵貸出簿
    "鍵貸出簿　No.{num}　{n_place}の鍵　貸出先：{p}　返却{n_time}",
    # 保護具貸与台帳
    "保護具貸与台帳：{p:hon}へ{n_brand}製安全靴を貸与（{n_date}）。",
    # 避難訓練点呼表
    "避難訓練点呼：{n_place}集合、{p}・{p}・{p}確認済み、{p:hon}のみ未確認。",
    # 救急処置記録
    "救急処置記録　{n_time}　{p:hon}が{n_machine}で指を負傷、{p:role}が応急処置。",
    "救急搬送時の連絡先：{p}（続柄：妻）携帯{jphone}",
    # 送迎バス乗車名簿
    "送迎バス乗車名簿（{n_date}）　{pen}、{pen}、{p}　乗車地：{jaddr}",
    "外国人寮からの送迎：{pen:given}さんが{n_time}に乗り遅れ。寮住所 {jaddr}",
    # 社宅入居申請
    "社宅入居申請　申請者{p}　現住所{jzip}{jaddr}　電話{jphone}",
    "{p:hon}の新住所は{jaddr}です。郵便番号は{jzip:bare}。",
    # 緊急連絡網
    "緊急連絡網　1. {p:role} {jphone}　2. {p:role} {jphone}",
    "夜間緊急連絡先：{p}（{intl}、母国の家族）",
    # 慶弔連絡
    "【訃報】{n_place}の{p:hon}のご尊父様がご逝去されました。通夜は{n_date}、喪主は{p}様。",
    "{p:hon}に第一子誕生。お祝いは{n_date}までに{p:role}へ。",
    # 表彰
    "表彰：{p:hon}（{n_place}）が{n_machine}の無災害{num}年を達成。",
    "{p}、{pen}の両名に社長賞を授与する。",
    # 人事異動
    "人事異動のお知らせ：{p:role}は{n_date}付で{n_place}へ異動。後任は{p}。",
    "{n_date}付　{pen}（技能実習生）を{n_place}に配属、指導員{p:hon}。",
    # 健診再検査案内
    "健康診断再検査のご案内：{p:hon}　会場 {jaddr}　問合せ{email}",
    # 通勤経路届
    "通勤経路届　氏名：{p}　住所：{jaddr}　経路：自宅→{n_place}（自転車）",
    # 扶養控除申告 / 年末調整
    "扶養控除申告書　{p}　個人番号{mynum}　配偶者{p}",
    "マイナンバー：{mynum}（{p:hon}分、総務にて保管）",
    "年末調整の書類が未提出：{p:hon}、社員番号{emp}。",
    # 伝言メモ
    "伝言メモ　{n_time}　{p:hon}より電話あり、折り返し{jphone}まで。{n_dept}さんの件とのこと。",
    "{n_dept}さんから{n_kata}の見積り。担当{p:hon}、メール{email}",
    "{pen}様（{n_brand}）より伝言：{intl}へ連絡ください。",
    # 返品伝票
    "返品伝票　返送先：{jzip} {jaddr} {n_brand}サービスセンター {p:hon}宛",
    # 構内入構許可
    "構内入構許可証　{n_date}　運転手{p}　車両{n_lot}　携帯{jphone}",
    # 経費・カード
    "ガソリンカード{card:ctx}を{p:hon}に貸与、返却は{n_date}。",
    "照合：{card:noctx}と発注{n_order}の金額が不一致。",
    "法人カード（{card:ctx}）の利用者：{p:role}",
    # IT資産台帳 / 脆弱性診断
    "IT資産台帳　{n_machine}　IP {ip}　MAC {mac}　管理者{p}",
    "脆弱性診断：{n_brand}製ゲートウェイの設定に{cred}が平文で記載。発見者{p:hon}。",
    "{ip}から不審な通信、端末の使用者は{p:hon}（{email}）。",
    "装置シリアル{sn}の保守契約者：{p:hon}",
    # 海外拠点
    "米国拠点の{pen:title}の住所：{addr_us}、電話{nanp}",
    "{pen}さんの母国の住所は{addr}です。",
    "入退室ログ：{emp}（{p}）が{n_time}に{n_place}へ入室、カードリーダー{ip}／{mac}",
    "ヒストリアン接続エラー：{cred}で{ip}に認証失敗、社員番号{emp}が対応。",
)

_SLOT = re.compile(r"\{(\w+)(?::(\w+))?\}")


def _render(builder: _Builder, lang: str, template: str) -> Sample:
    builder.lang = lang
    parts: list[str] = []
    labels: list[Label] = []
    negatives: list[Label] = []
    pos = last = 0
    for match in _SLOT.finditer(template):
        literal = template[last : match.start()]
        parts.append(literal)
        pos += len(literal)
        last = match.end()
        piece = builder.slot(match.group(1), match.group(2) or "")
        base = pos
        pos += len(piece.pre)
        if piece.type:
            label = Label(piece.type, pos, pos + len(piece.value), piece.value, piece.form)
            (negatives if piece.type == NEGATIVE else labels).append(label)
        for extra in piece.extra:
            labels.append(Label(extra.type, base + extra.start, base + extra.end, extra.value, extra.form))
        written = piece.pre + piece.value + piece.post
        parts.append(written)
        pos = base + len(written)
    parts.append(template[last:])
    return Sample(lang=lang, text="".join(parts), template=template, labels=labels, negatives=negatives)


def generate_fresh(per_lang: int, seed: int = 23) -> list[Sample]:
    """``per_lang`` Japanese sentences, then ``per_lang`` English ones; the same for the same seed.
    Templates are dealt in shuffled rounds, so each is used about equally."""
    builder = _Builder(seed)
    return deal(builder.rng, per_lang, (("ja", JA_TEMPLATES), ("en", EN_TEMPLATES)),
                lambda lang, template: _render(builder, lang, template))
