"""`mtcheck check` and `mtcheck demo`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from mtcheck.cli import EXIT_OK, settings_from_args, use_colour
from mtcheck.cli.output import gate_status, note, statistics
from mtcheck.engine import check_pair, check_source_language
from mtcheck.errors import InputError
from mtcheck.io import check_output, read_text, write_atomic
from mtcheck.model import ArticleRef, Report
from mtcheck.report import render

SAMPLE = "rutte-kyiv"


def _emit(report: Report, args: argparse.Namespace, inputs: list[str], title: str) -> None:
    out: Path | None = args.output
    if out is not None:
        for name in inputs:
            if name != "-" and Path(name).exists() and out.exists() and out.resolve() == Path(name).resolve():
                raise InputError(f"-o {out}: is one of the input files; refusing to overwrite it")
        write_atomic(out, render(report, args.format, title=title))
        note(args, f"mtcheck: wrote {out} ({report.score:.1f}/100, {'passed' if report.passed else 'failed'})")
    elif not args.statistics:
        sys.stdout.write(render(report, args.format, colour=use_colour(args, sys.stdout), title=title))
    if args.statistics:
        from mtcheck.report import record

        sys.stdout.write(statistics([record(report, title)], "json" if args.format == "json" else "text"))


def run_check(args: argparse.Namespace) -> int:
    # No files is a usage error, never the demo: a CI job whose file variables are empty must not pass.
    if args.source is None or args.target is None:
        raise InputError("check needs SOURCE and TARGET files (to see what mtcheck does: mtcheck demo)")
    if args.source == "-" and args.target == "-":
        raise InputError("only one of SOURCE and TARGET can be - (stdin)")
    settings = settings_from_args(args)
    if args.output is not None:
        check_output(args.output)  # before the work, not after it
    source = read_text(args.source, settings.max_bytes, "source")
    target = read_text(args.target, settings.max_bytes, "target")
    reference = read_text(args.reference, settings.max_bytes, "reference") if args.reference else None
    note = check_source_language(source, f"source {args.source if args.source != '-' else '<stdin>'}")
    article = ArticleRef(id=args.target, source_path=args.source, target_path=args.target)
    report = check_pair(source, target, settings, reference=reference,
                        where=f"target {args.target if args.target != '-' else '<stdin>'}", article=article)
    if note:
        report.notes.append(note)
    if settings.history is not None:
        from mtcheck.store.record import record_check

        record_check(settings, report, args.source, args.target)
    _emit(report, args, [args.source, args.target], Path(args.target).name)
    if write_baseline(report, args):
        return EXIT_OK
    return gate_status(report.passed, args)


def write_baseline(report: Report, args: argparse.Namespace) -> bool:
    """Write --write-baseline's file if asked; whether it was."""
    path = getattr(args, "write_baseline", None)
    if path is None:
        return False
    from mtcheck.baseline import article_key, baseline_rows
    from mtcheck.baseline import write_baseline as write
    from mtcheck.report.json_report import to_dict

    n = write(path, baseline_rows(article_key(report.article), to_dict(report, include_texts=False)["findings"]))
    note(args, f"mtcheck: wrote baseline {path} ({n} finding(s))")
    return True


def sample_texts() -> tuple[str, str]:
    from importlib import resources

    folder = resources.files("mtcheck").joinpath("samples")
    return (folder.joinpath(f"{SAMPLE}.id.txt").read_text(encoding="utf-8"),
            folder.joinpath(f"{SAMPLE}.en.txt").read_text(encoding="utf-8"))


def run_demo(args: argparse.Namespace) -> int:
    """The demo always exits 0 unless something is broken: it shows what the tool does."""
    settings = settings_from_args(args)
    if args.output is not None:
        check_output(args.output)
    source, target = sample_texts()
    note(args, "mtcheck demo: a real AI translation published by an Indonesian newsroom (VOI), checked against "
               "its Indonesian original\n")
    report = check_pair(source, target, settings, target_lang="en", article=ArticleRef(id=f"{SAMPLE}/en"))
    _emit(report, args, [], f"{SAMPLE} (demo)")
    write_baseline(report, args)
    return EXIT_OK
