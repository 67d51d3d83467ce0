"""Self-contained HTML report for editors: source and translation side by side by aligned paragraph, every
finding highlighted at its span on both sides, a numbered findings list with its evidence in the page.

Every piece of article text goes through html.escape; the page has no scripts, and its
Content-Security-Policy forbids them, so nothing in an article can run. Each text column carries its own
`lang` and `dir` (Arabic right to left), so browsers pick the right fonts, line breaking and punctuation
placement; the columns stack on a narrow screen and the page prints without its sticky header.

The pieces (`side_by_side`, `finding_item`, `CSS`) are shared with the review app (mtcheck.review)."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from itertools import pairwise

from mtcheck.model import Finding, Report, Span
from mtcheck.report.common import headline, waived_note
from mtcheck.text.segment import split_paragraphs

RTL_LANGS = frozenset({"ar", "fa", "he", "ur"})

LANGUAGE_NAMES = {"id": "Indonesian", "en": "English", "fr": "French", "zh": "Chinese", "ja": "Japanese",
                  "ar": "Arabic"}

# Font fallbacks per script: the first that a reader's system has wins; nothing is downloaded.
CSS = """
:root{--sev-minor:#fff3b0;--sev-major:#ffc9a8;--sev-critical:#ff9a9a}
*{box-sizing:border-box}
body{font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;margin:0;color:#222;
background:#fafafa;overflow-wrap:anywhere}
:lang(zh){font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Hiragino Sans GB",
"Microsoft YaHei","WenQuanYi Zen Hei","WenQuanYi Micro Hei",sans-serif;line-height:1.8}
:lang(ja){font-family:"Noto Sans CJK JP","Source Han Sans JP","Hiragino Sans","Yu Gothic",Meiryo,
"WenQuanYi Zen Hei",sans-serif;line-height:1.8}
:lang(ar){font-family:"Noto Naskh Arabic","Noto Sans Arabic","Geeza Pro","Arabic Typesetting",Tahoma,
"Segoe UI",sans-serif;font-size:1.1em;line-height:1.9}
header{padding:12px 16px;background:#fff;border-bottom:1px solid #ddd}
h1{font-size:20px;margin:0 0 4px} .pass{color:#1a7f37} .fail{color:#cf222e}
a{color:#0b5cad}
.pairs{background:#fff}
.row{display:grid;grid-template-columns:2.6em minmax(0,1fr) minmax(0,1fr);border-bottom:1px solid #eee}
.row>div{padding:8px 12px;min-width:0}
.row.head{position:sticky;top:0;background:#f3f3f3;font-weight:600;z-index:1}
.n{color:#888;font-size:12px;padding:8px 4px!important;text-align:center}
.n small{display:block;font-size:10px}
mark{border-radius:2px;padding:0 1px;color:inherit} mark.minor{background:var(--sev-minor)}
mark.major{background:var(--sev-major)} mark.critical{background:var(--sev-critical)}
mark.current{outline:2px solid #0b5cad}
mark.waived,mark.false_positive{background:#e8e8e8;text-decoration:line-through}
.boiler{color:#888;font-style:italic}
ol.f,ul.f{margin:6px 0 0 0;padding-inline-start:22px;font-size:13px} ol.f li{margin:2px 0}
.sev{font-weight:600} .sev.critical{color:#a40e26} .sev.major{color:#bc4c00} .sev.minor{color:#7d6608}
.ev{color:#555;font-size:12px;margin:2px 0 0} .ev li{margin:0}
.sig{color:#777;font-size:12px;padding:8px 16px} sup a{color:#555;font-size:10px;text-decoration:none}
table.idx{border-collapse:collapse;width:100%;background:#fff}
table.idx td,table.idx th{padding:6px 10px;border-bottom:1px solid #eee;text-align:start;vertical-align:top}
table.idx th{background:#f3f3f3} table.idx th,table.idx td{overflow-wrap:normal}
@media (max-width:700px){
 .row{grid-template-columns:minmax(0,1fr)}
 .row.head{display:none}
 .n{text-align:start;padding:4px 12px 0!important}
 .n small{display:inline;margin-inline-start:6px}
 .row>div.tgt{border-top:1px dashed #ddd}
 header{padding:10px 12px}
 table.idx,table.idx tbody{display:block} table.idx thead{display:none}
 table.idx tr{display:block;padding:6px 12px;border-bottom:1px solid #ddd}
 table.idx td{display:inline-block;border:0;padding:1px 10px 1px 0}
 table.idx td:first-child{display:block;font-weight:600;overflow-wrap:anywhere}
 table.idx td[data-label]::before{content:attr(data-label) ": ";color:#666;font-size:12px}
}
@media print{
 body{background:#fff;font-size:11pt}
 .row.head{position:static}
 .row{break-inside:avoid}
 mark{outline:1px solid #999} mark.critical{outline-width:2px}
 nav,form,.noprint,button{display:none!important}
 a{color:inherit;text-decoration:none}
}
"""

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"


def text_dir(lang: str) -> str:
    return "rtl" if lang.split("-")[0] in RTL_LANGS else "ltr"


def lang_attrs(lang: str) -> str:
    """`lang` and `dir` attributes for an element holding text in `lang`."""
    return f'lang="{escape(lang)}" dir="{text_dir(lang)}"'


def language_name(lang: str) -> str:
    return LANGUAGE_NAMES.get(lang, lang)


def _highlight(text: str, start: int, end: int, marks: list[tuple[int, int, int, Finding]],
               mark_class: Callable[[int, Finding], str] | None = None, side: str = "t",
               anchored: set[tuple[str, int]] | None = None) -> str:
    """HTML for text[start:end] with each (span start, span end, number, finding) wrapped in <mark>.
    Overlapping spans are cut at every boundary so each piece carries all findings covering it. Where
    finding n first appears on a side, an empty anchor {side}{n} is the target of the jump links."""
    anchored = set() if anchored is None else anchored
    cuts = {start, end}
    for s, e, _, _ in marks:
        cuts.update(x for x in (s, e) if start <= x <= end)
    ordered = sorted(cuts)
    # Marks by where they start and end, and a sweep of the marks covering each piece (s <= a < e: every
    # start and end inside the text is a cut): scanning every mark for every piece was quadratic in a long
    # article with thousands of findings (3,000 unclosed brackets: 45 s).
    starting: dict[int, list[int]] = {}
    points: dict[int, list[int]] = {}
    ending: dict[int, list[int]] = {}
    for k, (s, e, _, _) in enumerate(marks):
        starting.setdefault(s, []).append(k)
        if s == e:
            points.setdefault(s, []).append(k)
        else:
            ending.setdefault(e, []).append(k)
    by_start = sorted((s, k) for k, (s, e, _, _) in enumerate(marks) if s < e)
    next_start = 0
    active: set[int] = set()
    out: list[str] = []
    for a, b in pairwise(ordered):
        for k in sorted(starting.get(a, []) + points.get(b, [])):  # in the marks' order
            n = marks[k][2]
            if (side, n) not in anchored:
                anchored.add((side, n))
                out.append(f'<a id="{side}{n}"></a>')
        piece = escape(text[a:b]).replace("\n", "<br>")
        while next_start < len(by_start) and by_start[next_start][0] <= a:
            active.add(by_start[next_start][1])
            next_start += 1
        active = {k for k in active if marks[k][1] > a} if any(marks[k][1] <= a for k in active) else active
        covering = [(marks[k][2], marks[k][3]) for k in sorted(active)]
        if covering:
            worst = max((f for _, f in covering), key=lambda f: f.severity.rank)
            title = escape(" | ".join(f"{f.code} {f.severity.value}: {f.message}" for _, f in covering))
            classes = sorted({c for n, f in covering if (c := mark_class(n, f))}) if mark_class else []
            extra = "".join(f" {c}" for c in classes)
            numbers = " ".join(str(n) for n, _ in covering)
            piece = (f'<mark class="{worst.severity.value}{escape(extra)}" data-f="{numbers}" '
                     f'title="{title}">{piece}</mark>')
        out.append(piece)
        ends_here = sorted({marks[k][2] for k in ending.get(b, ())})
        empty_here = sorted({marks[k][2] for k in points.get(b, ())})  # a point span: an insertion place
        for n in [*ends_here, *empty_here]:
            out.append(f'<sup><a href="#f{n}">[{n}]</a></sup>')
    return "".join(out)


def _touches(span: Span, start: int, end: int) -> bool:
    if span.start == span.end:
        return start <= span.start <= end
    return span.start < end and start < span.end


def _gap_rows(alignment: list[dict], numbered: list[tuple[int, Finding]]) -> dict[int, int]:
    """Finding number -> row, for findings with a point target span (an insertion place) whose source span
    lies in a row that has no translation at all (MT501: a paragraph left out). The point sits on the end of
    the previous row's translation, where the jump link would otherwise land."""
    empty_rows = [(k, bead["source"]) for k, bead in enumerate(alignment, 1) if not bead["target"] and bead["source"]]
    rows: dict[int, int] = {}
    for n, f in numbered:
        tsp, ssp = f.target_span, f.source_span
        if tsp is None or ssp is None or tsp.start != tsp.end:
            continue
        for k, segments in empty_rows:
            if any(_touches(ssp, s, e) for s, e in segments):
                rows[n] = k
                break
    return rows


def finding_item(n: int, f: Finding, extra: str = "") -> str:
    """One finding as a list item: code, severity, message, suggestion and evidence, all visible."""
    sugg = f' — suggestion: <i dir="auto">{escape(f.suggestion)}</i>' if f.suggestion else ""
    where = []
    if f.target_span:
        where.append(f'<a href="#t{n}">translation</a>')
    if f.source_span:
        where.append(f'<a href="#s{n}">source</a>')
    jump = f' <span class="noprint">({", ".join(where)})</span>' if where else ""
    evidence = ""
    if f.waived:
        extra = f' <i class="waived">({escape(waived_note(f))})</i>' + extra
    if f.evidence:
        evidence = ('<ul class="ev">' + "".join(f'<li dir="auto">{escape(e)}</li>' for e in f.evidence)
                    + f"<li>confidence {f.confidence:.2f}</li></ul>")
    fp = f' data-fingerprint="{escape(f.fingerprint)}"' if f.fingerprint else ""
    return (f'<li id="f{n}" value="{n}"{fp}><span class="sev {f.severity.value}">{escape(f.code)} '
            f"{f.severity.value}</span> {escape(f.rule)}: <span dir=\"auto\">{escape(f.message)}</span>"
            f"{sugg}{jump}{extra}{evidence}</li>")


def finding_list(items: list[tuple[int, Finding]]) -> str:
    return f'<ol class="f" lang="en" dir="ltr">{"".join(finding_item(n, f) for n, f in items)}</ol>' if items else ""


def side_by_side(report: Report, numbered: list[tuple[int, Finding]], per_row_lists: bool = True,
                 mark_class: Callable[[int, Finding], str] | None = None) -> str:
    """The aligned paragraphs as rows of (number, source, translation), findings marked on both sides.
    The first mark of finding n on each side gets id s{n} / t{n}, the targets of the jump links."""
    src_attrs, tgt_attrs = lang_attrs(report.source_lang), lang_attrs(report.target_lang)
    parts = [f'<div class="pairs"><div class="row head"><div class="n">¶</div>'
             f"<div>{language_name(report.source_lang)} (source)</div>"
             f"<div>Translation ({escape(language_name(report.target_lang))})</div></div>"]
    covered_target: set[int] = set()
    anchored: set[tuple[str, int]] = set()
    gaps = _gap_rows(report.alignment, numbered)
    for k, bead in enumerate(report.alignment, 1):
        cells, in_row = [], []
        for side, text, attr in (("source", report.source, "source_span"),
                                 ("target", report.target, "target_span")):
            html_parts = []
            for s, e in bead[side]:
                marks = [(max(sp.start, s), min(sp.end, e), n, f) for n, f in numbered
                         if (sp := getattr(f, attr)) is not None and _touches(sp, s, e)
                         and not (side == "target" and n in gaps and gaps[n] != k)]
                in_row += [(n, f) for _, _, n, f in marks]
                html_parts.append(_highlight(text, s, e, marks, mark_class, side[0], anchored))
                if side == "target":
                    covered_target.add(s)
            if side == "target" and not bead[side]:
                # The place where a translation of this row's source is missing: the finding's anchor and
                # link here, beside the source it is about, not at the end of the previous row.
                for n, f in numbered:
                    if gaps.get(n) == k and ("t", n) not in anchored:
                        anchored.add(("t", n))
                        in_row.append((n, f))
                        html_parts.append(f'<a id="t{n}"></a><sup><a href="#f{n}">[{n}]</a></sup>')
            if bead[side]:
                cells.append("<br><br>".join(html_parts))
            else:  # (a gap's marker, then) the row's empty side
                cells.append("".join(html_parts) + '<span class="boiler" lang="en">(nothing)</span>')
        seen: set[int] = set()
        unique = [(n, f) for n, f in sorted(in_row, key=lambda x: x[0]) if not (n in seen or seen.add(n))]
        row_list = finding_list(unique) if per_row_lists else ""
        parts.append(f'<div class="row" id="p{k}"><div class="n">{k}<small>{escape(bead["kind"])}</small></div>'
                     f'<div class="src" {src_attrs}>{cells[0]}</div>'
                     f'<div class="tgt" {tgt_attrs}>{cells[1]}{row_list}</div></div>')
    for p in split_paragraphs(report.target):
        if p.start not in covered_target:
            parts.append(f'<div class="row"><div class="n">–</div><div class="boiler" lang="en">boilerplate, '
                         f'not checked</div><div class="boiler tgt" {tgt_attrs}>{escape(p.text)}</div></div>')
    parts.append("</div>")
    return "\n".join(parts)


def page_head(title: str, csp: str = CSP, css: str = CSS, extra_head: str = "") -> str:
    return "\n".join([
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta http-equiv="Content-Security-Policy" content="{escape(csp, quote=False)}">',
        '<meta name="referrer" content="no-referrer">',
        f"<title>{escape(title)}</title><style>{css}</style>{extra_head}</head><body>",
    ])


def render(report: Report, title: str | None = None, **_: object) -> str:
    numbered = list(enumerate(report.findings, 1))
    verdict = '<span class="pass">passed</span>' if report.passed else '<span class="fail">failed</span>'
    reasons = f" ({escape('; '.join(report.gate['reasons']))})" if report.gate["reasons"] else ""
    parts = [
        page_head(f"mtcheck report{': ' + title if title else ''}"),
        f"<header><h1>mtcheck {report.score:.1f}/100 — {verdict}{reasons}</h1>",
        f"<div>{escape(headline(report))}</div>",
        *(f'<div class="note">note: {escape(note)}</div>' for note in report.notes),
    ]
    counts = report.counts_by_category()
    if counts:
        parts.append("<div>" + escape(", ".join(f"{k}: {v}" for k, v in counts.items())) + "</div>")
    whole = [(n, f) for n, f in numbered if not f.source_span and not f.target_span]
    parts.append(finding_list(whole) + "</header>")
    parts.append(side_by_side(report, numbered))
    parts.append(f'<div class="sig">{escape(report.signature)}</div></body></html>')
    return "\n".join(parts) + "\n"


def render_index(entries: list[dict], title: str = "mtcheck batch") -> str:
    """index.html for a folder of reports: entries are {"id", "file", "score", "passed", "target_lang",
    "findings", "error"}, linked in input order."""
    rows = []
    for e in entries:
        if e.get("error"):
            rows.append(f'<tr><td>{escape(e["id"])}</td><td>—</td><td>—</td><td class="fail">error</td>'
                        f'<td>{escape(e["error"])}</td></tr>')
            continue
        verdict = '<span class="pass">passed</span>' if e["passed"] else '<span class="fail">failed</span>'
        rows.append(f'<tr><td><a href="{escape(e["file"])}">{escape(e["id"])}</a></td>'
                    f'<td data-label="language">{escape(e.get("target_lang") or "")}</td>'
                    f'<td data-label="score">{e["score"]:.1f}</td><td>{verdict}</td>'
                    f'<td data-label="findings">{e["findings"]}</td></tr>')
    checked = [e for e in entries if not e.get("error")]
    failed = sum(1 for e in checked if not e["passed"])
    summary = f"{len(entries)} articles: {len(checked) - failed} passed, {failed} failed, " \
              f"{len(entries) - len(checked)} could not be checked"
    return "\n".join([
        page_head(title),
        f"<header><h1>{escape(title)}</h1><div>{escape(summary)}</div></header>",
        '<table class="idx"><thead><tr><th>article</th><th>language</th><th>score</th><th>gate</th>'
        "<th>findings</th></tr></thead><tbody>",
        *rows,
        "</tbody></table></body></html>",
    ]) + "\n"
