"""Japanese cues for a national number of any country (``phones_cued``): what says, in Japanese
text, that the figures next to it are a number to call or to text.

- 番号 standing alone (番号は7972 1178です, 、番号：…): the number a message leaves to call back.
  A compound's 番号 (注文番号, 管理番号, 製造番号, 受付番号) names some other number, so a kanji
  or kana right before it keeps the figure.
- A verb of sending after it (…へ送信, …にSMS, …宛てに送信), in English a verb of sending before it
  (sent to, texted to): a code or a message sent to a figure is sent to a phone. The object of
  the verb does not decide (受取コードを9968 1261へ送信 sends the code to the number): the verb does.
- A person's honorific right before a grouped number (客先窓口Uc Dzib様 824 4802): the contact's
  name and number on a contact line; an unbroken run stays (様 12345678 is an order as often).
"""

from __future__ import annotations

import re

# 番号 standing alone: at the start or after a mark or a space (、番号は…, 「番号：…), not after
# any word (注文番号, 問合せ番号, お客様番号 name other numbers)
BANGOU_BEFORE = re.compile(r"(?<![^\s、。，,「『（(：:;；])番号\s?(?:は|が|:|：|=)?\s?$")
SENT_TO_BEFORE = re.compile(r"(?<![A-Za-z])(?i:sent|send|texted|text|sms(?:ed)?)\s(?:it\s)?to\s$")
SEND_AFTER = re.compile(
    r"\s?(?:へ|に|宛てに?|宛に)\s?(?:送信|送付|SMS|ＳＭＳ|ショートメール|ショートメッセージ|メッセージ)"
)
HONORIFIC_BEFORE = re.compile(r"(?:様|さん|氏|殿)\s?$")
