"""CLI hygiene: --quiet, --exit-zero, --statistics, FORCE_COLOR/NO_COLOR, the batch summary's failed
articles, `mtcheck config` and the README's configuration example in both file kinds."""

from __future__ import annotations

import argparse
import json
import re
import shutil
from pathlib import Path

import pytest

from mtcheck.cli import main, use_colour
from mtcheck.config import load_settings
from tests.helpers import FIXTURES, ROOT

SAMPLE = FIXTURES / "articles" / "rutte-kyiv"
BATCH = FIXTURES / "batch" / "small.jsonl"
PAIR = (str(SAMPLE / "id.txt"), str(SAMPLE / "en.txt"))


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_quiet_prints_the_report_and_nothing_else(capsys) -> None:
    code, out, err = run(capsys, "demo", "--quiet", "--format", "concise")
    assert code == 0 and err == "" and out.count("\n") == 5  # four findings and the gate's verdict
    _, out, err = run(capsys, "batch", str(BATCH), "--jobs", "1", "-q")
    assert err == "" and len(out.splitlines()) == 6
    _, _, err = run(capsys, "batch", str(BATCH), "--jobs", "1")
    assert "mtcheck batch: 6 articles" in err


def test_exit_zero_keeps_input_errors(capsys, tmp_path: Path) -> None:
    assert run(capsys, "check", *PAIR, "--fail-on", "minor")[0] == 1
    assert run(capsys, "check", *PAIR, "--fail-on", "minor", "--exit-zero")[0] == 0
    assert run(capsys, "check", *PAIR, "--exit-zero", "--fail-on", "sometimes")[0] == 2
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe")
    assert run(capsys, "check", PAIR[0], str(tmp_path / "bad.txt"), "--exit-zero")[0] == 2


def test_statistics_counts_per_rule_code(capsys, tmp_path: Path) -> None:
    code, out, _ = run(capsys, "check", *PAIR, "--statistics")
    rows = [line.split("\t") for line in out.splitlines()]
    assert code == 1 and {r[1] for r in rows} == {"MT202", "MT301", "MT502", "MT601"}
    assert all(r[0].strip() == "1" for r in rows) and ["1", "MT301", "pronoun-gender-mismatch", "[major]"] in rows
    report = tmp_path / "r.json"
    _, out, _ = run(capsys, "batch", str(BATCH), "--jobs", "1", "--statistics", "-o", str(report))
    assert [line.split("\t")[:2] for line in out.splitlines()] == [["1", "MT101"], ["1", "MT601"]]
    assert len(report.read_text(encoding="utf-8").splitlines()) == 6  # the report still goes to -o
    _, out, _ = run(capsys, "check", *PAIR, "--statistics", "--format", "json")
    assert {r["code"]: r["count"] for r in json.loads(out)}["MT502"] == 1


@pytest.mark.parametrize(("env", "flag", "tty", "expected"), [
    ({}, "auto", False, False),
    ({}, "auto", True, True),
    ({"FORCE_COLOR": "1"}, "auto", False, True),
    ({"FORCE_COLOR": "0"}, "auto", False, False),
    ({"FORCE_COLOR": ""}, "auto", False, False),
    ({"NO_COLOR": "1"}, "auto", True, False),
    ({"NO_COLOR": ""}, "auto", True, True),  # no-color.org: set *and not empty*
    ({"NO_COLOR": "1", "FORCE_COLOR": "1"}, "auto", False, False),
    ({"NO_COLOR": "1"}, "always", False, True),
    ({"FORCE_COLOR": "1"}, "never", True, False),
])
def test_colour_environment(env: dict, flag: str, tty: bool, expected: bool) -> None:
    class Stream:
        def isatty(self) -> bool:
            return tty

    assert use_colour(argparse.Namespace(color=flag), Stream(), env) is expected


def test_force_color_colours_piped_output(capsys, monkeypatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("FORCE_COLOR", "1")
    _, out, _ = run(capsys, "check", *PAIR)
    assert "\033[" in out
    monkeypatch.delenv("FORCE_COLOR")
    _, out, _ = run(capsys, "check", *PAIR)
    assert "\033[" not in out


def test_batch_summary_lists_failed_articles_with_score_and_reasons(capsys, tmp_path: Path) -> None:
    rows = [json.loads(line) for line in BATCH.read_text(encoding="utf-8").splitlines()[:2]]
    bad = {**rows[1], "id": "bracket-strict"}
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in [*rows, bad]) + "\n", encoding="utf-8")
    code, _, err = run(capsys, "batch", str(path), "--jobs", "1", "--fail-on", "minor")
    failed = [line for line in err.splitlines() if line.strip().startswith("failed:")]
    assert code == 1 and len(failed) == 2
    assert re.match(r"^\s*failed: bracket-strict\s+\d+\.\d\s+.*minor or above \(MT601\)$", failed[0]), failed


def test_config_prints_effective_settings_and_their_origin(capsys, tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "mtcheck.toml").write_text('fail-on = "major"\nignore = ["MT604"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "config", "--fail-under", "80", "--format", "json")
    data = json.loads(out)
    settings = data["settings"]
    assert code == 0 and data["config_file"].endswith("mtcheck.toml")
    assert settings["fail-on"] == {"value": "major", "from": str(tmp_path / "mtcheck.toml")}
    assert settings["fail-under"] == {"value": 80.0, "from": "command line"}
    assert settings["max-bytes"]["from"] == "default"
    assert "MT604" not in settings["enabled rules"]["value"] and "MT601" in settings["enabled rules"]["value"]
    assert "ignore: " in settings["enabled rules"]["from"]
    _, out, _ = run(capsys, "config", "--fail-under", "80")
    assert re.search(r"^fail-under\s+= 80\.0  # command line$", out, re.M)
    assert re.search(r"^max-bytes\s+= 1000000  # default$", out, re.M)


def _readme_example() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Configuration", 1)[1]
    return re.search(r"```toml\n(.*?)```", section, re.S).group(1)


def test_readme_config_example_works_in_pyproject_and_in_mtcheck_toml(tmp_path: Path) -> None:
    example = _readme_example()
    assert example.startswith("[tool.mtcheck]\n")
    as_mtcheck_toml = example.replace("[tool.mtcheck]\n", "", 1).replace("[tool.mtcheck.", "[")
    loaded = []
    for name, text in (("pyproject.toml", example), ("mtcheck.toml", as_mtcheck_toml)):
        folder = tmp_path / name.split(".")[0]
        folder.mkdir()
        (folder / name).write_text(text, encoding="utf-8")
        (folder / "house-terms.tsv").write_text("id\ten\tkind\nDinas Kominfo\tCommunication and Informatics "
                                                "Office|Diskominfo\tagency\n", encoding="utf-8")
        shutil.copy(FIXTURES / "waivers" / "example.toml", folder / "mtcheck-waivers.toml")
        settings = load_settings(folder / name)
        loaded.append(settings)
        assert settings.target_lang == "en" and settings.rule_options["MT103"] == {"min-words": 40}
        assert settings.waivers and settings.glossary
    a, b = loaded
    assert (a.layers, a.severity, a.fail_under, a.fail_on, a.boilerplate) == \
           (b.layers, b.severity, b.fail_under, b.fail_on, b.boilerplate)


def test_tool_table_in_mtcheck_toml_is_explained(tmp_path: Path, capsys) -> None:
    (tmp_path / "mtcheck.toml").write_text(_readme_example(), encoding="utf-8")
    code, _, err = run(capsys, "config", "--config", str(tmp_path / "mtcheck.toml"))
    assert code == 2 and "drop the '[tool.mtcheck]' header" in err
