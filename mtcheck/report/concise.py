"""Concise output, one finding a line, as compilers and ruff print them:

    path:line:col: MT301 [major] message [36cf622b7eb3f511]

The fingerprint at the end is what a waiver's `fingerprint` takes. Waived findings end in `[waived]`, so the
log still shows what was accepted."""

from __future__ import annotations

from collections.abc import Sequence

from mtcheck.report.ci import article_name, is_error, message, place


def render_records(records: Sequence[dict], **_: object) -> str:
    lines = []
    for r in records:
        if is_error(r):
            p = place(r)
            lines.append(f"{p.path}:{p.line}:{p.column}: error: {r['error']}")
            continue
        for f in r["findings"]:
            p = place(r, f)
            waived = " [waived]" if f.get("waived") else ""
            fp = f" [{f['fingerprint']}]" if f.get("fingerprint") else ""
            lines.append(f"{p.path}:{p.line}:{p.column}: {f['code']} [{f['severity']}] {message(f)}{fp}{waived}")
        if not r["passed"]:
            p = place(r)
            name = "" if article_name(r) == p.path else f" ({article_name(r)})"
            lines.append(f"{p.path}:{p.line}:{p.column}: gate failed{name}: " + "; ".join(r["gate"]["reasons"]))
    return "".join(line.replace("\n", " ") + "\n" for line in lines)
