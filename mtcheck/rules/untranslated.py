"""MT1xx: Indonesian left in the translation."""

from __future__ import annotations

import re
from collections.abc import Iterator

from mtcheck.lang.base import data_lines, latin_words
from mtcheck.lang.id import STRONG_WORDS
from mtcheck.model import Category, Finding, Severity, Span
from mtcheck.rules.base import Rule
from mtcheck.text.article import ArticlePair
from mtcheck.text.langid import sentence_is_indonesian
from mtcheck.text.lexicon import zipf

_SPACE = re.compile(r"\s+")
_KEPT = frozenset(data_lines("id", "kept_terms.txt"))  # bakso, batik, wayang: kept on purpose


def _normalised(text: str) -> str:
    # str.split() splits at the characters re's \s matches (str.isspace) and drops them at both ends: the
    # same string as _SPACE.sub(" ", text).strip(), without a regex pass per sentence.
    return " ".join(text.split()).casefold()


class UntranslatedSentence(Rule):
    """Target sentence still in Indonesian.

    ## What it does
    Flags a sentence of the translation that is a copy of its source sentence, or that is Indonesian by its
    function words ("yang", "dengan", "tidak" ...) or, where those are ambiguous, by langdetect (seeded).

    ## Why is this bad?
    Machine translation sometimes passes a sentence through untouched, typically a quote, a long sentence or
    the last paragraph. Readers of the English edition lose that content entirely.

    ## Example
    Source: Presiden Zelensky mengatakan ia ingin melihat sekutu Kyiv menembak jatuh rudal Rusia.
    Target: Presiden Zelensky mengatakan ia ingin melihat sekutu Kyiv menembak jatuh rudal Rusia.

    Use instead:
    Target: President Zelensky said he wanted to see Kyiv's allies shoot down Russian missiles.
    """

    code = "MT101"
    name = "untranslated-sentence"
    category = Category.UNTRANSLATED
    default_severity = Severity.MAJOR
    # Word-level and name findings inside a sentence left in Indonesian say the same thing again.
    suppresses = ("MT102", "MT201", "MT203", "MT204", "MT205", "MT206", "MT207")
    defaults = {"min-words": 4}

    def check(self, pair: ArticlePair) -> Iterator[Finding]:
        for sp in pair.sentence_pairs:
            copies = {_normalised(s.text) for s in sp.source}
            for sent in sp.target:
                # A copy counts only with ordinary words in it: names, datelines and numbers stay the same.
                # (the copy test first: the words are counted only in a copied sentence, which most are not)
                if _normalised(sent.text) in copies and sum(
                        m.group().islower() for m in latin_words(sent.text)) >= self.options["min-words"]:
                    yield self.finding("Sentence is copied from the source untranslated", source=sp.source,
                                       target=sent, confidence=0.95, evidence=("identical to source",))
                    continue
                verdict = sentence_is_indonesian(sent.text, pair.target_pack, self.options["min-words"])
                if verdict and verdict.indonesian:
                    yield self.finding(
                        f"Sentence is Indonesian, not {pair.target_pack.name}",
                        source=sp.source or None, target=sent, confidence=verdict.confidence,
                        evidence=(verdict.method + ": " + verdict.evidence,))


class IndonesianWords(Rule):
    """Indonesian words left inside a translated sentence.

    ## What it does
    Flags Indonesian function words ("yang", "dengan", "untuk", "tidak" ...) written in lower case inside a
    sentence that is otherwise in the target language. Words that are also English words or names ("dan",
    "di", "para") count only when they stand next to another Indonesian word.

    ## Why is this bad?
    A half-translated sentence ("the ministry said that the aid yang dikirim arrived") reads as garbled
    and usually hides a mistranslated clause.

    ## Example
    Source: Bantuan yang dikirim pemerintah tiba pada Kamis.
    Target: The aid yang dikirim by the government arrived on Thursday.

    Use instead:
    Target: The aid sent by the government arrived on Thursday.
    """

    code = "MT102"
    name = "indonesian-words"
    category = Category.UNTRANSLATED
    default_severity = Severity.MINOR

    @staticmethod
    def _content_word(word: str, pair: ArticlePair, strong: bool = False) -> bool:
        """A lower-case word common in Indonesian and unknown in the target language (wordfreq): "pemerintah"
        in French text. `strong`: common enough, and unknown in English too, to stand alone ("bebek")."""
        if not word.islower() or len(word) < 4 or word in _KEPT:
            return False
        src, tgt = pair.source_pack.code, pair.target_pack.code
        if zipf(word, tgt) >= 1.5 or zipf(word, src) < 3.0:
            return False
        return not strong or (zipf(word, src) >= 4.0 and zipf(word, "en") < 2.0)

    def check(self, pair: ArticlePair) -> Iterator[Finding]:
        id_words = pair.source_pack.function_words
        # Each word's answer once per article: the words of news repeat ("said", "that", "with"), and each
        # question was a call and up to two frequency look-ups.
        content: dict[str, bool] = {}
        for sp in pair.sentence_pairs:
            for sent in sp.target:
                words = latin_words(sent.text)
                # Runs of consecutive lower-case Indonesian function words.
                runs: list[list[int]] = []
                for i, m in enumerate(words):
                    w = m.group()
                    if w in id_words:
                        known = True
                    elif (asked := content.get(w)) is not None:
                        known = asked
                    else:
                        known = content[w] = self._content_word(w, pair)
                    if known:
                        if runs and runs[-1][-1] == i - 1:
                            runs[-1].append(i)
                        else:
                            runs.append([i])
                for run in runs:
                    found = [words[i].group() for i in run]
                    if not any(w in id_words for w in found) and not all(self._content_word(w, pair, strong=True)
                                                                         for w in found):
                        continue  # content words alone only when unmistakably Indonesian
                    if len(run) < 2 and found[0] not in STRONG_WORDS and not self._content_word(
                            found[0], pair, strong=True):
                        continue
                    start = sent.start + words[run[0]].start()
                    end = sent.start + words[run[-1]].end()
                    yield self.finding(
                        f"Indonesian {'words' if len(run) > 1 else 'word'} '{pair.target[start:end]}' "
                        f"left in the {pair.target_pack.name} text",
                        source=sp.source or None, target=Span(start, end), confidence=0.8,
                        evidence=("Indonesian function words: " + ", ".join(found),))
