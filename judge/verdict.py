"""The closed set of verdicts and the frozen report dataclasses, with their JSON form (version 1)."""

from __future__ import annotations

import enum
import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from judge.reports.common import truncate

if TYPE_CHECKING:
    from judge.problems import Problem

REPORT_VERSION = 1


class Verdict(str, enum.Enum):
    ACCEPTED = "accepted"
    WRONG_ANSWER = "wrong_answer"
    TIME_LIMIT_EXCEEDED = "time_limit_exceeded"
    MEMORY_LIMIT_EXCEEDED = "memory_limit_exceeded"
    RUNTIME_ERROR = "runtime_error"
    COMPILE_ERROR = "compile_error"
    OUTPUT_LIMIT_EXCEEDED = "output_limit_exceeded"
    INTERNAL_ERROR = "internal_error"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class Failure:
    """The first failure of a group: what a person needs to reproduce and fix it, truncated."""

    test: str
    message: str
    failing_input: str | None = None
    expected: str | None = None
    got: str | None = None


@dataclass(frozen=True)
class GroupResult:
    name: str
    points: int
    verdict: Verdict
    time_s: float
    tests_run: int = 0
    failure: Failure | None = None
    call_s: float | None = None  # time spent inside the submission's own calls (measured in its worker)

    @property
    def score(self) -> int:
        return self.points if self.verdict is Verdict.ACCEPTED else 0

    def to_json(self) -> dict:
        out: dict = {
            "name": self.name,
            "points": self.points,
            "verdict": self.verdict.value,
            "score": self.score,
            "time_s": round(self.time_s, 3),
        }
        if self.call_s is not None:
            out["call_s"] = round(self.call_s, 4)
        if self.failure is not None:
            if self.failure.test:
                out["test"] = self.failure.test
            out["message"] = truncate(self.failure.message)
            for key in ("failing_input", "expected", "got"):
                value = getattr(self.failure, key)
                if value is not None:
                    out[key] = truncate(value)
        return out

    @classmethod
    def from_json(cls, data: dict) -> GroupResult:
        failure = None
        if "message" in data:
            failure = Failure(data.get("test", ""), data["message"], data.get("failing_input"), data.get("expected"),
                              data.get("got"))
        return cls(data["name"], int(data["points"]), Verdict(data["verdict"]), float(data["time_s"]),
                   int(data.get("tests_run", 0)), failure,
                   float(data["call_s"]) if "call_s" in data else None)


@dataclass(frozen=True)
class Report:
    problem: str
    verdict: Verdict
    seed: int
    sandbox: str
    time_s: float
    groups: tuple[GroupResult, ...] = ()
    message: str | None = None  # for verdicts given before any group ran (compile_error, internal_error)
    output: str | None = None   # the submission's captured stdout/stderr, truncated
    extra: dict = field(default_factory=dict)
    call_s: float | None = None  # the groups' call_s summed: the submission's own share of `time_s`

    @property
    def score(self) -> int:
        return sum(g.score for g in self.groups)

    @property
    def max_score(self) -> int:
        return sum(g.points for g in self.groups)

    @property
    def accepted(self) -> bool:
        return self.verdict is Verdict.ACCEPTED

    def to_json(self) -> dict:
        out: dict = {
            "version": REPORT_VERSION,
            "problem": self.problem,
            "verdict": self.verdict.value,
            "score": self.score,
            "max_score": self.max_score,
            "seed": self.seed,
            "sandbox": self.sandbox,
            "time_s": round(self.time_s, 3),
            "groups": [g.to_json() for g in self.groups],
        }
        if self.call_s is not None:
            out["call_s"] = round(self.call_s, 4)
        if self.message is not None:
            out["message"] = truncate(self.message, 2000)
        if self.output:
            out["output"] = truncate(self.output, 2000)
        return out

    def dumps(self) -> str:
        return json.dumps(self.to_json(), ensure_ascii=False)

    @classmethod
    def for_all(cls, problem: Problem, verdict: Verdict, message: str, seed: int, sandbox: str,
                time_s: float = 0.0, output: str | None = None) -> Report:
        """One verdict for every group: for what is decided before any test runs (compile error, judge failure)."""
        groups = tuple(GroupResult(g.name, g.points, verdict, 0.0, 0, Failure("", message)) for g in problem.groups)
        return cls(problem.id, verdict, seed, sandbox, time_s, groups, message, output)

    @classmethod
    def from_json(cls, data: dict) -> Report:
        """The report back from its JSON form (as `judge run --json` prints it, texts already truncated)."""
        if data.get("version") != REPORT_VERSION:
            raise ValueError(f"unsupported report version {data.get('version')!r}")
        return cls(data["problem"], Verdict(data["verdict"]), int(data["seed"]), data["sandbox"],
                   float(data["time_s"]), tuple(GroupResult.from_json(g) for g in data["groups"]),
                   data.get("message"), data.get("output"),
                   call_s=float(data["call_s"]) if "call_s" in data else None)


def overall_verdict(groups: tuple[GroupResult, ...] | list[GroupResult]) -> Verdict:
    """Accepted only when every group is; otherwise the first failing group's verdict (problem.toml order).

    A judge failure anywhere (internal_error) outranks every verdict about the submission.
    """
    if any(g.verdict is Verdict.INTERNAL_ERROR for g in groups):
        return Verdict.INTERNAL_ERROR
    for group in groups:
        if group.verdict is not Verdict.ACCEPTED:
            return group.verdict
    return Verdict.ACCEPTED if groups else Verdict.INTERNAL_ERROR
