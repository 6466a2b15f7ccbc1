"""The database contract (``pipeline/schema.py``) is what a real database holds, every column is
described, and the Datasette metadata says the same."""

from __future__ import annotations

import yaml

from pipeline import db_shape, docs, storage
from pipeline.schema import TABLES, VIEWS
from tests.conftest import ROOT


def test_every_table_and_view_of_a_new_database_is_in_the_contract(tmp_path):
    db = storage.open_db(tmp_path / "k.db")
    for name, table in TABLES.items():
        assert [c.name for c in db[name].columns] == list(table.columns), name
    for name, view in VIEWS.items():
        assert [c.name for c in db[name].columns] == list(view.columns), name
    assert set(db.table_names()) - set(TABLES) == {
        t for t in db.table_names() if any(t.startswith(f) for f in db_shape.FTS_TABLES)
    }
    assert set(db.view_names()) == set(VIEWS) == set(db_shape.VIEWS)


def test_every_column_is_described():
    for name, table in TABLES.items():
        assert table.description, name
        assert all(meaning.strip() for _, meaning in table.columns.values()), name
    for name, view in VIEWS.items():
        assert view.description and all(m.strip() for m in view.columns.values()), name
    assert all(spec["description"] for spec in db_shape.FTS_TABLES.values())


def test_the_datasette_metadata_describes_the_contract():
    meta = yaml.safe_load((ROOT / "pipeline" / "datasette" / "metadata.yml").read_text(encoding="utf-8"))
    assert meta["databases"]["kehoach"]["tables"] == docs.datasette_tables()


def test_the_readme_schema_section_lists_every_column():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name, table in TABLES.items():
        assert f"#### `{name}`" in readme
        assert all(f"| `{column}` |" in readme for column in table.columns)
    assert all(f"#### `{name}` (view)" in readme for name in VIEWS)
