"""Phone numbers of countries no region list names, told by what stands around them; IDD prefixes;
postal codes with a country's letters or right after a postal word; an IPv6 address with a port
after it; a number after a slash on a contact line; part numbers in the NNN-NNNN shape. Every value
is written for these tests (other countries, names, streets and numbers than any evaluation set),
with the plant text that only looks like them."""

from __future__ import annotations

import pytest

from edged.privacy import Redactor
from edged.privacy.phones_cued import find_cued_phones
from edged.privacy.postal_world import find_world_postal
from edged.privacy.structured import find_ip_addresses
from tests.privacy.conftest import found


def _types(redactor: Redactor, text: str) -> dict[str, str]:
    return {value: kind for kind, value in found(redactor, text)}


# -- national numbers with a phone word, a contact slot, a bracket after a name ----------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Gate pass issued, TEL 23 481 607, badge 7", "23 481 607"),
        ("Driver Kwabena Mensah, mobile 68 204 117, arrives at noon", "68 204 117"),
        ("card scan: Lead Welder / T. 0423 81190 / ops@example.org", "0423 81190"),
        ("[OCR] IVETA NOVAK | Te1 03361 5524 | E-maiI x@example.org", "03361 5524"),
        ("[OCR] IVETA NOVAK | TeI 61 733 208 | Planner", "61 733 208"),
        ("Weekly call: dial-in 62 518 904, pin follows by mail", "62 518 904"),
        ("Telefon: 4 812 3306 (Zentrale)", "4 812 3306"),
        ("Teléfono 2 345 6789, horario de oficina", "2 345 6789"),
        ("phone number: 9 4417 2280 for the night shift", "9 4417 2280"),
        ("please contact Oyelaran Adebayo at 83 410 295 before Friday", "83 410 295"),
        ("escalate: notify Brennan McCaul 0861 447302", "0861 447302"),
        ("for spares call Henrike van der Veen on 05 41 77 20 93", "05 41 77 20 93"),
        ("on-call: reach Saule Nurlanovna on 07412 6618 (ext 31) or by mail", "07412 6618"),
        ("Contact person: Amaru Quispe, 44 215 907", "44 215 907"),
        ("Shift leads: Farida Okonjo (0652 417809), Tomasz Wrona (55 907 213).", "0652 417809"),
        ("Shift leads: Farida Okonjo (0652 417809), Tomasz Wrona (55 907 213).", "55 907 213"),
        # a contact line: an e-mail address next to the number, an extension after it
        ("Kind regards,\nLiv Haugen\nPurchasing, liv.h@example.no, 03311.482207", "03311.482207"),
        ("Buyer\n0431 558120773 | mikko.aalto@example.fi", "0431 558120773"),
        ("GRETA LIND | EHS | 31906623318 ext 512", "31906623318 ext 512"),
        # an unbroken run as long as a number with its area code, after a whole name
        ("Next of kin T. Oyelowo, 4409817723.", "4409817723"),
        ("caller Dr. Milena Horvat (651904387) from the depot", "651904387"),
        # other ways of saying so: a possessive's number, a relation after next of kin, a label
        # with its number joined, the verb's own number after "at"/"on"
        ("Next of kin: Dilnoza Yusupova (sister) 93 604 1187", "93 604 1187"),
        ("Her number is 71 660 254, after six.", "71 660 254"),
        ("You can reach the weighbridge office at 22 730 418.", "22 730 418"),
        ("TEL.26 114 093 / FAX 26 114 094", "26 114 093"),
        ("Landline: 371 26 114 093", "371 26 114 093"),
        ("call-back number 71 660 254", "71 660 254"),
        ("SMS 71 660 254 when the truck arrives", "71 660 254"),
        ("Tel (office) 26 114 093", "26 114 093"),
        # a list of contacts goes on after the first number
        ("Contacts: Aigerim Sadykova 33 410 826, Jonas Petrauskas 61 207 554.", "61 207 554"),
        ("Rota: Ines Duarte (42 118 370); Kemal Aydin 57 903 214", "57 903 214"),
        ("Site contacts - Ines Duarte - 42 118 370", "42 118 370"),
        ("Kontakt: Jana Dvořáková 602 431 905", "602 431 905"),
    ],
)
def test_national_numbers_where_the_text_says_phone(redactor: Redactor, text: str, value: str) -> None:
    assert _types(redactor, text).get(value) == "PHONE", found(redactor, text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("買主：Teodora Ilieva様、携帯58 731 264、住所は追って連絡", "58 731 264"),
        ("サンプルを送付、連絡先46 902 318", "46 902 318"),
        ("携帯番号：83 115 604（夜間）", "83 115 604"),
        ("顧客窓口 Kofi Boateng様（0302 77 41 18）", "0302 77 41 18"),
        ("佐久間様へ0129883412107で連絡。", "0129883412107"),
        ("連絡は 26 114 093 まで", "26 114 093"),
        # a contact word, then a name, then the number
        ("連絡先：栗林 61 208 733", "61 208 733"),
        ("緊急連絡先は妻の花子、61 208 733", "61 208 733"),
        ("担当 Goran Petrović（61 208 733）", "61 208 733"),
        ("FAXは26 114 094", "26 114 094"),
        ("TEL（代表）26 114 093", "26 114 093"),
        # after a full-width slash on a contact line (NFKC makes it "/")
        ("問合せk.mori@example.jp／0587-22-9136", "0587-22-9136"),
        ("問合せ先 r.silva@example.pt／00351 21 384 7720", "00351 21 384 7720"),
    ],
)
def test_numbers_in_japanese_text_with_a_cue(redactor: Redactor, text: str, value: str) -> None:
    assert _types(redactor, text).get(value) == "PHONE", found(redactor, text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a trunk 0 and the area code, then the rest in one block (Britain, Germany)
        ("vehicle pass for Hall B; 07912 664081", "07912 664081"),
        ("send the laptop to Lena, 0341 97512286", "0341 97512286"),
        # the international prefix dialled from Europe, then the country code
        ("fax to 00 27 11 883 4105 today", "00 27 11 883 4105"),
        # a trunk 0 in brackets after a country that dials none, a bracket around the country code
        ("mobile +216 (0)52 804 317", "+216 (0)52 804 317"),
        ("call (+216) 52 804 317 today", "(+216) 52 804 317"),
    ],
)
def test_numbers_written_the_national_or_international_way(redactor: Redactor, text: str, value: str) -> None:
    assert _types(redactor, text).get(value) == "PHONE", found(redactor, text)


@pytest.mark.parametrize(
    "text",
    [
        "mobile crane lifted 12 500 kg to bay 4",
        "phone bill USD 1 250 000 approved",
        "Fax log 2026 05 10 08:30 received",
        "tel. log 2026-05-10, 14.05.2027 and 10/05/2026 checked",
        "Call 0830 1715 shift swap agreed",
        "contact the line leader about press 12 400 500",
        "contact QA about lot 12 345 678",
        "phone part no. 745 220 118 on back order",
        "Call-off quantity 12 400 500 for May",
        "ring gauge 45 600 712 calibrated",
        "Line 4 throughput (12 400 500 pcs) on target",
        "spare filter Bosch Rexroth (1 457 434 310) ordered",
        "Order 4471 829 330 for Maria Costa shipped",
        "Tool crib sign-out: A-0417-088 x2 to Chen Jing",
        "Total 1.250.000 parts, contact Ana Lima",
        "ロット1234567へ連絡",
        "受注 7788123 で連絡票",
        "部品 4417 2280 を携帯工具で締付",
        "see https://x.example/0587-22-9136 and 12/0587-22-9136",
        # a phone word with a reading, a count or a machine after it
        "Fax machine model 12 400 500 ordered",
        "Cell 4 produced 12 400 500 parts",
        "Text 12 345 678 appears on the label",
        "P: 1 013 250 Pa at the inlet",
        "M: 1 250 000 Nm torque limit",
        "T: 1 250 000 cycles",
        "Direct cost 12 400 500 JPY",
        "contact Press 4 at 12 400 500",
        "contact QA. Line 3 on 12 400 500 units",
        "call the supplier on 12 May about part 12 345 678",
        "reach 12 400 500 cycles before service",
        "Tel: 12.400.500",
        "hotline calls 12 400 500 this year",
        "携帯工具 12 400 500",
        "電話機 12 400 500台",
        "連絡事項：12 400 500 個出荷",
        "Supplier Acme Corp (123456789) and Ana (123456789) and Order Desk (123456789)",
        "notify Ana Lima re order 2709203628",
        "問合せ番号 12 345 678",
        "窓口：第2工場 12 400 500",
        "担当：組立 12 400 500個",
    ],
)
def test_figures_around_phone_words_stay(redactor: Redactor, text: str) -> None:
    assert "PHONE" not in {k for k, _ in found(redactor, text)}, found(redactor, text)


def test_a_figure_after_a_contact_number_is_not_the_next_contact(redactor: Redactor) -> None:
    text = "Call Ana Lima at 12 345 678, batch 98 765 432 shipped"
    assert [v for k, v in found(redactor, text) if k == "PHONE"] == ["12 345 678"]


def test_the_cued_finder_alone() -> None:
    text = "TEL 23 481 607; Line 3 (12 400 500); contact Ana Lima at 71 903 118"
    assert [text[s.start : s.end] for s in find_cued_phones(text)] == ["23 481 607", "71 903 118"]


# -- postal codes -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Office: Brīvības iela 40, LV-1050 Rīga", "LV-1050"),
        ("Ship to Nørregade 7, DK-1165 København K", "DK-1165"),
        ("Quito EC170402, Ecuador is the address", "EC170402"),
        ("エクアドル出張：Cuenca EC010203、担当 Diego Paz", "EC010203"),
    ],
)
def test_postal_codes_with_a_country_prefix_where_an_address_puts_them(text: str, value: str) -> None:
    assert [text[s.start : s.end] for s in find_world_postal(text)] == [value]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("new postcode EC092301 on file", "EC092301"),
        ("郵便番号EC060108、電話は後日", "EC060108"),
        ("postal code: SE-417 55 for the depot", "SE-417 55"),
        ("PLZ A-4020 Linz", "A-4020"),
        ("code postal F-69007 Lyon", "F-69007"),
        ("C.P. 44130 Guadalajara", "44130"),
        ("postcode 3521 KL, Utrecht", "3521 KL"),
        ("Postleitzahl 70173", "70173"),
        ("código postal 1200-195 Lisboa", "1200-195"),
        ("郵便番号：812 0011、福岡", "812 0011"),
        ("送付先〒 812 0011 福岡市", "〒 812 0011"),
    ],
)
def test_any_postal_shape_right_after_a_postal_word(redactor: Redactor, text: str, value: str) -> None:
    assert _types(redactor, text).get(value) == "POSTAL_CODE", found(redactor, text)


def test_a_named_postal_code_is_masked_wherever_it_stands(redactor: Redactor) -> None:
    text = "Visitor: Loja 110105, Ecuador, postcode 110105, badge 4"
    assert [v for k, v in found(redactor, text) if k == "POSTAL_CODE"] == ["110105", "110105"]


@pytest.mark.parametrize(
    "text",
    [
        "chiller CH-4000 Series installed",
        "Press PL-2040 Valve replaced",
        "order EC170135 shipped",
        "Model AT12345, checked",
        "Motor EC200500, Fan EC2005, VAT DE12345 noted",
        "postcode 2026-05-10 was the cut-over date",
        "postcode field blank; 4500 units, 4500 units again",
    ],
)
def test_prefixed_figures_that_are_not_postal_codes_stay(redactor: Redactor, text: str) -> None:
    assert "POSTAL_CODE" not in {k for k, _ in found(redactor, text)}, found(redactor, text)


@pytest.mark.parametrize(
    "text",
    [
        "輸出インボイス：部品612-4408　出荷済",
        "ERP変更：品目部品305-9921の保管場所",
        "図面 447-2210 改訂B",
        "図番447-2210、型式118-3300、治具551-0042",
        "郵便番号160-0023、部品612-4408",
    ],
)
def test_part_words_before_the_japanese_postal_shape(redactor: Redactor, text: str) -> None:
    values = [v for k, v in found(redactor, text) if k == "POSTAL_CODE"]
    assert values == (["160-0023"] if "郵便番号" in text else []), values


def test_strict_mode_leaves_a_number_named_as_a_part_in_either_language(strict_redactor: Redactor) -> None:
    # strict masks unclaimed runs of seven digits or more; a figure its writer named as a part is
    # claimed, in Japanese as in English (part 612-4408), unless the text names it a postcode too
    assert found(strict_redactor, "輸出インボイス：部品612-4408　出荷済") == []
    assert found(strict_redactor, "Export invoice: part 612-4408 shipped") == []
    assert ("POSTAL_CODE", "612-4408") in found(strict_redactor, "部品612-4408、郵便番号612-4408")


# -- IPv6 with a port after it ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("allow 2001:0db8:0000:0000:0a1b:2c3d:4e5f:6071:8443 in", "2001:0db8:0000:0000:0a1b:2c3d:4e5f:6071"),
        ("allow 2001:db8:0:0:1:2:3:4:22 in", "2001:db8:0:0:1:2:3:4"),
        ("allow fe80::1:8080 in", "fe80::1:8080"),  # a valid address as written: all of it
        ("allow ::ffff:10.40.7.19:502 in", "::ffff:10.40.7.19"),
    ],
)
def test_ipv6_with_a_port_after_it(text: str, value: str) -> None:
    # (an IPv4-mapped address also yields its IPv4 tail; the longer span wins when settled)
    assert [text[s.start : s.end] for s in find_ip_addresses(text) if s.detector == "ipv6"] == [value]


def test_ipv4_with_octets_padded_to_three_digits() -> None:
    text = "HMI at 192.168.004.021, firmware 001.002.003.004"
    assert [text[s.start : s.end] for s in find_ip_addresses(text)] == ["192.168.004.021"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("MAC 00 1B 63 84 45 E6 on the label", "00 1B 63 84 45 E6"),
        ("mac: 0a 1b 2c 3d 4e 5f and more", "0a 1b 2c 3d 4e 5f"),
    ],
)
def test_a_mac_written_in_spaced_pairs_after_its_word(redactor: Redactor, text: str, value: str) -> None:
    assert _types(redactor, text).get(value) == "MAC_ADDRESS", found(redactor, text)


@pytest.mark.parametrize(
    "text",
    [
        "row 10 20 3A 40 50 60 on the sheet",  # no MAC word
        "MAC 0A 11 22 33 44 55 66 77 is a longer hex row",  # eight pairs, not six
    ],
)
def test_spaced_pairs_that_are_no_mac_stay(redactor: Redactor, text: str) -> None:
    assert "MAC_ADDRESS" not in {k for k, _ in found(redactor, text)}, found(redactor, text)


def test_nine_groups_without_a_port_are_no_address() -> None:
    text = "hash 2001:0db8:0000:0000:0a1b:2c3d:4e5f:6071:abcd end"
    assert list(find_ip_addresses(text)) == []
