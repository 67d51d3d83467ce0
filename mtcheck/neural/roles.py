"""Who did what to whom, from contextual token vectors: a contrastive test for two names that swapped roles.

A sentence vector hardly sees word order (mean pooling: "Kim called Trump" and "Trump called Kim" score
within 0.001 of each other against the source, and the swapped one is closer about half the time). A name's
contextual token vector, at the encoder's middle layer, does carry its place in the sentence: the doer of
"menyebut" and of "called" look alike, and unlike its object. So for two names kept letter for letter, A
and B, near each other in the translation, we encode the target sentence once more with A and B exchanged
and ask which version puts each name in the context the source gives it:

    gain = mean(cos(src A, swapped A), cos(src B, swapped B)) - mean(cos(src A, tgt A), cos(src B, tgt B))

where "src A" is the mean of A's token vectors in the source sentence, and so on. A correct translation
loses by the exchange (gain < 0); a translation whose names already swapped roles gains by swapping them
back. MT705 (mtcheck.rules.roles) reports a gain above its `min-context-gain`. One extra forward pass per
candidate (two names at most `max-words` apart in one target sentence), batched per article.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from mtcheck.model import Span
from mtcheck.text.article import ArticlePair


@dataclass(frozen=True)
class RoleCandidate:
    """Two names of one bead that the translation may have exchanged, in both texts."""
    bead: int  # index into pair.sentence_pairs
    source_a: Span  # the name that comes first in the translation, in the source
    source_b: Span
    target_a: Span  # ... and in the translation
    target_b: Span


@dataclass(frozen=True)
class RoleContrast:
    """A candidate pair of names and how much exchanging them improves the match with the source."""
    candidate: RoleCandidate
    gain: float  # how much better the names' contexts match the source once exchanged


def _name_vector(tokens: np.ndarray, offsets: tuple[tuple[int, int], ...], span: Span,
                 shift: int = 0) -> np.ndarray | None:
    ks = [k for k, (a, b) in enumerate(offsets) if a + shift < span.end and b + shift > span.start]
    if not ks:
        return None
    v = tokens[ks].mean(axis=0)
    return v / max(float(np.linalg.norm(v)), 1e-12)


def role_contrasts(pair: ArticlePair, candidates: list[RoleCandidate]) -> list[RoleContrast]:
    """The gain of each candidate (see the module's docstring); candidates whose names have no token
    vectors on a side are left out. Needs the encoder (pair.encoder)."""
    from mtcheck.neural.meaning import encode_beads

    beads = pair.analysis("neural.beads", encode_beads)
    jobs = []
    for c in candidates:
        if c.bead not in beads:
            continue
        sp = pair.sentence_pairs[c.bead]
        seg = next((t for t in sp.target if t.start <= c.target_a.start and c.target_b.end <= t.end), None)
        if seg is None:
            continue  # the two names in different sentences of the bead
        text = pair.target
        swapped = (text[seg.start:c.target_a.start] + text[c.target_b.start:c.target_b.end]
                   + text[c.target_a.end:c.target_b.start] + text[c.target_a.start:c.target_a.end]
                   + text[c.target_b.end:seg.end])
        # where each name sits in the swapped sentence, relative to its start
        lb, la = c.target_b.end - c.target_b.start, c.target_a.end - c.target_a.start
        mid = c.target_b.start - c.target_a.end
        at = c.target_a.start - seg.start
        jobs.append((c, swapped, Span(at + lb + mid, at + lb + mid + la), Span(at, at + lb)))
    encoded = pair.encoder.encode([j[1] for j in jobs]) if jobs else []
    out = []
    for (c, _, new_a, new_b), enc in zip(jobs, encoded):
        src, tgt = beads[c.bead]
        vs = [_name_vector(src.tokens, src.offsets, c.source_a), _name_vector(src.tokens, src.offsets, c.source_b),
              _name_vector(tgt.tokens, tgt.offsets, c.target_a), _name_vector(tgt.tokens, tgt.offsets, c.target_b),
              _name_vector(enc.tokens, enc.offsets, new_a), _name_vector(enc.tokens, enc.offsets, new_b)]
        if any(v is None for v in vs):
            continue
        sa, sb, ta, tb, xa, xb = vs
        gain = (float(sa @ xa + sb @ xb) - float(sa @ ta + sb @ tb)) / 2
        out.append(RoleContrast(c, gain))
    return out
