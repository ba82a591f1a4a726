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
