"""Latin-script addresses of the countries whose postcode ends them: comma-separated parts, each of
capitalised words, numbers and address words, ending in a place and its postcode (Cebu 6015, Rayong
21140, Singapore 529876), a postcode and its town (31-150 Kraków, 34524 Beylikdüzü/İstanbul), a
Canadian code after its province ((Québec) G1K 3A9) or a romanised Japanese prefecture and code
(Gifu-ken 501-6021), and perhaps the country.

The other address patterns know the street types of one country; this one knows only the shape, so
a Thai ``Moo``, a Philippine ``Lot 3 Blk 9``, a Turkish ``OSB, 1203. Cad. No:7`` or a Polish
``ul.`` and ``lok.`` come out whole, in English text and in Japanese text alike. A chain needs a
number before its postcode (the house, the block, the lot) and an address word or a place name
among its parts, so a list of machines, lots and bays (Order 12, Lot 4, Qty 5000) is not taken.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from edged.privacy.detector import Span
from edged.privacy.entities import ADDRESS

_UP = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĘĚĞİŁŃŇŐŒŘŚŞŠŢŤŮŰŹŻŽ"
_L = "A-Za-zÀ-ÖØ-öø-ɏ"  # Latin letters only: a Japanese particle after an address is no part of it
_CAPWORD = rf"[{_UP}][{_L}0-9'’\-/]*"
# Lower-case words an address holds: Polish ul./al./lok., French rue/boul./bureau and particles.
_LOWER = r"(?:ul|al|pl|os|lok|boul|bd|av|ave|km|apt|no)\.|rue|bureau|chemin|de|du|des|la|le|del|van|der|den"
_WORD = (
    rf"(?:No[:.]\s?[0-9]{{1,5}}[A-Z]?"  # Turkish No:77, No. 7
    rf"|(?:D|Daire|Kat):\s?[0-9]{{1,4}}"  # and its flat and floor (D: 4, Kat: 2); with a colon only
    # not the No. of a No. 7 the first branch takes whole: read both ways, a chain's parts
    # multiplied their readings when its end failed (exponential backtracking)
    rf"|(?!No\.\s?[0-9]{{1,5}}[A-Z]?[\s,]){_CAPWORD}\.?"
    rf"|\({_CAPWORD}\)"  # (Québec)
    rf"|#?[0-9][0-9A-Za-z/\-]*\.?"  # 636/22, 1203., #04-58, 195A
    rf"|(?:{_LOWER})"
    rf"|[ld]['’]{_CAPWORD})"  # de l'Aéroport
)
_PART = rf"{_WORD}(?:\s{{1,2}}{_WORD}){{0,8}}"
_PLACE = rf"{_CAPWORD}(?:\s{_CAPWORD}){{0,4}}"
_END = (
    rf"(?:{_PLACE}\s[0-9]{{4,6}}"  # Samut Prakan 10570, Cebu 6015, Singapore 547347
    rf"|[0-9]{{5}}\s{_CAPWORD}(?:\s{_CAPWORD}){{0,2}}"  # 34524 Beylikdüzü/İstanbul, 40150 Shah Alam
    rf"|[0-9]{{2}}-[0-9]{{3}}\s{_CAPWORD}(?:\s{_CAPWORD})?"  # 31-150 Kraków, 27-400 Ostrowiec Świętokrzyski
    rf"|(?:{_PLACE}\s)?\({_CAPWORD}\)\s{{1,2}}[A-Z][0-9][A-Z]\s?[0-9][A-Z][0-9]"  # Lévis (Québec) G6V 4Z2
    rf"|{_CAPWORD}\s[0-9]{{3}}-[0-9]{{4}}"  # Gifu-ken 501-6021
    # the Gulf has no postcodes: a P.O. Box and the emirate (P.O. Box 40125, Sharjah)
    rf"|P\.?\s?O\.?\s?Box\s[0-9]{{3,6}},\s{_PLACE})"
)
_COUNTRY = (
    r"JAPAN|Japan|Thailand|THAILAND|Philippines|PHILIPPINES|Poland|POLAND|Turkey|Türkiye|TÜRKİYE|Canada|CANADA"
    r"|Republic of Korea|South Korea|Korea|KOREA|Malaysia|MALAYSIA|UAE|U\.A\.E\.|United Arab Emirates"
    r"|Perú|Peru|PERU|Morocco|MOROCCO|Maroc|Mexico|México|Chile|Colombia|Vietnam|Viet Nam|Indonesia"
    r"|Singapore|India|China|Taiwan|Saudi Arabia|Qatar|Oman|Egypt|Tunisia|Algeria|South Africa"
)
# Malaysia writes its state after the town (81300 Skudai, Johor).
_STATE = (
    r"Johor|Kedah|Kelantan|Melaka|Malacca|Negeri Sembilan|Pahang|Perak|Perlis|Pulau Pinang|Penang|Sabah|"
    r"Sarawak|Selangor|Terengganu|Kuala Lumpur|Labuan|Putrajaya"
)
# A chain starts at no capital inside a word (ÖLÇÜ, O'Brien): each would scan the rest of the word again.
_CHAIN = re.compile(
    rf"(?<![A-Za-z0-9\-/.#])(?!(?<=[{_L}])[{_UP}])(?!(?<=[{_L}0-9]['’])[{_UP}])"
    rf"((?:{_PART},\s{{1,2}}){{1,7}})({_END})(?:,\s?(?:{_STATE}))?(?:,\s?(?:{_COUNTRY}))?(?![{_L}0-9\-])"
)
_HINT = re.compile(r"[0-9]{4,6}|[0-9]{2}-[0-9]{3}|[A-Z][0-9][A-Z]\s?[0-9][A-Z][0-9]")
# Words that make a part an address's: the building, block, village (Moo), zone and street (not
# Lot alone: a production lot is written the same).
_ADDRESS_WORD = re.compile(
    r"(?<![A-Za-z])(?:Blk|Block|Bldg|Building|Moo|Soi|Tambon|Amphoe|ul\.|al\.|os\.|lok\.|OSB|Cad\.|Sok\.|"
    r"Sk\.|Mah\.|Mahallesi|Caddesi|Sokak|boul\.|rue|bureau|Street|St|Road|Rd|Avenue|Ave|Crescent|Drive|Lane|"
    r"Place|Way|Zone|Park|Estate|Technopark|Apt\.|Room|Rm\.|Unit|Suite|No:|"
    # a city, zone or estate built for industry (Automotive City, Free Zone, Industrial Complex)
    r"City|Industrial|Industrielle|Complex|Free\sZone|"
    # Malaysia's Jalan/Lorong/Taman, the Gulf's Plot and P.O. Box, Latin America's Av./Jr./Calle,
    # Morocco's Îlot
    r"Jalan|Jln\.?|Lorong|Lrg\.?|Persiaran|Lebuh|Lebuhraya|Taman|Tmn\.?|Kampung|Kg\.|Plot|Box|Av\.|Avda\.|"
    r"Avenida|Calle|Jr\.|Jirón|Carretera|Km\.?|Îlot|Ilot|Quartier|Lotissement|Zona|Sector)(?![A-Za-z])"
    r"|#[0-9]{1,3}-[0-9]{1,4}|-(?:shi|ku|cho|machi|gun|ken|mura)(?![a-z])"
    # a Korean road, city or province (Jangan-ro, Asan-si, Chungcheongnam-do)
    r"|[a-z]-(?:ro|gil|daero|si|gu|gun|do|eup|myeon|dong)(?![a-z])"
)

# Words a plant numbers its lots, orders and places with: an ending "Batch 20240", "Warehouse 20231"
# or "Singapore Plant 608586" is a list of the plant's places, not a town and its postcode (not Bay:
# Subic Bay is a town).
_PLANT_END = re.compile(
    r"(?<!\S)(?:Batch|Lot|Order|Job|Recipe|Program|Step|Station|Plant|Area|Insert|Warehouse|Training|Line|Cell|"
    r"Rack|Shelf|Bin|Tank|Oven|Press|Machine|Tool|Part|Item|Serial|Ticket|Case|Sample|Shift|Crew|"
    r"Level|Stage|Phase|Run|Test|Project|Model|Version|Drawing|Spec|Code|Ref|Target|Plan|Budget|Forecast|Actual|"
    r"Summary|Review|Audit|Total|Goal|Quota)\s[0-9]{4,6}$"
)


def find_world(text: str) -> Iterator[Span]:
    if not _HINT.search(text):
        return
    for m in _CHAIN.finditer(text):
        parts = m.group(1).split(",")[:-1]
        start = m.start()
        # A first part that is neither a number nor an address word is the writer's, not the
        # address's (Procurement, 12 Nikau Street, ...): the address starts after it.
        while parts and not _is_address_part(parts[0]):
            start += len(parts[0]) + 1
            parts = parts[1:]
        if not parts:
            continue
        while start < m.end() and text[start].isspace():
            start += 1
        if _PLANT_END.search(m.group(2)):
            continue
        # the end may hold the address word (P.O. Box 22286, Abu Dhabi)
        worded = any(_ADDRESS_WORD.search(p) for p in [*parts, m.group(2)])
        if any(re.search(r"[0-9]", p) for p in parts) and worded:
            yield Span(ADDRESS, start, m.end(), "world_address")


def _is_address_part(part: str) -> bool:
    return bool(re.search(r"[0-9]", part) or _ADDRESS_WORD.search(part))
