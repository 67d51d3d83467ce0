"""A rendering of a name that is one letter from the spelling the language's word list knows for it.

A garble that changes, drops or adds a vowel letter (ريجنان for ريجان, Reagan; an Arabic و or ي, a kana of
the same consonant) or a consonant the sound correspondences explain (كاسفانو for كافانو, an s; クルーガトー
for クルーガー, a t) costs less than one consonant in `mtcheck.text.phonetic.rendering_cost`: nothing in
the name's consonants tells it from a legitimate rendering, and a name written once in the article has no
other rendering to be compared with (`names_script.one_offs`). What does tell it is the language itself:
the regular spelling of a name in the news is a word of the language's word list (wordfreq: يوركشير 2.3,
クルーガー 2.6), while the garble is unknown to it. So a rendering unknown to the word list is judged
against its one-letter neighbours (a letter changed, dropped or added) that the list knows, and that render
the name at least as well, in consonants and in vowels: such a neighbour is the spelling the translation
meant. Measured on the dev half (docs/quality.md, round 9): of the clean renderings of names in the sibling
translations, 2 of 296 Arabic and 0 of 197 Japanese have such a neighbour; of the injected garbles that
cost less than one consonant, 16 of 69 Arabic and 20 of 78 Japanese do.
"""

from __future__ import annotations

from functools import cache, lru_cache

from mtcheck.lang.base import data_toml
from mtcheck.text.lexicon import zipf
from mtcheck.text.phonetic import _romanised_full, cheap_ops, rendering_cost, vowel_cost
from mtcheck.text.transliterate import similar, skeletons, target_skeleton

# A rendering the word list knows at all (wordfreq's floor is 1.0) is a spelling of its own.
UNSEEN = 1.0
# Arabic letters a name's ending varies in (أوكادو/أوكادا, جاليرا/جاليري), and hamza seats: a neighbour that
# changes only these at the end is another ending, not the name's spelling.
_AR_VOWEL_LETTERS = frozenset("اويىةهأإآئؤء")


@cache
def _alphabet(lang: str) -> str:
    """The letters a neighbour may change or add: the katakana block, the Arabic letters of the table."""
    if lang == "ja":
        return "".join(chr(c) for c in range(0x30A1, 0x30F7)) + "ー"
    letters = (data_toml(lang, "transliteration.toml") or {}).get("letters", {})
    return "".join(letters) + "ع"


@cache
def _band(lang: str) -> tuple[float, float] | None:
    """(least, most) zipf of a known spelling, from `[thresholds] known_spelling` of the language's
    transliteration.toml; None where the language has none (the judge is off)."""
    band = (data_toml(lang, "transliteration.toml") or {}).get("thresholds", {}).get("known_spelling")
    return (float(band[0]), float(band[1])) if band else None


# Arabic letters that start no proclitic (و ب ل ف ك س and the article's ا do): one of them before a name's
# rendering (يهوتون for هوتون, هجبسون for جبسون) is a letter added, not a word glued on.
_AR_NO_PROCLITIC = frozenset("يه")


def _neighbours(word: str, lang: str) -> set[str]:
    """`word` with one letter changed, dropped or added. Arabic: not dropped at either end, where a
    proclitic or an ending is as often the difference (ابروكس/بروكس, تماسيس/تماسي), nor a vowel letter
    changed for another at the end; a first letter that starts no proclitic (`_AR_NO_PROCLITIC`) is dropped
    (round 13: on the dev half 4 garbles more of 266 at the judge, no clean rendering of 335)."""
    alphabet = _alphabet(lang)
    out: set[str] = set()
    edge = 1 if lang == "ar" else 0
    for i in range(edge, len(word) - edge):
        out.add(word[:i] + word[i + 1:])
    if lang == "ar" and word[0] in _AR_NO_PROCLITIC:
        out.add(word[1:])
    for i, ch in enumerate(word):
        final_vowel = lang == "ar" and i == len(word) - 1 and ch in _AR_VOWEL_LETTERS
        for c in alphabet:
            if not (final_vowel and c in _AR_VOWEL_LETTERS):
                out.add(word[:i] + c + word[i + 1:])
    for i in range(len(word) + 1):
        for c in alphabet:
            out.add(word[:i] + c + word[i:])
    out.discard(word)
    return out


def _similarity(name: str, rendering: str, lang: str) -> float:
    t = target_skeleton(rendering, lang)
    return max(similar(s, t) for s in skeletons(name, lang))


def _explained_swap(a: str, b: str, lang: str) -> bool:
    """`b` is `a` with one consonant letter for another that renders the same sound or a correspondence
    (ج/غ for g, ت/ط, س/ص): two spellings of one rendering, not a garble and its repair. A kana writes a
    consonant and its vowel: in Japanese only two kana of one sound (ヂ/ジ, ヲ/オ) are two spellings; ビ for ベ
    (ベルビル beside ベルベル, Berber) or ディ for ティ shares the consonant of the skeleton and is the
    garble's vowel or voicing (round 13: on the dev half 9 garbles more of 238 have their known spelling so,
    no clean rendering of 202 does)."""
    if len(a) != len(b):
        return False
    diff = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    if len(diff) != 1:
        return False
    if lang == "ja":
        return _romanised_full(diff[0][0], lang) == _romanised_full(diff[0][1], lang)
    x, y = (target_skeleton(c, lang) for c in diff[0])
    return bool(x and y) and (x == y or ("s", x, y) in cheap_ops(lang) or ("s", y, x) in cheap_ops(lang))


_AR_LONG_VOWELS = frozenset("اوي")


def _long_vowel_added(rendering: str, other: str, lang: str) -> bool:
    """Arabic: `other` is `rendering` with one long-vowel letter more inside the word (أنطوانيت for أنطوانت,
    كروغر for كرغر): the garble dropped it. `vowel_cost` prices a source vowel Arabic leaves unwritten at a
    third of a vowel, so the plene spelling never looks nearer in vowels than the garble, and the judge saw no
    dropped long vowel (round 13: on the dev half 4 garbles more of 266 at the judge, no clean rendering of
    335; a letter added at either end is a proclitic's or an ending's business, `_neighbours`)."""
    if lang != "ar" or len(other) != len(rendering) + 1:
        return False
    return any(other[i] in _AR_LONG_VOWELS and other[:i] + other[i + 1:] == rendering for i in range(1, len(other) - 1))


@lru_cache(maxsize=4096)
def known_spelling(name: str, rendering: str, lang: str) -> str | None:
    """The spelling one letter from `rendering` that the word list knows (zipf in the language's band) and
    that renders `name` at least as well (no more unexplained consonants, a skeleton as close, strictly
    nearer in vowels), the most frequent of them; None for a rendering the list knows, a short one (three
    letters have too many neighbours) or a language without a band."""
    from mtcheck.rules.names_script import light_fold

    band = _band(lang)
    seen = zipf(rendering, lang)
    if band is None or seen >= UNSEEN or len(rendering) < 4:
        return None
    least, most = band
    cost = rendering_cost(name, rendering, lang)
    close = _similarity(name, rendering, lang)
    vowels = vowel_cost(name, rendering, lang)
    best: tuple[float, str] | None = None
    for other in sorted(_neighbours(rendering, lang)):
        z = zipf(other, lang)
        if not least <= z < most or (best is not None and z <= best[0]):
            continue
        if rendering_cost(name, other, lang) <= cost and _similarity(name, other, lang) >= close \
                and (vowel_cost(name, other, lang) < vowels or _long_vowel_added(rendering, other, lang)) \
                and not _explained_swap(rendering, other, lang) \
                and light_fold(other) != light_fold(rendering):
            best = (z, other)
    return None if best is None else best[1]
