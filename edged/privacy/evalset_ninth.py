"""The "ninth" labeled evaluation set: a ninth author's plant text, written blind.

Written by a helper session acting as an independent author. Its author did NOT read the detectors
or their word lists (persons, names_*, addresses*, phones, structured, strict, makers, redactor,
detector, registry, morphology, normalize, checks, postal_world, presidio_anchor, vault, config,
entities, ner, cli) nor their tests, did not run the redactor on this set and never scored it: its
first score is taken by someone else. Read were only the Sample/Label format
(:mod:`edged.privacy.evalset`), the shared slot machinery (:mod:`edged.privacy.evalset_render`), the
scorer's set registry (:mod:`edged.privacy.evaluate`), the eighth set and its test as a model of the
conventions, and the docstrings, SOURCES and locale lists of the other evalset_* modules, to stay
away from their sources and text kinds.

Text kinds (new to the sets before it): business cards read by OCR (with the OCR's noise around the
values: "Te1", "E-maiI", stray bars), weighbridge tickets, customs commercial invoices for spare
parts, management-of-change and engineering-change requests, lab analysis requests (LIMS),
out-of-office auto-replies, meeting-room bookings, scan-to-e-mail and print-job logs, VPN and
firewall-rule requests and their log lines, ERP master-data change logs, demo-unit loan agreements,
invention disclosures, scrap-metal sale receipts, forklift telematics impact alerts, recall notices
to customers, PLC program commit messages and emission measurement reports; in Japanese 名刺OCR,
計量票, 通関インボイス, 設備変更申請, 設計変更通知, 分析依頼書, 不在時自動返信, 会議室予約, 複合機ログ,
VPN申請, FWログ, ERPマスタ変更履歴, デモ機貸出契約, 発明届出書, スクラップ売却伝票, フォークリフト
衝撃アラート, リコール告知, PLCプログラム変更コミット and 環境測定報告. About one sentence in four
holds hard negatives only.

Label conventions (those of the fresh, unseen, blind and eighth sets): ``text[start:end] == value``;
labels never overlap. PERSON is the name only (titles, honorifics, role words, "@", "cc:" and the
possessive 's stay outside; Malay "bin"/"binti" and "a/l"/"a/p" are inside, they are part of the
name). ADDRESS is the whole address, with its postcode when written inside it; a postcode on its own
is POSTAL_CODE (its 〒 inside). PHONE holds its international prefix and a "(0)" written inside it;
"TEL", "tel:", "内線" and an extension stay outside. EMAIL is the address (a "mailto:" and angle
brackets stay outside; an address written "name [at] host [dot] tld" is one EMAIL). IP_ADDRESS is
the address only (a port, a /prefix stay outside). ``form``'s first tag names the builder or source
(``faker-ka_GE``, ``mimesis-ko``, ``hand-basque``, ``ja-rare``, ``ge-addr``, ``intl-uy`` ...), later
tags how it was written (caps, lower, init, rev, hon, role, fullwidth, kanji-digits, ocr ...).
"""

from __future__ import annotations

import re
import unicodedata

from edged.privacy.evalset import Sample
from edged.privacy.evalset_ninth_values import Values, fill_slot
from edged.privacy.evalset_render import deal, render

SOURCES: dict[str, str] = {
    "faker": "Faker 40.63.0 person names of ka_GE (Georgian) and hy_AM (Armenian), in their own "
    "scripts in Faker and transliterated to Latin here (a Georgian national-system table without "
    "the ejective apostrophes, as passports write them, and an Armenian passport-style table); "
    "no other set drew from these locales (the blind set hand-wrote a few Georgian and Armenian "
    "names), and no Faker address, phone or e-mail provider is used",
    "mimesis": "mimesis 22.2.0 person names of ko (Korean, in Hangul), romanised here by the Revised "
    "Romanization syllable by syllable, with the customary spellings of common family names (Kim, "
    "Lee, Park ...); no other set used this mimesis locale",
    "hand-written": "evalset_ninth_data.py, written for this set: Basque, Tibetan, Uyghur, Tatar, "
    "Chechen, Chamorro, Timorese, Cape Verdean, Mozambican, Angolan, Indo-Guyanese, "
    "Surinamese-Javanese, Garifuna, Greenlandic, Faroese, Breton, Mauritian, Papua New Guinean and "
    "Bhutanese names, and names that are also plant words (Forest, Clay, Sterling); romanised "
    "Japanese names in passport (Ohtsuka), macron (Ōkubo) and wapuro (Kouno) spellings; Japanese "
    "common and rare surnames (multi-kanji, Okinawan), kanji and kana given names, kana full names, "
    "katakana foreign names; honorifics and role words; Georgian, Armenian, Uruguayan, Ecuadorian "
    "(Quito block numbers and cross streets) and Tunisian addresses and postcodes; Japanese addresses "
    "in 16 manufacturing towns (大字, 番地, 号, 丁目, kanji numerals, buildings and rooms, with and "
    "without prefecture) and their romanised forms; e-mail domains (punycode, sub-domains); phone "
    "masks of GE, AM, UY, EC, TN and JP (+CC, +CC (0), 00 and national trunk prefixes, extensions "
    "kept outside, full-width and kanji digits); card IIN ranges (Visa, Mastercard, Amex, JCB, "
    "Diners, Discover, UnionPay, Mir, RuPay, Troy, Verve, Maestro; lengths 13 to 19); every hard "
    "negative (machines, makers named after people, parts, lots, units, plant places, name-like "
    "plant words, standards, tickets, orders, dates, times, figures)",
    "phonenumbers": "phonenumbers (an edged dependency) validates every PHONE value for its region and "
    "rejects hard negatives whose digits would be a valid JP or North American number",
    "checks": "the Luhn and My Number check digits are computed here, not taken from edged.privacy.checks",
    "templates": "62 English and 62 Japanese sentence templates written for this set, 16 of each "
    "holding hard negatives only",
}


# -- templates -------------------------------------------------------------------------------------
# {slot} or {slot:tag}; n_<kind> is a hard negative, num a filler number. Latin person tags: caps,
# lower, given, family, init, rev, capsfam, title, poss, at, plain; Japanese: hon, role, kanji,
# kana. Phone tags name a region (jp, ge, am, uy, ec, tn) or "ext" (an extension written after it).

EN_TEMPLATES = (
    # business cards read by OCR
    "[OCR card] {p:caps} | Maintenance Planner | {n_maker} | Te1 {phone} | E-maiI {email} | {addr}",
    "[OCR card] ~ {p} ~ Sales Engineer ~ Mobi1e: {phone:ge} ~ {addr_ge} ~ {email:odd}",
    "scan_0042.jpg -> text: {p:title} / Quality Lead / {addr_am} / T. {phone:am} / {email}",
    # weighbridge tickets
    "WEIGHBRIDGE TICKET {n_ticket} | gross {n_unit} | driver {pw:capsfam} | haulier mobile {phone} | "
    "gate {n_place}",
    "Weighbridge: second weighing by {p:init} at {n_time}; driver {pw} signed, card for fuel {card}.",
    # customs commercial invoices
    "Commercial invoice {n_order}: consignee {pw}, {addr_uy}; notify party {p}, tel {phone:uy}.",
    "Customs invoice for {n_part}: shipper contact {p:rev}, {addr_tn}, phone {phone:tn}, e-mail {email}.",
    "Importer of record {pw:caps}, {addr_ec}, tax contact {p} ({email:angle}).",
    # management of change / engineering change
    "MOC {n_ticket}: change owner {p}, reviewer {p:title}, safety sign-off {pw:init}; new PLC at {ip}.",
    "ECN {n_ticket} raised by {p:rev} for {n_part}; customer contact {pw} at {phone}.",
    "MOC {n_ticket} approval chain: {p} -> {p:poss} manager -> {pw:title}; comments to {email:mailto}.",
    # lab analysis requests
    "LIMS request {n_ticket}: sample of {n_lot} from {p}, results to {email} and {p:lower}.",
    "Lab analysis request by {p:title} - ship retained sample to {addr}, attn {pw}, {phone}.",
    # out-of-office auto-replies
    "Automatic reply: I am out of the office until {n_date}. For urgent matters contact {p} on "
    "{phone:ext} or {email}. Regards, {pw:given}",
    "Out of office - {pw} is travelling to {addr_ge}; reach {p:given} at {email:odd} meanwhile.",
    "Auto-reply: {p:caps} is on parental leave. Invoices to {email}; deliveries to {addr_jr}.",
    # meeting-room bookings
    "Room booking {n_place}, {n_time}-{n_time}: organiser {p}, guests {pw}, {pw}; dial-in {phone}",
    "Calendar: Supplier review with {pw:title} ({email}) - host {p:init}; visitor badge for {pjr} requested.",
    # scan-to-email and print-job logs
    "MFP log {n_time} user={p:lower} job=scan2mail dest={email} src={ip} pages={num}",
    "print job #{num} from {ip} (owner {p}) to queue {n_place}, device MAC {mac}",
    # VPN and firewall requests
    "VPN request: {pw} (vendor {n_maker}) needs access from {ip} to {ip} until {n_date}; sponsor {p}.",
    "FW rule request: allow {ip:v6} -> {ip}:4840, requester {p:rev}, contact {phone}",
    "fw01 DENY src={ip} dst={ip} user={pjr:lower} mac={mac}",
    # ERP master-data change logs
    "ERP change log: vendor record changed by {p:lower}; bank contact {pw}, remit-to {addr}, phone {phone}.",
    "MDG-{num}: employee master of {p} updated: home address {addr_jr}, My Number {mynum} "
    "verified by {p:init}.",
    "Customer master change: ship-to {addr_uy}, buyer {pw:capsfam}, credit card {card} on file.",
    # demo-unit loan agreements
    "Demo loan agreement: {n_machine} lent to {pw}, {addr_ec}; borrower phone {phone:ec}, "
    "deposit card {card}.",
    "Loan return note: demo unit collected from {p} at postcode {zip}, signed {pw:init}.",
    # invention disclosures
    "Invention disclosure {n_ticket}: inventors {p}, {pjr} and {pw}; witness {p:title}.",
    "Disclosure form: first inventor {pjr:caps}, home address {addr_jr}, My Number {mynum}.",
    # scrap-metal sale receipts
    "Scrap receipt {n_order}: {n_unit} of swarf sold to {pw}, {addr_tn}; paid to card {card:bare}.",
    "Scrap sale - buyer ID checked by {p:init}; buyer {pw:caps}, mobile {phone:tn}, postcode {zip}.",
    # forklift telematics
    "TELEMATICS ALERT impact 2.4 g on forklift {n_machine} | operator badge {p:caps} | notify {p} {phone}",
    "Impact alert acknowledged by {p:given}; operator {pw} retrained, supervisor {p:title}.",
    # recall notices
    "Recall notice {n_ticket}: dear {pw:title}, please return affected units to {addr}; "
    "questions to {email} or {phone}.",
    "Recall contact list: {pw} ({phone:am}), {pw} ({phone:ge}), {p} ({phone}).",
    # PLC program commits
    "commit 3f9a2c1 Author: {pw} <{email}> - fix interlock on {n_machine}, reviewed-by {p:lower}",
    "PLC diff: IP of HMI changed {ip} -> {ip}; MAC {mac}; Signed-off-by: {p} <{email}>",
    # emission measurement reports
    "Emission report {n_date}: stack sampled by {pw:title} ({n_maker} lab), plant contact {p}, {phone:ext}.",
    "Stack test witnessed by {p:rev}; report mailed to {pw}, {addr_ge}, postcode {zip:ge}.",
    # payroll and HR leftovers that belong to the kinds above
    "ERP HR change: {p} moved to postcode {zip}; My Number {mynum}; card {card} cancelled.",
    "OCR payslip: name {p:caps} | My No. {mynum} | bank card {card} | zip {zip:jp}",
    "Meeting-room wifi: guest {pw} got IP {ip:port} on AP MAC {mac}.",
    "Visitor from Ecuador: {pw}, {addr_ec}, postcode {zip:ec}, {phone:ec}.",
    "Loaner laptop for {pw} (Montevideo office, postcode {zip:uy}); hand over via {p}.",
    "Invoice dispute: {pw} says card {card} was charged twice; reply to {email:odd} cc {p}.",
    # hard negatives only
    "WEIGHBRIDGE TICKET {n_ticket} | gross {n_unit} | {n_machine} | gate {n_place}",
    "Commercial invoice {n_order}: {num} x {n_part} from {n_maker}, {n_figure}, {n_date}.",
    "MOC {n_ticket}: replace {n_namelike} on {n_machine}, per {n_std}.",
    "ECN {n_ticket}: {n_part} drawing rev C, tolerance {n_unit}, effective {n_date}.",
    "LIMS request {n_ticket}: {n_lot} tested to {n_std}, result {n_unit}.",
    "Room booking {n_place}, {n_time}-{n_time}: {n_maker} service review.",
    "MFP log {n_time} job=print queue={n_place} pages={num} status=OK",
    "ERP change log {n_date}: material {n_part} moved to {n_place}, {n_figure}.",
    "Demo loan agreement: {n_machine} from {n_maker}, return by {n_date}.",
    "Scrap receipt {n_order}: {n_unit} of swarf, {n_figure}, {n_lot}.",
    "TELEMATICS ALERT impact 1.9 g on {n_machine} near {n_place} at {n_time}",
    "Recall notice {n_ticket}: {n_part} from {n_lot} made on {n_namelike}.",
    "commit 7be01d4 - {n_machine}: retune {n_namelike} loop to {n_unit}",
    "Emission report {n_date}: stack 2 at {n_place}, {n_unit}, within {n_std}.",
    "[OCR card] {n_maker} | {n_machine} | {n_namelike} | {n_std}",
    "Invention disclosure {n_ticket}: {n_namelike} for the {n_machine}, {n_figure} saving.",
)

JA_TEMPLATES = (
    # 名刺OCR
    "【名刺OCR】{p}｜保全課｜{n_maker}｜TEL：{phone}｜E-maiI：{email}｜{jaddr:zip}",
    "名刺読取結果：{p:kanji}　ﾌﾘｶﾞﾅ {p:kana}　携帯 {phone:jp}　住所 {jaddr}",
    "【名刺OCR】{pw}　Sales Manager　{addr_am}　Tel {phone:am}　{email:odd}",
    # 計量票
    "計量票{n_ticket}　総重量{n_unit}　運転手{p:hon}　携帯{phone:jp}　{n_place}",
    "計量票：二回目計量 {n_time}　立会{p:role}　運転者{pk}さん　燃料カード{card}",
    # 通関インボイス
    "通関インボイス{n_order}　荷受人 {pw}　{addr_uy}　通知先担当{p:hon}（{phone:uy}）",
    "輸出インボイス：{n_part}　荷送人担当 {p}、{addr_tn}、TEL {phone:tn}",
    "輸入者：{pw}　{addr_ec}　担当{p:hon}　メール{email:angle}",
    # 設備変更申請・設計変更通知
    "設備変更申請{n_ticket}　申請者{p}　審査{p:role}　安全確認{p:hon}　新PLCのIP {ip}",
    "設計変更通知{n_ticket}：起票{p:kanji}、対象{n_part}、顧客窓口{pw}様（{phone}）",
    "設備変更申請{n_ticket}の承認経路：{p}→{p:role}→{p:role}、意見は{email:mailto}へ",
    # 分析依頼書
    "分析依頼書{n_ticket}　試料{n_lot}　依頼者{p:hon}　結果送付先{email}",
    "分析依頼：保管サンプルを{jaddr:zip}の{p:hon}宛に送付、連絡先{phone}",
    # 不在時自動返信
    "【自動返信】{n_date}まで不在にしております。お急ぎの方は{p:hon}（内線{num}、{phone:ext}）"
    "または{email}までご連絡ください。{p}",
    "不在通知：{p}はジョージア出張中（{addr_ge}）。期間中は{p:hon}（{email:odd}）が対応します。",
    "自動返信：{p:hon}は育児休業中です。請求書は{email}へ、郵送物は{jaddr}へお願いします。",
    # 会議室予約
    "会議室予約 {n_place} {n_time}～{n_time}　主催{p}　来訪者{pw}様、{pw}様　電話会議{phone}",
    "予定表：仕入先レビュー（{pw}様 {email}）　主催{p:role}　入館証は{pk}さん分も申請",
    # 複合機ログ
    "複合機ログ {n_time} user={p} job=scan2mail dest={email} src={ip} pages={num}",
    "印刷ジョブ#{num}　送信元{ip}（所有者{p:hon}）　出力先{n_place}　MAC {mac}",
    # VPN申請・FWログ
    "VPN申請：{pw}様（{n_maker}）が{ip}から{ip}へ{n_date}まで接続、責任者{p:role}",
    "FW申請：{ip:v6} → {ip}:4840 許可、申請者{p}、連絡先{phone}",
    "fw01 DENY src={ip} dst={ip} user={pjr:lower} mac={mac}",
    # ERPマスタ変更履歴
    "ERPマスタ変更履歴：仕入先の振込連絡先を{p}が変更、担当{pw}、送金先住所{addr}、電話{phone}",
    "社員マスタ更新：{p}の住所を{jaddr}に変更、個人番号{mynum}を{p:role}が確認",
    "得意先マスタ変更：出荷先{addr_uy}、購買担当{pw}、登録カード{card}",
    # デモ機貸出契約
    "デモ機貸出契約：{n_machine}を{pw}様（{addr_ec}）へ貸出、連絡先{phone:ec}、保証金カード{card}",
    "デモ機返却：郵便番号{zip}の{p:hon}宅から回収、受領{p:role}",
    # 発明届出書
    "発明届出書{n_ticket}　発明者：{p}、{p}、{pw}　立会人{p:role}",
    "発明届出書：筆頭発明者{p:kanji}　住所{jaddr}　マイナンバー{mynum}",
    # スクラップ売却伝票
    "スクラップ売却伝票{n_order}　切粉{n_unit}　買受人{pw}　{addr_tn}　振込カード{card}",
    "スクラップ売却：買受人の本人確認を{p:hon}が実施、{pw}様、携帯{phone:tn}、郵便番号{zip}",
    # フォークリフト衝撃アラート
    "【衝撃アラート】フォークリフト{n_machine}　2.4G　運転者{p}　通知先{p:role}　{phone}",
    "衝撃アラート確認：{p:hon}が対応、運転者{pk}さんに再教育、監督{p:role}",
    # リコール告知
    "リコールのお知らせ{n_ticket}：{pw}様、対象品は{addr}までご返送ください。問合せ{email}／{phone}",
    "リコール連絡先一覧：{pw}様（{phone:am}）、{pw}様（{phone:ge}）、{p:hon}（{phone:jp}）",
    # PLCプログラム変更コミット
    "commit 3f9a2c1 作成者: {pw} <{email}> {n_machine}のインターロック修正、レビュー{p}",
    "PLC差分：HMIのIPを{ip}→{ip}へ変更、MAC {mac}、承認 {p} <{email}>",
    # 環境測定報告
    "環境測定報告{n_date}：排ガス採取{pw}氏（{n_maker}分析センター）、工場窓口{p:hon}、{phone:ext}",
    "煙道測定立会{p:role}、報告書は{pw}様（{addr_ge}、郵便番号{zip:ge}）へ送付",
    # そのほか
    "社員マスタ変更：{p}　新郵便番号{zip}　個人番号{mynum}　法人カード{card}解約",
    "給与明細OCR：氏名 {p}｜個人番号 {mynum}｜カード {card}｜郵便番号 {zip:jp}",
    "会議室Wi-Fi：来客{pw}様に{ip:port}を払い出し、AP MAC {mac}",
    "エクアドルからの来訪者：{pw}様、{addr_ec}、郵便番号{zip:ec}、{phone:ec}",
    "モンテビデオ事務所（郵便番号{zip:uy}）の{pw}様へ貸出PCを送付、手配{p:hon}",
    "請求異議：{pw}様よりカード{card}の二重請求の連絡、返信先{email:odd}、CC {p:hon}",
    # hard negatives only
    "計量票{n_ticket}　総重量{n_unit}　{n_machine}　{n_place}",
    "通関インボイス{n_order}　{n_part}×{num}　{n_maker}　金額{n_figure}　{n_date}",
    "設備変更申請{n_ticket}：{n_machine}の{n_namelike}を更新、{n_std}準拠",
    "設計変更通知{n_ticket}：{n_part}図面改訂C、公差{n_unit}、{n_date}適用",
    "分析依頼書{n_ticket}　{n_lot}　{n_std}により測定　結果{n_unit}",
    "会議室予約 {n_place} {n_time}～{n_time}　{n_maker}サービス打合せ",
    "複合機ログ {n_time} job=print 出力先={n_place} pages={num} status=OK",
    "ERPマスタ変更履歴 {n_date}：品目{n_part}の保管場所を{n_place}へ、{n_figure}",
    "デモ機貸出契約：{n_maker}の{n_machine}、返却期限{n_date}",
    "スクラップ売却伝票{n_order}　切粉{n_unit}　{n_figure}　{n_lot}",
    "【衝撃アラート】{n_machine}　1.9G　{n_place}　{n_time}",
    "リコールのお知らせ{n_ticket}：{n_namelike}で製造した{n_part}（{n_lot}）",
    "commit 7be01d4 {n_machine}：{n_namelike}のループを{n_unit}に再調整",
    "環境測定報告{n_date}：{n_place}2号煙突、{n_unit}、{n_std}の基準内",
    "【名刺OCR】{n_maker}｜{n_machine}｜{n_namelike}｜{n_std}",
    "発明届出書{n_ticket}：{n_machine}用{n_namelike}、{n_figure}の削減",
)


def _render(values: Values, lang: str, template: str) -> Sample:
    return render(values, lang, template, lambda name, tag: fill_slot(values, name, tag))


def generate_ninth(per_lang: int, seed: int = 7) -> list[Sample]:
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


def only_negatives(template: str) -> bool:
    """Whether a template holds hard negatives and filler only."""
    return all(slot.startswith(("n_", "num")) for slot in re.findall(r"(?<!\{)\{(\w+)", template))


def folded_digits(value: str) -> str:
    return re.sub(r"\D", "", unicodedata.normalize("NFKC", value))
