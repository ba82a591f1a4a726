"""Round 10's English person rules: names tied to their contact data or a role (names_contact.py),
initials with short or particle surnames, particles inside names, reversed names with a verb after
them, and the hard negatives that looked like names (identifiers glued to digits, compound nouns
named after people, machines and their tags, supplier names, strict mode's dates and figures).
Every name, street, number and company here is invented for these tests; no evaluation set holds
them."""

from __future__ import annotations

import pytest

from edged.privacy import Redactor
from tests.privacy.conftest import found
from tests.privacy.test_adversarial import assert_roughly_linear, checked
from tests.privacy.test_adversarial_round8 import _repeated


def _persons(redactor: Redactor, text: str) -> list[str]:
    return [value for kind, value in found(redactor, text) if kind == "PERSON"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a name right before its own e-mail, phone, company, postcode or address
        ("Out of office; reach Tavewa at kolo.tavewa@plant-mail.example meanwhile.", "Tavewa"),
        ("Out of office; reach Oyelaran at koyel (at) mail-box.example meanwhile.", "Oyelaran"),
        ("Shift contacts: Ruhama (+44 7700 900123), Efe Abiodun (0161 496 0000).", "Ruhama"),
        ("Access request: Brannoc Teague (vendor Hollis Pumps) needs a badge.", "Brannoc Teague"),
        ("Tamsu (contractor, Ferro) starts on the kiln relining.", "Tamsu"),
        ("Demo unit collected from Oyelaran at postcode 4410, signed off.", "Oyelaran"),
        ("Survey report mailed to Tavewa, 22 Kauri Road, Hamilton 3204.", "Tavewa"),
        ("Front desk: visitor badge for Ruhama requested.", "Ruhama"),
        # a business card: the name before a job title
        ("[scan] ~ Oyelaran ~ Field Engineer ~ +44 7700 900321", "Oyelaran"),
        ("Okeke | Procurement Buyer | Hollis Pumps", "Okeke"),
        # lowercase names listed after an e-mail
        ("Results to qa.team@plant-mail.example and tavita fonoti.", "tavita fonoti"),
        ("Copy to lab@plant-mail.example, ruhama tesfaye; thanks", "ruhama tesfaye"),
        # one name in a list of guests before a name found otherwise
        ("Room booking: guests Ruhama, Brannoc Teague; dial-in later", "Ruhama"),
        # the other members of a list one of whose members is a person
        ("Well done to Oyelaran and Brannoc Teague of Stores for the audit.", "Oyelaran"),
        ("Diet list: Efe Abiodun (vegan), Tamsu Okeke (halal), Ruhama (none).", "Ruhama"),
        ("Diet list: Efe Abiodun (vegan), Tamsu Okeke (halal), Ruhama (none).", "Tamsu Okeke"),
        # a quoted field that holds a person; sending something to a person at an address
        ('evt=E12 station=CNV-4 raised_by="Marie-Louise Okeke" lot=L55', "Marie-Louise Okeke"),
        ('pick_error sku=55120 picker="Tavita Fonoti" reason="Short pick"', "Tavita Fonoti"),
        ("Onboarding: send the laptop to Oyelaran, 9 Kauri Road, Hamilton", "Oyelaran"),
        # a lowercase name before its e-mail, after a log key or a hand-over; a clause's subject
        ("07:40 - ping tavita fonoti at tfonoti@plant-mail.example", "tavita fonoti"),
        ("evt=E12 station=CNV-4 ack_by=gaston oyelaran wo=55", "gaston oyelaran"),
        ("crib: torque wrench out to aurelio brannocchi, back by 6 pm", "aurelio brannocchi"),
        ("Mar 4 22:10 Dock 2: tamsu reported a hot bearing on CV-12", "tamsu"),
        # who holds a thing for now; a possessive after a name
        ("Key 7 for the press panel is with Oyelaran until the permit is closed.", "Oyelaran"),
        ("Clinic note: Tavita Fonoti's follow-up booked.", "Tavita Fonoti"),
        ("Board noted Ruhama Tesfaye' proposal on 5S.", "Ruhama Tesfaye"),
        # the writer of a quoted mail; a surname that starts with its particle after a cue
        ("On Tue, 3 Jun 2025, Tavita Fonoti wrote:", "Tavita Fonoti"),
        ("El 4/07/2026, Ruhama čeh escribió:", "Ruhama čeh"),
        ("Overtime approved by van der Oyen.", "van der Oyen"),
        # an initial and a short surname after a role
        ("Permit 12: host B. Ng; escort on site", "B. Ng"),
        ("Safety sign-off T. Oh; new relay fitted", "T. Oh"),
        ("Loaner laptop for R. Li (Leeds office) is ready", "R. Li"),
        # particles and the elided article inside names
        ("Checked by M. d'Almeida before dispatch.", "M. d'Almeida"),
        ("Sign-out by J. í Gøtu at the gate.", "J. í Gøtu"),
        ("HR change: Marie-Louise de l'Orme moved to the Lyon office.", "Marie-Louise de l'Orme"),
        ("Badge printed: Sjúrður í Gøtu, visitor.", "Sjúrður í Gøtu"),
        ("Laptop for de l'Orme, Marie-Louise (Lyon office) is ready.", "de l'Orme, Marie-Louise"),
        # a reversed name whose surname is an English word, with a verb after it
        ("HR change: Song, Minjae moved to postcode 0150.", "Song, Minjae"),
        # ranks before a name; a commit trailer before a lowercase name
        ("Inspection requested by Lt. Brannoc Teague on Monday.", "Brannoc Teague"),
        ("fix guard switch, signed-off-by tavita fonoti", "tavita fonoti"),
        ("fix guard switch, reviewed-by nancy baker", "nancy baker"),
    ],
)
def test_round10_names_are_masked_whole(redactor: Redactor, text: str, name: str) -> None:
    # whole, inside one finding (a list's names may be one finding together)
    assert any(name in person for person in _persons(redactor, text)), found(redactor, text)


@pytest.mark.parametrize(
    "text",
    [
        # identifiers glued to digits at a sentence's start
        "CAPA QMS-31-077: close by Friday.",
        "NCR NCR-2210-4471: rework the flange.",
        # a name lent to a tool, an instrument or a part
        "Replace the Allen wrench set in crib 2.",
        "Light the Bunsen burner before the test.",
        "Balance the Wheatstone bridge on bench 4.",
        "Swap the Vernon valve on the boiler feed.",
        "Calibrate the Curtis meter after the swap.",
        "Fit a new Lindsay gauge on line 2.",
        # machines and their tags after a dash
        "commit 81af02c - pallet wrapper PW-3: adjust film tension",
        "commit 81af02c - bar feeder BF-12: raise the pusher speed",
        # a supplier's name that ends in a corporate word
        "7 x gasket kits from Hadley Specialty Metals, due Friday.",
        "Coating by Brandwell Advanced Ceramics, batch 55.",
        'evt=E12 station=CNV-4 raised_by="Line Stop" lot=L55',
        # what stands before an e-mail or "wrote:" that is no name
        "Results are at qa-lab@plant-mail.example today.",
        "The supplier wrote: parts ship Friday.",
        "Status: pending and open since Monday.",
        # what a key is with that is no person; a phrase's possessive
        "The spare key is with Security until Monday.",
        "The Gemba Walk's results are posted.",
        # a month and its day; a site named after someone in two words; a machine's nickname
        "Roster March 3, 2026 | early shift only",
        "Goods due by June 14 at stores.",
        "Tremont Press Shop on reduced crew today.",
        "Old Dolores (press 4) jammed again.",
        # places and their letter after a pass; a sentence after an initial; a street
        "Vehicle pass for Annex B issued.",
        "Parking for Building C is closed.",
        "Hold the valve and wait for I. Then close it.",
        "Deliver to Rue de l'Abbaye, 12, Dijon.",
    ],
)
def test_round10_hard_negatives_stay_in_standard_mode(redactor: Redactor, text: str) -> None:
    assert _persons(redactor, text) == [], found(redactor, text)


@pytest.mark.parametrize(
    "text",
    [
        "Attendees: Efe Abiodun, Quality, Maintenance and Stores",
        "Sign-out: 2 x seals to Efe Abiodun, PN 44120-C x1 to stores.",
    ],
)
def test_a_lists_departments_and_parts_are_no_people(redactor: Redactor, text: str) -> None:
    assert _persons(redactor, text) == ["Efe Abiodun"], found(redactor, text)


def test_a_number_after_the_compound_noun_keeps_the_person(redactor: Redactor) -> None:
    # Anna cell 0412 ...: her mobile, not a battery cell
    assert "Anna" in _persons(redactor, "For nights call Anna cell 0412 555 019.")


def test_a_lowercase_name_stops_at_a_function_word(redactor: Redactor) -> None:
    persons = _persons(redactor, "tell mark to check the seal")
    assert all(" to" not in p for p in persons), persons


@pytest.mark.parametrize(
    "text",
    [
        # day-first dates, sums of money, invoice and part numbers, standards, calendar words
        "Return the demo unit by 03.11.2026.",
        "Scrap sold for USD 1240.75, batch 7.",
        "Invoice INV 558812934: 4 x seal kits.",
        "Recall notice: 204-7781-K4 from charge 11.",
        "Fit the screw per DIN 7985 and torque it.",
        "Audit report Oct 14: stack 3 at the annex.",
        "Return by KW12 to stores.",
        "VPN request: access for the vendor Brandwell until Friday.",
        "commit 81af02c - chiller CH-2: retune the loop to 3 bar",
        # dates with the day first, a weekday before the day, a time of day in hours
        "Visit booked 14 Oct 2027, gate 2.",
        "Sent: Wed, 9 Jun 2027 07:15",
        "Arrival 3 Nov 1845h at gate 2.",
        # numbers their writer named, and the next number in the same list
        "Our PO is 772210934455, please confirm.",
        "Item codes 66120934121 and 66120934177 are on hold.",
        "RMA No. 4417-0032: return the pump.",
        "Part: PN 31-8820-14, rev B.",
        "Glasses per ANSI Z87.1 only.",
        # an alarm code; a title-case phrase with a short cue inside
        "Spindle fault Err 47 on the lathe.",
        "File it after the Permit To Work review.",
    ],
)
def test_strict_mode_leaves_dates_figures_and_standards(strict_redactor: Redactor, text: str) -> None:
    assert found(strict_redactor, text) == [], found(strict_redactor, text)


def test_strict_mode_keeps_a_given_name_that_is_a_month(strict_redactor: Redactor) -> None:
    text = "Ticket 88: Jan Kowalczewski cannot reach the historian."
    assert ("NAME", "Jan Kowalczewski") in found(strict_redactor, text) or (
        "PERSON",
        "Jan Kowalczewski",
    ) in found(strict_redactor, text)


def test_strict_mode_keeps_a_lowercase_name_after_a_word_cue_before_a_tag(strict_redactor: Redactor) -> None:
    text = "pls ask tevita fonua to reset FIC-2207B before noon"
    covered = [v for _, v in found(strict_redactor, text)]
    assert any("fonua" in v for v in covered), covered


ROUND10_NAME_UNITS = [
    ("", "Aa at ", "x"),
    ("", "Aa at a (at) ", "b"),
    ("", "Aa (+1 ", "x"),
    ("", "Aa (vendor ", "x"),
    ("", "~ Aa ~ ", "x"),
    ("", "| Aa | Bb ", "x"),
    ("", "\n~ ", "x"),
    ("", "mailed to Aa, 1 ", "x"),
    ("", "badge for Aa ", "x"),
    ("", "a@b.cc and ", "x"),
    ("", "a@b.cc, aa bb ", "x"),
    ("", "guests Aa, ", "Bb Cc"),
    ("", "for A. ", "x"),
    ("", "Aa de ", "l'Bb"),
    ("", "Aa, Bb moved ", "x"),
    ("", "1.1.", "2026"),
    ("Aa Bb", ", Cc (d)", ""),
    ("", "Aa and ", "Bb Cc"),
    ("", 'by="Aa ', 'x"'),
    ("", "send x to Aa, 1 ", "x"),
    ("", "aa bb at ", "x"),
    ("", "Aa bb wrote", "x"),
    ("", "by van ", "x"),
    ("", "ack_by=aa ", "x"),
    ("", "USD 1", "x"),
    ("", "- aa ", "AB-1"),
]


@pytest.mark.parametrize(("before", "unit", "after"), ROUND10_NAME_UNITS)
def test_round10_name_rules_take_roughly_linear_time(
    strict_redactor: Redactor, before: str, unit: str, after: str
) -> None:
    assert_roughly_linear(strict_redactor, lambda n: _repeated(before, unit, after, n))


def test_round10_names_keep_offsets_in_order(redactor: Redactor) -> None:
    text = "reach Tavewa at kolo.tavewa@plant-mail.example and tavita fonoti; host B. Ng (+44 7700 900123)"
    assert checked(redactor, text)
