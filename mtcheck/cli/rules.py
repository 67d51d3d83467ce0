"""`mtcheck rules`: the registry as a table, or one rule's documentation."""

from __future__ import annotations

import argparse
import json
import sys

from mtcheck.cli import EXIT_OK
from mtcheck.errors import InputError
from mtcheck.lang import TARGET_LANGS
from mtcheck.registry import ALL_RULES, codes


def rule_rows() -> list[dict]:
    return [{"code": r.code, "name": r.name, "category": r.category.value, "severity": r.default_severity.value,
             "enabled": r.default_enabled, "options": r.defaults, "summary": r.summary(),
             "languages": [lang for lang in TARGET_LANGS if lang not in r.not_for], "not_for": r.not_for}
            for r in ALL_RULES]


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
        rule = next(r for r in ALL_RULES if r.code == code)
        if args.format == "json":
            sys.stdout.write(json.dumps({**next(r for r in rule_rows() if r["code"] == code), "doc": rule.doc()},
                                        indent=2) + "\n")
        else:
            sys.stdout.write(f"{rule.code} {rule.name} ({rule.category.value}, {rule.default_severity.value}"
                             f"{'' if rule.default_enabled else ', off by default'})\n\n{rule.doc()}\n")
            if rule.defaults:
                sys.stdout.write("\nOptions: " + ", ".join(f"{k} = {v!r}" for k, v in rule.defaults.items()) + "\n")
            for lang, why in rule.not_for.items():
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
