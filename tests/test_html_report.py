"""The static HTML report and the --html-dir index: language and direction per column, phone and print
layout, evidence in the page, escaping of everything that reaches HTML."""

from __future__ import annotations

import json
import re
from pathlib import Path

from mtcheck.cli import main
from mtcheck.config import Settings
from mtcheck.engine import check_pair
from mtcheck.report.html import render, render_index
from tests.helpers import FIXTURES

BATCH = [json.loads(line) for line in (FIXTURES / "review" / "batch.jsonl").read_text(encoding="utf-8").splitlines()]


def _report(lang: str):
    (row,) = [r for r in BATCH if r["id"].endswith("/" + lang)]
    return check_pair(row["source"], row["target"], Settings(), target_lang=lang)


def test_arabic_column_is_right_to_left_and_each_column_has_its_language() -> None:
    html = render(_report("ar"), title="a")
    assert html.count('<div class="tgt" lang="ar" dir="rtl">') == 4 and html.count('lang="id" dir="ltr"') == 4
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
    assert ":lang(ar){font-family:" in html and ":lang(zh){font-family:" in html and ":lang(ja){font-family:" in html
    assert "@media print" in html and "@media (max-width:700px)" in html
    # The findings list is English UI text: left to right even inside the Arabic column.
    assert '<ol class="f" lang="en" dir="ltr">' in html


def test_chinese_column_and_evidence_and_jump_links_in_the_page() -> None:
    html = render(_report("zh"), title="z")
    assert '<div class="tgt" lang="zh" dir="ltr">' in html
    rutte = FIXTURES / "articles" / "rutte-kyiv"
    report = check_pair((rutte / "id.txt").read_text(encoding="utf-8"), (rutte / "en.txt").read_text(encoding="utf-8"),
                        Settings(), target_lang="en")
    html = render(report, title="r")
    n = next(i for i, f in enumerate(report.findings, 1) if f.code == "MT301")
    (item,) = re.findall(rf'<li id="f{n}".*?</li></ul></li>', html)
    assert '<ul class="ev">' in item and "Mark Rutte" in item and "confidence" in item  # as text
    assert f'href="#t{n}"' in item and f'<a id="t{n}"></a>' in html and f'<a id="s{n}"></a>' in html


def test_markup_in_article_ids_and_texts_is_escaped_in_report_and_index() -> None:
    en = render(_report("en"), title="<img src=x onerror=alert(1)>")
    assert "<script>" not in en and "<b>" not in en and "<img" not in en
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in en
    index = render_index([{"id": "<b>x</b>", "file": "x.html", "score": 90.0, "passed": True, "target_lang": "en",
                           "findings": 1},
                          {"id": "bad", "error": "<script>alert(1)</script>", "file": "bad.html"}])
    assert "<b>" not in index and "<script>" not in index and "&lt;b&gt;x&lt;/b&gt;" in index
    assert "2 articles: 1 passed, 0 failed, 1 could not be checked" in index


def test_html_dir_index_links_every_report_with_its_score(capsys, tmp_path: Path) -> None:
    html_dir = tmp_path / "html"
    main(["batch", str(FIXTURES / "review" / "batch.jsonl"), "-j", "1", "--html-dir", str(html_dir),
          "-o", str(tmp_path / "out.jsonl")])
    index = (html_dir / "index.html").read_text(encoding="utf-8")
    rows = re.findall(r'<tr><td><a href="([^"]+)">([^<]+)</a></td><td data-label="language">(\w+)</td>'
                      r'<td data-label="score">([\d.]+)</td>', index)
    records = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(r[1], r[2], float(r[3])) for r in rows] == [(x["id"], x["target_lang"], round(x["score"], 1))
                                                         for x in records]
    assert all((html_dir / href).is_file() for href, *_ in rows)


def test_a_left_out_paragraph_is_marked_in_its_own_row_not_at_the_end_of_the_previous_one() -> None:
    source = ("Menteri Keuangan Sri Mulyani Indrawati mengumumkan anggaran baru pada Senin.\n\n"
              "Anggaran itu naik 12 persen dibandingkan tahun lalu.\n\n"
              "Pemerintah akan membangun 300 sekolah baru di Papua dan Maluku pada tahun depan.\n\n"
              "Sri Mulyani mengatakan dana tersebut berasal dari pajak.\n")
    target = ("Finance Minister Sri Mulyani Indrawati announced the new budget on Monday.\n\n"
              "The budget rose 12 percent compared with last year.\n\n"
              "Sri Mulyani said the funds came from taxes.\n")
    report = check_pair(source, target, Settings(), target_lang="en")
    n = next(i for i, f in enumerate(report.findings, 1) if f.code == "MT501")
    html = render(report, title="gap")
    rows = {m.group(1): m.group(2) for m in re.finditer(r'<div class="row" id="p(\d+)">(.*?)(?=<div class="row"|$)',
                                                         html, re.S)}
    (gap_row,) = [k for k, row in rows.items() if "300 sekolah" in row]
    assert f'<a id="t{n}"></a>' in rows[gap_row] and f'<a id="s{n}"></a>' in rows[gap_row]
    assert all(f'<a id="t{n}"></a>' not in row for k, row in rows.items() if k != gap_row)
    assert html.count(f'<a id="t{n}"></a>') == 1
    assert "(nothing)</span>" in rows[gap_row]
