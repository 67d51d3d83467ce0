"""SARIF 2.1.0 (the OASIS standard GitHub code scanning and other CI systems read): one run, every rule in
`tool.driver.rules` with its short and full description from its docstring, one result per finding.

- `level`: critical -> error, major -> warning, minor -> note (SARIF's own scale; the gate is separate and
  its outcome is in the run's `properties`);
- `region`: 1-based start and end line and column, `columnKind` "unicodeCodePoints" (end exclusive, as
  SARIF defines it); a JSONL batch points at the article's line of the input;
- `partialFingerprints["mtcheck/v1"]`: the finding's fingerprint (stable under edits elsewhere);
- a waived finding carries `suppressions: [{"kind": "external", "status": "accepted", "justification"}]`;
- rows that could not be checked are `toolExecutionNotifications` of the invocation, which then is not
  `executionSuccessful`.
"""

from __future__ import annotations

import inspect
import json
import re
from collections.abc import Sequence
from pathlib import PurePath
from urllib.parse import quote

from mtcheck import __version__
from mtcheck.registry import ALL_RULES
from mtcheck.report.ci import Place, article_name, is_error, message, place
from mtcheck.rules.base import Rule

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"critical": "error", "major": "warning", "minor": "note"}


def uri(path: str) -> str:
    p = PurePath(path)
    if p.is_absolute():
        return "file://" + quote(p.as_posix())
    return quote(p.as_posix())


def _section(doc: str, title: str) -> str:
    m = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", doc, re.S | re.M)
    return " ".join(m.group(1).split()) if m else ""


def rule_descriptor(rule: type[Rule]) -> dict:
    doc = inspect.cleandoc(rule.__doc__ or "")
    full = " ".join(x for x in (_section(doc, "What it does"), _section(doc, "Why is this bad?")) if x)
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary()},
        "fullDescription": {"text": full or rule.summary()},
        "help": {"text": doc, "markdown": doc},
        "defaultConfiguration": {"level": LEVELS[rule.default_severity.value], "enabled": rule.default_enabled},
        "properties": {"category": rule.category.value, "severity": rule.default_severity.value},
    }


def _location(p: Place) -> dict:
    region: dict = {"startLine": p.line, "startColumn": p.column}
    if p.end_line is not None and p.end_column is not None:
        region.update(endLine=p.end_line, endColumn=p.end_column)
    return {"physicalLocation": {"artifactLocation": {"uri": uri(p.path)}, "region": region}}


def sarif(records: Sequence[dict]) -> dict:
    index = {r.code: i for i, r in enumerate(ALL_RULES)}
    results, notifications = [], []
    for r in records:
        if is_error(r):
            notifications.append({"level": "error", "message": {"text": r["error"]},
                                  "locations": [_location(place(r))]})
            continue
        for f in r["findings"]:
            result = {
                "ruleId": f["code"],
                "ruleIndex": index[f["code"]],
                "level": LEVELS[f["severity"]],
                "message": {"text": message(f)},
                "locations": [_location(place(r, f))],
                "partialFingerprints": {"mtcheck/v1": f["fingerprint"]},
                "properties": {"severity": f["severity"], "article": article_name(r), "score": r["score"],
                               "passed": r["passed"]},
            }
            if f.get("waived"):
                w = f["waived"]
                result["suppressions"] = [{
                    "kind": "external", "status": "accepted",
                    "justification": f"{w['reason']} ({w['author']}, {w['date']})",
                    "location": _location(Place(w["file"], max(w["line"], 1), 1)),
                }]
            results.append(result)
    articles = [r for r in records if not is_error(r)]
    run = {
        "tool": {"driver": {"name": "mtcheck", "version": __version__, "semanticVersion": __version__,
                            "rules": [rule_descriptor(r) for r in ALL_RULES]}},
        "columnKind": "unicodeCodePoints",
        "invocations": [{"executionSuccessful": not notifications, "toolExecutionNotifications": notifications}],
        "results": results,
        "properties": {"articles": len(records), "failed": [article_name(r) for r in articles if not r["passed"]],
                       "errors": len(notifications)},
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render_records(records: Sequence[dict], **_: object) -> str:
    return json.dumps(sarif(records), ensure_ascii=False, indent=2) + "\n"
