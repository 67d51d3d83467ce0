"""The review app's pages as HTML strings: index, article, history. Pure functions of their inputs, so
they are tested without a server. Every text from an article, a finding, a note or a URL parameter goes
through html.escape; the only script is /static/review.js, and the CSP allows no other."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from html import escape
from urllib.parse import urlencode

from mtcheck.model import Finding, Severity
from mtcheck.report.html import CSS, finding_item, lang_attrs, language_name, side_by_side
from mtcheck.review.articles import Article
from mtcheck.store.decisions import CONFIRMED, FALSE_POSITIVE, Decision

STATUSES = ("to review", "reviewed", "clean", "error")
SORTS = ("input", "id", "language", "score", "findings", "status")

REVIEW_CSS = CSS + """
nav.top{display:flex;flex-wrap:wrap;gap:4px 16px;align-items:center;padding:8px 16px;background:#24292f;color:#fff}
nav.top a{color:#fff} nav.top .here{font-weight:600}
form.filters{display:flex;flex-wrap:wrap;gap:8px 14px;padding:10px 16px;background:#fff;border-bottom:1px solid #ddd}
form.filters label{font-size:13px} select,input[type=text],button{font:inherit;font-size:13px}
.layout{display:grid;grid-template-columns:minmax(0,1fr) minmax(300px,380px);align-items:start}
.panel{position:sticky;top:0;max-height:100vh;overflow:auto;background:#fff;border-inline-start:1px solid #ddd;
padding:8px 12px}
.panel h2{font-size:15px;margin:4px 0} .panel ol.f{padding-inline-start:26px}
.panel li{padding:4px;border-radius:4px} .panel li.current{background:#e7f0fb;outline:1px solid #0b5cad}
.panel li.decided-false_positive>.sev,.panel li.decided-false_positive>span{text-decoration:line-through}
.decision{display:inline-block;font-size:11px;padding:0 6px;border-radius:8px;background:#eee;margin-inline-start:4px}
.decision.confirmed{background:#ffe3e3;color:#a40e26} .decision.false_positive{background:#dff5e3;color:#1a7f37}
form.decide{display:flex;flex-wrap:wrap;gap:4px;margin-top:4px} form.decide input[type=text]{flex:1 1 120px;min-width:0}
.keys{font-size:12px;color:#555}
kbd{border:1px solid #bbb;border-radius:3px;padding:0 3px;font-size:11px;background:#f6f6f6}
td.num{text-align:end;font-variant-numeric:tabular-nums}
.st-to_review{color:#bc4c00} .st-reviewed{color:#1a7f37} .st-error{color:#a40e26}
svg.chart{max-width:100%;height:auto;background:#fff;border:1px solid #eee}
.wrap{padding:8px 16px}
@media print{.layout{display:block} .panel{position:static;max-height:none;border:0}}
@media (max-width:1000px){.layout{grid-template-columns:minmax(0,1fr)} .panel{position:static;max-height:none;
border-inline-start:0;border-bottom:1px solid #ddd;order:-1}}
"""

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")


@dataclass(frozen=True)
class Filters:
    """The review list's filters and sort order, as the query string gives them."""
    lang: str = ""
    severity: str = ""
    rule: str = ""
    status: str = ""
    sort: str = "input"
    desc: bool = False

    def query(self, **changes: object) -> str:
        values = {**self.__dict__, **changes}
        return urlencode({k: ("1" if v is True else v) for k, v in values.items()
                          if v not in ("", False, None) and not (k == "sort" and v == "input")})


def page(title: str, body: str, here: str = "", history: bool = False) -> str:
    nav = [f'<a href="/" class="{"here" if here == "index" else ""}">Articles</a>']
    if history:
        nav.append(f'<a href="/history" class="{"here" if here == "history" else ""}">History</a>')
    return "\n".join([
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="referrer" content="same-origin">',
        f"<title>{escape(title)} · mtcheck review</title>",
        '<link rel="stylesheet" href="/static/review.css"><link rel="icon" href="data:,">',
        '<script src="/static/review.js" defer></script></head><body>',
        f'<nav class="top"><strong>mtcheck review</strong>{"".join(nav)}</nav>',
        body,
        "</body></html>",
    ]) + "\n"


def article_status(article: Article, decisions: dict[tuple[str, str], Decision]) -> str:
    if article.error is not None or article.report is None:
        return "error"
    if not article.report.findings:
        return "clean"
    # A finding a waiver already accepts needs no decision; every other one does.
    undecided = [fp for f, fp in zip(article.report.findings, article.fingerprints)
                 if f.counts and (article.id, fp) not in decisions]
    return "to review" if undecided else "reviewed"


def _decision_counts(article: Article, decisions: dict[tuple[str, str], Decision]) -> Counter[str]:
    return Counter(decisions[(article.id, fp)].decision for fp in article.fingerprints
                   if (article.id, fp) in decisions)


def filter_articles(articles: list[Article], decisions: dict[tuple[str, str], Decision],
                    f: Filters) -> list[Article]:
    def keep(a: Article) -> bool:
        if f.lang and a.target_lang != f.lang:
            return False
        if f.status and article_status(a, decisions) != f.status:
            return False
        findings = a.report.findings if a.report else []
        if f.severity and not any(x.severity.value == f.severity for x in findings):
            return False
        return not (f.rule and not any(x.code == f.rule for x in findings))

    kept = [a for a in articles if keep(a)]
    keys = {
        "id": lambda a: a.id,
        "language": lambda a: (a.target_lang, a.id),
        "score": lambda a: (a.report.score if a.report else -1.0),
        "findings": lambda a: (len(a.report.counted) if a.report else -1),
        "status": lambda a: (STATUSES.index(article_status(a, decisions)), a.id),
    }
    if f.sort in keys:
        kept.sort(key=keys[f.sort], reverse=f.desc)
    elif f.desc:
        kept.reverse()
    return kept


def _select(name: str, label: str, options: list[tuple[str, str]], current: str) -> str:
    opts = "".join(f'<option value="{escape(v)}"{" selected" if v == current else ""}>{escape(t)}</option>'
                   for v, t in [("", "all"), *options])
    return f'<label>{escape(label)} <select name="{name}" data-autosubmit>{opts}</select></label>'


def index_page(articles: list[Article], decisions: dict[tuple[str, str], Decision], f: Filters,
               history: bool = False) -> str:
    langs = sorted({a.target_lang for a in articles if a.target_lang})
    codes = sorted({x.code for a in articles if a.report for x in a.report.findings})
    shown = filter_articles(articles, decisions, f)
    form = ('<form class="filters" method="get" action="/" id="filters">'
            + _select("lang", "language", [(x, f"{language_name(x)} ({x})") for x in langs], f.lang)
            + _select("severity", "severity", [(s.value, s.value) for s in Severity], f.severity)
            + _select("rule", "rule", [(c, c) for c in codes], f.rule)
            + _select("status", "status", [(s, s) for s in STATUSES], f.status)
            + (f'<input type="hidden" name="sort" value="{escape(f.sort)}">' if f.sort != "input" else "")
            + ('<input type="hidden" name="desc" value="1">' if f.desc else "")
            + '<button type="submit">Filter</button>'
            + f'<span class="keys">{len(shown)} of {len(articles)} articles</span></form>')

    def header(key: str, label: str) -> str:
        desc = not f.desc if f.sort == key else False
        arrow = (" ▼" if f.desc else " ▲") if f.sort == key else ""
        return f'<th><a href="/?{escape(f.query(sort=key, desc=desc))}">{escape(label)}</a>{arrow}</th>'

    rows = []
    for a in shown:
        status = article_status(a, decisions)
        link = f'<a href="/article?{escape(urlencode({"id": a.id}))}">{escape(a.id)}</a>'
        if a.report is None:
            rows.append(f'<tr data-lang="" data-status="error"><td>{link}</td><td></td><td class="num">—</td>'
                        f'<td class="st-error">error</td><td colspan="3">{escape(a.error or "")}</td>'
                        f'<td class="st-error">error</td></tr>')
            continue
        r = a.report
        sev = r.counts_by_severity()
        cats = ", ".join(f"{k} {v}" for k, v in r.counts_by_category().items())
        done = _decision_counts(a, decisions)
        decided = ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in sorted(done.items()))
        verdict = '<span class="pass">passed</span>' if r.passed else '<span class="fail">failed</span>'
        waived = f" <small>+{len(r.waived)} waived</small>" if r.waived else ""
        rows.append(
            f'<tr data-lang="{escape(r.target_lang)}" data-status="{escape(status)}"><td>{link}</td>'
            f'<td data-label="language">{escape(r.target_lang)}</td>'
            f'<td class="num" data-label="score">{r.score:.1f}</td><td>{verdict}</td>'
            f'<td class="num" data-label="findings">{len(r.counted)}{waived}</td>'
            f'<td data-label="c/M/m"><span class="sev critical">{sev["critical"]}</span> / <span class="sev major">'
            f'{sev["major"]}</span> / <span class="sev minor">{sev["minor"]}</span></td><td>{escape(cats)}</td>'
            f'<td class="st-{status.replace(" ", "_")}">{escape(status)}'
            f'{"<br><small>" + escape(decided) + "</small>" if decided else ""}</td></tr>')
    table = ('<table class="idx" id="articles"><thead><tr>' + header("id", "article") + header("language", "language")
             + header("score", "score") + "<th>gate</th>" + header("findings", "findings")
             + "<th>critical / major / minor</th><th>categories</th>" + header("status", "status")
             + "</tr></thead><tbody>" + "".join(rows) + "</tbody></table>")
    return page("Articles", form + table, "index", history)


def _decision_form(article: Article, n: int, fp: str, d: Decision | None, token: str) -> str:
    badge = ""
    if d is not None:
        label = "confirmed" if d.decision == CONFIRMED else "false positive"
        note = f": {escape(d.note)}" if d.note else ""
        badge = f' <span class="decision {d.decision}" data-decision="{d.decision}">{label}{note}</span>'
    clear = '<button type="submit" name="decision" value="clear" data-key="u">Undo <kbd>u</kbd></button>' if d else ""
    return (f'{badge}<form class="decide" method="post" action="/decide">'
            f'<input type="hidden" name="token" value="{escape(token)}">'
            f'<input type="hidden" name="article" value="{escape(article.id)}">'
            f'<input type="hidden" name="fingerprint" value="{escape(fp)}">'
            f'<input type="hidden" name="n" value="{n}">'
            f'<input type="text" name="note" placeholder="note (optional)" aria-label="note for finding {n}" '
            f'value="{escape(d.note) if d else ""}" maxlength="2000">'
            f'<button type="submit" name="decision" value="{CONFIRMED}" data-key="c">Confirm <kbd>c</kbd></button>'
            f'<button type="submit" name="decision" value="{FALSE_POSITIVE}" data-key="f">False positive '
            f"<kbd>f</kbd></button>{clear}</form>")


def article_page(articles: list[Article], index: int, decisions: dict[tuple[str, str], Decision], token: str,
                 history: bool = False) -> str:
    a = articles[index]
    prev_link = next_link = ""
    if index > 0:
        prev_link = f'<a href="/article?{escape(urlencode({"id": articles[index - 1].id}))}" rel="prev">← previous</a>'
    if index + 1 < len(articles):
        next_link = f'<a href="/article?{escape(urlencode({"id": articles[index + 1].id}))}" rel="next">next →</a>'
    head = (f'<header><h1 dir="auto">{escape(a.id)}</h1><div class="noprint">{prev_link} '
            f'<a href="/">index</a> {next_link}</div>')
    if a.report is None:
        return page(a.id, head + f'<p class="fail">could not be checked: {escape(a.error or "")}</p></header>',
                    history=history)
    r = a.report
    verdict = '<span class="pass">passed</span>' if r.passed else '<span class="fail">failed</span>'
    reasons = f" ({escape('; '.join(r.gate['reasons']))})" if r.gate.get("reasons") else ""
    sev = r.counts_by_severity()
    waived = f" (and {len(r.waived)} waived)" if r.waived else ""
    head += (f"<div>score {r.score:.1f}/100 — {verdict}{reasons} · {escape(language_name(r.source_lang))} → "
             f"{escape(language_name(r.target_lang))} · {len(r.counted)} finding(s): {sev['critical']} critical, "
             f"{sev['major']} major, {sev['minor']} minor{waived}</div></header>")
    numbered = list(enumerate(r.findings, 1))
    items = []
    for (n, f), fp in zip(numbered, a.fingerprints):
        d = decisions.get((a.id, fp))
        covered = ""
        if f.target_span:
            covered = (f' <bdi {lang_attrs(r.target_lang)}>“'
                       f"{escape(r.target[f.target_span.start:f.target_span.end])}”</bdi>")
        item = finding_item(n, f, covered + _decision_form(a, n, fp, d, token))
        cls = f' class="decided-{d.decision}"' if d else ""
        items.append(item.replace(f'<li id="f{n}"', f'<li id="f{n}"{cls}', 1))
    stale = [d for (art, fp), d in sorted(decisions.items()) if art == a.id and fp not in a.fingerprints]
    stale_html = ""
    if stale:
        rows = "".join(
            f'<li>{escape(d.code)} <span dir="auto">{escape(d.message)}</span> <span class="decision {d.decision}">'
            f'{escape(d.decision.replace("_", " "))}</span><form class="decide" method="post" action="/decide">'
            f'<input type="hidden" name="token" value="{escape(token)}">'
            f'<input type="hidden" name="article" value="{escape(a.id)}">'
            f'<input type="hidden" name="fingerprint" value="{escape(d.fingerprint)}">'
            '<button type="submit" name="decision" value="clear">Remove</button></form></li>' for d in stale)
        stale_html = ('<h2>Decisions on findings no longer found</h2><p class="keys">The article changed or a rule '
                      "improved; a false positive left here is reported by MT901 (unused-waiver).</p>"
                      f'<ul class="f" id="stale">{rows}</ul>')
    panel = ('<aside class="panel" lang="en" dir="ltr"><h2>Findings</h2>'
             '<div class="keys noprint"><kbd>j</kbd>/<kbd>k</kbd> next/previous · <kbd>c</kbd> confirm · '
             '<kbd>f</kbd> false positive · <kbd>u</kbd> undo · <kbd>n</kbd> note</div>'
             + (f'<ol class="f" id="findings">{"".join(items)}</ol>' if items else "<p>No findings.</p>")
             + stale_html + "</aside>")

    def mark_class(n: int, f: Finding) -> str:
        d = decisions.get((a.id, a.fingerprints[n - 1]))
        return d.decision if d is not None and d.decision == FALSE_POSITIVE else ""

    body = (head + '<div class="layout"><main>' + side_by_side(r, numbered, per_row_lists=False,
                                                               mark_class=mark_class)
            + f'<div class="sig">{escape(r.signature)}</div></main>' + panel + "</div>")
    return page(a.id, body, history=history)
