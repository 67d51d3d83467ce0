"""JUnit XML, as GitLab, Jenkins and most CI dashboards read test reports: one test case per article, one
`<failure>` per finding that fails the gate (type = rule code, text = the concise line), one more when the
score alone fails it, an `<error>` for a row that could not be checked. Counted findings that do not fail
the gate and waived ones are listed in the case's `<system-out>`."""

from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import escape, quoteattr

from mtcheck.report.ci import article_name, gating, is_error, message, place, score_reasons


def _xml_text(text: str) -> str:
    # XML 1.0 cannot carry most control characters, even escaped; article text may hold them.
    clean = "".join(ch if ch in "\t\n\r" or ord(ch) >= 0x20 else "\ufffd" for ch in text)
    return escape(clean)


def _attr(text: str) -> str:
    return quoteattr("".join(ch if ord(ch) >= 0x20 else " " for ch in text))


def _line(r: dict, f: dict) -> str:
    p = place(r, f)
    fp = f" [{f['fingerprint']}]" if f.get("fingerprint") else ""
    return f"{p.path}:{p.line}:{p.column}: {f['code']} [{f['severity']}] {message(f)}{fp}"


def render_records(records: Sequence[dict], **_: object) -> str:
    cases, failures, errors = [], 0, 0
    for r in records:
        name = _attr(article_name(r))
        p = place(r)
        head = f"  <testcase classname=\"mtcheck\" name={name} file={_attr(p.path)}"
        if is_error(r):
            errors += 1
            cases.append(f"{head}>\n    <error type=\"input\" message={_attr(r['error'])}>"
                         f"{_xml_text(r['error'])}</error>\n  </testcase>")
            continue
        body = []
        failing = gating(r)
        for f in failing:
            body.append(f"    <failure type={_attr(f['code'])} message={_attr(message(f))}>"
                        f"{_xml_text(_line(r, f))}</failure>")
        for reason in score_reasons(r):
            body.append(f"    <failure type=\"score\" message={_attr(reason)}>{_xml_text(reason)}</failure>")
        if body:
            failures += 1
        others = [f for f in r["findings"] if f not in failing]
        if others:
            out = "\n".join(_line(r, f) + (" [waived]" if f.get("waived") else "") for f in others)
            body.append(f"    <system-out>{_xml_text(out)}</system-out>")
        props = f" time=\"{r.get('timings_ms', {}).get('total', 0) / 1000:.3f}\""
        cases.append(f"{head}{props}>\n" + "".join(b + "\n" for b in body) + "  </testcase>"
                     if body else f"{head}{props}/>")
    n = len(records)
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            f"<testsuites name=\"mtcheck\" tests=\"{n}\" failures=\"{failures}\" errors=\"{errors}\">\n"
            f"<testsuite name=\"mtcheck\" tests=\"{n}\" failures=\"{failures}\" errors=\"{errors}\" skipped=\"0\">\n"
            + "".join(c + "\n" for c in cases) + "</testsuite>\n</testsuites>\n")
