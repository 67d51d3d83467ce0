"""scripts/inject.py swaps persons' pronouns only: in Arabic not a word whose gender a noun beside it in its own
clause sets (a verb of saying followed by its own subject, the copula هو/هي, a relative clause's resumptive
clitic), in French not an intensifier set beside its noun ("La grotte elle-même"). The rows are the dev half's
(NTREX-128, FLORES-200) that round 12 read by hand; each kind has its person's counterpart, which must still
be swapped."""

from __future__ import annotations

import random
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
import inject

# NTREX-128 bbc.381692/1107: "he and his brother" (a person's هو and clitic), and "the parade which the band
# led" (قادته: the parade's resumptive clitic).
VANN = ("Dia dan saudaranya Dr James Vann juga meletakkan karangan bunga setelah parade, yang dipimpin oleh "
        "Brentwood Imperial Youth Band.",
        "قام هو وشقيقه الدكتور جيمس فان أيضًا بوضع إكليل من الزهور بعد الاستعراض العسكري الذي قادته فرقةthe "
        "Brentwood Imperial Youth.")
# The same article: قال with its own subject (Michael Vann); إنه and له are his; يقدمه is the support's.
MICHAEL = ("Michael Vann mengatakan dia \"merasa sangat tersanjung ikut berperan dalam parade ini\" dan menambahkan "
           "\"keberanian seorang pahlawan sejati sedang ditunjukkan dengan dukungan yang akan diberikan oleh banyak "
           "orang.\"",
           "قال مايكل فان إنه \"يشعر بالفخر الشديد للعب دور في الاستعراض\" وأضاف: \"تتجلى شجاعة البطل الحقيقي في "
           "الدعم الذي يقدمه له الكثير من الناس\".")
# NTREX-128 newsweek.51339/1610: "punishable by it" (the charges), after a relative and a masculine verb.
CHARGES = ("Selain itu, dia juga didakwa dengan tuntutan pidana Kelas B, dengan hukuman satu hari penjara dan denda "
           "sebesar $ 2.000.",
           "وقد وُجهت إليه تهم إضافية بارتكاب جنح من الفئة \"ب\"، والتي يُعاقب عليها بالسجن ليوم واحد والتغريم "
           "بقيمة 2,000 دولار.")
# NTREX-128 cbsnews.248387/0257: "the police said" (the verb agrees with الشرطة), "that he confessed" (أنه).
POLICE = ("Setelah menginterogasi Simpson, polisi mengatakan bahwa dia mengaku telah melakukan penembakan fatal "
          "terhadap Wayde.",
          "وذكرت الشرطة، بعد استجواب سيمبسون، أنه اعترف بإطلاق النار على وايد حتى الموت.")
# NTREX-128 cnn.304478/1021, shortened: "he was arrested" (عليه), "according to what Dan Bennett said" (ذكره).
BENNETT = ("Dia ditangkap pada hari Senin di Wasilla, Alaska, menurut Dan Bennett, juru bicara Departemen Kepolisian "
           "Wasilla.",
           "قُبض عليه يوم الاثنين في واسيلا، ألاسكا، وفقًا لما ذكره دان بينيت، المتحدث باسم إدارة شرطة واسيلا.")
# NTREX-128 cnn.304489/0383: "the vote for Judge Kavanaugh is a vote" (the copula), "and he is a jurist" (وهو).
KAVANAUGH = ("“Satu suara dukungan bagi Hakim Kavanaugh adalah suara untuk memperteguh seseorang yang memiliki "
             "pemikiran hukum yang paling sempurna pada masa kita,” dia mengatakan pada kerumunan pendukung West "
             "Virginia.",
             "\"وأخبر الحشد من مؤيدي فيرجينيا الغربية أن \"التصويت للموافقة على القاضي كافانو هو تصويت للموافقة على "
             "أحد أبرع أصحاب العقول القانونية في وقتنا، وهو فقيه قانوني لديه سجل ممتاز في الخدمة العامة.")
# FLORES-200 wikibooks/0459: the cave's intensifier; the row before has Muhammad's "Il".
CAVE = ("ia mengurung diri, yang bertahan melintasi waktu, memberikan gambaran yang sangat hidup tentang "
        "kecenderungan spritual Muhammad.",
        "La grotte elle-même, qui a survécu à l’époque, donne une image très vivante des penchants spirituels de "
        "Muhammad.")


@pytest.fixture
def lang(request: pytest.FixtureRequest) -> Iterator[str]:
    saved = getattr(inject, "P", None)
    inject.P = inject.profile(request.param)
    yield request.param
    inject.P = saved


def swapped_words(injector: Callable, src: str, tgt: str, seeds: int = 30) -> set[str]:
    """The clean target's words that `injector` swaps in any of `seeds` draws."""
    out = set()
    for seed in range(seeds):
        result = injector(src, tgt, random.Random(seed))
        if result is not None:
            a, _b = result[1]
            out.add(re.match(r"\w+", tgt[a:]).group())
    return out


@pytest.mark.parametrize("lang", ["ar"], indirect=True)
def test_a_resumptive_clitic_is_not_swapped(lang: str) -> None:
    assert swapped_words(inject.inject_ar_host_clitic, *VANN) == {"وشقيقه"}  # not قادته, the parade's
    assert inject.inject_ar_clitic(*CHARGES, random.Random(1)) is None  # عليها: the charges
    assert swapped_words(inject.inject_ar_host_clitic, *BENNETT) == set()  # ذكره: what Bennett said
    assert swapped_words(inject.inject_ar_clitic, *BENNETT) == {"عليه"}  # he was arrested


@pytest.mark.parametrize("lang", ["ar"], indirect=True)
def test_only_the_first_clitic_of_a_relative_clause_is_its_resumptive(lang: str) -> None:
    # الدعم الذي يقدمه له: يقدمه is the support's, له (to him) the hero's
    assert "يقدمه" not in swapped_words(inject.inject_ar_host_clitic, *MICHAEL)
    assert swapped_words(inject.inject_ar_clitic, *MICHAEL) == {"إنه", "له"}


@pytest.mark.parametrize("lang", ["ar"], indirect=True)
def test_a_verb_followed_by_its_own_subject_is_not_swapped(lang: str) -> None:
    assert inject.inject_pronoun(*POLICE, random.Random(1)) is None  # وذكرت الشرطة
    assert swapped_words(inject.inject_ar_clitic, *POLICE) == {"أنه"}
    # A name after the verb is a person whose gender the verb states: "قال مايكل فان" stays a site.
    assert swapped_words(inject.inject_pronoun, *MICHAEL) == {"قال", "وأضاف"}
    src, tgt = MICHAEL
    sites = {m.group(): inject._persons_site(src, tgt, m) for m in inject._pronoun_sites(tgt)}
    assert sites == {"قال": True, "وأضاف": True}


@pytest.mark.parametrize("lang", ["ar"], indirect=True)
@pytest.mark.parametrize(("tgt", "persons"), [
    ("قام هو وشقيقه الدكتور جيمس فان أيضًا بوضع إكليل من الزهور", True),  # after its verb: he and his brother
    ("هو حث البلاد النامية \"على تجنب الطريق القديم\"", True),  # opening its clause: he urged
    ("وقال إنه لا يعرف، لكن هي قالت إنها تعرف.", True),  # after a particle
    (KAVANAUGH[1], False),  # التصويت ... هو تصويت: the vote is a vote
    ("وأضاف أن عاصمة ساموا هي مدينة أبيا.", False),
])
def test_the_copula_is_no_persons_pronoun(lang: str, tgt: str, persons: bool) -> None:
    sites = [m for m in inject._pronoun_sites(tgt) if m.group() in ("هو", "هي")]
    assert sites and all(inject._persons_site("Dia berkata.", tgt, m) is persons for m in sites)


@pytest.mark.parametrize("lang", ["ar"], indirect=True)
@pytest.mark.parametrize("tgt", ["وقال: \"لن نتراجع\".", "وقال إن الحكومة ستتحرك.", "وقالت للصحفيين إنها ستعود.",
                                 "وأشار إلى أن كيم مهتم.", "وقال أيضًا إن الوضع صعب.", "وأضافت قائلة إنها سعيدة."])
def test_a_verb_whose_subject_is_dropped_is_still_swapped(lang: str, tgt: str) -> None:
    verb = inject._pronoun_sites(tgt)[0]
    assert inject._persons_site("Dia mengatakan.", tgt, verb)


@pytest.mark.parametrize("lang", ["ar"], indirect=True)
def test_every_pronoun_variant_leaves_the_same_sites_out(lang: str) -> None:
    result = inject.inject_all_pronouns([POLICE[0], VANN[0]], [POLICE[1], VANN[1]], random.Random(1))
    assert result is not None
    _rows, _spans, clean_spans, _detail = result
    assert clean_spans == [(1, (4, 6))]  # قام هو, not وذكرت الشرطة


@pytest.mark.parametrize("lang", ["fr"], indirect=True)
def test_a_things_intensifier_is_no_persons_swap(lang: str) -> None:
    assert inject.inject_pronoun(*CAVE, random.Random(1)) is None


@pytest.mark.parametrize("lang", ["fr"], indirect=True)
@pytest.mark.parametrize(("tgt", "apposed"), [
    ("La grotte elle-même, qui a survécu, donne une image.", True),
    ("La ministre elle-même a parlé.", True),  # agrees with "ministre", beside it
    ("Elle-même a dit qu’elle viendrait.", False),
    ("Selon le rapport, Merkel elle-même a parlé.", False),  # a person's name: her gender, a site
    ("Mais elle-même ne le savait pas.", False),
    ("Il le fait pour lui-même.", False),  # after a preposition
    ("Elle l’a elle-même écrit.", False),  # after its auxiliary
])
def test_an_intensifier_beside_its_noun(lang: str, tgt: str, apposed: bool) -> None:
    m = next(m for m in inject._pronoun_sites(tgt) if tgt.startswith("-même", m.end()))
    assert inject._fr_apposed(tgt, m) is apposed


# (ar) A subject's clitic or هو/هي swapped with the verb of its clause (round 15): a real MT that calls Simpson
# "she" writes "أنها اعترفت", never "أنها اعترف".
@pytest.mark.parametrize("lang", ["ar"], indirect=True)
def test_a_subject_clitic_is_swapped_with_its_verb(lang: str) -> None:
    new, span, detail = inject.inject_ar_clitic(*POLICE, random.Random(1))
    assert new == "وذكرت الشرطة، بعد استجواب سيمبسون، أنها اعترفت بإطلاق النار على وايد حتى الموت."
    assert new[span[0]:span[1]] == "أنها"  # the label stays on the clitic
    assert detail == "أنه -> أنها (اعترف -> اعترفت)"


@pytest.mark.parametrize("lang", ["ar"], indirect=True)
@pytest.mark.parametrize(("tgt", "swapped"), [
    ("وقال إنه لم يكن يعلم بذلك.", "وقال إنها لم تكن تعلم بذلك."),  # a particle, كان's kin and its verb
    ("وقال إنه سيفوز في الانتخابات.", "وقال إنها ستفوز في الانتخابات."),  # the future's س
    ("وقالت إنها دعت إلى الهدوء.", "وقالت إنه دعا إلى الهدوء."),  # a defective verb, feminine to masculine
    ("وقالت إنها كانت تعمل هناك.", "وقالت إنه كان يعمل هناك."),
    ("وقال إنه رئيس الحزب.", "وقال إنها رئيس الحزب."),  # a noun after it: nothing else to flip
    ("وقال إنه يوم الاثنين سيعود.", "وقال إنها يوم الاثنين سيعود."),  # يوم (day) is no verb (توم: Tom)
    ("وأكد أنه على حق.", "وأكد أنها على حق."),  # على (on) is no verb (علت: it rose); FLORES wikibooks/0623
])
def test_the_verb_after_a_complementisers_clitic_agrees(lang: str, tgt: str, swapped: str) -> None:
    assert len(list(inject._AR_CLITIC.finditer(tgt))) == 1  # the complementiser's clitic is the only site
    new, _span, _detail = inject.inject_ar_clitic("Dia mengatakan Budi pergi.", tgt, random.Random(0))
    assert new == swapped


@pytest.mark.parametrize("lang", ["ar"], indirect=True)
def test_a_prepositions_clitic_leaves_the_next_verb_alone(lang: str) -> None:
    # له is an object ("told him"): the verb after it has its own subject
    tgt = "وقال له يعمل الفريق بجد."
    new, _span, _detail = inject.inject_ar_clitic("Dia mengatakan Budi pergi.", tgt, random.Random(0))
    assert new == "وقال لها يعمل الفريق بجد."


@pytest.mark.parametrize("lang", ["ar"], indirect=True)
def test_a_subject_pronoun_is_swapped_with_its_verb(lang: str) -> None:
    tgt = "لكن هو حذر من الطريق القديم."
    new, span, detail = inject._swap_one(tgt, inject._pronoun_sites(tgt)[0])
    assert new == "لكن هي حذرت من الطريق القديم." and new[span[0]:span[1]] == "هي"
    assert detail == "هو -> هي (حذر -> حذرت)"
    # a verb of two letters is left as it is: by its paradigm أن/أنت and ما/مات would be verbs too
    tgt = "هو حث البلاد النامية \"على تجنب الطريق القديم\""
    assert inject._swap_one(tgt, inject._pronoun_sites(tgt)[0])[0].startswith("هي حث البلاد")
    # "قام هو وشقيقه": no verb after the pronoun, nothing else changes
    _src, vann = VANN
    m = next(m for m in inject._pronoun_sites(vann) if m.group() == "هو")
    assert inject._swap_one(vann, m)[0] == vann.replace("قام هو", "قام هي")
