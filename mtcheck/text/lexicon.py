"""Word frequencies (wordfreq) as evidence: is this a common word of language X, or a name?

wordfreq is imported on first use: it costs about 0.25 s, and only some rules need it.
"""

from __future__ import annotations

import math
from functools import lru_cache


@lru_cache(maxsize=65536)
def zipf(word: str, lang: str) -> float:
    """Zipf frequency (0 = unknown, 7 = "the") of the lower-cased word in `lang`."""
    from wordfreq import zipf_frequency

    try:
        return zipf_frequency(word.lower(), lang)
    except ImportError:
        # Chinese and Japanese lookups tokenize with jieba or MeCab; mtcheck only asks about single words,
        # so it reads the word list directly instead of installing a segmenter.
        freq = _frequencies(lang).get(word.lower(), 0.0)
        return round(math.log10(freq) + 9, 2) if freq > 0 else 0.0


@lru_cache(maxsize=8)
def _frequencies(lang: str) -> dict[str, float]:
    from wordfreq import get_frequency_dict

    return get_frequency_dict(lang)


def travels_unchanged(word: str, source_lang: str, target_lang: str) -> bool:
    """Is this capitalised source word likely kept as-is in the translation (a name: Reuters, Rutte, Kyiv)
    rather than translated (Keamanan, Terbaik, Belanda)? A word common in the source language but rare in
    the target is translated; unknown words and words about as common in both languages are names."""
    in_source = zipf(word, source_lang)
    return in_source < 3.0 or zipf(word, target_lang) >= in_source - 1.0
