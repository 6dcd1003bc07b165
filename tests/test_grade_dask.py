"""Grading on a real Dask cluster (a `LocalCluster` of worker processes here): same reports as the local executor.

40 known submissions across the catalog's problems are graded twice with one seed, with `--workers 2` and on
the cluster; every verdict and every group's score must agree. A worker killed mid-task must cost a retry,
never a lost or doubled result. Under CI=true a missing `distributed` is a failure, not a skip.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import REPO, expected_verdict, known_submissions

from judge.cli import main
from judge.grading.pool import JudgeTask, judge_all

if os.environ.get("CI") == "true":
    import distributed
else:
    distributed = pytest.importorskip("distributed")

# Cheap problems in full; sorting and malloc (whose performance groups take ~15 s) only where a static check
# decides. Known time-limit submissions are left out: their judging is long and says nothing about executors.
FULL = ("sudoku", "expression-eval", "longest-common-subsequence", "two-layer-net", "dropout")
COUNT = 40


def _pick() -> list[Path]:
    chosen = []
    for path in known_submissions():
        verdict = expected_verdict(path)
        if verdict == "time_limit_exceeded":
            continue
        if _problem_of(path) in FULL or verdict == "compile_error":
            chosen.append(path)
    # spread the pick over every problem rather than taking the first ones alphabetically
    chosen.sort(key=lambda p: (hash_of(p.stem) % 7, _problem_of(p), p.stem))
    return sorted(chosen[:COUNT], key=lambda p: (_problem_of(p), p.stem))


def _problem_of(path: Path) -> str:
    return path.parent.parent.name  # problems/<id>/known/<name>.py


def hash_of(text: str) -> int:
    return sum(ord(c) * (i + 1) for i, c in enumerate(text))


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=50) as local:
        yield local


def _class_folder(root: Path, picked: list[Path]) -> Path:
    """One student per known submission: <problem>--<name>/<module>.py."""
    for path in picked:
        folder = root / f"{_problem_of(path)}--{path.stem}"
        folder.mkdir(parents=True)
        shutil.copy(path, folder / f"{_problem_of(path).replace('-', '_')}.py")
    return root


def _outcomes(grading_json: Path) -> dict[str, tuple]:
    data = json.loads(grading_json.read_text())
    out = {}
    for item in data["submissions"]:
        report = item["report"]
        out[item["student"]] = (report["verdict"], report["score"], report["seed"],
                                tuple((g["name"], g["verdict"], g["score"]) for g in report["groups"]))
    return out


def test_forty_submissions_get_the_same_reports_locally_and_on_dask(cluster, tmp_path: Path, seed: int) -> None:
    picked = _pick()
    assert len(picked) == COUNT and len({_problem_of(p) for p in picked}) >= 6
    course = _class_folder(tmp_path / "submissions", picked)
    common = [str(course), "--seed", str(seed), "--max-examples", "10", "-q"]
    local_json, dask_json = tmp_path / "local.json", tmp_path / "dask.json"
    local = CliRunner().invoke(main, ["grade", *common, "--workers", "2", "--json", str(local_json)])
    on_dask = CliRunner().invoke(main, ["grade", *common, "--executor", "dask", "--scheduler",
                                        cluster.scheduler_address, "--json", str(dask_json)])
    assert local.exit_code == on_dask.exit_code == 1, local.output + on_dask.output  # wrong ones are among them
    here, there = _outcomes(local_json), _outcomes(dask_json)
    assert len(here) == len(there) == COUNT
    differences = {student: (here[student], there[student]) for student in here if here[student] != there[student]}
    assert not differences, f"seed {seed}: {differences}"
    for path in picked:  # and they are the verdicts the known submissions must get
        student = f"{_problem_of(path)}--{path.stem}"
        assert here[student][0] == expected_verdict(path), f"seed {seed}: {student}: {here[student]}"
    assert json.loads(dask_json.read_text())["executor"] == "dask"


def test_a_worker_lost_mid_task_costs_a_retry_not_a_result(cluster, seed: int) -> None:
    from distributed import Client

    source = (REPO / "solutions" / "sudoku.py").read_bytes()
    tasks = [JudgeTask(f"t{i}", "sudoku", "sudoku.py", source, seed, max_examples=10) for i in range(6)]
    seen: list[str] = []
    killed = threading.Event()

    def kill_a_busy_worker(task: JudgeTask, report) -> None:
        seen.append(task.key)
        if killed.is_set():
            return
        with Client(cluster.scheduler_address, set_as_default=False) as client:
            busy = [worker for worker, keys in client.processing().items() if keys]
            pids = client.run(os.getpid, workers=busy[:1]) if busy else {}
        for pid in pids.values():
            os.kill(pid, signal.SIGKILL)
            killed.set()

    reports = judge_all(tasks, executor="dask", scheduler=cluster.scheduler_address, on_result=kill_a_busy_worker)
    assert killed.is_set()
    assert sorted(seen) == sorted(t.key for t in tasks)  # every task reported exactly once
    assert {key: r.verdict.value for key, r in reports.items()} == {t.key: "accepted" for t in tasks}


def test_unreachable_scheduler_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "alice").mkdir()
    shutil.copy(REPO / "solutions" / "sudoku.py", tmp_path / "alice" / "sudoku.py")
    result = CliRunner().invoke(main, ["grade", str(tmp_path), "--executor", "dask", "--scheduler",
                                       "tcp://127.0.0.1:9", "--connect-timeout", "2", "-q"])
    assert result.exit_code == 2, result.output
    assert re.search(r"cannot reach the Dask scheduler at tcp://127\.0\.0\.1:9", result.stderr)
