"""pypinyin's `lazy_pinyin` (its default: tone-less pinyin, one reading per character), answered from a table.

Importing pypinyin parses its two dictionaries (47,000 phrases, 42,000 characters; 3.3 MB of JSON) and
builds its segmenter's set of every phrase prefix: about 0.35 s of a Chinese check's start-up, for the few
hundred characters an article has. mtcheck asks, instead, a table built once from the installed pypinyin
(mtcheck.cache: one SQLite file, named by pypinyin's files): each phrase prefix, each phrase's reading and
each character's reading, every reading as pypinyin's own converter gives it. `lazy_pinyin` below then
does what pypinyin does with them, step by step: split the text into runs of characters that have a
reading and the rest (pypinyin's `simple_seg`, with the table's copy of its character class), cut each
run by forward maximum matching over the phrases (`mmseg.Seg.cut`, no non-phrases), and read each phrase
or character. So the readings of polyphonic characters, which depend on the phrase around them (长 in 市长
and in 长江), are pypinyin's; a test compares the two on every sentence of the Chinese fixtures. Where the
table cannot be built or read, pypinyin answers itself.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
from functools import lru_cache

_TABLE_FORMAT = 1  # part of the file's name: bump it when the table's layout or content changes


def lazy_pinyin(text: str) -> list[str]:
    """pypinyin.lazy_pinyin(text): one tone-less syllable per character with a reading, other runs as
    they are."""
    table = _table()
    if table is not None:
        try:
            return table.lazy_pinyin(text)
        except sqlite3.Error:
            pass  # the file went away under a new process (mtcheck cache clean): pypinyin answers
    from pypinyin import lazy_pinyin as library

    return library(text)


class _Table:
    def __init__(self, path: str) -> None:
        self.path = path
        self.pid = -1
        self.db: sqlite3.Connection | None = None
        self.words: dict[str, str | bool | None] = {}  # prefix -> phrase reading (JSON), None, or False
        self.chars: dict[str, list[str]] = {}
        self.hans = re.compile(self._meta("hans"))  # pypinyin's RE_HANS: one or more characters with a reading

    def _conn(self) -> sqlite3.Connection:
        if self.db is None or self.pid != os.getpid():  # a connection never crosses a fork
            from mtcheck.cache import open_table

            self.db = open_table(self.path)
            self.pid = os.getpid()
        return self.db

    def _meta(self, key: str) -> str:
        return self._conn().execute("SELECT v FROM meta WHERE k = ?", (key,)).fetchone()[0]

    def _word(self, word: str) -> str | bool | None:
        """A phrase's reading (JSON), None for a prefix of a phrase that is no phrase, False for neither."""
        got = self.words.get(word)
        if got is None and word not in self.words:
            row = self._conn().execute("SELECT r FROM p WHERE k = ?", (word,)).fetchone()
            got = self.words[word] = False if row is None else row[0]
        return got

    def _char(self, char: str) -> list[str]:
        got = self.chars.get(char)
        if got is None:
            row = self._conn().execute("SELECT r FROM c WHERE k = ?", (char,)).fetchone()
            got = self.chars[char] = json.loads(row[0]) if row else [char]  # no reading: the character itself
        return got

    def lazy_pinyin(self, text: str) -> list[str]:
        out: list[str] = []
        for run, hans in self._runs(text):
            if not hans:
                out.append(run)
                continue
            for word in self._cut(run):
                phrase = self._word(word)
                out.extend(json.loads(phrase) if isinstance(phrase, str) else self._char(word))
        return out

    def _runs(self, text: str):
        """pypinyin's simple_seg: maximal runs of characters with a reading and of the others."""
        hans = self.hans
        start, flag = 0, None
        for i, ch in enumerate(text):
            h = bool(hans.match(ch))
            if flag is not None and h != flag:
                yield text[start:i], flag
                start = i
            flag = h
        if text:
            yield text[start:], flag

    def _cut(self, run: str):
        """pypinyin's mmseg.Seg.cut with no_non_phrases=True: at each point the longest phrase among the
        prefixes of phrases the text continues, else one character; where the rest of the run is all a
        prefix of some phrase but holds none, every character of it alone."""
        while run:
            last = 0
            for end in range(1, len(run) + 1):
                got = self._word(run[:end])
                if got is False:
                    break
                if got is not None:
                    last = end
            else:  # the whole rest is a prefix of a phrase
                if last:
                    yield run[:last]
                    run = run[last:]
                    continue
                yield from run
                return
            if last:
                yield run[:last]
                run = run[last:]
            else:
                yield run[0]
                run = run[1:]


def _source() -> str | None:
    from importlib.util import find_spec

    spec = find_spec("pypinyin")
    if spec is None or spec.origin is None:
        return None
    return os.path.dirname(spec.origin)


@lru_cache(maxsize=1)
def _table() -> _Table | None:
    from mtcheck.cache import cached, fingerprint

    source = _source()
    if source is None:
        return None
    name = f"pinyin-{fingerprint([source, _TABLE_FORMAT])}.sqlite"
    path = cached(name, _build)
    if path is None:
        return None
    try:
        return _Table(str(path))
    except (sqlite3.Error, TypeError):
        return None


def _build(tmp: object) -> None:
    """Every phrase prefix, phrase reading and character reading, each as pypinyin's lazy_pinyin gives it
    (its own converter, with lazy_pinyin's arguments)."""
    from itertools import chain

    from pypinyin import Style
    from pypinyin.constants import PHRASES_DICT, PINYIN_DICT, RE_HANS
    from pypinyin.converter import UltimateConverter

    conv = UltimateConverter(v_to_u=False, neutral_tone_with_five=False, tone_sandhi=False)

    def reading(word: str) -> str:
        pys = conv.convert(word, Style.NORMAL, heteronym=False, errors="default", strict=True)
        return json.dumps(list(chain(*pys)), ensure_ascii=False)

    words: dict[str, str | None] = {}
    for phrase in PHRASES_DICT:
        for i in range(1, len(phrase)):
            words.setdefault(phrase[:i], None)
    for phrase in PHRASES_DICT:
        words[phrase] = reading(phrase)
    chars = {chr(code): reading(chr(code)) for code in PINYIN_DICT if RE_HANS.match(chr(code))}
    db = sqlite3.connect(str(tmp))
    try:
        db.execute("CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT NOT NULL)")
        db.execute("CREATE TABLE p (k TEXT PRIMARY KEY, r TEXT) WITHOUT ROWID")
        db.execute("CREATE TABLE c (k TEXT PRIMARY KEY, r TEXT NOT NULL) WITHOUT ROWID")
        db.execute("INSERT INTO meta VALUES ('hans', ?)", (RE_HANS.pattern,))
        db.executemany("INSERT INTO p VALUES (?, ?)", words.items())
        db.executemany("INSERT INTO c VALUES (?, ?)", chars.items())
        db.commit()
    finally:
        db.close()
