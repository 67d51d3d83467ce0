"""A regex alternation of many literal words, written as a trie: the same matches, far faster to search.

Python's `re` tries the alternatives of `(?:zero|one|two|...)` one after another at every position of the
text, so a pattern of a few hundred words (gazetteer names, number words, person nouns) costs hundreds of
steps per character of a 5 MB article. The same words as a trie (`(?:t(?:wo|hree)|one|...)`) cost a step
or two per character.

It is the same pattern, not an approximation, when the words are listed longest first (more exactly: a
word comes before every word that is a prefix of it) and, with `ignore_case`, when no two different letters
of the words match the same character: at any node of the trie at most one branch can match the next
character, and the deeper branch (the longer word) is tried before ending the word, which is the order
in which the plain alternation tries them, backtracking included. Where a list breaks either condition
`alternation` returns the plain alternation, so a caller never gets different matches.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

# A run of whitespace inside a phrase, with `spaces=True` (it matches any run of spaces in the text).
_SPACE = "\\s+"


def _safe(ch: str) -> bool:
    """A letter whose case-insensitive matches are exactly its own lower- and upper-case forms: ASCII
    (re's extra equivalences, such as s ~ ſ and k ~ the Kelvin sign, involve a non-ASCII letter this test
    refuses), caseless characters (digits, Arabic, CJK) and the Latin-1 letters with a one-letter case pair."""
    if ch.isascii():
        return True
    low, up = ch.lower(), ch.upper()
    if low == up == ch:
        return True
    return "\u00c0" <= ch <= "\u00ff" and ch not in "\u00b5\u00c5\u00df\u00e5\u00ff" and len(low) == len(up) == 1


def _tokens(word: str, spaces: bool) -> list[str]:
    if not spaces:
        return list(word)
    out: list[str] = []
    for k, part in enumerate(word.split()):
        if k:
            out.append(_SPACE)
        out.extend(part)
    return out


def plain(words: Iterable[str], spaces: bool = False, tail: Callable[[str], str] | None = None) -> str:
    """The plain alternation `alternation` stands for: each word escaped, in the order given."""
    def one(w: str) -> str:
        body = _SPACE.join(re.escape(p) for p in w.split()) if spaces else re.escape(w)
        return body + (tail(w) if tail else "")
    return "|".join(one(w) for w in words)


def alternation(words: Iterable[str], ignore_case: bool = False, spaces: bool = False,
                tail: Callable[[str], str] | None = None) -> str:
    """Regex text (no group of its own; wrap it in `(?:...)`) matching what `plain(words, spaces, tail)`
    matches, in the same order of preference, as a trie. `spaces`: whitespace inside a word matches any run
    of whitespace; `tail(word)`: a pattern that must follow that word (a lookahead, say); `ignore_case`:
    the pattern is compiled with re.I (letters that differ only in case share a branch)."""
    words = list(words)
    if not words:
        return ""
    tokens = [_tokens(w, spaces) for w in words]
    if ignore_case and not all(_safe(ch) for w in words for ch in w):
        return plain(words, spaces, tail)
    keyed = [[t.lower() if ignore_case and t != _SPACE else t for t in ts] for ts in tokens]
    # The order condition: no word after one it is a prefix of (it would be tried first here, last there).
    seen: set[tuple[str, ...]] = set()
    for ks in keyed:
        if any(tuple(ks[:i]) in seen for i in range(len(ks))):
            return plain(words, spaces, tail)
        seen.add(tuple(ks))
    root = _Node("")
    for w, ts, ks in zip(words, tokens, keyed):
        node = root
        for t, k in zip(ts, ks):
            node = node.kids.setdefault(k, _Node(t))
        node.ends.append(w)
    return root.pattern(tail)


class _Node:
    __slots__ = ("ends", "kids", "token")

    def __init__(self, token: str) -> None:
        self.token = token  # as the first word through this node writes it
        self.kids: dict[str, _Node] = {}
        self.ends: list[str] = []  # the words that end here, in the order given

    def pattern(self, tail: Callable[[str], str] | None) -> str:
        """What may follow this node: a longer word first, then the end of a word (with its tail)."""
        branches = [(_SPACE if kid.token == _SPACE else re.escape(kid.token)) + kid.pattern(tail)
                    for kid in self.kids.values()]
        # Words that end here end alike unless their tails differ (ignore_case: "satu" and "Satu").
        branches += dict.fromkeys(tail(w) for w in self.ends) if tail and self.ends else [""] if self.ends else []
        if len(branches) == 1:
            return branches[0]
        return "(?:" + "|".join(branches) + ")"


def first_letters(words: Iterable[str]) -> str:
    """A lookahead for the characters the words can start with (`(?=[...])`), to put before a pattern whose
    matches start with one of the words (after zero-width tests only: lookbehinds, \\b): it changes no
    match, and `re`, which otherwise runs the whole pattern at every position, turns most positions away
    in one step. Compiled with the same flags as the words (re.I: a letter's other case passes too, exactly
    as it does for the word itself). "" when a word is empty (the pattern may then match anywhere)."""
    words = list(words)
    if not words or not all(words):
        return ""
    return "(?=[" + "".join(re.escape(c) for c in sorted({w[0] for w in words})) + "])"


def first_class(pattern: str, flags: int = 0) -> str:
    """A lookahead for the characters a match of `pattern` can start with (`(?=[...])`), read from re's own
    parse of it: zero-width items at its start (lookarounds, \\b, groups and alternations of those) are
    passed over, and the first item that consumes a character gives the class (a literal, a class of
    literals, ranges and \\d \\w \\s \\D \\W \\S, an alternation of those, a repeat of at least one, an optional item
    and what follows it). Put before the
    pattern and compiled with the same flags it changes no match and lets `re` turn most positions away in
    one step. "" when that cannot be read."""
    from re import _constants as c  # type: ignore[attr-defined]
    from re import _parser  # type: ignore[attr-defined]

    categories = {c.CATEGORY_DIGIT: r"\d", c.CATEGORY_WORD: r"\w", c.CATEGORY_SPACE: r"\s",
                  c.CATEGORY_NOT_DIGIT: r"\D", c.CATEGORY_NOT_WORD: r"\W", c.CATEGORY_NOT_SPACE: r"\S"}

    def zero_width(item: tuple) -> bool:
        """A lookaround, a \\b, or a group or alternation of nothing else (`(?:(?<=a)|(?<=b ))`)."""
        op, av = item
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            return av not in (c.AT_END, c.AT_END_STRING)
        if op is c.SUBPATTERN:
            return not av[1] and not av[2] and bool(av[3]) and all(zero_width(i) for i in av[3])
        if op is c.BRANCH:
            return all(b and all(zero_width(i) for i in b) for b in av[1])
        return False

    def first(items: list) -> str | None:
        while items and zero_width(items[0]):
            items = items[1:]
        if not items:
            return None
        op, av = items[0]
        if op is c.LITERAL:
            return re.escape(chr(av))
        if op is c.IN:
            out = []
            for kind, value in av:
                if kind is c.LITERAL:
                    out.append(re.escape(chr(value)))
                elif kind is c.RANGE:
                    out.append(f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}")
                elif kind is c.CATEGORY and value in categories:
                    out.append(categories[value])
                else:
                    return None
            return "".join(out)
        if op is c.SUBPATTERN:
            return None if av[1] or av[2] else first(list(av[3]))
        if op is c.BRANCH:
            parts = [first(list(b)) for b in av[1]]
            return None if any(p is None for p in parts) else "".join(parts)  # type: ignore[misc]
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            if av[0] >= 1:
                return first(list(av[2]))
            # An optional item ("(?:with )?or", a number word's optional tens): the first character is its
            # own or that of what follows it.
            own, after = first(list(av[2])), first(items[1:])
            return None if own is None or after is None else own + after
        return None

    try:
        found = first(list(_parser.parse(pattern, flags)))
    except (re.error, RecursionError, TypeError, ValueError, AttributeError):
        return ""
    return f"(?=[{found}])" if found else ""


_WORD_CHARS = re.compile(r"\w+")


def whole_words(text: str, words: Iterable[str], tokens: re.Pattern[str]) -> list[re.Match[str]] | None:
    """The matches of `(?<![X])(?:words)(?![X])` in `text`, without compiling that pattern for a list of words
    met once (the article's names: re's parser and compiler cost ~0.7 ms a list, twice per article), where
    every word is letters, digits or underscores: `tokens` is `(?<![X])\\w+(?![X])` compiled once, for the
    same class X, which holds \\w. A word of the list can then only match a whole run of word characters
    between two characters outside X, and any such run that is a word of the list is what the alternation
    matches there (the same spans, in the same order). None when a word has another character (the caller
    compiles the alternation then)."""
    wanted = set(words)
    if not wanted or not all(_WORD_CHARS.fullmatch(w) for w in wanted):
        return None
    return [m for m in tokens.finditer(text) if m.group() in wanted]


def whole_literal(text: str, literal: str, edge: re.Pattern[str]) -> list[tuple[int, int]]:
    """The spans `re.finditer(f"(?<!{X}){re.escape(literal)}(?!{X})", text)` gives, where `edge` is the one
    character class X compiled (`[\\w'’-]`): found with str.find. A pattern that opens with a look-behind gives
    re no prefix to search for, so it tries every position of the text (~20 ms a megabyte), and a rule that
    searched the whole article once per name was quadratic in a long one. Every match is an occurrence of the
    literal with no X on either side; finditer takes the leftmost one from where the last match ended."""
    if not literal:  # the empty pattern's empty matches: re's own rules
        return [m.span() for m in re.finditer(f"(?<!{edge.pattern})(?!{edge.pattern})", text)]
    out: list[tuple[int, int]] = []
    n = len(literal)
    i = text.find(literal)
    while i >= 0:
        if (i == 0 or edge.match(text, i - 1) is None) and edge.match(text, i + n) is None:
            out.append((i, i + n))
            i = text.find(literal, i + n)
        else:
            i = text.find(literal, i + 1)
    return out
