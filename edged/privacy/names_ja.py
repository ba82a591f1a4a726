"""Names of people in Japanese text: the morphological dictionary's person-name tags (姓, 名),
completed by context: honorifics after a name (さん, 様, 氏, 殿), titles (課長, 班長) and role words
before one (担当, 作業者, オペレーター). The dictionary is the only list of names used here, so the
evaluation's names (Faker's) are a source these rules never saw."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from edged.privacy.detector import Span
from edged.privacy.entities import PERSON
from edged.privacy.morphology import Analyzer, Token

HONORIFICS = ("さん", "さま", "様", "氏", "殿", "くん", "君", "ちゃん", "先生")
TITLES = (
    "工場長",
    "課長",
    "部長",
    "班長",
    "係長",
    "主任",
    "社長",
    "所長",
    "職長",
    "組長",
    "リーダー",
    "マネージャー",
    "技師",
    "主査",
    "室長",
    "次長",
    "本部長",
)
ROLE_CUES = (
    "担当者",
    "担当",
    "作業者",
    "作業員",
    "オペレーター",
    "オペレータ",
    "点検者",
    "確認者",
    "報告者",
    "記入者",
    "責任者",
    "検査員",
    "検査者",
    "連絡先",
    "宛先",
    "差出人",
    "送信者",
    "発信者",
    "引継ぎ先",
    "引継先",
    "引き継ぎ先",
    "交代者",
    "当番",
    "承認者",
    "依頼者",
    "立会者",
    "監督者",
    "起票者",
    "対応者",
    "発見者",
    "申請者",
    "作成者",
    "記録者",
    "保全担当",
    "夜勤",
    "日勤",
    "宛",
    "Cc",
    "CC",
    "From",
    "To",
    *TITLES,
)
# After a name: 林から電話, 清水に連絡 (a person is who calls or is called).
CONTACT_AFTER = (
    "から電話",
    "から連絡",
    "からメール",
    "から報告",
    "より連絡",
    "より報告",
    "に電話",
    "に連絡",
    "へ連絡",
    "にメール",
    "が対応",
    "が確認",
    "が担当",
)
# Words that take an honorific but are not names (お客様, 皆さん, 業者さん, ご担当者様).
NOT_NAMES = frozenset(
    {
        "客",
        "お客",
        "皆",
        "みな",
        "皆様",
        "みなさん",
        "担当",
        "担当者",
        "ご担当",
        "ご担当者",
        "業者",
        "作業者",
        "関係者",
        "各位",
        "利用者",
        "運転手",
        "先方",
        "相手",
        "社員",
        "作業員",
        "お医者",
        "医者",
        "大家",
        "職人",
        "運送屋",
        "警備",
        "清掃",
        "派遣",
        "新人",
        "先輩",
        "後輩",
        "上司",
        "部下",
        "お父",
        "お母",
        "奥",
        "お子",
        "子供",
        "皆んな",
        "ドライバー",
        "メーカー",
        "お得意",
        "得意先",
        "取引先",
        "お取引先",
        "お疲れ",
        "ご苦労",
        "御中",
        "殿",
        "様",
        "貴社",
        "御社",
        "当社",
        "弊社",
        "作業",
        "点検",
        "保全",
        "設備",
    }
)
# A surname-tagged word right before these is a place or a company (豊田市, 本田技研, 松下電器).
PLACE_OR_COMPANY_AFTER = (
    "市",
    "町",
    "村",
    "区",
    "県",
    "郡",
    "駅",
    "工場",
    "製作所",
    "電機",
    "電器",
    "工業",
    "商事",
    "株式会社",
    "通り",
    "線",
    "川",
    "橋",
    "建設",
    "重工",
    "自動車",
    "精機",
    "化学",
    "技研",
    "産業",
    "製薬",
    "銀行",
    "病院",
    "大学",
    "本社",
    "支店",
    "営業所",
    "事業所",
    "センター",
    "港",
    "口",
    "インター",
    "IC",
    "ホール",
)
_KANJI_KANA = re.compile(r"^[\u3040-\u30ff\u4e00-\u9fff々ヶヵー]+$")
_KATAKANA = re.compile(r"^[\u30a0-\u30ffー]+$")
_KANJI_ONLY = re.compile(r"^[\u4e00-\u9fff々]+$")
_LATIN_NAME = re.compile(r"[A-Z][a-z]+(?:[ \-][A-Z][a-z]+){0,3}|[A-Z]{2,}(?: [A-Z][a-z]+){0,2}")
_PARTICLES = frozenset("がはにのとへをもや")
_CUE_TAIL = re.compile(r"\s*(?:[:：]|は|の|、|\s|\(|（)?\s*")
MAX_NAME_CHARS = 10
MAX_WHOLE_NAME = 12
_NC = r"\u4e00-\u9fff々〆ヶ\u30a1-\u30faー\uf900-\ufaff"  # kanji (old forms too) and katakana
_NAME_RUN = re.compile(rf"[{_NC}・ \u3000]+")
# after a name: more name characters, or one space (or ・) and a run of them; kana given names
# written in hiragana after a space (小鳥遊 ひなた様) too
_NAME_AFTER = re.compile(
    rf"[{_NC}]*(?:[ \u3000・][{_NC}]+|[ \u3000][\u3041-\u3096]{{2,4}}(?=さん|様|さま|氏|殿|君|くん))?"
)
_NAME_BEFORE = re.compile(rf"(?:[{_NC}]+[ \u3000・]){{0,2}}[{_NC}]*$")
_END_MARKS = frozenset("、。，．,.!?！？)）」』】\n:：/")
_ORG_END = re.compile(r"(?:部|課|係|室|班|所|工場|棟|ライン|会社|センター|グループ|チーム|号機|倉庫|事業所)$")
DEPARTMENT = re.compile(
    r"^(?:営業|製造|品質|総務|人事|経理|技術|生産|保全|設備|開発|購買|物流|工務|検査|管理|品証|資材|"
    r"安全|環境|企画|情報|システム|業務|工場)$"
)


_KATAKANA_WORDS = re.compile(r"[\u30a1-\u30faー]{2,}(?:[ ・][\u30a1-\u30faー]{2,})?")


class JapaneseNames:
    def __init__(
        self, analyzer: Analyzer, readings: dict[str, str] | None = None, role_words: Iterable[str] = ()
    ) -> None:
        self._analyzer = analyzer
        self._readings = readings or {}
        cues = sorted({*ROLE_CUES, *role_words}, key=len, reverse=True)
        self._cue = re.compile("|".join(re.escape(c) for c in cues))
        markers = sorted(HONORIFICS + TITLES + CONTACT_AFTER, key=len, reverse=True)
        self._marker = re.compile("|".join(re.escape(m) for m in markers))

    def find(self, text: str) -> Iterator[Span]:
        tokens = self._analyzer.tokens(text)
        by_start = {t.start: i for i, t in enumerate(tokens)}
        spans: list[tuple[int, int, str]] = []
        spans.extend(self._tagged(text, tokens))
        spans.extend(self._before_honorific(text, tokens))
        spans.extend(self._after_cue(text, tokens, by_start))
        spans.extend(self._katakana(text))
        spans.extend(self._known_before_marker(text))
        for found_start, found_end, rule in spans:
            if DEPARTMENT.match(text[found_start:found_end]) and text.startswith(TITLES, found_end):
                continue  # 営業部長, 品質課長: a department before a title, not a name
            start, end = self._whole_name(text, found_start, found_end)
            yield Span(PERSON, start, end, rule)

    def _whole_name(self, text: str, start: int, end: int) -> tuple[int, int]:
        """Extend a found name over the name-like characters around it (the rest of a rare surname,
        the given name after a space, the other katakana words of a foreign name) when that run
        ends where names end: an honorific, a title, punctuation, a particle or the text's end."""
        if not _NAME_RUN.fullmatch(text[start:end]):
            return start, end
        right = _NAME_AFTER.match(text, end)
        if right is not None and right.end() > end:
            new_end = right.end()
            while new_end > end and text.startswith(HONORIFICS + TITLES, new_end - 1):
                new_end -= 1  # never swallow a one-kanji honorific (様, 氏, 君, 殿)
            while new_end > end and any(text.startswith(t, new_end - len(t)) for t in TITLES):
                new_end -= next(len(t) for t in TITLES if text.startswith(t, new_end - len(t)))
            while new_end > end and text[new_end - 1] in " \u3000・":
                new_end -= 1
            if new_end > end and new_end - start <= MAX_WHOLE_NAME and self._name_ends(text, new_end):
                end = new_end
        left = _NAME_BEFORE.search(text[max(0, start - MAX_WHOLE_NAME) : start])
        if left is not None and left.group(0).strip(" \u3000・"):
            new_start = start - len(left.group(0))
            run = text[new_start:start].strip(" \u3000・")
            if (
                end - new_start <= MAX_WHOLE_NAME
                and not self._cue.search(run)
                and not _ORG_END.search(run)
                and not run.startswith(TITLES)
                and run not in NOT_NAMES
                and _name_starts(text, new_start)
            ):
                start = new_start + (
                    len(text[new_start:start]) - len(text[new_start:start].lstrip(" \u3000・"))
                )
        return start, end

    @staticmethod
    def _name_ends(text: str, end: int) -> bool:
        after = text[end : end + 1]
        return (
            not after
            or after in _END_MARKS
            or after in _PARTICLES
            or after in "でよ"
            or text.startswith(HONORIFICS + TITLES + CONTACT_AFTER, end)
        )

    # -- rules ---------------------------------------------------------------------------------

    def _tagged(self, text: str, tokens: list[Token]) -> Iterator[tuple[int, int, str]]:
        """Runs of person-tagged words (姓 名), a kana word glued to a given name, and a given
        name the dictionary split (七夏 -> 七 夏) when an honorific closes it."""
        i = 0
        while i < len(tokens):
            t = tokens[i]
            if not t.person:
                i += 1
                continue
            first = i
            # シミズ ユイ: an unknown katakana word before a given name is its surname
            if t.pos4 == "名" and i > 0 and _joinable(text, tokens[i - 1], t) and _name_like(tokens[i - 1]):
                first = i - 1
            last = i
            while (
                last + 1 < len(tokens)
                and tokens[last + 1].person
                and _joinable(text, tokens[last], tokens[last + 1])
            ):
                last += 1
            # 橋本七夏さん: up to two more words when an honorific or title follows them
            extended = _extend_to_honorific(text, tokens, last)
            if extended is None and tokens[last].pos4 == "姓":
                extended = _given_after_space(text, tokens, last)
            if extended is None and tokens[last].pos4 == "名" and len(tokens[last].surface) == 1:
                extended = _split_given(tokens, last)
            last = extended if extended is not None else last
            start, end = tokens[first].start, tokens[last].end
            if first == last == i and t.pos4 in ("姓", "一般") and self._place_or_company(text, start, end):
                i = last + 1
                continue
            if tokens[first].surface not in NOT_NAMES:
                yield start, end, "ja_dictionary"
            i = last + 1

    def _before_honorific(self, text: str, tokens: list[Token]) -> Iterator[tuple[int, int, str]]:
        """零さん, グエンさん: a short noun the dictionary does not know as a name, closed by an
        honorific or a title."""
        for k, t in enumerate(tokens):
            if k == 0 or not text.startswith(HONORIFICS + TITLES, t.start):
                continue
            prev = tokens[k - 1]
            if prev.end != t.start or prev.person:
                continue
            first = k - 1
            if (
                first > 0
                and _joinable(text, tokens[first - 1], prev)
                and _name_like(tokens[first - 1])
                and not tokens[first - 1].surface.startswith(("お", "ご"))
            ):
                first -= 1
            if (
                first > 0
                and _joinable(text, tokens[first - 1], tokens[first])
                and self._known(tokens[first - 1].surface)
                and "姓" in self._readings.get(tokens[first - 1].surface, "")
            ):
                first -= 1  # 林 零さん: the surname before the given name
            words = tokens[first:k]
            surface = text[words[0].start : words[-1].end]
            if (
                surface in NOT_NAMES
                or any(w.surface in NOT_NAMES for w in words)
                or len(surface) > 6
                or not all(_name_like(w) or _short_kanji(w) for w in words)
            ):
                continue
            if first > 0 and tokens[first - 1].surface in ("お", "ご", "御"):
                continue
            yield words[0].start, words[-1].end, "ja_honorific"

    def _after_cue(
        self, text: str, tokens: list[Token], by_start: dict[int, int]
    ) -> Iterator[tuple[int, int, str]]:
        """担当:山田, オペレーターの佐藤, 作業者 Tanaka: the words after a role word."""
        for m in self._cue.finditer(text):
            tail = _CUE_TAIL.match(text, m.end())
            pos = tail.end() if tail else m.end()
            latin = _LATIN_NAME.match(text, pos)
            if latin:
                if latin.group(0) not in ("From", "To", "Cc", "CC"):
                    yield latin.start(), latin.end(), "ja_cue_latin"
                continue
            k = by_start.get(pos)
            if k is None:
                continue
            first_token = tokens[k]
            colon = bool(tail and tail.group(0).strip() in (":", "："))
            known = self._known(first_token.surface)
            if first_token.surface in NOT_NAMES or not (
                first_token.person
                or known
                or _name_like(first_token)
                or (colon and _short_kanji(first_token))
            ):
                continue
            last = k
            while (
                last + 1 < len(tokens)
                and last - k < 2
                and _joinable(text, tokens[last], tokens[last + 1])
                and (tokens[last + 1].person or (_name_like(tokens[last + 1]) and tokens[last + 1].unknown))
            ):
                last += 1
            if tokens[last].pos4 == "姓" or "姓" in self._readings.get(tokens[last].surface, ""):
                # 松本 零, 岡本零、: the given name the dictionary does not know
                last = _given_after_space(text, tokens, last) or _glued_given(text, tokens, last) or last
            start, end = tokens[k].start, tokens[last].end
            if end - start > MAX_NAME_CHARS:
                continue
            if not first_token.person and not colon:
                # オペレーターの設備: an ordinary word after a role word needs the name's end to show;
                # a proper noun (岡本, 小川: place names too) may also end at a particle
                after = text[end : end + 1]
                particle = (first_token.pos2 == "固有名詞" or known) and after in _PARTICLES
                if (
                    after
                    and after not in "、。,. )）"
                    and not particle
                    and not text.startswith(HONORIFICS + TITLES, end)
                ):
                    continue
            yield start, end, "ja_cue"

    def _katakana(self, text: str) -> Iterator[tuple[int, int, str]]:
        """ヤマモト ソウタロウ, グエン・ヴァン・アン: katakana words the dictionary knows as the reading of
        a surname or given name, two together, or one closed by an honorific or title."""
        for m in _KATAKANA_WORDS.finditer(text):
            words = re.split(r"[ ・]", m.group(0))
            if len(words) == 2 and all(self._kana_name(w, loose=True) for w in words):
                yield m.start(), m.end(), "ja_katakana_pair"
                continue
            first_end = m.start() + len(words[0])
            if (
                len(words) == 1
                and self._kana_name(words[0], loose=False)
                and (text.startswith(HONORIFICS + TITLES, first_end))
            ):
                yield m.start(), first_end, "ja_katakana_honorific"

    def _known(self, surface: str) -> bool:
        """The dictionary has a surname or given name written this way (小川, 林: also words)."""
        kinds = self._readings.get(surface, "")
        return "姓" in kinds or "名" in kinds

    def _known_before_marker(self, text: str) -> Iterator[tuple[int, int, str]]:
        """林班長, 小川さん: a surname the analyser read as an ordinary word, right before an honorific
        or a title, where it can only be a name."""
        for m in self._marker.finditer(text):
            p = m.start() - (1 if m.start() > 0 and text[m.start() - 1] == " " else 0)  # 岡本 様
            for size in (3, 2, 1):
                start = p - size
                if start < 0:
                    continue
                surface = text[start:p]
                if not _KANJI_ONLY.match(surface) or surface in NOT_NAMES or not self._known(surface):
                    continue
                if start > 0 and _KANJI_ONLY.match(text[start - 1]):
                    continue  # 森林さん is not 林さん
                yield start, p, "ja_known_name"
                break

    def _kana_name(self, word: str, loose: bool) -> bool:
        """A known reading of a name (姓, 名; with ``loose`` also 人名 一般, which holds foreign
        names), or two of them glued (ヤマモトソウタロウ)."""

        def known(w: str) -> bool:
            kinds = self._readings.get(w, "")
            return "姓" in kinds or "名" in kinds or (loose and bool(kinds) and len(w) >= 3)

        if len(word) >= 2 and known(word):
            return True
        return any(known(word[:k]) and known(word[k:]) for k in range(2, len(word) - 1))

    @staticmethod
    def _place_or_company(text: str, start: int, end: int) -> bool:
        return text.startswith(PLACE_OR_COMPANY_AFTER, end) or text[max(0, start - 4) : start].endswith(
            ("株式会社", "(株)", "有限会社")
        )


def _name_starts(text: str, start: int) -> bool:
    before = text[start - 1 : start] if start > 0 else ""
    return (
        not before
        or before in _END_MARKS
        or before in _PARTICLES
        or before in " \u3000「『【（("
        or not re.match(rf"[{_NC}]", before)
    )


def _joinable(text: str, a: Token, b: Token) -> bool:
    """Adjacent, or separated by one space (田中 太郎)."""
    return b.start == a.end or (b.start == a.end + 1 and text[a.end] == " ")


def _name_like(t: Token) -> bool:
    """A word that could be part of a name the dictionary does not list: a proper noun, an unknown
    word, or katakana."""
    if not _KANJI_KANA.match(t.surface) or (t.pos1 not in ("名詞", "接頭辞") and not t.unknown):
        return False
    return t.pos2 == "固有名詞" or t.unknown or bool(_KATAKANA.match(t.surface))


def _short_kanji(t: Token) -> bool:
    return (
        t.pos1 == "名詞"
        and len(t.surface) <= 3
        and bool(_KANJI_KANA.match(t.surface))
        and not _KATAKANA.match(t.surface)
        and t.surface not in NOT_NAMES
    )


def _given_after_space(text: str, tokens: list[Token], last: int) -> int | None:
    """山本 零, 太田 拓真: a surname, one space, and a short kanji word the dictionary does not tag
    as a given name is still one."""
    j = last + 1
    if j >= len(tokens) or tokens[j].start != tokens[last].end + 1 or text[tokens[last].end] != " ":
        return None
    k = j
    while (
        k + 1 < len(tokens)
        and tokens[k + 1].start == tokens[k].end
        and k - j < 1
        and _KANJI_KANA.match(tokens[k + 1].surface)
        and tokens[k + 1].pos1 in ("名詞", "接尾辞", "接頭辞")
    ):
        k += 1
    words = tokens[j : k + 1]
    surface = text[words[0].start : words[-1].end]
    if len(surface) > 3 or not all(
        _KANJI_KANA.match(w.surface) and w.pos1 in ("名詞", "接頭辞", "接尾辞") for w in words
    ):
        return None
    return k


def _glued_given(text: str, tokens: list[Token], last: int) -> int | None:
    """岡本零、: one short kanji word glued to a surname, closed by punctuation or a particle."""
    j = last + 1
    if j >= len(tokens) or tokens[j].start != tokens[last].end or len(tokens[j].surface) > 2:
        return None
    if not _KANJI_ONLY.match(tokens[j].surface) or tokens[j].pos1 != "名詞":
        return None
    after = text[tokens[j].end : tokens[j].end + 1]
    return j if after == "" or after in "、。,. )）" or after in _PARTICLES else None


def _split_given(tokens: list[Token], last: int) -> int | None:
    """拓 + 真: a one-kanji given name the dictionary cut short, followed by one more kanji."""
    j = last + 1
    if (
        j < len(tokens)
        and tokens[j].start == tokens[last].end
        and len(tokens[j].surface) == 1
        and _KANJI_ONLY.match(tokens[j].surface)
        and tokens[j].pos1 == "名詞"
    ):
        return j
    return None


def _extend_to_honorific(text: str, tokens: list[Token], last: int) -> int | None:
    for extra in (1, 2):
        j = last + extra
        if j >= len(tokens):
            return None
        words = tokens[last + 1 : j + 1]
        if any(
            not _KANJI_KANA.match(w.surface) or w.pos1 in ("助詞", "助動詞", "補助記号", "動詞")
            for w in words
        ):
            return None
        if any(w.start != p.end for p, w in zip(tokens[last:j], words, strict=True)):
            return None
        if sum(len(w.surface) for w in words) > 4:
            return None
        if text.startswith(HONORIFICS + TITLES, words[-1].end):
            return j
    return None
