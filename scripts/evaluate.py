"""Measure mtcheck (and pofilter, in the same run) on a labelled JSONL from scripts/inject.py, and on the
gold articles in fixtures/articles.

Per injected category: recall (an injected error is caught when a finding of a matching category overlaps
its span), the same for translate-toolkit's pofilter run per sentence row through its Python API, and the
mean chrF of the damaged translation against the clean one (how small the error looks to a surface metric).
Overall: false alarms on clean articles (share with a finding at major or above; findings per 1,000
words), precision of findings on injected rows, and which categories fired on each injected category.

    python scripts/inject.py -o /tmp/inj.jsonl
    python scripts/evaluate.py /tmp/inj.jsonl [--json out.json] [--markdown out.md] [--jobs 2]

A row that mtcheck cannot check (its record is an error) is scored in no figure: such rows are counted,
printed (on stderr and at the top of the markdown) and listed in --json's `error_rows`; with
--fail-on-error the script then exits 1, so that a measurement missing rows cannot pass for a whole one.
A labelled file that cannot be read (missing, a line that is not JSON, a row without its fields) is an error
naming the file and the line, exit 2.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mtcheck.batch import Item  # noqa: E402
from mtcheck.cli.batch import check_items  # noqa: E402  (the code path of `mtcheck batch`)
from mtcheck.config import Settings  # noqa: E402
from mtcheck.errors import InputError  # noqa: E402
from mtcheck.io import write_atomic  # noqa: E402

# Injected category -> finding categories that count as catching it.
ACCEPT: dict[str, set[str]] = {
    "number": {"numbers"},
    "date": {"numbers"},
    "omission": {"omission", "length"},
    "untranslated": {"untranslated"},
    "punctuation": {"punctuation"},
    "garbled-name": {"names", "source"},
    "untranslated-entity": {"names", "untranslated"},
    "wrong-entity": {"names"},
    "pronoun": {"pronouns"},
    "pronoun-thing": {"pronouns"},  # (fr) a thing's il/elle: no rule is for it; reported, not a target
    "garbled-transliteration": {"names"},
    "added-entity": {"names"},
    "name-as-place": {"names"},
    "pronoun (gender established)": {"pronouns"},
    "pronoun-all": {"pronouns"},
    "pronoun-all (gender established)": {"pronouns"},
    "pronoun (gender knowable)": {"pronouns"},
    "pronoun-all (gender knowable)": {"pronouns"},
    "pronoun-all (a person's row)": {"pronouns"},
    # Meaning errors (scripts/inject.py's MEANING_CATEGORIES): the MT7xx family reports them as mistranslation;
    # without --neural, a replaced clause or sentence also shows as an omission or an addition where the
    # rules locate it. scripts/evaluate_neural.py is the family's own measurement (thresholds, AUC); this
    # counts them with the rest of a batch instead of stopping on an unknown category.
    **{c: {"mistranslation", "omission", "addition", "length"}
       for c in ("meaning-clause", "meaning-sentence", "meaning-negation", "meaning-word", "meaning-swap",
                 "meaning-roles")},
}
# Rules outside those categories whose located findings also catch it: MT702 (neural, category
# mistranslation) reports a source clause with no counterpart in the translation, which is what a dropped
# clause or half-lost merged sentence is.
ACCEPT_CODES: dict[str, set[str]] = {"omission": {"MT702"}}


def _accepted(cat: str, finding: dict) -> bool:
    return finding["category"] in ACCEPT[cat] or finding.get("code") in ACCEPT_CODES.get(cat, ())


# pofilter test -> the finding category it stands for (tests not listed are style checks we do not count).
POFILTER: dict[str, str] = {
    "numbers": "numbers", "brackets": "punctuation", "doublequoting": "punctuation",
    "singlequoting": "punctuation", "endpunc": "punctuation", "startpunc": "punctuation",
    "unchanged": "untranslated", "untranslated": "omission", "short": "omission", "long": "addition",
    "sentencecount": "omission",
}
MAJOR = {"major", "critical"}


def _overlaps(a: list[int] | None, b: list[int] | None) -> bool:
    return bool(a and b) and a[0] < b[1] and b[0] < a[1]


def _hits(label: dict, findings: list[dict]) -> list[dict]:
    """Findings whose span overlaps the label's span (target span, or source span for omissions; any of
    `target_spans` where one error has several, as every pronoun of one person)."""
    spans = label.get("target_spans") or [label["target_span"]]
    return [f for f in findings
            if any(_overlaps(t, f.get("target_span")) for t in spans) or _overlaps(label["source_span"],
                                                                                   f.get("source_span"))]


def pofilter_findings(row: dict) -> list[dict]:
    """pofilter's failures on each sentence row, as findings spanning that row."""
    from translate.storage import pypo

    checker = _checker(row.get("target_lang", "en"))
    out = []
    for s0, s1, t0, t1 in row["rows"]:
        unit = pypo.pounit(row["source"][s0:s1])
        unit.target = row["target"][t0:t1]
        failures = checker.run_filters(unit)
        for test in failures:
            if test in POFILTER:
                category = POFILTER[test]
                out.append({"category": category, "severity": "major", "test": test, "code": f"pofilter:{test}",
                            "source_span": [s0, s1], "target_span": [t0, t1] if t1 > t0 else None})
    return out


_CHECKERS: dict[str, object] = {}


def _checker(lang: str):
    if lang not in _CHECKERS:
        from translate.filters import checks

        _CHECKERS[lang] = checks.StandardChecker(checks.CheckerConfig(targetlanguage=lang))
    return _CHECKERS[lang]


def _gender_established(row: dict) -> bool:
    """Does the swapped pronoun, in the clean translation, refer to a person whose gender the source or the
    given-name lexicon establishes? Decided by mtcheck's own linker on the clean text (its definition)."""
    from mtcheck.text.article import ArticlePair
    from mtcheck.text.pronouns import FIXED, analyse_pronouns

    analysis = analyse_pronouns(ArticlePair(row["source"], row["clean_target"], row.get("target_lang", "en")))
    if analysis is None:
        return False
    known = {x.pronoun.start for x in analysis.links if x.referent.gender(kinds=FIXED) is not None}
    return any(start in known for start in _clean_starts(row))


def _persons_row(row: dict) -> bool:
    """(pronoun-all) Is one of the swapped pronouns in a sentence row whose source has a person's pronoun or
    attribution (dia, ia, beliau, katanya ...), and not the impersonal French "il" (il y a, il semble)? The
    criterion of round 8's `pronoun / fr person` variant, for the every-pronoun rows: the issue's target is
    for swaps of persons' pronouns. Since round 9 the French injector swaps only a person's pronoun (its
    `_fr_persons`, which adds inverted pronouns), so in French nearly every row is one; in Arabic the swaps
    are already in such rows. The injector's own patterns (scripts/inject.py), not mtcheck's."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from inject import _AR_PERSON, _FR_IMPERSONAL

    label = row["label"]
    clean = label.get("clean_spans") or [label["target_span"]]
    for (a, _b), (c, d) in zip(label.get("target_spans") or [label["target_span"]], clean):
        src = next((row["source"][s0:s1] for s0, s1, t0, t1 in row["rows"] if t0 <= a < t1), "")
        word = row["clean_target"][c:d].lower()
        if _AR_PERSON.search(src) and not (word == "il" and _FR_IMPERSONAL.match(row["clean_target"], d + 1)):
            return True
    return False


class BadInput(Exception):
    """An input file (the labelled rows, --knowable) cannot be read: the message names the file and the line."""


# --knowable FILE: injected pronoun rows a person read and judged to swap the pronoun of someone whose gender
# no reader of the Indonesian source alone could know (a thing, an unnamed person, a surname only). Keyed by
# (target language, row id). A row not listed counts as knowable, so a miss nobody read counts against recall.
KNOWABLE: dict[tuple[str, str], bool] = {}


def load_knowable(path: Path) -> dict[tuple[str, str], bool]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise BadInput(f"{path}: cannot read it: {e}") from None
    out = {}
    for n, line in enumerate(text.splitlines(), 1):
        if line.startswith("#") or not line.strip() or line.startswith("lang\t"):
            continue
        fields = line.split("\t")
        if len(fields) < 3:
            raise BadInput(f"{path}, line {n}: {len(fields)} tab-separated fields, not lang, id, knowable, why")
        lang, row_id, knowable = fields[:3]
        out[(lang, row_id)] = knowable.strip() == "yes"
    return out


def _gender_knowable(row: dict) -> bool:
    return KNOWABLE.get((row.get("target_lang", "en"), row["id"]), True)


def _clean_starts(row: dict) -> list[int]:
    """Where the swapped pronouns start in the clean translation (a swap changes lengths: he -> she)."""
    label = row["label"]
    return [a for a, _ in label["clean_spans"]] if label.get("clean_spans") else [label["target_span"][0]]


def _words(text: str) -> int:
    # Counted on the Indonesian source: whitespace words of a Chinese or Japanese target are whole clauses,
    # which made the rate per target word meaningless there (and not comparable across languages).
    return len(text.split())


class Tally:
    def __init__(self) -> None:
        self.injected: Counter[str] = Counter()
        self.caught: Counter[str] = Counter()
        self.clean = 0
        self.clean_flagged = 0
        self.clean_findings = 0
        self.clean_words = 0
        self.injected_findings = 0
        self.injected_correct = 0
        self.confusion: dict[str, Counter[str]] = defaultdict(Counter)
        self.clean_by_category: Counter[str] = Counter()
        self.clean_by_rule: Counter[str] = Counter()
        self.spans_injected: Counter[str] = Counter()  # errors with several spans: each span
        self.spans_caught: Counter[str] = Counter()
        # The same, per injection variant ("number / word->digit"): how the rules do beyond the easy cases.
        self.variant_injected: Counter[str] = Counter()
        self.variant_caught: Counter[str] = Counter()
        self.variant_caught_major: Counter[str] = Counter()  # by a major or critical finding

    def add(self, row: dict, findings: list[dict]) -> None:
        label = row["label"]
        if label is not None and label["category"] in ("pronoun", "pronoun-all") and _gender_established(row):
            # Also tallied apart: the target is for persons whose gender the source establishes.
            self.add({**row, "label": {**label, "category": f"{label['category']} (gender established)"}}, findings)
        if label is not None and label["category"] == "pronoun-all" and _persons_row(row):
            self.add({**row, "label": {**label, "category": "pronoun-all (a person's row)"}}, findings)
        if label is not None and label["category"] in ("pronoun", "pronoun-all") and KNOWABLE and _gender_knowable(row):
            self.add({**row, "label": {**label, "category": f"{label['category']} (gender knowable)"}}, findings)
        if label is not None and label.get("target_spans"):  # each swapped pronoun on its own, too
            for t in label["target_spans"]:
                self.spans_injected[label["category"]] += 1
                self.spans_caught[label["category"]] += any(
                    _overlaps(t, f.get("target_span")) and f["category"] in ACCEPT[label["category"]]
                    for f in findings)
        if label is None:
            self.clean += 1
            self.clean_words += _words(row["source"])
            self.clean_findings += len(findings)
            self.clean_flagged += any(f["severity"] in MAJOR for f in findings)
            for cat in {f["category"] for f in findings if f["severity"] in MAJOR}:
                self.clean_by_category[cat] += 1
            for code in {f["code"] for f in findings}:
                self.clean_by_rule[code] += 1
            self.clean_by_rule["MT301+MT302"] += any(f["code"] in ("MT301", "MT302") for f in findings)
            return
        cat = label["category"]
        self.injected[cat] += 1
        hits = _hits(label, findings)
        good = [f for f in hits if _accepted(cat, f)]
        self.caught[cat] += bool(good)
        if label.get("variant"):
            key = f"{cat} / {label['variant']}"
            self.variant_injected[key] += 1
            self.variant_caught[key] += bool(good)
            self.variant_caught_major[key] += any(f["severity"] in MAJOR for f in good)
        self.injected_findings += len(findings)
        self.injected_correct += len(good)
        for f in hits:
            self.confusion[cat][f["category"]] += 1

    def recall(self, cat: str) -> float:
        return self.caught[cat] / self.injected[cat] if self.injected[cat] else float("nan")

    def summary(self) -> dict:
        main = [c for c in self.injected if "(" not in c]  # subsets are not counted twice
        total = sum(self.injected[c] for c in main)
        return {
            "recall": {c: round(self.recall(c), 3) for c in self.injected},
            "injected": dict(self.injected),
            "caught": dict(self.caught),
            "recall_overall": round(sum(self.caught[c] for c in main) / total, 3) if total else None,
            "injected_total": total,
            "clean_articles": self.clean,
            "false_alarm_rate": round(self.clean_flagged / self.clean, 3) if self.clean else None,
            "false_alarm_by_category": {c: round(n / self.clean, 3) for c, n in self.clean_by_category.items()},
            "findings_per_1000_words": round(1000 * self.clean_findings / max(self.clean_words, 1), 2),
            "precision_on_injected_rows": round(self.injected_correct / self.injected_findings, 3)
            if self.injected_findings else None,
            "confusion": {c: dict(v) for c, v in self.confusion.items()},
            "span_recall": {c: round(self.spans_caught[c] / n, 3) for c, n in self.spans_injected.items() if n},
            "spans_injected": dict(self.spans_injected),
            "false_alarm_by_rule": {c: round(n / self.clean, 3) for c, n in self.clean_by_rule.items()}
            if self.clean else {},
            "recall_by_variant": {k: round(self.variant_caught[k] / n, 3)
                                  for k, n in sorted(self.variant_injected.items())},
            "injected_by_variant": dict(sorted(self.variant_injected.items())),
            "recall_by_variant_major": {k: round(self.variant_caught_major[k] / n, 3)
                                        for k, n in sorted(self.variant_injected.items())},
        }


def gold(settings: Settings) -> list[dict]:
    """Expected findings of the gold articles: caught when a finding of the same category overlaps."""
    import tomllib

    from mtcheck.engine import check_pair

    rows = []
    for folder in sorted((ROOT / "fixtures" / "articles").iterdir()):
        if not (folder / "expected.toml").exists():
            continue
        source = (folder / "id.txt").read_text(encoding="utf-8")
        target = (folder / "en.txt").read_text(encoding="utf-8")
        expected = tomllib.loads((folder / "expected.toml").read_text(encoding="utf-8"))["finding"]
        report = check_pair(source, target, settings, target_lang="en")
        findings = report.findings
        matched = 0
        for e in expected:
            spans = []
            if "target-text" in e:
                ctx = e.get("target-context")
                at = target.index(ctx) + ctx.index(e["target-text"]) if ctx else target.index(e["target-text"])
                spans.append(("t", at, at + len(e["target-text"])))
            if "source-text" in e:
                at = source.index(e["source-text"])
                spans.append(("s", at, at + len(e["source-text"])))
            ok = any(f.category.value == e["category"] and any(
                (side == "t" and f.target_span and f.target_span.start < b and a < f.target_span.end) or
                (side == "s" and f.source_span and f.source_span.start < b and a < f.source_span.end)
                for side, a, b in spans) for f in findings)
            matched += ok
        rows.append({"article": folder.name, "expected": len(expected), "found": matched,
                     "findings": len(findings)})
    return rows


# The fields every row of scripts/inject.py has and this script reads.
_FIELDS = ("id", "source", "target", "label", "rows")


def load_rows(path: Path) -> list[dict]:
    """The rows of a labelled JSONL file, or BadInput naming the file and line of the first bad one."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise BadInput(f"{path}: cannot read it: {e}") from None
    rows = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            raise BadInput(f"{path}, line {n}: not JSON ({e.msg}, column {e.colno})") from None
        if not isinstance(row, dict):
            raise BadInput(f"{path}, line {n}: a JSON {type(row).__name__}, not an object")
        missing = [k for k in _FIELDS if k not in row]
        if missing:
            raise BadInput(f"{path}, line {n}: no {', '.join(missing)} (not a file of scripts/inject.py?)")
        if row["label"] is not None and not ("clean_target" in row and "rows" in row):
            raise BadInput(f"{path}, line {n}: an injected row without clean_target and rows")
        rows.append(row)
    return rows


def error_rows(rows: list[dict], records: list[dict]) -> list[dict]:
    """The rows mtcheck could not check: id, whether clean or which injected category, and the error."""
    return [{"id": row["id"], "category": row["label"]["category"] if row["label"] is not None else None,
             "error": record["error"]} for row, record in zip(rows, records) if "error" in record]


def errors_note(r: dict) -> str:
    """One line per failed row (the first 10), after a count; "" where every row was checked."""
    failed = r.get("error_rows") or []
    if not failed:
        return ""
    clean = sum(e["category"] is None for e in failed)
    lines = [f"**{len(failed)} of {r['rows']} rows could not be checked and are in no figure below** "
             f"({clean} clean, {len(failed) - clean} injected):"]
    lines += [f"- {e['id']} ({e['category'] or 'clean'}): {e['error']}" for e in failed[:10]]
    if len(failed) > 10:
        lines.append(f"- ... and {len(failed) - 10} more (all of them in --json's error_rows)")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("labelled", type=Path)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--json", type=Path)
    ap.add_argument("--markdown", type=Path)
    ap.add_argument("--no-pofilter", action="store_true")
    ap.add_argument("--neural", action="store_true", help="with the neural family on (needs the neural extra)")
    ap.add_argument("--categories", help="comma-separated injected categories to score (clean rows always)")
    ap.add_argument("--select", help="only these rule codes or prefixes, comma-separated (MT4: the number rules; "
                    "recall of a category needs only the rules of its finding categories)")
    ap.add_argument("--knowable", type=Path, help="TSV of pronoun rows judged unknowable by a reader (lang, id, "
                    "knowable yes/no, why): recall is also reported on the rest, 'gender knowable'")
    ap.add_argument("--fail-on-error", action="store_true",
                    help="exit 1 when a row could not be checked (such rows are in no figure; always printed)")
    args = ap.parse_args()
    try:
        sys.exit(run(args))
    except (BadInput, InputError) as e:  # InputError: an output that cannot be written (write_atomic names it)
        print(f"evaluate.py: {e}", file=sys.stderr)
        sys.exit(2)


def run(args: argparse.Namespace) -> int:
    """The measurement; the exit status (1 where rows failed and --fail-on-error asks to fail)."""
    if args.knowable:
        KNOWABLE.update(load_knowable(args.knowable))
    rows = load_rows(args.labelled)
    if args.categories:
        wanted = set(args.categories.split(","))
        rows = [r for r in rows if r["label"] is None or r["label"]["category"] in wanted]
    settings = Settings()
    from dataclasses import replace

    if args.neural:
        settings = replace(settings, neural=replace(settings.neural, enabled=True))
    if args.select:
        from mtcheck.config import Selection

        settings = replace(settings, layers=(Selection(select=tuple(args.select.split(","))),))
    items = (Item(r["id"], r["source"], r["target"], r.get("target_lang", "en")) for r in rows)
    mt, po = Tally(), Tally()
    chrf: dict[str, list[float]] = defaultdict(list)
    t0 = time.perf_counter()
    records = []
    for record, _ in check_items(items, settings, args.jobs, None):
        records.append(record)
    mt_seconds = time.perf_counter() - t0
    from sacrebleu.metrics import CHRF

    chrf_metric = CHRF()
    po_seconds = 0.0
    for row, record in zip(rows, records):
        if "error" in record:
            continue  # counted and printed below: no figure counts a row that was not checked
        mt.add(row, record["findings"])
        if not args.no_pofilter:
            t1 = time.perf_counter()
            po.add(row, pofilter_findings(row))
            po_seconds += time.perf_counter() - t1
        if row["label"] is not None:
            chrf[row["label"]["category"]].append(
                chrf_metric.sentence_score(row["target"], [row["clean_target"]]).score)
    failed = error_rows(rows, records)
    result = {"rows": len(rows), "errors": len(failed), "error_rows": failed, "mtcheck": mt.summary(),
              "pofilter": None if args.no_pofilter else po.summary(),
              "chrf_vs_clean": {c: round(sum(v) / len(v), 1) for c, v in chrf.items()},
              "seconds": {"mtcheck": round(mt_seconds, 2), "pofilter": round(po_seconds, 2)},
              "gold": gold(settings),
              # sacrebleu knows its signature only after scoring: a file of clean rows alone scores nothing.
              "signature": chrf_metric.get_signature().format() if chrf else None}
    md = markdown(result)
    print(md)
    if args.markdown:
        write_atomic(args.markdown, md + "\n")
    if args.json:
        write_atomic(args.json, json.dumps(result, indent=2) + "\n")
    if failed:
        print(f"evaluate.py: {len(failed)} of {len(rows)} rows could not be checked and are in no figure "
              f"(first: {failed[0]['id']}: {failed[0]['error']})", file=sys.stderr)
    return 1 if failed and args.fail_on_error else 0


def _pct(v: float | None) -> str:
    """A share as a percentage; "-" where there was nothing to count (a file with no clean rows)."""
    return "-" if v is None else f"{v:.1%}"


def markdown(r: dict) -> str:
    m, p = r["mtcheck"], r["pofilter"]
    note = errors_note(r)
    lines = [note, ""] if note else []
    lines += ["| injected category | rows | mtcheck recall | pofilter recall | chrF vs clean |",
              "|---|---|---|---|---|"]
    for cat in ACCEPT:
        n = m["injected"].get(cat, 0)
        if not n:
            continue
        pr = f"{p['recall'].get(cat, 0):.2f}" if p else "-"
        chrf = r["chrf_vs_clean"].get(cat)
        lines.append(f"| {cat} | {n} | {m['recall'][cat]:.2f} | {pr} | {'-' if chrf is None else f'{chrf:.1f}'} |")
    if m["injected_total"]:  # a file of clean rows only has no recall to show
        lines.append(f"| **all** | {m['injected_total']} | {m['recall_overall']:.2f} | "
                     + (f"{p['recall_overall']:.2f} | |" if p else "- | |"))
    if m.get("injected_by_variant"):
        lines += ["", "| injected category / variant | rows | mtcheck recall | pofilter recall |", "|---|---|---|---|"]
        for key, n in m["injected_by_variant"].items():
            pr = f"{p['recall_by_variant'].get(key, 0):.2f}" if p and p.get("recall_by_variant") else "-"
            lines.append(f"| {key} | {n} | {m['recall_by_variant'][key]:.2f} | {pr} |")
    lines += ["", "| on clean articles | mtcheck | pofilter |", "|---|---|---|",
              f"| articles | {m['clean_articles']} | {p['clean_articles'] if p else '-'} |",
              f"| false alarms (share of articles with a major+ finding) | {_pct(m['false_alarm_rate'])} | "
              + (f"{_pct(p['false_alarm_rate'])} |" if p else "- |"),
              f"| findings per 1,000 source words | {m['findings_per_1000_words']} | "
              f"{p['findings_per_1000_words'] if p else '-'} |",
              f"| precision of findings on injected rows | {m['precision_on_injected_rows']} | "
              f"{p['precision_on_injected_rows'] if p else '-'} |",
              f"| seconds | {r['seconds']['mtcheck']} | {r['seconds']['pofilter']} |"]
    for cat, rec in m.get("span_recall", {}).items():
        lines.append(f"\n{cat}: {m['spans_injected'][cat]} swapped pronouns, {rec:.2f} of them flagged one by one")
    pron = {c: v for c, v in m.get("false_alarm_by_rule", {}).items() if c in ("MT301", "MT302", "MT301+MT302")}
    if pron:
        lines.append("\nclean articles with an MT301 or MT302 finding: "
                     + ", ".join(f"{c} {v:.1%}" for c, v in sorted(pron.items())))
    lines += ["", "mtcheck false alarms by category (share of clean articles, major+): "
              + ", ".join(f"{c} {v:.1%}" for c, v in sorted(m["false_alarm_by_category"].items()))]
    lines += ["", "Categories of mtcheck findings overlapping each injected error:"]
    for cat, conf in m["confusion"].items():
        lines.append(f"- {cat}: " + ", ".join(f"{k} {v}" for k, v in sorted(conf.items(), key=lambda kv: -kv[1])))
    lines += ["", "| gold article | expected findings | found (same category, overlapping) | mtcheck findings |",
              "|---|---|---|---|"]
    lines += [f"| {g['article']} | {g['expected']} | {g['found']} | {g['findings']} |" for g in r["gold"]]
    return "\n".join(ln for ln in lines)


if __name__ == "__main__":
    main()
