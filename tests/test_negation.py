"""MT704's grading: a clausal negator whose words are translated word for word is sure; a reworded one is not,
and a lone negator whose words the lexicon finds worded otherwise is not reported (docs/quality.md, round 8)."""

import pytest

from mtcheck.config import Settings
from mtcheck.engine import run_rules
from mtcheck.errors import InputError
from mtcheck.model import Severity
from mtcheck.rules.negation import NegationMismatch
from mtcheck.text.article import ArticlePair


def _check(source: str, target: str, lang: str = "en", **options: str) -> list:
    return run_rules(ArticlePair(source, target, lang), [NegationMismatch(options or None)], Settings())


def test_lost_clausal_negation_is_sure_and_takes_the_sure_severity() -> None:
    source = "Pemerintah tidak akan menaikkan harga bahan bakar minyak tahun ini."
    target = "The government will raise fuel prices this year."
    (default,) = _check(source, target)
    assert (default.confidence, default.severity) == (0.8, Severity.MINOR)
    (raised,) = _check(source, target, **{"sure-severity": "major"})
    assert (raised.confidence, raised.severity) == (0.8, Severity.MAJOR)
    assert "word for word" in raised.evidence[1]


def test_added_clausal_negation_is_sure() -> None:
    # NTREX-128 style; "not injured" translates the source's cedera
    (f,) = _check("Penyanyi utama Steven Tyler cedera akibat terjatuh dari panggung.",
                  "Lead singer Steven Tyler was not injured after he fell off stage.", **{"sure-severity": "major"})
    assert (f.confidence, f.severity) == (0.8, Severity.MAJOR)


def test_reworded_clausal_negation_is_less_sure() -> None:
    # NTREX-128 cbsnews.248471 (dev half): the negated verb (diubah, changed) is not translated word for word
    (f,) = _check("Namun, sepertinya suara Graham tidak akan dapat diubah.",
                  "Graham's vote, however, appears set in stone.", **{"sure-severity": "major"})
    assert (f.confidence, f.severity) == (0.5, Severity.MINOR)
    assert "worded differently" in f.evidence[1]


def test_lone_negator_with_an_antonym_is_not_reported() -> None:
    # NTREX-128 nytimes.184804 (dev half): keadaan yang tidak jelas = the condition of anonymity
    source = ("Pernyataan mereka diperkuat oleh analis luar yang dekat dengan pemerintahan dan juga berbicara "
              "mengenai keadaan yang tidak jelas ini.")
    target = ("Their accounts were corroborated by an outside analyst who is close to the administration and also "
              "spoke on the condition of anonymity.")
    assert _check(source, target) == []


def test_lone_negator_with_its_words_translated_is_reported_less_sure() -> None:
    (f,) = _check("Warga desa itu hidup tanpa listrik selama tiga bulan.",
                  "The villagers lived with electricity for three months.", **{"sure-severity": "major"})
    assert (f.confidence, f.severity) == (0.5, Severity.MINOR)
    assert "lone negator" in f.evidence[1]


def test_a_bad_sure_severity_is_an_input_error() -> None:
    with pytest.raises(InputError, match="sure-severity"):
        NegationMismatch({"sure-severity": "high"})
