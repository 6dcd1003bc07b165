"""No file of the judge's problems, hidden tests, references or known submissions is readable from the sandbox.

Checked by content (tests/leakcheck.py hashes what a hostile walker can read), under every backend, and for every
install a user may have: the interpreter running these tests, and the virtual environments named by
JUDGE_TEST_VENVS (os.pathsep-separated; .ci/run makes one with the wheel and one with an editable install).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import require_sandbox

LEAKCHECK = Path(__file__).resolve().parent / "leakcheck.py"


def _interpreters() -> list[str]:
    venvs = [v for v in os.environ.get("JUDGE_TEST_VENVS", "").split(os.pathsep) if v]
    if not venvs and os.environ.get("CI") == "true":
        raise RuntimeError("CI must check the wheel and editable installs: set JUDGE_TEST_VENVS (see .ci/run)")
    return [sys.executable, *(str(Path(v) / "bin" / "python") for v in venvs)]


def _leakcheck(python: str, *args: str) -> tuple[int, dict]:
    done = subprocess.run([python, str(LEAKCHECK), *args], capture_output=True, text=True, timeout=600,
                          check=False, cwd="/")
    try:
        return done.returncode, json.loads(done.stdout)
    except json.JSONDecodeError:
        pytest.fail(f"leakcheck with {python} {args} printed no report: {done.stderr[-2000:]}")


def _assert_contained(code: int, report: dict) -> None:
    assert report["secrets"] > 50, report  # the judge's files were found on the judge side
    assert report["stdlib_read"] and report["files_walked"] > 500, report  # the walker did walk and read
    assert report["leaks"] == [], json.dumps(report["leaks"][:10], indent=1)
    assert code == 0


@pytest.mark.parametrize("python", _interpreters())
def test_no_secret_is_readable_from_the_worker(backend: str, python: str) -> None:
    code, report = _leakcheck(python, "--sandbox", backend)
    if code == 3 and python != sys.executable:  # e.g. the docker image was built for another install
        pytest.skip(f"{backend} is not usable with {python}: {report['unavailable']}")
    _assert_contained(code, report)


@pytest.mark.parametrize("python", _interpreters())
def test_bwrap_mounts_alone_hide_every_secret(python: str) -> None:
    """Without the worker's audit hook: the file-system view itself holds nothing secret."""
    require_sandbox("bwrap")
    _assert_contained(*_leakcheck(python, "--sandbox", "bwrap", "--raw"))


def test_the_leak_check_finds_an_exposed_secret() -> None:
    """The check can fail: a view that binds the references in is reported as leaking them."""
    require_sandbox("bwrap")
    from judge.problems import solutions_root

    code, report = _leakcheck(sys.executable, "--sandbox", "bwrap", "--raw", "--expose", str(solutions_root()))
    assert code == 1
    assert any(leak["secret"].endswith("sorting.py") for leak in report["leaks"]), report["leaks"]
