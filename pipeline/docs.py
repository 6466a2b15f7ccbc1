"""Sections of the README generated from the code (run by cog: `make readme`; checked by a test)."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from click.testing import CliRunner

from pipeline import db_shape
from pipeline.cli import main
from pipeline.schema import TABLES, TITLES, VIEWS

ROOT = Path(__file__).resolve().parent.parent
METADATA = ROOT / "pipeline" / "datasette" / "metadata.yml"
TYPE_NAMES = {int: "INTEGER", str: "TEXT", float: "REAL"}


def cli_help() -> str:
    """`kehoach --help` and every command's help, as the terminal shows them."""
    runner = CliRunner()
    parts = []
    for args in [[], *([name] for name in sorted(main.commands))]:
        result = runner.invoke(main, [*args, "--help"], terminal_width=100)
        parts.append(f"$ kehoach {' '.join(args)} --help".replace("  ", " ") + "\n" + result.output.rstrip())
    return "```\n" + "\n\n".join(parts) + "\n```"


def schema_markdown() -> str:
    """The contract: every table's columns with type and meaning, the views, the search tables."""
    out = []
    for name, table in TABLES.items():
        out.append(f"#### `{name}`\n\n{table.description}\n")
        out.append("| column | type | meaning |\n|---|---|---|")
        keys = {fk[0]: f"→ `{fk[1]}.{fk[2]}`" for fk in table.foreign_keys}
        for column, (kind, meaning) in table.columns.items():
            key = " (primary key)" if column == table.pk else (f" {keys[column]}" if column in keys else "")
            out.append(f"| `{column}` | {TYPE_NAMES[kind]}{key} | {meaning} |".replace("  |", " |"))
        out.append("")
    for name, view in VIEWS.items():
        out.append(f"#### `{name}` (view)\n\n{view.description}\n")
        out.append("| column | meaning |\n|---|---|")
        out += [f"| `{column}` | {meaning} |" for column, meaning in view.columns.items()]
        out.append("")
    out.append("#### Search tables (FTS5, folded: no marks, đ → d)\n")
    out.append("| table | columns | holds |\n|---|---|---|")
    for name, spec in db_shape.FTS_TABLES.items():
        out.append(f"| `{name}` | {', '.join(spec['columns'])} | {spec['description']} |")
    return "\n".join(out).rstrip()


def datasette_tables() -> dict:
    """The ``databases.kehoach.tables`` of the Datasette metadata: descriptions from the contract,
    with how each table or view is shown (sort, facets, search)."""
    out: dict = {}
    for name, table in TABLES.items():
        columns = {column: meaning for column, (_, meaning) in table.columns.items()}
        out[name] = {"title": TITLES[name], "description": table.description, **table.display, "columns": columns}
    for name, view in VIEWS.items():
        out[name] = {
            "title": TITLES[name],
            "description": view.description,
            **view.display,
            "columns": dict(view.columns),
        }
    for name, spec in db_shape.FTS_TABLES.items():
        out[name] = {"title": f"Chỉ mục tìm kiếm — search index ({name})", "description": spec["description"]}
        for part, what in FTS_PARTS.items():
            out[f"{name}_{part}"] = {
                "title": f"Dữ liệu nội bộ của chỉ mục tìm kiếm — search index internals ({name}_{part})",
                "description": f"SQLite FTS5's {what} for {name}; read {name} or the table it indexes instead.",
            }
    return out


# The shadow tables SQLite's FTS5 keeps beside each search table.
FTS_PARTS = {
    "data": "index b-tree",
    "idx": "segment index",
    "config": "settings",
    "docsize": "row sizes",
    "content": "copy of the indexed rows",
}


def datasette_tables_yaml(indent: int = 6) -> str:
    """``datasette_tables()`` as the YAML lines of metadata.yml (cog writes them there)."""
    text = yaml.safe_dump(datasette_tables(), allow_unicode=True, sort_keys=False, width=110, default_flow_style=None)
    return "".join(" " * indent + line if line.strip() else line for line in text.splitlines(keepends=True))


def figures_markdown(baseline: Path = ROOT / "corpus" / "eval-baseline.json") -> str:
    """The committed evaluation figures, overall, per gold file and per document shape."""
    data = json.loads(baseline.read_text(encoding="utf-8"))
    rows = ["| figure | value |", "|---|---|"]
    rows += [f"| {key} | {value:.3f} |" for key, value in data.items() if isinstance(value, float)]
    rows += ["", "| gold file | figures |", "|---|---|"]
    rows += [f"| `{name}` | {line} |" for name, line in data.get("per_file", {}).items()]
    if data.get("per_shape"):
        rows += ["", "| document shape | gold documents | figures |", "|---|---|---|"]
        rows += [f"| {shape} | {e['documents']} | {e['figures']} |" for shape, e in data["per_shape"].items()]
    return "\n".join(rows)


def datasette_section() -> str:
    """docs/datasette.md, with its links made relative to the repository root."""
    text = (ROOT / "docs" / "datasette.md").read_text(encoding="utf-8")
    return text.replace("](screenshot-", "](docs/screenshot-").replace("## ", "### ").rstrip()
