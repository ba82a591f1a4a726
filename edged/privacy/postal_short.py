"""Short postcodes right after a postal word in prose: three digits (Iceland's 101, the Faroes'
100), or a country's letters and a dash before them (IS-730, FO-100). Three digits alone are a
count as often, so only the words that can mean nothing but a postcode cue them (postcode, postal
code, ZIP code, 郵便番号, póstnúmer, postnummer); a bare "zip", "CP" or "PLZ" does not, nor do
"postcode area" or "zip tie": a lowercase word after the cue is no code.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from edged.privacy.detector import Span
from edged.privacy.entities import POSTAL_CODE

_SHORT_AFTER_WORD = re.compile(
    r"(?:(?<![A-Za-z])(?i:post\s?code|postal\s+code|zip\s?code|p[óo]stn[úu]mer|postnummer|postinumero)"
    r"|郵便番号)(?:\s?(?:is|was|:|：|=)\s?|\s)?"
    r"((?:[A-Z]{2}-)?[0-9]{3})(?![0-9A-Za-z]|[\-.,/][0-9])"
)


# a count's noun after the figure (postcode 101 rows failed, postal code 600 errors): a tally of a
# postcode check, not a code
_COUNTED = re.compile(
    r"\s?(?:件|行|個|回|エラー)|\s(?:rows?|records?|entries|entry|errors?|items?|lines?|files?|orders?|hits?|matches|match|"
    r"failures?|mismatch(?:es)?|duplicates?|lookups?|addresses|customers?|times|cases?|bytes?|"
    r"warnings?|invalid|missing)(?![A-Za-z])"
)


def find_short_postal(text: str) -> Iterator[Span]:
    for m in _SHORT_AFTER_WORD.finditer(text):
        if _COUNTED.match(text, m.end(1)) is None:
            yield Span(POSTAL_CODE, m.start(1), m.end(1), "postal_short")
