"""File-system errors on user input end in one line and exit 2, never a Python traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest


def judge(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "judge", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=120)


def one_line_error(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    return lines[0]


def test_stub_into_a_missing_directory(tmp_path: Path) -> None:
    line = one_line_error(judge("stub", "sorting", "-o", str(tmp_path / "newdir" / "x.py")))
    assert "newdir" in line


def test_init_where_no_directory_can_be_made() -> None:
    line = one_line_error(judge("init", "/proc/nope", "sorting"))
    assert "/proc/nope" in line


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_init_into_a_read_only_directory(tmp_path: Path) -> None:
    target = tmp_path / "ro"
    target.mkdir()
    target.chmod(0o500)
    try:
        (target / "probe").touch()
    except PermissionError:
        pass
    else:  # running as root: permissions are not enforced
        target.chmod(0o700)
        pytest.skip("permissions are not enforced for this user")
    try:
        one_line_error(judge("init", str(target), "sorting"))
    finally:
        target.chmod(0o700)


def test_names_too_long_for_the_file_system(tmp_path: Path) -> None:
    long = str(tmp_path / ("x" * 300 + ".py"))
    one_line_error(judge("stub", "sorting", "-o", long))
    one_line_error(judge("run", "sorting", long))
