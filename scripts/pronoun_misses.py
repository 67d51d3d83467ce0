"""Why injected pronoun swaps are missed: every missed `pronoun` / `pronoun-all` row of a labelled JSONL
(scripts/inject.py) classified by mtcheck's own analysis of the clean text, with the sentences to read.

    python scripts/pronoun_misses.py /tmp/inj.jsonl [--limit N] [--show] [--clean] [--by-form]

Causes (of the first swapped pronoun of a row that no MT301/MT302 finding overlaps):

    linked, gender unknown   the pronoun is linked to a person whose gender nothing establishes
    linked, gender known     linked to a person of known gender, yet not reported (a rule stood down)
    form resolved, not rendered  the aligned source has a form resolved to a person, which the pronoun was not
                             matched with (its kind or position, a verb with its own subject, a rule's guard)
    form unresolved          it renders a source form (dia, -nya, katanya) that resolution left open
    no source form           the aligned source sentence has no third-person form, and the translation's
                             own linking found no one (a thing, an unnamed person, a pronoun added)
    not placed               the pronoun is not in an aligned sentence pair (or is inside a quotation)

With --steps, the misses are counted instead by the step of the target side that left the pronoun out
(`PronounAnalysis.unlinked`, on the clean text): a source form left open, a chain across a name mtcheck does
not know, no source form of its kind, a pronoun inside a quotation, a word not read as a pronoun at all (an
impersonal il, an Arabic clitic after a relative), or linked and not reported.

With --votes, "linked, gender unknown" rows are split by the person's other gendered words in the injected
text, which MT302's vote weighs against the swapped one: none, all of the swapped gender (the reference itself
disagrees), or the other gender only in forms not counted for consistency (Arabic clitics).

With --reasons, "form unresolved" and "no source form" rows are split further (`reason`): why resolution left
the form open (no one named before it; two people before it; its person is someone named only by a role noun,
"(dokter)", or a name mtcheck does not judge; a name between; a quotation), and whether the translation's
pronoun was added (no source form).

A developer's tool for reading misses, not a measurement: the figures are scripts/evaluate.py's.
"""

from __future__ import annotations

import argparse
import bisect
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mtcheck.rules.pronouns import InconsistentPronouns, PronounGenderMismatch  # noqa: E402
from mtcheck.text.article import ArticlePair  # noqa: E402
from mtcheck.text.coreference import coreference  # noqa: E402
from mtcheck.text.pronouns import _target_pronouns, analyse_pronouns, knowledge_only, pronoun_sets  # noqa: E402

RULES = (PronounGenderMismatch(), InconsistentPronouns())


def _findings(source: str, target: str, lang: str) -> list[tuple[int, int]]:
    pair = ArticlePair(source, target, lang)
    return [(f.target_span.start, f.target_span.end) for r in RULES for f in r.check(pair) if f.target_span is not None]


def _spans(label: dict) -> list[list[int]]:
    return label.get("target_spans") or [label["target_span"]]


def _sentence(text: str, pos: int, width: int = 160) -> str:
    a = max(0, pos - width)
    return text[a:pos + width // 2].replace("\n", " ")


def classify(row: dict) -> tuple[str, str]:
    """The cause of a miss, and what to read."""
    lang = row.get("target_lang", "en")
    label = row["label"]
    clean = row["clean_target"]
    start = label["clean_spans"][0][0] if label.get("clean_spans") else label["target_span"][0]
    pair = ArticlePair(row["source"], clean, lang)
    a = analyse_pronouns(pair)
    co = coreference(pair)
    link = next((x for x in (a.links if a else []) if x.pronoun.start == start), None)
    # The aligned source sentence, for the reader and for the source forms it holds.
    src_text = ""
    forms = []
    for sp in pair.sentence_pairs:
        if sp.target and sp.source and sp.target[0].start <= start < sp.target[-1].end:
            s0, s1 = sp.source[0].start, sp.source[-1].end
            src_text = row["source"][s0:s1].replace("\n", " ")
            starts = [r.span.start for r in co.refs]
            forms = co.refs[bisect.bisect_left(starts, s0):bisect.bisect_left(starts, s1)]
            break
    people = "; ".join(f"{p.name} [{p.describe()}]" for p in co.people)
    detail = (f"  target: ...{_sentence(clean, start)}...\n  source: {src_text}\n"
              f"  forms: {[(r.text, r.person.name if r.person else None, r.how) for r in forms]}\n"
              f"  people: {people}")
    if link is not None:
        who = f"{link.referent.person.name} [{link.referent.person.describe()}] via {link.how}"
        if link.referent.known() is None:
            return "linked, gender unknown", f"  linked: {who}\n{detail}"
        return "linked, gender known", f"  linked: {who}\n{detail}"
    if not src_text:
        return "not placed", detail
    if forms and any(r.person is not None for r in forms):
        return "form resolved, not rendered", detail  # the target side did not take it (kind, position)
    if forms:
        return "form unresolved", detail
    return "no source form", detail


def step(row: dict) -> str:
    """The step of the target side at which the first swapped pronoun of a missed row was left out."""
    lang = row.get("target_lang", "en")
    label = row["label"]
    start = label["clean_spans"][0][0] if label.get("clean_spans") else label["target_span"][0]
    pair = ArticlePair(row["source"], row["clean_target"], lang)
    a = analyse_pronouns(pair)
    if a is None:
        return "no pronoun data for the language"
    link = next((x for x in a.links if x.pronoun.start == start), None)
    if link is not None:
        return "linked, gender known (a rule stood down)" if link.referent.known() else "linked, gender unknown"
    if start in a.unlinked:
        return a.unlinked[start]
    sets = pronoun_sets(lang) or {}
    if any(s.start == start for s, _, _ in _target_pronouns(pair, sets, quoted=True)):
        return "inside a quotation, and no source form there names its person"
    if not any(s.start == start for s, _, _ in _target_pronouns(pair, sets)):
        return "not read as a pronoun (impersonal, intensifier, a clitic after a relative)"
    return "left out by another guard"


def reason(row: dict) -> str:
    """Why the first swapped pronoun's aligned source form was left open (the lead's classes of misses):
    the first open form's `how` with its names left out, or what the translation added."""
    lang = row.get("target_lang", "en")
    label = row["label"]
    start = label["clean_spans"][0][0] if label.get("clean_spans") else label["target_span"][0]
    pair = ArticlePair(row["source"], row["clean_target"], lang)
    co = coreference(pair)
    starts = [r.span.start for r in co.refs]
    for sp in pair.sentence_pairs:
        if sp.target and sp.source and sp.target[0].start <= start < sp.target[-1].end:
            s0, s1 = sp.source[0].start, sp.source[-1].end
            forms = co.refs[bisect.bisect_left(starts, s0):bisect.bisect_left(starts, s1)]
            open_ = [r for r in forms if r.person is None]
            if not forms:
                return "the translation added it (no source form in its sentence)"
            if not open_:
                return "its sentence's forms are all resolved"
            how = open_[0].how
            if how == "unresolved":
                return "no one named before it"
            if m := re.search(r"is (\(.*?\)), a name mtcheck does not judge", how):
                return "its person is named only by a role noun, like " + m.group(1)
            if "a name mtcheck does not judge" in how:
                return "its person is a name mtcheck does not judge"
            if "is named in between" in how:
                return "someone else is named between its person and it"
            return how.removeprefix("unresolved: ")
    return "not placed"


def votes(row: dict) -> str:
    """(--votes) For a miss linked to a person of unknown gender: what the person's other gendered words in the
    injected text are, which MT302's vote would weigh against the swapped one (round 14: in Arabic most such
    misses had no other word to vote with)."""
    lang = row.get("target_lang", "en")
    label = row["label"]
    start = _spans(label)[0][0]
    a = analyse_pronouns(ArticlePair(row["source"], row["target"], lang))
    link = next((x for x in (a.links if a else []) if x.pronoun.start <= start < x.pronoun.end), None)
    if link is None:
        return "the swapped word is not linked in the injected text"
    others = [x for x in a.links if x.referent is link.referent and x is not link]
    if not others:
        return "no other gendered word of the person"
    if all(x.gender == link.gender for x in others):
        return "every other word of the person has the swapped gender"
    if all(knowledge_only(x.text, lang) for x in others if x.gender != link.gender):
        return "the other gender only in forms not counted for consistency (knowledge only)"
    return "other words of the other gender, counted (a rule stood down)"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("jsonl", type=Path)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--show", action="store_true", help="print each miss with its sentences")
    ap.add_argument("--category", default="pronoun,pronoun-all")
    ap.add_argument("--clean", action="store_true", help="also the clean articles with a MT301/MT302 finding")
    ap.add_argument("--steps", action="store_true",
                    help="count the misses by the step of the target side that left the pronoun out")
    ap.add_argument("--by-form", action="store_true",
                    help="caught/missed rows by the first swapped pronoun's form (他 / 他的, 彼 / 彼の, his / him)")
    ap.add_argument("--reasons", action="store_true",
                    help="split 'form unresolved' and 'no source form' by why the form was left open")
    ap.add_argument("--votes", action="store_true",
                    help="split 'linked, gender unknown' by the person's other gendered words (MT302's vote)")
    args = ap.parse_args()
    wanted = set(args.category.split(","))
    causes: Counter[str] = Counter()
    total = caught = clean = 0
    flagged: list[str] = []
    totals: Counter[str] = Counter()
    caught_by: Counter[str] = Counter()
    forms: Counter[tuple[str, bool]] = Counter()
    with open(args.jsonl, encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            label = row["label"]
            if label is None and args.clean:
                clean += 1
                found = _findings(row["source"], row["target"], row.get("target_lang", "en"))
                if found:
                    flagged.append(row["id"])
                    if args.show:
                        pair = ArticlePair(row["source"], row["target"], row.get("target_lang", "en"))
                        for r in RULES:
                            for f in r.check(pair):
                                t = row["target"]
                                print(f"## FALSE ALARM {row['id']} {f.code}: {f.message}\n"
                                      f"  ...{_sentence(t, f.target_span.start)}...\n  " + "\n  ".join(f.evidence))
                continue
            if label is None or label["category"] not in wanted:
                continue
            total += 1
            kind = label["category"] + (f" / {label['variant']}" if label.get("variant") else "")
            totals[kind] += 1
            if args.limit and total > args.limit:
                break
            found = _findings(row["source"], row["target"], row.get("target_lang", "en"))
            hit = any(a < t1 and t0 < b for a, b in found for t0, t1 in _spans(label))
            forms[(_form(row), hit)] += 1
            if hit:
                caught += 1
                caught_by[kind] += 1
                continue
            cause, detail = classify(row)
            if args.steps:
                cause = step(row)
            elif args.reasons and cause in ("form unresolved", "no source form"):
                cause += f" / {reason(row)}"
            if args.votes and cause == "linked, gender unknown":
                cause += f" / {votes(row)}"
            causes[f"{kind}: {cause}"] += 1
            if args.show:
                print(f"## {row['id']} ({label.get('detail')}): {cause}\n{detail}\n")
    print(f"{caught} of {total} caught: " + ", ".join(f"{k} {caught_by[k]}/{n}" for k, n in sorted(totals.items())))
    if args.clean:
        print(f"clean articles with MT301/MT302: {len(flagged)} of {clean} {flagged}")
    for cause, n in causes.most_common():
        print(f"  {n:4d}  {cause}")
    if args.by_form:
        print("by the first swapped pronoun's form (clean text): caught / rows")
        for form in sorted({f for f, _ in forms}, key=lambda f: -(forms[(f, True)] + forms[(f, False)])):
            print(f"  {form}: {forms[(form, True)]} / {forms[(form, True)] + forms[(form, False)]}")


def _form(row: dict) -> str:
    """The first swapped pronoun as the clean text has it, with the possessive mark after it (他的, 彼の)."""
    label = row["label"]
    # A single swap's span is the new word's; it starts where the clean word does.
    a = label["clean_spans"][0][0] if label.get("clean_spans") else label["target_span"][0]
    clean = row["clean_target"]
    m = re.compile(r"彼女|彼|他|她|\w+").match(clean, a)
    b = m.end() if m else a
    mark = {"zh": "的", "ja": "の"}.get(row.get("target_lang", "en"), "")
    return clean[a:b].lower() + (mark if mark and clean.startswith(mark, b) else "")


if __name__ == "__main__":
    main()
