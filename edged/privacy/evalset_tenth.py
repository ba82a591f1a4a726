"""The "tenth" labeled evaluation set: a tenth author's plant text, written blind.

Written by a helper session acting as an independent author. Its author did NOT read the detectors
or their word lists (everything in edged/privacy/ but the evalset_* modules and evaluate.py) nor
their tests (tests/privacy/ but test_evalset_*), did not run the redactor on this set and never
scored it: its first score is taken by someone else. Read were only the Sample/Label format
(:mod:`edged.privacy.evalset`), the shared slot machinery (:mod:`edged.privacy.evalset_render`) and
check digits (:mod:`edged.privacy.evalset_digits`), the scorer's set registry
(:mod:`edged.privacy.evaluate`), the ninth set and its test as a model of the conventions, and the
docstrings, SOURCES and locale lists of the other evalset_* modules, to stay away from their sources
and text kinds.

Text kinds (new to the sets before it): behaviour-based safety observation cards, e-kanban
replenishment signals, smart-tool torque traces, compressed-air leak tags, confined-space entry
logs, pest-control service reports, cold-chain temperature-logger alerts, drone inspection flight
logs, licence-server (lmgrd) checkout logs, CNC program and robot teach-pendant headers,
conflict-minerals (CMRT) declarations, SDS requests and their emergency-contact section, mould
transfer agreements, cycle-count variances, trailer seal logs, EV-charger sessions, parcel-locker
notices, voicemail transcripts, hotel confirmations for visiting technicians, field service reports,
remote-support session logs, EDIFACT despatch-advice segments (NAD, CTA, COM), vCard blocks, LDIF
directory exports, DHCP leases, SQL INSERT rows of migration scripts, HTTP access-log lines,
interpreter bookings, ergonomic assessments, layered-process-audit cards, FMEA attendance and OCAP
reaction plans; in Japanese 安全観察カード, 電子かんばん, トルク記録, エア漏れ札, 酸欠危険作業監視記録,
防虫防鼠点検報告, 温度ロガー警報, ドローン点検飛行記録, ライセンスサーバログ, NCプログラムヘッダ,
ロボット教示プログラム, 紛争鉱物調査票, SDS送付依頼, 金型移管契約, 棚卸差異, トレーラー封印記録,
EV充電記録, 宅配ロッカー通知, 留守電文字起こし, 宿泊予約確認, 出張サービス報告書, リモート保守接続記録,
EDI出荷案内, vCard, LDIF, DHCPリース, SQL INSERT, アクセスログ, 通訳手配, 作業姿勢評価,
階層別監査カード, FMEA出席者, OCAP, 入社手続 and 給与取込行. About one sentence in four holds hard
negatives only.

Label conventions (those of the fresh, unseen, blind, eighth and ninth sets): ``text[start:end] ==
value``; labels never overlap. PERSON is the name only (titles, honorifics, role words, "@", "cc:"
and the possessive 's stay outside; Malay "bin"/"binti" and "a/l"/"a/p" are inside, they are part of
the name). ADDRESS is the whole address, with its postcode when written inside it; a postcode on its
own is POSTAL_CODE (its 〒 inside). PHONE holds its international prefix and a "(0)" written inside
it; "TEL", "tel:", "内線" and an extension stay outside. EMAIL is the address (a "mailto:" and angle
brackets stay outside; an address written "name [at] host [dot] tld" is one EMAIL). IP_ADDRESS is
the address only (a port, a /prefix stay outside). ``form``'s first tag names the builder or source
(``faker-mr_IN``, ``hand-maltese``, ``ja-rare``, ``mt-addr``, ``intl-cr`` ...), later tags how it
was written (caps, lower, init, rev, hon, role, fullwidth, kanji-digits ...).

In this set, as in the ninth, the Iban "anak" (son/daughter of) is inside PERSON like "bin"; a
Japanese number dialled with the international prefix of Japan ("010-81-...") holds that prefix.
"""

from __future__ import annotations

import re
import unicodedata

from edged.privacy.evalset import Sample
from edged.privacy.evalset_render import deal, render
from edged.privacy.evalset_tenth_values import Values, fill_slot

SOURCES: dict[str, str] = {
    "faker": "Faker 40.63.0 person names of mr_IN (Marathi), gu_IN (Gujarati) and or_IN (Odia), in "
    "their own scripts in Faker and put into Latin letters here (the parallel Brahmic blocks of "
    "Unicode moved onto Devanagari and read with one passport-style table: no diacritics, the "
    "inherent vowel dropped at the end of a word and between a vowel and a full syllable); no other "
    "set drew from these locales, and no Faker address, phone or e-mail provider is used",
    "mimesis": "not used: every mimesis locale with Latin-script names was taken by an earlier set",
    "hand-written": "evalset_tenth_data.py, written for this set: Maltese, Sámi, West Frisian, Sri "
    "Lankan Burgher (Van der, de), Goan Catholic (D'Souza, e Pinto), Bruneian (bin/binti, Pengiran), "
    "Iban (anak), Karen and Kachin, Mizo, Khasi and Naga, Pashtun and Hazara, Turkmen, Sakha and "
    "Buryat, Ossetian and Circassian, Navajo, Lakota and Inuit, Mapuche and Aymara, Zapotec and "
    "Yucatec Maya, Fula, Bambara and Mossi, Fon and Tigrinya, Tswana, Sotho and Herero, Bemba and "
    "Chewa, Micronesian and Melanesian, Costa Rican (double surnames, de la), Slovene and Icelandic "
    "names, and names that are also plant words (Crane, Forge, Mill); romanised Japanese names "
    "(macrons, apostrophes, hyphens, Oh-, -oh spellings; FAMILY given order); Japanese common and "
    "rare surnames (Okinawan, multi-kanji), kanji and kana given names, kana full names, katakana "
    "foreign names; honorifics and role words; Maltese, Slovene, Costa Rican (directions from a "
    "landmark, free-zone buildings), Icelandic and Nepali (wards) addresses and postcodes; Japanese "
    "addresses in 14 manufacturing towns none of the other sets used (大字, 番地, 番/号, 丁目, kanji "
    "numerals, buildings, floors and rooms, with and without prefecture) and their romanised forms; "
    "e-mail domains; phone masks of MT, SI, CR, IS, NP and JP (+CC, +CC (0), 00, E.164, national "
    "trunk prefixes, Japan's 010 international prefix, 050 IP phones, extensions kept outside, "
    "full-width and kanji digits); card IIN ranges (Visa, Mastercard, Amex, JCB, Diners, Discover, "
    "UnionPay, Maestro, Elo, UATP; lengths 13 to 19); every hard negative (machines, makers named "
    "after people, parts, lots, units, plant places, instruments and charts named after people, "
    "standards, tickets, orders, dates, times, figures)",
    "phonenumbers": "phonenumbers (an edged dependency) validates every PHONE value for its region and "
    "rejects hard negatives whose digits would be a valid JP or North American number",
    "checks": "the Luhn and My Number check digits come from edged.privacy.evalset_digits, not from "
    "edged.privacy.checks",
    "templates": "74 English and 67 Japanese sentence templates written for this set, 18 English and "
    "16 Japanese holding hard negatives only",
}


# -- templates -------------------------------------------------------------------------------------
# {slot} or {slot:tag}; n_<kind> is a hard negative (n_unit takes
# a tag: torque, air, gas, temp, energy), num a filler number. Latin person tags: caps,
# lower, given, family, host, init, initdot, rev, capsfam, title, poss, at, plain; Japanese: hon, role,
# kanji, kana, family. Phone tags name a region (jp, mt, si, cr, is, np) or "ext" (an extension
# written after it).

EN_TEMPLATES = (
    # safety observation cards
    "SAFETY OBSERVATION CARD {n_ticket} | observer: {p:caps} | observed: {pw} (contractor) | at-risk: no "
    "harness near {n_machine} | coached by {p:init}",
    "SOC {n_ticket} - safe behaviour praised: {p} guarded the {n_machine} before clearing a jam; reported "
    "by {pw:rev}.",
    # e-kanban signals
    "e-KANBAN {n_part} qty {num} -> supplier contact {pw}, {addr_si}, tel {phone:si}",
    "Kanban signal missed at {n_place}; {p:lower} re-triggered it, supplier rep {pw:title} ({email}) "
    "confirmed.",
    # smart-tool torque traceability
    "nutrunner trace {n_time} tool={n_machine} op={p:lower} badge-ip={ip} result=NOK {n_unit:torque}",
    "Torque audit: {p:initdot} re-torqued 4 bolts on {n_machine}; witness {pw}, controller MAC {mac}.",
    # compressed-air leak tags
    "Air-leak tag #{num}: found by {p} at {n_place}, est. loss {n_unit:air}; repair owner {pw:capsfam}.",
    # confined-space entry logs
    "Confined-space entry {n_ticket}: entrant {pw}, attendant {p}, rescue contact {phone:ext}; gas test "
    "{n_unit:gas}.",
    "CSE log - {p:given} in at {n_time}; attendant radios {pw:init}; standby phone {phone:mt}.",
    # pest-control service reports
    "Pest-control service report: technician {pw} (licence holder), {addr_mt}; next visit booked by {p}, "
    "{email:odd}.",
    # cold-chain logger alerts
    "TEMP LOGGER ALERT shipment {n_order}: excursion {n_unit:temp}; consignee {pw:caps}, {addr_is}, ph "
    "{phone:is}",
    "Cold-chain alert acknowledged by {p:rev}; carrier contact {pw} ({phone}), logger MAC {mac}.",
    # drone inspection flight logs
    "Drone flight log {n_date}: pilot {pw} (remote ID), observer {p}, controller IP {ip}, roof of {n_place}.",
    # licence-server checkout logs
    'lmgrd: OUT: "solidcam" {p:lower}@{n_machine} from {ip} ; contact {email}',
    "licence checkout denied for user {pjr:lower} (host {ip:v6}); admin {p} notified.",
    # CNC program headers and robot teach-pendant headers
    "O4711 (PROG BY {pjr:caps} / CHECKED {pw:init} / {n_part} / {n_date})",
    "/PROG TOOL_CHANGE  ! Author: {p}  ! Mail: {email:angle}  ! Cell {n_machine}",
    # conflict-minerals declarations
    "CMRT row: company={n_maker}; contact={pw}; email={email}; phone={phone:np}; address={addr_np}",
    "Conflict-minerals declaration signed by {pw:title}, authorised rep {p}; smelter list due {n_date}.",
    # SDS requests
    "SDS request for {n_part}: send to {p}, {addr_jr}; 24h emergency {phone:jp}.",
    "SDS section 1 - emergency contact: {pw}, {phone}; supplier address {addr_cr}",
    # mould transfer agreements
    "Mould transfer agreement: tool {n_part} moved from {pw:poss} plant, {addr_cr}, to {n_place}; contact "
    "{phone:cr}.",
    # cycle-count discrepancies
    "Cycle-count variance {n_figure} at {n_place}; counted by {p} and {pw}, approved by {p:title}.",
    # trailer seal logs
    "Trailer seal log: seal broken by {p:lower}, driver {pw:capsfam}, fuel card {card}, gate {n_place}.",
    # EV-charger sessions
    "EV charger session #{num}: RFID of {p}, card {card}, {n_unit:energy}, receipt to {email}",
    "Charging point fault: {pw} was billed twice on card {card:bare}; refund by {p:init}.",
    # parcel-locker notifications
    "Parcel locker {num}: parcel for {p:caps}, pick-up code sent to {phone}, sender {pw}, {addr_si}.",
    # voicemail transcriptions
    "voicemail transcript: hi it's {pw:lower} from the calibration lab call me back on {phone:ext} thanks",
    'Voicemail (00:42): "{p:given} here, the delivery for {pw} goes to {addr_mt}, my number is {phone:mt}"',
    # hotel booking confirmations
    "Hotel confirmation for visiting technician {pw}: guarantee card {card}, postcode {zip:is}, booked "
    "by {p}.",
    "Booking for {pw:title}, arriving {n_date}; invoice to {addr_np}, e-mail {email:odd}",
    # field service reports
    "Field service report: engineer {pw} at customer site {addr_is}; customer signature {p}; next PM "
    "{n_date}.",
    "FSR {n_ticket}: {p:rev} replaced {n_part}; customer contact {pw}, {phone:is}, {email}",
    # remote-support session logs
    "[remote session] {n_time} {pw:lower} connected from {ip} to HMI {ip} (MAC {mac}); approved by {p}",
    "Remote support closed: vendor tech {pw} ({email}), plant host {p:at}, session from {ip:v6}",
    # EDIFACT despatch advice
    "NAD+ST+++{pw:caps}+{addr_si}' CTA+IC+:{p}' COM+{phone}:TE' COM+{email}:EM'",
    "DESADV {n_order}: ship-from contact {pw}, postcode {zip:si}; EDI CTA set by {p:init}",
    # vCard blocks
    "BEGIN:VCARD VERSION:3.0 FN:{pw} TEL;TYPE=work:{phone} EMAIL:{email} ADR:;;{addr_mt} END:VCARD",
    "vcf attachment: N:{p:rev} / TEL;CELL:{phone:cr} / ORG:{n_maker}",
    # LDIF directory exports
    "dn: cn={p},ou=Plant3 mail: {email} telephoneNumber: {phone:ext} postalCode: {zip}",
    "ldif: uid={pjr:lower}, manager: cn={p}, homePostalAddress: {addr_jr}",
    # DHCP leases
    "dhcpd: DHCPACK on {ip} to {mac} ({pw:host}-laptop) via eth0",
    'lease {ip} {{ hardware ethernet {mac}; client-hostname "{n_machine}"; uid "{pjr:lower}"; }}',
    # SQL rows in migration scripts
    "INSERT INTO hr_contacts VALUES ('{p}', '{mynum}', '{phone}', '{email}');",
    "INSERT INTO visitors (name, card, zip) VALUES ('{pw}', '{card}', '{zip}');",
    # HTTP access logs
    '{ip} - {pjr:lower} [{n_date}] "GET /portal?user={email} HTTP/1.1" 200',
    # interpreter bookings, ergonomic assessments, LPA cards, FMEA attendance, OCAP
    "Interpreter booked for {pw} (Nepali) by {p}; meet at {addr_np}, phone {phone:np}.",
    "Ergonomic assessment: operator {p}, assessor {pw:init}, station {n_machine}; commute postcode {zip:mt}.",
    "LPA card layer 2: auditor {p:caps}, area owner {pw}; finding on {n_machine} closed.",
    "FMEA review attendees: {p}, {pw}, {pjr} and {pw:init}; minutes to {email}.",
    "OCAP {n_ticket}: out-of-control on {n_machine}; call {p} ({phone:ext}) then {pw}.",
    # Japanese payroll and onboarding in English
    "HR onboarding (Japan): {pjr}, My Number {mynum}, address {addr_jr}, salary card {card}.",
    "Payroll import row: {p:caps};{mynum};{zip:jp};{phone:jp}",
    "{pw} asked HR to delete My Number {mynum} from the visitor file; {p:family} confirmed.",
    # names at the start of a sentence
    "{pw} reported the seal mismatch on trailer {n_order}; call back on {phone:is} before {n_time}.",
    "{p:init} and {pw:rev} counted {n_part} twice at {n_place}; the variance was closed by {p}.",
    # hard negatives only
    "SAFETY OBSERVATION CARD {n_ticket} | area {n_place} | {n_machine} guarded | per {n_std}",
    "e-KANBAN {n_part} qty {num} from {n_maker}, due {n_date}",
    "nutrunner trace {n_time} tool={n_machine} result=OK {n_unit:torque}",
    "Air-leak tag #{num}: {n_place}, est. loss {n_unit:air}; {n_namelike} check next.",
    "Confined-space entry {n_ticket}: {n_machine}, gas test {n_unit:gas}, per {n_std}.",
    "TEMP LOGGER ALERT shipment {n_order}: excursion {n_unit:temp} at {n_time}",
    "Drone flight log {n_date}: roof of {n_place}, {n_figure} of panels inspected.",
    "O5520 ({n_part} / {n_machine} / {n_date})",
    "CMRT summary: {n_maker}, {n_figure} of smelters validated, {n_std}.",
    "Mould transfer: tool {n_part} from {n_place} to {n_place}, {n_lot}.",
    "Cycle-count variance {n_figure} on {n_part} at {n_place}, {n_date}.",
    "Calibration of the {n_namelike} on {n_machine}: {n_unit}, cert {n_ticket}.",
    "FSR {n_ticket}: {n_maker} {n_machine} serviced, {n_part} replaced, {n_lot}.",
    "OCAP {n_ticket}: {n_namelike} out of limits on {n_machine}; hold {n_lot}.",
    "LPA card {n_ticket}: {n_place} audited to {n_std}, {n_figure} conformance.",
    "DESADV {n_order}: {num} x {n_part}, {n_lot}, {n_time}.",
    "vcf attachment: ORG:{n_maker} / NOTE:{n_namelike} on {n_machine}",
    "dhcpd: pool {n_place} at {n_figure} use, {n_time}",
)

JA_TEMPLATES = (
    # 安全観察カード
    "【安全観察カード】{n_ticket}　観察者：{p}　被観察者：{pw}（協力会社）　{n_machine}付近で安全帯未使用　"
    "指導{p:role}",
    "安全観察：{p:hon}が{n_machine}の停止確認を実施、良い行動として{pk}さんを推薦",
    # 電子かんばん
    "電子かんばん{n_part}　数量{num}　仕入先担当{pw}様　{addr_si}　TEL {phone:si}",
    "かんばん未回収（{n_place}）：{p:hon}が再発行、仕入先{pw}様（{email}）へ連絡済",
    # トルク記録
    "トルク記録 {n_time} 工具={n_machine} 作業者={p} 端末IP={ip} 判定=NG {n_unit:torque}",
    "増し締め記録：{p:role}が{n_machine}のボルト4本を再締付、立会{pk}さん、コントローラMAC {mac}",
    # エア漏れ札
    "エア漏れ札No.{num}　発見者{p}　場所{n_place}　推定損失{n_unit:air}　修理担当{p:hon}",
    # 酸欠危険作業監視記録
    "酸欠危険作業監視記録{n_ticket}：作業者{pw}、監視人{p:hon}、緊急連絡{phone:ext}、酸素濃度{n_unit:gas}",
    "槽内作業　入槽{p:kanji}　{n_time}　監視{p:role}　待機電話{phone:jp}",
    # 防虫防鼠点検報告
    "防虫防鼠点検報告：点検員{pw}氏（{addr_mt}）、次回予約は{p:hon}、{email:odd}",
    # 温度ロガー警報
    "【温度ロガー警報】出荷{n_order}　逸脱{n_unit:temp}　荷受人{pw}様　{addr_is}　TEL {phone:is}",
    "温度逸脱の確認：{p:hon}　運送会社担当{pw}様（{phone}）　ロガーMAC {mac}",
    # ドローン点検飛行記録
    "ドローン点検飛行記録{n_date}：操縦者{p}、補助者{p:hon}、送信機IP {ip}、{n_place}屋上",
    # ライセンスサーバログ
    'lmgrd: OUT: "solidcam" {pjr:lower}@{n_machine} 接続元 {ip}　管理者{p:role}',
    "ライセンス取得失敗：ユーザ{p}（端末{ip:v6}）、問い合わせ先{email}",
    # NCプログラムヘッダ・ロボット教示プログラム
    "O1234（作成：{p:kanji}　確認：{p:family}　{n_part}　{n_date}）",
    "/PROG TOOL_CHANGE　! 作成者 {p}　! 連絡 {email:angle}　! セル {n_machine}",
    # 紛争鉱物調査票
    "紛争鉱物調査票(CMRT)：会社={n_maker}；担当={pw}；メール={email}；電話={phone:np}；住所={addr_np}",
    "紛争鉱物不使用宣言書：署名{pw}氏、社内窓口{p:hon}",
    # SDS請求
    "SDS送付依頼：{n_part}のSDSを{jaddr:zip}の{p:hon}宛に、緊急連絡先{phone:jp}",
    "SDS第1項 緊急連絡先：{pw}、{phone}、供給者住所{addr_cr}",
    # 金型移管契約
    "金型移管契約：型{n_part}を{pw}様の工場（{addr_cr}）から{n_place}へ移管、連絡先{phone:cr}",
    # 棚卸差異
    "棚卸差異{n_figure}（{n_place}）：カウント{p}・{p}、承認{p:role}",
    # トレーラー封印記録
    "トレーラー封印記録：開封{p:hon}、運転手{pw}、燃料カード{card}、{n_place}",
    # EV充電記録
    "EV充電記録#{num}：利用者{p}、決済カード{card}、{n_unit:energy}、領収書送付先{email}",
    "充電器障害：{pw}様のカード{card:bare}に二重課金、返金手配{p:role}",
    # 宅配ロッカー通知
    "宅配ロッカー{num}番：{p:hon}宛の荷物、受取コードを{phone}へ送信、差出人{pw}",
    # 留守電文字起こし
    "留守電文字起こし：えー、{p:family}です。{p:hon}の件で、折り返し{phone:ext}までお願いします",
    "留守電（0:42）：「{pk}です、{pw}さん宛の荷物は{addr_mt}へ、番号は{phone:mt}です」",
    # 宿泊予約確認
    "宿泊予約確認：出張技術者{pw}様、保証カード{card}、郵便番号{zip:is}、手配{p:hon}",
    "宿泊予約：{p:hon}　チェックイン{n_date}　請求先{jaddr}　メール{email:odd}",
    # 出張サービス報告書
    "出張サービス報告書：技術員{pw}、訪問先{addr_is}、客先確認者{p:hon}、次回点検{n_date}",
    "サービス報告{n_ticket}：{p:role}が{n_part}を交換、客先窓口{pw}様 {phone:is} {email}",
    # リモート保守接続記録
    "[リモート保守] {n_time} {pw:lower} が {ip} から HMI {ip}（MAC {mac}）へ接続、承認{p:role}",
    # EDI出荷案内
    "NAD+ST+++{pw:caps}+{addr_si}' CTA+IC+:{p}' COM+{phone}:TE' COM+{email}:EM'",
    # vCard・LDIF
    "BEGIN:VCARD FN:{p} TEL;TYPE=work:{phone} EMAIL:{email} ADR:;;{jaddr} END:VCARD",
    "dn: cn={p},ou=第3工場 mail: {email} telephoneNumber: {phone:ext} postalCode: {zip}",
    # DHCPリース
    "dhcpd: DHCPACK on {ip} to {mac} ({pjr:host}-pc) via eth0",
    # SQL INSERT
    "INSERT INTO 社員連絡先 VALUES ('{p}', '{mynum}', '{phone}', '{email}');",
    "INSERT INTO 来訪者 (氏名, カード, 郵便番号) VALUES ('{pw}', '{card}', '{zip}');",
    # アクセスログ
    '{ip} - {pjr:lower} [{n_date}] "GET /portal?user={email} HTTP/1.1" 200（社内ポータル）',
    # 通訳手配・作業姿勢評価・階層別監査・FMEA・OCAP
    "通訳手配：{pw}さん（ネパール語）の面談、担当{p:hon}、集合場所{addr_np}、{phone:np}",
    "作業姿勢評価：作業者{p}　評価者{p:role}　工程{n_machine}　通勤経路確認用郵便番号{zip:jp}",
    "階層別監査カード：監査者{p:hon}　エリア責任者{p}　{n_machine}の指摘是正済",
    "FMEA出席者：{p}、{p:hon}、{pw}、{pk}　議事録は{email}へ",
    "OCAP{n_ticket}：{n_machine}で管理外れ、{p:hon}（{phone:ext}）→{p:role}へ連絡",
    # 入社手続・給与取込
    "入社手続：{p:kanji}　個人番号{mynum}　住所{jaddr:zip}　給与振込カード{card}",
    "給与取込行：{p},{mynum},{zip:jp},{phone:jp}",
    "扶養家族の個人番号{mynum}を{p:hon}が回収、保管は{p:role}",
    # 文頭の氏名
    "{p}より：金型{n_part}の移管日程は{n_date}で確定、{pw}様へ{email}で連絡済",
    "{pk}さんから留守電あり、折り返し先は{phone:np}、宿泊先は{addr_np}",
    # hard negatives only
    "【安全観察カード】{n_ticket}　{n_place}　{n_machine}の囲い良好　{n_std}準拠",
    "電子かんばん{n_part}　数量{num}　{n_maker}　納期{n_date}",
    "トルク記録 {n_time} 工具={n_machine} 判定=OK {n_unit:torque}",
    "エア漏れ札No.{num}　{n_place}　推定損失{n_unit:air}　次回{n_namelike}点検",
    "酸欠危険作業{n_ticket}：{n_machine}、酸素濃度{n_unit:gas}、{n_std}",
    "【温度ロガー警報】出荷{n_order}　逸脱{n_unit:temp}　{n_time}",
    "ドローン点検飛行記録{n_date}：{n_place}屋上、パネル{n_figure}を点検",
    "O5520（{n_part}　{n_machine}　{n_date}）",
    "紛争鉱物調査票：{n_maker}、製錬所{n_figure}確認済、{n_std}",
    "金型移管：型{n_part}を{n_place}から{n_place}へ、{n_lot}",
    "棚卸差異{n_figure}：{n_part}（{n_place}）、{n_date}",
    "{n_machine}の{n_namelike}校正：{n_unit}、証明書{n_ticket}",
    "サービス報告{n_ticket}：{n_maker}の{n_machine}点検、{n_part}交換、{n_lot}",
    "OCAP{n_ticket}：{n_machine}で{n_namelike}が管理外れ、{n_lot}を保留",
    "階層別監査{n_ticket}：{n_place}を{n_std}で監査、適合率{n_figure}",
    "出荷案内{n_order}：{n_part}×{num}、{n_lot}、{n_time}",
)


def _render(values: Values, lang: str, template: str) -> Sample:
    return render(values, lang, template, lambda name, tag: fill_slot(values, name, tag))


def generate_tenth(per_lang: int, seed: int = 7) -> list[Sample]:
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
