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
    ("万亿" * 300 + "人", "zh"),  # Han scales multiplied past float range (scripts/fuzz.py, round 2)
    ("九亿" * 300, "ja"),
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


def test_a_nul_row_after_a_non_json_first_line_is_still_judged_per_row(capsys, tmp_path: Path) -> None:
    good = (REPRO / "batch-nul-row.jsonl").read_bytes().splitlines()[0]  # found by scripts/fuzz.py
    rows = tmp_path / "rows.jsonl"
    rows.write_bytes(b"not json at all\n" + good[:20] + b"\x00" + good[20:] + b"\n" + good + b"\n")
    code, out, _ = run(capsys, "batch", rows, "--jobs", "1")
    records = jsonl(out)
    assert code == 2 and len(records) == 3 and "score" in records[2]
    assert "invalid JSON" in records[0]["error"] and "NUL byte" in records[1]["error"]


# --- class 6: batch applies check's source-language check --------------------------------------------------

def test_batch_refuses_the_source_check_refuses(capsys, tmp_path: Path) -> None:
    en = REPRO / "en-source.txt"
    code, _, err = run(capsys, "check", en, en, "--target-lang", "en")
    assert code == 2 and "must be Indonesian" in err and str(en) in err
    code, out, _ = run(capsys, "batch", REPRO / "batch-english-source.jsonl")
    [record] = jsonl(out)
    assert code == 2 and "must be Indonesian" in record["error"] and "score" not in record


# --- class 4: exit 2 naming the problem, never a traceback ----------------------------------------------

def _check_sample(capsys, *extra: str | Path) -> tuple[int, str, str]:
    return run(capsys, "check", SAMPLE / "id.txt", SAMPLE / "en.txt", *extra)


def test_output_that_cannot_be_written_exits_2(capsys, tmp_path: Path) -> None:
    below_a_file = SAMPLE / "en.txt" / "x" / "out.txt"
    for out, message in [(tmp_path, "is a directory"), (below_a_file, "not a folder"),
                         (below_a_file.parent, "not a folder")]:
        code, stdout, err = _check_sample(capsys, "-o", out)
        assert code == 2 and message in err and str(out) in err and stdout == "", err
    if Path("/proc/self").is_dir():  # a folder nobody can create files in, even root
        code, _, err = _check_sample(capsys, "-o", "/proc/x.json")
        assert code == 2 and "/proc/x.json" in err
    for argv in (["demo", "-o", tmp_path], ["batch", REPRO / "batch-source-null-min.jsonl", "-o", tmp_path],
                 ["batch", REPRO / "batch-source-null-min.jsonl", "--html-dir", SAMPLE / "en.txt"]):
        code, _, err = run(capsys, *argv)
        assert code == 2 and str(argv[-1]) in err
    assert not list(tmp_path.iterdir())  # and no temporary left behind


@pytest.mark.parametrize(("name", "key"), [("bad-types.toml", "fail-under"), ("bad-types2.toml", "fail-under"),
                                           ("bad-types3.toml", "max-bytes")])
def test_config_value_of_wrong_type_names_key_and_file(capsys, name: str, key: str) -> None:
    code, out, err = _check_sample(capsys, "--config", REPRO / name)
    assert code == 2 and f"'{key}'" in err and name in err and out == ""


@pytest.mark.parametrize("table", ['fail-under = nan', 'fail-under = inf', 'fail-under = true', 'fail-under = 101',
                                   'max-bytes = 1.5', 'max-bytes = -1', 'fail-on = 3', 'severity = "major"',
                                   'rules = 1', 'rules.MT601 = 2', 'target-lang = 7'])
def test_config_values_are_type_checked(capsys, tmp_path: Path, table: str) -> None:
    config = tmp_path / "mtcheck.toml"
    config.write_text(table + "\n", encoding="utf-8")
    code, _, err = _check_sample(capsys, "--config", config)
    assert code == 2 and str(config) in err and f"'{table.split()[0]}'" in err


@pytest.mark.parametrize("value", ["nan", "NaN", "inf", "-inf", "1e400", "-5", "100.5"])
def test_fail_under_must_be_a_finite_score(capsys, value: str) -> None:
    code, out, err = _check_sample(capsys, "--fail-under", value, "--format", "json")
    assert code == 2 and "fail-under" in err and out == ""


def test_json_output_stays_strict_json(capsys) -> None:
    code, out, _ = _check_sample(capsys, "--fail-under", "0", "--fail-on", "never", "--format", "json")
    json.loads(out, parse_constant=lambda c: pytest.fail(f"non-standard JSON constant {c}"))
    assert code == 0


# --- class 5: every message names the file ------------------------------------------------------------

@pytest.mark.parametrize(("lang", "message"), [("fr", "declared as 'fr' but it looks like 'en'"),
                                               ("ko", "no language pack for 'ko'")])
def test_target_language_errors_name_the_file(capsys, lang: str, message: str) -> None:
    code, _, err = _check_sample(capsys, "--target-lang", lang)
    assert code == 2 and message in err and str(SAMPLE / "en.txt") in err


# --- class 7: FIFOs and devices are refused, not waited on -----------------------------------------------

@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="no FIFOs here")
def test_fifo_inputs_are_refused(capsys, tmp_path: Path) -> None:
    import os
    import shutil

    fifo = tmp_path / "f.txt"
    os.mkfifo(fifo)  # nobody writes to it: opening it plainly would block forever
    code, _, err = run(capsys, "check", fifo, SAMPLE / "en.txt")
    assert code == 2 and "not a regular file" in err and str(fifo) in err
    code, _, err = run(capsys, "check", SAMPLE / "id.txt", SAMPLE / "en.txt", "--config", fifo)
    assert code == 2 and str(fifo) in err
    code, _, err = run(capsys, "batch", fifo)
    assert code == 2 and "not a regular file" in err
    (tmp_path / "d" / "a").mkdir(parents=True)
    shutil.copy(SAMPLE / "id.txt", tmp_path / "d" / "a" / "id.txt")
    os.mkfifo(tmp_path / "d" / "a" / "en.txt")
    code, out, _ = run(capsys, "batch", tmp_path / "d", "--jobs", "1")
    [record] = jsonl(out)
    assert code == 2 and "not a regular file" in record["error"]


# --- class 8: nothing is overwritten ----------------------------------------------------------------------

@pytest.mark.parametrize("jobs", ["1", "2"])
def test_html_names_are_unique(capsys, tmp_path: Path, jobs: str) -> None:
    html = tmp_path / "html"
    code, out, _ = run(capsys, "batch", REPRO / "batch-html-collide.jsonl", "--html-dir", html, "--jobs", jobs)
    ids = [r["id"] for r in jsonl(out)]
    assert code in (0, 1) and len(ids) == 5 and len(set(ids)) == 4  # 'a/en', 'a_en', 'a en' and 'dup' twice
    pages = sorted(p for p in html.iterdir() if p.name != "index.html")  # index.html links them all
    assert len(pages) == 5
    index = (html / "index.html").read_text(encoding="utf-8")
    assert all(f'href="{p.name}"' in index for p in pages)
    titles = sorted(p.read_text(encoding="utf-8").split("<title>mtcheck report: ")[1].split("</title>")[0]
                    for p in pages)
    assert titles == sorted(ids)


def test_batch_output_inside_the_input_folder_is_refused(capsys, tmp_path: Path) -> None:
    import shutil

    (tmp_path / "d" / "a").mkdir(parents=True)
    for name in ("id.txt", "en.txt"):
        shutil.copy(SAMPLE / name, tmp_path / "d" / "a" / name)
    before = (tmp_path / "d" / "a" / "en.txt").read_bytes()
    for out in (tmp_path / "d" / "a" / "en.txt", tmp_path / "d" / "b" / "fr.txt"):
        code, _, err = run(capsys, "batch", tmp_path / "d", "-o", out)
        assert code == 2 and "inside the input folder" in err
    assert (tmp_path / "d" / "a" / "en.txt").read_bytes() == before
    assert not (tmp_path / "d" / "b").exists()
    code, _, _ = run(capsys, "batch", tmp_path / "d", "-o", tmp_path / "d" / "report.jsonl", "--jobs", "1")
    assert code in (0, 1) and len(jsonl((tmp_path / "d" / "report.jsonl").read_text(encoding="utf-8"))) == 1


# --- class 12: outputs honour the umask ---------------------------------------------------------------------

@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_outputs_honour_the_umask(capsys, tmp_path: Path, umask: int, mode: int) -> None:
    import os

    old = os.umask(umask)
    try:
        out, html = tmp_path / "r.json", tmp_path / "html"
        _check_sample(capsys, "-o", out, "--format", "json")
        run(capsys, "batch", REPRO / "batch-source-null.jsonl", "-o", tmp_path / "b.jsonl", "--html-dir", html,
            "--jobs", "1")
    finally:
        os.umask(old)
    for path in (out, tmp_path / "b.jsonl", *html.iterdir()):
        assert path.stat().st_mode & 0o777 == mode, path


def test_rewriting_an_output_keeps_its_mode(capsys, tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    out.write_text("old", encoding="utf-8")
    out.chmod(0o640)
    _check_sample(capsys, "-o", out, "--format", "json")
    assert out.stat().st_mode & 0o777 == 0o640 and json.loads(out.read_text(encoding="utf-8"))["score"]


# --- class 11: refuse a source only when confident ------------------------------------------------------

@pytest.mark.parametrize("text", ["Boleh pinjam ponselmu?", "Bagaimana kabar Anda?",
                                  "<div><p>Di manakah toilet?</p></div>", "Kapan kamu pulang kampung?",
                                  "Tolong tutup pintunya.", "Selamat pagi, Pak Budi!"])
def test_short_indonesian_is_never_refused(text: str) -> None:
    from mtcheck.engine import check_source_language

    note = check_source_language(text)
    assert note is None or "uncertain" in note


@pytest.mark.parametrize("n", [1, 2, 3])
def test_refused_short_sources_are_checked_with_a_note(capsys, n: int) -> None:
    code, out, _ = run(capsys, "check", REPRO / f"refuse{n}.id.txt", REPRO / f"refuse{n}.en.txt",
                         "--target-lang", "en", "--format", "json")
    report = json.loads(out)
    assert code == 0 and report["source_lang"] == "id"
    assert all("source language was uncertain" in note for note in report["notes"])
    if n > 1:  # langdetect reads these as Tagalog with certainty: the report says so
        assert report["notes"]


def test_uncertain_note_reaches_every_format(capsys) -> None:
    for fmt in ("text", "markdown", "html"):
        code, out, _ = run(capsys, "check", REPRO / "refuse2.id.txt", REPRO / "refuse2.en.txt",
                           "--target-lang", "en", "--format", fmt)
        assert code == 0 and "source language was uncertain" in out


@pytest.mark.parametrize("text", [
    "The president said on Thursday that the government would build a new road.",
    "This is the house of my father.",  # short, but English function words and langdetect agree
    "Le président a déclaré jeudi que le gouvernement construirait une nouvelle route.",
])
def test_a_plainly_foreign_source_is_still_refused(text: str) -> None:
    from mtcheck.engine import check_source_language
    from mtcheck.errors import InputError

    with pytest.raises(InputError, match="must be Indonesian"):
        check_source_language(text, "source x.txt")


# --- class 3: MT601 is linear (speed itself is measured in scripts/fuzz.py, never in a timed test) ----------

def test_unclosed_brackets_reproducer_points_at_the_sources_own_fault() -> None:
    from mtcheck.config import Selection, Settings
    from mtcheck.engine import check_pair

    source = (REPRO / "brackets-quadratic.id.txt").read_text(encoding="utf-8")
    target = (REPRO / "brackets-quadratic.en.txt").read_text(encoding="utf-8")
    report = check_pair(source, target, Settings().with_layer(Selection(select=("MT601",))), target_lang="en")
    found = [f for f in report.findings if f.code == "MT601"]
    assert len(found) == target.count("(") - target.count(")")
    first_open = source.index("(")
    assert all(f.source_span.start == first_open and "the source has the same fault" in f.message for f in found)


def test_scan_pairs_on_hostile_runs() -> None:
    from mtcheck.text.pairs import scan_pairs

    brackets = (("(", ")"), ("[", "]"))
    n = 2000
    text = "(" * n + "]" * n + "[(])" + ")" * 3
    scan = scan_pairs(text, 0, len(text), brackets)
    # The n ']' close nothing; '[(]' closes the '[' and leaves its '(' open; the four ')' close the last '('s.
    assert [m.pos for m in scan.unmatched if not m.opens] == list(range(n, 2 * n))
    assert [m.pos for m in scan.unmatched if m.opens] == [*range(n - 4), 2 * n + 1]
    assert sorted(scan.pairs) == [(n - 4, 2 * n + 6), (n - 3, 2 * n + 5), (n - 2, 2 * n + 4), (n - 1, 2 * n + 3),
                                  (2 * n, 2 * n + 2)]


# --- class 10: signals: exit 130/143 quietly, no temporaries, finished work kept ----------------------------

def _rows(tmp_path: Path, n: int) -> Path:
    rows = [{"id": f"r{i}", "target_lang": "en", "source": f"Presiden Joko Widodo meresmikan {i} jalan baru di Jawa.",
             "target": f"President Joko Widodo inaugurated {i} new roads in Java."} for i in range(n)]
    path = tmp_path / "rows.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.mark.parametrize(("stop", "status", "word"), [("KeyboardInterrupt", 130, "interrupted"),
                                                      ("Terminated", 143, "terminated")])
def test_stopped_batch_keeps_finished_records_and_no_temporaries(capsys, monkeypatch, tmp_path: Path, stop: str,
                                                                 status: int, word: str) -> None:
    import mtcheck.cli
    import mtcheck.cli.batch as cli_batch

    real = cli_batch.check_pair
    exc = KeyboardInterrupt if stop == "KeyboardInterrupt" else mtcheck.cli.Terminated

    def stop_at_third(source: str, *args, **kwargs):
        if "meresmikan 2 jalan" in source:
            raise exc
        return real(source, *args, **kwargs)

    monkeypatch.setattr(cli_batch, "check_pair", stop_at_third)
    out = tmp_path / "out" / "o.jsonl"
    code, _, err = run(capsys, "batch", _rows(tmp_path, 5), "-o", out, "--jobs", "1")
    assert code == status and err.strip().endswith(f"mtcheck: {word}")
    assert not out.exists()  # an output that looks complete would lie
    assert [r["id"] for r in jsonl((out.parent / "o.jsonl.partial").read_text(encoding="utf-8"))] == ["r0", "r1"]
    assert sorted(p.name for p in out.parent.iterdir()) == ["o.jsonl.partial"]  # no .tmp left


@pytest.mark.skipif(not hasattr(__import__("os"), "killpg"), reason="POSIX signals")
@pytest.mark.parametrize(("signame", "status"), [("SIGINT", 130), ("SIGTERM", 143)])
def test_real_signal_to_a_batch_with_workers_is_quiet(tmp_path: Path, signame: str, status: int) -> None:
    import os
    import signal
    import subprocess
    import sys

    sig = getattr(signal, signame)
    cmd = [sys.executable, "-m", "mtcheck", "batch", str(_rows(tmp_path, 60)), "--jobs", "2", "--no-progress"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        first = proc.stdout.readline()  # work is under way
        os.killpg(proc.pid, sig)  # Ctrl-C and `kill` of a service reach the whole process group
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert json.loads(first)["id"] == "r0"
    assert proc.returncode == status, err
    assert "Traceback" not in err and "Error" not in err and len(err.strip().splitlines()) <= 2


# --- found by scripts/fuzz.py: one source paragraph against a target of 100 lines ------------------------------

def test_a_target_of_many_lines_against_one_source_paragraph(capsys, tmp_path: Path) -> None:
    src, tgt = tmp_path / "a.id.txt", tmp_path / "a.en.txt"
    src.write_text("Presiden Joko Widodo meresmikan jalan baru di Jawa.\n", encoding="utf-8")
    tgt.write_text("President Joko Widodo inaugurated a new road in Java.\n" * 100, encoding="utf-8")
    code, out, _ = run(capsys, "check", src, tgt, "--target-lang", "en", "--format", "json")
    report = json.loads(out)  # was an IndexError in the aligner: no path inside its band
    assert code in (0, 1) and len(report["alignment"]) == 100


def test_batch_lines_hold_no_character_other_readers_take_for_a_line_end(capsys, tmp_path: Path) -> None:
    rows = tmp_path / "rows.jsonl"
    row = {"id": "a\u2028b\u2029c\x85d", "source": "Presiden Joko Widodo\u2028meresmikan jalan baru di Jawa.",
           "target": "President Joko Widodo\u2028inaugurated a new road in Java.", "target_lang": "en"}
    rows.write_text(json.dumps(row, ensure_ascii=False) + "\n" + json.dumps({"id": "b\u2028"}) + "\n",
                    encoding="utf-8")
    code, out, _ = run(capsys, "batch", rows, "--jobs", "1")
    assert len(out.splitlines()) == 2  # str.splitlines, like JavaScript, breaks at U+2028, U+2029 and NEL
    records = [json.loads(line) for line in out.splitlines()]
    assert records[0]["id"] == row["id"] and "error" in records[1] and code == 2
