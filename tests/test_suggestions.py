"""Suggestions are written in the target language, never copied from the Indonesian source."""

from __future__ import annotations

import re

import pytest

from tests.helpers import load_rule_cases, run_rule, strip_markers

# Indonesian calendar and number words a suggestion must never hand to a translation.
INDONESIAN = {"senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu", "januari", "februari", "maret",
              "mei", "juni", "juli", "agustus", "oktober", "desember", "ribu", "juta", "miliar", "triliun",
              "rp", "persen", "pukul", "belanda", "jepang"}


@pytest.mark.parametrize(("source", "target", "lang", "code", "suggestion"), [
    ("Rutte tiba di Kyiv pada Kamis (3/10) untuk bertemu Zelensky.",
     "Rutte arrived in Kyiv on Friday (3/10) to meet Zelensky.", "en", "MT403", "Thursday, October 3"),
    ("Rutte tiba di Kyiv pada Kamis (3/10) untuk bertemu Zelensky.",
     "Rutte est arrivé à Kyiv le vendredi (3/10) pour rencontrer Zelensky.", "fr", "MT403", "jeudi 3 octobre"),
    ("Pemerintah mengalokasikan Rp 2,8 miliar untuk 1.200 keluarga korban banjir.",
     "Le gouvernement a alloué 2,8 millions IDR à 1 200 familles touchées par les inondations.", "fr", "MT401",
     "2,8 milliards IDR"),
    ("Pemerintah mengalokasikan Rp 2,5 miliar untuk 1.200 keluarga korban banjir.",
     "The government allocated IDR 2.5 million for 1,200 families affected by the flood.", "en", "MT401",
     "IDR 2.5 billion"),
    ("Proyek itu bernilai Rp 5 miliar.", "The project is worth $5 billion.", "en", "MT404", "IDR 5 billion"),
    ("Rutte adalah mantan Perdana Menteri Belada itu.", "Rutte is the former Belada Prime Minister.", "en",
     "MT202", "Netherlands"),
    ("Rutte adalah mantan Perdana Menteri Belada itu.", "Rutte est l'ancien Premier ministre Belada.", "fr",
     "MT202", "Pays-Bas"),
    # Names in the target's script (issue 18).
    ("Presiden Namibia tiba di Jakarta.", "ミビア大統領がジャカルタに到着した。", "ja", "MT201", "ナミビア"),
    ("Presiden Namibia tiba di Jakarta.", "纳比亚总统抵达雅加达。", "zh", "MT201", "纳米比亚"),
    ("Presiden Namibia tiba di Jakarta.", "وصل رئيس اميبيا إلى جاكرتا.", "ar", "MT201", "ناميبيا"),
    ("Sekjen NATO Mark Rutte bertemu Presiden Zelensky di Kyiv.",
     "キーウでNATOのマーク・ルッケ事務総長がゼレンスキー大統領と会談した。", "ja", "MT201", "ルッテ"),
    ("Menteri Herman Halushchenko tiba di Kyiv.", "The German minister Halushchenko arrived in Kyiv.", "en",
     "MT208", "Herman"),
    ("Menurut Jens Stoltenberg, aliansi itu harus bersatu.", "According to him, the alliance must stay united.",
     "en", "MT205", "Jens Stoltenberg"),
])
def test_suggestion_in_the_target_language(source: str, target: str, lang: str, code: str,
                                           suggestion: str) -> None:
    findings = run_rule(code, source, target, lang)
    assert [f.suggestion for f in findings] == [suggestion]


@pytest.mark.parametrize("target", [
    "President Zelenskyy welcomed Rutte. Zelensky asked for more weapons.",
    "President Zelensky welcomed Rutte. Zelenskyy asked for more weapons.",
])
def test_inconsistent_rendering_suggests_the_attested_spelling_whichever_comes_first(target: str) -> None:
    source = "Presiden Zelensky menyambut Rutte. Zelensky meminta lebih banyak senjata."
    findings = run_rule("MT206", source, target)
    assert [(target[f.target_span.start:f.target_span.end], f.suggestion) for f in findings] == \
        [("Zelenskyy", "Zelensky")]


CASES = [(code, case) for code, case in load_rule_cases() if code in {"MT201", "MT202", "MT203", "MT206", "MT401",
                                                                      "MT403", "MT404"}]


@pytest.mark.parametrize(("code", "case"), CASES, ids=[f"{c}-{case['id']}" for c, case in CASES])
def test_no_fixture_gets_an_indonesian_suggestion(code: str, case: dict) -> None:
    target, _ = strip_markers(case["target"])
    source, _ = strip_markers(case["source"])
    for f in run_rule(code, source, target, case.get("target-lang", "en")):
        if f.suggestion and f.target_span:
            words = {w.lower() for w in re.findall(r"\w+", f.suggestion)}
            assert not words & INDONESIAN, (f.code, f.suggestion)
