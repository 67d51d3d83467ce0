"""scripts/evaluate_names.py --without-observed: the dev half read without names/observed.tsv, the table
harvested from the dev half's own clean translations (round 13). Run in a subprocess: the option replaces a
module function of the process that reads the table."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_PROBE = """
import sys
sys.path.insert(0, "scripts")
import evaluate_names
from mtcheck.text.renderings import known_renderings
before = "uthappa" in known_renderings("ar"), "trump" in known_renderings("ar")
evaluate_names._without_observed()
after = "uthappa" in known_renderings("ar"), "trump" in known_renderings("ar")
print(before, after)
"""


def test_without_observed_reads_only_the_hand_compiled_table() -> None:
    out = subprocess.run([sys.executable, "-c", _PROBE], cwd=ROOT, capture_output=True, text=True, check=True)
    # Uthappa (a dev-half name) is listed only by observed.tsv, Trump by renderings.tsv
    assert out.stdout.split() == ["(True,", "True)", "(False,", "True)"]


def test_a_missing_file_is_named() -> None:
    out = subprocess.run([sys.executable, "scripts/evaluate_names.py", "/nonexistent.jsonl", "--without-observed"],
                         cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 2 and "/nonexistent.jsonl" in out.stderr and "Traceback" not in out.stderr
