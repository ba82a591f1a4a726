"""Indian addresses: a plot, flat, door or house number, then comma-separated localities (a
cross road, a sector or phase, a nagar or colony, an industrial area or estate), the city, the
state and the six-digit PIN code: ``Plot No. 9, Phase 3, Industrial Area, Mohali, Punjab 160055``.

An address needs its end: a state or union territory (with or without the PIN), or a city
followed by a PIN. A state without a PIN needs a numbered start (``Flat 3B``, ``12 MG Road``),
and so does a PIN without a state, so ``Serial 456789``, ``Lot 7, Punjab`` and ``Punjab`` stay."""

from __future__ import annotations

import re
from collections.abc import Iterator

from edged.privacy.detector import Span
from edged.privacy.entities import ADDRESS

# The states and union territories of India, with the older names still on letterheads.
STATES_TEXT = """
Andhra Pradesh|Arunachal Pradesh|Assam|Bihar|Chhattisgarh|Goa|Gujarat|Haryana|Himachal Pradesh|
Jharkhand|Karnataka|Kerala|Madhya Pradesh|Maharashtra|Manipur|Meghalaya|Mizoram|Nagaland|Odisha|
Orissa|Punjab|Rajasthan|Sikkim|Tamil Nadu|Telangana|Tripura|Uttar Pradesh|Uttarakhand|Uttaranchal|
West Bengal|Andaman and Nicobar Islands|Chandigarh|Dadra and Nagar Haveli and Daman and Diu|
Dadra and Nagar Haveli|Daman and Diu|NCT of Delhi|New Delhi|Delhi|Jammu and Kashmir|Jammu & Kashmir|
Ladakh|Lakshadweep|Puducherry|Pondicherry
"""
STATES = tuple(s.strip() for s in STATES_TEXT.replace("\n", "").split("|") if s.strip())
_STATE = "|".join(re.escape(s) for s in sorted(STATES, key=len, reverse=True))
# PIN codes start with 1-8 (9 is the army postal service), written 560001 or 560 001.
_PIN = r"[1-8][0-9]{2}\s?[0-9]{3}(?![0-9])"
# What a numbered start is called: Plot No. 68, Flat 3B, Door No. 4-58, H.No. 22, Shop 7, Gala 12.
_START_WORD = r"(?:Plot|Flat|Door|House|Shop|Gala|Survey|Khasra|Apartment|Apt)"
_START = (
    rf"(?:{_START_WORD}\.?(?:\s?No\.?)?|[HDS]\.\s?No\.?|No\.)\s?[0-9A-Z]{{0,2}}[0-9][0-9A-Za-z/\-]*"
)
_HOUSE = r"[0-9]{1,5}[A-Z]?(?:[/-][0-9A-Z]{1,5}){0,2}"
_WORD = r"[A-Z][A-Za-z]*\.?"
_ORDINAL = r"[0-9]{1,3}(?:st|nd|rd|th)"
_TOKEN = rf"(?:{_WORD}|{_ORDINAL}|{_HOUSE}|of|and|&)"
# A locality: capitalised words and numbers (7th Cross, Sector 3, MIDC Bhosari, Shanti Apartments);
# it never starts with a start word or a bare number, so a name before the address stays out.
_PART = rf"(?!{_START_WORD}\b)(?:{_WORD}|{_ORDINAL})(?:\s{_TOKEN}){{0,5}}"
_ADDRESS = re.compile(
    rf"(?<![\w.])(?P<start>{_START},?\s)?(?P<house>{_HOUSE}\s{_PART},\s)?(?:{_PART},\s){{0,8}}"
    rf"(?:(?P<state>{_STATE})(?:(?:,?\s|\s?-\s?)(?P<pin>{_PIN}))?|{_PART}(?:,?\s|\s?-\s?)(?P<pin2>{_PIN}))"
    rf"(?![\w])"
)
_CUE = re.compile(rf"\b(?:{_STATE})\b|(?<![0-9])[1-8][0-9]{{2}}\s?[0-9]{{3}}(?![0-9])")


# An address ends at its state or PIN within this many characters of its start, so only the
# text before each of those cues is searched (a long text with one state costs one window).
_REACH = 320


def find_indian(text: str) -> Iterator[Span]:
    windows: list[list[int]] = []
    for cue in _CUE.finditer(text):  # the common case: no state and no PIN, nothing to try
        start, end = max(0, cue.start() - _REACH), min(len(text), cue.end() + 12)
        while end < len(text) and text[end].isalnum():  # a window never ends inside a word
            end += 1
        if windows and start <= windows[-1][1]:
            windows[-1][1] = end
        else:
            windows.append([start, end])
    for start, end in windows:
        yield from _in_window(text, start, end)


def _in_window(text: str, start: int, end: int) -> Iterator[Span]:
    for m in _ADDRESS.finditer(text, start, end):
        numbered = m.group("start") is not None or m.group("house") is not None
        if m.group("state") is not None:
            keep = m.group("pin") is not None or numbered
        else:
            keep = "," in m.group(0) and numbered
        if keep:
            yield Span(ADDRESS, m.start(), m.end(), "in_address")
