"""Word frequencies (wordfreq) as evidence: is this a common word of language X, or a name?

wordfreq's own lookup loads the whole list of a language (0.1-0.3 s each, and wordfreq's import another
0.15 s) for the few hundred words an article asks about. mtcheck instead asks a compact table built once
from the same list (mtcheck.cache: one SQLite file per language, word -> frequency bucket) and computes
the value exactly as wordfreq does. Words that wordfreq's tokenizer treats specially (apostrophes, digits,
marks that its normalisation changes) are asked of wordfreq itself, once: the answers are kept in a second
table, of the words mtcheck actually asked about.
"""

from __future__ import annotations

import atexit
import math
import os
import sqlite3
import unicodedata
from contextlib import suppress
from functools import lru_cache

from mtcheck import __version__
from mtcheck.cache import cache_dir, cached, open_table, stamp

# wordfreq looks up Chinese and Japanese with a segmenter (jieba, MeCab) mtcheck does not install; it asks
# only about single words, so it reads the list directly for these.
_NO_TOKENIZER = frozenset({"zh", "ja"})
# New answers written to the table of asked words per transaction.
_BATCH = 512
# Words whose table answers are kept (a bound for long batches).
_MEMO = 200_000


@lru_cache(maxsize=65536)
def zipf(word: str, lang: str) -> float:
    """Zipf frequency (0 = unknown, 7 = "the") of the lower-cased word in `lang`: wordfreq's zipf_frequency."""
    low = word.lower()
    if lang in _NO_TOKENIZER:
        freq = _table(lang).freq(low)
        return round(math.log10(freq) + 9, 2) if freq > 0 else 0.0
    parts = low.split("-")
    if all(_plain(p) for p in parts):
        # wordfreq splits at hyphens and combines the parts: 1/f = 1/f1 + 1/f2 + ...
        table = _table(lang)
        freqs = [table.freq(p) for p in parts]
        if min(freqs) == 0.0:
            return 0.0
        freq = 1.0 / sum(1.0 / f for f in freqs)
        return round(math.log10(round(freq, math.floor(-math.log10(freq)) + 3)) + 9, 2)
    return _table(lang).irregular(low)


def _plain(token: str) -> bool:
    """A token wordfreq's tokenizer and normalisation leave as it is: letters only, already case-folded and
    NFKC-normal, no Arabic tatweel."""
    return (token.isalpha() and token.casefold() == token and "\u0640" not in token
            and unicodedata.is_normalized("NFKC", token))


class _FrequencyTable:
    """word -> frequency, from the cached table, or from wordfreq's list when there is no cache."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.db: sqlite3.Connection | None = None
        self.freqs: dict[str, float] | None = None
        self.pid = -1
        self.asked_db: sqlite3.Connection | None = None
        self.asked_pid = -1
        # Answers not yet written: one autocommitted insert per new word cost a long article seconds of
        # system time (a journal file created and synced per word), so they are written in batches.
        self.pending: dict[str, float] = {}
        # Answers of the table, by the lower-cased word zipf() asks: its own cache is by the word as written
        # ("Dia", "dia", "DIA" are three questions and one answer) and per language pair of a hyphenated word.
        self.memo: dict[str, float] = {}

    def freq(self, word: str) -> float:
        if self.freqs is not None:
            return self.freqs.get(word, 0.0)
        if self.db is None or self.pid != os.getpid():  # a connection never crosses a fork
            self._open()
            if self.freqs is not None:
                return self.freqs.get(word, 0.0)
        known = self.memo.get(word)
        if known is not None:
            return known
        assert self.db is not None
        row = self.db.execute("SELECT b FROM f WHERE w = ?", (word,)).fetchone()
        value = 10 ** (-row[0] / 100) if row else 0.0  # wordfreq's cB_to_freq(-bucket), the same float
        if len(self.memo) >= _MEMO:
            self.memo.clear()
        self.memo[word] = value
        return value

    def irregular(self, word: str) -> float:
        """wordfreq's own zipf_frequency, remembered in the table of asked words."""
        if self.freqs is None and (self.db is None or self.pid != os.getpid()):
            self._open()
        if word in self.pending:
            return self.pending[word]
        asked = self._asked()
        if asked is not None:
            try:
                row = asked.execute("SELECT z FROM a WHERE w = ?", (word,)).fetchone()
                if row:
                    return row[0]
            except sqlite3.Error:
                asked = None
        from wordfreq import zipf_frequency

        value = zipf_frequency(word, self.lang)
        if asked is not None:
            self.pending[word] = value
            if len(self.pending) >= _BATCH:
                self.flush()
        return value

    def flush(self) -> None:
        """Write the pending answers in one transaction; a lost batch only costs those lookups again."""
        rows, self.pending = list(self.pending.items()), {}
        asked = self._asked() if rows else None
        if asked is None:
            return
        try:
            asked.execute("BEGIN")  # the connection autocommits otherwise (isolation_level=None)
            asked.executemany("INSERT OR REPLACE INTO a VALUES (?, ?)", rows)
            asked.execute("COMMIT")
        except sqlite3.Error:  # another process holds the lock
            with suppress(sqlite3.Error):
                asked.execute("ROLLBACK")

    def _asked(self) -> sqlite3.Connection | None:
        if self.asked_db is not None and self.asked_pid == os.getpid():
            return self.asked_db
        if self.asked_pid != os.getpid():
            self.pending = {}  # a forked child writes only what it asked itself
        self.asked_db, self.asked_pid = None, os.getpid()
        source = wordlist_path(self.lang)
        if source is None:
            return None
        path = cache_dir() / f"wordfreq-asked-{self.lang}-{stamp(source)}-mtcheck{__version__}.sqlite"
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(path, timeout=0.5, isolation_level=None, check_same_thread=False)
            db.execute("CREATE TABLE IF NOT EXISTS a (w TEXT PRIMARY KEY, z REAL NOT NULL) WITHOUT ROWID")
        except (OSError, sqlite3.Error):
            return None
        self.asked_db = db
        return db

    def _open(self) -> None:
        self.pid = os.getpid()
        source = wordlist_path(self.lang)
        path = None
        if source is not None:
            name = f"wordfreq-{self.lang}-{stamp(source)}-mtcheck{__version__}.sqlite"
            path = cached(name, lambda tmp: _build(self.lang, tmp))
        if path is None:
            from wordfreq import get_frequency_dict

            self.freqs = get_frequency_dict(self.lang)
            return
        self.db = open_table(path)


@lru_cache(maxsize=16)  # find_spec searches sys.path: once per language, not at each table opened
def wordlist_path(lang: str) -> str | None:
    """wordfreq's list for `lang` ("best": large, else small), found without importing wordfreq."""
    from importlib.util import find_spec

    spec = find_spec("wordfreq")
    if spec is None or spec.origin is None:
        return None
    data = os.path.join(os.path.dirname(spec.origin), "data")
    for size in ("large", "small"):
        path = os.path.join(data, f"{size}_{lang}.msgpack.gz")
        if os.path.exists(path):
            return path
    return None


def _build(lang: str, tmp: object) -> None:
    from wordfreq import get_frequency_list

    db = sqlite3.connect(str(tmp))
    try:
        db.execute("CREATE TABLE f (w TEXT PRIMARY KEY, b INTEGER NOT NULL) WITHOUT ROWID")
        rows = {}
        for bucket, words in enumerate(get_frequency_list(lang)):
            for w in words:
                rows[w] = bucket  # as get_frequency_dict: the last bucket wins
        db.executemany("INSERT INTO f VALUES (?, ?)", rows.items())
        db.commit()
    finally:
        db.close()


@lru_cache(maxsize=16)
def _table(lang: str) -> _FrequencyTable:
    table = _FrequencyTable(lang)
    atexit.register(table.flush)
    return table


def travels_unchanged(word: str, source_lang: str, target_lang: str) -> bool:
    """Is this capitalised source word likely kept as-is in the translation (a name: Reuters, Rutte, Kyiv)
    rather than translated (Keamanan, Terbaik, Belanda)? A word common in the source language but rare in
    the target is translated; unknown words and words about as common in both languages are names."""
    in_source = zipf(word, source_lang)
    return in_source < 3.0 or zipf(word, target_lang) >= in_source - 1.0
