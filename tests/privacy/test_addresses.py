from __future__ import annotations

import pytest

from edged.privacy import Redactor
from tests.privacy.conftest import found


def addresses(redactor: Redactor, text: str) -> list[str]:
    return [value for kind, value in found(redactor, text) if kind == "ADDRESS"]


@pytest.mark.parametrize(
    "address",
    [
        "東京都千代田区千代田1-1",
        "愛媛県町田市油井24丁目20番16号",
        "栃木県横浜市緑区京橋7丁目2番5号 台東アーバン646",
        "京都府青梅市丸の内ＪＰタワー37丁目12番15号",
        "島根県袖ケ浦市勝どき35丁目17番6号",
        "大阪市北区梅田1-2-3 梅田ビル5階",
        "愛知県豊田市トヨタ町1番地",
    ],
)
def test_japanese_addresses(redactor: Redactor, address: str) -> None:
    assert addresses(redactor, f"送付先は{address}の倉庫です。") == [address]


@pytest.mark.parametrize(
    "address",
    [
        "394 Martinez Orchard, Davisland, MT 20262",
        "9666 Maynard Dale Suite 102, Robinsonchester, WI 82637",
        "3592 Shelby Avenue Apt. 752, Caldwellchester, MH 82277",
        "12 W 5th St, New York, NY 10001-1234",
        "P.O. Box 1234, Springfield, IL 62701",
        "100 Main Street",
    ],
)
def test_english_addresses(redactor: Redactor, address: str) -> None:
    assert addresses(redactor, f"Ship to {address} by Friday.") == [address]


@pytest.mark.parametrize(
    "text",
    [
        "東京都大田区の工場で3号機が停止",
        "大田区の工場",
        "ポンプ2号機",
        "本社は東京都にあります",
        "Osaka plant, line 3",
    ],
)
def test_places_without_numbers_are_not_addresses(redactor: Redactor, text: str) -> None:
    assert addresses(redactor, text) == []
