"""Write a labelled JSONL of clean and error-injected articles from clean parallel corpora.

Each article of `../shared/corpora` (rows grouped by document, see corpora.py) becomes multi-paragraph text:
PARAGRAPH_ROWS consecutive rows per paragraph, so that sentence-level and paragraph-level rules are both
exercised. Every article yields one clean row and, per category, at most one row carrying exactly one
injected error with its category and span:

    number          a digit number of the target changed (x10, a digit changed, million <-> billion)
    date            a weekday, month or day in the target changed
    omission        a target sentence dropped (source span: that sentence), or a clause of 5+ words dropped
    untranslated    a target sentence replaced by its Indonesian source
    punctuation     a closing bracket or quote dropped, or a bracket pair removed
    garbled-name    a name kept from the source misspelt in the target (letters swapped, dropped, doubled)
    untranslated-entity  an English country name replaced by its Indonesian name (CLDR, Babel)
    wrong-entity    an English country name replaced by another country's
    pronoun         he <-> she, his -> her, him -> her, her -> his, in a sentence that names someone (full
                    name, title + name, or a name alone kept from the source: "Rutte said he ...")
    pronoun-all     every pronoun of one gender in the article swapped, as real MT does when it calls a
                    woman "he" throughout (label: target_spans, all of them); articles that name someone

    python scripts/inject.py [--root ../shared/corpora] [--corpora ntrex,flores,tico19] [--seed 1]
                             [--split dev|test|all] -o out.jsonl

Articles split by a stable hash of their id: tune detectors on `dev`, report on `test`.

Deterministic for a seed. Prints how many rows of each category it could produce.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import unicodedata
import zlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpora import DEFAULT_ROOT, load_articles

PARAGRAPH_ROWS = 3
CATEGORIES = ("number", "date", "omission", "untranslated", "punctuation", "garbled-name",
              "untranslated-entity", "wrong-entity", "pronoun", "pronoun-all")


@dataclass
class Edit:
    row: int
    new_target: str  # the row's new target text ("" drops it)
    span: tuple[int, int] | None  # span of the error inside the new row text; None: report the source row
    detail: str


def build(sources: list[str], targets: list[str]) -> tuple[str, str, list[list[int]]]:
    """Join rows into paragraphs; return both texts and [src_start, src_end, tgt_start, tgt_end] per row."""
    src_parts: list[str] = []
    tgt_parts: list[str] = []
    spans: list[list[int]] = []
    s_len = t_len = 0
    carry = ""  # a paragraph break owed by a dropped first sentence
    for i, (s, t) in enumerate(zip(sources, targets)):
        sep = "" if i == 0 else ("\n\n" if i % PARAGRAPH_ROWS == 0 else " ")
        s, t = s.strip(), t.strip()
        t_sep = "" if not t or t_len == 0 else (carry or sep)
        carry = "" if t else (carry or (sep if sep == "\n\n" else ""))
        src_parts.append(sep + s)
        tgt_parts.append(t_sep + t)
        s_start = s_len + len(sep)
        t_start = t_len + len(t_sep)
        s_len += len(sep) + len(s)
        t_len += len(t_sep) + len(t)
        spans.append([s_start, s_start + len(s), t_start, t_start + len(t)])
    return "".join(src_parts), "".join(tgt_parts), spans


@dataclass
class Profile:
    """What the injectors need to know about the target language."""

    lang: str
    scales: dict[str, str]  # scale word -> the one it is swapped for
    weekdays: list[str]
    months: list[str]
    ambiguous_names: set[str]  # never injected ("May")
    numeric_months: bool  # 10月
    boundaries: bool  # words separated by spaces
    clause_sep: str
    pairs: list[tuple[str, str]]
    countries: dict[str, str]
    country_re: re.Pattern[str]
    pronoun_swap: dict[str, str]
    categories: tuple[str, ...]


# Arabic: هو/هي, and the verbs of saying whose gender renders an Indonesian attribution (قال/قالت).
_AR_PRONOUNS = {"هو": "هي", "هي": "هو"}
for _verb in ("قال", "أضاف", "أوضح", "أكد", "صرح", "تابع", "ذكر", "أشار"):
    for _pre in ("", "و"):
        _AR_PRONOUNS[_pre + _verb] = _pre + _verb + "ت"
        _AR_PRONOUNS[_pre + _verb + "ت"] = _pre + _verb

LANGS = {
    "en": dict(scales={"million": "billion", "billion": "million", "thousand": "million", "trillion": "billion"},
               ambiguous={"May", "March"}, clause=", ", pairs=[("(", ")"), ("“", "”")],
               pronouns={"he": "she", "she": "he", "his": "her", "him": "her", "her": "his"}),
    "fr": dict(scales={"millions": "milliards", "milliards": "millions", "million": "milliard", "milliard": "million"},
               ambiguous={"mars"}, clause=", ", pairs=[("(", ")"), ("«", "»"), ("“", "”")],
               pronouns={"il": "elle", "elle": "il"}),
    "zh": dict(scales={"万": "亿", "亿": "万"}, ambiguous=set(), clause="，",
               pairs=[("（", "）"), ("(", ")"), ("“", "”")], pronouns={"他": "她", "她": "他"}),
    "ja": dict(scales={"万": "億", "億": "万"}, ambiguous=set(), clause="、",
               pairs=[("（", "）"), ("(", ")"), ("「", "」")], pronouns={"彼女": "彼", "彼": "彼女"}),
    "ar": dict(scales={"مليون": "مليار", "مليار": "مليون"}, ambiguous=set(), clause="، ",
               pairs=[("(", ")"), ("«", "»"), ('"', '"')], pronouns=_AR_PRONOUNS),
}


def profile(lang: str) -> Profile:
    from babel.dates import get_day_names, get_month_names

    cfg = LANGS[lang]
    countries = _countries(lang)
    spaced = lang not in ("zh", "ja")
    alternation = "|".join(map(re.escape, sorted(countries, key=len, reverse=True)))
    country_re = re.compile(rf"(?<!\w)(?:{alternation})(?!\w)" if spaced else alternation)
    # Garbled names are Latin-script names kept from the source: not in zh, ja, ar, whose rules skip them.
    skip = {"garbled-name"} if lang in ("zh", "ja", "ar") else set()
    if not cfg["pronouns"]:
        skip |= {"pronoun", "pronoun-all"}
    return Profile(lang, cfg["scales"], list(get_day_names("wide", locale=lang).values()),
                   [] if lang in ("zh", "ja") else list(get_month_names("wide", locale=lang).values()),
                   cfg["ambiguous"], lang in ("zh", "ja"), spaced, cfg["clause"], cfg["pairs"], countries,
                   country_re, cfg["pronouns"], tuple(c for c in CATEGORIES if c not in skip))


P: Profile  # set by main() for the target language


# ---------------------------------------------------------------- injectors: (source row, target row, rng)

_DIGITS = re.compile(r"(?<![\w.,])\d[\d.,]*\d(?![\w])|(?<![\w.,])\d(?![\w.,])")


def _ascii_digits(text: str) -> str:
    """The digits of `text` as ASCII, whatever their script (Arabic-Indic, full-width)."""
    return "".join(str(unicodedata.digit(ch)) for ch in text if ch.isdigit())


def _digits(text: str) -> set[str]:
    return {_ascii_digits(m.group()) for m in _DIGITS.finditer(text)}


def inject_number(src: str, tgt: str, rng: random.Random) -> tuple[str, tuple[int, int], str] | None:
    src_digits = _digits(src)
    cands = [m for m in _DIGITS.finditer(tgt) if _ascii_digits(m.group()) in src_digits
             and _ascii_digits(m.group()).strip("0")]
    scale = [m for m in re.finditer("|".join(map(re.escape, P.scales)), tgt)] if P.scales else []
    if not cands and not scale:
        return None
    if scale and (not cands or rng.random() < 0.25):
        m = rng.choice(scale)
        new = P.scales[m.group()]
    else:
        m = rng.choice(cands)
        old = m.group()
        digit_positions = [i for i, ch in enumerate(old) if ch.isdigit()]
        if rng.random() < 0.5 or len(digit_positions) == 1:
            # A lost or extra zero, or a different value; never a trailing zero after a decimal point.
            plain = old.isdigit()
            new = old + "0" if plain and rng.random() < 0.5 else str(int(_ascii_digits(old)) + rng.randint(1, 9))
        else:
            i = rng.choice(digit_positions[1:])
            new = old[:i] + str((unicodedata.digit(old[i]) + rng.randint(1, 8)) % 10) + old[i + 1:]
    text = tgt[:m.start()] + new + tgt[m.end():]
    return text, (m.start(), m.start() + len(new)), f"{m.group()} -> {new}"


_ID_DATE_WORDS = re.compile(r"\b(Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu|Januari|Februari|Maret|April|Mei|"
                            r"Juni|Juli|Agustus|September|Oktober|November|Desember)\b")


def inject_date(src: str, tgt: str, rng: random.Random) -> tuple[str, tuple[int, int], str] | None:
    if not _ID_DATE_WORDS.search(src):
        return None
    names = [n for n in P.weekdays + P.months if n not in P.ambiguous_names]
    cands = list(re.finditer("|".join(map(re.escape, sorted(names, key=len, reverse=True))), tgt))
    cands = [m for m in cands if not P.boundaries or (re.fullmatch(r"\b.*\b", m.group()) and not (
        (m.start() and tgt[m.start() - 1].isalnum()) or (m.end() < len(tgt) and tgt[m.end()].isalnum())))]
    numeric = list(re.finditer(r"(\d{1,2})(?=月)", tgt)) if P.numeric_months else []
    if not cands and not numeric:
        return None
    if numeric and (not cands or rng.random() < 0.5):
        m = rng.choice(numeric)
        new = str(int(_ascii_digits(m.group())) % 12 + 1)
    else:
        m = rng.choice(cands)
        pool = P.weekdays if m.group() in P.weekdays else P.months
        new = rng.choice([x for x in pool if x != m.group() and x not in P.ambiguous_names])
    text = tgt[:m.start()] + new + tgt[m.end():]
    return text, (m.start(), m.start() + len(new)), f"{m.group()} -> {new}"


def inject_clause(src: str, tgt: str, rng: random.Random) -> tuple[str, None, str] | None:
    parts = re.split(f"({re.escape(P.clause_sep)})", tgt)
    clauses = [i for i in range(2, len(parts), 2) if len(parts[i].split()) >= 5]
    if not clauses:
        return None
    i = rng.choice(clauses)
    dropped = parts[i]
    text = "".join(parts[:i - 1] + parts[i + 1:])
    if dropped.rstrip()[-1:] in ".!?" and text.rstrip()[-1:] not in ".!?":
        text = text.rstrip(" ,") + dropped.rstrip()[-1]
    return text, None, f"clause dropped: {dropped!r}"


def inject_punctuation(src: str, tgt: str, rng: random.Random) -> tuple[str, tuple[int, int], str] | None:
    quoted = '"' in src or "“" in src
    pairs = [(o, c) for o, c in P.pairs if o in tgt and c in tgt and ("(" in src if o in "(（" else quoted)]
    if '"' in src and tgt.count('"') >= 2:
        pairs.append(('"', '"'))
    if not pairs:
        return None
    o, c = rng.choice(pairs)
    last = tgt.rindex(c)
    if rng.random() < 0.5:
        text = tgt[:last] + tgt[last + 1:]
        return text, (0, len(text)), f"closing {c} dropped"
    first = tgt.index(o)
    text = tgt[:first] + tgt[first + 1:last] + tgt[last + 1:] if first < last else tgt[:last] + tgt[last + 1:]
    return text, (0, len(text)), f"pair {o}{c} dropped"


_NAME = re.compile(r"\b[A-Z][a-z]{4,}\b")


def _misspell(word: str, rng: random.Random) -> str:
    i = rng.randint(1, len(word) - 2)
    how = rng.choice(("swap", "drop", "double"))
    if how == "swap" and word[i] != word[i + 1]:
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if how == "double":
        return word[:i] + word[i] + word[i:]
    return word[:i] + word[i + 1:]


def inject_garbled(src: str, tgt: str, rng: random.Random) -> tuple[str, tuple[int, int], str] | None:
    cands = [m for m in _NAME.finditer(tgt) if m.start() > 0 and re.search(rf"\b{m.group()}\b", src)]
    if not cands:
        return None
    m = rng.choice(cands)
    new = _misspell(m.group(), rng)
    if new == m.group():
        return None
    text = tgt[:m.start()] + new + tgt[m.end():]
    return text, (m.start(), m.start() + len(new)), f"{m.group()} -> {new}"


def _countries(lang: str) -> dict[str, str]:
    """Target-language country name -> Indonesian name, from CLDR (Babel)."""
    from babel import Locale

    tgt, ind = Locale(lang).territories, Locale("id").territories
    return {tgt[c]: ind[c] for c in tgt if c in ind and c.isalpha() and len(c) == 2 and tgt[c] != ind[c]
            and " " not in tgt[c] and "(" not in tgt[c] and len(tgt[c]) >= 2}


def _country_site(src: str, tgt: str, rng: random.Random) -> re.Match[str] | None:
    cands = [m for m in P.country_re.finditer(tgt) if re.search(rf"\b{re.escape(P.countries[m.group()])}\b", src)]
    return rng.choice(cands) if cands else None


def inject_untranslated_entity(src: str, tgt: str, rng: random.Random) -> tuple[str, tuple[int, int], str] | None:
    m = _country_site(src, tgt, rng)
    if m is None:
        return None
    new = P.countries[m.group()]
    return tgt[:m.start()] + new + tgt[m.end():], (m.start(), m.start() + len(new)), f"{m.group()} -> {new}"


def inject_wrong_entity(src: str, tgt: str, rng: random.Random) -> tuple[str, tuple[int, int], str] | None:
    m = _country_site(src, tgt, rng)
    if m is None:
        return None
    new = rng.choice([c for c in sorted(P.countries) if c != m.group()])
    return tgt[:m.start()] + new + tgt[m.end():], (m.start(), m.start() + len(new)), f"{m.group()} -> {new}"




def _names_someone(src: str, tgt: str) -> bool:
    """A full name or title + name in the translation, or a name kept from the source alone ("Rutte said
    he"): a capitalised word not opening a sentence, written the same in both. In other scripts, where
    names cannot be spotted by capitals, the source must name someone."""
    person = r"\b(?:[A-Z][a-z]+ [A-Z][a-z]+|(?:Mr|Mrs|Ms|Dr|President|Minister)\.? [A-Z][a-z]+)\b"
    if re.search(person, tgt if P.lang in ("en", "fr") else src):
        return True
    text = tgt if P.lang in ("en", "fr") else src
    for m in re.finditer(r"\b[A-Z][a-z]{3,}\b", text):
        opening = m.start() < 2 or text[m.start() - 2] in ".!?\"“"
        if not opening and re.search(rf"\b{m.group()}\b", src) and (
                P.lang not in ("en", "fr") or re.search(rf"\b{m.group()}\b", tgt)):
            return True
    return False


def _pronoun_sites(tgt: str) -> list[re.Match[str]]:
    words = "|".join(sorted({w for p in P.pronoun_swap for w in (p, p.capitalize())}, key=len, reverse=True))
    # Not 他们/她们/彼ら (plural), 其他 (other), 他人 (others), 吉他 (guitar): no pronoun of a person.
    return [m for m in re.finditer(rf"\b({words})\b" if P.boundaries else f"({words})", tgt)
            if P.lang not in ("zh", "ja") or (tgt[m.end():m.end() + 1] not in "们ら女人"
                                               and tgt[max(0, m.start() - 1):m.start()] not in "其吉")]


def _swapped(word: str) -> str:
    new = P.pronoun_swap.get(word.lower()) or P.pronoun_swap[word]
    return new.capitalize() if word[0].isupper() else new


def inject_pronoun(src: str, tgt: str, rng: random.Random) -> tuple[str, tuple[int, int], str] | None:
    # Swaps for named persons: only in sentences that name someone, surname-only mentions included.
    if not _names_someone(src, tgt):
        return None
    if P.lang == "ar" and not _AR_PERSON.search(src):
        return None  # Arabic هو/هي are mostly copulas ("the Amazon is ..."); a person's only where the source has one
    cands = _pronoun_sites(tgt)
    if not cands:
        return None
    m = rng.choice(cands)
    new = _swapped(m.group())
    return tgt[:m.start()] + new + tgt[m.end():], (m.start(), m.start() + len(new)), f"{m.group()} -> {new}"


_FEMALE = {"she", "her", "hers", "herself", "elle", "她", "彼女", "هي"} | {v for v in _AR_PRONOUNS if v.endswith("ت")}
# A source row with a person's pronoun or attribution: Arabic هو/هي are mostly copulas ("the Amazon is"), and
# its verbs of saying are a person's only where the source reports someone speaking.
_AR_PERSON = re.compile(r"\b(?:dia|ia|beliau|(?:kata|ujar|tutur|imbuh|jelas|tambah|ungkap)nya|menurutnya)\b", re.I)


def inject_all_pronouns(sources: list[str], targets: list[str],
                        rng: random.Random) -> tuple[list[str], list[tuple[int, tuple[int, int]]],
                                                     list[tuple[int, tuple[int, int]]], str] | None:
    """Every pronoun of one gender swapped, across the article (rows that name nobody included: the person
    named earlier is still "he"). Returns the new rows, (row, span in the new row) per swap, the same in the
    clean rows, and a detail."""
    if not any(_names_someone(s, t) for s, t in zip(sources, targets)):
        return None
    sites = [(i, m) for i, t in enumerate(targets) for m in _pronoun_sites(t)
             if P.lang != "ar" or _AR_PERSON.search(sources[i])]
    genders = sorted({m.group().lower() in _FEMALE for _, m in sites})
    if not genders:
        return None
    female = rng.choice(genders)
    chosen = [(i, m) for i, m in sites if (m.group().lower() in _FEMALE) == female]
    new_rows = list(targets)
    spans: list[tuple[int, tuple[int, int]]] = []
    clean_spans = [(i, m.span()) for i, m in chosen]
    for i in sorted({i for i, _ in chosen}):
        row, out, shift = targets[i], [], 0
        last = 0
        for _, m in [x for x in chosen if x[0] == i]:
            new = _swapped(m.group())
            out.append(row[last:m.start()] + new)
            spans.append((i, (m.start() + shift, m.start() + shift + len(new))))
            shift += len(new) - len(m.group())
            last = m.end()
        new_rows[i] = "".join(out) + row[last:]
    return new_rows, spans, clean_spans, f"{len(spans)} {'female' if female else 'male'} pronoun(s) swapped"


ROW_INJECTORS: dict[str, Callable] = {
    "number": inject_number, "date": inject_date, "punctuation": inject_punctuation,
    "garbled-name": inject_garbled, "untranslated-entity": inject_untranslated_entity,
    "wrong-entity": inject_wrong_entity, "pronoun": inject_pronoun,
}


def make_edit(category: str, sources: list[str], targets: list[str], rng: random.Random) -> Edit | None:
    rows = list(range(len(sources)))
    rng.shuffle(rows)
    if category == "omission":
        for i in rows:
            # A sentence inside a paragraph of 2+ rows (so the paragraph survives), or a clause.
            para = range(i - i % PARAGRAPH_ROWS, min(len(sources), i - i % PARAGRAPH_ROWS + PARAGRAPH_ROWS))
            if rng.random() < 0.5 and len(para) >= 2 and len(sources[i].split()) >= 5:
                return Edit(i, "", None, "sentence dropped")
            clause = inject_clause(sources[i], targets[i], rng)
            if clause:
                return Edit(i, clause[0], None, clause[2])
        return None
    if category == "untranslated":
        for i in rows:
            if len(sources[i].split()) >= 5:
                return Edit(i, sources[i], (0, len(sources[i])), "sentence left in Indonesian")
        return None
    for i in rows:
        result = ROW_INJECTORS[category](sources[i], targets[i], rng)
        if result:
            return Edit(i, result[0], result[1], result[2])
    return None


def split_of(article_id: str) -> str:
    return "dev" if zlib.crc32(article_id.encode()) % 2 == 0 else "test"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--root", type=Path, default=DEFAULT_ROOT)
    ap.add_argument("--corpora", default="ntrex,flores,tico19")
    ap.add_argument("--categories", default=",".join(CATEGORIES))
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--split", choices=("dev", "test", "all"), default="all")
    ap.add_argument("--lang", default="en", choices=sorted(LANGS), help="target language of the corpora")
    ap.add_argument("-o", "--output", type=Path, required=True)
    args = ap.parse_args()
    global P
    P = profile(args.lang)
    counts: Counter[str] = Counter()
    with open(args.output, "w", encoding="utf-8") as out:
        for article in load_articles(args.root, args.corpora.split(","), lang=args.lang):
            if args.split != "all" and split_of(article.id) != args.split:
                continue
            sources, targets = article.sources, article.targets
            source, target, spans = build(sources, targets)
            out.write(json.dumps({"id": f"{article.id}#clean", "corpus": article.corpus, "source": source,
                                  "target": target, "target_lang": args.lang, "label": None, "rows": spans},
                                 ensure_ascii=False) + "\n")
            counts["clean"] += 1
            for category in [c for c in args.categories.split(",") if c in P.categories]:
                rng = random.Random(f"{args.seed}:{article.id}:{category}")
                if category == "pronoun-all":
                    _write_all_pronouns(out, article, sources, targets, target, rng, args.lang, counts)
                    continue
                edit = make_edit(category, sources, targets, rng)
                if edit is None:
                    continue
                new_targets = list(targets)
                new_targets[edit.row] = edit.new_target
                source2, target2, spans2 = build(sources, new_targets)
                s0, s1, t0, _ = spans2[edit.row]
                label = {"category": category, "detail": edit.detail,
                         "target_span": [t0 + edit.span[0], t0 + edit.span[1]] if edit.span else None,
                         "source_span": None if edit.span else [s0, s1]}
                out.write(json.dumps({"id": f"{article.id}#{category}", "corpus": article.corpus,
                                      "source": source2, "target": target2, "target_lang": args.lang,
                                      "clean_target": target, "label": label, "rows": spans2},
                                     ensure_ascii=False) + "\n")
                counts[category] += 1
    print("rows written: " + ", ".join(f"{k} {v}" for k, v in counts.items()), file=sys.stderr)


def _write_all_pronouns(out, article, sources: list[str], targets: list[str], clean: str, rng: random.Random,
                        lang: str, counts: Counter[str]) -> None:
    result = inject_all_pronouns(sources, targets, rng)
    if result is None:
        return
    new_rows, swaps, clean_swaps, detail = result
    source2, target2, spans2 = build(sources, new_rows)
    _, _, spans1 = build(sources, targets)
    at = [[spans2[i][2] + a, spans2[i][2] + b] for i, (a, b) in swaps]
    was = [[spans1[i][2] + a, spans1[i][2] + b] for i, (a, b) in clean_swaps]
    label = {"category": "pronoun-all", "detail": detail, "target_span": at[0], "target_spans": at,
             "clean_spans": was, "source_span": None}
    out.write(json.dumps({"id": f"{article.id}#pronoun-all", "corpus": article.corpus, "source": source2,
                          "target": target2, "target_lang": lang, "clean_target": clean, "label": label,
                          "rows": spans2}, ensure_ascii=False) + "\n")
    counts["pronoun-all"] += 1


if __name__ == "__main__":
    main()
