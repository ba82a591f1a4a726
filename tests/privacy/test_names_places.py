"""Names that are a plant's places, machines, suppliers and companies, told by the word after them
(names_places.py). Every value is invented for these tests; no evaluation set holds them."""

from __future__ import annotations

import pytest

from edged.privacy import Redactor
from tests.privacy.conftest import found


def persons(redactor: Redactor, text: str) -> list[str]:
    return [value for kind, value in found(redactor, text) if kind == "PERSON"]


@pytest.mark.parametrize(
    "text",
    [
        "Garfield Line stopped at 14:10; restart after the die change.",
        "Forklifts go through Lincoln Gate after 22:00.",
        "Thanks for moving the Clarke hoist to Bay 3.",
        "Old Betsy press is down for a ram seal.",
        "Hoover service is booked for Tuesday; pay the Hoover callout by card.",
        "The Roosevelt Room is free at noon.",
        "Monroe Building lights are on the night circuit.",
        "坂口鉄工所のフランジを受入検査。",
        "吉井精機の見積を回覧、立会いは大平製作所。",
        # a model number after two words, the last an English word: a machine
        "Spiral Mixer 240 is down; Reflow Conveyor KX-7 restarted.",
        "保全日誌：Spiral Mixer 240の軸受を交換。",
    ],
)
def test_places_machines_and_companies_named_like_people_stay(redactor: Redactor, text: str) -> None:
    assert persons(redactor, text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a surname that is also a place word stays a person when it is the name's end
        ("Sarah Hall reported the leak on Line 4.", "Sarah Hall"),
        ("Ask Gordon Pike about the Lincoln Gate badge.", "Gordon Pike"),
        ("Dorothea Winslow will cover nights.", "Dorothea Winslow"),
        ("坂口さんが鉄工所に連絡済み。", "坂口"),
    ],
)
def test_people_near_those_words_are_still_found(redactor: Redactor, text: str, name: str) -> None:
    assert name in persons(redactor, text)


@pytest.mark.parametrize(
    ("text", "person", "company"),
    [
        ("Visitor log: Mia Ota (Ridley), badge V-12, host desk.", "Mia Ota", "Ridley"),
        ("来訪者：滝口　結衣様（ヤマオカ）、入構9:10", "滝口　結衣", "ヤマオカ"),
        ("来訪者：滝口 結衣様（大平精密）、入構9:10", "滝口 結衣", "大平"),
    ],
)
def test_a_bracket_after_a_person_holds_the_company(
    redactor: Redactor, text: str, person: str, company: str
) -> None:
    names = persons(redactor, text)
    assert person in names
    assert not any(company in name for name in names)


def test_a_person_before_a_phone_is_no_machine(redactor: Redactor) -> None:
    # digits after a name that run on in groups are a phone, not a model number
    assert "Dorothea Winslow" in persons(redactor, "Emergency: Dorothea Winslow 0412 555 019.")
