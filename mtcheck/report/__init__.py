"""Report renderers: json (versioned schema), text (terminal), markdown (merge requests), html (editors), and
the CI formats (concise, sarif, junit, github, gitlab), which render records (mtcheck/report/ci.py) so that
`check` and `batch` share them."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only annotations: the CLI imports the format names before any dataclass is defined
    from mtcheck.model import Report

CI_FORMATS = ("concise", "sarif", "junit", "github", "gitlab")
FORMATS = ("text", "json", "markdown", "html", *CI_FORMATS)


def record_renderer(fmt: str) -> Callable[..., str]:
    """`render_records(records)` of a CI format."""
    from importlib import import_module

    if fmt not in CI_FORMATS:
        raise ValueError(f"not a CI format: {fmt}")
    return import_module(f"mtcheck.report.{fmt}").render_records


def record(report: Report, name: str | None = None) -> dict:
    """The JSON record of one report, as a batch line has it (id first, no text excerpts)."""
    from mtcheck.report.json_report import to_dict

    article_id = report.article.id if report.article and report.article.id else name or "article"
    return {"id": article_id, **to_dict(report, include_texts=False)}


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
    if fmt in CI_FORMATS:
        title = kwargs.get("title")
        return record_renderer(fmt)([record(report, title if isinstance(title, str) else None)])
    return renderer(fmt)(report, **kwargs)
