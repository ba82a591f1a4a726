"""Japanese addresses whose blocks are written in kanji numerals (十七番六号), that carry the room
after their blocks (5-12-3-204), or the house and room of a company estate (社宅2号棟105号室).
Every value is invented for these tests; no evaluation set holds them."""

from __future__ import annotations

import pytest

from edged.privacy import Redactor
from tests.privacy.conftest import found


def addresses(redactor: Redactor, text: str) -> list[str]:
    return [value for kind, value in found(redactor, text) if kind == "ADDRESS"]


@pytest.mark.parametrize(
    "address",
    [
        "山形県天童市乱川四丁目二十八番十一号",
        "静岡県磐田市見付三丁目七番二十号 ハイツ見付302号室",
        "岡山県倉敷市水島西通二丁目十五番地",
        "青森県八戸市白銀町十二番五号",
        "群馬県太田市新井町5-12-3-204",
        "富山県高岡市戸出町3丁目18番地 社宅2号棟105号室",
        "高岡市戸出町3丁目18番地　社宅2号棟4階",
        "熊本県合志市須屋七丁目三番九号 ルミエール須屋2F",
    ],
)
def test_japanese_blocks_and_rooms_come_whole(redactor: Redactor, address: str) -> None:
    assert addresses(redactor, f"送付先：{address}　担当 総務課") == [address]


@pytest.mark.parametrize(
    ("text", "address"),
    [
        # 十番 is part of a town's name here; its blocks follow in figures
        ("東京都港区麻布十番2-7-5の倉庫へ搬入", "東京都港区麻布十番2-7-5"),
        # the house of a plant is no address without the town before it
        ("第3工場の2号棟105号室で点検。", None),
        ("社宅2号棟の給湯器を交換。", None),
    ],
)
def test_kanji_blocks_do_not_cut_or_invent(redactor: Redactor, text: str, address: str | None) -> None:
    assert addresses(redactor, text) == ([address] if address else [])
