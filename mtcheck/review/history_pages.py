"""History pages of the review app: the runs with a small chart of mean score per language over time
(inline SVG with presentation attributes only: no script, no remote asset, nothing the CSP must allow),
and the difference between two runs."""

from __future__ import annotations

from html import escape
from urllib.parse import urlencode

from mtcheck.report.html import language_name
from mtcheck.review.pages import page
from mtcheck.store.history import History

COLOURS = ("#0b5cad", "#cf222e", "#1a7f37", "#8250df", "#bc4c00", "#57606a", "#0a7ea4")


def score_chart(trend: dict, width: int = 640, height: int = 220) -> str:
    """Mean score per language, one line each, runs left to right."""
    runs, languages = trend["runs"], trend["languages"]
    if not runs or not languages:
        return "<p>No scores recorded yet.</p>"
    values = [v[0] for series in languages.values() for v in series if v is not None]
    low = min(min(values), 90.0)
    low = max(0.0, low - (100.0 - low) * 0.1)
    left, right, top, bottom = 44, 110, 12, 28
    plot_w, plot_h = width - left - right, height - top - bottom

    def x(i: int) -> float:
        return left + (plot_w * i / (len(runs) - 1) if len(runs) > 1 else plot_w / 2)

    def y(v: float) -> float:
        return top + plot_h * (100.0 - v) / max(100.0 - low, 1e-9)

    parts = [f'<svg class="chart" role="img" aria-label="mean score per language over runs" '
             f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" xmlns="http://www.w3.org/2000/svg">']
    for tick in (low, (low + 100) / 2, 100.0):
        parts.append(f'<line x1="{left}" x2="{left + plot_w}" y1="{y(tick):.1f}" y2="{y(tick):.1f}" '
                     f'stroke="#ddd" stroke-width="1"/><text x="{left - 6}" y="{y(tick) + 4:.1f}" font-size="11" '
                     f'text-anchor="end" fill="#555">{tick:.0f}</text>')
    for i, run in enumerate(runs):
        parts.append(f'<text x="{x(i):.1f}" y="{height - 10}" font-size="10" text-anchor="middle" fill="#555">'
                     f"{escape(run['run_id'][4:8] + ' ' + run['run_id'][9:13])}</text>")
    for k, (lang, series) in enumerate(languages.items()):
        colour = COLOURS[k % len(COLOURS)]
        points = [(x(i), y(v[0])) for i, v in enumerate(series) if v is not None]
        if len(points) > 1:
            path = " ".join(f"{px:.1f},{py:.1f}" for px, py in points)
            parts.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"/>')
        for (px, py), (i, v) in zip(points, [(i, v) for i, v in enumerate(series) if v is not None]):
            parts.append(f'<circle cx="{px:.1f}" cy="{py:.1f}" r="3" fill="{colour}"><title>'
                         f"{escape(lang)} {escape(runs[i]['run_id'])}: mean {v[0]:.1f} over {v[1]} article(s)"
                         "</title></circle>")
        parts.append(f'<text x="{left + plot_w + 10}" y="{top + 14 + 16 * k}" font-size="12" fill="{colour}">'
                     f"{escape(language_name(lang))}</text>")
    parts.append("</svg>")
    return "".join(parts)


def runs_page(history: History) -> str:
    trend = history.trend()
    runs = trend["runs"]
    rows = []
    for i, r in enumerate(runs):
        diff = ""
        if i > 0:
            diff = (f'<a href="/history/diff?{escape(urlencode({"a": runs[i - 1]["run_id"], "b": r["run_id"]}))}">'
                    "diff with previous</a>")
        mean = f"{r['mean_score']:.1f}" if r["mean_score"] is not None else "—"
        rows.append(f"<tr><td><code>{escape(r['run_id'])}</code></td><td>{escape(r['started_at'])}</td>"
                    f"<td>{escape(r['command'])}</td><td>{escape(r['version'])}</td>"
                    f'<td class="num">{r["articles"]}</td><td class="num">{r["passed"] or 0}</td>'
                    f'<td class="num">{r["failed"] or 0}</td><td class="num">{r["errors"] or 0}</td>'
                    f'<td class="num">{mean}</td><td class="num">{r["findings"]}</td><td>{diff}</td></tr>')
    codes = trend["rules"]
    rule_rows = "".join(f"<tr><td>{escape(code)}</td>" + "".join(f'<td class="num">{n}</td>' for n in counts)
                        + "</tr>" for code, counts in codes.items())
    rule_head = "".join(f"<th><code>{escape(r['run_id'][9:15])}</code></th>" for r in runs)
    body = (f'<div class="wrap"><h1>History</h1><p>{len(runs)} run(s) in <code>{escape(str(history.path))}</code>'
            "</p><h2>Mean score per language</h2>" + score_chart(trend)
            + '<h2>Runs</h2><table class="idx" id="runs"><thead><tr><th>run</th><th>time (UTC)</th><th>command</th>'
            "<th>version</th><th>articles</th><th>passed</th><th>failed</th><th>errors</th><th>mean score</th>"
            "<th>findings</th><th></th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>"
            + "<h2>Findings per rule</h2>"
            + (f'<table class="idx" id="rules"><thead><tr><th>rule</th>{rule_head}</tr></thead><tbody>{rule_rows}'
               "</tbody></table>" if codes else "<p>No findings recorded.</p>") + "</div>")
    return page("History", body, "history", True)


def diff_page(history: History, run_a: str, run_b: str) -> str:
    rows = []
    for d in history.diff(run_a, run_b):
        if not d.changed:
            continue
        change = ""
        if d.score_a is not None and d.score_b is not None:
            change = f"{d.score_a:.1f} → {d.score_b:.1f} ({d.score_b - d.score_a:+.1f})"
        elif d.score_b is not None:
            change = f"new article, {d.score_b:.1f}"
        elif d.score_a is not None:
            change = "not in the second run"
        new = "".join(f"<li>{escape(f['code'])} {escape(f['severity'])}: {escape(f['message'])}</li>" for f in d.new)
        fixed = "".join(f"<li>{escape(f['code'])} {escape(f['severity'])}: {escape(f['message'])}</li>"
                        for f in d.fixed)
        fixed += "".join(f"<li>{escape(f['code'])} {escape(f['severity'])}: {escape(f['message'])} "
                         "<i>(now waived)</i></li>" for f in d.waived)
        rows.append(f'<tr><td>{escape(d.article)}</td><td>{escape(change)}</td><td><ul class="f">{new}</ul></td>'
                    f'<td><ul class="f">{fixed}</ul></td></tr>')
    table = ('<table class="idx" id="diff"><thead><tr><th>article</th><th>score</th><th>new findings</th>'
             "<th>fixed or waived findings</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>"
             if rows else "<p>No changes between these runs.</p>")
    body = (f'<div class="wrap"><h1>Run <code>{escape(run_a)}</code> → <code>{escape(run_b)}</code></h1>'
            f'<p><a href="/history">all runs</a></p>{table}</div>')
    return page("History diff", body, "history", True)
