"""Japanese target pack: sentences end in 。！？, quotes are 「」 and 『』, words are characters."""

from mtcheck.lang.base import LanguagePack, cjk_words, data_lines

PACK = LanguagePack(
    code="ja",
    name="Japanese",
    abbreviations=frozenset(data_lines("ja", "abbreviations.txt")),
    function_words=frozenset(data_lines("ja", "function_words.txt")),
    cjk_terminators="。！？",
    brackets=(("(", ")"), ("（", "）"), ("[", "]"), ("【", "】")),
    quotes=(("「", "」"), ("『", "』"), ("“", "”"), ('"', '"')),
    words=cjk_words,
    latin_script=False,
)
