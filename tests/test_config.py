"""Selection precedence and config loading (see the mtcheck.config docstring)."""

from pathlib import Path

import pytest

from mtcheck.config import Settings, apply_table, find_config, load_settings
from mtcheck.errors import InputError
from mtcheck.model import Severity
from mtcheck.registry import ALL_RULES, by_code


def _enabled(*tables: dict) -> set[str]:
    settings = Settings()
    for t in tables:
        settings = apply_table(settings, t, "test")
    return {r.code for r in settings.selected_rules()}


ALL_ON = {r.code for r in ALL_RULES if r.default_enabled}
MT1 = {c for c in ALL_ON if c.startswith("MT1")}
MT6 = {c for c in ALL_ON if c.startswith("MT6")}


@pytest.mark.parametrize(("tables", "expected"), [
    ([], ALL_ON),
    ([{"select": ["MT1"]}], MT1),
    ([{"ignore": ["MT6"]}], ALL_ON - MT6),
    ([{"ignore": ["MT6"], "select": ["MT", "MT601"]}], ALL_ON - MT6 | {"MT601"}),  # specific wins
    ([{"select": ["MT601"], "ignore": ["MT601"]}], set()),  # tie: ignore wins
    ([{"ignore": ["MT1"]}, {"select": ["MT102"]}], {"MT102"}),  # later layer with select replaces
    ([{"ignore": ["MT1"]}, {"extend-select": ["MT102"]}], ALL_ON - MT1 | {"MT102"}),
])
def test_selection(tables: list[dict], expected: set[str]) -> None:
    assert _enabled(*tables) == expected


def test_off_by_default_needs_full_code(monkeypatch) -> None:
    rule = by_code("MT604")
    monkeypatch.setattr(rule, "default_enabled", False)
    assert "MT604" not in _enabled()
    assert "MT604" not in _enabled({"select": ["MT6"]})
    assert "MT604" in _enabled({"extend-select": ["MT604"]})


@pytest.mark.parametrize("table", [
    {"select": ["MT999"]}, {"ignore": ["XX"]}, {"severity": {"MT601": "fatal"}}, {"colour": True},
    {"rules": {"MT103": {"no-such-option": 1}}}, {"boilerplate": ["("]},
])
def test_bad_settings_are_input_errors(table: dict) -> None:
    with pytest.raises(InputError):
        apply_table(Settings(), table, "test").selected_rules()


def test_rule_options_and_severity() -> None:
    s = apply_table(Settings(), {"rules": {"MT103": {"min-words": 3}}, "severity": {"MT6": "major"},
                                 "fail-on": "never", "fail-under": 50}, "test")
    rule = next(r for r in s.selected_rules() if r.code == "MT103")
    assert rule.options["min-words"] == 3
    assert s.severity == {"MT6": Severity.MAJOR}
    assert s.fail_on is None and s.fail_under == 50


def test_pyproject_and_mtcheck_toml(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.mtcheck]\nignore = ["MT104"]\n', encoding="utf-8")
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    assert find_config(sub) == tmp_path / "pyproject.toml"
    assert "MT104" not in {r.code for r in load_settings(search_from=sub).selected_rules()}
    (tmp_path / "a" / "mtcheck.toml").write_text('select = ["MT6"]\n', encoding="utf-8")
    assert {r.code for r in load_settings(search_from=sub).selected_rules()} == {
        "MT601", "MT602", "MT603", "MT604"}


def test_invalid_toml_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "mtcheck.toml"
    bad.write_text("select = [", encoding="utf-8")
    with pytest.raises(InputError, match=r"mtcheck\.toml: invalid TOML"):
        load_settings(bad)


def test_neural_settings_from_a_table_and_a_flag() -> None:
    from mtcheck.config import NeuralSettings

    s = apply_table(Settings(), {"neural": {"model": "/models/labse", "device": "cpu", "batch-size": 8,
                                            "threads": 2}}, "pyproject.toml")
    assert s.neural == NeuralSettings(enabled=False, model="/models/labse", device="cpu", batch_size=8, threads=2)
    s = apply_table(s, {"neural": True}, "command line")
    assert s.neural.enabled and s.neural.model == "/models/labse"


@pytest.mark.parametrize(("value", "message"), [
    ({"modle": "x"}, "unknown neural setting"), ({"threads": 0}, "at least 1"),
    ({"device": "tpu"}, "auto, cpu or cuda"),
    ({"batch-size": "8"}, "must be an integer"), ("yes", "must be true, false or a table")])
def test_bad_neural_settings_name_the_problem(value: object, message: str) -> None:
    with pytest.raises(InputError, match=message):
        apply_table(Settings(), {"neural": value}, "pyproject.toml")
