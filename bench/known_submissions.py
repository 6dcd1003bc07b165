"""Judge every reference and known submission; print a table of verdicts and judging times.

    python bench/known_submissions.py [--workers 2] [--seed N] [PROBLEM...]

Known-wrong submissions are judged with fail-fast (as the test suite does); references and
submissions expected to be accepted run every group, so their time is a full `judge run`.
"""

from __future__ import annotations

import argparse
import secrets
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _judge(job: tuple[str, str, str, int]) -> tuple[str, str, str, str, int, float]:
    from judge.problems import get_problem
    from judge.runner import judge_file

    problem_id, path, expected, seed = job
    report = judge_file(get_problem(problem_id), path, seed=seed, fail_fast=expected != "accepted")
    return problem_id, Path(path).stem, expected, report.verdict.value, report.score, report.time_s


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("problems", nargs="*")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=secrets.randbelow(2**32))
    args = parser.parse_args()
    sys.path.insert(0, str(REPO))
    from judge.problems import all_problems
    from judge.verify import expected_of

    jobs = []
    for problem_id, problem in all_problems().items():
        if args.problems and problem_id not in args.problems:
            continue
        jobs.append((problem_id, str(problem.reference_path), "accepted", args.seed))
        for path in sorted(problem.known_dir.glob("*.py")):
            jobs.append((problem_id, str(path), expected_of(path), args.seed))
    print(f"seed {args.seed}\n")
    print("| problem | submission | expected | verdict | score | time s |")
    print("|---|---|---|---|---|---|")
    mismatches = 0
    with ProcessPoolExecutor(args.workers) as pool:
        for problem_id, name, expected, got, score, seconds in pool.map(_judge, jobs):
            mark = "" if got == expected else " **MISMATCH**"
            mismatches += got != expected
            print(f"| {problem_id} | {name} | {expected} | {got}{mark} | {score} | {seconds:.1f} |", flush=True)
    print(f"\n{len(jobs)} judged, {mismatches} mismatches")
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
