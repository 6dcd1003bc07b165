"""The grading run as a Markdown summary: a students x problems table for a person, a CI job page or a PR.

Readable for a class of 100: one short cell per submission (score and verdict), the failing groups folded
into a <details> section, the files that were not graded listed with their reasons. Every text that comes from
a submission or a file name is escaped, so a hostile name or output cannot break the table or inject markup.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path

from judge.grading.model import SKIPPED, Graded, GradingRun, Totals
from judge.reports.common import escape_unprintable, one_line, truncate
from judge.verdict import Verdict

SUMMARY_ENV = "GITHUB_STEP_SUMMARY"
MAX_DETAIL_LINES = 300
SHOWN_CHARS = 120
SHORT = {
    Verdict.ACCEPTED: ("✅", ""),
    Verdict.WRONG_ANSWER: ("❌", "wrong answer"),
    Verdict.TIME_LIMIT_EXCEEDED: ("⏱", "time limit"),
    Verdict.MEMORY_LIMIT_EXCEEDED: ("💾", "memory limit"),
    Verdict.RUNTIME_ERROR: ("💥", "runtime error"),
    Verdict.COMPILE_ERROR: ("🚫", "compile error"),
    Verdict.OUTPUT_LIMIT_EXCEEDED: ("📜", "output limit"),
    Verdict.INTERNAL_ERROR: ("⚠️", "judge error"),
}
_MARKUP = re.compile(r"([\\`*_\[\]<>|~&$])")


def printable(text: object) -> str:
    """`text` on one line: whitespace runs become one space, other control characters visible escapes."""
    return escape_unprintable(one_line(text))


def md(text: object, limit: int | None = None) -> str:
    """Plain text made safe inside a table cell or a list item: one line, every markup character escaped."""
    line = printable(text)
    if limit is not None:
        line = truncate(line, limit) or ""
    return _MARKUP.sub(r"\\\1", line)


def code(text: object, limit: int = SHOWN_CHARS) -> str:
    return f"<code>{md(text, limit)}</code>"


def number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.2f}".rstrip("0").rstrip(".")


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _fraction(totals: Totals) -> str:
    return f"{number(totals.score)}/{number(totals.max_score)} ({totals.percent:.1f}%)"


def cell_text(graded: Graded | None, skipped: bool = False) -> str:
    """One table cell: `✅ 100`, `❌ 40 wrong answer`, `— missing`, `skipped`."""
    if graded is None or graded.report is None:
        return SKIPPED if skipped or graded is not None else "— missing"
    report = graded.report
    icon, label = SHORT[report.verdict]
    score = str(report.score) if report.max_score in (0, 100) else f"{report.score}/{report.max_score}"
    return " ".join(part for part in (icon, score, label) if part)


def _table(run: GradingRun) -> list[str]:
    skipped = {(g.student, g.problem) for g in run.skipped}
    head = ["Student", *run.problems, "Total"]
    lines = ["| " + " | ".join(md(h) for h in head) + " |",
             "|:--" + "|:--" * len(run.problems) + "|--:|"]
    for student in run.students:
        cells = [cell_text(run.cell(student, p), (student, p) in skipped) for p in run.problems]
        lines.append("| " + " | ".join([md(student), *cells, _fraction(run.student_totals(student))]) + " |")
    per_problem = [run.problem_totals(p) for p in run.problems]
    accepted = [f"{t.accepted}/{t.submissions}" for t in per_problem]
    graded = [g for g in run.results if g.report is not None]
    overall = f"{sum(g.accepted for g in graded)}/{len(graded)}"
    lines.append("| " + " | ".join(["**accepted**", *accepted, overall]) + " |")
    return lines


def _failure_lines(graded: Graded) -> list[str]:
    report = graded.report
    if report is None or report.accepted:
        return []
    name = f"**{md(graded.name)}**"
    if report.message:  # decided before (or instead of) the groups: one line says it all
        return [f"- {name}: {SHORT[report.verdict][1]}: {md(report.message, SHOWN_CHARS)}"]
    lines = []
    for group in report.groups:
        if group.verdict is Verdict.ACCEPTED:
            continue
        line = f"- {name}, group {code(group.name)}: {SHORT[group.verdict][1]}"
        failure = group.failure
        if failure is not None:
            parts = [md(failure.message, SHOWN_CHARS)] if failure.message else []
            for label, value in (("input", failure.failing_input), ("expected", failure.expected),
                                 ("got", failure.got)):
                if value is not None:
                    parts.append(f"{label} {code(value)}")
            if parts:
                line += ": " + ", ".join(parts)
        lines.append(line)
    return lines


def markdown_summary(run: GradingRun) -> str:
    """The whole summary, deterministic for a given run."""
    totals = run.totals
    graded = [g for g in run.results if g.report is not None]
    lines = [
        f"## Grading: {plural(len(run.students), 'student')}, {plural(len(run.problems), 'problem')}",
        "",
        f"Seed `{run.seed}` · sandbox {md(run.sandbox)} · {plural(len(graded), 'submission')} graded, "
        f"{sum(g.accepted for g in graded)} accepted, {len(run.skipped)} not graded · "
        f"total {_fraction(totals)} · {run.time_s:.1f} s",
        "",
        *_table(run),
    ]
    if run.skipped:
        lines += ["", f"### Not graded ({len(run.skipped)})", ""]
        lines += [f"- {md(g.path)}: {md(g.skip_reason or 'no reason given')}" for g in run.skipped]
    if run.notes:
        lines += ["", "### Notes", ""]
        lines += [f"- {md(note)}" for note in run.notes]
    failing = [line for g in run.results for line in _failure_lines(g)]
    if failing:
        shown = failing[:MAX_DETAIL_LINES]
        lines += ["", "<details>", f"<summary>Failing groups ({len(failing)})</summary>", "", *shown]
        if len(failing) > len(shown):
            lines.append(f"- … and {len(failing) - len(shown)} more (see the JSON or JUnit report)")
        lines += ["", "</details>"]
    lines.append(f"\nReplay any submission: `judge run ID FILE --seed {run.seed}`")
    return "\n".join(lines) + "\n"


def write_summary(run: GradingRun, path: str | Path | None = None,
                  environ: Mapping[str, str] | None = None) -> list[Path]:
    """Write the summary to `path` and append it to $GITHUB_STEP_SUMMARY when that is set; the files written."""
    environ = os.environ if environ is None else environ
    text = markdown_summary(run)
    written = []
    if path is not None:
        target = Path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        written.append(target)
    step_summary = environ.get(SUMMARY_ENV)
    if step_summary:
        with open(step_summary, "a", encoding="utf-8") as handle:
            handle.write(text)
        written.append(Path(step_summary))
    return written
