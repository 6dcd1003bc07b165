"""Gradescope's autograder `results.json` for one submission.

`score`, `max_score`, one test per group with its points, `status` passed | failed, and a `visibility` that
decides when students see it. `judge.reports.exercism.write_results_dir` writes one file per submission.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from judge.reports.common import group_text, label, truncate
from judge.verdict import Verdict

if TYPE_CHECKING:
    from judge.grading.model import Graded

GRADESCOPE_OUTPUT_LIMIT = 10_000
VISIBILITIES = ("visible", "hidden", "after_due_date", "after_published")


def gradescope_results(graded: Graded, visibility: str = "visible") -> dict:
    """Gradescope's results.json for one submission: points per group, `visibility` on every test."""
    if visibility not in VISIBILITIES:
        raise ValueError(f"visibility must be one of {', '.join(VISIBILITIES)}, not {visibility!r}")
    report = graded.report
    base = {"visibility": visibility, "stdout_visibility": "hidden",
            "output_format": "text", "test_output_format": "text"}
    if report is None:
        return {"score": 0, "max_score": 0, "execution_time": 0,
                "output": f"{graded.name}: not graded: {graded.skip_reason or 'no reason given'}", **base,
                "extra_data": {"student": graded.student, "problem": graded.problem or None, "verdict": "skipped"},
                "tests": []}
    summary = (f"{graded.name}: {label(report.verdict)}, score {report.score}/{report.max_score} "
               f"(seed {report.seed}, sandbox {report.sandbox})")
    if report.message and report.verdict is not Verdict.ACCEPTED:
        summary += f"\n{report.message}"
    if report.output:
        summary += f"\n\noutput of the submission:\n{report.output}"
    tests = [{"name": group.name, "number": str(number), "score": group.score, "max_score": group.points,
              "status": "passed" if group.verdict is Verdict.ACCEPTED else "failed",
              "output": "accepted" if group.verdict is Verdict.ACCEPTED else group_text(group, report.message),
              "visibility": visibility}
             for number, group in enumerate(report.groups, 1)]
    return {"score": report.score, "max_score": report.max_score, "execution_time": round(report.time_s, 3),
            "output": truncate(summary, GRADESCOPE_OUTPUT_LIMIT), **base,
            "extra_data": {"student": graded.student, "problem": graded.problem, "verdict": report.verdict.value,
                           "seed": report.seed, "sandbox": report.sandbox},
            "tests": tests}
