"""Serve a kehoach database read-only in Datasette 0.65.x with the repo's metadata, templates and plugin.

Read-only by construction: Datasette opens the file read-only (``mode=ro``), 0.65 has no
write API, arbitrary SQL is limited to SELECT, and no canned query is writable. The file
is not opened immutable: an ingest may write it while it is served (the database is in
WAL mode, so readers see each document whole, committed or not at all, and new rows
appear without a restart). Each query has a time limit and row cap, and the server
process an address-space cap, so that no request can exhaust the machine. Used by
``kehoach serve`` and ``make serve``.
"""

from __future__ import annotations

import contextlib
import os
import resource
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATASETTE_DIR = Path(__file__).resolve().parent / "datasette"
METADATA = DATASETTE_DIR / "metadata.yml"
TEMPLATES = DATASETTE_DIR / "templates"
PLUGINS = DATASETTE_DIR / "plugins"
STATIC = DATASETTE_DIR / "static"  # served at /kh-static/ (metadata.yml extra_css_urls)

# Views join and aggregate; facets on task_view compute the whole view, so the stock
# 200 ms facet limit and 1 s query limit are too tight on the full corpus.
SETTINGS: dict[str, str] = {
    "sql_time_limit_ms": "5000",
    "facet_time_limit_ms": "2000",
    "max_returned_rows": "5000",
    "default_page_size": "50",
    "facet_suggest_time_limit_ms": "200",
    "num_sql_threads": "3",
}
# Address space the Datasette process may use: a request that would need more fails alone
# (MemoryError) instead of swapping the machine out.
MEMORY_LIMIT = 3 << 30


def datasette_args(db_path: str | Path, *, port: int = 8001, host: str = "127.0.0.1") -> list[str]:
    """The command line that serves ``db_path`` read-only, e.g. for ``output/kehoach.db``:

    ``[python, "-m", "datasette", "serve", "output/kehoach.db", "--metadata", ...]``
    """
    args = [sys.executable, "-m", "datasette", "serve", str(db_path)]
    args += ["--metadata", str(METADATA), "--template-dir", str(TEMPLATES), "--plugins-dir", str(PLUGINS)]
    args += ["--static", f"kh-static:{STATIC}", "--host", host, "--port", str(port)]
    for name, value in SETTINGS.items():
        args += ["--setting", name, value]
    return args


def datasette_env(base: dict[str, str] | None = None) -> dict[str, str]:
    """The environment for the Datasette process: the plugin imports ``pipeline.db_shape``,
    so the repo is put on PYTHONPATH even when the package is not installed."""
    env = dict(os.environ if base is None else base)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH", "")) if p)
    return env


def _ready_to_serve(path: Path) -> None:
    if not path.is_file():
        raise FileNotFoundError(f"no database at {path}: run `make ingest` (kehoach ingest corpus --db {path})")
    with contextlib.closing(sqlite3.connect(path)) as conn:
        # Readers beside a writer need WAL (a database written before WAL was the default).
        if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            conn.execute("PRAGMA journal_mode=WAL")


def _limit_memory() -> None:  # runs in the Datasette child before it starts
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run(db_path: str | Path, port: int = 8001, host: str = "127.0.0.1") -> int:
    """Serve ``db_path`` until interrupted (Ctrl-C or SIGTERM); returns Datasette's exit code.

    ``run("output/kehoach.db")`` then open http://127.0.0.1:8001/kehoach/task_view
    """
    path = Path(db_path)
    _ready_to_serve(path)
    process = subprocess.Popen(
        datasette_args(path, port=port, host=host), env=datasette_env(), preexec_fn=_limit_memory
    )
    # Stopping `kehoach serve` must stop Datasette too, not leave it running orphaned.
    previous = signal.signal(signal.SIGTERM, lambda *_: sys.exit(128 + signal.SIGTERM))
    try:
        return process.wait()
    except KeyboardInterrupt:
        return 0
    finally:
        signal.signal(signal.SIGTERM, previous)
        if process.poll() is None:
            process.terminate()
            process.wait(timeout=10)


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port nobody listens on right now."""
    with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def running(db_path: str | Path, *, port: int | None = None, timeout: float = 60.0) -> Iterator[str]:
    """Run Datasette on a free loopback port for the duration of a ``with`` block; yields its base URL.

    ``with running("output/kehoach.db") as url: urlopen(url + "/kehoach/task_view.json")``
    """
    path = Path(db_path)
    _ready_to_serve(path)
    port = port or free_port()
    url = f"http://127.0.0.1:{port}"
    # The log goes to a file, not a pipe: a pipe nobody reads would block the server.
    with tempfile.TemporaryFile(mode="w+") as log:
        process = subprocess.Popen(
            datasette_args(path, port=port), env=datasette_env(), stdout=log, stderr=log, preexec_fn=_limit_memory
        )
        try:
            _wait_until_up(process, url, log, timeout)
            yield url
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _wait_until_up(process: subprocess.Popen, url: str, log, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while True:
        if process.poll() is not None:
            log.seek(0)
            raise RuntimeError(f"datasette exited with {process.returncode}:\n{log.read()}")
        try:
            with urllib.request.urlopen(f"{url}/-/versions.json", timeout=2):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise TimeoutError(f"datasette did not answer on {url} within {timeout} s") from None
            time.sleep(0.2)
