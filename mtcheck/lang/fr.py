"""French target pack: guillemets « » with non-breaking spaces, comma decimals (data/fr/numbers.toml)."""

from mtcheck.lang.base import LanguagePack, abbreviation_lists, data_lines

_ABBREVIATIONS, _FINAL_ABBREVIATIONS = abbreviation_lists("fr")

PACK = LanguagePack(
    code="fr",
    name="French",
    abbreviations=_ABBREVIATIONS,
    final_abbreviations=_FINAL_ABBREVIATIONS,
    function_words=frozenset(data_lines("fr", "function_words.txt")),
    quotes=(("«", "»"), ('"', '"'), ("“", "”")),
    elisions=frozenset(data_lines("fr", "elisions.txt")),
)
