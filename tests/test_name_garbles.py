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


def test_last_letter_doubled_is_a_garble_but_a_suffix_is_not() -> None:
    assert _garble_of("Johnn", "John", "en")
    assert _garble_of("Brettt", "Brett", "en")
    assert not _garble_of("Korean", "Korea", "en")
    assert not _garble_of("Europeans", "European", "en")


def test_two_edits_in_four_letters_only_in_the_names_place() -> None:
    assert not _garble_of("Jin", "John", "en")
    assert _garble_of("Jin", "John", "en", placed=True)  # "Jin F. Kennedy" for "John F. Kennedy"


def test_name_pieces_after_elision_and_hyphen() -> None:
    from mtcheck.rules.names import _name_pieces

    elisions = frozenset({"l", "d"})
    words = [w for w, _ in _name_pieces("traversera l’Arizoa, d'Ebola et KwaZulu-Natal, post-September", 0,
                                        elisions)]
    assert {"Arizoa", "Ebola", "Natal", "September"} <= set(words)
    assert "Brien" not in [w for w, _ in _name_pieces("a dit O'Brien", 0, elisions)]  # one name, not Brien


def test_neighbour_places_a_garble() -> None:
    from mtcheck.model import Span
    from mtcheck.rules.names import _placed, _source_neighbours

    source = "Presiden Donald Trump mengumumkan"
    target = "President Donald True announced"
    assert _placed(_source_neighbours(source, [(16, 21)]), target, Span(17, 21))
    assert not _placed(_source_neighbours("Trump mengumumkan", [(0, 5)]), target, Span(17, 21))
    # a lower-case neighbour places nothing ("mengumumkan" beside Trump in both would not count)
    assert not _placed(_source_neighbours("Trump mengumumkan", [(0, 5)]), "True mengumumkan", Span(0, 4))


def test_demonym_replaces_a_final_vowel_only() -> None:
    from mtcheck.rules.names import _demonym_of

    assert _demonym_of("Argentine", "Argentina")
    assert not _demonym_of("Child", "China")
    assert not _demonym_of("Parie", "Paris")


def test_widely_borne_given_names_a_letter_apart_are_variants() -> None:
    from mtcheck.rules.names import _other_form

    assert _other_form("Marie", "Maria")
    assert _other_form("Élisabeth", "Elizabeth")
    assert not _other_form("Victor", "Victoria")  # cut short: another person
    assert not _other_form("Roland", "Ronald")  # two letters off
