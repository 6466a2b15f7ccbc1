"""A letter's request to the body it is addressed to: one paragraph, one task, led by the addressee.

A letter (Công văn) names its addressee once, after "Kính gửi:", and then asks it to act in a
paragraph that opens with the request, with or without the writer as its subject:

- by a short form: "Đề nghị Công ty căn cứ vào tình hình thực tế của đơn vị, đối chiếu với các
  quy định ... để thực hiện đúng quy định." (tay-ninh__3257-TNI-QLDN1, "(gọi tắt là Công ty)");
- by its name: "Sở Nông nghiệp và Môi trường yêu cầu Công ty cổ phần Khai thác và Chế biến kim
  loại Thủ Đô nghiêm túc thực hiện; ... phản ánh về Sở Nông nghiệp và Môi trường ..."
  (lao-cai__6795-SNNMT-KS).

The writer is never the lead, and the paragraph is a task wherever it stands, even after rules
the letter quotes ("1. Giảm thuế giá trị gia tăng ...") that the section tree reads as items.
No such task: a request naming another body ("đề nghị Sở Tài chính ..." in a letter to a company:
the other readers find it); a lead-in ending with a colon ("... đề nghị Công ty thực hiện đầy đủ
các nội dung sau:"), whose items are the tasks; the courtesy that closes a letter to a ministry
("... trân trọng đề nghị Bộ Xây dựng quan tâm, sớm xem xét, chỉ đạo giải quyết./.",
lao-cai__UBND-XD-2026-kien-nghi-BXD); a letter to groups ("Kính gửi: Các cơ quan chuyên môn ...",
ho-chi-minh__4240-UBND-VX), which has no addressees to lead.
"""

from __future__ import annotations

import re

from parsers.models import AgencyMention
from parsers.tasks.context import Draft, TaskContext
from parsers.tasks.paragraphs import is_closing
from parsers.tasks.shapes import COURTESY_CLOSING, ends_with_colon

CONNECTOR = re.compile(r"\W*(?:(?:Vì\s+vậy|Do\s+đó|Theo\s+đó|Vậy|Đồng\s+thời)\s*,?\s*)?", re.I)
REQUEST = re.compile(r"\s*(?:kính\s+|trân\s+trọng\s+)?(?:đề\s+nghị|yêu\s+cầu)\s+(?:quý\s+)?", re.I)
# The addressee by the common noun of its name ("Công ty", "Cục"), or by a word for any body; the
# noun stands alone: a lowercase word, a comma or the sentence's end follows, not the rest of a
# name ("Công ty cổ phần ...", "Ban quản lý ...")
LOWER = "a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
SHORT_FORM = re.compile(
    r"(?P<noun>công\s+ty|doanh\s+nghiệp|đơn\s+vị|cơ\s+quan|hợp\s+tác\s+xã|chi\s+nhánh|ngân\s+hàng|cục|sở|ban|"
    r"trường|bệnh\s+viện)"
    rf"(?!\s+(?:cổ\s+phần|TNHH|trách\s+nhiệm|quản\s+lý|đại\s+học)\b)(?=\s+(?-i:[{LOWER}])|\s*[,;.:])",
    re.I,
)
ANY_BODY = {"đơn vị", "cơ quan"}
ENTERPRISE = ("công ty", "doanh nghiệp", "hợp tác xã", "chi nhánh", "tập đoàn", "tổng công ty")


def addressee_request(ctx: TaskContext, i: int) -> Draft | None:
    """The task of paragraph ``i`` when it is the letter's request to its addressee, or None."""
    p = ctx.paragraphs[i]
    if not ctx.addressees or ends_with_colon(p) or COURTESY_CLOSING.match(p.text):
        return None
    verb = _request_verb(ctx, p.start, p.end)
    if verb is None:
        return None
    lead = _addressed(ctx, verb, p.end)
    if not lead:
        return None
    # after the last item the request is the letter's own, not that of the section it follows
    section = "" if is_closing(ctx, i) else ctx.section_path(ctx.owner[i])
    draft = Draft(section, p.start, p.end, "sentence")
    draft.lead = lead
    return draft


def _request_verb(ctx: TaskContext, start: int, end: int) -> int | None:
    """Where the requested body is named, when the paragraph opens with the request: "Đề nghị
    ...", "Vì vậy, đề nghị ...", "Sở Nông nghiệp và Môi trường yêu cầu ..."."""
    at = CONNECTOR.match(ctx.text, start, end).end()
    chains = ctx.index.chains(at, end)
    if chains and chains[0].start - at <= 1:  # the writer as subject, never an addressee
        if _addressee_agencies(ctx, chains[0].mentions):
            return None
        at = chains[0].end
    verb = REQUEST.match(ctx.text, at, end)
    return verb.end() if verb else None


def _addressed(ctx: TaskContext, at: int, end: int) -> list[AgencyMention]:
    """The addressees the request names at ``at``, by name or by short form; [] for another body."""
    named = [c for c in ctx.index.chains(at, end) if c.start - at <= 1]
    if named:
        return _addressee_agencies(ctx, named[0].mentions)
    short = SHORT_FORM.match(ctx.text, at, end)
    if short is None:
        return []
    noun = " ".join(short["noun"].casefold().split())
    return list(ctx.addressees) if all(_called(a.agency.name, noun) for a in ctx.addressees) else []


def _addressee_agencies(ctx: TaskContext, mentions: list[AgencyMention]) -> list[AgencyMention]:
    """The mentions that name one of the addressees, when all of them do."""
    addressed = {a.agency.name for a in ctx.addressees}
    return mentions if all(m.agency.name in addressed for m in mentions) else []


def _called(name: str, noun: str) -> bool:
    """Whether a body named ``name`` may be called ``noun``: "Công ty" a company, "Cục" a
    department, "đơn vị" anyone."""
    name = name.casefold()
    if noun in ANY_BODY:
        return True
    if noun == "doanh nghiệp":
        return name.startswith(ENTERPRISE)
    return f" {noun} " in f" {name} "
