"""The labelled plant notes of `edged eval extract` (a data table): 20 English and 20 Japanese
notes from three kinds of source (shift logs and handovers, maintenance tickets, alarm texts),
each with the fields a person reads from it. Written, with their answers, before the evaluation
first ran, and not used to write or tune any prompt.

The fields: ``machine``, the equipment id as written; ``stopped``, whether the note says the
machine is stopped now; ``category``, what is wrong; ``shift``, the shift the note names (null
when it names none: a clock time alone does not say).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

SCHEMA: Final[dict[str, Any]] = {
    "type": "object",
    "properties": {
        "machine": {"type": "string"},
        "stopped": {"type": "boolean"},
        "category": {"enum": ["leak", "noise", "overheat", "electrical", "sensor", "other"]},
        "shift": {"enum": ["day", "night", None]},
    },
    "required": ["machine", "stopped", "category", "shift"],
}


@dataclass(frozen=True)
class Note:
    text: str
    language: str  # "en" or "ja"
    source: str  # "shift", "ticket" or "alarm"
    machine: str
    stopped: bool
    category: str
    shift: str | None

    def gold(self) -> dict[str, object]:
        return {"machine": self.machine, "stopped": self.stopped, "category": self.category,
                "shift": self.shift}


NOTES: Final[tuple[Note, ...]] = (
    Note("Night shift, line 2: compressor K-3 tripped on high discharge temperature at 01:40 and stayed "
         "off until maintenance arrived.", "en", "shift", "K-3", True, "overheat", "night"),
    Note("Ticket 4471: hydraulic press HP-12 is dripping oil from the ram seal. Still producing; a tray "
         "is placed under it. Reported by the day shift.", "en", "ticket", "HP-12", False, "leak", "day"),
    Note("ALARM 07:15 CNV-5 motor overcurrent, drive faulted, conveyor halted.",
         "en", "alarm", "CNV-5", True, "electrical", None),
    Note("Day shift: squealing from the bearing of fan FN-21 whenever it ramps up. Running, monitor.",
         "en", "shift", "FN-21", False, "noise", "day"),
    Note("Filler FL-2 stopped by interlock: its level sensor reads empty although the bowl is full. "
         "Night crew informed.", "en", "shift", "FL-2", True, "sensor", "night"),
    Note("Maintenance ticket: gearbox on mixer MX-4 getting louder over the week, knocking sound at low "
         "speed. Mixer kept in service until the weekend.", "en", "ticket", "MX-4", False, "noise", None),
    Note("Day shift note: coolant pump CP-1 leaking at the flange, puddle on the floor. Pump isolated "
         "and stopped for cleanup.", "en", "shift", "CP-1", True, "leak", "day"),
    Note("Alarm: OVEN-3 zone 2 over temperature 265 C (limit 250 C). Burners off automatically, oven "
         "stopped.", "en", "alarm", "OVEN-3", True, "overheat", None),
    Note("Night shift handover: robot RB-7 keeps losing its position encoder signal, about every 20 "
         "minutes; the robot works again after each reset.", "en", "shift", "RB-7", False, "sensor", "night"),
    Note("Ticket 5120: control cabinet of press PR-9 smells burnt, breaker tripped twice. Press locked "
         "out.", "en", "ticket", "PR-9", True, "electrical", None),
    Note("Day shift: air leak hissing at the pneumatic manifold of packer PK-6. Packer running at reduced "
         "pressure.", "en", "shift", "PK-6", False, "leak", "day"),
    Note("ALARM 23:05 extruder EX-2 barrel heater 4 over temperature; operator reduced the setpoint, "
         "extruder continues.", "en", "alarm", "EX-2", False, "overheat", None),
    Note("Night shift: grinder GR-3 stopped after a loud bang; wheel guard checked, no damage found, "
         "waiting for the supervisor.", "en", "shift", "GR-3", True, "noise", "night"),
    Note("Maintenance ticket: conveyor CV-2 stops every hour on a false jam signal; its photo-eye is "
         "misaligned. The conveyor is running between the stops.", "en", "ticket", "CV-2", False, "sensor",
         None),
    Note("Day shift log: chiller CH-2 compressor short-cycling and the condenser is hot to the touch; "
         "chiller shut down for inspection.", "en", "shift", "CH-2", True, "overheat", "day"),
    Note("Ticket: welding robot WR-1 cable sheath worn through, sparks seen at the wrist. Robot taken out "
         "of service.", "en", "ticket", "WR-1", True, "electrical", None),
    Note("Night shift: vacuum pump VP-5 making a rattling noise since midnight; still pulling vacuum.",
         "en", "shift", "VP-5", False, "noise", "night"),
    Note("Alarm text: TANK-7 drain valve leaking, level dropping 2 percent per hour. Process continues.",
         "en", "alarm", "TANK-7", False, "leak", None),
    Note("Day shift: label printer LP-3 does not detect labels with its sensor; printer stopped with an "
         "error.", "en", "shift", "LP-3", True, "sensor", "day"),
    Note("Maintenance ticket: spindle of lathe LT-11 runs hot after 30 minutes, 80 C measured at the "
         "housing; lathe still in use with breaks.", "en", "ticket", "LT-11", False, "overheat", None),
    Note("夜勤：ライン1のコンプレッサーK-7が吐出温度高で停止。保全の到着まで停止のまま。",
         "ja", "shift", "K-7", True, "overheat", "night"),
    Note("保全依頼：油圧プレスHP-3のシリンダーから油がにじんでいる。生産は継続中。日勤より。",
         "ja", "ticket", "HP-3", False, "leak", "day"),
    Note("警報 コンベアCV-8 モーター過電流 インバータ異常で停止",
         "ja", "alarm", "CV-8", True, "electrical", None),
    Note("日勤メモ：送風機FN-4のベアリングからキーキー音。運転継続、経過観察。",
         "ja", "shift", "FN-4", False, "noise", "day"),
    Note("夜勤：充填機FL-6の液面センサーが満タンなのに空と表示、インターロックで停止。",
         "ja", "shift", "FL-6", True, "sensor", "night"),
    Note("保全チケット：ミキサーMX-9の減速機から打音、低速時に大きくなる。週末まで運転継続。",
         "ja", "ticket", "MX-9", False, "noise", None),
    Note("日勤：冷却ポンプCP-3のフランジから水漏れ、床に水たまり。ポンプを止めて清掃中。",
         "ja", "shift", "CP-3", True, "leak", "day"),
    Note("警報：乾燥炉OVEN-5 第1ゾーン温度上限超過 280℃。バーナー自動停止。",
         "ja", "alarm", "OVEN-5", True, "overheat", None),
    Note("夜勤引継ぎ：ロボットRB-2のエンコーダー信号が時々途切れる。リセット後は動作している。",
         "ja", "shift", "RB-2", False, "sensor", "night"),
    Note("保全依頼：プレスPR-4の制御盤から焦げ臭いにおい、ブレーカーが2回落ちた。ロックアウト済み。",
         "ja", "ticket", "PR-4", True, "electrical", None),
    Note("日勤：包装機PK-2の空圧マニホールドからエア漏れの音。圧力を下げて運転中。",
         "ja", "shift", "PK-2", False, "leak", "day"),
    Note("警報 押出機EX-6 ヒーター3 温度上限 設定値を下げて運転継続",
         "ja", "alarm", "EX-6", False, "overheat", None),
    Note("夜勤：研削盤GR-8で大きな破裂音がして停止。点検したが損傷なし、班長待ち。",
         "ja", "shift", "GR-8", True, "noise", "night"),
    Note("保全チケット：コンベアCV-1が1時間おきに誤ったジャム検知で止まる。光電センサーのずれ。止まっていない間は運転中。",
         "ja", "ticket", "CV-1", False, "sensor", None),
    Note("日勤記録：チラーCH-6のコンプレッサーが頻繁に発停、凝縮器が高温。点検のため停止。",
         "ja", "shift", "CH-6", True, "overheat", "day"),
    Note("保全依頼：溶接ロボットWR-5のケーブル被覆が摩耗、手首部で火花。使用停止。",
         "ja", "ticket", "WR-5", True, "electrical", None),
    Note("夜勤：真空ポンプVP-1から深夜0時頃よりガラガラ音。真空は引けている。",
         "ja", "shift", "VP-1", False, "noise", "night"),
    Note("警報文：タンクTANK-2のドレン弁から漏れ、液面が毎時2%低下。工程は継続。",
         "ja", "alarm", "TANK-2", False, "leak", None),
    Note("日勤：ラベルプリンターLP-9の検知センサーがラベルを認識せず、エラーで停止。",
         "ja", "shift", "LP-9", True, "sensor", "day"),
    Note("保全チケット：旋盤LT-5の主軸が30分運転で発熱、ハウジング80℃。休憩を挟みつつ使用中。",
         "ja", "ticket", "LT-5", False, "overheat", None),
)
