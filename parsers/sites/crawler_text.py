"""Text of legal-site pages as crawlers save it: the header flattened onto a few lines.

    Quyết định 1227/QĐ-BYT năm 2025. BỘ Y TẾ -------
    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ---------------
    Số: 1227/QĐ-BYT
    Hà Nội, ngày 11 tháng 4 năm 2025 QUYẾT ĐỊNH VỀ VIỆC BAN HÀNH ... (ĐỢT 1) BỘ TRƯỞNG BỘ Y TẾ
    Căn cứ ...
    Quyết định 1227/QĐ-BYT năm 2025. Điều 1.
    ...
    KT. BỘ TRƯỞNG THỨ TRƯỞNG Nguyễn Tri Thức

The page's own name ("Quyết định 1227/QĐ-BYT năm 2025.") opens the text and every
article; the issuer, the motto, the place-and-date line, the type heading, the title and
the enacting authority run together; the signature block is one line, sometimes followed
by an annex's heading. ``unflatten`` puts each part back on its own line (the layout of
the other captures) so that the rest of the pipeline reads it like any other document.
"""

from __future__ import annotations

import re

from parsers.lexicon.vietnamese import LOWER, UPPER
from parsers.models import SourceText
from parsers.sites._typed import read_typed
from parsers.text.decode import decode_bytes

SITE = "crawler_text"
EXTENSIONS = (".txt", ".md", ".text")

KINDS = (
    "Quyết định|Công văn|Nghị quyết|Nghị định|Chỉ thị|Thông tư(?: liên tịch)?|Kế hoạch|Thông báo|Luật|"
    "Pháp lệnh|Công điện|Hướng dẫn|Văn bản hợp nhất|Quy định|Quy chế|Chương trình|Đề án|Báo cáo|Tờ trình"
)
# "Quyết định 05/2025/QĐ-TTg. THỦ TƯỚNG CHÍNH PHỦ ------- CỘNG HÒA ..." (the page name, then the issuer)
FIRST_LINE = re.compile(
    rf"^(?P<name>(?:{KINDS})\s+\d[\w./-]*/[\w./-]+[^\n]*?\.)\s+"
    rf"(?P<issuer>[{UPPER}][^{LOWER}\n]*?)\s*(?:-{{3,}}\s*(?P<rest>.*))?$"
)
DASHES = re.compile(r"\s*-{3,}\s*")
MOTTO = re.compile(r"^CỘNG\s+HÒA\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM\s+Độc\s+lập\s*-\s*Tự\s+do\s*-\s*Hạnh\s+phúc")
# "Số: 2739/VPCP-ĐMDN V/v quy định ..." -> the number, then the letter's subject
NUMBER_AND_SUBJECT = re.compile(r"^(?P<number>Số\s*:\s*\S+)\s+(?P<subject>(?:V/v|Về\s+việc)\b.*)$")
# "Hà Nội, ngày 11 tháng 4 năm 2025 QUYẾT ĐỊNH ..." / "... năm 2019 Kính gửi: ..."
DATE_THEN_MORE = re.compile(r"^(?P<date>[^\n,]{2,40},\s*ngày\b[^\n]*?năm\s+\d{4})\s+(?P<rest>\S.*)$")
TYPE_HEADING = re.compile(
    r"^(?P<type>QUYẾT ĐỊNH|NGHỊ QUYẾT|NGHỊ ĐỊNH|CHỈ THỊ|THÔNG TƯ(?: LIÊN TỊCH)?|KẾ HOẠCH|THÔNG BÁO|"
    r"CÔNG ĐIỆN|HƯỚNG DẪN|CHƯƠNG TRÌNH(?: HÀNH ĐỘNG)?|QUY CHẾ|QUY ĐỊNH|LUẬT|PHÁP LỆNH)\s+(?P<title>.+)$"
)
# The enacting authority closing a title: "... BỘ TRƯỞNG BỘ Y TẾ", "... THỦ TƯỚNG CHÍNH PHỦ"
AUTHORITY_TITLES = (
    r"(?:PHÓ\s+)?(?:THỦ\s+TƯỚNG|BỘ\s+TRƯỞNG|TỔNG\s+GIÁM\s+ĐỐC|GIÁM\s+ĐỐC|CHỦ\s+TỊCH|CHỦ\s+NHIỆM|"
    r"TỔNG\s+CỤC\s+TRƯỞNG|CỤC\s+TRƯỞNG|VỤ\s+TRƯỞNG|TỔNG\s+KIỂM\s+TOÁN|THỐNG\s+ĐỐC|CHÁNH\s+ÁN|VIỆN\s+TRƯỞNG)"
)
OWN_TITLE = rf"(?:{AUTHORITY_TITLES}|THỨ\s+TRƯỞNG|CHÁNH\s+VĂN\s+PHÒNG)"
# "KT. THỦ TƯỚNG PHÓ THỦ TƯỚNG": whom one signs for, then one's own title(s) ("BỘ TRƯỞNG, CHỦ NHIỆM")
# A signature block on one line: "[KT. BỘ TRƯỞNG] THỨ TRƯỞNG Nguyễn Tri Thức [ANNEX HEADING ...]"
NAME = rf"[{UPPER}][{LOWER}]+(?:\s+[{UPPER}][{LOWER}]+){{1,4}}"
SIGNATURE_LINE = re.compile(
    rf"(?:^|(?<=\s))(?P<block>(?:(?:TM|KT|Q|TL|TUQ)\.\s*[^{LOWER}\n]*?\s+)?{OWN_TITLE}(?:\s*,?\s*{OWN_TITLE})*)"
    rf"\s+(?P<name>{NAME})(?:\s+(?P<after>[{UPPER}(][^\n]*))?\s*$"
)
SIGN_FOR_BLOCK = re.compile(
    rf"^(?P<for>(?:TM|KT|Q|TL|TUQ)\.\s*[^{LOWER}]+?)\s+(?P<own>{OWN_TITLE}(?:\s*,?\s*{OWN_TITLE})*)$"
)


# The last line of "Nơi nhận", with the typist's initials: "- Lưu: VT, ĐMDN (2b). Trung Anh"
LIST_END = re.compile(r"^-?\s*Lưu\b")


BARE_LABEL = re.compile(r"Số\s*:?|Điều\s+\d+[a-z]?\s*[.:]")


def matches(name: str, data: bytes) -> bool:
    if not name.lower().endswith(EXTENSIONS):
        return False
    head = data[:3000].decode("utf-8", errors="ignore").lstrip("\ufeff").split("\n", 1)[0]
    return bool(FIRST_LINE.match(head.strip()))


def read(name: str, data: bytes) -> SourceText:
    """Unflatten the header and the signature, then read the text like any other text file."""
    return read_typed(name, unflatten(decode_bytes(data, name)), SITE)


def unflatten(raw: str) -> str:
    """One part per line: issuer and motto, number, date, type heading, title, authority; body;
    signature block (sign-for line, title, name); the annex heading after it."""
    lines = [line.strip() for line in raw.lstrip("\ufeff").split("\n")]
    first = FIRST_LINE.match(lines[0]) if lines else None
    if not first:
        return raw
    prefix, issuer = first["name"], first["issuer"].strip()
    out = [issuer, ""]
    rest = [first["rest"]] if first["rest"] else []
    in_header = True
    for line in _join_bare_labels(rest + lines[1:], prefix):
        if not line:
            out.append("")
            continue
        if in_header:
            parts, in_header = _header_parts(line, issuer)
            out += [x for part in parts for x in (part, "")]  # each part a paragraph of its own
            continue
        out += _signature_parts(line)
    return "\n".join(out)


def _join_bare_labels(lines: list[str], prefix: str) -> list[str]:
    """A label alone on its line joined to the text on the next: "Số:" and its number,
    "Điều 3." and the article's first sentence (as the other captures write them)."""
    out: list[str] = []
    for line in lines:
        line = line[len(prefix) :].strip() if line.startswith(prefix) else line
        if out and BARE_LABEL.fullmatch(out[-1]) and line:
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


def _header_parts(line: str, issuer: str) -> tuple[list[str], bool]:
    """A header line split into its parts, and whether the header goes on after it."""
    line = DASHES.sub(" ", line).strip()
    if MOTTO.match(line):
        return [], True
    m = NUMBER_AND_SUBJECT.match(line)
    if m:
        return [m["number"], m["subject"]], True
    if line.startswith("Số"):
        return [line], True
    m = DATE_THEN_MORE.match(line)
    if not m:
        return [line], not line.startswith(("Căn cứ", "Kính gửi"))
    parts = [m["date"]]
    rest = m["rest"]
    heading = TYPE_HEADING.match(rest)
    if heading:
        title, authority = _split_authority(heading["title"], issuer)
        parts += [heading["type"], title] + ([authority] if authority else [])
    else:
        parts.append(rest)
    return parts, False


def _split_authority(title: str, issuer: str) -> tuple[str, str]:
    """("BAN HÀNH ... (ĐỢT 1)", "BỘ TRƯỞNG BỘ Y TẾ") from the title run together with its authority."""
    body = re.escape(issuer).replace(r"\ ", r"\s+")
    m = re.search(rf"\s+(?P<authority>(?:{AUTHORITY_TITLES}\s+)?{body})$", title)
    m = m or re.match(rf"^.*\S(?P<space>\s+)(?P<authority>{AUTHORITY_TITLES}\s+[^{LOWER}]+)$", title)
    if m and m.start("authority") > 0:
        return title[: m.start("authority")].strip(), m["authority"]
    return title, ""


def _signature_parts(line: str) -> list[str]:
    """A one-line signature block as lines: "KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "Nguyễn Tri Thức"."""
    m = SIGNATURE_LINE.search(line)
    if not m:
        return [line]
    before = line[: m.start()].strip()
    if before and not (before.endswith((".", ";", ":")) or LIST_END.match(before)):
        return [line]  # a sentence that happens to end with a name
    block = m["block"].strip()
    sign_for = SIGN_FOR_BLOCK.match(block)
    out = [before] if before else []
    out += [sign_for["for"], sign_for["own"]] if sign_for else [block]
    out.append(m["name"])
    if m["after"]:
        out += ["", m["after"].strip()]
    return out
