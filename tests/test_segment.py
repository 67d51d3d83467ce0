"""Segmentation tables: (text, expected sentences)."""

import pytest

from mtcheck.lang import get_pack
from mtcheck.text.segment import segment, split_paragraphs

ID = get_pack("id")
EN = get_pack("en")

ID_CASES = [
    # NTREX-128 nytimes.184825: "v." of a court case is no sentence end.
    ("Alur kisah dari Washington bisa menentukan masa depan Roe v. Wade, dan reuni keluarga imigran. Ia pergi.",
     ["Alur kisah dari Washington bisa menentukan masa depan Roe v. Wade, dan reuni keluarga imigran.", "Ia pergi."]),
    ("Tn. Budi tiba di Jl. Sudirman No. 5 pukul 14.30 WIB. Ia membayar Rp1.000.000,50.",
     ["Tn. Budi tiba di Jl. Sudirman No. 5 pukul 14.30 WIB.", "Ia membayar Rp1.000.000,50."]),
    ("Harga naik 2,5 persen. \"Ini berat,\" kata dr. A. Rahman. Dia pulang.",
     ["Harga naik 2,5 persen.", "\"Ini berat,\" kata dr. A. Rahman.", "Dia pulang."]),
    ("\"Kami siap.\" Rutte tersenyum! Apa selanjutnya? Belum jelas.",
     ["\"Kami siap.\"", "Rutte tersenyum!", "Apa selanjutnya?", "Belum jelas."]),
    ("Jumlahnya 1.000 orang. dll. tidak dihitung", ["Jumlahnya 1.000 orang. dll. tidak dihitung"]),
    # English titles in Indonesian news, Indonesian titles and degrees: none of them ends the sentence.
    ("Presiden AS Mr. Trump tiba di Jakarta. Ia disambut Bpk. Joko dan Prof. Dr. H. Ahmad, S.Kom., di sana.",
     ["Presiden AS Mr. Trump tiba di Jakarta.", "Ia disambut Bpk. Joko dan Prof. Dr. H. Ahmad, S.Kom., di sana."]),
    ("Surat a.n. Budi dikirim Hj. Siti dkk. pada Senin. Harganya Rp. 5.000 per kg.",
     ["Surat a.n. Budi dikirim Hj. Siti dkk. pada Senin.", "Harganya Rp. 5.000 per kg."]),
    # dll./dsb. close a list and the sentence when a sentence-starting word follows; a name does not start one.
    ("Mereka membawa buku, pena, dll. Ia kemudian pergi.", ["Mereka membawa buku, pena, dll.", "Ia kemudian pergi."]),
    ("Tamu dari Jepang, Korea, dsb. Budi menyambut mereka.",
     ["Tamu dari Jepang, Korea, dsb. Budi menyambut mereka."]),
]
EN_CASES = [
    ("He moved to the U.S. Army base. Mr. Smith stayed.", ["He moved to the U.S. Army base.", "Mr. Smith stayed."]),
    ("It rose 2.5 percent. \"Good,\" he said.", ["It rose 2.5 percent.", "\"Good,\" he said."]),
    # A one-letter grade after a common word ends the sentence; an initial before a surname does not.
    ("The school received grade A. The inspectors praised it.",
     ["The school received grade A.", "The inspectors praised it."]),
    ("A report by A. Rahman was cited. Mark R. Smith left.",
     ["A report by A. Rahman was cited.", "Mark R. Smith left."]),
    # A terminator glued to the next sentence (TICO-19's English rows, pasted together) still ends it.
    ("It may hit 32%, according to the Fed of St. Louis.The lockdown left millions unemployed.The survey found 44%.",
     ["It may hit 32%, according to the Fed of St. Louis.", "The lockdown left millions unemployed.",
      "The survey found 44%."]),
    ("He told LiverpoolFC.com that the U.S.A. team won.", ["He told LiverpoolFC.com that the U.S.A. team won."]),
    ("Shares of Apple Inc. The company fell. Apple Inc. Chief Tim Cook spoke.",
     ["Shares of Apple Inc.", "The company fell.", "Apple Inc. Chief Tim Cook spoke."]),
]
FR = get_pack("fr")
FR_CASES = [
    # The French list is written "Mme.", "M.": read lower-cased without the period like the others.
    ("Mme. Dupont est arrivée. Mlle. Martin aussi.", ["Mme. Dupont est arrivée.", "Mlle. Martin aussi."]),
    # NTREX-128's French: a stray period glued to the next sentence.
    ("Ils pourraient venir jusqu’à vos rues commerçantes. .Les chapeaux XXL suivent le sillage de la « Bomba ».",
     ["Ils pourraient venir jusqu’à vos rues commerçantes. .", "Les chapeaux XXL suivent le sillage de la « Bomba »."]),
]


def _sentences(pack, text: str) -> list[str]:
    seg = segment(text, pack.abbreviations, pack.cjk_terminators, None, pack.final_abbreviations,
                  pack.function_words)
    return [s.text for s in seg.sentences]


@pytest.mark.parametrize(("text", "expected"), ID_CASES)
def test_indonesian_sentences(text: str, expected: list[str]) -> None:
    assert _sentences(ID, text) == expected


@pytest.mark.parametrize(("text", "expected"), EN_CASES)
def test_english_sentences(text: str, expected: list[str]) -> None:
    assert _sentences(EN, text) == expected


@pytest.mark.parametrize(("text", "expected"), FR_CASES)
def test_french_sentences(text: str, expected: list[str]) -> None:
    assert _sentences(FR, text) == expected


def test_offsets_point_into_original() -> None:
    text = "  Satu dua.\n\n\n  Tiga empat.  Lima.\n"
    seg = segment(text, ID.abbreviations)
    assert [text[s.start:s.end] for s in seg.sentences] == ["Satu dua.", "Tiga empat.", "Lima."]
    assert [s.paragraph for s in seg.sentences] == [0, 1, 1]


def test_paragraphs_by_line_when_no_blank_lines() -> None:
    assert [p.text for p in split_paragraphs("Satu.\nDua.\n")] == ["Satu.", "Dua."]
    assert [p.text for p in split_paragraphs("Satu\nlanjut.\n\nDua.")] == ["Satu\nlanjut.", "Dua."]


def test_boilerplate_excluded() -> None:
    seg = segment("Berita.\n\nDisclaimer here.", ID.abbreviations, exclude=lambda t: "Disclaimer" in t)
    assert [p.text for p in seg.paragraphs] == ["Berita."]


def test_cjk_terminators() -> None:
    seg = segment("他来了。她走了！好吗？", frozenset(), "。！？")
    assert [s.text for s in seg.sentences] == ["他来了。", "她走了！", "好吗？"]


def test_chinese_and_arabic_sentence_ends() -> None:
    for lang, text, n in (("zh", "吕特周四抵达基辅。他会见了泽连斯基！这是第一次访问吗？", 3),
                          ("ja", "ルッテ氏はキーウに到着した。「安全は重要だ」と述べた。", 2),
                          ("ar", "هل وصل روته إلى كييف؟ نعم، وصل يوم الخميس.", 2)):
        pack = get_pack(lang)
        seg = segment(text, pack.abbreviations, pack.cjk_terminators)
        assert len(seg.sentences) == n, (lang, [s.text for s in seg.sentences])


def test_reference_metrics_use_the_language_tokenizer() -> None:
    from mtcheck.config import Settings
    from mtcheck.engine import check_pair

    report = check_pair("Rutte tiba di Kyiv pada Kamis.", "吕特周四抵达基辅。", Settings(), target_lang="zh",
                        reference="吕特于周四抵达基辅。")
    assert "tok:zh" in report.reference_metrics["document"]["bleu"]["signature"]


AR = get_pack("ar")


def test_arabic_terminator_glued_to_next_sentence() -> None:
    # TICO-19's Arabic rows pasted together ("2020.كما"): Arabic has no capitals to tell a sentence start, but
    # a period glued to an Arabic letter is no abbreviation or decimal. A decimal (2.5) stays inside.
    text = "طوَّرت المملكة المتحدة أيضًا اختبارًا في 23 يناير 2020.كما ابتكرت الشركة الكورية طقمًا بنسبة 2.5 بالمئة."
    assert _sentences(AR, text) == ["طوَّرت المملكة المتحدة أيضًا اختبارًا في 23 يناير 2020.",
                                   "كما ابتكرت الشركة الكورية طقمًا بنسبة 2.5 بالمئة."]
