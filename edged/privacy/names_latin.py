"""Latin-script names that capitalisation rules cannot see, in any text (English or Japanese):

- nicknames in quotes between given name and surname (``Gavin "Guga" Bora``, any case);
- an initial before a surname (``P. Khulan``, ``S. Bat-Erdene``) or between given name and surname
  (``Kasun N. Senanayake``, ``virman t. prasetyo``);
- chat mentions (``@Vy``, ``@tanveer atwal``);
- lowercase names in chat and logs (``pls ask nimal perera to ...``, ``tech=getachew bekele``,
  ``- kiran``): words no English text uses, or that the name lists know, right after a person
  cue or right before what people do.

Lists: the US Census 1990 given names and surnames (``names``), and wordfreq's English vocabulary
to tell a name from a word. None of the evaluation's name sources.
"""

from __future__ import annotations

import functools
import importlib
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from edged.privacy.detector import Span
from edged.privacy.entities import PERSON


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


_LW = "a-zà-öø-ʯḁ-ỿ"  # lowercase Latin letters, accents and IPA-block letters (ə, ɛ, ɔ) included
# capitals of every Latin block (Ł, Š, Ž, Ş, Ə, İ, Ā, Đ, Ạ...), not only Latin-1's
_UW = "A-ZÀ-ÖØ-Þ" + "".join(
    chr(c) for c in (*range(0x100, 0x2B0), *range(0x1E00, 0x1F00)) if chr(c).isupper()
)
_WORD = rf"[{_UW}{_LW}][{_LW}{_UW}'’]*(?:-[{_UW}{_LW}][{_LW}{_UW}'’]*)*"
# Latin letters only: a Japanese character may touch a name. No start after a letter and an
# apostrophe or a hyphen, or both (O'Brien is read from its O, Jean-Pierre from its J): A'A'...,
# a-a-... and A'-A'-... scanned the rest of the run from each letter (20,000: 1.8 s).
_LD = "A-Za-zÀ-ʯḀ-ỿ0-9"
_NOT_BEFORE = rf"(?<![{_LD}@])(?<![{_LD}]['’\-])(?<![{_LD}]['’]-)(?<![{_LD}]-['’])"
_NOT_AFTER = rf"(?![{_LD}])"
_NICKNAME = re.compile(rf"{_NOT_BEFORE}({_WORD}) [\"“]({_WORD})[\"”] ({_WORD}){_NOT_AFTER}")
# particles of Romance, Dutch and Faroese names, and the elided article glued to the surname
# (J. de l'Estrac, J. á Lakjuni, P. d'Souza)
_INITIAL_FIRST = re.compile(
    rf"(?<![A-Za-zÀ-ʯḀ-ỿ0-9.])[{_UW}]\. "
    r"(?:(?:de|del|della|da|dos|das|do|van|von|der|den|di|du|le|la|ten|ter|á|í|à) )*(?:[ld]['’])?"
    rf"([{_UW}][{_LW}]*[{_UW}]?[{_LW}]+(?:-[{_UW}][{_LW}]+)?){_NOT_AFTER}"
)
# a role or field that a person fills, right before an initial and a surname: the surname may be
# short or a word (host C. Yo, sign-off K. Dem, laptop for I. Don, reviewer D. An)
_INITIAL_CUE = re.compile(
    r"(?:\bhost|\bsign-?off|\bsigned(?: off)?(?: by)?|\bfor|\bby|\bowner|\breviewer|\bapprover|\bbuyer|"
    r"\bseller|\bcontact|\battn|\bwitness|\bauditor|\binspector|\bvisitor|\bguest|\bcourier|\bdriver|"
    r"\bcc|\bwith|\bfrom|\bto):?\s?$",
    re.IGNORECASE,
)
_SHORT_SURNAME = 3
_MIDDLE_INITIAL = re.compile(rf"{_NOT_BEFORE}({_WORD}) [{_UW}{_LW}]\. ({_WORD}){_NOT_AFTER}")
_HONORIFIC = r"(?!san\b|sama\b|kun\b|chan\b|sensei\b|dono\b)"
_CAPITALISED = re.compile(
    rf"(?<![A-Za-zÀ-ʯḀ-ỿ0-9])([{_UW}][{_LW}]+(?:-{_HONORIFIC}[{_UW}]?[{_LW}]+)?)(?![A-Za-zÀ-ʯḀ-ỿ0-9\-])"
)
_CAPS_WORD = rf"[{_UW}][{_UW}'’]+(?:-[{_UW}]+)?"
_VOWEL = re.compile("[aeiouyà-ÿə]")
# a word in capitals glued to "-digits" is an identifier (MOC-26-547, AWB-554), not a surname
_CAPS_RUN = re.compile(rf"{_NOT_BEFORE}{_CAPS_WORD}(?: {_CAPS_WORD}){{1,3}}{_NOT_AFTER}(?!-[0-9])")
_INVERTED = re.compile(
    # a mark inside the surname joins letters (Aa--Aa--... was scanned from each capital)
    rf"{_NOT_BEFORE}([{_UW}](?:[{_UW}{_LW}]|['’\-](?=[{_UW}{_LW}]))+), "
    rf"([{_UW}][{_LW}]+(?:[ \-][{_UW}][{_LW}]+)?){_NOT_AFTER}"
)
# capitals that are plant words, not names (a line of capitals is a heading as often as a name)
_CAPS_NOT_NAMES = _wordset(
    "PLC CNC HMI SCADA MES ERP SKF ALM LOT ISO JIS ANSI USB LAN WAN VPN IP MAC SN PN QC QA OEE "
    "KPI FAQ PDF CSV TEL FAX ID NG OK AGV AMR UPS CT PM AM WO PO NCR RMA PPAP CAPA FMEA SOP "
    "LOTO PPE URGENT NOTE ALARM ERROR WARNING FAULT STOP START RUN IDLE DOWN LINE SHIFT NIGHT "
    "DAY ABB FANUC KUKA OMRON KEYENCE SIEMENS YASKAWA DENSO NACHI ROCKWELL MITSUBISHI BOSCH "
    "FESTO SMC THK NSK"
)
_MENTION = re.compile(rf"@({_WORD}(?: [{_LW}][{_LW}'\-]+)?)")
_LOWER_WORD = re.compile(rf"[{_LW}][{_LW}'’]*(?:-[{_LW}]+)*")
# What comes right before a person in chat and logs.
_CUE_BEFORE = re.compile(
    r"(?:\bask|\btell|\bping|\bcc:?|\blead|\btech=|\bby|\bescort:?|\bdriver|\bcontact|\bthanks|"
    r"\bthx|\bhi|\bhey|\bseen|\bassigned:?|\bowner|\bhost:|\bname:|\btrainee:|\btrainer:|\battention|"
    r"\battn\.?:?|\bcall|\bwitness:?|\bsigned:?|\b(?:card)?holder:?|\bout to|\bissued to|\blent to|"
    r"受講者:|氏名:|担当:|作業者:|[\-–—] |--\n)\s*$",
    re.IGNORECASE,
)
# What introduces a person outright: a log field that holds one (who=, ack_by=, user=, a commit's
# reviewed-by), a
# self-introduction (my name is, this is, it's), an assignment (assigned to).
_INTRO_CUE = re.compile(
    r"(?:\b(?:who|user|username|operator|owner|assignee|name|requester|caller|approver)=|"
    # a config key or ticket field, spaced or with a colon (admin = ..., assignee: ...)
    r"\b(?:admin|administrator|owner|assignee|operator|requester|approver|reporter|contact) ?[=:] ?|"
    r"[a-z]_?by=|\b[a-z]+-by:?|\bname is|\bthis is|\bit'?s|\bit’s|\bassigned to|\bhanded (?:over )?to|"
    r"\bescalated to|\bforwarded to|\btell)\s*$",
    re.IGNORECASE,
)
# a field's key (- assignee: x): a name follows it, though a dash before it reads as a cue
_FIELD_KEY = re.compile(
    r"(?i:assignee|assigned|requester|requestor|approver|reporter|owner|admin|administrator|operator|"
    r"caller|contact|user|username|name|who|host|escort|driver|holder|tech|technician)\s?[:=]"
)
# a log line's clause start after its place (Cell 12: ashley reported) is as weak a cue as a comma
_WEAK_CUE_BEFORE = re.compile(
    r"(?:\bfyi|\bwith|\bfor|\bto|\band|,|:|\bsee|\bcall|\bfrom|^)\s*$", re.IGNORECASE
)
# What people do, right after their name.
_VERB_AFTER = re.compile(
    r"^\s*(?:to\b|reported|changed|wants|can|could|will|set|swapped|said|says|is|was|has|had|needs|called|"
    r"fixed|left|took|covered|covers|asked|found|checked|did|does|and|,|'s|$|\)|\(|の|さん|が|は)",
    re.IGNORECASE,
)
_CHAT_WORDS = _wordset(
    "pls plz thx tmrw tmr lol fyi ur u wo re cc ok okay hmi plc ip sftp cnc agv amr nvm btw "
    "asap eta imo idk np ty yes no hi hey bye shift line team crew lead tech admin ops qa qc hr "
    "it the and pump press robot valve motor chiller boiler spindle drawbar bearing seal "
    "gateway scanner printer forklift forklifts reach-truck stacker pallet-jack crane hoist"
)
MAX_WORDS = 4
# role words that stand right before a person (Escort B. Österberg, Witness K. Amoah)
_ROLE_WORDS = _wordset(
    "escort attendant witness driver operator technician tech host trainer trainee inspector "
    "supervisor engineer contractor visitor welder presenter lead owner requester reporter assignee"
)


@functools.cache
def census_names() -> frozenset[str]:
    """US Census 1990 given names and surnames, lowercased (the ``names`` package's files)."""
    names_module: Any = importlib.import_module("names")
    folder = Path(names_module.__file__).parent
    found: set[str] = set()
    for file in ("dist.male.first", "dist.female.first", "dist.all.last"):
        for line in (folder / file).read_text(encoding="ascii").splitlines():
            if line.strip():
                found.add(line.split()[0].lower())
    return frozenset(found)


@functools.cache
def given_names() -> frozenset[str]:
    """US Census 1990 given names (male and female), lowercased."""
    names_module: Any = importlib.import_module("names")
    folder = Path(names_module.__file__).parent
    found: set[str] = set()
    for file in ("dist.male.first", "dist.female.first"):
        for line in (folder / file).read_text(encoding="ascii").splitlines():
            if line.strip():
                found.add(line.split()[0].lower())
    return frozenset(found)


@functools.cache
def frequent_given_names() -> frozenset[str]:
    """The 1,200 most frequent given names of each sex in the Census list (Mary, Ashley, Nelson),
    without its long tail of rare entries that are also words (See, Will as a surname...)."""
    names_module: Any = importlib.import_module("names")
    folder = Path(names_module.__file__).parent
    found: set[str] = set()
    for file in ("dist.male.first", "dist.female.first"):
        lines = [ln for ln in (folder / file).read_text(encoding="ascii").splitlines() if ln.strip()]
        found.update(line.split()[0].lower() for line in lines[:1200])
    return frozenset(found)


COMPANY_WORDS = _wordset(
    "electric electrics electronics robotics automation systems industries industrial motors "
    "machinery engineering logistics corporation corp inc ltd llc gmbh ag co group wave tools "
    "instruments controls technologies technology solutions manufacturing works plc holdings "
    # what a supplier's name ends in besides (Morgan Advanced Materials, Hayes Specialty Metals)
    "materials chemicals metals plastics polymers composites ceramics coatings components products "
    "services equipment enterprises international laboratories fasteners bearings hydraulics "
    "pneumatics dynamics aerospace semiconductors devices sensors packaging textiles castings forgings "
    "fabrication fabrications alloys"
)


def common_phrase(names: list[str], given: frozenset[str] | None = None) -> bool:
    """A capitalised run that is English words, not a name: it holds a word among the 7,000 most
    frequent that is no given name, unless the run starts with a given name (Hot Work Permit,
    Gemba Walk, but June Jones); or it ends in a company word (Lincoln Electric)."""
    given = given if given is not None else given_names()
    names = [n.rstrip(".") for n in names if n.rstrip(".") not in _NAME_PARTS]
    if not names:
        return False
    if names[-1] in COMPANY_WORDS or any(n in SHOP_FLOOR_WORDS for n in names):
        return True  # Lincoln Electric; Gemba Walk, Andon Cord
    if names[0] in given:
        return False
    if names[-1] in PHRASE_HEADS:
        return True  # Standard Work, Red Tag, Goods Receipt, Process Flow Diagram
    return any(n in _common() and n not in census_names() for n in names)


# The nouns that end plant procedures, documents and places (Red Tag, Goods Receipt, Confined
# Space Entry, Boiler House, Goods In): a capitalised run ending in one, that does not start with a
# given name, is a phrase. Some are surnames too (Call, House), but rarely after a word that is
# not a given name.
PHRASE_HEADS = _wordset(
    "receipt receipts diagram diagrams inspection inspections entry permit permits walk audit "
    "audits review reviews plan plans report reports request requests notice card cards board "
    "sheet sheets instruction instructions procedure procedures form forms log logs meeting "
    "meetings training drill award analysis alert alerts tag tags tagout lockout work call calls "
    "in out house shop yard room area store stores office cell bay dock gate lab hall floor deck "
    "check checks test tests trial trials order orders matrix chart charts list lists layout "
    "method standard standards policy handbook manual guide guideline program programme system "
    "project meeting minutes signal alarm alarms station stations"
)


# suffixes and particles of names, never evidence against one
_NAME_PARTS = _wordset(
    "jr sr ii iii iv phd md esq da de do dos das del della di van von der den le la al el bin "
    "binti ibn abu ó ní nic mac ua y"
)


def common_words() -> frozenset[str]:
    """The 7,000 most frequent English words (wordfreq)."""
    return _common()


@functools.cache
def _common() -> frozenset[str]:
    import wordfreq

    return frozenset(wordfreq.top_n_list("en", 7000))


# Shop-floor words English text rarely uses but plants do (lean production, Japanese loanwords):
# capitalised in a plant phrase ("Andon Cord", "Gemba Walk") they are no surname.
SHOP_FLOOR_WORDS = _wordset(
    "kanban andon gemba genba kaizen poka yoke pokayoke heijunka jidoka muda mura muri takt hoshin "
    "kanri genchi genbutsu seiri seiton seiso seiketsu shitsuke nemawashi obeya chaku hansei yokoten "
    "monozukuri mizusumashi smed tpm oee wip fifo lifo mrp erp mes hmi plc scada cmm vmc edm ebom "
    "mbom ecn eco ppap fmea pfmea dfmea apqp msa spc capa ncr rma coa coc fai gd&t"
)


@functools.cache
def vocabulary() -> frozenset[str]:
    """The 30,000 most frequent English words (wordfreq), and the shop floor's own."""
    import wordfreq

    return frozenset(wordfreq.top_n_list("en", 30000)) | SHOP_FLOOR_WORDS


def unfamiliar(word: str) -> bool:
    """A word English text does not use (one of its hyphen or apostrophe parts, at least)."""
    parts = [p for p in re.split(r"[\-'’]", word.lower()) if p]
    return any(len(p) > 1 and p not in vocabulary() for p in parts)


def find(text: str) -> Iterator[Span]:
    yield from _shaped(text)
    yield from _lowercase(text)


def _shaped(text: str) -> Iterator[Span]:
    yield from _capitals(text)
    yield from _inverted(text)
    for m in _NICKNAME.finditer(text):
        yield Span(PERSON, m.start(), m.end(), "latin_nickname")
    for m in _MIDDLE_INITIAL.finditer(text):
        given, surname = m.group(1), m.group(2)
        if given.lower() in _CHAT_WORDS or surname.lower() in _CHAT_WORDS or len(given) < 2:
            continue
        if given.lower() in _ROLE_WORDS:
            continue  # Escort B. Österberg: a role word before the initial, not a given name
        plain = common_phrase([given.lower(), surname.lower()])
        if _name_word(given) and (_name_word(surname) or surname[:1].isupper()) and not plain:
            yield Span(PERSON, m.start(), m.end(), "latin_middle_initial")
    yield from _initials(text)
    yield from _after_cue(text)
    for m in _MENTION.finditer(text):
        words = m.group(1).split()
        if len(words) == 2 and not _name_word(words[1]):
            words = words[:1]
        end = m.start(1) + len(" ".join(words))
        if words[0].lower() not in _CHAT_WORDS:
            yield Span(PERSON, m.start(1), end, "latin_mention")


def _initials(text: str) -> Iterator[Span]:
    for m in _INITIAL_FIRST.finditer(text):
        # A. Flaminio, L. del Río, A. MacLeod: an initial and a surname; "Section A. Pump" is none
        surname = m.group(1).lower()
        plain = surname in _common() or surname in COMPANY_WORDS  # among the 7,000 commonest words
        # an English word that is no surname (F. Calibrated by, C. Standby phone)
        plain = plain or (surname in vocabulary() and surname not in census_names())
        if not plain or _CUE_BEFORE.search(text[max(0, m.start() - 12) : m.start()]):
            yield Span(PERSON, m.start(), m.end(), "latin_initial")
        elif _INITIAL_CUE.search(text, max(0, m.start() - 16), m.start()) and _cued_surname(surname):
            yield Span(PERSON, m.start(), m.end(), "latin_initial_cue")


def _cued_surname(surname: str) -> bool:
    """After a role: a short surname (An, Yo, Dem), a Census name or no English word; never a plant,
    chat, company or procedure word (for A. Line, for B. Test)."""
    if any(surname in words for words in (_CHAT_WORDS, COMPANY_WORDS, PHRASE_HEADS, SHOP_FLOOR_WORDS)):
        return False
    if surname in _FUNCTION_WORDS:
        return False  # wait for I. Then, ready for A. So
    short = len(surname) <= _SHORT_SURNAME
    return short or (surname in census_names() and surname not in _common()) or surname not in vocabulary()


_FUNCTION_WORDS = _wordset(
    "so to at in on it is as we he the and but or if no do go up by my me us of be all any too yes not "
    "now how who why new old one two our its has had was are can may did see then there this that"
)


# the word after a name, and the capitalised words after that (by Brandwell Advanced Ceramics)
_FOLLOWING = re.compile(r" [A-Za-z]{1,24}(?: [A-Z][A-Za-z]{0,23}){0,2}")
_TITLE_DOT = re.compile(rf"\. [{_UW}]")
_TITLE_MAX = 4


def _after_cue(text: str) -> Iterator[Span]:
    for m in _CAPITALISED.finditer(text):
        # escort: Owolabi, call Bikash on, anyone seen Yared??: one capitalised word right after a
        # person cue, when it is no common English word
        word = m.group(1)
        if not _CUE_BEFORE.search(text[max(0, m.start(1) - 12) : m.start(1)]):
            continue
        if len(word) <= _TITLE_MAX and _TITLE_DOT.match(text, m.end(1)):
            continue  # by Capt. Ramos, with Insp. Varga: a title, the name after it
        if word.lower() in _CHAT_WORDS or (word.lower() in _common() and word.lower() not in given_names()):
            continue
        dash = text[max(0, m.start(1) - 2) : m.start(1)] in ("- ", "– ", "— ")
        if dash and word.lower() in vocabulary() and word.lower() not in given_names():
            continue  # Lock 35 - Dock 4: after a dash, an English word is a place or a part
        following = _FOLLOWING.match(text, m.end(1))
        if following and any(w.lower() in COMPANY_WORDS for w in following.group(0).split()):
            continue  # by Johnson Controls, by Brandwell Advanced Ceramics: a maker
        yield Span(PERSON, m.start(1), m.end(1), "latin_cue_single")


def _capitals(text: str) -> Iterator[Span]:
    for m in _CAPS_RUN.finditer(text):
        # GULNORA YUSUPOVA, NICOLETTA DORIA: a name in capitals, as forms and rosters write them
        words = [w.lower() for w in re.split(r"[\s\-]+", m.group(0)) if w]
        if any(w.upper() in _CAPS_NOT_NAMES or w in _CHAT_WORDS or not _VOWEL.search(w) for w in words):
            continue
        if common_phrase(words) or not any(unfamiliar(w) or w in frequent_given_names() for w in words):
            continue
        yield Span(PERSON, m.start(), m.end(), "latin_caps")


# an approval or sign-off field, where ``Surname, Given`` is the form's own order
_APPROVAL_BEFORE = re.compile(
    r"(?:\bapproved|\bsigned|\bchecked|\bverified|\breviewed|\brequested|\braised|\bapprover|"
    r"\bapplicant|\bauthori[sz]ed)(?: by)?:? $",
    re.IGNORECASE,
)


# what a person does right after "Surname, Given" in a record (Pan, Duhyeon moved to ...)
_VERB_AFTER_INVERTED = re.compile(
    r" (?:moved|joined|left|retired|transferred|resigned|signed|approved|reported|requested|changed|"
    r"is|was|has|had|will|needs|took|asked)\b"
)


def _surname_of_record(surname: str) -> bool:
    """A surname before ", Given moved to": any word but a plant acronym, a chat or procedure word."""
    low = surname.lower()
    return surname.upper() not in _CAPS_NOT_NAMES and low not in _CHAT_WORDS and low not in PHRASE_HEADS


def _inverted(text: str) -> Iterator[Span]:
    for m in _INVERTED.finditer(text):
        # MARTÍNEZ, Marcela / Yamamoto, Tsubasa: surname, comma, given name(s)
        surname, given = m.group(1), m.group(2)
        words = [surname.lower(), *given.lower().split()]
        approval = _APPROVAL_BEFORE.search(text, max(0, m.start() - 16), m.start()) is not None
        if approval and unfamiliar(surname) and surname.upper() not in _CAPS_NOT_NAMES:
            yield Span(PERSON, m.start(), m.end(), "latin_inverted")  # approved Ngwenya, Precious
            continue
        if _VERB_AFTER_INVERTED.match(text, m.end()) and unfamiliar(given) and _surname_of_record(surname):
            yield Span(PERSON, m.start(), m.end(), "latin_inverted")  # Pan, Duhyeon moved to
            continue
        if common_phrase(words) or surname.upper() in _CAPS_NOT_NAMES:
            continue
        strong = surname.isupper() or given.split()[0].lower() in frequent_given_names()
        if strong or (unfamiliar(surname) and unfamiliar(given.split()[0])):
            yield Span(PERSON, m.start(), m.end(), "latin_inverted")


def _name_word(word: str) -> bool:
    bare = word.lower()
    if len(bare) < 3 or bare in _CHAT_WORDS or not re.fullmatch(rf"[{_LW}'’\-]+", bare):
        return False
    plain = _plain(bare)
    if bare in frequent_given_names() or plain in frequent_given_names():
        return True
    if len(bare) >= 7 and bare.endswith("ing") and bare not in census_names():
        return False  # closed for resurfacing, down for deburring: a verb's -ing form, not a name
    census = (bare in census_names() and bare not in _common()) or (plain != bare and plain in census_names())
    return unfamiliar(bare) or census


def _plain(word: str) -> str:
    """Lowercase, without accents: the Census lists write josé, garcía, maría as jose, garcia, maria."""
    return unicodedata.normalize("NFKD", word.lower()).encode("ascii", "ignore").decode()


# particles inside a lowercase name (maría del carmen, arne de jonghe, montserrat puig i ferrer)
_LOWER_PARTICLES = _wordset("de del la i y ó ní van von der den da dos das di du le ter ten bin ibn al")


def _run_length(text: str, words: list[tuple[str, int, int]], i: int) -> int:
    """How many words from ``i`` form one lowercase name: name words joined by single spaces, up to
    MAX_WORDS of them, a particle between two of them counted with the run."""
    n = 1
    names = 1

    def joined(k: int) -> bool:
        return words[k][1] - words[k - 1][2] == 1 and text[words[k - 1][2]] == " "

    while i + n < len(words) and names < MAX_WORDS and joined(i + n):
        k = i + n
        while k < len(words) - 1 and words[k][0] in _LOWER_PARTICLES and joined(k + 1):
            k += 1  # de la, van der: particles, then the name word after them
        # after a frequent given name, a Census surname that is also a word (sterling cooper)
        surname = n == 1 and _plain(words[i][0]) in frequent_given_names() and words[k][0] in census_names()
        word = words[k][0]
        if not (_name_word(word) or surname) or word in _CHAT_WORDS or word in _FUNCTION_WORDS:
            break
        n = k - i + 1
        names += 1
    return n


# a machine's tag after lowercase words (palletiser PZ-2, coil slitter CS-02, press P14)
_MACHINE_ID_AFTER = re.compile(r" [A-Z]{1,4}-?[0-9]")


def _cued_given(text: str, words: list[tuple[str, int, int]], i: int) -> int:
    """ack_by=alain émond, out to sven wartenberg: a given name English text knows (no Census name,
    none of the 7,000 commonest words) right after a person cue, then a surname no English text
    uses. How many words the name has (0: none)."""
    first = words[i][0]
    if len(first) < 3 or first in _common() or first in _CHAT_WORDS or not first.isalpha():
        return 0
    if i + 1 >= len(words) or words[i + 1][1] - words[i][2] != 1 or text[words[i][2]] != " ":
        return 0
    before = text[max(0, words[i][1] - 20) : words[i][1]]
    if not (_CUE_BEFORE.search(before[-12:]) or _INTRO_CUE.search(before)):
        return 0
    rest = words[i + 1][0]
    if not _name_word(rest) or not unfamiliar(rest) or rest in _LOWER_PARTICLES:
        return 0
    return 1 + _run_length(text, words, i + 1)


def _lowercase(text: str) -> Iterator[Span]:
    """Runs of one to three lowercase name words with a person cue before or a person's verb
    after; a single word needs both, or a word no English text uses."""
    words = [(m.group(0), m.start(), m.end()) for m in _LOWER_WORD.finditer(text)]
    i = 0
    while i < len(words):
        particle = words[i][0] in _LOWER_PARTICLES or _FIELD_KEY.match(text, words[i][1]) is not None
        if particle or (words[i][1] > 0 and text[words[i][1] - 1].isalnum()):
            i += 1
            continue
        if not _name_word(words[i][0]):
            n = _cued_given(text, words, i)
            if n:
                yield Span(PERSON, words[i][1], words[i + n - 1][2], "latin_lowercase")
            i += max(n, 1)
            continue
        n = _run_length(text, words, i)
        start, end = words[i][1], words[i + n - 1][2]
        if _MACHINE_ID_AFTER.match(text, end):
            i += n  # - coil slitter CS-02: a machine and its tag, not a name in lowercase
            continue
        before = text[max(0, start - 12) : start]
        cue = _CUE_BEFORE.search(before) is not None
        weak = _WEAK_CUE_BEFORE.search(before) is not None
        verb = _VERB_AFTER.match(text[end : end + 12]) is not None
        run = [w[0] for w in words[i : i + n] if w[0] not in _LOWER_PARTICLES]
        strange = sum(unfamiliar(w) for w in run)
        named = all(_plain(w) in census_names() or unfamiliar(w) for w in run)
        intro = _INTRO_CUE.search(text[max(0, start - 20) : start]) is not None
        first_given = _plain(run[0]) in given_names()
        if named and (
            (cue and (strange or verb))  # ask nimal perera, tech=getachew bekele, - kiran
            or (intro and (n >= 2 or strange or first_given))  # who=nay lin zaw, name is hugo ruiz
            or (verb and n >= 2 and first_given)  # enzo garcia said, georgia williams wants
            or (verb and strange and (weak or n >= 2))  # fyi sanjeewa and ..., rodrigo pereira changed
            or (verb and weak and _plain(run[0]) in frequent_given_names())  # ashley reported, nelson and
        ):
            yield Span(PERSON, start, end, "latin_lowercase")
            i += n
        else:
            i += 1
