"""A labeled evaluation set of factory-floor text in Japanese and English, made with Faker.

Maintenance notes, shift handovers, alarm reports and e-mails, with personal and plant identifiers
in the forms people write them (full-width digits, identifiers glued to Japanese text, several
phone and card spellings) and hard negatives that must stay (timestamps, part and lot numbers,
error codes, 12-digit order numbers whose check digit is wrong, temperatures).

Names come from Faker's lists (ja_JP, en_US, and en_IN / pt_BR for workers from elsewhere); the
detectors never read those lists (they use the UniDic dictionary and the US Census 1990 given names).
Faker's en_US surnames all occur in the Census list of surnames, which the detectors do not load.
"""

from __future__ import annotations

import ipaddress
import itertools
import random
import string
from dataclasses import dataclass, field
from typing import Any

from edged.errors import MissingExtra
from edged.privacy.checks import luhn, my_number, my_number_check_digit
from edged.privacy.config import PrivacyConfig, SitePattern

NEGATIVE = "NEGATIVE"
# The site formats the evaluation configures, as a plant would in edged.toml.
EVAL_SITE_PATTERNS = (
    SitePattern(name="employee_id", pattern=r"EMP-?[0-9]{6}"),
    SitePattern(name="machine_serial", pattern=r"SN-[A-Z]{2}[0-9]{6}", validation="luhn"),
)


def eval_config() -> PrivacyConfig:
    return PrivacyConfig(site_patterns=list(EVAL_SITE_PATTERNS))


@dataclass
class Label:
    type: str
    start: int
    end: int
    value: str
    form: str = ""  # how it was written: fullwidth, glued, hyphen, romaji, other-origin ...


@dataclass
class Sample:
    lang: str
    text: str
    template: str
    labels: list[Label] = field(default_factory=list)
    negatives: list[Label] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "lang": self.lang,
            "text": self.text,
            "template": self.template,
            "labels": [vars(x) for x in self.labels],
            "negatives": [vars(x) for x in self.negatives],
        }


# Templates: {TYPE} is a value to find, {!KIND} a hard negative, {=KIND} filler that is neither.
def check_sample(sample: Sample) -> None:
    """Every label is exactly its text, none is empty or padded, and no two overlap."""
    spans = sorted(sample.labels + sample.negatives, key=lambda label: label.start)
    for label in spans:
        if not label.value or label.value != label.value.strip():
            raise AssertionError(f"empty or padded label {label} in {sample.text!r}")
        if sample.text[label.start : label.end] != label.value:
            raise AssertionError(f"label {label} does not match {sample.text!r}")
    for before, after in itertools.pairwise(spans):
        if before.end > after.start:
            raise AssertionError(f"labels {before} and {after} overlap in {sample.text!r}")


def describe(samples: list[Sample]) -> dict[str, Any]:
    """Counts per language and type (NEGATIVE included), for the README and the report."""
    counts: dict[str, Any] = {}
    for sample in samples:
        row = counts.setdefault(sample.lang, {})
        for label in sample.labels + sample.negatives:
            row[label.type] = row.get(label.type, 0) + 1
    return counts


JA_TEMPLATES = (
    "【保全記録】{=DATE} ライン{=N}のポンプ{=N}号機で異音。担当："
    "{PERSON}（内線{=EXT}）。交換部品 品番{!PART}、{!LOT}。",
    "{PERSON}さんへ 夜勤引継ぎです。{!TIME}に{!ERROR}が発生、炉内温度{!TEMP}まで上昇。連絡は{PHONE}まで。",
    "メールは{EMAIL}までお願いします。折り返しは携帯{PHONE}へ。",
    "作業者{PERSON}、社員番号{EMPLOYEE_ID}、マイナンバー{MY_NUMBER}を人事へ提出済み。",
    "出張精算：{PERSON}様 法人カード{CARD_NUMBER}にて決済。注文番号{!ORDER12}。",
    "送付先：〒{POSTAL_CODE} {ADDRESS} {PERSON}様宛て。受付{!TIME}。",
    "PLC({IP_ADDRESS})との通信が{!TIME}に途絶。MAC {MAC_ADDRESS}、エラー{!ERROR}。",
    "設定ファイルに{URL_CREDENTIALS}が平文で残っていた。発見者：{PERSON}。",
    "装置シリアル{MACHINE_SERIAL}の点検を{PERSON}が実施、温度{!TEMP}、異常なし。",
    "本日の点検は{PERSON}さんが担当し、{!LOT}の抜き取り検査を行った。",
    "{PERSON}班長より：{=DATE}の段取り替えは{!TIME}開始。問い合わせは{EMAIL}へ。",
    "顧客{PERSON}様（{PHONE}）から{!PART}の納期確認あり。住所は{ADDRESS}。",
    "カメラ（{IP_ADDRESS}）が応答なし。担当の{PERSON}に連絡済み。",
    "個人番号{MY_NUMBER}と口座情報は{PERSON}さん本人に確認。カード番号{CARD_NUMBER}は削除。",
    "{PERSON}から電話{PHONE}。郵便番号{POSTAL_CODE}の倉庫へ{!ORDER12}を出荷。",
    "オペレーターの{PERSON}がアラーム{!ERROR}をリセット。{!TIME}再起動、{!TEMP}で安定。",
    "報告者：{PERSON} 社員番号{EMPLOYEE_ID} 内容：{MAC_ADDRESS}の端末が不明な通信。",
    "{PERSON}さんと{PERSON}さんが{!TIME}から交代で監視。",
)
EN_TEMPLATES = (
    "Maintenance note {=DATE}: pump {=N} on Line "
    "{=N} is noisy. Technician {PERSON} replaced part {!PART} from {!LOT}.",
    "Shift handover: {PERSON} reported alarm {!ERROR} at "
    "{!TIME}; furnace reached {!TEMP}. Call {PHONE} if it repeats.",
    "Hi {PERSON}, please send the report to {EMAIL} before {!TIME}.",
    "Employee {EMPLOYEE_ID} ({PERSON}) submitted My Number {MY_NUMBER} to HR.",
    "Travel expense: {PERSON} paid with corporate card {CARD_NUMBER}, order {!ORDER12}.",
    "Ship the spare motor to {ADDRESS}, attention {PERSON}.",
    "PLC at {IP_ADDRESS} stopped answering at {!TIME}; MAC {MAC_ADDRESS}, error {!ERROR}.",
    "Found {URL_CREDENTIALS} in plain text in the backup script. Reported by {PERSON}.",
    "{PERSON} inspected machine {MACHINE_SERIAL}; temperature {!TEMP}, no fault.",
    "{PERSON} replaced the belt on conveyor {=N} and logged {!LOT}.",
    "Customer {PERSON} ({PHONE}) asked about the delivery date of {!PART}.",
    "Camera at {IP_ADDRESS} is offline; {PERSON} is on it.",
    "From: {PERSON} <{EMAIL}> Subject: alarm {!ERROR} on press {=N}",
    "Please ask {PERSON} to check error {!ERROR} before the night shift.",
    "Handed over to {PERSON} at {!TIME}. Contact number {PHONE}, extension {=EXT}.",
    "Visitor {PERSON} from {ADDRESS} needs a badge for {=DATE}.",
    "Card {CARD_NUMBER} was charged twice for order {!ORDER12}; {PERSON} will call the bank.",
    "{PERSON} and {PERSON} will cover the weekend shift; order {!ORDER12} ships {=DATE}.",
)
# Written after the detectors were tuned on the templates above and never tuned on: their figures
# show how much of the result is fitted to the templates.
JA_HELD_OUT = (
    "{=DATE}夜勤：{PERSON}が{!TIME}に巡回、冷却水温度{!TEMP}。異常時は{PERSON}（{PHONE}）に連絡のこと。",
    "請求書送付先 {ADDRESS}、宛名 {PERSON} 様、メール {EMAIL}",
    "端末{IP_ADDRESS}（MAC：{MAC_ADDRESS}）を{PERSON}さんが交換。型番{!PART}。",
    "来客：{PERSON}様、{!TIME}来社予定。連絡先{PHONE}。",
    "{PERSON}さんのマイナンバーは{MY_NUMBER}です。",
    "不良品{!LOT}について{PERSON}主任から報告あり。エラー{!ERROR}。",
)
EN_HELD_OUT = (
    "Night shift {=DATE}: {PERSON} did the rounds at {!TIME}, coolant at "
    "{!TEMP}. If anything breaks call {PERSON} on {PHONE}.",
    "Invoice address: {ADDRESS}, attn. {PERSON}, e-mail {EMAIL}",
    "Terminal {IP_ADDRESS} (MAC {MAC_ADDRESS}) was swapped by {PERSON}; model {!PART}.",
    "Visitor: {PERSON}, arriving {!TIME}. Phone {PHONE}.",
    "The My Number of {PERSON} is {MY_NUMBER}.",
    "{PERSON} from quality flagged lot {!LOT} with error {!ERROR}.",
)
HELD_OUT = frozenset(JA_HELD_OUT + EN_HELD_OUT)
_AREA_JP = ("03", "06", "045", "052", "011", "092", "075", "078", "048", "043")
_AREA_US = (
    "212",
    "213",
    "312",
    "415",
    "617",
    "206",
    "303",
    "404",
    "512",
    "614",
    "702",
    "713",
    "818",
    "248",
    "313",
    "734",
    "859",
    "502",
    "865",
    "971",
)
_FULLWIDTH = str.maketrans(
    {c: chr(ord(c) + 0xFEE0) for c in string.ascii_letters + string.digits + "@.-:/_+()"}
)


class Generator:
    def __init__(self, seed: int) -> None:
        try:
            from faker import Faker
        except ImportError:
            raise MissingExtra("faker", "bench", "The redaction evaluation's data generator") from None
        self.rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
        self.ja = Faker("ja_JP")
        self.en = Faker("en_US")
        self.others = [Faker("en_IN"), Faker("pt_BR")]
        for i, fake in enumerate([self.ja, self.en, *self.others]):
            fake.seed_instance(seed + i)

    # -- whole samples ---------------------------------------------------------------------------

    def samples(self, per_lang: int) -> list[Sample]:
        out: list[Sample] = []
        for lang, templates in (("ja", JA_TEMPLATES + JA_HELD_OUT), ("en", EN_TEMPLATES + EN_HELD_OUT)):
            for i in range(per_lang):
                out.append(self.sample(lang, templates[i % len(templates)]))
        return out

    def sample(self, lang: str, template: str) -> Sample:
        sample = Sample(lang, "", template)
        parts: list[str] = []
        pos = 0
        i = 0
        while i < len(template):
            if template[i] != "{":
                j = template.find("{", i)
                j = len(template) if j < 0 else j
                parts.append(template[i:j])
                pos += j - i
                i = j
                continue
            close = template.index("}", i)
            slot = template[i + 1 : close]
            i = close + 1
            if slot.startswith("="):
                text = self.filler(slot[1:], lang)
                parts.append(text)
                pos += len(text)
                continue
            if slot == "URL_CREDENTIALS":
                before, userinfo, after = self.url_with_credentials()
                sample.labels.append(
                    Label(slot, pos + len(before), pos + len(before) + len(userinfo), userinfo, "userinfo")
                )
                host = after[1:].split("/")[0].split("?")[0]
                if host[:1].isdigit():
                    host_at = pos + len(before) + len(userinfo) + 1
                    sample.labels.append(
                        Label("IP_ADDRESS", host_at, host_at + len(host), host, "ipv4 in url")
                    )
                text = before + userinfo + after
                parts.append(text)
                pos += len(text)
                continue
            negative = slot.startswith("!")
            kind = slot.lstrip("!")
            text, form = self.negative(kind, lang) if negative else self.value(kind, lang)
            label = Label(NEGATIVE if negative else kind, pos, pos + len(text), text, form)
            (sample.negatives if negative else sample.labels).append(label)
            parts.append(text)
            pos += len(text)
        sample.text = "".join(parts)
        return sample

    # -- values ----------------------------------------------------------------------------------

    def value(self, kind: str, lang: str) -> tuple[str, str]:
        make = getattr(self, f"_{kind.lower()}")
        text, form = make(lang)
        structured = kind not in ("PERSON", "ADDRESS")
        if lang == "ja" and structured and self.rng.random() < 0.25:
            return text.translate(_FULLWIDTH), (form + " fullwidth").strip()
        return text, form

    def _person(self, lang: str) -> tuple[str, str]:  # noqa: PLR0911 - one return per form
        r = self.rng.random()
        if lang == "ja":
            if r < 0.45:
                sep = self.rng.choice(("", " ", "\u3000"))
                return f"{self.ja.last_name()}{sep}{self.ja.first_name()}", "kanji full"
            if r < 0.70:
                return self.ja.last_name(), "kanji surname"
            if r < 0.85:
                return f"{self.ja.last_kana_name()} {self.ja.first_kana_name()}", "katakana"
            return f"{self.ja.last_romanized_name()} {self.ja.first_romanized_name()}", "romaji"
        if r < 0.65:
            if self.rng.random() < 0.2:
                return self.en.first_name(), "en_US given"
            return f"{self.en.first_name()} {self.en.last_name()}", "en_US full"
        if r < 0.85:
            first, last = self.ja.first_romanized_name(), self.ja.last_romanized_name()
            return (f"{last} {first}" if self.rng.random() < 0.5 else f"{first} {last}"), "romaji"
        other = self.rng.choice(self.others)
        return f"{other.first_name()} {other.last_name()}", "other origin"

    def _email(self, lang: str) -> tuple[str, str]:
        fake = self.ja if lang == "ja" else self.en
        return (fake.email() if self.rng.random() < 0.6 else fake.company_email()), ""

    def _phone(self, lang: str) -> tuple[str, str]:  # noqa: PLR0911 - one return per form
        d = self._digits
        if lang == "ja" or self.rng.random() < 0.15:
            r = self.rng.random()
            if r < 0.35:
                area = self.rng.choice(_AREA_JP)
                body = d(10 - len(area), first="23456789")
                local = f"{area}-{body[: len(body) - 4]}-{body[-4:]}"
                return (f"({area}){body[:-4]}-{body[-4:]}" if self.rng.random() < 0.25 else local), "landline"
            if r < 0.65:
                mobile = self.rng.choice(("090", "080", "070"))
                number = f"{mobile}-{d(4, first='123456789')}-{d(4)}"
                return (number.replace("-", "") if self.rng.random() < 0.3 else number), "mobile"
            if r < 0.8:
                return f"0120-{d(3, first='123456789')}-{d(3)}", "toll free"
            return f"+81 {self.rng.choice(('3', '6', '90', '80'))}-{d(4, first='23456789')}-{d(4)}", "+81"
        r = self.rng.random()
        area, exchange, line = self.rng.choice(_AREA_US), d(3, first="23456789"), d(4)
        if exchange == "555":
            exchange = "556"
        if r < 0.3:
            return f"({area}) {exchange}-{line}", "us parens"
        if r < 0.55:
            return f"{area}-{exchange}-{line}", "us hyphens"
        if r < 0.7:
            return f"{area}.{exchange}.{line}", "us dots"
        if r < 0.85:
            return f"+1 {area}-{exchange}-{line}", "+1"
        return self.rng.choice(
            (
                f"+44 20 7{d(3)} {d(4)}",
                f"+49 30 {d(4, first='23456789')}{d(4)}",
                f"+82 2-{d(4, first='23456789')}-{d(4)}",
                f"+65 6{d(3)} {d(4)}",
            )
        ), "international"

    def _postal_code(self, lang: str) -> tuple[str, str]:  # noqa: ARG002 - one shape in both languages
        code = self.ja.zipcode()
        return (code.replace("-", "") if self.rng.random() < 0.15 else code), ""

    def _address(self, lang: str) -> tuple[str, str]:
        if lang == "ja":
            return self.ja.address(), ""
        street = self.en.street_address()
        r = self.rng.random()
        if r < 0.6:
            return f"{street}, {self.en.city()}, {self.en.state_abbr()} {self.en.postcode()}", "full"
        if r < 0.8:
            return f"{street}, {self.en.city()}, {self.en.state_abbr()}", "no zip"
        return street, "street only"

    def _my_number(self, lang: str) -> tuple[str, str]:  # noqa: ARG002
        body = self._digits(11, first="123456789")
        number = body + my_number_check_digit(body)
        r = self.rng.random()
        if r < 0.5:
            return number, "plain"
        sep = "-" if r < 0.8 else " "
        return sep.join((number[:4], number[4:8], number[8:])), "grouped"

    def _card_number(self, lang: str) -> tuple[str, str]:  # noqa: ARG002
        brand = self.rng.choice(("visa", "mastercard", "mastercard2", "jcb", "amex"))
        prefix, length = {
            "visa": ("4", 16),
            "mastercard": (str(self.rng.randint(51, 55)), 16),
            "mastercard2": (str(self.rng.randint(2221, 2720)), 16),
            "jcb": (str(self.rng.randint(3528, 3589)), 16),
            "amex": (self.rng.choice(("34", "37")), 15),
        }[brand]
        body = prefix + self._digits(length - len(prefix) - 1)
        digits = next(body + c for c in "0123456789" if luhn(body + c))
        r = self.rng.random()
        if r < 0.35:
            return digits, brand
        sep = " " if r < 0.7 else "-"
        groups = (4, 6, 5) if length == 15 else (4, 4, 4, 4)
        out, k = [], 0
        for g in groups:
            out.append(digits[k : k + g])
            k += g
        return sep.join(out), brand

    def _ip_address(self, lang: str) -> tuple[str, str]:  # noqa: ARG002
        if self.rng.random() < 0.7:
            return str(ipaddress.IPv4Address(self.rng.getrandbits(32))), "ipv4"
        address = ipaddress.IPv6Address(
            self.rng.getrandbits(128) & ~((1 << 48) - 1)
            if self.rng.random() < 0.5
            else self.rng.getrandbits(128)
        )
        return (address.compressed if self.rng.random() < 0.7 else address.exploded), "ipv6"

    def _mac_address(self, lang: str) -> tuple[str, str]:  # noqa: ARG002
        octets = [f"{self.rng.randint(0, 255):02x}" for _ in range(6)]
        r = self.rng.random()
        if r < 0.5:
            return ":".join(octets).upper() if self.rng.random() < 0.5 else ":".join(octets), "colon"
        if r < 0.8:
            return "-".join(octets).upper(), "hyphen"
        joined = "".join(octets)
        return ".".join((joined[:4], joined[4:8], joined[8:])), "cisco"

    def url_with_credentials(self) -> tuple[str, str, str]:
        """scheme://user:password@host/path: (before, user:password, after); the host is an IP
        address at times, labeled as such by ``sample``."""
        user = self.rng.choice(("admin", "root", "backup", "plc", "svc_mes", self.en.user_name()))
        password = self.en.password(length=self.rng.randint(8, 14), special_chars=False)
        scheme = self.rng.choice(("ftp", "http", "https", "smb", "mqtt"))
        host = (
            str(ipaddress.IPv4Address(self.rng.getrandbits(32)))
            if self.rng.random() < 0.4
            else f"{self.rng.choice(('nas', 'plc', 'mes', 'backup'))}{self.rng.randint(1, 9)}.plant.local"
        )
        path = self.rng.choice(("/logs", "/recipes/line3", "", "/export?day=1"))
        return f"{scheme}://", f"{user}:{password}", f"@{host}{path}"

    def _employee_id(self, lang: str) -> tuple[str, str]:  # noqa: ARG002
        return f"EMP-{self._digits(6)}", "site"

    def _machine_serial(self, lang: str) -> tuple[str, str]:  # noqa: ARG002
        body = self._digits(5)
        letters = "".join(self.rng.choice(string.ascii_uppercase) for _ in range(2))
        check = next(c for c in "0123456789" if luhn(body + c))
        return f"SN-{letters}{body}{check}", "site"

    # -- hard negatives and filler ---------------------------------------------------------------

    def negative(self, kind: str, lang: str) -> tuple[str, str]:
        d, rng = self._digits, self.rng
        if kind == "TIME":
            y, mo, da, h, mi = (
                rng.randint(2023, 2026),
                rng.randint(1, 12),
                rng.randint(1, 28),
                rng.randint(0, 23),
                rng.randint(0, 59),
            )
            return rng.choice(
                (
                    f"{y}-{mo:02d}-{da:02d} {h:02d}:{mi:02d}:{rng.randint(0, 59):02d}",
                    f"{y}/{mo:02d}/{da:02d} {h:02d}:{mi:02d}",
                    f"{h:02d}:{mi:02d}",
                    f"{y}{mo:02d}{da:02d}{h:02d}{mi:02d}{rng.randint(0, 59):02d}",
                )
            ), "timestamp"
        if kind == "PART":
            return rng.choice((f"{d(4)}-{d(3)}-{d(2)}", f"P/N {d(5)}-{d(4)}", f"AB{d(6)}-{d(2)}")), "part"
        if kind == "LOT":
            return rng.choice(
                (
                    f"LOT-{d(8)}-{d(4)}",
                    f"Lot {d(10)}",
                    f"ロット{d(6)}-{d(3)}" if lang == "ja" else f"lot {d(6)}-{d(3)}",
                )
            ), "lot"
        if kind == "ERROR":
            return rng.choice(
                (f"E-{d(4)}", f"ERR{d(3)}", f"0x{rng.getrandbits(16):04X}", f"AL{d(4)}")
            ), "error code"
        if kind == "TEMP":
            value = f"{rng.uniform(-30, 1300):.1f}"
            return rng.choice(
                (f"{value}℃", f"{value}°C", f"{value} °C", f"{value}度" if lang == "ja" else f"{value} F")
            ), "temperature"
        if kind == "ORDER12":
            while True:
                body = d(11, first="123456789")
                wrong = str((int(my_number_check_digit(body)) + rng.randint(1, 9)) % 10)
                number = body + wrong
                if not my_number(number) and not luhn(number):
                    return number, "12 digits, wrong check"
        raise ValueError(kind)

    def filler(self, kind: str, lang: str) -> str:
        if kind == "DATE":
            return (
                f"{self.rng.randint(1, 12)}月{self.rng.randint(1, 28)}日"
                if lang == "ja"
                else f"{self.rng.choice(('May', 'June', 'July', 'Oct.'))} {self.rng.randint(1, 28)}"
            )
        if kind == "EXT":
            return self._digits(4)
        return str(self.rng.randint(1, 12))

    def _digits(self, n: int, first: str = "0123456789") -> str:
        if n <= 0:
            return ""
        return self.rng.choice(first) + "".join(self.rng.choice(string.digits) for _ in range(n - 1))


def generate(per_lang: int, seed: int = 7) -> list[Sample]:
    return Generator(seed).samples(per_lang)
