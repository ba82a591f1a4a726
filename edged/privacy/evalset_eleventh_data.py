"""Hand-written lists of the eleventh evaluation set (see :mod:`edged.privacy.evalset_eleventh`).

Written for this set from the author's own knowledge, not copied from any dictionary, name list or
other set; every list is small on purpose: a plant's paperwork repeats the same few people and places.
"""

from __future__ import annotations

# -- person names by origin: (given, family) --------------------------------------------------------
# Origins none of the sets before this one drew from. Names in other scripts are written the way a
# passport or an HR system of their country writes them in Latin letters.
HAND_NAMES: dict[str, tuple[tuple[str, str], ...]] = {
    "batak": (("Rudolf", "Simanjuntak"), ("Debora", "Nainggolan"), ("Hotman", "Siregar"),
              ("Lestari", "Hutapea"), ("Parlindungan", "Sitorus")),
    "balinese": (("I Wayan", "Suarta"), ("Ni Made", "Sukerti"), ("I Nyoman", "Ardana"),
                 ("Ni Ketut", "Rasmini"), ("I Gede", "Putra Wirawan")),
    "minangkabau": (("Rahmat", "Datuak Rajo"), ("Yusnimar", "Chaniago"), ("Afrizal", "Piliang"),
                    ("Desriani", "Koto")),
    "bugis": (("Andi", "Baso Amir"), ("Andi Tenri", "Ajeng"), ("Muhammad Arsyad", "Daeng Malewa")),
    "meitei": (("Ibomcha", "Thokchom"), ("Sanatombi", "Ningthoujam"), ("Premananda", "Laishram"),
               ("Bembem", "Khumanthem")),
    "keralite": (("Kuriakose", "Varghese"), ("Aleyamma", "Mathew"), ("Jibin", "Thomas Kallarakkal"),
                 ("Sreekumar", "Pillai"), ("Anjali", "Nair"), ("Shibu", "Chacko")),
    "zoroastrian": (("Cyrus", "Poonawalla"), ("Perizaad", "Mistry"), ("Jamshed", "Dinshaw Wadia"),
                    ("Roshni", "Batliwala"), ("Behram", "Contractor")),
    "dhivehi": (("Aishath", "Shifa"), ("Mohamed", "Nasheed Ali"), ("Hawwa", "Rasheeda"),
                ("Ibrahim", "Shafeeu")),
    "krio": (("Olufemi", "Cole"), ("Adetokunbo", "Macauley"), ("Hannah", "Nicol-Wilson"),
             ("Christiana", "Thorpe")),
    "baoule": (("Kouassi", "N'Guessan"), ("Aya", "Konan"), ("Yao", "Kouadio Brou"), ("Affoué", "Yao")),
    "bamileke": (("Jean-Marie", "Tchoumi"), ("Odette", "Fotso"), ("Hervé", "Kamdem"),
                 ("Clarisse", "Ngassa Tchoupo")),
    "oromo": (("Gemechu", "Tolosa"), ("Chaltu", "Dinsa"), ("Lalisa", "Gudina"), ("Obsinet", "Bekele Jiru")),
    "sudanese": (("Mohamed Osman", "Elbashir"), ("Amna", "Abdelrahim"), ("Hashim", "Eltayeb Ahmed")),
    "amazigh": (("Idir", "Ait Ouali"), ("Tanina", "Amrouche"), ("Massinissa", "Oulhadj"),
                ("Tafsut", "Ait Mansour")),
    "gagauz": (("Ivan", "Kasım"), ("Dimitri", "Topal"), ("Zinovia", "Karaman")),
    "sorbian": (("Jan", "Nuk"), ("Hańža", "Wićazowa"), ("Měrćin", "Krawc")),
    "kashubian": (("Józef", "Bòrzëszkòwsczi"), ("Kristina", "Labuda"), ("Eugeniusz", "Pryczkowski")),
    "sardinian": (("Gavino", "Deiana"), ("Bonaria", "Pinna"), ("Efisio", "Cocco Sanna")),
    "galician": (("Xosé Manuel", "Outeiriño"), ("Uxía", "Castiñeiras Paz"), ("Brais", "Vilariño")),
    "romansh": (("Gian Andri", "Caviezel"), ("Mengia", "Tscharner"), ("Curdin", "Casanova-Caduff")),
    "acadian": (("Réjean", "Thibodeau"), ("Yvette", "LeBlanc-Cormier"), ("Aurèle", "Arsenault")),
    "belizean": (("Delroy", "Usher"), ("Shanice", "Gillett"), ("Kenrick", "Castillo Bol")),
    "panamanian": (("Rogelio", "Quintero Batista"), ("Yariela", "Him Pinzón"),
                   ("Eduardo", "Tejeira De Obaldía")),
    "salvadoran": (("Nelson", "Zelaya Argueta"), ("Xiomara", "Chicas"), ("Oscar Armando", "Menjívar")),
    "venezuelan": (("Yorbis", "Quiñónez"), ("Maikel", "Rondón Briceño"), ("Yusmary", "Pernía")),
    "hokkien": (("Boon Hock", "Tan"), ("Siew Ling", "Goh"), ("Kok Wah", "Ong"), ("Mui Hoon", "Ng")),
    "cantonese": (("Tai Man Peter", "Chan"), ("Wing Yan", "Cheung"), ("Ka Ho", "Leung"),
                  ("Suet Ying Carmen", "Yip")),
    "hakka": (("Fui Lin", "Voon"), ("Chin Fatt", "Liew"), ("Siaw Mei", "Chong")),
    "tuvaluan": (("Seve", "Paeniu"), ("Teleke", "Lauti"), ("Fakavae", "Taomia")),
    "plantword": (("Glen", "Steel"), ("Amber", "Bolt"), ("Coral", "Mason"), ("Flint", "Barrow"),
                  ("Jet", "Tanner"), ("Brook", "Fuller")),
}  # fmt: skip

# Romanised Japanese names, in Hepburn as passports write them, and in Kunrei-shiki (si, ti, tu, hu,
# zi, sya ...) as some school and pension records still do; the source tag says which.
ROMAJI_HEPBURN = (
    ("Haruto", "Sakurai"), ("Shun'ichi", "Hirose"), ("Chikako", "Shimizu"), ("Yūma", "Tsuzuki"),
    ("Kōhei", "Watanuki"), ("Fuyumi", "Shōji"), ("Tsubasa", "Kyan"), ("Jun'ya", "Hattori"),
    ("Sayuri", "Minamoto"), ("Ryō", "Kurihara"),
)  # fmt: skip
ROMAJI_KUNREI = (
    ("Tikako", "Simizu"), ("Syun", "Hukuda"), ("Tuyosi", "Tutiya"), ("Zyunko", "Sibata"),
    ("Syôta", "Hukusima"), ("Mituru", "Tiba"),
)  # fmt: skip

# -- Japanese names --------------------------------------------------------------------------------
JA_FAMILY_COMMON = ("櫻井", "廣瀬", "嶋田", "冨田", "曾根", "舘野", "渕上", "槇原", "眞鍋", "峯岸")
# Rare: readings nobody guesses, Amami one-kanji surnames, and 異体字 not in the other sets' lists.
JA_FAMILY_RARE = (
    "四月一日", "小鳥遊", "月見里", "東海林", "百目鬼", "勘解由小路", "躑躅森", "九十九",
    "元", "叶", "碇", "祷", "英", "桒原", "籏野", "藪内", "宮嵜", "埜口",
)  # fmt: skip
JA_GIVEN = ("湊", "蒼", "凛", "颯真", "結愛", "芽依", "樹", "詩織", "慧", "陽葵", "紬", "朔也")
JA_GIVEN_KANA = ("さくら", "ひなた", "ゆうと", "ハル", "キヨ", "トメ", "まりあ", "こはる")
JA_KANA_FULL = (
    "さくらい　みなと",
    "ひろせ ゆい",
    "シマダ　ケンタ",
    "ﾄﾐﾀ ﾘｮｳ",
    "つづき　ひかる",
    "カノウ ツムギ",
)
# Katakana names of workers from this set's origins (the way 在留カード readings are written).
JA_KATAKANA_FOREIGN = (
    "ワヤン/スアルタ", "ルドルフ/シマンジュンタク", "クリアコス/ヴァルギース", "イボムチャ/トクチョム",
    "ゲメチュ/トロサ", "コウアシ/ヌゲサン", "アイシャス/シファ", "ブーンホック/タン",
    "ヨルビス/キニョネス", "シャニス/ギレット", "イディル/アイトウアリ", "ロシュニ/バトリワラ",
)  # fmt: skip
JA_HONORIFICS = ("さん", "様", "氏", "殿", "くん", "ちゃん", "先生")
JA_ROLES = ("係長", "職長", "主任", "工場長", "保全担当", "衛生管理者", "守衛", "実習生")

# -- places of the world ---------------------------------------------------------------------------
# Portugal: (street, postcode, town); postcodes are NNNN-NNN (CP7).
PT_PLACES = (
    ("Rua da Boavista", "4050-111", "Porto"), ("Avenida da Liberdade", "1250-143", "Lisboa"),
    ("Rua do Vidreiro", "2430-028", "Marinha Grande"), ("Zona Industrial de Ovar, Lote", "3880-728", "Ovar"),
    ("Rua Dr. Eugénio de Castro", "3750-140", "Águeda"), ("Avenida Autoeuropa", "2950-557", "Quinta do Anjo"),
    ("Rua de São Victor", "4710-439", "Braga"), ("Parque Industrial de Soutelo", "4810-225", "Guimarães"),
)  # fmt: skip
PT_FLOORS = ("", ", 3.º Esq.", ", 1.º Dto.", ", r/c", ", Armazém 4")
# Greece: (street, postcode, town), written in Latin letters as on an English invoice; NNN NN.
GR_PLACES = (
    ("Odos Egnatias", "546 36", "Thessaloniki"), ("Leoforos Kifisias", "151 25", "Marousi"),
    ("Odos Pireos", "177 78", "Tavros"), ("Odos Agiou Dimitriou", "412 22", "Larisa"),
    ("Leoforos Athinon", "262 23", "Patra"), ("Odos 25is Martiou", "712 02", "Irakleio"),
)  # fmt: skip
GR_ZONES = ("VIPE Sindos, Block 31", "VIPE Volou, Odos 4", "VIPE Patron, Plot 17")
# Lithuania: (street, postcode digits, town); written LT-NNNNN.
LT_PLACES = (
    ("Savanorių pr.", "03154", "Vilnius"), ("Pramonės g.", "51329", "Kaunas"),
    ("Minijos g.", "93234", "Klaipėda"), ("Tilžės g.", "76350", "Šiauliai"),
    ("Pušaloto g.", "35100", "Panevėžys"), ("Verslo g.", "54310", "Kaunas LEZ"),
)  # fmt: skip
# Kenya: (street or plot, town, postcode); a P.O. Box is written NNNN-postcode.
KE_PLACES = (
    ("Mombasa Road, Industrial Area", "Nairobi", "00500"), ("Enterprise Road", "Nairobi", "00200"),
    ("Moi Avenue", "Mombasa", "80100"), ("Kenyatta Avenue", "Nakuru", "20100"),
    ("Namanga Road, Athi River EPZ", "Athi River", "00204"), ("Uganda Road", "Eldoret", "30100"),
    ("Thika Superhighway, Ruiru", "Ruiru", "00232"),
)  # fmt: skip

# Japan in romaji: (town, city, prefecture, first three digits of its postcode).
JR_PLACES = (
    ("Tomobe", "Kasama", "Ibaraki", "309"), ("Kotobuki", "Kakamigahara", "Gifu", "504"),
    ("Okubo", "Shiojiri", "Nagano", "399"), ("Nishikicho", "Tsubame", "Niigata", "959"),
    ("Akabane", "Kariya", "Aichi", "448"), ("Miyuki", "Tottori", "Tottori", "680"),
)  # fmt: skip
# Japan in kanji: (prefecture, city, towns); manufacturing towns chosen for this set.
JA_PLACES = (
    ("茨城県", "笠間市", ("友部", "平町", "石井")), ("岐阜県", "各務原市", ("那加住吉町", "蘇原寿町")),
    ("長野県", "塩尻市", ("大門八番町", "広丘高出")), ("新潟県", "燕市", ("吉田西太田", "物流センター")),
    ("鳥取県", "鳥取市", ("南吉方", "商栄町")), ("福井県", "鯖江市", ("丸山町", "水落町")),
    ("山形県", "米沢市", ("八幡原", "花沢町")), ("大分県", "中津市", ("大字諸田", "大字大新田")),
    ("北海道", "苫小牧市", ("字柏原", "晴海町")), ("熊本県", "菊池郡菊陽町", ("大字津久礼", "原水")),
)  # fmt: skip
JA_BUILDINGS = ("サンハイツ笠間", "グランメゾン各務原", "コーポ燕", "第二寮", "レジデンス鯖江", "社宅C棟")
JP_AREAS = ("296", "58", "263", "256", "857", "778", "238", "979", "144", "96")

# Phone masks: (region, country code, trunk prefix, national significant masks); '#' any digit,
# 'N' 2-9. Every written number is checked with phonenumbers.
INTL_MASKS = (
    ("PT", "351", "", ("9N# ### ###", "22# ### ###", "21# ### ###", "244 ### ###")),
    ("GR", "30", "", ("69N ### ####", "210 ### ####", "2310 ### ###")),
    ("LT", "370", "8", ("6## #####", "5 ### ####", "37 ### ###")),
    ("KE", "254", "0", ("7## ######", "11# ######", "20 ### ####")),
)

EMAIL_DOMAINS = (
    "sapo.pt", "moldes-marinha.pt", "otenet.gr", "sindos-alum.gr", "takas.lt", "lez-kaunas.lt",
    "safaricom.co.ke", "athi-epz.co.ke", "kasama-seiki.co.jp", "tsubame-metal.jp", "outlook.com",
)  # fmt: skip

# (brand, IIN prefixes, lengths) - Luhn completes each.
CARD_BRANDS = (
    ("visa", ("4",), (13, 16, 19)), ("visa-electron", ("4026", "417500", "4508", "4913"), (16,)),
    ("mastercard", ("51", "55", "2221", "2720"), (16,)), ("amex", ("34", "37"), (15,)),
    ("jcb", ("3528", "3589"), (16, 17, 18, 19)), ("diners", ("36", "300", "305"), (14,)),
    ("discover", ("6011", "65"), (16, 19)), ("unionpay", ("62",), (16, 17, 18, 19)),
    ("maestro", ("5018", "6304", "6759"), (13, 15, 19)), ("cabal", ("604201", "604351"), (16,)),
    ("naranja", ("589562",), (16,)), ("laser", ("6706", "6771", "6709"), (16, 17, 18, 19)),
    ("bankcard", ("5610", "560221"), (16,)),
)  # fmt: skip

# -- hard negatives --------------------------------------------------------------------------------
NEG_MACHINES = (
    "Hercules press", "Line Aurora", "Press 7 (Schuler)", "Robot R-2040iC", "Boiler B2", "Goliath crane",
    "Kiln Vesta", "Autoclave AC-3", "Mixer Titan 500", "Stacker Atlas", "Oven Helios", "Dryer Apollo",
)  # fmt: skip
NEG_MACHINES_JA = (
    "第2プレス",
    "ボイラー2号機",
    "乾燥炉ヘリオス",
    "アトラス自動倉庫",
    "３号射出成形機",
    "ライン・オーロラ",
)
NEG_PARTS = ("PN {L}{d3}-{d4}", "BRKT-{d4}{L}", "{d2}-{d3}-{d2}A", "GSKT {d3}x{d2}", "SKU {L}{L}{d5}")
NEG_PARTS_JA = ("部品番号{L}{d3}-{d4}", "品番{d4}-{d2}", "通い箱{L}{d3}")
NEG_LOTS = ("LOT {y}{m}-{d3}", "batch {L}{d4}", "heat no. {d5}{L}", "lot#{y}W{d2}")
NEG_LOTS_JA = ("ロット{y}{m}-{d3}", "製造番号{L}{d5}", "チャージ{d4}")
NEG_TICKETS = ("INC{d6}", "CR-{d5}", "NCR {y}-{d3}", "GP-{d4}", "WO#{d5}", "KZ-{y}-{d3}")
NEG_UNITS = ("6.3 bar", "415 V", "72 dB(A)", "1,250 kg", "0.8 mm", "38 °C", "12 Nm", "3.2 m/s", "450 kVA")
NEG_UNITS_JA = ("0.6MPa", "200V", "85dB", "1,250kg", "0.8mm", "38℃", "12N・m", "450kVA")
NEG_PLACES = (
    "Gate 3", "Bay 12", "Warehouse B", "Boiler house", "Muster point C", "Key cabinet 2", "Dock 4",
    "Assembly Hall Aurora", "Paint shop", "Server room 1",
)  # fmt: skip
NEG_PLACES_JA = (
    "第3ゲート",
    "12番ベイ",
    "B倉庫",
    "ボイラー室",
    "避難集合場所C",
    "鍵保管庫2",
    "4番ドック",
    "塗装場",
)
NEG_MAKERS = ("Schuler", "Trumpf", "Fanuc", "Siemens", "Atlas Copco", "Kaeser", "Bosch Rexroth", "Mori Seiki")
NEG_MAKERS_JA = ("ファナック", "アマダ", "コマツ産機", "三菱電機", "オムロン", "キーエンス")
NEG_NAMELIKE = (
    "Grace period", "Victoria line", "Jack stand", "Bobcat loader", "Hercules wrench", "Charlie shift",
    "Mercedes van", "Florence flask", "Pascal gauge", "Morgan fixture",
)  # fmt: skip
NEG_NAMELIKE_JA = (
    "ジャッキ",
    "ボブキャット",
    "パスカル計",
    "ダイヤモンド工具",
    "エジソン電球",
    "アルキメデスポンプ",
)
NEG_STANDARDS = (
    "ISO 9001:2015",
    "ISO 45001",
    "IATF 16949",
    "EN 1090-2",
    "ASME IX",
    "JIS B 8265",
    "IEC 62443",
)
