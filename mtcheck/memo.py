"""Analyses of one text (a sentence's words, its lexicon tokens) remembered for the whole article.

Several rules tokenise the same sentences: the aligner, then four places of the omission rules, then MT101
and MT102. Each such function keeps a least-recently-used cache of 4,096 texts, which serves a batch of short
articles (and boilerplate repeated across them) in bounded memory; but a long article has more sentences than
that, and each rule's pass over it evicted what the pass before had computed (a 2 MB article tokenised its
sentences five or six times over). While `check_pair` runs, inside `article_scope()`, answers are also kept
in a dict that lives as long as the check: every sentence is tokenised once, however long the article, and
the memory goes with the article's report.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache, wraps
from typing import TypeVar

T = TypeVar("T")

_SCOPE: ContextVar[dict[tuple[str, str], object] | None] = ContextVar("mtcheck_article_memo", default=None)


@contextmanager
def article_scope() -> Iterator[None]:
    """Remember `per_article` answers until the block ends (one article's check; nested checks get their
    own scope)."""
    token = _SCOPE.set({})
    try:
        yield
    finally:
        _SCOPE.reset(token)


def per_article(maxsize: int = 4096) -> Callable[[Callable[[str], T]], Callable[[str], T]]:
    """`functools.lru_cache(maxsize)` for a pure function of one text, plus, inside `article_scope()`, a memo
    of every text asked during the scope. The answers are the function's own: only who remembers them
    changes. maxsize=0: remembered inside the scope only (answers holding objects the garbage collector
    tracks, such as match objects, which a cache across articles would keep for it to go through)."""

    def decorate(fn: Callable[[str], T]) -> Callable[[str], T]:
        cached = lru_cache(maxsize=maxsize)(fn)
        name = f"{fn.__module__}.{fn.__qualname__}"

        @wraps(fn)
        def wrapper(text: str) -> T:
            memo = _SCOPE.get()
            if memo is None:
                return cached(text)
            key = (name, text)
            try:
                return memo[key]  # type: ignore[return-value]
            except KeyError:
                value = memo[key] = cached(text)
                return value

        wrapper.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
        wrapper.cache_info = cached.cache_info  # type: ignore[attr-defined]
        return wrapper

    return decorate
