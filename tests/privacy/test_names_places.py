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
