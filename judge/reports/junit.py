"""The grading run as JUnit XML, the test-report format GitHub, GitLab and Jenkins all render.

One <testsuite> per submission (`student/problem`), one <testcase> per test group. A verdict about the
submission is a <failure> (its message: the verdict and the shrunk failing input), a judge failure is an
<error>, a file that was not graded is one <skipped> testcase, and a problem a student handed nothing in for
is one failing testcase, as it counts 0 in the totals. The text is made for hostile submissions: everything is
escaped by the XML writer and characters XML 1.0 cannot hold are shown as escapes, so the file always parses.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from judge.grading.model import Graded, GradingRun
from judge.reports.common import escape_unprintable, failure_text, one_line, truncate
from judge.verdict import Failure, GroupResult, Verdict

MESSAGE_CHARS = 500
TEXT_CHARS = 20_000
SUITES_NAME = "judge grade"
# what XML 1.0 can hold: tab, newline, carriage return and everything from U+0020 except surrogates, FFFE, FFFF
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: object) -> str:
    """`text` with every character XML 1.0 cannot hold written as a visible escape (`\\x1b`, `\\udc80`)."""
    return escape_unprintable(text, _NOT_XML)


def _one_line(text: str, limit: int = MESSAGE_CHARS) -> str:
    return truncate(one_line(text), limit) or ""


def _seconds(value: float) -> str:
    return f"{max(0.0, value):.3f}"


def failure_message(verdict: Verdict, failure: Failure | None) -> str:
    """One line: the verdict and the shrunk failing input (or the first words of the message)."""
    if failure is not None and failure.failing_input is not None:
        return _one_line(f"{verdict.value}: failing input {failure.failing_input}")
    if failure is not None and failure.message:
        return _one_line(f"{verdict.value}: {failure.message}")
    return verdict.value


@dataclass
class _Counts:
    tests: int = 0
    failures: int = 0
    errors: int = 0
    skipped: int = 0

    def add(self, other: _Counts) -> None:
        self.tests += other.tests
        self.failures += other.failures
        self.errors += other.errors
        self.skipped += other.skipped

    def set_on(self, element: ET.Element) -> None:
        for key in ("tests", "failures", "errors", "skipped"):
            element.set(key, str(getattr(self, key)))


def _element(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    child = ET.SubElement(parent, tag, {key: xml_safe(value) for key, value in attributes.items()})
    if text is not None:
        child.text = xml_safe(text)
    return child


def _group_case(suite: ET.Element, classname: str, group: GroupResult, report_message: str | None,
                counts: _Counts) -> None:
    case = _element(suite, "testcase", classname=classname, name=group.name, time=_seconds(group.time_s))
    counts.tests += 1
    if group.verdict is Verdict.ACCEPTED:
        return
    text = truncate(failure_text(group.failure, report_message or group.verdict.value), TEXT_CHARS)
    if group.verdict is Verdict.INTERNAL_ERROR:
        counts.errors += 1
        tag = "error"
    else:
        counts.failures += 1
        tag = "failure"
    _element(case, tag, text, message=failure_message(group.verdict, group.failure), type=group.verdict.value)


def _suite(parent: ET.Element, name: str, time_s: float, properties: dict[str, str]) -> ET.Element:
    suite = _element(parent, "testsuite", name=name, tests="0", failures="0", errors="0", skipped="0",
                     time=_seconds(time_s))
    props = _element(suite, "properties")
    for key, value in properties.items():
        _element(props, "property", name=key, value=value)
    return suite


def suite_names(run: GradingRun) -> dict[int, str]:
    """`student/problem` per entry (by id); a skipped second file of a name gets its path added, to stay apart."""
    names: dict[int, str] = {}
    taken: set[str] = set()
    for graded in sorted(run.results, key=lambda g: g.report is None):
        name = graded.name if graded.name not in taken else f"{graded.name} ({graded.path})"
        taken.add(name)
        names[id(graded)] = name
    return names


def _graded_suite(parent: ET.Element, run: GradingRun, graded: Graded, name: str) -> _Counts:
    counts = _Counts()
    report = graded.report
    properties = {"student": graded.student, "problem": graded.problem, "path": graded.path,
                  "seed": str(run.seed), "sandbox": report.sandbox if report else run.sandbox,
                  "verdict": graded.verdict}
    if report is not None:
        properties["score"] = f"{report.score}/{report.max_score}"
    suite = _suite(parent, name, report.time_s if report else 0.0, properties)
    if report is None:
        case = _element(suite, "testcase", classname=name, name="submission", time=_seconds(0.0))
        _element(case, "skipped", message=_one_line(f"not graded: {graded.skip_reason or 'no reason given'}"))
        counts.tests, counts.skipped = 1, 1
    elif not report.groups:  # a report without groups: the verdict alone, on one testcase
        _group_case(suite, name, GroupResult("submission", 0, report.verdict, report.time_s, 0,
                                                    Failure("", report.message or report.verdict.value)),
                    report.message, counts)
    else:
        for group in report.groups:
            _group_case(suite, name, group, report.message, counts)
    if report is not None and report.output:
        _element(suite, "system-out", report.output)
    counts.set_on(suite)
    return counts


def _missing_suite(parent: ET.Element, run: GradingRun, student: str, problem: str) -> _Counts:
    name = f"{student}/{problem}"
    suite = _suite(parent, name, 0.0, {"student": student, "problem": problem, "seed": str(run.seed),
                                       "sandbox": run.sandbox, "verdict": "missing"})
    case = _element(suite, "testcase", classname=name, name="submission", time=_seconds(0.0))
    _element(case, "failure", f"{student} handed in no submission for {problem}: it counts 0 points.",
             message=f"missing: no submission for {problem}", type="missing")
    counts = _Counts(tests=1, failures=1)
    counts.set_on(suite)
    return counts


def junit_element(run: GradingRun) -> ET.Element:
    root = ET.Element("testsuites", {"name": SUITES_NAME})
    totals = _Counts()
    names = suite_names(run)
    for student in run.students:
        for graded in run.results:
            if graded.student == student:
                totals.add(_graded_suite(root, run, graded, names[id(graded)]))
        for problem in run.missing(student):
            totals.add(_missing_suite(root, run, student, problem))
    totals.set_on(root)
    root.set("time", _seconds(run.time_s))
    return root


def junit_xml(run: GradingRun) -> str:
    """The whole document, deterministic for a given run (times are the run's own)."""
    root = junit_element(run)
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def write_junit(run: GradingRun, path: str | Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(junit_xml(run), encoding="utf-8")
    return path
