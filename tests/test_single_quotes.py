"""Quotations in single curly quotes ‘…’ are quotations for the pronoun analysis (source and translation), read
by place since ’ is also the apostrophe. Indonesian sources of NTREX-128 quote with them ("Berbicara serius ‘dan
kemudian kami jatuh cinta’", cnbc.com.6790), and so do translations in British style."""

from __future__ import annotations

import pytest

from mtcheck.text.pairs import single_quotes
from tests.helpers import run_rule


@pytest.mark.parametrize(("text", "quoted"), [
    ("Berbicara serius ‘dan kemudian kami jatuh cinta’ Dia bercanda.", ["‘dan kemudian kami jatuh cinta’"]),
    # NTREX bbc.381790: closed by a straight quote
    ("Anggota Majelis (AM) Welsh khawatir bila mereka ‘tampak seperti boneka muppets'.",
     ["‘tampak seperti boneka muppets'"]),
    # NTREX bbc.381647: inside a double-quoted quotation; the second opener is never closed
    ("“Saya meyakini ‘ye’ adalah kata yang umum, artinya ‘Kamu,” kata West.", ["‘ye’"]),
    # apostrophes are no closers, an apostrophe typed as ‘ opens nothing
    ("Britain’s ‘special relationship’ is over, said Ma’ruf’s aide.", ["‘special relationship’"]),
    ("In the ‘90s he was there.", []),
    ("‘Laut adalah milik kita: Bolivia yang dikelilingi oleh daratan", []),  # never closed
])
def test_single_quotes(text: str, quoted: list[str]) -> None:
    assert [text[a:b] for a, b in single_quotes(text, 0, len(text))] == quoted


SOURCE = ("Menteri Luar Negeri Retno Marsudi memuji pelatih tim nasional itu. {q}Dia bekerja sangat keras,{e} "
          "kata Retno.")
TARGET = "Foreign Minister Retno Marsudi praised the national team coach. {q}He worked very hard,{e} Retno said."


@pytest.mark.parametrize(("q", "e"), [("‘", "’"), ('"', '"')])
def test_a_pronoun_inside_a_quotation_is_the_quotations(q: str, e: str) -> None:
    # "He" is the coach the minister speaks of, not the minister: in single quotes as in double ones (the
    # single-quoted one was MT301's "Retno Marsudi is a woman")
    assert run_rule("MT301", SOURCE.format(q=q, e=e), TARGET.format(q=q, e=e), "en") == []


def test_a_pronoun_outside_single_quotes_is_still_judged() -> None:
    source = "Presiden Joko Widodo tiba di Bali. Dia mengatakan ‘pasar harus bangkit’."
    target = "President Joko Widodo arrived in Bali. She said ‘the market must rise’."
    findings = run_rule("MT301", source, target, "en")
    assert [target[f.target_span.start:f.target_span.end] for f in findings] == ["She"]


def test_a_pronoun_after_a_quotation_inside_a_quotation_is_inside() -> None:
    # “... ‘no’ ... he ...”: the inner quotation ends, the outer one goes on (the spans are merged)
    source = "Menteri Retno Marsudi berkata: “Pelatih itu bilang ‘tidak’ dan dia pergi.”"
    target = "Minister Retno Marsudi said: “The coach said ‘no’ and he left.”"
    assert run_rule("MT301", source, target, "en") == []
