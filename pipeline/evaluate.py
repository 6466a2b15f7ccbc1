"""Score a kehoach database against gold annotations (extraction guide §6).

The figures are computed exactly as the project is measured (the reference scorer the
project was given, kept in ``tests/fixtures/score_reference.py``; a test checks that both
agree on the same database): names and numbers are normalised the same way, tasks are
matched by text prefix, and a task's deadline is right when its set of due dates and
recurrences equals gold's.
"""

from __future__ import annotations

import json
import re
import sqlite3
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

PROVINCE_TAIL = re.compile(r"\s+(tỉnh|thành phố|tp\.?)\s+[\w\s\-]+$", re.I)
LABEL = re.compile(r"^(?:[-+•]|[a-zđ]\)|\d+(?:\.\d+)*\.?\)?|[ivxlc]+\.)\s+")
CONTRACT_TABLES = {"documents", "agencies", "agency_mentions", "tasks", "task_agencies", "deadlines", "citations"}


def norm(value) -> str:
    if value is None:
        return ""
    s = unicodedata.normalize("NFC", str(value)).casefold()
    s = re.sub(r"[*_|`#]", " ", s)
    s = s.replace("&", " và ").replace("–", " ").replace("-", " ").replace(",", " ")
    return re.sub(r"\s+", " ", s).strip()


def norm_agency(value, province: str = "") -> str:
    s = norm(value)
    s = re.sub(r"^ubnd\b", "ủy ban nhân dân", s)
    s = re.sub(r"^hđnd\b", "hội đồng nhân dân", s)
    s = s.replace("uỷ", "ủy")
    if province:
        p = norm(province)
        for tail in (f" tỉnh {p}", f" thành phố {p}", f" {p}"):
            if s.endswith(tail) and len(s) > len(tail) + 4 and not s.startswith("ngân hàng"):
                s = s[: -len(tail)]
                break
    return s.strip()


def norm_number(value) -> str:
    return unicodedata.normalize("NFC", value or "").upper().replace(" ", "")


def strip_label(s: str) -> str:
    prev = None
    while prev != s:
        prev, s = s, LABEL.sub("", s)
    return s


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else (1.0 if fn == 0 else 0.0)
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


COUNTERS = [
    "meta_ok",
    "meta_n",
    "ag_tp",
    "ag_fp",
    "ag_fn",
    "t_tp",
    "t_fp",
    "t_fn",
    "lead_ok",
    "lead_n",
    "co_tp",
    "co_fp",
    "co_fn",
    "dl_tp",
    "dl_fp",
    "dl_fn",
    "ci_tp",
    "ci_fp",
    "ci_fn",
    "rel_ok",
    "rel_n",
    "docs",
    "docs_found",
]


@dataclass
class Tally:
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COUNTERS, 0))
    errors: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for k, v in other.counts.items():
            self.counts[k] += v

    def figures(self) -> dict[str, float | tuple[float, float, float] | str]:
        m = self.counts
        return {
            "documents found": f"{m['docs_found']}/{m['docs']}",
            "metadata accuracy": m["meta_ok"] / m["meta_n"] if m["meta_n"] else 0.0,
            "agency F1": prf(m["ag_tp"], m["ag_fp"], m["ag_fn"])[2],
            "task P/R/F1": prf(m["t_tp"], m["t_fp"], m["t_fn"]),
            "lead accuracy (matched tasks)": m["lead_ok"] / m["lead_n"] if m["lead_n"] else 0.0,
            "coordinator F1": prf(m["co_tp"], m["co_fp"], m["co_fn"])[2],
            "deadline P/R/F1": prf(m["dl_tp"], m["dl_fp"], m["dl_fn"]),
            "citation F1": prf(m["ci_tp"], m["ci_fp"], m["ci_fn"])[2],
            "citation relation accuracy": m["rel_ok"] / m["rel_n"] if m["rel_n"] else 0.0,
        }


def _find_document(con: sqlite3.Connection, gold_file: str, number: str) -> int | None:
    stem = Path(gold_file).stem
    for doc_id, source in con.execute("SELECT id, source FROM documents"):
        if source and Path(str(source)).stem == stem:
            return doc_id
    row = con.execute("SELECT id FROM documents WHERE number = ?", (number,)).fetchone()
    return row[0] if row else None


def score_document(con: sqlite3.Connection, gold: dict) -> Tally:
    """Counts for one gold file against the database."""
    t = Tally()
    m = t.counts
    m["docs"] = 1
    gd = gold["document"]
    doc_id = _find_document(con, gold["file"], gd["number"])
    if doc_id is None:
        m["meta_n"] += len(gd)
        m["ag_fn"] += len(gold["agencies"])
        m["t_fn"] += len(gold["tasks"])
        m["ci_fn"] += len(gold["citations"])
        m["dl_fn"] += sum(1 for task in gold["tasks"] if task.get("deadline"))
        t.errors.append("NOT FOUND")
        return t
    m["docs_found"] = 1
    doc = dict(con.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone())
    province = gd.get("province", "")
    _score_metadata(t, doc, gd)
    _score_agencies(t, con, doc_id, gold, province)
    _score_tasks(t, con, doc_id, gold, province)
    _score_citations(t, con, doc_id, gold)
    return t


def _score_metadata(t: Tally, doc: dict, gd: dict) -> None:
    for key, gold_value in gd.items():
        t.counts["meta_n"] += 1
        value = doc.get(key)
        if key == "number":
            ok = norm_number(value) == norm_number(gold_value)
        elif key == "issuer":
            ok = norm_agency(value) == norm_agency(gold_value)
        elif key == "title":  # "V/v" (về việc) opening a letter's subject line is optional
            pattern = r"^(v/v|về việc)\s+"
            ok = re.sub(pattern, "", norm(value)) == re.sub(pattern, "", norm(gold_value))
        else:
            ok = norm(value) == norm(gold_value)
        t.counts["meta_ok"] += ok
        if not ok:
            t.errors.append(f"{key}: {value!r} != {gold_value!r}")


def _score_agencies(t: Tally, con: sqlite3.Connection, doc_id: int, gold: dict, province: str) -> None:
    rows = con.execute(
        "SELECT DISTINCT a.name FROM agency_mentions m JOIN agencies a ON a.id = m.agency_id "
        "WHERE m.document_id = ? AND coalesce(a.collective, 0) = 0",
        (doc_id,),
    )
    predicted = {norm_agency(r[0], province) for r in rows}
    expected = {norm_agency(x, province) for x in gold["agencies"]}
    m = t.counts
    m["ag_tp"] += len(predicted & expected)
    m["ag_fp"] += len(predicted - expected)
    m["ag_fn"] += len(expected - predicted)
    t.errors += [f"agency extra: {a}" for a in sorted(predicted - expected)]
    t.errors += [f"agency missed: {a}" for a in sorted(expected - predicted)]


def _match_tasks(predicted: list[dict], gold_tasks: list[dict]) -> dict[int, int]:
    """gold index -> predicted index: first by prefix, then by containment, in order."""
    heads = [strip_label(" ".join(norm(p.get("text", "")).split()[:80])) for p in predicted]
    used: set[int] = set()
    hits: dict[int, int] = {}
    for mode in ("start", "contain"):
        for gi, gt in enumerate(gold_tasks):
            if gi in hits:
                continue
            prefix = " ".join(norm(gt["text_prefix"]).split())
            for i, head in enumerate(heads):
                if i in used or not prefix:
                    continue
                if head.startswith(prefix) if mode == "start" else prefix in head:
                    hits[gi] = i
                    used.add(i)
                    break
    return hits


def _score_tasks(t: Tally, con: sqlite3.Connection, doc_id: int, gold: dict, province: str) -> None:
    m = t.counts
    predicted = [dict(r) for r in con.execute("SELECT * FROM tasks WHERE document_id = ? ORDER BY id", (doc_id,))]
    hits = _match_tasks(predicted, gold["tasks"])
    m["t_tp"] += len(hits)
    m["t_fp"] += len(predicted) - len(hits)
    matched = set(hits.values())
    t.errors += [f"task extra: {p['section']} {p['text'][:60]}" for i, p in enumerate(predicted) if i not in matched]
    for gi, gt in enumerate(gold["tasks"]):
        if gi not in hits:
            m["t_fn"] += 1
            m["dl_fn"] += bool(gt.get("deadline"))
            t.errors.append(f"task missed: {gt['section']} {gt['text_prefix'][:60]}")
            continue
        _score_task(t, con, predicted[hits[gi]]["id"], gt, province)


def _score_task(t: Tally, con: sqlite3.Connection, task_id: int, gt: dict, province: str) -> None:
    m = t.counts
    roles: dict[str, set[str]] = {}
    for role, name, collective in con.execute(
        "SELECT ta.role, a.name, coalesce(a.collective, 0) FROM task_agencies ta "
        "JOIN agencies a ON a.id = ta.agency_id WHERE ta.task_id = ?",
        (task_id,),
    ):
        roles.setdefault(role, set()).add("*collective*" if collective else norm_agency(name, province))
    gold_leads = gt["lead"] if isinstance(gt["lead"], list) else [gt["lead"]]
    expected_lead = {x if x == "*collective*" else norm_agency(x, province) for x in gold_leads}
    m["lead_n"] += 1
    ok = roles.get("lead", set()) == expected_lead
    m["lead_ok"] += ok
    label = gt["text_prefix"][:40]
    if not ok:
        t.errors.append(f"lead {label}: {sorted(roles.get('lead', set()))} != {sorted(expected_lead)}")
    expected_co = {norm_agency(x, province) for x in gt.get("coordinators", [])}
    got_co = {x for x in roles.get("coordinate", set()) if x != "*collective*"}
    m["co_tp"] += len(got_co & expected_co)
    m["co_fp"] += len(got_co - expected_co)
    m["co_fn"] += len(expected_co - got_co)
    if got_co != expected_co:
        t.errors.append(f"coordinators {label}: {sorted(got_co)} != {sorted(expected_co)}")
    rows = [dict(r) for r in con.execute("SELECT * FROM deadlines WHERE task_id = ?", (task_id,))]
    due = {r["due_date"] for r in rows if r.get("due_date")}
    recurrence = {r["recurrence"] for r in rows if r.get("recurrence")}
    gdl = gt.get("deadline")
    if gdl:
        expected_rec = {gdl["recurrence"]} if gdl.get("recurrence") else set()
        if due == set(gdl.get("due") or []) and recurrence == expected_rec:
            m["dl_tp"] += 1
        else:
            m["dl_fn"] += 1
            m["dl_fp"] += bool(due or recurrence)
            t.errors.append(f"deadline {label}: {sorted(due)} {recurrence} != {gdl['due']} {gdl.get('recurrence')}")
    elif due or recurrence:
        m["dl_fp"] += 1
        t.errors.append(f"spurious deadline {label}: {sorted(due)} {recurrence}")


def _score_citations(t: Tally, con: sqlite3.Connection, doc_id: int, gold: dict) -> None:
    m = t.counts
    predicted: dict[str, str] = {}
    for row in con.execute("SELECT number, relation FROM citations WHERE document_id = ?", (doc_id,)):
        if row[0]:
            predicted[norm_number(row[0])] = row[1]
    expected = {norm_number(c["number"]): c["relation"] for c in gold["citations"] if c.get("number")}
    m["ci_tp"] += len(set(predicted) & set(expected))
    m["ci_fp"] += len(set(predicted) - set(expected))
    m["ci_fn"] += len(set(expected) - set(predicted))
    t.errors += [f"citation extra: {n}" for n in sorted(set(predicted) - set(expected))]
    t.errors += [f"citation missed: {n}" for n in sorted(set(expected) - set(predicted))]
    for number in set(predicted) & set(expected):
        m["rel_n"] += 1
        m["rel_ok"] += predicted[number] == expected[number]
        if predicted[number] != expected[number]:
            t.errors.append(f"relation {number}: {predicted[number]} != {expected[number]}")


def load_gold(gold_dir: Path) -> list[dict]:
    """Every gold file of a directory, in name order (``shapes.json`` is not a gold file)."""
    files = sorted(f for f in Path(gold_dir).glob("*.json") if f.name != SHAPES_FILE)
    if not files:
        raise FileNotFoundError(f"{gold_dir}: no gold *.json files")
    return [json.loads(f.read_text(encoding="utf-8")) for f in files]


SHAPES_FILE = "shapes.json"  # optional {document file: shape} next to the gold files


def document_shapes(db_path: Path, gold_dir: Path) -> dict[str, str]:
    """The shape of each gold document, so figures can be grouped by it.

    The gold file's own ``"shape"`` field wins, then ``shapes.json`` in the gold folder
    (``{"file.txt": "crawler"}``), then the reader that produced the document
    (``documents.site``); ``"unknown"`` when the document is not in the database.
    """
    shapes_path = Path(gold_dir) / SHAPES_FILE
    listed = json.loads(shapes_path.read_text(encoding="utf-8")) if shapes_path.exists() else {}
    con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    con.row_factory = sqlite3.Row
    out = {}
    for gold in load_gold(gold_dir):
        name = gold["file"]
        shape = gold.get("shape") or listed.get(name)
        if not shape:
            doc_id = _find_document(con, name, gold["document"].get("number", ""))
            row = con.execute("SELECT site FROM documents WHERE id = ?", (doc_id,)).fetchone() if doc_id else None
            shape = row["site"] if row and row["site"] else "unknown"
        out[name] = str(shape)
    con.close()
    return out


def by_shape(per_file: dict[str, Tally], shapes: dict[str, str]) -> dict[str, tuple[list[str], Tally]]:
    """Per shape, in name order: its gold files and their summed tally."""
    groups: dict[str, tuple[list[str], Tally]] = {}
    for name, tally in per_file.items():
        files, total = groups.setdefault(shapes.get(name, "unknown"), ([], Tally()))
        files.append(name)
        total.add(tally)
    return dict(sorted(groups.items()))


def evaluate(db_path: Path, gold_dir: Path) -> tuple[Tally, dict[str, Tally]]:
    """Total and per-gold-file tallies of a database against a gold directory."""
    con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    con.row_factory = sqlite3.Row
    have = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
    missing = CONTRACT_TABLES - have
    if missing:
        raise ValueError(f"{db_path}: not a kehoach database (missing tables {sorted(missing)})")
    total = Tally()
    per_file: dict[str, Tally] = {}
    for gold in load_gold(gold_dir):
        tally = score_document(con, gold)
        per_file[gold["file"]] = tally
        total.add(tally)
    con.close()
    return total, per_file


def format_figures(figures: dict) -> list[str]:
    lines = []
    for key, value in figures.items():
        if isinstance(value, tuple):
            lines.append(f"{key}: " + " / ".join(f"{x:.3f}" for x in value))
        elif isinstance(value, float):
            lines.append(f"{key}: {value:.3f}")
        else:
            lines.append(f"{key}: {value}")
    return lines


def summary_line(figures: dict) -> str:
    return (
        f"summary: meta={figures['metadata accuracy']:.2f} agencies={figures['agency F1']:.2f} "
        f"tasks={figures['task P/R/F1'][2]:.2f} lead={figures['lead accuracy (matched tasks)']:.2f} "
        f"coord={figures['coordinator F1']:.2f} deadlines={figures['deadline P/R/F1'][2]:.2f} "
        f"citations={figures['citation F1']:.2f}"
    )


def headline(figures: dict) -> dict[str, float]:
    """The single numbers a baseline keeps: one per figure (F1 for P/R/F1 triples)."""
    out = {}
    for key, value in figures.items():
        if isinstance(value, tuple):
            out[key] = round(value[2], 4)
        elif isinstance(value, float):
            out[key] = round(value, 4)
    return out
