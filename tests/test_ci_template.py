"""`judge ci init`: the GitHub Actions workflow parses, and the judge commands in it are real and work.

The test writes the workflow into a course folder, parses it, and runs every `judge ...` line of its steps there
(installation steps need the network and root, so only the judge's own commands run).
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from conftest import REPO

from judge import problems
from judge.cli import main

FIXTURES = REPO / "tests" / "fixtures"


@pytest.fixture
def course(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A course repository using the toy catalog, with one student's correct submission."""
    monkeypatch.setenv(problems.EXTRA_ROOT_ENV, str(FIXTURES))
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    monkeypatch.chdir(tmp_path)
    problems.clear_cache()
    (tmp_path / "submissions" / "alice").mkdir(parents=True)
    (tmp_path / "submissions" / "alice" / "toy_add.py").write_text("def add(a, b):\n    return a + b\n")
    yield tmp_path
    problems.clear_cache()


def _init(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["ci", "init", *args])
    return result.exit_code, result.output


def _workflow(course: Path) -> dict:
    return yaml.safe_load((course / ".github" / "workflows" / "judge.yml").read_text(encoding="utf-8"))


def _judge_commands(workflow: dict) -> list[list[str]]:
    commands = []
    for step in workflow["jobs"]["grade"]["steps"]:
        for line in str(step.get("run", "")).splitlines():
            if line.strip().startswith("judge "):
                commands.append(shlex.split(line))
    return commands


def test_workflow_parses_and_has_the_expected_steps(course: Path) -> None:
    code, output = _init("--path", "submissions")
    assert code == 0, output
    workflow = _workflow(course)
    assert set(workflow.get("on", workflow.get(True))) >= {"push", "pull_request"}
    steps = workflow["jobs"]["grade"]["steps"]
    uses = [s.get("uses", "") for s in steps]
    assert any(u.startswith("actions/checkout@") for u in uses)
    assert any(u.startswith("actions/setup-python@") for u in uses)
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["if"] == "always()" and upload["with"]["path"] == "reports/"
    install = next(s for s in steps if "pip install" in s.get("run", ""))
    assert "judge==" in install["run"] and "bubblewrap" in install["run"]
    grade = [c for c in _judge_commands(workflow) if c[1] == "grade"]
    assert len(grade) == 1 and grade[0][2] == "submissions"
    assert {"--junit", "--json", "--summary"} <= set(grade[0])


def test_the_judge_commands_of_the_workflow_run_for_real(course: Path) -> None:
    _init()
    commands = _judge_commands(_workflow(course))
    assert [c[1] for c in commands] == ["doctor", "grade"]
    for command in commands:
        done = subprocess.run([sys.executable, "-m", "judge", *command[1:]], cwd=course, env=os.environ.copy(),
                              capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, f"{command}: {done.stdout[-2000:]}{done.stderr[-2000:]}"
    junit = ET.parse(course / "reports" / "junit.xml").getroot()
    assert junit.tag == "testsuites" and junit.get("failures") == "0"
    assert (course / "reports" / "grading.json").is_file() and (course / "reports" / "summary.md").is_file()
    assert (course / "reports" / "results" / "alice" / "toy-add" / "results.json").is_file()


def test_a_wrong_submission_fails_the_workflow_check(course: Path) -> None:
    _init()
    (course / "submissions" / "bob").mkdir()
    (course / "submissions" / "bob" / "toy_add.py").write_text("def add(a, b):\n    return a - b\n")
    grade = next(c for c in _judge_commands(_workflow(course)) if c[1] == "grade")
    done = subprocess.run([sys.executable, "-m", "judge", *grade[1:], "--sandbox", "process"], cwd=course,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 1, done.stderr[-2000:]
    assert ET.parse(course / "reports" / "junit.xml").getroot().get("failures") != "0"


def test_options_reach_the_workflow_and_overwriting_needs_force(course: Path) -> None:
    code, _ = _init("--manifest", "grading.toml", "--fail-under", "60", "--python", "3.12",
                    "--install", "git+https://example.org/judge@v1")
    assert code == 0
    workflow = _workflow(course)
    grade = next(c for c in _judge_commands(workflow) if c[1] == "grade")
    assert grade[grade.index("--manifest") + 1] == "grading.toml"
    assert grade[grade.index("--fail-under") + 1] == "60.0"
    setup = next(s for s in workflow["jobs"]["grade"]["steps"] if s.get("uses", "").startswith("actions/setup-py"))
    assert setup["with"]["python-version"] == "3.12"
    code, output = _init()
    assert code == 2 and "already exists" in output
    code, _ = _init("--force")
    assert code == 0
