"""Issue 13: number words compared with each other, the value 1 and ordinals read, impossible times, every
MT401 finding at a target span, and the number conventions found wrong on clean text."""

import math

from mtcheck.text.article import ArticlePair
from mtcheck.text.number_match import match_quantities
from mtcheck.text.quantities import find_quantities


def _read(text: str, lang: str) -> list[tuple[str, str, float]]:
    return [(q.text, q.kind, q.value) for q in find_quantities(text, lang)]


def test_pertama_and_ordinals_are_read() -> None:
    assert ("pertama", "ordinal", 1.0) in _read("Ini kemenangan pertama mereka.", "id")
    assert ("kedua", "ordinal", 2.0) in _read("kekalahan kedua bagi Gerrard", "id")
    assert ("sixième", "ordinal", 6.0) in _read("pour la sixième fois", "fr")
    assert ("二", "ordinal", 2.0) in _read("第二次会议", "zh")
    assert ("الثالث", "ordinal", 3.0) in _read("في اليوم الثالث", "ar")


def test_once_or_twice_is_no_three() -> None:
    assert all(v != 3.0 for _, _, v in _read("satu dua kali setahun", "id"))


def test_impossible_time_is_a_time_that_matches_nothing() -> None:
    (q,) = find_quantities("found at 7.65am with stab wounds", "en")
    assert q.kind == "time" and q.impossible and math.isnan(q.value)
    assert "no such time" in q.describe()
    assert find_quantities("pukul 14.70 WIB", "id")[0].impossible


def test_cjk_times_with_spaces_and_durations() -> None:
    assert _read("晚上 10 点到 11 点", "zh") == [("10 点", "time", 600.0), ("11 点", "time", 660.0)]
    assert _read("周六下午5：30", "zh")[-1] == ("5：30", "time", 330.0)
    assert all(k != "time" for _, k, _ in _read("24時間営業", "ja"))
    assert all(k != "time" for _, k, _ in _read("pendant 24 heures", "fr"))


def test_attached_scale_words_and_livres() -> None:
    assert [q.value for q in find_quantities("£11juta dan Rp1,5triliun", "id")] == [11e6, 1.5e12]
    (q,) = find_quantities("9 milliards de livres", "fr")
    assert q.value == 9e9 and q.unit is not None and q.unit.name == "GBP"


def _changed(source: str, target: str, lang: str = "en") -> list[tuple[str, str]]:
    return [(s.text, t.text) for s, t in match_quantities(ArticlePair(source, target, lang)).changed]


def test_word_number_replaced_by_another_is_changed() -> None:
    assert _changed("Mereka terjebak selama empat hari di gunung.",
                    "They were stranded for two days on the mountain.") == [("empat", "two")]
    assert _changed("Kami menjalani salah satu momen terbaik.", "We lived through two of our best moments.") \
        == [("satu", "two")]


def test_word_number_rephrased_is_not_changed() -> None:
    assert _changed("Kedua negara menandatangani tiga perjanjian pada 2019.",
                    "Both countries signed three agreements in 2019.") == []


def test_missing_number_points_at_the_aligned_target_sentence() -> None:
    pair = ArticlePair("NATO mengirimkan 40 miliar euro bantuan.", "NATO sent billions of euros in aid.", "en")
    m = match_quantities(pair)
    (s,) = m.missing
    assert m.aligned[id(s)].start == 0 and m.aligned[id(s)].end == len(pair.target)


def test_issue13_conventions_still_open_last_round() -> None:
    # Babel's abbreviated Japanese months equal the full ones: no empty alternative, so a bare number is no date.
    from mtcheck.text.dates import find_dates

    assert find_dates("彼は5 人と会った。", "ja") == []
    assert [d.weekday for d in find_dates("日曜に到着した", "ja")] == [6]
    # Durations are no clock times; spaces inside CJK times are.
    assert all(k != "time" for _, k, _ in _read("selama 24 jam penuh", "id"))
    assert _read("午前 11 時に", "ja") == [("11 時", "time", 660.0)]
    # An Indonesian point decimal is a number, with a clock reading only as a second chance.
    (era,) = find_quantities("ERA 2.53", "id")
    assert (era.kind, era.value, era.clock) == ("number", 2.53, 173.0)


def test_vague_magnitudes_never_meet_years() -> None:
    from mtcheck.text.quantities import same_quantity

    (ribu,) = [q for q in find_quantities("beberapa ribu warga", "id") if q.magnitude]
    (year,) = find_quantities("in 2020", "en")
    assert not same_quantity(ribu, year)
    assert [q.text for q in find_quantities("数千名居民", "zh") if q.magnitude] == ["千"]


def test_roman_centuries_and_compound_ordinals() -> None:
    assert ("XVIe", "ordinal", 16.0) in _read("au XVIe siècle", "fr")
    assert ("twenty-fourth", "ordinal", 24.0) in _read("finished twenty-fourth", "en")
    assert ("الخامس والعشرين", "ordinal", 25.0) in _read("عيد ميلاده الخامس والعشرين", "ar")
    assert ("kedua belas", "ordinal", 12.0) in _read("abad kedua belas", "id")


def test_arabic_number_words() -> None:
    assert _read("ثلاثة ملايين سائح", "ar") == [("ثلاثة ملايين", "number", 3e6)]
    assert [(q.value, q.unit.name) for q in find_quantities("خمسين في المائة", "ar")] == [(50.0, "%")]
    assert _read("أكثر من 30،000 كوري", "ar")[0][2] == 30000.0
