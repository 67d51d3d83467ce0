"""Cold start: cached tables give the same answers as the libraries they replace; the CLI loads lazily."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mtcheck.cache import cache_dir
from mtcheck.lang.base import latin_words
from mtcheck.text import lexicon
from tests.helpers import FIXTURES, ROOT


@pytest.fixture
def fresh_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("MTCHECK_CACHE_DIR", str(tmp_path / "cache"))
    lexicon.zipf.cache_clear()
    lexicon._table.cache_clear()
    yield tmp_path / "cache"
    lexicon.zipf.cache_clear()
    lexicon._table.cache_clear()


def _article_words() -> set[str]:
    words: set[str] = set()
    for folder in (FIXTURES / "articles").iterdir():
        for path in folder.glob("*.txt"):
            words.update(m.group() for m in latin_words(path.read_text(encoding="utf-8")))
    return words


def test_frequency_table_answers_as_wordfreq(fresh_cache: Path) -> None:
    from wordfreq import zipf_frequency

    words = sorted(_article_words())
    assert len(words) > 500 and any("-" in w for w in words) and any("'" in w or "’" in w for w in words)
    for lang in ("en", "id"):
        mine = [lexicon.zipf(w, lang) for w in words]
        assert mine == [zipf_frequency(w.lower(), lang) for w in words]
    assert list(fresh_cache.glob("wordfreq-en-*.sqlite")) and list(fresh_cache.glob("wordfreq-asked-en-*"))
    # A second process (here: a cleared cache) answers from the tables the same way.
    lexicon.zipf.cache_clear()
    lexicon._table.cache_clear()
    assert [lexicon.zipf(w, "en") for w in words[:200]] == [zipf_frequency(w.lower(), "en") for w in words[:200]]


def test_asked_words_are_written_in_batches(fresh_cache: Path) -> None:
    import sqlite3

    from wordfreq import zipf_frequency

    words = ["Jum'at", "O'Brien", "rock'n'roll", "2-0"]
    assert [lexicon.zipf(w, "en") for w in words] == [zipf_frequency(w.lower(), "en") for w in words]
    (asked,) = fresh_cache.glob("wordfreq-asked-en-*.sqlite")

    def stored() -> set[str]:
        with sqlite3.connect(asked) as db:
            return {w for (w,) in db.execute("SELECT w FROM a")}

    assert not stored() & {w.lower() for w in words}  # fewer than a batch: nothing written yet
    lexicon._table("en").flush()
    assert {w.lower() for w in words} <= stored()


def test_frequencies_without_a_writable_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("MTCHECK_CACHE_DIR", str(blocked / "cache"))
    lexicon.zipf.cache_clear()
    lexicon._table.cache_clear()
    try:
        from wordfreq import zipf_frequency

        for w in ("Rutte", "rumah", "menteri", "al-Qaeda", "Jum'at"):
            assert lexicon.zipf(w, "id") == zipf_frequency(w.lower(), "id")
    finally:
        lexicon.zipf.cache_clear()
        lexicon._table.cache_clear()


def _python(code: str, cache: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "MTCHECK_CACHE_DIR": str(cache)}
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env,
                          cwd=ROOT, check=True, timeout=120)


def test_regex_cache_restores_the_same_patterns(tmp_path: Path) -> None:
    probe = ("import re, sys, json; from mtcheck import recache; recache.enable(); "
             "pat = r'(?P<w>Belanda|Indonesia|Kyiv)(?=\\s)|\\d{1,2}/\\d{1,2}'; "
             "hit = (str, pat, re.I) in recache._saved; p = re.compile(pat, re.I); "
             "print(json.dumps([hit, p.flags, dict(p.groupindex), [m.span() for m in p.finditer(sys.argv[1])]]))")
    text = "di belanda dan Kyiv pada 3/10 lalu INDONESIA "
    first = json.loads(_python(probe, tmp_path, text).stdout)
    second = json.loads(_python(probe, tmp_path, text).stdout)
    # compiled by the first process, restored in the second (from the saved program, when re asked for it)
    assert first[0] is False and second[0] is True
    assert first[1:] == second[1:] and first[3] == [[3, 10], [15, 19], [25, 29], [35, 44]]


@pytest.mark.parametrize("argv", [["--version"], ["rules"], ["rules", "MT601"], ["cache"]])
def test_version_and_rules_load_no_rule_and_no_analysis(tmp_path: Path, argv: list[str]) -> None:
    probe = ("import sys, json\nfrom mtcheck.cli import main\ntry:\n    main(sys.argv[1:])\nexcept SystemExit:\n"
             "    pass\nprint(json.dumps(sorted(m for m in sys.modules if m.startswith(('mtcheck.', 'wordfreq', "
             "'babel', 'langdetect', 'rapidfuzz', 'sacrebleu')))))")
    first = _python(probe, tmp_path, *argv).stdout  # `rules` builds its table here, once
    out = _python(probe, tmp_path, *argv).stdout
    assert out.splitlines()[:-1] == first.splitlines()[:-1]  # the same listing from the cached table
    loaded = json.loads(out.splitlines()[-1])
    assert not [m for m in loaded if m.startswith(("mtcheck.rules", "mtcheck.text", "mtcheck.config", "wordfreq",
                                                   "babel", "langdetect", "rapidfuzz", "sacrebleu", "mtcheck.lang"))]


def test_check_gives_the_same_report_with_warm_caches(tmp_path: Path) -> None:
    probe = ("import sys\nfrom mtcheck.cli import main\nsys.argv = ['mtcheck', 'check', sys.argv[1], sys.argv[2], "
             "'--format', 'json', '--target-lang', 'en']\nmain()")  # as the program runs it: regex cache on
    src, tgt = FIXTURES / "articles" / "komdigi-judi" / "id.txt", FIXTURES / "articles" / "komdigi-judi" / "en.txt"
    cold = json.loads(_python(probe, tmp_path, str(src), str(tgt)).stdout)
    warm = json.loads(_python(probe, tmp_path, str(src), str(tgt)).stdout)
    assert list((tmp_path).glob("gazetteer-en-*.pickle")) and list(tmp_path.glob("regex4-*.marshal"))
    cold.pop("timings_ms")
    warm.pop("timings_ms")
    assert cold == warm and cold["findings"]


_NAME_TEXTS = ["Rutte, Mark Rutte dan rutte-Rutte; RUTTE's ruttes Rutte", "BelandaRutte 荷兰Rutte首相 Rutte5 -Rutte",
               "Ana banana ana ANA anana", "Kelvin \u212aana ana\u212a Ẁana ana", ""]


@pytest.mark.parametrize("text", _NAME_TEXTS)
@pytest.mark.parametrize("word", ["Rutte", "ana", "ANA", "na", "Rutte首相", "-"])
@pytest.mark.parametrize("ignore_case", [False, True])
def test_latin_word_matches_are_the_spans_of_the_boundary_regex(text: str, word: str, ignore_case: bool) -> None:
    import re

    from mtcheck.text.entities import LATIN_AFTER, LATIN_BEFORE, count_latin_word, latin_word_matches

    pattern = LATIN_BEFORE + re.escape(word) + LATIN_AFTER
    expected = [m.span() for m in re.finditer(pattern, text, re.I if ignore_case else 0)]
    assert list(latin_word_matches(text, word, ignore_case)) == expected
    assert count_latin_word(text, word, ignore_case) == len(expected)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aAnN- \u212a\u00c5\u00e5x", max_size=24),
       st.text(alphabet="aAnN\u00e5", min_size=1, max_size=3), st.booleans())
def test_latin_word_matches_on_any_text(text: str, word: str, ignore_case: bool) -> None:
    import re

    from mtcheck.text.entities import LATIN_AFTER, LATIN_BEFORE, latin_word_matches

    pattern = LATIN_BEFORE + re.escape(word) + LATIN_AFTER
    assert list(latin_word_matches(text, word, ignore_case)) == [
        m.span() for m in re.finditer(pattern, text, re.I if ignore_case else 0)]


def test_regex_cache_keeps_first_what_runs_use(tmp_path: Path) -> None:
    probe = ("import re, sys, marshal; from mtcheck import recache; recache.enable(); "
             "[re.compile(p) for p in sys.argv[1:]]; recache._save(); "
             "print([e[0] for e in marshal.loads(open(recache._path(), 'rb').read())])")
    first = eval(_python(probe, tmp_path, "alpha[0-9]+", "beta[0-9]+", "gamma[0-9]+").stdout)
    assert {"alpha[0-9]+", "beta[0-9]+", "gamma[0-9]+"} <= set(first)
    # A later run asks for one saved pattern and compiles a new one: both lead the rewritten file, and the
    # patterns it did not use stay behind them.
    second = eval(_python(probe, tmp_path, "gamma[0-9]+", "delta[0-9]+").stdout)
    assert second.index("gamma[0-9]+") < second.index("alpha[0-9]+")
    assert second.index("delta[0-9]+") < second.index("alpha[0-9]+") and set(first) <= set(second)
    # Nothing new: the file is left as it is.
    path = next(tmp_path.glob("regex4-*.marshal"))
    before = path.stat().st_mtime_ns
    assert eval(_python(probe, tmp_path, "gamma[0-9]+").stdout) == second and path.stat().st_mtime_ns == before


def test_regex_cache_saves_the_patterns_re_dropped_from_its_own_cache(tmp_path: Path) -> None:
    """re keeps the last 512 patterns: a batch whose articles compile more (their names' patterns) pushed the
    modules' own patterns, compiled first, out of it, and they were never saved (round 12)."""
    probe = ("import re, sys, marshal; from mtcheck import recache; recache.enable(); "
             "first = re.compile(r'(?<=[a-z])[.!?]+(?=[A-Z])'); "
             "[re.compile(f'name{i}[0-9]+') for i in range(600)]; "
             "dropped = (str, first.pattern, 0) not in dict.keys(re._cache); recache._save(); "
             "saved = [e[0] for e in marshal.loads(open(recache._path(), 'rb').read())]; "
             "print(dropped, first.pattern in saved, saved.index(first.pattern), len(saved))")
    dropped, kept, at, n = _python(probe, tmp_path).stdout.split()
    assert dropped == "True" and kept == "True" and at == "0" and int(n) <= 1000


def test_katakana_romanised_without_pykakasis_legacy_api(tmp_path: Path) -> None:
    """mtcheck builds pykakasi's converter from its modules without the package's __init__ (whose legacy
    API imports deprecated, wrapt and asyncio); it romanises as pykakasi.kakasi() does, and a later
    `import pykakasi` still gets the whole package."""
    probe = ("import sys, json\nfrom mtcheck.text.transliterate import romanise\n"
             "mine = [romanise(w, 'ja') for w in sys.argv[1:]]\n"
             "early = sorted(m for m in sys.modules if m.split('.')[0] in ('wrapt', 'deprecated', 'asyncio'))\n"
             "import pykakasi\n"
             "theirs = [''.join(p['hepburn'] for p in pykakasi.kakasi().convert(w)) for w in sys.argv[1:]]\n"
             "print(json.dumps([mine, theirs, early, callable(pykakasi.kakasi)]))")
    words = ["ルッテ", "ゼレンスキー", "ヴァイオリン", "キーウ", "ウォロディミル", "マーク・ルッテ", "ジョッキー",
             "東京"]
    mine, theirs, early, whole = json.loads(_python(probe, tmp_path, *words).stdout)
    assert mine == theirs and mine[0] == "rutte" and early == [] and whole


_ZH_SOURCE = ("Perdana Menteri Belanda Mark Rutte tiba di Kyiv pada hari Selasa. Rutte bertemu Presiden Volodymyr "
              "Zelensky dan menjanjikan bantuan sebesar 2,5 miliar euro.")
_ZH_TARGET = "荷兰首相马克·吕特周二抵达基辅。吕特会见了总统弗拉基米尔·泽连斯基，并承诺提供25亿欧元的援助。"


def test_a_plain_check_loads_no_review_store_and_no_pinyin_dictionaries(tmp_path: Path) -> None:
    """Without --waivers, --baseline or a review database, `check` imports none of their modules; a zh check
    reads pinyin from the cached table, not from pypinyin's dictionaries (the first run builds it)."""
    (tmp_path / "a.id.txt").write_text(_ZH_SOURCE, encoding="utf-8")
    (tmp_path / "a.zh.txt").write_text(_ZH_TARGET, encoding="utf-8")
    probe = ("import sys, json\nfrom mtcheck.cli import main\ntry:\n    main(sys.argv[1:])\nexcept SystemExit:\n"
             "    pass\nprint(json.dumps(sorted(m for m in sys.modules if m.startswith(('mtcheck.', 'pypinyin')))))")
    args = [str(tmp_path / "a.id.txt"), str(tmp_path / "a.zh.txt"), "--target-lang", "zh", "--format", "json"]
    # The user's cache, as other CLI tests use it (a fresh one would build every table: half a minute).
    cache = Path(os.environ["MTCHECK_CACHE_DIR"]) if os.environ.get("MTCHECK_CACHE_DIR") else cache_dir()
    first = _python(probe, cache, "check", *args).stdout
    out = _python(probe, cache, "check", *args).stdout
    loaded = json.loads(out.splitlines()[-1])
    assert "mtcheck.text.pinyin" in loaded and "mtcheck.rules.names" in loaded
    assert not [m for m in loaded if m.startswith(("mtcheck.store", "mtcheck.waivers", "mtcheck.baseline",
                                                   "pypinyin"))]
    assert json.loads("\n".join(first.splitlines()[:-1]))["findings"] == json.loads(
        "\n".join(out.splitlines()[:-1]))["findings"]


def test_dataclass_code_cache_makes_the_same_classes(tmp_path: Path) -> None:
    """The methods dataclasses writes come from the cache in a second process, and are the code dataclasses
    compiles itself (same bytecode, constants, names and flags; annotations as objects, not strings)."""
    probe = ("import sys, json\nfrom mtcheck import codecache\ncodecache.enable()\n"
             "known = len(codecache._codes)\n"
             "import dataclasses\nfrom typing import Optional\n"
             "@dataclasses.dataclass(frozen=True, order=True)\nclass P:\n    x: int\n    y: Optional[str] = None\n"
             "    z: tuple = dataclasses.field(default=(), compare=False)\n"
             "mine = {n: getattr(P, n).__code__ for n in ('__init__', '__eq__', '__lt__', '__repr__', '__setattr__',"
             " '__hash__')}\n"
             "dataclasses.exec = exec  # dataclasses' own compilation\n"
             "@dataclasses.dataclass(frozen=True, order=True)\nclass P:\n    x: int\n    y: Optional[str] = None\n"
             "    z: tuple = dataclasses.field(default=(), compare=False)\n"
             "same = all(getattr(P, n).__code__ == c for n, c in mine.items())\n"
             "print(json.dumps([known > 0, same, P.__init__.__annotations__['x'] is int, repr(P(1, 'a')),"
             " P(1) < P(2), P(1, z=(1,)) == P(1)]))")
    first = json.loads(_python(probe, tmp_path, "").stdout)
    second = json.loads(_python(probe, tmp_path, "").stdout)
    assert first[0] is False and second[0] is True  # compiled by the first process, read by the second
    assert first[1:] == second[1:] == [True, True, "P(x=1, y='a', z=())", True, True]
    assert list(tmp_path.glob("dataclass-code-*.marshal"))


def test_root_words_by_prefix_answer_as_the_set() -> None:
    """KBBI's root words are kept as one text per three-letter prefix: every word of the set, and words one
    letter off (a letter added, dropped, changed), are found exactly when the set holds them."""
    from mtcheck.text import dictionary

    words = dictionary.root_words()
    table = dictionary.roots()
    probes = set(words) | {"", "ia", "a", "#", "xq"}
    for w in sorted(words)[::7]:
        probes |= {w + "a", w[:-1], w[1:], "z" + w, w[:-1] + "q", w.upper()}
    wrong = [p for p in probes if (p in table) != (p in words)]
    assert not wrong and len(words) > 25_000 and "ia" in table and "rumah" in table and "jokowi" not in table


def test_persistent_tables_are_built_once_and_loaded_after(tmp_path: Path) -> None:
    """A table built from the shipped data is pickled into the cache by the first process and loaded by the
    next (no build), equal to what building gives; the key holds the arguments."""
    probe = ("import sys, json\nfrom mtcheck.text import gender, dictionary\nbuilt = []\n"
             "import mtcheck.text.alternation as alt\nreal = alt.alternation\n"
             "gender.alternation = lambda *a, **k: built.append(1) or real(*a, **k)\n"
             "p = gender.people_pattern()\n"
             "q = gender.people_pattern((('Wulan Zarkasih', 'Wulan Qomaruddin', 'woman'),))\n"
             "print(json.dumps([len(built), p.pattern, p.flags, 'Qomaruddin' in q.pattern, 'Qomaruddin' in p.pattern,"
             " p.pattern == gender.people_pattern.__wrapped__().pattern]))")
    first = json.loads(_python(probe, tmp_path).stdout)
    second = json.loads(_python(probe, tmp_path).stdout)
    assert first[0] == 2 and second[0] == 0  # built by the first process (both keys), loaded by the second
    assert first[1:] == second[1:] and first[3:] == [True, False, True]
    assert len(list(tmp_path.glob("derived-gender.people_pattern-*.pickle"))) == 2


def test_regex_cache_serves_a_str_pattern_asked_with_re_unicode(tmp_path: Path) -> None:
    """A compiled pattern loaded from a pickle is compiled again as re.compile(pattern, re.UNICODE | flags);
    the cache serves it from the program saved for the same pattern without re.UNICODE (re compiles the two
    alike), instead of compiling it again, and it matches as the compiled one does."""
    probe = ("import re, sys, json; from mtcheck import recache; recache.enable()\n"
             "pat = r'(?<![\\w’])(?:Rutte|Belanda)(?![\\w’])'\n"
             "if sys.argv[1] == 'second':\n"
             "    import re._compiler as c\n"
             "    c.compile = None  # would raise if re compiled anything\n"
             "    p = re.compile(pat, re.UNICODE | re.I)\n"
             "else:\n"
             "    p = re.compile(pat, re.I)\n"
             "print(json.dumps([p.flags, [m.span() for m in p.finditer('belanda, Rutte’s Rutte')]]))")
    first = json.loads(_python(probe, tmp_path, "first").stdout)
    second = json.loads(_python(probe, tmp_path, "second").stdout)
    assert first == second and first[1] == [[0, 7], [17, 22]]  # not the Rutte before ’s



def test_tables_without_a_cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A cache path that runs through a file (no folder can be made there) costs time only: the tables are
    built in memory, no error (this raised NotADirectoryError from removing the unreadable file)."""
    from mtcheck.cache import load_or_build
    from mtcheck.lang.base import data_toml
    from mtcheck.text.gender import people_pattern

    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("MTCHECK_CACHE_DIR", str(blocked / "cache"))
    assert load_or_build("probe", ["x"], lambda: {"built": 1}) == {"built": 1}
    assert "pronouns" in (data_toml("id", "third_person.toml") or {})
    assert people_pattern((("Wulan Zarkasih", "Wulan Qomaruddin", "woman"),)).search("Wulan Zarkasih")
    assert not list(tmp_path.glob("**/*.pickle"))


def test_every_dataclass_has_a_docstring() -> None:
    """`mtcheck check` imports inspect deferred (codecache.defer_inspect): dataclasses reads it only to write
    the docstring of a class without one, so one dataclass without a docstring loads inspect, ast, dis and
    tokenize again in every check. This lists them by file and line."""
    import ast

    missing = []
    for path in sorted((ROOT / "mtcheck").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.ClassDef) and ast.get_docstring(node) is None
                    and any("dataclass" in ast.unparse(d) for d in node.decorator_list)):
                missing.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name}")
    assert not missing


def test_deferred_inspect_is_the_real_module_once_read(tmp_path: Path) -> None:
    """The deferred inspect runs nothing until an attribute is read; then `inspect.x`, `from inspect import
    x` and dataclasses' own reference all see the real module, and a class without a docstring gets the one
    dataclasses writes from inspect.signature."""
    probe = ("import sys, json\nfrom mtcheck import codecache\ncodecache.defer_inspect()\nimport dataclasses\n"
             "before = ['ast' in sys.modules, 'tokenize' in sys.modules]\n"
             "@dataclasses.dataclass\nclass P:\n    x: int\n    y: str = 'a'\n"
             "from inspect import signature\nimport inspect\n"
             "print(json.dumps([before, P.__doc__, str(signature(P)), inspect.isclass(P), 'ast' in sys.modules,"
             " dataclasses.inspect is sys.modules['inspect'], type(inspect).__name__]))")
    before, doc, sig, isclass, ast_loaded, same, kind = json.loads(_python(probe, tmp_path).stdout)
    assert before == [False, False]
    assert doc == "P(x: int, y: str = 'a')" and sig == "(x: int, y: str = 'a') -> None"
    assert isclass and ast_loaded and same and kind == "module"


def test_the_program_ends_a_check_as_a_normal_exit_would(tmp_path: Path) -> None:
    """`python -m mtcheck check` ends without the interpreter's teardown (cli._exit_now) and without loading
    inspect for real, yet exits with the gate's status, with the whole report on stdout, and saves what the
    exit handlers save (the regex cache of a fresh cache folder); a second run gives the same report."""
    sample = ROOT / "mtcheck" / "samples" / "rutte-kyiv"
    cmd = [sys.executable, "-m", "mtcheck", "check", f"{sample}.id.txt", f"{sample}.en.txt", "--target-lang", "en",
           "--format", "json"]
    env = {**os.environ, "MTCHECK_CACHE_DIR": str(tmp_path)}
    runs = [subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300)
            for _ in range(2)]
    reports = [json.loads(r.stdout) for r in runs]
    assert [r.returncode for r in runs] == [1, 1]  # the sample fails the default gate (major findings)
    assert list(tmp_path.glob("regex4-*.marshal")) and list(tmp_path.glob("dataclass-code-*.marshal"))
    for report in reports:
        report.pop("timings_ms")
    assert reports[0] == reports[1] and reports[0]["findings"]
    probe = ("import sys, io, contextlib\nsys.argv = ['mtcheck', *sys.argv[1:]]\nfrom mtcheck import cli\n"
             "def exit_now(status):\n    print('ast' in sys.modules, 'tokenize' in sys.modules, status, "
             "file=sys.stderr)\n    return status\n"
             "cli._exit_now = exit_now\nwith contextlib.redirect_stdout(io.StringIO()):\n    try:\n"
             "        cli.program()\n    except SystemExit as e:\n        print('exit', e.code, file=sys.stderr)\n")
    out = subprocess.run([sys.executable, "-c", probe, *cmd[3:]], capture_output=True, text=True, env=env,
                         cwd=tmp_path, timeout=300)
    assert out.stderr.split() == ["False", "False", "1", "exit", "1"]
