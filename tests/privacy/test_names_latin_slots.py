"""Latin-script names told by the slot they fill (names_latin_slots.py): a name and an initial,
capitals before a given name, a chat line's speaker, one name in a list or before a phone, after
per or an acknowledgement. Every value is invented for these tests; no evaluation set holds them."""

from __future__ import annotations

import pytest

from edged.privacy import Redactor
from tests.privacy.conftest import found


def persons(redactor: Redactor, text: str) -> list[str]:
    return [value for kind, value in found(redactor, text) if kind == "PERSON"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Maintenance: Dagny V. swapped the coupling on Press 3.", "Dagny V."),
        ("From: Plant IT | To: Bolat K. | Subj: badge reader", "Bolat K."),
        ("Ping @Ivo R. - the HMI on Line 2 froze.", "Ivo R."),
        ("New hire Oriol T.: locker 118, shift B.", "Oriol T."),
        ("Oriol T.さんの端末を交換。", "Oriol T."),
        ("Visitor host Brennan Q. (tel 0412 555 019)", "Brennan Q."),
        ("Expense: KOWALEWSKA-BRZOZA Halina paid the courier.", "KOWALEWSKA-BRZOZA Halina"),
        ("Visitor log: ERDEM Kaan (badge V-2)", "ERDEM Kaan"),
        ("[07:41] oriol tarrés: anyone seen the torque wrench?", "oriol tarrés"),
        ("[2210 hrs] kwesi ampofo: dryer D-2 tripped", "kwesi ampofo"),
        ("Thanks to Dagny Vik, Bolat Kenes and Oriol for the move.", "Oriol"),
        ("Emergency contacts: Yerlan 0412 555 019; Dagny Vik +47 915 55 012.", "Yerlan"),
        ("Alarm note: Oven 2 tripped, per Yerlan the door switch is loose.", "Yerlan"),
        ("ALARM 4471 OVEN 2 OVERTEMP ACK BY OKONJO 0310 hrs", "OKONJO"),
        ("Shift handover: B. Lund hands over to Yerlan. Press 4 slow.", "Yerlan"),
    ],
)
def test_names_in_their_slots_are_found_whole(redactor: Redactor, text: str, name: str) -> None:
    assert name in persons(redactor, text)


@pytest.mark.parametrize(
    "text",
    [
        "Escort visitors from Line C. to the canteen.",
        "Use Plan B. if the crane is down.",
        "Set Section A. off, then Bay D. on.",
        "Torque per ISO 6789 and per Annex B before release.",
        "SMT Line 2 and CNC Lathe 4 are down; HMI Panel reset.",
        "Le 13/09/2027, la ligne 3 est arrêtée.",
        "Attendees: shift leads, Dipl.-Ing. staff, QA and Ing. staff.",
        "[07:41] line bot: changeover done on press 2",
    ],
)
def test_plant_words_in_those_slots_stay(redactor: Redactor, text: str) -> None:
    assert persons(redactor, text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("From: I. De Wolf <iwolf@example.org> | Subj: seal kit", "I. De Wolf"),
        ("on behalf of M. dela Peña: update the badge photo", "M. dela Peña"),
        ("Emergency contacts: OKAFOR Chidi Emeka +44 7700 900123.", "OKAFOR Chidi Emeka"),
        ("Visitor log: VÄISÄNEN Aatu (Kemppi), badge V-3", "VÄISÄNEN Aatu"),
    ],
)
def test_particles_and_capital_surnames_join_the_name(redactor: Redactor, text: str, name: str) -> None:
    assert name in persons(redactor, text)


@pytest.mark.parametrize(
    "text",
    [
        "Model A. De Novo pumps ship in May.",
        "Mode C. De Luxe applies to the canning line.",
        "Type B. Du Pont tape on the flange.",
        "HMI Panel 3 and PLC Rack 2 were reset.",
    ],
)
def test_particles_and_capitals_that_are_no_names(redactor: Redactor, text: str) -> None:
    assert persons(redactor, text) == []
