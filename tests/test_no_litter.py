"""A practising user's folder holds only what they asked for: no `.hypothesis/` after a run, and `judge new`
writes where it is run (or --root), never into the judge's own checkout."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import REPO


def judge(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "judge", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=600, env=env)


def test_run_leaves_nothing_in_the_current_directory(tmp_path: Path) -> None:
    work, elsewhere = tmp_path / "work", tmp_path / "elsewhere"
    work.mkdir()
    elsewhere.mkdir()
    solution = elsewhere / "s.py"
    solution.write_text((REPO / "solutions" / "sorting.py").read_text(encoding="utf-8"), encoding="utf-8")
    result = judge("run", "sorting", str(solution), "--sandbox", "process", "--max-examples", "5", "--json",
                   cwd=work)
    assert result.returncode == 0, result.stdout + result.stderr
    assert list(work.iterdir()) == []
    assert sorted(p.name for p in elsewhere.iterdir()) == ["s.py"]


def test_new_writes_into_the_current_directory_not_the_checkout(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "JUDGE_PROBLEMS_PATH"}
    result = judge("new", "litter-probe", cwd=tmp_path, env=env)
    try:
        assert result.returncode == 0, result.stderr
        assert (tmp_path / "problems" / "litter-probe" / "problem.toml").is_file()
        assert (tmp_path / "solutions" / "litter_probe.py").is_file()
    finally:
        assert not (REPO / "problems" / "litter-probe").exists()
        assert not (REPO / "solutions" / "litter_probe.py").exists()
