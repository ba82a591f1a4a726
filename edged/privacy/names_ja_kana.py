"""Japanese full names written in kana with a space between surname and given name (はせがわ みく,
ドミトリ・ソコロフ), told by their shape and what stands around them rather than by the dictionary,
which knows few surnames in hiragana:

- two hiragana words, then an honorific, a title, a speaker's colon or a self-introduction
  (です at the start, with a given name the dictionary knows), or after a cue that a name follows
  (ふりがな, 署名, 管理者, 報告者);
- two or more katakana words joined by a space, ・ or =, after は/、 or at the start, ending the
  sentence or introducing the writer (です), when the dictionary reads no part as a common word.

A particle the run starts with (詳細はおびなた: は) is cut off.

Rare kanji surnames the dictionary splits (大豆生田 read as 大豆 + 生田) are carried whole: a name
found after a space or inside a run of kanji is widened to the start of that run, after a field
separator or a particle, when the run holds at most four kanji and ends in no department or role
(保全課 田中 stays 田中); and after a field cue (署名：四十万 陽子) a kanji surname and a given name
separated by a space are a name.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from edged.privacy.detector import Span
from edged.privacy.entities import PERSON
from edged.privacy.names_ja_data import HONORIFICS, RECORD_CUES, ROLE_CUES, TITLES

_H = "\u3041-\u3096"
# particles after a name that is a sentence's subject or object (くわはら ちひろが変更)
_PARTICLE_AFTER = "がはにをと"
# the given name may run into a hiragana honorific or です (のぞみさん, のぞみです)
_KANA_PAIR = re.compile(
    rf"(?<![{_H}ー])([{_H}]{{2,6}})[ \u3000]([{_H}]{{2,5}}?)"
    rf"(?=さん|さま|くん|ちゃん|です|(?![{_H}])|[{_PARTICLE_AFTER}](?=[\u4e00-\u9fff\u30a1-\u30fa]))"
)
_MARK_AFTER = re.compile(
    "|".join(re.escape(m) for m in sorted((*HONORIFICS, *TITLES, "リーダー"), key=len, reverse=True))
    + r"|[:：]|です"
)
_CUES = (
    "ふりがな",
    "フリガナ",
    "よみがな",
    "ヨミガナ",
    "署名",
    "氏名",
    "管理者",
    "対応",
    "報告者",
    "報告先",
    "宛先",
    "宛名",
    *ROLE_CUES,
    *RECORD_CUES,
)
# a config key's = too (管理者=まえだ ゆい)
_CUE_BEFORE = re.compile("(?:" + "|".join(re.escape(c) for c in _CUES) + r")[:：=]?[ \u3000]?$")
# searched only as far back as a cue and its colon and space reach: from the text's start, each
# pair was a scan of all the text before it
_CUE_REACH = max(len(c) for c in _CUES) + 2
_PARTICLE = "はがをにでともへのや"
_K = "\u4e00-\u9fff々"
_ROLE_END = tuple("課部係班室長者場所社店局科署")
_MAX_SURNAME = 4
# a day or a time before a name (本日長﨑が): no part of its surname
_TIME_WORDS = ("本日", "今日", "昨日", "明日", "先日", "当日", "毎日", "翌日", "前日", "今回", "前回", "次回")
_HONORIFIC_AFTER = re.compile(r" ?(?:様|さん|さま|殿|氏|君)")
# a kanji run after a separator or a particle, right before a name (with the space between them)
_KANJI_RUN_BEFORE = re.compile(rf"(?:^|(?<=[ :：、/／(（{_PARTICLE}]))([{_K}]{{1,4}} ?)$")
_LEADING_KANJI = re.compile(rf"[{_K}]*")
_FIELD_PAIR = re.compile(
    rf"(?:署名|氏名|名前|記入者|申請者)[:：] ?([{_K}]{{1,4}}) ([{_K}{_H}]{{1,4}})(?=[ 、。]|$)"
)
_KATAKANA_PAIR = re.compile(
    r"(?<![\u30a1-\u30faー])[\u30a1-\u30faー]{2,}(?:[ ・=][\u30a1-\u30faー]{2,}){1,2}"
)
# searched in the three characters before a run (^ still only at the text's start)
_KATAKANA_BEFORE = re.compile(r"(?:^|[は、:：\s]|手配は|担当は)$")
# longer than any katakana name's part (ヴィシュヴァナータン: 10)
_LONGEST_PART = 20
# ギオルギ ベリゼは出張中: the sentence's subject, before は or が and a word in kanji
_KATAKANA_AFTER = re.compile(r"(?:です|。|$|[、\s](?=[0-9０-９])|[はが](?=[\u4e00-\u9fff\u30a1-\u30fa]))")


def find(
    text: str, ordinary_word: Callable[[str], bool], known_name: Callable[[str], bool]
) -> Iterator[Span]:
    yield from _hiragana(text, known_name)
    yield from _katakana(text, ordinary_word)
    for m in _FIELD_PAIR.finditer(text):
        if not m.group(1).endswith(_ROLE_END) and not ordinary_word(m.group(1)):
            yield Span(PERSON, m.start(1), m.end(), "ja_field_pair")


def widened(text: str, found: list[Span], ordinary_word: Callable[[str], bool]) -> Iterator[Span]:
    """The ``found`` names that start inside a kanji surname, or after one and a space, widened
    to the surname's start (大豆生田 浩 from 生田 浩 or 浩)."""
    for span in found:
        if not re.match(rf"[{_K}{_H}]", text[span.start : span.start + 1]):
            continue  # a Latin or katakana name has no kanji surname before it
        run = _KANJI_RUN_BEFORE.search(text, max(0, span.start - 6), span.start)
        if run is None or run.group(1).rstrip(" ").endswith((*_ROLE_END, *_CUES, *_TIME_WORDS)):
            continue  # 保全課 田中, 報告先 田中, 承認 田中: a department or a cue before the name
        surname = run.group(1)
        leading = _LEADING_KANJI.match(text, span.start)
        if not surname.endswith(" ") and leading is not None:
            surname += leading.group(0)  # 大豆 + 生田: the found name began inside the surname
        # 宛名 岡本 様: a field's label (an ordinary word) before a surname and its honorific;
        # 雲母 舞から: a surname that is also a word, before a given name
        honorific = _HONORIFIC_AFTER.match(text, span.end) is not None
        label = surname.endswith(" ") and honorific and ordinary_word(surname.rstrip(" "))
        # 受付 山下 智也: a name written apart already has its surname; a second space is a field's
        label = label or (surname.endswith(" ") and " " in text[span.start : span.end].strip(" "))
        if len(surname.rstrip(" ")) <= _MAX_SURNAME and not label:
            yield span._replace(start=run.start(1))


def _hiragana(text: str, known_name: Callable[[str], bool]) -> Iterator[Span]:
    blank_head = len(text) - len(text.lstrip(" \u3000"))
    for m in _KANA_PAIR.finditer(text):
        start = m.start(1)
        if start > 0 and not text[start - 1].isspace() and m.group(1)[0] in _PARTICLE:
            start += 1  # 詳細はおびなた のぞみ: the particle belongs to the sentence
        if m.end(1) - start < 2:
            continue
        after = _MARK_AFTER.match(text, m.end())
        intro = after is not None and after.group(0) == "です"
        opening = start <= blank_head or text[start - 1] in "。、:：\n"
        if intro and not (opening and known_name(m.group(2))):
            continue  # これは まだです: a writer introduces a known given name, at a sentence's start
        if after is not None and after.group(0) in ":：" and not _speaker(text, start, m, known_name):
            continue  # てんけん けっか：いじょう なし: a field's label, not a chat line's speaker
        if after is not None or _CUE_BEFORE.search(text, max(0, start - _CUE_REACH), start):
            yield Span(PERSON, start, m.end(), "ja_kana_pair")
        elif _subject(text, start, m, known_name):
            yield Span(PERSON, start, m.end(), "ja_kana_subject")


def _subject(text: str, start: int, m: re.Match[str], known_name: Callable[[str], bool]) -> bool:
    """振込先をくわはら ちひろが変更: a given name the dictionary knows, after a particle or a
    separator, before a particle and a word in kanji or katakana; the surname ends in no particle
    (これは ゆうきが is a sentence)."""
    opened = start > m.start(1) or start == 0 or text[start - 1] in " \u3000、。:：「(（"
    particle = text[m.end() : m.end() + 1] in _PARTICLE_AFTER
    return opened and particle and m.group(1)[-1] not in _PARTICLE and known_name(m.group(2))


def _speaker(text: str, start: int, m: re.Match[str], known_name: Callable[[str], bool]) -> bool:
    """A chat line's speaker before a colon: at the line's start, or after its time or bracket,
    with a surname or given name the dictionary knows (かねしろ みずほ：)."""
    slot = start == 0 or text[start - 1] in " \u3000\n]】)）"
    return slot and (known_name(m.group(1)) or known_name(m.group(2)))


def _katakana(text: str, ordinary_word: Callable[[str], bool]) -> Iterator[Span]:
    for m in _KATAKANA_PAIR.finditer(text):
        before = _KATAKANA_BEFORE.search(text, max(0, m.start() - 3), m.start())
        if before is not None and _KATAKANA_AFTER.match(text, m.end()):
            if _kana_name(m.group(0), ordinary_word):
                yield Span(PERSON, m.start(), m.end(), "ja_katakana_pair")
            continue
        # a ・ or = between the words is a foreign name's own mark (カバー ウィルメル＝アフ → 発注):
        # those words need no slot around them; words a space joins do (エア コンプレッサ)
        start = m.start()
        for group in m.group(0).split(" "):
            if ("・" in group or "=" in group) and _kana_name(group, ordinary_word):
                yield Span(PERSON, start, start + len(group), "ja_katakana_joined")
            start += len(group) + 1


def _kana_name(run: str, ordinary_word: Callable[[str], bool]) -> bool:
    words = re.split(r"[ ・=]", run)
    if any(len(w) > _LONGEST_PART for w in words):
        return False  # no name's part is that long, and the dictionary takes seconds over such a run
    # ベルト・コンベア, ロックアウト・タグアウト, エア コンプレッサ: machines and procedures, not
    # people. A name with a part the dictionary knows as a word (ウィルメル＝アフ) is left to
    # strict mode: allowing one such part flagged plant terms joined by ・
    return not any(ordinary_word(w) for w in words if w)
