"""The engine's suppression: a suppressing rule's finding drops another rule's finding on the same text, and
only where it is as grave. MT502 points at the whole aligned target sentence, where its clause's translation
belongs, so it suppresses by the clause's source text alone: a figure changed in another clause of that
sentence is MT401's, and a minor "part of it may be missing" hides no major number."""

from __future__ import annotations

from mtcheck.config import Settings
from mtcheck.engine import check_pair


def _codes(source: str, target: str) -> list[tuple[str, str, str]]:
    report = check_pair(source, target, Settings(), target_lang="en")
    return [(f.code, f.severity.value, target[f.target_span.start:f.target_span.end] if f.target_span else "")
            for f in report.findings]


def test_a_clause_dropped_hides_no_figure_changed_in_the_clause_kept() -> None:
    source = ("Sebanyak 1.200 keluarga mengungsi akibat banjir di Depok, sementara Wali Kota Mohammad Idris meninjau "
              "lokasi di Kelurahan Cilodong bersama Kapolres Imam Imanuddin.")
    found = _codes(source, "As many as 2,100 families were displaced by the flood in Depok.")
    assert ("MT502", "major", "As many as 2,100 families were displaced by the flood in Depok.") in found
    assert ("MT401", "major", "2,100") in found


def test_a_figure_of_the_clause_dropped_is_the_clause_finding() -> None:
    # 34 went with its clause: one finding, the omission's (MT401's "missing" is the same evidence)
    source = ("Gempa berkekuatan 6,2 melanda Sulawesi Barat pada Jumat dini hari, dan Badan Nasional Penanggulangan "
              "Bencana mencatat 34 orang tewas di Majene dan Mamuju.")
    found = _codes(source, "A magnitude 6.2 earthquake struck West Sulawesi early on Friday.")
    assert [c for c, _, _ in found] == ["MT502"]


def test_a_minor_omission_hides_no_major_number() -> None:
    source = ("Dinas sosial menyalurkan bantuan beras dan selimut kepada 250 keluarga korban banjir bandang yang "
              "rumahnya rusak berat pekan lalu.")
    found = _codes(source, "The office gave aid to 520 families.")
    assert ("MT502", "minor", "The office gave aid to 520 families.") in found
    assert ("MT401", "major", "520") in found
    # the same sentence translated in full: neither
    assert _codes(source, "The social affairs office distributed rice and blankets to 250 families affected by "
                          "the flash flood whose houses were badly damaged last week.") == []


def test_a_year_changed_is_the_number_finding_not_a_clause_lost() -> None:
    # NTREX-128 newsweek.51331 with its year changed (the test half's injected row): MT502 called "Pada tahun
    # 2016" missing and, as its suppressor, hid MT401's "2016 -> 2816"
    source = "Pada tahun 2016, seekor babi menyerang seorang wanita dan suaminya di ladang mereka di Massachusetts."
    found = _codes(source, "In 2816, a pig attacked a woman and her husband at their farm in Massachusetts.")
    assert [c for c, _, _ in found] == ["MT401"]
    assert ("MT401", "major", "2816") in found
