"""Hand-written lists of the "blind" evaluation set (:mod:`edged.privacy.evalset_blind`): names,
address parts, phone masks, e-mail domains and hard negatives, all written for that set."""

from __future__ import annotations


def _w(text: str) -> tuple[str, ...]:
    return tuple(text.split("|"))


# -- names in Latin letters: (given, family); an empty family is a mononym ------------------------

HAND_NAMES: dict[str, tuple[tuple[str, str], ...]] = {
    "ghanaian": (
        ("Kwame", "Mensah"),
        ("Akosua", "Boateng"),
        ("Yaw", "Owusu-Ansah"),
        ("Efua", "Asante"),
        ("Kofi", "Adjei-Boakye"),
        ("Abena", "Darko"),
        ("Kwabena", "Ofori-Atta"),
        ("Ama", "Sarpong"),
        ("Kojo", "Appiah"),
        ("Adwoa", "Frimpong"),
        ("Nii Armah", "Lamptey"),
        ("Selorm", "Agbeko"),
    ),
    "ethiopian": (
        ("Tesfaye", "Bekele"),
        ("Meseret", "Haile"),
        ("Abebe", "Gebremariam"),
        ("Selamawit", "Tadesse"),
        ("Dawit", "Woldemichael"),
        ("Hirut", "Alemayehu"),
        ("Yohannes", "Kebede"),
        ("Tigist", "Assefa"),
        ("Getachew", "Mengistu"),
        ("Bethlehem", "Girma"),
    ),
    "filipino": (
        ("Ma. Cristina R.", "dela Cruz"),
        ("Jose Miguel T.", "Santos"),
        ("Rowena", "Bautista-Reyes"),
        ("Jun-Jun", "Villanueva"),
        ("Marites", "Macapagal"),
        ("Rodelio P.", "Manalo"),
        ("Lorna", "de los Santos"),
        ("Arnel", "Pangilinan"),
        ("Maricel D.", "Ocampo"),
        ("Reynaldo", "Aquino Jr."),
    ),
    "brazilian": (
        ("João Pedro", "dos Santos Oliveira"),
        ("Ana Beatriz", "Carvalho"),
        ("Thiago", "Nascimento"),
        ("Luíza", "Gonçalves da Silva"),
        ("Wellington", "Araújo"),
        ("Francisca", "de Souza Lima"),
        ("Raimundo Nonato", "Ferreira"),
        ("Gabriela", "Cavalcanti"),
        ("Cleiton", "Rodrigues"),
        ("Vitória", "Mendonça"),
    ),
    "polish": (
        ("Katarzyna", "Wiśniewska-Nowak"),
        ("Grzegorz", "Brzęczyszczykiewicz"),
        ("Małgorzata", "Kowalczyk"),
        ("Paweł", "Wójcik"),
        ("Agnieszka", "Dąbrowska"),
        ("Krzysztof", "Szymański"),
        ("Zbigniew", "Pietrzak"),
        ("Joanna", "Łukasiewicz"),
        ("Tomasz", "Żmuda-Trzebiatowski"),
        ("Jadwiga", "Kaczmarek"),
    ),
    "turkish": (
        ("Mehmet Çağlar", "Öztürk"),
        ("Ayşe Gül", "Yıldırım"),
        ("Emre", "Şahin"),
        ("Zeynep", "Aydın"),
        ("Hüseyin", "Çelik"),
        ("Elif", "Kılıç"),
        ("Mustafa Kemal", "Doğan"),
        ("Büşra", "Arslan"),
        ("Oğuzhan", "Korkmaz"),
        ("Gülşen", "Erdoğan"),
    ),
    "iranian": (
        ("Mohammad-Reza", "Hosseini"),
        ("Fatemeh", "Rezaei"),
        ("Seyed Ali", "Mousavi"),
        ("Maryam", "Ahmadi-Nejad"),
        ("Hamid", "Karimi"),
        ("Zahra", "Sadeghi"),
        ("Amir Hossein", "Jafari"),
        ("Niloufar", "Tehrani"),
        ("Mehdi", "Ghorbani"),
        ("Shirin", "Farahani"),
    ),
    "indonesian": (
        ("Budi", "Santoso"),
        ("Sri", "Wahyuni"),
        ("Agus", "Setiawan"),
        ("Dewi", "Lestari"),
        ("Putu", "Wijaya"),
        ("Rizky", "Pratama"),
        ("Siti", "Nurhaliza"),
        ("Bambang", "Susilo"),
        ("Ni Made", "Ayu Sukmawati"),
        ("Suparman", ""),
        ("Sukarni", ""),
    ),
    "thai": (
        ("Somchai", "Jaidee"),
        ("Wanida", "Srisuk"),
        ("Nattapong", "Chaiyaporn"),
        ("Siriporn", "Thongchai"),
        ("Kittisak", "Wongsawat"),
        ("Pimchanok", "Rattanakosin"),
        ("Anucha", "Boonmee"),
        ("Supattra", "Kaewmanee"),
        ("Thanawat", "Phromphan"),
        ("Chalermchai", "Suwannarat"),
    ),
    "caucasian": (
        ("Giorgi", "Beridze"),
        ("Nino", "Kapanadze"),
        ("Levan", "Tsiklauri"),
        ("Aram", "Petrosyan"),
        ("Anahit", "Grigoryan"),
        ("Tigran", "Hakobyan"),
    ),
    "kenyan": (
        ("Wanjiru", "Kamau"),
        ("Otieno", "Odhiambo"),
        ("Achieng", "Owino"),
        ("Kiprotich", "Langat"),
        ("Njeri", "Mwangi"),
        ("Wafula", "Barasa"),
    ),
    "american": (
        ("Dale R.", "Hutchins"),
        ("Tammy L.", "Broussard"),
        ("Cody J.", "Blackwell"),
        ("Darnell K.", "Washington"),
        ("LaToya", "Jefferson-Banks"),
        ("Brandi", "McAllister"),
        ("Travis", "Fairbanks"),
        ("Kayleigh", "Pruitt"),
        ("DeShawn", "Whitfield"),
        ("Mary-Kate", "Lindqvist"),
        ("Bo", "Jackson"),
        ("Rusty", "Ford"),
    ),
}

# Romanised Japanese names written by Japanese staff in English text.
ROMAJI_FAMILY = _w(
    "Sato|Suzuki|Takahashi|Tanaka|Ito|Watanabe|Yamamoto|Nakamura|Kato|Sasaki|Yamada|Mori|Ikeda|Maeda|"
    "Fujii|Kondo|Ishii|Nishimura|Ota|Hayashi|Kikuchi|Noguchi|Sugiyama|Sakurai|Kitagawa|Shitara|Kito|"
    "Saegusa|Tsukumo|Soga|Shishido|Obinata|Hotta|Yoshioka|Ohashi|Oono|Tsuchiya|Hirano"
)
ROMAJI_GIVEN = _w(
    "Takeshi|Hiroshi|Naoki|Takuya|Tsubasa|Makoto|Manabu|Satoshi|Tsuyoshi|Yuko|Yumi|Tomoko|Naomi|"
    "Kaori|Saori|Ai|Aya|Miho|Masaki|Kazuya|Ryo|Haruto|Minato|Itsuki|Sakura|Hikari|Aoi|Chiharu|"
    "Tatsuya|Ichiro|Ryuji|Keiko|Nobuyuki|Shinji"
)

# -- Japanese names --------------------------------------------------------------------------------

JA_FAMILY_COMMON = _w(
    "佐藤|鈴木|高橋|田中|伊藤|渡辺|山本|中村|小林|加藤|吉田|山田|佐々木|松本|井上|木村|林|清水|森|池田|"
    "阿部|石川|前田|藤田|後藤|岡田|近藤|石井|坂本|遠藤|青木|藤井|西村|福田|太田|三浦|藤原|松田|中川|中野|"
    "原田|小野|竹内|金子|和田|中山|石田|上田|森田|原|柴田|酒井|工藤|横山|宮本|内田|安藤|谷口|大野|丸山|"
    "今井|武田|上野|杉山|増田|平野|千葉|久保|松井|小島|岩崎|野口|松尾|野村|木下|菊地|佐野|大西|杉本|新井"
)
JA_FAMILY_RARE = _w(
    "五月女|九十九|四十万|東風谷|設楽|鬼頭|雑賀|十河|宍戸|左右田|薬袋|八十島|百々|京極|砂金|廿日出|"
    "小比類巻|祖父江|毒島|乙部|三ツ矢|大豆生田|渕上|國吉|兀下|鰐渕|王子田|我孫子|一番ケ瀬|頴娃"
)
JA_GIVEN = _w(
    "大輔|直樹|拓也|健太|翼|誠|学|聡|剛|浩|裕子|由美|智子|直美|香織|沙織|愛|彩|美穂|麻衣|陽子|明美|達也|"
    "一郎|正樹|和也|亮|悠人|湊|樹|朝陽|芽依|紬|陽葵|咲良|信之|慎二|恵子|竜二|政宗"
)
JA_GIVEN_HIRAGANA = _w("さくら|ひかり|あおい|みのり|ちはる|かおる|ひなた|すみれ|こはる|ゆうき|のぞみ|まこと")
# Whole names in hiragana, as in a ふりがな field or a child's form.
JA_HIRAGANA_FULL = _w(
    "さとう たけし|たなか さくら|いのうえ ひかる|もりた あおい|きとう みのり|したら こはる|ごとう ゆうき|"
    "はやし ちはる|わたぬき かずや|つくも なおき|そが まこと|おびなた のぞみ"
)
JA_KATAKANA_FULL = _w(
    "サトウ タケシ|スズキ ヒロシ|タカハシ ユウコ|ワタナベ ジュン|イトウ マサキ|ヤマモト カオリ|"
    "ナカムラ リョウ|コバヤシ サオリ|カトウ タツヤ|ヨシダ マイ|シシド ケンタ|サイカ ナオミ"
)
# Legacy exports (mainframe payroll, old CSV) write names in half-width katakana.
JA_HALFWIDTH_FULL = _w(
    "ｻﾄｳ ﾀｹｼ|ｽｽﾞｷ ﾋﾛｼ|ﾀｶﾊｼ ﾕｳｺ|ﾜﾀﾅﾍﾞ ｼﾞｭﾝ|ｲﾄｳ ﾏｻｷ|ﾔﾏﾓﾄ ｶｵﾘ|ﾅｶﾑﾗ ﾘｮｳ|ｺﾊﾞﾔｼ ｻｵﾘ|ｶﾄｳ ﾀﾂﾔ|"
    "ﾖｼﾀﾞ ﾏｲ|ｻｻｷ ｹﾝﾀ|ﾏﾂﾓﾄ ﾅｵｷ|ｷﾄｳ ﾏｺﾄ|ｿｶﾞ ﾐﾎ"
)
# Foreign workers' names in katakana, parts split by "/" and joined by ・, ＝ or a space.
JA_KATAKANA_FOREIGN = _w(
    "クワメ/メンサー|テスファイエ/ベケレ|ソムチャイ/ジャイディー|マリア/クリスティーナ/デラクルス|"
    "ブディ/サントソ|メフメット/オズトゥルク|カタジナ/ヴィシニェフスカ|ジョアン/ペドロ/ドス/サントス|"
    "アミール/ホセイン/ジャファリ|ワンジル/カマウ|ギオルギ/ベリゼ|アコスア/ボアテング|スパットラー/ケーウマニー|"
    "ロウェナ/バウティスタ|シティ/ヌルハリザ"
)
JA_HONORIFICS = _w("さん|様|氏|殿|君|さま")
JA_ROLES = _w("課長|係長|主任|班長|職長|工場長|部長|組長|主査|技師|所長|副工場長|リーダー")

# -- addresses -------------------------------------------------------------------------------------

CA_PLACES = (  # (town, province, postal district, street forms)
    ("Mississauga", "ON", "L5T", _w("Courtney Park Dr E|Tomken Rd|Kennedy Rd")),
    ("Cambridge", "ON", "N1R", _w("Industrial Rd|Eagle St N|Bishop St")),
    ("Windsor", "ON", "N8W", _w("Tecumseh Rd E|Walker Rd|Central Ave")),
    ("Oshawa", "ON", "L1H", _w("Park Rd S|Simcoe St S|Bloor St E")),
    ("Brampton", "ON", "L6T", _w("Steeles Ave E|Tapscott Rd|Bramalea Rd")),
    ("Saskatoon", "SK", "S7K", _w("Millar Ave|Faithfull Ave|51st St E")),
    ("Edmonton", "AB", "T6E", _w("Argyll Rd NW|99 St NW|Whyte Ave NW")),
    ("Burnaby", "BC", "V5J", _w("Marine Way|Glenlyon Pkwy|Boundary Rd")),
    ("Moncton", "NB", "E1C", _w("Mapleton Rd|Edinburgh Dr|Main St")),
)
QC_PLACES = (  # Quebec writes "1250, rue de l'Usine, Bromont (Québec)  J2L 1A1"
    ("Bromont", "J2L", _w("rue de l'Usine|boul. de l'Aéroport|rue Champlain")),
    ("Laval", "H7L", _w("boul. Industriel|av. Francis-Hughes|rue Cunard")),
    ("Montréal", "H4T", _w("ch. de la Côte-de-Liesse|rue Saint-Patrick|boul. Pie-IX")),
    ("Granby", "J2J", _w("rue Principale|rue Robitaille|boul. Industriel")),
)
NZ_PLACES = (  # (suburb, city, postcode, streets)
    ("Frankton", "Hamilton", "3204", _w("Kahikatea Drive|Lake Road|Killarney Road")),
    ("East Tamaki", "Auckland", "2013", _w("Springs Road|Harris Road|Neales Road")),
    ("Hornby", "Christchurch", "8042", _w("Waterloo Road|Shands Road|Chapmans Road")),
    ("Longburn", "Palmerston North", "4412", _w("Walkers Road|Main Road")),
    ("Stoke", "Nelson", "7011", _w("Main Road Stoke|Beatty Street")),
    ("Mount Maunganui", "Tauranga", "3116", _w("Hewletts Road|Totara Street|Aerodrome Road")),
)
SG_STREETS = _w(
    "Woodlands Industrial Park E1|Tuas Avenue 8|Ang Mo Kio Ave 5|Jurong East Street 21|Ubi Crescent|"
    "Kaki Bukit Road 1|Toa Payoh Lorong 8|Loyang Way|Kallang Place|Bukit Batok Street 22"
)
SG_BUILDINGS = _w("TECHplace II|Northlink Building|Ubi Techpark|Kallang Basin Industrial Estate|Tuas Bay")
TH_PLACES = (  # (estate or road, sub-district, district, province, postcode)
    ("Bang Na-Trad Rd Km. 23", "Bang Sao Thong", "Bang Sao Thong", "Samut Prakan", "10570"),
    ("Amata City Chonburi Industrial Estate", "Don Hua Lo", "Mueang Chonburi", "Chonburi", "20000"),
    ("Hemaraj Eastern Seaboard Industrial Estate", "Tasit", "Pluak Daeng", "Rayong", "21140"),
    ("Rojana Industrial Park", "Khan Ham", "Uthai", "Phra Nakhon Si Ayutthaya", "13210"),
    ("Navanakorn Industrial Estate", "Khlong Nueng", "Khlong Luang", "Pathum Thani", "12120"),
)
PH_PLACES = (  # (zone, city, province, postcode)
    ("Cavite Economic Zone", "Rosario", "Cavite", "4106"),
    ("Laguna Technopark", "Biñan", "Laguna", "4024"),
    ("First Philippine Industrial Park", "Santo Tomas", "Batangas", "4234"),
    ("Mactan Economic Zone", "Lapu-Lapu City", "Cebu", "6015"),
    ("Clark Freeport Zone", "Mabalacat", "Pampanga", "2023"),
)
PL_PLACES = (  # (street, postcode, town)
    ("ul. Fabryczna", "43-300", "Bielsko-Biała"),
    ("ul. Przemysłowa", "44-100", "Gliwice"),
    ("al. Jerozolimskie", "02-222", "Warszawa"),
    ("ul. Logistyczna", "55-040", "Bielany Wrocławskie"),
    ("ul. Tysiąclecia", "39-300", "Mielec"),
    ("ul. Kwiatkowskiego", "27-400", "Ostrowiec Świętokrzyski"),
)
TR_PLACES = (  # (zone, street, postcode, district/province)
    ("Nilüfer OSB", "Kırmızı Cad.", "16140", "Nilüfer/Bursa"),
    ("Gebze OSB 2", "1600. Sok.", "41480", "Gebze/Kocaeli"),
    ("Manisa OSB 3. Kısım", "Keçiliköy Cad.", "45030", "Yunusemre/Manisa"),
    ("Ostim OSB", "1203. Cad.", "06374", "Yenimahalle/Ankara"),
    ("Kemalpaşa OSB", "Ankara Asfaltı", "35730", "Kemalpaşa/İzmir"),
)
BR_PLACES = (  # (street, district, city - state, CEP head)
    ("Av. Paulista", "Bela Vista", "São Paulo - SP", "01310"),
    ("Rodovia Anhanguera, km 104", "Jardim Nova Veneza", "Sumaré - SP", "13181"),
    ("Rua Guaicurus", "Água Branca", "São Paulo - SP", "05033"),
    ("Av. Brasil", "Distrito Industrial", "Betim - MG", "32530"),
    ("Rua Dr. Ricardo Benetton Martins", "Polo II", "Campinas - SP", "13086"),
)
# Japanese places: (prefecture, municipality, towns); several municipalities are written in hiragana.
JA_PLACES = (
    ("茨城県", "ひたちなか市", _w("新光町|足崎|高場")),
    ("茨城県", "つくば市", _w("東光台|御幸が丘|和台")),
    ("埼玉県", "さいたま市北区", _w("吉野町|日進町|宮原町")),
    ("福島県", "いわき市", _w("好間工業団地|常磐上湯長谷町|泉町")),
    ("愛知県", "みよし市", _w("打越町|福谷町|莇生町")),
    ("愛知県", "豊川市", _w("穂ノ原|御津町御幸浜|白鳥町")),
    ("滋賀県", "栗東市", _w("野尻|下鈎|小野")),
    ("福岡県", "京都郡苅田町", _w("新浜町|鳥越町|松原町")),
    ("熊本県", "菊池郡菊陽町", _w("津久礼|原水|辛川")),
    ("北海道", "苫小牧市", _w("晴海町|勇払|柏原")),
    ("岐阜県", "各務原市", _w("川崎町|テクノプラザ|蘇原月丘町")),
    ("長野県", "諏訪市", _w("湖南|中洲|四賀")),
    ("神奈川県", "綾瀬市", _w("小園|深谷中|吉岡")),
    ("大分県", "中津市", _w("大新田|田尻|万田")),
    ("石川県", "白山市", _w("湊町|宮永市町|旭丘")),
)
JA_BUILDINGS = _w(
    "パークハイツ若竹|レオパレス東光台|第三丸和ビル|ｻﾝﾊｲﾂ新光|ﾗｲｵﾝｽﾞﾏﾝｼｮﾝ|コーポさくら|グリーンヒル菊陽|"
    "独身寮B棟|社宅3号棟|メゾン・ド・ソレイユ"
)
# Romanised Japanese towns for English addresses: (town, city, prefecture, postcode head)
JR_PLACES = (
    ("Shinko-cho", "Hitachinaka-shi", "Ibaraki-ken", "312"),
    ("Toukoudai", "Tsukuba-shi", "Ibaraki", "300"),
    ("Fukaya-cho", "Miyoshi-shi", "Aichi-ken", "470"),
    ("Honohara", "Toyokawa-shi", "Aichi", "442"),
    ("Haramizu", "Kikuyo-machi, Kikuchi-gun", "Kumamoto", "869"),
    ("Harumi-cho", "Tomakomai-shi", "Hokkaido", "053"),
    ("Kosono", "Ayase-shi", "Kanagawa-ken", "252"),
)

# -- e-mail and phones -----------------------------------------------------------------------------

EMAIL_DOMAINS = _w(
    "kumasi-steel.com.gh|addis-textile.et|cavite-ems.com.ph|bursa-dokum.com.tr|gliwice-odlewnia.pl|"
    "sumare-pecas.com.br|rayong-mould.co.th|tauranga-eng.co.nz|tuas-precision.com.sg|windsor-tool.ca|"
    "hitachinaka-seiki.co.jp|kikuyo-denshi.jp|mail.miyoshi-press.co.jp|yahoo.com.br|wp.pl|gmx.de|"
    "ymail.com|au.com|softbank.ne.jp|i.softbank.jp|xtra.co.nz|singnet.com.sg|shaw.ca"
)
# (region, country code, national masks); N is 2-9, # any digit. Validated with phonenumbers.
INTL_MASKS = (
    ("CA", "1", _w("416 N## ####|514 N## ####|780 N## ####|905 N## ####")),
    ("NZ", "64", _w("9 N## ####|7 8N# ####|21 ### ####|27 ### ####")),
    ("SG", "65", _w("6### ####|9### ####|8### ####")),
    ("TH", "66", _w("2 ### ####|81 ### ####|38 ### ###")),
    ("PH", "63", _w("917 ### ####|2 8### ####|46 ### ####")),
    ("TR", "90", _w("532 ### ## ##|224 ### ## ##|212 ### ## ##")),
    ("PL", "48", _w("601 ### ###|12 ### ## ##|32 ### ## ##")),
    ("BR", "55", _w("11 9####-####|19 3###-####|31 9####-####")),
    ("GH", "233", _w("24 ### ####|30 ### ####")),
    ("ET", "251", _w("91 ### ####|11 ### ####")),
    ("IR", "98", _w("912 ### ####|21 #### ####")),
    ("ID", "62", _w("812-####-####|21 ####-####")),
)
JP_AREAS = ("3", "6", "29", "561", "533", "574", "96", "144", "58", "266")

# -- hard negatives --------------------------------------------------------------------------------

NEG_MACHINES = _w(
    "VMC-4|EDM-02|TEST RIG 5|BOILER B-1|COMP-3|Kiln K2|Reflow Oven RF-3|SMT Line 2|Chiller CH-04|"
    "Robot Cell RC-7|Press P-12|Shot Blaster SB-1|AGV-21|Oven O-3"
)
NEG_MACHINES_JA = _w(
    "2号炉|成形機12号|第3コンプレッサ|乾燥炉D-2|リフロー炉3号|門型クレーン2号|ショットブラスト機|"
    "5号プレス|塗装ロボ2号機|研削盤G-3"
)
NEG_PARTS = _w(
    "6205ZZ|O-ring P-22|SKF 6308-2Z|M12x1.75 bolt|V-belt A-42|gasket G-115|fuse 10A T|filter FE-300|"
    "nozzle NZ-0.8|seal kit SK-40"
)
NEG_PARTS_JA = _w(
    "Oリング P-22|ベアリング6205ZZ|Vベルト A-42|ヒューズ10A|フィルタFE-300|パッキンG-115|ノズルNZ-0.8"
)
NEG_UNITS = _w(
    "4.2 kW|0.8 MPa|35 L/min|72 dB|1800 min-1|±0.01 mm|650 N|15 kgf·cm|120 psi|3.5 Nm|0.45 mm/rev|480 VAC"
)
NEG_UNITS_JA = _w("4.2kW|0.6MPa|±0.02mm|25L|1,200回転|72dB|35L/分|650N|3.5N・m|200℃")
NEG_PLACES = _w("Bay 7|Line C|Press Hall|Warehouse 2|Boiler House|QC Lab|Dock 9|Cell 4|Mold Shop|Gate 5")
NEG_PLACES_JA = _w("第3工場|C棟1階|成形エリア|出荷場|品証室|第2倉庫|東門|ボイラー室|金型置場|検査室")
NEG_MODELS = _w(
    "Haas VF-2|Mazak QTN-200|DMG MORI NLX2500|Trumpf TruBend 5130|Amada HG-1303|Brother SPEEDIO S700X1|"
    "Makino V33i|Kaeser ASD 40|Atlas Copco GA 37|Yamaha YSM20R|Juki RS-1R|Hobart Handler 210"
)
NEG_MAKERS = _w(
    "Bosch Rexroth|Sandvik Coromant|Kennametal|Mazak|Trumpf|Kaeser|Atlas Copco|Ingersoll Rand|Timken|"
    "Gardner Denver|Snap-on|Stanley|Johnson Controls|Carrier|Hobart|Morris|Wright|Kubota|Murata|Shimadzu"
)
NEG_MAKERS_JA = _w(
    "村田製作所|島津製作所|堀場製作所|荏原製作所|牧野フライス|DMG森精機|イシダ|クボタ|ヤマハ発動機|ブラザー工業|"
    "アマダ|岡本工作機械|黒田精工|中村留精密|滝澤鉄工所|高松機械|武蔵精密|松浦機械|津田駒工業|豊和工業"
)
# Plant names, rooms and machines named after places or people: they look like persons and are not.
NEG_NAMELIKE = _w(
    "Big Bertha press|Edison Room|Newton Hall|Marshall Building|Wilson Gate|Kelvin Lab|Franklin Line|"
    "Jefferson Dock|Morris crane|Wright hoist|Hobart welder|Stanley toolbox|Carrier chiller|Ford Transit van"
)
NEG_NAMELIKE_JA = _w(
    "田原工場|堤工場|高岡工場|上郷工場|元町工場|衣浦工場|吉原工場|大森工場|島田工場|前橋工場|浜松工場|"
    "村田製作所|島津製作所|荏原製作所|さくら号|ひかり号"
)
NEG_PRODUCTS = ("PRD-{d5}", "SKU {d3}-{d4}", "KH-{d4}-B", "FG{d6}", "品番 {d2}-{d4}", "ART.{d5}")
NEG_LOTS = ("L{y}-{d4}", "B-{d4}-{d2}", "LOT#{y}K{d3}", "{y}W{d2}-{d3}", "ロット{d2}-{d3}")
NEG_TICKETS = ("WR-{d5}", "PM{d6}", "ALM {d4}", "NC/{y}/{d3}", "CAPA-{d4}", "JOB {d5}")
