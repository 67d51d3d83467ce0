"""text/agreement.py: the gender an Arabic past-tense verb states of its subject, by its paradigm in wordfreq."""

import pytest

from mtcheck.text.agreement import perfect_verb_gender
from mtcheck.text.pronouns import pronoun_sets

NOT = frozenset(pronoun_sets("ar")["subject_verb_not"])
ZIPF = pronoun_sets("ar")["subject_verb_zipf"]


@pytest.mark.parametrize(("word", "gender"), [
    ("فاز", "m"), ("فازت", "f"), ("وفاز", "m"), ("وفازت", "f"),  # he won, she won, with the conjunction
    ("وصل", "m"), ("وصلت", "f"), ("كان", "m"), ("وكانت", "f"), ("استقبلت", "f"), ("فقال", "m"),
])
def test_past_verbs(word: str, gender: str) -> None:
    assert perfect_verb_gender(word, "ar", ZIPF, NOT) == gender


@pytest.mark.parametrize("word", [
    "الرئيس",  # a definite noun
    "حكومة", "شركة",  # nouns with ة: no masculine form beside them
    "بنت", "بيت", "وقت", "أن", "ما",  # short words that come in pairs with a ت (بن/بنت, أن/أنت)
])
def test_not_verbs(word: str) -> None:
    assert perfect_verb_gender(word, "ar", ZIPF, NOT) is None
