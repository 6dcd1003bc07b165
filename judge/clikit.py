"""What every command module shares: the usage-error type, problem lookup, the sandbox choice."""

from __future__ import annotations

import click

from judge.problems import Problem, ProblemError, get_problem
from judge.sandbox import CHOICES as SANDBOX_CHOICES


class UserError(click.ClickException):
    """A usage error: one line on stderr, exit code 2 (a verdict other than accepted exits 1)."""

    exit_code = 2


def problem_or_exit(problem_id: str) -> Problem:
    try:
        return get_problem(problem_id)
    except ProblemError as exc:
        raise UserError(str(exc)) from None


sandbox_option = click.option(
    "--sandbox", type=click.Choice(SANDBOX_CHOICES), default="auto", show_default=True,
    help="Where submissions run.")
