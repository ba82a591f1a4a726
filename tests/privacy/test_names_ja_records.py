"""Japanese names a record's slot places (names_ja_records.py), the kana and katakana subjects and
fields (names_ja_kana.py, names_ja.py), romanised names before an honorific, tools and makers that
look like names. Every value is invented for these tests; no evaluation set holds them."""

from __future__ import annotations

import time

import pytest

from edged.privacy import Redactor
from edged.privacy.evalset import eval_config
from edged.privacy.names_ja import JapaneseNames
from edged.privacy.names_ja_records import chained, find
from edged.privacy.registry import Resources
from tests.privacy.conftest import found


def persons(redactor: Redactor, text: str) -> list[str]:
    return [value for kind, value in found(redactor, text) if kind == "PERSON"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a record's cue, then a surname no list holds (by shape), a given name after a space
        ("点検記録：承認 鬼怒川　みのり <k.m@example.jp>", "鬼怒川　みのり"),
        ("作業日報 起票猿渡　宗一郎、対象ラインB", "猿渡　宗一郎"),
        ("安全パトロール 主催百々　来場者は北門から", "百々"),
        ("溶接検査立会五百旗頭まどかリーダー、結果は別紙", "五百旗頭まどか"),
        ("是正処置 監督八月一日課長", "八月一日"),
        ("返品連絡 担当小鳥遊ちづる様（内線4410）", "小鳥遊ちづる"),
        # a log's person key: whatever its words, the value is a user
        ("印刷ログ 08:10 user=十二月田　ゆきえ job=print pages=3", "十二月田　ゆきえ"),
        ("入退室ログ owner=六月一日朔 door=3", "六月一日朔"),
        # a kanji surname, a space, a hiragana given name, a title
        ("回覧：品証→三ツ矢　すずねリーダー→工場長", "三ツ矢　すずね"),
        # the subject of an absence
        ("休暇連絡：轟は来週まで休暇中です。", "轟"),
        # a record's subject before its changed fields
        ("従業員情報変更：纐纈　新住所は別紙", "纐纈"),
        # a name's field before its department's field
        ("【名刺OCR】一番ヶ瀬｜生産技術課｜TEL 0000", "一番ヶ瀬"),
        # whoever a word in 者 names, after は too, with a katakana or glued given name
        ("特許出願 共同発明者五十嵐谷ゆかり　住所別紙", "五十嵐谷ゆかり"),
        ("配属通知：後任は百足屋みのる。", "百足屋みのる"),
        ("来客案内 担当百舌鳥マリエ　10:00", "百舌鳥マリエ"),
        # a given name the dictionary tags, after a space or at the run's end, makes the run a name
        ("是正報告 起票二月堂　健太、対象ライン3", "二月堂　健太"),
        ("購入稟議 申請者鶴ヶ谷美咲", "鶴ヶ谷美咲"),
        # a writer names themself
        ("はい蓮ですけど今12.5 bar出てます", "蓮"),
        ("総務課の鬼頭原 みのりです。よろしくお願いします。", "鬼頭原 みのり"),
        # a chat line's speaker
        ("LINE 壱岐野「明日の朝礼、8時集合で」", "壱岐野"),
        # a foreign name in katakana after a cue, naming themself, speaking
        ("購買依頼 起票ザルガリアン・ティグラン　承認 課長", "ザルガリアン・ティグラン"),
        ("保全依頼 依頼者ペ スンホ、内線5602", "ペ スンホ"),
        ("お疲れ様です。第二班のオユンチメグ バトです。", "オユンチメグ バト"),
        ("LINE ヌルラン「明日の朝礼は中止」", "ヌルラン"),
        # the day's worker; a record's subject before a personal field
        ("本日御手洗谷が成形機の日常点検を行い、異常なし。", "御手洗谷"),
        ("経費精算　五十公野　法人カード末尾1234", "五十公野"),
        # a log key with quotes, a mention with a given name
        ('gateway: { owner: "左衛門三郎", tel: "x" }', "左衛門三郎"),
        ("コメント（@鬼塚谷　のぞみ）：交換済み", "鬼塚谷　のぞみ"),
        # a rare kanji run before an honorific or a title, a given name in hiragana glued to it
        ("先日は鵜飼谷さんに説明済み", "鵜飼谷"),
        ("お祝いは月末までに宇留賀みゆ技師へ。", "宇留賀みゆ"),
        ("労災申請のため猪子谷　翔殿の書類を確認", "猪子谷　翔"),
    ],
)
def test_names_in_a_record_slot_come_whole(redactor: Redactor, text: str, name: str) -> None:
    # the whole name inside one finding (纐纈 may take its next field's label with it)
    assert any(name.replace("\u3000", " ") in p.replace("\u3000", " ") for p in persons(redactor, text))


def test_an_approval_chain_names_every_member(redactor: Redactor) -> None:
    text = "稟議経路：四十八願→栗花落　湊工場長→課長"
    assert {"四十八願", "栗花落\u3000湊"} <= set(persons(redactor, text))


def test_a_list_of_names_ends_at_the_next_fields_cue(redactor: Redactor) -> None:
    # the cue of the record's next field (、起票, 、担当) is no member of the list before it: only
    # the names are masked, the cue words stay for the reader
    text = "設備変更申請の承認 鷲巣　ちさと、起票 猪狩　蒼真。"
    assert persons(redactor, text) == ["鷲巣　ちさと", "猪狩　蒼真"]
    assert persons(redactor, "承認：鈴木、担当 猪狩　蒼真") == ["鈴木", "猪狩　蒼真"]
    assert persons(redactor, "夜勤者：山田、佐藤、鈴木（計3名）") == ["山田", "佐藤", "鈴木"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("購買マスタ：口座名義をかさはら のどかが変更", "かさはら のどか"),
        ("不在通知：タマル ゴギナシヴィリは出張中", "タマル ゴギナシヴィリ"),
        ("【名刺OCR】ウルグベク トゥルスノフ｜品質保証部", "ウルグベク トゥルスノフ"),
        ("検査報告はHwang Daebin様へ送付", "Hwang Daebin"),
        ("見積はWi Haneul様宛", "Wi Haneul"),
        # a Latin name as a record field's value
        ("[呼出] 08:12 成形棟 応答=Ngô Thảo 品目=77", "Ngô Thảo"),
    ],
)
def test_kana_katakana_and_romanised_names_come_whole(redactor: Redactor, text: str, name: str) -> None:
    assert name in persons(redactor, text)


@pytest.mark.parametrize(
    "text",
    [
        # a record's cue before words, not a name
        "設備変更申請の承認経路：課長→部長",
        "点検結果の確認方法を見直し",
        "立会検査は来週",
        "作成日 2031/04/01、承認待ち",
        "監督署へ提出済み",
        "担当工程：溶接",
        "user=admin job=print",
        "確認済み、主催者：安全衛生委員会",
        # tools and equipment named like people
        "【治工具】金剛砥石｜ロボットセル",
        "旋盤2号の弁慶治具を交換",
        "大黒ポンプの点検",
        # makers written in kanji
        "通関インボイス 品番X-12×4　大隈　金額1,000円",
        "デモ機：津上の自動盤を借用",
        # an absence whose subject is no one
        "本日は出張者なし",
        "工場長は出張中",
        # a phrase before です, a label before a quote, a word before an honorific
        "以上です。",
        "確認中です",
        "件名「定期点検のお知らせ」",
        "お客様各位",
        "ご担当者様",
        "安城様向けの出荷",  # a customer's site
        "宛名 株式会社",
        "業者さんが来場",
        "品質連絡：碧南市様より打痕の指摘",  # a city, a ward
        "連絡：南区様より",
        "来客受付：訪問先：品証ラボ",  # a room of the plant after a visit's cue
        "立会 不要",  # an adjectival noun after a cue
        "はい大丈夫ですけど",
        "応答=OK",
        "確認：Excel",  # one capitalised word, a product as often as a name
        "担当ライン：第2組立",  # loanwords after a cue
        "起票システム　自動",
        "申請者：総務部、承認：工場長",  # departments
        "作成者：品質保証課",
        "報告者：匿名",
        "社外講師様による研修",
        "一同様",
        "本日入荷分が不足",
        "アラーム「E-212」発生",
        "エラー「通信断」",
        # a department or a number before a title or an honorific
        "総務さんへ提出",
        "品管さんから連絡",
        "第二工場長",
    ],
)
def test_plant_words_after_record_cues_stay(redactor: Redactor, text: str) -> None:
    assert persons(redactor, text) == []


def test_a_kanji_maker_with_an_honorific_or_cue_is_a_person(redactor: Redactor) -> None:
    assert "大隈" in persons(redactor, "大隈さんに連絡")
    assert "津上" in persons(redactor, "担当：津上")


def test_a_date_before_a_name_stays_out_of_it(redactor: Redactor) -> None:
    # 14日 is the date's end, not a surname before a given name
    assert persons(redactor, "来客受付簿　2031年3月14日　鵜飼谷　蓮様　入館9時") == ["鵜飼谷　蓮"]


def test_a_title_after_a_surname_is_no_plant(redactor: Redactor) -> None:
    # 井上工場 is a plant, 井上工場長 a person
    assert "井上" in persons(redactor, "計量票：立会井上工場長")


@pytest.fixture(scope="module")
def dictionary() -> JapaneseNames:
    resources = Resources(eval_config())
    return JapaneseNames(resources.analyzer, resources.name_readings)


@pytest.mark.parametrize(
    "unit",
    [
        "承認 ",
        "user=",
        "→",
        "承認山田 ",
        "は出張",
        "：百目 新",
        "】鬼｜総務課｜",
        "岡田 こはる",
        # Latin values, katakana bodies, self-naming, speakers, runs before a title
        "者=Ab",
        "応答=Ab-",
        "起票ア・",
        "はいアです",
        "LINE 鬼「",
        "本日鬼",
        "鬼鬼さ",
    ],
)
def test_record_rules_take_roughly_linear_time(dictionary: JapaneseNames, unit: str) -> None:
    def timed(n: int) -> float:
        text = (unit * (n // len(unit) + 1))[:n]
        started = time.perf_counter()
        spans = list(find(text, dictionary))
        list(chained(text, spans, dictionary))
        return time.perf_counter() - started

    timed(1000)
    small = timed(5_000)
    large = timed(20_000)
    # the floor keeps a busy machine's pauses from reading as growth; quadratic work takes seconds
    assert large < 10 * max(small, 0.2), (small, large)
