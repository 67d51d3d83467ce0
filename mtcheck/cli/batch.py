"""`mtcheck batch`: check many articles on all cores or a Dask cluster, stream reports, print a summary.

The batch holds no reports in memory: each record is appended to the journal `OUT.partial` (beside the
output `OUT`) as soon as it and every record before it are done, and flushed, so an interrupted batch keeps
everything it finished there; the journal is renamed to `OUT` at the end. Records come in input order, so a
journal is always a prefix of the complete output and `--resume` continues it exactly where it stopped.
Reports carry no timings unless --timings is given: the output is the same bytes on every run and engine.
"""

from __future__ import annotations

import argparse
import heapq
import itertools
import json
import multiprocessing
import shutil
import signal
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TextIO

from mtcheck.batch import Item, count_items, read_items
from mtcheck.cli import EXIT_ERROR, EXIT_OK, Terminated, settings_from_args
from mtcheck.cli.output import failed_lines, gate_status, note, statistics, stray_waivers
from mtcheck.config import Settings
from mtcheck.engine import check_pair, check_source_language
from mtcheck.engines import dask_client, dask_map, default_jobs, local_map
from mtcheck.errors import InputError
from mtcheck.io import check_output, check_output_dir, write_atomic
from mtcheck.progress import Progress
from mtcheck.report import CI_FORMATS, record_renderer
from mtcheck.report.json_report import to_dict

_worker_settings: Settings | None = None
_worker_rules: list | None = None
_worker_html: Path | None = None
_worker_timings = False


def _init_worker(settings: Settings, html_dir: Path | None, timings: bool = False) -> None:
    global _worker_settings, _worker_rules, _worker_html, _worker_timings
    if multiprocessing.parent_process() is not None and threading.current_thread() is threading.main_thread():
        # Ctrl-C and a service manager's SIGTERM reach the whole process group: the parent alone handles them
        # (one message, exit 130/143) and kills the workers (engines.kill_pool); a worker dying on its own
        # would be replaced by the pool, or die holding a queue lock. (A Dask worker runs tasks in a thread
        # and handles its own signals.)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
    _worker_settings, _worker_rules, _worker_html = settings, settings.selected_rules(), html_dir
    _worker_timings = timings


def write_html_index(html_dir: Path, records: Iterable[dict]) -> None:
    """index.html beside the per-article reports, linking each with its score (errors listed too). Records
    come in input order, so the same naming as the items' gives each report's file."""
    from mtcheck.report.html import render_index

    names = [it.html_name for it in unique_html_names(Item(id=r["id"]) for r in records)]
    entries = [{"id": r["id"], "error": r.get("error"), "file": name,
                "score": r.get("score", 0.0), "passed": r.get("passed", False),
                "target_lang": r.get("target_lang"),
                "findings": sum(1 for f in r.get("findings", []) if not f.get("waived"))}
               for r, name in zip(records, names)]
    write_atomic(html_dir / "index.html", render_index(entries, title=f"mtcheck batch: {len(entries)} articles"))


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
    record = {"id": item.id, **to_dict(report, include_texts=False)}
    if not _worker_timings:
        record["timings_ms"] = {}  # the only part that differs between two runs of the same input
    return record


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


def check_partition(items: list[Item], settings: Settings, html_dir: Path | None, timings: bool
                    ) -> list[tuple[dict, float]]:
    """check_item over one partition, on a Dask worker (which keeps its rules between partitions)."""
    if _worker_settings is not settings:
        from mtcheck import recache

        recache.enable()
        _init_worker(settings, html_dir, timings)
    return [check_item(item) for item in items]


def check_items(items: Iterable[Item], settings: Settings, jobs: int, html_dir: Path | None,
                timings: bool = False, engine: str = "local", scheduler: str | None = None,
                partition_size: int = 64) -> Iterator[tuple[dict, float]]:
    """(record, seconds) per item, in input order, on the chosen engine."""
    if engine == "dask":
        from functools import partial

        try:
            import distributed  # noqa: F401
        except ImportError:
            raise InputError("--engine dask needs dask.distributed: pip install 'mtcheck[dask]'") from None
        fn = partial(check_partition, settings=settings, html_dir=html_dir, timings=timings)
        with dask_client(scheduler, jobs) as client:
            yield from dask_map(fn, items, client, partition_size=partition_size)
        return
    items = iter(items)
    if jobs > 1:
        # The first article is checked here: the tables it loads (word frequencies, gazetteer, langdetect's
        # profiles, compiled patterns) are then shared by every forked worker instead of loaded by each.
        first = next(items, None)
        if first is None:
            return
        _init_worker(settings, html_dir, timings)
        yield check_item(first)
    yield from local_map(check_item, items, jobs, _init_worker, (settings, html_dir, timings))


_LINE_BREAKING = str.maketrans({"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"})


def json_line(record: dict) -> str:
    """One JSONL line; text that UTF-8 cannot hold (a lone surrogate in an error message) is \\u-escaped, and
    so are the characters other readers take for line ends (U+2028, U+2029, NEL: str.splitlines, JavaScript):
    found by scripts/fuzz.py, where a row's text made one record read as two lines."""
    line = json.dumps(record, ensure_ascii=False)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        line = json.dumps(record)
    return line.translate(_LINE_BREAKING) + "\n"


class Summary:
    """The batch's counters: what the summary prints, without keeping any report."""

    def __init__(self) -> None:
        self.total = self.checked = self.failed = 0
        self.score_sum = 0.0
        self.by_cat: Counter[str] = Counter()
        self.by_sev: Counter[str] = Counter()
        self.slowest: list[tuple[float, int, str]] = []  # a heap of the 5 slowest: (seconds, n, id)
        self.errors: list[str] = []  # the first 10
        self.n_errors = 0

    def add(self, record: dict, seconds: float = 0.0) -> None:
        self.total += 1
        if "error" in record:
            self.n_errors += 1
            if len(self.errors) < 10:
                self.errors.append(record["error"])
            return
        self.checked += 1
        self.failed += not record["passed"]
        self.score_sum += record["score"]
        self.by_cat.update(record["counts"]["by_category"])
        self.by_sev.update({k: v for k, v in record["counts"]["by_severity"].items() if v})
        if seconds > 0:
            entry = (seconds, self.total, record["id"])
            if len(self.slowest) < 5:
                heapq.heappush(self.slowest, entry)
            else:
                heapq.heappushpop(self.slowest, entry)

    def text(self, elapsed: float, workers: str, failed: Sequence[str] = ()) -> str:
        lines = [f"mtcheck batch: {self.total} articles in {elapsed:.1f}s on {workers}: "
                 f"{self.checked - self.failed} passed, {self.failed} failed, {self.n_errors} could not be checked"]
        if self.checked:
            lines.append(f"  mean score {self.score_sum / self.checked:.1f}; findings by severity: "
                         + (", ".join(f"{k} {v}" for k, v in sorted(self.by_sev.items())) or "none"))
            lines.append("  findings by category: "
                         + (", ".join(f"{k} {v}" for k, v in sorted(self.by_cat.items())) or "none"))
            if self.slowest:
                lines.append("  slowest: " + ", ".join(f"{i} {d * 1000:.0f} ms"
                                                       for d, _, i in sorted(self.slowest, reverse=True)))
        lines += failed
        for e in self.errors:
            lines.append(f"  error: {e}")
        if self.n_errors > len(self.errors):
            lines.append(f"  ... and {self.n_errors - len(self.errors)} more errors (see the output)")
        return "\n".join(lines)


def _markdown(records: Iterable[dict], summary: str) -> str:
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


def journal_path(output: Path) -> Path:
    return output.with_name(output.name + ".partial")


def _journal_records(journal: Path) -> Iterator[dict]:
    with open(journal, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                raise InputError(f"{journal}:{n}: not a record of mtcheck batch; delete the file to start over"
                                 ) from None
            if not isinstance(record, dict) or "id" not in record or not (
                    "error" in record or {"passed", "score", "counts"} <= record.keys()):
                raise InputError(f"{journal}:{n}: not a record of mtcheck batch; delete the file to start over")
            yield record


class JournalRecords:
    """The records of a finished journal, read again from the file at each iteration: what the summary, the
    statistics and the other output formats need, without holding the batch in memory."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __iter__(self) -> Iterator[dict]:
        return _journal_records(self.path)


def _cut_torn_line(journal: Path) -> None:
    """A batch killed while writing leaves half a line at the end: drop it (that article is redone)."""
    with open(journal, "rb+") as f:
        f.seek(0, 2)
        size = f.tell()
        if size == 0:
            return
        pos = size
        while pos > 0:
            step = min(65536, pos)
            f.seek(pos - step)
            chunk = f.read(step)
            nl = chunk.rfind(b"\n")
            if nl >= 0:
                f.truncate(pos - step + nl + 1)
                return
            pos -= step
        f.truncate(0)


def _open_journal(output: Path, resume: bool, summary: Summary, fmt: str = "jsonl") -> tuple[TextIO, int]:
    """The journal to append to and how many input items it already holds (their records go to `summary`)."""
    journal = journal_path(output)
    if journal.exists() and not resume:
        raise InputError(f"{journal}: an interrupted batch left its finished reports here; pass --resume to "
                         "finish it, or delete the file to start over")
    done = 0
    if resume:
        if not journal.exists() and output.exists() and fmt == "jsonl":
            shutil.copyfile(output, journal)  # a finished output: resuming checks it against the input
        if journal.exists():
            _cut_torn_line(journal)
            for record in _journal_records(journal):
                summary.add(record)
                done += 1
    output.parent.mkdir(parents=True, exist_ok=True)
    return open(journal, "a", encoding="utf-8", newline="\n"), done


def _skip_done(items: Iterator[Item], journal: Path, done: int) -> Iterator[Item]:
    """The items after the first `done`, which must be the journal's, in order."""
    if done:
        for n, record in enumerate(itertools.islice(_journal_records(journal), done), 1):
            item = next(items, None)
            if item is None or item.id != record["id"]:
                found = "the input ends" if item is None else f"the input has '{item.id}'"
                raise InputError(f"{journal}:{n}: holds '{record['id']}' where {found}; --resume needs the "
                                 "same input (and options) as the interrupted batch")
    yield from items


def _progress_mode(args: argparse.Namespace) -> str:
    if args.no_progress:
        return "off"
    return "bar" if sys.stderr.isatty() else "lines"


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
    if args.resume and args.output is None:
        raise InputError("--resume needs -o OUT: the output of the interrupted batch")
    if args.scheduler and args.engine != "dask":
        raise InputError("--scheduler needs --engine dask")
    jobs = args.jobs if args.jobs > 0 else default_jobs()
    items = read_items(args.input, settings.max_bytes)
    if args.html_dir is not None:
        items = unique_html_names(items)
    summary = Summary()
    if args.output is not None:
        journal, done = _open_journal(args.output, args.resume, summary, args.format)
        path = journal_path(args.output)
    else:  # to stdout: the journal is a temporary file, for the summary and the formats written at the end
        import tempfile

        fd, name = tempfile.mkstemp(prefix="mtcheck-batch-", suffix=".jsonl")
        journal = open(fd, "w", encoding="utf-8", newline="\n")  # noqa: SIM115 - closed in _finish or on error
        done, path = 0, Path(name)
    mode = "off" if args.quiet else _progress_mode(args)
    progress = Progress(mode, count_items(args.input) if mode != "off" else None, done=done,
                        interval=args.progress_interval)
    to_stdout = args.output is None and args.format == "jsonl" and not args.statistics
    t0 = time.perf_counter()
    workers = f"{jobs} worker(s)" if args.engine == "local" else f"dask ({args.scheduler or f'{jobs} local workers'})"
    try:
        todo = _skip_done(iter(items), path, done) if done else items
        for record, seconds in check_items(todo, settings, jobs, args.html_dir, timings=args.timings,
                                           engine=args.engine, scheduler=args.scheduler,
                                           partition_size=args.partition_size):
            summary.add(record, seconds)
            line = json_line(record)
            journal.write(line)
            journal.flush()
            if to_stdout:
                sys.stdout.write(line)
                sys.stdout.flush()
            progress.update(failed="error" not in record and not record["passed"], error="error" in record)
    except BaseException as e:
        progress.close()
        journal.close()
        if args.output is None:
            path.unlink(missing_ok=True)
        elif isinstance(e, (KeyboardInterrupt, Terminated)):
            print(f"mtcheck: kept the {summary.total} finished record(s) in {path}; run the same command with "
                  "--resume to finish", file=sys.stderr)
        raise
    progress.close()
    try:
        return _finish(args, settings, summary, journal, path, time.perf_counter() - t0, workers)
    finally:
        if args.output is None:
            path.unlink(missing_ok=True)


def _finish(args: argparse.Namespace, settings: Settings, summary: Summary, journal: TextIO, path: Path,
            elapsed: float, workers: str) -> int:
    """The complete journal becomes the output (renamed for JSONL, rendered from it for the other formats);
    then the summary, the statistics, the baseline and the exit status."""
    import os

    journal.flush()
    os.fsync(journal.fileno())
    journal.close()
    records = JournalRecords(path)
    text = summary.text(elapsed, workers, failed_lines(records))
    if settings.waivers:
        text = "\n".join([text, *stray_waivers(records, settings.waivers)])
    if args.html_dir is not None:
        write_html_index(args.html_dir, records)
    if settings.history is not None:
        from mtcheck.store.record import record_batch

        run_id = record_batch(settings, records, args.input)
        text += f"\n  recorded as run {run_id} in {settings.history}"
    rendered = None
    if args.format == "markdown":
        rendered = _markdown(records, text)
    elif args.format in CI_FORMATS:
        rendered = record_renderer(args.format)(list(records))
    stats = statistics(records) if args.statistics else None
    rows = None
    if args.write_baseline is not None:
        from mtcheck.baseline import baseline_rows, write_baseline

        rows = [row for r in records if "error" not in r for row in baseline_rows(r["id"], r["findings"])]
    if args.output is not None:
        if rendered is None:
            os.replace(path, args.output)
        else:
            write_atomic(args.output, rendered)
            path.unlink()
    elif rendered is not None and stats is None:
        sys.stdout.write(rendered)
    if stats is not None:
        sys.stdout.write(stats)
    note(args, text)
    if rows is not None:
        n = write_baseline(args.write_baseline, rows)
        note(args, f"mtcheck: wrote baseline {args.write_baseline} ({n} finding(s))")
        return EXIT_ERROR if summary.n_errors else EXIT_OK
    if summary.n_errors:
        return EXIT_ERROR
    return gate_status(not summary.failed, args)
