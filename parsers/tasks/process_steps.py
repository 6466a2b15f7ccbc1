"""The steps of a process a decision issues, each a task of the body it names.

A decision issuing a process of work by public bodies ("Ban hành Quy trình rà soát đối tượng ...",
"Quy định ... quy trình thông báo trước khi dừng bán hàng") writes its steps as "Bước N." paragraphs
that say who acts, after a time limit or a condition:

- "Bước 1. Trong thời gian 02 (hai) ngày làm việc, Ủy ban nhân dân cấp xã tiếp nhận, xem xét, ..."
- "Bước 6. Sau khi có quyết định phê duyệt danh sách hỗ trợ ..., Ủy ban nhân dân cấp xã tổ chức niêm yết ..."
- "Bước 7. Sau thời gian niêm yết công khai, nếu không có khiếu nại, phản ánh thì Ủy ban nhân dân cấp xã trả
  kết quả đến cá nhân, hộ gia đình."

A step that names no doer is no task, and the time it takes, counted from an event, is no deadline
(the annotators' decision for the fourth held-out batch). The steps of an administrative procedure
(a "thủ tục hành chính" the decision publishes, whose applicant files a dossier) are not work the
decision assigns: a decision about such procedures has no process steps here.
"""

from __future__ import annotations

import re

from parsers.models import Metadata
from parsers.tasks.roles import Chain, MentionIndex, acts_after, subject

# "Bước 1.", "Bước 2:", "**Bước 3. **" (bold markers are gone by now)
STEP_LABEL = re.compile(r"\W*Bước\s+\d{1,2}\s*[.:)\-–]\s*", re.I)
# Decisions about administrative procedures ("công bố danh mục thủ tục hành chính", "phê duyệt quy trình nội
# bộ giải quyết TTHC", "Quy chế tiếp nhận, luân chuyển hồ sơ, giải quyết, trả kết quả thủ tục hành chính")
ADMINISTRATIVE_PROCEDURE = re.compile(r"thủ\s+tục\s+hành\s+chính|\bTTHC\b|quy\s+trình\s+nội\s+bộ", re.I)
ENACTING_TYPES = {"quyết định", "nghị quyết"}
# What closes the clause before the doer: "..., Ủy ban nhân dân cấp xã", "... phản ánh thì Ủy ban nhân dân"
CLAUSE_CLOSE = re.compile(r"(?:,|\bthì)\s*$", re.I)
CLOSE_REACH = 8
FIRST_SENTENCE = re.compile(r"(?<=[.;])\s")


def issues_process(metadata: Metadata) -> bool:
    """Whether a decision's steps are work of the bodies they name: any decision or resolution but
    one about administrative procedures."""
    if (metadata.doc_type or "").casefold() not in ENACTING_TYPES:
        return False
    return not ADMINISTRATIVE_PROCEDURE.search(metadata.title or "")


def step_body(text: str, start: int, end: int) -> int | None:
    """Where a step's text begins after its "Bước N." label, or None when the paragraph is no step."""
    label = STEP_LABEL.match(text, start, end)
    return label.end() if label else None


def step_doer(index: MentionIndex, start: int, end: int) -> Chain | None:
    """The body a step's first sentence names as its doer: its subject, or the first body after the
    opening time limit or condition (closed by a comma or "thì"), when words of an action follow it."""
    sentence_end = start + len(FIRST_SENTENCE.split(index.text[start:end], maxsplit=1)[0])
    chain = subject(index, start, sentence_end)
    if chain is None:
        for candidate in index.chains(start, sentence_end):
            before = index.text[max(start, candidate.start - CLOSE_REACH) : candidate.start]
            if CLAUSE_CLOSE.search(before):
                chain = candidate
                break
    if chain is None or not acts_after(index.text, chain.end, sentence_end):
        return None
    return chain


# A People's Committee written without its level or place: "thì Ủy ban nhân dân trả kết quả"
BARE_COMMITTEE = re.compile(r"(?:Ủy|Uỷ)\s+ban\s+nhân\s+dân|UBND", re.I)


def short_named_doer(index: MentionIndex, doer: Chain, since: int) -> Chain:
    """A step's doer written short, the People's Committee the process's earlier steps name with its level:
    "Bước 1. ..., Ủy ban nhân dân cấp xã tiếp nhận ..." then "Bước 5. ..., nếu không có khiếu nại, phản ánh thì
    Ủy ban nhân dân trả kết quả" (the commune's, not the issuer's). ``since``: where the process's article begins."""
    if len(doer.mentions) != 1 or not BARE_COMMITTEE.fullmatch(doer.mentions[0].surface.strip()):
        return doer
    earlier = [
        m
        for m in index.within(since, doer.start)
        if m.agency.kind == "people_committee" and not BARE_COMMITTEE.fullmatch(m.surface.strip())
    ]
    return Chain([earlier[-1]]) if earlier else doer
