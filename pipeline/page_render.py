"""Lay a document's text out as an official page (HTML printed to PDF by headless Chromium).

Used to build OCR fixtures and the OCR evaluation set from real texts (``make ocr-eval``):
the header and signature rows side by side in two columns, the type heading and title
centred in bold, body paragraphs justified with a first-line indent, in a Times-metric
serif at 13 pt on A4, as Nghị định 30/2020/NĐ-CP sets documents.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

STYLE = """
@page { size: A4; margin: 20mm 15mm 20mm 30mm; }
body { font-family: 'Liberation Serif', 'Times New Roman', serif; font-size: 13pt; line-height: 1.35; }
table { width: 100%; border-collapse: collapse; margin: 0 0 10pt 0; }
td { vertical-align: top; text-align: center; width: 50%; padding: 0 4pt; font-size: 12pt; }
td.left { width: 40%; } td.right { width: 60%; }
p { text-align: justify; text-indent: 12mm; margin: 0 0 5pt 0; }
p.heading { text-align: center; text-indent: 0; font-weight: bold; }
"""
# Where the header's lines break, as official documents set them: after the body's kind (before
# its place) and after the national name (before the motto).
HEADER_BREAKS = re.compile(r"(?<=NHÂN DÂN) (?=TỈNH|THÀNH PHỐ)|(?<=VIỆT NAM) (?=Độc lập)")
HEADING = re.compile(r"^(?:QUYẾT ĐỊNH|KẾ HOẠCH|CHỈ THỊ|NGHỊ QUYẾT|CÔNG VĂN)\b|^[^a-zà-ỹđ]{6,}$")


def document_html(text: str) -> str:
    """One line of ``text`` per paragraph; a line with tabs is a two-column row."""
    parts = [f"<html><head><meta charset='utf-8'><style>{STYLE}</style></head><body>"]
    for line in text.split("\n"):
        if "\t" in line:
            left, right = (HEADER_BREAKS.sub("<br>", html.escape(c)) for c in line.split("\t", 1))
            parts.append(f"<table><tr><td class='left'>{left}</td><td class='right'>{right}</td></tr></table>")
        elif line.strip():
            kind = " class='heading'" if HEADING.match(line) else ""
            parts.append(f"<p{kind}>{html.escape(line)}</p>")
    return "\n".join(parts + ["</body></html>"])


def print_pdf(page_html: str, out: Path) -> Path:
    """Print an HTML page to PDF with headless Chromium (Debian's ``chromium``)."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if not browser:
        raise RuntimeError("Chromium is not installed (Debian package chromium)")
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "page.html"
        page.write_text(page_html, encoding="utf-8")
        command = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer"]
        command += [f"--print-to-pdf={out}", page.as_uri()]
        subprocess.run(command, check=True, capture_output=True, timeout=120)
    return out
