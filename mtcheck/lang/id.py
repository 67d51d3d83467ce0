"""Indonesian source pack. `strong_words` are function words that alone betray Indonesian in a translation."""

from mtcheck.lang.base import LanguagePack, data_lines, data_tsv

_FUNCTION_WORDS = data_tsv("id", "function_words.txt")

PACK = LanguagePack(
    code="id",
    name="Indonesian",
    abbreviations=frozenset(data_lines("id", "abbreviations.txt")),
    function_words=frozenset(r["word"] for r in _FUNCTION_WORDS),
)
STRONG_WORDS = frozenset(r["word"] for r in _FUNCTION_WORDS if r["strong"] == "1")
