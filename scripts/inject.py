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
    pronoun         he <-> she, his -> her, him -> her, her -> his
    garbled-transliteration  (zh, ja, ar) a source name's transliteration with one or two characters
                    changed, dropped or added (a kana, a Han character, an Arabic letter)
    added-entity    a nationality or country the source article never mentions added before a role
                    ("the German minister", 德国政府, ドイツの政府, الحكومة الألمانية)
    name-as-place   a source name's rendering replaced by the real place whose name sounds most like it

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
              "untranslated-entity", "wrong-entity", "pronoun", "garbled-transliteration", "added-entity",
              "name-as-place")


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
               pairs=[("(", ")"), ("«", "»"), ('"', '"')], pronouns={"هو": "هي", "هي": "هو"}),
}


def profile(lang: str) -> Profile:
    from babel.dates import get_day_names, get_month_names

    cfg = LANGS[lang]
    countries = _countries(lang)
    spaced = lang not in ("zh", "ja")
    alternation = "|".join(map(re.escape, sorted(countries, key=len, reverse=True)))
    country_re = re.compile(rf"(?<!\w)(?:{alternation})(?!\w)" if spaced else alternation)
    # Garbled names are Latin-script names kept from the source: not in zh, ja, ar, whose rules skip them.
    skip = {"garbled-name"} if lang in ("zh", "ja", "ar") else {"garbled-transliteration"}
    if not cfg["pronouns"]:
        skip.add("pronoun")
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




def inject_pronoun(src: str, tgt: str, rng: random.Random) -> tuple[str, tuple[int, int], str] | None:
    # Swaps for named persons: only in sentences that name someone ("Firstname Lastname" or a title + name;
    # in other scripts, where names cannot be spotted by capitals, sentences whose source names someone).
    person = r"\b(?:[A-Z][a-z]+ [A-Z][a-z]+|(?:Mr|Mrs|Ms|Dr|President|Minister)\.? [A-Z][a-z]+)\b"
    if not re.search(person, tgt if P.lang in ("en", "fr") else src):
        return None
    words = "|".join(sorted({w for p in P.pronoun_swap for w in (p, p.capitalize())}, key=len, reverse=True))
    cands = [m for m in re.finditer(rf"\b({words})\b" if P.boundaries else f"({words})", tgt)
             if P.lang not in ("zh", "ja") or tgt[m.end():m.end() + 1] not in "们ら女"]
    if not cands:
        return None
    m = rng.choice(cands)
    new = P.pronoun_swap.get(m.group().lower()) or P.pronoun_swap[m.group()]
    new = new.capitalize() if m.group()[0].isupper() else new
    return tgt[:m.start()] + new + tgt[m.end():], (m.start(), m.start() + len(new)), f"{m.group()} -> {new}"


# ------------------------------------------------- names in other scripts, added entities (issue 18)

# Characters Xinhua's transliteration tables use most (外国人名译名手册): a garbled Chinese name stays made of them.
_ZH_TRANSLIT = ("阿埃艾安奥巴拜班邦鲍贝本比宾波伯博布达戴丹道德迪蒂丁东杜多厄恩尔法菲芬弗福盖甘冈戈格根古哈海汉"
                "豪赫亨胡华霍基吉加贾杰金卡凯坎康考科克肯库拉莱兰朗劳勒雷里利连林卢鲁伦罗洛吕马迈曼梅蒙米莫姆穆纳"
                "奈南内尼宁纽努诺帕潘佩彭皮普奇乔切丘萨塞桑森沙尚舍什施斯松苏索塔泰坦汤特滕提图托瓦万威韦维温沃乌"
                "西希谢辛休雅亚扬耶伊因尤约泽扎詹")
_KATAKANA = ("アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン"
             "ガギグゲゴザジズゼゾダデドバビブベボパピプペポ")
_ARABIC_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
_SOURCE_NAME = re.compile(r"(?<!^)(?<![.!?]\s)\b[A-Z][a-z]{3,}\b")


def _script_pool(lang: str) -> str:
    return {"zh": _ZH_TRANSLIT, "ja": _KATAKANA, "ar": _ARABIC_LETTERS}[lang]


def _name_sites(src: str, tgt: str) -> list[tuple[str, int, int]]:
    """Transliterated renderings of the source row's capitalised words in the target row (source word,
    target span), found by consonant skeletons (mtcheck.text.transliterate)."""
    from mtcheck.text.transliterate import find_names

    words = sorted({m.group() for m in _SOURCE_NAME.finditer(src)})
    if not words:
        return []
    from mtcheck.text.lexicon import zipf

    found = find_names(tgt, words, P.lang, threshold=0.8)
    # A common word of the target that happens to match ("来说" for Wales) is no rendering of a name.
    return [(w, s.start, s.end) for w, spans in sorted(found.items()) for s in spans
            if s.end - s.start >= 2 and zipf(tgt[s.start:s.end], P.lang) < 3.0]


def _garble_script(text: str, rng: random.Random, pool: str) -> str:
    """One or, for renderings of four characters or more, sometimes two edits: a character changed, dropped
    or added (never the same text back)."""
    chars = list(text)
    for _ in range(2 if len(chars) >= 4 and rng.random() < 0.3 else 1):
        i = rng.randrange(len(chars))
        how = rng.choice(("change", "drop", "add")) if len(chars) > 2 else rng.choice(("change", "add"))
        if how == "change":
            chars[i] = rng.choice([c for c in pool if c != chars[i]])
        elif how == "drop" and chars[i] not in "・ー":
            del chars[i]
        else:
            chars.insert(i, rng.choice(pool))
    return "".join(chars)


def inject_garbled_script(src: str, tgt: str, rng: random.Random) -> tuple[str, tuple[int, int], str] | None:
    sites = _name_sites(src, tgt)
    if not sites:
        return None
    word, a, b = rng.choice(sites)
    new = _garble_script(tgt[a:b], rng, _script_pool(P.lang))
    if new == tgt[a:b]:
        return None
    return tgt[:a] + new + tgt[b:], (a, a + len(new)), f"{word}: {tgt[a:b]} -> {new}"


# Roles a nationality is added to, and how: (pattern of the role, text put before it or after it).
_ROLES = {
    "en": r"(?<=\b[Tt]he )(?:government|president|minister|police|army|company|officials|authorities|experts|"
          r"researchers|team|embassy|scientists|doctors|players|club|group|party|court|leader|leaders|people|"
          r"man|woman|workers|students|city|state|market|prime minister|foreign minister|author|artist|"
          r"singer|coach|firm|bank|military|navy|agency|museum|university|hospital|study|report)\b",
    "fr": r"\b(?:le|la|les) (?:gouvernement|président|ministre|police|armée|entreprise|autorités|experts|"
          r"chercheurs|équipe|ambassade|scientifiques|médecins|joueurs|club|groupe|parti|tribunal|"
          r"dirigeant|dirigeants|peuple|homme|femme|travailleurs|étudiants|ville|État|marché|auteur|"
          r"artiste|chanteur|entraîneur|banque|agence|musée|université|hôpital|étude|rapport)\b",
    "zh": r"政府|总统|部长|官员|警方|军队|公司|专家|研究人员|当局|总理|大使馆|科学家|医生|球员|俱乐部|"
          r"政党|法院|领导人|工人|学生|银行|机构|大学|医院|研究|报告",
    "ja": r"政府|大統領|大臣|当局|警察|軍|企業|専門家|研究者|首相|大使館|科学者|医師|選手|クラブ|政党|"
          r"裁判所|指導者|労働者|学生|銀行|機関|大学|病院|研究|報告",
    "ar": r"\b(?:الحكومة|الرئيس|الوزير|الشرطة|الجيش|الشركة|السلطات|الخبراء|الباحثين|الفريق|السفارة|"
          r"العلماء|الأطباء|اللاعبين|النادي|الحزب|المحكمة|الزعيم|العمال|الطلاب|البنك|الوكالة|الجامعة|"
          r"المستشفى|الدراسة|التقرير)\b",
}
_ADDED = ("DE", "FR", "JP", "RU", "IT", "CA", "BR", "IN", "TR", "EG", "KR", "ES", "SE", "MX", "AU")


def _added_forms(code: str) -> dict[str, str]:
    """A country's adjective or name in each form an injection needs (en adjective, fr masculine/feminine/
    plural, zh/ja name, ar masculine/feminine), from mtcheck's demonym files and CLDR."""
    from babel import Locale

    from mtcheck.lang.base import data_tsv

    if P.lang in ("zh", "ja"):
        return {"name": Locale(P.lang).territories[code]}
    forms = next(r[P.lang].split("|") for r in data_tsv(P.lang, "demonyms.tsv") if r["code"] == code)
    if P.lang == "fr":
        return {"le": forms[0], "la": forms[1], "les": forms[2] if forms[2].endswith("s") else forms[0]}
    if P.lang == "ar":
        return {"m": forms[0], "f": forms[1]}
    return {"adj": forms[0]}


def _absent(code: str, source: str, target: str) -> bool:
    from babel import Locale

    ind = Locale("id").territories[code]
    tgt = Locale(P.lang).territories[code]
    return ind not in source and tgt not in target and ind.lower()[:5] not in source.lower()


def inject_added_entity(src: str, tgt: str, rng: random.Random, article: tuple[str, str] = ("", "")
                        ) -> tuple[str, tuple[int, int], str] | None:
    roles = list(re.finditer(_ROLES[P.lang], tgt))
    if not roles:
        return None
    codes = [c for c in _ADDED if _absent(c, article[0] or src, article[1] or tgt)]
    if not codes:
        return None
    m, code = rng.choice(roles), rng.choice(codes)
    forms = _added_forms(code)
    if P.lang == "en":
        new, at = forms["adj"] + " ", m.start()
    elif P.lang == "fr":
        new, at = " " + forms[m.group().split()[0]], m.end()
    elif P.lang == "zh":
        new, at = forms["name"], m.start()
    elif P.lang == "ja":
        new, at = forms["name"] + "の", m.start()
    else:
        new, at = " " + (forms["f"] if m.group().endswith("ة") else forms["m"]), m.end()
        new = new[:1] + "ال" + new[1:]
    word = new.strip().removesuffix("の")
    start = at + new.index(word)
    return tgt[:at] + new + tgt[at:], (start, start + len(word)), f"added {word!r} ({code})"


def _places(lang: str) -> list[str]:
    from mtcheck.lang.base import data_tsv

    return [r[lang].split("|")[0] for r in data_tsv("glossary", "places.tsv") if r[lang]]


def inject_name_as_place(src: str, tgt: str, rng: random.Random, article: tuple[str, str] = ("", "")
                         ) -> tuple[str, tuple[int, int], str] | None:
    """A source name's rendering replaced by the gazetteer place that sounds most like it (its consonant
    skeleton; Latin-script targets compare letters)."""
    from mtcheck.text.transliterate import similar, skeleton, target_skeleton

    if P.lang in ("en", "fr"):
        sites = [(m.group(), m.start(), m.end()) for m in _SOURCE_NAME.finditer(tgt)
                 if re.search(rf"\b{m.group()}\b", src)]
    else:
        sites = _name_sites(src, tgt)
    if not sites:
        return None
    word, a, b = rng.choice(sites)
    places = [p for p in _places(P.lang) if p not in (article[1] or tgt) and " " not in p]
    key = skeleton(word, P.lang)

    def score(p: str) -> float:
        return similar(key, skeleton(p, P.lang) if P.lang in ("en", "fr") else target_skeleton(p, P.lang))

    best = max(places, key=score)
    if score(best) < 0.5:
        return None
    return tgt[:a] + best + tgt[b:], (a, a + len(best)), f"{word}: {tgt[a:b]} -> {best}"


ROW_INJECTORS: dict[str, Callable] = {
    "garbled-transliteration": inject_garbled_script, "added-entity": inject_added_entity,
    "name-as-place": inject_name_as_place,
    "number": inject_number, "date": inject_date, "punctuation": inject_punctuation,
    "garbled-name": inject_garbled, "untranslated-entity": inject_untranslated_entity,
    "wrong-entity": inject_wrong_entity, "pronoun": inject_pronoun,
}


# Injectors that must know the whole article (an added country must be absent from all of it).
ARTICLE_AWARE = {"added-entity", "name-as-place"}


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
        extra = {"article": (" ".join(sources), " ".join(targets))} if category in ARTICLE_AWARE else {}
        result = ROW_INJECTORS[category](sources[i], targets[i], rng, **extra)
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


if __name__ == "__main__":
    main()
