"""Fingerprints, waivers (and MT901 for stale ones) and baselines, on the real VOI article."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from mtcheck.cli import main
from mtcheck.config import Settings, load_settings
from mtcheck.engine import check_pair
from mtcheck.errors import InputError
from mtcheck.model import ArticleRef, Severity
from mtcheck.registry import codes
from mtcheck.waivers import apply_waivers, parse_waivers
from tests.helpers import FIXTURES

SAMPLE = FIXTURES / "articles" / "rutte-kyiv"
SOURCE = (SAMPLE / "id.txt").read_text(encoding="utf-8")
TARGET = (SAMPLE / "en.txt").read_text(encoding="utf-8")
ARTICLE = ArticleRef(id="rutte-kyiv/en")


def waiver(code: str = "MT202", article: str | None = "rutte-kyiv/en", expires: str | None = None,
           **match: str) -> str:
    match = match or {"text": "Belada"}
    lines = ["[[waiver]]", f'code = "{code}"', *(f"{k} = {json.dumps(v)}" for k, v in match.items()),
             'reason = "the original spells it so"', 'author = "dewi"', "date = 2026-11-30"]
    if article is not None:
        lines.append(f'article = "{article}"')
    if expires is not None:
        lines.append(f"expires = {expires}")
    return "\n".join(lines) + "\n\n"


def with_waivers(text: str, **settings: object) -> Settings:
    return replace(Settings(), waivers=tuple(parse_waivers(text, "waivers.toml", codes())), **settings)


def by_code(report, code: str):
    return next(f for f in report.findings if f.code == code)


def test_fingerprints_survive_edits_elsewhere_and_change_with_the_covered_text() -> None:
    before = check_pair(SOURCE, TARGET, Settings(), target_lang="en")
    prints = {f.code: f.fingerprint for f in before.findings}
    assert all(len(p) == 16 for p in prints.values()) and len(set(prints.values())) == len(prints)
    # A paragraph added at the top moves every offset and line; a far sentence reworded changes nothing near.
    edited = "Editor's note: updated on 4 October.\n\n" + TARGET.replace("faces many challenges", "has many tasks")
    after = check_pair(SOURCE, edited, Settings(), target_lang="en")
    assert {f.code: f.fingerprint for f in after.findings} == prints
    assert by_code(after, "MT301").target_span != by_code(before, "MT301").target_span
    # Changing the flagged word's own phrase gives another finding.
    changed = TARGET.replace("In her new role", "In her first new role")
    assert by_code(check_pair(SOURCE, changed, Settings(), target_lang="en"), "MT301").fingerprint != prints["MT301"]


def test_fingerprint_context_is_short_in_scripts_without_spaces() -> None:
    from mtcheck.fingerprint import fingerprints
    from mtcheck.model import Category, Finding, Severity, Span

    def fp(target: str, word: str) -> str:
        start = target.index(word)
        f = Finding("MT301", "pronoun-gender-mismatch", Category.PRONOUNS, Severity.MAJOR, "m", None,
                    Span(start, start + len(word)))
        return fingerprints([f], "", target)[0]

    base = "北约秘书长马克·吕特周四在基辅会见了乌克兰总统泽连斯基，并表示她将继续支持乌克兰的安全。"
    far_edit = base.replace("北约秘书长", "北大西洋公约组织秘书长")  # 20+ characters before: same finding
    near_edit = base.replace("并表示她", "并说她")
    assert fp(far_edit, "她") == fp(base, "她") != fp(near_edit, "她")


def test_waived_finding_stays_in_the_report_but_counts_in_neither_score_nor_gate() -> None:
    plain = check_pair(SOURCE, TARGET, replace(Settings(), fail_on=None), target_lang="en")
    settings = with_waivers(waiver(), fail_on=None)
    report = check_pair(SOURCE, TARGET, settings, target_lang="en", article=ARTICLE)
    typo = by_code(report, "MT202")
    assert typo.waived is not None and typo.waived.author == "dewi" and typo.waived.line == 1
    assert report.score == pytest.approx(plain.score + 5 * 100 / report.source_words, abs=0.01)
    assert report.counts_by_severity()["major"] == plain.counts_by_severity()["major"] - 1
    assert not any(f.code == "MT901" for f in report.findings)
    # The gate: with fail-on major, the three majors fail; waiving all three passes it.
    strict = Settings(fail_on=Severity.MAJOR)
    assert not check_pair(SOURCE, TARGET, strict, target_lang="en", article=ARTICLE).passed
    fps = {f.code: f.fingerprint for f in plain.findings}
    text = waiver() + waiver("MT301", fingerprint=fps["MT301"]) + waiver("MT502", text="melansir Reuters 3 Oktober")
    report = check_pair(SOURCE, TARGET, with_waivers(text, fail_on=strict.fail_on), target_lang="en",
                        article=ARTICLE)
    assert report.passed and len(report.waived) == 3 and len(report.findings) == len(plain.findings)


def test_waivers_for_other_articles_and_expired_ones_do_not_apply() -> None:
    other = with_waivers(waiver(article="komdigi-judi/*"))
    report = check_pair(SOURCE, TARGET, other, target_lang="en", article=ARTICLE)
    assert by_code(report, "MT202").waived is None and not any(f.code == "MT901" for f in report.findings)
    expired = with_waivers(waiver(expires="2026-12-01"))
    findings = check_pair(SOURCE, TARGET, Settings(), target_lang="en", article=ARTICLE).findings
    kept, unused = apply_waivers(findings, expired.waivers, ARTICLE, SOURCE, TARGET, today=dt.date(2026, 12, 1))
    assert all(f.waived is None for f in kept) and unused == []
    kept, _ = apply_waivers(findings, expired.waivers, ARTICLE, SOURCE, TARGET, today=dt.date(2026, 11, 30))
    assert [f.code for f in kept if f.waived] == ["MT202"]


def test_path_globs_match_article_files() -> None:
    settings = with_waivers(waiver(article="articles/*/en.txt"))
    ref = ArticleRef(id="x", source_path="articles/rutte/id.txt", target_path="articles/rutte/en.txt")
    report = check_pair(SOURCE, TARGET, settings, target_lang="en", article=ref)
    assert by_code(report, "MT202").waived is not None


def test_mt901_reports_a_stale_waiver_at_its_line() -> None:
    stale = waiver() + waiver("MT301", text="she")  # 'she' is never flagged in this article
    report = check_pair(SOURCE, TARGET, with_waivers(stale), target_lang="en", article=ARTICLE)
    unused = [f for f in report.findings if f.code == "MT901"]
    assert len(unused) == 1 and unused[0].file_location == ("waivers.toml", 9)
    assert "MT301 text 'she'" in unused[0].message
    # It is about the waivers file: the score ignores it (the waived MT202 is the only difference).
    waived_only = check_pair(SOURCE, TARGET, with_waivers(waiver()), target_lang="en", article=ARTICLE)
    assert report.score == waived_only.score
    ignored = with_waivers(stale)
    ignored = replace(ignored, layers=(*ignored.layers, *load_layers_ignoring("MT901")))
    assert not any(f.code == "MT901" for f in check_pair(SOURCE, TARGET, ignored, target_lang="en",
                                                          article=ARTICLE).findings)


def load_layers_ignoring(code: str):
    from mtcheck.config import apply_table

    return apply_table(Settings(), {"ignore": [code]}, "test").layers


@pytest.mark.parametrize(("text", "message"), [
    ('[[waiver]]\ncode = "MT202"\ntext = "x"\nauthor = "a"\ndate = 2026-11-30\n', "waivers.toml:1: missing reason"),
    ('\n[[waiver]]\ncode = "MT999"\ntext = "x"\nreason = "r"\nauthor = "a"\ndate = 2026-11-30\n',
     "waivers.toml:2: unknown rule code 'MT999'"),
    ('[[waiver]]\ncode = "MT202"\nreason = "r"\nauthor = "a"\ndate = 2026-11-30\n', "exactly one of"),
    ('[[waiver]]\ncode = "MT202"\ntext = "x"\nreason = "r"\nauthor = "a"\ndate = "soon"\n', "must be a date"),
    ('[[waiver]]\ncode = "MT202"\nfingerprint = "XYZ"\nreason = "r"\nauthor = "a"\ndate = 2026-11-30\n',
     "16 lowercase hex"),
    ('[[waiver]]\ncode = "MT202"\ntext = "x"\nreason = "r"\nauthor = "a"\ndate = 2026-11-30\nwho = 1\n',
     "unknown key"),
    ("[waiver\n", "invalid TOML"),
])
def test_bad_waivers_name_the_file_and_line(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        parse_waivers(text, "waivers.toml", codes())


def test_waivers_config_key_is_relative_to_the_config_file(tmp_path: Path) -> None:
    (tmp_path / "conf").mkdir()
    (tmp_path / "conf" / "accepted.toml").write_text(waiver(), encoding="utf-8")
    (tmp_path / "conf" / "mtcheck.toml").write_text('waivers = "accepted.toml"\n', encoding="utf-8")
    settings = load_settings(tmp_path / "conf" / "mtcheck.toml")
    assert [w.code for w in settings.waivers] == ["MT202"]
    assert settings.waivers[0].file.endswith("accepted.toml")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_waivers_on_the_command_line(tmp_path: Path, capsys) -> None:
    (tmp_path / "w.toml").write_text(waiver(article="*/en.txt"), encoding="utf-8")
    code, out, _ = run(capsys, "check", str(SAMPLE / "id.txt"), str(SAMPLE / "en.txt"), "--format", "json",
                       "--waivers", str(tmp_path / "w.toml"), "--fail-on", "critical", "--fail-under", "90")
    report = json.loads(out)
    typo = next(f for f in report["findings"] if f["code"] == "MT202")
    assert code == 0 and typo["waived"]["reason"] == "the original spells it so"
    assert report["counts"]["waived"] == 1


def test_baseline_round_trip_only_the_new_error_fails(tmp_path: Path, capsys) -> None:
    """Adopt on an article with known errors; then add an error: only the new one is reported and fails."""
    folder = tmp_path / "rutte"
    folder.mkdir()
    shutil.copy(SAMPLE / "id.txt", folder / "id.txt")
    shutil.copy(SAMPLE / "en.txt", folder / "en.txt")
    src, tgt, base = str(folder / "id.txt"), str(folder / "en.txt"), str(tmp_path / "baseline.json")
    gate = ("--fail-on", "major")
    assert run(capsys, "check", src, tgt, *gate)[0] == 1
    code, _, err = run(capsys, "check", src, tgt, *gate, "--write-baseline", base)
    assert code == 0 and "4 finding(s)" in err
    code, out, _ = run(capsys, "check", src, tgt, *gate, "--baseline", base, "--format", "json")
    report = json.loads(out)
    assert code == 0 and report["findings"] == [] and report["counts"]["baselined"] == 4
    assert report["score"] == 100.0
    # An editor's note above moves everything; a new error: Rutte came on Friday, not Thursday (Kamis).
    text = "Editor's note: updated.\n\n" + TARGET.replace("on Thursday", "on Friday", 1)
    (folder / "en.txt").write_text(text, encoding="utf-8")
    code, out, _ = run(capsys, "check", src, tgt, *gate, "--baseline", base, "--format", "json")
    report = json.loads(out)
    new = [(f["code"], f["target_text"]) for f in report["findings"]]
    assert code == 1 and new == [("MT403", "Friday")]
    assert all(f["fingerprint"] not in Path(base).read_text(encoding="utf-8") for f in report["findings"])


def test_baseline_and_write_baseline_together_is_an_error(tmp_path: Path, capsys) -> None:
    (tmp_path / "b.json").write_text('{"mtcheck_baseline": 1, "findings": []}', encoding="utf-8")
    code, _, err = run(capsys, "check", str(SAMPLE / "id.txt"), str(SAMPLE / "en.txt"),
                       "--baseline", str(tmp_path / "b.json"), "--write-baseline", str(tmp_path / "c.json"))
    assert code == 2 and "give one" in err
    (tmp_path / "bad.json").write_text("[]", encoding="utf-8")
    code, _, err = run(capsys, "check", str(SAMPLE / "id.txt"), str(SAMPLE / "en.txt"),
                       "--baseline", str(tmp_path / "bad.json"))
    assert code == 2 and "not an mtcheck baseline" in err


def test_batch_summary_names_waivers_that_apply_to_no_article(tmp_path: Path, capsys) -> None:
    (tmp_path / "rutte").mkdir()
    shutil.copy(SAMPLE / "id.txt", tmp_path / "rutte" / "id.txt")
    shutil.copy(SAMPLE / "en.txt", tmp_path / "rutte" / "en.txt")
    waivers = tmp_path / "w.toml"
    waivers.write_text(waiver(article="rutte/en") + waiver(article="rutte/fr") + waiver("MT301", article="rutte/en",
                                                                                       text="she"), encoding="utf-8")
    code, out, err = run(capsys, "batch", str(tmp_path), "--jobs", "1", "--waivers", str(waivers))
    record = json.loads(out)
    assert code == 1 and [f["code"] for f in record["findings"] if f["waived"]] == ["MT202"]
    assert [f["file_location"]["line"] for f in record["findings"] if f["code"] == "MT901"] == [17]
    stray = [line for line in err.splitlines() if "unused waiver" in line]
    assert len(stray) == 1 and f"{waivers}:9: MT202 text 'Belada' in rutte/fr" in stray[0]


def test_format_and_append_waiver_round_trip(tmp_path: Path) -> None:
    from mtcheck.waivers import append_waiver, format_waiver

    report = check_pair(SOURCE, TARGET, Settings(), target_lang="en", article=ARTICLE)
    pronoun = by_code(report, "MT301")
    path = tmp_path / "waivers.toml"
    path.write_text("# accepted findings\n" + waiver(), encoding="utf-8")
    entry = format_waiver("MT301", 'editor: "her" is a quote', "dewi", article="rutte-kyiv/en",
                          fingerprint=pronoun.fingerprint, date=dt.date(2026, 12, 1))
    waivers = append_waiver(path, entry, codes())
    assert path.read_text(encoding="utf-8").startswith("# accepted findings\n[[waiver]]")
    assert [w.line for w in waivers] == [2, 10] and waivers[1].reason == 'editor: "her" is a quote'
    again = check_pair(SOURCE, TARGET, replace(Settings(), waivers=tuple(waivers)), target_lang="en",
                       article=ARTICLE)
    assert {f.code for f in again.waived} == {"MT202", "MT301"}
    with pytest.raises(InputError):
        append_waiver(path, format_waiver("MT999", "r", "a", text="x"), codes())
    assert len(parse_waivers(path.read_text(encoding="utf-8"), "w", codes())) == 2  # the bad one never landed
