"""Never crash, never lose a batch (issue #14): one test per failure class found by fuzzing, run on the
reproducers in fixtures/repro/. Every bad input ends in exit 2 with a message naming the file, or in that
row's error line; no traceback, no lost row."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from mtcheck.cli import main
from mtcheck.text.quantities import find_quantities
from tests.helpers import FIXTURES

REPRO = FIXTURES / "repro"
SAMPLE = FIXTURES / "articles" / "rutte-kyiv"


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


# --- class 1: numbers that crashed the number reader --------------------------------------------------------

@pytest.mark.parametrize(("text", "lang"), [
    ("1.000.000 personnes", "fr"),  # Indonesian grouping carried into French
    ("l'adresse 192.168.1.1", "fr"),
    ("de 2.5,3 pour cent", "fr"),
    ("Nilainya 1,5.2 menurut data", "id"),
    ("1.2.3.4 and 1,2,3,4.5.6", "en"),
    ("Angka 1" + "0" * 309 + " muncul", "id"),  # past float range
    ("Angka " + "9" * 5000 + " muncul", "id"),  # past Python's int-from-string digit limit too
    ("Angka 1" + "0" * 400 + " triliun", "id"),
])
def test_any_digit_string_parses_or_is_skipped(text: str, lang: str) -> None:
    for q in find_quantities(text, lang):
        assert all(math.isfinite(v) for v in q.values)
        assert text[q.span.start:q.span.end] == q.text
        assert q.describe()


@pytest.mark.parametrize(("stem", "lang"), [("fr-million", "fr"), ("fr-ip", "fr"), ("fr-264", "fr"),
                                            ("id-num", "en"), ("inf", "en")])
def test_number_reproducers_are_checked(capsys, stem: str, lang: str) -> None:
    code, out, err = run(capsys, "check", REPRO / f"{stem}.id.txt", REPRO / f"{stem}.{lang}.txt",
                         "--target-lang", lang, "--format", "json")
    assert code in (0, 1), err
    assert json.loads(out)["target_lang"] == lang


# --- class 2: one bad row must not kill the batch --------------------------------------------------------

@pytest.mark.parametrize(("name", "bad_id", "message"), [
    ("batch-source-null.jsonl", "source-null", "field 'source' must be a string, got null"),
    ("batch-lone-surrogate.jsonl", "lone-surrogate-escape", "lone surrogate (\\ud800"),
    ("batch-nul-row.jsonl", "line-2", "NUL byte"),  # class 9: judged per row, not the whole file
])
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_bad_row_becomes_its_error_line(capsys, tmp_path: Path, name: str, bad_id: str, message: str,
                                        jobs: str) -> None:
    out_file = tmp_path / "out.jsonl"
    code, _, _ = run(capsys, "batch", REPRO / name, "-o", out_file, "--jobs", jobs)
    records = jsonl(out_file.read_text(encoding="utf-8"))
    assert len(records) == 3 and code == 2  # every row has its line; exit 2 says some could not be checked
    assert [r for r in records if "error" in r] == [records[1]]
    assert records[1]["id"] == bad_id and message in records[1]["error"] and name in records[1]["error"]
    assert all("score" in r for r in (records[0], records[2]))


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_any_exception_in_a_row_is_that_rows_error(capsys, monkeypatch, tmp_path: Path, jobs: str) -> None:
    import mtcheck.cli.batch as cli_batch

    real = cli_batch.check_pair

    def flaky(source: str, target: str, *args, **kwargs):
        if "tiba-tiba" in source:
            raise ZeroDivisionError("a bug in some rule")
        return real(source, target, *args, **kwargs)

    monkeypatch.setattr(cli_batch, "check_pair", flaky)  # fork workers inherit it
    rows = [{"id": f"r{i}", "target_lang": "en",
             "source": f"Presiden Joko Widodo {'tiba-tiba ' if i == 1 else ''}meresmikan jalan baru di Jawa.",
             "target": "President Joko Widodo inaugurated a new road in Java."} for i in range(3)]
    src = tmp_path / "rows.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    code, out, _ = run(capsys, "batch", src, "--jobs", jobs)
    records = jsonl(out)
    assert [r["id"] for r in records] == ["r0", "r1", "r2"] and code == 2
    assert "ZeroDivisionError: a bug in some rule" in records[1]["error"]
    assert "score" in records[0] and "score" in records[2]


def test_batch_with_a_crashing_number_row_keeps_every_row(capsys) -> None:
    code, out, _ = run(capsys, "batch", REPRO / "batch-fr-1.000.000.jsonl", "--jobs", "2")
    records = jsonl(out)
    assert code in (0, 1) and len(records) == 3 and all("score" in r for r in records)


def test_a_binary_file_is_still_refused_whole(capsys, tmp_path: Path) -> None:
    png = tmp_path / "image.jsonl"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    code, out, err = run(capsys, "batch", png)
    assert code == 2 and "binary" in err and str(png) in err and out == ""


# --- class 6: batch applies check's source-language check --------------------------------------------------

def test_batch_refuses_the_source_check_refuses(capsys, tmp_path: Path) -> None:
    en = REPRO / "en-source.txt"
    code, _, err = run(capsys, "check", en, en, "--target-lang", "en")
    assert code == 2 and "must be Indonesian" in err and str(en) in err
    code, out, _ = run(capsys, "batch", REPRO / "batch-english-source.jsonl")
    [record] = jsonl(out)
    assert code == 2 and "must be Indonesian" in record["error"] and "score" not in record
