"""Values in records whose FIELD KEY says what they are, whatever their shape: ``FN:Tiwonge``,
``cn=中野　楓,ou=…``, ``postalCode: 600``, ``op=kajal chaudhari``, ``"name": "ana sousa"``,
``担当=sayuri tomimura；``, ``利用者御子柴、``, ``! Author: Nayra``, ``CHECKED R. Ok``.

A lowercase name, a bare three-digit postcode or a national phone has no shape of its own; the
record's key names it. The keys come from the formats a plant's systems write: vCard (RFC 6350:
FN, N, NICKNAME, TEL, ADR), LDAP inetOrgPerson (cn, sn, givenName, displayName, uid, gecos,
telephoneNumber, mobile, postalCode, postalAddress, street), the columns of CSV, SQL, JSON and
YAML exports (name, full_name, first_name, user, owner, operator, op, contact, zip, phone,
address …) and their Japanese counterparts (氏名, 担当者, 作業者, 利用者, 郵便番号, 住所, 電話).

The value runs to its format's delimiter or to the next ``key=``/``key:``; then it must look like
what the key promises (a name: letters only, a few words, not a system account nor a team nor only
plant words; a postcode: a short code with a digit; a phone: seven to fifteen digits). A key whose
value is a machine, a tool, a station or a line is not in the table, so ``host=press-07`` and
``tool=laser marker LM-1`` stay.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from edged.privacy.detector import FunctionDetector, Span, TextView
from edged.privacy.entities import ADDRESS, PERSON, PHONE, POSTAL_CODE
from edged.privacy.fields_values import GENERIC_KEYS, fits, glued_names, japanese_name_end, named

if TYPE_CHECKING:
    from edged.privacy.registry import Resources


def _keys(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Keys are compared lowercased, without "_", "-", "." and spaces (full_name = fullName = FULL-NAME).
PERSON_KEYS = _keys(
    # vCard, LDAP inetOrgPerson and posixAccount
    "fn n nickname cn commonname sn surname givenname displayname uid gecos "
    # columns of exports and logs
    "name fullname firstname lastname middlename familyname forename personname username user login "
    "loginname userid owner ownername operator operatorname op opname contact contactname "
    "contactperson employee employeename worker workername technician tech inspector inspectorname "
    "author createdby modifiedby updatedby editedby approvedby checkedby reviewedby signedby "
    "requester requestedby requestor assignee assignedto reporter reportedby recipient consignee "
    "attn attention visitor visitorname guest guestname driver drivername responsible "
    "supervisor nextofkin emergencycontact spouse progby programmedby drawnby drawn checked "
    "designer designedby preparedby issuedby "
    # Japanese
    "氏名 名前 姓名 お名前 フリガナ ふりがな 氏名カナ 担当 担当者 作業者 利用者 ユーザ ユーザー ユーザ名 "
    "ユーザー名 運転手 運転者 作成者 承認者 確認者 検査員 検査者 点検者 点検員 申請者 依頼者 受取人 "
    "荷受人 差出人 来訪者 訪問者 責任者 入力者 記入者 報告者 オペレータ オペレーター 従業員 社員名 "
    "作業員 担当者名 連絡者"
)
POSTAL_KEYS = _keys(
    "zip zipcode postcode postalcode postalzone postcodeid plz pincode eircode postal zip4 郵便番号 〒"
)
PHONE_KEYS = _keys(
    "tel telephone telephonenumber phone phonenumber phoneno mobile mobilephone mobilenumber cell "
    "cellphone fax faxnumber facsimiletelephonenumber homephone workphone pager contactphone "
    "電話 電話番号 携帯 携帯電話 携帯番号 ファックス 連絡先電話 tel番号"
)
ADDRESS_KEYS = _keys(
    "adr address addr street streetaddress postaladdress homepostaladdress registeredaddress "
    "homeaddress address1 addressline1 住所 所在地 現住所 送付先住所"
)
KEY_TYPES: dict[str, str] = {
    **dict.fromkeys(PERSON_KEYS, PERSON),
    **dict.fromkeys(POSTAL_KEYS, POSTAL_CODE),
    **dict.fromkeys(PHONE_KEYS, PHONE),
    **dict.fromkeys(ADDRESS_KEYS, ADDRESS),
}

# A key: after a line's start, a space, a record's punctuation or an opening quote (never after a
# hyphen or underscore: badge-ip=, tool_op= are other keys), with an optional dotted prefix
# (hr.name=) and vCard parameters (TEL;TYPE=work:); then its separator, after the key's closing
# quote when it has one (JSON's "name": and a Python or YAML record's 'name':). A Japanese key is
# one of the table's, wherever it ends a word (…の担当者：).
_JA_KEYS = "|".join(sorted((k for k in KEY_TYPES if not k.isascii()), key=len, reverse=True))
_KEY = re.compile(
    r"(?:(?<![\w\-.])(?:[A-Za-z]{1,12}\.)?([A-Za-z][A-Za-z_\-]{0,29})|(" + _JA_KEYS + r"))"
    r"(?:;[A-Za-z\-]{1,12}(?:=[^\s:;=]{1,20})?){0,3}(?:[\"']?\s?[:=：＝]\s?| (?=[\"']))"
)
_LEADING_POSTCODE = re.compile(r"〒?\s?[0-9]{3}-?[0-9]{4}\s")
_VCARD_N = re.compile(r"(?<![A-Za-z])N:$")
# XML elements (UBL's <cbc:PostalZone>, an ERP export's <contact_name>): the tag is the key.
_XML = re.compile(r"<(?:[A-Za-z]{1,10}:)?([A-Za-z][\w\-.]{0,40})(?:\s[^<>]{0,120})?>([^<>\n]{1,150})</")
# The CNC header forms written without a separator: PROG BY Ana, CHECKED R. Ok, DRAWN BY …
_HEADER_KEY = re.compile(
    r"(?<![A-Za-z])(?:PROG(?:RAMMED)? BY|CHECKED(?: BY)?|DRAWN(?: BY)?|APPROVED BY) (?=[A-Z])"
)
# Where a value ends: the format's delimiters, a bracket, or the next key of the record.
_STOP = {
    PERSON: r"[;,|&\t\n；、，。(（)）\[\]{}<>\"'/!]",
    POSTAL_CODE: r"[;,|&\t\n；、，。(（)）\[\]{}<>\"'/!]",
    PHONE: r"[;,|&\t\n；、，。\[\]{}<>\"'!]",
    ADDRESS: r"[|&\t\n；。\[\]{}<>\"!]",
}
_NEXT_KEY = re.compile(
    r"\s+(?:[A-Za-z][\w\-.]{0,29}\s?[:=]|[^\s=:：＝;；]{1,12}[=:：＝])|\s{2,}|\s+END\b"
    # a Japanese key written without its separator (住所：… 電話 …)
    rf"|\s+(?:{_JA_KEYS})"
)
# a vCard key and its parameters up to its colon (TEL;TYPE=cell:, TEL;CELL;VOICE:): an ADR's parts
# (12 Triq il-Kbira;Mosta;;MST 1234) reach no colon, so they are no key
_VCARD_KEY = re.compile(r"\s+[A-Za-z][\w\-]{0,29}(?:;[A-Za-z\-]{1,12}(?:=[^\s;:]{0,20})?){1,3}:")
_MAX_VALUE = {PERSON: 60, POSTAL_CODE: 12, PHONE: 30, ADDRESS: 150}


def normal_key(key: str) -> str:
    return re.sub(r"[_\-. ]", "", key).lower()


def _value(text: str, start: int, kind: str) -> tuple[int, int] | None:
    """The value's extent from ``start``: to the first delimiter or next key, trimmed."""
    window = text[start : start + _MAX_VALUE[kind] + 40]
    quote = window[:1]
    if quote in "\"'" and quote:
        close = window.find(quote, 1)
        if close < 0:
            return None
        begin, end = 1, close
    else:
        begin = 0
        if kind == ADDRESS:  # vCard ADR leaves its empty post office box and extended parts as ;;
            while begin < len(window) and window[begin] == ";":
                begin += 1
        stop = re.search(_STOP[kind], window[begin:])
        end = begin + stop.start() if stop else len(window)
        following = _NEXT_KEY.search(window, begin, end + 2)
        if following:
            end = min(end, following.start())
        vcard = _VCARD_KEY.search(window, begin)  # its parameters run past the value's ;
        if vcard and vcard.start() <= end:
            end = vcard.start()
    if kind == PERSON and _VCARD_N.search(text, max(0, start - 3), start):
        # vCard N:Family;Given;Additional;Prefix;Suffix holds its parts apart with ;
        parts = re.match(r"[^;:\n<>]{0,40}(?:;[^;:\n<>\s]{0,30}){0,4}", window[begin:])
        end = begin + (len(parts.group(0).rstrip(";")) if parts else 0)
    value = window[begin:end]
    stripped = value.rstrip(" ;:.,　")
    if kind == PERSON and value[len(stripped) : len(stripped) + 1] == ".":
        stripped += "."  # an initial: R. Ok.
    lead = len(value) - len(value.lstrip(" 　"))
    if not stripped.strip() or len(stripped) > _MAX_VALUE[kind]:
        return None
    return start + begin + lead, start + begin + len(stripped)


# LDIF writes a value that is not plain ASCII in base64 after a double colon (cn:: 5Lit6YeO…): the
# encoded value says as much as the plain one to whoever decodes it.
_LDIF_BASE64 = re.compile(
    r"(?m)^([A-Za-z][\w\-]{0,40})(?:;[\w\-]{1,20}){0,3}:: ?([A-Za-z0-9+/]{4,400}={0,2})[ \t]*$"
)


def _ldif_base64(text: str) -> Iterator[Span]:
    for match in _LDIF_BASE64.finditer(text):
        key = normal_key(match.group(1))
        kind = KEY_TYPES.get(key)
        if kind is None:
            continue
        try:
            value = base64.b64decode(match.group(2), validate=True).decode("utf-8").strip()
        except (binascii.Error, UnicodeDecodeError):
            continue
        if fits(kind, value) and (key not in GENERIC_KEYS or named(value)):
            yield Span(kind, match.start(2), match.end(2), "field_slot")


def _find(view: TextView) -> Iterator[Span]:
    text = view.text
    yield from _ldif_base64(text)
    for match in _KEY.finditer(text):
        key = normal_key(match.group(1) or match.group(2))
        kind = KEY_TYPES.get(key)
        if kind is not None:
            yield from _slot(text, match.end(), kind, key in GENERIC_KEYS)
    for match in _XML.finditer(text):
        key = normal_key(match.group(1))
        kind = KEY_TYPES.get(key)
        value = match.group(2).strip()
        if kind is not None and fits(kind, value) and (key not in GENERIC_KEYS or named(value)):
            start = match.start(2) + match.group(2).index(value)
            yield Span(kind, start, start + len(value), "field_slot")
    for match in _HEADER_KEY.finditer(text):
        yield from _slot(text, match.end(), PERSON, False)
    for start, end in glued_names(text):
        yield Span(PERSON, start, end, "field_slot")


def _slot(text: str, start: int, kind: str, generic: bool) -> Iterator[Span]:
    extent = _value(text, start, kind)
    if extent is None:
        return
    if kind == PERSON:
        extent = extent[0], extent[0] + japanese_name_end(text[extent[0] : extent[1]])
    elif kind == ADDRESS:  # a postcode before the address is the postcode detector's
        postcode = _LEADING_POSTCODE.match(text, extent[0], extent[1])
        extent = (postcode.end() if postcode else extent[0]), extent[1]
    value = text[extent[0] : extent[1]].replace(";", " ")  # vCard N's parts
    if fits(kind, value) and (not generic or named(value)):
        yield Span(kind, extent[0], extent[1], "field_slot")


def build(resources: Resources) -> FunctionDetector:  # noqa: ARG001 - registry signature
    return FunctionDetector("field_slot", (PERSON, POSTAL_CODE, PHONE, ADDRESS), 5, _find)
