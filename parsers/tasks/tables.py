"""Task tables: each row with a task column and an agency column is a task.

    TT | Nội dung thực hiện | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành
    I  | KIỆN TOÀN VÀ HOÀN THIỆN CƠ CHẾ CHỈ ĐẠO                      <- a group row
    1  | Tổ chức lại Ban Chỉ huy ... | Bộ CHQS tỉnh; UBND cấp xã | Văn phòng Ban Chỉ huy | Trước ngày 30/11/2025

Header rows and group rows (a row that only names a group of tasks) are not tasks; a
group row's label extends the section path of the rows below it ("Phụ lục.I").
"""

from __future__ import annotations

import re

from parsers.deadlines import find_deadlines
from parsers.lexicon.vietnamese import is_caps
from parsers.tasks.context import Draft, TaskContext
from parsers.tasks.headings import inherited_lead
from parsers.tasks.roles import coordinators, explicit_lead, report_targets
from parsers.tasks.shapes import COLUMN_ROLES
from parsers.text.structure import Paragraph

# The first cell of a procedure's rows or header: "Bước", "Bước 1", "Các bước thực hiện", "Trình tự"
STEP = re.compile(r"^(?:các\s+)?(?:bước|trình\s+tự)\b", re.I)
# A group row's label: "I", "II", "A", "1" (with the group's title in the next cell)
GROUP_LABEL = re.compile(r"^(?:[IVXL]{1,6}|[A-Z]|\d{1,2})\.?$")


def _column_roles(ctx: TaskContext, p: Paragraph) -> dict[str, int]:
    roles: dict[str, int] = {}
    for k, (s, e) in enumerate(p.cells):
        cell = ctx.text[s:e].strip()
        if not cell or len(cell) > 60:
            continue
        for role, pattern in COLUMN_ROLES:
            if pattern.search(cell):
                roles.setdefault(role, k)
                break
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
    previous: tuple[dict[str, int], int | None, int, str] | None = None  # roles, section, last row, group
    for rows in _tables(ctx, handled):
        header_at = next((k for k, i in enumerate(rows[:3]) if _is_task_header(ctx, ctx.paragraphs[i])), None)
        if header_at is not None:
            roles = _column_roles(ctx, ctx.paragraphs[rows[header_at]])
            section = ctx.owner[rows[0]]
            body, group = rows[header_at + 1 :], ""
        elif previous and rows[0] - previous[2] <= 2:
            roles, section, _, group = previous  # the same table, broken by a stray line ("…......")
            body = rows
        else:
            continue
        if not ctx.holds_tasks(section) or _is_procedure(ctx, rows):
            continue
        table_drafts, group = _rows(ctx, body, roles, section, inherited_lead(ctx, section), group)
        drafts += table_drafts
        previous = (roles, section, rows[-1], group)
    return drafts


def _is_procedure(ctx: TaskContext, rows: list[int]) -> bool:
    """The steps of a procedure: "Bước | Nội dung công việc | Trách nhiệm | Thời gian", "Bước 1"."""
    firsts = [ctx.text[slice(*ctx.paragraphs[i].cells[0])].strip() for i in rows[:6]]
    return any(STEP.match(cell) for cell in firsts)


def _is_task_header(ctx: TaskContext, p: Paragraph) -> bool:
    roles = _column_roles(ctx, p)
    return "task" in roles and ("lead" in roles or "coordinate" in roles)


def _rows(
    ctx: TaskContext, rows: list[int], roles: dict[str, int], section: int | None, inherited, group: str
) -> tuple[list[Draft], str]:
    """The tasks of a table's rows, and the group label in force after the last row."""
    base = ctx.sections[section].path if section is not None else ""
    ncols = max(roles.values()) + 1
    drafts = []
    for i in rows:
        cells = list(ctx.paragraphs[i].cells)
        texts = [ctx.text[s:e].strip() for s, e in cells]
        if _is_group_row(texts, ncols):
            label = texts[0].strip(" .")
            group = label if GROUP_LABEL.match(label) else group
            continue
        if "ordinal" in roles and texts and not re.match(r"^[\d.]+$|^[a-zđ]$", texts[0]) and len(texts) < ncols:
            cells = [(cells[0][0], cells[0][0]), *cells]  # the ordinal cell is missing: realign
        task = _cell(cells, roles.get("task"))
        if task is None or not ctx.text[task[0] : task[1]].strip() or _repeats_header(ctx, task):
            continue
        start, end = task
        draft = Draft(
            section=f"{base}.{group}" if base and group else base or group, start=start, end=end, shape="table_row"
        )
        lead_cell = _cell(cells, roles.get("lead"))
        unread = False
        if lead_cell:
            chains = ctx.index.chains(*lead_cell)
            specific = [m for c in chains for m in c.outside_parentheses()]
            draft.lead = specific or [m for c in chains for m in c.mentions[:1]][:1]
            unread = not draft.lead and bool(ctx.text[lead_cell[0] : lead_cell[1]].strip())
        own = explicit_lead(ctx.index, start, end)
        if own:
            draft.lead = own.leads()
        if not unread:  # a lead cell whose words name no known body: left empty, not the section's lead
            draft.lead = draft.lead or list(inherited)
        coord_cell = _cell(cells, roles.get("coordinate"))
        if coord_cell:
            draft.coordinate += [m for c in ctx.index.chains(*coord_cell) for m in c.outside_parentheses()]
        draft.coordinate += coordinators(ctx.index, start, end)
        draft.report_to = report_targets(ctx.index, start, end)
        deadline_cell = _cell(cells, roles.get("deadline"))
        draft.deadlines = (
            find_deadlines(
                ctx.text, issue_date=ctx.issue_date, start=deadline_cell[0], end=deadline_cell[1], time_field=True
            )
            if deadline_cell
            else None
        )
        drafts.append(draft)
    return drafts, group


def _cell(cells: list[tuple[int, int]], k: int | None) -> tuple[int, int] | None:
    return cells[k] if k is not None and k < len(cells) else None


def _is_group_row(texts: list[str], ncols: int) -> bool:
    filled = [t for t in texts if t]
    if len(filled) > 2:
        return False
    if len(filled) == 1:
        return True
    return GROUP_LABEL.match(texts[0].strip(" .")) is not None and (is_caps(texts[1]) or len(texts) < ncols - 1)


def _repeats_header(ctx: TaskContext, span: tuple[int, int]) -> bool:
    """A header repeated on a new page, or the column numbers row "(1) | (2) | (3)"."""
    cell = ctx.text[span[0] : span[1]].strip()
    return bool(re.fullmatch(r"\(?\d+\)?", cell)) or cell.lower() in {"nội dung", "nhiệm vụ", "nội dung công việc"}
