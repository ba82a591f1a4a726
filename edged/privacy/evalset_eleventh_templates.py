"""Sentence templates of the eleventh evaluation set (see :mod:`edged.privacy.evalset_eleventh`).

{slot} or {slot:tag}; ``{{`` and ``}}`` are literal braces. n_<kind> is a hard negative, num a filler
number. Latin person tags: caps, lower, given, family, init, initdot, rev, capsfam, title, poss, at,
host, suffix, plain; Japanese: hon, role, kanji, family. Phone tags name a region (pt, gr, lt, ke, jp)
or "ext" (an extension written after it); zip tags a region; email tags odd, angle, mailto.
"""

from __future__ import annotations

EN_TEMPLATES = (
    # gate-pass registers
    "GATE PASS {n_ticket} | visitor: {pw:caps} | host: {p} | vehicle pass for {n_place} | ID checked by "
    "{p:init}",
    "Gate-pass register: {pw} ({n_maker} service) in at {n_time}, escorted by {p:title}; mobile {phone:pt}.",
    # supplier audit agendas
    "Supplier audit agenda, day 1: opening meeting with {pw:title} (QA manager), plant tour led by {p}; "
    "venue {addr_pt}.",
    "Audit agenda sent to {email:angle} - lead auditor {p:rev}, co-auditor {pw}, site contact {phone:gr}.",
    # IoT provisioning manifests (TOML)
    '[device.{n_machine}] owner = "{p:lower}" ip = "{ip}" mac = "{mac}" notify = "{email}"',
    "# provisioning manifest - commissioned by {pw} on {n_date}; gateway {ip}, radio MAC {mac}",
    # MQTT payloads
    'plant/ke/boiler/alarm {{"ack_by": "{pw}", "callback": "{phone:ke}", "src": "{ip}"}}',
    'mqtt connect from [{ip:v6}] client_id=hmi-{pjr:host} user="{p:lower}"',
    # RADIUS / 802.1X authentication logs
    "radiusd: Login OK: [{p:lower}] (from client ap-{num} port 12 cli {mac}) via {ip}",
    "802.1X auth failed for {pw:lower} on switch {ip}, supplicant {mac}; ticket raised by {p:init}",
    # SNMP traps
    'snmptrapd: {ip} linkDown ifIndex={num} sysContact="{pw}, {phone:ext}" sysLocation={n_place}',
    # git commit trailers
    "fix(plc): debounce e-stop input on {n_machine}  Signed-off-by: {p} {email:angle}",
    "Co-authored-by: {pw} {email:angle}  Reviewed-by: {p:rev}",
    # Slack chat lines
    "[10:42] {p:at}: can someone cover gate 2? {pw:given} is at the dentist",
    "#maint-lt {pw:lower}: pump seal leaking again, call me {phone:lt}",
    # MECARD QR payloads
    "MECARD:N:{pw:rev};TEL:{phone};EMAIL:{email};ADR:{addr_gr};;",
    "QR badge payload MECARD:N:{pjr:rev};TEL:{phone:jp};NOTE:{n_place};;",
    # PDF form fields (FDF)
    "/T (EmployeeName) /V ({p}) /T (HomeAddress) /V ({addr_lt}) /T (Phone) /V ({phone:lt})",
    "PDF form field dump: Name={pw:caps}; Card={card}; Zip={zip:pt}; Signed={p:initdot}",
    # blood-donation drive, flu vaccination
    "Blood drive sign-up: {pw} (O+), {p}, {pjr} and {pw:poss} partner; reminders to {email:odd}",
    "Flu clinic slot {n_time}: {p:caps}, GP phone {phone:ke}, co-pay card {card}; nurse {pw:title}.",
    # evacuation roll calls
    "Evacuation roll call at {n_place}: missing {pw} and {p:family}; found by {pw:init} in the canteen.",
    # key cabinet logs
    "Key cabinet log: key {num} ({n_place}) out to {p:lower} at {n_time}, back from {pw:capsfam}.",
    # returnable containers
    "Returnable rack {n_order} left at customer; collect from {pw}, {addr_ke}, tel {phone:ke}",
    # crontab, ansible, journalctl
    "0 6 * * 1 /opt/report.sh --to {email} --cc {email:odd}  # owner: {p:lower}",
    "[plc_gateways] gw-{num} ansible_host={ip} owner='{pw}' contact='{phone:gr}'",
    "journalctl: sshd[{num}]: Accepted publickey for {pjr:host} from {ip:port} ssh2",
    # company-housing leases
    "Company housing lease: tenant {pjr}, unit {addr_jr}, deposit card {card}, guarantor {p:title}.",
    "Lease renewal for {pw} at {jaddr:zip}; My Number {mynum} on file with {p}.",
    # lab chain of custody
    "Chain of custody: sample {n_lot} relinquished by {p} to {pw:suffix}, courier tel {phone:ext}.",
    # IT asset disposal
    "Asset disposal cert: laptop of {pw:rev}, MAC {mac}, last IP {ip}, wiped by {p:init}.",
    # carpool rosters
    "Carpool roster wk 14: driver {pw}, riders {p}, {pw:given} and {pjr:capsfam}; pick-up {addr_pt}; fuel "
    "card {card}",
    # tender-opening minutes
    "Tender opening minutes: bids opened by {p:title} in presence of {pw} and {pw:suffix}; bidder contact "
    "{email}, {phone:gr}.",
    # welder qualification records
    "WPQ record: welder {pw:caps}, stamp W-{num}, witnessed by {p}; home address {addr_gr}",
    # boiler logbooks
    "Boiler log {n_date}: shift boiler operator {p:given}; relieved by {pw}; call-out {phone:ext}",
    # print-server page logs
    "cups page_log: hp-lj{num} {pjr:host} {num} [{n_date}] 3 1 - {ip} payslip_{pw:host}.pdf",
    # VPN gateway logs
    "vpn-gw: user {p:lower} assigned {ip} (public {ip}), device MAC {mac}, token mailed to {email}",
    # per-diem claims, apprentice letters
    "Per-diem claim: {pw}, trip to {n_place}, card {card:bare}, approver {p}; bank post code {zip}",
    "Apprentice placement: {pw} ({pw:given}'s guardian: {p}) reports to {pjr:title}, {addr}.",
    "Dear {pw:title}, your My Number {mynum} and postcode {zip:jp} were received. Regards, {p}",
    "Corporate card reissued to {pw:caps}: new {card}, old {card:bare} blocked by {p:init}.",
    "Residence-card copy for {pw}: My Number {mynum}, home postcode {zip:ke}, sponsor {p}.",
    # names at the start of a sentence
    "{pw} swapped the Line Aurora shift with {p:init}; call {phone:pt} if the gate pass fails.",
    "{p:caps} - key returned late; {pw:given} signed for it.",
    # hard negatives only
    "GATE PASS {n_ticket} | vehicle for {n_place} | {n_maker} service | in {n_time}",
    "Supplier audit agenda: {n_std} clauses 7-9, {n_place} walk, {n_date}.",
    '[device.{n_machine}] firmware = "4.{num}.1" site = "{n_place}"',
    "snmptrapd: linkUp ifIndex={num} on {n_machine}, {n_time}",
    "fix(hmi): {n_namelike} alarm text on {n_machine}, closes {n_ticket}",
    "Roll call at {n_place}: {n_figure} accounted for by {n_time}.",
    "Key cabinet: key {num} for {n_place} returned {n_date}.",
    "Returnable rack {n_order}: {num} x {n_part}, {n_lot}.",
    "Boiler log {n_date}: {n_machine} at {n_unit}, {n_namelike} checked.",
    "WPQ record {n_ticket}: {n_std}, {n_part}, {n_unit} root gap.",
    "Tender {n_ticket}: {n_maker} bid {n_figure}, {n_machine}, delivery {n_date}.",
    "radiusd: Login OK: [svc-plc{num}] for {n_machine}, {n_time}",
    "Blood drive at {n_place} on {n_date}: {n_figure} donors, {n_namelike} on site.",
    "Chain of custody: {n_lot} to {n_place}, {n_unit}, per {n_std}.",
)

JA_TEMPLATES = (
    # 入構許可証台帳
    "入構許可証{n_ticket}　来訪者：{pw}様　受入担当：{p:hon}　車両{n_place}　確認{p:role}",
    "入構許可証台帳：{p}（{n_maker}）入構{n_time}、同行{p:hon}、携帯{phone:jp}",
    # 監査日程表
    "監査日程表　1日目：開会（{pw}様、品質部長）、工場巡回は{p:role}が案内、会場{jaddr}",
    "監査日程を{email:angle}へ送付、主任監査員{p:hon}、副監査員{pw}氏、現地窓口{phone:gr}",
    # IoT機器登録、TOML形式
    '[device.{n_machine}] 管理者 = "{p}" ip = "{ip}" mac = "{mac}" 通知先 = "{email}"',
    "# IoT機器登録：{p:hon}が{n_date}に設定、ゲートウェイ{ip}、無線MAC {mac}",
    # MQTTペイロード
    'plant/jp/boiler/alarm {{"確認者": "{p}", "折返し": "{phone:jp}", "送信元": "{ip}"}}',
    # 無線LAN認証ログ
    "無線LAN認証ログ：ユーザ{pjr:lower}　端末{mac}　AP {ip}　結果=失敗、対応{p:role}",
    # SNMPトラップ
    "SNMPトラップ：{ip}　リンク断　管理者{p:hon}（{phone:ext}）　設置場所{n_place}",
    # Gitコミット
    "fix: {n_machine}の非常停止入力を修正　Signed-off-by: {pw} {email:angle}　確認{p:hon}",
    # 社内チャット
    "[10:42] {p:hon}：ゲート2の代わり誰かお願いします、{pk}さんが通院中です",
    "#保全 {p}：ポンプのシール漏れ再発、{phone}まで電話ください",
    # QRコード、MECARD形式
    "QRコード内容 MECARD:N:{p};TEL:{phone:jp};EMAIL:{email};ADR:{jaddr};;",
    # PDFフォーム
    "PDFフォーム項目：氏名={p:kanji}；住所={jaddr:zip}；電話={phone:jp}；個人番号={mynum}",
    # 献血受付
    "献血受付：{p:hon}（A型）、{pk}さん、{p}さん　連絡は{email:odd}へ",
    # インフルエンザ予防接種
    "インフルエンザ予防接種　{n_time}枠：{p:kanji}、かかりつけ医{phone:jp}、担当{p:role}",
    # 避難点呼
    "避難点呼（{n_place}）：{p:hon}・{pk}さん未確認、食堂で{p:role}が発見",
    # 鍵管理簿
    "鍵管理簿：鍵{num}（{n_place}）貸出{p:hon}　{n_time}　返却{p}",
    # 通い箱管理
    "通い箱{n_order}未回収：回収先{pw}様、{addr_ke}、TEL {phone:ke}",
    # 社宅契約
    "社宅契約：入居者{p:kanji}、住所{jaddr:zip}、敷金決済カード{card}、保証人{p:hon}",
    "社宅更新：{pk}さん（{addr_jr}）、個人番号{mynum}、手続{p:role}",
    # 試料受渡記録
    "試料受渡記録：{n_lot}を{p:hon}から{pw}氏へ引渡し、運送業者連絡先{phone:ext}",
    # PC廃棄証明
    "PC廃棄証明：使用者{p}、MAC {mac}、最終IP {ip}、消去作業{p:role}",
    # 相乗り通勤名簿
    "相乗り通勤名簿：運転{p:hon}、同乗{p}・{pk}、集合場所{n_place}",
    # 開札記録
    "開札記録：開札者{p:role}、立会{p:hon}、入札者窓口{pw}様（{email}、{phone:lt}）",
    # 溶接技能者台帳
    "溶接技能者台帳：{p:kanji}（{n_std}）、証明{p:hon}、現住所{jaddr}",
    # ボイラー日誌
    "ボイラー日誌{n_date}：取扱者{p:family}、交代{p:hon}、緊急呼出{phone:ext}",
    # 印刷ログ
    "印刷ログ：プリンタ{num} ユーザ{pjr:lower} 端末{ip} 文書「給与明細_{p}.pdf」",
    # VPNログ
    "VPNログ：{p}が{ip}から接続、割当{ip:v6}、端末MAC {mac}、通知{email}",
    # 日当精算
    "日当精算：{p:kanji}、出張先{addr_pt}、法人カード{card:bare}、承認{p:role}",
    # 技能実習生受入通知
    "技能実習生受入通知：{pk}さん（{pw}）の住居は{jaddr}、監理団体担当{p:hon}、{phone}",
    "{pw}様　個人番号{mynum}と郵便番号{zip:jp}を受領しました。{p:hon}より",
    # 海外拠点
    "リスボン出張：宿泊先{addr_pt}、現地窓口{pw}氏（{phone:pt}）、手配{p:hon}",
    "カウナス工場の担当{pw}氏　{addr_lt}　郵便番号{zip:lt}　連絡{email}",
    "法人カード再発行：{p:hon}　新カード{card}　旧カード{card:bare}は停止済",
    "在留カード写し受領：{pk}さん、個人番号{mynum}、郵便番号{zip}、担当{p:role}",
    # 文頭の氏名
    "{p}より：{n_machine}の点検結果を{pw}様へ{email}で送付済",
    "{pk}さんから電話、折り返しは{phone:ke}、宛先は{addr_gr}",
    # hard negatives only
    "入構許可証{n_ticket}　車両{n_place}　{n_maker}　入構{n_time}",
    "監査日程表：{n_std}第7～9項、{n_place}巡回、{n_date}",
    '[device.{n_machine}] firmware = "4.{num}.1" 設置 = "{n_place}"',
    "SNMPトラップ：{n_machine}　リンク回復　{n_time}",
    "fix: {n_machine}の{n_namelike}表示を修正　{n_ticket}",
    "避難点呼（{n_place}）：{num}名確認、{n_time}完了",
    "鍵管理簿：鍵{num}（{n_place}）返却{n_date}",
    "通い箱{n_order}：{n_part}×{num}、{n_lot}",
    "ボイラー日誌{n_date}：{n_machine}　{n_unit}　{n_namelike}点検済",
    "溶接技能者台帳{n_ticket}：{n_std}、{n_part}、{n_unit}",
    "開札記録{n_ticket}：{n_maker}　入札額{n_figure}　{n_machine}　納期{n_date}",
    "献血バス（{n_place}）：{n_date}、受付{num}名、協力金{n_figure}、{n_namelike}持参",
)
