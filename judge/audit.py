"""Mutation audit of a problem's hidden tests: judge mutants of the reference, score, keep and check a record.

Hidden tests that accept a mutant of the reference miss a bug someone can write. Every mutant is judged like a
submission (judge.grading.pool, one `judge run --json` process each, fail-fast, one seed for the whole audit); it is
killed when its verdict is anything but accepted. Equivalent mutants (no input tells them apart from the
reference) cannot be found automatically: the committed record lists the reviewed ones with a reason, and the
score is killed / (judged - equivalent). The record (`problems/audit.toml`, with a readable `AUDIT.md` beside
it) is what `judge audit --check` compares a fresh run against.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from judge.grading.pool import JudgeTask, judge_all
from judge.mutants import Mutant, generate, sample
from judge.problems import Problem
from judge.verdict import Report, Verdict

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

MIN_SCORE = 0.90
RECORD_NAME = "audit.toml"
REFERENCE_KEY = "reference"


class AuditError(Exception):
    """The audit cannot be trusted or run (the reference itself is rejected, a malformed record)."""


@dataclass(frozen=True)
class AuditResult:
    """One audit of one problem: what was judged, what each mutant got, and the score."""

    problem: str
    seed: int
    reference_sha256: str
    generated: int                       # mutants generated (before sampling)
    sample: int | None                   # --mutants N, or None for all
    mutants: tuple[Mutant, ...]          # those judged, in id order
    verdicts: dict[str, str]             # mutant id -> verdict
    equivalent: dict[str, str] = field(default_factory=dict)  # reviewed as equivalent (id -> reason), judged ones
    time_s: float = 0.0

    @property
    def killed(self) -> tuple[str, ...]:
        return tuple(m.id for m in self.mutants if self.verdicts[m.id] != Verdict.ACCEPTED.value)

    @property
    def survived(self) -> tuple[str, ...]:
        return tuple(m.id for m in self.mutants if self.verdicts[m.id] == Verdict.ACCEPTED.value)

    @property
    def killed_equivalent(self) -> tuple[str, ...]:
        """Mutants recorded as equivalent that the tests killed: the record is wrong (or a test is flaky)."""
        return tuple(i for i in self.killed if i in self.equivalent)

    @property
    def score(self) -> float:
        """killed / (judged - equivalent); a mutant recorded equivalent counts in neither."""
        counted = [m.id for m in self.mutants if m.id not in self.equivalent]
        killed = sum(1 for i in counted if self.verdicts[i] != Verdict.ACCEPTED.value)
        return killed / len(counted) if counted else 1.0

    @property
    def scored(self) -> tuple[int, int]:
        counted = [m.id for m in self.mutants if m.id not in self.equivalent]
        return sum(1 for i in counted if self.verdicts[i] != Verdict.ACCEPTED.value), len(counted)


@dataclass(frozen=True)
class ProblemRecord:
    """What the committed record holds for one problem."""

    problem: str
    reference_sha256: str
    sample: int | None
    generated: int
    score: float
    score_before: float
    seed: int
    killed: tuple[str, ...]
    survived: tuple[str, ...]
    equivalent: dict[str, str]


def reference_sha256(problem: Problem) -> str:
    return hashlib.sha256(problem.reference_path.read_bytes()).hexdigest()


def default_record_path(problem: Problem) -> Path:
    """`audit.toml` beside the problem folders of the catalog the problem comes from."""
    return problem.folder.parent / RECORD_NAME


def mutants_of(problem: Problem, count: int | None = None) -> tuple[int, tuple[Mutant, ...]]:
    """(how many mutants the reference has, the sample of `count` of them that an audit judges)."""
    return _mutants_of(problem.reference_path.read_text(encoding="utf-8"), problem.module, problem.id, count)


@lru_cache(maxsize=4)
def _mutants_of(source: str, module: str, salt: str, count: int | None) -> tuple[int, tuple[Mutant, ...]]:
    every = generate(source, f"{module}.py")
    return len(every), tuple(sample(every, count, salt))


def run_audit(problem: Problem, *, seed: int, count: int | None = None, workers: int | None = None,
              sandbox: str = "auto", equivalent: dict[str, str] | None = None,
              on_result: Callable[[JudgeTask, Report], None] | None = None) -> AuditResult:
    """Judge the reference and (a sample of `count` of) its mutants with `seed`; the reference must pass."""
    started = time.monotonic()
    generated, mutants = mutants_of(problem, count)
    timeout = 2 * sum(g.time_limit_s for g in problem.groups) + 120
    common = {"problem": problem.id, "filename": f"{problem.module}.py", "seed": seed, "sandbox": sandbox,
              "timeout_s": timeout}
    tasks = [JudgeTask(REFERENCE_KEY, source=problem.reference_path.read_bytes(), **common)]
    tasks += [JudgeTask(m.id, source=m.source.encode("utf-8"), fail_fast=True, **common) for m in mutants]
    reports = judge_all(tasks, workers=workers, on_result=on_result)
    reference = reports[REFERENCE_KEY]
    if not reference.accepted:
        failing = next((g for g in reference.groups if g.verdict is not Verdict.ACCEPTED), None)
        where = f" in group {failing.name!r}" if failing else ""
        raise AuditError(f"the reference of {problem.id!r} is not accepted with seed {seed} "
                         f"({reference.verdict.value}{where}); fix the hidden tests before auditing them")
    verdicts = {m.id: reports[m.id].verdict.value for m in mutants}
    judged = {m.id for m in mutants}
    kept = {i: why for i, why in (equivalent or {}).items() if i in judged}
    return AuditResult(problem.id, seed, reference_sha256(problem), generated, count, mutants, verdicts,
                       kept, time.monotonic() - started)


def check(result: AuditResult, record: ProblemRecord | None) -> list[str]:
    """Why `result` falls short of the record (empty when it does not): score, threshold, regressions."""
    if record is None:
        return [f"{result.problem}: no audit record (run `judge audit {result.problem} --write`)"]
    problems = []
    if record.reference_sha256 != result.reference_sha256:
        problems.append(f"{result.problem}: the reference changed since the record (mutant ids may have moved); "
                        "re-audit and --write")
    if result.score < MIN_SCORE:
        problems.append(f"{result.problem}: score {result.score:.1%} is below {MIN_SCORE:.0%}")
    if result.score < record.score - 1e-4:  # the record keeps 4 decimals
        problems.append(f"{result.problem}: score {result.score:.1%} is lower than the recorded {record.score:.1%}")
    regressed = sorted(set(record.killed) & set(result.survived))
    if regressed:
        problems.append(f"{result.problem}: {len(regressed)} mutant(s) recorded as killed now survive: "
                        + "; ".join(regressed[:5]))
    return problems


def to_record(result: AuditResult, previous: ProblemRecord | None) -> ProblemRecord:
    """The record of `result`; the first recorded score stays as `score_before`."""
    return ProblemRecord(result.problem, result.reference_sha256, result.sample, result.generated, result.score,
                         previous.score_before if previous is not None else result.score, result.seed,
                         result.killed, result.survived, dict(sorted(result.equivalent.items())))


def load_records(path: Path) -> dict[str, ProblemRecord]:
    """The records of `path` by problem id ({} when the file does not exist)."""
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise AuditError(f"{path}: {exc}") from None
    records = {}
    for problem_id, table in raw.items():
        try:
            sample_size = int(table.get("sample", 0))
            records[problem_id] = ProblemRecord(
                problem_id, str(table["reference_sha256"]), sample_size or None, int(table["generated"]),
                float(table["score"]), float(table.get("score_before", table["score"])), int(table.get("seed", 0)),
                tuple(map(str, table.get("killed", ()))), tuple(map(str, table.get("survived", ()))),
                {str(k): str(v) for k, v in table.get("equivalent", {}).items()})
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise AuditError(f"{path}: malformed record of {problem_id!r} ({exc!r})") from None
    return records


def _string(value: str) -> str:
    return json.dumps(value, ensure_ascii=True)  # a JSON string is a valid TOML basic string


def _strings(values: Sequence[str]) -> str:
    return "[\n" + "".join(f"  {_string(v)},\n" for v in values) + "]" if values else "[]"


HEADER = """\
# Mutation audit of the hidden tests: written by `judge audit ID --write`, compared by `judge audit --check`.
# A surviving mutant that no input can tell apart from the reference goes under [<id>.equivalent] with a
# one-line reason (kept by --write); score = killed / (judged - equivalent), at least 0.90 for every problem.
"""


def dump_records(records: dict[str, ProblemRecord]) -> str:
    parts = [HEADER]
    for problem_id, rec in sorted(records.items()):
        parts.append(
            f"\n[{_string(problem_id)}]\n"
            f"reference_sha256 = {_string(rec.reference_sha256)}\n"
            f"sample = {rec.sample or 0}  # --mutants N of the audit (0: all)\n"
            f"generated = {rec.generated}\n"
            f"judged = {len(rec.killed) + len(rec.survived)}\n"
            f"score_before = {rec.score_before:.4f}\n"
            f"score = {rec.score:.4f}\n"
            f"seed = {rec.seed}\n"
            f"killed = {_strings(rec.killed)}\n"
            f"survived = {_strings(rec.survived)}\n"
            f"\n[{_string(problem_id)}.equivalent]\n"
            + "".join(f"{_string(k)} = {_string(v)}\n" for k, v in rec.equivalent.items()))
    return "".join(parts)


def markdown(records: dict[str, ProblemRecord]) -> str:
    """AUDIT.md: the record for people (generated; audit.toml is the source)."""
    lines = ["# Mutation audit of the hidden tests", "",
             f"Generated from `{RECORD_NAME}` by `judge audit --write`; do not edit. Score = killed / (judged - "
             f"equivalent); every problem must reach {MIN_SCORE:.0%} (`judge audit --check`).", "",
             "| problem | mutants | judged | killed | equivalent | survived | score before | score |",
             "|---|---|---|---|---|---|---|---|"]
    for pid, rec in sorted(records.items()):
        judged = len(rec.killed) + len(rec.survived)
        lines.append(f"| {pid} | {rec.generated} | {judged} | {len(rec.killed)} | {len(rec.equivalent)} | "
                     f"{len(rec.survived) - len(rec.equivalent)} | {rec.score_before:.1%} | {rec.score:.1%} |")
    for pid, rec in sorted(records.items()):
        left = [i for i in rec.survived if i not in rec.equivalent]
        if not rec.equivalent and not left:
            continue
        lines += ["", f"## {pid}", ""]
        lines += [f"- equivalent `{i}`: {why}" for i, why in rec.equivalent.items()]
        lines += [f"- surviving `{i}`" for i in left]
    return "\n".join(lines) + "\n"


def write_records(path: Path, records: dict[str, ProblemRecord]) -> None:
    path.write_text(dump_records(records), encoding="utf-8")
    path.with_name("AUDIT.md").write_text(markdown(records), encoding="utf-8")
