"""Japanese names that records and logs place rather than the dictionary: a surname no list holds
(百目鬼, 瑞慶覧, 一尺八寸) is told by the slot it stands in and by its shape, a run of one to six
kanji with an optional given name (kanji after a space, hiragana or katakana after a space or glued
to it), or a foreign name in katakana words:

- after a record's cue word (承認, 起票, 主催, 立会, 監督, 担当, 作成者, whatever a word in 者 names)
  or a log's person key (``user=``, ``owner:``), up to a delimiter, a title or an honorific
  (起票瑞慶覧　篤志、); a Latin name of two words or more as such a field's value (応答=Phạm Jane);
- a kanji surname, a space and a given name closed by a title or honorific (岡田　こはるリーダー);
  a kanji run right before one (百目鬼ちゃん, 仲里るん技師);
- the subject of an absence (不在通知：京極はジョージア出張中), the day's worker (本日長﨑が);
- a writer naming themself (はい朔ですけど, 品質保証部の廣瀬 宙です), a chat line's speaker
  (LINE 一颯「...」);
- a record's subject before its changed or personal fields (社員マスタ変更：一尺八寸　新郵便番号),
  a name's field before its department's (【名刺OCR】瑞慶覧｜保全課｜);
- a member of an approval chain whose neighbour is a person (九十九→岡田　こはるリーダー→).

Refused: a run the dictionary reads as holding a common word that is no name, unless a title or
honorific closes it or a given name the dictionary tags ends it (承認経路, 確認結果, 立会検査);
loanwords (担当ライン); departments, places (豊田市様, 品証ラボ), a date's end (14日 田中様).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Protocol

from edged.privacy.detector import Span
from edged.privacy.entities import PERSON
from edged.privacy.names_ja_data import (
    _LATIN_NOT_NAMES,
    _ORG_END,
    DEPARTMENT,
    HONORIFICS,
    NOT_NAMES,
    RECORD_CUES,
    ROLE_CUES,
    TITLES,
)
from edged.privacy.names_latin import common_phrase

_K = "\u4e00-\u9fff々〆ヶ\uf900-\ufaff"
_H = "\u3041-\u3096"
_KT = "\u30a1-\u30faー"
# a surname: kanji, with the small kana some hold (三ツ矢, 一ノ瀬, 八ヶ代)
_SURNAME = f"[{_K}][{_K}ノツケヵ]{{0,5}}"
# the role words, and 者 alone (筆頭発明者百目鬼一馬, 応募者月見里ちゃん: whoever 者 names)
_CUE_WORDS = sorted({*RECORD_CUES, *(c for c in ROLE_CUES if not c.isascii()), "者"}, key=len, reverse=True)
_CUE = re.compile("|".join(re.escape(c) for c in _CUE_WORDS))
# a log's person key (user=百目鬼　あおい job=...): what follows is a user, whatever its words
_KEY = re.compile(
    r"(?<![A-Za-z_])(?:user|username|user_name|owner|operator|author|assignee|approver|requester|"
    r"reporter|login|created_by|updated_by|approved_by|checked_by)[\"']?[=:] ?[\"'「]?",
    re.IGNORECASE,
)
# titles and honorifics after a name; 監督 too (承認原班長→八月一日監督)
_MARKS = "|".join(re.escape(m) for m in sorted((*TITLES, *HONORIFICS, "監督"), key=len, reverse=True))
_END = rf"(?=$|[\s、。，．,.（(<＜「」【|｜/／:：→⇒>）)\]\"']|{_MARKS}|[がはにへと](?![{_H}]))"
_NO_HONORIFIC = "(?!さん|さま|くん|ちゃん|から|まで|です)"
# a surname (with a glued kanji given name), then a given name: kanji after a space, hiragana or
# katakana after a space or glued (九十九こはる, 四十物ジュン)
_GIVEN = rf"(?: [{_K}]{{1,3}}| ?{_NO_HONORIFIC}[{_H}]{{2,5}}[子美恵]?| ?[{_KT}]{{2,5}})"
_BODY = rf"(?P<surname>{_SURNAME}){_GIVEN}?"
# a foreign name in katakana words (ウィルメル・アフ, イ ジウ: a one-letter Korean surname)
_KANA_BODY = rf"(?:[{_KT}](?=[ ・=])|[{_KT}]{{2,12}})(?:[ ・=][{_KT}]{{2,12}}){{0,3}}"
_RUN = re.compile(rf"(?:[:：=]|は)? ?(?P<run>{_BODY}|{_KANA_BODY}){_END}")
_ENDS = re.compile(_END)
_SPACED_KANA = re.compile(
    rf"(?<![{_K}ノツケヵ])(?P<run>{_SURNAME} "
    rf"(?:{_NO_HONORIFIC}[{_H}]{{2,5}}[子美恵]?|[{_K}]{{1,3}}|[{_KT}]{{2,5}}))(?={_MARKS})"
)
# 百目鬼ちゃんと, について百目鬼係長から: a kanji run no dictionary word fills, before a title or
# an honorific, not after お or ご (ご担当様)
_MARKED_RUN = re.compile(
    rf"(?<![{_K}おご御])(?P<run>[{_K}]{{2,5}}(?:{_NO_HONORIFIC}[{_H}]{{2,4}})?)(?={_MARKS})"
)
# 本日長﨑が点検を行い: the day's worker, a run after 本日 before が or は
_TODAY = re.compile(rf"(?:^|(?<=[、。\s]))(?:本日|今日|昨日|明日)(?P<run>{_BODY})(?=[がは])")
_ABSENT = re.compile(
    rf"(?:^|(?<=[:：、。\s】」]))(?P<run>{_BODY})は"
    r"[^。]{0,25}?(?:出張|休暇|不在|外出|欠勤|休職|在宅勤務|休み|有休|有給|療養|帰省|研修中)"
)
# a writer names themself: はい朔ですけど, SMS転送：藤田　つばさです。, 品質保証部の廣瀬 宙です
_SELF = re.compile(
    rf"(?:^|(?<=[:：、。\s】」)])|(?<=はい|あの|えー|部の|課の|係の|班の))(?P<run>{_BODY}|{_KANA_BODY})です"
    r"(?=$|[。、,.!！\sA-Za-z0-9]|けど|が)"
)
# a chat line's speaker before the quote (LINE 一颯「明日の...」)
_SPEAKER = re.compile(rf"(?:^|(?<=[\s】」]))(?P<run>{_BODY}|{_KANA_BODY})「")
# a record's subject before its changed or personal fields (社員マスタ変更：一尺八寸　新住所,
# 経費精算　七夏　法人カード)
_SUBJECT = re.compile(
    rf"(?:^|(?<=[:：\s]))(?P<run>[{_K}]{{2,6}}{_GIVEN}?) "
    r"(?=[新旧]|個人番号|マイナンバー|法人カード|社員番号|生年月日|現住所|住所|電話|携帯)"
)
# 【名刺OCR】瑞慶覧｜保全課｜: a name's field before the field of its department
_DEPARTMENT_NEXT = re.compile(
    rf"(?:^|(?<=[】|｜/]))(?P<run>{_BODY})[|｜/]"
    rf"(?=[{_K}{_KT}]{{1,8}}(?:課|部|係|室|班|グループ|チーム|センター)(?:$|[|｜/]))"
)
_SHAPED_RULES = (
    ("ja_absent", _ABSENT),
    ("ja_self_named", _SELF),
    ("ja_speaker", _SPEAKER),
    ("ja_record_subject", _SUBJECT),
    ("ja_department_next", _DEPARTMENT_NEXT),
    ("ja_marked_run", _MARKED_RUN),
    ("ja_today", _TODAY),
)
_ARROW = re.compile(r" ?[→⇒] ?")
_ITEM_AFTER = re.compile(
    rf"(?P<run>{_BODY}|[{_KT}]{{2,}}(?:[ ・][{_KT}]{{2,}}){{0,2}})(?=$|[、。,.\s(（]| ?[→⇒]|{_MARKS})"
)
_ITEM_BEFORE = re.compile(rf"(?:^|(?<=[:：、。\s】」]))(?P<run>{_BODY})(?:{_MARKS})?$")
_MARK = re.compile(_MARKS)
_KANA_ONLY = re.compile(rf"[{_KT} ・=]+")
_BAD_START = frozenset("者人時済待先元欄印名等外用第各全本当同旧現副総")
# a Latin name as a field's value (応答=Phạm Jane): two to four capitalised words (one alone is
# as often a product: 確認：Excel)
_CAPITAL = "A-ZÀ-ÖØ-ÞĀ-ſƀ-ɏḀ-ỿ"
_LATIN_VALUE = re.compile(
    rf"[:：=] ?(?P<run>[{_CAPITAL}][^\W\d_]+(?:[ \-][{_CAPITAL}][^\W\d_]+){{1,3}})(?![^\W\d_])"
)
_CHAIN_LINKS = 5
# what ends a place's name, not a person's: a city or ward (豊田市, 中村区), a room of the plant
# in katakana (品証ラボ, 組立ライン)
_PLACE_END = re.compile(
    "(?:[市区町村県郡]|ラボ|ライン|センター|エリア|ヤード|ルーム|ショップ|セル|ステーション|ブース|ゲート|ドック)$"
)


class Dictionary(Protocol):
    """What the rules ask of the Japanese name finder's dictionary."""

    def known_name(self, surface: str) -> bool: ...

    def holds_common_word(self, surface: str) -> bool: ...

    def person_word(self, surface: str) -> bool: ...

    def ends_in_given_name(self, surface: str) -> bool: ...

    def place_word(self, surface: str) -> bool: ...

    def ordinary_word(self, surface: str) -> bool: ...


def find(text: str, words: Dictionary) -> Iterator[Span]:
    """Names by the slot a record gives them (the module's docstring lists the slots)."""
    for cue in (*_CUE.finditer(text), *_KEY.finditer(text)):
        m = _RUN.match(text, cue.end())
        if m is None:
            latin = _LATIN_VALUE.match(text, cue.end())
            if latin is not None and _latin_name(latin.group("run")):
                yield Span(PERSON, latin.start("run"), latin.end("run"), "ja_record_latin")
            continue
        keyed = cue.re is _KEY
        span = _name(text, m.start("run"), m.end("run"), words, strong=keyed)
        surname_end = m.end("surname")
        if span is None and 0 <= surname_end < m.end("run") and _ENDS.match(text, surname_end):
            # 主催百々　来場者は: the word after the space is the next field, not a given name
            span = _name(text, m.start("run"), m.end("surname"), words, strong=keyed)
        if span is not None:
            yield Span(PERSON, *span, "ja_record_key" if keyed else "ja_record_cue")
    for m in _SPACED_KANA.finditer(text):
        span = _name(text, m.start("run"), m.end("run"), words, strong=True, vet=True)
        if span is not None:
            yield Span(PERSON, *span, "ja_spaced_given")
    for rule, pattern in _SHAPED_RULES:
        for m in pattern.finditer(text):
            # a writer's own name (はい朔です) may be one character the dictionary knows
            self_named = pattern is _SELF
            span = _name(text, m.start("run"), m.end("run"), words, strong=self_named, vet=True)
            if span is not None:
                yield Span(PERSON, *span, rule)


def chained(text: str, found: Iterable[Span], words: Dictionary) -> Iterator[Span]:
    """承認経路：九十九→岡田　こはるリーダー→村上リーダー: the members of an arrow chain that holds a
    found name, each the shape of a name."""
    for span in found:
        if span.type != PERSON:
            continue
        end = span.end
        for _ in range(_CHAIN_LINKS):
            end = _mark_end(text, end)
            arrow = _ARROW.match(text, end)
            item = _ITEM_AFTER.match(text, arrow.end()) if arrow else None
            named = item and _name(text, item.start("run"), item.end("run"), words, strong=False)
            if not named:
                break
            yield Span(PERSON, *named, "ja_chain")
            end = named[1]
        start = span.start
        for _ in range(_CHAIN_LINKS):
            arrow_end = start - (1 if text[start - 1 : start] == " " else 0)
            if text[arrow_end - 1 : arrow_end] not in ("→", "⇒"):
                break
            item_end = arrow_end - 1 - (1 if text[arrow_end - 2 : arrow_end - 1] == " " else 0)
            item = _ITEM_BEFORE.search(text, max(0, item_end - 16), item_end)
            named = item and _name(text, item.start("run"), item.end("run"), words, strong=False)
            if not named:
                break
            yield Span(PERSON, *named, "ja_chain")
            start = named[0]


def _latin_name(run: str) -> bool:
    """Capitalised words that are no plant words or English phrase (Press Shop, Excel)."""
    lower = [w.lower() for w in run.replace("-", " ").split()]
    return not any(w in _LATIN_NOT_NAMES for w in lower) and not common_phrase(lower)


def _mark_end(text: str, end: int) -> int:
    """After the title or honorific that closes a name (村上リーダー→)."""
    m = _MARK.match(text, end)
    return m.end() if m else end


def _name(
    text: str, start: int, end: int, words: Dictionary, *, strong: bool, vet: bool = False
) -> tuple[int, int] | None:
    """The run's name (a title or honorific at its end cut off, which makes it certain), or None
    when the run is a word, a department, a place of the plant or a role. A run the title alone
    places (``vet``) must hold no common word either, nor be a customer's site before 様 (安城様)."""
    run = text[start:end]
    while True:
        mark = next((m for m in (*TITLES, *HONORIFICS) if run.endswith(m) and len(run) > len(m)), None)
        if mark is None:
            break
        run = run[: -len(mark)]
        strong = True
    strong = strong or _MARK.match(text, start + len(run)) is not None
    given = run.partition(" ")[2]
    # 四月一日　颯太, 栗花落春香: a given name the dictionary tags as one, after a space or at the
    # end of the run, makes the run a name
    strong = strong or (bool(given) and words.person_word(given)) or words.ends_in_given_name(run)
    if _refused(text, start, run, words, strong=strong):
        return None
    if (not strong or vet) and words.holds_common_word(run):
        return None
    if vet and text.startswith(("様", "さま", *TITLES), start + len(run)) and words.place_word(run):
        return None  # 安城様, 東京工場長: a customer's site, a plant's manager
    return start, start + len(run)


def _refused(text: str, start: int, run: str, words: Dictionary, *, strong: bool) -> bool:
    """The run is a word, a department, a place, a role, a date's end or loanwords."""
    surname, _, given = run.partition(" ")
    bare = run.replace(" ", "")
    if _KANA_ONLY.fullmatch(run):
        # 担当ライン, エア コンプレッサ: loanwords, no foreign name
        return _ORG_END.search(bare) is not None or all(
            words.ordinary_word(p) for p in re.split("[ ・=]", run) if p
        )
    return (
        text[start - 1 : start].isdigit()  # 6月14日 齋藤様: a date's or a count's end
        or (_PLACE_END.search(bare) is not None and not words.known_name(bare))
        or bare in NOT_NAMES
        or surname in NOT_NAMES
        or DEPARTMENT.match(surname) is not None
        or _ORG_END.search(surname) is not None
        or _CUE.match(run) is not None
        or (len(bare) < 2 and not (strong and words.known_name(bare)))
        or (surname[0] in _BAD_START and not words.known_name(surname))
        or (len(surname) == 1 and bool(given) and not words.known_name(surname))  # 宛名 岡本: 名
    )
