"""`mtcheck rules`: the registry as a table, or one rule's documentation."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from mtcheck.cli import EXIT_OK
from mtcheck.errors import InputError


def _build_table() -> list[dict]:
    from mtcheck.lang import TARGET_LANGS
    from mtcheck.registry import ALL_RULES

    return [{"code": r.code, "name": r.name, "category": r.category.value, "severity": r.default_severity.value,
             "enabled": r.default_enabled, "options": r.defaults, "summary": r.summary(),
             "languages": [lang for lang in TARGET_LANGS if lang not in r.not_for], "not_for": r.not_for,
             "doc": r.doc()} for r in ALL_RULES]


def rule_table() -> list[dict]:
    """Every rule's row and documentation, cached (mtcheck.cache) by the files they come from: `mtcheck rules`
    then imports no rule and no analysis, only this table."""
    from mtcheck.cache import load_or_build

    package = Path(__file__).resolve().parent.parent
    return load_or_build("rules", [str(package / "rules"), str(package / "registry.py"),
                                   str(package / "lang" / "__init__.py")], _build_table)


def rule_rows() -> list[dict]:
    return [{k: v for k, v in r.items() if k != "doc"} for r in rule_table()]


def codes() -> list[str]:
    return [r["code"] for r in rule_table()]


def markdown_table() -> str:
    lines = ["| code | name | category | default severity | on by default | languages | what it catches |",
             "|---|---|---|---|---|---|---|"]
    for r in rule_rows():
        lines.append(f"| {r['code']} | `{r['name']}` | {r['category']} | {r['severity']} | "
                     f"{'yes' if r['enabled'] else 'no'} | {', '.join(r['languages'])} | {r['summary']} |")
    return "\n".join(lines) + "\n"


def run_rules(args: argparse.Namespace) -> int:
    if args.code:
        code = args.code.upper()
        if code not in codes():
            raise InputError(f"unknown rule '{args.code}'; valid codes: {', '.join(codes())}")
        rule = next(r for r in rule_table() if r["code"] == code)
        if args.format == "json":
            sys.stdout.write(json.dumps(rule, indent=2) + "\n")
        else:
            sys.stdout.write(f"{rule['code']} {rule['name']} ({rule['category']}, {rule['severity']}"
                             f"{'' if rule['enabled'] else ', off by default'})\n\n{rule['doc']}\n")
            if rule["options"]:
                sys.stdout.write("\nOptions: " + ", ".join(f"{k} = {v!r}" for k, v in rule["options"].items()) + "\n")
            for lang, why in rule["not_for"].items():
                sys.stdout.write(f"\nNot run for {lang}: {why}\n")
        return EXIT_OK
    if args.format == "json":
        sys.stdout.write(json.dumps(rule_rows(), indent=2) + "\n")
    elif args.format == "markdown":
        sys.stdout.write(markdown_table())
    else:
        rows = rule_rows()
        width = max(len(r["name"]) for r in rows)
        for r in rows:
            flag = "" if r["enabled"] else "  (off by default)"
            if r["not_for"]:
                flag += f"  (not for {', '.join(r['not_for'])})"
            sys.stdout.write(f"{r['code']}  {r['name']:<{width}} {r['category']:<12} {r['severity']:<8} "
                             f"{r['summary']}{flag}\n")
    return EXIT_OK
