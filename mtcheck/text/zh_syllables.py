"""How well each character of a Chinese rendering reads as the syllable its Latin name calls for (issue 18).

Chinese transliterates a foreign name syllable by syllable (Xinhua's 译音表: a Latin consonant and the vowel
after it become one character, a consonant alone a character with a default vowel: s 斯, t 特, l 尔). The
consonant skeletons of mtcheck/text/transliterate.py read only the initials of those characters, so a garble
that keeps the initial and changes the final (罗梅 for 罗马, Roma; 彭利 for 佩利, Pelley; 萨克苏 for 萨克斯,
Sacks) or that writes a homophone-like character of another vowel costs nothing there. Here the name is cut
into chunks, one per character of the rendering, by a Viterbi alignment whose costs are surprisals learned
from known renderings: -log P(pinyin initial | the chunk's leading consonants) - log P(pinyin final | the
rest of the chunk). The table (`mtcheck/data/zh/syllable_costs.tsv`) is written by
`scripts/zh_syllable_table.py` from the shipped name renderings (CC-CEDICT's, names/renderings.tsv,
names/observed.tsv) by hard EM; the readings are pypinyin's, through `mtcheck.text.pinyin`. Characters that
read alike (斯塔默 and 斯塔莫) cost the same: a homophone is a variant, not a garble. Tones are not used:
pypinyin's tone-less readings are the ones mtcheck keeps a table of, and clean renderings mix tones for one
syllable (坎培拉 and 堪培拉 for Canberra).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from functools import cache, lru_cache

from mtcheck.lang.base import data_exists, data_tsv

_PINYIN_INITIALS = ("zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r", "z",
                    "c", "s", "y", "w")
# Latin letter groups that write one consonant (Schengen, Thomas, Philip, Hugh, Jack, Quentin); longest first.
_DIGRAPHS = ("sch", "tch", "ch", "sh", "th", "ph", "gh", "ck", "qu", "ng")
_VOWEL_LETTERS = frozenset("aeiouy")
# A chunk is at most this many units: a syllable renders a consonant cluster's last consonant, a vowel group
# and a coda (Thom- of Thompson: 汤; -ough of Edinburgh).
MAX_CHUNK = 4
# A character that renders no letter of the name (a garble's added character) costs this many nats.
INSERTED = 7.0
# Smoothing: a chunk's observed distribution is mixed with its back-off's (the chunk's first vowel and
# whether it ends in a nasal) with this weight, the back-off with the distribution over all syllables.
ALPHA = 2.0
BETA = 2.0


def units(name: str) -> tuple[str, ...]:
    """The Latin name as letters and consonant digraphs (Schengen: sch, e, n, g, e, n)."""
    s = re.sub(r"[^a-z]", "", name.lower())
    out: list[str] = []
    i = 0
    while i < len(s):
        for d in _DIGRAPHS:
            # ng is one unit only as a coda (Kang, Wenliang), not before a vowel (Langone: 朗格尼)
            if s.startswith(d, i) and not (d == "ng" and i + 2 < len(s) and s[i + 2] in _VOWEL_LETTERS):
                out.append(d)
                i += len(d)
                break
        else:
            out.append(s[i])
            i += 1
    return tuple(out)


def _is_vowel(unit: str, nxt: str | None) -> bool:
    # y before a vowel is a consonant (Yerusalem, Maya's y is a glide too), else a vowel (Pelley, Lynn)
    if unit == "y":
        return nxt is None or nxt not in _VOWEL_LETTERS
    return unit in _VOWEL_LETTERS


def splits(chunk: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """The ways a chunk is read as (onset, rest): its leading consonants and the rest; a chunk of consonants
    alone also as all but its last and that one, the syllable's final (斯 for s and 特 for t take it as their
    initial, 恩 for a coda n and 尔 for a coda l as their final)."""
    k = 0
    while k < len(chunk) and not _is_vowel(chunk[k], chunk[k + 1] if k + 1 < len(chunk) else None):
        k += 1
    if k < len(chunk):
        return (("".join(chunk[:k]), "".join(chunk[k:])),)
    # a consonant alone takes the default vowel of its kind (斯 si, 特 te, 布 bu): its final is judged
    # against the consonant (`_ALONE`), not against every consonant's
    return ("".join(chunk), _ALONE + chunk[-1]), ("".join(chunk[:-1]), chunk[-1])


# The rest of a chunk of consonants alone: this mark and its consonant (`splits`).
_ALONE = "_"


def split_syllable(syllable: str) -> tuple[str, str]:
    """(initial, final) of a tone-less pinyin syllable: lin ('l', 'in'), er ('', 'er'), yang ('y', 'ang')."""
    initial = next((i for i in _PINYIN_INITIALS if syllable.startswith(i) and len(syllable) > len(i)), "")
    return initial, syllable[len(initial):]


def backoff(rest: str) -> str:
    """A chunk's rest reduced to its first vowel letter and how it ends: 'a'; 'aN' in a nasal (the final's
    -n or -ng: 林 for -lin); 'aC' in another consonant, which Chinese mostly gives a character of its own
    (克 of Blake, 特 of Bennet), so a character that takes it (阿 for -av- of Kavanaugh) is judged as rare;
    a coda r, h or w and the silent gh are none (卡特 for Carter, 莎拉 for Sarah). A consonant alone keeps
    its mark (`_ALONE`): '_s'."""
    if rest.startswith(_ALONE):
        return rest
    vowel = next((c for c in rest if c in _VOWEL_LETTERS), "-")
    if vowel == "-":
        return vowel
    if re.search(r"(?:n|m|ng)$", rest):
        return vowel + "N"
    if re.search(r"(?:[^aeiouyrhw]|gh)$", rest) and not rest.endswith("gh"):
        return vowel + "C"
    return vowel


class Costs:
    """Surprisals of pinyin initials given onsets and of finals given rests, from counts."""

    def __init__(self, counts: Iterable[tuple[str, str, str, int]]) -> None:
        self.n: dict[tuple[str, str], dict[str, float]] = {}  # (kind, latin) -> pinyin -> count
        for kind, latin, pinyin, count in counts:
            self.n.setdefault((kind, latin), {}).setdefault(pinyin, 0.0)
            self.n[(kind, latin)][pinyin] += count
        self.totals = {k: sum(v.values()) for k, v in self.n.items()}
        self.prior: dict[str, dict[str, float]] = {}
        for (kind, _), dist in self.n.items():
            if kind in ("i", "f"):
                p = self.prior.setdefault(kind, {})
                for y, c in dist.items():
                    p[y] = p.get(y, 0.0) + c
        self.prior_total = {k: sum(v.values()) for k, v in self.prior.items()}
        self.memo: dict[tuple[str, str, str], float] = {}

    def _p(self, kind: str, latin: str, y: str, back: float) -> float:
        dist = self.n.get((kind, latin), {})
        total = self.totals.get((kind, latin), 0.0)
        return (dist.get(y, 0.0) + ALPHA * back) / (total + ALPHA)

    def _prior(self, kind: str, y: str) -> float:
        # every pinyin syllable part keeps some mass: one no known rendering uses is possible, and rare
        size = len(self.prior.get(kind, {})) + 1
        return (self.prior.get(kind, {}).get(y, 0.0) + 1.0) / (self.prior_total.get(kind, 0.0) + size)

    def initial(self, onset: str, initial: str) -> float:
        key = ("i", onset, initial)
        if key not in self.memo:
            self.memo[key] = -math.log(self._p("i", onset, initial, self._prior("i", initial)))
        return self.memo[key]

    def expected(self, onset: str, rest: str) -> float:
        """The cost of the chunk's likeliest syllable: a chunk of letters rare in the known renderings (the
        -aa- of Kanaan) makes every character of it costly, the regular one included."""
        key = ("e", onset, rest)
        if key not in self.memo:
            self.memo[key] = min(self.initial(onset, y) for y in self.prior.get("i", {""})) + \
                min(self.final(rest, y) for y in self.prior.get("f", {""}))
        return self.memo[key]

    def final(self, rest: str, final: str) -> float:
        key = ("f", rest, final)
        if key not in self.memo:
            b = backoff(rest)
            dist = self.n.get(("b", b), {})
            back = (dist.get(final, 0.0) + BETA * self._prior("f", final)) / (self.totals.get(("b", b), 0.0) + BETA)
            self.memo[key] = -math.log(self._p("f", rest, final, back))
        return self.memo[key]


def align(name_units: tuple[str, ...], syllables: list[tuple[str, str]], costs: Costs
          ) -> tuple[float, list[tuple[tuple[str, ...], float, float]]]:
    """The cheapest cut of the name's units into one chunk per syllable (a syllable may render no unit, at
    `INSERTED`; every unit belongs to a chunk): (total cost, [(chunk, cost, excess) per syllable]), the
    excess being the cost beyond that of the chunk's likeliest syllable (`Costs.expected`)."""
    n, m = len(name_units), len(syllables)
    inf = float("inf")
    best = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, float, float] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    for j in range(1, m + 1):
        ini, fin = syllables[j - 1]
        for i in range(n + 1):
            if best[i][j - 1] + INSERTED < best[i][j]:
                best[i][j] = best[i][j - 1] + INSERTED
                back[i][j] = (i, INSERTED, INSERTED)
            for k in range(max(0, i - MAX_CHUNK), i):
                if best[k][j - 1] == inf:
                    continue
                c, onset, rest = min((costs.initial(o, ini) + costs.final(r, fin), o, r)
                                     for o, r in splits(name_units[k:i]))
                if best[k][j - 1] + c < best[i][j]:
                    best[i][j] = best[k][j - 1] + c
                    back[i][j] = (k, c, c - costs.expected(onset, rest))
    if best[n][m] == inf:
        return inf, []
    path: list[tuple[tuple[str, ...], float, float]] = []
    i = n
    for j in range(m, 0, -1):
        step = back[i][j]
        assert step is not None
        k, c, excess = step
        path.append((name_units[k:i], c, excess))
        i = k
    return best[n][m], path[::-1]


@cache
def table() -> Costs | None:
    """The learned costs (`mtcheck/data/zh/syllable_costs.tsv`), or None where the file is not shipped."""
    if not data_exists("zh", "syllable_costs.tsv"):
        return None
    return Costs((r["kind"], r["latin"], r["pinyin"], int(r["count"])) for r in data_tsv("zh", "syllable_costs.tsv"))


def readings(rendering: str) -> list[tuple[str, str]]:
    from mtcheck.text.pinyin import lazy_pinyin

    return [split_syllable(s) for s in lazy_pinyin(rendering) if s.isalpha() and s.isascii()]


@lru_cache(maxsize=65536)
def syllable_costs(name: str, rendering: str) -> tuple[float, ...]:
    """The cost of each character of `rendering` as a rendering of `name` (empty where no table is shipped
    or a character has no reading)."""
    costs = table()
    syls = readings(rendering)
    if costs is None or len(syls) != len(rendering) or not syls:
        return ()
    _, path = align(units(name), syls, costs)
    if not path:  # more letters than the characters can hold (MAX_CHUNK each): not judged
        return ()
    out = []
    for j, ((chunk, _, excess), (initial, _)) in enumerate(zip(path, syls, strict=True)):
        # A vowel after a vowel (a hiatus: Julius, Maria) is written with a glide or vowel syllable of many
        # spellings (朱利叶斯, 玛丽亚, 诺亚): phonetic._vowel_syllables judges those characters, not this.
        before = path[j - 1][0] if j else ()
        hiatus = bool(chunk) and _is_vowel(chunk[0], chunk[1] if len(chunk) > 1 else None) \
            and bool(before) and before[-1] in _VOWEL_LETTERS and initial in ("", "y", "w")
        out.append(0.0 if hiatus else excess)
    return tuple(out)


def worst_syllable(name: str, rendering: str) -> float:
    """The surprisal of the rendering's least expected character (0 where it cannot be judged)."""
    return max(syllable_costs(name, rendering), default=0.0)
