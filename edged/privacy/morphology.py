"""Japanese morphological analysis behind one small interface, so the name detector can run on
UniDic (fugashi + unidic-lite) or Sudachi (sudachipy + a SudachiDict) and the evaluation can
compare them. Both load offline from their PyPI packages."""

from __future__ import annotations

import importlib
import os
import re
import struct
import threading
from pathlib import Path
from typing import Any, Literal, NamedTuple, Protocol

from edged.errors import EdgedError, MissingExtra

AnalyzerName = Literal["unidic-lite", "sudachi-core", "sudachi-small"]


class Token(NamedTuple):
    surface: str
    start: int
    end: int
    pos1: str  # 名詞, 接尾辞, 助詞 ...
    pos2: str  # 固有名詞, 普通名詞 ...
    pos3: str  # 人名, 地名, 一般 ...
    pos4: str  # 姓, 名 ...
    unknown: bool

    @property
    def person(self) -> bool:
        return self.pos2 == "固有名詞" and self.pos3 == "人名"


class Analyzer(Protocol):
    name: str

    def tokens(self, text: str) -> list[Token]: ...


class UnidicAnalyzer:
    """MeCab through fugashi with the unidic-lite dictionary (UniDic 2.1.2)."""

    name = "unidic-lite"

    def __init__(self) -> None:
        try:
            fugashi: Any = importlib.import_module("fugashi")
            unidic_lite: Any = importlib.import_module("unidic_lite")
        except ImportError:
            raise EdgedError(
                "Japanese name detection needs fugashi and unidic-lite, which come with edged's core "
                "install; reinstall edged (scripts/setup).",
                code="missing_dependency",
            ) from None
        # -r /dev/null: no mecabrc lookup, so nothing outside the package is read
        self._tagger: Any = fugashi.Tagger(f'-r /dev/null -d "{unidic_lite.DICDIR}"')
        self._lock = threading.Lock()  # a MeCab tagger is not safe to share between threads

    def tokens(self, text: str) -> list[Token]:
        # MeCab reuses its lattice on the next call: read everything out while holding the lock
        with self._lock:
            raw = [
                (w.surface, w.white_space, tuple(w.feature[:4]), bool(w.is_unk)) for w in self._tagger(text)
            ]
        out: list[Token] = []
        pos = 0
        for surface, white_space, (pos1, pos2, pos3, pos4), unknown in raw:
            pos += len(white_space)
            start = pos if text.startswith(surface, pos) else text.find(surface, pos)
            if start < 0:  # pragma: no cover - MeCab returns the input's own characters
                continue
            out.append(Token(surface, start, start + len(surface), pos1, pos2, pos3, pos4, unknown))
            pos = start + len(surface)
        return out


class SudachiAnalyzer:
    """Sudachi (Rust, through sudachipy) with SudachiDict core or small, split mode C."""

    def __init__(self, edition: Literal["core", "small"]) -> None:
        self.name = f"sudachi-{edition}"
        try:
            dictionary: Any = importlib.import_module("sudachipy.dictionary")
            tokenizer: Any = importlib.import_module("sudachipy.tokenizer")
        except ImportError:
            raise MissingExtra(
                "sudachipy", "bench", "ja_analyzer = 'sudachi-core' or 'sudachi-small'"
            ) from None
        self._lock = threading.Lock()
        d = dictionary.Dictionary(dict=edition)
        mode = tokenizer.Tokenizer.SplitMode.C
        self._tokenize: Any = (
            d.create(mode=mode).tokenize if not hasattr(d, "tokenizer") else (d.tokenizer(mode=mode).tokenize)
        )

    def tokens(self, text: str) -> list[Token]:
        out: list[Token] = []
        with self._lock:
            morphemes = list(self._tokenize(text))
        for m in morphemes:
            pos = m.part_of_speech()
            if pos[0] == "空白":  # MeCab skips white space; do the same
                continue
            out.append(
                Token(m.surface(), m.begin(), m.end(), pos[0], pos[1], pos[2], pos[3], bool(m.is_oov()))
            )
        return out


CHUNK_CHARS = 400
_BREAK = re.compile(r"[。！？!?\n]|[、,\s]")


class _LastText(threading.local):
    """The last text this thread analysed whole, and its tokens: the person detector and strict
    mode's proper-noun guard read the same text one after the other, and the analysis is most of
    their cost. It holds no more than MeCab's own lattice keeps until the next call."""

    analyzer: Analyzer | None = None
    text: str = ""
    tokens: tuple[Token, ...] = ()


_last = _LastText()


def chunked_tokens(analyzer: Analyzer, text: str) -> list[Token]:
    """``analyzer.tokens`` over pieces of at most CHUNK_CHARS, cut at a sentence end, a comma or a
    space where there is one: MeCab's lattice grows quadratically on a long run without breaks
    (80,000 katakana took 3.5 s), and no name spans a sentence."""
    if _last.analyzer is analyzer and _last.text == text:
        return list(_last.tokens)
    tokens = _chunked(analyzer, text)
    _last.analyzer, _last.text, _last.tokens = analyzer, text, tuple(tokens)
    return tokens


def _chunked(analyzer: Analyzer, text: str) -> list[Token]:
    if len(text) <= CHUNK_CHARS:
        return analyzer.tokens(text)
    out: list[Token] = []
    start = 0
    while start < len(text):
        end = min(len(text), start + CHUNK_CHARS)
        if end < len(text):
            cut = None
            for m in _BREAK.finditer(text, start + CHUNK_CHARS // 2, end):
                cut = m.end()
            end = cut or end
        piece = analyzer.tokens(text[start:end])
        out.extend(t._replace(start=t.start + start, end=t.end + start) for t in piece)
        start = end
    return out


def load_analyzer(name: AnalyzerName) -> Analyzer:
    if name == "unidic-lite":
        return UnidicAnalyzer()
    return SudachiAnalyzer("core" if name == "sudachi-core" else "small")


# -- readings of names ---------------------------------------------------------------------------
# The dictionary knows 佐藤 is a surname read サトウ, but asked about the katakana サトウ or the romaji
# Sato it often says nothing: katakana entries are few. So the readings of every person-name entry
# are read out of UniDic's own feature table, once (about 0.4 s), and cached beside the user's
# other caches; katakana and romanised names are then looked up by reading.

_PERSON_FEATURE = "名詞,固有名詞,人名,".encode()
_CHUNK = 8 << 20
_HEADER = 72


def load_name_readings() -> dict[str, str]:
    """Katakana reading, or written form (佐藤, 小川), of every person-name entry -> the kinds it is
    known as ("姓", "名", "一般", any of them joined)."""
    try:
        unidic_lite: Any = importlib.import_module("unidic_lite")
    except ImportError:
        raise MissingExtra(
            "unidic_lite", "privacy", "Reading Japanese names in katakana and romaji"
        ) from None
    dic = Path(unidic_lite.DICDIR) / "sys.dic"
    stat = dic.stat()
    cache = _cache_dir() / f"unidic-lite-person-names-v2-{stat.st_size}-{int(stat.st_mtime)}.tsv"
    try:
        lines = cache.read_text(encoding="utf-8").splitlines()
        return dict(line.split("\t", 1) for line in lines if "\t" in line)
    except (OSError, ValueError):
        pass
    readings = _scan_readings(dic)
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        partial = cache.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text("".join(f"{k}\t{v}\n" for k, v in sorted(readings.items())), encoding="utf-8")
        partial.replace(cache)
    except OSError:
        pass  # a read-only home: scan again next start
    return readings


def _cache_dir() -> Path:
    configured = os.environ.get("EDGED_CACHE_DIR")
    if configured:
        return Path(configured) / "privacy"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "edged" / "privacy"


def _scan_readings(dic: Path) -> dict[str, str]:
    """MeCab's sys.dic: a header, the double array, the token table, then the features as
    NUL-terminated CSV (UniDic: pos1-4, cType, cForm, lForm = the reading, ...). Read in chunks so
    the 160 MB feature table never sits in memory whole."""
    kinds: dict[str, set[str]] = {}
    with dic.open("rb") as handle:
        header = handle.read(_HEADER)
        _magic, _version, _type, _lex, _l, _r, dsize, tsize, fsize, _dummy = struct.unpack(
            "<10I", header[:40]
        )
        handle.seek(_HEADER + dsize + tsize)
        left = fsize
        tail = b""
        while left > 0:
            chunk = tail + handle.read(min(_CHUNK, left))
            left -= min(_CHUNK, left)
            cut = chunk.rfind(b"\x00") if left > 0 else len(chunk)
            block, tail = chunk[:cut], chunk[cut:]
            i = block.find(_PERSON_FEATURE)
            while i >= 0:
                j = block.find(b"\x00", i)
                j = len(block) if j < 0 else j
                fields = block[i:j].split(b",", 9)
                if len(fields) > 8:
                    kind = fields[3].decode("utf-8", "replace")
                    reading, written = (
                        fields[6].decode("utf-8", "replace"),
                        fields[8].decode("utf-8", "replace"),
                    )
                    if len(reading) >= 2 and reading != "*":
                        kinds.setdefault(reading, set()).add(kind)
                    if written not in ("*", reading):
                        kinds.setdefault(written, set()).add(kind)
                i = block.find(_PERSON_FEATURE, j)
    return {reading: "".join(sorted(k)) for reading, k in kinds.items()}
