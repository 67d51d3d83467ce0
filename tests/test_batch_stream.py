"""The streaming batch: records journaled as they finish, an interrupted batch resumed exactly, progress."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

import mtcheck.cli.batch as cli_batch
from mtcheck.batch import count_items
from mtcheck.cli import main
from mtcheck.engines import local_map
from mtcheck.progress import Progress
from tests.helpers import FIXTURES

SMALL = FIXTURES / "batch" / "small.jsonl"


def _input(tmp_path: Path, copies: int = 3) -> Path:
    """small.jsonl several times over, with distinct ids (good rows and bad rows mixed)."""
    lines = [line for line in SMALL.read_text(encoding="utf-8").splitlines() if line.strip()]
    out = []
    for n in range(copies):
        for line in lines:
            try:
                row = json.loads(line)
            except json.JSONDecodeError:
                out.append(line)
                continue
            row["id"] = f"{row['id']}-{n}"
            out.append(json.dumps(row, ensure_ascii=False))
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return path


def _batch(capsys, *argv: str) -> tuple[int, str]:
    code = main(["batch", *argv, "--no-progress"])
    return code, capsys.readouterr().err


def test_output_is_deterministic_and_has_no_timings(capsys, tmp_path: Path) -> None:
    src = _input(tmp_path, 1)
    _batch(capsys, str(src), "-o", str(tmp_path / "a.jsonl"), "--jobs", "1")
    _batch(capsys, str(src), "-o", str(tmp_path / "b.jsonl"), "--jobs", "2")
    a = (tmp_path / "a.jsonl").read_bytes()
    assert a == (tmp_path / "b.jsonl").read_bytes()
    assert all(json.loads(line).get("timings_ms", {}) == {} for line in a.splitlines())
    assert not list(tmp_path.glob("*.partial"))
    _batch(capsys, str(src), "-o", str(tmp_path / "t.jsonl"), "--jobs", "1", "--timings")
    timed = [json.loads(line) for line in (tmp_path / "t.jsonl").read_text(encoding="utf-8").splitlines()]
    assert any("MT601" in r.get("timings_ms", {}) and "total" in r["timings_ms"] for r in timed)


def _interrupt_on(monkeypatch, n: int) -> tuple:
    """Make the batch's n-th check raise KeyboardInterrupt (Ctrl-C mid-batch); returns the real check_item
    and the list of ids it was asked for."""
    real, seen = cli_batch.check_item, []

    def dies_on_nth(item):
        seen.append(item.id)
        if len(seen) == n:
            raise KeyboardInterrupt
        return real(item)

    monkeypatch.setattr(cli_batch, "check_item", dies_on_nth)
    return real, seen


def test_interrupted_batch_keeps_its_records_and_resumes_exactly(capsys, tmp_path: Path, monkeypatch) -> None:
    src = _input(tmp_path, 3)
    full, out = tmp_path / "full.jsonl", tmp_path / "out.jsonl"
    _batch(capsys, str(src), "-o", str(full), "--jobs", "1")
    real, seen = _interrupt_on(monkeypatch, 8)
    code, err = _batch(capsys, str(src), "-o", str(out), "--jobs", "1")
    assert code == 130 and not out.exists() and "--resume" in err
    journal = tmp_path / "out.jsonl.partial"
    kept = journal.read_text(encoding="utf-8").splitlines()
    assert len(kept) == 7 and kept == full.read_text(encoding="utf-8").splitlines()[:7]
    with open(journal, "a", encoding="utf-8") as f:
        f.write('{"id": "torn-line", "sco')  # killed in the middle of a write
    monkeypatch.setattr(cli_batch, "check_item", real)

    code, err = _batch(capsys, str(src), "-o", str(out), "--jobs", "1")
    assert code == 2 and "--resume" in err and journal.exists()  # never starts over on its own
    seen.clear()
    monkeypatch.setattr(cli_batch, "check_item", lambda item: (seen.append(item.id), real(item))[1])
    code, err = _batch(capsys, str(src), "-o", str(out), "--jobs", "1", "--resume")
    assert out.read_bytes() == full.read_bytes() and not journal.exists()
    assert len(seen) == count_items(src) - 7  # only the rest was checked
    assert f"{count_items(src)} articles" in err  # the summary covers the whole output


def test_resume_refuses_another_input(capsys, tmp_path: Path) -> None:
    src = _input(tmp_path, 1)
    out = tmp_path / "out.jsonl"
    (tmp_path / "out.jsonl.partial").write_text('{"id": "something-else", "error": "x"}\n', encoding="utf-8")
    code, err = _batch(capsys, str(src), "-o", str(out), "--resume")
    assert code == 2 and "same input" in err and "something-else" in err


def test_resume_of_a_finished_output_changes_nothing(capsys, tmp_path: Path, monkeypatch) -> None:
    src = _input(tmp_path, 1)
    out = tmp_path / "out.jsonl"
    _batch(capsys, str(src), "-o", str(out), "--jobs", "1")
    before = out.read_bytes()
    monkeypatch.setattr(cli_batch, "check_item", lambda item: pytest.fail(f"re-checked {item.id}"))
    code, _ = _batch(capsys, str(src), "-o", str(out), "--jobs", "1", "--resume")
    assert code == 2 and out.read_bytes() == before  # exit 2: rows of small.jsonl cannot be checked


def test_markdown_output_is_rendered_from_the_journal(capsys, tmp_path: Path) -> None:
    out = tmp_path / "out.md"
    code, _ = _batch(capsys, str(SMALL), "-o", str(out), "--format", "markdown", "--jobs", "1")
    text = out.read_text(encoding="utf-8")
    assert code == 2 and "| rutte-p6 |" in text and "MT601×1" in text and "6 articles" in text
    assert text.index("| rutte-p4 |") < text.index("| untranslated |") and not list(tmp_path.glob("*.partial"))


def test_local_pool_reads_a_bounded_window_ahead() -> None:
    pulled = []

    def items():
        for i in range(200):
            pulled.append(i)
            yield i

    results = local_map(abs, items(), jobs=2, initializer=lambda: None, window=6)
    first = [next(results) for _ in range(3)]
    assert first == [0, 1, 2] and len(pulled) <= 6 + 3
    assert list(results) == list(range(3, 200))


def test_progress_lines_without_a_terminal() -> None:
    stream = io.StringIO()
    p = Progress("lines", total=40, done=10, interval=0.0, stream=stream)
    p.update(failed=True, error=False)
    p.update(failed=False, error=True)
    p.close()
    lines = stream.getvalue().splitlines()
    assert lines[0].startswith("mtcheck batch: 11/40 (27.5%)") and "articles/s" in lines[0] and "ETA" in lines[0]
    assert "12/40 (30.0%)" in lines[-1] and "1 failed, 1 errors" in lines[-1]


def test_progress_bar_on_a_terminal() -> None:
    stream = io.StringIO()
    p = Progress("bar", total=4, stream=stream)
    for _ in range(4):
        p.update(failed=False, error=False)
    p.close()
    assert "4/4" in stream.getvalue() and "100%" in stream.getvalue()


def test_count_items_matches_what_is_read(tmp_path: Path) -> None:
    assert count_items(SMALL) == 6
    assert count_items(tmp_path / "missing.jsonl") is None


def test_markdown_batch_resumes_from_its_journal(capsys, tmp_path: Path, monkeypatch) -> None:
    src = _input(tmp_path, 2)
    full, out = tmp_path / "full.md", tmp_path / "out.md"
    _batch(capsys, str(src), "-o", str(full), "--format", "markdown", "--jobs", "1")
    real, _ = _interrupt_on(monkeypatch, 5)
    assert _batch(capsys, str(src), "-o", str(out), "--format", "markdown", "--jobs", "1")[0] == 130
    monkeypatch.setattr(cli_batch, "check_item", real)
    _batch(capsys, str(src), "-o", str(out), "--format", "markdown", "--jobs", "1", "--resume")

    def table(path: Path) -> list[str]:
        return [line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("| ")]

    assert table(out) == table(full) and len(table(full)) == count_items(src) + 1
