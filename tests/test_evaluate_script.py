"""scripts/evaluate.py as a tool: rows mtcheck cannot check are counted and shown (and fail the run when asked),
a file of injected rows only renders, and a labelled file it cannot read is an error naming the file and the
line (exit 2, no stack trace)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import evaluate  # noqa: E402

SOURCE = "Presiden Joko Widodo mengatakan bahwa dia akan datang ke Jakarta pada hari Senin."
TARGET = "President Joko Widodo said that he would come to Jakarta on Monday."


def _row(row_id: str, target: str = TARGET, lang: str = "en", label: dict | None = None) -> dict:
    row = {"id": row_id, "source": SOURCE, "target": target, "target_lang": lang, "label": label,
           "rows": [[0, len(SOURCE), 0, len(target)]]}
    if label is not None:
        row["clean_target"] = TARGET
    return row


def _injected(row_id: str) -> dict:
    target = TARGET.replace("Monday", "Tuesday")
    at = target.index("Tuesday")
    return _row(row_id, target, label={"category": "date", "variant": "weekday", "target_span": [at, at + 7],
                                       "source_span": None, "detail": "Monday -> Tuesday"})


def _write(tmp_path: Path, rows: list[dict]) -> Path:
    path = tmp_path / "labelled.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _evaluate(path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "evaluate.py"), str(path), "--no-pofilter",
                           "--jobs", "1", *args], capture_output=True, text=True, cwd=ROOT, timeout=600)


def test_rows_that_fail_are_counted_printed_and_fail_the_run_when_asked(tmp_path: Path) -> None:
    # A row in a language mtcheck has no pack for cannot be checked: it was dropped from every figure with
    # nothing said (only "errors" in --json).
    path = _write(tmp_path, [_row("good#clean"), _row("bad#clean", lang="xx"), _injected("good#date")])
    out = tmp_path / "out.json"
    run = _evaluate(path, "--json", str(out), "--markdown", str(tmp_path / "out.md"))
    assert run.returncode == 0, run.stderr
    assert "1 of 3 rows could not be checked" in run.stdout
    assert "bad#clean (clean): bad#clean: target: no language pack for 'xx'" in run.stdout
    assert "1 of 3 rows could not be checked" in run.stderr
    result = json.loads(out.read_text(encoding="utf-8"))
    assert result["errors"] == 1
    assert [e["id"] for e in result["error_rows"]] == ["bad#clean"]
    assert result["mtcheck"]["clean_articles"] == 1  # the failed clean row is in no denominator
    assert "1 of 3 rows could not be checked" in (tmp_path / "out.md").read_text(encoding="utf-8")
    strict = _evaluate(path, "--fail-on-error")
    assert strict.returncode == 1
    assert "Traceback" not in strict.stderr


def test_no_failed_rows_no_note() -> None:
    assert evaluate.errors_note({"rows": 2, "error_rows": []}) == ""
    many = [{"id": f"r{i}", "category": "date", "error": "boom"} for i in range(12)]
    note = evaluate.errors_note({"rows": 20, "error_rows": many})
    assert note.startswith("**12 of 20 rows could not be checked") and "(0 clean, 12 injected)" in note
    assert "- r9 (date): boom" in note and "r10 (date)" not in note and "... and 2 more" in note


def test_markdown_without_clean_rows() -> None:
    # A file of injected rows only (or one whose clean rows all failed) has no false-alarm rate: the markdown
    # raised TypeError formatting None as a percentage.
    tally = evaluate.Tally()
    tally.add(_injected("x#date"), [])
    result = {"rows": 1, "errors": 0, "error_rows": [], "mtcheck": tally.summary(), "pofilter": tally.summary(),
              "chrf_vs_clean": {}, "seconds": {"mtcheck": 0.0, "pofilter": 0.0}, "gold": []}
    md = evaluate.markdown(result)
    assert "| false alarms (share of articles with a major+ finding) | - | - |" in md
    assert "| date | 1 | 0.00 |" in md


@pytest.mark.parametrize(("text", "problem"), [
    ('{"id": "a", "source": "x"', "line 2: not JSON"),
    ('["a"]', "line 2: a JSON list, not an object"),
    ('{"id": "a", "source": "x", "target": "y"}', "line 2: no label, rows"),
])
def test_unreadable_labelled_file_names_file_and_line(tmp_path: Path, text: str, problem: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(_row("good#clean")) + "\n" + text + "\n", encoding="utf-8")
    with pytest.raises(evaluate.BadInput, match=problem) as e:
        evaluate.load_rows(path)
    assert str(path) in str(e.value)


def test_unreadable_labelled_file_exits_2_without_a_stack_trace(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text("not json\n", encoding="utf-8")
    run = _evaluate(path)
    assert run.returncode == 2
    assert f"evaluate.py: {path}, line 1: not JSON" in run.stderr
    assert "Traceback" not in run.stderr
    missing = _evaluate(tmp_path / "none.jsonl")
    assert missing.returncode == 2 and "cannot read it" in missing.stderr and "Traceback" not in missing.stderr


def test_unreadable_knowable_file_and_unwritable_output(tmp_path: Path) -> None:
    bad = tmp_path / "knowable.tsv"
    bad.write_text("lang\tid\tknowable\twhy\nen\tonly-two-fields\n", encoding="utf-8")
    with pytest.raises(evaluate.BadInput, match="line 2: 2 tab-separated fields"):
        evaluate.load_knowable(bad)
    with pytest.raises(evaluate.BadInput, match="cannot read it"):
        evaluate.load_knowable(tmp_path / "none.tsv")
    # --json pointing at a folder: one line naming it, exit 2, after the measurement
    run = _evaluate(_write(tmp_path, [_row("good#clean")]), "--json", str(tmp_path))
    assert run.returncode == 2 and str(tmp_path) in run.stderr and "Traceback" not in run.stderr


def test_every_category_the_injector_writes_is_scored() -> None:
    # scripts/evaluate.py stopped with a KeyError on rows of inject.py's meaning categories (round 16, P).
    sys.path.insert(0, str(ROOT / "scripts"))
    import inject

    assert {*inject.CATEGORIES, *inject.MEANING_CATEGORIES} <= set(evaluate.ACCEPT)
    assert evaluate._accepted("meaning-negation", {"category": "mistranslation", "code": "MT704"})
    assert not evaluate._accepted("meaning-negation", {"category": "names", "code": "MT201"})
