"""Reference-based metrics with sacrebleu (BLEU, chrF, TER), at document and sentence level.

The translation is aligned to the reference sentence by sentence (same aligner, same-language length
ratio 1.0); each bead is one segment. Imported only when a reference is given.
"""

from __future__ import annotations

from sacrebleu.metrics import BLEU, CHRF, TER

from mtcheck.text.align import align
from mtcheck.text.article import ArticlePair
from mtcheck.text.segment import segment

# sacrebleu tokenizer per target language. Japanese would be best served by "ja-mecab", which needs MeCab and
# a dictionary installed; "char" is sacrebleu's dependency-free choice and is what the signature records.
TOKENIZERS = {"zh": "zh", "ja": "char"}
TER_NORMALIZE_CJK = {"zh", "ja"}


def reference_metrics(pair: ArticlePair, reference: str) -> dict:
    pack = pair.target_pack
    tokenize = TOKENIZERS.get(pack.code, "13a")
    ref_seg = segment(reference, pack.abbreviations, pack.cjk_terminators, pair.is_boilerplate,
                      pack.final_abbreviations, pack.function_words)
    beads = align(pair.target_segments.sentences, ref_seg.sentences, 1.0)
    hyps = [" ".join(s.text for s in b.source) for b in beads]
    refs = [" ".join(s.text for s in b.target) for b in beads]
    bleu, chrf = BLEU(tokenize=tokenize), CHRF()
    cjk = pack.code in TER_NORMALIZE_CJK  # TER splits CJK characters only with normalisation on
    ter = TER(normalized=cjk, asian_support=cjk)
    sentence_bleu = BLEU(effective_order=True, tokenize=tokenize)
    document = {}
    for name, metric in (("bleu", bleu), ("chrf", chrf), ("ter", ter)):
        result = metric.corpus_score(hyps, [refs])
        document[name] = {"score": round(result.score, 2), "signature": str(metric.get_signature())}
    segments = []
    for b, h, r in zip(beads, hyps, refs):
        segments.append({
            "target_span": [b.source[0].start, b.source[-1].end] if b.source else None,
            "reference_span": [b.target[0].start, b.target[-1].end] if b.target else None,
            "bleu": round(sentence_bleu.sentence_score(h, [r]).score, 2),
            "chrf": round(chrf.sentence_score(h, [r]).score, 2),
        })
    document["sentence_bleu_signature"] = str(sentence_bleu.get_signature())
    return {"document": document, "segments": segments}
