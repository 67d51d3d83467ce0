"""`mtcheck batch`: check many articles on all cores, stream JSONL reports, print a summary."""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from collections.abc import Iterator
from multiprocessing import get_all_start_methods, get_context
from pathlib import Path

from mtcheck.batch import Item, read_items
from mtcheck.cli import EXIT_ERROR, EXIT_OK, settings_from_args
from mtcheck.cli.output import failed_lines, gate_status, note, statistics, stray_waivers
from mtcheck.config import Settings
from mtcheck.engine import check_pair, check_source_language
from mtcheck.errors import InputError
from mtcheck.io import check_output, check_output_dir, write_atomic
from mtcheck.report import CI_FORMATS, record_renderer
from mtcheck.report.json_report import to_dict

_worker_settings: Settings | None = None
_worker_rules: list | None = None
_worker_html: Path | None = None


def _init_worker(settings: Settings, html_dir: Path | None) -> None:
    global _worker_settings, _worker_rules, _worker_html
    _worker_settings, _worker_rules, _worker_html = settings, settings.selected_rules(), html_dir


def write_html_index(html_dir: Path, records: list[dict]) -> None:
    """index.html beside the per-article reports, linking each with its score (errors listed too). Records
    come in input order, so the same naming as the items' gives each report's file."""
    from mtcheck.report.html import render_index

    names = [it.html_name for it in unique_html_names(Item(id=r["id"]) for r in records)]
    entries = [{"id": r["id"], "error": r.get("error"), "file": name,
                "score": r.get("score", 0.0), "passed": r.get("passed", False),
                "target_lang": r.get("target_lang"),
                "findings": sum(1 for f in r.get("findings", []) if not f.get("waived"))}
               for r, name in zip(records, names)]
    write_atomic(html_dir / "index.html", render_index(entries, title=f"mtcheck batch: {len(records)} articles"))


def check_item(item: Item) -> tuple[dict, float]:
    """One JSONL record for an item (its report, or its error) and the seconds it took. No exception escapes:
    a row that cannot be checked, for whatever reason, becomes that row's {"id", "error"} line, and the batch
    goes on with the others."""
    t0 = time.perf_counter()
    if item.error is not None:
        return {"id": item.id, "error": item.error, "article": item.ref().to_dict()}, 0.0
    try:
        return _check_item(item), time.perf_counter() - t0
    except InputError as e:
        return {"id": item.id, "error": f"{item.id}: {e}", "article": item.ref().to_dict()}, time.perf_counter() - t0
    except Exception as e:  # a bug met on this row: report it there, lose no other row
        return ({"id": item.id, "error": f"{item.id}: internal error, please report it: {type(e).__name__}: {e}",
                 "article": item.ref().to_dict()}, time.perf_counter() - t0)


def _check_item(item: Item) -> dict:
    assert _worker_settings is not None and item.source is not None and item.target is not None
    # The same source check as `mtcheck check`: a batch must not score what check refuses.
    note = check_source_language(item.source, "source")
    report = check_pair(item.source, item.target, _worker_settings, target_lang=item.target_lang,
                        reference=item.reference, rules=_worker_rules, article=item.ref())
    if note:
        report.notes.append(note)
    if _worker_html is not None:
        from mtcheck.report.html import render

        write_atomic(_worker_html / (item.html_name or html_name(item.id)), render(report, title=item.id))
    return {"id": item.id, **to_dict(report, include_texts=False)}


def html_name(item_id: str) -> str:
    """A file name for an id: its safe characters, never hidden, never too long."""
    safe = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in item_id)[:120].lstrip(".")
    return (safe or "article") + ".html"


def unique_html_names(items: Iterator[Item]) -> Iterator[Item]:
    """Give each item its own HTML file: ids that make the same name ("a/en", "a en", "a_en", a repeated id)
    get -2, -3, ... in input order, so a rerun writes the same names. Compared case-blind, for
    case-insensitive file systems."""
    used: set[str] = {"index.html"}  # the batch's own index (write_html_index)
    for item in items:
        name = html_name(item.id)
        stem, n = name.removesuffix(".html"), 1
        while name.lower() in used:
            n += 1
            name = f"{stem}-{n}.html"
        used.add(name.lower())
        item.html_name = name
        yield item


def check_items(items: Iterator[Item], settings: Settings, jobs: int, html_dir: Path | None
             ) -> Iterator[tuple[dict, float]]:
    if jobs <= 1:
        _init_worker(settings, html_dir)
        yield from map(check_item, items)
        return
    # fork keeps start-up cheap where it exists; results come back in input order.
    ctx = get_context("fork") if "fork" in get_all_start_methods() else get_context()
    pool = ctx.Pool(jobs, _init_worker, (settings, html_dir))
    try:
        yield from pool.imap(check_item, items, chunksize=4)
    finally:
        pool.terminate()


def json_line(record: dict) -> str:
    """One JSONL line; text that UTF-8 cannot hold (a lone surrogate in an error message) is \\u-escaped."""
    line = json.dumps(record, ensure_ascii=False)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        line = json.dumps(record)
    return line + "\n"


class Progress:
    def __init__(self, enabled: bool) -> None:
        self.enabled, self.start, self.last = enabled, time.perf_counter(), 0.0

    def update(self, done: int, failed: int, errors: int) -> None:
        now = time.perf_counter()
        if not self.enabled or now - self.last < 0.1:
            return
        self.last = now
        rate = done / max(now - self.start, 1e-9)
        sys.stderr.write(f"\r\033[K{done} articles  {failed} failed  {errors} errors  {rate:.1f}/s")
        sys.stderr.flush()

    def close(self) -> None:
        if self.enabled:
            sys.stderr.write("\r\033[K")


def summarise(records: list[dict], durations: list[float], elapsed: float, jobs: int) -> str:
    checked = [r for r in records if "error" not in r]
    errors = [r for r in records if "error" in r]
    failed = [r for r in checked if not r["passed"]]
    by_cat: Counter[str] = Counter()
    by_sev: Counter[str] = Counter()
    for r in checked:
        by_cat.update(r["counts"]["by_category"])
        by_sev.update({k: v for k, v in r["counts"]["by_severity"].items() if v})
    lines = [f"mtcheck batch: {len(records)} articles in {elapsed:.1f}s on {jobs} worker(s): "
             f"{len(checked) - len(failed)} passed, {len(failed)} failed, {len(errors)} could not be checked"]
    if checked:
        mean = sum(r["score"] for r in checked) / len(checked)
        lines.append(f"  mean score {mean:.1f}; findings by severity: "
                     + (", ".join(f"{k} {v}" for k, v in sorted(by_sev.items())) or "none"))
        lines.append("  findings by category: " + (", ".join(f"{k} {v}" for k, v in sorted(by_cat.items())) or "none"))
        slow = sorted(zip(durations, records), key=lambda x: -x[0])[:5]
        lines.append("  slowest: " + ", ".join(f"{r['id']} {d * 1000:.0f} ms" for d, r in slow if "error" not in r))
    lines += failed_lines(records)
    for r in errors[:10]:
        lines.append(f"  error: {r['error']}")
    if len(errors) > 10:
        lines.append(f"  ... and {len(errors) - 10} more errors (see the output)")
    return "\n".join(lines)


def _markdown(records: list[dict], summary: str) -> str:
    from mtcheck.report.markdown import md_escape

    lines = ["### mtcheck batch", "", "```", summary, "```", "", "| id | score | passed | findings |",
             "|---|---|---|---|"]
    for r in records:
        if "error" in r:
            lines.append(f"| {md_escape(r['id'])} | — | error | {md_escape(r['error'])} |")
        else:
            codes = Counter(f["code"] for f in r["findings"])
            lines.append(f"| {md_escape(r['id'])} | {r['score']:.1f} | {'yes' if r['passed'] else '**no**'} | "
                         + ", ".join(f"{c}×{n}" for c, n in sorted(codes.items())) + " |")
    return "\n".join(lines) + "\n"


def _refuse_output_among_inputs(output: Path, inputs: Path) -> None:
    """Nothing the user wrote is overwritten: not the JSONL input, not an article of an input folder, nor a
    file a later run would read as one (DIR/a/en.txt)."""
    out, root = output.resolve(), inputs.resolve()
    if out == root:
        raise InputError(f"-o {output}: is the input; refusing to overwrite it")
    if root.is_dir() and out.is_relative_to(root) and out.suffix == ".txt":
        raise InputError(f"-o {output}: is inside the input folder {inputs} and would be (or overwrite) an "
                         "article; write the report elsewhere or give it another extension")


def run_batch(args: argparse.Namespace) -> int:
    settings = settings_from_args(args)
    if args.output is not None:
        _refuse_output_among_inputs(args.output, args.input)
        check_output(args.output)
    if args.html_dir is not None:
        check_output_dir(args.html_dir)
    jobs = args.jobs if args.jobs > 0 else (os.cpu_count() or 1)
    items = read_items(args.input, settings.max_bytes)
    if args.html_dir is not None:
        items = unique_html_names(items)
    progress = Progress(sys.stderr.isatty() and not args.no_progress and not args.quiet)
    records: list[dict] = []
    durations: list[float] = []
    failed = errors = 0
    to_stdout = args.output is None and args.format == "jsonl" and not args.statistics
    t0 = time.perf_counter()
    for record, seconds in check_items(items, settings, jobs, args.html_dir):
        records.append(record)
        durations.append(seconds)
        errors += "error" in record
        failed += "error" not in record and not record["passed"]
        if to_stdout:
            sys.stdout.write(json_line(record))
        progress.update(len(records), failed, errors)
    progress.close()
    if args.html_dir is not None:
        write_html_index(args.html_dir, records)
    summary = summarise(records, durations, time.perf_counter() - t0, jobs)
    if settings.waivers:
        summary = "\n".join([summary, *stray_waivers(records, settings.waivers)])
    if settings.history is not None:
        from mtcheck.store.record import record_batch

        run_id = record_batch(settings, records, args.input)
        summary += f"\n  recorded as run {run_id} in {settings.history}"
    if args.format == "markdown":
        text = _markdown(records, summary)
    elif args.format in CI_FORMATS:
        text = record_renderer(args.format)(records)
    else:
        text = "".join(json_line(r) for r in records)
    if args.output is not None:
        write_atomic(args.output, text)
    elif args.format != "jsonl" and not args.statistics:
        sys.stdout.write(text)
    if args.statistics:
        sys.stdout.write(statistics(records))
    note(args, summary)
    if args.write_baseline is not None:
        from mtcheck.baseline import baseline_rows, write_baseline

        rows = [row for r in records if "error" not in r for row in baseline_rows(r["id"], r["findings"])]
        n = write_baseline(args.write_baseline, rows)
        note(args, f"mtcheck: wrote baseline {args.write_baseline} ({n} finding(s))")
        return EXIT_ERROR if errors else EXIT_OK
    if errors:
        return EXIT_ERROR
    return gate_status(not failed, args)
