"""One folding of text for comparisons across languages: lower case, accents removed, one apostrophe."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """Lower case without accents, with one apostrophe: Taiwan is Taïwan, L’Oreal is L'Oréal, ＡＢ is ab."""
    if text.isascii():  # most words and paragraphs of a Latin text: nothing to decompose
        return text.lower()
    text = unicodedata.normalize("NFKD", text.lower()).replace("’", "'")
    return "".join(c for c in text if not unicodedata.combining(c))
