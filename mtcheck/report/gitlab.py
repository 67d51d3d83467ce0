"""GitLab Code Quality report (a JSON array; GitLab shows it in merge requests): one issue per counted
finding with `description`, `check_name`, `fingerprint`, `severity`, `location.path` and
`location.lines.begin`. Severities map one to one (minor, major, critical); a row that could not be checked
is a `blocker`. Waived findings are left out: Code Quality has no notion of an accepted issue."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence

from mtcheck.report.ci import counted, is_error, message, place, report_fingerprint


def issues(records: Sequence[dict]) -> list[dict]:
    out = []
    for r in records:
        if is_error(r):
            p = place(r)
            out.append({"description": r["error"], "check_name": "mtcheck-input-error",
                        "fingerprint": hashlib.sha256(f"{r['id']}\x1f{r['error']}".encode()).hexdigest()[:32],
                        "severity": "blocker", "location": {"path": p.path, "lines": {"begin": p.line}}})
            continue
        for f in counted(r):
            p = place(r, f)
            issue = {"description": f"{f['code']} {message(f)}", "check_name": f"{f['code']} {f['rule']}",
                     "fingerprint": report_fingerprint(r, f), "severity": f["severity"],
                     "location": {"path": p.path, "lines": {"begin": p.line}}}
            if p.end_line:
                issue["location"]["lines"]["end"] = p.end_line
            out.append(issue)
    return out


def render_records(records: Sequence[dict], **_: object) -> str:
    return json.dumps(issues(records), ensure_ascii=False, indent=2) + "\n"
