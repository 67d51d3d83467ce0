"""The Dask engine on a two-worker LocalCluster: the same bytes as the local engine, in input order, and
a worker lost in the middle of a partition costs no row and doubles none."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from mtcheck.cli import main
from mtcheck.engines import dask_map
from tests.test_batch_stream import _input

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster():
    import cloudpickle

    cloudpickle.register_pickle_by_value(sys.modules[__name__])  # the workers need not import the tests
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=40) as c:
        yield c


def test_dask_engine_writes_what_the_local_engine_writes(capsys, tmp_path: Path, cluster) -> None:
    src = _input(tmp_path, 2)
    local, remote = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    assert main(["batch", str(src), "-o", str(local), "--jobs", "1", "--no-progress"]) == 2
    code = main(["batch", str(src), "-o", str(remote), "--engine", "dask", "--scheduler", cluster.scheduler_address,
                 "--partition-size", "3", "--no-progress"])
    err = capsys.readouterr().err
    assert code == 2 and "on dask" in err
    assert remote.read_bytes() == local.read_bytes()


def _dies_once(marker: str, part: list[int]) -> list[tuple[int, int]]:
    """A partition that kills its worker process the first time it runs (as a lost machine would)."""
    if 7 in part and not os.path.exists(marker):
        Path(marker).write_text(str(os.getpid()), encoding="utf-8")
        os._exit(1)
    return [(i, os.getpid()) for i in part]


def test_a_lost_worker_loses_no_row_and_doubles_none(tmp_path: Path, cluster) -> None:
    from functools import partial

    with distributed.Client(cluster) as client:
        results = list(dask_map(partial(_dies_once, str(tmp_path / "killed")), range(40), client,
                                partition_size=4, retries=0))
    killed = int((tmp_path / "killed").read_text(encoding="utf-8"))  # a worker did die, in partition 4..7
    assert [i for i, _ in results] == list(range(40))  # every row once, in input order
    assert dict(results)[7] != killed  # its partition was run again, by another process


def test_dask_without_distributed_is_a_clear_error(capsys, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)
    code = main(["batch", str(_input(tmp_path, 1)), "--engine", "dask", "--no-progress"])
    assert code == 2 and "pip install 'mtcheck[dask]'" in capsys.readouterr().err


def test_scheduler_needs_the_dask_engine(capsys, tmp_path: Path) -> None:
    code = main(["batch", str(_input(tmp_path, 1)), "--scheduler", "tcp://127.0.0.1:1", "--no-progress"])
    assert code == 2 and "--engine dask" in capsys.readouterr().err
