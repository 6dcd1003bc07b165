"""Grading throughput: the same class graded with the local executor and on a Dask LocalCluster, side by side.

    python bench/grade.py [--count 40] [--workers 2] [--seed N] [--max-examples 10]

The class is built from the known submissions (one student per file, time-limit ones left out as in
tests/test_grade_dask.py); both runs use one seed, and the script checks that verdicts and scores agree.
"""

from __future__ import annotations

import argparse
import secrets
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CHEAP = ("sudoku", "expression-eval", "longest-common-subsequence", "two-layer-net", "dropout")


def build_class(root: Path, count: int) -> int:
    from judge.verify import expected_of

    picked = []
    for path in sorted((REPO / "problems").glob("*/known/*.py")):
        verdict = expected_of(path)
        problem_id = path.parent.parent.name
        if verdict != "time_limit_exceeded" and (problem_id in CHEAP or verdict == "compile_error"):
            picked.append(path)
    picked = picked[::max(1, len(picked) // count)][:count]
    for path in picked:
        problem_id = path.parent.parent.name
        folder = root / f"{problem_id}--{path.stem}"
        folder.mkdir(parents=True)
        shutil.copy(path, folder / f"{problem_id.replace('-', '_')}.py")
    return len(picked)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=40)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=secrets.randbelow(2**32))
    parser.add_argument("--max-examples", type=int, default=10)
    args = parser.parse_args()
    sys.path.insert(0, str(REPO))
    from distributed import LocalCluster

    from judge.grading.discovery import discover
    from judge.grading.grading import GradeOptions, grade

    with tempfile.TemporaryDirectory(prefix="judge-bench-grade-") as tmp:
        count = build_class(Path(tmp), args.count)
        entries, _ = discover([Path(tmp)])
        runs = {}
        local = GradeOptions(seed=args.seed, workers=args.workers, max_examples=args.max_examples)
        started = time.monotonic()
        runs["local"] = (grade(entries, local), time.monotonic() - started)
        with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None,
                          silence_logs=50) as cluster:
            on_dask = GradeOptions(seed=args.seed, workers=args.workers, executor="dask",
                                   scheduler=cluster.scheduler_address, max_examples=args.max_examples)
            started = time.monotonic()
            runs["dask"] = (grade(entries, on_dask), time.monotonic() - started)
    print(f"{count} submissions, seed {args.seed}, {args.workers} workers, --max-examples {args.max_examples}")
    print(f"{'executor':<10}{'wall s':>10}{'subm/s':>10}{'ratio':>8}")
    base = runs["local"][1]
    for name, (_, wall) in runs.items():
        print(f"{name:<10}{wall:>10.1f}{count / wall:>10.2f}{wall / base:>8.2f}")

    def outcome(run):
        return {g.student: (g.verdict, g.score) for g in run.results}

    same = outcome(runs["local"][0]) == outcome(runs["dask"][0])
    print("verdicts and scores identical" if same else "DIFFERENT verdicts or scores between executors")
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
