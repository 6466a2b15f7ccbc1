"""A PDF text layer whose signature sits against the recipients' list with a narrow gap or none, and
the signer's name after the title on the same line ("KT. CHỦ TỊCH PHÓ / CHỦ TỊCH Nguyễn Văn Đệ").

Lines of the text layers (pdftotext -layout) of corpus/ocr-eval's printed pages: Hồ Chí Minh 172/KH-UBND,
Nghệ An 980/KH-UBND and Hà Nội 308/KH-UBND, from the header to the storage line of the recipients.
"""

from __future__ import annotations

import pytest

from parsers import parse_metadata
from parsers.sites import read_source
from parsers.sites._layout_text import layout_to_text
from parsers.text.clean import clean_text
from parsers.text.structure import split_paragraphs

# ho-chi-minh__172-KH-UBND: the signature with no gap from the list
HO_CHI_MINH = """\
     ỦY BAN NHÂN DÂN                  CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
   THÀNH PHỐ HỒ CHÍ MINH                    Độc lập - Tự do - Hạnh phúc
        Số: 172/KH-UBND             Thành phố Hồ Chí Minh, ngày 18 tháng 11 năm 2025

                                     KẾ HOẠCH

có liên quan kịp thời phản ánh về Ủy ban nhân dân Thành phố (thông qua Sở Nội vụ)
để hướng dẫn giải quyết hoặc trình cấp có thẩm quyền xem xét, quyết định./.
 Nơi nhận: - Thường trực Thành ủy; KT. CHỦ TỊCH PHÓ CHỦ TỊCH Trần Thị Diệu Thúy
 - Thường trực HĐND Thành phố; -
    TTUB: CT, các PCT; - Ủy ban
   MTTQVN Thành phố; - Các sở,
  ban, ngành, đoàn thể Thành phố; -
  Ủy ban nhân dân các xã, phường,
 đặc khu; - VPUB: CPV, các PCVP;
   - Phòng: TH, VX, NCPC; - Lưu:
"""

# nghe-an__980-KH-UBND: the signature four spaces from the list
NGHE_AN = """\
      ỦY BAN NHÂN DÂN                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        TỈNH NGHỆ AN                        Độc lập - Tự do - Hạnh phúc
        Số: 980/KH-UBND                    Nghệ An, ngày 18 tháng 11 năm 2025

                                    KẾ HOẠCH

       Yêu cầu các sở, ban, ngành, Ủy ban nhân dân các xã, phường và các đơn vị có
liên quan thực hiện nghiêm túc./.
 Nơi nhận: - Chủ tịch UBND tỉnh; -    TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ
 Các PCT UBND tỉnh; - Bộ Chỉ huy              CHỦ TỊCH Nguyễn Văn Đệ
  Quân sự tinh; - Ban CHBĐ Biên
  phòng; - Văn phòng BCHPTDS
tinh; - Các sở, ban, ngành cấp tỉnh;
 - CVP UBND tỉnh; - PCVP (NC)
   UBND tỉnh; - UBND các xã,
phường; - Lưu: VT, NC (TP, Dũng).
"""

# ha-noi__308-KH-UBND: the signature three spaces from the list
HA_NOI = """\
      ỦY BAN NHÂN DÂN                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
      THÀNH PHỐ HÀ NỘI                      Độc lập - Tự do - Hạnh phúc
        Số: 308/KH-UBND                     Hà Nội, ngày 17 tháng 11 năm 2025

                                    KẾ HOẠCH

ánh về Sở Khoa học và Công nghệ để tổng hợp, hướng dẫn giải quyết hoặc trình cấp có
thẩm quyền xem xét, quyết định./.
Nơi nhận: - Bộ Công An; - Bộ Khoa   TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ
 học và Công nghệ; - Thường trực            CHỦ TỊCH Trương Việt Dũng
Thành ủy; - Chủ tịch UBND Thành
  phố; - Các Phó Chủ tịch UBND
 Thành phố; - Các Sở, ban, ngành
Thành phố; - UBND xã, phường; -
 VPUB: CVP; PCVP P.T.T.Huyền,
    các phòng, đơn vị: ĐMPT,
 TTTTDL&CNS, TH; - Lưu: VT,
"""


@pytest.mark.parametrize(
    ("laid_out", "signer", "title"),
    [
        (HO_CHI_MINH, "Trần Thị Diệu Thúy", "Phó Chủ tịch"),
        (NGHE_AN, "Nguyễn Văn Đệ", "Phó Chủ tịch"),
        (HA_NOI, "Trương Việt Dũng", "Phó Chủ tịch"),
    ],
)
def test_a_signature_against_the_recipients_gives_signer_and_title(laid_out, signer, title):
    signature_line = next(line for line in layout_to_text(laid_out).split("\n") if line.startswith("Nơi nhận"))
    recipients, signature = signature_line.split("\t")
    assert signature.endswith(signer) and "CHỦ TỊCH" in signature
    assert signer not in recipients and recipients.startswith("Nơi nhận: -")
    source = read_source("kh.txt", laid_out.encode("utf-8"))
    meta, _ = parse_metadata(split_paragraphs(clean_text(source)), source.hints)
    assert (meta.signer, meta.signer_title) == (signer, title)
