"""Alignment: bead kinds on real sentences, and a band that keeps the work linear."""

from mtcheck.lang import get_pack
from mtcheck.text import align as align_mod
from mtcheck.text.align import align, anchors
from mtcheck.text.segment import segment

ID, EN = get_pack("id"), get_pack("en")

SRC = [
    "Presiden Zelensky juga membela penarikan pasukan Ukraina dari kota Vuhledar awal pekan ini.",
    "Pejabat NATO memperkirakan Rutte akan mempertahankan prioritas pendahulunya, Jens Stoltenberg.",
    "Dalam peran barunya, Rutte menghadapi banyak tantangan.",
]
TGT = [
    "President Zelensky also defended the withdrawal of Ukrainian troops from the city of Vuhledar this week.",
    "NATO officials expect Rutte to maintain the priorities of his predecessor, Jens Stoltenberg.",
    "In his new role, Rutte faces many challenges.",
]


def _kinds(src: list[str], tgt: list[str]) -> list[str]:
    s = segment("\n\n".join(src), ID.abbreviations).paragraphs
    t = segment("\n\n".join(tgt), EN.abbreviations).paragraphs
    return [b.kind for b in align(s, t, 0.91)]


def test_one_to_one() -> None:
    assert _kinds(SRC, TGT) == ["1-1", "1-1", "1-1"]


def test_omitted_source_paragraph() -> None:
    assert _kinds(SRC, [TGT[0], TGT[2]]) == ["1-1", "1-0", "1-1"]


def test_added_target_paragraph() -> None:
    extra = "Analysts called the visit a turning point for the alliance and for the war in Europe."
    assert _kinds(SRC, [TGT[0], extra, TGT[1], TGT[2]]) == ["1-1", "0-1", "1-1", "1-1"]


def test_split_and_merge() -> None:
    split = ["NATO officials expect Rutte to maintain the priorities", "of his predecessor, Jens Stoltenberg."]
    assert _kinds(SRC, [TGT[0], *split, TGT[2]]) == ["1-1", "1-2", "1-1"]
    assert _kinds(SRC, [TGT[0] + " " + TGT[1], TGT[2]]) == ["2-1", "1-1"]


def test_anchors_ignore_separators() -> None:
    assert {"10005", "rutte"} <= anchors("Rutte membayar 1.000,5 juta")
    assert anchors("Presiden Ukraina") == anchors("President Ukrainian")
    assert "10005" in anchors("Rutte paid 1,000.5 million")


def test_band_bounds_the_work(monkeypatch) -> None:
    """Cells visited grow with n * band, not n * m: count cost evaluations on a long article."""
    calls = 0
    real = align_mod._length_cost

    def counting(*args: object) -> float:
        nonlocal calls
        calls += 1
        return real(*args)

    monkeypatch.setattr(align_mod, "_length_cost", counting)
    sentences = [f"Kalimat nomor {i} tentang Rutte dan NATO di Kyiv." for i in range(400)]
    s = segment(" ".join(sentences), ID.abbreviations).sentences
    t = segment(" ".join(x.replace("Kalimat nomor", "Sentence number") for x in sentences),
                EN.abbreviations).sentences
    beads = align(s, t, 1.0)
    assert [b.kind for b in beads] == ["1-1"] * 400
    band = align_mod.MIN_BAND
    assert calls <= 400 * (2 * band + 3) * len(align_mod._MOVES)
    assert calls < 400 * 400 * len(align_mod._MOVES) / 10  # a full table would be 400 x 400 cells


def test_embedding_similarity_joins_the_cost() -> None:
    """With the neural family on, a meaning cost on matched beads can overrule length: a target sentence of
    the length of two source sentences, but meaning only the first, pairs with the first alone."""
    from mtcheck.text.align import align
    from mtcheck.text.segment import Segment

    a = Segment(0, 60, "a" * 60, 0, 0)
    b = Segment(61, 121, "b" * 60, 0, 1)
    x = Segment(0, 100, "x" * 100, 0, 0)
    assert [bd.kind for bd in align([a, b], [x], 1.0)] == ["2-1"]

    def similarity(src, tgt) -> float:
        return 0.95 if [s.text[0] for s in src] == ["a"] else 0.3

    assert [bd.kind for bd in align([a, b], [x], 1.0, similarity)] == ["1-1", "1-0"]
