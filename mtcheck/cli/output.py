"""Output options shared by check, demo and batch (as ruff has them): --quiet, --exit-zero, --statistics."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence

FAILED_LISTED = 20


def add_output_args(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("output")
    g.add_argument("-q", "--quiet", action="store_true",
                   help="print the report and nothing else: no banner, summary, progress or notes on stderr")
    g.add_argument("--exit-zero", action="store_true",
                   help="exit 0 even when the gate fails (input errors still exit 2)")
    g.add_argument("--statistics", action="store_true",
                   help="print the number of findings per rule code instead of the report (-o still gets it)")


def note(args: argparse.Namespace, message: str) -> None:
    """A line for the person at the terminal (stderr), unless --quiet."""
    if not getattr(args, "quiet", False):
        print(message, file=sys.stderr)


def gate_status(passed: bool, args: argparse.Namespace) -> int:
    from mtcheck.cli import EXIT_FAILED, EXIT_OK

    return EXIT_OK if passed or getattr(args, "exit_zero", False) else EXIT_FAILED


def statistics_rows(records: Sequence[dict]) -> list[dict]:
    from mtcheck.registry import ALL_RULES  # here: `mtcheck --version` imports no rule

    names = {r.code: r.name for r in ALL_RULES}
    counted: Counter[str] = Counter()
    waived: Counter[str] = Counter()
    severity: dict[str, str] = {}
    for r in records:
        for f in r.get("findings", []):
            (waived if f.get("waived") else counted)[f["code"]] += 1
            severity[f["code"]] = f["severity"]
    codes = sorted(set(counted) | set(waived), key=lambda c: (-counted[c], c))
    return [{"code": c, "name": names.get(c, ""), "severity": severity[c], "count": counted[c],
             "waived": waived[c]} for c in codes]


def statistics(records: Sequence[dict], fmt: str = "text") -> str:
    """Findings per rule code, most frequent first (waived ones apart), like `ruff --statistics`."""
    rows = statistics_rows(records)
    if fmt == "json":
        import json

        return json.dumps(rows, indent=2) + "\n"
    if not rows:
        return "no findings\n"
    width = max(len(str(r["count"])) for r in rows)
    return "".join(f"{r['count']:>{width}}\t{r['code']}\t{r['name']}\t[{r['severity']}]"
                   + (f"\t({r['waived']} waived)" if r["waived"] else "") + "\n" for r in rows)


def failed_lines(records: Sequence[dict], limit: int = FAILED_LISTED) -> list[str]:
    """The failed articles, worst score first, with their score and the gate's reasons and the codes that
    failed it, for the batch summary."""
    failed = sorted((r for r in records if "error" not in r and not r["passed"]), key=lambda r: (r["score"], r["id"]))
    from mtcheck.report.ci import gating

    lines = []
    for r in failed[:limit]:
        codes = Counter(f["code"] for f in gating(r))
        why = "; ".join(r["gate"]["reasons"])
        if codes:
            why += " (" + ", ".join(f"{c}×{n}" if n > 1 else c for c, n in sorted(codes.items())) + ")"
        lines.append(f"  failed: {r['id']}  {r['score']:.1f}  {why}")
    if len(failed) > limit:
        lines.append(f"  ... and {len(failed) - limit} more failed articles (see the output)")
    return lines


def stray_waivers(records: Sequence[dict], waivers: Sequence) -> list[str]:
    """Summary lines for waivers that applied to no article of the batch: neither did they accept a finding
    nor was their MT901 reported in some article (a waiver whose `article` matches nothing is stale too,
    or mistyped)."""
    seen: set[tuple[str, int]] = set()
    for r in records:
        for f in r.get("findings", []):
            if f.get("waived"):
                seen.add((f["waived"]["file"], f["waived"]["line"]))
            if f.get("file_location"):
                seen.add((f["file_location"]["path"], f["file_location"]["line"]))
    return [f"  unused waiver: {w.file}:{w.line}: {w.label} applies to no article of this batch"
            for w in waivers if (w.file, w.line) not in seen]
