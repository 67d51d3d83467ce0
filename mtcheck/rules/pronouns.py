"""MT301-MT303: he/she guessed wrong from gender-neutral Indonesian (dia, ia, beliau, -nya)."""

from __future__ import annotations

from collections.abc import Iterator

from mtcheck.model import Category, Finding, Severity
from mtcheck.rules.base import Rule
from mtcheck.text.article import ArticlePair
from mtcheck.text.pronouns import FIXED, Link, analyse_pronouns

# People are found in the translation by the spelling of their names, or in other scripts by transliteration.
_NOT_FOR: dict[str, str] = {}


def _gender_word(g: str) -> str:
    return "male" if g == "m" else "female"


def _evidence(link: Link) -> tuple[str, ...]:
    return (f"antecedent: {link.referent.person.name} ({link.how})",
            *(f"{e.kind}: {e.detail} -> {_gender_word(e.gender)}" for e in link.referent.evidence
              if e.at != link.pronoun.start))


class PronounGenderMismatch(Rule):
    """A pronoun that contradicts the known gender of the person it refers to.

    ## What it does
    Finds the people of the source (names, titles) and their mentions in the translation, links each
    he/him/his/she/her to the most likely person (nearest compatible mention in the sentence, the subject
    of the previous sentence, or the name that follows a fronted phrase: "In her new role, Rutte ..."), and
    weighs the evidence for that person's gender: Indonesian forms of address and gendered words around
    the name (Bapak, Ibu, istrinya), forms of address in the translation (Mr, Ms), and a given-name lexicon
    (`mtcheck/data/names/given_names.tsv`). Pronouns in quotations are left alone.

    ## Why is this bad?
    Indonesian pronouns carry no gender, so MT guesses; "her" for a man misinforms and embarrasses.

    ## Example
    Source: Mark Rutte resmi menjabat sebagai Sekjen NATO. Dalam peran barunya, Rutte menghadapi banyak tantangan.
    Target: Mark Rutte officially took office as NATO Secretary General. In her new role, Rutte faces many challenges.

    Use instead:
    Target: Mark Rutte officially took office as NATO Secretary General. In his new role, Rutte faces many challenges.
    """

    code = "MT301"
    name = "pronoun-gender-mismatch"
    category = Category.PRONOUNS
    default_severity = Severity.MAJOR
    not_for = _NOT_FOR

    def check(self, pair: ArticlePair) -> Iterator[Finding]:
        a = analyse_pronouns(pair)
        if a is None:
            return
        for link in a.links:
            known = link.referent.gender(kinds=FIXED)
            if known is None or known == link.gender:
                continue
            r = link.referent
            others = r.score(exclude=link.pronoun, kinds=frozenset({"pronoun"}))
            if others[link.gender] > others[known]:
                continue  # the translation's other pronouns agree with this one: our evidence may be wrong
            yield self.finding(
                f"{r.person.name}: {r.describe(exclude=link.pronoun)}; '{link.text}' here",
                target=link.pronoun, source=r.person.spans[0], evidence=_evidence(link), confidence=0.8,
                suggestion=None)


class InconsistentPronouns(Rule):
    """One person referred to as both "he" and "she" in one article.

    ## What it does
    Where no source cue or lexicon settles a person's gender, counts the gendered pronouns linked to them;
    when both genders occur, reports the minority (on a tie, the gender that appears second).

    ## Why is this bad?
    Readers notice a person changing gender between paragraphs; at least one of the guesses is wrong.

    ## Example
    Source: Menteri Retnowati tiba di Jakarta. Ia langsung menggelar rapat. Kemudian ia bertemu wartawan. Di sana, ia menjawab pertanyaan.
    Target: Minister Retnowati arrived in Jakarta. She immediately held a meeting. Then she met reporters. There, he answered questions.

    Use instead:
    Target: Minister Retnowati arrived in Jakarta. She immediately held a meeting. Then she met reporters. There, she answered questions.
    """

    code = "MT302"
    name = "inconsistent-pronouns"
    category = Category.PRONOUNS
    default_severity = Severity.MAJOR
    not_for = _NOT_FOR

    def check(self, pair: ArticlePair) -> Iterator[Finding]:
        a = analyse_pronouns(pair)
        if a is None:
            return
        for r in a.referents:
            if r.gender(kinds=FIXED) is not None:
                continue  # MT301's business
            links = [x for x in a.links if x.referent is r]
            by_gender = {g: [x for x in links if x.gender == g] for g in ("m", "f")}
            if not by_gender["m"] or not by_gender["f"]:
                continue
            m, f = len(by_gender["m"]), len(by_gender["f"])
            if m == f:
                minority = "f" if by_gender["m"][0].pronoun.start < by_gender["f"][0].pronoun.start else "m"
            else:
                minority = "m" if m < f else "f"
            majority = "f" if minority == "m" else "m"
            for link in by_gender[minority]:
                yield self.finding(
                    f"'{link.text}' for {r.person.name}, who is '{_gender_word(majority)}' in "
                    f"{len(by_gender[majority])} other pronoun(s) of this article",
                    target=link.pronoun, source=r.person.spans[0], evidence=_evidence(link), confidence=0.6)


class UnsupportedPronounGender(Rule):
    """A gendered pronoun for a person whose gender nothing in the source establishes.

    ## What it does
    Reports he/she linked to a person with no source cue, form of address or lexicon entry: the
    translation asserts a gender the original never stated. Off by default (most such guesses are right);
    an editor reviewing a sensitive article may enable it.

    ## Why is this bad?
    The Indonesian original is gender-neutral; a wrong guess is a factual error about a real person.

    ## Example
    Source: Juru Bicara Wiryawan mengatakan ia akan segera memberi keterangan.
    Target: Spokesperson Wiryawan said he would give a statement soon.

    Use instead:
    Target: Spokesperson Wiryawan said a statement would be given soon.
    """

    code = "MT303"
    name = "unsupported-pronoun-gender"
    category = Category.PRONOUNS
    default_severity = Severity.MINOR
    not_for = _NOT_FOR
    default_enabled = False

    def check(self, pair: ArticlePair) -> Iterator[Finding]:
        a = analyse_pronouns(pair)
        if a is None:
            return
        for link in a.links:
            if link.referent.gender(kinds=FIXED) is None:
                yield self.finding(f"'{link.text}' for {link.referent.person.name}: the source does not say "
                                   "this person's gender", target=link.pronoun,
                                   source=link.referent.person.spans[0], evidence=_evidence(link),
                                   confidence=0.3)
