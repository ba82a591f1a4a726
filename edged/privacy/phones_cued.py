"""Phone numbers of any country written the national way (TEL 99 409 910, T. 0312 20070,
携帯74 579 775), taken from what the text says around them rather than from a numbering plan.

A number without its country code is valid somewhere for almost any eight digits, so
``phonenumbers`` cannot tell a Tunisian mobile from a count; the text can. A run of digit groups
of a phone's length (seven to fifteen digits) is a phone number when:

- a phone word stands right before it (tel, phone, mobile, dial-in, fax, OCR's ``Te1``,
  電話, 携帯, 連絡先 ...), or an extension or a Japanese call verb right after it (``ext 12``,
  ``…へ連絡``), or an e-mail address beside it on a contact line (``ana@example.pt, 0312 20070``);
- a contact verb and a name stand before it (``contact Ana Sousa at …``, ``notify Li Wei …``,
  ``連絡先：田中 …``), or the list of contacts it belongs to goes on (``…, Li Wei 98 765 432``);
- it is the whole of a bracket right after a name (``Ana Sousa (077 164520)``, ``山田様（…）``).

An unbroken run of digits counts after a phone word, and after a name only when it is nine digits
or more (a number with its area code); shorter unbroken runs are order and part numbers as often.

A date, two times of day, an amount, a quantity with its unit, and a figure its writer named as a
part, lot, order or serial number stay, whatever stands around them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from edged.privacy.detector import FunctionDetector, Span, TextView
from edged.privacy.entities import PHONE
from edged.privacy.makers import maker_words
from edged.privacy.phones_cues_ja import BANGOU_BEFORE, HONORIFIC_BEFORE, SEND_AFTER, SENT_TO_BEFORE

if TYPE_CHECKING:
    from edged.privacy.registry import Resources

# Digit groups joined by one space, dot or hyphen, or an area code in brackets, or one unbroken
# run. Each group is bounded and needs its separator, so a failed match costs a bounded retry.
_NUMBER = re.compile(
    # not inside a code (A-0417-088, 12.0417) nor a path; TEL.22 481 990 is a label and its number
    r"(?<![0-9A-Za-z+_])(?<![0-9A-Za-z]-)(?<![0-9][./])"
    r"(\(0?[0-9]{1,5}\) ?[0-9]{2,10}(?:[ .\-][0-9]{2,10}){0,3}"
    r"|[0-9]{1,6}(?:[ .\-][0-9]{2,10}){1,4}|[0-9]{7,15})"
    r"(?![0-9A-Za-z]|[.\-/,][0-9])"
)
MIN_DIGITS = 7
MAX_DIGITS = 15
LONG_RUN = 9
# an extension written after the number belongs to it (… 11907571202 ext 4732); one in brackets
# stays outside, as the bracket does
_EXTENSION = re.compile(r"\s?,?\s?(?:(?i:ext\.?|extn\.?|extension)\s?|x)[0-9]{1,6}(?![0-9A-Za-z])")
# A phone word right before the number, in the languages a plant's contacts write (with OCR's 1
# and I for l, and T./M./F. on a card), and Japanese; then a label's "no.", "number", colon or bracket.
_PHONE_WORD_BEFORE = re.compile(
    r"(?:(?<![A-Za-z])(?:te[l1I](?:e|ephone|efon[eo]?|éfono|-?nr)?|téléphone|tlf|tfn|telf|tfno|fone|"
    r"ph(?:one)?|cell(?:phone|ular)?|cel|mob(?:ile)?|móvil|portable|gsm|handy|natel|fax|dial(?:-in)?|"
    r"hotline|helpline|landline|switchboard|pager|sms|whatsapp|viber|direct(?: line)?|call-?back)\.?"
    r"|(?<![A-Za-z])(?-i:[TMF])(?=\s?[.:：])\.?|(?<![A-Za-z])(?:my|his|her|their|your|our) number is|"
    r"☎|電話(?:番号)?|携帯(?:電話)?(?:番号)?|ケータイ|連絡先|連絡|直通|ファックス|折り返し)"
    # then a label's "no." or "number", a Japanese topic particle (連絡は, FAXは), a colon, a bracket
    # and a qualifier in brackets (Tel (office), TEL（代表）)
    r"\s?(?:[(（][^()（）0-9]{1,12}[)）]\s?)?(?:(?i:no|nr|number|n[º°])\.?\s?|#\s?)?(?:は|:|：|=)?\s?[(]?$",
    re.IGNORECASE,
)
# right after the number: an extension (… ext 4732, x45, 内線12), a Japanese call verb (…へ連絡,
# …まで電話), or an e-mail address after a separator (030 205657645 | ana@example.de)
_AFTER = re.compile(
    r"\s?,?\s?\(?(?:(?i:ext\.?|extn\.?|extension)\s?[0-9]{1,6}|x\s?[0-9]{2,6})(?![0-9])|\s?内線"
    r"|\s?(?:へ|に|で|まで)?\s?(?:ご連絡|連絡|電話|架電|折り返|お電話)"
    r"|\s?[,|/;、]\s?[A-Za-z0-9._%+\-]{1,64}@[A-Za-z0-9]"
)
_EMAIL_BEFORE = re.compile(
    r"@[A-Za-z0-9\-]{1,63}(?:\.[A-Za-z0-9\-]{1,63}){0,8}\.[A-Za-z]{2,24}>?\s?[,|/;、]\s?$"
)
# "contact Ana Sousa at", "notify Li Wei": the verb, then the words of a name (checked one by one)
_CONTACT_VERB = re.compile(
    r"(?<![A-Za-z])(?:contact(?:s|ed)?|kontakt|contacto|contato|notify|call(?:ed)?|ring|reach(?:ed|able)?|"
    r"text|message|page|phone|dial|next of kin)(?![A-Za-z])",
    re.IGNORECASE,
)
_SLOT_WINDOW = 64
_JA_CONTACT_SLOT = re.compile(
    r"(?:連絡先|担当者?|窓口|問い?合わ?せ先|緊急連絡先)(?:は|：|:)?\s?"
    r"(?:(?!番号|コード|No|ID)[^0-9。.;\n]){1,20}?[\s、：:（(]\s?$"
)
_PUNCTUATION = frozenset({"-", "–", "—", "|", "/", ":"})
_LIST_SEPARATOR = re.compile(r"\)?\s?(?:[,;/]|and\s)\s?")
# between the verb and "at"/"on": no figure, no sentence's end (contact QA. Line 3 on …)
_SLOT_BREAK = re.compile(r"[0-9;!?。\n]|\.\s")
_LINKS = frozenset({"at", "on", "via", "-", "–", ":", "tel", "tel.", "mobile", "phone"})
_PARTICLES = frozenset(
    {"de", "da", "del", "della", "di", "do", "dos", "das", "du", "van", "von", "der", "den", "le", "la",
     "bin", "binti", "bint", "al", "el", "ibn", "me", "him", "her", "us", "them",
     # who the person is to the writer (next of kin: spouse Ana Sousa, Li Wei (brother))
     "spouse", "wife", "husband", "partner", "brother", "sister", "mother", "father", "son", "daughter",
     "parent", "guardian"}
)  # fmt: skip
_NAME_TOKEN = re.compile(r"^[^\W\d_][^\W\d_'’.\-]*(?:['’.\-][^\W\d_]*)*[.,]?$")
# A capitalised word that is a plant's thing, not a name, before a bracket: Line (…), Press (…)
_THING_WORDS = frozenset(
    {"line", "press", "cell", "bay", "station", "machine", "lot", "part", "order", "item", "qty", "quantity",
     "total", "count", "rev", "model", "serial", "no", "ref", "invoice", "po", "sku", "batch", "shift",
     "code", "id", "account", "ticket", "case", "job", "unit", "units", "range", "size", "weight", "price"}
)  # fmt: skip
_COMPANY = frozenset(
    {"ltd", "inc", "corp", "co", "gmbh", "ag", "sa", "llc", "kk", "plc", "bv", "nv", "srl", "spa"}
)
_HONORIFIC = re.compile(r"(?:様|さん|氏|殿|君|先生)\s?$")
_CLOSE_AFTER = re.compile(r"\s?(?:,?\s?(?:x|ext\.?|extn\.?|内線)\s?[0-9]{1,6})?\s?\)", re.IGNORECASE)

# What the number is instead: a figure named by its writer, an amount, a quantity with its unit.
_ID_WORD_BEFORE = re.compile(
    r"(?:(?<![A-Za-z])(?:lot|part|p/n|pn|s/n|sn|serial|order|po|invoice|inv|batch|model|ref|sku|item|"
    r"receipt|material|wo|doc|ticket|account|acct|iban|case|job|qty|quantity|total|amount|price|cost)"
    r"|ロット|品番|型番|製番|図番|部品|注文|受注|発注|伝票|製造番号|シリアル|口座|金額|数量|合計)"
    r"\s?(?:no\.?|number|#|番号)?\s?[:：#=は]?\s?$",
    re.IGNORECASE,
)
_MONEY_BEFORE = re.compile(r"(?:[$€£¥₹]|(?<![A-Za-z])(?:USD|EUR|JPY|GBP|CHF|CNY|INR|Rs\.?))\s?$")
_UNIT_AFTER = re.compile(
    r"(?:\s?(?:%|‰|°|円|万|千|億|個|台|件|本|枚|回|人|名|箱|袋|巻|缶|ショット|時間|日|秒|分|"
    r"(?i:kg|mm|cm|km|m2|m3|ml|pcs|pc|units?|parts?|pieces?|cycles?|shots?|strokes?|hours?|hrs?|min|days?|"
    r"boxes|cases|pallets?|rolls?|tons?|lbs?|psi|kpa|hpa|mpa|pa|kn|nm|ppm|db|lux|kwh|kw|kv|hz|rpm|bar|"
    r"yen|jpy|usd|eur|ms))|[tgmshlANVWJ])(?![A-Za-z])",
)
_DATE = re.compile(
    r"(?:^|[^0-9])(?:(?:19|20)[0-9]{2}[ .\-/](?:0?[1-9]|1[0-2])[ .\-/](?:0?[1-9]|[12][0-9]|3[01])"
    r"|(?:0?[1-9]|[12][0-9]|3[01])[ .\-/](?:0?[1-9]|1[0-2])[ .\-/](?:19|20)[0-9]{2})(?:[^0-9]|$)"
)
_TWO_TIMES = re.compile(r"^(?:(?:[01][0-9]|2[0-3])[0-5][0-9][ \-.]?){2}$")


def find_cued_phones(text: str) -> Iterator[Span]:
    last_end = -1  # the end of the last number taken: a list of contacts goes on after it
    for m in _NUMBER.finditer(text):
        value = m.group(1)
        digits = sum(c.isdigit() for c in value)
        if not MIN_DIGITS <= digits <= MAX_DIGITS or _not_a_phone(text, m.start(), m.end(), value):
            continue
        # an unbroken run is an order or part number as often: after a name only when it is as
        # long as a number with its area code (Next of kin V. Vasquez, 2709203628)
        long_enough = not value.isdigit() or digits >= LONG_RUN
        if _cued_around(text, m.start(), m.end()) or (
            long_enough
            and (
                _name_slot_before(text, m.start(), last_end)
                or _bracket_after_name(text, m.start(), m.end(), grouped=not value.isdigit())
                or (not value.isdigit() and _japanese_slot_before(text, m.start()))
            )
        ):
            extension = _EXTENSION.match(text, m.end())
            last_end = extension.end() if extension else m.end()
            yield Span(PHONE, m.start(), last_end, "phone_cued")


def _cued_around(text: str, start: int, end: int) -> bool:
    """A phone word right before, an extension or a Japanese call verb right after, or an e-mail
    address next to it on a contact line (igor@example.pl, 07525.658699)."""
    return (
        _PHONE_WORD_BEFORE.search(text, max(0, start - 24), start) is not None
        or _EMAIL_BEFORE.search(text, max(0, start - 80), start) is not None
        or _AFTER.match(text, end) is not None
        or BANGOU_BEFORE.search(text, max(0, start - 6), start) is not None
        or SENT_TO_BEFORE.search(text, max(0, start - 16), start) is not None
        or SEND_AFTER.match(text, end) is not None
    )


def _not_a_phone(text: str, start: int, end: int, value: str) -> bool:
    before = text[max(0, start - 20) : start]
    return (
        _ID_WORD_BEFORE.search(before) is not None
        or _MONEY_BEFORE.search(before) is not None
        or _UNIT_AFTER.match(text, end) is not None
        or _DATE.search(value) is not None
        or _TWO_TIMES.match(value) is not None
        # 1.250.000: a figure with thousands dots, not a number to dial
        or ("." in value and all(len(g) == 3 for g in re.split(r"[ .\-]", value)[1:]))
    )


def _name_slot_before(text: str, start: int, last_end: int) -> bool:
    """A contact verb, or the list separator after the last number taken (Contacts: Ana Sousa
    12 345 678, Li Wei 98 765 432), then only the words of a name (and "at", "on") up to the number."""
    return any(_name_slot(text[slot:start]) for slot in _slot_starts(text, start, last_end))


def _name_slot(between: str) -> bool:
    words = [w for w in between.split() if w not in _PUNCTUATION]  # Site contacts - Ana Sousa - …
    if words and words[-1].lower() in ("at", "on") and not _SLOT_BREAK.search(between):
        return True  # reach the site office at …, call the hotline on …: the verb's own number
    if words and words[-1].lower() in _LINKS:
        words.pop()
    if len(words) > 1 and words[0].endswith(":"):
        words.pop(0)  # Contact list: Ana Sousa …, contact person: …
    if not 1 <= len(words) <= 5 or words[-1].lower() in _PARTICLES - {"me", "him", "her", "us", "them"}:
        return False
    return all(_name_word(w) for w in words)


def _japanese_slot_before(text: str, start: int) -> bool:
    """連絡先：田中 74 579 775, 担当 Ana Sousa（…）: a contact word, then a name (no figure, no
    number's word such as 番号 or コード) up to the number; or a name's honorific right before it
    (窓口Uc Dzib様 824 4802)."""
    return (
        _JA_CONTACT_SLOT.search(text, max(0, start - 28), start) is not None
        or HONORIFIC_BEFORE.search(text, max(0, start - 3), start) is not None
    )


def _slot_starts(text: str, start: int, last_end: int) -> Iterator[int]:
    if last_end >= 0 and start - last_end <= _SLOT_WINDOW:
        separator = _LIST_SEPARATOR.match(text, last_end, start)
        if separator:
            yield separator.end()
    verbs = list(_CONTACT_VERB.finditer(text, max(0, start - _SLOT_WINDOW), start))
    if verbs:
        yield verbs[-1].end()


def _name_word(word: str) -> bool:
    if word.strip("(),:").lower() in _PARTICLES:
        return True
    capitalised = _NAME_TOKEN.match(word) is not None and word[0].isupper()
    return capitalised and word.strip(".,").lower() not in _THING_WORDS


def _bracket_after_name(text: str, start: int, end: int, *, grouped: bool) -> bool:
    """The whole of a bracket right after a name: ``Ana Sousa (077 164520)``, ``山田様（…）``; not
    after a maker (Bosch (0 986 …) is a part number) nor an acronym (NLX (2500 …))."""
    if text[start - 1 : start] != "(" or _CLOSE_AFTER.match(text, end) is None:
        return False
    before = text[max(0, start - 32) : start - 1].rstrip()
    if _HONORIFIC.search(before):
        return True
    words = before.split()[-3:]
    if not words or words[-1].endswith(",") or not _name_word(words[-1]):
        return False
    last = words[-1]
    acronym = len(last) < 5 and not any(c.islower() for c in last)
    if acronym or any(maker_words(words[i:]) for i in range(len(words))):
        return False
    # an unbroken run in brackets: after a whole name (two words or more), not a company's
    # registration number (Acme Corp (…))
    whole_name = len(words) >= 2 and all(_name_word(w) for w in words[-2:])
    return grouped or (whole_name and not any(w.strip(".,").lower() in _COMPANY for w in words))


def build(resources: Resources) -> FunctionDetector:  # noqa: ARG001 - registry signature
    def find(view: TextView) -> Iterator[Span]:
        return find_cued_phones(view.text)

    # after the validated numbers (5): a number phonenumbers knows keeps its own span
    return FunctionDetector("phone_cued", (PHONE,), 6, find)
