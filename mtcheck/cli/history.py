"""`mtcheck history`: list recorded runs, compare two, follow scores and rules over time."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from mtcheck.cli import EXIT_OK
from mtcheck.config import load_settings
from mtcheck.errors import InputError
from mtcheck.store.history import History


def history_path(args: argparse.Namespace) -> Path:
    path = args.history or load_settings(args.config, None if args.config else Path.cwd()).history
    if path is None:
        raise InputError("no history database: pass --history DB or set history = \"...\" in the config")
    if not Path(path).exists():
        raise InputError(f"{path}: no such history database (record runs with check/batch --history {path})")
    return Path(path)


def _fmt_score(v: float | None) -> str:
    return "—" if v is None else f"{v:.1f}"


def _list(h: History, fmt: str) -> str:
    runs = h.runs()
    if fmt == "json":
        return json.dumps(runs, ensure_ascii=False, indent=2) + "\n"
    if not runs:
        return f"no runs recorded in {h.path}\n"
    lines = [f"{'run':<22} {'time (UTC)':<20} {'command':<7} {'articles':>8} {'passed':>6} {'failed':>6} "
             f"{'errors':>6} {'mean':>6} {'findings':>8}"]
    for r in runs:
        lines.append(f"{r['run_id']:<22} {r['started_at']:<20} {r['command']:<7} {r['articles']:>8} "
                     f"{r['passed'] or 0:>6} {r['failed'] or 0:>6} {r['errors'] or 0:>6} "
                     f"{_fmt_score(r['mean_score']):>6} {r['findings']:>8}")
    return "\n".join(lines) + "\n"


def _diff(h: History, a: str, b: str, fmt: str) -> str:
    diffs = [d for d in h.diff(a, b) if d.changed]
    if fmt == "json":
        return json.dumps({"run_a": a, "run_b": b, "articles": [d.__dict__ for d in diffs]},
                          ensure_ascii=False, indent=2) + "\n"
    new = sum(len(d.new) for d in diffs)
    fixed = sum(len(d.fixed) for d in diffs)
    waived = sum(len(d.waived) for d in diffs)
    lines = [f"{a} -> {b}: {len(diffs)} article(s) changed, {new} new finding(s), {fixed} fixed, {waived} waived"]
    for d in diffs:
        if d.score_a is not None and d.score_b is not None:
            change = f"{d.score_a:.1f} -> {d.score_b:.1f} ({d.score_b - d.score_a:+.1f})"
        else:
            change = "only in " + (a if d.score_b is None else b)
        gate = ""
        if d.passed_a is not None and d.passed_b is not None and d.passed_a != d.passed_b:
            gate = ", now passes" if d.passed_b else ", now fails"
        lines.append(f"  {d.article}: {change}{gate}")
        lines += [f"    + {f['code']} {f['severity']}: {f['message']}" for f in d.new]
        lines += [f"    - {f['code']} {f['severity']}: {f['message']}" for f in d.fixed]
        lines += [f"    ~ {f['code']} {f['severity']}: {f['message']} (now waived)" for f in d.waived]
    return "\n".join(lines) + "\n"


def _trend(h: History, by: str, fmt: str) -> str:
    t = h.trend()
    if fmt == "json":
        return json.dumps(t, ensure_ascii=False, indent=2) + "\n"
    if not t["runs"]:
        return f"no runs recorded in {h.path}\n"
    cols = list(t["languages"]) if by == "language" else list(t["rules"])
    lines = [f"{'run':<22} " + " ".join(f"{c:>9}" for c in cols)]
    for i, r in enumerate(t["runs"]):
        if by == "language":
            cells = [f"{t['languages'][c][i][0]:.1f}/{t['languages'][c][i][1]}" if t["languages"][c][i] else "—"
                     for c in cols]
        else:
            cells = [str(t["rules"][c][i]) for c in cols]
        lines.append(f"{r['run_id']:<22} " + " ".join(f"{c:>9}" for c in cells))
    legend = "mean score/articles per target language" if by == "language" else "findings per rule (not waived)"
    return "\n".join([f"# {legend}", *lines]) + "\n"


def run_history(args: argparse.Namespace) -> int:
    h = History(history_path(args))
    try:
        if args.action == "diff":
            if len(args.runs) != 2:
                raise InputError("history diff needs two runs: RUN_A RUN_B (ids, prefixes, last, last~1)")
            text = _diff(h, h.resolve(args.runs[0]), h.resolve(args.runs[1]), args.format)
        elif args.action == "trend":
            text = _trend(h, args.by, args.format)
        else:
            text = _list(h, args.format)
    finally:
        h.close()
    sys.stdout.write(text)
    return EXIT_OK
