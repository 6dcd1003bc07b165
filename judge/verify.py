"""`judge verify`: a problem folder is consistent, and its hidden tests tell right from wrong.

Static checks first (problem.toml, statement, reference, stub, the known submissions on file), then every judging
at once through `judge.grading.pool`: the reference with many more examples than a normal run under several seeds, the
generated stub, and each known submission, which must get the verdict its `# expect:` line names. The stub is
never committed: it is rendered from the reference on demand (`judge stub`), so "current" means that rendering
succeeds now, keeps the reference's signatures, leaves every body raising and passes the judge's static check.
"""

from __future__ import annotations

import ast
import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from judge.examples import EXAMPLES_FILE, ExampleError, load_examples, stale_statement
from judge.grading.pool import JudgeTask, judge_all
from judge.problems import (
    Problem,
    ProblemError,
    catalog_roots,
    folder_of,
    load_problem,
    schema_errors,
)
from judge.reports.text import format_report
from judge.runner import load_reference
from judge.staticcheck import check_source
from judge.stubs import StubError, render_stub
from judge.testing import example_disagreement
from judge.verdict import Report, Verdict
from judge.verify_record import Entry, content_sha256, is_full, load_record, record_path, staleness

EXPECT = re.compile(r"^#\s*expect:\s*([a-z_]+)\s*$", re.MULTILINE)
MAX_EXAMPLES = 100_000  # what `judge run --max-examples` takes
VERIFY_JSON_VERSION = 1
STUB_VERDICTS = frozenset({Verdict.WRONG_ANSWER.value, Verdict.RUNTIME_ERROR.value})
_HEADING = re.compile(r"^ {0,3}(#{1,6})\s+(.*)$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


@dataclass(frozen=True)
class Settings:
    seed: int                       # the first seed; the reference also runs under seed+1, seed+2, ...
    seeds: int = 3                  # seeds for the reference
    examples_factor: int = 10       # the reference's hypothesis examples: each group's max_examples times this
    workers: int | None = None      # parallel judgings (None: one per core)
    sandbox: str = "auto"
    submissions: Path | None = None  # a directory of <id>/ folders; None: each problem's own known/
    min_correct: int = 1            # known submissions a problem must keep (the project's rule)
    min_wrong: int = 6
    check_record: bool = False      # a row failing when the verify record is stale and this verify is not full


@dataclass(frozen=True)
class Row:
    """One line of the table: a check or a judging, what it should give, what it gave."""

    problem: str
    item: str
    expected: str
    got: str
    ok: bool
    time_s: float | None = None
    detail: str = ""  # why it failed: the errors, or the judging's report


@dataclass(frozen=True)
class Judging:
    task: JudgeTask
    item: str
    expected: frozenset[str]   # verdicts that pass
    groups: tuple[str, ...]    # groups the report must hold


@dataclass(frozen=True)
class Plan:
    problem: str
    rows: tuple[Row, ...]       # the static checks, already decided
    judgings: tuple[Judging, ...]


# -- which problems ---------------------------------------------------------------------------------------------

def problem_folders(ids: tuple[str, ...] = ()) -> list[tuple[str, Path]]:
    """(id, folder) of the given problems, or of every problem of every catalog root (the extra root wins)."""
    if ids:
        out = []
        for problem_id in dict.fromkeys(ids):
            folder = folder_of(problem_id)
            if folder is None:
                known = [pid for pid, _ in problem_folders()]
                close = difflib.get_close_matches(problem_id, known, n=1)
                hint = f"; did you mean {close[0]!r}?" if close else "; `judge list` shows them all"
                raise ProblemError(f"unknown problem {problem_id!r}{hint}")
            out.append((problem_id, folder))
        return out
    found: dict[str, Path] = {}
    for root in catalog_roots():
        base = root / "problems"
        for folder in sorted(base.iterdir()) if base.is_dir() else []:
            if (folder / "problem.toml").is_file():
                found.setdefault(folder.name, folder)
    return sorted(found.items())


# -- static checks ----------------------------------------------------------------------------------------------

def statement_examples_error(text: str) -> str | None:
    """None when a heading starting with "Example" ("## Examples", "## Example 1") has a fenced code block
    under it (before the next heading of its level or above); else what is missing."""
    section_level = None
    seen_section = False
    fence = ""
    for line in text.splitlines():
        if fence:
            if line.strip().startswith(fence) and not line.strip().strip(fence[0]):
                fence = ""
            continue
        if opening := _FENCE.match(line):
            if section_level is not None:
                return None
            fence = opening.group(1)
            continue
        if heading := _HEADING.match(line):
            level = len(heading.group(1))
            if section_level is not None and level <= section_level:
                section_level = None
            if heading.group(2).strip().lower().startswith("example"):
                section_level, seen_section = level, True
    if not seen_section:
        return "no examples section (a heading starting with 'Example')"
    return "no code block under the examples heading"


def _top_level(tree: ast.Module) -> dict[str, ast.stmt]:
    return {node.name: node for node in tree.body
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)}


def _signatures(tree: ast.Module, entry_points: tuple[str, ...]) -> dict[str, str]:
    """The public signatures of the entry points (methods of classes included), as source text."""
    out = {}
    for name, node in _top_level(tree).items():
        if name not in entry_points:
            continue
        if isinstance(node, ast.ClassDef):
            for item in node.body:
                if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef) and (
                        not item.name.startswith("_") or item.name == "__init__"):
                    out[f"{name}.{item.name}"] = ast.unparse(item.args)
        else:
            out[name] = ast.unparse(node.args)
    return out


def reference_errors(problem: Problem) -> list[str]:
    """The reference defines every entry point of problem.toml at its top level (read, never imported)."""
    path = problem.reference_path
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    except FileNotFoundError:
        return [f"{path} does not exist"]
    except (OSError, SyntaxError, ValueError) as exc:
        return [f"{path}: {exc}"]
    defined = _top_level(tree)
    return [f"the reference defines no {name!r}" for name in problem.entry_points if name not in defined]


def examples_errors(problem: Problem, *, reference_ok: bool) -> list[str]:
    """What is wrong with examples.toml: not valid, the statement's section stale, or the reference answering an
    example otherwise (the examples group would give every submission an internal error)."""
    try:
        examples = load_examples(problem)
    except ExampleError as exc:
        return [str(exc)]
    errors = [why] if (why := stale_statement(problem)) is not None else []
    if reference_ok:
        try:
            reference = load_reference(problem)
            errors += [why for example in examples if (why := example_disagreement(example, reference)) is not None]
        except Exception as exc:
            errors.append(f"the reference fails on the examples: {type(exc).__name__}: {exc}")
    return errors


def check_stub(problem: Problem) -> tuple[str | None, list[str]]:
    """(the stub's source or None, what is wrong with it): rendered from the reference as it is now, it must keep
    the reference's signatures, raise in every body and pass the static check every submission goes through."""
    try:
        text = render_stub(problem)
        tree = ast.parse(text)
    except (StubError, OSError, SyntaxError, ValueError) as exc:
        return None, [f"the stub cannot be generated: {exc}"]
    except Exception as exc:  # a broken template (jinja2 errors) is a folder bug to report, not a crash
        return None, [f"the stub cannot be generated: {type(exc).__name__}: {exc}"]
    errors = []
    reference = ast.parse(problem.reference_path.read_text(encoding="utf-8"))
    if _signatures(tree, problem.entry_points) != _signatures(reference, problem.entry_points):
        errors.append("the stub's signatures differ from the reference's")
    bodies = [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)]
    if not bodies or not all(isinstance(f.body[-1], ast.Raise) for f in bodies):
        errors.append("a function of the stub does not end in a raise")
    if (problem_found := check_source(text, problem.entry_points, problem.forbidden, "stub")) is not None:
        errors.append(f"the stub does not pass the static check: {problem_found}")
    return text, errors


def expected_of(path: Path) -> str | None:
    """The verdict of the file's `# expect:` line, or None when it has none or names no verdict."""
    try:
        match = EXPECT.search(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return None
    if match is None or match.group(1) not in {v.value for v in Verdict}:
        return None
    return match.group(1)


def name_error(path: Path, expected: str) -> str | None:
    """A known submission's file name starts with the verdict it expects (`wrong_answer_off_by_one.py`), so a
    listing of known/ reads as the list of expectations; None when it does, else what is wrong."""
    if path.name.startswith(f"{expected}_"):
        return None
    return f"{path.name} expects {expected}: its name must start with '{expected}_'"


def _check(problem_id: str, item: str, expected: str, errors: list[str], good: str = "") -> Row:
    got = good or expected
    if errors:
        got = errors[0] if len(errors) == 1 else f"{len(errors)} problems"
    return Row(problem_id, item, expected, got, not errors, None, "\n".join(errors))


# -- the plan ---------------------------------------------------------------------------------------------------

def _seeds(settings: Settings) -> list[int]:
    return [(settings.seed + i) % 2**64 for i in range(settings.seeds)]


def _reference_judgings(problem: Problem, settings: Settings, task: Callable[..., JudgeTask]) -> list[Judging]:
    """Per seed: the groups without hypothesis examples as usual, each other set of groups (by its max_examples)
    with examples_factor times its examples, so every group runs under every seed."""
    accepted = frozenset({Verdict.ACCEPTED.value})
    buckets: dict[int, list[str]] = {}
    for group in problem.groups:
        bucket = group.max_examples if settings.examples_factor > 1 else 0
        buckets.setdefault(bucket, []).append(group.name)
    source = problem.reference_path.read_bytes()
    out = []
    for seed in _seeds(settings):
        for examples, names in sorted(buckets.items()):
            item = f"reference seed={seed}"
            if examples:
                item += f" x{settings.examples_factor} [{', '.join(names)}]"
            elif len(buckets) > 1:
                item += f" [{', '.join(names)}]"
            only = tuple(names) if len(buckets) > 1 else ()
            job = task(item, f"{problem.module}.py", source, seed, groups=only,
                       max_examples=min(examples * settings.examples_factor, MAX_EXAMPLES) if examples else None)
            out.append(Judging(job, item, accepted, tuple(names)))
    return out


def plan_problem(problem_id: str, folder: Path, settings: Settings) -> Plan:
    """The static rows of one problem and the judgings it needs."""
    try:
        problem = load_problem(folder)
    except ProblemError:  # the same schema, every error of it rather than the first
        errors = [f"problem.toml: {e}" for e in schema_errors(folder)]
        return Plan(problem_id, (_check(problem_id, "problem folder", "valid", errors),), ())
    folder_errors = []
    if not problem.statement_path.is_file():
        folder_errors.append("statement.md does not exist")
    if not list(problem.tests_dir.glob("test_*.py")):
        folder_errors.append("tests/ holds no test_*.py")
    rows = [_check(problem_id, "problem folder", "valid", folder_errors)]
    ref_errors = reference_errors(problem)
    if (problem.folder / EXAMPLES_FILE).is_file():  # valid data, rendered into the statement, the reference agrees
        example_errors = examples_errors(problem, reference_ok=not ref_errors)
    else:  # a problem that keeps its examples in statement.md and its own test_examples.py
        example_error = statement_examples_error(problem.statement()) if problem.statement_path.is_file() else None
        example_errors = [example_error] if example_error else []
    rows.append(_check(problem_id, "statement examples", "present", example_errors))
    rows.append(_check(problem_id, "reference entry points", ", ".join(problem.entry_points), ref_errors,
                       good="all defined"))
    stub, stub_problems = check_stub(problem) if not ref_errors else (None, ["no stub without a complete reference"])
    rows.append(_check(problem_id, "stub", "current", stub_problems))

    directory = settings.submissions / problem_id if settings.submissions is not None else problem.known_dir
    known = sorted(directory.glob("*.py")) if directory.is_dir() else []
    expectations = {path: expected_of(path) for path in known}
    for path, expected in expectations.items():
        if expected is None:
            rows.append(_check(problem_id, path.name, "# expect: <verdict>", ["no valid '# expect:' line"]))
    names = [e for path, expected in expectations.items() if expected and (e := name_error(path, expected))]
    rows.append(_check(problem_id, "known submission names", "<verdict>_<what>.py", names,
                       good="each starts with its verdict"))
    correct = sum(e == Verdict.ACCEPTED.value for e in expectations.values())
    wrong = sum(e not in (None, Verdict.ACCEPTED.value) for e in expectations.values())
    count_errors = [] if correct >= settings.min_correct and wrong >= settings.min_wrong else [
        f"{correct} correct, {wrong} wrong in {directory}"]
    rows.append(_check(problem_id, "known submissions", f">={settings.min_correct} correct, "
                       f">={settings.min_wrong} wrong", count_errors, good=f"{correct} correct, {wrong} wrong"))
    if settings.check_record:
        rows.append(record_row(problem, settings))
    if not problem.reference_path.is_file():
        return Plan(problem_id, tuple(rows), ())  # nothing can be judged without the oracle

    def task(item: str, filename: str, source: bytes, seed: int, **options: object) -> JudgeTask:
        return JudgeTask(key=f"{problem_id}::{item}", problem=problem_id, filename=filename, source=source,
                         seed=seed, sandbox=settings.sandbox, **options)

    everything = tuple(g.name for g in problem.groups)
    judgings = _reference_judgings(problem, settings, task)
    ordered = sorted(expectations.items(), key=lambda kv: (kv[1] != Verdict.ACCEPTED.value, kv[0].name))
    for path, expected in ordered:  # the full runs first: the longest judgings start early
        if expected is None:
            continue
        full = expected == Verdict.ACCEPTED.value
        judgings.append(Judging(task(path.name, path.name, path.read_bytes(), settings.seed, fail_fast=not full),
                                path.name, frozenset({expected}), everything if full else ()))
    if stub is not None and not stub_problems:
        judgings.append(Judging(task("stub (judged)", f"{problem.module}.py", stub.encode(), settings.seed,
                                     fail_fast=True), "stub (judged)", STUB_VERDICTS, ()))
    return Plan(problem_id, tuple(rows), tuple(judgings))


def record_row(problem: Problem, settings: Settings) -> Row:
    """The verify record (judge.verify_record) is current, or this verify is full enough to stand in for it."""
    try:
        why = staleness(problem, load_record(record_path(problem)))
    except Exception as exc:  # a malformed record is this row's failure, not a crash
        why = str(exc)
    full = is_full(settings.seeds, settings.examples_factor) and settings.submissions is None
    if why is None:
        return _check(problem.id, "verify record", "current", [])
    if full:
        return _check(problem.id, "verify record", "current", [], good=f"{why}: a full verify runs now")
    return _check(problem.id, "verify record", "current",
                  [f"{why}: run a full verify (`judge verify {problem.id} --seeds {max(settings.seeds, 2)} "
                   "--write-record`) and commit the record"])


def record_entries(rows: tuple[Row, ...] | list[Row], settings: Settings) -> dict[str, Entry]:
    """The record of each problem whose rows all passed in a full verify (none for a cheaper one)."""
    if not is_full(settings.seeds, settings.examples_factor) or settings.submissions is not None:
        return {}
    failed = {row.problem for row in rows if not row.ok}
    entries = {}
    for problem_id, folder in problem_folders(tuple(dict.fromkeys(row.problem for row in rows))):
        if problem_id not in failed:
            entries[problem_id] = Entry(content_sha256(load_problem(folder)), settings.seeds,
                                        settings.examples_factor, settings.seed)
    return entries


def _judged_row(problem_id: str, judging: Judging, report: Report) -> Row:
    got = report.verdict.value
    present = {g.name for g in report.groups}
    ok = got in judging.expected and set(judging.groups) <= present
    detail = "" if ok else format_report(report, color=False, file=judging.task.filename)
    if ok or got not in judging.expected:
        shown = got
    else:
        shown = f"{got} (missing groups: {', '.join(g for g in judging.groups if g not in present)})"
    return Row(problem_id, judging.item, "|".join(sorted(judging.expected)), shown, ok, report.time_s, detail)


def verify(ids: tuple[str, ...], settings: Settings,
           on_row: Callable[[Row, int, int], None] | None = None) -> tuple[Row, ...]:
    """Every row for the given problems (all when none): static checks, then the judgings, in plan order.

    `on_row(row, done, total)` is called as each judging finishes. Raises ProblemError for an unknown id.
    """
    plans = [plan_problem(pid, folder, settings) for pid, folder in problem_folders(ids)]
    judgings = {j.task.key: (plan.problem, j) for plan in plans for j in plan.judgings}
    tasks = [j.task for plan in plans for j in plan.judgings]
    tasks.sort(key=lambda t: not t.key.split("::", 1)[1].startswith("reference"))  # stable: references first
    done: dict[str, Row] = {}

    def finished(task: JudgeTask, report: Report) -> None:
        problem_id, judging = judgings[task.key]
        done[task.key] = _judged_row(problem_id, judging, report)
        if on_row is not None:
            on_row(done[task.key], len(done), len(tasks))

    judge_all(tasks, workers=settings.workers, on_result=finished)
    rows: list[Row] = []
    for plan in plans:
        rows += plan.rows
        rows += [done[j.task.key] for j in plan.judgings]
    return tuple(rows)


# -- output -----------------------------------------------------------------------------------------------------

def format_row(row: Row) -> str:
    time = "" if row.time_s is None else f"{row.time_s:.1f}s"
    return f"{'ok' if row.ok else 'FAIL'}  {row.problem}  {row.item}: {row.got} ({row.expected}) {time}".rstrip()


def to_json(rows: tuple[Row, ...] | list[Row], settings: Settings) -> dict:
    """`judge verify --json`: the rows per problem (item, expected, got, time, ok, and why a failure failed) and
    the totals, so that tests and scripts never parse the table."""
    problems: dict[str, list[Row]] = {}
    for row in rows:
        problems.setdefault(row.problem, []).append(row)
    failed = sum(not row.ok for row in rows)
    return {
        "version": VERIFY_JSON_VERSION,
        "seed": settings.seed,
        "seeds": settings.seeds,
        "examples_factor": settings.examples_factor,
        "ok": failed == 0,
        "problems": [{
            "id": problem_id,
            "ok": all(row.ok for row in problem_rows),
            "rows": [{"item": r.item, "expected": r.expected, "got": r.got,
                      "time_s": None if r.time_s is None else round(r.time_s, 3), "ok": r.ok, "detail": r.detail}
                     for r in problem_rows],
        } for problem_id, problem_rows in problems.items()],
        "totals": {"problems": len(problems), "checks": len(rows), "failed": failed,
                   "failed_problems": sum(not all(r.ok for r in pr) for pr in problems.values())},
    }


def format_table(rows: tuple[Row, ...] | list[Row]) -> str:
    """A plain-text table (problem, item, expected, got, time, ok) and, below it, why each failure failed."""
    header = ("problem", "item", "expected", "got", "time", "ok")
    cells = [header] + [(r.problem, r.item, r.expected, r.got[:70],
                         "" if r.time_s is None else f"{r.time_s:.1f}s", "ok" if r.ok else "FAIL") for r in rows]
    widths = [max(len(c[i]) for c in cells) for i in range(len(header))]
    lines = ["  ".join(c[i].ljust(widths[i]) for i in range(len(header))).rstrip() for c in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    for row in rows:
        if not row.ok and row.detail:
            lines += ["", f"FAIL {row.problem} {row.item}:"] + ["    " + line for line in row.detail.splitlines()]
    return "\n".join(lines)
