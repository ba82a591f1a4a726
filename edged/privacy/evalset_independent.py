"""A second, independent labeled set of factory-floor text in Japanese and English.

The detectors were tuned on :mod:`edged.privacy.evalset`; this set was written separately (other
templates, other phrasings, other name lists and value builders) so that its figures say how the
detectors generalise. See :data:`SOURCES` for where every value comes from.

Label conventions (the same :class:`Sample` / :class:`Label` as the first set):

- ``text[label.start:label.end] == label.value`` for every label and hard negative;
- PERSON covers the name only: titles (Dr., Eng., Mr.), degrees (PhD, P.E.), Japanese honorifics
  (さん, 様, 課長 ...) and the possessive 's stay outside; generational suffixes (Jr., Sr., III)
  are part of the name and inside;
- ADDRESS covers the whole address, postcode included when it is written as part of it; a postcode
  written on its own is a POSTAL_CODE (with its 〒 when there is one);
- PHONE includes an extension written after the number (x123, ext. 12, extension 4) and the
  international prefix (+81, 00 44, 001-1);
- ``form`` is a space-separated list of tags, most specific first: the first tag says which
  builder made the value (``us_address``, ``nanp_ext``, ``name_vi``, ``ja_rare_surname`` ...), the
  others how the sentence holds it (``initial``, ``possessive``, ``hon_sama``, ``card_no_context``,
  ``fullwidth`` ...);
- negatives (type NEGATIVE) are plant identifiers that must stay: machine names, part, lot and
  order numbers, measurements, dates and times, alarm codes, plant places, brand names and plant
  words that start a sentence. Order numbers are checked: not Luhn-valid, not a valid Japanese or
  US phone number and not a valid My Number.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from edged.privacy.checks import luhn, my_number, my_number_check_digit
from edged.privacy.evalset import NEGATIVE, Label, Sample

SOURCES: dict[str, str] = {
    "faker": "Faker person names of en_US, en_GB, en_IN, en_AU, en_NZ, en_IE, en_CA, en_NG, yo_NG, ig_NG, "
    "ha_NG, tw_GH, en_PK, en_KE, ga_IE, fil_PH, es_ES, es_MX, it_IT, pt_BR, fr_FR, de_DE, pl_PL, tr_TR, "
    "vi_VN (family and middle names), zh_CN and zh_TW (romanized_name), ja_JP (kanji, katakana "
    "first/last_kana_name, romaji first/last_romanized_name); addresses of en_US, en_GB, en_AU, "
    "en_CA, en_NZ, en_IE, en_IN (street_address, city, postcode) and ja_JP (address, town, "
    "building_name)",
    "names-dataset": "names-dataset 3.3.1 (philipperemy, Apache-2.0): the top-ranked given and family "
    "names of NG, GH, IE, IN, EG, SA, CN, KR, PH, MX, IT, ES, BR, PL, TR, curated by hand (junk and "
    "non-Latin entries dropped, O'/Mc restored) and embedded here. Not loaded at run time: loading "
    "its pickles takes ~13 s and ~2 GB, over this generator's budget; it has no VN entries",
    "hand-written": "lists written for this set: 80 rare Japanese surnames, old-form kanji surnames "
    "and given names (髙, 齋, 邊, 澤, 﨑, 濱, 國 ...), katakana full names of foreign workers, "
    "Vietnamese family/middle/given names, Arabic and Korean romanised names, Japanese places in "
    "kanji and romaji, UK/US/AU streets, towns and outward codes, companies, plant machines, "
    "parts, alarms, places and brands",
    "phonenumbers": "phonenumbers 9.0.43 validates every generated phone number for its region "
    "(US/CA, GB, IN, VN, NG, PH, MX, IE, AU, JP) and rejects order numbers that would be valid "
    "JP or US numbers",
    "checks": "edged.privacy.checks: Luhn for card numbers (and to reject order numbers), the "
    "My Number check digit",
}


def _words(text: str, sep: str | None = None) -> tuple[str, ...]:
    return tuple(text.split(sep))


# -- hand-written lists --------------------------------------------------------------------------

JA_RARE_SURNAMES = _words(
    "勅使河原 小鳥遊 東海林 四十物 五百旗頭 一口 月見里 八月一日 四月一日 九十九 百目鬼 薬袋 御手洗 "
    "勘解由小路 長宗我部 西園寺 綿貫 鬼頭 毒島 猪狩 雲母 栗花落 我妻 一青 廿楽 十六沢 小比類巻 五月女 "
    "百々 鴨脚 神宮寺 日下部 土師 物部 忽那 纐纈 躑躅森 鰐淵 舎人 轟 鷹栖 瓜生 鏑木 禰津 漆原 木全 "
    "壬生 生天目 五十公野 行方 帯刀 刀禰 勅使川原 宍戸 鉄穴 一尺八寸 冷水 鶏冠井 上遠野 乙部 風祭 "
    "雲類鷲 東明 鬼塚 阿比留 比嘉 仲宗根 饒波 喜屋武 東風平 具志堅 保科 蓬莱 御園生 西表 左右田 "
    "南雲 天王寺谷 四方田 菖蒲"
)
JA_OLD_SURNAMES = _words(
    "髙橋 髙木 髙田 齋藤 齊藤 渡邊 渡邉 邊見 澤田 小澤 長﨑 山﨑 宮﨑 濱田 長濱 國分 國井 廣瀬 廣田 "
    "櫻井 瀧本 嶋田 冨田 桒原 德永 德田 峯岸 眞鍋 藏本 淺野 黑田 圓山 萬田 關 增田 龍崎 邉"
)
JA_OLD_GIVEN = _words("惠子 眞理子 榮一 實 龍之介 瀧子 國男 德次郎 髙志 廣 惠美 眞一 晉 彌生 壽")
JA_FOREIGN_KATAKANA = _words(
    "グエン ヴァン アン|グエン ティ フォン|チャン ヴァン ナム|レ ティ ホア|ファム ミン トゥアン|"
    "ホアン ヴァン ドゥック|ブイ ティ トゥ|ヴー クォック フイ|ドー タン ロン|マリア サントス|"
    "アナ ガルシア|ホセ ルイス フェルナンデス|ラジェシュ クマール|プリヤ シャルマ|ムハンマド アリ|"
    "アフマド ハサン|チディ オコンクォ|エメカ エゼ|ジョセフ オニール|パトリック マーフィー|"
    "キム ミンジュ|パク ソヨン|ワン ウェイ|チェン リン|リー ジアハオ|ロドリゴ シルバ|"
    "フェルナンダ オリヴェイラ|アンドレア ロッシ|マルコ ビアンキ|ジャン ピエール デュボワ|"
    "ミハウ コヴァルスキ|メフメト ユルマズ|ジョン デラ クルス|アイコ サントス|スレシュ パテル|"
    "トゥン ナイン ウー|ソムチャイ ウォンサワット|アグス プラタマ|ディアナ ロペス",
    "|",
)
VN_FAMILY = _words("Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Trịnh Đinh Mai")
VN_MIDDLE = _words("Văn Thị Minh Hữu Đức Thanh Ngọc Quốc Hoàng Xuân Thu Anh Công Bảo")
VN_GIVEN = _words(
    "An Bình Cường Dũng Hải Hà Hoa Hùng Hương Khánh Lan Linh Long Mai Nam Phong Phương Quân Sơn Tâm "
    "Thảo Thắng Trang Trung Tuấn Tú Việt Yến Duy Hiếu Nhung Vy Khoa Lộc Tài Hạnh Quỳnh Giang"
)
KR_GIVEN_HYPHEN = _words(
    "Min-jun Seo-yeon Ji-ho Ha-eun Do-hyun Su-bin Jae-won Ye-jin Hyun-woo Eun-ji Sung-min"
)
AR_FULL = _words(
    "Abdulrahman Al-Harbi|Mohammed bin Salem Al-Qahtani|Khalid Al Otaibi|Fatimah Al-Zahrani|"
    "Omar Abdel-Rahman|Youssef El-Sayed|Nour El Din Mansour|Hassan Abu Zaid|Layla Haddad|"
    "Tariq Al-Masri|Ahmed Abdelaziz|Rania Khoury|Samir Bou Saleh|Mariam Al Shamsi",
    "|",
)

# names-dataset 3.3.1, top-ranked per country, curated (see SOURCES). "_" joins two-word names.
ND_NAMES: dict[str, tuple[str, str]] = {
    "NG": (
        "Ibrahim Emmanuel Abubakar Blessing Samuel Abdullahi Sunday Umar Yusuf Musa Esther Usman Joy "
        "Aliyu Precious Mustapha Mercy Sani Taiwo Adamu Fatima Aisha Favour Kingsley Emeka Chioma Godwin "
        "Ifeanyi Adebayo Uche Ngozi Abiodun Zainab Chukwuemeka Nkechi",
        "Abubakar Abdullahi Musa Umar Usman Yusuf Bello Adamu Aliyu Lawal Sani Eze Okafor Adebayo Taiwo "
        "Idris Abiodun Haruna Yakubu Garba Isah Okeke Ojo Ajayi Yahaya Suleiman Adeyemi Obi Chukwu "
        "Babatunde Okonkwo Nwosu Olawale",
    ),
    "GH": (
        "Nana Kofi Kwame Abigail Gifty Ebenezer Yaw Maame Kwaku Ama Kwabena Comfort Abena Mavis "
        "Patience Bright Priscilla Vida Kojo Akosua Akua Faustina Adwoa Yaa Bismark",
        "Mensah Owusu Boateng Yeboah Appiah Osei Tetteh Asare Adjei Asante Opoku Amoah Frimpong Ofori "
        "Addo Antwi Boakye Nyarko Asamoah Obeng Amponsah Acquah Ansah Oppong Donkor Acheampong Sarpong "
        "Agyemang Darko Aidoo Gyamfi",
    ),
    "IE": (
        "Sean Conor Shane Patrick Niamh Ciara Aoife Liam Fiona Sinead Niall Deirdre Brendan Eoin "
        "Aisling Paddy Declan Siobhan Geraldine Orla Cian Oisin Grainne",
        "Murphy Kelly Byrne Ryan Walsh Doyle O'Brien Lynch O'Connor Dunne Murray McCarthy Brennan Daly "
        "O'Sullivan Kennedy Farrell O'Neill Kavanagh Quinn Gallagher Flynn Fitzgerald Whelan Doherty "
        "Duffy O'Reilly Fitzpatrick Maher McGrath Sweeney Maguire Cullen Delaney McLoughlin MacNamara",
    ),
    "IN": (
        "Rahul Ajay Sanjay Sunil Rajesh Deepak Ravi Amit Vijay Anil Manoj Rakesh Rohit Santosh Mukesh "
        "Ramesh Dinesh Suresh Pankaj Manish Mahesh Sandeep Sachin Vinod Ganesh Prakash Pooja Abhishek "
        "Ankit Shubham Priya Pradeep Kiran Arjun Priyanka Jitendra Neha",
        "Kumar Singh Khan Sharma Yadav Patel Das Gupta Ansari Thakur Roy Rajput Shaikh Patil Verma "
        "Chauhan Mishra Sahu Choudhary Rana Parmar Mondal Pandey Saini Jain Prajapati Rathod Tiwari "
        "Nayak Sarkar Malik Meena Solanki Jadhav Ghosh Jha Pawar Kashyap Biswas Rawat Behera",
    ),
    "EG": (
        "Ahmed Mohamed Mahmoud Mostafa Amr Omar Aya Eslam Sara Eman Asmaa Khaled Alaa Mona Nada Esraa "
        "Fatma Heba Nour Hossam Amira Ayman Salma Marwa Youssef Osama Mariam Ashraf Hany Dina Tarek Sherif",
        "Mohamed Mahmoud Hassan Mostafa Adel Gamal Salah Khaled Ashraf Magdy Ibrahim Saad Sayed Samir "
        "Hamdy Elsayed Tarek Fathy Kamal Emad Ramadan Atef Essam Reda Nabil Hany Ragab Salem Taha Fawzy "
        "Soliman Saber Hussein Sabry",
    ),
    "SA": (
        "Muhammad Abdullah Khalid Faisal Fahad Sultan Salman Saeed Saad Nasir Syed Saleh Jamal Bilal "
        "Tariq Sami Rashid Abdulaziz Turki Nawaf Reem Noura Hind",
        "Al-Harbi Alharbi Al-Ghamdi Al-Dosari Al-Shehri Al-Mutairi Hussain Rahman Iqbal Abbas Aziz "
        "Al-Otaibi Al-Zahrani Al-Qahtani Al-Anazi Bakr Al-Saud",
    ),
    "CN": (
        "Wei Jing Jun Ying Jie Lei Xin Yuan Peng Liang Hui Ming Hao Bin Min Ling Jian Xiaoming Zhiwei "
        "Yuting Haoran",
        "Wang Zhang Chen Liu Huang Yang Lin Zhou Zhao Zhu Sun Zheng Jiang Guo Tang Luo Liang Gao Xie Shen "
        "Cheng Feng Zeng Cai Deng Pan Peng Song Xiao Yuan Han Zhong Cao Yao Fan Dong Ding Qiu Liao",
    ),
    "KR": (
        "Jiyoung Youngjin Sanghoon Hyejin Sangjin Jinho Junho Minho Soyoung Eunyoung Hyunsoo Jaeho "
        "Jiwon Jihyun Sungho Jaehyun Hyunwoo Sangmin Jinsoo Sungmin Dongjin Eunkyung Jihoon Minsu",
        "Kim Park Choi Cho Kang Jung Shin Jang Jeong Kwon Seo Hwang Yoon Jeon Yoo Ahn Ryu Baek Kwak Heo "
        "Shim Byun Chae Sohn Rhee Cheon Namgung",
    ),
    "PH": (
        "Jayson Maricel Carlo Rowena Arlene Jerome Arnel Kristine Marites Marilou Janice Hazel Rommel "
        "Jessa Aileen Marivic Analyn Rodel Rhea Teresita Myrna Elmer Marissa Reynaldo Imelda",
        "Reyes Dela_Cruz Bautista Villanueva De_Guzman Aquino Santiago De_Leon Tolentino Mercado Soriano "
        "Domingo Dizon Valdez Manalo Del_Rosario Pascual Ocampo Alcantara Pineda Sarmiento Evangelista "
        "Delos_Santos Legaspi Fajardo Sison Guevarra Atienza Trinidad Gonzaga",
    ),
    "MX": (
        "Jose Juan Luis Jesus Jorge Alejandro Guadalupe Lupita Alejandra Gerardo Arturo Armando Martha "
        "Claudia Alfredo Edgar Raul Adriana Hector Ivan",
        "Hernandez Martinez Gonzalez Ramirez Flores Morales Gomez Mendoza Vazquez Castillo Aguilar "
        "Gutierrez Rivera Medina Herrera Mendez Chavez Contreras Juarez Salazar Vargas Rojas Estrada "
        "Dominguez Guzman Alvarado Espinoza Carrillo Velazquez",
    ),
    "IT": (
        "Giuseppe Francesco Marco Alessandro Luca Giovanni Francesca Stefano Salvatore Davide Matteo "
        "Vincenzo Luigi Massimo Simone Antonella Giulia Chiara Nicola Valentina Lorenzo Maurizio "
        "Domenico Federica Patrizia Riccardo",
        "Rossi Russo Esposito Romano Ferrari Marino Bianchi Greco Giordano De_Luca Gallo Rizzo Ricci "
        "Caruso Ferrara Santoro Leone Colombo Mancini Vitale Coppola D'Angelo Conti Lombardi Amato "
        "Longo Messina Gentile Parisi Palumbo De_Rosa Rinaldi Fontana Sorrentino Moretti Barone",
    ),
    "ES": (
        "Jose_Antonio Maria Carmen Manuel Javier Francisco Isabel Cristina Pilar Alberto Raquel "
        "Jose_Luis Rocio Yolanda Jordi Maria_Jose Paco Montserrat",
        "García Rodríguez López Martínez González Fernández Sánchez Pérez Gómez Martín Ruiz Moreno "
        "Jiménez Hernández Díaz Muñoz Romero Álvarez Torres Alonso Navarro Ramos Gutiérrez Serrano "
        "Molina Blanco Domínguez Ortega Delgado Rubio Suárez Marín Sanz Garrido",
    ),
    "BR": (
        "João Marcos Paulo Rafael Bruno Marcelo Felipe Rodrigo Matheus Luiz Anderson Fernanda Juliana "
        "Bruna Leandro Guilherme Thiago Aline Camila Luana Adriano Luciana Larissa",
        "Silva Santos Oliveira Lima Souza Alves Rodrigues Sousa Ferreira Pereira Gomes Costa Martins "
        "Soares Ribeiro Fernandes Nascimento Carvalho Almeida Vieira Araújo Barbosa Rocha Andrade Nunes "
        "Freitas Gonçalves Mendes Cardoso Dos_Santos Batista Machado Bezerra Pinheiro",
    ),
    "PL": (
        "Agnieszka Piotr Marcin Krzysztof Katarzyna Tomasz Magdalena Mateusz Andrzej Grzegorz Mariusz "
        "Dorota Justyna Paulina Sylwia Maciej Dariusz Patrycja Wojciech",
        "Nowak Kowalski Kowalska Kowalczyk Wójcik Mazur Kaczmarek Krawczyk Wieczorek Król Lewandowska "
        "Sikora Adamczyk Wróbel Pawlak Walczak Szewczyk Marciniak Pietrzak Wojciechowski Kwiatkowski "
        "Piotrowska Grabowski Szymczak",
    ),
    "TR": (
        "Mehmet Mustafa Ahmet Murat Hüseyin Ramazan Emre Hakan Fatih Emine Hatice Zeynep Halil Serkan "
        "Burak Recep Gökhan Furkan Merve Süleyman Ercan Emrah",
        "Kaya Demir Arslan Yilmaz Korkmaz Polat Koç Bulut Yavuz Acar Keskin Bozkurt Turan Güler Kaplan "
        "Aksoy Aydin Yildiz Karaca Demirci Ceylan Köse Erdem Dogan Kahraman Yildirim Yüksel Sönmez Sahin",
    ),
}

# Japan: (prefecture, city, ward, town) in kanji and romaji.
JP_PLACES = (
    ("東京都", "Tokyo", "", "", "港区", "Minato-ku", "北青山", "Kita-Aoyama", "107-0061"),
    ("東京都", "Tokyo", "", "", "新宿区", "Shinjuku-ku", "西新宿", "Nishi-Shinjuku", "160-0023"),
    ("東京都", "Tokyo", "", "", "大田区", "Ota-ku", "東糀谷", "Higashi-Kojiya", "144-0033"),
    ("東京都", "Tokyo", "", "", "品川区", "Shinagawa-ku", "東五反田", "Higashi-Gotanda", "141-0022"),
    ("東京都", "Tokyo", "八王子市", "Hachioji-shi", "", "", "明神町", "Myojin-cho", "192-0046"),
    ("大阪府", "Osaka", "大阪市", "Osaka-shi", "北区", "Kita-ku", "梅田", "Umeda", "530-0001"),
    (
        "大阪府",
        "Osaka",
        "大阪市",
        "Osaka-shi",
        "淀川区",
        "Yodogawa-ku",
        "西中島",
        "Nishinakajima",
        "532-0011",
    ),
    (
        "大阪府",
        "Osaka",
        "東大阪市",
        "Higashiosaka-shi",
        "",
        "",
        "高井田元町",
        "Takaida-Motomachi",
        "577-0054",
    ),
    ("愛知県", "Aichi", "名古屋市", "Nagoya-shi", "中村区", "Nakamura-ku", "名駅", "Meieki", "450-0002"),
    ("愛知県", "Aichi", "刈谷市", "Kariya-shi", "", "", "昭和町", "Showa-cho", "448-8650"),
    ("愛知県", "Aichi", "豊田市", "Toyota-shi", "", "", "元町", "Motomachi", "471-8573"),
    (
        "神奈川県",
        "Kanagawa",
        "川崎市",
        "Kawasaki-shi",
        "中原区",
        "Nakahara-ku",
        "小杉町",
        "Kosugi-machi",
        "211-0063",
    ),
    (
        "神奈川県",
        "Kanagawa",
        "横浜市",
        "Yokohama-shi",
        "鶴見区",
        "Tsurumi-ku",
        "末広町",
        "Suehiro-cho",
        "230-0045",
    ),
    (
        "静岡県",
        "Shizuoka",
        "浜松市",
        "Hamamatsu-shi",
        "中央区",
        "Chuo-ku",
        "高塚町",
        "Takatsuka-cho",
        "432-8063",
    ),
    (
        "福岡県",
        "Fukuoka",
        "福岡市",
        "Fukuoka-shi",
        "博多区",
        "Hakata-ku",
        "博多駅前",
        "Hakata-Ekimae",
        "812-0011",
    ),
    (
        "北海道",
        "Hokkaido",
        "札幌市",
        "Sapporo-shi",
        "東区",
        "Higashi-ku",
        "北六条東",
        "Kita-Rokujo-Higashi",
        "060-0906",
    ),
    ("宮城県", "Miyagi", "仙台市", "Sendai-shi", "宮城野区", "Miyagino-ku", "扇町", "Ogimachi", "983-0034"),
    (
        "広島県",
        "Hiroshima",
        "広島市",
        "Hiroshima-shi",
        "南区",
        "Minami-ku",
        "宇品東",
        "Ujina-Higashi",
        "734-0022",
    ),
    ("群馬県", "Gunma", "太田市", "Ota-shi", "", "", "西矢島町", "Nishiyajima-cho", "373-0816"),
    ("埼玉県", "Saitama", "川口市", "Kawaguchi-shi", "", "", "領家", "Ryoke", "332-0004"),
    ("三重県", "Mie", "四日市市", "Yokkaichi-shi", "", "", "霞", "Kasumi", "510-0011"),
    (
        "岡山県",
        "Okayama",
        "倉敷市",
        "Kurashiki-shi",
        "",
        "",
        "水島川崎通",
        "Mizushima-Kawasakidori",
        "712-8074",
    ),
    ("茨城県", "Ibaraki", "日立市", "Hitachi-shi", "", "", "幸町", "Saiwai-cho", "317-0073"),
    ("長野県", "Nagano", "諏訪市", "Suwa-shi", "", "", "湖岸通り", "Kogandori", "392-0027"),
    ("新潟県", "Niigata", "燕市", "Tsubame-shi", "", "", "小池", "Koike", "959-1276"),
    ("兵庫県", "Hyogo", "尼崎市", "Amagasaki-shi", "", "", "扶桑町", "Fuso-cho", "660-0891"),
)
JP_BUILDINGS = ("サンライズビル", "第二山田ビル", "グランメゾン", "コーポ桜", "テクノプラザ", "ハイツ若葉")
JP_BUILDINGS_EN = ("Sunrise Bldg.", "Yamada Bldg. No. 2", "Grand Maison", "Techno Plaza", "Corpo Sakura")

US_STREETS = _words(
    "Maple Heights Maple Oak Ridge Kingsley Old Mill Industrial Commerce Foundry Riverbend Cedar Creek "
    "Willow Ash Hollow Lakeview Quarry Granite Sycamore Harbor Point Elm Birchwood Dogwood Magnolia "
    "Cottonwood Chestnut Pioneer Liberty Meadowlark Ironworks Tanner Cooper Kettering Haverford"
)
US_STREET_WORDS = _words(
    "Ave Avenue Blvd Boulevard Ln Lane Dr Drive Ct Court Way Heights Pkwy Parkway Ter Terrace Pl "
    "Place St Street Rd Road Cir Circle Trail Pike"
)
US_UNITS = ("Apt. 5B", "Apt 12", "Suite 210", "Ste 4", "Ste. 300", "Unit 12", "# 7", "#14C", "Bldg 3", "Fl 2")
US_CITIES = (
    ("Springfield", "IL", "627"),
    ("Dayton", "OH", "454"),
    ("Greenville", "SC", "296"),
    ("Fort Wayne", "IN", "468"),
    ("Wichita", "KS", "672"),
    ("Chattanooga", "TN", "374"),
    ("Saginaw", "MI", "486"),
    ("Erie", "PA", "165"),
    ("Toledo", "OH", "436"),
    ("Huntsville", "AL", "358"),
    ("Spartanburg", "SC", "293"),
    ("Georgetown", "KY", "403"),
    ("Smyrna", "TN", "371"),
    ("Marysville", "OH", "430"),
    ("Lafayette", "IN", "479"),
    ("San Antonio", "TX", "782"),
    ("Fremont", "CA", "945"),
    ("Reno", "NV", "895"),
)
UK_STREETS = _words(
    "Kingsley Road|Harcourt Terrace|Mill Lane|Station Road|Canal Street|Foundry Walk|Victoria Crescent|"
    "Albion Street|Chapel Row|Park View|Wharf Road|Forge Close|Tanners Way|Hollins Lane|Queens Drive",
    "|",
)
UK_TOWNS = (
    ("Leeds", "LS6"),
    ("Manchester", "M4"),
    ("Birmingham", "B15"),
    ("Sheffield", "S9"),
    ("Derby", "DE24"),
    ("Sunderland", "SR5"),
    ("Swindon", "SN3"),
    ("Glasgow", "G51"),
    ("Cardiff", "CF10"),
    ("Coventry", "CV6"),
    ("Nottingham", "NG7"),
    ("Newcastle upon Tyne", "NE6"),
    ("Belfast", "BT3"),
    ("London", "E14"),
    ("London", "EC1A"),
    ("Telford", "TF3"),
)
AU_STREETS = _words("Banksia|Wattle|Collins|Kurrajong|Boundary|Princes|Mort|Jacaranda|Ironbark|Lysaght", "|")
AU_TOWNS = (
    ("Parramatta", "NSW", "2150"),
    ("Melbourne", "VIC", "3000"),
    ("Geelong", "VIC", "3220"),
    ("Dandenong South", "VIC", "3175"),
    ("Wetherill Park", "NSW", "2164"),
    ("Eagle Farm", "QLD", "4009"),
    ("Welshpool", "WA", "6106"),
    ("Elizabeth", "SA", "5112"),
)
COMPANIES_EN = (
    "Northfield Hydraulics",
    "Kessler Tooling",
    "Bayline Logistics",
    "Apex Castings",
    "Hamada Seiki",
    "Brightwater Controls",
    "Orion Fasteners",
)
COMPANIES_JA = ("浜田精機", "北村製作所", "ミナト工業", "東洋鋳造", "サクラ物流", "三協テクノ")
MAIL_DOMAINS = (
    "hamada-seiki.co.jp",
    "kitamura-mfg.jp",
    "northfield-hydraulics.com",
    "plant3.apexcastings.com",
    "gmail.com",
    "yahoo.co.jp",
    "outlook.com",
    "docomo.ne.jp",
    "bayline.co.uk",
)

# -- hard negatives -------------------------------------------------------------------------------

MACHINES_EN = _words(
    "Press P-7|Robot R2|Line 3|CNC-12|the Komatsu press|Mixer M-04|Oven 2|Cell 14|AGV-07|Lathe L3|"
    "Extruder X-2|Furnace F1|Robot 6B|Welder W-11|Chiller CH-2",
    "|",
)
MACHINES_JA = _words(
    "プレス機P-7|ロボットR2|3号ライン|CNC-12|第4号炉|成形機M-04|2号機|AGV-07|旋盤L3|溶接機W-11", "|"
)
PLACES_EN = _words(
    "Building C|Bay 4|Warehouse North|Dock 2|Hall B|Plant 2|Line 5 mezzanine|Cage 3|Gate 6", "|"
)
PLACES_JA = _words("第2工場|東棟|西倉庫|B棟2階|3番ベイ|出荷場|組立エリア|第1検査室|北門", "|")
BRANDS = _words(
    "Siemens|Fanuc|Omron|Keyence|Mitsubishi|Yaskawa|ABB|Bosch Rexroth|SKF|Festo|Makita|Komatsu", "|"
)
BRANDS_JA = _words("ファナック|オムロン|キーエンス|安川|三菱電機|コマツ|ダイキン|シーメンス", "|")
PLANT_WORDS = _words(
    "Pump|Conveyor|Maintenance|Compressor|Chiller|Boiler|Hydraulics|Spindle|Coolant|Gearbox", "|"
)
PLANT_WORDS_JA = _words("ポンプ|コンベア|コンプレッサ|チラー|ボイラー|油圧ユニット|主軸", "|")

# -- builders ------------------------------------------------------------------------------------

_FULLWIDTH = str.maketrans("0123456789-", "０１２３４５６７８９－")


@dataclass
class Piece:
    value: str
    type: str = ""  # "" for filler text, NEGATIVE for a hard negative
    form: str = ""
    pre: str = ""
    post: str = ""


def _piece(pair: tuple[str, str], kind: str) -> Piece:
    return Piece(pair[0], kind, pair[1])


def _fold(text: str) -> str:
    """ASCII spelling of a name (đ/Đ have no decomposition)."""
    text = text.replace("đ", "d").replace("Đ", "D").replace("ı", "i").replace("ł", "l").replace("Ł", "L")
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def _latin(text: str) -> bool:
    return all(not c.isalpha() or "LATIN" in unicodedata.name(c, "") for c in text) and any(
        c.isalpha() for c in text
    )


def _luhn_complete(body: str) -> str:
    for check in "0123456789":
        if luhn(body + check):
            return body + check
    raise ValueError("no check digit fits")  # pragma: no cover - one always does


def _group(digits: str, sizes: Sequence[int], sep: str) -> str:
    parts, at = [], 0
    for size in sizes:
        parts.append(digits[at : at + size])
        at += size
    if at < len(digits):
        parts.append(digits[at:])
    return sep.join(p for p in parts if p)


class _Generator:
    def __init__(self, seed: int) -> None:
        import phonenumbers
        from faker import Faker

        self.rng = random.Random(seed)  # noqa: S311 - test data, not secrets
        self.pn = phonenumbers
        self.lang = "en"
        self._bags: dict[str, list[Any]] = {}
        locales = _words(
            "en_US en_GB en_IN en_AU en_NZ en_IE en_CA en_NG yo_NG ig_NG ha_NG tw_GH en_PK en_KE ga_IE "
            "fil_PH es_ES es_MX it_IT pt_BR fr_FR de_DE pl_PL tr_TR vi_VN zh_CN zh_TW ja_JP"
        )
        self.fk: dict[str, Any] = {}
        for index, locale in enumerate(locales):
            fake = Faker(locale)
            fake.seed_instance(seed * 1000 + index)
            self.fk[locale] = fake

    # helpers
    def draw(self, key: str, options: Sequence[Any]) -> Any:
        """Balanced choice: every option once per round, in a shuffled order."""
        bag = self._bags.get(key)
        if not bag:
            bag = list(options)
            self.rng.shuffle(bag)
            self._bags[key] = bag
        return bag.pop()

    def pick(self, options: Sequence[Any]) -> Any:
        return options[self.rng.randrange(len(options))]

    def digits(self, n: int, first: str = "0123456789") -> str:
        return str(self.pick(first)) + "".join(str(self.rng.randrange(10)) for _ in range(n - 1))

    def faker(self, locale: str, method: str) -> str:
        return str(getattr(self.fk[locale], method)()).replace("\n", ", ").strip()

    # -- names -------------------------------------------------------------------------------
    def _nd(self, country: str, which: int) -> str:
        return str(self.pick(ND_NAMES[country][which].split())).replace("_", " ")

    def _faker_latin(self, locales: Sequence[str]) -> tuple[str, str]:
        for _ in range(20):
            locale = self.pick(locales)
            first, last = self.faker(locale, "first_name"), self.faker(locale, "last_name")
            if _latin(first + last):
                return first, last
        return self._nd("NG", 0), self._nd("NG", 1)

    def person_en(self) -> tuple[str, str]:  # noqa: PLR0911, PLR0912 - one branch per origin
        origin = self.draw(
            "origin",
            (
                "vi",
                "vi",
                "ng",
                "ng",
                "gh",
                "ar",
                "ar",
                "ie",
                "ie",
                "es",
                "es",
                "it",
                "cn",
                "cn",
                "kr",
                "in",
                "in",
                "ph",
                "pl",
                "tr",
                "br",
                "us",
                "gb",
                "fr_de",
                "ja",
                "ja",
            ),
        )
        rng = self.rng
        if origin == "vi":
            family = self.pick(VN_FAMILY) if rng.random() < 0.7 else self.faker("vi_VN", "last_name")
            middle, given = self.pick(VN_MIDDLE), self.pick(VN_GIVEN)
            name = f"{family} {middle} {given}" if rng.random() < 0.7 else f"{given} {family}"
            return (_fold(name), "name_vi ascii") if rng.random() < 0.6 else (name, "name_vi diacritics")
        if origin == "ng":
            if rng.random() < 0.5:
                first, last = self._faker_latin(("en_NG", "yo_NG", "ig_NG", "ha_NG"))
            else:
                first, last = self._nd("NG", 0), self._nd("NG", 1)
            return f"{first} {last}", "name_ng"
        if origin == "gh":
            first, last = (
                self._faker_latin(("tw_GH",))
                if rng.random() < 0.3
                else (self._nd("GH", 0), self._nd("GH", 1))
            )
            return f"{first} {last}", "name_gh"
        if origin == "ar":
            if rng.random() < 0.4:
                return self.pick(AR_FULL), "name_ar"
            country = self.pick(("EG", "SA"))
            return f"{self._nd(country, 0)} {self._nd(country, 1)}", "name_ar"
        if origin == "ie":
            if rng.random() < 0.2:
                first, last = self._faker_latin(("ga_IE", "en_IE"))
            else:
                first, last = self._nd("IE", 0), self._nd("IE", 1)
            return f"{first} {last}", "name_ie"
        if origin == "es":
            locale = self.pick(("es_ES", "es_MX"))
            first = (
                self.faker(locale, "first_name")
                if rng.random() < 0.5
                else self._nd(self.pick(("ES", "MX")), 0)
            )
            one, two = self.faker(locale, "last_name"), self._nd(self.pick(("ES", "MX")), 1)
            joint = self.pick((" ", "-", " y ", " "))
            return f"{first} {one}{joint}{two}", "name_es double"
        if origin == "it":
            first, last = (
                self._faker_latin(("it_IT",))
                if rng.random() < 0.5
                else (self._nd("IT", 0), self._nd("IT", 1))
            )
            return f"{first} {last}", "name_it"
        if origin == "cn":
            choice = rng.random()
            if choice < 0.4:
                return self.faker(self.pick(("zh_CN", "zh_TW")), "romanized_name"), "name_cn"
            given, family = self._nd("CN", 0), self._nd("CN", 1)
            return (f"{family} {given}" if choice < 0.7 else f"{given} {family}"), "name_cn"
        if origin == "kr":
            family = self._nd("KR", 1)
            given = self.pick(KR_GIVEN_HYPHEN) if rng.random() < 0.4 else self._nd("KR", 0)
            return (f"{family} {given}" if rng.random() < 0.5 else f"{given} {family}"), "name_kr"
        if origin == "in":
            first, last = (
                self._faker_latin(("en_IN", "en_PK"))
                if rng.random() < 0.4
                else (self._nd("IN", 0), self._nd("IN", 1))
            )
            return f"{first} {last}", "name_in"
        if origin == "ph":
            first, last = (
                self._faker_latin(("fil_PH",))
                if rng.random() < 0.2
                else (self._nd("PH", 0), self._nd("PH", 1))
            )
            return f"{first} {last}", "name_ph"
        if origin in ("pl", "tr", "br"):
            locale = {"pl": "pl_PL", "tr": "tr_TR", "br": "pt_BR"}[origin]
            country = origin.upper()
            first, last = (
                self._faker_latin((locale,))
                if rng.random() < 0.5
                else (self._nd(country, 0), self._nd(country, 1))
            )
            return f"{first} {last}", f"name_{origin}"
        if origin == "ja":
            return self.romaji_name()
        locale = self.pick(
            {
                "us": ("en_US", "en_CA"),
                "gb": ("en_GB", "en_AU", "en_NZ"),
                "fr_de": ("fr_FR", "de_DE", "en_KE"),
            }[origin]
        )
        first, last = self._faker_latin((locale,))
        return f"{first} {last}", f"name_{locale.split('_')[1].lower()}"

    def romaji_name(self) -> tuple[str, str]:
        given, family = (
            self.faker("ja_JP", "first_romanized_name"),
            self.faker("ja_JP", "last_romanized_name"),
        )
        order = self.draw("romaji_order", ("given_family", "family_given", "FAMILY_caps"))
        if order == "given_family":
            return f"{given} {family}", "name_ja_romaji given_family"
        if order == "family_given":
            return f"{family} {given}", "name_ja_romaji family_given"
        return f"{family.upper()} {given}", "name_ja_romaji family_caps"

    def person_ja(self) -> tuple[str, str]:  # noqa: PLR0911 - one return per form
        form = self.draw(
            "ja_form",
            (
                "kanji_full",
                "kanji_full",
                "space_half",
                "space_full",
                "surname",
                "surname",
                "given",
                "rare_surname",
                "rare_surname",
                "old_kanji",
                "old_kanji",
                "katakana_foreign",
                "katakana_foreign",
                "katakana_ja",
                "romaji",
                "latin_foreign",
            ),
        )
        last, first = self.faker("ja_JP", "last_name"), self.faker("ja_JP", "first_name")
        rng = self.rng
        if form == "kanji_full":
            return last + first, "ja_kanji_full"
        if form == "space_half":
            return f"{last} {first}", "ja_space_half"
        if form == "space_full":
            return f"{last}　{first}", "ja_space_full"
        if form == "surname":
            return last, "ja_surname"
        if form == "given":
            return first, "ja_given"
        if form == "rare_surname":
            rare = self.pick(JA_RARE_SURNAMES)
            joint = self.pick(("", "", " ", "　", None))
            return (
                (rare, "ja_rare_surname alone")
                if joint is None
                else (rare + joint + first, "ja_rare_surname")
            )
        if form == "old_kanji":
            old = self.pick(JA_OLD_SURNAMES)
            given = self.pick(JA_OLD_GIVEN) if rng.random() < 0.4 else first
            joint = self.pick(("", " ", "　", None))
            return (old, "ja_old_kanji alone") if joint is None else (old + joint + given, "ja_old_kanji")
        if form == "katakana_foreign":
            return self.foreign_katakana()
        if form == "katakana_ja":
            kana = (
                self.faker("ja_JP", "last_kana_name")
                + self.pick((" ", "　", ""))
                + self.faker("ja_JP", "first_kana_name")
            )
            return kana, "ja_katakana_ja"
        if form == "romaji":
            return self.romaji_name()
        name, origin = self.person_en()
        return name, f"{origin.split()[0]} in_ja_text"

    def foreign_katakana(self) -> tuple[str, str]:
        parts = self.pick(JA_FOREIGN_KATAKANA).split()
        sep = self.draw("kata_sep", ("・", " ", "　", "・"))
        return sep.join(parts), "ja_katakana_foreign"

    # -- addresses ---------------------------------------------------------------------------
    def us_street(self) -> str:
        rng = self.rng
        number = str(rng.randrange(1, 99999) if rng.random() < 0.6 else rng.randrange(1, 999))
        direction = self.pick(("", "", "", "N ", "S ", "E ", "W ", "NE "))
        street = f"{number} {direction}{self.pick(US_STREETS)} {self.pick(US_STREET_WORDS)}"
        if rng.random() < 0.3:
            street = self.faker("en_US", "street_address")
        return street

    def us_zip(self, prefix: str, plus4: bool | None = None) -> tuple[str, bool]:
        zipcode = prefix + self.digits(2)
        if plus4 if plus4 is not None else self.rng.random() < 0.35:
            return f"{zipcode}-{self.digits(4)}", True
        return zipcode, False

    def us_address(self, with_zip: bool = True) -> tuple[str, str]:
        street = self.us_street()
        tags = "us_address"
        if self.rng.random() < 0.5:
            street += self.pick((", ", " ")) + self.pick(US_UNITS)
            tags += " unit"
        city, state, prefix = self.pick(US_CITIES)
        if not with_zip:
            return f"{street}, {city}, {state}", tags + " nozip"
        zipcode, plus4 = self.us_zip(prefix)
        return f"{street}, {city}, {state} {zipcode}", tags + (" zip4" if plus4 else "")

    def uk_postcode(self, outward: str) -> str:
        letters = "ABDEFGHJLNPQRSTUWXYZ"
        return f"{outward} {self.rng.randrange(10)}{self.pick(letters)}{self.pick(letters)}"

    def uk_address(self) -> tuple[str, str]:
        rng = self.rng
        if rng.random() < 0.25:
            street, town, code = (self.faker("en_GB", m) for m in ("street_address", "city", "postcode"))
            return f"{street}, {town} {code}", "uk_address faker"
        town, outward = self.pick(UK_TOWNS)
        street = f"{rng.randrange(1, 240)} {self.pick(UK_STREETS)}"
        lead = self.pick(("", "", f"Flat {rng.randrange(1, 30)}, ", f"Unit {rng.randrange(1, 20)}, "))
        comma = self.pick((" ", ", "))
        return f"{lead}{street}, {town}{comma}{self.uk_postcode(outward)}", "uk_address"

    def au_address(self) -> tuple[str, str]:
        rng = self.rng
        if rng.random() < 0.25:
            street = self.faker("en_AU", "street_address")
            town, state, code = (
                self.faker("en_AU", "city"),
                self.faker("en_AU", "state_abbr"),
                self.faker("en_AU", "postcode"),
            )
            return f"{street}, {town} {state} {code}", "au_address faker"
        town, state, code = self.pick(AU_TOWNS)
        lead = self.pick(("", f"Unit {rng.randrange(1, 40)}, ", f"Level {rng.randrange(1, 12)}, "))
        kind = self.pick(("Street", "St", "Road", "Rd", "Grove", "Parade", "Highway"))
        return (
            f"{lead}{rng.randrange(1, 400)} {self.pick(AU_STREETS)} {kind}, {town} {state} {code}",
            "au_address",
        )

    def other_address(self) -> tuple[str, str]:
        locale = self.draw("other_addr", ("en_CA", "en_NZ", "en_IE", "en_IN"))
        street, city = self.faker(locale, "street_address"), self.faker(locale, "city")
        if locale == "en_CA":
            return (
                f"{street}, {city}, {self.faker(locale, 'province_abbr')} {self.faker(locale, 'postalcode')}",
                ("ca_address faker"),
            )
        if locale == "en_IN":
            return f"{street}, {city}, {self.faker(locale, 'state')} {self.faker(locale, 'postcode')}", (
                "in_address faker"
            )
        tag = "nz_address faker" if locale == "en_NZ" else "ie_address faker"
        return f"{street}, {city} {self.faker(locale, 'postcode')}", tag

    def jp_block(self) -> tuple[int, int, int]:
        rng = self.rng
        return rng.randrange(1, 9), rng.randrange(1, 30), rng.randrange(1, 25)

    def romaji_address(self, with_postcode: bool = True) -> tuple[str, str]:
        _, pref_r, _, city_r, _, ward_r, _, town_r, code = self.pick(JP_PLACES)
        a, b, c = self.jp_block()
        style = self.draw("romaji_style", ("hyphen", "chome", "city_first", "hyphen"))
        place = ", ".join(x for x in (ward_r, city_r) if x) if style != "city_first" else ""
        if style == "hyphen":
            text = f"{a}-{b}-{c} {town_r}, {place}"
        elif style == "chome":
            text = f"{b}-{c} {town_r} {a}-chome, {place}"
        else:
            text = ", ".join(x for x in (city_r, ward_r) if x) + f", {town_r} {a}-{b}-{c}"
        if self.rng.random() < 0.25:
            text = f"{self.pick(JP_BUILDINGS_EN)} {self.rng.randrange(2, 12)}F, " + text
        tags = f"romaji_address {style}"
        if self.rng.random() < 0.65:
            text += f", {pref_r}"
            if pref_r != "Tokyo" and self.rng.random() < 0.4:
                text += self.pick((" Prefecture", "-ken"))
        else:
            tags += " no_prefecture"
        if with_postcode and self.rng.random() < 0.7:
            text += f" {code}"
            tags += " postcode"
        elif not with_postcode:
            tags += " nopostcode"
        if self.rng.random() < 0.3:
            text += ", Japan"
        return text, tags

    def ja_address(self) -> tuple[str, str]:  # noqa: PLR0911 - one return per form
        pref, _, city, _, ward, _, town, _, _ = self.pick(JP_PLACES)
        a, b, c = self.jp_block()
        kanji_num = "一二三四五六七八九"
        style = self.draw(
            "ja_addr", ("hyphen", "chome", "kanji_num", "no_pref", "building", "fullwidth", "faker", "banchi")
        )
        head = pref + city + ward + town
        if style == "hyphen":
            return f"{head}{a}-{b}-{c}", "ja_address hyphen"
        if style == "chome":
            return f"{head}{a}丁目{b}番{c}号", "ja_address chome"
        if style == "kanji_num":
            return f"{head}{kanji_num[a - 1]}丁目{b}番地{c}", "ja_address kanji_num"
        if style == "no_pref":
            return f"{city}{ward}{town}{a}-{b}-{c}", "ja_address no_prefecture"
        if style == "building":
            room = self.pick(
                (f"{self.rng.randrange(2, 9)}F", f"{self.rng.randrange(1, 9)}0{self.rng.randrange(1, 9)}号室")
            )
            return f"{head}{a}-{b}-{c} {self.pick(JP_BUILDINGS)}{room}", "ja_address building"
        if style == "fullwidth":
            return f"{head}{a}-{b}-{c}".translate(_FULLWIDTH), "ja_address fullwidth"
        if style == "faker":
            return self.faker("ja_JP", "address").replace(" ", "").split("\n")[0], "ja_address faker"
        return f"{head}{self.rng.randrange(100, 3000)}番地", "ja_address banchi"

    def ja_postal(self, in_english: bool = False) -> tuple[str, str]:
        code = f"{self.digits(3, '0123456789')}-{self.digits(4)}"
        style = self.draw(
            "ja_postal" + str(in_english), ("mark", "mark_space", "nohyphen", "fullwidth", "plain")
        )
        if style == "mark":
            return f"〒{code}", "jp_postal mark"
        if style == "mark_space":
            return f"〒 {code}", "jp_postal mark_space"
        if style == "nohyphen":
            return f"〒{code.replace('-', '')}", "jp_postal mark nohyphen"
        if style == "fullwidth" and not in_english:
            return f"〒{code.translate(_FULLWIDTH)}", "jp_postal fullwidth"
        return code, "jp_postal plain"

    # -- phones ------------------------------------------------------------------------------
    _SPECS: ClassVar[dict[str, tuple[tuple[str, int], ...]]] = {  # region: (leading digits, national length)
        "GB": (("207", 10), ("161", 10), ("113", 10), ("121", 10), ("79", 10), ("75", 10)),
        "IN": (("98", 10), ("99", 10), ("70", 10), ("80", 10)),
        "VN": (("91", 9), ("98", 9), ("28", 10), ("24", 10)),
        "NG": (("803", 10), ("806", 10), ("813", 10)),
        "PH": (("917", 10), ("2", 9)),
        "MX": (("55", 10), ("81", 10)),
        "IE": (("1", 8), ("87", 9), ("85", 9)),
        "AU": (("2", 9), ("3", 9), ("4", 9)),
        "JP": (("3", 9), ("6", 9), ("90", 10), ("80", 10), ("70", 10), ("45", 9), ("52", 9), ("50", 10)),
    }

    def valid_number(self, region: str) -> Any:
        pn = self.pn
        for _ in range(400):
            if region == "US":
                area = self.pick(
                    (
                        "212",
                        "312",
                        "415",
                        "617",
                        "713",
                        "206",
                        "404",
                        "313",
                        "614",
                        "864",
                        "615",
                        "502",
                        "905",
                        "416",
                    )
                )
                national = area + self.digits(3, "23456789") + self.digits(4)
            else:
                lead, length = self.pick(self._SPECS[region])
                national = lead + self.digits(length - len(lead))
            number = pn.parse(national, region if region != "US" else "US")
            if pn.is_valid_number(number):
                return number
        raise RuntimeError(f"no valid {region} number found")  # pragma: no cover

    def nanp(self) -> tuple[str, str]:  # noqa: PLR0911 - one return per form
        number = self.valid_number("US")
        d = str(number.national_number)
        a, b, c = d[:3], d[3:6], d[6:]
        style = self.draw(
            "nanp", ("paren", "dash", "dot", "space", "bare", "ext", "ext", "plus1", "plus1", "idd001")
        )
        if style == "paren":
            return f"({a}) {b}-{c}", "nanp_paren"
        if style == "dash":
            return f"{a}-{b}-{c}", "nanp_dash"
        if style == "dot":
            return f"{a}.{b}.{c}", "nanp_dot"
        if style == "space":
            return f"{a} {b} {c}", "nanp_space"
        if style == "bare":
            return d, "nanp_bare"
        if style == "plus1":
            return self.pick(
                (f"+1-{a}-{b}-{c}", f"+1 ({a}) {b}-{c}", f"+1 {a} {b} {c}", f"+1.{a}.{b}.{c}")
            ), "nanp_plus1"
        if style == "idd001":
            return self.pick((f"001-1-{a}-{b}-{c}", f"011 1 {a} {b} {c}", f"001 1 {a}-{b}-{c}")), "nanp_idd"
        base = self.pick((f"({a}) {b}-{c}", f"{a}-{b}-{c}", f"{a}.{b}.{c}", f"+1 {a} {b} {c}"))
        ext = self.pick(
            (
                f" x{self.rng.randrange(10, 999)}",
                f" ext. {self.rng.randrange(1, 99)}",
                f" extension {self.rng.randrange(1, 9)}",
                f" ext {self.rng.randrange(100, 9999)}",
                f" x {self.rng.randrange(1, 99)}",
                f", ext. {self.rng.randrange(10, 500)}",
            )
        )
        return base + ext, "nanp_ext"

    def intl_phone(self) -> tuple[str, str]:
        region = self.draw("intl_region", ("GB", "GB", "IN", "IN", "VN", "VN", "NG", "PH", "MX", "IE", "AU"))
        number = self.valid_number(region)
        text = self.pn.format_number(number, self.pn.PhoneNumberFormat.INTERNATIONAL)
        style = self.draw("intl_style", ("plus", "plus", "zerozero", "dash"))
        if style == "zerozero":
            text = "00 " + text[1:]
        elif style == "dash":
            text = text.replace(" ", "-")
        if region == "GB" and style == "plus" and self.rng.random() < 0.4:
            national = self.pn.format_number(number, self.pn.PhoneNumberFormat.NATIONAL)
            text = f"+44 (0){national[1:]}"
        return text, f"intl_{region.lower()} {style}"

    def jp_phone(self, in_english: bool) -> tuple[str, str]:  # noqa: PLR0911 - one return per form
        number = self.valid_number("JP")
        national = self.pn.format_number(number, self.pn.PhoneNumberFormat.NATIONAL)
        styles = ("hyphen", "hyphen", "plus81", "paren", "nohyphen", "fullwidth", "free")
        style = self.draw("jp_phone" + str(in_english), styles[:-2] if in_english else styles)
        tag = "jp_phone" if not in_english else "jp_phone_en"
        if style == "hyphen":
            return national, f"{tag} hyphen"
        if style == "plus81":
            text = self.pn.format_number(number, self.pn.PhoneNumberFormat.INTERNATIONAL)
            return (text if self.rng.random() < 0.5 else text.replace(" ", "-")), f"{tag} plus81"
        if style == "paren":
            first, rest = national.split("-", 1)
            return f"{first}({rest.replace('-', ')', 1)}", f"{tag} paren"
        if style == "nohyphen":
            return national.replace("-", ""), f"{tag} nohyphen"
        if style == "fullwidth":
            return national.translate(_FULLWIDTH), f"{tag} fullwidth"
        for _ in range(400):
            free = "0120" + self.digits(6)
            if self.pn.is_valid_number(self.pn.parse(free, "JP")):
                return f"{free[:4]}-{free[4:7]}-{free[7:]}", f"{tag} freedial"
        return national, f"{tag} hyphen"  # pragma: no cover

    def phone_en(self) -> tuple[str, str]:
        kind = self.draw("phone_en", ("nanp", "nanp", "nanp", "intl", "intl", "jp"))
        if kind == "nanp":
            return self.nanp()
        if kind == "intl":
            return self.intl_phone()
        return self.jp_phone(in_english=True)

    # -- cards, numbers, network ------------------------------------------------------------
    def card(self) -> tuple[str, str]:
        rng = self.rng
        brand = self.draw(
            "brand",
            (
                "visa",
                "visa",
                "mc",
                "mc2",
                "amex",
                "jcb",
                "discover",
                "maestro",
                "unionpay",
                "diners",
                "private",
            ),
        )
        if brand == "visa":
            prefix, length = "4", self.pick((13, 16, 16, 19))
        elif brand == "mc":
            prefix, length = str(rng.randrange(51, 56)), 16
        elif brand == "mc2":
            prefix, length = str(rng.randrange(2221, 2721)), 16
        elif brand == "amex":
            prefix, length = self.pick(("34", "37")), 15
        elif brand == "jcb":
            prefix, length = str(rng.randrange(3528, 3590)), self.pick((16, 16, 17, 19))
        elif brand == "discover":
            prefix, length = self.pick(("6011", str(rng.randrange(644, 650)), "65")), self.pick((16, 19))
        elif brand == "maestro":
            prefix, length = (
                self.pick(("5018", "5020", "5038", "5893", "6304", "6759", "6761", "6763")),
                self.pick((13, 16, 18, 19)),
            )
        elif brand == "unionpay":
            prefix, length = "62" + str(rng.randrange(10, 99)), self.pick((16, 17, 18, 19))
        elif brand == "diners":
            prefix, length = self.pick(("36", "300", "305", "38")), 14
        else:
            prefix, length = self.pick(("7", "8", "9", "1", "603")), self.pick((16, 16, 15, 18))
        digits = _luhn_complete(prefix + self.digits(length - len(prefix) - 1))
        sep = self.draw("card_sep", (" ", "-", "", " "))
        if not sep:
            return digits, f"card_{brand} nosep"
        sizes = (4, 6, 5) if length == 15 else (4, 6, 4) if length == 14 else (4, 4, 4, 4, 4)
        return _group(digits, sizes, sep), f"card_{brand} {'spaces' if sep == ' ' else 'dashes'}"

    def my_number(self) -> tuple[str, str]:
        body = self.digits(11)
        digits = body + my_number_check_digit(body)
        style = self.draw("mynumber", ("plain", "spaces", "hyphen", "fullwidth"))
        if style == "plain":
            return digits, "my_number plain"
        if style == "fullwidth":
            return digits.translate(_FULLWIDTH), "my_number fullwidth"
        return _group(digits, (4, 4, 4), " " if style == "spaces" else "-"), f"my_number {style}"

    def email(self, name: str) -> tuple[str, str]:
        words = [w.lower() for w in re.findall(r"[A-Za-z]+", _fold(name))] or ["ops"]
        style = self.draw("email", ("dot", "initial", "plus", "joined", "upper"))
        if style == "dot":
            local = ".".join(words[:3])
        elif style == "initial":
            local = words[0][0] + "." + words[-1]
        elif style == "plus":
            local = words[-1] + "+" + self.pick(("shift2", "eval", "line3", "hr"))
        elif style == "joined":
            local = words[0] + words[-1][:1] + str(self.rng.randrange(1, 99))
        else:
            local = words[0].capitalize() + "." + words[-1].capitalize()
        return f"{local}@{self.pick(MAIL_DOMAINS)}", f"email {style}"

    def ip(self) -> tuple[str, str]:
        rng = self.rng
        style = self.draw("ip", ("private", "private", "public", "v6"))
        if style == "private":
            return self.pick(
                (
                    f"192.168.{rng.randrange(256)}.{rng.randrange(1, 255)}",
                    f"10.{rng.randrange(256)}.{rng.randrange(256)}.{rng.randrange(1, 255)}",
                    f"172.{rng.randrange(16, 32)}.{rng.randrange(256)}.{rng.randrange(1, 255)}",
                )
            ), "ipv4 private"
        if style == "public":
            return (
                f"{rng.randrange(11, 223)}.{rng.randrange(256)}.{rng.randrange(256)}.{rng.randrange(1, 255)}",
                "ipv4 public",
            )
        groups = [f"{rng.randrange(65536):x}" for _ in range(4)]
        return self.pick(
            (f"fe80::{':'.join(groups)}", f"2001:db8:{groups[0]}::{groups[1]}:{groups[2]}")
        ), "ipv6"

    def mac(self) -> tuple[str, str]:
        raw = [f"{self.rng.randrange(256):02x}" for _ in range(6)]
        style = self.draw("mac", ("colon", "hyphen", "dot", "colon_upper"))
        if style == "colon":
            return ":".join(raw), "mac colon"
        if style == "colon_upper":
            return ":".join(raw).upper(), "mac colon upper"
        if style == "hyphen":
            return "-".join(raw).upper(), "mac hyphen"
        joined = "".join(raw)
        return f"{joined[:4]}.{joined[4:8]}.{joined[8:]}", "mac dot"

    # -- negatives ---------------------------------------------------------------------------
    def order_number(self) -> str:
        pn = self.pn
        for _ in range(400):
            digits = self.digits(self.rng.randrange(10, 13), "123456789")
            if luhn(digits) or (len(digits) == 12 and my_number(digits)):
                continue
            if any(pn.is_valid_number(pn.parse(digits, region)) for region in ("JP", "US")):
                continue
            if pn.is_valid_number(pn.parse("0" + digits, "JP")):
                continue
            return digits
        raise RuntimeError("no order number found")  # pragma: no cover

    def negative(self, kind: str) -> tuple[str, str]:  # noqa: PLR0911 - one return per kind
        rng, ja = self.rng, self.lang == "ja"
        if kind == "machine":
            return self.pick(MACHINES_JA if ja else MACHINES_EN), "neg_machine"
        if kind == "part":
            return self.pick(
                (
                    f"6{rng.randrange(200, 320)}-2RS",
                    f"A-{self.digits(4)}-{self.digits(3)}",
                    f"BRG-{rng.randrange(1000, 9999)}",
                    f"{self.digits(3, '123456789')}-{rng.randrange(10, 99)}X",
                    f"M{rng.randrange(6, 24)}x{rng.randrange(20, 80)}",
                    f"PN {self.digits(6, '123456789')}-{self.pick('ABC')}",
                )
            ), "neg_part"
        if kind == "lot":
            return self.pick(
                (
                    f"LOT {rng.randrange(23, 26)}{rng.randrange(1, 13):02d}{rng.randrange(1, 29):02d}"
                    f"-{rng.randrange(1, 40):02d}",
                    f"L{rng.randrange(23, 26)}-{rng.randrange(1000, 9999)}",
                    f"batch {rng.randrange(100, 999)}{self.pick('ABCK')}",
                )
            ), "neg_lot"
        if kind == "measure":
            return self.pick(
                (
                    f"{rng.randrange(1, 40)}.{rng.randrange(10)} mm",
                    f"{rng.randrange(1, 9)},{rng.randrange(100, 999)} rpm",
                    f"0.{rng.randrange(10, 99)} MPa",
                    f"{rng.randrange(20, 400)} °C",
                    f"{rng.randrange(1, 60)}.{rng.randrange(10)} kN",
                    f"{rng.randrange(100, 480)} V",
                    f"{rng.randrange(2, 90)} kg",
                    f"{rng.randrange(1, 30)}.{rng.randrange(100)} µm",
                )
                if not ja
                else (
                    f"{rng.randrange(1, 40)}.{rng.randrange(10)}mm",
                    f"{rng.randrange(1, 9)},{rng.randrange(100, 999)}rpm",
                    f"0.{rng.randrange(10, 99)}MPa",
                    f"{rng.randrange(20, 400)}℃",
                    f"{rng.randrange(2, 90)}kg",
                )
            ), "neg_measure"
        if kind == "date":
            m, d = rng.randrange(1, 13), rng.randrange(1, 29)
            options = (
                (
                    f"{2020 + rng.randrange(6)}年{m}月{d}日",
                    f"{m}月{d}日",
                    f"{m}/{d}",
                    f"令和{rng.randrange(2, 8)}年{m}月{d}日",
                )
                if ja
                else (
                    f"{2020 + rng.randrange(6)}-{m:02d}-{d:02d}",
                    f"{m}/{d}/{2020 + rng.randrange(6)}",
                    f"March {d}",
                    f"Tue {m:02d}/{d:02d}",
                    f"{d} Sep",
                )
            )
            return self.pick(options), "neg_date"
        if kind == "time":
            h, mi = rng.randrange(24), rng.randrange(60)
            return self.pick(
                (f"{h:02d}:{mi:02d}", f"{h}時{mi}分")
                if ja
                else (f"{h:02d}:{mi:02d}", f"{h % 12 + 1}:{mi:02d} pm", f"{h:02d}{mi:02d}h")
            ), "neg_time"
        if kind == "alarm":
            return self.pick(
                (
                    f"E-{rng.randrange(1000, 9999)}",
                    f"ALM {rng.randrange(1000, 9999)}",
                    f"SV{rng.randrange(100, 999)}",
                    f"F{rng.randrange(10, 99)}.{rng.randrange(10)}",
                    f"Err {rng.randrange(10, 99)}",
                )
            ), "neg_alarm"
        if kind == "order":
            return self.order_number(), "neg_order"
        if kind == "place":
            return self.pick(PLACES_JA if ja else PLACES_EN), "neg_place"
        if kind == "brand":
            return self.pick(BRANDS_JA if ja and rng.random() < 0.6 else BRANDS), "neg_brand"
        return self.pick(PLANT_WORDS_JA if ja else PLANT_WORDS), "neg_plant_word"

    # -- slots -------------------------------------------------------------------------------
    def slot(self, kind: str) -> Piece:  # noqa: PLR0911, PLR0912 - a dispatch table
        if kind.startswith("n_"):
            value, form = self.negative(kind[2:])
            return Piece(value, NEGATIVE, form)
        rng = self.rng
        if kind == "p":
            return _piece(self.person_en() if self.lang == "en" else self.person_ja(), "PERSON")
        if kind == "pt":  # a name with a title, a suffix or a degree
            value, form = self.person_en()
            extra = self.draw("title", ("title", "title", "suffix", "degree"))
            if extra == "title":
                title = self.pick(("Dr. ", "Eng. ", "Engr. ", "Mr. ", "Ms. ", "Mrs. ", "Prof. ", "Dr "))
                return Piece(value, "PERSON", form + " title", pre=title)
            if extra == "suffix":
                return Piece(
                    value + self.pick((" Jr.", ", Jr.", " Sr.", " III", " II", " Jr")),
                    "PERSON",
                    form + " suffix",
                )
            return Piece(
                value,
                "PERSON",
                form + " degree",
                post=self.pick((", PhD", " PhD", ", P.E.", " MSc", ", CEng")),
            )
        if kind == "pjr":
            return _piece(self.romaji_name(), "PERSON")
        if kind == "pkf":
            return _piece(self.foreign_katakana(), "PERSON")
        if kind == "us_addr":
            return _piece(self.us_address(), "ADDRESS")
        if kind == "us_addr_nozip":
            return _piece(self.us_address(with_zip=False), "ADDRESS")
        if kind == "us_zip":
            value, plus4 = self.us_zip(self.pick(US_CITIES)[2], self.draw("zip4", (False, True)))
            return Piece(value, "POSTAL_CODE", "us_zip4" if plus4 else "us_zip")
        if kind == "uk_addr":
            return _piece(self.uk_address(), "ADDRESS")
        if kind == "au_addr":
            return _piece(self.au_address(), "ADDRESS")
        if kind == "jr_addr":
            return _piece(self.romaji_address(), "ADDRESS")
        if kind == "jr_addr_nozip":
            return _piece(self.romaji_address(with_postcode=False), "ADDRESS")
        if kind == "jp_zip_en":
            value, form = self.ja_postal(in_english=True)
            return Piece(value, "POSTAL_CODE", form + " in_en_text")
        if kind == "any_addr":
            builder = self.draw(
                "any_addr",
                (self.us_address, self.uk_address, self.au_address, self.romaji_address, self.other_address),
            )
            return _piece(builder(), "ADDRESS")
        if kind == "ja_addr":
            return _piece(self.ja_address(), "ADDRESS")
        if kind == "ja_postal":
            return _piece(self.ja_postal(), "POSTAL_CODE")
        if kind == "phone":
            return _piece(self.phone_en(), "PHONE")
        if kind == "nanp":
            return _piece(self.nanp(), "PHONE")
        if kind == "intl":
            return _piece(self.intl_phone(), "PHONE")
        if kind == "jp_phone_en":
            return _piece(self.jp_phone(in_english=True), "PHONE")
        if kind == "ja_phone":
            return _piece(self.jp_phone(in_english=False), "PHONE")
        if kind == "card":
            value, form = self.card()
            if self.lang == "ja" and rng.random() < 0.2:
                value, form = value.translate(_FULLWIDTH), form + " fullwidth"
            return Piece(value, "CARD_NUMBER", form)
        if kind == "mynumber":
            return _piece(self.my_number(), "MY_NUMBER")
        if kind == "email":
            name = self.person_en()[0] if rng.random() < 0.7 else self.romaji_name()[0]
            return _piece(self.email(name), "EMAIL")
        if kind == "ip":
            return _piece(self.ip(), "IP_ADDRESS")
        if kind == "mac":
            return _piece(self.mac(), "MAC_ADDRESS")
        if kind == "company":
            return Piece(self.pick(COMPANIES_JA if self.lang == "ja" else COMPANIES_EN))
        if kind == "num":
            return Piece(str(rng.randrange(2, 15)))
        raise KeyError(kind)


# -- templates -----------------------------------------------------------------------------------
# {kind} is a slot, {kind:tag} adds a tag to the value's form. Slots: p (a person), pt (with a title,
# suffix or degree), pjr (romanised Japanese), pkf (katakana foreign), addresses, phones, card,
# mynumber, email, ip, mac, n_* (hard negatives), company and num (filler).

EN_TEMPLATES = (
    "{n_plant_word:initial} on {n_machine} tripped at {n_time} with {n_alarm}. {p:initial} reset it and read "
    "{n_measure} on the gauge.",
    "{p} is covering the line today; ring {phone} if {n_machine} stops again.",
    "Found {p:possessive}'s badge near {n_place} after the {n_time} break.",
    "Per {p:per}, the {n_brand} drive on {n_machine} needs part {n_part} before {n_date}.",
    "{p:paren} (night lead) said the coolant on {n_machine} was at {n_measure} around {n_time}.",
    "Handover: {p:list}, {p:list} and {p:list} on {n_place}; {n_lot} is still on hold.",
    "Visitor log {n_date}: {pt} of {company}, escorted by {p}. Contact number {phone}.",
    "Please ship the replacement {n_part} to {us_addr}. Our PO is {n_order}.",
    "Return address: {uk_addr}. Attn: {p}.",
    "New starter paperwork for {p}: home address {any_addr}, mobile {phone}.",
    "Expense claim from {p}: hotel paid on card {card:card_context}, receipt {n_order}.",
    "ref {card:card_no_context} noted against {n_lot} during the {n_place} audit.",
    "Reconciled {card:card_no_context} with {n_order} in the ledger, difference 0.00.",
    "{n_plant_word:initial} fault {n_alarm} on {n_machine}; vendor hotline {intl}, spoke to {p} at {n_time}.",
    "Hi {p:greeting}, the {n_brand} tech arrives {n_date}. You can reach him on {nanp}.",
    "From: {p} <{email}> Subject: spindle vibration on {n_machine}, {n_measure} at idle",
    "Torque logs from {ip} are going to {email}; the gateway MAC is {mac}.",
    "Japan office: {jr_addr}, tel. {jp_phone_en}. Ask for {pjr}.",
    "The audit team from Tokyo ({pjr:list}, {pjr:list}) will visit {n_place} on {n_date}.",
    "{pt:initial} signed off the {n_brand} retrofit on {n_machine} at {n_measure}.",
    "Courier to {au_addr}, attention {p}, phone {phone}.",
    "Send the {n_part} samples to {us_addr_nozip}, ZIP {us_zip}.",
    "Our Nagoya supplier moved to {jr_addr_nozip}, postal code {jp_zip_en}.",
    "Call-back requested by {p} on {nanp} about order {n_order}.",
    "{n_plant_word:initial} {n_machine} overheated ({n_measure}); {p} and {p} swapped the {n_part} bearing.",
    "Timesheet fix: {p} clocked out at {n_time} on {n_date}, approved by {pt}.",
    "Emergency contact for {p}: {p} (spouse), {phone}.",
    "The corporate card {card:card_context} was charged twice for the {n_brand} service visit.",
    "Lost property: a wallet with card {card:card_context} and {p:possessive}'s licence, "
    "handed in at {n_place}.",
    "Tool crib sign-out: {n_part} x2 to {p}, {n_part} x1 to {p}.",
    "Forklift pre-check by {p}. {n_plant_word:initial} pressure {n_measure}, horn OK, parked at {n_place}.",
    "Please update {p:possessive}'s address to {any_addr} and the phone to {phone}.",
    "Invoice {n_order} from {n_brand} quotes {card:card_no_context} as the account reference.",
    "Contractor {pt} ({company}) brings the crane on {n_date}; site contact {p}, {phone}.",
    "{p:initial} reported a near miss at {n_place}: a pallet slid off rack {n_part}.",
    "Quality hold: {n_lot} and {n_lot} quarantined by {p}; measured {n_measure} against spec.",
    "Remote login from {ip} was blocked; the laptop is assigned to {p} ({email}).",
    "Mail the signed NDA to {p}, {any_addr}.",
    "An interpreter is needed for {p} and {p}, who start on {n_place} next week.",
    "Pager {phone} stays with {p} until the {n_brand} upgrade on {n_machine} is done.",
    "Training record: {pt} completed lockout/tagout on {n_date}; trainer {p}.",
    "{p:initial}'s overtime this week: 6.5 h on {n_machine}, 3 h on {n_machine}.",
    "Wire the deposit back: the card on file is {card:card_context}, billing address {us_addr}.",
    "The ZIP for the Smyrna warehouse is {us_zip}; the Japanese site's postal code is {jp_zip_en}.",
    "Address label reads {jr_addr_nozip}, {jp_zip_en}, attn. {pjr}.",
    "Night shift: {p:initial} took over from {p} at {n_time}; {n_machine} ran {n_measure} all night.",
)

JA_TEMPLATES = (
    "【設備保全】{n_machine}の{n_part}を交換。担当：{p:field}",
    "{p:hon_san}さん、{n_date}の夜勤は{n_place}の応援をお願いします。",
    "作業者：{p:field}　開始{n_time}　終了{n_time}　停止要因{n_alarm}",
    "報告者：{p:field}／{n_machine}で{n_alarm}、圧力が{n_measure}まで低下。",
    "{p:hon_sama}様　いつもお世話になっております。{n_brand}製部品の見積書をお送りします。",
    "{p:hon_kacho}課長の承認待ち：発注{n_order}（{n_part}×20個）",
    "{p:hon_kakaricho}係長から連絡あり、{n_lot}は出荷保留とのこと。",
    "{p:hon_shunin}主任が{n_place}で安全パトロールを実施した。",
    "来客 {n_date} {n_time} {company} {p:hon_sama}様（案内：{p}）",
    "{p:hon_bucho}部長宛て：{n_machine}の更新計画の件",
    "{p:hon_hancho}班長　{n_place}　出勤{num}名　残業なし",
    "{p:hon_shi}氏より{n_brand}製{n_machine}の据付完了の報告あり。",
    "{p:hon_kun}君、{n_part}の在庫を数えておいて。",
    "{p:hon_dono}殿　出張旅費精算について",
    "本日{p:glued}が{n_machine}の日常点検を行い、異常なし。",
    "新人の{pkf:hon_san}さんは{n_place}で研修中、通訳は{p}。",
    "技能実習生{pkf:glued}、{n_date}入国予定。寮は{ja_addr}。",
    "送り先 {ja_postal} {ja_addr} {company} {p:hon_sama}様",
    "緊急連絡先：{p:field}（携帯 {ja_phone}）",
    "経費精算　{p:field}　法人カード{card:card_context}　{n_date}",
    "照合番号{card:card_no_context}を発注{n_order}と突き合わせ済み。",
    "マイナンバー{mynumber}の写しを{p:hon_san}さんから受け取った。",
    "個人番号：{mynumber}（本人確認済み、確認者{p:glued}）",
    "{n_machine}のPLC（{ip}）に接続できない。MACは{mac}。{p:hon_san}さんが対応中。",
    "返信先：{email}（{p}）",
    "{p}から電話あり（{ja_phone}）。{n_part}の納期は{n_date}とのこと。",
    "引継ぎ：{n_time}に{n_alarm}発生、{p:hon_san}さんがリセット。{n_plant_word}の温度は{n_measure}。",
    "住所変更届　{p}　新住所{ja_postal}{ja_addr}　電話{ja_phone}",
    "{n_place}の{n_machine}が{n_alarm}で停止。{p:hon_hancho}班長へ報告済み。",
    "ヒヤリハット　報告者：{p:field}　場所：{n_place}　フォークリフトと接触しかけた。",
    "{pkf:hon_san}さんの在留カード更新書類を人事へ。住所は{ja_addr}。",
    "外注先の{p:hon_sama}様（{email}）へ図面{n_part}を送付した。",
    "カード番号{card:card_context}の利用明細を{p:hon_san}さんに転送。",
    "{p:initial}が{n_lot}の抜取検査で寸法{n_measure}を記録。",
    "宿泊先：{ja_addr}（TEL {ja_phone}）、{p:list}と{p:list}の2名。",
    "US本社の{pt}さんが{n_date}に来日し、{n_place}を視察予定。",
    "夜勤者：{p:list}、{p:list}、{pkf:list}（計3名）",
    "{n_brand}サービス窓口 {ja_phone}",
    "ネットワーク機器 {ip}／{mac}　管理者{p:glued}",
    "稟議{n_order}：{n_brand}製{n_machine}購入、申請者{p:glued}",
    "給与振込先の変更を{p:hon_san}さんより受付。カード{card:card_context}は返却済み。",
    "{n_plant_word}異常停止。{p:hon_shunin}主任、{n_time}到着、{n_part}交換で復旧。",
    "{p:glued}宛ての荷物が{n_place}に届いています。差出人{company}、{ja_postal}。",
)

_SLOT = re.compile(r"\{(\w+)(?::(\w+))?\}")


def _render(gen: _Generator, lang: str, name: str, template: str) -> Sample:
    gen.lang = lang
    parts: list[str] = []
    labels: list[Label] = []
    negatives: list[Label] = []
    pos = 0
    last = 0
    for match in _SLOT.finditer(template):
        literal = template[last : match.start()]
        parts.append(literal)
        pos += len(literal)
        last = match.end()
        piece = gen.slot(match.group(1))
        parts.append(piece.pre)
        pos += len(piece.pre)
        if piece.type:
            form = f"{piece.form} {match.group(2)}" if match.group(2) else piece.form
            label = Label(piece.type, pos, pos + len(piece.value), piece.value, form)
            (negatives if piece.type == NEGATIVE else labels).append(label)
        parts.append(piece.value + piece.post)
        pos += len(piece.value) + len(piece.post)
    parts.append(template[last:])
    text = "".join(parts)
    return Sample(lang=lang, text=text, template=name, labels=labels, negatives=negatives)


def generate_independent(per_lang: int, seed: int = 11) -> list[Sample]:
    """``per_lang`` sentences in Japanese, then ``per_lang`` in English; the same for the same seed."""
    gen = _Generator(seed)
    samples: list[Sample] = []
    for lang, templates in (("ja", JA_TEMPLATES), ("en", EN_TEMPLATES)):
        order: list[int] = []
        for _ in range(per_lang):
            if not order:
                order = list(range(len(templates)))
                gen.rng.shuffle(order)
            index = order.pop()
            samples.append(_render(gen, lang, f"ind-{lang}{index:02d}", templates[index]))
    return samples


def _main(argv: Sequence[str] | None = None) -> None:  # pragma: no cover - a manual look
    import json
    import sys

    args = list(argv if argv is not None else sys.argv[1:])
    per_lang = int(args[0]) if args else 10
    write: Callable[[str], int] = sys.stdout.write
    for sample in generate_independent(per_lang):
        write(json.dumps(sample.to_json(), ensure_ascii=False) + "\n")


if __name__ == "__main__":  # pragma: no cover
    _main()
