"""Word frequencies (wordfreq) as evidence: is this a common word of language X, or a name?

wordfreq is imported on first use: it costs about 0.25 s, and only some rules need it.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=65536)
def zipf(word: str, lang: str) -> float:
    """Zipf frequency (0 = unknown, 7 = "the") of the lower-cased word in `lang`."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word.lower(), lang)


def travels_unchanged(word: str, source_lang: str, target_lang: str) -> bool:
    """Is this capitalised source word likely kept as-is in the translation (a name: Reuters, Rutte, Kyiv)
    rather than translated (Keamanan, Terbaik, Belanda)? A word common in the source language but rare in
    the target is translated; unknown words and words about as common in both languages are names."""
    in_source = zipf(word, source_lang)
    return in_source < 3.0 or zipf(word, target_lang) >= in_source - 1.0
