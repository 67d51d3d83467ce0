"""scripts/inject.py swaps a single pronoun only in a row that names someone (`_names_someone`): an
organisation's or a place's name is no one ("Carnegie Mellon University", "the White House"), a person next to
one still is. Rows of NTREX-128 where the corpus has them."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
import inject

# NTREX-128 cnbc.com.6772/0475, its first clause: "he" is Kai-Fu Lee, named rows before; the row itself names
# a university. (The whole row still counts: "Othello", the game, is a capitalised word kept from the source,
# which the injector cannot tell from a surname.)
CMU = ("Pada tahun 1980-an di Carnegie Mellon University dia merancang sistem AI.",
       {"en": "In the 1980s at Carnegie Mellon University he worked on an AI system.",
        "fr": "Dans les années 1980, à l’Université de Carnegie Mellon, il a travaillé sur un système d’IA.",
        "zh": "20世纪80年代，他在卡内基梅隆大学研究了一个人工智能系统。"})
# NTREX-128 nytimes.184853/0039: a person named beside a university.
NG = ("Seorang pakar, Tiffany Ng dari Universitas Michigan juga mencatat bahwa ini merupakan lonceng menara "
      "pertama di dunia.",
      {"en": "The expert, Tiffany Ng of the University of Michigan, also noted that it was the first carillon in the "
             "world.",
       "fr": "L’experte Tiffany Ng de l’Université du Michigan a également noté qu’il s’agissait du premier carillon.",
       "zh": "密歇根大学的专家黄蒂芙尼还指出，这是世界上第一座钟琴。"})


@pytest.fixture(params=["en", "fr", "zh"])
def lang(request: pytest.FixtureRequest) -> str:
    saved = getattr(inject, "P", None)
    inject.P = inject.profile(request.param)
    yield request.param
    inject.P = saved


def test_a_university_is_no_one(lang: str) -> None:
    src, tgt = CMU
    assert not inject._names_someone(src, tgt[lang])
    assert inject.inject_pronoun(src, tgt[lang], random.Random(1)) is None


def test_a_person_beside_a_university_is_someone(lang: str) -> None:
    src, tgt = NG
    assert inject._names_someone(src, tgt[lang])


@pytest.mark.parametrize(("tgt", "someone"), [
    ("Dans les années 1980, à l’université de Carnegie Mellon, il a travaillé.", False),  # the head in lower case
    ("Selon la banque Goldman Sachs, il est riche.", False),
    ("Selon le président Joko Widodo, il est riche.", True),  # a title in lower case is no head
])
def test_french_rows(tgt: str, someone: bool) -> None:
    saved = getattr(inject, "P", None)
    try:
        inject.P = inject.profile("fr")
        assert inject._names_someone("Dia kaya.", tgt) is someone
    finally:
        inject.P = saved


@pytest.mark.parametrize(("src", "tgt", "someone"), [
    ("Gedung Putih mengatakan dia akan datang.", "The White House said he would come.", False),
    ("Dia bermain di Stamford Bridge.", "He played at Stamford Bridge.", False),
    ("Menurut Bank of America, dia kaya.", "According to Bank of America, he is rich.", False),
    ("Dia tinggal di Indonesia sekarang.", "He lives in Indonesia now.", False),  # a country (CLDR)
    # a person after an English head noun, or after a title; a surname kept from the source
    ("Ketua DPR Nancy Pelosi mengatakan dia datang.", "House Speaker Nancy Pelosi said she came.", True),
    ("Presiden Joko Widodo mengatakan dia datang.", "President Joko Widodo said he came.", True),
    ("Kemudian Rutte mengatakan dia datang.", "Later, Rutte said he came.", True),
])
def test_english_rows(src: str, tgt: str, someone: bool) -> None:
    saved = getattr(inject, "P", None)
    try:
        inject.P = inject.profile("en")
        assert inject._names_someone(src, tgt) is someone
    finally:
        inject.P = saved


@pytest.mark.parametrize(("src", "someone"), [
    ("Dia tinggal di Jawa Barat.", False),  # a place: a direction after its name
    ("Ke Universitas Gadjah Mada dia pergi.", False),
    ("Presiden Joko Widodo mengatakan dia datang.", True),
    ("Kemudian Widodo mengatakan dia datang.", True),
])
def test_indonesian_source_for_other_scripts(src: str, someone: bool) -> None:
    saved = getattr(inject, "P", None)
    try:
        inject.P = inject.profile("ja")
        assert inject._names_someone(src, "彼は言った。") is someone
    finally:
        inject.P = saved
