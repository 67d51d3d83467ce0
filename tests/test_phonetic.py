"""The phonetic distance between a Latin name and its transliteration (mtcheck/text/phonetic.py)."""

import pytest

from mtcheck.text.phonetic import GARBLED, rendering_cost
from mtcheck.text.transliterate import scored_names


@pytest.mark.parametrize(("name", "rendering"), [
    # Xinhua writes an m before b or p with the nasal final pinyin has (n or ng)
    ("Trump", "特朗普"), ("Campbell", "坎贝尔"), ("Simpson", "辛普森"), ("Colombia", "哥伦比亚"),
    ("Zimbabwe", "津巴布韦"), ("Gambia", "冈比亚"),
    # an English initial th is a t
    ("Thompson", "汤普森"), ("Thomas", "托马斯"),
    # a glide syllable the name's w, y, v or j explains, or a vowel after a vowel (round 8)
    ("Doyle", "多伊尔"), ("Bowie", "鲍伊"), ("Lewis", "刘易斯"), ("Ivan", "伊万"), ("Bolivia", "玻利维亚"),
    ("Havel", "哈维尔"), ("Jakob", "雅各布"), ("Noah", "诺亚"), ("Kanye", "坎耶"), ("Warren", "沃伦"),
    # a v before a vowel may still be an f
    ("Oliver", "奥利弗"), ("Dover", "多佛"),
])
def test_regular_chinese_renderings_cost_less_than_a_consonant(name: str, rendering: str) -> None:
    assert rendering_cost(name, rendering, "zh") < GARBLED


@pytest.mark.parametrize(("name", "garble"), [
    ("Trump", "特朗晋"), ("Thompson", "汤普林"), ("Campbell", "坎贝勒斯"),
    # a glide syllable added or swapped in, which the skeleton reads as a vowel (round 8)
    ("Sonora", "索维诺拉"), ("Gama", "雅马"), ("Uppsala", "乌普萨雅"),
])
def test_chinese_garbles_cost_a_consonant(name: str, garble: str) -> None:
    assert rendering_cost(name, garble, "zh") >= GARBLED


def test_initial_th_name_is_found_from_its_t() -> None:
    text = "歌手莎拉·汤普森说"
    found = {(text[s.start:s.end], n) for _, s, n in scored_names(text, ["Thompson"], "zh", 0.8)}
    assert ("汤普森", "Thompson") in found


@pytest.mark.parametrize(("name", "rendering", "garble"), [
    # Arabic writes a doubled consonant once; a letter twice in a row is a garble the skeleton squeezes away
    ("Manatee", "ماناتي", "ممناتي"), ("Simpsons", "سمبسنز", "سمبسنزز"),
])
def test_an_arabic_letter_doubled_costs_a_consonant(name: str, rendering: str, garble: str) -> None:
    assert rendering_cost(name, rendering, "ar") < GARBLED <= rendering_cost(name, garble, "ar")


@pytest.mark.parametrize(("name", "rendering"), [("Pelley", "بيللي"), ("Bishkek", "بيشكك")])
def test_an_arabic_letter_the_name_doubles_is_regular(name: str, rendering: str) -> None:
    # ll in the name; k and k with only a vowel between, which Arabic leaves unwritten (clean NTREX/FLORES)
    assert rendering_cost(name, rendering, "ar") < GARBLED


def test_a_japanese_b_is_silent_only_after_m() -> None:
    assert rendering_cost("Lamb", "ラム", "ja") < GARBLED
    assert rendering_cost("Brett", "ブレット", "ja") < GARBLED <= rendering_cost("Brett", "レット", "ja")


@pytest.mark.parametrize(("name", "rendering"), [("Emil", "埃米尔"), ("Dardak", "达尔达克"), ("Michael", "迈克尔")])
def test_chinese_er_is_found_as_the_names_l_or_r(name: str, rendering: str) -> None:
    # 尔 writes a coda l or r; read as r it matched neither (the source's r is compared as l)
    text = f"副省长{rendering}说"
    assert {n for _, _, n in scored_names(text, [name], "zh", 0.8)} == {name}


def test_kavanaugh_is_found_in_japanese() -> None:
    text = "ブレット・カバノー氏は否定した"
    assert {n for _, _, n in scored_names(text, ["Brett", "Kavanaugh"], "ja", 0.8)} == {"Brett", "Kavanaugh"}


def test_a_glide_syllable_never_makes_a_second_unexplained_consonant() -> None:
    # 拉维恩 (Laverne, in an NTREX article naming a Lauren too): 恩 and 维 are both unexplained by Lauren, but
    # a glide is weak evidence (Xinhua writes 维 for a w the spelling hides): one consonant, a minor finding
    assert GARBLED <= rendering_cost("Lauren", "拉维恩", "zh") < 2 * GARBLED
    # while a glide in place of a consonant still adds to it (雅马 for 伽马, Gama)
    assert rendering_cost("Gama", "雅马", "zh") >= 2 * GARBLED


@pytest.mark.parametrize(("name", "rendering", "garble"), [
    ("Elin", "エリン", "ヤリン"),  # NTREX bbc.381790, garbled by scripts/inject.py (dev half)
    ("Hale", "ヘイル", "ヘヨル"),  # FLORES wikinews/0245
    ("Devonport", "デボンポート", "デボンヤポート"),  # FLORES wikinews/0072
    ("Kavanaugh", "カバノー", "カバンノー"),  # NTREX cnn.304489: ンノ is a doubled n
])
def test_a_japanese_glide_or_doubled_n_the_name_lacks_costs_a_consonant(name: str, rendering: str,
                                                                        garble: str) -> None:
    assert rendering_cost(name, rendering, "ja") < GARBLED <= rendering_cost(name, garble, "ja")


@pytest.mark.parametrize(("name", "rendering"), [
    ("Oiapoque", "オヤポク"), ("Holyoke", "ホリヨーク"), ("Mayotte", "マヨット"), ("Anna", "アンナ"),
    ("Kundalini", "クンダリーニヨガ"),  # ヨ of ヨガ (yoga): the rest of a compound, judged apart
])
def test_japanese_glides_and_doubled_n_the_name_explains_are_regular(name: str, rendering: str) -> None:
    assert rendering_cost(name, rendering, "ja") < GARBLED


@pytest.mark.parametrize(("name", "rendering", "garble"), [
    # a letter foreign names are not written with, which the skeleton reads as a cheap h or z, or as nothing
    # (round 10; renderings from the clean FLORES/NTREX translations, garbles as scripts/inject.py makes them)
    ("Veguilla", "فيغويلا", "حيغويعلا"), ("Dionisio", "ديونيسيو", "دونيظيو"), ("Soviet", "سوفييتي", "سوفييثتي"),
    ("Spiteri", "سبيتيري", "سبيظيري"),
])
def test_an_arabic_letter_the_name_does_not_explain_costs_a_consonant(name: str, rendering: str, garble: str) -> None:
    assert rendering_cost(name, rendering, "ar") < GARBLED <= rendering_cost(name, garble, "ar")


@pytest.mark.parametrize(("name", "rendering"), [
    # the same letters where the name has the sound: th (clean dev renderings), an Arabic name's h, its vowel
    # at the start or a hiatus for ع
    ("Southern", "ساوثرن"), ("Macbeth", "ماكبث"), ("Khandelwal", "خانديلوال"), ("Muhammad", "محمد"),
    ("Hasan", "حسن"), ("Umar", "عمر"), ("Ismail", "إسماعيل"),
])
def test_an_arabic_letter_the_name_explains_is_regular(name: str, rendering: str) -> None:
    assert rendering_cost(name, rendering, "ar") < GARBLED


def test_an_arabic_word_glued_to_a_name_is_no_part_of_its_rendering() -> None:
    # فريمان + عضوة ("member"), the space left out in the corpus (NTREX scotsman.133783); a garble's added
    # letters make no common word of three letters
    assert rendering_cost("Freeman", "فريمانعضوة", "ar") < GARBLED
    assert rendering_cost("Freeman", "فريمانع", "ar") >= GARBLED


@pytest.mark.parametrize("garble", ["ドラヴィッ", "ランタカーニハュ", "イッン", "ユュレール", "ーベル"])
def test_a_katakana_sequence_no_word_has_is_counted(garble: str) -> None:
    # a small ッ before no consonant, a small ュ after a kana outside the i row, a word starting with ー
    # (garbles of the dev half, round 10)
    from mtcheck.text.phonetic import impossible_kana

    assert impossible_kana(garble) == 1


@pytest.mark.parametrize("word", ["ドラヴィッド", "ヒューストン", "デュエット", "フュージョン", "ウィリアム",
                                  "ベッカム", "ンゴロンゴロ", "チェーン", "ショッピング"])
def test_katakana_spellings_of_real_words_are_possible(word: str) -> None:
    from mtcheck.text.phonetic import impossible_kana

    assert impossible_kana(word) == 0


def test_a_kana_twice_in_a_row_costs_a_consonant_unless_the_name_has_it_twice() -> None:
    # プリトトヴィッツェ: a ト added beside ト (dev half, seed 4); the skeleton squeezes t-t to one t
    assert rendering_cost("Plitvice", "プリトヴィッツェ", "ja") < GARBLED
    assert rendering_cost("Plitvice", "プリトトヴィッツェ", "ja") >= GARBLED
    assert rendering_cost("Coco", "ココ", "ja") < GARBLED  # the name's own consonant twice
    assert rendering_cost("Cacao", "カカオ", "ja") < GARBLED



def _sound_threshold(lang: str) -> float:
    from mtcheck.lang.base import data_toml

    return float(data_toml(lang, "transliteration.toml")["thresholds"]["sound"])


@pytest.mark.parametrize(("name", "clean", "garble"), [
    # garbles of the dev half (seed 1, round 12) regular in their consonants: ق for k, ظ for z with ا for i
    ("Holyoke", "هوليوك", "هوليوق"), ("Giza", "جيزة", "جاظة"),
])
def test_the_sound_judge_sees_the_vowels_and_letters_a_skeleton_folds(name: str, clean: str, garble: str) -> None:
    from mtcheck.text.phonetic import sound_cost

    assert rendering_cost(name, garble, "ar") < GARBLED  # the consonant judge reads the garble as regular
    assert sound_cost(name, garble, "ar") >= _sound_threshold("ar")
    assert sound_cost(name, clean, "ar") < _sound_threshold("ar")


@pytest.mark.parametrize(("name", "clean", "garble"), [
    # Japanese's threshold is high (its clean renderings differ in vowels too often), but the costs still
    # rank a garble above the clean rendering: a u for a beside a dropped g, a kana of the row. Round 12,
    # engineer G: ムスココキ for Muskoka (a kana of the row and one added) left out: the table calibrated on
    # more clean renderings prices it 0.4 beside ムスコカ's 0.1 (D's table: over 0.5 apart), under the threshold
    # either way
    ("Zagros", "ザグロス", "ズロス"),
    ("Schengen", "シェンゲンビザ", "シェンゲンビゾ"),
])
def test_the_sound_cost_ranks_a_japanese_garble_above_its_rendering(name: str, clean: str, garble: str) -> None:
    from mtcheck.text.phonetic import sound_cost

    assert sound_cost(name, garble, "ja") > sound_cost(name, clean, "ja") + 0.5


def test_the_japanese_sound_judge_reports_a_dropped_kana() -> None:
    # プトヴィッツェ for Plitvice (dev half, seed 1): the リ dropped. Until round 14 the consonant judge priced
    # it under a garble (0.75: any r, and so the l that Japanese reads as r, was silent); an l starting a
    # syllable is not, and both judges now see it.
    from mtcheck.text.phonetic import sound_cost

    assert rendering_cost("Plitvice", "プトヴィッツェ", "ja") >= GARBLED
    assert sound_cost("Plitvice", "プトヴィッツェ", "ja") >= _sound_threshold("ja")
    assert sound_cost("Plitvice", "プリトヴィッツェ", "ja") < _sound_threshold("ja")


@pytest.mark.parametrize(("name", "rendering"), [
    # edits the Japanese table learnt from more clean renderings (round 12, engineer G: Tatoeba and the names
    # of the en/fr siblings): oo as a long u, the a of Warren as the o of ォ
    ("Dragoon", "ドラグーン"), ("Warren", "ウォレン"),
])
def test_the_japanese_table_prices_edits_of_more_clean_renderings_as_seen(name: str, rendering: str) -> None:
    from mtcheck.text.phonetic import UNSEEN_VOWEL, sound_cost

    assert sound_cost(name, rendering, "ja") < UNSEEN_VOWEL


@pytest.mark.parametrize(("name", "rendering"), [
    # clean renderings: an Arabic word glued to the name (فريمانعضوة), ط for t where the dev renderings write
    # it, o as و
    ("Freeman", "فريمانعضوة"), ("Antoinette", "أنطوانيت"), ("Dayton", "دايتون"), ("Rodríguez", "رودريغيز"),
])
def test_the_sound_judge_lets_clean_renderings_be(name: str, rendering: str) -> None:
    from mtcheck.text.phonetic import sound_cost

    assert sound_cost(name, rendering, "ar") < _sound_threshold("ar")


@pytest.mark.parametrize("garble", ["ヘィル", "ォヤポク"])
def test_a_small_vowel_kana_no_kana_takes_is_impossible(garble: str) -> None:
    # ヘイル (Hale) and オヤポク (Oiapoque) garbled in the dev half (round 12); ティ, ウェ, フォ, イェ are spellings
    from mtcheck.text.phonetic import impossible_kana

    assert impossible_kana(garble) == 1
    assert impossible_kana("ティファニー・ウェスト・フォード・イェーツ") == 0


def test_an_alif_maqsura_before_a_letter_costs_a_consonant() -> None:
    # بيشكك (Bishkek) and سوفيتي (Soviet) garbled in the dev half (round 12): ى ends a word only
    assert rendering_cost("Bishkek", "بىشكوك", "ar") >= GARBLED
    assert rendering_cost("Soviet", "سوفىتي", "ar") >= GARBLED
    assert rendering_cost("Soviet", "سوفيتي", "ar") < GARBLED


def test_a_vowel_kana_before_the_names_first_consonant_costs_a_consonant() -> None:
    # ウリガ for リガ (Riga) and イギザ for ギザ (Giza), dev garbles (round 12); a w is written ウ (ウォレン)
    assert rendering_cost("Riga", "ウリガ", "ja") >= GARBLED
    assert rendering_cost("Giza", "イギザ", "ja") >= GARBLED
    assert rendering_cost("Warren", "ウォレン", "ja") < GARBLED
    assert rendering_cost("Salvador", "エルサルバドル", "ja") < GARBLED  # El Salvador: a compound's part


def test_a_long_mark_before_a_vowel_kana_needs_a_vowel_pair_of_the_name() -> None:
    # ジョンドローイ for Johndroe, ファーイガソン for Ferguson (dev garbles, round 12); ボーイ for Boy is regular
    assert rendering_cost("Johndroe", "ジョンドローイ", "ja") >= GARBLED
    assert rendering_cost("Ferguson", "ファーイガソン", "ja") >= GARBLED
    assert rendering_cost("Boy", "ボーイ", "ja") < GARBLED


@pytest.mark.parametrize(("name", "garble"), [
    # dev half (round 14): a kana whose consonant starts a syllable of the name dropped; `silent` had r and g,
    # so each was a quarter of a consonant (the l that `[latin]` reads as r too)
    ("Rushden", "シュデン"), ("Jeremy", "ジェミー"), ("Holyoke", "ホヨーク"), ("Zagros", "ズロス"),
])
def test_a_japanese_consonant_starting_a_syllable_is_not_silent(name: str, garble: str) -> None:
    assert rendering_cost(name, garble, "ja") >= GARBLED


@pytest.mark.parametrize(("name", "rendering"), [
    # a coda r or l dropped or written, one by one, in clean renderings; a coda ng's g; a Spanish ll as y; an
    # Italian or French gn
    ("Mark", "マーク"), ("Schwarzenegger", "シュワルツェネッガー"), ("Walker", "ウォーカー"), ("Ullman", "ウルマン"),
    ("Kruger", "クルーガー"), ("Washington", "ワシントン"), ("Tornillo", "トルニヨ"), ("Lantagne", "ランターニュ"),
    ("Carter", "カーター"), ("Gerrard", "ジェラード"), ("Charles", "チャールズ"), ("Corbyn", "コービン"),
    ("Moore", "ムーア"), ("Yorkshire", "ヨークシャー"), ("Baltimore", "ボルチモア"),
    ("Ballyhackamore", "バリーハッカモア"), ("Sturridge", "スターリッジ"), ("Cambridge", "ケンブリッジ"),
])
def test_a_japanese_coda_consonant_may_be_dropped_or_written(name: str, rendering: str) -> None:
    assert rendering_cost(name, rendering, "ja") < GARBLED


def test_the_vowel_ranking_drops_a_coda_r_as_the_consonant_judge_does() -> None:
    # クルーガーン beside the known クルーガー (dev half, seed 1): the known spelling must stay nearer the name in
    # vowels, which it was only while any r was silent
    from mtcheck.text.phonetic import vowel_cost

    assert vowel_cost("Kruger", "クルーガー", "ja") < vowel_cost("Kruger", "クルーガーン", "ja")
    assert vowel_cost("Rushden", "シュデン", "ja") > vowel_cost("Rushden", "ラシュデン", "ja") + GARBLED / 2


@pytest.mark.parametrize(("word", "odd"), [
    # injected garbles of the dev half (round 14): a hamza seat or a ta marbuta where no Arabic word has one
    ("ساروجإ", 1), ("سنترآ", 1), ("يإرموث", 1), ("وةان", 1),
    # where words have them: at the start, after a proclitic or the article, a ة at the end
    ("إيران", 0), ("بإيران", 0), ("والإمارات", 0), ("الآن", 0), ("وآخرون", 0), ("مدينة", 0), ("فاينشتاين", 0),
])
def test_arabic_letters_a_word_holds_in_one_place_only(word: str, odd: int) -> None:
    from mtcheck.text.phonetic import impossible_spelling

    assert impossible_spelling(word, "ar") == odd


# (ar, round 16) Long vowel letters judged against the name's Latin vowels on the calibration's alignment: a lone
# vowel written as a letter of another quality (dev-half garbles of the injector: زاغراس for Zagros, شينزي for
# Shinzo, بالون for Palin) costs a whole one, a letter added after one no clean rendering adds it after half; clean
# renderings of the dev half cost nothing, vowel groups (ou of Southern) and a first vowel on its alef included.
@pytest.mark.parametrize(("name", "rendering", "cost"), [
    ("Zagros", "زاغراس", 1.0), ("Shinzo", "شينزي", 1.0), ("Palin", "بالون", 1.0), ("Bafokeng", "بافاكينج", 1.0),
    ("Bishkek", "بويشكك", 0.5),
    ("Zagros", "زاغروس", 0.0), ("Shinzo", "شينزو", 0.0), ("Palin", "بالين", 0.0), ("Bafokeng", "بافوكينج", 0.0),
    ("Southern", "ساوثرن", 0.0), ("Ontario", "أنتاريو", 0.0), ("Antoinette", "أنطوانيت", 0.0),
])
def test_arabic_long_vowel_letters_against_the_latin_vowels(name: str, rendering: str, cost: float) -> None:
    from mtcheck.text.phonetic import vowel_letter_cost

    assert vowel_letter_cost(name, rendering, "ar") == cost


def test_vowel_letters_are_judged_in_arabic_only() -> None:
    from mtcheck.text.phonetic import vowel_letter_cost

    assert vowel_letter_cost("Zagros", "ザグラス", "ja") == 0.0
