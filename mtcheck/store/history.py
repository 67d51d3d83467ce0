"""History of runs (`--history DB`): what each `check` and `batch` found, so that runs can be listed,
compared (new and fixed findings, score changes) and followed over time per language and rule.

Findings are matched across runs by fingerprint, which stays the same when an article is edited elsewhere."""

from __future__ import annotations

import hashlib
import json
import secrets
import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from mtcheck import __version__
from mtcheck.errors import InputError
from mtcheck.store.db import connect


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 16), b""):
            h.update(block)
    return h.hexdigest()


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def input_hashes(path: Path) -> list[tuple[str, str]]:
    """(path, sha256) for a file, or for every article file under a directory."""
    if path.is_dir():
        return [(str(p), sha256_file(p)) for p in sorted(path.rglob("*.txt")) if p.is_file()]
    return [(str(path), sha256_file(path))] if path.is_file() else []


def new_run_id(when: datetime) -> str:
    # Sorts by time, readable in a terminal, and unique even for two runs in the same second.
    return when.strftime("%Y%m%d-%H%M%S-") + secrets.token_hex(2)


@dataclass
class ArticleDiff:
    """One article's scores and findings in two runs of the history: what is new and what was fixed."""
    article: str
    score_a: float | None
    score_b: float | None
    passed_a: bool | None
    passed_b: bool | None
    new: list[dict] = field(default_factory=list)
    fixed: list[dict] = field(default_factory=list)
    waived: list[dict] = field(default_factory=list)  # still found, but accepted by a waiver since run A

    @property
    def changed(self) -> bool:
        return (bool(self.new or self.fixed or self.waived) or self.score_a != self.score_b
                or self.passed_a != self.passed_b)


class History:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.conn: sqlite3.Connection = connect(path)

    def close(self) -> None:
        self.conn.close()

    # -- writing ---------------------------------------------------------------------------------------
    def record(self, command: str, records: Iterable[dict], inputs: list[tuple[str, str]], signature: str,
               settings: str = "") -> str:
        """Store one run: `records` are JSON reports with an "id" (batch lines), or {"id", "error"}."""
        when = datetime.now(UTC).replace(microsecond=0)
        run_id = new_run_id(when)
        while self.conn.execute("SELECT 1 FROM runs WHERE run_id = ?", (run_id,)).fetchone():
            run_id = new_run_id(when)  # two runs in one second drew the same suffix
        with self.conn:
            self.conn.execute("BEGIN")
            self.conn.execute("INSERT INTO runs (run_id, started_at, command, version, signature, settings) "
                              "VALUES (?, ?, ?, ?, ?, ?)",
                              (run_id, when.isoformat().replace("+00:00", "Z"), command, __version__, signature,
                               settings))
            self.conn.executemany("INSERT INTO run_inputs (run_id, path, sha256) VALUES (?, ?, ?)",
                                  [(run_id, p, h) for p, h in inputs])
            for r in records:
                if "error" in r:
                    self.conn.execute("INSERT OR REPLACE INTO run_articles (run_id, article, error) VALUES (?, ?, ?)",
                                      (run_id, r["id"], r["error"]))
                    continue
                self.conn.execute(
                    "INSERT OR REPLACE INTO run_articles (run_id, article, target_lang, score, passed, reasons, "
                    "signature) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (run_id, r["id"], r.get("target_lang"), r["score"], int(bool(r["passed"])),
                     "; ".join(r.get("gate", {}).get("reasons", [])), r.get("signature", "")))
                self.conn.executemany(
                    "INSERT INTO run_findings (run_id, article, code, severity, category, message, source_start, "
                    "source_end, target_start, target_end, fingerprint, waived) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [(run_id, r["id"], f["code"], f["severity"], f["category"], f["message"],
                      *(f.get("source_span") or (None, None)), *(f.get("target_span") or (None, None)),
                      f.get("fingerprint") or "", int(bool(f.get("waived"))))
                     for f in r.get("findings", [])])
        return run_id

    # -- reading ---------------------------------------------------------------------------------------
    def runs(self) -> list[dict]:
        rows = self.conn.execute("""
            SELECT r.run_id, r.started_at, r.command, r.version, r.signature,
                   COUNT(a.article) AS articles,
                   SUM(a.passed = 1) AS passed, SUM(a.passed = 0) AS failed, SUM(a.error IS NOT NULL) AS errors,
                   AVG(a.score) AS mean_score,
                   (SELECT COUNT(*) FROM run_findings f WHERE f.run_id = r.run_id AND f.waived = 0) AS findings
            FROM runs r LEFT JOIN run_articles a ON a.run_id = r.run_id
            GROUP BY r.run_id ORDER BY r.started_at, r.rowid""")
        return [dict(r) for r in rows]

    def resolve(self, ref: str) -> str:
        """A run id, a unique prefix of one, `last`, or `last~N` (N runs before the last)."""
        ids = [r[0] for r in self.conn.execute("SELECT run_id FROM runs ORDER BY started_at, rowid")]
        if not ids:
            raise InputError(f"{self.path}: no runs recorded yet (run check or batch with --history)")
        if ref == "last" or ref.startswith("last~"):
            back = ref.removeprefix("last").removeprefix("~") or "0"
            if not back.isdigit() or int(back) >= len(ids):
                raise InputError(f"run '{ref}': there are only {len(ids)} run(s) in {self.path}")
            return ids[-1 - int(back)]
        matches = [i for i in ids if i.startswith(ref)]
        if len(matches) == 1:
            return matches[0]
        if not matches:
            raise InputError(f"run '{ref}': no such run in {self.path} (see `mtcheck history`)")
        raise InputError(f"run '{ref}': ambiguous, matches {', '.join(matches[:5])}")

    def run_info(self, run_id: str) -> dict:
        row = self.conn.execute("SELECT * FROM runs WHERE run_id = ?", (run_id,)).fetchone()
        if row is None:
            raise InputError(f"run '{run_id}': no such run in {self.path}")
        info = dict(row)
        info["inputs"] = [dict(r) for r in self.conn.execute(
            "SELECT path, sha256 FROM run_inputs WHERE run_id = ? ORDER BY rowid", (run_id,))]
        return info

    def articles(self, run_id: str) -> dict[str, dict]:
        rows = self.conn.execute("SELECT * FROM run_articles WHERE run_id = ? ORDER BY rowid", (run_id,))
        return {r["article"]: dict(r) for r in rows}

    def findings(self, run_id: str) -> dict[str, list[dict]]:
        out: dict[str, list[dict]] = defaultdict(list)
        for r in self.conn.execute("SELECT * FROM run_findings WHERE run_id = ? ORDER BY rowid", (run_id,)):
            out[r["article"]].append(dict(r))
        return out

    def diff(self, run_a: str, run_b: str) -> list[ArticleDiff]:
        """Per article: findings new in B, findings of A gone from B (fixed), findings of A that B still
        finds but waives, and the score change."""
        arts_a, arts_b = self.articles(run_a), self.articles(run_b)
        finds_a, finds_b = self.findings(run_a), self.findings(run_b)
        out = []
        for article in [*arts_a, *(a for a in arts_b if a not in arts_a)]:
            a, b = arts_a.get(article, {}), arts_b.get(article, {})
            fa = {f["fingerprint"]: f for f in finds_a.get(article, []) if not f["waived"]}
            all_b = {f["fingerprint"]: f for f in finds_b.get(article, [])}
            fb = {k: f for k, f in all_b.items() if not f["waived"]}
            d = ArticleDiff(article, a.get("score"), b.get("score"),
                            None if a.get("passed") is None else bool(a["passed"]),
                            None if b.get("passed") is None else bool(b["passed"]),
                            new=[f for k, f in fb.items() if k not in fa],
                            fixed=[f for k, f in fa.items() if k not in all_b],
                            waived=[f for k, f in fa.items() if k in all_b and k not in fb])
            out.append(d)
        return out

    def trend(self) -> dict:
        """Per run in time order: mean score and articles per language, findings per language and per rule
        (unwaived). {"runs": [run rows], "languages": {lang: [(mean, n) or None per run]},
        "rules": {code: [count per run]}}."""
        runs = self.runs()
        index = {r["run_id"]: i for i, r in enumerate(runs)}
        languages: dict[str, list] = defaultdict(lambda: [None] * len(runs))
        for row in self.conn.execute("SELECT run_id, target_lang, AVG(score) AS mean, COUNT(*) AS n "
                                     "FROM run_articles WHERE error IS NULL GROUP BY run_id, target_lang"):
            languages[row["target_lang"] or "?"][index[row["run_id"]]] = (row["mean"], row["n"])
        rules: dict[str, list] = defaultdict(lambda: [0] * len(runs))
        for row in self.conn.execute("SELECT run_id, code, COUNT(*) AS n FROM run_findings WHERE waived = 0 "
                                     "GROUP BY run_id, code"):
            rules[row["code"]][index[row["run_id"]]] = row["n"]
        return {"runs": runs, "languages": dict(sorted(languages.items())), "rules": dict(sorted(rules.items()))}


def settings_json(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True)
