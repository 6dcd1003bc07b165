"""The report for a person: a coloured summary, one line per group, the first failure of each group."""

from __future__ import annotations

import shlex

import click

from judge.reports.common import title, truncate
from judge.verdict import Report, Verdict

MESSAGE_CHARS = 1500
VALUE_CHARS = 500
OUTPUT_CHARS = 2000

COLOURS = {
    Verdict.ACCEPTED: "green",
    Verdict.WRONG_ANSWER: "red",
    Verdict.TIME_LIMIT_EXCEEDED: "yellow",
    Verdict.MEMORY_LIMIT_EXCEEDED: "yellow",
    Verdict.OUTPUT_LIMIT_EXCEEDED: "yellow",
    Verdict.RUNTIME_ERROR: "magenta",
    Verdict.COMPILE_ERROR: "magenta",
    Verdict.INTERNAL_ERROR: "red",
}


def _indent(text: str, prefix: str = "      ") -> str:
    return "\n".join(prefix + line for line in str(text).splitlines())


def format_group_line(group: object) -> str:
    """A progress line for a finished group (harness.GroupState), printed while the run goes on."""
    verdict = group.verdict
    mark = "ok" if verdict is Verdict.ACCEPTED else verdict.value
    return f"  {group.name:<14} {mark:<22} {group.elapsed:6.2f} s"


def replay_command(report: Report, file: str, options: tuple[str, ...] = ()) -> str:
    """The command that judges `file` again the same way: the seed and every option that changes the verdict."""
    return shlex.join(["judge", "run", report.problem, file, "--seed", str(report.seed), *options])


def format_report(report: Report, color: bool | None = None, file: str = "FILE",
                  replay_options: tuple[str, ...] = ()) -> str:
    """`replay_options`: the run's options that change the verdict (--group, --fail-fast, ...), for the replay line."""
    def style(text: str, **kw: object) -> str:
        return click.style(text, **kw) if color is not False else text

    lines = [
        style(title(report.verdict), fg=COLOURS[report.verdict], bold=True)
        + f"  {report.problem}  score {report.score}/{report.max_score}"
        + f"  ({report.time_s:.2f} s, sandbox {report.sandbox}, seed {report.seed})",
    ]
    if (report.message and report.verdict in (Verdict.COMPILE_ERROR, Verdict.INTERNAL_ERROR)) or (
        report.message and not any(g.tests_run for g in report.groups)
    ):
        lines.append(_indent(report.message, "  "))
    else:
        for group in report.groups:
            mark = style(f"{group.verdict.value:<22}", fg=COLOURS[group.verdict])
            lines.append(f"  {group.name:<14} {mark} {group.score:>3}/{group.points:<3} {group.time_s:6.2f} s")
            failure = group.failure
            if failure is None:
                continue
            if failure.test:
                lines.append(f"      test: {failure.test}")
            lines.append(_indent(truncate(failure.message, MESSAGE_CHARS)))
            for label, value in (("input", failure.failing_input), ("expected", failure.expected),
                                 ("got", failure.got)):
                if value is not None:
                    lines.append(f"      {label}: " + truncate(value, VALUE_CHARS).replace("\n", "\n        "))
    if report.output:
        lines.append("  output of the submission (truncated):")
        lines.append(_indent(truncate(report.output, OUTPUT_CHARS, note=""), "    | "))
    if report.verdict is not Verdict.ACCEPTED:
        lines.append(style(f"  replay: {replay_command(report, file, replay_options)}", dim=True))
    return "\n".join(lines)
