"""Where a judging's time goes and how fast a class is graded: the figures of issue 14, side by side in one run.

    python bench/run.py [--problems ID...] [--backends process bwrap] [--docker] [--quick] [--seed N]
                        [--workers 2] [--grade-count 20] [--real-count 40] [--no-grade]

Per problem and backend: the wall time of a full `judge run --json` on the reference (solutions/<module>.py);
`call_s`, the time the reference spent inside its own calls (the report's field, measured in the worker); the
in-process floor (the same hidden tests, seed and examples in a fresh interpreter, the reference imported into
the judge's process and served by the worker's own request handler, `judge.worker.Server`, behind a codec round
trip, so arguments and answers are still encoded and the call counters still work); the ratios (targets: wall /
call_s <= 1.5 under process and bwrap, <= 2.0 under docker; wall / floor <= 1.3); and a breakdown: start-up
(interpreter, imports, the CLI: wall minus the report's own time_s), worker start (the backend's ready time),
reference (timing the reference for time limits: judge.testing.measure in the floor, nothing when the
timings are cached), the rest (pytest, hypothesis, the oracle's answers, transfer, checks).
Per backend: worker ready time and round trips (small arguments, a 1 MiB array), from bench/rpc.py.
Grading: `judge grade`'s judgings (judge.grading.pool.judge_all) of --grade-count copies of a correct and a wrong
submission of --grade-problem, and of --real-count known submissions (bench/grade.py's class), each through the
judging servers (forked judgings) and through a fresh `python -m judge run` per submission, with one seed.
`--quick` judges the examples group only. The last line is the worst ratio.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import secrets
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent
QUICK_GROUPS = ("examples",)
TARGET_CALL = {"process": 1.5, "bwrap": 1.5, "docker": 2.0}
TARGET_FLOOR = 1.3


# ------------------------------------------------------------------------------------------------ the floor


def floor(problem_id: str, seed: int, quick: bool) -> dict:
    """Judge the reference in this process (the worker's request handler called directly); the figures."""
    import importlib.util

    from judge import rpc, runner, testing, worker
    from judge.problems import get_problem
    from judge.sandbox.base import WorkerSpec

    problem = get_problem(problem_id)
    reference_s = [0.0]
    timed = getattr(testing, "measure", None)
    if callable(timed):  # where the hidden tests time the reference (judge.testing.reference_time): add it up

        @functools.wraps(timed)
        def measure(*args: Any, **kwargs: Any) -> Any:
            began = time.perf_counter()
            try:
                return timed(*args, **kwargs)
            finally:
                reference_s[0] += time.perf_counter() - began

        testing.measure = measure
    spec_of = importlib.util.spec_from_file_location(problem.module, problem.reference_path)
    module = importlib.util.module_from_spec(spec_of)
    spec_of.loader.exec_module(module)

    class InProcess(runner.TimedSubmission):
        """A Submission whose 'worker' is judge.worker.Server in this process, behind a codec round trip."""

        def start(self) -> None:
            self.generation += 1
            self.server = worker.Server({"submission": str(problem.reference_path), "entry_points":
                                         list(problem.entry_points)}, module)
            self.missing = [name for name in problem.entry_points if name not in self.server.entries]

        def request(self, message: list, what: str, timeout: float | None = None) -> dict:
            if self.fatal is not None:
                raise type(self.fatal)(str(self.fatal), self.fatal.call)
            self._timeout(timeout)  # the group's deadline, as for a worker
            while self.released:
                self.server.handle(rpc.roundtrip(["release", self.released.pop()]))
            return rpc.roundtrip(self.server.handle(rpc.roundtrip(message)))

        def close(self) -> None:
            pass

        def output(self) -> str:
            return ""

    spec = WorkerSpec(submission=str(problem.reference_path), module=problem.module,
                      entry_points=problem.entry_points)
    submission = InProcess(None, spec, problem.call_timeout_s)
    started = time.monotonic()
    report = runner._run_tests(problem, submission, seed, "in-process", started, None,
                               QUICK_GROUPS if quick else None, None, False)
    return {"floor_s": time.monotonic() - started, "verdict": report.verdict.value, "call_s": report.call_s or 0.0,
            "reference_s": reference_s[0]}


def measure_floor(problem_id: str, seed: int, quick: bool) -> dict | str:
    """`floor` in a fresh interpreter (pytest is not re-entrant); its figures or why there are none."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--floor", problem_id, "--seed", str(seed)]
    if quick:
        cmd.append("--quick")
    with tempfile.TemporaryDirectory(prefix="judge-bench-floor-") as tmp:  # hypothesis writes a cache in the cwd
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=3600, check=False, cwd=tmp)
    try:
        return json.loads(proc.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        return (proc.stderr.strip().splitlines() or [f"exit code {proc.returncode}"])[-1]


# ------------------------------------------------------------------------------------------------ judge run


def judge_run(problem: Any, backend: str, seed: int, quick: bool) -> tuple[float, dict | str]:
    cmd = [sys.executable, "-m", "judge", "run", problem.id, str(problem.reference_path), "--json",
           "--seed", str(seed), "--sandbox", backend]
    for group in QUICK_GROUPS if quick else ():
        cmd += ["--group", group]
    with tempfile.TemporaryDirectory(prefix="judge-bench-run-") as tmp:  # as a user would: from elsewhere
        began = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=3600, check=False, cwd=tmp)
        wall = time.perf_counter() - began
    try:
        return wall, json.loads(proc.stdout)
    except ValueError:
        return wall, (proc.stderr.strip().splitlines() or [f"exit code {proc.returncode}"])[-1]


def ratio(a: float, b: float) -> float:
    return a / b if b > 0 else float("inf")


def problem_rows(problems: list[Any], backends: list[str], seed: int, quick: bool, ready: dict) -> list[dict]:
    rows = []
    for problem in problems:
        runs = [(backend, *judge_run(problem, backend, seed, quick)) for backend in backends]
        low = measure_floor(problem.id, seed, quick)  # after them: it meets the reference timings they cached
        for backend, wall, report in runs:
            row = {"problem": problem.id, "backend": backend, "wall": wall, "floor": low, "report": report}
            rows.append(row)
            print_row(row, ready.get(backend))
    return rows


HEADER = (f"{'problem':<27}{'backend':<8}{'verdict':<10}{'wall s':>8}{'call_s':>8}{'floor s':>8}"
          f"{'w/call':>8}{'w/floor':>8}{'start s':>8}{'worker s':>9}{'ref s':>7}{'rest s':>8}")


def print_row(row: dict, ready: dict | str | None) -> None:
    report, low = row["report"], row["floor"]
    if isinstance(report, str):
        print(f"{row['problem']:<27}{row['backend']:<8}judge run failed: {report}", flush=True)
        return
    wall, call_s = row["wall"], float(report.get("call_s", 0.0))
    startup = wall - float(report["time_s"])
    worker_s = ready["ready_ms"] / 1e3 if isinstance(ready, dict) else 0.0
    floor_s = low["floor_s"] if isinstance(low, dict) else None
    reference_s = low["reference_s"] if isinstance(low, dict) else 0.0
    rest = wall - startup - worker_s - reference_s - call_s
    floor_text = f"{floor_s:8.2f}{ratio(wall, floor_s):>8.2f}" if floor_s else f"{'n/a':>8}{'n/a':>8}"
    print(f"{row['problem']:<27}{row['backend']:<8}{report['verdict'][:9]:<10}{wall:8.2f}{call_s:8.3f}"
          f"{floor_text[:8]}{ratio(wall, call_s):8.1f}{floor_text[8:]}{startup:8.2f}{worker_s:9.3f}"
          f"{reference_s:7.2f}{rest:8.2f}", flush=True)
    if not isinstance(low, dict):
        print(f"    floor n/a: {low}", flush=True)


# ------------------------------------------------------------------------------------------------ grading


def outcome(report: Any) -> tuple:
    """What must agree between two judgings of one submission with one seed: verdicts and scores, per group."""
    return (report.verdict.value, report.score, tuple((g.name, g.verdict.value) for g in report.groups))


def grade_both(tasks: list[Any], workers: int) -> dict[str, tuple[float, dict]]:
    """The same tasks judged through the judging servers and through a fresh process each: time, outcomes."""
    from judge.grading.pool import judge_all, judge_task
    from judge.verdict import Report

    out = {}
    began = time.perf_counter()
    reports = judge_all(tasks, workers=workers)
    out["forked"] = (time.perf_counter() - began, {k: outcome(r) for k, r in reports.items()})
    began = time.perf_counter()
    with ThreadPoolExecutor(workers) as pool:
        fresh = {t.key: Report.from_json(data) for t, data in zip(tasks, pool.map(judge_task, tasks), strict=True)}
    out["fresh"] = (time.perf_counter() - began, {k: outcome(r) for k, r in fresh.items()})
    return out


def print_grade(label: str, count: int, runs: dict[str, tuple[float, dict]]) -> None:
    forked, fresh = runs["forked"], runs["fresh"]
    same = "same verdicts and scores" if forked[1] == fresh[1] else "DIFFERENT verdicts or scores"
    verdicts: dict[str, int] = {}
    for verdict, *_ in forked[1].values():
        verdicts[verdict] = verdicts.get(verdict, 0) + 1
    print(f"{label}: {count} submissions ({', '.join(f'{n} {v}' for v, n in sorted(verdicts.items()))})\n"
          f"    forked from judging servers {forked[0]:7.1f} s {count / forked[0]:6.2f} subm/s | "
          f"fresh `judge run` each {fresh[0]:7.1f} s {count / fresh[0]:6.2f} subm/s | "
          f"speed-up {ratio(fresh[0], forked[0]):.1f}x | {same}", flush=True)
    for key in [k for k in forked[1] if forked[1][k] != fresh[1].get(k)][:5]:
        print(f"    {key}: forked {forked[1][key]}, fresh {fresh[1].get(key)}", flush=True)


def grading(args: argparse.Namespace, sandbox: str) -> None:
    sys.path.insert(0, str(BENCH))
    import grade as grade_bench  # bench/grade.py: the class of known submissions

    from judge.grading.discovery import discover
    from judge.grading.pool import JudgeTask
    from judge.problems import get_problem

    problem = get_problem(args.grade_problem)
    wrong = sorted(problem.known_dir.glob("wrong_answer_*.py"))
    sources = [problem.reference_path.read_bytes(), (wrong[0] if wrong else problem.reference_path).read_bytes()]
    tasks = [JudgeTask(f"t{i:04d}", problem.id, f"{problem.module}.py", sources[i % 2], args.seed, sandbox,
                       args.max_examples) for i in range(args.grade_count)]
    print_grade(f"grade, trivial ({problem.id}: its reference and {wrong[0].stem if wrong else 'reference'}, "
                f"--max-examples {args.max_examples}, --workers {args.workers}, {sandbox})", len(tasks),
                grade_both(tasks, args.workers))
    with tempfile.TemporaryDirectory(prefix="judge-bench-run-") as tmp:
        count = grade_bench.build_class(Path(tmp), args.real_count)
        entries, _ = discover([Path(tmp)])
        tasks = []
        for entry in entries:
            known = get_problem(entry.problem)
            tasks.append(JudgeTask(f"r{len(tasks):04d}", known.id, f"{known.module}.py", entry.path.read_bytes(),
                                   args.seed, sandbox, args.max_examples))
        print_grade(f"grade, real known submissions (bench/grade.py's class, --max-examples {args.max_examples})",
                    count, grade_both(tasks, args.workers))


# ------------------------------------------------------------------------------------------------ main


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--problems", nargs="+", metavar="ID")
    parser.add_argument("--backends", nargs="+", default=["process", "bwrap"])
    parser.add_argument("--docker", action="store_true", help="Also docker, when it is available.")
    parser.add_argument("--quick", action="store_true", help="The examples group only.")
    parser.add_argument("--seed", type=int, default=secrets.randbelow(2**32))
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--grade-problem", default="sorting")
    parser.add_argument("--grade-count", type=int, default=20)
    parser.add_argument("--real-count", type=int, default=40)
    parser.add_argument("--max-examples", type=int, default=10, help="For the grading runs.")
    parser.add_argument("--no-grade", action="store_true")
    parser.add_argument("--floor", metavar="ID", help=argparse.SUPPRESS)  # internal: one floor, as JSON
    args = parser.parse_args()
    sys.path.insert(0, str(REPO))
    if args.floor:
        print(json.dumps(floor(args.floor, args.seed, args.quick)))
        return 0
    sys.path.insert(0, str(BENCH))
    import rpc as rpc_bench  # bench/rpc.py

    from judge.problems import all_problems
    from judge.sandbox import BACKENDS

    backends = [b for b in args.backends if b in BACKENDS]
    if args.docker and "docker" not in backends:
        backends.append("docker")
    catalog = all_problems()
    problems = [catalog[p] for p in args.problems] if args.problems else list(catalog.values())
    print(f"seed {args.seed}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.2f}, "
          f"{'examples group only' if args.quick else 'every group'}\n")
    ready: dict[str, dict | str] = {}
    print(f"{'backend':<10}{'ready ms':>10}{'small round trip us':>21}{'1 MiB round trip ms':>21}")
    for backend in list(backends):
        ready[backend] = rpc_bench.measure(backend, calls=1000, big_mb=8)
        got = ready[backend]
        if isinstance(got, str):
            print(f"{backend:<10}unavailable: {got}")
            backends.remove(backend)
            continue
        print(f"{backend:<10}{got['ready_ms']:10.1f}{got['round_trip_us']:21.1f}{got['mib_round_trip_ms']:21.2f}")
    print(f"\n{HEADER}")
    rows = problem_rows(problems, backends, args.seed, args.quick, ready)
    if not args.no_grade and backends:
        print()
        grading(args, backends[-1])
    worst_call = max(((ratio(r["wall"], float(r["report"].get("call_s", 0.0))) / TARGET_CALL[r["backend"]], r)
                      for r in rows if isinstance(r["report"], dict)), key=lambda x: x[0], default=None)
    floors = [(ratio(r["wall"], r["floor"]["floor_s"]), r) for r in rows
              if isinstance(r["report"], dict) and isinstance(r["floor"], dict)]
    worst_floor = max(floors, key=lambda x: x[0], default=None)
    text = "worst ratio:"
    if worst_call:
        row = worst_call[1]
        text += (f" wall/call_s {ratio(row['wall'], float(row['report'].get('call_s', 0.0))):.1f} "
                 f"({row['problem']}, {row['backend']}; target {TARGET_CALL[row['backend']]})")
    if worst_floor:
        text += (f"; wall/floor {worst_floor[0]:.2f} ({worst_floor[1]['problem']}, {worst_floor[1]['backend']}; "
                 f"target {TARGET_FLOOR})")
    print(f"\n{text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
