"""Find bracket and quote pairs, and the ones left open or closed without a partner."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import cache

from mtcheck.model import quick_init

# "1)" or "a)" list markers close nothing.
_LIST_MARKER = re.compile(r"(?:^|(?<=\s))\w{1,2}\)")


@quick_init  # (mtcheck/model.py: the fields set through their slots)
@dataclass(frozen=True, slots=True)
class Mark:
    """A bracket or quote mark at an offset, and whether it opens."""
    char: str
    pos: int  # absolute offset in the text
    opens: bool = True  # False for a closer left without its opener


@quick_init  # (mtcheck/model.py: the fields set through their slots)
@dataclass(frozen=True, slots=True)
class PairScan:
    """Matched bracket and quote pairs of a text, and the marks left unmatched."""
    pairs: list[tuple[int, int]]  # (open offset, close offset), absolute
    unmatched: list[Mark]


@cache
def _mark_chars(pairs: tuple[tuple[str, str], ...]) -> tuple[str, ...]:
    """Every opener and closer of `pairs`, once each; sorted: the same pattern string in every process (a
    set's order changes with string hashing)."""
    return tuple(sorted({ch for pair in pairs for ch in pair}))


@cache
def _marks(pairs: tuple[tuple[str, str], ...]) -> re.Pattern[str]:
    return re.compile("[" + re.escape("".join(_mark_chars(pairs))) + "]")


@cache
def _roles(pairs: tuple[tuple[str, str], ...]) -> tuple[dict[str, str], dict[str, str], frozenset[str]]:
    """(opener -> closer, closer -> opener, symmetric quotes): built once per pack, not per sentence."""
    return ({o: c for o, c in pairs if o != c}, {c: o for o, c in pairs if o != c},
            frozenset(o for o, c in pairs if o == c))


_BEFORE_OPENER = "([{—–:"
_AFTER_CLOSER = ".,;:!?)]}…،؛؟。，、；：！？）"


def _straight_role(text: str, i: int, start: int, end: int) -> str | None:
    """'open' or 'close' where a straight quote's neighbours say which it is, else None."""
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < end else " "
    if (before.isspace() or before in _BEFORE_OPENER) and after.isalnum():
        return "open"
    if not before.isspace() and before not in _BEFORE_OPENER and (after.isspace() or after in _AFTER_CLOSER):
        return "close"
    return None


def scan_pairs(text: str, start: int, end: int, pairs: tuple[tuple[str, str], ...],
               by_place: bool = False) -> PairScan:
    """Match openers and closers in text[start:end]. A symmetric quote (open == close) alternates; with
    `by_place`, a straight quote whose neighbours say it opens (or closes) against the alternation is left
    unmatched instead."""
    find = text.find
    if all(find(ch, start, end) < 0 for ch in _mark_chars(pairs)):
        # Most sentences hold no bracket or quote: str.find of each mark (a memchr) is ten times cheaper than
        # the character class's scan, which found nothing.
        return PairScan([], [])
    hits = _marks(pairs).finditer(text, start, end)
    first = next(hits)
    openers, closers, symmetric = _roles(pairs)
    list_markers: set[int] | None = None  # found when a closer is (most sentences have none)
    stack: list[Mark] = []
    on_stack = dict.fromkeys(openers, 0)  # openers per glyph on the stack: a closer with none costs O(1)
    open_sym: dict[str, Mark] = {}
    found: list[tuple[int, int]] = []
    unmatched: list[Mark] = []
    for hit in itertools.chain((first,), hits):
        i = hit.start()
        ch = hit.group()
        if ch in symmetric:
            if i > 0 and text[i - 1].isdigit() and ch in "\"'":
                continue  # inch and minute marks: 5" or 3'
            # Alternation pairs a straight quote with the next one; where a mark's place says which it is (an
            # opener after a space before a letter, a closer after a letter before a space), a mark against
            # the alternation is a partner lost: 'tidak ada musim "hujan" dan "kering"' with the outer pair
            # dropped reads 'hujan" dan "kering', two marks matched inside out.
            role = _straight_role(text, i, start, end) if by_place else None
            if ch in open_sym and role != "open":
                found.append((open_sym.pop(ch).pos, i))
            elif ch in open_sym:
                unmatched.append(open_sym.pop(ch))
                open_sym[ch] = Mark(ch, i)
            elif role == "close":
                unmatched.append(Mark(ch, i, opens=False))
            else:
                open_sym[ch] = Mark(ch, i)
        elif ch in openers:
            stack.append(Mark(ch, i))
            on_stack[ch] += 1
        elif ch in closers:
            if not on_stack[closers[ch]]:
                # A closer with no opener: "1)", "a)" list markers close nothing and are no fault. Asked only
                # here: a closer with an opener pending closes it ("(1967 年)", "(pasal 2)"), whatever it follows.
                if list_markers is None:
                    list_markers = {m.end() - 1 for m in _LIST_MARKER.finditer(text, start, end)}  # absolute
                if i not in list_markers:
                    unmatched.append(Mark(ch, i, opens=False))
                continue
            # Pop to the nearest matching opener; anything above it was left open. Linear overall: every
            # mark the search passes is popped.
            idx = next(k for k in range(len(stack) - 1, -1, -1) if stack[k].char == closers[ch])
            unmatched.extend(stack[idx + 1:])
            found.append((stack[idx].pos, i))
            for m in stack[idx:]:
                on_stack[m.char] -= 1
            del stack[idx:]
    unmatched.extend(stack)
    unmatched.extend(open_sym.values())
    unmatched.sort(key=lambda m: m.pos)
    return PairScan(found, unmatched)


# Single curly quotes, read by where each mark stands, since ’ is also the apostrophe (Britain’s, don’t,
# Ma’ruf, Jum’at): ‘ opens where it stands after a space, a bracket, a double quote or a dash and before a
# letter (not ‘90s); the first ’ after it that stands after a letter or stop and before a space, a stop or the
# end closes it. Sources close with a straight quote now and then (‘tampak seperti boneka muppets', NTREX
# bbc.381790), so a straight ' in that place closes too.
_SINGLE_OPENER = re.compile(r"(?<![^\s(\[\"“«—–-])‘(?=[^\W\d_])")
_SINGLE_CLOSER = re.compile(r"(?<=[^\s‘])[’'](?=[\s.,;:!?)\]\"”»—–-]|$)")


def single_quotes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Quotations in single curly quotes ‘…’ in text[start:end], as (opening offset, end exclusive): one
    opened and never closed in the range is no quotation (an apostrophe typed as ‘, a quotation's mark lost)."""
    out: list[tuple[int, int]] = []
    if text.find("‘", start, end) < 0:
        return out  # no opening mark: the pattern's scan (a lookbehind at every character) finds nothing
    after = start
    for m in _SINGLE_OPENER.finditer(text, start, end):
        if m.start() < after:
            continue  # inside the quotation just read
        close = _SINGLE_CLOSER.search(text, m.end(), end)
        if close is None:
            break
        out.append((m.start(), close.end()))
        after = close.end()
    return out
