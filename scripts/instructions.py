"""Instructions per article (callgrind), this checkout against another commit's sources, from one cache.

Seconds on the shared 2-core machine move by +-30% with the load, so a change of a few per cent to the CPU
per article is measured in instructions: valgrind's callgrind counts the instructions of the checks alone
(`--collect-atstart=no --toggle-collect=sys_call_tracing`: the imports, data loading and a warm-up of
FLORES articles are not counted, only the NTREX articles checked inside `sys.call_tracing`), with
`PYTHONHASHSEED=0`, the regex cache on as `mtcheck batch` has it (bench.py's `--per-article-only`).

The count depends on the cache's state (round 11, engineer A): the regex cache (mtcheck/recache.py) gives
the patterns it saved a first-character set that those compiled in the process lack, and a run saves the
patterns it compiled for the next. So each side runs in its own copy of one cache folder, twice, and the
second run is the one counted: both start from the same files and count with their own patterns saved.

    valgrind must be installed.
With `--batch FILE`, each side first runs `mtcheck batch FILE --jobs 1` (`PYTHONHASHSEED=7`) in its cache
copy, which leaves the cache as a long batch does (the regex cache full of the articles' patterns), and the
two batches' outputs are compared byte for byte (the findings must not change).

    python scripts/instructions.py --baseline DIR [--cache DIR] [--batch FILE] [--lang en] [--articles 20]
    (DIR: an export of another commit's sources, `git archive COMMIT mtcheck | tar -x -C DIR`)

With `--pofilter`, translate-toolkit's pofilter (its StandardChecker on each paragraph, as bench.py's
"CPU per article vs pofilter" runs it) is counted on the same articles after the same warm-up, and the
ratio of this checkout to it is printed: issue 17's item 6 (at most 2.5x) in instructions, which the load
on a shared machine does not move. Instructions are not seconds (the two spend them in different C code),
so the figure is a noise-free companion of bench.py's, not a replacement.

With `--cache-sim`, callgrind also simulates the caches and branch predictors (`--cache-sim=yes
--branch-sim=yes`; the first-level caches as this machine's, the last level as valgrind reads it) and each
side's misses and mispredictions are printed per thousand instructions: why the two sides' instructions cost
different seconds (round 16: pofilter's are mostly re's inner loops, mtcheck's the interpreter's, with about
four times the instruction-cache misses and three times the mispredicted branches per instruction).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _inner_pofilter(root: Path, lang: str, articles: int, warm_up: int) -> None:
    """Run under callgrind: pofilter's checks of the same articles, warmed up on the same FLORES articles."""
    sys.path.insert(0, str(HERE))
    from bench import _articles
    from translate.filters import checks
    from translate.storage import pypo

    checker = checks.StandardChecker(checks.CheckerConfig(targetlanguage=lang))

    def pofilter(s: str, t: str) -> None:
        for ps, pt in zip(s.split("\n\n"), t.split("\n\n")):
            unit = pypo.pounit(ps)
            unit.target = pt
            checker.run_filters(unit)

    for s, t in _articles(root, 136, lang, corpus="flores")[:warm_up]:
        pofilter(s, t)
    arts = _articles(root, 136, lang)[:articles]

    def run() -> None:
        for s, t in arts:
            pofilter(s, t)

    sys.call_tracing(run, ())


def _inner(root: Path, lang: str, articles: int, warm_up: int) -> None:
    """Run under callgrind: warm up uncounted, then check the NTREX articles inside sys.call_tracing."""
    from mtcheck import recache

    recache.enable()  # as `mtcheck batch` does, before any rule compiles its patterns
    sys.path.insert(0, str(HERE))
    from bench import _articles

    from mtcheck.config import Settings
    from mtcheck.engine import check_pair
    from mtcheck.text.langid import sentence_probabilities

    settings = Settings()
    rules = settings.selected_rules()
    for s, t in _articles(root, 136, lang, corpus="flores")[:warm_up]:
        check_pair(s, t, settings, target_lang=lang, rules=rules)
    sentence_probabilities("profil langdetect dimuat sebelum pengukuran", lang)
    arts = _articles(root, 136, lang)[:articles]

    def run() -> None:
        for s, t in arts:
            check_pair(s, t, settings, target_lang=lang, rules=rules)

    sys.call_tracing(run, ())


# Callgrind's event names (with --cache-sim and --branch-sim) and what they count.
EVENTS = {"I1mr": "instruction-cache misses (L1)", "D1mr": "data-cache read misses (L1)",
          "D1mw": "data-cache write misses (L1)", "ILmr": "instruction misses (last level)",
          "DLmr": "data read misses (last level)", "DLmw": "data write misses (last level)",
          "Bcm": "conditional branches mispredicted", "Bim": "indirect branches mispredicted"}


def totals(text: str) -> dict[str, int]:
    """The totals of a callgrind output file, by event name ("Ir" alone without the simulations)."""
    names = re.search(r"^events: (.+)$", text, re.M)
    found = re.search(r"^(?:summary|totals): ([\d ]+)$", text, re.M)
    if not names or not found:
        raise ValueError("no events or totals line in callgrind's output")
    # callgrind leaves trailing zeros out of a cost line
    values = [int(v) for v in found.group(1).split()]
    return {name: values[i] if i < len(values) else 0 for i, name in enumerate(names.group(1).split())}


def per_kilo(events: dict[str, int]) -> dict[str, float]:
    """Each simulated event per thousand instructions (the rates that make instructions cost more time)."""
    ir = events.get("Ir", 0)
    return {name: 1000 * events[name] / ir for name in EVENTS if name in events and ir}


def _count(src: Path, cache: Path, args: argparse.Namespace, inner: str = "--inner") -> int:
    """One callgrind run of the inner side with `src` on the path and `cache` as the cache: instructions
    (with --cache-sim, the run's events are kept in args.events[inner, src])."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONDONTWRITEBYTECODE")}
    env.update(PYTHONPATH=str(src), PYTHONHASHSEED="0", MTCHECK_CACHE_DIR=str(cache))
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "callgrind.out"
        subprocess.run(
            ["valgrind", "--tool=callgrind", "--collect-atstart=no", "--toggle-collect=sys_call_tracing",
             *(["--cache-sim=yes", "--branch-sim=yes"] if args.cache_sim else []),
             f"--callgrind-out-file={out}", sys.executable, str(Path(__file__).resolve()), inner,
             "--root", str(args.root), "--lang", args.lang, "--articles", str(args.articles),
             "--warm-up", str(args.warm_up)],
            env=env, check=True, capture_output=True)
        text = out.read_text(errors="replace")
    try:
        events = totals(text)
    except ValueError:
        raise SystemExit(f"instructions.py: no totals in callgrind's output for {src}") from None
    args.events[inner, str(src)] = events
    return events["Ir"]


def _batch(src: Path, cache: Path, rows: Path, out: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONDONTWRITEBYTECODE")}
    env.update(PYTHONPATH=str(src), PYTHONHASHSEED="7", MTCHECK_CACHE_DIR=str(cache))
    subprocess.run([sys.executable, "-m", "mtcheck", "batch", str(rows), "-o", str(out), "--jobs", "1",
                    "--no-progress", "--exit-zero", "-q"], env=env, check=True, capture_output=True)


def _batch_out(rows: Path, who: str) -> Path:
    """Where a side's batch output is kept (next to the input, for a look at any difference)."""
    return rows.resolve().parent / f"{rows.stem}.{who}.out.jsonl"


def _print_rates(events: dict[tuple[str, str], dict[str, int]], sides: dict[str, Path]) -> None:
    """Per side (its last run), each simulated event per thousand instructions."""
    print("per 1,000 instructions: " + ", ".join(f"{name} = {what}" for name, what in EVENTS.items()))
    for who, src in sides.items():
        rates = per_kilo(events[("--inner-pofilter" if who == "pofilter" else "--inner"), str(src)])
        print(f"  {who}: " + "  ".join(f"{name} {rate:.2f}" for name, rate in rates.items()))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--root", type=Path, default=Path("/work/shared/corpora"))
    ap.add_argument("--baseline", type=Path, help="another commit's sources (the folder holding mtcheck/)")
    ap.add_argument("--cache", type=Path, help="the cache folder both sides start from (copied; default: "
                    "$MTCHECK_CACHE_DIR)")
    ap.add_argument("--lang", default="en")
    ap.add_argument("--articles", type=int, default=20, help="NTREX articles counted (default 20)")
    ap.add_argument("--warm-up", type=int, default=30, help="FLORES articles first, uncounted (default 30)")
    ap.add_argument("--runs", type=int, default=2, help="runs per side, the last counted (default 2)")
    ap.add_argument("--batch", type=Path, help="a JSONL batch each side runs first in its cache copy")
    ap.add_argument("--pofilter", action="store_true", help="also count pofilter on the same articles")
    ap.add_argument("--cache-sim", action="store_true",
                    help="also simulate caches and branch prediction: misses per thousand instructions")
    ap.add_argument("--inner", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--inner-pofilter", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    args.events = {}
    if args.inner:
        _inner(args.root, args.lang, args.articles, args.warm_up)
        return
    if args.inner_pofilter:
        _inner_pofilter(args.root, args.lang, args.articles, args.warm_up)
        return
    if shutil.which("valgrind") is None:
        raise SystemExit("instructions.py: valgrind is not installed")
    here = HERE.parent
    sides = {"this": here} | ({"baseline": args.baseline.resolve()} if args.baseline else {})
    start = args.cache or Path(os.environ.get("MTCHECK_CACHE_DIR") or Path.home() / ".cache" / "mtcheck")
    counts: dict[str, list[int]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for who, src in sides.items():
            cache = Path(tmp) / who
            if start.is_dir():
                shutil.copytree(start, cache)
            if args.batch:
                _batch(src, cache, args.batch.resolve(), _batch_out(args.batch, who))
            counts[who] = [_count(src, cache, args) for _ in range(args.runs)]
            runs = ", ".join(f"{n / 1e6:,.1f}M" for n in counts[who])
            print(f"{who}: {counts[who][-1] / 1e6:,.1f}M instructions for {args.articles} {args.lang} articles "
                  f"({counts[who][-1] / args.articles / 1e6:.2f}M per article; runs {runs})", flush=True)
        if args.batch and "baseline" in counts:
            same = _batch_out(args.batch, "this").read_bytes() == _batch_out(args.batch, "baseline").read_bytes()
            print(f"batch outputs {'identical' if same else 'DIFFERENT'} ({args.batch})")
        if args.pofilter:
            counts["pofilter"] = [_count(here, Path(tmp) / "this", args, "--inner-pofilter")]
            print(f"pofilter: {counts['pofilter'][-1] / 1e6:,.1f}M instructions for the same articles "
                  f"({counts['pofilter'][-1] / args.articles / 1e6:.2f}M per article)", flush=True)
    if args.cache_sim:
        _print_rates(args.events, sides | ({"pofilter": here} if args.pofilter else {}))
    if "baseline" in counts:
        print(f"this / baseline: {counts['this'][-1] / counts['baseline'][-1]:.3f}x")
    if "pofilter" in counts:
        print(f"this / pofilter: {counts['this'][-1] / counts['pofilter'][-1]:.2f}x (issue 17 item 6: at most 2.5x)")


if __name__ == "__main__":
    main()
