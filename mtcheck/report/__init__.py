"""Report renderers: json (versioned schema), text (terminal), markdown (merge requests), html (editors)."""

from __future__ import annotations

from collections.abc import Callable

from mtcheck.model import Report

FORMATS = ("text", "json", "markdown", "html")


def renderer(fmt: str) -> Callable[..., str]:
    if fmt == "json":
        from mtcheck.report.json_report import render
    elif fmt == "markdown":
        from mtcheck.report.markdown import render
    elif fmt == "html":
        from mtcheck.report.html import render
    else:
        from mtcheck.report.text import render
    return render


def render(report: Report, fmt: str, **kwargs: object) -> str:
    return renderer(fmt)(report, **kwargs)
