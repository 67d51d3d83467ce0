"""The people of the Indonesian source and who each third-person form refers to.

Indonesian third-person forms carry no gender (dia, ia, beliau, dirinya, pihaknya, -nya, and the
attributions of news prose: katanya, ujarnya, tuturnya, imbuhnya, jelasnya, tambahnya, ungkapnya, kata dia,
menurutnya). A translation has to choose he or she for each; this module says whom each form means, so that
the gender can come from what is known of that person rather than from the translation's own guesses.

People: the names of `entities.find_people` (titles, surname-only mentions merged into the full name),
joined by the public-figures list and the newsroom glossary (nicknames and aliases: "Risma" is Tri
Rismaharini, "Jokowi" is Joko Widodo). Resolution follows the conventions of news writing, and records how
each was made:

- an attribution after a quotation ("...," ujarnya) means the quotation's speaker: the person named in the
  quotation's own attribution, else the last person quoted or reported speaking;
- a pronoun with a person named earlier in its sentence means that sentence's subject (its first person)
  ("Puan mengatakan ia ..."); a possessive -nya the nearest name before it ("Prabowo dan istrinya");
- a form in a phrase fronted before the subject means the subject that follows ("Dalam peran barunya,
  Rutte ...");
- a subject "dia"/"ia" opening a subordinate clause (sebelum, saat, karena ...) continues the subject that
  opens its clause, even with someone else named in the main clause;
- otherwise the subject of the previous sentence, else the last named person, else (a form with no one named
  before it) the person named right after it, in its sentence or opening the next one.

Mentions besides names (round 9): the lede's unnamed person ("Seorang dokter ...") whom the next sentence
names as its subject, a title's bare noun ("Presiden mengatakan", "menteri itu") for the one person who bore
that title, and a given name alone ("Ratna menolak") for its one bearer.

Computed once per article (`pair.analysis("coreference", ...)`) and shared by the pronoun rules.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from functools import cache
from operator import attrgetter

from rapidfuzz.distance import Levenshtein

from mtcheck.cache import persistent
from mtcheck.lang.base import data_toml, data_tsv
from mtcheck.model import Span, quick_init
from mtcheck.text import gender as knowledge
from mtcheck.text import given_names
from mtcheck.text.alternation import alternation, first_class, whole_literal, whole_words
from mtcheck.text.article import ArticlePair
from mtcheck.text.ascii_twin import plain, twin
from mtcheck.text.dictionary import is_common_word, roots
from mtcheck.text.entities import Person, titles
from mtcheck.text.gender import Evidence, Figure
from mtcheck.text.lexicon import zipf
from mtcheck.text.name_match import analyse
from mtcheck.text.pairs import scan_pairs, single_quotes
from mtcheck.text.spans import DisjointSpans, SpanSet

# Keys for sorting and bisecting spans in C: (start, end) is Span's own order (a frozen dataclass with
# order=True compares field tuples), and a span is less than Span(pos, pos) iff it starts before pos.
_START = attrgetter("start")
_START_END = attrgetter("start", "end")

_DATA = data_toml("id", "third_person.toml") or {}
_SPEECH_STEMS = "|".join(_DATA["speech_stems"])
_SPEECH = (rf"\b(?:(?:{_SPEECH_STEMS})nya|(?:{_SPEECH_STEMS})\s+(?:dia|ia|beliau)"
           r"|menurut(?:nya|\s+dia|\s+beliau))\b")
_PRONOUN = r"\b(?:" + "|".join(_DATA["pronouns"]) + r")\b"
# (Each after a lookahead for the letters it can start with: the same matches, and re turns most positions
# of a sentence away in one step; these scans were ~4% of a check.)
SPEECH = re.compile(first_class(_SPEECH, re.I) + _SPEECH, re.I)
PRONOUN = re.compile(first_class(_PRONOUN, re.I) + _PRONOUN, re.I)
# -nya on a word: "his/her" or "him/her" ("kepadanya", "rumahnya"), but also "the" and adverbs. The whole
# word, taken at once, when it ends in -nya: what r"\b\w{2,}?nya\b" matches (a \b after "nya" is the word's
# end), without trying "nya" after each of its letters.
POSSESSIVE = re.compile(r"\b\w{5,}+(?<=nya)", re.I)
_NYA = re.compile("nya", re.I)  # what every match of POSSESSIVE ends with, under the same flag
_FORM_SCANS = (("speech", SPEECH), ("pronoun", PRONOUN), ("possessive", POSSESSIVE))
_FORM_SCANS_ASCII = tuple((kind, twin(pattern)) for kind, pattern in _FORM_SCANS)
_NOT_PERSONAL = frozenset(_DATA["not_personal"])
# Speech attributed to a named person: "kata Puan", "ujar Menteri X"; "Puan mengatakan".
_ATTRIBUTION_BEFORE = re.compile(rf"\b(?:{_SPEECH_STEMS}|menurut)\s+$", re.I)
# The same with the speaker's title between: "kata Sekretaris Bisnis Greg Clark".
_ATTRIBUTION_BEFORE_TITLED = re.compile(rf"\b(?:{_SPEECH_STEMS}|menurut)\s+(?:(?-i:[A-Z])[\w.'’-]*\s+){{0,5}}$", re.I)
# The same, the title's words in a group: "kata Wakil " before "Presiden".
_ATTRIBUTED_TITLE = re.compile(rf"\b(?:{_SPEECH_STEMS}|menurut)\s+((?:(?-i:[A-Z])[\w.'’-]*\s+){{0,5}})$", re.I)
_ATTRIBUTION_AFTER = re.compile(r"^\s*(?:juga\s+|pun\s+|kemudian\s+|lantas\s+)?(?:"
                                + "|".join(_DATA["speech_verbs"]) + r")(?:nya)?\b", re.I)  # "Haris mengatakannya"
_CLAUSE = re.compile(r"[;]|,\s*(?:sementara|sedangkan|tetapi|namun|sedang|lalu|kemudian|dan)\b"
                     r"|\b(?:sementara|sedangkan|tetapi|namun)\b")
# An object -nya: after a preposition ("kepadanya", "dengannya") or on a meN- verb ("menghubunginya").
OBJECT_NYA = _OBJECT = re.compile(
    r"(?:(?:ke)?pada|dengan|untuk|bagi|dari|terhadap|tentang|me(?!nteri)[mn]?g?y?\w{3,})nya$", re.I)
# A capitalised word after a preposition or noun of place ("di Alaska", "ke Harlem", "kota Tulsa") is a place.
_PLACE_BEFORE = re.compile(r"\b(?:di|ke|dari|dekat|kota|provinsi|negara bagian|wilayah|daerah|kawasan|distrik|"
                           r"kabupaten|desa|pulau)\s+$", re.I)
# A place rather than a person: a name after a preposition or noun of place ("dari", from, also says where
# someone comes from: "tuduhan dari Christine Blasey Ford").
_PLACE_ONLY_BEFORE = re.compile(r"\b(?:di|ke|dekat|kota|provinsi|negara bagian|wilayah|daerah|kawasan|distrik|"
                                r"kabupaten|desa|pulau)\s+$", re.I)
# A one-word name written only right after lewat/melalui/via (by way of) is a medium or a channel ("lewat
# Twitter", "melalui Instagram"), not someone a "dia" may mean; a person after them has a title or two words.
_MEDIUM_BEFORE = re.compile(r"\b(?:lewat|melalui|via)\s+$", re.I)
# A reported clause opens after a verb of saying or "bahwa": its subject is whoever it names first ("polisi
# mengatakan Sims kehilangan kacamatanya": Sims's glasses, not the police's).
_REPORTED = re.compile(r"\b(?:bahwa|" + "|".join(_DATA["speech_verbs"]) + r")\b", re.I)
# Prepositions whose -nya may be the sentence's subject itself (for, about, against him): not kepadanya (to),
# dengannya (with), darinya (from), nor a meN- verb's object, which are someone else.
_OWN_OBJECT = re.compile(r"(?:bagi|untuk|tentang|terhadap|atas)nya$", re.I)
_AGENT_CLAUSE = re.compile(r"\b(?:bahwa|yang|dan|serta|lalu|kemudian)\b|[,;]", re.I)
_SAID = re.compile(r"\b(?:" + "|".join(_DATA["speech_verbs"]) + r")\s+(?:bahwa\s+)?$", re.I)
_VERB_AFTER = re.compile(r"\s+[a-z]{3,}")
# "Ia (juga) mengatakan", "dia menekankan": a subject form followed by a verb of saying or reporting, which a
# target verb of saying renders where it marks its subject's gender (Arabic قالت إن for "Ia mengatakan").
SAYING_AFTER = re.compile(r"\s+(?:(?:juga|pun|kemudian|lalu|lantas|sempat|telah|sudah|pernah|lagi)\s+){0,2}(?:"
                          + "|".join(_DATA["speech_verbs"] + _DATA.get("report_verbs", [])) + r")\b", re.I)
_CLOSED_QUOTE = re.compile(r"[\"”’]\s*,?\s*$")
_APPOSITION = re.compile(r",[^,.;:\"“”\n]{1,80},")
_COORDINATED_SAID = re.compile(r"\b(?:dan|lalu|kemudian|serta)\s+(?:juga\s+)?(?:"
                               + "|".join(_DATA["speech_verbs"]) + r")\b", re.I)
_AGE = re.compile(r"\b(?:berusia|\d+\s+tahun)\b", re.I)
_FIRST_PERSON = re.compile(r"\b(?:saya|aku|kami|kita)\b", re.I)
# A subject "dia"/"ia" opening a subordinate clause ("..., sebelum dia mencetak gol"; a parenthesis between the
# conjunction and the pronoun allowed: "sebelum, tepat dalam pertengahan waktu, dia").
_SUBORDINATE = re.compile(r"\b(?:" + "|".join(_DATA.get("subordinators", ())) + r")(?:\s*,[^,.;:\"“”]{0,60},)?\s+$",
                          re.I)


@dataclass
class SourcePerson:
    """One person of the source, however the article names them."""

    name: str  # the fullest name the article uses (or the public figure's name)
    persons: list[Person]  # the entities.Person records merged into this one (full name, nickname ...)
    spans: list[Span]  # every mention in the source, in order
    figure: Figure | None = None
    evidence: list[Evidence] = field(default_factory=list)
    placeholder: bool = False  # a name that may be a person's but is not judged (ambiguous, unrecognised)
    # A person only because a rare word recurs ("Liggins", "Medinah"): a surname or a place as often as a given
    # name, so the name table says nothing of their gender (they are judged for consistency only).
    rare_word_only: bool = False
    # A name that is a person only if the article refers back to it as one (`_tentative`): kept when a
    # personal pronoun or an attribution resolves to it, else dropped (or a placeholder again).
    tentative: bool = False
    # Someone unnamed whom the source introduces by a role noun of either gender ("Seorang sopir",
    # "Korban itu"): the noun, by which a translation names them too ("the driver"). Judged for
    # consistency only (MT302), and kept only where a personal pronoun or an attribution refers back to them.
    noun: str | None = None

    @property
    def words(self) -> list[str]:
        """Words by which the translation may name this person: name tokens and one-word aliases."""
        out = [t for p in self.persons for t in p.tokens]
        if self.figure:
            out += [t for form in self.figure.forms for t in form.split() if len(form.split()) <= 2]
        seen: set[str] = set()
        return [w for w in out if not (w in seen or seen.add(w))]  # type: ignore[func-returns-value]

    @property
    def surname(self) -> str:
        return max(self.persons, key=lambda p: len(p.tokens)).surname

    def gender(self) -> str | None:
        return knowledge.decide(self.evidence)

    def describe(self) -> str:
        return "; ".join(e.detail for e in self.evidence) or "nothing known"


@quick_init  # (mtcheck/model.py: the fields set into __dict__ directly)
@dataclass(frozen=True)
class SourceRef:
    """A third-person form of the source and the person it refers to."""

    span: Span
    text: str
    kind: str  # "speech" (katanya, menurutnya), "pronoun" (dia, ia, beliau, dirinya), "possessive" (-nya)
    person: SourcePerson | None
    how: str
    # Where the form is left open: everyone it may mean (the people named before it in its sentence and in
    # the sentence before, that sentence's subject). A target pronoun whose gender all of them contradict is
    # wrong whoever it means (read by text/pronouns.py where the target's pronouns.toml sets
    # `judge_whoever`).
    candidates: tuple[SourcePerson, ...] = ()


@dataclass
class Coreference:
    """The source's people and the references (pronouns, nouns) resolved to them."""
    people: list[SourcePerson]
    refs: list[SourceRef]
    mention_starts: list[int]  # sorted starts of every person mention, for bisect
    mention_people: list[SourcePerson]

    def person_at(self, pos: int) -> SourcePerson | None:
        i = bisect.bisect_right(self.mention_starts, pos) - 1
        if i >= 0:
            p = self.mention_people[i]
            if any(s.start <= pos < s.end for s in p.spans):
                return p
        return None


def coreference(pair: ArticlePair) -> Coreference:
    return pair.analysis("coreference", _coreference)


def _coreference(pair: ArticlePair) -> Coreference:
    people, unplaced = _people(pair)
    # Names that may be people mtcheck does not judge still take part in resolution: a "dia" after
    # "Track Palin ..." is not Sarah Palin's.
    mentions = sorted(((s, p) for p in people + unplaced for s in p.spans), key=lambda x: x[0].start)
    starts = [s.start for s, _ in mentions]
    refs = _near_the_unnamed(pair, _resolve(pair, mentions, starts), mentions, starts)
    # A tentative person is one when the article refers back to it as a person: a personal pronoun (dia,
    # ia, beliau, dirinya; not pihaknya, an organisation's "side") or an attribution resolved to it. The
    # others were names of something else ("Shenzhen ... kotanya"): resolution runs again without them.
    confirmed = {id(r.person) for r in refs if r.person is not None and r.person.tentative and (
        r.kind == "speech" or (r.kind == "pronoun" and r.text.lower() != "pihaknya"))
        and r.how != "the last named person"}
    rejected = [p for p in people if p.tentative and id(p) not in confirmed]
    for p in people:
        p.tentative = p.tentative and id(p) not in confirmed
    if rejected:
        people = [p for p in people if not p.tentative]
        for p in rejected:
            # A name that may be a person's, as before (and an unnamed person's role noun): it stops resolution
            if not p.persons or len(p.persons[0].tokens) > 1:
                p.placeholder, p.evidence = True, []
                unplaced.append(p)
            if not p.persons:
                p.name, p.noun = f"({pair.source[p.spans[0].start:p.spans[0].end]})", None
        mentions = sorted(((s, p) for p in people + unplaced for s in p.spans), key=lambda x: x[0].start)
        starts = [s.start for s, _ in mentions]
        refs = _near_the_unnamed(pair, _resolve(pair, mentions, starts), mentions, starts)
    return Coreference(people, refs, starts, [p for _, p in mentions])


def _near_the_unnamed(pair: ArticlePair, refs: list[SourceRef], mentions: list[tuple[Span, SourcePerson]],
                      starts: list[int]) -> list[SourceRef]:
    """The forms resolved to someone named only by a role noun ("Seorang sopir"), kept where a reader would
    take them for that person without a doubt: a personal pronoun or an attribution (not a -nya, as often
    another's or a thing's: "Seorang dokter ... pasiennya"), in the sentence of a mention of theirs or the
    next, with no one else named between. The others are left open, as they were when such people were not
    judged: an unnamed person is weakly established, and a chain of "ia" that runs on for sentences after
    them may have moved to someone the text introduces by a -nya ("istrinya"), whom resolution cannot see."""
    if not any(r.person is not None and r.person.noun is not None for r in refs):
        return refs
    s_starts = [s.start for s in pair.source_segments.sentences]

    def sentence(pos: int) -> int:
        return bisect.bisect_right(s_starts, pos) - 1

    out = []
    for r in refs:
        p = r.person
        if p is None or p.noun is None:
            out.append(r)
            continue
        i = bisect.bisect_right([s.end for s in p.spans], r.span.start) - 1  # (spans sorted, few a person)
        last = p.spans[i] if i >= 0 else None
        # (anyone between: a placeholder too, "(korban)", may be whom the form means; looked for only within
        # the two sentences, so that the test stays linear in the article)
        if (r.kind in ("pronoun", "speech") and last is not None and sentence(r.span.start) - sentence(last.start) <= 1
                and not any(q is not p for q in _mentions_between(mentions, starts, last.end, r.span.start))):
            out.append(r)
        else:
            out.append(replace(r, person=None, how=f"unresolved: {r.how} is {p.name}, someone named only by a role "
                                                 "noun, and the form is no personal pronoun right after them"))
    return out


def _mentions_between(mentions: list[tuple[Span, SourcePerson]], starts: list[int], a: int, b: int
                     ) -> list[SourcePerson]:
    """The people mentioned between two source positions (by bisection)."""
    return [p for s, p in mentions[bisect.bisect_left(starts, a):bisect.bisect_left(starts, b)] if s.end <= b]


# ------------------------------------------------------------------------------------------------ people

def _people(pair: ArticlePair) -> tuple[list[SourcePerson], list[SourcePerson]]:
    names = analyse(pair)
    text = pair.source
    table = knowledge.people_table(pair.glossary)
    pattern = knowledge.people_pattern(pair.glossary)
    # A surname shared by two people of the article ("Sarah Palin", "Track Palin") identifies neither.
    surnames: dict[str, int] = {}
    for p in names.people:
        if len(p.tokens) > 1:
            surnames[p.surname] = surnames.get(p.surname, 0) + 1
    by_figure: dict[str, SourcePerson] = {}
    out: list[SourcePerson] = []
    spans_of: list[tuple[Span, SourcePerson]] = []
    unplaced: list[SourcePerson] = []
    places = names.g.by_form
    world = _english_place_names()
    found = [_without_address(p, text) for p in names.people]
    is_person = {id(p): _is_person(p, text) for p in found}
    # "Track Palin" beside "Sarah Palin": a capitalised word before the family name of a person of the article
    # names a relative, even where the word is common English (Track) and says no gender.
    # (A family name that is a rare word, of someone whose given name says a gender: not "Long Bay" beside
    # "Mission Bay", nor "Travel Medicine".)
    families = {p.surname for p in found if is_person[id(p)] and len(p.tokens) >= 2 and _family_name(p.surname)
                and knowledge.name_evidence(p.name)}
    for p in found:
        if not is_person[id(p)] and _family_member(p, families, text):
            is_person[id(p)] = True
    for p in found:
        if p.named_after:
            continue  # "Jl. Jenderal Sudirman", "Universitas Jenderal Soedirman": a place named after someone
        fig = _figure_of(p, table)
        if fig is None and p.name in world:
            continue  # "Syria", "Quebec": a country or place kept in its English form, even after a title
        if fig is None and not is_person[id(p)] and _tentative(p, text, places):
            sp = SourcePerson(p.name, [p], list(p.spans), tentative=True,
                              rare_word_only=len(p.tokens) == 1 and not _lone_given_name(p.tokens[0]))
            out.append(sp)
            spans_of += [(s, sp) for s in p.spans]
            continue
        if fig is None and not is_person[id(p)]:
            if _may_be_person(p) and not _named_thing(p, text) and not all(
                    _PLACE_BEFORE.search(text, max(0, s.start - 20), s.start) for s in p.spans) and not any(
                    _PLACE_ONLY_BEFORE.search(text, max(0, s.start - 20), s.start) for s in p.spans):
                # (not "di Carnegie Mellon University", "di Baton Rouge": a place, named after di/ke/dari)
                unplaced.append(SourcePerson(p.name, [p], list(p.spans), placeholder=True))
            continue
        if fig is not None and fig.name in by_figure:
            sp = by_figure[fig.name]
            sp.persons.append(p)
            sp.spans = sorted({*sp.spans, *p.spans}, key=_START_END)
        else:
            sp = SourcePerson(fig.name if fig else p.name, [p], list(p.spans), fig,
                              rare_word_only=fig is None and _only_a_rare_word(p, text))
            out.append(sp)
            if fig is not None:
                by_figure[fig.name] = sp
        spans_of += [(s, sp) for s in p.spans]
    # Public figures named in ways find_people cut or missed ("Bintang Puspayoga": "Bintang" is a common
    # word; "Gus Dur"): the list's own forms, as whole names.
    spans_of.sort(key=lambda x: x[0].start)
    starts = [s.start for s, _ in spans_of]
    for m in pattern.finditer(text):
        if not _whole_name(text, m.start(), m.end()):
            continue
        fig = table[m.group()]
        span = Span(*m.span())
        i = bisect.bisect_right(starts, span.end) - 1
        owner = next((sp for s, sp in spans_of[max(0, i - 1):i + 1] if s.start < span.end and span.start < s.end),
                     None)
        if owner is not None:
            if owner.figure is None:
                owner.figure = fig
                owner.name = fig.name
                by_figure.setdefault(fig.name, owner)
            continue  # a mention it already has
        sp = by_figure.get(fig.name)
        if sp is None:
            sp = SourcePerson(fig.name, [Person(m.group(), None, (span,))], [span], fig)
            by_figure[fig.name] = sp
            out.append(sp)
        else:
            sp.spans.append(span)
            sp.persons.append(Person(m.group(), None, (span,)))
    for sp in out:
        sp.spans.sort(key=_START_END)
    out += _convention_people(text, out)
    # Two records of one figure (found by name and by alias) become one.
    merged: list[SourcePerson] = []
    for sp in out:
        host = next((h for h in merged if h.figure is not None and h.figure is sp.figure), None)
        if host is None:
            merged.append(sp)
        else:
            host.persons += sp.persons
            host.spans = sorted({*host.spans, *sp.spans}, key=_START_END)
    merged = _merge_contained(_join_arabic_article(text, merged, names.people))
    _aliases(text, merged, unplaced)
    # A one-word tentative name a letter away from a word of someone's name is that name misspelt ("Lea" in
    # an article about Kai-Fu Lee), not someone else whose given name may be a woman's. Where one person has
    # that word, the misspelling is a mention of theirs ("Lea, pemilik buku ..." opens a sentence about Lee),
    # its spelling no evidence of their gender (spans only: no record of the name is added).
    owners: dict[str, list[SourcePerson]] = {}
    for sp in merged:
        if not sp.tentative:
            for t in {t for p in sp.persons for t in p.tokens if len(t) >= 3}:
                owners.setdefault(t, []).append(sp)
    kept = []
    for sp in merged:
        if not (sp.tentative and len(sp.persons[0].tokens) == 1):
            kept.append(sp)
            continue
        one = sp.persons[0].tokens[0]  # (few such names an article: each compared with every name word once)
        hosts = {id(h): h for t, hs in owners.items() for h in hs
                 if Levenshtein.distance(one, t, score_cutoff=1) <= 1}
        if not hosts:
            kept.append(sp)
        elif len(hosts) == 1:
            host = next(iter(hosts.values()))
            host.spans = sorted({*host.spans, *sp.spans}, key=_START_END)
    merged = kept
    _surname_mentions(text, merged, unplaced, [s.start for s in pair.source_segments.sentences])
    for sp in merged:
        _gather(sp, text, surnames)
    unnamed = _person_nouns(text, merged, unplaced, [s.start for s in pair.source_segments.sentences])
    unnamed = _named_next(text, merged, unnamed, pair.source_segments.sentences)
    unplaced += [sp for sp in unnamed if sp.placeholder]
    merged += [sp for sp in unnamed if not sp.placeholder]
    return sorted(merged, key=lambda sp: sp.spans[0].start), unplaced


@dataclass(frozen=True)
class PersonNoun:
    """An Indonesian person noun (ibu, ayah, menteri): its gender and kind."""
    noun: str
    gender: str | None
    kind: str  # "kin" | "role"


@cache
def person_nouns() -> dict[str, PersonNoun]:
    return {r["noun"]: PersonNoun(r["noun"], r["gender"] if r["gender"] in ("m", "f") else None, r["kind"])
            for r in data_tsv("id", "person_nouns.tsv")}


@cache
def _person_noun_pattern_ascii() -> re.Pattern[str]:
    """_person_noun_pattern's ASCII twin, for a plain source (the same matches: text/ascii_twin.py)."""
    return twin(_person_noun_pattern())


@persistent
def _person_noun_pattern() -> re.Pattern[str]:
    nouns = sorted(person_nouns(), key=len, reverse=True)
    # As tries (text/alternation.py): the same matches as the plain alternations, not every noun tried at
    # every position of the text.
    alt = alternation(nouns, ignore_case=True)
    # Lowercase, or capitalised at a sentence start; not reduplicated ("ibu-ibu"), -nya allowed ("ayahnya").
    # Under re.I the title-cased nouns are the same pattern as the nouns (where title() changes only the case
    # of letters): a second trie that matched nothing the first had not, tried at each word where the first
    # failed (half the scan).
    if any(n.title().lower() != n.lower() for n in nouns):
        alt += "|(?:" + alternation([n.title() for n in nouns], ignore_case=True) + ")"
    return re.compile(rf"(?<![\w'’-])(?:{alt})(?=(?:nya)?(?![\w'’-]))", re.I)


# Compounds where the noun names no person ("ibu kota", capital; "anak perusahaan", subsidiary).
_NOT_A_PERSON_AFTER = re.compile(r"\s+(?:kota|pertiwi|perusahaan|usaha|sungai|buah|tangga\b(?! rumah)|jari|panah|"
                                 r"tiri\b(?=\s+kota))", re.I)
_PREDICATE = re.compile(r"\b(?:menjadi|jadi|sebagai|selaku|adalah|merupakan|ialah|jabatan)"
                        r"(?:\s+(?:seorang|sang|calon|wakil))?\s+$", re.I)
# "Sopir itu", "perdana menteri yang sombong": someone set apart by a demonstrative or a relative clause,
# whom the text has not named (a named person is taken up again by "ini": "Pria berusia 24 tahun ini").
_DEFINITE_AFTER = re.compile(r"\s+(?:itu|tersebut|yang)\b", re.I)
_CAPITALISED_NEXT = re.compile(r"\s+[A-Z]")
# Between a title and its bearer's name: more capitalised words of the title ("Presiden AS Donald Trump").
_TITLE_GAP = re.compile(r"\s+(?:[A-Z][\w.'’-]*\s+){0,4}")
_DEMONSTRATIVE_AFTER = re.compile(r"\s+(?:itu|tersebut)\b", re.I)
_SANG = re.compile(r"\b(?:[Ss]ang|[Ss]eorang)\s+$")
# "Seorang wanita", "salah seorang petugas": a person not named before.
_INDEFINITE = re.compile(r"\b(?:seorang|salah seorang|salah satu|sesosok)\s+$", re.I)
_KIN_OWNER = re.compile(r"\s+(?:[A-Z][\w.'’-]*\s+){0,4}[A-Z][\w'’-]*\s*,\s*")
# A name after these opens a fronted phrase ("Menurut Siti, ..."), which its comma closes.
_FRONTED_NAME = re.compile(r"\b(?:menurut|bagi)\s+$", re.I)
# Words that end an apposition ("Puan, kata istri Jokowi" is no apposition of Puan's).
_NOT_APPOSITION = frozenset({"dan", "atau", "serta", "kata", "ujar", "bahwa", "dengan", "kepada", "untuk", "bersama",
                             "tetapi", "namun", "sedangkan", "sementara", *_DATA["speech_verbs"]})


_APPOSITION_HEAD = re.compile(r"(\S+?)\s*[,(]\s*((?:[\w-]+\s+){0,5})$")


def _apposition_head(window: str) -> re.Match[str] | None:
    """`_APPOSITION_HEAD.search(window)`: the word before a comma or parenthesis that only a few words
    follow to the window's end ("Sri Mulyani, " before "menteri"). The search started the lazy \\S+? at
    every character of the 80 and read ahead from each (25-40 us a call); it is started where a match can
    begin. After the comma or parenthesis the pattern allows only word characters, hyphens and whitespace,
    so the one it matches is the window's last; the \\S+? before it lies in the run of non-space characters
    that holds that mark or ends in the whitespace before it, so no match starts before that run."""
    k = max(window.rfind(","), window.rfind("("))
    if k < 1:
        return None  # no mark, or nothing before it for \\S+?
    j = k
    while j > 0 and window[j - 1].isspace():  # str.isspace is re's \s on str (tests/test_fast_scans.py)
        j -= 1
    while j > 0 and not window[j - 1].isspace():
        j -= 1
    return _APPOSITION_HEAD.search(window, j)


def _person_nouns(text: str, people: list[SourcePerson], unplaced: list[SourcePerson],
                  sentence_starts: list[int]) -> list[SourcePerson]:
    """Gendered nouns next to a name as cues to its gender ("aktris Dian Sastro", "Sri Mulyani, menteri
    wanita pertama", "istri Prabowo, Titiek"); a kin noun elsewhere ("ayahnya", "anak laki-laki Ny. Davis"),
    a role noun after "seorang" ("Seorang wanita muncul ...") or after a name of its sentence ("Ramirez
    mengatakan bahwa calon itu ...") as a person of their own, unnamed and not judged, who takes part in
    resolution: a "dia" after them is not the last named person's. One pass over the text; each neighbour
    found by bisection."""
    nouns = person_nouns()
    mentions = sorted(((s, sp) for sp in people + unplaced for s in sp.spans), key=lambda x: x[0].start)
    starts = [s.start for s, _ in mentions]
    ends = sorted((s.end, i) for i, (s, _) in enumerate(mentions))
    end_pos = [e for e, _ in ends]
    out: list[SourcePerson] = []
    cued: set[tuple[int, str]] = set()

    def mention_at(pos: int) -> tuple[Span, SourcePerson] | None:
        i = bisect.bisect_left(starts, pos)
        return mentions[i] if i < len(mentions) and mentions[i][0].start == pos else None

    def _inside_name(pos: int) -> bool:
        i = bisect.bisect_right(starts, pos) - 1
        return i >= 0 and mentions[i][0].end > pos

    def mention_ending(pos: int) -> tuple[Span, SourcePerson] | None:
        i = bisect.bisect_left(end_pos, pos)
        return mentions[ends[i][1]] if i < len(ends) and end_pos[i] == pos else None

    def cue(sp: SourcePerson, noun: PersonNoun, phrase: str) -> None:
        if noun.gender is None or (id(sp), noun.gender) in cued:
            return
        cued.add((id(sp), noun.gender))
        sp.evidence.append(Evidence(noun.gender, "source cue", f"'{phrase}' in the source (a person noun: KBBI)"))

    seen: set[str] = set()  # the nouns met so far, in text order, other than as titles
    introduced: dict[str, SourcePerson] = {}  # the last unnamed person each neutral role noun introduced
    titled: set[str] = set()  # the nouns met as titles before a name ("Menteri Keuangan Sri Mulyani")
    # Whom each noun met as a title was the title of ("presiden": Donald Trump), people judged only.
    bearers: dict[str, dict[int, SourcePerson]] = {}
    by_role = _figure_bearers(people)

    def owners_of(noun: str, pos: int) -> dict[int, SourcePerson]:
        # The people the article gave the title, else the public figures named before `pos` whose role it is
        # ("Donald Trump ... . Presiden mengatakan": Trump, whom no "Presiden Trump" titled).
        return bearers.get(noun) or {id(sp): sp for sp in by_role.get(noun, ()) if sp.spans[0].start < pos}

    def bear(noun: PersonNoun, end: int) -> None:
        j = bisect.bisect_left(starts, end)
        if j < len(mentions) and _TITLE_GAP.fullmatch(text, end, mentions[j][0].start):
            bearer = mentions[j][1]
            if not bearer.placeholder:
                bearers.setdefault(noun.noun, {})[id(bearer)] = bearer

    for m in (_person_noun_pattern_ascii() if plain(text) else _person_noun_pattern()).finditer(text):
        word = m.group()
        noun = nouns.get(word.lower())
        if noun is None:
            continue
        if word[0].isupper() and not _sentence_start(text, m.start()):
            titled.add(noun.noun)
            bear(noun, m.end())
            owners = owners_of(noun.noun, m.start())
            if (noun.kind == "role" and len(owners) == 1 and not text.startswith("nya", m.end())
                    and not _CAPITALISED_NEXT.match(text, m.end()) and _ATTRIBUTION_BEFORE.search(
                        text[max(0, m.start() - 12):m.start()])):
                # "kata Kapolres.", "Menurut Kapolres, ...": Indonesian news names the one bearer of an office by
                # the capitalised title alone after an attribution, a mention of theirs (so the speaker the
                # next "Ia" continues). Not "Wakil Presiden" (`_ATTRIBUTION_BEFORE` ends right before it).
                host = next(iter(owners.values()))
                if noun.gender is None or host.gender() in (None, noun.gender):
                    host.spans = sorted([*host.spans, Span(m.start(), m.end())], key=_START_END)
                    continue
            if (noun.kind == "role" and not text.startswith("nya", m.end()) and not _CAPITALISED_NEXT.match(
                    text, m.end()) and (said := _ATTRIBUTED_TITLE.search(
                        text, max(0, m.start() - 60), m.start())) and not _inside_name(m.start())):
                # "kata Wakil Presiden.", "ujar Kapolres." where no one (or more than one) bore the title: an
                # unnamed speaker, whom the next "Ia" continues; not the president named earlier.
                lead = said.start(1)  # the title's first word ("Wakil")
                out.append(SourcePerson(f"({text[lead:m.end()]})", [], [Span(lead, m.end())], placeholder=True))
            continue  # a title ("Presiden", "Ratu Elizabeth"): entities.py's business
        met_before, was_title = noun.noun in seen, noun.noun in titled
        # A title before a name ("Menteri Keuangan Sri Mulyani") is no introduction of someone unnamed.
        if _CAPITALISED_NEXT.match(text, m.end()):
            titled.add(noun.noun)
            bear(noun, m.end())
        else:
            seen.add(noun.noun)
        end = m.end() + (3 if text.startswith("nya", m.end()) else 0)
        if _NOT_A_PERSON_AFTER.match(text, end):
            continue
        i = bisect.bisect_right(starts, m.start()) - 1
        if i >= 0 and mentions[i][0].end > m.start():
            continue  # inside a name
        # Right after a name: "Titiek, istri Prabowo", "Sri Mulyani, menteri wanita pertama" (an apposition).
        head = _apposition_head(text[max(0, m.start() - 80):m.start()])
        if head and not any(w.lower() in _NOT_APPOSITION for w in head.group(2).split()):
            owner = mention_ending(m.start() - len(head.group(0)) + len(head.group(1)))
            if owner is not None and _FRONTED_NAME.search(text, max(0, owner[0].start - 12), owner[0].start):
                # "Menurut Siti, seorang pria merampas dompetnya": the comma closes the fronted phrase and the
                # noun opens the main clause; an apposition there is closed by a comma of its own ("Menurut
                # Siti, seorang pedagang sayur, ...").
                k = bisect.bisect_right(sentence_starts, m.start())
                if "," not in text[end:sentence_starts[k] if k < len(sentence_starts) else len(text)]:
                    owner = None
            if owner is not None:
                cue(owner[1], noun, text[owner[0].start:m.end()])
                continue
        # Right before a name.
        j = bisect.bisect_left(starts, m.end())
        nxt = mentions[j] if j < len(mentions) and mentions[j][0].start - m.end() <= 40 else None
        gap = text[m.end():nxt[0].start] if nxt else ""
        if nxt is not None and not all(w in ("nya", "bernama", "yang", ",") or w in _title_words()
                                       for w in gap.replace(",", " , ").split()):
            nxt = None  # "aktris Kinanti", "istri Bupati Hartono", "seorang pria bernama Joko": next to the name
        if nxt is not None and word[0].isupper() and not gap.strip():
            continue  # "Ibu Wahyuningsih", "Putri Diana": a form of address or a title, not "her mother"
        if nxt is not None and noun.kind == "role":
            cue(nxt[1], noun, text[m.start():nxt[0].end])  # "aktris Dian Sastro"
            continue
        if noun.kind == "kin":
            # "istri Prabowo, Titiek Soeharto", "istri Bupati Hartono, Painem": the name after the comma,
            # behind the owner's name (a mention or not), is the wife.
            owner = _KIN_OWNER.match(text, end)
            appos = mention_at(owner.end()) if owner else None
            if appos is not None and (nxt is None or appos[1] is not nxt[1]):
                cue(appos[1], noun, text[m.start():appos[0].end])
                continue
        if noun.kind == "role" and _PREDICATE.search(text, max(0, m.start() - 30), m.start()):
            continue  # "maju menjadi presiden", "sebagai pemimpin dunia": what someone is, not someone
        k = bisect.bisect_right(sentence_starts, m.start()) - 1
        named_before = k >= 0 and bisect.bisect_left(starts, sentence_starts[k]) < bisect.bisect_left(starts, m.start())
        indefinite = _INDEFINITE.search(text, max(0, m.start() - 20), m.start())
        owners = owners_of(noun.noun, m.start())
        if (noun.kind == "role" and len(owners) == 1 and not indefinite and not text.startswith("nya", m.end())
                and not _CAPITALISED_NEXT.match(text, m.end()) and (
                    (word[0].isupper() and _sentence_start(text, m.start())) or _DEMONSTRATIVE_AFTER.match(text, end)
                    or _SANG.search(text, max(0, m.start() - 10), m.start()))):
            # "Presiden mengatakan pada hari Sabtu ...", "menteri itu", "sang gubernur" after "Presiden Donald
            # Trump": the news epithet of the one person the article gave that title, a mention of theirs (so
            # the subject, and the speaker, the next "dia" continues). Not where two people bore it.
            host = next(iter(owners.values()))
            if noun.gender is None or host.gender() in (None, noun.gender):
                host.spans = sorted([*host.spans, Span(m.start(), m.end())], key=_START_END)
                continue
        if (noun.kind == "role" and noun.gender is None and not indefinite and word[0].isupper()
                and _sentence_start(text, m.start()) and not text.startswith("nya", m.end())
                and (earlier := introduced.get(noun.noun)) is not None):
            # "Seorang pengemudi ojek dipepet dua pria ... . Pengemudi mengalami luka di kepala": a bare noun
            # opening a sentence takes up the one person the article introduced by it (news prose names a
            # driver, a victim, a witness so again), a mention of theirs; not a noun that introduced no one.
            earlier.spans.append(Span(m.start(), m.end()))
            continue
        if noun.kind == "role" and not named_before and not indefinite and not _DEFINITE_AFTER.match(text, end):
            # "Pria berusia 24 tahun ini mengatakan", "Korban ...", "pemimpin dunia": a role noun before any
            # name of its sentence often means someone named before (or no one), so it opens nothing; after
            # a name ("Ramirez mengatakan bahwa calon itu ...") it is someone else.
            continue
        if (noun.kind == "role" and noun.gender is None and not named_before and not indefinite and not met_before
                and was_title and _DEMONSTRATIVE_AFTER.match(text, end)):
            # "Menteri itu" opening its sentence after "Menteri Keuangan Sri Mulyani", where the article has
            # introduced no unnamed minister: an epithet of the person the noun was a title of, whom resolution
            # finds as it would for "ia", not someone new who would stop it. A noun no one bore as a title
            # ("Sopir itu" after "naik taksi") is someone new, as before; one with a gender ("Pria itu") stays
            # someone, for its noun is what a reader goes by.
            continue
        span = Span(m.start(), m.end())
        # Someone unnamed whom the source's own noun gives a gender ("Seorang wanita ... Dia", "Pria itu
        # ... ia"): judged like a named person, for the noun is what a reader of the source goes by. Kin
        # nouns stay placeholders: "istrinya", "ayahnya", and "sang istri" too, are someone's relative, named
        # or not, and a -nya after them is as often that someone's ("hingga sang istri menakuti babinya": the
        # farmer's pigs).
        unnamed = noun.gender is not None and noun.kind == "role"
        opener = indefinite or _SANG.search(text, max(0, m.start() - 10), m.start())
        phrase = text[opener.start():end] if opener else text[m.start():end]
        # A role noun of either gender that introduces someone ("Seorang sopir", "Sang pelaku", "Korban
        # itu"; not "korbannya", someone's victim): a person the text may go on about ("... . Ia dilaporkan
        # berusia 20-an tahun"), whose pronouns a translation must keep of one gender. Tentative: a "-nya" of
        # things ("Jumlahnya") after "(pasien)" makes no one a person; a "dia" or an attribution does.
        neutral = (noun.gender is None and noun.kind == "role" and not text.startswith("nya", m.end())
                   and (opener is not None or _DEMONSTRATIVE_AFTER.match(text, end) is not None))
        judged = unnamed or neutral
        this = _DEMONSTRATIVE_AFTER.match(text, end) if neutral else None
        if neutral and not indefinite and (earlier := introduced.get(noun.noun)) is not None:
            # "Seorang pengemudi ... . Pengemudi itu mengalami luka": the one introduced, taken up again
            earlier.spans.append(span)
            continue
        if this is not None:
            phrase = text[m.start():this.end()]  # 'Sopir itu'
        person = SourcePerson(f"'{phrase}'" if judged else f"({word})", [], [span], placeholder=not judged,
                              tentative=neutral, noun=noun.noun if neutral else None)
        if noun.gender is not None:
            person.evidence.append(Evidence(noun.gender, "source cue", f"'{word}' (a person noun: KBBI)"))
        if neutral:
            # (a second "seorang <noun>" is someone else: the later "<noun> itu" is theirs)
            introduced[noun.noun] = person
        out.append(person)
    return out


@cache
def _figure_titles() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The role nouns a public figure bears by the role of their entry (id/figure_titles.toml)."""
    table = (data_toml("id", "figure_titles.toml") or {}).get("titles", {})
    return tuple((noun, re.compile(rx)) for noun, rx in table.items())


def _figure_bearers(people: list[SourcePerson]) -> dict[str, list[SourcePerson]]:
    """Each title noun -> the public figures of the article whose role it is ("presiden": Donald Trump,
    "President of the United States"); a noun two of them hold names neither (`_person_nouns` wants one)."""
    out: dict[str, list[SourcePerson]] = {}
    for sp in people:
        if sp.figure is None or sp.placeholder or not sp.spans:
            continue
        for noun, rx in _figure_titles():
            if rx.search(sp.figure.role):
                out.setdefault(noun, []).append(sp)
    return out


def _named_next(text: str, people: list[SourcePerson], unnamed: list[SourcePerson], sentences: list[Span]
                ) -> list[SourcePerson]:
    """Someone introduced by an indefinite role noun ("Seorang dokter ... akan didakwa setelah ibunya ...")
    whom the next sentence names as its subject the first time ("Dr. Malar Balasubramanian, 29 tahun,
    ditemukan ..."): news prose opens on the unnamed person and names them next, so the noun is a mention of
    that person (and its gender, if any, a cue of theirs). Not where the name is a speaker's ("... . Kapolres
    Budi Santoso mengatakan"), someone named between them, or a gender the noun contradicts. Returns the
    unnamed people left."""
    nouns = person_nouns()
    candidates = [u for u in unnamed if (noun := nouns.get(text[u.spans[0].start:u.spans[0].end].lower()))
                  is not None and noun.kind == "role"
                  and _INDEFINITE.search(text, max(0, u.spans[0].start - 20), u.spans[0].start)]
    if not candidates:
        return unnamed
    mentions = sorted(((s, sp) for sp in people if not sp.tentative for s in sp.spans), key=lambda x: x[0].start)
    starts = [s.start for s, _ in mentions]
    s_starts = [s.start for s in sentences]
    gone: set[int] = set()
    for u in candidates:
        span = u.spans[0]
        k = bisect.bisect_right(s_starts, span.start) - 1
        if k < 0 or k + 1 >= len(sentences):
            continue
        nxt = sentences[k + 1]
        j = bisect.bisect_left(starts, span.end)
        if j == len(mentions) or not nxt.start <= mentions[j][0].start < nxt.end:
            continue  # someone named before the next sentence, or no one in it
        name, person = mentions[j]
        if person.spans[0] != name or not _opens(text, nxt.start, name.start) or _ATTRIBUTION_AFTER.match(
                text[name.end:name.end + 30]) or _ATTRIBUTION_BEFORE_TITLED.search(text, nxt.start, name.start):
            continue  # named before, not the subject, or speaking
        appos = _APPOSITION.match(text, name.end, name.end + 84)
        # (the pattern opens with "^": sliced, for a position passed to match would never meet it)
        if appos and _ATTRIBUTION_AFTER.match(text[appos.end():appos.end() + 30]):
            continue  # "Budi, warga setempat, mengatakan": a witness
        g = u.gender()
        if g is not None and person.gender() not in (None, g):
            continue
        person.spans = sorted([*person.spans, span], key=_START_END)
        person.evidence += u.evidence
        gone.add(id(u))
    return [u for u in unnamed if id(u) not in gone]


@cache
def _english_place_names() -> frozenset[str]:
    """The English names of the gazetteer's countries, places and institutions ("Syria" for Suriah): sources
    keep them so often enough, and no person bears one as a whole name."""
    from mtcheck.text.entities import gazetteer

    return frozenset(r for r in gazetteer("en").by_rendering if r[:1].isupper())


_ARABIC_ARTICLE = re.compile(r"\s+(?:al|el|ad|ar|as|ash|at|az|an)-")


def _join_arabic_article(text: str, people: list[SourcePerson], found: list[Person]) -> list[SourcePerson]:
    """"Walid al-Moualem", "Bashar al-Assad": find_people reads the given name and the family name apart
    (the lowercase article breaks its run of capitalised words), and "Al-Moualem" opening a sentence as a
    third name. They are one person, whom the given name gives a gender."""
    by_start = {s.start: sp for sp in people for s in sp.spans}
    gone: set[int] = set()
    for sp in people:
        if id(sp) in gone:
            continue
        for s in list(sp.spans):
            art = _ARABIC_ARTICLE.match(text, s.end, s.end + 6)
            other = by_start.get(art.end()) if art else None
            if other is None or other is sp or id(other) in gone or other.figure is not None:
                continue
            family = other.persons[0].name
            for x in people:  # "Al-Moualem", "El-Sisi" elsewhere: the same family name, capitalised
                if x is not sp and id(x) not in gone and x.figure is None and len(x.persons[0].tokens) == 1 and (
                        x is other or re.fullmatch(rf"(?:Al|El|Ad|Ar|As|Ash|At|Az|An)-{re.escape(family)}",
                                                   x.persons[0].name)):
                    sp.persons += x.persons
                    sp.spans = sorted({*sp.spans, *x.spans}, key=_START_END)
                    gone.add(id(x))
            # ... and where find_people's "Al-Mekdad" opening a sentence was no person by itself
            for x in found:
                if re.fullmatch(rf"(?:Al|El|Ad|Ar|As|Ash|At|Az|An)-{re.escape(family)}", x.name) and not any(
                        y.start == x.spans[0].start for y in sp.spans):
                    sp.persons.append(x)
                    sp.spans = sorted({*sp.spans, *x.spans}, key=_START_END)
            if sp.figure is None and len(sp.persons[0].tokens) == 1:
                sp.name = f"{sp.name}{art.group()}{family}"
    return [sp for sp in people if id(sp) not in gone]


# "Tri Rismaharini, atau yang akrab disapa Risma", "Joko Widodo alias Jokowi", "Sean Combs ... telah dikenal
# sebagai Puff Daddy, P. Diddy atau Diddy": the names after the cue are the person's own (news prose names
# people this way far more often than any list of public figures can hold).
_ALIAS_CUE = re.compile(r"(?:\s+[a-z]+){0,5}?\s*,?\s*(?:atau\s+)?(?:yang\s+)?(?:juga\s+|lebih\s+)?"
                        r"(?:akrab\s+|biasa\s+|kerap\s+|sering\s+)?(?:disapa|dipanggil|dijuluki|alias|"
                        r"dikenal\s+(?:sebagai|dengan(?:\s+nama)?)|(?:ber)?julukan|nama\s+panggung(?:nya)?)\s+")
_ALIAS_NAME = re.compile(r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}")
_ALIAS_NEXT = re.compile(r"\s*,\s*|\s+(?:atau|dan)\s+")
# What may not touch a name's mention on either side: [\w'’-], written so that re compiles it without the
# 64K-entry table a class with a character above U+00FF costs (see _surname_mentions).
_NAME_CHAR = re.compile(r"[\w'-]|’")


def _aliases(text: str, people: list[SourcePerson], unplaced: list[SourcePerson]) -> None:
    """Names the source gives a person right after a cue of naming (disapa, alias, dikenal sebagai), and
    every other mention of them, join that person; a record of their own (a tentative "Diddy", a
    placeholder "Puff Daddy") merges into it. Not a title word, a common word or a name of two people."""
    if not _ALIAS_WORDS.search(text):
        return
    everyone = people + unplaced
    by_start = {s.start: sp for sp in everyone for s in sp.spans}
    ends = sorted((s.end, sp) for sp in people if not sp.placeholder for s in sp.spans)
    gone: set[int] = set()
    # The spans of the people not gone: a merge moves the gone one's spans to its host, so they are always
    # those at the start (`held`, built where first needed: merges before it changed no span) and the
    # mentions added below (`added`, which overlap nothing held before them).
    held: SpanSet | None = None
    added = DisjointSpans()
    occurrences: dict[str, list[tuple[int, int]]] = {}  # a name's whole-word occurrences, found once
    for end, host in ends:
        if id(host) in gone:
            continue
        cue = _ALIAS_CUE.match(text, end, end + 90)
        if cue is None:
            continue
        pos, found = cue.end(), []
        while (m := _ALIAS_NAME.match(text, pos)) is not None and len(found) < 4:
            name = m.group().rstrip(".,")
            if name.split()[0] in _title_words():
                break
            found.append(name)
            nxt = _ALIAS_NEXT.match(text, m.end())
            if nxt is None or not text[nxt.end():nxt.end() + 1].isupper():
                break
            pos = nxt.end()
        for name in found:
            if name not in occurrences:
                occurrences[name] = whole_literal(text, name, _NAME_CHAR)
            for start, stop in occurrences[name]:
                other = by_start.get(start)
                if other is host:
                    continue
                span = Span(start, stop)
                if other is not None and id(other) not in gone and other.figure is None:
                    host.persons += other.persons
                    host.spans = sorted({*host.spans, *other.spans}, key=_START_END)
                    gone.add(id(other))
                elif other is None:
                    if held is None:
                        held = SpanSet(s for sp in everyone for s in sp.spans)
                    if held.overlaps(span) or added.overlaps(span):
                        continue
                    added.add(span)
                    host.spans = sorted({*host.spans, span}, key=_START_END)
                    host.persons.append(Person(name, None, (span,)))
    if gone:
        people[:] = [sp for sp in people if id(sp) not in gone]
        unplaced[:] = [sp for sp in unplaced if id(sp) not in gone]


_ALIAS_WORDS = re.compile(r"\b(?:disapa|dipanggil|dijuluki|alias|dikenal|julukan|panggung)\b")


def _merge_contained(people: list[SourcePerson]) -> list[SourcePerson]:
    """One person under two names of two words or more, one inside the other: "Tom Daley" and "Penyelam
    Olimpiade Tom Daley" (a description glued before the name), "Kanye West" and "Ye Rapper Kanye West" (a
    headline), "Sayfullo Saipov" and "Sayfullo Habibullaevic Saipov" (a middle name), "Dr Meerjady" and "Dr
    Meerjady Sabrina Flora" (its first words, where the shorter ends in a name: "Johnny English Reborn" is a film).
    find_people merges only
    one-word mentions into a full name, and two records sharing a last name make that name no one's
    (`_surname_mentions`), so each would stop resolution rather than take it. The record kept is the shorter
    name's where the longer only adds words before it, else the longer's."""
    def tokens(sp: SourcePerson) -> tuple[str, ...]:
        return max((p.tokens for p in sp.persons), key=len)

    out: list[SourcePerson] = []
    for sp in sorted(people, key=lambda x: len(tokens(x))):
        t = tokens(sp)
        host = None
        if sp.figure is None and len(t) > 2 and not sp.placeholder:
            for h in out:
                ht = tokens(h)
                if h.placeholder or not 2 <= len(ht) < len(t) or (h.figure is not None and sp.figure is not None):
                    continue
                if t[-len(ht):] == ht or (t[:len(ht)] == ht and zipf(ht[-1], "en") < 4.0
                                          and not is_common_word(ht[-1])) or (
                        t[0] == ht[0] and t[-1] == ht[-1] and set(ht) <= set(t)):
                    host = h
                    break
        if host is None:
            out.append(sp)
            continue
        if t[-len(tokens(host)):] != tokens(host) and host.figure is None:
            host.name = sp.name  # the fuller name: middle or later names included ("Dr Meerjady Sabrina Flora")
        host.persons += sp.persons
        host.spans = sorted({*host.spans, *sp.spans}, key=_START_END)
        host.rare_word_only = host.rare_word_only and sp.rare_word_only
    return sorted(out, key=lambda x: x.spans[0].start)


_SURNAME_TOKENS = re.compile(r"(?<![\w'-])(?<!’)\w+(?![\w'-])(?!’)")  # see whole_words in _surname_mentions


def _surname_mentions(text: str, people: list[SourcePerson], unplaced: list[SourcePerson],
                      sentence_starts: list[int]) -> None:
    """Mentions by the last name alone ("Sukerti", "Palin, 29 tahun", which find_people may drop as a
    sentence-initial word), found in one pass. A last name two people share ("Sarah Palin", "Track Palin")
    is the one whom the text last named in full as someone of their own (`_surname_focus`); where that
    does not tell them apart, neither's: its mentions go to a placeholder that stops resolution rather than
    guess."""
    owners: dict[str, list[SourcePerson]] = {}
    given: set[str] = set()  # the given names among them
    for sp in people + unplaced:
        for p in sp.persons:
            last = next((t for t in reversed(p.tokens) if not t.isupper()), p.surname)  # not "MSP"
            if len(p.tokens) > 1 and all(x is not sp for x in owners.get(last, [])):
                owners.setdefault(last, []).append(sp)
            # Indonesian news names people again by the given name as often as by the last one ("Dr. Ratna
            # Kusumawati ... Ratna menolak"), where that name is one the name table gives a gender: a
            # dictionary word as well (ratna, jewel) that find_people drops alone.
            first = p.tokens[0]
            if (not sp.placeholder and len(p.tokens) > 1 and first != last and _given_word(first)
                    and all(x is not sp for x in owners.get(first, []))):
                owners.setdefault(first, []).append(sp)
                given.add(first)
    if not owners:
        return
    taken = sorted((s, sp) for sp in people + unplaced for s in sp.spans if len(text[s.start:s.end].split()) > 1)
    t_starts = [s.start for s, _ in taken]
    # (?<![\w'-])(?<!’) is (?<![\w'’-]) compiled in a twentieth of the time: a class holding a character above
    # U+00FF makes re build a 64K-entry table, a millisecond for every article.
    hits = whole_words(text, owners, _SURNAME_TOKENS)  # the same matches, without compiling the pattern
    if hits is None:
        hits = re.compile(r"(?<![\w'-])(?<!’)(?:" + alternation(sorted(owners, key=len, reverse=True))
                          + r")(?![\w'-])(?!’)").finditer(text)
    shared: dict[str, SourcePerson] = {}
    # Each person's spans as a set, kept with their list: a list's membership test and copy per mention of a
    # last name made a person named thousands of times quadratic.
    span_sets: dict[int, set[Span]] = {}

    def held(sp: SourcePerson) -> set[Span]:
        found = span_sets.get(id(sp))
        if found is None:
            found = span_sets[id(sp)] = set(sp.spans)
        return found

    for m in hits:
        a, b = m.span()  # the Span made only for a mention kept
        i = bisect.bisect_right(t_starts, a) - 1
        if i >= 0 and taken[i][0].end > a:
            continue  # inside a full name
        if zipf(m.group(), "id") >= 4.0 and _sentence_start(text, a) and (
                m.group() not in given or _DEMONSTRATIVE_AFTER.match(text, b)):
            continue  # "Dana itu ...": the common word (a given name, "Ratna menolak", unless "Ratna itu")
        span = Span(a, b)
        who = owners[m.group()]
        focus = _surname_focus(text, a, who, taken, t_starts, sentence_starts) if len(who) > 1 else None
        if len(who) == 1:
            target = who[0]
        elif focus is not None:
            target = focus
        else:
            target = shared.get(m.group()) or SourcePerson(m.group(), [], [], placeholder=True)
            if m.group() not in shared:
                shared[m.group()] = target
                unplaced.append(target)
        for sp in who:  # drop it where find_people had given it to one of them
            if target is not sp and span in held(sp):
                sp.spans = [x for x in sp.spans if x != span]
                held(sp).discard(span)
        if span not in held(target):
            target.spans.append(span)
            held(target).add(span)
            target.persons.append(Person(m.group(), None, (span,)))
    for sp in people + unplaced:
        sp.spans.sort(key=_START_END)  # Span's own order, compared in C rather than by its Python __lt__
    people[:] = [sp for sp in people if sp.spans]


def _given_word(word: str) -> bool:
    """A word of one gender as a given name (Ratna, Budi; not Sri, Tri, borne by both), not a title or an
    acronym: one that may stand for its bearer alone."""
    found = given_names.lookup(word)
    return (found is not None and found.gender is not None and word[1:].islower() and len(word) >= 3
            and word not in _title_words())


_FOCUS_SENTENCES = 10
_FIRST_WORD = re.compile(r"\s*(\S+)")  # str.split's words: re's \s and str.isspace are the same characters


@cache
def _kin_noun_before() -> re.Pattern[str]:
    """A kin noun right before a name, with a word and a comma between at most ("putra sulung Sarah Palin",
    "ayahnya, Todd Palin", "Ibunya sendiri, Sarah Palin"): the name is someone's relative or the owner of one,
    named in passing."""
    kin = alternation(sorted((n for n, x in person_nouns().items() if x.kind == "kin"), key=len, reverse=True),
                      ignore_case=True)
    return re.compile(rf"(?<![\w'’-])(?:{kin})(?:nya)?(?:\s+[\w-]+)?\s*,?\s*$", re.I)


def _surname_focus(text: str, pos: int, who: list[SourcePerson], taken: list[tuple[Span, SourcePerson]],
                   t_starts: list[int], sentence_starts: list[int]) -> SourcePerson | None:
    """Which of several people sharing a last name a mention of it alone at `pos` means: the one named in
    full, not in passing after a kin noun, in the latest sentence before it that so names any of them, where
    that sentence so names one of them only ("Track Palin, putra sulung Sarah Palin, ... Palin, 29 tahun":
    Track). News prose names the person it is about in full and then by the last name."""
    bearers = {id(sp) for sp in who}
    surname = _FIRST_WORD.match(text, pos).group(1).strip(",.;:")  # text[pos:].split()[0], without the copy
    if not _family_name(surname):
        return None  # ("CoV" of "Appalachian Ridge CoV" and "Keragaman CoV")
    i = bisect.bisect_left(t_starts, pos) - 1
    # Ten sentences back at most: bounded work per mention (linear in the article), and a name further
    # back is no one's focus any more.
    oldest = bisect.bisect_right(sentence_starts, pos) - 1 - _FOCUS_SENTENCES
    sentence: int | None = None
    chosen: set[int] = set()
    while i >= 0:
        span, sp = taken[i]
        i -= 1
        k = bisect.bisect_right(sentence_starts, span.start) - 1  # the mention's sentence
        if k < oldest:
            break
        if id(sp) not in bearers or surname not in text[span.start:span.end].split():
            continue  # (a mention by another name of the person: "Donald Trump" is no "Palin")
        if sentence is not None and k != sentence:
            break
        if _kin_noun_before().search(text, max(0, span.start - 40), span.start):
            continue
        sentence = k
        chosen.add(id(sp))
    if len(chosen) != 1:
        return None
    return next(sp for sp in who if id(sp) in chosen)


_SENTENCE_END_BEFORE = re.compile(r"(?:^|[.!?\"“”]\s*|\n\s*)$")


def _sentence_start(text: str, pos: int) -> bool:
    return bool(_SENTENCE_END_BEFORE.search(text[max(0, pos - 4):pos]))


@cache
def _convention_start() -> re.Pattern[str]:
    """A name opened by a naming convention ("Ni Luh Made Sukerti", "I Gede Dana", "Ida Bagus Rai"): the
    words after it are name parts even where they are common words (Gede, Dana, Made, Ayu)."""
    forms = sorted((c.form for c in knowledge.conventions() if c.where == "start"), key=len, reverse=True)
    alt = "|".join(re.escape(f) for f in forms)
    return re.compile(rf"(?<![\w'’-])(?:{alt})(?:\s+[A-Z][\w'’-]*){{1,5}}")


def _convention_people(text: str, found: list[SourcePerson]) -> list[SourcePerson]:
    out: list[SourcePerson] = []
    for m in _convention_start().finditer(text):
        name = m.group()
        if name.startswith("I ") and len(name.split()) < 3:
            continue  # "I" alone opens too much
        span = Span(*m.span())
        overlapping = [sp for sp in found if any(s.start < span.end and span.start < s.end for s in sp.spans)]
        host = next((sp for sp in out if sp.name == name), None)
        for sp in overlapping:
            if sp.name in name and host is None:  # found already, perhaps without its convention words
                host = sp
                sp.name = name if sp.figure is None else sp.name
            elif all(x.start < span.end and span.start < x.end for x in sp.spans):
                found.remove(sp)  # "Karangasem I", cut from "Karangasem I Gede Dana": a fragment
        if host is not None:
            if not any(x.start < span.end and span.start < x.end for x in host.spans):
                host.spans.append(span)
                host.spans.sort(key=_START_END)
            continue
        person = SourcePerson(name, [Person(name, None, (span,), True)], [span])
        out.append(person)
    return out


def _without_address(p: Person, text: str) -> Person:
    """"Nn Freeman" (Nona, Miss), "Bapak Joko": the form of address is a cue before the name, no part of it."""
    cues = _source_cues()
    words = p.name.split()
    if len(words) > 1 and (words[0] in cues["before_male"] or words[0] in cues["before_female"]):
        cut = len(words[0]) + 1
        spans = tuple(Span(s.start + cut, s.end) if text.startswith(words[0] + " ", s.start) else s
                      for s in p.spans)
        return Person(" ".join(words[1:]), p.title or words[0], spans, True, p.named_after)
    return p


def _figure_of(p: Person, table: dict[str, Figure]) -> Figure | None:
    if p.name in table:
        return table[p.name]
    words = p.name.split()
    for n in range(len(words) - 1, 1, -1):  # "Prabowo Subianto Djojohadikusumo" holds "Prabowo Subianto"
        for i in range(len(words) - n + 1):
            f = table.get(" ".join(words[i:i + n]))
            if f is not None:
                return f
    return None


@cache
def _title_words() -> frozenset[str]:
    cues = _source_cues()
    return frozenset(w for t in titles() for w in t.split()) | frozenset(cues["before_male"]) | frozenset(
        cues["before_female"])


# Compiled once: these run for each candidate name (re.search's cache look-up per call).
_NEXT_CAPITALISED = re.compile(r"\s+([A-Z][\w'’-]*)")
_PREVIOUS_CAPITALISED = re.compile(r"([A-Z][\w'’.-]*)\s+$")
_SENTENCE_OPENS_BEFORE = re.compile(r"(?:^|[.!?\"“”]\s*)$")


def _whole_name(text: str, start: int, end: int) -> bool:
    """Is text[start:end] a whole name, not part of a longer one ("Retno" inside "Retno Wulandari")?"""
    after = _NEXT_CAPITALISED.match(text[end:end + 40])
    if after and zipf(after.group(1), "id") < 4.0:
        return False
    before = _PREVIOUS_CAPITALISED.search(text[max(0, start - 40):start])
    if before and before.group(1).endswith(".") and before.group(1) not in _title_words():
        return True  # the previous sentence's last word
    if before and before.group(1) not in _title_words() and zipf(before.group(1), "id") < 4.0:
        prefix = text[max(0, start - 42):start - len(before.group(0))]
        return bool(_SENTENCE_OPENS_BEFORE.search(prefix))  # a sentence-initial word is no name part
    return True


_NAME_HEAD = re.compile(r"(?<![\w'’-])(?:" + "|".join(sorted(map(re.escape, _DATA.get("name_heads", ())), key=len,
                                                            reverse=True)) + r")\s+$")


def _named_thing(p: Person, text: str) -> bool:
    """Is every full mention of `p` (two words or more; of a one-word name, every mention) the name of an
    institution, award or place, after its head noun ("Komite Nobel Literatur", "Universitas Sam
    Ratulangi", "Polisi Metropolitan")?"""
    full = [s for s in p.spans if len(text[s.start:s.end].split()) > 1] or (
        list(p.spans) if len(p.tokens) == 1 else [])
    return bool(full) and all(_NAME_HEAD.search(text, max(0, s.start - 20), s.start) for s in full)


_PERSON_BEFORE = re.compile(r"(?<![\w'’-])(?:" + "|".join(sorted(map(re.escape, _DATA.get("person_before_name", ())),
                                                                  key=len, reverse=True)) + r")\s+$")
_FOREIGN_TAILS = frozenset(_DATA.get("foreign_name_tails", ()))
_FOREIGN_PLACE_HEADS = frozenset(_DATA.get("foreign_place_heads", ()))
_DIGIT = re.compile(r"\d")
# A capital inside a word part, after a lowercase letter, other than the prefixes of surnames (Mc, Mac, De, Di,
# La, Le, Van): a brand or a code ("LabCorp", "BioSolutions", "HCoV").
_CAMEL = re.compile(r"(?<![\w'’-])(?!Mc|Mac|De|Di|Da|Du|La|Le|Van|Von)[A-Z]?[a-z]+[A-Z]|[A-Z]{2,}[a-z]")


def _not_a_name_of_person(p: Person) -> bool:
    """Names no person bears, whatever their first word: an acronym or code (CDC, GOP, SARS-CoV-2, HCoV-NL63),
    a name ending in the head noun of a place or institution kept in English ("Evelyn Street", "Boston
    Globe", "Gilead Sciences") or opening with a word that makes it a place ("Fort Detrick", "West
    Virginia"), and an abbreviation standing alone ("St" of "St. Martin")."""
    tokens = p.name.split()
    if not tokens or _DIGIT.search(p.name):
        return True
    if all(t.isupper() and len(t) > 1 for t in tokens) or (len(tokens) == 1 and _CAMEL.search(tokens[0])):
        return True  # "CDC", "HCoV", "LabCorp", "PoCT" (not "McGregor", "DeShawn", "LeBron", "Jean-Pierre")
    if len(tokens) == 1:
        return tokens[0] in _FOREIGN_TAILS and len(tokens[0]) <= 3  # "St", "Co", "Rd"
    return tokens[-1] in _FOREIGN_TAILS or tokens[0] in _FOREIGN_PLACE_HEADS


def _is_person(p: Person, text: str) -> bool:
    """People only: named after a title or a form of address, with a given name of known gender, named as
    a speaker ("kata Hendra"), or "Firstname Lastname" of uncommon words; never a name only ever used after
    the head noun of an institution or place ("Komite Nobel Literatur", "Polisi Metropolitan"), nor a name
    no person bears (`_not_a_name_of_person`)."""
    if _not_a_name_of_person(p):
        return False
    if p.titled:
        return True
    if _named_thing(p, text):
        return False
    if len(p.tokens) >= 2 and not any(t.isupper() for t in p.tokens) and any(
            _PERSON_BEFORE.search(text, max(0, s.start - 24), s.start) for s in p.spans):
        return True  # "tersangka Dyteon Simpson": a role noun of a person right before the name
    if any(_PLACE_ONLY_BEFORE.search(text, max(0, s.start - 20), s.start) for s in p.spans):
        return False  # "di Massachusetts barat", "ke Oldsmobile Intrigue": a place or a thing, once at least
    if len(p.tokens) >= 2 and knowledge.name_evidence(p.name) and all(
            zipf(t, "en") < 4.5 and zipf(t, "id") < 4.5 for t in p.tokens[1:-1]) and zipf(p.surname, "en") < 5.0:
        return True  # "Sarah Palin", "Christine Blasey Ford", not "Victoria Cross" or "Alaska"
    if 2 <= len(p.tokens) <= 3 and _distinct_given_name(p.tokens[0]):
        return True  # "Kanye West", "Pierre Blanc": a given name that is no common word, whatever follows
    if len(p.tokens) > 1 and all(is_common_word(t) or zipf(t, "en") >= 4.0 for t in p.tokens) and not (
            (g := given_names.lookup(p.tokens[0])) is not None and g.gender is not None and g.counts >= 50):
        return False  # "Konservatif Welsh" (the Welsh Conservatives): common words, no given name
    if _addressed_or_attributed(p, text):
        return True
    if _looks_like_person(p):
        return True
    return _rare_word(p)


def _family_name(word: str) -> bool:
    """A word that can be a family several people of an article share: a rare word in both languages, not an
    acronym or code (Palin, Vann; not Bay, Medicine, CoV)."""
    return len(word) >= 3 and word[1:].islower() and zipf(word, "en") < 4.0 and zipf(word, "id") < 4.0


def _family_member(p: Person, families: set[str], text: str) -> bool:
    """Two words whose last is the family name of a person of the article ("Track Palin", "Bristol Palin"
    beside Sarah Palin): a relative, whatever the first word is in English. Not an acronym, a title, an
    Indonesian word ("Keluarga Palin", the family) or a thing ("Gedung Putih")."""
    tokens = p.tokens
    if len(tokens) != 2 or tokens[1] not in families or p.titled or _not_a_name_of_person(p):
        return False
    first = tokens[0]
    return (len(first) > 2 and first[1:].islower() and first not in _title_words() and zipf(first, "id") < 4.5
            and not is_common_word(first) and not _named_thing(p, text))


def _distinct_given_name(word: str) -> bool:
    """A given name of one gender borne by many (1,000 observed or more) that is no common English or
    Indonesian word (Kanye, Pierre; not Victoria, Jordan, Grace)."""
    found = given_names.lookup(word)
    return (found is not None and found.gender is not None and found.counts >= 1000 and zipf(word, "en") < 4.0
            and zipf(word, "id") < 4.0)


def _rare_word(p: Person) -> bool:
    """A rare word named again and again ("Liggins", "Brzezinski"): a person of unknown gender, judged for
    consistency only (MT302); knowledge never says anything of them. Word frequencies only: a name the
    article's evidence finds (Haryanto, Villarreal) is as often a place or a club as a person, and is
    one only when named as a speaker, after a title or a form of address."""
    return (len(p.tokens) == 1 and len(p.spans) >= 2 and not p.name.isupper() and zipf(p.name, "en") < 3.0
            and zipf(p.name, "id") < 3.0)


def _only_a_rare_word(p: Person, text: str) -> bool:
    """Is `p` a person by `_rare_word` alone (no title, form of address or attribution)?"""
    return _rare_word(p) and not p.titled and not _addressed_or_attributed(p, text)


def _addressed_or_attributed(p: Person, text: str) -> bool:
    """Is some mention of `p` after a form of address (Pak, Ibu) or in an attribution ("kata Hendra")?"""
    cues = _source_cues()
    for s in p.spans:
        before = text[max(0, s.start - 25):s.start].split()
        if before and (before[-1] in cues["before_male"] or before[-1] in cues["before_female"]):
            return True
        if _ATTRIBUTION_BEFORE.search(text[max(0, s.start - 12):s.start]) or _ATTRIBUTION_AFTER.match(
                text[s.end:s.end + 30]):
            return True
        # "Yanti, warga Kelurahan Beji, mengatakan": the attribution after an apposition that says what
        # person this is (a person noun, an age), not what a club or an agency is.
        appos = _APPOSITION.match(text, s.end, s.end + 84)
        if appos and _ATTRIBUTION_AFTER.match(text[appos.end():appos.end() + 30]) and (
                _person_noun_pattern().search(appos.group()) or _AGE.search(appos.group())):
            return True
    return False


def _tentative(p: Person, text: str, places) -> bool:
    """A name that is a person if the article refers back to it as one (`_coreference` decides): a single
    word that is a name ("Simon", "Iwasaki", "Winfrey", named without a title or a speech verb), or two
    words opening with a given name of one gender borne by many ("Johnny English", whose last word is
    common English). Not a name no person bears, a place the gazetteer knows, a name only after di/ke/dari,
    a title word, an Indonesian dictionary word (an article-initial "Menyetrika"), or an institution's name."""
    tokens = p.tokens
    if not tokens or _not_a_name_of_person(p) or p.name in places or _named_thing(p, text):
        return False
    if all(_PLACE_BEFORE.search(text, max(0, s.start - 20), s.start) for s in p.spans):
        return False
    if len(tokens) == 1 and all(_MEDIUM_BEFORE.search(text, max(0, s.start - 20), s.start) for s in p.spans):
        return False  # "Mengumumkan perubahan nama tersebut lewat Twitter ..., dia menulis": a medium
    if len(tokens) == 1:
        w = tokens[0]
        if len(w) <= 2 or w in _title_words() or not w[1:].islower():
            return False
        if not is_common_word(w):
            return True
        # A dictionary word that is also a given name borne by many (Muhammad, Arif, Dimas), capitalised
        # mid-sentence: not an article-initial verb ("Menyetrika pakaian lembap ...").
        found = given_names.lookup(w)
        return found is not None and found.gender is not None and found.counts >= 1000 and any(
            not _sentence_start(text, s.start) for s in p.spans)
    if len(tokens) > 2 or any(t.isupper() for t in tokens) or tokens[0] == "The":
        return False  # ("Johnny English Reborn" is a film's title, not its hero)
    found = given_names.lookup(tokens[0])
    return found is not None and found.gender is not None and found.counts >= 1000


def _lone_given_name(word: str) -> bool:
    """Is a name written as one word a given name whatever else it is (Muhammad, Arif, Yusuf: borne by
    1,000 or more, 95% of one gender, rare in English text), so that the name table may speak for a person
    named by it alone? A one-word name common in English (Simon, Warren, Thomas) is as often a surname,
    unless it is no frequent surname at all (Mike, Kevin, Sarah: not among the 5,000 surnames of the US
    census, `given_names.common_surname`), as in a quotation's "Mike banyak berbicara"."""
    found = given_names.lookup(word)
    return (found is not None and found.gender is not None and found.counts >= 1000 and found.p_female is not None
            and not 0.05 < found.p_female < 0.95
            and (zipf(word, "en") < 4.0 or not given_names.common_surname(word)))


def _may_be_person(p: Person) -> bool:
    """Not judged, but perhaps a person ("Track Palin"): a first word borne as a given name, or a rare
    last word."""
    if len(p.tokens) < 2 or any(t.isupper() for t in p.tokens) or p.tokens[0] == "The" or _not_a_name_of_person(p):
        return False  # "The Simpsons", "The Reverend": an English title of a work, a group or a rank
    found = given_names.lookup(p.tokens[0])
    return (found is not None and found.counts >= 5) or (zipf(p.surname, "id") < 3.0 and zipf(p.surname, "en") < 3.5)


def _looks_like_person(p: Person) -> bool:
    """Two or three capitalised words, none of them a common word in English or Indonesian (organisations
    and places mostly contain one: "Medical Research")."""
    if not 2 <= len(p.tokens) <= 3:
        return False
    return all(zipf(t, "en") < 4.0 and zipf(t, "id") < 4.0 and not t.isupper() for t in p.tokens)


def _source_cues() -> dict:
    from mtcheck.text.pronouns import source_cues

    return source_cues()


@cache
def _cue_after(cue: str) -> re.Pattern[str]:
    """A cue directly after a name; compiled once per cue (re's own cache of 512 is too small for all the
    patterns of an article, and evicted ones were compiled again for every article)."""
    return re.compile(r"[\s,]*" + re.escape(cue) + r"\b")


def _gather(sp: SourcePerson, text: str, surnames: dict[str, int]) -> None:
    """The evidence of gender that does not depend on the translation."""
    if sp.figure is not None:
        sp.evidence.append(knowledge.figure_evidence(sp.figure))
    cues = _source_cues()
    seen: set[str] = set()
    for span in sp.spans:
        before = text[max(0, span.start - 25):span.start].split()
        after = text[span.end:span.end + 40].lower()
        name = text[span.start:span.end]
        for g, key in (("m", "before_male"), ("f", "before_female")):
            if before and before[-1] in cues.get(key, ()) and f"{g}{before[-1]}" not in seen:
                seen.add(f"{g}{before[-1]}")
                kind = "title" if before[-1] in ("Raja", "Ratu", "Pangeran", "Putri", "Paus") else "source cue"
                sp.evidence.append(Evidence(g, kind, f"'{before[-1]} {name}' in the source"))
        for g, key in (("m", "after_male"), ("f", "after_female")):
            for cue in cues.get(key, ()):
                # Directly after the name only ("Rutte dan istrinya" is too loose to trust).
                if _cue_after(cue).match(after) and f"{g}{cue}" not in seen:
                    seen.add(f"{g}{cue}")
                    sp.evidence.append(Evidence(g, "source cue", f"'{cue}' after {name} in the source"))
    # The name itself: the fullest form the source uses (its given name first), unless the public figure's
    # entry already speaks for it.
    full = next((p for p in sp.persons if p.name == sp.name), None) or max(sp.persons, key=lambda p: len(p.tokens))
    if sp.rare_word_only and len(full.tokens) == 1:
        return
    if sp.figure is None or sp.figure.name.split()[0] == full.name.split()[0]:
        name = sp.figure.name if sp.figure is not None else full.name
        # (A person named by a frequent surname alone, "Miller berkata", is no bearer of the given name.)
        if len(full.tokens) > 1 or (full.tokens[0] not in surnames and not (
                sp.figure is None and given_names.surname_alone(full.tokens[0]))):
            sp.evidence += knowledge.name_evidence(name)


# -------------------------------------------------------------------------------------------- resolution

def _quoted(pair: ArticlePair, closed_only: bool = False) -> list[tuple[int, int]]:
    """Quotations of the source; one left open runs to its paragraph's end (news quotes that span
    paragraphs open each paragraph and close only the last), unless `closed_only`. Once per article: the
    resolution runs twice where tentative people are rejected."""
    return pair.analysis("coreference-quotes", _find_quoted)[1 if closed_only else 0]


def _find_quoted(pair: ArticlePair) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(the quotations with those left open, the closed ones only): both from one scan of each paragraph
    (the resolution asks for both, and each was a scan of its own)."""
    out: list[tuple[int, int]] = []
    closed: list[tuple[int, int]] = []
    text = pair.source
    quotes = tuple(q for q in pair.source_pack.quotes if q[0] not in _SIDED)
    for p in pair.source_segments.paragraphs:
        scan = scan_pairs(text, p.start, p.end, quotes)
        found = [(o, c + 1) for o, c in scan.pairs]
        pairs, left_open = _straight_quotes(text, p.start, p.end)
        singles = single_quotes(text, p.start, p.end)  # ‘...’ (NTREX: "Berbicara serius ‘dan kemudian kami ...’")
        # In the order the two lists were built in when each had its own scan (_disjoint sorts them anyway).
        out += found
        out += [(m.pos, p.end) for m in scan.unmatched if m.opens]
        out += pairs
        out += singles
        if left_open is not None:
            out.append((left_open, p.end))
        closed += found
        closed += pairs
        closed += singles
    return _disjoint(out), _disjoint(closed)


_SIDED = frozenset('"“”')
_SIDED_MARK = re.compile('["“”]')


def _straight_quotes(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], int | None]:
    """Quotations in double quotes (straight or curly, which sources mix: “AI Superpowers ... Order"), read
    by which side of a word each mark stands on rather than by alternation or glyph: a mark after a space
    and before a word opens, one after a word or a stop closes. A stray mark (corpora and MT output drop
    or add them: `"Ia dilaporkan berusia 20-an tahun.` with no closing mark) then stays alone instead of
    pairing with the next quotation's opening mark and turning the narration between them into a
    quotation. Returns the pairs (end exclusive) and where a quotation left open at the paragraph's end
    begins."""
    pairs: list[tuple[int, int]] = []
    stack: list[int] = []  # open quotations, innermost last
    for hit in _SIDED_MARK.finditer(text, start, end):
        i = hit.start()
        before = text[i - 1] if i > start else " "
        after = text[i + 1] if i + 1 < end else " "
        if before.isdigit():
            continue  # 5" (inches) is no quotation mark
        opens = (before.isspace() or before in "([—–-:") and not after.isspace()
        closes = not before.isspace() and (after.isspace() or not after.isalnum())
        if not stack:
            if opens or not closes:
                stack.append(i)
        elif closes or not opens:
            pairs.append((stack.pop(), i + 1))
        elif (text[stack[-1]] == '"') == (hit.group() == '"'):
            stack[-1] = i  # a second opening mark of the same kind: the first was stray
        else:
            stack.append(i)  # a quotation inside a quotation ("... menyebutnya “Putri Salju ...”")
    return pairs, (stack[0] if stack else None)


def _disjoint(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _inside(spans: list[tuple[int, int]], starts: list[int], pos: int) -> tuple[int, int] | None:
    i = bisect.bisect_right(starts, pos) - 1
    if i >= 0 and spans[i][0] < pos < spans[i][1]:
        return spans[i]
    return None


def _forms(text: str, start: int, end: int) -> list[tuple[Span, str, str]]:
    found: list[tuple[Span, str, str]] = []
    # The forms kept so far (a sentence of thousands of forms made a scan of every one per form quadratic).
    taken = DisjointSpans()
    # The ASCII twins where the sentence (and the character before it, which \b reads) is plain ASCII: the
    # same matches (text/ascii_twin.py); the scans look at nothing past `end`.
    scans = _FORM_SCANS_ASCII if plain(text[max(0, start - 1):end]) else _FORM_SCANS
    for kind, pattern in scans:
        if kind == "possessive" and _NYA.search(text, start, end) is None:
            continue  # no -nya in the sentence: none of its words (each read to its end) can end in one
        for m in pattern.finditer(text, start, end):
            a, b = m.span()
            if taken.overlaps_at(a, b):  # on offsets: one Span per form kept, none for those dropped
                continue
            w = m.group().lower()
            if kind == "possessive" and (w in _NOT_PERSONAL or (w.startswith("se") and len(w) > 6) or (
                    not text[a].islower() and not (a == start and zipf(w[:-3], "id") >= 3.0))):
                continue  # a capitalised one only opening the sentence ("Ibunya", not "Sonya")
            found.append((Span(a, b), m.group(), kind))
            taken.add_at(a, b)
    return sorted(found, key=lambda f: f[0].start)


_OPEN_PAREN = re.compile(r"\s*\(\s*")
_CLOSE_PAREN = re.compile(r"\s*\)")


def _named_in_parentheses(text: str, end: int, mentions: list[tuple[Span, SourcePerson]],
                          starts: list[int]) -> SourcePerson | None:
    """The person named in parentheses right after a form ("Ia (Prabowo) menegaskan", a convention of
    Indonesian news prose that says whom a pronoun means), or None."""
    m = _OPEN_PAREN.match(text, end)
    if m is None:
        return None
    i = bisect.bisect_left(starts, m.end())
    if i < len(mentions) and mentions[i][0].start == m.end() and _CLOSE_PAREN.match(text, mentions[i][0].end):
        return mentions[i][1]
    return None


def _resolve(pair: ArticlePair, mentions: list[tuple[Span, SourcePerson]], starts: list[int]) -> list[SourceRef]:
    text = pair.source
    quoted = _quoted(pair)
    q_starts = [q[0] for q in quoted]
    refs: list[SourceRef] = []
    prev_subject: SourcePerson | None = None
    last_named: SourcePerson | None = None
    speaker: SourcePerson | None = None  # the last person quoted or reported speaking
    speaker_at = subject_at = -1  # the sentences where each was last set
    subject_opens = False  # the previous subject opens its sentence
    subject_end = -1  # where that sentence ends
    q_ends = [q[1] for q in quoted]
    closed = _quoted(pair, closed_only=True)
    c_starts = [q[0] for q in closed]
    stranger = _strangers(pair, mentions, starts)
    # Each sentence's forms, found once per article (both passes read them; the text alone decides them).
    forms = pair.analysis("coreference-forms", lambda p: [_forms(text, s.start, s.end)
                                                          for s in p.source_segments.sentences])
    quoted_third = False  # a closed quotation since the last named person has a third-person form
    prev_people: list[SourcePerson] = []  # the people named in the previous sentence
    prev_referred: list[SourcePerson] = []  # and those its forms refer to
    for n, sent in enumerate(pair.source_segments.sentences):
        lo, hi = bisect.bisect_left(starts, sent.start), bisect.bisect_left(starts, sent.end)
        here = [(s, p) for s, p in mentions[lo:hi] if not _inside(quoted, q_starts, s.start)]
        first_ref: tuple[int, SourcePerson] | None = None  # the first form's person (a placeholder too)
        first_open: int | None = None  # a subject pronoun left open before it
        resolved_here: list[tuple[Span, SourcePerson]] = []
        first_person: bool | None = None  # the sentence has a first-person word outside quotation marks
        adjunct: int | None = None  # where a fronted clause with no subject of its own ends (0: none); asked once
        for span, form, kind in forms[n]:
            if _inside(quoted, q_starts, span.start):
                # Someone the speaker talks about. Inside a closed quotation it is kept, unresolved, so that
                # a translation which renders it outside quotation marks does not hand it to the nearest
                # name (a quotation left open may be a stray mark: nothing is said of it).
                if (q := _inside(closed, c_starts, span.start)) is not None:
                    refs.append(_quoted_ref(text, mentions, starts, q, span, form, kind))
                    # (not a -nya on a role noun: "pelakunya sudah lari", the perpetrator, is -nya as a
                    # definite article, KBBI -nya 3, and speaks of no one the next "Ia" may mean)
                    noun = person_nouns().get(form[:-3].lower()) if form.lower().endswith("nya") else None
                    quoted_third = quoted_third or noun is None or noun.kind != "role"
                continue
            # A form resolved earlier in the sentence stands for its person there ("Ia mengarahkan petugas ke
            # Oldsmobile Intrigue miliknya": Ia is as much a person before "miliknya" as the car's name).
            before = sorted([(s, p) for s, p in here + resolved_here if s.end <= span.start
                             and not _parenthetical(text, sent.start, s, span.start)], key=lambda x: x[0].start)
            if adjunct is None:
                adjunct = _main_clause_after(text, sent.start, sent.end, here)
            if adjunct and adjunct <= span.start:
                # "Setelah bertemu Siti Rahayu, ia kembali ke kantornya": who met her, not she; "Setelah
                # bertemu Presiden Prabowo, Sri Mulyani mengatakan ia ...": Sri Mulyani
                before = [(s, p) for s, p in before if s.start >= adjunct]
            if len({id(p) for _, p in before}) > 1:
                # The owner of a kin noun named with the relative ("Anak laki-laki Ny. Davis, Tyler, berusia 13
                # tahun saat dia ...") is not whom the sentence is about: the relative is.
                before = [(s, p) for s, p in before if not _kin_owner(text, s.start)] or before
            person, how = None, ""
            head = text[sent.start:span.start]
            after_quote = bool(_CLOSED_QUOTE.search(head))
            if kind == "pronoun" and after_quote and _VERB_AFTER.match(text, span.end):
                kind = "speech"  # "...," dia mengatakan / dia bersumpah: whatever the verb, the quotation's speaker
            elif kind == "possessive" and after_quote and text[span.start].islower() and not _OBJECT.match(form):
                kind = "speech"  # "...," ejeknya, "...," kritiknya: a verb of saying the stems do not list
            named_after = _named_in_parentheses(text, span.end, mentions, starts)
            if named_after is not None:
                # "Ia (Prabowo) menegaskan ...", "kata dia (Puan)": the writer says whom the form means.
                person, how = named_after, "named in parentheses after it"
            elif kind == "speech":
                k = bisect.bisect_right(q_ends, span.start) - 1  # the last quotation closed before it
                q = quoted[k] if k >= 0 and quoted[k][0] >= sent.start - 400 else None
                if _CLOSED_QUOTE.search(head) and q is not None:
                    # "...," kata Puan is named; "...," ujarnya: the speaker of this quotation
                    named = [(s, p) for s, p in mentions[bisect.bisect_left(starts, max(0, q[0] - 200)):
                                                         bisect.bisect_left(starts, q[0])]
                             if _ATTRIBUTION_AFTER.match(text[s.end:s.end + 30])]
                    if named and named[-1][0].start >= sent.start:
                        person, how = named[-1][1], "attribution after a quotation: its speaker, named before it"
                    elif (moved_on := prev_subject is not None and speaker is not None and subject_at > speaker_at
                          and prev_subject is not speaker) and (subject_opens or len(
                            {id(p) for p in prev_referred}) == 1) and (
                            not text[subject_end:q[0]].strip() or (
                                subject_at == n - 1 and q[0] >= sent.start
                                and not any(s.start < span.start for s, _ in here))):
                        # "Ridwan Kamil menolak ide itu. "...," katanya.": the person the text moved on to since
                        # the last quotation, named as the subject of the sentence the quotation follows (or of
                        # the sentence before, where the quotation's own sentence names no one before it: "Hari
                        # Senin akan memberikan Bolivia “...,” katanya."). Also where that sentence is about its
                        # one person without opening on the name ("Namun, sepertinya suara Graham tidak akan
                        # dapat diubah. "...," katanya.": Graham, not Kennedy quoted before).
                        person, how = prev_subject, "attribution after a quotation: the previous sentence's subject"
                    elif moved_on:
                        # Someone else became the subject since the last speaker, but not right before the
                        # quotation: either may be speaking, and no guess is made.
                        how = "unresolved: an attribution after a quotation, the last speaker or a subject since"
                    elif speaker is not None:
                        person, how = speaker, "attribution after a quotation: the last person quoted"
                    elif prev_subject is not None and len({id(p) for p in prev_people}) <= 1:
                        # (With no one quoted yet and two people in the sentence before, either may speak:
                        # "Anak laki-laki Ny. Davis, Tyler, berusia 13 tahun saat ... . "...," katanya.")
                        person, how = prev_subject, "attribution after a quotation: the previous sentence's subject"
                elif prev_subject is not None and (speaker is None or subject_at > speaker_at):
                    # "Elizabeth Farrell mendorong ... . Katanya, ...": the person the text moved on to
                    person, how = prev_subject, "attribution: the previous sentence's subject"
                elif speaker is not None:  # "Retorika Morales ..., katanya": the speaker, not a name in it
                    person, how = speaker, "attribution: the last person quoted"
                elif prev_subject is not None:
                    person, how = prev_subject, "attribution: the previous sentence's subject"
                elif last_named is None and (ahead := _named_ahead(pair, n, span, mentions, starts, quoted,
                                                                   q_starts)) is not None:
                    person, how = ahead, "attribution with no one named before it: the person named right after it"
                how = how or "unresolved"
            elif before:
                # The subject of the form's own clause ("Risma mengatakan ..., sementara Emil menyebut ia"),
                # else of the sentence. With two people in the clause only a pronoun right after a verb of
                # saying is the subject's ("Puan mengatakan ia"); "pencalonan dirinya" after two names is
                # left unresolved. An object -nya ("menghubunginya") is someone other than the subject.
                clause = max([sent.start, *(m.end() for m in _CLAUSE.finditer(text, sent.start, span.start))])
                # The innermost reported clause that names someone ("... bahwa komite tidak bisa menghubungi
                # Bob Dylan untuk menyampaikan kemenangannya": Dylan's), else the clause, else the sentence.
                # For a possessive (and dirinya, pihaknya) only: a "dia" inside the reported clause may be its
                # object ("bahwa St. Martin tidak menggantikan dia": the speaker).
                owned = kind == "possessive" or form.lower() in ("dirinya", "pihaknya")
                opens = [m.end() for m in _REPORTED.finditer(text, clause, span.start)][::-1] if owned else []
                in_clause = next((x for b in opens if (x := [(s, p) for s, p in before if s.start >= b])),
                                 [(s, p) for s, p in before if s.start >= clause] or before)
                distinct = {id(p) for _, p in in_clause}
                subject = in_clause[0][1]
                if (kind == "possessive" and _OBJECT.match(form)) or _object_pronoun(text, sent.start, span, form):
                    # Someone other than the verb's agent: the person of its own clause ("Ford bersaksi bahwa
                    # Kavanaugh menyerangnya"), the head of a relative clause ("wanita yang menuduhnya"), else
                    # the sentence's subject ("Puan bertemu Jokowi dan memeluknya"). With two people or more
                    # besides the agent, it is left open.
                    obj = "an object -nya" if kind == "possessive" else f"an object '{form}'"
                    cut = [m for m in _AGENT_CLAUSE.finditer(text, sent.start, span.start)]
                    agent: SourcePerson | None = subject
                    if cut:
                        mine = [p for s, p in before if s.start >= cut[-1].end()]
                        head_of = [p for s, p in before if s.end <= cut[-1].start()]
                        if mine:
                            agent = mine[-1]
                        elif cut[-1].group().lower() == "yang" and head_of:
                            agent = head_of[-1]
                        elif cut[-1].group().lower() == "bahwa":
                            # "Tuan Hartono mengatakan bahwa Dinas Perhubungan tidak menggantikan dia": the
                            # reported clause's agent is no one named, and the speaker may be its object
                            agent = None
                    others = {id(p): p for _, p in before if p is not agent}
                    # (the people the sentence before refers to by its forms too: "... merupakan pertemuannya
                    # yang ke-36 sejak Trump menjabat. Seorang peserta mengajukan pertanyaan padanya" is hers)
                    earlier = {id(p): p for p in prev_referred if p is not agent}
                    if not others and not _OWN_OBJECT.match(form) and len(distinct) == 1 and len(earlier) == 1:
                        # "... tidak bisa menghubungi Bob Dylan ... . Sara akhirnya menyerah menghubunginya.": with
                        # nobody else in its sentence, the one other person of the sentence before
                        person, how = (next(iter(earlier.values())), f"{obj}: the one person of the previous "
                                       "sentence other than its verb's agent")
                    elif not others and _OWN_OBJECT.match(form) and len(distinct) == 1:
                        # "West mengatakan bahwa baginya ...", "kritik terhadapnya": for, about, against
                        # the only person of the sentence, as often as not its subject
                        person, how = agent, "an object -nya of bagi/untuk/tentang/terhadap/atas: the only person"
                    else:
                        person, how = (next(iter(others.values())), f"{obj}: the person other than its verb's "
                                       "agent") if len(others) == 1 else (None, f"unresolved: {obj}")
                elif len(distinct) == 1:
                    person = subject
                    how = ("the subject of this sentence" if in_clause[0][0] == before[0][0]
                           else "the subject of its clause")
                elif kind == "pronoun" and _SAID.search(text[max(sent.start, span.start - 25):span.start]):
                    person, how = subject, "the subject of this sentence, after a verb of saying"
                elif kind == "possessive" and (sayer := _reported_speaker(text, clause, before, span.start)):
                    # "Salah satu cucunya, Michael Vann, mengatakan ini ... prestasi kakeknya": a -nya in the
                    # clause a verb of saying reports, which names no one, is the speaker's, named right
                    # before the verb (the grandson's grandfather, not the grandfather's).
                    person, how = sayer, "a possessive in the reported clause: the speaker named before its verb"
                elif kind == "pronoun" and _COORDINATED_SAID.search(text, in_clause[-1][0].end, span.start):
                    # "Pompeo bertemu Ri ... dan mengatakan setelah itu bahwa dia": a verb of saying
                    # coordinated with the subject's own verb, after the last name, is the subject's.
                    person, how = subject, "the subject of this sentence, speaking in a coordinated verb"
                elif (form.lower() in ("dia", "ia")
                      and _SUBORDINATE.search(text, max(clause, span.start - 90), span.start)
                      and _opens(text, max(clause, sent.start), in_clause[0][0].start)):
                    # "Climo memperlonggar kepemimpinan Ayr dengan sebuah penalti, sebelum ... dia mencetak gol":
                    # the subject named at the start of its clause goes on into the subordinate clause; the
                    # others are named inside the main clause (its object, an owner).
                    person, how = subject, "the subject of its clause, going on in a subordinate clause"
                else:
                    person, how = None, "unresolved: two people before it"
            else:
                opener = text[sent.start:span.start].split()[:1]
                comma = text.find(",", span.end, sent.end)
                # The subject is the name right after the comma that closes the fronted phrase, titles
                # allowed between ("Dalam pidatonya, Presiden Joko Widodo"); a name inside the phrase
                # ("Dalam makalahnya yang berjudul The President's Speech, Oliver Sacks") is not it.
                after = [(s, p) for s, p in here if comma >= 0 and s.start > comma
                         and all(w in _title_words() for w in text[comma + 1:s.start].split())]
                # After a preposition's phrase a pronoun opens the main clause ("Sepanjang tahun 1980-an dia
                # bekerja di ... Taxi, Cheers"): only a possessive there points forward ("Dalam pidatonya,").
                if after and opener and opener[0] in _DATA["cataphora_openers"] and len(
                        text[sent.start:after[0][0].start].split()) <= 10 and not (
                        kind == "pronoun" and opener[0] in _PREPOSITION_OPENERS):
                    person, how = after[0][1], "fronted phrase: the subject that follows"
            if person is None and not how and kind == "possessive" and _OBJECT.match(form):
                how = "unresolved: an object -nya with nobody else in its sentence (often a thing)"
            if person is None and not how and quoted_third:
                # A quotation since the last named subject spoke of someone in the third person ("Semua
                # orang mengenalnya ..."): the "dia" after it may be that person as well as the subject.
                how = "unresolved: a quotation before it speaks of someone else"
            if person is None and not how and first_person is None:  # read once a sentence, where first asked
                first_person = any(not _inside(quoted, q_starts, m.start())
                                   for m in _FIRST_PERSON.finditer(text, sent.start, sent.end))
            if person is None and not how and first_person:
                # "Saya tidak tahu keadaannya": a speaker's words outside quotation marks (a quotation that
                # runs on from the paragraph before, its mark left out) speak of someone else.
                how = "unresolved: a sentence in the first person, outside quotation marks"
            if person is None and not how and kind == "pronoun" and not before and speaker is not None and (
                    speaker_at == n - 1 and _ATTRIBUTION_AFTER.match(text[span.end:span.end + 30])):
                # "... setelah Brexit, kata Sekretaris Bisnis Greg Clark. Dia menambahkan ...": who goes on
                # speaking is the speaker of the sentence before, not the first name it holds.
                person, how = speaker, "a pronoun before a verb of saying: the previous sentence's speaker"
            if person is None and not how:
                if prev_subject is not None:
                    person, how = prev_subject, "the subject of the previous sentence"
                elif last_named is not None:
                    person, how = last_named, "the last named person"
                elif kind == "pronoun" and (ahead := _named_ahead(pair, n, span, mentions, starts, quoted,
                                                                     q_starts)) is not None:
                    # No one named before it (an article, or an excerpt, that opens on "Dia ..."): the person
                    # named right after it, in its sentence or as the subject opening the next one.
                    person, how = ahead, "no one named before it: the person named right after it"
            # A name between the person's last mention and the form may be whom it means; not so where the
            # form points forward to the subject named after it.
            if person is not None and not how.startswith("fronted") and (who := stranger(person, span.start)):
                person, how = None, f"unresolved: {how} is {person.name}, but {who} is named in between"
            placed = person
            if person is not None and person.placeholder:
                person, how = None, f"unresolved: {how} is {person.name}, a name mtcheck does not judge"
            candidates: tuple[SourcePerson, ...] = ()
            if person is None and how.startswith(_OPEN_BETWEEN_PEOPLE):
                candidates = _candidates([p for _, p in before], prev_people,
                                         prev_subject, speaker if kind == "speech" else None)
            refs.append(SourceRef(span, form, kind, person, how or "unresolved", candidates))
            if person is not None and kind != "speech":
                resolved_here.append((span, person))
            if first_ref is None and placed is not None:
                first_ref = (span.start, placed)
            elif first_ref is None and first_open is None and kind == "pronoun" and form.lower() in ("dia", "ia"):
                first_open = span.start  # "Pada tahun 1989, dia membantu ... dengan Brooks": about someone unknown
            if kind == "speech" and person is not None:
                speaker, speaker_at = person, n
        for s, p in here:  # speakers named in this sentence: "kata Puan", "Puan mengatakan"
            if _ATTRIBUTION_BEFORE_TITLED.search(text, max(sent.start, s.start - 80), s.start) or (
                    _ATTRIBUTION_AFTER.match(text[s.end:min(sent.end, s.end + 30)])):
                speaker, speaker_at = p, n
        prev_people = [p for _, p in here]
        prev_referred = prev_people + [p for _, p in resolved_here]
        if here:
            last_named = here[-1][1]
            quoted_third = False
        # The subject the next sentence's "ia" continues: whoever this sentence is first about.
        # On a tie ("Ayahnya ...": the father and his -nya on one word) the owner of -nya, the one the
        # article is about, continues.
        # A name owning a kin noun ("istri Bupati Hartono, Painem"; "ayah Puan") is not whom the sentence is
        # about: the relative is.
        about = [(s, p) for s, p in here if not _kin_owner(text, s.start)] or here
        if adjunct is None:
            adjunct = _main_clause_after(text, sent.start, sent.end, here)
        if adjunct:
            # "Usai menemui Anwar Ibrahim, Retno dijadwalkan ...", "Setelah bertemu Anwar Ibrahim, ia
            # mengatakan ...": the name or pronoun opening the main clause is whom the sentence is about, not
            # the fronted clause's object
            about = [(s, p) for s, p in about if s.start >= adjunct]
            first_ref = first_ref if first_ref is not None and first_ref[0] >= adjunct else None
        # Two people's full names with nothing between them ("... pada saat kampanye Donald Trump Track Palin,
        # 26 tahun, menghabiskan ..."; entities._split_joined_names): a headline without its full stop glued
        # to the first sentence, whose subject is the name that opens it, not the headline's.
        glued = next((i for i in range(len(here) - 1, 0, -1) if here[i][1] is not here[i - 1][1]
                      and not text[here[i - 1][0].end:here[i][0].start].strip()
                      and all(len(text[s.start:s.end].split()) >= 2 for s, _ in here[i - 1:i + 1])), None)
        if glued is not None:
            cut = here[glued][0].start
            about = [(s, p) for s, p in about if s.start >= cut] or here[glued:]
            first_ref = first_ref if first_ref is not None and first_ref[0] >= cut else None
            first_open = first_open if first_open is not None and first_open >= cut else None
        firsts = [x for x in (first_ref, (about[0][0].start, about[0][1]) if about else None) if x is not None]
        if first_open is not None and all(first_open < x[0] for x in firsts):
            # The sentence is about someone its "dia" stands for, whom resolution left open: not the name
            # after it ("Pada tahun 1989, dia membantu menciptakan The Simpsons dengan Brooks"), so the next
            # sentence's "ia" continues no one.
            prev_subject, subject_at, subject_end, subject_opens = None, n, sent.end, False
        elif firsts:
            first = min(firsts, key=lambda x: x[0])
            prev_subject, subject_at, subject_end = first[1], n, sent.end
            # Named as the sentence's grammatical subject, at its start ("Calzadilla juga menyangkal",
            # "Gubernur Ridwan Kamil menolak"): the person the text moved on to.
            # (a role noun before the name is part of how it is named: "Mantan presiden Eduardo Rodríguez")
            opening = [w for w in text[sent.start:first[0]].split() if w not in _title_words()
                       and w.lower() not in person_nouns()]
            subject_opens = len(opening) <= 1
    return _quoted_candidates(pair, refs, closed, mentions, starts)


# Forms left open because more than one person may be meant (not because no one is, nor inside quotations,
# nor across a stranger's name): the ones whose candidates are recorded.
_OPEN_BETWEEN_PEOPLE = (
    "unresolved: two people before it",
    "unresolved: an object",  # -nya, 'dia': someone other than its verb's agent, or (with nobody else) a thing
    "unresolved: an attribution after a quotation, the last speaker or a subject since",
)

def _candidates(before: list[SourcePerson], prev_people: list[SourcePerson], prev_subject: SourcePerson | None,
                speaker: SourcePerson | None) -> tuple[SourcePerson, ...]:
    """Everyone an open form may mean, in order, each once: the people named before it in its sentence, those
    of the sentence before, that sentence's subject and (for an attribution) the last speaker. Empty where
    that is no one."""
    out: list[SourcePerson] = []
    for p in [*before, *prev_people, prev_subject, speaker]:
        if p is not None and all(p is not q for q in out):
            out.append(p)
    return tuple(out)


def _quoted_candidates(pair: ArticlePair, refs: list[SourceRef], closed: list[tuple[int, int]],
                       mentions: list[tuple[Span, SourcePerson]], starts: list[int]) -> list[SourceRef]:
    """The candidates of a form a closed quotation leaves open ("Danius berkata, "... kolaborator
    terdekatnya ..."": whose collaborators?): the people the quotation may speak of, who are named in it
    before the form, in its sentence before it opens and in the sentence before, less its speaker, who speaks
    of themselves in the first person. Only where the speaker is known (named or resolved right before or
    after the quotation): otherwise the speaker may be among them."""
    if not any(r.how == "unresolved: inside a quotation" for r in refs):
        return refs
    text = pair.source
    c_starts = [q[0] for q in closed]
    sents = pair.source_segments.sentences
    s_starts = [x.start for x in sents]
    r_starts = [r.span.start for r in refs]
    out = []
    for r in refs:
        q = _inside(closed, c_starts, r.span.start) if r.how == "unresolved: inside a quotation" else None
        speaker = _quotation_speaker(text, q, refs, r_starts, mentions, starts) if q is not None else None
        if q is None or speaker is None:
            out.append(r)
            continue
        k = bisect.bisect_right(s_starts, q[0]) - 1
        lo = sents[k - 1].start if k > 0 else (sents[k].start if k >= 0 else q[0])
        named = [p for s, p in mentions[bisect.bisect_left(starts, lo):bisect.bisect_left(starts, r.span.start)]
                 if s.end <= r.span.start]
        # the people the forms resolved there stand for ("Sara akhirnya menyerah menghubunginya": Dylan)
        named += [x.person for x in refs[bisect.bisect_left(r_starts, lo):bisect.bisect_left(r_starts, r.span.start)]
                  if x.person is not None and not x.how.startswith(QUOTED)]
        candidates = _candidates([p for p in named if p is not speaker], [], None, None)
        out.append(replace(r, candidates=candidates) if candidates else r)
    return out


def _quotation_speaker(text: str, q: tuple[int, int], refs: list[SourceRef], r_starts: list[int],
                       mentions: list[tuple[Span, SourcePerson]], starts: list[int]) -> SourcePerson | None:
    """Who speaks a closed quotation: the person of an attribution right after it ("...," katanya; "...,"
    kata Puan), else the person named right before it with a verb of saying ("Danius berkata, "...")."""
    i = bisect.bisect_left(r_starts, q[1])
    if i < len(refs) and refs[i].kind == "speech" and refs[i].span.start - q[1] <= 40:
        return refs[i].person
    j = bisect.bisect_left(starts, q[1])
    if j < len(mentions) and mentions[j][0].start - q[1] <= 60 and _ATTRIBUTION_BEFORE_TITLED.search(
            text, q[1], mentions[j][0].start):
        return mentions[j][1]
    j = bisect.bisect_left(starts, q[0]) - 1
    if j >= 0 and q[0] - mentions[j][0].end <= 40 and _ATTRIBUTION_AFTER.match(text[mentions[j][0].end:q[0]]):
        return mentions[j][1]
    return None


_PREPOSITION_OPENERS = frozenset(_DATA.get("preposition_openers", ()))
QUOTED = "inside a quotation: "


def _quoted_ref(text: str, mentions: list[tuple[Span, SourcePerson]], starts: list[int], quote: tuple[int, int],
                span: Span, form: str, kind: str) -> SourceRef:
    """A form inside a closed quotation: the one person the quotation itself names before it ("Mike banyak
    berbicara ... apa yang ia katakan": Mike), else unresolved (the speaker talks of someone the narration
    does not say). Not an object -nya or object "dia" (someone other than its verb's agent), nor with two
    people named in the quotation before it."""
    named = [(s, p) for s, p in mentions[bisect.bisect_left(starts, quote[0]):bisect.bisect_left(starts, span.start)]
             if s.end <= span.start]
    people = {id(p) for _, p in named}
    if (len(people) == 1 and not named[-1][1].placeholder and kind != "speech"
            and not (kind == "possessive" and _OBJECT.match(form)) and not _object_pronoun(text, quote[0], span, form)):
        return SourceRef(span, form, kind, named[-1][1], QUOTED + "the one person it names before the form")
    return SourceRef(span, form, kind, None, "unresolved: inside a quotation")
_SPEECH_VERB = re.compile(r"\b(?:" + "|".join(_DATA["speech_verbs"]) + r")\b", re.I)
_BEFORE_VERB = re.compile(r"[\s,]*(?:(?:juga|pun|telah|sudah|kemudian|lalu|lantas|sempat)\s+)*")


def _reported_speaker(text: str, clause: int, before: list[tuple[Span, SourcePerson]], pos: int
                      ) -> SourcePerson | None:
    """The speaker whose verb of saying opens the clause holding `pos`, where that clause names no one: the
    last person named before the verb, right before it (commas and adverbs between: "Michael Vann,
    mengatakan"); else None."""
    if not before:
        return None
    last = max(before, key=lambda x: x[0].end)
    verb = _SPEECH_VERB.search(text, last[0].end, pos)
    if verb is None or _BEFORE_VERB.fullmatch(text, last[0].end, verb.start()) is None or verb.start() < clause:
        return None
    return None if last[1].placeholder else last[1]
def _opens(text: str, start: int, pos: int) -> bool:
    """Does the name at `pos` open the clause or sentence starting at `start` (titles, role nouns and one other
    word before it at most: "Gubernur Ridwan Kamil menolak", "Kenapa Presiden Trump")?"""
    opening = [w for w in text[start:pos].split() if w not in _title_words() and w.lower().strip(",") not in
               person_nouns()]
    return len(opening) <= 1


def _named_ahead(pair: ArticlePair, n: int, span: Span, mentions: list[tuple[Span, SourcePerson]],
                 starts: list[int], quoted: list[tuple[int, int]], q_starts: list[int]) -> SourcePerson | None:
    """The person a form with no one named before it points forward to: the first mention after it, in its own
    sentence or opening the next one, outside quotations; else None."""
    sents = pair.source_segments.sentences
    limit = sents[n + 1].end if n + 1 < len(sents) else sents[n].end
    j = bisect.bisect_left(starts, span.end)
    # (mentions up to the next sentence's end only: bounded work per form)
    while j < len(mentions) and mentions[j][0].start < limit and _inside(quoted, q_starts, mentions[j][0].start):
        j += 1
    if j == len(mentions):
        return None
    s, p = mentions[j]
    if s.start < sents[n].end:
        return p
    if n + 1 < len(sents) and s.start < sents[n + 1].end and _opens(pair.source, sents[n + 1].start, s.start):
        return p
    return None


_DIRECTION_AFTER = re.compile(r"\s+(?:Barat|Timur|Utara|Selatan|Tengah|Raya|Daya|Laut)\b")


_CAPITALISED_RUN = re.compile(r"((?:[A-Z][\w'’-]*\s+){1,4})$")


# A "dia" right after a transitive verb or a preposition of persons is its object ("St. Martin tidak
# menggantikan dia", "memberikannya kepada dia"), not after a verb of saying or thinking, whose "dia" is the
# subject of the clause it reports ("mengatakan dia", "merasa dia akan menang").
_OBJECT_PRONOUN = re.compile(r"(?<![\w-])(?:(?:ke)?pada|dengan|me(?!nteri)[mn]?g?y?[a-z]{3,})\s+$", re.I)
_CLAUSE_VERBS = frozenset({*_DATA["speech_verbs"], "merasa", "mengira", "menduga", "meyakini", "mengetahui",
                           "memastikan", "mengharapkan", "menganggap", "membantah", "menyangkal", "mengakui"})


def _object_pronoun(text: str, start: int, span: Span, form: str) -> bool:
    if form.lower() not in ("dia", "beliau"):
        return False
    m = _OBJECT_PRONOUN.search(text, max(start, span.start - 30), span.start)
    return m is not None and m.group().split()[0].lower() not in _CLAUSE_VERBS


def _inside_proper_phrase(text: str, start: int, end: int) -> bool:
    """Is the capitalised word at text[start:end] inside the name of an institution or place, so no given
    name of someone unknown: after the head noun of such a name, other capitalised words allowed between
    ("Pengadilan Veteran Alaska", "Universitas Virginia"), or before a direction ("Virginia Barat")? A
    capitalised role before it ("Anggota Kongres Patricia") leaves it a person's."""
    run = _CAPITALISED_RUN.search(text, max(0, start - 60), start)
    if run:
        heads = frozenset(_DATA.get("name_heads", ()))
        words = run.group(1).split()
        if any(w in heads or " ".join(words[i:i + 2]) in heads for i, w in enumerate(words)):
            return True
    return bool(_DIRECTION_AFTER.match(text, end))


@cache
def _kin_before() -> re.Pattern[str]:
    """A kin noun right before a name, titles allowed between ("istri Bupati ", "ayah ")."""
    nouns = [n for n, x in sorted(person_nouns().items(), key=lambda x: -len(x[0])) if x.kind == "kin"]
    # Lower case, or capitalised where the noun is no form of address ("Anak laki-laki Ny. Davis" opening a
    # sentence): "Ibu Puan", "Bapak Joko" are forms of address, "ibu Puan" is Puan's mother.
    cues = _source_cues()
    address = {*cues["before_male"], *cues["before_female"]}
    kin = "|".join([re.escape(n) for n in nouns] + [re.escape(n[0].upper() + n[1:]) for n in nouns
                                                   if n[0].upper() + n[1:] not in address])
    # Longest first, then alphabetical: a set's order changes from process to process, and with it the
    # pattern's text, which the regex cache is keyed by (equal-length literals never match the same text).
    titles_alt = "|".join(re.escape(t) for t in sorted(_title_words(), key=lambda t: (-len(t), t)))
    return re.compile(rf"(?<![\w'’-])(?:{kin})\s+(?:(?:{titles_alt})\s+)*$")


def _kin_owner(text: str, pos: int) -> bool:
    return _kin_before().search(text, max(0, pos - 60), pos) is not None


_DASHES = (" - ", " – ", " — ")


# A news dateline may open the article's first sentence: "JAKARTA, KOMPAS.com - Setelah bertemu ..."
_DATELINE = r"(?:[A-Z][A-Z]+(?:[ ,]+[A-Z][\w.]*)*\s*[-–—]+\s*)?"
_SUBJECTLESS = re.compile(_DATELINE + r"(?:" + "|".join(_DATA["subjectless_openers"])
                          + r")\s+(?P<verb>[a-z]+)\b[^,.;:!?\"“”]*,")
_PRONOUN_OPENS = re.compile(r"\s*(?:dia|ia|beliau)\b")
# a verb's prefixes (KBBI): meN-, ber-, di-, ter-, memper-, diper-
_VERB_PREFIXED = re.compile(r"(?:me|be|di|te)(?:r|m|n|ng|ny|mper|per)?[a-z]{3,}")


def _main_clause_after(text: str, start: int, end: int, here: list[tuple[Span, SourcePerson]]) -> int:
    """Where the main clause begins after a fronted clause with no subject of its own
    (`_subjectless_adjunct`), where a pronoun (dia, ia, beliau) or a person's name (a title before it
    allowed: "Menteri Keuangan Sri Mulyani") opens it; else 0. With a noun opening it ("Setelah menginterogasi
    Simpson, polisi mengatakan bahwa dia ...": Simpson) a later form may well be the clause's person, and the
    sentence is read as before."""
    cut = _subjectless_adjunct(text, start, end)
    if not cut or _PRONOUN_OPENS.match(text, cut):
        return cut
    main = next((s for s, _ in here if s.start >= cut), None)
    if main is None:
        return 0
    # a title before the name: its words capitalised ("Menteri Keuangan Sri Mulyani") or title words and
    # person nouns ("mantan gubernur Anies")
    words = text[cut:main.start].split()
    if len(words) <= 6 and all(w[:1].isupper() or w in _title_words() or w.lower() in person_nouns() for w in words):
        return cut
    return 0


def _subjectless_adjunct(text: str, start: int, end: int) -> int:
    """Where a fronted clause opening the sentence with a subordinator and a verb ("Setelah bertemu Siti
    Rahayu,", "Usai dilantik oleh Presiden Joko Widodo,") ends, at its comma; 0 where the sentence opens
    otherwise. The clause has no subject of its own: its understood subject is the main clause's, so the
    people named in it are its verb's object or agent, not the main clause's subject. Read where that subject
    is a pronoun (dia, ia, beliau: "Setelah bertemu Siti Rahayu, ia kembali ke kantornya" is about whoever met
    her, and so is the -nya) or a name (the subject the next sentence's "ia" continues). A subordinator
    followed by a name or a noun ("Setelah Jokowi tiba, ia", "Saat direktur itu datang") opens a clause with
    its own subject, and the sentence is read as before."""
    m = _SUBJECTLESS.match(text, start, end)
    if m is None:
        return 0
    verb = m.group("verb")
    # A verb: a prefix on a root word (KBBI's, `is_common_word`), itself no root word ("direktur", "teman",
    # "tetangga" are nouns that look prefixed) nor a noun naming a person ("tersangka", "menteri").
    if not _VERB_PREFIXED.fullmatch(verb) or verb in roots() or not is_common_word(verb) \
            or verb in _title_words() or verb in person_nouns():
        return 0
    return m.end()


def _parenthetical(text: str, start: int, mention: Span, pos: int) -> bool:
    """Is the mention inside a parenthesis or a pair of dashes closed before `pos` ("pilihan lagu pertamanya
    - Proud by Heather Small - yang ... persiapannya": the song's singer is no one the sentence is about)?"""
    head, tail = text[start:mention.start], text[mention.end:pos]
    if head.rfind("(") > head.rfind(")") and ")" in tail:
        return True
    return any(d in head and d in tail for d in _DASHES)


_LONE_CAPITALISED = re.compile(r"(?<![\w'’.-])[A-Z][a-z]+(?![\w'’-])")


def _strangers(pair: ArticlePair, mentions: list[tuple[Span, SourcePerson]], starts: list[int]):
    """A test for a name between a person's last mention and a form that may be someone mtcheck does not
    know as a person: a capitalised word, not opening a sentence nor inside a known name, that is a given name
    of known gender and no common Indonesian word ("Haris mengatakannya ..., ia menambahkan" after Risa
    Kusuma). Candidates are found once and each test is a bisection."""
    text = pair.source
    places = analyse(pair).g.by_form  # "Bolivia", "Georgia": a country or a known place, no one's name
    reach, furthest = [], -1
    for s, _ in mentions:
        furthest = max(furthest, s.end)
        reach.append(furthest)
    # Names of things that find_people found and the people finder set aside ("The Tracey Ullman Show",
    # "Evelyn Street"): the given names inside them are no one's.
    things = sorted((s.start, s.end) for p in analyse(pair).people if len(p.tokens) > 1 and (
        p.tokens[0] == "The" or _not_a_name_of_person(p) or _named_thing(p, text)) for s in p.spans)
    t_starts = [a for a, _ in things]
    found: list[tuple[int, str]] = []
    for m in _LONE_CAPITALISED.finditer(text):
        i = bisect.bisect_right(starts, m.start()) - 1
        if (i >= 0 and reach[i] > m.start()) or _sentence_start(text, m.start()) or m.group() in _title_words() \
                or m.group() in places or _PLACE_BEFORE.search(text, max(0, m.start() - 20), m.start()):
            continue
        k = bisect.bisect_right(t_starts, m.start()) - 1
        if k >= 0 and things[k][1] > m.start():
            continue
        if _inside_proper_phrase(text, m.start(), m.end()):
            continue
        if given_names.gender_of(m.group()) is not None and zipf(m.group(), "id") < 4.0:
            found.append((m.start(), m.group()))
    at = [f[0] for f in found]

    def between(person: SourcePerson, pos: int) -> str | None:
        # By start, as against Span(pos, pos) (a span is less than it iff it starts before pos), with no Span
        # built and no Python __lt__ per step.
        j = bisect.bisect_left(person.spans, pos, key=_START) - 1
        if j < 0:
            return None
        k = bisect.bisect_right(at, person.spans[j].end)
        return found[k][1] if k < len(at) and at[k] < pos else None

    return between
