"""The authoring commands: `judge verify` (is a problem sound?) and `judge new` (start one)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from judge.clikit import UserError, sandbox_option
from judge.problems import DIFFICULTIES, ProblemError


@click.command()
@click.argument("problem_ids", nargs=-1, metavar="[ID]...")
@click.option("--seeds", type=click.IntRange(1, 100), default=3, show_default=True,
              help="Seeds the reference is judged under (--seed, --seed+1, ...).")
@click.option("--examples-factor", type=click.IntRange(1, 1000), default=10, show_default=True,
              help="The reference gets this many times each group's hypothesis examples.")
@click.option("--quick", is_flag=True, help="One seed and normal examples (--seeds 1 --examples-factor 1).")
@click.option("--seed", type=click.IntRange(0, 2**64 - 1), help="First seed (random by default, printed).")
@click.option("--workers", type=click.IntRange(1, 256), help="Judgings in parallel (default: one per core).")
@sandbox_option
@click.option("--submissions", "submissions", metavar="DIR",
              help="Known submissions in DIR/<id>/*.py (default: each problem's own problems/<id>/known/).")
@click.option("--min-correct", type=click.IntRange(0), default=1, show_default=True,
              help="Known-correct submissions a problem must have.")
@click.option("--min-wrong", type=click.IntRange(0), default=6, show_default=True,
              help="Known-wrong submissions a problem must have.")
@click.option("--json", "as_json", is_flag=True,
              help="One JSON document on stdout (per problem its rows, and the totals) instead of the table.")
@click.option("--write-record", is_flag=True,
              help="After a full verify (>= 2 seeds, >= 10x examples), record each problem that passed in "
                   "problems/verify.toml.")
@click.option("--check-record", is_flag=True,
              help="Fail a problem whose verify record is missing or stale unless this verify is full.")
def verify(problem_ids: tuple[str, ...], seeds: int, examples_factor: int, quick: bool, seed: int | None,
           workers: int | None, sandbox: str, submissions: str | None, min_correct: int, min_wrong: int,
           as_json: bool, write_record: bool, check_record: bool) -> None:
    """Check problems (all, or the IDs given): folder, statement, reference, stub and known submissions.

    The reference must be accepted under several seeds with many more examples than a normal run, the generated
    stub rejected, and every known submission must get the verdict of its `# expect:` line. Prints a table
    (or, with --json, one JSON document); exit code 0 when every check passes, 1 when any fails, 2 for a usage
    error. A full verify with --write-record records the content of each problem that passed, so that CI
    verifies a problem fully only when it changed (--check-record).
    """
    from judge.runner import new_seed
    from judge.verify import Settings, format_row, format_table, problem_folders, record_entries, to_json
    from judge.verify import verify as run_verify
    from judge.verify_record import FULL_EXAMPLES_FACTOR, FULL_SEEDS, is_full

    if submissions is not None and not Path(submissions).is_dir():
        raise UserError(f"--submissions: no such directory: {submissions}")
    try:
        problem_folders(problem_ids)
    except ProblemError as exc:
        raise UserError(str(exc)) from None
    if quick:
        seeds, examples_factor = 1, 1
    if write_record and (not is_full(seeds, examples_factor) or submissions is not None):
        raise UserError(f"--write-record needs a full verify (--seeds >= {FULL_SEEDS}, --examples-factor >= "
                        f"{FULL_EXAMPLES_FACTOR}, the problems' own known submissions)")
    settings = Settings(seed=new_seed() if seed is None else seed, seeds=seeds, examples_factor=examples_factor,
                        workers=workers, sandbox=sandbox, min_correct=min_correct, min_wrong=min_wrong,
                        check_record=check_record,
                        submissions=Path(submissions).resolve() if submissions is not None else None)
    click.echo(f"judge verify: seed {settings.seed}, reference under {seeds} seed(s) with x{examples_factor} "
               "examples", err=True)

    def progress(row: object, done: int, total: int) -> None:
        click.echo(f"[{done:>{len(str(total))}}/{total}] {format_row(row)}", err=True)

    rows = run_verify(problem_ids, settings, on_row=progress)
    failed = [row for row in rows if not row.ok]
    if write_record:
        _write_record(record_entries(rows, settings))
    if as_json:
        click.echo(json.dumps(to_json(rows, settings), indent=1))
        sys.exit(1 if failed else 0)
    click.echo(format_table(rows))
    problems = len({row.problem for row in rows})
    click.echo(f"\n{len(rows)} checks on {problems} problem(s), {len(failed)} failed (seed {settings.seed})")
    sys.exit(1 if failed else 0)


def _write_record(entries: dict) -> None:
    """Add the entries to the verify.toml of each one's catalog, saying which were written."""
    from judge.problems import get_problem
    from judge.verify_record import RecordError, record_path, write_entries

    by_path: dict[Path, dict] = {}
    for problem_id, entry in entries.items():
        by_path.setdefault(record_path(get_problem(problem_id)), {})[problem_id] = entry
    for path, chunk in by_path.items():
        try:
            write_entries(path, chunk)
        except (OSError, RecordError) as exc:
            raise UserError(f"cannot write the verify record: {exc}") from None
        click.echo(f"judge verify: recorded {', '.join(sorted(chunk))} in {path}", err=True)


@click.command()
@click.argument("problem_id", metavar="ID")
@click.option("--root", metavar="DIR", help="The catalog to write into (default: $JUDGE_PROBLEMS_PATH, else the "
                                            "current directory).")
@click.option("--title", help="The problem's title (default: from the id).")
@click.option("--difficulty", type=click.Choice(DIFFICULTIES), default="medium", show_default=True)
@click.option("--entry", metavar="NAME", help="The entry point's name (default: the module name).")
def new(problem_id: str, root: str | None, title: str | None, difficulty: str, entry: str | None) -> None:
    """Start problem ID (kebab-case): problem.toml, statement, hidden tests, a reference to fill in, and a place
    for known submissions, all from templates/new/."""
    from judge.problems import clear_cache
    from judge.scaffold import ScaffoldError, default_root, next_steps, scaffold

    try:
        target = Path(root) if root is not None else default_root()
        if target.exists() and not target.is_dir():
            raise ScaffoldError(f"--root {root} is not a directory")
        written = scaffold(problem_id, target, title=title, difficulty=difficulty, entry=entry)
    except ScaffoldError as exc:
        raise UserError(str(exc)) from None
    except OSError as exc:
        raise UserError(f"cannot write the problem: {exc}") from None
    clear_cache()
    click.echo(f"created problem {problem_id!r} in {target}:")
    for path in written:
        click.echo(f"  {path.relative_to(target) if path.is_relative_to(target) else path}")
    click.echo(next_steps(problem_id, target))
