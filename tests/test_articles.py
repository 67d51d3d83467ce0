"""Gold articles: every expected finding of an existing rule is reported, and nothing else is."""

from pathlib import Path

import pytest

from mtcheck.config import Settings
from mtcheck.engine import check_pair
from mtcheck.registry import by_code, codes
from tests.helpers import FIXTURES, span_of, tomllib

ARTICLES = sorted(p for p in (FIXTURES / "articles").iterdir() if (p / "expected.toml").exists())


@pytest.mark.parametrize("folder", ARTICLES, ids=[p.name for p in ARTICLES])
def test_gold_article(folder: Path) -> None:
    source = (folder / "id.txt").read_text(encoding="utf-8")
    target = (folder / "en.txt").read_text(encoding="utf-8")
    expected = tomllib.loads((folder / "expected.toml").read_text(encoding="utf-8"))["finding"]
    report = check_pair(source, target, Settings(), target_lang="en")
    # A finding is identified by its target span, or by its source span when it has none, or when its target
    # span is only where missing source text belongs (`Rule.target_is_context`: dropped sentences, names).
    found = {(f.code, "target", f.target_span.start, f.target_span.end)
             if f.target_span and not (by_code(f.code).target_is_context and f.source_span)
             else (f.code, "source", f.source_span.start, f.source_span.end)
             for f in report.findings if f.target_span or f.source_span}
    wanted = set()
    for e in expected:
        if e.get("code") not in codes():
            continue
        if "target-text" in e:
            wanted.add((e["code"], "target", *span_of(target, e["target-text"], e.get("target-context"))))
        else:
            wanted.add((e["code"], "source", *span_of(source, e["source-text"], e.get("source-context"))))
    assert wanted, "the gold file names no finding of an existing rule"
    assert found == wanted
    assert all(f.target_span or f.source_span for f in report.findings), "an unexpected whole-article finding"
