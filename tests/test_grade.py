"""`judge grade`: finding submissions, the manifest, one seed for all, totals, exit codes, bad input.

Judging runs on the toy problems of tests/fixtures (a course catalog through JUDGE_PROBLEMS_PATH), so these
tests are fast; tests/test_grade_dask.py grades real catalog problems on both executors.
"""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import REPO

from judge import problems
from judge.cli import main
from judge.cli_grade import show_graded
from judge.grading.discovery import discover
from judge.grading.manifest import load_manifest
from judge.grading.model import Graded, GradingError, GradingRun
from judge.progress import BAR_WIDTH, Progress
from judge.verdict import GroupResult, Report, Verdict

FIXTURES = REPO / "tests" / "fixtures"
CORRECT = "def add(a, b):\n    return a + b\n"
WRONG = (FIXTURES / "submissions" / "add_wrong_for_negatives.py").read_text()


@pytest.fixture(autouse=True)
def toy_catalog(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv(problems.EXTRA_ROOT_ENV, str(FIXTURES))
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    problems.clear_cache()
    yield
    problems.clear_cache()


def _write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def _grade(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["grade", *args])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


# ------------------------------------------------------------------------------------------------ discovery


def test_class_folder_gives_one_student_per_subfolder(tmp_path: Path) -> None:
    _write(tmp_path / "alice" / "toy_add.py", CORRECT)
    _write(tmp_path / "bob" / "toy_add.py", WRONG)
    _write(tmp_path / "bob" / "README.md", "not python")
    entries, notes = discover([tmp_path])
    assert [(e.student, e.problem, e.skip_reason) for e in entries] == [
        ("alice", "toy-add", None), ("bob", "toy-add", None)]
    assert notes == []


def test_student_folder_and_single_file(tmp_path: Path) -> None:
    _write(tmp_path / "alice" / "toy_add.py", CORRECT)
    entries, _ = discover([tmp_path / "alice"])
    assert [(e.student, e.problem) for e in entries] == [("alice", "toy-add")]
    entries, _ = discover([tmp_path / "alice" / "toy_add.py"])
    assert [(e.student, e.problem) for e in entries] == [("alice", "toy-add")]


def test_problem_option_takes_every_file_and_names_students_by_file(tmp_path: Path) -> None:
    _write(tmp_path / "alice.py", CORRECT)
    _write(tmp_path / "bob.py", WRONG)
    entries, _ = discover([tmp_path], "toy-add")
    assert [(e.student, e.problem, e.skip_reason) for e in entries] == [
        ("alice", "toy-add", None), ("bob", "toy-add", None)]


def test_unknown_module_is_kept_with_a_hint(tmp_path: Path) -> None:
    _write(tmp_path / "alice" / "toy_ad.py", CORRECT)
    entries, _ = discover([tmp_path])
    assert entries[0].problem == ""
    assert "no problem has the module 'toy_ad'" in entries[0].skip_reason
    assert "toy_add.py" in entries[0].skip_reason


def test_two_files_for_one_problem_grade_the_shallowest(tmp_path: Path) -> None:
    top = _write(tmp_path / "alice" / "toy_add.py", CORRECT)
    _write(tmp_path / "alice" / "old" / "toy_add.py", WRONG)
    entries, _ = discover([tmp_path])
    graded = [e for e in entries if e.skip_reason is None]
    skipped = [e for e in entries if e.skip_reason is not None]
    assert [e.path for e in graded] == [top]
    assert len(skipped) == 1 and "a second file for toy-add" in skipped[0].skip_reason


def test_paths_with_nothing_to_grade_become_notes(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    _write(tmp_path / "notes.txt", "hi")
    entries, notes = discover([tmp_path / "empty", tmp_path / "notes.txt", tmp_path / "nope"])
    assert entries == []
    assert any("no .py files" in n for n in notes)
    assert any("not a .py file" in n for n in notes)
    assert any("no such file" in n for n in notes)


# ------------------------------------------------------------------------------------------------ manifest


def test_manifest_is_read_and_checked(tmp_path: Path) -> None:
    good = _write(tmp_path / "grading.toml", '[grading]\nseed = 7\nsandbox = "process"\nfail_under = 50\n'
                                             '[[problems]]\nid = "toy-add"\nweight = 2\n')
    manifest = load_manifest(good)
    assert (manifest.seed, manifest.sandbox, manifest.fail_under) == (7, "process", 50)
    assert manifest.problems == ("toy-add",) and manifest.weights == {"toy-add": 2.0}
    for text, error in [('[grading]\nseeds = 1\n', "unknown key 'seeds'"),
                        ('[[problems]]\nid = "toy-add"\nweight = -1\n', "weight of 'toy-add'"),
                        ('[grading]\nseed = "x"\n', "seed has the wrong type"),
                        ("[grading\n", "grading.toml"),
                        ('[other]\n', "unknown table 'other'")]:
        bad = _write(tmp_path / "grading.toml", text)
        with pytest.raises(GradingError, match=error.replace("[", r"\[")):
            load_manifest(bad)


# ------------------------------------------------------------------------------------------------ totals


def _report(score_groups: list[tuple[int, Verdict]]) -> Report:
    groups = tuple(GroupResult(f"g{i}", points, verdict, 0.1) for i, (points, verdict) in enumerate(score_groups))
    verdict = next((g.verdict for g in groups if g.verdict is not Verdict.ACCEPTED), Verdict.ACCEPTED)
    return Report("toy-add", verdict, 1, "process", 0.3, groups)


def test_totals_weigh_problems_and_count_missing_ones_as_zero() -> None:
    run = GradingRun(1, "process", "local", 1, 1.0, (
        Graded("alice", "a", "alice/a.py", _report([(60, Verdict.ACCEPTED), (40, Verdict.ACCEPTED)]), weight=2.0),
        Graded("alice", "b", "alice/b.py", _report([(60, Verdict.ACCEPTED), (40, Verdict.WRONG_ANSWER)])),
        Graded("bob", "a", "bob/a.py", _report([(60, Verdict.ACCEPTED), (40, Verdict.WRONG_ANSWER)]), weight=2.0),
        Graded("bob", "x", "bob/x.py", None, "no problem has the module 'x'"),
    ), ("a", "b"), {"a": 2.0, "b": 1.0})
    assert run.student_totals("alice").to_json() == {
        "score": 260, "max_score": 300, "percent": 86.67, "submissions": 2, "accepted": 1}
    assert run.missing("bob") == ("b",)
    assert run.student_totals("bob").score == 120 and run.student_totals("bob").max_score == 300
    assert run.totals.score == 380 and run.totals.max_score == 600
    assert run.problem_totals("a").accepted == 1
    assert not run.all_accepted
    data = run.to_json()
    assert data["students"]["bob"]["missing"] == ["b"]
    assert data["submissions"][-1] == {"student": "bob", "problem": "x", "path": "bob/x.py", "weight": 1.0,
                                       "verdict": "skipped", "reason": "no problem has the module 'x'",
                                       "ignored": False}


# ------------------------------------------------------------------------------------------------ the command


def test_grade_a_class_with_one_seed_and_every_kind_of_file(tmp_path: Path) -> None:
    course = tmp_path / "submissions"
    _write(course / "alice" / "toy_add.py", CORRECT)
    _write(course / "bob" / "toy_add.py", WRONG)
    _write(course / "carol" / "toy_add.py", b"def add(a, b):\n    return a + b  # \xff\n")
    (course / "dave").mkdir()
    os.symlink(tmp_path / "gone.py", course / "dave" / "toy_add.py")  # unreadable: a dangling link
    _write(course / "erin" / "toy_ad.py", CORRECT)
    out = tmp_path / "grading.json"
    code, stdout, stderr = _grade(str(course), "--seed", "4242", "--workers", "2", "--sandbox", "process",
                                  "--json", str(out))
    assert code == 1, stdout + stderr
    assert "seed 4242" in stderr
    data = json.loads(out.read_text())
    assert data["seed"] == 4242
    by_student = {s["student"]: s for s in data["submissions"]}
    assert set(by_student) == {"alice", "bob", "carol", "dave", "erin"}
    assert by_student["alice"]["verdict"] == "accepted"
    assert by_student["bob"]["verdict"] == "wrong_answer"
    assert by_student["carol"]["verdict"] == "compile_error"
    assert "UTF-8" in by_student["carol"]["report"]["message"]
    assert by_student["dave"]["verdict"] == "compile_error"
    assert "cannot read" in by_student["dave"]["report"]["message"]
    assert by_student["erin"]["verdict"] == "skipped"
    assert {s["report"]["seed"] for s in data["submissions"] if "report" in s} == {4242}
    assert data["students"]["alice"]["percent"] == 100.0
    assert data["students"]["erin"]["missing"] == ["toy-add"]
    assert "not graded:" in stdout and "toy_ad.py" in stdout


def test_exit_code_zero_when_all_accepted_and_fail_under(tmp_path: Path) -> None:
    _write(tmp_path / "alice" / "toy_add.py", CORRECT)
    code, stdout, _ = _grade(str(tmp_path), "--sandbox", "process", "-q")
    assert code == 0, stdout
    _write(tmp_path / "bob" / "toy_add.py", WRONG)
    code, stdout, _ = _grade(str(tmp_path), "--sandbox", "process", "-q", "--seed", "1")
    assert code == 1, stdout
    code, _, _ = _grade(str(tmp_path), "--sandbox", "process", "-q", "--seed", "1", "--fail-under", "50")
    assert code == 0
    code, _, _ = _grade(str(tmp_path), "--sandbox", "process", "-q", "--seed", "1", "--fail-under", "99")
    assert code == 1


def test_manifest_problems_limit_what_is_graded(tmp_path: Path) -> None:
    _write(tmp_path / "alice" / "toy_add.py", CORRECT)
    _write(tmp_path / "alice" / "toy_broken.py", CORRECT)
    manifest = _write(tmp_path / "grading.toml", '[grading]\nseed = 99\n[[problems]]\nid = "toy-add"\n')
    out = tmp_path / "g.json"
    code, stdout, stderr = _grade(str(tmp_path / "alice"), "--manifest", str(manifest), "--sandbox", "process",
                                  "--json", str(out), "-q")
    data = json.loads(out.read_text())
    assert data["seed"] == 99 and data["problems"] == ["toy-add"]
    skipped = [s for s in data["submissions"] if s["verdict"] == "skipped"]
    assert len(skipped) == 1 and skipped[0]["ignored"] is True
    assert code == 0, stdout + stderr  # a file left out by the manifest is shown, not a failure


@pytest.mark.parametrize(("args", "message"), [
    (["{empty}"], "no submissions found"),
    (["{empty}", "--problem", "nope"], "unknown problem 'nope'"),
    (["{empty}", "--executor", "dask"], "--executor dask needs --scheduler"),
    (["{empty}", "--manifest", "{empty}/missing.toml"], "cannot read the manifest"),
])
def test_usage_errors_are_one_line_and_exit_2(tmp_path: Path, args: list[str], message: str) -> None:
    (tmp_path / "empty").mkdir()
    code, stdout, stderr = _grade(*[a.format(empty=tmp_path / "empty") for a in args])
    assert code == 2, stdout + stderr
    assert message in stderr
    assert "Traceback" not in stderr and len(stderr.strip().splitlines()) == 1


def test_unknown_manifest_problem_is_a_usage_error(tmp_path: Path) -> None:
    _write(tmp_path / "alice" / "toy_add.py", CORRECT)
    manifest = _write(tmp_path / "grading.toml", '[[problems]]\nid = "toy-adder"\n')
    code, _, stderr = _grade(str(tmp_path), "--manifest", str(manifest))
    assert code == 2 and "unknown problem 'toy-adder'" in stderr


def test_progress_plain_lines_in_logs_and_one_redrawn_line_on_a_terminal() -> None:
    graded = Graded("alice", "toy-add", "alice/toy_add.py", _report([(100, Verdict.WRONG_ANSWER)]))
    plain = io.StringIO()
    progress = Progress(2, plain, live=False)
    show_graded(progress, graded)
    assert plain.getvalue().startswith("[1/2] alice/toy-add: wrong_answer 0/100")
    assert "1 not accepted" in plain.getvalue()
    live = io.StringIO()
    progress = Progress(2, live, live=True)
    show_graded(progress, graded)
    progress.close()  # ends the unfinished line: what follows starts on its own line
    assert live.getvalue().endswith("\n")
    show_graded(progress, graded)
    progress.close()  # the last result ended the line already
    assert live.getvalue().count("\r") == 2 and live.getvalue().count("\n") == 2
    assert "2 not accepted" in live.getvalue() and "#" * BAR_WIDTH in live.getvalue()


def test_progress_in_a_log_writes_about_plain_steps_lines_and_always_the_last() -> None:
    log = io.StringIO()
    progress = Progress(100, log, live=False, plain_steps=20)
    for done in range(1, 101):
        progress.advance(failed=done % 3 == 0)
        progress.show(f"{progress.done} done, {progress.failed} failed, ETA {progress.eta()}")
    lines = log.getvalue().splitlines()
    assert len(lines) == 21 and lines[0].startswith("1 done") and lines[-1] == "100 done, 33 failed, ETA -"
