"""Judging every submission found with one seed, on local threads or a Dask cluster; the run that results.

A grading run is fair: every submission meets the same hidden inputs (one seed, printed and kept in every
report).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from judge.grading.manifest import Manifest
from judge.grading.model import Entry, Graded, GradingRun
from judge.grading.pool import JudgeTask, judge_all
from judge.problems import all_problems
from judge.verdict import Report, Verdict


@dataclass(frozen=True)
class GradeOptions:
    seed: int
    sandbox: str = "auto"
    workers: int = 1
    executor: str = "local"
    scheduler: str | None = None
    connect_timeout_s: float = 20.0
    max_examples: int | None = None
    timeout_s: float = 3600.0


def grade(entries: Sequence[Entry], options: GradeOptions, manifest: Manifest | None = None,
          notes: Sequence[str] = (), on_result: Callable[[Graded], None] | None = None) -> GradingRun:
    """Judge every gradable entry with one seed; the run with every entry in it (graded or skipped)."""
    started = time.monotonic()
    manifest = manifest or Manifest()
    problems = all_problems()
    wanted = set(manifest.problems)
    tasks: dict[str, tuple[JudgeTask, Entry]] = {}
    done: list[Graded] = []

    def weight(problem_id: str) -> float:
        return manifest.weights.get(problem_id, 1.0)

    def finish(graded: Graded) -> None:
        done.append(graded)
        if on_result is not None:
            on_result(graded)

    for found in entries:
        entry = found
        shown = str(entry.path)
        if entry.skip_reason is None and wanted and entry.problem not in wanted:
            entry = replace(entry, skip_reason=f"{entry.problem} is not a problem of the manifest", ignored=True)
        if entry.skip_reason is not None:
            finish(Graded(entry.student, entry.problem, shown, None, entry.skip_reason, weight(entry.problem),
                          entry.ignored))
            continue
        problem = problems[entry.problem]
        try:
            source = entry.path.read_bytes()
        except OSError as exc:
            message = f"cannot read {shown}: {exc.strerror or exc}"
            report = Report.for_all(problem, Verdict.COMPILE_ERROR, message, options.seed, options.sandbox)
            finish(Graded(entry.student, entry.problem, shown, report, None, weight(entry.problem)))
            continue
        key = f"{len(tasks):05d}"
        tasks[key] = (JudgeTask(key, problem.id, f"{problem.module}.py", source, options.seed, options.sandbox,
                                options.max_examples, timeout_s=options.timeout_s), entry)

    def judged(task: JudgeTask, report: Report) -> None:
        entry = tasks[task.key][1]
        finish(Graded(entry.student, entry.problem, str(entry.path), report, None, weight(entry.problem)))

    judge_all([task for task, _ in tasks.values()], workers=options.workers, executor=options.executor,
              scheduler=options.scheduler, on_result=judged, connect_timeout_s=options.connect_timeout_s)
    columns = manifest.problems or tuple(sorted({g.problem for g in done if g.problem}))
    order = {id(g): i for i, g in enumerate(done)}
    results = tuple(sorted(done, key=lambda g: (g.student, g.problem, g.path, order[id(g)])))
    sandbox = next((g.report.sandbox for g in results if g.report is not None and g.report.sandbox != "auto"),
                   options.sandbox)
    return GradingRun(options.seed, sandbox, options.executor, options.workers, time.monotonic() - started,
                      results, tuple(columns), {p: weight(p) for p in columns}, tuple(notes))
