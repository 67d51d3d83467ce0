"""Gold articles in the other target languages (`<lang>.txt` with `expected.<lang>.toml` beside the English
one): every expected finding is reported, and nothing else is. A finding marked `known-miss` names what
mtcheck does not read yet: it need not be reported, but nothing else may be reported in its place, so the
article measures the miss instead of hiding it."""

from pathlib import Path

import pytest

from mtcheck.config import Settings
from mtcheck.engine import check_pair
from mtcheck.registry import codes
from tests.helpers import FIXTURES, span_of, tomllib

CASES = sorted((p, e.name.split(".")[1]) for p in (FIXTURES / "articles").iterdir()
               for e in p.glob("expected.*.toml"))


@pytest.mark.parametrize(("folder", "lang"), CASES, ids=[f"{p.name}-{lang}" for p, lang in CASES])
def test_gold_article_in_target_language(folder: Path, lang: str) -> None:
    source = (folder / "id.txt").read_text(encoding="utf-8")
    target = (folder / f"{lang}.txt").read_text(encoding="utf-8")
    expected = tomllib.loads((folder / f"expected.{lang}.toml").read_text(encoding="utf-8"))["finding"]
    report = check_pair(source, target, Settings(), target_lang=lang)
    found = {(f.code, f.target_span.start, f.target_span.end) for f in report.findings if f.target_span}
    listed = {(e["code"], *span_of(target, e["target-text"], e.get("target-context"))): e
              for e in expected if e.get("code") in codes()}
    wanted = {k for k, e in listed.items() if "known-miss" not in e}
    assert wanted, "the gold file names no finding of an existing rule"
    assert wanted <= found, f"missed: {sorted(wanted - found)}"
    assert found <= set(listed), f"not expected: {sorted(found - set(listed))}"
    assert all(f.target_span for f in report.findings), "an unexpected finding without a target span"


def test_target_gold_articles_exist() -> None:
    assert {lang for _, lang in CASES} >= {"fr", "zh", "ja", "ar"}
