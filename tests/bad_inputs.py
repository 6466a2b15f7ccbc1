"""The catalogue of bad inputs: each class built from a real document, with the outcome it must get.

Every ``Case`` writes its input(s) into a folder (``build``) and checks the database after
one batch ingest of the whole catalogue plus a good document (``check``): the input either
ingests correctly or becomes one ``failures`` row naming the file, the stage and the
problem, while the rest of the batch goes in. ``tests/test_bad_inputs.py`` runs it; the
README's table is generated from it (``catalogue_markdown``).
"""

from __future__ import annotations

import html
import io
import os
import sqlite3
import unicodedata
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "corpus" / "dak-lak__010-CT-UBND.txt"  # a real directive: header, number, date, tasks
NUMBER = "010/CT-UBND"
# Limits the catalogue's batch runs with, small so that the oversized inputs stay small.
LIMITS = {"max_bytes": 3 << 20, "max_unpacked": 8 << 20, "max_seconds": 30.0}


# Each input gets a number of its own: otherwise every copy of the directive is one document
# (ingest keeps one copy of a document: same text, or same number and issuer).
_NUMBER = [NUMBER]


def number_for(name: str) -> str:
    """The document number the input called ``name`` carries: 010/CT-UBND for the original."""
    if name == "goc.txt":
        return NUMBER
    return f"{100 + sorted(ALL_NAMES).index(name)}/CT-UBND"


def real_text(chars: int = 7000) -> str:
    """The opening of a real directive, cut at a line end, under the number of the input being built."""
    text = REAL.read_text(encoding="utf-8")[:chars]
    return text[: text.rfind("\n") + 1].replace(NUMBER, _NUMBER[0])


def rows(db: Path, sql: str, params=()) -> list[tuple]:
    con = sqlite3.connect(db)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


def document(db: Path, name: str) -> dict | None:
    con = sqlite3.connect(db)
    con.row_factory = sqlite3.Row
    try:
        row = con.execute("SELECT * FROM documents WHERE source LIKE ?", [f"%/{name}"]).fetchone()
        return dict(row) if row else None
    finally:
        con.close()


def failure(db: Path, name: str) -> tuple[str, str] | None:
    """The failures row of ``name``: by source, or (a symlink's source is its target) by the message."""
    found = rows(
        db,
        "SELECT stage, error FROM failures WHERE source LIKE ? OR error LIKE ? OR error LIKE ?",
        [f"%/{name}", f"{name}:%", f"%/{name}:%"],
    )
    assert len(found) <= 1, f"{name}: {len(found)} failures rows"
    return found[0] if found else None


def ingested(name: str, *, number: bool = True, contains: str = "Đắk Lắk") -> Callable:
    """The input is one document (no failures row) whose text holds ``contains``, with its number."""

    def check(db: Path) -> dict:
        doc = document(db, name)
        assert doc is not None, f"{name} not ingested: {failure(db, name)}"
        assert failure(db, name) is None
        assert contains in doc["text"], doc["text"][:300]
        if number:
            assert doc["number"] == number_for(name)
        return doc

    return check


def refused(name: str, stage: str, *words: str) -> Callable:
    """The input is one failures row at ``stage`` whose message names the file and says ``words``."""

    def check(db: Path) -> None:
        assert document(db, name) is None
        row = failure(db, name)
        assert row is not None, f"{name}: no failures row"
        assert row[0] == stage and name in row[1], row
        for word in words:
            assert word in row[1], row

    return check


@dataclass(frozen=True)
class Case:
    name: str  # the class of bad input
    example: str  # what the fixture is
    outcome: str  # what must happen
    build: Callable[[Path], None]  # writes the input into the batch folder
    check: Callable[[Path], object]  # asserts on the database after the batch


def _write(name: str, data: bytes | Callable[[], bytes]) -> Callable[[Path], None]:
    ALL_NAMES.append(name)

    def build(folder: Path) -> None:
        _NUMBER[0] = number_for(name)
        try:
            (folder / name).write_bytes(data() if callable(data) else data)
        finally:
            _NUMBER[0] = NUMBER

    return build


ALL_NAMES: list[str] = []


def _both(*checks: Callable) -> Callable:
    def check(db: Path) -> None:
        results = [c(db) for c in checks]
        return results[0]

    return check


# ---------------------------------------------------------------------------------------------
# Inputs built from the real text.


def _utf8() -> bytes:
    return real_text().encode("utf-8")


def _truncated_inside_last_char() -> bytes:
    data = real_text().rstrip().encode("utf-8")
    while data[-1] < 0x80:  # cut inside the last multi-byte character
        data = data[:-1]
    return data[:-1]


def _with_controls() -> bytes:
    text = real_text().replace("Số: ", "Số:\x00 ").replace("ngày", "ng\x01ày", 1).replace("\n\n", "\n\x00\x07\n", 3)
    return text.encode("utf-8")


def _zero_width_and_bidi() -> bytes:
    text = real_text().replace("ĐẮK LẮK", "ĐẮK\u200b LẮK\u202e").replace("Số:", "\u2066Số:\u2069\u200d")
    return text.encode("utf-8")


def _utf16_no_bom() -> bytes:
    return real_text().encode("utf-16-le")


def _windows_1258() -> bytes:
    # cp1258 writes tone marks as combining characters: encode the decomposed letters it lacks
    out = []
    for char in real_text():
        try:
            out.append(char.encode("cp1258"))
        except UnicodeEncodeError:
            decomposed = unicodedata.normalize("NFD", char)
            base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONE_MARKS))
            out.append((base + "".join(c for c in decomposed if c in TONE_MARKS)).encode("cp1258"))
    return b"".join(out)


TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


def _nfd() -> bytes:
    return unicodedata.normalize("NFD", real_text()).encode("utf-8")


def _tcvn3() -> bytes:
    from parsers.text.legacy_fonts import tcvn3_table

    # TCVN3 has no capitals with tone marks: headings were typed in lower-case codes in a capital font
    to_glyph = {letter: chr(code) for code, letter in tcvn3_table().items()}
    text = unicodedata.normalize("NFC", real_text())
    chars = [
        to_glyph.get(c, to_glyph.get(c.lower(), c) if c.lower() in to_glyph and not c.isascii() else c) for c in text
    ]
    return "".join(chars).encode("latin-1", errors="replace")


def _vni() -> bytes:
    from parsers.text.legacy_fonts import vni_table

    to_glyphs = {letter: glyphs for glyphs, letter in vni_table().items()}
    text = "".join(to_glyphs.get(c, c) for c in unicodedata.normalize("NFC", real_text()))
    return text.encode("latin-1", errors="replace")


def _flipped_bytes() -> bytes:
    data = bytearray(_utf8())
    for at in (900, 2500, 4100):  # inside words: each turns one character into U+FFFD
        while data[at] < 0x80:
            at += 1
        data[at] = 0xFF
    return bytes(data)


def _long_line() -> bytes:
    line = " ".join(real_text().split())
    return ((line + " ") * (1_100_000 // len(line))).encode("utf-8")


def _large() -> bytes:
    return real_text(30000).encode("utf-8") * 150  # ~4 MB, over the batch's 3 MB limit


def _html_lines() -> list[str]:
    """The directive's lines without the text capture's table and bold marks ("|", "**")."""
    lines = (line.strip().strip("|*").strip() for line in real_text().splitlines())
    return [html.escape(line) for line in lines if line and not set(line) <= {"-"}]


def _nested_html() -> bytes:
    body = "".join(f"<p>{line}</p>" for line in _html_lines())
    return f"<html><body>{'<div>' * 1200}{body}{'</div>' * 1200}</body></html>".encode()


def _scripted_html() -> bytes:
    lines = _html_lines()
    body = "".join(f'<p onclick="steal()">{line}</p>' for line in lines[:20])
    body += "<script>document.write('<p>Điều 99. Mã độc</p>')</script><img src=x onerror=alert(1)>"
    body += "".join(f"<p>{line}</p>" for line in lines[20:])
    body += '<p>Xem <a href="javascript:alert(1)">&lt;script&gt;alert(1)&lt;/script&gt;</a></p>'
    return f"<html><head><script>alert(1)</script></head><body>{body}</body></html>".encode()


def _pdf(text: str = "Quyet dinh so 12/QD-UBND") -> bytes:
    """A small, valid one-page PDF with a text layer (written by hand: pypdf cannot draw text)."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % i + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def _encrypted_pdf() -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(_pdf())))
    writer.encrypt(user_password="mat-khau", owner_password="chu-so-huu", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _image_only_pdf() -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)  # a scan: pages with no text layer
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _docx() -> bytes:
    from tests.fuzzing import docx_from_text

    return docx_from_text(real_text())


def _zip_bomb_docx() -> bytes:
    source = zipfile.ZipFile(io.BytesIO(_docx()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            target.writestr(name, source.read(name))
        target.writestr("word/media/padding.xml", b"\0" * (20 << 20))  # 20 MB that zips to ~20 KB
    return out.getvalue()


def _corrupt_docx() -> bytes:
    """A Word file whose styles part is declared with a damaged content type (python-docx half-reads it)."""
    source = zipfile.ZipFile(io.BytesIO(_docx()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            part = source.read(name)
            if name == "[Content_Types].xml":
                part = part.replace(b"application/vnd.openxmlformats-officedocument.wordprocessingml.styles", b"x/y")
            target.writestr(name, part)
    return out.getvalue()


def _legacy_doc() -> bytes:
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + real_text().encode("utf-16-le")


def _png() -> bytes:
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\0" + bytes([255, 0, 0]) * 8 for _ in range(8))
    header = struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


ENGLISH = (
    "THE PEOPLE'S COMMITTEE OF DAK LAK PROVINCE\nDirective on raising responsibility and strengthening "
    "coordination in appraising investment procedures.\n" * 12
)


def _title_only() -> bytes:
    head = real_text()
    return head[: head.index("Thời gian qua")].encode("utf-8")


def _two_documents() -> bytes:
    other = (ROOT / "corpus" / "can-tho__160-KH-UBND.txt").read_text(encoding="utf-8")[:5000]
    return (real_text() + "\n\n" + other).encode("utf-8")


def _impossible_dates() -> bytes:
    text = real_text().replace("ngày 17\ntháng 11 năm 2025", "ngày 31\ntháng 02 năm 2025")
    text += "\nSở Tài chính chủ trì, hoàn thành trước ngày 31/02/2026 và báo cáo trước ngày 30/02/2026.\n"
    return text.encode("utf-8")


def _stray_spaces() -> bytes:
    number = _NUMBER[0]
    spaced = number.replace("/CT-UBND", " /CT- UBND")
    return real_text().replace(f"Số: {number}", f"Số: {spaced}").encode("utf-8")


def _symlink_loop(folder: Path) -> None:
    loop = folder / "vong-lap"
    loop.mkdir()
    (loop / "ve-goc").symlink_to("..", target_is_directory=True)
    (folder / "tu-tro.txt").symlink_to("tu-tro.txt")


def _unreadable(folder: Path) -> None:
    # /proc/self/mem cannot be read from offset 0, even by root (chmod 000 does not stop root)
    (folder / "khong-doc-duoc.txt").symlink_to("/proc/self/mem")


def _fifo(folder: Path) -> None:
    os.mkfifo(folder / "ong-dan.txt")


def _device(folder: Path) -> None:
    (folder / "thiet-bi.txt").symlink_to("/dev/zero")


UNUSUAL_NAMES = ["chỉ thị 010 (bản sao).txt", 'it\'s "quoted" ; name.txt', "Quyết định số 1.txt"]
_UNUSUAL = [_write(name, _utf8) for name in UNUSUAL_NAMES]


def _unusual_names(folder: Path) -> None:
    for build in _UNUSUAL:
        build(folder)


def _no_text_stored(name: str, *forbidden: str) -> Callable:
    def check(db: Path) -> None:
        doc = ingested(name)(db)
        for bad in forbidden:
            assert bad not in doc["text"], repr(bad)
        assert rows(db, "SELECT length(text) FROM documents WHERE id = ?", [doc["id"]])[0][0] == len(doc["text"])

    return check


def _same_text_as_utf8(name: str) -> Callable:
    def check(db: Path) -> None:
        doc = ingested(name)(db)
        assert doc["text"] == document(db, "goc.txt")["text"].replace(NUMBER, number_for(name))

    return check


def _legacy(name: str, encoding: str) -> Callable:
    def check(db: Path) -> None:
        doc = ingested(name, number=False)(db)
        assert doc["legacy_encoding"] == encoding
        assert "ĐẮK LẮK" in doc["text"].upper() and "Thời gian qua" in doc["text"]

    return check


def _truncated(db: Path) -> None:
    doc = ingested("cut.txt")(db)
    whole = document(db, "goc.txt")["text"].rstrip().replace(NUMBER, number_for("cut.txt"))
    assert whole.startswith(doc["text"].rstrip()) and len(whole) - len(doc["text"].rstrip()) <= 2


def _flipped(db: Path) -> None:
    doc = ingested("hong-vai-byte.txt")(db)
    assert 3 <= doc["text"].count("\ufffd") <= 9  # 0xFF and the orphaned continuation bytes of its character


def _nested(db: Path) -> None:
    doc = ingested("long-sau.html")(db)
    assert "công tác phối hợp thẩm định" in doc["text"].lower()  # the paragraphs below 1,200 levels


def _scripted(db: Path) -> None:
    doc = ingested("co-script.html")(db)
    for bad in ("steal", "Mã độc", "document.write", "onerror", "javascript:"):
        assert bad not in doc["text"], bad
    assert doc["text"].count("alert") == 1 and "<script>alert(1)</script>" in doc["text"]  # escaped text stays text


def _english(db: Path) -> None:
    refused("tieng-anh.txt", "classify", "no Vietnamese text")(db)


def _title_no_body(db: Path) -> None:
    doc = ingested("chi-co-tieu-de.txt")(db)
    assert doc["doc_type"] and rows(db, "SELECT count(*) FROM tasks WHERE document_id = ?", [doc["id"]])[0][0] == 0


def _two(db: Path) -> None:
    doc = ingested("hai-van-ban.txt")(db)  # one file is one document: the first one's metadata
    assert "Cần Thơ" in doc["text"]


def _dates(db: Path) -> None:
    doc = ingested("ngay-sai.txt")(db)
    assert doc["issue_date"] is None  # 31/02 is no date: left empty, not guessed
    dates = rows(
        db,
        "SELECT due_date FROM deadlines JOIN tasks t ON t.id = task_id WHERE t.document_id = ? "
        "UNION SELECT issue_date FROM citations WHERE document_id = ?",
        [doc["id"], doc["id"]],
    )
    import datetime as dt

    for (value,) in dates:
        assert value is None or dt.date.fromisoformat(value).isoformat() == value


def _spaces(db: Path) -> None:
    doc = ingested("so-co-cach.txt", number=False)(db)
    number = number_for("so-co-cach.txt")
    assert doc["number_key"] == number and doc["number"] == number


def _names(db: Path) -> None:
    for name in UNUSUAL_NAMES:
        ingested(name)(db)


CATALOGUE: list[Case] = [
    Case(
        "empty file",
        "0 bytes named .txt",
        "failure at read: empty file",
        _write("rong.txt", b""),
        refused("rong.txt", "read", "empty"),
    ),
    Case(
        "whitespace only",
        "spaces, tabs and newlines",
        "failure at read: empty file",
        _write("khoang-trang.txt", b" \t\n\r\n   \n"),
        refused("khoang-trang.txt", "read", "empty"),
    ),
    Case(
        "binary named .txt",
        "a PNG image saved as .txt",
        "failure at read: binary data, not text",
        _write("anh.txt", _png),
        refused("anh.txt", "read"),
    ),
    Case(
        "truncated UTF-8",
        "the real directive cut inside its last character",
        "ingested, without the cut character",
        _write("cut.txt", _truncated_inside_last_char),
        _truncated,
    ),
    Case(
        "nearly-valid UTF-8",
        "three bytes of the directive overwritten with 0xFF",
        "ingested; each broken byte is one U+FFFD",
        _write("hong-vai-byte.txt", _flipped_bytes),
        _flipped,
    ),
    Case(
        "NUL and control characters",
        "NUL, SOH and BEL inside the number line and the date",
        "ingested; controls stripped, never stored (SQL length() = text length)",
        _write("ky-tu-dieu-khien.txt", _with_controls),
        _no_text_stored("ky-tu-dieu-khien.txt", "\x00", "\x01", "\x07"),
    ),
    Case(
        "zero-width and bidi characters",
        "ZWSP, ZWJ, RLO, LRI/PDI inside the issuer and the number",
        "ingested; invisible and bidi controls stripped, number found",
        _write("zero-width.txt", _zero_width_and_bidi),
        _no_text_stored("zero-width.txt", "\u200b", "\u202e", "\u2066", "\u200d"),
    ),
    Case(
        "UTF-16 without BOM",
        "the directive as UTF-16 LE, no byte order mark",
        "ingested, same text as the UTF-8 original",
        _write("utf16.txt", _utf16_no_bom),
        _same_text_as_utf8("utf16.txt"),
    ),
    Case(
        "Windows-1258",
        "the directive in the Vietnamese codepage (combining tone marks)",
        "ingested, same text as the UTF-8 original",
        _write("cp1258.txt", _windows_1258),
        _same_text_as_utf8("cp1258.txt"),
    ),
    Case(
        "NFD text",
        "the directive decomposed (letters + combining marks)",
        "ingested, same (NFC) text as the original",
        _write("nfd.txt", _nfd),
        _same_text_as_utf8("nfd.txt"),
    ),
    Case(
        "TCVN3 legacy text",
        'the directive in TCVN3 (ABC) bytes: "Uû ban nh©n d©n"',
        "ingested, converted to Unicode, documents.legacy_encoding = TCVN3",
        _write("tcvn3.txt", _tcvn3),
        _legacy("tcvn3.txt", "TCVN3"),
    ),
    Case(
        "VNI legacy text",
        'the directive in VNI Windows bytes: "UÛY BAN NHAÂN DAÂN"',
        "ingested, converted to Unicode, documents.legacy_encoding = VNI",
        _write("vni.txt", _vni),
        _legacy("vni.txt", "VNI"),
    ),
    Case(
        "single multi-megabyte line",
        "the directive's text repeated on one 1.1 MB line (over spaCy's 1M-character cap), --max-seconds 30",
        "ingested (or, past --max-seconds, a failure naming the limit)",
        _write("mot-dong.txt", _long_line),
        lambda db: document(db, "mot-dong.txt") or refused("mot-dong.txt", "parse", "--max-seconds")(db),
    ),
    Case(
        "large text over the size limit",
        "4 MB of the directive, batch run with --max-size 3",
        "failure at read naming the size limit and --max-size",
        _write("lon.txt", _large),
        refused("lon.txt", "read", "size limit", "--max-size"),
    ),
    Case(
        "deeply nested HTML",
        "the directive's paragraphs inside 1,200 nested <div>s",
        "ingested, nothing below the parser's depth limit lost",
        _write("long-sau.html", _nested_html),
        _nested,
    ),
    Case(
        "HTML with scripts and event handlers",
        "<script>, onclick, onerror, javascript: links, escaped <script> text",
        "ingested; scripts and handlers never become text or run; markup-like text stays text",
        _write("co-script.html", _scripted_html),
        _scripted,
    ),
    Case(
        "corrupt PDF",
        "a PDF cut in half",
        "failure at read: cannot read the PDF",
        _write("hong.pdf", lambda: _pdf()[: len(_pdf()) // 2]),
        refused("hong.pdf", "read", "PDF"),
    ),
    Case(
        "encrypted PDF",
        "an RC4-encrypted PDF (password protected)",
        "failure at read: encrypted",
        _write("ma-hoa.pdf", _encrypted_pdf),
        refused("ma-hoa.pdf", "read", "encrypted"),
    ),
    Case(
        "scanned / image-only PDF",
        "a PDF whose page has no text layer",
        "failure at read: no text layer",
        _write("scan.pdf", _image_only_pdf),
        refused("scan.pdf", "read"),
    ),
    Case(
        "zip bomb .docx",
        "a Word file with a part of 20 MB of zeros (20 KB zipped), batch run with --max-unpacked 8",
        "failure at read naming the unpacked-size limit and --max-unpacked",
        _write("bom.docx", _zip_bomb_docx),
        refused("bom.docx", "read", "--max-unpacked"),
    ),
    Case(
        "corrupt .docx",
        "a Word file whose styles part has a damaged content type",
        "failure at read: the Word document is damaged",
        _write("hong.docx", _corrupt_docx),
        refused("hong.docx", "read", "Word document"),
    ),
    Case(
        "legacy .doc",
        "an OLE2 (Word 97-2003) file",
        "failure at read: save it as .docx",
        _write("cu.doc", _legacy_doc),
        refused("cu.doc", "read", ".docx"),
    ),
    Case(
        "an image",
        "a PNG file",
        "failure at read: images are not supported",
        _write("anh.png", _png),
        refused("anh.png", "read", "image"),
    ),
    Case(
        "non-Vietnamese text",
        "an English translation of the heading",
        "failure at classify: no Vietnamese text (not counted as a failed input)",
        _write("tieng-anh.txt", ENGLISH.encode()),
        _english,
    ),
    Case(
        "a title with no body",
        "the directive's header, number, date and title only",
        "ingested with its metadata and no tasks",
        _write("chi-co-tieu-de.txt", _title_only),
        _title_no_body,
    ),
    Case(
        "two documents in one file",
        "the directive followed by a Cần Thơ plan",
        "ingested as one document with the first one's metadata",
        _write("hai-van-ban.txt", _two_documents),
        _two,
    ),
    Case(
        "impossible dates",
        'issued "ngày 31 tháng 02", deadlines 31/02 and 30/02',
        "ingested; impossible dates left empty, every stored date valid ISO",
        _write("ngay-sai.txt", _impossible_dates),
        _dates,
    ),
    Case(
        "number with stray spaces",
        '"Số: 122 /CT- UBND" (each input of the batch has a number of its own)',
        "ingested; number stored without spaces (number_key 122/CT-UBND)",
        _write("so-co-cach.txt", _stray_spaces),
        _spaces,
    ),
    Case(
        "unusual file names",
        "spaces, quotes, a semicolon and Vietnamese letters in names",
        "ingested under their names",
        _unusual_names,
        _names,
    ),
    Case(
        "symlink loop",
        "a folder link back to its parent; a file link to itself",
        "one failure at find each; not followed",
        _symlink_loop,
        _both(refused("vong-lap/ve-goc", "find", "symlink loop"), refused("tu-tro.txt", "find", "symlink")),
    ),
    Case(
        "unreadable file",
        "a .txt that cannot be read (I/O error)",
        "failure at read naming the OS error",
        _unreadable,
        refused("khong-doc-duoc.txt", "read", "Error"),
    ),
    Case(
        "FIFO",
        "a named pipe called .txt",
        "failure at read: a FIFO, not read (never blocks)",
        _fifo,
        refused("ong-dan.txt", "read", "FIFO"),
    ),
    Case(
        "device",
        "a .txt link to /dev/zero",
        "failure at read: a device, not read (never exhausts memory)",
        _device,
        refused("thiet-bi.txt", "read", "device"),
    ),
]


def build_batch(folder: Path) -> None:
    """The whole catalogue plus the good original (goc.txt) in one folder."""
    (folder / "goc.txt").write_bytes(_utf8())
    for case in CATALOGUE:
        case.build(folder)


def catalogue_markdown() -> str:
    """The README's table of bad-input classes."""
    lines = ["| class | example | outcome |", "|---|---|---|"]
    for case in CATALOGUE:
        cells = [html.escape(c, quote=False).replace("|", "\\|") for c in (case.name, case.example, case.outcome)]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)
