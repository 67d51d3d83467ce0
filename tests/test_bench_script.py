"""scripts/bench.py's per-article rows charge mtcheck the garbage collection its checks leave due."""

from __future__ import annotations

import gc
import sys

from tests.helpers import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import bench


def test_the_collection_a_check_leaves_due_runs_in_collect_due() -> None:
    from mtcheck.config import Settings
    from mtcheck.engine import check_pair

    runs: list[int] = []

    def seen(phase: str, info: dict) -> None:
        if phase == "start":
            runs.append(info["generation"])

    settings = Settings()
    gc.collect()
    gc.callbacks.append(seen)
    try:
        check_pair("Presiden Joko Widodo tiba di Jakarta pada Senin pagi untuk rapat kabinet.",
                   "President Joko Widodo arrived in Jakarta on Monday morning for a cabinet meeting.", settings,
                   target_lang="en")
        assert runs == []  # paused during the check: its allocations leave a collection due
        assert gc.get_count()[0] > gc.get_threshold()[0]
        bench.collect_due()
        assert runs  # it ran here, in mtcheck's timed window, not in pofilter's turn after it
        assert gc.get_count()[0] <= gc.get_threshold()[0]
        runs.clear()
        bench.collect_due()
        assert runs == []  # nothing due: no collection of its own
    finally:
        gc.callbacks.remove(seen)
