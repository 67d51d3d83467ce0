"""The garble test of MT201's second pass: truncations, one or two edits, never an appended suffix."""

from mtcheck.rules.names import _garble_of


def test_truncation_by_one_or_two_letters_is_a_garble() -> None:
    assert _garble_of("Prabow", "Prabowo", "en")
    assert _garble_of("Bost", "Boston", "en")
    assert not _garble_of("Bo", "Boston", "en")  # too short to be the same name


def test_two_edits_from_five_letters_one_below() -> None:
    assert _garble_of("Mirtil", "Martin", "en")
    assert _garble_of("Jiko", "Joko", "en")
    assert not _garble_of("Jake", "Joko", "en")  # two edits in a four-letter name that make a word


def test_appended_suffix_and_other_first_letter_are_not_garbles() -> None:
    assert not _garble_of("LiverpoolFC", "Liverpool", "en")
    assert not _garble_of("Kanada", "Canada", "en")
