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
