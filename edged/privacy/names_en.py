"""Names of people in English text, and romanised Japanese names in any text.

English: titles (Mr., Dr.), role words and greetings (operator, technician, Hi, Dear, reported by)
before a capitalised word, and a known given name followed by a capitalised word. The given names
are the US Census 1990 list shipped by the ``names`` package; surnames are recognised by shape,
not by list. Romanised Japanese: a capitalised word that reads as Japanese morae and that the
Japanese dictionary knows as a person's name once written in katakana (Tanaka -> タナカ, 姓),
paired with another such word or followed by -san.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Iterable, Iterator

from edged.privacy.detector import Span
from edged.privacy.entities import PERSON
from edged.privacy.names_latin import (
    COMPANY_WORDS,
    PHRASE_HEADS,
    common_phrase,
    common_words,
    given_names,
    unfamiliar,
)
from edged.privacy.strict_words import UNITS


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# English titles, and the ones plants abroad write in English letters (Ing. Dudková, Sra. Apaza,
# Mme Leroy, Herr Vogt, Dott. Ricci, Eng. Haddad)
TITLES = frozenset(
    {"mr", "mrs", "ms", "miss", "dr", "mx", "prof", "sir", "madam", "mister"}
    # ranks and offices written before a name (Capt. Ramos, Lt. Okafor, Insp. Varga)
    | {"capt", "cpt", "lt", "col", "sgt", "maj", "cmdr", "insp", "supt", "rev", "hon"}
    | {"ing", "sra", "srta", "mme", "mlle", "herr", "frau", "dott", "dra", "eng"}
)
STRONG_CUES = (
    "operator",
    "technician",
    "tech",
    "engineer",
    "supervisor",
    "inspector",
    "foreman",
    "manager",
    "lead",
    "leader",
    "mechanic",
    "electrician",
    "contact",
    "attn",
    "attention",
    "cc",
    "hi",
    "hello",
    "dear",
    "thanks",
    "thank you",
    "regards",
    "reported by",
    "assigned to",
    "handed over to",
    "handed off to",
    "signed off by",
    "approved by",
    "checked by",
    "inspected by",
    "requested by",
    "escalated to",
    "notify",
    "notified",
    "inform",
    "informed",
    "called",
    "ask",
    "asked",
    "name",
    "from",
    "to",
    "owner",
    "requester",
    "reporter",
    "assignee",
    "worker",
    "employee",
    "staff",
    "planner",
    "coordinator",
    "driver",
    "visitor",
    "contractor",
    "best",
    "cheers",
    "sincerely",
    "met",
    "told",
    "per",
    "spoke with",
    "talked to",
    "ping",
    "email",
    "call",
    "by",
    "with",
    "and",
    "customer",
    "client",
    "guest",
    "buyer",
    "trainee",
    "intern",
    "colleague",
    "mr",
    "ms",
    "handover",
    "escorted by",
    "trainer",
    "interpreter",
    "spoke to",
    "covered by",
    "relieved by",
    "relieving",
    "on call",
    "signed by",
)
# Cues strong enough to accept a capitalised word that is not a known given name.
_STRONG_ONLY = frozenset(STRONG_CUES) - {
    "by",
    "with",
    "and",
    "from",
    "to",
    "per",
    "met",
    "told",
    "best",
    "call",
    "email",
    "ask",
    "asked",
    "called",
    "name",
    "lead",
}
HONORIFIC_SUFFIX = re.compile(r"(?:-| )?(?:san|sama|kun|chan|sensei|shi|dono)\b|さん|様|さま|氏|殿|くん")
# Latin letters, accents included, and the IPA-block letters some alphabets write names with
# (Azerbaijani ə, Akan and Ewe ɛ ɔ, Hausa ɓ ɗ)
_L = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02af\u1e00-\u1eff"
# an apostrophe joins letters (O'Brien, N'Dour), never a possessive 's (Romano Acosta's follow-up)
_WORD = re.compile(
    rf"[{_L}](?:[{_L}]|['’](?![sS]\b)(?=[{_L}]))*(?:-(?!(?:san|sama|kun|chan|sensei|dono)\b)[{_L}]+)*[.:]?"
)
PARTICLES = frozenset(
    {
        "da",
        "de",
        "do",
        "dos",
        "das",
        "del",
        "della",
        "di",
        "van",
        "von",
        "der",
        "den",
        "le",
        "la",
        "bin",
        "binti",
        "al",
        "el",
        "y",
        "ter",
        "ten",
        "het",
        "dela",
        "du",
        # Irish, Gaelic, Arabic particles written capitalised (Julian Ó Coinín, Columba Mac Comhghaill)
        "Ó",
        "Ní",
        "Nic",
        "Mac",
        "Ua",
        "Bin",
        "Ibn",
        "Abu",
        "Al",
        "El",
    }
)
VERBISH = frozenset(
    {
        "reset",
        "read",
        "took",
        "left",
        "brought",
        "brings",
        "swapped",
        "completed",
        "signed",
        "moved",
        "found",
        "fixed",
        "clocked",
        "covered",
        "covers",
        "is",
        "are",
        "were",
        "will",
        "can",
        "could",
        "should",
        "would",
        "must",
        "needs",
        "wants",
        "asked",
        "called",
        "cleared",
        "ran",
        "runs",
        "set",
        "put",
        "got",
        "gave",
        "sent",
        "wrote",
        "made",
        "did",
        "does",
        "and",
        "was",
        "has",
        "had",
        "reports",
        "reported",
        "says",
        "said",
        "checked",
        "came",
        "went",
        "replaced",
        "inspected",
        "confirmed",
        "started",
        "stopped",
        "on",
        "who",
        "from",
        "to",
        "at",
        "in",
        "for",
        "with",
        "or",
        "paid",
        "submitted",
        "handles",
        "approved",
        "logged",
        "noticed",
        "saw",
        "heard",
        "thinks",
        "knows",
        "gets",
        "takes",
        "won't",
        "can't",
        "didn't",
        "wasn't",
    }
)
_INITIAL = re.compile(r"^[A-Z]\.$")
# Capitalised words that are not names in plant text: calendar, places of the plant, equipment,
# document words, sentence openers. A name-shaped word here is never taken as a surname.
STOP = _words(
    """
monday tuesday wednesday thursday friday saturday sunday january february march april may june july
august september october november december mon tue wed thu fri sat sun jan feb mar apr jun jul aug
sep sept oct nov dec today tomorrow yesterday morning afternoon evening night day week month year
shift team crew line pump station machine press robot conveyor valve motor sensor plant building
site shop floor room office department dept division section area zone cell bay dock gate tank
boiler chiller compressor furnace oven dryer mixer filter heater cooler fan belt bearing gear
spindle tool die mold mould jig fixture lathe mill drill saw welder weld cutter grinder laser
printer scanner reader camera vision panel cabinet server network router switch plc hmi scada mes
erp system model series type version firmware software hardware update patch release build error
alarm fault warning alert event incident issue ticket order lot part batch unit serial product item
sample spec quality production assembly inspection safety engineering operations logistics
maintenance control process packaging shipping receiving warehouse storage lab laboratory test
customer client supplier vendor company corporation corp inc ltd llc co group factory works center
centre japan tokyo osaka nagoya kyoto yokohama kobe fukuoka sapporo sendai usa america american
english japanese east west north south central main upper lower left right front rear back top
bottom new old first second third next last final total high low max min auto manual start stop
reset run hold open close closed on off the this that these those there here please thanks thank
note notes report summary handover hand action status root cause fix repair check replace replaced
done pending ok okay yes no all both each every some any none if when while after before during
until since also and but or so then it its we i you they he she our my your their his her us them
who what which where why how can could would should will shall must may might is are was were be
been being have has had do does did not good great fine best kind regards sincerely cheers dear hi
hello hey attn subject re fw fwd cc bcc from to date sent received reply forward urgent important
info information request requested approval approved review reviewed draft final meeting call plan
schedule agenda minutes memo message mail email phone tel fax address contact contacts group dept
section manager supervisor operator technician engineer inspector lead leader staff worker workers
crew visitor guest admin administrator root user users account password login monday's friday's step
steps item items point points level levels stage stages phase phases zero one two three four five
six seven eight nine ten hundred thousand celsius fahrenheit kelvin psi bar mpa kpa rpm volt volts
amp amps watt watts hz kw kwh vac vdc ac dc id no number code rev revision doc document page file
folder drive disk usb lan wifi ip mac url http https ftp ssh
"""
)
# Census given names that are ordinary English words: never a name on their own.
AMBIGUOUS_GIVEN = _words(
    """
will may june april august mark bill art bob sue pat joy hope faith grace rose lily ivy dawn eve guy
rich sandy rusty penny jack frank don ray gene major king earl dean lane page case chase chance
christian ernest harmony summer autumn winter star sky river rock stone wood field hunter porter
carter cooper baker mason miles sterling norman bishop price hall long young white black green brown
gray grey love ruby pearl jewel crystal amber jade iris daisy holly heather violet melody sunny
precious angel an in in is it so son tom van lee sharon jerry patience
"""
)

MAX_ROMAJI = 24  # longer words are no names; the converter below is linear, but why spend it
_ROMAJI_TO_KANA = [
    ("kya", "キャ"),
    ("kyu", "キュ"),
    ("kyo", "キョ"),
    ("gya", "ギャ"),
    ("gyu", "ギュ"),
    ("gyo", "ギョ"),
    ("sha", "シャ"),
    ("shi", "シ"),
    ("shu", "シュ"),
    ("sho", "ショ"),
    ("she", "シェ"),
    ("cha", "チャ"),
    ("chi", "チ"),
    ("chu", "チュ"),
    ("cho", "チョ"),
    ("tsu", "ツ"),
    ("nya", "ニャ"),
    ("nyu", "ニュ"),
    ("nyo", "ニョ"),
    ("hya", "ヒャ"),
    ("hyu", "ヒュ"),
    ("hyo", "ヒョ"),
    ("bya", "ビャ"),
    ("byu", "ビュ"),
    ("byo", "ビョ"),
    ("pya", "ピャ"),
    ("pyu", "ピュ"),
    ("pyo", "ピョ"),
    ("mya", "ミャ"),
    ("myu", "ミュ"),
    ("myo", "ミョ"),
    ("rya", "リャ"),
    ("ryu", "リュ"),
    ("ryo", "リョ"),
    ("ja", "ジャ"),
    ("ji", "ジ"),
    ("ju", "ジュ"),
    ("jo", "ジョ"),
    ("fu", "フ"),
    *[
        (c + v, k)
        for c, row in (
            ("k", "カキクケコ"),
            ("g", "ガギグゲゴ"),
            ("s", "サシスセソ"),
            ("z", "ザジズゼゾ"),
            ("t", "タチツテト"),
            ("d", "ダヂヅデド"),
            ("n", "ナニヌネノ"),
            ("h", "ハヒフヘホ"),
            ("b", "バビブベボ"),
            ("p", "パピプペポ"),
            ("m", "マミムメモ"),
            ("r", "ラリルレロ"),
        )
        for v, k in zip("aiueo", row, strict=True)
    ],
    ("ya", "ヤ"),
    ("yu", "ユ"),
    ("yo", "ヨ"),
    ("wa", "ワ"),
    ("wo", "ヲ"),
    ("a", "ア"),
    ("i", "イ"),
    ("u", "ウ"),
    ("e", "エ"),
    ("o", "オ"),
    ("n", "ン"),
]


def romaji_to_katakana(word: str) -> str | None:
    """Hepburn romaji (Tanaka, Satou, Ōno, Kenichi) as katakana, or None when it is not romaji."""
    w = word.lower().replace("ō", "ou").replace("ū", "uu").replace("’", "'").replace("-", "'")
    if len(w) > MAX_ROMAJI or not w.replace("'", "").isalpha():
        return None  # (a regex of morae here backtracked exponentially on "Tsatsatsa...x")
    out: list[str] = []
    i = 0
    while i < len(w):
        if i + 1 < len(w) and w[i] == w[i + 1] and w[i] not in "aiueon":
            out.append("ッ")  # geminate: Hattori, Hokkaido
            i += 1
            continue
        if w[i] == "'":  # n' : the syllable break
            i += 1
            continue
        if w.startswith("tch", i):
            out.append("ッ")
            i += 1
            continue
        for roman, kana in _ROMAJI_TO_KANA:
            if w.startswith(roman, i):
                if roman == "n" and i + 1 < len(w) and w[i + 1] in "aiueoy":
                    continue
                out.append(kana)
                i += len(roman)
                break
        else:
            return None
    return "".join(out)


_AFTER_NUMBER = re.compile(r"[0-9] ?$")


# A romanised Japanese name is short (Shimonosekiyama: 15 letters). Longer words are not looked up:
# their spellings were built letter by letter, so one long word ("O'O'O'...", 60k letters) cost
# time quadratic in its length.
_LONGEST_ROMAJI = 32


def _romaji_variants(word: str) -> list[str]:
    """Spellings that restore what Hepburn often drops: long vowels (Sato = Satou, Ota = Oota,
    Yuko = Yuuko) and the syllable break after n (Kenichi = Ken'ichi). At most 24."""
    w = word.lower()
    variants = [""]
    for i, char in enumerate(w):
        options = [char]
        if char in "ou" and w[i + 1 : i + 2] not in ("u", "o") and (i == 0 or w[i - 1] != char):
            options += [char + "u"] + (["oo"] if char == "o" else [])
        elif char == "n" and 0 < i < len(w) - 1 and w[i + 1] in "aiueo" and w[i - 1] in "aiueo":
            options.append("n'")
        variants = [v + o for v in variants for o in options][:24]
    return variants


def load_given_names() -> frozenset[str]:
    """US Census 1990 given names (male and female)."""
    return given_names()


class EnglishNames:
    def __init__(self, readings: dict[str, str] | None, role_words: Iterable[str] = ()) -> None:
        self._given_all = load_given_names()
        self._given = self._given_all - AMBIGUOUS_GIVEN
        self._readings = readings
        self._strong = _STRONG_ONLY | {w.lower() for w in role_words} | {"name"}
        self._cues = frozenset(STRONG_CUES) | self._strong
        self._japanese_name = functools.lru_cache(maxsize=8192)(self._japanese_name_uncached)
        self._reading_kinds = functools.lru_cache(maxsize=8192)(self._reading_kinds_uncached)

    def find(self, text: str, english: bool = True) -> Iterator[Span]:
        words = [
            (m.group(0).rstrip(":"), m.start(), m.end() - m.group(0).endswith(":"))
            for m in _WORD.finditer(text)
        ]
        if english:
            found = list(self._english(text, words))
            found = _widen(found, _caps_names(text, self._given_all))
            found += list(self._listed(text, words, found))
            for span in found:
                yield _with_suffix(text, span)
        else:
            yield from _caps_names(text, self._given_all, latin_text=False)  # MACLEOD Ailsa様
        if self._readings is not None:
            yield from self._romanised(text, words)

    # -- English --------------------------------------------------------------------------------

    def _listed(self, text: str, words: list[tuple[str, int, int]], found: list[Span]) -> Iterator[Span]:
        """Handover: Paddy Kennedy, Dang Thu Phong and Kang Min-jun: the capitalised runs joined to
        a found name by a comma or "and" are names too."""
        starts = {w[1]: k for k, w in enumerate(words)}
        ends = {w[2] - (1 if w[0].endswith(".") else 0): k for k, w in enumerate(words)}
        taken = {(s.start, s.end) for s in found}
        queue = list(found)
        while queue:
            span = queue.pop()
            after = self._after_joint(text, words, starts, span)
            for k, run in (after, _before_joint(text, words, ends, span)):
                if run < 2 or any(w[0].rstrip(".").lower() in FUNCTION_WORDS for w in words[k : k + run]):
                    continue
                if common_phrase([w[0].rstrip(".").lower() for w in words[k : k + run]], self._given_all):
                    continue  # Training Matrix, Andon Call and ...: a phrase, not the next name
                candidate = self._span(words, k, run, "en_listed")
                if any(candidate.start < t[1] and candidate.end > t[0] for t in taken):
                    continue
                taken.add((candidate.start, candidate.end))
                queue.append(candidate)
                yield candidate

    @staticmethod
    def _after_joint(
        text: str, words: list[tuple[str, int, int]], starts: dict[int, int], span: Span
    ) -> tuple[int, int]:
        """(first word, count) of the capitalised run after ", " or " and " that follows ``span``."""
        joint = _LIST_JOINT.match(text, span.end)
        k = starts.get(joint.end()) if joint else None
        if k is None:
            return 0, 0
        run = 0
        while (
            k + run < len(words)
            and run < 4
            and _name_shaped(words[k + run][0].rstrip("."))
            and (run == 0 or _spaced(text, words[k + run - 1], words[k + run]))
        ):
            run += 1
            if words[k + run - 1][0].endswith("."):
                break
        return k, run

    def _english(self, text: str, words: list[tuple[str, int, int]]) -> Iterator[Span]:
        i = 0
        while i < len(words):
            word = words[i][0]
            bare = word.rstrip(".")
            if bare.lower() in TITLES and i + 1 < len(words) and _spaced(text, words[i], words[i + 1]):
                taken = self._run(text, words, i + 1)
                if taken:
                    yield self._span(words, i + 1, taken, "en_title")
                    i += 1 + taken
                    continue
            taken, rule = self._name_at(text, words, i)
            if taken:
                yield self._span(words, i, taken, rule)
                i += taken
                continue
            i += 1

    def _name_at(self, text: str, words: list[tuple[str, int, int]], i: int) -> tuple[int, str]:  # noqa: PLR0911
        """How many words from i are a name, and by which rule (0 when none)."""
        bare = words[i][0].rstrip(".")
        if not _name_shaped(bare) or bare.lower() in STOP:
            return 0, ""
        if bare.lower() in UNITS and _AFTER_NUMBER.search(text, max(0, words[i][1] - 4), words[i][1]):
            return 0, ""  # 345 Pa, 12 Ra: a unit after its number, whatever the Census says
        run = self._run(text, words, i)
        cue = self._cue_before(text, words, i)
        given = bare.lower() in self._given_all
        after = self._after(text, words, i, i + run)
        last = words[i + run - 1][0].rstrip(".").lower() if run > 1 else ""
        if last in COMPANY_WORDS or (last in PHRASE_HEADS and bare.lower() not in self._given_all):
            return 0, ""  # (by) Johnson Controls; (per the) Confined Space Entry: a maker, a procedure
        if cue is not None and (cue in self._strong or given or run > 1):
            return run, "en_cue"  # swapped by Gabrielly Silveira: a cue and a two-word name
        if given and run > 1:
            return run, "en_given"
        if (
            run == 1
            and bare.lower() in self._given
            and (not _sentence_start(text, words[i][1]) or after in ("verb", "punct", "possessive"))
        ):
            return 1, "en_given"
        if run == 1 and given and after in ("verb", "paren") and bare.lower() not in MONTHS:
            return 1, "en_given"  # Frank inspected ..., Mark is on it
        names = [w[0].rstrip(".").lower() for w in words[i : i + run]]
        if run > 1 and after == "possessive" and unfamiliar(names[0]) and not any(n in STOP for n in names):
            return run, "en_shape"  # Helēna Bite's proposal: a word no English text uses, and whose
        if run > 1 and common_phrase(names, self._given_all):
            return 0, ""  # Hot Work Permit, Gemba Walk, Lincoln Electric: plant words, a maker
        if run > 1 and after in ("verb", "paren", "email", "possessive"):
            return run, "en_shape"  # Gaurika Baria replaced ..., (Hamsini Thakkar), Ladli Gara <...>
        plant_words = [
            n for n in names if n in STOP and n not in CALENDAR_ABBREVIATIONS and n.title() not in PARTICLES
        ]
        if run > 1 and any(unfamiliar(name) for name in names) and not plant_words:
            return run, "en_unfamiliar"  # Hadiza Garba, Kang Jaeho: words no English text uses
        return 0, ""

    def _run(self, text: str, words: list[tuple[str, int, int]], i: int) -> int:
        """Words from i that form a name: First [M.] [Middle] [da|van|...] Last, at most five."""
        first = words[i][0].rstrip(".")
        if not _name_shaped(first) or first.lower() in STOP:
            return 0
        n = 1
        while i + n < len(words) and n < 5 and _spaced(text, words[i + n - 1], words[i + n]):
            nxt = words[i + n][0]
            if words[i + n - 1][0].endswith(".") and not _INITIAL.match(words[i + n - 1][0]):
                break  # "Smith. Next sentence"
            if _INITIAL.match(nxt) and i + n + 1 < len(words):
                n += 1
                continue
            if nxt in PARTICLES and i + n + 1 < len(words) and _name_shaped(words[i + n + 1][0].rstrip(".")):
                n += 1
                continue
            bare = nxt.rstrip(".")
            # after a known given name, a capitalised word is a surname even when it is also a
            # word (Robert West, Allison Best, Tanya Watts, Jeffery May)
            surname_word = (
                n == 1
                and first.lower() in self._given_all
                and bare.lower() not in FUNCTION_WORDS
                and not _digit_after(text, words[i + n][2])
            )
            if not _name_shaped(bare) or (bare.lower() in STOP and not surname_word):
                break
            n += 1
        while n > 1 and (_INITIAL.match(words[i + n - 1][0]) or words[i + n - 1][0] in PARTICLES):
            n -= 1
        return n

    @staticmethod
    def _after(text: str, words: list[tuple[str, int, int]], i: int, k: int) -> str:
        """What follows the candidate name words[i:k]: a verb, punctuation, a bracket..."""
        end = words[k - 1][2] - (1 if words[k - 1][0].endswith(".") else 0)
        rest = text[end : end + 3]
        start = words[i][1]
        if rest.startswith(("'s", "’s", "' ", "’ ")):
            return "possessive"  # Acosta's, Pierre-Louis' proposal
        if rest.startswith((",", ":")):
            return "punct"
        if rest.startswith(")") and text[:start].rstrip().endswith("("):
            return "paren"
        if rest.startswith(" <"):
            return "email"
        if k < len(words) and _spaced(text, words[k - 1], words[k]):
            nxt = words[k][0]
            if nxt.islower() and (nxt in VERBISH or (nxt.endswith("ed") and len(nxt) > 4)):
                return "verb"
        return ""

    def _cue_before(self, text: str, words: list[tuple[str, int, int]], i: int) -> str | None:
        if i == 0:
            return None
        gap = text[words[i - 1][2] : words[i][1]]
        if gap.strip(" :,\u3000") != "" or len(gap) > 3:
            return None
        colon = ":" in gap or words[i - 1][0].endswith(":")
        found = None
        for size in (3, 2, 1):
            if i - size < 0:
                continue
            chunk = words[i - size : i]
            if size > 1 and not all(_spaced(text, a, b) for a, b in itertools.pairwise(chunk)):
                continue
            phrase = " ".join(w[0].rstrip(".:").lower() for w in chunk)
            if phrase in self._cues:
                found = phrase
                break
        if found is not None and colon:
            return found if found in self._strong else "name"  # "From: X", "To: X" headers
        return found

    @staticmethod
    def _span(words: list[tuple[str, int, int]], i: int, n: int, rule: str) -> Span:
        end_word = words[i + n - 1]
        end = end_word[2] - (1 if end_word[0].endswith(".") and not _INITIAL.match(end_word[0]) else 0)
        return Span(PERSON, words[i][1], end, rule)

    # -- romanised Japanese ---------------------------------------------------------------------

    def japanese_reading(self, word: str) -> bool:
        """The word read as romaji is a surname or given name in the Japanese dictionary."""
        return self._japanese_name(word.title()) == 2

    def _japanese_name_uncached(self, word: str) -> int:
        """2: a reading of a surname or given name in the Japanese dictionary; 1: it reads as
        romaji; 0: it does not."""
        if self._readings is None or not 2 <= len(word) <= _LONGEST_ROMAJI or word.lower() in PLACES:
            return 0
        for variant in _romaji_variants(word):
            kana = romaji_to_katakana(variant)
            if kana is None:
                return 0
            kinds = self._readings.get(kana, "")
            if "姓" in kinds or "名" in kinds:
                return 2
        return 1

    def _romanised(self, text: str, words: list[tuple[str, int, int]]) -> Iterator[Span]:
        i = 0
        while i < len(words):
            word, start, end = words[i]
            bare = word.rstrip(".")
            score = self._japanese_name(bare.title()) if bare[:1].isupper() and not _english(bare) else 0
            if not score:
                if bare.islower() and self._lower_pair(text, words, i):
                    end = words[i + 1][2] - words[i + 1][0].endswith(".")
                    yield Span(PERSON, start, end, "romaji_lower_pair")
                    i += 2
                    continue
                i += 1
                continue
            nxt = words[i + 1] if i + 1 < len(words) else None
            paired = nxt is not None and _spaced(text, words[i], nxt) and nxt[0][:1].isupper()
            if nxt is not None and paired and not _english(nxt[0]):
                other = self._japanese_name(nxt[0].rstrip(".").title())
                if other and score + other >= 3:
                    yield Span(PERSON, start, nxt[2] - (1 if nxt[0].endswith(".") else 0), "romaji_pair")
                    i += 2
                    continue
            if score == 2 and HONORIFIC_SUFFIX.match(text, end):
                yield Span(PERSON, start, end, "romaji_honorific")
            i += 1


    def _lower_pair(self, text: str, words: list[tuple[str, int, int]], i: int) -> bool:
        """tanaka hiroshi said, ack_by=okamoto kana: two lowercase words that the dictionary reads as
        a surname and a given name, in either order, neither of them a common English word."""
        if i + 1 >= len(words) or not _spaced(text, words[i], words[i + 1]):
            return False
        pair = (words[i][0], words[i + 1][0].rstrip("."))
        if not all(w.islower() and w.isalpha() and w not in common_words() for w in pair):
            return False
        kinds = [self._reading_kinds(w) for w in pair]
        return ("姓" in kinds[0] and "名" in kinds[1]) or ("名" in kinds[0] and "姓" in kinds[1])

    def _reading_kinds_uncached(self, word: str) -> str:
        """The name kinds (姓, 名) the dictionary gives the word's romaji readings."""
        if self._readings is None or not 2 <= len(word) <= _LONGEST_ROMAJI or word in PLACES:
            return ""
        kinds = ""
        for variant in _romaji_variants(word):
            kana = romaji_to_katakana(variant)
            if kana is None:
                return ""
            kinds += self._readings.get(kana, "")
        return kinds


PLACES = _words(
    """
japan tokyo osaka nagoya kyoto yokohama kobe fukuoka sapporo sendai hiroshima chiba saitama kawasaki
shizuoka niigata okayama kumamoto kagoshima naha toyota hamamatsu kitakyushu sakai
"""
)
FUNCTION_WORDS = _words(
    """
the this that these those there here please thanks thank and but or so then if when while after
before during until since also it its we i you they he she our my your their his her us them who
what which where why how can could would should will shall must may might is are was were be been
being have has had do does did not no yes all both each every some any none hi hello dear regards re
fw fwd cc bcc from to at in on for with by of as monday tuesday wednesday thursday friday saturday
sunday today tomorrow yesterday line pump press unit lot part order error alarm
"""
)
MONTHS = frozenset({"may", "june", "april", "august"})  # months that are also surnames or given names


CALENDAR_ABBREVIATIONS = frozenset({"jan", "mar", "may", "jun", "sun", "sat", "wed"})  # also names
_LIST_JOINT = re.compile(r",? and |, | & ")
_LIST_JOINT_BEFORE = re.compile(r"(?:,? and |, | & )$")
_SUFFIX = re.compile(r",? (?:Jr\.?|Sr\.?|II|III|IV|V|PhD|Ph\.D\.|MD|M\.D\.|P\.E\.|Esq\.?)(?![A-Za-z])")
# SURNAME Given in capitals (KIMURA Rika) and Taiwanese romanisation (LIN MEI-CHU, HSU KUAN-YU)
_UPPER = "".join(sorted({c for c in map(chr, range(0x41, 0x250)) if c.isupper() and c.isalpha()}))
_LOWER = "".join(sorted({c for c in map(chr, range(0x61, 0x250)) if c.islower() and c.isalpha()}))
# bounded by Latin letters and digits only: in Japanese text a name touches kana (NGCOBO Karaboの)
_CAPS_NAME = re.compile(
    rf"(?<![{_UPPER}{_LOWER}0-9_\-])([{_UPPER}]{{2,14}}) (?:([{_UPPER}]{{1,8}}-[{_UPPER}]{{1,8}})"
    rf"|([{_UPPER}][{_LOWER}]+(?:-[{_UPPER}]?[{_LOWER}]+)?))(?![{_UPPER}{_LOWER}0-9_\-])"
)
_ACRONYMS = frozenset(
    w.upper()
    for w in _words(
        "PLC CNC HMI SCADA MES ERP SKF ALM LOT ISO JIS ANSI USB LAN WAN VPN IP MAC SN PN QC QA OEE KPI "
        "FAQ PDF CSV TEL FAX ID NG OK AGV AMR UPS CT PM AM"
    )
)


def _caps_names(text: str, given: frozenset[str], latin_text: bool = True) -> Iterator[Span]:
    """SURNAME Given in any Latin script (KIMURA Rika, SZCZEPAŃSKI Przemysław, KARAKAŞ Emre); in
    Japanese text (``latin_text`` false) the given name need not be unfamiliar or listed."""
    for m in _CAPS_NAME.finditer(text):
        surname, first = m.group(1), m.group(3)
        if surname.lower() in FUNCTION_WORDS or surname.lower() in STOP:
            continue  # DOWN AT Mezzanine East: a word in capitals, not a surname
        if surname in _ACRONYMS or not any(c in "AEIOUYÀÁÂÃÄÅÆÈÉÊËÌÍÎÏÒÓÔÕÖØÙÚÛÜÝ" for c in surname):
            continue
        if latin_text and first and not (unfamiliar(first) or first.lower() in given):
            continue  # "PUMP Station" is no name; "KIMURA Rika" is
        yield Span(PERSON, m.start(), m.end(), "en_caps_name")


def _widen(found: list[Span], wider: Iterable[Span]) -> list[Span]:
    """The spans of ``wider`` that overlap nothing, or cover what they overlap (SANCHEZ Justine over
    Justine), with what they cover dropped; the rest of ``wider`` is left out. The kept spans are
    held by start, and a span's overlaps found by bisection (a pass over all of them for each span
    was quadratic in thousands of names); the result keeps the order of a plain pass."""
    held = sorted((f.start, k, f) for k, f in enumerate(found))
    longest = max((f.end - f.start for f in found), default=0)
    order = len(found)
    for span in wider:
        low = bisect.bisect_left(held, (span.start - longest,))
        high = bisect.bisect_left(held, (span.end,))
        overlapped = [k for k in range(low, high) if held[k][2].end > span.start]
        if all(span.start <= held[k][2].start and held[k][2].end <= span.end for k in overlapped):
            for k in reversed(overlapped):
                del held[k]
            bisect.insort(held, (span.start, order, span))
            order += 1
            longest = max(longest, span.end - span.start)
    return [f for _, _, f in sorted(held, key=lambda h: h[1])]


def _before_joint(
    text: str, words: list[tuple[str, int, int]], ends: dict[int, int], span: Span
) -> tuple[int, int]:
    """(first word, count) of the capitalised run before the ", " or " and " that precedes ``span``."""
    joint = _LIST_JOINT_BEFORE.search(text[max(0, span.start - 6) : span.start])
    k_end = ends.get(span.start - len(joint.group(0))) if joint else None
    if k_end is None or not _name_shaped(words[k_end][0].rstrip(".")):
        return 0, 0
    k = k_end
    while (
        k > 0
        and k_end - k < 3
        and _spaced(text, words[k - 1], words[k])
        and _name_shaped(words[k - 1][0].rstrip("."))
    ):
        k -= 1
    return k, k_end - k + 1


def _inside(span: Span, found: list[Span]) -> bool:
    return any(span.start < f.end and span.end > f.start for f in found)


def _with_suffix(text: str, span: Span) -> Span:
    """Giuseppe Esposito Jr., Ayman Ragab II, Nasir Alharbi, Jr.: the suffix is part of the name."""
    m = _SUFFIX.match(text, span.end)
    if m:
        return span._replace(end=m.end())
    if text[span.end : span.end + 1] == "." and text[max(0, span.end - 3) : span.end] in (" Jr", " Sr"):
        return span._replace(end=span.end + 1)  # "Federica Esposito Sr." lost its dot as a sentence end
    return span


def _english(word: str) -> bool:
    """A function word, a weekday or a plant word (On Mon, NOTE PO): no romanised name."""
    bare = word.rstrip(".:").lower()
    # short plant words are name syllables too (Min, Jun: Zaw Min Oo, Tanaka Jun)
    return bare in FUNCTION_WORDS or (bare in STOP and len(bare) > 3)


def _digit_after(text: str, end: int) -> bool:
    return text[end : end + 4].strip()[:1].isdigit()


def _name_shaped(word: str) -> bool:
    """Capitalised like a name: Smith, McDonald, O'Brien, Smith-Jones, Mendonça; not PLC, not x2."""
    if len(word) < 2 or not word[0].isupper() or word.isupper():
        return False
    letters = word.replace("'", "").replace("’", "").replace("-", "")
    if not letters.isalpha() or any(ord(c) > 0x1EFF or 0x2B0 <= ord(c) < 0x1E00 for c in letters):
        return False
    return sum(c.isupper() for c in letters) <= 1 + word.count("-") + word.count("'") + word.count("’") + 1


def _spaced(text: str, a: tuple[str, int, int], b: tuple[str, int, int]) -> bool:
    return b[1] - a[2] == 1 and text[a[2]] == " "


def _sentence_start(text: str, start: int) -> bool:
    before = text[:start].rstrip()
    return not before or before[-1] in ".!?:\n「。！？：" or before.endswith("\n")
