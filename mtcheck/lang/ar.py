"""Arabic target pack: the Arabic question mark ؟ ends sentences; quotes « » and "."""

from mtcheck.lang.base import LanguagePack, abbreviation_lists, data_lines

_ABBREVIATIONS, _FINAL_ABBREVIATIONS = abbreviation_lists("ar")

PACK = LanguagePack(
    code="ar",
    name="Arabic",
    abbreviations=_ABBREVIATIONS,
    final_abbreviations=_FINAL_ABBREVIATIONS,
    function_words=frozenset(data_lines("ar", "function_words.txt")),
    cjk_terminators="؟",
    quotes=(("«", "»"), ('"', '"'), ("“", "”")),
    latin_script=False,
    letter_names=frozenset(data_lines("ar", "letter_names.txt")),
)
