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


# FLORES-200 devtest wikibooks/0472 in Arabic, with Antoinette's rendering garbled (أنطوانيت -> أنطوانت) as
# scripts/inject.py does: the source's Raja (king) is translated, الملك, and the matcher took الرجوع
# ("the return") for its rendering, which MT201 offered as the correction of the crowd's غوغاء.
RAJA_SOURCE = (
    "Raja Louis XVI yang ketakutan, Ratu Marie Antoinette, dua anak kecil mereka (Marie Therese yang berusia 11 "
    "tahun dan Louis-Charles yang berusia empat tahun) dan saudara perempuan Raja, Madam Elizabeth, pada tanggal 6 "
    "Oktober 1789 dipaksa kembali ke Paris dari Versailles oleh massa wanita pasar. Dengan gerbong, mereka "
    "melakukan perjalanan kembali ke Paris dengan dikelilingi oleh kerumunan orang yang berteriak dan menyerukan "
    "ancaman terhadap Raja dan Ratu. Kerumunan massa memaksa Raja dan Ratu agar membuka lebar-lebat jendela kereta "
    "mereka.\n\nPada satu titik, salah seorang anggota gerombolan tersebut mengibarkan kepala milik pengawal "
    "kerajaan yang terbunuh di Versailles di hadapan sang Ratu yang ketakutan.")
RAJA_TARGET = (
    "مرعوبين، أُجبر الملك لويس السادس عشر والملكة ماري أنطوانت وطفلاهما الصغيران (ماري تيريزذات الـ11 عاماً "
    "ولويس تشارلز ذو الأربع أعوام) وأخت الملك، السيدة إليزابيث، في السادس من أكتوبر عام 1789، على الرجوع من "
    "فرساي إلى باريس بواسطة حشد من غوغاء نسوة السوق. سافروا عودةً إلى باريس في عربة يحيط بهم حشد كبير من الناس "
    "الذين يصرخون ويهتفون ضد الملك والملكة. تمكنت مجموعة من الجماهير من إجبار الملك والملكة على فتح نوافذ "
    "سيارتهم على مصراعيها.\n\nقام أحد أفراد العصابة في وقت ما بالتلويح برأس أحد أفراد الحرس الملكي المقتولين "
    "في فرساي أمام الملكة المذعورة.")


def test_no_ordinary_word_offered_as_a_names_rendering() -> None:
    findings = run_rule("MT201", RAJA_SOURCE, RAJA_TARGET, "ar")
    assert findings, "the near miss of Raja is still shown, for review"
    assert "رجوع" not in {f.suggestion for f in findings}
    assert all("رجوع" not in f.message for f in findings)


@pytest.mark.parametrize(("rendering", "times", "ordinary"), [
    ("رجوع", 1, True),  # "return", zipf 3.8, once
    ("مكة", 1, True),  # Mecca, written once where Makau (Macau) is named
    ("ترامب", 3, False),  # Trump: common, but written as often as the source names him
    ("ترامب", 6, True),  # written twice as often as named: the word, not this name's rendering
    ("نيوجيني", 1, False),  # a rendering unknown to the word list, used once
])
def test_ordinary_word(rendering: str, times: int, ordinary: bool) -> None:
    from mtcheck.model import Span
    from mtcheck.rules.names_script import _ordinary_word
    from mtcheck.text.renderings import NameWord

    said = (Span(0, 5), Span(10, 15), Span(20, 25))  # the source names the name three times
    word = NameWord("Trump", said[0], "Donald Trump", (), said)
    text = " ".join([rendering] * times)
    assert _ordinary_word(text, rendering, times, word, "ar") is ordinary
