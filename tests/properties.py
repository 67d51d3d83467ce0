"""The properties every engine result must have, whatever the input: shared by tests/test_properties.py
and scripts/fuzz.py, so that the suite's fast run and the long fuzz run check the same things."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import jsonschema

from mtcheck.config import Settings
from mtcheck.engine import check_pair
from mtcheck.errors import InputError
from mtcheck.model import Report, Span
from mtcheck.report import FORMATS, render
from mtcheck.report.common import excerpt
from mtcheck.report.json_report import to_dict

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "mtcheck" / "report" / "schema" / "report-v1.json"


@cache
def validator() -> jsonschema.protocols.Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema)


@cache
def settings() -> Settings:
    return Settings()


def _span_ok(span: Span | None, text: str, what: str) -> None:
    if span is None:
        return
    assert 0 <= span.start <= span.end <= len(text), f"{what} span {span} outside a text of {len(text)}"
    _, covered, _ = excerpt(text, span)
    # The renderers' excerpt is the text's own slice (newlines flattened, long spans elided in the middle).
    exact = text[span.start:span.end].replace("\n", " ")
    assert covered == exact or (" … " in covered and exact.startswith(covered.split(" … ")[0])), what


def check_properties(source: str, target: str, lang: str) -> Report | InputError:
    """Check one pair and assert every property; an InputError (a target clearly in another language than
    declared) is a legitimate refusal and is returned, any other exception propagates."""
    try:
        report = check_pair(source, target, settings(), target_lang=lang)
    except InputError as e:
        assert str(e), "an InputError must say what is wrong"
        return e
    assert report.target_lang == lang
    for f in report.findings:
        _span_ok(f.source_span, source, f"{f.code} source")
        _span_ok(f.target_span, target, f"{f.code} target")
    data = to_dict(report)
    for f, d in zip(report.findings, data["findings"]):
        if f.source_span:
            assert d["source_text"] == source[f.source_span.start:f.source_span.end]
        if f.target_span:
            assert d["target_text"] == target[f.target_span.start:f.target_span.end]
    for bead in report.alignment:
        for side, text in (("source", source), ("target", target)):
            assert all(0 <= s <= e <= len(text) for s, e in bead[side]), f"alignment {side} {bead}"
    text = json.dumps(data, ensure_ascii=False, allow_nan=False)  # strict JSON: no NaN or Infinity
    text.encode("utf-8")
    validator().validate(json.loads(text))
    assert 0.0 <= report.score <= 100.0
    for fmt in FORMATS:
        out = render(report, fmt, title="fuzz")
        assert isinstance(out, str)
        if fmt == "html":  # article text reaches HTML escaped only
            assert "<script>alert(1)</script>" not in out
    return report
