"""The per-article memo (mtcheck/memo.py) answers what the function does, inside and outside a check's
scope, and forgets the article's texts when the scope ends."""

from __future__ import annotations

from mtcheck.memo import _SCOPE, article_scope, per_article


def test_answers_are_the_functions_own_and_kept_only_for_the_scope() -> None:
    calls: list[str] = []

    @per_article(maxsize=2)
    def words(text: str) -> tuple[str, ...]:
        calls.append(text)
        return tuple(text.split())

    texts = [f"kalimat nomor {i}" for i in range(5)]
    assert [words(t) for t in texts] == [tuple(t.split()) for t in texts]  # no scope: the lru cache only
    assert len(calls) == 5
    words(texts[0])
    assert len(calls) == 6  # evicted from the two-entry cache
    calls.clear()
    words.cache_clear()  # type: ignore[attr-defined]
    with article_scope():
        for _ in range(3):  # three passes over a "long article": each text computed once
            assert [words(t) for t in texts] == [tuple(t.split()) for t in texts]
        assert calls == texts
        with article_scope():  # a nested check has its own memo
            words(texts[0])
        assert _SCOPE.get() is not None
    assert _SCOPE.get() is None
    calls.clear()
    words(texts[1])
    assert calls == [texts[1]]  # the scope's memo is gone with it (and the lru cache holds the last two)


def test_a_check_runs_in_a_scope_and_leaves_none_behind() -> None:
    from mtcheck.config import Settings
    from mtcheck.engine import check_pair

    report = check_pair("Presiden Joko Widodo tiba di Jakarta pada Senin pagi.",
                        "President Joko Widodo arrived in Jakarta on Monday morning.", Settings(), target_lang="en")
    assert report.source_words == 9
    assert _SCOPE.get() is None


def test_a_check_leaves_no_match_objects_for_the_garbage_collector() -> None:
    """latin_words and names' _cap_words remember their match objects for the article only: kept across
    articles (until round 16) they were ~200,000 objects in a long batch that each full collection went
    through again. The article's sentences are new to this process (a token of its own in each)."""
    import gc
    import re
    import uuid

    from mtcheck.config import Settings
    from mtcheck.engine import check_pair

    def matches_alive() -> int:
        gc.collect()
        return sum(1 for o in gc.get_objects() if type(o) is re.Match)  # type(): no proxy asked for __class__

    tag = uuid.uuid4().hex[:8]
    source = "\n\n".join(f"Menteri Budi Santoso dari kota Kode{tag}{i} tiba di Jakarta pada Senin pagi untuk rapat."
                         for i in range(6))
    target = "\n\n".join(f"Minister Budi Santoso of the city Kode{tag}{i} arrived in Jakarta on Monday morning for "
                         "a meeting." for i in range(6))
    settings = Settings()
    check_pair(source.replace("Senin", "Selasa"), target.replace("Monday", "Tuesday"), settings,
               target_lang="en")  # tables and patterns loaded by a first article
    before = matches_alive()
    check_pair(source, target, settings, target_lang="en")
    assert matches_alive() - before <= 2  # +300 before round 16
