"""Round 11's English names in prose told by their slot (names_slots.py): the object of a role noun
or of a verb that takes a person, the subject of a person's verb at a clause's start, an initial and
a surname after a sign-off or in a list, lowercase or from outside every name list; and the hard
negatives those slots also hold (machines, places, acronyms, plant words, common nouns). Every
name, number and place here is invented for these tests; no evaluation set holds them."""

from __future__ import annotations

import pytest

from edged.privacy import Redactor
from tests.privacy.conftest import found
from tests.privacy.test_adversarial import assert_roughly_linear


def _persons(redactor: Redactor, text: str) -> list[str]:
    return [value for kind, value in found(redactor, text) if kind == "PERSON"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the object of a role noun, in any case, ending at punctuation or a verb
        (
            "Hot-work permit HW-2291: watcher assigned, attendant Nthabiseng, extinguisher checked.",
            "Nthabiseng",
        ),
        ("Lift plan LP-77: banksman Tumelo Mokoena, slinger on standby.", "Tumelo Mokoena"),
        ("Returns note: authorised rep ngozika eberechi-obi; credit due next month.", "ngozika eberechi-obi"),
        ("Badge printer jammed again; admin oddný hrafnsdóttir informed.", "oddný hrafnsdóttir"),
        ("Delivery slip 5521: consignee signature tawia kumordzie; pallet intact.", "tawia kumordzie"),
        ("Roof survey: pilot Tokala Red Cloud (remote ID), observer on the ground.", "Tokala Red Cloud"),
        ("Confined space log: entrant Thandiwe; rescue team on call.", "Thandiwe"),
        # the object of a verb or preposition that takes a person
        ("Overcharge at the canteen; refund by K. anak Ugak.", "K. anak Ugak"),
        ("Spill kit drill: the log was closed by lungile mthembu.", "lungile mthembu"),
        ("Alarm on chiller CH-2; ring Ops first then ngozika eberechi.", "ngozika eberechi"),
        ("MSDS pack: send to Linggi anak Sumbang, 14 Kauri Road, Hamilton 3204.", "Linggi anak Sumbang"),
        ("Front desk: the parcel for Thandiwe is in the cage.", "Thandiwe"),
        ("Gate log: driver paged, then the attendant radios T. Ngata.", "T. Ngata"),
        # the subject of a person's verb at a clause's start
        ("Guard rail loose at the mezzanine; Odhiambo confirmed.", "Odhiambo"),
        (
            "Belt tracking off again; ngozika eberechi re-tensioned it and Odhiambo noticed the wear.",
            "Odhiambo",
        ),
        ("Pallet stack leaning at Goods-in; nomvula dlamini reported it before lunch.", "nomvula dlamini"),
        ("SOC card: K. Obi guarded the nip point before clearing the jam.", "K. Obi"),
        ('Voicemail: "Nthabiseng here, please call back about the forklift."', "Nthabiseng"),
        ("[vpn] 0617h tumelo mokoena connected from the guest network", "tumelo mokoena"),
        ("Tax form queried; binti Osman confirmed the address.", "binti Osman"),
        # an initial and a surname after a sign-off or next in a list of people
        ("N1000 (PROG BY Tamsu Okeke / CHECKED T. Ng / 4 Mar 2027)", "T. Ng"),
        ("Audit team: Efe Abiodun, Tamsu Okeke and J. Wren; report to follow.", "J. Wren"),
    ],
)
def test_names_in_a_persons_slot_are_masked(redactor: Redactor, text: str, name: str) -> None:
    assert any(name in person for person in _persons(redactor, text)), found(redactor, text)


@pytest.mark.parametrize(
    "text",
    [
        "Attendant Bay 7 reported low oxygen; operator Press 4 restarted.",
        "Refund by card within 5 days; the job was closed by the supervisor.",
        "Delivery for Line 3 arrives at Dock 2; parcel for Goods-in.",
        "QA confirmed the batch; NCR raised; Maintenance approved the change.",
        "Andon triggered at Cell 5; Kaizen approved by management.",
        "The operator confirmed the torque; reset confirmed at 14:02.",
        "Pump 3 stopped; Line 2 reported a jam; Shift B confirmed.",
        "Call back before 08:45; then restart the chiller.",
        "Refund by BACS; booked by phone; sent by hand.",
        "Inspector approved PPAP for P/N 4411-A; auditor noted 3 findings.",
        "Send to stores, then to Dock 4; hand over to night shift.",
        "Parcel for the Reykjavik office; delivery for Hafnarfjordur plant on 12 Mar 2027.",
        "Customer signature required; admin rights granted; pilot run approved.",
        "Hydraulics confirmed OK, torque checked, qty confirmed 240 pcs.",
        "Operator error reported; driver fatigue noted.",
        "Temp 45 C here, humidity 60 %.",
        "Saw blade replaced by maintenance; operator saw the crack first.",
    ],
)
def test_slot_hard_negatives_stay(redactor: Redactor, text: str) -> None:
    assert _persons(redactor, text) == [], found(redactor, text)


def test_the_role_word_itself_is_no_part_of_the_name(redactor: Redactor) -> None:
    text = "Delivery slip 5521: customer signature tawia kumordzie; pallet intact."
    assert _persons(redactor, text) == ["tawia kumordzie"], found(redactor, text)


def test_the_slots_stay_linear(redactor: Redactor) -> None:
    def text(n: int) -> str:
        unit = "attendant radios T. Ngata; odhiambo mwangi confirmed it; refund by card. "
        return (unit * (n // len(unit) + 1))[:n]

    assert_roughly_linear(redactor, text)
