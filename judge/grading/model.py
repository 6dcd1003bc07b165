"""What a grading run is made of: the submissions found, each one's outcome, the totals, the whole run.

Nothing found is dropped silently: a file that cannot be graded is kept as a skipped entry with its reason, and
the writers (JSON, JUnit, results.json, Markdown) read only a `GradingRun`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from judge.problems import PROBLEM_POINTS  # what a problem is worth: a missing one loses it all
from judge.verdict import REPORT_VERSION, Report

SKIPPED = "skipped"


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
