"""The "Nơi nhận:" block: which bodies a document is sent to.

The block is heavily abbreviated and grouped ("- Sở: NN&MT, TC, VH,TT&DL;", "- CT, PCT UBND
TP (1A, 1G);", "- TT. Thành ủy, TT.HĐND TP;"); the reference data reads the abbreviations and
``agencies.lists`` the grouped items. The filing line ("- Lưu: VT, TH.") and "Như Điều 3" name no
agency.
"""

from __future__ import annotations

import re

from parsers.agencies.data import entry_by_id
from parsers.agencies.find import find_agencies
from parsers.lexicon.markers import RECIPIENTS_PATTERN, SIGN_FOR
from parsers.models import AgencyMention

# "Nơi nhận:", "NƠI NHẬN:", "Nơi nhận :" (not "Nơi nhận hồ sơ" in a procedure's text)
BLOCK_START = re.compile(rf"(?<!\w){RECIPIENTS_PATTERN}\s*:", re.I)
# Where the block stops: a table cell (the signature column), the signature's "TM."/"KT.", or a
# line that is not an item.   "... - Lưu: VT, CT. 09 KH\tTM. ỦY BAN NHÂN DÂN"
BLOCK_END = re.compile(rf"\t|\n(?![ \t]*[-–+•*])|(?<!\w){SIGN_FOR}\.\s")
# "- Lưu: VT, TH.", "- Lưu VT.", "- Như Điều 3;", "- Như trên;": not agencies
NOT_RECIPIENT = re.compile(r"(?<!\w)(?:Lưu\s*:?|Như\s+(?:trên|[Đđ]iều|khoản))[^;\n]*", re.I)
MAX_BLOCK = 3000
# A council's standing body is a body of its own where it acts ("Giao Thường trực Hội đồng nhân dân ...
# giám sát"), but a distribution list sends to the council through it ("- Thường trực HĐND tỉnh;",
# "- Thường trực HĐND, UBND, UBMTTQ TP;"): there it stands for the council.
COUNCIL_OF_STANDING_BODY = {
    "thuong-truc-hoi-dong-nhan-dan-tinh": "hoi-dong-nhan-dan-tinh",
    "thuong-truc-hoi-dong-nhan-dan-thanh-pho": "hoi-dong-nhan-dan-thanh-pho",
}


def blocks(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """The spans of the "Nơi nhận:" blocks in ``text[start:end]``, without their heading.

    >>> blocks("quyết định./.\\nNơi nhận: - Sở Y tế; - Lưu: VT.\\tKT. CHỦ TỊCH")
    [(23, 45)]
    """
    end = len(text) if end is None else end
    out = []
    for m in BLOCK_START.finditer(text, start, end):
        stop = BLOCK_END.search(text, m.end(), min(end, m.end() + MAX_BLOCK))
        out.append((m.end(), stop.start() if stop else min(end, m.end() + MAX_BLOCK)))
    return out


def find_recipients(
    text: str, *, province: str | None = None, start: int = 0, end: int | None = None, detector: bool = True
) -> list[AgencyMention]:
    """The bodies the "Nơi nhận:" blocks of ``text[start:end]`` name (not the filing: "Lưu: VT,
    TH" is no agency).

    >>> [m.agency.name for m in find_recipients("Nơi nhận:\\n- Bộ NN&MT;\\n- Sở: TC, YT;\\n- Lưu: VT, TH.")]
    ['Bộ Nông nghiệp và Môi trường', 'Sở Tài chính', 'Sở Y tế']
    >>> [m.agency.name for m in find_recipients("Nơi nhận: - TT. Thành ủy, TT.HĐND TP; - Lưu: VT.", province="Cần Thơ")]
    ['Thành ủy', 'Hội đồng nhân dân thành phố']
    >>> [m.agency.name for m in find_recipients("Nơi nhận: - Thường trực HĐND tỉnh; - Lưu: VT.", province="Nghệ An")]
    ['Hội đồng nhân dân tỉnh']
    """
    out: list[AgencyMention] = []
    for s, e in blocks(text, start, end):
        skip = [(m.start(), m.end()) for m in NOT_RECIPIENT.finditer(text, s, e)]
        for mention in find_agencies(text, province=province, start=s, end=e, detector=detector):
            if not any(a <= mention.span_start < b for a, b in skip):
                out.append(_as_recipient(mention))
    return out


def _as_recipient(mention: AgencyMention) -> AgencyMention:
    council = COUNCIL_OF_STANDING_BODY.get(mention.agency.id)
    return mention.model_copy(update={"agency": entry_by_id()[council].agency()}) if council else mention
