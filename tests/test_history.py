"""History of runs: check and batch record into --history DB; `mtcheck history` lists, diffs and trends."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from mtcheck.cli import main
from mtcheck.store.history import History
from tests.helpers import FIXTURES

BATCH = FIXTURES / "review" / "batch.jsonl"
NO_GATE = ("--fail-on", "never", "--fail-under", "0")  # where the gate is not what a test is about
SAMPLE = FIXTURES / "articles" / "rutte-kyiv"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _fixed_arabic(tmp_path: Path) -> Path:
    """The review batch with the Arabic age error corrected (54 back to 44) and a new one in English."""
    rows = [json.loads(line) for line in BATCH.read_text(encoding="utf-8").splitlines()]
    for r in rows:
        if r["id"].endswith("/ar"):
            r["target"] = r["target"].replace("54", "44")
        if r["id"].endswith("/en"):
            r["target"] = r["target"].replace("44-year-old", "45-year-old")
    path = tmp_path / "batch2.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def test_batch_runs_recorded_listed_and_diffed(capsys, tmp_path: Path) -> None:
    db = tmp_path / "h.sqlite"
    # The gate is not what these tests are about (NO_GATE: the exit status is 0 whatever the findings).
    code, _, err = run(capsys, "batch", str(BATCH), "-j", "1", "--history", str(db), *NO_GATE)
    assert code == 0 and "recorded as run" in err
    code, _, _ = run(capsys, "batch", str(_fixed_arabic(tmp_path)), "-j", "1", "--history", str(db), *NO_GATE)
    h = History(db)
    runs = h.runs()
    assert [r["articles"] for r in runs] == [4, 4] and [r["findings"] for r in runs] == [3, 3]
    info = h.run_info(runs[0]["run_id"])
    assert info["command"] == "batch" and info["signature"].startswith("mtcheck:") and "tgt:*" in info["signature"]
    assert info["inputs"][0]["path"] == str(BATCH) and len(info["inputs"][0]["sha256"]) == 64
    first = h.findings(runs[0]["run_id"])["dailymail-stabbing/ar"]
    assert [(f["code"], f["target_end"] - f["target_start"], len(f["fingerprint"])) for f in first] == [
        ("MT401", 2, 16)]
    h.close()

    code, out, _ = run(capsys, "history", "--history", str(db))
    assert code == 0 and runs[0]["run_id"] in out and runs[1]["run_id"] in out
    code, out, _ = run(capsys, "history", "diff", "last~1", "last", "--history", str(db), "--format", "json")
    diff = {a["article"]: a for a in json.loads(out)["articles"]}
    assert set(diff) == {"dailymail-stabbing/ar", "dailymail-stabbing/en"}
    ar, en = diff["dailymail-stabbing/ar"], diff["dailymail-stabbing/en"]
    assert [f["code"] for f in ar["fixed"]] == ["MT401"] and ar["new"] == [] and ar["score_b"] == 100.0
    assert ar["score_a"] < 100.0 and [f["code"] for f in en["new"]] == ["MT401"] and en["fixed"] == []
    assert en["score_b"] < en["score_a"]  # the Birkenhed finding is the same one in both runs: not new
    first, second = runs[0]["run_id"], runs[1]["run_id"]
    prefix = next(first[:k] for k in range(1, len(first) + 1) if not second.startswith(first[:k]))
    code, out, _ = run(capsys, "history", "diff", prefix, "last", "--history", str(db))
    assert code == 0 and "1 fixed" in out and "+ MT401 major" in out and "- MT401 major" in out

    code, out, _ = run(capsys, "history", "trend", "--history", str(db), "--format", "json")
    trend = json.loads(out)
    assert [v[0] for v in trend["languages"]["ar"]] == [ar["score_a"], 100.0]
    assert trend["rules"]["MT401"] == [2, 2] and trend["rules"]["MT201"] == [1, 1]
    code, out, _ = run(capsys, "history", "trend", "--by", "rule", "--history", str(db))
    assert code == 0 and "MT401" in out and "MT201" in out


def test_check_records_and_config_key_is_relative_to_the_config(capsys, tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "project").mkdir()
    shutil.copy(SAMPLE / "id.txt", tmp_path / "project" / "a.id.txt")
    shutil.copy(SAMPLE / "en.txt", tmp_path / "project" / "a.en.txt")
    (tmp_path / "project" / "mtcheck.toml").write_text('history = "runs/history.sqlite"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path / "project")
    code, _, _ = run(capsys, "check", "a.id.txt", "a.en.txt", *NO_GATE)
    assert code == 0 and (tmp_path / "project" / "runs" / "history.sqlite").is_file()
    code, out, _ = run(capsys, "history", "--format", "json")
    (only,) = json.loads(out)
    assert only["command"] == "check" and only["articles"] == 1 and only["findings"] == 4


def test_history_errors_exit_2(capsys, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "history")
    assert code == 2 and "no history database" in err
    code, _, err = run(capsys, "history", "--history", str(tmp_path / "missing.sqlite"))
    assert code == 2 and "no such history database" in err
    run(capsys, "batch", str(BATCH), "-j", "1", "--history", "h.sqlite")
    code, _, err = run(capsys, "history", "diff", "last", "--history", "h.sqlite")
    assert code == 2 and "needs two runs" in err
    code, _, err = run(capsys, "history", "diff", "last~1", "last", "--history", "h.sqlite")
    assert code == 2 and "only 1 run(s)" in err
    code, _, err = run(capsys, "history", "diff", "nosuchrun", "last", "--history", "h.sqlite")
    assert code == 2 and "no such run" in err


def test_config_shows_where_history_and_review_db_come_from(capsys, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "mtcheck.toml").write_text('history = "h.sqlite"\n', encoding="utf-8")
    code, out, _ = run(capsys, "config", "--format", "json", "--review-db", "r.sqlite")
    rows = json.loads(out)["settings"]
    assert code == 0
    assert rows["history"] == {"value": str(tmp_path / "h.sqlite"), "from": str(tmp_path / "mtcheck.toml")}
    assert rows["review-db"] == {"value": "r.sqlite", "from": "command line"}
