"""Who does a task: lead, coordinators and report-to agencies within a span of text.

Agencies are the mentions already found in the document; this module reads the words
around them. A *chain* is a run of mentions joined only by commas, "và", "các",
"cơ quan, đơn vị liên quan"...: "Sở Y tế, Sở Nội vụ và các cơ quan liên quan".

Lookup tables (extraction guide §3): "chủ trì" marks a lead; "phối hợp (với)", "cùng"
coordinators; "báo cáo", "gửi", "phản ánh về", "trình" report-to.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from parsers.lexicon.role_cues import COORDINATE_BEFORE, LEAD_AFTER, REPORT_VERB, REPORT_WORDS_LIMIT
from parsers.models import AgencyMention, Role

# The head of a list whose items leave it out: "các Tập đoàn: Bưu chính Viễn thông Việt Nam, Công nghiệp -
# Viễn thông Quân đội", "các Sở: Xây dựng, Tài chính" (the items are the mentions)
LIST_HEAD = r"(?:các\s+)?(?:Tập\s+đoàn|Sở|Bộ|Vụ|Cục)\s*:"
# What may stand between two mentions of one chain:
#   "Sở Y tế, Sở Nội vụ", "Sở Tài chính và các cơ quan liên quan", "UBND các xã; Công an tỉnh"
CHAIN_GAP = re.compile(
    r"^(?:\s|[,;&]|\b(?:và|cùng|với|hoặc|các|những|cơ\s+quan|đơn\s+vị|tổ\s+chức|liên\s+quan|có\s+liên\s+quan|"
    r"chức\s+năng|thành\s+viên|trực\s+thuộc|thuộc\s+tỉnh|thuộc\s+thành\s+phố|cấp\s+tỉnh|Thành\s+phố|tỉnh|"
    r"Giám\s+đốc|Thủ\s+trưởng|Chủ\s+tịch)\b|" + LIST_HEAD + r")*$",
    re.I,
)
# Words that may open an item before its subject: "Đề nghị Ủy ban MTTQ ...", "Giao Sở Y tế ...",
# "Đề nghị Thường trực Tỉnh ủy tập trung lãnh đạo ..." (a standing committee acts for its body),
# "đề nghị các Tập đoàn: Bưu chính Viễn thông Việt Nam, ... tổ chức triển khai ...";
# a delegation names who will exercise the powers it lists: "Ủy quyền cho Giám đốc Sở Khoa học và Công nghệ
# thực hiện ..., cụ thể như sau:", "Phân cấp cho Sở Công Thương ..." (the Giám đốc stands for his Sở)
SUBJECT_OPENER = re.compile(
    r"^\W*(?:(?:Đề\s+nghị|Giao|Yêu\s+cầu|(?:(?:Ủy|Uỷ)\s+quyền|Phân\s+cấp)(?:\s+cho)?|Riêng|Đối\s+với)\s+)?"
    r"(?:(?:Giám\s+đốc|Thủ\s+trưởng|Chủ\s+tịch|Người\s+đứng\s+đầu|Lãnh\s+đạo|Bộ\s+trưởng|Cục\s+trưởng|Vụ\s+trưởng|"
    r"Thường\s+trực|(?:Phó\s+)?Trưởng)\s+)?(?:" + LIST_HEAD + r"\s*)?",
    re.I,
)
# A topic before a colon, the subject after it: "Về dự án đầu tư xây dựng công trình nạo vét luồng
# tàu ...: Bộ Xây dựng khẩn trương rà soát ...", "Đối với tài sản kết cấu hạ tầng: Sở Tài chính ..."
TOPIC = re.compile(r"^\W*(?:Về|Đối\s+với)\s[^:;]{3,400}?:\s*", re.I)
# Openers after which the subject comes after a comma:
#   "Căn cứ kế hoạch này, Giám đốc các Sở ...", "Trong quá trình thực hiện, nếu có khó khăn, đề nghị các sở ...",
#   "Đối với các nhiệm vụ triển khai trong năm 2025, các bộ, cơ quan, đơn vị, địa phương chủ động bố trí ...",
#   "với vai trò là chủ đầu tư, Tập đoàn Công nghiệp - Năng lượng Quốc gia Việt Nam chủ động làm việc ...";
#   a time first: "Từ ngày 01 tháng 12 năm 2025, Trung tâm Phục vụ hành chính công tỉnh ... tổ chức thực hiện ...",
#   "Hằng năm, Sở Nội vụ ... ban hành văn bản hướng dẫn ...", "Trong quý I ..., Sở Nội vụ chủ trì ..."
#   (a time limit first, "Trong thời hạn ...", "Chậm nhất ...", is TIME_LIMIT_OPENER's, below)
CLAUSE_OPENER = re.compile(
    r"^\W*(?:Căn\s+cứ|Trên\s+cơ\s+sở|Trong\s+quá\s+trình|Trường\s+hợp|Khi|Sau\s+khi|Để|Nhằm|Đối\s+với|Với\s+vai\s+trò"
    r"|(?:Kể\s+)?Từ\s+(?:ngày|tháng|năm)|Trước\s+ngày|Đến\s+(?:ngày|hết)|Trong\s+(?:quý|tháng|năm)"
    r"|H[ằà]ng\s+(?:năm|quý|tháng)|Định\s+kỳ)\b",
    re.I,
)
# A clause before the doer that names a body as its matter, ending with it: "Chậm nhất 90 ngày trước khi hết nhiệm kỳ
# của [Ủy viên Hội đồng], ...", "Căn cứ cơ cấu, tiêu chuẩn, điều kiện bổ nhiệm [Ủy viên Hội đồng], ..."
CLAUSE_CONDITION_BODY = re.compile(r"\b(?:của|bổ\s+nhiệm|nhiệm\s+kỳ|đối\s+với)\s*$", re.I)
# The words of a request, and the courtesy that may come before them ("trân trọng đề nghị", "kính đề nghị")
REQUEST_WORD = r"(?:đề\s+nghị|yêu\s+cầu)"
COURTESY = r"(?:trân\s+trọng\s+|kính\s+)?"
# Where a clause before the subject ends: a comma or a request ("..., Sở X", "đề nghị Giám đốc Sở X")
CLAUSE_END = re.compile(rf"(?:,|{REQUEST_WORD})\s*(?:(?:Giám\s+đốc|Thủ\s+trưởng|Chủ\s+tịch)\s+)?$", re.I)
# A body asking others to act: "Chủ tịch UBND tỉnh yêu cầu ...", "UBND tỉnh đề nghị ...", "... giao ..."
ASSIGNS_AFTER = re.compile(rf"\s*{COURTESY}(?:{REQUEST_WORD}|giao)\b", re.I)
# A purpose clause ("Để ...", "Nhằm ..."), which may close with ";" before the subject
PURPOSE_OPENER = re.compile(r"^\W*(?:Để|Nhằm)\b", re.I)
# A regulation's time limit before its doer (read only where the text assigns duties, not where it
# describes a procedure): "Trong thời hạn 03 ngày làm việc kể từ khi nhận được văn bản đề nghị ..., Sở Khoa học
# và Công nghệ thực hiện ...", "Sau 03 ngày làm việc kể từ khi ..., Sở Khoa học và Công nghệ xác minh ...",
# "Chậm nhất trong 20 ngày làm việc, kể từ ngày nhận được kiến nghị, các cơ quan, đơn vị phải ..."
TIME_LIMIT_OPENER = re.compile(r"^\W*(?:Trong\s+(?:thời\s+hạn|vòng|\d+\s+ngày)|Sau\s+\d+\s+ngày|Chậm\s+nhất)\b", re.I)
# Who may assign before "giao"/"đề nghị" at the start of a clause: nobody named, or the issuer:
#   "Giao ...", "Ủy ban nhân dân tỉnh Lào Cai trân trọng đề nghị ...", "Chủ tịch UBND tỉnh giao ..."
#   in central letters the Prime Minister assigns, after a lead-in: "Về nội dung nêu trên, Thủ tướng Chính phủ giao ..."
ASSIGNER = re.compile(
    r"\s*(?:(?:Về|Theo|Trên\s+cơ\s+sở)\b[^,;]{0,60},\s*)?"
    r"(?:(?:Chủ\s+tịch\s+)?(?:Ủy\s+ban\s+nhân\s+dân|UBND|Hội\s+đồng\s+nhân\s+dân|HĐND)\b[^,;]{0,40}?\s+"
    r"|(?:Phó\s+)?Thủ\s+tướng(?:\s+Chính\s+phủ)?(?:\s+[A-ZĐ]\w*){0,4}\s+|Chính\s+phủ\s+)?" + COURTESY,
    re.I,
)
GIAO_BEFORE = re.compile(r"\b(?:Giao|giao|Đề\s+nghị|đề\s+nghị|Yêu\s+cầu)\s*$")
REPORT_NOUN_BEFORE = re.compile(r"\b(?:lập|xây\s+dựng|chế\s+độ|các|những|mẫu|biểu|hoàn\s+thiện|dự\s+thảo)\s*$", re.I)
PARENTHESES = re.compile(r"\([^()]*\)")
# The rest of a label up to its colon: " và 02 Phó Chủ tịch kiêm nhiệm: "
LABEL_END = re.compile(r"[^.;:\n]{0,60}:\s*")
INTERMEDIARY_GAP = re.compile(r"\b(?:để|tổng\s+hợp)\b", re.I)
VIA_BEFORE = re.compile(r"\b(?:thông\s+qua|qua)\s*$", re.I)
ADVISED_BEFORE = re.compile(r"\b(?:tham\s+mưu(?:\s+cho)?|trình|đề\s+xuất(?:\s+với)?|kiến\s+nghị)\s*$", re.I)


@dataclass
class Chain:
    mentions: list[AgencyMention]
    parenthetical: list[AgencyMention] = field(default_factory=list)  # "(Sở Nội vụ)" after a body

    @property
    def start(self) -> int:
        return self.mentions[0].span_start

    @property
    def end(self) -> int:
        return self.mentions[-1].span_end

    def specific(self) -> list[AgencyMention]:
        return [m for m in self.mentions if not m.agency.collective]

    def leads(self) -> list[AgencyMention]:
        """Specific agencies lead; a chain of collectives is led by its first group."""
        return self.outside_parentheses() or self.mentions[:1]

    def outside_parentheses(self) -> list[AgencyMention]:
        return [m for m in self.specific() if m not in self.parenthetical]


class MentionIndex:
    """The document's agency mentions, sorted, with the text they were found in."""

    def __init__(self, text: str, mentions: list[AgencyMention], *, charter: bool = False):
        self.text = text
        # a charter's steps name the matter's body right before the doer's ("... nhiệm kỳ của Ủy viên Hội đồng,
        # Văn phòng Hội đồng báo cáo"): a clause's subject may be the second body of a chain
        self.charter = charter
        self.mentions = sorted(mentions, key=lambda m: m.span_start)
        self.starts = [m.span_start for m in self.mentions]

    def within(self, start: int, end: int) -> list[AgencyMention]:
        i = bisect.bisect_left(self.starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].span_start < end:
            if self.mentions[i].span_end <= end:
                out.append(self.mentions[i])
            i += 1
        return out

    def chains(self, start: int, end: int) -> list[Chain]:
        """Runs of mentions in [start, end) joined by nothing but connectors."""
        chains: list[Chain] = []
        for m in self.within(start, end):
            if chains and CHAIN_GAP.match(self._gap(chains[-1].end, m.span_start)):
                chains[-1].mentions.append(m)
            else:
                chains.append(Chain([m]))
        for chain in chains:
            chain.parenthetical = self._parenthetical(chain)
        return chains

    def _gap(self, a: int, b: int) -> str:
        gap = self.text[a:b]
        return re.sub(r"\([^()]*\)", " ", gap).replace("(", " ").replace(")", " ")

    def _parenthetical(self, chain: Chain) -> list[AgencyMention]:
        """Mentions in parentheses right after another: "Trung tâm Dịch vụ việc làm (Sở Nội vụ)"."""
        out = []
        for prev, m in zip(chain.mentions, chain.mentions[1:], strict=False):
            between = self.text[prev.span_end : m.span_start]
            if between.strip() == "(" and self.text[m.span_end : m.span_end + 2].lstrip().startswith(")"):
                out.append(m)
        return out

    def before(self, pos: int, chars: int = 40) -> str:
        return self.text[max(0, pos - chars) : pos]


def subject(index: MentionIndex, start: int, end: int) -> Chain | None:
    """The chain an item opens with: "Sở Tài chính chủ trì ...", "Đề nghị Ủy ban MTTQ ..."."""
    text = index.text[start:end]
    opener = SUBJECT_OPENER.match(text)
    offset = start + (opener.end() if opener else 0)
    chains = index.chains(start, end)
    for chain in chains:
        if (chain.start - offset <= 1 and chain.start >= offset - 1) or start <= chain.start < offset < chain.end:
            # (the second: a mention that holds the officer's title, "Chủ tịch Hội đồng chỉ đạo ..." in a charter)
            return _doer_after_label(index, chain, end) or chain
    topic = TOPIC.match(text)
    if topic:
        chain = subject(index, start + topic.end(), end)
        # a doer acts ("Bộ Xây dựng khẩn trương rà soát ..."); a bare list of bodies is a list of recipients
        acts = chain is not None and acts_after(index.text, chain.end, end)
        return chain if acts else None
    if CLAUSE_OPENER.match(text):
        return _after_clause(index, start, text, chains)
    return None


def _doer_after_label(index: MentionIndex, label: Chain, end: int) -> Chain | None:
    """The doer after a label that names whom a step concerns, not who acts: "b) Phó Chủ tịch Thường trực
    Hội đồng: Chủ tịch Hội đồng giới thiệu nhân sự ...", "a) Chủ tịch Hội đồng và 02 Phó Chủ tịch kiêm nhiệm:
    Bộ trưởng Bộ Y tế trình Thủ tướng Chính phủ bổ nhiệm ..." (the appointment of the first, by the second)."""
    colon = LABEL_END.match(index.text, label.end, end)
    if colon is None:
        return None
    doer = subject(index, colon.end(), end)
    return doer if doer is not None and doer.start > label.end and acts_after(index.text, doer.end, end) else None


def subject_after_time_limit(index: MentionIndex, start: int, end: int) -> Chain | None:
    """The doer after a time limit that opens the item ("Trong thời hạn 03 ngày ..., Sở X thực hiện")."""
    text = index.text[start:end]
    return _after_clause(index, start, text, index.chains(start, end)) if TIME_LIMIT_OPENER.match(text) else None


def _after_clause(index: MentionIndex, start: int, text: str, chains: list[Chain]) -> Chain | None:
    """The first chain of the first sentence that follows a comma or a request ("đề nghị").

    A purpose clause may close with a semicolon, the sentence going on with its subject: "Để toàn dân
    đồng lòng, thi đua hành động, ...; các sở, ban, ngành, Ủy ban Mặt trận Tổ quốc tỉnh, ... triển khai
    Đợt thi đua ..., tập trung thi đua thực hiện các nội dung chủ yếu sau:"."""
    purpose = PURPOSE_OPENER.match(text) is not None
    first_sentence = re.split(r"(?<=[.])\s" if purpose else r"(?<=[.;])\s", text, maxsplit=1)[0]
    asking = None  # "..., Chủ tịch UBND tỉnh yêu cầu Thủ trưởng các sở ...": who asks, when the doers follow
    for chain in chains:
        if chain.start >= start + len(first_sentence):
            break
        opened = _opened_part(index, start, chain, purpose)
        if opened is None:
            continue
        if asking is None and ASSIGNS_AFTER.match(index.text, opened.end):
            asking = opened
            continue
        return opened
    return asking  # "..., Chủ tịch UBND cấp xã giao đơn vị trực thuộc lập ...": no doer named after it


def _opened_part(index: MentionIndex, start: int, chain: Chain, purpose: bool) -> Chain | None:
    """The chain, or its tail, that a comma or a request opens (after a purpose clause, a semicolon too)."""
    for k, m in enumerate(chain.mentions):
        before = index.text[max(start, m.span_start - 12) : m.span_start]
        if CLAUSE_END.search(before) or (k == 0 and purpose and re.search(r";\s*$", before)):
            # the condition's last body may join the doer's chain: "Chậm nhất 90 ngày trước khi hết nhiệm kỳ
            # của Ủy viên Hội đồng, Văn phòng Hội đồng Y khoa Quốc gia báo cáo ..." (the doer is the second)
            return chain if k == 0 else Chain(chain.mentions[k:])
        if k == 0 and not (index.charter and CLAUSE_CONDITION_BODY.search(index.text, start, m.span_start)):
            return None
    return None


# A subject that asks others to do the work: "Sở Giáo dục và Đào tạo đề nghị UBND các xã, phường; các
# đơn vị ... thực hiện ... Cụ thể:", "Chủ tịch UBND tỉnh yêu cầu Thủ trưởng các sở, ban, ngành ... thực
# hiện các nội dung sau:", "Uỷ ban nhân dân tỉnh Lào Cai báo cáo và đề nghị Bộ Xây dựng nội dung như sau:"
REQUEST_AFTER = re.compile(
    rf"\s*{COURTESY}(?:báo\s+cáo\s+và\s+)?{REQUEST_WORD}\b\s*"
    r"(?:(?:Giám\s+đốc|Thủ\s+trưởng|Chủ\s+tịch|Người\s+đứng\s+đầu|Lãnh\s+đạo)\s*,?\s*)*",
    re.I,
)


def doer_of(index: MentionIndex, chain: Chain, end: int) -> Chain | None:
    """Who does the work a subject introduces: the subject itself, or, where it only asks
    ("X đề nghị Y ..."), the body it asks; None when it asks nobody it names ("Sở Nông nghiệp
    và Môi trường đề nghị một số nội dung cụ thể như sau:")."""
    request = REQUEST_AFTER.match(index.text, chain.end, end)
    if request is None:
        return chain
    for asked in index.chains(request.end(), end):
        return asked if asked.start - request.end() <= 1 else None
    return None


def acts_after(text: str, pos: int, end: int) -> bool:
    """Whether words of a clause follow a subject (it does something), not only a note in
    parentheses: "Sở Xây dựng khẩn trương rà soát ..." yes; "các Sở: Nông nghiệp và Môi trường,
    Công Thương (nơi có khoáng sản được khai thác);" no."""
    clause = re.split(r"[.;:]", PARENTHESES.sub(" ", text[pos:end]), maxsplit=1)[0]
    return len(clause.split()) >= 2


def explicit_lead(index: MentionIndex, start: int, end: int) -> Chain | None:
    """A lead the item assigns: "Giao Công an tỉnh chủ trì ...", "...; Sở X chủ trì, phối hợp ...".

    "X chủ trì" counts where X opens a clause; inside a phrase ("các Bộ chủ trì dự án")
    it describes X rather than assigning the task.
    """
    for chain in index.chains(start, end):
        after = index.text[chain.end : min(end, chain.end + 40)]
        before = index.before(chain.start, 20)
        if COORDINATE_BEFORE.search(before):
            continue
        clause = re.split(r"[.;:]\s*", index.text[start : chain.start])[-1]
        giao = GIAO_BEFORE.search(clause)
        if giao and ASSIGNER.fullmatch(clause[: giao.start()]):
            return chain  # "Giao Sở X ...", "UBND tỉnh trân trọng đề nghị Bộ Xây dựng ..."
        if giao and LEAD_AFTER.match(after):
            return chain
        if (
            LEAD_AFTER.match(after)
            and re.match(r"\s*,?\s*(?:là|chủ\s+trì)", after)
            and SUBJECT_OPENER.fullmatch(clause)
        ):
            return chain
    return None


def coordinators(index: MentionIndex, start: int, end: int) -> list[AgencyMention]:
    """Specific agencies after "phối hợp (với)" or "cùng": "phối hợp với Sở Tư pháp và các cơ quan"."""
    out: list[AgencyMention] = []
    for chain in index.chains(start, end):
        if COORDINATE_BEFORE.search(index.before(chain.start, 30)):
            out += chain.outside_parentheses()
    return out


def report_targets(index: MentionIndex, start: int, end: int) -> list[AgencyMention]:
    """Bodies the task reports or sends to, in the order written.

    A report the receiving body makes in turn ("gửi Sở X để tổng hợp, báo cáo UBND tỉnh")
    is not the task's own.
    """
    text = index.text
    chains = index.chains(start, end)
    targets: list[AgencyMention] = []
    last_target_end: int | None = None
    for verb in REPORT_VERB.finditer(text, start, end):
        if REPORT_NOUN_BEFORE.search(text[max(start, verb.start() - 20) : verb.start()]):
            continue
        if last_target_end is not None:
            gap = text[last_target_end : verb.start()]
            if INTERMEDIARY_GAP.search(gap) and "đồng thời" not in gap:
                continue
        limit = REPORT_WORDS_LIMIT[re.sub(r"\s+", " ", verb["verb"].lower())]
        for chain in chains:
            if chain.start < verb.end():
                continue
            words = len(text[verb.end() : chain.start].split())
            if words > limit or re.search(r"[.;]", text[verb.end() : chain.start]):
                break
            if re.search(r"\bcủa\s*$", text[verb.end() : chain.start]):
                break
            targets += chain.outside_parentheses()
            last_target_end = chain.end
            for via in chains:
                gap = text[chain.end : via.start]
                if via.start >= chain.end and VIA_BEFORE.search(gap) and len(gap.split()) <= 3:
                    targets += via.specific()
                    last_target_end = via.end
            break
    return _unique(targets)


def advised(index: MentionIndex, chain: Chain) -> bool:
    """Whether a chain is the body advised or proposed to ("tham mưu UBND tỉnh"), not a doer."""
    return bool(ADVISED_BEFORE.search(index.before(chain.start, 25)))


def _unique(mentions: list[AgencyMention]) -> list[AgencyMention]:
    seen: set[str] = set()
    out = []
    for m in mentions:
        if m.agency.id not in seen:
            seen.add(m.agency.id)
            out.append(m)
    return out


def roles_from(
    lead: list[AgencyMention], coordinate: list[AgencyMention], report_to: list[AgencyMention]
) -> list[tuple[Role, AgencyMention]]:
    """Role assignments without repeats; a lead is never also its own coordinator."""
    lead = _unique(lead)
    lead_ids = {m.agency.id for m in lead}
    out = [(Role.LEAD, m) for m in lead]
    out += [(Role.COORDINATE, m) for m in _unique(coordinate) if m.agency.id not in lead_ids]
    out += [(Role.REPORT_TO, m) for m in _unique(report_to)]
    return out
