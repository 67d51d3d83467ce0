"""MT301-MT303: he/she guessed wrong from gender-neutral Indonesian (dia, ia, beliau, -nya)."""

from __future__ import annotations

from collections.abc import Iterator

from mtcheck.model import Category, Finding, Severity
from mtcheck.rules.base import Rule
from mtcheck.text.article import ArticlePair
from mtcheck.text.coreference import SAYING_AFTER
from mtcheck.text.gender import Evidence, noun, word
from mtcheck.text.pronouns import (
    GENDER_FITS,
    Link,
    Referent,
    analyse_pronouns,
    host_clitic,
    knowledge_only,
    pronoun_sets,
    same_host,
)

# People are found in the translation by the spelling of their names, or in other scripts by transliteration.
_NOT_FOR: dict[str, str] = {}


def _gender_word(g: str) -> str:
    return word(g)


def _short(e: Evidence) -> str:
    """The evidence as an editor reads it in a message."""
    if e.kind == "public figure":
        return "public figures list"
    if e.kind == "glossary":
        return "newsroom glossary"
    if e.kind == "given name":
        return e.detail.split(" (")[0]
    return e.detail


def _evidence(link: Link) -> tuple[str, ...]:
    """Both paths to the person and whether they agree, then every item of knowledge with its weight."""
    r = link.referent
    out = [f"person: {r.person.name} (source {r.person.spans[0].start}-{r.person.spans[0].end})"]
    if link.source_ref is not None:
        ref = link.source_ref
        whom = r.person.name
        if link.whoever:
            plural = "men" if link.whoever[0].known() == "m" else "women"
            whom = f"one of {', '.join(x.person.name for x in link.whoever)} (all {plural})"
        out.append(f"from the source: '{link.text}' renders '{ref.text}' at source {ref.span.start}-{ref.span.end},"
                   f" which refers to {whom} ({ref.how})")
    if link.target_link is not None:
        other, how = link.target_link
        out.append(f"in the translation: linked to {other.person.name} ({how})")
    if link.agree is not None:
        out.append("the two paths agree" if link.agree else "the two paths disagree")
    if link.target_doubtful:
        out.append("the translation's path is doubtful: the source there names someone the translation does not"
                   " show by a name mtcheck finds")
    if link.aligned is not None:
        out.append(f"word alignment (neural): '{link.text}' is aligned with {link.aligned}")
        if link.aligned_agree is not None:
            out.append("the word alignment agrees" if link.aligned_agree else "the word alignment names someone else")
    out += [f"{e.kind} (weight {e.weight}): {e.detail} -> {word(e.gender)}" for e in r.evidence
            if e.kind != "pronoun"]
    return tuple(out)


def _source_span(link: Link):
    return link.source_ref.span if link.source_ref is not None else link.referent.person.spans[0]


def _renders(link: Link) -> str:
    if link.source_ref is not None:
        return f"'{link.text}' here renders '{link.source_ref.text}'"
    return f"'{link.text}' here refers to {link.referent.person.name} ({link.how.removeprefix('in the translation: ')})"


class PronounGenderMismatch(Rule):
    """A pronoun that contradicts the known gender of the person it refers to.

    ## What it does
    Finds the people of the Indonesian source (names with titles, surname-only and nickname mentions as one
    person) and resolves its third-person forms (dia, ia, beliau, -nya, katanya, ujarnya, menurutnya ...) to
    them by the conventions of news prose (`mtcheck/text/coreference.py`). Each he/she of the translation
    inherits the person of the source form it renders (`"...," he said` renders `"...," katanya`); linking
    in the translation (nearest name, previous sentence's subject, "In her new role, Rutte ...") is a second
    path, for pronouns the translation added; with `--neural`, the word alignment is a third (the source
    word the pronoun is aligned with). Unnamed people take part in resolution ("ayahnya", "Sopir itu"), and
    are judged where the source's own noun gives their gender ("Seorang wanita ... Dia"). The person's gender comes from knowledge only: the public
    figures list (`mtcheck/data/id/public_figures.tsv`), a newsroom's glossary people, Indonesian cues
    (Bapak, Ibu, istrinya, "aktris X", "X, seorang biarawati": `mtcheck/data/id/person_nouns.tsv`), forms
    of address and the translator's marked feminine in the translation (Mr, Ms, 女士, "la ministre des
    Affaires étrangères X", "X, une avocate", "X est arrivée"), the given-name table
    of `nomquamgender` with its counts, Balinese and Javanese naming conventions. Every pronoun that
    contradicts it is reported, also when all the translation's pronouns for that person agree: they are
    the machine's guesses, not evidence. Where the source leaves a form open between a few people who are
    all of one gender (English, Chinese, Japanese: `judge_whoever`), a pronoun of the other is wrong whoever it
    means, and is reported naming them all. Pronouns in quotations are judged by the source only.

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
            r = link.referent
            known = r.known()
            if known is None or known == link.gender:
                continue
            if link.agree is False and link.target_link is not None and GENDER_FITS not in link.target_link[1] \
                    and not (link.target_doubtful and _renders_a_form(link)):
                other = link.target_link[0].known()
                if other is None or other == link.gender:
                    continue  # the paths name different people, and the pronoun fits the other one
            if link.aligned_agree is False and link.aligned_referent is not None and (
                    link.aligned_referent.known() in (None, link.gender)):
                continue  # the word alignment says it renders someone else's form or name, whom it may fit
            who = _known_as(r, known)
            if link.whoever:
                # the source form is left open between people who are all of the other gender
                who = "; ".join(_known_as(x, known) for x in link.whoever)
                if link.source_ref is not None:
                    form = link.source_ref.text
                    who += (f"; the source leaves '{form}' open between them" if len(link.whoever) > 1
                            else f", the only person '{form}' may mean")
            yield self.finding(
                f"{who}; {_renders(link)}",
                target=link.pronoun, source=_source_span(link), evidence=_evidence(link),
                confidence=0.9 if link.agree else 0.8, suggestion=None)


def _renders_a_form(link: Link) -> bool:
    """Does the pronoun render a third-person form of the source (dia, -nya, katanya), not what a pronoun the
    translation added is taken to render (a relative clause on a name, a noun with a demonstrative)? Where the
    translation's path is doubtful (the source there names someone the translation does not show), only such
    a form outweighs it: "Palin ... menyatakan dirinya" rendered 彼女 stays Palin's although the translation
    gives it to マッツー, the previous sentence's only name; "Patricia Schroeder, yang bekerja dengan Gary
    Hart" rendered "……与他共事" (worked with him) is Hart's, as the translation says."""
    return link.source_ref is not None and link.source_ref.kind in ("pronoun", "possessive", "speech")


def _known_as(r: Referent, known: str) -> str:
    """"X is a woman (evidence; evidence)": what says the person is of that gender, pronouns apart."""
    because = "; ".join(_short(e) for e in r.evidence if e.gender == known and e.kind != "pronoun")
    return f"{r.person.name} is {noun(known)} ({because})"


def _renders_a_persons_pronoun(pair: ArticlePair, link: Link, shared: set[int]) -> bool:
    """(Arabic) A clitic counted for consistency although it also stands for things: it renders a personal
    pronoun or an attribution of the source (dia, ia, beliau, katanya), resolved to this person ("قال إنه"
    for "mengatakan bahwa dia"), not a -nya, which is as often a thing's. Not the subject of a reported
    clause (إنها, أنه) that renders the speaker's own "dia mengatakan": that clause's subject may be what
    was said ("قائلا إنها ستعتمد", saying that it will depend, for "dia mengatakan hal tersebut akan"), nor
    one whose source form another pronoun or verb of the translation renders too ("وقال عن الشائعات بأنها",
    he said of the rumours that they: وقال is the "Dia" of the source, بأنها the rumours)."""
    ref = link.source_ref
    if ref is None or ref.person is not link.referent.person:
        return False
    if ref.kind == "possessive":
        # a clitic on the noun that the lexicon gives for the noun the -nya is on (حزبه for "partainya")
        return host_clitic(link.text, pair.target_pack.code) is not None and same_host(
            ref.text, link.text, pair.target_pack.code)
    if ref.kind not in ("pronoun", "speech"):
        return False
    if ref.text.lower() in ("dirinya", "pihaknya"):
        return False
    if id(ref) in shared:
        return False  # `shared`: the source forms that two or more links render
    clause = (pronoun_sets(pair.target_pack.code) or {}).get("clause_subjects", ())
    return not (link.text in clause and ref.kind == "pronoun" and SAYING_AFTER.match(pair.source, ref.span.end))


class InconsistentPronouns(Rule):
    """One person referred to as both "he" and "she" in one article.

    ## What it does
    Where no source cue or lexicon settles a person's gender, counts the gendered pronouns linked to them;
    when both genders occur, reports the minority (on a tie, both: one side is wrong, and nothing says which).
    Someone the source names only by a role noun of either gender ("Seorang sopir ... Sopir itu ... Ia",
    "the driver" in the translation) is such a person too.

    ## Why is this bad?
    Readers notice a person changing gender between paragraphs; at least one of the guesses is wrong.

    ## Example
    Source: Menteri Pardede tiba di Jakarta. Ia langsung menggelar rapat. Kemudian ia bertemu wartawan. Di sana, ia menjawab pertanyaan.
    Target: Minister Pardede arrived in Jakarta. She immediately held a meeting. Then she met reporters. There, he answered questions.

    Use instead:
    Target: Minister Pardede arrived in Jakarta. She immediately held a meeting. Then she met reporters. There, she answered questions.
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
        # Forms that stand for things as often as for people (Arabic clitics) say nothing of consistency.
        lang = pair.target_pack.code
        translation_only = (pronoun_sets(lang) or {}).get("link_in_translation", True)
        # The source forms that more than one pronoun or verb of the translation renders (counted once: linear).
        seen: set[int] = set()
        shared: set[int] = set()
        for x in a.links:
            if x.source_ref is not None:
                (shared if id(x.source_ref) in seen else seen).add(id(x.source_ref))
        for r in a.referents:
            if r.known() is not None:
                continue  # MT301's business
            # A link whose two paths disagree is left out, unless the translation's path is doubtful (it may not
            # show the person the source means: a Chinese transliteration missed).
            links = [x for x in a.links if x.referent is r and (x.agree is not False or x.target_doubtful)
                     and (not knowledge_only(x.text, lang) or _renders_a_persons_pronoun(pair, x, shared))
                     and not (x.source_ref is None and translation_only == "knowledge only")]
            by_gender = {g: [x for x in links if x.gender == g] for g in ("m", "f")}
            if not by_gender["m"] or not by_gender["f"]:
                continue
            m, f = len(by_gender["m"]), len(by_gender["f"])
            if m == f:
                # A tie says one side is wrong but not which: both are reported, for the editor to choose.
                for g in ("m", "f"):
                    other = "f" if g == "m" else "m"
                    for link in by_gender[g]:
                        yield self.finding(
                            f"'{link.text}' for {r.person.name}, who is '{_gender_word(other)}' in as many other "
                            f"pronoun(s) of this article ({len(by_gender[other])}): one of the two is wrong",
                            target=link.pronoun, source=_source_span(link), evidence=_evidence(link),
                            confidence=0.4)
                continue
            minority = "m" if m < f else "f"
            majority = "f" if minority == "m" else "m"
            for link in by_gender[minority]:
                yield self.finding(
                    f"'{link.text}' for {r.person.name}, who is '{_gender_word(majority)}' in "
                    f"{len(by_gender[majority])} other pronoun(s) of this article",
                    target=link.pronoun, source=_source_span(link), evidence=_evidence(link), confidence=0.6)


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
            if link.referent.known() is None:
                yield self.finding(f"'{link.text}' for {link.referent.person.name}: the source does not say "
                                   "this person's gender", target=link.pronoun,
                                   source=_source_span(link), evidence=_evidence(link),
                                   confidence=0.3)
