"""MT201 in a transliterating target uses the neural word alignment, when the family is on, to find which
target span renders a source name (issue 18). The alignment is stubbed: the encoder is not needed to test
how the rule uses it."""

from __future__ import annotations

import pytest

from mtcheck.model import Span
from mtcheck.rules.names import GarbledName
from mtcheck.text.article import ArticlePair

SOURCE = "Kepala sekolah Sarah Hutchinson mengatakan hal itu."
# A rendering too unlike the name (similarity 0.43, below names_script.JUDGED) for the rule to judge it
# without the alignment.
TARGET = "校長のサラ・ハチキモソム氏はそう述べた。"
GARBLE = Span(TARGET.index("ハチ"), TARGET.index("氏"))
# One the matcher finds (similarity 0.57, at least `near`), which the alignment then picks.
ALIGNED_TARGET = "校長のサラ・ハチキンソム氏はそう述べた。"


def _findings(pair: ArticlePair) -> list:
    return [f for f in GarbledName().check(pair) if f.target_span == GARBLE]


def test_without_alignment_a_distant_span_is_not_judged() -> None:
    assert not _findings(ArticlePair(SOURCE, TARGET, "ja"))


def test_the_aligned_span_is_judged(monkeypatch: pytest.MonkeyPatch) -> None:
    name = Span(SOURCE.index("Hutchinson"), SOURCE.index("Hutchinson") + len("Hutchinson"))
    calls: list[Span] = []

    def aligned(pair: ArticlePair, source: Span) -> list[Span]:
        calls.append(source)
        return [GARBLE] if source == name else []

    monkeypatch.setattr("mtcheck.rules.names_script._aligned", aligned)
    found = _findings(ArticlePair(SOURCE, ALIGNED_TARGET, "ja"))
    assert name in calls
    assert len(found) == 1 and "Hutchinson" in found[0].message


def test_an_aligned_regular_rendering_is_not_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    target = "校長のサラ・ハッチンソン氏はそう述べた。"
    span = Span(target.index("ハ"), target.index("氏"))
    monkeypatch.setattr("mtcheck.rules.names_script._aligned", lambda pair, source: [span])
    assert not list(GarbledName().check(ArticlePair(SOURCE, target, "ja")))
