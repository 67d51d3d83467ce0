"""GitHub Actions workflow commands: one `::error`/`::warning`/`::notice` annotation per counted finding.

    ::error file=articles/rutte/en.txt,line=25,col=4,endLine=25,endColumn=7,title=MT301 pronoun-gender-mismatch::…

Findings that fail the gate are errors, other major/critical ones warnings, minor ones notices; waived
findings are not annotated. Values are escaped as the runner's toolkit does (% CR LF, and : , in properties).
"""

from __future__ import annotations

from collections.abc import Sequence

from mtcheck.report.ci import gating, is_error, message, place


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(kind: str, message_text: str, **props: object) -> str:
    body = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items() if v is not None)
    return f"::{kind} {body}::{escape_data(message_text)}" if body else f"::{kind}::{escape_data(message_text)}"


def render_records(records: Sequence[dict], **_: object) -> str:
    lines = []
    for r in records:
        if is_error(r):
            p = place(r)
            lines.append(command("error", r["error"], file=p.path, line=p.line, title="mtcheck: not checked"))
            continue
        failing = {id(f) for f in gating(r)}
        for f in r["findings"]:
            if f.get("waived"):
                continue
            kind = "error" if id(f) in failing else "warning" if f["severity"] != "minor" else "notice"
            p = place(r, f)
            fp = f" [fingerprint {f['fingerprint']}]" if f.get("fingerprint") else ""
            lines.append(command(kind, message(f) + fp, file=p.path, line=p.line, col=p.column, endLine=p.end_line,
                                 endColumn=p.end_column, title=f"{f['code']} {f['rule']}"))
        if not r["passed"] and not failing:
            p = place(r)
            lines.append(command("error", f"score {r['score']:.1f}: " + "; ".join(r["gate"]["reasons"]),
                                 file=p.path, line=p.line, title="mtcheck gate"))
    return "".join(line + "\n" for line in lines)
