"""The command line end to end: exit statuses, formats, bad input, batch, and the JSON schema."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest

from mtcheck.cli import main
from tests.helpers import FIXTURES, ROOT

SAMPLE = FIXTURES / "articles" / "rutte-kyiv"
SCHEMA = json.loads((ROOT / "mtcheck" / "report" / "schema" / "report-v1.json").read_text(encoding="utf-8"))


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_check_sample_fails_the_default_gate_and_flags_bracket(capsys) -> None:
    code, out, _ = run(capsys, "check", str(SAMPLE / "id.txt"), str(SAMPLE / "en.txt"), "--format", "json")
    report = json.loads(out)
    jsonschema.validate(report, SCHEMA)
    assert code == 1 and not report["passed"]  # three major errors fail the default gate (fail-on major)
    target = (SAMPLE / "en.txt").read_text(encoding="utf-8")
    bracket = [f for f in report["findings"] if f["code"] == "MT601"]
    start = target.index("(to do this")
    assert bracket and bracket[0]["target_span"] == [start, start + 1]


def test_gate_failure_exits_1(capsys) -> None:
    code, out, _ = run(capsys, "check", str(SAMPLE / "id.txt"), str(SAMPLE / "en.txt"), "--fail-on", "minor")
    assert code == 1 and "FAILED" in out
    code, _, _ = run(capsys, "check", str(SAMPLE / "id.txt"), str(SAMPLE / "en.txt"), "--fail-under", "99.9")
    assert code == 1


def test_ignore_on_command_line(capsys) -> None:
    code, out, _ = run(capsys, "check", str(SAMPLE / "id.txt"), str(SAMPLE / "en.txt"), "--fail-on", "minor",
                       "--ignore", "MT2,MT3,MT4,MT5,MT6", "--format", "json")
    assert code == 0 and json.loads(out)["findings"] == []


def test_stdin_source(capsys, monkeypatch) -> None:
    import io
    import sys

    data = (SAMPLE / "id.txt").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    code, out, _ = run(capsys, "check", "-", str(SAMPLE / "en.txt"), "--format", "json")
    assert code == 1 and json.loads(out)["target_lang"] == "en"


@pytest.mark.parametrize(("content", "message"), [
    (b"", "is empty"),
    (b"  \n\n ", "is empty"),
    (b"Presiden \xff\xfe datang", "not valid UTF-8 at byte offset 9"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary file"),
    (b"a" * 2_000_001, "too large"),
])
def test_bad_target_file_exits_2(capsys, tmp_path: Path, content: bytes, message: str) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    code, out, err = run(capsys, "check", str(SAMPLE / "id.txt"), str(bad))
    assert code == 2 and message in err and str(bad) in err
    assert "Traceback" not in err and out == ""


def test_usage_errors_exit_2(capsys, tmp_path: Path) -> None:
    assert run(capsys, "check", str(SAMPLE / "id.txt"))[0] == 2
    assert run(capsys, "check", str(tmp_path / "nope.txt"), str(SAMPLE / "en.txt"))[0] == 2
    assert run(capsys, "check", "--select", "MT999", str(SAMPLE / "id.txt"), str(SAMPLE / "en.txt"))[0] == 2
    assert run(capsys, "check", "--target-lang", "xx", str(SAMPLE / "id.txt"), str(SAMPLE / "en.txt"))[0] == 2
    assert run(capsys, "rules", "MT999")[0] == 2
    assert run(capsys, "frobnicate")[0] == 2
    assert run(capsys)[0] == 2


def test_source_in_wrong_language_exits_2(capsys) -> None:
    code, _, err = run(capsys, "check", str(SAMPLE / "en.txt"), str(SAMPLE / "en.txt"))
    assert code == 2 and "must be Indonesian" in err


def test_output_written_atomically_and_inputs_protected(capsys, tmp_path: Path) -> None:
    src, tgt = tmp_path / "a.id.txt", tmp_path / "a.en.txt"
    shutil.copy(SAMPLE / "id.txt", src)
    shutil.copy(SAMPLE / "en.txt", tgt)
    before = tgt.read_bytes()
    assert run(capsys, "check", str(src), str(tgt), "-o", str(tgt))[0] == 2
    assert tgt.read_bytes() == before
    out = tmp_path / "reports" / "a.html"
    assert run(capsys, "check", str(src), str(tgt), "--format", "html", "-o", str(out))[0] == 1
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in out.parent.iterdir()] == ["a.html"]  # no temporary file left behind


def test_html_escapes_article_text(capsys, tmp_path: Path) -> None:
    src, tgt = tmp_path / "x.id.txt", tmp_path / "x.en.txt"
    src.write_text("Presiden berkata <script>alert(1)</script> kepada wartawan (di Jakarta.", encoding="utf-8")
    tgt.write_text("The president said <script>alert(1)</script> to reporters (in Jakarta.", encoding="utf-8")
    code, out, _ = run(capsys, "check", str(src), str(tgt), "--format", "html", "--target-lang", "en",
                       "--fail-under", "90")  # one minor finding in ten words scores 90
    assert code == 0
    assert "<script>" not in out and "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert '<mark class="minor"' in out  # the unclosed bracket is highlighted
    assert "default-src 'none'" in out


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_formats_render_findings(capsys, fmt: str) -> None:
    code, out, _ = run(capsys, "check", str(SAMPLE / "id.txt"), str(SAMPLE / "en.txt"), "--format", fmt)
    assert code == 1 and "MT601" in out


def test_demo_and_check_without_files(capsys) -> None:
    code, out, _ = run(capsys, "demo")
    assert code == 0 and "MT601" in out and "score" in out
    # No files is a usage error, not the demo: an empty CI variable must not pass the gate (issue #14).
    for argv in (["check"], ["check", "--fail-on", "minor"], ["check", str(SAMPLE / "id.txt")]):
        code, out2, err = run(capsys, *argv)
        assert code == 2 and out2 == "" and "needs SOURCE and TARGET" in err and "mtcheck demo" in err


def test_reference_metrics(capsys) -> None:
    code, out, _ = run(capsys, "check", str(SAMPLE / "id.txt"), str(SAMPLE / "en.txt"), "--reference",
                       str(SAMPLE / "en.txt"), "--format", "json")
    report = json.loads(out)
    jsonschema.validate(report, SCHEMA)
    assert code == 1
    doc = report["reference_metrics"]["document"]
    assert doc["chrf"]["score"] == 100.0 and doc["ter"]["score"] == 0.0
    assert "nrefs:1" in doc["bleu"]["signature"]
    assert all(s["chrf"] == 100.0 for s in report["reference_metrics"]["segments"])


def test_rules_listing(capsys) -> None:
    code, out, _ = run(capsys, "rules")
    assert code == 0 and "MT101" in out and "unbalanced-bracket" in out
    code, out, _ = run(capsys, "rules", "mt601")
    assert code == 0 and "## Why is this bad?" in out
    code, out, _ = run(capsys, "rules", "--format", "json")
    assert {r["code"] for r in json.loads(out)} >= {"MT101", "MT601"}


def test_batch_jsonl_reports_bad_rows_and_goes_on(capsys, tmp_path: Path) -> None:
    out_file = tmp_path / "out.jsonl"
    code, out, err = run(capsys, "batch", str(FIXTURES / "batch" / "small.jsonl"), "-o", str(out_file),
                         "--jobs", "1")
    rows = [json.loads(line) for line in out_file.read_text(encoding="utf-8").splitlines()]
    assert code == 2 and out == ""  # some rows could not be checked; the reports went to the file
    assert [r["id"] for r in rows] == ["rutte-p4", "rutte-p6", "missing-target", "line-4", "empty-target",
                                       "untranslated"]
    by_id = {r["id"]: r for r in rows}
    assert "missing field(s): target" in by_id["missing-target"]["error"]
    assert "invalid JSON" in by_id["line-4"]["error"] and "small.jsonl:4" in by_id["line-4"]["error"]
    assert "is empty" in by_id["empty-target"]["error"]
    for r in rows:
        if "error" not in r:
            jsonschema.validate(r, SCHEMA)
    assert [f["code"] for f in by_id["rutte-p6"]["findings"]] == ["MT601"]
    assert by_id["untranslated"]["findings"][0]["code"] == "MT101"
    assert by_id["untranslated"]["reference_metrics"]["document"]["chrf"]["score"] < 50
    assert "6 articles" in err and "3 could not be checked" in err and "slowest" in err


def test_batch_parallel_matches_serial(capsys, tmp_path: Path) -> None:
    serial, parallel = tmp_path / "s.jsonl", tmp_path / "p.jsonl"
    run(capsys, "batch", str(FIXTURES / "batch" / "small.jsonl"), "-o", str(serial), "--jobs", "1")
    run(capsys, "batch", str(FIXTURES / "batch" / "small.jsonl"), "-o", str(parallel), "--jobs", "2")

    def strip(path: Path) -> list[dict]:
        rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]
        for r in rows:
            r.pop("timings_ms", None)
        return rows

    assert strip(serial) == strip(parallel)


def test_batch_directory_layouts(capsys, tmp_path: Path) -> None:
    (tmp_path / "rutte").mkdir()
    shutil.copy(SAMPLE / "id.txt", tmp_path / "rutte" / "id.txt")
    shutil.copy(SAMPLE / "en.txt", tmp_path / "rutte" / "en.txt")
    shutil.copy(SAMPLE / "id.txt", tmp_path / "flat.id.txt")
    shutil.copy(SAMPLE / "en.txt", tmp_path / "flat.en.txt")
    (tmp_path / "orphan").mkdir()
    shutil.copy(SAMPLE / "id.txt", tmp_path / "orphan" / "id.txt")
    html_dir = tmp_path / "html"
    code, out, err = run(capsys, "batch", str(tmp_path), "--jobs", "1", "--html-dir", str(html_dir))
    rows = {r["id"]: r for r in map(json.loads, out.splitlines())}
    assert set(rows) == {"rutte/en", "flat/en", "orphan"}
    assert "no translation beside it" in rows["orphan"]["error"]
    assert rows["rutte/en"]["findings"] == rows["flat/en"]["findings"]
    assert code == 2 and "1 could not be checked" in err
    assert sorted(p.name for p in html_dir.iterdir()) == ["flat_en.html", "index.html", "rutte_en.html"]
    index = (html_dir / "index.html").read_text(encoding="utf-8")
    assert 'href="rutte_en.html"' in index and 'href="flat_en.html"' in index and "no translation beside" in index


def test_batch_markdown_summary(capsys, tmp_path: Path) -> None:
    code, out, _ = run(capsys, "batch", str(FIXTURES / "batch" / "small.jsonl"), "--format", "markdown",
                       "--jobs", "1")
    assert code == 2 and "| rutte-p6 |" in out and "MT601×1" in out


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_batch_empty_directory_or_missing_input_exits_2(capsys, tmp_path: Path, jobs: str) -> None:
    code, out, err = run(capsys, "batch", str(tmp_path), "--jobs", jobs)
    assert code == 2 and "no articles found" in err and out == ""
    code, _, err = run(capsys, "batch", str(tmp_path / "missing.jsonl"), "--jobs", jobs)
    assert code == 2 and "no such file" in err


def test_neural_flag_without_the_extra_exits_2_with_install_hint(capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("mtcheck.neural_support.neural_available", lambda: False)
    code, out, err = run(capsys, "check", str(SAMPLE / "id.txt"), str(SAMPLE / "en.txt"), "--neural")
    assert code == 2 and not out
    assert "pip install torch==2.13.0" in err and "mtcheck[neural]" in err and "Traceback" not in err


def test_neural_in_config_without_the_extra_exits_2(capsys, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr("mtcheck.neural_support.neural_available", lambda: False)
    config = tmp_path / "mtcheck.toml"
    config.write_text("neural = true\n", encoding="utf-8")
    code, _, err = run(capsys, "check", str(SAMPLE / "id.txt"), str(SAMPLE / "en.txt"), "--config", str(config))
    assert code == 2 and "neural extra" in err
