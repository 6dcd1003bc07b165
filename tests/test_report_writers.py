"""The report writers: JUnit XML, Exercism/Gradescope results.json, the Markdown summary, the text report.

The grading run is built by hand (no judging), with every kind of outcome: accepted, a wrong answer with its
shrunk input, a time limit, a compile error, a runtime error at import, a judge failure after some groups and
one without any group, a file of no problem, a second file for one problem, a missing problem, and hostile
texts (unicode, control characters, `|`, `<`, a lone surrogate, an output longer than 500 characters). Each
writer's output is compared with its golden file under tests/golden/; after a deliberate change of a
format, rewrite them with

    JUDGE_UPDATE_GOLDEN=1 python -m pytest tests/test_report_writers.py

and review the diff. Besides the goldens: the JUnit file validates against tests/fixtures/junit.xsd (the common
testsuites/testsuite/testcase/failure shape) and its counts add up; every results.json follows its platform's
rules (statuses, top-level message only for errors, output cut to 500 characters).
"""

from __future__ import annotations

import json
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import REPO
from hypothesis import given, settings
from hypothesis import strategies as st

from judge.grading.model import Graded, GradingRun
from judge.reports.exercism import OUTPUT_LIMIT, TRUNCATION_NOTE, exercism_results, result_paths, write_results_dir
from judge.reports.gradescope import VISIBILITIES, gradescope_results
from judge.reports.junit import junit_xml, write_junit, xml_safe
from judge.reports.markdown import SUMMARY_ENV, markdown_summary, write_summary
from judge.reports.text import format_group_line, format_report
from judge.verdict import Failure, GroupResult, Report, Verdict

GOLDEN = REPO / "tests" / "golden"
XSD = REPO / "tests" / "fixtures" / "junit.xsd"
UPDATE = os.environ.get("JUDGE_UPDATE_GOLDEN") == "1"
SEED = 1234
SORTING = (("examples", 10), ("properties", 30), ("edge-cases", 20), ("complexity", 25), ("performance", 15))
SUDOKU = (("examples", 20), ("properties", 40), ("performance", 40))
HOSTILE_OUTPUT = "\x1b[31mred\x1b[0m\x07 <b>&amp;</b> | ü\udc80 " + "spam " * 120
A, WA, TLE, RE, CE, IE = (Verdict.ACCEPTED, Verdict.WRONG_ANSWER, Verdict.TIME_LIMIT_EXCEEDED,
                          Verdict.RUNTIME_ERROR, Verdict.COMPILE_ERROR, Verdict.INTERNAL_ERROR)


def groups(spec: tuple[tuple[str, int], ...], failing: dict[str, tuple[Verdict, Failure]] | None = None,
           time_s: float = 0.25) -> tuple[GroupResult, ...]:
    failing = failing or {}
    out = []
    for name, points in spec:
        verdict, failure = failing.get(name, (A, None))
        out.append(GroupResult(name, points, verdict, time_s, 3, failure))
    return tuple(out)


def report_for_all(problem: str, spec: tuple[tuple[str, int], ...], verdict: Verdict, message: str) -> Report:
    """One verdict for every group, decided before any test ran (`Report.for_all` of a problem with `spec`)."""
    problem_like = SimpleNamespace(id=problem, groups=[SimpleNamespace(name=n, points=p) for n, p in spec])
    return Report.for_all(problem_like, verdict, message, SEED, "bwrap", 0.5)


def sample_run() -> GradingRun:
    wrong = Failure("test_solution_is_valid", "the grid breaks a rule: row 1 has two 5s",
                    "['53**7****', '6**195***', '*98|ü*<&>']", "a valid completion", "['553**7***']")
    slow = Failure("test_large_inputs", "over the time limit of 2.0 s", "list(range(200000, 0, -1))")
    results = (
        Graded("alice", "sorting", "class/alice/sorting.py",
               Report("sorting", A, SEED, "bwrap", 1.5, groups(SORTING), None, "debug: 42\n")),
        Graded("alice", "sorting", "class/alice/old/sorting.py", None,
               "a second file for sorting: class/alice/sorting.py is graded instead"),
        Graded("alice", "sudoku", "class/alice/sudoku.py",
               Report("sudoku", WA, SEED, "bwrap", 2.25, groups(SUDOKU, {"properties": (WA, wrong)})), weight=2.0),
        Graded("bob", "sorting", "class/bob/sorting.py",
               Report("sorting", TLE, SEED, "bwrap", 4.0, groups(SORTING, {"performance": (TLE, slow)}), None,
                      HOSTILE_OUTPUT)),
        Graded("carol", "sorting", "class/carol/sorting.py",
               report_for_all("sorting", SORTING, CE, "SyntaxError: invalid syntax (sorting.py, line 3)\n def sort(:")),
        Graded("carol", "sudoku", "class/carol/sudoku.py",
               Report("sudoku", IE, SEED, "bwrap", 1.0,
                      groups(SUDOKU, {"properties": (WA, wrong),
                                      "performance": (IE, Failure("", "judge error: the reference timed out"))}),
                      "judge error: the reference timed out"), weight=2.0),
        Graded("dave", "sorting", "class/dave/sorting.py",
               report_for_all("sorting", SORTING, RE, "ZeroDivisionError: division by zero (at import)")),
        Graded("dave", "sudoku", "class/dave/sudoku.py",
               Report("sudoku", IE, SEED, "bwrap", 0.75, (), "the judging process died: exit code -9"), weight=2.0),
        Graded("zoë|x", "", "class/zoë|x/sortng.py", None,
               "no problem has the module 'sortng' (did you mean sorting.py?)"),
    )
    results = tuple(sorted(results, key=lambda g: (g.student, g.problem, g.path)))  # as grading.grade does
    return GradingRun(SEED, "bwrap", "local", 2, 12.5, results, ("sorting", "sudoku"),
                      {"sorting": 1.0, "sudoku": 2.0}, ("class/empty: no .py files found",))


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no golden file {path}: run with JUDGE_UPDATE_GOLDEN=1 once and review it"
    assert text == path.read_text(encoding="utf-8"), f"{name} differs from its golden file (see the module doc)"


def read_results_dir(directory: Path) -> dict[str, str]:
    return {p.relative_to(directory).as_posix(): p.read_text(encoding="utf-8")
            for p in sorted(directory.rglob("results.json"))}


# ----------------------------------------------------------------------------------------------- JUnit


def test_junit_matches_golden(tmp_path: Path) -> None:
    run = sample_run()
    written = write_junit(run, tmp_path / "reports" / "junit.xml")
    check_golden("grade/junit.xml", written.read_text(encoding="utf-8"))


def test_junit_validates_against_the_common_schema(tmp_path: Path) -> None:
    xmlschema = pytest.importorskip("xmlschema", reason="pip install -e '.[dev]'")
    schema = xmlschema.XMLSchema(str(XSD))
    path = write_junit(sample_run(), tmp_path / "junit.xml")
    schema.validate(str(path))
    # the schema is not vacuous: a testcase without a name and a failure outside any testcase are refused
    text = path.read_text(encoding="utf-8")
    for broken in (text.replace('<testcase classname="alice/sorting" name="examples"',
                                '<testcase classname="alice/sorting"', 1),
                   text.replace("<properties>", '<failure message="x">x</failure><properties>', 1)):
        assert broken != text
        assert not schema.is_valid(broken)


def test_junit_counts_add_up() -> None:
    run = sample_run()
    root = ET.fromstring(junit_xml(run).encode("utf-8"))
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    total = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for suite in suites:
        cases = suite.findall("testcase")
        counted = {"tests": len(cases), "failures": sum(len(c.findall("failure")) for c in cases),
                   "errors": sum(len(c.findall("error")) for c in cases),
                   "skipped": sum(len(c.findall("skipped")) for c in cases)}
        assert {k: int(suite.get(k)) for k in counted} == counted, suite.get("name")
        for key in total:
            total[key] += counted[key]
    assert {k: int(root.get(k)) for k in total} == total
    # one suite per submission (skipped files included) plus one per missing problem
    missing = sum(len(run.missing(s)) for s in run.students)
    assert len(suites) == len(run.results) + missing
    names = [s.get("name") for s in suites]
    assert "bob/sudoku" in names and "zoë|x/sortng" in names


def test_junit_says_what_failed_and_why() -> None:
    root = ET.fromstring(junit_xml(sample_run()).encode("utf-8"))
    suites = {}
    for suite in root.findall("testsuite"):
        suites[suite.get("name")] = suite
    assert len(suites) == len(root.findall("testsuite"))  # names stay apart: a second file gets its path added
    assert "alice/sorting (class/alice/old/sorting.py)" in suites
    alice = suites["alice/sudoku"]
    props = {p.get("name"): p.get("value") for p in alice.find("properties")}
    assert props["seed"] == str(SEED) and props["verdict"] == "wrong_answer" and props["score"] == "60/100"
    failure = alice.find("testcase[@name='properties']/failure")
    assert failure.get("type") == "wrong_answer"
    assert failure.get("message") == "wrong_answer: failing input ['53**7****', '6**195***', '*98|ü*<&>']"
    assert "expected: a valid completion" in failure.text and "got: ['553**7***']" in failure.text
    assert [c.get("name") for c in suites["alice/sorting"].findall("testcase")] == [n for n, _ in SORTING]
    carol = suites["carol/sudoku"]
    assert carol.find("testcase[@name='performance']/error").get("type") == "internal_error"
    assert carol.find("testcase[@name='properties']/failure") is not None
    assert suites["dave/sudoku"].find("testcase[@name='submission']/error") is not None
    skipped = suites["zoë|x/sortng"].find("testcase/skipped")
    assert "no problem has the module 'sortng'" in skipped.get("message")
    assert suites["bob/sudoku"].find("testcase/failure").get("type") == "missing"
    out = suites["bob/sorting"].find("system-out").text
    assert out.startswith("\\x1b[31mred") and "\\x07" in out and "\\udc80" in out


def _lines(text: str) -> str:
    """XML parsers turn a carriage return in text content into a newline."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


@settings(max_examples=60, deadline=None)
@given(st.text(st.characters(blacklist_categories=())), st.text(st.characters(blacklist_categories=())))
def test_junit_holds_any_text(text: str, student: str) -> None:
    failure = Failure(text, text, text, text, text)
    report = Report("sorting", WA, SEED, "bwrap", 0.1, groups(SORTING, {"examples": (WA, failure)}), None, text)
    run = GradingRun(SEED, "bwrap", "local", 1, 0.1, (Graded(student or "s", "sorting", text, report),),
                     ("sorting",))
    root = ET.fromstring(junit_xml(run).encode("utf-8"))
    suite = root.find("testsuite")
    assert suite.get("name") == xml_safe(f"{student or 's'}/sorting")
    assert {p.get("name"): p.get("value") for p in suite.find("properties")}["path"] == xml_safe(text)
    body = suite.find("testcase[@name='examples']/failure").text or ""
    assert f"failing input: {_lines(xml_safe(text))}" in body
    if text:
        assert suite.find("system-out").text == _lines(xml_safe(text))


# ----------------------------------------------------------------------------------------------- results.json


@pytest.mark.parametrize("fmt", ["exercism", "gradescope"])
def test_results_dir_matches_golden(tmp_path: Path, fmt: str) -> None:
    run = sample_run()
    written = write_results_dir(run, tmp_path / "out", fmt)
    assert len(written) == len(run.results)  # skipped files get one too: nothing is dropped silently
    found = read_results_dir(tmp_path / "out")
    assert "alice/sorting/results.json" in found and "alice/sorting-2/results.json" in found
    for text in found.values():
        json.loads(text)  # each one is JSON (a lone surrogate of the output is written as its escape)
    check_golden(f"grade/results-{fmt}.txt", "".join(f"=== {name}\n{text}" for name, text in found.items()))


def test_results_dir_paths_stay_inside() -> None:
    weird = GradingRun(SEED, "bwrap", "local", 1, 0.0, (
        Graded("..", "", "x/../evil.py", None, "no problem"), Graded("a/b", "", "a/b/c.py", None, "no problem"),
        Graded("", "", "/.py", None, "no problem")), ())
    for _, path in result_paths(weird):
        assert not path.is_absolute() and ".." not in path.parts and len(path.parts) == 3


def test_exercism_results_follow_the_interface() -> None:
    run = sample_run()
    expected = {"alice/sorting": "pass", "alice/sudoku": "fail", "bob/sorting": "fail", "carol/sorting": "error",
                "carol/sudoku": "error", "dave/sorting": "fail", "dave/sudoku": "error", "zoë|x/sortng": "error"}
    for graded in run.results:
        data = exercism_results(graded)
        assert data["version"] == 3 and set(data) == {"version", "status", "message", "tests"}
        if graded.report is not None:
            assert data["status"] == expected[graded.name], graded.name
        assert (data["status"] == "error") == bool(data["message"])
        statuses = [t["status"] for t in data["tests"]]
        assert (data["status"] == "pass") == (bool(statuses) and all(s == "pass" for s in statuses))
        for test in data["tests"]:
            assert test["status"] in ("pass", "fail", "error") and test["name"] and test["test_code"]
            assert (test["message"] is None) == (test["status"] == "pass")
            output = test["output"]
            assert output is None or len(output) <= OUTPUT_LIMIT
            original = graded.report.output or ""
            if len(original) > OUTPUT_LIMIT:
                assert output.endswith(TRUNCATION_NOTE) and original.startswith(output[: -len(TRUNCATION_NOTE)])
            else:
                assert output == (original or None)
    bob = exercism_results(next(g for g in run.results if g.name == "bob/sorting"))
    assert [t["status"] for t in bob["tests"]] == ["pass"] * 4 + ["fail"]
    assert "list(range(200000, 0, -1))" in bob["tests"][4]["message"]


def test_gradescope_results_add_up() -> None:
    for graded in sample_run().results:
        for visibility in VISIBILITIES:
            data = gradescope_results(graded, visibility)
            assert data["visibility"] == visibility and all(t["visibility"] == visibility for t in data["tests"])
            assert 0 <= data["score"] <= data["max_score"] or graded.report is None
            assert data["score"] == sum(t["score"] for t in data["tests"])
            assert data["max_score"] == sum(t["max_score"] for t in data["tests"])
            for test in data["tests"]:
                assert test["status"] == ("passed" if test["score"] == test["max_score"] else "failed")
    with pytest.raises(ValueError, match="visibility"):
        gradescope_results(sample_run().results[-1], "sometimes")
    with pytest.raises(ValueError, match="format"):
        write_results_dir(sample_run(), "unused", "tap")


# ----------------------------------------------------------------------------------------------- Markdown


def _unescaped_pipes(line: str) -> int:
    return len(re.findall(r"(?<!\\)\|", line))


def test_markdown_matches_golden() -> None:
    check_golden("grade/summary.md", markdown_summary(sample_run()))


def test_markdown_table_survives_hostile_names() -> None:
    run = sample_run()
    text = markdown_summary(run)
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff]", text)
    rows = [line for line in text.splitlines() if line.startswith("|")]
    assert len(rows) == 2 + len(run.students) + 1  # header, rule, one per student, accepted counts
    assert {_unescaped_pipes(row) for row in rows} == {len(run.problems) + 3}
    cells = {row.split(" | ")[0].lstrip("| "): row for row in rows}
    assert "✅ 100" in cells["alice"] and "❌ 60 wrong answer" in cells["alice"]
    assert "— missing" in cells["bob"] and "⏱ 85 time limit" in cells["bob"]
    assert "zoë\\|x" in cells
    assert "<b>" not in text and "*98\\|ü\\*\\<\\&\\>" in text


def test_summary_is_written_and_appended_to_the_step_summary(tmp_path: Path) -> None:
    run = sample_run()
    step = tmp_path / "step_summary.md"
    step.write_text("earlier step\n", encoding="utf-8")
    written = write_summary(run, tmp_path / "summary.md", {SUMMARY_ENV: str(step)})
    assert written == [tmp_path / "summary.md", step]
    assert step.read_text(encoding="utf-8") == "earlier step\n" + markdown_summary(run)
    assert write_summary(run, None, {}) == []


# ----------------------------------------------------------------------------------------------- text


def long_report() -> Report:
    """Every text past its limit: a 1500-character message, 500-character values, 2000 characters of output."""
    failure = Failure("test_long", "m" * 1600 + "\nsecond line", "i" * 600, "e\n" * 300, "g" * 501)
    return Report("sorting", WA, SEED, "process", 3.5, groups(SORTING, {"complexity": (WA, failure)}), None,
                  "line\n" * 500)


def test_text_report_matches_golden() -> None:
    reports = [(g.path, g.report) for g in sample_run().results if g.report is not None]
    reports.append(("long.py", long_report()))
    parts = [f"=== {path}\n{format_report(report, color=False, file=path)}\n" for path, report in reports]
    parts += [f"=== {path} (colour)\n{format_report(report, color=True, file=path)}\n" for path, report in reports[:3]]
    finished = [SimpleNamespace(name="examples", verdict=A, elapsed=0.125),
                SimpleNamespace(name="a-long-group-name", verdict=TLE, elapsed=12.5)]
    parts.append("=== progress lines\n" + "".join(format_group_line(g) + "\n" for g in finished))
    text = "".join(parts).encode("utf-8", "backslashreplace").decode("utf-8")  # the output's lone surrogate
    check_golden("report-text.txt", text)
