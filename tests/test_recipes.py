"""The CI recipes of docs/ci.md and the pre-commit hook run as written, on the fixture articles: their
mtcheck commands parse and run, and the reports the upload steps name are written and valid."""

from __future__ import annotations

import json
import re
import shlex
import shutil
from pathlib import Path

import jsonschema
import pytest
import yaml

from mtcheck.cli import main
from tests.helpers import FIXTURES, ROOT

DOC = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
SARIF_SCHEMA = json.loads((FIXTURES / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
WAIVERS = """[[waiver]]
article = "rutte/en"
code = "MT202"
text = "Belada"
reason = "the original spells it so"
author = "dewi"
date = 2026-11-30
"""


@pytest.fixture
def repo(tmp_path: Path, monkeypatch) -> Path:
    """A newsroom repository: articles/ with the two gold articles, a waivers file; the working directory."""
    for name in ("rutte-kyiv", "komdigi-judi"):
        folder = tmp_path / "articles" / name.split("-")[0]
        folder.mkdir(parents=True)
        for f in ("id.txt", "en.txt"):
            shutil.copy(FIXTURES / "articles" / name / f, folder / f)
    (tmp_path / "mtcheck-waivers.toml").write_text(WAIVERS, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def yaml_blocks() -> list[dict]:
    return [yaml.safe_load(b) for b in re.findall(r"```yaml\n(.*?)```", DOC, re.S)]


def run_command(line: str, capsys) -> tuple[int, str]:
    argv = shlex.split(line)
    assert argv[0] == "mtcheck", line
    if argv[1] == "batch":
        argv += ["--jobs", "1"]  # the recipes use all cores; one is enough here
    code = main(argv[1:])
    return code, capsys.readouterr().out


def test_github_workflow(repo: Path, capsys) -> None:
    workflow = next(b for b in yaml_blocks() if "jobs" in b)
    steps = workflow["jobs"]["mtcheck"]["steps"]
    commands = [s["run"] for s in steps if str(s.get("run", "")).startswith("mtcheck")]
    assert len(commands) == 2
    code, out = run_command(commands[0], capsys)
    assert code == 0 and out.startswith("::")  # annotations, never failing the job
    code, _ = run_command(commands[1], capsys)
    assert code == 1  # the gold articles have major errors: the job fails
    upload = next(s for s in steps if "upload-sarif" in s.get("uses", ""))
    sarif = json.loads((repo / upload["with"]["sarif_file"]).read_text(encoding="utf-8"))
    jsonschema.validate(sarif, SARIF_SCHEMA)
    assert upload.get("if") == "always()" and workflow["permissions"]["security-events"] == "write"
    suppressed = [r for r in sarif["runs"][0]["results"] if r.get("suppressions")]
    assert [r["ruleId"] for r in suppressed] == ["MT202"]


def test_gitlab_job(repo: Path, capsys) -> None:
    job = next(b for b in yaml_blocks() if "mtcheck" in b and "script" in b["mtcheck"])["mtcheck"]
    codes = [run_command(line, capsys)[0] for line in job["script"] if line.startswith("mtcheck")]
    assert codes == [0, 1]
    reports = job["artifacts"]["reports"]
    issues = json.loads((repo / reports["codequality"]).read_text(encoding="utf-8"))
    assert issues and all({"description", "check_name", "fingerprint", "severity", "location"} <= set(i)
                          for i in issues)
    from junitparser import JUnitXml

    suite = next(iter(JUnitXml.fromfile(str(repo / reports["junit"]))))
    assert suite.tests == 2 and suite.failures == 2
    assert job["artifacts"]["when"] == "always"


def test_baseline_recipe(repo: Path, capsys) -> None:
    block = re.search(r"## Adopting on an archive.*?```sh\n(.*?)```", DOC, re.S).group(1)
    lines = [line.split("#")[0].strip() for line in block.splitlines() if line.strip()]
    assert run_command(lines[0], capsys)[0] == 0
    code, out = run_command(lines[1], capsys)
    assert code == 0 and "MT" not in out


def test_pre_commit_hook(repo: Path, capsys) -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "mtcheck")
    assert hook["language"] == "python" and hook["pass_filenames"] is False
    assert re.search(hook["files"], "articles/rutte/en.txt")
    code, out = run_command(" ".join([hook["entry"], *hook["args"]]), capsys)
    lines = out.splitlines()
    assert code == 1 and lines
    assert all(re.match(r"^articles/\w+/(en|id)\.txt:\d+:\d+: (MT\d{3}|gate failed)", line) for line in lines), lines


def test_one_article_recipe(repo: Path, capsys) -> None:
    line = re.search(r"## One article.*?```sh\n(.*?)```", DOC, re.S).group(1).strip()
    code, out = run_command(line, capsys)
    assert code == 1 and re.search(r"^articles/rutte/en\.txt:25:4: MT301 \[major\] ", out, re.M)
