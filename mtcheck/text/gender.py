"""What is known of a person's gender, each item with its weight and source: the shipped list of public
figures (`id/public_figures.tsv`), a newsroom's own people (glossary rows of kind "woman"/"man"), the
given-name table (`given_names.py`), Indonesian naming conventions (`id/naming_conventions.tsv`).
Cues in the texts (Ibu, Bapak; Mr, Ms) are gathered where the texts are read (`pronouns.py`).

The translation's own pronouns are not here: they are guesses, and never count against this knowledge.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from mtcheck.cache import persistent
from mtcheck.lang.base import data_tsv
from mtcheck.model import quick_init
from mtcheck.text import given_names
from mtcheck.text.alternation import alternation

WEIGHTS = {"public figure": 4, "glossary": 4, "source cue": 3, "title": 3, "address": 2, "given name": 2,
           "naming convention": 1, "pronoun": 1}
DECISIVE = 2  # a gender is known when its evidence outweighs the other's by this much


@quick_init  # (mtcheck/model.py: the fields set into __dict__ directly)
@dataclass(frozen=True)
class Evidence:
    """One piece of evidence of a person's gender, with where it comes from."""
    gender: str  # "m" | "f"
    kind: str  # key of WEIGHTS
    detail: str
    at: int | None = None  # a pronoun's position in the target (kind "pronoun" only)
    weight_: int | None = None  # overrides WEIGHTS[kind] (naming conventions carry their own)

    @property
    def weight(self) -> int:
        return self.weight_ if self.weight_ is not None else WEIGHTS[self.kind]


FIXED = frozenset(WEIGHTS) - {"pronoun"}


def decide(evidence: list[Evidence], kinds: frozenset[str] = FIXED) -> str | None:
    s = {"m": 0, "f": 0}
    for e in evidence:
        if e.kind in kinds:
            s[e.gender] += e.weight
    if s["m"] - s["f"] >= DECISIVE:
        return "m"
    if s["f"] - s["m"] >= DECISIVE:
        return "f"
    return None


def word(g: str) -> str:
    return "male" if g == "m" else "female"


def noun(g: str) -> str:
    return "a man" if g == "m" else "a woman"


@dataclass(frozen=True)
class Figure:
    """A public figure of the shipped list (or the glossary): forms, gender and role."""
    name: str
    aliases: tuple[str, ...]
    gender: str
    role: str
    source: str

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@persistent  # reading the TSV of ~600 figures at every start cost ~1%
def figures() -> tuple[Figure, ...]:
    return tuple(Figure(r["name"], tuple(a for a in r["aliases"].split("|") if a), r["gender"], r["role"],
                        r["source"]) for r in data_tsv("id", "public_figures.tsv"))


def people_table(extra: tuple[tuple[str, str, str], ...] = ()) -> dict[str, Figure]:
    """Every form (name or alias) of a shipped public figure or of a newsroom's glossary person -> that
    person. Glossary rows of kind "woman"/"man": the Indonesian form is the person's name, the rendering
    ("a|b") its other forms."""
    return _people_table(extra)


@cache
def _people_table(extra: tuple[tuple[str, str, str], ...]) -> dict[str, Figure]:
    table: dict[str, Figure] = {}
    for f in figures():
        for form in f.forms:
            table.setdefault(form, f)
    for source, target, kind in extra:
        g = {"woman": "f", "man": "m"}.get(kind)
        if g is None:
            continue
        f = Figure(source, tuple(t for t in target.split("|") if t and t != source), g, "", "glossary")
        for form in f.forms:
            table[form] = f  # the newsroom's word wins over the shipped list
    return table


@persistent  # a trie of ~600 forms: 20-30 ms to build
def people_pattern(extra: tuple[tuple[str, str, str], ...] = ()) -> re.Pattern[str]:
    forms = sorted(people_table(extra), key=len, reverse=True)
    # a trie (text/alternation.py): the same matches, without trying every figure at every position
    return re.compile(r"(?<![\w'’-])(?:" + alternation(forms) + r")(?![\w'’-])")


def figure_evidence(f: Figure) -> Evidence:
    if f.source == "glossary":
        return Evidence(f.gender, "glossary", f"{f.name} in the newsroom glossary")
    return Evidence(f.gender, "public figure", f"{f.name}, {f.role} (public figures list: {f.source})")


@dataclass(frozen=True)
class Convention:
    """An Indonesian naming convention (a form such as "I Gusti Ayu"), where it stands and the gender it tells."""
    form: str
    where: str
    gender: str
    weight: int
    source: str


@cache
def conventions() -> tuple[Convention, ...]:
    rows = [Convention(r["form"], r["where"], r["gender"], int(r["weight"]), r["source"])
            for r in data_tsv("id", "naming_conventions.tsv")]
    return tuple(sorted(rows, key=lambda c: -len(c.form)))  # "I Gusti Ayu" before "I"


@cache
def _conventions_at(where: str) -> tuple[tuple[Convention, list[str]], ...]:
    """The conventions that stand `where` ("skip", "start", "particle", "given-suffix"), in conventions()'s
    order, each with its form's words: name_evidence runs for every person of every article, and sorted the
    whole table out and split every form at each call."""
    return tuple((c, c.form.split()) for c in conventions() if c.where == where)


def name_evidence(name: str) -> list[Evidence]:
    """Evidence from the name itself: the given name's gender in the name table, and naming conventions.
    `name` is the full name as the source writes it (particles included: "Ahmad bin Salim")."""
    words = name.split()
    skip = {c.form for c, _ in _conventions_at("skip")}
    while words and words[0] in skip:
        words = words[1:]
    out: list[Evidence] = []
    if not words:
        return out
    starts = [(c, parts) for c, parts in _conventions_at("start")
              if words[:len(parts)] == parts and len(words) > len(parts)]
    if starts:  # the longest only: "I Gusti Ayu" says woman, its "I" would say man
        c, parts = starts[0]
        out.append(Evidence(c.gender, "naming convention", f"'{c.form} ...': {c.source}", weight_=c.weight))
        words = words[len(parts):]
    for c, _ in _conventions_at("particle"):
        if c.form in words[1:-1]:
            out.append(Evidence(c.gender, "naming convention", f"'{c.form}' in {name}: {c.source}",
                                weight_=c.weight))
            words = words[:words.index(c.form)]
            break
    if not words:
        return out
    given = words[0]
    found = given_names.lookup(given)
    # "Arizona Jeff Flake": a place glued before the given name; "Ye Rapper Kanye West": a headline's words
    for later in words[1:-1]:
        second = given_names.lookup(later)
        if second is not None and second.gender is not None and (
                found is None or (found.source == "nomquamgender" and second.counts > 10 * found.counts)
                or (found.source == "nomquamgender" and found.gender is None and second.counts > found.counts)):
            given, found = later, second
            break
    if found is not None and found.gender is not None:
        out.append(Evidence(found.gender, "given name", found.describe()))
    elif found is None or found.p_female is not None:  # not marked "borne by both"
        for c, _ in _conventions_at("given-suffix"):
            if given.lower().endswith(c.form) and len(given) > len(c.form) + 2:
                out.append(Evidence(c.gender, "naming convention", f"'{given}': {c.source}", weight_=c.weight))
                break
    return out
