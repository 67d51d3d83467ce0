"""How far a transliterated rendering is from the source name it renders, in consonants the language's
sound system does not explain (Rutte: ルッテ 0, ルッケ 1).

Both sides are consonant skeletons (mtcheck/text/transliterate.py). They are aligned by a weighted edit
distance in which an operation costs 1 unless it is one of the language's cheap ones (`CHEAP`): a voicing
pair (s/z, t/d), a palatalised consonant (ティ/チ, t/ch), m written ン before b/p, a silent source letter
(the h of Birmingham), a consonant a kana digraph adds (シ: sh). The cheap operations come from two places:
the sound correspondences of each language in `mtcheck/data/<lang>/transliteration.toml` (`[phonetic]`,
with its sources), and those observed between source names and their renderings in the clean sibling
translations of the corpora's dev half (`mtcheck/data/<lang>/rendering_ops.tsv`, written by
`scripts/calibrate_renderings.py`). A garble (a kana, Han character or Arabic letter changed, dropped or
added) brings a consonant that no correspondence explains, so its cost is 1 or more; a compound (プレミア
リーグ for Premier) is the source name and at least two more consonants, which cost nothing.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import cache, lru_cache
from itertools import pairwise

from mtcheck.lang.base import data_exists, data_toml, data_tsv
from mtcheck.text.lexicon import zipf
from mtcheck.text.transliterate import _squeeze, skeletons, target_skeleton

CHEAP = 0.25  # an explained difference; four of them are one unexplained consonant
GARBLED = 1.0  # a rendering at or above this cost has a consonant the source name does not explain


@cache
def cheap_ops(lang: str) -> frozenset[tuple[str, ...]]:
    """('s', a, b) substitutes target b for source a; ('d', a) drops source a; ('i', b) inserts target b."""
    conf = (data_toml(lang, "transliteration.toml") or {}).get("phonetic", {})
    ops: set[tuple[str, ...]] = set()
    for pair in conf.get("pairs", ()):
        a, b = pair.split("-")
        ops |= {("s", a, b), ("s", b, a)}
    ops |= {("d", c) for c in conf.get("silent", "")}
    ops |= {("i", c) for c in conf.get("inserted", "")}
    if data_exists(lang, "rendering_ops.tsv"):
        for row in data_tsv(lang, "rendering_ops.tsv"):
            ops.add(tuple(x for x in (row["op"], row["source"], row["target"]) if x))
    return frozenset(ops)


def _target(rendering: str, lang: str) -> str:
    s = target_skeleton(rendering, lang)
    for a, b in (data_toml(lang, "transliteration.toml") or {}).get("phonetic", {}).get("romanised", {}).items():
        s = s.replace(a, b)
    return re.sub(r"[^a-z]", "", s)


def _cost(a: str, b: str, cheap: frozenset) -> float:
    return _distance(a, b, lambda op: CHEAP if op in cheap else 1.0)


def _distance(a: str, b: str, c: Callable[[tuple[str, ...]], float]) -> float:
    """Weighted edit distance from `a` to `b`; `c` prices each operation: ("d", x) deletes x, ("i", y)
    inserts y, ("s", x, y) substitutes y for x."""
    prev = [0.0]
    for ch in b:
        prev.append(prev[-1] + c(("i", ch)))
    for x in a:
        row = [prev[0] + c(("d", x))]
        for j, y in enumerate(b):
            row.append(min(prev[j + 1] + c(("d", x)), row[j] + c(("i", y)),
                           prev[j] + (0.0 if x == y else c(("s", x, y)))))
        prev = row
    return prev[-1]


# The letter a coda consonant of `[phonetic] coda_silent` stands as in `_coda_skeleton` (no Latin letter the
# language's `[latin]` table leaves, nor one a romanised rendering has), and its one letter that it may be
# written as in the rendering (a coda r written ル: Schwarzenegger, シュワルツェネッガー).
CODA_MARK = "q"
_CODA_WRITTEN = "r"


@lru_cache(maxsize=65536)  # bounded: a batch over an archive meets names without end
def _coda_skeletons(name: str, lang: str) -> tuple[str, ...]:
    """The name's skeletons (after `[latin_patterns]` and `[latin]`, and with `[latin_variant_patterns]` too)
    with each consonant that `[phonetic] coda_silent` marks as a syllable's end (a regular expression on the
    lower-cased name) written `CODA_MARK`: such a consonant may be dropped or written, one by one
    (Schwarzenegger: the r of -war- written, of -er dropped), where one at a syllable's start may not (Rushden:
    シュデン, Jeremy: ジェミー). None where the language has no such expression or the name no such consonant."""
    rules = data_toml(lang, "transliteration.toml") or {}
    coda = rules.get("phonetic", {}).get("coda_silent")
    if not coda:
        return ()
    marked = re.sub(coda, "\x00", name.lower())
    if "\x00" not in marked:
        return ()
    out = []
    for variant in ({}, rules.get("latin_variant_patterns", {})):
        s = marked
        for a, b in {**rules.get("latin_patterns", {}), **variant}.items():
            s = re.sub(a, b, s)
        for a, b in rules.get("latin", {}).items():
            s = s.replace(a, b)
        out.append(_squeeze(re.sub(r"[^a-z]", "", s.replace("\x00", CODA_MARK))))
    return tuple(dict.fromkeys(out))


def _coda_price(cheap: frozenset) -> Callable[[tuple[str, ...]], float]:
    def price(op: tuple[str, ...]) -> float:
        if op == ("s", CODA_MARK, _CODA_WRITTEN):
            return 0.0
        return CHEAP if op == ("d", CODA_MARK) or op in cheap else 1.0
    return price


def rendering_cost(name: str, rendering: str, lang: str) -> float:
    """The unexplained consonants between a Latin-script name and its rendering (0: a regular rendering)."""
    cheap = cheap_ops(lang)
    name = re.sub(r"['’]s$", "", name)  # Tennent's: テネント
    variants = [(0.0, s) for s in skeletons(name, lang)]
    if len(name) > 4 and name.endswith("s"):  # an English plural the rendering leaves out (Falklands)
        variants += [(CHEAP, s) for s in skeletons(name[:-1], lang)]
    coda = _coda_skeletons(name, lang)
    coda_price = _coda_price(cheap)

    def cost(part: str) -> float:
        t = _target(part, lang)
        syllables = _vowel_syllables(name, part) if lang == "zh" else \
            _kana_glides(name, part) + _kana_initial_vowel(name, part) + _kana_hiatus(name, part) \
            + _kana_long_u(name, part) if lang == "ja" else 0.0
        best = min(extra + _cost(s, t, cheap) for extra, s in variants)
        for s in coda:
            best = min(best, _distance(s, t, coda_price))
        return syllables + best

    # A compound: the name, then (or after) another word of three characters or more (ビッグボーイ for Big,
    # エルサルバドル for Salvador): the name's part is judged alone, where it renders the name regularly
    # (beside a word of two characters or more) or with one explained difference (beside three or more).
    # A part that only comes close beside a character or two is a garble's way of hiding (ゲ of ゲハーコート).
    # Arabic writes words apart (its clitics are split off before): no compounds there.
    # In Chinese a whole run of transliteration characters is judged (mtcheck/text/renderings.py), and a
    # rest of two characters is as often a garble's added character beside the name's own vowel syllable
    # (乌汤萨帕 for 乌萨帕, Uthappa; 奥法利弗 for 奥利弗): a Chinese compound's rest is three or more.
    least = 3 if lang == "zh" else 2
    best = cost(rendering) + (_doubled(name, rendering) if lang == "ar" else 0.0) + _rare_letters(name, rendering, lang)
    doubled_n = GARBLED * impossible_kana(rendering) if lang == "ja" else 0.0
    doubled_n += GARBLED * len(_AR_INNER_MAKSURA.findall(rendering)) if lang == "ar" else 0.0
    doubled_n += _kana_double_n(name, rendering) + _kana_doubled(name, rendering) + _kana_long_glide(name, rendering) \
        if lang == "ja" else 0.0
    for k in range(2, len(rendering) - 1) if lang != "ar" else ():
        for part, rest, after in ((rendering[:k], rendering[k:], True),
                                  (rendering[k:], rendering[:k], False)):
            if lang == "ja" and after and _vowel_rest(rest):
                continue
            c = cost(part)
            if len(part) >= 2 and ((c == 0.0 and len(rest) >= least) or (c <= CHEAP and len(rest) >= 3)):
                best = min(best, c)
    if lang == "ar":
        best = min(best, _glued_word(name, rendering, cost))
    return best + doubled_n


def _vowel_rest(rest: str) -> bool:
    """Japanese: the rest after a compound's first part starts with a full-size vowel kana (after a ン or not)
    and is no word (ンウグ of グレイニンウグ for Groening): a garble's added vowel kana, which split off there
    hid it from `_kana_hiatus` (round 16); a word after a name (オークランド) is common enough
    (`COMPOUND_REST`)."""
    return re.match(r"ン?[アイウエオ]", rest) is not None and zipf(rest, "ja") < COMPOUND_REST


# An Arabic word at least this frequent (zipf) written straight after a name is a word of its own with the
# space left out (فريمانعضوة: فريمان + عضوة "member", a corpus's missing space), not letters of the rendering.
GLUED_WORD = 3.5


def _glued_word(name: str, rendering: str, cost: Callable[[str], float]) -> float:
    """Arabic: the cost of the rendering's start where the rest (three letters or more) is a common word
    the translation glued to the name; inf where there is none. Arabic writes words apart, so this is a
    missing space, which no letter of a garble makes (one or two letters changed, dropped or added)."""
    best = float("inf")
    for k in range(2, len(rendering) - 2):
        part, rest = rendering[:k], rendering[k:]
        if zipf(rest, "ar") >= GLUED_WORD:
            best = min(best, cost(part) + _doubled(name, part) + _rare_letters(name, part, "ar"))
    return best


# What explains a full-size ヤ, ユ or ヨ in a rendering: a y or j of the name, a Spanish ll, an i or e before a
# vowel (Maya, Tayyip, Oiapoque オヤポク, Calzadilla), or the name's start in eu/u (ユーロ, ユタ).
_JA_GLIDE_SOURCES = re.compile(r"y|j|ll|[ie](?=[aeiou])|^eu|^u")
_JA_GLIDES = re.compile(r"[ヤユヨ]")
# ン before a kana of the n row is a doubled n (アンナ for Anna, カンヌ for Cannes).
_JA_DOUBLE_N = re.compile(r"ン[ナニヌネノ]")


def _kana_glides(name: str, rendering: str) -> float:
    """Japanese: a full-size ヤ, ユ or ヨ more than the name's letters explain (`_JA_GLIDE_SOURCES`), each one
    unexplained consonant. The skeleton reads y as a vowel, so a garble that writes one (ヤリン for エリン,
    Elin; ヘヨル for ヘイル, Hale) cost nothing. Of the 197 renderings of names in the clean dev translations
    (round 9), one has a glide more than this allows, in a compound (クンダリーニヨガ: ヨガ is yoga, judged
    apart: this is asked of each part)."""
    glides = len(_JA_GLIDES.findall(rendering)) - len(_JA_GLIDE_SOURCES.findall(name.lower()))
    return GARBLED * max(0, glides)


# Full-size vowel kana after another kana write a second vowel sound (ダイ, レア, ンウ), which the consonant
# skeleton reads as nothing: a garble that adds one (ダイニウス for ダニウス, Danius; フアインスタイン for
# ファインスタイン, Feinstein; デイロン for ディロン, Dillon: a full イ where the convention writes ィ) cost
# nothing. What explains one: two vowel letters of the name in a row (a w or y after a vowel counts, and a v
# that ends a syllable, Ukrainian Kharkiv: ハルキウ), an r ending a syllable for an ア (`_JA_CODA_R`), or
# English's long a written エイ (David: デイビッド) and
# long i written アイ (Mike: マイク, Simon: サイモン), a vowel before one or two consonants and a vowel (not
# a doubled one: Dillon's i is short) or before gh (Wright). Round 16, engineer K.
_JA_VOWEL_PAIR = re.compile(r"(?=[aeiouy][aeiouyw]|[aeiouy]v(?![aeiouy]))")
_JA_CODA_R = re.compile(r"(?<=[aeiouy])r(?=e?$|[^aeiouy])")
# the consonants before the vowel, the vowel, then its open context: one or two consonants (not a doubled
# one) and a vowel, or gh; a long i also before a vowel (Ryan: ライアン)
_JA_OPEN = r"(?:([b-df-hj-np-tv-z])(?!\2)[b-df-hj-np-tvxz]?)[aeiouy]"
_JA_LONG_A = re.compile(rf"([b-df-hj-np-tv-z]*)a(?={_JA_OPEN})")
_JA_LONG_I = re.compile(rf"([b-df-hj-np-tv-z]*)[iy](?=gh|[aeiou]|{_JA_OPEN})")
# Latin letters and the consonants of kana (Hepburn) that may write one another, voicing aside: the long
# vowel's kana must start with a consonant of the letters before the name's vowel (マイ of Mike, not the ダイ
# of a garbled Danius, whose i follows an n).
_JA_CONSONANT_GROUPS = ("kgcqx", "szcj", "tdj", "pbvf", "hf", "m", "n", "rl", "w", "yj", "jgzd")


_SMALL_KANA = "ァィゥェォャュョヮ"


@cache
def _kana_vowel(kana: str) -> tuple[str, str]:
    """The consonant letters and the vowel a katakana is romanised with (ダ: d, a; ィ: "", i); no vowel for
    ン, ッ, ー and the name dot."""
    from mtcheck.text.transliterate import romanise

    r = romanise(kana, "ja")
    if kana[-1] in "ッー・" or r[-1:] not in ("a", "e", "i", "o", "u"):
        return r, ""
    return r[:-1], r[-1]


def _same_consonant(letters: str, kana_consonant: str) -> bool:
    if not letters or not kana_consonant:
        return not letters and not kana_consonant
    return any(x in g and kana_consonant[0] in g for x in letters for g in _JA_CONSONANT_GROUPS)


def _kana_hiatus(name: str, rendering: str) -> float:
    """Japanese: full-size vowel kana after a kana (not after ー, `_kana_long_glide`'s, nor first) more than
    the name's vowel pairs (`_JA_VOWEL_PAIR`) and English long vowels (`_JA_LONG_A` written エイ, `_JA_LONG_I`
    written アイ, after a kana of the vowel's consonant) explain, one unexplained consonant each; asked of each
    part of a compound, like `_kana_glides`."""
    latin = "".join(c for c in unicodedata.normalize("NFKD", name.lower()) if c.isalpha() and c.isascii())
    added = [(_kana_vowel(rendering[i - 2:i] if i >= 2 and rendering[i - 1] in _SMALL_KANA else rendering[i - 1]),
              rendering[i]) for i in range(1, len(rendering))
             if rendering[i] in "アイウエオ" and rendering[i - 1] not in "ー・"]
    if not added:
        return 0.0
    unexplained = len(added) - len(_JA_VOWEL_PAIR.findall(latin))
    # an English r that ends a syllable is written ア (Ballyhackamore: バリーハッカモア; Clare: クレア)
    unexplained -= min(sum(1 for _, k in added if k == "ア"), len(_JA_CODA_R.findall(latin)))
    for vowel, pattern in (("e", _JA_LONG_A), ("a", _JA_LONG_I)):
        clusters = [m.group(1) for m in pattern.finditer(latin)]
        for (consonant, v), kana in added:
            if v == vowel and kana == "イ":
                hit = next((c for c in clusters if _same_consonant(c, consonant)), None)
                if hit is not None:
                    clusters.remove(hit)
                    unexplained -= 1
    return GARBLED * max(0, unexplained)


# A long mark after a kana of the u column writes a long u (ルース for Ruth, クーパー for Cooper); after a
# kana whose u only carries a consonant (the s of st: スターマー for Starmer), it is a garble's (スーターマー,
# タスーマニア for Tasmania), which the skeleton and `light_fold` read as nothing. Round 16, engineer K.
_JA_LONG_U = re.compile(r"[ウクグスズツヌフブプムユル]ー")
_JA_NAME_U = re.compile(r"oo|ou|ew|eu|ue|ui|oe|[uüúû]")


def _kana_long_u(name: str, rendering: str) -> float:
    """Japanese: a u-column kana with a long mark more than the name has u sounds (`_JA_NAME_U`), one
    unexplained consonant each."""
    marks = len(_JA_LONG_U.findall(rendering))
    return GARBLED * max(0, marks - len(_JA_NAME_U.findall(name.lower()))) if marks else 0.0


def unexplained_kana(name: str, rendering: str) -> float:
    """Japanese: the vowel kana and long marks of `rendering` that the name's letters do not explain
    (`_kana_hiatus`, `_kana_long_u`), in unexplained consonants. `light_fold` and `fold` make such a spelling
    one with the listed rendering it garbles (ギアナ, スターマー), so the names judges ask this too."""
    return _kana_hiatus(name, rendering) + _kana_long_u(name, rendering)


# Katakana sequences no word can have (the Cabinet notice on writing loanwords, 外来語の表記, 1991, lists
# the small kana each may follow): a small ャ/ュ/ョ after a kana other than an i-row one or テ, デ, フ, ヴ
# (ハュ); a small ッ before no consonant kana (at the word's end, before ン, ー or a vowel: ドラヴィッ,
# イッン); a word that starts with ー or ッ (ン may: ンゴロンゴロ, ンジャメナ); a small kana or ー after ン,
# ッ or ー. Round 10: one in the katakana words of the 163 clean dev translations (ング, a word split by the
# corpus), 9 of the 155 dev garbles (seeds 1, 3). Round 12: a small ァ/ィ/ゥ/ェ/ォ after a kana the notice
# pairs none with (ヘィル, a word that starts with ォ: ォヤポク); of the 278 small vowel kana in the 163 clean
# dev translations (seed 1) all follow one it allows (ティ, ウェ, フォ, ジェ, イェ ...), 2 of the 80 garbles don't.
# Round 16: ヲ inside a katakana word (the notice writes loanwords' wo as ウォ or オ; ヲ is the particle を's kana
# only): none in the 1,057 katakana words of the clean dev translations; the injector's ワ -> ヲ makes one.
_KANA_IMPOSSIBLE = re.compile(
    r"(?<![キシチニヒミリギジビピテデフヴ])[ャュョ]"
    r"|(?<![ウクグスズツテデトドフヴシジチイキギニヒビピミリ])[ァィゥェォ]"
    r"|ッ(?![カ-ヂツ-ヲヴ])"
    r"|(?<![ァ-ヺー])[ーッ]"
    r"|[ンッー][ァィゥェォャュョー]"
    r"|(?<=[ァ-ヺー])ヲ|ヲ(?=[ァ-ヺー])")


def impossible_kana(text: str) -> int:
    """How many katakana sequences of `text` no Japanese word can have (`_KANA_IMPOSSIBLE`): a garble's
    added, dropped or changed kana often leaves one (ランタカーニハュ, タダイッ), which a consonant skeleton
    reads as a vowel or as nothing."""
    return len(_KANA_IMPOSSIBLE.findall(text))


# Arabic letters a word holds in one place only (round 14): ة ends a word; إ starts one, after a proclitic
# (وإ, بإ, لإ, فإ, كإ) or the article (الإ) too; آ the same, where a foreign name's rendering is concerned (a
# long a inside a name is written ا: فاينشتاين, لاكيرز; قرآن and مرآة are no renderings). A garble's changed
# hamza seat or ending (فآينشتاين, يإرموث, ساروجإ, وةان) leaves one, which `light_fold` and the skeleton read as
# the plain letter.
_AR_MISPLACED = re.compile("\u0629(?=[\u0621-\u064a])|(?<=[\u0621-\u064a])(?<![\u0648\u0628\u0644\u0641\u0643])"
                           "(?<!\u0627\u0644)[\u0625\u0622]")


def impossible_spelling(text: str, lang: str) -> int:
    """How many sequences of `text` no word of the language is spelt with: katakana (`impossible_kana`), an
    Arabic ى before a letter, a ة before one, a إ or آ inside a word (`_AR_MISPLACED`)."""
    if lang == "ja":
        return impossible_kana(text)
    return len(_AR_INNER_MAKSURA.findall(text)) + len(_AR_MISPLACED.findall(text)) if lang == "ar" else 0


_KANA_TWICE = re.compile(r"([ァ-ヺ])\1")


def _kana_doubled(name: str, rendering: str) -> float:
    """Japanese: a kana written twice in a row (プリトトヴィッツェ for プリトヴィッツェ, Plitvice) where the name
    has its consonant twice with only vowels between (Coco: ココ) or, for a vowel kana, two vowels in a row:
    one unexplained consonant each. The skeleton squeezes t-t to one t, so the garble cost nothing. Of the 201
    renderings of names in the clean dev translations (round 10), one has a kana twice (ダルル for Daru)."""
    from mtcheck.text.transliterate import romanise

    latin = name.lower()
    for a, b in (data_toml("ja", "transliteration.toml") or {}).get("latin", {}).items():
        latin = latin.replace(a, b)
    consonants = re.sub(r"[aeiouy]", "", latin)
    out = 0.0
    for m in _KANA_TWICE.finditer(rendering):
        sound = romanise(m.group(1), "ja")
        c = re.sub(r"[aeiou].*$", "", sound)[:1]
        explained = (c * 2 in consonants) if c else re.search(r"[aeiouy]{2}", latin) is not None
        out += 0.0 if explained else GARBLED
    return out


def _kana_initial_vowel(name: str, rendering: str) -> float:
    """Japanese: a rendering that starts with a vowel kana (ア イ ウ エ オ) where the name starts with a
    consonant other than h, w or y (ウリガ for Riga, イギザ for Giza): katakana writes a name's first
    consonant first, so the vowel is a garble's, which the consonant skeleton cannot see. Round 12: of the 202
    clean dev renderings (seed 1) three start so, each a compound or another word (エルサルバドル for Salvador,
    オールブラックス for Blacks), which the compound split judges on the name's part."""
    first = re.sub(r"[^a-z]", "", name.lower())[:1]
    return GARBLED if first and first not in "aeiouhwy" and rendering[:1] in "アイウエオ" else 0.0


# A long mark followed by イ or ウ (ローイ, ーウ) writes a vowel pair of the name (Boy: ボーイ); elsewhere it is a
# garble's added vowel kana (ジョンドローイ for Johndroe, ファーイガソン for Ferguson).
_JA_LONG_GLIDE = re.compile(r"ー[イウ]")


def _kana_long_glide(name: str, rendering: str) -> float:
    """Japanese: ー before イ or ウ where the name has no vowel before a y, i, w or u (oy, ai, ow, au ...), one
    unexplained consonant each. Round 12: one in the katakana words of the 163 clean dev translations (seed
    1), ビッグボーイ (boy); 9 of the 160 dev garbles of seeds 1 and 4 have one (バーウハッカモア, フリーイマン)."""
    if re.search(r"[aeiou][yiwu]", name.lower()):
        return 0.0
    return GARBLED * len(_JA_LONG_GLIDE.findall(rendering))


def _kana_double_n(name: str, rendering: str) -> float:
    """Japanese: a doubled n (ン before the n row: カバンノー for カバノー) where the name has no nn, one
    unexplained consonant each: the skeleton squeezes n-n, and a compound's edge may fall between the two
    (カバン + ノー), so this is asked of the whole rendering. None of the 197 clean dev renderings has one."""
    return 0.0 if "nn" in name.lower() else GARBLED * len(_JA_DOUBLE_N.findall(rendering))


_AR_CONSONANTS = "بتثجحخدذرزسشصضطظعغفقكلمن"
# ى (alif maqsura) writes a vowel at a word's end only: before another letter it is a garbled ي or ا
# (سوفىتي, بىشكوك). Round 12: none in the words of the 174 clean dev translations (seed 1); 2 of 89 dev garbles.
_AR_INNER_MAKSURA = re.compile("\u0649(?=[\u0621-\u064a])")
_AR_DOUBLED = re.compile(f"([{_AR_CONSONANTS}])\\1")


def _doubled(name: str, rendering: str) -> float:
    """Arabic: a consonant letter written twice in a row (ممناتي for ماناتي, سمبسنزز) that the name does not
    double either (Pelley: بيللي; Bishkek: بيشكك, k and k with only a vowel between, which Arabic leaves
    unwritten) costs one consonant. Arabic writes a doubled consonant once (with a shadda, mostly left out);
    of 380 renderings of names in the clean dev translations, three had a letter twice (those two and ب + a
    name that starts with ب), while the skeleton, which squeezes doubled letters, cannot see the garble."""
    letters = (data_toml("ar", "transliteration.toml") or {}).get("letters", {})
    latin = re.sub(r"[aeiouyw]", "", name.lower())
    out = 0.0
    for m in _AR_DOUBLED.finditer(rendering):
        c = letters.get(m.group(1), "")
        if c and c * 2 not in latin and not (len(c) == 1 and _doubled_in(latin, c)):
            out += GARBLED
    return out


def _doubled_in(latin: str, c: str) -> bool:
    """The name's consonants have `c` twice in a row in any of its spellings (c and k, s and z for one letter)."""
    same = {"k": "kcq", "s": "sz", "z": "zs", "f": "fvp", "b": "bp", "j": "jg"}.get(c, c)
    return any(a in same and b in same for a, b in pairwise(latin))


@cache
def _rare_table(lang: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    table = (data_toml(lang, "transliteration.toml") or {}).get("rare_letters", {})
    return tuple((letter, re.compile(pattern)) for letter, pattern in table.items())


def _rare_letters(name: str, rendering: str, lang: str) -> float:
    """A letter the language writes in foreign names only for a sound of the name (`[rare_letters]` in the
    language's transliteration.toml: Arabic ع, ظ, ح, ث ...), written more often than the name's letters
    explain it: one unexplained consonant each. The skeleton reads such a letter as a plain consonant or as
    nothing, so a garble that writes one (حيغويعلا for فيغويلا, Veguilla) costs a quarter or nothing there."""
    table = _rare_table(lang)
    if not table:
        return 0.0
    latin = name.lower()
    out = 0
    for letter, explained in table:
        n = rendering.count(letter)
        if n:
            out += max(0, n - len(explained.findall(latin)))
    return GARBLED * out


# A Chinese character this frequent on its own (zipf) that ends a run of three or more is a function word
# (也 6.7, 以 6.2, 因 5.6: 佩林因), not a glide syllable of the name (亚 5.0, 伊 4.6); names_script.PARTICLE.
FUNCTION_WORD = 5.5

# Vowel pairs of a Latin name that are one sound (Sean, Louis, Paul): no syllable of their own in Chinese.
# "oa" is none: in names it is mostly two syllables (Noah 诺亚, Samoa 萨摩亚, Goa 果阿).
_DIGRAPHS = frozenset(("ee", "oo", "ou", "ay", "ey", "ie", "ea", "au", "aw", "oy", "ue", "ui"))


def _vowel_syllables(name: str, rendering: str) -> float:
    """Chinese: a character without a consonant that the name's letters do not explain, each as one
    unexplained consonant. Such a character is a bare vowel (阿, 厄, 奥, 安; not 尔, which writes an l or r)
    or a glide syllable, whose y or w the skeleton reads as a vowel (伊, 亚, 雅, 耶, 尤, 约; 乌, 瓦, 维, 韦,
    沃, 温). Xinhua writes one only for a vowel that follows another (玛丽亚 for Maria, 哈梅内伊 for
    Khamenei), a w or y of the name (多伊尔 for Doyle, 鲍伊 for Bowie, 刘易斯 for Lewis), a v or j before a
    vowel (维多利亚 for Victoria, 雅各布 for Jakob) or the name's start (埃尔多安, 沃伦); a consonant
    skeleton cannot see one added or swapped in (马斯厄科伊 for 马斯科卡, Muskoka; 索维诺拉 for 索诺拉,
    Sonora; 雅马 for 伽马, Gama). Until round 8 only 伊 and 乌 of the glides counted, so a garble adding
    维 or 雅 cost nothing, and the y of Doyle explained no 伊 (a minor finding on a clean 多伊尔). Of the
    57 zh renderings in names/renderings.tsv and observed.tsv, one has one more than this allows
    (埃尔多安: Turkish ğ is silent)."""
    from mtcheck.text.pinyin import lazy_pinyin

    syllables = [s for s in lazy_pinyin(rendering) if s.isalpha()]
    if not syllables:
        return 0.0
    s = re.sub(r"[^a-z]", "", name.lower())

    def bare(syl: str) -> bool:
        return (syl[:1] in "aeo" and syl != "er") or syl in ("yi", "wu")

    def glide(syl: str) -> bool:
        return syl[:1] in "yw" and not bare(syl)

    hiatus = sum(1 for i in range(1, len(s)) if s[i] in "aeiouy" and s[i - 1] in "aeiouy"
                 and s[i - 1:i + 1] not in _DIGRAPHS)
    hiatus += sum(1 for i in range(1, len(s) - 1) if s[i] == "y" and s[i + 1] in "aeiou" and s[i - 1] not in "aeiouy")
    # the name's own glides: a w or y after its first letter (not the y counted above), a v or j before a vowel
    hiatus += sum(1 for i in range(1, len(s)) if (s[i] in "wy" and not (s[i] == "y" and i < len(s) - 1
                                                                        and s[i + 1] in "aeiou"
                                                                        and s[i - 1] not in "aeiouy"))
                  or (s[i] in "vj" and i + 1 < len(s) and s[i + 1] in "aeiou"))
    counted = syllables[1:]
    # A run of transliteration characters may end with a function word (也 "also", 因 "because": 汤普森也出席了):
    # not the name's syllable, and no garble's (scripts/inject.py adds none at the end).
    if len(counted) > 1 and zipf(rendering[-1], "zh") >= FUNCTION_WORD:
        counted = counted[:-1]
    vowels = sum(1 for x in counted if bare(x))
    unexplained = max(0, vowels - hiatus)
    glides = max(0, sum(1 for x in counted if glide(x)) - max(0, hiatus - vowels))
    if s[:1] not in "aeiouyhwvj":
        unexplained += bare(syllables[0])
        glides += glide(syllables[0])
    # A glide syllable is weaker evidence than a bare vowel (Xinhua writes 维 or 威 for a w the English
    # spelling hides, 拉维恩 for Laverne): glides alone make one unexplained consonant at most, never a
    # second beside a vowel syllable (round 8: 拉维恩 judged as Lauren, minor before, became major).
    return GARBLED * (unexplained + min(glides, max(0, 1 - unexplained)))


_FULL_VOWELS = frozenset("aeiouyw")
VOWEL = 0.3  # a vowel changed, dropped or added between the name's spelling and the romanised rendering


def vowel_cost(name: str, rendering: str, lang: str) -> float:
    """The name and its rendering compared with their vowels (a kana for another of the same consonant, an
    Arabic long-vowel letter): consonants as in `rendering_cost`, each vowel operation `VOWEL`. Renderings
    through English pronunciation differ from the spelling in vowels, so this ranks two renderings of one
    name (the one further from the name is the garble); it is no absolute judge."""
    cheap = cheap_ops(lang)
    rules = data_toml(lang, "transliteration.toml") or {}
    s = name.lower()
    coda = rules.get("phonetic", {}).get("coda_silent")
    if coda:  # a coda consonant dropped or written, as in `rendering_cost` (`_coda_skeletons`)
        s = re.sub(coda, "\x00", s)
    for a, b in rules.get("latin", {}).items():
        s = s.replace(a, b)
    s = re.sub(r"(.)\1+", r"\1", re.sub(r"[^a-z]", "", s.replace("\x00", CODA_MARK)))
    t = re.sub(r"(.)\1+", r"\1", re.sub(r"[^a-z]", "", _romanised_full(rendering, lang)))
    consonant = _coda_price(cheap) if coda else lambda op: CHEAP if op in cheap else 1.0

    def c(op: tuple[str, ...]) -> float:
        if all(x in _FULL_VOWELS for x in op[1:]):
            # Arabic leaves short vowels unwritten: a source vowel missing is the rule there.
            return VOWEL / 3 if lang == "ar" and op[0] == "d" else VOWEL
        return consonant(op)

    return _distance(s, t, c)


def _romanised_full(rendering: str, lang: str) -> str:
    from mtcheck.text.transliterate import romanise

    s = romanise(rendering, lang)
    rules = data_toml(lang, "transliteration.toml") or {}
    for a, b in {**rules.get("romanised", {}), **rules.get("phonetic", {}).get("romanised", {})}.items():
        s = s.replace(a, b)
    return s


def variant(listed: str, other: str, lang: str) -> bool:
    """Two renderings in the target's script that differ only in what the language's correspondences
    explain (إندونيسيا/إندونسيا: a vowel letter; ميكرونيزيا/ميكرونيسيا: s and z). Only the correspondences
    that swap one consonant for another: a silent or inserted source letter (the h of Birmingham) explains
    a rendering of a Latin name, but between two renderings an added consonant letter is a garble (نيباليح
    for نيبالية: the h an Arabic ح writes is no vowel)."""
    swaps = frozenset(op for op in cheap_ops(lang) if op[0] == "s")
    return _cost(_target(listed, lang), _target(other, lang), swaps) < GARBLED


def _edit_script(s: str, t: str, price: Callable[[tuple[str, ...]], float],
                 insert_context: bool = False, at: list[int] | None = None) -> list[tuple[str, ...]]:
    """The operations of a cheapest alignment of `s` with `t`, from the end: ("s", a, b) a substitution
    priced by `price`, ("d", a) a drop and ("i", b) an addition at cost 1; with `insert_context`, each addition
    also as ("I", the character before it or "^", b), the calibration's addition in its place; `at` receives
    the index in `s` of each substitution."""
    n, m = len(s), len(t)
    d = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        d[i][0] = float(i)
    for j in range(1, m + 1):
        d[0][j] = float(j)

    def sub(i: int, j: int) -> float:
        return 0.0 if s[i - 1] == t[j - 1] else price(("s", s[i - 1], t[j - 1]))

    for i in range(1, n + 1):
        for j in range(1, m + 1):
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + sub(i, j))
    out: list[tuple[str, ...]] = []
    i, j = n, m
    while i or j:
        if i and j and d[i][j] == d[i - 1][j - 1] + sub(i, j):
            if s[i - 1] != t[j - 1]:
                out.append(("s", s[i - 1], t[j - 1]))
                if at is not None:  # where in `s` each substitution is, in the same order
                    at.append(i - 1)
            i, j = i - 1, j - 1
        elif i and d[i][j] == d[i - 1][j] + 1:
            out.append(("d", s[i - 1]))
            i -= 1
        else:
            out.append(("i", t[j - 1]))
            if insert_context:
                out.append(("I", t[j - 2] if j >= 2 else "^", t[j - 1]))
            j -= 1
    return out


def alignment_ops(name: str, rendering: str, lang: str) -> list[tuple[str, ...]]:
    """The unit-cost edit operations that turn the name's skeleton into the rendering's (for calibration)."""
    t = _target(rendering, lang)
    s = min(sorted(skeletons(name, lang)), key=lambda s: _cost(s, t, frozenset()))
    return _edit_script(s, t, lambda op: 1.0)


# The sound judge (round 12): the name and its rendering compared letter by letter with their vowels, each
# edit priced by whether the clean translations of the corpora's dev half make it (`sound_ops.tsv`, written by
# scripts/calibrate_renderings.py --sounds). A consonant skeleton reads ノルダ for Nord, クズマ for Kusuma,
# دايتان for Dayton as regular; their vowel or voicing edit is one no clean rendering of three names makes.
SEEN = 0.1  # an edit clean renderings of several names make
UNSEEN_VOWEL = 0.5  # a vowel edit no clean rendering makes (a kana of the same row, an Arabic long vowel)
UNSEEN_CHEAP = 0.5  # a listed correspondence (`[phonetic]` pairs: s/z, k/g) no clean rendering makes
SOUND_VOWELS = frozenset("aeiouywA")  # A: Arabic ى, which writes a final a only


def sound_name(name: str, lang: str) -> frozenset[str]:
    """The name's letters as the target writes them, vowels kept (with the language's context-dependent
    changes and without), doubled letters once."""
    rules = data_toml(lang, "transliteration.toml") or {}
    out = set()
    # Rodríguez, Veltzé: the letters without their accents (the consonant skeleton keeps no vowels to lose)
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    for patterns in (False, True):
        s = re.sub(r"['’]s$", "", plain).lower()
        for a, b in (rules.get("latin_patterns", {}) if patterns else {}).items():
            s = re.sub(a, b, s)
        for a, b in rules.get("latin", {}).items():
            s = s.replace(a, b)
        out.add(re.sub(r"(.)\1+", r"\1", re.sub(r"[^a-z]", "", s)))
    return frozenset(out)


def sound_rendering(rendering: str, lang: str) -> str:
    """The rendering's sounds in Latin letters, vowels kept; `[sounds]` of the language's transliteration.toml
    keeps apart the letters the consonant table folds (Arabic ط as T, ص as S, ق as q), doubled letters once."""
    from mtcheck.text.transliterate import romanise

    own = (data_toml(lang, "transliteration.toml") or {}).get("sounds", {})
    s = "".join(own.get(ch) if ch in own else romanise(ch, lang) for ch in rendering) if own and lang == "ar" \
        else _romanised_full(rendering, lang)
    return re.sub(r"(.)\1+", r"\1", re.sub(r"[^a-zA-Z]", "", s))


@cache
def sound_ops(lang: str) -> frozenset[tuple[str, ...]]:
    if not data_exists(lang, "sound_ops.tsv"):
        return frozenset()
    return frozenset(tuple(x for x in (row["op"], row["source"], row["target"]) if x)
                     for row in data_tsv(lang, "sound_ops.tsv"))


def _is_vowel_op(op: tuple[str, ...]) -> bool:
    return all(x in SOUND_VOWELS for x in op[1:])


def sound_cost(name: str, rendering: str, lang: str) -> float:
    """What the rendering's sounds cost against the name's: SEEN for each edit that clean renderings make,
    UNSEEN_VOWEL / UNSEEN_CHEAP / 1 for the others (a vowel, a listed correspondence, any other consonant)."""
    seen, cheap = sound_ops(lang), cheap_ops(lang)
    conf = (data_toml(lang, "transliteration.toml") or {}).get("thresholds", {})
    vowel = float(conf.get("sound_vowel", UNSEEN_VOWEL))  # per language: Arabic leaves short vowels unwritten

    def price(op: tuple[str, ...]) -> float:
        if op[0] == "I":  # an added letter after the rendering's letter before it (the o of ド after d: seen)
            if op in seen:
                return SEEN
            op = ("i", op[2])
            # seen elsewhere only: an epenthetic u is regular after any consonant, an a after few
            return vowel * 0.6 if op in seen else vowel if _is_vowel_op(op) else \
                UNSEEN_CHEAP if op in cheap else 1.0
        if op in seen:
            return SEEN
        if _is_vowel_op(op):
            return vowel
        return UNSEEN_CHEAP if op in cheap or tuple(x.lower() for x in op) in cheap else 1.0

    names = sound_name(name, lang)

    def cost(part: str) -> float:
        t = sound_rendering(part, lang)
        return min(_sound_distance(s, t, price) for s in names)

    best = cost(rendering)
    # A Japanese compound (セリーオーク for Selly, シェンゲンビザ for Schengen): the name's part is judged alone
    # beside a rest of three kana or more, or of two that are a word (ビザ); a garble adds one or two kana, so a
    # rest of two rare ones (イミ of イミミフリン) is no word of its own.
    for k in range(2, len(rendering) - 1) if lang == "ja" else ():
        for part, rest in ((rendering[:k], rendering[k:]), (rendering[k:], rendering[:k])):
            if len(rest) >= 3 or zipf(rest, lang) >= COMPOUND_REST:
                best = min(best, cost(part))
    # An Arabic word glued to the name where the corpus lost a space (فريمانعضوة, فيكتورياخلال): its start
    # is judged alone, as `rendering_cost` does (`_glued_word`).
    return min(best, _glued_word(name, rendering, cost)) if lang == "ar" else best


# A vowel letter beside another vowel letter (ai, ou, oe: Blair ブレア, County カウンティ) or before an r that
# ends a syllable (Birmingham バーミンガム) is where English spelling and sound part most: its kana is no
# evidence of a garble. Round 16, engineer K.
_SPELT_APART = re.compile(r"[aeiouyw]")


def _final_epenthesis(s: str, t: str, price: Callable[[tuple[str, ...]], float]) -> int:
    """1 where the rendering's sounds `t` end with a vowel added after the name's last consonant (`s` ends with
    a consonant, and a cheapest alignment adds t's last letter) that katakana does not add there: it adds u
    (ス, ル, ク), o after t, d or h (ト, ド, ゴッホ), a after h (バッハ), i after ch, j, sh or h (ッチ, ッジ, ヒ); an
    e, or another a or o, is a garble's (エレクタソ for Erectus, サヘレ for Sahel)."""
    if len(t) < 2 or not s or s[-1] in "aeiouy" or t[-1] not in "aeo" or t[-2] in "aeiouy":
        return 0
    if (t[-1] == "o" and t[-2] in "tdh") or (t[-1] == "a" and t[-2] == "h"):
        return 0
    return int(_distance(s, t, price) == _distance(s, t[:-1], price) + price(("i", t[-1])))


def unseen_vowels(name: str, rendering: str, lang: str) -> int:
    """The vowel-for-vowel substitutions no clean rendering of three names makes (`sound_ops.tsv`: a for i,
    o for i) in the cheapest alignment of the name's letters with the rendering's sounds, of a single vowel
    letter (not beside another vowel letter, nor before an r or l ending a syllable); as `sound_cost` does,
    a Japanese compound's part that renders the name is judged alone (the fewest of its readings). エラン for
    Elin, ゴザ for Giza."""
    seen, cheap = sound_ops(lang), cheap_ops(lang)

    def price(op: tuple[str, ...]) -> float:  # `sound_alignment_ops`' prices
        if op[0] != "s":
            return 1.0
        if (op[1] in SOUND_VOWELS) != (op[2] in SOUND_VOWELS):
            return 2.5
        return 0.5 if tuple(x.lower() for x in op) in cheap else 0.9

    # `sound_name` writes a doubled letter once: Cooper's oo and Reed's ee are vowel pairs all the same
    doubled = {c for c, d in zip(name.lower(), name.lower()[1:], strict=False) if c == d and c in "aeiou"}

    def single(s: str, i: int) -> bool:
        before, after = s[i - 1:i], s[i + 1:i + 2]
        coda = after == "r" and not _SPELT_APART.match(s[i + 2:i + 3] or "w")
        return not (_SPELT_APART.match(before or "b") or _SPELT_APART.match(after or "b") or coda
                    or s[i] in doubled)

    def count(part: str) -> int:
        # each spelling of the name (with the language's patterns and without: Birmingham's r is dropped
        # by one, and its i stands before it in the other), the fewest
        t = sound_rendering(part, lang)
        best = None
        for s in sorted(sound_name(name, lang)):
            at: list[int] = []
            ops = [op for op in _edit_script(s, t, price, at=at) if op[0] == "s"]
            n = sum(1 for op, i in zip(ops, at, strict=True) if op[1] in "aeiou" and op[2] in "aeiou"
                    and op not in seen and single(s, i)) + _final_epenthesis(s, t, price)
            best = n if best is None else min(best, n)
        return best or 0

    best = count(rendering)
    # (a part that renders the name's consonants on its own: フルッグ of フルッグスタッフ is no word beside
    # Flagstaff, but half of its garbled rendering)
    for k in range(2, len(rendering) - 1) if lang == "ja" and best else ():
        for part, rest in ((rendering[:k], rendering[k:]), (rendering[k:], rendering[:k])):
            if (len(rest) >= 3 or zipf(rest, lang) >= COMPOUND_REST) and rendering_cost(name, part, lang) == 0.0:
                best = min(best, count(part))
    return best


COMPOUND_REST = 3.0  # zipf of a two-kana rest that is a word (ビザ 3.4, バス 4.3)


# Arabic long-vowel letters as `sound_rendering` writes them (ا a, و w, ي y, ى A) and the Latin vowels they
# render; the name's w and y are consonants here (West: يست is no vowel of a w).
_AR_LONG = frozenset("awyA")
_LATIN_VOWELS = frozenset("aeiou")
VOWEL_SWAPPED = 1.0  # a Latin vowel written as a long vowel letter of another quality that no clean rendering has
VOWEL_PLACED = 0.5  # a long vowel letter added after a letter no clean rendering adds it after


def _single_vowel(name: str, vowel: str) -> bool:
    """The name writes `vowel` alone somewhere after its first letter (consonants on both sides: the o of
    Zagros), where its letter says its quality; in a group (ou of Southern: ساوثرن, oi of Antoinette, oo) or at
    the start (Ontario: أنتاريو, whose alef carries any vowel) English reads it otherwise."""
    s = "".join(c for c in unicodedata.normalize("NFKD", name.lower()) if not unicodedata.combining(c))
    return any(s[k] == vowel and s[k - 1] not in "aeiouy" and (k + 1 == len(s) or s[k + 1] not in "aeiouy")
               for k in range(1, len(s)))


@lru_cache(maxsize=65536)  # bounded, as `_coda_skeletons`: asked again for each mention's span
def vowel_letter_cost(name: str, rendering: str, lang: str) -> float:
    """Arabic (issue 18, round 16): the rendering's long vowel letters judged against the name's Latin
    vowels, on the alignment `sound_ops.tsv` was counted on (`sound_alignment_ops`, which takes a vowel for a
    vowel before a drop and an add): each substitution of a Latin vowel by a long vowel letter of another
    quality that the clean renderings of three names or more never make (o as ا or ي: زاغراس, شينزي; i as و:
    بالون) costs `VOWEL_SWAPPED`; each long vowel letter added after a letter that no such rendering adds it
    after (Bishkek بويشكك, Devonport ديفونبوروت) `VOWEL_PLACED`. Not at the word's start, where an added و or
    ا is a proclitic or the article's (وأريانا). `sound_cost` takes the cheapest alignment, in which o as ا
    is an o dropped and an ا added, both seen (0.2): its threshold could not see a vowel letter of the wrong
    quality. 0.0 outside Arabic."""
    if lang != "ar":
        return 0.0
    seen = sound_ops(lang)
    cost = 0.0
    for op in sound_alignment_ops(name, rendering, lang):
        if op in seen:
            continue
        if op[0] == "s" and op[1] in _LATIN_VOWELS and op[2] in _AR_LONG and _single_vowel(name, op[1]):
            cost += VOWEL_SWAPPED
        elif op[0] == "I" and op[1] != "^" and op[2] in _AR_LONG:
            cost += VOWEL_PLACED
    return cost


def sound_alignment_ops(name: str, rendering: str, lang: str) -> list[tuple[str, ...]]:
    """The edits of the cheapest alignment of the name's sounds with the rendering's (for calibration): a
    vowel is substituted for a vowel and a consonant for a consonant, or they are dropped and added."""
    t = sound_rendering(rendering, lang)
    cheap = cheap_ops(lang)

    def price(op: tuple[str, ...]) -> float:
        if op[0] != "s":
            return 1.0
        if (op[1] in SOUND_VOWELS) != (op[2] in SOUND_VOWELS):
            return 2.5
        # a listed correspondence (s/z of Jones: ジョーンズ) before a drop and an add; a vowel for a vowel
        return 0.5 if tuple(x.lower() for x in op) in cheap else 0.9

    s = min(sorted(sound_name(name, lang)), key=lambda s: _distance(s, t, price))
    return _edit_script(s, t, price, insert_context=True)


def _sound_distance(a: str, b: str, c: Callable[[tuple[str, ...]], float]) -> float:
    """`_distance`, with each insertion priced with the letter of `b` before it: ("I", previous, added)."""
    prev = [0.0]
    for j, ch in enumerate(b):
        prev.append(prev[-1] + c(("I", b[j - 1] if j else "^", ch)))
    for x in a:
        row = [prev[0] + c(("d", x))]
        for j, y in enumerate(b):
            row.append(min(prev[j + 1] + c(("d", x)), row[j] + c(("I", b[j - 1] if j else "^", y)),
                           prev[j] + (0.0 if x == y else c(("s", x, y)))))
        prev = row
    return prev[-1]
