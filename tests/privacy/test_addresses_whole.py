"""Addresses come out whole: the Romance type-first street with its flat, building, cross street,
grid or kilometre number and the town and postcode in either order; the French number-first
street with its zone; the city-first orders of the Caucasus, Central Asia and Russia; the unit and
the country after any address; and the postcode written before a Japanese address whose first
kanji digit normalising read as part of that postcode. Every value is invented for these tests;
no evaluation set holds them."""

from __future__ import annotations

import time

import pytest

from edged.privacy import Redactor
from edged.privacy.addresses import AddressDetector
from edged.privacy.addresses_extent import country_end, unit_end
from edged.privacy.detector import TextView
from tests.privacy.conftest import found


def addresses(redactor: Redactor, text: str) -> list[str]:
    return [value for kind, value in found(redactor, text) if kind == "ADDRESS"]


WHOLE = [
    # Latin America: colonia, C.P. before the town, the state's initials, the country
    "Av. Insurgentes Sur 1605, Col. San José Insurgentes, 03900 Ciudad de México, CDMX",
    "Calle Hidalgo 221, Col. Centro, C.P. 64000, Monterrey, N.L., México",
    "Av. Corrientes 1234, piso 5, depto. B, C1043AAZ Buenos Aires, Argentina",
    "Jr. Huallaga 320, Lima 15001, Perú",
    "Carrera 7 # 71-21, Oficina 402, Bogotá, Colombia",
    "Av. Providencia 1234, Of. 501, Providencia, Santiago, Chile",
    "Avenida Camacho 1415, Edificio Illimani, piso 3, La Paz, Bolivia",
    "Avenida Brigadeiro Faria Lima 2232, sala 14, Curitiba, Brazil",
    # Quito's grid numbers, intersections with and without a number
    "Avenida 6 de Diciembre N34-120 y Whymper, Quito 170135",
    "Av. Eloy Alfaro Oe7-33 y Av. Amazonas, Edificio Ribadeneira, of. 12, Quito EC170102, Ecuador",
    "Calle 50 y Av. Federico Boyd, Edificio Global, Piso 8, Panamá 0816, Panamá",
    # a road's kilometre, "bis", a shop unit
    "Ruta 3 km 41, 80000 San José de Mayo, Uruguay",
    "Camino Maldonado 5120 bis, local 2, 12200 Montevideo",
    # Iberia and Italy: the Portuguese postcode, the floor, the province in brackets
    "Rua Augusta 100, 1100-053 Lisboa, Portugal",
    "Calle Mayor 12, 3º B, 28013 Madrid, España",
    "Corso Vittorio Emanuele II 21, 10123 Torino (TO)",
    # French number-first, with the zone or quarter between the street and the town
    "14 Rue des Oliviers, Zone Industrielle Bir El Bey, 2055 Ben Arous, Tunisie",
    "8 Avenue de la Liberté, Z.I. Poudrière, 3002 Sfax, Tunisia",
    "45 Avenue Mohammed V, 10000 Rabat, Morocco",
    # type-first streets of Romania, Ukraine and Russia in Latin script
    "Str. Mihai Eminescu 14, ap. 7, 400001 Cluj-Napoca, Romania",
    "vul. Khreshchatyk 22, Kyiv 01001, Ukraine",
    "Ulitsa Lenina 5, kv. 12, Novosibirsk 630000, Russia",
    # the town (and postcode) first, the street's number after its street word
    "Yerevan 0002, Mashtots Avenue 12/3, apt. 8",
    "0160 Tbilisi, Pekini Avenue 41",
    "Tashkent 100000, Amir Temur Street 107",
    "AZ1000 Baku, Nizami Street 90",
    "125009, Moscow, Tverskaya Street, 7",
    # the street word before the number, the town and postcode after it
    "Rothschild Blvd 22, Tel Aviv 6688218, Israel",
    "Dostyk Avenue 38, office 501, Almaty 050010, Kazakhstan",
    # the unit and the country after an English street
    "7 Pekini Avenue, apt. 12, Tbilisi 0160, Georgia",
    "25 Baghdasarian Street, office 3, Gyumri 3104, Republic of Armenia",
    "48 Kenyatta Avenue, Nairobi 00100, KENYA",
    # the number's word, the building and the numbered lane or section before the street
    "No. 45, Galle Road, Colombo 03, Sri Lanka",
    "No. 12 Oxford Street, Osu, Accra, Ghana",
    "Office 1204, Al Moosa Tower 2, Sheikh Zayed Road, Dubai, UAE",
    "No. 12, Lane 34, Section 2, Zhongshan N. Rd., Zhongshan Dist., Taipei City 104, Taiwan",
    # Indonesia's Jl. and lot number, Turkey's flat after a colon, a Colombian tower
    "Jl. Jend. Sudirman Kav. 52-53, Jakarta Selatan 12190, Indonesia",
    "Atatürk Mah. Cumhuriyet Cad. No: 15 D: 4, 34000 Fatih/İstanbul, Türkiye",
    "Carrera 43A # 1-50, Torre 2, Oficina 1101, Medellín, Antioquia, Colombia",
    "Blvd. Agua Caliente 4558, Col. Aviación, 22014 Tijuana, B.C., México",
    # Brazil with the number after the street and the floor and district before the town
    "Rua Doutor Fernandes Coelho 85, 7º andar, Pinheiros, São Paulo - SP, 05423-040",
    "Baku AZ1065, Nizami Street 203, Azerbaijan",
    # no postcode: the Gulf's numbered parts, Vietnam's ward, district and city
    "Building 12, Street 340, Zone 56, Doha, Qatar",
    "Block 3, Street 12, Building 45, Salmiya, Kuwait",
    "28 Lê Duẩn, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh, Việt Nam",
    "Số 15 Đường Hai Bà Trưng, Phường Phú Hòa, Thành phố Thủ Dầu Một, Tỉnh Bình Dương",
    # a post box and its town, with a country or a postcode
    "BP 4410, Thiès, Sénégal",
    "B.P. 1187, Bouaké 01, Côte d'Ivoire",
    "P.O. Box 40211-00100, Kisumu, Kenya",
    "Casilla 301, Temuco, Chile",
    "Apartado Postal 1020, Cartago, Costa Rica",
    "Caixa Postal 88, 13400-970 Piracicaba - SP",
    # one or two regions between the town and the country
    "Calle 12 #7-45, Barrio Sur, Manizales, Caldas, Colombia",
]


@pytest.mark.parametrize("address", WHOLE)
def test_address_in_english_text_is_one_whole_value(redactor: Redactor, address: str) -> None:
    assert addresses(redactor, f"Please ship the spare encoder to {address} by Friday.") == [address]


@pytest.mark.parametrize("address", WHOLE)
def test_address_in_japanese_text_is_one_whole_value(redactor: Redactor, address: str) -> None:
    # glued to the Japanese before and after it, as a master-data change writes it
    assert addresses(redactor, f"得意先マスタ変更：出荷先{address}までご返送ください。") == [address]


@pytest.mark.parametrize(
    ("text", "address"),
    [
        # 〒510-0001 三重県: normalising reads 三 as an eighth digit of the postcode
        ("お届け先：〒510-0001　三重県桑名市大字東方12-5　様", "〒510-0001　三重県桑名市大字東方12-5"),
        # 〒192-0046八王子市: the same with no space, and the municipality first
        ("住所：〒192-0046八王子市元本郷町4-7-3　電話", "〒192-0046八王子市元本郷町4-7-3"),
    ],
)
def test_japanese_address_keeps_its_postcode_and_first_kanji_digit(
    redactor: Redactor, text: str, address: str
) -> None:
    assert addresses(redactor, text) == [address]


@pytest.mark.parametrize(
    "address",
    [
        # the building word read whole, a building numbered before its name, a city office
        "東京都千代田区大手町一丁目1番1号 大手町パークビルディング",
        "静岡県浜松市中区元城町103-2 第2浜松ビル4F",
        "〒160-0023 東京都新宿区西新宿2丁目8番1号 都庁第一本庁舎",
        # a rural lot glued to its town, 番地 left out
        "長野県諏訪郡下諏訪町5329",
        # a Taiwanese address in traditional characters
        "台中市西屯區台灣大道三段99號",
    ],
)
def test_japanese_address_is_one_whole_value(redactor: Redactor, address: str) -> None:
    assert addresses(redactor, f"送付先：{address}　山田太郎様　TEL 03-1234-5678") == [address]
    assert addresses(redactor, f"新しい住所は{address}です。") == [address]


@pytest.mark.parametrize(
    "text", ["岐阜県大垣市12 ラインの件", "工場は愛知県豊田市2024、", "岐阜県揖斐郡池田町12台の出荷"]
)
def test_a_number_after_a_city_or_before_a_counter_is_no_lot(redactor: Redactor, text: str) -> None:
    assert addresses(redactor, text) == []


@pytest.mark.parametrize(
    "address",
    [
        # an address block, one part a line
        "Av. Rivera 2210\napto. 4\n11300 Montevideo\nUruguay",
        "14 Sayat-Nova Avenue, office 3\nVanadzor 2001\nArmenia",
        "9 Rue des Orangers, Zone Industrielle Mghira\n2082 Ben Arous, Tunisie",
        # no commas, or a dash before the postcode
        "Calle Alcalá 48 2º A 28014 Madrid",
        "23, rue Lafayette 75009 Paris",
        "Av. Rivera 2210 apto. 4 11300 Montevideo",
        "Via Garibaldi 8 - 40124 Bologna (BO)",
        # the Japanese comma between the parts, as a Japanese writer types a foreign address
        "Av. Rivera 2210、apto. 4、11300 Montevideo",
        # the street's number after its street word, the town without a postcode
        "Pushkin Street 12, Gyumri",
        "Tsereteli Ave. 41, Kutaisi, Georgia",
        # a German address block
        "Kaiserstraße 21\n76133 Karlsruhe\nDeutschland",
    ],
)
def test_address_block_or_loosely_separated_address_is_one_value(redactor: Redactor, address: str) -> None:
    assert addresses(redactor, f"Ship to:\n{address}\n\nAttn: stores") == [address]


@pytest.mark.parametrize(
    "text",
    [
        "The crane on Gate Road 4, Paint Shop.",
        "Forklift at Dock Street 2, North Annex, checked.",
        "Meet at Baker Street 12, Springfield Plant.",
        "Speed on Main Street 5, Line 3 ok",
    ],
)
def test_a_plant_place_after_a_street_is_no_town(redactor: Redactor, text: str) -> None:
    assert addresses(redactor, text) == []


def test_a_label_or_line_before_a_brazilian_street_is_no_part_of_it(redactor: Redactor) -> None:
    address = "Rua Tenente Arantes 512 - Vila Nova, Pedreiras - MA, 65725-004"
    text = f"DELIVERY NOTE DN-4471\nShip to: {address}\nAttn: stores"
    assert addresses(redactor, text) == [address]


def test_a_name_before_the_street_type_stays_a_name(redactor: Redactor) -> None:
    text = "Consignee Imelda Quispe, Av. Camacho 1415, of. 3, La Paz, Bolivia"
    assert any(kind == "PERSON" and "Imelda Quispe" in value for kind, value in found(redactor, text))
    assert addresses(redactor, text) == ["Av. Camacho 1415, of. 3, La Paz, Bolivia"]


def test_country_and_unit_ends_are_read_after_a_comma_only() -> None:
    text = "x, Republic of Armenia, y"
    assert country_end(text, 1) == len("x, Republic of Armenia")
    assert country_end("x, Armenian food", 1) == 1  # a country's adjective is no country
    assert country_end("x Georgia", 1) == 1
    assert country_end("x, Republic", 1) == 1  # no shorter than it was
    assert country_end("x, Cauca, Colombia", 1) == len("x, Cauca, Colombia")
    assert country_end("x, Thanks, Maria", 1) == 1
    assert unit_end("x, apt. 7, office 12B and", 1) == len("x, apt. 7, office 12B")
    assert unit_end("x apt. 7", 1) == 1


NOT_ADDRESSES = [
    "Line 3 stopped at 14:20, Gate 7 closed, North Annex cooling OK.",
    "Paint Shop booth 2, Line 4, 2400 Strokes per shift.",
    "Per ISO 14644-1 Class 7, the cleanroom in Building 2 passed.",
    "Press 12, Mold 4, Order 20231, Lot 5, 3000 Units shipped.",
    "Route 5 conveyor, Line 2, 2024 Review pending.",
    "Calle 3 of the warehouse, Rack 12, Bin 4, 2024 Audit.",
    "Shift report: Zone 3, Cell 12, 2025 Plan, Target 4000.",
    "Spindle 2 torque 35 Nm, Axis 3, office 4 meeting, 1500 Rpm.",
    "Robot KR-210 Cell 5, Gate 7, Dock 3, Plant 2, Georgia plant.",
    "Mixer 240, Oven 3, Line 3 and Line 4, 3062 Strokes, Sfax supplier ok.",
    "成形棟の3号機、Line 3、Gate 7で停止。",
    # numbered places without a street, pages and questions, presses by number
    "Building 2, Line 3, Zone 4, Block 5 cleaned.",
    "Building 2, Zone 4, Block 5, Area 7 inspected.",
    "Audit Report, P. 12, Q. 3, Section 4 pending.",
    "Section 2, Lane 3 of the warehouse, Rack 12, Bin 4.",
    "No. 4 press and No. 5 press down, Line 2.",
    "BP 1234, Line 3 ok",
    "Check BP 140, Nurse Kim noted.",
]


@pytest.mark.parametrize("text", NOT_ADDRESSES)
def test_plant_places_numbers_and_standards_are_no_address(redactor: Redactor, text: str) -> None:
    assert addresses(redactor, text) == []


LONG = [  # (before, repeated unit, after)
    ("Av. Aa 1", ", Aa Bb Cc", ", 11500 X"),
    ("", "Av. Aa y ", ""),
    ("", "0171 Aa, ", ""),
    ("", "123456, Aa, ", ""),
    ("Av. Aa 1, 11500 Xx", ", apt. 1", ""),
    ("Av. Aa 1, 11500 Xx", ", Republic", ""),
    ("", "Aa Blvd 2, ", ""),
    ("", "Aa Street 3, office 4, ", ""),
    ("", "Calle Aa 1, Col. ", ""),
    ("14 rue ", "Aa, ", ""),
    ("", "〒123-4567", "三重県"),
    ("", "Building 1, Street 2, ", "x"),
    ("28 Aa", ", Phường Bb", ""),
    ("", "No. 1, Lane 2, Section ", "3"),
    ("Rua Aa 8", ", Bb", " - SP, 05423-040"),
    ("Av. Aa 1", " Bb", " 11500 X"),
    ("Av. Aa 1", "\napto. 1", "\n11500 X"),
    ("", "Av. Aa 1 - ", ""),
    ("", "Aa Street 1, Bb ", "."),
    ("", "BP 1, Aa, ", "Chile"),
    ("Av. Aa 1, 11500 Xx", ", Aa", ", Colombia"),
    ("Av. Aa 1", "、apto. 1", "、11500 X"),
]


def _timed(text: str) -> float:
    detector = AddressDetector()
    started = time.perf_counter()
    for japanese in (False, True):
        list(detector.find(TextView(text, japanese, not japanese, False)))
    return time.perf_counter() - started


@pytest.mark.parametrize(("before", "unit", "after"), LONG)
def test_long_repetitions_take_roughly_linear_time(before: str, unit: str, after: str) -> None:
    small = _timed(before + unit * 1000 + after)
    large = _timed(before + unit * 4000 + after)
    # a floor keeps a busy machine's pauses from reading as growth; quadratic work would be 16x
    assert large < 8 * max(small, 0.05), (small, large)
