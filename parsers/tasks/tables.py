"""Task tables: each row with a task column and an agency column is a task.

    TT | Nội dung thực hiện | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành
    I  | KIỆN TOÀN VÀ HOÀN THIỆN CƠ CHẾ CHỈ ĐẠO                      <- a group row
    1  | Tổ chức lại Ban Chỉ huy ... | Bộ CHQS tỉnh; UBND cấp xã | Văn phòng Ban Chỉ huy | Trước ngày 30/11/2025
       | Xây dựng hạ tầng dự phòng ... | Trung tâm Chuyển đổi số             <- cells merged with the row above

Columns are found by the header's words, in any order (the time column may come first).
Header rows and group rows (a row that only names a group of tasks) are not tasks; a group
row's label extends the section path of the rows below it ("Phụ lục.I"), and a group titled
by a period ("Giai đoạn 2025-2027") bounds its rows when they give no time of their own. A
cell left empty or missing because it is merged with the cell above (a lead or a time
spanning rows) continues the row above, within the same group.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from parsers.deadlines import find_deadlines
from parsers.lexicon.vietnamese import is_caps
from parsers.models import AgencyMention, Deadline
from parsers.tasks.annex_pointers import annex_label, pointer_deadlines
from parsers.tasks.context import Draft, TaskContext
from parsers.tasks.headings import inherited_lead
from parsers.tasks.roles import coordinators, explicit_lead, report_targets
from parsers.tasks.shapes import COLUMN_ROLES
from parsers.text.structure import Paragraph

Span = tuple[int, int]
# The first cell of a procedure's rows or header: "Bước", "Bước 1", "Các bước thực hiện", "Trình tự"
STEP = re.compile(r"^(?:các\s+)?(?:bước|trình\s+tự)\b", re.I)
# A group row's label: "I", "II", "A", "1", "III.1", "III.1.1" (with the group's title in the next cell)
GROUP_LABEL = re.compile(r"^(?:[IVXL]{1,6}|[A-Z]|\d{1,2})(?:\.\d{1,2})*\.?$")
# How surely a header names the lead column: "Cơ quan chủ trì" over "Đơn vị thực hiện" over a
# bare "Đơn vị" (in a targets table "Chỉ tiêu | Đơn vị | Kết quả | Cơ quan chủ trì theo dõi",
# "Đơn vị" is the unit of measure).
LEAD_STRENGTH = [re.compile(r"chủ\s+trì", re.I), re.compile(r"thực\s+hiện|trách\s+nhiệm|phân\s+công", re.I)]
# Which column holds the task when several headers could: "Nội dung nhiệm vụ" over "Giải pháp"
# over "Chỉ tiêu đạt được" over "Thuộc nhóm nhiệm vụ, hành động" (the group a task belongs to).
TASK_WEAKNESS = [
    re.compile(r"^thuộc|^nhóm", re.I),
    re.compile(r"chỉ\s+tiêu", re.I),
    re.compile(r"giải\s+pháp|tên\s|đề\s+án|dự\s+án", re.I),
]
STRENGTH = {
    "lead": lambda cell: next((n for n, strong in enumerate(LEAD_STRENGTH) if strong.search(cell)), 9),
    "task": lambda cell: len(TASK_WEAKNESS) - next((n for n, weak in enumerate(TASK_WEAKNESS) if weak.search(cell)), 3),
}
# A cell that reads as a time: "3-4/2024", "Quý IV/2026", "Năm 2025-2030", "Hằng năm", "Thường xuyên"
TIME_CELL = re.compile(r"\d|quý|tháng|năm|hằng|hàng|thường\s+xuyên|định\s+kỳ", re.I)
# A group titled by a period: "Giai đoạn 2025-2027", "Năm 2026", "Giai đoạn 1 (2024 - 2025)"
PERIOD_TITLE = re.compile(r"^\W*(?:giai\s+đoạn|năm|quý|tháng)\b[^.;]{0,40}\d{4}\W*$", re.I)
SPAN_ROLES = ("lead", "coordinate", "deadline")


@dataclass
class _Table:
    """One task table being read: its columns and what runs on from the rows above."""

    roles: dict[str, int]
    width: int  # cells in a full row
    base: str  # the section path of the table
    inherited: list[AgencyMention]  # the lead of the heading above the table
    group: str = ""
    above: dict[str, Span] = field(default_factory=dict)  # cells a merged cell carries down
    period: list[Deadline] | None = None  # the time a period group row gives its rows
    in_charge: bool = False  # the lead column says "chủ trì": each row names the body in charge
    annex: list[Deadline] | None = None  # the time the article naming the table's annex gives its rows


def _column_roles(ctx: TaskContext, p: Paragraph) -> dict[str, int]:
    found: dict[str, tuple[int, int]] = {}  # role -> (strength rank, column)
    for k, (s, e) in enumerate(p.cells):
        cell = ctx.text[s:e].strip()
        if not cell or len(cell) > 60:
            continue
        for role, pattern in COLUMN_ROLES:
            if pattern.search(cell):
                rank = STRENGTH[role](cell) if role in STRENGTH else 0
                if role not in found or rank < found[role][0]:
                    found[role] = (rank, k)
                break
    roles = {role: k for role, (_, k) in found.items()}
    if "task" not in roles and found.get("lead", (9, 0))[0] == 0 and "ordinal" in roles:
        # "STT | DANH SÁCH CÁC VBQPPL SỬA ĐỔI | ĐIỀU, KHOẢN CẦN SỬA ĐỔI | CƠ QUAN CHỦ TRÌ SOẠN THẢO":
        # a list with a body in charge of each row; the column after the ordinal names the work
        after = roles["ordinal"] + 1
        if after < len(p.cells) and after not in roles.values() and ctx.text[slice(*p.cells[after])].strip():
            roles["task"] = after
    return roles


def _tables(ctx: TaskContext, handled: set[int]) -> list[list[int]]:
    tables: list[list[int]] = []
    current: list[int] = []
    for i, p in enumerate(ctx.paragraphs):
        if p.is_row and i not in ctx.closing and i not in handled:
            current.append(i)
        elif current:
            tables.append(current)
            current = []
    if current:
        tables.append(current)
    return tables


def table_tasks(ctx: TaskContext, handled: set[int]) -> list[Draft]:
    """Tasks from every task table of the document (in sections that hold tasks; not procedures)."""
    drafts: list[Draft] = []
    previous: tuple[_Table, int | None, int] | None = None  # the table, its section, its last row
    for rows in _tables(ctx, handled):
        header_at = next((k for k, i in enumerate(rows[:3]) if _is_task_header(ctx, ctx.paragraphs[i])), None)
        if header_at is not None:
            section = ctx.owner[rows[0]]
            header = ctx.paragraphs[rows[header_at]]
            base = ctx.sections[section].path if section is not None else ""
            table = _Table(_column_roles(ctx, header), len(header.cells), base, inherited_lead(ctx, section))
            lead_at = table.roles.get("lead")
            table.in_charge = lead_at is not None and bool(
                LEAD_STRENGTH[0].search(ctx.text[slice(*header.cells[lead_at])])
            )
            body = rows[header_at + 1 :]
        elif previous and rows[0] - previous[2] <= 2:
            table, section, _ = previous  # the same table, broken by a stray line ("…......")
            body = rows
        else:
            continue
        if not _holds_table(ctx, section, table) or _is_procedure(ctx, rows):
            continue
        if header_at is not None and "deadline" not in table.roles:
            label = annex_label(ctx, rows[0])
            table.annex = pointer_deadlines(ctx, label) if label else None
        drafts += _rows(ctx, body, table)
        previous = (table, section, rows[-1])
    return drafts


def _holds_table(ctx: TaskContext, section: int | None, table: _Table) -> bool:
    """Whether a table in ``section`` is a task table: in a part that holds tasks, or, in a
    decree or resolution whose articles state rules (only named doers make assignments), a
    table naming a body in charge of each row ("Cơ quan chủ trì", "Cơ quan chủ trì soạn thảo")."""
    if ctx.holds_tasks(section):
        return True
    return ctx.zone(section) == "weak" and table.in_charge


def _is_procedure(ctx: TaskContext, rows: list[int]) -> bool:
    """The steps of a procedure: "Bước | Nội dung công việc | Trách nhiệm | Thời gian", "Bước 1"."""
    firsts = [ctx.text[slice(*ctx.paragraphs[i].cells[0])].strip() for i in rows[:6]]
    return any(STEP.match(cell) for cell in firsts)


def _is_task_header(ctx: TaskContext, p: Paragraph) -> bool:
    roles = _column_roles(ctx, p)
    return "task" in roles and ("lead" in roles or "coordinate" in roles)


def _rows(ctx: TaskContext, rows: list[int], table: _Table) -> list[Draft]:
    """The tasks of a table's rows (``table`` keeps the group and the merged cells in force)."""
    drafts = []
    for n, i in enumerate(rows):
        cells = list(ctx.paragraphs[i].cells)
        texts = [ctx.text[s:e].strip() for s, e in cells]
        following = _label(ctx, rows[n + 1]) if n + 1 < len(rows) else ""
        if _is_group_row(texts, following):
            _enter_group(ctx, table, texts, cells)
            continue
        if _is_task_header(ctx, ctx.paragraphs[i]):
            _new_header(ctx, table, ctx.paragraphs[i])
            continue
        aligned = _align(ctx, cells, table)
        task = _cell(aligned, table.roles.get("task"))
        if task is None or not ctx.text[task[0] : task[1]].strip() or _repeats_header(ctx, task):
            continue
        drafts.append(_row_task(ctx, table, aligned, task))
    return drafts


def _new_header(ctx: TaskContext, table: _Table, header: Paragraph) -> None:
    """A header among the rows: repeated on a new page or under a group ("Nội dung | Đơn vị
    thực hiện ..." without its TT column), the columns stay; a header at least as wide with
    other columns opens the next table, run on in the same pipes ("... | PHỤ LỤC II ... ||
    STT | Tên dự án, nhiệm vụ | Nội dung chính | Cơ quan chủ trì | ...")."""
    roles = _column_roles(ctx, header)
    if len(header.cells) >= table.width and roles != table.roles:
        table.roles, table.width = roles, len(header.cells)
        table.group, table.above, table.period = "", {}, None


def _label(ctx: TaskContext, i: int) -> str:
    p = ctx.paragraphs[i]
    return ctx.text[slice(*p.cells[0])].strip(" .*") if p.cells else ""


def _enter_group(ctx: TaskContext, table: _Table, texts: list[str], cells: list[Span]) -> None:
    label = texts[0].strip(" .*")
    table.group = label if GROUP_LABEL.match(label) else table.group
    table.above = {}
    title = next((k for k, t in enumerate(texts) if t and k > 0), 0)
    if PERIOD_TITLE.match(texts[title]):
        s, e = cells[title]
        table.period = find_deadlines(ctx.text, issue_date=ctx.issue_date, start=s, end=e, time_field=True)
    elif not GROUP_LABEL.match(label) or "." not in label:
        table.period = None  # a new top-level group leaves the period of the one before


def _align(ctx: TaskContext, cells: list[Span], table: _Table) -> list[Span | None]:
    """The row's cells under the columns they belong to, ``None`` under a column whose cell is
    merged with the row above. A full row is as written; a short row's cells are placed, in
    order, where they read best (an ordinal under "TT", a time under "Thời gian", agencies
    under the agency columns, a sentence under the task column)::

        2 | Quản lý, vận hành ... | Sở Tài chính | Các sở, ngành | Quý IV/2026
            Thực hiện sao lưu ... | Sở Khoa học và Công nghệ | Sở Tài chính      <- TT and time merged
    """
    if len(cells) >= table.width:
        return list(cells)
    role_at = {k: role for role, k in table.roles.items()}
    n, m = len(cells), table.width
    fit = [[_fit(ctx, cell, role_at.get(k)) for k in range(m)] for cell in cells]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        best[i][i - 1] = float("-inf")
        for j in range(i, m + 1):
            place = best[i - 1][j - 1] + fit[i - 1][j - 1]
            best[i][j] = max(place, best[i][j - 1] if j > i else float("-inf"))
    out: list[Span | None] = [None] * m
    i, j = n, m
    while i > 0:  # back from the end; on a tie the cell goes right: merged cells are the leading ones
        if best[i - 1][j - 1] + fit[i - 1][j - 1] == best[i][j]:
            out[j - 1] = cells[i - 1]
            i -= 1
        j -= 1
    return out


def _fit(ctx: TaskContext, span: Span, role: str | None) -> float:
    """How well a cell reads as the content of a column with ``role``."""
    cell = ctx.text[span[0] : span[1]].strip()
    if role == "ordinal":
        return 3.0 if re.fullmatch(r"[\dIVXL.]+|[a-zđ]", cell) else -3.0
    if role == "deadline":
        return 2.0 if _is_time(cell) else -1.0
    if role in {"lead", "coordinate"}:
        chains = ctx.index.chains(*span)
        if chains and not ctx.text[span[0] : chains[0].mentions[0].span_start].strip(" -–•+*;,"):
            return 2.5 if role == "lead" else 2.0  # opens with a body's name: "- Bộ Khoa học và Công nghệ; ..."
        return -1.0 if len(cell) > 60 else 0.0
    if role == "task":
        return 2.0 if len(cell) > 25 else 1.0
    return 0.0


def _is_time(cell: str) -> bool:
    """A time cell opens with its time: "Quý IV/2026", "Giai đoạn 2026 - 2027. Thực hiện rà soát ..."."""
    return bool(TIME_CELL.search(cell[:40]))


def _row_task(ctx: TaskContext, table: _Table, cells: list[Span | None], task: Span) -> Draft:
    start, end = task
    base, group = table.base, table.group
    section = f"{base}.{group}" if base and group else base or group
    draft = Draft(section=section, start=start, end=end, shape="table_row")
    spans = _spanned_cells(ctx, table, cells)
    unread = False
    if "lead" in spans:
        lead_cell = spans["lead"]
        chains = ctx.index.chains(*lead_cell)
        specific = [m for c in chains for m in c.outside_parentheses()]
        draft.lead = specific or [m for c in chains for m in c.mentions[:1]][:1]
        unread = not draft.lead and bool(ctx.text[lead_cell[0] : lead_cell[1]].strip())
    own = explicit_lead(ctx.index, start, end)
    if own:
        draft.lead = own.leads()
    if not unread:  # a lead cell whose words name no known body: left empty, not the section's lead
        draft.lead = draft.lead or list(table.inherited)
    if "coordinate" in spans:
        draft.coordinate += [m for c in ctx.index.chains(*spans["coordinate"]) for m in c.outside_parentheses()]
    draft.coordinate += coordinators(ctx.index, start, end)
    draft.report_to = report_targets(ctx.index, start, end)
    if "deadline" in spans:
        s, e = spans["deadline"]
        draft.deadlines = find_deadlines(ctx.text, issue_date=ctx.issue_date, start=s, end=e, time_field=True)
    elif table.period is not None:
        draft.deadlines = list(table.period)
    elif table.annex is not None:
        draft.deadlines = list(table.annex)
    elif "deadline" in table.roles:
        draft.deadlines = []  # the table gives times in a column: none here, none from the task's words
    return draft


def _spanned_cells(ctx: TaskContext, table: _Table, cells: list[Span | None]) -> dict[str, Span]:
    """The row's lead, coordinator and time cells, an empty or missing one taken from the row
    above (a merged cell); the row's own cells carry down to the rows below."""
    out: dict[str, Span] = {}
    for role in SPAN_ROLES:
        cell = _cell(cells, table.roles.get(role))
        if cell is not None and ctx.text[cell[0] : cell[1]].strip():
            table.above[role] = out[role] = cell
        elif role in table.above:
            out[role] = table.above[role]
    return out


def _cell(cells: list[Span | None], k: int | None) -> Span | None:
    return cells[k] if k is not None and k < len(cells) else None


def _is_group_row(texts: list[str], following: str) -> bool:
    """A row that only names a group: "I | GIAI ĐOẠN 1: ...", "III.1 | Nhóm ứng dụng ...",
    "1 | Lập nhiệm vụ quy hoạch" with its items "1.1", "1.2" below; not a row numbered like
    its neighbours whose agency and time cells are merged with the row above."""
    filled = [t for t in texts if t]
    if len(filled) == 1:
        return True
    label = texts[0].strip(" .*")
    if len(filled) > 2 or not GROUP_LABEL.match(label) or not texts[1]:
        return False
    if is_caps(texts[1]) or not label.isdigit():
        return True
    return following.startswith(f"{label}.") or bool(re.fullmatch(r"[a-zđ]\)?|[-+•]", following))


def _repeats_header(ctx: TaskContext, span: Span) -> bool:
    """A header repeated on a new page, or the column numbers row "(1) | (2) | (3)"."""
    cell = ctx.text[span[0] : span[1]].strip()
    return bool(re.fullmatch(r"\(?\d+\)?", cell)) or cell.lower() in {"nội dung", "nhiệm vụ", "nội dung công việc"}
