"""Indonesian source pack. `strong_words` are function words that alone betray Indonesian in a translation."""

from mtcheck.lang.base import LanguagePack, abbreviation_lists, data_tsv

_FUNCTION_WORDS = data_tsv("id", "function_words.txt")

_ABBREVIATIONS, _FINAL_ABBREVIATIONS = abbreviation_lists("id")

PACK = LanguagePack(
    code="id",
    name="Indonesian",
    abbreviations=_ABBREVIATIONS,
    final_abbreviations=_FINAL_ABBREVIATIONS,
    function_words=frozenset(r["word"] for r in _FUNCTION_WORDS),
)
STRONG_WORDS = frozenset(r["word"] for r in _FUNCTION_WORDS if r["strong"] == "1")
