"""Hand-written lists for the eighth evaluation set (:mod:`edged.privacy.evalset_eighth`).

Written for this set by its author without reading the detectors' word lists. Names are of people
who work in plants in Japan, the Americas, the UK, South-East Asia, Africa, the Middle East, Central
Asia and Eastern Europe; addresses and phone masks are of countries the other sets did not use
(Malaysia, South Korea, Czechia, Hungary, Morocco, the UAE, Peru, Serbia) plus Japan.
"""

from __future__ import annotations


def _w(text: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in text.split("|") if x.strip())


def _pairs(text: str) -> tuple[tuple[str, str], ...]:
    """``given/family`` pairs separated by ``|``; a missing family (a mononym) is ""."""
    out = []
    for item in _w(text):
        given, _, family = item.partition("/")
        out.append((given.strip(), family.strip()))
    return tuple(out)


# -- person names in Latin letters, by origin (given/family) ---------------------------------------

HAND_NAMES: dict[str, tuple[tuple[str, str], ...]] = {
    "malay": _pairs(
        "Muhammad Hafiz/bin Rahman|Nurul Aisyah/binti Ismail|Ahmad Faizal/bin Othman|Siti Hajar/binti Yusof|"
        "Mohd Azlan/bin Hamzah|Nur Syafiqah/binti Kamarudin|Khairul Anuar/bin Saad|Farah Nadia/binti Zakaria"
    ),
    "malaysian-chinese": _pairs(
        "Wei Ming/Tan|Mei Ling/Lim|Chee Keong/Ooi|Siew Fong/Yap|Kok Wai/Chin|Hui Min/Teoh|Boon Hock/Khoo"
    ),
    "malaysian-indian": _pairs(
        "Muthu/a/l Rajan|Kavitha/a/p Subramaniam|Saravanan/a/l Krishnan|Devi/a/p Murugesan"
    ),
    "hmong-us": _pairs("Pa Nhia/Vang|Tou/Xiong|Kao/Yang|Chue/Lor|Mai/Thao|Nou/Moua|Fue/Her|Yer/Lee"),
    "cajun-us": _pairs(
        "Remy/Thibodeaux|Clovis/Boudreaux|Odile/Guidry|Landry/Broussard|Toby/Fontenot|Noelie/Arceneaux"
    ),
    "african-american": _pairs(
        "DeShawn/Whitfield|LaToya/Pettaway|Jamal/Okafor-Bell|Tanisha/Rucker|Darnell/Gaines|Keisha/Mabry|"
        "Tyrone/Battle|Shaniqua/Dukes"
    ),
    "us-south": _pairs(
        "Billy Ray/Cantrell|Wanda Sue/Pickens|Jimmy Dale/Tackett|Bobbie Jo/Sizemore|Earl/Hensley|"
        "Loretta/Combs|Dewayne/Stamper"
    ),
    "welsh": _pairs(
        "Rhodri/ap Gwilym|Siân/Llewellyn|Gethin/Pritchard|Ffion/Bowen|Iestyn/Prosser|Nerys/Vaughan"
    ),
    "british-pakistani": _pairs(
        "Imran/Hussain|Nasreen/Akhtar|Tariq/Mahmood|Shazia/Bibi|Zubair/Iqbal|Rukhsana/Begum"
    ),
    "sikh": _pairs(
        "Harjit/Singh Sandhu|Gurpreet/Kaur|Manjit/Singh Dhillon|Jaspreet/Kaur Gill|Balwinder/Sidhu"
    ),
    "senegalese": _pairs(
        "Mamadou/Diop|Aminata/Ndiaye|Cheikh/Fall|Fatou/Sarr|Ousmane/Sow|Awa/Gueye|Moussa/Ba"
    ),
    "zimbabwean": _pairs(
        "Tendai/Moyo|Tatenda/Chikomba|Precious/Mutasa|Farai/Ncube|Nyasha/Mhlanga|Blessing/Chidzikwe"
    ),
    "ugandan": _pairs("Okello/Ojok|Nakato/Namubiru|Mukasa/Ssempala|Akello/Atim|Kato/Kiggundu"),
    "rwandan": _pairs("Jean-Claude/Habimana|Claudine/Uwimana|Emmanuel/Niyonzima|Diane/Mukamana"),
    "congolese": _pairs("Patrice/Kabongo|Grâce/Mbuyi|Christian/Ilunga Kalala|Aimée/Tshibangu"),
    "lebanese": _pairs("Georges/Khoury|Rania/Haddad|Elie/Saade|Maya/Abi Nader|Karim/El Hage|Nadine/Frangieh"),
    "emirati-omani": _pairs(
        "Saeed/Al Mazrouei|Mariam/Al Suwaidi|Khalfan/Al Balushi|Hamad/Al Harthy|Aisha/Al Ketbi"
    ),
    "kurdish-iraqi": _pairs("Rebaz/Karim|Shilan/Ahmed|Hawkar/Mohammed Amin|Dilan/Barzani|Sarkawt/Qadir"),
    "israeli": _pairs("Yossi/Ben-David|Noa/Shapira|Eitan/Mizrahi|Tamar/Peretz|Avi/Ohayon"),
    "serbian-bosnian": _pairs(
        "Dragan/Đorđević|Jelena/Petrović|Nemanja/Stojanović|Emir/Hodžić|Amra/Begić|Miloš/Janković"
    ),
    "albanian": _pairs("Arben/Hoxha|Elira/Krasniqi|Blerim/Berisha|Drita/Gashi|Fatmir/Shehu"),
    "moldovan": _pairs("Ion/Ciobanu|Mariana/Rusu|Vasile/Cojocaru|Tatiana/Munteanu"),
    "kyrgyz-tajik": _pairs(
        "Nurlan/Abdyldaev|Aizhan/Toktogulova|Farrukh/Rahimov|Dilnoza/Sharipova|Bakyt/Asanaliev"
    ),
    "jamaican-trini": _pairs("Marlon/Campbell|Shantelle/Ramdial|Dwayne/McKenzie|Kezia/Persad|Rohan/Maharaj"),
    "guatemalan-honduran": _pairs(
        "Juan Carlos/Xoc Tzul|María José/Cabrera Aldana|Wilmer/Ajú|Yesenia/Oliva Banegas|Edwin/Tzoc"
    ),
    "cuban-dominican": _pairs(
        "Yusniel/Pérez Rodríguez|Yaneisy/Almonte|Osmany/Castellanos|Yordanka/Quintero|Arismendy/Peña"
    ),
    "paraguayan-bolivian": _pairs(
        "Ñandutí/Benítez|Cristhian/Aguayo|Mirtha/Quispe Mamani|Wilfredo/Choque|Rossana/Vaca Díez"
    ),
    "nikkei": _pairs(
        "Ricardo Hideki/Nakamura|Juliana Sayuri/Oliveira|Fábio Kenji/Shimabukuro|Patrícia Emi/Kobayashi|"
        "Alberto Kenji/Higa|Márcio Yoshio/Tamashiro|Carla Mayumi/Nishimoto"
    ),
    "word-names": _pairs(
        "Hope/Mwale|Faith/Adjei|Sunny/Brooks|Jordan/Banks|Mercy/Kamau|Justice/Ocran|Major/Hill|Bishop/Cole"
    ),
}

ROMAJI_GIVEN = _w(
    "Kōsuke|Shun'ya|Yūto|Haruka|Reina|Tatsuya|Nozomi|Kazuhiro|Sae|Ryōta|Yukari|Jun'ichi|Momoko|Takumi|"
    "Chihiro|Isamu|Asuka|Hayato|Mitsuki|Genki"
)
ROMAJI_FAMILY = _w(
    "Hasegawa|Kuwabara|Tsutsumi|Ōnishi|Higashiyama|Matsuzaki|Iwashita|Shōji|Kinjo|Teshigawara|Hirooka|"
    "Uchimura|Nagahama|Sekiguchi|Domeki"
)

# -- Japanese names --------------------------------------------------------------------------------

JA_FAMILY_COMMON = _w(
    "石川|前田|藤田|小川|岡田|後藤|長谷川|村上|近藤|坂本|遠藤|青木|藤井|西村|福田|太田|三浦|岡本|松田|"
    "中川|中野|原田|小野|竹内|金子|和田|中山|石田|上田|森田|原|柴田|酒井|工藤|横山|宮崎|宮本|内田|高木"
)
JA_FAMILY_RARE = _w(
    "百目鬼|東海林|勅使河原|御手洗|我妻|猪狩|鬼頭|薬師寺|蛭田|鷲見|糟谷|嘉数|仲宗根|島袋|知念|又吉|"
    "四十物|五百旗頭|一尺八寸|日下部|及川|雲母|上遠野|小鳥遊|月見里|八月一日|舎利弗|帷子|鰐淵|九十九"
)
JA_GIVEN = _w(
    "翔太|大輝|拓海|蓮|悠真|陽菜|美咲|結衣|葵|凛|健一|浩二|誠|修|直樹|真由美|裕子|恵|智子|和彦|"
    "康弘|勝也|紀子|千尋|颯|湊|樹|陽翔|心春|紬"
)
JA_GIVEN_KANA = _w(
    "さくら|ゆうき|ひなた|あかり|みのり|こはる|つばさ|カオリ|ミドリ|サトミ|ケン|ジュン|エミ|ナナミ"
)
# Full names in kana (furigana lines, kana-only registers).
JA_KANA_FULL = _w(
    "いしかわ けんいち|まえだ ゆい|ふじた まこと|おがわ りん|ごとう なおき|"
    "イシカワ ケンイチ|マエダ ユイ|フジタ マコト|ドウメキ タツヤ|シマブクロ サエ|トウカイリン ハルカ"
)
# Foreign workers in katakana, parts joined by "/" (the set joins them with ・ ＝ or a space).
JA_KATAKANA_FOREIGN = _w(
    "ヒカルド/ヒデキ/ナカムラ|ジュリアナ/サユリ/オリベイラ|ムハマド/ハフィズ|タン/ウェイミン|"
    "アイジャン/トクトグロワ|ファッルフ/ラヒモフ|ママドゥ/ジョップ|テンダイ/モヨ|ドラガン/ジョルジェビッチ|"
    "イオン/チョバヌ|ウィルメル/アフ|ヌルラン/アブディルダエフ|セルゲイ/イワノフ|オクサナ/コワレンコ"
)
JA_HONORIFICS = _w("さん|様|氏|殿|くん|ちゃん|先輩")
JA_ROLES = _w("主任|係長|職長|工長|課長代理|監督|作業長|班長|リーダー|部長")

# -- addresses of countries the other sets did not use ---------------------------------------------

# (street names, postcode, town, state)
MY_PLACES = (
    (("Jalan Utas 15/7", "Jalan Pengapit 15/19", "Persiaran Kerjaya"), "40200", "Shah Alam", "Selangor"),
    (
        ("Jalan Perindustrian Bukit Minyak 5", "Lorong Perusahaan Maju 8"),
        "14100",
        "Simpang Ampat",
        "Pulau Pinang",
    ),
    (("Jalan Seelong Jaya 3", "Jalan Kempas Lama"), "81300", "Skudai", "Johor"),
    (("Jalan Kuala Kangsar", "Jalan Kledang Raya 7"), "31200", "Chemor", "Perak"),
    (("Jalan Bayan Lepas", "Lebuh Bukit Jambul"), "11900", "Bayan Lepas", "Pulau Pinang"),
)
# Each row: road, city or county, province and postcode.
KR_PLACES = (
    ("Sandan-ro", "Siheung-si", "Gyeonggi-do", "15078"),
    ("Gongdan-ro", "Changwon-si Seongsan-gu", "Gyeongsangnam-do", "51567"),
    ("Hyeondae-ro", "Ulsan Buk-gu", "Ulsan", "44259"),
    ("Cheomdangieop-ro", "Gumi-si", "Gyeongsangbuk-do", "39422"),
    ("Jangan-ro", "Asan-si Tangjeong-myeon", "Chungcheongnam-do", "31454"),
)
# Each row: street, postcode and town.
CZ_PLACES = (
    ("Průmyslová", "530 03", "Pardubice"),
    ("Tovární", "293 01", "Mladá Boleslav"),
    ("Nádražní", "702 00", "Ostrava"),
    ("U Panasonicu", "530 06", "Pardubice"),
    ("Kolínská", "280 02", "Kolín"),
)
# Each row: town, postcode and street.
HU_PLACES = (
    ("Győr", "9027", "Ipari Park utca"),
    ("Kecskemét", "6000", "Mercedes út"),
    ("Székesfehérvár", "8000", "Holland fasor"),
    ("Miskolc", "3527", "Sajószigeti út"),
    ("Debrecen", "4031", "Határ út"),
)
# Each row: industrial zone and lot, postcode and city.
MA_PLACES = (
    ("Zone Franche d'Exportation de Tanger, Îlot 45", "90000", "Tanger"),
    ("Tanger Automotive City, Lot 112", "90000", "Tanger"),
    ("Zone Industrielle Sidi Bernoussi, Rue 7", "20600", "Casablanca"),
    ("Parc Industriel Atlantic Free Zone, Lot 18", "14000", "Kénitra"),
)
# Each row: free zone or industrial area, and emirate.
AE_PLACES = (
    ("Jebel Ali Free Zone South", "Dubai"),
    ("Dubai Investments Park 2", "Dubai"),
    ("Industrial Area 13", "Sharjah"),
    ("KIZAD, Khalifa Industrial Zone", "Abu Dhabi"),
    ("Mussafah M-26", "Abu Dhabi"),
)
# Each row: street, district, city and postcode.
PE_PLACES = (
    ("Av. Argentina", "Cercado de Lima", "Lima", "15082"),
    ("Av. Néstor Gambetta", "Callao", "Callao", "07036"),
    ("Av. Los Frutales", "Ate", "Lima", "15023"),
    ("Calle Los Hornos", "Lurín", "Lima", "15823"),
)
# Each row: street, postcode and town.
RS_PLACES = (
    ("Industrijska zona bb", "34000", "Kragujevac"),
    ("Autoput za Novi Sad", "11080", "Zemun"),
    ("Bulevar oslobođenja", "21000", "Novi Sad"),
    ("Pančevački put", "11210", "Beograd"),
)

# Japanese municipalities with their towns (prefecture, city, towns).
JA_PLACES = (
    ("北海道", "苫小牧市", ("晴海町", "勇払", "真砂町")),
    ("岩手県", "北上市", ("相去町", "北工業団地", "村崎野")),
    ("宮城県", "黒川郡大衡村", ("大衡字萱刈場", "大衡字亀岡")),
    ("群馬県", "太田市", ("スバル町", "東新町", "西矢島町")),
    ("栃木県", "真岡市", ("松山町", "鬼怒ヶ丘", "寺内")),
    ("茨城県", "ひたちなか市", ("高場", "足崎", "新光町")),
    ("新潟県", "燕市", ("小池", "物流センター", "吉田東栄町")),
    ("富山県", "高岡市", ("戸出町", "能町南", "二塚")),
    ("石川県", "小松市", ("符津町", "工業団地", "串町")),
    ("福井県", "鯖江市", ("三六町", "有定町", "神明町")),
    ("長野県", "諏訪市", ("大字中洲", "湖南", "豊田")),
    ("岐阜県", "関市", ("小瀬", "倉知", "肥田瀬")),
    ("静岡県", "湖西市", ("鷲津", "大知波", "吉美")),
    ("三重県", "四日市市", ("霞", "大字六呂見", "日永東")),
    ("滋賀県", "甲賀市", ("水口町ひのきが丘", "甲南町柑子")),
    ("兵庫県", "姫路市", ("広畑区富士町", "飾磨区細江", "網干区新在家")),
    ("岡山県", "倉敷市", ("水島川崎通", "連島町鶴新田", "児島小川")),
    ("広島県", "東広島市", ("八本松町宗吉", "西条町御薗宇")),
    ("山口県", "周南市", ("御影町", "晴海町", "大字徳山")),
    ("愛媛県", "新居浜市", ("惣開町", "磯浦町", "星越町")),
    ("福岡県", "京都郡苅田町", ("新浜町", "松山", "長浜町")),
    ("大分県", "中津市", ("大字福島", "大字加来", "田尻")),
    ("熊本県", "菊池郡菊陽町", ("原水", "津久礼", "大字辛川")),
    ("鹿児島県", "霧島市", ("国分山下町", "隼人町見次")),
)
# Hokkaido grid addresses, each row: prefecture, city (and ward), district, the sides its 丁目 take;
# the 条 and 丁目 numbers are drawn.
JA_GRID_PLACES = (
    ("北海道", "旭川市", "東光", ("",)),
    ("北海道", "帯広市", "西", ("南", "北")),
    ("北海道", "札幌市東区", "北", ("東",)),
)
JA_BUILDINGS = _w(
    "ハイツ緑ヶ丘|メゾン白鷺|コーポ若葉|第二松栄荘|サンライズ湖西|グランシャリオ北上|ファミール晴海"
)
# Romanised Japanese: (town, city, prefecture, zip head).
JR_PLACES = (
    ("Subaru-cho", "Ota-shi", "Gunma", "373"),
    ("Washizu", "Kosai-shi", "Shizuoka", "431"),
    ("Mizushima Kawasaki-dori", "Kurashiki-shi", "Okayama", "712"),
    ("Kasumi", "Yokkaichi-shi", "Mie", "510"),
    ("Harumi-cho", "Tomakomai-shi", "Hokkaido", "059"),
)

# -- e-mail domains ---------------------------------------------------------------------------------

EMAIL_DOMAINS = _w(
    "perodua-vendor.com.my|tm.net.my|kbs-precision.co.kr|naver.com|skoda-supplier.cz|seznam.cz|"
    "freemail.hu|menara.ma|emirates.net.ae|terra.com.pe|eunet.rs|gmx.net|outlook.jp|docomo.ne.jp|"
    "ezweb.ne.jp|ybb.ne.jp|kosai-seiki.co.jp|tomakomai-koki.jp|plant-ops.example.com|yahoo.co.uk"
)

# -- phone masks: (region, country code, national masks) --------------------------------------------
# "#" a digit, "N" 2-9; a mask is the national significant number, spaces where people group it.

INTL_MASKS = (
    ("MY", "60", ("12-### ####", "11-#### ####", "3-#### ####", "4-### ####")),
    ("KR", "82", ("10-####-####", "31-###-####", "52-###-####")),
    ("CZ", "420", ("60# ### ###", "73# ### ###", "466 ### ###")),
    ("HU", "36", ("30 ### ####", "20 ### ####", "96 ### ###")),
    ("MA", "212", ("6## ## ## ##", "539 ## ## ##")),
    ("AE", "971", ("50 ### ####", "55 ### ####", "4 ### ####")),
    ("PE", "51", ("9## ### ###", "1 ### ####")),
    ("RS", "381", ("6# ### ####", "11 ### ####")),
)
# The prefix dialled inside the country before the national number ("" where there is none).
TRUNK = {"MY": "0", "KR": "0", "CZ": "", "HU": "06", "MA": "0", "AE": "0", "PE": "0", "RS": "0"}
JP_AREAS = ("3", "6", "11", "144", "197", "285", "29", "256", "766", "761", "53", "59", "79", "86", "834")

# Card IIN prefixes: (brand, prefixes, lengths).
CARD_BRANDS = (
    ("visa", ("4",), (16, 13, 19)),
    ("mastercard", ("51", "53", "55", "2221", "2500", "2720"), (16,)),
    ("amex", ("34", "37"), (15,)),
    ("jcb", ("3528", "3540", "3566", "3589"), (16,)),
    ("discover", ("6011", "644", "65"), (16,)),
    ("diners", ("36", "300", "305"), (14,)),
    ("unionpay", ("62",), (16, 17, 18, 19)),
    ("maestro", ("6759", "5018", "6304"), (16, 18)),
)

# -- hard negatives ---------------------------------------------------------------------------------

NEG_MACHINES = _w(
    "Press Line 3|Komatsu H1F200|Schuler MSP 1600|Engel victory 500|Mazak Integrex i-200|Okuma MB-5000H|"
    "Haitian MA3800|Arburg 570 A|Bystronic ByStar Fiber|Nachi MZ07|Kawasaki RS020N|CMM Room Hexagon|"
    "Paint Robot PR-05|Autoclave AC-2|Reflow Oven Heller 1913|Wave Solder WS-1|Big Bertha (press 9)"
)
NEG_MACHINES_JA = _w(
    "3号プレス|第2射出成形機|マシニングセンタMC-12|NC旋盤6号|焼入れ炉No.3|自動倉庫AS-2|"
    "塗装ロボットPR-05|リフロー炉2号|ワイヤ放電加工機W-4|AGV14号車|ダイカスト800t"
)
NEG_PARTS = (
    "{L}{d2}-{d4}-{d1}",
    "PN {d3}-{d5}",
    "P/N {L}{L}{d4}{L}",
    "6205-2RS bearing",
    "O-ring AS568-{d3}",
    "M{d1}x{d2} bolt",
    "{d2}{L}-{d3}{L}",
)
NEG_PARTS_JA = (
    "品番{L}{d2}-{d4}",
    "部品番号{d3}-{d4}-{d2}",
    "ベアリング6205ZZ",
    "Oリング P{d2}",
    "M{d1}×{d2}ボルト",
)
NEG_LOTS = (
    "LOT{y}{m}{d2}-{d2}",
    "Lot# {L}{y}{d3}",
    "batch {y}W{d2}-{d1}",
    "ロット{y}{m}{d2}{L}",
    "HN{y}{d4}",
)
NEG_TICKETS = ("DEV-{y}-{d3}", "NCR-{d4}", "INC{d5}", "CAPA-{y}{d3}", "WO#{d5}", "PR-{d5}", "MOC-{d3}")
NEG_UNITS = _w(
    "0.02 mm|12.5 kN|450 °C|6.3 bar|1,480 rpm|85 dB(A)|3.2 µm Ra|24 VDC|0.4 MPa|75 kW|1.2 t|18 N·m|"
    "320 L/min|4–20 mA|±0.05 mm|2,400 pcs|98.7 %"
)
NEG_UNITS_JA = _w(
    "0.02mm|12.5kN|450℃|0.6MPa|1,480rpm|85dB|24V|75kW|1.2t|18N・m|2,400個|歩留まり98.7%|公差±0.05"
)
NEG_PLACES = _w(
    "Bay 7|Dock Door 12|Mezzanine West|Cage 3|QC Lab|Boiler House|Tank Farm|Press Shop|Weld Cell 4|"
    "Goods-In|Cleanroom ISO 7|Substation B"
)
NEG_PLACES_JA = _w(
    "第1工場|第3倉庫|東門|品証ラボ|塗装棟|受入場|クリーンルーム|変電室B|屋外タンクヤード|溶接エリア4"
)
# Makers and product names that read like persons or places.
NEG_MAKERS = _w(
    "Siemens|Emerson|Parker Hannifin|John Deere|Carl Zeiss|Lincoln Electric|Miller Electric|"
    "Brother Industries|Fanuc|Kawasaki|Honda|Suzuki|Yamaha|Hitachi|Mitsubishi Electric|Hobart|"
    "Grundfos|Bosch Rexroth|Murata|Heidenhain"
)
NEG_MAKERS_JA = _w(
    "豊田自動織機|本田技研工業|鈴木鉄工所|ヤマザキマザック|牧野フライス|森精機|高橋計器|安川電機|"
    "オークマ|ファナック|キーエンス|オムロン|日立産機|三菱電機"
)
# Plant places and product lines named like people (must stay).
NEG_NAMELIKE = _w(
    "Hamilton plant|Marion warehouse|Jackson line|Florence site|Victoria Dock|Georgetown plant|"
    "Charlotte DC|Austin lab|Lincoln building|Madison Press Shop"
)
NEG_NAMELIKE_JA = _w(
    "田原工場|堤工場|元町工場|高岡工場|吉田ライン|佐藤鉄工（協力会社）|大森倉庫|松本営業所|上野検査室|"
    "中村機械（外注）"
)
NEG_STANDARDS = _w(
    "ISO 9001:2015|IATF 16949|ISO 14001|JIS B 0601|IEC 61508|ASME B31.3|EN 1090-2|OSHA 1910.147"
)
