"""A wheel built from the repository carries the problems, references and templates, and judges from them."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import REPO


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out)],
                            cwd=REPO, capture_output=True, text=True, timeout=600)
    if result.returncode != 0 and "No module named" in result.stderr:
        pytest.skip(f"cannot build here: {result.stderr.strip().splitlines()[-1]}")
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    return next(out.glob("judge-*.whl"))


def test_wheel_contains_problem_data(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "judge/_data/problems/sorting/problem.toml" in names
    assert "judge/_data/solutions/sorting.py" in names
    assert "judge/_data/templates/stub.py.j2" in names
    assert any(n.startswith("judge/_data/problems/sorting/tests/test_") for n in names)
    assert not any(n.startswith("judge/_data/tests/") or "/submissions/" in n for n in names)
    assert (REPO / "problems" / "sorting" / "known").is_dir()  # so the next line tests something
    known = [n for n in names if n.startswith("judge/_data/problems/") and "/known/" in n]
    assert known == []  # the author's regression suite, not the users'
    assert "judge/_data/templates/new/known/README.md.j2" in names  # `judge new` still writes a known/ folder
    assert not any("__pycache__" in n for n in names)


def test_installed_wheel_generates_a_stub(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target),
                    str(wheel)], check=True, capture_output=True, timeout=600)
    code = "from judge.problems import data_root, get_problem; from judge.stubs import render_stub; " \
           "print(data_root()); print(render_stub(get_problem('sorting')))"
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True,
                            env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"}, timeout=120)
    assert result.returncode == 0, result.stderr
    assert str(target / "judge" / "_data") in result.stdout and "def sort(" in result.stdout
