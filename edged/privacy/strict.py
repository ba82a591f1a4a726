"""Strict mode's detectors: what is likely personal but unproven, masked on the escalation path
because a value that leaves cannot be called back.

- ``strict_person``: capitalised word runs right after a person cue (role words, titles,
  greetings, "per", "by", "ask"), and unknown katakana or kanji runs right before an honorific or
  a title, whatever the dictionaries say.
- ``strict_number``: digit runs of seven or more (separators allowed) that no other detector
  claimed; figures with a unit after them stay.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from edged.privacy.detector import FunctionDetector, Span, TextView
from edged.privacy.entities import PERSON, POSTAL_CODE
from edged.privacy.names_ja_data import DEPARTMENT, NOT_NAMES, RECORD_CUES, ROLE_CUES, TITLES
from edged.privacy.names_latin import census_names, common_words, given_names

if TYPE_CHECKING:
    from edged.privacy.registry import Resources

NUMBER = "NUMBER"
_CUE = (
    r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Eng|Sir|Madam|Hi|Hello|Dear|Thanks|Attn|Attention|Cc|From|To|By|by|"
    r"per|Per|ask|Ask|asked|told|call|Call|called|contact|Contact|with|operator|Operator|technician|"
    r"Technician|engineer|Engineer|supervisor|Supervisor|lead|Lead|inspector|Inspector|visitor|Visitor|"
    r"contractor|Contractor|driver|Driver|manager|Manager|foreman|Foreman|employee|Employee|worker|"
    r"Worker|colleague|reported by|signed|approved by|checked by|handed over to|covered by|"
    r"replaced by|relieved by)"
)
_CAPITALISED = r"[A-Z][A-Za-z\u00c0-\u02af\u1e00-\u1eff'’\-]+"
_AFTER_CUE = re.compile(rf"\b{_CUE}\.?:?\s+((?:{_CAPITALISED})(?:\s(?:{_CAPITALISED}|[A-Z]\.)){{0,3}})")
_NOT_A_NAME = frozenset(
    [
        "The",
        "This",
        "That",
        "These",
        "Those",
        "There",
        "Here",
        "Line",
        "Pump",
        "Press",
        "Unit",
        "Lot",
        "Part",
        "Order",
        "Error",
        "Alarm",
        "Building",
        "Bay",
        "Warehouse",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "Maintenance",
        "Quality",
        "Shift",
        "Night",
        "Day",
        "Team",
        "All",
        "Everyone",
        "Please",
        "Today",
        "Tomorrow",
    ]
)
_HONORIFIC_AFTER = re.compile(
    r"([\u30a1-\u30fa\u30fc\u4e00-\u9fff々][\u30a1-\u30fa\u30fc\u4e00-\u9fff々・ 　]{0,11})"
    # 氏名 (a name field's label) and 様式 (a form) are no honorifics
    r"(?=さん|様(?!式)|さま|氏(?!名)|殿|君|くん|ちゃん|先輩|監督|課長|係長|部長|班長|主任|工場長|所長|職長|作業長|工長)"
)
# a field that holds a person (起票, 承認, 担当, 管理者=, owner:): the kanji or kana run after it,
# a space inside allowed (帷子 樹), whatever the dictionary says
_FIELD_AFTER = re.compile(
    r"(?:起票|承認|稟議|担当者?|申請者|発見者|報告者|作業者|管理者|応募者|呼出|返却|配送|owner|admin|contact)"
    r"\s?[:：=]?\s?[\"「]?([\u3041-\u3096\u30a1-\u30fa\u30fc\u4e00-\u9fff々]{1,6}"
    r"(?: [\u3041-\u3096\u30a1-\u30fa\u30fc\u4e00-\u9fff々]{1,6})?)"
)
# where the name in a field ends: a particle, an honorific or title, the next field
_FIELD_STOP = re.compile(
    r"[のはがをにへとでも、。,→]|さん|さま|様|氏|殿|君|くん|ちゃん|先輩|監督|課長|係長|部長|班長|主任|"
    r"工場長|所長|職長|作業長|工長|リーダー|起票|承認|担当|申請|稟議"
)
_ORG_END = re.compile(r"(?:部|課|係|室|班|所|工場|棟|ライン|会社|センター|グループ|チーム)$")
# a role word inside a run before a title (20:04頃 立会井上工場長, 通知先担当薬師寺殿): the name
# starts after it
_ROLE_IN_RUN = re.compile(
    "|".join(re.escape(c) for c in sorted({*RECORD_CUES, *ROLE_CUES} - set(TITLES), key=len, reverse=True)
             if not c.isascii())
)
# after a field's run: a label's colon (承認経路：) or a figure (返却期限令和8年): no name
_LABEL_OR_FIGURE_AFTER = re.compile(r" ?[:：0-9]")
# not the figures of an identifier with a letter prefix (WO-2024-401878, 8D-2026-143, LOT#2291733)
# nor a part number that runs on in a letter (148-0640-B2, 882-7912-E8)
_DIGITS = re.compile(
    r"(?<![0-9A-Za-z])(?<![A-Za-z][\-#/])[0-9](?:[0-9]|[ \-.](?=[0-9])){6,}(?![0-9])(?![\-/][A-Za-z])"
)
_TIME_AFTER = re.compile(r":[0-5][0-9]")  # Tue, 24 Apr 2024 04:27: a year and an hour
_DATE = re.compile(
    r"(?:19|20)[0-9]{2}[\-./][0-9]{1,2}[\-./][0-9]{1,2}|(?:19|20)[0-9]{6}(?:[0-9]{6})?(?![0-9])"
    # day first, as Europe writes it (12.03.2027, 1.07.2026, 24/09/2027)
    r"|[0-3]?[0-9]([\-./])[01]?[0-9]\1(?:19|20)[0-9]{2}$"
)
# A number its writer named as a plant identifier (part, lot, order, model) is not a stray one.
_NAMED_BEFORE = re.compile(
    r"(?:lot|lot no|part|p/n|s/n|order|order no|po|invoice|batch|model|sku|ref|item|drawing|dwg|"
    r"material|serial|receipt|ticket|wo|work order|complaint|permit|cert|certificate|of|inv|pn|"
    r"products?|rma|ncr|capa|claim|asset|"
    # a sum of money (USD 5339.50, EUR 12 400): a figure, never a person's number
    r"usd|eur|gbp|jpy|chf|cny|rmb|inr|aud|cad|sgd|krw|\$|€|£|¥|"
    r"ロット|品番|型番|製番|注文番号|注文|伝票番号|伝票|部品番号|図番|発注|稟議|照合番号|品目|資材|"
    r"インボイス|請求書|納品書|見積書|注文書|部品|"  # 通関インボイスNo.93180243325
    # a standard's number (OSHA 1910.147, IEC 61131-3, JIS B 0001)
    r"iso|iec|en|jis(?: [a-z])?|ansi|astm|osha|iatf|din|bs|nfpa|ieee|asme|cfr)"
    r"\.?\s*(?:no\.?|numbers?|codes?|#)?\s*(?:[:：#=]|is|was|are)?\s*(?:[A-Z]{1,4}-)?$",
    re.IGNORECASE,
)
# a unit or an hour after the figure (2336h: a time of day)
_UNIT_AFTER = re.compile(
    r"\s?(?:mm|cm|m|kg|g|rpm|MPa|kPa|Pa|V|A|W|kW|Hz|℃|°C|%|pcs|h|hrs|個|台|本|回|円|件)\b"
)
# a further number in the same list as a named one (product codes 841 and 783, lot 12 replaces 9)
_LIST_JOINT = re.compile(r"\s?(?:,|and|or|&|/|replaces|replaced by)\s?$")


# capitals and a number after them: a standard or an identifier, not a name (ISO 9606-1, JIS B 0401)
_STANDARD = re.compile(r"(?:[A-Z]{2,5}(?: [A-Z])?|Err|Alm|Flt|Code|Fault|Error) [A-Z]?[0-9]")


# a short capitalised cue inside a title-case phrase (Permit To Work, Right To Know, Paid By Card)
_TITLE_CASE_CUE = re.compile(r"[A-Z][a-z]+ (?:To|By|From|With|Per) [A-Z]$")


def _plain_word(word: str) -> bool:
    """One of the 7,000 commonest English words that no Census list holds as a name."""
    low = word.lower()
    return low in common_words() and low not in given_names() and low not in census_names()


def _persons(view: TextView) -> Iterator[Span]:
    text = view.text
    for m in _AFTER_CUE.finditer(text):
        words = m.group(1).split()
        while words and words[-1].rstrip(".") in _NOT_A_NAME:
            words.pop()
        if not words or words[0] in _NOT_A_NAME or _STANDARD.match(text, m.start(1)):
            continue  # per ISO 14644-1, per EN 13849: a standard and its number
        end = m.start(1) + len(" ".join(words))
        if text[end : end + 1].isdigit():
            continue  # by KW44, to CH4: a code glued to its digits
        title_case = _TITLE_CASE_CUE.search(text, max(0, m.start() - 24), m.start(1) + 1)
        if title_case or all(_plain_word(w) for w in words):
            continue  # with Safety First, the Permit To Work: common words, a phrase in title case
        yield Span(PERSON, m.start(1), end, "strict_cue")
    if view.japanese:
        for m in _HONORIFIC_AFTER.finditer(text):
            raw = re.split(r"[のはがをにへとでも、。,]", m.group(1))[-1]
            run = raw.strip(" 　")
            roles = list(_ROLE_IN_RUN.finditer(run))
            run = run[roles[-1].end() :].strip(" 　") if roles else run
            if len(run) < 2 or _ORG_END.search(run) or run in NOT_NAMES or DEPARTMENT.match(run):
                continue
            # the blanks before the honorific are no part of the name: the span ends before them
            end = m.end(1) - (len(raw) - len(raw.rstrip(" 　")))
            yield Span(PERSON, end - len(run), end, "strict_honorific")
        for m in _FIELD_AFTER.finditer(text):
            run = _FIELD_STOP.split(m.group(1))[0].strip(" ")
            if _LABEL_OR_FIGURE_AFTER.match(text, m.start(1) + len(run)):
                continue
            if len(run) < 2 or _ORG_END.search(run) or run in NOT_NAMES or DEPARTMENT.match(run):
                continue
            yield Span(PERSON, m.start(1), m.start(1) + len(run), "strict_field")


_DIGIT_WORD = r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)"
# a number read out digit by digit (a phone in a transcript): seven digit words or more
_SPOKEN = re.compile(rf"\b{_DIGIT_WORD}(?:[ ,\-]{{1,2}}{_DIGIT_WORD}){{6,}}\b", re.IGNORECASE)
# a figure its writer named a postcode, in any country's shape (702 00, H-9027, 8000)
_POSTCODE = re.compile(
    r"\b(?:postcode|post code|postal code|zip(?: code)?|plz|psč)\s?[:#]?\s?"
    r"((?:[A-Z]{1,2}-)?[0-9]{3,5}(?: [0-9]{2,3})?)(?![0-9])",
    re.IGNORECASE,
)


def _numbers(view: TextView) -> Iterator[Span]:
    text = view.text
    for m in _SPOKEN.finditer(text):
        yield Span(NUMBER, m.start(), m.end(), "strict_spoken_digits")
    for m in _POSTCODE.finditer(text):
        yield Span(POSTAL_CODE, m.start(1), m.end(1), "strict_postcode")
    named_end = -1
    for m in _DIGITS.finditer(text):
        value = m.group(0)
        date = _DATE.match(value)
        if date is not None or _TIME_AFTER.match(text, m.end()):  # 2024-05-12 14:30, 2024 04:27
            continue
        if _UNIT_AFTER.match(text, m.end()):
            continue
        before = text[max(0, m.start() - 16) : m.start()]
        listed = named_end >= 0 and _LIST_JOINT.fullmatch(text, named_end, m.start()) is not None
        if listed or _NAMED_BEFORE.search(before):
            named_end = m.end()
            continue
        yield Span(NUMBER, m.start(), m.end(), "strict_digits")


def build_person(resources: Resources) -> FunctionDetector:  # noqa: ARG001 - registry signature
    return FunctionDetector("strict_person", (PERSON,), 9, _persons, strict_only=True)


def build_number(resources: Resources) -> FunctionDetector:  # noqa: ARG001
    return FunctionDetector("strict_number", (NUMBER, POSTAL_CODE), 10, _numbers, strict_only=True)
