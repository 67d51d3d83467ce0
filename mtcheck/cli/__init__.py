"""Command line: wires argparse to functions and returns the exit status from one place.

Exit status: 0 passed, 1 the gate failed, 2 usage or input error.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from mtcheck import __version__
from mtcheck.cli.output import add_output_args
from mtcheck.errors import InputError
from mtcheck.report import CI_FORMATS, FORMATS

if TYPE_CHECKING:  # imported in settings_from_args: `mtcheck --version` loads no rule and no analysis
    from mtcheck.config import Settings

EXIT_OK, EXIT_FAILED, EXIT_ERROR = 0, 1, 2
EXIT_INTERRUPTED, EXIT_TERMINATED = 130, 143  # 128 + SIGINT, 128 + SIGTERM, as a shell reports them


class Terminated(BaseException):
    """SIGTERM, raised in the main thread like KeyboardInterrupt, so that `finally` blocks remove temporary
    files and stop worker pools before the process exits."""


def _raise_terminated(signum: int, frame: object) -> None:
    raise Terminated


def _quiet_stdout() -> None:
    """After a broken pipe (| head), point stdout at /dev/null so the flush at exit raises nothing."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _columns() -> int:
    """shutil.get_terminal_size().columns, without importing shutil."""
    import os

    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class _Formatter(argparse.HelpFormatter):
    """argparse's help formatter, its width found without shutil: argparse makes one at every add_argument,
    and shutil brings bz2, lzma and zlib, about 1% of a check's start-up."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24,
                 width: int | None = None) -> None:
        super().__init__(prog, indent_increment, max_help_position, _columns() - 2 if width is None else width)


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> None:  # argparse exits 2 too; keep its message, drop nothing
        self.print_usage(sys.stderr)
        raise InputError(message)


def _add_settings_args(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("rules and gate (override the config file)")
    g.add_argument("--config", type=Path, help="mtcheck.toml or pyproject.toml (default: nearest one upwards)")
    g.add_argument("--target-lang", help="target language code (default: detected)")
    g.add_argument("--select", help="comma-separated codes or prefixes to enable (replaces the config's)")
    g.add_argument("--extend-select", help="comma-separated codes to enable in addition")
    g.add_argument("--ignore", help="comma-separated codes or prefixes to disable")
    g.add_argument("--severity", action="append", default=[], metavar="CODE=SEVERITY",
                   help="re-grade a rule, e.g. MT601=major (repeatable)")
    g.add_argument("--fail-under", type=float, help="fail when the score is below N (default 90)")
    g.add_argument("--fail-on", help="fail on any finding at this severity or above: minor, major, critical, "
                                     "never (default critical)")
    g.add_argument("--max-bytes", type=int, help="largest article accepted, in bytes (default 1,000,000)")
    g.add_argument("--neural", action="store_true", default=None,
                   help="run the neural rules (MT701-MT703) and embedding alignment; needs mtcheck[neural]")
    g.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    g.add_argument("--review-db", type=str, metavar="FILE",
                   help="the review app's decisions (SQLite); check and batch honour its false positives as "
                        "waivers (also review-db in the config; review's default: mtcheck-review.sqlite)")
    g = p.add_argument_group("waivers and baselines (see README, 'Waivers and baselines')")
    g.add_argument("--waivers", type=Path, metavar="FILE",
                   help="accepted findings (TOML [[waiver]] tables), added to the config's 'waivers'")
    g.add_argument("--baseline", type=Path, metavar="FILE",
                   help="report and gate only findings not in this baseline")
    g.add_argument("--write-baseline", type=Path, metavar="FILE",
                   help="record every current finding in FILE (then exit 0)")


def _add_history_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--history", type=str, metavar="DB",
                   help="record this run in an SQLite history (also history = \"...\" in the config)")


def _csv(value: str | None) -> list[str] | None:
    return [v.strip() for v in value.split(",") if v.strip()] if value is not None else None


def settings_from_args(args: argparse.Namespace) -> Settings:
    from mtcheck.config import apply_table, load_settings, parse_severity

    settings = load_settings(args.config, None if args.config else Path.cwd())
    table: dict = {}
    for key in ("select", "extend_select", "ignore"):
        value = _csv(getattr(args, key, None))
        if value is not None:
            table[key.replace("_", "-")] = value
    if getattr(args, "severity", None):
        sev = {}
        for item in args.severity:
            code, sep, level = item.partition("=")
            if not sep:
                raise InputError(f"--severity {item}: expected CODE=SEVERITY, e.g. MT601=major")
            sev[code.strip()] = parse_severity(level.strip(), "--severity").value
        table["severity"] = sev
    for key in ("target_lang", "fail_under", "fail_on", "max_bytes", "history", "review_db"):
        if getattr(args, key, None) is not None:
            table[key.replace("_", "-")] = getattr(args, key)
    if getattr(args, "waivers", None) is not None:
        table["waivers"] = str(args.waivers)
    if getattr(args, "neural", None):
        table["neural"] = True
    settings = apply_table(settings, table, "command line") if table else settings
    if settings.neural.enabled:
        from mtcheck.neural_support import require_neural

        require_neural()
    if getattr(args, "baseline", None) is not None:
        if getattr(args, "write_baseline", None) is not None:
            raise InputError("--baseline and --write-baseline: give one (a new baseline records every finding)")
        from dataclasses import replace

        from mtcheck.baseline import load_baseline

        settings = replace(settings, baseline=load_baseline(args.baseline))
    # Editors' false positives from `mtcheck review` are waivers too, where `review-db` names their database.
    if settings.review_db is None:
        return settings  # (and the review store is not imported)
    from mtcheck.store.waivers import with_review_waivers

    return with_review_waivers(settings)


def use_colour(args: argparse.Namespace, stream: object, environ: dict[str, str] | None = None) -> bool:
    """--color always/never decides; otherwise NO_COLOR (set and not empty, no-color.org) turns colour off,
    FORCE_COLOR (set, not empty and not "0", force-color.org) turns it on even when piped (CI logs render
    ANSI colours), and else colour is on only on a terminal. NO_COLOR wins over FORCE_COLOR."""
    import os

    env = os.environ if environ is None else environ
    if args.color != "auto":
        return args.color == "always"
    if env.get("NO_COLOR"):
        return False
    if env.get("FORCE_COLOR", "") not in ("", "0"):
        return True
    return bool(getattr(stream, "isatty", lambda: False)())


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command; with `command`, the other commands are listed (for --help) without their
    arguments: building them all was about 3% of the CPU of a `mtcheck check`."""

    def wanted(name: str) -> bool:
        return command is None or command == name

    parser = _Parser(prog="mtcheck", description="Check machine translations of Indonesian news articles.")
    parser.add_argument("--version", action="version", version=f"mtcheck {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    p = sub.add_parser("check", help="check one translation against its Indonesian original")
    if wanted("check"):
        # Optional for argparse only, so that a missing file gets mtcheck's own message (pointing at the demo).
        p.add_argument("source", nargs="?", help="Indonesian original (file, or - for stdin)")
        p.add_argument("target", nargs="?", help="translation (file, or - for stdin)")
        p.add_argument("--reference", help="a human reference translation: adds BLEU, chrF and TER")
        p.add_argument("--format", choices=FORMATS, default="text")
        p.add_argument("-o", "--output", type=Path, help="write the report here (atomically) instead of stdout")
        _add_settings_args(p)
        add_output_args(p)
        _add_history_arg(p)

    p = sub.add_parser("batch", help="check many articles: a JSONL file or a directory")
    if wanted("batch"):
        p.add_argument("input", type=Path, help="JSONL file or directory of articles (see README)")
        p.add_argument("-o", "--output", type=Path, help="write JSONL reports here (atomically) instead of stdout")
        p.add_argument("--format", choices=("jsonl", "markdown", *CI_FORMATS), default="jsonl")
        p.add_argument("--html-dir", type=Path, help="also write one HTML report per article into this folder")
        p.add_argument("--jobs", "-j", type=int, default=0,
                       help="worker processes (default: all cores); with --engine dask, local workers")
        p.add_argument("--resume", action="store_true",
                       help="finish an interrupted batch: keep the reports in OUT.partial, check only the rest")
        p.add_argument("--engine", choices=("local", "dask"), default="local",
                       help="local processes (default) or a Dask cluster (pip install 'mtcheck[dask]')")
        p.add_argument("--scheduler", metavar="tcp://HOST:8786",
                       help="the Dask scheduler to use (default: a LocalCluster of --jobs workers)")
        p.add_argument("--partition-size", type=int, default=64, metavar="N",
                       help="articles per Dask task (default 64)")
        p.add_argument("--timings", action="store_true",
                       help="keep each report's timings_ms (then two runs no longer give the same bytes)")
        p.add_argument("--no-progress", action="store_true", help="no progress bar or progress lines")
        p.add_argument("--progress-interval", type=float, default=30.0, metavar="SECONDS",
                       help="without a terminal, a progress line every SECONDS (default 30)")
        _add_settings_args(p)
        add_output_args(p)
        _add_history_arg(p)

    p = sub.add_parser("demo", help="check the shipped real sample (VOI, Rutte in Kyiv) and print the report")
    if wanted("demo"):
        p.add_argument("--format", choices=FORMATS, default="text")
        p.add_argument("-o", "--output", type=Path)
        _add_settings_args(p)
        add_output_args(p)

    p = sub.add_parser("config", help="print the effective settings and where each one came from")
    if wanted("config"):
        p.add_argument("--format", choices=("text", "json"), default="text")
        _add_settings_args(p)
        _add_history_arg(p)

    p = sub.add_parser("review", help="review findings in the browser: a local web app (needs the review extra)")
    if wanted("review"):
        p.add_argument("paths", nargs="*", metavar="PATH",
                       help="a batch output (with --inputs), a batch input JSONL or directory, or SOURCE TARGET")
        p.add_argument("--inputs", type=Path, help="the batch input (JSONL or directory) a batch output was made from")
        p.add_argument("--host", default="127.0.0.1",
                       help="address to listen on (default 127.0.0.1: this machine only)")
        p.add_argument("--port", type=int, default=8765, help="port (default 8765; 0 picks a free one)")
        p.add_argument("--no-browser", action="store_true", help="print the URL but do not open a browser")
        p.add_argument("--author", help="name recorded with each decision")
        p.add_argument("--jobs", "-j", type=int, default=0, help="processes checking the articles (default: all cores)")
        p.add_argument("--export-waivers", type=Path, metavar="FILE",
                       help="write the false-positive decisions as a waiver TOML file and exit")
        _add_settings_args(p)
        _add_history_arg(p)

    p = sub.add_parser("history", help="runs recorded with --history: list, diff RUN_A RUN_B, trend")
    if wanted("history"):
        p.add_argument("action", nargs="?", choices=("list", "diff", "trend"), default="list")
        p.add_argument("runs", nargs="*", metavar="RUN", help="for diff: two run ids (or prefixes, last, last~1)")
        p.add_argument("--history", type=str, metavar="DB", help="the history database (default: history in config)")
        p.add_argument("--config", type=Path, help="mtcheck.toml or pyproject.toml")
        p.add_argument("--by", choices=("language", "rule"), default="language", help="trend per language or rule")
        p.add_argument("--format", choices=("text", "json"), default="text")

    p = sub.add_parser("cache", help="the cache of tables built on first use: its size; clean removes it")
    if wanted("cache"):
        p.add_argument("action", nargs="?", choices=("info", "clean"), default="info")
        p.add_argument("--older-than", type=float, default=0.0, metavar="DAYS",
                       help="only entries not used for DAYS days (info: default 30; clean: default all)")

    p = sub.add_parser("rules", help="list the rules, or show one rule's documentation")
    if wanted("rules"):
        p.add_argument("code", nargs="?", help="a rule code, e.g. MT601")
        p.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    # _signal, not signal (whose enums cost a start-up more than the handler): the same functions and numbers.
    import _signal

    previous = None
    if hasattr(_signal, "SIGTERM"):
        try:
            previous = _signal.signal(_signal.SIGTERM, _raise_terminated)
        except ValueError:  # not the main thread (main() called from a thread): no handler
            previous = None
    try:
        status = _main(argv)
    finally:
        if previous is not None:
            _signal.signal(_signal.SIGTERM, previous)
    return status


def program() -> None:
    """The `mtcheck` program (its console script and `python -m mtcheck`): main() on sys.argv, then exit with
    its status; after one article (`check`, `demo`) without the interpreter's teardown (_exit_now)."""
    status = main()
    if _command(sys.argv[1:]) in ("check", "demo"):
        status = _exit_now(status)
    sys.exit(status)


def _exit_now(status: int) -> int:
    """End the program after one article without the interpreter's teardown, which frees every module's
    objects one by one and collects once more (~25M instructions, 4% of a warm `mtcheck check`) only for the
    process to end. What a normal exit does that matters runs first: the exit handlers (the caches' saves),
    then stdout's and stderr's flush. Where that cannot be done as a normal exit would (no atexit runner,
    other threads alive, a flush that fails), the status is returned and Python exits as usual."""
    import atexit
    import os

    run = getattr(atexit, "_run_exitfuncs", None)  # CPython's own: what a normal exit calls
    threading = sys.modules.get("threading")
    if run is None or (threading is not None and threading.active_count() > 1):
        return status
    run()  # (and clears them: a normal exit after this does not run them twice)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:  # | head: as _main's handler
        _quiet_stdout()
    except (OSError, ValueError, AttributeError):  # a full disk, a closed or missing stream: Python's report
        return status
    os._exit(status)


def _import_frozen(module: str) -> None:
    """Import the checker (every rule and analysis) with the garbage collector off, then freeze what it
    made: the modules, classes and tables live as long as the process, and the collector would otherwise go
    through them again at each collection; forked batch workers then share those pages, untouched."""
    import gc
    from importlib import import_module

    gc.disable()
    try:
        import_module(module)
    finally:
        gc.freeze()
        gc.enable()


def _argparse_untranslated() -> None:
    """argparse translates each of its messages with gettext, which looks for a catalog on disk at every
    call (four stats and the locale's names expanded: 27 calls, ~1% of a `mtcheck check`) and, finding
    none, returns the message unchanged. Where no catalog of gettext's current domain exists for the
    user's languages, argparse gets that answer from a NullTranslations without the search; where one
    exists, argparse is left as it is. For the program only (main() without arguments)."""
    import gettext

    domain = gettext.textdomain()
    if gettext.find(domain, gettext.bindtextdomain(domain), all=True):
        return
    untranslated = gettext.NullTranslations()
    argparse._ = untranslated.gettext  # type: ignore[attr-defined]
    argparse.ngettext = untranslated.ngettext  # type: ignore[attr-defined]


def _command(argv: Sequence[str]) -> str | None:
    """The command a command line names (its first word that is no option), or None."""
    return next((a for a in argv if not a.startswith("-")), None)


def _main(argv: Sequence[str] | None) -> int:
    command = _command(sys.argv[1:] if argv is None else argv)
    if argv is None:
        _argparse_untranslated()
    if command in ("check", "demo", "batch") and argv is None:
        # The program's checks: the regex cache before argparse and gettext compile their own patterns
        # (~10 of them, gettext's plural-forms tokenizer the largest), inspect deferred before anything
        # imports it. Enabled again below once the arguments say which command it is (a no-op then).
        from mtcheck import codecache, recache

        if command != "batch":
            codecache.defer_inspect()
        recache.enable()
    parser = build_parser(command)
    try:
        args = parser.parse_args(argv)
        if args.command is None:
            parser.print_help(sys.stderr)
            return EXIT_ERROR
        if args.command in ("check", "demo", "batch") and argv is None:
            # The program (not a caller of main() with arguments, like the tests, which would fill the cache
            # with their own patterns): before any analysis module compiles its patterns.
            from mtcheck import codecache, recache

            if args.command != "batch":  # one thread (a batch may run Dask's): see defer_inspect
                codecache.defer_inspect()
            recache.enable()  # first: importing dataclasses (inspect, tokenize) compiles patterns too
            codecache.enable()  # before the first dataclass is defined
            _import_frozen("mtcheck.cli.batch" if args.command == "batch" else "mtcheck.cli.check")
        if args.command == "check":
            from mtcheck.cli.check import run_check

            return run_check(args)
        if args.command == "demo":
            from mtcheck.cli.check import run_demo

            return run_demo(args)
        if args.command == "config":
            from mtcheck.cli.config import run_config

            return run_config(args)
        if args.command == "batch":
            from mtcheck.cli.batch import run_batch

            return run_batch(args)
        if args.command == "review":
            from mtcheck.cli.review import run_review

            return run_review(args)
        if args.command == "history":
            from mtcheck.cli.history import run_history

            return run_history(args)
        if args.command == "cache":
            from mtcheck.cli.cache import run_cache

            return run_cache(args)
        from mtcheck.cli.rules import run_rules

        return run_rules(args)
    except InputError as e:
        print(f"mtcheck: error: {e}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("mtcheck: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Terminated:
        print("mtcheck: terminated", file=sys.stderr)
        return EXIT_TERMINATED
    except BrokenPipeError:
        _quiet_stdout()
        return EXIT_OK
