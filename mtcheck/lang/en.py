"""English target pack."""

from mtcheck.lang.base import LanguagePack, abbreviation_lists, data_lines

_ABBREVIATIONS, _FINAL_ABBREVIATIONS = abbreviation_lists("en")

PACK = LanguagePack(
    code="en",
    name="English",
    abbreviations=_ABBREVIATIONS,
    final_abbreviations=_FINAL_ABBREVIATIONS,
    function_words=frozenset(data_lines("en", "function_words.txt")),
)
