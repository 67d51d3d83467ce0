"""scripts/inject.py garbles an Arabic or Japanese rendering of a name as MT garbles one (issue 18, round 11):
a changed letter or kana sounds or looks like the one it replaces, so a letter that foreign names are never
written with (ع ظ ض ذ خ) comes only from a near letter of the rendering, and marks are never doubled. Real
renderings from the clean test translations of NTREX-128 (كرينشو Crenshaw, ボッタス Bottas)."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest
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


# (zh, round 15) Where the row has no transliteration of a source word (Hong Kong is 香港, Hokuriku Electric Power
# 北陆电力, Senat 参议员), the skeleton search still finds an ordinary word that sounds alike: no garble site.
# FLORES-200 wikinews/0250, TICO-19 PubMed_8:462 and NTREX-128 cnn.304447/0543, bbc.381692/1107 (dev half).
ZH_ROWS = [
    ("Hokuriku Electric Power Co. melaporkan tidak ada dampak gempa bumi dan reaktor Nomor 1 dan 2 di pembangkit "
     "listrik tenaga nuklir Shika yang ditutup.",
     "北陆电力株式会社报道称，志贺核能发电厂 1 号和 2 号反应堆已经关闭，地震并未造成影响。", set()),
    ("Di tahun yang sama, HCoV-HKU1 diisolasi dari pria berusia 71 tahun yang pernah dirawat inap karena pneumonia "
     "dan bronkiolitis di Hong Kong.",
     "同年，从一名 71 岁男子身上分离出 HCoV-HKU1，该男子因肺炎和细支气管炎在香港住院。", set()),
    ("Dia merujuk pada Senat Dianne Feinstein yang menjabat dalam Komite Peradilan Senat dengan menyebut namanya, "
     "yang disambut dengan cercaan keras dari para pendengarnya.",
     "他指名道姓地提到 “参议院司法委员会” 资深成员、民主党参议员黛安娜·范斯坦（Dianne Feinstein），"
     "这引来观众一片嘘声。",
     {("Feinstein", "范斯坦")}),
    ("Letnan Kolonel The Reverend, Bernard Vann memenangkan penghargaan pada tanggal 29 September 1918 atas serangan "
     "di Bellenglise dan Lehaucourt.",
     "1918年9月29日伯纳德·范恩中校在进攻贝灵格利斯和勒豪科特的战役中获得此殊荣。",
     {("Bellenglise", "贝灵格利斯"), ("Bernard", "伯纳德"), ("Vann", "范恩")}),  # 范 is no listed character: one of two
]


@pytest.mark.parametrize(("src", "tgt", "sites"), ZH_ROWS)
def test_chinese_garble_sites_are_renderings(monkeypatch: pytest.MonkeyPatch, src: str, tgt: str,
                                             sites: set[tuple[str, str]]) -> None:
    monkeypatch.setattr(inject, "P", inject.profile("zh"), raising=False)
    assert {(w, tgt[a:b]) for w, a, b in inject._name_sites(src, tgt)} == sites


# (ar, round 16) A garble that only respells the rendering the way Arabic writes it both ways is no error a reader
# sees, so the injector skips it (round 14 engineer D's count: about one Arabic garble in 12 on the dev half).
# Renderings from the clean dev translations of FLORES-200 (wikibooks/0487 Schlegel, wikibooks/0464 Giza,
# wikivoyage/0708 Anfa) and the sites the injector drew there.
@pytest.mark.parametrize(("word", "old", "new"), [
    ("Schlegel", "شليغل", "شليجل"),  # g as ج or غ
    ("Portugis", "برتغالي", "برتجالي"),
    ("Giza", "جيزة", "جيزه"),  # the final ة without its dots
    ("Anfa", "أنفا", "آنفا"),  # a hamza seat on the alef that starts the name
    ("Anfa", "أنفا", "انفا"),
    ("Ariana", "وأريانا", "وإريانا"),  # after a proclitic
    ("Antoinette", "أنطوانيت", "انطوانيت"),
])
def test_arabic_spelling_variants_are_no_garbles(word: str, old: str, new: str) -> None:
    assert inject.ar_spelling_variant(old, new, word)


@pytest.mark.parametrize(("word", "old", "new"), [
    ("Jakarta", "جاكرتا", "غاكرتا"),  # the j of an Indonesian name is no g
    ("Jogja", "جوغجا", "غوغجا"),  # one g, so one غ at most
    ("Giza", "جيزة", "جيهة"),  # ه inside the word
    ("Soviet", "سوفيتي", "سوفىتي"),  # ى inside a word (no skip: not a variant)
    ("Varela", "فاريلا", "فآريلا"),  # the ف is the name's v: a seat inside the word
    ("Yarmouth", "يارموث", "يإرموث"),
    ("Schlegel", "شليغل", "شلجغل"),  # another letter changed too
    ("Giza", "جيزة", "جيوزه"),  # a letter added beside the respelling
])
def test_arabic_garbles_beside_a_variant_stay_garbles(word: str, old: str, new: str) -> None:
    assert not inject.ar_spelling_variant(old, new, word)


def test_arabic_garble_that_only_respells_is_skipped(monkeypatch: pytest.MonkeyPatch) -> None:
    # FLORES-200 wikibooks/0464 (dev half): the row's only site is Giza's rendering; a garble that writes جيزه
    # leaves the row without an injected error, one that writes جيوزة is kept
    monkeypatch.setattr(inject, "P", inject.profile("ar"), raising=False)
    src = "Piramida Agung Giza adalah satu-satunya dari tujuh keajaiban yang masih berdiri hingga hari ini."
    tgt = "هرم جيزة الأكبر هو العجيبة الوحيدة من العجائب السبع التي لا تزال قائمة حتى اليوم."
    monkeypatch.setattr(inject, "_name_sites", lambda s, t: [("Giza", t.index("جيزة"), t.index("جيزة") + 4)])
    monkeypatch.setattr(inject, "_garble_script", lambda text, rng, lang: "جيزه")
    assert inject.inject_garbled_script(src, tgt, random.Random(1)) is None
    monkeypatch.setattr(inject, "_garble_script", lambda text, rng, lang: "جيوزة")
    out = inject.inject_garbled_script(src, tgt, random.Random(1))
    assert out is not None and "جيوزة" in out[0] and out[2] == "Giza: جيزة -> جيوزة"
