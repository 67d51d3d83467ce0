"""Editors' false-positive decisions as waivers (mtcheck.waivers): honoured by the next `check` or `batch`
whose settings name the review database (`review-db`), and exported as a waivers TOML file for a repository or a CI job.

Each decision waives one finding of one article by its fingerprint, so it accepts exactly what the editor
saw (the same code on the same words in the same context) and nothing else. A confirmed finding is not a
waiver: it stays an error until the translation is fixed."""

from __future__ import annotations

import json
from pathlib import Path

from mtcheck.config import Settings
from mtcheck.io import write_atomic
from mtcheck.store.decisions import FALSE_POSITIVE, Decision, DecisionStore
from mtcheck.waivers import Waiver

HEADER = "# Written by `mtcheck review --export-waivers` from the review decisions in "
REVIEW_REASON = "false positive (mtcheck review)"


def _reason(d: Decision) -> str:
    return f"{REVIEW_REASON}: {d.note}" if d.note else REVIEW_REASON


def decision_waivers(db: Path) -> list[Waiver]:
    """One waiver per false-positive decision in the review database."""
    store = DecisionStore(db)
    try:
        decisions = [d for d in store.all() if d.decision == FALSE_POSITIVE]
    finally:
        store.close()
    return [Waiver(code=d.code, reason=_reason(d), author=d.author or "mtcheck review", date=d.decided_at[:10],
                   article=d.article, fingerprint=d.fingerprint, file=str(db), line=0) for d in decisions]


def with_review_waivers(settings: Settings) -> Settings:
    """Settings plus the false positives of the review database named by `review-db` (config or --review-db).
    Only a database named so counts, never one that happens to lie in the working directory, so a check's
    result depends on its settings alone. A named file that does not exist yet holds no decisions."""
    from dataclasses import replace

    db = settings.review_db
    if db is None or not db.is_file():
        return settings
    return replace(settings, waivers=(*settings.waivers, *decision_waivers(db)))


def _toml_string(value: str) -> str:
    # A JSON string is a valid TOML basic string: the same escapes (\" \\ \n \uXXXX), UTF-8 kept as is.
    return json.dumps(value, ensure_ascii=False)


def _comment(text: str, limit: int) -> str:
    """Text safe in a TOML comment: one line, no control characters."""
    flat = " ".join(text.split())
    return "".join(ch for ch in flat if ch >= " " and ch != "\x7f")[:limit]


def waivers_toml(db: Path) -> tuple[str, int]:
    store = DecisionStore(db)
    try:
        decisions = [d for d in store.all() if d.decision == FALSE_POSITIVE]
    finally:
        store.close()
    lines = [HEADER + f"{db}.", "# Each entry waives one finding (by fingerprint) that an editor marked as a false "
             "positive.", ""]
    for d in decisions:
        lines += ["[[waiver]]",
                  f"article = {_toml_string(d.article)}",
                  f"code = {_toml_string(d.code)}",
                  f"fingerprint = {_toml_string(d.fingerprint)}"]
        if d.target_text or d.source_text:
            lines.append(f"# covered text: {_comment(d.target_text or d.source_text, 100)}")
        if d.message:
            lines.append(f"# finding: {_comment(d.message, 200)}")
        lines += [f"reason = {_toml_string(_reason(d))}",
                  f"author = {_toml_string(d.author or 'mtcheck review')}",
                  f"date = {d.decided_at[:10]}", ""]
    return "\n".join(lines), len(decisions)


def export_waivers(db: Path, out: Path) -> int:
    """Write the false positives as a waivers file; never over a file that this command did not write."""
    from mtcheck.errors import InputError

    if out.exists():
        try:
            first = out.read_text(encoding="utf-8").split("\n", 1)[0]
        except (OSError, UnicodeDecodeError):
            first = ""
        if not first.startswith(HEADER):
            raise InputError(f"{out}: exists and was not written by --export-waivers; refusing to overwrite it "
                             "(choose another file, or merge by hand)")
    text, n = waivers_toml(db)
    write_atomic(out, text)
    return n
