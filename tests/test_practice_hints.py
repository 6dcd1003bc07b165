"""How to practise is said where a person starts: `judge show`, the stub's docstring and `judge init` (with a
README.md in the practice folder) all give the command that runs only the public examples."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from judge.problems import all_problems, get_problem


def judge(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "judge", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=120)


def examples_command(problem_id: str) -> str:
    return f"judge run {problem_id} {get_problem(problem_id).module}.py --group examples"


def test_show_says_how_to_run_the_examples() -> None:
    assert examples_command("malloc") in judge("show", "malloc").stdout


def test_the_stub_docstring_says_how_to_run_the_examples() -> None:
    stub = judge("stub", "two-layer-net").stdout
    assert examples_command("two-layer-net") in ast.get_docstring(ast.parse(stub))


def test_init_writes_a_readme_and_says_where_to_start(tmp_path: Path) -> None:
    result = judge("init", str(tmp_path / "practice"), "sorting", "sudoku")
    assert result.returncode == 0, result.stderr
    readme = (tmp_path / "practice" / "README.md").read_text(encoding="utf-8")
    assert examples_command("sorting") in readme and examples_command("sorting") in result.stderr
    assert "`sudoku.py`" in readme and "`malloc.py`" not in readme
    kept = tmp_path / "practice" / "README.md"
    kept.write_text("my notes\n", encoding="utf-8")
    judge("init", str(tmp_path / "practice"), "sorting")
    assert kept.read_text(encoding="utf-8") == "my notes\n"  # a person's own README is not overwritten


def test_init_readme_lists_every_problem_by_default(tmp_path: Path) -> None:
    assert judge("init", str(tmp_path)).returncode == 0
    readme = (tmp_path / "README.md").read_text(encoding="utf-8")
    assert all(f"`{p.module}.py`" in readme for p in all_problems().values())
