"""What every command module shares: the usage-error type, problem lookup, the sandbox choice."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator

import click

from judge.problems import Problem, ProblemError, get_problem
from judge.sandbox import CHOICES as SANDBOX_CHOICES


class UserError(click.ClickException):
    """A usage error: one line on stderr, exit code 2 (a verdict other than accepted exits 1)."""

    exit_code = 2


@contextlib.contextmanager
def os_errors(doing: str) -> Iterator[None]:
    """An OSError on the user's paths (missing folder, no permission, /proc) as one usage-error line."""
    try:
        yield
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        where = f" ({exc.filename})" if exc.filename and os.fspath(exc.filename) not in doing else ""
        raise UserError(f"{doing}: {reason}{where}") from None


def problem_or_exit(problem_id: str) -> Problem:
    try:
        return get_problem(problem_id)
    except ProblemError as exc:
        raise UserError(str(exc)) from None


sandbox_option = click.option(
    "--sandbox", type=click.Choice(SANDBOX_CHOICES), default="auto", show_default=True,
    help="Where submissions run.")
