"""`mtcheck config`: the effective settings, and where each one came from (default, which file, or the
command line), so that 'why did this rule not run?' has an answer without reading three files."""

from __future__ import annotations

import argparse
import json
import sys

from mtcheck.cli import EXIT_OK, settings_from_args
from mtcheck.config import Settings
from mtcheck.registry import ALL_RULES


def effective(settings: Settings) -> list[tuple[str, object, str]]:
    """(key, value, origin) for every setting, in the order of the README's example."""
    origin = settings.origins.get
    selection_keys = [k for k in ("select", "extend-select", "ignore") if k in settings.origins]
    enabled = [r.code for r in ALL_RULES if settings.is_enabled(r)]
    rows: list[tuple[str, object, str]] = [
        ("target-lang", settings.target_lang or "detected", origin("target-lang", "default")),
        ("enabled rules", enabled,
         "; ".join(f"{k}: {origin(k)}" for k in selection_keys) or "default"),
        ("severity", {k: v.value for k, v in sorted(settings.severity.items())}, origin("severity", "default")),
        ("rules", {r.code: {**r.defaults, **settings.rule_options.get(r.code, {})} for r in ALL_RULES
                   if r.defaults}, origin("rules", "default")),
        ("fail-under", settings.fail_under, origin("fail-under", "default")),
        ("fail-on", settings.fail_on.value if settings.fail_on else "never", origin("fail-on", "default")),
        ("boilerplate", list(settings.boilerplate),
         "; ".join(f"{k}: {origin(k)}" for k in ("boilerplate", "extend-boilerplate") if origin(k))
         or "default"),
        ("max-bytes", settings.max_bytes, origin("max-bytes", "default")),
        ("glossary", f"{len(settings.glossary)} house term(s)" if settings.glossary else "none",
         origin("glossary", "default")),
        ("waivers", sorted({w.file for w in settings.waivers}) or "none",
         origin("waivers", "default") + (f" ({len(settings.waivers)} waiver(s))" if settings.waivers else "")),
        ("baseline", settings.baseline.path if settings.baseline else "none",
         "command line" if settings.baseline else "default"),
        ("review-db", str(settings.review_db) if settings.review_db else "none (not honoured by check/batch)",
         origin("review-db", "default")),
        ("history", str(settings.history) if settings.history else "none (runs not recorded)",
         origin("history", "default")),
    ]
    return rows


def run_config(args: argparse.Namespace) -> int:
    settings = settings_from_args(args)
    rows = effective(settings)
    source = str(settings.config_path) if settings.config_path else "none found (defaults)"
    if args.format == "json":
        out = {"config_file": str(settings.config_path) if settings.config_path else None,
               "settings": {k: {"value": v, "from": o} for k, v, o in rows}}
        sys.stdout.write(json.dumps(out, indent=2, ensure_ascii=False) + "\n")
        return EXIT_OK
    lines = [f"config file: {source}"]
    for key, value, where in rows:
        shown = ", ".join(value) if key == "enabled rules" else json.dumps(value, ensure_ascii=False)
        lines.append(f"{key:<13} = {shown}  # {where}")
    sys.stdout.write("\n".join(lines) + "\n")
    return EXIT_OK
