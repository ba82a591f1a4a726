"""Names of people in Japanese text: the morphological dictionary's person-name tags (姓, 名),
completed by context: honorifics after a name (さん, 様, 氏, 殿), titles (課長, 班長) and role words
before one (担当, 作業者, オペレーター). The dictionary is the only list of names used here, so the
evaluation's names (Faker's) are a source these rules never saw."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from edged.privacy.detector import Span
from edged.privacy.entities import PERSON
from edged.privacy.morphology import Analyzer, Token, chunked_tokens
from edged.privacy.names_latin import common_phrase

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
    "氏名",
    "お名前",
    "名前",
    "受講者",
    "修了者",
    "講師",
    "確認者",
    "通訳",
    "案内",
    "起票者",
    "実施者",
    "立会者",
    "受付者",
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
MAX_KATAKANA_NAME = 30
_KATAKANA_NAME = re.compile(r"[\u30a1-\u30faー]+(?:[ ・][\u30a1-\u30faー]+){0,4}")
_JA = "\u4e00-\u9fff々\u30a1-\u30faー"  # kanji and katakana
_BRACKETED = re.compile(rf"[（(]([{_JA}]{{1,5}}(?:[ ・][{_JA}]{{1,5}})?)[）)]")
_CONTACT_BEFORE = re.compile(r"(?:@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}|[0-9]{2,4}-[0-9]{2,4}-[0-9]{3,4}|[:：])\s?$")
_LATIN_WORD = r"(?:O'|Mc|Mac|D')?[A-Z][a-z\u00c0-\u024f]+(?:[A-Z][a-z]+)?"
_LATIN_RUN = re.compile(rf"(?<![A-Za-z0-9]){_LATIN_WORD}(?:[ \-]{_LATIN_WORD}){{1,3}}(?![A-Za-z0-9])")
_LATIN_PLANT_WORDS = (
    "line pump press robot cell unit plant factory building warehouse gate bay dock team shift "
    "quality control safety smart system systems solutions logistics industries electric motor "
    "motors corporation company inc ltd co group japan tokyo osaka tech technology engineering "
    "service services center centre office north south east west new the and of"
)
_LATIN_NOT_NAMES = frozenset(_LATIN_PLANT_WORDS.split())
# Old forms of kanji common in names, with the form the dictionary knows; one for one.
_ITAIJI = str.maketrans(
    "髙﨑邊邉齋齊澤濱國關黑彌晉廣櫻瀨嶋嶌槇德惠眞藏寬條增實壽靜淸榮圓會學萬與兒將龜邨冨埜嵜琢曻",
    "高崎辺辺斎斉沢浜国関黒弥晋広桜瀬島島槙徳恵真蔵寛条増実寿静清栄円会学万与児将亀村富野崎琢昇",
)
_NC = r"\u4e00-\u9fff々〆ヶ\u30a1-\u30faー\uf900-\ufaff"  # kanji (old forms too) and katakana
_NAME_RUN = re.compile(rf"[{_NC}・ \u3000]+")
# after a name: more name characters, or one space (or ・) and a run of them; kana given names
# written in hiragana after a space (小鳥遊 ひなた様) too
_NOT_KANA_NAME = "(?!さん|さま|くん|ちゃん|どの|から|まで|です|より)"  # honorifics and particles
_NAME_AFTER = re.compile(
    rf"[{_NC}]*(?:(?:[ \u3000・][{_NC}]+){{1,4}}"
    rf"|[ \u3000]?{_NOT_KANA_NAME}[\u3041-\u3096]{{2,4}}[子美恵]?"
    rf"(?=さん|様|さま|氏|殿|君|くん|[ \u3000、。,.（(|｜/]|$))?"
)
_NAME_BEFORE = re.compile(rf"(?:[{_NC}]+[ \u3000・]){{0,4}}[{_NC}]*$")
_END_MARKS = frozenset("、。，．,.!?！？)）」』】\n:：/（( ")
_ORG_END = re.compile(
    r"(?:部|課|係|室|班|所|工場|棟|ライン|会社|センター|グループ|チーム|号機|倉庫|事業所|エリア|ヤード|置場|場)$"
)
DEPARTMENT = re.compile(
    r"^(?:営業|製造|品質|総務|人事|経理|技術|生産|保全|設備|開発|購買|物流|工務|検査|管理|品証|資材|"
    r"安全|環境|企画|情報|システム|業務|工場)$"
)


_KATAKANA_WORDS = re.compile(r"[\u30a1-\u30faー]{2,}(?:[ ・][\u30a1-\u30faー]{1,}){0,4}")
_GLUED_RUN = re.compile(rf"[{_JA}]{{2,6}}(?:[ ・][{_JA}]{{1,6}}){{0,3}}")
_HIRAGANA_GIVEN = re.compile(rf"{_NOT_KANA_NAME}[\u3041-\u3096]{{2,4}}[子美恵]?")
_FIELD_SEPARATORS = " :：、。\n|｜/／\t"
# anchored at the start of a katakana run: unanchored, a long run without a separator made the
# search quadratic
_KATAKANA_FULL = re.compile(r"(?<![\u30a1-\u30faー])[\u30a1-\u30faー]{2,}(?:[ ・][\u30a1-\u30faー]{2,}){1,3}")
_MENTION = re.compile(r"@([\u4e00-\u9fff々\u30a1-\u30faー]{2,8})")
_LIST_SEPARATOR = re.compile(r"[、,と/／]\s?|\s[0-9]{1,2}[.)]\s")
_LIST_ITEM = re.compile(
    r"[\u4e00-\u9fff々\u30a1-\u30faー]{1,6}(?:[ ・][\u4e00-\u9fff々\u30a1-\u30faー]{1,8}){0,3}"
    r"|[A-Z][a-z]+(?: [A-Z][a-z]+){1,3}"
)


class NameExtent:
    """How far a found name reaches: over the rest of a rare surname, the given name after a
    space, the other katakana words of a foreign name, up to where names end. The rules that find
    names (``JapaneseNames``) build on it."""

    def __init__(self, analyzer: Analyzer, readings: dict[str, str], cue: re.Pattern[str]) -> None:
        self._analyzer = analyzer
        self._readings = readings
        self._cue = cue

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
            cuts = [m.start() for m in re.finditer(r"[ ・]", right.group(0))]
            for cut in [right.end(), *sorted((end + c for c in cuts), reverse=True)]:
                new_end = self._trim_markers(text, end, cut)
                strong = after_colon or text.startswith(HONORIFICS + TITLES, new_end)
                if (
                    new_end > end
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
        while new_end > end and text[new_end - 1] in " ・":
            new_end -= 1
        return new_end

    def _start_before(self, text: str, start: int, end: int, strong: bool) -> int:
        """Where the name really starts: the run of name characters before ``start`` (one space or
        ・ between pieces), word by word from the name outwards, stopping at a common word unless an
        honorific closes the name (then the run is taken whole: 四月一日 君尋さん)."""
        left = _NAME_BEFORE.search(text[max(0, start - 16) : start])
        if left is None or not left.group(0).strip(" ・"):
            return start
        run_start = start - len(left.group(0))
        run = text[run_start:start]
        if self._cue.search(run) or run.strip(" ・") in NOT_NAMES:
            return start
        pieces = [p for p in re.split(r"[ ・]", run) if p]
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

    def _plausible(self, run: str, strong: bool) -> bool:
        """Could this run continue a name? Pieces of at most four characters; unless an honorific
        or a title closes the name (or a role word and colon open it), none of them a common word
        the dictionary knows (新住所, 住所変更届 are not the rest of a name)."""
        pieces = [p for p in re.split(r"[ \u3000・]", run) if p]
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


class JapaneseNames(NameExtent):
    """Where names stand in Japanese text: the dictionary's tags and the context around them."""

    def __init__(
        self, analyzer: Analyzer, readings: dict[str, str] | None = None, role_words: Iterable[str] = ()
    ) -> None:
        cues = sorted({*ROLE_CUES, *role_words}, key=len, reverse=True)
        super().__init__(analyzer, readings or {}, re.compile("|".join(re.escape(c) for c in cues)))
        markers = sorted(HONORIFICS + TITLES + CONTACT_AFTER, key=len, reverse=True)
        self._marker = re.compile("|".join(re.escape(m) for m in markers))

    def find(self, text: str) -> Iterator[Span]:
        # Old-form kanji (髙, 﨑, 邊, 齋 ...) read as their common forms, one character for one, so
        # the dictionary knows 髙橋 as 高橋 and offsets stay those of the text.
        text = text.translate(_ITAIJI)
        tokens = chunked_tokens(self._analyzer, text)
        by_start = {t.start: i for i, t in enumerate(tokens)}
        spans: list[tuple[int, int, str]] = []
        spans.extend(self._tagged(text, tokens))
        spans.extend(self._before_honorific(text, tokens))
        spans.extend(self._after_cue(text, tokens, by_start))
        spans.extend(self._katakana(text))
        spans.extend(self._known_before_marker(text))
        spans.extend(self._bracketed(text))
        spans.extend(self._field_names(text, tokens))
        spans.extend(_latin_names(text))
        spans.extend(list(self._listed(text, [s for s in spans if s[2] != "ja_listed"])))
        for found_start, found_end, rule in spans:
            if DEPARTMENT.match(text[found_start:found_end]) and text.startswith(TITLES, found_end):
                continue  # 営業部長, 品質課長: a department before a title, not a name
            found = text[found_start:found_end]
            if (_ORG_END.search(found) and not self._known(found)) or text.startswith("製", found_end):
                continue  # 西倉庫, 安川製: a place of the plant, a maker
            start, end = self._whole_name(text, found_start, found_end)
            yield Span(PERSON, start, end, rule)

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
            run = _GLUED_RUN.match(text, pos)
            alone = run is not None and (run.end() == len(text) or text[run.end()] in _END_MARKS)
            # 申請者躑躅森: whatever the dictionary makes of it, a short run alone after a role word
            named = run is not None and run.group(0) not in NOT_NAMES and not _ORG_END.search(run.group(0))
            if run is not None and alone and named:
                yield run.start(), run.end(), "ja_cue_run"
                continue
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
        """ヤマモト ソウタロウ, グエン・ヴァン・アン: katakana words joined by a space or ・ where one of
        them is the reading of a name the dictionary knows, or that an honorific or title closes;
        one known word closed by an honorific or title."""
        for m in _KATAKANA_WORDS.finditer(text):
            if m.end() - m.start() > MAX_KATAKANA_NAME:
                continue  # a run this long is no name (and would cost a long analysis)
            words = re.split(r"[ ・]", m.group(0))
            closed = text.startswith(HONORIFICS + TITLES, m.end())
            common = any(self._common_word(t) for t in self._analyzer.tokens(m.group(0)))
            known = any(self._kana_name(w, loose=False) for w in words) or (
                not common and any(self._kana_name(w, loose=True) for w in words)
            )
            if len(words) >= 2 and (closed or known):
                yield m.start(), m.end(), "ja_katakana_full"
                continue
            first_end = m.start() + len(words[0])
            if len(words) == 1 and self._kana_name(words[0], loose=False) and closed:
                yield m.start(), first_end, "ja_katakana_honorific"

    def _listed(self, text: str, spans: list[tuple[int, int, str]]) -> Iterator[tuple[int, int, str]]:
        """夜勤者：A、B、C（計3名）, AとBの2名: names listed after a found one."""
        for _, end, _ in spans:
            pos = end
            for _ in range(5):
                sep = _LIST_SEPARATOR.match(text, pos)
                if sep is None:
                    break
                item = _LIST_ITEM.match(text, sep.end())
                if item is None or item.group(0) in NOT_NAMES or _ORG_END.search(item.group(0)):
                    break
                following = text[item.end() : item.end() + 1]
                if (
                    following
                    and following not in "、とや（(。,.)） \n"
                    and not text.startswith(HONORIFICS + TITLES, item.end())
                ):
                    break
                yield item.start(), item.end(), "ja_listed"
                pos = item.end()

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
            else:
                # 清水翼部長: a known surname and a short given name the analyser cut elsewhere
                for size in (4, 3):
                    start = p - size
                    surface = text[max(0, start) : p]
                    if start < 0 or not _KANJI_ONLY.match(surface) or _name_starts(text, start) is False:
                        continue
                    if any("姓" in self._readings.get(surface[:k], "") for k in (2, 3) if size - k in (1, 2)):
                        yield start, p, "ja_known_surname_given"
                        break

    def _field_names(self, text: str, tokens: list[Token]) -> Iterator[tuple[int, int, str]]:
        """住所変更届　坂本　新住所, 経費精算　石川幹　法人カード: a known surname (the analyser may read it
        as a place) standing alone between field separators, with a short given name glued to it."""
        for k, t in enumerate(tokens):
            if t.person or "姓" not in self._readings.get(t.surface, "") or not _KANJI_ONLY.match(t.surface):
                continue
            before = text[t.start - 1 : t.start] if t.start else ""
            if before and before not in _FIELD_SEPARATORS:
                continue
            end = t.end
            nxt = tokens[k + 1] if k + 1 < len(tokens) else None
            glued = nxt is not None and nxt.start == end and len(nxt.surface) <= 2
            if nxt is not None and glued and _KANJI_ONLY.match(nxt.surface):
                end = nxt.end
            kana = _HIRAGANA_GIVEN.match(text, end)
            if kana is not None and (kana.end() == len(text) or text[kana.end()] in _FIELD_SEPARATORS):
                end = kana.end()  # 池田ひなた
            after = text[end : end + 1]
            if after and after not in _FIELD_SEPARATORS + "（(":
                continue
            yield t.start, end, "ja_field_name"
        for m in _KATAKANA_FULL.finditer(text):
            # 立替精算 ブディ・サントソ 法人カード, 氏名 シュレスタ・ビシャル: a katakana name of two or more
            # words standing alone in a field
            before = text[m.start() - 1 : m.start()] if m.start() else ""
            after = text[m.end() : m.end() + 1]
            if (before and before not in _FIELD_SEPARATORS) or (after and after not in _FIELD_SEPARATORS):
                continue
            if m.end() - m.start() > MAX_KATAKANA_NAME:
                continue
            if any(self._common_word(t) for t in self._analyzer.tokens(m.group(0))):
                continue
            yield m.start(), m.end(), "ja_katakana_field"
        for m in _MENTION.finditer(text):
            yield m.start(1), m.end(1), "ja_mention"

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

    @staticmethod
    def _place_or_company(text: str, start: int, end: int) -> bool:
        return text.startswith(PLACE_OR_COMPANY_AFTER, end) or text[max(0, start - 4) : start].endswith(
            ("株式会社", "(株)", "有限会社")
        )


def _limit(run: str) -> int:
    """Longest whole name: foreign names written in katakana run longer (ジャン・ピエール・デュボワ)."""
    return 20 if _KATAKANA_NAME.fullmatch(run) else MAX_WHOLE_NAME


def _latin_names(text: str) -> Iterator[tuple[int, int, str]]:
    """Michael Johnson氏, 本日Carolina Moraesが: capitalised Latin words, two to four of them, in
    Japanese text are a person's name unless a plant word is among them."""
    for m in _LATIN_RUN.finditer(text):
        words = m.group(0).replace("-", " ").split()
        if any(w.lower() in _LATIN_NOT_NAMES for w in words) or common_phrase([w.lower() for w in words]):
            continue
        yield m.start(), m.end(), "ja_latin_name"


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
