"""Property-based tests (hypothesis) on the engine and the input parsers: no exception, spans inside their
texts, excerpts equal to the text's slices, strict JSON valid against the schema, every renderer working,
for hostile text in every target language. This is the fast profile (bounded examples and a deadline);
scripts/fuzz.py runs the same properties long and reports counts."""

from __future__ import annotations

import json

from hypothesis import example, given, settings
from hypothesis import strategies as st

from mtcheck.batch import _row_item
from mtcheck.engine import check_source_language
from mtcheck.errors import InputError
from mtcheck.io import decode_text
from mtcheck.text.quantities import find_quantities
from tests.properties import check_properties
from tests.strategies import DIGITS_PUNCT, LANGS, TEXTS, article_text, long_line


@given(source=TEXTS, target=TEXTS, lang=LANGS)
def test_engine_on_hostile_text(source: str, target: str, lang: str) -> None:
    check_properties(source, target, lang)


@given(text=article_text(), lang=LANGS)
def test_engine_with_the_same_text_on_both_sides(text: str, lang: str) -> None:
    check_properties(text, text, lang)  # every number, name and bracket has its counterpart


@settings(max_examples=5)
@given(line=long_line(size=5_000), lang=LANGS)
def test_engine_on_one_very_long_line(line: str, lang: str) -> None:
    check_properties(line, line[::-1], lang)


@given(text=st.one_of(TEXTS, DIGITS_PUNCT), lang=st.sampled_from(["id", "en", "fr", "zh", "ja", "ar"]))
def test_number_reader_never_raises(text: str, lang: str) -> None:
    for q in find_quantities(text, lang):
        assert 0 <= q.span.start <= q.span.end <= len(text) and q.describe()


@given(text=TEXTS)
def test_source_language_check_refuses_or_passes(text: str) -> None:
    try:
        note = check_source_language(text, "source x.txt")
    except InputError as e:
        assert "source x.txt" in str(e)
    else:
        assert note is None or "uncertain" in note


@given(raw=st.one_of(st.binary(max_size=200),
                     st.builds(lambda d: json.dumps(d).encode(), st.dictionaries(
                         st.sampled_from(["id", "source", "target", "target_lang", "reference", "x"]),
                         st.one_of(st.none(), st.integers(), st.floats(), st.booleans(), TEXTS,
                                   st.lists(st.integers(), max_size=2)), max_size=6))))
def test_a_jsonl_row_is_an_item_or_its_error(raw: bytes) -> None:
    item = _row_item(1, raw, "rows.jsonl", 1_000_000)
    assert isinstance(item.id, str)
    item.id.encode("utf-8")  # written back into the output
    if item.error is None:
        assert isinstance(item.source, str) and isinstance(item.target, str)
        item.source.encode("utf-8")
    else:
        assert item.error.startswith("rows.jsonl:1")


@given(data=st.binary(max_size=300))
def test_decoding_any_bytes_is_text_or_an_input_error(data: bytes) -> None:
    try:
        text = decode_text(data, "x.txt", 1000)
    except InputError as e:
        assert str(e).startswith("x.txt:")
    else:
        assert text.strip() and not text.startswith("\ufeff")


@example(n=1, m=100, src_len=50, tgt_len=55)
@given(n=st.integers(1, 60), m=st.integers(1, 400), src_len=st.integers(1, 400), tgt_len=st.integers(1, 400))
def test_alignment_covers_both_sides_in_order(n: int, m: int, src_len: int, tgt_len: int) -> None:
    # Found by fuzzing: one source paragraph against 100 target lines left no path inside the band.
    from mtcheck.text.align import align
    from mtcheck.text.segment import Segment

    def segments(count: int, length: int) -> list[Segment]:
        return [Segment(k * (length + 2), k * (length + 2) + length, "x" * length, k, k) for k in range(count)]

    s, t = segments(n, src_len), segments(m, tgt_len)
    beads = align(s, t, 1.0)
    assert [seg for b in beads for seg in b.source] == s
    assert [seg for b in beads for seg in b.target] == t
