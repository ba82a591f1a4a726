"""The tables the Japanese name finder reads: honorifics, titles, role words, words that are not
names, and the patterns of name-like runs (``names_ja.py`` and ``names_ja_extent.py`` use them)."""

from __future__ import annotations

import re

HONORIFICS = ("さん", "さま", "様", "氏", "殿", "くん", "君", "ちゃん", "先生")
TITLES = (
    "工場長",
    "課長",
    "部長",
    "班長",
    "係長",
    "主任",
    "社長",
    "所長",
    "職長",
    "組長",
    "リーダー",
    "マネージャー",
    "技師",
    "主査",
    "室長",
    "次長",
    "本部長",
    # titles of the shop floor and deputies (躑躅森作業長, 唯久保工場長代理)
    "作業長",
    "工長",
    "副長",
    "グループ長",
    "チーフ",
    "先輩",
    # heads of a centre or office and the posts a site names a person by (伊藤センター長, 林検査員)
    "センター長",
    "事務所長",
    "支店長",
    "検査員",
    "技術員",
    "点検員",
    "指導員",
)
ROLE_CUES = (
    "担当者",
    "担当",
    "作業者",
    "作業員",
    "オペレーター",
    "オペレータ",
    "点検者",
    "確認者",
    "報告者",
    "記入者",
    "責任者",
    "検査員",
    "検査者",
    "連絡先",
    "宛先",
    "差出人",
    "送信者",
    "発信者",
    "引継ぎ先",
    "引継先",
    "引き継ぎ先",
    "交代者",
    "当番",
    "承認者",
    "依頼者",
    "立会者",
    "監督者",
    "起票者",
    "対応者",
    "発見者",
    "申請者",
    "氏名",
    "お名前",
    "名前",
    "受講者",
    "修了者",
    "講師",
    "確認者",
    "通訳",
    "案内",
    "起票者",
    "実施者",
    "立会者",
    "受付者",
    "作成者",
    "記録者",
    "保全担当",
    # people named in forms and rosters: drivers, family members, trainers and trainees
    "運転手",
    "配偶者",
    "扶養者",
    "喪主",
    "指導員",
    "実習生",
    "来訪者",
    "訪問者",
    # personnel notices, key and card logs, suggestion forms: who follows is a person
    "後任",
    "前任",
    "貸出先",
    "利用者",
    "使用者",
    "提案者",
    "管理者",
    "受領者",
    "返却者",
    "同行者",
    "保護者",
    # forms of the shop floor: drivers' logs, acceptance, accidents, interviews, events, visits
    "運転者",
    "検収者",
    "被災者",
    "面談者",
    "幹事",
    "ホスト",
    "夜勤",
    "日勤",
    "宛",
    "Cc",
    "CC",
    "From",
    "To",
    *TITLES,
)
# Cues of a record's people (who approved, wrote, hosted, witnessed, supervised, is in charge):
# a name-shaped run after one is a name (names_ja_records.py); not role words of ROLE_CUES, whose
# looser rule would take 承認経路's 経路 for one.
_RECORD_CUE_TEXT = (
    "承認者 承認 起票者 起票 主催者 主催 立会者 立会人 立会い 立会 立ち会い 監督者 監督 "
    "担当者 担当 申請者 申請人 作成者 作成 確認者 確認 審査者 照査者 照査 検図者 検図 "
    "検印 決裁者 決裁 査閲者 発行者 受付者 依頼者 報告者 記録者 点検者 検査者 検査員 "
    "責任者 入力者 登録者 更新者 変更者 実施者 発注者 窓口 司会 議長 書記 講師 受入 返却 呼出 回収 "
    "訪問先 応答"
)
RECORD_CUES = tuple(_RECORD_CUE_TEXT.split())
# After a name: 林から電話, 清水に連絡 (a person is who calls or is called).
CONTACT_AFTER = (
    "から電話",
    "から連絡",
    "からメール",
    "から報告",
    "より連絡",
    "より報告",
    "に電話",
    "に連絡",
    "へ連絡",
    "にメール",
    "が対応",
    "が確認",
    "が担当",
)
# Words that take an honorific but are not names (お客様, 皆さん, 業者さん, ご担当者様).
NOT_NAMES = frozenset(
    {
        # what stands in a person's field when no one does (後任は未定, 利用者：全員)
        "未定",
        "全員",
        "各自",
        "本人",
        "不在",
        "不明",
        "なし",
        "無し",
        "未記入",
        "空欄",
        "該当なし",
        "募集中",
        "客",
        "お客",
        "皆",
        "みな",
        "皆様",
        "みなさん",
        "担当",
        "担当者",
        "ご担当",
        "ご担当者",
        "業者",
        "作業者",
        "関係者",
        "各位",
        "利用者",
        # a desk in a person's field (受付担当：窓口); a common word the dictionary knows is no test:
        # rare surnames are spelt as words too (薬袋, 月見里)
        "窓口",
        "受付",
        "代表",
        "事務局",
        "運転手",
        "先方",
        "相手",
        "社員",
        "作業員",
        "お医者",
        "医者",
        "大家",
        "職人",
        "運送屋",
        "警備",
        "清掃",
        "派遣",
        "新人",
        "先輩",
        "後輩",
        "上司",
        "部下",
        "お父",
        "お母",
        "奥",
        "お子",
        "子供",
        "皆んな",
        "ドライバー",
        "メーカー",
        "お得意",
        "得意先",
        "取引先",
        "お取引先",
        "お疲れ",
        "ご苦労",
        "御中",
        "殿",
        "様",
        "貴社",
        "御社",
        "当社",
        "弊社",
        "作業",
        "点検",
        "保全",
        "設備",
        # a role or a body before an honorific (部長さん, 社外講師様, 関東支店様, 一同様), no one's name
        "匿名",
        "一同",
        "本社",
        "支店",
        "講師",
        "部長",
        "課長",
        "係長",
        "社長",
        "監督",
    }
)
# A surname-tagged word right before these is a place or a company (豊田市, 本田技研, 松下電器).
PLACE_OR_COMPANY_AFTER = (
    "市",
    "町",
    "村",
    "区",
    "県",
    "郡",
    "駅",
    "工場",
    "製作所",
    "電機",
    "電器",
    "工業",
    "商事",
    "株式会社",
    "通り",
    "線",
    "川",
    "橋",
    "建設",
    "重工",
    "自動車",
    "精機",
    "化学",
    "技研",
    "織機",
    "産業",
    "製薬",
    "銀行",
    "病院",
    "大学",
    "本社",
    "支店",
    "営業所",
    "事業所",
    "センター",
    "港",
    "口",
    "インター",
    "IC",
    "ホール",
)
_KANJI_KANA = re.compile(r"^[\u3040-\u30ff\u4e00-\u9fff々ヶヵー]+$")
_KATAKANA = re.compile(r"^[\u30a0-\u30ffー]+$")
_KANJI_ONLY = re.compile(r"^[\u4e00-\u9fff々]+$")
_LATIN_NAME = re.compile(r"[A-Z][a-z]+(?:[ \-][A-Z][a-z]+){0,3}|[A-Z]{2,}(?: [A-Z][a-z]+){0,2}")
_PARTICLES = frozenset("がはにのとへをもや")
_CUE_TAIL = re.compile(r"\s*(?:[:：]|は|の|、|\s|\(|（)?\s*")
MAX_NAME_CHARS = 10
MAX_WHOLE_NAME = 12
MAX_KATAKANA_NAME = 30
_KATAKANA_NAME = re.compile(r"[\u30a1-\u30faー]+(?:[ ・=゠][\u30a1-\u30faー]+){0,4}")
_JA = "\u4e00-\u9fff々\u30a1-\u30faー"  # kanji and katakana
_BRACKETED = re.compile(rf"[（(]([{_JA}]{{1,5}}(?:[ ・][{_JA}]{{1,5}})?)[）)]")
_CONTACT_BEFORE = re.compile(r"(?:@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}|[0-9]{2,4}-[0-9]{2,4}-[0-9]{3,4}|[:：])\s?$")
# a capital of any Latin block starts a word (Çelik, Łukasz, Ødegaard)
_LATIN_CAPITAL = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u024f"
_LATIN_WORD = rf"(?:O'|Mc|Mac|D')?[{_LATIN_CAPITAL}][a-z\u00c0-\u024f]+(?:[A-Z][a-z]+)?"
_LATIN_RUN = re.compile(
    rf"(?<![A-Za-z\u00c0-\u024f0-9]){_LATIN_WORD}(?:[ \-]{_LATIN_WORD}){{1,3}}(?![A-Za-z\u00c0-\u024f0-9])"
)
_LATIN_PLANT_WORDS = (
    "line pump press robot cell unit plant factory building warehouse gate bay dock team shift "
    "quality control safety smart system systems solutions logistics industries electric motor "
    "motors corporation company inc ltd co group japan tokyo osaka tech technology engineering "
    "service services center centre office north south east west new the and of"
)
_LATIN_NOT_NAMES = frozenset(_LATIN_PLANT_WORDS.split())
# Old forms of kanji common in names, with the form the dictionary knows; one for one.
_ITAIJI = str.maketrans(
    "髙﨑邊邉齋齊澤濱國關黑彌晉廣櫻瀨嶋嶌槇德惠眞藏寬條增實壽靜淸榮圓會學萬與兒將龜邨冨埜嵜琢曻濵槗舘𠮷",
    "高崎辺辺斎斉沢浜国関黒弥晋広桜瀬島島槙徳恵真蔵寛条増実寿静清栄円会学万与児将亀村富野崎琢昇浜橋館吉",
)
_NC = r"\u4e00-\u9fff々〆ヶ\u30a1-\u30faー\uf900-\ufaff"  # kanji (old forms too) and katakana
_NAME_RUN = re.compile(rf"[{_NC}・=゠ \u3000]+")
# after a name: more name characters, or one space (or ・) and a run of them; kana given names
# written in hiragana after a space (小鳥遊 ひなた様) too
_NOT_KANA_NAME = "(?!さん|さま|くん|ちゃん|どの|から|まで|です|より)"  # honorifics and particles
_NAME_AFTER = re.compile(
    rf"[{_NC}]*(?:(?:[ \u3000・=゠][{_NC}]+){{1,4}}"
    rf"|[ \u3000]?{_NOT_KANA_NAME}[\u3041-\u3096]{{2,4}}[子美恵]?"
    rf"(?=さん|様|さま|氏|殿|君|くん|[ \u3000、。,.（(|｜/のがはにとをへも]|$))?"
)
_NAME_BEFORE = re.compile(rf"(?:[{_NC}]+[ \u3000・=゠]){{0,4}}[{_NC}]*$")
_END_MARKS = frozenset("、。，．,.!?！？)）」』】\n:：/（( ")
_ORG_END = re.compile(
    r"(?:部|課|係|室|班|所|工場|棟|ライン|会社|センター|グループ|チーム|号機|倉庫|事業所|エリア|ヤード|置場|場)$"
)
# a sign-off field's state, alone after its colon (承認：済, 点検：要): one kanji that is also a given
# name (済 Wataru, 要 Kaname), so only there
FIELD_STATES = frozenset("済要未可否了完")
# words that start with an honorific's kanji: a form (申請様式), a name field's label (届　氏名)
NO_HONORIFIC = ("様式", "氏名")
# the head of a line, a team or a section (ライン長, 班長, 工場長): a post after a role word, not a name
ROLE_HEAD = re.compile(r"(?:ライン|グループ|チーム|センター|シフト|班|職|係|課|部|室|工場|所|店)長$")
DEPARTMENT = re.compile(
    r"^(?:営業|製造|品質|総務|人事|経理|技術|生産|保全|設備|開発|購買|物流|工務|検査|管理|品証|資材|"
    r"安全|環境|企画|情報|システム|業務|工場|品管|生技|調達|設計|法務|広報|財務|経営)$"
)
# words of a foreign name are joined by a space, ・ or a double hyphen (＝, ゠: レ＝ミン＝トゥアン)
_KATAKANA_WORDS = re.compile(
    r"(?:[\u30a1-\u30faー]{2,}|[\u30a1-\u30fa](?=[・=゠]))(?:[ ・=゠][\u30a1-\u30faー]{1,}){0,4}"
)
_GLUED_RUN = re.compile(rf"[{_JA}]{{2,6}}(?:[ ・][{_JA}]{{1,6}}){{0,3}}")
_HIRAGANA_GIVEN = re.compile(rf"{_NOT_KANA_NAME}[\u3041-\u3096]{{2,4}}[子美恵]?")
_FIELD_SEPARATORS = " :：、。\n|｜/／\t】"  # 【名刺OCR】氏名｜: a bracketed label ends a field too
# anchored at the start of a katakana run: unanchored, a long run without a separator made the
# search quadratic
_KATAKANA_FULL = re.compile(
    r"(?<![\u30a1-\u30faー])[\u30a1-\u30faー]{2,}(?:[ ・=゠][\u30a1-\u30faー]{2,}){1,3}"
)
# @及川　ひなた: a hiragana given name after a space too
_MENTION = re.compile(
    r"@([\u4e00-\u9fff々\u30a1-\u30faー]{2,8}(?: [\u3041-\u3096]{2,5}(?![\u3041-\u3096]))?)"
)
# ・ separates names only before a kanji one (吉田結衣・御子柴); between katakana it joins the words
# of one foreign name (ヨゼフ・カミッレーリ)
_LIST_SEPARATOR = re.compile(r"[、,と/／]\s?|・(?=[\u4e00-\u9fff々])|\s[0-9]{1,2}[.)]\s")
_LIST_ITEM = re.compile(
    r"[\u4e00-\u9fff々\u30a1-\u30faー]{1,6}(?:[ ・=゠][\u4e00-\u9fff々\u30a1-\u30faー]{1,8}){0,3}"
    r"|[A-Z][a-z]+(?: [A-Z][a-z]+){1,3}"
)
