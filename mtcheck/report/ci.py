"""What the CI formats (concise, SARIF, JUnit, GitHub, GitLab) share: one record per article, and for each
finding the file, line and column a CI system should point at.

A record is an article's JSON report (`json_report.to_dict`) plus its `id`, or a batch error row
`{"id", "error", "article"?}`: `check` renders one record, `batch` all of them, with the same code.

Where a finding points (its primary location):
- its target span in the target file, else its source span in the source file (line and column from the
  JSON `*_location`: 1-based, columns in code points, end exclusive);
- a finding about another file (MT901: the waiver's line) points there;
- in a JSONL batch, the input file at the article's line (column 1): the texts are fields of that line;
- a whole-article finding points at line 1 of the target file.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from mtcheck.model import Severity


@dataclass(frozen=True)
class Place:
    """Where a CI annotation points: a file and a 1-based line and column range."""
    path: str
    line: int
    column: int
    end_line: int | None = None
    end_column: int | None = None


def article_name(record: dict) -> str:
    return str(record.get("id") or record.get("article", {}).get("id") or "article")


def place(record: dict, finding: dict | None = None) -> Place:
    art = record.get("article", {})
    name = article_name(record)
    if finding is not None:
        if finding.get("file_location"):
            loc = finding["file_location"]
            return Place(loc["path"], max(loc["line"], 1), 1)
        if "input_path" not in art:
            for side in ("target", "source"):
                loc = finding.get(f"{side}_location")
                if loc and art.get(f"{side}_path"):
                    return Place(art[f"{side}_path"], loc["line"], loc["column"], loc["end_line"],
                                 loc["end_column"])
            if not art.get("target_path") and not art.get("source_path"):
                # Texts with no file (the demo, the library API): the article id stands for the file.
                loc = finding.get("target_location") or finding.get("source_location")
                if loc:
                    return Place(name, loc["line"], loc["column"], loc["end_line"], loc["end_column"])
    if "input_path" in art:
        return Place(art["input_path"], art.get("input_line", 1), 1)
    return Place(art.get("target_path") or art.get("source_path") or name, 1, 1)


def is_error(record: dict) -> bool:
    return "error" in record


def counted(record: dict) -> list[dict]:
    return [f for f in record.get("findings", []) if not f.get("waived")]


def gating(record: dict) -> list[dict]:
    """The counted findings at or above the record's fail-on severity: those that fail the gate alone."""
    fail_on = record.get("gate", {}).get("fail_on")
    if fail_on is None:
        return []
    rank = Severity(fail_on).rank
    return [f for f in counted(record) if Severity(f["severity"]).rank >= rank]


def score_reasons(record: dict) -> list[str]:
    """Gate reasons other than the findings at fail-on (today: the score below fail-under)."""
    return [r for r in record.get("gate", {}).get("reasons", []) if r.startswith("score")]


def message(finding: dict) -> str:
    text = finding["message"]
    if finding.get("suggestion"):
        text += f" (suggestion: {finding['suggestion']})"
    return text


def report_fingerprint(record: dict, finding: dict) -> str:
    """A fingerprint unique in a report of many articles (GitLab wants that): the article's id hashed with
    the finding's own fingerprint, which is unique only within its article."""
    key = f"{article_name(record)}\x1f{finding.get('fingerprint', '')}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def all_findings(records: Iterable[dict]) -> Iterable[tuple[dict, dict]]:
    for r in records:
        for f in r.get("findings", []):
            yield r, f
