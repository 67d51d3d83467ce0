"""The documented library API: mtcheck.check and mtcheck.check_many."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import mtcheck
from tests.helpers import FIXTURES, ROOT

SAMPLE = FIXTURES / "articles" / "rutte-kyiv"
SOURCE = (SAMPLE / "id.txt").read_text(encoding="utf-8")
TARGET = (SAMPLE / "en.txt").read_text(encoding="utf-8")


def test_check_returns_the_same_report_as_the_cli(capsys) -> None:
    report = mtcheck.check(SOURCE, TARGET, target_lang="en")
    assert isinstance(report, mtcheck.Report)
    assert sorted(f.code for f in report.findings) == ["MT202", "MT301", "MT502", "MT601"]
    from mtcheck.cli import main

    main(["check", str(SAMPLE / "id.txt"), str(SAMPLE / "en.txt"), "--format", "json"])
    cli = json.loads(capsys.readouterr().out)
    assert cli["score"] == report.score and [f["fingerprint"] for f in cli["findings"]] == \
        [f.fingerprint for f in report.findings]


def test_config_as_mapping_path_or_settings(tmp_path: Path) -> None:
    strict = mtcheck.check(SOURCE, TARGET, target_lang="en", config={"fail-on": "major"})
    assert not strict.passed and strict.gate["fail_on"] == "major"
    (tmp_path / "mtcheck.toml").write_text('ignore = ["MT6"]\n', encoding="utf-8")
    report = mtcheck.check(SOURCE, TARGET, target_lang="en", config=tmp_path / "mtcheck.toml")
    assert "MT601" not in {f.code for f in report.findings}
    assert mtcheck.check(SOURCE, TARGET, config=mtcheck.Settings(fail_under=99.0)).passed is False
    with pytest.raises(mtcheck.InputError, match="unknown setting"):
        mtcheck.check(SOURCE, TARGET, config={"fail-below": 3})


def test_check_raises_input_error_where_the_cli_exits_2() -> None:
    with pytest.raises(mtcheck.InputError, match="must be Indonesian"):
        mtcheck.check(TARGET, TARGET)
    with pytest.raises(mtcheck.InputError, match="is empty"):
        mtcheck.check(SOURCE, "  ")


def test_check_many_goes_on_after_a_bad_article() -> None:
    rows = [{"id": "good", "source": SOURCE, "target": TARGET, "target_lang": "en"},
            {"id": "empty", "source": SOURCE, "target": ""},
            (SOURCE, TARGET)]
    results = list(mtcheck.check_many(rows, target_lang="en"))
    assert [r.id for r in results] == ["good", "empty", "article-3"]
    assert results[0].ok and results[0].report.score == results[2].report.score
    assert not results[1].ok and "empty" in results[1].error


def test_import_mtcheck_stays_cheap() -> None:
    code = "import sys, mtcheck; print(sorted(m for m in sys.modules if m.startswith('mtcheck')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "['mtcheck']"
    assert callable(mtcheck.check) and callable(mtcheck.check_many)
