"""Entities, people and pronoun links: the analyses the MT2xx and MT3xx rules share."""

from pathlib import Path

import pytest

from mtcheck.config import Settings, apply_table, load_settings
from mtcheck.engine import check_pair
from mtcheck.errors import InputError
from mtcheck.text.article import ArticlePair
from mtcheck.text.entities import find_mentions, find_people, gazetteer
from mtcheck.text.pronouns import FIXED, analyse_pronouns


def _people(text: str) -> dict[str, str | None]:
    g = gazetteer("en")
    return {p.name: p.title for p in find_people(text, find_mentions(text, g))}


def test_titles_gazetteer_words_and_particles_are_cut_from_names() -> None:
    people = _people("Presiden Ukraina Volodymyr Zelensky bertemu Putra Mahkota Mohammed bin Salman di Riyadh. "
                     "Namun Sekjen NATO Mark Rutte tidak hadir.")
    assert people["Volodymyr Zelensky"] == "Presiden"
    assert "Mohammed bin Salman" in people
    assert people["Mark Rutte"] == "Sekjen"
    assert "Namun" not in " ".join(people)  # a capitalised sentence opener is no name


def test_surname_mentions_join_the_full_name() -> None:
    text = "Sekjen NATO Mark Rutte tiba di Kyiv. Rutte bertemu Zelensky."
    g = gazetteer("en")
    (rutte,) = [p for p in find_people(text, find_mentions(text, g)) if p.surname == "Rutte"]
    assert rutte.name == "Mark Rutte" and len(rutte.spans) == 2


def test_a_middle_initial_is_part_of_the_name() -> None:
    # Cut at the initial's full stop, the person was "Lyndon B", and a later "Johnson" was someone else.
    text = ("Presiden Lyndon B. Johnson menandatangani undang-undang itu setelah kematian John F. Kennedy. "
            "Johnson mengatakan bahwa dia tidak akan mundur.")
    g = gazetteer("en")
    people = {p.name: p for p in find_people(text, find_mentions(text, g))}
    assert set(people) == {"Lyndon B. Johnson", "John F. Kennedy"}
    assert people["Lyndon B. Johnson"].title == "Presiden" and len(people["Lyndon B. Johnson"].spans) == 2
    # A grade or group letter ending a sentence does not join the next sentence's first word to a name.
    assert _people("Indonesia masuk Grup A. Dia mengatakan timnya siap.") == {}


def test_gazetteer_renderings_from_cldr_and_data() -> None:
    g = gazetteer("en")
    assert g.by_form["Belanda"].renderings[0] == "Netherlands" and "Dutch" in g.by_form["Belanda"].renderings
    assert g.by_form["Komdigi"].preferred == "Ministry of Communication and Digital Affairs"
    assert g.by_form["Kamis"].renderings == ("Thursday",)
    assert g.same_name("Zelensky", "Zelenskyy") and not g.same_name("Zelensky", "Rutte")


def test_user_glossary_inline_and_tsv(tmp_path: Path) -> None:
    # "Dinas Kominfo" is a city's office, not the ministry the shipped glossary knows as "Kominfo".
    source = "Dinas Kominfo Kota Bandung menutup situs itu."
    wrong = "The Bandung Office of Trade closed the site."

    def suggestions(settings: Settings) -> list[str | None]:
        return [f.suggestion for f in check_pair(source, wrong, settings, target_lang="en").findings
                if f.code == "MT204"]

    assert suggestions(Settings()) == ["Ministry of Communication and Information Technology"]
    table = {"glossary": {"en": {"Dinas Kominfo": "Communication and Informatics Office|Diskominfo"}}}
    assert suggestions(apply_table(Settings(), table, "test")) == ["Communication and Informatics Office"]
    (tmp_path / "terms.tsv").write_text("id\ten\tkind\nDinas Kominfo\tCommunication and Informatics Office\t"
                                        "agency\n", encoding="utf-8")
    (tmp_path / "mtcheck.toml").write_text('glossary = "terms.tsv"\n', encoding="utf-8")
    loaded = load_settings(tmp_path / "mtcheck.toml")
    assert loaded.glossary == (("Dinas Kominfo", "en", "Communication and Informatics Office", "agency"),)
    assert suggestions(loaded) == ["Communication and Informatics Office"]


def test_bad_glossary_is_an_input_error(tmp_path: Path) -> None:
    (tmp_path / "terms.tsv").write_text("source\ten\nx\ty\n", encoding="utf-8")
    with pytest.raises(InputError, match="header"):
        apply_table(Settings(), {"glossary": str(tmp_path / "terms.tsv")}, str(tmp_path / "mtcheck.toml"))


def test_pronoun_links_and_evidence() -> None:
    source = ("Sekjen NATO Mark Rutte tiba di Kyiv. Presiden Zelensky mengatakan ia senang.\n\n"
              "Dalam peran barunya, Rutte menghadapi banyak tantangan.")
    target = ("NATO Secretary General Mark Rutte arrived in Kyiv. President Zelensky said he was pleased.\n\n"
              "In her new role, Rutte faces many challenges.")
    a = analyse_pronouns(ArticlePair(source, target, "en"))
    links = {(target[x.pronoun.start:x.pronoun.end], x.referent.person.surname, x.source_ref.text,
              x.target_link[1], x.agree) for x in a.links}
    # Both paths: the source form each pronoun renders, and linking in the translation; they agree.
    assert links == {("he", "Zelensky", "ia", "same sentence", True),
                     ("her", "Rutte", "barunya", "cataphora", True)}
    rutte = next(r for r in a.referents if r.person.surname == "Rutte")
    assert rutte.gender(kinds=FIXED) == "m"  # given name Mark


def test_indonesian_cities_have_renderings_with_their_source() -> None:
    """Issue 18, round 5: the Indonesian cities and regencies of glossary/places.tsv carry zh/ja/ar
    renderings, each row saying where they come from (`source`), and the gazetteer uses them."""
    from mtcheck.lang.base import data_tsv

    rows = [r for r in data_tsv("glossary", "places.tsv") if r.get("source")]
    assert len(rows) >= 110
    assert {r["source"] for r in rows} <= {"corpus", "unverified"}
    assert all(r["ja"] for r in rows) and sum(bool(r["zh"]) for r in rows) >= 105
    assert "パル" in gazetteer("ja").by_form["Palu"].renderings
    assert "勿加泗" in gazetteer("zh").by_form["Bekasi"].renderings
    assert not gazetteer("ar").by_form["Sleman"].renderings  # سليمان is the name Suleiman
