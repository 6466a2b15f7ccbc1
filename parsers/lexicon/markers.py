"""The fixed words that open a document's closing blocks (``data/markers.json``): the recipients'
heading ("Nơi nhận:") and the sign-for abbreviations before a signer's title ("TM.", "KT." ...).

Also what follows "Điều N" in a cross-reference rather than an article heading
(``ARTICLE_REFERENCE``), which cleaning and the section tree both need.

Several stages find these blocks (cleaning, the page finder, metadata's signature, recipients,
the task finder's closing zone); they all spell them from here.
"""

from __future__ import annotations

import json
import re
from importlib import resources

_DATA = json.loads(resources.files("parsers.lexicon").joinpath("data/markers.json").read_text("utf-8"))

# "Nơi nhận", and as a pattern allowing any spacing: "Nơi  nhận"
RECIPIENTS = _DATA["recipients"]["heading"]
RECIPIENTS_PATTERN = r"\s+".join(map(re.escape, RECIPIENTS.split()))
# "TM", "KT", "Q", "TL", "TUQ": before "." and a title, "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"
SIGN_FOR_WORDS = tuple(entry["abbr"] for entry in _DATA["sign_for"])
# the same without those that are also other abbreviations ("Q." for quận)
UNAMBIGUOUS_SIGN_FOR_WORDS = tuple(entry["abbr"] for entry in _DATA["sign_for"] if not entry.get("ambiguous"))
# A sign-for word as a regex group (the "." after it is the caller's): "(?:KT|Q|TL|TM|TUQ)"
SIGN_FOR = "(?:" + "|".join(SIGN_FOR_WORDS) + ")"
UNAMBIGUOUS_SIGN_FOR = "(?:" + "|".join(UNAMBIGUOUS_SIGN_FOR_WORDS) + ")"
# The signer titles, and the word a deputy's opens with: ("CHỦ TỊCH", ...), "PHÓ"
SIGNER_TITLE_WORDS = tuple(_DATA["signer_titles"]["titles"])
DEPUTY = _DATA["signer_titles"]["deputy"]
# A signer's title, a deputy's too: "CHỦ TỊCH", "PHÓ CHỦ TỊCH", "THỨ TRƯỞNG" (upper case, as signatures print them)
SIGNER_TITLE = (
    rf"(?:{re.escape(_DATA['signer_titles']['deputy'])}\s+)?(?:"
    + "|".join(
        r"\s+".join(map(re.escape, t.split())) for t in sorted(_DATA["signer_titles"]["titles"], key=len, reverse=True)
    )
    + ")"
)
# What a line of the closing blocks starts with: "Nơi nhận", "TM.", "KT." ...
CLOSING_OPENERS = (RECIPIENTS, *(word + "." for word in SIGN_FOR_WORDS))


def examples() -> list[tuple[str, str]]:
    """(kind, example) of every example of the data file: ("recipients", "Nơi nhận:"), ("sign_for", "KT. CHỦ TỊCH")."""
    out = [("recipients", x) for x in _DATA["recipients"]["examples"]]
    out += [("sign_for", x) for entry in _DATA["sign_for"] for x in entry["examples"]]
    return out + [("signer_title", x) for x in _DATA["signer_titles"]["examples"]]


# What follows "Điều N" in a cross-reference rather than an article heading:
#   "Điều 6; khoản 5 Điều 9", "Điều 14 Thông tư số 36/2025/TT-BNNMT", "Điều 64 của Luật Địa chất và khoáng sản"
ARTICLE_REFERENCE = (
    r"\s*[;,)]|\s+(?:của|Luật|Bộ\s+luật|Nghị\s+định|Nghị\s+quyết|Thông\s+tư|Quyết\s+định|"
    r"Hiến\s+pháp|này|đó|nêu|và|khoản|điểm)\b"
)
