"""The CI formats, each validated the way its consumer reads it: SARIF against the official schema, JUnit
with a JUnit parser, GitHub workflow commands by their grammar, GitLab Code Quality by its required keys;
and the line/column of every finding checked against the texts."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import jsonschema
import pytest
from junitparser import Error, Failure, JUnitXml

from mtcheck.cli import main
from mtcheck.locations import LineIndex
from mtcheck.model import Span
from mtcheck.registry import ALL_RULES, by_code
from tests.helpers import FIXTURES

SAMPLE = FIXTURES / "articles" / "rutte-kyiv"
BATCH = FIXTURES / "batch" / "small.jsonl"
SARIF_SCHEMA = json.loads((FIXTURES / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
WAIVER = """[[waiver]]
code = "MT202"
text = "Belada"
reason = "the original spells it so"
author = "dewi"
date = 2026-11-30

[[waiver]]
code = "MT301"
text = "she"
reason = "stale"
author = "dewi"
date = 2026-11-30
"""


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def article(tmp_path: Path) -> tuple[str, str, str]:
    """The VOI article as files with a relative-looking layout, plus a waivers file."""
    (tmp_path / "rutte").mkdir()
    shutil.copy(SAMPLE / "id.txt", tmp_path / "rutte" / "id.txt")
    shutil.copy(SAMPLE / "en.txt", tmp_path / "rutte" / "en.txt")
    (tmp_path / "waivers.toml").write_text(WAIVER, encoding="utf-8")
    return str(tmp_path / "rutte" / "id.txt"), str(tmp_path / "rutte" / "en.txt"), str(tmp_path / "waivers.toml")


def check(capsys, article, fmt: str, *extra: str) -> tuple[int, str]:
    src, tgt, waivers = article
    code, out, _ = run(capsys, "check", src, tgt, "--format", fmt, "--waivers", waivers, "--fail-on", "major",
                       "--fail-under", "90", *extra)
    return code, out


def test_line_index_counts_code_points_from_one() -> None:
    text = "Café 🇮🇩 naik\r\nbaris dua\n\n吕特周四"
    lines = LineIndex(text)
    assert lines.position(0) == (1, 1)
    assert lines.position(text.index("naik")) == (1, 9)  # é, each flag half and the emoji are one column each
    assert lines.position(text.index("baris")) == (2, 1)
    loc = lines.location(Span(text.index("周四"), len(text)))
    assert (loc.line, loc.column, loc.end_line, loc.end_column) == (4, 3, 4, 5)


def test_json_locations_point_at_the_covered_text(capsys, article) -> None:
    _, out = check(capsys, article, "json")
    report = json.loads(out)
    texts = {"source": Path(article[0]).read_text(encoding="utf-8"),
             "target": Path(article[1]).read_text(encoding="utf-8")}
    seen = 0
    for f in report["findings"]:
        for side in ("source", "target"):
            if f[f"{side}_span"] is None:
                assert f"{side}_location" not in f
                continue
            loc, lines = f[f"{side}_location"], texts[side].split("\n")
            start = sum(len(x) + 1 for x in lines[:loc["line"] - 1]) + loc["column"] - 1
            end = sum(len(x) + 1 for x in lines[:loc["end_line"] - 1]) + loc["end_column"] - 1
            assert [start, end] == f[f"{side}_span"]
            assert texts[side][start:end] == f[f"{side}_text"]
            seen += 1
    assert seen >= 6
    assert report["article"]["target_path"] == article[1]


def test_sarif_validates_against_the_official_schema(capsys, article) -> None:
    code, out = check(capsys, article, "sarif")
    sarif = json.loads(out)
    jsonschema.validate(sarif, SARIF_SCHEMA)
    assert code == 1
    run_ = sarif["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [r.code for r in ALL_RULES]
    assert all(r["shortDescription"]["text"] and r["fullDescription"]["text"] for r in rules)
    mt301 = next(r for r in rules if r["id"] == "MT301")
    # The full description is the rule's own "What it does" section, whatever its wording today.
    what_it_does = " ".join(by_code("MT301").__doc__.split("## What it does")[1].split("##")[0].split())
    assert mt301["fullDescription"]["text"].startswith(what_it_does)
    results = {r["ruleId"]: r for r in run_["results"]}
    pronoun = results["MT301"]
    assert rules[pronoun["ruleIndex"]]["id"] == "MT301" and pronoun["level"] == "warning"
    region = pronoun["locations"][0]["physicalLocation"]["region"]
    target = Path(article[1]).read_text(encoding="utf-8").split("\n")
    assert target[region["startLine"] - 1][region["startColumn"] - 1:region["endColumn"] - 1] == "her"
    assert re.fullmatch(r"[0-9a-f]{16}", pronoun["partialFingerprints"]["mtcheck/v1"])
    assert results["MT202"]["suppressions"][0]["status"] == "accepted"
    assert results["MT901"]["locations"][0]["physicalLocation"]["region"]["startLine"] == 8
    assert run_["columnKind"] == "unicodeCodePoints"


def test_sarif_for_a_batch_with_error_rows(capsys) -> None:
    code, out, _ = run(capsys, "batch", str(BATCH), "--format", "sarif", "--jobs", "1")
    sarif = json.loads(out)
    jsonschema.validate(sarif, SARIF_SCHEMA)
    invocation = sarif["runs"][0]["invocations"][0]
    assert code == 2 and not invocation["executionSuccessful"]
    assert len(invocation["toolExecutionNotifications"]) == 3
    lines = {r["ruleId"]: r["locations"][0]["physicalLocation"]["region"]["startLine"]
             for r in sarif["runs"][0]["results"]}
    assert lines == {"MT601": 2, "MT101": 7}  # the JSONL lines of rutte-p6 and untranslated


def test_junit_parses_one_case_per_article_one_failure_per_gating_finding(capsys, article, tmp_path) -> None:
    code, out = check(capsys, article, "junit")
    (tmp_path / "report.xml").write_text(out, encoding="utf-8")
    xml = JUnitXml.fromfile(str(tmp_path / "report.xml"))
    cases = [case for suite in xml for case in suite]
    assert code == 1 and len(cases) == 1
    failures = [r for r in cases[0].result if isinstance(r, Failure)]
    assert sorted(f.type for f in failures) == ["MT301", "MT502"]  # MT202 is waived, MT601/MT901 minor
    assert "MT601 [minor]" in cases[0].system_out and "[waived]" in cases[0].system_out


def test_junit_batch_reports_errors_and_score_failures(capsys, tmp_path) -> None:
    _, out, _ = run(capsys, "batch", str(BATCH), "--format", "junit", "--jobs", "1", "--fail-on", "major",
                    "--fail-under", "90")
    (tmp_path / "batch.xml").write_text(out, encoding="utf-8")
    suite = next(iter(JUnitXml.fromfile(str(tmp_path / "batch.xml"))))
    results = {case.name: [type(r).__name__ for r in case.result] for case in suite}
    assert results["rutte-p4"] == [] and results["rutte-p6"] == []
    assert results["line-4"] == ["Error"] and results["missing-target"] == ["Error"]
    untranslated = next(case for case in suite if case.name == "untranslated")
    assert [r.type for r in untranslated.result if isinstance(r, Failure)] == ["MT101", "score"]
    assert suite.tests == 6 and suite.errors == 3 and suite.failures == 1
    assert not any(isinstance(r, Error) for case in suite if case.name == "rutte-p6" for r in case.result)


GITHUB = re.compile(r"^::(error|warning|notice) file=[^,:]+,line=\d+(,col=\d+)?(,endLine=\d+)?(,endColumn=\d+)?"
                    r",title=[^,:]+::[^\r\n]+$")


def test_github_workflow_commands_follow_the_grammar(capsys, article) -> None:
    code, out = check(capsys, article, "github")
    lines = out.splitlines()
    assert code == 1 and lines and all(GITHUB.match(line) for line in lines), lines
    kinds = {line.split(" ", 1)[0] for line in lines}
    assert any("title=MT301 pronoun-gender-mismatch" in line and line.startswith("::error") for line in lines)
    assert not any("MT202" in line for line in lines)  # waived: no annotation
    assert "::notice" in kinds  # the minor bracket and MT901
    from mtcheck.report.github import command

    assert command("error", "50% done\nnext", file="a,b:c.txt") == "::error file=a%2Cb%3Ac.txt::50%25 done%0Anext"


def test_gitlab_code_quality_has_the_required_keys(capsys, article) -> None:
    _, out = check(capsys, article, "gitlab")
    issues = json.loads(out)
    assert isinstance(issues, list) and issues
    for issue in issues:
        assert {"description", "check_name", "fingerprint", "severity", "location"} <= set(issue)
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert isinstance(issue["location"]["path"], str) and issue["location"]["lines"]["begin"] >= 1
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    assert not any(i["check_name"].startswith("MT202") for i in issues)  # waived


def test_gitlab_fingerprints_unique_across_articles_with_the_same_finding(capsys, tmp_path) -> None:
    row = json.loads(BATCH.read_text(encoding="utf-8").splitlines()[1])
    jsonl = tmp_path / "twice.jsonl"
    jsonl.write_text("\n".join(json.dumps({**row, "id": i}) for i in ("a", "b")) + "\n", encoding="utf-8")
    _, out, _ = run(capsys, "batch", str(jsonl), "--format", "gitlab", "--jobs", "1")
    issues = json.loads(out)
    assert len(issues) == 2 and issues[0]["fingerprint"] != issues[1]["fingerprint"]


CONCISE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<code>MT\d{3}|error|gate failed)")


def test_concise_one_finding_a_line(capsys, article) -> None:
    _, out = check(capsys, article, "concise")
    lines = out.splitlines()
    assert all(CONCISE.match(line) for line in lines), lines
    target = Path(article[1]).read_text(encoding="utf-8").split("\n")
    pronoun = next(line for line in lines if " MT301 [major] " in line)
    m = CONCISE.match(pronoun)
    assert m["path"] == article[1] and target[int(m["line"]) - 1][int(m["col"]) - 1:].startswith("her new role")
    assert re.search(r" \[[0-9a-f]{16}\]$", pronoun)  # the fingerprint a waiver can take
    assert any(line.endswith("[waived]") and " MT202 " in line for line in lines)


def test_json_schema_covers_every_batch_line_error_rows_included(capsys, tmp_path) -> None:
    from tests.helpers import ROOT

    schema = json.loads((ROOT / "mtcheck" / "report" / "schema" / "report-v1.json").read_text(encoding="utf-8"))
    _, out, _ = run(capsys, "batch", str(BATCH), "--jobs", "1")
    rows = [json.loads(line) for line in out.splitlines()]
    assert sum("error" in r for r in rows) == 3
    for r in rows:
        jsonschema.validate(r, schema)
    error = next(r for r in rows if "error" in r)
    assert error["article"]["input_line"] >= 1
    for bad in ({"id": "x"}, {"id": "x", "error": ""}, {"id": "x", "error": "e", "score": 3},
                {k: v for k, v in rows[0].items() if k != "findings"}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(bad, schema)
