"""People in the translation and the gendered pronouns that refer to them, with the evidence for each
person's gender. Heuristic and explainable: every link and every piece of evidence is recorded.

Language data: `<target>/pronouns.toml` (gendered pronouns, forms of address), `id/gender_cues.toml`,
`names/given_names.tsv`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from mtcheck.lang.base import data_toml, data_tsv
from mtcheck.model import Span
from mtcheck.text.article import ArticlePair
from mtcheck.text.entities import Person
from mtcheck.text.lexicon import zipf
from mtcheck.text.name_match import analyse
from mtcheck.text.pairs import scan_pairs
from mtcheck.text.transliterate import find_names

WEIGHTS = {"source cue": 3, "title": 3, "address": 2, "given name": 2, "pronoun": 1}
DECISIVE = 2  # a gender is known when its evidence outweighs the other by this much


@cache
def pronoun_sets(lang: str) -> dict | None:
    return data_toml(lang, "pronouns.toml")


@cache
def source_cues() -> dict:
    return data_toml("id", "gender_cues.toml") or {}


@cache
def given_names() -> dict[str, str]:
    return {r["name"]: r["gender"] for r in data_tsv("names", "given_names.tsv") if r["gender"] in "mf"}


@dataclass
class Evidence:
    gender: str  # "m" | "f"
    kind: str  # key of WEIGHTS
    detail: str
    at: int | None = None  # a pronoun's position in the target

    @property
    def weight(self) -> int:
        return WEIGHTS[self.kind]


@dataclass
class Referent:
    person: Person
    mentions: list[Span]  # in the target
    evidence: list[Evidence] = field(default_factory=list)

    def score(self, exclude: Span | None = None, kinds: frozenset[str] | None = None) -> dict[str, int]:
        s = {"m": 0, "f": 0}
        for e in self.evidence:
            if kinds is not None and e.kind not in kinds:
                continue
            if exclude is not None and e.at == exclude.start:
                continue
            s[e.gender] += e.weight
        return s

    def gender(self, exclude: Span | None = None, kinds: frozenset[str] | None = None) -> str | None:
        s = self.score(exclude, kinds)
        if s["m"] - s["f"] >= DECISIVE:
            return "m"
        if s["f"] - s["m"] >= DECISIVE:
            return "f"
        return None

    def describe(self, exclude: Span | None = None) -> str:
        counts: dict[tuple[str, str], int] = {}
        notes = []
        for e in self.evidence:
            if e.kind == "pronoun":
                if exclude is None or e.at != exclude.start:
                    counts[(e.gender, e.kind)] = counts.get((e.gender, e.kind), 0) + 1
            else:
                source = " (lexicon)" if e.kind == "given name" else ""
                notes.append(f"{_word(e.gender)} by {e.kind} {e.detail}{source}")
        for (g, _), n in counts.items():
            notes.append(f"{_word(g)} by {n} other pronoun(s)")
        return "; ".join(notes) or "no evidence"


def _word(g: str) -> str:
    return "male" if g == "m" else "female"


@dataclass
class Link:
    pronoun: Span
    text: str
    gender: str
    referent: Referent
    how: str  # "same sentence", "previous sentence", "cataphora"


@dataclass
class PronounAnalysis:
    referents: list[Referent]
    links: list[Link]


def _name_regex(words: list[str]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
                      + r")(?![\w-])")


def analyse_pronouns(pair: ArticlePair) -> PronounAnalysis | None:
    """None where the target language ships no pronouns.toml."""
    return pair.analysis("pronouns", _analyse_pronouns)


def _analyse_pronouns(pair: ArticlePair) -> PronounAnalysis | None:
    sets = pronoun_sets(pair.target_pack.code)
    if sets is None:
        return None
    names = analyse(pair)
    lexicon = given_names()
    referents = []
    # A surname shared by two people of the article ("Sarah Palin", "Track Palin") identifies neither.
    surnames: dict[str, int] = {}
    for p in names.people:
        if len(p.tokens) > 1:
            surnames[p.surname] = surnames.get(p.surname, 0) + 1
    for p in names.people:
        words = [t for t in p.tokens if len(t) >= 3 and (t != p.surname or surnames.get(t, 0) < 2)]
        if not words or not (p.titled or p.tokens[0] in lexicon or _looks_like_person(p)):
            continue  # people only: named after a title, with a known given name, or "Firstname Lastname"
        if pair.target_pack.latin_script:
            variants = [w for w in names.g.variants if any(names.g.same_name(w, t) for t in words)]
            pattern = _name_regex(words + variants)
            spans = [Span(*m.span()) for m in pattern.finditer(pair.target)]
        else:  # ルッテ, 吕特, روته: found by consonant skeleton
            spans = sorted(s for found in find_names(pair.target, words, pair.target_pack.code).values()
                           for s in found)
        if spans:
            referents.append(Referent(p, spans))
    _gather_evidence(pair, referents, sets)
    links = _link(pair, referents, sets)
    for link in links:
        link.referent.evidence.append(Evidence(link.gender, "pronoun", f"'{link.text}' at {link.pronoun.start}",
                                               link.pronoun.start))
    return PronounAnalysis(referents, links)


def _looks_like_person(p: Person) -> bool:
    """Two or three capitalised words, none of them a common word in English or Indonesian (organisations
    and places mostly contain one: "Medical Research", "Track Palin" is the exception that costs)."""
    if not 2 <= len(p.tokens) <= 3:
        return False
    return all(zipf(t, "en") < 4.0 and zipf(t, "id") < 4.0 and not t.isupper() for t in p.tokens)


def _gather_evidence(pair: ArticlePair, referents: list[Referent], sets: dict) -> None:
    cues = source_cues()
    lexicon = given_names()
    for r in referents:
        p = r.person
        seen: set[str] = set()
        for span in p.spans:
            before = pair.source[max(0, span.start - 25):span.start].split()
            after = pair.source[span.end:span.end + 40].lower()
            for g, key in (("m", "before_male"), ("f", "before_female")):
                if before and before[-1] in cues.get(key, ()) and f"{g}{before[-1]}" not in seen:
                    seen.add(f"{g}{before[-1]}")
                    kind = "title" if before[-1] in ("Raja", "Ratu", "Pangeran", "Putri", "Paus") else "source cue"
                    r.evidence.append(Evidence(g, kind, f"'{before[-1]} {p.name}'"))
            for g, key in (("m", "after_male"), ("f", "after_female")):
                for cue in cues.get(key, ()):
                    # Directly after the name only ("Rutte dan istrinya" is too loose to trust).
                    if re.search(r"^[\s,]*" + re.escape(cue) + r"\b", after) and f"{g}{cue}" not in seen:
                        seen.add(f"{g}{cue}")
                        r.evidence.append(Evidence(g, "source cue", f"'{cue}' after {p.name}"))
        given = p.tokens[0]
        if lexicon.get(given):
            r.evidence.append(Evidence(lexicon[given], "given name", given))
        for span in r.mentions:
            # A form of address, or a gendered role with its article ("la ministre", "le président"), right
            # before the name.
            before = pair.target[max(0, span.start - 40):span.start].split()
            for g, key in (("m", "address_male"), ("f", "address_female")):
                hit = next((a for a in sets.get(key, ())
                            if [w.lower() for w in before[-len(a.split()):]] == a.lower().split()), None)
                if hit:
                    r.evidence.append(Evidence(g, "address", f"'{hit} {pair.target[span.start:span.end]}'"))
                    break


def _link(pair: ArticlePair, referents: list[Referent], sets: dict) -> list[Link]:
    gender_of = {w: "m" for w in sets["male"]} | {w: "f" for w in sets["female"]}
    if "male_pattern" in sets:  # scripts without word boundaries: 他 but not 他们
        pattern = re.compile(f"(?P<f>{sets['female_pattern']})|(?P<m>{sets['male_pattern']})")
    else:
        pattern = re.compile(r"\b(" + "|".join(gender_of) + r")\b", re.I)
    impersonal = [re.compile(p, re.I) for p in sets.get("impersonal", ())]
    mentions = sorted(((s, r) for r in referents for s in r.mentions), key=lambda x: x[0].start)
    sentences = [s for p in pair.target_segments.paragraphs for s in pair.target_segments.sentences_of(p.paragraph)]
    quoted = _quoted_spans(pair)
    known = [s for r in referents for s in r.mentions]
    known += [m.span for m in analyse(pair).target_mentions]
    stranger = _stranger(pair, known)
    links = []
    prev: list[tuple[Span, Referent]] = []
    prev_sentence = sentences[0] if sentences else None
    for sent in sentences:
        here = [(s, r) for s, r in mentions if sent.start <= s.start < sent.end]
        linked_here: list[tuple[Span, Referent]] = []
        for m in pattern.finditer(pair.target, sent.start, sent.end):
            span = Span(*m.span())
            if any(q.start <= span.start < q.end for q in quoted):
                continue  # inside a quotation: "he" may be generic or another person
            if any(p.match(pair.target, span.start) for p in impersonal):
                continue  # "il y a", "il faut": no person
            g = gender_of.get(m.group().lower()) or ("f" if m.lastgroup == "f" else "m")
            before = [(s, r) for s, r in here if s.end <= span.start]
            after = [(s, r) for s, r in here if s.start >= span.end]
            if before:
                pick, how = _choose(before, g, pair.target, span.start), "same sentence"
                start = sent.start
            elif after and _fronted(pair.target, sent.start, span.start, after[0][0].start, sets):
                pick, how = after[0][1], "cataphora"  # "In her new role, Rutte ..."
                start = span.end
                if stranger(span.end, after[0][0].start):
                    continue
            elif prev and len({id(r) for _, r in prev}) == 1:
                pick, how = prev[0][1], "previous sentence"
                start = prev_sentence.start
            else:
                continue
            # Another name between the antecedent and the pronoun (a person we did not recognise, "Mr
            # Corbyn"): the pronoun may be theirs, so it is not linked.
            if how != "cataphora" and stranger(start, span.start):
                continue
            links.append(Link(span, m.group(), g, pick, how))
            linked_here.append((span, pick))
        # Only the immediately previous sentence can hold the antecedent: its names, or else the person
        # its pronouns referred to (a chain: "She held a meeting. Then she met reporters.").
        prev = here or linked_here
        prev_sentence = sent
    return links


def _stranger(pair: ArticlePair, known: list[Span]):
    """A test for an unrecognised name between two offsets: a capitalised word that is a known given name,
    or an uncommon word not at a sentence start ("Corbyn", "Tom")."""
    text = pair.target
    lang = pair.target_pack.code
    lexicon = given_names()
    candidates = []
    for m in re.finditer(r"(?<![\w'’-])[A-Z][a-z]+(?:[-'’][A-Za-z]+)?", text):
        if any(k.start <= m.start() < k.end for k in known):
            continue
        word = m.group()
        initial = bool(re.search(r"(?:^|[.!?:\"“(]\s*)$", text[max(0, m.start() - 3):m.start()]))
        if word in lexicon or zipf(word, lang) < (3.0 if initial else 4.0):
            candidates.append(m.start())

    def between(a: int, b: int) -> bool:
        return any(a <= c < b for c in candidates)

    return between


def _fronted(text: str, sentence_start: int, pos: int, name_start: int, sets: dict) -> bool:
    """Is the pronoun inside a short phrase fronted before the subject, closed by a comma before the name
    ("In her new role, Rutte")?"""
    head = text[sentence_start:pos].split()
    return (0 < len(head) <= 3 and head[0] in sets.get("cataphora_openers", ())
            and "," in text[pos:name_start] and "," not in text[sentence_start:pos])


def _choose(candidates: list[tuple[Span, Referent]], gender: str, text: str = "", pos: int = -1) -> Referent:
    """The only person mentioned; else the only candidate whose known gender fits; else the nearest
    mention in the pronoun's own clause ("Zelensky said he"); else the subject (first mention)."""
    people: list[Referent] = []
    for _, r in candidates:
        if all(r is not q for q in people):
            people.append(r)
    if len(people) == 1:
        return people[0]
    known_fits = [r for r in people if r.gender(kinds=FIXED) == gender]
    if len(known_fits) == 1:
        return known_fits[0]
    nearest_span, nearest = candidates[-1]
    if pos >= 0 and not re.search(r"[,;:]|\b(?:but|and|while|whereas)\b", text[nearest_span.end:pos]):
        return nearest
    return people[0]


FIXED = frozenset({"source cue", "title", "address", "given name"})


def _quoted_spans(pair: ArticlePair) -> list[Span]:
    quotes = pair.target_pack.quotes
    out = []
    for p in pair.target_segments.paragraphs:
        out += [Span(o, c + 1) for o, c in scan_pairs(pair.target, p.start, p.end, quotes).pairs]
    return out
