"""Arabic target pack: the Arabic question mark ؟ ends sentences; quotes « » and "."""

from mtcheck.lang.base import LanguagePack, data_lines

PACK = LanguagePack(
    code="ar",
    name="Arabic",
    abbreviations=frozenset(data_lines("ar", "abbreviations.txt")),
    function_words=frozenset(data_lines("ar", "function_words.txt")),
    cjk_terminators="؟",
    quotes=(("«", "»"), ('"', '"'), ("“", "”")),
    latin_script=False,
)
