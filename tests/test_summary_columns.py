"""task_summary.says_report: the folded-text condition of recurring_reports, stored by the writer
and backfilled into a database written before the column existed."""

from __future__ import annotations

import sqlite3

from pipeline import db_shape, storage
from tests.conftest import copy_database

FOLDED_CONDITION = "SELECT t.id, fold(t.text) LIKE '%bao cao%' FROM tasks t ORDER BY t.id"


def _stored_and_computed(path):
    conn = sqlite3.connect(path)
    conn.create_function("fold", 1, db_shape.fold, deterministic=True)
    stored = conn.execute("SELECT task_id, says_report FROM task_summary ORDER BY task_id").fetchall()
    computed = conn.execute(FOLDED_CONDITION).fetchall()
    conn.close()
    return stored, computed


def test_says_report_is_the_folded_text_condition(sample_db):
    stored, computed = _stored_and_computed(sample_db)
    assert stored == computed
    assert 0 < sum(flag for _, flag in stored) < len(stored)  # both kinds of task in the sample


def test_says_report_is_backfilled_in_an_older_database(sample_db, tmp_path):
    path = copy_database(sample_db, tmp_path)
    with sqlite3.connect(path) as old:  # the shape before the column existed
        old.execute("DROP INDEX idx_task_summary_recurring_reports")
        old.execute("ALTER TABLE task_summary DROP COLUMN says_report")
    storage.open_db(path).close()
    stored, computed = _stored_and_computed(path)
    assert stored == computed
