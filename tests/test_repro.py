"""`judge repro`: a standalone pytest file for the failing call of a run (arrays in an .npz beside it), that
fails on the submission as the judge did and passes once the submission is right; it says it runs unsandboxed."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from conftest import REPO


def judge(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "judge", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=600)


def pytest_on(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", path.name],
                          capture_output=True, text=True, cwd=path.parent, timeout=600)


def test_repro_of_a_list_problem_fails_then_passes_when_fixed(tmp_path: Path) -> None:
    mine = tmp_path / "sorting.py"
    mine.write_text("def sort(xs):\n    return list(reversed(xs))\n", encoding="utf-8")
    result = judge("repro", "sorting", "sorting.py", "--seed", "3", "--sandbox", "process", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "OUTSIDE the sandbox" in result.stdout
    test_file = tmp_path / "test_repro_sorting.py"
    assert "OUTSIDE the judge's sandbox" in test_file.read_text(encoding="utf-8")
    assert not (tmp_path / "test_repro_sorting.npz").exists()  # no arrays, no .npz
    failing = pytest_on(test_file)
    assert failing.returncode == 1 and "AssertionError" in failing.stdout, failing.stdout
    shutil.copy(REPO / "solutions" / "sorting.py", mine)
    assert pytest_on(test_file).returncode == 0


def test_repro_of_a_numpy_problem_saves_the_arrays(tmp_path: Path) -> None:
    mine = tmp_path / "two_layer_net.py"
    shutil.copy(REPO / "problems" / "two-layer-net" / "known" / "wrong_answer_divide_by_n.py", mine)
    result = judge("repro", "two-layer-net", str(mine), "--seed", "5", "--group", "properties", "--sandbox",
                   "process", "--max-examples", "10", "-o", str(tmp_path / "out"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    test_file = tmp_path / "out" / "test_repro_two_layer_net.py"
    assert (tmp_path / "out" / "test_repro_two_layer_net.npz").is_file()
    assert pytest_on(test_file).returncode == 1
    shutil.copy(REPO / "solutions" / "two_layer_net.py", mine)
    assert pytest_on(test_file).returncode == 0


def test_nothing_to_reproduce_is_one_line(tmp_path: Path) -> None:
    shutil.copy(REPO / "solutions" / "sorting.py", tmp_path / "sorting.py")
    result = judge("repro", "sorting", "sorting.py", "--seed", "1", "--group", "examples", "--sandbox", "process",
                   cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("Error: ") and "accepted" in result.stderr
    assert not (tmp_path / "test_repro_sorting.py").exists()
