"""Whether a record's value is what its key promises, and Japanese keys glued to their value.

A key says what its value should be; the value still has to fit: a name is letters, a few words,
and neither a system account (root, admin), a team (QA, maintenance), a status (ok, n/a) nor only
the plant's own words (cooling tower, laser marker); a postcode is a short code with a digit; a
phone has seven to fifteen digits; an address has a digit or a comma. ``利用者御子柴、`` and
``ユーザ神宮寺 心春（`` write the key with no separator: there the value must be a Japanese name's
shape (two to four kanji, a space and a given name) ending at a delimiter, and not an
administrative word (利用者登録、ユーザ権限（).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from edged.privacy.entities import ADDRESS, PERSON, PHONE, POSTAL_CODE
from edged.privacy.names_latin import (
    SHOP_FLOOR_WORDS,
    census_names,
    common_words,
    given_names,
    unfamiliar,
    vocabulary,
)
from edged.privacy.names_places import THING_WORDS
from edged.privacy.strict_words import PLANT_WORDS, UNITS, words

# Values a person key holds that are no person: accounts, teams, statuses, placeholders.
NOT_PERSONS = words(
    """root admin administrator administrators sysadmin system sys guest nobody anonymous anon
    service daemon operator operators user users unknown none null nil n/a na tbd tba tbc test
    testing demo default auto automatic automated batch cron scheduler script bot robot maintenance
    team dept department shift night day early late qa qc production engineering office support
    helpdesk it hr all everyone any other others vacant same self me you name first last full
    username
    """
)
# A status alone is no name (checked: ok); beside an initial it may be one (CHECKED R. Ok).
STATUSES = words("ok ng nok pass passed fail failed yes no true false on off done pending open closed")
_NAME_TOKEN = re.compile(r"[^\W\d_](?:[^\W\d_]|['’\-.](?=[^\W\d_]|$)|\.)*")
_NAME_SPACE = re.compile(r"[ \u3000]")
# Japanese values that are a unit of the company, a machine or a thing, not a person.
# roles (班長, ライン長, 窓口, 受付) too
_JA_THING = re.compile(
    r"(?:課|部|係|班|室|チーム|グループ|センター|工場|ライン|号機|号|機|社|店|所|会社|品|設備|"
    r"長|窓口|受付|事務局|主任|リーダー)$"
)
_POSTCODE = re.compile(r"(?:〒\s?)?(?:[A-Z]{1,3}[- ]?)?[0-9A-Z]{2,8}(?:[ \-][0-9A-Z]{2,4})?")
_FIGURE = re.compile(r"[0-9]{1,3}(?:[.,][0-9]{3})+")
_PHONE = re.compile(r"\+?[0-9()][0-9 ()\-./]{5,24}[0-9]")
# a date (fax: 2026-11-30 08:12, tel 30.11.2026): a log's time stamp after a phone key, no number
_DATE = re.compile(
    r"(?:[0-9]{4}[-./][0-9]{1,2}[-./][0-9]{1,2}|[0-9]{1,2}[-./][0-9]{1,2}[-./][0-9]{4})(?:\s.*)?"
)
# the parts of a service account (svc-backup, sa_sql, etl.runner, backup-svc): a machine's user
_ACCOUNT_PARTS = words(
    """svc srv sa app apps etl ci cd build deploy backup bak sql db dba ora oracle cron job jobs batch
    bot sys system service daemon agent runner worker scanner sync monitor mon nagios zabbix jenkins
    git gitlab ansible docker k8s iis www web ftp sftp smtp mail noreply no-reply scada hmi plc opc
    mes erp sap"""
)


def fits(kind: str, value: str) -> bool:
    """Whether ``value`` is what a key of ``kind`` promises."""
    if kind == PERSON:
        return person_like(value)
    if kind == POSTAL_CODE:
        return _POSTCODE.fullmatch(value) is not None and any(c.isdigit() for c in value)
    if kind == PHONE:
        digits = sum(c.isdigit() for c in value)
        # a figure with thousands separators (Tel: 12.400.500 is a count, not a number to call)
        figure = _FIGURE.fullmatch(value) or _DATE.fullmatch(value)
        return _PHONE.fullmatch(value) is not None and 7 <= digits <= 15 and not figure
    if kind == ADDRESS:
        return len(value) >= 8 and (any(c.isdigit() for c in value) or "," in value)
    return False


# Person keys that name a thing as often: their value must read as a name on its own.
GENERIC_KEYS = frozenset({"name", "名前", "名称", "title", "label"})


def named(value: str) -> bool:
    """A value with a word that is a given name, a Japanese script or no English word at all."""
    if not value.isascii():
        return True
    return any(t in given_names() or unfamiliar(t) for t in value.lower().split())


def person_like(value: str) -> bool:
    """A name's letters and words, and not an account, a team, a status or the plant's words."""
    tokens = [t for t in _NAME_SPACE.split(value) if t]
    if not 1 <= len(tokens) <= 5 or not all(_NAME_TOKEN.fullmatch(t) for t in tokens):
        return False
    if not value.isascii() and (_JA_THING.search(value) or value in _JA_NOT_PERSONS):
        return False
    lowered = [t.lower().strip(".") for t in tokens]
    if any(t in NOT_PERSONS for t in lowered) or (len(lowered) == 1 and lowered[0] in STATUSES):
        return False
    if _machine_or_process(lowered, tokens):
        return False
    # one common English word alone (contact=reception, owner=shipping) is a role, not a name; nor
    # are common words of which none is a given name (operator=cooling tower)
    common = common_words()
    if len(lowered) == 1:
        return not (lowered[0] in common and lowered[0] not in census_names())
    return not all(t in common and t not in given_names() for t in lowered)


def _machine_or_process(lowered: list[str], tokens: list[str]) -> bool:
    """A service account (user=svc-backup), the plant's words (op=press) or a process or system
    in English words (tech=laser welding, author=ERP export)."""
    if any(p in _ACCOUNT_PARTS for t in lowered for p in re.split(r"[\-_.]", t) if t != p):
        return True
    if all(_plant_word(t) or t in UNITS for t in lowered):
        return True
    return len(lowered) > 1 and _english_thing(lowered, tokens)


def _plant_word(token: str) -> bool:
    return token in PLANT_WORDS or token in SHOP_FLOOR_WORDS or token in THING_WORDS


def _english_thing(lowered: list[str], tokens: list[str]) -> bool:
    """Words English has, none a given name, one of them a plant word or an acronym: a process or
    a system (laser welding, ERP export, MES sync), not a name of English words (Naw Paw Say, Vale
    Forge, King White)."""
    # in a value written all in capitals (NAD+ST+++VALE FORGE) a short word is no acronym
    shouted = all(o.isupper() for o in tokens)
    acronyms = [o.isupper() and len(o) <= 4 and not shouted for o in tokens]
    english = all(
        (t in vocabulary() and t not in given_names()) or acronym
        for t, acronym in zip(lowered, acronyms, strict=True)
    )
    return english and any(_plant_word(t) or acronym for t, acronym in zip(lowered, acronyms, strict=True))


# A Japanese name's parts: short, and no particle joins a clause to them (本日はB棟の…).
_JA_NAME_PART = re.compile(r"[^\sはをがにでのへとも、。]{1,5}")


def japanese_name_end(value: str) -> int:
    """Where a Japanese name in ``value`` ends: its family part and at most one short given part
    (記入者：陳明輝 本日はB棟の… is the name and then the day's report). Latin values stay whole."""
    if value.isascii() or not _KANA_OR_KANJI.search(value):
        return len(value)
    parts = _NAME_SPACE.split(value)
    end = len(parts[0])
    if len(parts) > 1 and len(parts[0]) <= 4 and _JA_NAME_PART.fullmatch(parts[1]):
        end = len(parts[0]) + 1 + len(parts[1])
    honorific = _HONORIFIC.search(value, 0, end)  # the name, not its 様 or さん
    return honorific.start() if honorific else end


_HONORIFIC = re.compile(r"\s?(?:様|さま|さん|氏|殿|君|くん|ちゃん|先生)$")
# Japanese values of a person field that name no one (利用者：全員, 報告者：匿名)
_JA_NOT_PERSONS = words(
    "全員 なし 無し 未定 匿名 不明 各位 本人 未記入 空欄 該当なし 誰でも 全社員 社員 全体 共通 共有 "
    "管理者 システム ゲスト 担当者 作業者 利用者 外部 来客 一般 自分 代理 同上 "
    # outside parties and kinds of staff, no one by name (検査員：外注)
    "外注 外注先 協力会社 業者 委託 委託先 派遣 派遣社員 社外 社内 関係者 他社 取引先 夜勤 日勤 当番"
)


_KANA_OR_KANJI = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff々]")

# Keys Japanese records glue to their value, and the name that may follow them.
_GLUED_KEY = r"(?:利用者|ユーザー?|作業者|運転手|担当者|氏名|名前|来訪者|申請者)"
_KANJI = r"[\u4e00-\u9fff々]"
_GLUED_END = r"(?=[、，。（(：:；;\s）)]|$)"
_GLUED = re.compile(
    rf"{_GLUED_KEY}({_KANJI}{{2,4}}(?:[ \u3000](?:{_KANJI}|[\u3041-\u3096]){{1,4}})?){_GLUED_END}"
)
# Administrative words that follow such a key (利用者登録, ユーザ権限, 作業者数, 担当者変更 …).
_ADMIN = re.compile(
    r"登録|情報|管理|設定|権限|認証|番号|削除|追加|変更|確認|画面|区分|種別|負担|本人|以外|全員|各位|"
    r"不明|一覧|向け|完了|失敗|成功|申請|承認|記録|履歴|教育|名簿|指定|選択|不在|未定|変更|交代|"
    r"^[数名用様側別毎全各他]"
)


def glued_names(text: str) -> Iterator[tuple[int, int]]:
    """``利用者御子柴、``: the name right after a person key written without a separator."""
    for match in _GLUED.finditer(text):
        value = match.group(1)
        if not _ADMIN.search(value) and not _JA_THING.search(value) and value not in _JA_NOT_PERSONS:
            yield match.start(1), match.start(1) + japanese_name_end(value)
