"""Values a record's key or position names (fields.py, fields_formats.py, fields_values.py): vCard,
LDIF, EDIFACT, SQL, key=value logs in both languages, license and session logs, host names that
hold their owner's name, delimited rows. Every value is invented for these tests; no evaluation
set holds them."""

from __future__ import annotations

import pytest

from edged.privacy import PrivacyConfig, Redactor
from edged.privacy.registry import Resources, build
from tests.privacy.test_adversarial import assert_roughly_linear

_OURS = ("field_slot", "record_format")


def _covered(redactor: Redactor, text: str, value: str, kind: str) -> bool:
    start = text.index(value)
    end = start + len(value)
    hits = [e for e in redactor.detect(text, "auto") if e.start < end and e.end > start]
    return bool(hits) and all(e.type == kind for e in hits) and min(e.start for e in hits) <= start
    # (the end may be covered by one or more spans of the same type)


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        # vCard (RFC 6350), one line or several
        ("BEGIN:VCARD VERSION:4.0 FN:Chibuike TEL;TYPE=cell:0803 555 0142 END:VCARD", "Chibuike", "PERSON"),
        ("BEGIN:VCARD\nFN:hemi parata\nEMAIL:h@example.nz\nEND:VCARD", "hemi parata", "PERSON"),
        ("BEGIN:VCARD FN:鬼怒川みのり TEL;TYPE=work:0155-22-0147 END:VCARD", "鬼怒川みのり", "PERSON"),
        (
            "BEGIN:VCARD FN:X ADR;TYPE=home:;;Kalnciema iela 44, Rīga LV-1046 END:VCARD",
            "Kalnciema iela 44, Rīga LV-1046",
            "ADDRESS",
        ),
        # LDIF / LDAP inetOrgPerson
        ("dn: cn=Tauri,ou=Plant2 mail: t@example.ee postalCode: 733", "Tauri", "PERSON"),
        ("dn: cn=Tauri,ou=Plant2 mail: t@example.ee postalCode: 733", "733", "POSTAL_CODE"),
        ("dn: cn=五十嵐谷　ゆかり,ou=第2工場 postalCode: LV-1046", "LV-1046", "POSTAL_CODE"),
        ("givenName: Oysha\nsn: Qodirova\ntelephoneNumber: 71 205 4410", "Qodirova", "PERSON"),
        # EDIFACT: the number glued to the segment's +, the contact's name, the party's name
        ("NAD+BY+++KOFI MENSAH+Ring Road 4+Accra' COM++233 30 277 0142:TE'", "+233 30 277 0142", "PHONE"),
        ("CTA+IC+:Ama Owusu' COM+0155-22-0147:TE'", "0155-22-0147", "PHONE"),
        ("CTA+IC+:Ama Owusu' COM+09012340147:AL'", "Ama Owusu", "PERSON"),
        ("NAD+BY+++KOFI MENSAH+Ring Road 4+Accra'", "KOFI MENSAH", "PERSON"),
        # SQL: a value aligned with its column, or the name of a people table's row
        (
            "INSERT INTO guests (full_name, badge, postcode) VALUES ('tane walker', 'B7', '9016');",
            "9016",
            "POSTAL_CODE",
        ),
        (
            "INSERT INTO guests (full_name, badge, postcode) VALUES ('tane walker', 'B7', '9016');",
            "tane walker",
            "PERSON",
        ),
        (
            "INSERT INTO staff_contacts VALUES ('Lupe Fiasili', 'l@example.ws', '0155-22-0147');",
            "Lupe Fiasili",
            "PERSON",
        ),
        ("INSERT INTO 社員 (氏名, 郵便番号) VALUES ('ちづる', '733');", "ちづる", "PERSON"),
        # key=value logs, English and Japanese keys
        ("press log 07:12 station=ST-4 operator=oysha qodirova result=OK", "oysha qodirova", "PERSON"),
        ("supplier form: company=Acme; contact_name=Tane; zip=9016", "Tane", "PERSON"),
        ('{"user": "kofi mensah", "host": "press-07"}', "kofi mensah", "PERSON"),
        ("検査票：工程=溶接；担当者=hemi parata；電話=0155-22-0147", "hemi parata", "PERSON"),
        ("温度記録 工具=溶接機2号 作業者=五百旗頭 判定=OK", "五百旗頭", "PERSON"),
        ("入館記録：来訪者百足屋、入館証B7", "百足屋", "PERSON"),
        # CNC and document headers
        ("O1201 (DRAWN BY T. Walker / CHECKED M. Owusu / REV C)", "M. Owusu", "PERSON"),
        ("; Author: Chibuike\n; Machine: VMC-3", "Chibuike", "PERSON"),
        # license, session and DHCP logs
        ('lmgrd: DENIED: "mastercam" oysha qodirova@robot cell RC-2', "oysha qodirova", "PERSON"),
        ("[vpn] 14:05 tane walker connected from 10.2.0.8", "tane walker", "PERSON"),
        ("DHCPACK on 10.2.0.8 to 00:1b:44:11:3a:b7 (chibuike-laptop) via eth0", "chibuike", "PERSON"),
        # vCard N's parts, XML elements (UBL), a CSV header's columns
        ("BEGIN:VCARD\nN:Mensah;Kofi;;;\nEND:VCARD", "Mensah;Kofi", "PERSON"),
        ("<cac:PostalAddress><cbc:PostalZone>733</cbc:PostalZone></cac:PostalAddress>", "733", "POSTAL_CODE"),
        ("<visitor><contact_name>tane walker</contact_name></visitor>", "tane walker", "PERSON"),
        ("full_name,badge,zip\nB. Owusu,B7,9016\nkofi mensah,B8,733", "733", "POSTAL_CODE"),
        ("full_name,badge,zip\nB. Owusu,B7,9016\nkofi mensah,B8,733", "kofi mensah", "PERSON"),
        # an SQL value with brackets inside its quotes
        (
            "INSERT INTO crew VALUES ('Lupe Fiasili', '+977 (0)61-613844', 'l@example.ws');",
            "Lupe Fiasili",
            "PERSON",
        ),
        # a Japanese postcode among a row's personal fields
        ("export: Tane Walker;tane@example.nz;733-0012;090-1234-0147", "733-0012", "POSTAL_CODE"),
        ("row: TANE WALKER;9146-0000-1234;733-0012;+81 (0)50 0000 0147", "733-0012", "POSTAL_CODE"),
    ],
)
def test_a_key_or_position_names_the_value(redactor: Redactor, text: str, value: str, kind: str) -> None:
    assert _covered(redactor, text, value, kind), redactor.detect(text, "auto")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # keys whose value is a machine, a tool, a station, a line
        (
            "trace 07:12 tool=laser marker LM-1 host=press-07 line=L3 station=ST-4 result=OK",
            "laser marker LM-1",
        ),
        ("trace 07:12 tool=laser marker LM-1 host=press-07 line=L3 station=ST-4 result=OK", "press-07"),
        # a person key holding an account, a team, a status, the plant's words, a number
        ("job=backup user=root owner=maintenance contact=reception", "root"),
        ("job=backup user=root owner=maintenance contact=reception", "maintenance"),
        ("job=backup user=root owner=maintenance contact=reception", "reception"),
        ("CHECKED: OK / op=20 / operator=cooling tower", "OK"),
        ("CHECKED: OK / op=20 / operator=cooling tower", "cooling tower"),
        # a parts table's name column, an order's figures
        ("INSERT INTO parts (part_no, name, qty) VALUES ('V12-0440', 'hex bolt', 40);", "hex bolt"),
        ("INSERT INTO orders (order_no, zip_total) VALUES ('PO-4410', '733');", "733"),
        # host names of machines
        ("DHCPACK on 10.2.0.8 to 00:1b:44:11:3a:b7 (press-pc) via eth0", "press"),
        ("DHCPACK on 10.2.0.8 to 00:1b:44:11:3a:b7 (office-laptop) via eth0", "office"),
        # a session opened by a machine, a license checked out to a service account
        ("[vpn] 14:05 HMI connected from 10.2.0.8", "HMI"),
        ('lmgrd: OUT: "mastercam" admin@cnc-3', "admin"),
        # administrative words after a glued Japanese key
        ("利用者登録、ユーザ権限（管理者）、作業者数=3", "利用者登録"),
        ("担当=品質保証課；作業者=プレス2号機", "品質保証課"),
        # a postcode-like figure in a row of parts, and no postal key at all
        ("BOM row: 733-0012;hex bolt;M8;40", "733-0012"),
        ("batch: qty=600; lot=733; line=L3", "733"),
        # a Japanese name's field, then the day's report in the same line
        ("【日報】5月2日 記入者：百足屋 本日はC棟のコンベヤー点検を実施。", "C棟"),
        ("【日報】5月2日 記入者：百足屋 本日はC棟のコンベヤー点検を実施。", "コンベヤー"),
        # a person field that names no one, a figure after a phone key, a name's honorific
        ("貸出記録 利用者：全員。報告者：匿名", "全員"),
        ("貸出記録 利用者：全員。報告者：匿名", "匿名"),
        ("stock: tel=12.400.500", "12.400.500"),
        ("来訪者：百足屋様（ヤマオカ）", "様"),
        # a CSV of parts, an XML item's name
        ("part_no,name,qty\nV12-0440,hex bolt,40", "hex bolt"),
        ("<item><name>hex bolt</name><qty>40</qty></item>", "hex bolt"),
    ],
)
def test_machines_parts_and_roles_stay(redactor: Redactor, text: str, value: str) -> None:
    start = text.index(value)
    end = start + len(value)
    ours = [
        e for e in redactor.detect(text, "auto") if e.detector in _OURS and e.start < end and e.end > start
    ]
    assert not ours, ours


@pytest.mark.parametrize(
    "shape",
    [
        "name=" + "a" * 50 + " ",
        "INSERT INTO t (name) VALUES ('x'",
        "COM+" + "1" * 30 + " ",
        "CTA+IC+:",
        "x-pc ",
        "利用者",
        "a;b;c;733-0012;",
    ],
)
def test_linear(shape: str) -> None:
    config = PrivacyConfig(mode="standard")
    ours = Redactor(config, [build(name, Resources(config)) for name in _OURS])
    assert_roughly_linear(ours, lambda n: (shape * (n // len(shape) + 1))[:n])
