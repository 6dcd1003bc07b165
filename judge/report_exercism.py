"""One `results.json` per submission, for the platforms a course already uses: Exercism and Gradescope.

Exercism's test-runner interface (version 3): `status` pass | fail | error, a top-level `message` only for
`error` (no test really ran: a compile error, or the judge failed), one test per group in problem.toml order,
`output` cut to 500 characters with a note. Gradescope's autograder `results.json`: `score`, `max_score`, one
test per group with its points, `status` passed | failed and a `visibility` that decides when students see it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from judge.grade import Graded, GradingRun
from judge.report_junit import failure_text
from judge.verdict import GroupResult, Report, Verdict, truncate

EXERCISM_VERSION = 3
OUTPUT_LIMIT = 500
TRUNCATION_NOTE = " [Output was truncated. Please limit to 500 chars]"
MESSAGE_LIMIT = 65_535
GRADESCOPE_OUTPUT_LIMIT = 10_000
VISIBILITIES = ("visible", "hidden", "after_due_date", "after_published")
FORMATS = ("exercism", "gradescope")
NO_TEST_RAN = (Verdict.COMPILE_ERROR, Verdict.INTERNAL_ERROR)
_UNSAFE_NAME = re.compile(r"[\x00-\x1f/\\]")


def _label(verdict: Verdict) -> str:
    return verdict.value.replace("_", " ")


def exercism_output(text: str | None) -> str | None:
    """The submission's output as Exercism allows it: at most 500 characters, a note where it was cut."""
    if not text:
        return None
    return text if len(text) <= OUTPUT_LIMIT else text[: OUTPUT_LIMIT - len(TRUNCATION_NOTE)] + TRUNCATION_NOTE


def _group_message(group: GroupResult, report: Report) -> str | None:
    if group.verdict is Verdict.ACCEPTED:
        return None
    return f"{_label(group.verdict)}\n" + failure_text(group.failure, report.message or "")


def _test_code(group: GroupResult) -> str:
    code = f"# hidden tests of the group '{group.name}' ({group.points} points)"
    if group.failure is not None and group.failure.test:
        code += f"\n# failing test: {group.failure.test}"
    return code


def _exercism_status(verdict: Verdict) -> str:
    if verdict is Verdict.ACCEPTED:
        return "pass"
    return "error" if verdict in NO_TEST_RAN else "fail"


def exercism_results(graded: Graded) -> dict:
    """Exercism's results.json (version 3) for one submission; a file that was not graded is an `error`."""
    report = graded.report
    if report is None:
        return {"version": EXERCISM_VERSION, "status": "error",
                "message": f"not graded: {graded.skip_reason or 'no reason given'}", "tests": []}
    status = _exercism_status(report.verdict)
    message = None
    if status == "error":
        first = next((g for g in report.groups if g.verdict is not Verdict.ACCEPTED), None)
        message = report.message or (first.failure.message if first and first.failure else None)
        message = truncate(f"{_label(report.verdict)}: {message or 'no test could run'}", MESSAGE_LIMIT)
    output = exercism_output(report.output)
    tests = [{"name": group.name, "status": _exercism_status(group.verdict),
              "message": _group_message(group, report), "output": output, "test_code": _test_code(group)}
             for group in report.groups]
    return {"version": EXERCISM_VERSION, "status": status, "message": message, "tests": tests}


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
    summary = (f"{graded.name}: {_label(report.verdict)}, score {report.score}/{report.max_score} "
               f"(seed {report.seed}, sandbox {report.sandbox})")
    if report.message and report.verdict is not Verdict.ACCEPTED:
        summary += f"\n{report.message}"
    if report.output:
        summary += f"\n\noutput of the submission:\n{report.output}"
    tests = [{"name": group.name, "number": str(number), "score": group.score, "max_score": group.points,
              "status": "passed" if group.verdict is Verdict.ACCEPTED else "failed",
              "output": _group_message(group, report) or "accepted", "visibility": visibility}
             for number, group in enumerate(report.groups, 1)]
    return {"score": report.score, "max_score": report.max_score, "execution_time": round(report.time_s, 3),
            "output": truncate(summary, GRADESCOPE_OUTPUT_LIMIT), **base,
            "extra_data": {"student": graded.student, "problem": graded.problem, "verdict": report.verdict.value,
                           "seed": report.seed, "sandbox": report.sandbox},
            "tests": tests}


def _safe_part(name: str) -> str:
    """A folder name that stays one folder: no separators, no control characters, never `.`/`..`/empty."""
    cleaned = _UNSAFE_NAME.sub("_", name).strip()
    return "_" if cleaned in ("", ".", "..") else cleaned


def result_paths(run: GradingRun) -> list[tuple[Graded, Path]]:
    """`<student>/<problem>/results.json` for each submission; graded ones first claim a name, a clash gets `-2`."""
    taken: set[Path] = set()
    out: list[tuple[Graded, Path]] = []
    for graded in sorted(run.results, key=lambda g: g.report is None):  # stable: the run's order otherwise
        folder = Path(_safe_part(graded.student), _safe_part(graded.problem or Path(graded.path).stem))
        candidate, n = folder, 1
        while candidate in taken:
            n += 1
            candidate = folder.with_name(f"{folder.name}-{n}")
        taken.add(candidate)
        out.append((graded, candidate / "results.json"))
    return out


def write_results_dir(run: GradingRun, directory: str | Path, fmt: str = "exercism",
                      visibility: str = "visible") -> list[Path]:
    """Write one results.json per submission (skipped files included) under `directory`; the paths written."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    directory = Path(directory)
    written = []
    for graded, relative in result_paths(run):
        data = exercism_results(graded) if fmt == "exercism" else gradescope_results(graded, visibility)
        path = directory / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        # a lone surrogate (undecodable output) becomes its JSON escape, so the file stays valid UTF-8 and JSON
        path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8",
                        errors="backslashreplace")
        written.append(path)
    return written
