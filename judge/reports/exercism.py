"""One `results.json` per submission, for the platforms a course already uses: Exercism (here) and Gradescope.

Exercism's test-runner interface (version 3): `status` pass | fail | error, a top-level `message` only for
`error` (no test really ran: a compile error, or the judge failed), one test per group in problem.toml order,
`output` cut to 500 characters with a note. `write_results_dir` writes either format (Gradescope's is built by
`judge.reports.gradescope`) under `<student>/<problem>/results.json`.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING

from judge.reports.common import group_text, label, truncate
from judge.reports.gradescope import gradescope_results
from judge.verdict import GroupResult, Verdict

if TYPE_CHECKING:
    from judge.grading.model import Graded, GradingRun

EXERCISM_VERSION = 3
OUTPUT_LIMIT = 500
TRUNCATION_NOTE = " [Output was truncated. Please limit to 500 chars]"
MESSAGE_LIMIT = 65_535
FORMATS = ("exercism", "gradescope")
NO_TEST_RAN = (Verdict.COMPILE_ERROR, Verdict.INTERNAL_ERROR)
_UNSAFE_NAME = re.compile(r"[\x00-\x1f/\\]")


def exercism_output(text: str | None) -> str | None:
    """The submission's output as Exercism allows it: at most 500 characters, a note where it was cut."""
    if not text:
        return None
    return truncate(text, OUTPUT_LIMIT, TRUNCATION_NOTE)


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
        message = truncate(f"{label(report.verdict)}: {message or 'no test could run'}", MESSAGE_LIMIT)
    output = exercism_output(report.output)
    tests = [{"name": group.name, "status": _exercism_status(group.verdict),
              "message": None if group.verdict is Verdict.ACCEPTED else group_text(group, report.message),
              "output": output, "test_code": _test_code(group)}
             for group in report.groups]
    return {"version": EXERCISM_VERSION, "status": status, "message": message, "tests": tests}


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
