"""A Chinese rendering cut short by one character (mtcheck/rules/names_zh_short.py)."""

from __future__ import annotations

from mtcheck.registry import by_code
from mtcheck.rules.names_zh_short import _full_renderings, shortened
from mtcheck.text.article import ArticlePair
from mtcheck.text.renderings import name_words

# ntrex128 newsweek.51339 rows 1613-1614 (dev half, clean)
PALIN_SOURCE = ("Pada bulan Desember 2017, ia dituduh melakukan penyerangan terhadap ayahnya, Todd Palin. Ibunya "
                "sendiri, Sarah Palin, yang menghubungi polisi untuk membuat laporan tentang dugaan penyerangan "
                "tersebut.\n\nPada tahun 2016, Sarah Palin mendapat kecaman dari kelompok veteran lantaran "
                "mengaitkan tindak kekerasan putranya dengan PTSD akibat tugasnya selama di Irak.")
PALIN_TARGET = ("2017年12月，他被指控攻击他的父亲托德·佩林。 他的母亲萨拉·佩林打电话给警方，报告了这起所谓的袭击事件。"
                "\n\n2016年，萨拉·佩林因将儿子的暴力行为与他在伊拉克服役期间的创伤后应激障碍(PTSD)联系起来而受到退伍军人组织的批评。")

# ntrex128 scotsman.133783 rows 1317-1318 (dev half), 弗里曼 cut short to 弗里 in the second paragraph
FREEMAN_SOURCE = ("Jeane Freeman MSP mengirimkan surat dalam waktu kurang dari enam bulan hingga Inggris menarik "
                  "diri dari Uni Eropa.\n\nDalam suratnya, Nn Freeman menuliskan: \"Selama musim panas, negosiasi "
                  "antara Inggris dan Uni Eropa masih berlanjut.\"")
FREEMAN_TARGET = ("苏格兰议会成员珍妮·弗里曼在距离英国退出欧盟不到六个月的时间，发表了一份感谢信。\n\n"
                  "弗里在她的信中写道:“英国和欧盟之间关于脱欧的谈判持续了整个夏天。”")


def _findings(source: str, target: str) -> list[str]:
    pair = ArticlePair(source, target, "zh")
    return [pair.target[f.target_span.start:f.target_span.end] for f in shortened(by_code("MT201")(), pair)]


def test_a_run_with_a_function_word_is_the_rendering_without_it():
    # 佩林因 is 佩林 "because": its full form is 佩林, too short to lose a character, so 佩林 is no short form
    pair = ArticlePair(PALIN_SOURCE, PALIN_TARGET, "zh")
    palin = next(w for w in name_words(pair) if w.word == "Palin")
    assert "佩林因" not in _full_renderings(pair.target, palin)
    assert _findings(PALIN_SOURCE, PALIN_TARGET) == []


def test_a_rendering_less_one_character_is_reported():
    assert _findings(FREEMAN_SOURCE, FREEMAN_TARGET) == ["弗里"]
    assert _findings(FREEMAN_SOURCE, FREEMAN_TARGET.replace("弗里在", "弗里曼在")) == []


def test_a_short_form_written_twice_is_the_translators():
    # the same short form in two places is a choice (a given name's short form), not a dropped character
    target = FREEMAN_TARGET.replace("发表了一份感谢信。", "发表了一份感谢信。 弗里说。")
    assert _findings(FREEMAN_SOURCE, target) == []


def test_other_languages_are_left_alone():
    assert list(shortened(by_code("MT201")(), ArticlePair(FREEMAN_SOURCE, "Freeman wrote.", "en"))) == []
