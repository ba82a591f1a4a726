"""Person classes of the sixth round (initials, capitals after a role word, a name where only a
person stands, surname-comma-given with particles, Vietnamese names, Chinese names in Japanese
text), with values no evaluation set holds, and the plant text beside them that must stay."""

from __future__ import annotations

import pytest

from edged.privacy import Redactor
from tests.privacy.test_detector_classes import covered


def _persons(redactor: Redactor, text: str) -> list[str]:
    return [e.text for e in redactor.detect(text) if e.type == "PERSON"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Badge reissued to T. N. Venkataraman at Gate 3.", "T. N. Venkataraman"),
        ("Pass collected by P. V. NARASIMHAN on Monday.", "P. V. NARASIMHAN"),
        ("Signed: RAMASWAMY V. S. (QA)", "RAMASWAMY V. S."),
        ("Approved: Subramanyam, T. R.", "Subramanyam, T. R."),
    ],
)
def test_initials_before_and_after_a_surname(redactor: Redactor, text: str, name: str) -> None:
    assert covered(redactor, text, name), text


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("HOT WORK PERMIT - FIRE WATCH ANNELI KOSKINEN - AREA B", "ANNELI KOSKINEN"),
        ("CRANE LIFT PLAN - OPERATOR WIESŁAW KOPACZ - LOAD 4 T", "WIESŁAW KOPACZ"),
    ],
)
def test_capitals_after_a_role_word_in_a_line_of_capitals(redactor: Redactor, text: str, name: str) -> None:
    assert covered(redactor, text, name), text


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Please ask for Radomir at reception.", "Radomir"),
        ("Returned to the home address of Ebbesen.", "Ebbesen"),
        ("Wojtek here, the press is down again.", "Wojtek"),
        ("Parcel care of Ifeoma, building 2.", "Ifeoma"),
    ],
)
def test_one_name_where_only_a_person_stands(redactor: Redactor, text: str, name: str) -> None:
    assert covered(redactor, text, name), text


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Approved: Villaseñor Ortega, Iñaki.", "Villaseñor Ortega, Iñaki"),
        ("Visitor log: Haugland, Sigrid (Festo), signed 09:10.", "Haugland, Sigrid"),
        ("Approved: Ó Briain, Caoimhe.", "Ó Briain, Caoimhe"),
    ],
)
def test_surname_comma_given_with_particles(redactor: Redactor, text: str, name: str) -> None:
    assert covered(redactor, text, name), text


@pytest.mark.parametrize(
    "text",
    [
        "Ask for Maintenance at the gate.",
        "LOCKOUT TAGOUT - OPERATOR CHECK LIST - PRESS 4",
        "FIRE DOOR - OPERATOR TRAINING MODULE COMPLETE",
        "Grease here, then torque to 40 N·m.",
        "Stock here, please count it.",
        "Pallets go to the address of Warehouse 2.",
        "Ship it to Dayton, Ohio by UPS.",
        "Section A. B. Pump was drained.",
        "Checked at Zone A. Hall C. on Monday.",
    ],
)
def test_plant_text_in_those_positions_stays(redactor: Redactor, text: str) -> None:
    assert not _persons(redactor, text), text


@pytest.mark.parametrize(
    "text",
    [
        "オークマの旋盤をB棟に移設、据付は来月。",
        "ヤマゼン代理店からエアホースの見積が届いた。",
        "モノタロウで注文したグリスを受け入れた。",
        "品質クレーム連絡：浜松市様よりキズの報告。",
        "出荷先：日立製作所様、納期は金曜。",
        "苦情受付：大阪化学様より異物混入の連絡。",
        "試作品を静岡様へ発送。",
    ],
)
def test_katakana_makers_cities_and_companies_before_sama_stay(
    redactor: Redactor, text: str
) -> None:
    assert not _persons(redactor, text), text


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("来客：扶桑精機 山岸和男様、応接室へ案内。", "山岸和男"),
        ("古市様から電話がありました。", "古市"),
        ("マキタさんに治具の件を伝えた。", "マキタ"),
        ("西表班長へ報告済み。", "西表"),
    ],
)
def test_names_beside_makers_and_places_stay_names(redactor: Redactor, text: str, name: str) -> None:
    assert covered(redactor, text, name), text


@pytest.mark.parametrize(
    "text",
    [
        "品質クレーム連絡：仕入先様より73920418563に打痕。",
        "Audit scope: Line 4; product codes 1829301746 and 38291047.",
        "LOCKOUT mixer 2 Bay 4 2026-03-14 09:15 REF MNT-5521",
        "LOCKOUT conveyor Line 6 14/03/26 09:15 REF MNT-5522",
    ],
)
def test_bare_digit_runs_and_dates_after_a_place_are_no_phones(
    redactor: Redactor, text: str
) -> None:
    assert not [e for e in redactor.detect(text) if e.type == "PHONE"], text


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("If it leaks again, mobile 612480935 (Ana).", "612480935"),
        ("Her number is 11987604321, call after six.", "11987604321"),
        ("ログインできない件、連絡先９８２７３６４５０。", "９８２７３６４５０"),
    ],
)
def test_bare_mobiles_right_after_a_phone_word_stay_phones(
    redactor: Redactor, text: str, number: str
) -> None:
    assert covered(redactor, text, number), text


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("記入者：钱晓东　承認：", "钱晓东"),
        ("外注先担当韩雪梅さん（内線12）より納品。", "韩雪梅"),
        ("検収者：欧阳志强", "欧阳志强"),
        ("組合連絡：委員長冯晓红さままでご連絡を。", "冯晓红"),
        ("食堂アレルギー表　孔明君：卵", "孔明"),
        ("クレームについて谢丽娟課長補佐から説明。", "谢丽娟"),
    ],
)
def test_chinese_names_in_chinese_characters_in_japanese_text(
    redactor: Redactor, text: str, name: str
) -> None:
    assert covered(redactor, text, name), text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("王子様の像を設置。", "王子"),
        ("安全課長と成形係長が確認した。", "安全"),
        ("被災者刘强君が入院。", "君"),
    ],
)
def test_words_of_shared_characters_and_honorifics_are_no_chinese_names(
    redactor: Redactor, text: str, value: str
) -> None:
    start = text.index(value)
    hanzi = [e for e in redactor.detect(text) if e.detector == "zh_hanzi"]
    assert not [e for e in hanzi if e.start <= start < e.end], text


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("確認者：𠮷川　承認：済", "𠮷川"),
        ("返品伝票の宛名は濵口様。", "濵口"),
        ("社有車運転日報　運転者柏木　走行12km", "柏木"),
        ("被災者：鬼頭大輔（31歳）、発見者：同僚。", "鬼頭大輔"),
        ("幹事：スレシュ　パテル（内線4）", "スレシュ\u3000パテル"),
        ("受付：来社、ホスト小田切ゆうき氏。", "小田切ゆうき"),
    ],
)
def test_variant_kanji_and_names_after_the_role_words_of_shop_forms(
    redactor: Redactor, text: str, name: str
) -> None:
    assert covered(redactor, text, name), text


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        ("検収者：宇佐見修　承認：高木", "宇佐見修", "承認"),
        ("面談者：杉浦主任　転居先：未定", "杉浦", "主任"),
        ("被災者氏名（カナ）：オダ　ケン", "オダ", "氏名"),
    ],
)
def test_the_next_fields_label_and_a_title_stay_outside_the_name(
    redactor: Redactor, text: str, name: str, label: str
) -> None:
    assert covered(redactor, text, name), text
    start = text.index(label)
    assert not [e for e in redactor.detect(text) if e.start <= start < e.end], text


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Gloves issued to Vo Thi Hanh and two visitors.", "Vo Thi Hanh"),
        ("Uniform order for TRUONG Duc Long: size M.", "TRUONG Duc Long"),
        ("radio: bay 2 to dương văn tài, forklift clear", "dương văn tài"),
        ("Crane tag inspected by Huỳnh Ngọc Bích Trâm, reading 3.1 bar.", "Huỳnh Ngọc Bích Trâm"),
    ],
)
def test_vietnamese_names_surname_first(redactor: Redactor, text: str, name: str) -> None:
    assert covered(redactor, text, name), text


@pytest.mark.parametrize(
    "text",
    ["Do not use the lift before 10:00.", "Ha ha, the pump runs again.", "Le Mans race kit arrived."],
)
def test_english_words_shaped_like_vietnamese_surnames_stay(redactor: Redactor, text: str) -> None:
    assert not [e for e in redactor.detect(text) if e.detector == "vi_surname_given"], text


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Mileage claim by Núria Vidal i Soler: 12 miles.", "Núria Vidal i Soler"),
        ("Permit 9 issued to Mateo Herrera de la Fuente, gate B.", "Mateo Herrera de la Fuente"),
        ("Licence renewed for Karim al-Haddad (badge 4).", "Karim al-Haddad"),
        ("Leave: Yusuf ibn Salim (jury duty).", "Yusuf ibn Salim"),
        ("Next of kin O'Donoghue, Méabh, on file.", "O'Donoghue, Méabh"),
        ("Induction: MENON K. P. and two trainees.", "MENON K. P."),
    ],
)
def test_particles_inside_names_and_prefixed_surnames(
    redactor: Redactor, text: str, name: str
) -> None:
    assert covered(redactor, text, name), text


@pytest.mark.parametrize(
    "text", ["Check VALVE C. and MOTOR A. today.", "Parts from Line 3 y Pump B arrived."]
)
def test_plant_words_before_initials_and_particles_stay(redactor: Redactor, text: str) -> None:
    assert not _persons(redactor, text), text


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Dear Ing. Vlašić,\nplease find the PPAP attached.", "Vlašić"),
        ("Dear Sra. Quispe, the samples left today.", "Quispe"),
        ("Escort: Herr Oberholzer at gate 2.", "Oberholzer"),
    ],
)
def test_titles_plants_abroad_write(redactor: Redactor, text: str, name: str) -> None:
    assert covered(redactor, text, name), text


def test_a_found_name_is_masked_where_a_part_of_it_recurs(redactor: Redactor) -> None:
    text = "To: Okonjo, Adaeze\nSubject: spindle\n\nAdaeze, the spindle quote is late. Okonjo team is aware."
    for start in (text.index("Adaeze,"), text.index("Okonjo team")):
        assert any(e.start <= start < e.end for e in redactor.detect(text)), text[start:]


def test_common_words_of_a_found_name_are_not_masked_elsewhere(redactor: Redactor) -> None:
    text = "Signed by June Park. Park the forklift at bay 2 in June."
    spans = [(e.start, e.end) for e in redactor.detect(text)]
    for start in (text.index("Park the"), text.rindex("June")):
        assert not any(a <= start < b for a, b in spans), text[start:]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("refund to card on file, cardholder inés maría ruiz de alarcón", "inés maría ruiz de alarcón"),
        ("radio ch4: gate 3 to joão dos santos, truck clear", "joão dos santos"),
        ("spare key issued to björn van der berg, back by 18:00", "björn van der berg"),
    ],
)
def test_lowercase_names_with_accents_and_particles(redactor: Redactor, text: str, name: str) -> None:
    assert covered(redactor, text, name), text


@pytest.mark.parametrize(
    "text",
    [
        "radio ch4: gate 3 to dock 2, truck clear",
        "cardholder name is printed on the front",
        "spare key issued to the night shift, back by 18:00",
    ],
)
def test_lowercase_plant_words_after_those_cues_stay(redactor: Redactor, text: str) -> None:
    assert not _persons(redactor, text), text


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("玉掛け講習：宇津木、ブラウン・エミリー、张晓燕の3名が受講。", "ブラウン・エミリー"),
        ("財布の中に轟木隼名義の免許証があった。", "轟木隼"),
        ("カードとアナンド　シャルマ名義の保険証。", "アナンド\u3000シャルマ"),
    ],
)
def test_counted_lists_and_holders_of_cards(redactor: Redactor, text: str, name: str) -> None:
    assert covered(redactor, text, name), text


@pytest.mark.parametrize(
    "text",
    ["法人名義のカードで支払い。", "検査、梱包、出荷の2名で対応。", "会社名義の車両を返却。"],
)
def test_ordinary_words_before_meigi_and_miscounted_lists_stay(redactor: Redactor, text: str) -> None:
    assert not _persons(redactor, text), text
