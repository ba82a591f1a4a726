"""Classes of leaks found on the final set's form tags, one test per class, each with values no
evaluation set holds, and the plant words beside them that must stay."""

from __future__ import annotations

import pytest

from edged.privacy import Redactor
from tests.privacy.test_detector_classes import covered


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Permit signed by Rəşad Qəmbərov before the hot work.", "Rəşad Qəmbərov"),
        ("Attendant: Łucja Żmuda, standby on channel 4.", "Łucja Żmuda"),
        ("Rescue: ŽELJKO BOŽIĆ. O2 checked at 08:10.", "ŽELJKO BOŽIĆ"),
        ("Nominated person ŠÁRKA BĚLOHLÁVKOVÁ will sign the isolation.", "ŠÁRKA BĚLOHLÁVKOVÁ"),
    ],
)
def test_names_in_letters_beyond_latin_1(redactor: Redactor, text: str, name: str) -> None:
    assert covered(redactor, text, name), text


@pytest.mark.parametrize(
    "text",
    [
        "ŠKODA drive fault on PRS-4, lot 22C-1187 held.",
        "Set the VFD to 47.5 Hz, torque 210 N·m.",
    ],
)
def test_plant_words_in_those_letters_stay(redactor: Redactor, text: str) -> None:
    assert not [e for e in redactor.detect(text) if e.type == "PERSON"], text
