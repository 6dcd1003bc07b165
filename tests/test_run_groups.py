"""`judge run --group`: the score is out of the groups run, the report lists only them, and the replay line
repeats every option that changes the verdict."""

from __future__ import annotations

import json
import shlex
import subprocess
import sys
from pathlib import Path

from judge.problems import get_problem


def judge(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "judge", *args], capture_output=True, text=True, timeout=600)


def points(problem_id: str, *groups: str) -> int:
    return sum(g.points for g in get_problem(problem_id).groups if g.name in groups)


def test_compile_error_is_scored_out_of_the_groups_run(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("def sort(:\n", encoding="utf-8")
    result = judge("run", "sorting", str(bad), "--group", "examples", "--sandbox", "process", "--json")
    report = json.loads(result.stdout)
    assert report["verdict"] == "compile_error"
    assert [g["name"] for g in report["groups"]] == ["examples"]
    assert (report["score"], report["max_score"]) == (0, points("sorting", "examples"))
    text = judge("run", "sorting", str(bad), "--group", "examples", "--sandbox", "process").stdout
    assert f"score 0/{points('sorting', 'examples')} " in text


def test_not_utf8_names_the_sandbox_used(tmp_path: Path) -> None:
    latin = tmp_path / "latin.py"
    latin.write_bytes(b"def sort(xs):\n    return xs  # \xe9\n")
    report = json.loads(judge("run", "sorting", str(latin), "--json", "--group", "properties").stdout)
    assert report["verdict"] == "compile_error" and "UTF-8" in report["message"]
    assert report["sandbox"] in ("process", "bwrap")
    assert report["max_score"] == points("sorting", "properties")


def test_replay_line_repeats_the_verdict_options(tmp_path: Path) -> None:
    wrong = tmp_path / "my sort.py"
    wrong.write_text("def sort(xs):\n    return list(xs)\n", encoding="utf-8")
    args = ["--group", "examples", "--group", "edge-cases", "--fail-fast", "--max-examples", "3",
            "--sandbox", "process"]
    result = judge("run", "sorting", str(wrong), "--seed", "7", *args)
    assert result.returncode == 1
    replay = next(line for line in result.stdout.splitlines() if "replay:" in line).split("replay:", 1)[1]
    words = shlex.split(replay)
    assert words[:4] == ["judge", "run", "sorting", str(wrong)]
    assert words[4:6] == ["--seed", "7"] and words[6:] == args
    # the first group fails and --fail-fast leaves the other out: the score is out of the group that ran
    assert f"score 0/{points('sorting', 'examples')} " in result.stdout.splitlines()[0]
