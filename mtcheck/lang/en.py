"""English target pack."""

from mtcheck.lang.base import LanguagePack, data_lines

PACK = LanguagePack(
    code="en",
    name="English",
    abbreviations=frozenset(data_lines("en", "abbreviations.txt")),
    function_words=frozenset(data_lines("en", "function_words.txt")),
)
