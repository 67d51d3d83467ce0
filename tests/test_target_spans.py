"""Every finding of a rule that judges the translation points at a target span (issue #13, section 2): the
error is in the translation, and a reviewer reads it there. Checked with each rule on its own fixture
cases, and every rule on the gold articles and a few injected rows in each target language. The rules
allowed a finding without one are listed with why; each must still produce such a finding somewhere here,
so the list cannot go stale."""

import json

import pytest

from mtcheck.config import Settings
from mtcheck.engine import _suppress, check_pair
from mtcheck.model import Category, Finding, Severity, Span
from mtcheck.registry import by_code, codes
from tests.helpers import FIXTURES, load_rule_cases, run_rule, strip_markers

# Rules whose findings may name source text only, and why. (MT501 and MT205 were listed until round 10: a
# dropped sentence now points at the empty span where its translation belongs, a name gone missing at its
# aligned target sentence, judged by its source span alone for suppression: `Rule.target_is_context`.)
SOURCE_ONLY = {
    # A typo in the original ("Belada" for Belanda): the error is in the source; a target span is added only
    # where the translation kept the typo.
    "MT202": "judges the source",
}
# A whole-article measure (length ratio), with no span on either side: about the article as a whole.
WHOLE_ARTICLE = {"MT103", "MT104"}


def _articles() -> list[tuple[str, str, str, str]]:
    """(what, source, target, language) for each gold article and injected row."""
    out = []
    for folder in sorted((FIXTURES / "articles").iterdir()):
        for path in sorted(folder.glob("??.txt")):
            if path.stem != "id":
                out.append((f"{folder.name}:{path.stem}", (folder / "id.txt").read_text(encoding="utf-8"),
                            path.read_text(encoding="utf-8"), path.stem))
    for line in (FIXTURES / "target-spans" / "injected.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        out.append((f"{row['id']}:{row['target_lang']}", row["source"], row["target"], row["target_lang"]))
    return out


@pytest.fixture(scope="module")
def findings() -> list[tuple[str, Finding]]:
    """Each rule on its own fixture cases (the neural rules' need the encoder: their test step checks
    them), then every rule on the gold articles and the injected rows."""
    found = [(f"{code}:{case['id']}", f) for code, case in load_rule_cases()
             if not getattr(by_code(code), "needs_neural", False)
             for f in run_rule(code, strip_markers(case["source"])[0], strip_markers(case["target"])[0],
                               case.get("target-lang", "en"))]
    settings = Settings()
    return found + [(what, f) for what, source, target, lang in _articles()
                    for f in check_pair(source, target, settings, target_lang=lang).findings]


def test_every_target_judging_finding_has_a_target_span(findings: list[tuple[str, Finding]]) -> None:
    missing = [f"{what}: {f.code} {f.message}" for what, f in findings if f.target_span is None
               and f.code not in SOURCE_ONLY and not (f.code in WHOLE_ARTICLE and f.source_span is None)]
    assert not missing, "findings without a target span:\n" + "\n".join(missing)


def test_the_exemptions_are_used(findings: list[tuple[str, Finding]]) -> None:
    assert set(SOURCE_ONLY) | WHOLE_ARTICLE <= set(codes())
    used = {f.code for _, f in findings if f.target_span is None}
    assert set(SOURCE_ONLY) <= used, f"listed but never source-only here: {sorted(set(SOURCE_ONLY) - used)}"


def test_the_injected_anchored_clauses_point_at_their_target_sentence(findings: list[tuple[str, Finding]]) -> None:
    # MT502's anchored-clause finding (round 8): its source span is the dropped clause, its target span the
    # target sentence the clause belongs in, one per injected row.
    rows = [json.loads(line) for line in
            (FIXTURES / "target-spans" / "injected.jsonl").read_text(encoding="utf-8").splitlines()]
    for row in rows:
        label = row["label"]["source_span"]
        found = [f for what, f in findings if what == f"{row['id']}:{row['target_lang']}" and f.code == "MT502"
                 and f.source_span and f.source_span.start < label[1] and label[0] < f.source_span.end]
        assert found, f"{row['id']} ({row['target_lang']}): the dropped clause is not reported"
        for f in found:
            assert f.target_span is not None
            sentence = row["target"][f.target_span.start:f.target_span.end]
            assert sentence.strip() and sentence == sentence.strip(), (row["id"], sentence)


def test_omission_messages_agree_with_their_count() -> None:
    # "its Selasa appear" (round 8): the verb agrees with one anchor or several.
    cases = {case["id"]: case for code, case in load_rule_cases() if code == "MT502"}
    one, several = cases["clause-with-one-name-dropped"], cases["figure-clause-dropped"]
    for case, wanted in ((one, "its Bogor appears nowhere"), (several, "its 1.200, Babelan appear nowhere")):
        found = run_rule("MT502", strip_markers(case["source"])[0], strip_markers(case["target"])[0])
        assert [wanted in f.message for f in found] == [True], [f.message for f in found]


def _case(code: str, case_id: str) -> tuple[str, str, str]:
    case = next(c for k, c in load_rule_cases() if k == code and c["id"] == case_id)
    return strip_markers(case["source"])[0], strip_markers(case["target"])[0], case.get("target-lang", "en")


@pytest.mark.parametrize(("case_id", "before", "after"), [
    # Between the two target sentences around the dropped one (the docstring's example).
    ("middle-sentence-dropped", "arrived in Kyiv on Thursday.", " The two then held"),
    # A whole paragraph: between the neighbouring paragraphs' translations.
    ("paragraph-dropped", "", "\n\nFurthermore, Rutte"),
    # The aligner skipped the wrong one of two sentences; the one reported is missing after the first.
    ("which-of-two-sentences-is-missing", "off the eastern coast of Africa.", " Most of the smaller"),
    # A row of two sentences dropped at the start, the rest shifted (`_relocated`): before the first.
    ("two-sentence-row-dropped", "", "Apia was founded"),
    ("first-sentence-dropped-the-rest-shifted-zh", "", "此外"),
])
def test_a_dropped_sentence_points_where_its_translation_belongs(case_id: str, before: str, after: str) -> None:
    source, target, lang = _case("MT501", case_id)
    found = [f for f in run_rule("MT501", source, target, lang) if f.severity is not Severity.MINOR]
    assert found, case_id
    for f in found:
        t = f.target_span
        assert t is not None and t.start == t.end, (case_id, t)  # a point: no target text is the translation's
        assert target[:t.start].endswith(before) and target[t.start:].startswith(after), (
            case_id, target[max(0, t.start - 30):t.start], target[t.start:t.start + 30])


def test_a_merged_sentence_points_at_the_sentence_it_was_merged_into() -> None:
    source, target, lang = _case("MT501", "dropped-sentence-merged-into-its-neighbour-zh")
    found = run_rule("MT501", source, target, lang)
    assert found
    for f in found:
        assert f.target_span is not None and f.target_span.start < f.target_span.end
        sentence = target[f.target_span.start:f.target_span.end]
        assert sentence == sentence.strip() and sentence.endswith("。"), sentence


def test_a_missing_name_points_at_its_aligned_sentence_and_survives_a_clause_elsewhere_in_it() -> None:
    # The name of one clause and another clause with a date and a figure dropped from one sentence: MT502's
    # clause finding covers the whole target sentence, as MT205's does; MT205 is judged by its source span,
    # which the dropped clause does not hold, so both are reported.
    source = ("Rutte menggantikan pendahulunya, Jens Stoltenberg, yang memimpin aliansi itu selama satu dekade, "
              "dan tiba di Kyiv pada Kamis bersama 200 tentara Belanda.")
    target = "Rutte replaced his predecessor, who had led the alliance for a decade."
    found = {f.code: f for f in check_pair(source, target, Settings(), target_lang="en").findings}
    assert {"MT205", "MT502"} <= set(found), sorted(found)
    assert found["MT205"].target_span == Span(0, len(target))
    assert source[found["MT205"].source_span.start:found["MT205"].source_span.end] == "Jens Stoltenberg"


def test_a_missing_name_inside_a_dropped_clause_is_still_suppressed() -> None:
    # The spokesman's name is in the clause MT502 reports: the same omission, reported once.
    source = ("Menteri Luar Negeri Retno Marsudi bertemu Faisal Mekdad di Jakarta. Keduanya membahas kerja sama "
              "ekonomi, kata juru bicara Kementerian Luar Negeri Teuku Faizasyah, pada Selasa 12 Maret.")
    target = "Foreign Minister Retno Marsudi met Faisal Mekdad in Jakarta. The two discussed economic cooperation."
    codes_found = [f.code for f in check_pair(source, target, Settings(), target_lang="en").findings]
    assert "MT502" in codes_found and "MT205" not in codes_found, codes_found


def _finding(code: str, source: tuple[int, int] | None, target: tuple[int, int] | None) -> Finding:
    return Finding(code=code, rule=code, category=Category.OMISSION, severity=Severity.MAJOR, message=code,
                   source_span=Span(*source) if source else None, target_span=Span(*target) if target else None)


def test_findings_whose_target_is_context_suppress_and_are_suppressed_by_source() -> None:
    rules = [by_code(c) for c in ("MT501", "MT502", "MT403", "MT205")]
    # MT501's dropped sentence: a point (an empty span) between target sentences.
    point = _finding("MT501", (100, 160), (40, 40))
    # A date finding whose target span (two sentences) holds the point, its source elsewhere: kept.
    across = _finding("MT403", (10, 20), (0, 80))
    # One inside the dropped sentence's source: suppressed, as before.
    inside = _finding("MT403", (120, 130), (0, 80))
    assert _suppress([point, across, inside], rules) == [point, across]
    # A sentence merged into its neighbour: MT501's target span is that whole target sentence, which also
    # translates the neighbour; a finding about the neighbour's text is kept, one inside the sentence is not.
    merged = _finding("MT501", (100, 160), (0, 80))
    assert _suppress([merged, across, inside], rules) == [merged, across]
    # A rule whose target span is text at fault (MT101's sentence left in Indonesian) suppresses by the target
    # side: a name garbled in it (MT201) goes, whatever its source span.
    untranslated = _finding("MT101", (30, 60), (0, 80))
    assert _suppress([untranslated, _finding("MT201", (5, 9), (10, 14))], by_codes("MT101", "MT201")) == [untranslated]
    # MT205 (`target_is_context`) only by its source span: the same sentence left in Indonesian, or a clause
    # elsewhere in it, leaves it.
    name = _finding("MT205", (12, 18), (0, 80))
    assert _suppress([untranslated, name], by_codes("MT101", "MT205")) == [untranslated, name]
    assert _suppress([untranslated, _finding("MT205", (35, 41), (0, 80))], by_codes("MT101", "MT205")) == [untranslated]
    clause = _finding("MT502", (30, 60), (0, 80))
    assert _suppress([clause, name], rules) == [clause, name]
    assert _suppress([clause, _finding("MT205", (35, 41), (0, 80))], rules) == [clause]


def by_codes(*codes: str) -> list:
    return [by_code(c) for c in codes]


def test_a_number_in_a_dropped_sentence_points_where_that_sentence_belongs() -> None:
    # MT401 alone (no MT501 to report the sentence and suppress it): the number's sentence has no counterpart,
    # so its finding points at the place between the target sentences where the sentence's translation belongs.
    source = ("Rutte tiba di Kyiv pada Kamis. Ia bertemu Presiden Zelensky bersama 12 menteri di istana kepresidenan. "
              "Keduanya kemudian menggelar konferensi pers bersama.")
    target = "Rutte arrived in Kyiv on Thursday. The two then held a joint press conference."
    found = [f for f in run_rule("MT401", source, target) if "12" in f.message]
    assert len(found) == 1, [f.message for f in run_rule("MT401", source, target)]
    at = len("Rutte arrived in Kyiv on Thursday.")
    assert found[0].target_span == Span(at, at)
