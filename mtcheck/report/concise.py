"""Concise output, one finding a line, as compilers and ruff print them: `path:line:col: MT301 [major] message`.
Waived findings are listed with `[waived]` at the end, so the log still shows what was accepted."""

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
            lines.append(f"{p.path}:{p.line}:{p.column}: {f['code']} [{f['severity']}] {message(f)}{waived}")
        if not r["passed"]:
            p = place(r)
            name = "" if article_name(r) == p.path else f" ({article_name(r)})"
            lines.append(f"{p.path}:{p.line}:{p.column}: gate failed{name}: " + "; ".join(r["gate"]["reasons"]))
    return "".join(line.replace("\n", " ") + "\n" for line in lines)
