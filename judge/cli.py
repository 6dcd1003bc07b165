"""The `judge` command line: thin click commands over problems, stubs and the runner."""

from __future__ import annotations

import json
import os
import shlex
import sys
from pathlib import Path

import click

from judge import __version__
from judge.clikit import UserError, os_errors, problem_or_exit, sandbox_option
from judge.examples import shown_statement
from judge.problems import Problem, all_problems
from judge.reports.text import format_report
from judge.run_progress import RunProgress
from judge.sandbox import SandboxUnavailable, fallback_note, get_sandbox
from judge.stubs import StubError, render_practice_readme, render_stub

_problem = problem_or_exit


def _stub(problem: Problem) -> str:
    try:
        return render_stub(problem)
    except (StubError, OSError, SyntaxError) as exc:
        raise click.ClickException(f"cannot generate the stub of {problem.id!r}: {exc}") from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="judge")
def main() -> None:
    """A LeetCode-style judge: hidden property-based tests, run against your code in a sandbox.

    \b
    Start with:  judge list
                 judge stub sorting -o sorting.py
                 judge run sorting sorting.py
    """


@main.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print the problems as a JSON array.")
def list_problems(as_json: bool) -> None:
    """List the problems."""
    problems = list(all_problems().values())
    if as_json:
        rows = [
            {"id": p.id, "title": p.title, "difficulty": p.difficulty, "tags": list(p.tags), "module": p.module,
             "entry_points": list(p.entry_points), "groups": [g.name for g in p.groups]}
            for p in problems
        ]
        click.echo(json.dumps(rows, ensure_ascii=False))
        return
    width = max((len(p.id) for p in problems), default=10)
    for p in problems:
        tags = ", ".join(p.tags)
        click.echo(f"{p.id:<{width}}  {p.difficulty:<6}  {p.title}" + (f"  [{tags}]" if tags else ""))


@main.command()
@click.argument("problem_id", metavar="ID")
def show(problem_id: str) -> None:
    """Show the statement of problem ID, with its public examples."""
    problem = _problem(problem_id)
    click.echo(shown_statement(problem).rstrip())
    click.echo()
    click.echo(f"Entry points: {', '.join(problem.entry_points)}   (module {problem.module}.py)")
    if problem.forbidden:
        click.echo(f"Forbidden: {', '.join(problem.forbidden)}")
    groups = ", ".join(f"{g.name} ({g.points})" for g in problem.groups)
    click.echo(f"Test groups: {groups}")
    click.echo(practise_hint(problem))


def practise_hint(problem: Problem, file: str | None = None) -> str:
    """How to start: the public examples only, then everything (said by `show` and `init`)."""
    file = file or f"{problem.module}.py"
    return (f"Practise: judge stub {problem.id} -o {file}, then\n"
            f"  judge run {problem.id} {file} --group examples   # the public examples only\n"
            f"  judge run {problem.id} {file}                    # every hidden test group")


@main.command()
@click.argument("problem_id", metavar="ID")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write to FILE instead of stdout.")
@click.option("--force", is_flag=True, help="Overwrite an existing FILE.")
def stub(problem_id: str, output: str | None, force: bool) -> None:
    """Print (or write) the blank stub of problem ID."""
    problem = _problem(problem_id)
    text = _stub(problem)
    if output is None:
        click.echo(text, nl=False)
        return
    target = Path(output)
    with os_errors(f"cannot write {output}"):
        if target.exists() and not force:
            raise UserError(f"{output} already exists (use --force to overwrite)")
        target.write_text(text, encoding="utf-8")
    click.echo(f"wrote {output}", err=True)


@main.command()
@click.argument("directory", type=click.Path(file_okay=False))
@click.argument("problem_ids", nargs=-1, metavar="[ID]...")
@click.option("--force", is_flag=True, help="Overwrite existing files.")
def init(directory: str, problem_ids: tuple[str, ...], force: bool) -> None:
    """Write blank stubs (<module>.py) into DIRECTORY for the given problems, or for all."""
    problems = [_problem(pid) for pid in problem_ids] or list(all_problems().values())
    root = Path(directory)
    with os_errors(f"cannot create {directory}"):
        root.mkdir(parents=True, exist_ok=True)
    written = skipped = 0
    for problem in problems:
        target = root / f"{problem.module}.py"
        with os_errors(f"cannot write {target}"):
            exists = target.exists()
        if exists and not force:
            click.echo(f"skipped {target} (exists; --force overwrites)", err=True)
            skipped += 1
            continue
        text = _stub(problem)
        with os_errors(f"cannot write {target}"):
            target.write_text(text, encoding="utf-8")
        written += 1
    readme = root / "README.md"
    with os_errors(f"cannot write {readme}"):
        if force or not readme.exists():
            readme.write_text(render_practice_readme(problems), encoding="utf-8")
    click.echo(f"wrote {written} stub(s) to {root}" + (f", skipped {skipped}" if skipped else ""), err=True)
    first = problems[0]
    click.echo(f"start with the public examples: cd {shlex.quote(str(root))} && "
               f"judge run {first.id} {first.module}.py --group examples   (see {readme})", err=True)


@main.command()
@click.argument("problem_id", metavar="ID")
@click.argument("file", metavar="FILE")
@click.option("--json", "as_json", is_flag=True, help="Print exactly one JSON report on stdout.")
@click.option("--seed", type=click.IntRange(0, 2**64 - 1), help="Seed of the hidden tests (random by default).")
@sandbox_option
@click.option("--max-examples", type=click.IntRange(1, 100_000), help="hypothesis examples per property test.")
@click.option("--group", "groups", multiple=True, help="Run only this test group (repeatable).")
@click.option("--fail-fast", is_flag=True, help="Stop at the first failing group (later groups are left out).")
def run(problem_id: str, file: str, as_json: bool, seed: int | None, sandbox: str, max_examples: int | None,
        groups: tuple[str, ...], fail_fast: bool) -> None:
    """Judge FILE against the hidden tests of problem ID.

    Exit code 0 when accepted, 1 for any other verdict, 2 for a usage error.
    """
    from judge.runner import judge_file, new_seed

    problem = _problem(problem_id)
    path = Path(file)
    with os_errors(f"cannot read {file}"):
        if not path.exists():
            raise UserError(f"no such file: {file}")
        if path.is_dir():
            raise UserError(f"{file} is a directory; give the solution's .py file")
        if not os.access(path, os.R_OK):
            raise UserError(f"cannot read {file}")
    unknown = [g for g in groups if g not in {grp.name for grp in problem.groups}]
    if unknown:
        names = ", ".join(g.name for g in problem.groups)
        raise UserError(f"problem {problem.id!r} has no group {unknown[0]!r} (groups: {names})")
    seed = new_seed() if seed is None else seed
    if sandbox == "auto" and (note := fallback_note()):
        click.echo(note, err=True)
    try:
        get_sandbox(sandbox)
    except SandboxUnavailable as exc:
        raise UserError(str(exc)) from None
    # progress goes to the real stderr (the hidden tests' own output is swallowed): redrawn in place on a
    # terminal, plain lines in a pipe or log, and with --json only on a terminal (stdout is the document's)
    progress = None
    if not as_json:
        click.echo(f"Judging {file} on {problem.id} (seed {seed}) ...", err=True)
        progress = RunProgress(sys.stderr, live=sys.stderr.isatty() and sys.stdout.isatty())
    elif sys.stderr.isatty():
        progress = RunProgress(sys.stderr, live=True)
    try:
        report = judge_file(problem, path, seed=seed, sandbox=sandbox, max_examples=max_examples,
                            only_groups=groups or None, fail_fast=fail_fast,
                            on_group_start=progress and progress.started, on_group=progress and progress.finished)
    finally:
        if progress is not None:
            progress.close()
    if as_json:
        click.echo(report.dumps())
    else:
        options = _verdict_options(groups, fail_fast, max_examples, sandbox)
        click.echo(format_report(report, color=sys.stdout.isatty() or None, file=file, replay_options=options))
    sys.exit(0 if report.accepted else 1)


def _verdict_options(groups: tuple[str, ...], fail_fast: bool, max_examples: int | None,
                     sandbox: str) -> tuple[str, ...]:
    """The options of `judge run` that change the verdict, as typed again in the replay line."""
    options = [arg for group in groups for arg in ("--group", group)]
    options += ["--fail-fast"] if fail_fast else []
    options += ["--max-examples", str(max_examples)] if max_examples is not None else []
    options += ["--sandbox", sandbox] if sandbox != "auto" else []
    return tuple(options)


@main.command()
@click.argument("problem_id", metavar="ID")
@click.argument("file", metavar="FILE", type=click.Path(exists=True, dir_okay=False))
@click.option("--seed", type=click.IntRange(0, 2**64 - 1), required=True, help="The seed of the failing run.")
@sandbox_option
@click.option("--max-examples", type=click.IntRange(1, 100_000), help="As given to the failing run.")
@click.option("--group", "groups", multiple=True, help="As given to the failing run (repeatable).")
@click.option("-o", "--output-dir", type=click.Path(file_okay=False), default=".", show_default=True,
              help="Where test_repro_<module>.py (and its .npz) go.")
@click.option("--force", is_flag=True, help="Overwrite an existing repro file.")
def repro(problem_id: str, file: str, seed: int, sandbox: str, max_examples: int | None, groups: tuple[str, ...],
          output_dir: str, force: bool) -> None:
    """Write a pytest file that calls FILE's function on the failing input of run --seed N, for your debugger.

    The file runs your code directly, OUTSIDE the sandbox (no time or memory limits).
    """
    from judge.repro import ReproError, make_repro

    problem = _problem(problem_id)
    unknown = [g for g in groups if g not in {grp.name for grp in problem.groups}]
    if unknown:
        raise UserError(f"problem {problem.id!r} has no group {unknown[0]!r}")
    click.echo(f"Judging {file} on {problem.id} (seed {seed}) to find the failing call ...", err=True)
    try:
        with os_errors(f"cannot write into {output_dir}"):
            made = make_repro(problem, Path(file), seed, Path(output_dir), sandbox=sandbox, groups=groups or None,
                              max_examples=max_examples, force=force)
    except ReproError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"{made.report.verdict.value} in group {made.group}: wrote {made.test_file}"
               + (f" and {made.data_file}" if made.data_file else ""))
    click.echo(click.style("It runs your code OUTSIDE the sandbox (no limits):", bold=True)
               + f" python -m pytest {shlex.quote(str(made.test_file))}")


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print the checks as JSON.")
def doctor(as_json: bool) -> None:
    """Self-test every sandbox backend here (start, network, files, environment, limits).

    Exit code 0 when at least the process sandbox (available everywhere) passes every check.
    """
    from judge.doctor import run_doctor

    checks, chosen = run_doctor()
    if as_json:
        rows = [{"backend": c.backend, "check": c.name, "ok": c.ok, "detail": c.detail,
                 **({} if c.ms is None else {"ms": c.ms})} for c in checks]
        click.echo(json.dumps({"auto": chosen, "checks": rows}))
    else:
        for c in checks:
            mark = click.style("ok  ", fg="green") if c.ok else click.style("FAIL", fg="red", bold=True)
            click.echo(f"{mark} {c.backend:<8} {c.name:<24} {c.detail}")
        click.echo(f"auto picks: {chosen}")
    sys.exit(0 if all(c.ok for c in checks if c.backend == "process") else 1)


@main.group()
def image() -> None:
    """The worker image of the docker sandbox (`judge run --sandbox docker`)."""


@image.command("build")
@click.option("--base-image", metavar="IMAGE", help="Build FROM this image (default python:<judge's X.Y>-slim).")
@click.option("--local-base", is_flag=True,
              help="First make judge-base:local offline from this machine's Python (no registry needed); "
                   "build FROM it.")
def image_build(base_image: str | None, local_base: bool) -> None:
    """Build the worker image judge-worker:<version>, streaming the build log to stderr.

    The image holds the interpreter, msgpack, numpy and the judge's worker modules only; its Python must have
    the judge's minor version (the build checks it).
    """
    from judge.sandbox.docker_image import DockerError, build_image

    if base_image and local_base:
        raise UserError("--base-image and --local-base exclude each other")
    try:
        tag = build_image(base_image=base_image, local_base=local_base, log=lambda line: click.echo(line, err=True))
    except DockerError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(tag)


def _register() -> None:
    """Commands that live in their own modules (each one a feature), added to `judge`."""
    from judge.cli_audit import audit
    from judge.cli_author import new, verify
    from judge.cli_grade import ci, grade

    for command in (grade, ci, verify, new, audit):
        main.add_command(command)


_register()
