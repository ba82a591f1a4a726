"""Each fixed-shape detector: the forms people write, glued and full-width ones, and the hard
negatives that must stay in the text."""

from __future__ import annotations

import pytest

from edged.privacy import Redactor
from edged.privacy.checks import card_brand, luhn, my_number, my_number_check_digit
from tests.privacy.conftest import found


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("メールはtaro@example.co.jpまで", "taro@example.co.jp"),
        ("Email:a.b-c+tag@plant.example.com.", "a.b-c+tag@plant.example.com"),
        ("連絡先ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏｍへ", "ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏｍ"),
    ],
)
def test_email(redactor: Redactor, text: str, value: str) -> None:
    assert ("EMAIL", value) in found(redactor, text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("電話は03-1234-5678まで", "03-1234-5678"),
        ("TEL０３－１２３４－５６７８です", "０３－１２３４－５６７８"),
        ("携帯09012345678に", "09012345678"),
        ("携帯090ー1234ー5678", "090ー1234ー5678"),
        ("代表(03)1234-5678", "(03)1234-5678"),
        ("フリーダイヤル0120-123-456", "0120-123-456"),
        ("海外から+81 3-1234-5678へ", "+81 3-1234-5678"),
        ("TEL03-1234-5678", "03-1234-5678"),
        ("（090-1234-5678）", "090-1234-5678"),
        ("call +1 415-867-5309 now", "+1 415-867-5309"),
        ("call (415) 867-5309.", "(415) 867-5309"),
        ("call 415.867.5309", "415.867.5309"),
        ("London office +44 20 7946 0958", "+44 20 7946 0958"),
    ],
)
def test_phone(redactor: Redactor, text: str, value: str) -> None:
    assert ("PHONE", value) in found(redactor, text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("〒100-0001 東京都千代田区", "〒100-0001"),  # the mark is part of the value
        ("〒１００－０００１", "〒１００－０００１"),
        ("the ZIP for the warehouse is 62704-1234", "62704-1234"),
        ("postcode LS6 2AB", "LS6 2AB"),
        ("郵便番号：1000001の倉庫", "1000001"),
        ("postal code 100-0001", "100-0001"),
    ],
)
def test_postal_code(redactor: Redactor, text: str, value: str) -> None:
    assert ("POSTAL_CODE", value) in found(redactor, text)


def test_my_number_check_digit() -> None:
    assert my_number("123456789018")
    assert not my_number("123456789012")
    body = "98765432101"
    assert my_number(body + my_number_check_digit(body))


@pytest.mark.parametrize(
    "form", ["123456789018", "1234-5678-9018", "1234 5678 9018", "１２３４５６７８９０１８"]
)
def test_my_number_forms(redactor: Redactor, form: str) -> None:
    assert ("MY_NUMBER", form) in found(redactor, f"マイナンバー{form}を提出")


@pytest.mark.parametrize(
    ("number", "brand"),
    [
        ("4111111111111111", "visa"),
        ("5555555555554444", "mastercard"),
        ("2221000000000009", "mastercard"),
        ("2720992720992729", "mastercard"),
        ("3530111333300000", "jcb"),
        ("378282246310005", "amex"),
    ],
)
def test_card_brands(redactor: Redactor, number: str, brand: str) -> None:
    assert luhn(number)
    assert card_brand(number) == brand
    grouped = (
        " ".join([number[:4], number[4:10], number[10:]])
        if brand == "amex"
        else "-".join(number[i : i + 4] for i in range(0, 16, 4))
    )
    for form in (number, grouped):
        assert ("CARD_NUMBER", form) in found(redactor, f"カード{form}で決済")


def test_card_followed_by_expiry(redactor: Redactor) -> None:
    assert ("CARD_NUMBER", "4111 1111 1111 1111") in found(redactor, "card 4111 1111 1111 1111 12/27")


def test_card_failing_luhn_is_not_flagged(redactor: Redactor) -> None:
    assert found(redactor, "serial 4111111111111112") == []  # Luhn fails
    assert found(redactor, "at 20240512143000 it stopped") == []  # a compact timestamp


@pytest.mark.parametrize(
    "number",
    [
        "6011000990139424",  # Discover
        "2721000000000004",  # past the 2-series Mastercard table: a table may not veto
        "3530 1113 3330 0000",  # JCB
        "6212-3456-7890-1232",  # UnionPay
        "5078601870000000000",  # private label, 19 digits
        "6759 6498 2643 8453",  # Maestro
    ],
)
def test_any_luhn_valid_card_length_number_is_a_card(redactor: Redactor, number: str) -> None:
    assert card_brand("2721000000000000") is None  # the brand table stays narrow; it only informs
    assert ("CARD_NUMBER", number) in found(redactor, f"ref {number} noted")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("PLC(192.168.10.5)と通信", "192.168.10.5"),
        ("アドレス１９２．１６８．０．１で", "１９２．１６８．０．１"),
        ("host fe80::1%eth0 down", "fe80::1"),
        ("v6 2001:db8:0:0:8:800:200c:417a.", "2001:db8:0:0:8:800:200c:417a"),
        ("camera 2001:db8::ff00:42:8329 offline", "2001:db8::ff00:42:8329"),
    ],
)
def test_ip_addresses(redactor: Redactor, text: str, value: str) -> None:
    assert ("IP_ADDRESS", value) in found(redactor, text)


@pytest.mark.parametrize(
    "value",
    ["00:1A:2B:3C:4D:5E", "00-1a-2b-3c-4d-5e", "001a.2b3c.4d5e", "ｂｄ：ａｆ：ｄ２：ｅ９：６ｂ：５ｅ"],
)
def test_mac_addresses(redactor: Redactor, value: str) -> None:
    assert ("MAC_ADDRESS", value) in found(redactor, f"端末（MAC：{value}）を交換")


def test_url_credentials(redactor: Redactor) -> None:
    text = "設定にftp://admin:s3cret@10.0.0.5/logsが残っていた"
    assert found(redactor, text) == [("URL_CREDENTIALS", "admin:s3cret"), ("IP_ADDRESS", "10.0.0.5")]


@pytest.mark.parametrize(
    "text",
    [
        "2024-05-12 14:30:00に停止",
        "at 2024/05/12 14:30 the line stopped",
        "timestamp 20240512143000",
        "12:30:45 restart",
        "品番4520-118-03を交換",
        "P/N 86091-3909",
        "LOT-20240512-0034",
        "Lot 0956820882 passed",
        "ロット353799-075の抜き取り",
        "エラーE-1024、ERR404、0x1F3A、AL0771",
        "注文番号123456789012",  # 12 digits, wrong My Number check digit
        "order 177642656515",
        "炉内温度85.5℃、-12.5 °C、1200度",
        "firmware v1.2.3.4",
        "ポンプ3号機とライン2",
        "part 12-34-56-78-90-12",
    ],
)
def test_hard_negatives_are_not_flagged(redactor: Redactor, text: str) -> None:
    assert found(redactor, text) == []


def test_site_patterns_with_validation(site_redactor: Redactor) -> None:
    assert ("EMPLOYEE_ID", "EMP-123456") in found(site_redactor, "社員番号EMP-123456を登録")
    assert ("EMPLOYEE_ID", "ＥＭＰ－１２３４５６") in found(site_redactor, "社員番号ＥＭＰ－１２３４５６")
    assert found(site_redactor, "XEMP-1234567") == []  # glued to more letters and digits
    assert ("MACHINE_SERIAL", "SN-AB123455") in found(site_redactor, "装置SN-AB123455の点検")  # Luhn ok
    assert found(site_redactor, "装置SN-AB123456の点検") == []  # Luhn fails
