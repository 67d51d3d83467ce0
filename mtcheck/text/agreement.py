"""(Arabic) The gender a past-tense verb states of its subject: فاز (he won) / فازت (she won).

Arabic marks a third-person singular subject's gender on the verb, and puts the verb first (verb, subject,
object): "فاز الملازم العقيد برنارد فان بالجائزة" says Bernard Vann is a man whatever pronouns follow. A
translation that calls someone "she" once among such verbs contradicts itself. No morphological analyser is
installed, so a word counts as a perfect verb by its paradigm in wordfreq: the masculine form and the same
form with the feminine ت are both frequent words (فاز 4.75, فازت 4.38; اعترف, اعترفت). Nouns rarely come in
such pairs; the short ones that do (بن/بنت son/daughter, بي/بيت, أن/أنت that/you, ما/مات) are kept out by
length: a masculine form of three letters or more, a feminine of four or more.
"""

from __future__ import annotations

import re

from mtcheck.text.lexicon import zipf

_MARKS = re.compile("[\u064B-\u0652\u0640]")  # short vowels, shadda, sukun, tatweel: wordfreq's words have none


def perfect_verb_gender(word: str, lang: str, min_zipf: float, not_verbs: frozenset[str] = frozenset()
                        ) -> str | None:
    """'m' or 'f' where `word` (with و or ف before it) is a third-person singular perfect verb by the paradigm
    test above, each form at least `min_zipf` frequent; None for anything else (a noun, a definite word, a
    word of `not_verbs`)."""
    w = _MARKS.sub("", word)
    # the word whole (وصل, he arrived), else without the conjunction on it (وفاز, and he won)
    for form in (w, w[1:]) if w[:1] in "وف" and len(w) > 3 else (w,):
        g = _paradigm(form, lang, min_zipf, not_verbs)
        if g is not None:
            return g
    return None


def _paradigm(w: str, lang: str, min_zipf: float, not_verbs: frozenset[str]) -> str | None:
    if w.startswith("ال") or w in not_verbs:
        return None
    if w.endswith("ت") and len(w) >= 4:
        masc, fem, g = w[:-1], w, "f"
    elif len(w) >= 3:
        masc, fem, g = w, w + "ت", "m"
    else:
        return None
    if masc in not_verbs or zipf(masc, lang) < min_zipf or zipf(fem, lang) < min_zipf:
        return None
    return g
