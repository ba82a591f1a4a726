"""English prose names told by the slot they fill, not by a name list: a slot only a person fills
makes its words a name, lowercase or not, when they are no dictionary, plant or machine words.

- the object of a role noun (``attendant Palesa``, ``authorised rep chikondi banda-phiri;``,
  ``customer signature asuka kōzuki;``, ``pilot Wambli Two Bulls (remote ID)``);
- the object of a verb or preposition that takes a person (``refund by J. anak Pandi``, ``send to
  Jimbun anak Pandi, ...``, ``delivery for Zarina``, ``attendant radios J. Oh-uchi``);
- the subject of a person's verb at a clause's start (``Woldegiorgis confirmed.``, ``áile somby
  re-triggered it``, ``A. Khan guarded``, ``"Boitumelo here, ...``, ``0652h tiwa ek connected``);
- an initial and a surname, however short or common, after a person cue or next in a list of
  people (``CHECKED R. Ok``, ``X, Y and R. Lane;``).

A run is one to four words; connectors inside a name (Iban ``anak``, Malay ``binti``, ``van der``,
``de``) join it. It ends at punctuation, a stop word or a number; a word the plant uses (a machine,
a place, a shop-floor term) or a common English word in lowercase rejects it, and at least one word
must be no English word or a given name, so that ``operator Press 4``, ``refund by card``, ``closed
by the supervisor`` and ``delivery for Line 3`` stay as they are.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from edged.privacy.detector import Span
from edged.privacy.entities import PERSON
from edged.privacy.names_latin import (
    _CAPS_NOT_NAMES,
    _CHAT_WORDS,
    _LW,
    _UW,
    COMPANY_WORDS,
    SHOP_FLOOR_WORDS,
    _wordset,
    census_names,
    common_words,
    given_names,
    unfamiliar,
    vocabulary,
)
from edged.privacy.names_places import THING_WORDS
from edged.privacy.strict_words import PLANT_WORDS

# role nouns of plants, logistics, safety and HR that stand right before the person in the role
_ROLES = (
    "attendant|entrant|pilot|observer|spotter|banksman|rigger|slinger|driver|courier|rep|representative|"
    "admin|administrator|operator|technician|engineer|inspector|auditor|supervisor|foreman|forewoman|"
    "manager|owner|requester|requestor|approver|reviewer|reporter|assignee|recipient|consignee|addressee|"
    "sender|receiver|visitor|guest|contractor|subcontractor|trainee|trainer|apprentice|intern|nurse|medic|"
    "first-aider|firstaider|warden|marshal|steward|guard|escort|host|interpreter|translator|caller|"
    "applicant|candidate|employee|worker|welder|fitter|electrician|mechanic|planner|buyer|customer|"
    "client|patient|witness|author|coordinator|officer|chairperson|secretary|facilitator|picker|packer|"
    "loader|checker|mentor|buddy|holder|keyholder|signatory|signature|signed|countersigned|"
    "injured|casualty|employee|colleague|coworker|co-worker|teammate|lead|leader|deputy|designee|"
    "delegate|substitute|cover|relief|controller|dispatcher|storekeeper|storeman|cleaner|janitor|"
    "custodian|landlord|tenant|resident|occupant|passenger|traveller|traveler|attendee|participant|"
    "speaker|presenter|assessor|examiner|instructor|tutor|manager|foreperson|chargehand|shiftlead"
)
# verbs that take a person as their object (call Esi, radios J. Oh-uchi), and prepositions that
# do after such a verb (refund by, send to, delivery for)
_OBJECT_VERBS = (
    "radio|radios|radioed|call|calls|called|ring|rings|rang|phone|phones|phoned|page|pages|paged|"
    "notify|notifies|notified|inform|informs|informed|email|emails|emailed|text|texts|texted|"
    "contact|contacts|contacted|ask|asks|asked|tell|tells|told|thank|thanks|thanked|ping|pinged|"
    "cc|cc'd|attn|then"
)
_BY = r"by"
_TO = (
    r"(?:send|sent|mail|mailed|ship|shipped|deliver|delivered|return|returned|forward|forwarded|hand|"
    r"handed|give|given|gave|pass|passed|escalate|escalated|assign|assigned|addressed|issued|lent|"
    r"transfer|transferred|report|reported|talk|talked|speak|spoke|introduced|reassigned|"
    r"delegated|referred|routed)(?: it| this| them| these| back| over| out)? to"
)
_FOR = (
    r"(?:delivery|parcel|package|packet|letter|mail|post|shipment|consignment|booking|reservation|"
    r"ticket|badge|pass|appointment|interview|message|note|voicemail|callback|payslip|payment|refund|"
    r"reimbursement|certificate|award|gift|flowers|visa|locker|uniform|laptop|account|login|room|"
    r"meal|taxi|cab|flight|hotel|leave|overtime|allowance|bonus|training|induction|escort) for"
)
_ROLE_SET = frozenset(_ROLES.split("|")) | frozenset(_OBJECT_VERBS.split("|"))
_CUE = re.compile(
    rf"(?<![\w\-])(?:(?:{_ROLES})s?|{_OBJECT_VERBS}|{_BY}|{_TO}|{_FOR}|attention)"
    r"(?::| -| –)? (?=\S)",
    re.IGNORECASE,
)
# what a person does, right after the name at a clause's start
_SUBJECT_VERBS = (
    "confirmed|approved|reported|signed|re-triggered|retriggered|triggered|guarded|noticed|called|"
    "rang|phoned|emailed|texted|replied|answered|agreed|disagreed|refused|declined|requested|asked|"
    "said|says|wrote|noted|verified|inspected|witnessed|collected|dropped|logged|clocked|badged|swiped|"
    "arrived|joined|attended|completed|finished|acknowledged|accepted|rejected|authorised|authorized|"
    "escalated|raised|fixed|repaired|replaced|cleaned|tagged|isolated|counted|measured|took|gave|"
    "brought|received|handed|covered|relieved|trained|assisted|helped|supervised|escorted|observed|"
    "spotted|heard|slipped|tripped|fell|connected|disconnected|reconnected|confirms|approves|reports|"
    "signs|notices|agrees|requests|asks|writes|notes|verifies|collects|arrives|joins|will|would|can|"
    "could|should|must|has|had|is|was|needs|wants|thinks|thought|knows|knew|promised|apologised|"
    "apologized|complained|volunteered|insisted|suggested|recommended|explained|mentioned|stated|"
    "claimed|admitted|denied|refuses|declines|prefers|preferred|here"
)
_SUBJECT = re.compile(rf" (?:{_SUBJECT_VERBS})(?![\w\-])", re.IGNORECASE)
# a log's sign-off before an initial and a surname (CHECKED R. Ok, Drawn: K. Lee)
_SIGN_OFF = re.compile(
    r"(?<![\w\-])(?:checked|verified|approved|reviewed|inspected|prepared|drawn|designed|prog|programmed|"
    rf"witnessed|authori[sz]ed|released|released by|issued|owner)(?::| -)? (?=[{_UW}]\. )",
    re.IGNORECASE,
)
_TOKEN = re.compile(rf"[{_UW}{_LW}][{_UW}{_LW}'’]*(?:-[{_UW}{_LW}][{_UW}{_LW}'’]*)*\.?|[0-9][0-9:.]*h?|\S")
_INITIAL = re.compile(rf"[{_UW}]\.")
_CONNECTORS = _wordset(
    "anak binti bin bint ibn ap van von der den de del della la da dos das di du ter ten al el"
)
# words that end a run: articles, pronouns, prepositions, conjunctions
_STOPS = _wordset(
    "the a an and or but nor of on in at to from for with via per by as is was are were be been it its "
    "this that these those his her their our my your him them us me you he she they we who which "
    "what when where while if than then so not no all any each every some no one none am pm"
)
# where a clause starts: after punctuation, a sentence's end (not an initial's period), a line's
# start or a conjunction (... and Odhiambo noticed)
_CLAUSE_BREAK = re.compile(
    r"(?<=[;:,\"“(\[\]])\s*|(?<=[.!?])(?<!\b[A-Z]\.)\s+|\n| (?:and|then|but|so|while|when|after) "
)
_TIME = re.compile(r"[0-9][0-9:.]*h?|am|pm|a\.m\.|p\.m\.", re.IGNORECASE)
_MAX = 4


def find(text: str, found: list[Span]) -> Iterator[Span]:
    """Names in a person's slot, and an initial and surname listed after a name found otherwise."""
    for m in _CUE.finditer(text):
        end = _run_after(text, m.end())
        if end is not None and not (_PLACE_CUE.search(m.group(0)) and _place_like(text, m.end(), end, ",")):
            yield Span(PERSON, m.end(), end, "name_slot_object")
    for m in _SUBJECT.finditer(text):
        verb = m.group(0).strip().lower()
        start = _run_before(text, m.start(), here=verb == "here")
        if start is not None and not (verb in _WEAK_VERBS and _place_like(text, start, m.start(), " ")):
            yield Span(PERSON, start, m.start(), "name_slot_subject")
    for m in _SIGN_OFF.finditer(text):
        end = _run_after(text, m.end())
        if end is not None:
            yield Span(PERSON, m.end(), end, "name_slot_sign_off")
    ends = {s.end for s in found}
    for m in _LIST_INITIAL.finditer(text):
        if m.start() in ends and not _thing(m.group(2)):
            yield Span(PERSON, m.start(1), m.end(1), "name_slot_list_initial")


# an initial and a surname next in a list of people (X, Y and R. Lane;)
_LIST_INITIAL = re.compile(
    rf"(?:,| and| &) ([{_UW}]\. ([{_UW}][{_LW}'’\-]+))(?=[,;.)]|\s*$| and | to | for )"
)


def _tokens(text: str, start: int, limit: int) -> list[tuple[str, int, int]]:
    """The tokens after ``start``, each word, number or sign, up to ``limit`` of them on one line."""
    tokens: list[tuple[str, int, int]] = []
    pos = start
    while len(tokens) < limit and pos < len(text):
        if text[pos] == " ":
            pos += 1
            continue
        m = _TOKEN.match(text, pos)
        if m is None or text[pos] == "\n":
            break
        tokens.append((m.group(0), m.start(), m.end()))
        pos = m.end()
    return tokens


# a town fills the slot after "sent to", "delivery for" as well (shipped to Kópavogur, Iceland), and
# the subject of "is", "has", "will" (Kópavogur has no stock): one word there must be a given name
_PLACE_CUE = re.compile(r"(?:to|for) $", re.IGNORECASE)
_WEAK_VERBS = _wordset("is was has had will would can could should must needs wants")


def _place_like(text: str, start: int, end: int, after: str) -> bool:
    """One word, no given name, with ``after`` (a comma, a blank) after it: a town as likely."""
    words = text[start:end].split()
    if len(words) != 1 or words[0].lower() in given_names():
        return False
    return text.startswith(after, end)


def _run_after(text: str, start: int) -> int | None:
    """The end of a name run that starts at ``start`` and ends at a boundary, or None."""
    tokens = _tokens(text, start, _MAX + 3)
    words: list[str] = []
    end = start
    initial = False
    for i, (tok, _, tok_end) in enumerate(tokens):
        if i == 0 and _INITIAL.fullmatch(tok):
            initial = True
            end = tok_end
            continue
        word = tok.rstrip(".")
        if (
            not _word_token(word)
            or len(words) >= _MAX
            or (word.lower() in _STOPS and word.lower() not in _CONNECTORS)
        ):
            break
        last = i + 1 >= len(tokens) or not _word_token(tokens[i + 1][0])
        plain = words and word.islower() and _plain_lower(word) and not _before_unfamiliar(tokens, i)
        if plain and not _surname_tail([*words, word], len(words), last):
            break  # desmond ludowyk notified: the verb after the name ends it
        words.append(word)
        end = tok_end - (len(tok) - len(word))
        if tok.endswith("."):
            break  # Signed by June Park. Park the forklift: the sentence ends the name
    if not words or not _boundary_after(text, end) or words[0].lower() in _ROLE_SET:
        return None  # customer signature asuka: the last role word's cue takes the name
    if initial and len(words) == 1 and words[0][:1].isupper() and not _thing(words[0]):
        return end  # CHECKED R. Ok, by M. D'Souza: an initial and any surname
    return end if _name_words(words, initial) else None


def _run_before(text: str, end: int, here: bool) -> int | None:
    """The start of a name run that ends at ``end`` and fills its clause back to its start."""
    head = text[max(0, end - 80) : end]
    clause = _CLAUSE_BREAK.split(head)[-1]
    if here and not head[: len(head) - len(clause)].rstrip().endswith(('"', "“", ":")):
        return None  # "Boitumelo here, ...": a caller's greeting, in quotes or after a colon
    tokens = clause.split(" ")
    lead = 0
    while lead < len(tokens) - 1 and _TIME.fullmatch(tokens[lead]):
        lead += 1  # a log line's time before its subject (1052h rosnara samal connected)
    words = tokens[lead:]
    start = end - len(clause) + sum(len(t) + 1 for t in tokens[:lead])
    return start if _subject_words(words) else None


def _subject_words(words: list[str]) -> bool:
    """Whether a clause's words before a person's verb are a name (A. Khan, binti Osman, áile somby)."""
    if not words or len(words) > _MAX or not all(words):
        return False
    initial = _INITIAL.fullmatch(words[0]) is not None
    names = words[1:] if initial else words
    if not names or not all(_word_token(w) for w in names):
        return False
    if initial and len(names) == 1 and names[0][:1].isupper() and not _thing(names[0]):
        return True  # A. Khan guarded
    first = names[0].lower()
    if len(names) == 1 and _device_word(first):
        return False  # Sorter reported, Loadcell reported, Autoloader confirmed: a machine
    if first in _ROLE_SET or (first in common_words() and first not in given_names() and not initial):
        return False  # Operator Tyler Williams replaced: the role's cue takes the name
    return _name_words(names, initial, subject=True)


def _device_word(low: str) -> bool:
    """A machine's English name that no list holds: an agent noun on a verb English has (sorter,
    cutter) or two English words run together (loadcell, autoloader); never a surname or given
    name of the census (Walker, Sandoval stay names)."""
    if low in census_names() or low in given_names() or low in vocabulary():
        return False
    stems = [low[: -len(suffix)] for suffix in ("er", "or", "r") if low.endswith(suffix)]
    # sorter: sort; a doubled consonant (cutter: cut) stands for one
    agent = any(
        len(s) >= 3 and (s in vocabulary() or (s[-1] == s[-2] and s[:-1] in vocabulary())) for s in stems
    )
    return agent or any(low[:i] in vocabulary() and low[i:] in vocabulary() for i in range(4, len(low) - 3))


def _surname_tail(words: list[str], i: int, last: bool) -> bool:
    """A word that ends a name though English has it: after a particle (cynthia pereira de sa), or
    a short last syllable after a word English lacks (saw htoo eh, nguyen van an)."""
    if i == 0:
        return False
    if words[i - 1].lower() in _CONNECTORS:
        return True
    return last and len(words[i]) <= 3 and unfamiliar(words[i - 1])


def _plain_lower(word: str) -> bool:
    """A common English word, or a rarer one that is no census surname (patel, sow), and no given
    name."""
    if word in given_names():
        return False
    if word in common_words() or (word in vocabulary() and word not in census_names()):
        return True
    return word not in census_names() and _inflected(word)


_PREFIXES = ("re", "un", "over", "under", "inter", "out", "mis", "pre", "de", "dis", "co", "auto")


def _inflected(word: str) -> bool:
    """A verb's form English has through its stem (operator rebooted, pilot relit, supervisor
    overrode, guard interlocked, operator badged): a prefix or an -ed, -s, -ing on a word it uses."""
    stems = [word] + [word[len(p) :] for p in _PREFIXES if word.startswith(p)]
    for stem in stems:
        if len(stem) < 3:
            continue
        if stem != word and stem in vocabulary():
            return True
        for suffix, back in (("ed", ""), ("d", ""), ("ing", ""), ("ing", "e"), ("es", ""), ("s", "")):
            root = stem[: -len(suffix)] + back if stem.endswith(suffix) else ""
            if len(root) >= 3 and (
                root in vocabulary() or (root[-1:] == root[-2:-1] and root[:-1] in vocabulary())
            ):
                return True
    return False


def _before_unfamiliar(tokens: list[tuple[str, int, int]], i: int) -> bool:
    """Whether the next token is a word no English text uses (saw htoo eh: Saw is a Karen name)."""
    return i + 1 < len(tokens) and _word_token(tokens[i + 1][0]) and unfamiliar(tokens[i + 1][0])


def _word_token(word: str) -> bool:
    return bool(re.fullmatch(rf"[{_UW}{_LW}][{_UW}{_LW}'’]*(?:-[{_UW}{_LW}][{_UW}{_LW}'’]*)*", word))


def _boundary_after(text: str, end: int) -> bool:
    """Punctuation, the end, or a word that is no part of a name (a stop word, a verb) follows: not
    a noun the name would qualify (parcel for Reykjavík office)."""
    rest = text[end : end + 2]
    if not rest or rest[0] in _PUNCT or (rest[0] == " " and rest[1:] and rest[1] in _PUNCT + "-–—"):
        return True
    m = re.match(rf" ([{_LW}]+)(?![{_LW}\-])", text[end : end + 24])
    if m is None:
        return False
    word = m.group(1)
    return word in _STOPS or word in _VERB_SET or (word.endswith(("ed", "es")) and word in vocabulary())


_PUNCT = ",;.:)(\"”'!?\n|/"
_VERB_SET = frozenset(_SUBJECT_VERBS.split("|")) | _wordset("goes went comes came needs wants rang")


def _thing(word: str) -> bool:
    low = word.lower()
    return low in THING_WORDS or low in PLANT_WORDS or low in SHOP_FLOOR_WORDS or low in COMPANY_WORDS


# the words of a street or a building, that a run after "deliver to" holds as often as a name
_STREET_WORDS = _wordset(
    "rue via viale corso piazza calle avenida av avda carrer rua travessa camino paseo plaza street st "
    "road rd avenue ave lane ln drive dr way close court ct crescent terrace square highway hwy boulevard "
    "blvd place pl strasse straße str weg gasse allee platz chemin route allée quai triq jalan jl ulica "
    "ul utca flat unit block building bldg suite floor apartment apt house"
)


def _name_words(words: list[str], initial: bool, subject: bool = False) -> bool:
    """Whether these words are a name: none a plant word, a lowercase common word or an acronym, at
    least one no English word or a given name (for a lowercase subject: two, or a given name)."""
    verdicts = [_word_verdict(words, i) for i in range(len(words))]
    if not words or any(v is False for v in verdicts):
        return False
    if words[-1].lower() in _CONNECTORS or (len(words) == 1 and words[0].isupper()):
        return False  # NCR raised, refund by BACS: an acronym
    if any(w.lower() in _STREET_WORDS for w in words):
        return False  # Deliver to Rue de l'Abbaye: a street
    strong = verdicts.count(True)
    if subject and all(w.islower() for w in words) and strong < 2:
        return any(w in given_names() for w in words)
    return strong > 0 or initial


def _word_verdict(words: list[str], i: int) -> bool | None:
    """False for a word no name has here, True for a name's word (no English word, a given name),
    None for a word that may be either (a capitalised common word: Wambli Two Bulls)."""
    word = words[i]
    low = word.lower()
    if low in _CONNECTORS:
        return None
    next_unfamiliar = i + 1 < len(words) and unfamiliar(words[i + 1])
    if (_thing(word) and not next_unfamiliar) or low in _CHAT_WORDS or len(low) < 2:
        return False  # operator Press 4, by saw blade; but Saw Htoo Eh, a Karen name
    common = low in common_words() and low not in given_names()
    if word.isupper() and (len(word) < 3 or word in _CAPS_NOT_NAMES or common):
        return False
    tail = _surname_tail(words, i, i == len(words) - 1)
    if word.islower() and _plain_lower(word) and not (next_unfamiliar and _thing(word)) and not tail:
        return False  # a lowercase English word: no name
    if not common and (low in given_names() or (unfamiliar(word) and re.search("[aeiouyà-ÿ]", low))):
        return True
    return None
