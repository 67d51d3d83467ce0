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
    source = "\n\n".join(f"Presiden Joko Widodo tiba di kota nomor {i} pada Senin pagi untuk rapat kabinet."
                         for i in range(8))
    target = "\n\n".join(f"President Joko Widodo arrived in city number {i} on Monday morning for a cabinet "
                         "meeting." for i in range(8))
    threshold = gc.get_threshold()
    gc.collect()
    # a low first threshold: however much of the check an earlier test's caches answer, what it leaves alive
    # (its report, the caches' new entries) makes a collection due
    gc.set_threshold(50, *threshold[1:])
    gc.callbacks.append(seen)
    try:
        report = check_pair(source, target, settings, target_lang="en")
        due = gc.get_count()[0]
        assert runs == []  # paused during the check (and not run by the line above)
        assert due > gc.get_threshold()[0]  # its allocations leave a collection due
        bench.collect_due()
        assert runs  # it ran here, in mtcheck's timed window, not in pofilter's turn after it
        assert gc.get_count()[0] <= gc.get_threshold()[0]
        runs.clear()
        bench.collect_due()
        assert runs == []  # nothing due: no collection of its own
        assert report.source_words > 0
    finally:
        gc.callbacks.remove(seen)
        gc.set_threshold(*threshold)
