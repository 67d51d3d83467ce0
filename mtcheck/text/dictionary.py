"""Is this an ordinary Indonesian word (a root word of KBBI, or one formed from a root by affixes), or not?

Word frequencies cannot tell an Indonesian name from a capitalised common word: Jokowi, Surabaya and
Prabowo are as frequent in Indonesian text as Keamanan, Kementerian and Belanda, and as rare in English. A
dictionary can: "keamanan" is ke-aman-an (aman, safe), "kementerian" ke-menteri-an; "jokowi" and
"haryanto" are formed from nothing. The root words are KBBI's, as listed by Sastrawi (`id/root_words.txt`).

The affixes are stripped generously (every reading of meN-/peN-, two prefixes, a suffix, a possessive and a
particle): a name that happens to decompose (Kediri: ke-diri, Bekasi: bekas-i) is taken for a common word,
which only means it needs other evidence (the places list) to count as a name. Never the other way round.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache, lru_cache

from mtcheck.cache import persistent
from mtcheck.lang.base import _data_file, data_lines, data_toml

_PARTICLES = ("lah", "kah", "pun", "tah")
_POSSESSIVES = ("nya", "ku", "mu")
_SUFFIXES = ("kan", "an", "i")
_VOWELS = frozenset("aeiou")
# Prefix -> the root's first letter that the prefix's nasal replaced, before a vowel (meN- + tulis = menulis).
_NASAL = {"meny": "s", "peny": "s", "mem": "p", "pem": "p", "men": "t", "pen": "t", "meng": "k", "peng": "k"}
_PLAIN = ("menge", "penge", "meng", "peng", "meny", "peny", "mem", "pem", "men", "pen", "me", "pe", "ber", "per",
          "ter", "bel", "pel", "be", "di", "ke", "se")
_MIN_ROOT = 3


def root_words() -> frozenset[str]:
    """KBBI's root words, with the function words and third-person pronouns mtcheck lists elsewhere (the
    root list lacks "ia")."""
    # One split of the whole file, not data_lines' filter per line; its comment lines stay in the set,
    # where no word can match them.
    words = set(_data_file("id", "root_words.txt").read_text(encoding="utf-8").split("\n"))
    words |= {line.split("\t")[0].lower() for line in data_lines("id", "function_words.txt")}
    words |= {w.lower() for w in (data_toml("id", "third_person.toml") or {}).get("pronouns", ())}
    return frozenset(words)


class _Words:
    """Membership in a set of words kept as one text per three-letter prefix ("\nword\n..."): loading
    30,000 words as a set cost 7-15 ms of every start (each string made and hashed), for the few dozen
    words a short article asks about; a bucket's text is searched in a microsecond. The same answers as
    `word in set` for any word without a newline."""

    __slots__ = ("buckets",)

    def __init__(self, buckets: dict[str, str]) -> None:
        self.buckets = buckets

    def __contains__(self, word: str) -> bool:
        bucket = self.buckets.get(word[:3])
        return bucket is not None and f"\n{word}\n" in bucket


@persistent
def _root_buckets() -> dict[str, str]:
    by_prefix: dict[str, list[str]] = {}
    for w in sorted(root_words()):
        by_prefix.setdefault(w[:3], []).append(w)
    return {k: "\n" + "\n".join(ws) + "\n" for k, ws in by_prefix.items()}


@cache
def roots() -> _Words:
    """KBBI's root words (root_words), for `in` only."""
    return _Words(_root_buckets())


@lru_cache(maxsize=65536)
def is_common_word(word: str) -> bool:
    """Is `word` (any case) a root word of Indonesian, or derived from one by affixes or reduplication
    ("Bangsa-Bangsa", "sebaik-baiknya")?"""
    w = word.lower().strip("'’")
    if not w:
        return False
    if "-" in w:
        parts = [p for p in w.split("-") if p]
        return bool(parts) and all(is_common_word(p) for p in parts)
    table = roots()
    if w in table:
        return True
    return any(stem in table for s in _without_suffixes(w) for stem in _without_prefixes(s, 2))


def _without_suffixes(w: str) -> Iterator[str]:
    """w and w without a particle, a possessive and a derivational suffix (each optional, in that order)."""
    for a in _strip(w, _PARTICLES):
        for b in _strip(a, _POSSESSIVES):
            yield from _strip(b, _SUFFIXES)


def _strip(w: str, endings: tuple[str, ...]) -> Iterator[str]:
    yield w
    for e in endings:
        if w.endswith(e) and len(w) - len(e) >= _MIN_ROOT:
            yield w[:-len(e)]


def _without_prefixes(w: str, depth: int) -> Iterator[str]:
    yield w
    if depth == 0:
        return
    for p in _PLAIN:
        if not w.startswith(p) or len(w) - len(p) < _MIN_ROOT:
            continue
        rest = w[len(p):]
        yield from _without_prefixes(rest, depth - 1)
        if p in _NASAL and rest[0] in _VOWELS:
            yield from _without_prefixes(_NASAL[p] + rest, depth - 1)
