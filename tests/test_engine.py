"""The engine's own duties: suppression between rules, re-grading, target language detection."""

import pytest

from mtcheck.config import Settings, apply_table
from mtcheck.engine import check_pair, resolve_target_lang
from mtcheck.errors import InputError
from mtcheck.model import Severity

SOURCE = "Presiden Zelensky mengatakan, ia ingin melihat sekutu Kyiv menembak jatuh rudal yang digunakan Rusia."
UNTRANSLATED = SOURCE.replace("rudal", "misil")  # not a verbatim copy: found by its function words


def test_untranslated_sentence_suppresses_word_findings() -> None:
    report = check_pair(SOURCE, UNTRANSLATED, Settings(), target_lang="en")
    assert [f.code for f in report.findings] == ["MT101"]
    without = apply_table(Settings(), {"ignore": ["MT101"]}, "test")
    codes = {f.code for f in check_pair(SOURCE, UNTRANSLATED, without, target_lang="en").findings}
    # Unsuppressed, the word-level rules report what MT101 covered (Indonesian words and entity names).
    assert "MT102" in codes and codes <= {"MT102", "MT203", "MT204"}


def test_severity_override_most_specific_wins() -> None:
    settings = apply_table(Settings(), {"severity": {"MT1": "minor", "MT101": "critical"}, "fail-on": "critical"},
                           "test")
    report = check_pair(SOURCE, UNTRANSLATED, settings, target_lang="en")
    assert report.findings[0].severity is Severity.CRITICAL
    assert not report.passed and "critical" in report.gate["reasons"][0] + report.gate["reasons"][-1]


def test_target_language_detection() -> None:
    assert resolve_target_lang("President Zelensky said he wanted the allies to act now.", None) == "en"
    assert resolve_target_lang("anything", "en") == "en"
    # A wholly untranslated article is checked as English, where MT101 reports it.
    assert resolve_target_lang(SOURCE, None) == "en"


def test_target_in_another_language_is_an_input_error() -> None:
    french = ("Le président Zelensky a déclaré qu'il voulait voir les alliés de Kyiv abattre les missiles et les "
              "drones utilisés par la Russie dans ses attaques contre l'Ukraine, comme certains alliés d'Israël.")
    with pytest.raises(InputError, match="declared as 'en' but it looks like 'fr'"):
        check_pair(SOURCE, french, Settings(), target_lang="en")


def test_signature_lists_the_rules_that_ran_for_the_language() -> None:
    report = check_pair("Rutte tiba di Kyiv pada Kamis.", "吕特周四抵达基辅。", Settings(), target_lang="zh")
    # MT206 (inconsistent rendering) does not run for Chinese (see `mtcheck rules`); MT401 runs everywhere.
    assert "MT206" not in report.signature and "MT401" in report.signature and "tgt:zh" in report.signature
