"""Concurrency: Datasette serves the database while ingests write it; two ingests never interleave.

A real Datasette (loopback, a free port) answers 1,000 requests from four client threads
while real `kehoach ingest` processes keep writing the same file: no error, no document
visible half-written, and the new documents appear without a restart.
"""

from __future__ import annotations

import fcntl
import json
import shutil
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from click.testing import CliRunner

from pipeline import serve
from pipeline.cli import main
from pipeline.ingest import ingest, writer_lock
from tests.conftest import CORPUS

REQUESTS = 1000
FIRST = "dak-lak__010-CT-UBND.txt"
MORE = ["ho-chi-minh__172-KH-UBND.txt", "quang-ngai__1617-QD-UBND.txt", "ha-noi__308-KH-UBND.txt"]
# Documents visible without tasks would be half-written (every document here has tasks).
PARTIAL = "SELECT count(*) AS n FROM documents d WHERE NOT EXISTS (SELECT 1 FROM tasks t WHERE t.document_id = d.id)"
# API-style reads (no facet suggestions or counts, which the browser pages add on top).
PATHS = [
    "/kehoach/documents.json?_size=5&_shape=objects&_nofacet=1&_nocount=1",
    "/kehoach/task_view.json?_size=10&_nofacet=1&_nocount=1",
    "/kehoach/-/document/1",
    "/kehoach.json?" + urllib.parse.urlencode({"sql": PARTIAL}),
    "/kehoach/tasks.json?_size=3&_sort_desc=id&_nofacet=1&_nocount=1",
    "/kehoach/agencies.json?_search=tai+chinh&_nofacet=1",
]


def _ingest_command(folder: Path, db: Path) -> list[str]:
    command = ["ingest", str(folder), "--db", str(db), "--quiet"]
    return [sys.executable, "-c", f"from pipeline.cli import main; main({command!r})"]


def _locked(db: Path) -> bool:
    with open(f"{db}.lock", "a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(handle, fcntl.LOCK_UN)
        return False


def test_served_while_ingests_write(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    db = tmp_path / "k.db"
    shutil.copy(CORPUS / FIRST, folder)
    ingest([folder], db)
    for name in MORE:
        shutil.copy(CORPUS / name, folder)
    errors: list[str] = []
    partial: list[int] = []
    done = threading.Event()
    sent = iter(range(REQUESTS))
    lock = threading.Lock()

    def client(url: str) -> None:
        while True:
            with lock:
                i = next(sent, None)
            if i is None:
                return
            path = PATHS[i % len(PATHS)]
            try:
                with urllib.request.urlopen(url + path, timeout=30) as response:
                    body = response.read()
                if path.startswith("/kehoach.json"):
                    partial.append(json.loads(body)["rows"][0][0])
            except urllib.error.HTTPError as error:
                errors.append(f"{path}: {error}: {error.read()[:300]!r}")
            except (urllib.error.URLError, OSError, ValueError) as error:
                errors.append(f"{path}: {error}")

    with serve.running(db) as url:
        writers = 0
        threads = [threading.Thread(target=client, args=(url,)) for _ in range(4)]
        for thread in threads:
            thread.start()
        while any(t.is_alive() for t in threads):
            # keep writing: a changed file is re-ingested (replaced in one transaction)
            for name in MORE:
                with (folder / name).open("a", encoding="utf-8") as handle:
                    handle.write(f"\nGhi chú {writers}.\n")
            writer = subprocess.Popen(_ingest_command(folder, db), cwd=tmp_path, stdout=subprocess.PIPE, text=True)
            while writer.poll() is None and not _locked(db):
                time.sleep(0.05)
            if writer.poll() is None and writers == 0:
                # a second ingest while the first writes refuses at once, with a clear message
                second = subprocess.run(_ingest_command(folder, db), cwd=tmp_path, capture_output=True, text=True)
                assert second.returncode == 1 and "another kehoach ingest is writing" in second.stderr
            writer.wait(timeout=300)
            assert writer.returncode == 0
            writers += 1
        done.set()
        seen = json.loads(urllib.request.urlopen(url + "/kehoach.json?sql=select+count(*)+from+documents").read())
    assert errors == [], errors[:5]
    assert len(partial) >= REQUESTS // len(PATHS) and set(partial) == {0}
    assert seen["rows"][0][0] == 1 + len(MORE)  # the server saw the new documents without a restart
    assert writers >= 1


def test_a_second_ingest_refuses_while_one_holds_the_lock(tmp_path):
    db = tmp_path / "k.db"
    with writer_lock(db):
        result = CliRunner().invoke(main, ["ingest", str(CORPUS / FIRST), "--db", str(db), "--quiet"])
    assert result.exit_code == 1
    assert "another kehoach ingest is writing this database" in result.output
    assert not db.exists() or not _has_documents(db)


def _has_documents(db: Path) -> bool:
    import sqlite3

    con = sqlite3.connect(db)
    try:
        return bool(con.execute("SELECT count(*) FROM documents").fetchone()[0])
    except sqlite3.OperationalError:
        return False
    finally:
        con.close()
