"""The "eleventh" labeled evaluation set: an eleventh author's plant text, written blind.

Written by a helper session acting as an independent author. Its author did NOT read the detectors
or their word lists (everything in edged/privacy/ but the evalset_* modules and evaluate.py's set
registry), nor their tests (tests/privacy/ but test_evalset_tenth.py and test_cli.py), nor the
README's privacy section; did not run the redactor on this set and never scored it: its first score
is taken by someone else. Read were only the Sample/Label format (:mod:`edged.privacy.evalset`), the
shared slot machinery (:mod:`edged.privacy.evalset_render`), the check digits
(:mod:`edged.privacy.evalset_digits`), the scorer's set registry (:mod:`edged.privacy.evaluate`), the
tenth set and its test as a model of the conventions, and the docstrings, SOURCES, locale lists and
phone masks of the other evalset_* modules, to stay away from their sources and text kinds.

Text kinds (new to the sets before it): gate-pass registers, supplier audit agendas, IoT device
provisioning manifests (TOML), MQTT payloads, RADIUS / 802.1X authentication logs, SNMP traps, git
commit trailers (Signed-off-by, Co-authored-by), Slack chat lines, MECARD QR-code payloads, PDF form
fields (FDF), blood-donation drive sign-ups, flu-vaccination clinics, evacuation roll calls, key
cabinet logs, returnable-container tracking, crontab and Ansible inventory lines, journalctl lines,
company-housing leases, lab sample chain-of-custody forms, IT asset disposal certificates, carpool
rosters, tender-opening minutes, welder qualification records, boiler logbooks, print-server page
logs, VPN gateway logs, per-diem claims and apprentice placement letters; in Japanese 入構許可証台帳,
監査日程表, IoT機器登録, MQTTペイロード, 無線LAN認証ログ, SNMPトラップ, Gitコミット, 社内チャット,
QRコード(MECARD), PDFフォーム, 献血受付, インフルエンザ予防接種, 避難点呼, 鍵管理簿, 通い箱管理,
社宅契約, 試料受渡記録, PC廃棄証明, 相乗り通勤名簿, 開札記録, 溶接技能者台帳, ボイラー日誌,
印刷ログ, VPNログ, 日当精算 and 技能実習生受入通知. About one sentence in four holds hard negatives
only.

Label conventions (those of the tenth set, the scorer's): ``text[start:end] == value``; labels never
overlap. PERSON is the name only (titles, honorifics, role words, "@", "cc:" and the possessive 's
stay outside; a generational suffix "Jr.", "Sr.", "III" is inside, as in the blind set; Balinese
birth-order names "I Wayan", "Ni Made" and Minangkabau "Datuak" are inside, they are part of the
name). ADDRESS is the whole address, with its postcode when written inside it (a Kenyan P.O. Box
with its postcode is inside); a postcode on its own is POSTAL_CODE (its 〒 and an "LT-"/"GR-" prefix
inside). PHONE holds its international prefix and a "(0)"/"(8)" written inside it; "TEL", "tel:",
"内線" and an extension stay outside. EMAIL is the address (a "mailto:" and angle brackets stay
outside; an address written "name at host dot tld" or "name(@)host" is one EMAIL). IP_ADDRESS is the
address only (a port, the brackets of "[v6]:port" stay outside). ``form``'s first tag names the
builder or source (``hand-batak``, ``hand-kunrei``, ``ja-rare``, ``pt-addr``, ``intl-ke`` ...),
later tags how it was written (caps, lower, init, rev, suffix, hon, role, fullwidth ...).
"""

from __future__ import annotations

import re
import unicodedata

from edged.privacy.evalset import Sample
from edged.privacy.evalset_eleventh_neg import fill_slot
from edged.privacy.evalset_eleventh_templates import EN_TEMPLATES, JA_TEMPLATES
from edged.privacy.evalset_eleventh_values import Values
from edged.privacy.evalset_render import deal, render

SOURCES: dict[str, str] = {
    "faker": "not used: every Faker 40.63.0 locale with Latin-script person data of its own was taken by "
    "an earlier set, and the unused Latin-script ones (bs_BA, en_BD, en_MS, es_VE, it_CH, lb_LU, sq_AL, "
    "sr_BA, tl_PH) fall back to en_US names; no Faker address, phone or e-mail provider either",
    "mimesis": "not used: every mimesis locale with Latin-script names was taken by an earlier set",
    "hand-written": "evalset_eleventh_data.py, written for this set from the author's own knowledge: "
    "Batak (clan names), Balinese (I Wayan, Ni Made ...), Minangkabau (Datuak), Bugis (Andi, Daeng), "
    "Meitei (family name first or last), Keralite (Syrian Christian and Nair), Zoroastrian (occupational "
    "surnames), Dhivehi, Krio, Baoulé, Bamileke, Oromo, Sudanese, Amazigh (Ait), Gagauz, Sorbian, "
    "Kashubian, Sardinian, Galician, Romansh, Acadian, Belizean, Panamanian (Chinese-Panamanian too), "
    "Salvadoran, Venezuelan, Hokkien and Hakka (Singapore and Sarawak spellings), Cantonese (Hong Kong, "
    "with English given names; the three family name first or last), Tuvaluan names, and names that are "
    "also plant words (Steel, Bolt, Mason, Tanner); romanised Japanese names in Hepburn (apostrophes, "
    "macrons) and in Kunrei-shiki (Simizu, Tutiya, Hukuda), FAMILY given order; Japanese surnames in "
    "old-form kanji (櫻, 廣, 嶋, 冨, 曾, 舘, 槇, 眞, 峯, 嵜, 桒, 籏), rare readings (四月一日, 小鳥遊, "
    "月見里, 勘解由小路) and Amami one-kanji surnames (元, 叶, 碇, 祷, 英), kanji and kana given names "
    "(old katakana ハル, キヨ, トメ), kana and half-width kana full names, katakana names of this set's "
    "origins; honorifics and role words; Portuguese (CP7), Greek (written in Latin letters, VIPE "
    "industrial zones), Lithuanian (LT-) and Kenyan (P.O. Box, plots, LR numbers, EPZ) addresses and "
    "postcodes; Japanese addresses in 10 manufacturing towns (大字, 字, 番地, 番/号, 丁目, kanji "
    "numerals, の-separated, U+2010 hyphens, buildings and floors, with and without prefecture) and "
    "their romanised forms (caps, Pref., -shi/-ken); e-mail domains; phone masks of PT, GR, LT, KE and "
    "JP (+CC, +CC (0)/(8), 00, E.164, national trunk prefixes 0 and 8, 0120 free dial, dotted and +81- "
    "forms, extensions kept outside, full-width digits); card IIN ranges (Visa, Visa Electron, "
    "Mastercard, Amex, JCB, Diners, Discover, UnionPay, Maestro, Cabal, Naranja, Laser, Bankcard; "
    "lengths 13 to 19); every hard negative (machines and instruments named like people, makers, parts, "
    "lots, units, plant places, standards, tickets, orders, dates, times, sums)",
    "phonenumbers": "phonenumbers (an edged dependency) validates every PHONE value for its region and "
    "rejects hard negatives whose digits would be a valid JP or North American number",
    "checks": "the Luhn and My Number check digits come from edged.privacy.evalset_digits, not from "
    "edged.privacy.checks",
    "templates": "58 English and 50 Japanese sentence templates written for this set, 14 English and "
    "12 Japanese holding hard negatives only",
}


def only_negatives(template: str) -> bool:
    """Whether a template holds hard negatives and filler only."""
    return all(slot.startswith(("n_", "num")) for slot in re.findall(r"(?<!\{)\{(\w+)", template))


def folded_digits(value: str) -> str:
    return re.sub(r"\D", "", unicodedata.normalize("NFKC", value))


def _render(values: Values, lang: str, template: str) -> Sample:
    return render(values, lang, template, lambda name, tag: fill_slot(values, name, tag))


def generate_eleventh(per_lang: int, seed: int = 7) -> list[Sample]:
    """``per_lang`` Japanese sentences, then ``per_lang`` English ones; the same for the same seed
    (nothing depends on PYTHONHASHSEED). Templates are dealt in shuffled rounds, so each is used
    about equally."""
    values = Values(seed)
    return deal(
        values.rng,
        per_lang,
        (("ja", JA_TEMPLATES), ("en", EN_TEMPLATES)),
        lambda lang, template: _render(values, lang, template),
    )
