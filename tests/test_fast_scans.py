"""Hand-written scans that replaced a regex search in the hot paths of long articles (#14, #17) give what
the regex gave: compared on random text (hypothesis). Speed is scripts/bench.py's business."""

from __future__ import annotations

import functools
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from mtcheck.rules.names import _LEFT, _left_word

PIECES = st.sampled_from(["a", "B", "1", "_", "-", ".", " ", "\n", "\t", "é", "Jean", "-\n", "  "])


@given(pieces=st.lists(PIECES, max_size=14), data=st.data())
def test_left_word_is_the_regex_search(pieces: list[str], data: st.DataObject) -> None:
    text = "".join(pieces)
    lo = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(lo, len(text)))
    m = _LEFT.search(text, lo, end)
    assert _left_word(text, lo, end) == (m.group(1) if m else "")


def test_left_word_examples() -> None:
    assert _left_word("Donald Trump", 0, 7) == "Donald"
    assert _left_word("Mark R. Smith", 0, 8) == "R"
    assert _left_word("Jean-Pierre", 0, 5) == "Jean"
    assert _left_word("kata  ", 2, 6) == "ta"
    assert _left_word("said, Trump", 0, 6) == ""


_NEGATION_PIECES = ["not", "no", "un", "unable", "n't", "don't", "can", "cannot", "without", "less", "-free",
                    "never", "nevertheless", "in", "impossible", "tidak", "tak", "bukan", "belum", "ne", "pas",
                    "n'", "jamais", "sans", "لا", "لم", "غير", "不", "没有", "ない", "ず", "ever", "Un", "NOT",
                    "Tidak", " ", "  ", "-", "'", "’", ".", ",", "2", "x", "a", "e", "s",
                    # optional first items and lookbehinds (round 8): their first letters are read past
                    "paling", "sedikit", "yang", "akan", "فشل", "وفشل", "ب", "و", "l’", "qu’", "absence", "personne",
                    "aucun", "keep", "from", "is", "was", "did", "不会", "将", "ません", "では", "ولا", "تزال", "يقل"]


@functools.cache
def _negation_pairs(lang: str) -> list[tuple[re.Pattern[str], re.Pattern[str]]]:
    """(plain alternation, the dispatched pattern text/negation.py compiles) for each field of a language."""
    from mtcheck.lang.base import data_toml
    from mtcheck.text import negation

    data = data_toml(lang, "negation.toml")
    words = bool(data.get("words", True))
    start = negation._B_ELIDED if data.get("elision") else negation._B
    out = []
    for field in ("strong", "soft", "not_negation", "double", "idioms"):
        if not data.get(field):
            continue
        ordered = sorted(data[field], key=len, reverse=True)
        parts = [f"(?:{p}){'' if p.rstrip(')').endswith(negation._ELIDED) else negation._E}" if words
                 else f"(?:{p})" for p in ordered]
        plain = re.compile(f"{start}(?:{'|'.join(parts)})" if words else "|".join(parts), re.IGNORECASE)
        out.append((plain, negation._compile(data[field], words, "test", start)))
    return out


@settings(deadline=None, max_examples=150)
@given(st.lists(st.sampled_from(_NEGATION_PIECES), max_size=30), st.sampled_from(["id", "en", "fr", "zh", "ja", "ar"]))
def test_negation_patterns_dispatched_by_letter_match_as_the_plain_ones(pieces: list[str], lang: str) -> None:
    """MT704's scans dispatch on the next letter (text/negation.py `_by_first_letter`): every pattern of every
    language finds the same matches as the plain alternation of its patterns."""
    text = "".join(pieces)
    for plain, fast in _negation_pairs(lang):
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_negation_dispatch_is_used_and_falls_back() -> None:
    from mtcheck.text import negation

    assert "(?=[n])" in negation._compile(["not", "never", "no"], True, "test").pattern
    # a capturing group (it would be repeated) and a first letter with extra case forms keep the plain pattern
    assert "(?=[" not in negation._compile(["(n)ot", "never"], True, "test").pattern
    assert "(?=[" not in negation._compile(["ſo", "never"], True, "test").pattern
    assert negation._first_chars(list(negation._sre_parser.parse("(?:in|im)x|un\\w+", 2))) == {"i", "u"}
    assert negation._first_chars(list(negation._sre_parser.parse("\\w+n't", 2))) is None
    assert negation._first_chars(list(negation._sre_parser.parse("[wf]?la", 2))) == {"w", "f", "l"}
    assert negation._first_chars(list(negation._sre_parser.parse("(?<!paling )sedikit", 2))) == {"s"}
    assert negation._first_chars(list(negation._sre_parser.parse("x?\\w", 2))) is None


def _scanners() -> list[re.Pattern[str]]:
    from mtcheck.rules import names, omission, roles
    from mtcheck.text import align, pronouns, source_names

    return [align._CAPITALISED, source_names._MID_SENTENCE, source_names._LOWER, omission._CAPITALISED,
            names._CAP_WORD, names._NAME_TOKEN, pronouns._CAPITALISED, roles._NAME]


@settings(deadline=None)
@given(st.lists(st.sampled_from(["A", "b", "Jo", "x", "É", "é", "1", "_", "-", "'", "’", ",", ";", ")", " ",
                                 "\n", "Rutte", "de", "O'Neil", "s"]), max_size=24))
def test_first_letter_lookaheads_change_no_match(pieces: list[str]) -> None:
    """The whole-text word scans start with a lookahead for their first letter's class, ahead of their
    lookbehinds: the same matches as the pattern without it."""
    text = "".join(pieces)
    for fast in _scanners():
        head = re.match(r"\(\?=\[[^\]]+\]\)", fast.pattern)
        assert head, fast.pattern
        plain = re.compile(fast.pattern[head.end():], fast.flags)
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


# --- round 13 (issue #17 item 6): scans skipped or started later where the pattern cannot match ---------------

def test_str_isspace_is_the_regex_whitespace_class_on_every_code_point() -> None:
    # The hand-written scans step over whitespace with str.isspace where the pattern says \s.
    space = re.compile(r"\s")
    assert all((space.fullmatch(ch) is not None) == ch.isspace() for ch in map(chr, range(0x110000)))


APPOSITION_PIECES = st.sampled_from(["Sri", "Mulyani", "a", "x-y", ",", "(", ")", " ", "  ", "\n", "\t", ".",
                                     "é", "1", "_", "’"])


@given(pieces=st.lists(APPOSITION_PIECES, max_size=16))
@settings(max_examples=400)
def test_apposition_head_is_the_regex_search(pieces: list[str]) -> None:
    from mtcheck.text.coreference import _APPOSITION_HEAD, _apposition_head

    window = "".join(pieces)
    m, got = _APPOSITION_HEAD.search(window), _apposition_head(window)
    assert (m is None) == (got is None)
    if m is not None and got is not None:
        assert (m.span(), m.groups()) == (got.span(), got.groups())


def test_apposition_head_examples() -> None:
    from mtcheck.text.coreference import _apposition_head

    found = _apposition_head("Sri Mulyani Indrawati yang juga mantan direktur Bank Dunia, pada Senin, ")
    assert found is not None and found.group(1) == "Senin" and found.group(2) == ""
    assert _apposition_head("kata dia kepada wartawan di Jakarta ") is None  # no comma: no head
    assert _apposition_head(", ") is None  # nothing before the mark


QUOTE_PIECES = st.sampled_from(["a", "B", " ", "‘", "’", "'", '"', "“", "”", "«", "»", "(", ")", "[", "]", "1",
                                ".", "-", "\n"])


@given(pieces=st.lists(QUOTE_PIECES, max_size=16), data=st.data())
@settings(max_examples=400)
def test_quote_scans_with_their_character_tests_are_the_plain_scans(pieces: list[str], data: st.DataObject) -> None:
    """scan_pairs and single_quotes look for their marks with str.find first and return at once where none is
    in the range: the same answers as the pattern scans they skip."""
    from mtcheck.text.pairs import _SINGLE_CLOSER, _SINGLE_OPENER, _marks, scan_pairs, single_quotes

    text = "".join(pieces)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    pairs = data.draw(st.sampled_from([(("(", ")"), ("[", "]")), (('"', '"'), ("“", "”"), ("«", "»"))]))
    scan = scan_pairs(text, start, end, pairs)
    if _marks(pairs).search(text, start, end) is None:
        assert (scan.pairs, scan.unmatched) == ([], [])
    # single_quotes as it read before the test for "‘" (the same loop, always run)
    out, after = [], start
    for m in _SINGLE_OPENER.finditer(text, start, end):
        if m.start() < after:
            continue
        close = _SINGLE_CLOSER.search(text, m.end(), end)
        if close is None:
            break
        out.append((m.start(), close.end()))
        after = close.end()
    assert single_quotes(text, start, end) == out


def test_number_hedges_and_code_prefixes_read_as_before() -> None:
    """The hedge pattern as a trie and the hyphen test before the code prefix's search: the same readings of
    numbers in sentences that have them and sentences that do not."""
    from mtcheck.text.quantities import find_quantities

    cases = [("en", "Some 20 people and nearly 3,000 more came; about a 100 left.", {20.0, 3000.0, 100.0}),
             ("id", "Sekitar 20 orang dan hampir 3.000 lainnya datang.", {20.0, 3000.0}),
             ("en", "COVID-19 cases rose by 12 in F-16 crashes.", {19.0, 12.0, 16.0})]
    for lang, text, values in cases:
        found = find_quantities(text, lang)
        assert {v for q in found for v in q.values} >= values
        for q in found:
            if q.values[0] in (20.0, 3000.0):
                assert q.approximate, (lang, q)
    codes = {q.code for q in find_quantities("COVID-19 cases rose by 12 in F-16 crashes.", "en") if q.kind == "code"}
    assert codes == {"covid", "f"}
    assert not [q for q in find_quantities("A rise of 12 in May", "en") if q.kind == "code"]


NEGATION_WORDS = st.sampled_from(["not", "no", "never", "don't", "DON’T", "can't", "couldn’t", "cannot", "help",
                                  "but", "forget", "forgot", "unusual", "impossible", "without", "or", "whether",
                                  "is", "was", "nothing", "yet", "to", "n't", "N'T", "ne", "pas", "sans", "doute",
                                  "Britain’s", "it's", "few", "little", "tidak", "bukan", "5", "."])


@given(words=st.lists(NEGATION_WORDS, max_size=12), seps=st.lists(st.sampled_from([" ", "  ", ", ", "-"]),
                                                                   min_size=12, max_size=12))
@settings(max_examples=400)
def test_negation_patterns_without_nt_match_as_the_whole_where_no_nt_is_written(
        words: list[str], seps: list[str]) -> None:
    """A sentence with no "n'" or "n’" (any case) is read with the patterns less their n't alternatives: every
    field gives the matches the whole pattern gives."""
    from mtcheck.text.negation import has_nt, negation_data

    text = "".join(w + s for w, s in zip(words, seps))
    for lang in ("en", "fr", "id"):
        nd = negation_data(lang)
        assert nd is not None
        if nd.without_nt is None or has_nt(text):
            continue
        for field in ("strong", "soft", "not_negation", "double", "idioms", "clausal"):
            whole, part = getattr(nd, field), getattr(nd.without_nt, field)
            if whole is None:
                assert part is None
                continue
            assert [m.span() for m in whole.finditer(text)] == [m.span() for m in part.finditer(text)], field


def test_english_negation_has_patterns_without_nt_and_reads_nt_with_the_whole() -> None:
    from mtcheck.text.negation import negation_data, scan

    nd = negation_data("en")
    assert nd is not None and nd.without_nt is not None
    assert "n['’]t" in nd.strong.pattern and "n['’]t" not in nd.without_nt.strong.pattern
    text = "He didn't come. She did not come. They came."
    assert [w for _, w in scan(text, 0, 15, "en").strong] == ["didn't"]
    assert [w for _, w in scan(text, 16, 33, "en").strong] == ["not"]
    assert scan(text, 34, len(text), "en").strong == ()


NAME_RUN_PIECES = st.sampled_from(["Joko", "Widodo", "A", "b", "x", "-", "_", "1", "'s", "’s", "'", "’", " ",
                                   "\n", "  ", "É", "é", ".", ",", "Mc", "D'"])


# MT705's name-run pattern as written until round 13 (lazy words), which the greedy one must equal.
_NAME_LAZY = r"(?=[A-Z])(?<![\w'’-])[A-Z][\w-]*?(?:\s+[A-Z][\w-]*?)*(?=(?:['’]s)?(?![\w'’-]))"


@given(pieces=st.lists(NAME_RUN_PIECES, max_size=14))
@settings(max_examples=500)
def test_mt705_name_runs_greedy_are_the_lazy_pattern(pieces: list[str]) -> None:
    from mtcheck.rules.roles import _NAME

    text = "".join(pieces)
    assert [m.span() for m in _NAME.finditer(text)] == [m.span() for m in re.finditer(_NAME_LAZY, text)]


@given(words=st.lists(st.sampled_from(["rumahnya", "RUMAHNYA", "Ibunya", "nya", "anya", "sonya", "kata", "dia",
                                       "menurut", "beliau", "kepadanya", "tidak", "Nyamuk", "banyak", "5", ","]),
                      max_size=10))
@settings(max_examples=300)
def test_source_forms_without_nya_skip_only_a_scan_that_finds_nothing(words: list[str]) -> None:
    from mtcheck.text.coreference import POSSESSIVE, _forms

    text = " ".join(words)
    kinds = {k for _, _, k in _forms(text, 0, len(text))}
    if "possessive" in kinds:
        assert re.search("nya", text, re.I)
    # the skipped scan would have found nothing
    if not re.search("nya", text, re.I):
        assert POSSESSIVE.search(text) is None


# --- round 14 (issue #17 item 6) ---------------------------------------------------------------------------

@functools.cache
def _number_word_scans(lang: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(the number-word scan as built until round 13, with the katakana alternative before every word; the
    scan built now) for a language."""
    from unittest import mock

    from mtcheck.text import quantities

    ns = quantities.number_system(lang)
    with mock.patch.object(quantities, "_number_word_start", lambda firsts: quantities._KATAKANA_NUMBER_START):
        old = quantities._build_patterns(ns).word_number
    return old, quantities._build_patterns(ns).word_number


NUMBER_WORD_PIECES = st.sampled_from(["one", "One", "two", "twenty", "hundred", "satu", "dua", "puluh", "seratus",
                                      "ribu", "se", "ke", "un", "deux", "cent", "mille", "واحد", "اثنان", "ثلاث",
                                      "イレブン", "セブン", "ー", "・", "゠", "ア", "万", "三", "の", "-", "‐", "－",
                                      " ", "and", "dan", "a", "x", "é", "5", "_", "\n"])


@given(pieces=st.lists(NUMBER_WORD_PIECES, max_size=12))
@settings(max_examples=300, deadline=None)
def test_number_word_scans_without_the_katakana_alternative_match_as_before(pieces: list[str]) -> None:
    """Where no number word starts with katakana, the scan's \\b without `|(?=[katakana])` finds the same
    matches; Japanese, which has katakana number words, keeps the alternative."""
    text = "".join(pieces)
    for lang in ("en", "fr", "zh", "ja", "ar", "id"):
        old, new = _number_word_scans(lang)
        assert [m.span() for m in new.finditer(text)] == [m.span() for m in old.finditer(text)], lang


def test_number_word_scans_keep_the_katakana_alternative_only_for_katakana_words() -> None:
    from mtcheck.text import quantities

    for lang in ("en", "fr", "zh", "ar", "id"):
        old, new = _number_word_scans(lang)
        assert quantities._KATAKANA_NUMBER_START in old.pattern and quantities._NUMBER_START in new.pattern, lang
    old, new = _number_word_scans("ja")
    assert new.pattern == old.pattern
    assert [m.group() for m in new.finditer("セブンイレブンのイレブン")] == ["イレブン"]


# MT705's shared names as written until round 14 (a Span per word occurrence), which the (start, end) version
# must equal.
def _shared_names_with_spans(pair, sp):
    from collections import Counter

    from mtcheck.model import Span
    from mtcheck.rules.roles import _NAME, _NON_SPACE

    def anchors(text, start, end):
        seen: dict = {}
        for m in _NAME.finditer(text, start, end):
            run = Span(m.start(), m.end())
            for w in _NON_SPACE.finditer(text, run.start, run.end):
                if w.end() - w.start() >= 2:
                    seen.setdefault(w.group(), []).append((Span(w.start(), w.end()), run))
        return seen

    s_words = anchors(pair.source, sp.source[0].start, sp.source[-1].end)
    t_words = anchors(pair.target, sp.target[0].start, sp.target[-1].end)
    def same(s, t):  # (round 16: occurrences paired by their runs' text where that pairs more runs)
        return pair.source[s[1].start:s[1].end] == pair.target[t[1].start:t[1].end]

    links = []
    for w, spans in s_words.items():
        if len(t_words.get(w, ())) == len(spans):
            paired = list(zip(spans, t_words[w]))
            left, by_run, rest = list(t_words[w]), [], []
            for s in spans:
                t = next((t for t in left if same(s, t)), None)
                if t is None:
                    rest.append(s)
                else:
                    left.remove(t)
                    by_run.append((s, t))
            by_run += list(zip(rest, left))
            if sum(same(s, t) for s, t in by_run) > sum(same(s, t) for s, t in paired):
                paired = sorted(by_run, key=lambda st: st[0][0].start)
            links += [(sw, sr, tw, tr) for (sw, sr), (tw, tr) in paired]
    groups: list = []
    for link in sorted(links, key=lambda lk: lk[0].start):
        last = groups[-1][-1] if groups else None
        if last and last[1] == link[1] and last[3] == link[3] and last[2].end <= link[2].start:
            groups[-1].append(link)
        else:
            groups.append([link])
    in_source_run = Counter(g[0][1] for g in groups)
    in_target_run = Counter(g[0][3] for g in groups)
    names = {}
    for g in groups:
        source_run, target_run = g[0][1], g[0][3]
        source = source_run if in_source_run[source_run] == 1 else Span(g[0][0].start, g[-1][0].end)
        target = target_run if in_target_run[target_run] == 1 else Span(g[0][2].start, g[-1][2].end)
        names[source] = target
    return names


NAME_WORDS = st.sampled_from(["Joko", "Widodo", "Rutte", "Zelensky", "Kremlin", "Dmitry", "Peskov", "Presiden",
                              "presiden", "menemui", "met", "juru", "bicara", "spokesman", "and", "dan", "Joko's",
                              "Al-Khalifa", "Kyiv", "di", "in", "X", ","])


@given(source=st.lists(NAME_WORDS, max_size=10), target=st.lists(NAME_WORDS, max_size=10))
@settings(max_examples=300, deadline=None)
def test_shared_names_by_offsets_are_those_by_spans(source: list[str], target: list[str]) -> None:
    from mtcheck.rules.roles import shared_names
    from mtcheck.text.article import ArticlePair

    pair = ArticlePair(" ".join(source) + ".", " ".join(target) + ".", "en")
    for sp in pair.sentence_pairs:
        if sp.source and sp.target:
            got = shared_names(pair, sp)
            assert list(got.items()) == list(_shared_names_with_spans(pair, sp).items())
            assert all(type(k).__name__ == "Span" and type(v).__name__ == "Span" for k, v in got.items())


def test_ascii_twin_classes_equal_unicode_ones_on_every_ascii_character() -> None:
    """The basis of text/ascii_twin.py: on each ASCII character the word, digit, letter and space classes, \\b
    and re.IGNORECASE decide as the Unicode ones, but \\s on U+001C-U+001F (which `plain` refuses), and under
    re.IGNORECASE exactly four non-ASCII characters equal an ASCII letter (which `twin` refuses)."""
    for cls in (r"\w", r"\W", r"\d", r"\D", r"\s", r"\S", r"[^\W\d_]", r"[^\W_]", r"\b", r"(?i:[a-z])", r"(?i:K)"):
        uni, asc = re.compile(cls), re.compile(cls, re.ASCII)
        for code in range(128):
            text = f"a{chr(code)}" if cls == r"\b" else chr(code)
            if "s" in cls.lower() and 0x1c <= code <= 0x1f:
                assert [m.span() for m in uni.finditer(text)] != [m.span() for m in asc.finditer(text)]
                continue
            assert [m.span() for m in uni.finditer(text)] == [m.span() for m in asc.finditer(text)], (cls, code)
    # (the four are recache's, which tests/test_recache.py checks against every code point)
    from mtcheck.recache import _ASCII_CASE_PARTNERS
    from mtcheck.text.ascii_twin import _CASE_PARTNERS

    assert {ord(c) for c in _ASCII_CASE_PARTNERS if not c.isascii()} == set(_CASE_PARTNERS)


def test_ascii_twin_refuses_what_could_differ_and_plain_texts() -> None:
    import pytest

    from mtcheck.text.ascii_twin import plain, twin

    for pattern, flags in ((r"ſ", re.I), (r"(?i:\u212a)", 0), (r"(?i:[\u0100-\u0200])", 0), (r"[^ı]", re.I),
                           (r"(?i)x|(?:İ)", 0), (r"a", re.LOCALE | re.ASCII)):
        with pytest.raises(ValueError):
            twin(re.compile(pattern, flags))
    for pattern, flags in ((r"[^\W_]+", 0), (r"a\s+b", re.I), (r"ſ", 0), (r"(?-i:\u212a)x", re.I),
                           (r"[\u00c0-\u00ff]", re.I)):
        assert twin(re.compile(pattern, flags)).flags & re.ASCII, pattern
    assert plain("Rutte said: \"no\".\n") and not plain("Rutte’s") and not plain("a\x1cb")


ASCII_PIECES = st.sampled_from(["a", "Joko", "B", "1", "_", "-", "'", "’", ".", ",", " ", "\n", "\x1c", "Rp5",
                                "di-", "-nya", "O'Neil", "é", "ABC", "x2"])


@given(pieces=st.lists(ASCII_PIECES, max_size=16))
@settings(max_examples=400)
def test_word_scans_with_their_ascii_twins_find_the_same_words(pieces: list[str]) -> None:
    """latin_words, latin_word_count, the lexicon's source words and the aligner's anchors: the same on any
    text, the twin taking the ASCII ones."""
    from mtcheck.lang import base
    from mtcheck.text import align, coverage

    text = "".join(pieces)
    base.latin_words.cache_clear()
    base.latin_word_count.cache_clear()
    assert [m.span() for m in base.latin_words(text)] == [m.span() for m in base._LATIN_WORD.finditer(text)]
    assert base.latin_word_count(text) == len(base._LATIN_WORD.findall(text))
    assert [(a, b) for a, b, _ in coverage.source_word_spans(text)] == [
        m.span() for m in coverage._SOURCE_WORD.finditer(text) if coverage._key(m.group()) is not None]
    capitalised = {m.group()[:align.ANCHOR_PREFIX].lower() for m in align._CAPITALISED.finditer(text)}
    numbers = {m.group().replace(".", "").replace(",", "") for m in align._NUMBER.finditer(text)}
    assert align.anchors(text) == capitalised | numbers


@given(pieces=st.lists(ASCII_PIECES, max_size=16))
@settings(max_examples=200)
def test_names_capitalised_words_remembered_are_the_scan(pieces: list[str]) -> None:
    from mtcheck.rules import names

    text = "".join(pieces)
    names._cap_words.cache_clear()
    assert [(m.span(), m.group()) for m in names._cap_words(text)] == [
        (m.span(), m.group()) for m in names._CAP_WORD.finditer(text)]


@given(pieces=st.lists(st.sampled_from([*_NEGATION_PIECES, "Not", "NEVER", "\x1c", "K", "s"]), max_size=14))
@settings(max_examples=300, deadline=None)
def test_negation_scans_with_ascii_twins_are_the_scans(pieces: list[str]) -> None:
    """MT704's scan of a piece of text with its ASCII twins (a plain ASCII piece) finds what it finds without."""
    from unittest import mock

    from mtcheck.text import negation

    text = " ".join(pieces)
    for lang in ("en", "id", "fr"):
        got = negation.scan(text, 0, len(text), lang)
        with mock.patch.object(negation, "plain", lambda piece: False):
            want = negation.scan(text, 0, len(text), lang)
        assert (got.strong, got.double, got.clausal, got.soft) == (want.strong, want.double, want.clausal,
                                                                    want.soft), lang


@given(pieces=st.lists(NUMBER_WORD_PIECES, max_size=12))
@settings(max_examples=300, deadline=None)
def test_number_word_scans_with_ascii_twins_are_the_scans(pieces: list[str]) -> None:
    from mtcheck.text import quantities

    text = "".join(pieces)
    for lang in ("en", "fr", "zh", "ja", "ar", "id"):
        p = quantities._patterns(quantities.number_system(lang))
        if p.word_number_ascii is not None and text.isascii():
            assert [m.span() for m in p.word_number_ascii.finditer(text)] == [
                m.span() for m in p.word_number.finditer(text)], lang


def test_quick_init_sets_the_fields_as_the_generated_init_and_refuses_what_it_cannot() -> None:
    import dataclasses
    import inspect
    import pickle

    import pytest

    from mtcheck.model import Span, quick_init
    from mtcheck.text.pairs import Mark
    from mtcheck.text.quantities import Quantity
    from mtcheck.text.segment import Segment

    @dataclasses.dataclass(frozen=True, slots=True)
    class Plain:
        a: int
        b: str = "x"
        c: tuple = ()

    @quick_init
    @dataclasses.dataclass(frozen=True, slots=True)
    class Quick:
        a: int
        b: str = "x"
        c: tuple = ()

    for args, kwargs in (((1,), {}), ((1, "y"), {}), ((1,), {"c": (2,)}), ((), {"a": 3, "b": "z"})):
        plain, quick = Plain(*args, **kwargs), Quick(*args, **kwargs)
        assert dataclasses.astuple(plain) == dataclasses.astuple(quick)
        assert dataclasses.replace(quick, b="w") == Quick(quick.a, "w", quick.c)
    assert [(p.name, p.default) for p in inspect.signature(Quick.__init__).parameters.values()] == [
        (p.name, p.default) for p in inspect.signature(Plain.__init__).parameters.values()]
    with pytest.raises(TypeError):
        Quick()  # type: ignore[call-arg]
    with pytest.raises(dataclasses.FrozenInstanceError):
        Quick(1).a = 2  # type: ignore[misc]
    for slots in (True, False):  # with slots and into a __dict__
        plain_cls = dataclasses.dataclass(frozen=True, slots=slots)(
            type("P", (), {"__annotations__": {"a": int, "b": str}, "b": "x"}))
        quick_cls = quick_init(dataclasses.dataclass(frozen=True, slots=slots)(
            type("Q", (), {"__annotations__": {"a": int, "b": str}, "b": "x"})))
        for args in ((1,), (1, "y")):
            assert dataclasses.astuple(plain_cls(*args)) == dataclasses.astuple(quick_cls(*args))
            if not slots:
                assert vars(plain_cls(*args)) == vars(quick_cls(*args))
    with pytest.raises(TypeError):
        quick_init(dataclasses.dataclass(frozen=False, slots=True)(type("X", (), {"__annotations__": {"a": int}})))
    with pytest.raises(TypeError):  # a data descriptor of the name: object.__setattr__ would call it
        quick_init(dataclasses.dataclass(frozen=True)(type("X", (), {"__annotations__": {"a": int},
                                                                    "a": property(lambda self: 1)})))
    with pytest.raises(TypeError):
        @quick_init
        @dataclasses.dataclass(frozen=True, slots=True)
        class Later:
            a: list = dataclasses.field(default_factory=list)
    with pytest.raises(TypeError):
        @quick_init
        @dataclasses.dataclass(frozen=True, slots=True)
        class Checked:
            a: int

            def __post_init__(self) -> None:
                pass
    assert pickle.loads(pickle.dumps(Segment(1, 2, "x", 0, 0))) == Segment(1, 2, "x", 0, 0)
    assert Segment(1, 4, "abc", 0, 2).length == 3 and Mark("(", 3).opens and not Mark(")", 4, False).opens
    assert Quantity(Span(0, 1), "5", (5.0,)).kind == "number"


@given(words=st.lists(st.sampled_from(["rumahnya", "Ibunya", "katanya", "kata", "dia", "ujar", "beliau", "ia",
                                       "menurut", "Menurutnya", "é", "éia", "’", "x", "5", ",", "pihaknya"]),
                      max_size=10), data=st.data())
@settings(max_examples=300)
def test_source_forms_with_ascii_twins_are_the_scans(words: list[str], data: st.DataObject) -> None:
    """The coreference's speech, pronoun and possessive scans of a sentence with their ASCII twins (a plain
    sentence and character before it) find what the Unicode patterns find, at any range of the text."""
    from unittest import mock

    from mtcheck.text import coreference

    text = " ".join(words)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    got = coreference._forms(text, start, end)
    with mock.patch.object(coreference, "plain", lambda piece: False):
        assert coreference._forms(text, start, end) == got


@given(words=st.lists(st.sampled_from(["Kata", "kata", "Dewi", "Pak", "Budi", "mengatakan", "Yanti,", "warga",
                                       "Beji,", "Jokowi", "jokowi", "di", "Depok.", "Taïwan", "ujar", "’", "Erdoğan",
                                       "said", "Rutte", "x-Men", "O'Neil", "\n\n"]), max_size=12),
       target=st.lists(st.sampled_from(["Rutte", "said", "Taïwan", "Jokowi", "in", "Depok", "é", ","]), max_size=8))
@settings(max_examples=300)
def test_name_words_scans_with_ascii_twins_are_the_scans(words: list[str], target: list[str]) -> None:
    from unittest import mock

    from mtcheck.text import source_names

    source, translation = " ".join(words), " ".join(target)

    def scanned() -> tuple:
        nw = source_names.NameWords(source, translation, "id", "en", True)
        return nw._lower, nw._mid, nw._personal, nw._target_mid

    got = scanned()
    with mock.patch.object(source_names, "plain", lambda text: False):
        assert scanned() == got


@given(words=st.lists(st.sampled_from(["Presiden", "presiden", "saudara", "Saudara perempuan", "istri", "Ibu",
                                       "menteri", "Menteri", "Senin", "Monday", "5", "Mei", "May", "2020,", "12",
                                       "Januari", "January", "tanggal", "on", "é", "’", "Kamis", "/", "sejak"]),
                      max_size=12))
@settings(max_examples=300)
def test_person_noun_and_date_scans_with_ascii_twins_are_the_scans(words: list[str]) -> None:
    from mtcheck.text import coreference, dates

    text = " ".join(words)
    if not text.isascii():
        return
    pattern = coreference._person_noun_pattern()
    assert [m.span() for m in coreference._person_noun_pattern_ascii().finditer(text)] == [
        m.span() for m in pattern.finditer(text)]
    for code in ("en", "id", "fr"):
        twin = dates._ascii_pattern(code)
        if twin is not None:
            assert [(m.span(), m.groupdict()) for m in twin.finditer(text)] == [
                (m.span(), m.groupdict()) for m in dates.date_names(code).pattern.finditer(text)], code
