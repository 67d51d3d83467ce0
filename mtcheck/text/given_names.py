"""How strongly a given name is borne by women or by men, from the `nomquamgender` name table (about
720,000 names, each with p(female) and the number of observations behind it), corrected by a small shipped
file of Indonesian names it gets wrong or lacks (`names/given_name_overrides.tsv`, with sources).

The table is a 22 MB JSON object sorted by name. Parsing it whole costs seconds and 270 MB, so it is
memory-mapped and each name asked about is found by binary search: nothing is loaded until a name is looked
up, and then only that name. The package's own module (which imports pandas) is never imported.
"""

from __future__ import annotations

import bisect
import importlib.util
import json
import mmap
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from mtcheck.lang.base import data_lines, data_tsv
from mtcheck.model import quick_init
from mtcheck.text.fold import fold

# A name says a gender only when at least this many people were observed bearing it and this share of them
# are of one gender: rare and ambiguous names (Bintang 0.15, Tri 0.26, Sri 0.68) stay unknown.
MIN_COUNTS = 5
MIN_SHARE = 0.9
_SEP = b'], "'  # between two entries of the JSON object: `..., 3], "name": [...`


@quick_init  # (mtcheck/model.py: the fields set into __dict__ directly)
@dataclass(frozen=True)
class NameGender:
    """How often a given name is borne by women, from its source."""
    name: str
    p_female: float | None  # None: the override says the name is borne by both (gender "x")
    counts: int
    source: str  # "nomquamgender" or the override's source

    @property
    def gender(self) -> str | None:
        if self.p_female is None:
            return None
        if self.source == "nomquamgender" and self.counts < MIN_COUNTS:
            return None
        if self.p_female >= MIN_SHARE:
            return "f"
        if self.p_female <= 1 - MIN_SHARE:
            return "m"
        return None

    def describe(self) -> str:
        if self.p_female is None:
            return f"given name {self.name}: borne by both ({self.source})"
        share = self.p_female if self.p_female >= 0.5 else 1 - self.p_female
        word = "female" if self.p_female >= 0.5 else "male"
        where = f"{self.source}, {self.counts} observed" if self.source == "nomquamgender" else self.source
        return f"given name {self.name}: {share:.0%} {word} ({where})"


_BLOCK = 2048  # bytes per block of the sparse index (`_SortedTable.get`)
_MAX_PROBED = 50_000  # probes remembered (a few MB): the first levels of every search are among them


class _SortedTable:
    """Binary search over a memory-mapped JSON object whose keys are sorted."""

    def __init__(self, path: Path) -> None:
        with open(path, "rb") as f:
            self._mm = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        self._size = len(self._mm)
        # Every binary search probes the same first positions (the middle, the quarters...): what was read
        # there is kept, so a new name costs only the probes no earlier name made.
        self._probed: dict[int, tuple[str, int, int] | None] = {}
        self._path = path
        self._index: tuple[list[str], list[int]] | None = None

    def _entry_at(self, pos: int) -> tuple[str, int, int] | None:
        hit = self._probed.get(pos, False)
        if hit is False:
            hit = self._read_entry(pos)
            if len(self._probed) < _MAX_PROBED:
                self._probed[pos] = hit
        return hit

    def _read_entry(self, pos: int) -> tuple[str, int, int] | None:
        """The first entry starting at or after byte `pos`: (key, start, colon). Only the key is decoded
        (a name asked about probes ~25 entries; their values are not needed)."""
        mm = self._mm
        if pos <= 1:
            start = 1  # after "{"
        else:
            sep = mm.find(_SEP, pos - len(_SEP) + 1)
            if sep < 0:
                return None
            start = sep + len(_SEP) - 1  # the opening quote of the key
        colon = mm.find(b'": [', start + 1)
        if colon < 0:
            return None
        raw = mm[start:colon + 1]
        # A key without escapes is its UTF-8 bytes between the quotes, which json.loads would return.
        key = json.loads(raw) if b"\\" in raw else raw[1:-1].decode("utf-8")
        return key, start, colon

    def _value(self, colon: int) -> list:
        end = self._mm.find(_SEP, colon)
        return json.loads(self._mm[colon + 3:(end + 1) if end >= 0 else self._size - 1])

    def search(self, name: str) -> list | None:
        """The value of key `name` by binary search over the whole file (~25 probes): what `get` answers."""
        def at_or_after(pos: int) -> bool:
            e = self._entry_at(pos)
            return e is None or e[0] >= name

        pos = bisect.bisect_left(range(self._size + 1), True, key=at_or_after)
        e = self._entry_at(pos)
        return self._value(e[2]) if e is not None and e[0] == name else None

    def _blocks(self) -> tuple[list[str], list[int]]:
        """The key and start of the first entry at or after every _BLOCK-th byte (and the file's end): a
        sparse index, built once per version of the file and kept in the cache (~11,000 keys)."""
        if self._index is None:
            from mtcheck.cache import load_or_build

            def build() -> tuple[list[str], list[int]]:
                keys, starts = [], []
                for pos in range(0, self._size, _BLOCK):
                    e = self._read_entry(pos)
                    if e is None:
                        break
                    if not starts or starts[-1] != e[1]:
                        keys.append(e[0])
                        starts.append(e[1])
                return keys, [*starts, self._size]

            self._index = load_or_build("given-names-blocks", [_BLOCK, str(self._path)], build)
        return self._index

    def get(self, name: str) -> list | None:
        """The value of key `name`, or None. The sparse index gives the block of ~70 entries that holds the
        key if the file does (the keys are sorted); in a block whose keys have no escape, each key is its
        UTF-8 bytes between quotes, so the key is found by one byte search (a quarter of the binary search's
        cost per new name, whose lower probes were each a search and a decode). Blocks with escapes (~1%),
        and names that JSON must escape, are answered by the binary search."""
        keys, starts = self._blocks()
        i = bisect.bisect_right(keys, name) - 1
        if i < 0:
            return None  # before the first key
        block = self._mm[starts[i]:starts[i + 1]]
        if b"\\" in block:
            return self.search(name)
        if '"' in name or "\\" in name or any(c < " " for c in name):
            return None  # written with an escape, and this block has none
        try:
            quoted = b'"' + name.encode("utf-8") + b'": ['
        except UnicodeEncodeError:  # a lone surrogate: only an escape could write it
            return None
        k = block.find(quoted)
        while k > 0 and block[k - 2:k] != b", ":  # not at an entry's start (keys hold no quote unescaped)
            k = block.find(quoted, k + 1)
        return None if k < 0 else self._value(starts[i] + k + len(quoted) - 4)


@cache
def _table() -> _SortedTable | None:
    spec = importlib.util.find_spec("nomquamgender")  # finds the package without importing it (and pandas)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "name_data.json"
    return _SortedTable(path) if path.exists() else None


@cache
def _overrides() -> dict[str, NameGender]:
    out = {}
    for r in data_tsv("names", "given_name_overrides.tsv"):
        p = {"f": 1.0, "m": 0.0}.get(r["gender"])
        out[_fold(r["name"])] = NameGender(r["name"], p, 0, f"mtcheck overrides: {r['source']}")
    return out


def _fold(name: str) -> str:
    """Lower case without diacritics, as the table's keys are (text/fold.py)."""
    return fold(name)


@cache
def lookup(name: str) -> NameGender | None:
    """What the override file or the name table says about one given name; None when neither knows it."""
    key = _fold(name)
    if key in _overrides():
        return _overrides()[key]
    table = _table()
    row = table.get(key) if table is not None and key else None
    if row is None:
        return None
    return NameGender(name, float(row[2]), int(row[1]), "nomquamgender")


def gender_of(name: str) -> str | None:
    found = lookup(name)
    return found.gender if found else None


def available() -> bool:
    """Is the nomquamgender table installed (else only the override file is known)?"""
    return _table() is not None


@cache
def _us_surnames() -> dict[str, int]:
    """Each surname (folded) -> its rank, 1 the most frequent (the file is ordered so)."""
    out: dict[str, int] = {}
    for rank, n in enumerate(data_lines("names", "us_surnames.txt"), 1):
        out.setdefault(_fold(n), rank)
    return out


def common_surname(name: str) -> bool:
    """Is `name` one of the 5,000 most frequent surnames of the United States (`names/us_surnames.txt`, 1990
    Census)? Such a word written alone (Simon, Warren, Miller) is as often a surname as a given name."""
    return _fold(name) in _us_surnames()


# A one-word name among the 2,000 most frequent US surnames (Miller 7, Johnson 2, Harris 15, Santos 347) that
# fewer than this many people bear as a given name is a surname written alone ("Miller berkata"), and the
# table's gender is that of the few who bear it as a given name. Not Simon, Thomas, Martin (300,000 bearers
# and more: as often given names), nor Ali (rank 1,733 but 125,000 bearers), nor Ahmad, Muhammad, Ahmed (ranks
# 3,000-4,700: Indonesian and Arabic given names that the census counts as immigrants' surnames).
_SURNAME_RANK = 2000
_SURNAME_MAX_BEARERS = 50_000


def surname_alone(name: str) -> bool:
    """Is `name`, written as a person's only name, more likely a surname than a given name, so that the name
    table says nothing of the person's gender? (`_SURNAME_RANK`, `_SURNAME_MAX_BEARERS`; never a name of the
    shipped overrides, which are Indonesian given names.)"""
    rank = _us_surnames().get(_fold(name))
    if rank is None or rank > _SURNAME_RANK:
        return False
    found = lookup(name)
    if found is None:
        return True
    return found.source == "nomquamgender" and found.counts < _SURNAME_MAX_BEARERS
