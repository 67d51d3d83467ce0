"""Round 16 (issue #17 item 6): the analyses that now work on plain offsets and build a Span only for what
they return answer as the Span versions did. Each test compares the offset path with the Span path it
replaced; the findings of a 1,500-row batch were compared byte for byte (docs/quality.md, round 16 O)."""

from __future__ import annotations

import bisect

from hypothesis import given
from hypothesis import strategies as st

from mtcheck.model import Span
from mtcheck.rules.names import _name_pieces
from mtcheck.text.article import ArticlePair
from mtcheck.text.coreference import _START, _START_END
from mtcheck.text.renderings import _name_like, near_search, whole_run, whole_run_at
from mtcheck.text.transliterate import scored_names

SPAN = st.tuples(st.integers(0, 30), st.integers(0, 8)).map(lambda t: Span(t[0], t[0] + t[1]))


@given(spans=st.lists(SPAN, max_size=25))
def test_sort_key_is_the_span_order(spans: list[Span]) -> None:
    # coreference sorts a person's spans by (start, end) in C: Span's order=True compares those tuples.
    assert sorted(spans, key=_START_END) == sorted(spans)
    assert [id(s) for s in sorted(spans, key=_START_END)] == [id(s) for s in sorted(spans)]  # stable alike


@given(spans=st.lists(SPAN, max_size=25), pos=st.integers(0, 40))
def test_bisect_by_start_is_bisect_against_an_empty_span(spans: list[Span], pos: int) -> None:
    # coreference's `between`: a span is less than Span(pos, pos) iff it starts before pos, sorted or not.
    assert bisect.bisect_left(spans, pos, key=_START) == bisect.bisect_left(spans, Span(pos, pos))
    ordered = sorted(spans)
    assert bisect.bisect_left(ordered, pos, key=_START) == bisect.bisect_left(ordered, Span(pos, pos))


ZH = ["特朗普总统说，他将访问北京。", "亚利桑那州的凡尔赛宫不复杂，佩林提起博尔顿先生。",
      "哈莱姆的哈莱说努力达成协议。", "法国总统马克龙和瑞典首相会见了特朗普", "尔赛"]


def test_whole_run_at_is_whole_run_on_every_window() -> None:
    # renderings.whole_run_at (offsets) against whole_run (a Span), every window of real Chinese sentences.
    checked = 0
    for text in ZH:
        for a in range(len(text) + 1):
            for b in range(a, len(text) + 1):
                for lang in ("zh", "ja"):
                    assert whole_run_at(text, a, b, lang) == whole_run(text, Span(a, b), lang)
                    checked += 1
    assert checked > 500


def test_scored_names_asks_keep_with_offsets_and_returns_spans() -> None:
    text = "特朗普总统说，特朗普的"
    asked: list[tuple[int, int]] = []

    def keep(start: int, end: int) -> bool:
        asked.append((start, end))
        assert isinstance(start, int) and isinstance(end, int)
        return whole_run_at(text, start, end, "zh")

    found = scored_names(text, ["Trump"], "zh", 0.8, keep=keep)
    assert asked  # keep was asked, with offsets
    assert [(s.start, s.end) for _, s, _ in found] == [(0, 3), (7, 10)]
    assert all(isinstance(s, Span) for _, s, _ in found)
    # A window keep refuses is not returned; the other is.
    refused = scored_names(text, ["Trump"], "zh", 0.8, keep=lambda a, b: a != 0)
    assert [(s.start, s.end) for _, s, _ in refused] == [(7, 10)]


def test_near_search_keep_takes_paragraph_offsets() -> None:
    # renderings.near_search's keep: offsets in the paragraph, read in the article from the bead's start, as
    # the Span version was (whole_run and _name_like of the window moved to the article), on every window.
    pair = ArticlePair("Trump berkata. Ia pergi.", "前言。特朗普说。哈莱姆的哈莱说他走了。", "zh")

    class Bead:
        target = Span(3, len(pair.target))

    keep = near_search(pair, Bead())["keep"]
    para = pair.target[3:]
    answers = []
    for a in range(len(para) + 1):
        for b in range(a + 1, len(para) + 1):
            old = whole_run(pair.target, Span(3 + a, 3 + b), "zh") and _name_like(pair.target[3 + a:3 + b], "zh")
            assert keep(a, b) == old
            answers.append(old)
    assert any(answers) and not all(answers)  # both answers occur


def test_aligned_target_at_is_aligned_target_of_an_empty_span() -> None:
    pair = ArticlePair("Rutte datang. Ia berbicara lama sekali.\n\nPutin pergi.",
                       "Rutte came. He spoke for a long time.\n\nPutin left.", "en")
    for pos in range(len(pair.source) + 1):
        assert pair.aligned_target_at(pos) == pair.aligned_target(Span(pos, pos))
        assert pair.aligned_target_at(pos) == pair.aligned_target_at(pos)  # the memo gives the same span


@given(words=st.lists(st.sampled_from(["Jean-Pierre", "l'Arizona", "Trump", "said", "KwaZulu-Natal", "Rutte",
                                       "d'Ebola", "2Pac", "post-September", "O'Brien", ",", "Mark"]), max_size=10),
       skip=st.sets(st.sampled_from(["Jean", "Pierre", "Trump", "Arizona", "Natal", "Rutte", "Mark", "Jean-Pierre"])))
def test_name_pieces_skip_is_a_filter(words: list[str], skip: set[str]) -> None:
    # MT201's pieces of the target: `skip` leaves out the words the caller filtered out before.
    text = " ".join(words)
    elisions = frozenset({"l", "d"})
    assert _name_pieces(text, 7, elisions, skip=skip) == [p for p in _name_pieces(text, 7, elisions)
                                                          if p[0] not in skip]


def test_proper_words_of_a_real_japanese_paragraph() -> None:
    # renderings._proper_words on offsets (round 16): a first draft named the offsets `a`, the analysis'
    # name, and every non-Latin target with a proper word raised. FLORES devtest, Moldova.
    from mtcheck.text.renderings import proper_words

    source = ("Hubungan ekonomi telah dibangun kembali antara dua bagian Moldova ini, terlepas dari kegagalan dalam "
              "negosiasi politik. Agama utama di Moldova adalah Kristen Ortodoks.")
    target = ("政治交渉が失敗したにもかかわらず、モルドバのこの2つの地域の間には"
              "経済的なつながりが再び確立されています。 モルドバの主な宗教は正統派キリスト教です。")
    pair = ArticlePair(source, target, "ja")
    found = {w.word: [target[s.start:s.end] for s in w.targets] for w in proper_words(pair)}
    assert found.get("Kristen") == ["キリスト"]
    assert all(source[s.start:s.end] == w.word for w in proper_words(pair) for s in (w.source, *w.mentions))
