"""Opening an mtcheck SQLite file and bringing its schema up to date.

The schema version lives in a one-row table `schema_version`. Each migration is applied in its own
transaction with the version bump, so a file is always at exactly one known version; a file written by a
newer mtcheck (a version above the last migration here) is refused rather than guessed at."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from mtcheck.errors import InputError

# (version, SQL). Append only: never edit a migration that has shipped.
MIGRATIONS: list[tuple[int, str]] = [
    (1, """
CREATE TABLE decisions (
    article     TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    code        TEXT NOT NULL,
    decision    TEXT NOT NULL CHECK (decision IN ('confirmed', 'false_positive')),
    note        TEXT NOT NULL DEFAULT '',
    author      TEXT NOT NULL DEFAULT '',
    decided_at  TEXT NOT NULL,
    message     TEXT NOT NULL DEFAULT '',
    target_text TEXT NOT NULL DEFAULT '',
    source_text TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (article, fingerprint)
);
"""),
    (2, """
CREATE TABLE runs (
    run_id     TEXT PRIMARY KEY,
    started_at TEXT NOT NULL,
    command    TEXT NOT NULL,
    version    TEXT NOT NULL,
    signature  TEXT NOT NULL,
    settings   TEXT NOT NULL DEFAULT ''
);
CREATE TABLE run_inputs (
    run_id TEXT NOT NULL REFERENCES runs(run_id) ON DELETE CASCADE,
    path   TEXT NOT NULL,
    sha256 TEXT NOT NULL
);
CREATE TABLE run_articles (
    run_id      TEXT NOT NULL REFERENCES runs(run_id) ON DELETE CASCADE,
    article     TEXT NOT NULL,
    target_lang TEXT,
    score       REAL,
    passed      INTEGER,
    reasons     TEXT NOT NULL DEFAULT '',
    signature   TEXT NOT NULL DEFAULT '',
    error       TEXT,
    PRIMARY KEY (run_id, article)
);
CREATE TABLE run_findings (
    run_id       TEXT NOT NULL REFERENCES runs(run_id) ON DELETE CASCADE,
    article      TEXT NOT NULL,
    code         TEXT NOT NULL,
    severity     TEXT NOT NULL,
    category     TEXT NOT NULL,
    message      TEXT NOT NULL,
    source_start INTEGER, source_end INTEGER,
    target_start INTEGER, target_end INTEGER,
    fingerprint  TEXT NOT NULL,
    waived       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX run_findings_by_article ON run_findings (run_id, article);
"""),
]

LATEST = MIGRATIONS[-1][0]


def schema_version(conn: sqlite3.Connection) -> int:
    has_table = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"
                             ).fetchone()
    if not has_table:
        return 0
    row = conn.execute("SELECT version FROM schema_version").fetchone()
    return int(row[0]) if row else 0


def migrate(conn: sqlite3.Connection, path: Path, upto: int = LATEST) -> int:
    """Apply every migration above the file's version (up to `upto`); return the version reached."""
    current = schema_version(conn)
    if current > LATEST:
        raise InputError(f"{path}: written by a newer mtcheck (schema version {current}, this one knows up to "
                         f"{LATEST}); upgrade mtcheck or use another file")
    for version, sql in MIGRATIONS:
        if current < version <= upto:
            with conn:  # one transaction: the tables and the version bump land together or not at all
                conn.execute("BEGIN")
                for statement in filter(str.strip, sql.split(";")):
                    conn.execute(statement)
                conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
                conn.execute("DELETE FROM schema_version")
                conn.execute("INSERT INTO schema_version (version) VALUES (?)", (version,))
            current = version
    return current


def connect(path: Path, upto: int = LATEST) -> sqlite3.Connection:
    """Open (creating if needed) and migrate; an unreadable or non-SQLite file is an InputError naming it."""
    if path.exists() and path.is_dir():
        raise InputError(f"{path}: is a directory, expected an SQLite file")
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 5000")
        migrate(conn, path, upto)
    except sqlite3.DatabaseError as e:
        raise InputError(f"{path}: not a usable mtcheck database ({e})") from None
    conn.row_factory = sqlite3.Row
    return conn
