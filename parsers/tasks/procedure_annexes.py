"""Annexes that hold administrative procedures, not assignments of work.

A decision or resolution that publishes, standardises, simplifies or devolves administrative
procedures ("Về việc công bố danh mục thủ tục hành chính ...", "Phân quyền, cắt giảm, đơn giản
hóa thủ tục hành chính, điều kiện kinh doanh") carries the procedures themselves in its annexes,
after the signature: who receives a file, in how many days an office decides, which papers the
applicant sends, the forms. Those sentences describe a procedure ("Sở Nội vụ tiếp nhận hồ sơ,
kiểm tra và cấp giấy biên nhận ...", "Bộ Công Thương thẩm định hồ sơ trong thời hạn 15 ngày làm
việc ..."); they assign no work, so the items of such annexes are not tasks. A task table in
them (a list with a "Cơ quan chủ trì" column) is still read, by the table reader.
"""

from __future__ import annotations

import re

from parsers.models import Metadata

# The titles of decisions about procedures (the document's own title, not its annexes')
PROCEDURE_TITLE = re.compile(
    r"(?:công\s+bố|chuẩn\s+hóa|cắt\s+giảm|đơn\s+giản\s+hóa|phân\s+quyền|phân\s+cấp|quy\s+trình\s+nội\s+bộ)"
    r"[^.;]{0,80}thủ\s+tục\s+hành\s+chính",
    re.I,
)
# Plans and letters about procedures ("Kế hoạch rà soát, đơn giản hóa thủ tục hành chính năm
# 2025") keep their annexes' items: there the annex lists work to do.
ENACTING_TYPES = {"quyết định", "nghị quyết", "nghị định", "thông tư"}


def procedure_annexes_from(metadata: Metadata, closing: set[int]) -> int | None:
    """The first paragraph after which items are procedure text (the signature's end), or None
    when the document is not a decision about procedures or has no closing block."""
    if (metadata.doc_type or "").casefold() not in ENACTING_TYPES:
        return None
    if not PROCEDURE_TITLE.search(metadata.title or "") or not closing:
        return None
    end = min(closing)
    while end + 1 in closing:  # the first closing block; the annexes' forms have their own "Nơi nhận"
        end += 1
    return end + 1
