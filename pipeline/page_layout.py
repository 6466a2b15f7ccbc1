"""How Datasette lays out kehoach's tables so an analyst reads them on one screen.

At a 1366 px window the lead agency and the deadline must be visible without scrolling
sideways. Views keep their column order (the schema is a contract and CSV/JSON follow it);
table pages only *show* the lead and deadline columns before the first long text column,
and long text is clipped to a few lines (whole on hover, a click shows it all):

>>> names = ["task_id", "province", "number", "text", "lead", "coordinators", "due_dates", "title"]
>>> [names[i] for i in display_order(names)]
['task_id', 'province', 'number', 'lead', 'due_dates', 'text', 'coordinators', 'title']
"""

from __future__ import annotations

from markupsafe import Markup

# Who must do it and by when: what an analyst reads first.
KEY_COLUMNS = frozenset(
    {"lead", "agency", "role", "current_agency", "first_due", "due_date", "due_dates", "recurrence", "deadline_text"}
)
# Columns of running text: clipped, and shown after the key columns.
LONG_COLUMNS = frozenset(
    {
        "text",
        "task_text",
        "title",
        "section_heading",
        "heading",
        "cluster_label",
        "coordinators",
        "report_to",
        "surface",
        "message",
        "error",
        "scope",
        "legal_basis",
        "issuer",
        "in_provinces",
        "deadline_text",
        "implements",
        "signer_title",
    }
)
CLIP_FROM = 90  # characters: shorter text is shown whole
HOVER_LIMIT = 2048  # characters in the hover title (Datasette truncates cells at 2048 too)


# Which row it is and where from: shown before the key columns.
IDENTITY_COLUMNS = frozenset(
    {"id", "provenance", "province", "province_2025", "number", "family_number", "section", "issue_date"}
)


def _identity(name: str) -> bool:
    return name in IDENTITY_COLUMNS or name.endswith("_id")


def display_order(names: list[str]) -> list[int]:
    """Indices of ``names`` in the order to show them: the key columns, in their own order, right
    after the leading identity columns (ids, provenance, province, number) and before any long text."""
    lead_run = next((i for i, name in enumerate(names) if not _identity(name)), len(names))
    first_long = next((i for i, name in enumerate(names) if name in LONG_COLUMNS - KEY_COLUMNS), len(names))
    at = min(lead_run, first_long)
    moved = [i for i, name in enumerate(names) if name in KEY_COLUMNS and i >= at]
    rest = [i for i in range(len(names)) if i not in moved]
    return rest[:at] + moved + rest[at:]


def clipped(value: str, column: str) -> Markup | None:
    """Long running text in a box of a few lines, the whole text as its hover title; None for short text."""
    if column not in LONG_COLUMNS or len(value) < CLIP_FROM:
        return None
    shown = value if len(value) <= HOVER_LIMIT else value[:HOVER_LIMIT] + " …"
    return Markup('<div class="kh-clip" title="{}" tabindex="0">{}</div>').format(shown, shown)
