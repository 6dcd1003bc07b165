"""`judge audit`: mutation testing of the hidden tests (thin: the work is in judge.audit)."""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Callable
from pathlib import Path

import click

from judge.audit import (
    MIN_SCORE,
    REFERENCE_KEY,
    AuditError,
    AuditResult,
    check,
    default_record_path,
    load_records,
    mutants_of,
    run_audit,
    to_record,
    write_records,
)
from judge.clikit import UserError, problem_or_exit, sandbox_option
from judge.grading.pool import JudgeTask, default_workers
from judge.problems import Problem, all_problems
from judge.progress import Progress
from judge.sandbox import SandboxUnavailable, get_sandbox
from judge.verdict import Report


def _progress(problem_id: str, total: int) -> tuple[Progress, Callable[[JudgeTask, Report], None]]:
    """Progress on stderr (in a log, a line every ~5%): mutants judged, killed, survived; the reference not counted."""
    progress = Progress(total, plain_steps=20)

    def judged(task: JudgeTask, report: Report) -> None:
        if task.key == REFERENCE_KEY:
            return
        progress.advance(failed=not report.accepted)
        killed = progress.failed
        progress.show(f"[{problem_id}] {progress.done}/{progress.total} judged, {killed} killed, "
                      f"{progress.done - killed} survived, ETA {progress.eta()}")

    return progress, judged


def _print_result(result: AuditResult, mutants_by_id: dict, quiet: bool) -> None:
    killed, counted = result.scored
    survivors = [i for i in result.survived if i not in result.equivalent]
    click.echo(f"{result.problem}: {len(result.mutants)} mutants judged (of {result.generated}), seed {result.seed}, "
               f"{result.time_s:.0f} s")
    click.echo(f"  killed {len(result.killed)}, survived {len(result.survived)}, equivalent {len(result.equivalent)}"
               f" -> score {result.score:.1%} ({killed}/{counted})")
    internal = [i for i in result.killed if result.verdicts[i] == "internal_error"]
    if internal:
        click.echo(f"  warning: {len(internal)} mutant(s) got internal_error (counted as killed): {internal[0]} ...")
    for mutant_id in result.killed_equivalent:
        click.echo(f"  warning: {mutant_id!r} is recorded as equivalent but was killed ({result.verdicts[mutant_id]})")
    for mutant_id, why in result.equivalent.items():
        if mutant_id in result.survived:
            click.echo(f"  equivalent (reviewed) {mutant_id}: {why}")
    for mutant_id in survivors:
        click.echo(f"\nsurvived: {mutant_id}")
        if not quiet:
            click.echo(mutants_by_id[mutant_id].diff.rstrip())


@click.command("audit")
@click.argument("problem_ids", nargs=-1, metavar="[ID]...")
@click.option("--mutants", "count", type=click.IntRange(1), help="Judge a deterministic sample of N mutants.")
@click.option("--workers", type=click.IntRange(1), help="Mutants judged in parallel (default: the cores).")
@click.option("--seed", type=click.IntRange(0, 2**32 - 1), help="Seed of the hidden tests for every mutant.")
@sandbox_option
@click.option("--check", "check_mode", is_flag=True,
              help="Fail (exit 1) when a score is below the record or 90%, or a recorded kill now survives.")
@click.option("--write", "--update", "write", is_flag=True, help="Rewrite the record with this audit.")
@click.option("--record", "record_path", type=click.Path(dir_okay=False),
              help="The record file (default: audit.toml beside the problem folders).")
@click.option("--quiet", is_flag=True, help="List surviving mutants by id only, without diffs.")
def audit(problem_ids: tuple[str, ...], count: int | None, workers: int | None, seed: int | None, sandbox: str,
          check_mode: bool, write: bool, record_path: str | None, quiet: bool) -> None:
    """Mutation-test the hidden tests of problem ID: judge mutants of its reference and score the kills.

    Score = killed / (judged - equivalent). Exit code 1 when a score is below 90% or --check fails.
    """
    from judge.runner import new_seed

    problems = _problems(problem_ids, check_mode, record_path)
    try:
        get_sandbox(sandbox)
    except SandboxUnavailable as exc:
        raise UserError(str(exc)) from None
    seed = new_seed() if seed is None else seed
    workers = workers or default_workers()
    failures: list[str] = []
    for problem in problems:
        path = Path(record_path) if record_path else default_record_path(problem)
        records = _load(path)
        previous = records.get(problem.id)
        sample_size = count if count is not None else (previous.sample if previous is not None else None)
        progress, judged = _progress(problem.id, _mutant_count(problem, sample_size))
        click.echo(f"auditing {problem.id} with seed {seed}, {workers} worker(s) ...", err=True)
        try:
            result = run_audit(problem, seed=seed, count=sample_size, workers=workers, sandbox=sandbox,
                               equivalent=previous.equivalent if previous else None, on_result=judged)
        except AuditError as exc:
            raise click.ClickException(str(exc)) from None
        finally:
            progress.close()
        _print_result(result, {m.id: m for m in result.mutants}, quiet)
        if result.score < MIN_SCORE:
            failures.append(f"{problem.id}: score {result.score:.1%} is below {MIN_SCORE:.0%}")
        if check_mode:
            failures += [f for f in check(result, previous) if f not in failures]
        if write:
            records = _load(path)  # re-read: the record may have been edited while the mutants ran
            latest = records.get(problem.id, previous)
            if latest is not None:
                judged = {m.id for m in result.mutants}
                reviewed = {i: why for i, why in latest.equivalent.items() if i in judged}
                result = dataclasses.replace(result, equivalent={**result.equivalent, **reviewed})
            records[problem.id] = to_record(result, latest)
            try:
                write_records(path, records)
            except OSError as exc:
                raise UserError(f"cannot write {path}: {exc}") from None
            click.echo(f"wrote {path} and {path.with_name('AUDIT.md')}", err=True)
    for failure in failures:
        click.echo(f"FAIL {failure}", err=True)
    sys.exit(1 if failures else 0)


def _mutant_count(problem: Problem, sample_size: int | None) -> int:
    return len(mutants_of(problem, sample_size)[1])  # cached: run_audit gets the same tuple


def _load(path: Path) -> dict:
    try:
        return load_records(path)
    except AuditError as exc:
        raise UserError(str(exc)) from None


def _problems(problem_ids: tuple[str, ...], check_mode: bool, record_path: str | None) -> list[Problem]:
    if problem_ids:
        return [problem_or_exit(pid) for pid in problem_ids]
    if not check_mode:
        raise UserError("give a problem ID (or --check to re-audit every recorded problem)")
    catalog = all_problems()
    recorded: list[str] = []
    paths = {Path(record_path)} if record_path else {default_record_path(p) for p in catalog.values()}
    for path in sorted(paths):
        recorded += [pid for pid in _load(path) if pid in catalog and pid not in recorded]
    if not recorded:
        raise UserError("no audit record found; run `judge audit ID --write` first")
    return [catalog[pid] for pid in recorded]
