"""Names of people in Japanese text: the morphological dictionary's person-name tags (姓, 名),
completed by context: honorifics after a name (さん, 様, 氏, 殿), titles (課長, 班長) and role words
before one (担当, 作業者, オペレーター). The dictionary is the only list of names used here, so the
evaluation's names (Faker's) are a source these rules never saw."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from edged.privacy.detector import Span
from edged.privacy.entities import PERSON
from edged.privacy.morphology import Analyzer, Token, chunked_tokens
from edged.privacy.names_ja_data import (
    _CUE_TAIL,
    _END_MARKS,
    _FIELD_SEPARATORS,
    _GLUED_RUN,
    _HIRAGANA_GIVEN,
    _ITAIJI,
    _KANJI_ONLY,
    _KATAKANA,
    _KATAKANA_FULL,
    _KATAKANA_WORDS,
    _LATIN_NAME,
    _LIST_ITEM,
    _LIST_SEPARATOR,
    _MENTION,
    _ORG_END,
    _PARTICLES,
    CONTACT_AFTER,
    DEPARTMENT,
    HONORIFICS,
    MAX_KATAKANA_NAME,
    MAX_NAME_CHARS,
    NO_HONORIFIC,
    NOT_NAMES,
    RECORD_CUES,
    ROLE_CUES,
    ROLE_HEAD,
    TITLES,
)
from edged.privacy.names_ja_extent import (
    NameExtent,
    _extend_to_honorific,
    _field_state,
    _given_after_space,
    _glued_given,
    _joinable,
    _name_like,
    _name_starts,
    _short_kanji,
    _split_given,
)
from edged.privacy.names_ja_latin import latin_names
from edged.privacy.names_ja_things import named_thing

# a record's cue words (承認, 起票, 担当 ...): a list of names ends where a new field begins
_LIST_CUES = tuple(c for c in (*RECORD_CUES, *ROLE_CUES) if not c.isascii())


def _list_member(item: str) -> bool:
    """Whether a run after a list's separator can be one more name: not a word that is no name,
    not an organisation, not the cue of the record's next field (、起票 X)."""
    return item not in NOT_NAMES and not _ORG_END.search(item) and not item.startswith(_LIST_CUES)


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
        spans.extend(self._known_before_marker(text, tokens))
        spans.extend(self._bracketed(text))
        spans.extend(self._field_names(text, tokens))
        spans.extend(self._before_title(text))
        spans.extend(latin_names(text))
        spans.extend(list(self._listed(text, [s for s in spans if s[2] != "ja_listed"])))
        for found_start, found_end, rule in spans:
            if DEPARTMENT.match(text[found_start:found_end]) and text.startswith(TITLES, found_end):
                continue  # 営業部長, 品質課長: a department before a title, not a name
            found = text[found_start:found_end]
            if (_ORG_END.search(found) and not self._known(found)) or text.startswith("製", found_end):
                continue  # 西倉庫, 安川製: a place of the plant, a maker
            start, end = self._whole_name(text, found_start, found_end)
            whole = text[start:end]
            thing = _TOOL_END.search(whole) or _TOOL_AFTER.match(text, end) or named_thing(text, start, end)
            if thing or self.department_like(whole):
                continue  # 金剛砥石, 弁慶治具 (a tool's noun names the tool), ホール素子, ボイラー2号; 総務部
            name_start = _after_company(text, start, end, tokens)
            if name_start is None:
                continue  # 豊田市様, 中村区様, 本田技研工業様, 山崎製パン様: a city, a ward, a company
            yield Span(PERSON, name_start, end, rule)

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
            inside = first == last and _inside_kana_word(text, tokens, first)  # てんけん: て ん けん
            state = _field_state(text, start, end)
            if tokens[first].surface not in NOT_NAMES and not inside and not state:
                yield start, end, "ja_dictionary"
            i = last + 1

    def _before_honorific(self, text: str, tokens: list[Token]) -> Iterator[tuple[int, int, str]]:
        """零さん, グエンさん: a short noun the dictionary does not know as a name, closed by an
        honorific or a title."""
        for k, t in enumerate(tokens):
            if (
                k == 0
                or not text.startswith(HONORIFICS + TITLES, t.start)
                or text.startswith(NO_HONORIFIC, t.start)
            ):
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
            loanword = first == k - 1 and _KATAKANA.match(prev.surface) and self.ordinary_word(prev.surface)
            if loanword and not self._kana_name(prev.surface, loose=False):
                continue  # シフトリーダー, ラインリーダー: a loanword before the title, no name reading
            if not self.no_one_before_marker(text, words, t.start):
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
            if run is not None and self._label_after_cue(text, m.group(0), run):
                continue  # 被災者氏名（カナ）, 課長　転居先：: the next field's label
            alone = run is not None and (run.end() == len(text) or text[run.end()] in _END_MARKS)
            # 申請者躑躅森: whatever the dictionary makes of it, a short run alone after a role word
            named = run is not None and run.group(0) not in NOT_NAMES and not _ORG_END.search(run.group(0))
            named = named and not (run is not None and ROLE_HEAD.search(run.group(0)))
            # ... unless it is one common word (担当工程：, 工場長は出張中): no rare surname is one
            named = named and not (run is not None and self._common_run(run.group(0)))
            if run is not None and alone and named:
                yield run.start(), self._cue_run_end(text, run.start(), run.end()), "ja_cue_run"
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
            words = re.split(r"[ ・=゠]", m.group(0))
            closed = text.startswith(HONORIFICS + TITLES, m.end())
            common = any(self._common_word(t) for t in self._analyzer.tokens(m.group(0)))
            known = any(self._kana_name(w, loose=False) for w in words) or (
                not common and any(self._kana_name(w, loose=True) for w in words)
            )
            known = known and not _loanwords(words, self.ordinary_word, self._kana_name)  # サーボ モータ
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
                if item is None or not _list_member(item.group(0)):
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

    def _known_before_marker(self, text: str, tokens: list[Token]) -> Iterator[tuple[int, int, str]]:
        """林班長, 小川さん: a surname the analyser read as an ordinary word, right before an honorific
        or a title, where it can only be a name."""
        for m in _free_markers(self._marker, text, tokens):
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
            unit = len(t.surface) == 1 and before in " \u3000" and text[t.start - 2 : t.start - 1].isdigit()
            if (before and before not in _FIELD_SEPARATORS) or unit:
                continue  # 500 円: a number's unit or counter, not a one-kanji surname
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
            if _loanwords(re.split(r"[ ・=゠]", m.group(0)), self.ordinary_word, self._kana_name):
                continue  # サーボ モータ, エア フィルタ: a part's name in loanwords, not a person's
            yield m.start(), m.end(), "ja_katakana_field"
        for m in _MENTION.finditer(text):
            yield m.start(1), m.end(1), "ja_mention"


_PLACE_SUFFIXES = frozenset("市区県郡")
# nouns of tools and equipment: a name-like word glued before one is the tool's name (金剛砥石,
# 弁慶治具, 大黒ポンプ), the way a place before 工場 is the plant's
_TOOLS = (
    "(?:砥石|治具|冶具|工具|装置|金型|刃物|機械|計器|ゲージ|ドリル|カッター|チャック|バルブ|ポンプ|ボルト|"
    "ナット|ホース|ブラシ|パッキン|軸受|歯車|継手|台車|ハンマー|レンチ|ジャッキ|ホイスト|クランプ)"
)
_TOOL_AFTER = re.compile(_TOOLS + "(?![\u30a1-\u30faー])")  # not ボルトン, a name
_TOOL_END = re.compile(_TOOLS + "$")
# words that end a company's name (the span's first character aside), never a person's
_COMPANY = re.compile(
    "(?:電器|電機|工業|商事|建設|重工|自動車|精機|化学|技研|産業|製薬|銀行|織機|株式会社|製作所|製[\u30a1-\u30ff]+)"
    "(?P<space>[ \u3000]+)?"
)


def _after_company(text: str, start: int, end: int, tokens: list[Token]) -> int | None:
    """Where the name in ``text[start:end]`` starts: None when the span is a city or ward the
    analyser cut from its suffix (豊田 + 市) or a company (松下電器, 豊田自動織機, 山崎製パン); after
    the company when a space parts them (浜田精機 石井和也)."""
    found = text[start:end]
    if found[-1:] in _PLACE_SUFFIXES and any(t.start == end - 1 and t.start > start for t in tokens):
        return None
    company = None
    for m in _COMPANY.finditer(found, 1):
        company = m
    if company is None:
        return start
    return start + company.end() if company.group("space") and company.end() < len(found) else None


def _inside_kana_word(text: str, tokens: list[Token], k: int) -> bool:
    """A hiragana name the dictionary cut from the end of a hiragana word (てんけん read as て ん
    けん): glued to a hiragana word before it that is no particle, and closed by no honorific."""
    t = tokens[k]
    if k == 0 or not re.fullmatch("[\u3041-\u3096]+", t.surface):
        return False
    prev = tokens[k - 1]
    glued = prev.end == t.start and re.fullmatch("[\u3041-\u3096ー]+", prev.surface) is not None
    return glued and prev.pos1 not in ("助詞", "助動詞") and not text.startswith(HONORIFICS + TITLES, t.end)


def _free_markers(marker: re.Pattern[str], text: str, tokens: list[Token]) -> Iterator[re.Match[str]]:
    """The honorifics and titles in ``text`` that do not end one of the dictionary's words (摂氏, 華氏:
    degrees; 林班|長 is a misreading, not such a word)."""
    word_start = {t.end: t.start for t in tokens}
    return (m for m in marker.finditer(text) if word_start.get(m.end(), m.start()) >= m.start())


def _loanwords(
    words: list[str], ordinary_word: Callable[[str], bool], kana_name: Callable[[str, bool], bool]
) -> bool:
    """Every word one the dictionary reads as an ordinary word, and not all of them a name's known
    reading (オイル シール, ベルト コンベア; マシニング・センタ, タッチ・パネル: センタ and タッチ are also
    listed as given names, パネル is not)."""
    return all(ordinary_word(w) for w in words) and not all(kana_name(w, False) for w in words)
