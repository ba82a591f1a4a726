"""The round-10 format classes, each with values written for these tests: numbers in kanji digits,
disguised e-mail addresses, phone numbers read out in words, Japanese addresses without a
prefecture or with spaces between their parts, and European and Asian street addresses and
postcodes in English and Japanese text; and the plant text that only looks like them."""

from __future__ import annotations

import pytest

from edged.privacy import Redactor
from tests.privacy.conftest import found


def _types(redactor: Redactor, text: str) -> dict[str, str]:
    return {value: kind for kind, value in found(redactor, text)}


# -- numbers in kanji digits --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        ("夜間は〇九〇－五五一七－三〇二六へ連絡", "〇九〇－五五一七－三〇二六", "PHONE"),
        ("工場代表 〇五三九－二八－四四一〇（平日のみ）", "〇五三九－二八－四四一〇", "PHONE"),
        ('tel: "〇二二ー七一三ー九〇四八" }', "〇二二ー七一三ー九〇四八", "PHONE"),
        ("送付先〒九八〇－〇〇二一 仙台", "〒九八〇－〇〇二一", "POSTAL_CODE"),
    ],
)
def test_numbers_in_kanji_digits_are_found(redactor: Redactor, text: str, value: str, kind: str) -> None:
    assert _types(redactor, text).get(value) == kind


def test_kanji_counts_and_ordinals_stay(redactor: Redactor) -> None:
    text = "第一工場の二号機、令和七年三月に十二台更新、一二三四五六の順に点検"
    assert not [v for k, v in found(redactor, text) if k in ("PHONE", "POSTAL_CODE", "CARD_NUMBER")]


# -- disguised e-mail addresses -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "連絡メールkoji.m [at] mail-box [dot] co [dot] uk、承認済み",
            "koji.m [at] mail-box [dot] co [dot] uk",
        ),
        ("supplier contact b.ortiz (at) fastmail (dot) fm.", "b.ortiz (at) fastmail (dot) fm"),
        ("write to ana_k{at}correo.cl today", "ana_k{at}correo.cl"),
        ("mail ken.w at plantmail dot de for the drawings", "ken.w at plantmail dot de"),
        ("問い合わせはsato アット example ドット jp まで", "sato アット example ドット jp"),
        ("fwd to ops-desk [AT] tanaka-seiki [.] jp", "ops-desk [AT] tanaka-seiki [.] jp"),
    ],
)
def test_disguised_emails_are_one_span(redactor: Redactor, text: str, value: str) -> None:
    assert _types(redactor, text).get(value) == "EMAIL"


@pytest.mark.parametrize(
    "text",
    [
        "the press at cell.3 ran short",
        "meet at 10.30 at gate 2",
        "Line speed at 5 dot 2 m/s",
        "torque at [spec] 12 Nm",
        "we are at Site dot 3 today",
    ],
)
def test_at_and_dot_in_plain_sentences_are_not_emails(redactor: Redactor, text: str) -> None:
    assert "EMAIL" not in {k for k, _ in found(redactor, text)}


# -- phone numbers read out ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "[00:12:03] Speaker 2: you can text me on uh zero nine zero, four one seven two, "
            "double five eight three okay",
            "zero nine zero, four one seven two, double five eight three",
        ),
        (
            "my number is four one five, five five five, two six seven one",
            "four one five, five five five, two six seven one",
        ),
        (
            "reach him at plus four four seven nine one one two three four five six",
            "plus four four seven nine one one two three four five six",
        ),
        (
            "oh two oh seven nine four six oh nine five eight, ask for the desk",
            "oh two oh seven nine four six oh nine five eight",
        ),
        (
            "cell is zero eight zero dash six one two two dash four four nine one",
            "zero eight zero dash six one two two dash four four nine one",
        ),
    ],
)
def test_spoken_phone_numbers_are_found(redactor: Redactor, text: str, value: str) -> None:
    assert _types(redactor, text).get(value) == "PHONE"


@pytest.mark.parametrize(
    "text",
    [
        "we counted one two three four five six seven eight nine ten on the board",
        "step one, two, three, then four",
        "torque sequence five one three seven two six eight four nine for the head bolts",
    ],
)
def test_counts_read_out_are_not_phones(redactor: Redactor, text: str) -> None:
    assert "PHONE" not in {k for k, _ in found(redactor, text)}


# -- Japanese addresses without a prefecture, spaced, after a cue -----------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("住所 秋田県 大仙市 花館字中町 14-8、連絡先 090-4471-2093", "秋田県 大仙市 花館字中町 14-8"),
        (
            "現住所上川郡東神楽町ひじり野南2条3丁目4-7　ハイツ青葉203　メールは後日",
            "上川郡東神楽町ひじり野南2条3丁目4-7　ハイツ青葉203",
        ),
        ("排出場所坂井市丸岡町熊堂27-4-11　緊急連絡〇九〇－三三一二－七七〇八", "坂井市丸岡町熊堂27-4-11"),
        ("旧住所紫波郡矢巾町大字西徳田3丁目12番5号　マイナンバー済", "紫波郡矢巾町大字西徳田3丁目12番5号"),
        ("自宅鶴岡市 美咲町 5-9-30からバス", "鶴岡市 美咲町 5-9-30"),
        ("住所：帯広市西19条南4丁目22-6", "帯広市西19条南4丁目22-6"),
        ("在留カード住所瀬戸市みずのが丘3‐18‐2、母国連絡先", "瀬戸市みずのが丘3‐18‐2"),
        (
            "現住所長野県飯田市大字上郷別府8丁目21番4号 メゾン桜坂 305　メール",
            "長野県飯田市大字上郷別府8丁目21番4号 メゾン桜坂 305",
        ),
    ],
)
def test_japanese_addresses_are_whole(redactor: Redactor, text: str, value: str) -> None:
    assert _types(redactor, text).get(value) == "ADDRESS"


@pytest.mark.parametrize(
    "text",
    [
        "第2工場 3号ライン 4-5-6 の治具を交換",
        "作業場所 組立棟 2-3 番ベイ",
        "納品先 トヨタ自動織機 大府工場、部品 12-34-56",
        "保管場所 倉庫B 3-2-1 棚",
    ],
)
def test_plant_places_with_numbers_are_not_addresses(redactor: Redactor, text: str) -> None:
    assert "ADDRESS" not in {k for k, _ in found(redactor, text)}


# -- European, Korean, Gulf, Malaysian and Latin American addresses -----------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("lives at Hradecká 1184/7, 500 03 Hradec Králové, call", "Hradecká 1184/7, 500 03 Hradec Králové"),
        ("Remit-to now V Olšinách 2300/75, 100 00 Praha.", "V Olšinách 2300/75, 100 00 Praha"),
        ("on file Bulevar kralja Petra 44, 18000 Niš, Srbija;", "Bulevar kralja Petra 44, 18000 Niš, Srbija"),
        ("company address Radnička zona bb, 35000 Jagodina, escort", "Radnička zona bb, 35000 Jagodina"),
        ("Cesta v Mestni log 88, 1000 Ljubljana is the depot", "Cesta v Mestni log 88, 1000 Ljubljana"),
        ("deliver to H-7621 Pécs, Rákóczi út 12., then sign", "H-7621 Pécs, Rákóczi út 12."),
        ("Lieferung 4020 Linz, Industriezeile 47 bitte", "4020 Linz, Industriezeile 47"),
        ("送付先Słoneczna 14, 61-001 Poznań まで", "Słoneczna 14, 61-001 Poznań"),
        ("site (48058) Busan Haeundae-gu Centum-ro 55 gate 2", "(48058) Busan Haeundae-gu Centum-ro 55"),
        (
            "ship to 17, Sinsan-ro, Saha-gu, Busan 49434, Republic of Korea today",
            "17, Sinsan-ro, Saha-gu, Busan 49434, Republic of Korea",
        ),
        (
            "office Plot 2210, Al Quoz Industrial Area 3, P.O. Box 55012, Dubai, UAE",
            "Plot 2210, Al Quoz Industrial Area 3, P.O. Box 55012, Dubai, UAE",
        ),
        (
            "ship to Lot 9, Jalan Perindustrian 4, 14100 Simpang Ampat, Pulau Pinang, Malaysia",
            "Lot 9, Jalan Perindustrian 4, 14100 Simpang Ampat, Pulau Pinang, Malaysia",
        ),
        ("plant at Av. Industrial 882, Arequipa 04001, Perú.", "Av. Industrial 882, Arequipa 04001, Perú"),
    ],
)
def test_street_addresses_abroad_are_whole(redactor: Redactor, text: str, value: str) -> None:
    assert _types(redactor, text).get(value) == "ADDRESS"


@pytest.mark.parametrize(
    "text",
    [
        "Line speed 120, 4500 Units per shift",
        "Press Line 4, 2400 Strokes since the die change",
        "2024 Budget, Line 4 rework planned",
        "Paint zone 3, 2400 Cycles since overhaul",
        "Cell 7 reached 98.2 %, 1200 Parts OK",
        "Reflow Oven 3, 250 00 Pa vacuum test",
        "Robot Cell 2, 2025 Budget approved",
        "Mold 14, 1800 Seconds cure at 160 Degrees",
    ],
)
def test_plant_figures_after_a_comma_are_not_addresses(redactor: Redactor, text: str) -> None:
    assert "ADDRESS" not in {k for k, _ in found(redactor, text)}


# -- postcodes named as such -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Address change: new postcode 500 03; verified", "500 03"),
        ("receipt posted to the depot, postcode H-7621.", "H-7621"),
        ("Visitor badge: postcode 4020, deposit paid", "4020"),
        ("PSČ 602 00 Brno", "602 00"),
        ("postal code: 8010 on the form", "8010"),
    ],
)
def test_postcodes_right_after_a_postal_word(redactor: Redactor, text: str, value: str) -> None:
    assert _types(redactor, text).get(value) == "POSTAL_CODE"


@pytest.mark.parametrize(
    "text",
    [
        "postcode 2024-05-01 was the cut-over date",
        "postcode field left blank, 4500 units shipped",
        "the label shows 280 02 pieces and lot 4031",
    ],
)
def test_figures_near_a_postal_word_stay(redactor: Redactor, text: str) -> None:
    assert "POSTAL_CODE" not in {k for k, _ in found(redactor, text)}


# -- a phone cue right before or a call verb right after ---------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Shift Lead | Dock 4\nM: 617730055", "617730055"),
        ("高田様へ１１.２１０４.３２４４で連絡。", "１１.２１０４.３２４４"),
        ("佐久間さんに 0471336025 へ折り返し依頼", "0471336025"),
        ("PAGER >> ESC L2 >> CB 987 554 210", "987 554 210"),
    ],
)
def test_numbers_with_a_phone_cue_right_next_to_them(redactor: Redactor, text: str, value: str) -> None:
    assert _types(redactor, text).get(value) == "PHONE"


@pytest.mark.parametrize(
    "text",
    [
        "在庫 4500個で連絡済み",
        "ロット1234567へ連絡",
        "品番 0312345678 に電話で確認",
        "受注 7788123 で連絡票",
        "CB 3 tripped at 14:02, reset 2 times",
        "CB 1200 A frame, serial 4412 5567 8",
    ],
)
def test_figures_before_a_call_verb_stay(redactor: Redactor, text: str) -> None:
    assert "PHONE" not in {k for k, _ in found(redactor, text)}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("mail r.okafor @ lagos-steel.com.ng today", "r.okafor @ lagos-steel.com.ng"),
        ("mail r.okafor@lagos-steel[.]com today", "r.okafor@lagos-steel[.]com"),
        ("email j.mwangi at kisumu-fab.co.ke please", "j.mwangi at kisumu-fab.co.ke"),
        ("office Gedimino pr. 9, LT-01103 Vilnius today", "Gedimino pr. 9, LT-01103 Vilnius"),
        (
            "plant at Strada Fabricii nr. 12, 400632 Cluj-Napoca, Romania",
            "Strada Fabricii nr. 12, 400632 Cluj-Napoca, Romania",
        ),
        ("SK-811 01 Bratislava, Hlavná 5 is the office", "SK-811 01 Bratislava, Hlavná 5"),
        ("転居先横浜市港北区新横浜2-3-4　電話は後日", "横浜市港北区新横浜2-3-4"),
    ],
)
def test_more_spellings_of_the_same_classes(redactor: Redactor, text: str, value: str) -> None:
    assert _types(redactor, text).get(value) in ("EMAIL", "ADDRESS")


@pytest.mark.parametrize(
    "text",
    [
        "price @ unit.cost",
        "Cell 3 @ 45 rpm, line.speed",
        "配送先 倉庫3-2-1",
        "see the manual at www.example.com",
        "mail room at gate.b",
    ],
)
def test_rates_and_plant_places_stay(redactor: Redactor, text: str) -> None:
    assert not [k for k, _ in found(redactor, text) if k in ("EMAIL", "ADDRESS")]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "（書き起こし）拠点：A. Moyo　A-4020 Linz, Wiener straße 14.　090-5521-8830",
            "A-4020 Linz, Wiener straße 14.",
        ),
        (
            "copy to the buyer, Store HQ-4, Ras Al Khor 2, P.O. Box 51173, Dubai, UAE, phone",
            "Store HQ-4, Ras Al Khor 2, P.O. Box 51173, Dubai, UAE",
        ),
    ],
)
def test_an_address_ends_where_the_next_value_starts(redactor: Redactor, text: str, value: str) -> None:
    assert _types(redactor, text).get(value) == "ADDRESS"


def test_an_initial_after_the_town_is_not_the_town(redactor: Redactor) -> None:
    got = _types(redactor, "to Tovární 92, 293 01 Mladá Boleslav. to Hauptgasse 3, 8010 Graz K. Obi様")
    assert got.get("Tovární 92, 293 01 Mladá Boleslav") == "ADDRESS"
    assert got.get("Hauptgasse 3, 8010 Graz") == "ADDRESS"
