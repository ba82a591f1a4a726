"""Hand-written lists of the ninth evaluation set (see :mod:`edged.privacy.evalset_ninth`).

Written for this set from general knowledge, not copied from any dictionary, name list or other
set; every list is small on purpose: a plant's paperwork repeats the same few people and places.
"""

from __future__ import annotations

# -- person names by origin: (given, family) --------------------------------------------------------
# Origins none of the other sets drew from.
HAND_NAMES: dict[str, tuple[tuple[str, str], ...]] = {
    "basque": (
        ("Iñaki", "Etxeberria"), ("Amaia", "Goikoetxea"), ("Unai", "Arrizabalaga"),
        ("Nerea", "Urrutikoetxea"), ("Gorka", "Zubizarreta"), ("Maialen", "Agirrezabala"),
        ("Aitor", "Olaizola"), ("Itziar", "Larrañaga"),
    ),
    "tibetan": (
        ("Tenzin", "Dorjee"), ("Pema", "Yangchen"), ("Lobsang", "Tsering"), ("Dolkar", "Lhamo"),
        ("Sonam", "Wangdu"), ("Kunga", "Norbu"),
    ),
    "uyghur": (
        ("Abduweli", "Ayup"), ("Mihrigul", "Tursun"), ("Ilham", "Mahmut"), ("Gulnisa", "Imin"),
        ("Memet", "Tohti"), ("Rahile", "Dawut"),
    ),
    "tatar": (
        ("Rustem", "Khabibullin"), ("Alsu", "Minnullina"), ("Ildar", "Gataullin"),
        ("Gulnara", "Sharafutdinova"), ("Ayrat", "Galimzyanov"), ("Zulfiya", "Fatykhova"),
    ),
    "chechen": (
        ("Ruslan", "Dudurkaev"), ("Khava", "Tsurgaeva"), ("Magomed", "Vakhaev"), ("Zarema", "Elmurzaeva"),
        ("Aslan", "Bersanukaev"),
    ),
    "chamorro": (
        ("Jesse", "Taitano"), ("Marylou", "Cruz Aguon"), ("Vicente", "Blas"), ("Lourdes", "Quitugua"),
        ("Francisco", "Mendiola"), ("Rosa", "Tenorio"),
    ),
    "timorese": (
        ("Xanana", "Soares"), ("Filomena", "da Costa Belo"), ("Agostinho", "Ximenes"),
        ("Ermelinda", "Guterres"), ("Domingos", "Amaral Sarmento"), ("Joaninha", "Freitas"),
    ),
    "cape-verdean": (
        ("Djalma", "Tavares Semedo"), ("Nha", "Lopes Furtado"), ("Eder", "Monteiro"),
        ("Manuela", "Fortes Varela"), ("Zeca", "Andrade Spencer"), ("Odete", "Delgado"),
    ),
    "mozambican": (
        ("Samora", "Chissano"), ("Graça", "Nhamposse"), ("Armando", "Macuácua"), ("Lurdes", "Mabunda"),
        ("Celso", "Cumbe"), ("Ancha", "Muianga"),
    ),
    "angolan": (
        ("Adão", "Kiluange"), ("Esperança", "Ngola"), ("Bento", "Kangamba"), ("Luzia", "Mbala"),
        ("Nzinga", "Kassoma"), ("Paixão", "Tchipilica"),
    ),
    "indo-guyanese": (
        ("Bharrat", "Persaud"), ("Savitri", "Ramnarine"), ("Deochand", "Seepaul"),
        ("Indranie", "Chandarpal"), ("Rohan", "Budhram"), ("Kamla", "Singh-Latchman"),
    ),
    "surinamese-javanese": (
        ("Soedirman", "Kartoredjo"), ("Wagiman", "Sarmo"), ("Siti", "Kromodihardjo"),
        ("Soekarni", "Pawirodikromo"), ("Harto", "Setrodimedjo"), ("Ngatinah", "Soemodihardjo"),
    ),
    "garifuna": (
        ("Lindbergh", "Arzú"), ("Marcela", "Lambey"), ("Aurelio", "Martinez Suazo"),
        ("Zoila", "Castillo Bernardez"), ("Wellington", "Ramos"), ("Yolanda", "Cayetano"),
    ),
    "greenlandic": (
        ("Aqqaluk", "Lynge"), ("Nivi", "Olsen Kreutzmann"), ("Kuupik", "Kleist"),
        ("Najaaraq", "Egede"), ("Hans", "Enoksen"), ("Aviaja", "Petersen Siegstad"),
    ),
    "faroese": (
        ("Rógvi", "Jacobsen"), ("Sólja", "Dalsgaard"), ("Jógvan", "á Lakjuni"), ("Turið", "Poulsen"),
        ("Heðin", "Mortensen"), ("Bjørg", "í Dali"),
    ),
    "breton": (
        ("Yannig", "Le Goff"), ("Soazig", "Kerhervé"), ("Gwenaël", "Le Bihan"), ("Maïwenn", "Kerdraon"),
        ("Erwan", "Le Gall"), ("Anaïg", "Quéméner"),
    ),
    "mauritian": (
        ("Navin", "Ramgoolam"), ("Ameenah", "Gurib"), ("Jean-Claude", "de l'Estrac"),
        ("Vidya", "Boodhoo"), ("Kugan", "Parapen"), ("Marie-Noëlle", "Ah-Kong"),
    ),
    "png": (
        ("Mekere", "Morauta"), ("Carol", "Kidu"), ("Kila", "Wari"), ("Ruth", "Wambi"),
        ("Aloysius", "Kaupa"), ("Theresa", "Kas"),
    ),
    "bhutanese": (
        ("Karma", "Wangchuk"), ("Dechen", "Zangmo"), ("Ugyen", "Tshering"), ("Kinley", "Dem"),
        ("Jigme", "Namgyel"), ("Pelden", "Choden"),
    ),
    "namelike": (  # names that are also plant words; the sentence shows they are people here
        ("Forest", "Mason"), ("Ivy", "Turner"), ("Clay", "Porter"), ("Dale", "Fletcher"),
        ("Sterling", "Cooper"), ("Amber", "Hale"),
    ),
}  # fmt: skip

# Romanised Japanese names for English text (passport spellings with h, macrons, wapuro doubles).
ROMAJI_FAMILY = (
    "Ohtsuka", "Ōkubo", "Kouno", "Saionji", "Takarabe", "Yoshinaga", "Minowa", "Hatakeyama",
    "Uchimura", "Tokitsu", "Kadowaki", "Nozue", "Isobe", "Shiratori", "Ebisawa", "Kuwahara", "Sōma",
    "Yuzawa", "Hiraiwa", "Kamiyama", "Ohno", "Itoh", "Satoh", "Kohno",
)  # fmt: skip
ROMAJI_GIVEN = (
    "Kōsuke", "Yuuki", "Shohei", "Mitsuru", "Ayane", "Chihiro", "Haruka", "Tomoya", "Noriko", "Sōta",
    "Kazuhiro", "Rin", "Masaharu", "Ikue", "Junpei", "Shizuka", "Tatsuya", "Yoshie", "Ryohei", "Nanami",
)  # fmt: skip

# -- Japanese names --------------------------------------------------------------------------------
JA_FAMILY_COMMON = (
    "松本", "井上", "清水", "森", "池田", "橋本", "阿部", "石川", "山下", "中島", "前田", "藤田",
    "後藤", "岡田", "長谷川", "村上", "近藤", "石井", "坂本", "遠藤", "青木", "藤井", "西村", "福田",
)  # fmt: skip
JA_FAMILY_RARE = (
    "勘解由小路", "小鳥遊", "四月一日", "月見里", "東海林", "十六女", "九十九", "百目鬼", "五月女",
    "釈迦牟尼仏", "薬師寺", "御手洗", "鬼頭", "猪鼻", "毒島", "鰐渕", "蛭子", "左右田", "一尺八寸",
    "仲宗根", "比嘉", "喜屋武", "瑞慶覧", "我如古", "勅使河原", "京極", "醍醐", "饗庭",
)  # fmt: skip
JA_GIVEN = (
    "昌平", "悠真", "蒼", "凛", "咲良", "颯太", "朋美", "一馬", "奈緒子", "聡", "恵梨香", "陽菜",
    "雅治", "美穂", "航平", "千尋", "篤志", "詩織", "慎之介", "早苗", "晴", "亘", "紬", "湊",
)  # fmt: skip
JA_GIVEN_KANA = ("さくら", "ひなた", "みのり", "あおい", "ゆうき", "なぎさ", "こはる", "まこと")
JA_KANA_FULL = (
    "サイオンジ ケイ", "タカラベ ミツル", "ヌノカワ ユイ", "ハタケヤマ リョウ", "ミノワ アヤネ",
    "うちむら しょうへい", "えびさわ なお", "くわはら ちひろ",
)  # fmt: skip
# Foreign workers' names in katakana ("/" between parts): Georgian, Armenian, Korean, Tibetan,
# Timorese, Uyghur, Bhutanese and Mozambican, written as a Japanese register would.
JA_KATAKANA_FOREIGN = (
    "ギオルギ/ベリゼ", "ニノ/カパナゼ", "アルメン/サルキシャン", "アヌシュ/ハコビャン", "パク/ジフン",
    "チェ/スジン", "テンジン/ドルジェ", "ペマ/ヤンチェン", "ジョアニーニャ/フレイタス",
    "アゴスティーニョ/シメネス", "アブドゥウェリ/アユップ", "カルマ/ワンチュク", "ウゲン/ツェリン",
    "サモラ/チサノ", "グラサ/ニャンポッセ",
)  # fmt: skip
JA_HONORIFICS = ("さん", "様", "氏", "殿", "君")
JA_ROLES = ("係長", "主任", "部長", "工場長", "リーダー", "技師", "所長")

# -- addresses of the world -------------------------------------------------------------------------
# Georgian places: street, postcode and city
GE_PLACES = (
    ("Rustaveli Avenue", "0108", "Tbilisi"), ("David Aghmashenebeli Avenue", "0112", "Tbilisi"),
    ("Ilia Chavchavadze Avenue", "0179", "Tbilisi"), ("Tamar Mepe Street", "4600", "Kutaisi"),
    ("Gorgasali Street", "6010", "Batumi"), ("Industrial Zone Street", "3700", "Rustavi"),
    ("Kostava Street", "0171", "Tbilisi"), ("Stalin Avenue", "1400", "Gori"),
)  # fmt: skip
# Armenian places: street, postcode and city
AM_PLACES = (
    ("Tigran Mets Avenue", "0010", "Yerevan"), ("Baghramyan Avenue", "0019", "Yerevan"),
    ("Arshakunyats Avenue", "0023", "Yerevan"), ("Gai Street", "0069", "Yerevan"),
    ("Vardanants Street", "3101", "Gyumri"), ("Tigran Mets Street", "2001", "Vanadzor"),
    ("Artsakh Street", "1401", "Abovyan"),
)  # fmt: skip
# Uruguayan places: street, postcode, city and department
UY_PLACES = (
    ("Av. 18 de Julio", "11100", "Montevideo", ""), ("Bv. Artigas", "11300", "Montevideo", ""),
    ("Camino Carrasco", "12000", "Montevideo", ""), ("Ruta 5 km 32", "90200", "Las Piedras", "Canelones"),
    ("Av. Italia", "11500", "Montevideo", ""), ("Calle Uruguay", "60000", "Paysandú", ""),
    ("Ruta 8 km 29", "91000", "Pando", "Canelones"),
)  # fmt: skip
# Ecuadorian places: main street, cross street, city and postcode; Quito numbers blocks N34-451.
EC_PLACES = (
    ("Av. Amazonas", "Av. Atahualpa", "Quito", "170135"),
    ("Av. 10 de Agosto", "Av. Colón", "Quito", "170517"),
    ("Av. de los Shyris", "Portugal", "Quito", "170505"),
    ("Av. Juan Tanca Marengo", "Av. Las Aguas", "Guayaquil", "090513"),
    ("Av. Francisco de Orellana", "Justino Cornejo", "Guayaquil", "090505"),
    ("Av. Huayna Cápac", "Av. España", "Cuenca", "010107"),
)  # fmt: skip
# Tunisian places: street, industrial zone, postcode and town
TN_PLACES = (
    ("Rue de l'Usine", "Zone Industrielle Charguia II", "2035", "Ariana"),
    ("Rue du Lac Windermere", "Les Berges du Lac", "1053", "Tunis"),
    ("Avenue Habib Bourguiba", "", "4000", "Sousse"), ("Route de Gremda km 4", "", "3062", "Sfax"),
    ("Rue des Métiers", "Z.I. Sidi Abdelhamid", "4061", "Sousse"),
    ("Rue de l'Énergie Solaire", "Z.I. Ben Arous", "2013", "Ben Arous"),
)  # fmt: skip

# -- Japanese addresses: (prefecture, city, towns) --------------------------------------------------
JA_PLACES = (
    ("茨城県", "日立市", ("幸町", "白銀町", "大みか町")),
    ("群馬県", "太田市", ("西新町", "由良町", "只上町")),
    ("静岡県", "磐田市", ("新貝", "西貝塚", "見付")),
    ("岐阜県", "関市", ("小屋名", "肥田瀬", "倉知")),
    ("三重県", "四日市市", ("午起", "日永東", "塩浜町")),
    ("兵庫県", "尼崎市", ("扶桑町", "常光寺", "大浜町")),
    ("岡山県", "倉敷市", ("水島川崎通", "連島町鶴新田", "児島味野")),
    ("山口県", "周南市", ("御影町", "晴海町", "開成町")),
    ("福岡県", "北九州市八幡西区", ("黒崎城石", "引野", "則松")),
    ("大分県", "大分市", ("大字一木", "鶴崎", "大字中戸次")),
    ("新潟県", "燕市", ("小池", "物流センター", "吉田東栄町")),
    ("富山県", "高岡市", ("戸出町", "長慶寺", "醍醐")),
    ("栃木県", "真岡市", ("松山町", "鬼怒ヶ丘", "大和田")),
    ("滋賀県", "湖南市", ("石部口", "朝国", "大字針")),
    ("熊本県", "菊池郡菊陽町", ("大字津久礼", "原水", "光の森")),
    ("宮城県", "大和町", ("松坂平", "まいの", "吉岡")),
)  # fmt: skip
JA_BUILDINGS = (
    "第三加藤ビル",
    "テクノプラザ",
    "コーポ若葉",
    "リバーサイド港南",
    "ハイツ緑ヶ丘",
    "グランドメゾン駅前",
)
# Romanised Japanese places for English text: (town, city, prefecture, first three postcode digits)
JR_PLACES = (
    ("Saiwaicho", "Hitachi", "Ibaraki", "317"), ("Nishishinmachi", "Ota", "Gunma", "373"),
    ("Shinkai", "Iwata", "Shizuoka", "438"), ("Shiohama-cho", "Yokkaichi", "Mie", "510"),
    ("Mizushima-Kawasakidori", "Kurashiki", "Okayama", "712"), ("Fuso-cho", "Amagasaki", "Hyogo", "660"),
)  # fmt: skip
JP_AREAS = ("294", "538", "276", "59", "6", "72", "86", "834", "93", "97", "256", "766")

# -- phones: (region, country code, national trunk prefix, masks of the national number) -------------
# "#" any digit, "N" 2-9; phonenumbers validates every drawn number.
INTL_MASKS = (
    ("GE", "995", "0", ("5## ## ## ##", "32 2## ## ##", "422 2# ## ##")),
    ("AM", "374", "0", ("10 ######", "9# ######", "77 ######", "312 #####")),
    ("UY", "598", "0", ("2### ####", "9N ### ###")),
    ("EC", "593", "0", ("2 NN# ####", "4 NN# ####", "99 ### ####")),
    ("TN", "216", "", ("71 ### ###", "9# ### ###", "2# ### ###", "74 ### ###")),
)  # fmt: skip

# -- cards: (brand, IIN prefixes, lengths) ---------------------------------------------------------
CARD_BRANDS = (
    ("visa", ("4",), (13, 16, 19)), ("mastercard", ("51", "53", "55", "2221", "2720"), (16,)),
    ("amex", ("34", "37"), (15,)), ("jcb", ("3528", "3541", "3589"), (16, 17, 18, 19)),
    ("diners", ("36", "300", "305"), (14,)), ("discover", ("6011", "644", "65"), (16, 19)),
    ("unionpay", ("62",), (16, 17, 18, 19)), ("mir", ("2200", "2204"), (16,)),
    ("rupay", ("60", "6521", "508"), (16,)), ("troy", ("9792",), (16,)),
    ("verve", ("506099", "650002"), (16, 19)),
    ("maestro", ("6759", "5018", "6304"), (13, 15, 18)),
)  # fmt: skip

EMAIL_DOMAINS = (
    "gamma-plant.ge", "mail.armtek.am", "fabrica.com.uy", "planta-quito.com.ec", "usine-sousse.tn",
    "works.hitachi-seiki.example.jp", "qa.dept.kikuyo.co.jp", "xn--80ak6aa92e.example", "yandex.ru",
    "proton.me", "outlook.jp", "gmx.at",
)  # fmt: skip

# -- hard negatives ---------------------------------------------------------------------------------
NEG_MACHINES = (
    "Press P-14", "CNC lathe L-07", "reflow oven RO-3", "AGV 12", "palletiser PZ-2", "chiller CH-4B",
    "robot cell R5", "shot-blast unit SB1", "die-casting cell DC-9", "coil slitter CS-02",
)  # fmt: skip
NEG_MACHINES_JA = (
    "3号プレス",
    "旋盤L-07",
    "リフロー炉3号",
    "AGV12号",
    "チラーCH-4B",
    "ロボットセルR5",
    "ダイカスト9号機",
)
NEG_MAKERS = (
    "Lincoln Electric", "Miller", "Parker Hannifin", "Hobart", "Murphy", "Morgan Advanced Materials",
    "Graco", "Nordson", "Okuma", "Mazak", "Amada", "Tsugami", "Daifuku", "Nachi",
)  # fmt: skip
NEG_MAKERS_JA = (
    "豊田自動織機",
    "牧野フライス",
    "大隈",
    "北川鉄工所",
    "村田機械",
    "島津製作所",
    "堀場製作所",
    "黒田精工",
    "岡本工作機械",
)
NEG_PLACES = ("Bay 4", "North Annex", "Tool Crib B", "Gate 3", "Paint Shop", "Mezzanine East", "Dock 11")
NEG_PLACES_JA = ("第2工場", "北棟", "成形棟", "東門", "資材倉庫B", "塗装場", "中二階")
NEG_NAMELIKE = (
    "Victor line", "Stella cell", "Hercules press", "Jordan valve", "Phillips screws", "Allen key",
    "Bobcat loader", "Douglas fir pallets", "Grace period", "Kelvin probe", "Newton meter", "Pascal gauge",
)  # fmt: skip
NEG_NAMELIKE_JA = (
    "桜ライン",
    "ひかり号機",
    "大和ライン",
    "弁慶治具",
    "富士見ヤード",
    "金剛砥石",
    "松竹梅ランク",
    "平成ライン",
)
NEG_UNITS = ("0.02 mm", "45 N·m", "3.2 bar", "1,480 rpm", "7.5 kW", "380 V", "62 dB(A)", "12.5 m³/h")
NEG_UNITS_JA = ("0.02mm", "45N・m", "3.2MPa", "1480rpm", "7.5kW", "200V", "62dB", "12.5m³/h")
NEG_PARTS = ("PN {L}{d4}-{d3}", "{d3}-{d4}-{L}{d1}", "M12x1.5-{d2}", "BRG-{d4}ZZ", "SKU {d5}{L}")
NEG_PARTS_JA = ("品番{L}{d4}-{d3}", "部品{d3}-{d4}", "ベアリング{d4}ZZ")
NEG_LOTS = ("LOT {y}{m}-{d4}", "L{y}{m}{d2}{L}", "Charge {d5}", "Batch {L}{d4}")
NEG_LOTS_JA = ("ロット{y}{m}{d3}", "製造ロット{L}{d4}", "LOT {y}{m}-{d4}")
NEG_TICKETS = ("MOC-{y}-{d3}", "ECN {d5}", "WO#{d6}", "LIMS-{y}{m}-{d4}", "AWB-{d3}", "SR{d6}")
NEG_STANDARDS = ("ISO 14644-1", "IEC 61131-3", "EN 13849", "JIS B 0401", "ASTM E8", "ISO 9606-1", "IEC 62443")
