"""OCR-aware parsing: repair what the structure makes certain, doubt what the OCR was unsure of.

Tesseract's Vietnamese model confuses tone and hat marks (ê/ế, â/ấ, ô/ố: "hóa chât"), reads
"Số:" as "Sè:" or "số:", digits as letters ("2O26", "l5") and marks as specks. Repairs are
made only where the structure leaves one reading:

- the number line ("Số: ... /CODE" in the header): "Số:", confusable letters of the number's
  digit groups, a type or issuer code known but for its Đ ("QD-UBND" -> "QĐ-UBND");
- the place-and-date line ("<place>, ngày D tháng M năm YYYY"): its three words and digits;
- the letter's subject line in the header ("W⁄v" -> "V/v") and a numbered heading's dot
  read as a comma at a line's start ("1, Về ..." -> "1. Về ...");
- the recipients' heading over its list ("Aụi nhận:" -> "Nơi nhận:"), a type heading, a
  signer's title or a council's name in capitals ("KT. CHU TỊCH" -> "KT. CHỦ TỊCH");
- fixed phrases of the layout (the national motto, "Kính gửi", "Nơi nhận") and the names of
  the reference agencies (``data/agencies.json``) whose letters match the text but for
  diacritics;

nothing is guessed elsewhere. Digits of the number or the day that stay unreadable are left
blank (as in an unsigned draft), and ``doubts`` names those fields; ``gate_metadata`` empties
them, and free-text fields read with a low mean confidence, each with a warning.
"""

from __future__ import annotations

import json
import re
import statistics
import unicodedata
from functools import cache

from parsers.agencies.data import entries
from parsers.lexicon import markers
from parsers.lexicon.document_types import TYPE_CODES, names
from parsers.lexicon.folding import fold
from parsers.lexicon.vietnamese import UPPER
from parsers.models import Metadata, ParseWarning, SourceText

# Lines of the first page that hold the header (number and date lines).
HEADER_LINES = 25
# A word below this confidence makes a number or a date doubtful; a free-text field whose
# words average below it is left empty.
LOW_CONFIDENCE = 50
# Words the reader did not list read at least this well (it lists those below 90).
SURE = 95.0
# Letters OCR puts for digits inside a digit group.
DIGIT_LOOKALIKES = str.maketrans(
    {"O": "0", "o": "0", "D": "0", "Q": "0", "l": "1", "I": "1", "|": "1", "i": "1", "!": "1", "Z": "2", "z": "2"}
    | {"S": "5", "s": "5", "B": "8", "G": "6", "b": "6", "g": "9", "q": "9", "A": "4", "T": "7"}
)
# "Số: 813/HC-CNHC", OCR'd "Sè: 813 /HC-CNHC", "số: /QĐ-UBND"; digits group before the code.
NUMBER_LINE = re.compile(
    r"^(?P<so>[Ss]\S?)\s*[:;.]\s*(?P<digits>[^\s/]{1,6})?\s*(?P<code>/\s*(?:[^\s/]{4}\s*/\s*)?[^\s/]+(?:/[^\s/]+)?)"
)
SO_READINGS = {"so", "se", "s6", "s0", "sa"}
# "Hà Nội, ngày 22 tháng 4 năm 2026" with the words and digits as OCR may read them.
DATE_LINE = re.compile(
    r"(?P<place>[^\d,;\t]{2,40}),\s*(?P<ngay>\S{4})\s+(?:(?P<d>\S{1,3})\s+)?(?P<thang>\S{5})\s+"
    r"(?P<m>\S{1,2})\s+(?P<nam>\S{3})\s+(?P<y>\S{4})"
)
# "V/v" (về việc) opening the letter's subject, as OCR reads its slash.
SUBJECT_MARK = re.compile(r"^[VW][/⁄|lI1íi][vy](?=\s)")
# "1, Về công bố ...": a heading's number with its dot read as a comma.
LABEL_COMMA = re.compile(rf"^(?P<n>\d{{1,2}}),\s(?=[{UPPER}])")
# A signature's sign-for mark before a title: "KT. ", "TM."
SIGN_FOR_MARK = re.compile(rf"^(?P<mark>{markers.SIGN_FOR}\.\s*)?(?P<rest>.+)$")
COUNCILS = ("ỦY BAN NHÂN DÂN", "HỘI ĐỒNG NHÂN DÂN")
# The recipients' heading as OCR may read its first word (italic, bold): "Aụi nhận:", "Xới nhận:"
RECIPIENTS_MISREAD = re.compile(r"^\S{2,4}\s+(?P<nhan>\S{4})\s*:")
FIXED_PHRASES = (
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Kính gửi",
    "Nơi nhận",
    "Căn cứ",
)
# Tone marks, moved to a syllable's end to compare "hóa" with "hoá" (both spellings are right).
TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
CODES_WITH_D = {code for code in TYPE_CODES if "Đ" in code} | {"HĐND", "UBMTTQ", "ĐKVN"}


def _low_words(hints: dict[str, str]) -> dict[str, float]:
    """Words the OCR listed as unsure -> their lowest confidence."""
    unsure: dict[str, float] = {}
    for text, conf in json.loads(hints.get("ocr_unsure_words", "[]")):
        unsure[text] = min(conf, unsure.get(text, 100.0))
    return unsure


def _as_digits(token: str) -> str | None:
    """A digit group read with look-alike letters: ``"2O26"`` -> ``"2026"``, ``"66.l8"`` -> ``"66.18"``;
    None if not digits."""
    digits = token.translate(DIGIT_LOOKALIKES)
    return digits if re.fullmatch(r"\d+(?:[.,]\d+)*", digits) and any(c.isdigit() for c in token) else None


def _sure(token: str, unsure: dict[str, float]) -> bool:
    return unsure.get(token, SURE) >= LOW_CONFIDENCE


def _repair_code(code: str) -> str:
    """ "/QD-UBND" -> "/QĐ-UBND": a part that is a known code once its D is Đ."""

    def part(m: re.Match[str]) -> str:
        word = m.group().replace("Ð", "Đ")
        if word in TYPE_CODES:
            return word
        readings = {word[:i] + "Đ" + word[i + 1 :] for i, c in enumerate(word) if c == "D"} & CODES_WITH_D
        return readings.pop() if len(readings) == 1 else word

    return re.sub(r"[A-Za-zĐÐđ]+", part, code)


def _repair_number(cell: str, unsure: dict[str, float], doubts: dict[str, str]) -> str:
    m = NUMBER_LINE.match(cell)
    if not m or fold(m["so"]) not in SO_READINGS:
        return cell
    digits = m["digits"] or ""
    fixed = _as_digits(digits) if digits else ""
    if digits and (fixed is None or not _sure(digits, unsure)):
        # left blank, as in an unsigned draft: the header's layout still reads as one
        doubts["number"] = f"the number's digits are unreadable or unsure: {cell[: m.end()]!r}"
        fixed = ""
    code = _repair_code(re.sub(r"\s+", "", m["code"]))
    return f"Số: {fixed}{code}{cell[m.end() :]}"


def _repair_date(cell: str, unsure: dict[str, float], doubts: dict[str, str]) -> str:
    m = DATE_LINE.search(cell)
    words_ok = (fold(m["ngay"]), fold(m["thang"]), fold(m["nam"])) == ("ngay", "thang", "nam") if m else False
    if not m or not words_ok:
        return cell
    parts = {key: _as_digits(m[key]) if m[key] else None for key in ("d", "m", "y")}
    if m["d"] and (parts["d"] is None or not _sure(m["d"], unsure)):
        doubts["issue_date"] = f"the day is unreadable or unsure: {m.group().strip()!r}"
    if parts["m"] is None or parts["y"] is None:
        doubts["issue_date"] = f"the month or year is unreadable: {m.group().strip()!r}"
        return cell
    day = parts["d"] if "issue_date" not in doubts else ""  # an unreadable day is left blank
    date = f"{m['place']}, ngày {day + ' ' if day else ''}tháng {parts['m']} năm {parts['y']}"
    return cell[: m.start()] + date + cell[m.end() :]


def _tone_key(text: str) -> str:
    """Text with each syllable's tone mark moved to its end (``"hóa"`` and ``"hoá"`` alike)."""
    out = []
    for word in text.lower().split(" "):
        chars = unicodedata.normalize("NFD", word)
        out.append("".join(c for c in chars if c not in TONES) + "".join(c for c in chars if c in TONES))
    return " ".join(out)


def _per_char_fold(text: str) -> str:
    """``fold`` one character at a time, so that offsets in the result are offsets in ``text``."""
    return "".join(f if len(f := fold(c)) == 1 else c for c in text)


@cache
def known_names() -> dict[str, str]:
    """Folded name -> its spelling, for the fixed phrases and the reference agencies' names of
    three syllables or more (a folded form two entries spell differently is left out)."""
    spellings: dict[str, set[str]] = {}
    names = [n for e in entries() for n in (e.name, *e.examples) if len(n.split()) >= 3 and "{" not in n]
    for name in [*FIXED_PHRASES, *names]:
        spellings.setdefault(fold(name), set()).add(name)
    return {key: next(iter(names)) for key, names in spellings.items() if len({_tone_key(n) for n in names}) == 1}


@cache
def _names_pattern() -> re.Pattern[str]:
    keys = sorted(known_names(), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(k) for k in keys) + r")(?!\w)")


def _with_case_of(surface: str, spelling: str) -> str:
    return "".join(c.upper() if s.isupper() else c.lower() for s, c in zip(surface, spelling, strict=True))


def _repair_caps_line(cell: str) -> str:
    """A capitals cell that is a type heading, a signer's title or a council's name but for its
    diacritics: "QUYÉT ĐỊNH:" -> "QUYẾT ĐỊNH:", "KT. CHU TỊCH" -> "KT. CHỦ TỊCH"."""
    bare = cell.strip()
    colon = ":" if bare.endswith(":") else ""
    m = SIGN_FOR_MARK.match(bare.rstrip(":").strip())
    known = _caps_lines().get(fold(m["rest"])) if m else None
    if not known or not m["rest"].isupper() or _tone_key(m["rest"]) == _tone_key(known):
        return cell
    return f"{m['mark'] or ''}{known}{colon}"


@cache
def _caps_lines() -> dict[str, str]:
    titles = [*markers.SIGNER_TITLE_WORDS, *(f"{markers.DEPUTY} {t}" for t in markers.SIGNER_TITLE_WORDS)]
    lines = [*(h.upper() for h in names("heading")), *titles, *COUNCILS]
    return {fold(line): line for line in lines}


def _repair_recipients(lines: list[str]) -> list[str]:
    """ "Aụi nhận:" over a list of "- ..." lines: the recipients' heading, "Nơi nhận:"."""
    out = list(lines)
    for i, line in enumerate(lines[:-1]):
        m = RECIPIENTS_MISREAD.match(line)
        if (
            m
            and fold(m["nhan"]) == "nhan"
            and lines[i + 1].lstrip().startswith("- ")
            and not line.startswith(markers.RECIPIENTS)
        ):
            out[i] = f"{markers.RECIPIENTS}:{line[m.end() :]}"
    return out


def _join_blank_number(cells: list[str]) -> list[str]:
    """ "Số:" and "/QĐ-UBND" set apart by the blank left for a draft's number: one cell again."""
    for i in range(len(cells) - 1):
        so = re.fullmatch(r"(?P<so>[Ss]\S?)\s*[:;.]", cells[i].strip())
        if so and fold(so["so"]) in SO_READINGS and cells[i + 1].lstrip().startswith("/"):
            return [*cells[:i], f"{cells[i].strip()} {cells[i + 1].strip()}", *cells[i + 2 :]]
    return cells


def repair_names(line: str) -> str:
    """Known names and phrases whose letters match but for diacritics, given their diacritics.

    >>> repair_names("CỤC HÓA CHÁT")
    'CỤC HÓA CHẤT'
    """
    folded = _per_char_fold(line)
    out, last = [], 0
    for m in _names_pattern().finditer(folded):
        surface = line[m.start() : m.end()]
        spelling = known_names()[m.group()]
        if len(spelling) == len(surface) and _tone_key(surface) != _tone_key(spelling):
            out += [line[last : m.start()], _with_case_of(surface, spelling)]
            last = m.end()
    return "".join(out) + line[last:]


def repair_source(source: SourceText) -> tuple[SourceText, dict[str, str]]:
    """An OCR'd source with its certain repairs made, and the fields left in doubt (field -> why).

    >>> text = "BỘ CÔNG THƯƠNG\\nCỤC HÓA CHÁT\\nSè: 8l3 /HC-CNHC\\nW⁄v trao đổi\\nHà Nội, ngảy 22 thảng 4 nãm 2O26"
    >>> repaired, doubts = repair_source(SourceText(source="x", site="scan", text=text))
    >>> repaired.text.split("\\n")[1:], doubts
    (['CỤC HÓA CHẤT', 'Số: 813/HC-CNHC', 'V/v trao đổi', 'Hà Nội, ngày 22 tháng 4 năm 2026'], {})
    """
    unsure = _low_words(source.hints)
    doubts: dict[str, str] = {}
    lines = _repair_recipients(source.text.split("\n"))
    for i, line in enumerate(lines):
        cells = [repair_names(cell) for cell in LABEL_COMMA.sub(r"\g<n>. ", line).split("\t")]
        cells = [_repair_caps_line(cell) for cell in cells]
        if i < HEADER_LINES:
            cells = _join_blank_number(cells)
            cells = [_repair_date(_repair_number(cell, unsure, doubts), unsure, doubts) for cell in cells]
            cells = [SUBJECT_MARK.sub("V/v", cell) for cell in cells]
        lines[i] = "\t".join(cells)
    return source.model_copy(update={"text": "\n".join(lines)}), doubts


def _mean_confidence(value: str, unsure: dict[str, float]) -> float:
    return statistics.mean(unsure.get(word, SURE) for word in value.split()) if value.split() else SURE


def gate_metadata(meta: Metadata, doubts: dict[str, str], hints: dict[str, str]) -> tuple[Metadata, list[ParseWarning]]:
    """Empty the fields in doubt and the free-text fields read with a low mean confidence."""
    unsure = _low_words(hints)
    warnings = []
    update: dict[str, None] = {}
    for name, why in doubts.items():
        if name == "number":
            update |= {"number": None, "type_code": None}
        else:
            update[name] = None
        warnings.append(ParseWarning(stage="ocr", field=name, message=f"left empty: {why}"))
    for name in ("issuer", "title", "signer", "signer_title"):
        value = getattr(meta, name)
        if value and name not in update and (conf := _mean_confidence(value, unsure)) < LOW_CONFIDENCE:
            update[name] = None
            message = f"left empty: read with a mean confidence of {conf:.0f} ({value!r})"
            warnings.append(ParseWarning(stage="ocr", field=name, message=message))
    return meta.model_copy(update=update), warnings


def reading_fields(hints: dict[str, str]) -> dict:
    """How a source was read, for ``ParsedDocument``: reader, OCR engine and mean confidence."""
    if hints.get("reader") != "ocr":
        return {"reader": "text", "ocr_engine": None, "ocr_confidence": None}
    return {"reader": "ocr", "ocr_engine": hints.get("ocr_engine"), "ocr_confidence": float(hints["ocr_confidence"])}
