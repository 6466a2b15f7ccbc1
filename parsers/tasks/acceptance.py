"""Whether an item is a task, and whose: the tests every item shape shares."""

from __future__ import annotations

import re

from parsers.models import AgencyMention
from parsers.tasks.actions import UNKNOWN, opening_action
from parsers.tasks.context import Draft, TaskContext
from parsers.tasks.roles import coordinators, explicit_lead, report_targets, subject, subject_after_time_limit
from parsers.tasks.shapes import FIELD, LABELLED_DETAIL
from parsers.tasks.tagger import opens_with_verb
from parsers.text.structure import Paragraph

# Adverbs an action may open with: "Tiếp tục tham mưu ...", "Chủ động phối hợp ...", "Nghiêm chỉnh
# chấp hành các quy định ...", "Sớm chỉ đạo nghiên cứu, sửa đổi ..."
LEADING_ADVERB = re.compile(
    r"^\W*(?:(?:tiếp\s+tục|chủ\s+động|thường\s+xuyên|kịp\s+thời|khẩn\s+trương|tích\s+cực|nghiêm\s+túc|định\s+kỳ|"
    r"nghiêm\s+chỉnh|quyết\s+liệt|kiên\s+quyết|sớm|"
    r"(?:căn\s+cứ|trên\s+cơ\s+sở)\s[^,]{0,80},)[\s,]+)+",
    re.I,
)
# A long item that carries one of these assigns work whatever it opens with
RESPONSIBILITY = re.compile(r"\b(?:có|chịu)\s+trách\s+nhiệm|\bchủ\s+trì\b|\bphối\s+hợp\b|\bđề\s+nghị\b|\bgiao\b", re.I)
DETAIL_MAX = 100
# A short subject, then its duty: "Chủ cơ sở có trách nhiệm giám sát ...", "Lưu trữ hiện hành có trách nhiệm
# kiểm tra, tiếp nhận hồ sơ ...", "Người sử dụng Hệ thống có trách nhiệm bảo vệ ..." (not "... về ...": a scope)
DUTY = re.compile(r"^\W*(?:[^\W\d]+\s+){1,7}?(?:có|chịu)\s+trách\s+nhiệm\s+(?!về\b)[^\W\d]", re.I)
# An item that opens with its grounds: "Căn cứ ...", "Trên cơ sở ..." (the action comes after a comma)
GROUNDS = re.compile(r"^\W*(?:căn\s+cứ|trên\s+cơ\s+sở)\b", re.I)
GROUNDS_REACH = 250
COMMA = re.compile(",")
# Openings of statements, not actions: "Theo quy định tại ...", "Tuy nhiên, ...", "Hiện nay ..."
# ("Theo dõi các diễn biến bất thường ..." is the verb "to monitor", an action)
NOT_AN_ACTION = re.compile(
    r"^\W*(?:Theo(?!\s+dõi)|Tại|Hiện\s+nay|Tuy\s+nhiên|Thứ\s+(?:nhất|hai|ba)|Qua|Ngày\s+\d)\b", re.I
)


def accepts(ctx: TaskContext, zone: str, p: Paragraph, named: bool, inherited: list[AgencyMention]) -> bool:
    """Whether an item is a task: in a strong zone any item but a description ("Số lượng: 5.000
    cuốn."), in a medium zone one that opens with a task verb, in a weak zone one naming its doer."""
    if zone == "none":
        return False
    if zone == "named":
        return named
    if named or inherited:
        return True
    if zone == "weak":
        return False
    labelled = LABELLED_DETAIL.match(p.body)
    describes = is_detail(ctx, p) or (labelled is not None and not FIELD.match(p.body) and not _action_label(labelled))
    return not describes


def _action_label(label: re.Match[str]) -> bool:
    """A label that names an action is a task's title, not a field: "Nâng cấp hoặc xây dựng mạng lõi: Đảm
    bảo ...", "Đầu tư mới trạm 5G: 35 trạm" (where "Số lượng: 5.000 cuốn" describes)."""
    return opening_action(label.group(0).rstrip(": ")) != UNKNOWN


def _acts_on_grounds(body: str) -> bool:
    """Whether an item opening with its grounds goes on with an action after one of its commas:
    "Trên cơ sở Báo cáo chính trị và Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ I, nhiệm kỳ 2025 -
    2030, khẩn trương xây dựng chương trình, kế hoạch ..."."""
    grounds = GROUNDS.match(body)
    if grounds is None:
        return False
    for comma in COMMA.finditer(body, grounds.end(), min(len(body), grounds.end() + GROUNDS_REACH)):
        if opening_action(LEADING_ADVERB.sub("", body[comma.end() :])) != UNKNOWN:
            return True
    return False


def item_roles(
    ctx: TaskContext, draft: Draft, start: int, end: int, inherited: list[AgencyMention], *, duties: bool = False
) -> bool:
    """Fill a draft's roles from its own text; True when the text itself names the doer.

    ``duties``: the item stands where a text assigns duties (not in a procedure's description), so
    a doer after an opening time limit counts ("Trong thời hạn 03 ngày ..., Sở X thực hiện ...").
    """
    lead_chain = explicit_lead(ctx.index, start, end) or subject(ctx.index, start, end)
    if lead_chain is None and duties:
        lead_chain = subject_after_time_limit(ctx.index, start, end)
    draft.lead = lead_chain.leads() if lead_chain else list(inherited)
    draft.coordinate += coordinators(ctx.index, start, end)
    draft.report_to += report_targets(ctx.index, start, end)
    return lead_chain is not None


def assigns_duties(ctx: TaskContext, section: int | None) -> bool:
    """Whether a section assigns duties: not an appendix describing procedures ("Phụ lục ... Thủ tục cấp Giấy
    phép ...", "Hồ sơ thủ tục ..."). A regulation's own procedure article still does ("2. Quy trình cấp mới ...
    b) Trong thời hạn 03 ngày làm việc ..., Sở Khoa học và Công nghệ thực hiện ...")."""
    procedure = appendix = False
    while section is not None:
        node = ctx.sections[section]
        procedure |= node.kind == "procedure"
        appendix |= node.label.casefold().startswith("phụ lục")
        section = node.parent
    return not (procedure and appendix)


def is_detail(ctx: TaskContext, p: Paragraph) -> bool:
    """A list item naming a thing rather than an action, and no doer either ("Hệ thống giám sát ...")."""
    if _acts_on_grounds(p.body):
        return False
    body = LEADING_ADVERB.sub("", p.body)
    if NOT_AN_ACTION.match(body):
        return True
    if opening_action(body) != UNKNOWN or subject(ctx.index, p.body_start, p.end) is not None:
        return False
    if len(body) > DETAIL_MAX and RESPONSIBILITY.search(body):
        return False  # a sentence that assigns: "Trường hợp ..., cơ quan chủ trì có trách nhiệm phối hợp ..."
    if DUTY.match(body):
        return False  # "Chủ cơ sở có trách nhiệm giám sát chất lượng nước cấp ...", however short
    return not (ctx.nlp and opens_with_verb(body))
