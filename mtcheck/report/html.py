"""Self-contained HTML report for editors: source and translation side by side by aligned paragraph, every
finding highlighted at its span. Every piece of article text goes through html.escape; the page has no
scripts, and its Content-Security-Policy forbids them, so nothing in an article can run."""

from __future__ import annotations

from html import escape
from itertools import pairwise

from mtcheck.model import Finding, Report, Span
from mtcheck.report.common import headline, waived_note
from mtcheck.text.segment import split_paragraphs

_CSS = """
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#222;background:#fafafa}
header{padding:16px 24px;background:#fff;border-bottom:1px solid #ddd}
h1{font-size:20px;margin:0 0 4px} .pass{color:#1a7f37} .fail{color:#cf222e}
table{border-collapse:collapse;width:100%;table-layout:fixed;background:#fff}
td,th{vertical-align:top;padding:8px 12px;border-bottom:1px solid #eee;text-align:left}
th{background:#f3f3f3;position:sticky;top:0} td.n{width:3em;color:#888}
mark{border-radius:2px;padding:0 1px} mark.minor{background:#fff3b0} mark.major{background:#ffc9a8}
mark.critical{background:#ff9a9a} .boiler{color:#888;font-style:italic}
ul.f{margin:4px 0 0 0;padding-left:18px;font-size:13px} .sev{font-weight:600}
.sev.critical{color:#a40e26} .sev.major{color:#bc4c00} .sev.minor{color:#7d6608}
.sig{color:#777;font-size:12px;padding:8px 24px} sup{color:#555;font-size:10px}
"""


def _highlight(text: str, start: int, end: int, marks: list[tuple[int, int, int, Finding]]) -> str:
    """HTML for text[start:end] with each (span start, span end, number, finding) wrapped in <mark>.
    Overlapping spans are cut at every boundary so each piece carries all findings covering it."""
    cuts = {start, end}
    for s, e, _, _ in marks:
        cuts.update(x for x in (s, e) if start <= x <= end)
    ordered = sorted(cuts)
    out: list[str] = []
    for a, b in pairwise(ordered):
        piece = escape(text[a:b]).replace("\n", "<br>")
        covering = [(n, f) for s, e, n, f in marks if s <= a and b <= e and s < e]
        if covering:
            worst = max((f for _, f in covering), key=lambda f: f.severity.rank)
            title = escape(" | ".join(f"{f.code} {f.severity.value}: {f.message}" for _, f in covering))
            piece = f'<mark class="{worst.severity.value}" title="{title}">{piece}</mark>'
        out.append(piece)
        ends_here = [n for s, e, n, _ in marks if e == b and s < e]
        if ends_here:
            out.append("<sup>" + ",".join(str(n) for n in sorted(ends_here)) + "</sup>")
    return "".join(out)


def _touches(span: Span, start: int, end: int) -> bool:
    if span.start == span.end:
        return start <= span.start <= end
    return span.start < end and start < span.end


def _finding_items(items: list[tuple[int, Finding]]) -> str:
    rows = []
    for n, f in items:
        sugg = f" — suggestion: <i>{escape(f.suggestion)}</i>" if f.suggestion else ""
        evid = f' <span title="{escape("; ".join(f.evidence))}">ⓘ</span>' if f.evidence else ""
        if f.waived:
            evid += f' <i class="waived">({escape(waived_note(f))})</i>'
        fp = f' data-fingerprint="{escape(f.fingerprint)}"' if f.fingerprint else ""
        rows.append(f'<li{fp}>[{n}] <span class="sev {f.severity.value}">{f.code} {f.severity.value}</span> '
                    f"{escape(f.rule)}: {escape(f.message)}{sugg}{evid}</li>")
    return f'<ul class="f">{"".join(rows)}</ul>' if rows else ""


def render(report: Report, title: str | None = None, **_: object) -> str:
    numbered = list(enumerate(report.findings, 1))
    verdict = '<span class="pass">passed</span>' if report.passed else '<span class="fail">failed</span>'
    reasons = f" ({escape('; '.join(report.gate['reasons']))})" if report.gate["reasons"] else ""
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        f"<title>mtcheck report{': ' + escape(title) if title else ''}</title><style>{_CSS}</style></head><body>",
        f"<header><h1>mtcheck {report.score:.1f}/100 — {verdict}{reasons}</h1>",
        f"<div>{escape(headline(report))}</div>",
        *(f'<div class="note">note: {escape(note)}</div>' for note in report.notes),
    ]
    counts = report.counts_by_category()
    if counts:
        parts.append("<div>" + escape(", ".join(f"{k}: {v}" for k, v in counts.items())) + "</div>")
    whole = [(n, f) for n, f in numbered if not f.source_span and not f.target_span]
    parts.append(_finding_items(whole) + "</header>")
    parts.append(f'<table><thead><tr><th class="n">¶</th><th>Indonesian (source)</th>'
                 f"<th>Translation ({escape(report.target_lang)})</th></tr></thead><tbody>")
    covered_target: set[int] = set()
    for k, bead in enumerate(report.alignment, 1):
        cells, in_row = [], []
        for side, text, attr in (("source", report.source, "source_span"),
                                 ("target", report.target, "target_span")):
            html_parts = []
            for s, e in bead[side]:
                marks = [(max(sp.start, s), min(sp.end, e), n, f) for n, f in numbered
                         if (sp := getattr(f, attr)) is not None and _touches(sp, s, e)]
                in_row += [(n, f) for _, _, n, f in marks]
                html_parts.append(_highlight(text, s, e, marks))
                if side == "target":
                    covered_target.add(s)
            cells.append("<br><br>".join(html_parts) or '<span class="boiler">(nothing)</span>')
        seen: set[int] = set()
        unique = [(n, f) for n, f in sorted(in_row, key=lambda x: x[0]) if not (n in seen or seen.add(n))]
        parts.append(f'<tr><td class="n">{k}<br><small>{bead["kind"]}</small></td><td>{cells[0]}</td>'
                     f"<td>{cells[1]}{_finding_items(unique)}</td></tr>")
    for p in split_paragraphs(report.target):
        if p.start not in covered_target:
            parts.append(f'<tr><td class="n">–</td><td class="boiler">boilerplate, not checked</td>'
                         f'<td class="boiler">{escape(p.text)}</td></tr>')
    parts.append("</tbody></table>")
    parts.append(f'<div class="sig">{escape(report.signature)}</div></body></html>')
    return "\n".join(parts) + "\n"
