"""Hand-written lists of the tenth evaluation set (see :mod:`edged.privacy.evalset_tenth`).

Written for this set from general knowledge, not copied from any dictionary, name list or other
set; every list is small on purpose: a plant's paperwork repeats the same few people and places.
"""

from __future__ import annotations

# -- person names by origin: (given, family) --------------------------------------------------------
# Origins none of the sets before this one drew from. Particles and "bin" are part of the family.
HAND_NAMES: dict[str, tuple[tuple[str, str], ...]] = {
    "maltese": (
        ("Ċensu", "Camilleri"),
        ("Marija", "Azzopardi"),
        ("Ġorġ", "Xuereb"),
        ("Rita", "Zammit Cutajar"),
        ("Pawlu", "Mifsud Bonnici"),
        ("Doris", "Farrugia"),
        ("Kurt", "Spiteri"),
        ("Josette", "Debono"),
    ),
    "sami": (
        ("Áile", "Somby"),
        ("Niillas", "Holmberg-Gaup"),
        ("Máret", "Sara"),
        ("Ánte", "Eira"),
        ("Elle", "Valkeapää"),
        ("Jovsset", "Utsi"),
    ),
    "frisian": (
        ("Sjoerd", "Hoekstra"),
        ("Wietske", "Dykstra"),
        ("Tsjalling", "van der Meulen"),
        ("Gerbrich", "Sikkema"),
        ("Haitse", "de Vries-Bouma"),
        ("Froukje", "Postma"),
    ),
    "sri-lankan-burgher": (
        ("Carl", "Van der Poorten"),
        ("Shirleen", "de Kretser"),
        ("Desmond", "Ludowyk"),
        ("Noeline", "Jansz"),
        ("Trevor", "Van Langenberg"),
        ("Melanie", "Ebert"),
    ),
    "goan": (
        ("Menino", "D'Souza"),
        ("Lavinia", "Fernandes e Pinto"),
        ("Agnelo", "de Menezes"),
        ("Filomena", "Rodrigues Colaco"),
        ("Savio", "D'Mello"),
        ("Cynthia", "Pereira de Sa"),
    ),
    "bruneian": (
        ("Awang Hamdan", "bin Haji Yusof"),
        ("Dayang Noraini", "binti Abdul Latif"),
        ("Pengiran Azmi", "bin Pengiran Ismail"),
        ("Siti Rozaimah", "binti Matusin"),
    ),
    "iban": (
        ("Jimbun", "anak Pandi"),
        ("Lenny", "anak Ngumbang"),
        ("Rentap", "anak Jawing"),
        ("Magdalene", "Sulang"),
        ("Ambrose", "Blikau"),
    ),
    "karen-kachin": (
        ("Saw", "Htoo Eh"),
        ("Naw", "Paw Say"),
        ("Lahpai", "Zau Seng"),
        ("Maran", "Brang Mai"),
        ("Eh", "Kaw Htoo"),
        ("Nang", "Seng Pan"),
    ),
    "mizo-khasi-naga": (
        ("Lalremruata", "Ralte"),
        ("Zothanpuii", "Hnamte"),
        ("Banshanlang", "Kharkongor"),
        ("Ibadonbok", "Syiemlieh"),
        ("Neikezhalie", "Angami"),
        ("Tiakumla", "Jamir"),
    ),
    "pashtun-hazara": (
        ("Zarmina", "Yousafzai"),
        ("Wali", "Khan Achakzai"),
        ("Gul Bibi", "Durrani"),
        ("Sayed", "Hussain Jaghori"),
        ("Fatema", "Sultani"),
        ("Nazir", "Ahmad Popalzai"),
    ),
    "turkmen-sakha-buryat": (
        ("Merdan", "Orazgeldiyev"),
        ("Aynabat", "Berdimuhamedova"),
        ("Aisen", "Nikolaev-Tuyaara"),
        ("Sardaana", "Gotovtseva"),
        ("Bair", "Tsydenzhapov"),
        ("Dulma", "Dashinimaeva"),
    ),
    "ossetian-circassian": (
        ("Soslan", "Dzagoev"),
        ("Zarina", "Tsorieva"),
        ("Aslanbek", "Khatkhokhu"),
        ("Nafset", "Shkhalakhova"),
        ("Alan", "Gazzaev"),
    ),
    "navajo-lakota-inuit": (
        ("Shandiin", "Yazzie"),
        ("Darrell", "Begaye"),
        ("Wambli", "Two Bulls"),
        ("Winona", "Iron Cloud"),
        ("Pauloosie", "Qaunaq"),
        ("Nivi", "Kilabuk-Arnatsiaq"),
    ),
    "mapuche-aymara": (
        ("Ayelén", "Huenchumilla"),
        ("Lautaro", "Catrileo"),
        ("Rayen", "Painequeo"),
        ("Wilma", "Mamani Quispe"),
        ("Evo", "Choque Condori"),
        ("Nayra", "Apaza"),
    ),
    "zapotec-maya": (
        ("Eufrosina", "Matus López"),
        ("Natalio", "Canché Poot"),
        ("Xóchitl", "Chablé"),
        ("Wenceslao", "Uc Dzib"),
        ("Rosalinda", "Santiago de la Cruz"),
    ),
    "fula-bambara-mossi": (
        ("Mamadou Saliou", "Diallo"),
        ("Aissata", "Sow"),
        ("Bakary", "Keïta"),
        ("Fanta", "Coulibaly"),
        ("Boukaré", "Ouédraogo"),
        ("Rasmata", "Sawadogo"),
    ),
    "fon-tigrinya": (
        ("Sènami", "Hounkpatin"),
        ("Gbènato", "Dossou-Yovo"),
        ("Yonas", "Tesfamariam"),
        ("Saba", "Woldegiorgis"),
        ("Ghirmay", "Habtemariam"),
    ),
    "tswana-sotho-herero": (
        ("Kagiso", "Mokgosi"),
        ("Boitumelo", "Seretse"),
        ("Palesa", "Mokhehle"),
        ("Tumelo", "Lerotholi"),
        ("Uakazuvaka", "Tjiriange"),
        ("Ndapewa", "Shikongo"),
    ),
    "bemba-chewa": (
        ("Mwansa", "Chileshe"),
        ("Bwalya", "Kapembwa"),
        ("Chikondi", "Banda-Phiri"),
        ("Thokozani", "Mwale"),
        ("Tiwonge", "Kachingwe"),
    ),
    "micronesian-melanesian": (
        ("Kalani", "Kabua"),
        ("Ebiuwa", "Ngirmang"),
        ("Teburoro", "Tito"),
        ("Kiki", "Sogavare"),
        ("Ralph", "Regenvanu"),
        ("Déwé", "Gorodey"),
        ("Tekoa", "Timeon"),
    ),
    "costa-rican": (
        ("Rodrigo", "Chaves Solís"),
        ("Yendry", "Mora Quesada"),
        ("Keylor", "Vargas Alfaro"),
        ("Marianela", "de la Cruz Ulate"),
        ("Greivin", "Jiménez Arce"),
    ),
    "slovene-icelandic": (
        ("Primož", "Kovačič"),
        ("Tjaša", "Žnidaršič"),
        ("Rok", "Vidmar"),
        ("Urška", "Kos Hrovat"),
        ("Þórunn", "Sigurðardóttir"),
        ("Hrafnkell", "Ólafsson"),
    ),
    "plant-words": (
        ("Dale", "Crane"),
        ("Bolt", "Harbour"),
        ("Grant", "Mill"),
        ("Ember", "Stack"),
        ("Rivet", "Lane"),
        ("Vale", "Forge"),
    ),
}

ROMAJI_FAMILY = (
    "Tsuchimikado", "Oonishi", "Kōzuki", "Nakazato", "Higa", "Kyan", "Ishiguro", "Tokunaga", "Haneda",
    "Akiyoshi", "Shibukawa", "Shōji", "Yamawaki", "Ōhashi", "Kinjo", "Tomimura", "Ichinose",
    "Mikami", "Shiina", "Gotō", "Hosokawa", "Naitoh", "Oh-uchi", "Kanehira",
)  # fmt: skip
ROMAJI_GIVEN = (
    "Shun'ichi", "Jun-ichiro", "Ryūnosuke", "Kaede", "Sayuri", "Tetsuo", "Hiroko", "Yūya", "Mao",
    "Kenta", "Takumi", "Asuka", "Yoshihide", "Ren", "Eiko", "Shinnosuke", "Fumika", "Daigo",
)  # fmt: skip

# -- Japanese names --------------------------------------------------------------------------------
JA_FAMILY_COMMON = (
    "渡辺", "小林", "加藤", "吉田", "山田", "佐々木", "山口", "伊藤", "斎藤", "木村", "林", "清田",
    "原", "和田", "中野", "小川", "北村", "岩崎", "菅原", "大野", "平野", "上田", "杉山", "宮崎",
)  # fmt: skip
JA_FAMILY_RARE = (
    "土御門", "服部半蔵", "我那覇", "与那嶺", "具志堅", "小橋川", "東江", "翁長", "渡嘉敷", "安里",
    "栗花落", "小比類巻", "八月一日", "鍛冶屋敷", "神宮寺", "南雲", "不破", "榎戸", "雲母", "鴨志田",
    "忽那", "纐纈", "鬼塚", "一口", "御子柴", "三ツ矢", "舎利弗", "及川",
)  # fmt: skip
JA_GIVEN = (
    "隼人", "結衣", "大翔", "琴音", "蓮", "楓", "匠", "葵", "拓海", "美月", "新之助", "佳奈",
    "陸斗", "真由美", "浩二", "千夏", "智也", "彩花", "源太", "沙耶", "剛", "碧", "悠斗", "心春",
)  # fmt: skip
JA_GIVEN_KANA = ("はるか", "ゆい", "かえで", "そうた", "みお", "れん", "ちなつ", "しょう")
JA_KANA_FULL = (
    "ガナハ ヒロシ", "ツチミカド マオ", "クチナワ ケイタ", "ヨナミネ アスカ", "キララ ユウヤ",
    "こびるいまき さゆり", "はねだ たくみ", "ぐしけん れん",
)  # fmt: skip
# Foreign workers' names in katakana ("/" between parts), from this set's origins.
JA_KATAKANA_FOREIGN = (
    "ヨゼフ/カミッレーリ", "マリヤ/アッツォパルディ", "シュールト/フックストラ",
    "カール/ファン・デル・プールテン",
    "メニーノ/デソウザ", "アワン/ハムダン", "ラルレムルアタ/ラルテ", "ザルミナ/ユサフザイ",
    "メルダン/オラズゲルディエフ", "アイレン/ウェンチュミリャ", "ママドゥ/ディアロ",
    "ヨナス/テスファマリアム",
    "カギソ/モクゴシ", "ムワンサ/チレシェ", "プリモシュ/コヴァチッチ", "ロドリゴ/チャベス・ソリス",
    "ヴィカース/サールンケ", "パンカジ/チョウドリー",
)  # fmt: skip
JA_HONORIFICS = ("さん", "様", "氏", "殿", "君", "ちゃん")
JA_ROLES = ("課長", "主査", "班長", "職長", "検査員", "部長代理", "センター長")

# -- addresses of the world -------------------------------------------------------------------------
# Maltese places: street, locality, postcode letters
MT_PLACES = (
    ("Triq il-Kbira", "Mosta", "MST"), ("Triq ir-Repubblika", "Valletta", "VLT"),
    ("Triq Birkirkara", "Birkirkara", "BKR"), ("Triq il-Mitħna", "Qormi", "QRM"),
    ("Hal Far Industrial Estate", "Birżebbuġa", "BBG"), ("Triq San Ġużepp", "Żebbuġ", "ZBG"),
    ("Marsa Industrial Estate", "Marsa", "MRS"), ("Triq Bulebel", "Żejtun", "ZTN"),
)  # fmt: skip
MT_BUILDINGS = ("Villa Rosa", "Dar il-Paci", "Block B", "Kappara Court", "Ir-Razzett")
# Slovene places: street, postcode, town
SI_PLACES = (
    ("Dunajska cesta", "1000", "Ljubljana"), ("Ptujska cesta", "2000", "Maribor"),
    ("Mariborska cesta", "3000", "Celje"), ("Cesta Staneta Žagarja", "4000", "Kranj"),
    ("Koroška cesta", "3320", "Velenje"), ("Kidričeva ulica", "5000", "Nova Gorica"),
    ("Belokranjska cesta", "8000", "Novo mesto"), ("Industrijska ulica", "9000", "Murska Sobota"),
)  # fmt: skip
# Costa Rican places: landmark, district, province or canton, postcode
CR_PLACES = (
    ("la iglesia católica", "San Antonio de Belén", "Heredia", "40701"),
    ("el Palí", "Pavas", "San José", "10109"), ("la plaza de deportes", "El Coyol", "Alajuela", "20113"),
    ("la bomba Uno", "La Uruca", "San José", "10107"),
    ("el antiguo Beneficio", "Barreal", "Heredia", "40104"),
    ("la escuela", "San Rafael", "Cartago", "30109"),
)  # fmt: skip
CR_PARKS = ("Zona Franca Coyol", "Zona Franca La Lima", "Parque Industrial Z Uno", "Global Park")
# Icelandic places: street, postcode, town
IS_PLACES = (
    ("Laugavegur", "101", "Reykjavík"), ("Grandagarður", "101", "Reykjavík"),
    ("Bæjarhraun", "220", "Hafnarfjörður"), ("Hafnarstræti", "600", "Akureyri"),
    ("Smiðjuvegur", "200", "Kópavogur"), ("Hrannargata", "400", "Ísafjörður"),
    ("Kalkofnsvegur", "730", "Reyðarfjörður"),
)  # fmt: skip
# Nepali places: area, town, district, postcode
NP_PLACES = (
    ("Balaju Industrial District", "Kathmandu", "Kathmandu", "44611"),
    ("Hetauda Industrial Area", "Hetauda", "Makwanpur", "44107"),
    ("Tribhuvan Chowk", "Biratnagar", "Morang", "56613"),
    ("Patan Industrial Estate", "Lalitpur", "Lalitpur", "44700"),
    ("Lakeside Road", "Pokhara", "Kaski", "33700"), ("Bhairahawa Road", "Butwal", "Rupandehi", "32907"),
)  # fmt: skip

# -- Japanese addresses: (prefecture, city, towns) --------------------------------------------------
JA_PLACES = (
    ("北海道", "苫小牧市", ("晴海町", "勇払", "柳町")),
    ("茨城県", "ひたちなか市", ("新光町", "馬渡", "長砂")),
    ("三重県", "亀山市", ("白木町", "布気町", "田村町")),
    ("三重県", "鈴鹿市", ("平田町", "住吉町", "稲生町")),
    ("山口県", "宇部市", ("大字沖宇部", "西本町", "港町")),
    ("愛媛県", "新居浜市", ("惣開町", "磯浦町", "菊本町")),
    ("福井県", "敦賀市", ("松島町", "鋳物師町", "若葉町")),
    ("岩手県", "北上市", ("相去町", "村崎野", "北工業団地")),
    ("東京都", "羽村市", ("神明台", "栄町", "緑ヶ丘")),
    ("静岡県", "湖西市", ("鷲津", "新居町浜名", "吉美")),
    ("愛知県", "田原市", ("緑が浜", "白浜", "神戸町")),
    ("宮崎県", "延岡市", ("旭町", "恒富町", "大字伊形町")),
    ("熊本県", "水俣市", ("野口町", "浜町", "大字古賀")),
    ("長野県", "諏訪郡下諏訪町", ("高木", "東町中", "大字西赤砂")),
)  # fmt: skip
JA_BUILDINGS = (
    "サンライズ晴海",
    "第二松浦ビル",
    "メゾン緑ヶ丘",
    "パークサイド白木",
    "ロイヤルコート惣開",
    "工業会館",
)
# Romanised Japanese places for English text: (town, city, prefecture, first three postcode digits)
JR_PLACES = (
    ("Harumicho", "Tomakomai", "Hokkaido", "053"), ("Shinkocho", "Hitachinaka", "Ibaraki", "312"),
    ("Shirakicho", "Kameyama", "Mie", "519"), ("Okiube", "Ube", "Yamaguchi", "755"),
    ("Sobiraki-cho", "Niihama", "Ehime", "792"), ("Shinmeidai", "Hamura", "Tokyo", "205"),
    ("Washizu", "Kosai", "Shizuoka", "431"), ("Asahimachi", "Nobeoka", "Miyazaki", "882"),
)  # fmt: skip
JP_AREAS = ("144", "29", "596", "59", "836", "897", "770", "197", "42", "53", "982", "966")

# -- phones: (region, country code, national trunk prefix, masks of the national number) -------------
# "#" any digit, "N" 2-9; phonenumbers validates every drawn number.
INTL_MASKS = (
    ("MT", "356", "", ("21## ####", "79## ####", "99## ####", "2N## ####")),
    ("SI", "386", "0", ("1 NN# ## ##", "41 ### ###", "31 ### ###", "2 NN# ## ##", "51 ### ###")),
    ("CR", "506", "", ("2### ####", "8### ####", "7### ####", "6### ####")),
    ("IS", "354", "", ("5## ####", "6## ####", "8## ####", "4## ####")),
    ("NP", "977", "0", ("98########", "1-4######", "21-######", "61-######")),
)  # fmt: skip

# -- cards: (brand, IIN prefixes, lengths) ---------------------------------------------------------
CARD_BRANDS = (
    ("visa", ("4",), (13, 16, 19)), ("mastercard", ("52", "54", "2223", "2500"), (16,)),
    ("amex", ("34", "37"), (15,)), ("jcb", ("3530", "3566", "3588"), (16, 19)),
    ("diners", ("36", "38", "301"), (14,)), ("discover", ("6011", "649", "65"), (16, 19)),
    ("unionpay", ("62", "81"), (16, 17, 18, 19)), ("maestro", ("6761", "5020", "6763"), (13, 15, 18)),
    ("elo", ("509091", "636368"), (16,)), ("uatp", ("1",), (15,)),
)  # fmt: skip

EMAIL_DOMAINS = (
    "bkr-plant.com.mt", "livarna-celje.si", "zonafranca-coyol.co.cr", "alver.is", "hetauda-mills.com.np",
    "works.tomakomai-seiko.example.jp", "mail.kameyama-denshi.co.jp", "gmail.com", "yahoo.co.jp",
    "siol.net", "simnet.is", "supplier-portal.example.org",
)  # fmt: skip

# -- hard negatives ---------------------------------------------------------------------------------
NEG_MACHINES = (
    "Press line PL-5", "5-axis mill M-23", "spray booth SB-2", "kanban rack K-44", "leak tester LT-6",
    "boiler B-2", "cooling tower CT-1", "drone DJ-7", "nutrunner NR-12", "robot cell RC-09",
    "autoclave AC-3", "laser marker LM-1",
)  # fmt: skip
NEG_MACHINES_JA = (
    "プレスライン5号", "5軸加工機M-23", "塗装ブースSB-2", "リークテスター6号機", "ボイラー2号",
    "冷却塔1号", "ナットランナーNR-12", "ロボットセル9", "オートクレーブ3号", "レーザーマーカー",
)  # fmt: skip
NEG_MAKERS = (
    "Siemens", "Bosch Rexroth", "Yamazaki Mazak", "Okuma", "Fanuc", "Mitutoyo", "Keyence", "Festo",
    "Parker Hannifin", "Kistler", "Hilti", "Sandvik Coromant", "Trumpf", "Kuka", "Yaskawa", "Nachi",
    "Atlas Copco", "Endress+Hauser", "Ingersoll Rand", "Lincoln Electric",
)  # fmt: skip
NEG_MAKERS_JA = (
    "ヤマザキマザック", "オークマ", "牧野フライス", "安川電機", "不二越", "村田機械", "津田駒工業",
    "森精機", "豊田工機", "大隈豊和", "本田技研", "鈴木自動車", "田中貴金属", "三菱電機",
)  # fmt: skip
NEG_PLACES = (
    "Bay 7", "Kitting Area C", "Boiler House", "Dock 2", "Hot Shop", "Mould Store", "Line 3 South",
    "Goods-in", "Clean Room 2",
)  # fmt: skip
NEG_PLACES_JA = ("第3工場", "南棟", "組立2課", "ボイラー室", "金型置場", "出荷場", "クリーンルーム2", "西門")
# Words that look like names but are instruments, tests, laws and charts named after people.
NEG_NAMELIKE = (
    "Pitot tube", "Venturi meter", "Bourdon gauge", "Allen key", "Phillips screwdriver", "Gantt chart",
    "Pareto chart", "Ishikawa diagram", "Rockwell C", "Brinell", "Vickers", "Charpy", "Wheatstone bridge",
    "Schmitt trigger", "Kelvin", "Hall sensor", "Heinrich triangle", "Bernoulli",
)  # fmt: skip
NEG_NAMELIKE_JA = (
    "ピトー管", "ベンチュリ管", "ブルドン管", "六角レンチ", "ガントチャート", "パレート図",
    "石川ダイアグラム",
    "ロックウェル硬さ", "ビッカース", "シャルピー試験", "ホール素子", "ハインリッヒの法則", "田中式歩留",
    "大森ライン", "小林治具", "山田研磨",
)  # fmt: skip
NEG_UNITS = ("0.05 mm", "32 N·m", "6.3 bar", "2,950 rpm", "11 kW", "415 V", "78 dB(A)", "4.2 m³/min")
NEG_UNITS_JA = ("0.05mm", "32N・m", "0.63MPa", "2950rpm", "11kW", "400V", "78dB", "4.2m³/min")
# Units by what is measured: (English, Japanese) written forms.
NEG_UNITS_BY_KIND: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "torque": (("32 N·m", "18.5 Nm", "120 N·m", "45 Nm"), ("32N・m", "18.5N・m", "120N・m", "45N・m")),
    "air": (
        ("4.2 m³/min", "35 l/min", "0.6 Nm³/h", "12 cfm"),
        ("4.2m³/min", "35L/min", "0.6Nm³/h", "12L/min"),
    ),
    "gas": (("19.2 % O2", "20.9 %", "12 ppm H2S", "8 % LEL"), ("19.2%", "20.9%", "H2S 12ppm", "LEL 8%")),
    "temp": (("+9.4 °C", "-12 °C", "11.8°C", "2-8 °C"), ("+9.4℃", "-12℃", "11.8℃", "2～8℃")),
    "energy": (("22.4 kWh", "11 kW", "48.7 kWh", "7.4 kW"), ("22.4kWh", "11kW", "48.7kWh", "7.4kW")),
}
NEG_PARTS = ("P/N {L}{d3}-{d4}", "{d2}-{d4}-{L}", "O-ring {d2}x{d1}", "KB-{d5}", "NUT M{d1}-{d3}")
NEG_PARTS_JA = ("品番{L}{d3}-{d4}", "かんばん{d5}", "Oリング{d2}×{d1}", "部番{d4}-{L}")
NEG_LOTS = ("LOT {y}{m}{d3}", "Heat {d5}", "Batch {L}{d3}-{d2}", "S/N {L}{d5}")
NEG_LOTS_JA = ("ロット{y}{m}{d3}", "ヒート{d5}", "製番{L}{d4}")
NEG_TICKETS = ("SOC-{y}-{d3}", "8D-{d4}", "CAL-{d5}", "WO {d6}", "ASN{d6}", "OCAP-{d3}", "LPA {y}/{d2}")
NEG_STANDARDS = ("ISO 45001", "IATF 16949", "ISO/IEC 17025", "JIS Z 8101", "EN 1090-2", "VDA 6.3", "OHSAS")
