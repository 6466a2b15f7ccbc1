"""Items that read like tasks but assign no work: award quotas and pointers to the rules.

- An award quota says how many may be proposed, not what to do: "- Ban Chỉ đạo bầu cử của tỉnh:
  Không quá 05 cá nhân;", "- Đối với Ban Tổ chức Tỉnh ủy; Công an tỉnh; ... mỗi đơn vị đề nghị không
  quá 01 tập thể, 03 cá nhân;", "3. Ủy ban nhân dân xã, phường: Xét tối đa 15 tập thể và 30 cá nhân.".
- A form's field left blank ("Chủ trì: Ông (bà)……………") is for whoever fills the form in.
- A pointer sends the reader to the rules: "Thực hiện theo quy định tại mục 1, Phần III Công văn số
  7886/HD-BNV ...", "Thực hiện theo đúng quy định pháp luật về thi đua, khen thưởng hiện hành.",
  "Thực hiện theo quy định tại khoản 2 Điều này;".
- A statement about its subject says what a body is, has or may do, not work it must do: "Văn phòng Hội
  đồng Y khoa Quốc gia là cơ quan giúp việc của Hội đồng ...", "Văn phòng Hội đồng có Chánh Văn phòng và
  các Phó Chánh Văn phòng", "Ủy viên Hội đồng được cung cấp thông tin, tài liệu cần thiết", "Văn phòng
  Hội đồng hoạt động theo Quy chế tổ chức và hoạt động do Bộ trưởng Bộ Y tế ban hành." (a charter's
  articles on its structure), "Ủy viên ... do Chủ tịch Hội đồng ... bổ nhiệm".
"""

from __future__ import annotations

import re

from parsers.tasks.actions import UNKNOWN, opening_action
from parsers.tasks.roles import MentionIndex, subject

# "Không quá 05 cá nhân", "không quá 01 tập thể, 03 cá nhân", "Xét tối đa 2 tập thể và 4 cá nhân",
# "01 cá nhân/01 ban", "chọn 02 trường hợp (tập thể hoặc cá nhân)"
QUOTA = re.compile(
    r"(?:không\s+quá|tối\s+đa|chọn)\s+0?\d+\s+(?:cá\s+nhân|tập\s+thể|trường\s+hợp)|\b0?\d+\s+cá\s+nhân\s*/\s*0?\d+",
    re.I,
)
QUOTA_MAX_WORDS = 60
# The value after a short label: "Ban bầu cử đại biểu Quốc hội: 01 cá nhân/01 ban;"
LABEL = re.compile(r"^[^:]{2,160}:\s*")
# A form's field left blank for whoever fills it in: "- Chủ trì: Ông (bà)…………………………" (a meeting record's
# form annexed to a process), "Thời gian công khai: từ ngày … tháng … năm …" is not one (short gaps)
FORM_BLANK = re.compile(r"(?:…|\.){10,}")
POINTER = re.compile(r"^\W*Thực\s+hiện\s+theo\s+(?:đúng\s+)?(?:các\s+)?quy\s+định\b[^.;\n]*[.;]?\W*$", re.I)


def assigns_nothing(text: str) -> bool:
    """Whether a task's text is an award quota, a pointer to the rules or a form's blank field."""
    if POINTER.match(text) or FORM_BLANK.search(text):
        return True
    if not QUOTA.search(text) or len(text.split()) > QUOTA_MAX_WORDS:
        return False
    label = LABEL.match(text)
    return opening_action(text[label.end() :] if label else text) == UNKNOWN


# What a statement says right after its subject: is ("là", not "là đầu mối", "là cơ quan thường trực", which
# give a role), has ("có trụ sở", "có các Ban chuyên môn", "có Chánh Văn phòng"), may or receives ("được",
# not "được giao"), is appointed by ("do"), consists of, works under rules
STATEMENT_PREDICATE = re.compile(
    r"\s*(?:là\s+(?!(?:cơ\s+quan\s+|đơn\s+vị\s+)?(?:đầu\s+mối|thường\s+trực|chủ\s+trì|tham\s+mưu))"
    r"|có\s+(?:trụ\s+sở|tư\s+cách|con\s+dấu|tài\s+khoản|các\s+[A-ZĐ]|[A-ZĐ]|\d)"
    r"|được\s+(?!giao|phân\s+công|ủy\s+quyền|uỷ\s+quyền)|do\s|gồm\b|bao\s+gồm\b|hoạt\s+động\s+theo\b"
    r"|làm\s+việc\s+theo\b)"
)
# Words by which such a sentence still assigns work: "Sở Y tế là cơ quan thường trực, có trách nhiệm ...",
# "Giao Cục Quản lý Khám, chữa bệnh là đầu mối ..." (not "nhiệm vụ được giao"), "Ủy ban nhân dân cấp xã được
# phân cấp thẩm quyền ... có trách nhiệm tổ chức thực hiện"
STILL_ASSIGNS = re.compile(r"\b(?:có|chịu)\s+trách\s+nhiệm|\bchủ\s+trì\b|(?<!được )\b[Gg]iao\b|\bđề\s+nghị\b", re.I)
OPENS = 3  # characters before the subject, at most, for the item to open with it


def describes_subject(index: MentionIndex, start: int, end: int) -> bool:
    """Whether the item at ``index.text[start:end]`` is a statement about the body it opens with."""
    chain = subject(index, start, end)
    if chain is None or chain.start - start > OPENS or not STATEMENT_PREDICATE.match(index.text, chain.end, end):
        return False
    return not STILL_ASSIGNS.search(index.text, start, end)
