"""Fuzz mtcheck for a bounded time and report counts: cases run, crashes, tracebacks, hangs, rows lost.

The long profile of the property tests (tests/test_properties.py runs the same properties briefly):

- engine: hostile article pairs (tests/strategies.py) in every target language through check_pair and every
  renderer; a crash is any exception but an InputError, a bad result a violated property (span outside its
  text, excerpt not the text's slice, JSON invalid or not strict), a hang a case over --timeout seconds;
- cli: `mtcheck check` in-process on hostile files (invalid UTF-8, NUL bytes, BOMs, empty, huge), options
  (--fail-under, --target-lang, --format, -o into directories and below files) and configs of every type;
  a traceback is an exception escaping main() or an exit status other than 0, 1, 2;
- batch: JSONL files of good and malformed rows (null fields, lone surrogates, NUL bytes, invalid JSON,
  numbers that crashed the parser); rows lost = non-blank input lines without an output record;
- scaling: pathological inputs (unclosed brackets, quotes, numbers, one long line) at n and 2n: a hang is
  a case over the timeout, and the time ratio shows whether the work is linear (about 2x).

    python scripts/fuzz.py [--examples 400] [--cli 150] [--batch 40] [--timeout 60] [--seed 0] [--out DIR]

Reproducers of every failure are written to --out (default: out/fuzz) as JSON.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import signal
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, Phase, given, seed, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from mtcheck.cli import main as cli_main  # noqa: E402
from mtcheck.lang import TARGET_LANGS  # noqa: E402
from mtcheck.report import FORMATS  # noqa: E402
from tests.properties import check_properties  # noqa: E402
from tests.strategies import FRAGMENTS, LANGS, TEXTS, article_text  # noqa: E402


class Hang(BaseException):
    """Raised by SIGALRM: a case ran past --timeout (BaseException, so no `except Exception` hides it)."""


def _alarm(signum: int, frame: object) -> None:
    raise Hang


class Tally:
    def __init__(self, out: Path) -> None:
        self.counts: dict[str, Counter[str]] = {}
        self.out = out
        self.saved = 0
        self.slowest: dict[str, float] = {}

    def add(self, part: str, outcome: str, case: dict | None = None, seconds: float = 0.0) -> None:
        self.counts.setdefault(part, Counter())["cases"] += 1
        if outcome != "ok":
            self.counts[part][outcome] += 1
        self.slowest[part] = max(self.slowest.get(part, 0.0), seconds)
        if case is not None and outcome not in ("ok", "refused") and self.saved < 200:
            self.out.mkdir(parents=True, exist_ok=True)
            self.saved += 1
            path = self.out / f"{part}-{outcome}-{self.saved}.json"
            path.write_text(json.dumps(case, ensure_ascii=True, indent=1), encoding="utf-8")
            print(f"  {part}: {outcome}: {path}\n    {case.get('error', '')[-300:]}", file=sys.stderr)


@contextlib.contextmanager
def time_limit(seconds: int):
    old = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def _profile(n: int, rng_seed: int):
    def wrap(fn):
        fn = settings(max_examples=n, deadline=None, database=None, phases=[Phase.generate],
                      suppress_health_check=list(HealthCheck))(fn)
        return seed(rng_seed)(fn)
    return wrap


def fuzz_engine(tally: Tally, n: int, timeout: int, rng_seed: int) -> None:
    @_profile(n, rng_seed)
    @given(source=TEXTS, target=st.one_of(TEXTS, st.just(None)), lang=LANGS, long=st.booleans())
    def case(source: str, target: str | None, lang: str, long: bool) -> None:
        if target is None:
            target = source  # the same text on both sides: every rule finds its counterpart
        if long and len(source) < 50:
            source, target = source * 200, target * 200
        t0 = time.perf_counter()
        try:
            with time_limit(timeout):
                result = check_properties(source, target, lang)
            outcome = "refused" if isinstance(result, Exception) else "ok"
            error = ""
        except Hang:
            outcome, error = "hangs", f"over {timeout} s"
        except AssertionError:
            outcome, error = "bad results", traceback.format_exc()
        except Exception:
            outcome, error = "crashes", traceback.format_exc()
        tally.add("engine", outcome, {"source": source, "target": target, "lang": lang, "error": error},
                  time.perf_counter() - t0)

    case()


def _run_cli(argv: list[str], timeout: int) -> tuple[str, str]:
    """(outcome, stderr) of main(argv) in-process."""
    out, err = io.StringIO(), io.StringIO()
    try:
        with time_limit(timeout), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = cli_main(argv)
    except Hang:
        return "hangs", err.getvalue()
    except BaseException:
        return "tracebacks", err.getvalue() + traceback.format_exc()
    if code not in (0, 1, 2) or "Traceback" in err.getvalue():
        return "tracebacks", f"exit {code}\n" + err.getvalue()
    return ("ok" if code != 2 else "refused"), err.getvalue()


GOOD_TEXT = st.builds(lambda base, noise: base + " " + noise, st.sampled_from([
    "Presiden Joko Widodo meresmikan jalan tol baru di Jawa Tengah pada Kamis (3/10) senilai Rp 2,5 triliun.",
    "Sekjen NATO Mark Rutte tiba di Kyiv dan mengatakan bahwa Ukraina lebih dekat dengan NATO.",
]), article_text(max_pieces=15))
GOOD_TARGET = st.builds(lambda base, noise: base + " " + noise, st.sampled_from([
    "President Joko Widodo inaugurated a new toll road in Central Java on Thursday (3/10) worth Rp 2.5 trillion.",
    "NATO Secretary General Mark Rutte arrived in Kyiv and said that Ukraine is closer to NATO.",
]), article_text(max_pieces=15))
HOSTILE_BYTES = st.one_of(
    TEXTS.map(lambda t: t.encode("utf-8")),
    TEXTS.map(lambda t: ("\ufeff" + t).encode("utf-8")),
    st.binary(max_size=300),
    st.just(b""),
    st.builds(lambda t, b: t.encode("utf-8") + b, TEXTS,
              st.sampled_from([b"\x00", b"\xff\xfe", b"\xc3", b"\xed\xa0\x80"])),
    st.builds(lambda f, k: (f * k).encode("utf-8"), FRAGMENTS, st.integers(1, 3000)),
)
# Mostly checkable articles with hostile noise (so the rules run), sometimes hostile bytes (so reading runs).
SOURCE_BYTES = st.one_of(GOOD_TEXT.map(str.encode), GOOD_TEXT.map(str.encode), HOSTILE_BYTES)
TARGET_BYTES = st.one_of(GOOD_TARGET.map(str.encode), GOOD_TARGET.map(str.encode), HOSTILE_BYTES)
CONFIG_VALUES = st.one_of(st.integers(-10, 10**7), st.floats(allow_nan=True, allow_infinity=True), st.booleans(),
                          st.text(max_size=8), st.lists(st.text(max_size=4), max_size=2))
CONFIG_KEYS = st.sampled_from(["fail-under", "max-bytes", "fail-on", "target-lang", "select", "ignore",
                               "extend-select", "severity", "rules", "boilerplate", "glossary", "unknown"])


def _toml_value(v: object) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        return "nan" if v != v else ("inf" if v == float("inf") else "-inf" if v == float("-inf") else repr(v))
    if isinstance(v, (int, str, list)):
        return json.dumps(v)
    return '""'


def fuzz_cli(tally: Tally, n: int, timeout: int, rng_seed: int, work: Path) -> None:
    @_profile(n, rng_seed)
    @given(src=SOURCE_BYTES, tgt=TARGET_BYTES,
           lang=st.one_of(st.none(), st.sampled_from([*TARGET_LANGS, "en", "en", "ko", "", "id"])),
           fmt=st.sampled_from(FORMATS),
           fail_under=st.one_of(st.none(), st.none(), st.sampled_from(["nan", "inf", "-1", "50", "1e400", "x"])),
           output=st.sampled_from([None, None, None, "report.out", "dir", "src.txt/x/out", "new/deep/out.txt",
                                   "src.txt"]),
           config=st.one_of(st.none(), st.none(), st.none(), st.dictionaries(CONFIG_KEYS, CONFIG_VALUES, max_size=2)))
    def case(src: bytes, tgt: bytes, lang, fmt, fail_under, output, config) -> None:
        with tempfile.TemporaryDirectory(dir=work) as tmp:
            d = Path(tmp)
            (d / "src.txt").write_bytes(src)
            (d / "tgt.txt").write_bytes(tgt)
            (d / "dir").mkdir()
            argv = ["check", str(d / "src.txt"), str(d / "tgt.txt"), "--format", fmt]
            if lang is not None:
                argv += ["--target-lang", lang]
            if fail_under is not None:
                argv += ["--fail-under", fail_under]
            if output is not None:
                argv += ["-o", str(d / output)]
            if config is not None:
                (d / "mtcheck.toml").write_text("".join(f"{k} = {_toml_value(v)}\n" for k, v in config.items()),
                                                encoding="utf-8")
                argv += ["--config", str(d / "mtcheck.toml")]
            t0 = time.perf_counter()
            outcome, err = _run_cli(argv, timeout)
            if outcome in ("ok", "refused") and output == "src.txt" and (d / "src.txt").read_bytes() != src:
                outcome, err = "overwrote an input", err
            left = [p.name for p in d.rglob("*.tmp")]
            if left:
                outcome, err = "temporaries left", ", ".join(left)
            tally.add("cli", outcome, {"argv": argv[3:], "src": src.decode("latin-1"), "tgt": tgt.decode("latin-1"),
                                       "config": config, "error": err}, time.perf_counter() - t0)

    case()


ROW = st.one_of(
    st.builds(lambda s, t, lang: {"source": s, "target": t, "target_lang": lang}, TEXTS, TEXTS, LANGS),
    st.builds(lambda s, t: {"source": s, "target": t}, article_text(), article_text()),
    st.dictionaries(st.sampled_from(["id", "source", "target", "target_lang", "reference"]),
                    st.one_of(st.none(), st.integers(), st.floats(), TEXTS, st.lists(st.integers(), max_size=2))),
)


@st.composite
def jsonl_line(draw: st.DrawFn, n: int) -> bytes:
    row = draw(ROW)
    if isinstance(row, dict) and draw(st.booleans()):
        row.setdefault("id", f"row-{n}")
    line = json.dumps(row, ensure_ascii=draw(st.booleans()))
    damage = draw(st.sampled_from(["none"] * 6 + ["surrogate", "nul", "truncate", "latin1", "notjson"]))
    if damage == "surrogate" and '"source": "' in line:
        line = line.replace('"source": "', '"source": "\\ud800', 1)
    raw = line.encode("utf-8")
    if damage == "nul":
        raw = raw[: len(raw) // 2] + b"\x00" + raw[len(raw) // 2:]
    elif damage == "truncate":
        raw = raw[: max(1, len(raw) // 2)]
    elif damage == "latin1":
        raw += b" \xe9"
    elif damage == "notjson":
        raw = b"not json at all"
    return raw.replace(b"\n", b" ").replace(b"\r", b" ")


def fuzz_batch(tally: Tally, n: int, timeout: int, rng_seed: int, work: Path) -> None:
    @_profile(n, rng_seed)
    @given(lines=st.lists(st.integers(0, 10**6).flatmap(jsonl_line), min_size=1, max_size=12),
           jobs=st.sampled_from(["1", "1", "1", "2"]), html=st.booleans())
    def case(lines: list[bytes], jobs: str, html: bool) -> None:
        with tempfile.TemporaryDirectory(dir=work) as tmp:
            d = Path(tmp)
            src = d / "rows.jsonl"
            src.write_bytes(b"\n".join(lines) + b"\n")
            out = d / "out.jsonl"
            argv = ["batch", str(src), "-o", str(out), "--jobs", jobs, "--no-progress"]
            if html:
                argv += ["--html-dir", str(d / "html")]
            t0 = time.perf_counter()
            outcome, err = _run_cli(argv, timeout)
            expected = sum(1 for line in lines if line.strip())
            head = b"\n".join(lines)[:8192]
            if b"\x00" in head and not any(x.lstrip().startswith(b"{") for x in head.splitlines()):
                expected = 0  # not JSONL at all (binary): refused whole, by design
            records = out.read_text(encoding="utf-8").split("\n")[:-1] if out.exists() else []
            got = len(records)  # JSONL lines end at "\n" only
            tally.counts.setdefault("batch", Counter())["rows"] += expected
            if got != expected and outcome not in ("hangs", "tracebacks"):
                tally.counts["batch"]["rows lost"] += max(0, expected - got)
                outcome, err = "rows lost", f"{expected} rows in, {got} out\n{err}"
            elif html and (d / "html").exists():
                pages = len([p for p in (d / "html").iterdir() if p.name != "index.html"])  # the batch's index
                checked = sum(1 for r in map(json.loads, records) if "error" not in r)
                if pages != checked:
                    outcome, err = "html overwritten", f"{checked} checked, {pages} pages"
            tally.add("batch", outcome, {"lines": [x.decode("latin-1") for x in lines], "jobs": jobs,
                                         "error": err}, time.perf_counter() - t0)

    case()


PATHOLOGICAL = {
    "unclosed brackets": lambda n: ("Kata (" * n, "Word (" * n),
    "unopened brackets": lambda n: ("Kata ] " * n, "Word ] " * n),
    "quotes": lambda n: ('Dia "berkata ' * n, 'He "said ' * n),
    "numbers": lambda n: (" ".join(f"Dia membeli {i}.000,5 juta ton beras." for i in range(n)),
                          " ".join(f"He bought {i},000.5 million tons of rice." for i in range(n))),
    "one long line": lambda n: ("Presiden Joko Widodo di Jakarta " * n, "President Joko Widodo in Jakarta " * n),
    "names": lambda n: (" ".join(f"Bapak Budi{i} Santoso" for i in range(n)) + ".",
                        " ".join(f"Mr Budi{i} Santoso" for i in range(n)) + "."),
}


def fuzz_scaling(tally: Tally, timeout: int, base: int) -> list[tuple[str, float, float]]:
    check_properties("Presiden (Jokowi) berkata.", "The president (Jokowi) said.", "en")  # warm: data, langdetect
    check_properties("Presiden (Jokowi) berkata " * 30, "The (president) Jokowi said " * 30, "en")
    rows = []
    for name, make in PATHOLOGICAL.items():
        times = []
        for n in (base, 2 * base):
            source, target = make(n)
            t0 = time.perf_counter()
            try:
                with time_limit(timeout):
                    result = check_properties(source, target, "en")
                outcome = "refused" if isinstance(result, Exception) else "ok"
            except Hang:
                outcome = "hangs"
            except AssertionError:
                outcome = "bad results"
            except Exception:
                outcome = "crashes"
            times.append(time.perf_counter() - t0)
            tally.add("scaling", outcome, {"family": name, "n": n, "error": outcome}, times[-1])
        rows.append((name, times[0], times[1]))
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--examples", type=int, default=400, help="engine cases (default 400)")
    ap.add_argument("--cli", type=int, default=150, help="CLI cases (default 150)")
    ap.add_argument("--batch", type=int, default=40, help="batch files (default 40)")
    ap.add_argument("--scale", type=int, default=1500, help="size n of the pathological inputs (default 1500)")
    ap.add_argument("--timeout", type=int, default=60, help="seconds before a case counts as a hang")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", type=Path, default=ROOT / "out" / "fuzz", help="where reproducers go")
    args = ap.parse_args()
    tally = Tally(args.out)
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if args.examples:
            fuzz_engine(tally, args.examples, args.timeout, args.seed)
        if args.cli:
            fuzz_cli(tally, args.cli, args.timeout, args.seed, work)
        if args.batch:
            fuzz_batch(tally, args.batch, args.timeout, args.seed, work)
    scaling = fuzz_scaling(tally, args.timeout, args.scale) if args.scale else []
    cols = ["cases", "refused", "crashes", "bad results", "tracebacks", "hangs", "rows", "rows lost",
            "temporaries left", "overwrote an input", "html overwritten"]
    print(f"mtcheck fuzz: seed {args.seed}, {time.perf_counter() - t0:.0f} s, timeout {args.timeout} s\n")
    print("| part | " + " | ".join(cols) + " | slowest case (s) |")
    print("|---" * (len(cols) + 2) + "|")
    for part, c in tally.counts.items():
        print(f"| {part} | " + " | ".join(str(c.get(k, 0)) for k in cols) + f" | {tally.slowest.get(part, 0):.1f} |")
    if scaling:
        print("\n| pathological input | n | time at n (s) | time at 2n (s) | ratio |\n|---|---|---|---|---|")
        for name, t1, t2 in scaling:
            print(f"| {name} | {args.scale} | {t1:.2f} | {t2:.2f} | {t2 / max(t1, 1e-9):.1f}x |")
    failures = sum(c.get(k, 0) for c in tally.counts.values() for k in cols[2:] if k != "rows")
    print(f"\n{failures} failure(s); reproducers in {args.out}" if failures else "\nno failures")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
