"""Which capitalised words of the Indonesian source are names (mtcheck/text/source_names.py), the
dictionary behind it (mtcheck/text/dictionary.py), and what the rules that share it gain."""

import pytest

from mtcheck.text.article import ArticlePair
from mtcheck.text.coreference import coreference
from mtcheck.text.dictionary import is_common_word
from mtcheck.text.fold import fold
from mtcheck.text.name_match import analyse
from mtcheck.text.source_names import NameWords, name_words

# In the style of Indonesian news (Antara, Kompas): one-word names of people and places that are frequent in
# Indonesian text, next to capitalised common words that a translation translates.
SOURCE = (
    "Presiden Prabowo bertemu Gubernur Jawa Barat di Istana Bogor pada Selasa. Prabowo mengatakan Dewan "
    "Keamanan PBB harus bertindak, sementara Kementerian Keuangan menyiapkan dana darurat.\n\n"
    "Banjir merendam ratusan rumah di Depok dan Bekasi. Warga Depok mengungsi ke masjid, kata Haryanto, "
    "seorang ketua RT. Polda Metro Jaya mengerahkan 200 personel ke kota itu."
)
TARGET_EN = (
    "President Prabowo met the Governor of West Java at the Bogor Palace on Tuesday. Prabowo said the UN "
    "Security Council must act, while the Ministry of Finance prepared emergency funds.\n\n"
    "Floods submerged hundreds of homes in Depok and Bekasi. Depok residents took refuge in mosques, said "
    "Haryanto, a neighbourhood head. The Metro Jaya Regional Police deployed 200 officers to the city."
)


@pytest.mark.parametrize("word", ["Keamanan", "Kementerian", "Pemerintahan", "Bangsa-Bangsa", "menyatakan",
                                  "Sebelumnya", "Perekonomian", "Kota", "Timur"])
def test_dictionary_knows_common_words_and_their_derivations(word: str) -> None:
    assert is_common_word(word)


@pytest.mark.parametrize("word", ["Jokowi", "Prabowo", "Haryanto", "Surabaya", "Semarang", "Depok", "Gibran"])
def test_dictionary_does_not_know_indonesian_names(word: str) -> None:
    assert not is_common_word(word)


@pytest.mark.parametrize("lang", ["en", "fr", "zh", "ja", "ar"])
def test_indonesian_names_are_names_in_every_target_language(lang: str) -> None:
    names = NameWords(SOURCE, "", "id", lang, lang in ("en", "fr"))
    for word in ("Prabowo", "Haryanto", "Depok", "Bogor"):
        assert names.is_name(word), (lang, word)
    for word in ("Keamanan", "Kementerian", "Dewan", "Jawa", "Barat", "Polda", "Presiden", "Selasa", "Banjir"):
        assert not names.is_name(word), (lang, word)
    assert "public figure" in (names.why("Prabowo") or "")
    assert "KBBI" in (names.why("Haryanto") or "")
    assert "places" in (names.why("Bogor") or "")


def test_a_word_the_article_writes_in_lower_case_is_no_name() -> None:
    # "Dana" is a given name (nomquamgender), and "kata Dana" would make it a person's; here the article
    # also writes "dana" (funds), so the capitalised one opens a sentence or a heading.
    text = "Dana itu cair pekan lalu. Pemerintah menyalurkan dana bantuan ke desa, kata Dana."
    assert not NameWords(text, "", "id", "en", True).is_name("Dana")
    assert NameWords("Pemerintah menyalurkan bantuan ke desa, kata Dana.", "", "id", "en", True).is_name("Dana")


def test_given_names_need_the_article_to_use_them_for_a_person() -> None:
    # Jaya and Raya are frequent given names in the name table, and common words of place names.
    text = "Polda Metro Jaya menutup Jalan Raya Bogor. Ibu Dewi hadir di lokasi."
    names = NameWords(text, "", "id", "zh", False)
    assert not names.is_name("Jaya") and not names.is_name("Raya")
    assert names.is_name("Dewi") and "given name" in (names.why("Dewi") or "")


def test_a_latin_translation_that_keeps_a_common_word_makes_it_a_name() -> None:
    text = "Upacara digelar di Istana Merdeka pada Senin."
    assert not NameWords(text, "The ceremony was held at the Independence Palace on Monday.", "id", "en",
                         True).is_name("Merdeka")
    assert NameWords(text, "The ceremony was held at the Merdeka Palace on Monday.", "id", "en",
                     True).is_name("Merdeka")
    # Folded: a French target writes accents the Indonesian source does not.
    assert NameWords("Ia terbang ke Taiwan.", "Il s'est envolé vers Taïwan.", "id", "fr", True).is_name("Taiwan")


def test_the_analysis_is_computed_once_per_article_and_feeds_find_people() -> None:
    pair = ArticlePair(SOURCE, TARGET_EN, "en")
    assert name_words(pair) is name_words(pair)
    people = {p.name: p for p in analyse(pair).people}
    assert "Haryanto" in people and "Prabowo" in people  # single words, frequent in Indonesian
    assert not {"Dewan", "Keamanan", "Kementerian", "Keuangan", "Polda"} & set(" ".join(people).split())


def test_a_royal_title_is_no_part_of_the_name() -> None:
    # Sultan is a title like Raja and Ratu: in the name it made 苏丹 (also Sudan) in a Chinese target look
    # like a rendering of the person's own name, a major MT208 finding on a clean translation.
    source = "Sultan Hamengku Buwono X mengatakan bahwa dia akan hadir dalam upacara itu."
    target = "Sultan Hamengku Buwono X said that he would attend the ceremony."
    (person,) = analyse(ArticlePair(source, target, "en")).people
    assert (person.name, person.title) == ("Hamengku Buwono X", "Sultan")
    (ref,) = [r for r in coreference(ArticlePair(source, target, "en")).refs if r.text == "dia"]
    assert ref.person is not None and ref.person.gender() == "m"  # a man's title (gender_cues.toml)


def test_a_one_word_person_is_a_referent_of_the_pronouns() -> None:
    source = "Yanti mengatakan pasar itu akan direnovasi. Ia menambahkan bahwa pedagang akan dipindahkan."
    target = "Yanti said the market would be renovated. She added that traders would be relocated."
    coref = coreference(ArticlePair(source, target, "en"))
    (ref,) = [r for r in coref.refs if r.text == "Ia"]
    assert ref.person is not None and ref.person.name == "Yanti" and ref.person.gender() == "f"


def test_fold() -> None:
    assert fold("Taïwan") == "taiwan" and fold("L’Oréal") == "l'oreal" and fold("Rutte") == "rutte"


def test_personal_patterns_match_as_the_plain_alternations() -> None:
    """The form-of-address and verb-of-saying scans are tries behind a first-letter lookahead: the same
    matches as the plain alternations they replace."""
    import re

    from mtcheck.text import source_names as sn

    data = sn._third_person()
    before = "|".join(re.escape(w) for w in (*sn._address(), *data.get("speech_stems", ()), "menurut"))
    after = "|".join(data.get("speech_verbs", ()))
    plain = (re.compile(rf"(?<![\w'’-])(?i:{before})\s+([A-Z][\w'’-]*)"),
             re.compile(rf"(?<![\w'’-])([A-Z][\w'’-]*)(?:,[^,.;:\"“”\n]{{1,80}},)?\s+(?i:{after})\b"))
    texts = [SOURCE, "Pak  Budi dan BU Ani; kata Dewi. Yanti, warga Kelurahan Beji, mengatakan banjir itu.",
             "Bapak-bapak, bapak Joko, xPak Budi, Menurut Rudi, Dewi Menyatakan, Tn. Ali, tn Ali, ’Pak Ali"]
    for old, new in zip(plain, sn._personal()):
        for text in texts:
            assert new.findall(text) == old.findall(text)
    assert sn._personal()[0].findall(texts[1]) == ["Budi", "Ani", "Dewi"]


def test_a_given_name_opening_a_sentence_stays_in_the_name() -> None:
    # Siti and Dewi are KBBI words (earth, goddess): capitalised at a sentence start, they read as common
    # words, and the name lost its given name and the pronouns its gender.
    def people(source: str) -> list[str]:
        return [p.name for p in analyse(ArticlePair(source, "", "en")).people]

    assert people("Siti Nurhaliza mengatakan bahwa ia akan tampil di Jakarta.") == ["Siti Nurhaliza"]
    assert people("Konser itu ditunda. Budi Gunadi Sadikin menjelaskan alasannya.") == ["Budi Gunadi Sadikin"]
    assert people("Dewi menjelaskan bahwa ia sudah melapor ke polisi.") == ["Dewi"]
    # No verb of saying after it, no name word: a common word ("Dewi" of a temple's name is not a person).
    assert people("Dewi kesuburan dipuja di candi itu.") == []
    # A given name of no gender (Jalan, 993 bearers in the table) is a street; a word the article writes in
    # lower case (indah, beautiful) is the common word.
    assert "Jalan Sudirman" not in people("Jalan Sudirman ditutup pada Minggu pagi.")
    assert all("Indah" not in name for name in people(
        "Indah Permatasari hadir di acara itu. Suasana malam itu sangat indah."))
    # Words the name table also counts as given names, read as words: a pronoun before a verb of saying
    # (Saya, "I": 1,933 bearers, "female"), a noun before an acronym (NTREX scotsman.133773: "Staf NHS").
    assert people("Saya mengatakan bahwa rencana itu sudah matang.") == []
    assert "Staf NHS" not in people("Staf NHS bekerja keras selama musim dingin.")


@pytest.mark.parametrize("lang", ["en", "ar", "zh"])
def test_an_affixed_word_opening_a_sentence_is_no_name(lang: str) -> None:
    # Real FLORES/TICO sentences: Menyetrika (ironing), Berperahu (boating), Penapisan (screening) open them,
    # capitalised only there; find_people had listed them as people, MT201 then looked for them.
    source = ("Menyetrika pakaian lembap bisa membantunya cepat kering. Berperahu di danau itu dilarang. "
              "Penapisan dilakukan di bandara.")
    target = {"en": "Ironing damp clothes can help them dry. Boating on the lake is banned. Screening is done "
                    "at the airport.",
              "ar": "كي الملابس الرطبة يساعدها على الجفاف.",
              "zh": "熨烫潮湿的衣服可以帮助它们快速干燥。"}[lang]
    pair = ArticlePair(source, target, lang)
    assert [p.name for p in analyse(pair).people] == []
    # A name stays one: named mid-sentence, as a speaker, or kept by a Latin translation.
    pair = ArticlePair("Pesik menjelaskan bahwa ia pergi. Kami bertemu Dimas kemarin.",
                       "Pesik explained that he left. We met Dimas yesterday.", "en")
    assert {"Pesik", "Dimas"} <= {p.name for p in analyse(pair).people}
    pair = ArticlePair("Berliana tiba di Jakarta.", "Berliana arrived in Jakarta.", "en")
    assert "Berliana" in {p.name for p in analyse(pair).people}
