"""French target pack: guillemets « » with non-breaking spaces, comma decimals (data/fr/numbers.toml)."""

from mtcheck.lang.base import LanguagePack, data_lines

PACK = LanguagePack(
    code="fr",
    name="French",
    abbreviations=frozenset(data_lines("fr", "abbreviations.txt")),
    function_words=frozenset(data_lines("fr", "function_words.txt")),
    quotes=(("«", "»"), ('"', '"'), ("“", "”")),
)
