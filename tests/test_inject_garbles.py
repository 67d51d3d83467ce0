"""scripts/inject.py garbles an Arabic or Japanese rendering of a name as MT garbles one (issue 18, round 11):
a changed letter or kana sounds or looks like the one it replaces, so a letter that foreign names are never
written with (ع ظ ض ذ خ) comes only from a near letter of the rendering, and marks are never doubled. Real
renderings from the clean test translations of NTREX-128 (كرينشو Crenshaw, ボッタス Bottas)."""

from __future__ import annotations

import random
import sys
from pathlib import Path

from rapidfuzz.distance import Levenshtein

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
import inject

SEEDS = range(400)


def garbles(text: str, lang: str) -> list[str]:
    return [inject._garble_script(text, random.Random(seed), lang) for seed in SEEDS]


def test_arabic_garble_draws_no_rare_letter_the_name_has_no_neighbour_of() -> None:
    # Crenshaw: none of ك ر ي ن ش و is near ع, ظ, ض, ذ, خ or ح; the uniform injector wrote كريعطو.
    out = garbles("كرينشو", "ar")
    assert not {c for g in out for c in g} & set("عظضذخحص")
    assert all(0 < Levenshtein.distance(g, "كرينشو") <= 2 for g in out if g != "كرينشو")
    # ...but the near letters do come: ش -> س (shape), ك -> ق (sound), ر -> ز or ل
    assert {"كرينسو", "قرينشو"} <= set(out)
    assert any("ز" in g or "ل" in g for g in out)


def test_arabic_garble_reaches_a_rare_letter_through_its_near_one() -> None:
    # Washington: ط (emphatic t) -> ت or ظ (same shape); ظ is then a real garble of the rendering
    out = set(garbles("واشنطن", "ar"))
    assert "واشنتن" in out and "واشنظن" in out
    assert not any("اا" in g or "وو" in g for g in out)


def test_japanese_garble_swaps_dakuten_and_never_doubles_a_mark() -> None:
    out = garbles("ボッタス", "ja")
    assert {"ポッタス", "ホッタス"} <= set(out)
    assert not any(m in g for g in out for m in ("ーー", "ッッ", "ッー", "ーッ"))
    assert all(0 < Levenshtein.distance(g, "ボッタス") <= 2 for g in out if g != "ボッタス")


def test_japanese_garble_keeps_the_name_dot() -> None:
    out = garbles("ジョー・バイデン", "ja")
    assert all(g.count("・") == 1 for g in out)
    # the look-alike kana: ソ/ン
    assert any("デソ" in g for g in out)
