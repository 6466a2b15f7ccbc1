"""Sections of the README generated from the code (run by cog: `make readme`; checked by a test)."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from click.testing import CliRunner

from pipeline import storage
from pipeline.cli import main

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


def _column_descriptions() -> dict[str, dict[str, str]]:
    meta = yaml.safe_load(METADATA.read_text(encoding="utf-8"))
    tables = meta.get("databases", {}).get("kehoach", {}).get("tables", {})
    return {name: spec.get("columns", {}) for name, spec in tables.items()}


def schema_markdown() -> str:
    """The contract tables: every column with its type and meaning."""
    described = _column_descriptions()
    out = []
    for table, spec in storage.SCHEMA.items():
        out.append(f"#### `{table}`\n\n{spec['description']}\n")
        out.append("| column | type | meaning |\n|---|---|---|")
        keys = {fk[0]: f"→ `{fk[1]}.{fk[2]}`" for fk in spec["foreign_keys"]}
        for column, kind in spec["columns"].items():
            meaning = described.get(table, {}).get(column, "")
            key = " (primary key)" if column == spec["pk"] else (f" {keys[column]}" if column in keys else "")
            out.append(f"| `{column}` | {TYPE_NAMES[kind]}{key} | {meaning} |".replace("  |", " |"))
        out.append("")
    return "\n".join(out).rstrip()


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
