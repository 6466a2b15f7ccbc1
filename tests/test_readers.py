"""The reader registry and the readers' conventions, on small inputs built from real document phrases."""

from __future__ import annotations

import io

import docx
import lxml.html
import pytest
from docx.enum.text import WD_BREAK
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfWriter

from parsers.models import SourceText
from parsers.sites import READERS, read_source, reader_for
from parsers.sites._html import render
from parsers.sites.pdf import _drop_running_heads, _page_lines
from parsers.sites.vbpl import iso_date
from pipeline.ingest import DOCUMENT_SUFFIXES

HEADER_CELLS = ("ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
# From the task table of Đắk Lắk 0130/KH-UBND-like plans: ordinal, task, lead, partners, deadline.
TASK_TABLE = """<table>
<tr><th rowspan="2">STT</th><th rowspan="2">Nội dung nhiệm vụ</th><th colspan="2">Cơ quan thực hiện</th>
    <th rowspan="2">Thời gian hoàn thành</th></tr>
<tr><th>Chủ trì</th><th>Phối hợp</th></tr>
<tr><td>1</td><td><p>Tổ chức phun hóa chất khử khuẩn</p><p>tại khu vực ngập lụt</p></td><td>Sở Y tế</td>
    <td></td><td rowspan="2">Tháng 12/2025</td></tr>
<tr><td>2</td><td>Cấp nước sạch cho người dân</td><td>Sở Nông nghiệp và Môi trường</td><td>UBND các xã, phường</td></tr>
<tr><td colspan="5">II. KINH PHÍ</td></tr>
</table>"""


def html_lines(markup: str) -> list[str]:
    return render(lxml.html.document_fromstring(markup).body)


# --- registry ------------------------------------------------------------------------------


def test_every_reader_follows_the_protocol():
    sites = [r.SITE for r in READERS]
    assert len(sites) == len(set(sites))
    for reader in READERS:
        assert callable(reader.matches) and callable(reader.read) and reader.read.__doc__
    # specific sites before the generic fallbacks
    assert sites.index("vbpl") < sites.index("html") and sites.index("congbao_sonla") < sites.index("html")
    assert sites[-1] == "text" or "text" not in sites


@pytest.mark.parametrize(
    ("name", "data", "site"),
    [
        ("toanvan.html", b"<!--UrlControls:\\VBQPPL_UserControls\\uc_ToanVan.ascx--><html></html>", "vbpl"),
        ("ket-qua.html", b'<a href="/tw/Pages/vbpq-toanvan.aspx?ItemID=1">x</a>', "vbpl"),
        (
            "cb.html",
            b"<tr><td><span class='doc-notation'>s\xe1\xbb\x91 37/2026/Q\xc4\x90-UBND</span></td></tr>",
            "congbao_sonla",
        ),
        ("quyet-dinh.htm", "<p>Điều 1. Phê duyệt Kế hoạch</p>".encode(), "html"),
        ("download", b"<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),
        ("download", b"%PDF-1.7\n%\xe2\xe3", "pdf"),
        ("van-ban.PDF", b"%PDF-1.4", "pdf"),
        ("cong-van.docx", b"PK\x03\x04", "docx"),
        ("ghi-chu.md", "Kế hoạch số 980/KH-UBND".encode(), "text"),
    ],
)
def test_reader_for_picks_the_site_or_format(name, data, site):
    assert site == reader_for(name, data).SITE


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("trong.html", b"", r"^trong\.html: empty file$"),
        ("trong.txt", b"  \n ", r"^trong\.txt: empty file$"),
        ("QD so 37.2026.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", r"^QD so 37\.2026\.doc: legacy Word \.doc .*\.docx"),
        ("bang.xlsx", b"PK\x03\x04", r"spreadsheets are not supported"),
        ("anh.bin", b"\x00\x01\x02\x03", r"^anh\.bin: unsupported file type"),
    ],
)
def test_read_source_refuses_clearly(name, data, message):
    with pytest.raises(ValueError, match=message):
        read_source(name, data)


# --- HTML rendering: the text convention ----------------------------------------------------


def test_table_rows_are_tab_separated_and_spans_padded():
    assert html_lines(TASK_TABLE) == [
        "STT\tNội dung nhiệm vụ\tCơ quan thực hiện\t\tThời gian hoàn thành",
        "\t\tChủ trì\tPhối hợp\t",
        "1\tTổ chức phun hóa chất khử khuẩn tại khu vực ngập lụt\tSở Y tế\t\tTháng 12/2025",
        "2\tCấp nước sạch cho người dân\tSở Nông nghiệp và Môi trường\tUBND các xã, phường\t",
        "II. KINH PHÍ",
    ]


@pytest.mark.parametrize(
    ("markup", "lines"),
    [
        # a one-column table is layout: its cells are paragraphs (vbpl's header block)
        (
            "<table><tr><td><div><b>QUỐC HỘI</b></div><div>Số: 100/2015/QH13</div></td></tr></table>",
            ["QUỐC HỘI", "Số: 100/2015/QH13"],
        ),
        # bold, italics and spans are dropped, <br> breaks the line, &nbsp; is a space
        (
            "<p><b>Điều 1.</b>&nbsp;Phê duyệt <i>Kế hoạch</i><br>kèm theo Quyết định này</p>",
            ["Điều 1. Phê duyệt Kế hoạch", "kèm theo Quyết định này"],
        ),
        # footnote calls go, the rest of the sentence stays
        (
            '<p>Luật số 42/2024/QH15<a href="#_ftn1"><sup>[1]</sup></a> ngày 29/6/2024</p>',
            ["Luật số 42/2024/QH15 ngày 29/6/2024"],
        ),
        # scripts, styles, form controls and hidden pop-ups are not text
        (
            "<div><script>var a = 1;</script><style>p{}</style><p>Nơi nhận:</p>"
            '<select><option>Bộ Y tế</option></select><div style="display: none">Tải về</div></div>',
            ["Nơi nhận:"],
        ),
        # an ordered list gets the numbers the browser shows, unless the text has its own
        (
            '<ol type="a"><li>Sở Tài chính</li><li>Sở Nội vụ</li></ol><ol><li>1. Mục đích</li></ol>',
            ["a. Sở Tài chính", "b. Sở Nội vụ", "1. Mục đích"],
        ),
        # a header table of two columns is one row: "Số: ...<tab>place, date"
        (
            "<table><tr><td><p>Số: 0130/KH-UBND</p></td>"
            "<td><p><i>Đắk Lắk, ngày 21 tháng 11 năm 2025</i></p></td></tr></table>",
            ["Số: 0130/KH-UBND\tĐắk Lắk, ngày 21 tháng 11 năm 2025"],
        ),
    ],
)
def test_html_rendering(markup, lines):
    assert html_lines(markup) == lines


# --- generic HTML ---------------------------------------------------------------------------

PAGE = """<html><head><title>Kế hoạch 0130/KH-UBND</title></head><body>
<div class="header"><a href="/">Cổng thông tin điện tử tỉnh Đắk Lắk</a></div>
<ul class="main-menu"><li><a href="/">Trang chủ</a></li><li><a href="/vb">Văn bản</a></li></ul>
<div class="container"><div class="content-left">
  <div class="doc-head"><p>Số: 0130/KH-UBND</p><p>Đắk Lắk, ngày 21 tháng 11 năm 2025</p></div>
  <h2 class="doc-title">KẾ HOẠCH Khắc phục môi trường và phòng, chống dịch bệnh truyền nhiễm sau lụt bão</h2>
  <div class="doc-body">
    <p>Do hậu quả mưa lớn kéo dài, từ ngày 17 đến ngày 20 tháng 11 năm 2025 tỉnh Đắk Lắk đang phải hứng chịu
    đợt mưa lớn lịch sử kéo dài nhiều ngày liên tục, tình hình hiện nay vẫn chưa có dấu hiệu giảm sút.</p>
    <p>1. Sở Y tế chủ trì, phối hợp với UBND các xã, phường tổ chức giám sát dịch bệnh, xử lý ổ dịch kịp thời,
    không để dịch bệnh lây lan trong cộng đồng sau lụt bão; báo cáo UBND tỉnh trước ngày 15/12/2025.</p>
    <p>2. Sở Nông nghiệp và Môi trường hướng dẫn xử lý vệ sinh môi trường, thu gom, xử lý rác thải, xác động vật
    chết và khử khuẩn nguồn nước sinh hoạt tại các khu vực bị ngập lụt trên địa bàn tỉnh.</p>
  </div>
  <div class="doc-sign"><p>Nơi nhận: - Bộ Y tế (b/c);</p><p>KT. CHỦ TỊCH</p></div>
</div>
<div class="sidebar"><h3>Văn bản mới</h3><ul><li><a href="/1">Quyết định 2015/QĐ-UBND</a></li></ul>
  <p>Lượt truy cập: 1234567</p></div></div>
<div class="footer">Bản quyền thuộc UBND tỉnh Đắk Lắk</div>
</body></html>"""


def test_generic_html_keeps_the_document_and_drops_the_site():
    source = read_source("dak-lak.html", PAGE.encode())
    lines = source.text.split("\n")
    assert lines[0] == "Số: 0130/KH-UBND"
    assert lines[2].startswith("KẾ HOẠCH Khắc phục")
    assert lines[-1] == "KT. CHỦ TỊCH"
    for chrome in ("Trang chủ", "Văn bản mới", "Lượt truy cập", "Bản quyền", "Cổng thông tin"):
        assert chrome not in source.text
    assert source.hints == {"layout": "paragraphs", "page_title": "Kế hoạch 0130/KH-UBND"}


NEWS_ITEM = (
    "<div class='news-item'><h4><a href='/n{i}'>Nghệ An đẩy mạnh chuyển đổi số năm 2025</a></h4>"
    "<p>Sáng nay, UBND tỉnh Nghệ An tổ chức hội nghị tổng kết công tác chuyển đổi số, đánh giá kết quả thực hiện "
    "các chỉ tiêu và đề ra nhiệm vụ trọng tâm cho thời gian tới trong toàn tỉnh.</p></div>"
)
ARTICLE = """<div class="detail"><table><tr><td><p>ỦY BAN NHÂN DÂN TỈNH NGHỆ AN</p><p>Số: 980/KH-UBND</p></td>
<td><p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p><p>Nghệ An, ngày 20 tháng 11 năm 2025</p></td></tr></table>
<p>KẾ HOẠCH</p><p>Thực hiện Quyết định số 1899/QĐ-TTg của Thủ tướng Chính phủ</p>
<p>1. Sở Công Thương chủ trì, phối hợp với các sở, ngành liên quan triển khai thực hiện Kế hoạch này.</p>
<table><tr><td><p>Nơi nhận:</p><p>- Như trên;</p></td><td><p>TM. ỦY BAN NHÂN DÂN</p></td></tr></table></div>"""


def test_generic_html_leaves_out_related_news_longer_than_the_document():
    news = "".join(NEWS_ITEM.format(i=i) for i in range(5))
    page = f"<html><body><div class='wrap'><div class='article'>{ARTICLE}</div><div>{news}</div></div></body></html>"
    lines = read_source("980-KH-UBND.html", page.encode()).text.split("\n")
    assert lines[0].split("\t") == [
        "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN Số: 980/KH-UBND",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Nghệ An, ngày 20 tháng 11 năm 2025",
    ]
    assert lines[-1] == "Nơi nhận: - Như trên;\tTM. ỦY BAN NHÂN DÂN"
    assert len(lines) == 5


def test_generic_html_page_filled_by_javascript_is_refused():
    page = b'<html><body><div id="app"></div><script src="app.js"></script></body></html>'
    with pytest.raises(ValueError, match=r"^spa\.html: no text found"):
        read_source("spa.html", page)


# --- docx ---------------------------------------------------------------------------------


def _docx_bytes(build) -> bytes:
    document = docx.Document()
    build(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_paragraphs_numbering_and_merged_cells():
    def build(d):
        header = d.add_table(rows=2, cols=2)
        header.cell(0, 0).text, header.cell(0, 1).text = HEADER_CELLS
        header.cell(1, 0).merge(header.cell(1, 1)).text = "Số: 0130/KH-UBND"
        d.add_paragraph("KẾ HOẠCH")
        d.add_paragraph("Sở Y tế chủ trì giám sát dịch bệnh", style="List Number")
        d.add_paragraph("Sở Tài chính bố trí kinh phí", style="List Number")
        p = d.add_paragraph("Nơi nhận:")
        p.add_run().add_break(WD_BREAK.LINE)
        p.add_run("- Bộ Y tế (b/c);")
        tasks = d.add_table(rows=3, cols=3)
        for i, cells in enumerate([("STT", "Nhiệm vụ", "Thời gian"), ("1", "Phun khử khuẩn", "Tháng 12/2025")]):
            for j, text in enumerate(cells):
                tasks.cell(i, j).text = text
        tasks.cell(1, 2).merge(tasks.cell(2, 2))
        tasks.cell(2, 0).text, tasks.cell(2, 1).text = "2", "Cấp nước sạch"

    source = read_source("kh.docx", _docx_bytes(build))
    assert source.site == "docx" and source.hints == {"layout": "paragraphs"}
    assert source.text.split("\n") == [
        "\t".join(HEADER_CELLS),
        "Số: 0130/KH-UBND",
        "KẾ HOẠCH",
        "1. Sở Y tế chủ trì giám sát dịch bệnh",
        "2. Sở Tài chính bố trí kinh phí",
        "Nơi nhận:",
        "- Bộ Y tế (b/c);",
        "STT\tNhiệm vụ\tThời gian",
        "1\tPhun khử khuẩn\tTháng 12/2025",
        "2\tCấp nước sạch\t",
    ]


def test_damaged_docx_is_refused():
    with pytest.raises(ValueError, match=r"^hong\.docx: cannot read the Word document"):
        read_source("hong.docx", b"PK\x03\x04 not really a zip")


# --- PDF ------------------------------------------------------------------------------------


def test_pdf_without_text_is_a_scan():
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    with pytest.raises(ValueError) as error:
        read_source("CV-813-CucHoaChat.pdf", buffer.getvalue())
    # the scan reader takes it: blank for OCR, or OCR not installed; either way the file and the reason are named
    assert str(error.value).startswith("CV-813-CucHoaChat.pdf: ")
    assert "scanned PDF without a text layer" in str(error.value)


def test_damaged_pdf_is_refused():
    with pytest.raises(ValueError, match=r"^hong\.pdf: cannot read the PDF"):
        read_source("hong.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer<<>>\n%%EOF")


# --- vbpl dates and robustness ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("27/11/2015", "2015-11-27"),
        ("Hà Nội, ngày 28 tháng 11 năm 2013", "2013-11-28"),
        ("Ngày có hiệu lực: 01/01/2018", "2018-01-01"),
        ("31/02/2015", None),
        ("Không số", None),
    ],
)
def test_iso_date(text, iso):
    assert iso_date(text) == iso


@settings(max_examples=60, deadline=None)
@given(data=st.binary(max_size=400), name=st.sampled_from(["a.html", "a.pdf", "a.docx", "a.txt", "a"]))
def test_readers_raise_only_value_errors(data, name):
    try:
        result = read_source(name, data)
    except ValueError:
        return
    assert isinstance(result, SourceText) and result.source == name


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet="Điều 1. Sở Tài chính chủ trì, phối hợp <>&/;\"'\n\t", max_size=40), max_size=8))
def test_html_reader_never_crashes_on_odd_markup(pieces):
    page = "<html><body>" + "".join(f"<p>{p}</p><td>{p}</td><tr>" for p in pieces) + "</body></html>"
    try:
        source = read_source("odd.html", page.encode())
    except ValueError as error:
        assert str(error).startswith("odd.html: ")
        return
    assert "\r" not in source.text and not source.text.startswith("\n")


def test_pdf_running_heads_and_page_numbers_are_dropped():
    pages = [
        ["CÔNG BÁO/Số 12/Ngày 10-7-2026", "Điều 1. Phạm vi điều chỉnh", "Quyết định này quy định", "Trang 1"],
        ["CÔNG BÁO/Số 13/Ngày 10-7-2026", "Điều 2. Đối tượng áp dụng", "Trang 2"],
        ["CÔNG BÁO/Số 14/Ngày 10-7-2026", "Điều 3. Hiệu lực thi hành", "Trang 3"],
    ]
    assert _drop_running_heads(pages) == [
        ["Điều 1. Phạm vi điều chỉnh", "Quyết định này quy định"],
        ["Điều 2. Đối tượng áp dụng"],
        ["Điều 3. Hiệu lực thi hành"],
    ]
    # two pages are too few to tell a running head from the text
    assert _drop_running_heads(pages[:2]) == pages[:2]
    assert _page_lines("2\nTheo đề nghị của Giám đốc Sở Công Thương\n", 2) == [
        "Theo đề nghị của Giám đốc Sở Công Thương"
    ]


W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
MC_NS = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'


def test_docx_revisions_fields_hidden_text_content_controls_and_text_boxes():
    from docx.oxml import parse_xml

    paragraph = parse_xml(
        f"<w:p {W_NS} {MC_NS}>"
        "<w:r><w:t xml:space='preserve'>Giao Sở Tài chính </w:t></w:r>"
        "<w:del><w:r><w:delText>chủ động</w:delText></w:r></w:del>"
        "<w:ins><w:r><w:t>chủ trì</w:t></w:r></w:ins>"
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t> (ghi chú ẩn)</w:t></w:r>"
        "<w:r><w:fldChar w:fldCharType='begin'/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>"
        "<w:r><w:fldChar w:fldCharType='separate'/></w:r><w:r><w:t>, trước ngày 15/12/2025</w:t></w:r>"
        "<w:r><w:fldChar w:fldCharType='end'/></w:r>"
        "<w:r><mc:AlternateContent><mc:Choice Requires='wps'><w:drawing><w:txbxContent>"
        "<w:p><w:r><w:t>Số: 12/QĐ-UBND</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice>"
        "<mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>Số: 12/QĐ-UBND</w:t></w:r></w:p>"
        "</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
        "</w:p>"
    )
    control = parse_xml(
        f"<w:sdt {W_NS}><w:sdtContent><w:p><w:r><w:t>Nơi nhận:</w:t></w:r></w:p></w:sdtContent></w:sdt>"
    )

    def build(d):
        body = d.element.body
        body.insert(0, control)
        body.insert(0, paragraph)

    text = read_source("qd.docx", _docx_bytes(build)).text
    assert text.split("\n") == [
        "Giao Sở Tài chính chủ trì, trước ngày 15/12/2025",
        "Số: 12/QĐ-UBND",
        "Nơi nhận:",
    ]


def test_ingest_searches_folders_for_what_the_readers_read():
    for reader in READERS:
        assert set(reader.EXTENSIONS) <= DOCUMENT_SUFFIXES, reader.SITE
    assert {".aspx", ".docm", ".pdf", ".png"} <= DOCUMENT_SUFFIXES
