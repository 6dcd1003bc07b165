"""Grading many submissions: finding them, the course manifest, judging them all with one seed, the totals.

A grading run is fair: every submission meets the same hidden inputs (one seed, printed and kept in every
report). Nothing found is dropped silently: a file that cannot be graded is kept as a skipped entry with its
reason, and the writers (JSON, JUnit, results.json, Markdown) show it.
"""

from __future__ import annotations

import difflib
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from judge.pool import JudgeTask, judge_all
from judge.problems import Problem, all_problems
from judge.verdict import REPORT_VERSION, Failure, GroupResult, Report, Verdict

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

IGNORED_DIRS = {"__pycache__", "node_modules", "venv", "env", "site-packages"}
SKIPPED = "skipped"
PROBLEM_POINTS = 100  # every problem's groups add up to this (docs/authoring.md); a missing one loses it all


class GradingError(Exception):
    """Nothing can be graded as asked (no submissions at all, a malformed manifest): a usage error."""


@dataclass(frozen=True)
class Entry:
    """One submission found on disk, before judging."""

    student: str
    problem: str          # problem id; "" when no problem matches the file
    path: Path
    skip_reason: str | None = None
    ignored: bool = False  # left out on purpose (not a problem of the manifest): shown, but not a failure


@dataclass(frozen=True)
class Graded:
    """One submission's outcome: its report, or why it was not judged."""

    student: str
    problem: str
    path: str
    report: Report | None = None
    skip_reason: str | None = None
    weight: float = 1.0
    ignored: bool = False

    @property
    def verdict(self) -> str:
        return self.report.verdict.value if self.report is not None else SKIPPED

    @property
    def accepted(self) -> bool:
        return self.report is not None and self.report.accepted

    @property
    def score(self) -> int:
        return self.report.score if self.report is not None else 0

    @property
    def max_score(self) -> int:
        """A report without groups (the judge failed before it knew them) still stands for a whole problem."""
        return (self.report.max_score or PROBLEM_POINTS) if self.report is not None else 0

    @property
    def name(self) -> str:
        """`student/problem`: the submission's name in every report."""
        return f"{self.student}/{self.problem or Path(self.path).stem}"

    def to_json(self) -> dict:
        out: dict = {"student": self.student, "problem": self.problem or None, "path": self.path,
                     "weight": self.weight, "verdict": self.verdict}
        if self.report is not None:
            out["report"] = self.report.to_json()
        else:
            out["reason"] = self.skip_reason
            out["ignored"] = self.ignored
        return out


@dataclass(frozen=True)
class Totals:
    score: float
    max_score: float
    submissions: int
    accepted: int

    @property
    def percent(self) -> float:
        return 100.0 * self.score / self.max_score if self.max_score else 0.0

    def to_json(self) -> dict:
        return {"score": round(self.score, 3), "max_score": round(self.max_score, 3),
                "percent": round(self.percent, 2), "submissions": self.submissions, "accepted": self.accepted}


def _totals(items: Sequence[Graded], expected: int = 0, max_per_missing: float = 0.0) -> Totals:
    judged = [g for g in items if g.report is not None]
    return Totals(
        score=sum(g.weight * g.score for g in judged),
        max_score=sum(g.weight * g.max_score for g in judged) + max_per_missing * max(0, expected - len(items)),
        submissions=len(items),
        accepted=sum(g.accepted for g in items),
    )


@dataclass(frozen=True)
class GradingRun:
    """Everything one `judge grade` produced; the writers read only this."""

    seed: int
    sandbox: str
    executor: str
    workers: int
    time_s: float
    results: tuple[Graded, ...]
    problems: tuple[str, ...]                        # the columns: the manifest's problems, or those found
    weights: dict[str, float] = field(default_factory=dict)
    notes: tuple[str, ...] = ()

    @property
    def students(self) -> tuple[str, ...]:
        return tuple(sorted({g.student for g in self.results}))

    def cell(self, student: str, problem: str) -> Graded | None:
        for graded in self.results:
            if graded.student == student and graded.problem == problem and graded.report is not None:
                return graded
        return None

    def missing(self, student: str) -> tuple[str, ...]:
        """Problems of the run this student handed nothing in for (each counts as 0 of its weight)."""
        return tuple(p for p in self.problems if self.cell(student, p) is None)

    def student_totals(self, student: str) -> Totals:
        mine = [g for g in self.results if g.student == student and g.report is not None]
        totals = _totals(mine)
        lost = sum(self.weights.get(p, 1.0) * PROBLEM_POINTS for p in self.missing(student))
        return replace(totals, max_score=totals.max_score + lost)

    def problem_totals(self, problem: str) -> Totals:
        return _totals([g for g in self.results if g.problem == problem and g.report is not None])

    @property
    def totals(self) -> Totals:
        parts = [self.student_totals(s) for s in self.students]
        return Totals(sum(t.score for t in parts), sum(t.max_score for t in parts),
                      sum(t.submissions for t in parts), sum(t.accepted for t in parts))

    @property
    def skipped(self) -> tuple[Graded, ...]:
        return tuple(g for g in self.results if g.report is None)

    @property
    def all_accepted(self) -> bool:
        """Every graded submission accepted, no file that should have been graded skipped, nothing missing."""
        return (any(g.report is not None for g in self.results)
                and all(g.accepted or g.ignored for g in self.results)
                and not any(self.missing(s) for s in self.students))

    def to_json(self) -> dict:
        return {
            "version": REPORT_VERSION,
            "seed": self.seed,
            "sandbox": self.sandbox,
            "executor": self.executor,
            "workers": self.workers,
            "time_s": round(self.time_s, 3),
            "problems": list(self.problems),
            "totals": self.totals.to_json(),
            "students": {s: {**self.student_totals(s).to_json(), "missing": list(self.missing(s))}
                         for s in self.students},
            "per_problem": {p: self.problem_totals(p).to_json() for p in self.problems},
            "submissions": [g.to_json() for g in self.results],
            "notes": list(self.notes),
        }


# ----------------------------------------------------------------------------------------------- the manifest


@dataclass(frozen=True)
class Manifest:
    """`grading.toml`: what a course grades and how; command-line options override it."""

    problems: tuple[str, ...] = ()
    weights: dict[str, float] = field(default_factory=dict)
    seed: int | None = None
    sandbox: str | None = None
    workers: int | None = None
    max_examples: int | None = None
    timeout_s: float | None = None
    fail_under: float | None = None


def load_manifest(path: Path) -> Manifest:
    where = str(path)
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise GradingError(f"cannot read the manifest {where}: {exc.strerror or exc}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise GradingError(f"{where}: {exc}") from None
    unknown = set(raw) - {"grading", "problems"}
    if unknown:
        raise GradingError(f"{where}: unknown table {sorted(unknown)[0]!r} (expected [grading] and [[problems]])")
    settings = raw.get("grading", {})
    allowed = {"seed", "sandbox", "workers", "max_examples", "timeout_s", "fail_under"}
    if not isinstance(settings, dict) or set(settings) - allowed:
        bad = sorted(set(settings) - allowed)[0] if isinstance(settings, dict) else "grading"
        raise GradingError(f"{where}: unknown key {bad!r} in [grading] (known: {', '.join(sorted(allowed))})")
    problems: list[str] = []
    weights: dict[str, float] = {}
    for row in raw.get("problems", []):
        if not isinstance(row, dict) or not isinstance(row.get("id"), str):
            raise GradingError(f"{where}: every [[problems]] needs an id")
        weight = row.get("weight", 1.0)
        if isinstance(weight, bool) or not isinstance(weight, (int, float)) or weight < 0:
            raise GradingError(f"{where}: weight of {row['id']!r} must be a number >= 0")
        problems.append(row["id"])
        weights[row["id"]] = float(weight)
    for key, kind in (("seed", int), ("workers", int), ("max_examples", int), ("sandbox", str),
                      ("timeout_s", (int, float)), ("fail_under", (int, float))):
        value = settings.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, kind)):
            raise GradingError(f"{where}: [grading] {key} has the wrong type ({type(value).__name__})")
    return Manifest(tuple(problems), weights, settings.get("seed"), settings.get("sandbox"), settings.get("workers"),
                    settings.get("max_examples"), settings.get("timeout_s"), settings.get("fail_under"))


# ----------------------------------------------------------------------------------------------- finding submissions


def _by_module(problems: dict[str, Problem]) -> dict[str, str]:
    return {p.module: p.id for p in problems.values()}


def _python_files(folder: Path) -> list[Path]:
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in IGNORED_DIRS)
        found += [Path(root) / f for f in sorted(files) if f.endswith(".py") and not f.startswith(".")]
    return found


def _entry_for(path: Path, student: str, problem_id: str | None, modules: dict[str, str]) -> Entry:
    if problem_id is not None:
        return Entry(student, problem_id, path)
    stem = path.stem
    if stem in modules:
        return Entry(student, modules[stem], path)
    close = difflib.get_close_matches(stem, list(modules), n=1)
    hint = f" (did you mean {close[0]}.py?)" if close else ""
    return Entry(student, "", path, f"no problem has the module {stem!r}{hint}")


def discover(paths: Sequence[Path], problem_id: str | None = None) -> tuple[list[Entry], list[str]]:
    """The submissions under `paths` and notes about what could not be used.

    A file is one submission (its problem from its name, its student from its folder). A folder with .py files
    is one student's folder; a folder of folders is a class (one sub-folder per student). With `problem_id`, every
    .py file is a submission to that problem, its student the first folder under the path or the file's stem.
    """
    modules = _by_module(all_problems())
    entries: list[Entry] = []
    notes: list[str] = []
    for path in paths:
        if not path.exists():
            notes.append(f"{path}: no such file or folder")
            continue
        if path.is_file():
            if path.suffix != ".py":
                notes.append(f"{path}: not a .py file")
                continue
            entries.append(_entry_for(path, path.resolve().parent.name, problem_id, modules))
            continue
        files = _python_files(path)
        if not files:
            notes.append(f"{path}: no .py files found")
            continue
        for file in files:
            relative = file.relative_to(path)
            if problem_id is not None:
                student = relative.parts[0] if len(relative.parts) > 1 else file.stem
            else:
                student = relative.parts[0] if len(relative.parts) > 1 else path.resolve().name
            entries.append(_entry_for(file, student, problem_id, modules))
    return _resolve_duplicates(entries), notes


def _resolve_duplicates(entries: list[Entry]) -> list[Entry]:
    """Two files of one student for one problem: the shallowest (then first by name) is graded, the rest skipped."""
    chosen: dict[tuple[str, str], Entry] = {}
    for entry in sorted(entries, key=lambda e: (len(e.path.parts), str(e.path))):
        if entry.skip_reason or not entry.problem:
            continue
        chosen.setdefault((entry.student, entry.problem), entry)
    out = []
    for entry in entries:
        first = chosen.get((entry.student, entry.problem))
        if entry.skip_reason is None and first is not None and first is not entry:
            out.append(replace(entry, skip_reason=f"a second file for {entry.problem}: {first.path} is graded"))
        else:
            out.append(entry)
    return out


# ----------------------------------------------------------------------------------------------- grading


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


def _unreadable_report(problem: Problem, message: str, options: GradeOptions) -> Report:
    groups = tuple(GroupResult(g.name, g.points, Verdict.COMPILE_ERROR, 0.0, 0, Failure("", message))
                   for g in problem.groups)
    return Report(problem.id, Verdict.COMPILE_ERROR, options.seed, options.sandbox, 0.0, groups, message)


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
            report = _unreadable_report(problem, f"cannot read {shown}: {exc.strerror or exc}", options)
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
