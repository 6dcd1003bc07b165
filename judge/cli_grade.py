"""`judge grade` (many submissions, one seed, reports for CI) and `judge ci init` (a GitHub Actions workflow)."""

from __future__ import annotations

import functools
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from judge import __version__
from judge.clikit import UserError, problem_or_exit, sandbox_option
from judge.progress import Progress
from judge.reports.exercism import FORMATS as RESULTS_FORMATS
from judge.reports.gradescope import VISIBILITIES

if TYPE_CHECKING:
    from judge.grading.model import Graded


def show_graded(progress: Progress, graded: Graded) -> None:
    """One finished submission (a `Graded`) on the progress display; anything not accepted counts as failed."""
    progress.advance(failed=not (graded.accepted or graded.ignored))
    head = f"[{progress.done}/{progress.total}]"
    live = f"{head} {progress.bar()} {progress.failed} not accepted  ETA {progress.eta()}  {graded.name[:40]:<40}"
    score = f"{graded.score}/{graded.max_score}" if graded.report is not None else graded.skip_reason
    timing = f" ({graded.report.time_s:.1f} s)" if graded.report is not None else ""
    progress.show(live, f"{head} {graded.name}: {graded.verdict} {score}{timing}  "
                        f"[{progress.failed} not accepted, ETA {progress.eta()}]")


def _text_table(run) -> str:
    lines = []
    width = max([len(s) for s in run.students] + [7])
    for student in run.students:
        totals = run.student_totals(student)
        cells = []
        for problem in run.problems:
            graded = run.cell(student, problem)
            cells.append(f"{problem} {graded.score if graded else '-'}" + (f" ({graded.verdict})" if graded
                                                                            and not graded.accepted else ""))
        lines.append(f"{student:<{width}}  {totals.percent:5.1f}%  " + ", ".join(cells))
    for graded in run.skipped:
        lines.append(f"not graded: {graded.path}: {graded.skip_reason}")
    lines.extend(f"note: {note}" for note in run.notes)
    total = run.totals
    lines.append(f"total {total.percent:.1f}% ({total.accepted}/{total.submissions} accepted), seed {run.seed}, "
                 f"{run.time_s:.1f} s")
    return "\n".join(lines)


def _saving(path: str, write) -> None:
    """Run a report writer; a file that cannot be written is one clear line, not a traceback."""
    try:
        write()
    except OSError as exc:
        raise click.ClickException(f"cannot write {path}: {exc.strerror or exc}") from None


def _write(path: str, text: str) -> None:
    def write() -> None:
        target = Path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")

    _saving(path, write)


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path), metavar="PATH...")
@click.option("--problem", "problem_id", metavar="ID", help="Every .py file found is a submission to problem ID.")
@click.option("--manifest", type=click.Path(dir_okay=False, path_type=Path),
              help="A grading.toml: problems, weights, seed, sandbox, limits (options given here override it).")
@click.option("--workers", type=click.IntRange(1, 256), help="Submissions judged at once (default: the cores).")
@click.option("--seed", type=click.IntRange(0, 2**64 - 1), help="One seed for every submission (random by default).")
@sandbox_option
@click.option("--executor", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Judge here, or send each submission to a Dask cluster.")
@click.option("--scheduler", metavar="ADDRESS", help="The Dask scheduler (tcp://host:8786) for --executor dask.")
@click.option("--connect-timeout", type=click.FloatRange(0.1), default=20.0, show_default=True, metavar="SECONDS",
              help="How long to try reaching the Dask scheduler.")
@click.option("--max-examples", type=click.IntRange(1, 100_000), help="hypothesis examples per property test.")
@click.option("--timeout", "timeout_s", type=click.FloatRange(1), help="Wall-clock limit of one judging, seconds.")
@click.option("--json", "json_path", metavar="FILE", help="Write every report and the totals as JSON.")
@click.option("--junit", "junit_path", metavar="FILE", help="Write JUnit XML (a testsuite per submission).")
@click.option("--results-dir", metavar="DIR", help="Write DIR/<student>/<problem>/results.json per submission.")
@click.option("--results-format", type=click.Choice(RESULTS_FORMATS), default="exercism", show_default=True,
              help="The results.json flavour: Exercism test runner (v3) or Gradescope autograder.")
@click.option("--visibility", type=click.Choice(VISIBILITIES), default="visible", show_default=True,
              help="Gradescope test visibility (with --results-format gradescope).")
@click.option("--summary", "summary_path", metavar="FILE",
              help="Write a Markdown summary (also appended to $GITHUB_STEP_SUMMARY when that is set).")
@click.option("--fail-under", type=click.FloatRange(0, 100),
              help="Pass (exit 0) when the total score is at least this percentage, instead of all accepted.")
@click.option("-q", "--quiet", is_flag=True, help="No progress lines.")
def grade(paths: tuple[Path, ...], problem_id: str | None, manifest: Path | None, workers: int | None,
          seed: int | None, sandbox: str, executor: str, scheduler: str | None, connect_timeout: float,
          max_examples: int | None,
          timeout_s: float | None, json_path: str | None, junit_path: str | None, results_dir: str | None,
          results_format: str, visibility: str, summary_path: str | None, fail_under: float | None,
          quiet: bool) -> None:
    """Grade every submission under PATH... with one seed and write reports for CI.

    \b
    A file <module>.py is a submission to the problem of that module; a folder
    with .py files is one student's; a folder of folders is a class:
        submissions/<student>/<module>.py
    With --problem ID every .py file found is a submission to ID (a flat folder
    alice.py, bob.py ... names the students by file).

    Exit code 0 when every submission is accepted (or the total reaches
    --fail-under), 1 otherwise, 2 for a usage error.
    """
    from judge.grading.discovery import discover
    from judge.grading.grading import GradeOptions
    from judge.grading.grading import grade as grade_all
    from judge.grading.manifest import Manifest, load_manifest
    from judge.grading.model import GradingError
    from judge.grading.pool import PoolError, default_workers
    from judge.problems import all_problems
    from judge.runner import new_seed
    from judge.sandbox import SandboxUnavailable, fallback_note, get_sandbox

    try:
        plan = load_manifest(manifest) if manifest is not None else Manifest()
    except GradingError as exc:
        raise UserError(str(exc)) from None
    if problem_id is not None:
        problem_or_exit(problem_id)
    for listed in plan.problems:
        if listed not in all_problems():
            raise UserError(f"{manifest}: unknown problem {listed!r} (`judge list` shows them all)")
    sandbox = sandbox if sandbox != "auto" or plan.sandbox is None else plan.sandbox
    shown_sandbox = sandbox
    if executor == "local":
        try:
            shown_sandbox = get_sandbox(sandbox).name
        except SandboxUnavailable as exc:
            raise UserError(str(exc)) from None
        if sandbox == "auto" and (note := fallback_note()):
            click.echo(note, err=True)
    elif not scheduler:
        raise UserError("--executor dask needs --scheduler ADDRESS (e.g. tcp://10.0.0.5:8786)")
    seed = seed if seed is not None else plan.seed if plan.seed is not None else new_seed()
    options = GradeOptions(
        seed=seed, sandbox=sandbox, workers=workers or plan.workers or default_workers(), executor=executor,
        scheduler=scheduler, connect_timeout_s=connect_timeout, max_examples=max_examples or plan.max_examples,
        timeout_s=timeout_s or plan.timeout_s or 3600.0)
    entries, notes = discover(list(paths), problem_id)
    if not entries:
        raise UserError("no submissions found: " + "; ".join(notes or [str(p) for p in paths]))
    judged = sum(1 for e in entries if e.skip_reason is None)
    where = f"on {scheduler}" if executor == "dask" else f"{options.workers} at a time"
    click.echo(f"Grading {judged} submission(s) of {len({e.student for e in entries})} student(s), seed {seed}, "
               f"sandbox {shown_sandbox}, {where}", err=True)
    progress = None if quiet else functools.partial(show_graded, Progress(len(entries)))
    try:
        run = grade_all(entries, options, plan, notes, on_result=progress)
    except PoolError as exc:
        raise UserError(str(exc)) from None
    _write_reports(run, json_path, junit_path, results_dir, results_format, visibility, summary_path)
    click.echo(_text_table(run))
    threshold = fail_under if fail_under is not None else plan.fail_under
    passed = run.totals.percent >= threshold if threshold is not None else run.all_accepted
    sys.exit(0 if passed else 1)


def _write_reports(run, json_path: str | None, junit_path: str | None, results_dir: str | None,
                   results_format: str, visibility: str, summary_path: str | None) -> None:
    import json

    if json_path:
        _write(json_path, json.dumps(run.to_json(), ensure_ascii=False, indent=2) + "\n")
    if junit_path:
        from judge.reports.junit import write_junit

        _saving(junit_path, lambda: write_junit(run, Path(junit_path)))
    if results_dir:
        from judge.reports.exercism import write_results_dir

        _saving(results_dir, lambda: write_results_dir(run, Path(results_dir), fmt=results_format,
                                                       visibility=visibility))
    step_summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary_path or step_summary:
        from judge.reports.markdown import markdown_summary

        text = markdown_summary(run)
        if summary_path:
            _write(summary_path, text)
        if step_summary:
            try:
                with open(step_summary, "a", encoding="utf-8") as handle:
                    handle.write(text + "\n")
            except OSError as exc:
                click.echo(f"warning: cannot append to $GITHUB_STEP_SUMMARY: {exc.strerror or exc}", err=True)


@click.group()
def ci() -> None:
    """Continuous-integration helpers for course repositories."""


@ci.command("init")
@click.option("--path", "grade_path", default="submissions", show_default=True,
              help="What the workflow grades (a class folder: <student>/<module>.py).")
@click.option("--manifest", metavar="FILE", help="A grading.toml the workflow passes to `judge grade`.")
@click.option("--python", "python_version", default=f"{sys.version_info.major}.{sys.version_info.minor}",
              show_default=True, help="The Python of the runner.")
@click.option("--install", "install_spec", default=f"judge=={__version__}", show_default=True,
              help="What `pip install` installs (e.g. git+https://github.com/ORG/judge@v1).")
@click.option("--fail-under", type=click.FloatRange(0, 100), help="Pass on a total score instead of all accepted.")
@click.option("-o", "--output", default=".github/workflows/judge.yml", show_default=True, metavar="FILE")
@click.option("--force", is_flag=True, help="Overwrite an existing workflow.")
def ci_init(grade_path: str, manifest: str | None, python_version: str, install_spec: str,
            fail_under: float | None, output: str, force: bool) -> None:
    """Write a GitHub Actions workflow that grades the pushed submissions.

    It installs the judge (and bubblewrap, the sandbox), runs `judge grade`, uploads the JUnit, JSON and
    Markdown reports as artifacts, and fails the check when a submission is not accepted.
    """
    from judge.templating import environment

    target = Path(output)
    if target.exists() and not force:
        raise UserError(f"{output} already exists (use --force to overwrite)")
    text = environment().get_template("ci/judge.yml.j2").render(
        grade_path=grade_path, manifest=manifest, python_version=python_version, install_spec=install_spec,
        fail_under=fail_under, version=__version__)
    _write(output, text)
    click.echo(f"wrote {output}: commit it; every push then grades {grade_path}/", err=True)
