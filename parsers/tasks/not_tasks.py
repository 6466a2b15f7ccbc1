"""Items that read like tasks but assign no work: award quotas and pointers to the rules.

- An award quota says how many may be proposed, not what to do: "- Ban Chỉ đạo bầu cử của tỉnh:
  Không quá 05 cá nhân;", "- Đối với Ban Tổ chức Tỉnh ủy; Công an tỉnh; ... mỗi đơn vị đề nghị không
  quá 01 tập thể, 03 cá nhân;", "3. Ủy ban nhân dân xã, phường: Xét tối đa 15 tập thể và 30 cá nhân.".
- A pointer sends the reader to the rules: "Thực hiện theo quy định tại mục 1, Phần III Công văn số
  7886/HD-BNV ...", "Thực hiện theo đúng quy định pháp luật về thi đua, khen thưởng hiện hành.",
  "Thực hiện theo quy định tại khoản 2 Điều này;".
"""

from __future__ import annotations

import re

from parsers.tasks.actions import UNKNOWN, opening_action

# "Không quá 05 cá nhân", "không quá 01 tập thể, 03 cá nhân", "Xét tối đa 2 tập thể và 4 cá nhân",
# "01 cá nhân/01 ban", "chọn 02 trường hợp (tập thể hoặc cá nhân)"
QUOTA = re.compile(
    r"(?:không\s+quá|tối\s+đa|chọn)\s+0?\d+\s+(?:cá\s+nhân|tập\s+thể|trường\s+hợp)|\b0?\d+\s+cá\s+nhân\s*/\s*0?\d+",
    re.I,
)
QUOTA_MAX_WORDS = 60
# The value after a short label: "Ban bầu cử đại biểu Quốc hội: 01 cá nhân/01 ban;"
LABEL = re.compile(r"^[^:]{2,160}:\s*")
POINTER = re.compile(r"^\W*Thực\s+hiện\s+theo\s+(?:đúng\s+)?(?:các\s+)?quy\s+định\b[^.;\n]*[.;]?\W*$", re.I)


def assigns_nothing(text: str) -> bool:
    """Whether a task's text is an award quota or a pointer to the rules."""
    if POINTER.match(text):
        return True
    if not QUOTA.search(text) or len(text.split()) > QUOTA_MAX_WORDS:
        return False
    label = LABEL.match(text)
    return opening_action(text[label.end() :] if label else text) == UNKNOWN
