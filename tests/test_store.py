"""The SQLite store: migrations by a version table, decisions, refusing files it cannot use."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from mtcheck.errors import InputError
from mtcheck.store.db import LATEST, MIGRATIONS, connect, schema_version
from mtcheck.store.decisions import CONFIRMED, FALSE_POSITIVE, DecisionStore


def test_new_file_gets_every_migration(tmp_path: Path) -> None:
    conn = connect(tmp_path / "new.sqlite")
    assert schema_version(conn) == LATEST == MIGRATIONS[-1][0]
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"schema_version", "decisions", "runs", "run_articles", "run_findings", "run_inputs"} <= tables
    assert conn.execute("SELECT COUNT(*) FROM schema_version").fetchone()[0] == 1


def test_old_file_is_migrated_and_keeps_its_decisions(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    conn = connect(path, upto=1)  # a file as the first version wrote it: decisions only
    assert schema_version(conn) == 1
    conn.execute("INSERT INTO decisions (article, fingerprint, code, decision, decided_at) "
                 "VALUES ('a/en', '0123456789abcdef', 'MT401', 'false_positive', '2026-11-30T10:00:00Z')")
    conn.close()
    store = DecisionStore(path)  # opening it brings it up to date
    assert schema_version(store.conn) == LATEST
    assert [(d.article, d.code, d.decision) for d in store.all()] == [("a/en", "MT401", FALSE_POSITIVE)]
    store.conn.execute("SELECT run_id FROM runs").fetchall()  # the history tables exist now


def test_newer_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite"
    connect(path).execute("UPDATE schema_version SET version = ?", (LATEST + 1,))
    with pytest.raises(InputError, match="newer mtcheck"):
        connect(path)


def test_not_a_database_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("these are my notes, not a database\n" * 20, encoding="utf-8")
    with pytest.raises(InputError, match="not a usable mtcheck database"):
        connect(path)
    assert path.read_text(encoding="utf-8").startswith("these are my notes")  # left as it was
    with pytest.raises(InputError, match="is a directory"):
        connect(tmp_path)


def test_decisions_are_upserted_and_cleared(tmp_path: Path) -> None:
    store = DecisionStore(tmp_path / "d.sqlite")
    store.decide("a/ar", "f" * 16, "MT401", CONFIRMED, note="  real error  ", author="dewi")
    store.decide("a/ar", "f" * 16, "MT401", FALSE_POSITIVE, note="the age is right in the original")
    store.decide("a/fr", "e" * 16, "MT401", CONFIRMED)
    decisions = store.by_key()
    assert len(decisions) == 2
    d = decisions[("a/ar", "f" * 16)]
    assert d.decision == FALSE_POSITIVE and d.note == "the age is right in the original" and d.author == ""
    assert store.clear("a/ar", "f" * 16) and not store.clear("a/ar", "f" * 16)
    assert list(store.by_key()) == [("a/fr", "e" * 16)]
    with pytest.raises(InputError, match="unknown decision"):
        store.decide("a/fr", "e" * 16, "MT401", "maybe")
    with pytest.raises(sqlite3.IntegrityError):  # the schema refuses it too, not only the code
        store.conn.execute("INSERT INTO decisions (article, fingerprint, code, decision, decided_at) "
                           "VALUES ('x', 'y', 'MT401', 'maybe', 'now')")
