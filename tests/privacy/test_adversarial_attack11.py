"""Inputs found by attacking the eleventh round's privacy rules from outside: the record fields
(field_slot), the names told by their slot (name_slot_*), and the plant text beside them that
standard mode must leave alone. Every input is written for these tests."""

from __future__ import annotations

import base64
from collections.abc import Callable

import pytest

from edged.errors import EdgedError
from edged.privacy import Redactor
from tests.privacy.test_adversarial import assert_roughly_linear, checked

_NEW_RULES = ("field_slot", "record_format", "name_slot")


def _new_rule_findings(redactor: Redactor, text: str) -> list[tuple[str, str]]:
    """What the eleventh round's rules find (older rules have their own tests)."""
    return [(e.type, e.text) for e in redactor.detect(text) if e.detector.startswith(_NEW_RULES)]


# -- a person's verb after a role word is no name ----------------------------------------------------
# The object of a role word (operator, pilot, guard, host) took a lowercase word that English has
# only through its stem: rebooted, relit, overrode, interlocked, badged, reseated.


@pytest.mark.parametrize(
    "text",
    [
        "the operator rebooted the HMI",
        "Host Controller rebooted at 03:00.",
        "host rebooted",
        "pilot relit at 06:10",
        "guard interlocked",
        "supervisor overrode the interlock",
        "operator badged in",
        "then reseated the card",
        "technician recalibrates sensor 4",
    ],
)
def test_a_verb_after_a_role_word_is_no_name(redactor: Redactor, text: str) -> None:
    assert _new_rule_findings(redactor, text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("operator tiwonge banda restarted press 4", "tiwonge banda"),
        ("called rashed at 10:00", "rashed"),
        ("Pilot Wambli Two Bulls (remote ID)", "Wambli Two Bulls"),
        ("attendant radios J. Oh-uchi", "J. Oh-uchi"),
    ],
)
def test_a_name_after_a_role_word_is_still_found(redactor: Redactor, text: str, name: str) -> None:
    redacted, _ = redactor.redact(text)
    assert name not in redacted


# -- a record's person field holding a service account, a process or a machine ------------------------


@pytest.mark.parametrize(
    "text",
    [
        "2026-11-30 08:12:03 op=press status=ok",
        "job=backup user=svc-backup rc=0",
        "user=sa_sql db=mes",
        "owner=etl.runner schedule=nightly",
        "tech=laser welding",
        "author=ERP export",
        "approvedBy=MES sync",
        "AUTHOR=ERP EXPORT",
        "検査員：外注",
        "作業者：協力会社",
        "担当：派遣社員",
    ],
)
def test_a_person_field_holding_no_person_is_left(redactor: Redactor, text: str) -> None:
    assert _new_rule_findings(redactor, text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("op=tiwonge banda status=ok", "tiwonge banda"),
        ("user=tiwonge.banda", "tiwonge.banda"),
        ("owner=King White", "King White"),
        ("operator=Grace Mill", "Grace Mill"),
        ("検査員：御子柴 心春", "御子柴 心春"),
    ],
)
def test_a_person_field_holding_a_person_is_still_found(redactor: Redactor, text: str, name: str) -> None:
    assert ("PERSON", name) in _new_rule_findings(redactor, text)


# -- a date after a phone key is the log's time stamp -----------------------------------------------


@pytest.mark.parametrize(
    "text", ["fax: 2026-11-30 08:12", "tel=30.11.2026", "Phone: 2026/11/30", "mobile: 30-11-2026 06:00"]
)
def test_a_date_after_a_phone_key_is_no_phone(redactor: Redactor, text: str) -> None:
    assert [f for f in _new_rule_findings(redactor, text) if f[0] == "PHONE"] == []


@pytest.mark.parametrize(
    ("text", "phone"),
    [("fax: 03-1234-5678", "03-1234-5678"), ("tel=+44 20 7946 0958", "+44 20 7946 0958")],
)
def test_a_phone_after_a_phone_key_is_still_found(redactor: Redactor, text: str, phone: str) -> None:
    redacted, _ = redactor.redact(text)
    assert phone not in redacted


# -- a vCard's address parts are no keys; a key's parameters still end the value before it ------------


def test_a_vcard_address_with_its_parts_is_found(redactor: Redactor) -> None:
    card = (
        "BEGIN:VCARD\nVERSION:4.0\nFN:tiwonge banda\n"
        "ADR;TYPE=home:;;12 Triq il-Kbira;Mosta;;MST 1234;Malta\nEND:VCARD"
    )
    redacted, _ = redactor.redact(card)
    for secret in ("tiwonge banda", "Triq il-Kbira", "MST 1234"):
        assert secret not in redacted
    assert "BEGIN:VCARD" in redacted
    assert "ADR;TYPE=home:" in redacted


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("FN:Ana Sousa TEL;TYPE=cell:+351 912 345 678", "Ana Sousa"),
        ("FN:tiwonge banda TEL;CELL;VOICE:+351 912 345 678", "tiwonge banda"),
    ],
)
def test_a_flattened_vcard_name_ends_before_the_next_key(redactor: Redactor, text: str, name: str) -> None:
    assert ("PERSON", name) in _new_rule_findings(redactor, text)


# -- LDIF's base64 values -----------------------------------------------------------------------------


def _b64(value: str) -> str:
    return base64.b64encode(value.encode("utf-8")).decode("ascii")


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        (f"cn:: {_b64('tiwonge banda')}", "PERSON"),
        (f"displayName:: {_b64('中野 楓')}", "PERSON"),
        (f"postalCode::{_b64('724-0093')}", "POSTAL_CODE"),
        (f"telephoneNumber:: {_b64('+81 90 1234 5678')}", "PHONE"),
    ],
)
def test_an_ldif_base64_value_is_read_as_its_key_says(redactor: Redactor, line: str, kind: str) -> None:
    text = f"dn: uid=x1,ou=People,dc=plant\n{line}\nobjectClass: inetOrgPerson"
    encoded = line.rsplit(":", maxsplit=1)[-1].strip()
    assert (kind, encoded) in _new_rule_findings(redactor, text)


@pytest.mark.parametrize(
    "line",
    [
        f"cn:: {_b64('Press Line 4')}",  # a machine's entry
        f"description:: {_b64('tiwonge banda')}",  # no person key
        "cn:: not*base64",
        f"cn:: {base64.b64encode(bytes([0xFF, 0xFE, 0x00])).decode()}",  # no UTF-8 text
    ],
)
def test_an_ldif_base64_value_that_names_no_one_is_left(redactor: Redactor, line: str) -> None:
    text = f"dn: cn=x,ou=Assets,dc=plant\n{line}"
    assert [f for f in _new_rule_findings(redactor, text) if f[1] in line] == []


# -- bounded time and odd input ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "unit",
    [
        "FN:a TEL;T=x;U=y;V=z ",  # parameters that never reach their colon
        "cn:: QUFB\n",  # base64 lines
        "cn:: " + "QUFB" * 3,  # one long base64 value, no line end
        "fax: 2026-11-30 ",
        "operator rebooted ",
        "a b;c;d;e ",
    ],
)
def test_the_new_field_shapes_take_roughly_linear_time(redactor: Redactor, unit: str) -> None:
    assert_roughly_linear(redactor, lambda n: (unit * (n // len(unit) + 1))[:n])


@pytest.mark.parametrize(
    "text",
    [
        "FN:\x00ana\x07 sousa\x1b;TEL;TYPE=cell:\x7f+351 912",
        "op=" + "a" * 65_536,
        "ADR;TYPE=home:;;" + "12 Triq " * 8_192,
        "担当=ana sousa；氏名：Ωμέγα Ивaнов 御子柴 operator Ана rebooted",
    ],
)
def test_odd_input_does_not_crash_the_field_rules(redactor: Redactor, text: str) -> None:
    checked(redactor, text)


def test_a_lone_surrogate_in_a_record_is_refused_with_a_code(redactor: Redactor) -> None:
    with pytest.raises(EdgedError) as refused:
        redactor.detect("cn:: \ud800QUFB\nuid=\udfff")
    assert refused.value.code == "bad_text"


# -- a count after a postal word's figure, a measure after a Nordic street's figure --------------------


@pytest.mark.parametrize(
    "text",
    [
        "The postcode 101 rows failed validation",
        "postal code 600 errors in the ERP import",
        "郵便番号 120件 エラー",
    ],
)
def test_a_count_after_a_postal_word_is_no_postcode(redactor: Redactor, text: str) -> None:
    assert [e for e in redactor.detect(text) if e.type == "POSTAL_CODE"] == []


@pytest.mark.parametrize(
    ("text", "code"),
    [("postcode 101 Reykjavík", "101"), ("Póstnúmer: IS-730", "IS-730"), ("postal code 600, Iceland", "600")],
)
def test_a_postcode_after_a_postal_word_is_still_found(redactor: Redactor, text: str, code: str) -> None:
    redacted, _ = redactor.redact(text)
    assert code not in redacted


@pytest.mark.parametrize(
    "text", ["Tank Kerfisvegur 12, 200 Bar", "Borgarvegur 12, 300 Litres", "Prófgata 3, 1200 Hours"]
)
def test_a_measure_after_a_nordic_street_shape_is_no_address(redactor: Redactor, text: str) -> None:
    assert [e for e in redactor.detect(text) if e.type == "ADDRESS"] == []


def test_a_nordic_address_is_still_found(redactor: Redactor) -> None:
    redacted, _ = redactor.redact("Deliver to Laugavegur 9, IS-101 Reykjavík today")
    assert "Laugavegur 9" not in redacted


# -- a place before the head of a site --------------------------------------------------------------


@pytest.mark.parametrize("text", ["東京センター長へ連絡", "大阪支店長の承認"])
def test_a_place_before_a_sites_head_is_no_name(redactor: Redactor, text: str) -> None:
    assert [e for e in redactor.detect(text) if e.type == "PERSON"] == []


@pytest.mark.parametrize(("text", "name"), [("伊藤センター長へ連絡", "伊藤"), ("林支店長に報告", "林")])
def test_a_surname_before_a_sites_head_is_still_found(redactor: Redactor, text: str, name: str) -> None:
    redacted, _ = redactor.redact(text)
    assert name not in redacted


# English words that make a name (the rule for processes must not take them)
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("contact=Naw Paw Say", "Naw Paw Say"),
        ("cn=Vale Forge,ou=Plant3", "Vale Forge"),
        ("owner=Rose Hill", "Rose Hill"),
        ("NAD+ST+++VALE FORGE+12 Main St'", "VALE FORGE"),
    ],
)
def test_a_name_of_english_words_in_a_person_field_is_found(redactor: Redactor, text: str, name: str) -> None:
    assert ("PERSON", name) in _new_rule_findings(redactor, text)


# -- a key in single quotes (a Python dict's repr, a YAML record) ------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("{'operator': 'tiwonge banda', 'line': 4}", "tiwonge banda"),
        ("- 'contact': 'Ana Sousa'", "Ana Sousa"),
    ],
)
def test_a_single_quoted_key_says_what_its_value_is(redactor: Redactor, text: str, name: str) -> None:
    assert ("PERSON", name) in _new_rule_findings(redactor, text)


@pytest.mark.parametrize(
    "text",
    [
        "{'name': 'hex bolt M8', 'qty': 4}",
        "{'user': 'svc-backup', 'op': 'press'}",
        "the operator's 'shift' = B",
    ],
)
def test_a_single_quoted_key_of_no_person_is_left(redactor: Redactor, text: str) -> None:
    assert _new_rule_findings(redactor, text) == []


# -- a machine's English name as the subject of a person's verb ---------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Sorter reported jam at chute 4.",
        "Loadcell reported zero.",
        "Autoloader confirmed.",
        "Cutter reported wear.",
    ],
)
def test_a_machines_english_name_before_a_persons_verb_is_no_name(redactor: Redactor, text: str) -> None:
    assert _new_rule_findings(redactor, text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Woldegiorgis confirmed.", "Woldegiorgis"),
        ("Sandoval confirmed the count.", "Sandoval"),
        ("Chikondi reported it.", "Chikondi"),
    ],
)
def test_a_name_before_a_persons_verb_is_still_found(redactor: Redactor, text: str, name: str) -> None:
    redacted, _ = redactor.redact(text)
    assert name not in redacted


# one long word in a person's slot: the stem and compound checks look at each word a bounded
# number of times
@pytest.mark.parametrize(
    "text",
    [
        lambda n: "operator " + "re" + "a" * n + "ed",
        lambda n: "A" + "a" * n + " confirmed.",
        lambda n: "op=" + "a" * n,
    ],
)
def test_one_long_word_in_a_persons_slot_takes_roughly_linear_time(
    redactor: Redactor, text: Callable[[int], str]
) -> None:
    assert_roughly_linear(redactor, text)
