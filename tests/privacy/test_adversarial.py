"""Adversarial inputs the redactor already withstands: refusals are EdgedErrors with stable codes,
a failing detector keeps the text home, odd characters neither crash it nor bend its offsets, and
long repetitive inputs cost time roughly linear in their length (no catastrophic backtracking)."""

from __future__ import annotations

import io
import json
import time
from collections.abc import Callable, Iterator

import pytest

from edged.cli import main
from edged.errors import EdgedError
from edged.privacy import PrivacyConfig, Redactor
from edged.privacy.detector import Span, TextView
from edged.privacy.redactor import MAX_TEXT_CHARS, RedactionFailed

SAMPLE = (
    "担当：佐藤太郎さん Call John Smith at 03-1234-5678, taro@example.co.jp, "
    "東京都大田区蒲田1-2-3, card 4111 1111 1111 1111"
)


def checked(redactor: Redactor, text: str, lang: str = "auto") -> list[tuple[str, str]]:
    """(type, text) of every entity, checking offsets, order and overlaps on the way."""
    out = []
    last_end = 0
    for e in redactor.detect(text, lang):
        assert text[e.start : e.end] == e.text
        assert e.start < e.end
        assert e.start >= last_end, "entities overlap or are out of order"
        last_end = e.end
        out.append((e.type, e.text))
    return out


# -- refusals --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "\ud800",
        "abc\udfff",
        "佐藤\ud83d",
        "\U0001f600\ud800",
        "\udc00担当：佐藤太郎さん",
        "03-1234-5678\udbff",
    ],
)
@pytest.mark.parametrize("mode", ["standard", "strict"])
def test_lone_surrogates_are_refused_as_bad_text(
    redactor: Redactor, strict_redactor: Redactor, text: str, mode: str
) -> None:
    r = strict_redactor if mode == "strict" else redactor
    with pytest.raises(EdgedError) as err:
        r.detect(text)
    assert err.value.code == "bad_text"
    with pytest.raises(EdgedError) as err:
        r.redact(text)
    assert err.value.code == "bad_text"


@pytest.mark.parametrize("fill", ["a", "ア", "0 "])
def test_text_over_the_limit_is_refused_quickly(strict_redactor: Redactor, fill: str) -> None:
    text = (fill * (MAX_TEXT_CHARS // len(fill) + 2))[: MAX_TEXT_CHARS + 1]
    assert len(text) == 1_000_001
    started = time.perf_counter()
    with pytest.raises(EdgedError) as err:
        strict_redactor.redact(text)
    assert err.value.code == "too_large"
    assert time.perf_counter() - started < 2.0


def test_size_is_checked_before_surrogates(strict_redactor: Redactor) -> None:
    with pytest.raises(EdgedError) as err:
        strict_redactor.detect("a" * MAX_TEXT_CHARS + "\ud800")
    assert err.value.code == "too_large"


def test_bad_lang_and_mode_are_value_errors(redactor: Redactor) -> None:
    with pytest.raises(ValueError, match="lang"):
        redactor.detect("x", lang="fr")
    with pytest.raises(ValueError, match="mode"):
        redactor.detect("x", mode="loose")  # type: ignore[arg-type]


# -- never fail open -------------------------------------------------------------------------


def _raise_now(view: TextView) -> Iterator[Span]:
    raise RuntimeError("detector bug")


def _raise_lazily(view: TextView) -> Iterator[Span]:
    yield Span("PERSON", 0, 1, "lazy")
    raise ValueError("detector bug after a first finding")


@pytest.mark.parametrize("mode", ["standard", "strict"])
@pytest.mark.parametrize("failing", [_raise_now, _raise_lazily])
def test_any_failing_detector_blocks_the_text(
    monkeypatch: pytest.MonkeyPatch, mode: str, failing: Callable[[TextView], Iterator[Span]]
) -> None:
    redactor = Redactor(PrivacyConfig(mode=mode))  # type: ignore[arg-type]
    ran = [d for d in redactor.detectors if mode == "strict" or not d.strict_only]
    assert {"phone", "address", "person", "email"} <= {d.name for d in ran}
    for detector in ran:
        with monkeypatch.context() as m:
            m.setattr(detector, "find", failing)
            with pytest.raises(RedactionFailed) as err:
                redactor.detect(SAMPLE)
            assert err.value.code == "redaction_failed"
            assert detector.name in err.value.message
            assert "佐藤" not in err.value.message and "03-1234" not in err.value.message
            with pytest.raises(RedactionFailed):
                redactor.redact(SAMPLE)
    assert checked(redactor, SAMPLE)  # the patches are gone: it works again


# -- odd characters ----------------------------------------------------------------------------

ODD_TEXTS = [
    "\x00",
    "\x00\x01\x02\x1b[31m\x7f",
    "あ\x00佐藤太郎さん",
    "佐藤\x00太郎さん",
    "電話\x0003-1234-5678",
    "\r\n\t\v\f\x1c\x1d\x1e\x85\u2028\u2029",
    "\u202e8765-4321-30\u202c",
    "\u200f佐藤太郎さん\u200e",
    "03-1234-5678\u0301",
    "0\u03013-1234-5678",
    "J\u0301ohn Smith called",
    "e\u0301\u0301\u0301\u0301\u0301",
    "ｻﾄｳ ﾀﾛｳさん",
    "ｻﾄｳﾀﾛｳさん",
    "ｶﾞｷﾞｸﾞ ﾊﾟﾋﾟﾌﾟ",
    "Dr. \U0001f600 Smith",
    "Call Mr. Smith \U0001f468\u200d\U0001f469\u200d\U0001f467 at 090-1234-5678",
    "Nguyen\u200bVan An called",
    "担当：佐藤\u200b太郎さん",
    "03\u200b-1234-5678",
    "03\u200d-1234\u200d-5678",
    "\ufeff担当：佐藤太郎さん",
    "㍿㈱①⑴⒈㉑¼㏠ﬁ…㌔℡™Ⅻ㍻ﷺ",
    "〒１４４－００５２ 東京都大田区蒲田１－２－３",
    "ＴＥＬ：０３－１２３４－５６７８",
    "\U0001d7d8\U0001d7d9 ٣٤٥ ०१२",
    "İstanbul ẞtraße ǅemal",
    "・・・・・さん",
    "ーーーー様",
    "\u3000\u3000佐藤\u3000太郎\u3000様",
]


@pytest.mark.parametrize("text", ODD_TEXTS)
@pytest.mark.parametrize("lang", ["auto", "ja", "en"])
def test_odd_characters_keep_offsets_exact(
    redactor: Redactor, strict_redactor: Redactor, text: str, lang: str
) -> None:
    for r in (redactor, strict_redactor):
        checked(r, text, lang)
        redacted, vault = r.redact(text, lang)
        assert isinstance(redacted, str)
        assert vault.reidentify(redacted)[0] == text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("あ\x00佐藤太郎さん", "佐藤太郎"),
        ("\x00担当：佐藤太郎さん", "佐藤太郎"),
        ("電話\x0003-1234-5678", "03-1234-5678"),
        ("ｻﾄｳ ﾀﾛｳさん", "ｻﾄｳ ﾀﾛｳ"),
        ("担当：佐藤\u3000太郎さん", "佐藤"),
        ("03-1234-5678\u200d", "03-1234-5678"),
        ("\u202e電話 03-1234-5678\u202c", "03-1234-5678"),
        ("Ms. Ｊｏｈｎ Smith called", "Smith"),
        ("ＭＡＣ 00:1A:2B:3C:4D:5E", "00:1A:2B:3C:4D:5E"),
        ("4111\u00a01111\u00a01111\u00a01111", "1111"),
    ],
)
def test_control_and_layout_characters_do_not_hide_a_value(
    redactor: Redactor, strict_redactor: Redactor, text: str, secret: str
) -> None:
    for r in (redactor, strict_redactor):
        redacted, _ = r.redact(text)
        assert secret not in redacted


# -- bounded time ----------------------------------------------------------------------------


def _timed(redactor: Redactor, text: str) -> float:
    started = time.perf_counter()
    checked(redactor, text)
    return time.perf_counter() - started


def _fastest(redactor: Redactor, text: str, *, within: float, tries: int = 3) -> float:
    """The fastest of up to ``tries`` timings, stopping at the first within the bound: one run
    slowed by the machine (the whole suite in CI: 2.05 s and 2.11 s for shapes that take 1.44 s
    and 0.42 s alone) is not the detector's cost; a slow detector is slow every time."""
    best = _timed(redactor, text)
    for _ in range(tries - 1):
        if best < within:
            break
        best = min(best, _timed(redactor, text))
    return best


def assert_roughly_linear(redactor: Redactor, text: Callable[[int], str]) -> None:
    """``text(n)``, n characters of one repeated shape, is redacted in bounded, roughly linear
    time: 20,000 characters under 2 s, four times the input at most ten times the time (a
    quadratic scan takes sixteen)."""
    _timed(redactor, text(1000))  # warm the lazily loaded word lists
    assert _fastest(redactor, text(20_000), within=2.0) < 2.0
    small = _timed(redactor, text(10_000))
    large = _timed(redactor, text(40_000))
    assert large < 10 * max(small, 0.05), (small, large)


# Repetitions timed at 20k characters (bound) and compared at 10k and 40k (growth). The floor keeps
# timer noise on tiny durations from reading as growth. The last group was quadratic or worse
# before review: settling thousands of findings, a long katakana run in the analyser and the
# field rule, digit runs with spaces in the phone detector, a ZIP cue scanning to the text's end.
LINEAR_UNITS = [
    "山田山田山田山田山田さん",
    "a@b.",
    "ab://x@",
    "zip 12345 ",
    "Aa Aa, ",
    "0 ",
    "0 1 ",
    "01 ",
    "0 0-",
    "ア",
    "・",
    "ｱ",
    "1-",
    "(",
    "((((1",
    " ",
    "１",
    "１－",
    "Kita-ku, ",
    "1-2 Abc, ",
    "山田川",
    "山市",
    "Aa, ",
    "x.",
    "1:",
    ":",
    "1.",
    "1/",
    "ab:",
    "〒1",
    "0.",
    "(0)",
    "0 x1 ",
]


@pytest.mark.parametrize("unit", LINEAR_UNITS)
def test_repetitions_take_bounded_roughly_linear_time(strict_redactor: Redactor, unit: str) -> None:
    def text(n: int) -> str:
        return (unit * (n // len(unit) + 1))[:n]

    assert_roughly_linear(strict_redactor, text)


@pytest.mark.parametrize(
    "word",
    [
        "Hokkaidohokkaidohokkaido",
        "Tanakatanakatanakatanakax",
        "Kyakyakyakyakyakyakyakyaq",
        "Tsa" + "tsa" * 30 + "x",  # backtracked exponentially before review (2 s at 67 letters)
    ],
)
def test_long_romaji_like_words_are_cheap(strict_redactor: Redactor, word: str) -> None:
    assert _timed(strict_redactor, f"Please ask {word} today.") < 2.0


# -- the CLI ---------------------------------------------------------------------------------


def _cli(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], stdin: str
) -> tuple[int, list[dict[str, object]], str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(["redact", "--jsonl", "--mode", "strict"])
    out = capsys.readouterr()
    return code, [json.loads(line) for line in out.out.splitlines()], out.err


def test_cli_reports_a_lone_surrogate_line_and_goes_on(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    stdin = '{"text": "a\\ud800b", "id": 1}\n{"text": "電話 03-1234-5678", "id": 2}\n'
    code, records, _ = _cli(monkeypatch, capsys, stdin)
    assert code == 1
    assert len(records) == 2
    first, second = records
    assert first["id"] == 1 and "text" not in first and "redacted" not in first
    error = first["error"]
    assert isinstance(error, dict) and error["code"] == "bad_text" and "line 1" in error["message"]
    assert second["redacted"] == "電話 <PHONE_1>"


@pytest.mark.parametrize(
    "bad", ["not json", '["text"]', '"text"', "42", "null", '{"text": 5}', '{"txt": "a"}', "{"]
)
def test_cli_refuses_a_malformed_line_with_bad_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], bad: str
) -> None:
    stdin = '{"text": "担当：佐藤太郎さん"}\n' + bad + '\n{"text": "電話 03-1234-5678"}\n'
    code, records, err = _cli(monkeypatch, capsys, stdin)
    assert code == 1
    assert records[0]["redacted"] == "担当：<PERSON_1>さん"
    assert "佐藤" not in json.dumps(records[1:], ensure_ascii=False)
    reported = "bad_input" in err or any(
        isinstance(r.get("error"), dict) and r["error"]["code"] == "bad_input"  # type: ignore[index]
        for r in records
    )
    assert reported
    assert "Traceback" not in err


def test_cli_refuses_a_bad_lang_field(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for lang in ('"fr"', "5", '["ja"]', '{"x": 1}'):
        code, _, err = _cli(monkeypatch, capsys, '{"text": "a", "lang": ' + lang + "}\n")
        assert code == 1
        assert "bad_input" in err and "Traceback" not in err


# -- invisible characters ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("電話 03\u200d-1234\u200d-5678", "03\u200d-1234\u200d-5678"),
        ("電話 03\u200b-1234-5678", "03\u200b-1234-5678"),
        ("mail taro@exa\u200bmple.co.jp now", "taro@exa\u200bmple.co.jp"),
        ("Mr. J\u0301ohn Smith called", "J\u0301ohn Smith"),
        ("Nguyen\u200bVan An called", "Nguyen\u200bVan An"),
        ("東京都大田区蒲田\u200b1-2-3", "東京都大田区蒲田\u200b1-2-3"),
        ("〒144\u200b-0052", "〒144\u200b-0052"),
        ("card 4111\u200b1111 1111 1111", "4111\u200b1111 1111 1111"),
        ("call 03-1234\x00-5678", "03-1234\x00-5678"),
        ("tel 03\u00ad-1234-5678", "03\u00ad-1234-5678"),
        ("tel \ufeff03-1234-5678", "03-1234-5678"),
    ],
)
def test_invisible_characters_do_not_split_a_value(redactor: Redactor, text: str, value: str) -> None:
    """Zero-width spaces and joiners, soft hyphens, BOMs, NUL and stray combining marks are dropped
    before the detectors look, and the span still covers them in the original."""
    redacted, _ = redactor.redact(text)
    spaced = value.replace("\u200b", " ").replace("\u200d", " ")
    visible = [piece for piece in spaced.split() if len(piece) > 2]
    for piece in visible:
        assert piece not in redacted, (piece, redacted)
    checked(redactor, text)


def test_a_character_nfkc_merges_never_yields_overlapping_entities(redactor: Redactor) -> None:
    for text in ("03-1234-5678ﾞ様", "123456789018ﾞ様", "佐藤゛太郎さん"):
        checked(redactor, text)


def test_one_phone_detector_serves_concurrent_texts_alike() -> None:
    """The phone detector keeps no per-text state on itself: texts redacted from several threads
    at once (the cloud pool's workers share one redactor) get what each gets alone."""
    from concurrent.futures import ThreadPoolExecutor

    redactor = Redactor(PrivacyConfig(mode="standard"))
    texts = [
        "Call me on 020 7946 0321 after lunch.",  # cued: a GB number
        "Order 030 4411 2299 shipped; lot 7781 2290 closed.",  # not cued: figures
        "mobile: 089 3311 7720",
        "Batch 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 done",
    ] * 25
    alone = [redactor.redact(text)[0] for text in texts]
    with ThreadPoolExecutor(8) as pool:
        together = list(pool.map(lambda text: redactor.redact(text)[0], texts))
    assert together == alone
