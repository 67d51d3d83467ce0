"""Lexical coverage (mtcheck/text/coverage.py) and the lexicon builder (scripts/build_lexicon.py)."""

import sys
from pathlib import Path

import pytest

from mtcheck.text.coverage import coverage, lexical_cost, lexicon, source_terms, source_words, stem, target_tokens
from mtcheck.text.segment import Segment

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))


def test_stem_joins_a_word_family_and_leaves_short_words() -> None:
    assert stem("dijadwalkan") == stem("menjadwalkan") == stem("jadwal") == "jadwal"
    assert stem("keputusan") == stem("putus")
    assert stem("makan") == "makan"  # "mak" would be too short to mean anything
    assert stem("anak-anak") == "anak-anak"


def test_source_words_skip_function_words_and_the_possessive() -> None:
    words = source_words("Rumahnya yang besar di Bogor dan kantor pemerintah")
    assert "yang" not in words and "dan" not in words
    assert "rumah" in words and "bogor" in words


def test_target_tokens_by_script() -> None:
    assert {"gover", "rain"} <= target_tokens("The Government said rain")
    assert "gouve" in target_tokens("Le gouvernement")  # accents folded, cut to five letters
    assert {"政府", "府表", "表示"} <= target_tokens("政府表示")
    ja = target_tokens("政府が発表した")
    assert "政府" in ja and "した" not in ja  # hiragana pairs are endings, not content
    assert "حكومة" in target_tokens("والحكومة")  # wa- and al- off


def test_coverage_counts_known_words_and_words_kept_as_written() -> None:
    lex = {"hujan": frozenset({"rain"}), "banjir": frozenset({"flood"})}
    terms = source_terms("Hujan deras menyebabkan banjir di Bekasi")
    c = coverage(terms, target_tokens("Heavy rain hit Bekasi"), lex)
    # hujan covered, banjir known but not covered, Bekasi written as such; deras/menyebabkan unknown
    assert (c.known, c.covered) == (3, 2)
    assert c.share == pytest.approx(2 / 3)


def test_lexical_cost_prices_a_wrong_pairing() -> None:
    lex = lexicon("en")
    source = "Pemerintah menaikkan harga bahan bakar minyak pekan lalu."
    right, wrong = "The government raised fuel prices last week.", "The cat slept all day on the sofa."
    target = right + " " + wrong
    cost = lexical_cost(lex, source, target)
    src = [Segment(0, len(source), source, 0, 0)]
    assert cost(src, [Segment(0, len(right), right, 0, 0)]) == 0.0
    assert cost(src, [Segment(len(right) + 1, len(target), wrong, 0, 1)]) > 1.0


@pytest.mark.parametrize(("lang", "token"), [("en", "gover"), ("fr", "gouve"), ("zh", "政府"), ("ja", "政府"),
                                             ("ar", "حكومة")])
def test_shipped_lexicons_translate_a_common_word(lang: str, token: str) -> None:
    assert token in lexicon(lang)[stem("pemerintah")]


def test_builder_learns_a_translation_from_cooccurrence() -> None:
    from build_lexicon import build

    rows = [("hujan turun di kota", "rain fell in the city"), ("hujan deras sekali", "very heavy rain"),
            ("kota besar itu", "that big city"), ("kota tua", "the old city")] * 2
    lex = build(rows)
    assert lex["hujan"][0][0] == "rain"
    assert lex["kota"][0][0] == "city"


def test_source_word_spans_remembered_answer_as_computed() -> None:
    """The words' keys are remembered across calls (text/coverage.py `_KEYS`): asked twice, and asked after
    another text, a text's words are those computed afresh from their definition."""
    import re

    from mtcheck.text import coverage as cv

    text = "Rumahnya di Bogor dijadwalkan; keputusannya BESAR, anak-anak dan yang lain-lain. İstanbul"

    def fresh(t: str) -> list[tuple[int, int, str]]:
        out = []
        for m in re.finditer(r"[^\W\d_]+(?:-[^\W\d_]+)*", t):
            w = m.group().lower()
            if len(w) > 6 and w.endswith("nya"):
                w = w[:-3]
            if len(w) >= cv.MIN_SOURCE and w not in cv._stop_words():
                out.append((m.start(), m.end(), cv.stem(w)))
        return out

    cv._KEYS.clear()
    first = cv.source_word_spans(text)
    assert first == fresh(text) and cv._KEYS
    assert cv.source_word_spans(text) == first
    assert cv.source_word_spans(text, 12, 40) == [w for w in fresh(text[:40]) if w[0] >= 12]
