"""Markdown report for merge-request comments."""

from __future__ import annotations

from mtcheck.model import Report
from mtcheck.report.common import excerpt, headline, waived_note


def md_escape(text: str) -> str:
    """Escape text for a Markdown table cell: no table breaks, no HTML, no code spans from article text."""
    out = text.replace("\\", "\\\\").replace("|", "\\|").replace("`", "\\`").replace("\n", " ")
    return out.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def render(report: Report, title: str | None = None, **_: object) -> str:
    icon = "✅" if report.passed else "❌"
    lines = [f"### {icon} mtcheck{': ' + md_escape(title) if title else ''}", "", headline(report), ""]
    if report.gate["reasons"]:
        lines += ["**Gate failed:** " + md_escape("; ".join(report.gate["reasons"])), ""]
    lines += [f"*Note:* {md_escape(note)}\n" for note in report.notes]
    if report.findings:
        lines += ["| code | severity | rule | message | translation | source | fingerprint |",
                  "|---|---|---|---|---|---|---|"]
        for f in report.findings:
            cells = []
            for text, span in ((report.target, f.target_span), (report.source, f.source_span)):
                if span:
                    before, covered, after = excerpt(text, span, 25)
                    cells.append(f"{md_escape(before)}**{md_escape(covered)}**{md_escape(after)}")
                else:
                    cells.append("—")
            msg = md_escape(f.message) + (f" — *{md_escape(f.suggestion)}*" if f.suggestion else "")
            if f.waived:
                msg = f"~~{msg}~~ ({md_escape(waived_note(f))})"
            lines.append(f"| {f.code} | {f.severity.value} | {f.rule} | {msg} | {cells[0]} | {cells[1]} | "
                         f"`{f.fingerprint or ''}` |")
        lines.append("")
    lines.append(f"<sub>{md_escape(report.signature)}</sub>")
    return "\n".join(lines) + "\n"
