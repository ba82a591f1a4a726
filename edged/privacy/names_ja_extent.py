"""A found surname or given name extended to the whole name: over adjacent name-like tokens up to an
honorific, a role word or punctuation (``NameExtent``, the base of ``JapaneseNames``)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from edged.privacy.morphology import Analyzer, Token
from edged.privacy.names_ja_data import (
    _BRACKETED,
    _CONTACT_BEFORE,
    _END_MARKS,
    _HIRAGANA_GIVEN,
    _KANJI_KANA,
    _KANJI_ONLY,
    _KATAKANA,
    _KATAKANA_NAME,
    _NAME_AFTER,
    _NAME_BEFORE,
    _NAME_RUN,
    _NC,
    _ORG_END,
    _PARTICLES,
    CONTACT_AFTER,
    DEPARTMENT,
    FIELD_STATES,
    HONORIFICS,
    MAX_NAME_CHARS,
    MAX_WHOLE_NAME,
    NOT_NAMES,
    PLACE_OR_COMPANY_AFTER,
    RECORD_CUES,
    TITLES,
)

_SPACES = re.compile("[ \u3000]")
_RECORD_CUE = re.compile("|".join(re.escape(c) for c in sorted(RECORD_CUES, key=len, reverse=True)))


_TITLE_ALTERNATIVES = "|".join(sorted((re.escape(t) for t in TITLES), key=len, reverse=True))
_BEFORE_TITLE = re.compile(f"([\u4e00-\u9fff々]{{2,4}})(?={_TITLE_ALTERNATIVES})")
_TITLE_RUN_START = " \u3000、。,.：:「『【（(\n/｜|・"
_NOT_NAME_START = "第各全本当同新旧前元現副総"  # 第二工場長, 現工場長: a prefix, not a name


# the heads of a site, named after the site's place
_SITE_HEADS = ("センター長", "事務所長", "支店長", "支社長", "営業所長", "工場長", "所長")


class NameExtent:
    """How far a found name reaches: over the rest of a rare surname, the given name after a
    space, the other katakana words of a foreign name, up to where names end. The rules that find
    names (``JapaneseNames``) build on it."""

    def __init__(self, analyzer: Analyzer, readings: dict[str, str], cue: re.Pattern[str]) -> None:
        self._analyzer = analyzer
        self._readings = readings
        self._cue = cue

    def _cue_run_end(self, text: str, start: int, end: int) -> int:
        """Where a run after a role word stops being the name: before the next field's role word
        (杉ノ内健一　承認), and before a title or honorific glued to it (山﨑課長, 刘辉君)."""
        spaces = [start + i for i, c in enumerate(text[start:end]) if c in " \u3000"]
        for cut in spaces:
            tail = text[cut + 1 : end]
            if self._cue.match(tail) or tail in NOT_NAMES or text[end : end + 1] in (":", "："):
                end = cut
                break
        for marker in sorted(HONORIFICS + TITLES, key=len, reverse=True):
            if text.endswith(marker, start, end) and end - len(marker) - start >= 2:
                return end - len(marker)
        return end

    def _label_after_cue(self, text: str, cue: str, run: re.Match[str]) -> bool:
        """The run after a role word is the next field's label (被災者氏名（カナ）, 課長　転居先：)."""
        if self._cue.fullmatch(run.group(0)):
            return True
        colon = text.startswith(("：", ":"), run.end())
        return cue in TITLES and colon and not _SPACES.search(run.group(0))

    def _label(self, text: str, start: int, end: int, new_end: int) -> bool:
        """The words after a space up to a colon are the next field's label (承認：, 確認者：), not
        a given name (德永　颯：)."""
        spaces = list(_SPACES.finditer(text, end, new_end))
        if not spaces:
            return False
        if text[max(0, start - 1) : start] in (":", "："):
            return True  # 面談者：杉浦主任　転居先：: a value after a label, then the next label
        tail = text[spaces[-1].end() : new_end]
        return bool(self._cue.fullmatch(tail)) or self.ordinary_word(tail)

    @staticmethod
    def _place_or_company(text: str, start: int, end: int) -> bool:
        if text.startswith(TITLES, end):
            return False  # 井上工場長 is a person, 井上工場 a plant
        return text.startswith(PLACE_OR_COMPANY_AFTER, end) or text[max(0, start - 4) : start].endswith(
            ("株式会社", "(株)", "有限会社")
        )

    def ordinary_word(self, surface: str) -> bool:
        """The dictionary reads ``surface`` as one word that is no person's name (王子, 安城, 文書)."""
        tokens = self._analyzer.tokens(surface)
        if len(tokens) != 1 or tokens[0].person or tokens[0].unknown:
            return False
        return tokens[0].pos2 in ("普通名詞", "固有名詞", "代名詞")

    def known_name(self, surface: str) -> bool:
        """The dictionary reads ``surface`` as one person's name, or lists it as a surname or given name."""
        tokens = self._analyzer.tokens(surface)
        return self._known(surface) or (len(tokens) == 1 and tokens[0].person)

    def holds_common_word(self, surface: str) -> bool:
        """The dictionary reads a word of ``surface`` as a common word that is no name's spelling
        (承認経路, 立会検査), a noun or an adjectival one (不要, 大丈夫)."""
        return any(
            self._common_word(t)
            or (t.pos1 == "形状詞" and len(t.surface) >= 2 and not self._known(t.surface))
            for t in self._analyzer.tokens(surface)
        )

    def no_one_before_marker(self, text: str, words: list[Token], marker: int) -> bool:
        """安城様: a place the dictionary knows as no surname before 様 (a customer's site); 総務さん,
        第二工場長: a department or a number. (A common word or a place before a title is as often a
        surname: 四十物班長, 西表班長.)"""
        surface = text[words[0].start : words[-1].end]
        place = all(w.pos3 == "地名" and "姓" not in self._readings.get(w.surface, "") for w in words)
        # 東京センター長, 大阪支店長: a place before the head of a site names the site, not its head
        if place and text.startswith(("様", "さま", *_SITE_HEADS), marker):
            return True
        before = text[words[0].start - 1 : words[0].start] if words[0].start else ""
        # 第二工場長, 十二班長: a number, not 零さん
        number = (len(surface) >= 2 or (before != "" and before in _NOT_NAME_START)) and all(
            w.pos2 == "数詞" for w in words
        )
        return number or DEPARTMENT.match(surface) is not None or surface[0] in _NOT_NAME_START

    def department_like(self, found: str) -> bool:
        """A department or place of the plant a name grew into (総務 + 部, 品質保証 + 課): words
        the dictionary knows as common ones before an organisation's ending."""
        if DEPARTMENT.match(found):
            return True  # 品管さん: the department itself
        m = _ORG_END.search(found)
        prefix = found[: m.start()] if m is not None else ""
        common = bool(prefix) and (DEPARTMENT.match(prefix) is not None or self.holds_common_word(prefix))
        return common and not self._known(found)

    def person_word(self, surface: str) -> bool:
        """The dictionary reads ``surface`` as one word tagged as a person's name."""
        tokens = self._analyzer.tokens(surface)
        return len(tokens) == 1 and tokens[0].person

    def ends_in_given_name(self, surface: str) -> bool:
        """``surface`` reads as words ending in one the dictionary tags as a given name (栗花落春香,
        水流あゆみ; 百舌鳥マリエ, a foreign one), after two characters or more."""
        tokens = self._analyzer.tokens(surface)
        last = tokens[-1] if len(tokens) >= 2 else None
        return last is not None and last.person and last.pos4 in ("名", "一般") and last.start >= 2

    def place_word(self, surface: str) -> bool:
        """The dictionary reads ``surface`` as places it knows as no surname (安城, 鈴鹿)."""
        tokens = self._analyzer.tokens(surface)
        return all(t.pos3 == "地名" and "姓" not in self._readings.get(t.surface, "") for t in tokens)

    def _common_run(self, run: str) -> bool:
        return " " not in run and self.holds_common_word(run) and not self._known(run)

    def _kana_name(self, word: str, loose: bool) -> bool:
        """A known reading of a name (姓, 名; with ``loose`` also 人名 一般, which holds foreign
        names), or two of them glued (ヤマモトソウタロウ)."""

        def known(w: str) -> bool:
            kinds = self._readings.get(w, "")
            return "姓" in kinds or "名" in kinds or (loose and bool(kinds) and len(w) >= 3)

        if len(word) >= 2 and known(word):
            return True
        if len(word) > MAX_NAME_CHARS * 2:
            return False  # every split of a long run would be tried
        return any(known(word[:k]) and known(word[k:]) for k in range(2, len(word) - 1))

    def _known(self, surface: str) -> bool:
        """The dictionary has a surname or given name written this way (小川, 林: also words)."""
        kinds = self._readings.get(surface, "")
        return "姓" in kinds or "名" in kinds

    def _whole_name(self, text: str, start: int, end: int) -> tuple[int, int]:
        """Extend a found name over the name-like characters around it (the rest of a rare surname,
        the given name after a space, the other katakana words of a foreign name) when that run
        ends where names end: an honorific, a title, punctuation, a particle or the text's end."""
        if not _NAME_RUN.fullmatch(text[start:end]):
            return start, end
        after_colon = text[max(0, start - 1) : start] in (":", "：")
        right = _NAME_AFTER.match(text, end)
        if right is not None and right.end() > end:
            # the longest piece-aligned extension that ends where a name ends
            cuts = [m.start() for m in re.finditer(r"[ ・=゠]", right.group(0))]
            for cut in [right.end(), *sorted((end + c for c in cuts), reverse=True)]:
                new_end = self._trim_markers(text, end, cut)
                strong = after_colon or text.startswith(HONORIFICS + TITLES, new_end)
                label = text[new_end : new_end + 1] in (":", "：") and self._label(text, start, end, new_end)
                if (
                    not label  # 𠮷田　承認：: the next field's label, not a given name
                    and new_end > end
                    and new_end - start <= _limit(text[start:new_end])
                    and self._name_ends(text, new_end)
                    and self._plausible(text[end:new_end], strong)
                ):
                    end = new_end
                    break
        strong = text.startswith(HONORIFICS + TITLES, end)
        new_start = self._start_before(text, start, end, strong)
        return new_start, end

    @staticmethod
    def _trim_markers(text: str, end: int, new_end: int) -> int:
        """Give back what an extension must not swallow: an honorific, a title, a separator."""
        while new_end > end and text.startswith(HONORIFICS + TITLES, new_end - 1):
            new_end -= 1  # never swallow a one-kanji honorific (様, 氏, 君, 殿)
        while new_end > end and any(text.startswith(t, new_end - len(t)) for t in TITLES):
            new_end -= next(len(t) for t in TITLES if text.startswith(t, new_end - len(t)))
        while new_end > end and text[new_end - 1] in " ・=゠":
            new_end -= 1
        return new_end

    def _start_before(self, text: str, start: int, end: int, strong: bool) -> int:
        """Where the name really starts: the run of name characters before ``start`` (one space or
        ・ between pieces), word by word from the name outwards, stopping at a common word unless an
        honorific closes the name (then the run is taken whole: 四月一日 君尋さん)."""
        left = _NAME_BEFORE.search(text[max(0, start - 16) : start])
        if left is None or not left.group(0).strip(" ・=゠"):
            return start
        run_start = start - len(left.group(0))
        run = text[run_start:start]
        cues = [*self._cue.finditer(run), *_RECORD_CUE.finditer(run)]
        if cues:
            # ホスト月見里けんた, 運転者桜井, 監督左右田: the name starts after the role word glued before it
            run_start += max(c.end() for c in cues)
            run = text[run_start:start]
        if not run.strip(" ・=゠") or run.strip(" ・=゠") in NOT_NAMES:
            return start
        pieces = [p for p in re.split(r"[ ・=゠]", run) if p]
        if any(len(p) > 4 for p in pieces if not _KATAKANA.match(p)):
            # a long glued run (本日勅使河原): only its tail can be the name, word by word
            strong = False
        tokens = self._analyzer.tokens(run)
        new_start = start
        for t in reversed(tokens):
            piece = t.surface
            if not strong and (self._common_word(t) or t.pos1 in ("助詞", "助動詞", "動詞", "副詞")):
                break
            if not re.fullmatch(rf"[{_NC}]+", piece) or _ORG_END.search(piece) or piece in NOT_NAMES:
                break
            candidate = run_start + t.start
            if end - candidate > _limit(text[candidate:end]):
                break
            new_start = candidate
        while new_start < start and not _name_starts(text, new_start):
            # step back into the run until a name can start there (14号 岡田: not 号)
            tail = next((t for t in tokens if run_start + t.start > new_start), None)
            new_start = start if tail is None else run_start + tail.start
        return new_start

    def _bracketed(self, text: str) -> Iterator[tuple[int, int, str]]:
        """返信先: x@y.jp（松本）: a short name in brackets after an address, or one the dictionary
        knows as a name."""
        for m in _BRACKETED.finditer(text):
            inner = m.group(1)
            after_contact = _CONTACT_BEFORE.search(text[max(0, m.start() - 60) : m.start()]) is not None
            if inner in NOT_NAMES or _ORG_END.search(inner):
                continue
            if after_contact or self._known(inner):
                yield m.start(1), m.end(1), "ja_bracketed"

    def _before_title(self, text: str) -> Iterator[tuple[int, int, str]]:
        """唯久保工場長, 百目鬼リーダー, 躑躅森作業長: a run of two to four kanji between a word boundary
        and a title, made of no common word, number prefix or place the dictionary knows, is a
        surname the dictionary does not list (a department, 第二工場長 or 東京工場長 is none)."""
        for m in _BEFORE_TITLE.finditer(text):
            start, end = m.span(1)
            run = m.group(1)
            before = text[start - 1 : start] if start else ""
            if before and before not in _TITLE_RUN_START and before not in _PARTICLES:
                continue
            if run in NOT_NAMES or DEPARTMENT.match(run) or _ORG_END.search(run) or run[0] in _NOT_NAME_START:
                continue
            words = self._analyzer.tokens(run)
            if any(
                self._common_word(t) or t.pos3 == "地名" or t.pos1 in ("動詞", "助詞", "助動詞", "形容詞")
                for t in words
            ):
                continue
            yield start, end, "ja_before_title"

    def _plausible(self, run: str, strong: bool) -> bool:
        """Could this run continue a name? Pieces of at most four characters; unless an honorific
        or a title closes the name (or a role word and colon open it), none of them a common word
        the dictionary knows (新住所, 住所変更届 are not the rest of a name)."""
        pieces = [p for p in re.split(r"[ \u3000・=゠]", run) if p]
        if any(len(p) > 5 for p in pieces if not _KATAKANA.match(p)):
            return False
        if len(pieces) == 1 and _HIRAGANA_GIVEN.fullmatch(pieces[0]):
            # ひなた, くみ子 after a surname: a given name in kana, unless it is a particle, a verb
            # or an adjective (池田から, 池田です)
            return all(
                t.pos1 in ("名詞", "接頭辞", "接尾辞") or t.unknown for t in self._analyzer.tokens(pieces[0])
            )
        return strong or not any(self._common_word(t) for p in pieces for t in self._analyzer.tokens(p))

    def _common_word(self, t: Token) -> bool:
        return (
            t.pos2 == "普通名詞"
            and len(t.surface) >= 2
            and not t.unknown
            and not self._known(t.surface)
            and not _KATAKANA.match(t.surface)
        )

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


def _limit(run: str) -> int:
    """Longest whole name: foreign names written in katakana run longer (ジャン・ピエール・デュボワ)."""
    return 20 if _KATAKANA_NAME.fullmatch(run) else MAX_WHOLE_NAME


def _name_starts(text: str, start: int) -> bool:
    before = text[start - 1 : start] if start > 0 else ""
    if before.isascii() and before.isalnum():
        return False  # 14号 is the end of an address, 3F of a floor: no name starts there
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
    common = any(w.pos2 == "普通名詞" and len(w.surface) >= 2 and not w.unknown for w in words)
    if common and not text.startswith(HONORIFICS + TITLES, words[-1].end):
        return None  # 山崎 新住所: a word after the surname, not a given name
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


def _field_state(text: str, start: int, end: int) -> bool:
    """承認：済, 点検：要、: a state alone in its field, not a one-kanji given name."""
    alone = end == len(text) or text[end] in "、。, \u3000\n"
    return text[start:end] in FIELD_STATES and text[start - 1 : start] in (":", "：") and alone
