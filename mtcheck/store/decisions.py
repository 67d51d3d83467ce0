"""Editors' decisions on findings: confirmed, or a false positive, with an optional note.

A decision belongs to one article and one finding fingerprint, so it survives a re-check of the article
(and edits elsewhere in it) as long as the finding's fingerprint is unchanged. False positives become
waivers for the next `check` or `batch` (mtcheck.store.waivers)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from mtcheck.errors import InputError
from mtcheck.store.db import connect

CONFIRMED, FALSE_POSITIVE = "confirmed", "false_positive"
# Where `mtcheck review` keeps decisions, and where check/batch look for them, unless `review-db` says otherwise.
DEFAULT_REVIEW_DB = Path("mtcheck-review.sqlite")
DECISIONS = (CONFIRMED, FALSE_POSITIVE)


@dataclass(frozen=True)
class Decision:
    """An editor's decision on one finding of one article, with who and when."""
    article: str
    fingerprint: str
    code: str
    decision: str
    note: str
    author: str
    decided_at: str
    message: str = ""
    target_text: str = ""
    source_text: str = ""


def now_utc() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


class DecisionStore:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.conn: sqlite3.Connection = connect(path)

    def close(self) -> None:
        self.conn.close()

    def decide(self, article: str, fingerprint: str, code: str, decision: str, note: str = "", author: str = "",
               message: str = "", target_text: str = "", source_text: str = "") -> Decision:
        if decision not in DECISIONS:
            raise InputError(f"unknown decision '{decision}' (use {' or '.join(DECISIONS)})")
        d = Decision(article, fingerprint, code, decision, note.strip(), author.strip(), now_utc(), message,
                     target_text, source_text)
        self.conn.execute(
            "INSERT INTO decisions (article, fingerprint, code, decision, note, author, decided_at, message, "
            "target_text, source_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (article, fingerprint) DO UPDATE SET code = excluded.code, decision = excluded.decision, "
            "note = excluded.note, author = excluded.author, decided_at = excluded.decided_at, "
            "message = excluded.message, target_text = excluded.target_text, source_text = excluded.source_text",
            (d.article, d.fingerprint, d.code, d.decision, d.note, d.author, d.decided_at, d.message,
             d.target_text, d.source_text))
        return d

    def clear(self, article: str, fingerprint: str) -> bool:
        cur = self.conn.execute("DELETE FROM decisions WHERE article = ? AND fingerprint = ?", (article, fingerprint))
        return cur.rowcount > 0

    def all(self, article: str | None = None) -> list[Decision]:
        sql = "SELECT * FROM decisions" + (" WHERE article = ?" if article is not None else "")
        rows = self.conn.execute(sql + " ORDER BY article, decided_at", (article,) if article is not None else ())
        return [Decision(**dict(r)) for r in rows]

    def by_key(self) -> dict[tuple[str, str], Decision]:
        return {(d.article, d.fingerprint): d for d in self.all()}
