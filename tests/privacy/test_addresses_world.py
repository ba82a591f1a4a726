"""Latin-script addresses that end in a place and its postcode (addresses_world.py), in English and
Japanese text. Every value is invented for these tests; no evaluation set holds them."""

from __future__ import annotations

import pytest

from edged.privacy import Redactor
from tests.privacy.conftest import found


def addresses(redactor: Redactor, text: str) -> list[str]:
    return [value for kind, value in found(redactor, text) if kind == "ADDRESS"]


WORLD = [
    # Thailand: house/plot number, Moo (village), estate, tambon, amphoe, province and code
    "77/145 Moo 6, Wellgrow Industrial Estate, Bang Wua, Bang Pakong, Chachoengsao 24180",
    "12/9 Moo 2, Sukhumvit Rd Km. 57, Nong Mai Daeng, Mueang Chon Buri, Chon Buri 20000",
    # the Philippines: lot and block, or building, zone, city, province and code
    "Lot 8 Blk 14, Carmelray Industrial Park, Canlubang, Laguna 4028",
    "Bldg 3, Subic Bay Gateway Park, Olongapo City, Zambales 2200",
    # Singapore: block, street and number, unit, building and the six-digit code
    "Blk 58 Toh Guan Road East, #05-117 Enterprise Hub, Singapore 608586",
    "31 Senoko Drive 4, #02-09, Singapore 758214",
    # Turkey: organised zone (OSB), street and number, code and district/province
    "Dudullu OSB, 2. Cad. No:14, 34776 Ümraniye/İstanbul",
    "Çerkezköy OSB, Atatürk Cad. No:61, 59500 Çerkezköy/Tekirdağ",
    # Poland: ul./al., number and flat (lok.), code and town
    "ul. Składowa 44 lok. 3, 61-897 Poznań",
    "al. Niepodległości 208/12, 80-105 Gdańsk",
    # Canada (Quebec's form): number, street type first, suite, city, province and code
    "2210, rue des Forges, bureau 14, Trois-Rivières (Québec)  G9A 2G8",
    # romanised Japanese with the country after the code
    "2241-6 Ikeshita, Kakamigahara-shi, Gifu-ken 504-0812, JAPAN",
    "Apt. 12, Nagane 903-4, Hanno-shi, Saitama-ken 357-0063, Japan",
]


@pytest.mark.parametrize("address", WORLD)
def test_world_address_in_english_text_is_one_value(redactor: Redactor, address: str) -> None:
    assert addresses(redactor, f"Please ship the spare encoder to {address} by Friday.") == [address]


@pytest.mark.parametrize("address", WORLD)
def test_world_address_in_japanese_text_is_one_value(redactor: Redactor, address: str) -> None:
    assert addresses(redactor, f"来訪者：田村様（{address}）、案内は総務。") == [address]


@pytest.mark.parametrize(
    ("text", "first"),
    [
        # the writer's name or role before the address is not part of it
        (
            "Regards, Logistics, Lot 8 Blk 14, Carmelray Industrial Park, Canlubang, Laguna 4028 - ph 049",
            "Lot 8 Blk 14",
        ),
        ("attn Plant Office; ul. Składowa 44 lok. 3, 61-897 Poznań", "ul. Składowa 44 lok. 3"),
    ],
)
def test_world_address_stops_at_the_writer(redactor: Redactor, text: str, first: str) -> None:
    assert [a.split(",")[0] for a in addresses(redactor, text)] == [first]


@pytest.mark.parametrize(
    "text",
    [
        "Order 12, Lot 4, Qty 5000 shipped to Line 3.",
        "Press P-12, Bay 7, Cell 4, Oven O-3 at 21140 rpm.",
        "Moved Lot 5, Lot 6, Batch 20451 to the Warehouse 2 rack.",
        "Kiln K2, Dryer D-4, Mixer M-7 and Chiller CH-04 drew 10570 kWh in May.",
        "Tickets 4412, 4413, JOB 88123 closed; see NC/24/0312.",
    ],
)
def test_plant_lists_with_numbers_are_not_addresses(redactor: Redactor, text: str) -> None:
    assert addresses(redactor, text) == []


def test_world_address_right_after_a_field_colon(redactor: Redactor) -> None:
    # ： becomes : when the text is normalised; the address still starts right after it
    address = "3-14-2 Ikeshita, Kakamigahara-shi, Gifu 504-0812"
    assert addresses(redactor, f"配送先変更：{address} 山田様") == [address]
