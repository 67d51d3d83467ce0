"""JSON report, schema version 1 (mtcheck/report/schema/report-v1.json, documented in the README)."""

from __future__ import annotations

import json

from mtcheck.locations import LineIndex
from mtcheck.model import Report

SCHEMA_VERSION = 1


def to_dict(report: Report, include_texts: bool = True) -> dict:
    src = report.source if include_texts else None
    tgt = report.target if include_texts else None
    lines = {"source_lines": LineIndex(report.source), "target_lines": LineIndex(report.target)}
    d = {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "mtcheck", "version": report.version},
        "signature": report.signature,
        "source_lang": report.source_lang,
        "target_lang": report.target_lang,
        "score": report.score,
        "passed": report.passed,
        "penalty": report.penalty,
        "gate": report.gate,
        "words": {"source": report.source_words, "target": report.target_words},
        "counts": {"by_category": report.counts_by_category(), "by_severity": report.counts_by_severity(),
                   "waived": len(report.waived), "baselined": report.baselined},
        "findings": [f.to_dict(src, tgt, **lines) for f in report.findings],
        "alignment": report.alignment,
        "reference_metrics": report.reference_metrics,
        "timings_ms": report.timings_ms,
        "notes": report.notes,
    }
    if report.article is not None:
        d["article"] = report.article.to_dict()
    return d


def render(report: Report, **_: object) -> str:
    return json.dumps(to_dict(report), ensure_ascii=False, indent=2) + "\n"
